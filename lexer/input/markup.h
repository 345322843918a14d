/* The agencies' markup forms: NITF 3.x, NewsML-G2, NewsML 1.2 (XML, read with libxml2) and
 * ninjs 1.x-3.x (JSON, read with jansson). They are not lexed: the document is parsed by the
 * library of its syntax and its tree walked (parser/input/markup_*.c). What the walk finds
 * becomes a decoded text like every other form's, one block a line group: the headline, deck
 * lines, byline parts, paragraphs, each set apart by a blank line and mapped to the input offset
 * of its element, and a list of blocks that says what each one is. The article parser reads the
 * blocks (parser/article/article.c), so that bylines, the dateline inside the first paragraph,
 * credits, contributors, attributions and agencies come from the same scanners as for the other
 * news forms. The metadata the formats carry (ids, versions, urgency, subjects, dates) goes to
 * the record's `wire` object. */
#ifndef CW_MARKUP_H
#define CW_MARKUP_H

#include <stddef.h>
#include <stdint.h>

#include "cablewire.h"
#include "lexer/input/forms.h"
#include "lexer/input/split.h"

/* What a block of the decoded text is. */
enum markup_role {
	MR_HEADLINE,   /* hl1, headline, headlines[role main] */
	MR_DECK,       /* hl2 in the head, a sub headline, an abstract without a headline */
	MR_BYLINE,     /* a byline as one line of text ("By A and B, AP Writer") */
	MR_BYNAME,     /* a byline's person, structured: the name as it stands */
	MR_BYTITLE,    /* the title of the byline above (byttl) */
	MR_BYAFFIL,    /* the affiliation of the byline above (byttl/org) */
	MR_BYPART,     /* the title or the affiliation of the byline above, told by its words (a
			* page's box that may hold either: "Globe Correspondent", "Globe Staff") */
	MR_PARA,       /* a paragraph of the body (p, a line group of body_text) */
	MR_SUBHEAD,    /* a subhead inside the body (hl2, h2 in body.content) */
	MR_EDNOTE,     /* an editor's note (ed-msg, ednote) */
	MR_TAGLINE,    /* body.end/tagline: a contributor line (lines parted by <br/>) */
	MR_PHOTO,      /* a picture's caption and credit (NITF media, an XHTML figure, a ninjs
			* picture association): read only for the photo credit it ends with */
	MR_CAPTION,    /* a page's figure caption (figcaption): read for a photo credit after the
	                * parse, never a paragraph */
	MR_CHROME,     /* a page's line around the story (a date, a label, a name alone): chrome */
	MR_ITEM,       /* a page's list item: a paragraph (lists of short items are the story's) */
	MR_BIO         /* a page's paragraph about the writer (it begins with the byline's name) */
};

/* A saved news page's own metadata (article-html): arena strings, NULL when absent. */
typedef struct markup_page {
	const char *url;                /* link rel=canonical, og:url, JSON-LD url */
	const char *site_name;          /* og:site_name, JSON-LD publisher name */
	const char *section;            /* article:section, JSON-LD articleSection */
	const char *language;           /* html lang, JSON-LD inLanguage, content-language */
	const char *description;        /* meta description, og:description */
	const char *published, *modified; /* ISO 8601 when the page says so */
	const char *fetched;            /* the HTTP Date of a crawl (the transport's), NULL for files */
	const char *charset;            /* the encoding the page was read in */
	const char *charset_from;       /* bom, transport, meta, sniff */
	const char *headline_from;      /* json-ld, microdata, og:title, h1, title */
	const char *body_from;          /* json-ld, microdata, article, scoring */
	const char **keywords;
	size_t nkeywords, capkeywords;
} markup_page;

typedef struct markup_block {
	int role;
	size_t s, e;   /* decoded offsets of its text */
} markup_block;

/* What a markup document holds besides its blocks: arena strings, NULL when absent. */
typedef struct markup_doc {
	const char *format;             /* "nitf", "newsml-g2", "newsml", "ninjs", "html" */
	markup_block *blocks;
	size_t nblocks, capblocks;
	/* The format's own dateline element (NITF dateline, G2 dateline/located, ninjs
	 * located): the record's dateline when the first paragraph has none. */
	const char *dateline, *dateline_location, *dateline_date;
	uint64_t dateline_at;           /* input offset of its element */
	const char *item_id;            /* doc-id, guid, uri */
	const char *version;            /* du-key@version, itemMeta version, ninjs version */
	const char *urgency;            /* ed-urg, urgency */
	const char *slugline;           /* du-key@key, slugline */
	const char *created;            /* firstcreated, date.issue (ISO 8601) */
	const char *modified;           /* versioncreated (ISO 8601) */
	const char *provider;           /* the distributor or provider named by the item */
	const char **subjects;          /* subject codes or names, each once */
	/* Written by cablewire (NITF's cablewire.kind meta, a ninjs or NewsML-G2 urn:cablewire:
	 * id): its paragraphs are a record's paragraphs already, read as they are rather than
	 * classified again (a "___" or a by-line-shaped sentence the first parse kept as text
	 * stays text). */
	int own;
	size_t nsubjects, capsubjects;
	/* article-html: the page's metadata, and what was taken out of its text (navigation, share
	 * bars, related lists, prompts), kept for the record's chrome[]. */
	const markup_page *page;
	const char **chrome;
	size_t nchrome, capchrome;
} markup_doc;

/* The markup form the input starts with (its root element and namespace, or a JSON object with
 * ninjs's keys), or CW_FORM_AUTO when it is none of them. Reads the first bytes only. */
cw_form markup_detect(const char *buf, size_t len);
int form_is_markup(cw_form form);

/* Decodes one document. Returns 0; -1 when there is no story in it (form_decode's "no story");
 * -2 when the document was refused or malformed, with the decoder's own located error in
 * to.diags. */
int markup_decode(const char *input, size_t len, cw_form form, decode_out to, decoded *out);

/* Streams of documents: NITF documents back to back (each opening with its XML declaration at
 * the start of a line, as the emitters write them), ninjs objects one after another (JSON Lines,
 * or pretty-printed objects) and the members of a top-level array of them. Same contract as
 * lexer/input/split.h. */
size_t split_xml_documents(split_state *st, const char *buf, size_t len, int finished);
size_t split_json_objects(split_state *st, const char *buf, size_t len, int finished);
/* One XML document's items (NewsML-G2 "newsItem", NewsML 1.2 "NewsItem"; NULL: none) a unit each,
 * and documents back to back as split_xml_documents; see markup_split.c. */
size_t split_xml_items(split_state *st, const char *buf, size_t len, int finished,
		       const char *item);
/* What the unit just cut by split_xml_items is to be read inside: a buffer (malloc) holding
 * *open_len bytes to stand before it (the prolog and its ancestors' start tags, with no line
 * end) and then what stands after it (their end tags), *len bytes in all; NULL when the unit
 * is a document on its own (or out of memory, *len then nonzero). */
char *split_xml_wrap(const split_state *st, size_t *open_len, size_t *len);

#endif
