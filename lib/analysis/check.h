/*
 * check.h - what the rules of check share (check.c, check-rules.c,
 * check-money.c): the table of rules, the findings being built and the
 * tables worked out once for every rule.
 */
#ifndef ROADMAP_CHECK_H
#define ROADMAP_CHECK_H

#include "graph.h"

/* Findings under way: one list per rule (a rule runs on one thread), put
 * together in the table's order at the end. */
struct ck_list {
	struct roadmap_findings f;
	size_t cap;
};

struct ck_rule;

struct check {
	const struct roadmap *rm;
	const struct ck_rule *rule; /* the rule running now */
	struct ck_list *to;	    /* where it adds its findings */
	bool nomem, overflow;
	struct roadmap_spend sp;
	int q0;		 /* first quarter of the arrays below */
	size_t nq;	 /* quarters covered */
	int64_t *total;	 /* planned per quarter, all pillars */
	int64_t *pillar; /* planned per declared pillar and quarter */
	int *pidx;	 /* declared pillar of each initiative, or -1 */
	struct rm_refs refs;
	const struct rm_graph *graph; /* given, or NULL: the cycles build it */
	struct rm_cycle *cycles;      /* every dependency cycle */
	size_t n_cycles;
	size_t *comp;	/* dependency-cycle component of each initiative */
	bool has_as_of; /* the rules of a day run (roadmap(1), status) */
	roadmap_day as_of;
	/* the day's figures, worked out by the first rule of the day that
	 * needs them, on the thread that runs those rules, and released at
	 * the end of its pass */
	bool has_day;
	bool day_borrowed; /* the caller's (rm_check_prebuilt) */
	struct roadmap_tracking day;
	/* why the day's figures could not be worked out (an estimate past
	 * the largest amount), reported as the check's own error */
	enum roadmap_status tracking_st;
	struct roadmap_error tracking_err;
};

/*
 * The rules (roadmap(1), CHECK RULES), one row each, in the man page's
 * order (a unit test holds the two to each other). A rule runs in one of
 * two passes:
 *
 * CK_EACH   item by item: .initiative is called for every initiative in
 *           file order, then .envelope for every budget envelope (either
 *           may be NULL). With threads, this pass runs on its own thread
 *           beside the other.
 * CK_WHOLE  once, over the whole roadmap: .whole. These run one after the
 *           other on one thread, except that those marked .before_tables,
 *           which read none of the tables in struct check (spend, sums,
 *           references, cycles), start beside the building of the tables.
 *
 * A rule marked .as_of runs only with a day (check --as-of).
 */
enum ck_pass { CK_EACH = 1, CK_WHOLE };

/* What a rule's findings are about (their subject). */
enum ck_subject {
	CK_ABOUT_INITIATIVE = 1,
	CK_ABOUT_INITIATIVE_OR_ENVELOPE, /* the referring item */
	CK_ABOUT_GOAL,
	CK_ABOUT_TEAM_QUARTER, /* team@2026-Q3 */
	CK_ABOUT_OWNER,
	CK_ABOUT_ENVELOPE, /* 2026-Q3, FY2027/innovation */
	CK_ABOUT_QUARTER,
	CK_ABOUT_PILLAR,
};

struct ck_rule {
	const char *code;
	enum roadmap_severity severity;
	enum ck_subject subject;
	enum ck_pass pass;
	bool as_of;
	bool before_tables;
	void (*initiative)(struct check *c, size_t i);
	void (*envelope)(struct check *c, size_t b);
	void (*whole)(struct check *c);
};

/* The table; *n is set to the number of its rows. */
const struct ck_rule *ck_rules(size_t *n);

/* Adds a finding of the rule running now (its code and severity). */
__attribute__((format(printf, 3, 4))) void
ck_add(struct check *c, const char *subject, const char *fmt, ...);
/* Appends a related id to the last finding. */
void ck_relate(struct check *c, const char *id);
/* Where the last finding's item is in the file (see roadmap_finding). */
void ck_at(struct check *c, long line);
/* The same, for a finding told apart from its initiative's others by a
 * quarter: the quarter goes into its fingerprint. */
void ck_at_quarter(struct check *c, long line, const char *quarter);
void ck_at_initiative(struct check *c, const char *id);
/* The last finding's amount, for a baseline to compare (see
 * roadmap_finding). */
void ck_amount(struct check *c, enum roadmap_amount_kind kind, int64_t v);
void ck_sort_related(struct check *c);
/* Adds v to *acc, noting an overflow. */
void ck_sum(struct check *c, int64_t *acc, int64_t v);
/* "USD 1,234.56" into buf (48 bytes). */
const char *ck_money(const struct roadmap *rm, int64_t v, char *buf);

/* check-rules.c */
/* The dependency cycles and each initiative's component, with the other
 * tables (dependency-order reads the components); false when out of
 * memory. */
bool ck_build_cycles(struct check *c);
void ck_unknown_reference(struct check *c, size_t i);
void ck_unknown_pillar(struct check *c, size_t b);
void ck_unaligned_initiative(struct check *c, size_t i);
void ck_invalid_dates(struct check *c, size_t i);
void ck_dependency_order(struct check *c, size_t i);
void ck_goal_deadline(struct check *c, size_t i);
void ck_dependency_cycle(struct check *c);
void ck_goal_unfunded(struct check *c);
void ck_goal_deferred(struct check *c);
void ck_owner_overload(struct check *c);
void ck_capacity_overrun(struct check *c);
void ck_initiative_late(struct check *c);
void ck_goal_at_risk(struct check *c);
void ck_cost_at_risk(struct check *c);

/* check-money.c */
bool ck_build_sums(struct check *c);
void ck_budget_overrun(struct check *c, size_t b);
void ck_unbudgeted_spend(struct check *c);
void ck_actuals_overrun(struct check *c, size_t i);
void ck_mix_off_target(struct check *c);
void ck_envelope_mismatch(struct check *c, size_t b);

#endif
