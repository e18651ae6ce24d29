/*
 * store.c - the roadmap file: strict loading (SPEC 4); save.c writes it.
 *
 * Loading is two passes: rm_json_prescan() rejects bad text with a line and
 * column, then the cJSON tree is checked against the schema with a JSON path
 * in every message. References to missing items are not load errors: they
 * are findings of `check`, so a broken file can still be repaired.
 */
#include "json.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct load {
	const char *name;
	struct roadmap_error *err;
	struct roadmap *rm;
	char where[200];
	/* the item being read; its "where" is only formatted on an error */
	const char *list;
	size_t index;
	const char *id;
	/* the members of the object check_keys() saw last, by key index */
	const cJSON *slot_obj;
	const char *const *slot_keys;
	const cJSON *slot[24];
	/* when set, a bad item is handed here and skipped, so that every
	 * bad item is reported (import); bad_items counts them */
	void (*on_bad)(void *ctx, const struct roadmap_error *e);
	void *ctx;
	size_t bad_items;
};

/* A bad item: the load stops, or (collecting) the item is skipped. */
static bool stop_at(struct load *L, enum roadmap_status st)
{
	if (st != ROADMAP_ERR_DATA || !L->on_bad || !L->err) {
		return true;
	}
	L->on_bad(L->ctx, L->err);
	L->bad_items++;
	return false;
}

__attribute__((format(printf, 2, 3))) static enum roadmap_status
bad(struct load *L, const char *fmt, ...)
{
	va_list ap;

	if (L->err) {
		char q[120];
		L->err->status = ROADMAP_ERR_DATA;
		snprintf(L->err->file, sizeof(L->err->file), "%s", L->name);
		if (L->list && L->id) {
			snprintf(L->err->where, sizeof(L->err->where),
				 "%s[%zu] %s", L->list, L->index,
				 rm_quote(L->id, q, sizeof(q)));
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

static void set_where(struct load *L, const char *list, size_t i,
		      const char *id)
{
	L->list = list;
	L->index = i;
	L->id = id;
	L->where[0] = '\0';
}

/* Unknown and duplicate keys; keys are compared case-sensitively. */
static enum roadmap_status check_keys(struct load *L, const cJSON *obj,
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
			nomem ? rm_nomem(L->err)
			: dup < n ? bad(L, "duplicate key %s",
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
			return bad(L, "unknown field %s",
				   rm_quote(c->string, q, sizeof(q)));
		}
		if (seen & (UINT64_C(1) << k)) {
			return bad(L, "duplicate key %s",
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
 * A member of obj. check_keys() has just filed obj's members by their
 * position in its list of allowed keys, so this is a short scan of that
 * list instead of a walk over the members.
 */
static const cJSON *get(struct load *L, const cJSON *obj, const char *key)
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

static enum roadmap_status get_text(struct load *L, const cJSON *obj,
				    const char *key, bool required,
				    const char **out)
{
	const cJSON *v = get(L, obj, key);
	const char *why;

	*out = NULL;
	if (!v) {
		return required ? bad(L, "missing required field \"%s\"", key)
				: ROADMAP_OK;
	}
	if (!cJSON_IsString(v)) {
		return bad(L, "%s must be a string", key);
	}
	if ((why = rm_text_problem(v->valuestring, strlen(v->valuestring)))) {
		return bad(L, "%s %s", key, why);
	}
	if (required && !v->valuestring[0]) {
		return bad(L, "%s cannot be empty", key);
	}
	if (!(*out = rm_strdup(v->valuestring))) {
		return rm_nomem(L->err);
	}
	return ROADMAP_OK;
}

static enum roadmap_status get_id(struct load *L, const cJSON *obj,
				  const char *key, bool required, const char **out)
{
	char q[120];
	const cJSON *v = get(L, obj, key);

	*out = NULL;
	if (!v) {
		return required ? bad(L, "missing required field \"%s\"", key)
				: ROADMAP_OK;
	}
	if (!cJSON_IsString(v)) {
		return bad(L, "%s must be a string", key);
	}
	if (!roadmap_id_valid(v->valuestring)) {
		return bad(L, "%s %s is not a valid id", key,
			   rm_quote(v->valuestring, q, sizeof(q)));
	}
	if (!(*out = rm_strdup(v->valuestring))) {
		return rm_nomem(L->err);
	}
	return ROADMAP_OK;
}

static enum roadmap_status number(struct load *L, const cJSON *v,
				  const char *key, double *out)
{
	if (!cJSON_IsNumber(v)) {
		return bad(L, "%s must be a number", key);
	}
	if (!isfinite(v->valuedouble)) {
		return bad(L, "%s is out of range", key);
	}
	*out = v->valuedouble;
	return ROADMAP_OK;
}

static enum roadmap_status get_int(struct load *L, const cJSON *obj,
				   const char *key, int lo, int hi, int *out)
{
	const cJSON *v = get(L, obj, key);
	double d = 0;
	enum roadmap_status st;

	if (!v) {
		return ROADMAP_OK;
	}
	if ((st = number(L, v, key, &d))) {
		return st;
	}
	if (d != floor(d) || d < lo || d > hi || signbit(d)) {
		return bad(L, "%s must be a whole number from %d to %d", key,
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
static enum roadmap_status fixed2(struct load *L, const cJSON *v,
				  const char *key, int64_t max, int64_t *out)
{
	double d = 0;
	enum roadmap_status st = number(L, v, key, &d);
	char buf[32];

	if (st) {
		return st;
	}
	if (signbit(d)) {
		return bad(L, "%s must not be negative", key);
	}
	if (d > (double)max / 100.0) {
		return bad(L, "%s is more than %s", key,
			   max == ROADMAP_MONEY_MAX
				   ? roadmap_money_format(max, true, buf)
				   : rm_hundredths_format(max, buf));
	}
	int64_t h = llround(d * 100.0);
	if ((double)h / 100.0 != d) {
		return bad(L, "%s has more than two decimals", key);
	}
	*out = h;
	return ROADMAP_OK;
}

static enum roadmap_status get_fixed2(struct load *L, const cJSON *obj,
				      const char *key, bool required,
				      int64_t max, bool *has, int64_t *out)
{
	const cJSON *v = get(L, obj, key);

	if (has) {
		*has = v != NULL;
	}
	if (!v) {
		return required ? bad(L, "missing required field \"%s\"", key)
				: ROADMAP_OK;
	}
	return fixed2(L, v, key, max, out);
}

static enum roadmap_status get_day(struct load *L, const cJSON *obj,
				   const char *key, bool required, bool as_end,
				   bool *has, roadmap_day *out)
{
	const cJSON *v = get(L, obj, key);
	struct roadmap_period p;
	struct roadmap_error e;

	if (has) {
		*has = v != NULL;
	}
	if (!v) {
		return required ? bad(L, "missing required field \"%s\"", key)
				: ROADMAP_OK;
	}
	if (!cJSON_IsString(v)) {
		return bad(L, "%s must be a date string", key);
	}
	if (roadmap_period_parse(v->valuestring, L->rm->fiscal_start, &p,
				 &e)) {
		return bad(L, "%s %s", key, e.message);
	}
	*out = as_end ? p.last : p.first;
	return ROADMAP_OK;
}

static enum roadmap_status get_id_list(struct load *L, const cJSON *obj,
				       const char *key, char ***out, size_t *n)
{
	char q[120];
	const cJSON *v = get(L, obj, key), *c;

	if (!v) {
		return ROADMAP_OK;
	}
	if (!cJSON_IsArray(v)) {
		return bad(L, "%s must be an array of ids", key);
	}
	/* sized once, to the power of two rm_list_push() expects */
	size_t want = 1, count = (size_t)cJSON_GetArraySize(v);
	while (want < count) {
		want *= 2;
	}
	if (count && !*out && !(*out = malloc(want * sizeof(char *)))) {
		return rm_nomem(L->err);
	}
	cJSON_ArrayForEach(c, v)
	{
		if (!cJSON_IsString(c)) {
			return bad(L, "%s must be an array of ids", key);
		}
		if (!roadmap_id_valid(c->valuestring)) {
			return bad(L, "%s: %s is not a valid id", key,
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
		return bad(L, "%s lists %s twice", key,
			   rm_quote((*out)[dup], q, sizeof(q)));
	}
	return ROADMAP_OK;
}

static const cJSON *get_array(struct load *L, const cJSON *root,
			      const char *key, enum roadmap_status *st)
{
	const cJSON *v = get(L, root, key);

	*st = ROADMAP_OK;
	if (v && !cJSON_IsArray(v)) {
		set_where(L, NULL, 0, NULL);
		*st = bad(L, "%s must be an array", key);
		return NULL;
	}
	return v;
}

/* A duplicate id (goals and initiatives share a namespace). */
static enum roadmap_status dup_id(struct load *L, const char *id)
{
	char q[120];
	size_t i;

	if (rm_item_kind(L->rm, id, &i) != ITEM_NONE) {
		return bad(L, "duplicate id %s", rm_quote(id, q, sizeof(q)));
	}
	return ROADMAP_OK;
}

static const char *peek_id(const cJSON *obj)
{
	const cJSON *v = cJSON_IsObject(obj)
			       ? cJSON_GetObjectItemCaseSensitive(obj, "id")
			       : NULL;

	return cJSON_IsString(v) && roadmap_id_valid(v->valuestring)
		       ? v->valuestring
		       : NULL;
}

static enum roadmap_status load_policy(struct load *L, const cJSON *v)
{
	const char *keys[16];
	struct roadmap_policy *p = &L->rm->policy;
	enum roadmap_status st;
	const cJSON *c;
	char q[120];
	size_t n = 0;

	set_where(L, NULL, 0, NULL);
	snprintf(L->where, sizeof(L->where), "policy");
	if (!cJSON_IsObject(v)) {
		return bad(L, "must be an object");
	}
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		keys[n++] = s->key;
	}
	keys[n++] = "target_mix";
	keys[n] = NULL;
	if ((st = check_keys(L, v, keys))) {
		return st;
	}
	for (const struct rm_policy_number *s = rm_policy_numbers; s->key;
	     s++) {
		double d = 0;
		if (!(c = get(L, v, s->key))) {
			continue;
		}
		if ((st = number(L, c, s->key, &d))) {
			return st;
		}
		if (rm_policy_check(s, d, q, sizeof(q))) {
			return bad(L, "%s", q);
		}
		if (s->integer) {
			*(int *)(void *)((char *)p + s->offset) = (int)d;
		} else {
			*(double *)(void *)((char *)p + s->offset) = d;
		}
	}
	if (!(c = get(L, v, "target_mix"))) {
		return ROADMAP_OK;
	}
	snprintf(L->where, sizeof(L->where), "policy.target_mix");
	if (!cJSON_IsObject(c)) {
		return bad(L, "must be an object of pillar percentages");
	}
	if ((st = check_keys(L, c, NULL))) {
		return st;
	}
	n = (size_t)cJSON_GetArraySize(c);
	p->target_mix_pillar = calloc(n ? n : 1, sizeof(char *));
	p->target_mix_percent = calloc(n ? n : 1, sizeof(double));
	if (!p->target_mix_pillar || !p->target_mix_percent) {
		return rm_nomem(L->err);
	}
	const cJSON *m;
	cJSON_ArrayForEach(m, c)
	{
		double d = 0;
		if (!roadmap_id_valid(m->string)) {
			return bad(L, "%s is not a valid pillar name",
				   rm_quote(m->string, q, sizeof(q)));
		}
		if ((st = number(L, m, m->string, &d))) {
			return st;
		}
		if (d < 0 || d > 100 || signbit(d)) {
			return bad(L, "%s must be a percentage from 0 to 100",
				   m->string);
		}
		size_t k = p->n_target_mix;
		if (!(p->target_mix_pillar[k] = rm_strdup(m->string))) {
			return rm_nomem(L->err);
		}
		p->target_mix_percent[k] = d;
		p->n_target_mix++;
	}
	return ROADMAP_OK;
}

static enum roadmap_status load_actuals(struct load *L, const cJSON *v,
					struct roadmap_initiative *in);
static enum roadmap_status load_period(struct load *L, const cJSON *c,
				       struct roadmap_budget *b);

/* One enumerated field (stage, status): its name, or bad data. */
static enum roadmap_status load_choice(struct load *L, const cJSON *c,
				       const struct rm_field *f, int *out)
{
	const cJSON *v = get(L, c, f->name);
	char q[120];
	int k;

	if (!v) {
		return ROADMAP_OK;
	}
	k = !cJSON_IsString(v) ? -1
	    : f->type == RM_F_STAGE
		    ? roadmap_stage_parse(v->valuestring)
		    : roadmap_initiative_status_parse(v->valuestring);
	if (k < 0) {
		return bad(L, "%s %s is not %s", f->name,
			   cJSON_IsString(v)
				   ? rm_quote(v->valuestring, q, sizeof(q))
				   : "(not a string)",
			   f->type == RM_F_STAGE
				   ? "research, poc or implementation"
				   : "proposed, approved, active, done or "
				     "cancelled");
	}
	*out = k;
	return ROADMAP_OK;
}

/*
 * Reads every field of an item from object c as its kind's table
 * describes it (keys checked first). shared_ids: goals and initiatives
 * share one namespace of ids, checked as soon as the id is read.
 */
static enum roadmap_status load_fields(struct load *L, const cJSON *c,
				       const struct rm_field *fields,
				       void *item, bool shared_ids)
{
	const char *keys[32];
	char *base = item;
	enum roadmap_status st;

	if (!cJSON_IsObject(c)) {
		return bad(L, "must be an object");
	}
	rm_field_names(fields, keys, 32);
	if ((st = check_keys(L, c, keys))) {
		return st;
	}
	for (const struct rm_field *f = fields; f->name; f++) {
		void *at = base + f->off;
		bool *has = RM_FIELD_HAS_FLAG(f) ? (bool *)(base + f->flag)
						 : NULL;
		const cJSON *v;
		switch (f->type) {
		case RM_F_ID:
			st = get_id(L, c, f->name, f->required, at);
			if (!st && shared_ids && f == fields) {
				st = dup_id(L, *(const char **)at);
			}
			break;
		case RM_F_TEXT:
			st = get_text(L, c, f->name, f->required, at);
			break;
		case RM_F_NUMBER:
			v = get(L, c, f->name);
			st = v ? number(L, v, f->name, at) : ROADMAP_OK;
			*has = v != NULL;
			break;
		case RM_F_DATE:
			st = get_day(L, c, f->name, f->required, f->end, has,
				     at);
			break;
		case RM_F_MONEY:
		case RM_F_FTE:
			st = get_fixed2(L, c, f->name, f->required,
					f->type == RM_F_MONEY ? ROADMAP_MONEY_MAX
							      : RM_FTE_MAX,
					has, at);
			break;
		case RM_F_PRIORITY:
			st = get_int(L, c, f->name, 1, 5, at);
			break;
		case RM_F_IDS:
			st = get_id_list(L, c, f->name, at,
					 (size_t *)(base + f->flag));
			break;
		case RM_F_STAGE:
		case RM_F_STATUS:
			st = load_choice(L, c, f, at);
			break;
		case RM_F_ACTUALS:
			v = get(L, c, f->name);
			st = v ? load_actuals(L, v, item) : ROADMAP_OK;
			break;
		case RM_F_PERIOD:
			st = load_period(L, c, item);
			break;
		}
		if (st) {
			return st;
		}
	}
	return ROADMAP_OK;
}

static enum roadmap_status load_teams(struct load *L, const cJSON *arr)
{
	const cJSON *c;
	size_t i = 0;
	char q[120];

	cJSON_ArrayForEach(c, arr)
	{
		struct roadmap_team t = {0};
		enum roadmap_status st;
		set_where(L, "teams", i++, peek_id(c));
		if ((st = load_fields(L, c, rm_team_fields, &t, false))) {
			free((char *)t.id);
			return st;
		}
		if (roadmap_find_team(L->rm, t.id)) {
			st = bad(L, "duplicate team id %s",
				 rm_quote(t.id, q, sizeof(q)));
			free((char *)t.id);
			return st;
		}
		if (!rm_push_team(L->rm, &t)) {
			free((char *)t.id);
			return rm_nomem(L->err);
		}
	}
	return ROADMAP_OK;
}

static enum roadmap_status load_goal(struct load *L, const cJSON *c,
				     struct roadmap_goal *g)
{
	return load_fields(L, c, rm_goal_fields, g, true);
}

static enum roadmap_status load_actuals(struct load *L, const cJSON *v,
					struct roadmap_initiative *in)
{
	const cJSON *a;
	enum roadmap_status st;
	char q[120];

	if (!cJSON_IsObject(v)) {
		return bad(L, "actuals must be an object of quarter amounts");
	}
	if ((st = check_keys(L, v, NULL))) {
		return st;
	}
	cJSON_ArrayForEach(a, v)
	{
		struct roadmap_period p;
		int64_t amount = 0;
		if (roadmap_period_parse(a->string, L->rm->fiscal_start, &p,
					 NULL) ||
		    p.kind != ROADMAP_PERIOD_QUARTER) {
			return bad(L, "actuals: %s is not a fiscal quarter "
				      "(YYYY-Qn)",
				   rm_quote(a->string, q, sizeof(q)));
		}
		char key[40];
		snprintf(key, sizeof(key), "actuals %s", a->string);
		if ((st = fixed2(L, a, key, ROADMAP_MONEY_MAX, &amount))) {
			return st;
		}
		if (!rm_actual_put(in, p.year * 4 + p.index - 1, amount)) {
			return rm_nomem(L->err);
		}
	}
	return ROADMAP_OK;
}

static enum roadmap_status load_initiative(struct load *L, const cJSON *c,
					   struct roadmap_initiative *in)
{
	enum roadmap_status st = load_fields(L, c, rm_initiative_fields, in,
					     true);
	char why[120];

	if (!st && rm_dates_problem(in, why, sizeof(why))) {
		return bad(L, "%s", why);
	}
	return st;
}

static enum roadmap_status load_period(struct load *L, const cJSON *c,
				       struct roadmap_budget *b)
{
	const cJSON *v = get(L, c, "period");
	struct roadmap_period p;
	struct roadmap_error e;
	char q[120];

	if (!v) {
		return bad(L, "missing required field \"period\"");
	}
	/* A label of the right form whose period a July fiscal year pushes
	 * out of the years (FY1900 begins 1899-07-01) says so. */
	if (cJSON_IsString(v) &&
	    roadmap_period_parse(v->valuestring, 1, &p, NULL) == ROADMAP_OK &&
	    (p.kind == ROADMAP_PERIOD_QUARTER ||
	     p.kind == ROADMAP_PERIOD_YEAR) &&
	    roadmap_period_parse(v->valuestring, L->rm->fiscal_start, &p,
				 &e)) {
		return bad(L, "period %s", e.message);
	}
	if (!cJSON_IsString(v) ||
	    roadmap_period_parse(v->valuestring, L->rm->fiscal_start, &p,
				 NULL) ||
	    (p.kind != ROADMAP_PERIOD_QUARTER &&
	     p.kind != ROADMAP_PERIOD_YEAR)) {
		return bad(L, "period %s is not a fiscal quarter (YYYY-Qn) or "
			      "fiscal year (FYYYYY)",
			   cJSON_IsString(v)
				   ? rm_quote(v->valuestring, q, sizeof(q))
				   : "(not a string)");
	}
	b->is_year = p.kind == ROADMAP_PERIOD_YEAR;
	b->year = p.year;
	b->quarter = p.index;
	return ROADMAP_OK;
}

static enum roadmap_status load_budget(struct load *L, const cJSON *c,
				       struct roadmap_budget *b)
{
	enum roadmap_status st = load_fields(L, c, rm_budget_fields, b, false);
	char q[120], label[16];

	if (st) {
		return st;
	}
	if (rm_budget_duplicate(L->rm, b)) {
		rm_budget_label(b, label, sizeof(label));
		return bad(L, "a second budget for %s%s%s", label,
			   b->pillar ? " pillar " : "",
			   b->pillar ? rm_quote(b->pillar, q, sizeof(q)) : "");
	}
	return ROADMAP_OK;
}

static enum roadmap_status load_items(struct load *L, const cJSON *root)
{
	enum roadmap_status st;
	const cJSON *arr, *c;
	size_t i;

	if ((arr = get_array(L, root, "teams", &st)) &&
	    (st = load_teams(L, arr))) {
		return st;
	}
	if (st) {
		return st;
	}
	if ((arr = get_array(L, root, "goals", &st))) {
		if (!rm_reserve(L->rm, ITEM_GOAL,
				(size_t)cJSON_GetArraySize(arr))) {
			return rm_nomem(L->err);
		}
		i = 0;
		cJSON_ArrayForEach(c, arr)
		{
			struct roadmap_goal g;
			roadmap_goal_init(&g);
			set_where(L, "goals", i++, peek_id(c));
			if ((st = load_goal(L, c, &g)) ||
			    (!rm_push_goal(L->rm, &g) &&
			     (st = rm_nomem(L->err)))) {
				rm_goal_free(&g);
				if (stop_at(L, st)) {
					return st;
				}
				st = ROADMAP_OK;
			}
		}
	}
	if (st) {
		return st;
	}
	if ((arr = get_array(L, root, "initiatives", &st))) {
		if (!rm_reserve(L->rm, ITEM_INITIATIVE,
				(size_t)cJSON_GetArraySize(arr))) {
			return rm_nomem(L->err);
		}
		i = 0;
		cJSON_ArrayForEach(c, arr)
		{
			struct roadmap_initiative in;
			roadmap_initiative_init(&in);
			set_where(L, "initiatives", i++, peek_id(c));
			if ((st = load_initiative(L, c, &in)) ||
			    (!rm_push_initiative(L->rm, &in) &&
			     (st = rm_nomem(L->err)))) {
				rm_initiative_free(&in);
				if (stop_at(L, st)) {
					return st;
				}
				st = ROADMAP_OK;
			}
		}
	}
	if (st) {
		return st;
	}
	if ((arr = get_array(L, root, "budgets", &st))) {
		i = 0;
		cJSON_ArrayForEach(c, arr)
		{
			struct roadmap_budget b = {0};
			set_where(L, "budgets", i++, NULL);
			if ((st = load_budget(L, c, &b)) ||
			    (!rm_push_budget(L->rm, &b) &&
			     (st = rm_nomem(L->err)))) {
				free((char *)b.pillar);
				if (stop_at(L, st)) {
					return st;
				}
				st = ROADMAP_OK;
			}
		}
	}
	return st ? st : L->bad_items ? ROADMAP_ERR_DATA : ROADMAP_OK;
}

static enum roadmap_status load_root(struct load *L, const cJSON *root)
{
	static const char *const keys[] = {
		"format", "name",  "currency", "fiscal_year_start", "pillars",
		"policy", "teams", "goals",    "initiatives",       "budgets",
		NULL};
	enum roadmap_status st;
	const cJSON *v;
	int format = 0;

	set_where(L, NULL, 0, NULL);
	if (!cJSON_IsObject(root)) {
		return bad(L, "the document must be a JSON object");
	}
	if ((st = check_keys(L, root, keys))) {
		return st;
	}
	if (!(v = get(L, root, "format"))) {
		return bad(L, "missing required field \"format\" (add "
			      "\"format\": 1)");
	}
	if (!cJSON_IsNumber(v) || v->valuedouble != 1) {
		if (get_int(L, root, "format", 0, 1000000, &format) == 0) {
			return bad(L, "unknown format %d (this version reads "
				      "format 1)",
				   format);
		}
		return bad(L, "unknown format (this version reads format 1)");
	}
	if ((st = get_int(L, root, "fiscal_year_start", 1, 12,
			  &L->rm->fiscal_start)) ||
	    (st = get_text(L, root, "name", false,
			   (const char **)&L->rm->name))) {
		return st;
	}
	if ((v = get(L, root, "currency"))) {
		struct roadmap_error e;
		if (!cJSON_IsString(v) ||
		    roadmap_set_currency(L->rm, v->valuestring, &e)) {
			return bad(L, "currency must be an ISO 4217 code like "
				      "\"USD\"");
		}
	}
	if ((v = get(L, root, "pillars"))) {
		char **list = NULL;
		size_t n = 0;
		if ((st = get_id_list(L, root, "pillars", &list, &n))) {
			rm_list_free(list, n);
			return st;
		}
		if (n == 0) {
			return bad(L, "pillars must name at least one pillar");
		}
		rm_list_free(L->rm->pillars, L->rm->n_pillars);
		L->rm->pillars = list;
		L->rm->n_pillars = n;
		L->rm->default_pillars = false;
	}
	if ((v = get(L, root, "policy")) && (st = load_policy(L, v))) {
		return st;
	}
	return load_items(L, root);
}

enum roadmap_status rm_load_tree(const char *name, const cJSON *root,
				  struct roadmap **out, struct roadmap_error *err)
{
	return rm_load_tree_all(name, root, out, NULL, NULL, err);
}

enum roadmap_status
rm_load_tree_all(const char *name, const cJSON *root, struct roadmap **out,
		 void (*on_bad)(void *ctx, const struct roadmap_error *e),
		 void *ctx, struct roadmap_error *err)
{
	struct load L = {name, err, NULL, ""};
	enum roadmap_status st;

	L.on_bad = on_bad;
	L.ctx = ctx;
	*out = NULL;
	if (!(L.rm = roadmap_create())) {
		return rm_nomem(err);
	}
	if ((st = load_root(&L, root))) {
		roadmap_destroy(L.rm);
		return st;
	}
	*out = L.rm;
	return ROADMAP_OK;
}
