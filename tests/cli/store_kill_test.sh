#!/usr/bin/env bash
# The store survives `kill -9` during ingest: every committed batch is
# there and readable, nothing half-written, and ingesting the same input
# again adds exactly what was missing, once. Usage: store_kill_test.sh path/to/lagebild
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'if [[ -n "${pid:-}" ]]; then kill -9 "$pid" 2>/dev/null; fi; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 20,000 distinct short articles in one JSON Lines file.
total=20000
awk -v n=$total 'BEGIN {
  for (i = 1; i <= n; i++) {
    printf "{\"url\": \"https://example.org/%d\", \"title\": \"Meldung %d aus Ort%d\", \"published\": \"2024-05-%02d\", \"text\": \"In Ort%d haben %d Menschen am Morgen gegen den Plan Nummer %d protestiert. Die Polizei sprach von einer friedlichen Versammlung, der Gemeinderat will am Abend beraten.\"}\n", i, i, i % 97, 1 + i % 28, i % 97, 100 + i, i
  }
}' >"$tmp/in.jsonl"

count_stored() {  # sum of the stories' article counts
  "$bin" stories --db "$tmp/news.db" | awk -F'\t' '{ s += $2 } END { print s + 0 }'
}

"$bin" ingest -q -j 1 --batch 25 --db "$tmp/news.db" "$tmp/in.jsonl" &
pid=$!
# Wait until some batches are committed, then kill without warning.
for _ in $(seq 1 400); do
  sleep 0.05
  [[ -f "$tmp/news.db" ]] || continue
  n=$("$bin" stories --db "$tmp/news.db" 2>/dev/null | awk -F'\t' '{ s += $2 } END { print s + 0 }')
  [[ ${n:-0} -ge 100 ]] && break
done
kill -9 $pid 2>/dev/null || fail "ingest finished before it could be killed; make the input larger"
wait $pid 2>/dev/null
pid=

stored=$(count_stored) || fail "stories after kill -9"
[[ $stored -gt 0 && $stored -lt $total ]] || fail "after kill -9: $stored of $total stored"
(( stored % 25 == 0 )) || fail "after kill -9: $stored stored, not whole batches of 25"
if command -v sqlite3 >/dev/null; then
  [[ $(sqlite3 "$tmp/news.db" 'PRAGMA integrity_check') == ok ]] || fail "integrity_check"
  [[ $(sqlite3 "$tmp/news.db" 'SELECT count(*) FROM articles') == "$stored" ]] || fail "article rows"
fi

# Ingest again: the missing ones are added, the stored ones left alone.
"$bin" ingest -j 1 --db "$tmp/news.db" "$tmp/in.jsonl" 2>"$tmp/log" || fail "re-ingest: $(cat "$tmp/log")"
grep -q "$total articles read, $((total - stored)) added .* $stored already stored" "$tmp/log" ||
  fail "re-ingest summary: $(cat "$tmp/log")"
[[ $(count_stored) -eq $total ]] || fail "after re-ingest: $(count_stored) of $total"
# And once more: nothing changes.
"$bin" ingest -j 1 --db "$tmp/news.db" "$tmp/in.jsonl" 2>"$tmp/log" || fail "third ingest"
grep -q "0 added (0 copies), $total already stored; 0 new stories" "$tmp/log" || fail "third ingest: $(cat "$tmp/log")"
echo "store kill test: $stored of $total committed before kill -9; re-ingest complete"
