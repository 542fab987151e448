"""The engine as another commune gets it: a wheel built from this repository, installed into a fresh virtual
environment (no editable install, no file of this repository reachable), `ocop init` for a commune of
another province, a producer and a product with `ocop new`, a strict build, the editor under `ocop serve`,
no name of Quảng Trung's anywhere; then a newer wheel installed changes nothing in the site folder.

Full tier (builds a wheel, a virtual environment, runs `ocop` and a server in subprocesses; ~30 s). The
pinned dependencies come from a symlink overlay of this test environment's site-packages without the
engine's own files (one .pth), so the test needs no network and takes seconds; the wheel's `ocop` is the
only one importable there (checked).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, decode_qr, fetch, free_port, full_tier_fixture, run, wait_until

EPOCH = "1796000000"
DOMAIN = "huongson.hatinh.gov.vn"
# Left out of the overlay: the engine itself (its editable finder and .pth), pip's own and build tools.
NOT_DEPENDENCIES = ("__editable__", "ocop", "_ocop", "pip", "setuptools", "_distutils_hack", "pkg_resources", "__pycache__", "distutils-precedence")


def overlay(target: Path) -> Path:
    """A folder of links to every installed distribution of this test environment but the engine's."""
    site_packages = Path(next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()))
    target.mkdir()
    for entry in site_packages.iterdir():
        if entry.name.startswith(NOT_DEPENDENCIES) or entry.suffix == ".pth":
            continue
        (target / entry.name).symlink_to(entry)
    return target


def build_wheel(source: Path, dist: Path, version: str | None = None) -> Path:
    """A wheel of a copy of the engine (pip writes build/ into its source: never into the repository),
    built offline by this environment's setuptools (requirements-dev.txt): nothing is downloaded."""
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source / "pyproject.toml")
    shutil.copytree(ROOT / "scripts" / "ocop", source / "scripts" / "ocop", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    if version:
        text = (source / "pyproject.toml").read_text(encoding="utf-8")
        (source / "pyproject.toml").write_text(re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', text), encoding="utf-8")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(dist), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return next(dist.glob("ocop_site-*.whl"))


def pip_install(venv: Path, *args: str, cwd: Path | None = None) -> None:
    """pip into the fresh environment, offline: the engine only, its dependencies are the overlay's."""
    command = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q", "--no-deps", "--no-index", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=cwd)
    assert result.returncode == 0, result.stderr


def clean_env(venv: Path) -> dict:
    """A user's shell with the fresh environment first on PATH: no variable of this test environment."""
    keep = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    path = os.pathsep.join(p for p in keep.get("PATH", "").split(os.pathsep) if not p.startswith(str(Path(sys.executable).parent)))
    return {**keep, "PATH": f"{venv / 'bin'}{os.pathsep}{path}", "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}


class Fresh:
    """The fresh environment (root/venv) and the new commune's site made with it (root/huong-son)."""

    def __init__(self, root: Path, wheel: Path):
        self.root, self.venv, self.site, self.wheel = root, root / "venv", root / "huong-son", wheel

    def run(self, program: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.venv / "bin" / program), *args], cwd=cwd or self.root, capture_output=True, text=True,
                              encoding="utf-8", env=clean_env(self.venv), timeout=600)

    def ocop(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        return self.run("ocop", *args, cwd=cwd)


@full_tier_fixture(scope="module")
def fresh(tmp_path_factory) -> Fresh:
    """The wheel installed in a fresh environment, and a new site made, filled and built with it."""
    root = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(root / "src", root / "dist")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root / "venv")], check=True)
    packages = next((root / "venv" / "lib").glob("python3*/site-packages"))
    (packages / "ocop-dependencies.pth").write_text(str(overlay(root / "overlay")) + "\n", encoding="utf-8")
    pip_install(root / "venv", str(wheel))
    fresh = Fresh(root, wheel)
    where = fresh.run("python", "-c", "import ocop; print(ocop.__file__)")
    assert where.stdout.strip().startswith(str(packages)), where.stdout + where.stderr  # the wheel's, not this repository's
    made = fresh.ocop("init", "huong-son", "--commune", "Hương Sơn", "--province", "Hà Tĩnh", "--domain", DOMAIN)
    assert made.returncode == 0, made.stderr
    assert fresh.ocop("new", "producer", "Hợp tác xã Đông Sơn", cwd=fresh.site).returncode == 0
    product = fresh.ocop("new", "product", "Nước mắm Đông Sơn", "--producer", "hop-tac-xa-dong-son", cwd=fresh.site)
    assert product.returncode == 0, product.stderr
    with (fresh.site / "products/hop-tac-xa-dong-son/nuoc-mam-dong-son.yml").open("a", encoding="utf-8") as file:
        file.write("story: |\n  Nước mắm thử nghiệm của một cơ sở ví dụ.\n")  # a product with a story gets a code
    built = fresh.ocop("build", cwd=fresh.site)
    assert built.returncode == 0, built.stderr
    return fresh


def test_the_product_page_and_its_qr_code_from_the_wheel_alone(fresh):
    site = fresh.site / "site"
    page = (site / "san-pham/nuoc-mam-dong-son/index.html").read_text(encoding="utf-8")
    assert "Nước mắm Đông Sơn" in page and "Hợp tác xã Đông Sơn" in page
    code = yaml.safe_load((fresh.site / "products/_registry/codes.yml").read_text(encoding="utf-8"))
    [(short, slug)] = code.items()
    assert slug == "nuoc-mam-dong-son"
    assert decode_qr(site / "san-pham/nuoc-mam-dong-son/qr-nuoc-mam-dong-son.png") == [f"HTTPS://{DOMAIN.upper()}/Q/{short}/"]
    assert (site / "Q" / short / "index.html").is_file()
    assert (site / "huong-dan/index.html").is_file() and (site / "assets/stylesheets/ocop.css").is_file()
    assert len(run(["git", "log", "--oneline"], fresh.site).stdout.splitlines()) == 1  # ocop init's first commit


def test_the_wheel_holds_every_file_of_the_engine(fresh):
    """Each file of scripts/ocop/ Git knows (templates, theme, guide, starter, editor, catalogues) is in the
    wheel: a package-data glob left out would otherwise show only on a commune's machine."""
    tracked = run(["git", "ls-files", "scripts/ocop"], ROOT).stdout.splitlines()
    with zipfile.ZipFile(fresh.wheel) as wheel:
        packed = set(wheel.namelist())
    assert len(tracked) > 150
    assert [path for path in tracked if path.removeprefix("scripts/") not in packed] == []


def test_the_editor_under_ocop_serve(fresh):
    port = free_port()
    server = subprocess.Popen([str(fresh.venv / "bin" / "ocop"), "serve", "--address", f"127.0.0.1:{port}"], cwd=fresh.site,
                              env=clean_env(fresh.venv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until(lambda: fetch(base + "quan-tri/")[0] == 200, timeout=60)
        status, config = fetch(base + "quan-tri/config.yml")
        assert status == 200 and "Sản phẩm OCOP xã Hương Sơn" in config
        assert "Nước mắm Đông Sơn" in fetch(base + "san-pham/")[1]
    finally:
        server.terminate()
        server.wait(timeout=30)


def forbidden_names() -> list[str]:
    """Quảng Trung's names, read from this repository's data: the commune, its products and producers."""
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    commune = settings["extra"]["commune"]
    names = [commune[key] for key in ("name", "former_district", "province", "merged_into")]
    names += [label for label in settings["site_url"].split("//")[1].split(".") if label not in ("gov", "vn")]
    for path in (ROOT / "products").glob("[!_]*/*.yml"):  # the producers' folders
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names += [data["name"], path.parent.name if path.name == "producer.yml" else path.stem]
    names += ["Năm Quyền", "Huân Hồng", "quang trung", "quang-trung", "1686/NQ-UBTVQH15"]
    return sorted({name for name in names if len(name) > 3})


def folded(text: str) -> str:
    """Case and diacritics left aside: "Quảng Trung" and "quang trung" are one name (đ is d)."""
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(char for char in text if not unicodedata.combining(char))


TEXT = {".html", ".md", ".yml", ".yaml", ".json", ".js", ".css", ".xml", ".txt", ".svg", ".j2", ""}


def test_no_name_of_quang_trungs_in_the_folder_or_its_site(fresh):
    names = [folded(name) for name in forbidden_names()]
    assert "quang trung" in names and "nuoc-mam-nam-quyen" in names and "thanhhoa" in names
    found = []
    for path in sorted(fresh.site.rglob("*")):
        if not path.is_file() or ".git" in path.parts or ".cache" in path.parts or path.suffix.lower() not in TEXT:
            continue
        text = folded(path.read_text(encoding="utf-8", errors="ignore"))
        found += [f"{path.relative_to(fresh.site)}: {name}" for name in names if name in text]
    assert found == []


def tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".git" not in path.parts}


def test_a_newer_engine_changes_nothing_in_the_folder_and_rebuilds_it(fresh):
    """The upgrade as the README tells it: the version in the one line of requirements.txt, then pip."""
    site = fresh.site
    run(["git", "add", "-A"], site)  # the officer's producer and product, committed as `ocop publish` would
    run(["git", "-c", "user.name=Cán bộ thử nghiệm", "-c", "user.email=thu-nghiem@example.invalid", "commit", "-q", "-m", "Thêm sản phẩm"], site)
    assert fresh.ocop("build", cwd=site).returncode == 0  # the pages' "as of" date follows the data's last commit
    before, pages = tree(site), tree(site / "site")
    assert run(["git", "status", "--porcelain"], site).stdout == ""
    [line] = [line for line in (site / "requirements.txt").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert line == "ocop-site==0.1.0"  # a wheel from a file: its name and version
    newer = build_wheel(fresh.root / "src-0.1.1", fresh.root / "dist-0.1.1", version="0.1.1")
    (site / "requirements.txt").write_text((site / "requirements.txt").read_text(encoding="utf-8").replace("0.1.0", "0.1.1"), encoding="utf-8")
    pip_install(fresh.venv, "--find-links", str(newer.parent), "-r", "requirements.txt", cwd=site)
    assert fresh.run("python", "-c", "import importlib.metadata as m; print(m.version('ocop-site'))").stdout.strip() == "0.1.1"
    rebuilt = fresh.ocop("build", cwd=site)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run(["git", "status", "--porcelain"], site).stdout == " M requirements.txt\n"  # the officer's one line, nothing else
    unchanged = {path: digest for path, digest in tree(site).items() if not path.startswith(("site/", ".cache/"))}
    assert {path for path, digest in unchanged.items() if before.get(path) != digest} == {"requirements.txt"}
    assert tree(site / "site") == pages  # the same pages, byte for byte
    checked = fresh.ocop("check", cwd=site)
    assert checked.returncode == 0 and "ocop schema" not in checked.stderr  # the same models: schemas still current


def test_the_engines_pins_are_those_of_requirements_txt():
    """A commune's site names only the engine: the versions its wheel asks for are the ones tested here."""
    import tomllib

    pins = dict(re.findall(r"(?m)^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8")))
    pins = {name.lower().replace("_", "-"): version for name, version in pins.items()}
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    wrong = [dependency for dependency in dependencies if f"{dependency.split('==')[0]}" not in pins or dependency.split("==")[1] != pins[dependency.split("==")[0]]]
    assert wrong == []
