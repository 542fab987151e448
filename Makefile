# Two commands do all the set-up on a fresh machine:
#   make serve   build the site from the example data and serve it on http://127.0.0.1:8000
#                (another port: make serve PORT=8001)
#   make test    run every test
#   make test-fast  the fast tier: in-process tests only, under a minute (CONTRIBUTING.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The site is built and served by ProperDocs, the maintained continuation of MkDocs 1.6, from mkdocs.yml
# (named with -f: ProperDocs looks for properdocs.yml first and would otherwise ask for the file to be
# renamed). Material 9.8 prints an English end-of-life box on every build run by the `mkdocs` command;
# the officer reads Vietnamese, and the plan for the engine is in README.md. Nothing below prints it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-fast test-tools clean lighthouse

$(BIN)/properdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# The engine's distribution was named ocop-quang-trung before it became ocop-site (issue 25): removed
	@# first, since removing it after would take the `ocop` command both install with it.
	$(BIN)/python -m pip uninstall --quiet --yes ocop-quang-trung 2>/dev/null || true
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(BIN)/properdocs requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# The preview is never strict: a warning or a data mistake is shown in the terminal and on the page, and
# the preview keeps serving; `make build` and `ocop publish` are strict.
serve: $(BIN)/properdocs
	$(BIN)/properdocs serve -f mkdocs.yml --livereload --no-strict --dev-addr 127.0.0.1:$(PORT)

build: $(BIN)/properdocs
	$(BIN)/properdocs build -f mkdocs.yml --strict

check: $(BIN)/properdocs
	$(BIN)/ocop check

# The tests drive Debian's Chromium and nginx; install what is missing (needs root or sudo).
test-tools:
	@sh scripts/install-test-tools.sh

# Three workers (pytest-xdist) on the 2-core machine: while one test waits on a server or Chromium, the
# two others keep both cores busy (CONTRIBUTING.md has the times). `loadfile` keeps each test module on one
# worker, so a module's own built site is built once; the modules go out slowest first (SLOWEST_FIRST in
# tests/conftest.py), not by their number of tests.
TEST_WORKERS ?= 3

test: $(VENV)/.dev-installed test-tools
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# The fast tier: no browser, server, clone or subprocess, so no test-tools either.
test-fast: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -m fast -p no:xdist

# Page weight and speed on a phone (Lighthouse, pinned in benchmarks/lighthouse/package-lock.json,
# installed from the npm registry; runs Debian's Chromium). Prints the table kept in benchmarks/README.md.
benchmarks/lighthouse/node_modules/.bin/lighthouse: benchmarks/lighthouse/package-lock.json
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund
	touch $@

lighthouse: $(BIN)/properdocs test-tools benchmarks/lighthouse/node_modules/.bin/lighthouse
	CHROME_PATH=/usr/bin/chromium $(BIN)/python benchmarks/lighthouse.py

clean:
	rm -rf site .cache
