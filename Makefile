# The daily verbs. `make run` and `make test` install into .venv first (only when pyproject.toml
# changed since the last install), so on a fresh clone each is the one command you need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DAGSTER_HOME_DIR := $(CURDIR)/warehouse/dagster_home
HOST ?= 127.0.0.1
PORT ?= 3000

.PHONY: install run test test-fast lint format serve bench docs clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

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
	cd dbt_project && DBT_TARGET_PATH=target/sqlfluff DBT_LOG_PATH=target/sqlfluff \
		../$(BIN)/sqlfluff lint models  # the dbt models, compiled by dbt (about 20 s)

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
