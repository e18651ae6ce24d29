/*
 * check.c - the alignment check (roadmap(1), CHECK RULES): the rules of
 * references, order, goals, owners, capacity and time (money's are in
 * check-money.c), one pass each over the initiatives, and the order they run
 * in, on one thread or two.
 */

#include "check.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *roadmap_severity_name(enum roadmap_severity s)
{
	switch (s) {
	case ROADMAP_SEVERITY_ERROR:
		return "error";
	case ROADMAP_SEVERITY_WARNING:
		return "warning";
	case ROADMAP_SEVERITY_INFO:
		return "info";
	}
	return "info";
}

void roadmap_findings_release(struct roadmap_findings *f)
{
	if (!f) {
		return;
	}
	for (size_t i = 0; i < f->n; i++) {
		free(f->items[i].subject);
		free(f->items[i].message);
		rm_list_free(rm_list_own(f->items[i].related),
			     f->items[i].n_related);
	}
	free(f->items);
	memset(f, 0, sizeof(*f));
}

void ck_add(struct check *c, enum roadmap_severity sev, const char *code,
	    const char *subject, const char *fmt, ...)
{
	struct roadmap_findings *f = c->f;
	struct roadmap_finding x = {sev, code, NULL, NULL, NULL, 0};
	char buf[1024];
	va_list ap;

	if (c->nomem) {
		return;
	}
	if (f->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		struct roadmap_finding *p = realloc(f->items, cap * sizeof(*p));
		if (!p) {
			c->nomem = true;
			return;
		}
		f->items = p;
		c->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	x.subject = rm_strdup(subject);
	x.message = rm_strdup(buf);
	f->items[f->n++] = x;
	if (!x.subject || !x.message) {
		c->nomem = true;
	}
}

void ck_relate(struct check *c, const char *id)
{
	struct roadmap_finding *x = &c->f->items[c->f->n - 1];

	if (!c->nomem && !rm_list_add(&x->related, &x->n_related, id)) {
		c->nomem = true;
	}
}

void ck_at(struct check *c, long line)
{
	if (!c->nomem && c->f->n) {
		c->f->items[c->f->n - 1].line = line;
	}
}

void ck_at_quarter(struct check *c, long line, const char *quarter)
{
	if (!c->nomem && c->f->n) {
		c->f->items[c->f->n - 1].line = line;
		rm_finding_fingerprint(&c->f->items[c->f->n - 1], quarter, 0);
	}
}

void ck_amount(struct check *c, enum roadmap_amount_kind kind, int64_t v)
{
	if (!c->nomem && c->f->n) {
		c->f->items[c->f->n - 1].amount_kind = kind;
		c->f->items[c->f->n - 1].amount = v;
	}
}

/* The same, for an initiative named by id. */
void ck_at_initiative(struct check *c, const char *id)
{
	const struct roadmap_initiative *in =
	    roadmap_find_initiative(c->rm, id);

	ck_at(c, in ? in->line : 0);
}

void ck_sort_related(struct check *c)
{
	struct roadmap_finding *x = &c->f->items[c->f->n - 1];

	if (!c->nomem) {
		qsort(rm_list_own(x->related), x->n_related, sizeof(char *),
		      rm_strcmp_ptr);
	}
}

void ck_sum(struct check *c, int64_t *acc, int64_t v)
{
	if (!roadmap_money_add(*acc, v, acc)) {
		c->overflow = true;
	}
}

const char *ck_money(const struct roadmap *rm, int64_t v, char *buf)
{
	char m[32];

	snprintf(buf, 48, "%s %s", rm->currency,
		 roadmap_money_format(v, true, m));
	return buf;
}

static char *q(const char *s, char *buf)
{
	return (char *)rm_quote(s, buf, 160);
}

/* ------------------------------------------------------------ references */

static void check_references(struct check *c)
{
	const struct roadmap *rm = c->rm;
	const struct rm_refs *r = &c->refs;
	char b1[160];

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t g = 0; g < in->n_goals; g++) {
			if (r->goal[r->goff[i] + g] == RM_UNKNOWN) {
				ck_add(c, ROADMAP_SEVERITY_ERROR,
				       "unknown-reference", in->id,
				       "serves unknown goal %s",
				       q(in->goals[g], b1));
				ck_at(c, in->line);
				ck_relate(c, in->goals[g]);
			}
		}
		for (size_t d = 0; d < in->n_depends_on; d++) {
			if (r->dep[r->doff[i] + d] == RM_UNKNOWN) {
				ck_add(c, ROADMAP_SEVERITY_ERROR,
				       "unknown-reference", in->id,
				       "depends on unknown initiative %s",
				       q(in->depends_on[d], b1));
				ck_at(c, in->line);
				ck_relate(c, in->depends_on[d]);
			}
		}
		if (r->team[i] == RM_UNKNOWN) {
			ck_add(c, ROADMAP_SEVERITY_ERROR, "unknown-reference",
			       in->id, "names unknown team %s",
			       q(in->team, b1));
			ck_at(c, in->line);
			ck_relate(c, in->team);
		}
		if (r->pillar[i] == RM_UNKNOWN) {
			ck_add(c, ROADMAP_SEVERITY_ERROR, "unknown-reference",
			       in->id, "names unknown pillar %s",
			       q(in->pillar, b1));
			ck_at(c, in->line);
			ck_relate(c, in->pillar);
		}
	}
	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		char label[16];
		if (b->pillar && !roadmap_has_pillar(rm, b->pillar)) {
			ck_add(c, ROADMAP_SEVERITY_ERROR, "unknown-reference",
			       rm_budget_label(b, label, sizeof(label)),
			       "budget %s names unknown pillar %s", label,
			       q(b->pillar, b1));
			ck_at(c, b->line);
			ck_relate(c, b->pillar);
		}
	}
}

/* ------------------------------------------------- initiative-level rules */

static void check_initiatives(struct check *c)
{
	const struct roadmap *rm = c->rm;
	char d1[16], d2[16], b1[160];
	size_t k;

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		bool counts = roadmap_initiative_counts(in);
		if (counts && in->n_goals == 0) {
			ck_add(c, ROADMAP_SEVERITY_ERROR,
			       "unaligned-initiative", in->id,
			       "serves no goal");
			ck_at(c, in->line);
		}
		if (in->end < in->start) {
			ck_add(c, ROADMAP_SEVERITY_ERROR, "invalid-dates",
			       in->id, "ends %s, before it starts (%s)",
			       roadmap_day_format(in->end, d1),
			       roadmap_day_format(in->start, d2));
			ck_at(c, in->line);
		}
		if (!counts) {
			continue;
		}
		for (size_t d = 0; d < in->n_depends_on; d++) {
			if ((k = c->refs.dep[c->refs.doff[i] + d]) ==
			    RM_UNKNOWN) {
				continue;
			}
			const struct roadmap_initiative *p = &rm->inits[k];
			/* an edge inside a cycle is the cycle's finding */
			bool cyclic = c->comp && c->comp[i] != SIZE_MAX &&
				      c->comp[i] == c->comp[k];
			if (roadmap_initiative_counts(p) &&
			    in->start <= p->end && k != i && !cyclic) {
				ck_add(c, ROADMAP_SEVERITY_ERROR,
				       "dependency-order", in->id,
				       "starts %s, on or before the end of its "
				       "prerequisite %s (%s)",
				       roadmap_day_format(in->start, d1),
				       q(p->id, b1),
				       roadmap_day_format(p->end, d2));
				ck_at(c, in->line);
				ck_relate(c, p->id);
			}
		}
		for (size_t g = 0; g < in->n_goals; g++) {
			if ((k = c->refs.goal[c->refs.goff[i] + g]) ==
			    RM_UNKNOWN) {
				continue;
			}
			const struct roadmap_goal *goal = &rm->goals[k];
			if (goal->has_due && in->end > goal->due) {
				ck_add(c, ROADMAP_SEVERITY_WARNING,
				       "goal-deadline", in->id,
				       "ends %s, after goal %s is due (%s)",
				       roadmap_day_format(in->end, d1),
				       q(goal->id, b1),
				       roadmap_day_format(goal->due, d2));
				ck_at(c, in->line);
				ck_relate(c, goal->id);
			}
		}
	}
}

static void check_cycles(struct check *c)
{
	struct rm_graph own = {0};
	const struct rm_graph *g = c->graph ? c->graph : &own;
	struct rm_cycle *cy;
	size_t n;

	if (!c->graph && !rm_graph_build_refs(c->rm, &c->refs, &own)) {
		c->nomem = true;
		return;
	}
	if (!rm_graph_cycles(c->rm, g, &cy, &n, &c->comp)) {
		c->nomem = true;
		rm_graph_release(&own);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		ck_add(c, ROADMAP_SEVERITY_ERROR, "dependency-cycle",
		       cy[i].subject, "%s", cy[i].message);
		ck_at_initiative(c, cy[i].subject);
		for (size_t k = 0; k < cy[i].n_members; k++) {
			ck_relate(c, cy[i].members[k]);
		}
	}
	rm_cycles_free(cy, n);
	rm_graph_release(&own);
}

static void check_goals(struct check *c)
{
	const struct roadmap *rm = c->rm;
	bool *funded = calloc(rm->n_goals + 1, sizeof(bool));
	size_t k;

	if (!funded) {
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t g = 0;
		     roadmap_initiative_counts(in) && g < in->n_goals; g++) {
			if ((k = c->refs.goal[c->refs.goff[i] + g]) !=
			    RM_UNKNOWN) {
				funded[k] = true;
			}
		}
	}
	for (size_t g = 0; g < rm->n_goals; g++) {
		if (!funded[g]) {
			ck_add(c, ROADMAP_SEVERITY_WARNING, "goal-unfunded",
			       rm->goals[g].id,
			       "no initiative serves this goal");
			ck_at(c, rm->goals[g].line);
		}
	}
	free(funded);
}

static void check_owners(struct check *c)
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
		ck_add(c, ROADMAP_SEVERITY_WARNING, "owner-overload", name,
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

int64_t rm_quarter_load(const struct roadmap_initiative *in, int qi, int fs)
{
	roadmap_day s = roadmap_quarter_first(qi, fs);
	roadmap_day e = roadmap_quarter_last(qi, fs);

	s = s < in->start ? in->start : s;
	e = e > in->end ? in->end : e;
	return e < s ? 0 : in->fte * (e - s + 1);
}

static void check_capacity(struct check *c)
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
			if (num <= t->capacity * days) {
				continue;
			}
			char subject[96], label[12], l1[32], l2[32];
			roadmap_quarter_label(qi, label);
			snprintf(subject, sizeof(subject), "%s@%s", t->id,
				 label);
			/* load in hundredths, rounded half up */
			int64_t h = (num + days / 2) / days;
			ck_add(c, ROADMAP_SEVERITY_WARNING, "capacity-overrun",
			       subject,
			       "load %s FTE exceeds the capacity of %s FTE",
			       rm_hundredths_format(h, l1),
			       rm_hundredths_format(t->capacity, l2));
			ck_at(c, t->line);
			ck_amount(c, ROADMAP_AMOUNT_FTE, h - t->capacity);
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

/* ------------------------------------------------------------ order */

/* The rules of a day (roadmap(1), status), run only as of one: a late
 * initiative, a goal at risk or missed, a cost heading past its budget. */
static void check_tracking(struct check *c)
{
	const struct roadmap *rm = c->rm;
	struct roadmap_tracking t;
	char d1[16], m1[48], m2[48], n1[ROADMAP_NUMBER_BUF],
	    n2[ROADMAP_NUMBER_BUF];

	if (!c->has_as_of) {
		return;
	}
	if ((c->tracking_st =
		 roadmap_tracking(rm, c->as_of, NULL, &t, &c->tracking_err))) {
		return;
	}
	for (size_t k = 0; k < t.n_initiatives; k++) {
		const struct roadmap_earned_value *x = &t.initiatives[k];
		const struct roadmap_initiative *in = &rm->inits[x->index];
		if (x->late) {
			ck_add(c, ROADMAP_SEVERITY_WARNING, "initiative-late",
			       in->id,
			       "planned to end %s, %s %% complete on %s",
			       roadmap_day_format(in->end, d1),
			       roadmap_number_format(x->progress, n1),
			       roadmap_day_format(c->as_of, m1));
			ck_at(c, in->line);
		}
		int64_t at_end = x->has_eac ? x->eac : x->ac;
		if (x->cost_at_risk) {
			ck_add(
			    c, ROADMAP_SEVERITY_WARNING, "cost-at-risk", in->id,
			    "%s %s against a budget of %s (CPI %s; tolerance "
			    "%s%%)",
			    x->has_eac ? "estimate at completion"
				       : "spent with no progress:",
			    ck_money(rm, at_end, m1), ck_money(rm, x->bac, m2),
			    x->has_cpi ? roadmap_number_format(x->cpi, n1)
				       : "-",
			    roadmap_number_format(rm->policy.actuals_tolerance,
						  n2));
			ck_at(c, in->line);
			ck_amount(c, ROADMAP_AMOUNT_MONEY, at_end - x->bac);
		}
	}
	for (size_t k = 0; k < t.n_goals; k++) {
		const struct roadmap_goal_tracking *x = &t.goals[k];
		const struct roadmap_goal *g = &rm->goals[x->index];
		bool missed = x->state == ROADMAP_GOAL_MISSED;
		if (missed || x->state == ROADMAP_GOAL_AT_RISK) {
			ck_add(
			    c, ROADMAP_SEVERITY_WARNING, "goal-at-risk", g->id,
			    "%s: progress %s %% where %s %% is expected by %s "
			    "(due %s)",
			    missed ? "missed" : "at risk",
			    roadmap_number_format(
				roadmap_ratio_percent(x->progress), n1),
			    roadmap_number_format(
				missed ? 100
				       : roadmap_ratio_percent(x->expected),
				n2),
			    roadmap_day_format(c->as_of, m1),
			    roadmap_day_format(g->due, d1));
			ck_at(c, g->line);
		}
	}
	roadmap_tracking_release(&t);
}

enum roadmap_status roadmap_check(const struct roadmap *rm,
				  struct roadmap_findings *out,
				  struct roadmap_error *err)
{
	return roadmap_check_opt(rm, NULL, out, err);
}

/* The rules, in the order their findings are added. */
enum rule {
	R_REFERENCES,
	R_CYCLES,
	R_INITIATIVES, /* after R_CYCLES: it reads c->comp */
	R_GOALS,
	R_OWNERS,
	R_CAPACITY,
	R_BUDGETS,
	R_ENVELOPES,
	R_ACTUALS,
	R_MIX,
	R_TRACKING,
	N_RULES
};

static void (*const rules[N_RULES])(struct check *) = {
    check_references, check_cycles,   check_initiatives, check_goals,
    check_owners,     check_capacity, ck_budgets,	 ck_envelopes,
    ck_actuals,	      ck_mix,	      check_tracking};

/*
 * Each rule adds to findings of its own, put together in the rules' order
 * before they are sorted, so that on any number of threads they are the
 * same findings in the same order. With threads, the owners' rule (a hash
 * of every owner; it needs none of the tables) runs from the start, beside
 * the tables, and capacity and actuals beside the other rules.
 */
struct helper {
	struct check c; /* the helper's own copy: its flags, its findings */
	struct roadmap_findings *found;
	const enum rule *rules;
	size_t n;
	pthread_t tid;
	bool started;
};

static void run_rules(struct check *c, struct roadmap_findings *found,
		      const enum rule *r, size_t n)
{
	for (size_t k = 0; k < n && !c->nomem; k++) {
		c->f = &found[r[k]];
		c->cap = 0;
		rules[r[k]](c);
	}
}

static void *helper_main(void *arg)
{
	struct helper *h = arg;

	run_rules(&h->c, h->found, h->rules, h->n);
	return NULL;
}

static void helper_start(struct helper *h, const struct check *c,
			 struct roadmap_findings *found, const enum rule *r,
			 size_t n)
{
	h->c = *c;
	h->found = found;
	h->rules = r;
	h->n = n;
	h->started = pthread_create(&h->tid, NULL, helper_main, h) == 0;
}

/* Joins h, or runs its rules here when it could not start. */
static void helper_join(struct check *c, struct helper *h)
{
	if (h->started) {
		pthread_join(h->tid, NULL);
	} else {
		run_rules(&h->c, h->found, h->rules, h->n);
	}
	c->nomem = c->nomem || h->c.nomem;
	c->overflow = c->overflow || h->c.overflow;
	if (h->c.tracking_st && !c->tracking_st) {
		c->tracking_st = h->c.tracking_st;
		c->tracking_err = h->c.tracking_err;
	}
}

/* The rules' findings, in their order, into out. */
static void gather(struct check *c, struct roadmap_findings *found)
{
	struct roadmap_findings *out = c->f;
	size_t n = 0;

	for (int r = 0; r < N_RULES; r++) {
		n += found[r].n;
	}
	out->items = c->nomem ? NULL : malloc((n + 1) * sizeof(*out->items));
	for (int r = 0; r < N_RULES; r++) {
		if (out->items) {
			for (size_t k = 0; k < found[r].n; k++) {
				out->items[out->n++] = found[r].items[k];
			}
			free(found[r].items);
		} else {
			roadmap_findings_release(&found[r]);
		}
	}
	c->nomem = c->nomem || !out->items;
}

enum roadmap_status roadmap_check_opt(const struct roadmap *rm,
				      const struct roadmap_check_options *o,
				      struct roadmap_findings *out,
				      struct roadmap_error *err)
{
	return rm_check_prebuilt(rm, o, NULL, NULL, NULL, out, err);
}

enum roadmap_status rm_check_prebuilt(const struct roadmap *rm,
				      const struct roadmap_check_options *o,
				      const struct roadmap_spend *sp,
				      const struct rm_refs *refs,
				      const struct rm_graph *g,
				      struct roadmap_findings *out,
				      struct roadmap_error *err)
{
	static const enum rule early[] = {R_OWNERS};
	static const enum rule beside[] = {R_CAPACITY, R_ACTUALS};
	static const enum rule here[] = {R_REFERENCES, R_CYCLES,  R_INITIATIVES,
					 R_GOALS,      R_BUDGETS, R_ENVELOPES,
					 R_MIX,	       R_TRACKING};
	static const enum rule all[] = {
	    R_REFERENCES, R_CYCLES,   R_INITIATIVES, R_GOALS,
	    R_OWNERS,	  R_CAPACITY, R_BUDGETS,     R_ENVELOPES,
	    R_ACTUALS,	  R_MIX,      R_TRACKING};
	struct roadmap_findings found[N_RULES] = {{0}};
	struct check c = {0};
	struct helper h1 = {0}, h2 = {0};
	enum roadmap_status st = ROADMAP_OK;
	bool threads = o && o->threads && rm->n_inits >= 16384;

	memset(out, 0, sizeof(*out));
	memcpy(out->currency, rm->currency, sizeof(out->currency));
	c.rm = rm;
	c.has_as_of = o && o->has_as_of;
	c.as_of = c.has_as_of ? o->as_of : 0;
	if (threads) {
		helper_start(&h1, &c, found, early, 1);
	}
	if (sp) {
		/* the caller's tables, read and left to it */
		c.sp = *sp;
		c.refs = *refs;
		c.graph = g;
	} else {
		st = rm_spend_refs_build(rm, o && o->threads, &c.sp, &c.refs,
					 err);
	}
	if (!st && !ck_build_sums(&c)) {
		c.nomem = true;
	}
	if (!st && threads) {
		helper_start(&h2, &c, found, beside, 2);
		run_rules(&c, found, here, sizeof(here) / sizeof(here[0]));
		helper_join(&c, &h2);
	} else if (!st) {
		run_rules(&c, found, all, sizeof(all) / sizeof(all[0]));
	}
	if (threads) {
		helper_join(&c, &h1);
	}
	c.f = out;
	gather(&c, found);
	if (st) {
		roadmap_findings_release(out);
		return st;
	}
	if (!c.nomem &&
	    (!rm_findings_sort(out) || !rm_findings_fingerprints(out))) {
		c.nomem = true;
	}
	if (!sp) {
		roadmap_spend_release(&c.sp);
		rm_refs_release(&c.refs);
	}
	free(c.total);
	free((char *)c.pillar);
	free(c.pidx);
	free(c.comp);
	if (c.nomem) {
		st = rm_nomem(err);
	} else if (c.tracking_st) {
		st = c.tracking_st;
		if (err) {
			*err = c.tracking_err;
		}
	} else if (c.overflow) {
		st = rm_overflow(err, "planned spend");
	}
	if (st) {
		roadmap_findings_release(out);
	}
	return st;
}

/* The check, then only the findings whose subject or related ids name id
 * (show's findings are check's, with the same options). */
enum roadmap_status roadmap_item_findings(const struct roadmap *rm,
					  const char *id,
					  const struct roadmap_check_options *o,
					  struct roadmap_findings *out,
					  struct roadmap_error *err)
{
	enum roadmap_status st = roadmap_check_opt(rm, o, out, err);
	size_t kept = 0;

	if (st) {
		return st;
	}
	out->errors = out->warnings = out->infos = 0;
	for (size_t i = 0; i < out->n; i++) {
		struct roadmap_finding *x = &out->items[i];
		if (!rm_finding_concerns(x, id)) {
			free(x->subject);
			free(x->message);
			rm_list_free(rm_list_own(x->related), x->n_related);
			continue;
		}
		out->errors += x->severity == ROADMAP_SEVERITY_ERROR;
		out->warnings += x->severity == ROADMAP_SEVERITY_WARNING;
		out->infos += x->severity == ROADMAP_SEVERITY_INFO;
		out->items[kept++] = *x;
	}
	out->n = kept;
	return ROADMAP_OK;
}
