"""The editor at /quan-tri/ (Sveltia CMS): its configuration made from the models, and its files.

The configuration is generated from the same pydantic models as the JSON Schemas (schema.py), never
written by hand: a field renamed, made required or given another choice in the models is renamed,
required or offered in the editor too (tests/ops/test_editor.py compares them).

The CMS itself is vendored in `sveltia/` (version, licence and the changes below in `sveltia/VENDORED.md`):
at run time it would fetch its fonts from cdn.jsdelivr.net and its interface's Vietnamese text from
unpkg.com. `editor_files` serves those from beside it instead, by replacing those addresses in the
script as it hands it over; a replacement that no longer matches (a new version) is an error, not a
silent request to another host.
"""
from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..model.catalogue import load_groups
from ..model.fair import Fair
from ..model.fields import SLUG_MAX
from ..model.outlet import Outlet
from ..model.plan import Plan
from ..model.producer import Producer
from ..model.product import Product

EDITOR_DIR = "quan-tri"  # the editor's address: /quan-tri/
GUIDE_FOLDER = "trang-ocop"  # the site's folder in the officer's guide (docs/huong-dan/index.md: D:\\trang-ocop)
PRODUCTS = "san-pham"  # the product collection's name (the page's script writes a new product's slug)
NEWS = "tin-tuc"  # the news collection's name (its front matter and text are saved as written)
SVELTIA_VERSION = "0.221.1"  # see sveltia/VENDORED.md
LONG_TEXT = 2000  # longer than this: a text area rather than one line

# The script's requests to other hosts that the editor needs, and what replaces them (see VENDORED.md).
_FONT_CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"
SCRIPT_PATCHES: tuple[tuple[str, str | typing.Callable[[re.Match], str]], ...] = (
    (re.escape(_FONT_CDN + "source-sans-3:vf@5.3.0/latin-wght-normal.woff2"), "fonts/source-sans-3-latin-wght-normal.woff2"),
    (re.escape(_FONT_CDN + "noto-mono@5.3.0/latin-400-normal.woff2"), "fonts/noto-mono-latin-400-normal.woff2"),
    (
        re.escape(_FONT_CDN + "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2"),
        "fonts/material-symbols-outlined-latin-wght-normal.woff2",
    ),
    # The interface's strings: `${unpkg}@${version}/locales` → the copy beside the page.
    (r"`\$\{\w+\}@\$\{\w+\}/locales`", "`locales`"),
    # Immutable.js, which the CMS loads from unpkg.com for its event hooks (the page's preSave hook below):
    # the copy beside the page, the same file of the version the script names.
    (r"\w+\(`immutable`,`dist/immutable\.es\.js`\)", "import(new URL(`immutable.es.js`,location.href).href)"),
    # Its check for a newer version on unpkg.com: the vendored version is updated by a commit.
    (r"`\$\{\w+\}/package\.json`", "`data:application/json,%7B%7D`"),
    # Its offer (in English) to switch to the browser's language: this page chose Vietnamese.
    (r"if\(await \w+\(`newLanguageCta`\)\)return;", "return;"),
    # Its refusal of an empty `auth_methods`: with no hosting backend (no `editor_backend`), the login screen
    # offers only the project folder, which the empty list gives (no "Đăng nhập bằng mã truy cập" sending a
    # token to gitea.com, no sign-in button for a host that does not exist). The configuration check then
    # goes on as for a backend without the option (only a warning in the console: no OAuth app_id).
    (
        r"Array\.isArray\((\w+)\)&&!\1\.length&&\w+\.add\(\w+\(`config\.error\.no_auth_methods`\)\);",
        lambda match: f"Array.isArray({match.group(1)})&&!{match.group(1)}.length&&({match.group(1)}=void 0);",
    ),
    # The image button of the news text: its dialog has no "Nhập URL", as the photo fields have
    # `choose_url: false` (the component's fields are built in, not configurable).
    (
        r"\{name:`src`,label:(\w+)\(`editor_components\.src`\),widget:`image`\}",
        lambda match: "{name:`src`,label:" + match.group(1) + "(`editor_components.src`),widget:`image`,choose_url:!1}",
    ),
)


# A photo is a file of the officer's PC, copied beside the data: never an address on another host (the
# dialog's "Nhập URL" is turned off; `ocop check` refuses an address anyway).
PHOTO_FILE = {"widget": "image", "choose_url": False}

# The certificate's result, one required choice: the models' `stars` (3, 4, 5) or `candidate: true`, which
# has no field of its own in the form (a yes/no beside an optional star count let the officer save neither).
# The page's preSave hook writes CANDIDATE_STARS as `candidate: true` without `stars`. A product saved
# as a candidate opens with the choice empty: the officer picks "đang đề nghị" again before saving.
CANDIDATE_STARS = 0
STARS_CHOICE = {
    "widget": "select",
    "required": True,
    "label": "Kết quả công nhận",
    "hint": "Số sao ghi trong quyết định công nhận; sản phẩm chưa có quyết định thì chọn "
    "“Đang đề nghị công nhận” và bỏ trống các ô quyết định",
    "options": [{"label": f"Đã đạt {n} sao", "value": n} for n in (3, 4, 5)]
    + [{"label": "Đang đề nghị công nhận (chưa có sao)", "value": CANDIDATE_STARS}],
}

# The products of an outlet or a fair: a choice among the products, by name; the page address is saved.
PRODUCT_CHOICE = {
    "widget": "relation",
    "collection": PRODUCTS,
    "value_field": "slug",
    "search_fields": ["name"],
    "display_fields": ["name"],
    "multiple": True,
    "required": False,
}

# Hints of the models that name YAML words (for those who edit the files as text): the form's own words.
FORM_HINTS = {
    "certification": "Số sao và quyết định công nhận, hoặc sản phẩm đang đề nghị công nhận",
    "products": "Chọn sản phẩm theo tên; gõ vài chữ của tên để tìm",
    "producer": "Cơ sở làm ra sản phẩm (cơ sở mới thêm có trong danh sách sau khi tải lại trang, phím F5)",
    "group": "Ngành hàng của sản phẩm trong Chương trình OCOP",
    "subgroup": "Phân nhóm trong ngành hàng, nếu có",
}

# The CMS's preview pane of a data file lists the form's labels again, not the page: left out (the product
# form links to its page instead). The news keeps it: there it shows the post's text as written.
NO_LABEL_PREVIEW = {"editor": {"preview": False}}

# A file's name is made from the name once, and never edited: a producer's folder is the producer's
# address and what its products name; an outlet's file name is its address.
FIXED_FILE_NAME = {"template": "{{name}}", "editable": False}


@dataclass(frozen=True)
class EditorSettings:
    """What the editor's configuration needs from mkdocs.yml."""

    site_name: str
    site_url: str
    products_dir: str = "products"
    docs_dir: str = "docs"
    posts_dir: str = "docs/tin-tuc/posts"  # from the folder of mkdocs.yml
    categories: tuple[str, ...] = ()
    backend: dict | None = None  # plugins: ocop: editor_backend; None: only the local repository
    producers: tuple[tuple[str, str], ...] = ()  # (folder, name) of each producer, for the product's choice


def producers_of(products_dir: Path) -> tuple[tuple[str, str], ...]:
    """Each producer's folder and name, read leniently: the editor must open while the data has a
    mistake (a producer whose file cannot be read is offered by its folder's name)."""
    found = []
    for file in sorted(products_dir.glob("*/producer.yml")):
        folder = file.parent.name
        if folder.startswith(("_", ".")):
            continue
        try:
            name = (yaml.safe_load(file.read_text(encoding="utf-8-sig")) or {}).get("name")
        except (OSError, ValueError, yaml.YAMLError, AttributeError):
            name = None
        found.append((folder, f"{name} ({folder})" if isinstance(name, str) and name.strip() else folder))
    return tuple(found)


# --- models → fields -------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type without `| None`, and whether None was allowed."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        inner, _ = _unwrap(args[0]) if len(args) == 1 else (args[0], False)
        return inner, optional
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation, False


def _metadata(annotation: Any) -> list:
    """Every constraint attached to a type, through `Annotated` and `| None`."""
    found = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        found += extra + _metadata(inner)
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found += _metadata(arg)
    return found


def _date_field(annotation: Any) -> bool:
    import datetime as dt

    return _unwrap(annotation)[0] is dt.date


def _is_long(annotation: Any, info) -> bool:
    lengths = [getattr(item, "max_length", None) or 0 for item in _metadata(annotation) + list(info.metadata)]
    return max(lengths, default=0) > LONG_TEXT


def _widget(annotation: Any, info) -> dict:
    """The Sveltia widget of one model field's type."""
    inner, _ = _unwrap(annotation)
    origin = typing.get_origin(inner)
    if _date_field(annotation):
        # A date picker written as 2025-05-31, which YAML reads as a date and the models accept.
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD", "time_format": False}
    if isinstance(inner, type) and issubclass(inner, Enum):
        return {"widget": "select", "options": [member.value for member in inner]}
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": model_fields(inner)}
    if origin is list:
        (item,) = typing.get_args(inner)
        item_type, _ = _unwrap(item)
        if isinstance(item_type, type) and issubclass(item_type, BaseModel):
            return {"widget": "list", "collapsed": True, "fields": model_fields(item_type)}
        return {"widget": "list", "field": {"name": "item", "label": "Mục", "widget": "string"}}
    if inner is bool:
        return {"widget": "boolean"}
    if inner is int:
        return {"widget": "number", "value_type": "int"}
    if inner is float:
        return {"widget": "number", "value_type": "float"}
    return {"widget": "text" if _is_long(annotation, info) else "string"}


def model_fields(model: type[BaseModel], overrides: dict[str, dict] | None = None) -> list[dict]:
    """The editor's fields of a model, in the model's order, the English block (`en`) last."""
    overrides = overrides or {}
    fields = []
    for name, info in model.model_fields.items():
        field = {"name": name, "label": info.title or name, **_widget(info.annotation, info)}
        if info.description:
            field["hint"] = info.description
        field["required"] = info.is_required()
        override = overrides.get(name, {})
        if override.get("widget", field["widget"]) != field["widget"]:  # another widget: none of the type's options
            field = {key: field[key] for key in ("name", "label", "hint", "required") if key in field}
        field.update(override)
        if field["widget"] != "number":
            field.pop("value_type", None)
        fields.append(field)
    fields.sort(key=lambda field: field["name"] == "en")
    return fields


# --- collections -------------------------------------------------------------------------------------


def _group_choices() -> tuple[list[dict], list[dict]]:
    groups = load_groups()
    group_options = [{"label": group.name, "value": code} for code, group in groups.items()]
    subgroup_options = [
        {"label": " › ".join((group.name, *sub.path)), "value": sub_code}
        for group in groups.values()
        for sub_code, sub in group.subgroups.items()
    ]
    return group_options, subgroup_options


def _photos_next_to_file() -> dict:
    # Entry-relative media: the photo is saved beside the YAML file and written as its bare name. The
    # CMS keeps an entry's media in a folder named after the entry's file: ".." is the file's own folder.
    return {"media_folder": "..", "public_folder": ""}


def _product_collection(settings: EditorSettings) -> dict:
    groups, subgroups = _group_choices()
    certification = [
        field for field in model_fields(Product.model_fields["certification"].annotation.__args__[0], {"stars": STARS_CHOICE})
        if field["name"] != "candidate"
    ]
    photo_fields = model_fields(Product.model_fields["photos"].annotation.__args__[0], {"file": PHOTO_FILE})
    fields = model_fields(
        Product,
        {
            # Printed on packaging: never changed from the editor (ocop codes gives a new product its code).
            "slug": {"readonly": True},
            "code": {"readonly": True},
            # A choice among the producers' folders (the CMS's relation field would give the producer
            # file's own path, nam-quyen/producer); a producer just added is offered once the editor reloads.
            "producer": {
                "widget": "select", "options": [{"label": name, "value": folder} for folder, name in settings.producers],
                "hint": FORM_HINTS["producer"],
            },
            "group": {"widget": "select", "options": groups, "hint": FORM_HINTS["group"]},
            "subgroup": {"widget": "select", "options": subgroups, "hint": FORM_HINTS["subgroup"]},
            "certification": {
                "widget": "object", "collapsed": False, "fields": certification, "hint": FORM_HINTS["certification"],
            },
            "photos": {"widget": "list", "collapsed": True, "fields": photo_fields},
        },
    )
    return {
        "name": PRODUCTS,
        "label": "Sản phẩm",
        "label_singular": "sản phẩm",
        "description": "Mỗi sản phẩm một tệp trong thư mục của cơ sở sản xuất. Không xoá sản phẩm: "
        "sản phẩm ngừng sản xuất thì ghi mục 'Đã ngừng sản xuất' (mã QR đã in vẫn mở được trang).",
        "folder": settings.products_dir,
        "path": "{{fields.producer}}/{{slug}}",
        "extension": "yml",
        "format": "yaml",
        "identifier_field": "name",
        "slug": FIXED_FILE_NAME,
        # Only product files have a `producer:` field: not producer.yml, outlets, fairs nor the register.
        # (The CMS tests the pattern against "null" when the field is missing.)
        "filter": {"field": "producer", "pattern": "^(?!null$)[a-z0-9]"},
        "create": True,
        "delete": False,
        "duplicate": False,
        **_photos_next_to_file(),
        **NO_LABEL_PREVIEW,
        # "Xem trên trang web" opens the product's page in the preview the editor runs beside (the page as
        # last saved and rebuilt: the CMS cannot draw the site's own page while one types).
        "preview_path": "san-pham/{{fields.slug}}/",
        "fields": fields,
    }


def _producer_collection(settings: EditorSettings) -> dict:
    photo_fields = model_fields(Producer.model_fields["photos"].annotation.__args__[0], {"file": PHOTO_FILE})
    return {
        "name": "co-so",
        "label": "Cơ sở sản xuất",
        "label_singular": "cơ sở sản xuất",
        "description": "Mỗi cơ sở sản xuất một thư mục; sản phẩm của cơ sở nằm trong thư mục đó.",
        "folder": settings.products_dir,
        "path": "{{slug}}/producer",
        "extension": "yml",
        "format": "yaml",
        "identifier_field": "name",
        "slug": FIXED_FILE_NAME,
        "create": True,
        "delete": False,
        "duplicate": False,
        **_photos_next_to_file(),
        **NO_LABEL_PREVIEW,
        "fields": model_fields(Producer, {"photos": {"widget": "list", "collapsed": True, "fields": photo_fields}}),
    }


def _trade_collection(name: str, label: str, singular: str, folder: str, model: type[BaseModel], description: str) -> dict:
    return {
        "name": name,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": folder,
        "extension": "yml",
        "format": "yaml",
        "identifier_field": "name",
        "slug": FIXED_FILE_NAME,
        "create": True,
        **NO_LABEL_PREVIEW,
        "fields": model_fields(model, {"products": {**PRODUCT_CHOICE, "hint": FORM_HINTS["products"]}}),
    }


def _news_collection(settings: EditorSettings) -> dict:
    return {
        "name": NEWS,
        "label": "Tin tức",
        "label_singular": "bài tin",
        "description": "Bài đánh dấu 'Bản nháp' chỉ hiện khi xem trước, không được đăng.",
        "folder": settings.posts_dir,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": "title",
        "slug": "{{year}}-{{month}}-{{day}}-{{title}}",
        "media_folder": "anh",
        "public_folder": "anh",
        "sortable_fields": ["date", "title"],
        "fields": [
            {"name": "title", "label": "Tiêu đề", "widget": "string", "hint": "Tiêu đề bài, hiện trên trang và trong danh sách tin"},
            {
                "name": "date", "label": "Ngày đăng", "widget": "datetime", "type": "date",
                "format": "YYYY-MM-DD", "time_format": False, "hint": "Ngày đăng bài (bấm để chọn ngày)",
            },
            {
                "name": "categories", "label": "Chuyên mục", "widget": "select", "multiple": True,
                "options": list(settings.categories), "required": False,
                "hint": "Một hoặc vài chuyên mục (danh sách chuyên mục ghi trong mkdocs.yml)",
            },
            {
                "name": "draft", "label": "Bản nháp", "widget": "boolean", "required": False, "default": False,
                "hint": "Bật: bài chỉ hiện khi xem trước trên máy này, không được đăng",
            },
            {
                "name": "description", "label": "Tóm tắt", "widget": "text", "required": False,
                "hint": "Một hai câu tóm tắt: hiện khi chia sẻ bài lên Zalo, Facebook",
            },
            {
                "name": "body", "label": "Nội dung", "widget": "markdown",
                "hint": "Nội dung bài. Ảnh: bấm nút chèn ảnh, ảnh được lưu vào thư mục anh/ cạnh bài",
            },
        ],
    }


def _plan_collection(settings: EditorSettings) -> dict:
    return {
        "name": "ke-hoach",
        "label": "Kế hoạch OCOP",
        "description": "Các mục tiêu của kế hoạch năm, để lệnh ocop report tính tiến độ.",
        "files": [
            {
                "name": "ke-hoach",
                "label": "Mục tiêu của kế hoạch",
                "file": f"{settings.products_dir}/_ke-hoach.yml",
                "format": "yaml",
                **NO_LABEL_PREVIEW,
                "fields": model_fields(Plan),
            }
        ],
    }


def editor_config(settings: EditorSettings) -> dict:
    """The Sveltia CMS configuration (config.yml) of the project."""
    products = settings.products_dir
    backend = dict(settings.backend) if settings.backend else {
        # Without a hosting backend only "Làm việc với kho mã nguồn cục bộ" (the project folder) is offered:
        # the CMS still needs a backend entry, whose sign-in buttons `auth_methods: []` turns off (no token
        # sent to gitea.com). Its repository's name is the one the login screen asks for: the guide's folder.
        # Gitea: no status check on another host.
        "name": "gitea", "repo": f"ubnd-xa/{GUIDE_FOLDER}", "branch": "main", "auth_methods": [],
    }
    backend.setdefault("commit_messages", {
        "create": "Thêm {{collection}} “{{slug}}” (trình soạn thảo)",
        "update": "Sửa {{collection}} “{{slug}}” (trình soạn thảo)",
        "delete": "Xoá {{collection}} “{{slug}}” (trình soạn thảo)",
        "uploadMedia": "Thêm ảnh “{{path}}” (trình soạn thảo)",
        "deleteMedia": "Xoá ảnh “{{path}}” (trình soạn thảo)",
    })
    # Without a hosting backend the editor runs in the preview (ocop serve): the CMS then takes the page's
    # own address as the site's, and "Xem trên trang web" opens the preview, not the published site.
    site = {"site_url": settings.site_url} if settings.backend else {}
    return {
        "app_title": f"Quản trị nội dung – {settings.site_name}",
        **site,
        "backend": backend,
        "media_folder": f"{settings.posts_dir}/anh",
        "public_folder": "anh",
        # No stock photo libraries (Pexels, Unsplash…): photos come from the officer's PC, nothing from other hosts.
        "media_libraries": {"stock_assets": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-", "maxlength": SLUG_MAX},
        "output": {"omit_empty_optional_fields": True},
        "collections": [
            _product_collection(settings),
            _producer_collection(settings),
            _news_collection(settings),
            _trade_collection(
                "diem-ban", "Điểm bán", "điểm bán", f"{products}/_diem-ban", Outlet,
                "Cửa hàng, chợ, siêu thị, gian hàng trực tuyến bán sản phẩm OCOP của xã (trang /diem-ban/).",
            ),
            _trade_collection(
                "hoi-cho", "Hội chợ, triển lãm", "hội chợ", f"{products}/_hoi-cho", Fair,
                "Hội chợ, triển lãm có sản phẩm của xã (trang /hoi-cho/).",
            ),
            _plan_collection(settings),
        ],
    }


# --- the page and its files -------------------------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Quản trị nội dung – {title}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<style>
/* The CMS ships only the Latin part of its font: Vietnamese letters come from this one. */
@font-face {{font-family:'Source Sans 3';font-style:normal;font-display:swap;font-weight:200 900;
  src:url(fonts/source-sans-3-vietnamese-wght-normal.woff2) format('woff2-variations');
  unicode-range:U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,
  U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB;size-adjust:110%;}}
</style>
<script>
// The preview (ocop serve) adds a script that reloads every page after each rebuild: here it would
// wipe what the officer is typing. It calls a global `livereload`; this page's stays a no-op.
Object.defineProperty(window, "livereload", {{value: function () {{}}, writable: false, configurable: false}});
// The interface in Vietnamese, unless the officer chose another language in the editor's settings.
try {{
  var prefs = JSON.parse(localStorage.getItem("sveltia-cms.prefs") || "{{}}") || {{}};
  if (!prefs.locale) {{ prefs.locale = "vi"; localStorage.setItem("sveltia-cms.prefs", JSON.stringify(prefs)); }}
}} catch (error) {{}}
</script>
</head>
<body>
<script src="sveltia-cms.js"></script>
<script>
// What a form saves, as the site reads it (the CMS's own preSave event; see ARCHITECTURE.md). One handler:
// each handler of the event is given the entry as the form left it, and the last one's answer is saved.
// - A block opened and left empty (an English part, an address, a list's empty line) is not written as a
//   half-filled block, which `ocop check` would refuse.
// - The certificate's one choice "đang đề nghị công nhận" is written as `candidate: true`, without stars.
// - A new product is written with its page address (`slug:`), which the form shows read-only: the name
//   of the file the CMS makes from the product's name once, at creation (the file is never renamed).
//   Existing products keep theirs untouched.
function withoutEmpty(value) {{
  if (Array.isArray(value)) {{
    const items = value.map(withoutEmpty).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }}
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {{
    const kept = Object.entries(value).map(([key, item]) => [key, withoutEmpty(item)])
      .filter(([, item]) => item !== undefined);
    return kept.length ? Object.fromEntries(kept) : undefined;
  }}
  return value === null || value === "" ? undefined : value;
}}
CMS.registerEventListener({{name: "preSave", handler: ({{entry}}) => {{
  if (entry.get("collection") === "{news}") return;
  const data = withoutEmpty(entry.get("data").toJS()) || {{}};
  const certification = data.certification;
  if (certification && certification.stars === {candidate}) {{
    delete certification.stars;
    certification.candidate = true;
  }} else if (certification) {{
    delete certification.candidate;
  }}
  if (entry.get("collection") === "{products}" && entry.get("newRecord") && !data.slug) {{
    const slug = String(entry.get("slug") || "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
      .slice(0, {slug_max}).replace(/^-+|-+$/g, "");
    if (slug) data.slug = slug;
  }}
  return entry.set("data", data);
}}}});
</script>
</body>
</html>
"""


# The interface's Vietnamese (sveltia/locales/vi.json, as published) as it is served. The CMS calls every
# entry "bài viết" (a post): a product, a producer, an outlet are not posts, so an entry is a "mục"
# ("Đã lưu mục.", "2 mục"); the collection's own name (label_singular) heads the form ("Tạo sản phẩm").
# Strings the file lacks, which the CMS would show in English, and the login screen's folder: below.
ENTRY_WORDS = (("bài viết", "mục"), ("Bài viết", "Mục"))
INTERFACE_STRINGS = {
    "show_errors": "Xem các lỗi",
    "work_with_local_repo_description": "Khi trình duyệt hỏi, hãy chọn thư mục trang web “{$repo}” "
    "(thư mục có tệp mkdocs.yml và thư mục ẩn .git).",
}


def _reworded(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _reworded(item) for key, item in value.items()}
    if isinstance(value, str):
        for word, replacement in ENTRY_WORDS:
            value = value.replace(word, replacement)
    return value


def interface_strings() -> str:
    """The CMS's Vietnamese interface strings, as the editor serves them (locales/vi.json)."""
    strings = _reworded(json.loads(_vendored("locales/vi.json").read_text(encoding="utf-8")))
    strings.update(INTERFACE_STRINGS)
    return json.dumps(strings, ensure_ascii=False)


def _vendored(name: str):
    return resources.files("ocop.ops").joinpath("sveltia", name)


def patched_script() -> str:
    """The CMS's script with its requests to other hosts pointed at the files beside it."""
    script = _vendored("sveltia-cms.js").read_text(encoding="utf-8")
    for pattern, replacement in SCRIPT_PATCHES:
        script, count = re.subn(pattern, replacement if callable(replacement) else lambda _, text=replacement: text, script)
        if count == 0:
            raise ValueError(
                f"ocop/ops/sveltia/sveltia-cms.js: không tìm thấy '{pattern}' để thay: "
                "phiên bản Sveltia CMS mới cần sửa SCRIPT_PATCHES trong ocop/ops/editor.py"
            )
    return script


def config_yaml(settings: EditorSettings) -> str:
    header = "# Tạo tự động từ các mô hình dữ liệu (ocop/ops/editor.py): đừng sửa tay.\n"
    return header + yaml.safe_dump(editor_config(settings), allow_unicode=True, sort_keys=False, width=120)


def editor_files(settings: EditorSettings) -> dict[str, str | bytes]:
    """Site path → content of every file of the editor, under /quan-tri/."""
    files: dict[str, str | bytes] = {
        f"{EDITOR_DIR}/index.html": _PAGE.format(
            title=settings.site_name, products=PRODUCTS, news=NEWS, slug_max=SLUG_MAX, candidate=CANDIDATE_STARS
        ),
        f"{EDITOR_DIR}/config.yml": config_yaml(settings),
        f"{EDITOR_DIR}/sveltia-cms.js": patched_script(),
        f"{EDITOR_DIR}/locales/vi.json": interface_strings(),
        f"{EDITOR_DIR}/immutable.es.js": _vendored("immutable.es.js").read_text(encoding="utf-8"),
    }
    for font in _vendored("fonts").iterdir():
        if font.name.endswith(".woff2"):
            files[f"{EDITOR_DIR}/fonts/{font.name}"] = font.read_bytes()
    return files


def config_json(settings: EditorSettings) -> str:
    return json.dumps(editor_config(settings), ensure_ascii=False, indent=2)
