"""`cablewire parse --lines`, the line mode for Hadoop Streaming and Spark's RDD.pipe: one input
per line as {"name": ..., "text": ...} or a JSON string; its records as JSON Lines, in order, each
with the line's number in source.line, equal to what parse gives for the same text in a file of
that name. Run by make check."""
import json
import os
import subprocess

import pytest

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("CABLEWIRE", os.path.join(ROOT, "build", "cablewire"))
INPUTS = sorted(os.path.join(d, f) for d, _, files in os.walk(os.path.join(ROOT, "testdata"))
                for f in files if not f.startswith("expected.") and not f.endswith(".sql"))


def utf8_inputs():
    out = []
    # a web archive is a container read by the walk (as a tar would be): a line holds text
    for path in [p for p in INPUTS if "/testdata/warc/" not in p]:
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a JSON string holds text: bytes that are not UTF-8 cannot be carried
        if text and not text.startswith("\ufeff"):
            out.append((os.path.relpath(path, ROOT), text))
    return out


def lines_run(payload, *args):
    run = subprocess.run([CLI, "parse", "--lines", "-q", *args], input=payload,
                         capture_output=True, check=False, cwd=ROOT)
    return run.returncode, [json.loads(l) for l in run.stdout.decode().splitlines()], \
        run.stderr.decode()


def file_records(path):
    run = subprocess.run([CLI, "parse", "-f", "jsonl", "-q", path], capture_output=True,
                         check=False, cwd=ROOT)
    return [json.loads(l) for l in run.stdout.decode().splitlines()]


def test_every_line_gives_the_files_records_in_order():
    inputs = utf8_inputs()
    assert len(inputs) > 40
    payload = "".join(json.dumps({"name": p, "text": t}) + "\n" for p, t in inputs).encode()
    rc, records, _ = lines_run(payload)
    assert rc == 0  # records with errors carry them: an engine must not retry the task
    want = []
    for n, (path, _) in enumerate(inputs, 1):
        for rec in file_records(path):
            rec["source"]["line"] = n
            want.append(rec)
    assert records == want
    # several records for a line holding several units, one for the others
    by_line = {}
    for r in records:
        by_line.setdefault(r["source"]["line"], []).append(r)
    assert len(by_line) == len(inputs)
    assert max(len(v) for v in by_line.values()) > 1


def test_escaped_and_raw_json_give_the_same_records():
    inputs = utf8_inputs()[::5]
    raw = "".join(json.dumps({"text": t, "name": p}, ensure_ascii=False) + "\n"
                  for p, t in inputs).encode()
    escaped = "".join(json.dumps({"text": t, "name": p}, ensure_ascii=True) + "\n"
                      for p, t in inputs).encode()
    assert lines_run(raw)[1] == lines_run(escaped)[1]
    rc, recs, _ = lines_run(json.dumps({"text": "abc \U0001F600 \u00e9 \\ \"q\""}).encode())
    assert rc == 0 and recs[0]["source"]["bytes"] == len("abc \U0001F600 \u00e9 \\ \"q\"".encode())


def test_a_json_string_and_a_name_that_gives_the_release_id():
    # A body text has no routing header: its release id comes from its name, as a file's does.
    path = [p for p in INPUTS if "body" in os.path.basename(os.path.dirname(p))][0]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    payload = (json.dumps({"name": "cables/07VALLETTA416.txt", "text": text}) + "\n" +
               json.dumps(text) + "\n").encode()
    _, named, _ = lines_run(payload, "--from", "body-text")
    assert named[0]["source"]["path"] == "cables/07VALLETTA416.txt"
    assert "07VALLETTA416" in json.dumps(named[0]["release_id"])
    assert named[1]["source"]["path"] == "-" and named[1]["source"]["line"] == 2
    run = subprocess.run([CLI, "parse", "-f", "jsonl", "-q", "--from", "body-text",
                          "--stdin-name", "cables/07VALLETTA416.txt", "-"], input=text.encode(),
                         capture_output=True, check=False)
    want = json.loads(run.stdout.decode().splitlines()[0])
    want["source"]["line"] = 1
    assert named[0] == want


@pytest.mark.parametrize("line,column", [
    (b'{"text": 12}', 10),
    (b'{"name": "a"}', 14),
    (b'{"text": "abc', 10),
    (b'{"text": "a"} x', 15),
    (b'[1, 2]', 1),
    (b'{"text": "a", "meta": {"x": 1}}', 23),
    (b'{"text" "a"}', 9),
    (b'"bad \\q escape"', 1),
])
def test_a_bad_line_gives_a_located_error_record(line, column):
    payload = b'"first"\n' + line + b'\n\n   \n"after"\n'
    rc, recs, _ = lines_run(payload)
    assert rc == 0
    # the blank lines give nothing; the bad line its own error record, between the others
    assert [r["source"]["line"] for r in recs] == [1, 2, 5]
    bad = recs[1]
    assert bad["kind"] == "error"
    [d] = bad["diagnostics"]
    assert d["code"] == "LINE_INVALID" and d["line"] == 2 and d["column"] == column
    run = subprocess.run([CLI, "parse", "--lines", "-"], input=payload, capture_output=True,
                         check=False)
    assert ("-:2:%d: error: line 2 is not an input of line mode" % column) in \
        run.stderr.decode()


def test_other_members_are_ignored_and_null_name_is_none():
    rc, recs, _ = lines_run(b'{"id": 7, "ok": true, "x": null, "name": null, "text": "T"}\n')
    assert rc == 0 and recs[0]["source"]["path"] == "-"


def test_usage_and_read_errors():
    run = subprocess.run([CLI, "parse", "--lines", "-f", "json", "-"], input=b"", check=False,
                         capture_output=True)
    assert run.returncode == 2 and b"--lines writes one record a line" in run.stderr
    run = subprocess.run([CLI, "parse", "--lines", "/nonexistent/lines.txt"], check=False,
                         capture_output=True)
    assert run.returncode == 2 and b"cannot open" in run.stderr
    rc, recs, _ = lines_run(b'"a"\n', "-f", "ninjs")
    assert rc == 0 and len(recs) == 1
