/*
 * optimize.c - which initiatives to fund within the envelopes: the
 * decisions around the searches (roadmap(1), optimize; docs/decisions.md,
 * "Optimize" and "Optimize: optimal means optimal"). The program is built
 * in optimize-model.c, CBC runs in optimize-cbc.c (on relaxed rows, its
 * plans checked and cut off until one holds), the exact proof is made in
 * optimize-exact.c.
 *
 * CBC's proof is taken only where its objective separates two plans a
 * unit apart (the objective over its gcd small enough; see
 * rm_opt_separable()). Elsewhere "optimal" is proven in exact arithmetic
 * by a branch and bound: at each node the LP relaxation gives duals,
 * which rounded to fixed point give in 128-bit integers an upper bound on
 * every plan below the node. Value first, then spend with the value held.
 * Only a search that ends proves "optimal"; one the clock stops leaves
 * "feasible" with the best bound known (CBC's on its relaxed rows, or the
 * exact search's at the root).
 *
 * When the kept initiatives (with their prerequisites) alone already
 * break a limit, that is the "infeasible" answer, found before any
 * search. Each solve starts from a plan known to hold, so a time limit
 * always leaves one.
 *
 * Time is wall-clock time, one deadline for the whole call, shared out
 * between the budget scales solved, smallest budget first, each plan the
 * start of the next. The caller's SIGINT disposition is put back whole
 * after every CBC solve (optimize-cbc.c).
 */
#include "optimize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The answer at one scale, once the start in on[] holds. */
struct answer {
	bool proven;
	int64_t bound; /* over gv */
};

/*
 * CBC's plans first (the most value, then the least spend for it), kept
 * when they hold; its proof is taken where its tolerances separate plans
 * a unit apart; else the exact search decides, value first, then spend
 * with the value held.
 */
static enum roadmap_status decide(struct lp *lp, bool *on, double end,
				  struct run *run, struct answer *a,
				  struct roadmap_error *err)
{
	size_t n = lp->n;
	bool *x = malloc((n + 1) * sizeof(bool)), nomem = false;
	int64_t *negv = malloc((n + 1) * sizeof(int64_t));
	int64_t *negc = malloc((n + 1) * sizeof(int64_t));
	struct cbc_answer c1 = {0}, c2 = {0};
	enum roadmap_status st = ROADMAP_OK;
	int64_t v1, v, c, ignored;
	bool p1, p2 = false;
	double t = rm_opt_now();

	if (!x || !negv || !negc) {
		st = rm_nomem(err);
		goto out;
	}
	for (size_t j = 0; j < n; j++) {
		negv[j] = -lp->vs[j];
		negc[j] = -lp->cs[j];
	}
	rm_opt_cbc_phase(lp, false, 0, on, t + 0.6 * (end - t), run, x, &c1,
			 &nomem);
	v1 = rm_opt_total(lp, lp->vs, on);
	t = rm_opt_now();
	if (!nomem) {
		rm_opt_cbc_phase(lp, true, v1, on, t + 0.5 * (end - t), run, x,
				 &c2, &nomem);
	}
	v = rm_opt_total(lp, lp->vs, on);
	c = rm_opt_total(lp, lp->cs, on);
	/* no plan worth one more; none worth as much for one less */
	p1 = c1.proven && rm_opt_separable(lp, lp->vs) && v == v1 &&
	     c1.bound < (double)v + 0.9;
	p2 = p1 && c2.proven && rm_opt_separable(lp, lp->cs) &&
	     c2.bound > (double)c - 0.9;
	a->bound = v;
	if (!nomem && !p1) {
		p1 = rm_opt_exact(lp, lp->vs, NULL, 0, on, end, run, &a->bound,
				  &nomem);
		v = rm_opt_total(lp, lp->vs, on);
	}
	if (!nomem && p1 && !p2) {
		p2 = rm_opt_exact(lp, negc, negv, -v, on, end, run, &ignored,
				  &nomem);
	}
	if (nomem) {
		st = rm_nomem(err);
		goto out;
	}
	a->proven = p1 && p2;
	if (p1) {
		a->bound = v;
	} else if (rm_opt_separable(lp, lp->vs) && c1.bound >= (double)v &&
		   c1.bound < (double)a->bound) {
		/* CBC's bound on its relaxed rows bounds every plan too,
		 * within the tenth of a unit rm_opt_separable() allows (as
		 * its proof above: a bound of v + 0.9 proves nothing) */
		a->bound = (int64_t)(c1.bound + 0.1);
	}
out:
	free(x);
	free(negv);
	free(negc);
	return st;
}

/*
 * The best plan at pct percent of every envelope into on[] (which holds a
 * start: kept if it does not hold), until end. *st is infeasible with why
 * set when the kept ones alone break a limit; *bound is the best value
 * possible, exact.
 */
static enum roadmap_status plan_at(struct lp *lp, int pct, bool *on,
				   enum roadmap_plan_status *st, int64_t *bound,
				   char *why, size_t why_n, double end,
				   struct run *run, struct roadmap_error *err)
{
	struct answer a = {0};
	enum roadmap_status rc;

	if (!rm_opt_rows(lp, pct)) {
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
	long r = rm_opt_breaks(lp, base);
	if (r >= 0) {
		snprintf(why, why_n, "%s", lp->name[r]);
		*st = ROADMAP_PLAN_INFEASIBLE;
		memcpy(on, base, lp->n * sizeof(bool));
		free(base);
		return ROADMAP_OK;
	}
	/* a start that holds: the caller's, else the kept ones */
	if (!rm_opt_plan_valid(lp, on)) {
		memcpy(on, base, lp->n * sizeof(bool));
	}
	free(base);
	if (lp->n == 0) { /* nothing to choose */
		*st = ROADMAP_PLAN_OPTIMAL;
		*bound = 0;
		return ROADMAP_OK;
	}
	if ((rc = decide(lp, on, end, run, &a, err))) {
		return rc;
	}
	*st = a.proven ? ROADMAP_PLAN_OPTIMAL : ROADMAP_PLAN_FEASIBLE;
	*bound = a.proven ? rm_opt_total(lp, lp->value, on) : a.bound * lp->gv;
	return ROADMAP_OK;
}

/*
 * The most value over the plans from on[] (which holds), until end, with
 * CBC and, where its proof cannot be taken, the exact search: *proven
 * when it is the optimum; *bound the least upper bound known on every
 * plan's value (over gv). For --explain, whose figures are values only.
 */
static bool best_value(struct lp *lp, bool *on, double end, struct run *run,
		       bool *proven, int64_t *bound)
{
	bool *x = malloc((lp->n + 1) * sizeof(bool)), nomem = false;
	struct cbc_answer c = {.bound = -1};
	int64_t exact = INT64_MAX;

	*proven = false;
	*bound = rm_opt_total(lp, lp->vs, NULL); /* everything */
	if (!x) {
		return false;
	}
	rm_opt_cbc_phase(lp, false, 0, on, end, run, x, &c, &nomem);
	int64_t v = rm_opt_total(lp, lp->vs, on);
	*proven = c.proven && rm_opt_separable(lp, lp->vs) &&
		  c.bound < (double)v + 0.9;
	if (rm_opt_separable(lp, lp->vs) && c.bound >= (double)v &&
	    c.bound < (double)*bound) {
		/* CBC's bound on its relaxed rows bounds every plan too,
		 * within a tenth of a unit (see decide()) */
		*bound = (int64_t)(c.bound + 0.1);
	}
	/* the only proof and bound where CBC's objective does not
	 * separate a unit: its root runs past this solve's end, but not
	 * past the call's (one LP per flip ran far past it at 1,200) */
	if (!nomem && !*proven && rm_opt_time_left(run, run->end)) {
		*proven = rm_opt_exact(lp, lp->vs, NULL, 0, on, end, run,
				       &exact, &nomem);
		*bound = exact < *bound ? exact : *bound;
	}
	v = rm_opt_total(lp, lp->vs, on);
	*bound = *proven || *bound < v ? v : *bound;
	free(x);
	return !nomem;
}

/* Why cut j stays cut: the first limit the plan breaks with it added,
 * else a cut prerequisite, else nothing (""). */
static void cut_reason(const struct lp *lp, const bool *plan, size_t j, bool *x,
		       char *why, size_t n)
{
	memcpy(x, plan, lp->n * sizeof(bool));
	x[j] = true;
	long r = rm_opt_breaks(lp, x);
	why[0] = '\0';
	if (r >= 0) {
		snprintf(why, n, "%s", lp->name[r]);
		return;
	}
	for (size_t e = lp->pre_off[j]; e < lp->pre_off[j + 1]; e++) {
		if (!plan[lp->pre[e]]) {
			snprintf(why, n, "prerequisite %s",
				 lp->rm->inits[lp->init[lp->pre[e]]].id);
			return;
		}
	}
}

/* The scratch of the flips: n columns each, stack of n + n_deps. */
struct flips {
	const bool *plan;
	int64_t value, floor; /* the plan's; the least any flip can lose */
	bool *on, *mark, *was, *alt, *scratch; /* scratch of 2n */
	size_t *stack;
	int64_t *used; /* n_rows + n */
};

/*
 * One solve of column j's flip until end (funded: cut with what needs
 * it; cut: funded with what it needs), from the plan repaired; when not
 * proven, the pool's best plan with that decision where it does better,
 * then the local search. Narrows what is known of the flip: the value
 * lost by the best plan found (lost), the least any plan can lose
 * (lost_min, from the solve's bound); optimal when they meet. explain()
 * marks a flip infeasible until its first solve. False when out of
 * memory.
 */
static bool flip(struct lp *lp, struct flips *f, size_t j, double end,
		 struct run *run, struct roadmap_plan_reason *why)
{
	size_t n = lp->n;
	bool in = !f->plan[j], proven = false, ok;
	int64_t bound;
	double t0 = rm_opt_now();

	memset(f->mark, 0, n * sizeof(bool));
	rm_opt_closure(lp, j, in, f->mark, f->stack);
	memcpy(f->was, in ? lp->kept : lp->fits, n * sizeof(bool));
	for (size_t k = 0; k < n; k++) {
		if (in) { /* the kept ones with it and what it needs */
			lp->kept[k] = lp->kept[k] || f->mark[k];
			f->on[k] = f->plan[k] || lp->kept[k];
		} else { /* the plan without it and what needs it */
			f->on[k] = f->plan[k] && !f->mark[k];
		}
	}
	lp->fits[j] = lp->fits[j] && in;
	if (in && !rm_opt_plan_valid(lp, lp->kept)) {
		memcpy(lp->kept, f->was, n * sizeof(bool));
		why->status = ROADMAP_PLAN_INFEASIBLE;
		return true;
	}
	rm_opt_repair(lp, f->on, f->scratch, f->stack);
	ok = best_value(lp, f->on, end, run, &proven, &bound);
	/* the pool's best plan with that decision, with what else fits,
	 * when CBC found none as good (as CBC's start, it slowed CBC's
	 * proofs: docs/performance.md, "optimize --explain") */
	if (!proven &&
	    rm_opt_pool_best(lp, j, in, rm_opt_total(lp, lp->vs, f->on),
			     f->alt)) {
		rm_opt_repair(lp, f->alt, f->scratch, f->stack);
		memcpy(f->on, f->alt, n * sizeof(bool));
	}
	/* and plans near it that are worth more (docs/performance.md,
	 * "optimize --explain: ranges where the clock stops") */
	if (!proven) {
		/* after the solve's share, a tenth of it more at most (never
		 * past the call's deadline) */
		double stop = rm_opt_now() + 0.1 * (end - t0);
		rm_opt_improve(lp, f->on, f->used, 20, run,
			       stop > end ? stop : end);
	}
	memcpy(in ? lp->kept : lp->fits, f->was, n * sizeof(bool));
	rm_opt_pool_offer(lp, f->on);
	int64_t lost = f->value - rm_opt_total(lp, lp->value, f->on);
	int64_t least =
	    bound > INT64_MAX / lp->gv ? INT64_MIN : f->value - bound * lp->gv;
	if (why->status == ROADMAP_PLAN_INFEASIBLE) { /* its first solve */
		why->lost = lost;
		why->lost_min = f->floor;
	}
	why->lost = lost < why->lost ? lost : why->lost;
	why->lost_min = least > why->lost_min ? least : why->lost_min;
	if (proven || why->lost_min >= why->lost) {
		why->lost_min = why->lost;
	}
	why->status = why->lost_min == why->lost ? ROADMAP_PLAN_OPTIMAL
						 : ROADMAP_PLAN_FEASIBLE;
	return ok;
}

/*
 * --explain: for every column not kept, the optimum with its decision
 * flipped, by the same solves as the plan, on the rows at the plan's
 * scale. Every flip is solved once, each in an equal share of the time
 * left; those not proven again in what the others left, from the best
 * plans found since (every plan CBC finds goes to the pool).
 */
static enum roadmap_status explain(struct lp *lp, const bool *plan,
				   struct run *run, struct roadmap_plan *p,
				   struct roadmap_error *err)
{
	size_t n = lp->n, todo = 0;
	struct flips f = {.plan = plan, .value = p->value};
	enum roadmap_status rc = ROADMAP_OK;

	/* no flip is worth more than the plan's bound */
	f.floor = p->value - p->bound;
	f.on = malloc((n + 1) * sizeof(bool));
	f.mark = malloc((n + 1) * sizeof(bool));
	f.was = malloc((n + 1) * sizeof(bool));
	f.alt = malloc((n + 1) * sizeof(bool));
	f.scratch = malloc((2 * n + 1) * sizeof(bool));
	f.stack = malloc((n + lp->n_deps + 1) * sizeof(size_t));
	f.used = malloc((lp->n_rows + n + 1) * sizeof(int64_t));
	p->reasons = calloc(n + 1, sizeof(*p->reasons));
	if (!f.on || !f.mark || !f.was || !f.alt || !f.scratch || !f.stack ||
	    !f.used || !p->reasons) {
		rc = rm_nomem(err);
		goto out;
	}
	for (size_t j = 0; j < n; j++) {
		if (!lp->kept[j]) {
			struct roadmap_plan_reason *why =
			    &p->reasons[p->n_reasons++];
			why->index = lp->init[j];
			why->funded = plan[j];
			why->status = ROADMAP_PLAN_INFEASIBLE;
			if (!plan[j]) {
				cut_reason(lp, plan, j, f.on, why->reason,
					   sizeof(why->reason));
			}
			todo++;
		}
	}
	for (int round = 0; round < 2 && !rc; round++) {
		size_t k = 0, left = todo;
		for (size_t j = 0; j < n && !rc; j++) {
			if (lp->kept[j]) {
				continue;
			}
			struct roadmap_plan_reason *why = &p->reasons[k++];
			if (round == 1 &&
			    (why->status != ROADMAP_PLAN_FEASIBLE ||
			     !rm_opt_time_left(run, run->end))) {
				continue;
			}
			double t = rm_opt_now();
			double end = t + (run->end - t) / (double)left--;
			if (!flip(lp, &f, j, end, run, why)) {
				rc = rm_nomem(err);
			}
		}
		todo = 0;
		for (size_t r = 0; r < p->n_reasons; r++) {
			todo += p->reasons[r].status == ROADMAP_PLAN_FEASIBLE;
		}
	}
out:
	free(f.on);
	free(f.mark);
	free(f.was);
	free(f.alt);
	free(f.scratch);
	free(f.stack);
	free(f.used);
	return rc;
}

/* The scales to solve, smallest first: the frontier's (100, 95, ... 50 %
 * of the envelopes as written) and the plan's own. Returns how many. */
static size_t scales_to_solve(const struct roadmap_optimize_options *o, int pct,
			      int *scale)
{
	size_t k = 0;

	for (int s = 50; o->frontier && s <= 100; s += 5) {
		if (pct <= s && (k == 0 || scale[k - 1] < pct)) {
			scale[k++] = pct;
		}
		if (s != pct) {
			scale[k++] = s;
		}
	}
	if (k == 0 || scale[k - 1] < pct) {
		scale[k++] = pct;
	}
	return k;
}

/*
 * Solves every scale from the smallest budget up: a plan that holds at a
 * smaller budget holds at a larger one, so each plan starts the next and
 * the value never falls as the budget grows, whatever the clock stops.
 * Each scale gets an equal share of the time left.
 */
static enum roadmap_status solve_all(struct lp *lp, int pct, struct run *run,
				     bool *plan, enum roadmap_plan_status *st,
				     int64_t *bound, struct roadmap_plan *p,
				     struct roadmap_error *err)
{
	const struct roadmap_optimize_options *o = lp->o;
	bool *on = calloc(lp->n + 1, sizeof(bool));
	int scale[13];
	size_t K = scales_to_solve(o, pct, scale);
	enum roadmap_status rc = ROADMAP_OK;

	if (o->frontier) {
		p->frontier = calloc(11, sizeof(*p->frontier));
		p->n_frontier = 11;
	}
	if (!on || (o->frontier && !p->frontier)) {
		free(on);
		return rm_nomem(err);
	}
	for (size_t i = 0; i < K && !rc; i++) {
		enum roadmap_plan_status s = ROADMAP_PLAN_FEASIBLE;
		int64_t b = 0;
		char why[96] = "";
		double t = rm_opt_now();
		double end = t + (run->end - t) / (double)(K - i);
		rc = plan_at(lp, scale[i], on, &s, &b, why, sizeof(why), end,
			     run, err);
		if (rc) {
			break;
		}
		if (scale[i] == pct) {
			memcpy(plan, on, lp->n * sizeof(bool));
			*st = s;
			*bound = b;
			snprintf(p->breaks, sizeof(p->breaks), "%s", why);
		}
		if (o->frontier && scale[i] % 5 == 0 && scale[i] >= 50 &&
		    scale[i] <= 100) {
			struct roadmap_plan_point *pt =
			    &p->frontier[(100 - scale[i]) / 5];
			pt->budget_scale = scale[i];
			pt->status = s;
			if (s != ROADMAP_PLAN_INFEASIBLE) {
				pt->value = rm_opt_total(lp, lp->value, on);
				pt->spend = rm_opt_total(lp, lp->cost, on);
				for (size_t j = 0; j < lp->n; j++) {
					pt->n_cut += !on[j];
				}
			}
		}
	}
	free(on);
	return rc;
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
	int64_t bound = 0;
	enum roadmap_status st;
	int pct = o->budget_scale ? o->budget_scale : 100;
	struct run run = {0};

	memset(out, 0, sizeof(*out));
	if (pct < 1 || pct > 1000 || !(o->time_limit >= 0) ||
	    o->time_limit > 1e6) {
		return rm_fail(err, ROADMAP_ERR_USAGE,
			       pct < 1 || pct > 1000
				   ? "the budget scale must be 1 to 1000 %%"
				   : "the time limit must be 0 to 1000000 s");
	}
	run.end = rm_opt_now() + (o->time_limit > 0 ? o->time_limit : 30);
	out->objective = o->objective;
	out->budget_scale = pct;
	out->has_as_of = o->has_as_of;
	out->as_of = o->as_of;
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
	    (st = rm_opt_columns(&lp, &g, order, count, err))) {
		goto out;
	}
	if (o->explain) { /* the flips' pool: a few hundred plans */
		lp.pool_cap = ((size_t)1 << 22) / (lp.n + 1) + 1;
		lp.pool_cap = lp.pool_cap > 256 ? 256 : lp.pool_cap;
		lp.pool = malloc(lp.pool_cap * (lp.n + 1) * sizeof(bool));
		lp.pool_v = malloc(lp.pool_cap * sizeof(int64_t));
		if (!lp.pool || !lp.pool_v) {
			st = rm_nomem(err);
			goto out;
		}
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
	/* --explain: the plan in half the time, the flips in the rest */
	struct run plan_run = run;
	if (o->explain) {
		double t = rm_opt_now();
		plan_run.end = t + 0.5 * (run.end - t);
	}
	if ((st = solve_all(&lp, pct, &plan_run, on, &out->status, &bound, out,
			    err))) {
		goto out;
	}
	out->value_all = rm_opt_total(&lp, lp.value, NULL);
	out->n_envelopes = rm->n_budgets;
	rm_opt_fill_envelopes(&lp, on, pct, out);
	if (out->status != ROADMAP_PLAN_INFEASIBLE) {
		out->value = rm_opt_total(&lp, lp.value, on);
		out->spend = rm_opt_total(&lp, lp.cost, on);
		out->breaks[0] = '\0';
		/* exact: never below the plan, never past all the value */
		out->bound = bound < out->value	      ? out->value
			     : bound > out->value_all ? out->value_all
						      : bound;
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
		/* the rows at the plan's scale, with the cover cuts found
		 * at it when it was the last solved (valid for every plan
		 * within the rows, so for every flip) */
		if (o->explain && !lp.overflow &&
		    ((st = lp.pct == pct || rm_opt_rows(&lp, pct)
			       ? ROADMAP_OK
			       : rm_nomem(err)) ||
		     (st = explain(&lp, on, &run, out, err)))) {
			goto out;
		}
	}
	if (!st && lp.overflow) {
		st = rm_overflow(err, "planned spend");
	}
out:
	free(on);
	free(order);
	rm_graph_release(&g);
	rm_opt_release(&lp);
	if (st) {
		roadmap_plan_release(out);
	}
	return st;
}
