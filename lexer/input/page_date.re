/* Dates as pages write them, to ISO 8601 (lexer/input/page_date.h). One re2c scanner cuts the
 * string into tokens (a number, a clock time, an offset, an ISO or compact calendar date, a
 * word, punctuation); a word is a month's or a weekday's name, a meridiem or a zone by a
 * look-up (so "Mayor" is a word, "May" a month, "EST" a zone); the fields are taken in order as
 * they come, the first of each kind kept. */
#include "lexer/input/page_date.h"

#include <stdio.h>
#include <string.h>

typedef const unsigned char *uptr;

typedef struct when {
	int year, month, day, hour, minute, second, pm, am;
	int zone_known, offset; /* minutes east of UTC */
	int words;              /* other words met */
} when;

static int num(uptr s, uptr e)
{
	int v = 0;
	for (; s < e; s++)
		if (*s >= '0' && *s <= '9')
			v = v * 10 + (*s - '0');
	return v;
}

static void zone(when *w, int minutes)
{
	if (w->zone_known)
		return;
	w->zone_known = 1;
	w->offset = minutes;
}

/* +HH:MM, +HHMM, +HH */
static void offset(when *w, uptr s, uptr e)
{
	int sign = *s == '-' ? -1 : 1;
	s++;
	int hh = num(s, s + 2), mm = e - s > 2 ? num(s + 2, e) : 0;
	if (hh <= 14 && mm < 60)
		zone(w, sign * (hh * 60 + mm));
}

static void clock_time(when *w, uptr s, uptr e)
{
	if (w->hour >= 0)
		return;
	uptr c = s;
	while (c < e && *c != ':')
		c++;
	w->hour = num(s, c);
	w->minute = num(c + 1, c + 3);
	w->second = c + 3 < e ? num(c + 4, e) : 0;
}

/* A word's meaning, looked up in C: as re2c rules, the names multiplied the scanner's states
 * (46 KB of C); the scanner only finds where a word ends. */
static int word_is(const char *k, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(k, *list, n))
			return 1;
	return 0;
}

static uptr word(when *w, uptr start, uptr tok, uptr cur, uptr lim)
{
	static const char *const months[] = { "january", "february", "march", "april", "may", "june",
					      "july", "august", "september", "october", "november",
					      "december", NULL };
	static const char *const weekdays[] = { "mon", "monday", "tue", "tues", "tuesday", "wed",
						"wednesday", "thu", "thur", "thurs", "thursday", "fri",
						"friday", "sat", "saturday", "sun", "sunday", NULL };
	static const struct {
		const char *name;
		int offset;
	} zones[] = { { "UTC", 0 }, { "GMT", 0 }, { "UT", 0 }, { "Z", 0 }, { "EST", -300 },
		      { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 }, { "MST", -420 },
		      { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 }, { "CET", 60 },
		      { "CEST", 120 }, { "BST", 60 } };
	size_t n = (size_t)(cur - tok);
	char k[12];
	if (n >= sizeof k) {
		w->words++;
		return cur;
	}
	for (size_t i = 0; i < n; i++)
		k[i] = (char)(tok[i] | 0x20);
	k[n] = '\0';
	/* a.m., p.m. */
	if (n == 1 && (k[0] == 'a' || k[0] == 'p') && cur + 1 < lim && cur[0] == '.' &&
	    (cur[1] | 0x20) == 'm') {
		*(k[0] == 'a' ? &w->am : &w->pm) = 1;
		return cur + 2;
	}
	if (n == 2 && (k[0] == 'a' || k[0] == 'p') && k[1] == 'm') {
		*(k[0] == 'a' ? &w->am : &w->pm) = 1;
		return cur;
	}
	for (int i = 0; months[i]; i++)
		if ((n == 3 || (n == 4 && i == 8) || n == strlen(months[i])) &&
		    !memcmp(k, months[i], n)) {
			if (!w->month)
				w->month = i + 1;
			return cur;
		}
	/* a weekday; an ordinal's ending (21st) */
	if (word_is(k, n, weekdays) ||
	    (n == 2 && tok > start && tok[-1] >= '0' && tok[-1] <= '9' && (!memcmp(k, "st", 2) ||
	     !memcmp(k, "nd", 2) || !memcmp(k, "rd", 2) || !memcmp(k, "th", 2))))
		return cur;
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
		if (strlen(zones[i].name) == n && !memcmp(tok, zones[i].name, n)) {
			zone(w, zones[i].offset);
			return cur;
		}
	/* UTC, GMT written in lower case */
	if ((n == 3 && (!memcmp(k, "utc", 3) || !memcmp(k, "gmt", 3))))
		zone(w, 0);
	else
		w->words++;
	return cur;
}

static int digit(uptr p, uptr lim) { return p < lim && *p >= '0' && *p <= '9'; }

/* A run of digits at tok (to cur) and what it starts: an ISO calendar date (2023-12-24), a
 * clock time (5:04, 09:45:16), a compact date (20231222), a year, a day; where it ends. */
static uptr number(when *w, uptr start, uptr tok, uptr cur, uptr lim)
{
	size_t n = (size_t)(cur - tok);
	if (n == 4 && cur + 5 < lim && cur[0] == '-' && digit(cur + 1, lim) && digit(cur + 2, lim) &&
	    cur[3] == '-' && digit(cur + 4, lim) && digit(cur + 5, lim) && !digit(cur + 6, lim)) {
		if (!w->year) {
			w->year = num(tok, tok + 4);
			w->month = num(cur + 1, cur + 3);
			w->day = num(cur + 4, cur + 6);
		}
		cur += 6;
		return cur < lim && (*cur == 'T' || *cur == 't') ? cur + 1 : cur;
	}
	if (n <= 2 && cur + 2 < lim && cur[0] == ':' && digit(cur + 1, lim) && digit(cur + 2, lim) &&
	    !digit(cur + 3, lim)) {
		uptr e = cur + 3;
		if (e + 2 < lim && e[0] == ':' && digit(e + 1, lim) && digit(e + 2, lim) &&
		    !digit(e + 3, lim))
			e += 3;
		clock_time(w, tok, e);
		return e;
	}
	if (n == 8 && !w->year) {
		w->year = num(tok, tok + 4);
		w->month = num(tok + 4, tok + 6);
		w->day = num(tok + 6, tok + 8);
	} else if (n == 4 && !w->year) {
		w->year = num(tok, cur);
	} else if (n <= 2 && !w->day) {
		w->day = num(tok, cur);
	} else if (n > 2 && !(tok > start && tok[-1] == '.')) {
		w->words++; /* not a fraction of a second: another number */
	}
	return cur;
}

static void scan(uptr start, uptr lim, when *w)
{
	uptr cur = start, mar = NULL, tok;
	(void)mar;
	for (;;) {
		tok = cur;
	/*!re2c
		re2c:define:YYCTYPE = "unsigned char";
		re2c:define:YYCURSOR = "cur";
		re2c:define:YYMARKER = "mar";
		re2c:define:YYLIMIT = "lim";
		re2c:yyfill:enable = 0;
		re2c:eof = 0;
		re2c:api:style = free-form;
		/* byte classes only: smaller as range tests than as switches (README, "Generated C") */
		re2c:flags:nested-ifs = 1;

		[0-9]+ { cur = number(w, start, tok, cur, lim); continue; }
		[+-] {
			/* +HH, +HHMM, +HH:MM after a time */
			if (!digit(cur, lim) || !digit(cur + 1, lim))
				continue;
			cur += 2;
			if (digit(cur, lim) && digit(cur + 1, lim))
				cur += 2;
			else if (cur + 2 < lim && *cur == ':' && digit(cur + 1, lim) && digit(cur + 2, lim))
				cur += 3;
			if (w->hour >= 0)
				offset(w, tok, cur);
			continue;
		}
		/* a zone's name in words: "(Coordinated Universal Time)" */
		"(" {
			while (cur < lim && *cur != ')')
				cur++;
			cur += cur < lim;
			continue;
		}
		[a-zA-Z]+ { cur = word(w, start, tok, cur, lim); continue; }
		[ \t\r\n,./:;|]+ { continue; }
		$ { return; }
		* { w->words++; continue; }
	*/
	}
}

static int days_in(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

size_t page_date_iso(const char *s, size_t n, char out[PAGE_DATE_CAP])
{
	when w = { 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0 };
	scan((uptr)s, (uptr)s + n, &w);
	if (w.year < 1900 || w.year > 2199 || w.month < 1 || w.month > 12 || w.day < 1 ||
	    w.day > days_in(w.year, w.month) || w.words > 6)
		return 0;
	int len = snprintf(out, PAGE_DATE_CAP, "%04d-%02d-%02d", w.year, w.month, w.day);
	if (w.hour < 0 || w.minute > 59 || w.second > 59 || w.hour > 23 ||
	    ((w.am || w.pm) && (w.hour < 1 || w.hour > 12)))
		return (size_t)len;
	int hour = w.hour;
	if (w.pm && hour < 12)
		hour += 12;
	else if (w.am && hour == 12)
		hour = 0;
	len += snprintf(out + len, PAGE_DATE_CAP - (size_t)len, "T%02d:%02d:%02d", hour, w.minute,
			w.second);
	if (w.zone_known && !w.offset)
		out[len++] = 'Z';
	else if (w.zone_known) {
		int o = w.offset < 0 ? -w.offset : w.offset;
		len += snprintf(out + len, PAGE_DATE_CAP - (size_t)len, "%c%02d:%02d",
				w.offset < 0 ? '-' : '+', o / 60, o % 60);
	}
	out[len] = '\0';
	return (size_t)len;
}
