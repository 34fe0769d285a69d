#!/usr/bin/env bash
# Runs every test suite and ends with one "N passed, N failed" line:
# go vet, generated-code freshness, go test against a throwaway PostgreSQL,
# the frontend type check and unit tests, and the end-to-end browser tests
# against the real binary. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$(mktemp -d /tmp/jxc-test.XXXXXX)
chmod 755 "$out"
pass=0; fail=0; failed=()
note() { printf '\n=== %s\n' "$*"; }
step() { # step NAME CMD...: a pass/fail check counted as one test
  local name=$1; shift
  note "$name"
  if "$@"; then pass=$((pass+1)); else fail=$((fail+1)); failed+=("$name"); fi
}
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  .ci/pg.sh stop "$out/pg" >/dev/null 2>&1
  rm -rf "$out"
}
trap cleanup EXIT

step "go vet" go vet ./...
step "generated code is fresh" .ci/check-generated.sh

note "throwaway PostgreSQL"
dsn=$(.ci/pg.sh start "$out/pg") || { echo "could not start PostgreSQL"; tail -20 "$out/pg/postgres.log" "$out/pg/initdb.log" 2>/dev/null; exit 1; }
echo "$dsn"
export TEST_PG_DSN="$dsn"

note "go test"
go test -json -count=1 -timeout 20m ./... >"$out/go.json" 2>"$out/go.err"
go_rc=$?
# Print the human-readable output, then count per test (subtests included).
grep -h '"Action":"output"' "$out/go.json" | sed -E 's/.*"Output":"(.*)"}$/\1/; s/\\n$//; s/\\t/\t/g; s/\\"/"/g' | grep -E '^(---|ok|FAIL|panic|\s+\S+_test.go)' | grep -v -- '--- PASS' || true
cat "$out/go.err"
gp=$(grep -c '"Action":"pass","Package":"[^"]*","Test"' "$out/go.json")
gf=$(grep -c '"Action":"fail","Package":"[^"]*","Test"' "$out/go.json")
gpf=$(grep '"Action":"fail"' "$out/go.json" | grep -vc '"Test"')
# A package that failed without a failing test (build error, panic in TestMain) counts too.
if [ "$gpf" -gt 0 ] && [ "$gf" -eq 0 ]; then gf=$gpf; fi
if [ "$go_rc" -ne 0 ] && [ "$gf" -eq 0 ]; then gf=1; fi
echo "go test: $gp passed, $gf failed"
pass=$((pass+gp)); fail=$((fail+gf)); [ "$gf" -gt 0 ] && failed+=("go test")

step "fuzz targets (briefly; make fuzz runs longer)" .ci/fuzz.sh 3s

step "frontend type check" npm --prefix frontend run --silent typecheck

note "frontend unit tests"
(cd frontend && npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json")
vp=$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests)' "$out/vitest.json" 2>/dev/null || echo 0)
vf=$(node -e 'const r=require(process.argv[1]);console.log(r.numFailedTests+(r.success?0:(r.numFailedTests?0:1)))' "$out/vitest.json" 2>/dev/null || echo 1)
echo "vitest: $vp passed, $vf failed"
pass=$((pass+vp)); fail=$((fail+vf)); [ "$vf" -gt 0 ] && failed+=("vitest")

note "end-to-end (real binary, real browser)"
psql "$dsn dbname=postgres" -qc "CREATE DATABASE jxc_e2e" >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
DEMO=1 ADDR=127.0.0.1:$port DATABASE_URL="$dsn dbname=jxc_e2e" ./bin/jxc >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
(cd frontend && BASE_URL="http://127.0.0.1:$port" node --experimental-websocket --test --test-reporter=tap --test-concurrency=1 e2e/*.test.mjs) >"$out/e2e.tap" 2>&1
cat "$out/e2e.tap" | grep -Ev '^\s*(#|ok|1\.\.|TAP)' | grep -Ev '^\s*(---|\.\.\.|duration_ms|type:)' | head -80 || true
ep=$(grep -E '^# pass ' "$out/e2e.tap" | awk '{print $3}'); ep=${ep:-0}
ef=$(grep -E '^# fail ' "$out/e2e.tap" | awk '{print $3}'); ef=${ef:-1}
[ "$ep" -eq 0 ] && [ "$ef" -eq 0 ] && ef=1
echo "e2e: $ep passed, $ef failed"
if [ "$ef" -gt 0 ]; then failed+=("e2e"); echo "--- server log (tail)"; tail -30 "$out/server.log"; fi
pass=$((pass+ep)); fail=$((fail+ef))
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=

echo
[ "${#failed[@]}" -gt 0 ] && echo "failed suites: ${failed[*]}"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
