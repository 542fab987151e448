"""Vietnamese place names and the site's domain: any commune's name as a page address or folder name
("Thị trấn Nông Cống" → thi-tran-nong-cong, "xã 7" → xa-7), its unit word (xã, phường, thị trấn, đặc khu)
and the checks of a `gov.vn` host name.

The letters themselves (đ, ư, ơ, tones, decomposed input) are `news.slugify`'s: python-slugify with
text-unidecode already writes "Đắk" as "dak" and "Ưng Hòe" as "ung-hoe". What is added here is the unit
word, which names may carry or not, and the names that are only a number ("Phường 12", "xã 7").
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field

from .news import slugify

UNITS = ("đặc khu", "thị trấn", "phường", "xã")  # longest first: "thị trấn" before a bare word
PROVINCE_UNITS = ("thành phố", "tỉnh")
_SHORT_UNITS = {"tp.": "thành phố", "tp": "thành phố", "tt.": "thị trấn", "tt": "thị trấn", "p.": "phường"}
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _split(text: str, units: tuple[str, ...], default: str) -> tuple[str, str]:
    text = _clean(text)
    lowered = text.lower()
    for short, unit in _SHORT_UNITS.items():
        if unit in units and lowered.startswith(short + " "):
            return unit, text[len(short) + 1 :].strip()
    for unit in units:
        if lowered == unit or lowered.startswith(unit + " "):
            return unit, text[len(unit) :].strip()
    return default, text


def split_unit(text: str) -> tuple[str, str]:
    """'Phường 12' → ('phường', '12'); 'Thị trấn Nông Cống' → ('thị trấn', 'Nông Cống'); 'Sơn Tây' → ('xã', 'Sơn Tây')."""
    return _split(text, UNITS, "xã")


def province_split(text: str) -> tuple[str, str]:
    """'TP. Hồ Chí Minh' → ('thành phố', 'Hồ Chí Minh'); 'Tỉnh Hà Tĩnh' and 'Hà Tĩnh' → ('tỉnh', 'Hà Tĩnh')."""
    return _split(text, PROVINCE_UNITS, "tỉnh")


def display(text: str) -> str:
    """A place as a sentence names it: 'xã Sơn Tây', 'thị trấn Nông Cống', 'phường 12'."""
    unit, name = split_unit(text)
    return f"{unit} {name}"


def province_display(text: str) -> str:
    """A province or a city as a sentence names it: 'tỉnh Hà Tĩnh', 'thành phố Huế'."""
    unit, name = province_split(text)
    return f"{unit} {name}"


def place_slug(text: str) -> str:
    """A place's page address or folder name: the name's letters without diacritics; a name that is only a
    number keeps its unit ('xã 7' → 'xa-7', 'Phường 12' → 'phuong-12'), or it would be a bare number."""
    unit, name = split_unit(text)
    if not name or name[0].isdigit():
        return slugify(f"{unit} {name}")
    return slugify(name)


def suggest_host(commune: str, province: str) -> str:
    """The usual host of a commune's site: 'huongson.hatinh.gov.vn', 'xa7.camau.gov.vn'."""
    place = place_slug(commune).replace("-", "")
    region = slugify(province_split(province)[1]).replace("-", "")
    return f"{place}.{region}.gov.vn"


@dataclass
class DomainCheck:
    """A host name as the officer typed it, checked: what is wrong (refused) and what is only unusual."""

    host: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_domain(text: str) -> DomainCheck:
    """Check the site's host name ('https://xa.tinh.gov.vn/' or 'xa.tinh.gov.vn'); the problems refuse it."""
    host = _clean(text).lower()
    host = re.sub(r"^[a-z]+://", "", host).split("/", 1)[0].rstrip(".")
    check = DomainCheck(host)
    if not host:
        check.problems.append("chưa có tên miền")
        return check
    if ":" in host:
        check.problems.append(f"tên miền không ghi cổng (':'): {host}")
        return check
    if not host.isascii():
        ascii_form = ".".join(slugify(label).replace("-", "") for label in host.split("."))
        check.problems.append(f"tên miền chỉ dùng chữ không dấu, số, '-' và '.': ví dụ {ascii_form}")
        return check
    _check_labels(host, check)
    if not check.problems:
        _warn_unusual(host, check)
    return check


def _check_labels(host: str, check: DomainCheck) -> None:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        check.problems.append(f"cần tên miền, không phải địa chỉ IP: {host}")
        return
    labels = host.split(".")
    if len(labels) < 2:
        check.problems.append(f"tên miền cần có phần đuôi, ví dụ {host}.gov.vn")
    if len(host) > 253:
        check.problems.append("tên miền dài quá 253 ký tự")
    for label in labels:
        if not _LABEL.fullmatch(label):
            check.problems.append(
                f"phần '{label}' của tên miền không hợp lệ: chỉ chữ không dấu, số và '-' (không ở đầu hay cuối), tối đa 63 ký tự"
            )


def _warn_unusual(host: str, check: DomainCheck) -> None:
    labels = host.split(".")
    if not host.endswith(".gov.vn"):
        check.warnings.append(f"{host} không phải tên miền .gov.vn: trang của cơ quan nhà nước thường dùng .gov.vn; vẫn dùng được")
    elif len(labels) == 3:
        check.warnings.append(f"{host} là tên miền của tỉnh: trang của xã thường có dạng tenxa.{host}")
    elif len(labels) >= 5:
        check.warnings.append(f"{host} có cả cấp huyện: từ 1/7/2025 không còn cấp huyện, tên miền mới thường có dạng tenxa.tentinh.gov.vn")
