#!/bin/sh
# The attributes lexer/input/html_raw.c leaves out of a page before libxml2 parses it are the
# ones nothing reads: srcset and the data-* attributes but those in its data_read list. This
# check fails when the extraction (parser/) names a data-* attribute that the list lacks: it
# would read nothing there. A self-test plants one to show the check failing.
#
# Usage: tests/html_raw_attributes.sh [--plant]
set -eu
cd "$(dirname "$0")/.."

named=$(grep -rhoE '"data-[A-Za-z0-9_.:-]+"' parser/ | sort -u)
[ "${1:-}" = --plant ] && named="$named
\"data-planted-by-the-self-test\""
kept=$(sed -n '/data_read\[\] = {/,/};/p' lexer/input/html_raw.c)
[ -n "$kept" ] || { echo "html_raw_attributes: no data_read list in lexer/input/html_raw.c" >&2; exit 2; }
missing=0
for a in $named; do
	case "$kept" in
	*"$a"*) ;;
	*) echo "html_raw_attributes: the parser reads $a, which lexer/input/html_raw.c leaves out (add it to data_read)" >&2
	   missing=1 ;;
	esac
done
[ "$missing" = 0 ] || exit 1
echo "html_raw_attributes: the $(echo "$named" | wc -l) data-* attributes the parser reads are kept"
