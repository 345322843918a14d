#!/usr/bin/python3
"""Body, headline and author agreement of article-html records with a news extraction
benchmark's gold file (naeb-dev.json: one object per page with html_file, title, authors, text).

Scored as the common benchmark does: a record's body is its paragraphs' text joined by newlines
(the headline not included); tokens are Unicode word runs (\\w+); the 4-token shingles of the body
and of the gold text are counted (as multisets); per page, true positives, false positives and
false negatives are normalised to sum to 1; precision and recall are the means over pages, F1
their harmonic mean. Headline agreement: equal after lowercasing and keeping word runs only.
Author agreement: the same set of names, compared the same way (pages whose gold names no author
agree when the record has no named byline either).

The pages are split in two by their file name's hash (a third held out, never looked at while
tuning): the table gives the tuning part, the held-out part and all.

Usage: naeb_score.py GOLD.json RECORDS.jsonl [--worst N]"""
import collections
import json
import re
import sys

WORD = re.compile(r"\w+")


def tokens(s):
    return WORD.findall(s or "")


def shingles(toks, k=4):
    if len(toks) < k:
        return collections.Counter([tuple(toks)]) if toks else collections.Counter()
    return collections.Counter(tuple(toks[i:i + k]) for i in range(len(toks) - k + 1))


def page_scores(body, gold):
    """(precision, recall) of one page from the shingle multisets, TP+FP+FN normalised to 1."""
    b, g = shingles(tokens(body)), shingles(tokens(gold))
    tp = sum((b & g).values())
    fp = sum(b.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r


def norm(s):
    return " ".join(w.lower() for w in tokens(s))


def held_out(name):
    """A third of the pages, by their name's hash (hex file names): never tuned on."""
    try:
        return int(name[:8], 16) % 3 == 0
    except ValueError:
        return sum(map(ord, name)) % 3 == 0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def record_body(rec):
    return "\n".join(p.get("text", "") for p in rec.get("paragraphs") or [])


def record_authors(rec):
    return {norm(b["name"]) for b in rec.get("bylines") or [] if b.get("name")}


def gold_authors(g):
    a = g.get("authors") or ""
    names = a if isinstance(a, list) else re.split(r",|\band\b", a)
    return {norm(n) for n in names if norm(n)}


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    gold = json.load(open(argv[1], encoding="utf-8"))
    worst = int(argv[argv.index("--worst") + 1]) if "--worst" in argv else 0
    recs = {}
    with open(argv[2], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            path = (r.get("source") or {}).get("path") or ""
            name = path.rsplit("/", 1)[-1]
            if name.endswith(".html"):
                name = name[:-5]
            recs[name] = r
    rows = {"tuning": [], "held-out": [], "all": []}
    details = []
    missing = 0
    for g in gold:
        name = g.get("html_file")
        if not name:
            continue
        r = recs.get(name)
        if r is None:
            missing += 1
            continue
        p, rc = page_scores(record_body(r), g.get("text"))
        head = norm(r.get("headline")) == norm(g.get("title")) and norm(g.get("title")) != ""
        auth = record_authors(r) == gold_authors(g)
        row = (p, rc, head, auth)
        rows["held-out" if held_out(name) else "tuning"].append(row)
        rows["all"].append(row)
        details.append((f1(p, rc), name, p, rc, head, auth, r.get("headline"), g.get("title")))
    print("%-9s %5s %9s %7s %7s %9s %8s" % ("pages", "n", "precision", "recall", "F1", "headline", "authors"))
    for k in ("tuning", "held-out", "all"):
        v = rows[k]
        if not v:
            continue
        n = len(v)
        p = sum(x[0] for x in v) / n
        r = sum(x[1] for x in v) / n
        print("%-9s %5d %9.3f %7.3f %7.3f %8.1f%% %7.1f%%" % (k, n, p, r, f1(p, r),
              100 * sum(x[2] for x in v) / n, 100 * sum(x[3] for x in v) / n))
    if missing:
        print("naeb: %d gold pages have no record (not among the HTML files given)" % missing)
    for d in sorted(details)[:worst]:
        print("%.3f %s p=%.3f r=%.3f head=%d auth=%d %r | %r" % d)
    return 0 if rows["all"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
