/*
 * tracking.c - progress, goal measurements and earned value (roadmap(1),
 * status).
 *
 * Every figure comes from exact integers: money in cents, progress in
 * hundredths of a percent, durations in days. A quotient is rounded once,
 * for output (money to the cent and ratios to three decimals, halves up),
 * in 128-bit arithmetic so that no product of amounts can overflow. A
 * quotient is range-checked before it is narrowed, as every sum is: an
 * EAC past the largest amount, or a ratio of RATIO_MAX or more, is an
 * error naming it (docs/roadmap.1.scd, status), never a wrapped figure.
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Ratios (SPI, CPI, a goal's progress) are written to three decimals
 * from a 64-bit count of thousandths: below 1e15, every one fits. */
#define RATIO_MAX 1e15

double roadmap_ratio_percent(double ratio)
{
	return (double)llround(ratio * 1000) / 10;
}

bool roadmap_has_tracking(const struct roadmap *rm)
{
	for (size_t i = 0; i < rm->n_inits; i++) {
		if (rm->inits[i].n_progress) {
			return true;
		}
	}
	for (size_t i = 0; i < rm->n_goals; i++) {
		if (rm->goals[i].n_measurements) {
			return true;
		}
	}
	return false;
}

/* ---------------------------------------------------------- the figures */

/*
 * a * b / d rounded to the nearest integer, halves up, for the figures
 * below (all non-negative, d > 0), exact whatever the product's size;
 * past 64 bits, a double too large for any ratio (RATIO_MAX).
 */
static double ratio_of(int64_t a, int64_t b, int64_t d)
{
	uint64_t q;

	if (!rm_muldiv_round((uint64_t)a, (uint64_t)b, (uint64_t)d, &q)) {
		return HUGE_VAL;
	}
	return (double)q;
}

/* The same where b <= d: a share of a, which always fits. */
static int64_t share_of(int64_t a, int64_t b, int64_t d)
{
	uint64_t q = 0;

	rm_muldiv_round((uint64_t)a, (uint64_t)b, (uint64_t)d, &q);
	return (int64_t)q;
}

const char *roadmap_goal_state_name(enum roadmap_goal_state s)
{
	switch (s) {
	case ROADMAP_GOAL_ACHIEVED:
		return "achieved";
	case ROADMAP_GOAL_ON_TRACK:
		return "on-track";
	case ROADMAP_GOAL_AT_RISK:
		return "at-risk";
	case ROADMAP_GOAL_MISSED:
		return "missed";
	case ROADMAP_GOAL_NOT_MEASURED:
		return "not-measured";
	case ROADMAP_GOAL_UNKNOWN:
		break;
	}
	return NULL;
}

/* One started initiative's figures as of day; ROADMAP_ERR_DATA naming
 * the figure past the largest amount (its actual spend, its EAC). */
static enum roadmap_status earned_value(const struct roadmap *rm,
					const struct roadmap_initiative *in,
					roadmap_day day,
					struct roadmap_earned_value *x,
					struct roadmap_error *err)
{
	char q[120], what[160];

	int64_t d = (int64_t)in->end - in->start + 1;
	int64_t e = (int64_t)day - in->start + 1;
	double pct = 0;

	e = e > d ? d : e;
	x->bac = in->opex + in->capex;
	const struct roadmap_reading *r =
	    rm_reading_last(in->progress, in->n_progress, day);
	pct = r ? r->value : 0;
	int64_t p = llround(pct * 100); /* hundredths of a percent */
	x->planned_pct = ratio_of(e, 10000, d) / 100;
	x->progress = (double)p / 100;
	x->pv = share_of(x->bac, e, d);
	x->ev = share_of(x->bac, p, 10000);
	x->ac = 0;
	for (size_t k = 0; k < in->n_actuals; k++) {
		if (roadmap_quarter_first(in->actuals[k].qi,
					  rm->fiscal_start) <= day &&
		    !roadmap_money_add(x->ac, in->actuals[k].amount, &x->ac)) {
			snprintf(what, sizeof(what), "the actual spend of %s",
				 rm_quote(in->id, q, sizeof(q)));
			return rm_overflow(err, what);
		}
	}
	x->sv = x->ev - x->pv;
	x->cv = x->ev - x->ac;
	/* SPI = (bac p / 10000) / (bac e / d); CPI = (bac p / 10000) / ac */
	x->has_spi = x->bac > 0;
	if (x->has_spi) {
		x->spi = ratio_of(p, d, 10 * e) / 1000;
	}
	x->has_cpi = x->ac > 0;
	if (x->has_cpi) {
		x->cpi = ratio_of(x->bac, p, 10 * x->ac) / 1000;
	}
	/* EAC = bac / CPI = bac ac / EV = ac 10000 / p; bac without spend */
	x->has_eac = x->ac == 0 || (x->bac > 0 && p > 0);
	if (x->ac == 0) {
		x->eac = x->bac;
	} else if (x->has_eac) {
		/* ac of a few quarters at the largest amount, over 0.01 %,
		 * is more than 64 bits hold */
		uint64_t eac;
		if (!rm_muldiv_round((uint64_t)x->ac, 10000, (uint64_t)p,
				     &eac) ||
		    eac > INT64_MAX) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "initiative %s: the estimate at "
				       "completion (EAC) is more than the "
				       "largest amount this tool can hold",
				       rm_quote(in->id, q, sizeof(q)));
		}
		x->eac = (int64_t)eac;
	}
	x->vac = x->has_eac ? x->bac - x->eac : 0;
	x->late = in->status != ROADMAP_DONE && day > in->end;
	/* the tolerance in hundredths of a percent, as actuals-overrun has
	 * it */
	int64_t tol = (int64_t)(rm->policy.actuals_tolerance * 100 + 0.5);
	x->cost_at_risk =
	    rm_cmp128(rm_mul64((uint64_t)(x->has_eac ? x->eac : x->ac), 10000),
		      rm_mul64((uint64_t)x->bac, (uint64_t)(10000 + tol))) > 0;
	return ROADMAP_OK;
}

static double round_to(double v, double scale)
{
	return floor(v * scale + 0.5) / scale;
}

/* The goal's figures as of day; first: the earliest start of the
 * counting initiatives that serve it (has_first false when none). False
 * when its progress is a ratio out of range (a measurement far past a
 * target a hair from the baseline). */
static bool goal_tracking(const struct roadmap *rm,
			  const struct roadmap_goal *g, bool has_first,
			  roadmap_day first, roadmap_day day,
			  struct roadmap_goal_tracking *x)
{
	double tol = rm->policy.goal_tolerance / 100, progress = 0,
	       expected = 0;

	const struct roadmap_reading *r =
	    rm_reading_last(g->measurements, g->n_measurements, day);
	x->measured = x->has_current = r != NULL;
	if (r) {
		x->current = r->value;
		x->measured_on = r->day;
	} else if (g->has_baseline) {
		x->has_current = true;
		x->current = g->baseline;
	}
	x->has_progress = x->has_current && g->has_baseline && g->has_target &&
			  g->target != g->baseline;
	if (x->has_progress) {
		progress =
		    (x->current - g->baseline) / (g->target - g->baseline);
		if (!(fabs(progress) < RATIO_MAX)) {
			return false;
		}
		x->progress = round_to(progress, 1000);
		x->score = round_to(progress < 0   ? 0
				    : progress > 1 ? 1
						   : progress,
				    100);
	}
	x->has_expected = g->has_due && has_first;
	if (x->has_expected) {
		int64_t total = (int64_t)g->due - first + 1;
		int64_t gone = (int64_t)day - first + 1;
		expected = total <= 0	   ? (day >= g->due ? 1 : 0)
			   : gone <= 0	   ? 0
			   : gone >= total ? 1
					   : (double)gone / (double)total;
		x->expected = round_to(expected, 1000);
	}
	/* nothing measured says nothing achieved, at risk or missed, even
	 * past its due date; current, progress and expected stay as they
	 * are, from the baseline (docs/decisions.md) */
	if (!x->measured) {
		x->state = ROADMAP_GOAL_NOT_MEASURED;
	} else if (!x->has_progress) {
		x->state = ROADMAP_GOAL_UNKNOWN;
	} else if (progress >= 1 - 1e-9) {
		x->state = ROADMAP_GOAL_ACHIEVED;
	} else if (g->has_due && day > g->due) {
		x->state = ROADMAP_GOAL_MISSED;
	} else if (!x->has_expected || progress >= expected - tol - 1e-9) {
		x->state = ROADMAP_GOAL_ON_TRACK;
	} else {
		x->state = ROADMAP_GOAL_AT_RISK;
	}
	return true;
}

void roadmap_tracking_release(struct roadmap_tracking *t)
{
	if (!t) {
		return;
	}
	free(t->initiatives);
	free(t->goals);
	rm_list_free(rm_list_own(t->removed), t->n_removed);
	memset(t, 0, sizeof(*t));
}

/* The portfolio's sums and the baseline's comparison. */
static enum roadmap_status portfolio(const struct roadmap *rm,
				     const struct roadmap *base,
				     struct roadmap_tracking *t,
				     struct roadmap_error *err)
{
	t->has_eac = true;
	for (size_t k = 0; k < t->n_initiatives; k++) {
		const struct roadmap_earned_value *x = &t->initiatives[k];
		if (!roadmap_money_add(t->bac, x->bac, &t->bac) ||
		    !roadmap_money_add(t->pv, x->pv, &t->pv) ||
		    !roadmap_money_add(t->ev, x->ev, &t->ev) ||
		    !roadmap_money_add(t->ac, x->ac, &t->ac) ||
		    (x->has_eac &&
		     !roadmap_money_add(t->eac, x->eac, &t->eac))) {
			return rm_overflow(err, "earned value");
		}
		t->has_eac = t->has_eac && x->has_eac;
	}
	t->eac = t->has_eac ? t->eac : 0;
	t->has_spi = t->pv > 0;
	t->spi = t->has_spi ? ratio_of(t->ev, 1000, t->pv) / 1000 : 0;
	t->has_cpi = t->ac > 0;
	t->cpi = t->has_cpi ? ratio_of(t->ev, 1000, t->ac) / 1000 : 0;
	if (!(t->spi < RATIO_MAX && t->cpi < RATIO_MAX)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "the portfolio's %s is out of range (a ratio "
			       "of 1e15 or more)",
			       t->spi < RATIO_MAX ? "CPI" : "SPI");
	}
	if (!base) {
		return ROADMAP_OK;
	}
	t->baselined = true;
	for (size_t k = 0; k < t->n_initiatives; k++) {
		struct roadmap_earned_value *x = &t->initiatives[k];
		const struct roadmap_initiative *in = &rm->inits[x->index];
		const struct roadmap_initiative *old =
		    roadmap_find_initiative(base, in->id);
		x->in_baseline = old != NULL;
		if (old) {
			x->slip_days = (int64_t)in->end - old->end;
			x->bac_change = x->bac - (old->opex + old->capex);
		}
	}
	return ROADMAP_OK;
}

/* The goals' figures; the earliest start of each one's initiatives. */
static enum roadmap_status goals(const struct roadmap *rm, roadmap_day day,
				 struct roadmap_tracking *t,
				 struct roadmap_error *err)
{
	enum roadmap_status st = ROADMAP_OK;
	char q[120];
	roadmap_day *first = malloc((rm->n_goals + 1) * sizeof(*first));
	bool *has = calloc(rm->n_goals + 1, sizeof(*has));

	if (!first || !has) {
		free(first);
		free(has);
		return rm_nomem(err);
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t k = 0;
		     roadmap_initiative_counts(in) && k < in->n_goals; k++) {
			long g = roadmap_goal_index(rm, in->goals[k]);
			if (g >= 0 && (!has[g] || in->start < first[g])) {
				first[g] = in->start;
				has[g] = true;
			}
		}
	}
	for (size_t g = 0; !st && g < rm->n_goals; g++) {
		t->goals[g].index = g;
		if (!goal_tracking(rm, &rm->goals[g], has[g], first[g], day,
				   &t->goals[g])) {
			st = rm_fail(err, ROADMAP_ERR_DATA,
				     "goal %s: its progress from baseline to "
				     "target is out of range (a ratio of 1e15 "
				     "or more)",
				     rm_quote(rm->goals[g].id, q, sizeof(q)));
		}
	}
	t->n_goals = rm->n_goals;
	free(first);
	free(has);
	return st;
}

enum roadmap_status roadmap_tracking(const struct roadmap *rm,
				     roadmap_day as_of,
				     const struct roadmap *baseline,
				     struct roadmap_tracking *out,
				     struct roadmap_error *err)
{
	enum roadmap_status st = ROADMAP_OK;
	char why[160];

	memset(out, 0, sizeof(*out));
	out->as_of = as_of;
	/* a BAC change is a difference of amounts: never across currencies */
	if (baseline &&
	    rm_currency_mismatch(baseline, rm, "the baseline's",
				 "status --baseline", why, sizeof(why))) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s", why);
	}
	out->initiatives = calloc(rm->n_inits + 1, sizeof(*out->initiatives));
	out->goals = calloc(rm->n_goals + 1, sizeof(*out->goals));
	if (!out->initiatives || !out->goals) {
		roadmap_tracking_release(out);
		return rm_nomem(err);
	}
	for (size_t i = 0; !st && i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_counts(in) || in->start > as_of) {
			continue;
		}
		struct roadmap_earned_value *x =
		    &out->initiatives[out->n_initiatives++];
		x->index = i;
		st = earned_value(rm, in, as_of, x, err);
	}
	if (st || (st = goals(rm, as_of, out, err)) ||
	    (st = portfolio(rm, baseline, out, err))) {
		roadmap_tracking_release(out);
		return st;
	}
	for (size_t i = 0; baseline && i < baseline->n_inits; i++) {
		const char *id = baseline->inits[i].id;
		if (!roadmap_find_initiative(rm, id) &&
		    !rm_list_add(&out->removed, &out->n_removed, id)) {
			roadmap_tracking_release(out);
			return rm_nomem(err);
		}
	}
	return ROADMAP_OK;
}
