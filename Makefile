# The two entry points README.md promises; both install missing system packages first.
.PHONY: deps notebooks test bench

deps:
	./scripts/install-deps

# Main job: build the engine and run its demo of the seed post's shapes.
notebooks: deps
	swift run -c release TensorsDemo

test: deps
	swift test

bench: deps
	swift run -c release TensorsBenchmarks
