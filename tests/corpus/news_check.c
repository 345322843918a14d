/* Accuracy of the article parser on the shared news corpus, through the public API. Prints one
 * table; exits 1 when an enforced target is missed.
 *
 *   Reuters-21578 (dev files): title, author and dateline location against the gold <TITLE>,
 *     <AUTHOR> and <DATELINE> elements, with each story given as SGML and again as plain wire
 *     text (title line, byline line, dateline and body);
 *   naeb-dev.json: title and author against the set's own, each article given as web text (title,
 *     byline line, text); datelines against a reviewed list (tests/corpus/naeb_datelines.tsv):
 *     a dateline found where the text has none is a false one;
 *   the wire samples: the values wire-samples/SOURCES.md lists;
 *   the four seed articles: headline, credits and chrome against the seeds' own lines (by line
 *     number, so that no text of theirs is copied here).
 *
 * usage: news_check NEWS_DIR SEEDS_DIR REUTERS_DIR NAEB_DATELINES */
#include <ctype.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cablewire.h"
#include "metrics.h"

/* Whitespace runs to one space, trimmed; in place. */
static char *squeeze(char *s)
{
	char *w = s;
	int space = 1;
	for (char *r = s; *r; r++) {
		if (isspace((unsigned char)*r)) {
			if (!space)
				*w++ = ' ';
			space = 1;
		} else {
			*w++ = *r;
			space = 0;
		}
	}
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

/* The record's byline names joined by "|". */
static void names_of(const cw_value *root, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (const cw_member *m = cw_value_first(cw_value_get(root, "bylines")); m; m = cw_member_next(m)) {
		/* a byline crediting an organisation ("By The Associated Press") names it */
		const char *n = str(cw_value_get(cw_member_value(m), "name"));
		if (!n)
			n = str(cw_value_get(cw_member_value(m), "affiliation"));
		if (n && used + strlen(n) + 2 < size)
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "|" : "", n);
	}
}

/* ---- Reuters-21578 ---------------------------------------------------------------------------- */

/* Element content, entities decoded (framing bytes written as &#N; dropped), whitespace squeezed;
 * NULL when the element is absent. */
static char *element(const char *story, const char *end, const char *name)
{
	char open[32], close[32];
	snprintf(open, sizeof open, "<%s>", name);
	snprintf(close, sizeof close, "</%s>", name);
	const char *s = strstr(story, open);
	if (!s || s > end)
		return NULL;
	s += strlen(open);
	const char *e = strstr(s, close);
	if (!e || e > end)
		return NULL;
	char *out = malloc((size_t)(e - s) + 1);
	size_t n = 0;
	for (const char *p = s; p < e;) {
		if (*p == '&') {
			if (!strncmp(p, "&lt;", 4)) { out[n++] = '<'; p += 4; continue; }
			if (!strncmp(p, "&gt;", 4)) { out[n++] = '>'; p += 4; continue; }
			if (!strncmp(p, "&amp;", 5)) { out[n++] = '&'; p += 5; continue; }
			if (p[1] == '#') {
				const char *q = p + 2;
				int v = 0;
				while (isdigit((unsigned char)*q))
					v = v * 10 + (*q++ - '0');
				if (*q == ';') {
					if (v >= 32 && v < 127)
						out[n++] = (char)v;
					p = q + 1;
					continue;
				}
			}
		}
		out[n++] = *p++;
	}
	out[n] = '\0';
	return out;
}

/* Gold author names from "by Janie Gabbett, Reuters": the By word and the agency go. */
static void gold_names(const char *author, char *out, size_t size)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", author);
	squeeze(buf);
	char *s = buf;
	if (!strncasecmp(s, "by ", 3))
		s += 3;
	size_t n = strlen(s);
	while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
		s[--n] = '\0';
	char *comma = strrchr(s, ',');
	char *last_space = strrchr(s, ' ');
	int reuter = 0;
	for (const char *c = comma; c && *c && !reuter; c++)
		reuter = !strncasecmp(c, "reuter", 6);
	if (reuter)
		*comma = '\0';
	else if (last_space && !strncasecmp(last_space + 1, "reuter", 6))
		*last_space = '\0';
	squeeze(s);
	/* names: "A and B", "A, B and C" */
	size_t used = 0;
	out[0] = '\0';
	char *p = s;
	while (*p) {
		char *sep = NULL;
		size_t skip = 0;
		char *and = strstr(p, " and ");
		if (!and)
			and = strstr(p, " AND ");
		char *c = strstr(p, ", ");
		if (c && (!and || c < and)) {
			sep = c;
			skip = 2;
		} else if (and) {
			sep = and;
			skip = 5;
		}
		if (sep)
			*sep = '\0';
		squeeze(p);
		if (*p && used + strlen(p) + 2 < size)
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "|" : "", p);
		if (!sep)
			break;
		p = sep + skip;
	}
}

/* Gold location: the dateline up to its first comma (SALVADOR, Feb 26 -). */
static void gold_location(const char *dateline, char *out, size_t size)
{
	snprintf(out, size, "%s", dateline);
	char *comma = strchr(out, ',');
	if (comma)
		*comma = '\0';
	squeeze(out);
}

typedef struct reuters_metrics {
	metric title, author, location, records, form;
} reuters_metrics;

static void check_story(reuters_metrics *m, const cw_value *root, const char *id, const char *title,
			const char *author, const char *dateline)
{
	char why[400];
	if (title) {
		char want[1024];
		snprintf(want, sizeof want, "%s", title);
		squeeze(want);
		const char *got = str(cw_value_get(root, "headline"));
		char have[1024] = "";
		if (got) {
			snprintf(have, sizeof have, "%s", got);
			squeeze(have);
		}
		snprintf(why, sizeof why, "headline '%.60s', title '%.60s'", have, want);
		if (want[0])
			count(&m->title, !strcmp(have, want), id, why);
	}
	if (author) {
		char want[512], have[512];
		gold_names(author, want, sizeof want);
		names_of(root, have, sizeof have);
		snprintf(why, sizeof why, "names '%.150s', author '%.150s'", have, want);
		if (want[0])
			count(&m->author, !strcmp(have, want), id, why);
	}
	if (dateline) {
		char want[256];
		gold_location(dateline, want, sizeof want);
		int letters = 0;
		for (const char *c = want; *c; c++)
			letters += isalpha((unsigned char)*c) != 0;
		if (letters >= 2) {
			const char *got = str(cw_value_get(root, "dateline.location"));
			snprintf(why, sizeof why, "location '%.100s', dateline '%.100s'", got ? got : "none", want);
			count(&m->location, got && !strcmp(got, want), id, why);
		}
	}
}

static int is_sgm(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcmp(name + n - 4, ".sgm");
}

static void check_reuters(const char *dir, reuters_metrics *sg, reuters_metrics *wt)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char *names[64];
	int nn = 0;
	struct dirent *e;
	while ((e = readdir(d)) && nn < 64)
		if (is_sgm(e->d_name))
			names[nn++] = strdup(e->d_name);
	closedir(d);
	for (int i = 0; i < nn; i++)
		for (int j = i + 1; j < nn; j++)
			if (strcmp(names[i], names[j]) > 0) {
				char *t = names[i];
				names[i] = names[j];
				names[j] = t;
			}
	cw_options *opt = cw_options_new();
	for (int f = 0; f < nn; f++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[f]);
		size_t len;
		char *buf = read_file(path, &len);
		if (!buf)
			continue;
		/* The SGML file as one stream: one record a story, keyed by NEWID. */
		cw_reader *rd = cw_reader_new(opt, path);
		cw_reader_feed(rd, buf, len);
		cw_reader_finish(rd);
		size_t cap = 2048, nrec = 0;
		cw_record **recs = calloc(cap, sizeof *recs);
		cw_record *rec;
		while (cw_reader_next(rd, &rec) == CW_OK) {
			if (nrec == cap)
				recs = realloc(recs, (cap *= 2) * sizeof *recs);
			recs[nrec++] = rec;
		}
		cw_reader_free(rd);
		size_t story = 0;
		for (const char *s = strstr(buf, "<REUTERS"); s; s = strstr(s + 1, "<REUTERS")) {
			const char *end = strstr(s, "</REUTERS>");
			if (!end)
				break;
			char id[64] = "?";
			const char *nid = strstr(s, "NEWID=\"");
			if (nid && nid < end)
				sscanf(nid + 7, "%63[^\"]", id);
			char *title = element(s, end, "TITLE"), *author = element(s, end, "AUTHOR");
			char *dateline = element(s, end, "DATELINE"), *body = element(s, end, "BODY");
			/* as SGML */
			const cw_value *root = story < nrec ? cw_record_root(recs[story]) : NULL;
			const char *newid = root ? str(cw_value_get(root, "reuters.newid")) : NULL;
			count(&sg->records, newid && !strcmp(newid, id), id, "no record with this NEWID");
			if (newid && !strcmp(newid, id))
				check_story(sg, root, id, title, author, dateline);
			/* as wire text: title line, byline line, dateline and body */
			if (title && body) {
				size_t n = strlen(title) + (author ? strlen(author) : 0) +
					   (dateline ? strlen(dateline) : 0) + strlen(body) + 32;
				char *t = malloc(n);
				snprintf(t, n, "%s\n\n%s%s%s    %s%s\n", title, author ? "    " : "",
					 author ? author : "", author ? "\n\n" : "", dateline ? dateline : "", body);
				cw_record *w = cw_parse(opt, t, strlen(t), id);
				const cw_value *wr = cw_record_root(w);
				const char *form = str(cw_value_get(wr, "source.format"));
				count(&wt->form, form && !strcmp(form, "wire-text"), id, form ? form : "none");
				check_story(wt, wr, id, title, author, dateline);
				cw_record_free(w);
				free(t);
			}
			free(title);
			free(author);
			free(dateline);
			free(body);
			story++;
		}
		for (size_t i = 0; i < nrec; i++)
			cw_record_free(recs[i]);
		free(recs);
		free(buf);
		free(names[f]);
	}
	cw_options_free(opt);
}

/* ---- naeb-dev.json ----------------------------------------------------------------------------- */

typedef struct naeb_metrics {
	metric title, author, dateline_precision, dateline_recall;
} naeb_metrics;

static void check_naeb(const char *path, const char *gold_path, naeb_metrics *m)
{
	json_error_t err;
	json_t *all = json_load_file(path, 0, &err);
	if (!all)
		return;
	/* reviewed datelines: id TAB location */
	char *gold = read_file(gold_path, NULL);
	cw_options *opt = cw_options_new();
	size_t i;
	json_t *item;
	json_array_foreach(all, i, item) {
		int idn = (int)json_integer_value(json_object_get(item, "id"));
		const char *title = json_string_value(json_object_get(item, "title"));
		const char *authors = json_string_value(json_object_get(item, "authors"));
		const char *text = json_string_value(json_object_get(item, "text"));
		if (!title || !text)
			continue;
		size_t n = strlen(title) + strlen(text) + (authors ? strlen(authors) : 0) + 16;
		char *t = malloc(n);
		snprintf(t, n, "%s\n\n%s%s%s%s\n", title, authors && *authors ? "By " : "",
			 authors ? authors : "", authors && *authors ? "\n\n" : "", text);
		char id[32];
		snprintf(id, sizeof id, "naeb %d", idn);
		cw_record *rec = cw_parse(opt, t, strlen(t), id);
		const cw_value *root = cw_record_root(rec);
		char why[400], want[1024], have[1024] = "";
		snprintf(want, sizeof want, "%s", title);
		squeeze(want);
		const char *h = str(cw_value_get(root, "headline"));
		if (h)
			snprintf(have, sizeof have, "%s", h);
		squeeze(have);
		snprintf(why, sizeof why, "headline '%.60s', title '%.60s'", have, want);
		count(&m->title, !strcmp(have, want), id, why);
		if (authors && *authors) {
			/* the set separates authors with ", " */
			char wantn[1024];
			size_t u = 0;
			for (const char *a = authors; *a && u + 2 < sizeof wantn; a++) {
				if (a[0] == ',' && a[1] == ' ') {
					wantn[u++] = '|';
					a++;
				} else {
					wantn[u++] = *a;
				}
			}
			wantn[u] = '\0';
			/* blanks around each name and a stray comma at the end are the set's */
			char trimmed[1024];
			size_t tl = 0;
			for (char *name = strtok(wantn, "|"); name; name = strtok(NULL, "|")) {
				squeeze(name);
				size_t k = strlen(name);
				while (k && name[k - 1] == ',')
					name[--k] = '\0';
				tl += (size_t)snprintf(trimmed + tl, sizeof trimmed - tl, "%s%s", tl ? "|" : "", name);
			}
			snprintf(wantn, sizeof wantn, "%s", trimmed);
			names_of(root, have, sizeof have);
			snprintf(why, sizeof why, "names '%.150s', authors '%.150s'", have, wantn);
			count(&m->author, !strcmp(have, wantn), id, why);
		}
		/* datelines */
		char key[32];
		snprintf(key, sizeof key, "\n%d\t", idn);
		const char *g = gold ? strstr(gold, key) : NULL;
		char gloc[128] = "";
		if (g)
			sscanf(g + strlen(key), "%127[^\n]", gloc);
		const char *loc = str(cw_value_get(root, "dateline.location"));
		if (loc) {
			snprintf(why, sizeof why, "dateline '%.100s' where the text has %s%.100s%s", loc,
				 gloc[0] ? "'" : "none", gloc, gloc[0] ? "'" : "");
			count(&m->dateline_precision, gloc[0] && !strcmp(loc, gloc), id, why);
		}
		if (gloc[0]) {
			snprintf(why, sizeof why, "no dateline found, the text has '%.100s'", gloc);
			count(&m->dateline_recall, loc && !strcmp(loc, gloc), id, why);
		}
		cw_record_free(rec);
		free(t);
	}
	cw_options_free(opt);
	free(gold);
	json_decref(all);
}

/* ---- wire samples and seeds: expected values -------------------------------------------------- */

/* A value the record must hold: a path and either a literal or "line:N", the N-th line of the
 * input file with wire marks stripped (^ < = STX, blanks, a trailing " ="). */
typedef struct expect {
	const char *file, *path, *value;
} expect;

static const expect wire_expects[] = {
	/* superdesk-core's own test assertions, as SOURCES.md lists them */
	{ "superdesk-core/anpa-1.tst", "wire.story_number", "2870" },
	{ "superdesk-core/anpa-1.tst", "wire.priority", "f" },
	{ "superdesk-core/anpa-1.tst", "wire.category", "l" },
	{ "superdesk-core/anpa-1.tst", "wire.word_count", "1049" },
	{ "superdesk-core/anpa-1.tst", "wire.slugline", "Argentina-Cancer" },
	{ "superdesk-core/anpa-1.tst", "wire.transmitted", "2013-11-13T15:09:00Z" },
	{ "superdesk-core/anpa-1.tst", "headline", "line:4" },
	{ "superdesk-core/anpa-1.tst", "@byline", "line:7" },
	{ "superdesk-core/anpa-1.tst", "dateline.agency", "AP" },
	{ "superdesk-core/anpa-1.tst", "dateline.location", "BUENOS AIRES" },
	{ "superdesk-core/anpa-2.tst", "wire.take_key", "1stLd-Writethru" },
	{ "superdesk-core/anpa-2.tst", "@byline", "line:8" },
	{ "superdesk-core/anpa-2.tst", "bylines.0.affiliation", "line:9" },
	{ "superdesk-core/anpa-2.tst", "@has:ednote", "1" },
	{ "superdesk-core/anpa-3.tst", "wire.format_codes", "agate tabular" },
	{ "superdesk-core/ap_anpa-2.tst", "wire.slugline", "BBO--BaseballExpanded" },
	{ "superdesk-core/ap_anpa-5.tst", "@has:headline", "1" },
	{ "superdesk-core/ap_anpa-6.tst", "wire.word_count", "null" },
	{ "superdesk-core/ap_anpa-6.tst", "wire.slugline", "BBO--WildCardGlance" },
	{ "superdesk-core/ap_anpa-7.tst", "wire.slugline", "10ThingstoKnow-Today" },
	{ "superdesk-core/IPTC7901.txt", "wire.word_count", "211" },
	{ "superdesk-core/IPTC7901.txt", "wire.category", "i" },
	{ "superdesk-core/IPTC7901.txt", "wire.priority", "4" },
	{ "superdesk-core/IPTC7901.txt", "wire.slugline", "Germany-politics" },
	{ "superdesk-core/IPTC7901.txt", "headline", "line:4" },
	{ "superdesk-core/IPTC7901.txt", "dateline.location", "Berlin" },
	{ "superdesk-core/IPTC7901.txt", "dateline.agency", "dpa" },
	{ "superdesk-core/dpa_four_line.txt", "headline", "line:6" },
	{ "superdesk-core/dpa_four_line.txt", "wire.slugline", "Switzerland/migration/UN" },
	{ "superdesk-core/dpa_four_line.txt", "wire.take_key", "REFILE 1ST LEAD" },
	{ "superdesk-core/dpa_two_line.txt", "wire.take_key", "EXTRA" },
	{ "superdesk-core/dpa_two_by_line.txt", "headline", "line:4" },
	{ "superdesk-core/dpa_two_by_line.txt", "@byline", "line:5" },
	{ "superdesk-core/dpa_two_by_line.txt", "dateline.location", "San Diego" },
	{ "superdesk-core/dpa_two_by_line.txt", "dateline.agency", "tca/dpa" },
	/* the serial captures: one record a story (SYN SYN SOH) */
	{ "pozar-anpa/testfile.ap", "@records", "4" },
	{ "pozar-anpa/testfile.baycity", "@records", "17" },
};

static const expect seed_expects[] = {
	{ "000", "headline", "line:3" },
	{ "000", "@bio", "line:5" },
	{ "000", "@photos", "2" },
	{ "000", "@count:bylines", "0" },
	{ "000", "@chrome", "1,13,36,37,38,39,40" },
	{ "001", "headline", "line:5" },
	{ "001", "deck.0", "line:7" },
	{ "001", "@chrome", "1,2,3,9,26,28,29" },
	{ "002", "headline", "line:3" },
	{ "002", "@photos", "1" },
	{ "002", "photo_credits.0.agency", "AP" },
	{ "002", "dateline.location", "MOSCOW" },
	{ "002", "contributors.0.names.0", "Vladimir Isachenkov" },
	{ "002", "@chrome", "1" },
	{ "003", "headline", "line:3" },
	{ "003", "@deck-bullet", "line:5" },
	{ "003", "dateline.location", "CAIRO" },
	{ "003", "@chrome", "1,43" },
};

/* The n-th line of buf (1-based), marks stripped, into out. */
static void line_of(const char *buf, int n, char *out, size_t size)
{
	const char *p = buf;
	for (int i = 1; i < n && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	out[0] = '\0';
	if (!p)
		return;
	size_t k = 0;
	for (; *p && *p != '\n' && k + 1 < size; p++) {
		/* a no-break space is a space (the record's text has it so) */
		if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) {
			out[k++] = ' ';
			p++;
		} else if ((unsigned char)*p >= 0x20 || *p == '\t') {
			out[k++] = *p;
		}
	}
	out[k] = '\0';
	char *s = out;
	while (*s == ' ' || *s == '\t' || *s == '^')
		s++;
	memmove(out, s, strlen(s) + 1);
	size_t len = strlen(out);
	while (len && (out[len - 1] == ' ' || out[len - 1] == '<' || out[len - 1] == '=' ||
		       out[len - 1] == '\r'))
		out[--len] = '\0';
	squeeze(out);
}

/* A value by a dotted path whose parts may be array indexes (bylines.0.name). */
static const cw_value *path_get(const cw_value *v, const char *path)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *part = strtok(buf, "."); part && v; part = strtok(NULL, ".")) {
		if (isdigit((unsigned char)part[0]))
			v = cw_value_at(v, (size_t)atoi(part));
		else
			v = cw_value_get(v, part);
	}
	return v;
}

static void value_text(const cw_value *v, char *out, size_t size)
{
	switch (cw_value_type(v)) {
	case CW_STRING:
		snprintf(out, size, "%s", str(v));
		squeeze(out);
		break;
	case CW_INT:
		snprintf(out, size, "%lld", (long long)cw_value_int(v));
		break;
	default:
		snprintf(out, size, "null");
	}
}

/* Our byline line as a wire writes it: By A, By A and B, By A, B and C; with its affiliation
 * after a comma when the line had one (Tom Example, The Example Gazette). */
static void byline_text(const cw_value *root, char *out, size_t size)
{
	const cw_value *b = cw_value_get(root, "bylines");
	size_t n = cw_value_count(b), used = (size_t)snprintf(out, size, "By ");
	for (size_t i = 0; i < n && used < size; i++) {
		const char *name = str(cw_value_get(cw_value_at(b, i), "name"));
		used += (size_t)snprintf(out + used, size - used, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ",
					 name ? name : "?");
	}
	const char *affil = n == 1 ? str(cw_value_get(cw_value_at(b, 0), "affiliation")) : NULL;
	if (affil && used < size)
		snprintf(out + used, size - used, ", %s", affil);
}

/* Checks one expectation against the file's records; returns 1 when it holds. */
static int check_expect(const expect *x, const char *buf, size_t len, const char *path, char *why,
			size_t wsize)
{
	cw_options *opt = cw_options_new();
	cw_reader *rd = cw_reader_new(opt, path);
	cw_reader_feed(rd, buf, len);
	cw_reader_finish(rd);
	cw_record *first = NULL, *rec;
	int records = 0, ok = 0;
	while (cw_reader_next(rd, &rec) == CW_OK) {
		if (!first)
			first = rec;
		else
			cw_record_free(rec);
		records++;
	}
	cw_reader_free(rd);
	const cw_value *root = first ? cw_record_root(first) : NULL;
	char want[2048], have[2048] = "";
	if (!strncmp(x->value, "line:", 5))
		line_of(buf, atoi(x->value + 5), want, sizeof want);
	else
		snprintf(want, sizeof want, "%s", x->value);
	if (!strcmp(x->path, "@records")) {
		snprintf(have, sizeof have, "%d", records);
	} else if (!strcmp(x->path, "@byline")) {
		byline_text(root, have, sizeof have);
	} else if (!strncmp(x->path, "@has:", 5)) {
		const cw_value *v = cw_value_get(root, x->path + 5);
		snprintf(have, sizeof have, "%d", cw_value_type(v) == CW_STRING ||
						      (cw_value_type(v) == CW_ARRAY && cw_value_count(v)));
	} else if (!strncmp(x->path, "@count:", 7)) {
		snprintf(have, sizeof have, "%zu", cw_value_count(cw_value_get(root, x->path + 7)));
	} else if (!strcmp(x->path, "@photos")) {
		snprintf(have, sizeof have, "%zu", cw_value_count(cw_value_get(root, "photo_credits")));
	} else if (!strcmp(x->path, "@bio")) {
		value_text(path_get(root, "bio.0"), have, sizeof have);
	} else if (!strcmp(x->path, "@deck-bullet")) {
		value_text(path_get(root, "deck.0"), have, sizeof have);
		/* the bullet mark is not the deck's text */
		const char *w = want;
		while (*w && ((unsigned char)*w >= 0x80 || *w == ' ' || *w == '*'))
			w++;
		memmove(want, w, strlen(w) + 1);
	} else if (!strcmp(x->path, "@chrome")) {
		/* every listed line is in chrome, and no paragraph holds one */
		ok = 1;
		char list[256];
		snprintf(list, sizeof list, "%s", x->value);
		for (char *t = strtok(list, ","); t; t = strtok(NULL, ",")) {
			char line[1024];
			line_of(buf, atoi(t), line, sizeof line);
			int in_chrome = 0, in_body = 0;
			for (const cw_member *m = cw_value_first(cw_value_get(root, "chrome")); m; m = cw_member_next(m)) {
				char c[1024];
				value_text(cw_member_value(m), c, sizeof c);
				in_chrome |= !strcmp(c, line);
			}
			for (const cw_member *m = cw_value_first(cw_value_get(root, "paragraphs")); m; m = cw_member_next(m)) {
				char c[4096];
				value_text(cw_value_get(cw_member_value(m), "text"), c, sizeof c);
				in_body |= !strcmp(c, line);
			}
			if (!in_chrome || in_body) {
				ok = 0;
				snprintf(why, wsize, "line %.10s %s", t, in_body ? "left in the paragraphs" : "not in chrome");
				break;
			}
		}
		if (first)
			cw_record_free(first);
		cw_options_free(opt);
		return ok;
	} else {
		value_text(path_get(root, x->path), have, sizeof have);
	}
	ok = !strcmp(have, want);
	snprintf(why, wsize, "%s is '%.120s', expected '%.120s'", x->path, have, want);
	if (first)
		cw_record_free(first);
	cw_options_free(opt);
	return ok;
}

static void check_expects(const char *dir, const expect *xs, size_t n, int seeds, metric *m)
{
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		if (seeds) {
			/* seeds are named NNN_hash.txt */
			DIR *d = opendir(dir);
			struct dirent *e;
			path[0] = '\0';
			while (d && (e = readdir(d)))
				if (!strncmp(e->d_name, xs[i].file, 3))
					snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			if (d)
				closedir(d);
		} else {
			snprintf(path, sizeof path, "%s/%s", dir, xs[i].file);
		}
		size_t len;
		char *buf = path[0] ? read_file(path, &len) : NULL;
		char id[256], why[400] = "file missing";
		snprintf(id, sizeof id, "%s %s", xs[i].file, xs[i].path);
		count(m, buf && check_expect(&xs[i], buf, len, path, why, sizeof why), id, why);
		free(buf);
	}
}

/* ---- main --------------------------------------------------------------------------------------- */

static int report(metric **all, const char *title)
{
	printf("\n%s\n\n", title);
	return print_table(all, 0);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: news_check NEWS_DIR SEEDS_DIR REUTERS_DIR NAEB_DATELINES\n");
		return 2;
	}
	int failed = 0;
	reuters_metrics sg = {
		{ "title = <TITLE>", 99.0, 0, 0, { { 0 } }, 0 },
		{ "byline names = <AUTHOR> names", 98.0, 0, 0, { { 0 } }, 0 },
		{ "dateline location = <DATELINE> up to its comma", 99.0, 0, 0, { { 0 } }, 0 },
		{ "one record a story, in order", 100.0, 0, 0, { { 0 } }, 0 },
		{ "form", 0, 0, 0, { { 0 } }, 0 },
	};
	reuters_metrics wt = {
		{ "title = <TITLE>", 99.0, 0, 0, { { 0 } }, 0 },
		{ "byline names = <AUTHOR> names", 98.0, 0, 0, { { 0 } }, 0 },
		{ "dateline location = <DATELINE> up to its comma", 99.0, 0, 0, { { 0 } }, 0 },
		{ "records", 0, 0, 0, { { 0 } }, 0 },
		{ "detected as wire-text", 99.0, 0, 0, { { 0 } }, 0 },
	};
	check_reuters(argv[3], &sg, &wt);
	metric *sgm[] = { &sg.records, &sg.title, &sg.author, &sg.location, NULL };
	metric *wtm[] = { &wt.form, &wt.title, &wt.author, &wt.location, NULL };
	failed |= report(sgm, "Reuters-21578 dev files, as SGML");
	failed |= report(wtm, "Reuters-21578 dev files, each story as plain wire text");

	naeb_metrics nb = {
		{ "headline = title", 98.0, 0, 0, { { 0 } }, 0 },
		{ "byline names = authors", 98.0, 0, 0, { { 0 } }, 0 },
		{ "datelines found that the text has (precision)", 100.0, 0, 0, { { 0 } }, 0 },
		{ "datelines the text has that are found (recall)", 0, 0, 0, { { 0 } }, 0 },
	};
	char path[4096];
	snprintf(path, sizeof path, "%s/naeb-dev.json", argv[1]);
	check_naeb(path, argv[4], &nb);
	metric *nbm[] = { &nb.title, &nb.author, &nb.dateline_precision, &nb.dateline_recall, NULL };
	failed |= report(nbm, "naeb-dev.json, each article as web text");

	metric wire = { "expected values of the wire samples", 100.0, 0, 0, { { 0 } }, 0 };
	snprintf(path, sizeof path, "%s/wire-samples", argv[1]);
	check_expects(path, wire_expects, sizeof wire_expects / sizeof *wire_expects, 0, &wire);
	metric seeds = { "seeds: headline, credits, chrome (by line)", 100.0, 0, 0, { { 0 } }, 0 };
	check_expects(argv[2], seed_expects, sizeof seed_expects / sizeof *seed_expects, 1, &seeds);
	metric *xm[] = { &wire, &seeds, NULL };
	failed |= report(xm, "wire samples and seed articles");
	return failed;
}
