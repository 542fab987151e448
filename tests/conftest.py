"""Shared test fixtures: a copy of the project to change, real builds, a local server, Chromium.

Every test runs the real thing: `mkdocs build` and the `ocop` command in a subprocess, or the same
`ocop` command called in-process (`Project.check`), on a copy of this project, so nothing here mocks MkDocs.

Two tiers (CONTRIBUTING.md): a test is in the full tier when it uses a fixture of FULL_TIER_FIXTURES
or is marked `pytest.mark.full`; every other test is in the fast tier (`make test-fast`, `-m fast`),
which starts no process and opens no socket: a fast-tier test that does fails, naming what it started.
"""
from __future__ import annotations

import contextlib
import io
import logging
import multiprocessing.util
import datetime as dt
import functools
import html
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from hypothesis import HealthCheck, settings
from ocop.model.reader import decode, parse_yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "products", "overrides")
SITE_URL = "https://quangtrung.quangxuong.thanhhoa.gov.vn/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-smooth-scrolling",  # a scroll is drawn once, not frame by frame: 7% of the editor tests' CPU
]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def environment(extra: dict | None = None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    env.update(extra or {})
    return env


class Project:
    """A throw-away copy of the project: edit its data, build it, run `ocop` in it."""

    def __init__(self, root: Path):
        self.root = root

    @property
    def products(self) -> Path:
        return self.root / "products"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def ocop(self, *args: str, env: dict | None = None) -> Run:
        """`ocop ARGS` in this project. The commands that start the site engine (build, publish, serve) and
        `init` run as the officer runs them, in a process of their own; the others are called in this
        process (`ocop_in_process`: the same `main`, the same messages and exit code, without a new Python
        importing MkDocs). `ocop_command` runs any command in a process of its own."""
        if args and args[0] not in OWN_PROCESS:
            return ocop_in_process(self.root, *args, env=env)
        return self.ocop_command(*args, env=env)

    def ocop_command(self, *args: str, env: dict | None = None) -> Run:
        """`ocop ARGS` run as a command, in a process of its own."""
        result = subprocess.run(
            [str(BIN / "ocop"), *args], cwd=self.root, capture_output=True, text=True, encoding="utf-8",
            env=environment(env), timeout=600,
        )
        return Run(result.returncode, result.stdout, result.stderr)

    def mkdocs(self, *args: str, env: dict | None = None) -> Run:
        result = subprocess.run(
            [str(BIN / "mkdocs"), *args], cwd=self.root, capture_output=True, text=True, encoding="utf-8",
            env=environment(env), timeout=600,
        )
        return Run(result.returncode, result.stdout, result.stderr)

    def check(self, env: dict | None = None) -> Run:
        """`ocop check`, called in this process (as `ocop("check")`): the fast tier's way to check data."""
        return ocop_in_process(self.root, "check", env=env)

    def build_in_process(self, env: dict | None = None) -> Run:
        """`mkdocs build --strict` through MkDocs' own `load_config` and `build` in this process, as its
        command line calls them: for a test that only reads the built pages (not one about the command,
        its output or its exit code: use `build`). What MkDocs logs is in `err`; a stop is code 1."""
        return mkdocs_build_in_process(self.root, env)

    def build(self, env: dict | None = None) -> Run:
        """The site built strictly, in this process (`build_in_process`); `mkdocs("build", "--strict")` where
        the test is about the command."""
        return self.build_in_process(env=env)

    @contextlib.contextmanager
    def built_and_served(self, env: dict | None = None):
        """Build the site (in-process, `build_in_process`, which must succeed) and serve it on a free localhost
        port; yields its address."""
        result = self.build_in_process(env=env)
        assert result.code == 0, result.text
        with serve(self.site) as address:
            yield address

    def page(self, url_path: str) -> str:
        """The built HTML of a site path such as 'san-pham/nem-huan-hong/'."""
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


# The commands `Project.ocop` runs in a process of their own: those that start the site engine, and `init`.
OWN_PROCESS = {"build", "publish", "serve", "init"}
_LOADED_CONFIGS: dict[Path, str] = {}  # each mkdocs.yml as the last command called in this process read it


@contextlib.contextmanager
def _inside(folder: Path, env: dict | None):
    """The current folder and the environment of a command run in `folder` with `env`, then restored."""
    before, saved = Path.cwd(), dict(os.environ)
    os.chdir(folder)
    os.environ.update(environment(env))
    try:
        yield
    finally:
        os.chdir(before)
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _no_console():
    """An empty standard input, as a command run from a script has: `ocop new` asks for nothing then."""
    before, sys.stdin = sys.stdin, io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    try:
        yield
    finally:
        sys.stdin = before


def ocop_in_process(root: Path, *args: str, env: dict | None = None) -> Run:
    """`ocop ARGS` in the project at `root`, called in this process; what it printed and its exit code."""
    from ocop.engine.cli import main
    from ocop.engine.commands.loading import forget

    config = (root / "mkdocs.yml").resolve()
    text = config.read_text(encoding="utf-8")
    if _LOADED_CONFIGS.get(config, text) != text:  # edited since: read again, as a new command would
        forget(str(config))
    _LOADED_CONFIGS[config] = text
    out, err = io.StringIO(), io.StringIO()
    with _inside(root, env), _no_console(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--config", str(config), *args])
        except SystemExit as stop:  # argparse and the commands' own stops, as the command would exit
            code = stop.code if isinstance(stop.code, int) else 1
            if isinstance(stop.code, str):
                print(stop.code, file=sys.stderr)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(autouse=True)
def _commands_forget_their_projects():
    """What the commands called in this process loaded (each test's own project) is let go after the test."""
    yield
    loading = sys.modules.get("ocop.engine.commands.loading")
    if loading is not None:
        loading.forget()
    _LOADED_CONFIGS.clear()


def mkdocs_build_in_process(root: Path, env: dict | None = None) -> Run:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    level, code = logger.level, 0
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        with _inside(root, env):
            config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                # MkDocs gives a second load of one mkdocs.yml in a process the same plugin instances: the blog's
                # temporary folder, removed at the first shutdown, is not made again by a build stopped first.
                with contextlib.suppress(FileNotFoundError):
                    config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as stop:
        code = 1
        log.write(f"{stop}\n")
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Run(code, "", log.getvalue())


def loaded(config_file: Path):
    """The project as the `ocop` plugin of that mkdocs.yml reads it (the data, the settings, the builders)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    return config.plugins["ocop"].load(config)


def copy_project(target: Path) -> Project:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return Project(target)


@pytest.fixture
def project(tmp_path, warm_cache) -> Project:
    """A fresh copy of the project with the example data, for tests that change things; its photo and QR
    cache (`.cache/`) starts as the example build's, so a first build makes only what the test changed."""
    copy = copy_project(tmp_path / "project")
    shutil.copytree(warm_cache, copy.root / ".cache")
    return copy


@pytest.fixture(scope="session")
def warm_cache(built) -> Path:
    """The example build's cache (photos, QR codes, label sheets, named by their content), copied into
    each `project`: a copy's build finds there everything the example data needs."""
    return built.root / ".cache"


@pytest.fixture
def example(tmp_path) -> Project:
    """A fresh copy of the project for the fast tier: write data, then `check()` it in-process (a
    `build()` or `ocop(…)` on it fails the test: use `project` for those)."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Project:
    """The example site, built once with `mkdocs build --strict`."""
    example = copy_project(tmp_path_factory.mktemp("example") / "project")
    result = example.build()
    assert result.code == 0, result.text
    return example


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, handler_class=None):
    """Serve a built site on a free localhost port; yields the base address. `handler_class` answers
    the requests (a quiet SimpleHTTPRequestHandler unless told otherwise)."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """A plain static host, as GitHub Pages serves a site: a missing path gets 404.html, with status 404
    (no rewriting: lower-case short addresses and stamps reach their pages through that page alone)."""

    def send_error(self, code, message=None, explain=None):
        page = self.directory + "/404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        with open(page, "rb") as file:
            body = file.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def issue_stamps(project: Project, code: str, batch: str, count: int, sample: bool = False, day: str = "2026-12-07") -> list[str]:
    """Stamps issued as `ocop stamps` issues them, with model/stamps.py's own functions: the site's salt
    (written once), `count` new serials of `batch`, their hashes appended to the register. Returns the
    serials (generated, never written anywhere but here; tests use them and forget them)."""
    import datetime as dt

    from ocop.model.stamps import StampIssue, append_issue, new_serial, new_settings, read_stamp_register, stamp_hash, write_settings

    products = project.root / "products"
    register, problems = read_stamp_register(products, str)
    assert not problems, problems
    settings = register.settings
    if settings is None:
        settings = new_settings()
        write_settings(products, settings)
    serials = [new_serial() for _ in range(count)]
    hashes = tuple(stamp_hash(serial, settings.salt, settings.iterations) for serial in serials)
    issue = StampIssue(code, batch, dt.date.fromisoformat(day), count, "24x30", sample, "", 0, hashes)
    append_issue(products, code, batch, code, issue)
    return serials


@pytest.fixture(scope="session")
def site_server(built):
    with serve(built.site) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; no test reaches beyond localhost."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test-tools` (installs Debian's chromium)")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def only_from(context, base: str) -> list[str]:
    """Let the browser `context` load only addresses under `base` (this machine's server); every other
    request is refused and its address kept in the returned list, for a test to assert it stays empty."""
    elsewhere: list[str] = []

    def route(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return elsewhere


@contextlib.contextmanager
def phone_page(browser, locale: str):
    """A page in a phone-sized window (360 × 740) whose browser speaks `locale`."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=locale)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone(browser):
    """A Vietnamese phone."""
    with phone_page(browser, "vi-VN") as page:
        yield page


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float = 30.0, every: float = 0.25):
    """Poll `condition` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {condition}")


def read_qr_codes(source) -> list:
    """The QR codes a phone's scanner finds in an image: a path, PNG bytes or a PIL image.

    Only QR codes are looked for: zxing-cpp also tries 1D barcodes, and the stripes inside a QR code
    can pass for one (a stray '4035' next to the address), which no phone camera app would show."""
    import io

    import zxingcpp
    from PIL import Image

    if isinstance(source, Image.Image):
        return zxingcpp.read_barcodes(source.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
        return zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)


def decode_qr(source) -> list[str]:
    """The text of each QR code in the image (see read_qr_codes)."""
    return [result.text for result in read_qr_codes(source)]


# Shared by several test modules: kept here, the one support module (tests import nothing from each other).


def text_of(html: str) -> str:
    """The visible text of the article, tags dropped and entities decoded."""

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.inside, self.skip = [], 0, 0

        def handle_starttag(self, tag, attrs):
            if tag == "article":
                self.inside += 1
            if tag in ("script", "style"):
                self.skip += 1

        def handle_endtag(self, tag):
            if tag == "article":
                self.inside -= 1
            if tag in ("script", "style"):
                self.skip -= 1

        def handle_data(self, data):
            if self.inside and not self.skip:
                self.parts.append(data)

    collector = Collector()
    collector.feed(html)
    return re.sub(r"\s+", " ", "".join(collector.parts))


TODAY = dt.date(2026, 3, 15)
NEXT_DAY = TODAY + dt.timedelta(days=1)


def epoch(day: dt.date, hour_utc: int = 5) -> str:
    """SOURCE_DATE_EPOCH for a moment of `day` (UTC hour; Vietnam is 7 hours ahead)."""
    moment = dt.datetime(day.year, day.month, day.day, hour_utc, tzinfo=dt.timezone.utc)
    return str(int(moment.timestamp()))


def draw_photo(path, size=(4000, 3000), orientation: int | None = None, gps: bool = False):
    """A clearly artificial test picture, saved the way a phone camera would (EXIF rotation, GPS)."""
    image = Image.new("RGB", size, (210, 140, 60))
    ImageDraw.Draw(image).ellipse((size[0] // 5, size[1] // 5, size[0] // 2, size[1] // 2), fill=(20, 60, 150))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (19.0, 36.0, 0.0)}
    image.save(path, quality=92, exif=exif)


BASELINE = Path(__file__).parent / "baseline" / "addresses.txt"


def addresses(site: Path) -> list[str]:
    """Every published address (a folder's index.html is the folder's address), then every QR payload."""
    lines = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        lines.append("/" + (name[: -len("index.html")] if name.endswith("index.html") else name))
        if path.suffix == ".png" and path.name.startswith("qr-"):
            lines += [f"qr /{name} {text}" for text in decode_qr(path)]
    return sorted(lines)


STORY = "Câu chuyện thử nghiệm, chưa có bản tiếng Anh."


@pytest.fixture(scope="session")
def tourist_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("tourist") / "project")
    draw_photo(project.products / "nam-quyen" / "chai.jpg")
    fish_sauce = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    text = fish_sauce.read_text(encoding="utf-8")
    assert "\ncode: NM\n" in text  # the short address a tourist scans
    fish_sauce.write_text(text + "photos:\n  - file: chai.jpg\n    alt: Ảnh thử nghiệm\n", encoding="utf-8")
    nem = project.products / "huan-hong" / "nem-huan-hong.yml"
    nem.write_text(nem.read_text(encoding="utf-8") + f"story: {STORY}\n", encoding="utf-8")
    with project.built_and_served() as address:
        project.address = address
        yield project



# The build day of the tests of reports and print files, and a varied data set for them.
TODAY_ENV = {"SOURCE_DATE_EPOCH": epoch(TODAY)}

VARIED_PRODUCTS = {
    "products/huan-hong/cha.yml": "name: Chả sắp hết hạn\nproducer: huan-hong\ngroup: thuc-pham\ncertification:\n"
    "  stars: 4\n  decision: 12/QĐ-UBND\n  date: 01/01/2024\n  valid_until: 15/09/2026\n",
    "products/huan-hong/ruou.yml": "name: Rượu còn xa hạn\nproducer: huan-hong\ngroup: do-uong\ncertification:\n"
    "  stars: 3\n  date: 01/01/2024\n  valid_until: 16/09/2026\n",
    "products/nam-quyen/nuoc-mia.yml": "name: Nước mía đã hết hạn\nproducer: nam-quyen\ngroup: do-uong\ncertification:\n"
    "  stars: 3\n  decision: 7/QĐ-UBND\n  date: 01/01/2023\n",
    "products/nam-quyen/tinh-dau.yml": "name: Tinh dầu chuẩn bị\nproducer: nam-quyen\ngroup: duoc-lieu\ncertification: candidate\n",
    "products/nam-quyen/mam-tep.yml": "name: Mắm tép mới đạt\nproducer: nam-quyen\ngroup: thuc-pham\ncertification:\n"
    "  stars: 3\n  date: 10/10/2025\n",
    "products/huan-hong/non.yml": "name: Nón chưa đánh giá\nproducer: huan-hong\ngroup: thu-cong-my-nghe\n",
}


# Print files (labels, brochure, poster, shelf card): each PDF is rendered at 300 dpi with PDFium
# (pypdfium2) and every QR code on it read back with zxing-cpp; the text is PDFium's own extraction.
# The `shop` data adds, to the two example products, a product whose certificate has expired (no stars,
# as on the site), one of another OCOP group, and a shop selling all four.
HOST = "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/"
SHORT = {code: f"{HOST}{code}/" for code in ("NM", "NEM", "CH", "RU")}  # the `shop` products' short addresses
SAMPLE = "MẪU – chưa in"
# An outlet and an online shop, plainly fictional (test data for where to buy).
OUTLET_SHOP = """\
name: Cửa hàng Thử Nghiệm
kind: siêu thị
address: Số 0 đường Thử Nghiệm
hours: 7:00 – 21:00 hằng ngày
phone: "0900 000 000"
map: https://www.openstreetmap.org/#map=17/19.6/105.8
products:
  - nuoc-mam-nam-quyen
"""
OUTLET_ONLINE = """\
name: Gian hàng Thử Nghiệm
kind: Shopee
url: https://shopee.vn/thu-nghiem
products: [nuoc-mam-nam-quyen, nem-huan-hong]
"""

SHOP_FILES = {
    "products/huan-hong/cha-que.yml": "name: Chả quê thử nghiệm\nslug: cha-que\ncode: CH\nproducer: huan-hong\ngroup: thuc-pham\n"
    "certification:\n  stars: 4\n  decision: 12/QĐ-UBND\n  date: 01/01/2023\n",
    "products/nam-quyen/ruou-thu.yml": "name: Rượu thử nghiệm\nslug: ruou-thu\ncode: RU\nproducer: nam-quyen\ngroup: do-uong\n"
    "certification:\n  stars: 3\n  date: 10/10/2025\n",
    "products/_diem-ban/cua-hang-thu.yml": "name: Cửa hàng thử nghiệm\nkind: cửa hàng của cơ sở\n"
    "products: [nuoc-mam-nam-quyen, nem-huan-hong, cha-que, ruou-thu]\n",
}


@pytest.fixture
def shop(project):
    for path, text in SHOP_FILES.items():
        project.write(path, text)
    return project


def read_pdf(path) -> list[tuple[tuple[float, float], str, list[str]]]:
    """Each page: its size in mm, its text (spaces folded), the QR codes read at 300 dpi."""
    pages = []
    for page in pdfium.PdfDocument(str(path)):
        width, height = page.get_size()
        text = " ".join(page.get_textpage().get_text_range().split())
        codes = decode_qr(page.render(scale=300 / 72, grayscale=True).to_pil())
        pages.append(((round(width * 25.4 / 72), round(height * 25.4 / 72)), text, codes))
    return pages


def drawn_over_by_sample_mark(sample_pdf, confirmed_pdf) -> list[int]:
    """Per page, how many dark pixels of what is drawn (a code, text, a coloured band: dark in the
    confirmed file, at 144 dpi) the sample's mark lightens: 0 when the mark lies under them, hidden."""
    counts = []
    for sample, confirmed in zip(pdfium.PdfDocument(str(sample_pdf)), pdfium.PdfDocument(str(confirmed_pdf))):
        marked, plain = (page.render(scale=2, grayscale=True).to_pil().convert("L").tobytes() for page in (sample, confirmed))
        counts.append(sum(1 for over, under in zip(marked, plain) if under < 90 and over - under > 25))
    return counts


def confirm_domain(project, confirmed: bool = True) -> None:
    """domain_confirmed in the project's mkdocs.yml: print files carry no sample mark once it is true."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    old, new = ("false", "true") if confirmed else ("true", "false")
    config.write_text(text.replace(f"domain_confirmed: {old}", f"domain_confirmed: {new}"), encoding="utf-8")


def assert_vector_with_embedded_font(path) -> None:
    data = path.read_bytes()
    assert b"/FontFile2" in data and b"/Subtype /Image" not in data  # no photo in this data: nothing raster


def pages_at_300_dpi(pdf_path) -> list[Image.Image]:
    document = pdfium.PdfDocument(str(pdf_path))
    return [page.render(scale=300 / 72, grayscale=True).to_pil() for page in document]


def assert_vector_with_vietnamese_text(pdf_path, names) -> str:
    """No raster image anywhere (forms included); the text is real text in an embedded font."""
    data = pdf_path.read_bytes()
    assert b"/Subtype /Image" not in data
    assert b"/FontFile2" in data  # the TrueType font is embedded, not left to the printer
    document = pdfium.PdfDocument(str(pdf_path))
    text = ""
    for page in document:
        kinds = {obj.type for obj in page.get_objects(max_depth=5)}
        assert pdfium.raw.FPDF_PAGEOBJ_IMAGE not in kinds
        assert pdfium.raw.FPDF_PAGEOBJ_PATH in kinds
        text += page.get_textpage().get_text_range() + "\n"
    text = " ".join(text.split())  # a long name wraps onto two lines
    for name in names:
        assert name in text
    return text


# Hypothesis (property tests): quick properties run 150 examples, slow ones (a catalogue loaded each) 40;
# the same examples on every run; and the YAML helpers they share.
QUICK = settings(max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def read(raw: bytes):
    text, problems = decode(raw, "x.yml")
    assert problems == [], problems
    document, problems = parse_yaml(text, "x.yml")
    assert problems == [], problems
    return document


# Commands and servers as a user runs them: a command's output, a page fetched from a preview.
def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=environment(env), timeout=600,
    )


BANNER = "end of life"  # Material's English end-of-life box


def fetch(url: str) -> tuple[int, str]:
    """The status and the text of a page (entities read back: `&#39;kind&#39;` is 'kind' on screen)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, html.unescape(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return error.code, html.unescape(error.read().decode("utf-8"))
    except OSError:
        return 0, ""


def userenvironment() -> dict:
    """The environment of a new user's shell: no variable the test suite sets for itself."""
    env = {key: value for key, value in os.environ.items() if key not in ("NO_MKDOCS_2_WARNING", "VIRTUAL_ENV")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def serves(url: str, expected: str) -> bool:
    status, text = fetch(url)
    return status == 200 and expected in text


# --- The two tiers (CONTRIBUTING.md) -------------------------------------------------------------------------

# A test using one of these (directly or through another fixture) is in the full tier: each builds the site
# with `mkdocs build`, serves it or starts Chromium. Any other test that starts a process or a server says
# so with `@pytest.mark.full` (or `pytestmark = pytest.mark.full` for a whole module).
FULL_TIER_FIXTURES = {"project", "shop", "built", "site_server", "tourist_site", "browser", "phone"}


def full_tier_fixture(*, scope: str = "module"):
    """`pytest.fixture(scope=…)` for a fixture that builds, serves or starts something (a module's own
    built site, say): every test using it lands in the full tier."""

    def decorate(function):
        FULL_TIER_FIXTURES.add(function.__name__)
        return pytest.fixture(scope=scope)(function)

    return decorate


# What a fast-tier test may not do: start a process (a command, a server, a browser, a clone) or listen on a port.
SPAWNING = frozenset({"subprocess.Popen", "os.system", "os.posix_spawn", "os.fork", "os.forkpty", "os.exec", "os.spawn", "socket.bind",
                      "multiprocessing.spawn"})
_started: list[str] | None = None  # while a fast-tier test runs: what it tried to start


def _loaders_own_git_log(event: str, args: tuple) -> bool:
    """The loader's one `git log` (the last commit day of each post, model/dates.py), which returns at once
    in a copy outside Git: part of loading a project, allowed in the fast tier."""
    return event == "subprocess.Popen" and args[0] == "git" and "log" in list(args[1])


def _refuse_in_fast_tier(event: str, args: tuple) -> None:
    if _started is None or event not in SPAWNING or _loaders_own_git_log(event, args):
        return
    _started.append(f"{event} {args[:2]!r}")
    raise RuntimeError(
        f"a fast-tier test may not start a process or a server ({event} {args[:2]!r}): use a full-tier fixture "
        "or mark the test @pytest.mark.full (CONTRIBUTING.md, the tiers)"
    )


def _spawning_workers(spawn):
    """multiprocessing's "spawn" start (a process pool) raises no audit event of its own: say it here."""

    @functools.wraps(spawn)
    def spawnv_passfds(path, args, passfds):
        _refuse_in_fast_tier("multiprocessing.spawn", (path, args))
        return spawn(path, args, passfds)

    return spawnv_passfds


sys.addaudithook(_refuse_in_fast_tier)
multiprocessing.util.spawnv_passfds = _spawning_workers(multiprocessing.util.spawnv_passfds)


def pytest_configure(config):
    config.addinivalue_line("markers", "full: the full tier: starts a process, a server, a browser or a clone (`make test`); set by conftest on a test using a full-tier fixture")
    config.addinivalue_line("markers", "fast: the fast tier, in-process only (`make test-fast`); set by conftest on every test not marked full")


# The slowest modules, slowest first (`--durations`, December 2026): under `make test`'s two workers
# (`--dist loadfile --no-loadscope-reorder`) each module runs whole on one worker, in this order, so the
# longest ones start first instead of ending the run on one worker while the other waits.
# (`--dist loadgroup` would let the editor's tests go to both workers, but xdist 3.8 marks the groups in
# `item._nodeid`, which pytest 9 no longer reads: every test then goes alone, and each module's site is built twice.)
SLOWEST_FIRST = ("ops/test_editor.py", "engine/test_first_run.py", "ops/test_publish.py", "engine/test_scale.py",
                 "pages/test_phone_offline_a11y.py", "ops/test_rebuild.py", "engine/test_guide.py", "model/test_codes.py",
                 "ops/test_nginx.py", "pages/test_product_page.py", "engine/test_cli.py", "pages/test_stamp_page.py",
                 "engine/test_search.py", "ops/test_stamps.py", "media/test_images.py", "ops/test_preview.py")


def _slowest_first(items) -> None:
    rank = {name: number for number, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(Path(item.path).relative_to(ROOT / "tests").as_posix(), len(rank)))


def pytest_collection_modifyitems(config, items):
    """A test using a full-tier fixture is marked `full`; every test not marked `full` then, `fast`. On an
    xdist worker, the slowest modules come first (SLOWEST_FIRST)."""
    if hasattr(config, "workerinput"):
        _slowest_first(items)
    for item in items:
        if item.get_closest_marker("full") is None and FULL_TIER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.full)
        if item.get_closest_marker("full") is None:
            item.add_marker(pytest.mark.fast)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from _watched(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _watched(item))


def _watched(item):
    """Run a test phase; a fast-tier test that started something fails, even if it caught the refusal."""
    global _started
    if item.get_closest_marker("fast") is None:
        return (yield)
    _started = []
    try:
        result = yield
    finally:
        started, _started = _started, None
    if started:
        pytest.fail(f"a fast-tier test started {started[0]}: mark it @pytest.mark.full (CONTRIBUTING.md)", pytrace=False)
    return result


if __name__ == "__main__":  # python tests/conftest.py SITE_DIR: the addresses baseline of a built site
    print("\n".join(addresses(Path(sys.argv[1]))))
