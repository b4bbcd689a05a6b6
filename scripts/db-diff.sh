#!/usr/bin/env bash
# Prints the SQL migration from the schema at a git revision (default HEAD) to the working schema.
# Prisma's WebAssembly engine cannot diff against a live database, so the last committed schema is
# the starting point. Needs DATABASE_URL pointing at any reachable PostgreSQL (e.g. `npm start`'s).
set -euo pipefail
base=$(mktemp --suffix=.prisma)
trap 'rm -f "$base"' EXIT
git show "${1:-HEAD}:prisma/schema.prisma" > "$base"
npx prisma migrate diff --from-schema-datamodel "$base" --to-schema-datamodel prisma/schema.prisma --script
