#!/usr/bin/env python3
"""Builds lagebild's English -> German word translations from the FreeDict
English-German dictionary as Debian ships it (package dict-freedict-eng-deu,
/usr/share/dictd/freedict-eng-deu.dict.dz).

Usage: build.py DICT.dict.dz OUT.tsv

Output: one line per English word, "english<TAB>german german ...": the
German one-word translations of the entries whose headword is that single
lower-case English word, those given by the most entries first (then in
the dictionary's order), at most four; gender, domain and usage marks
removed. An entry starts at a line "headword /pronunciation/" and its next
line holds the translations; indented lines are examples and references. The first line says what the file is and
its licence (the dictionary's: GPL-3+). Words only, no stems: lagebild stems
them itself.
"""
import gzip
import re
import sys

MAX_TRANSLATIONS = 4
WORD = re.compile(r"^[a-z][a-z'-]{1,30}$")
GERMAN = re.compile(r"^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]{1,40}$")


def entries(text):
    lines = text.split("\n")
    for k in range(len(lines) - 1):
        line = lines[k]
        if line and not line[0].isspace() and " /" in line and line.rstrip().endswith("/"):
            yield line, lines[k + 1]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: build.py DICT.dict.dz OUT.tsv")
    with gzip.open(sys.argv[1], "rt", encoding="utf-8", errors="replace") as f:
        text = f.read()
    table = {}  # headword -> {translation: [entries, first position]}
    position = 0
    for head_line, translation_line in entries(text):
        head = head_line.split(" /")[0].strip()
        if not WORD.match(head):
            continue
        translations = table.setdefault(head, {})
        seen = set()
        for part in re.split(r"[,;]", translation_line):
            part = re.sub(r"<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)", " ", part).strip()
            if not GERMAN.match(part) or part in seen:
                continue
            seen.add(part)
            position += 1
            counts = translations.setdefault(part, [0, position])
            counts[0] += 1
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("# English -> German words, built by tools/build-translations/build.py from "
                  "FreeDict eng-deu (Ding); licence GPL-3+ (the dictionary's)\n")
        for head in sorted(table):
            ranked = sorted(table[head].items(), key=lambda kv: (-kv[1][0], kv[1][1]))
            words = [w for w, _ in ranked[:MAX_TRANSLATIONS]]
            if words:
                out.write(head + "\t" + " ".join(words) + "\n")


if __name__ == "__main__":
    main()
