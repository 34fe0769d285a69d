#!/usr/bin/env bash
# make bench: measured figures, reproducible with one command.
#  1. Go micro-benchmarks (a signed-in read over HTTP).
#  2. The live fan-out: 1,000 websocket subscribers on the real binary.
#  3. PostgreSQL's own limit with pgbench on a durable cluster (fsync on),
#     then the product on the same cluster: a company generated through the
#     domain services (resumable; BENCH_SCALE, default 1: the issue's
#     one million stock moves), writes through GraphQL at 1, 4 and 16
#     clients, reads at a tenth and at all of the history, peak memory.
# Prints one table and writes bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${BENCH_SCALE:-1}
out=$(mktemp -d /tmp/jxc-bench.XXXXXX); chmod 755 "$out"
bench=$PWD/bench/data
mkdir -p bench/results
cleanup() {
  .ci/pg.sh stop "$out/pg" >/dev/null 2>&1 || true
  .ci/pg.sh stop "$bench" keep >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT

echo "== Go benchmarks"
export TEST_PG_DSN=$(.ci/pg.sh start "$out/pg")
go test -run '^$' -bench . -benchmem -benchtime 2s ./... | grep -E '^(Benchmark|FAIL|---)' || true

echo "== live fan-out"
JXC_BENCH=1 JXC_BENCH_FANOUT="$out/fanout.json" go test -count=1 -run '^TestFanoutFigures$' -v ./server/ | grep --line-buffered -vE '^(=== RUN|--- PASS|PASS|ok )'
.ci/pg.sh stop "$out/pg" >/dev/null
unset TEST_PG_DSN

echo "== pgbench on a durable cluster"
dsn=$(.ci/pg.sh start "$bench" durable)
sock=$(sed -E 's/.*host=([^ ]+).*/\1/' <<<"$dsn")
pgb() { pgbench -h "$sock" -U postgres "$@"; }
psql -h "$sock" -U postgres -d postgres -qtc "SELECT 1 FROM pg_database WHERE datname = 'pgbench'" | grep -q 1 ||
  { psql -h "$sock" -U postgres -d postgres -qc "CREATE DATABASE pgbench"; pgb -i -q -s 16 pgbench >/dev/null 2>&1; }
tps() { sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p'; }
for c in 1 4 16; do
  export PGBENCH_TPCB_$c=$(pgb -c $c -j 2 -T 10 -M prepared pgbench 2>/dev/null | tps)
  v=PGBENCH_TPCB_$c; echo "pgbench TPC-B $c clients: ${!v} tps"
done
export PGBENCH_SELECT_16=$(pgb -S -c 16 -j 2 -T 10 -M prepared pgbench 2>/dev/null | tps)
echo "pgbench select-only 16 clients: $PGBENCH_SELECT_16 tps"

echo "== company (scale $scale): history through the services, then the binary over HTTP"
JXC_BENCH=1 JXC_BENCH_DSN="$dsn" JXC_BENCH_SCALE=$scale JXC_BENCH_FANOUT="$out/fanout.json" \
  go test -count=1 -timeout 150m -run '^TestBenchCompany$' -v ./db/ | grep --line-buffered -vE '^(=== RUN|--- PASS|PASS|ok )'
echo "results: bench/results/latest.json"
