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

import json
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .errors import Problem

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
MAX_FORWARDS = 5


@dataclass(frozen=True)
class Link:
    line: int
    tag: str
    attribute: str
    address: str


class _Page(HTMLParser):
    """The addresses one HTML page refers to, with the line of each."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.refresh: str | None = None  # where a forwarding page (meta refresh) sends the visitor
        self._config: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        for attribute in _ADDRESS_ATTRIBUTES.get(tag, ()):
            if values.get(attribute) is not None:
                self.links.append(Link(line, tag, attribute, values[attribute]))
        if tag in ("img", "source") and values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.links.append(Link(line, tag, "srcset", candidate.split()[0]))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.match(values.get("content") or "")
            if match:
                self.refresh = match.group(1).strip()
                self.links.append(Link(line, tag, "refresh", self.refresh))
        if tag == "script" and values.get("id") == "__config":
            self._config = []  # Material's settings: the search worker is an asset too

    def handle_data(self, data):
        if self._config is not None:
            self._config.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._config is not None:
            try:
                config = json.loads("".join(self._config))
            except ValueError:
                config = {}
            if isinstance(config, dict) and isinstance(config.get("search"), str):  # relative to the page
                self.links.append(Link(self.getpos()[0], "script", "search", config["search"]))
            self._config = None


class SiteCheckError(Exception):
    """The built site has problems: it must not be published."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [f"Trang web vừa tạo có {len(self.problems)} lỗi nên chưa được xuất bản:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class SiteCheck:
    """Follows addresses inside one built site folder, served at `site_url`."""

    def __init__(self, site_dir: Path, site_url: str):
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
        self._pages: dict[str, _Page] = {}

    def page(self, name: str) -> _Page:
        if name not in self._pages:
            parser = _Page()
            parser.feed((self.site_dir / name).read_text(encoding="utf-8", errors="replace"))
            parser.close()
            self._pages[name] = parser
        return self._pages[name]

    def target(self, address: str, from_file: str) -> tuple[str | None, str | None]:
        """(site file the address opens, None) or (None, why not); (None, None) when not followed."""
        address = _CONTROL.sub("", address)
        scheme = urlsplit(address).scheme.lower()
        if scheme == "javascript" or scheme == "vbscript":
            return None, "chạy mã: không được phép trong trang"
        if not address or address.startswith("#") or scheme in _NOT_FOLLOWED or scheme == "data":
            return None, None
        base = self.origin + self.prefix + posixpath.dirname(from_file)
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

    def check_pages(self) -> list[Problem]:
        problems = []
        for name in sorted(self.files):
            if not name.endswith(".html"):
                continue
            for link in self.page(name).links:
                scheme = urlsplit(_CONTROL.sub("", link.address)).scheme.lower()
                if scheme == "data" and (link.tag, link.attribute) not in _DATA_ALLOWED:
                    problems.append(Problem(name, link.line, None, f"<{link.tag}> mở một địa chỉ 'data:': không được phép"))
                    continue
                _, why = self.target(link.address, name)
                if why:
                    problems.append(Problem(name, link.line, None, f"liên kết '{link.address[:100]}' {why}"))
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
            forward = self.page(name).refresh
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


def check_site(site_dir: Path, site_url: str, addresses: dict[str, str] | None = None, short_folder: str = "Q") -> list[Problem]:
    """Every problem of the built site at `site_dir`; `addresses` maps each printed address to its source."""
    check = SiteCheck(site_dir, site_url)
    if "index.html" not in check.files:
        return [Problem(str(site_dir), None, None, "thư mục chưa có trang chủ index.html: bản dựng không đầy đủ")]
    problems = check.check_pages()
    problems += check.check_short_addresses(short_folder)
    for address, source in (addresses or {}).items():
        problem = check.check_address(address, source)
        if problem:
            problems.append(problem)
    return problems


def printed_addresses(project) -> dict[str, str]:
    """What each product's QR code encodes → the data file it comes from."""
    settings, catalogue = project.settings, project.catalogue
    return {settings.qr_text(entry): entry.source for entry in catalogue.products.values()}
