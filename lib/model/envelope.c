/*
 * envelope.c - budget envelopes and actuals as items of their own (roadmap(1)):
 * an envelope is named by its key, "PERIOD[/PILLAR]" ("2026-Q3",
 * "FY2027/innovation"), for `set KEY amount=...` and `rm KEY`; an actual
 * can be removed.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Parses "PERIOD[/PILLAR]" into *b (pillar pointing into buf). False when
 * text is not an envelope key: then it names no envelope, and the caller
 * says "no goal, initiative, team or envelope".
 */
static bool parse_key(const struct roadmap *rm, const char *text,
		      struct roadmap_budget *b, char *buf, size_t size)
{
	struct roadmap_period p;
	const char *slash = strchr(text, '/');
	size_t n = slash ? (size_t)(slash - text) : strlen(text);

	if (n >= size || (slash && !roadmap_id_valid(slash + 1))) {
		return false;
	}
	memcpy(buf, text, n);
	buf[n] = '\0';
	if (roadmap_period_parse(buf, rm->fiscal_start, &p, NULL) ||
	    (p.kind != ROADMAP_PERIOD_QUARTER &&
	     p.kind != ROADMAP_PERIOD_YEAR)) {
		return false;
	}
	memset(b, 0, sizeof(*b));
	b->is_year = p.kind == ROADMAP_PERIOD_YEAR;
	b->year = p.year;
	b->quarter = b->is_year ? 0 : p.index;
	b->pillar = slash ? (char *)(slash + 1) : NULL;
	return true;
}

long rm_envelope_named(const struct roadmap *rm, const char *text,
		       struct roadmap_error *err)
{
	struct roadmap_budget b;
	char buf[32], q[120];
	long i;

	if (!parse_key(rm, text, &b, buf, sizeof(buf))) {
		return -2;
	}
	if ((i = rm_budget_find(rm, &b)) < 0) {
		/* a typo in the pillar: the same period's envelopes; another
		 * period is not a typo */
		const char *cand[64], *near = NULL;
		size_t nc = 0, plen = strlen(buf);
		for (size_t k = 0; k < rm->n_budgets && nc < 64; k++) {
			const char *key = rm->budget_keys[k];
			if (strncmp(key, buf, plen) == 0 &&
			    (key[plen] == '/' || !key[plen])) {
				cand[nc++] = key;
			}
		}
		if (strchr(text, '/')) {
			near = roadmap_nearest(text, cand, nc);
		}
		if (near) {
			rm_fail(err, ROADMAP_ERR_DATA,
				"no envelope %s (did you mean \"%s\"?)",
				rm_quote(text, q, sizeof(q)), near);
		} else {
			rm_fail(err, ROADMAP_ERR_DATA,
				"no envelope %s (see 'roadmap list budgets')",
				rm_quote(text, q, sizeof(q)));
		}
	}
	return i;
}

enum roadmap_status rm_envelope_set(struct roadmap *rm, size_t i,
				    const char *field, const char *value,
				    struct roadmap_error *err)
{
	struct roadmap_error e;
	int64_t amount;

	if (strcmp(field, ROADMAP_FIELD_AMOUNT) != 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "an envelope has no field \"%s\" (fields: "
			       "amount; a new period or pillar is a new "
			       "envelope: rm, then add budget)",
			       field);
	}
	if (roadmap_money_parse(value, &amount, &e)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "amount %s", e.message);
	}
	rm->budgets[i].amount = amount;
	return ROADMAP_OK;
}

enum roadmap_status rm_envelope_remove(struct roadmap *rm, size_t i,
				       struct roadmap_error *err)
{
	free((char *)rm->budgets[i].pillar);
	free(rm->budget_keys[i]);
	memmove(rm->budgets + i, rm->budgets + i + 1,
		(rm->n_budgets - i - 1) * sizeof(*rm->budgets));
	memmove(rm->budget_keys + i, rm->budget_keys + i + 1,
		(rm->n_budgets - i - 1) * sizeof(*rm->budget_keys));
	rm->n_budgets--;
	/* the keys moved: index them again (their strings are reused) */
	idmap_clear(&rm->budget_ids);
	for (size_t k = 0; k < rm->n_budgets; k++) {
		if (!idmap_put(&rm->budget_ids, rm->budget_keys[k], k)) {
			return rm_nomem(err);
		}
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_unset_actual(struct roadmap *rm,
					 const char *initiative, int qi,
					 struct roadmap_error *err)
{
	char q[120], label[16];
	long i = roadmap_initiative_index(rm, initiative);

	if (i < 0) {
		return rm_fail(err, ROADMAP_ERR_DATA, "no initiative %s",
			       rm_quote(initiative, q, sizeof(q)));
	}
	struct roadmap_initiative *in = &rm->inits[i];
	for (size_t k = 0; k < in->n_actuals; k++) {
		if (in->actuals[k].qi == qi) {
			memmove(in->actuals + k, in->actuals + k + 1,
				(in->n_actuals - k - 1) * sizeof(*in->actuals));
			in->n_actuals--;
			return ROADMAP_OK;
		}
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "%s has no actual for %s",
		       rm_quote(initiative, q, sizeof(q)),
		       roadmap_quarter_label(qi, label));
}
