"""cablewire.distributed against the command: on a local Dask cluster of 2 workers, the
conversion of testdata, of generated and corpus streams cut into shards, and of a run whose
worker is killed in the middle of a shard, equals `cablewire convert`'s output byte for byte,
with the same summary. Skipped, saying so, only when Dask is not installed (make deps installs
python3-dask and python3-distributed); the corpus test needs ../shared.
"""
import glob
import json
import logging
import os
import signal
import subprocess
import tarfile
import threading
import time
import zipfile

import pytest

distributed_lib = pytest.importorskip(
    "distributed", reason="Dask distributed is not installed (make deps installs "
    "python3-distributed): the distributed conversion is not tested")

from cablewire import distributed, shards  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("CABLEWIRE", os.path.join(ROOT, "build", "cablewire"))
GEN_CSV = os.environ.get("CABLEWIRE_GEN_CSV", os.path.join(ROOT, "build", "gen_cables_csv"))
SHARED = os.environ.get("CABLEWIRE_SHARED", os.path.join(ROOT, "..", "shared"))
TESTDATA = os.path.join(ROOT, "testdata")
FORMATS = ("jsonl", "json", "xml", "csv", "text", "nitf", "ninjs", "newsml-g2")


@pytest.fixture(scope="module")
def cluster():
    c = distributed_lib.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed_lib.Client(c)
    yield c, client
    client.close()
    c.close()


@pytest.fixture(scope="module")
def cables_csv(tmp_path_factory):
    """About 6 MB of generated cables.csv (bench/gen_cables_csv.c: invented rows)."""
    path = tmp_path_factory.mktemp("csv") / "cables.csv"
    with open(path, "wb") as f:
        subprocess.run([GEN_CSV, "6000000"], stdout=f, check=True)
    return str(path)


def command(inputs, out, fmt):
    run = subprocess.run([CLI, "convert", "--no-progress", "-j2", "-f", fmt, *inputs, "-o",
                          out], capture_output=True, check=False)
    assert run.returncode in (0, 1), run.stderr.decode()
    return run.returncode, run.stderr.decode().splitlines()


def dask_convert(cluster, capsys, inputs, out, fmt, *extra):
    capsys.readouterr()
    rc = distributed.main(["convert", *inputs, "-o", out, "-f", fmt, "--scheduler",
                           cluster[0].scheduler_address, *extra])
    err = capsys.readouterr().err.splitlines()
    return rc, [line for line in err if line.startswith("cablewire:")]


def same_as_command(cluster, capsys, tmp_path, inputs, fmt, shard_bytes):
    want_rc, want_err = command(inputs, str(tmp_path / ("cmd." + fmt)), fmt)
    got_rc, got_err = dask_convert(cluster, capsys, inputs, str(tmp_path / ("dask." + fmt)),
                                   fmt, "--shard-bytes", str(shard_bytes))
    with open(tmp_path / ("cmd." + fmt), "rb") as a, open(tmp_path / ("dask." + fmt), "rb") as b:
        want, got = a.read(), b.read()
    assert got == want, "%s: the distributed output differs from the command's" % fmt
    assert got_err == want_err
    assert got_rc == want_rc
    return want


@pytest.mark.parametrize("fmt", FORMATS)
def test_testdata_equals_the_command(cluster, capsys, tmp_path, fmt):
    # 4 KiB shards: testdata's files go in many groups, and its streams are cut
    out = same_as_command(cluster, capsys, tmp_path, [TESTDATA], fmt, 4096)
    assert len(out) > 10000


def test_streams_are_cut_at_unit_boundaries(cluster, capsys, tmp_path, cables_csv):
    inputs = [cables_csv, os.path.join(TESTDATA, "articles", "valid", "reuters-sgml"),
              os.path.join(TESTDATA, "articles", "valid", "anpa")]
    the_plan = distributed.plan(inputs, 256 << 10)
    cut = [s["items"][0] for s in the_plan if "units" in s["items"][0]]
    assert len(cut) >= 20, "the 6 MB cables.csv was not cut into shards"
    # each shard starts where the whole file's reader starts a unit: at a row of its own
    with open(cables_csv, "rb") as f:
        data = f.read()
    for item in cut[1:]:
        assert data[item["offset"] - 1:item["offset"]] == b"\n"
        assert data[item["offset"]:item["offset"] + 1] in (b'"', b"1", b"2", b"3", b"4", b"5",
                                                           b"6", b"7", b"8", b"9")
    assert sum(i["units"] for i in cut) == cut[-1]["index"] + cut[-1]["units"]
    out = same_as_command(cluster, capsys, tmp_path, inputs, "jsonl", 256 << 10)
    records = [json.loads(line) for line in out.splitlines()]
    csv_records = [r for r in records if r["source"]["path"] == cables_csv]
    # index and offset counted over the whole file, as on one machine
    assert [r["source"]["index"] for r in csv_records] == list(range(len(csv_records)))
    starts = {r["source"]["index"]: r["source"]["offset"] for r in csv_records}
    assert all(starts[i["index"]] == i["offset"] for i in cut)


def test_a_cut_knows_a_file_read_whole(tmp_path):
    page = os.path.join(TESTDATA, "cables", "valid", "html-2010-layout", "input.html")
    assert shards.cut(page, 16) is None  # one unit per input
    archive = tmp_path / "a.tar"
    with tarfile.open(archive, "w") as t:
        t.add(os.path.join(TESTDATA, "cables", "forms", "cables.csv"), arcname="cables.csv")
    assert shards.cut(str(archive), 16) is None  # an archive: cut by members instead
    assert shards.members(str(archive)) == [os.path.getsize(
        os.path.join(TESTDATA, "cables", "forms", "cables.csv"))]
    assert shards.cut(str(tmp_path / "missing.csv"), 16) is None
    assert shards.members(str(tmp_path / "missing.csv")) is None
    assert shards.members(page) is None  # not an archive
    assert distributed.plan([str(archive)], 16)[0]["items"] == [
        {"path": str(archive), "size": os.path.getsize(archive)}]  # one member: read whole
    # a web archive: read whole by one task, neither cut nor listed by records
    for warc in ("valid/warc-1.1-crawl/input.warc", "valid/warc-gzip-members/input.warc.gz"):
        path = os.path.join(TESTDATA, "warc", warc)
        assert shards.cut(path, 16) is None
        assert shards.members(path) is None


def files_of_testdata():
    out = []
    for top, dirs, files in os.walk(TESTDATA):
        dirs.sort()
        out.extend(os.path.join(top, f) for f in sorted(files))
    return out


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """A tar.gz and a zip of testdata's files (cables, articles, streams, bad inputs), with a
    directory entry, a hidden file and, in the zip, a tar.gz inside: not members, or one."""
    folder = tmp_path_factory.mktemp("archives")
    files = files_of_testdata()
    tgz, zipped, inner = folder / "testdata.tar.gz", folder / "testdata.zip", folder / "in.tgz"
    with tarfile.open(tgz, "w:gz") as t:
        t.add(os.path.join(TESTDATA, "cables"), arcname="pages", recursive=False)
        t.add(files[0], arcname="pages/.hidden.txt")
        for n, f in enumerate(files):
            t.add(f, arcname="pages/%03d-%s" % (n, os.path.relpath(f, TESTDATA)))
    with tarfile.open(inner, "w:gz") as t:
        for f in files[:5]:
            t.add(f, arcname=os.path.basename(f))
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pages/", b"")
        for n, f in enumerate(files):
            z.write(f, "pages/%03d-%s" % (n, os.path.relpath(f, TESTDATA)))
            if n == len(files) // 2:
                z.write(inner, "pages/inner.tgz")
    return str(tgz), str(zipped), len(files)


def test_an_archive_that_breaks_is_read_whole(tmp_path):
    """A zip whose second member's deflate stream is broken: the command stops reading the
    archive there, which runs of members read apart could not know; it is not cut."""
    good, bad = tmp_path / "good.zip", tmp_path / "bad.zip"
    files = files_of_testdata()[:4]
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
        for n, f in enumerate(files):
            z.write(f, "m%d-%s" % (n, os.path.basename(f)))
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.infolist()[1]
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 20, start + 60):
        data[k] ^= 0x55
    bad.write_bytes(bytes(data))
    assert len(shards.members(str(good))) == 4
    assert shards.members(str(bad)) is None
    assert distributed.plan([str(bad)], 16)[0]["items"] == [
        {"path": str(bad), "size": len(data)}]


def member_runs(the_plan, path):
    return [i for s in the_plan for i in s["items"] if "member_first" in i and i["path"] == path]


@pytest.mark.parametrize("fmt", ("jsonl", "json", "xml"))
def test_an_archive_is_cut_by_members(cluster, capsys, tmp_path, archives, fmt):
    tgz, zipped, nfiles = archives
    assert len(shards.members(tgz)) == nfiles  # the directory and the hidden file are not
    assert len(shards.members(zipped)) == nfiles + 1  # the tar.gz inside is one member
    # smaller on disk than a shard, the tar.gz is still listed: its members hold more (the
    # shard is the next 64 KB step above the archive's size, which grows with testdata)
    shard = (os.path.getsize(tgz) // (64 << 10) + 1) * (64 << 10)
    assert os.path.getsize(tgz) < shard
    assert len(member_runs(distributed.plan([tgz], shard), tgz)) >= 2
    the_plan = distributed.plan([tgz, zipped], 8 << 10)
    for path, total in ((tgz, nfiles), (zipped, nfiles + 1)):
        runs = member_runs(the_plan, path)
        assert len(runs) >= 5, "%s was not cut into member runs" % path
        assert [r["member_first"] for r in runs][0] == 0 and runs[-1]["member_count"] == 0
        # consecutive, without a gap or an overlap
        for a, b in zip(runs, runs[1:]):
            assert a["member_first"] + a["member_count"] == b["member_first"]
        assert runs[-1]["member_first"] < total
    out = same_as_command(cluster, capsys, tmp_path, [tgz, zipped], fmt, 8 << 10)
    assert out.count(b"testdata.zip/pages/inner.tgz/") > 0


def test_a_killed_worker_loses_and_doubles_nothing(cluster, capsys, tmp_path, cables_csv):
    c, client = cluster
    want_rc, want_err = command([cables_csv], str(tmp_path / "cmd.jsonl"), "jsonl")
    pids = client.run(os.getpid)
    killed = {}

    def kill_one_mid_shard():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            for addr, keys in client.processing().items():
                if any(str(k).startswith("cablewire-shard") for k in keys) and addr in pids:
                    os.kill(pids[addr], signal.SIGKILL)
                    killed[addr] = (pids[addr], list(keys))
                    return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_one_mid_shard)
    killer.start()
    rc, err = dask_convert(cluster, capsys, [cables_csv], str(tmp_path / "dask.jsonl"),
                           "jsonl", "--shard-bytes", "256k")
    killer.join()
    assert killed, "no worker was killed while running a shard"
    pid, keys = next(iter(killed.values()))
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert any(k.startswith("cablewire-shard") for k in keys)
    with open(tmp_path / "cmd.jsonl", "rb") as a, open(tmp_path / "dask.jsonl", "rb") as b:
        assert b.read() == a.read()
    assert err == want_err and rc == want_rc
    client.wait_for_workers(2, timeout=60)  # the nanny started a new one


def test_parts_and_resume(cluster, capsys, tmp_path, cables_csv):
    parts = tmp_path / "parts"
    inputs = [cables_csv, TESTDATA]
    command(inputs, str(tmp_path / "cmd.jsonl"), "jsonl")
    args = ["convert", *inputs, "--parts", str(parts), "-f", "jsonl", "--shard-bytes", "512k",
            "--scheduler", cluster[0].scheduler_address]
    capsys.readouterr()
    rc = distributed.main(args)
    first_err = capsys.readouterr().err
    manifest = json.loads((parts / "manifest.json").read_text())
    shard_list = manifest["shards"]
    assert len(shard_list) > 5 and all(s["done"] for s in shard_list)
    with open(tmp_path / "cmd.jsonl", "rb") as f:
        want = f.read()

    def joined():
        return b"".join((parts / s["part"]).read_bytes() for s in shard_list)

    # JSON Lines parts, joined in shard order, are the one output
    assert joined() == want
    assert sum(s["records"] for s in shard_list) == want.count(b"\n")
    for s in shard_list:
        assert s["inputs"] and s["byte_ranges"]
    # a run stopped before two shards were done: --resume converts those two only
    for s in (shard_list[1], shard_list[-1]):
        os.unlink(parts / s["part"])
        s["done"] = False
    (parts / "manifest.json").write_text(json.dumps(manifest))
    rc2 = distributed.main(args + ["--resume"])
    err2 = capsys.readouterr().err
    assert rc2 == rc
    assert "resumed after the %d shards" % (len(shard_list) - 2) in err2
    # the summary reconciles the resumed shards' counts with the new ones
    assert [l for l in err2.splitlines() if "wrote" in l] == \
        [l for l in first_err.splitlines() if "wrote" in l]
    shard_list = json.loads((parts / "manifest.json").read_text())["shards"]
    assert all(s["done"] for s in shard_list) and joined() == want
    # other inputs: refused
    capsys.readouterr()
    assert distributed.main(["convert", TESTDATA, "--parts", str(parts), "--resume",
                             "--scheduler", cluster[0].scheduler_address]) == 2
    assert "cannot resume" in capsys.readouterr().err


def test_corpus_equals_the_command(cluster, capsys, tmp_path):
    corpus = os.path.join(SHARED, "corpus")
    if not os.path.isdir(corpus):
        pytest.skip("no %s: the corpus part of the distributed test is skipped" % corpus)
    # two Reuters SGML files (about 2.6 MB) cut into shards, the wire samples, one cable archive
    sgml = tmp_path / "reuters"
    sgml.mkdir()
    with tarfile.open(os.path.join(corpus, "news", "reuters21578-dev.tar.xz")) as t:
        members = [m for m in t.getmembers() if m.name.endswith(("reut2-000.sgm",
                                                                  "reut2-001.sgm"))]
        assert len(members) == 2
        for m in members:
            with t.extractfile(m) as src, open(sgml / os.path.basename(m.name), "wb") as dst:
                dst.write(src.read())
    inputs = [str(sgml), os.path.join(corpus, "news", "wire-samples"),
              os.path.join(corpus, "cables", "wikileaks-html-2011-layout.tar.xz")]
    for fmt in ("jsonl", "xml"):
        out = same_as_command(cluster, capsys, tmp_path, inputs, fmt, 128 << 10)
        assert len(out) > 1000000
    assert len([s for s in distributed.plan(inputs, 128 << 10) if "units" in s["items"][0]]) > 10


def test_the_corpus_archive_is_cut_by_members(cluster, capsys, tmp_path):
    archive = os.path.join(SHARED, "corpus", "cables", "wikileaks-html.tar.xz")
    if not os.path.exists(archive):
        pytest.skip("no %s: the corpus archive part of the distributed test is skipped"
                    % archive)
    runs = member_runs(distributed.plan([archive], 16 << 20), archive)
    assert len(runs) >= 4, "the corpus archive was not cut into member runs"
    out = same_as_command(cluster, capsys, tmp_path, [archive], "jsonl", 16 << 20)
    assert out.count(b"\n") > 4000


def test_usage_errors(capsys):
    assert distributed.main(["convert", TESTDATA, "-o", "x.sqlite", "--local", "1"]) == 2
    assert "sqlite" in capsys.readouterr().err
    assert distributed.main(["convert", "-", "-o", "x.jsonl", "--local", "1"]) == 2
    assert "standard input" in capsys.readouterr().err
    assert distributed.main(["convert", TESTDATA, "--resume", "-o", "x.jsonl",
                             "--local", "1"]) == 2


def test_the_module_runs_as_documented(tmp_path):
    """`/usr/bin/python3 -m cablewire.distributed convert ... --local 2` from the build tree."""
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    run = subprocess.run(["/usr/bin/python3", "-m", "cablewire.distributed", "convert",
                          os.path.join(TESTDATA, "articles"), "-o", str(out), "--local", "2"],
                         capture_output=True, env=env, check=False)
    assert run.returncode in (0, 1), run.stderr.decode()
    command([os.path.join(TESTDATA, "articles")], str(tmp_path / "cmd.jsonl"), "jsonl")
    assert out.read_bytes() == (tmp_path / "cmd.jsonl").read_bytes()


def test_json_parts_are_documents_of_their_own(cluster, capsys, tmp_path):
    parts = tmp_path / "parts"
    command([TESTDATA], str(tmp_path / "cmd.json"), "json")
    capsys.readouterr()
    distributed.main(["convert", TESTDATA, "--parts", str(parts), "-f", "json",
                      "--shard-bytes", "16k", "--scheduler", cluster[0].scheduler_address])
    shard_list = json.loads((parts / "manifest.json").read_text())["shards"]
    assert len(shard_list) > 3
    records = []
    for s in shard_list:
        part = json.loads((parts / s["part"]).read_text())  # each part parses alone
        assert len(part) == s["records"]
        records.extend(part)
    assert records == json.loads((tmp_path / "cmd.json").read_text())


def test_a_shard_that_fails_leaves_no_output(cluster, capsys, tmp_path, monkeypatch,
                                             cables_csv):
    # a file that changed since it was cut: its shard asks for more units than it holds
    real_plan = distributed.plan

    def stale_plan(*args, **kwargs):
        p = real_plan(*args, **kwargs)
        p[-1]["items"][0]["units"] += 5
        return p

    monkeypatch.setattr(distributed, "plan", stale_plan)
    out = tmp_path / "out.jsonl"
    capsys.readouterr()
    rc = distributed.main(["convert", cables_csv, "-o", str(out), "--shard-bytes", "1m",
                           "--scheduler", cluster[0].scheduler_address])
    err = capsys.readouterr().err
    assert rc == 2
    assert "changed since it was cut" in err
    assert not out.exists() and not list(tmp_path.iterdir())
