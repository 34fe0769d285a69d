# JXC: `make run` to start the product, `make test` to test everything.
SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO ?= go
ADDR ?= 127.0.0.1:8080
DATA_DIR ?= ./data
DEMO ?= 1

.PHONY: run build deps deps-system deps-go deps-node frontend generate test bench fuzz soak clean

## run: install what is missing, build, start the server (demo company on first start)
run: build
	DEMO=$(DEMO) ADDR=$(ADDR) DATA_DIR=$(DATA_DIR) ./bin/jxc

## build: the SPA and the one binary that embeds it
build: deps frontend
	$(GO) build -o bin/jxc ./server

frontend: deps-node
	npm --prefix frontend run --silent build

## deps: system packages (PostgreSQL server, chromium), Go modules, npm packages
deps: deps-system deps-go deps-node

APT_NEEDED = $(strip $(if $(shell ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null || command -v initdb),,postgresql) \
	$(if $(shell command -v psql),,postgresql-client) \
	$(if $(wildcard /usr/bin/chromium),,chromium fonts-noto-cjk) \
	$(if $(shell command -v curl),,curl))

deps-system:
	@if [ -n "$(APT_NEEDED)" ]; then \
	  echo "installing: $(APT_NEEDED)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_NEEDED) >/dev/null; \
	fi
	@if [ "$$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --home /var/lib/postgresql --shell /bin/bash postgres; fi

deps-go:
	@$(GO) mod download

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

deps-node: frontend/node_modules/.package-lock.json

## generate: gqlgen code and frontend GraphQL types (committed; CI checks they are fresh)
generate: deps-node
	$(GO) run github.com/99designs/gqlgen generate
	npm --prefix frontend run --silent codegen

## test: every test; ends with "N passed, N failed"
test: build
	.ci/test.sh

## bench: measured figures (the performance work extends it)
bench: build
	.ci/bench.sh

## fuzz: every Go fuzz target for FUZZTIME each (default 60s)
FUZZTIME ?= 60s
fuzz: deps-go
	TEST_PG_DSN= .ci/fuzz.sh $(FUZZTIME)

## soak: the concurrent-business test at length (32 clients x SOAK_OPS operations each)
SOAK_OPS ?= 300
soak: deps-go
	JXC_CHAOS_OPS=$(SOAK_OPS) $(GO) test -count=1 -timeout 60m -run '^TestConcurrentBusinessKeepsTheBooks$$' -v ./server/

clean:
	rm -rf bin frontend/dist/assets frontend/dist/*.html
