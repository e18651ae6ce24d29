/* roadmap.c - the in-memory model: items, lookups and the defaults. */
#include "fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const rm_default_pillars[RM_DEFAULT_PILLARS] = {
    "strategy", "team", "operations", "innovation"};
/* the words are the field table's (fields.c) */
const char *roadmap_initiative_status_name(enum roadmap_initiative_status s)
{
	return (unsigned)s < RM_STATUS_WORDS ? rm_status_words[s] : NULL;
}

const char *roadmap_stage_name(enum roadmap_stage s)
{
	return (unsigned)s < RM_STAGE_WORDS ? rm_stage_words[s] : NULL;
}

int roadmap_initiative_status_parse(const char *name)
{
	return rm_word_of(rm_status_words, RM_STATUS_WORDS, name);
}

int roadmap_stage_parse(const char *name)
{
	return rm_word_of(rm_stage_words, RM_STAGE_WORDS, name);
}

bool roadmap_initiative_counts(const struct roadmap_initiative *i)
{
	return i->status != ROADMAP_CANCELLED && i->status != ROADMAP_DEFERRED;
}

bool roadmap_initiative_is_open(const struct roadmap_initiative *i)
{
	return roadmap_initiative_counts(i) && i->status != ROADMAP_DONE;
}

bool roadmap_id_valid(const char *s)
{
	size_t n = 0;

	if (!s) {
		return false;
	}
	for (const char *p = s; *p; p++, n++) {
		char c = *p;
		bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			     (c >= '0' && c <= '9');
		if (!alnum && (n == 0 || (c != '.' && c != '_' && c != '-'))) {
			return false;
		}
	}
	return n >= 1 && n <= 64;
}

void roadmap_initiative_init(struct roadmap_initiative *in)
{
	memset(in, 0, sizeof(*in));
	rm_fields_init(rm_initiative_fields, in);
}

void roadmap_goal_init(struct roadmap_goal *g)
{
	memset(g, 0, sizeof(*g));
	rm_fields_init(rm_goal_fields, g);
}

struct roadmap *roadmap_create(void)
{
	struct roadmap *rm = calloc(1, sizeof(*rm));

	if (!rm) {
		return NULL;
	}
	memcpy(rm->currency, "USD", 4);
	rm->fiscal_start = 1;
	rm->default_pillars = true;
	rm_policy_defaults(&rm->policy);
	for (size_t i = 0; i < 4; i++) {
		if (!rm_list_push(&rm->pillars, &rm->n_pillars,
				  rm_default_pillars[i])) {
			roadmap_destroy(rm);
			return NULL;
		}
	}
	return rm;
}

void rm_list_free(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i]);
	}
	free(list);
}

/*
 * Lists keep no capacity field: the capacity is the next power of two, so
 * the array grows (doubling) only when *n is 0 or a power of two. A list of
 * 100,000 related ids then costs 17 reallocations, not 100,000. This is the
 * one rule for every array that is appended to one item at a time (string
 * lists, the target mix's percentages): whoever builds such an array builds
 * it through this function, so no array is sized one way and grown another.
 */
bool rm_grow_pow2(void **arr, size_t n, size_t size)
{
	if (n != 0 && (n & (n - 1)) != 0) {
		return true;
	}
	size_t cap = n ? n * 2 : 1;
	if (cap > SIZE_MAX / size) {
		return false;
	}
	void *grown = realloc(*arr, cap * size);
	if (!grown) {
		return false;
	}
	*arr = grown;
	return true;
}

bool rm_list_push(char ***list, size_t *n, const char *s)
{
	char *copy = rm_strdup(s);
	void *arr = *list;

	if (!copy) {
		return false;
	}
	if (!rm_grow_pow2(&arr, *n, sizeof(**list))) {
		free(copy);
		return false;
	}
	*list = arr;
	(*list)[(*n)++] = copy;
	return true;
}

bool rm_list_add(const char *const **list, size_t *n, const char *s)
{
	char **own = rm_list_own(*list);
	bool ok = rm_list_push(&own, n, s);

	*list = (const char *const *)own;
	return ok;
}

void rm_goal_free(struct roadmap_goal *g)
{
	rm_fields_release(rm_goal_fields, g);
}

void rm_initiative_free(struct roadmap_initiative *in)
{
	rm_fields_release(rm_initiative_fields, in);
}

void rm_team_free(struct roadmap_team *t)
{
	rm_fields_release(rm_team_fields, t);
}

void roadmap_destroy(struct roadmap *rm)
{
	if (!rm) {
		return;
	}
	free(rm->name);
	rm_list_free(rm->pillars, rm->n_pillars);
	rm_list_free(rm_list_own(rm->policy.target_mix_pillar),
		     rm->policy.n_target_mix);
	free(rm_mix_own(&rm->policy));
	for (size_t i = 0; i < rm->n_teams; i++) {
		rm_team_free(&rm->teams[i]);
	}
	free(rm->teams);
	for (size_t i = 0; i < rm->n_goals; i++) {
		rm_goal_free(&rm->goals[i]);
	}
	free(rm->goals);
	for (size_t i = 0; i < rm->n_inits; i++) {
		rm_initiative_free(&rm->inits[i]);
	}
	free(rm->inits);
	for (size_t i = 0; i < rm->n_budgets; i++) {
		free((char *)rm->budgets[i].pillar);
		free(rm->budget_keys[i]);
	}
	free(rm->budgets);
	free(rm->budget_keys);
	for (size_t i = 0; i < rm->n_scenarios; i++) {
		rm_scenario_release(&rm->scenarios[i]);
	}
	free(rm->scenarios);
	if (rm->left_out) {
		rm_scenario_release(rm->left_out);
		free(rm->left_out);
	}
	idmap_release(&rm->budget_ids);
	idmap_release(&rm->goal_ids);
	idmap_release(&rm->init_ids);
	idmap_release(&rm->team_ids);
	free(rm);
}

/* ------------------------------------------------------------ accessors */

const char *roadmap_name(const struct roadmap *rm)
{
	return rm->name;
}

const char *roadmap_currency(const struct roadmap *rm)
{
	return rm->currency;
}

const char *rm_currency_mismatch(const struct roadmap *other,
				 const struct roadmap *rm, const char *whose,
				 const char *converter, char *buf, size_t size)
{
	if (strcmp(other->currency, rm->currency) == 0) {
		return NULL;
	}
	snprintf(buf, size,
		 "%s amounts are in %s, the roadmap's in %s (%s converts no "
		 "currency)",
		 whose, other->currency, rm->currency, converter);
	return buf;
}

int roadmap_fiscal_start(const struct roadmap *rm)
{
	return rm->fiscal_start;
}

size_t roadmap_pillar_count(const struct roadmap *rm)
{
	return rm->n_pillars;
}

const char *roadmap_pillar_at(const struct roadmap *rm, size_t i)
{
	return i < rm->n_pillars ? rm->pillars[i] : NULL;
}

bool roadmap_has_pillar(const struct roadmap *rm, const char *p)
{
	for (size_t i = 0; i < rm->n_pillars; i++) {
		if (strcmp(rm->pillars[i], p) == 0) {
			return true;
		}
	}
	return false;
}

const struct roadmap_policy *roadmap_policy(const struct roadmap *rm)
{
	return &rm->policy;
}

size_t roadmap_goal_count(const struct roadmap *rm)
{
	return rm->n_goals;
}

const struct roadmap_goal *roadmap_goal_at(const struct roadmap *rm, size_t i)
{
	return i < rm->n_goals ? &rm->goals[i] : NULL;
}

size_t roadmap_initiative_count(const struct roadmap *rm)
{
	return rm->n_inits;
}

const struct roadmap_initiative *roadmap_initiative_at(const struct roadmap *rm,
						       size_t i)
{
	return i < rm->n_inits ? &rm->inits[i] : NULL;
}

size_t roadmap_team_count(const struct roadmap *rm)
{
	return rm->n_teams;
}

const struct roadmap_team *roadmap_team_at(const struct roadmap *rm, size_t i)
{
	return i < rm->n_teams ? &rm->teams[i] : NULL;
}

size_t roadmap_budget_count(const struct roadmap *rm)
{
	return rm->n_budgets;
}

const struct roadmap_budget *roadmap_budget_at(const struct roadmap *rm,
					       size_t i)
{
	return i < rm->n_budgets ? &rm->budgets[i] : NULL;
}

long roadmap_goal_index(const struct roadmap *rm, const char *id)
{
	size_t i;

	return idmap_get(&rm->goal_ids, id, &i) ? (long)i : -1;
}

long roadmap_initiative_index(const struct roadmap *rm, const char *id)
{
	size_t i;

	return idmap_get(&rm->init_ids, id, &i) ? (long)i : -1;
}

const struct roadmap_goal *roadmap_find_goal(const struct roadmap *rm,
					     const char *id)
{
	long i = roadmap_goal_index(rm, id);

	return i < 0 ? NULL : &rm->goals[i];
}

const struct roadmap_initiative *
roadmap_find_initiative(const struct roadmap *rm, const char *id)
{
	long i = roadmap_initiative_index(rm, id);

	return i < 0 ? NULL : &rm->inits[i];
}

const struct roadmap_team *roadmap_find_team(const struct roadmap *rm,
					     const char *id)
{
	size_t i;

	return idmap_get(&rm->team_ids, id, &i) ? &rm->teams[i] : NULL;
}

enum item_kind rm_item_kind(const struct roadmap *rm, const char *id,
			    size_t *index)
{
	size_t i;

	if (idmap_get(&rm->goal_ids, id, &i)) {
		*index = i;
		return ITEM_GOAL;
	}
	if (idmap_get(&rm->init_ids, id, &i)) {
		*index = i;
		return ITEM_INITIATIVE;
	}
	return ITEM_NONE;
}

bool rm_reindex(struct roadmap *rm)
{
	idmap_clear(&rm->goal_ids);
	idmap_clear(&rm->init_ids);
	idmap_clear(&rm->team_ids);
	for (size_t i = 0; i < rm->n_goals; i++) {
		if (!idmap_put(&rm->goal_ids, rm->goals[i].id, i)) {
			return false;
		}
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		if (!idmap_put(&rm->init_ids, rm->inits[i].id, i)) {
			return false;
		}
	}
	for (size_t i = 0; i < rm->n_teams; i++) {
		if (!idmap_put(&rm->team_ids, rm->teams[i].id, i)) {
			return false;
		}
	}
	return true;
}

/* Grows an array of elements of size sz to hold one more. */
static bool reserve(void **arr, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap) {
		return true;
	}
	size_t c = *cap ? *cap * 2 : 16;
	void *p = realloc(*arr, c * sz);
	if (!p) {
		return false;
	}
	*arr = p;
	*cap = c;
	return true;
}

/*
 * Room for n more goals or initiatives, taken at once: growing by doubling
 * while a large file loads would realloc the arrays and the index a dozen
 * times, and make malloc consolidate its free lists each time.
 */
bool rm_reserve(struct roadmap *rm, enum item_kind kind, size_t n)
{
	if (kind == ITEM_GOAL) {
		size_t want = rm->n_goals + n;
		if (want > rm->cap_goals) {
			void *p = realloc(rm->goals, want * sizeof(*rm->goals));
			if (!p) {
				return false;
			}
			rm->goals = p;
			rm->cap_goals = want;
		}
		return idmap_reserve(&rm->goal_ids, want);
	}
	size_t want = rm->n_inits + n;
	if (want > rm->cap_inits) {
		void *p = realloc(rm->inits, want * sizeof(*rm->inits));
		if (!p) {
			return false;
		}
		rm->inits = p;
		rm->cap_inits = want;
	}
	return idmap_reserve(&rm->init_ids, want);
}

/*
 * The push functions take ownership. The id index is updated in place; a
 * realloc of the item array moves the ids' owners but not the id strings,
 * which the index points at, so it stays valid.
 */
bool rm_push_goal(struct roadmap *rm, const struct roadmap_goal *g)
{
	if (!reserve((void **)&rm->goals, &rm->cap_goals, rm->n_goals,
		     sizeof(*g)) ||
	    !idmap_put(&rm->goal_ids, g->id, rm->n_goals)) {
		return false;
	}
	rm->goals[rm->n_goals++] = *g;
	return true;
}

bool rm_push_initiative(struct roadmap *rm, const struct roadmap_initiative *in)
{
	if (!reserve((void **)&rm->inits, &rm->cap_inits, rm->n_inits,
		     sizeof(*in)) ||
	    !idmap_put(&rm->init_ids, in->id, rm->n_inits)) {
		return false;
	}
	rm->inits[rm->n_inits++] = *in;
	return true;
}

bool rm_push_team(struct roadmap *rm, const struct roadmap_team *t)
{
	if (!reserve((void **)&rm->teams, &rm->cap_teams, rm->n_teams,
		     sizeof(*t)) ||
	    !idmap_put(&rm->team_ids, t->id, rm->n_teams)) {
		return false;
	}
	rm->teams[rm->n_teams++] = *t;
	return true;
}

bool rm_push_budget(struct roadmap *rm, const struct roadmap_budget *b)
{
	char key[200], **keys;
	size_t cap = rm->cap_budgets;

	if (!reserve((void **)&rm->budgets, &cap, rm->n_budgets, sizeof(*b))) {
		return false;
	}
	if (cap != rm->cap_budgets) {
		if (!(keys = realloc(rm->budget_keys, cap * sizeof(*keys)))) {
			return false; /* the larger array is kept: harmless */
		}
		rm->budget_keys = keys;
		rm->cap_budgets = cap;
	}
	char *k = rm_strdup(rm_budget_key(b, key, sizeof(key)));
	if (!k || !idmap_put(&rm->budget_ids, k, rm->n_budgets)) {
		free(k);
		return false;
	}
	rm->budget_keys[rm->n_budgets] = k;
	rm->budgets[rm->n_budgets++] = *b;
	return true;
}

bool rm_reindex_budgets(struct roadmap *rm)
{
	char key[200];

	idmap_clear(&rm->budget_ids);
	for (size_t i = 0; i < rm->n_budgets; i++) {
		char *k =
		    rm_strdup(rm_budget_key(&rm->budgets[i], key, sizeof(key)));
		if (!k) {
			return false;
		}
		free(rm->budget_keys[i]);
		rm->budget_keys[i] = k;
		if (!idmap_put(&rm->budget_ids, k, i)) {
			return false;
		}
	}
	return true;
}

bool rm_actual_put(struct roadmap_initiative *in,
		   const struct roadmap_actual *put)
{
	size_t i = 0;

	while (i < in->n_actuals && in->actuals[i].qi < put->qi) {
		i++;
	}
	if (i < in->n_actuals && in->actuals[i].qi == put->qi) {
		in->actuals[i] = *put;
		return true;
	}
	struct roadmap_actual *a =
	    realloc(in->actuals, (in->n_actuals + 1) * sizeof(*a));
	if (!a) {
		return false;
	}
	memmove(a + i + 1, a + i, (in->n_actuals - i) * sizeof(*a));
	a[i] = *put;
	in->actuals = a;
	in->n_actuals++;
	return true;
}

char *rm_budget_label(const struct roadmap_budget *b, char *buf, size_t n)
{
	char q[12];

	if (b->is_year) {
		snprintf(buf, n, "FY%04d", b->year);
	} else {
		snprintf(
		    buf, n, "%s",
		    roadmap_quarter_label(b->year * 4 + b->quarter - 1, q));
	}
	return buf;
}

char *rm_budget_key(const struct roadmap_budget *b, char *buf, size_t n)
{
	char label[16];

	rm_budget_label(b, label, sizeof(label));
	snprintf(buf, n, "%s%s%s", label, b->pillar ? "/" : "",
		 b->pillar ? b->pillar : "");
	return buf;
}

long rm_budget_find(const struct roadmap *rm, const struct roadmap_budget *b)
{
	char key[200];
	size_t i;

	return idmap_get(&rm->budget_ids, rm_budget_key(b, key, sizeof(key)),
			 &i)
		   ? (long)i
		   : -1;
}

bool *rm_enveloped_quarters(const struct roadmap *rm, int qmin, int qmax)
{
	size_t n = qmax >= qmin ? (size_t)(qmax - qmin + 1) : 0;
	bool *on = calloc(n + 1, sizeof(bool));

	for (size_t i = 0; on && i < rm->n_budgets; i++) {
		const struct roadmap_budget *b = &rm->budgets[i];
		int q1, q0 = rm_budget_quarters(b, &q1);
		for (int q = q0 < qmin ? qmin : q0; q <= q1 && q <= qmax; q++) {
			on[q - qmin] = true;
		}
	}
	return on;
}

const char *rm_envelope_pillar(const struct roadmap *rm)
{
	const char *p = NULL;

	for (size_t i = 0; i < rm->n_budgets; i++) {
		if (!rm->budgets[i].pillar) {
			return NULL;
		}
	}
	if (rm->n_inits) {
		p = rm->inits[0].pillar;
		for (size_t i = 1; p && i < rm->n_inits; i++) {
			if (!rm->inits[i].pillar ||
			    strcmp(rm->inits[i].pillar, p) != 0) {
				return NULL;
			}
		}
		return p;
	}
	for (size_t i = 0; i < rm->n_budgets; i++) {
		const char *q = rm->budgets[i].pillar;
		if (p && strcmp(p, q) != 0) {
			return NULL;
		}
		p = q;
	}
	return p;
}

bool rm_budget_duplicate(const struct roadmap *rm,
			 const struct roadmap_budget *b)
{
	return rm_budget_find(rm, b) >= 0;
}

int rm_budget_quarters(const struct roadmap_budget *b, int *last)
{
	int first = b->is_year ? b->year * 4 : b->year * 4 + b->quarter - 1;

	if (last) {
		*last = b->is_year ? first + 3 : first;
	}
	return first;
}

static const char *const table_names[] = {ROADMAP_KEY_INITIATIVES,
					  ROADMAP_KEY_GOALS,
					  ROADMAP_KEY_TEAMS,
					  ROADMAP_KEY_BUDGETS,
					  ROADMAP_FIELD_ACTUALS,
					  ROADMAP_WORD_BUDGET,
					  "findings",
					  "schedule",
					  ROADMAP_FIELD_PROGRESS,
					  ROADMAP_FIELD_MEASUREMENTS};
#define N_TABLES (sizeof(table_names) / sizeof(table_names[0]))

const char *roadmap_table_name(enum roadmap_table t)
{
	return (unsigned)t < N_TABLES ? table_names[t]
				      : ROADMAP_KEY_INITIATIVES;
}

int roadmap_table_parse(const char *name)
{
	for (int i = 0; i < (int)N_TABLES; i++) {
		if (strcmp(name, table_names[i]) == 0) {
			return i;
		}
	}
	return -1;
}
