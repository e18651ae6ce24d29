/*
 * level.h - levelling (private): level.c builds the problem, searches it
 * with a serial schedule and explains the plan; level-cbc.c proves the
 * optimum with CBC (roadmap(1), schedule --level; docs/decisions.md,
 * "Levelling").
 */
#ifndef ROADMAP_LEVEL_H
#define ROADMAP_LEVEL_H

#include "graph.h"

#define LV_NONE SIZE_MAX
/* Up to this many movable initiatives the plan is proven optimal. */
#define LV_EXACT_MAX 30

enum lv_role { LV_IGNORED, LV_FIXED, LV_MOVABLE };

/*
 * The problem. Delays are whole weeks, w[j] for movable initiative j
 * (0 for fixed ones). Loads are hundredths of an FTE x days per team and
 * fiscal quarter, in arrays of T x nq (quarter qa + k at k).
 */
struct lv {
	const struct roadmap *rm;
	int fs;
	roadmap_day as_of;
	int horizon;
	size_t n, m, T;
	unsigned char *role; /* per initiative, enum lv_role */
	size_t *slot;	     /* initiative -> movable j, or LV_NONE */
	size_t *mov;	     /* j -> initiative */
	size_t *team;	     /* initiative -> the team it loads, or LV_NONE */
	struct rm_graph g;
	size_t *order; /* counting initiatives, prerequisites first */
	size_t count;
	int *lb, *ub; /* per movable: the delays dependencies allow */
	int qa;
	size_t nq;
	int64_t *cap, *base; /* capacity, and the fixed work's load */
	bool *past;	     /* per quarter: ended before as_of */
	/* the due dates of the goals each initiative serves */
	size_t *doff;
	roadmap_day *due;
};

/* The load of initiative i delayed w weeks in fiscal quarter qi. */
int64_t lv_qload(const struct lv *lv, size_t i, int w, int qi);
/* The days past due dates of initiative i delayed w weeks. */
int64_t lv_late(const struct lv *lv, size_t i, int w);
/* Whether plan w (per movable) keeps every dependency and capacity. */
bool lv_valid(const struct lv *lv, const int *w, int64_t *load);
/* The objective of plan w; whether a is worse than b (late days, then
 * delay, then last end). */
void lv_eval(const struct lv *lv, const int *w,
	     struct roadmap_level_objective *o);
bool lv_worse(const struct roadmap_level_objective *a,
	      const struct roadmap_level_objective *b);
/* The whole weeks dependent v must move beyond its prerequisite p's
 * delay to start after p ends (0 or less: none). */
int64_t lv_need(const struct lv *lv, size_t p, size_t v);

/* Adds (sign 1) or takes away (-1) initiative i delayed w weeks. */
void lv_put_load(const struct lv *lv, size_t i, int w, int64_t *load, int sign);
/* Whether initiative i delayed w weeks fits beside load; when not, *bad
 * is the first quarter it overfills. */
bool lv_fits(const struct lv *lv, size_t i, int w, const int64_t *load,
	     int *bad);
/* The least delay of movable j its prerequisites allow in plan w, and
 * (*why) the prerequisite that sets it, or LV_NONE. */
int64_t lv_after_prereqs(const struct lv *lv, size_t j, const int *w,
			 size_t *why);
/* "TEAM@QUARTER" into buf. */
void lv_team_quarter(const struct lv *lv, size_t t, int qi, char *buf,
		     size_t size);

/* The serial schedule (level-serial.c): the order (movable indexes;
 * false when out of memory), the plan into w from the fixed work's load
 * (false, with out->breaks and why, when some initiative fits no week),
 * and the passes that pull each one as early as it fits. */
bool lv_serial_order(const struct lv *lv, size_t *out);
bool lv_serial(const struct lv *lv, const size_t *seq, int *w, int64_t *load,
	       struct roadmap_level *out);
void lv_pull_early(const struct lv *lv, const size_t *seq, int *w,
		   int64_t *load);

/* What the exact search found. */
struct lv_exact {
	bool found;	 /* w holds a valid plan */
	bool proven;	 /* optimal, every stage proven */
	bool infeasible; /* proven: no plan */
	/* what the solver proved no plan beats, measure by measure (the
	 * whole objective's; 0 where it proved nothing) */
	struct roadmap_level_objective bound;
	bool nomem;
};

/* CBC in three stages (late days, delay, last end), from plan start (or
 * NULL) until the wall-clock second end (level-cbc.c). w receives the
 * best valid plan. */
void lv_exact_search(const struct lv *lv, const int *start, double end, int *w,
		     struct lv_exact *out);

#endif
