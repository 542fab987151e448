"""The engine's theme (scripts/ocop/engine/theme/, package data) layered into every site's settings by
engine/theme_layer.py: between the site's own overrides/ (which wins, file by file) and Material's; its
stylesheets and scripts listed once, ahead of the site's. The settings tests are fast tier (in-process:
the plugin's `load`); the build test is full tier (it runs `mkdocs build`)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from ocop.engine.theme_layer import SCRIPTS, STYLESHEETS, THEME_DIR, add_engine_theme


def settings_of(config_file: Path):
    """mkdocs.yml as the ocop plugin leaves it after reading the project (the `ocop` command does the same)."""
    config = load_config(config_file=str(config_file))
    config.plugins["ocop"].load(config)
    return config


def test_the_engine_theme_comes_after_the_sites_overrides_and_before_materials(project):
    config = settings_of(project.root / "mkdocs.yml")
    dirs = [Path(folder) for folder in config.theme.dirs]
    assert dirs[0] == project.root / "overrides"  # the site's custom_dir
    assert dirs[1] == THEME_DIR and (THEME_DIR / "main.html").is_file()
    assert dirs[2].parts[-2:] == ("material", "templates")


def test_the_engines_stylesheets_and_scripts_are_listed_once_even_where_a_site_lists_them(project):
    """A site made from an older copy of this repository still lists ocop.css in its mkdocs.yml."""
    settings = project.root / "mkdocs.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "\nextra_css:\n  - assets/stylesheets/ocop.css\n  - assets/stylesheets/rieng.css\n",
        encoding="utf-8",
    )
    project.write("docs/assets/stylesheets/rieng.css", "/* của xã */\n")
    config = settings_of(settings)
    add_engine_theme(config)  # a second time, as `serve` may: nothing added twice
    assert sorted(config.extra_css) == sorted([*STYLESHEETS, "assets/stylesheets/rieng.css"])  # each once
    assert config.extra_css[-1] == "assets/stylesheets/rieng.css"  # the site's own after the engine's
    assert [str(script) for script in config.extra_javascript] == list(SCRIPTS)
    assert len(config.theme.dirs) == len(set(config.theme.dirs))


def test_a_sites_own_template_and_stylesheet_replace_the_engines(project):
    project.write("overrides/partials/copyright.html", '<div class="md-copyright">Chân trang riêng của xã (thử nghiệm)</div>\n')
    project.write("docs/assets/stylesheets/ocop.css", "/* bảng kiểu riêng của xã (thử nghiệm) */\n")
    result = project.build()
    assert result.code == 0, result.text
    home = project.page("")
    assert "Chân trang riêng của xã (thử nghiệm)" in home and "ocop-staff-guide" not in home
    assert (project.site / "assets/stylesheets/ocop.css").read_text(encoding="utf-8").startswith("/* bảng kiểu riêng")
    # What the site did not replace still comes from the engine: its other stylesheet and its scripts.
    assert (project.site / "assets/stylesheets/ocop-news.css").read_bytes() == (THEME_DIR / "assets/stylesheets/ocop-news.css").read_bytes()
    assert "assets/javascripts/buyer.js" in home
