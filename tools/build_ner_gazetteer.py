#!/usr/bin/env python3
"""Builds data/ner/gazetteer.tsv: names with their entity type, for the
gazetteer features of the NER tagger; and data/ner/nouns.txt: German common
nouns (capitalised words the legal corpus leaves outside names).

Sources (all openly licensed; never the GermEval test split or the
SmartData test split, which measure the tagger):
  - Debian iso-codes: country names (ISO 3166-1) in English and, through
    the German message catalogue, in German (LOC), plus their subdivisions
    (ISO 3166-2, LOC).
  - the cities of data/geo/cities.tsv (GeoNames, CC BY 4.0; built by
    tools/geo/build.mjs), LOC.
  - the names annotated in the German Legal Entity Recognition corpus
    (CC BY 4.0; persons, places, organisations and other named things, as
    mapped by ner_tool) and in the Europeana historic newspapers (CC0).
A name is kept when it has at most five words and is not a single lower-case
word; a name seen with several types keeps its most frequent one.

Usage: tools/build_ner_gazetteer.py [SHARED_DATA_DIR]   (default ../shared/data)
"""
import collections
import gettext
import gzip
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LEGAL = {"PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC",
         "LDS": "LOC", "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
         "GS": "OTH", "VO": "OTH", "EUN": "OTH", "VS": "OTH", "VT": "OTH", "RS": "OTH",
         "LIT": "OTH"}
EUROPEANA = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def spans(lines, mapping):
    """Entity strings of a 'token TAG' stream."""
    cur, typ = [], None
    for line in lines:
        line = line.strip()
        parts = line.rsplit(None, 1)
        if len(parts) != 2:
            if cur:
                yield typ, cur
            cur, typ = [], None
            continue
        word, tag = parts
        if tag.startswith("B-") or (tag.startswith("I-") and (not cur or mapping.get(tag[2:]) != typ)):
            if cur:
                yield typ, cur
            t = mapping.get(tag[2:])
            cur, typ = ([word], t) if t else ([], None)
        elif tag.startswith("I-") and cur:
            cur.append(word)
        else:
            if cur:
                yield typ, cur
            cur, typ = [], None
    if cur:
        yield typ, cur


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
    counts = collections.defaultdict(collections.Counter)

    def add(typ, words, n=1):
        if not words or len(words) > 5:
            return
        if len(words) == 1 and not words[0][:1].isupper():
            return
        counts[" ".join(w.lower() for w in words)][typ] += n

    de = gettext.translation("iso_3166-1", "/usr/share/locale", languages=["de"], fallback=True)
    for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]:
        for name in {c["name"], c.get("common_name", c["name"]), c.get("official_name", c["name"])}:
            add("LOC", name.split(), 100)
            add("LOC", de.gettext(name).split(), 100)
    de2 = gettext.translation("iso_3166-2", "/usr/share/locale", languages=["de"], fallback=True)
    for s in json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]:
        add("LOC", s["name"].split(), 10)
        add("LOC", de2.gettext(s["name"]).split(), 10)

    with open(os.path.join(ROOT, "data", "geo", "cities.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                add("LOC", line.split("\t", 1)[0].split(), 5)

    courts = os.path.join(data, "ler-legal-ner-de", "courts")
    for f in sorted(os.listdir(courts)):
        with gzip.open(os.path.join(courts, f), "rt", encoding="utf-8") as fh:
            for typ, words in spans(fh, LEGAL):
                add(typ, words)
    enp = os.path.join(data, "europeana-newspapers-ner-de")
    for f in sorted(os.listdir(enp)):
        if f.endswith(".bio"):
            with open(os.path.join(enp, f), encoding="utf-8", errors="replace") as fh:
                for typ, words in spans(fh, EUROPEANA):
                    add(typ, words)

    # Common nouns: capitalised words inside a sentence that the legal
    # corpus leaves outside every name, seen at least three times.
    nouns = collections.Counter()
    for f in sorted(os.listdir(courts)):
        with gzip.open(os.path.join(courts, f), "rt", encoding="utf-8") as fh:
            first = True
            for line in fh:
                parts = line.strip().rsplit(None, 1)
                if len(parts) != 2:
                    first = True
                    continue
                word, tag = parts
                if tag == "O" and not first and word[:1].isupper() and word[1:].islower() and len(word) > 2:
                    nouns[word.lower()] += 1
                first = word in (".", "!", "?", ":")
    noun_out = os.path.join(ROOT, "data", "ner", "nouns.txt")
    kept = sorted(w for w, n in nouns.items() if n >= 3 and w not in counts)
    with open(noun_out, "w", encoding="utf-8") as fh:
        fh.write("# Built by tools/build_ner_gazetteer.py; see data/ner/PROVENANCE.md.\n")
        fh.write("# Common nouns (lower case), one a line.\n")
        for w in kept:
            fh.write(w + "\n")
    print(f"{len(kept)} common nouns written to {noun_out}", file=sys.stderr)

    out = os.path.join(ROOT, "data", "ner", "gazetteer.tsv")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    rows = sorted((name, c.most_common(1)[0][0]) for name, c in counts.items())
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Built by tools/build_ner_gazetteer.py; see data/ner/PROVENANCE.md.\n")
        fh.write("# type<TAB>name (lower case, words separated by one space)\n")
        for name, typ in rows:
            if "\t" in name or "\n" in name:
                continue
            fh.write(f"{typ}\t{name}\n")
    print(f"{len(rows)} names written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
