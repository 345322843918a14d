/* Decoding a markup document (lexer/input/markup.h): parsed by the library of its syntax, walked
 * by the form's own file (markup_nitf.c, markup_newsml.c, markup_ninjs.c). */
#include <stdlib.h>
#include <string.h>

#include "lexer/core/diag.h"
#include "lexer/core/text.h"
#include "parser/input/markup_walk.h"

int form_is_markup(cw_form form)
{
	return form == CW_FORM_NITF || form == CW_FORM_NEWSML_G2 || form == CW_FORM_NEWSML ||
	       form == CW_FORM_NINJS || form == CW_FORM_ARTICLE_HTML;
}

static const char *root_names[] = { "nitf", "newsml-g2", "newsml", "ninjs", "html" };

/* Whether the root element is one the form may have (a forced form on another document). */
static int root_fits(cw_form form, const xmlNode *root)
{
	const char *n = (const char *)root->name;
	switch (form) {
	case CW_FORM_NITF: return !strcmp(n, "nitf");
	case CW_FORM_NEWSML_G2: return 1; /* newsItem, packageItem, newsMessage: found inside */
	case CW_FORM_NEWSML: return 1;
	default: return 0;
	}
}

int markup_decode(const char *input, size_t len, cw_form form, decode_out to, decoded *out)
{
	markup_doc *doc = arena_alloc(to.arena, sizeof *doc);
	if (!doc) {
		to.arena->failed = 1;
		text_finish(to.text, len);
		return -1;
	}
	memset(doc, 0, sizeof *doc);
	doc->format = root_names[form - CW_FORM_NITF];
	mk m = { to, doc, input, len, NULL, 0, 0, 0, to.wrap_open, 0 };
	const char *s = input;
	size_t n = len;
	if (n >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		s += 3, n -= 3;
	int rc = 0;
	if (form == CW_FORM_ARTICLE_HTML) {
		/* its byte-order mark is one of its encoding's signs: read by the page's decoder */
		rc = mk_html_page(&m, input, len);
	} else if (form == CW_FORM_NINJS) {
		rc = mk_ninjs(&m, s, n);
	} else {
		static const char *what[] = { "NITF", "NewsML-G2", "NewsML" };
		/* An item cut from a document of several is read inside the document's prolog and
		 * the elements around it (its wrap, on one line before the unit's first: the
		 * parsed text's lines are the unit's). */
		char *whole = NULL;
		if (to.wrap_len) {
			whole = malloc(to.wrap_len + n);
			if (!whole) {
				to.arena->failed = 1;
				text_finish(to.text, len);
				return -1;
			}
			memcpy(whole, to.wrap, to.wrap_open);
			memcpy(whole + to.wrap_open, s, n);
			memcpy(whole + to.wrap_open + n, to.wrap + to.wrap_open, to.wrap_len - to.wrap_open);
			s = whole;
			n += to.wrap_len;
		}
		xmlDoc *x = mk_xml_read(&m, s, n, what[form - CW_FORM_NITF]);
		free(whole);
		xmlNode *root = x ? xmlDocGetRootElement(x) : NULL;
		if (!x) {
			rc = -2;
		} else if (!root || !root_fits(form, root)) {
			diag_in(to.diags, CW_ERROR, "XML_WRONG_ROOT", root ? mk_at(&m, root) : 0,
				"the root element <%s> is not a %s document's", root ? (const char *)root->name : "",
				what[form - CW_FORM_NITF]);
			rc = -2;
		} else if (form == CW_FORM_NITF) {
			mk_nitf(&m, root);
		} else {
			rc = mk_newsml(&m, root, form == CW_FORM_NEWSML_G2);
			if (rc < 0) {
				diag_in(to.diags, CW_ERROR, "XML_NO_ITEM", mk_at(&m, root),
					"no %s in this %s document", form == CW_FORM_NEWSML_G2 ? "newsItem" : "NewsItem",
					what[form - CW_FORM_NITF]);
				rc = -2;
			}
		}
		if (x)
			xmlFreeDoc(x);
	}
	text_finish(to.text, len);
	free(m.lines);
	if (rc == 0)
		mk_finish(&m, out);
	return rc;
}
