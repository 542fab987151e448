"""The `ocop` plugin in mkdocs.yml: ProperDocs and MkDocs 1.6.1 build the same site with it, and an edited
YAML file changes the built page (on a build, and in `mkdocs serve`, which watches products/).

The two engines' sites are compared file by file, and one line only is ignored: the
`<meta name="generator">` of each page, where each engine names itself ("mkdocs-1.6.1,
mkdocs-material-9.8.1" against "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"). Both builds run with
one SOURCE_DATE_EPOCH, so the sitemap's <lastmod>, the date inside sitemap.xml.gz and the pages' "as of"
dates agree even across midnight: every other byte of every file must match.
"""
from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path

from conftest import BIN, environment, free_port, run, text_of, wait_until

SAME_DAY = {"SOURCE_DATE_EPOCH": "1764300000"}  # 28/11/2025, for both builds
GENERATOR = re.compile(r'^\s*<meta name="generator" content="[^"]*">\n', re.MULTILINE)


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def test_mkdocs_and_properdocs_build_the_same_site(project, tmp_path):
    with_mkdocs = run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "mkdocs")], project.root, SAME_DAY)
    assert with_mkdocs.returncode == 0, with_mkdocs.stderr
    with_properdocs = run(
        [str(BIN / "properdocs"), "build", "-f", "mkdocs.yml", "--strict", "-d", str(tmp_path / "properdocs")],
        project.root, SAME_DAY,
    )
    assert with_properdocs.returncode == 0, with_properdocs.stderr
    first, second = files_of(tmp_path / "mkdocs"), files_of(tmp_path / "properdocs")
    assert "san-pham/nuoc-mam-nam-quyen/index.html" in first
    assert sorted(first) == sorted(second)
    # Each build is what it says: otherwise the comparison below would compare one engine with itself.
    assert 'content="mkdocs-1.6.1, ' in first["index.html"].read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7, ' in second["index.html"].read_text(encoding="utf-8")
    different = []
    for name, path in first.items():
        if name.endswith(".html"):
            same = GENERATOR.sub("", path.read_text(encoding="utf-8")) == GENERATOR.sub("", second[name].read_text(encoding="utf-8"))
        else:
            same = path.read_bytes() == second[name].read_bytes()
        if not same:
            different.append(name)
    assert not different, f"the engines built these files differently: {different[:20]}"


FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"


def _edit(project, old: str, new: str) -> None:
    path = project.root / FISH_SAUCE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_yaml_file_changes_the_built_page(project):
    assert project.build().code == 0
    assert "Ủ chượp trong chum sành" not in project.page("san-pham/nuoc-mam-nam-quyen/")
    _edit(project, "certification:", "story: Ủ chượp trong chum sành.\ncertification:")
    assert project.build().code == 0
    assert "Ủ chượp trong chum sành" in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))


def test_mkdocs_serve_picks_up_an_edit(project):
    """`make serve` watches products/: an edit shows on the next load, without restarting."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/san-pham/nuoc-mam-nam-quyen/"

    def fetch():
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        assert "Nước mắm Năm Quyền" in wait_until(fetch, timeout=60)
        _edit(project, "name: Nước mắm Năm Quyền", "name: Nước mắm cốt Năm Quyền")
        wait_until(lambda: "Nước mắm cốt Năm Quyền" in fetch(), timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=30)
