/* A saved news page (article-html), shared by its files: html_charset.c (which encoding the page
 * is in, and its bytes as UTF-8), html_page.c (parse and assemble), html_meta.c (what the page
 * says of itself: JSON-LD, Open Graph and other <meta> tags, microdata), html_score.c (where the
 * story is: content scoring over the tree), html_blocks.c (the chosen part of the tree turned
 * into the blocks the article parser reads), html_headline.c (the headline and the deck among the
 * page's h1s and titles), html_byline.c (the bylines from the page's most trusted source). */
#ifndef CW_HTML_PAGE_H
#define CW_HTML_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "parser/input/markup_walk.h"

#include "parser/input/html_charset.h"

/* ---- what the page says of itself (html_meta.c) ---- */
enum { HM_MAX_AUTHORS = 16 };
/* Where an author's name comes from, the most trusted first. */
enum html_author_from { HA_JSON_LD = 1, HA_MICRODATA, HA_META, HA_REL };
typedef struct html_meta {
	/* headline candidates */
	const char *ld_alt;                     /* JSON-LD alternativeHeadline */
	const char *ld_headline, *og_title, *tw_title, *title, *md_headline, *dc_title;
	const char *site_name, *publisher;
	const char *ld_body;                    /* JSON-LD articleBody */
	int ld_body_copied;
	const char *authors[HM_MAX_AUTHORS];    /* JSON-LD, microdata, meta author, rel=author */
	unsigned char author_from[HM_MAX_AUTHORS]; /* enum html_author_from */
	int nauthors;
	int authors_structured;                 /* from JSON-LD or microdata (names, not lines) */
	const char *published, *modified;       /* as written */
	const char *page_published;             /* a JSON-LD object of another type's datePublished */
	const char *time_published;             /* the first <time>'s datetime, else its text */
	const char *section, *description, *language, *url;
	const char *keywords_line;              /* meta keywords, news_keywords, JSON-LD keywords */
	int ld_article;                         /* a JSON-LD object of an article type was found */
	xmlNode *md_body;                       /* the element with itemprop=articleBody */
	const xmlNode *md_headline_at;          /* the element with itemprop=headline */
	xmlNode *article;                       /* the page's <article> holding the most text */
} html_meta;
/* Reads the page's metadata: <meta>, <link>, <title>, JSON-LD scripts, microdata. Strings in the
 * arena of m. */
void html_read_meta(mk *m, xmlDoc *doc, html_meta *hm);
/* Whether an element is part of a picture (figure, figcaption, picture): an author named there
 * is the photographer, not the writer. */
int html_in_picture(const xmlNode *n);

/* ---- element classes and texts (html_score.c) ---- */
/* What an element is for the extraction. */
enum html_kind {
	HK_NONE,      /* an ordinary element */
	HK_DROP,      /* never text: script, style, noscript, template, svg, form controls, hidden */
	HK_CHROME,    /* the page's furniture: nav, aside, footer, or a class/id saying share,
	               * related, newsletter, comments, promo, ad, ... */
	HK_CAPTION,   /* figcaption, or a class/id saying caption or credit */
	HK_BYLINE     /* a class/id, rel or itemprop saying author or byline */
};
typedef struct html_stat {
	uint32_t text;    /* bytes of text in the subtree (blanks folded), dropped parts excluded */
	uint32_t link;    /* of which inside <a> */
	uint32_t commas;
	uint32_t stops;   /* sentence ends: . ! ? */
	uint32_t controls; /* form controls in the subtree (input, button, select, textarea) */
	int32_t parent;   /* the parent element's index in the stats, -1 for the root */
	float score;      /* html_main_container: the text the subtree gains as a story */
	float prose;      /* of which the prose's part (the positive values) */
	uint8_t kind;     /* enum html_kind */
	uint8_t inside;   /* 1: in a dropped part, 2: in chrome (itself or an ancestor) */
	uint8_t hidden;   /* hidden (display:none, hidden, sr-only) and holding a <p>: measured */
	uint8_t para;     /* html_main_container: a paragraph-like block (p, li, a div of text
	                   * without boxes ...) counted for its own text */
} html_stat;
typedef struct html_tree {
	xmlNode *root;    /* <html> */
	xmlNode *body;
	html_stat *stats; /* one per element, node->_private points at its entry */
	size_t nstats;
} html_tree;
/* Classifies every element and counts its text; NULL stats when out of memory. */
int html_measure(html_tree *t);
/* Whether a part of the element's class, id, itemprop, data-testid or data-qa (tokens cut at
 * '-', '_' and camelCase humps: "bylineName", "contributor-title") is one of the words
 * (lowercase). */
int html_named(const xmlNode *n, const char *const *words);
static inline html_stat *html_st(const xmlNode *n) { return (html_stat *)n->_private; }
/* Whether outer is n or one of its ancestors. */
static inline int html_holds(const xmlNode *outer, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == outer)
			return 1;
	return 0;
}
/* The element that holds the story: each paragraph-like block (p, li, h1-h6, a div of text
 * ...) counts its text for the story when it reads as prose (long enough, few links, sentence
 * ends), against it when it is furniture (inside chrome, mostly links, short without a
 * sentence end); the element whose subtree sums highest, the deepest on a tie, is the
 * story's. One pass over the elements in reverse document order: linear. The body when nothing
 * counts for a story. */
xmlNode *html_main_container(html_tree *t);

/* ---- the story's own box (html_narrow.c) ---- */
/* The scored container narrowed by the page's structure (see the file's head): the container
 * itself when no rule applies. After html_main_container (it reads the scores). */
xmlNode *html_narrow(html_tree *t, xmlNode *container);

/* ---- a story cut in two (html_continued.c) ---- */
/* The boxes continuing the container's story after it (an ad between the halves): later
 * boxes of the container's own element and class, beside it or beside one of its near
 * ancestors, with only prose-less boxes between; at most cap into out, in document order.
 * After html_main_container (it reads the scores). */
size_t html_continued(xmlNode *container, xmlNode *body, xmlNode **out, size_t cap);

/* ---- blocks (html_blocks.c) ---- */
typedef struct html_text {
	char *buf;
	size_t n, cap;
} html_text;
/* The element's text, blanks as they are (mk_block folds them), dropped parts left out, a
 * space for <br>; buf reused between calls. */
void html_collect(html_text *b, const xmlNode *n);
/* The story's blocks from the container: paragraphs, subheads, list items, quotes as blocks;
 * chrome to the doc's chrome list; captions as MR_CAPTION blocks. headline: the headline's
 * text, to leave out an h1 repeating it. */
void html_emit_body(mk *m, xmlNode *container, const char *headline, html_text *b);
/* The same for one element taken as a whole (a sibling of the container: a <p>, a box). */
void html_emit_node(mk *m, xmlNode *n, const char *headline, html_text *b);
/* The story's numbered notes after its text ("[1] ..."), a run of two or more and the short
 * heading over them, from block from on: the page's (chrome). html_emit_body does it for its
 * own blocks; again over the whole story once a writer's box after the notes is out. */
void html_notes_tail(mk *m, size_t from);
/* Adds s to the doc's chrome list (folded, each text once). */
void html_chrome(mk *m, const char *s, size_t n);
/* The story's paragraphs from block cut on (from the blocks after from) become chrome, when
 * two paragraphs at least stay before cut: a page's tail (contact line, sources), never the
 * whole story. Nothing when cut is the end. */
void html_chrome_tail(markup_doc *doc, size_t from, size_t cut);
/* The input offset of an element, found after the previous one (blocks come in order). */
uint64_t html_at(mk *m, const xmlNode *n);

/* ---- the page's notes among the story's blocks (html_notes.c) ---- */
/* From block from on: among the first two or the last two paragraphs, an editor's note ("Editor's
 * note: ...", a correction: "Correction: ...", "An earlier version of this story ...") is the
 * record's ednote, and a short one that says where the story first appeared
 * ("This article originally appeared on ...") the page's (chrome). */
void html_reprint_notes(mk *m, size_t from);
/* From block from on: a heading that is only "Pros" or "Cons" with the list items right after
 * it, a review's verdict box (the product's points in a few words each, not the story's
 * sentences), is the page's (chrome). */
void html_verdict_lists(mk *m, size_t from);
/* From block from on: a paragraph that is a picture's caption by the credit it ends with ("...
 * (Credit: Dana Reyes)", "... | Jo Hale/AFP via Getty Images") or a slash credit alone
 * ("Instagram/Dana Reyes") is a caption (MR_CAPTION: read for its photo credit). */
void html_credit_captions(mk *m, size_t from);
/* From block from on: a short line pointing the reader elsewhere ("Also Read: ...", "RELATED
 * CONTENT:", "More From the Site") is the page's (chrome), and so are an embed's stand-in (its
 * markup shown as text, or a notice asking the reader to allow cookies to see it) and an ad's
 * label or a scroll prompt alone ("Advertisement", "Keep reading"); a prompt to send a tip or
 * to follow the writer on a social network, a list's item too ("Follow Dana on X"). */
void html_signposts(mk *m, size_t from);
/* From block from on: one of the story's last five paragraphs (a page's copyright and agency
 * lines among them) opening with a label for its sources ("More information:", "Journal
 * reference:", "Source:") and the paragraphs after it (a call for readers' submissions) are the
 * page's (chrome); a short one followed by two paragraphs of figureless prose (the story going
 * on after a picture's "Source: example.org") is chrome alone. */
void html_sources_tail(mk *m, size_t from);
/* From block from on, after two paragraphs of the story at least: a comments section's heading
 * ("3 comments", "Comments (4)", "Leave a reply") and everything after it are the readers'
 * (chrome). */
void html_comments_tail(mk *m, size_t from);
/* From block from on: a paragraph that is only a date in figures ("12/22/2023 05:00 AM EST") is
 * the page's stamp (chrome). */
void html_numeric_stamps(mk *m, size_t from);

/* From block from on: among the first three and the last five paragraphs, a short one in the
 * words of a page's stock disclaimer ("The opinions expressed here are the author's", "...
 * editorially independent", "for informational purposes only") is the page's (chrome). */
void html_disclaimers(mk *m, size_t from);

/* From block from on: a short heading "About the author" (or authors, writer, reporter) among
 * the last eight paragraphs and subheads, and everything after it (the writer's name, title and
 * bio), are the page's (chrome), when two paragraphs at least stand before it. */
void html_about_tail(mk *m, size_t from);

/* ---- links (html_links.c) ---- */
/* Whether every link in top's subtree (one at least) leads off the page's site, whose address
 * is page_url (the canonical URL; 0 without one): a shop's or a source's link, not the site's
 * own furniture. */
int html_offsite_links(const xmlNode *top, const char *page_url);

/* ---- bylines (html_byline.c) ---- */
/* The page's byline lines as blocks for the article parser's byline scanner: the JSON-LD
 * authors, else the microdata's, else the page's byline element, else the meta author, else
 * the rel=author links. h1, the story's heading (or NULL): a "By" line in a box of furniture
 * holding it is the story's own. */
int html_bylines(mk *m, const html_meta *hm, xmlNode *container, xmlNode *body,
		 const xmlNode *h1, html_text *b);
/* After the page's bylines (html_bylines gave 1): the story's paragraphs from block from on
 * that are a "By Name" line again are left out (the bylines say them). */
void html_byline_echoes(mk *m, size_t from);

/* ---- headline and deck (html_headline.c) ---- */
/* The page's headline (see the file's head): an arena string, NULL when the page has none; *at
 * the h1 it stands in (or the story's h1), *from where it comes from (h1, json-ld, og:title,
 * ...). b: a text buffer to reuse. */
const char *html_headline(mk *m, const html_meta *hm, const html_tree *t, xmlNode *container,
			  html_text *b, xmlNode **at, const char **from);
/* The headline's length less a trailing media marker in brackets, which says what the page holds
 * beside the story rather than what happened ("... from 19 million miles away (video)",
 * "[PHOTOS]"). */
size_t html_headline_len(const char *headline);
/* The deck after the headline's block: the visible standfirst after the h1 (an element whose
 * class, id or itemprop says dek, deck, standfirst, subtitle, subheadline, strapline,
 * alternativeHeadline, or an h2 beside the h1), else JSON-LD alternativeHeadline; NULL when
 * none. */
const char *html_deck(mk *m, const html_meta *hm, xmlNode *h1, const char *headline,
		      html_text *b, xmlNode *body);
/* The story's first block from block from on that is the deck again (the standfirst inside the
 * story's box) is left out: the deck is said once. */
void html_deck_echo(mk *m, size_t from, const char *deck);
/* Whether two strings have the same words (letters and digits, lowercased: "The Site" and
 * "the-site", curly and straight quotes alike). */
int html_same_words(const char *a, const char *b);
/* Whether a byline line is names only: its parts between ", " and " and " each two to four
 * words that begin with a capital ("Chris E. Hayner"), or one word in capitals (an agency,
 * "CNN"); not "Tom Caswell on", "Leon Hurley last updated", "ESPNDec". (html_byline.c) */
int html_names_only(const char *s);
/* The length of the name at p in such a line, up to a comma (blanks after it) or " and "; the
 * separator's length in *skip (0 at the line's end). */
size_t html_name_part(const char *p, size_t *skip);
/* The words of s[0..n) as blanks part them (a run of blanks one break). */
int html_count_words(const char *s, size_t n);

#endif
