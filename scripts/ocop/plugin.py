"""The MkDocs face: `plugins: [ocop]` in mkdocs.yml turns products/ into pages before MkDocs builds.

Generated files are handed to MkDocs with File.generated: nothing is written into docs/, so
`mkdocs serve` does not rebuild forever, and `watch: [products]` makes an edit show up on reload.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .errors import DataError
from .project import Project, load_project
from .qr import LEVELS, QrStyle
from .search import compact_file
from .site import SiteBuilder

log = logging.getLogger("mkdocs.plugins.ocop")


class OcopPluginConfig(base.Config):
    products_dir = c.Type(str, default="products")
    cache_dir = c.Type(str, default=".cache/ocop")
    qr_level = c.Choice(tuple(LEVELS), default="M")
    qr_module_mm = c.Type(float, default=0.5)


class OcopPlugin(BasePlugin[OcopPluginConfig]):
    project: Project | None = None
    generated_pages: set[str] = set()  # their addresses: one short entry each in the search index

    def qr_style(self) -> QrStyle:
        return QrStyle(level=self.config.qr_level, module_mm=self.config.qr_module_mm)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.project = load_project(config, self.config.products_dir, self.config.cache_dir, self.qr_style())
        except DataError as error:
            raise PluginError(error.report()) from None
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
        log.info(
            "ocop: %d sản phẩm, %d cơ sở; %d mã QR mới được tạo",
            len(self.project.catalogue.products),
            len(self.project.catalogue.producers),
            self.project.qr_cache.encoded,
        )
        self.generated_pages = {file.url for file in files.documentation_pages() if file.generated_by == "ocop"}
        return files

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            compact_file(index, self.generated_pages)
