/*
 * optimize-exact.c - optimize's proof in exact arithmetic: a branch and
 * bound over the 0/1 program (docs/decisions.md, "Optimize: optimal means
 * optimal").
 *
 * At each node the LP relaxation (Clp, dual simplex, warm-started) gives
 * duals. Rounded down to multiples of 2^-k and taken as Lagrange
 * multipliers (any nonnegative ones give a valid bound, so Clp's accuracy
 * only affects speed), they give in 128-bit integers an upper bound on
 * every plan below the node and a reduced objective per column; a column
 * whose reduced objective alone passes the slack is decided, the most
 * fractional of the rest is branched on. Nothing here is floating point
 * but the guesses.
 */
#include "optimize.h"

/* Clp's header declares "ClpSolve_new()" without a prototype */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <Clp_C_Interface.h>
#pragma GCC diagnostic pop
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct rm_i128 wide; /* base/wide.h */

/*
 * Clp's model of the relaxation: maximise obj . x over the rows, the
 * prerequisites and, with extra, the row extra . x <= erhs, every column
 * in [kept, fits]. Its duals are only a guess, made exact by bound_at().
 * NULL when out of memory or too large for Clp's int indexes.
 */
static Clp_Simplex *clp_model(const struct lp *lp, const int64_t *obj,
			      const int64_t *extra, int64_t erhs, bool *nomem)
{
	size_t n = lp->n, m = lp->n_rows + lp->n_deps + (extra ? 1 : 0);
	size_t nnz = lp->n_nz + 2 * lp->n_deps + (extra ? n : 0);
	Clp_Simplex *s = NULL;

	if (n >= INT_MAX || m >= INT_MAX || nnz >= INT_MAX) {
		return NULL;
	}
	int *start = calloc(n + 2, sizeof(int));
	int *index = malloc((nnz + 1) * sizeof(int));
	double *value = malloc((nnz + 1) * sizeof(double));
	double *lo = malloc((n + 1) * sizeof(double));
	double *hi = malloc((n + 1) * sizeof(double));
	double *c = malloc((n + 1) * sizeof(double));
	double *rhs = malloc((m + 1) * sizeof(double));

	if (!start || !index || !value || !lo || !hi || !c || !rhs) {
		*nomem = true;
		goto out;
	}
	/* column-major: count, place, the starts shifted back by placing */
	for (size_t j = 0; j < n; j++) {
		start[j + 2] = (int)(lp->cstart[j + 1] - lp->cstart[j]) +
			       (extra && extra[j] ? 1 : 0);
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		start[lp->dep[2 * d] + 2]++;
		start[lp->dep[2 * d + 1] + 2]++;
	}
	for (size_t j = 0; j < n; j++) {
		start[j + 2] += start[j + 1];
	}
	for (size_t j = 0; j < n; j++) {
		for (size_t k = lp->cstart[j]; k < lp->cstart[j + 1]; k++) {
			int at = start[j + 1]++;
			index[at] = (int)lp->crow[k];
			value[at] = (double)lp->ccoef[k];
		}
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		int at = start[lp->dep[2 * d] + 1]++;
		index[at] = (int)(lp->n_rows + d);
		value[at] = 1;
		at = start[lp->dep[2 * d + 1] + 1]++;
		index[at] = (int)(lp->n_rows + d);
		value[at] = -1;
	}
	for (size_t j = 0; extra && j < n; j++) {
		if (extra[j]) {
			int at = start[j + 1]++;
			index[at] = (int)(m - 1);
			value[at] = (double)extra[j];
		}
	}
	for (size_t j = 0; j < n; j++) {
		lo[j] = lp->kept[j] ? 1 : 0;
		hi[j] = lp->fits[j] ? 1 : 0;
		c[j] = (double)obj[j];
	}
	for (size_t r = 0; r < lp->n_rows; r++) {
		rhs[r] = (double)lp->limit[r];
	}
	for (size_t d = 0; d < lp->n_deps; d++) {
		rhs[lp->n_rows + d] = 0;
	}
	if (extra) {
		rhs[m - 1] = (double)erhs;
	}
	if (!(s = Clp_newModel())) {
		*nomem = true;
		goto out;
	}
	Clp_setLogLevel(s, 0);
	Clp_loadProblem(s, (int)n, (int)m, start, index, value, lo, hi, c, NULL,
			rhs);
	Clp_setOptimizationDirection(s, -1);
out:
	free(start);
	free(index);
	free(value);
	free(lo);
	free(hi);
	free(c);
	free(rhs);
	return s;
}

/* y * 2^k rounded down to an integer (0 for y <= 0 or not a number);
 * false past 2^120. */
static bool fixed_point(double y, int k, wide *out)
{
	double s;

	*out = rm_i128_of(0);
	if (!(y > 0)) {
		return true;
	}
	s = ldexp(y, k);
	if (!(s < 0x1p120)) {
		return false;
	}
	/* both halves exact: s is a whole number past 2^64 */
	double hi = floor(ldexp(s, -64));
	out->hi = (uint64_t)hi;
	out->lo = (uint64_t)(s - ldexp(hi, 64));
	return true;
}

struct frame {
	size_t j, base, mark; /* the column, the trail at entry, at branch */
	unsigned char phase;  /* branches tried */
	bool first_in;	      /* fund first */
};

/* Maximises obj . x (with extra, subject to extra . x <= erhs) over the
 * plans, exactly. */
struct bb {
	const struct lp *lp;
	const int64_t *obj, *extra;
	int64_t erhs;
	Clp_Simplex *clp;
	int k;	     /* multipliers in multiples of 2^-k */
	double sign; /* Clp's sign for them */
	wide *R;     /* 2^k times each column's reduced objective */
	double *lo, *hi;
	signed char *st; /* 1 funded, -1 cut, 0 open */
	size_t *trail, nt, *work;
	wide *used;	   /* per row */
	int64_t inc;	   /* the best plan's obj . x */
	bool *best, *cand; /* the best plan; a scratch one */
	wide root;	   /* 2^k times the bound at the root */
};

/*
 * The exact Lagrangian bound for multipliers sign * y (rounded down to
 * multiples of 2^-k, negatives taken as 0; y NULL: all 0) on the plans
 * that fund what st[] funds and cut what it cuts: with D = 2^k,
 * R[j] = D (obj[j] - y . column j) and
 *   *L = D (y . limits) + sum of R[j] over funded columns
 *        + sum of max(0, R[j]) over open ones,
 * so that D obj . x <= *L for each such plan x within the limits (every
 * multiplied slack is nonnegative). False on overflow.
 */
static bool bound_at(struct bb *b, const double *y, double sign, int k, wide *L)
{
	const struct lp *lp = b->lp;
	size_t nr = lp->n_rows, nd = lp->n_deps;
	wide D = rm_i128_pow2(k), acc = rm_i128_of(0), t, Y;
	wide *R = b->R;

	for (size_t j = 0; j < lp->n; j++) {
		R[j] = rm_i128_of(0);
		if (b->st[j] >= 0 &&
		    rm_i128_mul_ov(D, rm_i128_of(b->obj[j]), &R[j])) {
			return false;
		}
	}
	for (size_t r = 0; y && r < nr; r++) {
		if (!fixed_point(sign * y[r], k, &Y)) {
			return false;
		}
		if (!rm_i128_pos(Y)) {
			continue;
		}
		if (rm_i128_mul_ov(Y, rm_i128_of(lp->limit[r]), &t) ||
		    rm_i128_add_ov(acc, t, &acc)) {
			return false;
		}
		for (size_t e = lp->start[r]; e < lp->start[r + 1]; e++) {
			size_t j = lp->cols[e];
			if (b->st[j] >= 0 &&
			    (rm_i128_mul_ov(Y, rm_i128_of(lp->coef[e]), &t) ||
			     rm_i128_sub_ov(R[j], t, &R[j]))) {
				return false;
			}
		}
	}
	for (size_t d = 0; y && d < nd; d++) {
		size_t a = lp->dep[2 * d], p = lp->dep[2 * d + 1];
		if (!fixed_point(sign * y[nr + d], k, &Y)) {
			return false;
		}
		if ((b->st[a] >= 0 && rm_i128_sub_ov(R[a], Y, &R[a])) ||
		    (b->st[p] >= 0 && rm_i128_add_ov(R[p], Y, &R[p]))) {
			return false;
		}
	}
	if (y && b->extra) {
		if (!fixed_point(sign * y[nr + nd], k, &Y) ||
		    rm_i128_mul_ov(Y, rm_i128_of(b->erhs), &t) ||
		    rm_i128_add_ov(acc, t, &acc)) {
			return false;
		}
		for (size_t j = 0; rm_i128_pos(Y) && j < lp->n; j++) {
			if (b->st[j] >= 0 &&
			    (rm_i128_mul_ov(Y, rm_i128_of(b->extra[j]), &t) ||
			     rm_i128_sub_ov(R[j], t, &R[j]))) {
				return false;
			}
		}
	}
	for (size_t j = 0; j < lp->n; j++) {
		if ((b->st[j] > 0 || (b->st[j] == 0 && rm_i128_pos(R[j]))) &&
		    rm_i128_add_ov(acc, R[j], &acc)) {
			return false;
		}
	}
	*L = acc;
	return true;
}

static void fund_rows(struct bb *b, size_t j, int sign)
{
	const struct lp *lp = b->lp;

	for (size_t k = lp->cstart[j]; k < lp->cstart[j + 1]; k++) {
		wide *u = &b->used[lp->crow[k]];
		(void)(sign > 0
			   ? rm_i128_add_ov(*u, rm_i128_of(lp->ccoef[k]), u)
			   : rm_i128_sub_ov(*u, rm_i128_of(lp->ccoef[k]), u));
	}
}

/* Funds j and what it needs; false when that breaks a limit or meets a
 * cut prerequisite (the caller undoes). */
static bool fund(struct bb *b, size_t j0)
{
	const struct lp *lp = b->lp;
	size_t top = 0;

	b->work[top++] = j0;
	while (top) {
		size_t j = b->work[--top];
		bool ok = true;
		if (b->st[j] > 0) {
			continue;
		}
		if (b->st[j] < 0) {
			return false;
		}
		b->st[j] = 1;
		b->trail[b->nt++] = j;
		fund_rows(b, j, 1);
		for (size_t k = lp->cstart[j]; k < lp->cstart[j + 1]; k++) {
			ok = ok && rm_i128_cmp(
				       b->used[lp->crow[k]],
				       rm_i128_of(lp->limit[lp->crow[k]])) <= 0;
		}
		if (!ok) {
			return false;
		}
		for (size_t e = lp->pre_off[j]; e < lp->pre_off[j + 1]; e++) {
			b->work[top++] = lp->pre[e];
		}
	}
	return true;
}

/* Cuts j and what needs it; false when one of those is funded. */
static bool cut(struct bb *b, size_t j0)
{
	const struct lp *lp = b->lp;
	size_t top = 0;

	b->work[top++] = j0;
	while (top) {
		size_t j = b->work[--top];
		if (b->st[j] < 0) {
			continue;
		}
		if (b->st[j] > 0) {
			return false;
		}
		b->st[j] = -1;
		b->trail[b->nt++] = j;
		for (size_t e = lp->dpd_off[j]; e < lp->dpd_off[j + 1]; e++) {
			b->work[top++] = lp->dpd[e];
		}
	}
	return true;
}

static void undo(struct bb *b, size_t mark)
{
	while (b->nt > mark) {
		size_t j = b->trail[--b->nt];
		if (b->st[j] > 0) {
			fund_rows(b, j, -1);
		}
		b->st[j] = 0;
	}
}

/* Takes plan x when it holds, meets the extra row and beats the best. */
static void try_plan(struct bb *b, const bool *x)
{
	const struct lp *lp = b->lp;
	int64_t v = 0, e = 0;

	for (size_t j = 0; j < lp->n; j++) {
		if (x[j]) {
			v += b->obj[j];
			e += b->extra ? b->extra[j] : 0;
		}
	}
	if (v > b->inc && (!b->extra || e <= b->erhs) &&
	    rm_opt_plan_valid(lp, x)) {
		b->inc = v;
		memcpy(b->best, x, lp->n * sizeof(bool));
	}
}

/* D times the least objective a better plan needs. */
static wide needed(const struct bb *b)
{
	wide r = rm_i128_of(0);

	/* below 2^122: k was chosen so that D times every objective is */
	(void)rm_i128_mul_ov(rm_i128_of(b->inc + 1), rm_i128_pow2(b->k), &r);
	return r;
}

/*
 * A node: the relaxation with st[]'s choices as bounds, its exact bound,
 * the columns the bound decides, the relaxation's plan rounded as a
 * candidate. False when nothing below can beat the best plan; else the
 * column to branch on (the most fractional open one) in *f.
 */
static bool node(struct bb *b, struct frame *f)
{
	const struct lp *lp = b->lp;
	size_t n = lp->n, pick = NO_COL;
	double frac = 1;
	wide L, slack;

	for (size_t j = 0; j < n; j++) {
		b->lo[j] = b->st[j] > 0;
		b->hi[j] = b->st[j] >= 0;
	}
	Clp_chgColumnLower(b->clp, b->lo);
	Clp_chgColumnUpper(b->clp, b->hi);
	Clp_dual(b->clp, 0);
	bool opt = Clp_status(b->clp) == 0;
	const double *y = Clp_dualRowSolution(b->clp);
	const double *x = opt ? Clp_primalColumnSolution(b->clp) : NULL;
	if (!y || !bound_at(b, y, b->sign, b->k, &L)) {
		/* no multipliers: cannot overflow, k fits the objective */
		bound_at(b, NULL, 1, b->k, &L);
	}
	if (rm_i128_cmp(L, needed(b)) < 0) {
		return false;
	}
	if (b->extra) { /* can the extra row still hold? */
		wide e = rm_i128_of(0);
		for (size_t j = 0; j < n; j++) {
			if (b->st[j] > 0 ||
			    (b->st[j] == 0 && b->extra[j] < 0)) {
				(void)rm_i128_add_ov(e, rm_i128_of(b->extra[j]),
						     &e);
			}
		}
		if (rm_i128_cmp(e, rm_i128_of(b->erhs)) > 0) {
			return false;
		}
	}
	/* a column whose reduced objective alone passes the slack is
	 * decided: choosing otherwise loses more than there is to gain */
	(void)rm_i128_sub_ov(L, needed(b), &slack);
	for (size_t j = 0; j < n; j++) {
		if (b->st[j] == 0 && rm_i128_cmp(b->R[j], slack) > 0 &&
		    !fund(b, j)) {
			return false;
		}
		if (b->st[j] == 0 &&
		    rm_i128_cmp(rm_i128_minus(b->R[j]), slack) > 0 &&
		    !cut(b, j)) {
			return false;
		}
	}
	if (x) {
		for (size_t j = 0; j < n; j++) {
			b->cand[j] =
			    b->st[j] > 0 || (b->st[j] == 0 && x[j] > 0.5);
		}
		try_plan(b, b->cand);
		if (rm_i128_cmp(L, needed(b)) < 0) {
			return false;
		}
	}
	for (size_t j = 0; j < n; j++) {
		if (b->st[j] == 0) {
			double d = x ? fabs(x[j] - 0.5) : 0.5;
			if (pick == NO_COL || d < frac) {
				pick = j;
				frac = d;
			}
		}
	}
	if (pick == NO_COL) { /* every column decided: a plan */
		for (size_t j = 0; j < n; j++) {
			b->cand[j] = b->st[j] > 0;
		}
		try_plan(b, b->cand);
		return false;
	}
	f->j = pick;
	f->first_in = x ? x[pick] >= 0.5 : rm_i128_pos(b->R[pick]);
	f->phase = 0;
	f->mark = b->nt;
	return true;
}

/* The root: Clp's first solve, the sign and the scale of the multipliers
 * that give the tightest bound. */
static void root_bound(struct bb *b)
{
	const struct lp *lp = b->lp;
	uint64_t s = 0;
	int bits = 0;
	wide L;
	bool any = false;

	for (size_t j = 0; j < lp->n; j++) {
		s += (uint64_t)llabs(b->obj[j]) +
		     (b->extra ? (uint64_t)llabs(b->extra[j]) : 0);
		s = s > INT64_MAX ? INT64_MAX : s;
	}
	while (bits < 64 && (s >> bits)) {
		bits++;
	}
	Clp_dual(b->clp, 0); /* initialSolve would take SIGINT */
	const double *y = Clp_dualRowSolution(b->clp);
	/* D times every objective stays below 2^122 */
	for (int k = 122 - bits > 100 ? 100 : 122 - bits; !any && k >= 0;
	     k -= 20) {
		static const double signs[] = {1, -1};
		for (int t = 0; y && t < 2; t++) {
			if (bound_at(b, y, signs[t], k, &L) &&
			    (!any || rm_i128_cmp(L, b->root) < 0)) {
				b->root = L;
				b->k = k;
				b->sign = signs[t];
				any = true;
			}
		}
		if (!any && bound_at(b, NULL, 1, k, &L)) {
			b->root = L;
			b->k = k;
			b->sign = 1;
			any = true;
		}
	}
}

/*
 * Every plan that could beat best[] (whose objective is inc), depth
 * first, until end: true when the search ended (best[] is then optimal),
 * false when the clock stopped it. *bound receives floor(root bound).
 */
bool rm_opt_exact(struct lp *lp, const int64_t *obj, const int64_t *extra,
		  int64_t erhs, bool *best, double end, const struct run *run,
		  int64_t *bound, bool *nomem)
{
	size_t n = lp->n;
	struct bb b = {.lp = lp, .obj = obj, .extra = extra, .erhs = erhs};
	struct frame *fr = malloc((n + 2) * sizeof(struct frame));
	size_t d = 0;
	bool done = false;

	b.best = best;
	b.inc = 0;
	for (size_t j = 0; j < n; j++) {
		b.inc += best[j] ? obj[j] : 0;
	}
	*bound = b.inc;
	b.R = malloc((n + 1) * sizeof(wide));
	b.lo = malloc((n + 1) * sizeof(double));
	b.hi = malloc((n + 1) * sizeof(double));
	b.st = calloc(n + 1, 1);
	b.trail = malloc((n + 1) * sizeof(size_t));
	b.work = malloc((n + lp->n_deps + 2) * sizeof(size_t));
	b.used = calloc(lp->n_rows + 1, sizeof(wide));
	b.cand = malloc((n + 1) * sizeof(bool));
	if (!fr || !b.R || !b.lo || !b.hi || !b.st || !b.trail || !b.work ||
	    !b.used || !b.cand) {
		*nomem = true;
		goto out;
	}
	if (!(b.clp = clp_model(lp, obj, extra, erhs, nomem))) {
		goto out;
	}
	Clp_setMaximumSeconds(
	    b.clp, end - rm_opt_now() > 0.1 ? end - rm_opt_now() : 0.1);
	for (size_t j = 0; j < n; j++) { /* cannot fail: the kept ones fit */
		if ((lp->kept[j] && !fund(&b, j)) ||
		    (!lp->fits[j] && !cut(&b, j))) {
			done = true;
			goto out;
		}
	}
	root_bound(&b);
	if (!rm_i128_neg(b.root)) { /* loose multipliers give any bound */
		wide top = rm_i128_shr(b.root, b.k);
		*bound = rm_i128_cmp(top, rm_i128_of(INT64_MAX)) < 0
			     ? rm_i128_low(top)
			     : INT64_MAX;
	}
	fr[0].base = b.nt;
	if (!node(&b, &fr[0])) {
		done = true;
		goto out;
	}
	while (rm_opt_time_left(run, end)) {
		struct frame *f = &fr[d];
		if (f->phase == 2) {
			undo(&b, f->base);
			if (d == 0) {
				done = true;
				break;
			}
			d--;
			continue;
		}
		bool in = f->phase++ == 0 ? f->first_in : !f->first_in;
		undo(&b, f->mark);
		if (!(in ? fund(&b, f->j) : cut(&b, f->j))) {
			continue;
		}
		fr[d + 1].base = b.nt;
		if (node(&b, &fr[d + 1])) {
			d++;
		}
	}
out:
	if (b.clp) {
		Clp_deleteModel(b.clp);
	}
	free(fr);
	free(b.R);
	free(b.lo);
	free(b.hi);
	free(b.st);
	free(b.trail);
	free(b.work);
	free(b.used);
	free(b.cand);
	*bound = *bound > b.inc ? *bound : b.inc;
	return done;
}
