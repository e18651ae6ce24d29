/*
 * check.h - what the rules of check share (check.c, check-money.c): the
 * findings being built and the tables worked out once for every rule.
 */
#ifndef ROADMAP_CHECK_H
#define ROADMAP_CHECK_H

#include "graph.h"

struct check {
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
	const struct rm_graph *graph; /* given, or NULL: the rule builds it */
	size_t *comp;	/* dependency-cycle component of each initiative */
	bool has_as_of; /* the rules of a day run (roadmap(1), status) */
	/* why the day's figures could not be worked out (an estimate past
	 * the largest amount), reported as the check's own error */
	enum roadmap_status tracking_st;
	struct roadmap_error tracking_err;
	roadmap_day as_of;
};

/* Adds a finding. */
__attribute__((format(printf, 5, 6))) void
ck_add(struct check *c, enum roadmap_severity sev, const char *code,
       const char *subject, const char *fmt, ...);
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

/* check-money.c */
bool ck_build_sums(struct check *c);
void ck_budgets(struct check *c);
void ck_actuals(struct check *c);
void ck_mix(struct check *c);
void ck_envelopes(struct check *c);

#endif
