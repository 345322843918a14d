# Writes a cables.csv of about MB megabytes whose rows put every kind of row end, and everything
# that looks like one, next to wherever a large file may be cut into segments
# (parser/input/segments.h): rows of many lengths, MySQL escapes (a backslash before each line end
# of a field, \" and \\), newlines inside quotes with and without a row start after them, an
# escaped newline before a row start, CRLF, blank lines, a long row id, and a row longer than a
# segment. Usage: awk -v MB=8 -f tests/segments_gen.awk
function line(n,   s) {
	s = "2. (C) Line " n " of the body, with \\\"quotes\\\" and a \\\\ backslash pair.";
	return s;
}
function body(lines, tag,   b, i) {
	b = "";
	for (i = 0; i < lines; i++)
		b = b line(i) "\\\n";
	return b tag;
}
function row(id, b, end) {
	return "\"" id "\",\"3/18/2007 10:30\",\"07TEST" id "\",\"Embassy Test\",\"CONFIDENTIAL\",\"\"," \
		"\"VZCZC\\\nPP RUEHVL\\\n\",\"C O N F I D E N T I A L\\\n\\\nSUBJECT: TEST " id "\\\n\\\n" \
		b "\"" end;
}
BEGIN {
	target = MB * 1024 * 1024;
	size = 0;
	for (id = 1; size < target; id++) {
		k = id % 11;
		n = (id * 7919) % 90 + 1; # 1 to 90 body lines
		if (k == 0)      # a newline inside quotes followed by a row start after an escape
			r = row(id, body(n, "\\\n\"99\",\"1/2/2008 3:04\",\"fake\\\n"), "\n");
		else if (k == 1) # an even run of backslashes, a newline, a row start: the row lost its quote
			r = row(id, body(n, "end \\\\\\\\\n"), "\n") ;
		else if (k == 2) # a bare newline inside quotes, no row start after it
			r = row(id, body(n, "bare\nnewline\n"), "\n");
		else if (k == 3) # CRLF
			r = row(id, body(n, ""), "\r\n");
		else if (k == 4) # blank lines after the row
			r = row(id, body(n, ""), "\n\n\n");
		else if (k == 5) # a long row id (a row start longer than a reader must hold to tell it)
			r = row("1234567890123456789012345678901234567890" id, body(n, ""), "\n");
		else if (k == 6 && id % 2000 == 6) # a row longer than a segment
			r = row(id, body(30000, ""), "\n");
		else if (k == 7) # a NUL and a lone quote
			r = row(id, body(n, "nul \\0 and \"\" quote"), "\n");
		else
			r = row(id, body(n, ""), "\n");
		printf "%s", r;
		size += length(r);
	}
}
