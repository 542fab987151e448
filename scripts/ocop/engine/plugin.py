"""The engine's face: `plugins: [ocop]` in mkdocs.yml turns products/ into pages while the site builds.

It holds no logic of its own: it reads the project (project.py), hands the generated files to the
engine with `File.generated` (nothing is written into docs/, so `serve` does not rebuild forever, and
`watch: [products]` makes an edit show up on reload), and runs the site check after the build. It uses
only the public plugin API, so MkDocs 1.6 and ProperDocs run it alike.

The events below are in the order the engine calls them. A priority is given only where the order
among plugins matters, and says why.
"""
from __future__ import annotations

import gc
import logging
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..model.errors import DataError
from ..model.news import SourcePage
from ..model.sources import OutsideLinks, escapes
from ..ops.editor import editor_files
from ..ops.preview import Failure, insert_notice, show_on_pages
from ..ops.sitecheck import check_site, printed_addresses
from ..pages.chrome import CHROME
from ..pages.markers import MarkerExpander
from ..web.addresses import SHORT
from ..web.pictures import PostPhoto
from .blog import FEED, feed
from .config import OcopPluginConfig
from .pagemeta import escape_for_theme, escape_post_title, restore
from .post_photos import PostPhotosExtension
from .project import Project, configured_site_url, editor_settings, load_project
from .search import compact_file
from .staging import StagedBuild
from .terminal import speak_vietnamese

log = logging.getLogger("mkdocs.plugins.ocop")
UNCODED_NAMED = 10  # products without a short code named in the build log; a province may have thousands


def nav_pages(nav, title: str | None = None) -> list[tuple[str, str | None]]:
    """The Markdown files the `nav:` of mkdocs.yml names, each with its title there (a page named
    without one takes the title of the section it is in)."""
    if isinstance(nav, str):
        return [(nav, title)] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for key, item in nav.items() for page in nav_pages(item, key)]
    return [page for item in nav or [] for page in nav_pages(item, title)]


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


def swap_post_sources(rewritten: dict[str, Path], files: Files, config: MkDocsConfig) -> None:
    """Posts dated the Vietnamese way are read by the blog from their rewritten copy (Project.posts_for_blog):
    the same address and page, only another folder to read from."""
    for src_uri, folder in rewritten.items():
        written = files.get_file_from_path(src_uri)
        if written is not None:
            files.remove(written)
            files.append(File(src_uri, str(folder), config.site_dir, config.use_directory_urls))


def add_post_photos(photos: dict[str, PostPhoto], files: Files, config: MkDocsConfig) -> None:
    """Swap each news photo's original in `files` for its renditions (the largest at the original's address)."""
    for photo in photos.values():
        original = files.get_file_from_path(photo.src_uri)
        if original is not None:
            files.remove(original)
        files.append(File.generated(config, photo.src_uri, abs_src_path=str(photo.largest_fallback)))
        for uri, rendition in zip(photo.rendition_uris(), photo.picture.renditions):
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"{config.docs_dir}/{uri}: trùng tên với ảnh thu nhỏ của {photo.src_uri}; hãy đổi tên một trong hai tệp"
                )
            files.append(File.generated(config, uri, abs_src_path=str(rendition.path)))


def drop_outside_files(files: Files, config: MkDocsConfig) -> None:
    """Never publish a file of docs/ reached through a link leaving the project, even one made after
    the check (on_config refuses those it finds before MkDocs walks docs/)."""
    root = Path(config.config_file_path or "mkdocs.yml").parent
    docs = Path(config.docs_dir)
    for file in list(files):
        # The theme's own files (Material's scripts, in its package) are not the officer's: only docs/ is judged.
        if file.generated_by or not file.abs_src_path or Path(file.src_dir or "") != docs:
            continue
        if escapes(Path(file.abs_src_path), root):
            log.error("ocop: bỏ qua docs/%s: liên kết (symlink) trỏ ra ngoài thư mục dự án", file.src_uri)
            files.remove(file)


class OcopPlugin(BasePlugin[OcopPluginConfig]):
    project: Project | None = None

    def __init__(self):
        self.serving = False
        self.failure: Failure | None = None  # the data's mistakes, while the preview shows them
        # The preview's last good project: a rebuild that meets a mistake keeps showing its pages and menu.
        # The engine keeps this instance for the whole `serve`, as it does any plugin with `on_startup`.
        self.last_good: Project | None = None
        self.sources: dict[str, str] = {}  # built page → the file the officer wrote
        # The generated pages' addresses → their descriptions: one short entry each in the search index.
        self.generated_pages: dict[str, str | None] = {}
        self.plain_meta: dict[str, dict] = {}  # a page's metadata as written, while its template renders
        self.staged: StagedBuild | None = None  # a build into a fresh folder beside site_dir (staging.py)
        self.command, self.dirty = "build", False

    def load(self, config: MkDocsConfig) -> Project:
        """The project as this plugin's options in mkdocs.yml describe it (the `ocop` command uses it too).
        Under `serve`, with the public site_url: the preview's print page offers the very files to print."""
        return load_project(config, self.config, configured_site_url(config) if self.serving else None, preview=self.serving)

    def refuse(self, error: DataError | ValueError, config: MkDocsConfig) -> Project | None:
        """A mistake in the data stops a build (the published site never shows half of it); the preview
        keeps running instead: it keeps the pages and menu of its last good build (the product being
        edited included) with the mistake shown on every page, and recovers on the next save that fixes it."""
        if not self.serving:
            report = error.report() if isinstance(error, DataError) else str(error)
            raise PluginError(report) from None
        last = self.last_good
        self.failure = Failure.of(error, kept=last is not None)
        for line in self.failure.lines:
            log.error("ocop: %s", line)
        if last is None:
            log.error("ocop: trang xem trước hiện thông báo lỗi thay cho nội dung cho tới khi lỗi được sửa")
        else:
            log.error("ocop: trang xem trước giữ bản đúng gần nhất, kèm thông báo lỗi, cho tới khi lỗi được sửa")
        return last

    # 1. Once, when the command starts.
    def on_startup(self, *, command, dirty: bool) -> None:
        self.serving = command == "serve"
        self.command, self.dirty = command, dirty
        speak_vietnamese()  # the engine's own lines in the terminal (terminal.py)

    # 2. Every build (each save in `serve`): read the data.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failure = None
        try:
            with collector_paused():
                self.project = self.load(config)
        except OutsideLinks as error:
            # Even in the preview: MkDocs walks docs/ following links right after this event, so a
            # `docs/etc → /etc` must stop the build here, before it is walked.
            raise PluginError(error.report()) from None
        except DataError as error:
            self.project = self.refuse(error, config)
            if self.project is None:
                return config
        self.markers = MarkerExpander(self.project.site_builder(), self.project.news)
        # News photos become <picture>s of their renditions (post_photos.py); a rebuild of `serve` gets a
        # fresh config, but drop an earlier instance all the same.
        extensions = config.markdown_extensions
        extensions[:] = [e for e in extensions if not isinstance(e, PostPhotosExtension)]
        extensions.append(PostPhotosExtension(self.project.post_photos, self.project.renderer))
        self.stage(config)
        return config

    def stage(self, config: MkDocsConfig) -> None:
        """A build over an existing site writes into a fresh folder beside it, swapped in at the end."""
        self.staged = None
        site = Path(config.site_dir)
        if self.command in ("build", "gh-deploy") and not self.dirty and StagedBuild.needed(site):
            self.staged = StagedBuild(site)
            config.site_dir = str(self.staged.folder)

    def on_build_error(self, *, error: Exception) -> None:
        """The build stopped: its fresh folder goes, the site it would have replaced stays as it was."""
        if self.staged is not None:
            self.staged.abandon()
            self.staged = None

    # 3. The site's files: add the generated pages and their media. Default priority: before the blog's
    # (-50), which must see the news photos' renditions in place of their originals.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        drop_outside_files(files, config)
        self.sources = {
            file.dest_uri: f"{Path(config.docs_dir).name}/{file.src_uri}"
            for file in files
            if file.is_documentation_page() and not file.generated_by
        }
        self.generated_pages = {}
        self.add_editor(files, config)
        if self.failure and not self.failure.kept:
            return self.stand_in(files, config)
        try:
            with collector_paused():
                outputs = self.project.outputs()
        except DataError as error:
            self.project = self.refuse(error, config)
            if self.project is None:
                return self.stand_in(files, config)
            outputs = self.project.outputs()
        for output in outputs:
            if files.get_file_from_path(output.uri) is not None:
                raise PluginError(f"docs/{output.uri} trùng với trang được tạo từ dữ liệu sản phẩm: hãy đổi tên tệp đó")
            if output.source is not None:
                files.append(File.generated(config, output.uri, abs_src_path=str(output.source)))
            else:
                files.append(File.generated(config, output.uri, content=output.content))
        add_post_photos(self.project.post_photos, files, config)  # the originals of news photos are never published
        swap_post_sources(self.project.posts_for_blog(), files, config)
        if self.project.news is not None:
            # Listed now so that pages may link to it; its content needs the posts as the blog made them (on_env).
            self.feed_file = File.generated(config, f"{self.project.news.settings.blog_dir}/{FEED}", content="")
            files.append(self.feed_file)
        self.log_counts()
        # The translated pages' menu, header and footer, for the theme's overrides (pages/chrome.py).
        config.extra[CHROME] = self.project.theme_chrome({file.url for file in files.documentation_pages()})
        self.generated_pages = {file.url: None for file in files.documentation_pages() if file.generated_by == "ocop"}
        if self.serving and not self.failure:
            self.last_good = self.project
        return files

    def add_editor(self, files: Files, config: MkDocsConfig) -> None:
        """The editor at /quan-tri/ (ops/editor.py): in the preview, where the officer fixes a mistake
        too, so also while the data has one; published only with a Git hosting backend to save to."""
        if not (self.serving or self.config.editor_backend):
            return
        for uri, content in editor_files(editor_settings(config, self.config)).items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} trùng với trình soạn thảo /quan-tri/: hãy đổi tên tệp đó")
            files.append(File.generated(config, uri, content=content))

    def stand_in(self, files: Files, config: MkDocsConfig) -> Files:
        """While the data cannot be read, the catalogue pages the menu names show the mistakes (rather
        than the menu losing them, with English warnings in the terminal)."""
        for uri, title in nav_pages(config.nav):
            if files.get_file_from_path(uri) is None:
                content = self.failure.instead_of(f"# {title}" if title else "")
                files.append(File.generated(config, uri, content=content))
        return files

    def log_counts(self) -> None:
        project = self.project
        log.info(
            "ocop: %d sản phẩm, %d cơ sở; %d mã QR, %d tệp ảnh mới được tạo",
            len(project.catalogue.products), len(project.catalogue.producers), project.qr_cache.encoded, project.photo_cache.made,
        )
        stamps = project.stamp_figures
        if stamps is not None:
            log.info(
                "ocop: nhật ký truy cập: %d tem được kiểm tra, %d tem nghi bị sao chép (trên %d điện thoại), "
                "%d số tem không do xã cấp%s", len(stamps.stamps), len(stamps.suspects), stamps.counts.warning_phones,
                sum(stamps.unknown.values()), f"; {stamps.pending} số tem để lần sau" if stamps.pending else "",
            )
        uncoded = [entry.source for entry in project.catalogue.products.values() if not entry.model.code]
        if uncoded:  # not a warning: the preview must still build; `ocop build` gives them their codes
            more = len(uncoded) - UNCODED_NAMED
            named = ", ".join(uncoded[:UNCODED_NAMED]) + (f" và {more} tệp khác" if more > 0 else "")
            log.info("ocop: %d sản phẩm chưa có mã ngắn, mã QR của chúng dài hơn: chạy `ocop codes` (%s)", len(uncoded), named)

    # 4. Each page's Markdown, as the engine reads the pages.
    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """Expand the markers ([[san-pham: …]], [[tin-moi]]) of hand-written pages; they were checked in on_config."""
        if self.failure and not self.failure.kept:
            return self.failure.instead_of(markdown)
        news = self.project.news
        if news is not None and page.file.src_uri.startswith(news.settings.posts_dir + "/"):
            escape_post_title(page)  # before the blog (priority -50) writes it into the excerpt
        if page.file.generated_by:
            return markdown
        source = SourcePage(page.file.src_uri, f"{config.docs_dir}/{page.file.src_uri}", markdown, markdown, 1)
        try:
            return self.markers.expand(source)
        except ValueError as error:
            if self.failure:  # a marker naming what the last good data lacks: the notice is on the page already
                return markdown
            self.refuse(error, config)
            return self.failure.instead_of(markdown)

    # 5. Every page read: the theme's templates kept compiled; the news feed, from the posts at the addresses
    # the blog gave them.
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # Compiling the theme's templates again was 40% of the example site's build (each build makes a new
        # environment): kept compiled in the engine's own cache of compiled templates (pages/render.py), by
        # template file; one whose text changed (a Material upgrade, an override) is compiled again.
        if self.project is not None:
            env.bytecode_cache = self.project.renderer.env.bytecode_cache
        news = self.project.news if self.project is not None and not (self.failure and not self.failure.kept) else None
        if news is None:
            return env
        pages = {post.page.src_uri: file.page for post in news.posts if (file := files.get_file_from_path(post.page.src_uri)) and file.page}
        context = feed(news, config.site_name, self.project.settings.site_url, config.site_description or "", pages)
        self.feed_file.content_string = self.project.renderer.render("feed.xml.j2", **context)
        return env

    # 6. The theme's own pages (404.html): a product page a mistake took away answers with it.
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.failure and template_name == "404.html":
            return insert_notice(output, self.failure.html)
        return output

    # 7. Each page through the theme: its title and description escaped once, for the theme only.
    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        if page.url in self.generated_pages:
            self.generated_pages[page.url] = page.meta.get("description")
        self.plain_meta[page.file.src_uri] = escape_for_theme(page)
        return context

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        restore(page, self.plain_meta.pop(page.file.src_uri, None))
        if self.failure and self.failure.kept:  # the last good page, under the mistakes that hold it back
            return insert_notice(output, self.failure.html)
        return output

    # 8. The site is written. Priority -100: after Material's search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.failure and not self.failure.kept:
            return
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            compact_file(index, self.generated_pages, self.project.translated_languages())
        if self.failure:  # the pages are the last good build's: the data as it is now is not checked here
            return
        # A warning, not an exception: strict mode (mkdocs.yml, `ocop build`, `ocop publish`) then fails
        # the build after listing every problem, and the preview keeps running while they are fixed.
        # The public site_url, as in the project's QR codes (under `serve` config.site_url is the preview's).
        settings, catalogue = self.project.settings, self.project.catalogue
        problems = check_site(
            Path(config.site_dir), settings.site_url, printed_addresses(settings, catalogue), SHORT, self.project.check_memory,
        )
        for problem in problems:
            source = self.sources.get(problem.file)
            log.warning("ocop: trang web vừa tạo có lỗi: %s%s", problem, f" (trang viết ở {source})" if source else "")
        if self.serving and problems:  # the officer looks at the preview, not only at the terminal
            show_on_pages(Path(config.site_dir), problems, self.sources)
        if self.staged is not None:  # last: the checks above may have failed a strict build
            swapped = self.staged.finish(config.strict)
            config.site_dir = str(self.staged.target)
            self.staged = None
            if not swapped:
                log.error("ocop: trang web chưa được thay: trang cũ trong %s vẫn giữ nguyên", config.site_dir)
