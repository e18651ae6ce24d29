/*
 * config.c - the roadmap's settings (roadmap(1), config), described once: the
 * table of policy numbers drives loading, canonical saving, the JSON exports,
 * `roadmap config` and the comparison import makes, so a new setting is
 * one line here.
 */
#include "internal.h"
#include "json.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POLICY_INT(f) offsetof(struct roadmap_policy, f), true
#define POLICY_NUM(f) offsetof(struct roadmap_policy, f), false

/* The policy's numbers, in the order `config` lists them. */
const struct rm_policy_number rm_policy_numbers[] = {
    {"max_open_per_owner", POLICY_INT(max_open_per_owner), 0, 1000000, 3, ""},
    {"mix_tolerance", POLICY_NUM(mix_tolerance), 0, 100, 5,
     " (percentage points)"},
    {"actuals_tolerance", POLICY_NUM(actuals_tolerance), 0, 1000000, 10,
     " (percent)"},
    {"goal_tolerance", POLICY_NUM(goal_tolerance), 0, 100, 10,
     " (progress points)"},
    {ROADMAP_FIELD_USEFUL_LIFE, POLICY_INT(useful_life), 1, RM_USEFUL_LIFE_MAX,
     36, " (months)"},
    {NULL, 0, false, 0, 0, 0, NULL},
};

#define TARGET_MIX ROADMAP_KEY_TARGET_MIX

double rm_policy_get(const struct roadmap_policy *p,
		     const struct rm_policy_number *s)
{
	const char *base = (const char *)p + s->offset;

	return s->integer ? *(const int *)(const void *)base
			  : *(const double *)(const void *)base;
}

static void policy_put(struct roadmap_policy *p,
		       const struct rm_policy_number *s, double v)
{
	char *base = (char *)p + s->offset;

	if (s->integer) {
		*(int *)(void *)base = (int)v;
	} else {
		*(double *)(void *)base = v;
	}
}

void rm_policy_defaults(struct roadmap_policy *p)
{
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		policy_put(p, s, s->def);
	}
}

const char *rm_policy_check(const struct rm_policy_number *s, double v,
			    char *buf, size_t size)
{
	char lo[ROADMAP_NUMBER_BUF], hi[ROADMAP_NUMBER_BUF];

	if ((s->integer && v != (double)(long long)v) || v < s->lo ||
	    v > s->hi) {
		snprintf(buf, size, "%s must be %s%s to %s%s", s->key,
			 s->integer ? "a whole number from " : "",
			 roadmap_number_format(s->lo, lo),
			 roadmap_number_format(s->hi, hi), s->unit);
		return buf;
	}
	return NULL;
}

cJSON *rm_policy_json(const struct roadmap_policy *p, bool defaults, bool *okp)
{
	bool ok = true, any = defaults || p->n_target_mix;
	cJSON *o;

	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		any = any || rm_policy_get(p, s) != s->def;
	}
	if (!any) {
		return NULL;
	}
	if (!(o = cJSON_CreateObject())) {
		*okp = false;
		return NULL;
	}
	/* canonical order: the first number, the target mix, the others */
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		double v = rm_policy_get(p, s);
		if (defaults || v != s->def) {
			rm_json_add(o, s->key, cJSON_CreateNumber(v), &ok);
		}
		if (s == rm_policy_numbers && (defaults || p->n_target_mix)) {
			cJSON *m = rm_json_add(o, TARGET_MIX,
					       cJSON_CreateObject(), &ok);
			for (size_t i = 0; m && i < p->n_target_mix; i++) {
				rm_json_add_copy(m, p->target_mix_pillar[i],
						 cJSON_CreateNumber(
						     p->target_mix_percent[i]),
						 &ok);
			}
		}
	}
	if (!ok) {
		cJSON_Delete(o);
		*okp = false;
		return NULL;
	}
	return o;
}

bool rm_policy_equal(const struct roadmap_policy *a,
		     const struct roadmap_policy *b)
{
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		if (rm_policy_get(a, s) != rm_policy_get(b, s)) {
			return false;
		}
	}
	if (a->n_target_mix != b->n_target_mix) {
		return false;
	}
	for (size_t i = 0; i < a->n_target_mix; i++) {
		if (strcmp(a->target_mix_pillar[i], b->target_mix_pillar[i]) ||
		    a->target_mix_percent[i] != b->target_mix_percent[i]) {
			return false;
		}
	}
	return true;
}

/*
 * The policy as one setting per key, named as `config` names them
 * ("policy.mix_tolerance", "policy.target_mix.PILLAR"), so that diff says
 * which number changed rather than printing the whole policy twice. A
 * pillar with a target only in the other roadmap's mix is null here.
 */
static void flat_policy(cJSON *o, const struct roadmap_policy *p,
			const struct roadmap_policy *other, bool *ok)
{
	cJSON *pol = rm_policy_json(p, true, ok);
	const cJSON *f, *m;
	char key[160];

	cJSON_ArrayForEach(f, pol)
	{
		if (!cJSON_IsObject(f)) {
			snprintf(key, sizeof(key), ROADMAP_KEY_POLICY ".%s",
				 f->string);
			rm_json_add_copy(o, key, cJSON_Duplicate(f, true), ok);
			continue;
		}
		cJSON_ArrayForEach(m, f)
		{
			snprintf(key, sizeof(key), ROADMAP_KEY_POLICY ".%s.%s",
				 f->string, m->string);
			rm_json_add_copy(o, key, cJSON_Duplicate(m, true), ok);
		}
		for (size_t i = 0; i < other->n_target_mix; i++) {
			const char *pillar = other->target_mix_pillar[i];
			if (!cJSON_GetObjectItemCaseSensitive(f, pillar)) {
				snprintf(key, sizeof(key),
					 ROADMAP_KEY_POLICY ".%s.%s", f->string,
					 pillar);
				rm_json_add_copy(o, key, cJSON_CreateNull(),
						 ok);
			}
		}
	}
	cJSON_Delete(pol);
}

cJSON *rm_settings_json(const struct roadmap *rm, const struct roadmap *other)
{
	bool ok_ = true, *ok = &ok_;
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, ROADMAP_KEY_NAME, rm_json_string_or_null(rm->name), ok);
	rm_json_add(o, ROADMAP_KEY_CURRENCY, cJSON_CreateString(rm->currency),
		    ok);
	rm_json_add(o, ROADMAP_KEY_FISCAL_YEAR_START,
		    cJSON_CreateNumber(rm->fiscal_start), ok);
	rm_json_add(o, ROADMAP_KEY_PILLARS,
		    rm_json_string_list(rm->pillars, rm->n_pillars), ok);
	flat_policy(o, &rm->policy, &other->policy, ok);
	if (!o || !*ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* ------------------------------------------------------------ config */

/* The fixed keys, in the order `config` lists them; "policy.target_mix.P"
 * follow, one per target. */
static const char *const fixed_keys[] = {
    ROADMAP_KEY_NAME,
    ROADMAP_KEY_CURRENCY,
    ROADMAP_KEY_FISCAL_YEAR_START,
    ROADMAP_KEY_PILLARS,
    "policy.max_open_per_owner",
    "policy.mix_tolerance",
    "policy.actuals_tolerance",
    "policy.goal_tolerance",
    "policy." ROADMAP_FIELD_USEFUL_LIFE,
    NULL,
};

const char *const *roadmap_config_keys(void)
{
	return fixed_keys;
}

#define MIX_PREFIX "policy." TARGET_MIX "."

static const struct rm_policy_number *policy_key(const char *key)
{
	if (strncmp(key, "policy.", 7) != 0) {
		return NULL;
	}
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		if (strcmp(key + 7, s->key) == 0) {
			return s;
		}
	}
	return NULL;
}

static long mix_index(const struct roadmap_policy *p, const char *pillar)
{
	for (size_t i = 0; i < p->n_target_mix; i++) {
		if (strcmp(p->target_mix_pillar[i], pillar) == 0) {
			return (long)i;
		}
	}
	return -1;
}

/* Appends pillar's target share; both parallel arrays grow by the one
 * growth rule, so the loader and `config` build them alike. */
enum roadmap_status rm_target_mix_push(struct roadmap_policy *p,
				       const char *pillar, double percent)
{
	void *pct = rm_mix_own(p);
	size_t n = p->n_target_mix;

	if (!rm_grow_pow2(&pct, n, sizeof(double))) {
		return ROADMAP_ERR_NOMEM;
	}
	p->target_mix_percent = pct;
	if (!rm_list_add(&p->target_mix_pillar, &n, pillar)) {
		return ROADMAP_ERR_NOMEM;
	}
	rm_mix_own(p)[p->n_target_mix++] = percent;
	return ROADMAP_OK;
}

static enum roadmap_status unknown_key(const char *key,
				       struct roadmap_error *err)
{
	char q[120];

	return rm_fail(err, ROADMAP_ERR_USAGE, "unknown key %s",
		       rm_quote(key, q, sizeof(q)));
}

enum roadmap_status roadmap_config_get(const struct roadmap *rm,
				       const char *key, char **value,
				       struct roadmap_error *err)
{
	const struct rm_policy_number *s = policy_key(key);
	char buf[ROADMAP_NUMBER_BUF];
	const char *v = NULL;
	char *list = NULL;

	*value = NULL;
	if (strcmp(key, ROADMAP_KEY_NAME) == 0) {
		v = rm->name;
	} else if (strcmp(key, ROADMAP_KEY_CURRENCY) == 0) {
		v = rm->currency;
	} else if (strcmp(key, ROADMAP_KEY_FISCAL_YEAR_START) == 0) {
		snprintf(buf, sizeof(buf), "%d", rm->fiscal_start);
		v = buf;
	} else if (strcmp(key, ROADMAP_KEY_PILLARS) == 0) {
		size_t n = 1;
		for (size_t i = 0; i < rm->n_pillars; i++) {
			n += strlen(rm->pillars[i]) + 1;
		}
		if (!(list = malloc(n))) {
			return rm_nomem(err);
		}
		list[0] = '\0';
		for (size_t i = 0; i < rm->n_pillars; i++) {
			strcat(list, i ? "," : "");
			strcat(list, rm->pillars[i]);
		}
		*value = list;
		return ROADMAP_OK;
	} else if (s) {
		v = roadmap_number_format(rm_policy_get(&rm->policy, s), buf);
	} else if (strncmp(key, MIX_PREFIX, strlen(MIX_PREFIX)) == 0 &&
		   roadmap_id_valid(key + strlen(MIX_PREFIX))) {
		long i = mix_index(&rm->policy, key + strlen(MIX_PREFIX));
		if (i >= 0) {
			v = roadmap_number_format(
			    rm->policy.target_mix_percent[i], buf);
		}
	} else {
		return unknown_key(key, err);
	}
	if (v && !(*value = rm_strdup(v))) {
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

/* A number as on load: the text rules of roadmap_number_parse, then the
 * setting's range. */
static enum roadmap_status parse_setting(const char *key, const char *value,
					 double lo, double hi, bool integer,
					 const char *unit, double *out,
					 struct roadmap_error *err)
{
	struct rm_policy_number s = {key, 0, integer, lo, hi, 0, unit};
	struct roadmap_error e;
	char why[200];

	if (roadmap_number_parse(value, out, &e)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s", key, e.message);
	}
	if (rm_policy_check(&s, *out, why, sizeof(why))) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s", why);
	}
	return ROADMAP_OK;
}

/* A pillar still used by an initiative, an envelope or a target, or NULL;
 * *who names the user. */
static const char *pillar_user(const struct roadmap *rm, char **keep,
			       size_t n_keep, char *who, size_t size)
{
	for (size_t i = 0; i < rm->n_pillars; i++) {
		const char *p = rm->pillars[i];
		bool kept = false;
		for (size_t k = 0; k < n_keep; k++) {
			kept = kept || strcmp(keep[k], p) == 0;
		}
		if (kept) {
			continue;
		}
		for (size_t k = 0; k < rm->n_inits; k++) {
			if (rm->inits[k].pillar &&
			    strcmp(rm->inits[k].pillar, p) == 0) {
				snprintf(who, size, "initiative \"%s\"",
					 rm->inits[k].id);
				return p;
			}
		}
		for (size_t k = 0; k < rm->n_budgets; k++) {
			if (rm->budgets[k].pillar &&
			    strcmp(rm->budgets[k].pillar, p) == 0) {
				char key[200];
				snprintf(who, size, "envelope %s",
					 rm_budget_key(&rm->budgets[k], key,
						       sizeof(key)));
				return p;
			}
		}
		if (mix_index(&rm->policy, p) >= 0) {
			snprintf(who, size, "%s%s", MIX_PREFIX, p);
			return p;
		}
	}
	return NULL;
}

static enum roadmap_status set_pillars(struct roadmap *rm, const char *value,
				       struct roadmap_error *err)
{
	struct roadmap *probe = roadmap_create();
	char who[300];
	const char *used;
	enum roadmap_status st;

	if (!probe) {
		return rm_nomem(err);
	}
	/* validated on a scratch roadmap first: nothing changes on failure */
	if ((st = roadmap_set_pillars(probe, value, err)) == ROADMAP_OK &&
	    (used = pillar_user(rm, probe->pillars, probe->n_pillars, who,
				sizeof(who)))) {
		st = rm_fail(err, ROADMAP_ERR_DATA,
			     "pillar \"%s\" is still used by %s", used, who);
	}
	roadmap_destroy(probe);
	return st ? st : roadmap_set_pillars(rm, value, err);
}

static enum roadmap_status unmappable(struct roadmap_error *err,
				      const char *what, const char *label,
				      int from, int to, bool year, int qi)
{
	char d1[16], d2[16];
	int a = year ? qi / 4 * 4 : qi;

	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s %s (%s to %s) is not a whole fiscal %s when the "
		       "fiscal year starts in month %d; nothing changed",
		       what, label,
		       roadmap_day_format(roadmap_quarter_first(a, from), d1),
		       roadmap_day_format(
			   roadmap_quarter_last(year ? a + 3 : a, from), d2),
		       year ? ROADMAP_WORD_YEAR : ROADMAP_WORD_QUARTER, to);
}

/*
 * A new fiscal year start: every envelope period and actual quarter is
 * moved to the same days in the new calendar, or nothing changes and the
 * first label that is not a whole period of it is named.
 */
static enum roadmap_status set_fiscal_start(struct roadmap *rm, int to,
					    struct roadmap_error *err)
{
	int from = rm->fiscal_start, q;
	char label[200];

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < rm->n_budgets; i++) {
			struct roadmap_budget *b = &rm->budgets[i];
			int qi = rm_budget_quarters(b, NULL);
			if (!rm_map_period(from, to, b->is_year, qi, &q)) {
				return unmappable(
				    err, "envelope",
				    rm_budget_key(b, label, sizeof(label)),
				    from, to, b->is_year, qi);
			}
			if (pass) {
				b->year = q / 4;
				b->quarter = b->is_year ? 0 : q % 4 + 1;
			}
		}
		for (size_t i = 0; i < rm->n_inits; i++) {
			struct roadmap_initiative *in = &rm->inits[i];
			for (size_t k = 0; k < in->n_actuals; k++) {
				int qi = in->actuals[k].qi;
				if (!rm_map_period(from, to, false, qi, &q)) {
					char what[120];
					snprintf(what, sizeof(what),
						 "the actual of \"%s\" for",
						 in->id);
					return unmappable(
					    err, what,
					    roadmap_quarter_label(qi, label),
					    from, to, false, qi);
				}
				if (pass) {
					in->actuals[k].qi = q;
				}
			}
		}
	}
	rm->fiscal_start = to;
	return rm_reindex_budgets(rm) ? ROADMAP_OK : rm_nomem(err);
}

enum roadmap_status roadmap_config_set(struct roadmap *rm, const char *key,
				       const char *value,
				       struct roadmap_error *err)
{
	const struct rm_policy_number *s = policy_key(key);
	enum roadmap_status st;
	double v;

	if (strcmp(key, ROADMAP_KEY_NAME) == 0) {
		return roadmap_set_name(rm, value, err);
	}
	if (strcmp(key, ROADMAP_KEY_CURRENCY) == 0) {
		return roadmap_set_currency(rm, value, err);
	}
	if (strcmp(key, ROADMAP_KEY_FISCAL_YEAR_START) == 0) {
		if ((st = parse_setting(key, value, 1, 12, true, " (a month)",
					&v, err))) {
			return st;
		}
		return set_fiscal_start(rm, (int)v, err);
	}
	if (strcmp(key, ROADMAP_KEY_PILLARS) == 0) {
		return set_pillars(rm, value, err);
	}
	if (s) {
		if ((st = parse_setting(s->key, value, s->lo, s->hi, s->integer,
					s->unit, &v, err))) {
			return st;
		}
		policy_put(&rm->policy, s, v);
		return ROADMAP_OK;
	}
	if (strncmp(key, MIX_PREFIX, strlen(MIX_PREFIX)) != 0 ||
	    !roadmap_id_valid(key + strlen(MIX_PREFIX))) {
		return unknown_key(key, err);
	}
	const char *pillar = key + strlen(MIX_PREFIX);
	if (!roadmap_has_pillar(rm, pillar)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "\"%s\" is not a pillar of this roadmap (see "
			       "'roadmap config pillars')",
			       pillar);
	}
	if ((st = parse_setting(TARGET_MIX, value, 0, 100, false, " (percent)",
				&v, err))) {
		return st;
	}
	struct roadmap_policy *p = &rm->policy;
	long i = mix_index(p, pillar);
	if (i >= 0) {
		rm_mix_own(p)[i] = v;
		return ROADMAP_OK;
	}
	return rm_target_mix_push(p, pillar, v) ? rm_nomem(err) : ROADMAP_OK;
}

enum roadmap_status roadmap_config_unset(struct roadmap *rm, const char *key,
					 struct roadmap_error *err)
{
	const struct rm_policy_number *s = policy_key(key);

	if (strcmp(key, ROADMAP_KEY_NAME) == 0) {
		return roadmap_set_name(rm, NULL, err);
	}
	if (strcmp(key, ROADMAP_KEY_CURRENCY) == 0) {
		return roadmap_set_currency(rm, "USD", err);
	}
	if (strcmp(key, ROADMAP_KEY_FISCAL_YEAR_START) == 0) {
		return set_fiscal_start(rm, 1, err);
	}
	if (strcmp(key, ROADMAP_KEY_PILLARS) == 0) {
		enum roadmap_status st =
		    set_pillars(rm, "strategy,team,operations,innovation", err);
		if (st == ROADMAP_OK) {
			rm->default_pillars = true;
		}
		return st;
	}
	if (s) {
		policy_put(&rm->policy, s, s->def);
		return ROADMAP_OK;
	}
	if (strncmp(key, MIX_PREFIX, strlen(MIX_PREFIX)) != 0 ||
	    !roadmap_id_valid(key + strlen(MIX_PREFIX))) {
		return unknown_key(key, err);
	}
	struct roadmap_policy *p = &rm->policy;
	long i = mix_index(p, key + strlen(MIX_PREFIX));
	if (i >= 0) {
		char **pillars = rm_list_own(p->target_mix_pillar);
		double *pct = rm_mix_own(p);
		free(pillars[i]);
		for (size_t k = (size_t)i; k + 1 < p->n_target_mix; k++) {
			pillars[k] = pillars[k + 1];
			pct[k] = pct[k + 1];
		}
		p->n_target_mix--;
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_config_text(const struct roadmap *rm,
					enum roadmap_output form, char **out,
					struct roadmap_error *err)
{
	struct strbuf b = {0};
	char *v;
	enum roadmap_status st;

	if (form == ROADMAP_OUTPUT_JSON) {
		bool ok = true;
		cJSON *o = cJSON_CreateObject();
		rm_json_add(o, ROADMAP_KEY_NAME,
			    rm->name ? cJSON_CreateString(rm->name)
				     : cJSON_CreateNull(),
			    &ok);
		rm_json_add(o, ROADMAP_KEY_CURRENCY,
			    cJSON_CreateString(rm->currency), &ok);
		rm_json_add(o, ROADMAP_KEY_FISCAL_YEAR_START,
			    cJSON_CreateNumber(rm->fiscal_start), &ok);
		rm_json_add(o, ROADMAP_KEY_PILLARS,
			    rm_json_string_list(rm->pillars, rm->n_pillars),
			    &ok);
		rm_json_add(o, ROADMAP_KEY_POLICY,
			    rm_policy_json(&rm->policy, true, &ok), &ok);
		if (!ok) {
			cJSON_Delete(o);
			o = NULL;
		}
		st = rm_json_finish(&b, o, out, NULL, err);
		cJSON_Delete(o);
		return st;
	}
	for (size_t k = 0; fixed_keys[k]; k++) {
		if ((st = roadmap_config_get(rm, fixed_keys[k], &v, err))) {
			sb_release(&b);
			return st;
		}
		sb_puts(&b, fixed_keys[k]);
		sb_puts(&b, "=");
		sb_puts(&b, v ? v : "");
		sb_puts(&b, "\n");
		free(v);
	}
	for (size_t i = 0; i < rm->policy.n_target_mix; i++) {
		char num[ROADMAP_NUMBER_BUF];
		sb_puts(&b, MIX_PREFIX);
		sb_puts(&b, rm->policy.target_mix_pillar[i]);
		sb_puts(&b, "=");
		sb_puts(&b, roadmap_number_format(
				rm->policy.target_mix_percent[i], num));
		sb_puts(&b, "\n");
	}
	sb_put(&b, "", 0);
	if (b.failed || !b.data) {
		sb_release(&b);
		return rm_nomem(err);
	}
	*out = b.data;
	return ROADMAP_OK;
}
