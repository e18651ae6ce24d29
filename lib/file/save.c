/*
 * save.c - the canonical form of the roadmap file (roadmap(5)): keys in the
 * documented order, defaults left out, amounts exact, streamed item by
 * item; a model the loader would refuse for its dates is not written.
 */
#include "loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool default_pillars(const struct roadmap *rm)
{
	if (rm->n_pillars != RM_DEFAULT_PILLARS) {
		return false;
	}
	for (size_t i = 0; i < RM_DEFAULT_PILLARS; i++) {
		if (strcmp(rm->pillars[i], rm_default_pillars[i]) != 0) {
			return false;
		}
	}
	return true;
}

static void save_policy(const struct roadmap *rm, cJSON *root, bool *ok)
{
	cJSON *o = rm_policy_json(&rm->policy, false, ok);

	if (o) {
		rm_json_add(root, ROADMAP_KEY_POLICY, o, ok);
	}
}

static void opt_string(cJSON *o, const char *key, const char *s, bool *ok)
{
	if (s) {
		rm_json_add(o, key, rm_json_ref(s), ok);
	}
}

/* Writes one array of items, each built, written and freed in turn. */
/* The items of one list, each built from its kind's fields, written and
 * freed in turn. */
static void stream_items(struct strbuf *b, const char *key, size_t n,
			 const struct rm_field *fields, const void *items,
			 size_t size, bool *first, bool *ok)
{
	if (n == 0 || !*ok) {
		return;
	}
	rm_json_key(b, 1, key, *first);
	*first = false;
	rm_json_open(b, false);
	for (size_t i = 0; *ok && i < n; i++) {
		cJSON *o = cJSON_CreateObject();
		*ok = o != NULL;
		rm_fields_json(o, fields, (const char *)items + i * size, false,
			       ok);
		if (*ok) {
			rm_json_member(b, 2, NULL, o, i == 0);
		}
		cJSON_Delete(o);
	}
	rm_json_close(b, 1, false);
}

/* The fiscal quarter qi lies in the years the file can hold. */
static bool quarter_savable(const struct roadmap *rm, int qi)
{
	return rm_quarter_in_range(qi, rm->fiscal_start);
}

/* Refuses a model the loader would refuse for its dates, so that nothing
 * saved fails to load (roadmap(5)). */
enum roadmap_status rm_savable(const struct roadmap *rm,
			       struct roadmap_error *err)
{
	char q[120], why[96];

	for (size_t i = 0; i < rm->n_goals; i++) {
		const struct roadmap_goal *g = &rm->goals[i];
		if (g->has_due && !rm_day_in_range(g->due)) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s: due is outside the years "
				       "1900-2200",
				       rm_quote(g->id, q, sizeof(q)));
		}
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (rm_dates_problem(in, why, sizeof(why))) {
			return rm_fail(err, ROADMAP_ERR_DATA, "%s: %s",
				       rm_quote(in->id, q, sizeof(q)), why);
		}
		for (size_t k = 0; k < in->n_actuals; k++) {
			if (!quarter_savable(rm, in->actuals[k].qi)) {
				return rm_fail(err, ROADMAP_ERR_DATA,
					       "%s: an actual is for a quarter "
					       "outside the years 1900-2200",
					       rm_quote(in->id, q, sizeof(q)));
			}
		}
	}
	for (size_t i = 0; i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		int qi = rm_budget_quarters(b, NULL);
		if (!quarter_savable(rm, qi) ||
		    (b->is_year && !quarter_savable(rm, qi + 3))) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "envelope %s is outside the years "
				       "1900-2200",
				       rm_budget_key(b, why, sizeof(why)));
		}
	}
	return ROADMAP_OK;
}

/*
 * The canonical text, streamed: the settings as one small tree, then every
 * item built, written and freed in turn, so that saving a large roadmap
 * never holds a second copy of it as cJSON nodes.
 */
enum roadmap_status roadmap_save_buffer(const struct roadmap *rm, char **out,
					size_t *len, struct roadmap_error *err)
{
	struct strbuf b = {0};
	bool ok = true, first = true;
	enum roadmap_status st = rm_savable(rm, err);
	cJSON *head;

	if (st) {
		return st;
	}
	head = cJSON_CreateObject();

	rm_json_add(head, ROADMAP_KEY_FORMAT, cJSON_CreateNumber(1), &ok);
	opt_string(head, ROADMAP_KEY_NAME, rm->name, &ok);
	if (strcmp(rm->currency, "USD") != 0) {
		rm_json_add(head, ROADMAP_KEY_CURRENCY,
			    cJSON_CreateString(rm->currency), &ok);
	}
	if (rm->fiscal_start != 1) {
		rm_json_add(head, ROADMAP_KEY_FISCAL_YEAR_START,
			    cJSON_CreateNumber(rm->fiscal_start), &ok);
	}
	if (!default_pillars(rm)) {
		rm_json_add(head, ROADMAP_KEY_PILLARS,
			    rm_json_string_list(rm->pillars, rm->n_pillars),
			    &ok);
	}
	save_policy(rm, head, &ok);
	b.cap = 4096 + rm->n_inits * 600 + rm->n_goals * 300;
	if (!(b.data = malloc(b.cap))) {
		cJSON_Delete(head);
		return rm_nomem(err);
	}
	rm_json_open(&b, true);
	for (const cJSON *c = head ? head->child : NULL; ok && c; c = c->next) {
		rm_json_member(&b, 1, c->string, c, first);
		first = false;
	}
	cJSON_Delete(head);
	stream_items(&b, ROADMAP_KEY_TEAMS, rm->n_teams, rm_team_fields,
		     rm->teams, sizeof(*rm->teams), &first, &ok);
	stream_items(&b, ROADMAP_KEY_GOALS, rm->n_goals, rm_goal_fields,
		     rm->goals, sizeof(*rm->goals), &first, &ok);
	stream_items(&b, ROADMAP_KEY_INITIATIVES, rm->n_inits,
		     rm_initiative_fields, rm->inits, sizeof(*rm->inits),
		     &first, &ok);
	stream_items(&b, ROADMAP_KEY_BUDGETS, rm->n_budgets, rm_budget_fields,
		     rm->budgets, sizeof(*rm->budgets), &first, &ok);
	if (ok && rm->n_scenarios) {
		cJSON *sc = rm_scenarios_json(rm, &ok);
		if (sc) {
			rm_json_member(&b, 1, ROADMAP_KEY_SCENARIOS, sc, first);
			first = false;
		}
		cJSON_Delete(sc);
	}
	rm_json_close(&b, 0, true);
	sb_put(&b, "\n", 1);
	if (!ok || b.failed || !b.data) {
		sb_release(&b);
		return rm_nomem(err);
	}
	*out = b.data;
	if (len) {
		*len = b.len;
	}
	return ROADMAP_OK;
}
