#!/usr/bin/env bash
# Issue 16: where `analyze -o` and `ner_tool train --out` write, and what
# they leave. Devices, links and FIFOs stay what they are; a regular file
# keeps its mode; a failed write is exit 3 with no temporary file left.
# Runs as the calling user and, when that is root, also as user nobody.
# Usage: output_test.sh path/to/lagebild path/to/ner_tool
set -uo pipefail
bin=$1
ner_tool=$2
tmp=$(mktemp -d)
reader=
cleanup() {
  [[ -n $reader ]] && kill "$reader" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
source "$(dirname "$0")/check.sh"
input=examples/nordhafen
"$bin" analyze -q "$input" -o "$tmp/reference.json"
check "reference report written" test -s "$tmp/reference.json"

# A character device of the test's own first: a regression replaces only it.
if mknod "$tmp/null" c 1 3 2>/dev/null; then
  "$bin" analyze -q "$input" -o "$tmp/null"
  check "-o on a character device node exits 0" test $? -eq 0
  check "and the node stays a character device" test -c "$tmp/null"
fi
if [[ -c $tmp/null || ! -e $tmp/null ]]; then
  "$bin" analyze -q "$input" -o /dev/null
  check "-o /dev/null exits 0" test $? -eq 0
  check "/dev/null stays a character device" test -c /dev/null
  if [[ ! -c /dev/null && $(id -u) -eq 0 ]]; then  # repair what a regression broke
    rm -f /dev/null && mknod -m 666 /dev/null c 1 3
  fi
fi

mkdir "$tmp/reports"
echo old >"$tmp/reports/target.json"
ln -s reports/target.json "$tmp/link.json"
"$bin" analyze -q "$input" -o "$tmp/link.json"
check "-o through a symlink exits 0" test $? -eq 0
check "the symlink stays a symlink" test -L "$tmp/link.json"
check "its target holds the report" cmp -s "$tmp/reports/target.json" "$tmp/reference.json"
check "no temporary file beside the target" test "$(ls -A "$tmp/reports")" = target.json

mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/from-fifo" &
reader=$!
timeout 60 "$bin" analyze -q "$input" -o "$tmp/fifo"
check "-o on a FIFO exits 0" test $? -eq 0
wait "$reader"
reader=
check "the FIFO's reader got the whole report" cmp -s "$tmp/from-fifo" "$tmp/reference.json"
check "the FIFO stays a FIFO" test -p "$tmp/fifo"

"$bin" analyze -q "$input" -o /dev/stdout >"$tmp/via-stdout"
check "-o /dev/stdout is standard output" cmp -s "$tmp/via-stdout" "$tmp/reference.json"
"$bin" analyze -q "$input" -o /dev/stdout | cat >"$tmp/via-pipe"
check "-o /dev/stdout into a pipe" cmp -s "$tmp/via-pipe" "$tmp/reference.json"

echo old >"$tmp/shared.json"
chmod 0664 "$tmp/shared.json"
(umask 022 && "$bin" analyze -q "$input" -o "$tmp/shared.json")
check "a replaced report keeps mode 0664" test "$(stat -c %a "$tmp/shared.json")" = 664
(umask 027 && "$bin" analyze -q "$input" -o "$tmp/new.json")
check "a new report gets 0666 & ~umask" test "$(stat -c %a "$tmp/new.json")" = 640

"$bin" analyze -q "$input" -o /dev/full 2>"$tmp/err"
check "-o /dev/full exits 3" test $? -eq 3
check "and says the disk is full" grep -q "/dev/full.*No space left" "$tmp/err"
check "/dev/full stays a character device" test -c /dev/full

"$bin" analyze -q "$input" -o "$tmp" 2>"$tmp/err"
check "-o on a directory exits 3" test $? -eq 3
check "and says so" grep -q "is a directory" "$tmp/err"

# A read-only directory: as nobody when root (root writes anywhere).
mkdir -m 0555 "$tmp/ro"
chmod 0755 "$tmp"
as_user=()
if [[ $(id -u) -eq 0 ]]; then as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi
"${as_user[@]}" "$bin" analyze -q "$input" -o "$tmp/ro/r.json" 2>"$tmp/err"
check "-o into a read-only directory exits 3" test $? -eq 3
check "and names the path and the reason" grep -q "ro/r.json.*Permission denied" "$tmp/err"
check "and leaves no temporary file" test -z "$(ls -A "$tmp/ro")"
if ((${#as_user[@]})); then
  "${as_user[@]}" "$bin" analyze -q "$input" -o /dev/null
  check "as nobody, -o /dev/null exits 0" test $? -eq 0
  check "as nobody, /dev/null stays a character device" test -c /dev/null
fi

# ner_tool train --out follows the same rule.
printf '#\tsource\n1\tAngela\tB-PER\tO\n2\tMerkel\tI-PER\tO\n3\tspricht\tO\tO\n\n' >"$tmp/tiny.tsv"
"$ner_tool" train --epochs 1 --out /dev/null "germeval:$tmp/tiny.tsv" 2>/dev/null
check "ner_tool --out /dev/null exits 0" test $? -eq 0
check "and /dev/null stays a character device" test -c /dev/null
ln -s reports/model.bin "$tmp/model-link"
"$ner_tool" train --epochs 1 --out "$tmp/model-link" "germeval:$tmp/tiny.tsv" 2>/dev/null
check "ner_tool --out through a symlink keeps it" test -L "$tmp/model-link" -a -s "$tmp/reports/model.bin"
"$ner_tool" train --epochs 1 --out /dev/full "germeval:$tmp/tiny.tsv" 2>"$tmp/err"
check "ner_tool --out /dev/full exits 3" test $? -eq 3

report output
