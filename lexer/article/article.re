/* News article scanners: paragraph kinds, datelines, bylines, photo credits, contributors and
 * attributions (see article_fields.h). Every pattern that looks ahead over words bounds its
 * repetitions, so a scanner called at each word of a paragraph stays linear in its length. A
 * word itself is not bounded: where a rule tried at every capital runs over a word that the
 * scanner's step does not skip whole (A-A-A-..., A&A&...), the rule is tried only where it can
 * match, decided once per word (scan_photo_credit, scan_attribution). */
#include "lexer/article/article_fields.h"

#include <string.h>

#include "lexer/core/runs.h"
#include "lexer/core/words.h"

typedef const unsigned char *uptr;

/*!include:re2c "lexer/core/common.re" */
/* Blocks that test classes of bytes are written as nested ifs (README, "Generated C"). */
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

	ws       = [ \t]+;
	rsq      = "\xe2\x80\x99";
	/* A word with a capital: Berlin, BUENOS, McAllen, D'Alene, Al-Nono, ST., Gaza's. */
	capw     = [A-Z] ([A-Za-z'.&-] | rsq | u8mb)*;
	capsw    = [A-Z] ([A-Z'.&-] | rsq | u8mb)*;
	titlew   = [A-Z] ([a-z'.-] | rsq | u8mb)* ([A-Z] [a-z]+ "."?)?;
	loww     = [a-z] [a-z'-]*;
	anyw     = [^ \t\n]+;
	chrome_cap = [A-Z] [A-Za-z0-9.&'-]{0,20};
	initial  = [A-Z] ".";
	nmw      = [A-Z] [A-Za-z'.-]*;
	particle = 'de' | 'del' | 'della' | 'der' | 'den' | 'van' | 'von' | 'da' | 'dos' | 'du' | 'di'
	         | 'la' | 'le' | 'al' | 'el' | 'bin' | 'ibn' | 'ben' | 'abu' | 'y' | 'e' | 'zu' | 'ter';

	agency   = "AP" | "The Associated Press" | "Associated Press" | "THE ASSOCIATED PRESS"
	         | "ASSOCIATED PRESS" | "the Associated Press" | "Reuters" | "REUTERS" | "Reuter" | "REUTER"
	         | "AFP" | "Agence France-Presse" | "Agence France Presse" | "dpa" | "DPA"
	         | "Deutsche Presse-Agentur" | "UPI" | "United Press International"
	         | "The Canadian Press" | "THE CANADIAN PRESS" | "Canadian Press" | "CP" | "Xinhua"
	         | "Kyodo" | "Kyodo News" | "ANSA" | "EFE" | "KNA" | "APTN" | "Bay City News"
	         | "CNN" | "CBS News" | "BBC" | "Bloomberg" | "tca" | "Tribune Content Agency"
	         | "Interfax" | "TASS" | "Itar-Tass" | "AAP" | "NTB" | "ANP" | "Yonhap" | "PTI";

	role     = 'writer' 's'? | 'correspondent' 's'? | 'reporter' 's'? | 'editor' 's'? | 'columnist'
	         | 'producer' | 'contributor' | 'journalist' | 'analyst' | 'staff' | 'bureau chief'
	         | 'photographer' | 'critic' | 'anchor' | 'host' | 'officer' 's'? | 'director' 's'?
	         | 'head of';

	/* An organisation's word in a byline's part (part_word's rule 2). */
	org_word = 'press' | 'news' | 'times' | 'post' | 'journal' | 'tribune' | 'herald' | 'globe'
	         | 'magazine' | 'agency' | 'radio' | 'television' | 'tv' | 'network' | 'monitor'
	         | 'chronicle' | 'gazette' | 'daily' | 'weekly' | 'review' | 'union-tribune' | 'wire'
	         | 'service' | 'services' | 'media' | 'group' | 'institute' | 'university'
	         | 'foundation' | 'newspaper' | 'reuters' | 'reuter' | 'reutersd' | 'bloomberg'
	         | 'presse-agentur' | 'france-presse' | 'international' | 'associated' | 'dpa' | 'afp'
	         | 'ap' | 'upi' | 'cnn' | 'bbc' | 'cbs' | 'nbc' | 'abc' | 'npr';

	mon_word = 'jan' 'uary'? | 'feb' 'ruary'? | 'mar' 'ch'? | 'apr' 'il'? | 'may' | 'jun' 'e'?
	         | 'jul' 'y'? | 'aug' 'ust'? | 'sep' ('t' 'ember'? | 'ember')? | 'oct' 'ober'?
	         | 'nov' 'ember'? | 'dec' 'ember'?
	         /* misspelt in the wire copy, and the Spanish and Italian abbreviations */
	         | 'mrach' | 'febuary' | 'feburary' | 'janaury' | 'agust' | 'ene' | 'abr' | 'ago'
	         | 'dic' | 'set' | 'gen' | 'giu' | 'lug';
*/

static slice mk(uptr s, uptr e)
{
	slice r = { NULL, 0 };
	if (s && e && e > s) {
		r.s = (const char *)s;
		r.n = (size_t)(e - s);
	}
	return r;
}

static slice trim(slice s)
{
	while (s.n && (s.s[0] == ' ' || s.s[0] == '\t')) {
		s.s++;
		s.n--;
	}
	while (s.n && (s.s[s.n - 1] == ' ' || s.s[s.n - 1] == '\t'))
		s.n--;
	if (!s.n)
		s.s = NULL;
	return s;
}

/* Whether the text at p starts with the bytes of w, and where it ends. */
static uptr lit_end(uptr p, const char *w)
{
	for (; *w; w++, p++)
		if (*p != (unsigned char)*w)
			return NULL;
	return p;
}

/* The words of [p, end), counted up to max + 1: every caller compares the count with a number
 * no greater than max, so a paragraph is read only as far as its words matter. */
static size_t count_words(uptr p, uptr end, size_t max)
{
	return runs_words(p, (size_t)(end - p), max);
}

/* ---- paragraph kinds ----------------------------------------------------------------------- */

/* Words that only boilerplate uses, looked for in short lines. Called at every word of them, so
 * a re2c block (a table, words.h, was slower here). */
static int chrome_words(uptr cur, uptr lim, uptr end)
{
	uptr mar = NULL;
	while (cur < end) {
		/*!re2c:chromew
			'click here' | 'browser notifications' | 'to your inbox' | 'our newsletter'
			| 'newsletter sign' | 'sign up for' | 'subscribe to' | 'download the app'
			| 'download our app' | 'follow us on' | 'all rights reserved' | 'privacy policy'
			| 'terms of use' | 'terms of service' | 'use cookies' | 'cookie policy'
			| 'enable javascript' | 'your browser' | 'for the latest on' | "\xc2\xa9"
			| 'story continues below' | 'continue reading' | 'read more:' | 'related:'
			{ return 1; }
			[a-zA-Z0-9]+ | [^a-zA-Z0-9\n] { continue; }
			"\n" { return 0; }
			$ { return 0; }
		*/
	}
	(void)mar;
	return 0;
}

/* A word of a site's name in its prompts: a capital and up to 20 of [A-Za-z0-9.&'-]. */
static int chrome_cap(uptr w, uptr e)
{
	if (e - w > 21 || *w < 'A' || *w > 'Z')
		return 0;
	for (w++; w < e; w++)
		if (!((*w >= 'A' && *w <= 'Z') || (*w >= 'a' && *w <= 'z') || (*w >= '0' && *w <= '9') ||
		      *w == '.' || *w == '&' || *w == '\'' || *w == '-'))
			return 0;
	return 1;
}

/* Whether the word [w, e) is the lower-case word kw in any case. */
static int word_is(uptr w, uptr e, const char *kw)
{
	size_t n = strlen(kw);
	if ((size_t)(e - w) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((w[i] | 0x20) != (unsigned char)kw[i])
			return 0;
	return 1;
}

/* A site's own prompts, whatever the site: Watch CBS News, View CBS News In, CBS News App Open.
 * The line at p (its blanks before the "\n" included) is cut into words at blanks and the
 * words are counted here; as three rules of chrome_line's block their bounded repeats
 * ((sp+ chrome_cap){1,3}, chrome_cap of {0,20}) multiplied its every state:
 *   sp* 'watch' (sp+ chrome_cap){1,3} sp* eol
 *   sp* 'view' (sp+ chrome_cap){1,3} sp+ 'in' sp* eol
 *   sp* (chrome_cap sp+){0,3} 'app' sp+ 'open' sp* eol
 * Each needs two to five words, so a line is cut at most six words deep. */
static int site_prompt(uptr p)
{
	uptr w[6], we[6];
	int n = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\n')
			break;
		if (n == 6)
			return 0;
		w[n] = p;
		while (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\0')
			p++;
		if (*p == '\0')
			return 0;
		we[n++] = p;
	}
	if (n < 2)
		return 0;
	int caps = 0; /* the words from the second on that are chrome_cap, without a gap */
	for (int i = 1; i < n && chrome_cap(w[i], we[i]); i++)
		caps++;
	if (word_is(w[0], we[0], "watch") && n <= 4 && caps == n - 1)
		return 1;
	if (word_is(w[0], we[0], "view") && n >= 3 && n <= 5 && caps >= n - 2 &&
	    word_is(w[n - 1], we[n - 1], "in"))
		return 1;
	if (n <= 5 && word_is(w[n - 2], we[n - 2], "app") && word_is(w[n - 1], we[n - 1], "open")) {
		for (int i = 0; i < n - 2; i++)
			if (!chrome_cap(w[i], we[i]))
				return 0;
		return 1;
	}
	return 0;
}

/* Boilerplate lines, whole: a phrase alone on its line (sp* phrase sp* [.:]? sp* eol), a phrase
 * the line starts with, an app prompt alone, or a site's prompt. Every one is looked for on its
 * own (words.h): as one re2c block of keyword rules the phrases made 50 KB of C. */
static int chrome_line(uptr cur, uptr lim)
{
	/* sorted by first letter: only the phrases with the line's first letter are compared
	 * (words.h, words_from); whether any fills the line does not depend on their order */
	static const char *const alone[] = {
		"about these ads", "ad feedback", "advertisement", "back to top",
		"be the first to know", "chrome safari continue", "close", "close x",
		"comments", "continue reading", "e-mail", "email", "enlarge this image",
		"facebook", "follow stories like this", "hide caption", "home", "image",
		"linkedin", "listen", "loading", "loading...", "log in", "menu",
		"most popular", "most read", "next", "next story", "photo", "photos",
		"play video", "previous", "previous story", "print", "read more",
		"recommended", "reddit", "related", "related articles", "related coverage",
		"related stories", "scroll to top", "search", "share", "share this",
		"share this article", "share this story", "show comments", "sign in",
		"sign up", "skip to content", "skip to main content", "sponsored",
		"sponsored content", "subscribe", "switch to desktop site", "toggle caption",
		"top stories", "trending", "tweet", "twitter", "video", "whatsapp"
	};
	static const char *const app[] = { "open in app", "open in the app", "open app", "get the app",
					   "continue in app", "continue in browser" };
	uptr p = cur;
	while (*p == ' ' || *p == '\t')
		p++;
	if (word_ci(p, "your connection to "))
		return 1;
	/* A phrase alone fills its line but for blanks and a "." or ":": no phrase is longer than
	 * 24 bytes, so a longer line (most are) needs no look at the lists. The line's end, or
	 * the 65th byte: a byte at a time this was a tenth of the classifier's own cost. */
	size_t room = (size_t)(lim - p) < 65 ? (size_t)(lim - p) : 65;
	uptr nl = memchr(p, '\n', room);
	uptr e = nl ? nl : p + room;
	uptr nul = memchr(p, '\0', (size_t)(e - p)); /* the text's end */
	if (nul)
		e = nul;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e > p && (e[-1] == '.' || e[-1] == ':'))
		e--;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	/* site_prompt reads at most five words: six on the line's first 65 bytes say no at once
	 * (most lines of prose). */
	if (e - p > 24)
		return count_words(p, e, 5) > 5 ? 0 : site_prompt(cur);
	unsigned char first = *p | 0x20;
	for (size_t i = words_from(alone, WORDS_N(alone), first);
	     i < WORDS_N(alone) && (unsigned char)alone[i][0] == first; i++) {
		uptr q = word_ci(p, alone[i]);
		if (!q)
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == '.' || *q == ':')
			q++;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == '\n')
			return 1;
	}
	for (size_t i = 0; i < WORDS_N(app); i++) {
		uptr q = word_ci(p, app[i]);
		if (!q)
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == '\n')
			return 1;
	}
	return site_prompt(cur);
}

/* Kinds told by how the first line starts. */
/* dpa's desk initials at the story's end, sp* "dpa" (sp+ [a-z]{2,4}){1,6} sp* eol: dpa wsz jln npr.
 * Counted here; in line_start_kind's block (no other of its rules starts with "dpa") the
 * repeat made most of its states. */
static int dpa_signoff(uptr p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	if (!(p = word_cs(p, "dpa")))
		return 0;
	for (int words = 0;; words++) {
		uptr r = p;
		while (*r == ' ' || *r == '\t')
			r++;
		if (*r == '\n')
			return words >= 1;
		if (r == p || words == 6)
			return 0;
		for (p = r; *p >= 'a' && *p <= 'z'; p++)
			;
		if (p - r < 2 || p - r > 4)
			return 0;
	}
}

static int line_start_kind(uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL, start = cur;
	(void)ctx;
	/*!re2c:akind
		sp* ('page' sp* ':'? sp*)? digit+ (sp* "|" sp* digit+)+ sp* eol { return AK_NAV; }
		sp* ("\xe2\x80\xa2" | "\xc2\xb7" | "\xe2\x96\xaa" | "\xe2\x97\x8f" | "* ") { return AK_BULLET; }
		sp* ("_"{3,} | "-"{3,}) sp* eol { return AK_ENDSEP; }
		sp* ('eds:' | 'eds note' | "editor's note" | 'editors note' | "editor" rsq "s note"
		     | "EDITOR'S NOTE") { return AK_EDNOTE; }
		sp* ('reuter' | 'reuters') sp* eol { return AK_SIGNOFF; }
		sp* ('photo' 's'? sp* ':' | 'photograph:' | 'image:') { return AK_PHOTO; }
		sp* ('reporting by' | 'additional reporting' | 'writing by' | 'editing by' | 'compiled by')
			{ return AK_CONTRIB; }
		* { return dpa_signoff(start) ? AK_SIGNOFF : AK_TEXT; }
		$ { return AK_TEXT; }
	*/
	(void)mar;
}

/* Whether the line at p (to its "\n", or lim) has "contributed" or "helped" in it, in any case,
 * which every phrase of contrib_phrase holds: looked for at their 'b' and 'p', eight bytes a
 * turn where neither is (the phrase scanner read every word of every paragraph's first line). */
static int has_contrib_word(uptr p, uptr lim)
{
	uptr start = p;
	/* One candidate byte: the line's end, or a b or p where one of the words has it. */
#define CONTRIB_AT(q)                                                                          \
	do {                                                                                   \
		unsigned c_ = *(q) | 0x20u;                                                    \
		if (*(q) == '\n')                                                              \
			return 0;                                                              \
		if ((c_ == 'b' && (q) - start >= 6 && word_ci((q) - 6, "contributed")) ||       \
		    (c_ == 'p' && (q) - start >= 3 && word_ci((q) - 3, "helped")))             \
			return 1;                                                              \
	} while (0)
#ifdef RUNS_SSE2
	/* Sixteen bytes a turn: the line end, a b after an i, a p after an l (either case), in
	 * the order they come; contributed's b has an i before it, helped's p an l. (A turn that
	 * found one went on a byte at a time, a b or a p alone in two blocks of eight of English
	 * in five: a third of the classifier's own cost.) */
	const __m128i bit = _mm_set1_epi8(0x20);
	while (lim - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		/* the bytes before: the block's own moved by one at the line's start (none before
		 * it: the lane stays zero) */
		__m128i b = p > start ? _mm_loadu_si128((const __m128i *)(const void *)(p - 1))
				      : _mm_slli_si128(v, 1);
		__m128i f = _mm_or_si128(v, bit), fb = _mm_or_si128(b, bit);
		__m128i hit = _mm_or_si128(
			_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
			_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(f, _mm_set1_epi8('b')),
						   _mm_cmpeq_epi8(fb, _mm_set1_epi8('i'))),
				     _mm_and_si128(_mm_cmpeq_epi8(f, _mm_set1_epi8('p')),
						   _mm_cmpeq_epi8(fb, _mm_set1_epi8('l')))));
		for (unsigned m = (unsigned)_mm_movemask_epi8(hit); m; m &= m - 1)
			CONTRIB_AT(p + __builtin_ctz(m));
		p += 16;
	}
#endif
	for (;;) {
		if (lim - p >= 8) {
			uint64_t w = runs_load(p), folded = w | (RUNS_ONES * 0x20);
			if (!(runs_has(w, '\n') | runs_has(folded, 'b') | runs_has(folded, 'p'))) {
				p += 8;
				continue;
			}
		}
		/* a byte at a time in this block; word_ci stops at the NUL at lim */
		uptr end = lim - p >= 8 ? p + 8 : lim;
		for (; p < end; p++)
			CONTRIB_AT(p);
		if (p >= lim)
			return 0;
	}
#undef CONTRIB_AT
}

/* Phrases anywhere in a line: contributor lines. */
static int contrib_phrase(uptr cur, uptr lim)
{
	uptr mar = NULL;
	if (!has_contrib_word(cur, lim))
		return 0;
	for (;;) {
		/*!re2c:contribp
			'contributed' ws ('to' ws)? ('this' | 'the') ws ('report' | 'story' | 'article')
			| 'contributed reporting' | 'helped with this story' { return 1; }
			[a-zA-Z]+ | [^a-zA-Z\n] { continue; }
			"\n" { return 0; }
			$ { return 0; }
		*/
	}
	(void)mar;
}

/* Where the word with a capital (capw) that starts at cur ends, or NULL when none starts there. */
static uptr capw_end(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!local:re2c:capw
		re2c:flags:nested-ifs = 1;
		capw { return cur; }
		*    { return NULL; }
		$    { return NULL; }
	*/
	(void)mar;
}

/* A short line "Name Name is ... reporter ...": a writer's bio. Its start,
 * sp* capw (ws (capw | initial)){1,3} ws "is" ws, is read a word at a time (the counted repeat
 * made 46 KB of C): an initial ([A-Z] ".") is a capw too, and every word must be followed by
 * blanks, so the words are whole capw words, two to four of them, then "is". */
static int bio_line(uptr cur, uptr lim)
{
	uptr mar = NULL;
	while (*cur == ' ' || *cur == '\t')
		cur++;
	for (int words = 0;; words++) {
		uptr w = capw_end(cur, lim);
		if (!w) {
			/* not a capw: "is" ends the name when two to four words came before it */
			if (words < 2 || cur[0] != 'i' || cur[1] != 's' || (cur[2] != ' ' && cur[2] != '\t'))
				return 0;
			cur += 2;
			while (*cur == ' ' || *cur == '\t')
				cur++;
			break;
		}
		if (words == 4 || (*w != ' ' && *w != '\t'))
			return 0;
		for (cur = w; *cur == ' ' || *cur == '\t'; cur++)
			;
	}
	for (;;) {
		/*!re2c:biorole
			role / [^a-zA-Z] { return 1; }
			[a-zA-Z]+ | [^a-zA-Z\n] { continue; }
			"\n" { return 0; }
			$ { return 0; }
		*/
	}
	(void)mar;
}

/* A credit alone on its line: (AP Photo/Bassem Tellawi). */
static int photo_line(uptr s, uptr e, uptr lim)
{
	return photo_credit_line((const char *)s, (const char *)e, (const char *)lim);
}

static int classify_line(uptr s, uptr e, uptr lim)
{
	if (chrome_line(s, lim))
		return AK_CHROME;
	int k = line_start_kind(s, lim);
	if (k != AK_TEXT)
		return k;
	if (photo_line(s, e, lim))
		return AK_PHOTO;
	if (contrib_phrase(s, lim))
		return AK_CONTRIB;
	if (bio_line(s, lim))
		return AK_BIO;
	return AK_TEXT;
}

int art_classify(const char *p, const char *end, const char *lim)
{
	/* compared below with 25, 30, 40 and 60 at most */
	return art_classify_counted(p, end, lim, count_words((uptr)p, (uptr)end, 60));
}

static int classify_part_affil(slice part, const char *limit);

int art_classify_counted(const char *p, const char *end, const char *lim, size_t words)
{
	uptr s = (uptr)p, e = (uptr)end;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= e)
		return AK_TEXT;
	int k = classify_line(s, e, (uptr)lim);
	/* Whole-line kinds judged on the first line must be the whole paragraph. */
	const unsigned char *nl = memchr(s, '\n', (size_t)(e - s));
	int one_line = !nl || nl + 1 >= e;
	switch (k) {
	case AK_CHROME:
	case AK_NAV:
	case AK_ENDSEP:
	case AK_SIGNOFF:
	case AK_AFFIL:
		if (!one_line || words > 25)
			k = AK_TEXT;
		break;
	case AK_PHOTO:
		if (words > 40)
			k = AK_TEXT;
		break;
	case AK_BIO:
		if (words > 30)
			k = AK_TEXT;
		break;
	case AK_CONTRIB:
		if (words > 60)
			k = AK_TEXT;
		break;
	default:
		break;
	}
	if (k == AK_TEXT) {
		const char *rest;
		if (words <= 25 && scan_by_word(p, end, lim, &rest)) {
			/* Every part of the list must be a name, a title or an agency. */
			const char *q = rest;
			slice part;
			int parts = 0, ok = 1;
			while (ok && scan_name_part(&q, end, lim, &part)) {
				ok = classify_part(part, lim) != 0;
				parts++;
			}
			if (ok && parts)
				return AK_BYLINE;
		}
		if (words <= 25 && chrome_words(s, (uptr)lim, e))
			return AK_CHROME;
		/* Under a byline: the writer's title or agency, alone on a short line. */
		uptr le = nl ? nl : e;
		while (le > s && (le[-1] == ' ' || le[-1] == '=' || le[-1] == '<' || le[-1] == '@'))
			le--;
		/* [s, le) is a part of [p, end) without its first blanks, so it has no more words
		 * than the paragraph: six or fewer there need no count here */
		if (one_line && (words <= 6 || count_words(s, le, 6) <= 6)) {
			int part = classify_part_affil(mk(s, le), lim);
			if (part == PART_TITLE || part == PART_AGENCY)
				return AK_AFFIL;
		}
	}
	return k;
}

const char *art_kind_name(int kind)
{
	static const char *names[AK_KINDS] = { "text",    "chrome",  "nav",    "byline",
					       "affil",   "bio",     "photo",  "contrib",
					       "bullet",  "endsep",  "ednote", "signoff" };
	return kind >= 0 && kind < AK_KINDS ? names[kind] : "?";
}

/* ---- bylines ------------------------------------------------------------------------------ */

int scan_by_word(const char *p, const char *end, const char *limit, const char **rest)
{
	uptr cur = (uptr)p, lim = (uptr)limit, mar = NULL;
	/*!re2c:byword
		sp* ("By" | "BY" | "by" | ('written' | 'story' | 'words' | 'text' | 'reported' | 'analysis' | 'interview') ws 'by' | "From" | "FROM" | "Par" | "Von") ":"? ws {
			if ((const char *)cur >= end)
				return 0;
			*rest = (const char *)cur;
			return 1;
		}
		* { return 0; }
		$ { return 0; }
	*/
	(void)mar;
}

int scan_name_part(const char **p, const char *end, const char *limit, slice *part)
{
	uptr cur = (uptr)*p, lim = (uptr)limit, mar = NULL, start;
	uptr e = (uptr)end;
	while (cur < e && (*cur == ' ' || *cur == '\t'))
		cur++;
	start = cur;
	for (;;) {
		uptr tok = cur;
		if (cur >= e) {
			*part = trim(mk(start, e));
			*p = (const char *)e;
			return part->s != NULL;
		}
		/*!re2c:namepart
			"," ws 'and' ws | ws ('and' | "&") ws | "," ws? | ";" ws? | ws 'with' ws {
				if (cur > e)
					cur = e;
				*part = trim(mk(start, tok));
				*p = (const char *)cur;
				if (!part->s) {
					start = cur;
					continue;
				}
				return 1;
			}
			/* The AP's byline lines end in "=", the CP's in "@<". */
			sp* ("=" | "@<" | "<") sp* eol {
				*part = trim(mk(start, tok));
				*p = end;
				return part->s != NULL;
			}
			"\n" {
				*part = trim(mk(start, tok));
				*p = end;
				return part->s != NULL;
			}
			/* A run of blanks is one step: every rule above that starts with a blank (ws, sp*)
			 * must take the run to its end (what follows, and|&|with|=|@<|<, is no blank), so
			 * it matches from any blank of the run if and only if from its first. Stepping one
			 * blank at a time tried them again from each, a quadratic in the run's length. */
			[^,;&\n \t=@<]+ | [ \t]+ | [=@<&] { continue; }
			* { continue; }
			$ {
				*part = trim(mk(start, tok));
				*p = end;
				return part->s != NULL;
			}
		*/
	}
	(void)mar;
}

/* A block cut into anchored scanners: each reports its longest match, how far it read for it (a
 * trailing context r / s is written r @t s, for re2c counts s in the match's length) and its
 * rule's place in the block; the caller keeps re2c's choice, the longest match and on a tie the
 * rule written first. */
typedef struct longest {
	uptr full, end; /* how far the match reads, trailing context included; where it ends */
	int rule;       /* its place in the block; 0: none */
} longest;

static void longest_take(longest *best, uptr full, uptr end, int rule)
{
	if (!best->rule || full > best->full || (full == best->full && rule < best->rule)) {
		best->full = full;
		best->end = end;
		best->rule = rule;
	}
}

/* Each word of a part: a name word, a title word, an agency or organisation word. */
enum { W_NAME = 1, W_PARTICLE = 2, W_ROLE = 4, W_ORG = 8, W_OTHER = 16, W_THE = 32 };

/* The word's kind, as one re2c block of eight rules (role, organisation, the, particle, name,
 * initials, suffix, any other word), made 100 KB of C: the case-insensitive word lists and the
 * name letters multiplied each other's states. The block is cut into anchored scanners whose
 * matches are compared as re2c compared them (longest_take). */
/* Rules 1 and 2, each on its own: as tables (words.h) they were slower, called at every word. */
static void pw_role(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL, t = NULL;
	/*!stags:re2c:pwrole format = 'uptr @@ = NULL;'; */
	/*!re2c:pwrole
		role @t [ \t\n,=.] { longest_take(m, cur, t, 1); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

static void pw_org(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL, t = NULL;
	/*!stags:re2c:pworg format = 'uptr @@ = NULL;'; */
	/*!re2c:pworg
		org_word @t [ \t\n,=.] { longest_take(m, cur, t, 2); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

/* Rules 3, 4, 6 and 7. */
static void pw_small(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL, t = NULL;
	int rule;
	/*!stags:re2c:pwsmall format = 'uptr @@ = NULL;'; */
	/*!re2c:pwsmall
		'the' @t [ \t]                          { rule = 3; goto out; }
		particle @t [ \t]                       { rule = 4; goto out; }
		initial+                                { t = cur; rule = 6; goto out; }
		'jr.' | 'sr.' | 'iii' | 'ii' | 'iv'     { t = cur; rule = 7; goto out; }
		* { return; }
		$ { return; }
	*/
out:
	(void)mar;
	longest_take(m, cur, t, rule);
}

static void pw_name(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL;
	/*!local:re2c:pwname
		re2c:flags:nested-ifs = 1;
		("Mc" | "Mac" | "O'" | "D'")? capw { longest_take(m, cur, cur, 5); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

static int part_word(uptr *pc, uptr lim, uptr end)
{
	static const int kinds[] = { W_OTHER, W_ROLE, W_ORG, W_THE, W_PARTICLE, W_NAME, W_NAME, W_NAME,
				     W_OTHER };
	uptr cur = *pc;
	longest m = { NULL, NULL, 0 };
	pw_role(cur, lim, &m);
	pw_org(cur, lim, &m);
	pw_small(cur, lim, &m);
	pw_name(cur, lim, &m);
	/* Rule 8: [^ \t\n,;=<]+ (a NUL before lim is one of its bytes) */
	uptr q = cur;
	while (q < lim && *q != ' ' && *q != '\t' && *q != '\n' && *q != ',' && *q != ';' && *q != '=' &&
	       *q != '<')
		q++;
	if (q > cur)
		longest_take(&m, q, q, 8);
	int k = W_OTHER;
	if (m.rule) {
		k = kinds[m.rule];
		cur = m.end;
	} else if (cur < lim) {
		cur++; /* * takes one byte; $ none */
	}
	if (cur > end)
		cur = end;
	*pc = cur;
	return k;
}

int classify_part(slice part, const char *limit)
{
	if (!part.s)
		return 0;
	if (agency_canonical(part))
		return PART_AGENCY;
	uptr cur = (uptr)part.s, end = cur + part.n, lim = (uptr)limit;
	int seen = 0, words = 0, names = 0;
	while (cur < end) {
		while (cur < end && (*cur == ' ' || *cur == '\t'))
			cur++;
		if (cur >= end)
			break;
		int k = part_word(&cur, lim, end);
		seen |= k;
		words++;
		names += k == W_NAME;
	}
	if (seen & W_ROLE)
		return PART_TITLE;
	if (seen & (W_ORG | W_THE))
		return (seen & W_OTHER) && !(seen & W_ORG) ? 0 : PART_AGENCY;
	if (!(seen & W_OTHER) && names >= 1 && words <= 6)
		return PART_NAME;
	return 0;
}

/* Whether part_word's rule 1 (a title's word), 2 (an organisation's) or 3 ("the") matches at
 * a place of [s, e) where one of its words may start, reading up to lim as part_word does. A
 * part in which none matches is no title and no agency for classify_part but through
 * agency_canonical: its seen has no W_ROLE, W_ORG or W_THE.
 *
 * Where part_word's words start: at s, after blanks, and where the match before ended, which
 * is never between two letters (a match of rule 8, [^ \t\n,;=<]+, takes every letter after
 * it, and the other rules end where rule 8 would or before the byte of their trailing
 * context, none a letter). Every word of the three rules starts with a letter. So each place
 * that holds a letter after no letter is tried, with the rules' own scanners: the lists are
 * read from one place and cannot be out of step with a copy (a block of their first four
 * letters, tried at every byte, made 11 KB of C and had to be kept in step by a test). */
static int title_or_org_word_in(uptr s, uptr e, uptr lim)
{
#define TORG_LETTER(c) ((unsigned char)(((c) | 0x20) - 'a') < 26)
	for (uptr p = s; p < e; p++) {
		if (!TORG_LETTER(*p) || (p > s && TORG_LETTER(p[-1])))
			continue;
		/* rule 3, 'the' @t [ \t]: each byte read only while the ones before matched, so
		 * none past the sentinel at lim */
		if ((p[0] | 0x20) == 't' && (p[1] | 0x20) == 'h' && (p[2] | 0x20) == 'e' &&
		    (p[3] == ' ' || p[3] == '\t'))
			return 1;
		longest m = { NULL, NULL, 0 };
		pw_role(p, lim, &m);
		pw_org(p, lim, &m);
		if (m.rule)
			return 1;
	}
#undef TORG_LETTER
	return 0;
}

/* classify_part's answer where it is PART_TITLE or PART_AGENCY, and 0 or classify_part's
 * answer otherwise: a part that holds no title's or organisation's word and no "the" is not
 * read word by word (the short lines of a story asked whether they are a writer's title). */
static int classify_part_affil(slice part, const char *limit)
{
	if (!part.s)
		return 0;
	if (agency_canonical(part))
		return PART_AGENCY;
	if (!title_or_org_word_in((uptr)part.s, (uptr)part.s + part.n, (uptr)limit))
		return 0;
	return classify_part(part, limit);
}

/* agency_canonical: lexer/article/agency_names.c (a table, no scanner). */

/* ---- datelines ----------------------------------------------------------------------------- */

enum { DL_CAPS = 1, DL_COLON, DL_TITLE, DL_BAYCITY };

/* Tokens of a dateline's head. */
enum { T_END = 0, T_CAPS, T_TITLE, T_PARTICLE, T_MONTH, T_DAY, T_COMMA, T_PAREN, T_AGENCY,
       T_SEP, T_COLON, T_BAYCITY, T_DATE, T_OTHER, T_LOWER };

/* The tokens, as one re2c block, made 150 KB of C: the letters of capital, title-case and month
 * words and their UTF-8 letters multiplied each other's states. The block is cut in four (the
 * rest, months, capitals, title-case words) whose matches dl_token compares (longest_take). */
/* Rules 1-7, 9, 10, 13 and 14 of the block. */
static void dl_rest(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL, t = NULL;
	int rule;
	/*!stags:re2c:dlrest format = 'uptr @@ = NULL;'; */
	/*!re2c:dlrest
		dl_dash = "--" | "-" | "\xe2\x80\x94" | "\xe2\x80\x93" | "\xe2\x80\x95" | "_";
		dl_long = "--" | "\xe2\x80\x94" | "\xe2\x80\x93" | "\xe2\x80\x95";

		ws dl_dash ws | ws dl_long | dl_long ws?               { t = cur; rule = 1; goto out; }
		/* the dash ends the line and the story starts under it */
		ws? dl_dash @t [\r\n\x00]                             { rule = 2; goto out; }
		/* glued to the date: "Feb 26- Shr" */
		dl_dash ws                                             { t = cur; rule = 3; goto out; }
		":" ws                                                 { t = cur; rule = 4; goto out; }
		ws? "," ws?                                            { t = cur; rule = 5; goto out; }
		ws? "(" [A-Za-z] [A-Za-z/ .&-]* ")"                    { t = cur; rule = 6; goto out; }
		ws ("AP" | "Reuters" | "Reuter" | "AFP" | "UPI" | "dpa" | "CNN") @t (ws | dl_long) { rule = 7; goto out; }
		/* after a comma: "LONDON, June 1, Reuter -" */
		ws? "," ws? ("AP" | "Reuters" | "Reuter" | "AFP" | "UPI") @t (ws | dl_long) { rule = 7; goto out; }
		ws digit{1,2} @t [^0-9]                                { rule = 9; goto out; }
		/* a day typed with the letter l for a one: "June l -" */
		ws "l" @t [^A-Za-z0-9]                                 { rule = 9; goto out; }
		/* day before month: "AMSTERDAM, 2 March -" */
		ws? digit{1,2} ws mon_word "."? @t [^A-Za-z]           { rule = 10; goto out; }
		ws particle @t ws [A-Z]                                { rule = 13; goto out; }
		"(" digit{1,2} "-" digit{1,2} ")" ws digit{1,2} ":" digit{2} ws [A-Z]{3} @t ws
			{ rule = 14; goto out; }
		* { return; }
		$ { return; }
	*/
out:
	(void)mar;
	longest_take(m, cur, t, rule);
}

/* Rule 8: ws? mon_word "."? / ws digit */
static void dl_month(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL, t = NULL;
	/*!stags:re2c:dlmonth format = 'uptr @@ = NULL;'; */
	/*!re2c:dlmonth
		ws? mon_word "."? @t ws (digit | "l" [^A-Za-z0-9]) { longest_take(m, cur, t, 8); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

/* Rule 11: ws? capsw / [^a-z] */
static void dl_caps(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL, t = NULL;
	/*!stags:re2c:dlcaps format = 'uptr @@ = NULL;'; */
	/*!local:re2c:dlcaps
		re2c:flags:nested-ifs = 1;
		ws? capsw @t [^a-z] { longest_take(m, cur, t, 11); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

/* Rule 12: ws? titlew */
static void dl_title(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL;
	/*!local:re2c:dltitle
		re2c:flags:nested-ifs = 1;
		ws? titlew { longest_take(m, cur, cur, 12); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

/* Rule 15: ws? loww, a place in lower case ("toledo, june 2 -"); the last in ties. */
static void dl_lower(uptr cur, uptr lim, longest *m)
{
	uptr mar = NULL;
	/*!local:re2c:dllower
		re2c:flags:nested-ifs = 1;
		ws? loww { longest_take(m, cur, cur, 15); return; }
		* { return; }
		$ { return; }
	*/
	(void)mar;
}

static int dl_token(uptr *pc, uptr lim)
{
	static const int kinds[] = { T_OTHER, T_SEP, T_SEP, T_SEP, T_COLON, T_COMMA, T_PAREN, T_AGENCY,
				     T_MONTH, T_DAY, T_DATE, T_CAPS, T_TITLE, T_PARTICLE, T_BAYCITY,
				     T_LOWER };
	uptr cur = *pc;
	longest m = { NULL, NULL, 0 };
	dl_rest(cur, lim, &m);
	dl_month(cur, lim, &m);
	dl_caps(cur, lim, &m);
	dl_title(cur, lim, &m);
	dl_lower(cur, lim, &m);
	if (m.rule) {
		*pc = m.end;
		return kinds[m.rule];
	}
	/* $ at the end, else * takes one byte */
	if (cur >= lim)
		return T_END;
	*pc = cur + 1;
	return T_OTHER;
}

/* The shape: [bay city time] place-words [, region-words] [[,] Month Day] [(agency) | agency]
 * separator. Title-case places need a date or an agency; a colon only follows capitals. */
static int dateline_shape(uptr *pc, uptr lim, uptr end)
{
	uptr cur = *pc;
	int caps = 0, title = 0, region = 0, date = 0, agency = 0, bay = 0, lower = 0;
	int state = 0; /* 0 place, 1 region, 2 date seen, 3 agency seen */
	for (int n = 0; n < 16 && cur < end; n++) {
		uptr tok = cur;
		int t = dl_token(&cur, lim);
		if (cur > end) {
			/* A separator may take the blanks after the paragraph's end. */
			if (t != T_SEP)
				return 0;
			cur = end;
		}
		switch (t) {
		case T_BAYCITY:
			if (n)
				return 0;
			bay = 1;
			continue;
		case T_LOWER:
			/* A place in lower case, before anything else, counts as title case (it then
			 * needs a date or an agency); lower-case regions do not occur. */
			if (state != 0 || caps || (title && !lower) || ++lower > 3)
				return 0;
			title++;
			continue;
		case T_CAPS:
		case T_TITLE:
		case T_PARTICLE:
			if (lower)
				return 0;
			if (state == 0) {
				if (caps + title >= 5)
					return 0;
				if (t == T_CAPS)
					caps++;
				else
					title++;
				if (t == T_PARTICLE && !title)
					return 0;
				/* Title Case words mix with capitals only as a region. */
				continue;
			}
			if (state == 1 && region < 3 && t != T_PARTICLE) {
				region++;
				continue;
			}
			return 0;
		case T_COMMA:
			if (state == 0 && caps + title)
				state = 1;
			else if (state == 1 && region)
				state = 1; /* PORTLAND, Ore., Feb 26 */
			else if (state == 2 && !agency)
				continue; /* LONDON, June 1, Reuter - */
			else
				return 0;
			continue;
		case T_MONTH:
			if (!(caps + title) || date || agency)
				return 0;
			t = dl_token(&cur, lim);
			if (t != T_DAY || cur > end)
				return 0;
			date = 1;
			state = 2;
			continue;
		case T_DATE:
			if (!(caps + title) || date || agency)
				return 0;
			date = 1;
			state = 2;
			continue;
		case T_PAREN:
		case T_AGENCY:
			if (!(caps + title) || agency)
				return 0;
			(void)tok;
			agency = 1;
			state = 3;
			continue;
		case T_SEP:
			if (!(caps + title) || (state == 1 && !region))
				return 0;
			if (caps && title && state == 0)
				return 0;
			*pc = cur;
			if (bay)
				return DL_BAYCITY;
			if (title && !date && !agency)
				return 0;
			return title ? DL_TITLE : DL_CAPS;
		case T_COLON:
			if (!caps || title || state != 0)
				return 0;
			*pc = cur;
			return DL_COLON;
		default:
			return 0;
		}
	}
	return 0;
}

/* All-caps words at a paragraph's start that are labels, not places. */
static int not_a_place(uptr s, uptr e)
{
	/* sorted by first letter: only the labels with the place's first letter are compared
	 * (words.h; all 53 were, for every dateline of every Reuters story: 1,100 instructions
	 * a story); which is the longest match does not depend on their order */
	static const char *const labels[] = {
		"analysis", "advisory", "a", "and", "ap", "breaking", "bulletin", "but", "commentary",
		"correction", "clarification", "cons", "dear", "exclusive", "editorial", "eds", "ed",
		"eu", "flash", "faq", "i", "live", "listen", "lol", "more", "note", "new", "no", "nato",
		"opinion", "ok", "photos", "pros", "ps", "p.s.", "q", "review", "read", "summary", "so",
		"the", "tl;dr", "update", "updated", "urgent", "us", "u.s.", "un", "video", "verdict",
		"warning", "watch", "yes"
	};
	/* The label's longest match must end at e, the place's end. The re2c block this was had e
	 * for its limit, but only a class that holds the sentinel's byte (NUL) checks the limit:
	 * the words were read on past e, [^\n]* after 'dear' stopped at e (or at once past it). */
	uptr best = word_longest_ci_sorted(s, labels, WORDS_N(labels)), q;
	if ((q = word_ci(s, "breaking")) && (*q == ' ' || *q == '\t')) {
		while (*q == ' ' || *q == '\t')
			q++;
		if ((q = word_ci(q, "news")) && q > best)
			best = q;
	}
	if ((q = word_ci(s, "dear")) && (*q == ' ' || *q == '\t')) {
		/* ws [^\n]* is [^\n]* after the first blank */
		for (q++; *q != '\n' && q < e; q++)
			;
		if (q > best)
			best = q;
	}
	return best == e;
}

static int month_at(uptr p, uptr e)
{
	static const char *m[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
				   "nov", "dec" };
	/* The misspellings and foreign abbreviations mon_word takes, by their first letters. */
	static const struct { const char *w; int month; } other[] = {
		{ "mra", 3 }, { "ene", 1 }, { "abr", 4 }, { "ago", 8 }, { "dic", 12 }, { "set", 9 },
		{ "gen", 1 }, { "giu", 6 }, { "lug", 7 }
	};
	if (e - p < 3)
		return 0;
	char w[3] = { (char)(p[0] | 0x20), (char)(p[1] | 0x20), (char)(p[2] | 0x20) };
	for (int i = 0; i < 12; i++)
		if (!memcmp(m[i], w, 3))
			return i + 1;
	for (size_t i = 0; i < sizeof other / sizeof *other; i++)
		if (!memcmp(other[i].w, w, 3))
			return other[i].month;
	return 0;
}

int scan_dateline(const char *p, const char *end, const char *lim, dateline_fields *out)
{
	memset(out, 0, sizeof(*out));
	uptr s = (uptr)p, e = (uptr)end;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	uptr cur = s;
	int shape = dateline_shape(&cur, (uptr)lim, e);
	if (!shape || cur > e)
		return 0;
	/* The head is everything before the separator. */
	uptr h1 = cur;
	while (h1 > s && (h1[-1] == ' ' || h1[-1] == '\t' || h1[-1] == '-' || h1[-1] == '_' ||
			  h1[-1] == ':' || (h1[-1] >= 0x80 && h1 - s >= 3 && h1[-3] == 0xe2)))
		h1 -= h1[-1] >= 0x80 ? 3 : 1;
	uptr h0 = s;
	if (shape == DL_BAYCITY) {
		/* (07-17) 13:09 PDT BERKELEY: date and time, then the place. */
		uptr q = h0;
		for (int spaces = 0; q < h1 && spaces < 3; q++)
			if (*q == ' ' && q[1] != ' ')
				spaces++;
		out->date = trim(mk(h0, q));
		h0 = q;
	}
	/* The agency: (AP), (tca/dpa), or a bare AP / Reuters / CNN at the end. */
	uptr core = h1;
	if (core > h0 && core[-1] == ')') {
		uptr open = core - 1;
		while (open > h0 && *open != '(')
			open--;
		out->agency = mk(open + 1, core - 1);
		core = open;
	} else {
		uptr w = core;
		while (w > h0 && w[-1] != ' ')
			w--;
		if (w > h0 && agency_canonical(mk(w, core))) {
			out->agency = mk(w, core);
			core = w;
		}
	}
	while (core > h0 && (core[-1] == ' ' || core[-1] == '\t'))
		core--;
	/* A date at the end: [,] Mon[.] DD ("June l": the letter l for a one); and a comma
	 * before the agency ("June 1, Reuter") */
	while (core > h0 && core[-1] == ',')
		core--;
	uptr d = core;
	while (d > h0 && d[-1] >= '0' && d[-1] <= '9')
		d--;
	if (d == core && core - h0 >= 2 && core[-1] == 'l' && core[-2] == ' ')
		d = core - 1;
	if (d < core && d > h0 && d[-1] == ' ') {
		uptr m = d - 1;
		while (m > h0 && m[-1] == ' ')
			m--;
		uptr mw = m;
		while (mw > h0 && mw[-1] != ' ' && mw[-1] != ',')
			mw--;
		if (month_at(mw, m)) {
			out->date = mk(mw, core);
			core = mw;
			while (core > h0 && (core[-1] == ' ' || core[-1] == ','))
				core--;
		}
	} else if (d == core) {
		/* DD Mon[.] */
		uptr mw = core;
		while (mw > h0 && mw[-1] != ' ')
			mw--;
		uptr dd = mw;
		while (dd > h0 && dd[-1] == ' ')
			dd--;
		uptr d0 = dd;
		while (d0 > h0 && d0[-1] >= '0' && d0[-1] <= '9')
			d0--;
		if (mw < core && month_at(mw, core) && d0 < dd && dd - d0 <= 2 &&
		    (d0 == h0 || d0[-1] == ' ' || d0[-1] == ',')) {
			out->date = mk(d0, core);
			core = d0;
			while (core > h0 && (core[-1] == ' ' || core[-1] == ','))
				core--;
		}
	}
	/* Location, then a region after the first comma. */
	if (core <= h0)
		return 0;
	uptr comma = memchr(h0, ',', (size_t)(core - h0));
	if (comma) {
		out->location = trim(mk(h0, comma));
		out->region = trim(mk(comma + 1, core));
	} else {
		out->location = trim(mk(h0, core));
	}
	if (!out->location.s)
		return 0;
	/* A label (UPDATED:, BREAKING --) is no place; one letter is no place either. */
	if ((shape == DL_CAPS || shape == DL_COLON) &&
	    (not_a_place((uptr)out->location.s, (uptr)out->location.s + out->location.n) ||
	     out->location.n < 2))
		return 0;
	/* CAIRO: only for a capitals place without anything else around it. */
	if (shape == DL_COLON && (out->region.s || out->date.s || out->agency.s))
		return 0;
	out->text = trim(mk(s, cur));
	while (cur < e && (*cur == ' ' || *cur == '\t'))
		cur++;
	out->rest = (const char *)cur;
	return 1;
}

/* ---- photo credits ------------------------------------------------------------------------- */

/* Splits "AP Photo/Bassem Tellawi", "Photo: Jane Doe/Reuters", "REUTERS/Jim Young",
 * "Jim Young/Getty Images" at the slash: which side is the agency is told by agency_canonical. */
static void split_credit(uptr s, uptr e, photo_fields *out)
{
	uptr slash = memchr(s, '/', (size_t)(e - s));
	if (!slash)
		return;
	slice left = trim(mk(s, slash)), right = trim(mk(slash + 1, e));
	/* "AP Photo" / "AP Photos" on the left: the agency is before the word Photo. */
	if (left.s && left.n > 6) {
		for (const char *q = left.s; q + 5 <= left.s + left.n; q++)
			if ((q[0] | 0x20) == 'p' && (q[1] | 0x20) == 'h' && (q[2] | 0x20) == 'o' &&
			    (q[3] | 0x20) == 't' && (q[4] | 0x20) == 'o' && q > left.s && q[-1] == ' ') {
				out->agency = trim(mk((uptr)left.s, (uptr)q));
				out->photographer = right;
				return;
			}
	}
	if (left.s && agency_canonical(left)) {
		out->agency = left;
		out->photographer = right;
	} else {
		out->agency = right;
		out->photographer = left;
	}
}

/* What a bracket holds: "AP Photo/Name", "Photo: Name", "Photo by Name/Agency". */
static int bracket_credit(uptr s, uptr e, photo_fields *out)
{
	while (s < e && *s == ' ')
		s++;
	/* The word Photo (or Photos), first or after the agency's words. */
	uptr ph = NULL;
	for (uptr q = s; q + 5 <= e; q++)
		if ((q == s || q[-1] == ' ') && (q[0] | 0x20) == 'p' && (q[1] | 0x20) == 'h' &&
		    (q[2] | 0x20) == 'o' && (q[3] | 0x20) == 't' && (q[4] | 0x20) == 'o') {
			ph = q;
			break;
		}
	if (!ph || ph - s > 40)
		return 0;
	uptr after = ph + 5;
	if (after < e && (*after | 0x20) == 's')
		after++;
	while (after < e && *after == ' ')
		after++;
	if (ph == s) {
		/* (Photo: Jane Doe), (Photo by Jane Doe/Agency) */
		if (after < e && *after == ':')
			after++;
		else if (e - after > 3 && (after[0] | 0x20) == 'b' && (after[1] | 0x20) == 'y' && after[2] == ' ')
			after += 3;
		else
			return 0;
		if (memchr(after, '/', (size_t)(e - after)))
			split_credit(after, e, out);
		else
			out->photographer = trim(mk(after, e));
		return 1;
	}
	/* (AP Photo/Name): words before Photo, then a slash */
	if (after >= e || *after != '/')
		return 0;
	out->agency = trim(mk(s, ph));
	out->photographer = trim(mk(after + 1, e));
	return 1;
}

/* The rule for "Jim Young/Getty Images": a name of one to four words, the slash, the agency.
 * Its first word runs to the end of the name-word run it starts in (after nmw only " ", a tab or
 * "/" may come, and none of them is a name character), and the rest of the rule is matched from
 * there: photo_after_name. */
/*!re2c
	photo_after_name = (" " nmw){0,3} sp* "/" sp* ('getty images' | 'afp' | 'ap' | 'reuters' | 'epa');
*/

/* Where the name word that starts at cur (a capital) ends: the first byte that is not a name
 * character. */
static uptr name_word_end(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!local:re2c:photo_nmw
		re2c:flags:nested-ifs = 1;
		nmw { return cur; }
		*   { return cur; }
		$   { return cur; }
	*/
	(void)mar;
}

/* Where "Name/Agency" ends (photo_after_name / [^A-Za-z]) when it can be matched on from the end
 * of its first word, else NULL. */
static uptr credit_after_name(uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL;
	(void)ctx;
	/*!stags:re2c:photo_after format = 'uptr @@ = NULL;'; */
	/*!re2c:photo_after
		photo_after_name / [^A-Za-z] { return cur; }
		* { return NULL; }
		$ { return NULL; }
	*/
	(void)mar;
}

/* "AP Photo XNP101": where agency ws 'photo' 's'? / ws [A-Z0-9]+ ends at cur, or NULL. */
static uptr agency_photo(uptr cur, uptr lim)
{
	uptr mar = NULL, ctx = NULL;
	(void)ctx;
	/*!stags:re2c:photo_agency format = 'uptr @@ = NULL;'; */
	/*!re2c:photo_agency
		agency ws 'photo' 's'? / ws [A-Z0-9]+ { return cur; }
		* { return NULL; }
		$ { return NULL; }
	*/
	(void)mar;
}

static int is_nmw_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' || c == '.' || c == '-';
}

/* The credit rules, as one re2c block with the scanner's step ([A-Za-z0-9]+, or one byte):
 *   P1  "(" [^()\n]{1,100} ")"                                    what bracket_credit reads
 *   P2  ("REUTERS" | "Reuters") "/" nmw (" " nmw){0,3}            REUTERS/Jim Young
 *   P3  agency ws 'photo' 's'? / ws [A-Z0-9]+                     AP Photo XNP101, XNP102
 *   P4  nmw photo_after_name / [^A-Za-z]                          Jim Young/Getty Images
 * Their counted repeats multiplied each other's states (340 KB of C); here each is matched on
 * its own where it can start, and the block's choice is made in C: the longest match, its
 * trailing context counted (as re2c counts it), and on a tie the rule written first (P4 was
 * added by the use block, after the others). A match of any of them is longer than the step's.
 *
 * credit_at tries them at one place tok: 1 when a credit is found there (*end is where it
 * ends; out is filled but for credit and start), 0 when the scanner takes its step. P4 is tried
 * at every capital the step stops at, and the step stops at each capital of a run such as
 * A-A-A-... or J.R.R.: matched from each, it scanned the rest of the run from each, a quadratic
 * in the run's length. The invariant: for every capital tok in [s, word_end), where word_end is
 * the end of the name-character run from the capital s, P4 matches at tok if and only if
 * photo_after_name matches at word_end, and ends where it does (name_end): its first word must
 * run to word_end, and what follows does not depend on tok. So the run is scanned once, its tail
 * matched once (*word_end and *name_end carry them from call to call; any capital of the run
 * may be the first one asked). A tail reads at most four words and the blanks after them: every
 * byte is read by a bounded number of tails. */
static int credit_at(uptr tok, uptr e, uptr lim, uptr *word_end, uptr *name_end,
		     photo_fields *out, uptr *end)
{
	int cap = *tok >= 'A' && *tok <= 'Z';
	/* No rule starts but at "(", a capital, or the "d" and "t" of dpa, tca and the: the
	 * others (most words, blanks, punctuation) take the step at once. */
	if (!cap && *tok != '(' && *tok != 'd' && *tok != 't')
		return 0;
	if (cap && tok >= *word_end) {
		*word_end = name_word_end(tok, lim);
		*name_end = credit_after_name(*word_end, lim);
	}
	/* Each rule's end, and how far its match reaches for the longest-match choice. */
	uptr end1 = NULL, end2 = NULL, end3 = NULL, end4 = NULL, best = tok, cur;
	int rule = 0;
	if (*tok == '(') {
		uptr q = tok + 1;
		while (q < lim && q - tok <= 101 && *q != '(' && *q != ')' && *q != '\n')
			q++;
		if (q < lim && *q == ')' && q - tok >= 2 && q - tok <= 101)
			end1 = q + 1;
		if (end1 && end1 > best)
			best = end1, rule = 1;
	}
	if (*tok == 'R' && (lit_end(tok, "REUTERS/") || lit_end(tok, "Reuters/")) &&
	    tok[8] >= 'A' && tok[8] <= 'Z') {
		uptr q = tok + 9;
		for (int words = 1;; words++) {
			while (is_nmw_char(*q))
				q++;
			if (words == 4 || q[0] != ' ' || q[1] < 'A' || q[1] > 'Z')
				break;
			q += 2;
		}
		end2 = q;
		if (end2 > best)
			best = end2, rule = 2;
	}
	if ((end3 = agency_photo(tok, lim))) {
		uptr full = end3;
		while (*full == ' ' || *full == '\t')
			full++;
		while ((*full >= 'A' && *full <= 'Z') || (*full >= '0' && *full <= '9'))
			full++;
		if (full > best)
			best = full, rule = 3;
	}
	if (cap && *name_end) {
		end4 = *name_end;
		if (end4 + 1 > best)
			best = end4 + 1, rule = 4;
	}
	switch (rule) {
	case 1:
		/* a bracket that holds no credit: the step ("(" is one byte) */
		if (!bracket_credit(tok + 1, end1 - 1, out))
			return 0;
		*end = end1;
		return 1;
	case 2:
		*end = end2;
		split_credit(tok, end2, out);
		return 1;
	case 3: {
		/* AP Photo XNP101, XNP102: photo numbers to the end of the line. */
		cur = end3;
		uptr a = cur;
		while (a > tok && a[-1] != ' ')
			a--;
		out->agency = trim(mk(tok, a));
		while (cur < e && *cur != '\n')
			cur++;
		*end = cur;
		return 1;
	}
	case 4:
		*end = end4;
		split_credit(tok, end4, out);
		return 1;
	}
	return 0;
}

/* Bytes a credit can hold before the "/" of P2 and P4 or the word photo of P3: the name words
 * ([A-Za-z'.-], P2 and P4), the agency's words ([A-Za-z -], P3) and the blanks between. */
static int credit_chain_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' || c == '.' || c == '-' ||
	       c == ' ' || c == '\t';
}

static int is_alnum(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Whether the word photo, in any case, starts at p. */
static int photo_at(uptr p)
{
	return (p[0] | 0x20) == 'p' && (p[1] | 0x20) == 'h' && (p[2] | 0x20) == 'o' &&
	       (p[3] | 0x20) == 't' && (p[4] | 0x20) == 'o';
}

/* Bytes before the first of credit_literal's in [p, e) passed over a block at a time: a "(", a
 * "/", or a p followed by an h (either case: the word photo's first two letters; a lone p, one
 * letter of fifty in English, stopped the search for every one). Returns p or a place after it
 * and at or before that first one; reads up to e[0]. */
static uptr credit_skip(uptr p, uptr e)
{
#ifdef RUNS_SSE2
	const uptr from = p;
	const __m128i open = _mm_set1_epi8('('), slash = _mm_set1_epi8('/'), bit = _mm_set1_epi8(0x20),
		      pp = _mm_set1_epi8('p'), hh = _mm_set1_epi8('h');
	while (e - p >= 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
		__m128i hit = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v0, open), _mm_cmpeq_epi8(v0, slash)),
			_mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(v0, bit), pp),
				      _mm_cmpeq_epi8(_mm_or_si128(v1, bit), hh)));
		int mask = _mm_movemask_epi8(hit);
		if (mask)
			RUNS_AT_HIT(p, mask);
		p += 16;
	}
#if defined(__GNUC__)
	/* The last bytes: the block that ends at e, its bytes before p left out (byte by byte,
	 * each p of a paragraph's tail stopped the search). */
	if (p < e && e - from >= 16) {
		uptr q = e - 16;
		__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)q);
		__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
		__m128i hit = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(v0, open), _mm_cmpeq_epi8(v0, slash)),
			_mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(v0, bit), pp),
				      _mm_cmpeq_epi8(_mm_or_si128(v1, bit), hh)));
		unsigned mask = (unsigned)_mm_movemask_epi8(hit) & (0xFFFFu << (p - q));
		return mask ? q + __builtin_ctz(mask) : e;
	}
#endif
	return p;
#else
	return runs_without4(p, e, '(', '/', 'p', 'P');
#endif
}

/* The first byte in [p, e) that a credit needs: a "(" (P1 starts there), a "/" (P2 and P4 end
 * their names there) or the first letter of the word photo in any case (P3); e when there is
 * none. (photo_at may read past e: the text goes on, or its NUL sentinel stops it.) */
static uptr credit_literal(uptr p, uptr e)
{
	for (;; p++) {
		p = credit_skip(p, e);
		while (p < e && *p != '(' && *p != '/' && *p != 'p' && *p != 'P')
			p++;
		if (p >= e || *p == '(' || *p == '/' || photo_at(p))
			return p;
	}
}

/* Every credit holds one of credit_literal's bytes: P1 starts at its "(", P2 and P4 have a "/"
 * after their names, P3 the word photo after its agency; what stands between a rule's start and
 * that byte is credit_chain_byte's. So no rule starts before the run of such bytes that ends at
 * the first literal byte after the step's place: the scanner goes there at once (to the step's
 * place at or before it, the start of the alphanumeric run it is in), and the rules are tried
 * as before from there. The places skipped hold no credit the scanner would have found: a rule
 * that starts there reaches its own literal byte through chain bytes only, so that byte is at
 * or past e (the first one before e would be inside the reach, and its run would cover the
 * start: a "(" or "/" ends every rule's reach, the word photo is made of chain bytes); such a
 * credit ends past e, and found first it made the scanner give up, as it does here, since no
 * literal byte stands after it before e. Each byte is looked at a bounded number of times:
 * credit_literal moves past a literal byte once the step has passed it. */
int scan_photo_credit(const char *p, const char *end, const char *limit, photo_fields *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = (uptr)p, lim = (uptr)limit, e = (uptr)end, tok, found_end = NULL;
	uptr word_end = NULL, name_end = NULL, lit = NULL;
	for (;;) {
		tok = cur;
		if (cur >= e)
			return 0;
		if (!lit || lit < tok) {
			lit = credit_literal(tok, e);
			uptr from = lit;
			if (lit < e && *lit != '(')
				while (from > tok && credit_chain_byte(from[-1]))
					from--;
			while (from > tok && is_alnum(from[-1]) && is_alnum(*from))
				from--;
			if (from > tok) {
				cur = from;
				continue;
			}
		}
		if (credit_at(tok, e, lim, &word_end, &name_end, out, &found_end))
			break;
		/* The step: [A-Za-z0-9]+, or one byte. */
		cur++;
		if (is_alnum(*tok))
			while (is_alnum(*cur))
				cur++;
	}
	if (found_end > e)
		return 0;
	out->credit = trim(mk(tok, found_end));
	out->start = (const char *)tok;
	return 1;
}

/* Whether a credit starts at p and fills [p, end) but for blanks after it: the scanner's first
 * place is p, and a credit it finds later does not start there (the test photo_line made of
 * scan_photo_credit's result, without reading the rest of the paragraph). */
int photo_credit_line(const char *p, const char *end, const char *limit)
{
	uptr s = (uptr)p, e = (uptr)end, found_end = NULL, word_end = NULL, name_end = NULL;
	photo_fields ph;
	memset(&ph, 0, sizeof ph);
	if (s >= e || !credit_at(s, e, (uptr)limit, &word_end, &name_end, &ph, &found_end) ||
	    found_end > e)
		return 0;
	slice credit = trim(mk(s, found_end));
	uptr after = (uptr)credit.s + credit.n;
	while (after < e && (*after == ' ' || *after == '\t' || *after == '\n'))
		after++;
	return after >= e;
}

/* ---- contributors -------------------------------------------------------------------------- */

/* Whether the words at p are "contributed": the end of a name list. */
static int at_contributed(uptr p, uptr e)
{
	return e - p >= 11 && !memcmp(p, "contributed", 11);
}

int scan_contributor(const char *p, const char *end, const char *limit, contrib_fields *out)
{
	memset(out, 0, sizeof(*out));
	uptr s = (uptr)p, e = (uptr)end, lim = (uptr)limit;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	/* An agency first: Associated Press writer ..., The Associated Press ... */
	for (int words = 3; words >= 1 && !out->agency.s; words--) {
		uptr w = s;
		for (int i = 0; i < words && w < e; i++) {
			while (w < e && *w != ' ' && *w != '\n')
				w++;
			if (i + 1 < words)
				while (w < e && *w == ' ')
					w++;
		}
		if (agency_canonical(mk(s, w)))
			out->agency = mk(s, w);
	}
	/* Names start after the last role word or "by", and end at "contributed" or a ";". */
	uptr names = s, cur = s;
	int by = 0;
	while (cur < e && *cur != '\n') {
		while (cur < e && (*cur == ' ' || *cur == '\t'))
			cur++;
		if (cur >= e || at_contributed(cur, e) || *cur == '\n')
			break;
		uptr w = cur;
		int k = part_word(&cur, lim, e);
		if (cur == w)
			cur++;
		if (k == W_ROLE || (cur - w == 2 && (w[0] | 0x20) == 'b' && (w[1] | 0x20) == 'y')) {
			names = cur;
			by = 1;
		}
		if (by && *(cur - 1) == ';') {
			cur--;
			break;
		}
	}
	out->names = trim(mk(names, cur));
	if (out->names.s && out->names.s[out->names.n - 1] == ';')
		out->names.n--;
	return out->names.s != NULL;
}

/* ---- attributions -------------------------------------------------------------------------- */

/* The phrases, as rules over one paragraph's words (aws: a blank run that may hold one line end,
 * for a paragraph's words wrap):
 *   R1  ("told" | "tell" | "tells" | "telling") aws "the" aws src_seq
 *   R2  ("told" | "tell" | "tells" | "telling") aws (src_seq | "dpa" | "tca" | "dpa-AFX")
 *   R3  ("according" | "According") aws "to" aws ("the" aws)? (adjective aws)? src_seq src_tail?
 *   R4  src_seq aws ("reports" | "reported") / [ .,]
 * where src_seq = srcw ((aws ('of' | 'for' | 'and' | 'de'))? aws srcw){0,7}, srcw a word with a
 * capital, and src_tail = (aws loww){0,2} aws ('sources' | 'officials' | ...). As one re2c block
 * (with the scanner's step, [A-Za-z0-9'-]+ or one byte) their counted repeats multiplied each
 * other's states into 1.3 MB of C; here the words are read one at a time and the repeats counted
 * in C. The block's longest match is kept: at most one rule can match at a position (R1 and R2
 * start with a lower-case verb and differ in the word after it, R3 starts with "according", R4 with
 * a capital, and R3 and R4 both at "According" would need "to" and "reports" as its next word),
 * a match always ends past the word the step would take, and within a rule the farthest end is
 * taken. Every rule reads a bounded number of words from where it starts. */
/*!re2c
	srcw     = [A-Z] ([A-Za-z'&-] | rsq | u8mb)*;
*/

/* Where the source word that starts at cur (a capital) ends. */
static uptr source_word_end(uptr cur, uptr lim)
{
	uptr mar = NULL;
	/*!local:re2c:attr_srcw
		re2c:flags:nested-ifs = 1;
		srcw { return cur; }
		*    { return cur; }
		$    { return cur; }
	*/
	(void)mar;
}

/* The end of the longest src_tail keyword at cur (any case, a prefix of a word is enough), or
 * NULL. */
static uptr source_tail_word(uptr cur)
{
	static const char *const words[] = {
		"sources", "source", "officials", "official", "ministry", "media", "diplomats", "diplomat",
		"spokesman", "spokeswoman", "analysts", "experts", "witnesses", "residents", "agency",
		"authorities", "police", "data", "figures", "reports", "statement"
	};
	return word_longest_ci(cur, words, WORDS_N(words));
}

/* aws = [ \t]+ | [ \t]* "\r"? "\n" [ \t]*, at p: its end, or NULL. Every word that may follow it
 * starts with neither a blank nor a line end, so only its longest match can be followed by one. */
static uptr aws_end(uptr p)
{
	uptr q = p;
	while (*q == ' ' || *q == '\t')
		q++;
	if (*q == '\n')
		q++;
	else if (*q == '\r' && q[1] == '\n')
		q += 2;
	else
		return q > p ? q : NULL;
	while (*q == ' ' || *q == '\t')
		q++;
	return q;
}

/* lit_end, and an aws after the word: where the next word starts, or NULL. */
static uptr lit_aws(uptr p, const char *w)
{
	uptr e = lit_end(p, w);
	return e ? aws_end(e) : NULL;
}

/* A connector ('of' | 'for' | 'and' | 'de', any case) at p with a blank or line end after it:
 * its end, or NULL. */
static uptr connector_end(uptr p)
{
	static const char *const words[] = { "of", "for", "and", "de" };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		const char *w = words[k];
		uptr q = p;
		while (*w && (*q | 0x20) == (unsigned char)*w)
			q++, w++;
		if (!*w && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
			return q;
	}
	return NULL;
}

/* src_tail after a source that ends at e: the farthest end, or NULL. */
static uptr source_tail_end(uptr e)
{
	uptr best = NULL, p = e;
	for (int lows = 0;; lows++) {
		uptr a = aws_end(p);
		if (!a)
			break;
		uptr k = source_tail_word(a);
		if (k && k > best)
			best = k;
		/* (aws loww){0,2}, loww = [a-z] [a-z'-]* */
		if (lows == 2 || *a < 'a' || *a > 'z')
			break;
		for (p = a + 1; (*p >= 'a' && *p <= 'z') || *p == '\'' || *p == '-'; p++)
			;
	}
	return best;
}

/* aws ("reports" | "reported") / [ .,] after a source that ends at e: the verb's end, or NULL. */
static uptr reports_end(uptr e)
{
	uptr a = aws_end(e), v;
	if (!a || !(v = lit_end(a, "report")))
		return NULL;
	if (*v == 's')
		v++;
	else if (v[0] == 'e' && v[1] == 'd')
		v += 2;
	else
		return NULL;
	return *v == ' ' || *v == '.' || *v == ',' ? v : NULL;
}

enum { SRC_MORE = 7, SRC_NEVER = 100 };

/* A source's words after its first, which ends at e0: src_more, ((aws connector)? aws srcw){0,7}.
 * Returns the farthest end of the source (with want_tail, of the source and a src_tail after it)
 * and sets *verb (when not NULL) to the end of "reports" after some end of it (R4), or NULL. A
 * word that is both a connector and a source word (Of, AND) may be either: it[] is the fewest
 * repeats that end the source at a word, a connector and its source word making one. */
static uptr source_words(uptr e0, uptr lim, int want_tail, uptr *verb)
{
	uptr best = e0, end = e0;
	int it = 0, it_prev = SRC_NEVER, conn = 0;
	if (verb)
		*verb = NULL;
	for (;;) {
		/* The word that ends at end is an end of the source when it <= SRC_MORE. */
		if (it <= SRC_MORE) {
			if (end > best)
				best = end;
			if (want_tail) {
				uptr t = source_tail_end(end);
				if (t && t > best)
					best = t;
			}
			if (verb && !*verb)
				*verb = reports_end(end);
		}
		/* Can a later word be reached: after this one as a source word, or after it as a
		 * connector? */
		if (!(it < SRC_MORE || (conn && it_prev < SRC_MORE)))
			break;
		uptr a = aws_end(end);
		if (!a)
			break;
		uptr s = *a >= 'A' && *a <= 'Z' ? source_word_end(a, lim) : NULL;
		uptr c = connector_end(a);
		int next = SRC_NEVER;
		if (s && it < SRC_MORE)
			next = it + 1;
		if (s && conn && it_prev < SRC_MORE && it_prev + 1 < next)
			next = it_prev + 1;
		if (!s && !c)
			break;
		/* a word that is both ends at the same blank */
		end = s ? s : c;
		it_prev = it;
		it = next;
		conn = c != NULL;
	}
	return best;
}

/* R1 and R2 at tok: the match's end and the source, or NULL. */
static uptr told_at(uptr tok, uptr lim, uptr *s0)
{
	static const char *const verbs[] = { "told", "tell", "tells", "telling" };
	uptr a = NULL;
	for (size_t k = 0; k < sizeof verbs / sizeof *verbs && !a; k++)
		a = lit_aws(tok, verbs[k]);
	if (!a)
		return NULL;
	uptr b = lit_aws(a, "the");
	if (b) {
		/* R1; R2 cannot start at "the" */
		if (*b < 'A' || *b > 'Z')
			return NULL;
		*s0 = b;
		return source_words(source_word_end(b, lim), lim, 0, NULL);
	}
	*s0 = a;
	if (*a >= 'A' && *a <= 'Z')
		return source_words(source_word_end(a, lim), lim, 0, NULL);
	uptr low = lit_end(a, "dpa-AFX");
	if (!low)
		low = lit_end(a, "dpa");
	if (!low)
		low = lit_end(a, "tca");
	return low;
}

/* R3 at tok: the match's end and the source, or NULL. */
static uptr according_at(uptr tok, uptr lim, uptr *s0)
{
	static const char *const adjectives[] = { "state-run", "state", "official", "local",
						  "independent", "semi-official" };
	uptr a = lit_aws(tok, "according");
	if (!a)
		a = lit_aws(tok, "According");
	if (!a || !(a = lit_aws(a, "to")))
		return NULL;
	uptr b = lit_aws(a, "the");
	if (b)
		a = b;
	for (size_t k = 0; k < sizeof adjectives / sizeof *adjectives; k++)
		if ((b = lit_aws(a, adjectives[k]))) {
			a = b;
			break;
		}
	if (*a < 'A' || *a > 'Z')
		return NULL;
	*s0 = a;
	return source_words(source_word_end(a, lim), lim, 1, NULL);
}

/* Bytes an attribution can hold between where it starts and its word told, tell, according or
 * report: the source's words (srcw: letters, ' & -, and the bytes of UTF-8 sequences), the
 * connectors' letters and the blanks and line ends of aws. */
static int attr_chain_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80 || c == '\'' ||
	       c == '&' || c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A byte of the step's runs, [A-Za-z0-9'-]. */
static int attr_word_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '\'' || c == '-';
}

/* Whether h[0] h[1] is "ll" or "ld" (tell, told: two bytes in), "cc" (according: one byte in)
 * or "ep" (report: one byte in). */
static int attr_pair(uptr h)
{
	return (h[0] == 'l' && (h[1] == 'l' || h[1] == 'd')) || (h[0] == 'c' && h[1] == 'c') ||
	       (h[0] == 'e' && h[1] == 'p');
}

#ifdef RUNS_SSE2
/* attr_pair at each of the sixteen places from p, as a mask (reads p[0] to p[16]). */
static inline int attr_pairs16(uptr p)
{
	const __m128i l = _mm_set1_epi8('l'), d = _mm_set1_epi8('d'), c = _mm_set1_epi8('c'),
		      ee = _mm_set1_epi8('e'), pp = _mm_set1_epi8('p');
	__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	__m128i hit = _mm_or_si128(
		_mm_and_si128(_mm_cmpeq_epi8(v0, l),
			      _mm_or_si128(_mm_cmpeq_epi8(v1, l), _mm_cmpeq_epi8(v1, d))),
		_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, c), _mm_cmpeq_epi8(v1, c)),
			     _mm_and_si128(_mm_cmpeq_epi8(v0, ee), _mm_cmpeq_epi8(v1, pp))));
	return _mm_movemask_epi8(hit);
}
#endif

/* The first place in [p, end) where attr_pair holds, or end; reads up to end[0]. */
static uptr attr_pair_at(uptr p, uptr end)
{
#ifdef RUNS_SSE2
	const uptr from = p;
	while (end - p >= 16) {
		int mask = attr_pairs16(p);
		if (mask)
			RUNS_AT_HIT(p, mask);
		p += 16;
	}
#if defined(__GNUC__)
	/* The last bytes: the block that ends at end, its places before p left out (byte by
	 * byte, the tail of every paragraph was a third of the search). */
	if (p < end && end - from >= 16) {
		uptr q = end - 16;
		unsigned mask = (unsigned)attr_pairs16(q) & (0xFFFFu << (p - q));
		return mask ? q + __builtin_ctz(mask) : end;
	}
#endif
#endif
	while (p < end && !attr_pair(p))
		p++;
	return p;
}

/* The first place in [p, e) where one of the words every attribution holds starts: told, tell
 * (R1, R2, at the rule's start), ccording (R3, one byte after it) or report (R4, after the
 * source); e when there is none. The pairs are looked for up to two bytes past e, so that every
 * word that starts before e is seen (the text goes on to lim, which holds its NUL sentinel). */
static uptr attr_literal(uptr p, uptr e, uptr lim)
{
	uptr end = lim - e > 2 ? e + 2 : lim, h = p;
	for (;; h++) {
		h = attr_pair_at(h, end);
		if (h >= end)
			return e;
		size_t off = h[0] == 'l' ? 2 : h[0] == 'e' ? 1 : 0;
		if ((size_t)(h - p) < off)
			continue; /* a word that starts before p */
		uptr q = h - off;
		if (q >= e)
			return e;
		if (h[0] == 'l' ? q[0] == 't' && (q[1] == 'e' || q[1] == 'o')
				: h[0] == 'e' ? lit_end(q, "report") != NULL : lit_end(q, "ccording") != NULL)
			return q;
	}
}

int scan_attribution(const char **p, const char *end, const char *limit, attribution_fields *out)
{
	memset(out, 0, sizeof(*out));
	uptr cur = (uptr)*p, lim = (uptr)limit, e = (uptr)end, tok, s0;
	/* R4 (src_seq aws "reports") is tried at every capital the step stops at, and the step
	 * ([A-Za-z0-9'-]+, or one other byte) stops at each capital of a run of source characters
	 * such as A&A&..., AT&T, A'A', or letters of any script: matched from each, it scanned the
	 * rest of the run from each, a quadratic in the run's length. The invariant: for every
	 * capital tok in [s, word_end), where word_end is the end of the srcw run from the capital
	 * s, R4 matches at tok if and only if it does at s, and ends where it does (verb): its first
	 * word must run to word_end (aws, all that may follow it, starts with a blank, which is no
	 * source character), and the rest does not depend on tok. A capital is a character of its
	 * own in UTF-8, so the run from a later capital ends where the run from s did. */
	/* Every attribution holds one of attr_literal's words, and between its start and the word
	 * only attr_chain_byte's bytes (R1 and R2 start at the word, R3 one byte before it, R4's
	 * source and blanks stand before it, and the words' own letters are such bytes). So no rule
	 * starts before the run of such bytes that ends at the first of these words after the
	 * step's place: the scanner goes there at once (to the step's place at or before it), and
	 * the rules are tried as before from there. The places skipped hold no attribution the
	 * scanner would have found: a rule that starts there reaches its word through chain bytes
	 * only, so any word that starts before e and after the place is inside that reach, and its
	 * run covers the place; so the rule's own word starts at or past e, its match ends past e,
	 * and found first it made the scanner give up, as it does here, since no word starts
	 * after it before e. Each byte is looked at a bounded number of times: attr_literal moves
	 * past a word once the step has passed its start. */
	uptr word_end = NULL, verb = NULL, lit = NULL;
	for (;;) {
		tok = cur;
		if (cur >= e)
			return 0;
		if (!lit || lit < tok) {
			lit = attr_literal(tok, e, lim);
			uptr from = lit;
			if (lit < e)
				while (from > tok && attr_chain_byte(from[-1]))
					from--;
			while (from > tok && attr_word_byte(from[-1]) && attr_word_byte(*from))
				from--;
			if (from > tok) {
				cur = from;
				continue;
			}
		}
		uptr m = NULL;
		if (*tok == 't') {
			m = told_at(tok, lim, &s0);
			if (m)
				out->source = mk(s0, m);
		} else if (*tok == 'a' || *tok == 'A') {
			m = according_at(tok, lim, &s0);
			if (m)
				out->source = mk(s0, m);
		}
		if (!m && *tok >= 'A' && *tok <= 'Z') {
			if (tok >= word_end) {
				word_end = source_word_end(tok, lim);
				source_words(word_end, lim, 0, &verb);
			}
			if (verb) {
				/* the Associated Press reports: who reports, and the verb */
				m = verb;
				uptr v = m;
				while (v > tok && v[-1] >= 'a' && v[-1] <= 'z')
					v--;
				while (v > tok && (v[-1] == ' ' || v[-1] == '\t' || v[-1] == '\r' || v[-1] == '\n'))
					v--;
				out->source = mk(tok, v);
				if (out->source.n > 4 && !strncmp(out->source.s, "The ", 4)) {
					out->source.s += 4;
					out->source.n -= 4;
				}
			}
		}
		if (m) {
			cur = m;
			break;
		}
		/* The step: [A-Za-z0-9'-]+, or one byte. */
		cur++;
		if ((*tok >= 'A' && *tok <= 'Z') || (*tok >= 'a' && *tok <= 'z') ||
		    (*tok >= '0' && *tok <= '9') || *tok == '\'' || *tok == '-')
			while ((*cur >= 'A' && *cur <= 'Z') || (*cur >= 'a' && *cur <= 'z') ||
			       (*cur >= '0' && *cur <= '9') || *cur == '\'' || *cur == '-')
				cur++;
	}
	if (cur > e)
		return 0;
	out->text = mk(tok, cur);
	*p = (const char *)cur;
	return 1;
}
