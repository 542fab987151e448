"""The MkDocs face: `plugins: [ocop]` in mkdocs.yml turns products/ into pages before MkDocs builds.

Generated files are handed to MkDocs with File.generated: nothing is written into docs/, so
`mkdocs serve` does not rebuild forever, and `watch: [products]` makes an edit show up on reload.
"""
from __future__ import annotations

import gc
import logging
from contextlib import contextmanager
from pathlib import Path

from jinja2 import ChoiceLoader, DictLoader

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..model.certificate import EXPIRING_DAYS
from ..model.errors import DataError
from ..pages.markers import MarkerExpander
from ..model.news import FEED, SourcePage, feed
from ..pages.pagemeta import escape_for_theme, restore
from .parallel import ELSEWHERE, PageShare
from ..pages.post_photos import PostPhotosExtension, photo_files
from ..ops.preview import Failure, insert_notice, show_on_pages
from .project import Project, load_project
from ..media.qr import LEVELS, QrStyle
from ..pages.render import Later
from ..pages.search import compact_file
from ..pages.site import SHORT, SiteBuilder
from ..ops.sitecheck import check_site, printed_addresses

log = logging.getLogger("mkdocs.plugins.ocop")
UNCODED_NAMED = 10  # products without a short code named in the build log; a province may have thousands


def nav_pages(nav) -> list[str]:
    """The Markdown files the `nav:` of mkdocs.yml names."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav or []
    return [uri for item in items for uri in nav_pages(item)]


@contextmanager
def collector_paused():
    """Reading the data and making the pages' Markdown build hundreds of thousands of objects and leave
    no cycles behind; the garbage collector would walk them again and again (a third of that time at
    5,000 products). It runs as usual once the pages are made."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class OcopPluginConfig(base.Config):
    products_dir = c.Type(str, default="products")
    cache_dir = c.Type(str, default=".cache/ocop")
    qr_level = c.Choice(tuple(LEVELS), default="M")
    qr_module_mm = c.Type(float, default=0.5)
    # A certificate ending within this many days is shown as "sắp hết hiệu lực".
    expiring_days = c.Type(int, default=EXPIRING_DAYS)
    qr_quiet_zone = c.Type(int, default=4)
    label_size = c.Type(str, default="30x40")
    # From this many generated pages outside the navigation, a second process renders half of them
    # (on a machine with two cores or more, not on Windows): see parallel.py. 0: always on one core.
    two_processes_from = c.Type(int, default=300)
    # Where a bare `ocop publish` publishes: a web server's folder (relative to mkdocs.yml, or absolute)
    # or "gh-pages". Unset, `ocop publish` needs --to or --gh-pages.
    publish_to = c.Optional(c.Type(str))


class OcopPlugin(BasePlugin[OcopPluginConfig]):
    project: Project | None = None
    sources: dict[str, str] = {}
    generated_pages: set[str] = set()  # their addresses: one short entry each in the search index

    def __init__(self):
        self.serving = False
        self.failure: Failure | None = None  # the data's mistakes, while the preview shows them
        self.plain_meta: dict[str, dict] = {}  # a page's metadata as written, while its template renders
        self.share = PageShare(0)
        self.later: dict[str, Later] = {}
        self.assets: list[File] = []

    def on_startup(self, *, command, dirty: bool) -> None:
        self.serving = command == "serve"
        self.share.startup(command, dirty)

    def refuse(self, error: DataError | ValueError) -> None:
        """A mistake in the data stops a build (the published site never shows half of it); the preview
        keeps running instead, shows the mistake on every page and recovers on the next save that fixes it."""
        if not self.serving:
            report = error.report() if isinstance(error, DataError) else str(error)
            raise PluginError(report) from None
        self.failure = Failure.of(error)
        for line in self.failure.lines:
            log.error("ocop: %s", line)
        log.error("ocop: trang xem trước hiện thông báo lỗi thay cho nội dung cho tới khi lỗi được sửa")

    def qr_style(self) -> QrStyle:
        return QrStyle(level=self.config.qr_level, module_mm=self.config.qr_module_mm, border=self.config.qr_quiet_zone)

    def load(self, config: MkDocsConfig) -> Project:
        """The project as this plugin's options in mkdocs.yml describe it (the `ocop` command uses it too)."""
        return load_project(
            config,
            self.config.products_dir,
            self.config.cache_dir,
            self.qr_style(),
            expiring_days=self.config.expiring_days,
            label_size=self.config.label_size,
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failure = None
        try:
            with collector_paused():
                self.project = self.load(config)
        except DataError as error:
            self.refuse(error)
            return config
        self.builder = SiteBuilder(
            self.project.catalogue, self.project.settings, self.project.qr_cache, self.project.photo_cache
        )
        self.renderer = self.builder.renderer
        self.markers = MarkerExpander(self.builder, self.project.news)
        # News photos become <picture>s of their renditions (post_photos.py); a rebuild of `mkdocs serve`
        # gets a fresh config, but drop an earlier instance all the same.
        config.markdown_extensions[:] = [e for e in config.markdown_extensions if not isinstance(e, PostPhotosExtension)]
        config.markdown_extensions.append(PostPhotosExtension(self.project.post_photos, self.renderer))
        self.share.pages_from = self.config.two_processes_from
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Built page → the file the officer wrote, so that a problem found after the build names it.
        self.later = {}  # src_uri → its Markdown, still to render
        self.assets = []  # the generated files that are not pages
        self.sources = {
            file.dest_uri: f"{Path(config.docs_dir).name}/{file.src_uri}"
            for file in files
            if file.is_documentation_page() and not file.generated_by
        }
        self.generated_pages = set()
        if self.failure:
            return self.stand_in(files, config)
        try:
            with collector_paused():
                outputs = self.builder.files()
        except DataError as error:
            self.refuse(error)
            return self.stand_in(files, config)
        for output in outputs:
            if files.get_file_from_path(output.uri) is not None:
                raise PluginError(f"docs/{output.uri} trùng với trang được tạo từ dữ liệu sản phẩm: hãy đổi tên tệp đó")
            if output.source is not None:
                file = File.generated(config, output.uri, abs_src_path=str(output.source))
            elif isinstance(output.content, Later):  # rendered when read, by the process that builds it
                file = File.generated(config, output.uri, content="")
                self.later[output.uri] = output.content
            else:
                file = File.generated(config, output.uri, content=output.content)
            files.append(file)
            if not file.is_documentation_page():
                self.assets.append(file)
        photo_files(self.project.post_photos, files, config)  # the originals of news photos are never published
        if self.project.news is not None:
            # Listed now so that pages may link to it; its content needs the rendered posts (on_env).
            self.feed_file = File.generated(config, f"{self.project.news.settings.blog_dir}/{FEED}", content="")
            files.append(self.feed_file)
        log.info(
            "ocop: %d sản phẩm, %d cơ sở; %d mã QR, %d tệp ảnh mới được tạo",
            len(self.project.catalogue.products),
            len(self.project.catalogue.producers),
            self.project.qr_cache.encoded,
            self.project.photo_cache.made,
        )
        uncoded = [entry.source for entry in self.project.catalogue.products.values() if not entry.model.code]
        if uncoded:  # not a warning: the preview must still build; `ocop build` gives them their codes
            named = ", ".join(uncoded[:UNCODED_NAMED]) + (f" và {len(uncoded) - UNCODED_NAMED} tệp khác" if len(uncoded) > UNCODED_NAMED else "")
            log.info("ocop: %d sản phẩm chưa có mã ngắn, mã QR của chúng dài hơn: chạy `ocop codes` (%s)", len(uncoded), named)
        self.generated_pages = {file.url for file in files.documentation_pages() if file.generated_by == "ocop"}
        return files

    def stand_in(self, files: Files, config: MkDocsConfig) -> Files:
        """While the data cannot be read, the catalogue pages the menu names show the mistakes (rather
        than the menu losing them, with English warnings in the terminal)."""
        for uri in nav_pages(config.nav):
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=self.failure.markdown))
        return files

    @event_priority(-100)  # after the blog's: the navigation is complete
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if not self.failure:
            self.share.start(config, files, nav, self.assets)
        return nav

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        self.plain_meta[page.file.src_uri] = escape_for_theme(page)
        return context

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        restore(page, self.plain_meta.pop(page.file.src_uri, None))
        return output

    @event_priority(-100)  # after Material's search plugin has written the index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.failure:
            return
        try:
            shared = self.share.wait()
        except RuntimeError as error:
            raise PluginError(f"ocop: dựng trang ở tiến trình thứ hai không thành công: {error}") from None
        if shared and shared["warnings"]:
            log.warning("ocop: %d cảnh báo khi dựng trang ở tiến trình thứ hai (xem ở trên)", shared["warnings"])
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            merge = (lambda docs: self.share.merge_entries(docs, shared["entries"])) if shared else None
            compact_file(index, self.generated_pages, merge)
        # A warning, not an exception: strict mode (mkdocs.yml, `ocop build`, `ocop publish`) then fails
        # the build after listing every problem, and `mkdocs serve` keeps running while they are fixed.
        problems = check_site(
            Path(config.site_dir), config.site_url, printed_addresses(self.project), SHORT, self.project.check_memory
        )
        for problem in problems:
            source = self.sources.get(problem.file)
            log.warning("ocop: trang web vừa tạo có lỗi: %s%s", problem, f" (trang viết ở {source})" if source else "")
        if self.serving and problems:  # the officer looks at the preview, not only at the terminal
            show_on_pages(Path(config.site_dir), problems, self.sources)

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        later = self.later.pop(page.file.src_uri, None)
        if later is not None and not self.share.defers(page):
            try:
                with collector_paused():
                    page.file.content_string = later.text()
            except DataError as error:
                self.refuse(error)
        return page

    def on_build_error(self, *, error: Exception) -> None:
        self.share.abandon()

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """Expand the markers ([[san-pham: …]], [[tin-moi]]) of hand-written pages; they were checked in on_config."""
        if self.share.defers(page):  # the second process builds it: nothing to render here, nothing to write
            page.meta["template"] = ELSEWHERE
            page.meta["search"] = {"exclude": True}
            return ""
        if self.failure:
            return self.failure.markdown
        if page.file.generated_by:
            return markdown
        source = SourcePage(page.file.src_uri, f"{config.docs_dir}/{page.file.src_uri}", markdown, markdown, 1)
        try:
            return self.markers.expand(source)
        except ValueError as error:
            self.refuse(error)
            return self.failure.markdown

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        """A product page that a mistake took away answers with 404.html: it names the mistake too."""
        if self.failure and template_name == "404.html":
            return insert_notice(output, self.failure.html)
        return output

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if self.share.defers(page):
            # Not read here: MkDocs' check of links to its anchors (INFO by default) skips it in this process.
            page.present_anchor_ids = None
        return html

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """The RSS feed of the news, from the posts the blog publishes, at the addresses it gave them."""
        env.loader = ChoiceLoader([DictLoader({ELSEWHERE: ""}), env.loader])
        if self.failure:
            return env
        self.share.leave_assets()
        news = self.project.news
        if news is None or self.share.here:
            return env
        pages = {post.page.src_uri: file.page for post in news.posts if (file := files.get_file_from_path(post.page.src_uri)) and file.page}
        context = feed(news, config.site_name, self.project.settings.site_url, config.site_description or "", pages)
        self.feed_file.content_string = self.renderer.render("feed.xml.j2", **context)
        return env
