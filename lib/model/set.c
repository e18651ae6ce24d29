/*
 * set.c - `set ID FIELD=VALUE`: one field of a goal, initiative, team or
 * envelope, parsed and checked as on load, applied to a copy that replaces
 * the item only when it is valid (roadmap(1)).
 */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QBUF 160

static enum roadmap_status parse_day(const struct roadmap *rm,
				     const char *value, bool as_end,
				     roadmap_day *out,
				     struct roadmap_error *err)
{
	struct roadmap_period p;
	enum roadmap_status st =
	    roadmap_period_parse(value, rm->fiscal_start, &p, err);

	if (st == ROADMAP_OK) {
		*out = as_end ? p.last : p.first;
	}
	return st;
}

static enum roadmap_status parse_priority(const char *v, int *out,
					  struct roadmap_error *err)
{
	char q[QBUF];

	if (strlen(v) != 1 || v[0] < '1' || v[0] > '5') {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "priority %s is not 1 to 5",
			       rm_quote(v, q, sizeof(q)));
	}
	*out = v[0] - '0';
	return ROADMAP_OK;
}

static enum roadmap_status parse_number(const char *field, const char *v,
					double *out, struct roadmap_error *err)
{
	struct roadmap_error e;

	if (roadmap_number_parse(v, out, &e)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s", field,
			       e.message);
	}
	return ROADMAP_OK;
}

static enum roadmap_status set_text(const char **slot, const char *field,
				    const char *v, bool required,
				    struct roadmap_error *err)
{
	const char *why;
	char *copy = NULL;

	if (!*v && required) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s cannot be empty",
			       field);
	}
	if ((why = rm_text_problem(v, strlen(v)))) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s", field, why);
	}
	if (*v && !(copy = rm_strdup(v))) {
		return rm_nomem(err);
	}
	free((char *)*slot);
	*slot = copy;
	return ROADMAP_OK;
}

/* Why v is not an FTE figure: a number of FTE past the most says so. */
static const char *fte_problem(const char *v)
{
	int64_t h;
	size_t digits = strspn(v, "0123456789");

	if (rm_hundredths_parse(v, INT64_MAX / 10000, &h) ||
	    (digits > 0 && !v[digits] && v[0] != '0')) {
		return "is out of range (at most 1000000 FTE)";
	}
	return "is not a number of FTE (like 2 or 0.5)";
}

enum roadmap_status rm_parse_fte(const char *field, const char *v, int64_t *out,
				 struct roadmap_error *err)
{
	char q[QBUF];

	if (!rm_hundredths_parse(v, RM_FTE_MAX, out)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s %s", field,
			       rm_quote(v, q, sizeof(q)), fte_problem(v));
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_fte_parse(const char *s, int64_t *out,
				      struct roadmap_error *err)
{
	char q[QBUF];

	if (!rm_hundredths_parse(s, RM_FTE_MAX, out)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s",
			       rm_quote(s, q, sizeof(q)), fte_problem(s));
	}
	return ROADMAP_OK;
}

static enum roadmap_status parse_money_field(const char *field, const char *v,
					     int64_t *out,
					     struct roadmap_error *err)
{
	enum roadmap_status st = roadmap_money_parse(v, out, err);

	if (st && err) {
		char msg[sizeof(err->message) + 64];
		snprintf(msg, sizeof(msg), "%s %s", field, err->message);
		snprintf(err->message, sizeof(err->message), "%.*s",
			 (int)sizeof(err->message) - 1, msg);
	}
	return st;
}

/* "a goal has no field "x" (fields: title, ...)": every field but the id
 * and the actuals, in the table's order. */
static enum roadmap_status no_field(const struct rm_field *fields,
				    const char *kind, const char *name,
				    struct roadmap_error *err)
{
	char list[400] = "", q[QBUF];
	const char *names[32];
	size_t k = 0;

	for (const struct rm_field *f = fields + 1; f->name; f++) {
		if (f->type != RM_F_ACTUALS && f->type != RM_F_READINGS &&
		    k < 32) {
			size_t n = strlen(list);
			snprintf(list + n, sizeof(list) - n, "%s%s",
				 n ? ", " : "", f->name);
			names[k++] = f->name;
		}
	}
	const char *near = roadmap_nearest(name, names, k);
	if (near) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s has no field %s (did you mean \"%s\"?)",
			       kind, rm_quote(name, q, sizeof(q)), near);
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "%s has no field %s (fields: %s)",
		       kind, rm_quote(name, q, sizeof(q)), list);
}

/* A list of references: split, each checked, then it replaces the old. */
static enum roadmap_status set_list(struct roadmap *rm,
				    const struct rm_field *f, char *base,
				    const char *self, const char *v,
				    struct roadmap_error *err)
{
	char **items, ***list = (char ***)(void *)(base + f->off);
	size_t n, *count = (size_t *)(void *)(base + f->flag);
	enum roadmap_status st = rm_split_ids(v, f->name, &items, &n, err);

	for (size_t i = 0; st == ROADMAP_OK && i < n; i++) {
		st = f->ref == RM_REF_GOAL
			 ? rm_check_goal_ref(rm, items[i], err)
			 : rm_check_init_ref(rm, items[i], self, err);
	}
	if (st) {
		rm_list_free(items, n);
		return st;
	}
	rm_list_free(*list, *count);
	*list = items;
	*count = n;
	return ROADMAP_OK;
}

/* An optional reference: st is the verdict of its check. */
static enum roadmap_status set_ref(const char **slot, const char *v,
				   enum roadmap_status st)
{
	char *copy = NULL;

	if (st) {
		return st;
	}
	if (*v && !(copy = rm_strdup(v))) {
		return ROADMAP_ERR_NOMEM;
	}
	free((char *)*slot);
	*slot = copy;
	return ROADMAP_OK;
}

static enum roadmap_status check_ref(const struct roadmap *rm,
				     enum rm_field_ref ref, const char *v,
				     struct roadmap_error *err)
{
	return ref == RM_REF_TEAM     ? rm_check_team_ref(rm, v, err)
	       : ref == RM_REF_PILLAR ? rm_check_pillar_ref(rm, v, err)
				      : ROADMAP_OK;
}

/*
 * Sets field name of item (a goal, initiative or team: fields is its
 * table) from the text v, parsed and checked by the field's type as on
 * load; an empty value clears an optional field. self is the item's id.
 */
static enum roadmap_status set_field(struct roadmap *rm,
				     const struct rm_field *fields, void *item,
				     const char *kind, const char *self,
				     const char *name, const char *v,
				     struct roadmap_error *err)
{
	/* a name as options spell it (depends-on) is the field's */
	char key[64];
	size_t n =
	    strlen(name) < sizeof(key) - 1 ? strlen(name) : sizeof(key) - 1;
	for (size_t k = 0; k < n; k++) {
		key[k] = name[k] == '-' ? '_' : name[k];
	}
	key[n] = '\0';
	const struct rm_field *f = rm_field_find(fields, key);
	char *base = item, q[QBUF];
	enum roadmap_status st = ROADMAP_OK;
	int k;

	if (f && (f->type == RM_F_ACTUALS || f->type == RM_F_READINGS)) {
		/* kept per quarter or per day, by their own commands */
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is recorded with the %s command, not set",
			       f->name,
			       f->type == RM_F_ACTUALS ? "actual"
			       : f->def == RM_PERCENT  ? ROADMAP_FIELD_PROGRESS
						       : "measure");
	}
	if (!f || f == fields || f->type == RM_F_PERIOD) {
		return no_field(fields, kind, name, err);
	}
	void *at = base + f->off;
	bool *has = RM_FIELD_HAS_FLAG(f) ? (bool *)(base + f->flag) : NULL;
	bool clear = !*v && !f->required;
	switch (f->type) {
	case RM_F_TEXT:
		return set_text(at, f->name, v, f->required, err);
	case RM_F_ID:
		return set_ref(at, v,
			       *v ? check_ref(rm, f->ref, v, err) : ROADMAP_OK);
	case RM_F_NUMBER: {
		double d = 0;
		if (!clear && (st = parse_number(f->name, v, &d, err))) {
			return st;
		}
		*has = !clear;
		*(double *)at = d;
		return ROADMAP_OK;
	}
	case RM_F_DATE: {
		roadmap_day d = 0;
		if (!has) {
			return parse_day(rm, v, f->end, at, err);
		}
		if (!clear && (st = parse_day(rm, v, f->end, &d, err))) {
			return st;
		}
		*has = !clear;
		*(roadmap_day *)at = d;
		return ROADMAP_OK;
	}
	case RM_F_MONEY: {
		int64_t m = 0;
		if (!has) {
			return parse_money_field(f->name, v, at, err);
		}
		if (!clear && (st = parse_money_field(f->name, v, &m, err))) {
			return st;
		}
		*has = !clear;
		*(int64_t *)at = m;
		return ROADMAP_OK;
	}
	case RM_F_FTE:
		return rm_parse_fte(f->name, v, at, err);
	case RM_F_PRIORITY: {
		int p = 0;
		if (f->def == 0 && clear) { /* a goal's is optional */
			*(int *)at = 0;
			return ROADMAP_OK;
		}
		if ((st = parse_priority(v, &p, err))) {
			return st;
		}
		*(int *)at = p;
		return ROADMAP_OK;
	}
	case RM_F_IDS:
		return set_list(rm, f, base, self, v, err);
	case RM_F_STAGE:
	case RM_F_STATUS:
		if (f->type == RM_F_STAGE && clear) {
			*(int *)at = (int)f->def;
			return ROADMAP_OK;
		}
		k = f->type == RM_F_STAGE ? roadmap_stage_parse(v)
					  : roadmap_initiative_status_parse(v);
		if (k < 0) {
			return rm_fail(err, ROADMAP_ERR_DATA, "%s %s is not %s",
				       f->name, rm_quote(v, q, sizeof(q)),
				       f->type == RM_F_STAGE
					   ? "research, poc or "
					     "implementation"
					   : "proposed, approved, active, "
					     "done or cancelled");
		}
		*(int *)at = k;
		return ROADMAP_OK;
	case RM_F_ACTUALS:
	case RM_F_READINGS:
	case RM_F_PERIOD:
		break;
	}
	return no_field(fields, kind, name, err);
}

enum roadmap_status roadmap_set_field(struct roadmap *rm, const char *id,
				      const char *field, const char *value,
				      struct roadmap_error *err)
{
	char q[QBUF];
	size_t i;
	enum roadmap_status st;

	if (strcmp(field, ROADMAP_FIELD_ID) == 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "an id cannot be changed (add a new item and "
			       "remove the old one)");
	}
	switch (rm_item_kind(rm, id, &i)) {
	case ITEM_GOAL: {
		struct roadmap_goal copy;
		if (!rm_copy_goal(&copy, &rm->goals[i])) {
			rm_goal_free(&copy);
			return rm_nomem(err);
		}
		st = set_field(rm, rm_goal_fields, &copy, "a goal", copy.id,
			       field, value, err);
		if (st) {
			rm_goal_free(&copy);
			return st == ROADMAP_ERR_NOMEM ? rm_nomem(err) : st;
		}
		/* Point the index at the copy's id before the old id is
		 * freed; the slot exists, so this cannot fail. */
		idmap_put(&rm->goal_ids, copy.id, i);
		rm_goal_free(&rm->goals[i]);
		rm->goals[i] = copy;
		return ROADMAP_OK;
	}
	case ITEM_INITIATIVE: {
		struct roadmap_initiative copy;
		if (!rm_copy_initiative(&copy, &rm->inits[i])) {
			rm_initiative_free(&copy);
			return rm_nomem(err);
		}
		st = set_field(rm, rm_initiative_fields, &copy, "an initiative",
			       copy.id, field, value, err);
		if (st) {
			rm_initiative_free(&copy);
			return st == ROADMAP_ERR_NOMEM ? rm_nomem(err) : st;
		}
		idmap_put(&rm->init_ids, copy.id, i);
		rm_initiative_free(&rm->inits[i]);
		rm->inits[i] = copy;
		return ROADMAP_OK;
	}
	case ITEM_NONE:
		break;
	}
	if (idmap_get(&rm->team_ids, id, &i)) {
		/* a team's only field is a number: set in place */
		return set_field(rm, rm_team_fields, &rm->teams[i], "a team",
				 rm->teams[i].id, field, value, err);
	}
	long e = rm_envelope_named(rm, id, err);
	if (e >= 0) {
		return rm_envelope_set(rm, (size_t)e, field, value, err);
	}
	return e == -1 ? ROADMAP_ERR_DATA
		       : rm_fail(err, ROADMAP_ERR_DATA,
				 "no goal, initiative, team or envelope %s",
				 rm_quote(id, q, sizeof(q)));
}
