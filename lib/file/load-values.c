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
		size_t n = (size_t)cJSON_GetArraySize(obj), k = 0, dup;
		const char **keys = malloc((n + 1) * sizeof(*keys));
		bool nomem = !keys;
		for (const cJSON *c = obj->child; keys && c; c = c->next) {
			keys[k++] = c->string;
		}
		dup = keys ? rm_first_duplicate(keys, n, &nomem) : n;
		enum roadmap_status st =
		    nomem     ? rm_nomem(L->err)
		    : dup < n ? ld_bad(L, "duplicate key %s",
				       rm_quote(keys[dup], q, sizeof(q)))
			      : ROADMAP_OK;
		free(keys);
		return st;
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
	const char *why;

	*out = NULL;
	if (!v) {
		return required
			   ? ld_bad(L, "missing required field \"%s\"", key)
			   : ROADMAP_OK;
	}
	if (!cJSON_IsString(v)) {
		return ld_bad(L, "%s must be a string", key);
	}
	if ((why = rm_text_problem(v->valuestring, strlen(v->valuestring)))) {
		return ld_bad(L, "%s %s", key, why);
	}
	if (required && !v->valuestring[0]) {
		return ld_bad(L, "%s cannot be empty", key);
	}
	if (!(*out = rm_strdup(v->valuestring))) {
		return rm_nomem(L->err);
	}
	return ROADMAP_OK;
}

enum roadmap_status ld_get_id(struct load *L, const cJSON *obj, const char *key,
			      bool required, const char **out)
{
	char q[120];
	const cJSON *v = ld_get(L, obj, key);

	*out = NULL;
	if (!v) {
		return required
			   ? ld_bad(L, "missing required field \"%s\"", key)
			   : ROADMAP_OK;
	}
	if (!cJSON_IsString(v)) {
		return ld_bad(L, "%s must be a string", key);
	}
	if (!roadmap_id_valid(v->valuestring)) {
		return ld_bad(L, "%s %s is not a valid id", key,
			      rm_quote(v->valuestring, q, sizeof(q)));
	}
	if (!(*out = rm_strdup(v->valuestring))) {
		return rm_nomem(L->err);
	}
	return ROADMAP_OK;
}

enum roadmap_status ld_number(struct load *L, const cJSON *v, const char *key,
			      double *out)
{
	if (!cJSON_IsNumber(v)) {
		return ld_bad(L, "%s must be a number", key);
	}
	if (!isfinite(v->valuedouble)) {
		return ld_bad(L, "%s is out of range", key);
	}
	*out = v->valuedouble;
	return ROADMAP_OK;
}

enum roadmap_status ld_get_int(struct load *L, const cJSON *obj,
			       const char *key, int lo, int hi, int *out)
{
	const cJSON *v = ld_get(L, obj, key);
	double d = 0;
	enum roadmap_status st;

	if (!v) {
		return ROADMAP_OK;
	}
	if ((st = ld_number(L, v, key, &d))) {
		return st;
	}
	if (d != floor(d) || d < lo || d > hi || signbit(d)) {
		return ld_bad(L, "%s must be a whole number from %d to %d", key,
			      lo, hi);
	}
	*out = (int)d;
	return ROADMAP_OK;
}

/*
 * A fixed-point value with at most two decimals, as an int64 in hundredths.
 * The double is exact enough to tell: below 1e12 the spacing of doubles is
 * far finer than 0.001, so a third decimal always fails the round trip.
 */
enum roadmap_status ld_fixed2(struct load *L, const cJSON *v, const char *key,
			      int64_t max, int64_t *out)
{
	double d = 0;
	enum roadmap_status st = ld_number(L, v, key, &d);
	char buf[32];

	if (st) {
		return st;
	}
	if (signbit(d)) {
		return ld_bad(L, "%s must not be negative", key);
	}
	if (d > (double)max / 100.0) {
		return ld_bad(L, "%s is more than %s", key,
			      max == ROADMAP_MONEY_MAX
				  ? roadmap_money_format(max, true, buf)
				  : rm_hundredths_format(max, buf));
	}
	int64_t h = llround(d * 100.0);
	if ((double)h / 100.0 != d) {
		return ld_bad(L, "%s has more than two decimals", key);
	}
	*out = h;
	return ROADMAP_OK;
}

enum roadmap_status ld_get_fixed2(struct load *L, const cJSON *obj,
				  const char *key, bool required, int64_t max,
				  bool *has, int64_t *out)
{
	const cJSON *v = ld_get(L, obj, key);

	if (has) {
		*has = v != NULL;
	}
	if (!v) {
		return required
			   ? ld_bad(L, "missing required field \"%s\"", key)
			   : ROADMAP_OK;
	}
	return ld_fixed2(L, v, key, max, out);
}

enum roadmap_status ld_get_day(struct load *L, const cJSON *obj,
			       const char *key, bool required, bool as_end,
			       bool *has, roadmap_day *out)
{
	const cJSON *v = ld_get(L, obj, key);
	struct roadmap_period p;
	struct roadmap_error e;

	if (has) {
		*has = v != NULL;
	}
	if (!v) {
		return required
			   ? ld_bad(L, "missing required field \"%s\"", key)
			   : ROADMAP_OK;
	}
	if (!cJSON_IsString(v)) {
		return ld_bad(L, "%s must be a date string", key);
	}
	if (roadmap_period_parse(v->valuestring, L->rm->fiscal_start, &p, &e)) {
		return ld_bad(L, "%s %s", key, e.message);
	}
	*out = as_end ? p.last : p.first;
	return ROADMAP_OK;
}

enum roadmap_status ld_get_id_list(struct load *L, const cJSON *obj,
				   const char *key, char ***out, size_t *n)
{
	char q[120];
	const cJSON *v = ld_get(L, obj, key), *c;

	if (!v) {
		return ROADMAP_OK;
	}
	if (!cJSON_IsArray(v)) {
		return ld_bad(L, "%s must be an array of ids", key);
	}
	cJSON_ArrayForEach(c, v)
	{
		if (!cJSON_IsString(c)) {
			return ld_bad(L, "%s must be an array of ids", key);
		}
		if (!roadmap_id_valid(c->valuestring)) {
			return ld_bad(L, "%s: %s is not a valid id", key,
				      rm_quote(c->valuestring, q, sizeof(q)));
		}
		if (!rm_list_push(out, n, c->valuestring)) {
			return rm_nomem(L->err);
		}
	}
	bool nomem;
	size_t dup = rm_first_duplicate((const char *const *)*out, *n, &nomem);
	if (nomem) {
		return rm_nomem(L->err);
	}
	if (dup < *n) {
		return ld_bad(L, "%s lists %s twice", key,
			      rm_quote((*out)[dup], q, sizeof(q)));
	}
	return ROADMAP_OK;
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
