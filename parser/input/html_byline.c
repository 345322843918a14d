/* A saved page's bylines. The names come from one source, the most trusted the page has: its
 * JSON-LD authors (persons: an author of type Organization is the publisher), else its
 * microdata authors, else the visible byline element (of the story's box, else the page's
 * first), else the meta author, else the rel=author links. Each becomes a byline line for the
 * article parser's byline scanner, as a text article's "By" line does: "A, B and C" are three
 * bylines, "Jane Doe, Reuters" a name and an affiliation, "TMZ Staff" an organisation's. Here
 * only what the page wraps around a name goes: blanks (no-break spaces too), a label before it
 * ("View all posts by", "Author:"), what follows a " | " (an affiliation, an e-mail, a label),
 * the date the element runs on into. A structured source's name that the page shows only after
 * another role ("Photography by", "Edited by", "With contributions from") is that role's, not
 * a writer's: it goes to the chrome. The visible byline takes the structured names' place
 * when it holds each of them and names more, and only names ("By A and B on December 21" where
 * the JSON-LD lists A), or names them with the title it shows ("A, General Editor"). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parser/input/html_page.h"

enum { BYLINE_CAP = 512 };

static int blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* s without blanks around it, no-break spaces made spaces, into d (BYLINE_CAP); its length. */
static size_t trimmed(const char *s, size_t n, char *d)
{
	size_t w = 0;
	for (size_t i = 0; i < n && w + 1 < BYLINE_CAP; i++) {
		int sp = blank((unsigned char)s[i]);
		if ((unsigned char)s[i] == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			sp = 1;
			i++;
		}
		if (!sp)
			d[w++] = s[i];
		else if (w && d[w - 1] != ' ')
			d[w++] = ' ';
	}
	while (w && d[w - 1] == ' ')
		w--;
	d[w] = '\0';
	return w;
}

/* Whether the word at p (to its end) is a month's name, whole or cut to three letters ("Dec",
 * "Dec.", "December"): a date the byline runs on into. */
static int month_word(const char *p)
{
	static const char *const months[] = { "January", "February", "March", "April", "May",
					      "June", "July", "August", "September", "October",
					      "November", "December", NULL };
	size_t n = strlen(p);
	if (n && p[n - 1] == '.')
		n--;
	for (int i = 0; months[i]; i++)
		if ((n == 3 || n == strlen(months[i]) || (n == 4 && i == 8)) && !strncmp(p, months[i], n))
			return 1;
	return 0;
}

static const char *find_ci(const char *s, const char *what)
{
	size_t k = strlen(what);
	for (; *s; s++)
		if (!strncasecmp(s, what, k))
			return s;
	return NULL;
}

static int has_letter(const char *s)
{
	for (; *s; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (unsigned char)*s >= 0xc0)
			return 1;
	return 0;
}

/* A part after " | " that says who the writer works for: not an address, not one word in
 * lower case ("Sponsored"). */
static int affiliation_like(const char *s)
{
	if (strchr(s, '@') || strstr(s, "://") || strstr(s, "www.") || !has_letter(s))
		return 0;
	if (strchr(s, ' '))
		return 1;
	for (const char *p = s + 1; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			return 0;
	return 1;
}

/* Whether the words after a name's comma are a job's title, not more names: a word that names
 * a post ("Chief Technology Officer and Head of Reality Labs", "Senior Editor"). */
static int title_like(const char *s)
{
	static const char *const posts[] = { "Chief", "Officer", "Head", "Director", "President",
					     "Editor", "Writer", "Correspondent", "Reporter",
					     "Manager", "Founder", "Co-founder", "CEO", "Professor",
					     "Fellow", "Columnist", "Analyst", "Chair", "Chairman",
					     "Partner", "Producer", "Contributor", NULL };
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ,");
		for (int i = 0; posts[i]; i++)
			if (k == strlen(posts[i]) && !strncmp(p, posts[i], k))
				return 1;
		p += k;
		while (*p == ',')
			p++;
	}
	return 0;
}


/* Whether a word is a site's name written as its address: "NASCAR.com", "Dailymail.co.uk". */
static int web_name(const char *w)
{
	static const char *const ends[] = { ".com", ".org", ".net", ".co.uk", ".news", ".io", NULL };
	size_t n = strlen(w);
	for (int i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k + 1 && !strcasecmp(w + n - k, ends[i]))
			return 1;
	}
	return 0;
}

/* One byline line of the page. 0 when it names nobody. */
static int byline_line(mk *m, const html_meta *hm, const char *s, size_t n, uint64_t at)
{
	char d[BYLINE_CAP];
	n = trimmed(s, n, d);
	char *p = d;
	/* a label before the name */
	if (!strncasecmp(p, "authors:", 8) || !strncasecmp(p, "author:", 7))
		p = strchr(p, ':') + 1;
	char *by = (char *)find_ci(p, " by ");
	if (by && !find_ci(by + 4, " by "))
		p = by + 4;
	while (*p == ' ')
		p++;
	if (!strncasecmp(p, "published", 9) || !strncasecmp(p, "updated", 7) ||
	    !strncasecmp(p, "posted", 6) || !has_letter(p) || !strncmp(p, "http", 4))
		return 0;
	/* a date label run into the name ("Courtney CarrPublished: December") */
	static const char *const labels[] = { "Published", "Updated", "Posted", NULL };
	for (int i = 0; labels[i]; i++) {
		char *l = strstr(p, labels[i]);
		if (l && l > p)
			*l = '\0';
	}
	/* what follows a separator: an affiliation, an address, a label, a date */
	static const char *const bars[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
					    " \xe2\x80\xa2 ", " / ", NULL };
	const char *tail = NULL;
	for (int i = 0; bars[i]; i++) {
		char *bar = strstr(p, bars[i]);
		if (bar) {
			*bar = '\0';
			if (i == 0) {
				tail = bar + 3;
				while (*tail == ' ')
					tail++;
			}
		}
	}
	/* a writer's note of one sentence: "Jane Doe is a fellow at the Institute." */
	static const char *const verbs[] = { " is ", " was ", " writes ", " has ", " covers ", NULL };
	for (int i = 0; verbs[i]; i++) {
		char *v = strstr(p, verbs[i]);
		int k = v ? html_count_words(p, (size_t)(v - p)) : 0;
		if (k >= 2 && k <= 4 && *p >= 'A' && *p <= 'Z')
			*v = '\0';
	}
	/* a handle run into the name or after it ("Karen Gilchrist@_kgilchrist", "Name @name") */
	char *handle = strchr(p, '@');
	if (handle == p)
		return 0;
	if (handle)
		*handle = '\0';
	/* "Name For Outlet", "Name for the Daily Mail": who the writer works for, when a name of
	 * two to four words comes before it */
	char *outlet = (char *)find_ci(p, " for ");
	int before = outlet ? html_count_words(p, (size_t)(outlet - p)) : 0;
	if (outlet && !tail && before >= 2 && before <= 4 &&
	    ((outlet[5] >= 'A' && outlet[5] <= 'Z') || !strncmp(outlet + 5, "the ", 4))) {
		*outlet = '\0';
		tail = outlet + 5;
	}
	/* a site's address after the name ("Zack Albert NASCAR.com") */
	char *last = strrchr(p, ' ');
	if (last && !tail && html_count_words(p, (size_t)(last - p)) >= 2 && web_name(last + 1)) {
		*last = '\0';
		tail = last + 1;
	}
	n = strlen(p);
	/* a trailing month's name and the "on" or "at" before it, and what is no part of a name
	 * (" +", " /") */
	for (;;) {
		while (n && !((p[n - 1] >= 'A' && p[n - 1] <= 'Z') || (p[n - 1] >= 'a' && p[n - 1] <= 'z') ||
			      (p[n - 1] >= '0' && p[n - 1] <= '9') || p[n - 1] == '.' || p[n - 1] == ')' ||
			      (unsigned char)p[n - 1] >= 0x80))
			n--;
		p[n] = '\0';
		size_t w = n;
		while (w && p[w - 1] != ' ')
			w--;
		if (!w || !(month_word(p + w) || !strcmp(p + w, "on") || !strcmp(p + w, "at")))
			break;
		n = w;
	}
	char name[BYLINE_CAP];
	memcpy(name, p, n);
	name[n] = '\0';
	if (!has_letter(name))
		return 0;
	/* the site's or the publisher's own name is no person: the byline says the organisation
	 * (kept for the article parser's byline scanner when it reads "By X" as one) */
	const char *names[] = { hm->site_name, hm->publisher };
	for (int i = 0; i < 2; i++)
		if (names[i] && html_same_words(name, names[i]))
			return 1;
	/* "Name, Chief Technology Officer and Head of Labs": the name and its title */
	char *comma = strstr(name, ", ");
	if (comma && title_like(comma + 2)) {
		mk_block(m, MR_BYLINE, name, (size_t)(comma - name), at);
		mk_block(m, MR_BYTITLE, comma + 2, strlen(comma + 2), at);
		return 1;
	}
	mk_block(m, MR_BYLINE, name, n, at);
	if (tail && affiliation_like(tail))
		mk_block(m, MR_BYAFFIL, tail, strlen(tail), at);
	return 1;
}

/* The element's one link of a name's length, NULL when it has none or several. */
static xmlNode *one_link(xmlNode *n)
{
	xmlNode *found = NULL;
	for (xmlNode *a = n; a; a = mk_next(n, a, a->type == XML_ELEMENT_NODE && a->children))
		if (a->type == XML_ELEMENT_NODE && !strcmp((const char *)a->name, "a") && a->_private &&
		    html_st(a)->text >= 3 && html_st(a)->text <= 60) {
			if (found)
				return NULL;
			found = a;
		}
	return found;
}

static int role_before(const char *t, size_t at, size_t *from, size_t *len);

/* Whether a link leads to a writer's page: rel=author, or a path with a segment naming one
 * ("/author/jane-doe", "/person/j/jane-doe", "/personalities/...", "/staff/"). */
static int author_href(const xmlNode *a)
{
	static const char *const paths[] = { "/author/", "/authors/", "/person/", "/people/",
					     "/personalities/", "/staff/", "/profile/", "/profiles/",
					     "/contributor/", "/contributors/", "/writer/", "/writers/",
					     "/journalist/", "/journalists/", NULL };
	for (const xmlAttr *at = a->properties; at; at = at->next) {
		if (!at->children || !at->children->content)
			continue;
		const char *v = (const char *)at->children->content;
		if (!strcasecmp((const char *)at->name, "rel") && find_ci(v, "author"))
			return 1;
		if (strcasecmp((const char *)at->name, "href"))
			continue;
		for (int i = 0; paths[i]; i++)
			if (strstr(v, paths[i]))
				return 1;
	}
	return 0;
}

/* Whether a link's text may be a name: no digit, and none of the words an author page's other
 * links say ("View Author Archive", "Get author RSS feed", "See full bio", "More stories"). */
static int name_shaped(const char *s)
{
	static const char *const words[] = { "author", "authors", "archive", "rss", "feed", "bio",
					     "view", "more", "posts", "articles", "stories", "follow",
					     "profile", "email", "contact", "see", NULL };
	for (const char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9')
			return 0;
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		for (int i = 0; words[i]; i++)
			if ((size_t)(p - w) == strlen(words[i]) && !strncasecmp(w, words[i], (size_t)(p - w)))
				return 0;
	}
	return 1;
}

/* The last words of a byline element's text read so far, kept as its nodes are walked in
 * order: one blank between two elements' texts ("Dunlop" "Contributions from"). */
typedef struct said {
	char text[64];
	size_t n;
} said;

static void say_text(said *w, const xmlNode *a)
{
	enum { CAP = sizeof w->text };
	if (a->type != XML_TEXT_NODE || !a->content)
		return;
	if (w->n && w->n < CAP - 1 && w->text[w->n - 1] != ' ')
		w->text[w->n++] = ' ';
	size_t k = strlen((const char *)a->content);
	if (k >= CAP - 1) {
		memcpy(w->text, a->content + k - (CAP - 1), CAP - 1);
		w->n = CAP - 1;
	} else {
		if (w->n + k >= CAP) {
			size_t drop = w->n + k - (CAP - 1);
			memmove(w->text, w->text + drop, w->n - drop);
			w->n -= drop;
		}
		memcpy(w->text + w->n, a->content, k);
		w->n += k;
	}
	w->text[w->n] = '\0';
}

/* Whether what was said last is a role of another's ("Contributions from", "Edited by"). */
static int after_role(const said *w)
{
	size_t from, len;
	return role_before(w->text, w->n, &from, &len);
}

/* The names of the element's links to writers' pages, "A and B" (a photo link and a name link
 * to the same page are one, a link that says no name is skipped), when there are such links:
 * what the element says beside them (the outlet, "published", a handle, a title in a box of
 * its own) is not the name, nor is a link after another role ("Contributions from"). 0 when
 * the element has none. */
static int author_links(xmlNode *n, html_text *b, char *out, size_t cap)
{
	size_t len = 0;
	int found = 0;
	said w = { "", 0 };
	for (xmlNode *a = n; a; a = mk_next(n, a, a->type == XML_ELEMENT_NODE && a->children)) {
		say_text(&w, a);
		if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "a") ||
		    !author_href(a) || after_role(&w))
			continue;
		html_collect(b, a);
		char name[BYLINE_CAP];
		size_t k = b->n < sizeof name ? trimmed(b->buf, b->n, name) : 0;
		if (!k)
			continue; /* a photo's link: no text */
		if (k < 3 || k > 60 || !has_letter(name) || !name_shaped(name))
			continue; /* the page's other link, "Get author RSS feed" */
		if (found && find_ci(out, name))
			continue;
		if (len + k + 6 >= cap)
			return 0;
		if (found) {
			memcpy(out + len, " and ", 5);
			len += 5;
		}
		memcpy(out + len, name, k);
		len += k;
		out[len] = '\0';
		found++;
	}
	return found ? (int)len : 0;
}

static const char *const name_parts[] = { "name", "authorname", NULL };
static const char *const title_parts[] = { "title", "position", "jobtitle", "role", NULL };
static const char *const affil_parts[] = { "affiliation", "organization", "organisation", NULL };

/* The first element under n (not n) named so, outside skip, after skip when after is set;
 * NULL when none. */
static xmlNode *part_named(xmlNode *n, const char *const *words, xmlNode *skip, int after)
{
	for (xmlNode *a = after ? mk_next(n, skip, 0) : mk_next(n, n, 1); a;) {
		int descend = a->type == XML_ELEMENT_NODE && a->children && a != skip;
		if (a->type == XML_ELEMENT_NODE && a != skip && html_named(a, words))
			return a;
		a = mk_next(n, a, descend);
	}
	return NULL;
}

/* One named part's text, trimmed of blanks and of the commas and bars around it; its length. */
static size_t part_text(html_text *b, const xmlNode *n, char *d)
{
	html_collect(b, n);
	size_t k = b->n < BYLINE_CAP ? trimmed(b->buf, b->n, d) : 0;
	while (k && (d[k - 1] == ',' || d[k - 1] == '|' || d[k - 1] == ' '))
		d[--k] = '\0';
	return k;
}

/* A byline element whose parts say what they are: a name in a box named "name"
 * ("bylineName", "contributor-name", itemprop name), beside a title ("contributor-title",
 * "position", itemprop jobTitle) or an affiliation in boxes of their own. Their texts run
 * together in the element's ("Monica Torres HuffPost Writer"), so each is read alone. 0 when
 * the element has no named name, or the name is no name's length. */
static int named_parts(mk *m, const html_meta *hm, xmlNode *n, html_text *b)
{
	char name[BYLINE_CAP], other[BYLINE_CAP], title[BYLINE_CAP], affil[BYLINE_CAP];
	size_t k = 0;
	int names = 0;
	xmlNode *who = NULL;
	said w = { "", 0 };
	/* each box named so, read alone, in order: "A and B"; not one after another's role */
	for (xmlNode *a = mk_next(n, n, 1); a && names < 8;) {
		int descend = a->type == XML_ELEMENT_NODE && a->children;
		say_text(&w, a);
		/* a name box holding name boxes ("author-names", or "author-name" around the
		 * name's "author-name__link" and a "pro-label"): each inner one is read alone */
		if (a->type == XML_ELEMENT_NODE && html_named(a, name_parts) &&
		    !part_named(a, name_parts, NULL, 0)) {
			descend = 0;
			size_t ok = part_text(b, a, other);
			int role = after_role(&w);
			for (xmlNode *t = mk_next(a, a, 1); t; t = mk_next(a, t, t->children != NULL))
				say_text(&w, t);
			if (ok >= 3 && ok <= 60 && has_letter(other) && name_shaped(other) && !role &&
			    !(names && find_ci(name, other)) && k + ok + 6 < sizeof name) {
				if (names) {
					memcpy(name + k, " and ", 5);
					k += 5;
				} else {
					who = a;
				}
				memcpy(name + k, other, ok + 1);
				k += ok;
				names++;
			}
		}
		a = mk_next(n, a, descend);
	}
	/* a name box holding the title too ("By <a>Name</a><span class=author-title>...") is
	 * not the name alone */
	if (!names || part_named(who, title_parts, NULL, 0))
		return 0;
	/* the title and affiliation beside the name: in the nearest box around it holding one,
	 * three boxes up at most */
	xmlNode *what = NULL, *where = NULL;
	int level = 0;
	for (xmlNode *up = who->parent; names == 1 && up && up != n->parent && level < 3 && !what;
	     up = up->parent, level++)
		what = part_named(up, title_parts, who, 0);
	level = 0;
	for (xmlNode *up = who->parent; names == 1 && up && up != n->parent && level < 3 && !where;
	     up = up->parent, level++)
		where = part_named(up, affil_parts, who, 0);
	if (what && (mk_name_in(what, (const char *const[]){ "h1", "h2", "h3", NULL }) ||
		     part_named(what, name_parts, NULL, 0)))
		what = NULL; /* the story's headline, or a box holding names */
	size_t tk = what ? part_text(b, what, title) : 0;
	size_t ak = where ? part_text(b, where, affil) : 0;
	size_t before = m->doc->nblocks;
	uint64_t at = html_at(m, n);
	if (!byline_line(m, hm, name, k, at) || names > 1 || m->doc->nblocks != before + 1)
		return m->doc->nblocks > before;
	/* a label ("Updated:" in the date's "author-date__title") is not the writer's title */
	if (tk && tk <= 80 && has_letter(title) && !find_ci(title, name) && title[tk - 1] != ':')
		mk_block(m, MR_BYTITLE, title, tk, at);
	if (ak && ak <= 80 && has_letter(affil) && !find_ci(affil, name))
		mk_block(m, MR_BYAFFIL, affil, ak, at);
	return 1;
}

/* Where the name starts in s[0..n) when s opens with a byline's label and a blank: "By", and
 * the writer's other labels, "Written by", "Words by", "Story by"; 0 when it does not. */
static size_t by_label(const char *s, size_t n)
{
	static const char *const labels[] = { "written", "words", "story", NULL };
	size_t i = 0;
	for (int l = 0; labels[l]; l++) {
		size_t k = strlen(labels[l]);
		if (n > k && !strncasecmp(s, labels[l], k) && blank((unsigned char)s[k])) {
			for (i = k; i < n && blank((unsigned char)s[i]);)
				i++;
			break;
		}
	}
	if (i + 3 > n || (s[i] | 0x20) != 'b' || s[i + 1] != 'y' || !blank((unsigned char)s[i + 2]))
		return 0;
	for (i += 2; i < n && blank((unsigned char)s[i]);)
		i++;
	return i;
}

/* Whether the first extra bytes of s, a byline element's text, are a "By" label alone ("By",
 * "by:", blanks around): the rest is the writer's link. */
static int by_label_only(const char *s, size_t extra)
{
	size_t i = 0;
	while (i < extra && blank((unsigned char)s[i]))
		i++;
	if (i + 2 > extra || (s[i] | 0x20) != 'b' || (s[i + 1] | 0x20) != 'y')
		return 0;
	for (i += 2; i < extra; i++)
		if (!blank((unsigned char)s[i]) && s[i] != ':')
			return 0;
	return 1;
}

/* Whether line, names only, names each name of linked ("A and B") and more besides. */
static int names_beside(const char *line, const char *linked)
{
	if (!html_names_only(line) || strlen(line) <= strlen(linked))
		return 0;
	char one[BYLINE_CAP];
	for (const char *p = linked; *p;) {
		size_t skip, k = html_name_part(p, &skip);
		if (k >= sizeof one)
			return 0;
		memcpy(one, p, k);
		one[k] = '\0';
		if (k && !strstr(line, one))
			return 0;
		p += k + skip;
	}
	return 1;
}

/* A byline element whose writer's title or affiliation has a box of its own and the name none
 * ("<span>By</span><span>Dave Roe</span><span class=affiliation>Globe Correspondent,</span>"):
 * the name is the element's text before that box, its "By" label left out. With linked (the
 * names of the element's links to writers' pages), only when that text names each of them and
 * more, names only ("By <a>A</a> and B Globe Staff": B has no page of the site's). */
static int name_before_part(mk *m, const html_meta *hm, xmlNode *n, html_text *b,
			    const char *linked)
{
	xmlNode *what = part_named(n, title_parts, NULL, 0);
	xmlNode *where = part_named(n, affil_parts, NULL, 0);
	if (!what == !where)
		return 0; /* neither, or both (their order would need telling) */
	char part[BYLINE_CAP], name[BYLINE_CAP];
	size_t pk = part_text(b, what ? what : where, part);
	if (pk < 2 || pk > 80 || !has_letter(part))
		return 0;
	/* the text nodes before the box, in order, blanks between them */
	char before_box[BYLINE_CAP];
	size_t bk = 0;
	xmlNode *box = what ? what : where;
	for (xmlNode *a = mk_next(n, n, 1); a && a != box;
	     a = mk_next(n, a, a->children && !(a->_private && html_st(a)->kind == HK_DROP))) {
		if (a->type != XML_TEXT_NODE || !a->content)
			continue;
		size_t k = strlen((const char *)a->content);
		if (bk + k + 2 >= sizeof before_box)
			return 0;
		before_box[bk++] = ' ';
		memcpy(before_box + bk, a->content, k);
		bk += k;
	}
	size_t nk = trimmed(before_box, bk, name), from = by_label(name, nk);
	while (nk && (name[nk - 1] == ',' || name[nk - 1] == '|' || name[nk - 1] == ' '))
		name[--nk] = '\0';
	if (nk < from + 3 || nk - from > (linked ? 120 : 60) || !name_shaped(name + from) ||
	    (linked && !names_beside(name + from, linked)))
		return 0;
	size_t before = m->doc->nblocks;
	uint64_t pos = html_at(m, n);
	if (!byline_line(m, hm, name + from, nk - from, pos))
		return 0;
	/* an affiliation box may say a role ("Globe Correspondent"): the article parser tells
	 * which by its words, as in a text's "Name, Globe Correspondent" */
	if (m->doc->nblocks == before + 1 && !linked && !(pk > 4 && !strcmp(part + pk - 4, " and")))
		mk_block(m, what ? MR_BYTITLE : MR_BYPART, part, pk, pos);
	return 1;
}

/* The length of the text of the element's last element (a child, or the last child's, and so
 * down) when it is a date or a time (a <time>, a box named date, time, timestamp or published)
 * and nothing but blanks follows it; else 0. */
static size_t stamp_len(const xmlNode *n, html_text *b)
{
	static const char *const stamp_words[] = { "date", "time", "timestamp", "published",
						   "pubdate", "dateline", NULL };
	for (int depth = 0; n && depth < 8; depth++) {
		const xmlNode *last = NULL;
		for (const xmlNode *c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				last = c;
			else if (c->type == XML_TEXT_NODE && c->content &&
				 ((const char *)c->content)[strspn((const char *)c->content, " \t\n\r")])
				last = NULL;
		if (last && (!strcmp((const char *)last->name, "time") || html_named(last, stamp_words))) {
			html_collect(b, last);
			size_t k = b->n;
			while (k && blank((unsigned char)b->buf[k - 1]))
				k--;
			return k;
		}
		n = last;
	}
	return 0;
}

/* The byline element's text: up to the date or time it runs on into. An element holding one
 * link and more words than the link's (a name and a title in boxes of their own, "Will
 * Macmaster Editor"; a bio, "Erin Hooker Erin is the assistant food editor ...") gives the
 * link's. */
static int element_line(mk *m, const html_meta *hm, xmlNode *n, html_text *b)
{
	if (named_parts(m, hm, n, b))
		return 1;
	char names[BYLINE_CAP];
	int linked = author_links(n, b, names, sizeof names);
	if (linked)
		return name_before_part(m, hm, n, b, names) ||
		       byline_line(m, hm, names, (size_t)linked, html_at(m, n));
	xmlNode *link = one_link(n);
	size_t k = 0;
	if (link) {
		html_collect(b, link);
		k = b->n;
		if (b->buf[strspn(b->buf, " \t\n\r")] == '@')
			link = NULL; /* the writer's handle: the name is the text beside it */
	}
	if (link) {
		html_collect(b, n);
		/* more text than the link's (a title, a date), or only a "By" label glued to it
		 * (<div>By<a>Name</a></div>, no blank between): the name is the link's text */
		if (b->n > k + 12 || by_label_only(b->buf, b->n - k)) {
			html_collect(b, link);
			return byline_line(m, hm, b->buf, b->n, html_at(m, n));
		}
	}
	if (name_before_part(m, hm, n, b, NULL))
		return 1;
	size_t stamp = stamp_len(n, b);
	html_collect(b, n);
	const char *s = b->buf;
	size_t len = b->n;
	/* (the date's element at its end, its text run into the name's or the affiliation's with
	 * no blank: "Mike Coppinger, ESPN<span class="timestamp">Dec 22, 2023</span>") */
	while (len && blank((unsigned char)s[len - 1]))
		len--;
	len = stamp <= len ? len - stamp : len;
	while (len && blank((unsigned char)*s))
		s++, len--;
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			len = i;
			break;
		}
	while (len && (blank((unsigned char)s[len - 1]) || s[len - 1] == '-' || s[len - 1] == '|' ||
		       s[len - 1] == ','))
		len--;
	if (len > 100)
		return 0;
	return len && byline_line(m, hm, s, len, html_at(m, n));
}

/* Inside a link (another story's card) or the page's furniture; a box of furniture holding the
 * story's heading (a header classed so, "c-contentHeader") is the story's own. */
static int aside(const xmlNode *n, const xmlNode *h1)
{
	for (const xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
		if (!strcmp((const char *)a->name, "a"))
			return 1;
		if (a->_private && (html_st(a)->kind == HK_DROP ||
				    (html_st(a)->kind == HK_CHROME && strcmp((const char *)a->name, "header") &&
				     !(h1 && html_holds(a, h1)))))
			return 1;
	}
	return 0;
}

/* Where a page's byline is looked for: the story's container, then the whole body; h1, the
 * story's heading (or NULL). */
typedef struct byline_scope {
	xmlNode *container, *body;
	const xmlNode *h1;
} byline_scope;

/* Whether n opens with a text of "By" alone and then an element (<div>By<a>Jane Doe</a></div>):
 * a byline whose label the page runs into the name without a blank. */
static int label_glued(const xmlNode *n)
{
	const xmlNode *c = n->children;
	while (c && c->type == XML_TEXT_NODE && c->content &&
	       !((const char *)c->content)[strspn((const char *)c->content, " \t\n\r")])
		c = c->next;
	if (!c || c->type != XML_TEXT_NODE || !c->content)
		return 0;
	const char *t = (const char *)c->content;
	t += strspn(t, " \t\n\r");
	return (t[0] == 'B' || t[0] == 'b') && t[1] == 'y' && (!t[2] || t[2] == ':') &&
	       (!t[2] || !t[3]) && c->next && c->next->type == XML_ELEMENT_NODE;
}

/* Whether n's first box is a "By" line of its own (<div><p>By Name</p><p>Outlet</p></div>):
 * that line is read alone, when the walk comes to it. */
static int opens_with_by_line(const xmlNode *n, html_text *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content &&
		    ((const char *)c->content)[strspn((const char *)c->content, " \t\n\r")])
			return 0;
		if (c->type != XML_ELEMENT_NODE || !c->_private || !html_st(c)->text)
			continue;
		if (!mk_name_in(c, (const char *const[]){ "p", "div", "li", NULL }))
			return 0;
		html_collect(b, c);
		const char *s = b->buf;
		while (blank((unsigned char)*s))
			s++;
		return by_label(s, strlen(s)) != 0;
	}
	return 0;
}

/* Whether a link is the whole of its line: its parent holds little text besides the link's
 * (a byline's <div><a href="/person/jane-doe">Jane Doe</a></div>), and no paragraph holds it
 * (a story's mention of someone with a page of the site's, "/people/...", is no byline). */
static int line_of_its_own(const xmlNode *a)
{
	const xmlNode *p = a->parent;
	if (!p || !p->_private || html_st(p)->text > html_st(a)->text + 12)
		return 0;
	for (; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (!strcmp((const char *)p->name, "p"))
			return 0;
	return 1;
}

/* A short element of text that starts "By Name" (a text article's byline line), or, with
 * links, a link to an author's page (/author/, /authors/, /staff/; /person/, /people/ and the
 * other paths author_href knows when the link is a line of its own). */
static int by_text(mk *m, const html_meta *hm, xmlNode *n, html_text *b, int links,
		   const xmlNode *h1)
{
	const html_stat *st = html_st(n);
	if (links) {
		if (strcmp((const char *)n->name, "a") || st->text < 5 || st->text > 60)
			return 0;
		const char *href = NULL;
		for (const xmlAttr *a = n->properties; a; a = a->next)
			if (!strcasecmp((const char *)a->name, "href") && a->children)
				href = (const char *)a->children->content;
		if (!href || !(strstr(href, "/author/") || strstr(href, "/authors/") ||
			       strstr(href, "/staff/") || (author_href(n) && line_of_its_own(n))) ||
		    aside(n->parent, h1))
			return 0;
		html_collect(b, n);
		return byline_line(m, hm, b->buf, b->n, html_at(m, n));
	}
	if (st->text < 6 || st->text > 120 || !mk_name_in(n, (const char *const[]){ "p", "div", "span",
				"small", "address", "li", NULL }) || opens_with_by_line(n, b))
		return 0;
	html_collect(b, n);
	const char *s = b->buf;
	while (blank((unsigned char)*s))
		s++;
	size_t name = by_label(s, strlen(s));
	if (!name && label_glued(n))
		name = 2; /* "By" then the name's element, no blank between: "ByJane Doe" */
	if (!name || aside(n, h1))
		return 0;
	const char *q = s + name;
	if (!(*q >= 'A' && *q <= 'Z') && (unsigned char)*q < 0xc0)
		return 0;
	return element_line(m, hm, n, b);
}

/* The line a byline link is part of: its parent (or the parent's parent, past an inline box
 * around the link) when that opens with a "By" label and is short ("By <a rel=author>A</a> and
 * <a rel=author>B</a> on <time>...</time>": each link is a byline element, the line names
 * both); else the link itself. */
static xmlNode *by_line_of(xmlNode *n, html_text *b)
{
	if (strcmp((const char *)n->name, "a"))
		return n;
	xmlNode *p = n->parent;
	for (int up = 0; up < 2 && p && p->type == XML_ELEMENT_NODE && p->_private; up++, p = p->parent) {
		if (html_st(p)->text > 200)
			break;
		html_collect(b, p);
		const char *s = b->buf ? b->buf : "";
		while (blank((unsigned char)*s))
			s++;
		if (by_label(s, strlen(s)))
			return p;
	}
	return n;
}

/* Inside a link: another story's card ("card-byline" under its <a>), not the page's byline. */
static int in_link(const xmlNode *n)
{
	for (const xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (!strcmp((const char *)a->name, "a"))
			return 1;
	return 0;
}

static int from_element(mk *m, const html_meta *hm, const byline_scope *sc, html_text *b,
			int pass)
{
	xmlNode *roots[] = { sc->container, sc->body };
	for (int r = 0; r < 2; r++) {
		xmlNode *n = roots[r];
		while (n) {
			int descend = 0;
			if (n->type == XML_ELEMENT_NODE && n->_private) {
				const html_stat *st = html_st(n);
				if (pass == 0 && st->kind == HK_BYLINE && st->text > 3 && st->text < 400 &&
				    !html_in_picture(n) && !in_link(n) &&
				    element_line(m, hm, by_line_of(n, b), b))
					return 1;
				if (pass > 0 && st->kind != HK_DROP && by_text(m, hm, n, b, pass == 2, sc->h1))
					return 1;
				descend = st->kind != HK_DROP && (pass || st->kind != HK_BYLINE) && n->children;
			}
			n = mk_next(roots[r], n, descend);
		}
	}
	return 0;
}

/* Whether text t[0..at) ends in a role that is not the writer's ("Photography by", "Edited by",
 * "With contributions from", "Photographer:"), blanks after it; its start in *from. */
static int role_before(const char *t, size_t at, size_t *from, size_t *len)
{
	static const char *const roles[] = { "photography by", "photographs by", "photos by",
					     "photo by", "photographer:", "styled by", "styling by",
					     "illustration by", "illustrations by", "video by",
					     "contributions from", "contribution from", "edited by",
					     "reviewed by", "fact checked by", "fact-checked by", NULL };
	while (at && blank((unsigned char)t[at - 1]))
		at--;
	for (int i = 0; roles[i]; i++) {
		size_t k = strlen(roles[i]);
		if (at >= k && !strncasecmp(t + at - k, roles[i], k) &&
		    (at == k || !((t[at - k - 1] | 0x20) >= 'a' && (t[at - k - 1] | 0x20) <= 'z'))) {
			*from = at - k;
			*len = k;
			return 1;
		}
	}
	return 0;
}

/* Where the page names a role before a name: text t[at..at+n). */
typedef struct {
	size_t at, n;
} role_span;

/* Whether the page shows the name only after a role that is not the writer's: the page's
 * structured data lists the photographer, the stylist, the editor and the fact-checker beside
 * the writer, where its visible byline says what each did ("By A Photography by B"). *r the
 * first such role. */
static int credited_only(const char *name, const char *t, role_span *r)
{
	char d[BYLINE_CAP];
	size_t n = trimmed(name, strlen(name), d), from = 0, len = 0;
	int role = 0;
	if (n < 3)
		return 0;
	/* a structured name that says its role itself ("Photography by Kay Roe", a microdata
	 * author's whole text) */
	for (size_t k = 1; k < n && k < 40; k++)
		if (d[k - 1] == ' ' && role_before(d, k, &from, &len)) {
			r->at = 0, r->n = 0;
			return 1;
		}
	for (const char *p = t; (p = strstr(p, d)); p += n) {
		size_t at = (size_t)(p - t);
		if (!role_before(t, at, &from, &len)) {
			if (at >= 3 && !strncasecmp(t + at - 3, "by ", 3))
				return 0; /* "By Name": the writer's byline */
			continue;
		}
		if (!role)
			r->at = from, r->n = len;
		role = 1;
	}
	return role;
}

/* The credited name to the chrome with its role ("Photography by B"), not to the bylines. */
static void credit_to_chrome(mk *m, const char *name, const char *t, const role_span *r)
{
	char d[BYLINE_CAP], line[2 * BYLINE_CAP];
	size_t n = trimmed(name, strlen(name), d);
	if (!r->n) { /* the name says its role itself */
		html_chrome(m, d, n);
		return;
	}
	int k = snprintf(line, sizeof line, "%.*s %s", (int)r->n, t + r->at, d);
	html_chrome(m, line, (size_t)k);
}

size_t html_name_part(const char *p, size_t *skip)
{
	const char *c = strchr(p, ','), *a = strstr(p, " and ");
	*skip = 0;
	if (c && (!a || c < a)) {
		for (*skip = 1; c[*skip] == ' ';)
			++*skip;
		return (size_t)(c - p);
	}
	if (a) {
		*skip = 5;
		return (size_t)(a - p);
	}
	return strlen(p);
}

int html_names_only(const char *s)
{
	const char *p = s;
	while (*p) {
		size_t skip, part = html_name_part(p, &skip);
		int words = 0, caps = 1;
		for (size_t i = 0; i < part;) {
			while (i < part && p[i] == ' ')
				i++;
			if (i == part)
				break;
			if (!(p[i] >= 'A' && p[i] <= 'Z') && (unsigned char)p[i] < 0xc0)
				return 0;
			words++;
			for (; i < part && p[i] != ' '; i++)
				caps &= !(p[i] >= 'a' && p[i] <= 'z');
		}
		if (words > 4 || (words < 2 && !(words == 1 && caps)))
			return 0;
		p += part + skip;
	}
	return 1;
}

/* The structured names (blocks before..mid) again, with more: the page's visible byline when
 * it holds each of them and names others beside them ("By A and B on December 21" where the
 * JSON-LD lists A alone) takes their place. */
static void visible_coauthors(mk *m, const html_meta *hm, const byline_scope *sc, html_text *b,
			      size_t before)
{
	markup_doc *doc = m->doc;
	size_t mid = doc->nblocks;
	if (!from_element(m, hm, sc, b, 0) &&
	    !from_element(m, hm, sc, b, 1))
		return;
	const char *t = m->to.text->buf;
	size_t line = SIZE_MAX, lines = 0;
	for (size_t i = mid; i < doc->nblocks; i++)
		if (doc->blocks[i].role == MR_BYLINE)
			line = i, lines++;
	int takes = lines == 1, titled = 0;
	for (size_t i = mid; i < doc->nblocks; i++)
		titled |= doc->blocks[i].role == MR_BYTITLE || doc->blocks[i].role == MR_BYAFFIL ||
			  doc->blocks[i].role == MR_BYPART;
	size_t names = 0, named = 0;
	char seen[2 * BYLINE_CAP];
	size_t sn = 0;
	if (takes) {
		const markup_block *l = &doc->blocks[line];
		sn = l->e - l->s < sizeof seen - 1 ? l->e - l->s : sizeof seen - 1;
		memcpy(seen, t + l->s, sn);
		seen[sn] = '\0';
		/* more names, or the same with the title or affiliation the page shows */
		takes = (strstr(seen, " and ") || strstr(seen, ", ")) ? html_names_only(seen) : titled;
	}
	for (size_t i = before; takes && i < mid; i++) {
		const markup_block *k = &doc->blocks[i];
		if (k->role != MR_BYLINE)
			continue;
		char name[BYLINE_CAP];
		size_t kn = k->e - k->s < BYLINE_CAP - 1 ? k->e - k->s : BYLINE_CAP - 1;
		memcpy(name, t + k->s, kn);
		name[kn] = '\0';
		names++;
		named += (kn < sn || (titled && kn == sn)) && strstr(seen, name) != NULL;
	}
	if (!takes || !names || named != names) {
		doc->nblocks = mid;
		return;
	}
	memmove(doc->blocks + before, doc->blocks + mid, (doc->nblocks - mid) * sizeof *doc->blocks);
	doc->nblocks = before + (doc->nblocks - mid);
}

/* The visible byline's one name (blocks from before on) again, with more: the page's meta
 * authors naming it among others ("A, B" where the byline element shows A and a second box
 * further down shows B) take its place. */
static void meta_coauthors(mk *m, const html_meta *hm, xmlNode *body, html_text *b,
			   size_t before)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t line = SIZE_MAX, lines = 0;
	for (size_t i = before; i < doc->nblocks; i++)
		if (doc->blocks[i].role == MR_BYLINE)
			line = i, lines++;
	if (lines != 1 || doc->blocks[line].e - doc->blocks[line].s >= BYLINE_CAP)
		return;
	char name[BYLINE_CAP];
	size_t kn = doc->blocks[line].e - doc->blocks[line].s;
	memcpy(name, t + doc->blocks[line].s, kn);
	name[kn] = '\0';
	/* the writers among them: not those the page credits with another role ("Edited by") */
	unsigned char writer[HM_MAX_AUTHORS] = { 0 };
	int writers = 0, named = 0;
	html_collect(b, body);
	for (int i = 0; b->buf && i < hm->nauthors; i++) {
		role_span r;
		if (hm->author_from[i] != HA_META || credited_only(hm->authors[i], b->buf, &r))
			continue;
		writer[i] = 1;
		writers++;
		named |= html_same_words(hm->authors[i], name);
	}
	if (writers < 2 || !named)
		return;
	size_t kept = doc->nblocks;
	for (int i = 0; i < hm->nauthors; i++)
		if (writer[i] && !byline_line(m, hm, hm->authors[i], strlen(hm->authors[i]), 0)) {
			doc->nblocks = kept;
			return;
		}
	memmove(doc->blocks + before, doc->blocks + kept, (doc->nblocks - kept) * sizeof *doc->blocks);
	doc->nblocks = before + (doc->nblocks - kept);
}

int html_bylines(mk *m, const html_meta *hm, xmlNode *container, xmlNode *body,
		 const xmlNode *h1, html_text *b)
{
	const byline_scope scope = { container, body, h1 }, *sc = &scope;
	int has[HA_REL + 1] = { 0 };
	for (int i = 0; i < hm->nauthors; i++)
		has[hm->author_from[i]] = 1;
	for (int from = HA_JSON_LD; from <= HA_REL; from++) {
		/* the page's byline element, else a "By" line, before the meta author; a link to
		 * an author's page after it */
		if (from == HA_META) {
			size_t before = m->doc->nblocks;
			if (from_element(m, hm, sc, b, 0) ||
			    from_element(m, hm, sc, b, 1)) {
				if (has[HA_META])
					meta_coauthors(m, hm, body, b, before);
				return 1;
			}
		}
		if (from == HA_REL && from_element(m, hm, sc, b, 2))
			return 1;
		if (!has[from])
			continue;
		/* a structured source of several names: the page's text says who only took the
		 * pictures, edited or checked */
		int several = 0, credited = 0, any = 0;
		unsigned char is_credit[HM_MAX_AUTHORS] = { 0 };
		role_span roles[HM_MAX_AUTHORS];
		for (int i = 0; i < hm->nauthors; i++)
			several += hm->author_from[i] == from;
		if (several > 1 && from <= HA_META) {
			html_collect(b, body);
			for (int i = 0; b->buf && i < hm->nauthors; i++) {
				is_credit[i] = hm->author_from[i] == from &&
					       credited_only(hm->authors[i], b->buf, &roles[i]);
				credited += is_credit[i];
			}
		}
		int drop = credited && credited < several; /* never every name */
		size_t before = m->doc->nblocks;
		for (int i = 0; i < hm->nauthors; i++) {
			if (hm->author_from[i] != from)
				continue;
			if (drop && is_credit[i])
				credit_to_chrome(m, hm->authors[i], b->buf, &roles[i]);
			else
				any |= byline_line(m, hm, hm->authors[i], strlen(hm->authors[i]), 0);
		}
		/* a structured source naming only the site (", USA TODAY"): the page's visible
		 * byline may still name the writer */
		if (any && from <= HA_MICRODATA && m->doc->nblocks == before)
			continue;
		if (any && from <= HA_MICRODATA)
			visible_coauthors(m, hm, sc, b, before);
		return any;
	}
	return 0;
}

/* Whether text t[0..n) is the name of one of the page's byline lines (blocks before from),
 * alone or before a comma or a bar (an affiliation): "Dennis Thompson, U.S. Institute of ...". */
static int names_a_byline(const markup_doc *doc, const char *all, size_t from, const char *t,
			  size_t n)
{
	for (size_t i = 0; i < from; i++) {
		const markup_block *k = &doc->blocks[i];
		size_t kn = k->e - k->s;
		if (k->role != MR_BYLINE || kn < 3 || kn > n || memcmp(t, all + k->s, kn))
			continue;
		while (kn < n && blank((unsigned char)t[kn]))
			kn++;
		if (kn == n || t[kn] == ',' || t[kn] == '|')
			return 1;
	}
	return 0;
}

void html_byline_echoes(mk *m, size_t from)
{
	markup_doc *doc = m->doc;
	const char *t = m->to.text->buf;
	size_t w = from;
	for (size_t i = from; i < doc->nblocks; i++) {
		markup_block *k = &doc->blocks[i];
		size_t n = k->e - k->s;
		/* "By Name" without a sentence's full stop, or "by Name, U.S. Institute of ..."
		 * naming one of the bylines */
		size_t name = k->role == MR_PARA && n > 4 && n < 400 ? by_label(t + k->s, n) : 0;
		if (name && t[k->s + name] >= 'A' && t[k->s + name] <= 'Z' &&
		    ((n < 120 && !memchr(t + k->s, '.', n - 1)) ||
		     names_a_byline(doc, t, from, t + k->s + name, n - name))) {
			char d[BYLINE_CAP]; /* kept for audit, its blanks as one */
			html_chrome(m, d, trimmed(t + k->s, n, d));
			continue;
		}
		doc->blocks[w++] = *k;
	}
	doc->nblocks = w;
}
