#!/usr/bin/env python3
"""Builds data/quality/spin_variants.tsv: the "tortured phrases" a text
spinner makes of fixed expressions.

For every expression of data/quality/collocations.tsv and every word of it
that the thesaurus knows (nouns and adjectives; a German inflection ending
is split off before the lookup and put back after), each single-word
synonym gives one variant with that word swapped: "United Nations" ->
"joined nations", "Vereinte Nationen" -> "verbundene Nationen".

A variant that occurs in real edited text is no tortured phrase; variants
found in the filter corpora (German and English news and parliament text
in ../shared/data: the GermEval 2014 dev split, UD German GSD dev, the
Europarl NER sample, the article bodies of article-extraction-benchmark)
are left out. news-stream-dev, TempEval-3 and the seeds are not used here:
they measure the false positives of the result.

Thesauri (Debian packages, installed by scripts/setup --data):
  mythes-de     OpenThesaurus (LGPL-2.1), /usr/share/mythes/th_de_DE_v2.dat
  mythes-en-us  /usr/share/mythes/th_en_US_v2.dat (permissive, see
                /usr/share/doc/mythes-en-us/copyright)

Usage: tools/build_spin_lexicon.py [SHARED_DATA_DIR]   (default ../shared/data)
"""
import gzip
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THESAURI = {"de": "/usr/share/mythes/th_de_DE_v2.dat", "en": "/usr/share/mythes/th_en_US_v2.dat"}
DE_ENDINGS = ["en", "er", "es", "em", "e", "n", "s"]
WORD = re.compile(r"\w+(?:-\w+)*", re.U)


def read_thesaurus(path):
    syn = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        f.readline()  # encoding line
        while True:
            head = f.readline()
            if not head:
                break
            if "|" not in head:
                continue
            word, count = head.rstrip("\n").rsplit("|", 1)
            try:
                count = int(count)
            except ValueError:
                continue
            out = syn.setdefault(word.lower(), set())
            for _ in range(count):
                parts = f.readline().rstrip("\n").split("|")[1:]
                for p in parts:
                    p = re.sub(r"\s*\([^)]*\)", "", p).strip()
                    if p and " " not in p and p.lower() != word.lower():
                        out.add(p.lower())
    return syn


def synonyms(lang, word, thes):
    w = word.lower()
    if w in thes:
        return [(s, "") for s in thes[w]]
    if lang == "de":
        for end in DE_ENDINGS:
            if w.endswith(end) and w[: -len(end)] in thes:
                stem = w[: -len(end)]
                return [(s, end) for s in thes[stem]]
    return []


EN_KEEP = {"with", "from", "over", "under", "into", "than", "that", "this", "place", "took",
           "take", "taking", "said", "told", "pleaded"}


def swappable(lang, words, i):
    """Nouns and adjectives: German capitalised words and lower-case words
    right before one; English content words."""
    w = words[i]
    if len(w) <= 3:
        return False
    if lang == "de":
        return w[:1].isupper() or (i + 1 < len(words) and words[i + 1][:1].isupper())
    return w.lower() not in EN_KEEP


def filter_ngrams(data):
    """Folded word 2- to 5-grams of the filter corpora."""
    texts = []
    with open(os.path.join(data, "germeval2014-ner/NER-de-dev.tsv"), encoding="utf-8") as f:
        sent = []
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and cols[0].isdigit():
                sent.append(cols[1])
            elif sent:
                texts.append(" ".join(sent))
                sent = []
    with open(os.path.join(data, "ud-german-gsd/de_gsd-ud-dev.conllu"), encoding="utf-8") as f:
        texts += [l[len("# text = "):] for l in f if l.startswith("# text = ")]
    with open(os.path.join(data, "europarl-ner-de/ep-96-04-15_pado_annotated.tsv"),
              encoding="utf-8", errors="replace") as f:
        texts.append(" ".join(l.split("\t")[0] for l in f if l.strip()))
    gold = json.load(open(os.path.join(data, "article-extraction-benchmark/ground-truth.json"),
                          encoding="utf-8"))
    texts += [item.get("articleBody") or "" for item in gold.values()]
    grams = set()
    for t in texts:
        toks = [w.lower() for w in WORD.findall(t)]
        for n in range(2, 6):
            for i in range(len(toks) - n + 1):
                grams.add(" ".join(toks[i:i + n]))
    return grams


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
    thesauri = {lang: read_thesaurus(path) for lang, path in THESAURI.items()}
    seen = filter_ngrams(data)
    # "!variant" lines: real expressions a swap happens to make.
    with open(os.path.join(ROOT, "data/quality/collocations.tsv"), encoding="utf-8") as f:
        real = {l.split("\t")[1][1:].strip().lower() for l in f
                if not l.startswith("#") and "\t!" in l}
    rows, dropped = [], 0
    with open(os.path.join(ROOT, "data/quality/collocations.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            lang, expr = line.rstrip("\n").split("\t")
            if expr.startswith("!"):
                continue
            words = expr.split(" ")
            for i, w in enumerate(words):
                if not swappable(lang, words, i):
                    continue
                for syn, end in synonyms(lang, w, thesauri[lang]):
                    variant = words[:i] + [syn + end] + words[i + 1:]
                    v = " ".join(x.lower() for x in variant)
                    if end == "n" and not syn.endswith(("e", "el", "er")):
                        continue  # "Energie-n" gives "Kraft" no "n"
                    if v == expr.lower() or len(syn) <= 2:
                        continue
                    if v in seen or v in real:
                        dropped += 1
                        continue
                    rows.append((lang, v, expr))
    rows = sorted(set(rows))
    out = os.path.join(ROOT, "data/quality/spin_variants.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Built by tools/build_spin_lexicon.py; see data/quality/PROVENANCE.md.\n")
        f.write("# language\tvariant (lower case)\texpression it stands for\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} variants written to {out}; {dropped} found in real text and left out",
          file=sys.stderr)


if __name__ == "__main__":
    main()
