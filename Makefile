# Two commands do all set-up: `make app` serves the site, `make test` runs every check.
# The virtual environment is built with pip from the pins in environment.yml.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
STAMP  := $(VENV)/.installed

.PHONY: venv browser test lint app lab notebooks data-readme bench site clean

venv: $(STAMP)

$(STAMP): environment.yml pyproject.toml tools/env_to_requirements.py
	$(PYTHON) -m venv $(VENV)
	$(PYTHON) tools/env_to_requirements.py environment.yml > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $(VENV)/requirements.txt
	touch $@

lint: venv
	$(BIN)/ruff check helpers tests tools benchmarks
	$(BIN)/ruff format --check helpers tests tools benchmarks
	$(BIN)/nbqa ruff notebooks

# Debian's Chromium drives the browser tests (Playwright's own browser download fails here).
browser:
	@test -x /usr/bin/chromium || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

test: lint browser site
	$(BIN)/python -m pytest

# Speed benchmarks (not tests): each rewrites its section of benchmarks/README.md.
bench: venv browser
	$(BIN)/python -m benchmarks.park_filter_latency
	$(BIN)/python -m benchmarks.page_settle
	$(BIN)/python -m benchmarks.site_load

app: venv site
	$(BIN)/voila --Voila.config_file_paths=app --port=$(PORT)

# A static copy of every chapter (no kernel needed), rebuilt when its sources change; the
# app serves it at /voila/files/_site/ and the landing chapter links to it.
SITE := notebooks/_site/index.html
site: $(SITE)

$(SITE): $(STAMP) tools/build_site.py $(wildcard notebooks/*.ipynb helpers/*.py data/*)
	$(BIN)/python -m tools.build_site

# Re-execute every chapter in place (commit the outputs; `make test` compares against them).
notebooks: venv
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.record_timing=False \
		--ExecutePreprocessor.store_widget_state=False notebooks/*.ipynb
	$(BIN)/python -m tools.clean_notebooks notebooks/*.ipynb

# data/README.md is generated from data/datapackage.json.
data-readme: venv
	$(BIN)/python -m helpers.data_dictionary > data/README.md

lab: venv
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf $(VENV)
