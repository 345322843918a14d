#include "cli/progress.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, int show)
{
	memset(p, 0, sizeof(*p));
	p->enabled = show && isatty(STDERR_FILENO);
	p->start = now();
	p->last = p->start - 1; /* the first record draws the bar at once */
}

void progress_update(void *ctx, size_t records, uint64_t bytes, uint64_t total_bytes)
{
	progress *p = ctx;
	if (!p->enabled)
		return;
	double t = now();
	if (t - p->last < 0.2)
		return;
	p->last = t;
	double elapsed = t - p->start, mb = (double)bytes / 1048576.0;
	double rate = elapsed > 0 ? (double)records / elapsed : 0;
	char line[160];
	int n = 0;
	if (total_bytes) {
		double frac = (double)bytes / (double)total_bytes;
		if (frac > 1)
			frac = 1;
		enum { WIDTH = 24 };
		int fill = (int)(frac * WIDTH);
		char bar[WIDTH + 1];
		for (int i = 0; i < WIDTH; i++)
			bar[i] = i < fill ? '#' : '.';
		bar[WIDTH] = '\0';
		double eta = frac > 0.001 ? elapsed * (1 - frac) / frac : 0;
		n = snprintf(line, sizeof line,
			     "[%s] %3.0f%%  %zu records  %.1f/%.1f MB  %.0f records/s  ETA %d:%02d", bar,
			     frac * 100, records, mb, (double)total_bytes / 1048576.0, rate,
			     (int)eta / 60, (int)eta % 60);
	} else {
		n = snprintf(line, sizeof line, "%zu records  %.1f MB  %.0f records/s", records, mb,
			     rate);
	}
	(void)n;
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
