"""The project as mkdocs.yml configures it: where the data is, the site address, the commune.

Both faces (the MkDocs plugin and the `ocop` command) start here, so they read the same data the
same way: `ocop check` and `mkdocs build` can never disagree. The data is read in one pass (read →
validate → cross-check, model/), then the pages (pages/) and their files (media/) are made from it.
"""
from __future__ import annotations

import datetime as dt
import functools
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from ..media.assets import MediaFiles, MediaSettings, load_post_photos
from ..media.cache import write_whole
from ..media.images import PhotoCache
from ..media.labels import LabelError, LabelSize, check_module
from ..media.qr import QrCache, QrStyle
from ..model.catalogue import load_catalogue
from ..model.codes import Registry, check_codes, read_registry
from ..model.commune import Commune, former_commune_problems
from ..model.dates import build_date, last_commit_dates
from ..model.entries import Catalogue
from ..model.errors import DataError, Problem, path_shower
from ..model.news import News, load_news
from ..model.plan import Plan, load_plan
from ..model.reader import control_problems
from ..model.sources import refuse_outside_links
from ..model.stamps import StampRegister, load_stamps
from ..model.validate import describe
from ..ops.editor_config import EditorSettings, producers_of
from ..ops.scans import LogError
from ..ops.stamp_counts import VERDICTS_FILE, StampFigures, stamps_in_logs
from ..pages.chrome import theme_chrome
from ..pages.guide import GUIDE_FOLDER, guide_files
from ..pages.markers import MarkerExpander, check_pages
from ..pages.render import Renderer
from ..pages.site import SiteBuilder
from ..pages.stamp_data import StampCounts
from ..web.addresses import OutputFile, SiteSettings, reserved_names
from ..web.pictures import PostPhoto
from .blog import blog_settings
from .config import OcopPluginConfig
from .page_cache import cached_pages, page_key
from .theme_layer import add_engine_theme


@dataclass
class Project:
    root: Path
    products_dir: Path
    settings: SiteSettings
    media: MediaSettings
    catalogue: Catalogue
    qr_cache: QrCache
    photo_cache: PhotoCache
    registry: Registry | None = None
    news: News | None = None  # the posts, when the blog plugin is on
    plan: Plan | None = None  # the plan's targets, when products/_ke-hoach.yml exists
    post_photos: dict[str, PostPhoto] = field(default_factory=dict)  # by the original's place in docs/
    stamps: StampRegister = field(default_factory=StampRegister)  # per-pack stamps issued (model/stamps.py)
    access_log: list[str] = field(default_factory=list)  # the server's logs, where it keeps them (plugin option)
    stamp_warning_phones: int = 3
    docs_dir: Path | None = None  # the site's pages: one of the guide's there replaces the engine's

    def __post_init__(self):
        folder = self.qr_cache.disk.folder
        # Compiling the templates is most of a small site's rendering time: keep them compiled.
        self.renderer = Renderer(folder / "templates" if folder is not None else None)

    def media_files(self) -> MediaFiles:
        return MediaFiles(self.catalogue, self.settings, self.media, self.qr_cache, self.photo_cache)

    def site_builder(self, media: MediaFiles | None = None, counts: StampCounts | None = None) -> SiteBuilder:
        """The pages' builder; `counts`, the stamps' checks from the access logs, only for the build's
        outputs (the markers of hand-written pages need no log read)."""
        media = media or self.media_files()
        return SiteBuilder(self.catalogue, self.settings, self.photo_cache, media, self.renderer, self.stamps, counts)

    def outputs(self) -> list[OutputFile]:
        """Every generated file: the media the cache lacks made first (on every core), then the pages
        (which read the photos' sizes from it; kept from the last build while nothing they are made
        from changed, page_cache.py), then the media files themselves."""
        media = self.media_files()
        media.prepare()
        # The access logs read here: one that cannot be read stops the build as a mistake in the data does.
        # The counts are part of the pages' key: a day's new checks make the pages anew.
        counts = self.check_counts()
        folder = self.qr_cache.disk.folder
        key = page_key(self.products_dir, self.settings, self.media, counts)
        builder = self.site_builder(media, counts)
        pages = cached_pages(folder / "pages.json" if folder is not None else None, key, builder.files)
        return pages + media.files() + self.guide(MarkerExpander(builder, self.news))

    def guide(self, markers: MarkerExpander) -> list[OutputFile]:
        """The officer's guide from the engine (pages/guide.py), but the pages the site wrote itself."""
        docs = self.docs_dir
        own = docs / GUIDE_FOLDER if docs is not None else None
        written = {path.relative_to(docs).as_posix() for path in own.rglob("*")} if own and own.is_dir() else set()
        return guide_files(self.settings.commune, written, markers.expand)

    def theme_chrome(self, published: set[str]) -> dict[str, dict]:
        """The menu, site name and footer of the translated pages (`config.extra.ocop_chrome`, pages/chrome.py),
        linking only the pages of `published` (site paths)."""
        return theme_chrome(self.renderer.languages, self.settings.commune, published)

    def posts_for_blog(self) -> dict[str, Path]:
        """Posts whose date Material's blog cannot read as written (model/news.py, `blog_text`), each
        rewritten under the cache folder: the post's src_uri → the folder the blog reads it from."""
        if self.news is None:
            return {}
        cache = self.qr_cache.disk.folder
        folder = (cache if cache is not None else Path(tempfile.mkdtemp())) / "posts"
        rewritten = {}
        for post in self.news.posts:
            if post.blog_text is None:
                continue
            path = folder / post.page.src_uri
            if not path.is_file() or path.read_text(encoding="utf-8") != post.blog_text:
                write_whole(path, post.blog_text.encode("utf-8"))
            rewritten[post.page.src_uri] = folder
        return rewritten

    def translated_languages(self) -> list[str]:
        """The codes of the translated languages (en): each has its folder, its chrome and its search index."""
        return [language.code for language in self.renderer.languages if language.translated]

    @functools.cached_property
    def stamp_figures(self) -> StampFigures | None:
        """The checks of each stamp in the server's access logs (ops/stamp_counts.py), read once a build;
        None without logs or stamps. DataError naming the option when a log cannot be read."""
        if not self.access_log or not self.stamps:
            return None
        cache = self.qr_cache.disk.folder
        try:
            return stamps_in_logs(
                self.access_log, self.root, self.settings.site_url, self.settings.today, self.stamps,
                self.stamp_warning_phones, cache / VERDICTS_FILE if cache is not None else None,
            )
        except LogError as error:
            raise DataError([Problem("mkdocs.yml", None, "plugins.ocop.access_log", f"{error}")]) from None

    def check_counts(self) -> StampCounts:
        """What the stamp pages show of the checks: `counted` false where the site reads no log."""
        figures = self.stamp_figures
        if figures is not None:
            return figures.counts
        return StampCounts(bool(self.access_log), self.stamp_warning_phones, self.settings.today)

    @property
    def check_memory(self) -> Path | None:
        """Where the site check keeps what it found in each page between builds (in the cache folder)."""
        folder = self.qr_cache.disk.folder
        return folder / "sitecheck.json" if folder is not None else None


def _former_communes(config: MkDocsConfig) -> tuple[str, ...]:
    """mkdocs.yml's former communes, for the editor, which opens while the data has a mistake (then none)."""
    try:
        return tuple(Commune.model_validate((config.extra or {}).get("commune")).formers)
    except ValidationError:
        return ()


def editor_settings(config: MkDocsConfig, options: OcopPluginConfig) -> EditorSettings:
    """What the editor's configuration (/quan-tri/config.yml) needs from mkdocs.yml."""
    root = Path(config.config_file_path or "mkdocs.yml").parent.resolve()
    docs = Path(config.docs_dir).resolve()
    docs_dir = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.as_posix()
    blog = blog_settings(config)
    return EditorSettings(
        site_name=config.site_name,
        site_url=config.site_url or "",
        products_dir=options.products_dir,
        docs_dir=docs_dir,
        posts_dir=f"{docs_dir}/{blog.posts_dir}" if blog else f"{docs_dir}/tin-tuc/posts",
        categories=blog.categories if blog else (),
        backend=options.editor_backend,
        producers=producers_of(root / options.products_dir),
        former_communes=_former_communes(config),
    )


def configured_site_url(config: MkDocsConfig) -> str | None:
    """site_url as mkdocs.yml writes it. `serve` replaces config.site_url by the preview's own address
    (http://127.0.0.1:8000/) before any plugin sees it; the QR codes and print files must never carry that."""
    path = config.config_file_path
    if not path or not Path(path).is_file():
        return None
    with open(path, "rb") as stream:
        written = yaml_load(stream)
    return written.get("site_url") if isinstance(written, dict) else None


def reserved_problems(catalogue: Catalogue, docs_dir: Path) -> list[Problem]:
    """A product slug or a producer folder taking an address the site makes itself (addresses.py)."""
    pages = {path.stem if path.suffix == ".md" else path.name for path in docs_dir.iterdir()} if docs_dir.is_dir() else set()
    reserved = {name.lower() for name in reserved_names(*pages)}
    problems = []
    for entry in catalogue.products.values():
        if entry.slug in reserved:
            field = "slug" if entry.model.slug else "name"
            line = entry.document.line_of((field,)) if entry.document is not None else None
            problems.append(Problem(entry.source, line, field, RESERVED.format(what=f"địa chỉ trang '{entry.slug}'") + "hãy ghi trường slug khác, ví dụ thêm tên cơ sở vào sau"))
    for slug, producer in catalogue.producers.items():
        if slug in reserved:
            problems.append(Problem(str(Path(producer.source).parent.as_posix()), None, None, RESERVED.format(what=f"tên thư mục cơ sở '{slug}'") + "hãy đổi tên thư mục, ví dụ theo tên cơ sở"))
    return problems


RESERVED = (
    "{what} trùng với một trang hay thư mục mà trang web tự tạo (trang danh mục, /Q/, /en/, /assets/, tin tức…): "
)


def load_project(config: MkDocsConfig, options: OcopPluginConfig, site_url: str | None = None, preview: bool = False) -> Project:
    """Read settings and data, as mkdocs.yml and the `ocop` plugin's `options` in it say; raise
    DataError with every problem found. `site_url`, when given, stands for config.site_url: the public
    address under `serve` (configured_site_url); `preview`, the pages are for the officer's preview."""
    add_engine_theme(config)  # before the pages' markers look for templates (check_pages)
    products_dir, cache_dir, label_size = options.products_dir, options.cache_dir, options.label_size
    qr_style = QrStyle(level=options.qr_level, module_mm=options.qr_module_mm, border=options.qr_quiet_zone)
    config_file = Path(config.config_file_path or "mkdocs.yml")
    root = config_file.parent.resolve()
    shown = config_file.name
    # Before anything under docs/, products/ or the theme's overrides is read (the theme's files are
    # published too): a link leaving the project is never followed.
    own = [Path(config.docs_dir), root / products_dir]
    own += [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    refuse_outside_links(own, root, path_shower(root))
    site_url = site_url or config.site_url
    size, commune, problems = _settings(config, site_url, qr_style, label_size, shown)
    if options.stamp_warning_phones < 1:
        problems.append(Problem(shown, None, "plugins.ocop.stamp_warning_phones",
                                "số điện thoại để cảnh báo tem bị sao chép phải từ 1 trở lên (mặc định 3)"))
    photo_cache = PhotoCache(root / cache_dir / "photos")
    today = None
    try:
        today = build_date()
    except DataError as error:
        problems += error.problems
    catalogue, registry, plan, news, post_photos, found = _data(config, root, root / products_dir, photo_cache, today)
    stamps, stamp_problems = load_stamps(root / products_dir, catalogue, path_shower(root))
    problems += found + stamp_problems
    if catalogue is not None and commune is not None:
        found, doubts = former_commune_problems(catalogue, commune)
        problems += found
        catalogue.warnings.extend(doubts)
    if problems:
        raise DataError(list(dict.fromkeys(problems)))  # a post's front matter is checked as a page too
    settings = SiteSettings(
        site_url.rstrip("/") + "/", commune, today, options.expiring_days,
        favicon=config.theme.get("favicon") or SiteSettings.favicon,
        committed={path_shower(root)(path): day for path, day in last_commit_dates(root / products_dir).items()},
        preview=preview,
        plan=plan,
    )
    return Project(
        root,
        root / products_dir,
        settings,
        MediaSettings(qr_style, size, options.domain_confirmed),
        catalogue,
        QrCache(root / cache_dir),
        photo_cache,
        registry,
        news,
        plan,
        post_photos,
        stamps,
        _access_log(options.access_log),
        options.stamp_warning_phones,
        Path(config.docs_dir),
    )


def _access_log(option: str | list | None) -> list[str]:
    """`access_log:` as one path or glob, or a list of them."""
    return [option] if isinstance(option, str) else [str(item) for item in option or []]


def _settings(
    config: MkDocsConfig, site_url: str | None, qr_style: QrStyle, label_size: str, shown: str
) -> tuple[LabelSize, Commune | None, list[Problem]]:
    """mkdocs.yml's own settings checked: the public address, the label and QR options, the commune."""
    problems: list[Problem] = []
    if not site_url:
        problems.append(
            Problem(shown, None, "site_url", "cần địa chỉ chính thức của trang (mã QR trỏ tới địa chỉ này)")
        )
    size = LabelSize()
    try:
        check_module(qr_style)
        size = LabelSize.parse(label_size)
    except LabelError as error:
        problems.append(Problem(shown, None, "plugins.ocop", str(error)))
    commune = None
    # The commune's name and offices head the Word report, which refuses control characters.
    problems += control_problems((config.extra or {}).get("commune"), shown, ("extra", "commune"))
    try:
        commune = Commune.model_validate((config.extra or {}).get("commune"))
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            path = ".".join(str(part) for part in ("extra", "commune", *detail["loc"]))
            problems.append(Problem(shown, None, path, f"cấu hình xã chưa đúng: {describe(detail)}"))
    return size, commune, problems


def _data(config: MkDocsConfig, root: Path, products_dir: Path, photo_cache: PhotoCache, today: dt.date | None):
    """The catalogue, the register of codes, the plan, the news and their photos, read and cross-checked
    (hand-written pages' markers too), with every problem found."""
    problems: list[Problem] = []
    catalogue = None
    registry, registry_problems = read_registry(products_dir, path_shower(root))
    try:  # without a build day (a bad SOURCE_DATE_EPOCH) the catalogue reports that same problem
        catalogue = load_catalogue(
            products_dir, display_root=root, resized=photo_cache.is_cached, today=today, printed=registry.slugs
        )
    except DataError as error:
        problems += error.problems
    problems += registry_problems
    if catalogue is not None:
        problems += reserved_problems(catalogue, Path(config.docs_dir))
    if catalogue is not None and not registry_problems:
        problems += check_codes(catalogue, registry)
    plan = None
    if catalogue is not None:
        # Read here, not only by `ocop check`: the build must refuse what the check refuses.
        try:
            plan = load_plan(products_dir, catalogue, root)
        except DataError as error:
            problems += error.problems
    news = None
    post_photos: dict[str, PostPhoto] = {}
    blog = blog_settings(config)
    if blog is not None:
        news, found = load_news(blog, path_shower(root))
        problems += found
        post_photos, found = load_post_photos(news, photo_cache)
        problems += found
    templates = tuple(Path(folder) for folder in config.theme.dirs)
    problems += check_pages(Path(config.docs_dir), catalogue, news, path_shower(root), templates)
    return catalogue, registry, plan, news, post_photos, problems
