#!/usr/bin/env bash
# A secretariat's session against a running Sagsspor, checking every answer: schedule a meeting,
# propose and schedule items, publish the agenda, open the meeting, decide one item, defer one,
# close the meeting, schedule the next one, then read outstanding items back from the query side; assign a
# follow-up whose due date has passed and see the overdue alert mailed and the deadline in a calendar feed.
# up.sh runs it once as demo data; CI runs it as the smoke test. Exits non-zero on the first surprise.
# It logs in as the demo users of deploy/local/demo-users.yml: hast (secretary of KKR Nordjylland), laes
# (reader), mije (secretary of KKR Midtjylland), admin, revi (auditor); override with SAGSSPOR_SECRETARY etc.
# ("user:password"). Last, the history is sealed and verified intact, as an auditor sees it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
COMMANDS="${1:-$SAGSSPOR_COMMAND_URL}"
QUERIES="${2:-$SAGSSPOR_QUERY_URL}"
RUN="$(date +%s)-$$"
SECRETARY="${SAGSSPOR_SECRETARY:-hast:demo-hast}"
READER="${SAGSSPOR_READER:-laes:demo-laes}"
OTHER_SECRETARY="${SAGSSPOR_OTHER_SECRETARY:-mije:demo-mije}"
ADMIN="${SAGSSPOR_ADMIN:-admin:demo-admin}"
AUDITOR="${SAGSSPOR_AUDITOR:-revi:demo-revi}"
AS="$SECRETARY"
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

# request METHOD URL EXPECTED_STATUS [JSON] [extra curl args...], as the user in $AS; the body lands in $BODY
request() {
  local method=$1 url=$2 expected=$3 json=${4:-}
  shift 4 || shift $#
  local status
  status=$(curl -s -o "$BODY" -w '%{http_code}' -X "$method" "$url" \
    ${AS:+-u "$AS"} -H 'Content-Type: application/json' -H "X-Correlation-Id: smoke-$RUN" \
    ${json:+--data "$json"} "$@")
  [ "$status" = "$expected" ] || fail "$method $url answered $status, expected $expected: $(cat "$BODY")"
}
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$BODY" "$1"; }

request POST "$COMMANDS/api/meetings" 201 \
  '{"committee": "KKR Nordjylland", "start": "2025-04-11T10:00", "end": "2025-04-11T12:00", "location": "Aalborg Rådhus"}' \
  -H "Idempotency-Key: smoke-meeting-$RUN"
meeting=$(field id)
request POST "$COMMANDS/api/meetings" 201 \
  '{"committee": "KKR Nordjylland", "start": "2025-04-11T10:00", "end": "2025-04-11T12:00", "location": "Aalborg Rådhus"}' \
  -H "Idempotency-Key: smoke-meeting-$RUN"
[ "$(field id)" = "$meeting" ] || fail "a retried request with the same Idempotency-Key created another meeting"

request POST "$COMMANDS/api/agenda-items" 201 \
  '{"committee": "KKR Nordjylland", "title": "Godkendelse af referat fra mødet den 7. februar 2025", "caseNumber": "SAG-2025-00681", "caseOfficers": ["haan", "hast"], "recommendation": "Det indstilles, at KKR Nordjylland godkender referatet."}'
minutes=$(field id)
request POST "$COMMANDS/api/agenda-items" 201 \
  '{"committee": "KKR Nordjylland", "title": "Orientering om det specialiserede socialområde", "caseNumber": "SAG-2025-00681", "caseOfficers": ["haan"], "background": "Der er indgået en aftale om en tværkommunal udviklingsgruppe."}'
orientation=$(field id)

request POST "$COMMANDS/api/agenda-items/$minutes/scheduling" 200 "{\"meetingId\": \"$meeting\", \"number\": \"1.1\", \"section\": \"Godkendelse af referat\"}"
request POST "$COMMANDS/api/agenda-items/$orientation/scheduling" 200 "{\"meetingId\": \"$meeting\", \"number\": \"3.1\", \"section\": \"Regionalpolitiske sager\"}"
request POST "$COMMANDS/api/meetings/$meeting/agenda-publication" 200 '{}'
request POST "$COMMANDS/api/meetings/$meeting/opening" 200 '{}'
request POST "$COMMANDS/api/agenda-items/$minutes/decision" 200 '{"outcome": "APPROVED", "text": "KKR Nordjylland godkendte referatet."}' -H 'If-Match: "1"'
request POST "$COMMANDS/api/agenda-items/$minutes/decision" 409 '{"outcome": "REJECTED", "text": "Igen"}'
request POST "$COMMANDS/api/agenda-items/$orientation/deferral" 200 '{"reason": "Afventer afrapporteringen"}'
request POST "$COMMANDS/api/meetings/$meeting/closing" 200 '{}'
request POST "$COMMANDS/api/meetings" 201 '{"committee": "KKR Nordjylland", "start": "2025-06-13T10:00", "location": "Hjørring Rådhus"}'

# the query side catches up within moments
await_status() {
  local item=$1 wanted=$2
  for _ in $(seq 1 100); do
    if curl -fs -u "$READER" -o "$BODY" "$QUERIES/api/agenda-items/$item" && [ "$(field status)" = "$wanted" ]; then return 0; fi
    sleep 0.2
  done
  fail "agenda item $item did not reach $wanted on the query side: $(cat "$BODY")"
}
await_status "$minutes" DECIDED
[ "$(field result)" = "APPROVED" ] || fail "decision outcome not projected"
await_status "$orientation" SCHEDULED
[ "$(field timesDeferred)" = "1" ] || fail "deferral not counted"
[ "$(field meeting)" != "$meeting" ] || fail "the deferred item was not carried over to another meeting"
request GET "$QUERIES/api/agenda-items/no-such-item" 404 ''

# the minutes as the document a secretariat files, read back by a PDF reader that is not ours (poppler's pdftotext)
AS="$READER" request GET "$QUERIES/api/meetings/$meeting/minutes.pdf" 200 ''
if command -v pdftotext > /dev/null; then
  minutes_text=$(pdftotext -enc UTF-8 "$BODY" -)
  for expected in "Referat" "KKR Nordjylland" "fredag den 11. april 2025, kl. 10.00–12.00" "Aalborg Rådhus" \
      "1.1. Godkendelse af referat fra mødet den 7. februar 2025" "SAG-2025-00681 haan/hast" \
      "Beslutning: Godkendt" "KKR Nordjylland godkendte referatet." "Beslutning: Udsat til et senere møde"; do
    grep -qF "$expected" <<< "$minutes_text" || fail "the minutes PDF does not say \"$expected\": $minutes_text"
  done
else
  echo "pdftotext is not installed (deploy/local/prerequisites.sh installs poppler-utils): the minutes PDF is not read back"
fi

# the decision creates work: a follow-up for a staff member of the directory, seen in the deadlines view
AS="$ADMIN" request PUT "$COMMANDS/api/staff/hast" 200 '{"name": "Hanne Stougaard", "email": "hast@kl.dk"}'
request POST "$COMMANDS/api/agenda-items/$minutes/follow-ups" 201 \
  '{"description": "Referatet sendes til kommunerne", "dueDate": "2025-05-31", "assignee": "hast", "source": "senest den 31. maj 2025"}'
follow_up=$(field id)
request POST "$COMMANDS/api/agenda-items/$minutes/follow-ups" 409 '{"description": "x", "dueDate": "2025-05-31", "assignee": "nobody"}'
for _ in $(seq 1 100); do
  if curl -fs -u "$READER" -o "$BODY" "$QUERIES/api/follow-ups/$follow_up"; then break; fi
  sleep 0.2
done
[ "$(field assigneeName)" = "Hanne Stougaard" ] || fail "follow-up $follow_up not in the deadlines view: $(cat "$BODY")"

# its due date has passed: the overdue alert goes out (once) by mail and on the alerts topic
for _ in $(seq 1 150); do
  if curl -fs -u "$READER" -o "$BODY" "$QUERIES/api/alerts?followUp=$follow_up&state=sent" \
      && python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["data"] else 1)' "$BODY"; then break; fi
  sleep 0.2
done
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["data"]; sys.exit(0 if len(d) == 1 and d[0]["kind"] == "overdue" else 1)' "$BODY" \
  || fail "no overdue alert sent for follow-up $follow_up: $(curl -s -u "$READER" "$QUERIES/api/alerts?followUp=$follow_up")"
if curl -fs "$SAGSSPOR_MAIL_URL/api/service/readiness" > /dev/null 2>&1; then
  curl -fs -o "$BODY" "$SAGSSPOR_MAIL_URL/api/user/hast@kl.dk/messages/INBOX" || fail "the mail server has no mailbox for hast@kl.dk"
  grep -q "Frist overskredet: Referatet sendes til kommunerne" "$BODY" || fail "the alert mail did not arrive: $(cat "$BODY")"
fi
request GET "$QUERIES/api/calendars/staff/hast.ics" 200 ''
grep -q "UID:follow-up-$follow_up@sagsspor.dk" "$BODY" || fail "the follow-up is not in hast's calendar feed"

# hast's weekly digest as a client reads it (the mail goes out on Mondays): the overdue follow-up among the first;
# hast may say no to the mail (and yes again), a reader may not for hast
AS="$READER" request GET "$QUERIES/api/digests/hast" 200 ''
python3 -c 'import json,sys; f=[x for x in json.load(open(sys.argv[1]))["followUps"] if x["id"] == sys.argv[2]]; sys.exit(0 if f and f[0]["overdue"] else 1)' \
  "$BODY" "$follow_up" || fail "the overdue follow-up is not in hast's digest: $(cat "$BODY")"
AS="$READER" request PUT "$QUERIES/api/digests/hast/subscription" 403 '{"subscribed": false}'
request PUT "$QUERIES/api/digests/hast/subscription" 200 '{"subscribed": false}'
[ "$(field subscribed)" = "False" ] && [ "$(field changedBy)" = "hast" ] || fail "hast could not opt out: $(cat "$BODY")"
request PUT "$QUERIES/api/digests/hast/subscription" 200 '{"subscribed": true}'
# the week's digests went out (or go out on Monday); an admin raises hast's now: one mail, in the local mail server
AS="$ADMIN" request POST "$QUERIES/api/admin/digests/raise" 200 ''
week=$(field week)
for _ in $(seq 1 60); do
  AS="$ADMIN" request GET "$QUERIES/api/digests?initials=hast&week=$week&state=sent" 200 ''
  python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["data"] else 1)' "$BODY" && break
  sleep 1
done
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["data"] else 1)' "$BODY" \
  || fail "hast's digest of $week was not sent: $(curl -s -u "$ADMIN" "$QUERIES/api/digests?initials=hast")"
digest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"][0]["id"])' "$BODY")
# (sent before this stack's mail server started — by an earlier run of the stack — its mail is gone with that server)
mail_started=0
if alive mail; then mail_started=$(( $(date +%s) - $(ps -o etimes= -p "$(cat "$PIDS/mail.pid")") )); fi
sent_now=$(python3 -c 'import json,sys,datetime; s=json.load(open(sys.argv[1]))["data"][0]["sent"]; print(datetime.datetime.fromisoformat(s).timestamp() >= float(sys.argv[2]))' "$BODY" "$mail_started")
if [ "$sent_now" = True ] && curl -fs "$SAGSSPOR_MAIL_URL/api/service/readiness" > /dev/null 2>&1; then
  curl -fs -o "$BODY" "$SAGSSPOR_MAIL_URL/api/user/hast@kl.dk/messages/INBOX" || fail "the mail server has no mailbox for hast@kl.dk"
  grep -q "$digest.digest@" "$BODY" || fail "hast's digest mail ($digest) did not arrive: $(head -c 2000 "$BODY")"
fi

# who may do what: nobody without logging in, a reader reads only, another committee's secretary cannot touch it
AS="" request GET "$QUERIES/api/agenda-items/$minutes" 401 ''
AS="$READER" request POST "$COMMANDS/api/agenda-items/$orientation/withdrawal" 403 '{"reason": "x"}'
AS="$OTHER_SECRETARY" request POST "$COMMANDS/api/agenda-items/$orientation/withdrawal" 403 '{"reason": "x"}'
[ "$(field type)" = "https://sagsspor.dk/problems/not-your-committee" ] || fail "expected not-your-committee: $(cat "$BODY")"

# years of minutes: two real ones imported with the bulk importer (a second run finds them imported)
MINUTES=$(mktemp -d)
cp "$SAGSSPOR_ROOT"/test-support/src/main/resources/samples/minutes/000_*.txt \
   "$SAGSSPOR_ROOT"/test-support/src/main/resources/samples/minutes/002_*.txt "$MINUTES/"
SAGSSPOR_USER="$SECRETARY" "$(dirname "$0")/import-minutes.sh" "$MINUTES" > "$BODY" 2>/dev/null \
  || fail "the bulk import failed: $(cat "$BODY")"
grep -qE "^000_.*(imported|already imported)" "$BODY" || fail "sample 000 not imported: $(cat "$BODY")"
rm -rf "$MINUTES"
# the minutes' "Punkter til næste møde" became a promise the query side checks against the next agenda
for _ in $(seq 1 30); do
  AS="$READER" request GET "$QUERIES/api/promises?committee=KKR%20Nordjylland" 200 ''
  grep -q '"title":"KKR fremadrettet"' "$BODY" && break
  sleep 1
done
grep -q '"title":"KKR fremadrettet"' "$BODY" || fail "the imported minutes' promise is not on the query side: $(cat "$BODY")"
# the decisions' undertakings ("… på det kommende møde i KKR") are offered as suggested promises, with their sentence
AS="$READER" request GET "$QUERIES/api/promises?committee=KKR%20Nordjylland&status=suggested" 200 ''
python3 -c 'import json,sys; sys.exit(0 if any(p["source"] == "decision" and p["quote"] and p["fromAgendaItemId"] for p in json.load(open(sys.argv[1]))["data"]) else 1)' \
  "$BODY" || fail "no undertaking of the imported decisions is suggested: $(cat "$BODY")"

# the tamper-evident history: the admin seals the chain now, the auditor verifies the store against the seals in Kafka
# (204: nothing is old enough to be chained yet — events settle for 30 s — on a stack started a moment ago)
sealed=$(curl -s -o "$BODY" -w '%{http_code}' -X POST -u "$ADMIN" "$COMMANDS/api/audit/seals")
case "$sealed" in 200|204) ;; *) fail "sealing the history answered $sealed: $(cat "$BODY")" ;; esac
AS="$AUDITOR" request GET "$COMMANDS/api/audit/verification" 200 ''
[ "$(field intact)" = "True" ] || fail "the history does not verify: $(cat "$BODY")"
if [ "$sealed" = 200 ]; then
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["seals"]; sys.exit(0 if s["source"] == "kafka" and s["compared"] >= 1 and s["agreeing"] == s["compared"] else 1)' "$BODY" \
    || fail "the seals in Kafka were not compared, or disagree: $(cat "$BODY")"
fi
AS="$AUDITOR" request POST "$COMMANDS/api/agenda-items/$orientation/withdrawal" 403 '{"reason": "x"}'

echo "meeting $meeting: item $minutes decided (follow-up $follow_up), item $orientation deferred and placed on the next meeting"
