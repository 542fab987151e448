"""`ocop new …`: every file it writes explains each field in Vietnamese and passes `ocop check` unchanged.

The project is copied into a folder whose name has spaces and Vietnamese letters, as on an officer's
Windows desktop ("Trang web xã"), and every file is checked to be UTF-8 with "\\n" line ends.
"""
from __future__ import annotations

import json
import re
import shutil

import jsonschema
import pytest
import yaml
from conftest import ROOT, Project, copy_project, ocop_in_process, text_of
from ocop.model.models import Fair, Outlet, Producer, Product

NEW = [
    # (arguments, file written, model whose every field the file must mention)
    (["producer", "Hợp tác xã Thử Nghiệm"], "products/hop-tac-xa-thu-nghiem/producer.yml", Producer),
    (["product", "Nước mắm Thử Nghiệm", "--producer", "hop-tac-xa-thu-nghiem"],
     "products/hop-tac-xa-thu-nghiem/nuoc-mam-thu-nghiem.yml", Product),
    (["outlet", "Quầy Thử Nghiệm", "--type", "quầy giới thiệu sản phẩm"], "products/_diem-ban/quay-thu-nghiem.yml", Outlet),
    (["outlet", "Trang Thử Nghiệm", "--type", "Facebook", "--url", "https://www.facebook.com/thu.nghiem"],
     "products/_diem-ban/trang-thu-nghiem.yml", Outlet),
    (["fair", "Hội chợ Thử Nghiệm", "--start", "10/08/2025", "--end", "14/08/2025"], "products/_hoi-cho/hoi-cho-thu-nghiem.yml", Fair),
    (["post", "Tin Thử Nghiệm", "--date", "2026-12-05"], "docs/tin-tuc/posts/2026-12-05-tin-thu-nghiem.md", None),
]


@pytest.fixture
def desk(tmp_path) -> Project:
    return copy_project(tmp_path / "Trang web xã Quảng Trung")


def new(desk: Project, *arguments: str):
    """`ocop new ARGUMENTS` called in this process (fast tier): the same command as the process the first
    test and the missing-value tests run, its messages and exit code."""
    return ocop_in_process(desk.root, "new", *arguments)


@pytest.mark.full  # `ocop new` as a command, and a build
def test_each_new_file_passes_check_unchanged_and_explains_its_fields(desk):
    for arguments, file, model in NEW:
        result = desk.ocop("new", *arguments)
        assert result.code == 0, result.text
        assert f"Đã tạo {file}" in result.out
        raw = (desk.root / file).read_bytes()
        assert b"\r\n" not in raw
        text = raw.decode("utf-8")
        assert arguments[1] in text
        if model is not None:
            missing = [name for name in model.model_fields if f"{name}:" not in text]
            assert missing == [], f"{file} does not mention {missing}"
        check = desk.check()
        assert check.code == 0, f"{file}\n{check.text}"
    assert desk.build().code == 0
    assert "Nước mắm Thử Nghiệm" in text_of(desk.page("san-pham/nuoc-mam-thu-nghiem/"))
    assert "Hợp tác xã Thử Nghiệm" in text_of(desk.page("co-so/hop-tac-xa-thu-nghiem/"))
    assert "Quầy Thử Nghiệm" in text_of(desk.page("diem-ban/")) and "Trang Thử Nghiệm" in text_of(desk.page("diem-ban/"))
    assert "Hội chợ Thử Nghiệm" in text_of(desk.page("hoi-cho/"))


# A field a file may show twice: the product's certificate is either the decision's block or one line.
ALTERNATIVES = {"certification"}


def test_each_field_is_offered_and_explained_once(desk):
    """A field shown twice (`# code:` with two explanations) leaves the officer guessing which to fill in."""
    for arguments, file, _ in NEW:
        assert new(desk, *arguments).code == 0
        text = (desk.root / file).read_text(encoding="utf-8")
        fields = re.findall(r"^(?:# )?([a-z_]+):", text, flags=re.MULTILINE)
        repeated = {name for name in fields if fields.count(name) > 1} - ALTERNATIVES
        assert repeated == set(), f"{file} offers {sorted(repeated)} more than once"
    product = (desk.root / NEW[1][1]).read_text(encoding="utf-8")
    assert product.count("Mã ngắn") == 1


def test_new_data_files_satisfy_their_json_schemas(desk):
    """The editor (VS Code) checks the same rules as `ocop check` while the officer fills in the file."""
    for arguments, file, model in NEW:
        assert new(desk, *arguments).code == 0
        if model is None:
            continue
        text = (desk.root / file).read_text(encoding="utf-8")
        schema_name = text.splitlines()[0].split("$schema=../_schema/")[1]
        schema = json.loads((ROOT / "products/_schema" / schema_name).read_text(encoding="utf-8"))
        data = yaml.safe_load(text)
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)
        assert schema["title"] == model.__name__


def test_new_refuses_to_overwrite_or_to_guess(desk):
    assert new(desk, "producer", "Hợp tác xã Thử Nghiệm").code == 0
    again = new(desk, "producer", "Hợp tác xã Thử Nghiệm")
    assert again.code == 1 and "đã có thư mục products/hop-tac-xa-thu-nghiem/" in again.err
    orphan = new(desk, "product", "Mắm Thử", "--producer", "khong-co")
    assert orphan.code == 1 and "không có cơ sở 'khong-co'" in orphan.err and "nam-quyen" in orphan.err
    taken = new(desk, "product", "Nem Huân Hồng", "--producer", "hop-tac-xa-thu-nghiem")
    assert taken.code == 1 and "đã có sản phẩm có địa chỉ 'nem-huan-hong'" in taken.err
    shop = new(desk, "outlet", "Gian hàng Thử", "--type", "Shopee")
    assert shop.code == 1 and "--url" in shop.err
    category = new(desk, "post", "Tin thử", "--category", "Thể thao")
    assert category.code == 1 and "không có chuyên mục 'Thể thao'" in category.err
    assert new(desk, "post", "Tin thử").code == 0
    twice = new(desk, "post", "Tin thử")
    assert twice.code == 1 and "không ghi đè" in twice.err
    missing_name = new(desk, "post")
    assert missing_name.code != 0 and "Thiếu tiêu đề bài viết" in missing_name.text
    assert "Traceback" not in missing_name.text + twice.text + shop.text


def test_new_works_while_the_data_has_a_mistake(desk):
    """The officer can add files before fixing an unrelated mistake; `ocop new` says the data has one."""
    desk.write("products/nam-quyen/loi.yml", "name: [\n")
    result = new(desk, "producer", "Hộ Thử Nghiệm")
    assert result.code == 0 and "dữ liệu hiện có lỗi" in result.err
    assert (desk.root / "products/ho-thu-nghiem/producer.yml").is_file()


@pytest.mark.full  # it builds
def test_a_fresh_copy_without_example_data_starts_from_nothing(tmp_path):
    """A commune starting its own site: empty products/, no posts; every page still builds."""
    project = copy_project(tmp_path / "empty")
    for folder in project.products.iterdir():
        if not folder.name.startswith("_"):
            shutil.rmtree(folder)
    shutil.rmtree(project.products / "_registry")  # no QR code issued yet either
    (project.products / "_ke-hoach.yml").unlink()  # the example commune's plan names its products
    shutil.rmtree(project.root / "docs/tin-tuc/posts")
    for page in ("docs/index.md", "docs/du-lich.md", "docs/en/index.md"):
        text = (project.root / page).read_text(encoding="utf-8")
        lines = [
            line for line in text.splitlines()
            if not line.startswith("[[san-pham:") and "san-pham/n" not in line and "products/n" not in line
        ]
        (project.root / page).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = project.build()
    assert result.code == 0, result.text
    assert "Chưa có bài viết nào" not in text_of(project.page(""))  # no post: nothing is announced


MISSING = {
    # (arguments, what is missing, the command the hint must show)
    "post title": (["post"], "Thiếu tiêu đề bài viết", 'ocop new post "'),
    "product name": (["product"], "Thiếu tên sản phẩm", 'ocop new product "Tên sản phẩm" --producer huan-hong'),
    "product's producer": (["product", "Mắm Thử"], "Thiếu tên thư mục của cơ sở sản xuất", 'ocop new product "Mắm Thử" --producer huan-hong'),
    "producer name": (["producer"], "Thiếu tên cơ sở sản xuất", 'ocop new producer "'),
    "outlet name": (["outlet"], "Thiếu tên điểm bán", 'ocop new outlet "'),
    "fair name": (["fair"], "Thiếu tên hội chợ, triển lãm", 'ocop new fair "'),
    "fair's start": (["fair", "Hội chợ Thử"], "Thiếu ngày bắt đầu", 'ocop new fair "Hội chợ Thử" --start 15/08/2025'),
}


@pytest.mark.full  # `ocop new` run from a script: a process with no console
@pytest.mark.parametrize("case", MISSING)
def test_a_missing_value_shows_the_command_that_was_meant(desk, case):
    """Run from a script (no console to ask at), `ocop new` stops and shows the whole command to type."""
    arguments, missing, example = MISSING[case]
    before = sorted(path for path in desk.root.rglob("*") if path.is_file())
    result = desk.ocop("new", *arguments)
    assert result.code == 1 and "Traceback" not in result.text
    assert missing in result.err and example in result.err, result.err
    if arguments[0] != "post":
        assert "ocop new post" not in result.err
    assert sorted(path for path in desk.root.rglob("*") if path.is_file()) == before


def test_a_new_producer_names_the_site_s_commune_and_its_former_commune(tmp_path):
    """`ocop new producer` writes the commune and province of mkdocs.yml (never another commune's), and the
    former commune given with --former-commune, as the list writes it, also when the list has only one.
    Fast tier (in-process)."""
    from ocop.model.commune import Commune
    from ocop.ops.scaffold import new_producer

    one = Commune(name="Thử Nghiệm", province="Ví Dụ", merged_into="Ví Dụ Mới")
    text = new_producer(tmp_path, "Hộ Ví Dụ", commune=one, former="thử nghiệm").text
    data = yaml.safe_load(text)
    assert data["former_commune"] == "Thử Nghiệm"
    assert "#   commune: Ví Dụ Mới" in text and "#   province: Ví Dụ" in text and "xã Thử Nghiệm, huyện …, tỉnh Ví Dụ" in text
    several = Commune(name="Ví Dụ", province="Thử Nghiệm", former_communes=["Sơn Tây", "Thị trấn Sơn Hồng"])
    text = new_producer(tmp_path, "Hộ Ví Dụ", commune=several).text
    assert "former_commune" not in yaml.safe_load(text) and '# former_commune: "Sơn Tây"' in text
    assert "một trong: Sơn Tây, Thị trấn Sơn Hồng" in text
