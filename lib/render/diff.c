/*
 * diff.c - what changed between two roadmaps (roadmap(1), diff). Items are
 * compared as the JSON objects of `list --format json`, defaults filled in, so
 * a field written out in one file and left to its default in the other is no
 * change.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

struct dstate {
	cJSON *added, *removed, *changed, *spend;
	struct strbuf text;
	bool ok;
};

static void entry(struct dstate *d, cJSON *list, const char *verb,
		  const char *kind, const char *id)
{
	char q[160];
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "kind", cJSON_CreateString(kind), &d->ok);
	rm_json_add(o, ROADMAP_FIELD_ID,
		    id ? cJSON_CreateString(id) : cJSON_CreateNull(), &d->ok);
	rm_json_push(list, o, &d->ok);
	sb_puts(&d->text, verb);
	sb_puts(&d->text, " ");
	sb_puts(&d->text, kind);
	if (id) {
		sb_puts(&d->text, " ");
		sb_puts(&d->text, rm_quote(id, q, sizeof(q)));
	}
	sb_puts(&d->text, "\n");
}

static void text_value(struct strbuf *b, const cJSON *v)
{
	char *s = cJSON_PrintUnformatted(v);

	sb_puts(b, s ? s : "?");
	cJSON_free(s);
}

/* One changed field; a NULL side is shown as null. */
static void changed(struct dstate *d, const char *kind, const char *id,
		    const char *field, const cJSON *old, const cJSON *f)
{
	char q[160];
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "kind", cJSON_CreateString(kind), &d->ok);
	rm_json_add(o, ROADMAP_FIELD_ID,
		    id ? cJSON_CreateString(id) : cJSON_CreateNull(), &d->ok);
	rm_json_add(o, "field", cJSON_CreateString(field), &d->ok);
	rm_json_add(o, "old",
		    old ? cJSON_Duplicate(old, true) : cJSON_CreateNull(),
		    &d->ok);
	rm_json_add(o, "new", f ? cJSON_Duplicate(f, true) : cJSON_CreateNull(),
		    &d->ok);
	rm_json_push(d->changed, o, &d->ok);
	sb_puts(&d->text, "changed ");
	sb_puts(&d->text, kind);
	if (id) {
		sb_puts(&d->text, " ");
		sb_puts(&d->text, rm_quote(id, q, sizeof(q)));
	}
	sb_puts(&d->text, ": ");
	sb_puts(&d->text, field);
	sb_puts(&d->text, " ");
	if (old) {
		text_value(&d->text, old);
	} else {
		sb_puts(&d->text, "null");
	}
	sb_puts(&d->text, " -> ");
	if (f) {
		text_value(&d->text, f);
	} else {
		sb_puts(&d->text, "null");
	}
	sb_puts(&d->text, "\n");
}

/* Field by field, in the order of the new object, then the fields only
 * the old one has. */
static void compare(struct dstate *d, const char *kind, const char *id,
		    const cJSON *a, const cJSON *b)
{
	const cJSON *f;

	cJSON_ArrayForEach(f, b)
	{
		const cJSON *old =
		    cJSON_GetObjectItemCaseSensitive(a, f->string);
		if (!old || !cJSON_Compare(old, f, true)) {
			changed(d, kind, id, f->string, old, f);
		}
	}
	cJSON_ArrayForEach(f, a) /* fields the new one no longer has */
	{
		if (!cJSON_GetObjectItemCaseSensitive(b, f->string)) {
			changed(d, kind, id, f->string, f, NULL);
		}
	}
}

/* The items of one kind as an object keyed by id (budgets by label). */
static cJSON *keyed(const struct roadmap *rm, int kind, bool *ok)
{
	cJSON *o = cJSON_CreateObject();
	size_t n = kind == 0   ? rm->n_teams
		   : kind == 1 ? rm->n_goals
		   : kind == 2 ? rm->n_inits
			       : rm->n_budgets;

	for (size_t i = 0; o && *ok && i < n; i++) {
		char key[96];
		const char *id;
		cJSON *item;
		if (kind == 0) {
			id = rm->teams[i].id;
			item = rm_team_object(&rm->teams[i]);
		} else if (kind == 1) {
			id = rm->goals[i].id;
			item = rm_goal_object(&rm->goals[i]);
		} else if (kind == 2) {
			id = rm->inits[i].id;
			item = rm_initiative_object(&rm->inits[i]);
		} else {
			const struct roadmap_budget *b = &rm->budgets[i];
			id = rm_budget_key(b, key, sizeof(key));
			item = rm_budget_object(b);
		}
		rm_json_add_copy(o, id, item, ok);
	}
	return o;
}

/* The members of a keyed object by key: a member looked up in constant
 * time (searched one by one, a diff of 100,000 initiatives took minutes).
 * The first of a key, as cJSON finds it. */
struct members {
	struct idmap map;
	const cJSON **at;
};

static void members_release(struct members *m)
{
	idmap_release(&m->map);
	free(m->at);
	memset(m, 0, sizeof(*m));
}

static void members_of(const cJSON *o, struct members *m, bool *ok)
{
	size_t n = 0, old;
	const cJSON *x;

	memset(m, 0, sizeof(*m));
	cJSON_ArrayForEach(x, o)
	{
		n++;
	}
	*ok = *ok && (m->at = malloc((n ? n : 1) * sizeof(*m->at))) &&
	      idmap_reserve(&m->map, n);
	n = 0;
	cJSON_ArrayForEach(x, o)
	{
		if (!*ok) {
			break;
		}
		m->at[n] = x;
		*ok = idmap_add(&m->map, x->string, n++, &old) >= 0;
	}
}

static const cJSON *member(const struct members *m, const char *key)
{
	size_t i;

	return m->at && idmap_get(&m->map, key, &i) ? m->at[i] : NULL;
}

/* A scenario's changes keyed "kind/id[/field]", each its {base, value}. */
static cJSON *changes_of(const struct rm_scenario *s, bool *ok)
{
	cJSON *o = cJSON_CreateObject();

	*ok = *ok && o;
	for (size_t i = 0; *ok && i < s->n; i++) {
		const struct rm_change *c = &s->changes[i];
		char key[400];
		snprintf(key, sizeof(key), "%s/%s%s%s",
			 rm_change_kinds[c->kind], c->id, c->field ? "/" : "",
			 c->field ? c->field : "");
		cJSON *x = cJSON_CreateObject();
		rm_json_add_copy(o, key, x, ok);
		rm_json_add(x, ROADMAP_KEY_BASE, cJSON_Duplicate(c->base, true),
			    ok);
		rm_json_add(x, ROADMAP_KEY_VALUE,
			    cJSON_Duplicate(c->value, true), ok);
	}
	return o;
}

/* Scenarios added and removed, and each change of a scenario in both
 * ("changed scenario "cut": initiative/loyalty/end ..."), shown by the
 * scenario's value. */
static void scenarios(struct dstate *d, const struct roadmap *a,
		      const struct roadmap *b)
{
	for (size_t i = 0; d->ok && i < a->n_scenarios; i++) {
		if (roadmap_scenario_index(b, a->scenarios[i].name) < 0) {
			entry(d, d->removed, "removed", "scenario",
			      a->scenarios[i].name);
		}
	}
	for (size_t i = 0; d->ok && i < b->n_scenarios; i++) {
		const struct rm_scenario *sb = &b->scenarios[i];
		long j = roadmap_scenario_index(a, sb->name);
		if (j < 0) {
			entry(d, d->added, "added", "scenario", sb->name);
			continue;
		}
		cJSON *ca = changes_of(&a->scenarios[j], &d->ok),
		      *cb = changes_of(sb, &d->ok);
		struct members ma, mb;
		const cJSON *x;
		members_of(ca, &ma, &d->ok);
		members_of(cb, &mb, &d->ok);
		cJSON_ArrayForEach(x, cb)
		{
			const cJSON *y = member(&ma, x->string);
			if (!y || !cJSON_Compare(x, y, true)) {
				changed(d, "scenario", sb->name, x->string,
					y ? cJSON_GetObjectItemCaseSensitive(
						y, ROADMAP_KEY_VALUE)
					  : NULL,
					cJSON_GetObjectItemCaseSensitive(
					    x, ROADMAP_KEY_VALUE));
			}
		}
		cJSON_ArrayForEach(x, ca)
		{
			if (!member(&mb, x->string)) {
				changed(d, "scenario", sb->name, x->string,
					cJSON_GetObjectItemCaseSensitive(
					    x, ROADMAP_KEY_VALUE),
					NULL);
			}
		}
		members_release(&ma);
		members_release(&mb);
		cJSON_Delete(ca);
		cJSON_Delete(cb);
	}
}

/* Planned spend per quarter of both roadmaps, in quarter order, every sum
 * checked. Fails (false) with *overflow set when a sum overflows. */
static bool spend(struct dstate *d, const struct roadmap *a,
		  const struct roadmap *b, bool *overflow)
{
	struct roadmap_spend sa, sb;
	int64_t *qa = NULL, *qb = NULL;
	char m1[32], m2[32], m3[32], label[12];
	bool ok = false;
	/* amounts in two currencies are shown, never subtracted */
	bool cross = strcmp(a->currency, b->currency) != 0;

	if (roadmap_spend_build(a, &sa, NULL)) {
		return false;
	}
	if (roadmap_spend_build(b, &sb, NULL)) {
		roadmap_spend_release(&sa);
		return false;
	}
	qa = rm_spend_by_quarter(&sa, overflow);
	qb = rm_spend_by_quarter(&sb, overflow);
	if (!qa || !qb || *overflow) {
		goto out;
	}
	int lo = !sa.any	     ? sb.qmin
		 : !sb.any	     ? sa.qmin
		 : sa.qmin < sb.qmin ? sa.qmin
				     : sb.qmin;
	int hi = !sa.any	     ? sb.qmax
		 : !sb.any	     ? sa.qmax
		 : sa.qmax > sb.qmax ? sa.qmax
				     : sb.qmax;
	for (int q = lo; (sa.any || sb.any) && q <= hi; q++) {
		int64_t o = sa.any && q >= sa.qmin && q <= sa.qmax
				? qa[q - sa.qmin]
				: 0;
		int64_t nw = sb.any && q >= sb.qmin && q <= sb.qmax
				 ? qb[q - sb.qmin]
				 : 0;
		if (o == nw && (!cross || o == 0)) {
			continue;
		}
		/* both lie in 0 .. INT64_MAX: the difference cannot overflow */
		roadmap_quarter_label(q, label);
		cJSON *row = cJSON_CreateObject();
		rm_json_add(row, ROADMAP_FIELD_PERIOD,
			    cJSON_CreateString(label), &d->ok);
		rm_json_add(row, "old", rm_json_money(o), &d->ok);
		rm_json_add(row, "new", rm_json_money(nw), &d->ok);
		rm_json_add(row, "delta",
			    cross ? cJSON_CreateNull() : rm_json_money(nw - o),
			    &d->ok);
		rm_json_push(d->spend, row, &d->ok);
		char line[160];
		if (cross) {
			snprintf(line, sizeof(line),
				 "spend %s: %s %s -> %s %s\n", label,
				 a->currency, roadmap_money_format(o, true, m1),
				 b->currency,
				 roadmap_money_format(nw, true, m2));
		} else {
			snprintf(line, sizeof(line),
				 "spend %s: %s -> %s (%s%s)\n", label,
				 roadmap_money_format(o, true, m1),
				 roadmap_money_format(nw, true, m2),
				 nw > o ? "+" : "",
				 roadmap_money_format(nw - o, true, m3));
		}
		sb_puts(&d->text, line);
	}
	ok = true;
out:
	free(qa);
	free(qb);
	roadmap_spend_release(&sa);
	roadmap_spend_release(&sb);
	return ok;
}

enum roadmap_status roadmap_diff(const struct roadmap *a,
				 const struct roadmap *b,
				 enum roadmap_output form, char **out,
				 bool *differs, struct roadmap_error *err)
{
	static const char *const kinds[] = {
	    ROADMAP_WORD_TEAM, ROADMAP_WORD_GOAL, ROADMAP_WORD_INITIATIVE,
	    ROADMAP_WORD_BUDGET};
	struct dstate d = {0};
	cJSON *root = cJSON_CreateObject();

	d.ok = root != NULL;
	d.added = rm_json_add(root, "added", cJSON_CreateArray(), &d.ok);
	d.removed = rm_json_add(root, "removed", cJSON_CreateArray(), &d.ok);
	d.changed = rm_json_add(root, "changed", cJSON_CreateArray(), &d.ok);
	d.spend = rm_json_add(root, "spend", cJSON_CreateArray(), &d.ok);
	sb_put(&d.text, "", 0);
	if (d.ok) {
		cJSON *sa = rm_settings_json(a, b),
		      *sb = rm_settings_json(b, a);
		d.ok = sa && sb;
		if (d.ok) {
			compare(&d, "roadmap", NULL, sa, sb);
		}
		cJSON_Delete(sa);
		cJSON_Delete(sb);
	}
	for (int k = 0; k < 4 && d.ok; k++) {
		cJSON *ka = keyed(a, k, &d.ok), *kb = keyed(b, k, &d.ok);
		struct members ma, mb;
		const cJSON *x;
		members_of(ka, &ma, &d.ok);
		members_of(kb, &mb, &d.ok);
		cJSON_ArrayForEach(x, ka)
		{
			if (!member(&mb, x->string)) {
				entry(&d, d.removed, "removed", kinds[k],
				      x->string);
			}
		}
		cJSON_ArrayForEach(x, kb)
		{
			const cJSON *y = member(&ma, x->string);
			if (!y) {
				entry(&d, d.added, "added", kinds[k],
				      x->string);
			} else {
				compare(&d, kinds[k], x->string, y, x);
			}
		}
		members_release(&ma);
		members_release(&mb);
		cJSON_Delete(ka);
		cJSON_Delete(kb);
	}
	if (d.ok) {
		scenarios(&d, a, b);
	}
	bool overflow = false;
	if (d.ok && !spend(&d, a, b, &overflow)) {
		d.ok = false;
	}
	if (overflow) {
		cJSON_Delete(root);
		sb_release(&d.text);
		return rm_overflow(err, "planned spend in a quarter");
	}
	*differs = cJSON_GetArraySize(d.added) ||
		   cJSON_GetArraySize(d.removed) ||
		   cJSON_GetArraySize(d.changed) || cJSON_GetArraySize(d.spend);
	enum roadmap_status st;
	if (!d.ok || d.text.failed) {
		cJSON_Delete(root);
		sb_release(&d.text);
		return rm_nomem(err);
	}
	if (form == ROADMAP_OUTPUT_JSON) {
		struct strbuf b2 = {0};
		st = rm_json_finish(&b2, root, out, NULL, err);
		sb_release(&d.text);
	} else {
		*out = d.text.data;
		st = ROADMAP_OK;
	}
	cJSON_Delete(root);
	return st;
}
