# The entry points README.md promises; each installs missing system packages first.
.PHONY: deps build notebooks preview test bench

# Lessons train models, so their programs link the engine built optimized (FOLIO_RUNTIME_DIR);
# the folio binary itself is the debug build that `swift test` uses.
FOLIO = FOLIO_RUNTIME_DIR=$(CURDIR)/.build/release .build/debug/folio

deps:
	./scripts/install-deps

# `swift build` builds the folio binary; the release build of FolioRuntime is the
# libFolioRuntime.so (engine included) that notebook programs link.
build: deps
	swift build
	swift build -c release --product FolioRuntime

# Main job: run the notebooks (outputs written into the .md files) and render them to site/.
notebooks: build
	$(FOLIO) run Notebooks
	$(FOLIO) render Notebooks --out site

# The rendered notebooks at http://127.0.0.1:8000, re-run and reloaded when a notebook is saved.
preview: build
	$(FOLIO) preview Notebooks

# Unit and end-to-end tests, then a check that the committed notebooks' outputs are current.
test: build
	swift test
	$(FOLIO) check Notebooks

# Engine benchmarks side by side with TensorFlow and PyTorch where PYTHON can import them
# (see BENCHMARKS.md for the venv); Benchmarks/seed-notebook.sh and Benchmarks/scale.sh time folio itself.
PYTHON ?= python3

bench: deps
	$(PYTHON) Benchmarks/peers.py
