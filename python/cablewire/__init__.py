"""cablewire: diplomatic cables and news articles into structured records.

A binding of the C library (libcablewire.so) through ctypes:

    import cablewire
    for rec in cablewire.parse("cables/06DAMASCUS728.html"):
        print(rec["id"], rec["subject"])
    problems = cablewire.validate(b"...telegram text...", strict=True)
    summary = cablewire.convert(["cablegate/"], "cables.sqlite", jobs=2)

Records are dicts equal to json.loads() of the command's JSON Lines for the same input. An input
that cannot be parsed, or read, gives an error record ("kind": "error"), never an exception:
cablewire.Error is raised for usage errors (an unknown form or format) and for output that
cannot be written. The parsing runs in C with the GIL released (ctypes releases it for the
length of every call), so threads parse in parallel.

cablewire.distributed runs the conversion on a Dask cluster (python3 -m cablewire.distributed
convert ...; cablewire.shards holds its shards, through the C API).

The library is found, in order: $CABLEWIRE_LIBRARY; the one `make install` recorded beside this
package; the build tree's build/libcablewire.so.N (python/ next to build/); the system's loader
path.
"""

import ctypes
import json
import os
import queue
import threading

__all__ = ["parse", "validate", "convert", "version", "Error", "FORMS", "FORMATS"]


class Error(Exception):
    """A usage error or an output that could not be written."""


FORMS = ("auto", "text", "wikileaks-html", "markdown", "cables-csv", "body-text", "pdf-text",
         "article-text", "wire-text", "reuters-sgml", "anpa", "iptc7901", "nitf", "newsml-g2",
         "newsml", "ninjs")
FORMATS = ("json", "jsonl", "xml", "csv", "text", "nitf", "ninjs", "newsml-g2", "sqlite")
_SONAME = "libcablewire.so.0"
_FORMAT_SQLITE = 1000
_CW_OK = 0


def _find_library():
    env = os.environ.get("CABLEWIRE_LIBRARY")
    if env:
        return env
    try:
        from cablewire import _installed  # written by make install
        if os.path.exists(_installed.LIBRARY):
            return _installed.LIBRARY
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", _SONAME)
    if os.path.exists(built):
        return os.path.normpath(built)
    return _SONAME


# CDLL, not PyDLL: ctypes releases the GIL for the length of each call.
_lib = ctypes.CDLL(_find_library())

_c_char_pp = ctypes.POINTER(ctypes.c_char_p)
_RECORD_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_MESSAGE_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)
_PROGRESS_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)
_CANCELLED_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)


class _WalkStats(ctypes.Structure):
    _fields_ = [("inputs", ctypes.c_size_t), ("failed", ctypes.c_size_t),
                ("units", ctypes.c_size_t), ("bytes", ctypes.c_uint64)]


class _CodeCount(ctypes.Structure):
    _fields_ = [("code", ctypes.c_char_p), ("severity", ctypes.c_int), ("n", ctypes.c_size_t)]


class _ConvertRequest(ctypes.Structure):
    _fields_ = [("options", ctypes.c_void_p), ("inputs", _c_char_pp), ("ninputs", ctypes.c_int),
                ("output", ctypes.c_char_p), ("format", ctypes.c_int),
                ("csv_tables", ctypes.c_char_p), ("jobs", ctypes.c_uint),
                ("resume", ctypes.c_int), ("on_progress", _PROGRESS_FN),
                ("cancelled", _CANCELLED_FN), ("ctx", ctypes.c_void_p),
                ("ignore", _c_char_pp), ("nignore", ctypes.c_size_t)]


# cw_warc_skip: the kinds of web-archive records not read as pages, as the summary counts them.
WARC_SKIP_COUNT = 10


class _ConvertSummary(ctypes.Structure):
    _fields_ = [("inputs", ctypes.c_size_t), ("inputs_failed", ctypes.c_size_t),
                ("records", ctypes.c_size_t), ("with_errors", ctypes.c_size_t),
                ("with_warnings", ctypes.c_size_t), ("error_records", ctypes.c_size_t),
                ("skipped", ctypes.c_uint64), ("interrupted", ctypes.c_int),
                ("failed", ctypes.c_int), ("output_lost", ctypes.c_int), ("mismatch", ctypes.c_int),
                ("too_short", ctypes.c_int), ("usage", ctypes.c_int), ("format", ctypes.c_int),
                ("inserted", ctypes.c_size_t), ("unchanged", ctypes.c_size_t),
                ("new_versions", ctypes.c_size_t), ("codes", ctypes.POINTER(_CodeCount)),
                ("ncodes", ctypes.c_size_t), ("note", ctypes.c_char_p),
                ("warc_pages", ctypes.c_uint64),
                ("warc_skipped", ctypes.c_uint64 * WARC_SKIP_COUNT)]


def _declare(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_version = _declare("cw_version", ctypes.c_char_p)
_options_new = _declare("cw_options_new", ctypes.c_void_p)
_options_free = _declare("cw_options_free", None, ctypes.c_void_p)
_options_set_form = _declare("cw_options_set_form", None, ctypes.c_void_p, ctypes.c_int)
_form_from_name = _declare("cw_form_from_name", ctypes.c_int, ctypes.c_char_p)
_format_from_name = _declare("cw_format_from_name", ctypes.c_int, ctypes.c_char_p)
_reader_new = _declare("cw_reader_new", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p)
_reader_free = _declare("cw_reader_free", None, ctypes.c_void_p)
_reader_feed = _declare("cw_reader_feed", ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p,
                        ctypes.c_size_t)
_reader_finish = _declare("cw_reader_finish", None, ctypes.c_void_p)
_reader_next = _declare("cw_reader_next", ctypes.c_int, ctypes.c_void_p,
                        ctypes.POINTER(ctypes.c_void_p))
_record_free = _declare("cw_record_free", None, ctypes.c_void_p)
_record_json = _declare("cw_record_json", ctypes.c_void_p, ctypes.c_void_p,
                        ctypes.POINTER(ctypes.c_size_t))
_free = _declare("cw_free", None, ctypes.c_void_p)
_walk = _declare("cw_walk", ctypes.c_int, ctypes.c_void_p, _c_char_pp, ctypes.c_int, _RECORD_FN,
                 ctypes.c_void_p, ctypes.POINTER(_WalkStats))
_set_message_handler = _declare("cw_set_message_handler", None, _MESSAGE_FN, ctypes.c_void_p)
_convert = _declare("cw_convert", ctypes.c_int, ctypes.POINTER(_ConvertRequest),
                    ctypes.POINTER(_ConvertSummary))
_warc_skip_name = _declare("cw_warc_skip_name", ctypes.c_char_p, ctypes.c_int)


def warc_skipped(counts):
    """The web-archive records skipped, by kind ({"request": 12, ...}; kinds not met left out),
    from the summary's array."""
    return {_warc_skip_name(k).decode(): counts[k] for k in range(WARC_SKIP_COUNT) if counts[k]}


_convert_summary_free = _declare("cw_convert_summary_free", None,
                                 ctypes.POINTER(_ConvertSummary))

_SEVERITIES = {0: "note", 1: "warning", 2: "error"}


def version():
    """The library's version ("0.1.0")."""
    return _version().decode()


def _record_dict(rec):
    """The record as the dict json.loads() makes of its JSON Lines line; frees the record."""
    n = ctypes.c_size_t()
    p = _record_json(rec, ctypes.byref(n))
    _record_free(rec)
    if not p:
        raise MemoryError("cablewire: out of memory")
    try:
        return json.loads(ctypes.string_at(p, n.value).decode("utf-8"))
    finally:
        _free(p)


def _options(form):
    if form is None:
        form = "auto"
    code = _form_from_name(form.encode())
    if code < 0:
        raise Error("unknown input form %r (one of %s)" % (form, ", ".join(FORMS)))
    opt = _options_new()
    if not opt:
        raise MemoryError("cablewire: out of memory")
    _options_set_form(opt, code)
    return opt


def _is_path(source):
    if isinstance(source, os.PathLike):
        return True
    return isinstance(source, str) and "\n" not in source and os.path.exists(source)


def _parse_bytes(opt, data, name):
    rd = _reader_new(opt, name.encode() if name is not None else None)
    if not rd:
        raise MemoryError("cablewire: out of memory")
    try:
        if _reader_feed(rd, data, len(data)) != _CW_OK:
            raise MemoryError("cablewire: out of memory")
        _reader_finish(rd)
        rec = ctypes.c_void_p()
        while _reader_next(rd, ctypes.byref(rec)) == _CW_OK:
            yield _record_dict(rec.value)
    finally:
        _reader_free(rd)


def _parse_path(opt, path):
    """Walks path (a file, a tree, an archive) on a thread of its own, handing records over a
    bounded queue: records come as they are parsed, and memory stays flat."""
    handoff = queue.Queue(maxsize=64)
    stop = threading.Event()
    done = object()

    def on_record(ctx, rec):
        try:
            item = _record_dict(rec)
        except Exception as e:  # pylint: disable=broad-except
            item = e
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                break
            except queue.Full:
                continue
        return 1 if stop.is_set() else 0

    callback = _RECORD_FN(on_record)
    paths = (ctypes.c_char_p * 1)(os.fsencode(path))

    def run():
        try:
            _walk(opt, paths, 1, callback, None, None)
        finally:
            while True:
                try:
                    handoff.put(done, timeout=0.1)
                    break
                except queue.Full:
                    if stop.is_set():
                        break

    walker = threading.Thread(target=run, daemon=True)
    walker.start()
    try:
        while True:
            item = handoff.get()
            if item is done:
                break
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        stop.set()
        walker.join()


def parse(source, form="auto", name=None):
    """Yields the records of source as dicts.

    source is a path (os.PathLike, or a str naming an existing file or directory: a file, a
    directory tree read in name order, an archive read member by member), bytes, or a str of
    text. name names bytes or text in the records (source.path; a cable's release id comes from
    a body-text file's name), as the command's --stdin-name does. form is an input form name
    (FORMS); "auto" detects it."""
    opt = _options(form)
    try:
        if _is_path(source):
            yield from _parse_path(opt, source)
        else:
            data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
            yield from _parse_bytes(opt, data, name)
    finally:
        _options_free(opt)


def validate(source, strict=False, form="auto", name=None, notes=False):
    """The diagnostics of source (as parse() takes it), as a list of dicts: each a record's
    diagnostic (severity, code, message, line, column, offset, ...) with the record's "source"
    path and "id" added. strict reports warnings as errors, as `validate --strict` does; notes
    are left out unless asked for."""
    out = []
    for rec in parse(source, form=form, name=name):
        src = rec.get("source") or {}
        for d in rec.get("diagnostics") or []:
            if d.get("severity") == "note" and not notes:
                continue
            d = dict(d)
            if strict and d.get("severity") == "warning":
                d["severity"] = "error"
            d["source"] = src.get("path")
            d["id"] = rec.get("id")
            out.append(d)
    return out


def convert(inputs, output, format=None, jobs=None, form="auto", csv_tables=None,
            resume=False):  # pylint: disable=redefined-builtin
    """Converts inputs (a path or a list of paths: files, trees, archives) into output, as
    `cablewire convert` does, and returns its summary as a dict. The output's format is format
    (FORMATS), else its name's extension. Raises Error when the request is wrong or the output
    cannot be written; inputs that cannot be read give error records and count in
    summary["inputs_failed"]."""
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]
    inputs = [os.fsencode(p) for p in inputs]
    fmt = -1
    if format is not None:
        fmt = _FORMAT_SQLITE if format == "sqlite" else _format_from_name(format.encode())
        if fmt < 0:
            raise Error("unknown output format %r (one of %s)" % (format, ", ".join(FORMATS)))
    opt = _options(form)
    messages = []

    def on_message(ctx, msg):
        messages.append(msg.decode("utf-8", "replace"))

    handler = _MESSAGE_FN(on_message)
    arr = (ctypes.c_char_p * max(len(inputs), 1))(*inputs)
    req = _ConvertRequest(opt, ctypes.cast(arr, _c_char_pp), len(inputs), os.fsencode(output),
                          fmt, os.fsencode(csv_tables) if csv_tables else None,
                          int(jobs or 0), 1 if resume else 0, _PROGRESS_FN(),
                          _CANCELLED_FN(), None)
    summary = _ConvertSummary()
    _set_message_handler(handler, None)
    try:
        _convert(ctypes.byref(req), ctypes.byref(summary))
    finally:
        _set_message_handler(_MESSAGE_FN(), None)
        _options_free(opt)
    try:
        s = summary
        result = {
            "inputs": s.inputs, "inputs_failed": s.inputs_failed, "records": s.records,
            "with_errors": s.with_errors, "with_warnings": s.with_warnings,
            "clean": s.records - s.with_errors - s.with_warnings,
            "error_records": s.error_records, "skipped": s.skipped,
            "interrupted": bool(s.interrupted),
            "format": _format_name(s.format),
            "codes": {s.codes[i].code.decode(): s.codes[i].n for i in range(s.ncodes)},
            "messages": messages,
            "warc_pages": s.warc_pages,
            "warc_skipped": warc_skipped(s.warc_skipped),
        }
        if s.format == _FORMAT_SQLITE:
            result.update(inserted=s.inserted, unchanged=s.unchanged,
                          new_versions=s.new_versions)
        usage, failed = s.usage, s.failed or s.mismatch or s.too_short
    finally:
        _convert_summary_free(ctypes.byref(summary))
    if usage or failed:
        raise Error("; ".join(messages) or "the conversion failed")
    return result


_format_name_c = _declare("cw_format_name", ctypes.c_char_p, ctypes.c_int)


def _format_name(code):
    if code == _FORMAT_SQLITE:
        return "sqlite"
    if code < 0:
        return None
    name = _format_name_c(code)
    return name.decode() if name else None
