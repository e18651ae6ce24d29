/*
 * check.c - the alignment check (SPEC 6): every rule, one pass each over
 * the initiatives, with sums checked for overflow.
 */
#include "graph.h"

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
		rm_list_free(f->items[i].related, f->items[i].n_related);
	}
	free(f->items);
	memset(f, 0, sizeof(*f));
}

struct ctx {
	const struct roadmap *rm;
	struct roadmap_findings *f;
	size_t cap;
	bool nomem, overflow;
	struct roadmap_spend sp;
	int q0;		 /* first quarter of the arrays below */
	size_t nq;	 /* quarters covered */
	int64_t *total;	 /* planned per quarter, all pillars */
	int64_t *pillar; /* planned per declared pillar and quarter */
	int *pidx;	 /* declared pillar of each initiative, or -1 */
	struct rm_refs refs;
	size_t *comp; /* dependency-cycle component of each initiative */
};

/* Adds a finding; takes ownership of related (which it sorts). */
__attribute__((format(printf, 5, 6))) static void
add(struct ctx *c, enum roadmap_severity sev, const char *code,
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

/* Appends a related id to the last finding. */
static void relate(struct ctx *c, const char *id)
{
	struct roadmap_finding *x = &c->f->items[c->f->n - 1];

	if (!c->nomem && !rm_list_push(&x->related, &x->n_related, id)) {
		c->nomem = true;
	}
}

/* Where the last finding's item is in the file (see roadmap_finding). */
static void at(struct ctx *c, long line)
{
	if (!c->nomem && c->f->n) {
		c->f->items[c->f->n - 1].line = line;
	}
}

/* The same, for a finding told apart from its initiative's others by a
 * quarter: the quarter goes into its fingerprint. */
static void at_quarter(struct ctx *c, long line, const char *quarter)
{
	if (!c->nomem && c->f->n) {
		c->f->items[c->f->n - 1].line = line;
		rm_finding_fingerprint(&c->f->items[c->f->n - 1], quarter, 0);
	}
}

/* The same, for an initiative named by id. */
static void at_initiative(struct ctx *c, const char *id)
{
	const struct roadmap_initiative *in =
	    roadmap_find_initiative(c->rm, id);

	at(c, in ? in->line : 0);
}

static void sort_related(struct ctx *c)
{
	struct roadmap_finding *x = &c->f->items[c->f->n - 1];

	if (!c->nomem) {
		qsort(x->related, x->n_related, sizeof(char *), rm_strcmp_ptr);
	}
}

static void sum(struct ctx *c, int64_t *acc, int64_t v)
{
	if (!roadmap_money_add(*acc, v, acc)) {
		c->overflow = true;
	}
}

static const char *money(const struct roadmap *rm, int64_t v, char *buf)
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

static void check_references(struct ctx *c)
{
	const struct roadmap *rm = c->rm;
	const struct rm_refs *r = &c->refs;
	char b1[160];

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t g = 0; g < in->n_goals; g++) {
			if (r->goal[r->goff[i] + g] == RM_UNKNOWN) {
				add(c, ROADMAP_SEVERITY_ERROR,
				    "unknown-reference", in->id,
				    "serves unknown goal %s",
				    q(in->goals[g], b1));
				at(c, in->line);
				relate(c, in->goals[g]);
			}
		}
		for (size_t d = 0; d < in->n_depends_on; d++) {
			if (r->dep[r->doff[i] + d] == RM_UNKNOWN) {
				add(c, ROADMAP_SEVERITY_ERROR,
				    "unknown-reference", in->id,
				    "depends on unknown initiative %s",
				    q(in->depends_on[d], b1));
				at(c, in->line);
				relate(c, in->depends_on[d]);
			}
		}
		if (r->team[i] == RM_UNKNOWN) {
			add(c, ROADMAP_SEVERITY_ERROR, "unknown-reference",
			    in->id, "names unknown team %s", q(in->team, b1));
			at(c, in->line);
			relate(c, in->team);
		}
		if (r->pillar[i] == RM_UNKNOWN) {
			add(c, ROADMAP_SEVERITY_ERROR, "unknown-reference",
			    in->id, "names unknown pillar %s",
			    q(in->pillar, b1));
			at(c, in->line);
			relate(c, in->pillar);
		}
	}
	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		char label[16];
		if (b->pillar && !roadmap_has_pillar(rm, b->pillar)) {
			add(c, ROADMAP_SEVERITY_ERROR, "unknown-reference",
			    rm_budget_label(b, label, sizeof(label)),
			    "budget %s names unknown pillar %s", label,
			    q(b->pillar, b1));
			at(c, b->line);
			relate(c, b->pillar);
		}
	}
}

/* ------------------------------------------------- initiative-level rules */

static void check_initiatives(struct ctx *c)
{
	const struct roadmap *rm = c->rm;
	char d1[16], d2[16], b1[160];
	size_t k;

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		bool counts = roadmap_initiative_counts(in);
		if (counts && in->n_goals == 0) {
			add(c, ROADMAP_SEVERITY_ERROR, "unaligned-initiative",
			    in->id, "serves no goal");
			at(c, in->line);
		}
		if (in->end < in->start) {
			add(c, ROADMAP_SEVERITY_ERROR, "invalid-dates", in->id,
			    "ends %s, before it starts (%s)",
			    roadmap_day_format(in->end, d1),
			    roadmap_day_format(in->start, d2));
			at(c, in->line);
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
				add(c, ROADMAP_SEVERITY_ERROR,
				    "dependency-order", in->id,
				    "starts %s, on or before the end of its "
				    "prerequisite %s (%s)",
				    roadmap_day_format(in->start, d1),
				    q(p->id, b1),
				    roadmap_day_format(p->end, d2));
				at(c, in->line);
				relate(c, p->id);
			}
		}
		for (size_t g = 0; g < in->n_goals; g++) {
			if ((k = c->refs.goal[c->refs.goff[i] + g]) ==
			    RM_UNKNOWN) {
				continue;
			}
			const struct roadmap_goal *goal = &rm->goals[k];
			if (goal->has_due && in->end > goal->due) {
				add(c, ROADMAP_SEVERITY_WARNING,
				    "goal-deadline", in->id,
				    "ends %s, after goal %s is due (%s)",
				    roadmap_day_format(in->end, d1),
				    q(goal->id, b1),
				    roadmap_day_format(goal->due, d2));
				at(c, in->line);
				relate(c, goal->id);
			}
		}
	}
}

static void check_cycles(struct ctx *c)
{
	struct rm_graph g;
	struct rm_cycle *cy;
	size_t n;

	if (!rm_graph_build_refs(c->rm, &c->refs, &g)) {
		c->nomem = true;
		return;
	}
	if (!rm_graph_cycles(c->rm, &g, &cy, &n, &c->comp)) {
		c->nomem = true;
		rm_graph_release(&g);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		add(c, ROADMAP_SEVERITY_ERROR, "dependency-cycle",
		    cy[i].subject, "%s", cy[i].message);
		at_initiative(c, cy[i].subject);
		for (size_t k = 0; k < cy[i].n_members; k++) {
			relate(c, cy[i].members[k]);
		}
	}
	rm_cycles_free(cy, n);
	rm_graph_release(&g);
}

static void check_goals(struct ctx *c)
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
			add(c, ROADMAP_SEVERITY_WARNING, "goal-unfunded",
			    rm->goals[g].id, "no initiative serves this goal");
			at(c, rm->goals[g].line);
		}
	}
	free(funded);
}

static void check_owners(struct ctx *c)
{
	const struct roadmap *rm = c->rm;
	struct idmap owners = {0};
	size_t n = rm->n_inits;
	size_t *owner = malloc((n + 1) * sizeof(size_t));
	size_t *count = calloc(n + 1, sizeof(size_t));
	size_t *first = calloc(n + 1, sizeof(size_t));
	size_t *next = malloc((n + 1) * sizeof(size_t));
	size_t *last = calloc(n + 1, sizeof(size_t));
	size_t n_owners = 0, k;

	if (!owner || !count || !first || !next || !last) {
		c->nomem = true;
		goto out;
	}
	/* each owner's open initiatives as a linked list in file order */
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		next[i] = SIZE_MAX;
		if (!in->owner || !roadmap_initiative_is_open(in)) {
			continue;
		}
		if (!idmap_get(&owners, in->owner, &k)) {
			k = n_owners++;
			first[k] = i;
			if (!idmap_put(&owners, in->owner, k)) {
				c->nomem = true;
				goto out;
			}
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
		add(c, ROADMAP_SEVERITY_WARNING, "owner-overload", name,
		    "owns %zu open initiatives; the policy allows %d", count[k],
		    max);
		for (size_t i = first[k]; i != SIZE_MAX; i = next[i]) {
			relate(c, rm->inits[i].id);
		}
		sort_related(c);
		if (!c->nomem && c->f->items[c->f->n - 1].n_related) {
			at_initiative(c, c->f->items[c->f->n - 1].related[0]);
		}
	}
out:
	idmap_release(&owners);
	free(owner);
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

static void check_capacity(struct ctx *c)
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
			add(c, ROADMAP_SEVERITY_WARNING, "capacity-overrun",
			    subject,
			    "load %s FTE exceeds the capacity of %s FTE",
			    rm_hundredths_format(h, l1),
			    rm_hundredths_format(t->capacity, l2));
			at(c, t->line);
			roadmap_day qs = roadmap_quarter_first(qi, fs);
			roadmap_day qe = roadmap_quarter_last(qi, fs);
			for (size_t x = toff[k]; x < toff[k + 1]; x++) {
				const struct roadmap_initiative *in =
				    &rm->inits[tlist[x]];
				if (in->start <= qe && in->end >= qs) {
					relate(c, in->id);
				}
			}
			sort_related(c);
		}
	}
	free(toff);
	free(tlist);
	free(load);
}

/* ------------------------------------------------------------ money */

static int64_t *cell(struct ctx *c, int64_t *base, int qi)
{
	if (qi < c->q0 || (size_t)(qi - c->q0) >= c->nq) {
		return NULL;
	}
	return &base[qi - c->q0];
}

/* Planned spend of counting initiatives (of pillar, if not NULL) over the
 * quarters q0..q1. */
static int64_t planned(struct ctx *c, const char *pillar, int qa, int qb)
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
						sum(c, &s, c->sp.opex[o]);
						sum(c, &s, c->sp.capex[o]);
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
			sum(c, &s, *v);
		}
	}
	return s;
}

static bool build_sums(struct ctx *c)
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
			sum(c, &v, c->sp.capex[o]);
			sum(c, &c->total[j], v);
			if (c->pidx[i] >= 0) {
				sum(c,
				    &c->pillar[(size_t)c->pidx[i] * c->nq + j],
				    v);
			}
		}
	}
	return true;
}

static void check_budgets(struct ctx *c)
{
	const struct roadmap *rm = c->rm;
	char m1[48], m2[48], m3[48];

	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		int z, a = rm_budget_quarters(b, &z);
		int64_t plan = planned(c, b->pillar, a, z);
		if (plan <= b->amount) {
			continue;
		}
		char subject[96];
		rm_budget_key(b, subject, sizeof(subject));
		add(c, ROADMAP_SEVERITY_ERROR, "budget-overrun", subject,
		    "planned %s exceeds the envelope of %s by %s",
		    money(rm, plan, m1), money(rm, b->amount, m2),
		    money(rm, plan - b->amount, m3));
		at(c, b->line);
	}
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
			add(c, ROADMAP_SEVERITY_WARNING, "unbudgeted-spend",
			    roadmap_quarter_label(qi, label),
			    "%s planned with no quarter or fiscal-year "
			    "envelope",
			    money(rm, *v, m1));
		}
	}
	free(on);
}

static void check_actuals(struct ctx *c)
{
	const struct roadmap *rm = c->rm;
	int64_t tol = (int64_t)(rm->policy.actuals_tolerance * 100 + 0.5);
	char m1[48], m2[48], label[12];

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_counts(in)) {
			continue;
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
				add(c, ROADMAP_SEVERITY_WARNING,
				    "actuals-overrun", in->id,
				    "actual %s in %s with nothing planned "
				    "there",
				    money(rm, actual, m1), label);
				at_quarter(c, in->line, label);
				continue;
			}
			/* both at most one amount: 64 bits hold it */
			int64_t over =
			    ((actual - plan) * 1000 + plan / 2) / plan;
			char m3[48], tolt[ROADMAP_NUMBER_BUF];
			add(c, ROADMAP_SEVERITY_WARNING, "actuals-overrun",
			    in->id,
			    "actual %s in %s exceeds the planned %s by %s "
			    "(%lld.%lld%%; tolerance %s%%)",
			    money(rm, actual, m1), label, money(rm, plan, m2),
			    money(rm, actual - plan, m3),
			    (long long)(over / 10), (long long)(over % 10),
			    roadmap_number_format(rm->policy.actuals_tolerance,
						  tolt));
			at_quarter(c, in->line, label);
		}
	}
}

static void mix_one(struct ctx *c, const char *pillar, double target,
		    int64_t total)
{
	const struct roadmap *rm = c->rm;
	int64_t spend =
	    c->sp.any ? planned(c, pillar, c->sp.qmin, c->sp.qmax) : 0;
	int64_t t = (int64_t)(target * 100 + 0.5);
	int64_t tol = (int64_t)(rm->policy.mix_tolerance * 100 + 0.5);
	/* |spend x 10000 - t x total| <= tol x total, exactly: all of them
	 * are non-negative, so two comparisons of 128-bit products */
	struct rm_u128 s = rm_mul64((uint64_t)spend, 10000);
	if (rm_cmp128(s, rm_mul64((uint64_t)(t + tol), (uint64_t)total)) <= 0 &&
	    rm_cmp128(rm_add128(s, rm_mul64((uint64_t)tol, (uint64_t)total)),
		      rm_mul64((uint64_t)t, (uint64_t)total)) >= 0) {
		return;
	}
	/* a pillar's spend is at most the total: the share is at most 1000 */
	struct rm_u128 half = {0, (uint64_t)total / 2};
	int64_t share =
	    (int64_t)rm_div128(rm_add128(rm_mul64((uint64_t)spend, 1000), half),
			       (uint64_t)total, NULL);
	char t1[ROADMAP_NUMBER_BUF], t2[ROADMAP_NUMBER_BUF];
	add(c, ROADMAP_SEVERITY_WARNING, "mix-off-target", pillar,
	    "%lld.%lld%% of planned spend against a target of %s%% "
	    "(tolerance %s points)",
	    (long long)(share / 10), (long long)(share % 10),
	    roadmap_number_format(target, t1),
	    roadmap_number_format(rm->policy.mix_tolerance, t2));
}

static void check_mix(struct ctx *c)
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

/* ------------------------------------------------------------ order */

/* The rules of a day (SPEC 17), run only as of one: a late initiative, a
 * goal at risk or missed, a cost heading past its budget. */
static void check_tracking(struct ctx *c, roadmap_day day)
{
	const struct roadmap *rm = c->rm;
	struct roadmap_tracking t;
	char d1[16], m1[48], m2[48], n1[ROADMAP_NUMBER_BUF],
	    n2[ROADMAP_NUMBER_BUF];

	if (roadmap_tracking(rm, day, NULL, &t, NULL)) {
		c->overflow = true;
		return;
	}
	for (size_t k = 0; k < t.n_initiatives; k++) {
		const struct roadmap_earned_value *x = &t.initiatives[k];
		const struct roadmap_initiative *in = &rm->inits[x->index];
		if (x->late) {
			add(c, ROADMAP_SEVERITY_WARNING, "initiative-late",
			    in->id, "planned to end %s, %s %% complete on %s",
			    roadmap_day_format(in->end, d1),
			    roadmap_number_format(x->progress, n1),
			    roadmap_day_format(day, m1));
			at(c, in->line);
		}
		int64_t at_end = x->has_eac ? x->eac : x->ac;
		if (x->cost_at_risk) {
			add(c, ROADMAP_SEVERITY_WARNING, "cost-at-risk", in->id,
			    "%s %s against a budget of %s (CPI %s; tolerance "
			    "%s%%)",
			    x->has_eac ? "estimate at completion"
				       : "spent with no progress:",
			    money(rm, at_end, m1), money(rm, x->bac, m2),
			    x->has_cpi ? roadmap_number_format(x->cpi, n1) : "-",
			    roadmap_number_format(rm->policy.actuals_tolerance,
						  n2));
			at(c, in->line);
		}
	}
	for (size_t k = 0; k < t.n_goals; k++) {
		const struct roadmap_goal_tracking *x = &t.goals[k];
		const struct roadmap_goal *g = &rm->goals[x->index];
		bool missed = x->state == ROADMAP_GOAL_MISSED;
		if (missed || x->state == ROADMAP_GOAL_AT_RISK) {
			add(c, ROADMAP_SEVERITY_WARNING, "goal-at-risk", g->id,
			    "%s: progress %s %% where %s %% is expected by %s "
			    "(due %s)",
			    missed ? "missed" : "at risk",
			    roadmap_number_format(roadmap_ratio_percent(x->progress), n1),
			    roadmap_number_format(
				missed ? 100 : roadmap_ratio_percent(x->expected), n2),
			    roadmap_day_format(day, m1),
			    roadmap_day_format(g->due, d1));
			at(c, g->line);
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

enum roadmap_status roadmap_check_opt(const struct roadmap *rm,
				      const struct roadmap_check_options *o,
				      struct roadmap_findings *out,
				      struct roadmap_error *err)
{
	struct ctx c = {0};
	enum roadmap_status st = ROADMAP_OK;

	memset(out, 0, sizeof(*out));
	c.rm = rm;
	c.f = out;
	if ((st = rm_spend_refs_build(rm, o && o->threads, &c.sp, &c.refs,
				      err))) {
		return st;
	}
	if (!build_sums(&c)) {
		c.nomem = true;
	}
	if (!c.nomem) {
		check_references(&c);
		check_cycles(&c);
		check_initiatives(&c);
		check_goals(&c);
		check_owners(&c);
		check_capacity(&c);
		check_budgets(&c);
		check_actuals(&c);
		check_mix(&c);
		if (o && o->has_as_of) {
			check_tracking(&c, o->as_of);
		}
	}
	if (!c.nomem &&
	    (!rm_findings_sort(out) || !rm_findings_fingerprints(out))) {
		c.nomem = true;
	}
	roadmap_spend_release(&c.sp);
	rm_refs_release(&c.refs);
	free(c.total);
	free((char *)c.pillar);
	free(c.pidx);
	free(c.comp);
	if (c.nomem) {
		st = rm_nomem(err);
	} else if (c.overflow) {
		st = rm_overflow(err, "planned spend");
	}
	if (st) {
		roadmap_findings_release(out);
	}
	return st;
}
