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

# The documents' links: every relative link names a file that exists and a heading it has (remark-validate-links,
# from the npm registry, installed into a directory of its own), and the README stays a newcomer's one or two screens.
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && npm install --silent --no-audit --no-fund remark-cli@12.0.1 remark-validate-links@13.1.0 > /dev/null)
"$tools/node_modules/.bin/remark" --no-config --no-stdout --frail --quiet \
  --use "$tools/node_modules/remark-validate-links/index.js=repository:false" \
  README.md docs/*.md docs/adr/*.md
echo "remark-validate-links: every link in the documents resolves"
lines=$(wc -l < README.md)
if [ "$lines" -ge 200 ]; then
  echo "README.md has $lines lines: keep it under 200, move depth into docs/" >&2
  exit 1
fi
