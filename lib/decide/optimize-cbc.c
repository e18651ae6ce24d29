/*
 * optimize-cbc.c - optimize's searches with COIN-OR CBC (through its C
 * interface), and the plan repairs around them (docs/decisions.md,
 * "Optimize: optimal means optimal").
 *
 * CBC works in floating point with tolerances relative to the amounts, so
 * it is given rows of small whole numbers: each row divided by a power of
 * two and rounded down, a relaxation (add_knapsack()). Its plans are
 * checked again in integers; one that breaks a true row is cut off by a
 * cover cut and CBC runs again, so a plan CBC proves optimal on its rows
 * that holds on the true ones is the optimum.
 */
#include "optimize.h"

#include <Cbc_C_Interface.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Clp's initialSolve, which CBC calls for each root relaxation, takes
 * SIGINT with a handler of its own for as long as it runs (a Ctrl-C then
 * stops that relaxation, not the process) and puts the previous one back
 * with signal(), which drops its flags and mask. The caller's disposition
 * is saved and restored whole around every solve, one solve at a time in
 * the process (CbcMain1 and that handler keep their state in globals).
 * The relaxations here use the dual simplex, which leaves signals alone.
 */
static pthread_mutex_t cbc_mutex = PTHREAD_MUTEX_INITIALIZER;

void rm_cbc_run(void *mv, double seconds)
{
	Cbc_Model *m = mv;
	struct sigaction was;

	/* the clock on the wall, not the processor's (CBC's default) */
	Cbc_setParameter(m, "timeMode", "elapsed");
	Cbc_setMaximumSeconds(m, seconds);
	/* CglTwomir prints a debugging line to standard output on rows of
	 * large amounts ("2mir_test: ..."): the library never prints */
	Cbc_setParameter(m, "twoMirCuts", "off");
	/* CglPreProcess::postProcess dereferences a null pointer when the
	 * clock stops a search that started from a MIP start (seen with
	 * MALLOC_PERTURB_ set, under AddressSanitizer); the searches here
	 * solve as fast without it */
	Cbc_setParameter(m, "preprocess", "off");
	/* whole-number objectives: an absolute gap of half a unit proves
	 * the optimum (the callers check its plans in integers anyway) */
	Cbc_setAllowableGap(m, 0.5);
	Cbc_setAllowableFractionGap(m, 0);
	Cbc_setAllowablePercentageGap(m, 0);
	pthread_mutex_lock(&cbc_mutex);
	sigaction(SIGINT, NULL, &was);
	Cbc_solve(m);
	sigaction(SIGINT, &was, NULL);
	pthread_mutex_unlock(&cbc_mutex);
}

/* Marks j and everything it needs (way 1: its prerequisites) or that
 * needs it (way 0: its dependents) in mark[]. */
void rm_opt_closure(const struct lp *lp, size_t j0, int way, bool *mark,
		    size_t *stack)
{
	const size_t *off = way ? lp->pre_off : lp->dpd_off;
	const size_t *adj = way ? lp->pre : lp->dpd;
	size_t top = 0;

	stack[top++] = j0;
	while (top) {
		size_t j = stack[--top];
		if (mark[j]) {
			continue;
		}
		mark[j] = true;
		for (size_t e = off[j]; e < off[j + 1]; e++) {
			stack[top++] = adj[e];
		}
	}
}

/* Whether funding column j with what it needs keeps plan on[] within
 * every limit; funds them when it does (mark[] and stack[] scratch, mark
 * of 2n). */
static bool try_add(struct lp *lp, bool *on, size_t j, bool *mark,
		    size_t *stack)
{
	size_t n = lp->n;
	bool *was = mark + n;

	memcpy(was, on, n * sizeof(bool));
	memset(mark, 0, n * sizeof(bool));
	rm_opt_closure(lp, j, 1, mark, stack);
	for (size_t k = 0; k < n; k++) {
		on[k] = on[k] || mark[k];
	}
	if (rm_opt_plan_valid(lp, on)) {
		return true;
	}
	memcpy(on, was, n * sizeof(bool));
	return false;
}

/*
 * A start for a flip, from the plan: while it breaks a limit, the column
 * in that limit's row of the least value per unit of planned spend (never
 * a kept one) dropped with what needs it; then each cut one of some
 * value added, with what it needs, when that fits. Leaves on[] holding,
 * or the kept ones alone.
 */
void rm_opt_repair(struct lp *lp, bool *on, bool *mark, size_t *stack)
{
	size_t n = lp->n;
	long r;

	while ((r = rm_opt_breaks(lp, on)) >= 0) {
		size_t worst = NO_COL;
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			size_t c = lp->cols[k];
			/* value over cost, compared as cross products */
			if (on[c] && !lp->kept[c] &&
			    (worst == NO_COL ||
			     (double)lp->vs[c] * (double)(lp->cs[worst] + 1) <
				 (double)lp->vs[worst] *
				     (double)(lp->cs[c] + 1))) {
				worst = c;
			}
		}
		if (worst == NO_COL) {
			break;
		}
		memset(mark, 0, n * sizeof(bool));
		rm_opt_closure(lp, worst, 0, mark, stack);
		for (size_t k = 0; k < n; k++) {
			on[k] = on[k] && (!mark[k] || lp->kept[k]);
		}
	}
	if (!rm_opt_plan_valid(lp, on)) {
		memcpy(on, lp->kept, n * sizeof(bool));
		return;
	}
	for (size_t c = 0; c < n; c++) { /* one pass, in column order */
		if (!on[c] && lp->fits[c] && lp->vs[c] > 0) {
			(void)try_add(lp, on, c, mark, stack);
		}
	}
}

/* What swapping column f (on; NO_COL: none) for c (off) leaves of
 * every row of c: false when one would pass its limit. used[] is what
 * the plan uses of each row. */
static bool swap_fits(const struct lp *lp, const int64_t *used, size_t f,
		      size_t c)
{
	size_t kf = f == NO_COL ? 0 : lp->cstart[f];
	size_t ef = f == NO_COL ? 0 : lp->cstart[f + 1];

	for (size_t k = lp->cstart[c]; k < lp->cstart[c + 1]; k++) {
		size_t r = lp->crow[k];
		int64_t freed = 0, sum;
		while (kf < ef && lp->crow[kf] < r) {
			kf++;
		}
		if (kf < ef && lp->crow[kf] == r) {
			freed = lp->ccoef[kf];
		}
		if (__builtin_add_overflow(used[r] - freed, lp->ccoef[k],
					   &sum) ||
		    sum > lp->limit[r]) {
			return false;
		}
	}
	return true;
}

/* Whether column c's prerequisites are all in plan on[] but f. */
static bool needs_met(const struct lp *lp, const bool *on, size_t f, size_t c)
{
	for (size_t e = lp->pre_off[c]; e < lp->pre_off[c + 1]; e++) {
		if (!on[lp->pre[e]] || lp->pre[e] == f) {
			return false;
		}
	}
	return true;
}

/* Whether a funded column of plan on[] needs column f. */
static bool needed(const struct lp *lp, const bool *on, size_t f)
{
	for (size_t e = lp->dpd_off[f]; e < lp->dpd_off[f + 1]; e++) {
		if (on[lp->dpd[e]]) {
			return true;
		}
	}
	return false;
}

/* Funds (in) or cuts column j of plan on[], with what it uses. */
static void move(const struct lp *lp, bool *on, int64_t *used, size_t j,
		 bool in)
{
	on[j] = in;
	for (size_t k = lp->cstart[j]; k < lp->cstart[j + 1]; k++) {
		used[lp->crow[k]] += in ? lp->ccoef[k] : -lp->ccoef[k];
	}
}

void rm_opt_improve(struct lp *lp, bool *on, int64_t *used, int passes,
		    const struct run *run, double end)
{
	size_t n = lp->n;
	bool better = true;

	memset(used, 0, lp->n_rows * sizeof(int64_t));
	for (size_t r = 0; r < lp->n_rows; r++) {
		for (size_t k = lp->start[r]; k < lp->start[r + 1]; k++) {
			used[r] += on[lp->cols[k]] ? lp->coef[k] : 0;
		}
	}
	while (better && passes-- > 0) {
		better = false;
		for (size_t c = 0; c < n; c++) {
			if (on[c] || !lp->fits[c] || lp->vs[c] <= 0) {
				continue;
			}
			if (!rm_opt_time_left(run, end)) {
				return; /* each move kept the plan whole */
			}
			/* the best swap for c: none (an add), else the
			 * funded one of the least value it can replace */
			size_t best = NO_COL;
			bool found = needs_met(lp, on, NO_COL, c) &&
				     swap_fits(lp, used, NO_COL, c);
			for (size_t f = 0; !found && f < n; f++) {
				if (on[f] && !lp->kept[f] &&
				    lp->vs[f] < lp->vs[c] &&
				    (best == NO_COL ||
				     lp->vs[f] < lp->vs[best]) &&
				    !needed(lp, on, f) &&
				    needs_met(lp, on, f, c) &&
				    swap_fits(lp, used, f, c)) {
					best = f;
				}
			}
			if (!found && best == NO_COL) {
				continue;
			}
			if (best != NO_COL) {
				move(lp, on, used, best, false);
			}
			move(lp, on, used, c, true);
			better = true;
		}
		/* each funded one nothing needs, dropped for the cut ones
		 * that then fit, in column order, when they are worth more */
		for (size_t f = 0; f < n; f++) {
			if (!on[f] || lp->kept[f] || needed(lp, on, f)) {
				continue;
			}
			if (!rm_opt_time_left(run, end)) {
				return;
			}
			move(lp, on, used, f, false);
			int64_t gain = -lp->vs[f];
			size_t *added = (size_t *)(used + lp->n_rows), m = 0;
			for (size_t c = 0; c < n; c++) {
				if (c != f && !on[c] && lp->fits[c] &&
				    lp->vs[c] > 0 &&
				    needs_met(lp, on, NO_COL, c) &&
				    swap_fits(lp, used, NO_COL, c)) {
					move(lp, on, used, c, true);
					gain += lp->vs[c];
					added[m++] = c;
				}
			}
			if (gain > 0) {
				better = true;
				continue;
			}
			while (m) {
				move(lp, on, used, added[--m], false);
			}
			move(lp, on, used, f, true);
		}
	}
}

/* The largest amount in a row CBC is given (see add_knapsack()). */
#define CBC_ROW_MAX (INT64_C(1) << 20)

/*
 * Adds to m the row "sum of coef[k] y[col[k]] <= limit" over 0/1 columns,
 * y being x, or 1 - x with neg, every amount divided by the power of two
 * that brings the limit under CBC_ROW_MAX, rounded down. That is a
 * relaxation (a plan within the row is within the divided one: its sum is
 * a whole number at most limit / 2^s), and its sums are small whole
 * numbers that CBC's tolerances (1e-7 of a row) keep a unit apart: on
 * rows of amounts in cents (10^9 and more) CBC 2.10's cuts proved plans
 * "optimal" a third of a percent short of the optimum. A coefficient
 * above the limit (a column that never fits) is lowered to limit + 1.
 */
static void add_knapsack(Cbc_Model *m, size_t nz, const size_t *col,
			 const int64_t *coef, int64_t limit, bool neg, int *idx,
			 double *val)
{
	int s = 0;
	int64_t all = 0;
	int k2 = 0;

	while (limit > 0 && (limit >> s) >= CBC_ROW_MAX) {
		s++;
	}
	int64_t lim = limit > 0 ? limit >> s : 0;
	for (size_t k = 0; k < nz; k++) {
		int64_t c = coef[k] >> s;
		c = c > lim ? lim + 1 : c;
		if (c > 0) {
			idx[k2] = (int)col[k];
			val[k2++] = neg ? -(double)c : (double)c;
			all += c;
		}
	}
	/* with neg: sum c (1 - x) <= lim, that is -sum c x <= lim - sum c */
	Cbc_addRow(m, "", k2, idx, val, 'L',
		   neg ? (double)(lim - all) : (double)lim);
}

/*
 * CBC on the rows (each relaxed by add_knapsack()), the prerequisites and
 * the cover cuts found so far: maximise value (phase 1), or minimise
 * planned spend with the value held at least at floor (phase 2), from
 * start, until end. x receives CBC's plan, which the caller checks; false
 * when CBC has none (or there is no time).
 */
static bool cbc(struct lp *lp, bool phase2, int64_t floor, const bool *start,
		double end, struct run *run, bool *x, struct cbc_answer *ans,
		bool *nomem)
{
	const int64_t *obj = phase2 ? lp->cs : lp->vs;
	double secs = end - rm_opt_now();
	bool got = false;

	if (!rm_opt_time_left(run, end) || secs < 0.01) {
		return false;
	}
	Cbc_Model *m = Cbc_newModel();
	int *idx = malloc((lp->n + 1) * sizeof(int));
	double *val = malloc((lp->n + 1) * sizeof(double));
	size_t *all = malloc((lp->n + 1) * sizeof(size_t));
	if (!m || !idx || !val || !all) {
		*nomem = true;
		goto out;
	}
	Cbc_setLogLevel(m, 0);
	for (size_t j = 0; j < lp->n; j++) {
		char name[24];
		/* CBC matches a MIP start to its columns by name */
		snprintf(name, sizeof(name), "x%zu", j);
		Cbc_addCol(m, name, lp->kept[j] ? 1 : 0, lp->fits[j] ? 1 : 0,
			   (double)obj[j], 1, 0, NULL, NULL);
		all[j] = j;
	}
	for (size_t r = 0; r < lp->n_rows; r++) {
		add_knapsack(m, lp->start[r + 1] - lp->start[r],
			     lp->cols + lp->start[r], lp->coef + lp->start[r],
			     lp->limit[r], false, idx, val);
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		int cols[2] = {(int)lp->dep[2 * d], (int)lp->dep[2 * d + 1]};
		double c[2] = {1, -1};
		Cbc_addRow(m, "", 2, cols, c, 'L', 0);
	}
	for (size_t k = 0; k < lp->n_cuts; k++) {
		int nz = 0;
		for (size_t e = lp->cut_start[k]; e < lp->cut_start[k + 1];
		     e++) {
			idx[nz] = (int)lp->cut_cols[e];
			val[nz++] = 1;
		}
		Cbc_addRow(m, "", nz, idx, val, lp->cut_ge[k] ? 'G' : 'L',
			   (double)lp->cut_rhs[k]);
	}
	if (phase2) { /* sum vs x >= floor: sum vs (1 - x) <= sum vs - floor */
		int64_t sum = rm_opt_total(lp, lp->vs, NULL);
		add_knapsack(m, lp->n, all, lp->vs, sum - floor, true, idx,
			     val);
	}
	/* the start, every column's value (given only the funded ones,
	 * CBC fixes them and solves the rest as an LP, whose answer is
	 * fractional more often than not: "mipstart values could not be
	 * used"); none when it is the kept ones alone, which only slows
	 * CBC down (docs/performance.md, "optimize: CBC's settings") */
	bool more = false;
	for (size_t j = 0; j < lp->n; j++) {
		idx[j] = (int)j;
		val[j] = start[j] ? 1 : 0;
		more = more || (start[j] && !lp->kept[j]);
	}
	/* Gomory cuts off: on the portfolios of tests/perf/gen-portfolio
	 * at 85 % CBC proved the most value 1.5 to 3 times as fast without
	 * them (docs/performance.md, "optimize: CBC's settings") */
	Cbc_setParameter(m, "gomoryCuts", "off");
	if (phase2) {
		/* nor probing and zero-half cuts for the least spend: its
		 * proof took 3.0 s instead of 4.1 (seed 42) and 2.0 s
		 * instead of 3.3 (seed 46) without them */
		Cbc_setParameter(m, "probingCuts", "off");
		Cbc_setParameter(m, "zeroHalfCuts", "off");
	}
	Cbc_setObjSense(m, phase2 ? 1 : -1);
	if (more) {
		Cbc_setMIPStartI(m, (int)lp->n, idx, val);
	}
	rm_cbc_run(m, secs);
	/* every plan CBC kept on the way that holds, for --explain */
	for (int k = 0; lp->pool_cap && k < Cbc_numberSavedSolutions(m); k++) {
		const double *s = Cbc_savedSolution(m, k);
		for (size_t j = 0; s && j < lp->n; j++) {
			x[j] = s[j] > 0.5;
		}
		if (s && rm_opt_plan_valid(lp, x)) {
			rm_opt_pool_offer(lp, x);
		}
	}
	ans->proven = Cbc_isProvenOptimal(m) != 0;
	ans->bound = Cbc_getBestPossibleObjValue(m);
	const double *sol = Cbc_bestSolution(m);
	for (size_t j = 0; sol && j < lp->n; j++) {
		x[j] = sol[j] > 0.5;
	}
	got = sol != NULL;
out:
	if (m) {
		Cbc_deleteModel(m);
	}
	free(idx);
	free(val);
	free(all);
	return got;
}

void rm_opt_pool_offer(struct lp *lp, const bool *x)
{
	size_t n = lp->n, at;
	int64_t v;

	if (lp->pool_cap == 0) {
		return;
	}
	v = rm_opt_total(lp, lp->vs, x);
	for (at = 0; at < lp->pool_n && lp->pool_v[at] >= v; at++) {
		if (lp->pool_v[at] == v &&
		    memcmp(lp->pool + at * n, x, n * sizeof(bool)) == 0) {
			return; /* known */
		}
	}
	if (at == lp->pool_cap) {
		return; /* full of better ones */
	}
	/* the worst one falls out of a full pool */
	size_t last =
	    lp->pool_n < lp->pool_cap ? lp->pool_n++ : lp->pool_cap - 1;
	memmove(lp->pool + (at + 1) * n, lp->pool + at * n,
		(last - at) * n * sizeof(bool));
	memmove(lp->pool_v + at + 1, lp->pool_v + at,
		(last - at) * sizeof(int64_t));
	memcpy(lp->pool + at * n, x, n * sizeof(bool));
	lp->pool_v[at] = v;
}

bool rm_opt_pool_best(const struct lp *lp, size_t j, bool on_j, int64_t floor,
		      bool *x)
{
	for (size_t k = 0; k < lp->pool_n && lp->pool_v[k] > floor; k++) {
		const bool *p = lp->pool + k * lp->n;
		if (p[j] == on_j && rm_opt_plan_valid(lp, p)) {
			memcpy(x, p, lp->n * sizeof(bool));
			return true;
		}
	}
	return false;
}

/* Takes plan x when it holds (checked in integers) and beats on[]: more
 * value, or as much for less spend; offers it to the pool. */
static void consider(struct lp *lp, bool *on, const bool *x)
{
	int64_t v = rm_opt_total(lp, lp->vs, x),
		c = rm_opt_total(lp, lp->cs, x);
	int64_t bv = rm_opt_total(lp, lp->vs, on),
		bc = rm_opt_total(lp, lp->cs, on);

	if (!rm_opt_plan_valid(lp, x)) {
		return;
	}
	rm_opt_pool_offer(lp, x);
	if (v > bv || (v == bv && c < bc)) {
		memcpy(on, x, lp->n * sizeof(bool));
	}
}

/*
 * Whether CBC's objective separates two plans one unit of obj apart: it
 * is off by about 1e-9 of its size at worst (seen: a plan 61 cents short
 * of the optimum proven "optimal" at 1.2e11 cents), so the objective over
 * its gcd must sum to at most 2^26 (the error then stays under a tenth of
 * a unit). The rows are made small by add_knapsack().
 */
bool rm_opt_separable(const struct lp *lp, const int64_t *obj)
{
	int64_t s = 0;

	for (size_t j = 0; j < lp->n && s <= (INT64_C(1) << 26); j++) {
		s += obj[j] < 0 ? -obj[j] : obj[j];
	}
	return s <= (INT64_C(1) << 26);
}

static int by_coef(const void *a, const void *b)
{
	int64_t x = ((const int64_t *)a)[0], y = ((const int64_t *)b)[0];
	return (x > y) - (x < y);
}

/*
 * A cover cut from a knapsack row the plan breaks: its columns counted
 * in the plan (pairs of coefficient and column in cv[0 .. 2n), y being x,
 * or 1 - x with neg) sum over limit, so not all of them can be; the
 * smallest are let go while the rest still sum over it, and the row's
 * other columns whose coefficient is at least the largest left join them
 * (an extended cover; col NULL: the row names every column in order).
 * Stored for every later solve at this scale; false
 * when out of memory.
 */
static bool add_cover(struct lp *lp, size_t n, int64_t *cv, int64_t sum,
		      int64_t limit, const size_t *col, const int64_t *coef,
		      size_t nz, bool neg, const bool *in)
{
	size_t first = 0;

	qsort(cv, n, 2 * sizeof(int64_t), by_coef);
	while (first + 1 < n && sum - cv[2 * first] > limit) {
		sum -= cv[2 * first++];
	}
	size_t size = n - first, more = 0;
	int64_t top = cv[2 * (n - 1)];
	for (size_t k = 0; k < nz; k++) {
		size_t j = col ? col[k] : k;
		more += !in[j] && coef[k] >= top;
	}
	size_t need = lp->n_cut_nz + size + more;
	if (lp->n_cuts + 2 > lp->cap_cuts) {
		size_t c = 2 * lp->cap_cuts + 16;
		size_t *st = realloc(lp->cut_start, c * sizeof(size_t));
		if (st) {
			lp->cut_start = st;
		}
		int64_t *rhs = realloc(lp->cut_rhs, c * sizeof(int64_t));
		if (rhs) {
			lp->cut_rhs = rhs;
		}
		bool *ge = realloc(lp->cut_ge, c * sizeof(bool));
		if (ge) {
			lp->cut_ge = ge;
		}
		if (!st || !rhs || !ge) {
			return false;
		}
		lp->cap_cuts = c;
	}
	if (need > lp->cap_cut_nz) {
		size_t c = 2 * need + 64;
		size_t *cc = realloc(lp->cut_cols, c * sizeof(size_t));
		if (!cc) {
			return false;
		}
		lp->cut_cols = cc;
		lp->cap_cut_nz = c;
	}
	size_t e = lp->n_cut_nz;
	lp->cut_start[lp->n_cuts] = e;
	for (size_t k = first; k < n; k++) {
		lp->cut_cols[e++] = (size_t)cv[2 * k + 1];
	}
	for (size_t k = 0; k < nz; k++) {
		size_t j = col ? col[k] : k;
		if (!in[j] && coef[k] >= top) {
			lp->cut_cols[e++] = j;
		}
	}
	/* at most size - 1 of the e columns are counted: sum y <= size - 1,
	 * that is with y = 1 - x, sum x >= (e columns) - size + 1 */
	lp->cut_ge[lp->n_cuts] = neg;
	lp->cut_rhs[lp->n_cuts] =
	    neg ? (int64_t)(size + more) - (int64_t)size + 1
		: (int64_t)size - 1;
	lp->n_cut_nz = e;
	lp->cut_start[++lp->n_cuts] = e;
	return true;
}

/*
 * Cover cuts from every row plan x breaks (with phase 2, the value held
 * at floor too): each cuts x off and no plan within the rows. Returns how
 * many (0: x breaks no row, or only what no cover can cut); *nomem on
 * failure. in[] is scratch of n.
 */
static size_t covers(struct lp *lp, const bool *x, bool phase2, int64_t floor,
		     int64_t *cv, bool *in, bool *nomem)
{
	size_t made = 0;

	for (size_t r = 0; r <= lp->n_rows && !*nomem; r++) {
		bool value = r == lp->n_rows;
		size_t nz = 0, n = 0;
		const size_t *col;
		const int64_t *coef;
		int64_t sum = 0, limit;
		if (value) { /* sum vs (1 - x) <= sum vs - floor */
			if (!phase2) {
				break;
			}
			nz = lp->n;
			col = NULL;
			coef = lp->vs;
			limit = rm_opt_total(lp, lp->vs, NULL) - floor;
		} else {
			nz = lp->start[r + 1] - lp->start[r];
			col = lp->cols + lp->start[r];
			coef = lp->coef + lp->start[r];
			limit = lp->limit[r];
		}
		memset(in, 0, lp->n * sizeof(bool));
		for (size_t k = 0; k < nz; k++) {
			size_t j = col ? col[k] : k;
			if (coef[k] > 0 && x[j] != value) {
				cv[2 * n] = coef[k];
				cv[2 * n + 1] = (int64_t)j;
				in[j] = true;
				sum += coef[k];
				n++;
			}
		}
		if (sum <= limit || n == 0) {
			continue;
		}
		if (!add_cover(lp, n, cv, sum, limit, col, coef, nz, value,
			       in)) {
			*nomem = true;
		}
		made++;
	}
	return made;
}

/*
 * A CBC phase until end. CBC's plan is checked in integers: one that
 * holds is taken when it does better (consider()); one that breaks a row
 * (the rows CBC sees are relaxed) gives cover cuts that cut it off, its
 * repair is taken, and CBC runs again. A first run has half the time
 * (all of it under 4 s); when it stops without a proof a second one
 * starts from the best plan
 * so far (CBC's heuristics share out the time they are given, so on a
 * busy machine one run now and then strays where another, started from
 * its plan, proves at once). ans->proven only for a plan that holds.
 */
void rm_opt_cbc_phase(struct lp *lp, bool phase2, int64_t floor, bool *on,
		      double end, struct run *run, bool *x,
		      struct cbc_answer *ans, bool *nomem)
{
	size_t n = lp->n, cuts = lp->n_cuts, tries = 0;
	int64_t *cv = malloc((2 * n + 1) * sizeof(int64_t));
	bool *scratch = malloc((3 * n + 1) * sizeof(bool));
	size_t *stack = malloc((n + lp->n_deps + 1) * sizeof(size_t));
	/* the best bound of any run: each bounds every plan within the
	 * rows, whether or not its own plan held (none is lost by a cut) */
	double bound = 0;
	bool ran = false;

	ans->proven = false;
	if (!cv || !scratch || !stack) {
		*nomem = true;
	}
	while (!*nomem) {
		double t = rm_opt_now();
		/* a short run is not split: CBC would only start twice */
		bool last = tries > 0 || lp->n_cuts > cuts || end - t < 4;
		if (!cbc(lp, phase2, floor, on,
			 last ? end : t + 0.5 * (end - t), run, x, ans,
			 nomem)) {
			ans->proven = false;
			break;
		}
		if (!ran ||
		    (phase2 ? ans->bound > bound : ans->bound < bound)) {
			bound = ans->bound;
		}
		ran = true;
		if (rm_opt_plan_valid(lp, x) &&
		    (!phase2 || rm_opt_total(lp, lp->vs, x) >= floor)) {
			consider(lp, on, x);
			if (ans->proven || tries++ > 0) {
				break;
			}
			continue;
		}
		ans->proven = false;
		size_t made = covers(lp, x, phase2, floor, cv, scratch, nomem);
		rm_opt_repair(lp, x, scratch, stack);
		consider(lp, on, x);
		if (made == 0) {
			break;
		}
	}
	if (ran) {
		ans->bound = bound;
	}
	if (phase2) { /* the value row's cuts hold only with this floor */
		lp->n_cuts = cuts;
		lp->n_cut_nz = lp->n_cuts ? lp->cut_start[lp->n_cuts] : 0;
	}
	free(cv);
	free(scratch);
	free(stack);
}
