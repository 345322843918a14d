"""The Python package against the command: the same records for the same input (every testdata
input; 300 pages of the shared corpus when it is there), validate's diagnostics, convert's
files and summary, and the errors that are exceptions. Run by make check:

    PYTHONPATH=python CABLEWIRE=build/cablewire /usr/bin/python3 -m pytest python/tests
"""
import ctypes
import glob
import json
import os
import pathlib
import subprocess
import tarfile
import threading

import pytest

import cablewire

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("CABLEWIRE", os.path.join(ROOT, "build", "cablewire"))
SHARED = os.environ.get("CABLEWIRE_SHARED", os.path.join(ROOT, "..", "shared"))
# Every input file under testdata/ (the golden cases' expected outputs left out).
INPUTS = sorted(os.path.join(d, f) for d, _, files in os.walk(os.path.join(ROOT, "testdata"))
                for f in files if not f.startswith("expected."))


def command_records(*args):
    """json.loads of every line the command writes for `parse --format jsonl ARGS`."""
    run = subprocess.run([CLI, "parse", "--format", "jsonl", "-q", *args], capture_output=True,
                         check=False)
    assert run.returncode in (0, 1), run.stderr.decode()
    return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]


def test_testdata_is_there():
    assert len(INPUTS) >= 40


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: os.path.relpath(p, ROOT))
def test_records_equal_the_commands(path):
    assert list(cablewire.parse(path)) == command_records(path)


def test_bytes_named_equal_the_path():
    # a web archive is a container read by the walk (as a tar would be), not a stream of bytes
    for path in [p for p in INPUTS if "/testdata/warc/" not in p][::7]:
        with open(path, "rb") as f:
            data = f.read()
        assert list(cablewire.parse(data, name=path)) == list(cablewire.parse(path)), path


def test_a_tree_in_name_order():
    tree = os.path.join(ROOT, "testdata", "articles")
    recs = list(cablewire.parse(tree))
    assert recs == command_records(tree)
    assert len(recs) > 20


def test_stdin_name_gives_the_release_id():
    # A body text has no routing header: its release id comes from the file's name, from
    # name= here, from --stdin-name for the command.
    path = glob.glob(os.path.join(ROOT, "testdata", "cables", "*", "*body*", "input.*"))[0]
    with open(path, "rb") as f:
        data = f.read()
    named = list(cablewire.parse(data, form="body-text", name="07VALLETTA416.txt"))
    assert named[0]["source"]["path"] == "07VALLETTA416.txt"
    run = subprocess.run([CLI, "parse", "--format", "jsonl", "-q", "--from", "body-text",
                          "--stdin-name", "07VALLETTA416.txt"], input=data,
                         capture_output=True, check=False)
    assert [json.loads(line) for line in run.stdout.decode().splitlines()] == named


def test_text_and_forms():
    path = os.path.join(ROOT, "testdata", "cables", "valid", "text-acp127", "input.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    recs = list(cablewire.parse(text, form="text"))
    assert recs[0]["kind"] == "cable" and recs[0]["id"]
    with pytest.raises(cablewire.Error):
        list(cablewire.parse(text, form="no-such-form"))


# The agencies' markup forms, each with a golden case of its own, and what each is read as.
MARKUP_CASES = [("nitf", "nitf"), ("newsml-g2", "newsml-g2"), ("newsml", "newsml"),
                ("ninjs", "ninjs"), ("newsml-g2", "newsml-g2-message"),
                ("ninjs", "ninjs-array"), ("newsml", "newsml-items")]


@pytest.mark.parametrize("form,case", MARKUP_CASES)
def test_markup_forms(form, case):
    assert form in cablewire.FORMS
    path = glob.glob(os.path.join(ROOT, "testdata", "articles", "valid", case, "input.*"))[0]
    forced = list(cablewire.parse(path, form=form))
    detected = list(cablewire.parse(path))
    assert forced == detected == command_records("--from", form, path)
    with open(os.path.join(os.path.dirname(path), "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    assert len(forced) == (len(expected) if isinstance(expected, list) else 1)
    assert {r["source"]["format"] for r in forced} == {form}
    assert all(r["kind"] == "article" and r["headline"] for r in forced)


def test_newsml_g2_output(tmp_path):
    assert "newsml-g2" in cablewire.FORMATS
    case = os.path.join(ROOT, "testdata", "articles", "valid", "newsml-g2-message", "input.xml")
    ours, theirs = tmp_path / "py.g2.xml", tmp_path / "cli.g2.xml"
    summary = cablewire.convert(case, str(ours), format="newsml-g2")
    subprocess.run([CLI, "convert", case, "-o", str(theirs), "-f", "newsml-g2", "--no-progress"],
                   capture_output=True, check=False)
    assert ours.read_bytes() == theirs.read_bytes()
    assert summary["format"] == "newsml-g2"
    # read back: the three items' headlines, in order
    back = [r["headline"] for r in cablewire.parse(str(ours)) if r["kind"] == "article"]
    assert back == [r["headline"] for r in cablewire.parse(case)]
    assert len(back) == 3
    with pytest.raises(cablewire.Error):
        cablewire.convert(case, str(tmp_path / "x"), format="newsml-g3")


def test_error_records_are_records():
    recs = list(cablewire.parse(b""))
    assert [r["kind"] for r in recs] == ["error"]
    assert recs[0]["diagnostics"][0]["code"] == "INPUT_EMPTY"
    missing = list(cablewire.parse(pathlib.Path(ROOT, "no-such-file.txt")))
    assert [r["kind"] for r in missing] == ["error"]
    assert missing[0]["diagnostics"][0]["code"] == "INPUT_UNREADABLE"


def test_stopping_early_stops_the_walk():
    gen = cablewire.parse(os.path.join(ROOT, "testdata"))
    first = next(gen)
    gen.close()
    assert first["kind"] in ("cable", "article", "error")
    assert threading.active_count() < 5


def test_validate():
    path = os.path.join(ROOT, "testdata", "cables", "invalid", "header-noise", "input.txt")
    diags = cablewire.validate(path)
    assert [d["code"] for d in diags] == ["HDR_FL2_WORD", "HDR_UNKNOWN_LINE"]
    assert diags[0]["line"] == 2 and diags[0]["column"] == 11
    assert diags[0]["severity"] == "warning" and diags[0]["source"] == path
    assert {d["severity"] for d in cablewire.validate(path, strict=True)} == {"error"}


def test_convert_like_the_command(tmp_path):
    tree = os.path.join(ROOT, "testdata", "cables", "valid")
    ours, theirs = tmp_path / "py.jsonl", tmp_path / "cli.jsonl"
    summary = cablewire.convert([tree], str(ours), jobs=2)
    subprocess.run([CLI, "convert", tree, "-o", str(theirs), "--no-progress"],
                   capture_output=True, check=False)
    assert ours.read_bytes() == theirs.read_bytes()
    lines = ours.read_bytes().count(b"\n")
    assert summary["records"] == lines and summary["format"] == "jsonl"
    assert summary["records"] == summary["with_errors"] + summary["with_warnings"] + summary["clean"]


def test_convert_to_an_archive(tmp_path):
    out = tmp_path / "a.sqlite"
    summary = cablewire.convert(os.path.join(ROOT, "testdata", "articles", "valid"), str(out),
                                jobs=1)
    assert summary["format"] == "sqlite" and summary["records"] > 0
    assert summary["inserted"] > 0
    again = cablewire.convert(os.path.join(ROOT, "testdata", "articles", "valid"), str(out),
                              format="sqlite")
    assert again["inserted"] == 0 and again["new_versions"] == 0
    assert again["unchanged"] == again["records"] == summary["records"]


def test_convert_errors(tmp_path):
    tree = os.path.join(ROOT, "testdata", "cables", "valid")
    with pytest.raises(cablewire.Error):
        cablewire.convert([tree], str(tmp_path / "x.jsonl"), format="yaml")
    with pytest.raises(cablewire.Error, match="no output format"):
        cablewire.convert([tree], str(tmp_path / "x.yaml"))
    with pytest.raises(cablewire.Error, match="No such file or directory"):
        cablewire.convert([tree], str(tmp_path / "no" / "dir" / "x.jsonl"))


def test_the_gil_is_released():
    # ctypes releases the GIL around calls made through a CDLL (not a PyDLL): the C parse runs
    # while other Python threads go on.
    assert isinstance(cablewire._lib, ctypes.CDLL)
    assert not isinstance(cablewire._lib, ctypes.PyDLL)
    big = b"".join(open(p, "rb").read() + b"\nNNNN\n" for p in INPUTS
                   if p.endswith("/text-acp127/input.txt")) * 1500
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)

    t = threading.Thread(target=tick)
    t.start()
    try:
        n = sum(1 for _ in cablewire.parse(big, form="text"))
    finally:
        stop.set()
        t.join()
    assert n >= 1500 and len(ticks) > 0


def corpus_pages(tmp_path_factory, count=300):
    archive = os.path.join(SHARED, "corpus", "cables", "wikileaks-html.tar.xz")
    if not os.path.exists(archive):
        pytest.skip("the shared corpus (%s) is not here" % archive)
    out = tmp_path_factory.mktemp("pages")
    with tarfile.open(archive, "r:xz") as tar:
        taken = 0
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                member.name = "%04d-%s" % (taken, os.path.basename(member.name))
                tar.extract(member, out)
                taken += 1
                if taken == count:
                    break
    return str(out)


def test_300_corpus_pages(tmp_path_factory):
    pages = corpus_pages(tmp_path_factory)
    files = sorted(glob.glob(os.path.join(pages, "*.html")))
    assert len(files) == 300
    ours = list(cablewire.parse(pages))
    assert len(ours) == 300
    assert ours == command_records(pages)
