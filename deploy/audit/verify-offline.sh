#!/usr/bin/env bash
# Recomputes Sagsspor's event chain from a copy of the event store with standard tools only (psql, sha256sum), and
# compares the link at a seal's position with the seal — as an auditor would, without Sagsspor's code (docs/audit.md).
#
#   deploy/audit/verify-offline.sh <postgresql-url> <seal-position> <seal-link>
#
# The URL is libpq's (postgresql://user:password@host:port/database); the seal comes from the seal topic (e.g.
# kafka-console-consumer.sh --topic sagsspor.seals --from-beginning) or GET /api/audit/seals. Prints "agrees" and exits
# 0, or prints where the recomputed link differs and exits 1. Hashes an event at a time: about a thousand a second.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 <postgresql-url> <seal-position> <seal-link>" >&2
  exit 2
fi
url=$1 position=$2 sealed=$3
[[ $position =~ ^[0-9]+$ ]] || { echo "the position must be a number" >&2; exit 2; }

link=$(printf '0%.0s' {1..64})
count=0
sep=$'\x1f'
# the payload's and metadata's bytes are hashed by the database's sha256(), the rest by sha256sum (coreutils)
while IFS=$sep read -r index id type aggregate sequence payload_type revision timestamp payload_hash meta_hash; do
  content=$(printf 'sagsspor-chain-v1\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s' \
    "$index" "$id" "$type" "$aggregate" "$sequence" "$payload_type" "$revision" "$timestamp" "$payload_hash" \
    "$meta_hash" | sha256sum | cut -c1-64)
  link=$(printf '%s:%s' "$link" "$content" | sha256sum | cut -c1-64)
  count=$((count + 1))
done < <(psql "$url" --no-psqlrc -At -F "$sep" -v ON_ERROR_STOP=1 -c "
  select globalindex, eventidentifier, coalesce(type, ''), aggregateidentifier, sequencenumber, payloadtype,
         coalesce(payloadrevision, ''), timestamp, encode(sha256(payload), 'hex'),
         encode(sha256(coalesce(metadata, ''::bytea)), 'hex')
    from domainevententry where globalindex <= $position order by globalindex")

if [[ $link == "$sealed" ]]; then
  echo "agrees: $count events up to position $position give the sealed link $sealed"
else
  echo "DIFFERS: $count events up to position $position give $link; the seal says $sealed"
  exit 1
fi
