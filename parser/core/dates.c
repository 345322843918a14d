#include "parser/core/dates.h"

#include <stdio.h>
#include <string.h>

int month_from_name(const char *s, size_t n)
{
	static const char names[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	if (n != 3)
		return 0;
	char up[3];
	for (int i = 0; i < 3; i++)
		up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	for (int m = 0; m < 12; m++)
		if (memcmp(names + 3 * m, up, 3) == 0)
			return m + 1;
	return 0;
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && leap(year));
}

int expand_year(int yy)
{
	if (yy < 0)
		return -1;
	if (yy >= 100)
		return yy;
	return yy >= 66 ? 1900 + yy : 2000 + yy;
}

int day_of_year(int year, int month, int day)
{
	int n = day;
	for (int m = 1; m < month; m++)
		n += days_in_month(year, m);
	return n;
}

int from_day_of_year(int year, int yday, int *month, int *day)
{
	if (yday < 1 || yday > (leap(year) ? 366 : 365))
		return 0;
	int m = 1;
	while (yday > days_in_month(year, m)) {
		yday -= days_in_month(year, m);
		m++;
	}
	*month = m;
	*day = yday;
	return 1;
}

int date_valid(const cw_date *d)
{
	if (d->year < 1900 || d->year > 2100 || d->month < 1 || d->month > 12 || d->day < 1 ||
	    d->day > days_in_month(d->year, d->month))
		return 0;
	if (d->hour >= 0 && (d->hour > 23 || d->minute < 0 || d->minute > 59))
		return 0;
	return 1;
}

int parse_digits(const char *s, size_t n)
{
	if (!s || n == 0 || n > 9)
		return -1;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* v as exactly w digits, zero-padded; v must fit. */
static char *digits(char *p, int v, int w)
{
	for (int i = w - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + w;
}

void format_iso(const cw_date *d, char *buf, size_t size)
{
	/* Several a record: the usual ranges are written by hand, the rest by snprintf. */
	int plain = d->year >= 0 && d->year <= 9999 && d->month >= 0 && d->month <= 99 &&
		    d->day >= 0 && d->day <= 99 &&
		    (d->hour < 0 || (d->hour <= 99 && d->minute >= 0 && d->minute <= 99));
	if (plain && size >= (d->hour >= 0 ? 21u : 11u)) {
		char *p = digits(buf, d->year, 4);
		*p++ = '-';
		p = digits(p, d->month, 2);
		*p++ = '-';
		p = digits(p, d->day, 2);
		if (d->hour >= 0) {
			*p++ = 'T';
			p = digits(p, d->hour, 2);
			*p++ = ':';
			p = digits(p, d->minute, 2);
			memcpy(p, ":00Z", 4);
			p += 4;
		}
		*p = '\0';
		return;
	}
	if (d->hour >= 0)
		snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:00Z", d->year, d->month, d->day,
			 d->hour, d->minute);
	else
		snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
}
