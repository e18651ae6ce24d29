/*
 * check.c - the alignment check (roadmap(1), CHECK RULES): the table of
 * every rule, the two passes made from it, on one thread or more, and the
 * findings they add. The rules themselves are in check-rules.c and
 * check-money.c.
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

void ck_add(struct check *c, const char *subject, const char *fmt, ...)
{
	struct ck_list *l = c->to;
	struct roadmap_finding x = {
	    c->rule->severity, c->rule->code, NULL, NULL, NULL, 0};
	char buf[1024];
	va_list ap;

	if (c->nomem) {
		return;
	}
	if (l->f.n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct roadmap_finding *p =
		    realloc(l->f.items, cap * sizeof(*p));
		if (!p) {
			c->nomem = true;
			return;
		}
		l->f.items = p;
		l->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	x.subject = rm_strdup(subject);
	x.message = rm_strdup(buf);
	l->f.items[l->f.n++] = x;
	if (!x.subject || !x.message) {
		c->nomem = true;
	}
}

/* The finding added last, or NULL. */
static struct roadmap_finding *last(struct check *c)
{
	struct roadmap_findings *f = &c->to->f;

	return c->nomem || !f->n ? NULL : &f->items[f->n - 1];
}

void ck_relate(struct check *c, const char *id)
{
	struct roadmap_finding *x = last(c);

	if (x && !rm_list_add(&x->related, &x->n_related, id)) {
		c->nomem = true;
	}
}

void ck_at(struct check *c, long line)
{
	struct roadmap_finding *x = last(c);

	if (x) {
		x->line = line;
	}
}

void ck_at_quarter(struct check *c, long line, const char *quarter)
{
	struct roadmap_finding *x = last(c);

	if (x) {
		x->line = line;
		rm_finding_fingerprint(x, quarter, 0);
	}
}

void ck_amount(struct check *c, enum roadmap_amount_kind kind, int64_t v)
{
	struct roadmap_finding *x = last(c);

	if (x) {
		x->amount_kind = kind;
		x->amount = v;
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
	struct roadmap_finding *x = last(c);

	if (x) {
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

/* ------------------------------------------------------------ the table */

static const struct ck_rule rules[] = {
    {.code = "unknown-reference",
     .severity = ROADMAP_SEVERITY_ERROR,
     .subject = CK_ABOUT_INITIATIVE_OR_ENVELOPE,
     .pass = CK_EACH,
     .initiative = ck_unknown_reference,
     .envelope = ck_unknown_pillar},
    {.code = "unaligned-initiative",
     .severity = ROADMAP_SEVERITY_ERROR,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_EACH,
     .initiative = ck_unaligned_initiative},
    {.code = "dependency-cycle",
     .severity = ROADMAP_SEVERITY_ERROR,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_WHOLE,
     .whole = ck_dependency_cycle},
    {.code = "dependency-order",
     .severity = ROADMAP_SEVERITY_ERROR,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_EACH,
     .initiative = ck_dependency_order},
    {.code = "invalid-dates",
     .severity = ROADMAP_SEVERITY_ERROR,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_EACH,
     .initiative = ck_invalid_dates},
    {.code = "budget-overrun",
     .severity = ROADMAP_SEVERITY_ERROR,
     .subject = CK_ABOUT_ENVELOPE,
     .pass = CK_EACH,
     .envelope = ck_budget_overrun},
    {.code = "goal-unfunded",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_GOAL,
     .pass = CK_WHOLE,
     .whole = ck_goal_unfunded},
    {.code = "goal-deferred",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_GOAL,
     .pass = CK_WHOLE,
     .whole = ck_goal_deferred},
    {.code = "goal-deadline",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_EACH,
     .initiative = ck_goal_deadline},
    {.code = "capacity-overrun",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_TEAM_QUARTER,
     .pass = CK_WHOLE,
     .whole = ck_capacity_overrun},
    {.code = "owner-overload",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_OWNER,
     .pass = CK_WHOLE,
     .before_tables = true,
     .whole = ck_owner_overload},
    {.code = "unbudgeted-spend",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_QUARTER,
     .pass = CK_WHOLE,
     .whole = ck_unbudgeted_spend},
    {.code = "actuals-overrun",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_EACH,
     .initiative = ck_actuals_overrun},
    {.code = "envelope-mismatch",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_ENVELOPE,
     .pass = CK_EACH,
     .envelope = ck_envelope_mismatch},
    {.code = "mix-off-target",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_PILLAR,
     .pass = CK_WHOLE,
     .whole = ck_mix_off_target},
    {.code = "initiative-late",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_WHOLE,
     .as_of = true,
     .before_tables = true,
     .whole = ck_initiative_late},
    {.code = "goal-at-risk",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_GOAL,
     .pass = CK_WHOLE,
     .as_of = true,
     .before_tables = true,
     .whole = ck_goal_at_risk},
    {.code = "cost-at-risk",
     .severity = ROADMAP_SEVERITY_WARNING,
     .subject = CK_ABOUT_INITIATIVE,
     .pass = CK_WHOLE,
     .as_of = true,
     .before_tables = true,
     .whole = ck_cost_at_risk},
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

const struct ck_rule *ck_rules(size_t *n)
{
	*n = N_RULES;
	return rules;
}

/* ------------------------------------------------------------ the passes */

static bool runs(const struct check *c, const struct ck_rule *r)
{
	return !r->as_of || c->has_as_of;
}

/*
 * The item-by-item pass: every initiative, then every envelope, through
 * each rule of the pass that has something to say about it. The rules are
 * looked up in the table once; an item costs one call per rule.
 */
static void pass_each(struct check *c, struct ck_list *lists)
{
	const struct roadmap *rm = c->rm;
	size_t per_init[N_RULES], per_env[N_RULES], ni = 0, ne = 0;

	for (size_t r = 0; r < N_RULES; r++) {
		if (rules[r].pass != CK_EACH || !runs(c, &rules[r])) {
			continue;
		}
		if (rules[r].initiative) {
			per_init[ni++] = r;
		}
		if (rules[r].envelope) {
			per_env[ne++] = r;
		}
	}
	for (size_t i = 0; i < rm->n_inits && !c->nomem; i++) {
		for (size_t k = 0; k < ni; k++) {
			c->rule = &rules[per_init[k]];
			c->to = &lists[per_init[k]];
			c->rule->initiative(c, i);
		}
	}
	for (size_t b = 0; b < rm->n_budgets && !c->nomem; b++) {
		for (size_t k = 0; k < ne; k++) {
			c->rule = &rules[per_env[k]];
			c->to = &lists[per_env[k]];
			c->rule->envelope(c, b);
		}
	}
}

/* The whole-roadmap pass, one rule after the other: of its rules, those
 * that run before the tables are built (BEFORE), the others (AFTER), or
 * both. */
enum { BEFORE = 1, AFTER = 2 };

static void pass_whole(struct check *c, struct ck_list *lists, int which)
{
	for (size_t r = 0; r < N_RULES && !c->nomem; r++) {
		if (rules[r].pass != CK_WHOLE || !runs(c, &rules[r]) ||
		    !(which & (rules[r].before_tables ? BEFORE : AFTER))) {
			continue;
		}
		c->rule = &rules[r];
		c->to = &lists[r];
		rules[r].whole(c);
	}
	if (c->has_day && !c->day_borrowed) {
		roadmap_tracking_release(&c->day);
		c->has_day = false;
	}
}

static void pass_early(struct check *c, struct ck_list *lists)
{
	pass_whole(c, lists, BEFORE);
}

/*
 * Every rule adds to a list of its own (each rule runs on one thread), and
 * the lists are put together in the table's order before they are sorted,
 * so that on any number of threads they are the same findings in the same
 * order. With threads, the rules that need no table run from the start,
 * beside the building of the tables (the owners' hash of every owner, the
 * day's figures); then the item-by-item pass runs on a thread of its own,
 * beside the rest of the whole-roadmap pass.
 */
struct helper {
	struct check c; /* the helper's own copy: its flags */
	struct ck_list *lists;
	void (*run)(struct check *c, struct ck_list *lists);
	pthread_t tid;
	bool started;
};

static void *helper_main(void *arg)
{
	struct helper *h = arg;

	h->run(&h->c, h->lists);
	return NULL;
}

static void helper_start(struct helper *h, const struct check *c,
			 struct ck_list *lists,
			 void (*run)(struct check *, struct ck_list *))
{
	h->c = *c;
	h->lists = lists;
	h->run = run;
	h->started = pthread_create(&h->tid, NULL, helper_main, h) == 0;
}

/* Joins h, or runs its rules here when it could not start. */
static void helper_join(struct check *c, struct helper *h)
{
	if (h->started) {
		pthread_join(h->tid, NULL);
	} else {
		h->run(&h->c, h->lists);
	}
	c->nomem = c->nomem || h->c.nomem;
	c->overflow = c->overflow || h->c.overflow;
	if (h->c.tracking_st && !c->tracking_st) {
		c->tracking_st = h->c.tracking_st;
		c->tracking_err = h->c.tracking_err;
	}
}

/* The rules' findings, in the table's order, into out. */
static bool gather(struct ck_list *lists, bool nomem,
		   struct roadmap_findings *out)
{
	size_t n = 0;

	for (size_t r = 0; r < N_RULES; r++) {
		n += lists[r].f.n;
	}
	out->items = nomem ? NULL : malloc((n + 1) * sizeof(*out->items));
	for (size_t r = 0; r < N_RULES; r++) {
		if (out->items) {
			for (size_t k = 0; k < lists[r].f.n; k++) {
				out->items[out->n++] = lists[r].f.items[k];
			}
			free(lists[r].f.items);
		} else {
			roadmap_findings_release(&lists[r].f);
		}
	}
	return out->items != NULL;
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
	return rm_check_prebuilt(rm, o, NULL, NULL, NULL, NULL, out, err);
}

enum roadmap_status rm_check_prebuilt(const struct roadmap *rm,
				      const struct roadmap_check_options *o,
				      const struct roadmap_spend *sp,
				      const struct rm_refs *refs,
				      const struct rm_graph *g,
				      const struct roadmap_tracking *day,
				      struct roadmap_findings *out,
				      struct roadmap_error *err)
{
	struct ck_list lists[N_RULES];
	struct check c = {0};
	struct helper early = {0}, each = {0};
	enum roadmap_status st = ROADMAP_OK;
	bool threads = o && o->threads && rm->n_inits >= 16384;

	memset(lists, 0, sizeof(lists));
	memset(out, 0, sizeof(*out));
	memcpy(out->currency, rm->currency, sizeof(out->currency));
	c.rm = rm;
	c.has_as_of = o && o->has_as_of;
	c.as_of = c.has_as_of ? o->as_of : 0;
	if (c.has_as_of && day) { /* the caller's, read and left to it */
		c.day = *day;
		c.has_day = c.day_borrowed = true;
	}
	if (threads) {
		helper_start(&early, &c, lists, pass_early);
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
	if (!st && (!ck_build_sums(&c) || !ck_build_cycles(&c))) {
		c.nomem = true;
	}
	if (!st && threads) {
		helper_start(&each, &c, lists, pass_each);
		pass_whole(&c, lists, AFTER);
		helper_join(&c, &each);
	} else if (!st) {
		pass_each(&c, lists);
		pass_whole(&c, lists, BEFORE | AFTER);
	}
	if (threads) {
		helper_join(&c, &early);
	}
	if (!gather(lists, c.nomem, out)) {
		c.nomem = true;
	}
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
	if (c.cycles) {
		rm_cycles_free(c.cycles, c.n_cycles);
	}
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
