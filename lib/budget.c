/*
 * budget.c - the CFO's view (SPEC 7): planned opex and capex, envelopes,
 * variance and actuals by quarter, year, pillar, goal or team. Every view's
 * rows add up to the same total, exactly.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const by_names[] = {"quarter", "year", "pillar", "goal",
				       "team"};

const char *roadmap_budget_by_name(enum roadmap_budget_by by)
{
	return (unsigned)by < 5 ? by_names[by] : "quarter";
}

int roadmap_budget_by_parse(const char *name)
{
	for (int i = 0; i < 5; i++) {
		if (strcmp(name, by_names[i]) == 0) {
			return i;
		}
	}
	return -1;
}

void roadmap_budget_report_release(struct roadmap_budget_report *r)
{
	if (!r) {
		return;
	}
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].key);
	}
	free(r->rows);
	free(r->total.key);
	memset(r, 0, sizeof(*r));
}

/* A set of (row, quarter) pairs: the periods where a row has actuals. */
struct pairs {
	uint64_t *keys; /* 0 is empty; stored as key + 1 */
	size_t cap, used;
};

struct acc {
	const struct roadmap *rm;
	struct roadmap_budget_report *r;
	size_t cap;
	struct idmap keys;
	bool nomem, overflow;
	bool second;         /* pass two: planned spend where actuals are */
	struct pairs seen;   /* filled in pass one */
	int64_t *planned_act; /* per row, pass two */
};

static uint64_t pair(size_t row, int qi)
{
	return ((uint64_t)row << 32 | (uint32_t)qi) + 1;
}

static bool pairs_has(const struct pairs *p, uint64_t k)
{
	if (!p->cap) {
		return false;
	}
	for (size_t j = (k * UINT64_C(0x9E3779B97F4A7C15)) >> 40 & (p->cap - 1);
	     p->keys[j]; j = (j + 1) & (p->cap - 1)) {
		if (p->keys[j] == k) {
			return true;
		}
	}
	return false;
}

static bool pairs_add(struct pairs *p, uint64_t k)
{
	if ((p->used + 1) * 2 > p->cap) {
		struct pairs n = {calloc(p->cap ? p->cap * 2 : 64,
					 sizeof(uint64_t)),
				  p->cap ? p->cap * 2 : 64, 0};
		if (!n.keys) {
			return false;
		}
		for (size_t i = 0; i < p->cap; i++) {
			if (p->keys[i]) {
				pairs_add(&n, p->keys[i]);
			}
		}
		free(p->keys);
		*p = n;
	}
	size_t j = (k * UINT64_C(0x9E3779B97F4A7C15)) >> 40 & (p->cap - 1);
	for (; p->keys[j]; j = (j + 1) & (p->cap - 1)) {
		if (p->keys[j] == k) {
			return true;
		}
	}
	p->keys[j] = k;
	p->used++;
	return true;
}

static void add_to(struct acc *a, int64_t *dst, int64_t v)
{
	if (!roadmap_money_add(*dst, v, dst)) {
		a->overflow = true;
	}
}

/* The row called key, created (at the end) when missing. */
static struct roadmap_budget_row *row(struct acc *a, const char *key)
{
	size_t i;

	if (a->nomem) {
		return NULL;
	}
	if (idmap_get(&a->keys, key, &i)) {
		return &a->r->rows[i];
	}
	if (a->r->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 16;
		struct roadmap_budget_row *p =
			realloc(a->r->rows, cap * sizeof(*p));
		if (!p) {
			a->nomem = true;
			return NULL;
		}
		a->r->rows = p;
		a->cap = cap;
		/* the index points at keys, which do not move */
	}
	struct roadmap_budget_row *x = &a->r->rows[a->r->n];
	memset(x, 0, sizeof(*x));
	if (!(x->key = rm_strdup(key)) ||
	    !idmap_put(&a->keys, x->key, a->r->n)) {
		free(x->key);
		a->nomem = true;
		return NULL;
	}
	a->r->n++;
	return x;
}

/* Planned spend for row key in quarter qi. Pass one sums the plan; pass
 * two sums only the quarters where the row has actuals. */
static void plan(struct acc *a, const char *key, int qi, int64_t opex,
		 int64_t capex)
{
	struct roadmap_budget_row *x = row(a, key);

	if (!x) {
		return;
	}
	if (!a->second) {
		add_to(a, &x->opex, opex);
		add_to(a, &x->capex, capex);
	} else if (pairs_has(&a->seen, pair((size_t)(x - a->r->rows), qi))) {
		add_to(a, &a->planned_act[x - a->r->rows], opex);
		add_to(a, &a->planned_act[x - a->r->rows], capex);
	}
}

static void actual(struct acc *a, const char *key, int qi, int64_t v)
{
	struct roadmap_budget_row *x = row(a, key);

	if (x && !a->second) {
		add_to(a, &x->actual, v);
		x->has_actuals = true;
		if (!pairs_add(&a->seen, pair((size_t)(x - a->r->rows), qi))) {
			a->nomem = true;
		}
	}
}

static void envelope(struct acc *a, const char *key, int64_t v)
{
	struct roadmap_budget_row *x = row(a, key);

	if (x) {
		add_to(a, &x->envelope, v);
		x->has_envelope = true;
	}
}

/*
 * The money available in fiscal year fy (for pillar, or all pillars when
 * NULL): the year's envelope, else the sum of its quarter envelopes.
 */
static bool year_envelope(const struct roadmap *rm, const char *pillar, int fy,
			  int64_t *out)
{
	bool year = false, quarters = false;
	int64_t ys = 0, qs = 0;

	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		if (b->year != fy || (!pillar) != (!b->pillar) ||
		    (pillar && strcmp(pillar, b->pillar) != 0)) {
			continue;
		}
		if (b->is_year) {
			year = true;
			ys = b->amount;
		} else {
			quarters = true;
			qs += b->amount; /* at most 4 x 1e14: no overflow */
		}
	}
	*out = year ? ys : qs;
	return year || quarters;
}

static const char *key_of(const struct roadmap_initiative *in,
			  enum roadmap_budget_by by)
{
	if (by == ROADMAP_BY_PILLAR) {
		return in->pillar ? in->pillar : "(none)";
	}
	return in->team ? in->team : "(none)";
}

/* Known goals of an initiative (the cost is split among them). */
static size_t known_goals(const struct roadmap *rm,
			  const struct roadmap_initiative *in, size_t *idx)
{
	size_t n = 0, k;

	for (size_t g = 0; g < in->n_goals && n < 256; g++) {
		if (idmap_get(&rm->goal_ids, in->goals[g], &k)) {
			idx[n++] = k;
		}
	}
	return n;
}

static void split(struct acc *a, const struct roadmap_initiative *in, int qi,
		  int64_t opex, int64_t capex, int64_t act, bool is_actual)
{
	const struct roadmap *rm = a->rm;
	size_t idx[256], n = known_goals(rm, in, idx);
	int64_t w[256], po[256], pc[256], pa[256];

	if (n == 0) {
		if (is_actual) {
			actual(a, "(unaligned)", qi, act);
		} else {
			plan(a, "(unaligned)", qi, opex, capex);
		}
		return;
	}
	for (size_t k = 0; k < n; k++) {
		w[k] = 1;
	}
	if (roadmap_apportion(opex, w, n, po) ||
	    roadmap_apportion(capex, w, n, pc) ||
	    roadmap_apportion(act, w, n, pa)) {
		a->nomem = true;
		return;
	}
	for (size_t k = 0; k < n; k++) {
		const char *key = rm->goals[idx[k]].id;
		if (is_actual) {
			actual(a, key, qi, pa[k]);
		} else {
			plan(a, key, qi, po[k], pc[k]);
		}
	}
}

/* The whole cost split among the goals by roadmap_goal_shares(). */
static void whole_split(struct acc *a, const struct roadmap_initiative *in)
{
	size_t small_g[16], *g = small_g, n;
	int64_t small_o[16], small_c[16], *op = small_o, *cap = small_c;

	if (in->n_goals > 16) {
		g = malloc(in->n_goals * sizeof(*g));
		op = malloc(in->n_goals * sizeof(*op));
		cap = malloc(in->n_goals * sizeof(*cap));
	}
	if (!g || !op || !cap ||
	    roadmap_goal_shares(a->rm, in, g, op, cap, &n)) {
		a->nomem = true;
	} else if (n == 0) {
		plan(a, "(unaligned)", 0, in->opex, in->capex);
	} else {
		for (size_t k = 0; k < n; k++) {
			plan(a, a->rm->goals[g[k]].id, 0, op[k], cap[k]);
		}
	}
	if (g != small_g) {
		free(g);
		free(op);
		free(cap);
	}
}

/*
 * Spend goes to rows quarter by quarter, so that pass two can pick out the
 * quarters with actuals. The goal view splits each quarter's cost equally
 * among the initiative's goals; the quarters of an initiative still sum
 * exactly to its cost.
 */
static void fill(struct acc *a, enum roadmap_budget_by by,
		 const struct roadmap_spend *sp)
{
	const struct roadmap *rm = a->rm;
	char label[16];

	for (size_t i = 0; i < rm->n_inits && !a->nomem; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (int k = 0; k < sp->n[i]; k++) {
			size_t o = sp->off[i] + (size_t)k;
			int qi = sp->q0[i] + k;
			switch (by) {
			case ROADMAP_BY_QUARTER:
				plan(a, roadmap_quarter_label(qi, label), qi,
				     sp->opex[o], sp->capex[o]);
				break;
			case ROADMAP_BY_YEAR:
				snprintf(label, sizeof(label), "FY%04d", qi / 4);
				plan(a, label, qi, sp->opex[o], sp->capex[o]);
				break;
			case ROADMAP_BY_GOAL:
				/* pass one splits the whole cost below */
				if (a->second) {
					split(a, in, qi, sp->opex[o],
					      sp->capex[o], 0, false);
				}
				break;
			default:
				plan(a, key_of(in, by), qi, sp->opex[o],
				     sp->capex[o]);
				break;
			}
		}
		if (by == ROADMAP_BY_GOAL && !a->second && sp->n[i]) {
			whole_split(a, in);
		}
		for (size_t k = 0; !a->second && k < in->n_actuals; k++) {
			int qi = in->actuals[k].qi;
			int64_t v = in->actuals[k].amount;
			if (by == ROADMAP_BY_QUARTER) {
				actual(a, roadmap_quarter_label(qi, label), qi,
				       v);
			} else if (by == ROADMAP_BY_YEAR) {
				snprintf(label, sizeof(label), "FY%04d", qi / 4);
				actual(a, label, qi, v);
			} else if (by == ROADMAP_BY_GOAL) {
				split(a, in, qi, 0, 0, v, true);
			} else {
				actual(a, key_of(in, by), qi, v);
			}
		}
	}
}

/* Rows for every period from the first to the last, with no gaps. */
static void periods(struct acc *a, enum roadmap_budget_by by,
		    const struct roadmap_spend *sp)
{
	const struct roadmap *rm = a->rm;
	bool any = sp->any;
	int lo = sp->qmin, hi = sp->qmax;
	char label[16];

#define SEE(q)                                                                 \
	do {                                                                   \
		int q_ = (q);                                                  \
		lo = any && lo < q_ ? lo : q_;                                 \
		hi = any && hi > q_ ? hi : q_;                                 \
		any = true;                                                    \
	} while (0)
	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		if (b->pillar) {
			continue;
		}
		if (!b->is_year) {
			SEE(b->year * 4 + b->quarter - 1);
		} else if (by == ROADMAP_BY_YEAR) {
			SEE(b->year * 4);
		}
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		for (size_t k = 0; k < rm->inits[i].n_actuals; k++) {
			SEE(rm->inits[i].actuals[k].qi);
		}
	}
#undef SEE
	if (!any) {
		return;
	}
	if (by == ROADMAP_BY_QUARTER) {
		for (int q = lo; q <= hi; q++) {
			row(a, roadmap_quarter_label(q, label));
		}
		for (size_t i = 0; i < rm->n_budgets; i++) {
			const struct roadmap_budget *b = &rm->budgets[i];
			if (!b->pillar && !b->is_year) {
				envelope(a,
					 roadmap_quarter_label(
						 b->year * 4 + b->quarter - 1,
						 label),
					 b->amount);
			}
		}
		return;
	}
	for (int fy = lo / 4; fy <= hi / 4; fy++) {
		int64_t env;
		snprintf(label, sizeof(label), "FY%04d", fy);
		row(a, label);
		if (year_envelope(rm, NULL, fy, &env)) {
			envelope(a, label, env);
		}
	}
}

static void pillars(struct acc *a)
{
	const struct roadmap *rm = a->rm;

	for (size_t p = 0; p < rm->n_pillars; p++) {
		row(a, rm->pillars[p]);
	}
	/* each pillar's envelopes, year by year */
	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		size_t k;
		if (b->pillar && !idmap_get(&a->keys, b->pillar, &k)) {
			row(a, b->pillar);
		}
	}
	for (size_t r = 0; r < a->r->n && !a->nomem; r++) {
		const char *p = a->r->rows[r].key;
		int64_t sum = 0, env;
		bool has = false;
		for (int fy = ROADMAP_YEAR_MIN; fy <= ROADMAP_YEAR_MAX; fy++) {
			bool seen = false;
			for (size_t i = 0; i < rm->n_budgets && !seen; i++) {
				seen = rm->budgets[i].pillar &&
				       rm->budgets[i].year == fy &&
				       strcmp(rm->budgets[i].pillar, p) == 0;
			}
			if (seen && year_envelope(rm, p, fy, &env)) {
				add_to(a, &sum, env);
				has = true;
			}
		}
		if (has) {
			envelope(a, p, sum);
		}
	}
}

static void totals(struct acc *a)
{
	struct roadmap_budget_report *r = a->r;
	struct roadmap_budget_row *t = &r->total;

	memset(t, 0, sizeof(*t));
	if (!(t->key = rm_strdup("total"))) {
		a->nomem = true;
		return;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct roadmap_budget_row *x = &r->rows[i];
		add_to(a, &x->total, x->opex);
		add_to(a, &x->total, x->capex);
		if (x->has_envelope) {
			x->variance = x->envelope - x->total;
			add_to(a, &t->envelope, x->envelope);
			add_to(a, &t->variance, x->variance);
			t->has_envelope = true;
		}
		if (x->has_actuals) {
			x->actual_variance = a->planned_act[i] - x->actual;
			add_to(a, &t->actual_variance, x->actual_variance);
			t->has_actuals = true;
		}
		add_to(a, &t->opex, x->opex);
		add_to(a, &t->capex, x->capex);
		add_to(a, &t->total, x->total);
		add_to(a, &t->actual, x->actual);
	}
}

enum roadmap_status roadmap_budget_report(const struct roadmap *rm,
					  enum roadmap_budget_by by,
					  struct roadmap_budget_report *out,
					  struct roadmap_error *err)
{
	struct roadmap_spend sp;
	struct acc a = {0};
	enum roadmap_status st;

	memset(out, 0, sizeof(*out));
	out->by = by;
	a.rm = rm;
	a.r = out;
	if ((st = roadmap_spend_build(rm, &sp, err))) {
		return st;
	}
	switch (by) {
	case ROADMAP_BY_QUARTER:
	case ROADMAP_BY_YEAR:
		periods(&a, by, &sp);
		break;
	case ROADMAP_BY_PILLAR:
		pillars(&a);
		break;
	case ROADMAP_BY_GOAL:
		for (size_t g = 0; g < rm->n_goals; g++) {
			row(&a, rm->goals[g].id);
		}
		break;
	case ROADMAP_BY_TEAM:
		for (size_t t = 0; t < rm->n_teams; t++) {
			row(&a, rm->teams[t].id);
		}
		break;
	}
	fill(&a, by, &sp);
	if (!a.nomem && !(a.planned_act = calloc(out->n + 1, sizeof(int64_t)))) {
		a.nomem = true;
	}
	if (!a.nomem) {
		a.second = true;
		fill(&a, by, &sp);
	}
	/* (none) and (unaligned) go last, after unknown names */
	for (size_t i = 0; i + 1 < out->n && !a.nomem; i++) {
		struct roadmap_budget_row *x = &out->rows[i];
		if (x->key[0] == '(') {
			struct roadmap_budget_row tmp = *x;
			int64_t pa = a.planned_act[i];
			memmove(x, x + 1, (out->n - i - 1) * sizeof(*x));
			memmove(a.planned_act + i, a.planned_act + i + 1,
				(out->n - i - 1) * sizeof(int64_t));
			out->rows[out->n - 1] = tmp;
			a.planned_act[out->n - 1] = pa;
			break;
		}
	}
	if (!a.nomem) {
		totals(&a);
	}
	roadmap_spend_release(&sp);
	idmap_release(&a.keys);
	free(a.seen.keys);
	free(a.planned_act);
	if (a.nomem) {
		roadmap_budget_report_release(out);
		return rm_nomem(err);
	}
	if (a.overflow) {
		roadmap_budget_report_release(out);
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "planned spend adds up to more than the largest "
			       "amount this tool can hold");
	}
	return ROADMAP_OK;
}
