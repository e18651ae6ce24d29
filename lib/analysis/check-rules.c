/*
 * check-rules.c - the rules of references, order, goals, owners, capacity
 * and a day (roadmap(1), CHECK RULES); money's are in check-money.c, and
 * the table that says when each runs is in check.c.
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *q(const char *s, char *buf)
{
	return (char *)rm_quote(s, buf, 160);
}

/* ------------------------------------------------------------ references */

void ck_unknown_reference(struct check *c, size_t i)
{
	const struct roadmap_initiative *in = &c->rm->inits[i];
	const struct rm_refs *r = &c->refs;
	char b1[160];

	for (size_t g = 0; g < in->n_goals; g++) {
		if (r->goal[r->goff[i] + g] == RM_UNKNOWN) {
			ck_add(c, in->id, "serves unknown goal %s",
			       q(in->goals[g], b1));
			ck_at(c, in->line);
			ck_relate(c, in->goals[g]);
		}
	}
	for (size_t d = 0; d < in->n_depends_on; d++) {
		if (r->dep[r->doff[i] + d] == RM_UNKNOWN) {
			ck_add(c, in->id, "depends on unknown initiative %s",
			       q(in->depends_on[d], b1));
			ck_at(c, in->line);
			ck_relate(c, in->depends_on[d]);
		}
	}
	if (r->team[i] == RM_UNKNOWN) {
		ck_add(c, in->id, "names unknown team %s", q(in->team, b1));
		ck_at(c, in->line);
		ck_relate(c, in->team);
	}
	if (r->pillar[i] == RM_UNKNOWN) {
		ck_add(c, in->id, "names unknown pillar %s", q(in->pillar, b1));
		ck_at(c, in->line);
		ck_relate(c, in->pillar);
	}
}

/* unknown-reference, of an envelope */
void ck_unknown_pillar(struct check *c, size_t i)
{
	const struct roadmap_budget *b = &c->rm->budgets[i];
	char label[16], b1[160];

	if (b->pillar && !roadmap_has_pillar(c->rm, b->pillar)) {
		ck_add(c, rm_budget_label(b, label, sizeof(label)),
		       "budget %s names unknown pillar %s", label,
		       q(b->pillar, b1));
		ck_at(c, b->line);
		ck_relate(c, b->pillar);
	}
}

/* ------------------------------------------------- initiative-level rules */

void ck_unaligned_initiative(struct check *c, size_t i)
{
	const struct roadmap_initiative *in = &c->rm->inits[i];

	if (roadmap_initiative_counts(in) && in->n_goals == 0) {
		ck_add(c, in->id, "serves no goal");
		ck_at(c, in->line);
	}
}

void ck_invalid_dates(struct check *c, size_t i)
{
	const struct roadmap_initiative *in = &c->rm->inits[i];
	char d1[16], d2[16];

	if (in->end < in->start) {
		ck_add(c, in->id, "ends %s, before it starts (%s)",
		       roadmap_day_format(in->end, d1),
		       roadmap_day_format(in->start, d2));
		ck_at(c, in->line);
	}
}

void ck_dependency_order(struct check *c, size_t i)
{
	const struct roadmap *rm = c->rm;
	const struct roadmap_initiative *in = &rm->inits[i];
	char d1[16], d2[16], b1[160];
	size_t k;

	if (!roadmap_initiative_counts(in)) {
		return;
	}
	for (size_t d = 0; d < in->n_depends_on; d++) {
		if ((k = c->refs.dep[c->refs.doff[i] + d]) == RM_UNKNOWN) {
			continue;
		}
		const struct roadmap_initiative *p = &rm->inits[k];
		/* an edge inside a cycle is the cycle's finding */
		bool cyclic = c->comp && c->comp[i] != SIZE_MAX &&
			      c->comp[i] == c->comp[k];
		if (roadmap_initiative_counts(p) && in->start <= p->end &&
		    k != i && !cyclic) {
			ck_add(c, in->id,
			       "starts %s, on or before the end of its "
			       "prerequisite %s (%s)",
			       roadmap_day_format(in->start, d1), q(p->id, b1),
			       roadmap_day_format(p->end, d2));
			ck_at(c, in->line);
			ck_relate(c, p->id);
		}
	}
}

void ck_goal_deadline(struct check *c, size_t i)
{
	const struct roadmap *rm = c->rm;
	const struct roadmap_initiative *in = &rm->inits[i];
	char d1[16], d2[16], b1[160];
	size_t k;

	if (!roadmap_initiative_counts(in)) {
		return;
	}
	for (size_t g = 0; g < in->n_goals; g++) {
		if ((k = c->refs.goal[c->refs.goff[i] + g]) == RM_UNKNOWN) {
			continue;
		}
		const struct roadmap_goal *goal = &rm->goals[k];
		if (goal->has_due && in->end > goal->due) {
			ck_add(c, in->id, "ends %s, after goal %s is due (%s)",
			       roadmap_day_format(in->end, d1), q(goal->id, b1),
			       roadmap_day_format(goal->due, d2));
			ck_at(c, in->line);
			ck_relate(c, goal->id);
		}
	}
}

/* The cycles and each initiative's component, with the tables: the order
 * of dependencies reads the components. */
bool ck_build_cycles(struct check *c)
{
	struct rm_graph own = {0};
	const struct rm_graph *g = c->graph ? c->graph : &own;
	bool ok;

	if (!c->graph && !rm_graph_build_refs(c->rm, &c->refs, &own)) {
		return false;
	}
	ok = rm_graph_cycles(c->rm, g, &c->cycles, &c->n_cycles, &c->comp);
	rm_graph_release(&own);
	return ok;
}

void ck_dependency_cycle(struct check *c)
{
	for (size_t i = 0; i < c->n_cycles; i++) {
		const struct rm_cycle *cy = &c->cycles[i];
		ck_add(c, cy->subject, "%s", cy->message);
		ck_at_initiative(c, cy->subject);
		for (size_t k = 0; k < cy->n_members; k++) {
			ck_relate(c, cy->members[k]);
		}
	}
}

/* Per goal, how many initiatives that count serve it (funded) and how
 * many deferred ones do (deferred); NULL when out of memory. */
static size_t *goal_servers(struct check *c, size_t **deferred)
{
	const struct roadmap *rm = c->rm;
	size_t *funded = calloc(2 * rm->n_goals + 1, sizeof(size_t));
	size_t k;

	if (!funded) {
		c->nomem = true;
		return NULL;
	}
	*deferred = funded + rm->n_goals;
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		size_t *count = NULL;
		if (roadmap_initiative_counts(in)) {
			count = funded;
		} else if (in->status == ROADMAP_DEFERRED) {
			count = *deferred;
		}
		for (size_t g = 0; count && g < in->n_goals; g++) {
			if ((k = c->refs.goal[c->refs.goff[i] + g]) !=
			    RM_UNKNOWN) {
				count[k]++;
			}
		}
	}
	return funded;
}

/* A goal served by nothing: one served only by deferred work is
 * goal-deferred's instead (roadmap(1), CHECK RULES). */
void ck_goal_unfunded(struct check *c)
{
	const struct roadmap *rm = c->rm;
	size_t *deferred, *funded = goal_servers(c, &deferred);

	for (size_t g = 0; funded && g < rm->n_goals; g++) {
		if (!funded[g] && !deferred[g]) {
			ck_add(c, rm->goals[g].id,
			       "no initiative serves this goal");
			ck_at(c, rm->goals[g].line);
		}
	}
	free(funded);
}

void ck_goal_deferred(struct check *c)
{
	const struct roadmap *rm = c->rm;
	size_t *deferred, *funded = goal_servers(c, &deferred);

	for (size_t g = 0; funded && g < rm->n_goals; g++) {
		if (funded[g] || !deferred[g]) {
			continue;
		}
		if (deferred[g] == 1) {
			ck_add(c, rm->goals[g].id,
			       "the only initiative that serves this goal is "
			       "deferred");
		} else {
			ck_add(c, rm->goals[g].id,
			       "all %zu initiatives that serve this goal are "
			       "deferred",
			       deferred[g]);
		}
		ck_at(c, rm->goals[g].line);
		for (size_t i = 0; i < rm->n_inits; i++) {
			const struct roadmap_initiative *in = &rm->inits[i];
			for (size_t e = 0;
			     in->status == ROADMAP_DEFERRED && e < in->n_goals;
			     e++) {
				if (c->refs.goal[c->refs.goff[i] + e] == g) {
					ck_relate(c, in->id);
					break;
				}
			}
		}
	}
	free(funded);
}

void ck_owner_overload(struct check *c)
{
	const struct roadmap *rm = c->rm;
	struct idmap owners = {0};
	size_t n = rm->n_inits;
	uint64_t *hash = malloc((n + 1) * sizeof(*hash));
	size_t *count = calloc(n + 1, sizeof(size_t));
	size_t *first = calloc(n + 1, sizeof(size_t));
	size_t *next = malloc((n + 1) * sizeof(size_t));
	size_t *last = calloc(n + 1, sizeof(size_t));
	size_t n_owners = 0, k;

	if (!hash || !count || !first || !next || !last ||
	    !idmap_reserve(&owners, n)) {
		c->nomem = true;
		goto out;
	}
	/* the hashes first, so that each owner's slot is asked for well
	 * before its turn (see idmap_get_all) */
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		hash[i] = in->owner && roadmap_initiative_is_open(in)
			      ? idmap_hash(in->owner)
			      : 0;
	}
	/* each owner's open initiatives as a linked list in file order */
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		next[i] = SIZE_MAX;
		if (i + 16 < n) {
			idmap_prefetch(&owners, hash[i + 16]);
		}
		if (!in->owner || !roadmap_initiative_is_open(in)) {
			continue;
		}
		int added =
		    idmap_add_h(&owners, in->owner, hash[i], n_owners, &k);
		if (added < 0) {
			c->nomem = true;
			goto out;
		}
		if (added) {
			k = n_owners++;
			first[k] = i;
		} else {
			next[last[k]] = i;
		}
		last[k] = i;
		count[k]++;
	}
	int max = rm->policy.max_open_per_owner;
	for (k = 0; k < n_owners; k++) {
		if (count[k] <= (size_t)max) {
			continue;
		}
		const char *name = rm->inits[first[k]].owner;
		ck_add(c, name,
		       "owns %zu open initiatives; the policy allows %d",
		       count[k], max);
		size_t lowest = first[k]; /* the finding is at the lowest id */
		for (size_t i = first[k]; i != SIZE_MAX; i = next[i]) {
			ck_relate(c, rm->inits[i].id);
			if (strcmp(rm->inits[i].id, rm->inits[lowest].id) < 0) {
				lowest = i;
			}
		}
		ck_sort_related(c);
		ck_at(c, rm->inits[lowest].line);
	}
out:
	idmap_release(&owners);
	free(hash);
	free(count);
	free(first);
	free(next);
	free(last);
}

/* ------------------------------------------------------------ capacity */

int64_t rm_quarter_load_moved(const struct roadmap_initiative *in, int64_t days,
			      int qi, int fs)
{
	int64_t s = roadmap_quarter_first(qi, fs);
	int64_t e = roadmap_quarter_last(qi, fs);
	int64_t a = (int64_t)in->start + days, b = (int64_t)in->end + days;

	s = s < a ? a : s;
	e = e > b ? b : e;
	return e < s ? 0 : in->fte * (e - s + 1);
}

int64_t rm_quarter_load(const struct roadmap_initiative *in, int qi, int fs)
{
	return rm_quarter_load_moved(in, 0, qi, fs);
}

void ck_capacity_overrun(struct check *c)
{
	const struct roadmap *rm = c->rm;
	int fs = rm->fiscal_start;
	size_t T = rm->n_teams, k;
	int qa = 0, qb = -1;
	bool any = false;

	/* the quarters that open, dated, staffed initiatives touch */
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_is_open(in) || !in->team ||
		    in->end < in->start) {
			continue;
		}
		int a = roadmap_quarter_of(in->start, fs);
		int b = roadmap_quarter_of(in->end, fs);
		qa = any && qa < a ? qa : a;
		qb = any && qb > b ? qb : b;
		any = true;
	}
	if (!any || T == 0) {
		return;
	}
	size_t nq = (size_t)(qb - qa + 1);
	int64_t *load = calloc(T * nq, sizeof(int64_t));
	if (!load) {
		c->nomem = true;
		return;
	}
	/* load numerator: sum of fte (hundredths) x days in the quarter */
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_is_open(in) || in->end < in->start ||
		    (k = c->refs.team[i]) >= RM_NONE) {
			continue;
		}
		int a = roadmap_quarter_of(in->start, fs);
		int b = roadmap_quarter_of(in->end, fs);
		for (int qi = a; qi <= b; qi++) {
			load[k * nq + (size_t)(qi - qa)] +=
			    rm_quarter_load(in, qi, fs);
		}
	}
	/* each team's open, staffed initiatives, for the related ids */
	size_t *toff = calloc(T + 2, sizeof(size_t));
	size_t *tlist = malloc((rm->n_inits + 1) * sizeof(size_t));
	if (!toff || !tlist) {
		free(toff);
		free(tlist);
		free(load);
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (roadmap_initiative_is_open(in) && in->fte > 0 &&
		    in->start <= in->end && (k = c->refs.team[i]) < RM_NONE) {
			toff[k + 2]++;
		}
	}
	for (size_t t = 2; t < T + 2; t++) {
		toff[t] += toff[t - 1];
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (roadmap_initiative_is_open(in) && in->fte > 0 &&
		    in->start <= in->end && (k = c->refs.team[i]) < RM_NONE) {
			tlist[toff[k + 1]++] = i;
		}
	}
	for (k = 0; k < T; k++) {
		const struct roadmap_team *t = &rm->teams[k];
		for (size_t j = 0; j < nq; j++) {
			int qi = qa + (int)j;
			int64_t days = roadmap_quarter_last(qi, fs) -
				       roadmap_quarter_first(qi, fs) + 1;
			int64_t num = load[k * nq + j];
			int64_t cap = roadmap_team_capacity_days(
			    t, roadmap_quarter_first(qi, fs),
			    roadmap_quarter_last(qi, fs));
			if (num <= cap) {
				continue;
			}
			/* the quarter's day-weighted capacity, in hundredths
			 * rounded half up, as the load is */
			int64_t ch = (cap + days / 2) / days;
			char subject[96], label[12], l1[32], l2[32];
			roadmap_quarter_label(qi, label);
			snprintf(subject, sizeof(subject), "%s@%s", t->id,
				 label);
			/* load in hundredths, rounded half up */
			int64_t h = (num + days / 2) / days;
			ck_add(c, subject,
			       "load %s FTE exceeds the capacity of %s FTE",
			       rm_hundredths_format(h, l1),
			       rm_hundredths_format(ch, l2));
			ck_at(c, t->line);
			ck_amount(c, ROADMAP_AMOUNT_FTE, h - ch);
			roadmap_day qs = roadmap_quarter_first(qi, fs);
			roadmap_day qe = roadmap_quarter_last(qi, fs);
			for (size_t x = toff[k]; x < toff[k + 1]; x++) {
				const struct roadmap_initiative *in =
				    &rm->inits[tlist[x]];
				if (in->start <= qe && in->end >= qs) {
					ck_relate(c, in->id);
				}
			}
			ck_sort_related(c);
		}
	}
	free(toff);
	free(tlist);
	free(load);
}

/* ------------------------------------------------------------ a day */

/* The figures of the day (roadmap(1), status) the rules of a day read,
 * worked out once, by the first of them; false when they cannot be. */
static bool day(struct check *c)
{
	if (!c->has_day && !c->tracking_st) {
		c->tracking_st = roadmap_tracking(c->rm, c->as_of, NULL,
						  &c->day, &c->tracking_err);
		c->has_day = !c->tracking_st;
	}
	return c->has_day;
}

void ck_initiative_late(struct check *c)
{
	char d1[16], d2[16], n1[ROADMAP_NUMBER_BUF];

	for (size_t k = 0; day(c) && k < c->day.n_initiatives; k++) {
		const struct roadmap_earned_value *x = &c->day.initiatives[k];
		const struct roadmap_initiative *in = &c->rm->inits[x->index];
		if (x->late) {
			ck_add(c, in->id,
			       "planned to end %s, %s %% complete on %s",
			       roadmap_day_format(in->end, d1),
			       roadmap_number_format(x->progress, n1),
			       roadmap_day_format(c->as_of, d2));
			ck_at(c, in->line);
		}
	}
}

void ck_goal_at_risk(struct check *c)
{
	char d1[16], d2[16], n1[ROADMAP_NUMBER_BUF], n2[ROADMAP_NUMBER_BUF];

	for (size_t k = 0; day(c) && k < c->day.n_goals; k++) {
		const struct roadmap_goal_tracking *x = &c->day.goals[k];
		const struct roadmap_goal *g = &c->rm->goals[x->index];
		bool missed = x->state == ROADMAP_GOAL_MISSED;
		if (!missed && x->state != ROADMAP_GOAL_AT_RISK) {
			continue;
		}
		ck_add(
		    c, g->id,
		    "%s: progress %s %% where %s %% is expected by %s "
		    "(due %s)",
		    missed ? "missed" : "at risk",
		    roadmap_number_format(roadmap_ratio_percent(x->progress),
					  n1),
		    roadmap_number_format(
			missed ? 100 : roadmap_ratio_percent(x->expected), n2),
		    roadmap_day_format(c->as_of, d1),
		    roadmap_day_format(g->due, d2));
		ck_at(c, g->line);
	}
}

void ck_cost_at_risk(struct check *c)
{
	const struct roadmap *rm = c->rm;
	char m1[48], m2[48], n1[ROADMAP_NUMBER_BUF], n2[ROADMAP_NUMBER_BUF];

	for (size_t k = 0; day(c) && k < c->day.n_initiatives; k++) {
		const struct roadmap_earned_value *x = &c->day.initiatives[k];
		const struct roadmap_initiative *in = &rm->inits[x->index];
		int64_t at_end = x->has_eac ? x->eac : x->ac;
		if (!x->cost_at_risk) {
			continue;
		}
		ck_add(c, in->id,
		       "%s %s against a budget of %s (CPI %s; tolerance %s%%)",
		       x->has_eac ? "estimate at completion"
				  : "spent with no progress:",
		       ck_money(rm, at_end, m1), ck_money(rm, x->bac, m2),
		       x->has_cpi ? roadmap_number_format(x->cpi, n1) : "-",
		       roadmap_number_format(rm->policy.actuals_tolerance, n2));
		ck_at(c, in->line);
		ck_amount(c, ROADMAP_AMOUNT_MONEY, at_end - x->bac);
	}
}
