/* Calendar arithmetic for date-time groups and Julian times of file. */
#ifndef CW_DATES_H
#define CW_DATES_H

#include <stddef.h>

typedef struct cw_date {
	int year, month, day;    /* month 1-12; 0 when unknown */
	int hour, minute;        /* -1 when unknown */
} cw_date;

/* 1-12 for a three-letter month name in any case, 0 otherwise. */
int month_from_name(const char *s, size_t n);
int days_in_month(int year, int month);
/* A two-digit telegram year: 66-99 -> 1966-1999, 00-65 -> 2000-2065. */
int expand_year(int yy);
/* 1-based day of the year. */
int day_of_year(int year, int month, int day);
/* Month and day of a 1-based day of the year; returns 0 when out of range. */
int from_day_of_year(int year, int yday, int *month, int *day);
/* Whether the fields form a real date (and time, when hour >= 0). */
int date_valid(const cw_date *d);
/* Parses n decimal digits; -1 when any is not a digit. */
int parse_digits(const char *s, size_t n);
/* "2006-02-26T13:25:00Z" (or "2006-02-26" without a time) into buf (>= 21 bytes). */
void format_iso(const cw_date *d, char *buf, size_t size);

#endif
