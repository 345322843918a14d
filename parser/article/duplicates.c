/* Paragraphs that repeat an earlier one, exactly or nearly (a scrape that kept two versions of a
 * sentence): half or more of a paragraph's four-word runs are in one earlier paragraph. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/core/runs.h"
#include "lexer/core/scratch.h"
#include "parser/article/story.h"
#include "parser/core/fields.h"

/* A word's bytes as they are compared: letters lower-cased, digits and bytes above 0x7F as they
 * are; 0 for the bytes between words. */
#define WF_ROW(b) WF(b), WF(b + 1), WF(b + 2), WF(b + 3), WF(b + 4), WF(b + 5), WF(b + 6), WF(b + 7)
#define WF(c)                                                                                   \
	(unsigned char)(((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || (c) >= 0x80 \
				? (c)                                                            \
			: (c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : 0)
static const unsigned char word_fold[256] = {
	WF_ROW(0x00), WF_ROW(0x08), WF_ROW(0x10), WF_ROW(0x18), WF_ROW(0x20), WF_ROW(0x28),
	WF_ROW(0x30), WF_ROW(0x38), WF_ROW(0x40), WF_ROW(0x48), WF_ROW(0x50), WF_ROW(0x58),
	WF_ROW(0x60), WF_ROW(0x68), WF_ROW(0x70), WF_ROW(0x78), WF_ROW(0x80), WF_ROW(0x88),
	WF_ROW(0x90), WF_ROW(0x98), WF_ROW(0xa0), WF_ROW(0xa8), WF_ROW(0xb0), WF_ROW(0xb8),
	WF_ROW(0xc0), WF_ROW(0xc8), WF_ROW(0xd0), WF_ROW(0xd8), WF_ROW(0xe0), WF_ROW(0xe8),
	WF_ROW(0xf0), WF_ROW(0xf8)
};
#undef WF
#undef WF_ROW

/* The text folded into out (n bytes, word_fold byte by byte): sixteen bytes a turn where SSE2
 * is there. */
static void fold_text(const unsigned char *p, size_t n, unsigned char *out)
{
	size_t i = 0;
#ifdef RUNS_SSE2
	const __m128i zero = _mm_setzero_si128(), case_bit = _mm_set1_epi8(0x20);
	for (; n - i >= 16; i += 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		/* signed compares: bytes above 0x7F are below zero and in none of the ranges */
		__m128i high = _mm_cmplt_epi8(w, zero);
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8('0' - 1)),
					      _mm_cmplt_epi8(w, _mm_set1_epi8('9' + 1)));
		__m128i upper = _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8('A' - 1)),
					      _mm_cmplt_epi8(w, _mm_set1_epi8('Z' + 1)));
		__m128i lower = _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8('a' - 1)),
					      _mm_cmplt_epi8(w, _mm_set1_epi8('z' + 1)));
		__m128i keep = _mm_or_si128(_mm_or_si128(high, digit), _mm_or_si128(upper, lower));
		w = _mm_or_si128(w, _mm_and_si128(upper, case_bit));
		_mm_storeu_si128((__m128i *)(void *)(out + i), _mm_and_si128(w, keep));
	}
#endif
	for (; i < n; i++)
		out[i] = word_fold[p[i]];
}

/* One step of a word's hash: any function does whose equal words hash equal; this one is a
 * bijection of the state for each chunk, so words of up to eight bytes never collide. */
static inline uint64_t hash_step(uint64_t h, uint64_t chunk)
{
	h = (h ^ chunk) * UINT64_C(0x9e3779b97f4a7c15);
	return h ^ (h >> 29);
}

/* The hashes of the words of f[0, n) (folded: a word is a run of nonzero bytes; f has eight zero
 * bytes after n), at most limit of them, into words; returns how many. A word is hashed eight
 * bytes at a time (byte by byte, the hashing of every paragraph was most of article_parse's own
 * time), its last chunk cut at its end. */
static size_t hash_words(const unsigned char *f, size_t n, uint64_t *words, size_t limit)
{
	size_t nw = 0, i = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (i < n) {
		/* the next word: most often one byte on, after a single blank */
		if (!f[i] && f[i + 1]) {
			i++;
		} else {
			uint64_t nonzero = ~runs_zero_bytes(runs_load(f + i)) & RUNS_HIGH;
			if (!nonzero) {
				i += 8;
				continue;
			}
			i += (size_t)__builtin_ctzll(nonzero) / 8;
		}
		if (i >= n)
			break;
		uint64_t h = 1469598103934665603ULL;
		for (;;) {
			uint64_t w = runs_load(f + i), z = runs_zero_bytes(w);
			if (!z) {
				h = hash_step(h, w);
				i += 8;
				continue;
			}
			/* the word's bytes left: those below the first zero byte (z's lowest bit is
			 * that byte's top bit, and its other bits are zero), none when it is first */
			h = hash_step(h, w & ((z & (0 - z)) - 1));
			i += (unsigned)__builtin_ctzll(z) / 8;
			break;
		}
		if (nw < limit)
			words[nw++] = h;
	}
#else
	while (i < n) {
		while (i < n && !f[i])
			i++;
		if (i == n)
			break;
		uint64_t h = 1469598103934665603ULL;
		while (f[i])
			h = hash_step(h, f[i++]);
		if (nw < limit)
			words[nw++] = h;
	}
#endif
	return nw;
}

/* A slot of the shingle table: the run's key, the first paragraph that has it, and the story
 * it was set for (any other generation is an empty slot). */
typedef struct dup_slot {
	uint64_t key;
	uint32_t owner, gen;
} dup_slot;

void art_mark_duplicates(article_ctx *ctx)
{
	size_t np = ctx->npara;
	if (np < 2 || np > 20000)
		return;
	enum { SHINGLE = 4, MAX_DUP_WORDS = 1 << 20 };
	size_t total = 0, longest = 0, room = 0;
	for (size_t i = 0; i < np; i++) {
		size_t len = ctx->paras[i].text.n;
		total += len / 3 + 1;
		longest = len > longest ? len : longest;
		/* A word takes a byte and the byte after it, so a paragraph has at most
		 * (len + 1) / 2 words. */
		room += (len + 1) / 2 + 1;
	}
	/* Like a story of more than 20,000 paragraphs, one of more than about 3 MB of paragraph
	 * text (a million word slots; the longest real stories hold some 100 KB) is not looked
	 * at: the tables below take some 40 bytes per word slot and hashing varied prose touches all
	 * their pages, so a 50 MB paragraph cost a gigabyte, and most of its parse time went to
	 * page faults (issue 7). */
	if (total > MAX_DUP_WORDS)
		return;
	/* One block for the story's word hashes, where each paragraph's words start, the tallies
	 * of earlier paragraphs (and which were counted), and one paragraph folded (its words
	 * then end in eight zero bytes): the thread's block of the last story when large enough
	 * (lexer/core/scratch.h; a malloc and free a story were a tenth of the cost of a short
	 * one). */
	size_t bytes = room * sizeof(uint64_t) + (np + 1) * sizeof(size_t) + np * 2 * sizeof(uint32_t) +
		       longest + 8;
	scratch_block sb = scratch_take(SCRATCH_DUP_WORDS);
	if (sb.bytes < bytes) {
		free(sb.p);
		sb = (scratch_block){ malloc(bytes), bytes, 0 };
		if (!sb.p)
			return;
	}
	char *scratch = sb.p;
	uint64_t *words = (uint64_t *)(void *)scratch;
	size_t *first = (size_t *)(void *)(words + room);
	uint32_t *tally = (uint32_t *)(void *)(first + np + 1);
	uint32_t *counted = tally + np;
	unsigned char *folded = (unsigned char *)(counted + np);
	size_t nw = 0, runs = 0;
	for (size_t i = 0; i < np; i++) {
		size_t len = ctx->paras[i].text.n;
		fold_text((const unsigned char *)ctx->paras[i].text.s, len, folded);
		memset(folded + len, 0, 8);
		/* each paragraph's words kept to total + 8, as the table is sized */
		size_t from = first[i] = nw;
		nw += hash_words(folded, len, words + nw, total + 8);
		if (nw - from >= SHINGLE)
			runs += nw - from - SHINGLE + 1;
	}
	first[np] = nw;
	/* shingle -> first paragraph, through an open table sized by the runs there are (the
	 * size changes where keys sit, not which are found). The table is the thread's, kept
	 * from story to story and never cleared: a slot is empty unless stamped with this
	 * story's generation (clearing the whole table for every story cost more than the
	 * search in it on Reuters' short stories). A new block starts zeroed, generation 1. */
	size_t cap = 64;
	while (cap < runs * 2)
		cap *= 2;
	scratch_block tb = scratch_take(SCRATCH_DUP_TABLE);
	if (tb.bytes < cap * sizeof(dup_slot) || tb.tag == UINT32_MAX) {
		free(tb.p);
		size_t have = cap * sizeof(dup_slot);
		tb = (scratch_block){ calloc(cap, sizeof(dup_slot)), have, 0 };
		if (!tb.p)
			goto out;
	}
	uint32_t gen = ++tb.tag;
	dup_slot *table = tb.p;
	memset(tally, 0, np * sizeof *tally);
	for (size_t i = 0; i < np; i++) {
		size_t count = first[i + 1] - first[i];
		if (count < SHINGLE)
			continue;
		const uint64_t *pw = words + first[i];
		size_t shingles = count - SHINGLE + 1, ncounted = 0;
		uint32_t best = 0, best_n = 0;
		/* a run's key: its words' hashes as a polynomial in 31, rolled from one run to the
		 * next (the arithmetic wraps the same both ways) */
		uint64_t roll = 0, top = 1;
		for (int j = 0; j < SHINGLE; j++) {
			roll = roll * 31 + pw[j];
			top *= 31;
		}
		for (size_t w = 0; w < shingles; w++) {
			if (w)
				roll = roll * 31 + pw[w + SHINGLE - 1] - pw[w - 1] * top;
			/* bit 0 set, as when a zero key marked an empty slot: the same keys meet */
			uint64_t key = roll | 1;
			size_t slot = (size_t)(key ^ (key >> 29)) & (cap - 1);
			while (table[slot].gen == gen && table[slot].key != key)
				slot = (slot + 1) & (cap - 1);
			dup_slot *t = &table[slot];
			if (t->gen != gen) {
				*t = (dup_slot){ key, (uint32_t)i, gen };
			} else if (t->owner != i) {
				uint32_t o = t->owner;
				if (!tally[o])
					counted[ncounted++] = o;
				if (++tally[o] > best_n) {
					best_n = tally[o];
					best = o;
				}
			}
		}
		/* the tallies back to zero: only those counted (clearing all of them for every
		 * paragraph was quadratic in the paragraphs) */
		while (ncounted)
			tally[counted[--ncounted]] = 0;
		if (best_n * 2 >= shingles)
			rec_set_int(ctx->a, ctx->paras[i].obj, F_ARTICLE_PARAGRAPH_DUPLICATE_OF, (int64_t)best);
	}
	scratch_give(SCRATCH_DUP_TABLE, tb);
out:
	scratch_give(SCRATCH_DUP_WORDS, sb);
}
