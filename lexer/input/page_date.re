/* Dates as pages write them, to ISO 8601 (lexer/input/page_date.h). One re2c scanner cuts the
 * string into tokens by the longest match, the first rule on a tie (so "Mayor" is a word, "May"
 * a month, "EST" a zone) (a month's or a weekday's name, a number, a clock time, a meridiem, a zone,
 * an ISO or compact calendar date, another word, punctuation); the fields are taken in order as
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

static int month_of(uptr s)
{
	static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun",
					     "jul", "aug", "sep", "oct", "nov", "dec" };
	char k[3];
	for (int i = 0; i < 3; i++)
		k[i] = (char)(s[i] | 0x20);
	for (int i = 0; i < 12; i++)
		if (!memcmp(k, names[i], 3))
			return i + 1;
	return 0;
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

static void scan(uptr cur, uptr lim, when *w)
{
	uptr mar = NULL, tok;
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

		d = [0-9];
		month = 'jan' 'uary'? | 'feb' 'ruary'? | 'mar' 'ch'? | 'apr' 'il'? | 'may' | 'jun' 'e'?
		      | 'jul' 'y'? | 'aug' 'ust'? | 'sep' 't'? 'ember'? | 'oct' 'ober'? | 'nov' 'ember'?
		      | 'dec' 'ember'?;
		weekday = ('mon' | 'tue' 's'? | 'wed' | 'thu' 'r'? 's'? | 'fri' | 'sat' | 'sun') ('day' | 'nesday' | 'sday' | 'urday' | 'rsday')?;
		letter = [a-zA-Z];

		d{4} "-" d{2} "-" d{2} {
			if (!w->year) {
				w->year = num(tok, tok + 4);
				w->month = num(tok + 5, tok + 7);
				w->day = num(tok + 8, tok + 10);
			}
			if (cur < lim && (*cur == 'T' || *cur == 't'))
				cur++;
			continue;
		}
		d{8} {
			if (!w->year) {
				w->year = num(tok, tok + 4);
				w->month = num(tok + 4, tok + 6);
				w->day = num(tok + 6, tok + 8);
			}
			continue;
		}
		d{1,2} ":" d{2} (":" d{2})? ("." d+)? {
			uptr e = cur;
			for (uptr p = tok; p < cur; p++)
				if (*p == '.') {
					e = p;
					break;
				}
			clock_time(w, tok, e);
			continue;
		}
		d{4} { if (!w->year) w->year = num(tok, cur); continue; }
		d{1,2} ('st' | 'nd' | 'rd' | 'th')? { if (!w->day) w->day = num(tok, cur); continue; }
		d+ { w->words++; continue; }
		month "."? { if (!w->month) w->month = month_of(tok); continue; }
		weekday "."? { continue; }
		('a.m.' | 'am' | 'a.m') { w->am = 1; continue; }
		('p.m.' | 'pm' | 'p.m') { w->pm = 1; continue; }
		("Z" | 'UTC' | 'GMT' | 'UT') { zone(w, 0); continue; }
		[+-] d{2} (":"? d{2})? { if (w->hour >= 0) offset(w, tok, cur); continue; }
		"EST" { zone(w, -300); continue; }
		"EDT" { zone(w, -240); continue; }
		"CST" { zone(w, -360); continue; }
		"CDT" { zone(w, -300); continue; }
		"MST" { zone(w, -420); continue; }
		"MDT" { zone(w, -360); continue; }
		"PST" { zone(w, -480); continue; }
		"PDT" { zone(w, -420); continue; }
		"CET" { zone(w, 60); continue; }
		"CEST" { zone(w, 120); continue; }
		"BST" { zone(w, 60); continue; }
		"(" [^)\x00]* ")" { continue; }
		letter+ { w->words++; continue; }
		[ \t\r\n,./:;|-]+ { continue; }
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
