#!/usr/bin/env bash
# lagebild serve on loopback with a real HTTP client (curl): the story
# list with its search and filters, story, article, outlet and entity
# pages, the JSON and CSV API with its pagination, ETags, articles posted
# and the server-sent events they cause, hostile article content, JSON
# errors for bad requests, the OpenAPI document checked against real
# answers (serve_api_check.mjs), and a clean stop on SIGINT and SIGTERM.
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
check "its items carry the contract's fields" grep -q '"id": "s1", "title": ".*", "articles": 6, "sources": 5, "copies": 1, "days": {"first": "2025-03-14", "last": "2025-03-15"}, "languages": \["de", "en"\]' "$tmp/body"
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

# Search and filters.
check "a search is a page" test "$(get '?q=Seeschwalbe')" = "200 text/html; charset=utf-8"
check "that lists the story" grep -q 'href="/stories/s1"' "$tmp/body"
check "and the articles that matched" grep -q 'href="/articles/a[0-9]*"' "$tmp/body"
check "the search box holds the words" grep -q 'value="Seeschwalbe"' "$tmp/body"
get '?q=Wolkenkratzerfundament' >/dev/null
check "a word no article holds lists no story" grep -q '0 stories match' "$tmp/body"
check "the search API answers articles" test "$(get 'api/v1/search?q=seeschwalbe')" = "200 application/json"
check "with their ids and stories" grep -q '"id": "a[0-9]*", "story": "s1"' "$tmp/body"
check "query syntax is taken as words" test "$(get 'api/v1/search?q=%22NEAR(%2A')" = "200 application/json"
check "an empty search is 400 naming q" test "$(get 'api/v1/search?q=')" = "400 application/json"
check "bad_q" grep -q '"code": "bad_q"' "$tmp/body"
get '?lang=en' >/dev/null
check "the language filter keeps the story with English" grep -q 'href="/stories/s1"' "$tmp/body"
get 'api/v1/stories?lang=fr' >/dev/null
check "and drops it for a language it lacks" grep -q '"items": \[\], "next": null' "$tmp/body"
get 'api/v1/stories?from=2025-03-15&to=2025-03-20' >/dev/null
check "a story overlapping the days is kept" grep -q '"id": "s1"' "$tmp/body"
get 'api/v1/stories?to=2025-03-13' >/dev/null
check "one outside them is not" grep -q '"items": \[\]' "$tmp/body"
check "a malformed day is 400" test "$(get 'api/v1/stories?from=2025-13-01')" = "400 application/json"
check "naming from" grep -q '"code": "bad_from"' "$tmp/body"
check "an unknown parameter is 400" test "$(get 'api/v1/stories?colour=red')" = "400 application/json"
check "naming it" grep -q "unknown parameter 'colour'" "$tmp/body"
check "a parameter given twice is 400" test "$(get 'api/v1/stories?lang=de&lang=en')" = "400 application/json"
get '?q=Seeschwalbe&lang=de' >/dev/null
check "the list's links keep the whole filter" grep -q 'href="/api/v1/stories?q=Seeschwalbe&amp;lang=de&amp;format=csv"' "$tmp/body"

# CSV, articles, outlets, entities.
check "the story list as CSV" test "$(get 'api/v1/stories?format=csv')" = "200 text/csv; charset=utf-8"
check "with a header line" grep -q '^"id","title","articles","sources","copies","days","languages","conflicts"' "$tmp/body"
disposition=$(curl -s -D - -o /dev/null "${url}api/v1/stories/s1/articles?format=csv" | tr -d '\r')
check "a CSV download names its file" grep -qi '^content-disposition: attachment; filename="s1-articles.csv"' <<<"$disposition"
check "a bad format is 400" test "$(get 'api/v1/outlets?format=xml')" = "400 application/json"
check "the story's articles" test "$(get api/v1/stories/s1/articles)" = "200 application/json"
check "six of them" test "$(grep -o '"id": "a' "$tmp/body" | wc -l)" = 6
check "the copy says whose" grep -q '"duplicate_of": "a[0-9]*"' "$tmp/body"
check "the story's claims as CSV" test "$(get 'api/v1/stories/s1/claims?format=csv')" = "200 text/csv; charset=utf-8"
check "one row per value, the conflict included" grep -q '"conflicting"' "$tmp/body"
check "an article page" test "$(get articles/a1)" = "200 text/html; charset=utf-8"
check "shows its text" grep -q 'Sandbank' "$tmp/body"
check "links its story and its copy" grep -q 'href="/stories/s1".*copied by <a href="/articles/a' "$tmp/body"
headers=$(curl -s -D - -o /dev/null "${url}articles/a1")
check "its CSP names its one script by hash" grep -qi "^content-security-policy: .*script-src 'sha256-" <<<"$headers"
check "the article as JSON" test "$(get api/v1/articles/a1)" = "200 application/json"
check "in the report schema" grep -q '"schema": "lagebild.report/1"' "$tmp/body"
check "an unknown article is 404" test "$(get articles/a999)" = "404 application/json"
check "the outlets" test "$(get outlets)" = "200 text/html; charset=utf-8"
outlet=$(grep -o 'href="/outlets/[^"]*"' "$tmp/body" | head -1 | sed 's/href="\/outlets\///; s/"$//')
check "an outlet page" test "$(get "outlets/$outlet")" = "200 text/html; charset=utf-8"
check "lists its articles" grep -q 'href="/articles/a[0-9]*"' "$tmp/body"
check "whom the copy copies" grep -q 'Whom it copies\|Who copies it' <(curl -s "${url}outlets" | grep -o 'href="/outlets/[^"]*"' | sed 's/href="//; s/"$//' | while read -r o; do curl -s "$url${o#/}"; done)
check "an unknown outlet is 404" test "$(get outlets/nowhere.example)" = "404 application/json"
check "path traversal is no file" test "$(get 'outlets/..%2F..%2Fetc%2Fpasswd')" = "404 application/json"
check "nor a story" test "$(get 'stories/..%2F..%2Fetc%2Fpasswd')" = "404 application/json"
get api/v1/entities >/dev/null
check "entities were recorded by the story's analysis" grep -q '"key": "PER ' "$tmp/body"
key=$(grep -o '"key": "PER [^"]*"' "$tmp/body" | head -1 | sed 's/"key": "//; s/"$//')
enc=$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$key")
check "an entity page" test "$(get "entities/$enc")" = "200 text/html; charset=utf-8"
check "lists its stories" grep -q 'href="/stories/s1"' "$tmp/body"
check "the entity as JSON" test "$(get "api/v1/entities/$enc")" = "200 application/json"
check "with its spellings" grep -q '"variants": \[' "$tmp/body"
check "an unknown entity is 404" test "$(get 'entities/PER%20nobody')" = "404 application/json"
check "the story page links entities" grep -q 'href="/entities/' <(curl -s "${url}stories/s1")

# ETag: a client that has the answer gets 304.
etag=$(curl -s -D - -o /dev/null "${url}api/v1/stories" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
check "reads carry an ETag" test -n "$etag"
check "If-None-Match gives 304" test "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "${url}api/v1/stories")" = 304

# gzip for a client that takes it (answers of 1 KiB or more); the same
# bytes unpacked.
for path in "" "stories/s1" "api/v1/stories/s1" "feeds"; do
  curl -s -D "$tmp/gz.h" -o "$tmp/gz.body" -H 'Accept-Encoding: gzip, deflate, br' "${url}$path"
  curl -s -o "$tmp/plain.body" "${url}$path"
  check "/$path is gzip for a client that takes it" grep -qi '^content-encoding: gzip' "$tmp/gz.h"
  check "/$path unpacks to the plain answer" cmp -s <(gzip -dc "$tmp/gz.body") "$tmp/plain.body"
  check "/$path says it varies by Accept-Encoding" grep -qi '^vary: accept-encoding' "$tmp/gz.h"
done
gz_etag=$(tr -d '\r' <"$tmp/gz.h" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
check "gzip has a tag of its own" test -n "$gz_etag" -a "$gz_etag" != "$(curl -s -D - -o /dev/null "${url}feeds" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
check "its tag gives 304 with gzip" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $gz_etag" "${url}feeds")" = 304
check "but not without" test "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $gz_etag" "${url}feeds")" = 200
check "gzip;q=0 is refused gzip" bash -c "! curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip;q=0, identity' '${url}' | grep -qi '^content-encoding'"
check "a small answer goes as it is" bash -c "! curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' '${url}api/v1/feeds' | grep -qi '^content-encoding'"
check "brotli alone is not used" bash -c "! curl -s -D - -o /dev/null -H 'Accept-Encoding: br' '${url}stories/s1' | grep -qi '^content-encoding'"
# A range is ignored: the whole answer, its length right.
size=$(curl -s -o /dev/null -w '%{size_download}' "${url}api/v1/feeds")
check "a Range gets the whole answer" test "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H 'Range: bytes=0-99999' "${url}api/v1/feeds")" = "200 $size"
check "and says ranges are not taken" bash -c "curl -s -D - -o /dev/null -H 'Range: bytes=5-9' '${url}' | grep -qi '^accept-ranges: none'"

# Articles posted, and the events they cause.
curl -s -N --max-time 6 "${url}api/v1/events" >"$tmp/events" &
events_pid=$!
sleep 1
post() { curl -s -o "$tmp/body" -w '%{http_code}' -X POST --data-binary "$1" "${url}api/v1/articles"; }
line='{"url":"https://hostile.example/1","outlet":"<b>evil</b>.example","title":"<script>alert(1)</script> Hochwasser \"überflutet\" Dämme","text":"Das Hochwasser hat am Montag die Dämme bei Flusshausen überflutet. <img src=x onerror=alert(2)> 300 Menschen wurden in Sicherheit gebracht. \u202eRTL"}'
check "POST of JSON Lines is 201" test "$(post "$line")" = 201
check "it answers the article and its story" grep -q '"id": "a7", "story": "s[0-9]*", "added": true' "$tmp/body"
check "the same again is not added again" test "$(post "$line")" = 201
check "it says so" grep -q '"id": "a7", "story": "s[0-9]*", "added": false' "$tmp/body"
post '{"url":"https://version.example/1","title":"Waldbrand bei Heidedorf","text":"Ein Waldbrand bei Heidedorf hat am Sonntag zwölf Hektar erfasst."}' >/dev/null
first=$(grep -o '"id": "a[0-9]*"' "$tmp/body" | sed 's/.*"a/a/; s/"//')
before=$(curl -s "${url}health" | sed 's/.*"articles": \([0-9]*\).*/\1/')
check "the same address with a new text" test "$(post '{"url":"https://version.example/1","title":"Waldbrand bei Heidedorf gelöscht","text":"Der Waldbrand bei Heidedorf ist gelöscht; er hatte am Sonntag zwölf Hektar erfasst."}')" = 201
check "is a new version of the article" grep -q "\"added\": true, \"duplicate_of\": null, \"previous\": \"$first\"" "$tmp/body"
check "not one more article" test "$(curl -s "${url}health" | sed 's/.*"articles": \([0-9]*\).*/\1/')" = "$before"
check "a JSON array is taken too" test "$(post '[{"text":"Ein zweiter Text über Dämme."}, {"text":"Ein dritter Text über Deiche."}]')" = 201
check "both placed" test "$(grep -o '"added": true' "$tmp/body" | wc -l)" = 2
check "a malformed body is 400" test "$(post '{"text": broken')" = 400
check "naming what is wrong" grep -q '"code": "bad_body", "message": "posted:1: malformed JSON' "$tmp/body"
check "an empty body is 400" test "$(post '')" = 400
head -c 17000000 /dev/zero | tr '\0' 'a' >"$tmp/huge"
check "a body over 16 MiB is 413" test "$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST --data-binary @"$tmp/huge" "${url}api/v1/articles")" = 413
wait "$events_pid"
check "the open event stream told of the new stories" grep -q '^event: story$' "$tmp/events"
check "each event with an id" grep -q '^id: [0-9][0-9]*$' "$tmp/events"
check "and what happened" grep -q '^data: {"story": "s[0-9]*", "kind": "created", "articles": 1}$' "$tmp/events"
curl -s -N --max-time 2 -H 'Last-Event-ID: 0' "${url}api/v1/events" >"$tmp/replay"
check "Last-Event-ID resumes from that event" test "$(grep -c '^event: story$' "$tmp/replay")" -ge 3
check "a bad Last-Event-ID is 400" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Last-Event-ID: x' "${url}api/v1/events")" = 400

# Hostile content is inert in every page and well-formed in JSON.
get '?q=Hochwasser' >/dev/null
check "hostile content is found" grep -q 'Hochwasser' "$tmp/body"
for page in "" "?q=Hochwasser" articles/a7 outlets "stories/$(grep -o '"story": "s[0-9]*"' <(curl -s "${url}api/v1/articles/a7") | head -1 | sed 's/.*"s/s/; s/"//')"; do
  body=$(curl -s "$url$page")
  check "no raw script or handler on /$page" test "$(grep -c '<script>alert\|<img src=x\|<b>evil' <<<"$body")" = 0
done
check "it is shown escaped" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' <(curl -s "${url}articles/a7")
check "the JSON API escapes it" node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' < <(curl -s "${url}api/v1/search?q=Hochwasser")
check "the OpenAPI document matches real answers" node tests/cli/serve_api_check.mjs "$url"
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
# Flags come with the analyses that the server runs in the background.
for _ in $(seq 1 100); do
  get 'api/v1/stories' >/dev/null
  [[ $(grep -c '"conflicts": [0-9]' "$tmp/body") -eq 2 ]] && break
  sleep 0.2
done
check "the analyst analysed both stories" test "$(grep -c '"conflicts": [0-9]' "$tmp/body")" = 2
get 'api/v1/stories?flag=machine-translated' >/dev/null
check "the flag filter finds the story with a machine translation" grep -q '"id": "s1"' "$tmp/body"
check "and only it" test "$(grep -c '"id": "s' "$tmp/body")" = 1
get 'api/v1/stories/s1/articles' >/dev/null
check "the article list names each article's flags" grep -q '"flags": \["machine-translated"' "$tmp/body"
get '?flag=state-affiliated' >/dev/null
check "the list's form offers the flags" grep -q '<option selected>state-affiliated</option>' "$tmp/body"
kill -TERM "$pid"
stopped

"$bin" serve --db "$tmp/missing.db" --port 0 >/dev/null 2>"$tmp/err"
check "a missing database is a usage error (2)" test $? -eq 2
printf 'not a database' >"$tmp/words.db"
"$bin" serve --db "$tmp/words.db" --port 0 >/dev/null 2>"$tmp/err"
check "a file that is not a database fails (3)" test $? -eq 3
check "naming it" grep -q "words.db" "$tmp/err"

report serve
