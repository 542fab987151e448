"""mkdocs.yml and the project, read once a run, as every command needs them."""
from __future__ import annotations

import atexit
import contextlib
import logging
from pathlib import Path

from ...model.errors import path_shower
from ...ops.commit import stray_files
from ..project import Project


_LOADED: dict[str, object] = {}  # mkdocs.yml files loaded in this process, by the name they were given


def config(config_file: str):
    """mkdocs.yml, loaded once a run. Loading it starts the plugins (the blog makes a temporary
    folder), so they are shut down at exit, as `mkdocs build` does, to leave nothing behind."""
    if config_file not in _LOADED:
        from mkdocs.config import load_config

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        if not _LOADED:
            atexit.register(forget)
        _LOADED[config_file] = load_config(config_file=config_file)
    return _LOADED[config_file]


def forget(config_file: str | None = None) -> None:
    """Shut the plugins of a loaded mkdocs.yml down (all of them without `config_file`) and forget it, so that
    the next command in this process reads it again: a process that runs several commands on files that
    change between them (the tests) calls it; a command run alone leaves it to the exit."""
    for name in [config_file] if config_file else list(_LOADED):
        loaded = _LOADED.pop(name, None)
        if loaded is not None:
            _shut_down(loaded.plugins)
    if not _LOADED:
        atexit.unregister(forget)


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
