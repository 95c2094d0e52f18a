#!/usr/bin/env python3
"""Citation precision of the summaries and timelines of the ten largest
stories of both dev streams, against labels kept in labels.tsv.

A citation is a sentence of a story's summary or timeline with one article
it cites. It is supported when the article states the sentence's main fact
(the same actor, the same act, the same figure or day). Citations of the
article the sentence is taken from, and of the articles that give one of
the readings of a conflict or update sentence, are supported by
construction. Every other citation was labelled by reading the article;
labels.tsv keeps them by stream, kind, day, a SHA-1 of the sentence and
the article's id in the stream (no text of the streams is copied here).

Usage: citation_test.py LAGEBILD SHARED_DIR [--list-unlabelled FILE]
Fails when the citation precision (every citation: those supported by
construction and the labelled ones) is under 0.95, or when more than a
tenth of today's citations that need a label have none (the labels no
longer describe the output: label them again). Prints the precision over
the labelled citations alone too.
"""
import hashlib, json, os, subprocess, sys

STREAMS = [("news-stream-dev", "d"), ("news-stream-dev2", "e")]
SYNTHETIC = ("Widersprüchliche Angaben", "Conflicting figures", "Angaben, die sich", "Figures that changed")

def citations(lagebild, shared):
    for stream, prefix in STREAMS:
        path = os.path.join(shared, "data", stream, "articles.jsonl")
        out = subprocess.run([lagebild, "analyze", "-q", "-j", "2", "-f", "json", path],
                             check=False, capture_output=True)
        report = json.loads(out.stdout)
        arts = {a["id"]: a for a in report["articles"]}
        gold = {a["id"]: f"{prefix}{i + 1:04d}" for i, a in enumerate(report["articles"])}
        for st in sorted(report["stories"], key=lambda s: -len(s["articles"]))[:10]:
            for kind in ("summary", "timeline"):
                for c in st[kind]:
                    text = c["text"]
                    for aid in c["articles"]:
                        yield dict(stream=stream, kind=kind, date=c.get("date", ""),
                                   sha=hashlib.sha1(text.encode()).hexdigest(), article=gold[aid],
                                   by_construction=text in arts[aid]["text"] or text.startswith(SYNTHETIC),
                                   sentence=text)

def main():
    lagebild, shared = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    labels = {}
    with open(os.path.join(here, "labels.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            stream, kind, date, sha, article, label = line.rstrip("\n").split("\t")[:6]
            labels[(stream, kind, date, sha, article)] = label == "1"
    if not os.path.exists(os.path.join(shared, "data", STREAMS[0][0], "articles.jsonl")):
        print(f"citation_test: {shared}/data not found", file=sys.stderr)
        return 1
    total = supported = need = labelled = labelled_ok = 0
    unlabelled = []
    for c in citations(lagebild, shared):
        total += 1
        if c["by_construction"]:
            supported += 1
            continue
        need += 1
        key = (c["stream"], c["kind"], c["date"], c["sha"], c["article"])
        if key not in labels:
            unlabelled.append(c)
            continue
        labelled += 1
        labelled_ok += labels[key]
        supported += labels[key]
    precision = labelled_ok / labelled if labelled else 0
    print(f"citations: {total}; by construction: {total - need}; to label: {need}; labelled: {labelled} "
          f"({labelled_ok} supported, precision {precision:.3f}); "
          f"overall precision over the labelled and by-construction citations: "
          f"{(total - need + labelled_ok) / (total - need + labelled):.3f}; unlabelled: {len(unlabelled)}")
    if "--list-unlabelled" in sys.argv:
        with open(sys.argv[sys.argv.index("--list-unlabelled") + 1], "w", encoding="utf-8") as f:
            for c in unlabelled:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    ok = True
    overall = (total - need + labelled_ok) / (total - need + labelled) if total else 0
    if overall < 0.95:
        print("FAIL: citation precision under 0.95", file=sys.stderr)
        ok = False
    if need and len(unlabelled) > need / 10:
        print("FAIL: more than a tenth of the citations that need a label have none", file=sys.stderr)
        ok = False
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
