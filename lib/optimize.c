/*
 * optimize.c - which initiatives to fund within the envelopes (SPEC 15).
 *
 * A 0/1 program over the counting initiatives, solved by COIN-OR CBC
 * through its C interface. Every constraint is integral and kept exact:
 * a row's coefficients (cents of planned spend, FTE-hundredth-days of
 * load) are divided by their greatest common divisor, its limit rounded
 * down with them, so the doubles CBC sees are small integers; the plan it
 * returns is checked again in 64-bit integers before it is believed.
 *
 * Rows that cannot bind (all their coefficients together fit) are left
 * out, and so is every row when the kept initiatives (with their
 * prerequisites) alone already break one: that is the "infeasible" answer,
 * found before any search. The objective is lexicographic: the most value
 * first, then, with the value held, the least planned spend; each solve
 * starts from a plan known to be feasible, so a time limit always leaves
 * one.
 */
#include "graph.h"
#include "json.h"

#include <Cbc_C_Interface.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_COL SIZE_MAX

/* The program: columns are counting initiatives, rows "sum <= limit". */
struct lp {
	const struct roadmap *rm;
	const struct roadmap_optimize_options *o;
	size_t n;	/* columns */
	size_t *init;	/* column -> initiative */
	size_t *col;	/* initiative -> column, or NO_COL */
	bool *kept;	/* funded in every plan: kept, or a kept one's
			   prerequisite */
	int64_t *value; /* per column */
	int64_t *cost;	/* planned total per column */
	size_t n_deps;	/* pairs: x[dep[2k]] <= x[dep[2k + 1]] */
	size_t *dep;
	/* rows, compressed: row r has cols[start[r] .. start[r + 1]) */
	size_t n_rows, cap_start, cap_limit, cap_name, n_nz, cap_cols, cap_coef;
	size_t *start, *cols;
	int64_t *coef, *limit;
	char (*name)[96];
	bool nomem, overflow;
	struct roadmap_spend sp;
};

static void lp_release(struct lp *lp)
{
	free(lp->init);
	free(lp->col);
	free(lp->kept);
	free(lp->value);
	free(lp->cost);
	free(lp->dep);
	free(lp->start);
	free(lp->cols);
	free(lp->coef);
	free(lp->limit);
	free(lp->name);
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

/* Planned spend of initiative i in quarters [a, z]. */
static int64_t spend_in(struct lp *lp, size_t i, int a, int z)
{
	const struct roadmap_spend *sp = &lp->sp;
	int64_t s = 0;

	for (int k = 0; k < sp->n[i]; k++) {
		int qi = sp->q0[i] + k;
		size_t o = sp->off[i] + (size_t)k;
		if (qi >= a && qi <= z &&
		    (!roadmap_money_add(s, sp->opex[o], &s) ||
		     !roadmap_money_add(s, sp->capex[o], &s))) {
			lp->overflow = true;
		}
	}
	return s;
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

static void envelope_rows(struct lp *lp, int pct)
{
	const struct roadmap *rm = lp->rm;
	char key[96];

	for (size_t b = 0; b < rm->n_budgets; b++) {
		const struct roadmap_budget *e = &rm->budgets[b];
		int z, a = rm_budget_quarters(e, &z);
		row_begin(lp, rm_budget_key(e, key, sizeof(key)),
			  scaled(e->amount, pct));
		for (size_t j = 0; j < lp->n; j++) {
			const struct roadmap_initiative *in =
			    &rm->inits[lp->init[j]];
			if (in_scope(e, in)) {
				put(lp, j, spend_in(lp, lp->init[j], a, z));
			}
		}
		row_end(lp);
	}
}

/* Each team's quarters, as check's capacity-overrun counts load: open
 * initiatives, fte x the days they run in the quarter. The columns are
 * bucketed by team once (one lookup each), so a team's rows walk its own
 * initiatives only. False when out of memory. */
static bool capacity_rows(struct lp *lp)
{
	const struct roadmap *rm = lp->rm;
	int fs = rm->fiscal_start;
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
			snprintf(name, sizeof(name), "%s@%s", team->id,
				 roadmap_quarter_label(qi, label));
			row_begin(lp, name, team->capacity * (qe - qs + 1));
			for (size_t m = start[t]; m < start[t + 1]; m++) {
				const struct roadmap_initiative *in =
				    &rm->inits[lp->init[member[m]]];
				put(lp, member[m], rm_quarter_load(in, qi, fs));
			}
			row_end(lp);
		}
	}
	free(start);
	free(member);
	free(team_of);
	return true;
}

static bool keeps(const struct roadmap_optimize_options *o,
		  enum roadmap_initiative_status s)
{
	unsigned keep = o->keep_set
			    ? o->keep
			    : (1u << ROADMAP_ACTIVE) | (1u << ROADMAP_DONE);
	return (keep >> s) & 1u;
}

/* Columns, values, costs, dependencies and the kept closure. */
static enum roadmap_status lp_columns(struct lp *lp, const struct rm_graph *g,
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
		lp->kept[j] = keeps(lp->o, in->status);
		lp->value[j] = roadmap_initiative_value(in, lp->o->objective);
		if (!roadmap_money_add(in->opex, in->capex, &lp->cost[j])) {
			return rm_overflow(err,
					   "an initiative's planned total");
		}
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

/* One solve: maximise value (phase 1), or with the value held at least
 * at *floor_value, minimise cost (phase 2). on[] holds a feasible start
 * and receives the plan. */
struct solve {
	bool proven;
	double bound; /* phase 1: the best value possible */
};

static bool solve(const struct lp *lp, bool phase2, int64_t floor_value,
		  double seconds, bool *on, struct solve *res)
{
	const int64_t *obj = phase2 ? lp->cost : lp->value;
	int64_t g = 0, gv = 0;
	Cbc_Model *m = Cbc_newModel();
	int *idx = malloc((lp->n + 1) * sizeof(int));
	double *val = malloc((lp->n + 1) * sizeof(double));
	bool ok = m && idx && val;

	for (size_t j = 0; j < lp->n; j++) {
		g = gcd64(g, obj[j]);
		gv = gcd64(gv, lp->value[j]);
	}
	g = g ? g : 1;
	gv = gv ? gv : 1;
	Cbc_setLogLevel(m, 0);
	for (size_t j = 0; ok && j < lp->n; j++) {
		Cbc_addCol(m, "", lp->kept[j] ? 1 : 0, 1, (double)(obj[j] / g),
			   1, 0, NULL, NULL);
	}
	for (size_t r = 0; ok && r < lp->n_rows; r++) {
		int64_t rg = 0;
		int nz = 0;
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			rg = gcd64(rg, lp->coef[k]);
		}
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			idx[nz] = (int)lp->cols[k];
			val[nz++] = (double)(lp->coef[k] / rg);
		}
		Cbc_addRow(m, "", nz, idx, val, 'L',
			   (double)(lp->limit[r] / rg));
	}
	for (size_t d = 0; ok && d < lp->n_deps; d++) {
		int cols[2] = {(int)lp->dep[2 * d], (int)lp->dep[2 * d + 1]};
		double c[2] = {1, -1};
		Cbc_addRow(m, "", 2, cols, c, 'L', 0);
	}
	if (ok && phase2) {
		int nz = 0;
		for (size_t j = 0; j < lp->n; j++) {
			if (lp->value[j]) {
				idx[nz] = (int)j;
				val[nz++] = (double)(lp->value[j] / gv);
			}
		}
		if (nz) {
			Cbc_addRow(m, "", nz, idx, val, 'G',
				   (double)(floor_value / gv));
		}
	}
	if (ok) {
		int nz = 0;
		for (size_t j = 0; j < lp->n; j++) {
			if (on[j]) {
				idx[nz] = (int)j;
				val[nz++] = 1;
			}
		}
		Cbc_setObjSense(m, phase2 ? 1 : -1);
		Cbc_setMIPStartI(m, nz, idx, val);
		Cbc_setMaximumSeconds(m, seconds);
		/* objectives are whole numbers: half a unit proves optimality
		 */
		Cbc_setAllowableGap(m, 0.5);
		Cbc_setAllowableFractionGap(m, 0);
		Cbc_setAllowablePercentageGap(m, 0);
		Cbc_solve(m);
		const double *x = Cbc_bestSolution(m);
		res->proven = Cbc_isProvenOptimal(m) != 0;
		res->bound = Cbc_getBestPossibleObjValue(m) * (double)g;
		for (size_t j = 0; x && j < lp->n; j++) {
			on[j] = x[j] > 0.5;
		}
	}
	if (m) {
		Cbc_deleteModel(m);
	}
	free(idx);
	free(val);
	return ok;
}

/* The first limit that plan on[] breaks (its row), or -1; *why names it. */
static long breaks(struct lp *lp, const bool *on)
{
	for (size_t r = 0; r < lp->n_rows; r++) {
		int64_t used = 0;
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			if (on[lp->cols[k]] &&
			    !roadmap_money_add(used, lp->coef[k], &used)) {
				return (long)r;
			}
		}
		if (used > lp->limit[r]) {
			return (long)r;
		}
	}
	return -1;
}

static bool plan_valid(struct lp *lp, const bool *on)
{
	for (size_t j = 0; j < lp->n; j++) {
		if (lp->kept[j] && !on[j]) {
			return false;
		}
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		if (on[lp->dep[2 * d]] && !on[lp->dep[2 * d + 1]]) {
			return false;
		}
	}
	return breaks(lp, on) < 0;
}

static int64_t total(struct lp *lp, const int64_t *v, const bool *on)
{
	int64_t s = 0;

	for (size_t j = 0; j < lp->n; j++) {
		if ((!on || on[j]) && !roadmap_money_add(s, v[j], &s)) {
			lp->overflow = true;
		}
	}
	return s;
}

/*
 * The best plan at pct percent of every envelope into on[] (which holds a
 * feasible start when *have_start, else is filled with the kept ones).
 * *st is infeasible with why set when the kept ones alone break a limit.
 */
static enum roadmap_status plan_at(struct lp *lp, int pct, bool *on,
				   enum roadmap_plan_status *st, double *bound,
				   char *why, size_t why_n,
				   struct roadmap_error *err)
{
	const struct roadmap_optimize_options *o = lp->o;
	double secs = o->time_limit > 0 ? o->time_limit : 30;
	struct solve r1 = {0}, r2 = {0};

	lp->n_rows = lp->n_nz = 0;
	envelope_rows(lp, pct);
	if (!o->ignore_capacity && !capacity_rows(lp)) {
		lp->nomem = true;
	}
	if (lp->nomem) {
		return rm_nomem(err);
	}
	if (lp->overflow) {
		return rm_overflow(err, "planned spend");
	}
	bool *base = malloc((lp->n + 1) * sizeof(bool));
	if (!base) {
		return rm_nomem(err);
	}
	for (size_t j = 0; j < lp->n; j++) {
		base[j] = lp->kept[j];
	}
	long r = breaks(lp, base);
	if (r >= 0) {
		snprintf(why, why_n, "%s", lp->name[r]);
		*st = ROADMAP_PLAN_INFEASIBLE;
		memcpy(on, base, lp->n * sizeof(bool));
		free(base);
		return ROADMAP_OK;
	}
	/* a start that holds: the caller's, else the kept ones */
	if (!plan_valid(lp, on)) {
		memcpy(on, base, lp->n * sizeof(bool));
	}
	free(base);
	if (lp->n == 0) { /* nothing to choose */
		*st = ROADMAP_PLAN_OPTIMAL;
		*bound = 0;
		return ROADMAP_OK;
	}
	if (!solve(lp, false, 0, secs, on, &r1)) {
		return rm_nomem(err);
	}
	int64_t v = total(lp, lp->value, on);
	if (!solve(lp, true, v, secs, on, &r2)) {
		return rm_nomem(err);
	}
	if (!plan_valid(lp, on) || total(lp, lp->value, on) < v) {
		return rm_fail(err, ROADMAP_ERR_INTERNAL,
			       "the solver returned a plan that breaks a "
			       "limit (please report this roadmap)");
	}
	*st = r1.proven ? ROADMAP_PLAN_OPTIMAL : ROADMAP_PLAN_FEASIBLE;
	*bound = r1.proven ? (double)v : r1.bound;
	return ROADMAP_OK;
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
	memset(p, 0, sizeof(*p));
}

/* What the plan uses of each envelope (unscaled rows, every envelope). */
static void fill_envelopes(struct lp *lp, const bool *on, int pct,
			   struct roadmap_plan *p)
{
	const struct roadmap *rm = lp->rm;

	for (size_t b = 0; b < rm->n_budgets; b++) {
		const struct roadmap_budget *e = &rm->budgets[b];
		int z, a = rm_budget_quarters(e, &z);
		int64_t used = 0;
		for (size_t j = 0; j < lp->n; j++) {
			const struct roadmap_initiative *in =
			    &rm->inits[lp->init[j]];
			if (on[j] && in_scope(e, in) &&
			    !roadmap_money_add(
				used, spend_in(lp, lp->init[j], a, z), &used)) {
				lp->overflow = true;
			}
		}
		p->envelopes[b] = (struct roadmap_plan_envelope){
		    b, scaled(e->amount, pct), used};
	}
}

static enum roadmap_status frontier(struct lp *lp, struct roadmap_plan *p,
				    struct roadmap_error *err)
{
	bool *on = calloc(lp->n + 1, sizeof(bool));
	enum roadmap_status st = ROADMAP_OK;

	p->frontier = calloc(11, sizeof(*p->frontier));
	if (!on || !p->frontier) {
		free(on);
		return rm_nomem(err);
	}
	p->n_frontier = 11;
	/* from the smallest budget up: each plan is a start for the next,
	 * so the value never falls as the budget grows */
	for (int k = 10; k >= 0 && !st; k--) {
		struct roadmap_plan_point *pt = &p->frontier[k];
		char why[96];
		double bound = 0;
		pt->budget_scale = 100 - 5 * k;
		st = plan_at(lp, pt->budget_scale, on, &pt->status, &bound, why,
			     sizeof(why), err);
		if (!st && pt->status != ROADMAP_PLAN_INFEASIBLE) {
			pt->value = total(lp, lp->value, on);
			pt->spend = total(lp, lp->cost, on);
			for (size_t j = 0; j < lp->n; j++) {
				pt->n_cut += !on[j];
			}
		} else if (!st) {
			memset(on, 0, lp->n * sizeof(bool));
		}
	}
	free(on);
	return st;
}

enum roadmap_status roadmap_optimize(const struct roadmap *rm,
				     const struct roadmap_optimize_options *o,
				     struct roadmap_plan *out,
				     struct roadmap_error *err)
{
	struct lp lp = {0};
	struct rm_graph g;
	size_t count = 0, *order = NULL;
	bool *on = NULL;
	double bound = 0;
	enum roadmap_status st;
	int pct = o->budget_scale ? o->budget_scale : 100;

	memset(out, 0, sizeof(*out));
	if (pct < 1 || pct > 1000 || o->time_limit < 0 || o->time_limit > 1e6) {
		return rm_fail(err, ROADMAP_ERR_USAGE,
			       pct < 1 || pct > 1000
				   ? "the budget scale must be 1 to 1000 %%"
				   : "the time limit must be 0 to 1000000 s");
	}
	out->objective = o->objective;
	out->budget_scale = pct;
	lp.rm = rm;
	lp.o = o;
	if (!rm_graph_build(rm, &g)) {
		return rm_nomem(err);
	}
	if (!(order = malloc((rm->n_inits + 1) * sizeof(size_t)))) {
		rm_graph_release(&g);
		return rm_nomem(err);
	}
	if ((st = rm_graph_order(rm, &g, order, &count, err)) ||
	    (st = roadmap_spend_build(rm, &lp.sp, err)) ||
	    (st = lp_columns(&lp, &g, order, count, err))) {
		goto out;
	}
	on = calloc(lp.n + 1, sizeof(bool));
	out->funded = malloc((lp.n + 1) * sizeof(size_t));
	out->cut = malloc((lp.n + 1) * sizeof(size_t));
	out->envelopes =
	    malloc((rm->n_budgets + 1) * sizeof(struct roadmap_plan_envelope));
	if (!on || !out->funded || !out->cut || !out->envelopes) {
		st = rm_nomem(err);
		goto out;
	}
	if ((st = plan_at(&lp, pct, on, &out->status, &bound, out->breaks,
			  sizeof(out->breaks), err))) {
		goto out;
	}
	out->value_all = total(&lp, lp.value, NULL);
	out->n_envelopes = rm->n_budgets;
	fill_envelopes(&lp, on, pct, out);
	if (out->status != ROADMAP_PLAN_INFEASIBLE) {
		out->value = total(&lp, lp.value, on);
		out->spend = total(&lp, lp.cost, on);
		/* the solver's bound, where it says something: never below
		 * the plan, never past what 64 bits hold */
		out->bound = bound >= (double)out->value && bound < 9e18
				 ? (int64_t)floor(bound + 0.5)
				 : out->value;
		out->gap = out->bound ? (double)(out->bound - out->value) /
					    (double)out->bound
				      : 0;
		for (size_t j = 0; j < lp.n; j++) {
			if (on[j]) {
				out->funded[out->n_funded++] = lp.init[j];
			} else {
				out->cut[out->n_cut++] = lp.init[j];
			}
		}
	}
	if (o->frontier) {
		st = frontier(&lp, out, err);
	}
	if (!st && lp.overflow) {
		st = rm_overflow(err, "planned spend");
	}
out:
	free(on);
	free(order);
	rm_graph_release(&g);
	lp_release(&lp);
	if (st) {
		roadmap_plan_release(out);
	}
	return st;
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
	struct strbuf b = {0};
	enum roadmap_status st =
	    ok ? rm_json_finish(&b, o, out, NULL, err) : rm_nomem(err);

	cJSON_Delete(o);
	return st;
}
