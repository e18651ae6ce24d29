/*
 * arena.c - cJSON's nodes for one item at a time on a thread's own buffer.
 *
 * The loader parses each item on its own and frees its tree at once (see
 * store.c): some forty nodes and strings, each a malloc and a free, which
 * at a million initiatives is a third of the load. With the caller's leave
 * (roadmap_load_options.cjson_hooks), cJSON's hooks are installed once for
 * the process: they are malloc and free, except on a thread that is parsing
 * an item, where the thread's buffer serves the nodes: a tree wholly in it
 * is not walked to be freed, the next item simply starts the buffer again.
 * A node the buffer cannot hold comes from malloc, and then the tree is
 * deleted as usual (cJSON_Delete frees that node and skips the others).
 */
#include "json.h"

#include <pthread.h>
#include <stdlib.h>

#define ARENA_SIZE ((size_t)1 << 16)

static _Thread_local struct rm_arena *mine;

static void *arena_malloc(size_t n)
{
	struct rm_arena *a = mine;
	size_t need = (n + 15) & ~(size_t)15;

	if (a && a->parsing && need >= n && a->cap - a->used >= need) {
		void *p = a->buf + a->used;
		a->used += need;
		return p;
	}
	if (a && a->parsing) {
		a->spilled = true;
	}
	return malloc(n);
}

static void arena_free(void *p)
{
	for (const struct rm_arena *a = mine; a; a = a->outer) {
		if ((char *)p >= a->buf && (char *)p < a->buf + a->cap) {
			return;
		}
	}
	free(p);
}

static void install(void)
{
	cJSON_Hooks h = {arena_malloc, arena_free};

	cJSON_InitHooks(&h);
}

void rm_arena_open(struct rm_arena *a, bool hooks)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	*a = (struct rm_arena){0};
	if (!hooks || !(a->buf = malloc(ARENA_SIZE))) {
		return; /* cJSON allocates as it always does */
	}
	pthread_once(&once, install);
	a->cap = ARENA_SIZE;
	a->outer = mine;
	mine = a;
}

cJSON *rm_arena_parse(struct rm_arena *a, const char *text, size_t len)
{
	cJSON *c;

	a->used = 0; /* the previous item's tree is done with */
	a->spilled = false;
	a->parsing = a->buf != NULL;
	c = cJSON_ParseWithLengthOpts(text, len, NULL, false);
	a->parsing = false;
	return c;
}

void rm_arena_delete(struct rm_arena *a, cJSON *c)
{
	/* a tree wholly in the buffer needs no freeing; any other (one
	 * node spilled, cJSON_CreateNull's, the program's own hooks) is
	 * cJSON's to free */
	if (!a->buf || a->spilled || (char *)c < a->buf ||
	    (char *)c >= a->buf + a->cap) {
		cJSON_Delete(c);
	}
}

void rm_arena_close(struct rm_arena *a)
{
	if (a->buf) {
		mine = a->outer;
		free(a->buf);
	}
	*a = (struct rm_arena){0};
}
