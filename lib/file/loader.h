/* loader.h - the strict loader's state and its value readers (roadmap(5)),
 * shared by store.c (the file's items) and load-values.c (its values). */
#ifndef ROADMAP_LOADER_H
#define ROADMAP_LOADER_H

#include "fields.h"

struct load {
	const char *name;
	struct roadmap_error *err;
	struct roadmap *rm;
	char where[200];
	/* the item being read; its "where" is only formatted on an error */
	const char *list;
	size_t index;
	const char *id;
	const cJSON *item; /* its object, when id is not given */
	/* the members of the object check_keys() saw last, by key index */
	const cJSON *slot_obj;
	const char *const *slot_keys;
	const cJSON *slot[24];
	/* when set, a bad item is handed here and skipped, so that every
	 * bad item is reported (import); bad_items counts them */
	void (*on_bad)(void *ctx, const struct roadmap_error *e);
	void *ctx;
	size_t bad_items;
	const struct rm_item_lines *lines; /* where the items are, or NULL */
};

/* A bad item: a message with the JSON path; the load stops, or (when
 * import collects) the item is skipped. */
__attribute__((format(printf, 2, 3))) enum roadmap_status
ld_bad(struct load *L, const char *fmt, ...);

bool ld_stop_at(struct load *L, enum roadmap_status st);

void ld_set_where(struct load *L, const char *list, size_t i, const char *id);
/* The same for the item read from object item, whose id (when valid) is
 * only looked for if there is an error to place. */
void ld_set_item(struct load *L, const char *list, size_t i, const cJSON *item);

enum roadmap_status ld_check_keys(struct load *L, const cJSON *obj,
				  const char *const *allowed);

const cJSON *ld_get(struct load *L, const cJSON *obj, const char *key);

enum roadmap_status ld_get_text(struct load *L, const cJSON *obj,
				const char *key, bool required,
				const char **out);

enum roadmap_status ld_number(struct load *L, const cJSON *v, const char *key,
			      double *out);

enum roadmap_status ld_get_int(struct load *L, const cJSON *obj,
			       const char *key, int lo, int hi, int *out);

enum roadmap_status ld_get_id_list(struct load *L, const cJSON *obj,
				   const char *key, char ***out, size_t *n);

const cJSON *ld_get_array(struct load *L, const cJSON *root, const char *key,
			  enum roadmap_status *st);

enum roadmap_status ld_dup_id(struct load *L, const char *id);

/* An item object's id member if it is a string, else NULL: for the
 * location of an error found before the id was read. */
const char *ld_peek_id(const cJSON *obj);

/* One goal, initiative, team or envelope (kind: a ROADMAP_KIND_*) from
 * its file object c into item, released again on failure: a scenario's
 * items (store.c). */
enum roadmap_status rm_load_object(struct load *L, int kind, const cJSON *c,
				   void *item);
/* The file's scenarios, checked (file/scenario.c). */
enum roadmap_status rm_load_scenarios(struct load *L, const cJSON *v);
/* ROADMAP_ERR_DATA naming the first date the loader would refuse (an end
 * before its start...), as the save refuses it; an edit seen through a
 * scenario is checked so too (save.c). */
enum roadmap_status rm_savable(const struct roadmap *rm,
			       struct roadmap_error *err);

#define RM_SHARE_MIN 8192 /* items a thread, at least (load-shared.c) */

/* What a shared load needs to know of a kind of item. */
struct rm_kind {
	int list; /* RM_LIST_* */
	const char *key;
	enum item_kind item;
	size_t size, id, line; /* the item's size, where its id and line are */
	void (*init)(void *item);
	/* dup: check the id as soon as it is read (one by one) */
	enum roadmap_status (*load)(struct load *L, const cJSON *c, void *item,
				    bool dup);
	bool (*push)(struct roadmap *rm, const void *item);
	void (*release)(void *item);
};

/* Reads n items of kind k in shares, one a core, the same as one by one
 * (load-shared.c). */
enum roadmap_status rm_load_shared(struct load *L, const struct rm_kind *k,
				   size_t n);

#endif
