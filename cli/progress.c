/* SIGWINCH is not in POSIX: glibc shows it with _DEFAULT_SOURCE. */
#define _DEFAULT_SOURCE
#include "cli/progress.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* Set when the terminal's size changed: the next redraw measures it again. */
static volatile sig_atomic_t resized;

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The terminal's width (80 when it does not say). */
static int terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void progress_init(progress *p, int show)
{
	memset(p, 0, sizeof(*p));
	p->enabled = show && isatty(STDERR_FILENO);
	p->start = now();
	p->last = p->start - 1; /* the first record draws the bar at once */
	if (p->enabled) {
		p->width = terminal_width();
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_winch;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		sigaction(SIGWINCH, &sa, NULL);
	}
}

/* The line, from the fullest form that fits the width (one column short of it: writing the last
 * column makes some terminals wrap) down to the bare percentage. */
static void compose(char *line, size_t cap, int width, double frac, int known, size_t records,
		    double mb, double rate, double eta)
{
	enum { BAR = 24 };
	char bar[BAR + 3], pct[8], eta_s[24];
	int fill = (int)(frac * BAR);
	bar[0] = '[';
	for (int i = 0; i < BAR; i++)
		bar[1 + i] = i < fill ? '#' : '.';
	bar[BAR + 1] = ']';
	bar[BAR + 2] = '\0';
	snprintf(pct, sizeof pct, "%3.0f%%", frac * 100);
	snprintf(eta_s, sizeof eta_s, "ETA %d:%02d", (int)eta / 60, (int)eta % 60);
	char forms[5][160];
	int n = 0;
	if (known) {
		snprintf(forms[n++], sizeof forms[0], "%s %s  %zu records  %.1f MB  %.0f records/s  %s",
			 bar, pct, records, mb, rate, eta_s);
		snprintf(forms[n++], sizeof forms[0], "%s  %zu records  %.1f MB  %.0f records/s  %s",
			 pct, records, mb, rate, eta_s);
		snprintf(forms[n++], sizeof forms[0], "%s  %zu records  %s", pct, records, eta_s);
		snprintf(forms[n++], sizeof forms[0], "%s %s", pct, eta_s);
	} else {
		snprintf(forms[n++], sizeof forms[0], "%zu records  %.1f MB  %.0f records/s", records,
			 mb, rate);
		snprintf(forms[n++], sizeof forms[0], "%zu records", records);
	}
	int room = width > 1 ? width - 1 : 1;
	int pick = n - 1;
	for (int i = 0; i < n; i++)
		if ((int)strlen(forms[i]) <= room) {
			pick = i;
			break;
		}
	snprintf(line, cap, "%.*s", room, forms[pick]);
}

void progress_update(void *ctx, const cw_progress *pr)
{
	progress *p = ctx;
	if (!p->enabled)
		return;
	double t = now();
	if (t - p->last < 0.2)
		return;
	p->last = t;
	if (resized) {
		resized = 0;
		p->width = terminal_width();
	}
	double elapsed = t - p->start, mb = (double)pr->bytes / 1048576.0;
	double rate = elapsed > 0 ? (double)pr->records / elapsed : 0;
	/* The share done is the share of the files on disk read (an archive's compressed bytes
	 * against its compressed size), so that archives and plain files weigh what they take to
	 * read; the MB shown are the data parsed (uncompressed). */
	double frac = pr->disk_total ? (double)pr->disk_read / (double)pr->disk_total : 0;
	if (frac > 1)
		frac = 1;
	double eta = frac > 0.001 ? elapsed * (1 - frac) / frac : 0;
	char line[200];
	compose(line, sizeof line, p->width, frac, pr->disk_total != 0, pr->records, mb, rate, eta);
	/* \r back to the start, the line, then erase what a longer previous line left. */
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	p->drawn = 1;
}

void progress_clear(progress *p)
{
	if (p->enabled && p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->drawn = 0;
	}
}
