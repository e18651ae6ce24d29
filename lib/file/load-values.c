/*
 * load-values.c - the loader's readers of one value each: a present key,
 * text, an id, a whole number, an amount, a date, a list of ids. Every
 * refusal names the JSON path (set_where) and stops the load, or, when
 * import collects, skips the item.
 */
#include "loader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bad item: the load stops, or (collecting) the item is skipped. */
bool ld_stop_at(struct load *L, enum roadmap_status st)
{
	if (st != ROADMAP_ERR_DATA || !L->on_bad || !L->err) {
		return true;
	}
	L->on_bad(L->ctx, L->err);
	L->bad_items++;
	return false;
}

enum roadmap_status ld_bad(struct load *L, const char *fmt, ...)
{
	va_list ap;

	if (L->err) {
		char q[120];
		L->err->status = ROADMAP_ERR_DATA;
		snprintf(L->err->file, sizeof(L->err->file), "%s", L->name);
		const char *id = L->id ? L->id : ld_peek_id(L->item);
		if (L->list && id) {
			snprintf(L->err->where, sizeof(L->err->where),
				 "%s[%zu] %s", L->list, L->index,
				 rm_quote(id, q, sizeof(q)));
		} else if (L->list) {
			snprintf(L->err->where, sizeof(L->err->where),
				 "%s[%zu]", L->list, L->index);
		} else {
			snprintf(L->err->where, sizeof(L->err->where), "%s",
				 L->where);
		}
		va_start(ap, fmt);
		vsnprintf(L->err->message, sizeof(L->err->message), fmt, ap);
		va_end(ap);
	}
	return ROADMAP_ERR_DATA;
}

void ld_set_where(struct load *L, const char *list, size_t i, const char *id)
{
	L->list = list;
	L->index = i;
	L->id = id;
	L->item = NULL;
	L->where[0] = '\0';
}

void ld_set_item(struct load *L, const char *list, size_t i, const cJSON *item)
{
	ld_set_where(L, list, i, NULL);
	L->item = item;
}

/* Unknown and duplicate keys; keys are compared case-sensitively. */
enum roadmap_status ld_check_keys(struct load *L, const cJSON *obj,
				  const char *const *allowed)
{
	char q[120];

	uint64_t seen = 0;

	L->slot_obj = NULL;
	if (!allowed) {
		/* free-form keys (target_mix, actuals): any number, hashed */
		char why[200];
		enum roadmap_status st = rm_json_dup_key(obj, why, sizeof(why));
		return st == ROADMAP_ERR_DATA ? ld_bad(L, "%s", why)
		       : st		      ? rm_nomem(L->err)
					      : ROADMAP_OK;
	}
	memset(L->slot, 0, sizeof(L->slot));
	for (const cJSON *c = obj->child; c; c = c->next) {
		size_t k = 0;
		while (allowed[k] && (allowed[k][0] != c->string[0] ||
				      strcmp(c->string, allowed[k]) != 0)) {
			k++;
		}
		if (!allowed[k]) {
			return ld_bad(L, "unknown field %s",
				      rm_quote(c->string, q, sizeof(q)));
		}
		if (seen & (UINT64_C(1) << k)) {
			return ld_bad(L, "duplicate key %s",
				      rm_quote(c->string, q, sizeof(q)));
		}
		seen |= UINT64_C(1) << k;
		L->slot[k] = c;
	}
	L->slot_obj = obj;
	L->slot_keys = allowed;
	return ROADMAP_OK;
}

/*
 * A member of obj. ld_check_keys() has just filed obj's members by their
 * position in its list of allowed keys, so this is a short scan of that
 * list instead of a walk over the members.
 */
const cJSON *ld_get(struct load *L, const cJSON *obj, const char *key)
{
	if (obj == L->slot_obj) {
		/* the compiler merges equal literals: try pointers first */
		for (size_t k = 0; L->slot_keys[k]; k++) {
			if (L->slot_keys[k] == key) {
				return L->slot[k];
			}
		}
		for (size_t k = 0; L->slot_keys[k]; k++) {
			if (L->slot_keys[k][0] == key[0] &&
			    strcmp(L->slot_keys[k], key) == 0) {
				return L->slot[k];
			}
		}
		return NULL;
	}
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

enum roadmap_status ld_get_text(struct load *L, const cJSON *obj,
				const char *key, bool required,
				const char **out)
{
	const cJSON *v = ld_get(L, obj, key);
	char why[300];
	enum roadmap_status st;

	*out = NULL;
	if (!v) {
		return required
			   ? ld_bad(L, "missing required field \"%s\"", key)
			   : ROADMAP_OK;
	}
	st = rm_json_read_text(v, key, required, ROADMAP_TEXT_MAX, false, out,
			       why, sizeof(why));
	return st == ROADMAP_ERR_DATA ? ld_bad(L, "%s", why)
	       : st		      ? rm_nomem(L->err)
				      : ROADMAP_OK;
}

enum roadmap_status ld_number(struct load *L, const cJSON *v, const char *key,
			      double *out)
{
	char why[200];

	return rm_json_read_number(v, key, out, why, sizeof(why))
		   ? ld_bad(L, "%s", why)
		   : ROADMAP_OK;
}

enum roadmap_status ld_get_int(struct load *L, const cJSON *obj,
			       const char *key, int lo, int hi, int *out)
{
	const cJSON *v = ld_get(L, obj, key);
	char why[200];

	if (!v) {
		return ROADMAP_OK;
	}
	return rm_json_read_whole(v, key, lo, hi, out, why, sizeof(why))
		   ? ld_bad(L, "%s", why)
		   : ROADMAP_OK;
}

enum roadmap_status ld_get_id_list(struct load *L, const cJSON *obj,
				   const char *key, char ***out, size_t *n)
{
	const cJSON *v = ld_get(L, obj, key);
	char why[300];
	enum roadmap_status st;

	if (!v) {
		return ROADMAP_OK;
	}
	st = rm_json_read_ids(v, key, out, n, why, sizeof(why));
	return st == ROADMAP_ERR_DATA ? ld_bad(L, "%s", why)
	       : st		      ? rm_nomem(L->err)
				      : ROADMAP_OK;
}

const cJSON *ld_get_array(struct load *L, const cJSON *root, const char *key,
			  enum roadmap_status *st)
{
	const cJSON *v = ld_get(L, root, key);

	*st = ROADMAP_OK;
	if (v && !cJSON_IsArray(v)) {
		ld_set_where(L, NULL, 0, NULL);
		*st = ld_bad(L, "%s must be an array", key);
		return NULL;
	}
	return v;
}

/* A duplicate id (goals and initiatives share a namespace). */
enum roadmap_status ld_dup_id(struct load *L, const char *id)
{
	char q[120];
	size_t i;

	if (rm_item_kind(L->rm, id, &i) != ITEM_NONE) {
		return ld_bad(L, "duplicate id %s", rm_quote(id, q, sizeof(q)));
	}
	return ROADMAP_OK;
}

const char *ld_peek_id(const cJSON *obj)
{
	const cJSON *v =
	    cJSON_IsObject(obj)
		? cJSON_GetObjectItemCaseSensitive(obj, ROADMAP_FIELD_ID)
		: NULL;

	return cJSON_IsString(v) && roadmap_id_valid(v->valuestring)
		   ? v->valuestring
		   : NULL;
}
