"""cablewire on a Dask cluster: the conversion of `cablewire convert`, cut into shards that Dask
distributed runs on its workers, written in order into the same output, byte for byte.

    /usr/bin/python3 -m cablewire.distributed convert INPUT... -o OUT [--format FMT]
        [--scheduler tcp://HOST:PORT | --local N] [--shard-bytes N]
    /usr/bin/python3 -m cablewire.distributed convert INPUT... --parts DIR [--resume] ...

Shards: the files of the inputs (small ones grouped up to --shard-bytes), runs of an archive's
members (of about --shard-bytes uncompressed, listed from the archive's headers; each member is
an input of its own), and runs of units of large files (cables.csv, Reuters SGML, wire
captures, concatenated telegrams) cut at the unit boundaries the library's own splitter finds,
each starting with the index, offset and line its first unit has in the whole file.
Workers parse and render through the library (cablewire.shards); the client writes the bytes in
shard order. A worker lost in the middle of a shard has the shard run again by Dask; its result
is taken once. The workers read the inputs by the same paths: on a cluster of several machines
they must see the same files (a shared file system).
"""

import argparse
import ctypes
import json
import os
import sys
import time

import cablewire
from cablewire import shards

USAGE_EXIT, ERRORS_EXIT = 2, 1
STREAM_FORMATS = ("jsonl", "json", "xml", "csv", "text", "nitf", "ninjs", "newsml-g2")
PART_ENDINGS = {"jsonl": ".jsonl", "json": ".json", "xml": ".xml", "csv": ".csv",
                "text": ".txt", "nitf": ".nitf", "ninjs": ".ninjs.jsonl",
                "newsml-g2": ".g2.xml"}
MANIFEST = "manifest.json"
DEFAULT_SHARD_BYTES = 32 << 20


class UsageError(Exception):
    pass


# ---- the plan ---------------------------------------------------------------------------------

def _cut_task(path, target, form):
    """Runs on a worker: how one large file is cut: ("units", shards.cut's answer) for a
    stream of many units, ("members", sizes) for an archive of several members
    (shards.members), or None when it is read whole."""
    c = shards.cut(path, target, form)
    if c is not None and len(c[2]) >= 2:
        return "units", c
    sizes = shards.members(path)
    if sizes is not None and len(sizes) >= 2:
        return "members", sizes
    return None


# The magic numbers parser/input/sources.c knows archives and compressed files by (offset, bytes).
_PACKED_MAGIC = ((0, b"\x1f\x8b"), (0, b"\xfd7zXZ\x00"), (0, b"\x28\xb5\x2f\xfd"),
                 (0, b"\x04\x22\x4d\x18"), (0, b"7z\xbc\xaf\x27\x1c"), (0, b"PK\x03\x04"),
                 (0, b"Rar!\x1a\x07"), (0, b"070701"), (0, b"BZh"), (257, b"ustar"))


def _looks_packed(path):
    try:
        with open(path, "rb") as f:
            head = f.read(262)
    except OSError:
        return False
    return any(head[at:at + len(magic)] == magic for at, magic in _PACKED_MAGIC)


def _member_runs(sizes, target):
    """An archive's members grouped into runs of about target bytes (a member of unknown size
    counts as target / 64): [(first, count, bytes)], the last run's count 0 (to the end, so that
    it also meets whatever follows the last member, as the whole walk does)."""
    runs, first, got = [], 0, 0
    for i, size in enumerate(sizes):
        got += size if size >= 0 else max(target // 64, 1)
        if got >= target or i + 1 - first >= 4096:
            runs.append([first, i + 1 - first, got])
            first, got = i + 1, 0
    if first < len(sizes):
        runs.append([first, len(sizes) - first, got])
    runs[-1][1] = 0
    return [tuple(r) for r in runs]


def plan(inputs, target, form="auto", cut_map=None):
    """The shards of a conversion, in output order: [{"shard": n, "items": [...], "bytes": b}].
    An item is {"path": ...} (a whole input), a run of an archive's members ({"path",
    "member_first", "member_count", "size"}: member_count 0 goes to the end) or a run of units
    of a file cut by the library ({"path", "form", "offset", "index", "line", "units", "end"}).
    cut_map(paths) gives _cut_task's answers for the large files (on the cluster); None cuts
    them here."""
    found = shards.inputs_of(inputs)
    # A compressed archive holds more than its size on disk: one from a 32nd of a shard is
    # listed too.
    large = [p for p, size, _ in found
             if size >= target or (size >= target // 32 and _looks_packed(p))]
    if cut_map is None:
        cut_map = lambda ps: [_cut_task(p, target, form) for p in ps]  # noqa: E731
    cuts = dict(zip(large, cut_map(large))) if large else {}
    out, group, group_bytes = [], [], 0

    def close_group():
        nonlocal group, group_bytes
        if group:
            out.append({"items": group, "bytes": group_bytes})
        group, group_bytes = [], 0

    for path, size, _ in found:
        how = cuts.get(path)
        if not how:
            group.append({"path": os.fsdecode(path), "size": size})
            group_bytes += size
            if group_bytes >= target or len(group) >= 4096:
                close_group()
            continue
        close_group()
        if how[0] == "members":
            for first, count, nbytes in _member_runs(how[1], target):
                out.append({"items": [{"path": os.fsdecode(path), "member_first": first,
                                       "member_count": count, "size": size}],
                            "bytes": nbytes})
            continue
        form_code, units, points = how[1]
        for i, (offset, index, line) in enumerate(points):
            last = i + 1 == len(points)
            end = size if last else points[i + 1][0]
            count = (units if last else points[i + 1][1]) - index
            out.append({"items": [{"path": os.fsdecode(path), "form": form_code,
                                   "form_name": shards.form_name(form_code), "offset": offset,
                                   "index": index, "line": line, "units": count, "end": end}],
                        "bytes": end - offset})
    close_group()
    for n, s in enumerate(out):
        s["shard"] = n
    return out


def _shard_identity(s):
    """What a shard is, for --resume to check that the inputs cut the same way."""
    return [[i["path"], i.get("offset", 0), i.get("end", i.get("size", 0)), i.get("units", 0)]
            + ([i["member_first"], i["member_count"]] if "member_first" in i else [])
            for i in s["items"]]


# ---- the run ----------------------------------------------------------------------------------

def run_shard(items, fmt, first, form, ignore, part=None):
    """Runs on a worker: one shard's rendered bytes, counts and messages. With part (a path the
    workers and the client share), the worker writes the shard there as a complete output
    (under a temporary name, renamed when complete: a retried shard replaces, never doubles)
    and returns no bytes: the data does not pass through the client."""
    data, counts, messages = shards.convert_shard(items, fmt, first, form, ignore)
    if part is None:
        return data, counts, messages
    sink = _StreamSink(part, fmt)
    ok = False
    try:
        sink.add(None, data, counts)
        ok = True
    finally:
        if not sink.close(ok) and ok:
            raise cablewire.Error("%s: write error" % part)
    return None, counts, messages


def _merge(total, counts):
    for key in ("inputs", "inputs_failed", "records", "with_errors", "with_warnings",
                "error_records"):
        total[key] += counts[key]
    for key, n in counts["codes"].items():
        key = tuple(key)
        total["codes"][key] = total["codes"].get(key, 0) + n
    # web archives (counts kept by parts written before them have none)
    total["warc_pages"] = total.get("warc_pages", 0) + counts.get("warc_pages", 0)
    skipped = total.setdefault("warc_skipped", {})
    for kind, n in counts.get("warc_skipped", {}).items():
        skipped[kind] = skipped.get(kind, 0) + n


def _counts_json(counts):
    c = dict(counts)
    c["codes"] = [[code, sev, n] for (code, sev), n in sorted(counts["codes"].items())]
    return c


def _counts_from_json(c):
    c = dict(c)
    c["codes"] = {(code, sev): n for code, sev, n in c["codes"]}
    return c


class _StreamSink:
    """The one output: an ordinary emitter over the library's output file (written under a
    temporary name, renamed when complete), fed the shards' bytes in order."""

    def __init__(self, path, fmt):
        self.out = _output_open(os.fsencode(path))
        if not self.out:
            raise cablewire.Error("%s: cannot open the output" % path)
        self.em = _emitter_new(fmt, _output_write_c, self.out, 0)

    def add(self, shard, data, counts):  # pylint: disable=unused-argument
        if data and _emit_rendered(self.em, data, len(data)) != 0:
            raise cablewire.Error("write error")

    def close(self, ok):
        rc = _emitter_finish(self.em) if ok else 0
        _emitter_free(self.em)
        return _output_close(self.out, 0 if ok and rc == 0 else 1) == 0 and rc == 0


class _PartsSink:
    """--parts DIR: one complete output per shard (part-00000.jsonl, ...) and manifest.json,
    rewritten as each part is done."""

    def __init__(self, folder, fmt_name, fmt, plan_, inputs, resume):
        self.folder, self.fmt, self.fmt_name = folder, fmt, fmt_name
        os.makedirs(folder, exist_ok=True)
        self.manifest_path = os.path.join(folder, MANIFEST)
        self.done = {}
        if resume and os.path.exists(self.manifest_path):
            with open(self.manifest_path, encoding="utf-8") as f:
                old = json.load(f)
            if old.get("format") != fmt_name or \
                    [s["identity"] for s in old["shards"]] != [_shard_identity(s) for s in plan_]:
                raise UsageError("%s: cannot resume: it was made from other inputs, shard size "
                                 "or format; remove it to start over" % self.manifest_path)
            for s in old["shards"]:
                if s["done"] and os.path.exists(os.path.join(folder, s["part"])):
                    self.done[s["shard"]] = _counts_from_json(s["counts"])
        self.manifest = {"format": fmt_name, "inputs": list(inputs), "shards": []}
        for s in plan_:
            n = s["shard"]
            rng = [[i["path"], i.get("offset", 0), i.get("end", i.get("size", 0))]
                   for i in s["items"]]
            runs = [[i["path"], i["member_first"], i["member_count"]] for i in s["items"]
                    if "member_first" in i]
            self.manifest["shards"].append({
                "shard": n, "part": self.part_name(n),
                "inputs": sorted({i["path"] for i in s["items"]}, key=[i["path"] for i in
                                                                         s["items"]].index),
                "byte_ranges": rng, "identity": _shard_identity(s),
                **({"members": runs} if runs else {}),
                "records": self.done[n]["records"] if n in self.done else None,
                "counts": _counts_json(self.done[n]) if n in self.done else None,
                "done": n in self.done})
        self._save()

    def part_name(self, n):
        return "part-%05d%s" % (n, PART_ENDINGS[self.fmt_name])

    def _save(self):
        tmp = self.manifest_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self.manifest, f, indent=1)
            f.write("\n")
        os.replace(tmp, self.manifest_path)

    def part_path(self, n):
        return os.path.abspath(os.path.join(self.folder, self.part_name(n)))

    def add(self, shard, data, counts):
        if data is not None:  # not written by the worker
            sink = _StreamSink(self.part_path(shard), self.fmt)
            try:
                sink.add(shard, data, counts)
            finally:
                if not sink.close(True):
                    raise cablewire.Error("%s: write error" % self.part_name(shard))
        entry = self.manifest["shards"][shard]
        entry.update(records=counts["records"], counts=_counts_json(counts), done=True)
        self._save()

    def close(self, ok):
        return ok


def _client(args):
    from distributed import Client, LocalCluster  # pylint: disable=import-outside-toplevel
    if args.scheduler:
        return Client(args.scheduler), None
    n = args.local or os.cpu_count() or 1
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def convert(args):
    """The convert subcommand; returns the exit status."""
    t0 = time.monotonic()
    fmt_name = args.format
    if fmt_name is None and args.output:
        code = _format_from_path(os.fsencode(args.output))
        fmt_name = _format_name(code) if code >= 0 else None
        if fmt_name is None and args.output == "-":
            fmt_name = "jsonl"
    fmt_name = fmt_name or "jsonl"
    if fmt_name not in STREAM_FORMATS:
        raise UsageError("--format wants one of %s (not %s: sqlite and compressed outputs are "
                         "the command's)" % (", ".join(STREAM_FORMATS), fmt_name))
    if args.output and args.output.lower().endswith((".gz", ".xz", ".zst", ".bz2")):
        raise UsageError("%s: a compressed output is the command's; write it plain"
                         % args.output)
    if bool(args.output) == bool(args.parts):
        raise UsageError("give one of -o OUT and --parts DIR")
    if args.resume and not args.parts:
        raise UsageError("--resume goes with --parts")
    if "-" in args.inputs:
        raise UsageError("standard input cannot be cut into shards: name files")
    fmt = cablewire._format_from_name(fmt_name.encode())  # pylint: disable=protected-access
    ignore = [c for arg in args.ignore for c in arg.split(",") if c]

    client, cluster = _client(args)
    t_start = time.monotonic()
    try:
        if args.timing:
            worker_cpu0 = client.run(_cpu_seconds)
        # The cuts of large files run on the cluster too, one task a file.
        def cut_map(paths):
            futures = client.map(_cut_task, paths, [args.shard_bytes] * len(paths),
                                 [args.form] * len(paths), pure=False)
            return client.gather(futures)

        the_plan = plan(args.inputs, args.shard_bytes, args.form, cut_map)
        t_plan = time.monotonic()
        if args.parts:
            sink = _PartsSink(args.parts, fmt_name, fmt, the_plan, args.inputs, args.resume)
        else:
            sink = _StreamSink(args.output, fmt)
        total = {"inputs": 0, "inputs_failed": 0, "records": 0, "with_errors": 0,
                 "with_warnings": 0, "error_records": 0, "codes": {}}
        todo = []
        for s in the_plan:
            done = getattr(sink, "done", {}).get(s["shard"])
            if done is not None:
                _merge(total, done)
            else:
                todo.append(s)
        resumed = len(the_plan) - len(todo)
        ok = False  # a shard that fails for good leaves the output unwritten
        try:
            ok = _run(client, todo, sink, fmt, args, ignore, total,
                      ordered=not args.parts)
        finally:
            closed = sink.close(ok)
        ok = ok and closed
        t_end = time.monotonic()
        if args.timing:
            # The workers' CPU time during the run (a worker the run lost took its own along).
            worker_cpu = client.run(_cpu_seconds)
            cpu = sum(v - worker_cpu0.get(k, 0.0) for k, v in worker_cpu.items())
            sys.stderr.write(
                "cablewire-dask: %d shards (%d resumed), %d workers; wall: cluster %.2f s, "
                "plan %.2f s, run %.2f s; CPU: workers %.2f s, client %.2f s\n"
                % (len(the_plan), resumed, len(worker_cpu), t_start - t0, t_plan - t_start,
                   t_end - t_plan, cpu, _cpu_seconds()))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return _report(total, ok, args, resumed)


def _cpu_seconds():
    """This process's CPU time, user and system (run on each worker for --timing)."""
    import resource  # pylint: disable=import-outside-toplevel
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _run(client, todo, sink, fmt, args, ignore, total, ordered):
    """Submits the shards and hands their results to the sink, in shard order when ordered
    (a stream), as they come otherwise (parts). Every shard's result is taken once."""
    from distributed import as_completed  # pylint: disable=import-outside-toplevel
    futures = {}
    for s in todo:
        # A part is an output of its own: its first record opens it.
        part = sink.part_path(s["shard"]) if not ordered else None
        f = client.submit(run_shard, s["items"], fmt, s["shard"] == 0 or not ordered, args.form,
                          ignore, part, key="cablewire-shard-%d-%s" % (s["shard"], os.getpid()), pure=False,
                          priority=-s["shard"])
        futures[f] = s["shard"]
    pending, next_shard = {}, todo[0]["shard"] if todo else 0
    order = [s["shard"] for s in todo]
    pos = 0
    for fut in as_completed(list(futures)):
        n = futures[fut]
        data, counts, messages = fut.result()
        fut.release()
        for m in messages:
            sys.stderr.write("cablewire: %s\n" % m)
        if not ordered:
            sink.add(n, data, counts)
            _merge(total, counts)
            continue
        pending[n] = (data, counts)
        while pos < len(order) and order[pos] in pending:
            next_shard = order[pos]
            data, counts = pending.pop(next_shard)
            sink.add(next_shard, data, counts)
            _merge(total, counts)
            pos += 1
    return True


def _report(t, ok, args, resumed):
    """The command's summary (cli/report.c), from the shards' counts."""
    clean = t["records"] - t["with_errors"] - t["with_warnings"]
    where = args.parts or args.output
    if not args.quiet:
        sys.stderr.write(
            "cablewire: read %d input%s, wrote %d record%s (%d with errors, %d with warnings, "
            "%d clean; %d error record%s), %d input%s failed\n" % (
                t["inputs"], "" if t["inputs"] == 1 else "s", t["records"],
                "" if t["records"] == 1 else "s", t["with_errors"], t["with_warnings"], clean,
                t["error_records"], "" if t["error_records"] == 1 else "s",
                t["inputs_failed"], "" if t["inputs_failed"] == 1 else "s"))
        if resumed:
            sys.stderr.write("cablewire: resumed after the %d shard%s %s held complete\n"
                             % (resumed, "" if resumed == 1 else "s", where))
        skipped = t.get("warc_skipped", {})
        if t.get("warc_pages") or skipped:
            # in cw_warc_skip's order, as cli/report.c prints them
            order = [cablewire._warc_skip_name(k).decode()  # pylint: disable=protected-access
                     for k in range(cablewire.WARC_SKIP_COUNT)]
            line = ", ".join("%d %s" % (skipped[k], k) for k in order if skipped.get(k))
            sys.stderr.write("cablewire: web archives: %d page%s read%s\n" % (
                t.get("warc_pages", 0), "" if t.get("warc_pages", 0) == 1 else "s",
                "; records skipped: " + line if line else ""))
        # Most frequent first, then by name (emitters/convert/tally.c).
        codes = sorted(t["codes"].items(), key=lambda kv: (-kv[1], kv[0][0]))
        for sev, label in ((shards.ERROR, "errors"), (shards.WARNING, "warnings")):
            line = ", ".join("%s %d" % (code, n) for (code, s), n in codes if s == sev)
            if line:
                sys.stderr.write("cablewire: %s by code: %s\n" % (label, line))
    if not ok:
        sys.stderr.write("cablewire: %s: not written: the run failed\n" % where)
        return USAGE_EXIT
    if t["inputs_failed"]:
        return USAGE_EXIT
    return ERRORS_EXIT if t["with_errors"] else 0


# ---- the output, through the library --------------------------------------------------------

_declare = cablewire._declare  # pylint: disable=protected-access
_output_open = _declare("cw_output_open", ctypes.c_void_p, ctypes.c_char_p)
_output_close = _declare("cw_output_close", ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
_output_write_c = ctypes.cast(cablewire._lib.cw_output_write,  # pylint: disable=protected-access
                              ctypes.c_void_p)
_emitter_new = _declare("cw_emitter_new", ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                        ctypes.c_void_p, ctypes.c_int)
_emit_rendered = _declare("cw_emit_rendered", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                          ctypes.c_size_t)
_emitter_finish = _declare("cw_emitter_finish", ctypes.c_int, ctypes.c_void_p)
_emitter_free = _declare("cw_emitter_free", None, ctypes.c_void_p)
_format_from_path = _declare("cw_format_from_path", ctypes.c_int, ctypes.c_char_p)
_format_name = cablewire._format_name  # pylint: disable=protected-access


# ---- the command line -------------------------------------------------------------------------

def _positive(text):
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError("wants a whole number from 1, not %r" % text)
    return n


def _bytes(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    mult = units.get(text[-1:].lower(), 1)
    return _positive(text[:-1] if mult > 1 else text) * mult


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="cablewire-dask",
        description="cablewire's conversion on a Dask cluster: the output of `cablewire "
                    "convert`, byte for byte, made by the cluster's workers.")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert", help="convert inputs into one output, or into parts")
    c.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, directory trees, archives (the workers read the same paths)")
    c.add_argument("-o", "--output", help="the output file (written under a temporary name "
                   "and renamed when complete; - for standard output)")
    c.add_argument("-f", "--format", choices=STREAM_FORMATS,
                   help="default: from the output's extension, as the command's")
    c.add_argument("--parts", metavar="DIR", help="one output file per shard in DIR "
                   "(part-00000.jsonl, ...) and manifest.json")
    c.add_argument("--resume", action="store_true", help="with --parts: convert only the "
                   "shards the manifest does not record as done")
    where = c.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="a running Dask scheduler")
    where.add_argument("--local", type=_positive, metavar="N", help="a local cluster of N "
                       "worker processes (the default, N = the number of cores)")
    c.add_argument("--shard-bytes", type=_bytes, default=DEFAULT_SHARD_BYTES, metavar="N",
                   help="about this many input bytes a shard (default 32M; k, m, g allowed)")
    c.add_argument("--from", dest="form", default="auto", choices=cablewire.FORMS,
                   help="the input form (default: detected per input)")
    c.add_argument("--ignore", action="append", default=[], metavar="CODE[,CODE...]",
                   help="leave these codes out of the summary and the exit status")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary")
    c.add_argument("--timing", action="store_true", help="say how long planning and running "
                   "took, and how many shards there were")
    args = parser.parse_args(argv)
    try:
        return convert(args)
    except UsageError as e:
        sys.stderr.write("cablewire-dask: %s\n" % e)
        return USAGE_EXIT
    except cablewire.Error as e:
        sys.stderr.write("cablewire-dask: %s\n" % e)
        return USAGE_EXIT
    except Exception as e:  # pylint: disable=broad-except
        # a scheduler that cannot be reached, a shard lost more often than Dask retries it
        # (KilledWorker), a worker without the package
        sys.stderr.write("cablewire-dask: the run failed: %s: %s\n" % (type(e).__name__, e))
        return USAGE_EXIT


if __name__ == "__main__":
    # Run as `python3 -m cablewire.distributed`, this file is __main__: the functions sent to
    # the workers must come from the importable module, so that they are pickled by name.
    from cablewire.distributed import main as _main  # pylint: disable=import-self
    sys.exit(_main())
