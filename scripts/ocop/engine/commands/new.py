"""`ocop new LOẠI "Tên"`: a new commented file (post, product, producer, outlet, fair) that passes
`ocop check` as it is (ops/scaffold.py); a missing name is asked for at a console."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from pydantic import ValidationError

from ...model.catalogue import PRODUCER_FILE
from ...model.commune import Commune
from ...model.dates import build_date, parse_day
from ...model.errors import DataError
from ...model.news import load_authors
from ...model.outlet import OutletKind
from ...ops.scaffold import ScaffoldError, new_fair, new_outlet, new_post, new_producer, new_product
from ..blog import blog_settings
from .loading import config, load


def add_parser(commands) -> None:
    creating = commands.add_parser("new", help="tạo tệp mới có sẵn hướng dẫn: bài viết, sản phẩm, cơ sở, điểm bán, hội chợ")
    kinds = creating.add_subparsers(dest="kind", required=True, metavar="LOẠI")
    post = kinds.add_parser("post", help="bài viết mới trong docs/tin-tuc/posts/ (bản nháp)")
    post.add_argument("name", nargs="?", metavar="TIÊU_ĐỀ", help="tiêu đề bài, trong dấu nháy kép")
    post.add_argument("--category", metavar="CHUYÊN_MỤC", help="chuyên mục (mặc định: chuyên mục đầu tiên trong mkdocs.yml)")
    post.add_argument("--author", metavar="MÃ", help="mã tác giả trong docs/tin-tuc/.authors.yml")
    post.add_argument("--date", metavar="NGÀY", help="ngày đăng (mặc định: hôm nay)")
    product = kinds.add_parser("product", help="sản phẩm mới trong thư mục của cơ sở sản xuất")
    product.add_argument("name", nargs="?", metavar="TÊN", help="tên sản phẩm, trong dấu nháy kép")
    product.add_argument("--producer", metavar="THƯ_MỤC", help="tên thư mục của cơ sở, ví dụ co-so-vi-du")
    product.add_argument("--group", default="thuc-pham", metavar="MÃ_NGÀNH", help="mã ngành hàng (mặc định: thuc-pham)")
    product.add_argument("--slug", metavar="ĐỊA_CHỈ", help="địa chỉ trang (mặc định: tạo từ tên)")
    producer = kinds.add_parser("producer", help="cơ sở sản xuất mới: thư mục products/<địa-chỉ>/")
    producer.add_argument("name", nargs="?", metavar="TÊN", help="tên cơ sở sản xuất, trong dấu nháy kép")
    producer.add_argument("--slug", metavar="ĐỊA_CHỈ", help="tên thư mục, cũng là địa chỉ trang (mặc định: tạo từ tên)")
    producer.add_argument("--former-commune", metavar="XÃ_CŨ", help="xã cũ (trước 1/7/2025) của cơ sở, một trong các xã cũ ghi trong mkdocs.yml")
    outlet = kinds.add_parser("outlet", help="điểm bán mới trong products/_diem-ban/")
    outlet.add_argument("name", nargs="?", metavar="TÊN", help="tên điểm bán, trong dấu nháy kép")
    outlet.add_argument("--type", default=OutletKind.khac.value, metavar="LOẠI", help="loại điểm bán, ví dụ \"siêu thị\" (mặc định: khác)")
    outlet.add_argument("--url", metavar="ĐỊA_CHỈ", help="địa chỉ trang bán hàng (bắt buộc với Shopee, Facebook, Zalo)")
    outlet.add_argument("--slug", metavar="ĐỊA_CHỈ", help="tên tệp (mặc định: tạo từ tên)")
    fair = kinds.add_parser("fair", help="hội chợ, triển lãm mới trong products/_hoi-cho/")
    fair.add_argument("name", nargs="?", metavar="TÊN", help="tên hội chợ, triển lãm, trong dấu nháy kép")
    fair.add_argument("--start", metavar="NGÀY", help="ngày bắt đầu, ví dụ 15/08/2025")
    fair.add_argument("--end", metavar="NGÀY", help="ngày kết thúc (nếu nhiều ngày)")
    fair.add_argument("--slug", metavar="ĐỊA_CHỈ", help="tên tệp (mặc định: tạo từ tên)")
    creating.set_defaults(run=run)


def run(args) -> int:
    """Create a commented file that passes `ocop check` as it is, then say where it is and what next."""
    root = Path(args.config).resolve().parent
    products_dir = root / config(args.config).plugins["ocop"].config.products_dir
    try:
        catalogue = load(args.config).catalogue
    except DataError:
        catalogue = None
        print("Lưu ý: dữ liệu hiện có lỗi (chạy ocop check để xem); tệp mới vẫn được tạo.", file=sys.stderr)
    slugs = list(catalogue.products) if catalogue else []
    name = args.name or _ask(_PROMPTS[args.kind], _EXAMPLES[args.kind].format(producer=_some_producer(products_dir)))
    try:
        shown = _created(args, products_dir, name, slugs).write(root)
    except ScaffoldError as error:
        print(f"Chưa tạo tệp: {error}", file=sys.stderr)
        return 1
    print(f"Đã tạo {shown}")
    print("Mở tệp bằng trình soạn thảo (VS Code, Notepad), điền thông tin theo ghi chú, lưu lại, rồi chạy: ocop check")
    if args.kind == "post":
        print("Bài đang là bản nháp: xem trước bằng ocop serve; xóa dòng 'draft: true' khi muốn đăng.")
    return 0


def _created(args, products_dir: Path, name: str, slugs: list[str]):
    """The new file of the kind asked for (ops/scaffold.py), not yet written; ScaffoldError if it cannot be."""
    if args.kind == "post":
        blog = blog_settings(config(args.config))
        if blog is None:
            raise ScaffoldError("trang chưa bật phần tin tức (plugin blog trong mkdocs.yml)")
        authors, _ = load_authors(blog, str)
        return new_post(blog, list(authors), name, _date(args.date) if args.date else build_date(), args.category, args.author, slugs)
    if args.kind == "producer":
        return new_producer(products_dir, name, args.slug, _commune(args.config), args.former_commune)
    if args.kind == "product":
        from ...model.catalogue import load_groups

        producer = args.producer or _ask(
            "Tên thư mục của cơ sở sản xuất", f'ocop new product {_quoted(name)} --producer {_some_producer(products_dir)}'
        )
        commune = _commune(args.config)
        province = commune.province if commune else None
        return new_product(products_dir, name, producer, args.group, load_groups(), slugs, args.slug, province)
    if args.kind == "outlet":
        return new_outlet(products_dir, name, args.type, slugs, args.url, args.slug)
    start = _date(args.start or _ask("Ngày bắt đầu (ngày/tháng/năm)", f"ocop new fair {_quoted(name)} --start 15/08/2025"))
    return new_fair(products_dir, name, start, _date(args.end) if args.end else None, slugs, args.slug)


_PROMPTS = {
    "post": "Tiêu đề bài viết",
    "product": "Tên sản phẩm",
    "producer": "Tên cơ sở sản xuất",
    "outlet": "Tên điểm bán",
    "fair": "Tên hội chợ, triển lãm",
}


# What to type when a name is missing, for each kind: the command that was meant, never another's.
_EXAMPLES = {
    "post": 'ocop new post "Tiêu đề bài viết"',
    "product": 'ocop new product "Tên sản phẩm" --producer {producer}',
    "producer": 'ocop new producer "Tên cơ sở"',
    "outlet": 'ocop new outlet "Tên điểm bán" --type "siêu thị"',
    "fair": 'ocop new fair "Tên hội chợ" --start 15/08/2025',
}


def _commune(config_file: str) -> Commune | None:
    """mkdocs.yml's commune, for the names a new file suggests; None when it is not written right."""
    try:
        return Commune.model_validate((config(config_file).extra or {}).get("commune"))
    except ValidationError:
        return None


def _quoted(text: str) -> str:
    """A name as typed in Command Prompt: in double quotes (it has spaces)."""
    return '"' + text.replace('"', "") + '"'


def _some_producer(products_dir: Path) -> str:
    """A producer folder that exists, for the example (the officer copies it as it is)."""
    folders = sorted(path.parent.name for path in products_dir.glob(f"*/{PRODUCER_FILE}") if not path.parent.name.startswith("_"))
    return folders[0] if folders else "ten-thu-muc-co-so"


def _ask(label: str, example: str) -> str:
    """Ask at a console; in a script (no console) stop, showing the whole command that gives the answer."""
    if not sys.stdin.isatty():
        raise SystemExit(f"Thiếu {label.lower()}: ghi ngay trong lệnh, ví dụ:\n  {example}")
    answer = input(f"{label}: ").strip()
    if not answer:
        raise SystemExit(f"Chưa có {label.lower()}: không tạo tệp.")
    return answer


def _date(text: str):
    """31/05/2025 or 2025-05-31, as in the data files."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return parse_day(text)
    except ValueError as error:
        raise SystemExit(f"Ngày không đúng: {error} (đang ghi: {text})") from None

