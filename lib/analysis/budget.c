/*
 * budget.c - the CFO's view (roadmap(1), budget): planned opex and capex, the
 * envelopes each row uses and the planned spend they cover, and actuals
 * compared per (initiative, quarter) pair. Every view's rows add up to the same
 * total, exactly, and the total row is the sum of the rows in every column.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const by_names[] = {
    ROADMAP_WORD_QUARTER, ROADMAP_WORD_YEAR, ROADMAP_FIELD_PILLAR,
    ROADMAP_WORD_GOAL,	  ROADMAP_WORD_TEAM, ROADMAP_WORD_MONTH};
#define BY_VIEWS (sizeof(by_names) / sizeof(by_names[0]))

const char *roadmap_budget_by_name(enum roadmap_budget_by by)
{
	return (unsigned)by < BY_VIEWS ? by_names[by] : ROADMAP_WORD_QUARTER;
}

int roadmap_budget_by_parse(const char *name)
{
	for (int i = 0; i < (int)BY_VIEWS; i++) {
		if (strcmp(name, by_names[i]) == 0) {
			return i;
		}
	}
	return -1;
}

const char *rm_budget_row_key(enum roadmap_budget_by by)
{
	static const char *const keys[] = {
	    ROADMAP_FIELD_PERIOD, ROADMAP_FIELD_PERIOD, ROADMAP_FIELD_PILLAR,
	    ROADMAP_WORD_GOAL,	  ROADMAP_WORD_TEAM,	ROADMAP_FIELD_PERIOD};

	return (unsigned)by < BY_VIEWS ? keys[by] : keys[0];
}

const char *roadmap_budget_column_name(enum roadmap_budget_column col)
{
	static const char *const names[] = {ROADMAP_FIELD_OPEX,
					    ROADMAP_FIELD_CAPEX,
					    ROADMAP_WORD_TOTAL,
					    "envelope",
					    "covered",
					    "variance",
					    "uncovered",
					    "actual",
					    "actual_opex",
					    "actual_capex",
					    "planned_where_actual",
					    "actual_variance"};

	return (unsigned)col < ROADMAP_BUDGET_COLUMNS ? names[col] : "";
}

bool roadmap_budget_value(const struct roadmap_budget_row *r,
			  enum roadmap_budget_column col, int64_t *v)
{
	const int64_t vals[] = {r->opex,
				r->capex,
				r->total,
				r->envelope,
				r->covered,
				r->variance,
				r->uncovered,
				r->actual,
				r->actual_opex,
				r->actual_capex,
				r->planned_where_actual,
				r->actual_variance};
	bool has =
	    col < ROADMAP_BUDGET_ENVELOPE || col == ROADMAP_BUDGET_UNCOVERED ||
	    (col < ROADMAP_BUDGET_UNCOVERED ? r->has_envelope : r->has_actuals);

	*v = has && (unsigned)col < ROADMAP_BUDGET_COLUMNS ? vals[col] : 0;
	return has && (unsigned)col < ROADMAP_BUDGET_COLUMNS;
}

const char *roadmap_budget_share_text(const struct roadmap_budget_row *r,
				      bool target, char *buf)
{
	if (target ? !r->has_target : !r->has_share) {
		return NULL;
	}
	int64_t v = target ? r->target : r->share * 10;
	if (v % 10) {
		snprintf(buf, ROADMAP_NUMBER_BUF, "%lld.%02lld",
			 (long long)(v / 100), (long long)(v % 100));
	} else {
		snprintf(buf, ROADMAP_NUMBER_BUF, "%lld.%lld",
			 (long long)(v / 100), (long long)(v % 100 / 10));
	}
	return buf;
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

/* A set of (row, quarter) pairs: the quarters an envelope of the row
 * covers. */
struct pairs {
	uint64_t *keys; /* 0 is empty; stored as key + 1 */
	size_t cap, used;
};

static uint64_t pair(size_t row, int qi)
{
	return ((uint64_t)row << 32 | (uint32_t)qi) + 1;
}

static size_t slot(const struct pairs *p, uint64_t k)
{
	return (size_t)((k * UINT64_C(0x9E3779B97F4A7C15)) >> 40) &
	       (p->cap - 1);
}

static bool pairs_has(const struct pairs *p, uint64_t k)
{
	if (!p->cap) {
		return false;
	}
	for (size_t j = slot(p, k); p->keys[j]; j = (j + 1) & (p->cap - 1)) {
		if (p->keys[j] == k) {
			return true;
		}
	}
	return false;
}

static bool pairs_add(struct pairs *p, uint64_t k)
{
	if ((p->used + 1) * 2 > p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct pairs n = {calloc(cap, sizeof(uint64_t)), cap, 0};
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
	size_t j = slot(p, k);
	for (; p->keys[j]; j = (j + 1) & (p->cap - 1)) {
		if (p->keys[j] == k) {
			return true;
		}
	}
	p->keys[j] = k;
	p->used++;
	return true;
}

struct acc {
	const struct roadmap *rm;
	const struct roadmap_spend *sp;
	enum roadmap_budget_by by;
	struct roadmap_budget_report *r;
	size_t cap;
	struct idmap keys;
	struct pairs cover;
	bool nomem, overflow;
};

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

static char *year_label(int fy, char *buf)
{
	snprintf(buf, 16, "FY%04d", fy);
	return buf;
}

/* Whether the roadmap has a fiscal-year envelope for fy and pillar. */
static bool has_year_envelope(const struct roadmap *rm, int fy,
			      const char *pillar)
{
	struct roadmap_budget y = {true, fy, 0, (char *)pillar, 0};

	return rm_budget_find(rm, &y) >= 0;
}

/*
 * Envelope b, used by the row called key: its amount joins the row's
 * envelope and the quarters it spans become the row's covered quarters.
 */
static void use(struct acc *a, const char *key, const struct roadmap_budget *b)
{
	struct roadmap_budget_row *x = row(a, key);
	int q = rm_budget_quarters(b, NULL), n = b->is_year ? 4 : 1;

	if (!x) {
		return;
	}
	add_to(a, &x->envelope, b->amount);
	x->has_envelope = true;
	for (int k = 0; k < n; k++) {
		if (!pairs_add(&a->cover,
			       pair((size_t)(x - a->r->rows), q + k))) {
			a->nomem = true;
		}
	}
}

/* Whether envelope b bounds all the roadmap's spend: an all-pillar one,
 * or, in a roadmap all of whose work is one pillar's (a selection by
 * that pillar alone), that pillar's (rm_envelope_pillar()). */
static bool of_all(const struct roadmap_budget *b, const char *all)
{
	return all ? b->pillar && strcmp(b->pillar, all) == 0 : !b->pillar;
}

/*
 * Which envelopes each row uses (roadmap(1), budget). Quarter rows: the
 * all-pillar envelope of the quarter. Year rows: the all-pillar fiscal-year
 * envelope where one exists, else the year's all-pillar quarter envelopes.
 * Pillar rows: the same, year by year, with that pillar's envelopes. In a
 * roadmap whose work is all one pillar's and which has no all-pillar
 * envelope, that pillar's envelopes take the all-pillar ones' place.
 */
static void envelopes(struct acc *a)
{
	const struct roadmap *rm = a->rm;
	const char *all = rm_envelope_pillar(rm);
	char label[16];

	for (size_t i = 0; i < rm->n_budgets && !a->nomem; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		bool by_year =
		    b->is_year || !has_year_envelope(rm, b->year, b->pillar);
		switch (a->by) {
		case ROADMAP_BY_QUARTER:
			if (of_all(b, all) && !b->is_year) {
				use(a,
				    roadmap_quarter_label(
					rm_budget_quarters(b, NULL), label),
				    b);
			}
			break;
		case ROADMAP_BY_YEAR:
			if (of_all(b, all) && by_year) {
				use(a, year_label(b->year, label), b);
			}
			break;
		case ROADMAP_BY_PILLAR:
			if (b->pillar && by_year) {
				use(a, b->pillar, b);
			}
			break;
		default:
			break;
		}
	}
}

/* Planned spend of row key in quarter qi, covered where the row's
 * envelopes cover that quarter. */
static void plan(struct acc *a, const char *key, int qi, int64_t opex,
		 int64_t capex)
{
	struct roadmap_budget_row *x = row(a, key);

	if (!x) {
		return;
	}
	add_to(a, &x->opex, opex);
	add_to(a, &x->capex, capex);
	if (x->has_envelope &&
	    pairs_has(&a->cover, pair((size_t)(x - a->r->rows), qi))) {
		add_to(a, &x->covered, opex);
		add_to(a, &x->covered, capex);
	}
}

/* An actual's part in one row: its total, its capex, the plan it is
 * compared with, and whether its kinds are estimated. */
struct part {
	int64_t v, capex, plan;
	bool estimated;
};

static void actual(struct acc *a, const char *key, const struct part *p)
{
	struct roadmap_budget_row *x = row(a, key);

	if (x) {
		add_to(a, &x->actual, p->v);
		add_to(a, &x->actual_opex, p->v - p->capex);
		add_to(a, &x->actual_capex, p->capex);
		add_to(a, &x->planned_where_actual, p->plan);
		x->has_actuals = true;
		x->actual_estimated |= p->estimated;
	}
}

static const char *key_of(const struct roadmap_initiative *in,
			  enum roadmap_budget_by by)
{
	if (by == ROADMAP_BY_PILLAR) {
		return in->pillar ? in->pillar : "(none)";
	}
	return in->team ? in->team : "(none)";
}

/* Planned spend (opex + capex) of initiative i in quarter qi. */
static int64_t planned_in(const struct roadmap_spend *sp, size_t i, int qi)
{
	int k = qi - sp->q0[i];

	if (!sp->n[i] || k < 0 || k >= sp->n[i]) {
		return 0;
	}
	size_t o = sp->off[i] + (size_t)k;
	return sp->opex[o] + sp->capex[o]; /* each <= 1e14 */
}

/*
 * An actual and the plan it is compared with, split equally among the
 * initiative's goals (the spreading rule of roadmap(1), budget), or to
 * (unaligned).
 */
static void actual_by_goal(struct acc *a, const struct roadmap_initiative *in,
			   const struct part *p)
{
	const struct roadmap *rm = a->rm;
	size_t small[16], *idx = small, n = 0, k;
	int64_t sw[16], sv[16], sp[16], sc[16], *w = sw, *pv = sv, *pp = sp,
						*pc = sc;

	if (in->n_goals > 16) {
		idx = malloc(in->n_goals * sizeof(*idx));
		w = malloc(in->n_goals * sizeof(*w));
		pv = malloc(in->n_goals * sizeof(*pv));
		pp = malloc(in->n_goals * sizeof(*pp));
		pc = malloc(in->n_goals * sizeof(*pc));
		if (!idx || !w || !pv || !pp || !pc) {
			a->nomem = true;
			goto out;
		}
	}
	for (size_t g = 0; g < in->n_goals; g++) {
		if (idmap_get(&rm->goal_ids, in->goals[g], &k)) {
			w[n] = 1;
			idx[n++] = k;
		}
	}
	/* equal weights: each goal's capex is at most its total, so the
	 * opex (the remainder) is never negative */
	if (n == 0) {
		actual(a, "(unaligned)", p);
	} else if (roadmap_apportion(p->v, w, n, pv) ||
		   roadmap_apportion(p->plan, w, n, pp) ||
		   roadmap_apportion(p->capex, w, n, pc)) {
		a->nomem = true;
	} else {
		for (k = 0; k < n; k++) {
			struct part g = {pv[k], pc[k], pp[k], p->estimated};
			actual(a, rm->goals[idx[k]].id, &g);
		}
	}
out:
	if (idx != small) {
		free(idx);
		free(w);
		free(pv);
		free(pp);
		free(pc);
	}
}

/* The whole cost split among the goals by roadmap_goal_shares(). */
static void plan_by_goal(struct acc *a, const struct roadmap_initiative *in)
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

/* The row of initiative in's spend or actual in quarter qi. */
static const char *row_key(struct acc *a, const struct roadmap_initiative *in,
			   int qi, char *label)
{
	switch (a->by) {
	case ROADMAP_BY_QUARTER:
		return roadmap_quarter_label(qi, label);
	case ROADMAP_BY_YEAR:
		return year_label(qi / 4, label);
	default:
		return key_of(in, a->by);
	}
}

static char *month_label(int mi, char *buf)
{
	snprintf(buf, 16, "%04d-%02d", mi / 12, mi % 12 + 1);
	return buf;
}

/* The month view: each initiative's planned spend of each fiscal quarter
 * (a quarter is three whole calendar months) spread by days over the
 * months of that quarter it runs in, so that the months of a quarter add
 * up to the quarter view's figure; a row for every month from the first
 * to the last (no gaps); no envelope and no actual (both are kept by
 * quarter). */
static void fill_months(struct acc *a)
{
	const struct roadmap *rm = a->rm;
	const struct roadmap_spend *sp = a->sp;
	int lo = 0, hi = -1;
	char label[16];

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!sp->n[i]) {
			continue;
		}
		int m0 = rm_month_of(in->start), m1 = rm_month_of(in->end);
		lo = hi < lo || m0 < lo ? m0 : lo;
		hi = m1 > hi ? m1 : hi;
	}
	for (int m = lo; m <= hi && !a->nomem; m++) {
		row(a, month_label(m, label));
	}
	for (size_t i = 0; i < rm->n_inits && !a->nomem; i++) {
		int64_t *op, *cap;
		int m0;
		size_t n;
		if (!rm_month_spend(rm, sp, i, &m0, &n, &op, &cap)) {
			a->nomem = true;
			return;
		}
		for (size_t m = 0; m < n; m++) {
			if (op[m] || cap[m]) {
				plan(a, month_label(m0 + (int)m, label), 0,
				     op[m], cap[m]);
			}
		}
		free(op);
		free(cap);
	}
}

static void fill(struct acc *a)
{
	const struct roadmap *rm = a->rm;
	const struct roadmap_spend *sp = a->sp;
	char label[16];

	if (a->by == ROADMAP_BY_MONTH) {
		fill_months(a);
		return;
	}
	for (size_t i = 0; i < rm->n_inits && !a->nomem; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (a->by == ROADMAP_BY_GOAL) {
			if (sp->n[i]) {
				plan_by_goal(a, in);
			}
		} else {
			for (int k = 0; k < sp->n[i]; k++) {
				size_t o = sp->off[i] + (size_t)k;
				int qi = sp->q0[i] + k;
				plan(a, row_key(a, in, qi, label), qi,
				     sp->opex[o], sp->capex[o]);
			}
		}
		/* every actual, a cancelled initiative's too (against a
		 * plan of 0) */
		for (size_t k = 0; k < in->n_actuals; k++) {
			int qi = in->actuals[k].qi;
			int64_t op;
			struct part p = {in->actuals[k].amount, 0,
					 planned_in(sp, i, qi), false};
			p.estimated = roadmap_actual_kinds(in, &in->actuals[k],
							   &op, &p.capex);
			if (a->by == ROADMAP_BY_GOAL) {
				actual_by_goal(a, in, &p);
			} else {
				actual(a, row_key(a, in, qi, label), &p);
			}
		}
	}
}

/* Rows for every period from the first to the last, with no gaps: the
 * periods with planned spend, an envelope or an actual. */
static void periods(struct acc *a)
{
	const struct roadmap *rm = a->rm;
	bool any = a->sp->any;
	int lo = a->sp->qmin, hi = a->sp->qmax;
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
		if (!b->is_year || a->by == ROADMAP_BY_YEAR) {
			SEE(rm_budget_quarters(b, NULL));
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
	if (a->by == ROADMAP_BY_QUARTER) {
		for (int q = lo; q <= hi; q++) {
			row(a, roadmap_quarter_label(q, label));
		}
	} else {
		for (int fy = lo / 4; fy <= hi / 4; fy++) {
			row(a, year_label(fy, label));
		}
	}
}

/* The declared pillars, then any other pillar an envelope or the target
 * mix names. */
static void pillars(struct acc *a)
{
	const struct roadmap *rm = a->rm;
	const struct roadmap_policy *p = &rm->policy;

	for (size_t k = 0; k < rm->n_pillars; k++) {
		row(a, rm->pillars[k]);
	}
	for (size_t i = 0; i < rm->n_budgets; i++) {
		if (rm->budgets[i].pillar) {
			row(a, rm->budgets[i].pillar);
		}
	}
	for (size_t i = 0; i < p->n_target_mix; i++) {
		row(a, p->target_mix_pillar[i]);
	}
}

/*
 * Each pillar row's share of the planned total, by the computation check's
 * mix-off-target uses, and its target from the policy; the TOTAL row has
 * 100.0 and the sum of the rows' targets (roadmap(1), budget).
 */
static void shares(struct acc *a)
{
	const struct roadmap_policy *p = &a->rm->policy;
	struct roadmap_budget_report *r = a->r;
	struct roadmap_budget_row *t = &r->total;

	for (size_t i = 0; i < r->n; i++) {
		struct roadmap_budget_row *x = &r->rows[i];
		if (t->total > 0) {
			x->share = rm_share_permille(x->total, t->total);
			x->has_share = true;
		}
		for (size_t k = 0; k < p->n_target_mix; k++) {
			if (strcmp(p->target_mix_pillar[k], x->key) == 0) {
				x->target = rm_percent_hundredths(
				    p->target_mix_percent[k]);
				x->has_target = true;
				t->target += x->target;
				t->has_target = true;
			}
		}
	}
	t->share = 1000;
	t->has_share = t->total > 0;
}

/* The derived columns of each row, and the total row as their sum. */
static void totals(struct acc *a)
{
	struct roadmap_budget_report *r = a->r;
	struct roadmap_budget_row *t = &r->total;

	memset(t, 0, sizeof(*t));
	if (!(t->key = rm_strdup(ROADMAP_WORD_TOTAL))) {
		a->nomem = true;
		return;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct roadmap_budget_row *x = &r->rows[i];
		add_to(a, &x->total, x->opex);
		add_to(a, &x->total, x->capex);
		x->uncovered = x->total - x->covered;
		if (x->has_envelope) {
			x->variance = x->envelope - x->covered;
			add_to(a, &t->envelope, x->envelope);
			add_to(a, &t->covered, x->covered);
			add_to(a, &t->variance, x->variance);
			t->has_envelope = true;
		}
		if (x->has_actuals) {
			x->actual_variance =
			    x->planned_where_actual - x->actual;
			add_to(a, &t->actual, x->actual);
			add_to(a, &t->actual_opex, x->actual_opex);
			add_to(a, &t->actual_capex, x->actual_capex);
			t->actual_estimated |= x->actual_estimated;
			add_to(a, &t->planned_where_actual,
			       x->planned_where_actual);
			add_to(a, &t->actual_variance, x->actual_variance);
			t->has_actuals = true;
		}
		add_to(a, &t->opex, x->opex);
		add_to(a, &t->capex, x->capex);
		add_to(a, &t->total, x->total);
		add_to(a, &t->uncovered, x->uncovered);
	}
}

/* (none) and (unaligned) go last, after unknown names. */
static void special_last(struct roadmap_budget_report *r)
{
	for (size_t i = 0; i + 1 < r->n; i++) {
		if (r->rows[i].key[0] == '(') {
			struct roadmap_budget_row tmp = r->rows[i];
			memmove(&r->rows[i], &r->rows[i + 1],
				(r->n - i - 1) * sizeof(tmp));
			r->rows[r->n - 1] = tmp;
			return;
		}
	}
}

/* Planned spend in the quarters no envelope touches (unbudgeted-spend). */
static void unbudgeted(struct acc *a)
{
	const struct roadmap *rm = a->rm;
	const struct roadmap_spend *sp = a->sp;
	int64_t *q;

	if (!sp->any) {
		return;
	}
	bool *on = rm_enveloped_quarters(rm, sp->qmin, sp->qmax);
	if (!on || !(q = rm_spend_by_quarter(sp, &a->overflow))) {
		free(on);
		a->nomem = true;
		return;
	}
	for (int qi = sp->qmin; qi <= sp->qmax; qi++) {
		int64_t v = q[qi - sp->qmin];
		if (v && !on[qi - sp->qmin]) {
			add_to(a, &a->r->unbudgeted, v);
		}
	}
	free(on);
	free(q);
}

enum roadmap_status roadmap_budget_report(const struct roadmap *rm,
					  enum roadmap_budget_by by,
					  struct roadmap_budget_report *out,
					  struct roadmap_error *err)
{
	struct roadmap_spend sp;
	enum roadmap_status st;

	memset(out, 0, sizeof(*out));
	out->by = by;
	if ((st = roadmap_spend_build(rm, &sp, err))) {
		return st;
	}
	st = rm_budget_report_from(rm, &sp, by, out, err);
	roadmap_spend_release(&sp);
	return st;
}

enum roadmap_status rm_budget_report_from(const struct roadmap *rm,
					  const struct roadmap_spend *sp,
					  enum roadmap_budget_by by,
					  struct roadmap_budget_report *out,
					  struct roadmap_error *err)
{
	struct acc a = {0};

	memset(out, 0, sizeof(*out));
	out->by = by;
	a.rm = rm;
	a.r = out;
	a.by = by;
	a.sp = sp;
	switch (by) {
	case ROADMAP_BY_QUARTER:
	case ROADMAP_BY_YEAR:
		periods(&a);
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
	case ROADMAP_BY_MONTH:
		break; /* fill_months() makes them */
	}
	envelopes(&a);
	fill(&a);
	unbudgeted(&a);
	if (!a.nomem) {
		special_last(out);
		totals(&a);
	}
	if (!a.nomem && !a.overflow && by == ROADMAP_BY_PILLAR) {
		shares(&a);
	}
	idmap_release(&a.keys);
	free(a.cover.keys);
	if (a.nomem) {
		roadmap_budget_report_release(out);
		return rm_nomem(err);
	}
	if (a.overflow) {
		roadmap_budget_report_release(out);
		return rm_overflow(err, "planned spend");
	}
	return ROADMAP_OK;
}

enum roadmap_status rm_headline_envelope(const struct roadmap *rm,
					 const struct roadmap_spend *sp,
					 struct rm_headline *out,
					 struct roadmap_error *err)
{
	struct roadmap_budget_report y;
	enum roadmap_status st;

	memset(out, 0, sizeof(*out));
	if ((st = rm_budget_report_from(rm, sp, ROADMAP_BY_YEAR, &y, err))) {
		return st;
	}
	const char *all = rm_envelope_pillar(rm);
	snprintf(out->label, sizeof(out->label),
		 "Envelopes (%s, by fiscal year)", all ? all : "all pillars");
	out->has_envelope = y.total.has_envelope;
	if (out->has_envelope) {
		out->envelope = y.total.envelope;
		out->covered = y.total.covered;
		out->variance = y.total.variance;
	}
	roadmap_budget_report_release(&y);
	return ROADMAP_OK;
}

void rm_uncovered_note(const struct roadmap_budget_report *br,
		       const char *currency, char *buf)
{
	char m[40], o[40];
	int n = snprintf(buf, RM_UNCOVERED_NOTE,
			 "Planned spend no envelope covers: %s %s", currency,
			 roadmap_money_format(br->unbudgeted, true, m));

	if (n > 0 && n < RM_UNCOVERED_NOTE &&
	    br->total.uncovered != br->unbudgeted) {
		snprintf(buf + n, RM_UNCOVERED_NOTE - (size_t)n,
			 "; Uncovered counts each row's own envelopes only: "
			 "%s %s of it falls in quarters that other envelopes "
			 "span",
			 currency,
			 roadmap_money_format(
			     br->total.uncovered - br->unbudgeted, true, o));
	}
}
