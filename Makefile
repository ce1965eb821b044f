# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PORT ?= 8000
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PYTHON ?= python3
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed

.PHONY: run install setup demo test test-search lint messages compilemessages bench bench-search bench-load clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

compilemessages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=$(VENV) -v0

## run: install, migrate, load the demo data and serve on http://127.0.0.1:$(PORT)
run: install compilemessages
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_demo --port $(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## test: the whole suite (PostgreSQL / OpenSearch when DATABASE_URL / SEARCH_URL are set)
test: install compilemessages
	$(PY) -m pytest

## test-search: only the tests that talk to the search engine (CI runs them again on OpenSearch)
test-search: install compilemessages
	$(PY) -m pytest -m search

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## messages: refresh locale/*/LC_MESSAGES/django.po from the code and templates
messages: install
	$(MANAGE) makemessages -l de -l cs --ignore=.venv --ignore=$(VENV) --ignore=static_collected --no-location

bench: install compilemessages
	$(PY) -m bench.speed

bench-search: install compilemessages
	$(PY) -m bench.relevance

bench-load: install compilemessages
	$(PY) -m bench.load

clean:
	rm -rf $(VENV) static_collected .pytest_cache
