#!/usr/bin/env bash
# Makes sure this machine has what Sagsspor needs to build, test and run without Docker:
# a JDK 25, the PostgreSQL server binaries (initdb, pg_ctl) and client (psql), pdftotext and jq. Installs PostgreSQL and poppler-utils
# from the distribution's packages if missing (Debian/Ubuntu: apt-get; needs root); a JDK 25 is looked for (JAVA_HOME, /usr/lib/jvm: see
# .mvn/jdk.sh) and, where there is none, named for you to install — Debian 12 has no package of it. Idempotent.
set -euo pipefail

log() { printf '[prerequisites] %s\n' "$*"; }

have_postgres() {
  if [ -n "${SAGSSPOR_POSTGRES_BIN:-}" ] && [ -x "$SAGSSPOR_POSTGRES_BIN/initdb" ]; then return 0; fi
  compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null && return 0
  command -v initdb > /dev/null && command -v pg_ctl > /dev/null
}

jdk=$(bash -c 'source "$(dirname "$0")/../../.mvn/jdk.sh" && echo "$JAVA_HOME"' "$0") || exit 1

missing=()
if ! have_postgres; then missing+=(postgresql); fi
# pdftotext (poppler): the smoke session reads the minutes PDF back with a reader that is not ours
if ! command -v pdftotext > /dev/null; then missing+=(poppler-utils); fi
# jq and psql: the auditor's offline checks (deploy/audit/) are tested with the tools an auditor has
if ! command -v jq > /dev/null; then missing+=(jq); fi
if ! command -v psql > /dev/null; then missing+=(postgresql-client); fi

if [ ${#missing[@]} -eq 0 ]; then
  log "JDK 25 ($jdk), PostgreSQL server binaries and psql, pdftotext and jq present"
  exit 0
fi

if ! command -v apt-get > /dev/null; then
  log "missing: ${missing[*]}; install them with your package manager (no apt-get here)"
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
log "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
# The package may start a cluster of its own; Sagsspor runs its own clusters on other ports.
if command -v pg_lsclusters > /dev/null; then
  pg_lsclusters -h 2>/dev/null | while read -r version name _; do
    $sudo pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
  done
fi
log "installed: ${missing[*]}"
