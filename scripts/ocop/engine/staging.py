"""A plain `mkdocs build` / `properdocs build` never blanks the site it replaces.

The engine empties `site_dir` before it writes a page, so a build that then fails (a data mistake, a
warning in strict mode, Ctrl+C) would leave visitors an empty, partial or failing site: the README's
nightly rebuild into a web root did exactly that. With the `ocop` plugin, a build whose `site_dir`
already holds a site is redirected into a fresh sibling folder (`.site.ocop-new-<time>`, the same
disk) and swapped in only once it is complete and, in strict mode, free of warnings (ops/publish.py's
switch: one atomic exchange on Linux). A failed build removes its folder and leaves the old site
byte-identical; a killed one leaves its folder, which the next build removes. Like the engine's own
clean, the old site's dot-entries (`.well-known/`, a publish marker) are kept: copied into the new one.

An empty or missing `site_dir` (a first build, `ocop publish`'s own fresh folder) is built into directly.
`serve` is never redirected (it builds into a temporary folder of its own).
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from ..ops.publish import recover, remove_tree, staging_folder, switch

LOGGERS = ("mkdocs", "properdocs")


class WarningCount(logging.Handler):
    """Counts the warnings of a build: in strict mode the engine aborts after on_post_build if any."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedBuild:
    """One build into a sibling folder of `target`, swapped in by `finish`, dropped by `abandon`."""

    def __init__(self, target: Path):
        self.target = target
        recover(target, say=lambda message: None)  # what an interrupted build left beside it
        self.folder = staging_folder(target)
        self.warnings = WarningCount()
        for name in LOGGERS:
            logging.getLogger(name).addHandler(self.warnings)

    @classmethod
    def needed(cls, site_dir: Path) -> bool:
        return site_dir.is_dir() and any(site_dir.iterdir())

    def finish(self, strict: bool) -> bool:
        """Swap the new site in (True), or drop it when strict mode will abort the build (False)."""
        self._stop_counting()
        if strict and self.warnings.count:
            self.abandon()
            return False
        for entry in self.target.iterdir():
            if entry.name.startswith(".") and not (self.folder / entry.name).exists():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.copytree(entry, self.folder / entry.name, symlinks=True)
                else:
                    shutil.copy2(entry, self.folder / entry.name, follow_symlinks=False)
        switch(self.folder, self.target)
        return True

    def abandon(self) -> None:
        self._stop_counting()
        if self.folder.exists():
            remove_tree(self.folder)

    def _stop_counting(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(self.warnings)
