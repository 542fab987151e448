"""The built site, checked before anyone sees it.

After every build (the plugin's `on_post_build`) and before every publish (`ocop publish`), every HTML
page of the built folder is read and each address in it is followed inside the folder:

- every internal link, image, stylesheet, script, `srcset` entry and meta refresh leads to a file
  that exists, with the exact case of its name (the web server is case-sensitive even where the
  officer's Windows disk is not);
- absolute links to the site's own address (canonical links, the sitemap) lead to pages that exist;
- nothing links to `javascript:`, and no link, frame or object opens a `data:` address;
- every address a printed QR code encodes (and every short address under /Q/) opens a page, following
  the short address's forwarding page.

Links to other hosts, `mailto:` and `tel:` are not followed: the build must need no network.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from ..media.cache import read_notes, write_whole
from ..model.entries import Catalogue
from ..model.errors import Problem
from ..web.addresses import SiteSettings

# Attributes that hold one address, by tag; `srcset` holds several.
_ADDRESS_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "source": ("src",),
    "track": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "input": ("src",),
    "object": ("data",),
    "form": ("action",),
}
# Tags that may show an inline image from a `data:` address; anywhere else it could open a document.
_DATA_ALLOWED = {("img", "src"), ("source", "src"), ("link", "href"), ("video", "poster"), ("input", "src")}
_NOT_FOLLOWED = {"mailto", "tel", "sms", "geo"}
_REFRESH = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]  # a change to the check forgets what it found
MAX_FORWARDS = 5


@dataclass(frozen=True)
class Link:
    line: int
    tag: str
    attribute: str
    address: str


@dataclass
class _Page:
    """The addresses one HTML page refers to, with the line of each."""

    links: list[Link] = field(default_factory=list)
    refresh: str | None = None  # where a forwarding page (meta refresh) sends the visitor


# libxml2's HTML parser (lxml): ten times faster than html.parser on a built site of thousands of
# pages, and it keeps each element's line. It recovers from broken markup the way browsers do, mostly;
# what it reads as an address is what is checked.
_HTML = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True, no_network=True)


def parse_page(data: bytes) -> _Page:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:  # a broken byte must not hide the rest of the page
        data = data.decode("utf-8", errors="replace").encode("utf-8")
    page = _Page()
    root = etree.fromstring(data, _HTML) if data.strip() else None
    if root is None:
        return page
    for element in root.iter(etree.Element):
        tag, values, line = element.tag, element.attrib, element.sourceline or 1
        for attribute in _ADDRESS_ATTRIBUTES.get(tag, ()):
            if values.get(attribute) is not None:
                page.links.append(Link(line, tag, attribute, values[attribute]))
        if tag in ("img", "source") and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    page.links.append(Link(line, tag, "srcset", candidate.split()[0]))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.match(values.get("content") or "")
            if match:
                page.refresh = match.group(1).strip()
                page.links.append(Link(line, tag, "refresh", page.refresh))
        if tag == "script" and values.get("id") == "__config":  # Material's settings: the search worker is an asset too
            try:
                config = json.loads(element.text or "")
            except ValueError:
                config = {}
            if isinstance(config, dict) and isinstance(config.get("search"), str):  # relative to the page
                page.links.append(Link(line, "script", "search", config["search"]))
    return page


@lru_cache(maxsize=4096)
def _scheme(address: str) -> str:
    return urlsplit(_CONTROL.sub("", address)).scheme.lower()


class SiteCheck:
    """Follows addresses inside one built site folder, served at `site_url`.

    With a `memory` file, what was found in each page is kept for the next check: a page with the same
    bytes, in a site with the same files at the same address, has the same problems, so a rebuild with
    little changed reads only the pages that did change. Any other difference forgets it all."""

    def __init__(self, site_dir: Path, site_url: str, memory: Path | None = None):
        self.site_dir = Path(site_dir)
        parts = urlsplit(site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}".lower()
        self.prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
        # Exact names, so that a wrong case is caught on a case-insensitive disk too.
        self.files = {
            path.relative_to(self.site_dir).as_posix() for path in self.site_dir.rglob("*") if path.is_file()
        }
        self.folders = {""}
        for name in self.files:
            folder = posixpath.dirname(name)
            while folder not in self.folders:
                self.folders.add(folder)
                folder = posixpath.dirname(folder)
        self._forwards: dict[str, str | None] = {}  # page → where its meta refresh sends, once read
        self.memory = memory
        self._identity = self._site_identity()
        self._recalled = self._recall()  # page → [hash of its bytes, its forward, its problems]
        self._remembered: dict[str, list] = {}
        self._targets: dict[tuple[str, str, int], tuple[str | None, str | None]] = {}

    def forward(self, name: str) -> str | None:
        """Where the page's meta refresh sends the visitor (None: it is a page to stay on)."""
        if name not in self._forwards:
            self._forwards[name] = parse_page((self.site_dir / name).read_bytes()).refresh
        return self._forwards[name]

    def target(self, address: str, from_file: str) -> tuple[str | None, str | None]:
        """(site file the address opens, None) or (None, why not); (None, None) when not followed."""
        directory = posixpath.dirname(from_file)
        # Every page repeats the theme's links, written relative to the page ("../../assets/…"). Where an
        # address climbs k folders, it leads to the same place from every folder with the same ancestor
        # k levels up: that ancestor (and how far above the root it climbs) is the key of the answer.
        climbs = 0
        while address.startswith("../", 3 * climbs):
            climbs += 1
        parts = directory.split("/") if directory else []
        key = (address, "/".join(parts[: max(0, len(parts) - climbs)]), max(0, climbs - len(parts)))
        if key not in self._targets:
            self._targets[key] = self._target(address, directory)
        return self._targets[key]

    def _target(self, address: str, directory: str) -> tuple[str | None, str | None]:
        scheme = _scheme(address)
        address = _CONTROL.sub("", address)
        if scheme == "javascript" or scheme == "vbscript":
            return None, "chạy mã: không được phép trong trang"
        if not address or address.startswith("#") or scheme in _NOT_FOLLOWED or scheme == "data":
            return None, None
        base = self.origin + self.prefix + directory
        absolute = urljoin(base.rstrip("/") + "/", address)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}".lower() != self.origin:
            return None, None  # another host: not ours to check, and no network at build time
        path = unquote(parts.path)
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return None, f"trỏ ra ngoài trang web ({self.prefix})"
        relative = path[len(self.prefix):]
        if relative in self.files:
            return relative, None
        folder = relative.rstrip("/")
        index = f"{folder}/index.html" if folder else "index.html"
        if (relative.endswith("/") or not relative or folder in self.folders) and index in self.files:
            return index, None
        return None, "không dẫn tới trang hay tệp nào của trang web"

    def _site_identity(self) -> str:
        digest = hashlib.sha256(f"{_VERSION}\n{self.origin}{self.prefix}\n".encode())
        for name in sorted(self.files):
            digest.update(name.encode("utf-8", "surrogateescape") + b"\n")
        return digest.hexdigest()

    def _recall(self) -> dict[str, list]:
        data = read_notes(self.memory)
        if data.get("site") != self._identity or not isinstance(data.get("pages"), dict):
            return {}
        return data["pages"]

    def remember(self) -> None:
        """Keep what this check found in each page for the next one (when given a memory file)."""
        if self.memory is None or (self._remembered and self._remembered == self._recalled):
            return  # nothing new: the file stays as it is
        write_whole(self.memory, json.dumps({"site": self._identity, "pages": self._remembered}, ensure_ascii=False).encode("utf-8"))

    def page_problems(self, name: str) -> list[Problem]:
        data = (self.site_dir / name).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        recalled = self._recalled.get(name)
        if recalled is not None and recalled[0] == digest:
            self._forwards[name] = recalled[1]
            problems = [Problem(*problem) for problem in recalled[2]]
        else:
            page = parse_page(data)
            self._forwards[name] = page.refresh
            problems = self._links_problems(name, page)
        self._remembered[name] = [digest, self._forwards[name], [astuple(problem) for problem in problems]]
        return problems

    def _links_problems(self, name: str, page: _Page) -> list[Problem]:
        problems = []
        for link in page.links:
            if _scheme(link.address) == "data" and (link.tag, link.attribute) not in _DATA_ALLOWED:
                problems.append(Problem(name, link.line, None, f"<{link.tag}> mở một địa chỉ 'data:': không được phép"))
                continue
            _, why = self.target(link.address, name)
            if why:
                problems.append(Problem(name, link.line, None, f"liên kết '{link.address[:100]}' {why}"))
        return problems

    def check_pages(self) -> list[Problem]:
        problems = []
        for name in sorted(self.files):
            if name.endswith(".html"):
                problems += self.page_problems(name)
        if "sitemap.xml" in self.files:
            text = (self.site_dir / "sitemap.xml").read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                for address in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", line):
                    _, why = self.target(address, "sitemap.xml")
                    if why:
                        problems.append(Problem("sitemap.xml", number, None, f"địa chỉ '{address}' {why}"))
        return problems

    def check_address(self, address: str, source: str) -> Problem | None:
        """A printed address must open a page, through at most a few forwarding pages."""
        current, seen = address, set()
        from_file = ""
        for _ in range(MAX_FORWARDS):
            name, why = self.target(current, from_file)
            if name is None:
                why = why or f"không thuộc trang web {self.origin}{self.prefix}"
                via = f" (chuyển tiếp tới '{current}')" if current != address else ""
                return Problem(source, None, None, f"mã QR mở '{address}'{via}: {why}")
            if not name.endswith(".html"):
                return Problem(source, None, None, f"mã QR mở '{address}', không phải một trang ({name})")
            forward = self.forward(name)
            if forward is None:
                return None
            if name in seen:
                break
            seen.add(name)
            current, from_file = forward, name
        return Problem(source, None, None, f"mã QR mở '{address}', chuyển tiếp vòng quanh không tới trang nào")

    def check_short_addresses(self, short_folder: str) -> list[Problem]:
        """Every page under /Q/ forwards to a real page (also those no product of today prints)."""
        problems = []
        for name in sorted(self.files):
            if name.startswith(short_folder + "/") and name.endswith("/index.html"):
                address = self.origin + self.prefix + name[: -len("index.html")]
                problem = self.check_address(address, name)
                if problem:
                    problems.append(problem)
        return problems


def check_site(
    site_dir: Path, site_url: str, addresses: dict[str, str] | None = None, short_folder: str = "Q", memory: Path | None = None
) -> list[Problem]:
    """Every problem of the built site at `site_dir`; `addresses` maps each printed address to its source;
    `memory` is a file where the check keeps what it found in each page for the next check of this site."""
    check = SiteCheck(site_dir, site_url, memory)
    if "index.html" not in check.files:
        return [Problem(str(site_dir), None, None, "thư mục chưa có trang chủ index.html: bản dựng không đầy đủ")]
    problems = check.check_pages()
    check.remember()
    problems += check.check_short_addresses(short_folder)
    for address, source in (addresses or {}).items():
        problem = check.check_address(address, source)
        if problem:
            problems.append(problem)
    return problems


def printed_addresses(settings: SiteSettings, catalogue: Catalogue) -> dict[str, str]:
    """What each product's QR code encodes → the data file it comes from."""
    return {settings.qr_text(entry): entry.source for entry in catalogue.products.values()}
