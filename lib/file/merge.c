/*
 * merge.c - a three-way merge of roadmaps (roadmap(1), merge;
 * docs/decisions.md, "Merging roadmaps in git").
 *
 * Every value is compared as the file holds it (defaults left out), so
 * the three files agree on what "unchanged" means. An item that theirs
 * left as the base had it keeps ours' version, whatever ours did to it;
 * only the items theirs changed are merged field by field, and the result
 * is written into ours through the scenarios' machinery (whole items
 * replaced, added, removed), which reads each item back with the loader:
 * a merged item the file could not hold is a conflict, ours kept. The
 * settings and the scenarios are merged as a small document read by the
 * loader too, so that the merged roadmap always saves and loads again.
 */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- values */

bool rm_merge_same(const cJSON *a, const cJSON *b)
{
	return (!a && !b) || (a && b && cJSON_Compare(a, b, true));
}

static char *json_text(const cJSON *v)
{
	cJSON *null = v ? NULL : cJSON_CreateNull();
	char *s = cJSON_PrintUnformatted(v ? v : null);

	cJSON_Delete(null);
	return s;
}

/* Lists a conflict; the values are copied (NULL: null). */
void rm_merge_conflict(struct merge *m, const char *kind, const char *id,
		       const char *field, const cJSON *b, const cJSON *o,
		       const cJSON *t, const char *removed, const char *why)
{
	struct roadmap_merge_conflict c = {kind,
					   rm_strdup(id),
					   field ? rm_strdup(field) : NULL,
					   json_text(b),
					   json_text(o),
					   json_text(t),
					   removed,
					   why ? rm_strdup(why) : NULL};

	if (!c.id || (field && !c.field) || !c.base || !c.ours || !c.theirs ||
	    (why && !c.why) ||
	    !rm_grow_pow2((void **)&m->out->items, m->out->n, sizeof(c))) {
		free((char *)c.id);
		free((char *)c.field);
		cJSON_free((char *)c.base);
		cJSON_free((char *)c.ours);
		cJSON_free((char *)c.theirs);
		free((char *)c.why);
		m->nomem = true;
		return;
	}
	m->out->items[m->out->n++] = c;
}

void roadmap_merge_conflicts_release(struct roadmap_merge_conflicts *c)
{
	for (size_t i = 0; c && i < c->n; i++) {
		free((char *)c->items[i].id);
		free((char *)c->items[i].field);
		cJSON_free((char *)c->items[i].base);
		cJSON_free((char *)c->items[i].ours);
		cJSON_free((char *)c->items[i].theirs);
		free((char *)c->items[i].why);
	}
	if (c) {
		free(c->items);
		c->items = NULL;
		c->n = 0;
	}
}

/* The member key of o, or NULL (o may be NULL). */
const cJSON *rm_merge_get(const cJSON *o, const char *key)
{
	return o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

static bool in_list(const cJSON *list, const cJSON *x)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
	{
		if (cJSON_Compare(e, x, true)) {
			return true;
		}
	}
	return false;
}

/* A list merged as a set: ours' members that theirs did not remove, then
 * those theirs added. NULL (and *empty) when nothing is left, or when out
 * of memory. */
cJSON *rm_merge_set(const cJSON *b, const cJSON *o, const cJSON *t, bool *empty)
{
	cJSON *r = cJSON_CreateArray();
	const cJSON *e;
	bool ok = r != NULL;

	cJSON_ArrayForEach(e, o)
	{
		if (!(in_list(b, e) && !in_list(t, e))) {
			rm_json_push(r, cJSON_Duplicate(e, true), &ok);
		}
	}
	cJSON_ArrayForEach(e, t)
	{
		if (!in_list(b, e) && !in_list(o, e)) {
			rm_json_push(r, cJSON_Duplicate(e, true), &ok);
		}
	}
	if (!ok || !r->child) {
		*empty = ok;
		cJSON_Delete(r);
		return NULL;
	}
	*empty = false;
	return r;
}

/* The three-way rule for one value: the merged value (a member of o or
 * t, not copied; NULL is absent), or *clash when both changed it
 * differently (ours is then the value). */
const cJSON *rm_merge_pick(const cJSON *b, const cJSON *o, const cJSON *t,
			   bool *clash)
{
	*clash = false;
	if (rm_merge_same(o, t) || rm_merge_same(b, t)) {
		return o;
	}
	if (rm_merge_same(b, o)) {
		return t;
	}
	*clash = true;
	return o;
}

void rm_merge_put(cJSON *obj, const char *key, const cJSON *v, bool *ok)
{
	if (v) {
		rm_json_add_copy(obj, key, cJSON_Duplicate(v, true), ok);
	}
}

/* A dated field (object of quarter or day -> value) merged record by
 * record; a record both changed differently is a conflict named
 * "FIELD.KEY". NULL when nothing is left (or out of memory). */
static cJSON *records_merge(struct merge *m, const char *kind, const char *id,
			    const char *field, const cJSON *b, const cJSON *o,
			    const cJSON *t)
{
	cJSON *r = cJSON_CreateObject();
	const cJSON *e;
	bool ok = r != NULL, clash;
	char name[200];

	cJSON_ArrayForEach(e, o)
	{
		const cJSON *v =
		    rm_merge_pick(rm_merge_get(b, e->string), e,
				  rm_merge_get(t, e->string), &clash);
		if (clash) {
			snprintf(name, sizeof(name), "%s.%s", field, e->string);
			rm_merge_conflict(
			    m, kind, id, name, rm_merge_get(b, e->string), e,
			    rm_merge_get(t, e->string), NULL, NULL);
		}
		rm_merge_put(r, e->string, v, &ok);
	}
	cJSON_ArrayForEach(e, t)
	{
		if (!rm_merge_get(o, e->string)) {
			rm_merge_put(r, e->string,
				     rm_merge_pick(rm_merge_get(b, e->string),
						   NULL, e, &clash),
				     &ok);
			if (clash) {
				snprintf(name, sizeof(name), "%s.%s", field,
					 e->string);
				rm_merge_conflict(m, kind, id, name,
						  rm_merge_get(b, e->string),
						  NULL, e, NULL, NULL);
			}
		}
	}
	if (!ok || !r->child) {
		m->nomem |= !ok;
		cJSON_Delete(r);
		return NULL;
	}
	return r;
}

/* ---------------------------------------------------------- items */

/* Field f of two items holds the same in the file. The scalar types are
 * compared in the items (a value that compares equal is written alike);
 * the others (lists, records, periods) as the file's JSON. */
static bool same_field(struct merge *m, const struct rm_field *f, const void *a,
		       const void *b)
{
	const struct rm_type *t = f->type;
	bool ha = RM_FIELD_HAS(f, a), hb = RM_FIELD_HAS(f, b);

	if (t == &rm_type_id || t == &rm_type_text) {
		const char *x = RM_AT(f, a, const char *),
			   *y = RM_AT(f, b, const char *);
		return x == y || (x && y && strcmp(x, y) == 0);
	}
	if (t == &rm_type_number) {
		return ha == hb &&
		       (!ha || RM_AT(f, a, double) == RM_AT(f, b, double));
	}
	if (t == &rm_type_date) {
		return ha == hb && (!ha || RM_AT(f, a, roadmap_day) ==
					       RM_AT(f, b, roadmap_day));
	}
	if (t == &rm_type_money || t == &rm_type_fte) {
		return ha == hb &&
		       (!ha || RM_AT(f, a, int64_t) == RM_AT(f, b, int64_t));
	}
	if (t == &rm_type_whole || t == &rm_type_choice) {
		return RM_AT(f, a, int) == RM_AT(f, b, int);
	}
	if (t == &rm_type_flag) {
		return RM_AT(f, a, bool) == RM_AT(f, b, bool);
	}
	bool oa = false, ob = false;
	cJSON *x = t->json(f, a, false, &oa), *y = t->json(f, b, false, &ob);
	bool eq = (!x && !y) || (x && y && cJSON_Compare(x, y, true));
	m->nomem |= (!x && !oa) || (!y && !ob);
	cJSON_Delete(x);
	cJSON_Delete(y);
	return eq;
}

/* The two items are the same in the file. */
static bool same_item(struct merge *m, enum rm_change_kind k, const void *a,
		      const void *b)
{
	for (const struct rm_field *f = sc_fields_of(k); f->name; f++) {
		if (!same_field(m, f, a, b)) {
			return false;
		}
	}
	return true;
}

/* A whole-item change into list s: the item of key becomes obj (taken),
 * or is removed (obj NULL). */
static void plan(struct merge *m, struct rm_scenario *s, enum rm_change_kind k,
		 const char *key, cJSON *obj)
{
	if (m->nomem) { /* obj NULL may be a failed copy, not a removal */
		cJSON_Delete(obj);
		return;
	}
	struct rm_change c = {k, rm_strdup(key), NULL, cJSON_CreateNull(),
			      obj ? obj : cJSON_CreateNull()};

	if (!c.id || !c.base || !c.value || !rm_change_push(s, &c)) {
		rm_change_release(&c);
		m->nomem = true;
	}
}

/* The fields' list values of an item (NULL: none, or removed). */
static cJSON *field_value(struct merge *m, const struct rm_field *f,
			  const void *item)
{
	cJSON *v = item ? sc_field_json(f, item) : NULL;

	m->nomem |= item && !v;
	return v;
}

/* A conflict on field f, with the values as `list` shows them. */
static void field_conflict(struct merge *m, enum rm_change_kind k,
			   const char *key, const struct rm_field *f,
			   const void *bi, const void *oi, const void *ti,
			   const char *removed)
{
	cJSON *b = field_value(m, f, bi), *o = field_value(m, f, oi),
	      *t = field_value(m, f, ti);

	if (!m->nomem) {
		rm_merge_conflict(m, rm_change_kinds[k], key, f->name, b, o, t,
				  removed, NULL);
	}
	cJSON_Delete(b);
	cJSON_Delete(o);
	cJSON_Delete(t);
}

/* One side removed the item, the other (kept, its item) changed it: a
 * conflict for each field it changed. */
static void removed_changed(struct merge *m, enum rm_change_kind k,
			    const char *key, const void *bi, const void *oi,
			    const void *ti)
{
	const struct rm_field *fs = sc_fields_of(k);
	const void *kept = oi ? oi : ti;

	for (const struct rm_field *f = fs + 1; !m->nomem && f->name; f++) {
		cJSON *a = field_value(m, f, bi), *c = field_value(m, f, kept);
		if (a && c && !cJSON_Compare(a, c, true)) {
			field_conflict(m, k, key, f, bi, oi, ti,
				       oi ? THEIRS : OURS);
		}
		cJSON_Delete(a);
		cJSON_Delete(c);
	}
}

/* The plain file object of an item, or NULL (no item); nomem noted. */
static cJSON *object_of(struct merge *m, enum rm_change_kind k,
			const void *item)
{
	cJSON *o = item ? sc_file_object(k, item) : NULL;

	m->nomem |= item && !o;
	return o;
}

/*
 * Both sides have the item and changed it (bi NULL: both added it): field
 * by field, ours kept where they clash. The merged object, or NULL when
 * ours' item stands: the merge changed nothing of it, or the merged item
 * would not load (a conflict on the whole item).
 */
static cJSON *merge_item(struct merge *m, enum rm_change_kind k,
			 const char *key, const void *bi, const void *oi,
			 const void *ti)
{
	const struct rm_field *fs = sc_fields_of(k);
	cJSON *bo = object_of(m, k, bi), *oo = object_of(m, k, oi),
	      *to = object_of(m, k, ti), *r = cJSON_CreateObject();
	bool ok = r && !m->nomem, clash, keep = true;

	for (const struct rm_field *f = fs; ok && !m->nomem && f->name; f++) {
		const cJSON *vb = rm_merge_get(bo, f->name),
			    *vo = rm_merge_get(oo, f->name),
			    *vt = rm_merge_get(to, f->name);
		const cJSON *v = rm_merge_pick(vb, vo, vt, &clash);
		cJSON *made = NULL;
		bool empty = false;
		if (clash && f->type == &rm_type_ids) {
			v = made = rm_merge_set(vb, vo, vt, &empty);
			m->nomem |= !made && !empty;
		} else if (clash && (f->type == &rm_type_actuals ||
				     f->type == &rm_type_readings)) {
			v = made = records_merge(m, rm_change_kinds[k], key,
						 f->name, vb, vo, vt);
		} else if (clash) {
			field_conflict(m, k, key, f, bi, oi, ti, NULL);
		}
		rm_merge_put(r, f->name, v, &ok);
		cJSON_Delete(made);
	}
	if (ok && !m->nomem && !cJSON_Compare(r, oo, true)) {
		union sc_item it;
		char why[512];
		enum roadmap_status st =
		    sc_item_from(m->o, k, r, &it, why, sizeof(why));
		if (st == ROADMAP_ERR_NOMEM) {
			ok = false;
		} else if (st) {
			char line[600];
			snprintf(line, sizeof(line),
				 "the merged %s would not load: %s",
				 rm_change_kinds[k], why);
			rm_merge_conflict(m, rm_change_kinds[k], key, NULL, bo,
					  oo, to, NULL, line);
		} else {
			sc_release_item(k, &it);
			keep = false;
		}
	}
	m->nomem |= !ok;
	if (keep || m->nomem) {
		cJSON_Delete(r);
		r = NULL;
	}
	cJSON_Delete(bo);
	cJSON_Delete(oo);
	cJSON_Delete(to);
	return r;
}

/*
 * The items of base that theirs moved: removed and added again, which
 * puts an item at the end of its list. An item of the base found after
 * one theirs added, or after one that came later in the base, was added
 * again (a guess where several were: the latest in the base is taken as
 * staying). NULL when out of memory.
 */
static bool *moved_of(struct merge *m, enum rm_change_kind k)
{
	size_t nt = sc_count_of(m->t, k);
	bool *mv = calloc(nt ? nt : 1, sizeof(bool)), after_new = false;
	long top = -1;

	for (size_t j = 0; mv && j < nt; j++) {
		long i = sc_find(m->b, k, sc_key_at(m->t, k, j));
		if (i < 0) {
			after_new = true;
		} else if (after_new || i < top) {
			mv[j] = true;
		} else {
			top = i;
		}
	}
	m->nomem |= !mv;
	return mv;
}

/* The base's item i, which theirs kept in place. */
static void merge_base_item(struct merge *m, enum rm_change_kind k, size_t i)
{
	const char *key = sc_key_at(m->b, k, i);
	const void *bi = sc_item_at(m->b, k, i);
	long j = sc_find(m->t, k, key), at = sc_find(m->o, k, key);
	const void *ti = j >= 0 ? sc_item_at(m->t, k, (size_t)j) : NULL;
	const void *oi = at >= 0 ? sc_item_at(m->o, k, (size_t)at) : NULL;

	if (ti && same_item(m, k, bi, ti)) {
		return; /* theirs left it: ours' stands */
	}
	if (!oi || !ti) { /* removed on one side at least */
		if (oi && same_item(m, k, bi, oi)) {
			plan(m, &m->fix, k, key, NULL);
			m->gone[k][at] = true;
		} else if (oi || ti) {
			removed_changed(m, k, key, bi, oi, ti);
		}
		return;
	}
	if (same_item(m, k, bi, oi)) {
		plan(m, &m->fix, k, key, object_of(m, k, ti));
	} else if (!same_item(m, k, oi, ti)) {
		cJSON *r = merge_item(m, k, key, bi, oi, ti);
		if (r) {
			plan(m, &m->fix, k, key, r);
		}
	}
}

/* Theirs' item j, which it added, or moved (moved): ours' item of its key
 * is merged with it and goes to the end of the list with theirs'
 * additions, in theirs' order. */
static void merge_their_item(struct merge *m, enum rm_change_kind k, size_t j,
			     bool moved)
{
	const char *key = sc_key_at(m->t, k, j);
	const void *ti = sc_item_at(m->t, k, j);
	long at = sc_find(m->o, k, key), i = sc_find(m->b, k, key);
	const void *bi = i >= 0 ? sc_item_at(m->b, k, (size_t)i) : NULL;
	const void *oi = at >= 0 ? sc_item_at(m->o, k, (size_t)at) : NULL;
	cJSON *r;

	if (!oi) { /* new, or moved by theirs and removed by ours */
		if (!moved) {
			plan(m, &m->add, k, key, object_of(m, k, ti));
		} else if (!same_item(m, k, bi, ti)) {
			removed_changed(m, k, key, bi, NULL, ti);
		}
		return;
	}
	if (!moved) { /* both added it */
		if (!same_item(m, k, oi, ti) &&
		    (r = merge_item(m, k, key, NULL, oi, ti))) {
			plan(m, &m->fix, k, key, r);
		}
		return;
	}
	if (same_item(m, k, bi, ti) || same_item(m, k, oi, ti)) {
		r = object_of(m, k, oi);
	} else if (same_item(m, k, bi, oi)) {
		r = object_of(m, k, ti);
	} else if (!(r = merge_item(m, k, key, bi, oi, ti))) {
		r = object_of(m, k, oi);
	}
	plan(m, &m->fix, k, key, NULL);
	m->gone[k][at] = true;
	plan(m, &m->add, k, key, r);
}

/* The items of one kind: the base's in place, then those theirs added or
 * moved. */
static void merge_kind(struct merge *m, enum rm_change_kind k)
{
	size_t nb = sc_count_of(m->b, k), nt = sc_count_of(m->t, k);
	bool *moved = moved_of(m, k);

	if (!moved ||
	    !(m->gone[k] = calloc(sc_count_of(m->o, k) + 1, sizeof(bool)))) {
		free(moved);
		m->nomem = true;
		return;
	}
	for (size_t i = 0; !m->nomem && i < nb; i++) {
		long j = sc_find(m->t, k, sc_key_at(m->b, k, i));
		if (j < 0 || !moved[j]) {
			merge_base_item(m, k, i);
		}
	}
	for (size_t j = 0; !m->nomem && j < nt; j++) {
		if (moved[j] || sc_find(m->b, k, sc_key_at(m->t, k, j)) < 0) {
			merge_their_item(m, k, j, moved[j]);
		}
	}
	free(moved);
}

/* Goals and initiatives share one namespace: an item theirs adds whose
 * id ours gave an item of the other kind (and keeps) is left out, a
 * conflict. */
static void check_additions(struct merge *m)
{
	size_t w = 0;

	for (size_t i = 0; i < m->add.n; i++) {
		struct rm_change *c = &m->add.changes[i];
		enum rm_change_kind other =
		    c->kind == RM_CH_GOAL	  ? RM_CH_INITIATIVE
		    : c->kind == RM_CH_INITIATIVE ? RM_CH_GOAL
						  : RM_CH_SETTING;
		long at =
		    other != RM_CH_SETTING ? sc_find(m->o, other, c->id) : -1;
		if (at >= 0 && !m->gone[other][at]) {
			char why[200], q[160];
			cJSON *mine = object_of(
			    m, other, sc_item_at(m->o, other, (size_t)at));
			snprintf(why, sizeof(why), "ours has %s %s %s",
				 other == RM_CH_GOAL ? "a" : "an",
				 rm_change_kinds[other],
				 rm_quote(c->id, q, sizeof(q)));
			if (!m->nomem) {
				rm_merge_conflict(m, rm_change_kinds[c->kind],
						  c->id, NULL, NULL, mine,
						  c->value, NULL, why);
			}
			cJSON_Delete(mine);
			rm_change_release(c);
			continue;
		}
		m->add.changes[w++] = *c;
	}
	m->add.n = w;
}

/* ---------------------------------------------------------- merge */

enum roadmap_status roadmap_merge(const struct roadmap *base,
				  struct roadmap *ours,
				  const struct roadmap *theirs,
				  struct roadmap_merge_conflicts *out,
				  struct roadmap_error *err)
{
	struct merge m = {base, theirs, ours, {0}, {0}, {0}, out, false};
	enum roadmap_status st;

	memset(out, 0, sizeof(*out));
	if (ours->fiscal_start != base->fiscal_start ||
	    theirs->fiscal_start != base->fiscal_start) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "fiscal_year_start differs (base %d, ours %d, "
			       "theirs %d): the quarters of actuals and "
			       "envelopes would not line up; merge with one "
			       "fiscal year, then change it",
			       base->fiscal_start, ours->fiscal_start,
			       theirs->fiscal_start);
	}
	st = rm_merge_settings(&m, err);
	for (int k = RM_CH_TEAM; !st && !m.nomem && k < RM_CH_KINDS; k++) {
		merge_kind(&m, (enum rm_change_kind)k);
	}
	if (!st && !m.nomem) {
		check_additions(&m);
	}
	if (!st && m.nomem) {
		st = rm_nomem(err);
	}
	/* the replacements and removals first, so that an id removed is
	 * free for an item of the other kind theirs adds */
	if (!st) {
		st = sc_apply(ours, &m.fix, err);
	}
	if (!st) {
		st = sc_apply(ours, &m.add, err);
	}
	for (int k = 0; k < RM_CH_KINDS; k++) {
		free(m.gone[k]);
	}
	rm_scenario_release(&m.fix);
	rm_scenario_release(&m.add);
	if (st) {
		roadmap_merge_conflicts_release(out);
	}
	return st;
}
