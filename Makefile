# The daily verbs. `make run` and `make test` install into .venv first (only when pyproject.toml
# changed since the last install), so on a fresh clone each is the one command you need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LOCK := requirements-lock.txt
DAGSTER_HOME_DIR := $(CURDIR)/warehouse/dagster_home
HOST ?= 127.0.0.1
PORT ?= 3000

.PHONY: install lock run test test-fast lint format serve bench docs clean

# Every dependency, direct or indirect, at the version in $(LOCK): a fresh clone gets the same
# environment as CI. pyproject.toml pins the direct ones; the lock pins what they pull in.
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev]'
	$(BIN)/python -m pip check
	@touch $(STAMP)

install: $(STAMP)

# Regenerate the lock after changing dependencies in pyproject.toml. Versions already locked are
# kept where they still fit; `make lock LOCK_ARGS=--upgrade` moves everything to the newest
# allowed. pip-tools is a maintainer's tool: installed into .venv here, not a project dependency.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/pip-compile || $(BIN)/python -m pip install --quiet pip-tools==7.6.2
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --extra dev --strip-extras \
		--no-emit-index-url --no-emit-find-links --no-emit-trusted-host $(LOCK_ARGS) \
		--output-file $(LOCK) pyproject.toml

run: install  ## the whole pipeline on the embedded sample corpus (or $$SCR_INBOX)
	$(BIN)/scr run

test: install lint  ## lint, then every test (the end-to-end ones run the real pipeline)
	$(BIN)/python -m pytest

test-fast: install  ## every test that does not run the pipeline or read every real document (about a minute)
	$(BIN)/python -m pytest -m "not slow" -q

lint: install  ## ruff (style, complexity limits), the formatter's check, mypy and sqlfluff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	cd dbt_project && SCR_DBT_DB_PATH=:memory: DBT_TARGET_PATH=target/sqlfluff \
		DBT_LOG_PATH=target/sqlfluff ../$(BIN)/sqlfluff lint models  # compiled by dbt, about 20 s

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	cd dbt_project && DBT_TARGET_PATH=target/sqlfluff DBT_LOG_PATH=target/sqlfluff \
		../$(BIN)/sqlfluff fix models

serve: install  ## Dagster webserver and daemon: the schedule and the inbox sensor run for real
	@mkdir -p $(DAGSTER_HOME_DIR)
	@cp orchestration/dagster.yaml $(DAGSTER_HOME_DIR)/dagster.yaml
	$(BIN)/python -c "from orchestration.dbt_project import prepare_manifest; prepare_manifest()"
	DAGSTER_HOME=$(DAGSTER_HOME_DIR) $(BIN)/python -m orchestration.serve --host $(HOST) --port $(PORT)

bench: install  ## speed and accuracy benchmarks (not part of make test)
	$(BIN)/python -m benchmarks
	$(BIN)/python -m benchmarks.realdocs
	$(BIN)/python -m benchmarks.coder --cv

docs: install  ## the dbt docs site, built from a copy of the published warehouse (run first if none)
	@test -f warehouse/data/scr.duckdb || $(BIN)/scr run
	@mkdir -p warehouse/data/docs && cp warehouse/data/scr.duckdb warehouse/data/docs/scr.duckdb
	cd dbt_project && SCR_DBT_DB_PATH=$(CURDIR)/warehouse/data/docs/scr.duckdb ../$(BIN)/dbt docs generate --quiet --profiles-dir . --target-path target/docs
	@echo "docs site: dbt_project/target/docs/index.html (browse it: cd dbt_project && ../$(BIN)/dbt docs serve --profiles-dir . --target-path target/docs)"

clean:
	rm -rf warehouse/data dbt_project/target dbt_project/logs .pytest_cache .ruff_cache
