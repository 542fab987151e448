"""A static site ages: the daily rebuild must exist, run at Vietnam's midnight and build strictly, and a
rebuild that fails (bad data, a broken page) must leave the served site byte for byte as it was.

The nightly command is read from README.md and the `make build` recipe from the Makefile, and run as
they are written (placeholders replaced), so that the documentation and the tests cannot drift apart.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from conftest import BIN, ROOT, environment, run

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"
BROKEN_LINK = '\n[Xem thêm](khong-co-trang-nay.md)\n'


def served(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the served folder, its bytes and modification time (dot-entries included)."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.parent.iterdir() if path.name.startswith(f".{folder.name}.ocop-") and "lock" not in path.name)


def nightly_command(project, target: Path) -> str:
    """The crontab line of README's nightly-rebuild section, without its schedule, for this project."""
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## A static site ages")[1].split("\n## ")[0]
    [line] = re.findall(r"`(5 0 \* \* \* [^`]+)`", section)
    command = line.split(None, 5)[5]
    assert "ocop publish --to /var/www/ocop-quang-trung --no-commit" in command
    (project.root / ".venv").symlink_to(BIN.parent, target_is_directory=True)
    return command.replace("/duong/dan/trang-ocop", shlex.quote(str(project.root))).replace(
        "/var/www/ocop-quang-trung", shlex.quote(str(target))
    )


def break_data(project) -> None:
    path = project.root / FISH_SAUCE
    path.write_text(path.read_text(encoding="utf-8").replace("name:", "name: [chưa đóng ngoặc\nname2:", 1), encoding="utf-8")


def break_page(project) -> None:
    """A page that fails only after the engine has started writing the new site (strict: a broken link)."""
    page = project.root / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + BROKEN_LINK, encoding="utf-8")


@pytest.mark.parametrize("breaking", [break_data, break_page])
def test_the_nightly_command_of_the_readme_never_touches_the_served_site_when_it_fails(project, tmp_path, breaking):
    target = tmp_path / "www"
    command = nightly_command(project, target)
    first = run(["sh", "-c", command], cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (target / "san-pham/nuoc-mam-nam-quyen/index.html").is_file()
    before = served(target)
    breaking(project)
    result = run(["sh", "-c", command], cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "trang web cũ vẫn giữ nguyên" in result.stderr or "trang web chưa được tạo" in result.stderr
    assert served(target) == before and leftovers(target) == []
    assert not (project.root / ".git").exists()  # --no-commit: the server's copy is never committed to


def make_build(project) -> list[str]:
    """The recipe of `make build` in the Makefile, as the shell would run it in the project."""
    makefile = ROOT.joinpath("Makefile").read_text(encoding="utf-8")
    [recipe] = re.findall(r"^build:.*\n\t(.+)$", makefile, re.MULTILINE)
    return shlex.split(recipe.replace("$(BIN)", str(BIN)))


BUILDS = {
    "make build": make_build,
    "properdocs build": lambda project: [str(BIN / "properdocs"), "build", "-f", "mkdocs.yml", "--strict"],
    "mkdocs build": lambda project: [str(BIN / "mkdocs"), "build", "--strict"],
    "ocop build": lambda project: [str(BIN / "ocop"), "build"],
}


@pytest.mark.parametrize("how", BUILDS)
def test_every_documented_build_leaves_the_old_site_when_it_fails_and_swaps_in_a_whole_new_one(project, how):
    command = BUILDS[how](project)
    site = project.site
    assert run(command, cwd=project.root).returncode == 0
    (site / ".well-known/acme-challenge").mkdir(parents=True)
    (site / ".well-known/acme-challenge/thu").write_text("thử nghiệm", encoding="utf-8")  # kept, as the engine keeps it
    before = served(site)
    for breaking in (break_page, break_data):
        breaking(project)
        result = run(command, cwd=project.root)
        assert result.returncode != 0, result.stdout + result.stderr
        assert served(site) == before and leftovers(site) == []
        original = ROOT / (FISH_SAUCE if breaking is break_data else "docs/index.md")
        (project.root / original.relative_to(ROOT)).write_bytes(original.read_bytes())
    fish_sauce = project.root / FISH_SAUCE
    fish_sauce.write_text(fish_sauce.read_text(encoding="utf-8").replace("certification:", "story: Ủ chượp trong chum.\ncertification:"), encoding="utf-8")
    result = run(command, cwd=project.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ủ chượp trong chum." in (site / "san-pham/nuoc-mam-nam-quyen/index.html").read_text(encoding="utf-8")
    assert (site / ".well-known/acme-challenge/thu").read_text(encoding="utf-8") == "thử nghiệm"
    assert leftovers(site) == []


def test_daily_rebuild_workflow():
    workflow = yaml.safe_load((ROOT / ".github/workflows/rebuild-daily.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "5 17 * * *"}]  # 00:05 in Vietnam (UTC+7)
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    # The whole history: "Thông tin tính đến ngày …" comes from each data file's last commit.
    [checkout] = [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
    assert "pip install -r requirements.txt" in steps and "properdocs build -f mkdocs.yml --strict" in steps
    # Published builds are warm: the photos, codes and label sheets of the last run are restored, and
    # each run saves its own (a cache entry cannot be overwritten: a new key a run, the newest restored).
    [cache] = [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache")]
    assert cache["with"]["path"] == ".cache/ocop"
    assert "github.run_id" in cache["with"]["key"] and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    position = [step.get("uses", step.get("run")) for step in workflow["jobs"]["build"]["steps"]]
    assert position.index(cache["uses"]) < position.index("properdocs build -f mkdocs.yml --strict")
    assert workflow["jobs"]["deploy"]["if"] == "vars.OCOP_DEPLOY_PAGES == 'true'"
