# Two commands do all set-up: `make app` serves the site, `make test` runs every check.
# The virtual environment is built with pip from the pins in requirements.txt.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
STAMP  := $(VENV)/.installed

.PHONY: venv browser nginx test lint app lab notebooks data-readme audit-data bench site clean

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

lint: venv
	$(BIN)/ruff check helpers app tests tools benchmarks
	$(BIN)/ruff format --check helpers app tests tools benchmarks
	$(BIN)/nbqa ruff notebooks
	$(BIN)/frictionless validate data/datapackage.json

# Debian's Chromium drives the browser tests (Playwright's own browser download fails here).
browser:
	@test -x /usr/bin/chromium || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# Debian's nginx: the deployment recipe (tools/nginx_proxy.py, app/nginx/) and its browser
# test run it unprivileged on loopback with a config of their own.
nginx:
	@test -x /usr/sbin/nginx || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nginx; }

test: lint browser nginx site
	$(BIN)/python -m pytest

# Speed benchmarks (not tests): each rewrites its section of benchmarks/README.md.
bench: venv browser site
	$(BIN)/python -m benchmarks.park_filter_latency
	$(BIN)/python -m benchmarks.page_settle
	$(BIN)/python -m benchmarks.site_load
	$(BIN)/python -m benchmarks.static_load
	$(BIN)/python -m benchmarks.flood

# The site: Voila configured by app/voila.py, with a kernel budget and security headers
# (app/site.py). Readers' kernels replay the chapters from the view cache `make site` builds.
app: venv site
	$(BIN)/python -m app --port=$(PORT)

# A static copy of every chapter (no kernel needed, every filter works), rebuilt when its
# sources change; the app serves it at /voila/files/_site/ and the landing chapter links
# to it. Building it also writes the view cache (.cache/views) that readers' kernels replay.
SITE := notebooks/_site/index.html
SITE_SOURCES := $(wildcard notebooks/*.ipynb data/*) $(shell find helpers -type f \
	\( -name '*.py' -o -name '*.js' -o -name '*.css' \) -not -path '*/__pycache__/*')
site: $(SITE)

$(SITE): $(STAMP) tools/build_site.py $(wildcard app/jupyter/voila/templates/technoparks/*.js) \
		$(SITE_SOURCES)
	$(BIN)/python -m tools.build_site

# Re-execute every chapter in place (commit the outputs; `make test` compares against them).
# The run records the values the prose states (helpers/display/prose.py), then writes them
# into the Markdown cells' spans.
notebooks: venv
	TECHNOPARKS_PROSE=update $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False \
		--ExecutePreprocessor.store_widget_state=False notebooks/*.ipynb
	$(BIN)/python -m helpers.display.prose notebooks/*.ipynb
	$(BIN)/python -m tools.clean_notebooks notebooks/*.ipynb

# data/README.md is generated from data/datapackage.json.
data-readme: venv
	$(BIN)/python -m helpers.data.data_dictionary > data/README.md

# data/audit-findings.csv and data/audit-checks.csv are the audit's results, recomputed
# from the other resources (tests fail while they are stale); then data/README.md.
audit-data: venv
	$(BIN)/python -m helpers.audit --write-data
	$(BIN)/python -m helpers.data.data_dictionary > data/README.md

lab: venv
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf $(VENV) .cache notebooks/_site
