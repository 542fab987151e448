"""New files for the officer: `ocop new post|product|producer|outlet|fair`.

Each writes one file from its template (templates/new-*.j2), with a Vietnamese comment on every field,
that passes `ocop check` as it is: only the fields the command knows are set, the others are comments
to fill in. The files are YAML and Markdown sources, not pages, so values are written as YAML strings
(JSON is valid YAML) rather than through the page escaper. They are written in UTF-8 with "\\n" line
ends on every system, and an existing file is never overwritten.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from collections.abc import Collection
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..model.catalogue import PRODUCER_FILE
from ..model.commune import Commune
from ..model.entries import ProductGroup
from ..model.errors import did_you_mean, shown_path
from ..model.news import BlogSettings, slugify
from ..model.outlet import OutletKind
from ..model.producer import ProducerKind
from ..model.trade import FAIRS_DIR, OUTLETS_DIR


class ScaffoldError(Exception):
    """A reason, in Vietnamese, why the file was not created."""


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str

    def write(self, root: Path) -> str:
        if self.path.exists():
            raise ScaffoldError(f"đã có tệp {shown_path(self.path, root)}: không ghi đè; hãy đặt tên khác")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(self.text, encoding="utf-8", newline="\n")
        return shown_path(self.path, root)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ocop.ops", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def _render(template: str, **context) -> str:
    return _environment().get_template(template).render(**context)


def _slug(name: str, slug: str | None, what: str) -> str:
    slug = slug or slugify(name)
    if not slug:
        raise ScaffoldError(f"tên {what} không tạo được địa chỉ trang: hãy ghi thêm --slug ten-khong-dau")
    return slug


def new_producer(
    products_dir: Path, name: str, slug: str | None = None, commune: Commune | None = None, former: str | None = None
) -> NewFile:
    """A producer's folder and file; the address's commune and province are the site's own (mkdocs.yml),
    and in a merged commune, its former commune (`former`, one of mkdocs.yml's `former_communes`)."""
    slug = _slug(name, slug, "cơ sở")
    if (products_dir / slug).exists():
        raise ScaffoldError(f"đã có thư mục products/{slug}/: cơ sở này đã có, hoặc hãy ghi --slug khác")
    formers = commune.formers if commune is not None else []
    if former is not None:
        found = commune.former_of(former) if commune is not None and formers else None
        if found is None:
            hint = did_you_mean(former, formers, "các xã cũ") if formers else "; mkdocs.yml chưa ghi các xã cũ (extra: commune: former_communes)"
            raise ScaffoldError(f"không có xã cũ '{former}'{hint}")
        former = found
    text = _render(
        "new-producer.yml.j2", name=name, slug=slug, kinds=[kind.value for kind in ProducerKind],
        current=commune.current if commune else None, province=commune.province if commune else None,
        formers=formers, former=former, former_place=Commune.display(former or formers[0]) if formers else "xã …",
    )
    return NewFile(products_dir / slug / PRODUCER_FILE, text)


def new_product(
    products_dir: Path, name: str, producer: str, group: str, groups: dict[str, ProductGroup],
    known_slugs: Collection[str] = (), slug: str | None = None, province: str | None = None,
) -> NewFile:
    slug = _slug(name, slug, "sản phẩm")
    if slug in known_slugs:
        raise ScaffoldError(f"đã có sản phẩm có địa chỉ '{slug}': hãy ghi --slug khác")
    if not (products_dir / producer / PRODUCER_FILE).is_file():
        known = sorted(p.parent.name for p in products_dir.glob(f"*/{PRODUCER_FILE}") if not p.parent.name.startswith("_"))
        hint = did_you_mean(producer, known, "các cơ sở hiện có") if known else "; chưa có cơ sở nào"
        raise ScaffoldError(f"không có cơ sở '{producer}'{hint}; tạo cơ sở mới bằng: ocop new producer \"Tên cơ sở\"")
    if group not in groups:
        raise ScaffoldError(f"không có ngành '{group}'" + did_you_mean(group, groups))
    text = _render(
        "new-product.yml.j2", name=name, slug=slug, producer=producer, group=group, groups=list(groups.values()),
        subgroups=list(groups[group].subgroups.values()), province=province,
    )
    return NewFile(products_dir / producer / f"{slug}.yml", text)


def new_outlet(
    products_dir: Path, name: str, kind: str, product_slugs: Collection[str], url: str | None = None, slug: str | None = None
) -> NewFile:
    kinds = [item.value for item in OutletKind]
    if kind not in kinds:
        raise ScaffoldError(f"không có loại điểm bán '{kind}'" + did_you_mean(kind, kinds, "dùng một trong"))
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", url):
        raise ScaffoldError(f"địa chỉ trang phải bắt đầu bằng http:// hoặc https://: {url}")
    if OutletKind(kind).online and not url:
        raise ScaffoldError(f"gian hàng {kind} cần địa chỉ trang bán hàng: thêm --url https://…")
    slug = _slug(name, slug, "điểm bán")
    text = _render(
        "new-outlet.yml.j2", name=name, kind=kind, kinds=kinds, url=url,
        online_kinds=[item.value for item in OutletKind if item.online], products=sorted(product_slugs),
    )
    return NewFile(products_dir / OUTLETS_DIR / f"{slug}.yml", text)


def new_fair(products_dir: Path, name: str, start: dt.date, end: dt.date | None, product_slugs: Collection[str], slug: str | None = None) -> NewFile:
    if end is not None and end < start:
        raise ScaffoldError("ngày kết thúc phải từ ngày bắt đầu trở đi")
    slug = _slug(name, slug, "hội chợ")
    text = _render(
        "new-fair.yml.j2", name=name, start=start.strftime("%d/%m/%Y"),
        end=end.strftime("%d/%m/%Y") if end else None, products=sorted(product_slugs),
    )
    return NewFile(products_dir / FAIRS_DIR / f"{slug}.yml", text)


def new_post(
    blog: BlogSettings, authors: list[str], title: str, date: dt.date, category: str | None, author: str | None,
    product_slugs: Collection[str],
) -> NewFile:
    slug = _slug(title, None, "bài viết")
    categories = list(blog.categories)
    category = category or (categories[0] if categories else "Tin tức")
    if categories and category not in categories:
        raise ScaffoldError(f"không có chuyên mục '{category}'" + did_you_mean(category, categories))
    if author is not None and author not in authors:
        raise ScaffoldError(f"không có tác giả '{author}' trong docs/{blog.authors_file}" + did_you_mean(author, authors))
    text = _render(
        "new-post.md.j2", title=title, date=date.isoformat(), category=category, categories=categories or [category],
        authors=authors, author=author or (authors[0] if authors else None), authors_file=blog.authors_file,
        photos_dir=f"{blog.posts_dir}/anh", product=next(iter(sorted(product_slugs)), "dia-chi-san-pham"),
    )
    return NewFile(blog.docs_dir / blog.posts_dir / f"{date.isoformat()}-{slug}.md", text)
