/* Writes an invented cables.csv-form file of about SIZE bytes to standard output, for the
 * benchmark: no header row, 8 quoted columns (id, M/D/YYYY H:MM, refid, origin, classification,
 * refs joined by |, header, text), quotes written \", header and text lines ending in a backslash.
 * The content is made up from a small vocabulary; only the shape follows the leak's dump.
 * Row sizes follow the release's: each row's size is drawn from the quantiles below (mean about
 * 6.8 KB, long tail to about 54 KB), so that rows/s figures compare with the real 1.7 GB file.
 *
 * usage: gen_cables_csv SIZE_BYTES [SEED] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 88172645463325252ULL;

static uint32_t rnd(uint32_t n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state % n);
}

static const char *posts[] = { "VALLETTA", "ANKARA", "HARARE", "NICOSIA", "LIMA", "RABAT",
			       "OSLO", "DAKAR", "QUITO", "SANAA", "TALLINN", "MINSK" };
static const char *levels[] = { "UNCLASSIFIED", "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
				"CONFIDENTIAL", "SECRET", "SECRET//NOFORN" };
static const char *heads[] = { "UNCLAS", "UNCLAS SENSITIVE", "C O N F I D E N T I A L",
			       "S E C R E T", "S E C R E T NOFORN" };
static const char *marks[] = { "U", "SBU", "C", "S", "S/NF" };
static const char *months[] = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
				"JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
static const char *tags[] = { "PGOV", "PREL", "ECON", "EFIN", "MARR", "PHUM", "KDEM", "SNAR" };
static const char *words[] = {
	"the", "minister", "said", "that", "council", "would", "consider", "a", "proposal", "on",
	"trade", "and", "port", "fees", "during", "its", "next", "session", "officials", "told",
	"poloff", "budget", "talks", "remain", "stalled", "over", "subsidies", "for", "farmers",
	"embassy", "will", "follow", "up", "with", "ministry", "contacts", "in", "coming", "weeks",
	"opposition", "leaders", "called", "\\\"urgent\\\"", "reform", "of", "electoral", "law",
};

/* Row sizes in bytes at quantiles 0, 5, 10, 25, 50, 75, 90, 95, 99, 99.9 and 100 %: the sizes of
 * the header and body text of the 4,205 pages of ../shared/corpus/cables/wikileaks-html (mean
 * 8.4 KB), scaled by 0.813 to the release's mean (1.7 GB / 251,287 rows = 6.8 KB). */
static const double size_at[][2] = {
	{ 0.000, 300 },	  { 0.050, 1190 },  { 0.100, 1820 },  { 0.250, 3490 },
	{ 0.500, 5930 },  { 0.750, 8800 },  { 0.900, 12320 }, { 0.950, 15090 },
	{ 0.990, 26220 }, { 0.999, 44950 }, { 1.000, 54200 },
};

/* A row size drawn from the table: the quantile u, then linear between its two neighbours. */
static unsigned long row_size(void)
{
	double u = rnd(1000000) / 1000000.0;
	size_t i = 1;
	while (i + 1 < sizeof size_at / sizeof *size_at && size_at[i][0] < u)
		i++;
	double lo = size_at[i - 1][0], hi = size_at[i][0];
	double t = hi > lo ? (u - lo) / (hi - lo) : 0;
	return (unsigned long)(size_at[i - 1][1] + t * (size_at[i][1] - size_at[i - 1][1]));
}

static char out[1 << 20];
static size_t used;
static unsigned long long total; /* bytes written so far */

static void put(const char *s)
{
	size_t n = strlen(s);
	if (used + n > sizeof out) {
		fwrite(out, 1, used, stdout);
		used = 0;
	}
	memcpy(out + used, s, n);
	used += n;
	total += n;
}

static void putf(const char *fmt, long a, long b, long c)
{
	char tmp[256];
	snprintf(tmp, sizeof tmp, fmt, a, b, c);
	put(tmp);
}

/* One line of the header or text: its content, then the dump's backslash line end. */
static void line(const char *s)
{
	put(s);
	put("\\\n");
}

static void sentence(void)
{
	int n = 8 + (int)rnd(14);
	for (int i = 0; i < n; i++) {
		const char *w = words[rnd(sizeof words / sizeof *words)];
		put(i ? " " : "");
		if (i == 0) {
			char cap[32];
			snprintf(cap, sizeof cap, "%s", w);
			if (cap[0] >= 'a' && cap[0] <= 'z')
				cap[0] = (char)(cap[0] - 'a' + 'A');
			put(cap);
		} else {
			put(w);
		}
		if (i % 11 == 10)
			put("\\\n"); /* a wrapped line */
	}
	put(".  ");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen_cables_csv SIZE_BYTES [SEED]\n");
		return 2;
	}
	unsigned long long size = strtoull(argv[1], NULL, 10);
	if (argc > 2)
		state ^= strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ULL;
	char buf[512];
	for (long row = 1; total < size; row++) {
		unsigned long long row_start = total, target = row_size();
		int post = (int)rnd(sizeof posts / sizeof *posts);
		int lvl = (int)rnd(sizeof levels / sizeof *levels);
		int year = 2000 + (int)rnd(10), month = 1 + (int)rnd(12), day = 1 + (int)rnd(28);
		int hour = (int)rnd(24), minute = (int)rnd(60);
		long serial = 1 + (long)rnd(9000);
		putf("\"%ld\",", row, 0, 0);
		putf("\"%ld/%ld/", month, day, 0);
		putf("%ld %ld:", year, hour, 0);
		putf("%02ld\",", minute, 0, 0);
		snprintf(buf, sizeof buf, "\"%02d%s%ld\",\"Embassy %c%s\",\"%s\",", year % 100,
			 posts[post], serial, posts[post][0], posts[post] + 1, levels[lvl]);
		put(buf);
		snprintf(buf, sizeof buf, "\"%02d%s%ld|%02dSTATE%ld\",\"", year % 100,
			 posts[(post + 1) % 12], (long)rnd(900) + 1, year % 100, (long)rnd(90000) + 1);
		put(buf);
		/* header */
		line("VZCZCXYZ0001");
		line("OO RUEHWEB");
		line("");
		snprintf(buf, sizeof buf, "DE RUEHXX #%04ld/01 %03d%02d%02d", serial % 10000,
			 (month - 1) * 30 + day, hour, minute);
		line(buf);
		line(lvl >= 3 ? "ZNY SSSSS ZZH" : lvl == 2 ? "ZNY CCCCC ZZH" : "ZNR UUUUU ZZH");
		snprintf(buf, sizeof buf, "O %02d%02d%02dZ %s %02d", day, hour, minute, months[month - 1],
			 year % 100);
		line(buf);
		snprintf(buf, sizeof buf, "FM AMEMBASSY %s", posts[post]);
		line(buf);
		line("TO RUEHC/SECSTATE WASHDC IMMEDIATE 4127");
		snprintf(buf, sizeof buf, "INFO RUEHXX/AMEMBASSY %s 0001", posts[(post + 3) % 12]);
		line(buf);
		line("BT");
		put("\",\"");
		/* text */
		snprintf(buf, sizeof buf, "%s %s %06ld", heads[lvl], posts[post], serial);
		line(buf);
		line("");
		line("SIPDIS");
		line("");
		snprintf(buf, sizeof buf, "E.O. 12958: DECL: %02d/%02d/%04d", month, day, year + 10);
		line(buf);
		snprintf(buf, sizeof buf, "TAGS: %s %s", tags[rnd(8)], tags[rnd(8)]);
		line(buf);
		snprintf(buf, sizeof buf, "SUBJECT: %s COUNCIL DELAYS VOTE ON PORT FEES", posts[post]);
		line(buf);
		line("");
		snprintf(buf, sizeof buf, "REF: A. %s %ld", posts[(post + 1) % 12], (long)rnd(900) + 1);
		line(buf);
		line("");
		if (lvl >= 2) {
			line("Classified By: Ambassador A. Example for reasons 1.4 (b) and (d)");
			line("");
		}
		/* Paragraphs until the row reaches its drawn size (at least one). */
		for (int p = 1; p == 1 || total - row_start + 180 < target; p++) {
			snprintf(buf, sizeof buf, "%d. (%s) ", p, marks[lvl]);
			put(buf);
			int sentences = 2 + (int)rnd(6);
			for (int k = 0; k < sentences && total - row_start + 180 < target; k++)
				sentence();
			put("\\\n");
			line("");
		}
		line("EXAMPLE");
		put("\"\n");
	}
	fwrite(out, 1, used, stdout);
	return 0;
}
