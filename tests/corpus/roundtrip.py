#!/usr/bin/env python3
"""Round-trip agreement: records converted directly (DIRECT.jsonl) against the same records
written as a news format and read back (BACK.jsonl), record by record in order.

An article must keep its headline, bylines (name, title, affiliation), dateline (text, location,
region, date, agency), paragraphs (the texts the formats carry: duplicates are left out by
design), contributors (each contributor line apart) and photo credits (credit, agency,
photographer, caption); a cable
must come back as an article with its subject as the headline and its paragraphs' text.

Usage: roundtrip.py FORMAT DIRECT.jsonl BACK.jsonl [--min PERCENT] [--show N]
Prints one line per field: agreeing records / records, percent. Exit 1 when a field is under
--min (default 99.9) or the record counts differ."""
import json
import sys


def para_texts(rec):
    # An empty paragraph has no element to be written in.
    return [p["text"] for p in rec.get("paragraphs", []) if p.get("duplicate_of") is None and p["text"]]


def headline(rec):
    return rec.get("headline") or None  # an empty headline is none


def dateline(rec):
    d = rec.get("dateline")
    if not d:
        return None
    return [d.get(k) for k in ("text", "location", "region", "date", "agency")]


def bylines(rec):
    return [[b.get("name"), b.get("title"), b.get("affiliation")] for b in rec.get("bylines", [])]


def contributors(rec):
    return [x["text"] for x in rec.get("contributors", [])]


def photo_credits(rec):
    return [[c.get(k) for k in ("credit", "agency", "photographer", "caption")]
            for c in rec.get("photo_credits", [])]


def main():
    args = sys.argv[1:]
    minimum, show = 99.9, 0
    if "--min" in args:
        i = args.index("--min")
        minimum = float(args[i + 1])
        del args[i:i + 2]
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    fmt, direct_path, back_path = args
    direct = [json.loads(l) for l in open(direct_path, encoding="utf-8")]
    back = [json.loads(l) for l in open(back_path, encoding="utf-8")]
    if len(direct) != len(back):
        print(f"roundtrip {fmt}: {len(direct)} records but {len(back)} read back")
        return 1
    fields = {}
    shown = 0

    def tally(field, ok, i, a, b):
        nonlocal shown
        n = fields.setdefault(field, [0, 0])
        n[1] += 1
        n[0] += bool(ok)
        if not ok and shown < show:
            shown += 1
            print(f"  {field} #{i}: {json.dumps(a)[:300]} != {json.dumps(b)[:300]}")

    for i, (d, b) in enumerate(zip(direct, back)):
        if d["kind"] == "article":
            tally("article headline", headline(d) == headline(b), i, headline(d), headline(b))
            tally("article bylines", bylines(d) == bylines(b), i, bylines(d), bylines(b))
            tally("article dateline", dateline(d) == dateline(b), i, dateline(d), dateline(b))
            tally("article paragraphs", para_texts(d) == para_texts(b), i, para_texts(d), para_texts(b))
            tally("article contributors", contributors(d) == contributors(b), i, contributors(d),
                  contributors(b))
            tally("article photo credits", photo_credits(d) == photo_credits(b), i,
                  photo_credits(d), photo_credits(b))
        elif d["kind"] == "cable":
            tally("cable kind", b["kind"] == "article", i, "article", b["kind"])
            tally("cable subject", d.get("subject") == b.get("headline"), i, d.get("subject"), b.get("headline"))
            # Each paragraph's heading and text, and each sub-paragraph's text, somewhere in
            # what came back (the formats write "1. (C) HEADING: text" on one line).
            want = [p[k] for p in d.get("paragraphs", []) for k in ("heading", "text") if p.get(k)]
            want += [sp["text"] for p in d.get("paragraphs", []) for sp in p.get("subparagraphs", []) if sp.get("text")]
            # (all of them: a cable's repeated paragraph is marked duplicate_of as an article's)
            got = " ".join(p["text"] for p in b.get("paragraphs", []))
            tally("cable text", all(w in got for w in want), i, want[:2], para_texts(b)[:2])
    bad = 0
    for field, (ok, n) in fields.items():
        pct = 100.0 * ok / n if n else 100.0
        flag = "" if pct >= minimum else f"  (under {minimum} %)"
        bad += pct < minimum
        print(f"roundtrip {fmt:9} {field:22} {ok:6} / {n:6}  {pct:6.2f} %{flag}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
