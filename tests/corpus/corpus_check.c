/* Accuracy against the shared corpus: parses every cable of an extracted archive through the
 * public API and compares the record with the WikiLeaks page's own metadata
 * (wikileaks-html.metadata.csv). Prints one table; exits 1 when an enforced target is missed.
 *
 * usage: corpus_check html METADATA.csv EXTRACTED_DIR   (pages at the metadata's paths)
 *        corpus_check body-txt METADATA.csv DIR         (DIR/<ref_id>.txt, body only, no header) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cablewire.h"
#include "metrics.h"

enum { MAX_FIELDS = 8 };

typedef struct row {
	char *f[MAX_FIELDS];  /* ref_id, created, released, classification, origin, subject, path */
	int n;
} row;

/* One RFC 4180 record from f: quoted fields may hold commas, quotes ("") and newlines. */
static int read_row(FILE *f, row *r)
{
	int c, nf = 0;
	size_t cap = 256, len = 0;
	char *cell = malloc(cap);
	int quoted = 0, any = 0;
	r->n = 0;
	for (;;) {
		c = fgetc(f);
		if (c == EOF && !any) {
			free(cell);
			return 0;
		}
		any = 1;
		if (quoted) {
			if (c == '"') {
				int d = fgetc(f);
				if (d == '"') {
					c = '"';
				} else {
					quoted = 0;
					if (d != EOF)
						ungetc(d, f);
					continue;
				}
			} else if (c == EOF) {
				quoted = 0;
			}
		} else if (c == '"' && len == 0) {
			quoted = 1;
			continue;
		} else if (c == ',' || c == '\n' || c == EOF) {
			cell[len] = '\0';
			if (nf < MAX_FIELDS)
				r->f[nf++] = strdup(cell);
			len = 0;
			if (c != ',') {
				r->n = nf;
				free(cell);
				return 1;
			}
			continue;
		} else if (c == '\r') {
			continue;
		}
		if (len + 2 > cap)
			cell = realloc(cell, cap *= 2);
		cell[len++] = (char)c;
	}
}

/* Upper case, letters and digits only: "Embassy Tel Aviv" -> "EMBASSYTELAVIV". */
static void squash(const char *in, char *out, size_t size)
{
	size_t n = 0;
	for (; in && *in && n + 1 < size; in++)
		if (isalnum((unsigned char)*in))
			out[n++] = (char)toupper((unsigned char)*in);
	out[n] = '\0';
}

/* Does the telegram's FM address name the page's Origin ("Embassy Damascus" vs "AMEMBASSY
 * DAMASCUS")? The agency word differs between the two; the place must appear. */
static int origin_agrees(const char *meta, const char *fm)
{
	static const char *agencies[] = { "Embassy ", "Consulate ", "US Mission ", "Mission ",
					  "US Interests Section ", "USUN ", "USEU ", "Iran RPO ",
					  "REO ", "American Institute Taiwan, " };
	char m[256], f[256];
	if (!strcmp(meta, "Secretary of State") || !strncmp(meta, "US Delegation, Secretary", 24))
		return !strncmp(fm, "SECSTATE", 8) || strstr(fm, "SECRETARY") != NULL;
	const char *place = meta;
	for (size_t i = 0; i < sizeof agencies / sizeof *agencies; i++)
		if (!strncmp(meta, agencies[i], strlen(agencies[i]))) {
			place = meta + strlen(agencies[i]);
			break;
		}
	squash(place, m, sizeof m);
	squash(fm, f, sizeof f);
	return m[0] && strstr(f, m) != NULL;
}

/* Classification as the page's table writes it ("SECRET//NOFORN", "UNCLASSIFIED//FOR OFFICIAL
 * USE ONLY") against the telegram's level: the level part must agree; LIMITED OFFICIAL USE is
 * filed under UNCLASSIFIED. */
static int level_agrees(const char *meta, const char *level)
{
	if (!level)
		return 0;
	size_t n = strcspn(meta, "/");
	if (!strcmp(level, "LIMITED OFFICIAL USE") || !strncmp(level, "UNCLASSIFIED", 12))
		return n == 12 && !strncmp(meta, "UNCLASSIFIED", 12);
	return strlen(level) == n && !strncmp(meta, level, n);
}

/* The index cuts a subject at its first line and drops a leading non-letter ("(S) X" -> "S) X"):
 * compare letters and digits only, the index's as a prefix of ours. */
static int subject_agrees(const char *index, const char *subject, const char *marking)
{
	char a[2048], b[2048], full[2400];
	snprintf(full, sizeof full, "%s%s%s%s", marking ? "(" : "", marking ? marking : "",
		 marking ? ") " : "", subject ? subject : "");
	squash(index, a, sizeof a);
	squash(full, b, sizeof b);
	if (a[0] && !strncmp(a, b, strlen(a)))
		return 1;
	/* Where a page lost its newlines, the index ran the subject on into the REF or Classified By
	 * that followed: ours must then be the index up to that keyword. */
	size_t nb = strlen(b);
	if (!b[0] || strncmp(a, b, nb) != 0)
		return 0;
	static const char *next[] = { "REF", "CLASSIFIEDBY", "EO1", "TAGS", "1C", "1U", "1S", "SUMMARY" };
	for (size_t i = 0; i < sizeof next / sizeof *next; i++)
		if (!strncmp(a + nb, next[i], strlen(next[i])))
			return 1;
	return 0;
}

/* The release's malformed ids carry a garbled infix between year and origin: 08EFTOLONDON2883,
 * 08ECTION01OF02MANAMA492, 09SECTION01OF03SANJOSE525 (SECTION nn OF nn, with OF garbled too).
 * The issue asks for them to map to the real id; this is that mapping, for the comparison. */
static void release_id_repaired(const char *rel, char *out, size_t size)
{
	snprintf(out, size, "%s", rel);
	if (strlen(rel) < 4)
		return;
	const char *p = rel + 2;
	if (!strncmp(p, "EFTO", 4)) {
		p += 4;
	} else if (!strncmp(p, "SECTION", 7) || !strncmp(p, "ECTION", 6)) {
		p += *p == 'S' ? 7 : 6;
		while (isdigit((unsigned char)*p))
			p++;
		if (isupper((unsigned char)p[0]) && isupper((unsigned char)p[1]))
			p += 2;
		while (isdigit((unsigned char)*p))
			p++;
	} else {
		return;
	}
	snprintf(out, size, "%.2s%s", rel, p);
}

/* Whether some line of buf starts with prefix (after an optional paragraph anchor). */
static int has_line_start(const char *buf, const char *prefix)
{
	size_t n = strlen(prefix);
	for (const char *p = buf; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		/* WikiLeaks' paragraph anchor: <a id='par1' href='#par1'>¶</a> */
		if (!strncmp(p, "<a ", 3)) {
			const char *close = strstr(p, "</a>");
			const char *eol = strchr(p, '\n');
			if (close && (!eol || close < eol))
				p = close + 4;
		}
		if (!strncmp(p, prefix, n))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 4 || (strcmp(argv[1], "html") != 0 && strcmp(argv[1], "body-txt") != 0)) {
		fprintf(stderr, "usage: corpus_check html|body-txt METADATA.csv DIR\n");
		return 2;
	}
	int body_txt = !strcmp(argv[1], "body-txt");
	FILE *meta = fopen(argv[2], "r");
	if (!meta) {
		perror(argv[2]);
		return 2;
	}
	metric dtg = { "DTG date+hour = Created (pages with a routing header)", 99.5, 0, 0, { { 0 } }, 0 };
	metric origin = { "FM address names the Origin (pages with an FM line)", 99.0, 0, 0, { { 0 } }, 0 };
	metric pages = { "files parsed into one cable record", 100.0, 0, 0, { { 0 } }, 0 };
	metric empty = { "files without telegram text say CABLE_NOT_FOUND", 100.0, 0, 0, { { 0 } }, 0 };
	metric idm = { "id = ref_id (malformed ones repaired)", 99.5, 0, 0, { { 0 } }, 0 };
	metric cls = { "classification level = Classification", 99.5, 0, 0, { { 0 } }, 0 };
	metric subj = { "subject starts with subject_from_index (non-empty)", 98.0, 0, 0, { { 0 } }, 0 };
	metric has_tags = { "tags non-empty where the text has TAGS", 99.5, 0, 0, { { 0 } }, 0 };
	metric has_eo = { "eo.order non-empty where the text has E.O.", 99.5, 0, 0, { { 0 } }, 0 };
	metric has_paras = { "paragraphs non-empty where the text has numbered ones", 99.5, 0, 0, { { 0 } }, 0 };
	metric has_clsby = { "classified_by non-empty where the text has Classified By", 99.0, 0, 0, { { 0 } }, 0 };
	metric has_sig = { "signature found (pages ending in a name line)", 0, 0, 0, { { 0 } }, 0 };
	row r;
	read_row(meta, &r); /* header */
	cw_options *opt = cw_options_new();
	long headers = 0, malformed = 0, absent = 0, from_release = 0;
	while (read_row(meta, &r)) {
		if (r.n < 7)
			continue;
		const char *ref = r.f[0], *created = r.f[1], *morigin = r.f[4], *path = r.f[6];
		char full[4096];
		if (body_txt)
			snprintf(full, sizeof full, "%s/%s.txt", argv[3], ref);
		else
			snprintf(full, sizeof full, "%s/%s", argv[3], path);
		size_t len;
		char *buf = read_file(full, &len);
		if (!buf) {
			/* The body-txt set holds only some of the pages; the HTML set all of them. */
			if (body_txt)
				absent++;
			else
				count(&pages, 0, ref, "page missing from the archive");
			for (int i = 0; i < r.n; i++)
				free(r.f[i]);
			continue;
		}
		cw_record *rec = cw_parse(opt, buf, len, full);
		const cw_value *root = cw_record_root(rec);
		if (body_txt && !strstr(buf, "<pre>")) {
			/* Saved without the cable ("Appears in these articles:" and nothing else). */
			int found = 0;
			for (size_t i = 0; rec && i < cw_record_diag_count(rec); i++) {
				const cw_diag *d = cw_record_diag(rec, i);
				found |= d->severity == CW_ERROR && !strcmp(d->code, "CABLE_NOT_FOUND");
			}
			count(&empty, found, ref, "a file without telegram text gave no CABLE_NOT_FOUND error");
			cw_record_free(rec);
			free(buf);
			for (int i = 0; i < r.n; i++)
				free(r.f[i]);
			continue;
		}
		count(&pages, rec && !strcmp(cw_record_kind(rec), "cable"), ref, "no cable record");
		const char *id_source = str(cw_value_get(root, "id_source"));
		if (id_source && !strcmp(id_source, "release"))
			from_release++;
		const char *shape = str(cw_value_get(root, "routing.shape"));
		if (shape && strcmp(shape, "none") != 0) {
			headers++;
			const char *d = str(cw_value_get(root, "routing.dtg"));
			/* Created is "YYYY-MM-DD HH:xx"; its minutes are not minutes (corpus README). */
			int ok = d && !strncmp(d, created, 10) && !strncmp(d + 11, created + 11, 2);
			char why[400];
			snprintf(why, sizeof why, "DTG %s, Created %s", d ? d : "none", created);
			count(&dtg, ok, ref, why);
		}
		const char *fm = str(cw_value_get(root, "routing.from.address"));
		if (fm) {
			char why[400];
			snprintf(why, sizeof why, "FM %s, Origin %s", fm, morigin);
			count(&origin, origin_agrees(morigin, fm), ref, why);
		}
		const char *id = str(cw_value_get(root, "id"));
		char why[400];
		snprintf(why, sizeof why, "id %s", id ? id : "none");
		/* Malformed release ids (08EFTOLONDON2883) cannot agree; they are counted, and listed. */
		char repaired[128];
		release_id_repaired(ref, repaired, sizeof repaired);
		if (strcmp(repaired, ref) != 0)
			malformed++;
		count(&idm, id && (!strcmp(id, ref) || !strcmp(id, repaired)), ref, why);
		const char *level = str(cw_value_get(root, "classification.level"));
		snprintf(why, sizeof why, "level %s, page %s", level ? level : "none", r.f[3]);
		count(&cls, level_agrees(r.f[3], level), ref, why);
		if (r.f[5][0]) {
			const char *sj = str(cw_value_get(root, "subject"));
			const char *mk = str(cw_value_get(root, "subject_marking"));
			snprintf(why, sizeof why, "subject '%.80s', index '%.80s'", sj ? sj : "none", r.f[5]);
			count(&subj, subject_agrees(r.f[5], sj, mk), ref, why);
		}
		/* Presence: the page's text says the element is there. */
		if (strstr(buf, "TAGS"))
			count(&has_tags, cw_value_count(cw_value_get(root, "tags")) > 0, ref, "no tags");
		if (strstr(buf, "E.O. 1") || strstr(buf, "EO 1"))
			count(&has_eo, cw_value_get(root, "eo.order") != NULL &&
				       cw_value_type(cw_value_get(root, "eo.order")) == CW_STRING, ref, "no eo");
		/* Pages write their newlines as &#x000A;, so there the anchor is the mark. */
		if (strstr(buf, "</a>1. ") || strstr(buf, "</a>1.(") || has_line_start(buf, "1. ") ||
		    has_line_start(buf, "1.("))
			count(&has_paras, cw_value_count(cw_value_get(root, "paragraphs")) > 0, ref, "no paragraphs");
		if (strstr(buf, "Classified By") || strstr(buf, "CLASSIFIED BY") || strstr(buf, "Classified by"))
			count(&has_clsby, cw_value_type(cw_value_get(root, "classified_by")) == CW_OBJECT, ref,
			      "no classified_by");
		count(&has_sig, cw_value_count(cw_value_get(root, "signature")) > 0, ref, "no signature");
		cw_record_free(rec);
		free(buf);
		for (int i = 0; i < r.n; i++)
			free(r.f[i]);
	}
	fclose(meta);
	cw_options_free(opt);

	metric *all_html[] = { &pages, &dtg, &origin, &idm, &cls, &subj, &has_tags, &has_eo, &has_paras,
			       &has_clsby, &has_sig, NULL };
	metric *all_body[] = { &pages, &empty, &idm, &cls, &subj, &has_tags, &has_eo, &has_paras,
			       &has_clsby, &has_sig, NULL };
	metric **all = body_txt ? all_body : all_html;
	if (body_txt)
		printf("\nbody-txt.tar.xz: %ld files with telegram text, %ld without (CABLE_NOT_FOUND), "
		       "%ld metadata rows without a file; %ld ids taken from the release (the text "
		       "names none), %ld malformed release ids (compared after repair)\n\n",
		       pages.total, empty.total, absent, from_release, malformed);
	else
		printf("\nwikileaks-html.tar.xz: %ld pages, %ld with a routing header, %ld ids taken "
		       "from the release (the text names none), %ld malformed release ids (compared "
		       "after repair)\n\n", pages.total, headers, from_release, malformed);
	return print_table(all, 1);
}
