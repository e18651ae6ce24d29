/*
 * optimize-model.c - optimize's 0/1 program: a column per counting
 * initiative, a row per envelope and team quarter, kept exact in integers;
 * plans checked against it; the JSON (roadmap(1), optimize).
 *
 * Every constraint is integral: a row's coefficients (cents of planned
 * spend, FTE-hundredth-days of load) are divided by their greatest common
 * divisor and its limit rounded down with them, which keeps the same
 * integer plans. All coefficients are positive: funding more only adds
 * spend and load. Rows that cannot bind (all their coefficients together
 * fit) are left out.
 */
#include "json.h"
#include "optimize.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void rm_opt_release(struct lp *lp)
{
	free(lp->init);
	free(lp->col);
	free(lp->kept);
	free(lp->value);
	free(lp->cost);
	free(lp->dep);
	free(lp->pre_off);
	free(lp->pre);
	free(lp->dpd_off);
	free(lp->dpd);
	free(lp->topo);
	free(lp->vs);
	free(lp->cs);
	free(lp->fits);
	free(lp->cstart);
	free(lp->crow);
	free(lp->ccoef);
	free(lp->start);
	free(lp->cols);
	free(lp->coef);
	free(lp->limit);
	free(lp->name);
	free(lp->cut_start);
	free(lp->cut_cols);
	free(lp->cut_rhs);
	free(lp->cut_ge);
	free(lp->pool);
	free(lp->pool_v);
	roadmap_spend_release(&lp->sp);
}

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap) {
		return true;
	}
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		c *= 2;
	}
	void *q = realloc(*p, c * size);
	if (!q) {
		return false;
	}
	*p = q;
	*cap = c;
	return true;
}

/* Starts row r; its coefficients follow with put(). */
static void row_begin(struct lp *lp, const char *name, int64_t limit)
{
	if (lp->nomem ||
	    !grow((void **)&lp->start, &lp->cap_start, lp->n_rows + 2,
		  sizeof(size_t)) ||
	    !grow((void **)&lp->limit, &lp->cap_limit, lp->n_rows + 1,
		  sizeof(int64_t)) ||
	    !grow((void **)&lp->name, &lp->cap_name, lp->n_rows + 1,
		  sizeof(lp->name[0]))) {
		lp->nomem = true;
		return;
	}
	lp->start[lp->n_rows] = lp->n_nz;
	lp->limit[lp->n_rows] = limit;
	snprintf(lp->name[lp->n_rows], sizeof(lp->name[0]), "%s", name);
}

static void put(struct lp *lp, size_t col, int64_t coef)
{
	if (lp->nomem || coef == 0) {
		return;
	}
	if (!grow((void **)&lp->cols, &lp->cap_cols, lp->n_nz + 1,
		  sizeof(size_t)) ||
	    !grow((void **)&lp->coef, &lp->cap_coef, lp->n_nz + 1,
		  sizeof(int64_t))) {
		lp->nomem = true;
		return;
	}
	lp->cols[lp->n_nz] = col;
	lp->coef[lp->n_nz++] = coef;
}

/* Ends the row, or drops it when it cannot bind. */
static void row_end(struct lp *lp)
{
	int64_t all = 0;

	if (lp->nomem) {
		return;
	}
	for (size_t k = lp->start[lp->n_rows]; k < lp->n_nz; k++) {
		if (!roadmap_money_add(all, lp->coef[k], &all)) {
			all = INT64_MAX; /* too much to fit: it binds */
			break;
		}
	}
	if (all <= lp->limit[lp->n_rows]) {
		lp->n_nz = lp->start[lp->n_rows];
		return;
	}
	lp->n_rows++;
	lp->start[lp->n_rows] = lp->n_nz;
}

/* The share of s, initiative in's planned spend in quarter qi, on its
 * days from the as-of day on (pro rata to its days in the quarter, halves
 * up): all of it without a day. */
static int64_t share_after(const struct lp *lp,
			   const struct roadmap_initiative *in, int qi,
			   int64_t s)
{
	int fs = lp->rm->fiscal_start;
	roadmap_day a = roadmap_quarter_first(qi, fs),
		    z = roadmap_quarter_last(qi, fs), d = lp->o->as_of;

	a = a < in->start ? in->start : a;
	z = z > in->end ? in->end : z;
	if (!lp->o->has_as_of || d <= a) {
		return s;
	}
	if (d > z) {
		return 0;
	}
	/* s <= 2 x 10^14 and at most 92 days: no overflow */
	int64_t days = (int64_t)z - a + 1, after = (int64_t)z - d + 1;
	return (2 * s * after + days) / (2 * days);
}

/*
 * Initiative i's spend in quarters [a, z] split at the as-of day
 * (roadmap(1), optimize --as-of): *after, its planned spend on the days
 * from the day on; *before, its planned spend on the days before it (the
 * file's actuals do not enter: the plan's spend is what the envelopes
 * were set against). Without a day all of it is after.
 */
static void spend_split(struct lp *lp, size_t i, int a, int z, int64_t *before,
			int64_t *after)
{
	const struct roadmap_spend *sp = &lp->sp;
	const struct roadmap_initiative *in = &lp->rm->inits[i];

	*before = *after = 0;
	for (int k = 0; k < sp->n[i]; k++) {
		int qi = sp->q0[i] + k;
		size_t o = sp->off[i] + (size_t)k;
		int64_t s;
		if (qi < a || qi > z) {
			continue;
		}
		if (!roadmap_money_add(sp->opex[o], sp->capex[o], &s)) {
			lp->overflow = true;
			continue;
		}
		int64_t late = share_after(lp, in, qi, s);
		if (!roadmap_money_add(*after, late, after) ||
		    !roadmap_money_add(*before, s - late, before)) {
			lp->overflow = true;
		}
	}
}

/* Whether an envelope funds an initiative: all pillars, or its own. */
static bool in_scope(const struct roadmap_budget *e,
		     const struct roadmap_initiative *in)
{
	return !e->pillar || (in->pillar && strcmp(in->pillar, e->pillar) == 0);
}

static int64_t scaled(int64_t amount, int pct)
{
	return (int64_t)rm_div128(rm_mul64((uint64_t)amount, (uint64_t)pct),
				  100, NULL);
}

/* Whether an envelope ended before the as-of day: history, no limit. */
static bool envelope_past(const struct lp *lp, const struct roadmap_budget *e)
{
	int z;

	(void)rm_budget_quarters(e, &z);
	return lp->o->has_as_of &&
	       roadmap_quarter_last(z, lp->rm->fiscal_start) < lp->o->as_of;
}

/* Each envelope not past: the funded ones' spend from the day on within
 * what is left of it once every counting initiative's spend before the
 * day is taken (a limit below 0 when that alone breaks it). */
static void envelope_rows(struct lp *lp, int pct)
{
	const struct roadmap *rm = lp->rm;
	char key[96];

	for (size_t b = 0; b < rm->n_budgets; b++) {
		const struct roadmap_budget *e = &rm->budgets[b];
		int z, a = rm_budget_quarters(e, &z);
		int64_t sunk = 0, before, after;
		if (envelope_past(lp, e)) {
			continue;
		}
		row_begin(lp, rm_budget_key(e, key, sizeof(key)),
			  scaled(e->amount, pct));
		for (size_t j = 0; j < lp->n; j++) {
			const struct roadmap_initiative *in =
			    &rm->inits[lp->init[j]];
			if (in_scope(e, in)) {
				spend_split(lp, lp->init[j], a, z, &before,
					    &after);
				put(lp, j, after);
				if (!roadmap_money_add(sunk, before, &sunk)) {
					lp->overflow = true;
				}
			}
		}
		if (!lp->nomem) {
			lp->limit[lp->n_rows] -= sunk;
		}
		row_end(lp);
	}
}

/* fte x the days it runs in [s, e] */
static int64_t load_in(const struct roadmap_initiative *in, roadmap_day s,
		       roadmap_day e)
{
	s = s < in->start ? in->start : s;
	e = e > in->end ? in->end : e;
	return e < s ? 0 : in->fte * ((int64_t)e - s + 1);
}

/* Each team's quarters, as check's capacity-overrun counts load: open
 * initiatives, fte x the days they run in the quarter. The columns are
 * bucketed by team once (one lookup each), so a team's rows walk its own
 * initiatives only. False when out of memory. */
static bool capacity_rows(struct lp *lp)
{
	const struct roadmap *rm = lp->rm;
	int fs = rm->fiscal_start;
	bool dated = lp->o->has_as_of;
	roadmap_day day = lp->o->as_of;
	char name[96], label[12];
	size_t T = rm->n_teams, *start = calloc(T + 2, sizeof(size_t));
	size_t *member = malloc((lp->n + 1) * sizeof(size_t));
	size_t *team_of = malloc((lp->n + 1) * sizeof(size_t));

	if (!start || !member || !team_of) {
		free(start);
		free(member);
		free(team_of);
		return false;
	}
	for (size_t j = 0; j < lp->n; j++) { /* counting sort by team */
		const struct roadmap_initiative *in = &rm->inits[lp->init[j]];
		const struct roadmap_team *t =
		    roadmap_initiative_is_open(in) && in->team && in->fte > 0
			? roadmap_find_team(rm, in->team)
			: NULL;
		team_of[j] = t ? (size_t)(t - rm->teams) : T;
		start[team_of[j] + 1]++;
	}
	for (size_t t = 0; t < T; t++) {
		start[t + 1] += start[t];
	}
	for (size_t j = 0, k; j < lp->n; j++) { /* in column order */
		if ((k = team_of[j]) < T) {
			member[start[k]++] = j;
		}
	}
	for (size_t t = T; t-- > 0;) {
		start[t + 1] = start[t];
	}
	start[0] = 0;
	for (size_t t = 0; t < T; t++) {
		const struct roadmap_team *team = &rm->teams[t];
		int qa = 0, qb = -1;
		for (size_t m = start[t]; m < start[t + 1]; m++) {
			const struct roadmap_initiative *in =
			    &rm->inits[lp->init[member[m]]];
			int a = roadmap_quarter_of(in->start, fs);
			int b = roadmap_quarter_of(in->end, fs);
			qa = m > start[t] && qa < a ? qa : a;
			qb = m > start[t] && qb > b ? qb : b;
		}
		for (int qi = qa; qi <= qb; qi++) {
			roadmap_day qs = roadmap_quarter_first(qi, fs);
			roadmap_day qe = roadmap_quarter_last(qi, fs);
			/* as of a day: past days are history (a load, not
			 * a sum: an overrun then leaves nothing to hold
			 * now), the current quarter from the day on */
			roadmap_day d = dated && day > qs ? day : qs;
			int64_t limit = roadmap_team_capacity_days(team, d, qe);
			if (d > qe) {
				continue;
			}
			snprintf(name, sizeof(name), "%s@%s", team->id,
				 roadmap_quarter_label(qi, label));
			row_begin(lp, name, limit);
			for (size_t m = start[t]; m < start[t + 1]; m++) {
				const struct roadmap_initiative *in =
				    &rm->inits[lp->init[member[m]]];
				if (d == qs) {
					put(lp, member[m],
					    rm_quarter_load(in, qi, fs));
					continue;
				}
				put(lp, member[m], load_in(in, d, qe));
			}
			row_end(lp);
		}
	}
	free(start);
	free(member);
	free(team_of);
	return true;
}

/* Funded in every plan: a kept status; mandatory work (roadmap(5),
 * mandatory); as of a day, work done or ended before it (spent, not to
 * be undone). */
static bool keeps(const struct roadmap_optimize_options *o,
		  const struct roadmap_initiative *in)
{
	unsigned keep = o->keep_set
			    ? o->keep
			    : (1u << ROADMAP_ACTIVE) | (1u << ROADMAP_DONE);
	return ((keep >> in->status) & 1u) || in->mandatory ||
	       (o->has_as_of &&
		(in->status == ROADMAP_DONE || in->end < o->as_of));
}

/* The kept ids (roadmap_optimize_options.keep_ids) into lp->kept. */
static enum roadmap_status keep_ids(struct lp *lp, struct roadmap_error *err)
{
	const struct roadmap *rm = lp->rm;
	char q[96];

	for (size_t k = 0; k < lp->o->n_keep_ids; k++) {
		const char *id = lp->o->keep_ids[k];
		const struct roadmap_initiative *in =
		    roadmap_find_initiative(rm, id);
		if (!in) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "no initiative %s to keep",
				       rm_quote(id, q, sizeof(q)));
		}
		size_t j = lp->col[in - rm->inits];
		if (j == NO_COL) {
			return rm_fail(
			    err, ROADMAP_ERR_DATA,
			    "%s does not count (it is %s): it "
			    "cannot be kept",
			    rm_quote(id, q, sizeof(q)),
			    roadmap_initiative_status_name(in->status));
		}
		lp->kept[j] = true;
	}
	return ROADMAP_OK;
}

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Compressed rows of a column's prerequisites (way 1) or dependents (way
 * 0) from the dependency pairs. */
static bool lp_adjacency(struct lp *lp, int way, size_t **off_out,
			 size_t **adj_out)
{
	size_t *off = calloc(lp->n + 2, sizeof(size_t));
	size_t *adj = malloc((lp->n_deps + 1) * sizeof(size_t));

	*off_out = off;
	*adj_out = adj;
	if (!off || !adj) {
		return false;
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		off[lp->dep[2 * d + (size_t)!way] + 2]++;
	}
	for (size_t j = 0; j < lp->n; j++) {
		off[j + 2] += off[j + 1];
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		size_t from = lp->dep[2 * d + (size_t)!way];
		adj[off[from + 1]++] = lp->dep[2 * d + (size_t)way];
	}
	return true;
}

/* What the search needs beside the columns: the order, the adjacency,
 * the values and costs over their gcds, checked sums. */
static enum roadmap_status lp_index(struct lp *lp, const size_t *order,
				    size_t count, struct roadmap_error *err)
{
	int64_t sv = 0, sc = 0;
	size_t t = 0;

	lp->topo = malloc((lp->n + 1) * sizeof(size_t));
	lp->vs = malloc((lp->n + 1) * sizeof(int64_t));
	lp->cs = malloc((lp->n + 1) * sizeof(int64_t));
	lp->fits = malloc((lp->n + 1) * sizeof(bool));
	if (!lp->topo || !lp->vs || !lp->cs || !lp->fits ||
	    !lp_adjacency(lp, 1, &lp->pre_off, &lp->pre) ||
	    !lp_adjacency(lp, 0, &lp->dpd_off, &lp->dpd)) {
		return rm_nomem(err);
	}
	for (size_t k = 0; k < count; k++) {
		if (lp->col[order[k]] != NO_COL) {
			lp->topo[t++] = lp->col[order[k]];
		}
	}
	lp->gv = lp->gc = 0;
	for (size_t j = 0; j < lp->n; j++) {
		if (!roadmap_money_add(sv, lp->value[j], &sv)) {
			return rm_overflow(err, "the value of the initiatives");
		}
		if (!roadmap_money_add(sc, lp->cost[j], &sc)) {
			return rm_overflow(err, "planned spend");
		}
		lp->gv = gcd64(lp->gv, lp->value[j]);
		lp->gc = gcd64(lp->gc, lp->cost[j]);
	}
	lp->gv = lp->gv ? lp->gv : 1;
	lp->gc = lp->gc ? lp->gc : 1;
	for (size_t j = 0; j < lp->n; j++) {
		lp->vs[j] = lp->value[j] / lp->gv;
		lp->cs[j] = lp->cost[j] / lp->gc;
	}
	return ROADMAP_OK;
}

/* Columns, values, costs, dependencies and the kept closure. */
enum roadmap_status rm_opt_columns(struct lp *lp, const struct rm_graph *g,
				   const size_t *order, size_t count,
				   struct roadmap_error *err)
{
	const struct roadmap *rm = lp->rm;
	size_t N = rm->n_inits;

	lp->init = malloc((N + 1) * sizeof(size_t));
	lp->col = malloc((N + 1) * sizeof(size_t));
	lp->kept = calloc(N + 1, sizeof(bool));
	lp->value = calloc(N + 1, sizeof(int64_t));
	lp->cost = calloc(N + 1, sizeof(int64_t));
	size_t edges = g->pre_off[N];
	lp->dep = malloc((2 * edges + 1) * sizeof(size_t));
	if (!lp->init || !lp->col || !lp->kept || !lp->value || !lp->cost ||
	    !lp->dep) {
		return rm_nomem(err);
	}
	for (size_t i = 0; i < N; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		lp->col[i] = NO_COL;
		if (!roadmap_initiative_counts(in)) {
			continue;
		}
		size_t j = lp->n++;
		lp->col[i] = j;
		lp->init[j] = i;
		lp->kept[j] = keeps(lp->o, in);
		lp->value[j] = roadmap_initiative_value(in, lp->o->objective);
		if (!roadmap_money_add(in->opex, in->capex, &lp->cost[j])) {
			return rm_overflow(err,
					   "an initiative's planned total");
		}
		if (lp->o->has_as_of) { /* what funding it still costs */
			int64_t before;
			spend_split(lp, i, INT_MIN, INT_MAX, &before,
				    &lp->cost[j]);
		}
	}
	if (lp->overflow) {
		return rm_overflow(err, "planned spend");
	}
	/* the kept ids join the kept statuses and mandatory work (keeps());
	 * then their prerequisites, below */
	enum roadmap_status st = keep_ids(lp, err);
	if (st) {
		return st;
	}
	/* dependents before prerequisites: a kept one keeps what it needs */
	for (size_t k = count; k-- > 0;) {
		size_t i = order[k], j = lp->col[i];
		for (size_t e = g->pre_off[i]; e < g->pre_off[i + 1]; e++) {
			size_t p = lp->col[g->pre[e]];
			if (j == NO_COL || p == NO_COL) {
				continue;
			}
			lp->dep[2 * lp->n_deps] = j;
			lp->dep[2 * lp->n_deps + 1] = p;
			lp->n_deps++;
			if (lp->kept[j]) {
				lp->kept[p] = true;
			}
		}
	}
	return lp_index(lp, order, count, err);
}

/* Every row divided by the gcd of its coefficients, its limit rounded
 * down with them (the same integer plans); then the rows by column, and
 * which columns fit alone. */
static bool scale_rows(struct lp *lp)
{
	size_t n = lp->n;

	for (size_t r = 0; r < lp->n_rows; r++) {
		int64_t g = 0;
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			g = gcd64(g, lp->coef[k]);
		}
		g = g ? g : 1;
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			lp->coef[k] /= g;
		}
		/* rounded down: below 0 (spend before the day alone breaks
		 * it) stays below 0 */
		lp->limit[r] = lp->limit[r] >= 0
				   ? lp->limit[r] / g
				   : -((-lp->limit[r] + g - 1) / g);
	}
	free(lp->cstart);
	free(lp->crow);
	free(lp->ccoef);
	lp->cstart = calloc(n + 2, sizeof(size_t));
	lp->crow = malloc((lp->n_nz + 1) * sizeof(size_t));
	lp->ccoef = malloc((lp->n_nz + 1) * sizeof(int64_t));
	if (!lp->cstart || !lp->crow || !lp->ccoef) {
		return false;
	}
	for (size_t k = 0; k < lp->n_nz; k++) {
		lp->cstart[lp->cols[k] + 2]++;
	}
	for (size_t j = 0; j < n; j++) {
		lp->cstart[j + 2] += lp->cstart[j + 1];
		lp->fits[j] = true;
	}
	for (size_t r = 0; r < lp->n_rows; r++) {
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			size_t j = lp->cols[k], at = lp->cstart[j + 1]++;
			lp->crow[at] = r;
			lp->ccoef[at] = lp->coef[k];
			if (lp->coef[k] > lp->limit[r]) {
				lp->fits[j] = false;
			}
		}
	}
	return true;
}

bool rm_opt_rows(struct lp *lp, int pct)
{
	lp->pct = pct;
	lp->n_rows = lp->n_nz = 0;
	lp->n_cuts = lp->n_cut_nz = 0; /* cuts belong to the rows */
	envelope_rows(lp, pct);
	if (!lp->o->ignore_capacity && !capacity_rows(lp)) {
		lp->nomem = true;
	}
	return !lp->nomem && scale_rows(lp);
}

/* The first limit that plan on[] breaks (its row), or -1. */
long rm_opt_breaks(const struct lp *lp, const bool *on)
{
	for (size_t r = 0; r < lp->n_rows; r++) {
		struct rm_i128 used = rm_i128_of(0);
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			if (on[lp->cols[k]]) {
				(void)rm_i128_add_ov(
				    used, rm_i128_of(lp->coef[k]), &used);
			}
		}
		if (rm_i128_cmp(used, rm_i128_of(lp->limit[r])) > 0) {
			return (long)r;
		}
	}
	return -1;
}

bool rm_opt_plan_valid(const struct lp *lp, const bool *on)
{
	for (size_t j = 0; j < lp->n; j++) {
		if ((lp->kept[j] && !on[j]) || (on[j] && !lp->fits[j])) {
			return false;
		}
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		if (on[lp->dep[2 * d]] && !on[lp->dep[2 * d + 1]]) {
			return false;
		}
	}
	return rm_opt_breaks(lp, on) < 0;
}

int64_t rm_opt_total(struct lp *lp, const int64_t *v, const bool *on)
{
	int64_t s = 0;

	for (size_t j = 0; j < lp->n; j++) {
		if ((!on || on[j]) && !roadmap_money_add(s, v[j], &s)) {
			lp->overflow = true;
		}
	}
	return s;
}

/* What the plan uses of each envelope (unscaled rows, every envelope). */
void rm_opt_fill_envelopes(struct lp *lp, const bool *on, int pct,
			   struct roadmap_plan *p)
{
	const struct roadmap *rm = lp->rm;

	for (size_t b = 0; b < rm->n_budgets; b++) {
		const struct roadmap_budget *e = &rm->budgets[b];
		int z, a = rm_budget_quarters(e, &z);
		int64_t used = 0, before, after;
		bool past = envelope_past(lp, e);
		for (size_t j = 0; j < lp->n; j++) {
			const struct roadmap_initiative *in =
			    &rm->inits[lp->init[j]];
			if (!in_scope(e, in)) {
				continue;
			}
			spend_split(lp, lp->init[j], a, z, &before, &after);
			if (!roadmap_money_add(used, before, &used) ||
			    (on[j] && !roadmap_money_add(used, after, &used))) {
				lp->overflow = true;
			}
		}
		p->envelopes[b] = (struct roadmap_plan_envelope){
		    b, past ? e->amount : scaled(e->amount, pct), used, past};
	}
}

int64_t roadmap_initiative_value(const struct roadmap_initiative *in,
				 enum roadmap_objective o)
{
	if (o == ROADMAP_OBJECTIVE_PRIORITY) {
		return 6 - (in->priority ? in->priority : 3);
	}
	return in->has_benefit ? in->benefit : 0;
}

const char *roadmap_plan_status_name(enum roadmap_plan_status s)
{
	static const char *const names[] = {"optimal", "feasible",
					    "infeasible"};
	return (unsigned)s < 3 ? names[s] : "infeasible";
}

void roadmap_plan_release(struct roadmap_plan *p)
{
	if (!p) {
		return;
	}
	free(p->funded);
	free(p->cut);
	free(p->envelopes);
	free(p->frontier);
	free(p->reasons);
	memset(p, 0, sizeof(*p));
}

/* The one clock of a run (its wall-clock deadline): monotonic seconds. */
double rm_opt_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

bool rm_opt_time_left(const struct run *run, double end)
{
	return rm_opt_now() < end && rm_opt_now() < run->end;
}

/* -------------------------------------------------------------- JSON */

static cJSON *value_json(const struct roadmap_plan *p, int64_t v)
{
	return p->objective == ROADMAP_OBJECTIVE_PRIORITY
		   ? cJSON_CreateNumber((double)v)
		   : rm_json_money(v);
}

static cJSON *items_json(const struct roadmap *rm, const struct roadmap_plan *p,
			 const size_t *idx, size_t n, bool *ok)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t k = 0; k < n; k++) {
		const struct roadmap_initiative *in = &rm->inits[idx[k]];
		cJSON *o = cJSON_CreateObject();
		int64_t v = roadmap_initiative_value(in, p->objective);
		rm_json_add(o, ROADMAP_FIELD_ID, cJSON_CreateString(in->id),
			    ok);
		rm_json_add(o, "value", value_json(p, v), ok);
		rm_json_add(o, ROADMAP_WORD_TOTAL,
			    rm_json_money(in->opex + in->capex), ok);
		rm_json_push(arr, o, ok);
	}
	return arr;
}

/* --explain: [{"id", "decision", "status", "value_if_flipped",
 * "reason"}], the value null when the flip is infeasible, the reason null
 * for a funded one or a cut one that breaks nothing. */
static cJSON *reasons_json(const struct roadmap *rm,
			   const struct roadmap_plan *p, bool *ok)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t k = 0; k < p->n_reasons; k++) {
		const struct roadmap_plan_reason *r = &p->reasons[k];
		cJSON *x = cJSON_CreateObject();
		rm_json_add(x, ROADMAP_FIELD_ID,
			    cJSON_CreateString(rm->inits[r->index].id), ok);
		rm_json_add(x, "decision",
			    cJSON_CreateString(r->funded ? "funded" : "cut"),
			    ok);
		rm_json_add(
		    x, "status",
		    cJSON_CreateString(roadmap_plan_status_name(r->status)),
		    ok);
		rm_json_add(x, "value_if_flipped",
			    r->status == ROADMAP_PLAN_INFEASIBLE
				? cJSON_CreateNull()
				: value_json(p, r->lost),
			    ok);
		rm_json_add(x, "value_if_flipped_min",
			    r->status == ROADMAP_PLAN_INFEASIBLE
				? cJSON_CreateNull()
				: value_json(p, r->lost_min),
			    ok);
		rm_json_add(
		    x, "reason",
		    rm_json_string_or_null(r->reason[0] ? r->reason : NULL),
		    ok);
		rm_json_push(arr, x, ok);
	}
	return arr;
}

enum roadmap_status roadmap_plan_json(const struct roadmap *rm,
				      const struct roadmap_plan *p, char **out,
				      struct roadmap_error *err)
{
	bool ok = true, inf = p->status == ROADMAP_PLAN_INFEASIBLE;
	cJSON *o = cJSON_CreateObject(), *env = cJSON_CreateArray();
	char label[16];

	*out = NULL;
	rm_json_add(
	    o, "objective",
	    cJSON_CreateString(p->objective == ROADMAP_OBJECTIVE_PRIORITY
				   ? ROADMAP_FIELD_PRIORITY
				   : ROADMAP_FIELD_BENEFIT),
	    &ok);
	rm_json_add(o, "budget_scale", cJSON_CreateNumber(p->budget_scale),
		    &ok);
	if (p->has_as_of) {
		rm_json_add(o, "as_of", rm_json_date(p->as_of), &ok);
	}
	rm_json_add(o, "status",
		    cJSON_CreateString(roadmap_plan_status_name(p->status)),
		    &ok);
	rm_json_add(o, "value",
		    inf ? cJSON_CreateNull() : value_json(p, p->value), &ok);
	rm_json_add(o, "bound",
		    inf ? cJSON_CreateNull() : value_json(p, p->bound), &ok);
	rm_json_add(o, "gap",
		    inf ? cJSON_CreateNull() : cJSON_CreateNumber(p->gap), &ok);
	rm_json_add(o, "spend",
		    inf ? cJSON_CreateNull() : rm_json_money(p->spend), &ok);
	if (inf) {
		rm_json_add(o, "breaks", cJSON_CreateString(p->breaks), &ok);
	}
	rm_json_add(o, "funded", items_json(rm, p, p->funded, p->n_funded, &ok),
		    &ok);
	rm_json_add(o, "cut", items_json(rm, p, p->cut, p->n_cut, &ok), &ok);
	for (size_t k = 0; k < p->n_envelopes; k++) {
		const struct roadmap_plan_envelope *e = &p->envelopes[k];
		const struct roadmap_budget *b = &rm->budgets[e->budget];
		cJSON *x = cJSON_CreateObject();
		rm_json_add(x, ROADMAP_FIELD_PERIOD,
			    cJSON_CreateString(
				rm_budget_label(b, label, sizeof(label))),
			    &ok);
		rm_json_add(x, ROADMAP_FIELD_PILLAR,
			    rm_json_string_or_null(b->pillar), &ok);
		rm_json_add(x, ROADMAP_FIELD_AMOUNT, rm_json_money(e->amount),
			    &ok);
		rm_json_add(x, "used",
			    inf ? cJSON_CreateNull() : rm_json_money(e->used),
			    &ok);
		if (p->has_as_of) {
			rm_json_add(x, "past", cJSON_CreateBool(e->past), &ok);
		}
		rm_json_push(env, x, &ok);
	}
	rm_json_add(o, "envelopes", env, &ok);
	if (p->n_frontier) {
		cJSON *fr = cJSON_CreateArray();
		for (size_t k = 0; k < p->n_frontier; k++) {
			const struct roadmap_plan_point *pt = &p->frontier[k];
			bool pinf = pt->status == ROADMAP_PLAN_INFEASIBLE;
			cJSON *x = cJSON_CreateObject();
			rm_json_add(x, "budget_scale",
				    cJSON_CreateNumber(pt->budget_scale), &ok);
			rm_json_add(x, "status",
				    cJSON_CreateString(
					roadmap_plan_status_name(pt->status)),
				    &ok);
			rm_json_add(x, "value",
				    pinf ? cJSON_CreateNull()
					 : value_json(p, pt->value),
				    &ok);
			rm_json_add(x, "spend",
				    pinf ? cJSON_CreateNull()
					 : rm_json_money(pt->spend),
				    &ok);
			rm_json_add(x, "cut",
				    pinf
					? cJSON_CreateNull()
					: cJSON_CreateNumber((double)pt->n_cut),
				    &ok);
			rm_json_push(fr, x, &ok);
		}
		rm_json_add(o, "frontier", fr, &ok);
	}
	if (p->reasons) {
		rm_json_add(o, "explain", reasons_json(rm, p, &ok), &ok);
	}
	struct strbuf b = {0};
	enum roadmap_status st =
	    ok ? rm_json_finish(&b, o, out, NULL, err) : rm_nomem(err);

	cJSON_Delete(o);
	return st;
}
