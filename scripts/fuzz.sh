#!/usr/bin/env bash
# `npm run fuzz [-- REQUESTS]`: schemathesis against the API's OpenAPI document on a fresh local stack.
# Schemathesis comes from PyPI into a virtual environment cached outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
venv="${TEMPORAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jianjian}/schemathesis-$version"
# The newest Python at hand: CPython 3.11 before 3.11.8 can fail inside Hypothesis with
# "AST constructor recursion depth mismatch" (CPython gh-106905).
pick_python() {
  local root candidates=(python3.13 python3.12)
  root=$(pyenv root 2>/dev/null || true)
  [ -n "$root" ] && candidates+=($(ls -d "$root"/versions/3.1[23]*/bin/python3 2>/dev/null | sort -V | tail -1))
  for py in "${candidates[@]}" python3; do
    if "$py" -c 'import sys' >/dev/null 2>&1; then echo "$py"; return; fi
  done
}
if [ ! -x "$venv/bin/schemathesis" ]; then
  python=$(pick_python)
  echo "Installing schemathesis $version with $($python --version) into $venv (first run only)…"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi
SCHEMATHESIS="$venv/bin/schemathesis" exec npx tsx scripts/fuzz.ts "$@"
