#!/usr/bin/env bash
# Regenerates gqlgen code (executor, models and the per-module resolver files,
# which gqlgen rewrites from the schema) and the frontend types, and fails
# when the committed copies differ: run `make generate` and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
make --no-print-directory generate >/dev/null
if ! git rev-parse --git-dir >/dev/null 2>&1; then exit 0; fi
generated=(graph/generated.go graph/models_gen.go graph/*.resolvers.go frontend/src/gql)
if ! git diff --quiet -- "${generated[@]}"; then
  echo "generated code is stale: run 'make generate' and commit the result" >&2
  git diff --stat -- "${generated[@]}" >&2
  exit 1
fi
if [ -n "$(git status --porcelain -- "${generated[@]}")" ]; then
  echo "generated files are not committed:" >&2
  git status --porcelain -- "${generated[@]}" >&2
  exit 1
fi
