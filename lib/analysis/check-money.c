/*
 * check-money.c - the rules of money (roadmap(1), CHECK RULES): envelopes
 * against planned spend, actuals against plan, the mix of spend against its
 * targets. The planned spend per quarter is summed once, in total and per
 * pillar.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static int64_t *cell(struct check *c, int64_t *base, int qi)
{
	if (qi < c->q0 || (size_t)(qi - c->q0) >= c->nq) {
		return NULL;
	}
	return &base[qi - c->q0];
}

/* Planned spend of counting initiatives (of pillar, if not NULL) over the
 * quarters q0..q1. */
static int64_t planned(struct check *c, const char *pillar, int qa, int qb)
{
	const struct roadmap *rm = c->rm;
	int64_t s = 0;
	long p = -1;

	if (pillar) {
		for (size_t i = 0; i < rm->n_pillars; i++) {
			if (strcmp(rm->pillars[i], pillar) == 0) {
				p = (long)i;
			}
		}
		if (p < 0) {
			/* an undeclared pillar: rare, so scan for it */
			for (size_t i = 0; i < rm->n_inits; i++) {
				const struct roadmap_initiative *in =
				    &rm->inits[i];
				if (!in->pillar || strcmp(in->pillar, pillar)) {
					continue;
				}
				for (int k = 0; k < c->sp.n[i]; k++) {
					int qi = c->sp.q0[i] + k;
					size_t o = c->sp.off[i] + (size_t)k;
					if (qi >= qa && qi <= qb) {
						ck_sum(c, &s, c->sp.opex[o]);
						ck_sum(c, &s, c->sp.capex[o]);
					}
				}
			}
			return s;
		}
	}
	for (int qi = qa; qi <= qb; qi++) {
		int64_t *v = cell(
		    c, p < 0 ? c->total : c->pillar + (size_t)p * c->nq, qi);
		if (v) {
			ck_sum(c, &s, *v);
		}
	}
	return s;
}

bool ck_build_sums(struct check *c)
{
	const struct roadmap *rm = c->rm;
	int qa = c->sp.qmin, qb = c->sp.qmax;
	bool any = c->sp.any;

	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		int z, a = rm_budget_quarters(b, &z);
		qa = any && qa < a ? qa : a;
		qb = any && qb > z ? qb : z;
		any = true;
	}
	if (!any) {
		return true;
	}
	c->q0 = qa;
	c->nq = (size_t)(qb - qa + 1);
	c->total = calloc(c->nq, sizeof(int64_t));
	c->pillar = calloc(c->nq * (rm->n_pillars + 1), sizeof(int64_t));
	c->pidx = malloc((rm->n_inits + 1) * sizeof(int));
	if (!c->total || !c->pillar || !c->pidx) {
		return false;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		c->pidx[i] =
		    c->refs.pillar[i] < RM_NONE ? (int)c->refs.pillar[i] : -1;
		(void)in;
		for (int k = 0; k < c->sp.n[i]; k++) {
			size_t o = c->sp.off[i] + (size_t)k;
			size_t j = (size_t)(c->sp.q0[i] + k - c->q0);
			int64_t v = c->sp.opex[o];
			ck_sum(c, &v, c->sp.capex[o]);
			ck_sum(c, &c->total[j], v);
			if (c->pidx[i] >= 0) {
				ck_sum(
				    c,
				    &c->pillar[(size_t)c->pidx[i] * c->nq + j],
				    v);
			}
		}
	}
	return true;
}

void ck_budget_overrun(struct check *c, size_t i)
{
	const struct roadmap *rm = c->rm;
	const struct roadmap_budget *b = &rm->budgets[i];
	char m1[48], m2[48], m3[48], subject[96];
	int z, a = rm_budget_quarters(b, &z);
	int64_t plan = planned(c, b->pillar, a, z);

	if (plan <= b->amount) {
		return;
	}
	rm_budget_key(b, subject, sizeof(subject));
	ck_add(c, subject, "planned %s exceeds the envelope of %s by %s",
	       ck_money(rm, plan, m1), ck_money(rm, b->amount, m2),
	       ck_money(rm, plan - b->amount, m3));
	ck_at(c, b->line);
	ck_amount(c, ROADMAP_AMOUNT_MONEY, plan - b->amount);
}

void ck_unbudgeted_spend(struct check *c)
{
	const struct roadmap *rm = c->rm;
	char m1[48];

	if (rm->n_budgets == 0 || !c->sp.any) {
		return;
	}
	bool *on = rm_enveloped_quarters(rm, c->sp.qmin, c->sp.qmax);
	if (!on) {
		c->nomem = true;
		return;
	}
	for (int qi = c->sp.qmin; qi <= c->sp.qmax; qi++) {
		int64_t *v = cell(c, c->total, qi);
		if (!v || *v == 0) {
			continue;
		}
		if (!on[qi - c->sp.qmin]) {
			char label[12];
			ck_add(c, roadmap_quarter_label(qi, label),
			       "%s planned with no quarter or fiscal-year "
			       "envelope",
			       ck_money(rm, *v, m1));
			ck_amount(c, ROADMAP_AMOUNT_MONEY, *v);
		}
	}
	free(on);
}

/*
 * A fiscal year's quarter envelopes against its year envelope, of one
 * pillar or the all-pillar ones (docs/roadmap.1.scd, envelope-mismatch):
 * all four that do not add up to it, or any number that exceed it. Fewer
 * than four that add up to less leave the rest of the year to its other
 * quarters.
 */
void ck_envelope_mismatch(struct check *c, size_t i)
{
	const struct roadmap *rm = c->rm;
	const struct roadmap_budget *y = &rm->budgets[i];
	char m1[48], m2[48], m3[48], subject[96];
	int64_t sum = 0;
	int n = 0;

	if (!y->is_year) {
		return;
	}
	for (int k = 1; k <= 4; k++) {
		struct roadmap_budget q = {false, y->year, k, y->pillar, 0, 0};
		long j = rm_budget_find(rm, &q);
		if (j >= 0) {
			ck_sum(c, &sum, rm->budgets[j].amount);
			n++;
		}
	}
	if (n == 0 || sum == y->amount || (n < 4 && sum < y->amount)) {
		return;
	}
	/* at most five amounts: no overflow */
	int64_t diff = sum > y->amount ? sum - y->amount : y->amount - sum;
	rm_budget_key(y, subject, sizeof(subject));
	ck_add(c, subject,
	       "its quarter envelopes (%d of 4) add up to %s against "
	       "the fiscal-year envelope of %s: %s %s",
	       n, ck_money(rm, sum, m1), ck_money(rm, y->amount, m2),
	       ck_money(rm, diff, m3), sum > y->amount ? "more" : "less");
	ck_at(c, y->line);
	ck_amount(c, ROADMAP_AMOUNT_MONEY, diff);
}

void ck_actuals_overrun(struct check *c, size_t i)
{
	const struct roadmap *rm = c->rm;
	const struct roadmap_initiative *in = &rm->inits[i];
	int64_t tol = (int64_t)(rm->policy.actuals_tolerance * 100 + 0.5);
	char m1[48], m2[48], label[12];

	if (!roadmap_initiative_counts(in)) {
		return;
	}
	for (size_t a = 0; a < in->n_actuals; a++) {
		int qi = in->actuals[a].qi;
		int64_t actual = in->actuals[a].amount, plan = 0;
		int k = qi - c->sp.q0[i];
		if (c->sp.n[i] && k >= 0 && k < c->sp.n[i]) {
			size_t o = c->sp.off[i] + (size_t)k;
			plan = c->sp.opex[o] + c->sp.capex[o];
		}
		/* actual > plan * (1 + tol%), exactly */
		if (rm_cmp128(rm_mul64((uint64_t)actual, 10000),
			      rm_mul64((uint64_t)plan,
				       (uint64_t)(10000 + tol))) <= 0) {
			continue;
		}
		roadmap_quarter_label(qi, label);
		if (plan == 0) {
			ck_add(c, in->id,
			       "actual %s in %s with nothing planned there",
			       ck_money(rm, actual, m1), label);
			ck_at_quarter(c, in->line, label);
			ck_amount(c, ROADMAP_AMOUNT_MONEY, actual);
			continue;
		}
		/* both at most one amount: 64 bits hold it */
		int64_t over = ((actual - plan) * 1000 + plan / 2) / plan;
		char m3[48], tolt[ROADMAP_NUMBER_BUF];
		ck_add(
		    c, in->id,
		    "actual %s in %s exceeds the planned %s by %s "
		    "(%lld.%lld%%; tolerance %s%%)",
		    ck_money(rm, actual, m1), label, ck_money(rm, plan, m2),
		    ck_money(rm, actual - plan, m3), (long long)(over / 10),
		    (long long)(over % 10),
		    roadmap_number_format(rm->policy.actuals_tolerance, tolt));
		ck_at_quarter(c, in->line, label);
		ck_amount(c, ROADMAP_AMOUNT_MONEY, actual - plan);
	}
}

static void mix_one(struct check *c, const char *pillar, double target,
		    int64_t total)
{
	const struct roadmap *rm = c->rm;
	int64_t spend =
	    c->sp.any ? planned(c, pillar, c->sp.qmin, c->sp.qmax) : 0;
	int64_t t = rm_percent_hundredths(target);
	int64_t tol = rm_percent_hundredths(rm->policy.mix_tolerance);
	/* |spend x 10000 - t x total| <= tol x total, exactly: all of them
	 * are non-negative, so two comparisons of 128-bit products */
	struct rm_u128 s = rm_mul64((uint64_t)spend, 10000);
	if (rm_cmp128(s, rm_mul64((uint64_t)(t + tol), (uint64_t)total)) <= 0 &&
	    rm_cmp128(rm_add128(s, rm_mul64((uint64_t)tol, (uint64_t)total)),
		      rm_mul64((uint64_t)t, (uint64_t)total)) >= 0) {
		return;
	}
	/* the share budget --by pillar shows (roadmap(1), budget) */
	int64_t share = rm_share_permille(spend, total);
	char t1[ROADMAP_NUMBER_BUF], t2[ROADMAP_NUMBER_BUF];
	ck_add(c, pillar,
	       "%lld.%lld%% of planned spend against a target of %s%% "
	       "(tolerance %s points)",
	       (long long)(share / 10), (long long)(share % 10),
	       roadmap_number_format(target, t1),
	       roadmap_number_format(rm->policy.mix_tolerance, t2));
}

void ck_mix_off_target(struct check *c)
{
	const struct roadmap *rm = c->rm;
	const struct roadmap_policy *p = &rm->policy;

	if (!p->n_target_mix || !c->sp.any) {
		return;
	}
	int64_t total = planned(c, NULL, c->sp.qmin, c->sp.qmax);
	if (total <= 0) {
		return;
	}
	for (size_t i = 0; i < p->n_target_mix; i++) {
		mix_one(c, p->target_mix_pillar[i], p->target_mix_percent[i],
			total);
	}
	/* declared pillars with spend but no target count as a target of 0 */
	for (size_t k = 0; k < rm->n_pillars; k++) {
		bool targeted = false;
		for (size_t i = 0; i < p->n_target_mix; i++) {
			targeted = targeted || strcmp(p->target_mix_pillar[i],
						      rm->pillars[k]) == 0;
		}
		if (!targeted) {
			mix_one(c, rm->pillars[k], 0, total);
		}
	}
}
