#!/bin/sh
# Seeds for fuzz_archive: a few testdata inputs packed the ways cablewire reads them (tar, tar.gz,
# zip, cpio, a zip holding a tar.gz, a lone .xz, an empty .gz, zero bytes before a gzipped
# cable), made afresh into DIR so no binary seed lives in the tree.
# Usage: tests/fuzz/seeds.sh DIR
set -eu
mkdir -p "$1" && out=$(cd "$1" && pwd)
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
cp testdata/cables/valid/text-acp127/input.txt "$work/in/cable.txt"
cp testdata/cables/valid/html-2010-layout/input.html "$work/in/page.html"
cp testdata/articles/valid/anpa/input.anpa "$work/in/wire.anpa" 2>/dev/null || true
(cd "$work" && bsdtar -cf "$out/seed.tar" in)
(cd "$work" && bsdtar -czf "$out/seed.tar.gz" in)
(cd "$work" && bsdtar --format zip -cf "$out/seed.zip" in)
(cd "$work" && bsdtar --format newc -cf "$out/seed.cpio" in)
(cd "$work" && cp "$out/seed.tar.gz" inner.tar.gz && bsdtar --format zip -cf "$out/nested.zip" inner.tar.gz)
xz -c "$work/in/cable.txt" >"$out/lone.txt.xz"
: | gzip -c >"$out/empty.gz"
{ head -c 1024 /dev/zero; cat "$work/in/cable.txt"; } | gzip -c >"$out/zeros.txt.gz"
