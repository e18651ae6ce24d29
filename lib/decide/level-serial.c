/*
 * level-serial.c - levelling's serial schedule (docs/decisions.md,
 * "Levelling"): the movable initiatives in dependency order, the earliest
 * planned start first among those ready, each at the earliest week that
 * fits; then passes that pull each one as early as it fits.
 */
#include "level.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A binary heap of initiatives by planned start, then index. */
struct heap {
	size_t *a, n;
	const struct roadmap_initiative *in;
};

static bool before(const struct heap *h, size_t x, size_t y)
{
	roadmap_day s = h->in[x].start, t = h->in[y].start;

	return s < t || (s == t && x < y);
}

static void heap_push(struct heap *h, size_t v)
{
	size_t k = h->n++;

	h->a[k] = v;
	while (k > 0 && before(h, h->a[k], h->a[(k - 1) / 2])) {
		size_t p = (k - 1) / 2, x = h->a[p];
		h->a[p] = h->a[k];
		h->a[k] = x;
		k = p;
	}
}

static size_t heap_pop(struct heap *h)
{
	size_t top = h->a[0], k = 0;

	h->a[0] = h->a[--h->n];
	for (;;) {
		size_t l = 2 * k + 1, r = l + 1, m = k;
		if (l < h->n && before(h, h->a[l], h->a[m])) {
			m = l;
		}
		if (r < h->n && before(h, h->a[r], h->a[m])) {
			m = r;
		}
		if (m == k) {
			break;
		}
		size_t x = h->a[m];
		h->a[m] = h->a[k];
		h->a[k] = x;
		k = m;
	}
	return top;
}

/* The movable initiatives in dependency order, the earliest planned
 * start first among those ready. */
bool lv_serial_order(const struct lv *lv, size_t *out)
{
	size_t n = lv->n, k = 0;
	size_t *indeg = calloc(n + 1, sizeof(size_t));
	struct heap h = {malloc((n + 1) * sizeof(size_t)), 0, lv->rm->inits};

	if (!indeg || !h.a) {
		free(indeg);
		free(h.a);
		return false;
	}
	for (size_t v = 0; v < n; v++) {
		if (lv->g.in[v]) {
			indeg[v] = lv->g.pre_off[v + 1] - lv->g.pre_off[v];
			if (indeg[v] == 0) {
				heap_push(&h, v);
			}
		}
	}
	while (h.n) {
		size_t v = heap_pop(&h);
		if (lv->slot[v] != LV_NONE) {
			out[k++] = lv->slot[v];
		}
		for (size_t e = lv->g.dep_off[v]; e < lv->g.dep_off[v + 1];
		     e++) {
			if (--indeg[lv->g.dep[e]] == 0) {
				heap_push(&h, lv->g.dep[e]);
			}
		}
	}
	free(indeg);
	free(h.a);
	return true;
}

/*
 * The serial schedule into w (load: the fixed work's, then the plan's).
 * False when an initiative fits no week: out->breaks and why name the
 * quarter that stays full at its last week.
 */
bool lv_serial(const struct lv *lv, const size_t *seq, int *w, int64_t *load,
	       struct roadmap_level *out)
{
	char q1[120], q2[120];
	size_t why;

	memcpy(load, lv->base, lv->T * lv->nq * sizeof(int64_t));
	for (size_t j = 0; j < lv->m; j++) {
		w[j] = lv->lb[j];
	}
	for (size_t k = 0; k < lv->m; k++) {
		size_t j = seq[k], i = lv->mov[j];
		int64_t lo = lv_after_prereqs(lv, j, w, &why);
		int bad = 0, x;
		lo = lo < lv->lb[j] ? lv->lb[j] : lo;
		for (x = (int)lo; x <= lv->ub[j]; x++) {
			if (lv_fits(lv, i, x, load, &bad)) {
				break;
			}
		}
		if (x > lv->ub[j]) {
			if (lo > lv->ub[j]) {
				snprintf(out->breaks, sizeof(out->breaks), "%s",
					 lv->rm->inits[i].id);
				snprintf(out->why, sizeof(out->why),
					 "%s cannot start after its "
					 "prerequisite %s ends within %d weeks",
					 rm_quote(lv->rm->inits[i].id, q1,
						  sizeof(q1)),
					 rm_quote(why == LV_NONE
						      ? "?"
						      : lv->rm->inits[why].id,
						  q2, sizeof(q2)),
					 lv->horizon);
				return false;
			}
			lv_team_quarter(lv, lv->team[i], bad, out->breaks,
					sizeof(out->breaks));
			snprintf(out->why, sizeof(out->why),
				 "%s stays over capacity: no delay of %s "
				 "within %d weeks fits",
				 rm_quote(out->breaks, q1, sizeof(q1)),
				 rm_quote(lv->rm->inits[i].id, q2, sizeof(q2)),
				 lv->horizon);
			return false;
		}
		w[j] = x;
		lv_put_load(lv, i, x, load, 1);
	}
	return true;
}

/* Passes that pull each initiative to the earliest week that fits (its
 * prerequisites where they are now), until none moves. */
void lv_pull_early(const struct lv *lv, const size_t *seq, int *w,
		   int64_t *load)
{
	bool moved = true;
	size_t why;
	int bad;

	while (moved) {
		moved = false;
		for (size_t k = 0; k < lv->m; k++) {
			size_t j = seq[k], i = lv->mov[j];
			if (w[j] == 0) {
				continue;
			}
			int64_t lo = lv_after_prereqs(lv, j, w, &why);
			lo = lo < lv->lb[j] ? lv->lb[j] : lo;
			if (lo >= w[j]) {
				continue;
			}
			lv_put_load(lv, i, w[j], load, -1);
			for (int x = (int)lo; x < w[j]; x++) {
				if (lv_fits(lv, i, x, load, &bad)) {
					w[j] = x;
					moved = true;
					break;
				}
			}
			lv_put_load(lv, i, w[j], load, 1);
		}
	}
}
