/*
 * capital.c - capitalization (roadmap(1), capitalization): capex held as
 * work in progress until its initiative is placed in service, then amortized
 * straight-line by month with cumulative rounding, so that every schedule
 * adds up to the cent; a cancelled initiative's capitalized actuals written
 * off; and beside them the P&L expense and the cash of each period. The
 * precise rules are in docs/decisions.md, "Capitalization".
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const basis_names[] = {"plan", "actual"};
static const char *const by_names[] = {ROADMAP_WORD_QUARTER, ROADMAP_WORD_YEAR,
				       ROADMAP_WORD_INITIATIVE};
#define N_BASES (int)(sizeof(basis_names) / sizeof(basis_names[0]))
#define N_VIEWS (int)(sizeof(by_names) / sizeof(by_names[0]))

const char *roadmap_capital_basis_name(enum roadmap_capital_basis b)
{
	return (unsigned)b < N_BASES ? basis_names[b] : basis_names[0];
}

int roadmap_capital_basis_parse(const char *name)
{
	return rm_word_of(basis_names, N_BASES, name);
}

const char *roadmap_capital_by_name(enum roadmap_capital_by by)
{
	return (unsigned)by < N_VIEWS ? by_names[by] : by_names[0];
}

int roadmap_capital_by_parse(const char *name)
{
	return rm_word_of(by_names, N_VIEWS, name);
}

const char *roadmap_capital_column_name(enum roadmap_capital_column col)
{
	static const char *const names[] = {"capex_added",
					    "placed_in_service",
					    "amortization",
					    "write_off",
					    "wip",
					    "net_book_value",
					    ROADMAP_FIELD_OPEX,
					    "pl_expense",
					    "cash"};

	return (unsigned)col < ROADMAP_CAPITAL_COLUMNS ? names[col] : "";
}

void roadmap_capital_report_release(struct roadmap_capital_report *r)
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

/* The flows an initiative puts into a period; the balances and the P&L
 * come from them. */
enum flow { F_ADDED, F_PLACED, F_AMORT, F_WRITE_OFF, F_OPEX, F_FLOWS };

struct cap {
	const struct roadmap *rm;
	enum roadmap_capital_basis basis;
	/* the month (year * 12 + month - 1) of fiscal quarter q's first
	 * month is 3q + shift: quarters are whole calendar months */
	int shift;
	/* the first pass only finds the quarters with a flow */
	bool bounds, any;
	int lo, hi;
	int64_t (*q)[F_FLOWS]; /* per quarter lo..hi, or NULL */
	int64_t *one;	       /* an initiative's totals, or NULL */
	bool overflow;
};

static void add_to(struct cap *a, int64_t *dst, int64_t v)
{
	if (!roadmap_money_add(*dst, v, dst)) {
		a->overflow = true;
	}
}

/* Amount v of flow f in fiscal quarter q. */
static void flow(struct cap *a, int q, enum flow f, int64_t v)
{
	if (v == 0) {
		return;
	}
	if (a->bounds) {
		a->lo = a->any && a->lo < q ? a->lo : q;
		a->hi = a->any && a->hi > q ? a->hi : q;
		a->any = true;
		return;
	}
	if (a->q) {
		add_to(a, &a->q[q - a->lo][f], v);
	}
	if (a->one) {
		add_to(a, &a->one[f], v);
	}
}

static int floor_div3(int v)
{
	return v >= 0 ? v / 3 : -((-v + 2) / 3);
}

/* amount x k / life rounded half up (rm_muldiv_round's rule), in 64 bits
 * when the product fits there, as it does for any one amount: the 128-bit
 * long division is for sums near the limits. */
static uint64_t cumulative(uint64_t amount, uint64_t k, uint64_t life)
{
	uint64_t p, q = 0;

	if (!__builtin_mul_overflow(amount, k, &p)) {
		q = p / life;
		return q + (p % life >= life - p % life);
	}
	/* the quotient is at most amount: it fits */
	rm_muldiv_round(amount, k, life, &q);
	return q;
}

/*
 * Straight-line amortization of amount over life months from month start:
 * after k months amount x k / life rounded half up to the cent, so each
 * month is the difference of two such figures and the months add up to
 * amount exactly; a quarter's is the sum of its three months.
 */
static void amortize(struct cap *a, int64_t amount, int start, int life)
{
	uint64_t done = 0, cum = 0;

	if (amount <= 0) {
		return;
	}
	for (int q = floor_div3(start - a->shift);; q++) {
		int k = 3 * q + a->shift + 3 - start; /* months by its end */
		k = k > life ? life : k;
		cum = cumulative((uint64_t)amount, (uint64_t)k, (uint64_t)life);
		flow(a, q, F_AMORT, (int64_t)(cum - done));
		done = cum;
		if (k == life) {
			return;
		}
	}
}

/* When and for how long an initiative's capex is amortized. */
struct service {
	int q;	  /* the fiscal quarter of the in-service day */
	int from; /* the month amortization starts: the one after that day's */
	int life; /* months */
};

/*
 * Capex c added in quarter q: up to the quarter of the in-service day it
 * is work in progress (*wip), placed in service with the rest on that day;
 * in a later quarter it is placed in service in its own quarter and
 * amortized over what is left of the life from the month after that
 * quarter's first (at least a month), on its own schedule.
 */
static void capex(struct cap *a, const struct service *s, int q, int64_t c,
		  int64_t *wip)
{
	flow(a, q, F_ADDED, c);
	if (q <= s->q) {
		add_to(a, wip, c);
		return;
	}
	int from = 3 * q + a->shift + 1;
	int left = s->from + s->life - from;
	flow(a, q, F_PLACED, c);
	amortize(a, c, from, left < 1 ? 1 : left);
}

static void service_of(const struct cap *a, const struct roadmap_initiative *in,
		       struct service *s)
{
	roadmap_day day = in->has_in_service ? in->in_service : in->end + 1;

	s->q = roadmap_quarter_of(day, a->rm->fiscal_start);
	s->from = rm_month_of(day) + 1;
	s->life =
	    in->useful_life > 0 ? in->useful_life : a->rm->policy.useful_life;
	if (s->life < 1) {
		s->life = 1;
	}
}

/* Initiative i's flows on the plan: its planned opex and capex of each
 * quarter (sp, the spreading rule of roadmap(1), budget). */
static void plan_flows(struct cap *a, const struct roadmap_spend *sp, size_t i)
{
	const struct roadmap_initiative *in = &a->rm->inits[i];
	struct service s;
	int64_t wip = 0;

	if (!sp->n[i]) {
		return; /* it does not count */
	}
	service_of(a, in, &s);
	for (int k = 0; k < sp->n[i]; k++) {
		size_t o = sp->off[i] + (size_t)k;
		flow(a, sp->q0[i] + k, F_OPEX, sp->opex[o]);
		capex(a, &s, sp->q0[i] + k, sp->capex[o], &wip);
	}
	flow(a, s.q, F_PLACED, wip);
	amortize(a, wip, s.from, s.life);
}

/* Initiative i's flows on its actuals: each quarter's opex and capex
 * (recorded, or estimated in the plan's ratio). A cancelled initiative's
 * capex is placed in service and written off in the quarter of its last
 * actual; a deferred one's stays work in progress. */
static void actual_flows(struct cap *a, size_t i)
{
	const struct roadmap_initiative *in = &a->rm->inits[i];
	bool cancelled = in->status == ROADMAP_CANCELLED;
	bool deferred = in->status == ROADMAP_DEFERRED;
	struct service s;
	int64_t wip = 0;

	if (!in->n_actuals) {
		return;
	}
	service_of(a, in, &s);
	if (cancelled || deferred) {
		s.q = in->actuals[in->n_actuals - 1].qi; /* all held */
	}
	for (size_t k = 0; k < in->n_actuals; k++) {
		int64_t op, cx;
		roadmap_actual_kinds(in, &in->actuals[k], &op, &cx);
		flow(a, in->actuals[k].qi, F_OPEX, op);
		capex(a, &s, in->actuals[k].qi, cx, &wip);
	}
	if (cancelled) {
		flow(a, s.q, F_PLACED, wip);
		flow(a, s.q, F_WRITE_OFF, wip);
	} else if (!deferred) {
		flow(a, s.q, F_PLACED, wip);
		amortize(a, wip, s.from, s.life);
	}
}

static void walk(struct cap *a, const struct roadmap_spend *sp, size_t i)
{
	if (a->basis == ROADMAP_BASIS_PLAN) {
		plan_flows(a, sp, i);
	} else {
		actual_flows(a, i);
	}
}

/* A row's balances and P&L from its flows, the balances carried from the
 * row before (prev NULL: none). */
static void derive(struct cap *a, struct roadmap_capital_row *x,
		   const int64_t *f, const struct roadmap_capital_row *prev)
{
	int64_t *v = x->v;

	v[ROADMAP_CAPITAL_CAPEX_ADDED] = f[F_ADDED];
	v[ROADMAP_CAPITAL_PLACED_IN_SERVICE] = f[F_PLACED];
	v[ROADMAP_CAPITAL_AMORTIZATION] = f[F_AMORT];
	v[ROADMAP_CAPITAL_WRITE_OFF] = f[F_WRITE_OFF];
	v[ROADMAP_CAPITAL_OPEX] = f[F_OPEX];
	/* every figure below is at most a sum of the flows, which were
	 * checked, or the difference of two such sums */
	v[ROADMAP_CAPITAL_WIP] = prev ? prev->v[ROADMAP_CAPITAL_WIP] : 0;
	add_to(a, &v[ROADMAP_CAPITAL_WIP], f[F_ADDED] - f[F_PLACED]);
	v[ROADMAP_CAPITAL_NET_BOOK_VALUE] =
	    prev ? prev->v[ROADMAP_CAPITAL_NET_BOOK_VALUE] : 0;
	add_to(a, &v[ROADMAP_CAPITAL_NET_BOOK_VALUE],
	       f[F_PLACED] - f[F_AMORT] - f[F_WRITE_OFF]);
	v[ROADMAP_CAPITAL_PL_EXPENSE] = f[F_OPEX];
	add_to(a, &v[ROADMAP_CAPITAL_PL_EXPENSE], f[F_AMORT]);
	add_to(a, &v[ROADMAP_CAPITAL_PL_EXPENSE], f[F_WRITE_OFF]);
	v[ROADMAP_CAPITAL_CASH] = f[F_OPEX];
	add_to(a, &v[ROADMAP_CAPITAL_CASH], f[F_ADDED]);
}

static bool rows_alloc(struct roadmap_capital_report *r, size_t n)
{
	r->rows = calloc(n ? n : 1, sizeof(*r->rows));
	return r->rows != NULL;
}

/* Quarter or year rows from the quarters' flows. */
static bool period_rows(struct cap *a, struct roadmap_capital_report *r)
{
	bool years = r->by == ROADMAP_CAPITAL_BY_YEAR;
	int fy0 = a->lo / 4, n = !a->any ? 0
				 : years ? a->hi / 4 - fy0 + 1
					 : a->hi - a->lo + 1;
	char label[16];

	if (!rows_alloc(r, (size_t)n)) {
		return false;
	}
	for (int k = 0; k < n; k++) {
		int64_t f[F_FLOWS] = {0};
		int q0 = years ? (fy0 + k) * 4 : a->lo + k;
		int q1 = years ? q0 + 3 : q0;
		for (int q = q0; q <= q1; q++) {
			if (q < a->lo || q > a->hi) {
				continue;
			}
			for (int j = 0; j < F_FLOWS; j++) {
				add_to(a, &f[j], a->q[q - a->lo][j]);
			}
		}
		if (years) {
			snprintf(label, sizeof(label), "FY%04d", fy0 + k);
		} else {
			roadmap_quarter_label(q0, label);
		}
		if (!(r->rows[k].key = rm_strdup(label))) {
			return false;
		}
		r->n = (size_t)k + 1;
		derive(a, &r->rows[k], f, k ? &r->rows[k - 1] : NULL);
	}
	return true;
}

/* One row per initiative with a flow on the basis, in file order. */
static bool initiative_rows(struct cap *a, const struct roadmap_spend *sp,
			    struct roadmap_capital_report *r)
{
	const struct roadmap *rm = a->rm;

	if (!rows_alloc(r, rm->n_inits)) {
		return false;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		int64_t f[F_FLOWS] = {0};
		if (a->basis == ROADMAP_BASIS_PLAN ? !sp->n[i]
						   : !in->n_actuals) {
			continue;
		}
		a->one = f;
		walk(a, sp, i);
		struct roadmap_capital_row *x = &r->rows[r->n];
		if (!(x->key = rm_strdup(in->id))) {
			return false;
		}
		r->n++;
		derive(a, x, f, NULL);
	}
	a->one = NULL;
	return true;
}

/* The total row: the flows summed, the balances of the last row. */
static bool total_row(struct cap *a, struct roadmap_capital_report *r)
{
	struct roadmap_capital_row *t = &r->total;
	bool per_initiative = r->by == ROADMAP_CAPITAL_BY_INITIATIVE;

	if (!(t->key = rm_strdup(ROADMAP_WORD_TOTAL))) {
		return false;
	}
	for (size_t i = 0; i < r->n; i++) {
		const int64_t *v = r->rows[i].v;
		for (int c = 0; c < ROADMAP_CAPITAL_COLUMNS; c++) {
			bool balance = c == ROADMAP_CAPITAL_WIP ||
				       c == ROADMAP_CAPITAL_NET_BOOK_VALUE;
			if (!balance || per_initiative) {
				add_to(a, &t->v[c], v[c]);
			} else if (i + 1 == r->n) {
				t->v[c] = v[c];
			}
		}
	}
	return true;
}

enum roadmap_status roadmap_capitalization(const struct roadmap *rm,
					   enum roadmap_capital_basis basis,
					   enum roadmap_capital_by by,
					   struct roadmap_capital_report *out,
					   struct roadmap_error *err)
{
	struct roadmap_spend sp = {0};
	enum roadmap_status st;

	memset(out, 0, sizeof(*out));
	if (basis == ROADMAP_BASIS_PLAN &&
	    (st = roadmap_spend_build(rm, &sp, err))) {
		return st;
	}
	st = rm_capitalization_from(rm, &sp, basis, by, out, err);
	roadmap_spend_release(&sp);
	return st;
}

enum roadmap_status rm_capitalization_from(const struct roadmap *rm,
					   const struct roadmap_spend *sp,
					   enum roadmap_capital_basis basis,
					   enum roadmap_capital_by by,
					   struct roadmap_capital_report *out,
					   struct roadmap_error *err)
{
	struct cap a = {0};
	bool ok = true;

	memset(out, 0, sizeof(*out));
	out->basis = basis;
	out->by = by;
	a.rm = rm;
	a.basis = basis;
	{
		/* any quarter does: 2000's first */
		roadmap_day d;
		roadmap_day_from_ymd(2000, 1, 1, &d);
		int q = roadmap_quarter_of(d, rm->fiscal_start);
		a.shift =
		    rm_month_of(roadmap_quarter_first(q, rm->fiscal_start)) -
		    3 * q;
	}
	if (by == ROADMAP_CAPITAL_BY_INITIATIVE) {
		ok = initiative_rows(&a, sp, out);
	} else {
		a.bounds = true;
		for (size_t i = 0; i < rm->n_inits; i++) {
			walk(&a, sp, i);
		}
		a.bounds = false;
		size_t nq = a.any ? (size_t)(a.hi - a.lo + 1) : 0;
		a.q = calloc(nq ? nq : 1, sizeof(*a.q));
		ok = a.q != NULL;
		for (size_t i = 0; ok && i < rm->n_inits; i++) {
			walk(&a, sp, i);
		}
		ok = ok && period_rows(&a, out);
		free(a.q);
	}
	ok = ok && total_row(&a, out);
	if (!ok) {
		roadmap_capital_report_release(out);
		return rm_nomem(err);
	}
	if (a.overflow) {
		roadmap_capital_report_release(out);
		return rm_overflow(err, basis == ROADMAP_BASIS_PLAN
					    ? "planned spend"
					    : "actual spend");
	}
	return ROADMAP_OK;
}
