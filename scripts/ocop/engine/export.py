"""`ocop export DIR`: the whole site as a project another engine builds without the ocop plugin.

    DIR/mkdocs.yml   the project's settings, without what only this project's Python code can read
    DIR/docs/        every page: the hand-written ones with their markers expanded, every generated page,
                     QR codes, label sheets and photos
    DIR/overrides/   the theme overrides: the engine's (engine/theme/), the site's own on top

Zensical (Material's successor) builds it with `zensical build` run in DIR, and plain MkDocs with
`mkdocs build`. Zensical reads mkdocs.yml with a YAML loader of its own and renders templates with
MiniJinja, so the settings written here are plain YAML: no `!!python/name:` tag (the blog's slug
functions), no date objects, no `ocop` plugin. What is lost is listed in `Exported.dropped`; the posts'
addresses are kept by writing each post's slug into its front matter.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from ..model.news import read_page
from ..pages.chrome import CHROME
from ..pages.markers import MarkerExpander
from ..web.addresses import page_path
from .blog import BLOG_PLUGIN
from .project import Project
from .theme_layer import THEME_DIR

DOCS = "docs"
OVERRIDES = "overrides"
# Settings that only make sense beside the data (products/ is not exported) or with the ocop plugin.
LEFT_OUT = ("watch",)
# Material's own search form, overridden here only to name its dialog: Zensical has a search of its own
# (whose dialog has a name already), which Material's form would replace. Material's header, overridden
# for the translated pages' site name: Zensical's own header names its search and menu buttons and looks
# for its search plugin by another name.
ENGINE_OWN = ("partials/search.html", "partials/header.html")
# The developers' record of where the overrides come from: MkDocs leaves a theme's Markdown files out of
# the site, Zensical would publish it.
NOT_THEME = ("UPSTREAM.md",)
HEADER = (
    "# Tạo bởi `ocop export` từ mkdocs.yml của trang OCOP: dựng trang bằng `zensical build` (hoặc `mkdocs build`)\n"
    "# trong thư mục này. Không sửa tệp này: sửa mkdocs.yml gốc rồi xuất lại.\n"
)


@dataclass
class Exported:
    files: int  # generated files written
    dropped: list[str] = field(default_factory=list)  # settings left out of DIR/mkdocs.yml


def export_project(config, project: Project, target: Path) -> Exported:
    """Write DIR/mkdocs.yml, DIR/docs/ and DIR/overrides/ (target must be empty or missing)."""
    docs = target / DOCS
    shutil.copytree(config.docs_dir, docs, dirs_exist_ok=True)
    _expand_markers(docs, MarkerExpander(project.site_builder(), project.news))
    files = project.outputs()
    for output in files:
        path = docs / output.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if output.source is not None:
            shutil.copyfile(output.source, path)
        elif isinstance(content := output.content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    for post in project.news.posts if project.news is not None else ():
        if post.blog_text is not None:  # a date written 15/08/2025, which the blog reads only as 2025-08-15
            (docs / post.page.src_uri).write_text(post.blog_text, encoding="utf-8", newline="\n")
    _write_post_slugs(docs, config, project)
    _copy_theme(config, target)
    # The settings as written (MkDocs' own loader: INHERIT, !ENV and the Python tags), not as validated.
    with open(config.config_file_path, "rb") as source:
        written = yaml_load(source)
    settings, dropped = plain_settings(written, has_overrides=True)
    # The engine's stylesheets and scripts, which the plugin lists (theme_layer.py), in its order.
    settings["extra_css"] = [str(path) for path in config.extra_css]
    settings["extra_javascript"] = [str(script) for script in config.extra_javascript]
    # The translated pages' menu, header and footer, which the plugin would have put into the settings.
    published = {page_path(path.relative_to(docs).as_posix()) for path in docs.rglob("*.md")}
    extra = settings.get("extra") if isinstance(settings.get("extra"), dict) else {}
    settings["extra"] = {**extra, CHROME: project.theme_chrome(published)}
    text = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=120)
    (target / "mkdocs.yml").write_text(HEADER + text, encoding="utf-8", newline="\n")
    return Exported(len(files), dropped)


def plain_settings(written: dict, has_overrides: bool) -> tuple[dict, list[str]]:
    """The project's settings as plain YAML another engine reads, and what had to be left out."""
    dropped: list[str] = []
    settings = {}
    for key, value in written.items():
        if key in LEFT_OUT:
            dropped.append(key)
        elif key == "plugins":
            settings[key] = _plugins(value, dropped)
        else:
            settings[key] = _plain(value, key, dropped)
    settings.update(docs_dir=DOCS, site_dir="site")
    theme = settings.get("theme")
    if isinstance(theme, dict):
        if has_overrides:
            theme["custom_dir"] = OVERRIDES
        # Zensical's look that is Material's (its default, "modern", is a new one); MkDocs ignores it.
        theme.setdefault("variant", "classic")
    return settings, dropped


def _plugins(value: Any, dropped: list[str]) -> Any:
    items = value.items() if isinstance(value, dict) else [
        next(iter(item.items())) if isinstance(item, dict) else (item, None) for item in value or []
    ]
    kept = []
    for name, options in items:
        if name == "ocop":
            dropped.append("plugins.ocop")
            continue
        options = _plain(options, f"plugins.{name}", dropped)
        kept.append({name: options} if options else name)
    return kept


def _plain(value: Any, where: str, dropped: list[str]) -> Any:
    """`value` with plain YAML only: dates as text (2025-07-01), Python objects (functions named by
    `!!python/name:`) left out and noted."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if _is_python(item):
                dropped.append(f"{where}.{key}")
            else:
                result[key] = _plain(item, f"{where}.{key}", dropped)
        return result
    if isinstance(value, list):
        kept = [item for item in value if not _is_python(item)]
        if len(kept) < len(value):
            dropped.append(where)
        return [_plain(item, where, dropped) for item in kept]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _is_python(value: Any) -> bool:
    return not isinstance(value, (dict, list, str, int, float, bool, dt.date, type(None)))


def _expand_markers(docs: Path, markers: MarkerExpander) -> None:
    """The markers of hand-written pages become the Markdown the plugin would have made."""
    for path in sorted(docs.rglob("*.md")):
        page, _ = read_page(path, path.relative_to(docs).as_posix(), path.as_posix())
        expanded = markers.expand(page)
        if expanded != page.body:
            path.write_text(page.text[: len(page.text) - len(page.body)] + expanded, encoding="utf-8", newline="\n")


def _write_post_slugs(docs: Path, config, project: Project) -> None:
    """Each post's address as the blog makes it here (ASCII, from ocop's slugify named in mkdocs.yml),
    written into its front matter: the exported settings cannot name a Python function, and without it
    Zensical would keep the Vietnamese letters in the address."""
    blog = config.plugins.get(BLOG_PLUGIN)
    if project.news is None or blog is None:
        return
    slugify, separator = blog.config.post_slugify, blog.config.post_slugify_separator
    for post in project.news.posts:
        if post.meta.slug is not None:
            continue
        path = docs / post.page.src_uri
        page, _ = read_page(path, post.page.src_uri, str(path))  # as MkDocs reads it: UTF-8, any line ending
        text = page.text if page is not None else ""
        if text.startswith("---\n"):
            slug = json.dumps(slugify(post.title, separator), ensure_ascii=False)
            path.write_text(f"---\nslug: {slug}\n{text[4:]}", encoding="utf-8", newline="\n")


def _copy_theme(config, target: Path) -> None:
    """The engine's theme into DIR/overrides/ (its static files into DIR/docs/, unless the site has its
    own), then the site's own overrides/ on top, as the plugin layers them (theme_layer.py)."""
    shutil.copytree(THEME_DIR, target / OVERRIDES, ignore=_engine_own(THEME_DIR, "assets"))
    for path in sorted((THEME_DIR / "assets").rglob("*")):
        copy = target / DOCS / path.relative_to(THEME_DIR)
        if path.is_file() and not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    custom_dir = config.theme.custom_dir
    if custom_dir:
        shutil.copytree(custom_dir, target / OVERRIDES, ignore=_engine_own(Path(custom_dir)), dirs_exist_ok=True)


def _engine_own(custom_dir: Path, *left: str):
    def ignore(folder: str, names: list[str]) -> list[str]:
        relative = Path(folder).relative_to(custom_dir)
        return [name for name in names if (relative / name).as_posix() in ENGINE_OWN + NOT_THEME + left]

    return ignore
