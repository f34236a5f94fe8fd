# Every target installs what it needs first (into $(VENV)); `make test` is what CI runs.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install serve build test test-unit outputs bench lock translation-status clean

install: $(STAMP)

# Everything from requirements.lock (exact versions, checked by hash; torch is the local CPU wheel),
# then this checkout on the venv's path (what `pip install -e .` would do, without a build backend).
$(STAMP): requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements.lock
	$(PY) -c "import pathlib, sysconfig; pathlib.Path(sysconfig.get_path('purelib'), 'autograd_docs.pth').write_text('$(CURDIR)\n')"
	$(PY) -m pip check
	touch $@

serve: install
	$(PY) -m autograd_docs.build --serve --port $(or $(PORT),8000)

build: install
	$(PY) -m autograd_docs.build

# Two processes (pytest-xdist), given one test module at a time; the doctest of all pages stays in one process
# (tests/conftest.py: work_unit).
test: install
	$(PY) -m pytest -n 2 --dist loadscope

test-unit: install
	$(PY) -m pytest -m unit tests

outputs: install
	$(PY) -m autograd_docs.tools.record $(ONLY)

bench: install
	$(PY) -m autograd_docs.tools.bench

lock: install
	$(PY) -m autograd_docs.tools.lock $(if $(UPGRADE),--upgrade)

translation-status: install
	$(PY) -m autograd_docs.tools.translation_status

clean:
	rm -rf site .pytest_cache test-artifacts
