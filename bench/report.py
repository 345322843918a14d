#!/usr/bin/python3
"""Prints bench/profile.sh's counts as instructions per input byte, one row a stage, one column a
set of inputs; with --check BASELINE, fails (exit 1) when a set's total or one of its stages grew
by more than 5 % over the baseline. A stage under 0.5 % of its set's total is held to the same 5 %
only once it grows by more than 0.5 % of the total, so that a stage of a few hundred instructions
cannot fail the check on its own noise.

usage: report.py RESULT [--check BASELINE]"""
import sys

LIMIT = 1.05
FLOOR = 0.005
ORDER = ["detection", "decoding", "splitting", "lexing", "grammar", "assembly", "emitting",
         "other", "startup", "total"]


def load(path):
    """{set: {stage: instructions}}, {set: bytes}"""
    counts, sizes = {}, {}
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, stage, cost, nbytes = line.split()
            counts.setdefault(name, {})[stage] = int(cost)
            sizes[name] = int(nbytes)
    return counts, sizes


def table(counts, sizes):
    sets = list(counts)
    print("instructions per input byte (callgrind; startup: instructions, not per byte)")
    print(f"{'stage':<11}" + "".join(f"{s:>20}" for s in sets))
    for stage in ORDER:
        cells = []
        for s in sets:
            c = counts[s].get(stage, 0)
            cells.append(f"{c:>20,}" if stage == "startup" else f"{c / sizes[s]:>20.2f}")
        print(f"{stage:<11}" + "".join(cells))
    print(f"{'bytes':<11}" + "".join(f"{sizes[s]:>20,}" for s in sets))


def check(counts, base_counts):
    failed = 0
    for s, stages in base_counts.items():
        if s not in counts:
            print(f"bench-check: FAIL {s}: not measured")
            failed += 1
            continue
        total = base_counts[s]["total"]
        for stage, old in stages.items():
            new = counts[s].get(stage, 0)
            grew = new - old
            small = stage != "total" and old < FLOOR * total
            if new > old * LIMIT and not (small and grew <= FLOOR * total):
                print(f"bench-check: FAIL {s} {stage}: {old:,} -> {new:,} instructions "
                      f"(+{100 * grew / max(old, 1):.1f} %, limit +5 %)")
                failed += 1
            elif new < old / LIMIT and stage == "total":
                print(f"bench-check: {s}: {old:,} -> {new:,} instructions "
                      f"({100 * grew / old:.1f} %): faster; move bench/baseline.txt, saying why")
    if failed:
        print(f"bench-check: {failed} figure(s) grew by more than 5 % over bench/baseline.txt")
        return 1
    print("bench-check: ok, no set or stage grew by more than 5 % over bench/baseline.txt")
    return 0


def main():
    counts, sizes = load(sys.argv[1])
    table(counts, sizes)
    if len(sys.argv) > 3 and sys.argv[2] == "--check":
        base, _ = load(sys.argv[3])
        sys.exit(check(counts, base))


if __name__ == "__main__":
    main()
