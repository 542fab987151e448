"""The MkDocs face: `plugins: [ocop]` in mkdocs.yml turns products/ into pages before MkDocs builds.

Generated files are handed to MkDocs with File.generated: nothing is written into docs/, so
`mkdocs serve` does not rebuild forever, and `watch: [products]` makes an edit show up on reload.
"""
from __future__ import annotations

import logging

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .errors import DataError
from .markers import MarkerExpander
from .news import FEED, SourcePage, feed
from .project import Project, load_project
from .qr import LEVELS, QrStyle
from .render import Renderer
from .site import SiteBuilder

log = logging.getLogger("mkdocs.plugins.ocop")


class OcopPluginConfig(base.Config):
    products_dir = c.Type(str, default="products")
    cache_dir = c.Type(str, default=".cache/ocop")
    qr_level = c.Choice(tuple(LEVELS), default="M")
    qr_module_mm = c.Type(float, default=0.5)


class OcopPlugin(BasePlugin[OcopPluginConfig]):
    project: Project | None = None

    def qr_style(self) -> QrStyle:
        return QrStyle(level=self.config.qr_level, module_mm=self.config.qr_module_mm)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.project = load_project(config, self.config.products_dir, self.config.cache_dir, self.qr_style())
        except DataError as error:
            raise PluginError(error.report()) from None
        self.renderer = Renderer()
        self.markers = MarkerExpander(self.project.catalogue, self.project.news, self.renderer)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        builder = SiteBuilder(self.project.catalogue, self.project.settings, self.project.qr_cache)
        for output in builder.files():
            if files.get_file_from_path(output.uri) is not None:
                raise PluginError(f"docs/{output.uri} trùng với trang được tạo từ dữ liệu sản phẩm: hãy đổi tên tệp đó")
            if output.source is not None:
                files.append(File.generated(config, output.uri, abs_src_path=str(output.source)))
            else:
                files.append(File.generated(config, output.uri, content=output.content))
        if self.project.news is not None:
            # Listed now so that pages may link to it; its content needs the rendered posts (on_env).
            self.feed_file = File.generated(config, f"{self.project.news.settings.blog_dir}/{FEED}", content="")
            files.append(self.feed_file)
        log.info(
            "ocop: %d sản phẩm, %d cơ sở; %d mã QR mới được tạo",
            len(self.project.catalogue.products),
            len(self.project.catalogue.producers),
            self.project.qr_cache.encoded,
        )
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """Expand the markers ([[san-pham: …]], [[tin-moi]]) of hand-written pages; they were checked in on_config."""
        if page.file.generated_by:
            return markdown
        source = SourcePage(page.file.src_uri, f"{config.docs_dir}/{page.file.src_uri}", markdown, markdown, 1)
        try:
            return self.markers.expand(source)
        except ValueError as error:
            raise PluginError(str(error)) from None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The RSS feed of the news, from the posts the blog publishes, at the addresses it gave them."""
        news = self.project.news
        if news is None:
            return env
        pages = {post.page.src_uri: file.page for post in news.posts if (file := files.get_file_from_path(post.page.src_uri)) and file.page}
        context = feed(news, config.site_name, self.project.settings.site_url, config.site_description or "", pages)
        self.feed_file.content_string = self.renderer.render("feed.xml.j2", **context)
        return env
