/*
 * scenario-items.c - the pieces of scenarios that their reading and their
 * use share (scenario.h): the kinds of item, items read from and written
 * to their file objects, a change's values, the index of changes.
 */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- the kinds */

int sc_rkind(enum rm_change_kind k)
{
	return k == RM_CH_TEAM	   ? ROADMAP_KIND_TEAM
	       : k == RM_CH_GOAL   ? ROADMAP_KIND_GOAL
	       : k == RM_CH_BUDGET ? ROADMAP_KIND_BUDGET
				   : ROADMAP_KIND_INITIATIVE;
}

const struct rm_field *sc_fields_of(enum rm_change_kind k)
{
	return rm_fields_of(sc_rkind(k));
}

size_t sc_count_of(const struct roadmap *rm, enum rm_change_kind k)
{
	return k == RM_CH_TEAM	   ? rm->n_teams
	       : k == RM_CH_GOAL   ? rm->n_goals
	       : k == RM_CH_BUDGET ? rm->n_budgets
				   : rm->n_inits;
}

size_t sc_size_of(enum rm_change_kind k)
{
	return k == RM_CH_TEAM	   ? sizeof(struct roadmap_team)
	       : k == RM_CH_GOAL   ? sizeof(struct roadmap_goal)
	       : k == RM_CH_BUDGET ? sizeof(struct roadmap_budget)
				   : sizeof(struct roadmap_initiative);
}

void *sc_item_at(const struct roadmap *rm, enum rm_change_kind k, size_t i)
{
	return k == RM_CH_TEAM	   ? (void *)&rm->teams[i]
	       : k == RM_CH_GOAL   ? (void *)&rm->goals[i]
	       : k == RM_CH_BUDGET ? (void *)&rm->budgets[i]
				   : (void *)&rm->inits[i];
}

const struct idmap *sc_ids_of(const struct roadmap *rm, enum rm_change_kind k)
{
	return k == RM_CH_TEAM	   ? &rm->team_ids
	       : k == RM_CH_GOAL   ? &rm->goal_ids
	       : k == RM_CH_BUDGET ? &rm->budget_ids
				   : &rm->init_ids;
}

/* An item's key: its id, or an envelope's "PERIOD[/PILLAR]". */
const char *sc_key_at(const struct roadmap *rm, enum rm_change_kind k, size_t i)
{
	return k == RM_CH_TEAM	   ? rm->teams[i].id
	       : k == RM_CH_GOAL   ? rm->goals[i].id
	       : k == RM_CH_BUDGET ? rm->budget_keys[i]
				   : rm->inits[i].id;
}

long sc_find(const struct roadmap *rm, enum rm_change_kind k, const char *key)
{
	size_t i;

	return idmap_get(sc_ids_of(rm, k), key, &i) ? (long)i : -1;
}

void sc_release_item(enum rm_change_kind k, void *item)
{
	if (k == RM_CH_GOAL) {
		rm_goal_free(item);
	} else if (k == RM_CH_INITIATIVE) {
		rm_initiative_free(item);
	} else if (k == RM_CH_TEAM) {
		rm_team_free(item);
	} else {
		free((char *)((struct roadmap_budget *)item)->pillar);
	}
}

/*
 * v as the loader sees it after the file is read: amounts are written as
 * raw text (exact), which cJSON compares as text and the loader refuses,
 * so every value a change keeps or compares is printed and parsed once.
 * Takes v; NULL when out of memory.
 */
cJSON *sc_plain(cJSON *v)
{
	char *text = v ? cJSON_PrintUnformatted(v) : NULL;
	cJSON *p =
	    text ? cJSON_ParseWithLengthOpts(text, strlen(text), NULL, false)
		 : NULL;

	cJSON_free(text);
	cJSON_Delete(v);
	return p;
}

/* The file's object of an item; NULL when out of memory. */
cJSON *sc_file_object(enum rm_change_kind k, const void *item)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	rm_fields_json(o, sc_fields_of(k), item, false, &ok);
	if (!o || !ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return sc_plain(o);
}

/* Reads an item of kind k from its file object: ROADMAP_OK, or
 * ROADMAP_ERR_DATA with why, or ROADMAP_ERR_NOMEM. */
enum roadmap_status sc_item_from(const struct roadmap *rm,
				 enum rm_change_kind k, const cJSON *obj,
				 union sc_item *item, char *why, size_t size)
{
	struct roadmap_error e;
	struct load L = {"", &e, (struct roadmap *)rm, ""};
	enum roadmap_status st;

	roadmap_error_clear(&e);
	st = rm_load_object(&L, sc_rkind(k), obj, item);
	if (st) {
		snprintf(why, size, "%.*s", (int)(size ? size - 1 : 0),
			 e.message);
	}
	return st;
}

/* The key of an item read from a file object (for an envelope, its
 * period and pillar) into buf. */
const char *sc_item_key(enum rm_change_kind k, const union sc_item *it,
			char *buf, size_t size)
{
	return k == RM_CH_TEAM	   ? it->t.id
	       : k == RM_CH_GOAL   ? it->g.id
	       : k == RM_CH_BUDGET ? rm_budget_key(&it->b, buf, size)
				   : it->in.id;
}

/* A field that a change may name: any of its kind but the id, and for
 * an envelope its amount only (its period and pillar are its key). */
const struct rm_field *sc_changeable(enum rm_change_kind k, const char *name)
{
	const struct rm_field *fs = sc_fields_of(k);
	const struct rm_field *f = rm_field_find(fs, name);

	if (!f || f == fs) {
		return NULL;
	}
	if (k == RM_CH_BUDGET && strcmp(name, ROADMAP_FIELD_AMOUNT) != 0) {
		return NULL;
	}
	return f;
}

/* A field's value as `list --format json` shows it; NULL when out of
 * memory. */
cJSON *sc_field_json(const struct rm_field *f, const void *item)
{
	bool omit = false;
	cJSON *v = f->type->json(f, item, true, &omit);

	return v ? sc_plain(v) : omit ? cJSON_CreateNull() : NULL;
}

/* ---------------------------------------------------------- lookups */

/* "kind\x1fid\x1ffield" into a malloc'ed string; NULL when out of
 * memory. */
char *sc_change_key(enum rm_change_kind k, const char *id, const char *field)
{
	size_t n = strlen(id) + (field ? strlen(field) : 0) + 8;
	char *s = malloc(n);

	if (s) {
		snprintf(s, n, "%d\x1f%s\x1f%s", (int)k, id,
			 field ? field : "");
	}
	return s;
}

void sc_index_release(struct sc_index *x)
{
	for (size_t i = 0; i < x->n; i++) {
		free(x->keys[i]);
	}
	free(x->keys);
	idmap_release(&x->map);
	memset(x, 0, sizeof(*x));
}

bool sc_index_build(struct sc_index *x, const struct rm_scenario *s)
{
	memset(x, 0, sizeof(*x));
	if (s->n && !(x->keys = calloc(s->n, sizeof(*x->keys)))) {
		return false;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct rm_change *c = &s->changes[i];
		if (!(x->keys[i] = sc_change_key(c->kind, c->id, c->field)) ||
		    !idmap_put(&x->map, x->keys[i], i)) {
			x->n = i + 1;
			sc_index_release(x);
			return false;
		}
		x->n = i + 1;
	}
	return true;
}

const struct rm_change *sc_index_get(const struct sc_index *x,
				     const struct rm_scenario *s,
				     enum rm_change_kind k, const char *id,
				     const char *field, bool *nomem)
{
	char *key = sc_change_key(k, id, field);
	size_t i;

	if (!key) {
		*nomem = true;
		return NULL;
	}
	bool found = idmap_get(&x->map, key, &i);
	free(key);
	return found ? &s->changes[i] : NULL;
}
