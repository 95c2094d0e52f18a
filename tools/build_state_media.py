#!/usr/bin/env python3
"""Builds data/outlets/state_media.tsv from the State Media Matrix CSV.

Usage: tools/build_state_media.py ../shared/data/state-media/State_Media_Matrix.csv \
           > data/outlets/state_media.tsv

Keeps, per row: host name (scheme, "www." and path removed), country, media
company, asset name (type prefixes such as "News agency: " removed) and the
State Media Monitor typology code. Rows whose typology is not one of the
seven codes (a few rows of the source are shifted by a stray comma) are
skipped. Output is sorted and deduplicated so rebuilding is reproducible.
"""
import csv
import re
import sys

CODES = {"SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP"}
PREFIX = re.compile(r"^(News agency|Television|Print media|Print|Radio|Online|TV|Magazine)\s*:\s*",
                    re.I)


def host(url):
    url = url.strip().lower()
    url = re.sub(r"^[a-z]+://", "", url)
    url = url.split("/")[0].split("?")[0].split(":")[0]
    if url.startswith("www."):
        url = url[4:]
    return url


def clean(s):
    s = " ".join(s.replace("\t", " ").split())
    return s.rstrip("*").strip()


def main():
    rows = set()
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = (r.get("Typology") or "").strip().rstrip("?")
            if code not in CODES:
                continue
            asset = PREFIX.sub("", clean(r["Main assets"]))
            rows.add((host(r["URL"] or ""), clean(r["Country"]), clean(r["Media company"]),
                      asset, code))
    print("# State-affiliated media outlets: host, country, company, asset, typology.")
    print("# Built by tools/build_state_media.py from the State Media Matrix; see PROVENANCE.md.")
    print("# Typology (State Media Monitor): SC state-controlled, CaPu captured public,")
    print("# CaPr captured private, ISFM/ISF/ISM independent state-funded/-managed, IP independent public.")
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main()
