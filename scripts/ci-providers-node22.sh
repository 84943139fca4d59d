#!/usr/bin/env bash
# The provider tests of the latest SDK lines (ai 7 family, @google/genai 3), which need Node 22.
# Run it in the Node 22 leg, after the build, with Node 22's bin directory first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 22 ]; then
  echo "ci-providers-node22.sh needs Node 22 or later on PATH, found $(node --version)" >&2
  exit 1
fi
for pkg in packages/ai-sdk packages/gemini; do
  if [ -f "$pkg/vitest.node22.config.ts" ]; then
    (cd "$pkg" && npx vitest run --config vitest.node22.config.ts)
  fi
done
