/*
 * scenario.h - what the files of scenarios share (scenario-items.c): the
 * kinds of item a change names, an item read from its file object, a
 * change's values, and the index of a scenario's changes by key.
 */
#ifndef ROADMAP_SCENARIO_H
#define ROADMAP_SCENARIO_H

#include "loader.h"

/* An item of any kind, as the loader fills one. */
union sc_item {
	struct roadmap_team t;
	struct roadmap_goal g;
	struct roadmap_initiative in;
	struct roadmap_budget b;
};

/* A kind's ROADMAP_KIND_*, its fields, count in rm, item size, item i,
 * index, key of item i (an id, or an envelope's "PERIOD[/PILLAR]"), the
 * index of the item of a key (-1), and an item's release. */
int sc_rkind(enum rm_change_kind k);
const struct rm_field *sc_fields_of(enum rm_change_kind k);
size_t sc_count_of(const struct roadmap *rm, enum rm_change_kind k);
size_t sc_size_of(enum rm_change_kind k);
void *sc_item_at(const struct roadmap *rm, enum rm_change_kind k, size_t i);
const struct idmap *sc_ids_of(const struct roadmap *rm, enum rm_change_kind k);
const char *sc_key_at(const struct roadmap *rm, enum rm_change_kind k,
		      size_t i);
long sc_find(const struct roadmap *rm, enum rm_change_kind k, const char *key);
void sc_release_item(enum rm_change_kind k, void *item);
/* v printed and parsed once, as the loader would see it (amounts are raw
 * text until then); takes v; NULL when out of memory. */
cJSON *sc_plain(cJSON *v);
/* The file's object of an item; NULL when out of memory. */
cJSON *sc_file_object(enum rm_change_kind k, const void *item);
/* An item of kind k read from its file object: ROADMAP_OK, or
 * ROADMAP_ERR_DATA with why, or ROADMAP_ERR_NOMEM. */
enum roadmap_status sc_item_from(const struct roadmap *rm,
				 enum rm_change_kind k, const cJSON *obj,
				 union sc_item *item, char *why, size_t size);
/* The key of an item read by sc_item_from() (into buf for an envelope). */
const char *sc_item_key(enum rm_change_kind k, const union sc_item *it,
			char *buf, size_t size);
/* The field named that a change may set (not the id; an envelope's
 * amount only), or NULL. */
const struct rm_field *sc_changeable(enum rm_change_kind k, const char *name);
/* A field's value as `list --format json` shows it; NULL when out of
 * memory. */
cJSON *sc_field_json(const struct rm_field *f, const void *item);

/* "kind\x1fid\x1ffield", malloc'ed (NULL when out of memory). */
char *sc_change_key(enum rm_change_kind k, const char *id, const char *field);
/* The changes of s by key; keys[i] malloc'ed. false when out of memory. */
struct sc_index {
	struct idmap map;
	char **keys;
	size_t n;
};
void sc_index_release(struct sc_index *x);
/* false when out of memory */
bool sc_index_build(struct sc_index *x, const struct rm_scenario *s);
/* s's change of that key, or NULL (*nomem set when out of memory). */
const struct rm_change *sc_index_get(const struct sc_index *x,
				     const struct rm_scenario *s,
				     enum rm_change_kind k, const char *id,
				     const char *field, bool *nomem);

/* The changes of s applied to rm, strictly: ROADMAP_OK, or the first
 * that does not apply as an error (rm then half changed). */
enum roadmap_status sc_apply(struct roadmap *rm, const struct rm_scenario *s,
			     struct roadmap_error *err);

#endif
