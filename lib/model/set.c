/*
 * set.c - `set ID FIELD=VALUE`: one field of a goal, initiative, team or
 * envelope, parsed and checked as on load, applied to a copy that replaces
 * the item only when it is valid (roadmap(1)).
 */
#include "fields.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QBUF 160

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
		if (f->type->parse && k < 32) {
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

/*
 * Sets field name of item (a goal, initiative or team: fields is its
 * table) from the text v, parsed and checked by the field's type as on
 * load; an empty value clears an optional field. self is the item's id.
 */
static enum roadmap_status set_field(struct roadmap *rm,
				     const struct rm_field *fields, void *item,
				     const char *kind, const char *self,
				     const char *name, const char *v,
				     bool import, struct roadmap_error *err)
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
	const struct rm_parse p = {rm, self, import};

	if (f && f->command) {
		/* kept per quarter or per day, by their own commands */
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is recorded with the %s command, not set",
			       f->name, f->command);
	}
	if (!f || f == fields || !f->type->parse) {
		return no_field(fields, kind, name, err);
	}
	return rm_field_parse(f, v, item, &p, err);
}

static enum roadmap_status set_item(struct roadmap *rm, const char *id,
				    const char *field, const char *value,
				    bool import, struct roadmap_error *err)
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
			       field, value, import, err);
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
			       copy.id, field, value, import, err);
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
				 rm->teams[i].id, field, value, import, err);
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

enum roadmap_status roadmap_set_field(struct roadmap *rm, const char *id,
				      const char *field, const char *value,
				      struct roadmap_error *err)
{
	return set_item(rm, id, field, value, false, err);
}

enum roadmap_status rm_set_imported(struct roadmap *rm, const char *id,
				    const char *field, const char *value,
				    struct roadmap_error *err)
{
	return set_item(rm, id, field, value, true, err);
}
