/*
 * level.c - levelling (roadmap(1), schedule --level; docs/decisions.md,
 * "Levelling"): delays by whole weeks so that every team's quarterly load
 * fits its capacity and every dependency is finish-to-start.
 *
 * The plan is searched by a serial schedule: in dependency order (by
 * planned start among the ready ones), each movable initiative at the
 * earliest week its prerequisites and every team's quarters allow, then
 * passes that pull each one as early as it fits until none moves. Up to
 * LV_EXACT_MAX movable initiatives, CBC then proves the optimum from that
 * start (level-cbc.c). The bound is the plan with capacity left out: each
 * initiative at the earliest week its prerequisites allow, which no plan
 * beats on any of the three measures.
 */
#include "json.h"
#include "level.h"
#include "optimize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ceil(x / 7) and floor(x / 7) for any sign */
static int64_t ceil7(int64_t x)
{
	return x > 0 ? (x + 6) / 7 : -((-x) / 7);
}

static int64_t floor7(int64_t x)
{
	return x >= 0 ? x / 7 : -((-x + 6) / 7);
}

/* capacity-overrun's measure (analysis/check-rules.c), w weeks later */
int64_t lv_qload(const struct lv *lv, size_t i, int w, int qi)
{
	return rm_quarter_load_moved(&lv->rm->inits[i], 7 * (int64_t)w, qi,
				     lv->fs);
}

int64_t lv_late(const struct lv *lv, size_t i, int w)
{
	int64_t end = (int64_t)lv->rm->inits[i].end + 7 * (int64_t)w, late = 0;

	for (size_t k = lv->doff[i]; k < lv->doff[i + 1]; k++) {
		late += end > lv->due[k] ? end - lv->due[k] : 0;
	}
	return late;
}

int64_t lv_need(const struct lv *lv, size_t p, size_t v)
{
	return ceil7((int64_t)lv->rm->inits[p].end - lv->rm->inits[v].start +
		     1);
}

static int wk(const struct lv *lv, const int *w, size_t i)
{
	return lv->slot[i] == LV_NONE ? 0 : w[lv->slot[i]];
}

/* Adds (sign 1) or takes away (-1) initiative i delayed w weeks. */
void lv_put_load(const struct lv *lv, size_t i, int w, int64_t *load, int sign)
{
	size_t t = lv->team[i];
	const struct roadmap_initiative *in = &lv->rm->inits[i];

	if (t == LV_NONE) {
		return;
	}
	int a = roadmap_quarter_of(in->start + 7 * w, lv->fs);
	int b = roadmap_quarter_of(in->end + 7 * w, lv->fs);
	for (int qi = a; qi <= b; qi++) {
		load[t * lv->nq + (size_t)(qi - lv->qa)] +=
		    sign * lv_qload(lv, i, w, qi);
	}
}

/* Whether initiative i delayed w weeks fits beside load; when not, *bad
 * is the first quarter it overfills. */
bool lv_fits(const struct lv *lv, size_t i, int w, const int64_t *load,
	     int *bad)
{
	size_t t = lv->team[i];
	const struct roadmap_initiative *in = &lv->rm->inits[i];

	if (t == LV_NONE) {
		return true;
	}
	int a = roadmap_quarter_of(in->start + 7 * w, lv->fs);
	int b = roadmap_quarter_of(in->end + 7 * w, lv->fs);
	for (int qi = a; qi <= b; qi++) {
		size_t k = t * lv->nq + (size_t)(qi - lv->qa);
		if (!lv->past[qi - lv->qa] &&
		    load[k] + lv_qload(lv, i, w, qi) > lv->cap[k]) {
			*bad = qi;
			return false;
		}
	}
	return true;
}

/* The least delay of movable j that its prerequisites allow in plan w,
 * and (*why) the prerequisite that sets it, or LV_NONE. */
int64_t lv_after_prereqs(const struct lv *lv, size_t j, const int *w,
			 size_t *why)
{
	size_t v = lv->mov[j];
	int64_t lo = 0;

	*why = LV_NONE;
	for (size_t e = lv->g.pre_off[v]; e < lv->g.pre_off[v + 1]; e++) {
		size_t p = lv->g.pre[e];
		int64_t need = wk(lv, w, p) + lv_need(lv, p, v);
		if (need > lo || (need == lo && need > 0 && *why == LV_NONE)) {
			lo = need;
			*why = p;
		}
	}
	return lo;
}

bool lv_valid(const struct lv *lv, const int *w, int64_t *load)
{
	size_t why;

	memcpy(load, lv->base, lv->T * lv->nq * sizeof(int64_t));
	for (size_t j = 0; j < lv->m; j++) {
		if (w[j] < lv->lb[j] || w[j] > lv->ub[j] ||
		    lv_after_prereqs(lv, j, w, &why) > w[j]) {
			return false;
		}
		lv_put_load(lv, lv->mov[j], w[j], load, 1);
	}
	/* a fixed dependent of movable work: lv_limits() left the
	 * prerequisite no more room than it allows (ub[]) */
	for (size_t t = 0; t < lv->T; t++) {
		for (size_t k = 0; k < lv->nq; k++) {
			if (!lv->past[k] &&
			    load[t * lv->nq + k] > lv->cap[t * lv->nq + k]) {
				return false;
			}
		}
	}
	return true;
}

void lv_eval(const struct lv *lv, const int *w,
	     struct roadmap_level_objective *o)
{
	memset(o, 0, sizeof(*o));
	for (size_t i = 0; i < lv->n; i++) {
		if (lv->role[i] == LV_IGNORED) {
			continue;
		}
		int x = wk(lv, w, i);
		roadmap_day end = lv->rm->inits[i].end + 7 * x;
		o->late_days += lv_late(lv, i, x);
		o->delay_days += 7 * (int64_t)x;
		o->end = !o->has_end || end > o->end ? end : o->end;
		o->has_end = true;
	}
}

bool lv_worse(const struct roadmap_level_objective *a,
	      const struct roadmap_level_objective *b)
{
	if (a->late_days != b->late_days) {
		return a->late_days > b->late_days;
	}
	if (a->delay_days != b->delay_days) {
		return a->delay_days > b->delay_days;
	}
	return a->end > b->end;
}

/* ------------------------------------------------------------ building */

static void lv_release(struct lv *lv)
{
	free(lv->role);
	free(lv->slot);
	free(lv->mov);
	free(lv->team);
	rm_graph_release(&lv->g);
	free(lv->order);
	free(lv->lb);
	free(lv->ub);
	free(lv->cap);
	free(lv->base);
	free(lv->past);
	free(lv->doff);
	free(lv->due);
}

static bool is_pinned(const struct roadmap_level_options *o, const char *id)
{
	for (size_t k = 0; k < o->n_pins; k++) {
		if (strcmp(o->pins[k], id) == 0) {
			return true;
		}
	}
	return false;
}

/* The last day a moved end may take: 2200-12-31. */
#define LV_LAST_DAY 84005

/*
 * Roles, teams, goals' due dates, the dependency order, the delays the
 * dependencies allow, and the quarters' capacities and fixed loads.
 */
static enum roadmap_status lv_build(struct lv *lv, const struct roadmap *rm,
				    const struct roadmap_level_options *o,
				    struct roadmap_error *err)
{
	size_t n = rm->n_inits;
	char q[120];

	memset(lv, 0, sizeof(*lv));
	lv->rm = rm;
	lv->fs = rm->fiscal_start;
	lv->as_of = o->as_of;
	lv->horizon = o->horizon_weeks ? o->horizon_weeks : 52;
	lv->n = n;
	lv->T = rm->n_teams;
	for (size_t k = 0; k < o->n_pins; k++) {
		if (!roadmap_find_initiative(rm, o->pins[k])) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "pinned %s is no initiative",
				       rm_quote(o->pins[k], q, sizeof(q)));
		}
	}
	lv->role = calloc(n + 1, 1);
	lv->slot = malloc((n + 1) * sizeof(size_t));
	lv->mov = malloc((n + 1) * sizeof(size_t));
	lv->team = malloc((n + 1) * sizeof(size_t));
	lv->order = malloc((n + 1) * sizeof(size_t));
	lv->doff = calloc(n + 2, sizeof(size_t));
	if (!lv->role || !lv->slot || !lv->mov || !lv->team || !lv->order ||
	    !lv->doff || !rm_graph_build(rm, &lv->g)) {
		return rm_nomem(err);
	}
	enum roadmap_status st =
	    rm_graph_order(rm, &lv->g, lv->order, &lv->count, err);
	if (st) {
		return st;
	}
	size_t nd = 0;
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		const struct roadmap_team *t =
		    in->team ? roadmap_find_team(rm, in->team) : NULL;
		lv->slot[i] = LV_NONE;
		lv->team[i] = LV_NONE;
		if (!roadmap_initiative_counts(in) || in->end < in->start) {
			continue;
		}
		if (in->status == ROADMAP_DONE || in->start < o->as_of ||
		    is_pinned(o, in->id)) {
			lv->role[i] = LV_FIXED;
		} else {
			lv->role[i] = LV_MOVABLE;
			lv->slot[i] = lv->m;
			lv->mov[lv->m++] = i;
		}
		if (t && in->fte > 0 && roadmap_initiative_is_open(in)) {
			lv->team[i] = (size_t)(t - rm->teams);
		}
		for (size_t k = 0; k < in->n_goals; k++) {
			const struct roadmap_goal *g =
			    roadmap_find_goal(rm, in->goals[k]);
			nd += g && g->has_due;
		}
	}
	lv->due = malloc((nd + 1) * sizeof(roadmap_day));
	lv->lb = calloc(lv->m + 1, sizeof(int));
	lv->ub = malloc((lv->m + 1) * sizeof(int));
	if (!lv->due || !lv->lb || !lv->ub) {
		return rm_nomem(err);
	}
	nd = 0;
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		lv->doff[i] = nd;
		for (size_t k = 0; lv->role[i] && k < in->n_goals; k++) {
			const struct roadmap_goal *g =
			    roadmap_find_goal(rm, in->goals[k]);
			if (g && g->has_due) {
				lv->due[nd++] = g->due;
			}
		}
	}
	lv->doff[n] = nd;
	/* the quarters any load may fall in */
	int qa = roadmap_quarter_of(o->as_of, lv->fs), qb = qa;
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (lv->role[i] == LV_IGNORED) {
			continue;
		}
		int64_t last = in->end;
		if (lv->role[i] == LV_MOVABLE) {
			int64_t most = floor7(LV_LAST_DAY - (int64_t)in->end);
			int u = lv->horizon < most ? lv->horizon
						   : (int)(most < 0 ? 0 : most);
			lv->ub[lv->slot[i]] = u;
			last += 7 * (int64_t)u;
		}
		int a = roadmap_quarter_of(in->start, lv->fs);
		int b = roadmap_quarter_of((roadmap_day)last, lv->fs);
		qa = a < qa ? a : qa;
		qb = b > qb ? b : qb;
	}
	lv->qa = qa;
	lv->nq = (size_t)(qb - qa + 1);
	size_t cells = lv->T * lv->nq;
	lv->cap = malloc((cells + 1) * sizeof(int64_t));
	lv->base = calloc(cells + 1, sizeof(int64_t));
	lv->past = malloc(lv->nq + 1);
	if (!lv->cap || !lv->base || !lv->past) {
		return rm_nomem(err);
	}
	for (size_t k = 0; k < lv->nq; k++) {
		int qi = qa + (int)k;
		lv->past[k] = roadmap_quarter_last(qi, lv->fs) < o->as_of;
		for (size_t t = 0; t < lv->T; t++) {
			lv->cap[t * lv->nq + k] = roadmap_team_capacity_days(
			    &rm->teams[t], roadmap_quarter_first(qi, lv->fs),
			    roadmap_quarter_last(qi, lv->fs));
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (lv->role[i] == LV_FIXED) {
			lv_put_load(lv, i, 0, lv->base, 1);
		}
	}
	return ROADMAP_OK;
}

/*
 * The delays dependencies allow: at least what every prerequisite's
 * earliest end needs (forward, in order), at most the horizon and what
 * fixed dependents and the dependents' own limits leave (backward). A
 * fixed dependent that already starts on or before its prerequisite's end
 * keeps that prerequisite where it is. False, with why, when some
 * initiative has no delay left.
 */
static bool lv_limits(struct lv *lv, struct roadmap_level *out)
{
	const struct roadmap *rm = lv->rm;
	char q1[120], q2[120], q3[120];
	size_t why, *capped = malloc((lv->m + 1) * sizeof(size_t));

	if (!capped) {
		return false;
	}
	for (size_t j = 0; j < lv->m; j++) {
		capped[j] = LV_NONE;
	}
	for (size_t v = 0; v < lv->n; v++) {
		if (lv->role[v] != LV_FIXED) {
			continue;
		}
		for (size_t e = lv->g.pre_off[v]; e < lv->g.pre_off[v + 1];
		     e++) {
			size_t p = lv->g.pre[e];
			if (lv->slot[p] == LV_NONE) {
				continue;
			}
			int64_t room = floor7((int64_t)rm->inits[v].start - 1 -
					      rm->inits[p].end);
			room = room < 0 ? 0 : room;
			int *u = &lv->ub[lv->slot[p]];
			if (room < *u) {
				*u = (int)room;
				capped[lv->slot[p]] = v;
			}
		}
	}
	/* forward: a conflict here is one an initiative cannot escape */
	for (size_t k = 0; k < lv->count; k++) {
		size_t v = lv->order[k];
		if (lv->slot[v] == LV_NONE) {
			continue;
		}
		size_t j = lv->slot[v];
		int64_t lo = lv_after_prereqs(lv, j, lv->lb, &why);
		if (lo <= lv->ub[j]) {
			lv->lb[j] = (int)lo;
			continue;
		}
		snprintf(out->breaks, sizeof(out->breaks), "%s",
			 rm->inits[v].id);
		rm_quote(rm->inits[v].id, q1, sizeof(q1));
		rm_quote(rm->inits[why].id, q2, sizeof(q2));
		if (capped[j] == LV_NONE) {
			snprintf(out->why, sizeof(out->why),
				 "%s cannot start after its prerequisite %s "
				 "ends within %d weeks",
				 q1, q2, lv->horizon);
		} else {
			snprintf(
			    out->why, sizeof(out->why),
			    "%s cannot both start after %s ends and end "
			    "before %s (fixed) starts",
			    q1, q2,
			    rm_quote(rm->inits[capped[j]].id, q3, sizeof(q3)));
		}
		free(capped);
		return false;
	}
	free(capped);
	/* backward: the most each may move and leave its dependents room
	 * (never below its least, which the forward pass made room for) */
	for (size_t k = lv->count; k-- > 0;) {
		size_t v = lv->order[k];
		if (lv->slot[v] == LV_NONE) {
			continue;
		}
		for (size_t e = lv->g.pre_off[v]; e < lv->g.pre_off[v + 1];
		     e++) {
			size_t p = lv->g.pre[e];
			if (lv->slot[p] == LV_NONE) {
				continue;
			}
			int64_t u = lv->ub[lv->slot[v]] - lv_need(lv, p, v);
			int *up = &lv->ub[lv->slot[p]];
			*up = u < *up ? (int)u : *up;
		}
	}
	return true;
}

void lv_team_quarter(const struct lv *lv, size_t t, int qi, char *buf,
		     size_t size)
{
	char label[16];

	snprintf(buf, size, "%s@%s", lv->rm->teams[t].id,
		 roadmap_quarter_label(qi, label));
}

/* A constrained quarter the fixed work alone overfills. */
static bool lv_fixed_fits(const struct lv *lv, struct roadmap_level *out)
{
	char q[120];

	for (size_t t = 0; t < lv->T; t++) {
		for (size_t k = 0; k < lv->nq; k++) {
			size_t c = t * lv->nq + k;
			if (!lv->past[k] && lv->base[c] > lv->cap[c]) {
				lv_team_quarter(lv, t, lv->qa + (int)k,
						out->breaks,
						sizeof(out->breaks));
				snprintf(out->why, sizeof(out->why),
					 "%s is over capacity with fixed work "
					 "alone",
					 rm_quote(out->breaks, q, sizeof(q)));
				return false;
			}
		}
	}
	return true;
}

/* ------------------------------------------------------------- search */

/* ---------------------------------------------------------- the result */

/* Why movable j is not a week earlier in plan w (load: the plan's). */
static void reason(const struct lv *lv, const int *w, size_t j, int64_t *load,
		   char *buf, size_t size)
{
	const struct roadmap *rm = lv->rm;
	size_t i = lv->mov[j], why;
	char day[16];
	int bad;

	buf[0] = '\0';
	if (lv_after_prereqs(lv, j, w, &why) >= w[j] && why != LV_NONE) {
		if (wk(lv, w, why) > 0) {
			snprintf(buf, size, "prerequisite %s moved",
				 rm->inits[why].id);
		} else {
			snprintf(buf, size, "prerequisite %s ends %s",
				 rm->inits[why].id,
				 roadmap_day_format(rm->inits[why].end, day));
		}
		return;
	}
	lv_put_load(lv, i, w[j], load, -1);
	if (!lv_fits(lv, i, w[j] - 1, load, &bad)) {
		char tq[96];
		lv_team_quarter(lv, lv->team[i], bad, tq, sizeof(tq));
		snprintf(buf, size, "%s is full", tq);
	}
	lv_put_load(lv, i, w[j], load, 1);
}

static enum roadmap_status lv_result(const struct lv *lv, const int *w,
				     int64_t *load, struct roadmap_level *out,
				     struct roadmap_error *err)
{
	const struct roadmap *rm = lv->rm;
	int *zero = calloc(lv->m + 1, sizeof(int));
	int64_t *was = calloc(lv->T * lv->nq + 1, sizeof(int64_t));
	int64_t *late = calloc(2 * rm->n_goals + 1, sizeof(int64_t));
	size_t moves = 0, rows = 0, goals = 0;

	if (!zero || !was || !late) {
		free(zero);
		free(was);
		free(late);
		return rm_nomem(err);
	}
	lv_eval(lv, w, &out->objective);
	lv_eval(lv, zero, &out->before);
	memcpy(load, lv->base, lv->T * lv->nq * sizeof(int64_t));
	memcpy(was, lv->base, lv->T * lv->nq * sizeof(int64_t));
	for (size_t j = 0; j < lv->m; j++) {
		lv_put_load(lv, lv->mov[j], w[j], load, 1);
		lv_put_load(lv, lv->mov[j], 0, was, 1);
		moves += w[j] > 0;
	}
	for (size_t c = 0; c < lv->T * lv->nq; c++) {
		rows += load[c] > 0 || was[c] > 0;
	}
	for (size_t i = 0; i < lv->n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (lv->role[i] == LV_IGNORED) {
			continue;
		}
		for (size_t k = 0; k < in->n_goals; k++) {
			long g = roadmap_goal_index(rm, in->goals[k]);
			if (g < 0 || !rm->goals[g].has_due) {
				continue;
			}
			roadmap_day due = rm->goals[g].due;
			int64_t e1 = (int64_t)in->end + 7 * wk(lv, w, i);
			late[2 * g] += e1 > due ? e1 - due : 0;
			late[2 * g + 1] += in->end > due ? in->end - due : 0;
		}
	}
	for (size_t g = 0; g < rm->n_goals; g++) {
		goals += late[2 * g] > 0;
	}
	out->moves = calloc(moves + 1, sizeof(*out->moves));
	out->loads = calloc(rows + 1, sizeof(*out->loads));
	out->late_goals = calloc(goals + 1, sizeof(*out->late_goals));
	if (!out->moves || !out->loads || !out->late_goals) {
		free(zero);
		free(was);
		free(late);
		return rm_nomem(err);
	}
	for (size_t i = 0; i < lv->n; i++) { /* file order */
		size_t j = lv->slot[i];
		if (j == LV_NONE || w[j] == 0) {
			continue;
		}
		struct roadmap_level_move *mv = &out->moves[out->n_moves++];
		mv->index = i;
		mv->weeks = w[j];
		mv->start = rm->inits[i].start + 7 * w[j];
		mv->end = rm->inits[i].end + 7 * w[j];
		reason(lv, w, j, load, mv->reason, sizeof(mv->reason));
	}
	for (size_t g = 0; g < rm->n_goals; g++) {
		if (late[2 * g] > 0) {
			struct roadmap_level_goal *x =
			    &out->late_goals[out->n_late_goals++];
			x->index = g;
			x->due = rm->goals[g].due;
			x->late_days = late[2 * g];
			x->late_days_before = late[2 * g + 1];
		}
	}
	for (size_t t = 0; t < lv->T; t++) {
		for (size_t k = 0; k < lv->nq; k++) {
			size_t c = t * lv->nq + k;
			if (load[c] == 0 && was[c] == 0) {
				continue;
			}
			int qi = lv->qa + (int)k;
			struct roadmap_level_load *x =
			    &out->loads[out->n_loads++];
			x->team = t;
			x->qi = qi;
			x->days = roadmap_quarter_last(qi, lv->fs) -
				  roadmap_quarter_first(qi, lv->fs) + 1;
			x->capacity = lv->cap[c];
			x->before = was[c];
			x->after = load[c];
			x->past = lv->past[k];
		}
	}
	free(zero);
	free(was);
	free(late);
	return ROADMAP_OK;
}

void roadmap_level_release(struct roadmap_level *l)
{
	if (l) {
		free(l->moves);
		free(l->late_goals);
		free(l->loads);
		memset(l, 0, sizeof(*l));
	}
}

enum roadmap_status roadmap_level(const struct roadmap *rm,
				  const struct roadmap_level_options *o,
				  struct roadmap_level *out,
				  struct roadmap_error *err)
{
	struct lv lv;
	enum roadmap_status st;
	int *w = NULL, *x = NULL;
	int64_t *load = NULL;
	size_t *seq = NULL;

	memset(out, 0, sizeof(*out));
	if (o->horizon_weeks < 0 || o->horizon_weeks > 520 ||
	    o->time_limit < 0 || (o->n_pins && !o->pins)) {
		return rm_fail(err, ROADMAP_ERR_USAGE, "bad levelling options");
	}
	double end = rm_opt_now() + (o->time_limit > 0 ? o->time_limit : 60);
	if ((st = lv_build(&lv, rm, o, err))) {
		goto out;
	}
	out->as_of = o->as_of;
	out->horizon_weeks = lv.horizon;
	out->movable = lv.m;
	out->exact = lv.m <= LV_EXACT_MAX;
	w = calloc(lv.m + 1, sizeof(int));
	x = calloc(lv.m + 1, sizeof(int));
	seq = malloc((lv.m + 1) * sizeof(size_t));
	load = malloc((lv.T * lv.nq + 1) * sizeof(int64_t));
	if (!w || !x || !seq || !load) {
		st = rm_nomem(err);
		goto out;
	}
	out->status = ROADMAP_PLAN_INFEASIBLE;
	if (!lv_fixed_fits(&lv, out)) {
		goto infeasible;
	}
	if (!lv_limits(&lv, out)) {
		if (!out->why[0]) {
			st = rm_nomem(err);
			goto out;
		}
		goto infeasible;
	}
	lv_eval(&lv, lv.lb, &out->bound);
	if (!lv_serial_order(&lv, seq)) {
		st = rm_nomem(err);
		goto out;
	}
	bool found = lv_serial(&lv, seq, w, load, out);
	if (found) {
		lv_pull_early(&lv, seq, w, load);
	}
	bool proven = false;
	if (found && lv_valid(&lv, lv.lb, load)) {
		/* capacity holds at the dependencies' earliest: optimal */
		memcpy(w, lv.lb, lv.m * sizeof(int));
		proven = true;
	} else if (out->exact) {
		struct lv_exact ex;
		lv_exact_search(&lv, found ? w : NULL, end, x, &ex);
		if (ex.nomem) {
			st = rm_nomem(err);
			goto out;
		}
		if (ex.found) {
			struct roadmap_level_objective ea, eb;
			lv_eval(&lv, x, &ea);
			lv_eval(&lv, w, &eb);
			if (!found || !lv_worse(&ea, &eb)) {
				memcpy(w, x, lv.m * sizeof(int));
			}
			found = true;
			proven = ex.proven;
			/* the solver's bounds beside the earliest plan's */
			struct roadmap_level_objective *b = &out->bound;
			b->late_days = ex.bound.late_days > b->late_days
					   ? ex.bound.late_days
					   : b->late_days;
			b->delay_days = ex.bound.delay_days > b->delay_days
					    ? ex.bound.delay_days
					    : b->delay_days;
			b->end = ex.bound.end > b->end ? ex.bound.end : b->end;
		} else if (ex.infeasible) {
			found = false;
		}
	}
	if (!found) {
		goto infeasible;
	}
	if ((st = lv_result(&lv, w, load, out, err))) {
		goto out;
	}
	out->status = proven || !lv_worse(&out->objective, &out->bound)
			  ? ROADMAP_PLAN_OPTIMAL
			  : ROADMAP_PLAN_FEASIBLE;
	if (out->status == ROADMAP_PLAN_OPTIMAL) {
		out->bound = out->objective;
	}
	goto out;
infeasible:
	out->status = ROADMAP_PLAN_INFEASIBLE;
	memset(w, 0, (lv.m + 1) * sizeof(int));
	lv_eval(&lv, w, &out->before);
out:
	if (st) {
		roadmap_level_release(out);
	}
	lv_release(&lv);
	free(w);
	free(x);
	free(seq);
	free(load);
	return st;
}
