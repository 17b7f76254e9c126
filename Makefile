# Everyday targets. The two that matter to a newcomer: `make run` and `make test`.
# Everything is installed into ./.venv from uv.lock; uv itself is bootstrapped into ./.tools.

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
# Trust the machine's certificate store too (corporate proxies add their own authority).
export UV_SYSTEM_CERTS ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format typecheck imports pytest install serve bench-quality clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)  ## install the locked dependencies into .venv
	$(UV) sync --frozen --quiet

run: install  ## fresh SQLite database, the sample readouts ingested, web UI on http://$(HOST):$(PORT)
	$(UV) run --frozen bilateral demo --host $(HOST) --port $(PORT)

serve: install  ## serve the existing database
	$(UV) run --frozen bilateral serve --host $(HOST) --port $(PORT)

test: install lint typecheck imports pytest  ## the whole test suite: lint, types, layering, tests

lint:
	$(UV) run --frozen ruff check src tests benchmarks scripts
	$(UV) run --frozen ruff format --check src tests benchmarks scripts

format:  ## reformat and fix what ruff can
	$(UV) run --frozen ruff format src tests benchmarks scripts
	$(UV) run --frozen ruff check --fix src tests benchmarks scripts

typecheck:
	$(UV) run --frozen mypy

imports:
	$(UV) run --frozen lint-imports

pytest:
	$(UV) run --frozen pytest --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

bench-quality: install  ## extract the dev corpus and print the scorer's figures
	$(UV) run --frozen python benchmarks/quality.py

clean:
	rm -rf .venv .tools var .pytest_cache .mypy_cache .ruff_cache .coverage
