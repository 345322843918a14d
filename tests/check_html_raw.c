/* A page without its scripts' and style sheets' text (lexer/input/html_raw.re): what is left out
 * (counted by hand), and that libxml2 parses the copy to the page's own tree
 * (tests/html_raw_same.h) on the constructs where a tokenizer could part from the parser's, and
 * on every golden page. */
#include <dirent.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "html_raw_same.h"

/* a page as a literal, with its length: one case holds a NUL byte */
#define PAGE(s) s, sizeof(s) - 1

static const struct {
	const char *page;
	size_t len, dropped;
} raw_cases[] = {
	/* a script's and a style sheet's text go; the line ends stay, so <p> keeps its line */
	{ PAGE("<html><head><style>p{color:red}\n</style><script>var a = 1;\nvar b = 2;</script></head>\n"
	  "<body><p>Harbour fees rose.</p></body></html>"), 12 + 20 },
	/* a JSON-LD script stays, and so does the "<style>" in its strings */
	{ PAGE("<html><head><script type=\"application/ld+json\">{\"a\":\"<style>x</style>\"}</script>"
	  "</head><body><p>Ferry news.</p><script>f()</script></body></html>"), 3 },
	/* a script in a comment (a conditional one too) is the comment's text */
	{ PAGE("<html><body><!-- <script>gone()</script> --><p>One.</p>"
	  "<!--[if lt IE 9]><script>old()</script><![endif]--></body></html>"), 0 },
	/* "<!-->" starts a comment that "-->" ends (libxml2 2.9); "--!>" ends one too */
	{ PAGE("<html><body><!--><script>a()</script><!---><p>x</p><!-- b --!><script>c()</script>"
	  "</body></html>"), 3 },
	/* "<!" but a comment or a DOCTYPE is text: a script right after it is one; a processing
	 * instruction ends at the first '>' */
	{ PAGE("<html><body><![CDATA[<p>]]><script>d()</script><!\n<style>e{}</style>"
	       "<?x <script>g()</script> ?></body></html>"), 3 + 3 },
	/* a '>' and a "<script>" inside quoted attribute values are no tags (both data-*
	 * attributes go too: nothing reads them) */
	{ PAGE("<html><body><div data-a=\"1>2\" data-b='<script>e()</script>'>t</div>"
	  "<script>f()</script></body></html>"), 12 + 29 + 3 },
	/* srcset and unread data-* attributes go, their line ends stay; data-testid stays */
	{ PAGE("<html><body><img srcset=\"a.jpg 1x,\nb.jpg 2x\" alt=\"\"><div data-testid=\"byline\" "
	       "DATA-TRACK=\"x\" class=\"c\">By Ann Lee</div></body></html>"), 26 + 14 },
	/* "/>" ends a script as an empty element: what follows is the page's */
	{ PAGE("<html><body><script src=\"a.js\"/><p>After the tag.</p><script>g()</script></body></html>"),
	  3 },
	/* "a/>" unquoted is a value and '>' ends the tag: raw text follows */
	{ PAGE("<html><body><script src=a/>h()</script><p>z</p></body></html>"), 3 },
	/* any case, an end tag with blanks; "</style>" is script text */
	{ PAGE("<html><body><SCRIPT>i(\"</style>\")</SCRIPT ><p>y</p></body></html>"), 13 },
	/* "</scripts>" ends the raw text as an end tag that may close an element of that name
	 * around the script: the page is left as it is */
	{ PAGE("<html><body><scripts><script>i(\"</scripts>\")</script><p>y</p></body></html>"), 0 },
	/* a processing instruction, a DOCTYPE */
	{ PAGE("<!DOCTYPE html><?xml-stylesheet href=\"a.css\"?><html><body><script>j()</script>"
	  "<p>w</p></body></html>"), 3 },
	/* a script that never ends runs to the page's end */
	{ PAGE("<html><body><p>v</p><script>k()\n<p>not a paragraph</p>"), 25 },
	/* an unfinished comment hides the rest */
	{ PAGE("<html><body><p>u</p><!-- <script>l()</script>"), 0 },
	/* a '<' in an unquoted value, a bogus attribute */
	{ PAGE("<html><body><div a=<script> \"b\" <c>t</div><script>m()</script></body></html>"), 3 },
	/* "<style" and "<script" as the start of longer names are other elements */
	{ PAGE("<html><body><styles>n</styles><scripting>o</scripting><script>p()</script></body></html>"),
	  3 },
	/* nothing but line ends: nothing to leave out */
	{ PAGE("<html><body><script>\n\n</script><p>q</p></body></html>"), 0 },
	/* an <svg>'s content goes (its own line ends stay), a '>' in its path data is no tag end */
	{ PAGE("<html><body><a href=\"/\"><svg viewBox=\"0 0 9 9\"><title>Home</title>\n"
	       "<path d=\"M0 0L9>9\"/><g><circle r=\"1\"></circle></g></svg>Home</a>"
	       "<p>Storm news.</p></body></html>"), 69 },
	/* not when an end tag inside closes what was open around it; of nested ones, the inner */
	{ PAGE("<html><body><div><svg><path d=\"M0\"></div><p>r</p></svg></body></html>"), 0 },
	{ PAGE("<html><body><svg><svg><path/></svg></svg><p>q</p></body></html>"), 7 },
	/* nor when a <div> or a table part opens in it: libxml2 ignores a "</svg>" while one is
	 * open */
	{ PAGE("<html><body><svg><path/><div>e</svg> f</div></svg><p>g</p></body></html>"), 0 },
	/* nor when a DOCTYPE stands in it: it gives the document a DTD wherever it is */
	{ PAGE("<html><body><svg><path/><!DOCTYPE html></svg><p>d</p></body></html>"), 0 },
	/* the content goes whole, a script in it with it */
	{ PAGE("<html><body><svg><script>s()</script><b></svg></body></html>"), 23 },
	/* a script whose text starts with an end tag: libxml2 may close the script there or not,
	 * as the elements open decide: the page is left as it is */
	{ PAGE("<html><body><div><p><script src=x></div><div><script>t()</script></div></body></html>"),
	  0 },
	/* ... or right after an end tag that the raw text's end made and that closed nothing */
	{ PAGE("<html><body><div><script>u(1<2)</scripts></div><p>v</p><script>w()</script>"
	       "</body></html>"), 0 },
	/* "</stylesheet>" in a script is raw text (its first "</script>" ends it, in a string or
	 * not), and so is "</scripts>" in a style sheet */
	{ PAGE("<html><body><script>x(\"</stylesheet> </script>\")</script><style>"
	       "a{}</scripts></style><p>y</p></body></html>"), 17 + 13 },
	/* a start tag that libxml2 lets close the element right at its raw text's start: <body>
	 * a style sheet, <noscript> a script; elsewhere in the raw text it is text */
	{ PAGE("<html><head><style><body><p>z</p><style>a{}<body>b{}</style><script><noscript>n"
	       "</noscript><script>c()<noscript></script></head></html>"), 12 + 13 },
	/* a name over 100 bytes, which libxml2 cuts and reads on from: the page is left as it is */
	{ PAGE("<html><body><p data-a1234567890123456789012345678901234567890123456789012345678901234"
	       "567890123456789012345678901234567890=\"x>y\">t</p><script>u()</script></body></html>"), 0 },
	/* a DOCTYPE after the first markup puts libxml2's line count out: left as it is */
	{ PAGE("<html><body><p>h</p><!DOCTYPE html><script>i()</script></body></html>"), 0 },
	/* ... and one with a processing instruction whose name starts with a byte over 0x7f */
	{ PAGE("<html><body><p>j<?\xcb\x8cx <script>k()</script> ?></p></body></html>"), 0 },
	/* "</" and no name at a style sheet's start is passed over: the <body> after it still
	 * closes the style sheet */
	{ PAGE("<html><head><style></<body><p>l</p><style>m{}</style></head></html>"), 2 + 3 },
	/* a "<body." there closes it too: libxml2 looks ahead at names without their '.' */
	{ PAGE("<html><head><style><body.x><p>n</p><style>o{}</style></head></html>"), 3 },
	/* a page with a NUL byte is not rewritten */
	{ PAGE("<html><body><script>r()</script><p>s\0t</p></body></html>"), 0 },
};

START_TEST(test_raw_cases)
{
	const char *page = raw_cases[_i].page;
	size_t len = raw_cases[_i].len, dropped = 0;
	char why[512] = "";
	int same = html_raw_same(page, len, &dropped, why, sizeof why);
	ck_assert_msg(same, "case %d: %s", _i, why);
	ck_assert_msg(dropped == raw_cases[_i].dropped, "case %d: %zu bytes left out, expected %zu",
		      _i, dropped, raw_cases[_i].dropped);
}
END_TEST

/* Every golden page: the same tree. */
START_TEST(test_raw_golden_pages)
{
	const char *root = getenv("TESTDATA") ? getenv("TESTDATA") : "testdata";
	char dir[512];
	snprintf(dir, sizeof dir, "%s/articles/valid", root);
	DIR *d = opendir(dir);
	ck_assert_msg(d != NULL, "no %s", dir);
	struct dirent *e;
	int pages = 0;
	size_t dropped_all = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s/input.html", dir, e->d_name);
		size_t len = 0;
		char *page = read_file(path, &len);
		if (!page)
			continue;
		size_t dropped = 0;
		char why[512] = "";
		int same = html_raw_same(page, len, &dropped, why, sizeof why);
		ck_assert_msg(same, "%s: %s", path, why);
		dropped_all += dropped;
		pages++;
		free(page);
	}
	closedir(d);
	ck_assert_int_gt(pages, 50);
	ck_assert_uint_gt(dropped_all, 0);
}
END_TEST

/* Pages built to make a scanner go back over what it read: each is 4 MiB, and each is read in
 * well under a second of CPU (a scan that went back once per tag would take hours). */
static const char *const repeated_units[] = {
	"<svg><g>",                         /* svgs that never end: each scan stops at the next */
	"<svg></div>",                      /* svgs whose end tag closes what is outside */
	"<svg><script>a()</script>",        /* raw text inside svgs that never end */
	"<script>a</scripts>",              /* raw text that end tags pass over, never closed */
	"<p data-a=\"<svg>\" srcset=x>",  /* cut attributes, their '<' no tags */
	"<a x=\"<script>",                 /* a quote never closed */
	"<!-- <svg> <script>",              /* a comment never closed */
};

START_TEST(test_raw_linear)
{
	const char *unit = repeated_units[_i];
	size_t un = strlen(unit), n = 0, cap = 4u << 20;
	char *page = malloc(cap + 1), *out = malloc(cap + 1);
	ck_assert(page && out);
	while (n + un <= cap) {
		memcpy(page + n, unit, un);
		n += un;
	}
	page[n] = '\0';
	clock_t t0 = clock();
	size_t out_len = 0;
	html_drop_raw_text(page, n, out, &out_len);
	double cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ck_assert_msg(cpu < 1.0, "4 MiB of \"%s\": %.2f s of CPU", unit, cpu);
	free(page);
	free(out);
}
END_TEST

Suite *suite_html_raw(void)
{
	Suite *s = suite_create("html_raw");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_raw_cases, 0, sizeof raw_cases / sizeof *raw_cases);
	tcase_add_test(tc, test_raw_golden_pages);
	tcase_add_loop_test(tc, test_raw_linear, 0,
			    sizeof repeated_units / sizeof *repeated_units);
	suite_add_tcase(s, tc);
	return s;
}
