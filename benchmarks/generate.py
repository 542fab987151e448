"""A synthetic catalogue of N products, reproducible from a seed, for measuring the site's build.

    python benchmarks/generate.py 1000 /tmp/ocop-1000 [--seed 7]

writes a complete project into an empty folder: mkdocs.yml, docs/, overrides/ and products/ copied
from this one (the commune's two real products, which the home page links to), plus about N/2
synthetic producers and as many synthetic products as make N in all, each with photos (a third of them
with a short code and one to three batches). Every name carries the
word "Mẫu" and a number, so synthetic data can never be mistaken for a real producer or product; no
phone number, address or certificate of a real body is written (decisions are "…/QĐ-MẪU").

The text is realistic Vietnamese (diacritics, đ, long summaries and stories) because the build's
cost and the search index's size depend on it. Photos are real JPEG files with distinct bytes, so a
cache keyed by content cannot hide the work; they are made from a small pool of pictures drawn once
(making thousands of distinct pictures would cost more time than the build being measured).

    python benchmarks/generate.py 650 /tmp/ocop-province --profile province

writes instead a catalogue shaped like a real province's (the set issue 14 measures on): N products of
N/2 producers, every fifth product with one photo as a camera leaves it (3000 × 2250, sensor noise,
EXIF, 2–3 MB; the others and the producers have none), certificates decided on days spread over the
last six years so that about half have expired (36 months), one product in seventeen a candidate, the
text in Vietnamese only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import shutil
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "products")

# What each OCOP group makes: (kind of product, sub-group code or None, typical ingredients).
KINDS = {
    "thuc-pham": [
        ("Nước mắm cá cơm", "tuong-nuoc-mam", ["Cá cơm", "Muối biển"]),
        ("Nước mắm cá nục", "tuong-nuoc-mam", ["Cá nục", "Muối biển"]),
        ("Mắm tôm", "tuong-nuoc-mam", ["Tôm moi", "Muối"]),
        ("Tương bần", "tuong-nuoc-mam", ["Đậu tương", "Gạo nếp", "Muối"]),
        ("Nem chua", "che-bien-tu-thit", ["Thịt lợn nạc", "Bì lợn", "Thính gạo", "Lá đinh lăng"]),
        ("Chả quế", "che-bien-tu-thit", ["Thịt lợn", "Bột quế", "Nước mắm"]),
        ("Giò lụa", "che-bien-tu-thit", ["Thịt lợn nạc", "Nước mắm", "Lá chuối"]),
        ("Gạo tám thơm", None, ["Gạo tám"]),
        ("Bánh gai", None, ["Lá gai", "Gạo nếp", "Đỗ xanh", "Dừa"]),
        ("Bánh răng bừa", None, ["Bột gạo", "Thịt lợn", "Mộc nhĩ"]),
        ("Mật ong hoa nhãn", None, ["Mật ong"]),
        ("Kẹo lạc", None, ["Lạc", "Mạch nha", "Gừng"]),
        ("Mực khô", None, ["Mực ống"]),
        ("Cá thu một nắng", None, ["Cá thu", "Muối"]),
    ],
    "do-uong": [
        ("Rượu men lá", None, ["Gạo nếp", "Men lá"]),
        ("Rượu nếp cẩm", None, ["Nếp cẩm", "Men"]),
        ("Trà xanh", None, ["Lá chè xanh"]),
        ("Trà hoa vàng", None, ["Hoa trà vàng"]),
        ("Nước cốt chanh leo", None, ["Chanh leo", "Đường"]),
    ],
    "duoc-lieu": [
        ("Tinh dầu sả chanh", None, ["Sả chanh"]),
        ("Tinh dầu tràm", None, ["Lá tràm"]),
        ("Trà gừng", None, ["Gừng", "Đường"]),
        ("Cao lá vằng", None, ["Lá vằng"]),
        ("Dầu gấc", None, ["Màng gấc", "Dầu lạc"]),
    ],
    "thu-cong-my-nghe": [
        ("Chiếu cói", None, ["Cói", "Đay"]),
        ("Túi cói", None, ["Cói"]),
        ("Giỏ mây tre đan", None, ["Mây", "Tre"]),
        ("Nón lá", None, ["Lá cọ", "Tre"]),
    ],
    "sinh-vat-canh": [
        ("Lan hồ điệp", None, []),
        ("Quất cảnh", None, []),
        ("Đào thế", None, []),
    ],
    "du-lich": [
        ("Điểm du lịch sinh thái đầm sen", None, []),
        ("Làng nghề đan cói", None, []),
    ],
}
# How the groups weigh in a real province: most OCOP products are food.
GROUP_WEIGHTS = {"thuc-pham": 60, "do-uong": 12, "duoc-lieu": 10, "thu-cong-my-nghe": 10, "sinh-vat-canh": 5, "du-lich": 3}
STARS = [(3, 70), (4, 20), (5, 2), ("candidate", 8)]
PRODUCER_KINDS = [("hợp tác xã", "Hợp tác xã"), ("doanh nghiệp", "Công ty TNHH"), ("hộ sản xuất kinh doanh", "Hộ kinh doanh"), ("tổ hợp tác", "Tổ hợp tác")]
VILLAGES = ["Thôn Đông", "Thôn Đoài", "Thôn Nam", "Thôn Bắc", "Thôn Trung", "Xóm Bãi", "Xóm Đình", "Thôn Hải Thanh"]

SENTENCES = [
    "Sản phẩm được làm theo phương pháp truyền thống của làng nghề ven biển, không dùng chất bảo quản.",
    "Nguyên liệu được chọn lọc kỹ từ vùng sản xuất của địa phương, bảo đảm nguồn gốc rõ ràng.",
    "Cơ sở đã đầu tư nhà xưởng, máy đóng gói và áp dụng quy trình quản lý chất lượng theo tiêu chuẩn.",
    "Mỗi mẻ sản phẩm đều được ghi chép nhật ký sản xuất để truy xuất nguồn gốc khi cần.",
    "Hương vị đậm đà, màu sắc tự nhiên, được du khách gần xa ưa chuộng làm quà biếu.",
    "Đặc sản của vùng đất xứ Thanh, gắn với nghề truyền thống đã có từ nhiều đời.",
    "Sản phẩm đạt chứng nhận an toàn thực phẩm và được kiểm nghiệm định kỳ.",
    "Người dân trong thôn cùng tham gia sản xuất, góp phần tạo việc làm và tăng thu nhập.",
    "Bao bì được thiết kế mới, có tem truy xuất và mã QR dẫn tới trang thông tin sản phẩm.",
    "Sản phẩm đã có mặt tại các hội chợ xúc tiến thương mại trong và ngoài tỉnh.",
    "Quy trình ủ chượp kéo dài từ mười hai đến mười tám tháng trong chum sành.",
    "Đóng gói bằng máy hút chân không, giữ được độ tươi ngon và hương vị đặc trưng.",
]
STORAGE = ["Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.", "Bảo quản trong ngăn mát tủ lạnh từ 2 đến 8 độ C.", "Đậy kín nắp sau khi sử dụng."]
USAGE = ["Dùng làm nước chấm hoặc nêm nếm khi chế biến món ăn.", "Dùng trực tiếp, ngon hơn khi ăn kèm rau sống.", "Pha với nước ấm, dùng trong ngày."]
SHELF_LIFE = ["12 tháng kể từ ngày sản xuất", "24 tháng kể từ ngày sản xuất", "30 ngày kể từ ngày sản xuất", "7 ngày ở nhiệt độ thường"]
PACKAGES = ["Chai 500 ml", "Chai 1 lít", "Can 2 lít", "Hộp 300 g", "Túi 500 g", "Hộp quà 1 kg"]
PHOTO_POOL = 12
PHOTO_SIZE = (1200, 900)
PROFILES = ("synthetic", "province")
# The province profile: a camera's photo (about 7 megapixels, as a phone set to 4:3 or a compact camera),
# on every fifth product; certificates decided over the last six years; one candidate in seventeen.
CAMERA_SIZE = (3000, 2250)
CAMERA_POOL = 8
CAMERA_EVERY = 5
CERTIFICATE_YEARS = 6
CANDIDATE_EVERY = 17


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def _pool_photos(rng: random.Random) -> list[bytes]:
    """A few pictures of the size a phone sends after resizing, drawn from the seed."""
    pool = []
    for _ in range(PHOTO_POOL):
        image = Image.new("RGB", PHOTO_SIZE, tuple(rng.randrange(60, 200) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
            r = rng.randrange(20, 200)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=82)
        pool.append(buffer.getvalue())
    return pool


def _camera_photos(rng: random.Random) -> list[bytes]:
    """Pictures as a camera writes them: soft shapes and light, sensor noise in each channel, EXIF, quality 92.

    The noise is what makes a real photo costly to decode and encode (a flat synthetic picture
    compresses to a tenth of the bytes and decodes faster): these files are 2–3 MB, as a camera's are."""
    pool = []
    width, height = CAMERA_SIZE
    for number in range(CAMERA_POOL):
        base = Image.new("RGB", (width // 8, height // 8), tuple(rng.randrange(40, 210) for _ in range(3)))
        draw = ImageDraw.Draw(base)
        for _ in range(25):
            x, y, r = rng.randrange(width // 8), rng.randrange(height // 8), rng.randrange(10, 120)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
        image = base.filter(ImageFilter.GaussianBlur(6)).resize(CAMERA_SIZE, Image.Resampling.BICUBIC)
        # Fine detail (texture, edges) and the sensor's noise, different in each channel.
        noise = Image.merge("RGB", [Image.effect_noise(CAMERA_SIZE, 12) for _ in range(3)])
        image = ImageChops.add(image, noise, scale=1.0, offset=-128)
        exif = Image.Exif()
        exif[0x010F], exif[0x0110] = "Mẫu Camera", f"MẪU-{number}"  # Make, Model: clearly not a real device
        exif[0x0132] = "2026:01:15 09:30:00"
        exif[0x0112] = 6 if number % 4 == 3 else 1  # one in four held upright: the camera says to turn it
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=92, exif=exif)
        pool.append(buffer.getvalue())
    return pool


def _certificate_date(rng: random.Random, today: dt.date) -> str:
    day = today - dt.timedelta(days=rng.randrange(CERTIFICATE_YEARS * 365))
    return day.strftime("%d/%m/%Y")


def _photo_bytes(pool: list[bytes], rng: random.Random, serial: int, distinct: bool = True) -> bytes:
    # Bytes after the JPEG end marker are ignored by decoders but make every file distinct.
    return rng.choice(pool) + (f"OCOP-BENCH-{serial}".encode() if distinct else b"")


def _write_yaml(path: Path, schema: str, data: dict) -> None:
    text = f"# yaml-language-server: $schema=../_schema/{schema}.schema.json\n"
    text += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(text, encoding="utf-8")


def _weighted(rng: random.Random, pairs) -> object:
    values, weights = zip(*pairs)
    return rng.choices(values, weights)[0]


def generate(count: int, target: Path, seed: int = 7, profile: str = "synthetic", distinct_photos: bool = True) -> Path:
    """Write a project with `count` products into `target` (created; must be empty or missing).

    `profile` "province": the shape of a real province's catalogue (see the module's docstring).
    `distinct_photos` False: the photos are the pool's pictures as they are, so products share them (a
    test of what the site does with many products, not of the photos' cost: each picture is made once)."""
    if profile not in PROFILES:
        raise SystemExit(f"unknown profile {profile!r}: {', '.join(PROFILES)}")
    province = profile == "province"
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise SystemExit(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    rng = random.Random(seed)
    pool = _pool_photos(rng) if not province else _camera_photos(rng)
    today = dt.date.today()
    # The commune's own products stay (the home page links to them); the rest is synthetic.
    products_dir = target / "products"
    # The project's own products (folders starting with "_" hold the register, schemas: not products).
    real = sum(1 for path in products_dir.glob("*/*.yml") if not path.parent.name.startswith("_") and path.name != "producer.yml")
    count = max(0, count - real)
    serial = 0

    if province:  # N/2 producers in all, the commune's own included
        own = sum(1 for path in products_dir.glob("*/producer.yml") if not path.parent.name.startswith("_"))
        producer_count = max(1, (count + real) // 2 - own)
    else:
        producer_count = max(1, (count + 1) // 2)
    producers: dict[str, str] = {}  # folder → name
    for number in range(1, producer_count + 1):
        kind, prefix = rng.choice(PRODUCER_KINDS)
        folder = f"co-so-mau-{number:05d}"
        producers[folder] = f"{prefix} Mẫu {number:05d}"
        (products_dir / folder).mkdir()
        data = {
            "name": producers[folder],
            "kind": kind,
            "representative": f"Người Đại Diện Mẫu {number:05d}",
            "address": {"village": rng.choice(VILLAGES), "commune": f"Xã Mẫu {number % 97 + 1}", "province": "Thanh Hóa"},
            "description": _paragraph(rng, 3) + "\n\n" + _paragraph(rng, 2),
        }
        if number % 2 and not province:
            serial += 1
            (products_dir / folder / "xuong.jpg").write_bytes(_photo_bytes(pool, rng, serial, distinct_photos))
            data["photos"] = [{"file": "xuong.jpg", "alt": "Xưởng sản xuất của cơ sở"}]
        _write_yaml(products_dir / folder / "producer.yml", "producer", data)

    groups = list(GROUP_WEIGHTS.items())
    folders = list(producers)
    for number in range(1, count + 1):
        group = _weighted(rng, groups)
        kind, subgroup, ingredients = rng.choice(KINDS[group])
        folder = rng.choice(folders)
        name = f"{kind} Mẫu {number:05d}"
        stars = _weighted(rng, STARS)
        if province:
            stars = "candidate" if number % CANDIDATE_EVERY == 0 else _weighted(rng, [pair for pair in STARS if pair[0] != "candidate"])
        data = {"name": name, "producer": folder, "group": group}
        if subgroup:
            data["subgroup"] = subgroup
        if number % 3 == 0:
            data["code"] = f"M{number:05d}"
            # A product printed with a short code is traced by batch: each batch has a page and a QR code.
            data["batches"] = []
            for batch in range(rng.randrange(1, 4)):
                year, month = 2025 + batch // 12, 1 + (number + batch) % 12
                data["batches"].append({
                    "code": f"L{year % 100:02d}{month:02d}{'ABC'[batch]}",
                    "produced": f"{rng.randrange(1, 28):02d}/{month:02d}/{year}",
                    "expires": f"{rng.randrange(1, 28):02d}/{month:02d}/{year + 2}",
                    "raw_material": f"{rng.choice(ingredients) if ingredients else kind} thu mua tại {rng.choice(VILLAGES)}",
                })
        if stars == "candidate":
            data["certification"] = "candidate"
        else:
            data["certification"] = {
                "stars": stars,
                "decision": f"{number}/QĐ-MẪU",
                "date": (
                    _certificate_date(rng, today) if province
                    else f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(2022, 2026)}"
                ),
                "issuer": "Cơ quan Mẫu",
                "score": {3: rng.randrange(50, 70), 4: rng.randrange(70, 90), 5: rng.randrange(90, 101)}[stars],
            }
        data["summary"] = f"{kind} của {producers[folder]}. " + _paragraph(rng, 1)
        data["story"] = "\n\n".join(_paragraph(rng, rng.randrange(2, 4)) for _ in range(rng.randrange(1, 4)))
        if ingredients:
            data["ingredients"] = ingredients
            data["net_quantity"] = rng.choice(["500 ml", "1 lít", "300 g", "500 g"])
            data["package_sizes"] = rng.sample(PACKAGES, 2)
            low = rng.randrange(30, 300) * 1000
            data["price"] = {"min": low, "max": low * 2, "per": data["package_sizes"][0].lower()}
            data["shelf_life"] = rng.choice(SHELF_LIFE)
            data["storage"] = rng.choice(STORAGE)
            data["usage"] = rng.choice(USAGE)
        if "Cá" in " ".join(ingredients):
            data["warnings"] = ["Sản phẩm có chứa cá."]
        photos = []
        for index in range((number % CAMERA_EVERY == 0) if province else 1 + (number % 4 == 0)):
            serial += 1
            file = f"{number:05d}-{index + 1}.jpg"
            (products_dir / folder / file).write_bytes(_photo_bytes(pool, rng, serial, distinct_photos))
            photos.append({"file": file, "alt": f"{kind}, ảnh {index + 1}"})
        if photos:
            data["photos"] = photos
        data["where_to_buy"] = [{"name": f"Cửa hàng Mẫu {rng.randrange(1, 200)}", "address": f"{rng.choice(VILLAGES)}, Thanh Hóa"}]
        _write_yaml(products_dir / folder / f"san-pham-{number:05d}.yml", "product", data)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of products")
    parser.add_argument("target", type=Path, help="an empty folder for the project")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", choices=PROFILES, default="synthetic", help="province: shaped like a real province's catalogue")
    args = parser.parse_args(argv)
    generate(args.count, args.target, args.seed, args.profile)
    print(f"{args.count} products written to {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
