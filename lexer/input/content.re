/* The decoding rules every input form shares (included with !include:re2c by the decoders in
 * forms.re and news_forms.re): CR and CRLF line ends, NUL bytes, form feeds and other control
 * characters, and bytes that are not UTF-8. Each decoder's loop provides tok, cur and d. */
/* What every form must survive. tok and cur are the current token's bounds. The rules are
 * written as nested ifs, and so is every block that uses them (README, "Generated C"). */
/*!rules:re2c:content
	re2c:flags:nested-ifs = 1;
	/* Lines ending in a backslash come from the leak's database dumps. */
	"\\" [ \t]* ("\r\n" | "\n" | "\r")  { subst(d, "\n", 1, tok); continue; }
	"\r\n" | "\r"                        { subst(d, "\n", 1, tok); continue; }
	"\x0c"                               { subst(d, "\n", 1, tok); continue; }
	"\x00"                               { nul(d, tok); continue; }
	/* In Windows-1252 text (converted PDFs) the pilcrow before a number is byte B6. */
	"\xb6" / [0-9A-Z]                    { if (!d->cp1252) bad_byte(d, tok); continue; }
	[\x01-\x08\x0b\x0e-\x1f\x7f]         { control(d, tok); continue; }
	[\x80-\xff]                          { bad_byte(d, tok); continue; }
	*                                    { bad_byte(d, tok); continue; }
*/

