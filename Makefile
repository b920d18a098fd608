# posebook: `make site` builds the website into site/, `make test` runs every test.
# Both create .venv with the exact versions in requirements.lock and install the Debian
# packages WeasyPrint needs when they are missing (as root, with apt-get).
# `make site-properdocs` and `make site-zensical` build the same site into site/ with the tools
# that come after MkDocs 1.6, each from its own venv and lock file (see the README).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Lighthouse for the browser tests, from the npm registry at the version package-lock.json pins.
LIGHTHOUSE := tests/browser/lighthouse/node_modules/.installed
PROPERDOCS_STAMP := .venv-properdocs/.installed
ZENSICAL_STAMP := .venv-zensical/.installed
# Material prints an end-of-life notice to stderr whenever the `mkdocs` command imports it; this
# variable is Material's own switch for it and changes nothing else (the README says why).
export NO_MKDOCS_2_WARNING := 1
# WeasyPrint's libraries (site and cards); pdftoppm and chromium for the tests and screenshots.
SITE_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := $(SITE_PACKAGES) poppler-utils chromium

.PHONY: site site-properdocs site-zensical test lint format serve check schema screenshots figures bench debian clean

# Dates in the site (the sitemap's) are those of the last commit, so two builds of one commit on two days
# match byte for byte. Outside git: the newest change to the library. A value the caller sets wins.
ifeq ($(origin SOURCE_DATE_EPOCH), undefined)
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || find docs mkdocs.yml -type f -printf '%T@\n' 2>/dev/null | sort -n | tail -n 1 | cut -d. -f1)
endif
export SOURCE_DATE_EPOCH

site: $(STAMP)
	@$(MAKE) --no-print-directory debian PACKAGES="$(SITE_PACKAGES)"
	$(BIN)/mkdocs build --strict

# Zensical builds `posebook generate` output into its own folder, inside the project it builds;
# site/ is replaced only once that build has succeeded.
site-zensical: $(STAMP) $(ZENSICAL_STAMP)
	@$(MAKE) --no-print-directory debian PACKAGES="$(SITE_PACKAGES)"
	rm -rf build/zensical
	$(BIN)/posebook generate build/zensical
	cd build/zensical && ../../.venv-zensical/bin/zensical build --strict
	rm -rf build/site.old
	if [ -d site ]; then mv site build/site.old; fi
	mv build/zensical/site site
	rm -rf build/site.old build/zensical

site-properdocs: $(PROPERDOCS_STAMP)
	@$(MAKE) --no-print-directory debian PACKAGES="$(SITE_PACKAGES)"
	.venv-properdocs/bin/properdocs build --strict -f mkdocs.yml

# The three-way comparison in tests/adapters builds the seed library with both other tools too.
test: $(STAMP) $(PROPERDOCS_STAMP) $(ZENSICAL_STAMP) $(LIGHTHOUSE)
	@$(MAKE) --no-print-directory debian PACKAGES="$(TEST_PACKAGES)"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	POSEBOOK_ALL_TOOLS=1 $(BIN)/python -m pytest

serve: $(STAMP)
	@$(MAKE) --no-print-directory debian PACKAGES="$(SITE_PACKAGES)"
	$(BIN)/mkdocs serve

# PNGs of the home, a pose and the sequence page (desktop and phone, light and dark) and of
# every card page, into screenshots/ for review.
screenshots: site
	@$(MAKE) --no-print-directory debian PACKAGES="$(TEST_PACKAGES)"
	$(BIN)/python scripts/screenshots.py

# Every pose figure of the library on one sheet, to look at: figures/sheet.pdf and a PNG per page.
figures: $(STAMP)
	@$(MAKE) --no-print-directory debian PACKAGES="$(SITE_PACKAGES) poppler-utils"
	$(BIN)/python scripts/figures.py docs figures

# Synthetic libraries of 100, 500 and 1,000 poses against a plain Material build of the same
# Markdown; prints a Markdown table and writes bench/results.json. Takes several minutes.
bench: $(STAMP)
	@$(MAKE) --no-print-directory debian PACKAGES="$(SITE_PACKAGES)"
	$(BIN)/python scripts/bench.py

# The linter and the formatter, as make test runs them; `make format` rewrites the files.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(STAMP)
	$(BIN)/posebook check

schema: $(STAMP)
	$(BIN)/posebook schema -o schemas

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "posebook needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(LIGHTHOUSE): tests/browser/lighthouse/package.json tests/browser/lighthouse/package-lock.json
	@command -v npm >/dev/null || { echo "the browser tests need Node.js and npm (Debian: apt-get install nodejs npm)"; exit 1; }
	cd tests/browser/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The other tools' venvs: exactly what their lock files list (--no-deps), and posebook itself
# as an editable install, so ProperDocs runs the hook and Zensical finds posebook's Markdown extension.
.venv-%/.installed: requirements-%.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "posebook needs Python 3.11 or newer")'
	$(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-$*.lock
	.venv-$*/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# Installs the Debian packages in PACKAGES that are missing, or says how to.
debian:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "posebook needs these Debian packages:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site .cache build
