#!/bin/sh
# Every diagnostic code the library can emit is documented in docs/diagnostics.md, and every code
# documented there is one the library emits (make check). Codes are the string literals of the
# code's shape (HDR_DTG_INVALID) in lexer/, grammar/ and parser/, and the [CODE] that ends a
# message about a file (the library's say() in parser/input/ and emitters/convert/, and cli/);
# the catalogue's F_ and S_ ids are not codes.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The messages about files close with their code: "... [OUTPUT_LOCKED]" (say() adds the line end).
{
	grep -rhoE '"[A-Z][A-Z0-9]*(_[A-Z0-9]+)+"' lexer grammar parser | tr -d '"' |
		grep -vE '^(F|S|T|FL|OF)_'
	grep -rhoE '\[[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\](\\n)?"' cli parser/input emitters/convert |
		sed 's/^\[\([A-Z0-9_]*\)\].*/\1/'
} | sort -u >"$tmp/source"
# the first column of the tables: | `CODE`, `CODE` | ...
sed -n 's/^| \(`[A-Z][A-Z0-9_]*`\(, `[A-Z][A-Z0-9_]*`\)*\) |.*/\1/p' docs/diagnostics.md |
	tr -d '`' | tr ',' '\n' | tr -d ' ' | sort -u >"$tmp/docs"
missing=$(comm -23 "$tmp/source" "$tmp/docs")
stale=$(comm -13 "$tmp/source" "$tmp/docs")
if [ -n "$missing" ] || [ -n "$stale" ]; then
	[ -z "$missing" ] || echo "diagnostics: emitted but not in docs/diagnostics.md:" $missing
	[ -z "$stale" ] || echo "diagnostics: in docs/diagnostics.md but emitted nowhere:" $stale
	exit 1
fi
echo "diagnostics: $(wc -l <"$tmp/source") codes, each documented in docs/diagnostics.md"
