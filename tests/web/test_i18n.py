"""The strings of the generated pages come from one message catalogue per language (web/locale/):
a language is added by adding its catalogue, and no string of a page lacks its Vietnamese."""
from __future__ import annotations

import shutil
from pathlib import Path

import ocop.pages
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from conftest import ROOT, loaded
from ocop.web.i18n import LOCALE_DIR
from ocop.pages.render import Renderer

PAGES = Path(ocop.pages.__file__).parent


def _catalogue(lang: str, locale_dir: Path = LOCALE_DIR):
    with (locale_dir / lang / "LC_MESSAGES" / "ocop.po").open("rb") as file:
        return read_po(file, locale=lang)


def _used_messages() -> set[tuple[str | None, str]]:
    """(context, id) of every message the page builders, their templates and the print files ask for, as pybabel finds them."""
    method_map = [("**.py", "python"), ("templates/**.j2", "jinja2")]
    options = {"templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}
    found = set()
    for folder in (PAGES, PAGES.parent / "media", PAGES.parent / "web"):  # the pages, the print files' words, the languages
        for _file, _line, message, _comments, context in extract_from_dir(folder, method_map, options, keywords):
            found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def test_every_string_of_a_page_has_its_vietnamese():
    used = _used_messages()
    assert ("table column", "Producer") in used and (None, "Product details") in used  # the extraction sees them
    vietnamese = {
        (message.context, message.id[0] if message.pluralizable else message.id): message
        for message in _catalogue("vi") if message.id
    }
    missing = sorted(str(key) for key in used if key not in vietnamese or not vietnamese[key].string or vietnamese[key].fuzzy)
    assert not missing, f"no Vietnamese in locale/vi/LC_MESSAGES/ocop.po for {missing}"
    unused = sorted(str(key) for key in vietnamese if key not in used)
    assert not unused, f"messages no page uses any more: {unused}"


def test_every_product_group_has_its_english_name():
    project_groups = _load_example().catalogue.groups.values()
    english = {message.id: message.string for message in _catalogue("en") if message.context == "product group"}
    names = [group.name for group in project_groups]
    names += [" › ".join(sub.path) for group in project_groups for sub in group.subgroups.values()]
    assert [name for name in names if not english.get(name)] == []


def _load_example():
    return loaded(ROOT / "mkdocs.yml")


def test_a_third_language_is_its_catalogue(project, tmp_path):
    """A copy of the English catalogue as `fr`, two strings translated and a sub-group not: the site builder makes every
    product, producer, catalogue and directory page in French too, without any other change."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, locale)
    french = _catalogue("en", locale)
    french.locale = "fr"
    french["Product details"].string = "Détails du produit"
    french.get("Thực phẩm", context="product group").string = "Alimentation"
    french.get("Gia vị › Tương, nước mắm, gia vị dạng lỏng khác", context="product group").string = ""
    (locale / "fr" / "LC_MESSAGES").mkdir(parents=True)
    with (locale / "fr" / "LC_MESSAGES" / "ocop.po").open("wb") as file:
        write_po(file, french)

    site = loaded(project.root / "mkdocs.yml")
    site.renderer = Renderer(locale_dir=locale)
    files = {file.uri: file.content for file in site.site_builder().files()}

    page = files["fr/products/nuoc-mam-nam-quyen.md"]
    assert "## Détails du produit" in page
    assert "language: fr" in page
    # Strings the catalogue leaves untranslated stay in English; the group's name comes from `fr`, the
    # sub-group's is not translated, so it is shown in Vietnamese, marked, and the page says so.
    assert "| Product group | Alimentation › <span lang=\"vi\">Gia vị › Tương, nước mắm" in page
    assert "Partly in Vietnamese" in page
    # The product has no `fr:` block: its name is the Vietnamese, in Vietnamese for a screen reader.
    assert '# Nước mắm Năm Quyền { lang="vi" }' in page
    assert {"fr/products/index.md", "fr/producers/index.md", "fr/producers/nam-quyen.md"} <= set(files)
    assert 'translation: "san-pham/nuoc-mam-nam-quyen/"' in page
    # The Vietnamese and English pages are the same as without it.
    without = {file.uri: file.content for file in loaded(project.root / "mkdocs.yml").site_builder().files()}
    assert {uri: content for uri, content in files.items() if not uri.startswith("fr/")} == without
