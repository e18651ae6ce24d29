/*
 * optimize.h - the 0/1 program of optimize, and its solvers (private):
 * optimize-model.c builds it and checks plans in integers, optimize-cbc.c
 * runs CBC, optimize.c decides, optimize-exact.c proves in exact
 * arithmetic (roadmap(1), optimize; docs/decisions.md, "Optimize").
 */
#ifndef ROADMAP_OPTIMIZE_H
#define ROADMAP_OPTIMIZE_H

#include "graph.h"

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
	/* the same, by column: prerequisites and dependents (compressed) */
	size_t *pre_off, *pre, *dpd_off, *dpd;
	size_t *topo;	  /* columns, prerequisites first */
	int64_t *vs, *cs; /* value and planned total over their gcds */
	int64_t gv, gc;	  /* those gcds */
	bool *fits;	  /* alone within every limit (else never funded) */
	/* the rows by column, rebuilt for each budget scale */
	size_t *cstart, *crow;
	int64_t *ccoef;
	/* rows, compressed: row r has cols[start[r] .. start[r + 1]) */
	size_t n_rows, cap_start, cap_limit, cap_name, n_nz, cap_cols, cap_coef;
	size_t *start, *cols;
	int64_t *coef, *limit;
	int pct; /* the scale the rows are at */
	char (*name)[96];
	/* cover cuts found against CBC's plans, valid for every plan at
	 * this scale: cut k is "sum of x over cut_cols[cut_start[k] ..
	 * cut_start[k + 1]) <= cut_rhs[k]", or ">=" with cut_ge[k] */
	size_t n_cuts, n_cut_nz, cap_cuts, cap_cut_nz;
	size_t *cut_start, *cut_cols;
	int64_t *cut_rhs;
	bool *cut_ge;
	/* --explain's pool: plans that held when CBC found them (each n
	 * columns), pool_v their values over gv, best first; pool_cap 0
	 * keeps none */
	bool *pool;
	int64_t *pool_v;
	size_t pool_n, pool_cap;
	bool nomem, overflow;
	struct roadmap_spend sp;
};

/* Cbc_solve(m) for at most seconds of wall-clock time (optimize-cbc.c),
 * with the settings every search here needs (no output, no
 * preprocessing, an absolute gap of half a unit for whole-number
 * objectives): one solve at a time in the process (CBC keeps global
 * state), the caller's SIGINT disposition kept whole. m is a Cbc_Model;
 * level-cbc.c solves through it too. */
void rm_cbc_run(void *m, double seconds);

/* The whole call's wall-clock deadline (CLOCK_MONOTONIC seconds). */
struct run {
	double end;
};

/* optimize-model.c, under both the solver and the exact search. */
double rm_opt_now(void);
/* Before end and before the call's deadline. */
bool rm_opt_time_left(const struct run *run, double end);

/* The columns, values, costs, dependencies and kept closure
 * (ROADMAP_ERR_DATA on an overflowing sum, ROADMAP_ERR_NOMEM). */
enum roadmap_status rm_opt_columns(struct lp *lp, const struct rm_graph *g,
				   const size_t *order, size_t count,
				   struct roadmap_error *err);
/* The rows at pct percent of every envelope, each divided by its gcd,
 * and no cuts yet; false when out of memory (lp->overflow on an
 * overflowing sum). */
bool rm_opt_rows(struct lp *lp, int pct);
void rm_opt_release(struct lp *lp);

/* Better plans near plan on[] (which holds and stays so): while a
 * pass finds one, each cut column c whose prerequisites are funded is
 * added when it fits, else swapped for the funded one of least value
 * below c's that nothing needs and that frees room enough; then each
 * funded one nothing needs is dropped for the cut ones that then fit
 * (in column order) when they are worth more. At most passes passes,
 * until end (a pass is O(n^2) steps: at 1,500 columns 20 passes took
 * seconds); used[] is scratch of n_rows + n. */
void rm_opt_improve(struct lp *lp, bool *on, int64_t *used, int passes,
		    const struct run *run, double end);

/* Keeps plan x (which holds) in the pool when it is new and beats the
 * pool's worst; optimize-cbc.c offers every plan CBC finds. */
void rm_opt_pool_offer(struct lp *lp, const bool *x);
/* The best plan in the pool that holds (with the flip's kept and fits)
 * and has column j at on_j, into x, when it is worth more than floor;
 * false when there is none. */
bool rm_opt_pool_best(const struct lp *lp, size_t j, bool on_j, int64_t floor,
		      bool *x);

/* Plans in integers: the first row plan on[] breaks (or -1); whether it
 * holds (rows, prerequisites, kept ones); the sum of v over it (all
 * columns for on NULL; lp->overflow on overflow). */
long rm_opt_breaks(const struct lp *lp, const bool *on);
bool rm_opt_plan_valid(const struct lp *lp, const bool *on);
int64_t rm_opt_total(struct lp *lp, const int64_t *v, const bool *on);
/* What plan on[] uses of each envelope at pct percent. */
void rm_opt_fill_envelopes(struct lp *lp, const bool *on, int pct,
			   struct roadmap_plan *p);

/* optimize-cbc.c: CBC's answer to one phase. */
struct cbc_answer {
	bool proven;  /* CBC says so, for a plan that holds */
	double bound; /* its best possible objective */
};
/*
 * A CBC phase until end: the most value (phase 1), or the least planned
 * spend with the value at least floor (phase2), from the plan in on[]
 * (which holds); better plans that hold go into on[]. x is scratch of n.
 */
void rm_opt_cbc_phase(struct lp *lp, bool phase2, int64_t floor, bool *on,
		      double end, struct run *run, bool *x,
		      struct cbc_answer *ans, bool *nomem);
/* Whether CBC's objective obj separates plans a unit apart. */
bool rm_opt_separable(const struct lp *lp, const int64_t *obj);
/* Marks j0 and what it needs (way 1) or what needs it (way 0) in mark[]
 * (stack[] scratch of n + n_deps). */
void rm_opt_closure(const struct lp *lp, size_t j0, int way, bool *mark,
		    size_t *stack);
/* Makes plan on[] hold by dropping the least value per unit of spend
 * from each row it breaks, then adds what still fits (mark[] scratch of
 * 2n); the kept ones alone when nothing else holds. */
void rm_opt_repair(struct lp *lp, bool *on, bool *mark, size_t *stack);

/*
 * The exact branch and bound: maximises obj . x over the plans (with
 * extra, subject to extra . x <= erhs) from best[], until end. True when
 * the search ended (best[] is then optimal), false when the clock stopped
 * it; *bound receives the root's bound, rounded down. *nomem on failure.
 */
bool rm_opt_exact(struct lp *lp, const int64_t *obj, const int64_t *extra,
		  int64_t erhs, bool *best, double end, const struct run *run,
		  int64_t *bound, bool *nomem);

#endif
