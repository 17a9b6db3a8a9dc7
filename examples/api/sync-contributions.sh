#!/usr/bin/env bash
# Two-way sync of one workstream's contributions between a partner's own system and Entente, through the partner
# API (/api/v1) with an API client of the partner's organization (created by its tenant administrator on Members).
#
#   ENTENTE_CLIENT_ID=entente-api-norway-… ENTENTE_CLIENT_SECRET=… ./examples/api/sync-contributions.sh
#
# What it does, each run:
#   1. gets a token at Keycloak's token endpoint (OAuth2 client credentials);
#   2. pulls the contributions changed since the last run (updatedSince, following the "next" links page by page)
#      and merges them into $STATE_DIR/contributions.json (the partner's local copy, by id);
#   3. pushes back: pledges a new contribution of the organization (POST), then changes it with If-Match (PUT), as a
#      partner ledger would when a delivery is booked;
#   4. remembers when this run started, for the next run's updatedSince.
#
# Settings (environment): ENTENTE_URL (default http://localhost:8080), ENTENTE_TOKEN_URL (default the demo Keycloak's
# http://localhost:8180/realms/entente/protocol/openid-connect/token), ENTENTE_CLIENT_ID, ENTENTE_CLIENT_SECRET,
# WORKSTREAM_ID (default: the first active workstream the organization leads), STATE_DIR (default ./sync-state).
# Needs curl and jq.
set -euo pipefail

ENTENTE_URL=${ENTENTE_URL:-http://localhost:8080}
ENTENTE_TOKEN_URL=${ENTENTE_TOKEN_URL:-http://localhost:8180/realms/entente/protocol/openid-connect/token}
STATE_DIR=${STATE_DIR:-./sync-state}
: "${ENTENTE_CLIENT_ID:?set ENTENTE_CLIENT_ID (Members → API clients)}"
: "${ENTENTE_CLIENT_SECRET:?set ENTENTE_CLIENT_SECRET (shown once when the client was created or rotated)}"
mkdir -p "$STATE_DIR"
local_copy="$STATE_DIR/contributions.json"
last_sync_file="$STATE_DIR/last-sync"
[ -f "$local_copy" ] || echo '{}' > "$local_copy"

# A failed call prints its problem details (RFC 9457) and stops the run.
call() { # method url [body] [extra curl args...]
  local method=$1 url=$2 body=$3; shift 3
  local out="$STATE_DIR/.response" status
  if [ -n "$body" ]; then
    status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -D "$STATE_DIR/.headers" --data "$body" "$@" "$url")
  else
    status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN" \
      -D "$STATE_DIR/.headers" "$@" "$url")
  fi
  if [ "$status" -ge 400 ]; then
    echo "$method $url → $status" >&2; jq . "$out" >&2 || cat "$out" >&2; exit 1
  fi
  cat "$out"
}
# The ETag of the last call's answer (call runs in a subshell when its output is captured: the headers are in a file).
etag() { sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$STATE_DIR/.headers"; }

# The claims of a JWT (base64url, unpadded) as JSON.
claims() { local part; part=$(cut -d. -f2 <<<"$1" | tr '_-' '/+'); while [ $(( ${#part} % 4 )) -ne 0 ]; do part="$part="; done
  base64 -d <<<"$part"; }

echo "1. token for $ENTENTE_CLIENT_ID"
TOKEN=$(curl -sS -f -u "$ENTENTE_CLIENT_ID:$ENTENTE_CLIENT_SECRET" -d grant_type=client_credentials \
  "$ENTENTE_TOKEN_URL" | jq -r .access_token)
org=$(claims "$TOKEN" | jq -r '.organization | keys[0]')
echo "   organization in the token (written by Keycloak): $org"

if [ -z "${WORKSTREAM_ID:-}" ]; then
  WORKSTREAM_ID=$(call GET "$ENTENTE_URL/api/v1/workstreams?limit=200" "" \
    | jq -r --arg org "$org" '[.items[] | select(.lead.alias == $org and .status == "ACTIVE")][0].id')
fi
echo "   workstream $WORKSTREAM_ID"

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
since=$(cat "$last_sync_file" 2>/dev/null || true)
echo "2. pull contributions changed since ${since:-the beginning}"
url="$ENTENTE_URL/api/v1/workstreams/$WORKSTREAM_ID/contributions?limit=50${since:+&updatedSince=$since}"
pages=0; pulled=0
while [ -n "$url" ] && [ "$url" != null ]; do
  page=$(call GET "$url" "")
  pages=$((pages + 1)); pulled=$((pulled + $(jq '.items | length' <<<"$page")))
  jq -s '.[0] * (.[1].items | map({(.id): .}) | add // {})' "$local_copy" - <<<"$page" > "$local_copy.new"
  mv "$local_copy.new" "$local_copy"
  url=$(jq -r '.next' <<<"$page")
done
echo "   $pulled changed in $pages page(s); local copy holds $(jq 'length' "$local_copy") contributions ($local_copy)"

echo "3. push: pledge a new contribution, then book its delivery with If-Match"
created=$(call POST "$ENTENTE_URL/api/v1/workstreams/$WORKSTREAM_ID/contributions" \
  "$(jq -n --arg d "Synced from the partner ledger at $started" \
    '{type: "FUNDING", description: $d, unit: "EUR", pledgedAmount: 12000, releasability: "PARTICIPANTS"}')")
id=$(jq -r .id <<<"$created"); tag=$(etag)
echo "   201 $(jq -c '{id, contributor: .contributor.alias, pledgedAmount, version, label: .label.releasableTo}' <<<"$created") ETag $tag"
changed=$(call PUT "$ENTENTE_URL/api/v1/contributions/$id" \
  "$(jq -c '{description, pledgedAmount, deliveredAmount: 4000, releasability}' <<<"$created")" -H "If-Match: $tag")
echo "   200 $(jq -c '{id, deliveredAmount, deliveredEur, version}' <<<"$changed") ETag $(etag)"
stale=$(curl -sS -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -H "If-Match: $tag" --data "$(jq -c '{description, pledgedAmount, releasability}' <<<"$created")" \
  "$ENTENTE_URL/api/v1/contributions/$id")
echo "   the same change with the old ETag $tag: $stale (someone changed it since: read it again)"
jq --argjson c "$changed" '. + {($c.id): $c}' "$local_copy" > "$local_copy.new" && mv "$local_copy.new" "$local_copy"

echo "$started" > "$last_sync_file"
echo "4. next run pulls what changed since $started"
