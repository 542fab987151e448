"""mkdocs.yml and the project, read once a run, as every command needs them."""
from __future__ import annotations

import atexit
import contextlib
import functools
import logging
from pathlib import Path

from ...model.errors import path_shower
from ...ops.commit import stray_files
from ..project import Project


@functools.lru_cache(maxsize=None)
def config(config_file: str):
    """mkdocs.yml, loaded once a run. Loading it starts the plugins (the blog makes a temporary
    folder), so they are shut down at exit, as `mkdocs build` does, to leave nothing behind."""
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    loaded = load_config(config_file=config_file)
    atexit.register(_shut_down, loaded.plugins)
    return loaded


def _shut_down(plugins) -> None:
    # MkDocs reuses plugin instances between loads of one mkdocs.yml in a process (the tests load it
    # many times): the blog's temporary folder is then already gone at the second shutdown.
    with contextlib.suppress(FileNotFoundError):
        plugins.on_shutdown()


def load(config_file: str) -> Project:
    loaded = config(config_file)
    return loaded.plugins["ocop"].load(loaded)


def strays(config_file: str) -> list[str]:
    """Files under docs/ that nothing names (published and committed all the same): warnings."""
    root = Path(config_file).resolve().parent
    return stray_files(root, Path(config(config_file).docs_dir), path_shower(root))
