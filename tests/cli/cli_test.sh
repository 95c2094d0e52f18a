#!/usr/bin/env bash
# The command-line program as a user runs it: exit codes, formats, output
# files, standard input, help and version. Usage: cli_test.sh path/to/lagebild
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/check.sh"

"$bin" analyze examples/nordhafen --format json --out "$tmp/r.json" -q
check "analyze example exits 0" test $? -eq 0
check "json report written" grep -q '"schema": "lagebild.report/1"' "$tmp/r.json"
check "six articles" test "$(grep -c '"id": "a' "$tmp/r.json")" -eq 6

"$bin" analyze examples/nordhafen --format html --out "$tmp/r.html" -q
check "html exits 0" test $? -eq 0
check "html report written" grep -q '<!DOCTYPE html>' "$tmp/r.html"

"$bin" analyze examples/nordhafen -f md -q >"$tmp/r.md"
check "markdown to stdout" grep -q '^# Lagebild' "$tmp/r.md"

printf 'Titel aus stdin\n\nText aus der Standardeingabe.\n' | "$bin" analyze - -q >"$tmp/stdin.json"
check "stdin exits 0" test $? -eq 0
check "stdin article read" grep -q '"title": "Titel aus stdin"' "$tmp/stdin.json"

printf '' >"$tmp/empty.txt"
"$bin" analyze examples/nordhafen/01_hafenblatt.txt "$tmp/empty.txt" -q >"$tmp/partial.json" 2>"$tmp/err"
check "input errors give exit 1" test $? -eq 1
check "error names the input" grep -q "empty.txt" "$tmp/partial.json"

"$bin" analyze examples/nordhafen/01_hafenblatt.txt "$tmp/empty.txt" >/dev/null 2>"$tmp/err"
check "error message on stderr names the input" grep -q "empty.txt: empty input" "$tmp/err"

"$bin" analyze examples/nordhafen --format pdf >/dev/null 2>"$tmp/err"
check "bad format is a usage error (2)" test $? -eq 2
check "bad format is named" grep -q "'pdf'" "$tmp/err"

"$bin" analyze >/dev/null 2>&1
check "no input is a usage error (2)" test $? -eq 2

"$bin" analyze examples/nordhafen --out /nonexistent-dir/r.json -q 2>"$tmp/err"
check "unwritable output gives exit 3" test $? -eq 3
check "unwritable output is named" grep -q "/nonexistent-dir/r.json" "$tmp/err"

"$bin" --version | grep -q '^lagebild [0-9]'
check "--version" test $? -eq 0
"$bin" analyze --help | grep -q -- '--jobs'
check "analyze --help" test $? -eq 0
"$bin" --help | grep -q 'analyze'
check "--help lists commands" test $? -eq 0

# times: the tagger alone, on plain text and on JSON lines.
printf 'Der Abzug soll am Mittwoch kommender Woche abgeschlossen sein.' | "$bin" times --dct 2022-01-13 >"$tmp/t.jsonl"
check "times exits 0" test $? -eq 0
check "times resolves against --dct" grep -q '"value":"2022-01-19"' "$tmp/t.jsonl"
printf '{"id":"x","text":"Last week, on Tuesday.","language":"en","dct":"2022-01-13"}\nnot json\n' >"$tmp/in.jsonl"
"$bin" times --jsonl "$tmp/in.jsonl" >"$tmp/t2.jsonl" 2>"$tmp/err"
check "times: a bad JSON line gives exit 1" test $? -eq 1
check "times: the bad line is named" grep -q "in.jsonl:2" "$tmp/err"
check "times: the good line is tagged" grep -q '"id":"x"' "$tmp/t2.jsonl"
"$bin" times --dct 2022-13-45 </dev/null 2>"$tmp/err"
check "times: a bad --dct is a usage error (2)" test $? -eq 2
"$bin" times --lang xx </dev/null 2>"$tmp/err"
check "times: an unknown language is a usage error (2)" test $? -eq 2

# The store: ingest, stories, analyze --db --story.
"$bin" ingest -q --db "$tmp/news.db" examples/nordhafen
check "ingest exits 0" test $? -eq 0
"$bin" ingest --db "$tmp/news.db" examples/nordhafen 2>"$tmp/err"
check "ingest again adds nothing" grep -q "0 added (0 copies), 6 already stored" "$tmp/err"
"$bin" stories --db "$tmp/news.db" >"$tmp/stories.tsv"
check "stories lists one story of six" grep -q "^1	6	2025-03-14" "$tmp/stories.tsv"
"$bin" stories --db "$tmp/news.db" --format json >"$tmp/stories.json"
check "stories as JSON" grep -q '"id": "s1"' "$tmp/stories.json"
"$bin" stories --db "$tmp/news.db" --members >"$tmp/members.tsv"
check "stories --members: six articles" test "$(wc -l <"$tmp/members.tsv")" -eq 6
check "stories --members: the copy and its original" grep -q "^s1	a2	a1	" "$tmp/members.tsv"
"$bin" analyze -q --db "$tmp/news.db" --story s1 -f json >"$tmp/story.json"
check "analyze --db --story exits 0" test $? -eq 0
check "the story's report has its six articles" test "$(grep -c '"id": "a' "$tmp/story.json")" -eq 6
"$bin" entities --db "$tmp/news.db" >"$tmp/entities.tsv"
check "entities: the analysed story's people are recorded" grep -q "^PER .*	PER	1	[0-9]*	Henrike Oldenburg	" "$tmp/entities.tsv"
"$bin" entities --db "$tmp/news.db" --format json >"$tmp/entities.json"
check "entities as JSON" grep -q '"schema": "lagebild.entities/1"' "$tmp/entities.json"
"$bin" entities --db "$tmp/news.db" --format xml 2>"$tmp/err" >/dev/null
check "entities: an unknown format is a usage error (2)" test $? -eq 2
"$bin" analyze -q --db "$tmp/news.db" --story s7 2>"$tmp/err" >/dev/null
check "an unknown story is a usage error (2)" test $? -eq 2
check "the unknown story is named" grep -q "no story 7" "$tmp/err"
"$bin" analyze -q --db "$tmp/news.db" examples/nordhafen 2>"$tmp/err" >/dev/null
check "--db without --story is a usage error (2)" test $? -eq 2
printf 'plain words, not a database' >"$tmp/words.db"
"$bin" ingest -q --db "$tmp/words.db" examples/nordhafen 2>"$tmp/err"
check "ingest into a file that is not a database fails (3)" test $? -eq 3
check "and names it" grep -q "words.db" "$tmp/err"
check "and leaves it alone" test "$(cat "$tmp/words.db")" = "plain words, not a database"
"$bin" ingest -q --db "$tmp/news2.db" examples/nordhafen "$tmp/missing.txt"
check "ingest with a missing input exits 1" test $? -eq 1

report cli
