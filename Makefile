VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: test lint typecheck unit demo generate bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

test: lint typecheck unit

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy --strict outreach_async

unit: $(STAMP)
	$(VENV)/bin/pytest -W error

GENERATED_MODELS := outreach_async/models/_generated.py outreach_async/managers/_generated.py \
	outreach_async/managers/_accessors.py

generate: $(STAMP)
	$(PY) tools/generate_schema.py
	$(VENV)/bin/ruff format outreach_async/_spec.py
	$(PY) tools/generate_models.py
	$(VENV)/bin/ruff format $(GENERATED_MODELS)

demo: $(STAMP)
	$(PY) -m outreach_async demo

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
