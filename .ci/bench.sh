#!/usr/bin/env bash
# Measured figures: Go benchmarks against a throwaway PostgreSQL. The
# performance work extends this with the company-scale benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/jxc-bench.XXXXXX); chmod 755 "$out"
trap '.ci/pg.sh stop "$out/pg" >/dev/null 2>&1; rm -rf "$out"' EXIT
export TEST_PG_DSN=$(.ci/pg.sh start "$out/pg")
go test -run '^$' -bench . -benchmem -benchtime 2s ./... | grep -E '^(Benchmark|ok|FAIL|---)' 
# The live graph's fan-out: 1,000 websocket subscribers on the real binary.
JXC_BENCH=1 go test -count=1 -run '^TestFanoutFigures$' -v ./server/ | grep -vE '^(=== RUN|--- PASS|PASS|ok )'
