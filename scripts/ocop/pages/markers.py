"""Markers an officer writes in a hand-written page, each alone on a line, expanded by the ocop plugin:

    [[san-pham: nuoc-mam-vi-du]]      a card of the product: photo, name, stars, link to its page
    [[tin-moi]]                           the latest published posts
    [[tin-moi: Du lịch – lễ hội]]         the latest published posts of one category (none: nothing, and
                                          a heading over nothing but that is left out too)
    [[so-san-pham-ocop]]                  a sentence counting the products certified today, by stars, in
                                          words ("Xã có ba sản phẩm đạt OCOP 3 sao, …")
    [[san-pham-ocop]]                     the list of those products, each a link to its page
    [[san-pham-ocop: thẻ]]                the same products as cards
    [[in-tem]]                            every product still made, each a link to its print page (the
                                          guide: print links are for the staff, never on public pages)

The last three follow the data: a product added, or a certificate that expires, changes every page
that uses them at the next build, without editing the page. On a page under en/ they are in English.

A marker naming a product or a category that does not exist stops `ocop check` and the build, with
the file and the line. Code blocks and HTML comments are left alone, so that the guide can show the
markers as they are typed. What a marker becomes is plain Markdown (see `ocop export`).

Every hand-written page is also checked for photos it shows but that are missing.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model.entries import Catalogue
from ..model.errors import Problem, ShowPath, did_you_mean
from ..model.news import YAML_RE, News, SourcePage, front_matter, read_page
from ..model.prose import IMAGE, INLINE_CODE, prose_lines, shown_images
from ..model.trade import unknown_product
from ..web.addresses import (
    CATALOGUE,
    language_product_page_uri,
    print_page_uri,
    product_page_uri,
    relative_url,
)
from ..web.i18n import Language
from .site import SiteBuilder

PRODUCT = "san-pham"
LATEST = "tin-moi"
LATEST_COUNT = 5
COUNT = "so-san-pham-ocop"
CERTIFIED = "san-pham-ocop"
AS_CARDS = "thẻ"
PRINT = "in-tem"

_MARKER = re.compile(r"^\[\[\s*([^\]:]*?)\s*(?::\s*([^\]]*?)\s*)?\]\]\s*$")
# An image shown from another host: the site loads nothing from elsewhere (a photo can vanish there, and
# the visitor's phone would ask that host for it).
_ELSEWHERE = re.compile(r"(https?:)?//", re.IGNORECASE)
ELSEWHERE_IMAGE = (
    "ảnh '{target}' lấy từ trang web khác: trang web của xã không tải gì từ nơi khác; hãy tải ảnh về máy rồi "
    "chèn bằng nút Ảnh của trình soạn thảo, hoặc đặt tệp vào thư mục anh/ cạnh bài và ghi tên tệp"
)


@dataclass(frozen=True)
class Marker:
    line: int
    kind: str
    argument: str | None


def find_markers(page: SourcePage) -> list[Marker]:
    markers = []
    for number, line in prose_lines(page):
        if not line.startswith("[["):
            continue
        match = _MARKER.match(line)
        if match:
            markers.append(Marker(number, match.group(1).lower(), match.group(2) or None))
        else:
            markers.append(Marker(number, "", line.strip()))
    return markers


def check_page(page: SourcePage, docs_dir: Path, catalogue: Catalogue | None, news: News | None) -> list[Problem]:
    problems = []
    for marker in find_markers(page):
        message = _marker_problem(marker, catalogue, news)
        if message:
            problems.append(Problem(page.file, marker.line, None, message))
    for number, target, path in shown_images(page, docs_dir):
        if path is None:
            problems.append(
                Problem(page.file, number, None, f"không thấy tệp ảnh '{target}' (đường dẫn tính từ thư mục của trang này)")
            )
    for number, line in prose_lines(page):
        for target in IMAGE.findall(INLINE_CODE.sub("", line)):
            if _ELSEWHERE.match(target):
                problems.append(Problem(page.file, number, None, ELSEWHERE_IMAGE.format(target=target)))
    return problems


def _marker_problem(marker: Marker, catalogue: Catalogue | None, news: News | None) -> str | None:
    if marker.kind == PRODUCT:
        if not marker.argument:
            return f"thiếu địa chỉ sản phẩm: viết [[{PRODUCT}: nuoc-mam-vi-du]]"
        if catalogue is not None and marker.argument not in catalogue.products:
            return unknown_product(marker.argument, catalogue.products)
        return None
    if marker.kind in (COUNT, PRINT):
        return f"[[{marker.kind}]] không có phần sau dấu ':'" if marker.argument else None
    if marker.kind == CERTIFIED:
        if marker.argument and marker.argument.lower() not in (AS_CARDS, "the"):
            return f"không hiểu '{marker.argument}': viết [[{CERTIFIED}]] (danh sách) hoặc [[{CERTIFIED}: {AS_CARDS}]] (dạng thẻ)"
        return None
    if marker.kind == LATEST:
        if news is None:
            return "trang chưa bật phần tin tức (plugin blog trong mkdocs.yml)"
        allowed = news.settings.categories
        if marker.argument and allowed and marker.argument not in allowed:
            return f"không có chuyên mục '{marker.argument}'" + did_you_mean(marker.argument, allowed)
        return None
    return (
        f"không hiểu ký hiệu {marker.argument if not marker.kind else '[[' + marker.kind + ']]'}: "
        f"dùng [[{PRODUCT}: địa-chỉ-sản-phẩm]], [[{LATEST}]], [[{COUNT}]], [[{CERTIFIED}]] hoặc [[{PRINT}]] "
        "(viết riêng một dòng, sát lề trái)"
    )


def check_pages(
    docs_dir: Path, catalogue: Catalogue | None, news: News | None, shown: ShowPath, templates: tuple[Path, ...] = ()
) -> list[Problem]:
    """Every hand-written page: its front matter (as the engine reads it), markers and photos.
    `templates` are the theme's folders, where a page's `template:` must be found."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        page, found = read_page(path, relative.as_posix(), shown(path))
        problems += found
        if page is not None:
            problems += page_options(page, templates)
            problems += check_page(page, docs_dir, catalogue, news)
    return problems


_HEADING = re.compile(r"^(#{1,6})\s")


def without_empty_sections(lines: list[str], empty: set[int]) -> list[str]:
    """`lines` without the headings whose section holds nothing but markers that came out empty (the
    lines in `empty`, [[tin-moi]] without a post): a section with nothing in it is left out, never announced."""
    dropped = set()
    for index, line in enumerate(lines):
        heading = _HEADING.match(line)
        if not heading:
            continue
        section = []
        for following in range(index + 1, len(lines)):
            next_heading = _HEADING.match(lines[following])
            if next_heading and len(next_heading.group(1)) <= len(heading.group(1)):
                break
            section.append(following)
        if empty.intersection(section) and all(i in empty or not lines[i].strip() for i in section):
            dropped.add(index)
    return [line for index, line in enumerate(lines) if index not in dropped]


def page_options(page: SourcePage, templates: tuple[Path, ...]) -> list[Problem]:
    """The engine publishes front matter it cannot read as the page's first lines (a heading, a rule),
    and stops on a `template:` it cannot find: both are refused here, with the line."""
    if not YAML_RE.match(page.text):
        return []
    document, problems = front_matter(page)
    if document is None:
        return problems
    template = document.data.get("template")
    if template is None:
        return problems
    line = document.line_of(("template",))
    name = str(template).replace("\\", "/")
    if not isinstance(template, str) or ".." in name.split("/") or name.startswith("/") or not name.endswith(".html"):
        return problems + [Problem(page.file, line, "template", TEMPLATE_FORM.format(name=template))]
    if templates and not any((folder / name).is_file() for folder in templates):
        problems.append(Problem(page.file, line, "template", f"không có khuôn trang '{name}' trong giao diện (thư mục overrides/)"))
    return problems


TEMPLATE_FORM = "khuôn trang '{name}' phải là tên một tệp .html trong thư mục overrides/ của giao diện, ví dụ template: main.html"


class MarkerExpander:
    """Turns the markers of a page into Markdown, with links relative to that page."""

    def __init__(self, builder: SiteBuilder, news: News | None):
        self.builder = builder
        self.catalogue = builder.catalogue
        self.news = news
        self.renderer = builder.renderer

    def expand(self, page: SourcePage) -> str:
        markers = {marker.line: marker for marker in find_markers(page)}
        if not markers:
            return page.body
        lines = page.body.split("\n")
        empty = set()
        for index, line in enumerate(lines):
            marker = markers.get(page.body_line + index)
            if marker is not None:
                lines[index] = self._markdown(marker, page.src_uri, page.file)
                if not lines[index].strip():
                    empty.add(index)
        return "\n".join(without_empty_sections(lines, empty))

    def _markdown(self, marker: Marker, src_uri: str, file: str) -> str:
        problem = _marker_problem(marker, self.catalogue, self.news)
        if problem:
            raise ValueError(f"{file}:{marker.line}: {problem}")
        if marker.kind == PRODUCT:
            return "\n" + self._card(self.catalogue.products[marker.argument], src_uri)
        language = self.language_of(src_uri)
        if marker.kind == COUNT:
            return "\n" + self._count(language)
        if marker.kind == PRINT:
            return "\n" + self._print_pages(src_uri)
        if marker.kind == CERTIFIED:
            if marker.argument:  # as cards
                return "\n" + "\n".join(self._card(entry, src_uri) for entry, _ in self._certified())
            return "\n" + self._list(src_uri, language)
        posts = self.news.published(marker.argument)[:LATEST_COUNT]
        return "\n" + self.renderer.render(
            "latest-posts.md.j2",
            posts=[{"post": post, "href": relative_url(post.page.src_uri, src_uri)} for post in posts],
            category=marker.argument,
        )

    def language_of(self, src_uri: str) -> Language:
        """A page under <lang>/ (en/…) is in that language, when it has a catalogue; any other, in Vietnamese."""
        folder = src_uri.split("/", 1)[0] if "/" in src_uri else None
        return next((language for language in self.renderer.languages[1:] if language.code == folder), self.renderer.source)

    def _card(self, entry, src_uri: str) -> str:
        photos = self.builder.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
        photo = photos[0] if photos else None
        return self.renderer.render(
            "product-card.md.j2",
            entry=entry,
            status=self.builder.settings.certificate(entry),
            href=relative_url(product_page_uri(entry.slug), src_uri),
            photo=photo.link(CATALOGUE + "/", entry.model.name) if photo else None,
            photo_href=relative_url(photo.small_uri, src_uri) if photo else None,
        )

    def _certified(self) -> list:
        """(entry, status) of every product whose stars may be shown today, most stars first."""
        found = []
        for entry in self.catalogue.products.values():
            status = self.builder.settings.certificate(entry)
            if not entry.model.retired and status.current_stars:
                found.append((entry, status))
        return sorted(found, key=lambda item: -item[1].current_stars)

    def _count(self, language: Language) -> str:
        certified = self._certified()
        levels = Counter(status.current_stars for _, status in certified)
        groups = {entry.group.code: entry.group for entry, _ in certified}
        return self.renderer.render(
            "ocop-count.md.j2",
            language,
            total=len(certified),
            levels=sorted(levels.items(), reverse=True),
            group=language.group_name(next(iter(groups.values())).name).value if len(groups) == 1 else None,
        )

    def _print_pages(self, src_uri: str) -> str:
        """Every product still made, by producer and name, each a link to its print page."""
        entries = sorted(
            (entry for entry in self.catalogue.products.values() if not entry.model.retired),
            key=lambda entry: (entry.producer.model.name, entry.model.name),
        )
        items = [{"entry": entry, "href": relative_url(print_page_uri(entry.slug), src_uri)} for entry in entries]
        return self.renderer.render("print-pages.md.j2", items=items)

    def _list(self, src_uri: str, language: Language) -> str:
        items = []
        for entry, status in self._certified():
            page = language_product_page_uri(entry.slug, language.code)
            name = language.text(entry.model, "name")
            items.append({"entry": entry, "status": status, "href": relative_url(page, src_uri), "name": name})
        return self.renderer.render("ocop-list.md.j2", language, items=items)
