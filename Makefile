# Redaksi: `make demo` serves the demo site, `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
TEST_ENV := DJANGO_SETTINGS_MODULE=redaksi.settings.test

.PHONY: demo test test-fast test-sqlite test-postgres lint lock prod-local prod-local-stop bench bench-report bench-http bench-pages bench-profile bench-scale bench-scale-postgres bench-search-relevance bench-search bench-wxr bench-cache-busting bench-faults bench-soak clean

$(VENV)/.runtime: requirements/lock.txt
	tools/system-deps.sh demo
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/lock.txt
	touch $@

$(VENV)/.test: $(VENV)/.runtime requirements/test-lock.txt node_modules/.package-lock.json
	tools/system-deps.sh test
	$(PY) -m pip install -q -r requirements/test-lock.txt
	touch $@

# axe-core for the browser tests' accessibility checks; no build step, Node only for checks.
node_modules/.package-lock.json: package.json package-lock.json
	tools/system-deps.sh test
	npm ci --no-audit --no-fund
	touch $@

demo: $(VENV)/.runtime
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	tools/demo-serve.sh

test: $(VENV)/.test
	tools/system-deps.sh test
	$(TEST_ENV) $(MANAGE) check --fail-level WARNING
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

# Each pass in two pytest-xdist workers (CI has 2 cores), a whole test file at a time, so module fixtures load once.
# SQLite runs every test; PostgreSQL all but the browser tests (the database work they reach is done by tests
# that run on both) and the `stack` suites (their own PostgreSQL, whatever DATABASE_URL says). README.md, "Tests".
TEST_WORKERS ?= 2
PYTEST := $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile

test-sqlite: $(VENV)/.test
	$(PYTEST)

test-postgres: $(VENV)/.test
	tools/with-postgres.sh $(PYTEST) -m "not browser and not stack"

# The edit loop: SQLite, no browser, no real servers, no slow suites. `make test` still runs everything.
test-fast: $(VENV)/.test
	$(PYTEST) -m "not browser and not servers and not stack and not slow"

# The production-like stack on loopback: gunicorn workers, PostgreSQL, Redis, Varnish (docs/deployment.md).
prod-local: $(VENV)/.runtime
	tools/system-deps.sh prod
	tools/prod-local.sh start

prod-local-stop:
	tools/prod-local.sh stop

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

lock: $(VENV)/.runtime
	$(PY) -m pip install -q pip-tools
	cd requirements && ../$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe base.in -o lock.txt
	cd requirements && ../$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe test.in -o test-lock.txt
	sed -i '/^--extra-index-url\|^--find-links/d' requirements/lock.txt requirements/test-lock.txt

# Archive-scale evidence for docs/architecture.md: 10k vs 1M corpus stories (10-30 min on this VM, run niced).
BENCH_SCALE := $(PY) bench/archive_scale.py --baseline 10000 --target 1000000 --repeat 5

# Every benchmark of docs/performance.md, then one table of them: bench/results/performance.{md,json} (~1 h 45).
# bench-search (an hour more) and bench-wxr stay separate targets.
bench: bench-http bench-pages bench-profile bench-scale-postgres bench-search-relevance
	$(MAKE) bench-report

bench-report: $(VENV)/.runtime
	$(PY) bench/report.py

# Reader pages under load through the production-like stack, against nginx and WordPress in the same run.
bench-http: $(VENV)/.runtime
	tools/system-deps.sh bench
	$(PY) bench/http_load.py

# One client floods unique URLs while a real reader fetches uncached stories, through the VCL before and after
# deploy/varnish/hardening.vcl: bench/results/cache-busting.md (~5 min after the stack is up).
bench-cache-busting: $(VENV)/.runtime
	tools/system-deps.sh bench
	$(PY) bench/cache_busting.py

# Every reader page type on the demo: SQL queries, server time against a bare-redirect floor, gzipped weight;
# on SQLite, then on a throwaway PostgreSQL (the query counts must match).
bench-pages: $(VENV)/.runtime
	tools/system-deps.sh test
	nice -n 10 $(PY) bench/reader_pages.py --requests 100
	nice -n 10 tools/with-postgres.sh $(PY) bench/reader_pages.py --requests 100

# The article and front pages' CPU per request, whole render vs fragments cached in an edition, and what dominates.
bench-profile: $(VENV)/.runtime
	$(PY) bench/article_profile.py --requests 200

# SQLite leaves bench/results/archive-scale.* (the PostgreSQL record) alone: its tables go to var/bench/sqlite/.
bench-scale: $(VENV)/.runtime
	nice -n 10 $(BENCH_SCALE) --results var/bench/sqlite

bench-scale-postgres: $(VENV)/.runtime
	tools/system-deps.sh test
	nice -n 10 tools/with-postgres.sh $(BENCH_SCALE)

# Search relevance on graded topics: plain BM25, the baseline commit and the working tree (recency on and off), on SQLite
# and PostgreSQL, from TREC run files scored by ir-measures (bm25s and ir-measures are test dependencies): docs/search-evaluation.md.
bench-search-relevance: $(VENV)/.test
	tools/system-deps.sh test
	nice -n 10 tools/with-postgres.sh $(PY) bench/search_relevance.py

# Reader search latency at 10k and 1M corpus-copied stories, entry and local index build (over an hour, niced).
bench-search: $(VENV)/.runtime
	tools/system-deps.sh test
	nice -n 10 tools/with-postgres.sh $(PY) bench/search_latency.py --sizes 10000 1000000

# WordPress import throughput on the largest shared WXR file, fresh SQLite, then an idempotent second run.
bench-wxr: $(VENV)/.runtime
	nice -n 10 $(PY) bench/wxr_import.py

# Redis, PostgreSQL, one app worker and the schedule worker stopped and restarted under load (~6 min):
# bench/results/faults.{md,json}. FAULTS_ARGS passes options (e.g. --only redis --fault-seconds 5).
bench-faults: $(VENV)/.runtime
	tools/system-deps.sh prod
	$(PY) bench/faults.py $(FAULTS_ARGS)

# 10 minutes at ~80 % of the app's measured capacity: bench/results/soak.{md,json}. SOAK_ARGS="--seconds 60" to check.
bench-soak: $(VENV)/.runtime
	tools/system-deps.sh prod
	$(PY) bench/soak.py $(SOAK_ARGS)

clean:
	rm -rf $(VENV) var artifacts
