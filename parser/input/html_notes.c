/* The page's notes among the story's blocks, told by what they say and where they stand (the
 * words are generic English of such notes, no site's sentence): an editor's or a reprint note at
 * the story's edges ("This article originally appeared on ..."), a review's pros and cons lists,
 * a picture's caption set as a paragraph and known by its credit, a line pointing the reader to
 * other pages ("Also Read: ..."), the story's sources after it ("More information: ..."), a date
 * in figures set alone. Run on the blocks html_emit_body made, before the article parser reads
 * them. Each rule looks at each block once, a short block's bytes a bounded number of times:
 * linear. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "parser/input/html_page.h"

/* The word w in s[0..n), case aside, not inside another word. Bounded: s is a short block. */
static int has_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if ((i == 0 || !isalnum((unsigned char)s[i - 1])) && !strncasecmp(s + i, w, k) &&
		    (i + k == n || !isalnum((unsigned char)s[i + k])))
			return 1;
	return 0;
}

static int any_word(const char *s, size_t n, const char *const *ws)
{
	for (; *ws; ws++)
		if (has_word(s, n, *ws))
			return 1;
	return 0;
}

/* Every paragraph from block from on (and subhead, with subheads) that says so takes the
 * role given: the one loop of the rules below that retag a block by its own text alone. */
static void retag(mk *m, size_t from, int subheads, int (*is)(const char *, size_t), int role)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if ((b->role == MR_PARA || (subheads && b->role == MR_SUBHEAD)) &&
		    is(t + b->s, b->e - b->s))
			b->role = role;
	}
}

/* A note saying where the story was first printed ("This article originally appeared on ...",
 * "A version of this story appeared in ...", "This story was originally published December
 * 22, 2023"): a short line naming this piece, a printing verb, and that the printing was the
 * first one. The story's own sentences about another work ("the book, originally published in
 * 1962, ...") name no "this story". */
static int reprint_note(const char *s, size_t n)
{
	static const char *const piece[] = { "this story", "this article", "this piece", "this post",
					     "this column", "this essay", "this report",
					     "this interview", "this review", NULL };
	static const char *const printed[] = { "appeared", "published", "ran", "posted", NULL };
	static const char *const first[] = { "originally", "first", "a version of", NULL };
	return n < 300 && any_word(s, n, piece) && any_word(s, n, printed) && any_word(s, n, first);
}

/* "Editor's note: ..." (straight or curly apostrophe): the record's ednote, as trailing italic
 * notes are (html_blocks.c); a note without that label is the page's, as theirs is. */
static size_t opens_with(const char *s, size_t n, const char *p);

static int editors_note(const char *s, size_t n)
{
	/* a correction is the editors' note on the story too ("Correction: ...", "An earlier
	 * version of this story said ...") */
	static const char *const corrections[] = { "correction:", "clarification:",
						   "an earlier version of this",
						   "a previous version of this", NULL };
	for (const char *const *c = corrections; *c; c++)
		if (n > 14 && opens_with(s, n, *c))
			return 1;
	return n > 14 && !strncasecmp(s, "editor", 6) &&
	       (!strncasecmp(s + 6, "'s note", 7) || !strncasecmp(s + 6, "\xe2\x80\x99s note", 9));
}

/* The story's paragraphs from block from on. */
static size_t paragraphs_from(const markup_doc *doc, size_t from)
{
	size_t paras = 0;
	for (size_t i = from; i < doc->nblocks; i++)
		paras += doc->blocks[i].role == MR_PARA;
	return paras;
}

void html_reprint_notes(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t paras = paragraphs_from(doc, from);
	/* never the story itself: a note stands beside a few paragraphs at least */
	if (paras < 4)
		return;
	/* the first two and the last two paragraphs: where a page puts such a note */
	size_t k = 0;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		int edge = k < 2 || k + 2 >= paras;
		/* an editor's note there, whatever it says ("Editor's note (December 19th):
		 * this piece was updated ..."), is the record's: a note on the story, not its text; one
		 * of a few sentences on how the story was made runs past 400 bytes */
		if (edge && editors_note(t + b->s, b->e - b->s) && b->e - b->s < 600)
			b->role = MR_EDNOTE;
		else if (edge && reprint_note(t + b->s, b->e - b->s))
			b->role = MR_CHROME;
		k++;
	}
}

/* A heading that is only "Pros" or "Cons" (a colon after it, blanks around it): the label of a
 * review's verdict box. */
static int verdict_label(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\n' || *s == '\t'))
		s++, n--;
	return n == 4 && (!strncasecmp(s, "pros", 4) || !strncasecmp(s, "cons", 4));
}

void html_verdict_lists(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	for (size_t i = from; i + 1 < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if ((b->role != MR_SUBHEAD && b->role != MR_PARA) || doc->blocks[i + 1].role != MR_ITEM ||
		    !verdict_label(t + b->s, b->e - b->s))
			continue;
		/* the label and its list, up to the first block that is no item */
		b->role = MR_CHROME;
		for (i++; i < doc->nblocks && doc->blocks[i].role == MR_ITEM; i++)
			doc->blocks[i].role = MR_CHROME;
		i--;
	}
}

/* ---- credits set as paragraphs --------------------------------------------------------------- */

/* Words a credit's names are joined by ("Getty Images for The Met", "AFP via Getty Images"). */
static int credit_joiner(const char *w, size_t n)
{
	static const char *const joiners[] = { "for", "via", "of", "and", "de", "van", "von", "the",
					       NULL };
	for (const char *const *j = joiners; *j; j++)
		if (strlen(*j) == n && !strncasecmp(w, *j, n))
			return 1;
	return 0;
}

/* Names parted by a slash, nothing else ("Instagram/Dana Reyes", "Jo Hale/Redferns via Getty
 * Images"): every word a capital's or a number's, or a joiner; a slash between two letters;
 * under 80 bytes. */
static int slash_credit(const char *s, size_t n)
{
	if (!n || n >= 80 || !(isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
		return 0;
	int slash = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] != ' ' && s[j] != '/')
			j++;
		/* a word: a capital's, a number's, a joiner, or a name's own mark (O'Neil, Yeon-Je) */
		if (j == i || !(isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
				(unsigned char)s[i] >= 0x80 || credit_joiner(s + i, j - i)))
			return 0;
		for (size_t k = i; k < j; k++)
			if (s[k] == '!' || s[k] == '?' || s[k] == ',' || s[k] == ':' || s[k] == ';')
				return 0;
		if (j < n && s[j] == '/') {
			if (j + 1 >= n || !isalnum((unsigned char)s[j + 1]) || !isalnum((unsigned char)s[j - 1]))
				return 0;
			slash = 1;
			j++;
		}
		i = j;
	}
	return slash;
}

/* An agency's credit alone, without a slash ("Dana Reyes via Getty Images", "Jo Hale - PA Images
 * | Getty Images", "AP Photo"): every word a capital's or a number's, a joiner, or a lone dash
 * or bar between names; a picture word ending it (a line of capitals with "via" in it and no
 * such word, "Their Views Via Windows", is a heading); under 80 bytes. */
static int agency_credit(const char *s, size_t n)
{
	static const char *const pictures[] = { "images", "image", "photo", "photos", "pictures",
						 "photography", NULL };
	if (!n || n >= 80 || !(isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
		return 0;
	int words = 0, last_picture = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		int sep = j - i == 1 && (s[i] == '-' || s[i] == '|');
		if (!sep && !(isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
			      (unsigned char)s[i] >= 0x80 || credit_joiner(s + i, j - i)))
			return 0;
		for (size_t k = i; k < j; k++)
			if (s[k] == '!' || s[k] == '?' || s[k] == ',' || s[k] == ':' || s[k] == ';' || s[k] == '"')
				return 0;
		last_picture = 0;
		for (const char *const *w = pictures; *w && !sep; w++)
			if (strlen(*w) == j - i && !strncasecmp(s + i, *w, j - i))
				last_picture = 1;
		words += !sep;
		i = j;
	}
	return words >= 2 && last_picture;
}

/* A credit's label: "Credit:", "Photo:", "Image:", "Photo by", ... at s (case aside): the bytes
 * it takes, 0 when none. */
static size_t credit_label(const char *s, size_t n)
{
	static const char *const labels[] = { "credit:", "credits:", "photo:", "photos:", "image:",
					      "photograph:", "illustration:", "photo credit:",
					      "image credit:", "photo by ", "photograph by ", NULL };
	for (const char *const *l = labels; *l; l++) {
		size_t k = strlen(*l);
		if (k <= n && !strncasecmp(s, *l, k))
			return k;
	}
	return 0;
}

/* The name a label credits: a few words, no sentence in them (a stop only after a capital, as
 * in "J. Smith" or "U.S."). */
static int credited_name(const char *s, size_t n)
{
	while (n && s[0] == ' ')
		s++, n--;
	if (n < 2 || n > 80)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '!' || s[i] == '?' || (s[i] == '.' && (i == 0 || !isupper((unsigned char)s[i - 1]))))
			return 0;
	return 1;
}

/* A paragraph that is a picture's caption by its credit: it ends with a labelled credit
 * ("... the blaze. (Credit: Dana Reyes)", "A can of cherry filling Credit: Jo Hale"), or ends
 * with a slash credit after a bar (" | Jo Hale/AFP via Getty Images"), or is a slash credit
 * alone ("Instagram/Dana Reyes") or an agency's ("Dana Reyes via Getty Images"). Where the page set the caption without a <figcaption>, in a
 * box beside the picture or after a picture loaded by script, only these words tell it. */
static int credit_caption(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	if (!n || n >= 400)
		return 0;
	/* an archive picture's mark after the credit ("AP Photo/Dana Reyes, File") */
	size_t c = n > 6 && !strncasecmp(s + n - 6, ", file", 6) ? n - 6 : n;
	if (slash_credit(s, c) || agency_credit(s, c))
		return 1;
	/* "(Credit: ...)" closing it */
	if (s[n - 1] == ')') {
		size_t o = n - 1;
		while (o && s[o - 1] != '(' && s[o - 1] != ')')
			o--;
		if (o && s[o - 1] == '(') {
			size_t k = credit_label(s + o, n - 1 - o);
			if (k && credited_name(s + o + k, n - 1 - o - k))
				return 1;
		}
	}
	/* a label or a bar in its last 100 bytes, and only a credit after it */
	for (size_t i = n > 100 ? n - 100 : 0; i < n; i++) {
		if (i && isalnum((unsigned char)s[i - 1]))
			continue;
		size_t k = credit_label(s + i, n - i);
		if (k && credited_name(s + i + k, n - i - k))
			return 1;
		if (s[i] == '|' && i + 2 < n && s[i + 1] == ' ' && slash_credit(s + i + 2, n - i - 2))
			return 1;
	}
	return 0;
}

/* A caption with the label of its show-or-hide button run into its text ("... in London.
 * Chris Jackson/Getty Images hide caption"): a picture's caption whatever else it says. */
static int caption_button(const char *s, size_t n)
{
	static const char *const labels[] = { " hide caption", " toggle caption", NULL };
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	if (n >= 600)
		return 0;
	for (const char *const *l = labels; *l; l++) {
		size_t k = strlen(*l);
		if (n > k && !strncasecmp(s + n - k, *l, k))
			return 1;
	}
	return 0;
}

/* Whether block a's text opens block b's (blanks as they are): a caption said twice, once
 * alone and once with its credit. */
static int opens_block(const char *t, const markup_block *a, const markup_block *b)
{
	size_t an = a->e - a->s;
	return an >= 20 && b->e - b->s > an && !memcmp(t + a->s, t + b->s, an);
}

void html_credit_captions(mk *m, size_t from)
{
	retag(m, from, 0, credit_caption, MR_CAPTION);
	retag(m, from, 0, caption_button, MR_CAPTION);
	/* a paragraph right before or after a caption that opens it: the same caption without
	 * its credit (the page's enlarged view of the picture) */
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		if ((i > from && doc->blocks[i - 1].role == MR_CAPTION && opens_block(t, b, &doc->blocks[i - 1])) ||
		    (i + 1 < doc->nblocks && doc->blocks[i + 1].role == MR_CAPTION &&
		     opens_block(t, b, &doc->blocks[i + 1])))
			b->role = MR_CAPTION;
	}
}

/* ---- signposts to other pages ---------------------------------------------------------------- */

/* The phrase p opening s (case aside, a straight or curly apostrophe alike): the bytes it takes
 * in s, 0 when s does not open with it or goes on in the same word. */
static size_t opens_with(const char *s, size_t n, const char *p)
{
	size_t i = 0, j = 0;
	for (; p[j]; j++) {
		if (p[j] == '\'' && i + 3 <= n && !memcmp(s + i, "\xe2\x80\x99", 3)) {
			i += 3;
			continue;
		}
		if (i >= n || tolower((unsigned char)s[i]) != p[j])
			return 0;
		i++;
	}
	return i < n && isalnum((unsigned char)s[i]) ? 0 : i;
}

/* A line pointing the reader elsewhere ("Also Read: ...", "Read more reviews in our ...",
 * "RELATED CONTENT:", "More From the Site", "Recommended by Our Editors", "Watch: ..."): a
 * signpost's words opening a line under 200 bytes, and then a colon, a dash or a bar after them,
 * or nothing; the reading phrases whatever follows; a short line (five words at most) that ends
 * no sentence after the others. The page's, not the story's. */
static int signpost(const char *s, size_t n)
{
	static const char *const reading[] = { "also read", "read also", "read more", "see also",
					       "must read", "also see", NULL };
	static const char *const pointing[] = { "related", "recommended", "more from", "more on",
						"watch", "listen", "trending", "don't miss", "more:",
						"further reading", NULL };
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	if (!n || n >= 200)
		return 0;
	for (const char *const *p = reading; *p; p++)
		if (opens_with(s, n, *p))
			return 1;
	for (const char *const *p = pointing; *p; p++) {
		size_t k = opens_with(s, n, *p);
		if (!k)
			continue;
		while (k < n && s[k] == ' ')
			k++;
		if (k == n || s[k] == ':' || s[k] == '-' || s[k] == '|' ||
		    (k + 3 <= n && !memcmp(s + k, "\xe2\x80", 2) && (s[k + 2] == '\x93' || s[k + 2] == '\x94')))
			return 1;
		/* a short line of a few words, no sentence ended */
		int words = 1;
		for (size_t i = 0; i < n; i++)
			words += s[i] == ' ';
		char end = s[n - 1];
		if (words <= 5 && end != '.' && end != '!' && end != '?' && end != '"' &&
		    !(n >= 3 && (unsigned char)s[n - 3] == 0xe2))
			return 1;
	}
	return 0;
}

/* A box standing in for an embedded post or player: the embed's own markup shown as text (its
 * fallback code, "<a href=...>", when the page's script did not run: no story writes a tag), or
 * a consent notice in its place, that asks the reader to allow cookies before it shows the
 * content ("... which may be using cookies ... we need your permission"). */
static int embed_stand_in(const char *s, size_t n)
{
	static const char *const tags[] = { "<a href=", "</a>", "<blockquote", "<iframe", NULL };
	static const char *const asks[] = { "permission", "consent", "accept", "allow", NULL };
	static const char *const reader[] = { "you", "your", NULL };
	for (const char *p = s; (p = memchr(p, '<', n - (size_t)(p - s))); p++)
		for (const char *const *g = tags; *g; g++) {
			size_t k = strlen(*g);
			if ((size_t)(s + n - p) >= k && !strncasecmp(p, *g, k))
				return 1;
		}
	if (n >= 800)
		return 0;
	/* the word looked for by its first two letters before any comparison: every
	 * paragraph is looked at */
	int cookies = 0;
	for (size_t i = 0; i + 7 <= n && !cookies; i++)
		cookies = (s[i] | 0x20) == 'c' && (s[i + 1] | 0x20) == 'o' && has_word(s + i, 7, "cookies") &&
			  (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
			  (i + 7 == n || !isalnum((unsigned char)s[i + 7]));
	return cookies && any_word(s, n, asks) && any_word(s, n, reader);
}

/* An ad's label, a scroll prompt, the heading of the page's table of contents, a date's or a
 * share bar's label left without its date or buttons, a prompt's or a list's heading, standing
 * alone between the story's blocks, a paragraph or a heading ("Advertisement", "- Advertising
 * -", "Keep reading", "Story continues below", "In this article", "PUBLISHED:", "| UPDATED:",
 * "Share this:", "Subscribe now!", "Link copied", "Editor's Picks", "Up next"): its whole text,
 * dashes, bars, colons and blanks around it aside. (The contents' links go to the chrome as a
 * list of links.) */
static int ad_label(const char *s, size_t n)
{
	static const char *const labels[] = { "advertisement", "advertising", "ad", "sponsored",
					      "keep reading", "continue reading",
					      "story continues below", "article continues below",
					      "story continues below advertisement",
					      "article continues below advertisement",
					      "scroll to continue", "contents", "table of contents",
					      "in this article", "in this guide", "in this story",
					      "on this page", "jump to", "jump to section", "published",
					      "updated", "last updated", "posted", "share", "share this",
					      "share this article", "share this story", "link copied",
					      "copy link", "subscribe", "subscribe now", "sign up",
					      "sign up now", "log in", "editor's picks", "editors' picks",
					      "editor\xe2\x80\x99s picks", "editors\xe2\x80\x99 picks",
					      "most popular", "most read", "you may also like",
					      "you might also like", "read next", "up next",
					      "what to read next", NULL };
	while (n && !isalnum((unsigned char)s[n - 1]))
		n--;
	while (n && !isalnum((unsigned char)*s))
		s++, n--;
	if (!n || n > 40)
		return 0;
	for (const char *const *l = labels; *l; l++)
		if (strlen(*l) == n && !strncasecmp(s, *l, n))
			return 1;
	return 0;
}

/* A prompt to send the newsroom a tip ("Got a tip? Send it to ...", "Have a news tip?") or to
 * follow a writer or the site on a social network ("Follow Dana on X", "Follow us on
 * Instagram"): a short line, the page's. */
static int reader_prompt(const char *s, size_t n)
{
	static const char *const tips[] = { "got a tip", "have a tip", "got a news tip",
					    "have a news tip", "do you have a tip", NULL };
	static const char *const networks[] = { "twitter", "x", "instagram", "facebook", "threads",
						"tiktok", "linkedin", "bluesky", "mastodon", "youtube",
						NULL };
	if (n >= 160)
		return 0;
	for (const char *const *p = tips; *p; p++)
		if (opens_with(s, n, *p))
			return 1;
	if (n >= 80 || !opens_with(s, n, "follow"))
		return 0;
	/* "on" and a network's name after it */
	for (size_t i = 6; i + 4 <= n; i++)
		if (!strncasecmp(s + i, " on ", 4)) {
			size_t j = i + 4, k = j;
			while (k < n && isalnum((unsigned char)s[k]))
				k++;
			for (const char *const *w = networks; *w; w++)
				if (strlen(*w) == k - j && !strncasecmp(s + j, *w, k - j))
					return 1;
		}
	return 0;
}

void html_signposts(mk *m, size_t from)
{
	/* a prompt set as a list's item too (a writer's box of links) */
	markup_doc *doc = m->doc;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if ((b->role == MR_PARA || b->role == MR_ITEM) &&
		    reader_prompt(m->to.text->buf + b->s, b->e - b->s))
			b->role = MR_CHROME;
	}
	retag(m, from, 1, signpost, MR_CHROME);
	retag(m, from, 0, embed_stand_in, MR_CHROME);
	retag(m, from, 1, ad_label, MR_CHROME);
}

/* ---- the sources after the story ------------------------------------------------------------- */

/* A paragraph opening with a label for the story's sources ("More information: Dana Reyes et
 * al, ...", "Journal reference: ...", "Source: ..."): the label and its colon. */
static int sources_label(const char *s, size_t n)
{
	static const char *const labels[] = { "more information", "further information",
					      "journal reference", "journal information",
					      "reference", "references", "source", "sources",
					      "citation", NULL };
	for (const char *const *l = labels; *l; l++) {
		size_t k = opens_with(s, n, *l);
		if (k && k < n && s[k] == ':')
			return 1;
	}
	return 0;
}

/* A paragraph of the story's own prose: 150 bytes or more with no figure in them. A source's
 * citation names a year, a volume, pages or a DOI. */
static int figureless_prose(const char *s, size_t n)
{
	if (n < 150)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

void html_sources_tail(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t cut = doc->nblocks, back = 0;
	int prose_after = 0; /* paragraphs of prose after the one looked at, before the cut */
	for (size_t i = doc->nblocks; i-- > from && back < 5;) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		back++;
		/* a label found: five paragraphs more before it may open the sources ("More
		 * information: ..." above "Journal information: ..."); a short one with two of
		 * the story's paragraphs after it is a picture's source ("Source: example.org")
		 * among them, the page's line alone */
		if (!sources_label(t + b->s, b->e - b->s))
			;
		else if (b->e - b->s >= 60 || prose_after < 2) {
			cut = i;
			back = 0;
			prose_after = 0;
		} else {
			b->role = MR_CHROME;
			continue;
		}
		prose_after += figureless_prose(t + b->s, b->e - b->s);
	}
	html_chrome_tail(doc, from, cut);
}

/* ---- the readers' comments after the story ---------------------------------------------------- */

/* A comments section's heading: a count and the word ("3 comments", "12 Responses", "Comments
 * (4)", "Comments"), or a call to write one ("Leave a reply", "Join the discussion"); a line
 * under 40 bytes. */
static int comments_heading(const char *s, size_t n)
{
	static const char *const words[] = { "comment", "comments", "response", "responses", "reply",
					     "replies", "reactions", NULL };
	static const char *const calls[] = { "leave a reply", "leave a comment", "add a comment",
					     "post a comment", "join the conversation",
					     "join the discussion", NULL };
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == ':'))
		n--;
	if (!n || n >= 40)
		return 0;
	for (const char *const *c = calls; *c; c++)
		if (opens_with(s, n, *c))
			return 1;
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	int count = i > 0;
	while (i < n && s[i] == ' ')
		i++;
	for (const char *const *w = words; *w; w++) {
		size_t k = opens_with(s + i, n - i, *w);
		if (!k)
			continue;
		size_t j = i + k;
		while (j < n && s[j] == ' ')
			j++;
		/* the word alone, after its count, or before a count in brackets */
		if (j == n && (count || !strncasecmp(*w, "comment", 7)))
			return 1;
		if (!count && j < n && s[j] == '(' && s[n - 1] == ')') {
			size_t d = j + 1;
			while (d < n - 1 && isdigit((unsigned char)s[d]))
				d++;
			return d > j + 1 && d == n - 1;
		}
	}
	return 0;
}

void html_comments_tail(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t paras = 0;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role == MR_PARA)
			paras++;
		if ((b->role != MR_PARA && b->role != MR_SUBHEAD) || paras < 2 ||
		    !comments_heading(t + b->s, b->e - b->s))
			continue;
		/* the heading and what follows it: the readers', not the story's */
		for (size_t k = i; k < doc->nblocks; k++)
			if (doc->blocks[k].role == MR_PARA || doc->blocks[k].role == MR_SUBHEAD ||
			    doc->blocks[k].role == MR_ITEM)
				doc->blocks[k].role = MR_CHROME;
		return;
	}
}

/* ---- numeric date stamps ---------------------------------------------------------------------- */

/* Digits at s[*i..): how many (at most max), *i moved past them. */
static size_t digits(const char *s, size_t n, size_t *i, size_t max)
{
	size_t k = 0;
	while (*i < n && k < max && isdigit((unsigned char)s[*i]))
		(*i)++, k++;
	return k;
}

/* A line that is only a date in figures ("12/22/2023", "22.12.2023 09:45", "12/22/2023 05:00 AM
 * EST"): the page's stamp between the story's blocks, which the dates in words already go to
 * chrome as (html_blocks.c, date_stamp). Day and month are not told apart: nothing is read from
 * it. */
static int numeric_stamp(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
		n--;
	if (n < 8 || n > 40)
		return 0;
	size_t i = 0;
	if (!digits(s, n, &i, 2) || i >= n || (s[i] != '/' && s[i] != '.' && s[i] != '-'))
		return 0;
	char sep = s[i++];
	if (!digits(s, n, &i, 2) || i >= n || s[i++] != sep)
		return 0;
	size_t y = digits(s, n, &i, 4);
	if (y != 2 && y != 4)
		return 0;
	/* then a clock time, a meridiem and a zone, in letters, figures and their marks only */
	for (; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr(" ,:.+-|", s[i]))
			return 0;
	return 1;
}

void html_numeric_stamps(mk *m, size_t from)
{
	retag(m, from, 0, numeric_stamp, MR_CHROME);
}

/* ---- the page's stock disclaimers -------------------------------------------------------------- */

/* A line the page sets under (or over) every story of a kind, saying what the story is not
 * ("The opinions expressed here are the author's", "... do not necessarily reflect the views
 * of ...", "for informational purposes only", "The author does not own shares in ...") or how
 * the site works ("... are editorially independent", "reviewed according to our editorial
 * process", "... is a registered trademark of ..."): short, and in the generic English of such
 * notices, no site's sentence. */
static int stock_disclaimer(const char *s, size_t n)
{
	static const char *const phrases[] = { "opinions expressed", "views expressed",
					       "not necessarily represent", "not necessarily reflect",
					       "informational purposes only", "editorially independent",
					       "editorial process", "editorial policies",
					       "not own shares", "not intended as a substitute",
					       "not a substitute for professional", "registered trademark",
					       NULL };
	return n < 400 && any_word(s, n, phrases);
}

void html_disclaimers(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t paras = paragraphs_from(doc, from);
	/* never the story itself: a disclaimer stands beside a few paragraphs at least */
	if (paras < 4)
		return;
	/* the first three and the last five paragraphs: where a page puts its notices */
	size_t k = 0;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		if ((k < 3 || k + 5 >= paras) && stock_disclaimer(t + b->s, b->e - b->s))
			b->role = MR_CHROME;
		k++;
	}
}

/* ---- the writer's box after the story ---------------------------------------------------------- */

/* A short heading over the writer's box ("About the Author", "ABOUT THE AUTHOR(S)", "About the
 * writers:"): the label, then nothing but a colon, brackets, an "s" and blanks. */
static int about_label(const char *s, size_t n)
{
	static const char *const labels[] = { "about the author", "about the authors",
					      "about the writer", "about the writers",
					      "about the reporter", "about the contributor", NULL };
	while (n && strchr(" \t\n:", s[n - 1]))
		n--;
	if (n >= 40)
		return 0;
	for (const char *const *l = labels; *l; l++) {
		size_t k = opens_with(s, n, *l);
		if (!k)
			continue;
		while (k < n && strchr("()sS ", s[k]))
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

void html_about_tail(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t back = 0;
	for (size_t i = doc->nblocks; i-- > from && back < 8;) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA && b->role != MR_SUBHEAD)
			continue;
		back++;
		if (!about_label(t + b->s, b->e - b->s))
			continue;
		/* never the whole story: two paragraphs at least before the box */
		size_t before = 0;
		for (size_t k = from; k < i; k++)
			before += doc->blocks[k].role == MR_PARA;
		if (before < 2)
			return;
		for (size_t k = i; k < doc->nblocks; k++)
			if (doc->blocks[k].role == MR_PARA || doc->blocks[k].role == MR_SUBHEAD)
				doc->blocks[k].role = MR_CHROME;
		return;
	}
}
