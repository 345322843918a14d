#!/bin/sh
# The byline part classifier's gate (title_or_org_word_in in lexer/article/article.re) must let
# through every word of the lexer's `role` and `org_word` lists: a word added to a list without
# its first four letters in the gate would silently never be read as a title or an organisation.
# Reads the .re file as text: each quoted word of the two definitions against the gate's block.
# Usage: tests/word_gate.sh [lexer/article/article.re | --self-test]
# --self-test: a word planted in `role` without its letters in the gate must fail the check.
set -u
if [ "${1:-}" = --self-test ]; then
	t=$(mktemp) && trap 'rm -f "$t"' EXIT
	sed "s/| 'head of';/| 'head of' | 'stringer';/" lexer/article/article.re >"$t"
	if "$0" "$t" >/dev/null 2>&1; then
		echo "word_gate: self-test: a planted word was not seen" >&2
		exit 1
	fi
	echo "word_gate: self-test passed"
	exit 0
fi
re=${1:-lexer/article/article.re}
words() { # the quoted words of the definition NAME, up to its semicolon
	awk -v name="$1" '
		$0 ~ "^[ \t]*" name "[ \t]*=" { on = 1 }
		on { print; if ($0 ~ /;[ \t]*$/) exit }' "$re" | grep -o "'[^']*'" | tr -d "'" |
		grep -v '^s$'
}
gate=$(awk '/re2c:torg/ { on = 1 } on { print } on && /\*\// { exit }' "$re")
[ -n "$gate" ] || { echo "word_gate: no re2c:torg block in $re" >&2; exit 1; }
fails=0 n=0
for w in $(words role | tr ' ' '_') $(words org_word); do
	w=$(echo "$w" | tr '_' ' ')
	n=$((n + 1))
	if [ ${#w} -le 4 ]; then key=$w; else key=$(printf '%.4s' "$w"); fi
	printf '%s\n' "$gate" | grep -q "'$key'" || { echo "word_gate: '$w' ('$key') is not in the gate" >&2; fails=$((fails + 1)); }
done
[ "$n" -gt 40 ] || { echo "word_gate: only $n words read from $re: the definitions moved?" >&2; exit 1; }
echo "word_gate: $n words of role and org_word, $fails missing from the gate"
[ "$fails" -eq 0 ]
