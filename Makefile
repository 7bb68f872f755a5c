# Two commands matter: `make demo` and `make test`. Both set up .venv first. `make check` is the quick one.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB   ?= demo.db
DEMO_SOURCES ?= demo-sources
PORT      ?= 8001
# The sample portals' ports in the demo: the same every time, so a second demo crawl changes nothing.
DEMO_PORTS ?= 8101

.PHONY: setup check test demo eval eval-discovery bench bench-extract bench-export bench-requests bench-datasette browser redis screenshots clean

setup: $(STAMP)

# Re-installs only when the packaging changed; the project itself is installed editable.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[redis,parquet,warc,test,dev]'
	touch $@

test: setup browser redis
	$(BIN)/python -m pytest -q

# Lint, the import contract (pyproject.toml [tool.importlinter]) and every test that starts no
# crawl, server or subprocess (the e2e ones are left to `make test`): seconds, not minutes.
check: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q -m "not e2e"

# Serve the sample portals on 127.0.0.1 (ports $(DEMO_PORTS) and up, keys sample-*, their registry
# kept in $(DEMO_SOURCES) for reextract), crawl them into $(DEMO_DB), never the archive real crawls
# use, then browse it in Datasette.
demo: setup
	@set -e; tmp=$$(mktemp -d); \
	$(BIN)/python tests/sampleweb.py --registry $(DEMO_SOURCES) --port-file $$tmp/ports.json \
	  --base-port $(DEMO_PORTS) --prefix sample- > $$tmp/server.log 2>&1 & \
	server=$$!; trap 'kill $$server 2>/dev/null; rm -rf $$tmp' EXIT INT TERM; \
	for i in $$(seq 50); do test -s $$tmp/ports.json && break; sleep 0.1; done; \
	echo "Sample portals:"; cat $$tmp/server.log; \
	$(BIN)/newsarchive crawl --all --sources $(DEMO_SOURCES) --db $(DEMO_DB); \
	$(BIN)/newsarchive serve --db $(DEMO_DB) --port $(PORT)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache

# Extraction quality on tests/eval: ours beside plain trafilatura.
eval: setup
	$(BIN)/python benchmarks/eval_extraction.py tests/eval
	$(BIN)/python benchmarks/eval_topic.py tests/topic

# Extraction seconds on 1, 4 and 16 MB pages, ours beside plain trafilatura: linear in page size.
bench-extract: setup
	$(BIN)/python benchmarks/extract_size.py 1 4 16

# Discovery on the tests/discoveryweb portals (one per CMS family): `crawl --url` beside a plain
# Scrapy CrawlSpider, articles found, non-articles stored, requests per article. A measurement: exits 0.
eval-discovery: setup
	$(BIN)/python benchmarks/eval_discovery.py

# Export speed and memory on synthetic archives of 20,000 and 200,000 articles (kept in benchmarks/data).
bench-export: setup
	$(BIN)/python benchmarks/export.py

# Crawl benchmark on a synthetic web of 50 portals x 200 articles, against plain trafilatura on all cores.
bench: setup
	$(BIN)/python benchmarks/crawl.py --portals 50 --articles 200 --grow

# Requests of a full crawl of the sample portals and of a re-run on the unchanged sites.
bench-requests: setup
	$(BIN)/python benchmarks/rerun_requests.py

# The browser test drives Debian's chromium through chromedriver: installed here when missing, as
# root with apt; elsewhere the test is skipped and says why.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing chromium and chromium-driver (apt) for the browser test"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; } || \
	      echo "chromium could not be installed: the browser test will be skipped"; \
	  else echo "chromium is missing and this is not root with apt: the browser test will be skipped"; fi; \
	fi

# The scale-out tests run a real redis-server (on a free port of 127.0.0.1): installed here when
# missing, as root with apt; elsewhere those tests are skipped and say why.
redis:
	@if ! command -v redis-server >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing redis-server (apt) for the scale-out tests"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q redis-server >/dev/null 2>&1 || \
	      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q redis-server >/dev/null 2>&1; } || \
	      echo "redis-server could not be installed: the scale-out tests will be skipped"; \
	  else echo "redis-server is missing and this is not root with apt: the scale-out tests will be skipped"; fi; \
	fi

# Search and facet latencies of Datasette on a synthetic archive of 100,000 articles.
bench-datasette: setup
	$(BIN)/python benchmarks/datasette_search.py

# Refresh the screenshots in docs/ from the browser test.
screenshots: setup browser
	mkdir -p docs
	NEWSARCHIVE_SCREENSHOTS=docs $(BIN)/python -m pytest -q tests/test_browser.py
