/*
 * scenario.c - scenarios in use (roadmap(1), scenario): the roadmap seen
 * through one, the changes an edited view records, the conflicts with the
 * roadmap, and their application. Their reading and writing is
 * scenario-file.c's.
 *
 * A change holds JSON values: a field's or a setting's as `list --format
 * json` shows it (null: absent), a whole item's as the file holds it. A
 * field change is applied by writing the value into the item's file
 * object and reading the item again with the loader, so that a scenario
 * never makes an item the file could not hold.
 */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- use */

struct notes {
	struct strbuf text;
	size_t n;
	bool strict; /* the first is an error (apply) */
	struct roadmap_error *err;
	/* where the changes left out are kept (a view's left_out), or NULL;
	 * nomem when one could not be */
	struct rm_scenario *left;
	bool nomem;
};

/* Keeps copies of the n changes from c that were left out, so that the
 * next edit through the scenario records them again (roadmap_scenario_
 * record()): a change that does not apply today is not lost. */
static void keep_left(struct notes *x, const struct rm_change *c, size_t n)
{
	for (size_t k = 0; x->left && k < n; k++) {
		struct rm_change d = {c[k].kind, rm_strdup(c[k].id),
				      c[k].field ? rm_strdup(c[k].field) : NULL,
				      cJSON_Duplicate(c[k].base, true),
				      cJSON_Duplicate(c[k].value, true)};
		if (!d.id || (c[k].field && !d.field) || !d.base || !d.value ||
		    !rm_change_push(x->left, &d)) {
			rm_change_release(&d);
			x->nomem = true;
		}
	}
}

__attribute__((format(printf, 3, 4))) static void
note(struct notes *x, const struct rm_change *c, const char *fmt, ...)
{
	char line[700], q[160];
	va_list ap;
	int n =
	    snprintf(line, sizeof(line), "%s %s: ", rm_change_kinds[c->kind],
		     rm_quote(c->id, q, sizeof(q)));

	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	if (x->n++ == 0 && x->strict) {
		rm_fail(x->err, ROADMAP_ERR_DATA, "%s", line);
	}
	sb_puts(&x->text, line);
	sb_puts(&x->text, "\n");
}

/* A setting's JSON value as `config` takes it; false when it has none
 * (null: unset). */
static bool setting_text(const cJSON *v, struct strbuf *b)
{
	char num[ROADMAP_NUMBER_BUF];
	const cJSON *p;

	if (cJSON_IsNull(v)) {
		return false;
	}
	if (cJSON_IsString(v)) {
		sb_puts(b, v->valuestring);
	} else if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(p, v)
		{
			sb_puts(b, p != v->child ? "," : "");
			sb_puts(b, p->valuestring);
		}
	} else {
		sb_puts(b, roadmap_number_format(v->valuedouble, num));
	}
	sb_put(b, "", 0);
	return true;
}

/* Applies setting change c: *done when the roadmap takes it; a refusal
 * is a note only on the last try. */
static enum roadmap_status use_setting(struct roadmap *rm,
				       const struct rm_change *c, bool last,
				       bool *done, struct notes *x)
{
	struct strbuf b = {0};
	struct roadmap_error e;
	enum roadmap_status st =
	    setting_text(c->value, &b)
		? (b.failed ? ROADMAP_ERR_NOMEM
			    : roadmap_config_set(rm, c->id, b.data, &e))
		: roadmap_config_unset(rm, c->id, &e);

	sb_release(&b);
	if (st == ROADMAP_ERR_NOMEM) {
		return rm_nomem(x->err);
	}
	*done = st == ROADMAP_OK;
	if (st && last) {
		note(x, c, "%s; left out", e.message);
		keep_left(x, c, 1);
	}
	return ROADMAP_OK;
}

/*
 * The settings, once the items have their changes: a pillar the scenario
 * drops is free only when its initiatives, envelopes and target have left
 * it, and a target needs its pillar first. Each round applies what the
 * roadmap takes; what it still refuses once a round takes nothing is left
 * out, with a note.
 */
static enum roadmap_status
use_settings(struct roadmap *rm, const struct rm_scenario *s, struct notes *x)
{
	bool *done = calloc(s->n ? s->n : 1, sizeof(bool)), last = false;
	enum roadmap_status st = ROADMAP_OK;
	size_t left = 0;

	if (!done) {
		return rm_nomem(x->err);
	}
	for (size_t i = 0; i < s->n; i++) {
		done[i] = s->changes[i].kind != RM_CH_SETTING;
		left += !done[i];
	}
	while (!st && left) {
		size_t before = left;
		for (size_t i = 0; !st && i < s->n; i++) {
			if (done[i]) {
				continue;
			}
			st = use_setting(rm, &s->changes[i], last, &done[i], x);
			if (done[i] || last) {
				done[i] = true;
				left--;
			}
		}
		last = left == before;
	}
	free(done);
	return st;
}

/* Puts a new item (read from the file object o) in place of item i of
 * kind k. Its id string takes the old one's place in the index. */
static enum roadmap_status replace(struct roadmap *rm, enum rm_change_kind k,
				   size_t run, size_t i, const cJSON *o,
				   const struct rm_change *c, struct notes *x)
{
	union sc_item it;
	char why[512];
	enum roadmap_status st = sc_item_from(rm, k, o, &it, why, sizeof(why));

	if (st == ROADMAP_ERR_NOMEM) {
		return rm_nomem(x->err);
	}
	if (st) {
		note(x, c, "%s; left out", why);
		keep_left(x, c, run);
		return ROADMAP_OK;
	}
	/* the index takes the new id string (the same text) first: the old
	 * one is freed with the old item */
	struct idmap *ids = k == RM_CH_GOAL	    ? &rm->goal_ids
			    : k == RM_CH_INITIATIVE ? &rm->init_ids
			    : k == RM_CH_TEAM	    ? &rm->team_ids
						    : NULL;
	const char *id = k == RM_CH_GOAL	 ? it.g.id
			 : k == RM_CH_INITIATIVE ? it.in.id
			 : k == RM_CH_TEAM	 ? it.t.id
						 : NULL;
	if (ids && !idmap_put(ids, id, i)) {
		sc_release_item(k, &it);
		return rm_nomem(x->err);
	}
	if (k == RM_CH_GOAL) {
		it.g.line = rm->goals[i].line;
	} else if (k == RM_CH_INITIATIVE) {
		it.in.line = rm->inits[i].line;
	} else if (k == RM_CH_TEAM) {
		it.t.line = rm->teams[i].line;
	} else {
		it.b.line = rm->budgets[i].line;
	}
	void *old = sc_item_at(rm, k, i);
	sc_release_item(k, old);
	memcpy(old, &it, sc_size_of(k));
	return ROADMAP_OK;
}

static enum roadmap_status add(struct roadmap *rm, enum rm_change_kind k,
			       const struct rm_change *c, struct notes *x)
{
	union sc_item it;
	char why[512];
	size_t other;
	enum roadmap_status st;

	if ((k == RM_CH_GOAL && idmap_get(&rm->init_ids, c->id, &other)) ||
	    (k == RM_CH_INITIATIVE &&
	     idmap_get(&rm->goal_ids, c->id, &other))) {
		keep_left(x, c, 1);
		note(x, c, "the roadmap has a %s of that id now; left out",
		     k == RM_CH_GOAL ? ROADMAP_WORD_INITIATIVE
				     : ROADMAP_WORD_GOAL);
		return ROADMAP_OK;
	}
	if ((st = sc_item_from(rm, k, c->value, &it, why, sizeof(why)))) {
		if (st == ROADMAP_ERR_NOMEM) {
			return rm_nomem(x->err);
		}
		note(x, c, "%s; left out", why);
		keep_left(x, c, 1);
		return ROADMAP_OK;
	}
	bool ok = k == RM_CH_GOAL	  ? rm_push_goal(rm, &it.g)
		  : k == RM_CH_INITIATIVE ? rm_push_initiative(rm, &it.in)
		  : k == RM_CH_TEAM	  ? rm_push_team(rm, &it.t)
					  : rm_push_budget(rm, &it.b);
	if (!ok) {
		sc_release_item(k, &it);
		return rm_nomem(x->err);
	}
	return ROADMAP_OK;
}

/* Drops the items of kind k marked in gone[], keeping the others' order. */
static bool compact(struct roadmap *rm, enum rm_change_kind k, bool *gone)
{
	size_t n = sc_count_of(rm, k), w = 0, sz = sc_size_of(k);

	for (size_t i = 0; i < n; i++) {
		void *it = sc_item_at(rm, k, i);
		if (gone[i]) {
			sc_release_item(k, it);
			if (k == RM_CH_BUDGET) {
				free(rm->budget_keys[i]);
			}
			continue;
		}
		if (w != i) {
			memcpy(sc_item_at(rm, k, w), it, sz);
			if (k == RM_CH_BUDGET) {
				rm->budget_keys[w] = rm->budget_keys[i];
			}
		}
		w++;
	}
	if (k == RM_CH_TEAM) {
		rm->n_teams = w;
	} else if (k == RM_CH_GOAL) {
		rm->n_goals = w;
	} else if (k == RM_CH_INITIATIVE) {
		rm->n_inits = w;
	} else {
		rm->n_budgets = w;
		return rm_reindex_budgets(rm);
	}
	/* only the kind's index: the others' items did not move */
	struct idmap *ids = k == RM_CH_TEAM   ? &rm->team_ids
			    : k == RM_CH_GOAL ? &rm->goal_ids
					      : &rm->init_ids;
	idmap_clear(ids);
	for (size_t i = 0; i < w; i++) {
		if (!idmap_put(ids, sc_key_at(rm, k, i), i)) {
			return false;
		}
	}
	return true;
}

/* The changes of one item from c[0] on (they are together, as the record
 * writes them): their number. */
static size_t run_of(const struct rm_change *c, size_t n)
{
	size_t k = 1;

	while (k < n && c[k].kind == c[0].kind && c[k].field && c[0].field &&
	       strcmp(c[k].id, c[0].id) == 0) {
		k++;
	}
	return k;
}

static enum roadmap_status use_fields(struct roadmap *rm,
				      const struct rm_change *c, size_t n,
				      struct notes *x)
{
	enum rm_change_kind k = c->kind;
	long i = sc_find(rm, k, c->id);

	if (i < 0) {
		for (size_t j = 0; j < n; j++) {
			keep_left(x, &c[j], 1);
			note(x, &c[j],
			     "no longer in the roadmap; the change to %s is "
			     "left out",
			     c[j].field);
		}
		return ROADMAP_OK;
	}
	cJSON *o = sc_file_object(k, sc_item_at(rm, k, (size_t)i));
	bool ok = o != NULL;
	for (size_t j = 0; ok && j < n; j++) {
		cJSON_DeleteItemFromObjectCaseSensitive(o, c[j].field);
		if (!cJSON_IsNull(c[j].value)) {
			cJSON *v = cJSON_Duplicate(c[j].value, true);
			ok = v && cJSON_AddItemToObject(o, c[j].field, v);
			if (!ok) {
				cJSON_Delete(v);
			}
		}
	}
	enum roadmap_status st =
	    ok ? replace(rm, k, n, (size_t)i, o, c, x) : rm_nomem(x->err);
	cJSON_Delete(o);
	return st;
}

/* Applies every change of s to rm; a change that does not apply is a
 * note (with strict, an error in err: rm is then half changed). */
static enum roadmap_status
use_changes(struct roadmap *rm, const struct rm_scenario *s, struct notes *x)
{
	bool *gone[RM_CH_KINDS] = {0};
	size_t n0[RM_CH_KINDS] = {0};
	enum roadmap_status st = ROADMAP_OK;

	for (int k = RM_CH_TEAM; k < RM_CH_KINDS; k++) {
		size_t n = n0[k] = sc_count_of(rm, (enum rm_change_kind)k);
		if (!(gone[k] = calloc(n ? n : 1, sizeof(bool)))) {
			st = rm_nomem(x->err);
		}
	}
	for (size_t i = 0; !st && i < s->n;) {
		const struct rm_change *c = &s->changes[i];
		size_t run = 1;
		long at;
		if (c->kind == RM_CH_SETTING) {
			/* the settings come last (use_settings) */
		} else if (c->field) {
			run = run_of(c, s->n - i);
			st = use_fields(rm, c, run, x);
		} else if (cJSON_IsNull(c->value)) {
			at = sc_find(rm, c->kind, c->id);
			/* an item the scenario added is not among the
			 * first n0: a scenario adds or removes an id */
			if (at >= 0 && (size_t)at < n0[c->kind]) {
				gone[c->kind][at] = true;
			}
		} else if ((at = sc_find(rm, c->kind, c->id)) >= 0) {
			st =
			    replace(rm, c->kind, 1, (size_t)at, c->value, c, x);
		} else {
			st = add(rm, c->kind, c, x);
		}
		i += run;
	}
	for (int k = RM_CH_TEAM; !st && k < RM_CH_KINDS; k++) {
		enum rm_change_kind kk = (enum rm_change_kind)k;
		size_t n = sc_count_of(rm, kk);
		bool any = false;
		for (size_t i = 0; i < n0[k] && !any; i++) {
			any = gone[k][i];
		}
		if (!any) {
			continue;
		}
		/* the items the scenario added are kept */
		bool *g = realloc(gone[k], (n ? n : 1) * sizeof(bool));
		if (!g) {
			st = rm_nomem(x->err);
			break;
		}
		gone[k] = g;
		memset(g + n0[k], 0, (n - n0[k]) * sizeof(bool));
		if (!compact(rm, kk, g)) {
			st = rm_nomem(x->err);
		}
	}
	for (int k = 0; k < RM_CH_KINDS; k++) {
		free(gone[k]);
	}
	return st ? st : use_settings(rm, s, x);
}

enum roadmap_status roadmap_scenario_use(struct roadmap *rm, const char *name,
					 char **skipped,
					 struct roadmap_error *err)
{
	struct rm_scenario *s = rm_scenario_named(rm, name, err);
	struct notes x = {{0}, 0, false, err, NULL, false};
	enum roadmap_status st;

	if (skipped) {
		*skipped = NULL;
	}
	if (!s) {
		return ROADMAP_ERR_DATA;
	}
	if (!rm->left_out &&
	    !(rm->left_out = calloc(1, sizeof(*rm->left_out)))) {
		return rm_nomem(err);
	}
	x.left = rm->left_out;
	/* the scenario leaves the roadmap's list first: it is read from
	 * there, and what uses the roadmap sees no scenarios */
	struct rm_scenario mine = *s;
	size_t at = (size_t)(s - rm->scenarios);
	memmove(rm->scenarios + at, rm->scenarios + at + 1,
		(rm->n_scenarios - at - 1) * sizeof(*s));
	rm->n_scenarios--;
	st = use_changes(rm, &mine, &x);
	rm_scenario_release(&mine);
	for (size_t i = 0; i < rm->n_scenarios; i++) {
		rm_scenario_release(&rm->scenarios[i]);
	}
	rm->n_scenarios = 0;
	if (!st && (x.text.failed || x.nomem)) {
		st = rm_nomem(err);
	}
	if (!st && skipped && x.n) {
		*skipped = x.text.data;
		x.text.data = NULL;
	}
	sb_release(&x.text);
	return st;
}

static enum roadmap_status copy(const struct roadmap *rm, struct roadmap **out,
				struct roadmap_error *err)
{
	return (*out = roadmap_copy(rm)) ? ROADMAP_OK : rm_nomem(err);
}

enum roadmap_status roadmap_scenario_view(const struct roadmap *rm,
					  const char *name,
					  struct roadmap **out, char **skipped,
					  struct roadmap_error *err)
{
	enum roadmap_status st;

	*out = NULL;
	if (skipped) {
		*skipped = NULL;
	}
	if (!rm_scenario_named(rm, name, err)) {
		return ROADMAP_ERR_DATA;
	}
	if ((st = copy(rm, out, err)) ||
	    (st = roadmap_scenario_use(*out, name, skipped, err))) {
		roadmap_destroy(*out);
		*out = NULL;
	}
	return st;
}

/* A list of changes applied to rm strictly (merge.c): the first that does
 * not apply is an error in err, rm then half changed. */
enum roadmap_status sc_apply(struct roadmap *rm, const struct rm_scenario *s,
			     struct roadmap_error *err)
{
	struct notes x = {{0}, 0, true, err, NULL, false};
	enum roadmap_status st = use_changes(rm, s, &x);

	if (!st && x.n) {
		st = ROADMAP_ERR_DATA;
	}
	sb_release(&x.text);
	return st;
}

/* ---------------------------------------------------------- record */

struct rec {
	struct rm_scenario next;
	const struct rm_scenario *old;
	struct sc_index idx;
	bool nomem;
};

/* Adds a change; its base is the old change's when there was one. */
static void put(struct rec *r, enum rm_change_kind k, const char *id,
		const char *field, const cJSON *base, const cJSON *value)
{
	const struct rm_change *was =
	    sc_index_get(&r->idx, r->old, k, id, field, &r->nomem);
	/* a whole item's change keeps its base while it stays an addition
	 * (base null) or a removal: an item that the roadmap, too, has
	 * removed since and the scenario adds again, or added since and the
	 * scenario removes, is a change made now */
	if (was && !field && cJSON_IsNull(was->base) != cJSON_IsNull(base)) {
		was = NULL;
	}
	struct rm_change c = {k, rm_strdup(id), field ? rm_strdup(field) : NULL,
			      cJSON_Duplicate(was ? was->base : base, true),
			      cJSON_Duplicate(value, true)};

	if (r->nomem || !c.id || (field && !c.field) || !c.base || !c.value ||
	    !rm_change_push(&r->next, &c)) {
		rm_change_release(&c);
		r->nomem = true;
	}
}

static void record_settings(struct rec *r, const struct roadmap *rm,
			    const struct roadmap *view)
{
	cJSON *a = rm_settings_json(rm, view), *b = rm_settings_json(view, rm);
	cJSON *null = cJSON_CreateNull();
	const cJSON *f;

	if (!a || !b || !null) {
		r->nomem = true;
	}
	cJSON_ArrayForEach(f, b)
	{
		const cJSON *old =
		    cJSON_GetObjectItemCaseSensitive(a, f->string);
		if (!old || !cJSON_Compare(old, f, true)) {
			put(r, RM_CH_SETTING, f->string, NULL, old ? old : null,
			    f);
		}
	}
	cJSON_Delete(null);
	cJSON_Delete(a);
	cJSON_Delete(b);
}

static void record_item(struct rec *r, enum rm_change_kind k, const char *key,
			const void *a, const void *b)
{
	const struct rm_field *fs = sc_fields_of(k);

	for (const struct rm_field *f = fs + 1; !r->nomem && f->name; f++) {
		if (k == RM_CH_BUDGET && !sc_changeable(k, f->name)) {
			continue;
		}
		cJSON *va = sc_field_json(f, a), *vb = sc_field_json(f, b);
		if (!va || !vb) {
			r->nomem = true;
		} else if (!cJSON_Compare(va, vb, true)) {
			put(r, k, key, f->name, va, vb);
		}
		cJSON_Delete(va);
		cJSON_Delete(vb);
	}
}

static void record_kind(struct rec *r, enum rm_change_kind k,
			const struct roadmap *rm, const struct roadmap *view)
{
	size_t n = sc_count_of(rm, k), m = sc_count_of(view, k);
	bool *seen = calloc(m ? m : 1, 1);
	cJSON *null = cJSON_CreateNull();

	if (!seen || !null) {
		r->nomem = true;
	}
	for (size_t i = 0; !r->nomem && i < n; i++) {
		const char *key = sc_key_at(rm, k, i);
		const void *a = sc_item_at(rm, k, i);
		long j = sc_find(view, k, key);
		if (j < 0) {
			cJSON *o = sc_file_object(k, a);
			r->nomem = !o;
			put(r, k, key, NULL, o, null);
			cJSON_Delete(o);
			continue;
		}
		seen[j] = true;
		record_item(r, k, key, a, sc_item_at(view, k, (size_t)j));
	}
	for (size_t j = 0; !r->nomem && j < m; j++) {
		if (!seen[j]) {
			cJSON *o = sc_file_object(k, sc_item_at(view, k, j));
			r->nomem = !o;
			put(r, k, sc_key_at(view, k, j), NULL, null, o);
			cJSON_Delete(o);
		}
	}
	cJSON_Delete(null);
	free(seen);
}

enum roadmap_status roadmap_scenario_record(struct roadmap *rm,
					    const char *name,
					    const struct roadmap *view,
					    struct roadmap_error *err)
{
	struct rm_scenario *s = rm_scenario_named(rm, name, err);
	struct rec r = {0};

	if (!s) {
		return ROADMAP_ERR_DATA;
	}
	if (view->fiscal_start != rm->fiscal_start) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a scenario cannot change fiscal_year_start "
			       "(its envelopes and actuals are kept by the "
			       "roadmap's periods): change it without "
			       "--scenario");
	}
	if (strcmp(view->currency, rm->currency) != 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a scenario cannot change the currency (its "
			       "amounts are the roadmap's, and no amount is "
			       "converted): change it without --scenario");
	}
	/* an edit the roadmap's own save would refuse (set end before
	 * start) is refused here too: recorded, it would be left out of
	 * every view, with the item's other changes */
	enum roadmap_status st = rm_savable(view, err);
	if (st) {
		return st;
	}
	r.old = s;
	if (!sc_index_build(&r.idx, s)) {
		return rm_nomem(err);
	}
	record_settings(&r, rm, view);
	for (int k = RM_CH_TEAM; k < RM_CH_KINDS; k++) {
		record_kind(&r, (enum rm_change_kind)k, rm, view);
	}
	/* what the view left out is kept as it was (it may apply again
	 * later), unless the edit made a change that stands in its place: of
	 * the same field, or of the whole item; a whole item's, unless the
	 * edit changed the item at all */
	size_t made = r.next.n; /* the changes the edit's view shows */
	for (size_t k = 0; view->left_out && !r.nomem && k < view->left_out->n;
	     k++) {
		const struct rm_change *c = &view->left_out->changes[k];
		bool same = false;
		for (size_t m = 0; m < made && !same; m++) {
			const struct rm_change *e = &r.next.changes[m];
			same = e->kind == c->kind &&
			       strcmp(e->id, c->id) == 0 &&
			       (!c->field || !e->field ||
				strcmp(e->field, c->field) == 0);
		}
		if (same) {
			continue;
		}
		struct rm_change d = {c->kind, rm_strdup(c->id),
				      c->field ? rm_strdup(c->field) : NULL,
				      cJSON_Duplicate(c->base, true),
				      cJSON_Duplicate(c->value, true)};
		if (!d.id || (c->field && !d.field) || !d.base || !d.value ||
		    !rm_change_push(&r.next, &d)) {
			rm_change_release(&d);
			r.nomem = true;
		}
	}
	sc_index_release(&r.idx);
	if (r.nomem || !(r.next.name = rm_strdup(s->name))) {
		rm_scenario_release(&r.next);
		return rm_nomem(err);
	}
	rm_scenario_release(s);
	*s = r.next;
	return ROADMAP_OK;
}

/* ---------------------------------------------------------- conflicts */

/* What the roadmap holds now where change c applies: a new value, or
 * NULL with *gone when its item is no longer there (or out of memory). */
static cJSON *now_of(const struct roadmap *rm, const cJSON *settings,
		     const struct rm_change *c, bool *gone)
{
	*gone = false;
	if (c->kind == RM_CH_SETTING) {
		const cJSON *v =
		    cJSON_GetObjectItemCaseSensitive(settings, c->id);
		return v ? cJSON_Duplicate(v, true) : cJSON_CreateNull();
	}
	long i = sc_find(rm, c->kind, c->id);
	if (!c->field) {
		return i < 0 ? cJSON_CreateNull()
			     : sc_file_object(c->kind,
					      sc_item_at(rm, c->kind, i));
	}
	if (i < 0) {
		*gone = true;
		return NULL;
	}
	return sc_field_json(rm_field_find(sc_fields_of(c->kind), c->field),
			     sc_item_at(rm, c->kind, (size_t)i));
}

static char *text_of(const cJSON *v)
{
	return v ? cJSON_PrintUnformatted(v) : rm_strdup("(no such item)");
}

void roadmap_scenario_conflicts_release(struct roadmap_scenario_conflicts *c)
{
	for (size_t i = 0; c && i < c->n; i++) {
		cJSON_free((char *)c->items[i].then);
		cJSON_free((char *)c->items[i].now);
		cJSON_free((char *)c->items[i].scenario);
	}
	if (c) {
		free(c->items);
		memset(c, 0, sizeof(*c));
	}
}

enum roadmap_status
roadmap_scenario_conflicts(const struct roadmap *rm, const char *name,
			   struct roadmap_scenario_conflicts *out,
			   struct roadmap_error *err)
{
	const struct rm_scenario *s = rm_scenario_named(rm, name, err);
	cJSON *settings;
	bool ok = true;

	memset(out, 0, sizeof(*out));
	if (!s) {
		return ROADMAP_ERR_DATA;
	}
	if (!(settings = rm_settings_json(rm, rm))) {
		return rm_nomem(err);
	}
	for (size_t i = 0; ok && i < s->n; i++) {
		const struct rm_change *c = &s->changes[i];
		bool gone;
		cJSON *now = now_of(rm, settings, c, &gone);
		if (!now && !gone) {
			ok = false;
			break;
		}
		/* the same value as then, or as the scenario's (both made
		 * the same change) is no conflict */
		if (now && (cJSON_Compare(now, c->base, true) ||
			    cJSON_Compare(now, c->value, true))) {
			cJSON_Delete(now);
			continue;
		}
		struct roadmap_scenario_conflict x = {
		    rm_change_kinds[c->kind],
		    c->id,
		    c->field,
		    cJSON_PrintUnformatted(c->base),
		    text_of(now),
		    cJSON_PrintUnformatted(c->value)};
		cJSON_Delete(now);
		ok = x.then && x.now && x.scenario &&
		     rm_grow_pow2((void **)&out->items, out->n, sizeof(x));
		if (!ok) {
			cJSON_free((char *)x.then);
			cJSON_free((char *)x.now);
			cJSON_free((char *)x.scenario);
			break;
		}
		out->items[out->n++] = x;
	}
	cJSON_Delete(settings);
	if (!ok) {
		roadmap_scenario_conflicts_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

/* ---------------------------------------------------------- apply */

enum roadmap_status roadmap_scenario_apply(struct roadmap *rm, const char *name,
					   size_t *applied,
					   struct roadmap_error *err)
{
	struct roadmap_scenario_conflicts cf;
	struct roadmap *next = NULL;
	struct notes x = {{0}, 0, true, err};
	enum roadmap_status st;
	char q[160];

	if ((st = roadmap_scenario_conflicts(rm, name, &cf, err))) {
		return st;
	}
	size_t n = cf.n;
	roadmap_scenario_conflicts_release(&cf);
	if (n) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "scenario %s changes %zu value%s that the "
			       "roadmap has changed since",
			       rm_quote(name, q, sizeof(q)), n,
			       n == 1 ? "" : "s");
	}
	/* on a copy, so that a change that does not apply leaves rm as it
	 * was */
	if ((st = copy(rm, &next, err))) {
		return st;
	}
	long at = roadmap_scenario_index(next, name);
	struct rm_scenario mine = next->scenarios[at];
	memmove(next->scenarios + at, next->scenarios + at + 1,
		(next->n_scenarios - (size_t)at - 1) * sizeof(mine));
	next->n_scenarios--;
	st = use_changes(next, &mine, &x);
	if (!st && x.n) {
		st = ROADMAP_ERR_DATA;
	}
	sb_release(&x.text);
	if (applied) {
		*applied = mine.n;
	}
	rm_scenario_release(&mine);
	if (st) {
		roadmap_destroy(next);
		return st;
	}
	/* next takes rm's place; what rm held goes with next */
	time_t saved = rm->saved;
	struct roadmap tmp = *rm;
	*rm = *next;
	*next = tmp;
	rm->saved = saved;
	roadmap_destroy(next);
	return ROADMAP_OK;
}
