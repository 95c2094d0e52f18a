#!/usr/bin/env bash
# lagebild serve on loopback with a real HTTP client (curl): the story
# list, a story page, the JSON API with its pagination, JSON errors for
# bad requests, and a clean stop on SIGINT and SIGTERM.
# Usage: serve_test.sh LAGEBILD
set -uo pipefail
bin=$1
source "$(dirname "$0")/check.sh"
tmp="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

"$bin" ingest -q --db "$tmp/news.db" examples/nordhafen
check "ingest the example" test $? -eq 0

# Starts the server on a free port; sets pid and url.
start() {
  "$bin" serve --db "$tmp/news.db" --port 0 >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^lagebild serve: //p' "$tmp/out")
    [[ -n "$url" ]] && break
    sleep 0.1
  done
}
# Waits up to 5 s for the server to exit; sets status to its exit code
# (or "running").
stopped() {
  status=running
  for _ in $(seq 1 50); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid"
      status=$?
      pid=""
      return
    fi
    sleep 0.1
  done
}

start
check "serve prints its URL" test -n "$url"
check "it listens on loopback" grep -q "^http://127.0.0.1:[0-9]*/$" <<<"$url"
get() { curl -s -o "$tmp/body" -w '%{http_code} %{content_type}' "$url$1"; }

check "/health is 200" test "$(get health)" = "200 application/json"
check "/health says ok with one story" grep -q '"status": "ok", "stories": 1' "$tmp/body"
check "/ is the story list" test "$(get '')" = "200 text/html; charset=utf-8"
check "the list links the story" grep -q 'href="/stories/s1"' "$tmp/body"
check "the list names its title" grep -q 'Seeschwalbe' "$tmp/body"
check "/stories/s1 is its page" test "$(get stories/s1)" = "200 text/html; charset=utf-8"
check "the page has its sections" grep -q 'id="claims"' "$tmp/body"
headers=$(curl -s -D - -o /dev/null "${url}stories/s1")
check "pages carry a CSP" grep -qi "^content-security-policy: default-src 'none'" <<<"$headers"
check "and nosniff" grep -qi "^x-content-type-options: nosniff" <<<"$headers"
check "/api/v1/stories is JSON" test "$(get 'api/v1/stories?limit=1')" = "200 application/json"
check "its items carry the contract's fields" grep -q '"id": "s1", "title": ".*", "articles": 6, "sources": 5, "days": {"first": "2025-03-14", "last": "2025-03-15"}, "languages": \["de", "en"\]' "$tmp/body"
check "the last page has no next" grep -q '"next": null' "$tmp/body"
check "/api/v1/stories/s1 is the story's report" test "$(get api/v1/stories/s1)" = "200 application/json"
check "with the report schema" grep -q '"schema": "lagebild.report/1"' "$tmp/body"
check "an unknown story is 404" test "$(get api/v1/stories/s99)" = "404 application/json"
check "with a JSON error" grep -q '"error": {"code": "not_found", "message": ' "$tmp/body"
check "a malformed story id is 400" test "$(get 'stories/s1%3Cscript%3E')" = "400 application/json"
check "a bad limit is 400" test "$(get 'api/v1/stories?limit=abc')" = "400 application/json"
check "a limit out of range is 400" test "$(get 'api/v1/stories?limit=0')" = "400 application/json"
check "a bad cursor is 400" test "$(get 'api/v1/stories?cursor=x')" = "400 application/json"
check "an unknown path is a JSON 404" test "$(get nowhere)" = "404 application/json"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "${url}health")
check "a method not served is a 4xx" test "${code:0:1}" = 4
kill -INT "$pid"
stopped
check "SIGINT stops it cleanly (exit 0)" test "$status" = 0

start
check "it starts again" test -n "$url"
kill -TERM "$pid"
stopped
check "SIGTERM stops it cleanly (exit 0)" test "$status" = 0

# Growing stories first: the seeds (2022) stored first, the example (2025,
# the store's newest days) second, listed first, each with a sparkline.
"$bin" ingest -q --db "$tmp/two.db" "$(dirname "$0")/../../../shared/seeds" examples/nordhafen
mv "$tmp/news.db" "$tmp/one.db"
cp "$tmp/two.db" "$tmp/news.db"
start
get '' >/dev/null
first=$(grep -o 'href="/stories/s[0-9]*"' "$tmp/body" | head -1)
check "the growing story comes first" test "$first" = 'href="/stories/s2"'
check "with a sparkline of its days" grep -q '<svg class="spark"' "$tmp/body"
check "the API keeps the stored order" test "$(get 'api/v1/stories?limit=1')" = "200 application/json"
check "its first item is s1, a next page follows" grep -q '"next": "s1"' "$tmp/body"
get 'api/v1/stories?limit=1&cursor=s1' >/dev/null
check "the next page is s2" grep -q '"id": "s2"' "$tmp/body"
kill -TERM "$pid"
stopped

"$bin" serve --db "$tmp/missing.db" --port 0 >/dev/null 2>"$tmp/err"
check "a missing database is a usage error (2)" test $? -eq 2
printf 'not a database' >"$tmp/words.db"
"$bin" serve --db "$tmp/words.db" --port 0 >/dev/null 2>"$tmp/err"
check "a file that is not a database fails (3)" test $? -eq 3
check "naming it" grep -q "words.db" "$tmp/err"

report serve
