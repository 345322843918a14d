/* Memory a unit's parse uses and gives back, kept by the thread for its next unit.
 *
 * A story took four malloc/free pairs for its working lists and tables alone (the paragraph
 * lists, the duplicate search's words and shingle table), and a Reuters story is 1.3 KB: the
 * allocator's work was a tenth of the article stage. Each thread keeps one block per use, so
 * that a unit's parse costs no malloc and no free once the thread has seen one as large; the
 * blocks are the thread's own (--jobs N parses on N threads, nothing is shared) and are freed
 * when the thread ends. A block larger than SCRATCH_KEEP (a huge unit) is freed when given back,
 * so what a thread keeps stays bounded whatever it has read. */
#ifndef CW_SCRATCH_H
#define CW_SCRATCH_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
	SCRATCH_ART_PARAS,  /* the article's paragraph list (parser/article/article.c) */
	SCRATCH_ART_BODY,   /* the body paragraphs' values and text (the same) */
	SCRATCH_DUP_WORDS,  /* the duplicate search's word hashes (parser/article/duplicates.c) */
	SCRATCH_DUP_TABLE,  /* its shingle table, stamped with a generation (the same) */
	SCRATCH_ARENA,      /* a record arena's first block (lexer/core/arena.c) */
	SCRATCH_REC_TEXT,   /* a record's decoded text (parser/core/record.c) */
	SCRATCH_REC_MAP,    /* its map of anchors back to the input (the same) */
	SCRATCH_USES
} scratch_use;

/* What a thread keeps per use: 2 MiB covers the longest real stories' tables. */
#define SCRATCH_KEEP ((size_t)2 << 20)

/* A block and its size in bytes; tag is the user's own word, kept with the block (the shingle
 * table's generation). */
typedef struct scratch_block {
	void *p;
	size_t bytes;
	uint32_t tag;
} scratch_block;

/* The thread's block for this use ({NULL, 0, 0} when it has none): the caller owns it until it
 * gives it back (the use is empty in between, so a nested take gets none). Its bytes are what
 * the last user left there. */
scratch_block scratch_take(scratch_use use);
/* Gives a block back for the thread's next take (or frees it: larger than SCRATCH_KEEP, or
 * the thread's record of its blocks could not be made). b.p may be NULL. */
void scratch_give(scratch_use use, scratch_block b);

#endif
