#!/usr/bin/env python3
"""Builds a web archive (WARC/1.1) from a directory of saved pages, as a crawler would have
written it: a warcinfo record, then for each page (in name order, hidden files skipped) a request
record and a response record holding it (HTTP/1.1 200, Content-Type text/html, the page's bytes
as body). Used by the tests (tests/warc.sh) to check that a WARC of pages gives the records the
pages give as files, and by `make bench`.

Usage: scripts/pages_to_warc.py [options] DIR OUT
  --gzip            one gzip member per record (OUT.warc.gz as crawlers write it)
  --gzip-whole      the whole file compressed as one gzip stream
  --base URL        target URIs are URL + the page's path under DIR (https://pages.example/)
  --chunked         bodies sent with Transfer-Encoding: chunked (chunks of 1000 bytes)
  --encode CODING   bodies sent with Content-Encoding: gzip, or zstd (compressed by the zstd
                    command, Debian's zstd package)
  --charset NAME    Content-Type: text/html; charset=NAME
  --repeat N        every page N times (a large archive for memory measurements)
  --list FILE       writes "URI<TAB>path" for each page, in order
  --filler KB       after each page, a response of KB kilobytes that is no page (image/jpeg):
                    a large archive that costs little to parse
"""
import argparse
import gzip
import os
import subprocess
import sys
import uuid
import zlib
from urllib.parse import quote

DATE = "2024-03-05T10:20:30Z"
HTTP_DATE = "Tue, 05 Mar 2024 10:20:30 GMT"


def warc_record(warc_type, record_id, date, fields, block, version="1.1", length=None):
    """One WARC record as crawlers write it: the version line, WARC-Type, WARC-Record-ID and
    WARC-Date, the other header lines as given ("Name: value"), Content-Length (the
    block's, unless length says otherwise: damaged cases), the block and the two line ends after
    it. tests/warc_cases.py builds its golden cases with it too."""
    head = ["WARC/" + version, "WARC-Type: " + warc_type,
            "WARC-Record-ID: <urn:uuid:%s>" % record_id, "WARC-Date: " + date]
    head += list(fields)
    head.append("Content-Length: %d" % (len(block) if length is None else length))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def chunked(body, size=1000):
    """body in HTTP/1.1 chunks of size bytes, the last chunk and an empty trailer after them."""
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def record(warc_type, fields, block):
    """The next record of this archive (record ids numbered from 1, one date for all)."""
    record.n += 1
    return warc_record(warc_type, uuid.UUID(int=record.n - 1), DATE, fields, block)


record.n = 1


def pages(root):
    """The files under root in the order cablewire walks a tree: each directory's entries sorted
    by name (bytes), files and directories together, hidden ones skipped."""
    found = []
    for name in sorted(os.listdir(root), key=os.fsencode):
        if name.startswith("."):
            continue
        path = os.path.join(root, name)
        if os.path.isdir(path):
            found += pages(path)
        elif os.path.isfile(path):
            found.append(path)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("out")
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--gzip-whole", action="store_true")
    ap.add_argument("--base", default="https://pages.example/")
    ap.add_argument("--chunked", action="store_true")
    ap.add_argument("--encode", choices=["gzip", "zstd"])
    ap.add_argument("--charset")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--list")
    ap.add_argument("--filler", type=int, default=0)
    a = ap.parse_args()
    out = open(a.out, "wb")
    whole = gzip.GzipFile(fileobj=out, mode="wb", mtime=0) if a.gzip_whole else None
    listing = open(a.list, "w") if a.list else None

    def put(rec):
        if whole:
            whole.write(rec)
        elif a.gzip:
            out.write(gzip.compress(rec, compresslevel=6, mtime=0))
        else:
            out.write(rec)

    info = b"software: cablewire scripts/pages_to_warc.py\r\nformat: WARC File Format 1.1\r\n"
    put(record("warcinfo", ["Content-Type: application/warc-fields"], info))
    files = pages(a.dir)
    for n in range(a.repeat):
        for path in files:
            rel = os.path.relpath(path, a.dir)
            uri = a.base + quote(rel) + ("?copy=%d" % n if n else "")
            body = open(path, "rb").read()
            req = ("GET /%s HTTP/1.1\r\nHost: pages.example\r\n\r\n" % quote(rel)).encode()
            put(record("request", ["WARC-Target-URI: " + uri,
                                   "Content-Type: application/http; msgtype=request"], req))
            ctype = "text/html" + ("; charset=" + a.charset if a.charset else "")
            headers = ["HTTP/1.1 200 OK", "Content-Type: " + ctype, "Date: " + HTTP_DATE]
            if a.encode == "gzip":
                body = gzip.compress(body, mtime=0)
            elif a.encode == "zstd":
                body = subprocess.run(["zstd", "-q", "-c", "-3"], input=body, check=True,
                                      stdout=subprocess.PIPE).stdout
            if a.encode:
                headers.append("Content-Encoding: " + a.encode)
            if a.chunked:
                body = chunked(body)
                headers.append("Transfer-Encoding: chunked")
            else:
                headers.append("Content-Length: %d" % len(body))
            http = ("\r\n".join(headers) + "\r\n\r\n").encode() + body
            put(record("response", ["WARC-Target-URI: " + uri,
                                    "Content-Type: application/http; msgtype=response"], http))
            if listing:
                listing.write("%s\t%s\n" % (uri, path))
            if a.filler:
                jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * (a.filler * 4)
                put(record("response", ["WARC-Target-URI: " + uri + ".jpg",
                                        "Content-Type: application/http; msgtype=response"],
                           b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + jpeg))
    if whole:
        whole.close()
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
