"""The news: posts under docs/tin-tuc/posts/, as Material's blog plugin publishes them.

Material's blog renders the posts. This module reads the same files beforehand, so that
- a mistake in a post is reported like a mistake in the data: in Vietnamese, with file and line, all at
  once (the blog's own messages are in English and stop at the first);
- the latest-news lists and the RSS feed (engine/blog.py) know the published posts (never a draft);
- the blog's addresses are ASCII: `slugify` is the blog's `post_slugify` and `categories_slugify`;
- a post's date takes the forms every data file takes (dates.DATE_FORMS): the blog reads only YAML's
  2025-08-15, so a post dated 15/08/2025 is handed to it with that line rewritten (`PostEntry.blog_text`).

    docs/tin-tuc/index.md              the news page /tin-tuc/ (its text; the blog adds the posts)
    docs/tin-tuc/.authors.yml          the authors a post may name
    docs/tin-tuc/posts/<name>.md       one post; its address comes from its date and title
    docs/tin-tuc/posts/anh/…           the posts' photos
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool
from slugify import slugify as _ascii_slug

from .dates import DATE_FORMS, iso_days, parse_day
from .errors import Problem, ShowPath, did_you_mean
from .fields import Model, Slug, Text, web_address
from .reader import Document, decode, field_name, parse_yaml, read_yaml
from .validate import validate

# Front matter as MkDocs reads it (mkdocs.utils.meta): the same pattern, so a post means the same to both.
YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def slugify(text: str, separator: str = "-") -> str:
    """An ASCII address from a Vietnamese title: "Hội chợ – triển lãm" → "hoi-cho-trien-lam".

    Referenced from mkdocs.yml (`post_slugify`, `categories_slugify`); Material calls it with the title
    and the separator."""
    return _ascii_slug(text, separator=separator, max_length=80, word_boundary=True)


@dataclass(frozen=True)
class BlogSettings:
    """Where the blog keeps its files and what it allows (engine/blog.py reads them from the blog plugin's options)."""

    docs_dir: Path
    blog_dir: str  # tin-tuc
    posts_dir: str  # tin-tuc/posts
    authors_file: str  # tin-tuc/.authors.yml
    categories: tuple[str, ...]
    excerpt_separator: str


def _post_date(value: Any) -> Any:
    """A day in the forms of every data file, a date and time, or {created: …, updated: …}."""
    dates = value if isinstance(value, dict) else {"created": value}
    if "created" not in dates:
        raise ValueError("cần 'created:' (ngày đăng) khi ghi ngày dạng nhóm")
    days = {key: item if isinstance(item, dt.date) else parse_day(item) for key, item in dates.items()}
    if not all(isinstance(day, dt.date) for day in days.values()):
        raise ValueError(f"không phải ngày (viết {DATE_FORMS})")
    return days if isinstance(value, dict) else days["created"]


def _strict_list(value: Any) -> Any:
    # The blog refuses a single text where a list belongs, so the check must refuse it too.
    if not isinstance(value, list):
        raise ValueError("phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- ')")
    return value


TextItems = Annotated[list[Text], BeforeValidator(_strict_list)]


class PostMeta(Model):
    """The front matter of a post: the blog's own options, and the page options a post may use."""

    title: Text | None = None
    date: Annotated[Any, BeforeValidator(_post_date)] = Field(title="Ngày đăng")
    categories: Annotated[list[PlainText], BeforeValidator(_strict_list)] = Field(default_factory=list)
    authors: TextItems = Field(default_factory=list)
    # The blog takes only true or false (YAML's yes/no too, unquoted): "no" in quotes stops the build.
    draft: StrictBool | None = None
    description: Text | None = None
    pin: StrictBool = False
    slug: Slug | None = None
    readtime: int | None = None
    links: Any = None
    hide: Any = None
    search: Any = None
    template: Any = None
    icon: Any = None
    status: Any = None
    subtitle: Any = None

    @property
    def created(self) -> dt.datetime:
        value = self.date["created"] if isinstance(self.date, dict) else self.date
        if not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time())
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


# Material's blog templates print these fields as they are, into the page and into attributes (an
# author's name is the `alt` of the avatar): `<`, `>` and `"` would become markup there, so they are refused.
MARKUP = ("<", ">", '"')
MARKUP_REFUSED = "không được có ký tự < > hoặc \" (trang tin tức in nguyên văn trường này vào trang web): hãy bỏ ký tự đó"


def _plain(value: str) -> str:
    if any(char in value for char in MARKUP):
        raise ValueError(MARKUP_REFUSED)
    return value


PlainText = Annotated[Text, AfterValidator(_plain)]
# Where a link of a post or an author may lead: a page of the site (a relative path) or a web address.
# `javascript:`, `data:` and any other scheme would run or carry content in the visitor's browser.
LINK_ELSEWHERE = "liên kết phải là một trang của trang web (đường dẫn tính từ thư mục docs/, ví dụ ke-hoach-2025.md) hoặc địa chỉ bắt đầu bằng https://: {value}"


def link_target(value: Any) -> str:
    """A link's target as the blog accepts it: a relative path, or an address that WebAddress accepts."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(LINK_ELSEWHERE.format(value=value))
    if re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//|\\)", value):
        try:
            return web_address(value)
        except ValueError:
            raise ValueError(LINK_ELSEWHERE.format(value=value)) from None
    if any(char in value for char in MARKUP) or any(not char.isprintable() for char in value):
        raise ValueError(LINK_ELSEWHERE.format(value=value))
    return value


class Author(Model):
    name: PlainText
    description: PlainText
    avatar: Text
    slug: Slug | None = None
    url: Annotated[Text, AfterValidator(link_target)] | None = None


class AuthorsFile(Model):
    authors: dict[Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")], Author] = Field(default_factory=dict)


@dataclass
class SourcePage:
    """A hand-written Markdown page: its text, and the file line its body starts on."""

    src_uri: str  # tin-tuc/posts/x.md: how MkDocs knows the page
    file: str  # docs/tin-tuc/posts/x.md: how the officer knows it
    text: str
    body: str
    body_line: int


@dataclass
class PostEntry:
    page: SourcePage
    meta: PostMeta
    title: str
    blog_text: str | None = None  # the text the blog must read instead of the file's, when a date needed rewriting

    @property
    def published(self) -> bool:
        return not self.meta.draft

    @property
    def created(self) -> dt.datetime:
        return self.meta.created


@dataclass
class News:
    settings: BlogSettings
    posts: list[PostEntry]  # newest first, drafts included
    authors: dict[str, Author]

    def published(self, category: str | None = None) -> list[PostEntry]:
        return [
            post for post in self.posts if post.published and (category is None or category in post.meta.categories)
        ]


def read_page(path: Path, src_uri: str, shown: str) -> tuple[SourcePage | None, list[Problem]]:
    """A Markdown page as MkDocs reads it (UTF-8), its front matter split off with its line kept."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown, None, None, "trang phải được lưu bằng mã UTF-8 (đang là UTF-16): hãy lưu lại với bảng mã UTF-8")]
    text, problems = decode(raw, shown)
    if text is None:
        return None, problems
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = YAML_RE.match(text)
    body_start = match.end() if match else 0
    return SourcePage(src_uri, shown, text, text[body_start:], text[:body_start].count("\n") + 1), []


def front_matter(page: SourcePage) -> tuple[Document | None, list[Problem]]:
    match = YAML_RE.match(page.text)
    if not match:
        return None, [
            Problem(page.file, 1, None, "bài viết thiếu phần thông tin đầu bài: dòng đầu tiên phải là '---', "
                    "tiếp theo là title, date, categories…, rồi một dòng '---'")
        ]
    # A blank first line keeps the line numbers of the file (the front matter starts on line 2).
    document, problems = parse_yaml("\n" + match.group(1), page.file)
    if document is not None and not isinstance(document.data, dict):
        return None, [Problem(page.file, 2, None, "phần đầu bài phải gồm các dòng 'tên: giá trị'")]
    return document, problems


def load_authors(settings: BlogSettings, shown: ShowPath) -> tuple[dict[str, Author], list[Problem]]:
    path = settings.docs_dir / settings.authors_file
    if not path.is_file():
        return {}, []
    document, problems = read_yaml(path, shown(path))
    if document is None:
        return {}, problems
    authors, problems = validate(AuthorsFile, document)
    if authors is None:
        return {}, problems
    for key, author in authors.authors.items():
        avatar = settings.docs_dir / author.avatar.lstrip("/")
        if "://" not in author.avatar and not avatar.is_file():
            problems.append(
                Problem(document.file, document.line_of(("authors", key, "avatar")), f"authors.{key}.avatar",
                        f"không thấy ảnh đại diện {shown(avatar)} (đường dẫn tính từ thư mục docs/)")
            )
    return authors.authors, problems


_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def load_news(settings: BlogSettings, shown: ShowPath) -> tuple[News, list[Problem]]:
    """Every post, checked; the problems of all of them at once."""
    authors, problems = load_authors(settings, shown)
    authors_read = not problems  # else a post naming an author would get a second, false message
    posts: list[PostEntry] = []
    addresses: dict[tuple, str] = {}
    folder = settings.docs_dir / settings.posts_dir
    paths = sorted(path for path in folder.rglob("*.md") if path.is_file()) if folder.is_dir() else []
    for path in paths:
        src_uri = path.relative_to(settings.docs_dir).as_posix()
        page, found = read_page(path, src_uri, shown(path))
        problems += found
        if page is None:
            continue
        document, found = front_matter(page)
        problems += found
        if document is None:
            continue
        meta, found = validate(PostMeta, document)
        problems += found
        if meta is None:
            continue
        title = meta.title or next(iter(_HEADING.findall(page.body)), None)
        if not title:
            problems.append(Problem(page.file, 2, "title", "bài viết cần tiêu đề: thêm dòng  title: \"…\"  vào phần đầu bài"))
            continue
        if settings.categories:  # an empty list lets the blog take any category
            problems += _check_names(meta.categories, settings.categories, "categories", "chuyên mục", document)
        problems += _check_links(meta.links, document)
        problems += [] if not authors_read else _check_names(meta.authors, list(authors), "authors", "tác giả", document, f" trong docs/{settings.authors_file}")
        # The blog's default address is <date>/<slug>: two posts with the same title on the same day
        # would be written to one page, and one of them lost without a word.
        address = (meta.created.date(), meta.slug or slugify(title))
        if address in addresses:
            problems.append(
                Problem(page.file, document.line_of(("title",)), "title",
                        f"trùng địa chỉ với bài {addresses[address]} (cùng ngày, cùng tiêu đề): hãy đổi tiêu đề")
            )
        addresses.setdefault(address, page.file)
        posts.append(PostEntry(page, meta, title, blog_text(page, document)))
    posts.sort(key=lambda post: (post.meta.pin, post.created), reverse=True)
    return News(settings, posts, authors), problems


def _check_links(links: Any, document: Document, path: tuple = ("links",)) -> list[Problem]:
    """`links:` of a post, as the blog reads it (a list of paths, `Tiêu đề: đích`, or sections of
    those): every target a page or a web address, every title plain text."""
    if links is None:
        return []
    items = links if isinstance(links, list) else [links]
    problems = []
    for index, item in enumerate(items):
        where = (*path, index) if isinstance(links, list) else path
        pairs = item.items() if isinstance(item, dict) else [(None, item)]
        for title, target in pairs:
            here = (*where, title) if title is not None else where
            name = field_name(here)
            if title is not None:
                try:
                    _plain(str(title))
                except ValueError as error:
                    problems.append(Problem(document.file, document.line_of(here), name, str(error)))
            if isinstance(target, (list, dict)):
                problems += _check_links(target, document, here)
                continue
            try:
                link_target(target)
            except ValueError as error:
                problems.append(Problem(document.file, document.line_of(here), name, str(error)))
    return problems


def blog_text(page: SourcePage, document: Document) -> str | None:
    """The post as Material's blog must read it, or None when the file will do: the blog takes only
    YAML's dates (2025-08-15), so each date line written 15/08/2025 is rewritten, the rest kept as it is."""
    dates = document.data.get("date")
    paths = [("date", key) for key in dates] if isinstance(dates, dict) else [("date",)]
    lines = page.text.split("\n")
    for path in paths:
        number = document.line_of(path)  # the front matter's lines are the file's (see front_matter)
        if number is not None:
            lines[number - 1] = iso_days(lines[number - 1])
    text = "\n".join(lines)
    return text if text != page.text else None


def _check_names(values: list[str], known, field: str, what: str, document: Document, where: str = "") -> list[Problem]:
    problems = []
    for index, value in enumerate(values):
        if value in known:
            continue
        message = f"không có {what} '{value}'{where}" + did_you_mean(value, known)
        problems.append(Problem(document.file, document.line_of((field, index)), f"{field}[{index}]", message))
    return problems
