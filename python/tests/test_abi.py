"""The package's ctypes mirrors of the public structs against the C header: every field at the
offset the compiler gives it, and each struct of the compiler's size. A struct that grows in C
without its mirror would have the library write past what Python allocated. Compiles a small
program against include/cablewire.h with the system's cc (skipped, saying so, without one)."""
import ctypes
import os
import shutil
import subprocess
import tempfile

import pytest

import cablewire
from cablewire import shards

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))

# C struct name -> its mirror
MIRRORS = {
    "cw_walk_stats": cablewire._WalkStats,
    "cw_code_count": cablewire._CodeCount,
    "cw_convert_request": cablewire._ConvertRequest,
    "cw_convert_summary": cablewire._ConvertSummary,
    "cw_shard_request": shards._ShardRequest,
    "cw_shard_result": shards._ShardResult,
}


def compiled_layout():
    """{struct: (size, {field: offset})} as cc lays them out."""
    cc = shutil.which("cc")
    if not cc:
        pytest.skip("no C compiler (cc) to compare the ctypes mirrors with the header")
    lines = ['#include <stddef.h>', '#include <stdio.h>', '#include "cablewire.h"',
             "int main(void) {"]
    for name, mirror in MIRRORS.items():
        lines.append('printf("%s %%zu\\n", sizeof(%s));' % (name, name))
        for field, _ in mirror._fields_:
            lines.append('printf("%s.%s %%zu\\n", offsetof(%s, %s));' % (name, field, name, field))
    lines.append("return 0; }")
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "abi.c"), os.path.join(tmp, "abi")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        build = subprocess.run([cc, "-std=c11", "-I", os.path.join(ROOT, "include"), "-o", exe, src],
                               capture_output=True, text=True, check=False)
        assert build.returncode == 0, build.stderr  # a mirror's field missing from the header
        out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    layout = {}
    for line in out.splitlines():
        key, value = line.split()
        struct, _, field = key.partition(".")
        size, offsets = layout.setdefault(struct, [None, {}])
        if field:
            offsets[field] = int(value)
        else:
            layout[struct][0] = int(value)
    return layout


def test_mirrors_match_the_header():
    layout = compiled_layout()
    for name, mirror in MIRRORS.items():
        size, offsets = layout[name]
        assert ctypes.sizeof(mirror) == size, "%s: ctypes %d bytes, C %d" % (
            name, ctypes.sizeof(mirror), size)
        for field, _ in mirror._fields_:
            assert getattr(mirror, field).offset == offsets[field], "%s.%s" % (name, field)
