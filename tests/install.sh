#!/bin/sh
# make install into a temporary root, as a packager or a user would run it (make check):
#   - every file lands under DESTDIR/PREFIX in the directories the variables name;
#   - a C program (examples/first_record.c) compiles with pkg-config against the installed tree,
#     dynamically and statically, and runs;
#   - the shared library has its SONAME and exports cw_ symbols only, and the installed static
#     library defines no other global symbol;
#   - every man page renders with man -l, without a warning from man or mandoc's lint;
#   - the installed Python package imports with Debian's python3 and finds the installed library;
#   - cablewire-dask names /usr/bin/python3 and converts as the command does (with Dask);
#   - make uninstall removes everything it installed.
# Usage: tests/install.sh   (from the top of the tree, after make)
set -u
fails=0 checks=0
fail() { echo "install: FAIL: $*"; fails=$((fails + 1)); }
ok() { checks=$((checks + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root

make -s install DESTDIR="$root" PREFIX=/usr >"$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; echo "install: FAIL: make install"; exit 1; }
ver=$(sed -n 's/^#define CW_VERSION "\(.*\)"/\1/p' include/cablewire.h)
major=${ver%%.*}
for f in bin/cablewire lib/libcablewire.so.$ver lib/libcablewire.so.$major lib/libcablewire.so \
	lib/libcablewire.a include/cablewire.h lib/pkgconfig/cablewire.pc \
	share/man/man1/cablewire.1 share/man/man3/cablewire.3 \
	lib/python3/dist-packages/cablewire/__init__.py; do
	ok; [ -e "$root/usr/$f" ] || fail "not installed: /usr/$f"
done
ok; grep -q 'the Python package is for /usr/bin/python3' "$tmp/install.log" ||
	fail "make install does not say which Python it installs for"

# The SONAME and the exports.
lib=$root/usr/lib/libcablewire.so.$ver
ok; soname=$(objdump -p "$lib" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libcablewire.so.$major" ] || fail "SONAME is '$soname'"
nm -D --defined-only "$lib" | awk '{ print $NF }' >"$tmp/exports"
ok; [ "$(wc -l <"$tmp/exports")" -gt 50 ] || fail "too few exports: $(wc -l <"$tmp/exports")"
ok; others=$(grep -v '^cw_' "$tmp/exports" | tr '\n' ' ')
[ -z "$others" ] || fail "the shared library exports non-cw_ symbols: $others"
ok; grep -qx cw_version "$tmp/exports" || fail "cw_version is not exported"
nm -g --defined-only "$root/usr/lib/libcablewire.a" 2>/dev/null | awk 'NF == 3 { print $3 }' >"$tmp/static"
ok; [ "$(wc -l <"$tmp/static")" -gt 50 ] || fail "too few globals in the static library"
ok; others=$(grep -v '^cw_' "$tmp/static" | tr '\n' ' ')
[ -z "$others" ] || fail "the static library defines non-cw_ globals: $others"

# pkg-config, as the issue's "done when" gives it, then the example built and run.
pc() { PKG_CONFIG_SYSROOT_DIR=$root PKG_CONFIG_PATH=$root/usr/lib/pkgconfig pkg-config "$@"; }
ok; flags=$(pc --cflags --libs cablewire) || fail "pkg-config does not find cablewire"
ok; [ "$(pc --modversion cablewire)" = "$ver" ] || fail "pkg-config version"
ok; pc --print-requires-private cablewire | grep -q sqlite3 || fail "Requires.private lacks sqlite3"
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Werror examples/first_record.c $flags -o "$tmp/first_record" 2>"$tmp/cc.err"; then
	ok; LD_LIBRARY_PATH=$root/usr/lib "$tmp/first_record" >"$tmp/out" 2>&1 ||
		fail "the example does not run: $(cat "$tmp/out")"
	ok; grep -qx "cablewire $ver (header $ver)" "$tmp/out" || fail "the example's version line: $(head -1 "$tmp/out")"
	ok; grep -q '^cable ' "$tmp/out" || fail "the example parses no cable: $(cat "$tmp/out")"
	ok; LD_LIBRARY_PATH=$root/usr/lib ldd "$tmp/first_record" | grep -q "libcablewire.so.$major => $root" ||
		fail "the example is not linked to the installed shared library"
	ok; LD_LIBRARY_PATH=$root/usr/lib "$tmp/first_record" testdata/cables/valid >"$tmp/out2" 2>&1 &&
		grep -q '^[0-9]* inputs, [0-9]* records$' "$tmp/out2" || fail "the example's walk: $(tail -1 "$tmp/out2")"
else
	fail "the example does not compile: $(cat "$tmp/cc.err")"
fi
# With the static library: what it needs comes from Requires.private (linked as the system has
# them) and Libs.private.
requires=$(pc --print-requires-private cablewire | awk '{ print $1 }' | tr '\n' ' ')
private=$(pc --libs-only-l --static cablewire | tr ' ' '\n' | grep -v '^-lcablewire$' | grep -x -- '-lpthread' || true)
# shellcheck disable=SC2046,SC2086
ok; cc -std=c11 examples/first_record.c $(pc --cflags cablewire) "$root/usr/lib/libcablewire.a" \
	$(pkg-config --libs $requires) $private -o "$tmp/first_static" 2>"$tmp/cc2.err" &&
	"$tmp/first_static" | grep -q '^cable ' ||
	fail "the example does not build or run with the static library: $(cat "$tmp/cc2.err")"
ok; ldd "$tmp/first_static" | grep -q libcablewire && fail "the static build loads libcablewire.so"

# Man pages: rendered by man -l with no warning, and clean under mandoc's lint (errors).
for page in "$root"/usr/share/man/man*/*; do
	ok; out=$(man --warnings -l "$page" 2>&1 >/dev/null)
	[ -z "$out" ] || fail "man -l $(basename "$page"): $out"
	ok; man -l "$page" 2>/dev/null | grep -q '^NAME' || fail "man -l $(basename "$page") renders no NAME"
	ok; mandoc -Tlint -Werror "$page" || fail "mandoc lint: $(basename "$page")"
done
# The lint catches a broken page (so that its silence means something).
printf '.TH X 1\n.SH NAME\n.BADMACRO x\n.RS\n' >"$tmp/bad.1"
ok; ! mandoc -Tlint -Werror "$tmp/bad.1" >/dev/null 2>&1 || fail "mandoc lint passes a broken page"

# The installed Python package, with Debian's interpreter, loads the installed library.
ok; out=$(cd "$tmp" && PYTHONPATH=$root/usr/lib/python3/dist-packages \
	CABLEWIRE_LIBRARY=$lib /usr/bin/python3 -c 'import cablewire; print(cablewire.version())' 2>&1)
[ "$out" = "$ver" ] || fail "the installed Python package: $out"

# cablewire-dask: run by Debian's interpreter (the one its Dask is for), it finds the installed
# package; with Dask installed it converts on a local cluster as the command does.
ok; [ "$(head -1 "$root/usr/bin/cablewire-dask")" = "#!/usr/bin/python3" ] ||
	fail "cablewire-dask's first line: $(head -1 "$root/usr/bin/cablewire-dask")"
ok; (cd "$tmp" && PYTHONPATH=$root/usr/lib/python3/dist-packages CABLEWIRE_LIBRARY=$lib \
	"$root/usr/bin/cablewire-dask" convert --help) | grep -q -- '--scheduler' ||
	fail "cablewire-dask convert --help"
if /usr/bin/python3 -c 'import distributed' 2>/dev/null; then
	ok; (cd "$tmp" && PYTHONPATH=$root/usr/lib/python3/dist-packages CABLEWIRE_LIBRARY=$lib \
		"$root/usr/bin/cablewire-dask" convert "$OLDPWD/testdata/articles" -o dask.jsonl \
		--local 1 -q) >/dev/null 2>&1
	"$root/usr/bin/cablewire" convert -q "$PWD/testdata/articles" -o "$tmp/cmd.jsonl" 2>/dev/null
	cmp -s "$tmp/dask.jsonl" "$tmp/cmd.jsonl" || fail "cablewire-dask's output is not the command's"
else
	echo "install: skipped: cablewire-dask's run (Dask is not installed: make deps installs it)"
fi

# The command runs and names its licence.
ok; "$root/usr/bin/cablewire" --version | grep -q 'License: MIT' || fail "--version names no licence"

make -s uninstall DESTDIR="$root" PREFIX=/usr >/dev/null 2>&1 || fail "make uninstall"
ok; left=$(find "$root" -type f -o -type l | sed "s#^$root##" | tr '\n' ' ')
[ -z "$left" ] || fail "left after make uninstall: $left"

echo "install: $checks checks, $fails failed"
[ "$fails" = 0 ]
