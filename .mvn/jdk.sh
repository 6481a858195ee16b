# shellcheck shell=sh
# Sagsspor builds and runs on Java 25. Sourced by ./mvnw and deploy/local/env.sh: when JAVA_HOME is not a JDK 25 or
# newer, takes one from /usr/lib/jvm (machines of this project's kind have Temurin 25 there, beside an older default
# JDK) and exports it as JAVA_HOME; with none to be found, says what to install and stops.
sagsspor_jdk_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
sagsspor_jdk_ok() {
  [ -x "$1/bin/javac" ] && [ "$(sagsspor_jdk_major "$1")" -ge 25 ] 2>/dev/null
}
if [ -z "${JAVA_HOME-}" ] || ! sagsspor_jdk_ok "$JAVA_HOME"; then
  case $- in *f*) sagsspor_noglob=true; set +f ;; *) sagsspor_noglob=false ;; esac
  sagsspor_found=""
  for sagsspor_candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if sagsspor_jdk_ok "$sagsspor_candidate"; then
      sagsspor_found="$sagsspor_candidate"
      break
    fi
  done
  if [ "$sagsspor_noglob" = true ]; then set -f; fi
  if [ -z "$sagsspor_found" ]; then
    echo "Sagsspor needs a JDK 25 or newer: none in JAVA_HOME (${JAVA_HOME-unset}) or /usr/lib/jvm." >&2
    echo "Install one (e.g. Eclipse Temurin 25, package temurin-25-jdk from Adoptium) and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$sagsspor_found"
  export JAVA_HOME
fi
