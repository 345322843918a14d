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

--worst N lists the N worst tuning pages (never a held-out one).

Usage: naeb_score.py GOLD.json RECORDS.jsonl [--worst N] [--min-f1 F] [--min-headline H]
(exit 1 when the F1 or headline agreement over all pages is under the floor given, or no page
matched)
       naeb_score.py --self-test"""
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


def self_test():
    """The scorer's pieces on cases worked by hand."""
    assert tokens("It's 5 o'clock—now.") == ["It", "s", "5", "o", "clock", "now"]
    assert tokens("Zürich façade") == ["Zürich", "façade"]
    assert shingles(["a", "b", "c", "d", "e"]) == collections.Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    # identical texts: precision and recall 1
    assert page_scores("one two three four five", "one two three four five") == (1.0, 1.0)
    # half the body is extra: tp 1, fp 1, fn 0 -> precision 0.5, recall 1
    p, r = page_scores("a b c d x", "a b c d")
    assert abs(p - 0.5) < 1e-9 and r == 1.0, (p, r)
    # nothing extracted: precision 0, recall 0
    assert page_scores("", "a b c d") == (0.0, 0.0)
    # repeated shingles count as often as they occur (multisets)
    p, r = page_scores("a b c d a b c d", "a b c d")
    assert r == 1.0 and abs(p - 0.2) < 1e-9, (p, r)
    assert abs(f1(0.5, 1.0) - 2 / 3) < 1e-9 and f1(0, 0) == 0
    assert norm("The  Voice: Dan + Shay!") == "the voice dan shay"
    assert gold_authors({"authors": "RALPH D. RUSSO, BOB FERRANTE"}) == {"ralph d russo", "bob ferrante"}
    assert held_out("00000000") and not held_out("00000001")
    print("naeb_score: self-test passed")
    return 0


def main(argv):
    if "--self-test" in argv:
        return self_test()
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
        if not held_out(name):  # --worst lists tuning pages only: held-out pages stay unseen
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
    if not rows["all"]:
        return 1
    v = rows["all"]
    p = sum(x[0] for x in v) / len(v)
    r = sum(x[1] for x in v) / len(v)
    head = sum(x[2] for x in v) / len(v)
    floor = lambda k: float(argv[argv.index(k) + 1]) if k in argv else 0.0
    if f1(p, r) < floor("--min-f1") or head < floor("--min-headline"):
        print("naeb: under the floor (F1 %.3f, headline %.3f)" % (f1(p, r), head))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
