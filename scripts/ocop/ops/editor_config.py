"""The editor's configuration (/quan-tri/config.yml, Sveltia CMS): its collections, made from the models.

The configuration is generated from the same pydantic models as the JSON Schemas (schema.py), never
written by hand (editor_fields.py turns a model into form fields): a field renamed, made required or
given another choice in the models is renamed, required or offered in the editor too
(tests/ops/test_editor.py compares them).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel

from ..model.catalogue import load_groups
from ..model.fair import Fair
from ..model.fields import SLUG_MAX
from ..model.outlet import Outlet
from ..model.plan import Plan
from ..model.producer import Producer
from ..model.product import Product
from .editor_fields import model_fields

GUIDE_FOLDER = "trang-ocop"  # the site's folder in the officer's guide (pages/guide/index.md: D:\\trang-ocop)
PRODUCTS = "san-pham"  # the product collection's name (the page's script writes a new product's slug)
NEWS = "tin-tuc"  # the news collection's name (its front matter and text are saved as written)

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
    former_communes: tuple[str, ...] = ()  # a merged commune's former communes: the producer's choice, when several


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
            # file's own path, co-so-vi-du/producer); a producer just added is offered once the editor reloads.
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
        "fields": model_fields(Producer, {"photos": {"widget": "list", "collapsed": True, "fields": photo_fields},
                                          **_former_choice(settings)}),
    }


def _former_choice(settings: EditorSettings) -> dict[str, dict]:
    """A merged commune's producer picks its former commune among mkdocs.yml's (a typo is not possible);
    with one former commune or none the field stays text (and ocop check says what it may be)."""
    if len(settings.former_communes) < 2:
        return {}
    return {"former_commune": {"widget": "select", "options": list(settings.former_communes), "required": False}}


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




def config_yaml(settings: EditorSettings) -> str:
    header = "# Tạo tự động từ các mô hình dữ liệu (ocop/ops/editor_config.py): đừng sửa tay.\n"
    return header + yaml.safe_dump(editor_config(settings), allow_unicode=True, sort_keys=False, width=120)
