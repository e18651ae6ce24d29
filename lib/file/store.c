/*
 * store.c - the roadmap file: strict loading (roadmap(5)); save.c writes it.
 *
 * Loading is two passes: rm_json_prescan() rejects bad text with a line and
 * column, then the cJSON tree is checked against the schema with a JSON path
 * in every message. References to missing items are not load errors: they
 * are findings of `check`, so a broken file can still be repaired.
 */
#include "loader.h"

#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static enum roadmap_status load_policy(struct load *L, const cJSON *v)
{
	const char *keys[16];
	struct roadmap_policy *p = &L->rm->policy;
	enum roadmap_status st;
	const cJSON *c;
	char q[120];
	size_t n = 0;

	ld_set_where(L, NULL, 0, NULL);
	snprintf(L->where, sizeof(L->where), "%s", ROADMAP_KEY_POLICY);
	if (!cJSON_IsObject(v)) {
		return ld_bad(L, "must be an object");
	}
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		keys[n++] = s->key;
	}
	keys[n++] = ROADMAP_KEY_TARGET_MIX;
	keys[n] = NULL;
	if ((st = ld_check_keys(L, v, keys))) {
		return st;
	}
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		double d = 0;
		if (!(c = ld_get(L, v, s->key))) {
			continue;
		}
		if ((st = ld_number(L, c, s->key, &d))) {
			return st;
		}
		if (rm_policy_check(s, d, q, sizeof(q))) {
			return ld_bad(L, "%s", q);
		}
		if (s->integer) {
			*(int *)(void *)((char *)p + s->offset) = (int)d;
		} else {
			*(double *)(void *)((char *)p + s->offset) = d;
		}
	}
	if (!(c = ld_get(L, v, ROADMAP_KEY_TARGET_MIX))) {
		return ROADMAP_OK;
	}
	snprintf(L->where, sizeof(L->where), "policy.target_mix");
	if (!cJSON_IsObject(c)) {
		return ld_bad(L, "must be an object of pillar percentages");
	}
	if ((st = ld_check_keys(L, c, NULL))) {
		return st;
	}
	const cJSON *m;
	cJSON_ArrayForEach(m, c)
	{
		double d = 0;
		if (!roadmap_id_valid(m->string)) {
			return ld_bad(L, "%s is not a valid pillar name",
				      rm_quote(m->string, q, sizeof(q)));
		}
		if ((st = ld_number(L, m, m->string, &d))) {
			return st;
		}
		if (d < 0 || d > 100 || signbit(d)) {
			return ld_bad(L,
				      "%s must be a percentage from 0 to 100",
				      m->string);
		}
		if ((st = rm_target_mix_push(p, m->string, d))) {
			return rm_nomem(L->err);
		}
	}
	return ROADMAP_OK;
}

/*
 * Reads every field of an item from object c as its kind's table
 * describes it (keys checked first), each by its type. shared_ids: goals
 * and initiatives share one namespace of ids, checked as soon as the id is
 * read.
 */
static enum roadmap_status load_fields(struct load *L, const cJSON *c,
				       const struct rm_field *fields,
				       void *item, bool shared_ids)
{
	const char *keys[32];
	char why[400];
	enum roadmap_status st;

	if (!cJSON_IsObject(c)) {
		return ld_bad(L, "must be an object");
	}
	rm_field_names(fields, keys, 32);
	if ((st = ld_check_keys(L, c, keys))) {
		return st;
	}
	for (const struct rm_field *f = fields; f->name; f++) {
		const cJSON *v = ld_get(L, c, f->name);
		if (!v) {
			if (f->required) {
				return ld_bad(L,
					      "missing required field \"%s\"",
					      f->name);
			}
			continue;
		}
		st = f->type->load(f, v, item, L->rm->fiscal_start, why,
				   sizeof(why));
		if (st == ROADMAP_ERR_DATA) {
			return ld_bad(L, "%s", why);
		}
		if (st) {
			return rm_nomem(L->err);
		}
		if (shared_ids && f == fields &&
		    (st = ld_dup_id(L, RM_AT(f, item, const char *)))) {
			return st;
		}
	}
	return ROADMAP_OK;
}

/*
 * The items of a list, one at a time: each parsed on its own from the
 * document's text where the pre-scan found it (so that no tree of the
 * whole file exists: memory follows the model), else the elements of arr
 * (a document parsed whole, as import's). NULL at the end or when out of
 * memory (nomem).
 */
struct items {
	const struct rm_item_lines *lines;
	int list;
	const cJSON *arr, *cur;
	size_t i, n;
	cJSON *own;
	struct rm_arena arena;
	bool sliced, nomem;
};

static void items_init(struct items *it, const struct load *L, int list,
		       const cJSON *arr)
{
	const struct rm_item_lines *l = L->lines;

	memset(it, 0, sizeof(*it));
	it->lines = l;
	it->list = list;
	it->arr = arr;
	it->sliced = l && l->text && l->arrays[list];
	it->n = it->sliced ? l->n[list] : (size_t)cJSON_GetArraySize(arr);
	rm_arena_open(&it->arena, it->sliced && l->cjson_hooks);
}

static const cJSON *items_next(struct items *it)
{
	const struct rm_item_lines *l = it->lines;

	rm_arena_delete(&it->arena, it->own);
	it->own = NULL;
	if (!it->sliced) {
		it->cur = it->cur ? it->cur->next : it->arr->child;
		return it->cur;
	}
	if (it->i >= it->n) {
		rm_arena_close(&it->arena);
		return NULL;
	}
	uint32_t b = l->begin[it->list][it->i], e = l->end[it->list][it->i];
	it->i++;
	/* an element that is not an object only needs to be one */
	it->own = e > b ? rm_arena_parse(&it->arena, l->text + b, e - b)
			: cJSON_CreateNull();
	if (!it->own) {
		it->nomem = true;
		rm_arena_close(&it->arena);
	}
	return it->own;
}

static void items_end(struct items *it)
{
	rm_arena_delete(&it->arena, it->own);
	it->own = NULL;
	rm_arena_close(&it->arena);
}

static enum roadmap_status load_teams(struct load *L, const cJSON *arr)
{
	const cJSON *c;
	size_t i = 0;
	char q[120];
	struct items it;

	items_init(&it, L, RM_LIST_TEAMS, arr);
	while ((c = items_next(&it))) {
		struct roadmap_team t = {0};
		enum roadmap_status st;
		t.line = rm_item_line(L->lines, RM_LIST_TEAMS, i);
		ld_set_item(L, ROADMAP_KEY_TEAMS, i++, c);
		if ((st = load_fields(L, c, rm_team_fields, &t, false))) {
			rm_team_free(&t);
			items_end(&it);
			return st;
		}
		if (roadmap_find_team(L->rm, t.id)) {
			st = ld_bad(L, "duplicate team id %s",
				    rm_quote(t.id, q, sizeof(q)));
			rm_team_free(&t);
			items_end(&it);
			return st;
		}
		if (!rm_push_team(L->rm, &t)) {
			rm_team_free(&t);
			items_end(&it);
			return rm_nomem(L->err);
		}
	}
	return it.nomem ? rm_nomem(L->err) : ROADMAP_OK;
}

static enum roadmap_status load_initiative(struct load *L, const cJSON *c,
					   struct roadmap_initiative *in,
					   bool shared_ids)
{
	enum roadmap_status st =
	    load_fields(L, c, rm_initiative_fields, in, shared_ids);
	char why[120];

	if (!st && rm_dates_problem(in, why, sizeof(why))) {
		return ld_bad(L, "%s", why);
	}
	return st;
}

static enum roadmap_status load_budget(struct load *L, const cJSON *c,
				       struct roadmap_budget *b)
{
	enum roadmap_status st = load_fields(L, c, rm_budget_fields, b, false);
	char q[120], label[16];

	if (st) {
		return st;
	}
	if (rm_budget_duplicate(L->rm, b)) {
		rm_budget_label(b, label, sizeof(label));
		return ld_bad(L, "a second budget for %s%s%s", label,
			      b->pillar ? " pillar " : "",
			      b->pillar ? rm_quote(b->pillar, q, sizeof(q))
					: "");
	}
	return ROADMAP_OK;
}

static void goal_init(void *g)
{
	roadmap_goal_init(g);
}

static enum roadmap_status goal_load(struct load *L, const cJSON *c, void *g,
				     bool dup)
{
	return load_fields(L, c, rm_goal_fields, g, dup);
}

static bool goal_push(struct roadmap *rm, const void *g)
{
	return rm_push_goal(rm, g);
}

static void goal_release(void *g)
{
	rm_goal_free(g);
}

static void initiative_init(void *in)
{
	roadmap_initiative_init(in);
}

static enum roadmap_status initiative_load(struct load *L, const cJSON *c,
					   void *in, bool dup)
{
	return load_initiative(L, c, in, dup);
}

static bool initiative_push(struct roadmap *rm, const void *in)
{
	return rm_push_initiative(rm, in);
}

static void initiative_release(void *in)
{
	rm_initiative_free(in);
}

static const struct rm_kind goals = {
    .list = RM_LIST_GOALS,
    .key = ROADMAP_KEY_GOALS,
    .item = ITEM_GOAL,
    .size = sizeof(struct roadmap_goal),
    .id = offsetof(struct roadmap_goal, id),
    .line = offsetof(struct roadmap_goal, line),
    .init = goal_init,
    .load = goal_load,
    .push = goal_push,
    .release = goal_release,
};

static const struct rm_kind initiatives = {
    .list = RM_LIST_INITIATIVES,
    .key = ROADMAP_KEY_INITIATIVES,
    .item = ITEM_INITIATIVE,
    .size = sizeof(struct roadmap_initiative),
    .id = offsetof(struct roadmap_initiative, id),
    .line = offsetof(struct roadmap_initiative, line),
    .init = initiative_init,
    .load = initiative_load,
    .push = initiative_push,
    .release = initiative_release,
};

/* A list long enough to be read in shares, with the caller's leave. */
static bool sharing(const struct load *L, const struct items *it)
{
	return it->sliced && L->lines->threads && !L->on_bad &&
	       it->n >= 2 * RM_SHARE_MIN;
}

/*
 * The goals or the initiatives: in shares when the list is long and the
 * caller allows, else one by one, each id checked as soon as it is read.
 */
static enum roadmap_status load_list(struct load *L, const cJSON *root,
				     const struct rm_kind *k)
{
	union {
		struct roadmap_goal g;
		struct roadmap_initiative in;
	} u;
	enum roadmap_status st;
	const cJSON *arr = ld_get_array(L, root, k->key, &st), *c;
	struct items it;
	size_t i = 0;

	if (!arr) {
		return st;
	}
	items_init(&it, L, k->list, arr);
	if (sharing(L, &it)) {
		items_end(&it);
		return rm_load_shared(L, k, it.n);
	}
	if (!rm_reserve(L->rm, k->item, it.n)) {
		items_end(&it);
		return rm_nomem(L->err);
	}
	while ((c = items_next(&it))) {
		k->init(&u);
		*(long *)(void *)((char *)&u + k->line) =
		    rm_item_line(L->lines, k->list, i);
		ld_set_item(L, k->key, i++, c);
		if ((st = k->load(L, c, &u, true)) ||
		    (!k->push(L->rm, &u) && (st = rm_nomem(L->err)))) {
			k->release(&u);
			if (ld_stop_at(L, st)) {
				items_end(&it);
				return st;
			}
		}
	}
	return it.nomem ? rm_nomem(L->err) : ROADMAP_OK;
}

static enum roadmap_status load_items(struct load *L, const cJSON *root)
{
	enum roadmap_status st;
	const cJSON *arr, *c;
	struct items it;
	size_t i;

	if ((arr = ld_get_array(L, root, ROADMAP_KEY_TEAMS, &st)) &&
	    (st = load_teams(L, arr))) {
		return st;
	}
	if (st) {
		return st;
	}
	if ((st = load_list(L, root, &goals)) ||
	    (st = load_list(L, root, &initiatives))) {
		return st;
	}
	if ((arr = ld_get_array(L, root, ROADMAP_KEY_BUDGETS, &st))) {
		items_init(&it, L, RM_LIST_BUDGETS, arr);
		i = 0;
		while ((c = items_next(&it))) {
			struct roadmap_budget b = {0};
			b.line = rm_item_line(L->lines, RM_LIST_BUDGETS, i);
			ld_set_where(L, ROADMAP_KEY_BUDGETS, i++, NULL);
			if ((st = load_budget(L, c, &b)) ||
			    (!rm_push_budget(L->rm, &b) &&
			     (st = rm_nomem(L->err)))) {
				free((char *)b.pillar);
				if (ld_stop_at(L, st)) {
					items_end(&it);
					return st;
				}
				st = ROADMAP_OK;
			}
		}
		st = it.nomem ? rm_nomem(L->err) : st;
	}
	return st ? st : L->bad_items ? ROADMAP_ERR_DATA : ROADMAP_OK;
}

enum roadmap_status rm_load_object(struct load *L, int kind, const cJSON *c,
				   void *item)
{
	enum roadmap_status st;

	switch (kind) {
	case ROADMAP_KIND_GOAL:
		roadmap_goal_init(item);
		if ((st = load_fields(L, c, rm_goal_fields, item, false))) {
			rm_goal_free(item);
		}
		return st;
	case ROADMAP_KIND_INITIATIVE:
		roadmap_initiative_init(item);
		if ((st = load_initiative(L, c, item, false))) {
			rm_initiative_free(item);
		}
		return st;
	case ROADMAP_KIND_TEAM:
		memset(item, 0, sizeof(struct roadmap_team));
		if ((st = load_fields(L, c, rm_team_fields, item, false))) {
			rm_team_free(item);
		}
		return st;
	default:
		memset(item, 0, sizeof(struct roadmap_budget));
		if ((st = load_fields(L, c, rm_budget_fields, item, false))) {
			free((char *)((struct roadmap_budget *)item)->pillar);
		}
		return st;
	}
}

static enum roadmap_status load_root(struct load *L, const cJSON *root)
{
	static const char *const keys[] = {
	    ROADMAP_KEY_FORMAT,	     ROADMAP_KEY_NAME,
	    ROADMAP_KEY_CURRENCY,    ROADMAP_KEY_FISCAL_YEAR_START,
	    ROADMAP_KEY_PILLARS,     ROADMAP_KEY_POLICY,
	    ROADMAP_KEY_TEAMS,	     ROADMAP_KEY_GOALS,
	    ROADMAP_KEY_INITIATIVES, ROADMAP_KEY_BUDGETS,
	    ROADMAP_KEY_SCENARIOS,   NULL};
	enum roadmap_status st;
	const cJSON *v, *scen;
	int format = 0;

	ld_set_where(L, NULL, 0, NULL);
	if (!cJSON_IsObject(root)) {
		return ld_bad(L, "the document must be a JSON object");
	}
	if ((st = ld_check_keys(L, root, keys))) {
		return st;
	}
	if (!(v = ld_get(L, root, ROADMAP_KEY_FORMAT))) {
		return ld_bad(L, "missing required field \"format\" (add "
				 "\"format\": 1)");
	}
	if (!cJSON_IsNumber(v) || v->valuedouble != 1) {
		if (ld_get_int(L, root, ROADMAP_KEY_FORMAT, 0, 1000000,
			       &format) == 0) {
			return ld_bad(L,
				      "unknown format %d (this version reads "
				      "format 1)",
				      format);
		}
		return ld_bad(L,
			      "unknown format (this version reads format 1)");
	}
	if ((st = ld_get_int(L, root, ROADMAP_KEY_FISCAL_YEAR_START, 1, 12,
			     &L->rm->fiscal_start)) ||
	    (st = ld_get_text(L, root, ROADMAP_KEY_NAME, false,
			      (const char **)&L->rm->name))) {
		return st;
	}
	if ((v = ld_get(L, root, ROADMAP_KEY_CURRENCY))) {
		struct roadmap_error e;
		if (!cJSON_IsString(v) ||
		    roadmap_set_currency(L->rm, v->valuestring, &e)) {
			return ld_bad(L,
				      "currency must be an ISO 4217 code like "
				      "\"USD\"");
		}
	}
	if ((v = ld_get(L, root, ROADMAP_KEY_PILLARS))) {
		char **list = NULL;
		size_t n = 0;
		if ((st = ld_get_id_list(L, root, ROADMAP_KEY_PILLARS, &list,
					 &n))) {
			rm_list_free(list, n);
			return st;
		}
		if (n == 0) {
			return ld_bad(L,
				      "pillars must name at least one pillar");
		}
		rm_list_free(L->rm->pillars, L->rm->n_pillars);
		L->rm->pillars = list;
		L->rm->n_pillars = n;
		L->rm->default_pillars = false;
	}
	scen = ld_get(L, root, ROADMAP_KEY_SCENARIOS);
	if ((v = ld_get(L, root, ROADMAP_KEY_POLICY)) &&
	    (st = load_policy(L, v))) {
		return st;
	}
	if ((st = load_items(L, root))) {
		return st;
	}
	return scen ? rm_load_scenarios(L, scen) : ROADMAP_OK;
}

static enum roadmap_status
load_tree(const char *name, const cJSON *root,
	  const struct rm_item_lines *lines, struct roadmap **out,
	  void (*on_bad)(void *ctx, const struct roadmap_error *e), void *ctx,
	  struct roadmap_error *err)
{
	struct load L = {name, err, NULL, ""};
	enum roadmap_status st;

	L.on_bad = on_bad;
	L.ctx = ctx;
	L.lines = lines;
	*out = NULL;
	if (!(L.rm = roadmap_create())) {
		return rm_nomem(err);
	}
	if ((st = load_root(&L, root))) {
		roadmap_destroy(L.rm);
		return st;
	}
	*out = L.rm;
	return ROADMAP_OK;
}

enum roadmap_status rm_load_tree(const char *name, const cJSON *root,
				 const struct rm_item_lines *lines,
				 struct roadmap **out,
				 struct roadmap_error *err)
{
	return load_tree(name, root, lines, out, NULL, NULL, err);
}

enum roadmap_status
rm_load_tree_all(const char *name, const cJSON *root, struct roadmap **out,
		 void (*on_bad)(void *ctx, const struct roadmap_error *e),
		 void *ctx, struct roadmap_error *err)
{
	return load_tree(name, root, NULL, out, on_bad, ctx, err);
}
