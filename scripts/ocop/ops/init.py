"""`ocop init DIR`: a new commune's site folder, which `ocop serve` shows at once.

The folder holds only what the commune writes (README.md: the engine/site boundary): mkdocs.yml,
products/ (the register, a plan for this year to fill in, the schemas), docs/ (home, English home,
news, legal texts), .gitignore, the daily rebuild workflow and a requirements.txt of one line naming the
engine. Everything else (templates, theme, guide, editor, fonts) comes from the installed engine. The
files are made from the starter templates (starter/, package data) with the commune's names, written
into a temporary folder beside DIR and renamed into place: an interrupted init leaves nothing half made.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..media.labels import format_mm
from ..media.printing import domain_qr, domain_qr_note
from ..media.qr import QrStyle
from ..model.commune import Commune
from ..model.news import slugify
from ..model.places import check_domain, display, province_display, province_split, split_unit
from ..pages.render import escape_text
from .schema import SCHEMA_DIR, schemas

DISTRIBUTION = "ocop-site"
# Names a template file cannot carry (a packaged file starting with a dot is left out of the wheel).
RENAMED = {"gitignore": ".gitignore", "github": ".github", "docs/tin-tuc/authors.yml": "docs/tin-tuc/.authors.yml"}
EMPTY_FOLDERS = ("docs/tin-tuc/posts/anh",)  # kept in Git by a .gitkeep
CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")  # "thành phố", not "tỉnh"
NAME = re.compile(r"^[\w][\w '’.()-]*$")


class InitError(Exception):
    """Why the site was not created, in Vietnamese."""


@dataclass(frozen=True)
class NewSite:
    commune: str  # as mkdocs.yml keeps it: "Hương Sơn" (a xã, without the word), "Phường 12"
    province: str  # "Hà Tĩnh" (a tỉnh, without the word), "Thành phố Huế"
    domain: str  # "huongson.hatinh.gov.vn"
    formers: tuple[str, ...] = field(default_factory=tuple)  # the former communes it was merged from

    @property
    def xa(self) -> str:
        return display(self.commune)  # "xã Hương Sơn", "phường 12"

    @property
    def tinh(self) -> str:
        return province_display(self.province)  # "tỉnh Hà Tĩnh", "thành phố Huế"


def commune_name(text: str) -> str:
    """A commune's name as mkdocs.yml keeps it: "Xã Hương Sơn" → "Hương Sơn"; "Phường 12", "Xã 7" keep their word."""
    unit, name = split_unit(text)
    return name if unit == "xã" and not name[:1].isdigit() else f"{unit.capitalize()} {name}"  # "Xã 7"


def province_name(text: str) -> str:
    """A province as mkdocs.yml keeps it: "Tỉnh Hà Tĩnh" → "Hà Tĩnh"; a city keeps "Thành phố" ("Huế" too)."""
    unit, name = province_split(text)
    return f"Thành phố {name}" if unit == "thành phố" or name in CITIES else name


def problems_of(site: NewSite) -> list[str]:
    """What is wrong with the answers, each a Vietnamese sentence (the domain's, places.check_domain's)."""
    problems = [
        f"{what} '{value}' chưa đúng: chỉ ghi chữ, số, dấu cách (tối đa 60 ký tự), ví dụ {example}"
        for what, value, example in (
            ("tên xã", site.commune, "Hương Sơn"), ("tên tỉnh", site.province, "Hà Tĩnh"),
            *(("tên xã cũ", former, "Sơn Tây") for former in site.formers),
        )
        if not NAME.match(value) or len(value) > 60
    ]
    return problems + [f"tên miền '{site.domain}': {problem}" for problem in check_domain(site.domain).problems]


def domain_lines(site: NewSite) -> list[str]:
    """What the officer should know of the domain before anything is printed: the QR code a pack will carry
    (its version and width) and what is unusual in the host (not .gov.vn, a district level …)."""
    style = QrStyle()
    site_url = f"https://{site.domain}/"
    info = domain_qr(site_url, style)
    lines = [f"Mã QR trên bao bì: HTTPS://{site.domain.upper()}/Q/MÃ/ (phiên bản {info.version}, rộng "
             f"{format_mm(info.size_mm(style.module_mm, style.border))} mm ở ô {format_mm(style.module_mm)} mm, kể cả lề)"]
    note = domain_qr_note(site_url, style, [])
    return lines + [f"Lưu ý về tên miền: {text}." for text in check_domain(site.domain).warnings] + ([note] if note else [])


def engine_requirement() -> str:
    """The line of the site's requirements.txt naming the engine, as this installation of it came
    (PEP 610): its Git address, its wheel's web address, or else its name and version."""
    try:
        distribution = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return DISTRIBUTION
    direct = json.loads(distribution.read_text("direct_url.json") or "{}")
    url = direct.get("url", "")
    vcs = direct.get("vcs_info")
    if vcs and url:
        return f"{DISTRIBUTION} @ git+{url}@{vcs.get('requested_revision') or vcs.get('commit_id')}"
    if url.startswith(("https://", "http://")):
        return f"{DISTRIBUTION} @ {url}"
    return f"{DISTRIBUTION}=={distribution.version}"


def starter_files(site: NewSite, engine: str, year: int) -> dict[str, str | bytes]:
    """Each file of the new folder (its path in the folder → its content)."""
    folder = Path(str(resources.files("ocop.ops") / "starter"))
    environment = Environment(
        loader=PackageLoader("ocop.ops", "starter"), undefined=StrictUndefined, keep_trailing_newline=True,
        trim_blocks=True, lstrip_blocks=True,
    )
    environment.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    environment.filters["md"] = escape_text
    context = dict(
        name=site.commune, province=site.province, xa=site.xa, tinh=site.tinh, site_url=f"https://{site.domain}/",
        formers=list(site.formers), formers_text=_joined(site.formers), year=year, engine=engine,
        formers_field="former_communes" in Commune.model_fields,
        description=f"Trang thông tin Chương trình mỗi xã một sản phẩm (OCOP) của {site.xa}, {site.tinh}",
    )
    files: dict[str, str | bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = path.relative_to(folder).as_posix()
        target = _renamed(relative.removesuffix(".j2"))
        if path.suffix == ".j2":
            files[target] = environment.get_template(relative).render(**context)
        else:
            files[target] = path.read_bytes()
    files.update({f"products/{SCHEMA_DIR}/{name}": text for name, text in schemas().items()})
    files.update({f"{empty}/.gitkeep": b"" for empty in EMPTY_FOLDERS})
    return files


def _renamed(relative: str) -> str:
    for packaged, written in RENAMED.items():
        if relative == packaged or relative.startswith(packaged + "/"):
            return written + relative[len(packaged):]
    return relative


def _joined(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1] if names else ""


def refuse_full(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InitError(
            f"Thư mục {folder} đã có tệp: ocop init chỉ tạo trang trong thư mục trống hoặc chưa có. "
            f"Hãy chọn tên khác, ví dụ: ocop init trang-ocop-{slugify(folder.name) or 'xa'}-moi"
        )


def write_site(folder: Path, files: dict[str, str | bytes]) -> None:
    """Every file into a temporary folder beside `folder`, then renamed into place."""
    refuse_full(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.ocop-init-", dir=folder.parent))
    try:
        for relative, content in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="\n")
        if folder.exists():
            folder.rmdir()  # empty: checked above
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def first_commit(folder: Path, site: NewSite) -> str:
    """`git init` and a first commit of the whole folder; what was done, or why not, in Vietnamese."""
    git = shutil.which("git")
    if git is None:
        return ("Máy chưa có Git: đã tạo thư mục nhưng chưa lưu phiên bản đầu. Cài Git (https://git-scm.com) rồi chạy "
                "trong thư mục: git init, git add -A, git commit -m \"Tạo trang\"")
    said = []
    try:
        _git(git, folder, "init", "-q")
        _git(git, folder, "symbolic-ref", "HEAD", "refs/heads/main")  # the workflow runs on main (-b main needs Git 2.28)
        for key, value in (("user.name", f"UBND {site.xa}"), ("user.email", f"ocop@{site.domain}")):
            if not _git(git, folder, "config", key, check=False).stdout.strip():  # a local identity only when none
                _git(git, folder, "config", key, value)
                said.append(f"{key} = {value}")
        _git(git, folder, "add", "-A")
        _git(git, folder, "-c", "commit.gpgsign=false", "commit", "-q", "-m", f"Tạo trang OCOP {site.xa} (ocop init)")
    except subprocess.CalledProcessError as error:
        return (f"Chưa lưu được phiên bản đầu vào Git ({(error.stderr or '').strip()}): hãy chạy trong thư mục: "
                "git add -A, git commit -m \"Tạo trang\"")
    identity = f" Người lưu trong Git của thư mục này: {', '.join(said)} (đổi bằng git config user.name \"Họ tên\")." if said else ""
    return "Đã lưu phiên bản đầu vào Git (nhánh main)." + identity


def _git(git: str, folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [git, *args], cwd=folder, check=check, capture_output=True, text=True, env={**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    )
