/*
 * scenario-file.c - scenarios in the file (roadmap(5), SCENARIOS): their
 * strict reading, every value checked as its field would be, and their
 * canonical list for the save.
 */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- loading */

/* A setting's key a scenario may change: `config`'s, but the fiscal
 * year's start (its envelopes and actuals are keyed by its periods). */
static bool setting_key(const char *key)
{
	const char *const *keys = roadmap_config_keys();
	static const char mix[] =
	    ROADMAP_KEY_POLICY "." ROADMAP_KEY_TARGET_MIX ".";

	if (strcmp(key, ROADMAP_KEY_FISCAL_YEAR_START) == 0 ||
	    strcmp(key, ROADMAP_KEY_CURRENCY) == 0) {
		return false;
	}
	for (size_t i = 0; keys[i]; i++) {
		if (strcmp(keys[i], key) == 0) {
			return true;
		}
	}
	return strncmp(key, mix, sizeof(mix) - 1) == 0 &&
	       roadmap_id_valid(key + sizeof(mix) - 1);
}

/* What is wrong with a setting's value (the JSON type: the value itself
 * is checked when the scenario is used), or NULL. */
static const char *setting_problem(const char *key, const cJSON *v)
{
	if (cJSON_IsNull(v)) {
		return strcmp(key, ROADMAP_KEY_CURRENCY) == 0 ||
			       strcmp(key, ROADMAP_KEY_PILLARS) == 0
			   ? "must not be null"
			   : NULL;
	}
	if (strcmp(key, ROADMAP_KEY_PILLARS) == 0) {
		const cJSON *p;
		if (!cJSON_IsArray(v)) {
			return "must be a list of pillar names";
		}
		cJSON_ArrayForEach(p, v)
		{
			if (!cJSON_IsString(p) ||
			    !roadmap_id_valid(p->valuestring)) {
				return "must be a list of pillar names";
			}
		}
		return NULL;
	}
	if (strcmp(key, ROADMAP_KEY_NAME) == 0 ||
	    strcmp(key, ROADMAP_KEY_CURRENCY) == 0) {
		return cJSON_IsString(v) ? NULL : "must be a string";
	}
	return cJSON_IsNumber(v) ? NULL : "must be a number";
}

/* A field change's value: one the field can hold (read into a scratch
 * item by its type), or null for an optional field. */
static const char *field_problem(const struct roadmap *rm,
				 enum rm_change_kind k,
				 const struct rm_field *f, const cJSON *v,
				 char *why, size_t size)
{
	union sc_item it;
	enum roadmap_status st;

	if (cJSON_IsNull(v)) {
		if (!f->required) {
			return NULL;
		}
		snprintf(why, size, "%s is required: it cannot be null",
			 f->name);
		return why;
	}
	memset(&it, 0, sizeof(it));
	if (k == RM_CH_GOAL) {
		roadmap_goal_init(&it.g);
	} else if (k == RM_CH_INITIATIVE) {
		roadmap_initiative_init(&it.in);
	}
	st = f->type->load(f, v, &it, rm->fiscal_start, why, size);
	rm_fields_release(sc_fields_of(k), &it);
	if (st == ROADMAP_ERR_NOMEM) {
		snprintf(why, size, "out of memory");
	}
	return st ? why : NULL;
}

/* A whole item's value: null, or an object the loader reads as an item
 * whose key is the change's. */
/* (*canon is then the item's canonical object, or null: the form the
 * save writes and the conflicts compare.) */
static const char *whole_problem(const struct roadmap *rm,
				 enum rm_change_kind k, const char *id,
				 const cJSON *v, cJSON **canon, char *why,
				 size_t size)
{
	union sc_item it;
	char key[200];

	*canon = NULL;
	if (cJSON_IsNull(v)) {
		*canon = cJSON_CreateNull();
		return *canon ? NULL : "out of memory";
	}
	if (!cJSON_IsObject(v)) {
		return "must be an object (the whole item) or null";
	}
	if (sc_item_from(rm, k, v, &it, why, size)) {
		return why;
	}
	bool same = strcmp(sc_item_key(k, &it, key, sizeof(key)), id) == 0;
	if (same && !(*canon = sc_file_object(k, &it))) {
		sc_release_item(k, &it);
		return "out of memory";
	}
	sc_release_item(k, &it);
	return same ? NULL : "is an item with another id";
}

/* Files key (taken) in the index of keys seen; false when out of memory
 * (key freed). A key seen already stays once. */
static bool keep_key(struct sc_index *x, char *key)
{
	size_t old;

	if (!rm_grow_pow2((void **)&x->keys, x->n, sizeof(char *))) {
		free(key);
		return false;
	}
	x->keys[x->n++] = key;
	return idmap_add(&x->map, key, 0, &old) >= 0;
}

static enum roadmap_status load_change(struct load *L, const cJSON *c,
				       struct rm_scenario *s,
				       struct sc_index *seen)
{
	static const char *const keys[] = {ROADMAP_KEY_KIND,  ROADMAP_FIELD_ID,
					   ROADMAP_KEY_FIELD, ROADMAP_KEY_BASE,
					   ROADMAP_KEY_VALUE, NULL};
	const cJSON *kv, *idv, *fv, *bv, *vv;
	cJSON *cb = NULL, *cv = NULL; /* a whole item's canonical values */
	struct rm_change ch = {0};
	const struct rm_field *f = NULL;
	enum roadmap_status st;
	char why[512], q[160];
	const char *bad;
	int k;

	if (!cJSON_IsObject(c)) {
		return ld_bad(L, "must be an object");
	}
	if ((st = ld_check_keys(L, c, keys))) {
		return st;
	}
	kv = ld_get(L, c, ROADMAP_KEY_KIND);
	idv = ld_get(L, c, ROADMAP_FIELD_ID);
	fv = ld_get(L, c, ROADMAP_KEY_FIELD);
	bv = ld_get(L, c, ROADMAP_KEY_BASE);
	vv = ld_get(L, c, ROADMAP_KEY_VALUE);
	if (!kv || !cJSON_IsString(kv) ||
	    (k = rm_change_kind_parse(kv->valuestring)) < 0) {
		return ld_bad(L, "kind must be setting, team, goal, initiative "
				 "or budget");
	}
	if (!idv || !cJSON_IsString(idv)) {
		return ld_bad(L, "missing required field \"id\"");
	}
	if (!bv || !vv) {
		return ld_bad(L, "missing required field \"%s\"",
			      bv ? ROADMAP_KEY_VALUE : ROADMAP_KEY_BASE);
	}
	const char *id = idv->valuestring;
	if (k == RM_CH_SETTING) {
		if (fv) {
			return ld_bad(L, "a setting's change has no field");
		}
		if (!setting_key(id)) {
			return ld_bad(L,
				      "%s is not a setting a scenario can "
				      "change",
				      rm_quote(id, q, sizeof(q)));
		}
		if ((bad = setting_problem(id, bv)) ||
		    (bad = setting_problem(id, vv))) {
			return ld_bad(L, "%s %s", id, bad);
		}
	} else {
		if (k == RM_CH_BUDGET ? rm_envelope_named(L->rm, id, NULL) == -2
				      : !roadmap_id_valid(id)) {
			return ld_bad(
			    L, "%s is not %s", rm_quote(id, q, sizeof(q)),
			    k == RM_CH_BUDGET ? "an envelope (PERIOD or "
						"PERIOD/PILLAR)"
					      : "a valid id");
		}
		if (fv && (!cJSON_IsString(fv) ||
			   !(f = sc_changeable(k, fv->valuestring)))) {
			return ld_bad(
			    L,
			    "field %s is not a field a scenario "
			    "can change of a %s",
			    rm_quote(cJSON_IsString(fv) ? fv->valuestring : "?",
				     q, sizeof(q)),
			    rm_change_kinds[k]);
		}
		if (f &&
		    ((bad = field_problem(L->rm, k, f, bv, why, sizeof(why))) ||
		     (bad =
			  field_problem(L->rm, k, f, vv, why, sizeof(why))))) {
			return ld_bad(L, "%s", bad);
		}
		if (!f && ((bad = whole_problem(L->rm, k, id, bv, &cb, why,
						sizeof(why))) ||
			   (bad = whole_problem(L->rm, k, id, vv, &cv, why,
						sizeof(why))))) {
			cJSON_Delete(cb);
			return ld_bad(L, "%s", bad);
		}
		if (!f && cJSON_IsNull(bv) == cJSON_IsNull(vv)) {
			cJSON_Delete(cb);
			cJSON_Delete(cv);
			return ld_bad(L, "a whole item's change adds one "
					 "(base null) or removes one (value "
					 "null)");
		}
	}
	/* one change a field; a whole item's excludes its fields' (they
	 * mark their item with "*") */
	char *key = sc_change_key(k, id, f ? f->name : NULL);
	char *other = sc_change_key(k, id, f ? NULL : "*");
	char *mark = f ? sc_change_key(k, id, "*") : NULL;
	size_t at;
	if (!key || !other || (f && !mark)) {
		free(key);
		free(other);
		free(mark);
		cJSON_Delete(cb);
		cJSON_Delete(cv);
		return rm_nomem(L->err);
	}
	bool dup = idmap_get(&seen->map, key, &at);
	bool mixed = k != RM_CH_SETTING && idmap_get(&seen->map, other, &at);
	free(other);
	if (dup || mixed) {
		free(key);
		free(mark);
		cJSON_Delete(cb);
		cJSON_Delete(cv);
		return dup ? ld_bad(L, "a second change of the same %s",
				    f || k == RM_CH_SETTING ? "field" : "item")
			   : ld_bad(L, "a change of a whole item and of its "
				       "fields");
	}
	if (!keep_key(seen, key) || (mark && !keep_key(seen, mark))) {
		cJSON_Delete(cb);
		cJSON_Delete(cv);
		return rm_nomem(L->err);
	}
	ch.kind = (enum rm_change_kind)k;
	ch.id = rm_strdup(id);
	ch.field = f ? rm_strdup(f->name) : NULL;
	ch.base = cb ? cb : cJSON_Duplicate(bv, true);
	ch.value = cv ? cv : cJSON_Duplicate(vv, true);
	if (!ch.id || (f && !ch.field) || !ch.base || !ch.value ||
	    !rm_change_push(s, &ch)) {
		rm_change_release(&ch);
		return rm_nomem(L->err);
	}
	return ROADMAP_OK;
}

static enum roadmap_status load_scenario(struct load *L, const cJSON *o,
					 size_t i)
{
	static const char *const keys[] = {ROADMAP_KEY_NAME,
					   ROADMAP_KEY_CHANGES, NULL};
	struct rm_scenario s = {0};
	struct sc_index seen = {0};
	enum roadmap_status st;
	const cJSON *nv, *cv, *c;
	char q[160], where[160];

	if (!cJSON_IsObject(o)) {
		return ld_bad(L, "must be an object");
	}
	if ((st = ld_check_keys(L, o, keys))) {
		return st;
	}
	nv = ld_get(L, o, ROADMAP_KEY_NAME);
	cv = ld_get(L, o, ROADMAP_KEY_CHANGES);
	if (!nv || !cJSON_IsString(nv)) {
		return ld_bad(L, "missing required field \"name\"");
	}
	const char *name = nv->valuestring;
	snprintf(L->where, sizeof(L->where), ROADMAP_KEY_SCENARIOS "[%zu] %s",
		 i, rm_quote(name, q, sizeof(q)));
	if (!roadmap_id_valid(name) || strcmp(name, ROADMAP_WORD_BASE) == 0) {
		return ld_bad(L, "%s is not a valid scenario name",
			      rm_quote(name, q, sizeof(q)));
	}
	if (roadmap_scenario_index(L->rm, name) >= 0) {
		return ld_bad(L, "a second scenario %s",
			      rm_quote(name, q, sizeof(q)));
	}
	if (cv && !cJSON_IsArray(cv)) {
		return ld_bad(L, "changes must be a list");
	}
	snprintf(where, sizeof(where), "%.150s", L->where);
	if (!(s.name = rm_strdup(name))) {
		return rm_nomem(L->err);
	}
	size_t n = 0;
	st = ROADMAP_OK;
	cJSON_ArrayForEach(c, cv)
	{
		snprintf(L->where, sizeof(L->where), "%s changes[%zu]", where,
			 n++);
		if ((st = load_change(L, c, &s, &seen))) {
			break;
		}
	}
	sc_index_release(&seen);
	if (!st && !rm_scenario_push(L->rm, &s)) {
		st = rm_nomem(L->err);
	}
	if (st) {
		rm_scenario_release(&s);
	}
	return st;
}

enum roadmap_status rm_load_scenarios(struct load *L, const cJSON *v)
{
	enum roadmap_status st;
	const cJSON *o;
	size_t i = 0;

	ld_set_where(L, NULL, 0, NULL);
	snprintf(L->where, sizeof(L->where), ROADMAP_KEY_SCENARIOS);
	if (!cJSON_IsArray(v)) {
		return ld_bad(L, "must be a list of scenarios");
	}
	cJSON_ArrayForEach(o, v)
	{
		snprintf(L->where, sizeof(L->where),
			 ROADMAP_KEY_SCENARIOS "[%zu]", i);
		if ((st = load_scenario(L, o, i++))) {
			return st;
		}
	}
	return ROADMAP_OK;
}

/* ---------------------------------------------------------- saving */

cJSON *rm_scenarios_json(const struct roadmap *rm, bool *ok)
{
	cJSON *arr = cJSON_CreateArray();

	*ok = *ok && arr;
	for (size_t i = 0; *ok && i < rm->n_scenarios; i++) {
		const struct rm_scenario *s = &rm->scenarios[i];
		cJSON *o = cJSON_CreateObject(), *list;
		rm_json_push(arr, o, ok);
		rm_json_add(o, ROADMAP_KEY_NAME, cJSON_CreateString(s->name),
			    ok);
		list = rm_json_add(o, ROADMAP_KEY_CHANGES, cJSON_CreateArray(),
				   ok);
		for (size_t k = 0; *ok && k < s->n; k++) {
			const struct rm_change *c = &s->changes[k];
			cJSON *x = cJSON_CreateObject();
			rm_json_push(list, x, ok);
			rm_json_add(
			    x, ROADMAP_KEY_KIND,
			    cJSON_CreateString(rm_change_kinds[c->kind]), ok);
			rm_json_add(x, ROADMAP_FIELD_ID,
				    cJSON_CreateString(c->id), ok);
			if (c->field) {
				rm_json_add(x, ROADMAP_KEY_FIELD,
					    cJSON_CreateString(c->field), ok);
			}
			rm_json_add(x, ROADMAP_KEY_BASE,
				    cJSON_Duplicate(c->base, true), ok);
			rm_json_add(x, ROADMAP_KEY_VALUE,
				    cJSON_Duplicate(c->value, true), ok);
		}
	}
	if (!*ok) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}
