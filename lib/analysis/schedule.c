/*
 * schedule.c - the critical path (roadmap(1), schedule): a forward pass in
 * topological order for the earliest dates, a backward pass for the latest.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

void roadmap_schedule_release(struct roadmap_schedule *s)
{
	if (s) {
		free(s->rows);
		memset(s, 0, sizeof(*s));
	}
}

/* Durations in days; an initiative that ends before it starts (an error
 * `check` reports) is scheduled as one day long. */
static int64_t duration(const struct roadmap_initiative *in)
{
	int64_t d = (int64_t)in->end - in->start + 1;

	return d < 1 ? 1 : d;
}

enum roadmap_status roadmap_schedule(const struct roadmap *rm,
				     struct roadmap_schedule *out,
				     struct roadmap_error *err)
{
	struct rm_graph g;
	enum roadmap_status st;

	memset(out, 0, sizeof(*out));
	if (!rm_graph_build(rm, &g)) {
		return rm_nomem(err);
	}
	st = rm_schedule_graph(rm, &g, out, err);
	rm_graph_release(&g);
	return st;
}

/*
 * The passes run in 64 bits, exact for any chain a file can hold (a
 * million initiatives of three centuries each stay below 2^37 days); a
 * row shows a date past the year 9999 as 9999-12-31, the last day the
 * file's date form can write (rm_day_clamp), and its slack and shift in
 * exact days.
 */
enum roadmap_status rm_schedule_graph(const struct roadmap *rm,
				      const struct rm_graph *g,
				      struct roadmap_schedule *out,
				      struct roadmap_error *err)
{
	size_t n = rm->n_inits, count = 0;
	enum roadmap_status st = ROADMAP_OK;

	memset(out, 0, sizeof(*out));
	size_t *order = malloc((n + 1) * sizeof(size_t));
	int64_t *es = malloc((n + 1) * sizeof(int64_t));
	int64_t *lf = malloc((n + 1) * sizeof(int64_t));
	if (!order || !es || !lf) {
		st = rm_nomem(err);
		goto out;
	}
	if ((st = rm_graph_order(rm, g, order, &count, err))) {
		goto out;
	}
	/* forward: earliest start after every prerequisite's earliest end */
	int64_t end = 0;
	bool any = false;
	for (size_t k = 0; k < count; k++) {
		size_t v = order[k];
		int64_t s = rm->inits[v].start;
		for (size_t e = g->pre_off[v]; e < g->pre_off[v + 1]; e++) {
			int64_t after =
			    es[g->pre[e]] + duration(&rm->inits[g->pre[e]]);
			s = after > s ? after : s;
		}
		es[v] = s;
		int64_t ef = s + duration(&rm->inits[v]) - 1;
		end = !any || ef > end ? ef : end;
		any = true;
	}
	/* backward: latest end before every dependent's latest start */
	for (size_t k = count; k-- > 0;) {
		size_t v = order[k];
		int64_t f = end;
		for (size_t e = g->dep_off[v]; e < g->dep_off[v + 1]; e++) {
			size_t w = g->dep[e];
			int64_t before = lf[w] - duration(&rm->inits[w]);
			f = before < f ? before : f;
		}
		lf[v] = f;
	}
	out->rows = malloc((count + 1) * sizeof(*out->rows));
	if (!out->rows) {
		st = rm_nomem(err);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		if (!g->in[i]) {
			continue;
		}
		const struct roadmap_initiative *in = &rm->inits[i];
		struct roadmap_schedule_row *r = &out->rows[out->n++];
		int64_t d = duration(in);
		r->index = i;
		r->earliest_start = rm_day_clamp(es[i]);
		r->earliest_end = rm_day_clamp(es[i] + d - 1);
		r->latest_end = rm_day_clamp(lf[i]);
		r->latest_start = rm_day_clamp(lf[i] - d + 1);
		r->slack_days = lf[i] - d + 1 - es[i];
		r->critical = lf[i] - d + 1 == es[i];
		r->shift_days = es[i] - in->start;
	}
	out->project_end = rm_day_clamp(end);
out:
	if (st) {
		roadmap_schedule_release(out);
	}
	free(order);
	free(es);
	free(lf);
	return st;
}

enum roadmap_status roadmap_schedule_apply(struct roadmap *rm,
					   const struct roadmap_schedule *s,
					   size_t *moved,
					   struct roadmap_error *err)
{
	char q[120], day[16];
	size_t n = 0;

	/* Every move is checked before the first is made: all or nothing. */
	for (size_t k = 0; k < s->n; k++) {
		const struct roadmap_schedule_row *r = &s->rows[k];
		const struct roadmap_initiative *in = &rm->inits[r->index];
		/* its estimates move with it: the pessimistic end too must
		 * stay in range */
		roadmap_day last =
		    in->has_pessimistic && in->pessimistic > in->end
			? in->pessimistic
			: in->end;
		if (r->shift_days != 0 &&
		    !rm_day_in_range(r->earliest_start + (last - in->start))) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s would move to end %s%s, outside "
				       "the years 1900-2200",
				       rm_quote(in->id, q, sizeof(q)),
				       roadmap_day_format(r->earliest_end, day),
				       r->earliest_end >= RM_DAY_CEIL
					   ? " or later"
					   : "");
		}
	}
	for (size_t k = 0; k < s->n; k++) {
		const struct roadmap_schedule_row *r = &s->rows[k];
		struct roadmap_initiative *in = &rm->inits[r->index];
		if (r->shift_days != 0) {
			int32_t shift = r->earliest_start - in->start;
			in->start += shift;
			in->end += shift;
			in->optimistic += in->has_optimistic ? shift : 0;
			in->pessimistic += in->has_pessimistic ? shift : 0;
			n++;
		}
	}
	if (moved) {
		*moved = n;
	}
	return ROADMAP_OK;
}
