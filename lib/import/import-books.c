/*
 * import-books.c - actuals from the books (roadmap(1), import --format
 * ledger|focus): an hledger/Ledger register or a FOCUS cost file, read in
 * chunks, each row's amount added exactly (import-exact.c) to the cell of
 * (initiative, fiscal quarter, kind) its rule names, or to the unmapped
 * cost of its account or tag set. At the end each quarter is rounded to
 * the cent as a whole (largest remainder), so that what is recorded and
 * what is unmapped add up to the quarter's source total; then each
 * (initiative, quarter) gets as one split actual the kinds the rules map
 * to the initiative, keeping the other kind as recorded.
 * Memory holds the cells, the quarters and the unmapped keys, never rows.
 */
#include "books.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char *const ledger_cols[] = {"date", "account",
					  ROADMAP_FIELD_AMOUNT};
static const char *const focus_cols[] = {"ChargePeriodStart", "BilledCost",
					 "BillingCurrency", "Tags"};

int rm_books_n_cols(const struct roadmap_books *b)
{
	return b->format == ROADMAP_BOOKS_FOCUS ? 4 : 3;
}

const char *rm_books_col(const struct roadmap_books *b, int c)
{
	return b->format == ROADMAP_BOOKS_FOCUS ? focus_cols[c]
						: ledger_cols[c];
}

/* ------------------------------------------------------------ sums */

static void overflowed(struct roadmap_books *b, long line)
{
	if (!b->overflow) {
		rm_import_report(&b->im, line, NULL, NULL,
				 "the sum passes the largest amount "
				 "(1,000,000,000,000.00)");
	}
	b->overflow = true;
}

static struct quarter *quarter(struct roadmap_books *b, int qi)
{
	if (b->last_q < b->n_q && b->q[b->last_q].qi == qi) {
		return &b->q[b->last_q];
	}
	for (size_t i = 0; i < b->n_q; i++) {
		if (b->q[i].qi == qi) {
			b->last_q = i;
			return &b->q[i];
		}
	}
	struct quarter *p = realloc(b->q, (b->n_q + 1) * sizeof(*p));
	if (!p) {
		b->im.nomem = true;
		return NULL;
	}
	b->q = p;
	memset(&p[b->n_q], 0, sizeof(*p));
	p[b->n_q].qi = qi;
	b->last_q = b->n_q;
	return &p[b->n_q++];
}

static uint64_t cell_hash(size_t target, int kind, int qi)
{
	uint64_t h =
	    ((uint64_t)target * 2 + (uint64_t)kind) << 32 ^ (uint32_t)qi;
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	return h;
}

static bool grow_slots(struct roadmap_books *b)
{
	size_t cap = b->cap_slots ? b->cap_slots * 2 : 64;
	size_t *s = calloc(cap, sizeof(*s));

	if (!s) {
		return false;
	}
	for (size_t i = 0; i < b->n_cells; i++) {
		const struct cell *c = &b->cells[i];
		size_t k = cell_hash(c->target, c->kind, c->qi) & (cap - 1);
		while (s[k]) {
			k = (k + 1) & (cap - 1);
		}
		s[k] = i + 1;
	}
	free(b->slots);
	b->slots = s;
	b->cap_slots = cap;
	return true;
}

static struct cell *cell(struct roadmap_books *b, size_t target, int kind,
			 int qi)
{
	if ((b->n_cells + 1) * 2 > b->cap_slots && !grow_slots(b)) {
		b->im.nomem = true;
		return NULL;
	}
	size_t k = cell_hash(target, kind, qi) & (b->cap_slots - 1);
	for (; b->slots[k]; k = (k + 1) & (b->cap_slots - 1)) {
		struct cell *c = &b->cells[b->slots[k] - 1];
		if (c->target == target && c->kind == kind && c->qi == qi) {
			return c;
		}
	}
	if (b->n_cells == b->cap_cells) {
		size_t cap = b->cap_cells ? b->cap_cells * 2 : 32;
		struct cell *p = realloc(b->cells, cap * sizeof(*p));
		if (!p) {
			b->im.nomem = true;
			return NULL;
		}
		b->cells = p;
		b->cap_cells = cap;
	}
	struct cell *c = &b->cells[b->n_cells];
	memset(c, 0, sizeof(*c));
	c->target = target;
	c->kind = kind;
	c->qi = qi;
	b->slots[k] = ++b->n_cells;
	return c;
}

/* The unmapped entry of what (an account, a tag set); -1: out of memory. */
long rm_books_unmapped(struct roadmap_books *b, const char *what)
{
	size_t at;

	if (idmap_get(&b->u_ids, what, &at)) {
		return (long)at;
	}
	struct unmapped *p = realloc(b->u, (b->n_u + 1) * sizeof(*p));
	if (!p) {
		b->im.nomem = true;
		return -1;
	}
	b->u = p;
	p[b->n_u].what = strdup(what);
	p[b->n_u].sum = (struct rm_exact){0, 0};
	if (!p[b->n_u].what || !idmap_put(&b->u_ids, p[b->n_u].what, b->n_u)) {
		free(p[b->n_u].what);
		b->im.nomem = true;
		return -1;
	}
	return (long)b->n_u++;
}

/* Adds a row's amount: to its rule's cell (rule >= 0), else to the
 * unmapped entry u. */
void rm_books_add(struct roadmap_books *b, long line, int qi, long rule, long u,
		  struct rm_exact amount)
{
	struct quarter *q = quarter(b, qi);

	if (!q) {
		return;
	}
	bool ok = rm_exact_add(&q->source, amount);
	if (rule >= 0) {
		const struct rm_rule *r = &b->rules.r[rule];
		struct cell *c = cell(b, r->target, r->kind, qi);
		if (!c) {
			return;
		}
		ok = ok && rm_exact_add(&c->sum, amount);
	} else if (u >= 0) {
		ok = ok && rm_exact_add(&q->unmapped, amount) &&
		     rm_exact_add(&b->u[u].sum, amount);
	}
	if (!ok) {
		overflowed(b, line);
	}
}

/* ------------------------------------------------------- the API */

enum roadmap_status roadmap_books_begin(struct roadmap *rm,
					const struct roadmap_books_options *opt,
					struct roadmap_books_report *rep,
					struct roadmap_books **out)
{
	struct roadmap_books *b = calloc(1, sizeof(*b));

	*out = NULL;
	memset(rep, 0, sizeof(*rep));
	rep->import.errors = calloc(KEEP_ERRORS, sizeof(*rep->import.errors));
	if (!b || !rep->import.errors) {
		free(b);
		return ROADMAP_ERR_NOMEM;
	}
	b->rm = rm;
	b->rep = rep;
	b->format = opt->format == ROADMAP_BOOKS_FOCUS ? ROADMAP_BOOKS_FOCUS
						       : ROADMAP_BOOKS_LEDGER;
	b->iopt.table = -1;
	b->im = (struct imp){rm,	   opt->rules_name, &b->iopt,
			     &rep->import, false,	    false};
	bool ok = rm_rules_read(&b->im, b->format, opt->rules, opt->rules_len,
				&b->rules);
	b->im.name = opt->name;
	if (ok) {
		b->tag_keys = malloc(TAG_CACHE * sizeof(char *));
		ok = b->tag_keys &&
		     (b->s = rm_stream_new(&b->im, ',', rm_books_record, b));
		b->im.nomem = b->im.nomem || !b->tag_keys;
	}
	if (!ok) {
		enum roadmap_status st =
		    b->im.nomem ? ROADMAP_ERR_NOMEM : ROADMAP_ERR_DATA;
		roadmap_books_destroy(b);
		return st;
	}
	*out = b;
	return ROADMAP_OK;
}

enum roadmap_status roadmap_books_feed(struct roadmap_books *b,
				       const char *data, size_t len)
{
	rm_stream_feed(b->s, data, len);
	return b->im.nomem ? ROADMAP_ERR_NOMEM : ROADMAP_OK;
}

static int cmp_quarter_first(const void *x, const void *y,
			     const struct roadmap *rm)
{
	const struct cell *a = x, *b = y;
	if (a->qi != b->qi) {
		return a->qi < b->qi ? -1 : 1;
	}
	int c = strcmp(rm->inits[a->target].id, rm->inits[b->target].id);
	if (c) {
		return c;
	}
	return a->kind - b->kind;
}

/* qsort has no context: sorted by id through a thread-safe wrapper. */
struct sortable {
	struct cell c;
	const struct roadmap *rm;
};

static int cmp_by_quarter(const void *x, const void *y)
{
	const struct sortable *a = x, *b = y;
	return cmp_quarter_first(&a->c, &b->c, a->rm);
}

static int cmp_by_initiative(const void *x, const void *y)
{
	const struct sortable *a = x, *b = y;
	int c =
	    strcmp(a->rm->inits[a->c.target].id, b->rm->inits[b->c.target].id);
	if (c) {
		return c;
	}
	if (a->c.qi != b->c.qi) {
		return a->c.qi < b->c.qi ? -1 : 1;
	}
	return a->c.kind - b->c.kind;
}

static int cmp_quarter(const void *x, const void *y)
{
	const struct quarter *a = x, *b = y;
	return (a->qi > b->qi) - (a->qi < b->qi);
}

static int cmp_unmapped(const void *x, const void *y)
{
	const struct roadmap_books_unmapped *a = x, *b = y;
	return strcmp(a->what, b->what);
}

/*
 * Rounds quarter q's cells (cs[0..n), in the order ties go) and its
 * unmapped cost as one: each rounded down, then the cents the quarter's
 * total (rounded halves away from zero) still lacks go one each to the
 * largest remainders, the earlier on a tie and the unmapped cost last.
 */
static bool round_quarter(struct quarter *q, struct sortable *cs, size_t n)
{
	int64_t want = rm_exact_round(q->source), have = q->unmapped.cents;

	for (size_t i = 0; i < n; i++) {
		cs[i].c.cents = cs[i].c.sum.cents;
		if (__builtin_add_overflow(have, cs[i].c.cents, &have)) {
			return false;
		}
	}
	q->unmapped_cents = q->unmapped.cents;
	int64_t left;
	if (__builtin_sub_overflow(want, have, &left)) {
		return false;
	}
	/* 0 <= left <= n + 1 (each remainder is below a cent) */
	while (left > 0) {
		long best = -1; /* n: the unmapped cost */
		uint64_t frac = 0;
		for (size_t i = 0; i <= n; i++) {
			uint64_t f =
			    i < n ? cs[i].c.sum.frac : q->unmapped.frac;
			bool taken =
			    i < n ? cs[i].c.cents != cs[i].c.sum.cents
				  : q->unmapped_cents != q->unmapped.cents;
			if (!taken && f > 0 && (best < 0 || f > frac)) {
				best = (long)i;
				frac = f;
			}
		}
		if (best < 0) {
			break; /* cannot happen: see above */
		}
		if ((size_t)best < n) {
			cs[best].c.cents++;
		} else {
			q->unmapped_cents++;
		}
		left--;
	}
	return true;
}

static const struct roadmap_actual *
recorded(const struct roadmap_initiative *in, int qi)
{
	for (size_t i = 0; i < in->n_actuals; i++) {
		if (in->actuals[i].qi == qi) {
			return &in->actuals[i];
		}
	}
	return NULL;
}

/*
 * The kinds the rules map to each initiative (bit 1 << kind): an import
 * sets those and keeps the other as recorded. NULL: out of memory.
 */
static unsigned char *kinds_mapped(const struct roadmap_books *b)
{
	unsigned char *k = calloc(b->rm->n_inits + 1, 1);

	for (size_t i = 0; k && i < b->rules.n; i++) {
		k[b->rules.r[i].target] |=
		    (unsigned char)(1u << b->rules.r[i].kind);
	}
	return k;
}

/*
 * Fills in the kind a's initiative has no rule for: as recorded. A
 * quarter holding an unsplit actual is refused, as `actual --kind`
 * refuses it: its parts were never recorded, so keeping one would invent
 * it.
 */
static void keep_kind(struct roadmap_books *b, struct roadmap_books_actual *a,
		      const struct roadmap_actual *was)
{
	char q[160], label[16], where[300], amt[40];

	if (!was || (!a->opex_kept && !a->capex_kept)) {
		return; /* nothing to keep: an unsplit actual is replaced */
	}
	if (was->split) {
		if (a->opex_kept) {
			a->opex = was->opex;
		}
		if (a->capex_kept) {
			a->capex = was->capex;
		}
		return;
	}
	snprintf(where, sizeof(where), "%s %s",
		 rm_quote(a->initiative, q, sizeof(q)),
		 roadmap_quarter_label(a->qi, label));
	rm_import_report(
	    &b->im, 0, where, NULL,
	    "holds an unsplit actual of %s and the rules bring only its %s: "
	    "its %s was never recorded apart (remove it with actual --unset "
	    "and record the %s with --kind, then import)",
	    roadmap_money_format(was->amount, true, amt),
	    a->opex_kept ? ROADMAP_FIELD_CAPEX : ROADMAP_FIELD_OPEX,
	    a->opex_kept ? ROADMAP_FIELD_OPEX : ROADMAP_FIELD_CAPEX,
	    a->opex_kept ? ROADMAP_FIELD_OPEX : ROADMAP_FIELD_CAPEX);
}

static void sum_to(struct roadmap_books *b, int64_t *total, int64_t v)
{
	if (!roadmap_money_add(*total, v, total)) {
		overflowed(b, 0);
	}
}

static enum roadmap_status finish(struct roadmap_books *b)
{
	struct roadmap_books_report *rep = b->rep;
	char label[16], q[160], amt[40];
	size_t n = b->n_cells;
	struct sortable *cs = calloc(n + 1, sizeof(*cs));

	rep->quarters = calloc(b->n_q + 1, sizeof(*rep->quarters));
	rep->unmapped = calloc(b->n_u + 1, sizeof(*rep->unmapped));
	rep->actuals = calloc(n + 1, sizeof(*rep->actuals));
	if (!cs || !rep->quarters || !rep->unmapped || !rep->actuals) {
		free(cs);
		return ROADMAP_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		cs[i].c = b->cells[i];
		cs[i].rm = b->rm;
	}
	qsort(cs, n, sizeof(*cs), cmp_by_quarter);
	if (b->n_q) {
		qsort(b->q, b->n_q, sizeof(*b->q), cmp_quarter);
	}
	size_t at = 0;
	for (size_t k = 0; k < b->n_q; k++) {
		struct quarter *qu = &b->q[k];
		size_t end = at;
		while (end < n && cs[end].c.qi == qu->qi) {
			end++;
		}
		if (!round_quarter(qu, cs + at, end - at)) {
			overflowed(b, 0);
		}
		struct roadmap_books_quarter *rq = &rep->quarters[k];
		rq->qi = qu->qi;
		rq->source = rm_exact_round(qu->source);
		rq->unmapped = qu->unmapped_cents;
		for (size_t i = at; i < end; i++) {
			sum_to(b, &rq->recorded, cs[i].c.cents);
		}
		sum_to(b, &rep->total.source, rq->source);
		sum_to(b, &rep->total.recorded, rq->recorded);
		sum_to(b, &rep->total.unmapped, rq->unmapped);
		at = end;
	}
	rep->n_quarters = b->n_q;
	for (size_t i = 0; i < n; i++) {
		if (cs[i].c.cents < 0) {
			char where[300];
			snprintf(where, sizeof(where), "%s %s %s",
				 rm_quote(b->rm->inits[cs[i].c.target].id, q,
					  sizeof(q)),
				 roadmap_quarter_label(cs[i].c.qi, label),
				 cs[i].c.kind == ROADMAP_SPEND_CAPEX
				     ? ROADMAP_FIELD_CAPEX
				     : ROADMAP_FIELD_OPEX);
			rm_import_report(
			    &b->im, 0, where, NULL,
			    "the sum is %s: refunds exceed the "
			    "cost, and an actual cannot be "
			    "negative",
			    roadmap_money_format(cs[i].c.cents, false, amt));
		}
	}
	unsigned char *mapped = kinds_mapped(b);
	if (!mapped) {
		free(cs);
		return ROADMAP_ERR_NOMEM;
	}
	qsort(cs, n, sizeof(*cs), cmp_by_initiative);
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in =
		    &b->rm->inits[cs[i].c.target];
		struct roadmap_books_actual *a =
		    rep->n_actuals ? &rep->actuals[rep->n_actuals - 1] : NULL;
		if (!a || strcmp(a->initiative, in->id) != 0 ||
		    a->qi != cs[i].c.qi) {
			a = &rep->actuals[rep->n_actuals++];
			a->initiative = in->id;
			a->qi = cs[i].c.qi;
			const struct roadmap_actual *was = recorded(in, a->qi);
			a->replaces = was != NULL;
			a->opex_kept = !(mapped[cs[i].c.target] &
					 1u << ROADMAP_SPEND_OPEX);
			a->capex_kept = !(mapped[cs[i].c.target] &
					  1u << ROADMAP_SPEND_CAPEX);
			keep_kind(b, a, was);
		}
		if (cs[i].c.kind == ROADMAP_SPEND_CAPEX) {
			a->capex = cs[i].c.cents;
		} else {
			a->opex = cs[i].c.cents;
		}
	}
	free(mapped);
	free(cs);
	for (size_t i = 0; i < b->n_u; i++) {
		/* an account is the register's text: shown, it must not
		 * drive the terminal */
		char *what = rm_text_escape(b->u[i].what);
		if (!what) {
			return ROADMAP_ERR_NOMEM;
		}
		rep->unmapped[rep->n_unmapped].what = what;
		rep->unmapped[rep->n_unmapped++].amount =
		    rm_exact_round(b->u[i].sum);
	}
	qsort(rep->unmapped, b->n_u, sizeof(*rep->unmapped), cmp_unmapped);
	if (rep->import.total_errors) {
		return ROADMAP_ERR_DATA;
	}
	for (size_t i = 0; i < rep->n_actuals; i++) {
		const struct roadmap_books_actual *a = &rep->actuals[i];
		struct roadmap_error e;
		/* a kept kind holds its recorded amount (keep_kind) */
		enum roadmap_status st = roadmap_set_actual_split(
		    b->rm, a->initiative, a->qi, a->opex, a->capex, &e);
		if (st == ROADMAP_ERR_NOMEM) {
			return st;
		}
		if (st) {
			char where[300];
			snprintf(where, sizeof(where), "%s %s",
				 rm_quote(a->initiative, q, sizeof(q)),
				 roadmap_quarter_label(a->qi, label));
			rm_import_report(&b->im, 0, where, NULL, "%s",
					 e.message);
		}
	}
	return rep->import.total_errors ? ROADMAP_ERR_DATA : ROADMAP_OK;
}

enum roadmap_status roadmap_books_end(struct roadmap_books *b)
{
	if (!rm_stream_finish(b->s) && b->im.nomem) {
		return ROADMAP_ERR_NOMEM;
	}
	if (b->im.nomem) {
		return ROADMAP_ERR_NOMEM;
	}
	if (!b->header && !b->rep->import.total_errors) {
		rm_import_report(&b->im, 1, NULL, NULL,
				 "no header row (the file is empty)");
	}
	if (b->rep->import.total_errors) {
		return ROADMAP_ERR_DATA;
	}
	enum roadmap_status st = finish(b);
	if (st == ROADMAP_ERR_NOMEM || b->im.nomem) {
		return ROADMAP_ERR_NOMEM;
	}
	return st;
}

void roadmap_books_destroy(struct roadmap_books *b)
{
	if (!b) {
		return;
	}
	rm_rules_release(&b->rules);
	rm_stream_free(b->s);
	free(b->cells);
	free(b->slots);
	free(b->q);
	idmap_release(&b->u_ids);
	for (size_t i = 0; i < b->n_u; i++) {
		free(b->u[i].what);
	}
	free(b->u);
	if (b->tag_keys) {
		rm_books_drop_tags(b);
	}
	idmap_release(&b->tags);
	free(b->tag_keys);
	free(b);
}

void roadmap_books_report_release(struct roadmap_books_report *r)
{
	if (!r) {
		return;
	}
	roadmap_import_report_release(&r->import);
	free(r->actuals);
	for (size_t i = 0; i < r->n_unmapped; i++) {
		free((char *)(uintptr_t)r->unmapped[i].what);
	}
	free(r->unmapped);
	free(r->quarters);
	memset(r, 0, sizeof(*r));
}
