"""The `ocop` plugin's own CPU time in a build, event by event, and per product.

    .venv/bin/python benchmarks/plugin_time.py /tmp/ocop-1000          # a project (generate.py), built twice
    .venv/bin/python benchmarks/plugin_time.py /tmp/ocop-1000 --builds 1 --profile /tmp/warm.prof

Runs `properdocs build` in this process (as the command does), each of the plugin's events timed in user
CPU seconds (what other users of a shared machine disturb least), into a new site folder each time. The
first build fills `.cache/ocop/` if it is empty; the last one is the warm build whose figures are printed:
every event's seconds, the plugin's sum, the whole build's, and the plugin's milliseconds per product.
Everything else in the build (MkDocs reading and rendering the pages, Material's theme and search) is
what plain ProperDocs spends on the same pages too.
"""
from __future__ import annotations

import argparse
import collections
import cProfile
import functools
import os
import resource
import sys
import tempfile
from pathlib import Path

from properdocs.__main__ import cli

from ocop.engine.plugin import OcopPlugin

EVENTS = ("on_config", "on_files", "on_page_markdown", "on_env", "on_post_template", "on_page_context", "on_post_page", "on_post_build")


def user_seconds() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def timed_events(spent: collections.Counter) -> None:
    """Wrap each event of the plugin's class so that its user CPU time adds up in `spent` (and the
    number of products the data holds in `spent["products"]`)."""
    for name in EVENTS:
        original = getattr(OcopPlugin, name)

        @functools.wraps(original)  # keeps the event's priority (an attribute of the function)
        def timed(self, *args, __original=original, __name=name, **kwargs):
            start = user_seconds()
            try:
                return __original(self, *args, **kwargs)
            finally:
                spent[__name] += user_seconds() - start
                if __name == "on_config" and self.project is not None:
                    spent["products"] = len(self.project.catalogue.products)

        setattr(OcopPlugin, name, timed)


def build(project: Path, site: Path, profile: Path | None = None) -> float:
    """One `properdocs build` of `project` into `site`, in this process; its user CPU seconds."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(project)
    start = user_seconds()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    try:
        cli.main(["build", "-q", "--site-dir", str(site)], standalone_mode=False)
    finally:
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
    return user_seconds() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a project folder (benchmarks/generate.py writes one)")
    parser.add_argument("--builds", type=int, default=2, help="builds in a row; the last one is reported (default 2)")
    parser.add_argument("--profile", type=Path, help="also write a cProfile of the last build to this file")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    spent: collections.Counter = collections.Counter()
    timed_events(spent)
    sites = Path(tempfile.mkdtemp(prefix="ocop-plugin-time-"))
    for number in range(args.builds):
        spent.clear()
        last = number == args.builds - 1
        whole = build(project, sites / f"site-{number}", args.profile if last else None)
    products = spent.pop("products")
    plugin = sum(spent.values())
    for name in EVENTS:
        print(f"{name:18} {spent[name]:7.2f} s")
    print(f"{'plugin':18} {plugin:7.2f} s of the build's {whole:.2f} s user CPU ({plugin / whole:.1%})")
    print(f"{products} products: {1000 * plugin / products:.2f} ms of plugin time per product")
    return 0


if __name__ == "__main__":
    sys.exit(main())
