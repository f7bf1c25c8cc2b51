# Two commands for a fresh machine with python3 (3.11) and make:
#   make run   - set up .venv from the lock file and run the whole pipeline on the samples
#   make test  - set up .venv if missing and run the tests
PYTHON ?= python3
VENV := .venv
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv
export UV_COMPILE_BYTECODE := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test test-fast mutate lint bench bench-microdata fuzz ui catalogues clean

$(VENV)/.synced: pyproject.toml uv.lock
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(VENV)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) sync --frozen --inexact --python $(VENV)/bin/python
	@$(VENV)/bin/python -m compileall -q banen_pipeline  # bytecode once, also where PYTHONDONTWRITEBYTECODE is set
	@touch $@

run: $(VENV)/.synced
	$(VENV)/bin/banen run

test: $(VENV)/.synced
	$(VENV)/bin/pytest -q -n 2 --dist loadgroup

test-fast: $(VENV)/.synced  # without the tests marked slow (5 s or more each); make test runs them all
	$(VENV)/bin/pytest -q -n 2 --dist loadgroup -m "not slow"

mutate: $(VENV)/.synced  # ten named bugs, each alone against the tests of test-fast; table in docs/mutants.md (~12 min)
	$(VENV)/bin/python -m tests.mutate

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check banen_pipeline tests benchmarks
	$(VENV)/bin/ruff format --check banen_pipeline tests benchmarks

bench: $(VENV)/.synced
	$(VENV)/bin/python benchmarks/run.py

bench-microdata: $(VENV)/.synced
	$(VENV)/bin/python benchmarks/microdata.py

fuzz: $(VENV)/.synced
	HYPOTHESIS_PROFILE=fuzz $(VENV)/bin/pytest -q tests/test_fuzz.py --hypothesis-show-statistics

LOCALE := banen_pipeline/locale

catalogues: $(VENV)/.synced  # the report's and data docs' words: keys extracted, each language's catalogue updated
	$(VENV)/bin/pybabel extract -F babel.cfg -k t -k m -k N_ --no-location --sort-output --omit-header \
	  -o $(LOCALE)/banen.pot .
	for lang in nl en; do \
	  $(VENV)/bin/pybabel update -i $(LOCALE)/banen.pot -d $(LOCALE) -D banen -l $$lang --no-fuzzy-matching --width 100 || exit 1; \
	done

DAGSTER_HOME ?= $(CURDIR)/warehouse/dagster_home

ui: $(VENV)/.synced
	mkdir -p $(DAGSTER_HOME) && cp -n deploy/dagster.yaml $(DAGSTER_HOME)/dagster.yaml || true
	DAGSTER_HOME=$(DAGSTER_HOME) $(VENV)/bin/dg dev

clean:
	rm -rf warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/*.lock warehouse/exports warehouse/.exports-versions \
	       warehouse/data_docs warehouse/report warehouse/dagster_home warehouse/snapshot warehouse/last_run.json
