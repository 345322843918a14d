/* Detecting the markup forms from the start of the input: an XML document's root element (the
 * declaration, comments and DOCTYPE before it skipped) names NITF (nitf), NewsML-G2 (newsItem,
 * packageItem, or a newsMessage in the G2 namespace) or NewsML 1.2 (NewsML); a JSON object with
 * ninjs's keys is ninjs. A few comparisons on the first bytes: nothing is parsed here. */
#include <string.h>

#include "lexer/input/markup.h"

static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static const char *skip_to(const char *p, const char *lim, const char *lit)
{
	size_t n = strlen(lit);
	for (; (size_t)(lim - p) >= n; p++)
		if (*p == lit[0] && !memcmp(p, lit, n))
			return p + n;
	return NULL;
}

static int name_is(const char *p, const char *lim, const char *name)
{
	size_t n = strlen(name);
	if ((size_t)(lim - p) <= n || memcmp(p, name, n))
		return 0;
	char c = p[n];
	return blank(c) || c == '>' || c == '/';
}

static int one_of(const char *s, size_t n, const char *const *names)
{
	for (; *names; names++)
		if (strlen(*names) == n && !memcmp(s, *names, n))
			return 1;
	return 0;
}

/* The root element's name (prefix dropped) and where its tag ends. */
static cw_form xml_root(const char *p, const char *lim)
{
	for (;;) {
		while (p < lim && blank(*p))
			p++;
		if (p >= lim || *p != '<')
			return CW_FORM_AUTO;
		if (lim - p >= 2 && p[1] == '?') {
			p = skip_to(p + 2, lim, "?>");
		} else if (lim - p >= 4 && !memcmp(p, "<!--", 4)) {
			p = skip_to(p + 4, lim, "-->");
		} else if (lim - p >= 9 && !memcmp(p, "<!DOCTYPE", 9)) {
			/* to its '>' outside the internal subset */
			int depth = 0;
			for (p += 9; p < lim && !(*p == '>' && depth <= 0); p++)
				depth += (*p == '[') - (*p == ']');
			p = p < lim ? p + 1 : NULL;
		} else {
			break;
		}
		if (!p)
			return CW_FORM_AUTO;
	}
	p++;
	const char *name = p;
	while (p < lim && !blank(*p) && *p != '>' && *p != '/') {
		if (*p == ':')
			name = p + 1;
		p++;
	}
	const char *end = memchr(p, '>', (size_t)(lim - p));
	const char *tag_end = end ? end : lim;
	if (name_is(name, lim, "nitf"))
		return CW_FORM_NITF;
	if (name_is(name, lim, "NewsML"))
		return CW_FORM_NEWSML;
	if (name_is(name, lim, "newsItem") || name_is(name, lim, "packageItem"))
		return CW_FORM_NEWSML_G2;
	/* A newsMessage only in the G2 namespace (NewsML-G2's news architecture). */
	if (name_is(name, lim, "newsMessage") && skip_to(p, tag_end, "iptc.org/std/nar/"))
		return CW_FORM_NEWSML_G2;
	return CW_FORM_AUTO;
}

/* A JSON object with ninjs's keys: its id (uri, guid) and one more of its keys, or a headline and
 * a body without an id (keys at any depth: an API's envelope holds the item). A record
 * cablewire wrote as JSON has a headline but neither an id of that name nor a body of these. */
static cw_form json_shape(const char *p, const char *lim)
{
	static const char *const ids[] = { "uri", "guid", NULL };
	static const char *const heads[] = { "headline", "headlines", NULL };
	static const char *const bodies[] = { "body_html", "body_text", "body_xhtml", "bodies", NULL };
	static const char *const others[] = { "versioncreated", "firstcreated", "byline", "by",
					      "located", "subject", "subjects", "slugline",
					      "urgency", "type", "version", "altids",
					      "associations", "renditions", "versionCreated",
					      "firstCreated", "headline", "headlines", "body_html",
					      "body_text", "bodies", NULL };
	int id = 0, head = 0, body = 0, other = 0;
	while (p < lim) {
		p = memchr(p, '"', (size_t)(lim - p));
		if (!p)
			break;
		const char *s = ++p;
		while (p < lim && *p != '"')
			p += *p == '\\' ? 2 : 1;
		if (p >= lim)
			break;
		size_t n = (size_t)(p - s);
		const char *q = p + 1;
		while (q < lim && blank(*q))
			q++;
		p++;
		if (q >= lim || *q != ':')
			continue; /* a value, not a key */
		id += one_of(s, n, ids);
		head += one_of(s, n, heads);
		body += one_of(s, n, bodies);
		other += one_of(s, n, others);
		if ((id && other) || (head && body))
			return CW_FORM_NINJS;
	}
	return CW_FORM_AUTO;
}

cw_form markup_detect(const char *buf, size_t len)
{
	const char *p = buf, *lim = buf + len;
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (p < lim && blank(*p))
		p++;
	if (p < lim && *p == '<')
		return xml_root(p, lim);
	if (p < lim && *p == '[') {
		/* An array of ninjs items: its first member tells. */
		p++;
		while (p < lim && blank(*p))
			p++;
	}
	if (p < lim && *p == '{')
		return json_shape(p, lim);
	return CW_FORM_AUTO;
}
