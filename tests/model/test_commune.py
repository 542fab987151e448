"""The commune of mkdocs.yml (model/commune.py), and a merged commune of several former communes as the
whole site shows it: the filter lists, the "(trước đây xã …)" wording, `ocop report` and the Word review.

The model tests are fast (in-process); the merged site test is full tier (it runs `ocop` and a build)."""
from __future__ import annotations

import docx
import pytest
from conftest import TODAY_ENV, text_of
from ocop.model.commune import Commune
from pydantic import ValidationError

QT_COMMUNE = """\
  commune:
    name: Quảng Trung
    former_district: Quảng Xương
    province: Thanh Hóa
    merged_into: Quảng Chính
    merged_on: 2025-07-01
    merger_decision: Nghị quyết 1686/NQ-UBTVQH15
"""
MERGED_COMMUNE = """\
  commune:
    name: Ví Dụ
    province: Thử Nghiệm
    former_communes: [Sơn Tây, Sơn Lĩnh, Thị trấn Sơn Hồng]
    merged_on: 2025-07-01
"""


def test_the_one_former_commune_form_and_the_list_form():
    """Quảng Trung's form (name + merged_into) is one former commune, no filter; the list form filters."""
    one = Commune(name="Thử Nghiệm", province="Ví Dụ", merged_into="Ví Dụ Mới")
    assert (one.current, one.formers, one.filtered) == ("Ví Dụ Mới", ["Thử Nghiệm"], False)
    assert one.former_of(None) == "Thử Nghiệm"  # a producer without the field is of the only one
    merged = Commune(name="Ví Dụ", province="Thử Nghiệm", former_communes=["Sơn Tây", "Thị trấn Sơn Hồng"])
    assert (merged.current, merged.filtered) == ("Ví Dụ", True)
    assert merged.former_of("sơn tây") == "Sơn Tây" and merged.former_of("Sơn Hồng") == "Thị trấn Sơn Hồng"
    assert merged.former_of("Son Tay") is None and merged.former_of(None) is None
    assert Commune(name="Ví Dụ", province="Thử Nghiệm").formers == []


@pytest.mark.parametrize(("fields", "said"), [
    ({"merged_into": "Ví Dụ Mới", "former_communes": ["A", "B"]}, "ghi một trong hai"),
    ({"former_communes": ["Sơn Tây", "Xã Sơn Tây"]}, "ghi trùng tên xã cũ"),
])
def test_a_commune_written_two_ways_or_twice_is_refused(fields, said):
    with pytest.raises(ValidationError, match=said):
        Commune(name="Ví Dụ", province="Thử Nghiệm", **fields)


def review_table(path, heading: str) -> list[list[str]]:
    """The rows of the first table after the paragraph that starts with `heading` in a Word file."""
    document = docx.Document(str(path))
    found = False
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p" and "".join(child.itertext()).startswith(heading):
            found = True
        elif tag == "tbl" and found:
            table = next(table for table in document.tables if table._element is child)
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no section {heading!r}")


@pytest.fixture
def merged(project):
    """The example turned into xã Ví Dụ, merged from three former communes, with a producer in each and
    one that names none."""
    config = project.root / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    assert QT_COMMUNE in yml
    config.write_text(yml.replace(QT_COMMUNE, MERGED_COMMUNE), encoding="utf-8")
    for folder, former in (("nam-quyen", "Sơn Tây"), ("huan-hong", "Sơn Lĩnh")):
        path = project.products / folder / "producer.yml"
        path.write_text(path.read_text(encoding="utf-8") + f"former_commune: {former}\n", encoding="utf-8")
    fish_sauce = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    fish_sauce.write_text(fish_sauce.read_text(encoding="utf-8") + "batches:\n  - code: L1\n    produced: 01/03/2026\n", encoding="utf-8")
    made = project.ocop("new", "producer", "Hợp tác xã Thử Nghiệm", "--former-commune", "sơn hồng")
    assert made.code == 0, made.text
    assert 'former_commune: "Thị trấn Sơn Hồng"' in (project.products / "hop-tac-xa-thu-nghiem/producer.yml").read_text(encoding="utf-8")
    for command in (["producer", "Hộ Ví Dụ"], ["product", "Mật ong thử nghiệm", "--producer", "hop-tac-xa-thu-nghiem"],
                    ["product", "Bánh Ví Dụ", "--producer", "ho-vi-du"]):
        made = project.ocop("new", *command)
        assert made.code == 0, made.text
    return project


def test_a_merged_commune_filters_names_and_counts_by_former_commune(merged):
    check = merged.ocop("check", env=TODAY_ENV)
    assert check.code == 0, check.text
    assert "products/ho-vi-du/producer.yml: trường 'former_commune': cơ sở chưa ghi xã cũ" in check.text
    result = merged.build(env=TODAY_ENV)
    assert result.code == 0, result.text

    # The catalogue's row of former communes, on the list of all, and each one's list of exactly its products.
    catalogue = text_of(merged.page("san-pham/"))
    assert "Xã cũ" in catalogue and "Tất cả (4)" in catalogue
    assert "Sơn Tây (1)" in catalogue and "Sơn Lĩnh (1)" in catalogue and "thị trấn Sơn Hồng (1)" in catalogue
    assert "của xã Ví Dụ (hợp nhất từ xã Sơn Tây, xã Sơn Lĩnh và thị trấn Sơn Hồng), tỉnh Thử Nghiệm" in catalogue
    assert "(formed from Sơn Tây commune, Sơn Lĩnh commune, and Sơn Hồng township)" in text_of(merged.page("en/products/"))
    son_tay = merged.page("san-pham/xa-cu/son-tay/")
    assert "Nước mắm Năm Quyền" in son_tay and "Nem Huân Hồng" not in son_tay and "Bánh Ví Dụ" not in son_tay
    son_hong = merged.page("san-pham/xa-cu/son-hong/")
    assert "Mật ong thử nghiệm" in son_hong and "Nước mắm Năm Quyền" not in son_hong
    assert "nem-huan-hong/" in merged.page("en/products/xa-cu/son-linh/")
    # The directory likewise, with the place under each name.
    directory = text_of(merged.page("co-so/"))
    assert "Sơn Lĩnh (1)" in directory and "xã Ví Dụ (trước đây xã Sơn Lĩnh)" in directory
    son_linh = merged.page("co-so/xa-cu/son-linh/")
    assert "Huân Hồng" in son_linh and "Năm Quyền" not in son_linh and "Hộ Ví Dụ" not in son_linh

    # Where the former name helps a buyer match the pack: the product page's producer, the producer page.
    assert "Năm Quyền · xã Ví Dụ (trước đây xã Sơn Tây)" in text_of(merged.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "Ví Dụ commune (formerly Sơn Tây commune)" in text_of(merged.page("en/products/nuoc-mam-nam-quyen/"))
    assert "xã Ví Dụ (trước đây xã Sơn Tây)" in text_of(merged.page("san-pham/nuoc-mam-nam-quyen/lo/L1/"))
    assert "xã Ví Dụ (trước đây thị trấn Sơn Hồng)" in text_of(merged.page("co-so/hop-tac-xa-thu-nghiem/"))
    assert "trước đây" not in text_of(merged.page("san-pham/banh-vi-du/"))  # its producer names no former commune

    # The officer's report and the Word review count by former commune, those naming none apart.
    report = merged.ocop("report", env=TODAY_ENV)
    assert report.code == 0 and "## Sản phẩm theo xã cũ" in report.out, report.text
    review = merged.ocop("report", "--review", "2026-03", "--docx", "bao-cao.docx", env=TODAY_ENV)
    assert review.code == 0, review.text
    rows = review_table(merged.root / "bao-cao.docx", "2. Sản phẩm theo xã cũ")
    by_name = {row[0]: row[1:] for row in rows[1:]}
    assert list(by_name) == ["xã Sơn Tây", "xã Sơn Lĩnh", "thị trấn Sơn Hồng", "Chưa ghi xã cũ", "Tổng"]
    assert by_name["xã Sơn Tây"][-1] == by_name["xã Sơn Lĩnh"][-1] == by_name["thị trấn Sơn Hồng"][-1] == "1"
    assert by_name["Chưa ghi xã cũ"][-1] == "1" and by_name["Tổng"][-1] == "4"
    assert by_name["xã Sơn Tây"][0] == "1"  # Năm Quyền's fish sauce: 3 stars, still valid on TODAY


def test_a_former_commune_not_in_the_list_is_refused_with_the_closest_name(merged):
    path = merged.products / "nam-quyen" / "producer.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("former_commune: Sơn Tây", "former_commune: Son Tay"), encoding="utf-8")
    check = merged.ocop("check", env=TODAY_ENV)
    assert check.code != 0
    assert "products/nam-quyen/producer.yml:" in check.text and "không có xã cũ 'Son Tay' trong mkdocs.yml; có phải ý bạn là 'Sơn Tây'?" in check.text
    made = merged.ocop("new", "producer", "Cơ sở khác", "--former-commune", "Son Linh")
    assert made.code == 1 and "không có xã cũ 'Son Linh'; có phải ý bạn là 'Sơn Lĩnh'?" in made.err


def test_the_example_with_one_former_commune_has_no_filter_but_says_the_former_name(built):
    catalogue = built.page("san-pham/")
    assert "Xã cũ" not in text_of(catalogue) and "xa-cu" not in catalogue
    assert "Năm Quyền · xã Quảng Chính (trước đây xã Quảng Trung)" in text_of(built.page("san-pham/nuoc-mam-nam-quyen/"))


WARD = """\
  commune:
    name: Phường 12
    province: Thành phố Thử Nghiệm
"""


def test_a_numbered_ward_of_a_city_is_named_as_one_everywhere(project):
    """Not every site is a xã of a tỉnh: 'Phường 12' of 'Thành phố …' keeps its own words on the pages, in
    English, in ocop report and ocop check, and no page says 'xã Phường 12' or 'tỉnh Thành phố'."""
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(QT_COMMUNE, WARD), encoding="utf-8")
    result = project.build(env=TODAY_ENV)
    assert result.code == 0, result.text
    assert "của phường 12, thành phố Thử Nghiệm." in text_of(project.page("san-pham/"))
    assert "of Ward 12, Thử Nghiệm city, Vietnam." in text_of(project.page("en/products/"))
    assert "hãy báo trực tiếp cho Ủy ban nhân dân phường 12, thành phố Thử Nghiệm." in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "People's Committee of Ward 12, Thử Nghiệm city" in text_of(project.page("en/products/nuoc-mam-nam-quyen/"))
    pages = [path.read_text(encoding="utf-8") for path in project.site.rglob("*.html")]
    assert not [page for page in pages if "xã Phường" in page or "tỉnh Thành phố" in page or "Phường 12 commune" in page]
    report = project.ocop("report", env=TODAY_ENV)
    assert "Báo cáo Chương trình OCOP phường 12, thành phố Thử Nghiệm" in report.out, report.text
    assert "Ủy ban nhân dân phường 12: trang sản phẩm" in project.ocop("check", env=TODAY_ENV).text
