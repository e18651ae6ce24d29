/*
 * merge-settings.c - the three-way merge of the settings and the
 * scenarios (roadmap(1), merge), and the report of the conflicts; merge.c
 * merges the items.
 */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- settings */

#define MIX_PREFIX ROADMAP_KEY_POLICY "." ROADMAP_KEY_TARGET_MIX "."

/* The settings as `config` names them, plain (owned) values. */
static cJSON *settings_of(struct merge *m, const struct roadmap *rm)
{
	cJSON *s = rm_settings_json(rm, rm);
	cJSON *p = s ? sc_plain(s) : NULL;

	m->nomem |= !p;
	return p;
}

static cJSON *scenarios_of(struct merge *m, const struct roadmap *rm)
{
	bool ok = true;
	cJSON *s = rm_scenarios_json(rm, &ok);
	cJSON *p = ok && s ? sc_plain(s) : NULL;

	if (!ok) {
		cJSON_Delete(s);
	}
	m->nomem |= !p;
	return p;
}

/* The scenario named, in a list of them, or NULL. */
static const cJSON *scenario_named(const cJSON *list, const char *name)
{
	const cJSON *s;

	cJSON_ArrayForEach(s, list)
	{
		const cJSON *n = rm_merge_get(s, ROADMAP_KEY_NAME);
		if (cJSON_IsString(n) && strcmp(n->valuestring, name) == 0) {
			return s;
		}
	}
	return NULL;
}

static const char *name_of(const cJSON *s)
{
	const cJSON *n = rm_merge_get(s, ROADMAP_KEY_NAME);

	return cJSON_IsString(n) ? n->valuestring : "";
}

/* Scenarios by name, each one value: ours' order, then theirs' new. */
static cJSON *scenarios_merge(struct merge *m, const cJSON *b, const cJSON *o,
			      const cJSON *t)
{
	cJSON *r = cJSON_CreateArray();
	const cJSON *e;
	bool ok = r != NULL, clash;

	cJSON_ArrayForEach(e, o)
	{
		const char *n = name_of(e);
		const cJSON *v = rm_merge_pick(scenario_named(b, n), e,
					       scenario_named(t, n), &clash);
		if (clash) {
			rm_merge_conflict(m, SCENARIO_WORD, n, NULL,
					  scenario_named(b, n), e,
					  scenario_named(t, n), NULL, NULL);
		}
		if (v) {
			rm_json_push(r, cJSON_Duplicate(v, true), &ok);
		}
	}
	cJSON_ArrayForEach(e, t)
	{
		const char *n = name_of(e);
		if (scenario_named(o, n)) {
			continue;
		}
		const cJSON *v =
		    rm_merge_pick(scenario_named(b, n), NULL, e, &clash);
		if (clash) {
			rm_merge_conflict(m, SCENARIO_WORD, n, NULL,
					  scenario_named(b, n), NULL, e, NULL,
					  NULL);
		}
		if (v) {
			rm_json_push(r, cJSON_Duplicate(v, true), &ok);
		}
	}
	m->nomem |= !ok;
	return r;
}

/* One merged setting into the document head the loader reads. */
static void head_put(cJSON *head, cJSON *policy, cJSON *mix, const char *key,
		     const cJSON *v, bool *ok)
{
	if (!v || cJSON_IsNull(v)) {
		return;
	}
	if (strncmp(key, MIX_PREFIX, sizeof(MIX_PREFIX) - 1) == 0) {
		rm_merge_put(mix, key + sizeof(MIX_PREFIX) - 1, v, ok);
	} else if (strncmp(key, ROADMAP_KEY_POLICY ".",
			   sizeof(ROADMAP_KEY_POLICY)) == 0) {
		rm_merge_put(policy, key + sizeof(ROADMAP_KEY_POLICY), v, ok);
	} else {
		rm_merge_put(head, key, v, ok);
	}
}

/* A merged setting: pillars as a set (never empty: ours kept then, a
 * conflict), the others whole. */
static void setting_merge(struct merge *m, cJSON *head, cJSON *policy,
			  cJSON *mix, const char *key, const cJSON *b,
			  const cJSON *o, const cJSON *t, bool *ok)
{
	bool clash, empty = false;
	const cJSON *v = rm_merge_pick(b, o, t, &clash);

	if (clash && strcmp(key, ROADMAP_KEY_PILLARS) == 0) {
		cJSON *set = rm_merge_set(b, o, t, &empty);
		if (set) {
			head_put(head, policy, mix, key, set, ok);
			cJSON_Delete(set);
			return;
		}
		m->nomem |= !empty;
	}
	if (clash) {
		rm_merge_conflict(m, ROADMAP_WORD_SETTING, key, NULL, b, o, t,
				  NULL,
				  empty ? "no pillar would be left" : NULL);
	}
	head_put(head, policy, mix, key, v, ok);
}

/* Puts the merged settings and scenarios into ours: they are read by the
 * loader as a document of their own, then take ours' place. */
enum roadmap_status rm_merge_settings(struct merge *m,
				      struct roadmap_error *err)
{
	cJSON *sb = settings_of(m, m->b), *so = settings_of(m, m->o),
	      *st_ = settings_of(m, m->t), *cb = scenarios_of(m, m->b),
	      *co = scenarios_of(m, m->o), *ct = scenarios_of(m, m->t);
	cJSON *head = cJSON_CreateObject(), *policy = cJSON_CreateObject(),
	      *mix = cJSON_CreateObject(), *scen = NULL;
	bool ok = head && policy && mix && !m->nomem;
	const cJSON *e;
	enum roadmap_status st = ROADMAP_OK;

	rm_json_add(head, ROADMAP_KEY_FORMAT, cJSON_CreateNumber(1), &ok);
	const cJSON *mine = ok ? so : NULL, *other = ok ? st_ : NULL;

	cJSON_ArrayForEach(e, mine)
	{
		setting_merge(m, head, policy, mix, e->string,
			      rm_merge_get(sb, e->string), e,
			      rm_merge_get(st_, e->string), &ok);
	}
	cJSON_ArrayForEach(e, other)
	{
		if (!rm_merge_get(so, e->string)) {
			setting_merge(m, head, policy, mix, e->string,
				      rm_merge_get(sb, e->string), NULL, e,
				      &ok);
		}
	}
	if (ok && !m->nomem) {
		scen = scenarios_merge(m, cb, co, ct);
	}
	if (ok && mix->child) {
		rm_json_add(policy, ROADMAP_KEY_TARGET_MIX, mix, &ok);
		mix = NULL;
	}
	if (ok && policy->child) {
		rm_json_add(head, ROADMAP_KEY_POLICY, policy, &ok);
		policy = NULL;
	}
	if (ok && scen && scen->child) {
		rm_json_add(head, ROADMAP_KEY_SCENARIOS, scen, &ok);
		scen = NULL;
	}
	struct roadmap *x = NULL;
	if (!ok || m->nomem) {
		st = rm_nomem(err);
	} else if (!(st = rm_load_tree("merge", head, NULL, &x, err))) {
		/* x's settings and scenarios take ours' place; ours' go
		 * with x */
		struct roadmap *o = m->o;
		char *name = o->name;
		char cur[sizeof(o->currency)];
		o->name = x->name;
		x->name = name;
		memcpy(cur, o->currency, sizeof(cur));
		memcpy(o->currency, x->currency, sizeof(cur));
		memcpy(x->currency, cur, sizeof(cur));
		bool pillars_same = o->n_pillars == x->n_pillars;
		for (size_t i = 0; pillars_same && i < o->n_pillars; i++) {
			pillars_same =
			    strcmp(o->pillars[i], x->pillars[i]) == 0;
		}
		if (!pillars_same) {
			char **p = o->pillars;
			size_t n = o->n_pillars;
			o->pillars = x->pillars;
			o->n_pillars = x->n_pillars;
			x->pillars = p;
			x->n_pillars = n;
			o->default_pillars = false;
		}
		struct roadmap_policy pol = o->policy;
		o->policy = x->policy;
		x->policy = pol;
		struct rm_scenario *s = o->scenarios;
		size_t n = o->n_scenarios;
		o->scenarios = x->scenarios;
		o->n_scenarios = x->n_scenarios;
		x->scenarios = s;
		x->n_scenarios = n;
		roadmap_destroy(x);
	}
	cJSON_Delete(head);
	cJSON_Delete(policy);
	cJSON_Delete(mix);
	cJSON_Delete(scen);
	cJSON_Delete(sb);
	cJSON_Delete(so);
	cJSON_Delete(st_);
	cJSON_Delete(cb);
	cJSON_Delete(co);
	cJSON_Delete(ct);
	return st;
}

/* ---------------------------------------------------------- report */

static cJSON *parsed(const char *text)
{
	return cJSON_Parse(text);
}

static void report_line(struct strbuf *b,
			const struct roadmap_merge_conflict *c)
{
	char q[160];

	sb_puts(b, c->kind);
	sb_puts(b, " ");
	sb_puts(b, rm_quote(c->id, q, sizeof(q)));
	sb_puts(b, ": ");
	if (c->field) {
		sb_puts(b, c->field);
		sb_puts(b, ": ");
	}
	if (c->why) {
		sb_puts(b, c->why);
		sb_puts(b, "; ours kept\n");
		return;
	}
	sb_puts(b, "base ");
	sb_puts(b, c->base);
	sb_puts(b, ", ours ");
	sb_puts(b, c->removed && strcmp(c->removed, OURS) == 0 ? "removed it"
							       : c->ours);
	sb_puts(b, ", theirs ");
	sb_puts(b, c->removed && strcmp(c->removed, THEIRS) == 0 ? "removed it"
								 : c->theirs);
	sb_puts(b, "\n");
}

enum roadmap_status
roadmap_merge_report(const struct roadmap_merge_conflicts *c,
		     enum roadmap_output form, char **out,
		     struct roadmap_error *err)
{
	struct strbuf b = {0};

	*out = NULL;
	if (form != ROADMAP_OUTPUT_JSON) {
		sb_puts(&b, "");
		for (size_t i = 0; i < c->n; i++) {
			report_line(&b, &c->items[i]);
		}
		sb_put(&b, "", 1);
		if (b.failed || !b.data) {
			sb_release(&b);
			return rm_nomem(err);
		}
		*out = b.data;
		return ROADMAP_OK;
	}
	bool ok = true;
	cJSON *root = cJSON_CreateObject();
	cJSON *list = rm_json_add(root, "conflicts", cJSON_CreateArray(), &ok);
	for (size_t i = 0; ok && i < c->n; i++) {
		const struct roadmap_merge_conflict *x = &c->items[i];
		cJSON *o = cJSON_CreateObject();
		rm_json_push(list, o, &ok);
		rm_json_add(o, ROADMAP_KEY_KIND, rm_json_ref(x->kind), &ok);
		rm_json_add(o, ROADMAP_FIELD_ID, rm_json_ref(x->id), &ok);
		rm_json_add(
		    o, ROADMAP_KEY_FIELD,
		    x->field ? rm_json_ref(x->field) : cJSON_CreateNull(), &ok);
		rm_json_add(o, ROADMAP_KEY_BASE, parsed(x->base), &ok);
		rm_json_add(o, OURS, parsed(x->ours), &ok);
		rm_json_add(o, THEIRS, parsed(x->theirs), &ok);
		if (x->removed) {
			rm_json_add(o, "removed", rm_json_ref(x->removed), &ok);
		}
		if (x->why) {
			rm_json_add(o, "why", rm_json_ref(x->why), &ok);
		}
	}
	rm_json_add(root, "merged", cJSON_CreateBool(c->n == 0), &ok);
	if (!ok) {
		cJSON_Delete(root);
		return rm_nomem(err);
	}
	enum roadmap_status st = rm_json_finish(&b, root, out, NULL, err);
	cJSON_Delete(root);
	return st;
}
