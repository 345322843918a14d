/* The agencies' names as datelines, bylines and credits spell them, and the canonical short
 * name of each (agency_canonical, lexer/article/article_fields.h): a table read word by word,
 * no scanner, so kept out of the re2c file whose generated C it made larger. */
#include "lexer/article/article_fields.h"

#include <string.h>

#include "lexer/core/words.h"

typedef const unsigned char *uptr;

/* The words without the blanks around them (NULL when none is left). */
static slice trim_blanks(slice s)
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

/* ("The" | "THE" | "the")? ws?: where the words after it start, or NULL when there is none. */
static uptr after_the(uptr p)
{
	if (!word_cs(p, "The") && !word_cs(p, "THE") && !word_cs(p, "the"))
		return NULL;
	for (p += 3; *p == ' ' || *p == '\t'; p++)
		;
	return p;
}

/* The agency that the words [p, e) name, or NULL: the entry of the table (the re2c rules it
 * replaces made 29 KB of C) that reads them whole. */
static const char *agency_name(uptr p, uptr e)
{
	enum { CS, CI, THE_CS, THE_CI, CI_WS }; /* THE_: ("The" | "THE" | "the")? ws? before;
						 * CI_WS: a blank of the word is ws, [ \t]+ */
	static const struct {
		int how;
		const char *word, *name;
	} agencies[] = {
		{ THE_CS, "AP", "AP" }, { THE_CI, "associated press", "AP" },
		{ THE_CI, "aptn", "AP" }, { CS, "AFP", "AFP" },
		{ CI, "agence france presse", "AFP" }, { CI, "agence france-presse", "AFP" },
		{ CS, "ANSA", "ANSA" }, { CS, "AAP", "AAP" }, { CS, "ANP", "ANP" },
		{ CI, "bay city news", "Bay City News" }, { CS, "BBC", "BBC" },
		{ CI, "bloomberg", "Bloomberg" },
		{ THE_CI, "canadian press", "The Canadian Press" },
		{ CS, "CP", "The Canadian Press" }, { CS, "CNN", "CNN" },
		{ CS, "CBS News", "CBS News" }, { CS, "CBS", "CBS News" }, { CI, "dpa", "dpa" },
		{ CI, "deutsche presse-agentur", "dpa" }, { CS, "EFE", "EFE" },
		{ CI, "interfax", "Interfax" }, { CI, "itar-tass", "TASS" },
		{ CI, "kyodo", "Kyodo" }, { CI_WS, "kyodo news", "Kyodo" }, { CS, "KNA", "KNA" },
		{ CS, "NTB", "NTB" }, { CS, "PTI", "PTI" }, { CI, "reuters", "Reuters" },
		{ CI, "reuter", "Reuters" }, { CI, "reutersd", "Reuters" }, { CS, "tca", "tca" },
		{ CI, "tribune content agency", "tca" }, { CS, "TASS", "TASS" },
		{ CS, "UPI", "UPI" }, { CI, "united press international", "UPI" },
		{ CI, "xinhua", "Xinhua" }, { CI, "yonhap", "Yonhap" },
	};
	uptr the = after_the(p);
	/* The entries whose word starts with the text's first letter (either case), then, after
	 * "The", the THE_ ones whose word starts with the next word's: the table is sorted by that
	 * letter (any order within it does: a word must read the whole text, and no two words of
	 * the table are the same in any case, so at most one entry matches). Comparing every entry
	 * was most of a dateline's cost; passing over those of other letters one by one, still a
	 * tenth of a Reuters story's classification. */
	unsigned first = *p | 0x20u, after = the ? *the | 0x20u : 0;
	const size_t n = WORDS_N(agencies);
	for (int pass = 0; pass < 2; pass++) {
		if (pass && (!the || after == first))
			break;
		unsigned c = pass ? after : first;
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (((unsigned char)agencies[mid].word[0] | 0x20u) < c)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t i = lo; i < n && ((unsigned char)agencies[i].word[0] | 0x20u) == c; i++) {
			const char *w = agencies[i].word;
			if (pass && agencies[i].how != THE_CS && agencies[i].how != THE_CI)
				continue;
			switch (agencies[i].how) {
			case CS:
				if (word_cs(p, w) == e)
					return agencies[i].name;
				break;
			case THE_CS:
				if (word_cs(p, w) == e || (the && word_cs(the, w) == e))
					return agencies[i].name;
				break;
			case THE_CI:
				if (word_ci(p, w) == e || (the && word_ci(the, w) == e))
					return agencies[i].name;
				break;
			case CI:
				if (word_ci(p, w) == e)
					return agencies[i].name;
				break;
			case CI_WS: {
				/* "kyodo news": the blank is a run of blanks */
				uptr q = word_ci(p, "kyodo");
				if (q && (*q == ' ' || *q == '\t')) {
					while (*q == ' ' || *q == '\t')
						q++;
					if (word_ci(q, "news") == e)
						return agencies[i].name;
				}
				break;
			}
			}
		}
	}
	return NULL;
}

const char *agency_canonical(slice words)
{
	slice w = trim_blanks(words);
	if (!w.s)
		return NULL;
	/* A trailing full stop (By Colin Brinsden, Reuters.) belongs to the line, not the name. */
	while (w.n && (w.s[w.n - 1] == '.' || w.s[w.n - 1] == '='))
		w.n--;
	/* A copy that ends with a NUL, as the comparisons need. */
	unsigned char buf[64];
	if (w.n >= sizeof buf)
		return NULL;
	memcpy(buf, w.s, w.n);
	buf[w.n] = '\0';
	return agency_name(buf, buf + w.n);
}
