# Two commands for a newcomer: `make demo` and `make test`. Both create .venv as needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench install translations deb reliability windows windows-check

$(BIN)/newsdesk: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/newsdesk

# Qt translations: .ts sources are committed, .qm files are built (and ignored by git).
translations: install
	$(BIN)/pyside6-lrelease -silent src/newsdesk/resources/i18n/*.ts

# Install, build a throw-away demo workspace and open it.
demo: translations
	$(BIN)/newsdesk gui --demo

lint: install
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/ruff format --check src tests benchmarks packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

# Install, lint (ruff, mypy strict, import contracts) and run every test.
test: lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/bench_store.py --articles 10000
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_app.py

# The Linux installer from this checkout (about 3 minutes), then its smoke test in a fresh root.
deb:
	packaging/linux/build-deb.sh
	packaging/linux/smoke-test.sh build/newsdesk_$$(grep -m1 '^version' pyproject.toml | cut -d'"' -f2)_$$(dpkg --print-architecture).deb

# The fault, race and hostile-input tests at full count (hundreds of kills, a 30 s race of eight
# writers, hundreds of damaged Word files, a 90 s network outage in team mode); the default test
# run has them in a reduced form.
reliability: install
	NEWSDESK_FULL=1 $(BIN)/pytest -q -s tests/reliability tests/ui/test_outage_in_the_app.py \
		tests/ui/test_typing_over_a_slow_link.py tests/ui/test_window_calls_off_the_gui_thread.py

# The Windows installer, built here under Wine (see README, Installers): downloads are cached in
# ~/.cache/newsdesk-windows (NEWSDESK_WIN_CACHE). Output: build/windows/newsdesk-<version>-setup.exe
windows: install
	packaging/windows/build.sh

# Installs that installer in a fresh Wine prefix (Windows 10, code page 936, a CJK font), runs
# the installed program through the whole chain, then uninstalls it.
windows-check:
	packaging/windows/check.sh
