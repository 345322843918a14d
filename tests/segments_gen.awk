# Writes a cables.csv of about MB megabytes whose rows put every kind of row end, and everything
# that looks like one, next to wherever a large file may be cut into segments
# (parser/input/segments.h): rows of many lengths, MySQL escapes (a backslash before each line end
# of a field, \" and \\), newlines inside quotes with and without a row start after them, an
# escaped newline before a row start, CRLF, blank lines, a long row id, and a row longer than a
# segment. NOCUT=1: row ids that are no row start (X1, X2, ...), so that no boundary is found
# and the whole is one long segment. Usage: awk -v MB=8 [-v NOCUT=1] -f tests/segments_gen.awk
function out(s) {
	printf "%s", s;
	size += length(s);
}
function row(id, lines, tail, end,   i) {
	if (NOCUT)
		id = "X" id;
	out("\"" id "\",\"3/18/2007 10:30\",\"07TEST" id "\",\"Embassy Test\",\"CONFIDENTIAL\",\"\"," \
	    "\"VZCZC\\\nPP RUEHVL\\\n\",\"C O N F I D E N T I A L\\\n\\\nSUBJECT: TEST " id "\\\n\\\n");
	for (i = 0; i < lines; i++)
		out("2. (C) Line " i " of the body, with \\\"quotes\\\" and a \\\\ backslash pair.\\\n");
	out(tail "\"" end);
}
BEGIN {
	target = MB * 1024 * 1024;
	size = 0;
	for (id = 1; size < target; id++) {
		k = id % 11;
		n = (id * 7919) % 90 + 1; # 1 to 90 body lines
		if (k == 0)      # a newline inside quotes followed by a row start after an escape
			row(id, n, "\\\n\"99\",\"1/2/2008 3:04\",\"fake\\\n", "\n");
		else if (k == 1) # an even run of backslashes, a newline, a row start: the row lost its quote
			row(id, n, "end \\\\\\\\\n", "\n");
		else if (k == 2) # a bare newline inside quotes, no row start after it
			row(id, n, "bare\nnewline\n", "\n");
		else if (k == 3) # CRLF
			row(id, n, "", "\r\n");
		else if (k == 4) # blank lines after the row
			row(id, n, "", "\n\n\n");
		else if (k == 5) # a long row id (a row start longer than a reader must hold to tell it)
			row("1234567890123456789012345678901234567890" id, n, "", "\n");
		else if (k == 6 && id % 2000 == 6) # a row longer than a segment
			row(id, 30000, "", "\n");
		else if (k == 7) # a NUL and a lone quote
			row(id, n, "nul \\0 and \"\" quote", "\n");
		else
			row(id, n, "", "\n");
	}
}
