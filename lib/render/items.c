/* items.c - items as JSON objects for `list` and `show` (stable contract). */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

/* The `list` and `show` objects: every field, defaults filled in. */
static cJSON *object(const struct rm_field *fields, const void *item)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	ok = o != NULL;
	rm_fields_json(o, fields, item, true, &ok);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

cJSON *rm_goal_object(const struct roadmap_goal *g)
{
	return object(rm_goal_fields, g);
}

cJSON *rm_initiative_object(const struct roadmap_initiative *in)
{
	return object(rm_initiative_fields, in);
}

cJSON *rm_team_object(const struct roadmap_team *t)
{
	return object(rm_team_fields, t);
}

cJSON *rm_budget_object(const struct roadmap_budget *b)
{
	return object(rm_budget_fields, b);
}

enum roadmap_status roadmap_items_json(const struct roadmap *rm,
				       enum roadmap_kind kind,
				       const size_t *idx, size_t n, char **out,
				       struct roadmap_error *err)
{
	struct strbuf b = {0};
	bool ok = true;
	cJSON *arr = cJSON_CreateArray();
	size_t total = kind == ROADMAP_KIND_GOAL	 ? rm->n_goals
		       : kind == ROADMAP_KIND_INITIATIVE ? rm->n_inits
		       : kind == ROADMAP_KIND_TEAM	 ? rm->n_teams
							 : rm->n_budgets;

	if (!idx) {
		n = total;
	}
	for (size_t r = 0; arr && ok && r < n; r++) {
		size_t i = idx ? idx[r] : r;
		cJSON *o = kind == ROADMAP_KIND_GOAL
			       ? rm_goal_object(&rm->goals[i])
			   : kind == ROADMAP_KIND_INITIATIVE
			       ? rm_initiative_object(&rm->inits[i])
			   : kind == ROADMAP_KIND_TEAM
			       ? rm_team_object(&rm->teams[i])
			       : rm_budget_object(&rm->budgets[i]);
		rm_json_push(arr, o, &ok);
	}
	if (!ok) {
		cJSON_Delete(arr);
		arr = NULL;
	}
	enum roadmap_status st = rm_json_finish(&b, arr, out, NULL, err);
	cJSON_Delete(arr);
	return st;
}

/* The spend of initiative i from a spend table: the same array. */
cJSON *rm_spend_json_from(const struct roadmap_spend *sp, size_t i)
{
	bool ok = true;
	cJSON *arr = cJSON_CreateArray();

	for (int k = 0; arr && ok && k < sp->n[i]; k++) {
		char label[12];
		size_t o = sp->off[i] + (size_t)k;
		cJSON *e = cJSON_CreateObject();
		rm_json_add(e, ROADMAP_FIELD_PERIOD,
			    cJSON_CreateString(
				roadmap_quarter_label(sp->q0[i] + k, label)),
			    &ok);
		rm_json_add(e, ROADMAP_FIELD_OPEX, rm_json_money(sp->opex[o]),
			    &ok);
		rm_json_add(e, ROADMAP_FIELD_CAPEX, rm_json_money(sp->capex[o]),
			    &ok);
		rm_json_add(e, ROADMAP_WORD_TOTAL,
			    rm_json_money(sp->opex[o] + sp->capex[o]), &ok);
		rm_json_push(arr, e, &ok);
	}
	if (!ok) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

/* Quarterly spend of one initiative: an array of period, opex, capex and
 * total objects. */
cJSON *rm_spend_json(const struct roadmap *rm,
		     const struct roadmap_initiative *in)
{
	int q0, q1;
	int64_t *op = NULL, *cap = NULL;
	size_t n, n2;
	cJSON *arr = NULL;
	bool ok = true;

	if (in->end < in->start) {
		return cJSON_CreateArray();
	}
	if (roadmap_spread(in->opex, in->start, in->end, rm->fiscal_start, &q0,
			   &op, &n) ||
	    roadmap_spread(in->capex, in->start, in->end, rm->fiscal_start, &q1,
			   &cap, &n2)) {
		goto out;
	}
	arr = cJSON_CreateArray();
	for (size_t k = 0; arr && ok && k < n; k++) {
		char label[12];
		cJSON *o = cJSON_CreateObject();
		rm_json_add(o, ROADMAP_FIELD_PERIOD,
			    cJSON_CreateString(
				roadmap_quarter_label(q0 + (int)k, label)),
			    &ok);
		rm_json_add(o, ROADMAP_FIELD_OPEX, rm_json_money(op[k]), &ok);
		rm_json_add(o, ROADMAP_FIELD_CAPEX, rm_json_money(cap[k]), &ok);
		rm_json_add(o, ROADMAP_WORD_TOTAL,
			    rm_json_money(op[k] + cap[k]), &ok);
		rm_json_push(arr, o, &ok);
	}
	if (!ok) {
		cJSON_Delete(arr);
		arr = NULL;
	}
out:
	free(op);
	free(cap);
	return arr;
}

static enum roadmap_status add_goal_figures(const struct roadmap *rm, size_t gi,
					    cJSON *o, bool *ok,
					    struct roadmap_error *err)
{
	const struct roadmap_goal *g = &rm->goals[gi];
	cJSON *list =
	    rm_json_add(o, ROADMAP_KEY_INITIATIVES, cJSON_CreateArray(), ok);
	int64_t *planned;
	enum roadmap_status st = rm_goal_planned(rm, (long)gi, &planned, err);

	if (st) {
		return st;
	}
	for (size_t i = 0; list && *ok && i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t k = 0; k < in->n_goals; k++) {
			if (strcmp(in->goals[k], g->id) == 0) {
				rm_json_push(list, rm_json_ref(in->id), ok);
				break;
			}
		}
	}
	rm_json_add(o, "planned", rm_json_money(planned[gi]), ok);
	free(planned);
	return ROADMAP_OK;
}

/* "tracking": the item's figures as of day (null when it has none). */
static enum roadmap_status add_tracking(const struct roadmap *rm, size_t i,
					bool goal, roadmap_day day, cJSON *o,
					bool *ok, struct roadmap_error *err)
{
	struct roadmap_tracking t;
	enum roadmap_status st = roadmap_tracking(rm, day, NULL, &t, err);
	cJSON *x = NULL;

	if (st) {
		return st;
	}
	for (size_t k = 0; !goal && k < t.n_initiatives; k++) {
		if (t.initiatives[k].index == i) {
			x = rm_earned_value_object(rm, &t, &t.initiatives[k]);
			*ok = *ok && x;
		}
	}
	if (goal) {
		x = rm_goal_tracking_object(rm, &t.goals[i]);
		*ok = *ok && x;
	}
	if (x) {
		/* the id is the item's own: the day takes its place */
		cJSON *y = cJSON_CreateObject(), *c;
		rm_json_add(y, "as_of", rm_json_date(day), ok);
		cJSON_DeleteItemFromObjectCaseSensitive(x, ROADMAP_FIELD_ID);
		while (y && (c = x->child) != NULL) {
			cJSON_AddItemToArray(y, cJSON_DetachItemViaPointer(x, c));
		}
		cJSON_Delete(x);
		x = y;
		*ok = *ok && y;
	}
	rm_json_add(o, "tracking", x ? x : cJSON_CreateNull(), ok);
	roadmap_tracking_release(&t);
	return ROADMAP_OK;
}

static enum roadmap_status item_json(const struct roadmap *rm, const char *id,
				     const roadmap_day *as_of,
				     const struct roadmap_check_options *co,
				     char **out, struct roadmap_error *err);

enum roadmap_status roadmap_item_json(const struct roadmap *rm, const char *id,
				      char **out, struct roadmap_error *err)
{
	return item_json(rm, id, NULL, NULL, out, err);
}

enum roadmap_status roadmap_item_json_as_of(const struct roadmap *rm,
					    const char *id, roadmap_day as_of,
					    char **out,
					    struct roadmap_error *err)
{
	return item_json(rm, id, &as_of, NULL, out, err);
}

enum roadmap_status
roadmap_item_json_check(const struct roadmap *rm, const char *id,
			roadmap_day as_of,
			const struct roadmap_check_options *co, char **out,
			struct roadmap_error *err)
{
	return item_json(rm, id, &as_of, co, out, err);
}

static enum roadmap_status item_json(const struct roadmap *rm, const char *id,
				     const roadmap_day *as_of,
				     const struct roadmap_check_options *co,
				     char **out, struct roadmap_error *err)
{
	char q[120];
	struct strbuf b = {0};
	bool ok = true;
	cJSON *o = NULL;
	size_t i;
	enum roadmap_status st = ROADMAP_OK;

	switch (rm_item_kind(rm, id, &i)) {
	case ITEM_GOAL:
		o = rm_goal_object(&rm->goals[i]);
		rm_json_add(o, "kind", cJSON_CreateString(ROADMAP_WORD_GOAL),
			    &ok);
		st = add_goal_figures(rm, i, o, &ok, err);
		if (!st && as_of) {
			st = add_tracking(rm, i, true, *as_of, o, &ok, err);
		}
		break;
	case ITEM_INITIATIVE: {
		const struct roadmap_initiative *in = &rm->inits[i];
		struct roadmap_schedule s;
		cJSON *row = NULL;
		o = rm_initiative_object(in);
		rm_json_add(o, "kind",
			    cJSON_CreateString(ROADMAP_WORD_INITIATIVE), &ok);
		rm_json_add(o, ROADMAP_WORD_TOTAL,
			    rm_json_money(in->opex + in->capex), &ok);
		rm_json_add(o, "spend", rm_spend_json(rm, in), &ok);
		/* null when it does not count or a cycle blocks the plan */
		enum roadmap_status sst = roadmap_schedule(rm, &s, NULL);
		if (sst == ROADMAP_ERR_NOMEM) {
			ok = false;
		} else if (sst == ROADMAP_OK) {
			for (size_t k = 0; k < s.n; k++) {
				if (s.rows[k].index == i) {
					row = rm_schedule_row_object(
					    rm, &s.rows[k]);
					ok = ok && row;
				}
			}
			roadmap_schedule_release(&s);
		}
		rm_json_add(o, "schedule", row ? row : cJSON_CreateNull(), &ok);
		if (as_of) {
			st = add_tracking(rm, i, false, *as_of, o, &ok, err);
		}
		break;
	}
	case ITEM_NONE:
		if (idmap_get(&rm->team_ids, id, &i)) {
			o = rm_team_object(&rm->teams[i]);
			rm_json_add(o, "kind",
				    cJSON_CreateString(ROADMAP_WORD_TEAM), &ok);
			break;
		}
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "no goal, initiative or team %s",
			       rm_quote(id, q, sizeof(q)));
	}
	/* the findings' strings are referenced by the tree: they are
	 * released only after it is printed */
	struct roadmap_findings f = {0};
	if (!st && ok && !(st = roadmap_item_findings(rm, id, co, &f, err))) {
		rm_json_add(o, "findings", rm_findings_array(&f, NULL), &ok);
	}
	if (st) {
		cJSON_Delete(o);
		roadmap_findings_release(&f);
		return st; /* err says what: an overflow is not "out of memory"
			    */
	}
	if (!ok) {
		cJSON_Delete(o);
		o = NULL;
	}
	st = rm_json_finish(&b, o, out, NULL, err);
	cJSON_Delete(o);
	roadmap_findings_release(&f);
	return st;
}

enum roadmap_status roadmap_item_fields(const struct roadmap *rm,
					const char *id,
					struct roadmap_rows *out,
					struct roadmap_error *err)
{
	const struct rm_field *fields;
	const void *item;
	char q[120];
	struct strbuf buf = {0};
	size_t i, n = 0;

	memset(out, 0, sizeof(*out));
	switch (rm_item_kind(rm, id, &i)) {
	case ITEM_GOAL:
		fields = rm_goal_fields;
		item = &rm->goals[i];
		break;
	case ITEM_INITIATIVE:
		fields = rm_initiative_fields;
		item = &rm->inits[i];
		break;
	default:
		if (!idmap_get(&rm->team_ids, id, &i)) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "no goal, initiative or team %s",
				       rm_quote(id, q, sizeof(q)));
		}
		fields = rm_team_fields;
		item = &rm->teams[i];
	}
	for (const struct rm_field *f = fields; f->name; f++) {
		n++;
	}
	out->n_cols = 2;
	out->cells = calloc((n + 1) * 2, sizeof(char *));
	out->text = calloc(2, sizeof(bool));
	if (!out->cells || !out->text) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	char **cells = rm_list_own(out->cells);
	size_t r = 0;
	bool ok = (cells[0] = rm_rows_strdup(out, "field")) &&
		  (cells[1] = rm_rows_strdup(out, "value"));
	/* the rows say which fields are lines of `show` (the id and the
	 * title head the view; actuals are in its spend, progress and
	 * measurements in its tracking) */
	for (const struct rm_field *f = fields + 1; ok && f->name; f++) {
		if (!f->show) {
			continue;
		}
		r++;
		ok = rm_field_text(rm, f, item, true, &buf) &&
		     (cells[r * 2] = rm_rows_strdup(out, f->name)) &&
		     (cells[r * 2 + 1] = rm_rows_strdup(out, buf.data));
	}
	sb_release(&buf);
	out->n_rows = r;
	if (!ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}
