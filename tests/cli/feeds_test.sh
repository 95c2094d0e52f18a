#!/usr/bin/env bash
# Feeds end to end, on loopback: a fixture server (feeds/server.mjs) serves
# good feeds (RSS with ETag, Atom, JSON Feed, ISO-8859-1) and broken ones
# (malformed, empty, a web page, huge, a redirect loop, a body that never
# ends). `lagebild feeds add` follows them; `lagebild serve` polls them:
# items become articles from their pages, or from the feed's text when the
# page is missing; the broken feeds are reported per feed and the others go
# on; a new item appears after the next poll (announced as a server-sent
# event), an unchanged feed is answered 304, and nothing is ingested twice,
# also after serve is killed and started again. `lagebild ingest` reads a
# feed file.
# Usage: feeds_test.sh LAGEBILD
set -uo pipefail
bin=$1
source "$(dirname "$0")/check.sh"
tmp="$(mktemp -d)"
pid=""
fixture=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  [[ -n "$fixture" ]] && kill "$fixture" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

node "$(dirname "$0")/feeds/server.mjs" >"$tmp/fixture.out" &
fixture=$!
for _ in $(seq 1 50); do
  port=$(sed -n 's/^port //p' "$tmp/fixture.out")
  [[ -n "$port" ]] && break
  sleep 0.1
done
check "the fixture server runs" test -n "$port"
feed="http://127.0.0.1:$port"

db="$tmp/news.db"
for f in good.rss atom.xml json.feed latin1.rss broken.rss empty.rss html.rss huge.rss loop.rss endless.rss; do
  "$bin" feeds add --db "$db" "$feed/$f" --every 10s >/dev/null
done
check "feeds add follows them" test "$("$bin" feeds list --db "$db" | wc -l)" = 10
"$bin" feeds add --db "$db" "$feed/good.rss" --every 12s >/dev/null
check "adding one again changes its interval, no second one" test "$("$bin" feeds list --db "$db" | grep -c 'good.rss')" = 1
"$bin" feeds add --db "$db" "ftp://127.0.0.1/x.rss" 2>"$tmp/err"
check "an address that is no http(s) is a usage error" test $? -eq 2
check "naming it" grep -q "ftp://127.0.0.1/x.rss" "$tmp/err"
"$bin" feeds add --db "$db" "$feed/x.rss" --every soon 2>"$tmp/err"
check "a bad interval is a usage error" test $? -eq 2
"$bin" feeds remove --db "$db" "$feed/nothing.rss" 2>"$tmp/err"
check "removing a feed not followed is a usage error" test $? -eq 2

start() {
  "$bin" serve --db "$db" --port 0 >"$tmp/out" 2>"$tmp/serve.err" &
  pid=$!
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^lagebild serve: //p' "$tmp/out")
    [[ -n "$url" ]] && break
    sleep 0.1
  done
}
# Waits up to $2 seconds for the feeds API to match $1.
wait_feeds() {
  for _ in $(seq 1 $(($2 * 5))); do
    curl -s "${url}api/v1/feeds" >"$tmp/feeds.json"
    grep -q "$1" "$tmp/feeds.json" && return 0
    sleep 0.2
  done
  return 1
}
articles() { curl -s "${url}health" | sed 's/.*"articles": \([0-9]*\).*/\1/'; }

start
check "serve starts" test -n "$url"
check "the good feed's two items are taken" wait_feeds '"url": "http://127.0.0.1:[0-9]*/good.rss", "title": "Küstenfunk", "every_seconds": 12, "items": 2' 30
check "and the endless one is given up" wait_feeds '"url": "[^"]*endless.rss"[^}]*"failures": 1' 30
node -e '
  const feeds = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).items;
  const by = (f) => feeds.find((x) => x.url.endsWith(f));
  const bad = {"broken.rss": /malformed feed XML/, "empty.rss": /empty feed/, "html.rss": /no RSS or Atom/,
               "huge.rss": /larger than/, "loop.rss": /redirects/, "endless.rss": /larger than/};
  let ok = true;
  for (const [f, re] of Object.entries(bad)) {
    const x = by(f);
    if (!x || x.failures !== 1 || !re.test(x.last_error) || x.last_success !== null) { console.error("bad feed", f, JSON.stringify(x)); ok = false; }
  }
  for (const f of ["good.rss", "atom.xml", "json.feed", "latin1.rss"]) {
    const x = by(f);
    if (!x || x.failures !== 0 || x.items !== (f === "good.rss" ? 2 : 1) || !x.last_success) { console.error("good feed", f, JSON.stringify(x)); ok = false; }
  }
  process.exit(ok ? 0 : 1);' "$tmp/feeds.json"
check "each broken feed is reported with its error, the good ones go on" test $? -eq 0
check "five articles from four feeds" test "$(articles)" = 5
curl -s "${url}api/v1/search?q=Sandsäcke" >"$tmp/body"
check "an item's article is its page" grep -q '"title": "Deich bei Flusshausen hält"' "$tmp/body"
check "with the page's outlet" grep -q '"outlet": "127.0.0.1"\|"outlet": "Küstenfunk"' "$tmp/body"
curl -s "${url}api/v1/search?q=Kurzmeldung%202" >"$tmp/body"
check "a missing page falls back to the feed's text" grep -q '"title": "Meldung 2: Deich bei Flusshausen"' "$tmp/body"
curl -s "${url}api/v1/search?q=Straßenfest%20Güstrow" >"$tmp/body"
check "a Latin-1 feed is read in its encoding" grep -q '"title": "Straßenfest in Güstrow"' "$tmp/body"
check "the feeds page shows their health" grep -q 'class="failing"' <(curl -s "${url}feeds")
check "as CSV too" grep -q '^"id","url","title","every_seconds","items"' <(curl -s "${url}api/v1/feeds?format=csv")

# A new item, announced as an event; an unchanged feed answers 304.
curl -s -N --max-time 20 "${url}api/v1/events" >"$tmp/events" &
events=$!
sleep 0.5
curl -s -X POST "$feed/add" >/dev/null
check "the new item is taken at the next poll" wait_feeds '"items": 3' 20
wait "$events"
check "and its story announced" grep -q '^data: {"story": "s[0-9]*", "kind": "\(created\|changed\)", "articles": 1}$' "$tmp/events"
check "six articles now" test "$(articles)" = 6
sleep 13
check "an unchanged feed answers 304 to the conditional GET" grep -q 'not-modified [1-9]' <(curl -s "$feed/stats")
check "and nothing is taken twice" test "$(articles)" = 6

# An updated item is a new version of its article, not a new article.
curl -s -X POST "$feed/edit" >/dev/null
for _ in $(seq 1 100); do
  curl -s "${url}api/v1/search?q=Zentimeter" >"$tmp/body"
  grep -q '"id": "a' "$tmp/body" && break
  sleep 0.2
done
check "an updated item is taken again at the next poll" grep -q '"title": "Deich bei Flusshausen hält"' "$tmp/body"
check "as a new version: still six articles" test "$(articles)" = 6
new=$(grep -o '"id": "a[0-9]*"' "$tmp/body" | head -1 | sed 's/.*"a/a/; s/"//')
check "whose page names the version it replaced" grep -q 'a new version of <a href="/articles/a' <(curl -s "${url}articles/$new")

# Killed and started again: it resumes, nothing is taken twice.
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=""
curl -s -X POST "$feed/add" >/dev/null
start
check "after a kill -9 serve starts again" test -n "$url"
check "the fourth item is taken" wait_feeds '"items": 5' 30
check "once: seven articles" test "$(articles)" = 7
check "the store is intact" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
kill -TERM "$pid"
wait "$pid"
check "serve stops cleanly" test $? -eq 0
pid=""

"$bin" feeds remove --db "$db" "$feed/broken.rss"
check "feeds remove stops following one" test "$("$bin" feeds list --db "$db" | grep -c broken.rss)" = 0

# ingest reads a feed file as articles of its items.
curl -s "$feed/good.rss" -o "$tmp/saved.rss"
"$bin" ingest -q --db "$tmp/file.db" "$tmp/saved.rss"
check "ingest reads an RSS file" test "$("$bin" stories --db "$tmp/file.db" --members | wc -l)" = 4
report feeds
