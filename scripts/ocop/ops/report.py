"""The agriculture officer's monthly numbers: `ocop report`.

Counts by group and stars, certificates ending in the next months, expired and undated ones,
candidates, and progress against the plan's targets; with the web server's logs, the scans of each
printed code (ops/scans.py). The same tables go to the terminal as Markdown
and to a CSV file that Excel opens with Vietnamese intact (UTF-8 with a byte order mark).
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..model.certificate import CertificateStatus, State, add_months, certificate_status
from ..model.commune import Commune
from ..model.entries import Catalogue, ProductEntry
from ..model.places import display, province_display
from ..model.plan import Plan
from .scans import ScanFigures
from .stamp_counts import StampFigures

STARS = (3, 4, 5)


def date_text(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str | int]] = field(default_factory=list)
    note: str = ""
    key: str = ""  # how other documents (the monthly review) find the table


@dataclass
class Report:
    title: str
    today: dt.date
    tables: list[Table]

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)


@dataclass(frozen=True)
class Progress:
    title: str
    planned: int
    achieved: int
    note: str


def build_report(catalogue: Catalogue, commune: Commune, plan: Plan | None, today: dt.date, months: int) -> Report:
    products = sorted(catalogue.products.values(), key=lambda entry: entry.model.name)
    statuses = {entry.slug: certificate_status(entry.model.certification, today) for entry in products}
    horizon = add_months(today, months)

    def of(state: State) -> list[ProductEntry]:
        return [entry for entry in products if statuses[entry.slug].state == state]

    counts = _counts(catalogue, products, statuses)

    expiring = Table(
        f"Chứng nhận hết hiệu lực trong {months} tháng tới (đến hết ngày {date_text(horizon)})",
        ["Sản phẩm", "Cơ sở", "Số sao", "Quyết định", "Hiệu lực đến hết ngày", "Còn (ngày)"],
        key="expiring",
    )
    ending = [entry for entry in products if statuses[entry.slug].is_valid and statuses[entry.slug].valid_until <= horizon]
    for entry in sorted(ending, key=lambda entry: statuses[entry.slug].valid_until):
        status = statuses[entry.slug]
        expiring.rows.append(
            [entry.model.name, entry.producer.model.name, status.stars, _decision(status), date_text(status.valid_until), status.days_left]
        )

    expired = Table(
        "Chứng nhận đã hết hiệu lực (cần đánh giá lại)",
        ["Sản phẩm", "Cơ sở", "Số sao", "Quyết định", "Hết hiệu lực từ ngày"],
        key="expired",
    )
    for entry in of(State.EXPIRED):
        status = statuses[entry.slug]
        expired.rows.append([entry.model.name, entry.producer.model.name, status.stars, _decision(status), date_text(status.expired_from)])

    undated = Table(
        "Chứng nhận chưa có ngày quyết định (cần bổ sung để tính thời hạn)",
        ["Sản phẩm", "Cơ sở", "Số sao", "Tệp dữ liệu"],
        key="undated",
    )
    for entry in of(State.UNDATED):
        undated.rows.append([entry.model.name, entry.producer.model.name, statuses[entry.slug].stars, entry.source])

    candidates = Table("Sản phẩm đang chuẩn bị đánh giá", ["Sản phẩm", "Cơ sở", "Ngành hàng"], key="candidates")
    for entry in of(State.CANDIDATE):
        candidates.rows.append([entry.model.name, entry.producer.model.name, entry.group.name])

    tables = [counts, expiring, expired, undated, candidates]
    if commune.filtered:
        tables.insert(1, _by_former(commune, products, statuses))
    if plan is not None:
        progress = Table(
            f"Tiến độ so với {plan.title}",
            ["Mục tiêu", "Chỉ tiêu", "Đạt", "Còn thiếu", "Ghi chú"],
            key="progress",
        )
        for item in plan_progress(plan, products, statuses):
            progress.rows.append([item.title, item.planned, item.achieved, max(item.planned - item.achieved, 0), item.note])
        tables.append(progress)
    return Report(f"Báo cáo Chương trình OCOP {display(commune.name)}, {province_display(commune.province)}", today, tables)


def _counts(catalogue: Catalogue, products: list[ProductEntry], statuses: dict[str, CertificateStatus]) -> Table:
    """Products by group and stars, with a line of totals."""
    counts = Table(
        "Sản phẩm theo ngành hàng và xếp hạng",
        ["Ngành hàng", *(f"{stars} sao" for stars in STARS), "Hết hiệu lực", "Đang chuẩn bị", "Chưa có thông tin OCOP", "Tổng"],
        note="Số sao tính các chứng nhận còn hiệu lực và các chứng nhận chưa có ngày quyết định.",
        key="counts",
    )
    totals = [0] * (len(counts.headers) - 1)
    for group in catalogue.groups.values():
        row = _count_row([statuses[entry.slug] for entry in products if entry.group.code == group.code])
        totals = [total + value for total, value in zip(totals, row)]
        counts.rows.append([group.name, *row])
    counts.rows.append(["Tổng", *totals])
    return counts


def _by_former(commune: Commune, products: list[ProductEntry], statuses: dict[str, CertificateStatus]) -> Table:
    """Products by former commune (a merged commune's site), in mkdocs.yml's order, with those whose
    producer names none and a line of totals."""
    table = Table(
        "Sản phẩm theo xã cũ",
        ["Xã cũ", *(f"{stars} sao" for stars in STARS), "Hết hiệu lực", "Đang chuẩn bị", "Chưa có thông tin OCOP", "Tổng"],
        note="Xã cũ theo trường former_commune của từng cơ sở.",
        key="by_former",
    )
    of = {entry.slug: commune.former_of(entry.producer.model.former_commune) for entry in products}
    for former in [*commune.formers, None]:
        chosen = [statuses[entry.slug] for entry in products if of[entry.slug] == former]
        if former is not None or chosen:
            table.rows.append([display(former) if former else "Chưa ghi xã cũ", *_count_row(chosen)])
    table.rows.append(["Tổng", *_count_row(list(statuses.values()))])
    return table


def _count_row(statuses: list[CertificateStatus]) -> list[int]:
    row = [sum(1 for status in statuses if status.current_stars == stars) for stars in STARS]
    row += [sum(1 for status in statuses if status.state == state) for state in (State.EXPIRED, State.CANDIDATE, State.NONE)]
    return row + [len(statuses)]


def _decision(status: CertificateStatus) -> str:
    cert = status.certification
    parts = [f"số {cert.decision}" if cert.decision else "", f"ngày {date_text(cert.date)}" if cert.date else ""]
    return ", ".join(part for part in parts if part)


def _names(entries: list[ProductEntry]) -> str:
    return ", ".join(entry.model.name for entry in entries)


def plan_progress(plan: Plan, products: list[ProductEntry], statuses: dict[str, CertificateStatus]) -> list[Progress]:
    """How far each target has come. Kept products count while their stars may be shown (an undated
    certificate counts, and is named, so the officer adds its date); a new product counts when its
    decision falls in the plan's year."""
    by_slug = {entry.slug: entry for entry in products}
    kept = {slug for target in plan.targets for slug in target.keep}
    result = []
    for target in plan.targets:
        notes = []
        if target.keep:
            listed = [by_slug[slug] for slug in target.keep]
            holding = [entry for entry in listed if (statuses[entry.slug].current_stars or 0) >= target.stars]
            lost = [entry for entry in listed if entry not in holding]
            undated = [entry for entry in holding if statuses[entry.slug].state == State.UNDATED]
            if lost:
                notes.append(f"không còn đạt {target.stars} sao: {_names(lost)}")
            if undated:
                notes.append(f"chưa có ngày quyết định: {_names(undated)}")
            result.append(Progress(target.title, len(listed), len(holding), "; ".join(notes)))
            continue
        others = [entry for entry in products if entry.slug not in kept]
        reached = [
            entry
            for entry in others
            if (statuses[entry.slug].stars or 0) >= target.stars
            and entry.model.certification.date is not None
            and entry.model.certification.date.year == plan.year
        ]
        unknown_year = [
            entry for entry in others if statuses[entry.slug].state == State.UNDATED and (statuses[entry.slug].stars or 0) >= target.stars
        ]
        preparing = [entry for entry in others if statuses[entry.slug].state == State.CANDIDATE]
        if reached:
            notes.append(f"đã đạt: {_names(reached)}")
        if unknown_year:
            notes.append(f"chưa có ngày quyết định nên chưa tính: {_names(unknown_year)}")
        if preparing:
            notes.append(f"đang chuẩn bị: {_names(preparing)}")
        result.append(Progress(target.title, target.new, len(reached), "; ".join(notes)))
    return result


def _cell(value: str | int) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
    lines = [f"# {report.title}", "", f"Thông tin tính đến ngày {date_text(report.today)}."]
    for table in report.tables:
        lines += ["", f"## {table.title}", ""]
        if not table.rows:
            lines.append("Không có.")
            continue
        cells = [[_cell(header) for header in table.headers]] + [[_cell(value) for value in row] for row in table.rows]
        numeric = [all(isinstance(row[column], int) for row in table.rows) for column in range(len(table.headers))]
        widths = [max(len(row[column]) for row in cells) for column in range(len(table.headers))]

        def line(row: list[str]) -> str:
            padded = [
                text.rjust(width) if is_number else text.ljust(width) for text, width, is_number in zip(row, widths, numeric)
            ]
            return "| " + " | ".join(padded) + " |"

        lines.append(line(cells[0]))
        lines.append("| " + " | ".join(("-" * (width - 1) + ":") if is_number else "-" * width for width, is_number in zip(widths, numeric)) + " |")
        lines += [line(row) for row in cells[1:]]
        if table.note:
            lines += ["", table.note]
    return "\n".join(lines) + "\n"


def write_csv(report: Report, path: Path, separator: str = ",") -> None:
    """One sheet: each table under its title, a blank row between tables. The BOM tells Excel it is UTF-8."""
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=separator)
        writer.writerow([report.title])
        writer.writerow(["Thông tin tính đến ngày", date_text(report.today)])
        for table in report.tables:
            writer.writerow([])
            writer.writerow([table.title])
            writer.writerow(table.headers)
            writer.writerows(table.rows)
            if table.note:
                writer.writerow([table.note])


def _month(month: str) -> str:
    """2026-11 → 11/2026, as the office writes it."""
    year, number = month.split("-")
    return f"{number}/{year}"


# How many requests were robots', in the terminal, the report and the Word review alike.
ROBOTS_SET_ASIDE = (
    "đã để riêng {count} lượt của máy, không phải người quét (máy tìm kiếm, máy xem trước liên kết của Zalo, "
    "Facebook, Messenger, WhatsApp, Telegram, Viber, công cụ tải và dò quét tự động)"
)


def scan_tables(figures: ScanFigures, catalogue: Catalogue) -> list[Table]:
    """The scans of each printed code by month, and apart the codes no product of the commune prints."""
    names = {entry.model.code: entry.model.name for entry in catalogue.products.values() if entry.model.code}
    scans = Table(
        "Lượt quét mã QR trên bao bì, theo tháng",
        ["Mã", "Sản phẩm", "Tháng", "Lượt quét", "Người quét"],
        note="Người quét: số người khác nhau mỗi ngày (theo địa chỉ mạng và trình duyệt, không lưu lại); "
        f"không tính lượt chuyển tiếp; {ROBOTS_SET_ASIDE.format(count=figures.robot_hits)}.",
    )
    for row in figures.rows:
        scans.rows.append([row.code, names.get(row.code, ""), _month(row.month), row.scans, row.visitors])
    strays = Table(
        "Mã lạ được quét: không có trong sổ mã hoặc sản phẩm đã ngừng sản xuất (có thể là bao bì giả hoặc in sai)",
        ["Mã", "Lượt quét", "Lần đầu", "Lần cuối", "Ghi chú"],
    )
    for stray in figures.strays:
        note = f"sản phẩm đã ngừng sản xuất: {names.get(stray.code, '')}" if stray.retired else "chưa từng được cấp"
        strays.rows.append([stray.code, stray.scans, date_text(stray.first), date_text(stray.last), note])
    return [scans, strays]


def stamp_tables(figures: StampFigures, catalogue: Catalogue) -> list[Table]:
    """The stamps checked on more phones than the threshold (perhaps copied), with their serials: the
    officer's report is as private as the logs; and per product the serials checked that nobody issued."""
    names = {entry.model.code: entry.model.name for entry in catalogue.products.values() if entry.model.code}
    counts = figures.counts
    suspects = Table(
        f"Tem nghi bị sao chép: được kiểm tra trên hơn {counts.warning_phones} điện thoại khác nhau",
        ["Số tem", "Sản phẩm", "Lô", "Điện thoại", "Lần kiểm tra", "Lần đầu", "Lần cuối"],
        note="Điện thoại: ước tính theo địa chỉ mạng và trình duyệt (không lưu lại); số tem chỉ ghi trong báo cáo này, "
        "không đưa lên trang web. Hãy hỏi cơ sở sản xuất và nơi bán các gói mang số tem này.",
        key="stamp-suspects",
    )
    for stamp in figures.suspects:
        checks = stamp.checks
        suspects.rows.append([
            stamp.printed, names.get(stamp.issue.code, stamp.issue.code), stamp.issue.batch, checks.phones, checks.checks,
            date_text(checks.first), date_text(checks.last),
        ])
    unknown = Table(
        "Số tem không do xã cấp đã được quét (có thể là tem giả)",
        ["Mã", "Sản phẩm", "Số tem khác nhau"],
        note=f"Còn {figures.pending} số tem chưa kiểm tra, sẽ kiểm tra ở lần sau." if figures.pending else "",
        key="stamp-unknown",
    )
    for code, count in sorted(figures.unknown.items(), key=lambda item: (-item[1], item[0])):
        unknown.rows.append([code, names.get(code, ""), count])
    return [suspects, unknown]
