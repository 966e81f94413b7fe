#!/usr/bin/env bash
# One release of the API on Kubernetes (ADR 0034): the migrations once, as the owner, then the
# rollout of the instances, which do not migrate. Needs kubectl (1.27+, with kustomize) and a
# context on the cluster; the operators and the Secrets of README.md must be there.
#
#   deploy/k8s/release.sh registry.pasar.example/pasar-api:1.4.0            # production
#   OVERLAY=peak-12-12 deploy/k8s/release.sh registry.pasar.example/pasar-api:1.4.0
set -euo pipefail
IMAGE=${1:?usage: release.sh <image:tag>}
OVERLAY=${OVERLAY:-production}
NAMESPACE=${NAMESPACE:-pasar}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# The release is the image that the job and the instances both run.
cp -r "$HERE/." "$WORK/"
sed -i "s|newName: .*|newName: ${IMAGE%:*}|; s|newTag: .*|newTag: \"${IMAGE##*:}\"|" "$WORK/overlays/release/kustomization.yaml"

# 1. The migrations: the previous release's job goes, this one runs to completion or the release stops.
kubectl -n "$NAMESPACE" delete job pasar-migrate --ignore-not-found --wait=true
kubectl apply -k "$WORK/overlays/production-migrate"
if ! kubectl -n "$NAMESPACE" wait --for=condition=complete --timeout=6h job/pasar-migrate; then
  kubectl -n "$NAMESPACE" logs job/pasar-migrate --tail=100 >&2 || true
  echo "the migration job did not complete: nothing rolled out" >&2
  exit 1
fi

# 2. The instances of the release, a quarter more at a time, none taken down before its successor is ready.
kubectl apply -k "$WORK/overlays/$OVERLAY"
kubectl -n "$NAMESPACE" rollout status deployment/pasar-api --timeout=30m
