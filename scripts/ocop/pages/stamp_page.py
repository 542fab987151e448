"""The pages that check a per-pack stamp (model/stamps.py) on the buyer's phone:

- a product's stamp page, /Q/<CODE>/kiem-tra-tem/ (stamp-page.md.j2 reads a `StampPageView`): what a
  stamp's own address /Q/<CODE>/XXXX-XXXX-XXXX/ shows (nginx answers that address with this page, static
  hosts reach it through 404.html and short-address.js). One page for every buyer, each verdict in
  Vietnamese with its English under it: the product's essentials and how to check the pack are written
  here; the verdict is drawn by engine/theme/assets/javascripts/stamp.js, which hashes the serial with WebCrypto
  and looks it up in the published buckets (stamp_data.py);
- /kiem-tra/ and /en/check/ (check_page.py), where a buyer types the serial printed under the code.

No inline script (the Content-Security-Policy forbids them): what the script needs (salt, iterations,
this product's issues, the strings in both languages) is a `<script type="application/json">` block.
"""
from __future__ import annotations

import base64
import posixpath
from dataclasses import dataclass
from datetime import date

from ..model.certificate import CertificateStatus
from ..model.commune import Commune
from ..model.entries import ProductEntry
from ..model.producer import Producer
from ..model.product import Product
from ..model.stamps import StampIssue, StampRegister
from ..web.addresses import (
    CHECK,
    STAMP_BUCKETS,
    OutputFile,
    batch_folder,
    check_page_uri,
    language_product_page_uri,
    page_path,
    producer_page_uri,
    relative_url,
    stamp_issues_uri,
    stamp_page_uri,
)
from ..web.i18n import N_, Language
from .context import SiteContext
from .stamp_data import StampCounts, issue_numbers

# What stamp.js writes, in every language (placeholders filled by the script, always as text).
SCRIPT_TEXTS = {
    "checking": N_("Checking stamp no. %(serial)s…"),
    "valid": N_("Stamp no. %(serial)s was issued by %(commune)s for batch %(batch)s of %(product)s, on %(date)s."),
    "batch_link": N_("Batch %(batch)s: production and use-by dates"),
    "sample": N_("Stamp no. %(serial)s is a SAMPLE (test) stamp of batch %(batch)s of %(product)s: it is never used on goods for sale."),
    "other_product": N_("Stamp no. %(serial)s was issued by %(commune)s for %(product)s, not for this product: the stamp may have been moved onto another pack."),
    "not_issued": N_("Stamp no. %(serial)s was not issued by %(commune)s. This pack may be a fake: do not trust the stamp, and please report it."),
    "no_serial": N_("This address holds no stamp number. Type the number printed under the stamp's QR code:"),
    "retype": N_("If you typed this address by hand, a character may be wrong: type the number printed under the stamp's QR code again:"),
    "counts": N_("Checked %(checks)s times on %(phones)s different phones, first on %(first)s (figures up to %(as_of)s)."),
    "not_checked": N_("Not checked by anyone before %(as_of)s, the day these figures were last updated."),
    "copied": N_("This stamp has been checked on %(phones)s different phones: it may have been copied. If you have just bought this pack, please report it."),
    "cannot": N_("This browser cannot check the stamp: it needs JavaScript and a secure (https://) connection."),
    "failed": N_("The check could not be completed (is the phone online?). Reload the page to try again."),
    "not_a_serial": N_("This is not a stamp number: a stamp number has 12 letters and digits, like ABCD-EFGH-JKMN."),
    "did_you_mean": N_("Did you mean stamp no. %(serial)s? Compare each character with the number printed on the stamp."),
    "mistyped": N_("No stamp close to %(serial)s was issued: read each character again (the number is under the QR code)."),
}

# What stamp-page.md.j2 writes in Vietnamese and, under it, in English (`StampPageView.english`).
PAGE_TEXTS = {
    "waiting": N_("Checking the stamp number…"),
    "cannot": SCRIPT_TEXTS["cannot"],
    "number": N_("Stamp number"),
    "product_page": N_("This product's page in English"),
    "check_page": N_("Check a stamp in English"),
    "proves": N_("Each pack carries its own stamp with its own number. A valid number proves that the commune issued it for this product, not that this pack is genuine: a stamp can be copied. Compare the name, the producer and the batch printed on the pack with this page."),
    "counted": N_("Checks of each stamp are counted from the site's access log, as of the last update of the site; phones are told apart by their address and browser, so a count is an estimate."),
    "not_counted": N_("This site does not count stamp checks (its server keeps no access log)."),
}


@dataclass(frozen=True)
class StampPageView:
    """What stamp-page.md.j2 shows: the product's essentials, the pack's check, the script's data."""

    p: Product
    producer: Producer
    status: CertificateStatus
    commune: Commune
    product_href: str
    english_href: str | None  # the English product page, when the build makes one
    producer_href: str
    check_href: str
    check_en_href: str | None
    site_url: str
    page_url: str  # the official product page
    check_url: str  # /kiem-tra/ as a URL relative to the page (the form's action without script)
    counted: bool
    description: str
    english: dict[str, str]  # PAGE_TEXTS in English, each under its Vietnamese
    data: dict  # the script's data (`<script type="application/json" id="ocop-stamp">`)


STAMP_DESCRIPTION = N_("Check a stamp of %(product)s: was the number printed under its QR code issued by the commune for this product?")
TEMPLATE = "stamp-page.md.j2"
VIEW = StampPageView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


def script_texts(languages: list[Language], commune: str) -> dict[str, dict[str, str]]:
    """SCRIPT_TEXTS in each language, the commune already named with its unit word ("xã X", "phường Y")."""
    return {
        language.code: {key: language.gettext(text).replace("%(commune)s", language.place(commune)) for key, text in SCRIPT_TEXTS.items()}
        for language in languages
    }


def key_data(register: StampRegister, page: str) -> dict:
    """The slow hash's parameters and where the published data is, relative to the page at `page`."""
    assert register.settings is not None
    return {
        "salt": base64.b64encode(register.settings.salt).decode("ascii"),
        "iterations": register.settings.iterations,
        "root": "../" * page.count("/"),
        "buckets": f"{CHECK}/{STAMP_BUCKETS}/",
        "issues_file": stamp_issues_uri(),
    }


class StampPage:
    def __init__(self, site: SiteContext, register: StampRegister, counts: StampCounts):
        self.site = site
        self.register = register
        self.counts = counts
        self.numbers = issue_numbers(register)

    def build(self, entry: ProductEntry) -> list[OutputFile]:
        """The product's stamp page, when some stamp was issued for it."""
        code = entry.model.code
        if not code or not self.register.settings or not self.register.of_product(code):
            return []
        uri = stamp_page_uri(code)
        page = page_path(uri)
        codes = [language.code for language in self.site.languages]

        def href(target: str) -> str:  # a Markdown link to another page's file, which MkDocs checks
            return posixpath.relpath(target, posixpath.dirname(uri))

        view = StampPageView(
            p=entry.model,
            producer=entry.producer.model,
            status=self.site.settings.certificate(entry),
            commune=self.site.settings.commune,
            product_href=href(language_product_page_uri(entry.slug, codes[0])),
            english_href=href(language_product_page_uri(entry.slug, "en")) if "en" in codes else None,
            producer_href=href(producer_page_uri(entry.producer.slug)),
            check_href=href(check_page_uri(codes[0])),
            check_en_href=href(check_page_uri("en")) if "en" in codes else None,
            site_url=self.site.settings.site_url,
            page_url=self.site.settings.product_url(entry.slug),
            check_url=relative_url(page_path(check_page_uri(codes[0])), page),
            counted=self.counts.counted,
            description=self.site.languages[0].gettext(STAMP_DESCRIPTION) % {"product": entry.model.name},
            english=self.english(),
            data=self.page_data(entry, page),
        )
        return [OutputFile(uri, self.site.renderer.render(TEMPLATE, view=view))]

    def english(self) -> dict[str, str]:
        english = next((language for language in self.site.languages if language.code == "en"), self.site.languages[0])
        return {key: english.gettext(text) for key, text in PAGE_TEXTS.items()}

    def page_data(self, entry: ProductEntry, page: str) -> dict:
        counts = self.counts
        issues = {
            str(number): self.issue_data(issue, entry, page)
            for number, issue in self.numbers.items() if issue.code == entry.model.code
        }
        return key_data(self.register, page) | {
            "code": entry.model.code,
            "product": entry.model.name,
            "commune": self.site.settings.commune.name,
            "issues": issues,
            "counted": counts.counted,
            "warning_phones": counts.warning_phones,
            "as_of": self.dates(counts.as_of) if counts.as_of else None,
            "texts": script_texts(self.site.languages, self.site.settings.commune.name),
        }

    def issue_data(self, issue: StampIssue, entry: ProductEntry, page: str) -> dict:
        batch = next((batch for batch in entry.model.batches if batch.code == issue.batch), None)
        href = relative_url(batch_folder(entry.slug, batch) + "/", page) if batch else None
        return {"batch": issue.batch, "date": self.dates(issue.date), "sample": issue.sample, "href": href}

    def dates(self, day: date) -> dict[str, str]:
        return {language.code: language.date(day) for language in self.site.languages}
