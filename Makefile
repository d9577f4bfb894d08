VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: test lint typecheck contracts unit docs demo generate bench clean redis-server

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,docs]'
	touch $(STAMP)

test: lint typecheck contracts unit docs

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy --strict outreach_async

# The layering declared in pyproject.toml ([tool.importlinter]).
contracts: $(STAMP)
	$(VENV)/bin/lint-imports

unit: $(STAMP) redis-server
	$(VENV)/bin/pytest -W error

# The RedisLimiter tests start their own redis-server; install Debian's if it is missing.
redis-server:
	@[ -n "$$OUTREACH_REDIS_SERVER" ] || command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing redis-server (Debian package)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "redis-server is missing: install it (apt-get install redis-server) or set OUTREACH_REDIS_SERVER" >&2; \
	    exit 1; \
	  fi; }

GENERATED_MODELS := outreach_async/models/_generated.py outreach_async/managers/_generated.py \
	outreach_async/_accessors.py

generate: $(STAMP)
	$(PY) tools/generate_schema.py
	$(VENV)/bin/ruff format outreach_async/_spec.py
	$(PY) tools/generate_models.py
	$(VENV)/bin/ruff format $(GENERATED_MODELS)

# The documentation site, into build/site. --strict fails on a broken link or reference
# (not with --quiet, which hides the warnings that --strict counts).
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

demo: $(STAMP)
	$(PY) -m outreach_async demo

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build/site
