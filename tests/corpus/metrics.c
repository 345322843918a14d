#include "metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void count(metric *m, int ok, const char *id, const char *why)
{
	m->total++;
	if (ok) {
		m->ok++;
		return;
	}
	if (m->nmiss < SHOW)
		snprintf(m->misses[m->nmiss++], sizeof m->misses[0], "%s: %s", id, why);
}

int print_table(metric **all, int empty_passes)
{
	int failed = 0;
	printf("%-60s %8s %8s %8s %8s\n", "check", "agree", "of", "%", "target");
	for (size_t i = 0; all[i]; i++) {
		metric *m = all[i];
		double pct = m->total ? 100.0 * (double)m->ok / (double)m->total : 0;
		int pass = m->target == 0 || (m->total ? pct >= m->target : empty_passes);
		char target[16] = "-";
		if (m->target)
			snprintf(target, sizeof target, "%.1f", m->target);
		printf("%-60s %8ld %8ld %8.2f %8s %s\n", m->name, m->ok, m->total, pct, target,
		       m->target ? (pass ? "ok" : "MISSED") : "");
		failed |= !pass;
	}
	for (size_t i = 0; all[i]; i++) {
		metric *m = all[i];
		if (!m->nmiss)
			continue;
		printf("\n%s: first disagreements\n", m->name);
		for (int k = 0; k < m->nmiss; k++)
			printf("  %s\n", m->misses[k]);
	}
	return failed;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	if (len)
		*len = (size_t)n;
	return buf;
}

const char *str(const cw_value *v)
{
	static char bufs[4][4096];
	static int k;
	size_t n;
	const char *s = cw_value_string(v, &n);
	if (!s)
		return NULL;
	char *b = bufs[k++ % 4];
	if (n >= sizeof bufs[0])
		n = sizeof bufs[0] - 1;
	memcpy(b, s, n);
	b[n] = '\0';
	return b;
}
