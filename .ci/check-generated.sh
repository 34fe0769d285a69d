#!/usr/bin/env bash
# Regenerates gqlgen code and frontend types and fails when the committed
# copies differ: generated code must be regenerated with `make generate`.
set -euo pipefail
cd "$(dirname "$0")/.."
make --no-print-directory generate >/dev/null
if ! git rev-parse --git-dir >/dev/null 2>&1; then exit 0; fi
if ! git diff --quiet -- graph/generated.go graph/models_gen.go frontend/src/gql; then
  echo "generated code is stale: run 'make generate' and commit the result" >&2
  git diff --stat -- graph/generated.go graph/models_gen.go frontend/src/gql >&2
  exit 1
fi
if [ -n "$(git status --porcelain -- frontend/src/gql graph/generated.go graph/models_gen.go)" ]; then
  echo "generated files are not committed:" >&2
  git status --porcelain -- frontend/src/gql graph/generated.go graph/models_gen.go >&2
  exit 1
fi
