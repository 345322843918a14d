/* The page's notes among the story's blocks, told by what they say and where they stand (the
 * words are generic English of such notes, no site's sentence): a reprint note at the story's
 * edges ("This article originally appeared on ..."), a review's pros and cons lists. Each rule
 * looks at each block once, a short block's bytes a bounded number of times: linear. */
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
static int editors_note(const char *s, size_t n)
{
	return n > 14 && !strncasecmp(s, "editor", 6) &&
	       (!strncasecmp(s + 6, "'s note", 7) || !strncasecmp(s + 6, "\xe2\x80\x99s note", 9));
}

void html_reprint_notes(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t paras = 0;
	for (size_t i = from; i < doc->nblocks; i++)
		paras += doc->blocks[i].role == MR_PARA;
	/* never the story itself: a note stands beside a few paragraphs at least */
	if (paras < 4)
		return;
	/* the first two and the last two paragraphs: where a page puts such a note */
	size_t k = 0;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *b = &doc->blocks[i];
		if (b->role != MR_PARA)
			continue;
		if ((k < 2 || k + 2 >= paras) && reprint_note(t + b->s, b->e - b->s))
			b->role = editors_note(t + b->s, b->e - b->s) ? MR_EDNOTE : MR_CHROME;
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
