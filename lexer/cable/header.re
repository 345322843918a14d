/* Line lexer of the routing header (ACP-127 format lines 1-9, as State used them).
 *
 * One call classifies one line and returns a token of grammar/cable/header.y. The classes are decided
 * by the line's first words; the fields inside are read later by lexer/cable/header_fields.re. A little state
 * travels from line to line: inside an FM/TO/INFO/XMT list every plain line is an addressee, and
 * a line of bare routing indicators only continues format line 2 right after it.
 *
 * When the form does not say where the header ends (plain text, Markdown), the lexer decides: at
 * the first line that starts the body (a classification line with more after it, E.O., TAGS,
 * SUBJECT), after BT, or at a non-address line that follows a blank line inside an address list.
 */
#include "lexer/cable/header_lex.h"
#include "grammar/cable/header.tab.h"

typedef const unsigned char *uptr;

/*!include:re2c "lexer/core/common.re" */
/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:define:YYCTXMARKER = "ctx";
	re2c:define:YYLIMIT = "lim";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:tags = 1;
	re2c:api:style = free-form;
*/

void hdr_lexer_init(hdr_lexer *lx, const char *text, const char *start, const char *lim,
		    const char *stop)
{
	lx->text = text;
	lx->cur = start;
	lx->lim = lim;
	lx->stop = stop;
	lx->body_start = NULL;
	lx->in_addr = 0;
	lx->after_fl2 = 0;
	lx->seen_routing = 0;
	lx->pending_blank = 0;
	lx->page_lines = 0;
	lx->lines = 0;
}

/* Line kinds before the state decides the token. */
enum kind {
	K_END, K_BLANK, K_PAGE, K_NNNN, K_BANNER, K_FL1, K_FL2, K_RIS, K_FL3, K_FL4, K_DTG, K_FM,
	K_TO, K_INFO, K_XMT, K_OFFICES, K_RULE, K_BT, K_CLASSPTQ, K_EMAIL, K_BODY, K_CLASSWORD,
	K_ADDRLIKE, K_TEXT
};

/* Classifies the line at *pc; sets *arg to the start of its argument and advances *pc past its
 * "\n". */
static enum kind classify(uptr *pc, uptr lim, uptr *arg)
{
	uptr cur = *pc, mar = NULL, ctx = NULL, a = NULL;
	/*!stags:re2c:hline format = 'uptr @@ = NULL;'; */
	enum kind k;
	(void)ctx;
	/*!re2c:hline
		office  = upper{1,5} "-" digit{2};
		plad_ch = [A-Z0-9 ./()&'-];
		addrkw  = "AMEMBASSY" | "AMCONSUL" | "SECSTATE" | "USMISSION" | "USDEL" | "USINT"
		        | "AMEMB" | "USEU" | "USNATO" | "CIA" | "NSC" | "DIA" | "SECDEF" | "JOINT STAFF"
		        | "HQ" | "CDR" | "DEPT" | "COMUSNAVCENT" | "USCINC" | "CJCS" | "WHITE HOUSE";

		sp* eol                                         { k = K_BLANK; goto done; }
		sp* "PAGE" sp+ digit+ nl* eol                   { k = K_PAGE; goto done; }
		sp* "NNNN" sp* eol                              { k = K_NNNN; goto done; }
		sp* "This record is a partial extract" nl* eol  { k = K_BANNER; goto done; }
		sp* "VZCZC" nl* eol                             { k = K_FL1; goto done; }
		/* A prosign and at least one indicator; garbled words after them are reported by the
		 * field scanner, not allowed to demote the line. */
		sp* prec2 (sp+ ri)+ ([ \t] nl*)? eol            { k = K_FL2; goto done; }
		sp* "DE" sp+ @a ri nl* eol                      { k = K_FL3; goto done; }
		sp* ("ZNY" | "ZNR") sp nl* eol                  { k = K_FL4; goto done; }
		sp* (prec1 sp+ (prec1 sp+)?)? dtg nl* eol       { k = K_DTG; goto done; }
		sp* "FM" sp+ @a nl* eol                         { k = K_FM; goto done; }
		sp* "From:" sp* @a upper plad_ch* eol           { k = K_FM; goto done; }
		/* Office distribution (INFO LOG-00 NP-00) before INFO as an address keyword. */
		sp* ("INFO" | "ACTION" | "ORIGIN") sp+ @a office nl* eol { k = K_OFFICES; goto done; }
		sp* "TO" ":"? (sp+ @a nl*)? eol                 { k = K_TO; goto done; }
		sp* "INFO" ":"? (sp+ @a nl*)? eol               { k = K_INFO; goto done; }
		sp* "XMT" ":"? ([ /]+ @a nl*)? eol              { k = K_XMT; goto done; }
		sp* (office sp*)+ ("/" digit+ sp* upper? sp*)? eol { k = K_OFFICES; goto done; }
		sp* "/" digit+ sp* upper? sp* eol               { k = K_OFFICES; goto done; }
		sp* "-"{4,} nl* eol                             { k = K_RULE; goto done; }
		sp* "BT" sp* eol                                { k = K_BT; goto done; }
		sp* cls_plain sp+ "PTQ" digit+ sp* eol          { k = K_CLASSPTQ; goto done; }
		sp* ("From:" | "Sent:" | "To:" | "Subject:" | "Cc:" | "CC:" | "Date:") nl* eol
		                                                { k = K_EMAIL; goto done; }
		sp* cls_word_strict ("//" [A-Z/ ]*)? sp* eol    { k = K_CLASSWORD; goto done; }
		/* After the class words: UNCLAS alone is a class word, not an indicator. */
		sp* ri (sp+ ri)* sp* eol                        { k = K_RIS; goto done; }
		sp* cls_word_strict ("//" [A-Z/]*)? sp+ [A-Z0-9] nl* eol { k = K_BODY; goto done; }
		sp* ("E.O." | "E.o." | "E.0." | "EO" | "E. O.") sp* digit{5} nl* eol
		                                                { k = K_BODY; goto done; }
		sp* ("TAGS" | "TAGE" | "TAS" | "TAG") ":"? sp nl* eol { k = K_BODY; goto done; }
		sp* ("SUBJECT" | "SUBJ") sp* ":" nl* eol        { k = K_BODY; goto done; }
		sp* ri sp* "/" nl* eol                          { k = K_ADDRLIKE; goto done; }
		sp* addrkw (sp nl*)? eol                        { k = K_ADDRLIKE; goto done; }
		nl* eol                                         { k = K_TEXT; goto done; }
		$                                               { return K_END; }
		*                                               { return K_END; }
	*/
done:
	*arg = a;
	*pc = cur;
	return k;
}

int hdr_lex_line(hdr_lexer *lx, hdr_line *val)
{
	for (;;) {
		const char *start = lx->cur;
		if (lx->body_start || (lx->stop && start >= lx->stop) || start >= lx->lim)
			return HDR_YYEOF;
		uptr next = (uptr)start, arg = NULL;
		enum kind k = classify(&next, (uptr)lx->lim, &arg);
		if (k == K_END) {
			lx->cur = lx->lim;
			return HDR_YYEOF;
		}
		const char *end = (const char *)next - 1; /* the "\n" */
		int bounded = lx->stop != NULL;

		/* Where the form does not mark the end of the header, find it. */
		if (!bounded) {
			int ends = 0;
			if (k == K_BODY)
				ends = 1;
			else if (k == K_CLASSWORD && lx->in_addr)
				ends = 1;
			else if (lx->in_addr && lx->pending_blank && k == K_TEXT)
				/* After a blank line, plain text is the body; header lines (a second
				 * header after a quoted one) and address lines are not. */
				ends = 1;
			if (ends) {
				lx->body_start = start;
				return HDR_YYEOF;
			}
		}

		lx->cur = (const char *)next;
		if (k == K_BLANK) {
			if (lx->in_addr)
				lx->pending_blank = 1;
			continue;
		}
		if (k == K_PAGE) {
			lx->page_lines++;
			continue;
		}
		if (k == K_NNNN)
			continue;
		lx->lines++;
		lx->pending_blank = 0;

		val->start = start;
		val->end = end;
		val->arg = arg ? (const char *)arg : start;

		int was_fl2 = lx->after_fl2;
		lx->after_fl2 = 0;
		int tok;
		switch (k) {
		case K_BANNER: tok = HDR_BANNER; lx->in_addr = 0; break;
		case K_FL1: tok = HDR_FL1; lx->in_addr = 0; break;
		case K_FL2: tok = HDR_FL2; lx->in_addr = 0; lx->after_fl2 = 1; break;
		case K_RIS:
			if (was_fl2) {
				tok = HDR_RIS;
				lx->after_fl2 = 1;
			} else {
				tok = lx->in_addr ? HDR_ADDR : HDR_TEXT;
			}
			break;
		case K_FL3: tok = HDR_FL3; lx->in_addr = 0; break;
		case K_FL4: tok = HDR_FL4; lx->in_addr = 0; break;
		case K_DTG: tok = HDR_DTG; lx->in_addr = 0; break;
		case K_FM: tok = HDR_FM; lx->in_addr = 1; break;
		case K_TO: tok = HDR_TO; lx->in_addr = 1; break;
		case K_INFO: tok = HDR_INFO; lx->in_addr = 1; break;
		case K_XMT: tok = HDR_XMT; lx->in_addr = 1; break;
		case K_OFFICES: tok = HDR_OFFICES; lx->in_addr = 0; break;
		case K_RULE: tok = HDR_RULE; lx->in_addr = 0; break;
		case K_BT:
			tok = HDR_BT;
			lx->in_addr = 0;
			/* BT separates the header from the text. */
			if (!bounded)
				lx->body_start = lx->cur;
			break;
		case K_CLASSPTQ: tok = HDR_CLASSPTQ; lx->in_addr = 0; break;
		case K_EMAIL: tok = HDR_EMAIL; lx->in_addr = 0; break;
		case K_ADDRLIKE:
		case K_TEXT:
		case K_CLASSWORD:
		case K_BODY:
		default:
			tok = lx->in_addr ? HDR_ADDR : HDR_TEXT;
			break;
		}
		if (tok != HDR_TEXT && tok != HDR_EMAIL)
			lx->seen_routing = 1;
		return tok;
	}
}

int hdr_starts(const char *p, const char *lim)
{
	/* Past blank lines, is the first line a format line of a routing header? */
	for (;;) {
		uptr next = (uptr)p, arg = NULL;
		if (p >= lim)
			return 0;
		enum kind k = classify(&next, (uptr)lim, &arg);
		if (k == K_BLANK) {
			p = (const char *)next;
			continue;
		}
		return k == K_FL1 || k == K_FL2 || k == K_FL3 || k == K_FL4 || k == K_DTG || k == K_BANNER;
	}
}
