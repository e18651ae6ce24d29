/*
 * diff.c - what changed between two roadmaps (SPEC 11). Items are compared
 * as the JSON objects of `list --format json`, defaults filled in, so a
 * field written out in one file and left to its default in the other is
 * no change.
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
	rm_json_add(o, "id", id ? cJSON_CreateString(id) : cJSON_CreateNull(),
		    &d->ok);
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

/* Field by field, in the order of the new object. */
static void compare(struct dstate *d, const char *kind, const char *id,
		    const cJSON *a, const cJSON *b)
{
	char q[160];
	const cJSON *f;

	cJSON_ArrayForEach(f, b)
	{
		const cJSON *old = cJSON_GetObjectItemCaseSensitive(a, f->string);
		if (old && cJSON_Compare(old, f, true)) {
			continue;
		}
		cJSON *o = cJSON_CreateObject();
		rm_json_add(o, "kind", cJSON_CreateString(kind), &d->ok);
		rm_json_add(o, "id",
			    id ? cJSON_CreateString(id) : cJSON_CreateNull(),
			    &d->ok);
		rm_json_add(o, "field", cJSON_CreateString(f->string), &d->ok);
		rm_json_add(o, "old",
			    old ? cJSON_Duplicate(old, true) : cJSON_CreateNull(),
			    &d->ok);
		rm_json_add(o, "new", cJSON_Duplicate(f, true), &d->ok);
		rm_json_push(d->changed, o, &d->ok);
		sb_puts(&d->text, "changed ");
		sb_puts(&d->text, kind);
		if (id) {
			sb_puts(&d->text, " ");
			sb_puts(&d->text, rm_quote(id, q, sizeof(q)));
		}
		sb_puts(&d->text, ": ");
		sb_puts(&d->text, f->string);
		sb_puts(&d->text, " ");
		if (old) {
			text_value(&d->text, old);
		} else {
			sb_puts(&d->text, "null");
		}
		sb_puts(&d->text, " -> ");
		text_value(&d->text, f);
		sb_puts(&d->text, "\n");
	}
}

static cJSON *settings(const struct roadmap *rm, bool *ok)
{
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "name", rm_json_string_or_null(rm->name), ok);
	rm_json_add(o, "currency", cJSON_CreateString(rm->currency), ok);
	rm_json_add(o, "fiscal_year_start",
		    cJSON_CreateNumber(rm->fiscal_start), ok);
	rm_json_add(o, "pillars", rm_json_string_list(rm->pillars, rm->n_pillars),
		    ok);
	rm_json_add(o, "policy", rm_policy_object(rm, ok), ok);
	return o;
}

/* The items of one kind as an object keyed by id (budgets by label). */
static cJSON *keyed(const struct roadmap *rm, int kind, bool *ok)
{
	cJSON *o = cJSON_CreateObject();
	size_t n = kind == 0 ? rm->n_teams
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

static bool quarter_totals(const struct roadmap *rm, struct idmap *labels,
			   char ***keys, size_t *nkeys, int64_t **vals,
			   size_t *cap, int side)
{
	struct roadmap_spend sp;
	char label[12];

	if (roadmap_spend_build(rm, &sp, NULL)) {
		return false;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		for (int k = 0; k < sp.n[i]; k++) {
			size_t o = sp.off[i] + (size_t)k, idx;
			roadmap_quarter_label(sp.q0[i] + k, label);
			if (!idmap_get(labels, label, &idx)) {
				if (*nkeys == *cap) {
					*cap = *cap ? *cap * 2 : 32;
					int64_t *v = realloc(*vals, *cap * 2 *
								    sizeof(int64_t));
					if (!v) {
						roadmap_spend_release(&sp);
						return false;
					}
					*vals = v;
				}
				idx = *nkeys;
				if (!rm_list_push(keys, nkeys, label) ||
				    !idmap_put(labels, (*keys)[idx], idx)) {
					roadmap_spend_release(&sp);
					return false;
				}
				(*vals)[idx * 2] = (*vals)[idx * 2 + 1] = 0;
			}
			(*vals)[idx * 2 + side] += sp.opex[o] + sp.capex[o];
		}
	}
	roadmap_spend_release(&sp);
	return true;
}

static void spend(struct dstate *d, const struct roadmap *a,
		  const struct roadmap *b)
{
	struct idmap labels = {0};
	char **keys = NULL;
	size_t n = 0, cap = 0;
	int64_t *vals = NULL;
	char m1[32], m2[32], m3[32];

	if (!quarter_totals(a, &labels, &keys, &n, &vals, &cap, 0) ||
	    !quarter_totals(b, &labels, &keys, &n, &vals, &cap, 1)) {
		d->ok = false;
		goto out;
	}
	/* in period order: labels sort as text */
	size_t *order = malloc((n + 1) * sizeof(size_t));
	if (!order) {
		d->ok = false;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		order[i] = i;
	}
	for (size_t i = 1; i < n; i++) {
		for (size_t j = i; j > 0 &&
				   strcmp(keys[order[j - 1]], keys[order[j]]) > 0;
		     j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	}
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		int64_t o = vals[i * 2], nw = vals[i * 2 + 1];
		if (o == nw) {
			continue;
		}
		cJSON *row = cJSON_CreateObject();
		rm_json_add(row, "period", cJSON_CreateString(keys[i]), &d->ok);
		rm_json_add(row, "old", rm_json_money(o), &d->ok);
		rm_json_add(row, "new", rm_json_money(nw), &d->ok);
		rm_json_add(row, "delta", rm_json_money(nw - o), &d->ok);
		rm_json_push(d->spend, row, &d->ok);
		char line[160];
		snprintf(line, sizeof(line), "spend %s: %s -> %s (%s%s)\n",
			 keys[i], roadmap_money_format(o, true, m1),
			 roadmap_money_format(nw, true, m2),
			 nw > o ? "+" : "",
			 roadmap_money_format(nw - o, true, m3));
		sb_puts(&d->text, line);
	}
	free(order);
out:
	idmap_release(&labels);
	rm_list_free(keys, n);
	free(vals);
}

enum roadmap_status roadmap_diff(const struct roadmap *a,
				 const struct roadmap *b, bool json,
				 char **out, bool *differs,
				 struct roadmap_error *err)
{
	static const char *const kinds[] = {"team", "goal", "initiative",
					    "budget"};
	struct dstate d = {0};
	cJSON *root = cJSON_CreateObject();

	d.ok = root != NULL;
	d.added = rm_json_add(root, "added", cJSON_CreateArray(), &d.ok);
	d.removed = rm_json_add(root, "removed", cJSON_CreateArray(), &d.ok);
	d.changed = rm_json_add(root, "changed", cJSON_CreateArray(), &d.ok);
	d.spend = rm_json_add(root, "spend", cJSON_CreateArray(), &d.ok);
	sb_put(&d.text, "", 0);
	if (d.ok) {
		cJSON *sa = settings(a, &d.ok), *sb = settings(b, &d.ok);
		if (d.ok) {
			compare(&d, "roadmap", NULL, sa, sb);
		}
		cJSON_Delete(sa);
		cJSON_Delete(sb);
	}
	for (int k = 0; k < 4 && d.ok; k++) {
		cJSON *ka = keyed(a, k, &d.ok), *kb = keyed(b, k, &d.ok);
		const cJSON *x;
		cJSON_ArrayForEach(x, ka)
		{
			if (!cJSON_GetObjectItemCaseSensitive(kb, x->string)) {
				entry(&d, d.removed, "removed", kinds[k],
				      x->string);
			}
		}
		cJSON_ArrayForEach(x, kb)
		{
			const cJSON *y =
				cJSON_GetObjectItemCaseSensitive(ka, x->string);
			if (!y) {
				entry(&d, d.added, "added", kinds[k], x->string);
			} else {
				compare(&d, kinds[k], x->string, y, x);
			}
		}
		cJSON_Delete(ka);
		cJSON_Delete(kb);
	}
	if (d.ok) {
		spend(&d, a, b);
	}
	*differs = cJSON_GetArraySize(d.added) || cJSON_GetArraySize(d.removed) ||
		   cJSON_GetArraySize(d.changed) || cJSON_GetArraySize(d.spend);
	enum roadmap_status st;
	if (!d.ok || d.text.failed) {
		cJSON_Delete(root);
		sb_release(&d.text);
		return rm_nomem(err);
	}
	if (json) {
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
