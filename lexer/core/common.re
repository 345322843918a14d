/* Definitions shared by every scanner (included with !include:re2c).
 *
 * Every scanner runs over a decoded text (lexer/core/text.h): it ends with "\n" followed by the NUL
 * sentinel at YYLIMIT, holds no other NUL and no CR. Double-quoted strings match case-sensitively,
 * single-quoted ones ignore case. */
/*!re2c
	sp      = [ \t];
	eol     = "\n";
	nl      = [^\n];
	upper   = [A-Z];
	lower   = [a-z];
	alpha   = [A-Za-z];
	digit   = [0-9];
	alnum   = [A-Za-z0-9];

	/* Routing indicator: R (or U/Q), then 3-6 letters: RUEHC, RUEHDM, RHEHNSC, RUEAIIA. */
	ri      = [RUQ] upper{2,6};

	mon     = 'JAN' | 'FEB' | 'MAR' | 'APR' | 'MAY' | 'JUN'
	        | 'JUL' | 'AUG' | 'SEP' | 'OCT' | 'NOV' | 'DEC';

	/* Date-time group: day, hour, minute, Z, month, year: 261325Z FEB 06, 291359Z Nov 00. */
	dtg     = digit{6} sp* [Zz] sp* mon sp* (digit{4} | digit{2});

	/* Precedence letters of format line 5 and prosigns of format line 2. */
	prec1   = [ZOPRY];
	prec2   = "ZZ" | "OO" | "PP" | "RR" | "YY" | prec1;

	/* Operating signal: ZZH, ZFF6, ZDK. */
	opsig   = "Z" upper{2} digit?;

	/* Words that spell a classification, plain or letter-spaced, as written by State. */
	cls_plain = "UNCLASSIFIED" | "UNCLAS" | "CONFIDENTIAL" | "SECRET" | "TOP SECRET"
	          | "LIMITED OFFICIAL USE" | "LIMITED OFFICAL USE" | "RESTRICTED";
	cls_spaced = "U N C L A S S I F I E D" | "C O N F I D E N T I A L" | "S E C R E T"
	           | "T O P" sp+ "S E C R E T" | "L I M I T E D" sp+ "O F F I C I A L" sp+ "U S E"
	           | "U N C L A S";
	cls_word_strict = cls_plain | cls_spaced;

	/* The same as the release garbles them: any case, a space or not between letters, one
	 * stray character before (CC O N F I D E N T I A L, SS E C R E T, .C O N F..., S e c r e t,
	 * C ONFIDENTIAL), the first letter lost (O N F I D E N T I A L, E C R E T). Only where a
	 * classification line is expected. */
	s_        = " "?;
	w_onf     = 'O' s_ 'N' s_ 'F' s_ 'I' s_ 'D' s_ 'E' s_ 'N' s_ 'T' s_ 'I' s_ 'A' s_ 'L';
	w_conf    = 'C' s_ w_onf;
	w_ecret   = 'E' s_ 'C' s_ 'R' s_ 'E' s_ 'T';
	w_secret  = 'S' s_ w_ecret;
	w_unclas  = 'U' s_ 'N' s_ 'C' s_ 'L' s_ 'A' s_ 'S' (s_ 'S' s_ 'I' s_ 'F' s_ 'I' s_ 'E' s_ 'D')?;
	w_lou     = 'L' s_ 'I' s_ 'M' s_ 'I' s_ 'T' s_ 'E' s_ 'D' sp+ 'O' s_ 'F' s_ 'F' s_ 'I' s_ 'C' s_
	            'I' s_ 'A'? s_ 'L' sp+ 'U' s_ 'S' s_ 'E';
	w_top     = 'T' s_ 'O' s_ 'P' sp+ w_secret;
	w_nclas   = 'N' s_ 'C' s_ 'L' s_ 'A' s_ 'S' (s_ 'S' s_ 'I' s_ 'F' s_ 'I' s_ 'E' s_ 'D')?;
	cls_word  = [A-Za-z.] s_ (w_conf | w_secret | w_unclas) | w_conf | w_secret | w_unclas | w_lou
	          | w_top | w_onf | w_ecret | w_nclas | "RESTRICTED";
*/
/*!re2c
	/* UTF-8 multi-byte sequences, well-formed only (no overlongs, no surrogates). */
	u8_2    = [\xc2-\xdf] [\x80-\xbf];
	u8_3    = "\xe0" [\xa0-\xbf] [\x80-\xbf] | [\xe1-\xec\xee\xef] [\x80-\xbf]{2}
	        | "\xed" [\x80-\x9f] [\x80-\xbf];
	u8_4    = "\xf0" [\x90-\xbf] [\x80-\xbf]{2} | [\xf1-\xf3] [\x80-\xbf]{3}
	        | "\xf4" [\x80-\x8f] [\x80-\xbf]{2};
	u8mb    = u8_2 | u8_3 | u8_4;
	pilcrow = "\xc2\xb6";
	/* Every multi-byte sequence but the pilcrow, so that runs of text stop in front of one. */
	u8mb_np = [\xc2] [\x80-\xb5\xb7-\xbf] | [\xc3-\xdf] [\x80-\xbf] | u8_3 | u8_4;
	hex     = [0-9A-Fa-f];
	/* Every multi-byte sequence but the no-break space, which web text turns into a space. */
	u8mb_sp = [\xc2] [\x80-\x9f\xa1-\xbf] | [\xc3-\xdf] [\x80-\xbf] | u8_3 | u8_4;
*/
