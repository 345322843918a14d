#!/usr/bin/env python3
"""Writes the web-archive golden cases under testdata/warc/ (the files are committed; run again
after changing a case): WARCs holding the invented cable page of testdata/cables/forms/ under
other ids, with the records a crawler writes around pages and, in invalid/, one kind of damage
each. tests/check_golden.c reads them as the command does (cw_walk) and compares the records and
their diagnostics with expected.json and expected.err.

Usage: tests/warc_cases.py [TESTDATA]   (default: testdata)
"""
import gzip
import os
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from pages_to_warc import chunked, warc_record  # noqa: E402  (the one WARC writer)

ROOT = sys.argv[1] if len(sys.argv) > 1 else "testdata"
PAGE = open(os.path.join(ROOT, "cables/forms/wikileaks.html"), "rb").read()


def page(n):
    """The cable page under the id 07VALLETTA43n (its telegram says the same number: no other
    case of testdata has these ids)."""
    return PAGE.replace(b"416", b"43%d" % n)


class Warc:
    def __init__(self, version="1.1"):
        self.version = version
        self.records = []
        self.n = 0

    def add(self, wtype, block, uri=None, ctype=None, length=None, extra=()):
        self.n += 1
        fields = ["WARC-Target-URI: " + uri] if uri else []
        if ctype:
            fields.append("Content-Type: " + ctype)
        fields += list(extra)
        rec = warc_record(wtype, "00000000-0000-4000-8000-%012d" % self.n,
                          "2024-03-05T10:20:%02dZ" % self.n, fields, block, self.version, length)
        self.records.append(rec)
        return rec

    def info(self):
        return self.add("warcinfo", b"software: cablewire tests/warc_cases.py\r\n",
                        ctype="application/warc-fields")

    def request(self, uri):
        return self.add("request", b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n", uri,
                        "application/http; msgtype=request")

    def response(self, uri, body, status="200 OK", headers=("Content-Type: text/html",),
                 **kw):
        http = ("HTTP/1.1 %s\r\n" % status + "".join(h + "\r\n" for h in headers) +
                "\r\n").encode() + body
        return self.add("response", http, uri, "application/http; msgtype=response", **kw)

    def plain(self):
        return b"".join(self.records)

    def gz(self):
        return b"".join(gzip.compress(r, mtime=0) for r in self.records)


def write(kind, name, data, ext="warc"):
    d = os.path.join(ROOT, "warc", kind, name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        if f.startswith("input."):
            os.remove(os.path.join(d, f))
    open(os.path.join(d, "input." + ext), "wb").write(data)


U = "https://cables.example/cable/2007/03/"

# valid: WARC/1.1 with every kind of record a crawl holds
w = Warc("1.1")
w.info()
w.request(U + "07VALLETTA431.html")
w.response(U + "07VALLETTA431.html", page(1),
           headers=("Content-Type: text/html; charset=windows-1252",
                    "Date: Tue, 05 Mar 2024 10:20:30 GMT"))
w.request(U + "07VALLETTA432.html")
w.response(U + "07VALLETTA432.html", chunked(gzip.compress(page(2), mtime=0), 700),
           headers=("Content-Type: application/xhtml+xml; charset=\"utf-8\"",
                    "Content-Encoding: gzip", "Transfer-Encoding: chunked"))
w.response("https://cables.example/seal.png", b"\x89PNG\r\n\x1a\n" + bytes(40),
           headers=("Content-Type: image/png",))
w.add("revisit", b"HTTP/1.1 304 Not Modified\r\n\r\n", U + "07VALLETTA431.html",
      "application/http; msgtype=response",
      extra=("WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",))
w.response(U + "missing.html", b"<html><body>Not found</body></html>",
           status="404 Not Found")
w.add("metadata", b"outlinks: " + U.encode() + b"\r\n", U + "07VALLETTA432.html",
      "application/warc-fields")
# no Content-Type: the body's start says it is a page (its XML declaration left out)
w.response(U + "07VALLETTA433", zlib.compress(page(3).split(b"\n", 1)[1]),
           headers=("Content-Encoding: deflate",))
write("valid", "warc-1.1-crawl", w.plain())

# valid: WARC/1.0, one gzip member per record (as crawlers write .warc.gz)
w = Warc("1.0")
w.info()
w.response(U + "07VALLETTA434.html", page(4))
w.response(U + "07VALLETTA435.html", page(5))
write("valid", "warc-gzip-members", w.gz(), "warc.gz")

# invalid: the archive ends inside a record
w = Warc()
w.response(U + "07VALLETTA431.html", page(1))
cut = w.response(U + "07VALLETTA432.html", page(2))
write("invalid", "warc-truncated", w.plain()[:-len(cut) // 2])

# invalid: a Content-Length that is too short; the next record is read
w = Warc()
w.add("metadata", b"outlinks: a b c d e f\r\n", U, "application/warc-fields", length=10)
w.response(U + "07VALLETTA431.html", page(1))
write("invalid", "warc-length-mismatch", w.plain())

# invalid: bytes between records
w = Warc()
w.response(U + "07VALLETTA431.html", page(1))
w.records.append(b"this line is no record\r\nnor this one\r\n")
w.response(U + "07VALLETTA432.html", page(2))
write("invalid", "warc-garbage", w.plain())

# invalid: a broken gzip member; the member after it is read
w = Warc()
w.response(U + "07VALLETTA431.html", page(1))
w.response(U + "07VALLETTA432.html", page(2))
w.response(U + "07VALLETTA433.html", page(3))
members = [gzip.compress(r, mtime=0) for r in w.records]
bad = bytearray(members[1])
for i in range(40, 60):
    bad[i] ^= 0x5a
write("invalid", "warc-gzip-broken", members[0] + bytes(bad) + members[2], "warc.gz")

# invalid: a page without WARC-Target-URI
w = Warc()
w.response(None, page(1))
w.response(U + "07VALLETTA432.html", page(2))
write("invalid", "warc-no-target-uri", w.plain())

# invalid: a header line that is no field, then a header without Content-Length
w = Warc()
w.add("metadata", b"via: test\r\n", U, "application/warc-fields", extra=("this is no field",))
w.response(U + "07VALLETTA431.html", page(1))
nolen = w.add("resource", b"x", U + "note.txt", "text/plain")
w.records[-1] = nolen.replace(b"Content-Length: 1\r\n", b"")
w.response(U + "07VALLETTA432.html", page(2))
write("invalid", "warc-bad-header", w.plain())

# invalid: a response whose block is no HTTP message
w = Warc()
w.add("response", b"<html>no status line</html>", U + "raw.html",
      "application/http; msgtype=response")
w.response(U + "07VALLETTA431.html", page(1))
write("invalid", "warc-http-bad", w.plain())

# invalid: a chunked body whose framing breaks after its first chunk
w = Warc()
body = chunked(page(1), 700).replace(b"\r\n2bc\r\n", b"\r\nzz\r\n", 1)
w.response(U + "07VALLETTA431.html", body,
           headers=("Content-Type: text/html", "Transfer-Encoding: chunked"))
w.response(U + "07VALLETTA432.html", page(2))
write("invalid", "warc-http-body", w.plain())

# invalid: a content encoding cablewire does not decode
w = Warc()
w.response(U + "07VALLETTA431.html", b"\x1f\x9d\x90\x3c\x68",
           headers=("Content-Type: text/html", "Content-Encoding: compress"))
w.response(U + "07VALLETTA432.html", page(2))
write("invalid", "warc-http-encoding", w.plain())

# invalid (a warning): an archive without a page
w = Warc()
w.info()
w.request(U + "seal.png")
w.response(U + "seal.png", b"\x89PNG\r\n\x1a\n", headers=("Content-Type: image/png",))
write("invalid", "warc-no-page", w.plain())
