/*
 * load-shared.c - a long list read on every core (store.c asks).
 *
 * A large list of goals or initiatives is read on every core (with the
 * caller's leave): each thread reads a share of the items, in place, into
 * the roadmap's array; then, in file order, each is checked for a
 * duplicate id and indexed. The first failure in file order is the one
 * reported, with the sequential loader's precedence (an item's duplicate
 * id before its later fields), so the result, errors included, is the
 * same bytes for any number of threads.
 */
#include "loader.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct share {
	struct load L; /* the thread's own: where, slots, error */
	struct roadmap_error err;
	const struct rm_kind *kind;
	char *slots;
	size_t from, to, done; /* done: the first item not loaded (its
				  failure in st), or to */
	enum roadmap_status st;
};

static void *item_at(const struct rm_kind *k, char *slots, size_t i)
{
	return slots + i * k->size;
}

static const char *id_of(const struct rm_kind *k, char *slots, size_t i)
{
	return *(const char **)(void *)((char *)item_at(k, slots, i) + k->id);
}

static void *load_share(void *arg)
{
	struct share *s = arg;
	const struct rm_kind *k = s->kind;
	const struct rm_item_lines *l = s->L.lines;
	struct rm_arena arena;

	rm_arena_open(&arena, l->cjson_hooks);
	for (s->done = s->from; s->done < s->to; s->done++) {
		size_t i = s->done;
		uint32_t b = l->begin[k->list][i], e = l->end[k->list][i];
		char *item = item_at(k, s->slots, i);
		cJSON *c = e > b ? rm_arena_parse(&arena, l->text + b, e - b)
				 : cJSON_CreateNull();
		k->init(item);
		*(long *)(void *)(item + k->line) = l->line[k->list][i];
		ld_set_item(&s->L, k->key, i, c);
		s->st = c ? k->load(&s->L, c, item, false) : rm_nomem(s->L.err);
		rm_arena_delete(&arena, c);
		if (s->st) {
			break;
		}
	}
	rm_arena_close(&arena);
	return NULL;
}

/* An id indexed soon: its hash, and its slots on the way (base/idmap.c). */
#define AHEAD 16

static void ahead(const struct roadmap *rm, const char *id, uint64_t *h)
{
	if (id) {
		*h = idmap_hash(id);
		idmap_prefetch(&rm->goal_ids, *h);
		idmap_prefetch(&rm->init_ids, *h);
	}
}

/*
 * Item i's id, hash h, in file order: a duplicate of a goal's, or of an
 * earlier initiative's, is 0 (*at set); 1 when it is new, which added it
 * to its kind's index unless it is the share's failed item; -1 when out
 * of memory.
 */
static int index_one(struct roadmap *rm, const struct rm_kind *k,
		     const char *id, uint64_t h, bool add)
{
	struct idmap *own =
	    k->item == ITEM_GOAL ? &rm->goal_ids : &rm->init_ids;
	size_t *n = k->item == ITEM_GOAL ? &rm->n_goals : &rm->n_inits;
	size_t at;

	if (!id) {
		return 1;
	}
	if (k->item == ITEM_INITIATIVE &&
	    idmap_get_h(&rm->goal_ids, id, h, &at)) {
		return 0;
	}
	return add ? idmap_add_h(own, id, h, *n, &at)
		   : !idmap_get_h(own, id, h, &at);
}

/*
 * Share j's items in file order: each checked for a duplicate id and
 * indexed, up to the share's failure, if any (its duplicate id first).
 */
static enum roadmap_status index_share(struct load *L, struct share *s,
				       size_t *count)
{
	const struct rm_kind *k = s->kind;
	struct roadmap *rm = L->rm;
	size_t last = s->done < s->to ? s->done : s->to - 1;
	uint64_t h[AHEAD] = {0};

	for (size_t i = s->from; i < s->from + AHEAD && i <= last; i++) {
		ahead(rm, id_of(k, s->slots, i), &h[i % AHEAD]);
	}
	for (size_t i = s->from; i <= last; i++) {
		const char *id = id_of(k, s->slots, i);
		uint64_t hi = h[i % AHEAD];
		if (i + AHEAD <= last) {
			ahead(rm, id_of(k, s->slots, i + AHEAD),
			      &h[(i + AHEAD) % AHEAD]);
		}
		int added = index_one(rm, k, id, hi, i < s->done);
		if (added == 0) {
			ld_set_where(L, k->key, i, id);
			return ld_dup_id(L, id);
		}
		if (added < 0) {
			return rm_nomem(L->err);
		}
		if (i == s->done) {
			if (L->err) {
				*L->err = s->err;
			}
			return s->st;
		}
		(*count)++;
	}
	return ROADMAP_OK;
}

/*
 * The first share is this thread's and a sixteenth smaller than the
 * others: it is indexed here while they are still being read.
 */
static size_t share_from(size_t n, size_t t, size_t j)
{
	return j == 0 ? 0 : j == t ? n : n * (16 * j - 1) / (16 * t - 1);
}

enum roadmap_status rm_load_shared(struct load *L, const struct rm_kind *k,
				   size_t n)
{
	struct roadmap *rm = L->rm;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t t = cpus < 1 ? 1 : cpus > 8 ? 8 : (size_t)cpus;
	struct share sh[8];
	pthread_t tid[8];
	bool started[8] = {false};
	enum roadmap_status st;
	size_t *count = k->item == ITEM_GOAL ? &rm->n_goals : &rm->n_inits;

	t = n / RM_SHARE_MIN < t ? (n / RM_SHARE_MIN ? n / RM_SHARE_MIN : 1)
				 : t;
	if (!rm_reserve(rm, k->item, n)) {
		return rm_nomem(L->err);
	}
	char *slots = k->item == ITEM_GOAL ? (char *)(rm->goals + rm->n_goals)
					   : (char *)(rm->inits + rm->n_inits);
	size_t base = *count;
	for (size_t j = 0; j < t; j++) {
		sh[j] = (struct share){.L = *L, .kind = k, .slots = slots};
		sh[j].L.err = &sh[j].err;
		sh[j].from = share_from(n, t, j);
		sh[j].to = share_from(n, t, j + 1);
		started[j] = j > 0 && pthread_create(&tid[j], NULL, load_share,
						     &sh[j]) == 0;
	}
	load_share(&sh[0]);
	st = index_share(L, &sh[0], count);
	for (size_t j = 1; j < t; j++) {
		if (!started[j]) {
			load_share(&sh[j]);
		}
	}
	for (size_t j = 1; j < t; j++) {
		if (started[j]) {
			pthread_join(tid[j], NULL);
		}
	}
	/* in file order, up to the first failure */
	for (size_t j = 1; j < t && !st; j++) {
		st = index_share(L, &sh[j], count);
	}
	/* on a failure, what was loaded past the indexed items is freed */
	size_t indexed = *count - base;
	for (size_t j = 0; st && j < t; j++) {
		size_t end = sh[j].done < sh[j].to ? sh[j].done + 1 : sh[j].to;
		for (size_t x = sh[j].from > indexed ? sh[j].from : indexed;
		     x < end; x++) {
			k->release(item_at(k, slots, x));
		}
	}
	return st;
}
