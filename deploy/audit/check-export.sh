#!/usr/bin/env bash
# Checks an export of a committee's decision register (GET /api/audit/decision-register) with standard tools only
# (jq, base64, sha256sum), as an auditor would without Sagsspor's code (docs/audit.md):
#   1. each entry's content hash is what its stored event's fields hash to;
#   2. walking the chain's content hashes from the link before the first entry gives each entry's link, and at each
#      seal's position the seal's link — compare those seals with your own copy of the seal topic.
#
#   deploy/audit/check-export.sh <export.json>
#
# Prints "agrees" and exits 0, or names each difference and exits 1.
set -euo pipefail

if [[ $# -ne 1 || ! -r $1 ]]; then
  echo "usage: $0 <export.json>" >&2
  exit 2
fi
export_file=$1
sep=$'\x1f'
differences=0

sha() { sha256sum | cut -c1-64; }

while IFS=$sep read -r position id type aggregate sequence payload_type revision timestamp payload meta hash; do
  content=$(printf 'sagsspor-chain-v1\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' \
    "$position" "$id" "$type" "$aggregate" "$sequence" "$payload_type" "$revision" "$timestamp" \
    "$(printf '%s' "$payload" | base64 -d | sha)" "$(printf '%s' "$meta" | base64 -d | sha)" | sha)
  if [[ $content != "$hash" ]]; then
    echo "entry at position $position: its event hashes to $content, the export says $hash"
    differences=$((differences + 1))
  fi
done < <(jq -r --arg sep "$sep" '.entries[] | [.position, .event.eventIdentifier, .event.aggregateType,
  .event.aggregateIdentifier, .event.sequenceNumber, .event.payloadType, (.event.payloadRevision // ""),
  .event.timestamp, .event.payload, (.event.metaData // ""), .contentHash] | map(tostring) | join($sep)' "$export_file")

declare -A walked
link=$(jq -r '.chain.previousLink // empty' "$export_file")
while read -r position content; do
  link=$(printf '%s:%s' "$link" "$content" | sha)
  walked[$position]=$link
done < <(jq -r '.chain.contentHashes[]? | "\(.position) \(.contentHash)"' "$export_file")

while read -r what position expected; do
  if [[ ${walked[$position]:-} != "$expected" ]]; then
    echo "$what at position $position: the chain walks to ${walked[$position]:-nothing}, the export says $expected"
    differences=$((differences + 1))
  fi
done < <(jq -r '(.entries[] | "entry \(.position) \(.link)"), (.seals[] | "seal \(.position) \(.link)")' \
  "$export_file")

entries=$(jq '.entries | length' "$export_file")
seals=$(jq '.seals | length' "$export_file")
if [[ $differences -eq 0 ]]; then
  echo "agrees: $entries entries hash to their links, and the chain walks to the links of $seals seals"
else
  echo "DIFFERS: $differences differences"
  exit 1
fi
