"""The editor at /quan-tri/ (Sveltia CMS): every file it is served as.

The page is a template (`templates/editor/index.html.j2`) whose scripts and style are files beside it
(`templates/editor/ocop-editor-*.js`, `ocop-editor.css`), so that a Content-Security-Policy with
`script-src 'self'` lets it run; its configuration is made from the models (editor_config.py); the CMS
is vendored in `sveltia/` and served with the changes sveltia_patches.py lists (`sveltia/VENDORED.md`).
"""
from __future__ import annotations

from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..model.fields import SLUG_MAX
from .editor_config import CANDIDATE_STARS, NEWS, PRODUCTS, EditorSettings, config_yaml
from .sveltia_patches import interface_strings, patched_script, vendored

EDITOR_DIR = "quan-tri"  # the editor's address: /quan-tri/
PAGE_FILES = ("ocop-editor.css", "ocop-editor-start.js", "ocop-editor-save.js")  # served beside the page


def editor_page(settings: EditorSettings) -> str:
    """The editor's page (index.html): the CMS's script between the page's own two, which read the
    collections' names and the slug's length from their element's data attributes."""
    environment = Environment(
        loader=PackageLoader("ocop.ops", "templates/editor"), autoescape=True, undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("index.html.j2").render(
        site_name=settings.site_name, products=PRODUCTS, news=NEWS, slug_max=SLUG_MAX, candidate=CANDIDATE_STARS,
    )


def editor_files(settings: EditorSettings) -> dict[str, str | bytes]:
    """Site path → content of every file of the editor, under /quan-tri/."""
    page_folder = resources.files("ocop.ops").joinpath("templates", "editor")
    files: dict[str, str | bytes] = {
        f"{EDITOR_DIR}/index.html": editor_page(settings),
        **{f"{EDITOR_DIR}/{name}": page_folder.joinpath(name).read_text(encoding="utf-8") for name in PAGE_FILES},
        f"{EDITOR_DIR}/config.yml": config_yaml(settings),
        f"{EDITOR_DIR}/sveltia-cms.js": patched_script(),
        f"{EDITOR_DIR}/locales/vi.json": interface_strings(),
        f"{EDITOR_DIR}/immutable.es.js": vendored("immutable.es.js").read_text(encoding="utf-8"),
    }
    for font in vendored("fonts").iterdir():
        if font.name.endswith(".woff2"):
            files[f"{EDITOR_DIR}/fonts/{font.name}"] = font.read_bytes()
    return files
