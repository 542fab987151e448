"""The engine's theme: the template overrides and static files (CSS, JS) every site gets from the package.

They live in engine/theme/ (package data), so a pip-installed engine brings them: the folder is put into
`config.theme.dirs` right after the site's own `custom_dir` (its overrides/, which still wins, file by
file) and before Material's. `build()` makes the Jinja loader and copies the theme's static files after
the plugins' `on_config`, so both see it; a file of the site's docs/ with the same path (a commune's own
`assets/stylesheets/ocop.css`) still replaces ours. The engine's stylesheets and scripts are listed in
`extra_css`/`extra_javascript` here, ahead of any the site lists itself.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).with_name("theme")
STYLESHEETS = ("assets/stylesheets/ocop.css", "assets/stylesheets/ocop-news.css")
SCRIPTS = ("assets/javascripts/language.js", "assets/javascripts/buyer.js", "assets/javascripts/stamp.js")


def add_engine_theme(config: MkDocsConfig) -> None:
    """Put the engine's theme folder, stylesheets and scripts into the settings (idempotent: `serve`
    and the `ocop` command may load one config more than once)."""
    dirs = config.theme.dirs
    ours = str(THEME_DIR)
    if ours not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, ours)
    config.extra_css[:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript[:0] = [ExtraScriptValue(path) for path in SCRIPTS if path not in listed]
