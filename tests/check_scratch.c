/* lexer/core/scratch.c: the blocks a thread keeps from one unit's parse to the next, and the
 * duplicate search's table kept that way (parser/article/duplicates.c). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "lexer/core/arena.h"
#include "lexer/core/scratch.h"

START_TEST(test_block_comes_back_once)
{
	scratch_block none = scratch_take(SCRATCH_ART_BODY);
	free(none.p); /* whatever an earlier test left */
	char *p = malloc(100);
	ck_assert_ptr_nonnull(p);
	scratch_give(SCRATCH_ART_BODY, (scratch_block){ p, 100, 7 });
	scratch_block b = scratch_take(SCRATCH_ART_BODY);
	ck_assert_ptr_eq(b.p, p);
	ck_assert_uint_eq(b.bytes, 100);
	ck_assert_uint_eq(b.tag, 7);
	/* taken: a second user gets none until it is given back */
	scratch_block again = scratch_take(SCRATCH_ART_BODY);
	ck_assert_ptr_null(again.p);
	ck_assert_uint_eq(again.bytes, 0);
	free(b.p);
}
END_TEST

START_TEST(test_large_block_not_kept)
{
	free(scratch_take(SCRATCH_ART_BODY).p);
	scratch_give(SCRATCH_ART_BODY, (scratch_block){ malloc(SCRATCH_KEEP + 1), SCRATCH_KEEP + 1, 0 });
	ck_assert_ptr_null(scratch_take(SCRATCH_ART_BODY).p);
}
END_TEST

static void *take_in_thread(void *given)
{
	/* another thread sees none of this thread's blocks, and what it keeps is freed when it ends */
	scratch_block b = scratch_take(SCRATCH_ART_BODY);
	scratch_give(SCRATCH_ART_BODY, (scratch_block){ malloc(64), 64, 0 });
	return b.p == given ? (void *)1 : NULL;
}

START_TEST(test_blocks_are_the_threads_own)
{
	free(scratch_take(SCRATCH_ART_BODY).p);
	char *p = malloc(64);
	ck_assert_ptr_nonnull(p);
	scratch_give(SCRATCH_ART_BODY, (scratch_block){ p, 64, 0 });
	pthread_t t;
	void *seen = (void *)1;
	ck_assert_int_eq(pthread_create(&t, NULL, take_in_thread, p), 0);
	ck_assert_int_eq(pthread_join(t, &seen), 0);
	ck_assert_ptr_null(seen);
	ck_assert_ptr_eq(scratch_take(SCRATCH_ART_BODY).p, p);
	free(p);
}
END_TEST

/* The duplicate_of of each paragraph, as "-" or the index, one character a paragraph. */
static void duplicates_of(const char *story, char *out)
{
	cw_record *rec = parse_buf(story, strlen(story), "story.txt", CW_FORM_ARTICLE_TEXT);
	json_t *j = record_jansson(rec);
	json_t *paras = json_object_get(j, "paragraphs");
	ck_assert(json_is_array(paras));
	size_t i;
	json_t *p;
	json_array_foreach(paras, i, p) {
		json_t *d = json_object_get(p, "duplicate_of");
		out[i] = json_is_integer(d) ? (char)('0' + json_integer_value(d)) : '-';
	}
	out[json_array_size(paras)] = '\0';
	json_decref(j);
	cw_record_free(rec);
}

START_TEST(test_duplicate_table_forgets_earlier_stories)
{
	/* The shingle table is kept from story to story and never cleared: a paragraph the earlier
	 * story had is no duplicate in the next one, and one repeated within a story still is. */
	const char *first = "Council approves budget\n\n"
			    "The city council approved the new budget on Tuesday after a long debate.\n\n"
			    "The mayor said the plan would be reviewed again in the spring.\n";
	const char *second = "Council approves budget\n\n"
			     "Residents asked for more money for parks, libraries and the bus lines.\n\n"
			     "The city council approved the new budget on Tuesday after a long debate.\n";
	const char *third = "Council approves budget\n\n"
			    "The city council approved the new budget on Tuesday after a long debate.\n\n"
			    "Residents asked for more money for parks, libraries and the bus lines.\n\n"
			    "The city council approved the new budget on Tuesday after a long debate.\n";
	char got[16];
	duplicates_of(first, got);
	ck_assert_str_eq(got, "--");
	duplicates_of(second, got);
	ck_assert_str_eq(got, "--");
	duplicates_of(third, got);
	ck_assert_str_eq(got, "--0");
	duplicates_of(second, got);
	ck_assert_str_eq(got, "--");
}
END_TEST

/* A record arena's first block comes back for the thread's next arena, its memory cleared
 * again for every allocation. */
START_TEST(test_arena_first_block_kept)
{
	free(scratch_take(SCRATCH_ARENA).p);
	arena a;
	arena_init(&a);
	unsigned char *p = arena_alloc(&a, 200);
	ck_assert_ptr_nonnull(p);
	memset(p, 0xAB, 200);
	arena_block *first = a.head;
	arena_release(&a);
	ck_assert_ptr_null(a.head);
	arena b;
	arena_init(&b);
	unsigned char *q = arena_alloc(&b, 200);
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_eq(b.head, first);
	for (int i = 0; i < 200; i++)
		ck_assert_uint_eq(q[i], 0);
	/* taken: another arena at the same time makes its own */
	arena c;
	arena_init(&c);
	ck_assert_ptr_nonnull(arena_alloc(&c, 10));
	ck_assert_ptr_ne(c.head, first);
	arena_release(&c);
	arena_release(&b);
}
END_TEST

Suite *suite_scratch(void)
{
	Suite *s = suite_create("scratch");
	TCase *tc = tcase_create("scratch");
	tcase_add_test(tc, test_block_comes_back_once);
	tcase_add_test(tc, test_large_block_not_kept);
	tcase_add_test(tc, test_blocks_are_the_threads_own);
	tcase_add_test(tc, test_duplicate_table_forgets_earlier_stories);
	tcase_add_test(tc, test_arena_first_block_kept);
	suite_add_tcase(s, tc);
	return s;
}
