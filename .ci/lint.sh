#!/usr/bin/env bash
# Lints what the Java build does not: the deployment manifests and YAML configuration (yamllint, from
# Debian's packages) and the checked-in OpenAPI documents (Spectral, from the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v yamllint > /dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq > /dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq yamllint > /dev/null
fi
yamllint -c .yamllint.yaml deploy/ .spectral.yaml .yamllint.yaml \
  command-service/src/main/resources/application.yml query-service/src/main/resources/application.yml
echo "yamllint: deploy/ and configuration clean"

npx --yes @stoplight/spectral-cli@6.16.3 lint docs/openapi/*.json --ruleset .spectral.yaml --fail-severity warn
