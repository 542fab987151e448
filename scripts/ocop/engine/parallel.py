"""The generated pages rendered on two cores: a second process builds a share of them.

MkDocs renders one page after the other on one core: about 5 ms a page (Markdown, then the theme's
template), two minutes for the 25,000 pages of a 5,000-product catalogue, while the other core of the
machine waits. So when a build has enough generated pages, the plugin forks once the navigation is made
(`on_nav`) and before any page is read: the second process (the share) reads, renders and writes its
share of the generated pages (product, producer, batch and English pages, never a page in the
navigation, whose titles every page shows) exactly as MkDocs would, with the same plugins, and hands
back what the rest of the build needs from them: their search index entries and how many warnings they
raised. Meanwhile this process builds everything else, and skips the share's pages cheaply (no
Markdown, an empty template: nothing written). The plugin's other files (photos, QR codes, label
sheets: tens of thousands at that size) are copied by whichever process is done with its pages first,
the other helping from the other end of the list when it is done. In `on_post_build` this process
waits for the share, puts its search entries where MkDocs would have put them, and fails the build if
the share failed.

Only with `os.fork` (Linux, macOS: not Windows, where the build stays on one core), two usable cores,
a `mkdocs build` (not `serve`, whose rebuilds run beside a web server thread) and at least `pages_from`
generated pages. The site is the same, byte for byte, as on one core (a test compares them).
"""
from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import time
import traceback

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.ocop")
# The engine's own loggers: "mkdocs.…", or "properdocs.…" when ProperDocs runs the build (it hands its own
# modules to `import mkdocs.…`, and makes the "mkdocs" logger a child of its "properdocs" one). A warning
# of the engine in the second process is counted there, not on "mkdocs".
ENGINE_LOG = mkdocs_build.__name__.partition(".")[0]

# The template this process renders for a page the share builds: nothing, so MkDocs writes nothing.
ELSEWHERE = "ocop-elsewhere.html"
SHARE = 0.5  # of the generated pages outside the navigation; this process also has the rest of the site


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


def search_entries(config: MkDocsConfig) -> list | None:
    """The list the search plugin (Material's or MkDocs') adds a page's entries to, if there is one."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if entries is None:
            entries = getattr(index, "_entries", None)
        if isinstance(entries, list):
            return entries
    return None


class _SkipNotice(logging.Filter):
    """MkDocs says "Page skipped … Generated empty output" at INFO for each page left to the share."""

    def __init__(self, share: PageShare):
        super().__init__()
        self.share = share

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message[len("Page skipped: '"):].split("'")[0] in self.share.away)


class PageShare:
    def __init__(self, pages_from: int):
        self.pages_from = pages_from  # 0: never
        self.allowed = False  # set by on_startup: a `mkdocs build`, not dirty
        self.away: set[str] = set()  # src_uri of the pages the share builds (in this process: skipped)
        self.here = False  # True in the share itself
        self.pid: int | None = None
        self.result_path = ""
        self.page_order: dict[str, int] = {}
        self.assets: list[File] = []
        self._next = None  # shared by both processes: the first and the end of the assets not copied yet
        self._notice = _SkipNotice(self)

    def startup(self, command: str, dirty: bool) -> None:
        self.allowed = command in ("build", "gh-deploy") and not dirty and hasattr(os, "fork")

    def defers(self, page: Page) -> bool:
        """Does this process leave `page` to the share?"""
        return not self.here and page.file.src_uri in self.away

    def start(self, config: MkDocsConfig, files: Files, nav, assets: list[File]) -> None:
        """Fork the share if it is worth it (called last in on_nav). The share also copies `assets`, the
        plugin's files that are not pages (photos, QR codes, label sheets: tens of thousands of files)."""
        self.away = set()
        if not (self.allowed and self.pages_from and usable_cores() >= 2):
            return
        in_nav = {id(page) for page in nav.pages}
        pages = files.documentation_pages()
        candidates = [file for file in pages if file.generated_by == "ocop" and id(file.page) not in in_nav]
        if len(candidates) < self.pages_from:
            return
        share = [file for index, file in enumerate(candidates) if int((index + 1) * SHARE) > int(index * SHARE)]
        self.away = {file.src_uri for file in share}
        self.page_order = {file.url: index for index, file in enumerate(pages)}
        handle, self.result_path = tempfile.mkstemp(prefix="ocop-share-", suffix=".json")
        os.close(handle)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        self.assets = assets
        self._next = multiprocessing.Array("q", [0, len(assets)])
        # The objects made so far are shared by both processes until one writes to them; the collector
        # would write to every one of them (and copy the memory) when it looks for cycles: not these.
        gc.freeze()
        self.forked_at = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            self._build_share(config, files, nav, share)  # never returns
        self.pid = pid
        logging.getLogger(mkdocs_build.__name__).addFilter(self._notice)
        log.info("ocop: %d trang do một tiến trình thứ hai dựng song song", len(share))

    def _build_share(self, config: MkDocsConfig, files: Files, nav, share: list[File]) -> None:
        """In the forked process: build `share` as MkDocs' build would, report, exit."""
        self.here = True
        status, report = 1, {}
        counter = _WarningCounter()
        logging.getLogger(ENGINE_LOG).addHandler(counter)
        try:
            entries = search_entries(config)
            known = len(entries) if entries is not None else 0
            for page in nav.pages:  # their titles are in every page's navigation; the share's are not
                mkdocs_build._populate_page(page, config, files)
            for file in share:
                mkdocs_build._populate_page(file.page, config, files)
            env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
            doc_files = files.documentation_pages()
            for file in share:
                mkdocs_build._build_page(file.page, config, doc_files, nav, env)
            for file in share:
                file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            self.copy_assets(from_the_end=False)
            report = {"entries": entries[known:] if entries is not None else [], "warnings": counter.count}
            status = 0
        except BaseException as error:  # noqa: BLE001 (whatever it is, the build must hear of it)
            report = {"error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc()}
        finally:
            try:
                with open(self.result_path, "w", encoding="utf-8") as result:
                    json.dump(report, result, ensure_ascii=False)
            finally:
                for stream in (sys.stdout, sys.stderr):
                    stream.flush()
                os._exit(status)

    def leave_assets(self) -> None:
        """In this process, once its pages are read (on_env): MkDocs is not to copy the assets; whichever
        process is done with its pages first copies them, the other helps when it is done (copy_assets)."""
        if self.pid is not None:
            for file in self.assets:
                file.inclusion = InclusionLevel.EXCLUDED

    def copy_assets(self, from_the_end: bool = True) -> None:
        """Copy assets until none is left: the share from the first, this process from the last."""
        bounds = self._next
        while bounds is not None:
            with bounds.get_lock():
                first, end = bounds[0], bounds[1]
                if first >= end:
                    return
                if from_the_end:
                    index = bounds[1] = end - 1
                else:
                    index, bounds[0] = first, first + 1
            self.assets[index].copy_file()

    def _detach(self) -> int:
        """This process is done with the share: back to a build on its own; the share's pid."""
        pid, self.pid, self._next = self.pid, None, None
        logging.getLogger(mkdocs_build.__name__).removeFilter(self._notice)
        gc.unfreeze()
        return pid

    def wait(self) -> dict | None:
        """Wait for the share; what it reported (None when there was no share). Raises RuntimeError."""
        if self.pid is None:
            return None
        done = time.perf_counter()
        self.copy_assets()
        pid = self._detach()
        copied = time.perf_counter()
        _, status = os.waitpid(pid, 0)
        log.debug("ocop: pages done here %.1f s after the fork; assets copied for %.1f s; waited %.1f s for the second process",
                  done - self.forked_at, copied - done, time.perf_counter() - copied)
        try:
            with open(self.result_path, encoding="utf-8") as result:
                report = json.load(result) if os.path.getsize(self.result_path) else {}
        finally:
            os.unlink(self.result_path)
        if "error" in report:
            log.debug(report.get("trace", ""))
            raise RuntimeError(report["error"])
        if status != 0 or "entries" not in report:
            raise RuntimeError(f"tiến trình thứ hai dừng bất thường (mã {os.waitstatus_to_exitcode(status)})")
        return report

    def abandon(self) -> None:
        """The build failed here: stop the share, leave no process behind."""
        if self.pid is None:
            return
        pid = self._detach()
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        try:
            os.unlink(self.result_path)
        except OSError:
            pass

    def merge_entries(self, docs: list[dict], entries: list[dict]) -> list[dict]:
        """The search index's entries and the share's, in the order of the pages, as on one core."""
        keyed, current = [], -1
        for doc in docs:  # already in page order; an entry of a page not listed stays after the one before
            current = self.page_order.get(doc["location"].partition("#")[0], current)
            keyed.append((current, doc))
        last = len(self.page_order)
        keyed += [(self.page_order.get(doc["location"].partition("#")[0], last), doc) for doc in entries]
        keyed.sort(key=lambda pair: pair[0])  # stable: a page's sections keep their order
        return [doc for _, doc in keyed]


class _WarningCounter(logging.NullHandler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def handle(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            self.count += 1
        return True
