#!/usr/bin/python3
"""Instructions per input byte, stage by stage, of one `cablewire convert` run under callgrind.

Instruction counts do not depend on the machine's load, so they can be compared between runs on a
shared machine and checked against a committed baseline (bench/report.py --check). A stage is the inclusive
cost of the functions that enter it, less the stages nested inside it:

  detection  form_detect(_in_place), input_looks_binary (which form and whether text at all)
  decoding   form_decode (HTML, CSV, Markdown, SGML... to plain text)
  splitting  cw_reader_feed, cw_reader_next_unit (bytes in, one unit per cable or story out)
             less the detection the reader calls itself
  lexing     the Bison parsers' token functions (body_lex_token, routing_lex, art_next_token)
             and the article lexer's paragraph classifier (art_classify_counted), wherever called
  grammar    the Bison parsers with their actions (cw_body_parse, cw_hdr_parse,
             cw_article_parse) less lexing
  assembly   cable_parse, article_parse, record_new, record_finish less grammar and lexing
  emitting   stream_render, stream_write (JSON Lines, written)
  other      the rest of main: walking sources, the pipeline, freeing records
  startup    before and after main (the dynamic loader): not divided by the bytes

usage: profile.py NAME BYTES CALLGRIND_OUT -- CABLEWIRE ARGS...
       prints "NAME STAGE INSTRUCTIONS BYTES" lines, then the 15 costliest functions by self cost
       on standard error (aggregated over the files their code was inlined from).
"""
import re
import subprocess
import sys

STAGES = {
    "detection": ["form_detect", "form_detect_in_place", "input_looks_binary"],
    "decoding": ["form_decode"],
    "splitting": ["cw_reader_feed", "cw_reader_next_unit"],
    "lexing": ["body_lex_token", "routing_lex", "art_next_token", "art_classify_counted"],
    "grammar": ["cw_body_parse", "cw_hdr_parse", "cw_article_parse"],
    "assembly": ["cable_parse", "article_parse", "record_new", "record_finish"],
    "emitting": ["stream_render", "stream_write"],
}

def read_counts(out_file):
    """({function: self cost}, {function: inclusive cost}, total) read from callgrind's own file.
    A function's code inlined from several files counts once under its name; the inclusive cost
    is its self cost plus the costs of every call it makes (so not meant for recursive ones)."""
    names = {}
    selfc, incl, total = {}, {}, 0
    fn, callee, in_call = None, None, False
    edges = {}

    def name(ref):  # "(12) name" defines id 12, "(12)" reuses it
        m = re.match(r"\((\d+)\)\s*(.*)", ref)
        if not m:
            return ref
        if m.group(2):
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), m.group(1))

    with open(out_file) as f:
        for line in f:
            if line.startswith("fn="):
                fn = re.sub(r"'\d+$", "", name(line[3:].strip()))
            elif line.startswith("cfn="):
                callee = re.sub(r"'\d+$", "", name(line[4:].strip()))
            elif line.startswith("calls="):
                in_call = True
            elif line.startswith("summary:") or line.startswith("totals:"):
                total = max(total, int(line.split()[1]))
            elif fn is not None and (line[:1].isdigit() or line[:1] in "+-*"):
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 else 0
                incl[fn] = incl.get(fn, 0) + cost
                if not in_call:
                    selfc[fn] = selfc.get(fn, 0) + cost
                else:
                    edges[(fn, callee)] = edges.get((fn, callee), 0) + cost
                in_call = False
    return selfc, incl, edges, total


def stages(incl, edges, total):
    def cost(names):
        return sum(incl.get(n, 0) for n in names)
    for name, fns in STAGES.items():  # a renamed function must not empty a stage unnoticed
        if not any(fn in incl for fn in fns):
            sys.exit(f"profile.py: none of the functions of stage {name} ran ({', '.join(fns)}):"
                     " renamed? update STAGES in bench/profile.py")
    s = {name: cost(fns) for name, fns in STAGES.items()}
    s["splitting"] -= sum(edges.get((a, b), 0) for a in STAGES["splitting"]
                          for b in STAGES["detection"])
    s["grammar"] -= sum(edges.get((a, b), 0) for a in STAGES["grammar"]
                        for b in STAGES["lexing"])
    s["assembly"] -= s["grammar"] + s["lexing"]  # every parser and lexer runs inside these
    main = incl.get("main", 0)
    s["other"] = main - sum(s[n] for n in STAGES)
    s["startup"] = total - main
    s["total"] = total
    return s


def main():
    name, nbytes, out_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + cmd,
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    selfc, incl, edges, total = read_counts(out_file)
    if total == 0:
        sys.exit("profile.py: callgrind wrote no counts for " + name)
    for stage, cost in stages(incl, edges, total).items():
        print(name, stage, cost, nbytes)
    top = sorted(selfc.items(), key=lambda kv: -kv[1])[:15]
    print(f"\n{name}: the 15 costliest functions by self instructions ({total:,} in all)",
          file=sys.stderr)
    for fn, cost in top:
        print(f"  {cost / nbytes:8.2f}/byte {100 * cost / total:5.1f} %  {fn}", file=sys.stderr)


if __name__ == "__main__":
    main()
