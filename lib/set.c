/*
 * set.c - `set ID FIELD=VALUE`: one field of a goal, initiative, team or
 * envelope, parsed and checked as on load, applied to a copy that replaces
 * the item only when it is valid (SPEC 5).
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

enum roadmap_status rm_parse_fte(const char *field, const char *v,
				 int64_t *out, struct roadmap_error *err)
{
	char q[QBUF];

	if (!rm_hundredths_parse(v, RM_FTE_MAX, out)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s %s is not a number of FTE (like 2 or 0.5)",
			       field, rm_quote(v, q, sizeof(q)));
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_fte_parse(const char *s, int64_t *out,
				      struct roadmap_error *err)
{
	char q[QBUF];

	if (!rm_hundredths_parse(s, RM_FTE_MAX, out)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is not a number of FTE (like 2 or 0.5)",
			       rm_quote(s, q, sizeof(q)));
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

static enum roadmap_status set_goal_field(struct roadmap *rm,
					  struct roadmap_goal *g,
					  const char *f, const char *v,
					  struct roadmap_error *err)
{
	enum roadmap_status st;

	if (strcmp(f, "title") == 0) {
		return set_text(&g->title, f, v, true, err);
	} else if (strcmp(f, "metric") == 0) {
		return set_text(&g->metric, f, v, false, err);
	} else if (strcmp(f, "unit") == 0) {
		return set_text(&g->unit, f, v, false, err);
	} else if (strcmp(f, "owner") == 0) {
		return set_text(&g->owner, f, v, false, err);
	} else if (strcmp(f, "baseline") == 0 || strcmp(f, "target") == 0) {
		bool base = f[0] == 'b';
		double d = 0;
		if (*v && (st = parse_number(f, v, &d, err))) {
			return st;
		}
		*(base ? &g->has_baseline : &g->has_target) = *v != '\0';
		*(base ? &g->baseline : &g->target) = d;
		return ROADMAP_OK;
	} else if (strcmp(f, "due") == 0) {
		roadmap_day d = 0;
		if (*v && (st = parse_day(rm, v, true, &d, err))) {
			return st;
		}
		g->has_due = *v != '\0';
		g->due = d;
		return ROADMAP_OK;
	} else if (strcmp(f, "priority") == 0) {
		int p = 0;
		if (*v && (st = parse_priority(v, &p, err))) {
			return st;
		}
		g->priority = p;
		return ROADMAP_OK;
	}
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "a goal has no field \"%s\" (fields: title, metric, "
		       "baseline, target, unit, due, owner, priority)",
		       f);
}

static enum roadmap_status set_list(struct roadmap *rm,
				    struct roadmap_initiative *in,
				    bool goals, const char *v,
				    struct roadmap_error *err)
{
	char **items;
	size_t n;
	enum roadmap_status st =
		rm_split_ids(v, goals ? "goals" : "depends_on", &items, &n, err);

	for (size_t i = 0; st == ROADMAP_OK && i < n; i++) {
		st = goals ? rm_check_goal_ref(rm, items[i], err)
			   : rm_check_init_ref(rm, items[i], in->id, err);
	}
	if (st) {
		rm_list_free(items, n);
		return st;
	}
	if (goals) {
		rm_list_free(in->goals, in->n_goals);
		in->goals = items;
		in->n_goals = n;
	} else {
		rm_list_free(in->depends_on, in->n_depends_on);
		in->depends_on = items;
		in->n_depends_on = n;
	}
	return ROADMAP_OK;
}

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

static enum roadmap_status set_init_field(struct roadmap *rm,
					  struct roadmap_initiative *in,
					  const char *f, const char *v,
					  struct roadmap_error *err)
{
	enum roadmap_status st;
	char q[QBUF];
	int k;

	if (strcmp(f, "title") == 0) {
		return set_text(&in->title, f, v, true, err);
	} else if (strcmp(f, "owner") == 0) {
		return set_text(&in->owner, f, v, false, err);
	} else if (strcmp(f, "start") == 0) {
		return parse_day(rm, v, false, &in->start, err);
	} else if (strcmp(f, "end") == 0) {
		return parse_day(rm, v, true, &in->end, err);
	} else if (strcmp(f, "goals") == 0) {
		return set_list(rm, in, true, v, err);
	} else if (strcmp(f, "depends_on") == 0 ||
		   strcmp(f, "depends-on") == 0) {
		return set_list(rm, in, false, v, err);
	} else if (strcmp(f, "pillar") == 0) {
		return set_ref(&in->pillar, v,
			       *v ? rm_check_pillar_ref(rm, v, err) : ROADMAP_OK);
	} else if (strcmp(f, "team") == 0) {
		return set_ref(&in->team, v,
			       *v ? rm_check_team_ref(rm, v, err) : ROADMAP_OK);
	} else if (strcmp(f, "stage") == 0) {
		if (!*v) {
			in->stage = ROADMAP_STAGE_NONE;
		} else if ((k = roadmap_stage_parse(v)) < 0) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "stage %s is not research, poc or "
				       "implementation",
				       rm_quote(v, q, sizeof(q)));
		} else {
			in->stage = (enum roadmap_stage)k;
		}
		return ROADMAP_OK;
	} else if (strcmp(f, "status") == 0) {
		if ((k = roadmap_initiative_status_parse(v)) < 0) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "status %s is not proposed, approved, "
				       "active, done or cancelled",
				       rm_quote(v, q, sizeof(q)));
		}
		in->status = (enum roadmap_initiative_status)k;
		return ROADMAP_OK;
	} else if (strcmp(f, "opex") == 0) {
		return parse_money_field(f, v, &in->opex, err);
	} else if (strcmp(f, "capex") == 0) {
		return parse_money_field(f, v, &in->capex, err);
	} else if (strcmp(f, "benefit") == 0) {
		int64_t b = 0;
		if (*v && (st = parse_money_field(f, v, &b, err))) {
			return st;
		}
		in->has_benefit = *v != '\0';
		in->benefit = b;
		return ROADMAP_OK;
	} else if (strcmp(f, "fte") == 0) {
		return rm_parse_fte(f, v, &in->fte, err);
	} else if (strcmp(f, "priority") == 0) {
		return parse_priority(v, &in->priority, err);
	}
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "an initiative has no field \"%s\" (fields: title, "
		       "start, end, goals, pillar, stage, status, owner, team, "
		       "opex, capex, fte, depends_on, priority, benefit)",
		       f);
}

enum roadmap_status roadmap_set_field(struct roadmap *rm, const char *id,
				      const char *field, const char *value,
				      struct roadmap_error *err)
{
	char q[QBUF];
	size_t i;
	enum roadmap_status st;

	if (strcmp(field, "id") == 0) {
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
		st = set_goal_field(rm, &copy, field, value, err);
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
		st = set_init_field(rm, &copy, field, value, err);
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
		if (strcmp(field, "capacity") != 0) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "a team has no field \"%s\" (fields: "
				       "capacity)",
				       field);
		}
		return rm_parse_fte("capacity", value, &rm->teams[i].capacity,
				    err);
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

