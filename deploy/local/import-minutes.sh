#!/usr/bin/env bash
# Imports a folder of minutes (.txt and .pdf) into the running Sagsspor, one file at a time through the
# command API, with a progress bar and a summary table per file; exits 1 if any file failed.
#
#   deploy/local/import-minutes.sh FOLDER [--dry-run] [--url URL] [--user name:password]
#
# The user defaults to SAGSSPOR_USER, else the demo secretary hast:demo-hast; the URL to the local stack's
# command service. Needs the command service's jar (built by up.sh or ./mvnw package).
set -euo pipefail
source "$(dirname "$0")/env.sh"
jar=$(ls "$SAGSSPOR_ROOT"/command-service/target/command-service-*-exec.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then
  (cd "$SAGSSPOR_ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl command-service -am)
  jar=$(ls "$SAGSSPOR_ROOT"/command-service/target/command-service-*-exec.jar | head -n 1)
fi
SAGSSPOR_USER="${SAGSSPOR_USER:-hast:demo-hast}" exec java -cp "$jar" \
  -Dloader.main=dk.sagsspor.command.imports.BulkImport org.springframework.boot.loader.launch.PropertiesLauncher \
  --url "$SAGSSPOR_COMMAND_URL" "$@"
