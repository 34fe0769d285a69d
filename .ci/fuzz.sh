#!/usr/bin/env bash
# Runs every Go fuzz target for a while: `fuzz.sh 3s` in make test, longer
# in make fuzz. Fuzz targets are found in the test files themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-60s}
rc=0
for file in $(grep -rl --include='*_test.go' --exclude-dir=node_modules '^func Fuzz' .); do
  pkg=./$(dirname "${file#./}")
  for f in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $f for $t"
    if ! go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" "$pkg" >/tmp/jxc-fuzz.log 2>&1; then
      tail -30 /tmp/jxc-fuzz.log; rc=1
    fi
  done
done
exit $rc
