/*
 * scenario.c - what-if plans kept with the roadmap (roadmap(1), scenario):
 * their list, names and changes in memory. Reading and writing them, and
 * seeing the roadmap through one, is file/scenario.c's.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

static bool copy_scenario(struct rm_scenario *d, const struct rm_scenario *s);

const char *const rm_change_kinds[RM_CH_KINDS] = {
    ROADMAP_WORD_SETTING, ROADMAP_WORD_TEAM, ROADMAP_WORD_GOAL,
    ROADMAP_WORD_INITIATIVE, ROADMAP_WORD_BUDGET};

int rm_change_kind_parse(const char *word)
{
	for (int k = 0; k < RM_CH_KINDS; k++) {
		if (strcmp(word, rm_change_kinds[k]) == 0) {
			return k;
		}
	}
	return -1;
}

void rm_change_release(struct rm_change *c)
{
	free(c->id);
	free(c->field);
	cJSON_Delete(c->base);
	cJSON_Delete(c->value);
	memset(c, 0, sizeof(*c));
}

void rm_scenario_release(struct rm_scenario *s)
{
	for (size_t i = 0; i < s->n; i++) {
		rm_change_release(&s->changes[i]);
	}
	free(s->changes);
	free(s->name);
	memset(s, 0, sizeof(*s));
}

bool rm_scenario_push(struct roadmap *rm, const struct rm_scenario *s)
{
	if (!rm_grow_pow2((void **)&rm->scenarios, rm->n_scenarios,
			  sizeof(*s))) {
		return false;
	}
	rm->scenarios[rm->n_scenarios++] = *s;
	return true;
}

bool rm_change_push(struct rm_scenario *s, const struct rm_change *c)
{
	if (!rm_grow_pow2((void **)&s->changes, s->n, sizeof(*c))) {
		return false;
	}
	s->changes[s->n++] = *c;
	return true;
}

size_t roadmap_scenario_count(const struct roadmap *rm)
{
	return rm->n_scenarios;
}

const char *roadmap_scenario_name(const struct roadmap *rm, size_t i)
{
	return i < rm->n_scenarios ? rm->scenarios[i].name : NULL;
}

size_t roadmap_scenario_changes(const struct roadmap *rm, size_t i)
{
	return i < rm->n_scenarios ? rm->scenarios[i].n : 0;
}

long roadmap_scenario_index(const struct roadmap *rm, const char *name)
{
	for (size_t i = 0; name && i < rm->n_scenarios; i++) {
		if (strcmp(rm->scenarios[i].name, name) == 0) {
			return (long)i;
		}
	}
	return -1;
}

struct rm_scenario *rm_scenario_named(const struct roadmap *rm,
				      const char *name,
				      struct roadmap_error *err)
{
	long i = roadmap_scenario_index(rm, name);
	struct strbuf b = {0};
	char q[160];

	if (i >= 0) {
		return &rm->scenarios[i];
	}
	if (rm->n_scenarios == 0) {
		rm_fail(err, ROADMAP_ERR_DATA,
			"no scenario %s (the roadmap has none; make one with "
			"'roadmap scenario new NAME')",
			rm_quote(name, q, sizeof(q)));
		return NULL;
	}
	for (size_t k = 0; k < rm->n_scenarios; k++) {
		sb_puts(&b, k ? ", " : "");
		sb_puts(&b, rm->scenarios[k].name);
	}
	rm_fail(err, ROADMAP_ERR_DATA, "no scenario %s (the roadmap has %s)",
		rm_quote(name, q, sizeof(q)), b.data ? b.data : "?");
	sb_release(&b);
	return NULL;
}

enum roadmap_status roadmap_scenario_new(struct roadmap *rm, const char *name,
					 const char *from,
					 struct roadmap_error *err)
{
	struct rm_scenario s = {0}, *src = NULL;
	char q[160];

	if (!name || !roadmap_id_valid(name)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is not a valid scenario name (letters, "
			       "digits, '.', '_' and '-', starting with a "
			       "letter or digit, at most 64)",
			       rm_quote(name ? name : "", q, sizeof(q)));
	}
	if (strcmp(name, ROADMAP_WORD_BASE) == 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "\"" ROADMAP_WORD_BASE "\" names the roadmap "
			       "itself in scenario compare: choose another "
			       "name");
	}
	if (roadmap_scenario_index(rm, name) >= 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a scenario %s already exists",
			       rm_quote(name, q, sizeof(q)));
	}
	if (from && !(src = rm_scenario_named(rm, from, err))) {
		return ROADMAP_ERR_DATA;
	}
	if (!(s.name = rm_strdup(name))) {
		return rm_nomem(err);
	}
	if (src) {
		free(s.name);
		if (!copy_scenario(&s, src)) {
			rm_scenario_release(&s);
			return rm_nomem(err);
		}
		free(s.name);
		if (!(s.name = rm_strdup(name))) {
			rm_scenario_release(&s);
			return rm_nomem(err);
		}
	}
	if (!rm_scenario_push(rm, &s)) {
		rm_scenario_release(&s);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_scenario_remove(struct roadmap *rm,
					    const char *name,
					    struct roadmap_error *err)
{
	struct rm_scenario *s = rm_scenario_named(rm, name, err);

	if (!s) {
		return ROADMAP_ERR_DATA;
	}
	size_t i = (size_t)(s - rm->scenarios);
	rm_scenario_release(s);
	memmove(rm->scenarios + i, rm->scenarios + i + 1,
		(rm->n_scenarios - i - 1) * sizeof(*rm->scenarios));
	rm->n_scenarios--;
	return ROADMAP_OK;
}

/* A copy of scenario s into d; false when out of memory (release d). */
static bool copy_scenario(struct rm_scenario *d, const struct rm_scenario *s)
{
	memset(d, 0, sizeof(*d));
	if (!(d->name = rm_strdup(s->name))) {
		return false;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct rm_change *c = &s->changes[i];
		struct rm_change x = {c->kind, rm_strdup(c->id),
				      c->field ? rm_strdup(c->field) : NULL,
				      cJSON_Duplicate(c->base, true),
				      cJSON_Duplicate(c->value, true)};
		if (!x.id || (c->field && !x.field) || !x.base || !x.value ||
		    !rm_change_push(d, &x)) {
			rm_change_release(&x);
			return false;
		}
	}
	return true;
}

/* The items of rm copied into c; false when out of memory. */
static bool copy_items(struct roadmap *c, const struct roadmap *rm)
{
	if (!rm_reserve(c, ITEM_GOAL, rm->n_goals) ||
	    !rm_reserve(c, ITEM_INITIATIVE, rm->n_inits)) {
		return false;
	}
	for (size_t i = 0; i < rm->n_teams; i++) {
		struct roadmap_team t;
		if (!rm_copy_team(&t, &rm->teams[i]) || !rm_push_team(c, &t)) {
			rm_team_free(&t);
			return false;
		}
	}
	for (size_t i = 0; i < rm->n_goals; i++) {
		struct roadmap_goal g;
		if (!rm_copy_goal(&g, &rm->goals[i]) || !rm_push_goal(c, &g)) {
			rm_goal_free(&g);
			return false;
		}
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		struct roadmap_initiative in;
		if (!rm_copy_initiative(&in, &rm->inits[i]) ||
		    !rm_push_initiative(c, &in)) {
			rm_initiative_free(&in);
			return false;
		}
	}
	for (size_t i = 0; i < rm->n_budgets; i++) {
		struct roadmap_budget b = rm->budgets[i];
		if ((b.pillar && !(b.pillar = rm_strdup(b.pillar))) ||
		    !rm_push_budget(c, &b)) {
			free((char *)b.pillar);
			return false;
		}
	}
	return true;
}

struct roadmap *roadmap_copy(const struct roadmap *rm)
{
	struct roadmap *c = roadmap_create();
	bool ok = c != NULL;

	if (!ok) {
		return NULL;
	}
	rm_list_free(c->pillars, c->n_pillars);
	c->pillars = NULL;
	c->n_pillars = 0;
	ok = !rm->name || (c->name = rm_strdup(rm->name));
	memcpy(c->currency, rm->currency, sizeof(c->currency));
	c->fiscal_start = rm->fiscal_start;
	c->default_pillars = rm->default_pillars;
	for (size_t i = 0; ok && i < rm->n_pillars; i++) {
		ok = rm_list_push(&c->pillars, &c->n_pillars, rm->pillars[i]);
	}
	c->policy = rm->policy;
	c->policy.n_target_mix = 0;
	c->policy.target_mix_pillar = NULL;
	c->policy.target_mix_percent = NULL;
	for (size_t i = 0; ok && i < rm->policy.n_target_mix; i++) {
		ok = rm_target_mix_push(&c->policy,
					rm->policy.target_mix_pillar[i],
					rm->policy.target_mix_percent[i]) ==
		     ROADMAP_OK;
	}
	ok = ok && copy_items(c, rm);
	for (size_t i = 0; ok && i < rm->n_scenarios; i++) {
		struct rm_scenario s;
		ok = copy_scenario(&s, &rm->scenarios[i]);
		if (!ok || !rm_scenario_push(c, &s)) {
			rm_scenario_release(&s);
			ok = false;
		}
	}
	c->saved = rm->saved;
	if (!ok) {
		roadmap_destroy(c);
		return NULL;
	}
	return c;
}
