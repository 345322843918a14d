"""Shards of a conversion, through the library's C API (include/cablewire.h, "Shards").

A shard is a list of items, each a whole input (a file, an archive, a tree the walk could not
be cut into files), a run of an archive's members (members() lists them), or a run of units of
one large file starting at a unit boundary that the library's own splitter found (cut()). convert_shard() renders a shard's records exactly as
`cablewire convert` writes them at that place of its output, so the shards' bytes joined in
order are the command's output. Used by cablewire.distributed; nothing here needs Dask.
"""

import ctypes
import os
import stat

import cablewire
from cablewire import _lib, _declare, _CodeCount, _c_char_pp, _MESSAGE_FN

_CUT_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint64,
                           ctypes.c_uint32)
_WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t)


class _ShardRequest(ctypes.Structure):
    _fields_ = [("options", ctypes.c_void_p), ("path", ctypes.c_char_p),
                ("units", ctypes.c_uint64), ("offset", ctypes.c_uint64),
                ("index", ctypes.c_uint64), ("line", ctypes.c_uint32), ("form", ctypes.c_int),
                ("format", ctypes.c_int), ("pretty", ctypes.c_int), ("first", ctypes.c_int),
                ("write", _WRITE_FN), ("ctx", ctypes.c_void_p), ("ignore", _c_char_pp),
                ("nignore", ctypes.c_size_t), ("member_first", ctypes.c_uint64),
                ("member_count", ctypes.c_uint64)]


class _ShardResult(ctypes.Structure):
    _fields_ = [("inputs", ctypes.c_size_t), ("inputs_failed", ctypes.c_size_t),
                ("records", ctypes.c_size_t), ("with_errors", ctypes.c_size_t),
                ("with_warnings", ctypes.c_size_t), ("error_records", ctypes.c_size_t),
                ("codes", ctypes.POINTER(_CodeCount)), ("ncodes", ctypes.c_size_t),
                ("warc_pages", ctypes.c_uint64),
                ("warc_skipped", ctypes.c_uint64 * cablewire.WARC_SKIP_COUNT)]


_shard_cut = _declare("cw_shard_cut", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                      ctypes.c_uint64, _CUT_FN, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                      ctypes.POINTER(ctypes.c_uint64))
_MEMBER_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int64)
_shard_members = _declare("cw_shard_members", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                          _MEMBER_FN, ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint64))
_shard_convert = _declare("cw_shard_convert", ctypes.c_int, ctypes.POINTER(_ShardRequest),
                          ctypes.POINTER(_ShardResult))
_shard_result_free = _declare("cw_shard_result_free", None, ctypes.POINTER(_ShardResult))
_set_message_handler = _declare("cw_set_message_handler", None, _MESSAGE_FN, ctypes.c_void_p)
_form_name = _declare("cw_form_name", ctypes.c_char_p, ctypes.c_int)

# The severities of cw_severity, as the summary's codes carry them.
WARNING, ERROR = 1, 2


def cut(path, target, form="auto"):
    """The unit boundaries a reader of the whole file finds, one about every target bytes:
    (form, units, [(offset, index, line), ...]), the first cut at (0, 0, 1); or None when the
    file is read whole (an archive, a compressed file, a one-unit form, UTF-16) or cannot be
    read."""
    cuts = []

    def on_cut(ctx, offset, index, line):
        cuts.append((offset, index, line))
        return 0

    callback = _CUT_FN(on_cut)
    found = ctypes.c_int(0)
    units = ctypes.c_uint64(0)
    opt = cablewire._options(form)  # pylint: disable=protected-access
    try:
        rc = _shard_cut(opt, os.fsencode(path), int(target), callback, None,
                        ctypes.byref(found), ctypes.byref(units))
    finally:
        cablewire._options_free(opt)  # pylint: disable=protected-access
    if rc != 0:
        return None
    return found.value, units.value, cuts


def members(path):
    """The sizes of an archive's members (-1 when the archive does not say), in the order the
    walk reads them, from the headers only; or None when the path is read whole (not an
    archive, a lone compressed file, an archive without members or damaged) or cannot be
    read."""
    sizes = []

    def on_member(ctx, size):
        sizes.append(size)
        return 0

    callback = _MEMBER_FN(on_member)
    count = ctypes.c_uint64(0)
    if _shard_members(None, os.fsencode(path), callback, None, ctypes.byref(count)) != 0:
        return None
    return sizes


def convert_shard(items, fmt, first, form="auto", ignore=()):
    """Converts one shard's items in order: (rendered bytes, counts, messages). counts holds
    inputs, inputs_failed, records, with_errors, with_warnings, error_records and codes
    ({(code, severity): n}); messages are the library's (an unreadable input...)."""
    chunks = []
    messages = []

    def on_write(ctx, buf, n):
        chunks.append(ctypes.string_at(buf, n))
        return 0

    def on_message(ctx, msg):
        messages.append(msg.decode("utf-8", "replace"))

    write = _WRITE_FN(on_write)
    handler = _MESSAGE_FN(on_message)
    counts = {"inputs": 0, "inputs_failed": 0, "records": 0, "with_errors": 0,
              "with_warnings": 0, "error_records": 0, "codes": {}, "warc_pages": 0,
              "warc_skipped": {}}
    ignore = [os.fsencode(c) for c in ignore]
    ignore_arr = (ctypes.c_char_p * max(len(ignore), 1))(*ignore)
    opt = cablewire._options(form)  # pylint: disable=protected-access
    _set_message_handler(handler, None)
    try:
        for item in items:
            req = _ShardRequest(opt, os.fsencode(item["path"]), item.get("units", 0),
                                item.get("offset", 0), item.get("index", 0),
                                item.get("line", 1), item.get("form", 0), fmt, 0,
                                1 if first and counts["records"] == 0 else 0, write, None,
                                ctypes.cast(ignore_arr, _c_char_pp), len(ignore),
                                item.get("member_first", 0), item.get("member_count", 0))
            res = _ShardResult()
            rc = _shard_convert(ctypes.byref(req), ctypes.byref(res))
            try:
                for key in ("inputs", "inputs_failed", "records", "with_errors",
                            "with_warnings", "error_records", "warc_pages"):
                    counts[key] += getattr(res, key)
                for kind, n in cablewire.warc_skipped(res.warc_skipped).items():
                    counts["warc_skipped"][kind] = counts["warc_skipped"].get(kind, 0) + n
                for i in range(res.ncodes):
                    c = res.codes[i]
                    key = (c.code.decode(), c.severity)
                    counts["codes"][key] = counts["codes"].get(key, 0) + c.n
            finally:
                _shard_result_free(ctypes.byref(res))
            if rc != 0:
                raise cablewire.Error("; ".join(messages) or
                                      "%s: the shard could not be converted" % item["path"])
    finally:
        _set_message_handler(_MESSAGE_FN(), None)
        cablewire._options_free(opt)  # pylint: disable=protected-access
    return b"".join(chunks), counts, messages


class _Odd(Exception):
    """The tree holds something the walk treats specially (a special file, a link met twice,
    an unreadable directory): it is read whole, by the walk itself."""


def _walk_files(top):
    """The regular files of a directory tree as the library's walk reads them: names sorted
    byte-wise, hidden ones (a leading dot) skipped, DIR/NAME joined with one slash. Raises _Odd
    at anything the walk reports rather than reads."""
    seen = set()
    out = []

    def walk(path, depth):
        try:
            sb = os.stat(path)
        except OSError as e:
            raise _Odd() from e
        key = (sb.st_dev, sb.st_ino)
        if key in seen:
            raise _Odd()
        seen.add(key)
        if stat.S_ISDIR(sb.st_mode):
            if depth > 64:
                raise _Odd()
            try:
                names = sorted(n for n in os.listdir(path) if not n.startswith(b"."))
            except OSError as e:
                raise _Odd() from e
            for name in names:
                walk(path + b"/" + name, depth + 1)
        elif stat.S_ISREG(sb.st_mode):
            out.append((path, sb.st_size))
        else:
            raise _Odd()

    walk(top, 0)
    return out


def inputs_of(paths):
    """The inputs in the walk's order: [(path, size, whole)], whole when the path is read
    whole by the walk (a file named on the command line, a tree with something special in it,
    a path that cannot be read); files of trees come one by one."""
    out = []
    for p in paths:
        bp = os.fsencode(p)
        try:
            sb = os.stat(bp)
        except OSError:
            out.append((bp, 0, True))
            continue
        if not stat.S_ISDIR(sb.st_mode):
            out.append((bp, sb.st_size if stat.S_ISREG(sb.st_mode) else 0, True))
            continue
        try:
            out.extend((f, size, False) for f, size in _walk_files(bp))
        except _Odd:
            out.append((bp, sb.st_size, True))
    return out


def form_name(code):
    name = _form_name(code)
    return name.decode() if name else "auto"
