"""The commune, written once in mkdocs.yml (`extra: commune:`): its name, province, the merger, whom a buyer reports a fake to."""
from __future__ import annotations

from pydantic import Field, model_validator

from .entries import Catalogue
from .errors import Problem, did_you_mean
from .fields import Date, Model, Phone, Text
from .places import display, place_slug, split_unit

class Commune(Model):
    """Thông tin về xã, ghi một lần trong mkdocs.yml (mục `extra: commune:`)."""

    name: Text = Field(
        title="Tên xã (tên dùng trong Chương trình OCOP)",
        description="Tên xã như ghi trong kế hoạch OCOP, không ghi chữ 'xã'",
    )
    former_district: Text | None = Field(
        None, title="Huyện cũ (trước 1/7/2025)", description="Huyện của xã trước ngày 1/7/2025"
    )
    province: Text = Field(title="Tỉnh", description="Tỉnh của xã")
    merged_into: Text | None = Field(
        None,
        title="Xã mới sau sắp xếp đơn vị hành chính",
        description="Tên xã mới sau sắp xếp đơn vị hành chính (nếu có)",
    )
    former_communes: list[Text] = Field(
        default_factory=list,
        title="Các xã cũ",
        description="Các xã, phường, thị trấn trước 1/7/2025 hợp thành xã này (khi đó name là tên xã hiện nay); "
        "mỗi cơ sở ghi former_commune là một trong các tên này",
    )
    merged_on: Date | None = Field(
        None, title="Ngày sắp xếp có hiệu lực", description="Ngày văn bản sắp xếp có hiệu lực"
    )
    merger_decision: Text | None = Field(
        None, title="Văn bản sắp xếp", description="Số và tên văn bản sắp xếp đơn vị hành chính"
    )
    phone: Phone | None = Field(
        None,
        title="Điện thoại liên hệ của UBND xã",
        description="Số điện thoại nhận phản ánh của người mua, ghi cả số 0 ở đầu",
    )
    zalo: Phone | None = Field(
        None, title="Số Zalo nhận phản ánh của UBND xã", description="Số Zalo nhận phản ánh của người mua"
    )
    email: Text | None = Field(None, title="Thư điện tử liên hệ", description="Địa chỉ thư điện tử nhận phản ánh")
    office_address: Text | None = Field(None, title="Địa chỉ trụ sở", description="Địa chỉ trụ sở UBND xã")

    @model_validator(mode="after")
    def _one_form(self) -> Commune:
        if self.merged_into and self.former_communes:
            raise ValueError(
                "ghi một trong hai: merged_into (name là xã cũ, merged_into là xã hiện nay) "
                "hoặc former_communes (name là xã hiện nay, former_communes là các xã cũ)"
            )
        slugs = [place_slug(former) for former in self.former_communes]
        twice = sorted({former for former, slug in zip(self.former_communes, slugs) if slugs.count(slug) > 1})
        if twice:
            raise ValueError(f"former_communes ghi trùng tên xã cũ: {', '.join(twice)}")
        return self

    @property
    def current(self) -> str:
        """The commune that exists today: the one merged into, or the name."""
        return self.merged_into or self.name

    @property
    def formers(self) -> list[str]:
        """The former communes the site covers: `former_communes`, or the one `name` when it was merged."""
        return list(self.former_communes) or ([self.name] if self.merged_into else [])

    @property
    def filtered(self) -> bool:
        """More than one former commune: the catalogue and the directory are filtered by it."""
        return len(self.formers) > 1

    def former_of(self, written: str | None) -> str | None:
        """A producer's `former_commune` as the list writes it (case and composition aside), or the only one."""
        if written is None:
            return self.formers[0] if len(self.formers) == 1 else None
        key = _key(written)
        return next((former for former in self.formers if _key(former) == key), None)

    @staticmethod
    def display(name: str) -> str:
        """A name with its unit word, as a sentence says it: 'xã Sơn Tây', 'thị trấn Nông Cống'."""
        return display(name)

    @property
    def report_channel(self) -> bool:
        """A buyer who suspects a fake has somewhere to write or call (else the pages only name the office)."""
        return bool(self.phone or self.zalo or self.email or self.office_address)


def _key(name: str) -> str:
    """A place name compared: unit word, letter case and composition aside, diacritics kept."""
    return split_unit(name)[1].casefold()


def former_commune_problems(catalogue: Catalogue, commune: Commune) -> tuple[list[Problem], list[Problem]]:
    """Each producer's `former_commune` against the site's former communes: (problems, warnings).

    A name not in the list is refused on its line, with the closest names; a producer without one, in a
    site of several former communes, is only a warning (it shows under "all")."""
    problems, warnings = [], []
    formers = commune.formers
    for producer in catalogue.producers.values():
        written = producer.model.former_commune
        line = producer.document.line_of(("former_commune",)) if producer.document is not None else None
        if written is None:
            if commune.filtered:
                warnings.append(Problem(producer.source, None, "former_commune", MISSING.format(formers=", ".join(formers))))
        elif not formers:
            problems.append(Problem(producer.source, line, "former_commune", NO_FORMERS))
        elif commune.former_of(written) is None:
            problems.append(
                Problem(producer.source, line, "former_commune", f"không có xã cũ '{written}' trong mkdocs.yml"
                        + did_you_mean(written, formers, "các xã cũ"))
            )
    return problems, warnings


MISSING = "cơ sở chưa ghi xã cũ (former_commune: một trong {formers}): chỉ hiện trong danh sách chung, không trong danh sách theo xã cũ"
NO_FORMERS = "mkdocs.yml chưa ghi các xã cũ (extra: commune: former_communes): hãy ghi ở đó, hoặc xóa dòng này"
