#!/usr/bin/env python3
"""Builds data/stories/background-df.tsv: in how many documents of openly
licensed German and English text each word stem occurs.

Story clustering weighs terms by inverse document frequency. Over a
stream of thousands of articles the stream's own counts suffice; a small
batch (five articles on one event) cannot tell "Kasachstan" from "sagte" by
its own counts, so these background counts are added to the stream's.

Documents: GermEval 2014 NER dev+test (CC BY 4.0) and UD German GSD dev+test
(CC BY-SA 4.0), five consecutive sentences each; the article bodies of
the Zyte article-extraction-benchmark (MIT, English) and the TempEval-3
platinum texts (CC BY 3.0, English), five sentences each. Terms as the
C++ side makes them (src/stories/stories.cc): runs of three letters or
more, lower-cased, Snowball stem of the document's language. Stems seen in
one document only are left out. Needs python3-stemmer (Debian).

Usage: tools/build_story_df.py ../shared/data > data/stories/background-df.tsv
"""
import collections
import glob
import json
import os
import re
import sys

import Stemmer

WORD = re.compile(r"[^\W\d_]{3,}")
CHUNK = 5


def sentences_germeval(path):
    words = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2:
            if words:
                yield " ".join(words)
                words = []
            continue
        words.append(cols[1])
    if words:
        yield " ".join(words)


def sentences_conllu(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("# text = "):
            yield line[len("# text = "):].strip()


def split_sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def chunks(sentences):
    buf = []
    for s in sentences:
        buf.append(s)
        if len(buf) == CHUNK:
            yield " ".join(buf)
            buf = []
    if buf:
        yield " ".join(buf)


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
    stemmers = {"de": Stemmer.Stemmer("german"), "en": Stemmer.Stemmer("english")}
    docs = []  # (language, text)
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        docs += [("de", d) for d in chunks(sentences_germeval(os.path.join(shared, "germeval2014-ner", name)))]
    for name in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"):
        docs += [("de", d) for d in chunks(sentences_conllu(os.path.join(shared, "ud-german-gsd", name)))]
    truth = json.load(open(os.path.join(shared, "article-extraction-benchmark", "ground-truth.json"), encoding="utf-8"))
    for item in truth.values():
        docs += [("en", d) for d in chunks(split_sentences(item.get("articleBody") or ""))]
    for path in sorted(glob.glob(os.path.join(shared, "tempeval3-platinum", "**", "*.tml"), recursive=True)):
        text = re.sub(r"<[^>]+>", " ", open(path, encoding="utf-8").read())
        docs += [("en", d) for d in chunks(split_sentences(text))]
    df = collections.Counter()
    for lang, text in docs:
        stems = {stemmers[lang].stemWord(w.lower()) for w in WORD.findall(text)}
        df.update(stems)
    print("# stem\tdocuments; built by tools/build_story_df.py, see PROVENANCE.md")
    print(f"#documents\t{len(docs)}")
    for stem, n in sorted(df.items(), key=lambda x: (-x[1], x[0])):
        if n >= 2:
            print(f"{stem}\t{n}")


if __name__ == "__main__":
    main()
