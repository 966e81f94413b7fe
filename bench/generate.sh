#!/usr/bin/env bash
# Fills a running application's database with realistic Indonesian marketplace data (bench/generate.py).
#   bench/generate.sh --demo                                   # 2,000 listings of 200 sellers, into ./data's database
#   bench/generate.sh --listings 1000000 --sellers 100000 --db postgresql://postgres@localhost:55539/pasar
# Default database: the embedded one of `./mvnw -pl api-gateway -am spring-boot:run` (port 54329).
# Needs python3 and psql (Debian: postgresql-client).
set -euo pipefail
exec python3 "$(dirname "$0")/generate.py" "$@"
