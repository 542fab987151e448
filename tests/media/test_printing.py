"""What the officer prints, as a whole: a wrong outlet or product named, and the sample mark on every print file until the domain is confirmed."""
from __future__ import annotations

import re
import shutil

import pytest
from conftest import SAMPLE, TODAY_ENV, Project, confirm_domain, drawn_over_by_sample_mark, ocop_in_process, read_pdf


def test_unknown_outlet_or_product_is_explained(shop):
    outlet = shop.ocop("shelf-card", "cua-hang-th", env=TODAY_ENV)
    assert outlet.code == 1 and "Traceback" not in outlet.text
    assert "Không tạo được thẻ quầy: không có điểm bán 'cua-hang-th'" in outlet.err and "cua-hang-thu" in outlet.err
    product = shop.ocop("poster", "XX", env=TODAY_ENV)
    assert product.code == 1 and "Không tạo được áp phích: không có sản phẩm nào có mã hoặc địa chỉ trang 'XX'" in product.err


def test_sample_mark_until_the_domain_is_confirmed(project):
    """Labels included: a sheet printed before the commune confirms its domain says it is a sample."""
    labels = project.ocop("labels", "NM", "--out", "in")
    assert labels.code == 0, labels.text
    [(_, text, codes)] = read_pdf(project.root / "in/nhan-qr.pdf")
    assert len(codes) == 42 and text.count(SAMPLE) >= 42  # on every label, and at the foot of the page
    config = project.root / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    assert "      domain_confirmed: false\n" in yml
    config.write_text(yml.replace("      domain_confirmed: false\n", "      domain_confirmed: true\n"), encoding="utf-8")
    labels = project.ocop("labels", "NM", "--out", "out")
    brochure = project.ocop("brochure", "--out", "out")
    assert labels.code == 0 and brochure.code == 0, labels.text + brochure.text
    assert "MẪU" not in labels.out + brochure.out
    for name in ("nhan-qr.pdf", "to-gioi-thieu-san-pham-ocop.pdf"):
        pages = read_pdf(project.root / "out" / name)
        assert all("MẪU" not in text for _, text, _ in pages)
    assert len(read_pdf(project.root / "out/nhan-qr.pdf")[0][2]) == 42


def test_print_commands_refuse_an_address_no_phone_can_open(shop, tmp_path):
    """site_url on this machine or the office's network: no print file is written, the message says why.
    The first address through the commands as processes; the others through the same commands called in
    this process (`ocop_in_process`), each on a copy of its own (a process reads a mkdocs.yml once)."""
    config = shop.root / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    site_urls = ("http://127.0.0.1:8000/", "http://localhost:8000/", "http://192.168.1.10/ocop/", "http://[::1]/",
                 "http://169.254.1.1/")
    for number, site_url in enumerate(site_urls):
        copy = shop if number == 0 else Project(shutil.copytree(shop.root, tmp_path / f"copy-{number}"))
        (copy.root / "mkdocs.yml").write_text(yml.replace("https://quangtrung.quangxuong.thanhhoa.gov.vn/", site_url), encoding="utf-8")
        for command, what in ((["labels", "NM"], "nhãn"), (["brochure"], "tờ giới thiệu"), (["poster", "NM"], "áp phích"),
                              (["shelf-card", "cua-hang-thu"], "thẻ quầy")):
            arguments = (*command, "--out", "in")
            result = shop.ocop(*arguments, env=TODAY_ENV) if number == 0 else ocop_in_process(copy.root, *arguments, env=TODAY_ENV)
            assert result.code == 1 and "Traceback" not in result.text, (site_url, command, result.text)
            assert f"Không tạo được {what}: site_url trong mkdocs.yml ({site_url}) không phải địa chỉ công khai" in result.err
            assert "điện thoại của người mua không mở được" in result.err
            assert not (copy.root / "in").exists()
    config.write_text(yml.replace("https://quangtrung.quangxuong.thanhhoa.gov.vn/", "https://ocop.example.org/"), encoding="utf-8")
    assert shop.ocop("poster", "NM", "--out", "in", env=TODAY_ENV).code == 0


# Each print file for the public: the command, the file it writes, how many pages.
PUBLIC_PRINTS = {
    "brochure": (["brochure"], "to-gioi-thieu-san-pham-ocop.pdf", 2),
    "poster": (["poster", "NEM"], "ap-phich-nem-huan-hong-a4.pdf", 1),
    "shelf-card": (["shelf-card", "cua-hang-thu"], "the-quay-cua-hang-thu.pdf", 1),
}
COMMANDS = re.compile(r"\bocop (?:labels|brochure|poster|shelf-card|codes|serve|build|publish)\b|\bocop-|--out\b")


@pytest.mark.parametrize("kind", PUBLIC_PRINTS)
def test_public_print_files_show_the_sample_mark_over_everything_and_no_command(shop, kind):
    """The mark is drawn over every element of every page (the brochure's green band once hid it), the
    foot names no command (the poster said "ocop poster · NM"), and only packaging labels say not to
    print them on packs: a poster or a shelf card is no packaging."""
    command, name, page_count = PUBLIC_PRINTS[kind]
    sample = shop.ocop(*command, "--out", "mau", env=TODAY_ENV)
    confirm_domain(shop)
    confirmed = shop.ocop(*command, "--out", "in", env=TODAY_ENV)
    assert sample.code == 0 and confirmed.code == 0, sample.text + confirmed.text
    pages = read_pdf(shop.root / "mau" / name)
    assert len(pages) == page_count
    for _, text, _ in pages:
        assert SAMPLE in text and "đừng in lên bao bì" not in text and not COMMANDS.search(text), text
    # The first page's band, codes and text cross the mark's diagonal: it must show over them.
    counts = drawn_over_by_sample_mark(shop.root / "mau" / name, shop.root / "in" / name)
    assert counts[0] > 150, counts  # 0 when the mark was drawn first
    assert all(SAMPLE not in text and not COMMANDS.search(text) for _, text, _ in read_pdf(shop.root / "in" / name))


def test_only_the_packaging_labels_warn_against_printing_on_packs(project):
    result = project.ocop("labels", "NM", "--out", "in")
    assert result.code == 0, result.text
    [(_, text, _)] = read_pdf(project.root / "in/nhan-qr.pdf")
    assert "đừng in lên bao bì" in text and not COMMANDS.search(text)
    assert "MẪU – chưa in" in result.out  # the terminal says it too, as the other print commands do


def test_the_qr_version_follows_the_domain_and_a_long_one_is_named(project):
    """A commune's usual host gives version 3 or less; a long one (46+ characters) version 4, which
    `ocop codes`, `ocop labels` and the print file commands say, with the printed width, as they say what
    is unusual in the domain. The first part is fast (no build)."""
    from ocop.media.printing import domain_notes, domain_qr, domain_qr_note
    from ocop.media.qr import QrStyle

    style = QrStyle()
    assert domain_qr("https://xa7.camau.gov.vn/", style).version == 2
    assert domain_qr("https://quangchinh.hatinh.gov.vn/", style).version == 3
    assert domain_qr_note("https://quangchinh.hatinh.gov.vn/", style, ["NM"]) is None
    assert domain_notes("https://quangchinh.hatinh.gov.vn/", style, ["NM"]) is None
    # The codes go onto packs for years: a domain with the district level abolished on 1/7/2025 is named.
    assert "không còn cấp huyện" in domain_notes("https://quangtrung.quangxuong.thanhhoa.gov.vn/", style, ["NM"])
    long_host = "trang-thong-tin-san-pham-ocop-xa-vi-du.tinhvidu.gov.vn"
    assert len(long_host) > 45 and domain_qr(f"https://{long_host}/", style).version == 4
    config = project.root / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    config.write_text(yml.replace("https://quangtrung.quangxuong.thanhhoa.gov.vn/", f"https://{long_host}/"), encoding="utf-8")
    said = f"Tên miền {long_host} dài {len(long_host)} ký tự: mã QR cần phiên bản 4 (rộng 20,5 mm ở ô 0,5 mm, kể cả lề)"
    codes = project.ocop("codes")
    assert codes.code == 0 and said in codes.out and "Lưu ý về tên miền" not in codes.out, codes.text
    # The default 30 × 40 mm label cannot hold a version 4 code at 0.5 mm: the refusal says why the code grew.
    labels = project.ocop("labels", "NM", "--out", "in")
    assert labels.code == 1 and "không đủ chỗ cho mã QR rộng 20,5 mm" in labels.err and said in labels.err, labels.text
    poster = project.ocop("poster", "NM", "--out", "in")  # every print file command says it with its files
    assert poster.code == 0 and said in poster.out and "Đã ghi" in poster.out, poster.text
