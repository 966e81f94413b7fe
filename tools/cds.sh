#!/usr/bin/env bash
# Prepares the packaged application for a fast start: extracts the jar (classes load from plain jars,
# not from a jar nested in a jar) and records a class data sharing archive of every class the
# application loads while it starts (a training start on a throwaway embedded database that exits
# once the context is up). docs/performance.md, "Start", has the figures.
#
#   tools/cds.sh                                  # api-gateway/target/pasar-api.jar -> api-gateway/target/cds/
#   tools/cds.sh some/pasar-api.jar /app          # as the Dockerfile does
# then start it with the same java:
#   java -XX:SharedArchiveFile=<dest>/pasar-api.jsa -jar <dest>/pasar-api.jar
# The archive belongs to the java that made it; another JVM ignores it (with a warning) and starts
# as fast as the extracted jar alone.
set -euo pipefail
JAR=${1:-api-gateway/target/pasar-api.jar}
DEST=${2:-api-gateway/target/cds}
PORT=${CDS_TRAINING_DB_PORT:-55601}
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -DskipTests package)" >&2; exit 1; }

rm -rf "$DEST/lib" "$DEST/pasar-api.jar" "$DEST/pasar-api.jsa"
mkdir -p "$DEST"
java -Djarmode=tools -jar "$JAR" extract --destination "$DEST"

TRAINING=$(mktemp -d)
stop_training_db() {
  # The context exits without closing (spring.context.exit=onRefresh), so the embedded postmaster is stopped here.
  local pm
  pm=$(head -1 "$TRAINING/postgres/postmaster.pid" 2> /dev/null || true)
  if [ -n "$pm" ] && kill -0 "$pm" 2> /dev/null; then
    kill "$pm" 2> /dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pm" 2> /dev/null || break; sleep 0.1; done
  fi
  rm -rf "$TRAINING"
}
trap stop_training_db EXIT
java -XX:ArchiveClassesAtExit="$DEST/pasar-api.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh \
  -jar "$DEST/pasar-api.jar" --server.port=0 --pasar.data-dir="$TRAINING" --pasar.embedded-database-port="$PORT" \
  > "$TRAINING/training.log" 2>&1 || { tail -30 "$TRAINING/training.log" >&2; exit 1; }
[ -s "$DEST/pasar-api.jsa" ] || { echo "no archive was written" >&2; tail -30 "$TRAINING/training.log" >&2; exit 1; }
echo "ready: java -XX:SharedArchiveFile=$DEST/pasar-api.jsa -jar $DEST/pasar-api.jar"
