/*
 * timeline.c - the timeline for scripts (roadmap(1), timeline --format csv
 * or json): each counting initiative with its dates, whether it is on the
 * critical path, and its planned spend in each fiscal quarter or calendar
 * month (the budget's spreading rule, so the columns add up to `budget`'s).
 */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct line {
	size_t i;      /* the initiative */
	int p0;	       /* its first period */
	size_t n;      /* its periods */
	int64_t *cost; /* opex + capex in each */
};

struct grid {
	struct line *lines;
	size_t n;
	int lo, hi; /* the periods shown */
	bool *critical, sched_ok;
};

static void grid_release(struct grid *g)
{
	for (size_t k = 0; k < g->n; k++) {
		free(g->lines[k].cost);
	}
	free(g->lines);
	free(g->critical);
	memset(g, 0, sizeof(*g));
}

static void label(bool months, int p, char *buf)
{
	if (months) {
		snprintf(buf, 16, "%04d-%02d", p / 12, p % 12 + 1);
	} else {
		roadmap_quarter_label(p, buf);
	}
}

static enum roadmap_status grid_build(const struct roadmap *rm, bool months,
				      struct grid *g, struct roadmap_error *err)
{
	struct roadmap_spend sp;
	struct roadmap_schedule s;
	enum roadmap_status st;

	memset(g, 0, sizeof(*g));
	g->lo = 0;
	g->hi = -1;
	if ((st = roadmap_spend_build(rm, &sp, err))) {
		return st;
	}
	g->lines = calloc(rm->n_inits + 1, sizeof(*g->lines));
	g->critical = calloc(rm->n_inits + 1, sizeof(bool));
	bool ok = g->lines && g->critical;
	/* a cycle leaves the critical path unknown (null), as schedule
	 * reports it */
	if (ok && roadmap_schedule(rm, &s, NULL) == ROADMAP_OK) {
		g->sched_ok = true;
		for (size_t k = 0; k < s.n; k++) {
			g->critical[s.rows[k].index] = s.rows[k].critical;
		}
		roadmap_schedule_release(&s);
	}
	for (size_t i = 0; ok && i < rm->n_inits; i++) {
		if (!roadmap_initiative_counts(&rm->inits[i])) {
			continue;
		}
		struct line *x = &g->lines[g->n++];
		x->i = i;
		if (months) {
			int64_t *op, *cap;
			ok = rm_month_spend(rm, &sp, i, &x->p0, &x->n, &op,
					    &cap);
			for (size_t m = 0; ok && m < x->n; m++) {
				op[m] += cap[m]; /* each <= 1e14 */
			}
			free(cap);
			x->cost = op;
		} else if (sp.n[i]) {
			x->p0 = sp.q0[i];
			x->n = (size_t)sp.n[i];
			x->cost = malloc(x->n * sizeof(int64_t));
			ok = x->cost != NULL;
			for (size_t k = 0; ok && k < x->n; k++) {
				size_t o = sp.off[i] + k;
				x->cost[k] = sp.opex[o] + sp.capex[o];
			}
		}
		if (ok && x->n) {
			int last = x->p0 + (int)x->n - 1;
			g->lo = g->hi < g->lo || x->p0 < g->lo ? x->p0 : g->lo;
			g->hi = last > g->hi ? last : g->hi;
		}
	}
	roadmap_spend_release(&sp);
	if (!ok) {
		grid_release(g);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

/* The cost of line x in period p, or -1 when it has none there. */
static int64_t cost_at(const struct line *x, int p)
{
	return p >= x->p0 && p < x->p0 + (int)x->n ? x->cost[p - x->p0] : -1;
}

enum roadmap_status roadmap_timeline_rows(const struct roadmap *rm, bool months,
					  struct roadmap_rows *out,
					  struct roadmap_error *err)
{
	static const char *const head[] = {
	    ROADMAP_FIELD_ID,	 ROADMAP_FIELD_TITLE, ROADMAP_FIELD_PILLAR,
	    ROADMAP_FIELD_START, ROADMAP_FIELD_END,   "critical"};
	struct grid g;
	enum roadmap_status st = grid_build(rm, months, &g, err);
	char buf[40];

	if (st) {
		return st;
	}
	size_t np = g.hi >= g.lo ? (size_t)(g.hi - g.lo + 1) : 0;
	size_t cols = 6 + np;
	char **cells = calloc((g.n + 1) * cols, sizeof(char *));
	bool ok = cells != NULL;
	memset(out, 0, sizeof(*out));
	out->n_cols = cols;
	out->n_rows = g.n;
	out->cells = (const char *const *)cells;
	out->text = calloc(cols, sizeof(bool));
	ok = ok && out->text;
	for (size_t c = 0; ok && c < cols; c++) {
		if (c < 6) {
			out->text[c] = c < 3;
			ok = (cells[c] = rm_rows_strdup(out, head[c])) != NULL;
		} else {
			label(months, g.lo + (int)(c - 6), buf);
			ok = (cells[c] = rm_rows_strdup(out, buf)) != NULL;
		}
	}
	for (size_t r = 0; ok && r < g.n; r++) {
		const struct roadmap_initiative *in = &rm->inits[g.lines[r].i];
		char **row = cells + (r + 1) * cols;
		char s[12], e[12];
		const char *v[6] = {in->id,
				    in->title,
				    in->pillar ? in->pillar : "",
				    roadmap_day_format(in->start, s),
				    roadmap_day_format(in->end, e),
				    !g.sched_ok		       ? ""
				    : g.critical[g.lines[r].i] ? "true"
							       : "false"};
		for (size_t c = 0; ok && c < cols; c++) {
			int64_t x =
			    c < 6 ? 0
				  : cost_at(&g.lines[r], g.lo + (int)(c - 6));
			const char *t =
			    c < 6   ? v[c]
			    : x < 0 ? ""
				    : roadmap_money_format(x, false, buf);
			ok = (row[c] = rm_rows_strdup(out, t)) != NULL;
		}
	}
	grid_release(&g);
	if (!ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_timeline_json(const struct roadmap *rm, bool months,
					  char **out, struct roadmap_error *err)
{
	struct grid g;
	enum roadmap_status st = grid_build(rm, months, &g, err);
	struct strbuf b = {0};
	bool ok = true;
	char buf[16];

	if (st) {
		return st;
	}
	cJSON *root = cJSON_CreateObject(), *periods, *list;
	ok = root != NULL;
	rm_json_add(root, "by",
		    cJSON_CreateString(months ? ROADMAP_WORD_MONTH
					      : ROADMAP_WORD_QUARTER),
		    &ok);
	periods = rm_json_add(root, "periods", cJSON_CreateArray(), &ok);
	for (int p = g.lo; ok && p <= g.hi; p++) {
		label(months, p, buf);
		rm_json_push(periods, cJSON_CreateString(buf), &ok);
	}
	list = rm_json_add(root, ROADMAP_KEY_INITIATIVES, cJSON_CreateArray(),
			   &ok);
	for (size_t r = 0; ok && r < g.n; r++) {
		const struct roadmap_initiative *in = &rm->inits[g.lines[r].i];
		cJSON *o = cJSON_CreateObject(), *spend;
		rm_json_push(list, o, &ok);
		rm_json_add(o, ROADMAP_FIELD_ID, rm_json_ref(in->id), &ok);
		rm_json_add(o, ROADMAP_FIELD_TITLE, rm_json_ref(in->title),
			    &ok);
		rm_json_add(o, ROADMAP_FIELD_PILLAR,
			    rm_json_string_or_null(in->pillar), &ok);
		rm_json_add(o, ROADMAP_FIELD_START, rm_json_date(in->start),
			    &ok);
		rm_json_add(o, ROADMAP_FIELD_END, rm_json_date(in->end), &ok);
		rm_json_add(o, "critical",
			    g.sched_ok
				? cJSON_CreateBool(g.critical[g.lines[r].i])
				: cJSON_CreateNull(),
			    &ok);
		spend = rm_json_add(o, "spend", cJSON_CreateArray(), &ok);
		for (int p = g.lo; ok && p <= g.hi; p++) {
			int64_t x = cost_at(&g.lines[r], p);
			rm_json_push(
			    spend,
			    x < 0 ? cJSON_CreateNull() : rm_json_money(x), &ok);
		}
	}
	grid_release(&g);
	if (!ok) {
		cJSON_Delete(root);
		return rm_nomem(err);
	}
	st = rm_json_finish(&b, root, out, NULL, err);
	cJSON_Delete(root);
	return st;
}
