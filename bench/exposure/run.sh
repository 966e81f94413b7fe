#!/usr/bin/env bash
# What counting exposure once per client costs a request, and a client in memory
# (docs/performance.md, "Exposure counted once per client"). Needs a JDK 17+; about a minute.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./mvnw -B -ntp -q -pl catalog -am compile dependency:build-classpath -Dmdep.outputFile="$out/classpath" -Dmdep.includeScope=runtime
cp="catalog/target/classes:$(cat "$out/classpath")"
javac -cp "$cp" -d "$out" bench/exposure/ExposureCost.java
java -Xmx512m -cp "$cp:$out" id.pasar.catalog.internal.ExposureCost
