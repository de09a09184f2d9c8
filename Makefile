# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# System libraries Qt needs on a bare Debian/Ubuntu (docs/ARCHITECTURE.md), plus sound.
QT_DEBS := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 \
           libdbus-1-3 fonts-dejavu-core libpulse0

.PHONY: run test coverage test-quick lint typecheck sysdeps venv bench package clean

run: $(STAMP)
	$(PY) -m app

# Under coverage: the suite fails when app/domain or app/storage falls below its
# floor (tests/conftest.py, COVERAGE_FLOORS); `make coverage` shows the table.
test: $(STAMP)
	$(PY) -m coverage run -m pytest

coverage: $(STAMP)
	$(PY) -m coverage report

test-quick: $(STAMP)
	$(PY) -m pytest -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

typecheck: $(STAMP)
	$(VENV)/bin/mypy

venv: $(STAMP)

$(STAMP): pyproject.toml | sysdeps
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# On Debian/Ubuntu: install Qt's system libraries when root, else print the command.
sysdeps:
	@sh resources/scripts/sysdeps.sh $(QT_DEBS)

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

package: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,package]"
	$(PY) resources/scripts/package.py

clean:
	rm -rf build dist
