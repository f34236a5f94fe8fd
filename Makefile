# Every target installs what it needs first (into $(VENV)); `make test` is what CI runs.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install serve build test outputs bench translation-status clean

install: $(STAMP)

# Dependencies come from pyproject.toml (exact pins; torch is the local CPU wheel).
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))" > $(VENV)/requirements.txt
	$(PY) -m pip install -q -r $(VENV)/requirements.txt
	touch $@

serve: install
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: install
	$(PY) -m mkdocs build --strict

test: install
	$(PY) -m pytest

outputs: install
	$(PY) -m autograd_docs.record $(ONLY)

bench: install
	$(PY) -m autograd_docs.bench

translation-status: install
	$(PY) -m autograd_docs.translation_status

clean:
	rm -rf site .pytest_cache test-artifacts
