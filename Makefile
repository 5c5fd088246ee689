# netzwerk — everything a person runs. `make demo` and `make test` set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast bench fuzz lint typecheck format venv clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,fast]'
	@touch $@

venv: $(STAMP)

## demo: load the Wehringhausen sample data into a fresh embedded store and write the report
demo: $(STAMP)
	$(BIN)/netzwerk demo --out netzwerk-demo

## test: the whole suite; starts a local Neo4j for it (required when CI is set)
test: $(STAMP)
	bash tools/run-tests.sh

## test-fast: the suite without starting Neo4j (its tests are skipped with a reason)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q

## bench: the city-scale table (benchmarks/bench_city.py); BENCH_ARGS=--huge adds 1M actors,
## BENCH_ALL=1 runs every other benchmark too
BENCH_ARGS ?=
bench: $(STAMP)
	bash tools/run-benchmarks.sh $(BENCH_ARGS)

## fuzz: time-boxed atheris runs of every reader (findings in fuzz/artifacts/)
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python -m pip install -q atheris
	bash fuzz/run.sh $(FUZZ_SECONDS)

lint: $(STAMP)
	$(BIN)/ruff check netzwerk tests benchmarks
	$(BIN)/ruff format --check netzwerk tests benchmarks

## typecheck: mypy over the package (strict for model, store and analysis; see pyproject.toml)
typecheck: $(STAMP)
	$(BIN)/mypy netzwerk

format: $(STAMP)
	$(BIN)/ruff format netzwerk tests benchmarks
	$(BIN)/ruff check --fix netzwerk tests benchmarks

clean:
	rm -rf $(VENV) netzwerk-demo .pytest_cache .ruff_cache

include tools/neo4j/neo4j.mk
