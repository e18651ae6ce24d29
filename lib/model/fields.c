/*
 * fields.c - each kind of item described once (docs/decisions.md, "One model of
 * fields"), in the manner of tmux's options-table.c: one row per field with its
 * JSON name, type, default, and whether it is required, a list, a reference,
 * money or a date. The canonical save and the `list`/`show` JSON are written
 * from these rows (rm_fields_json), the loader takes its keys from them, and
 * `set` finds its fields in them.
 */
#include "json.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOAL(f) offsetof(struct roadmap_goal, f)
#define INIT(f) offsetof(struct roadmap_initiative, f)
#define TEAM(f) offsetof(struct roadmap_team, f)
#define BUDGET(f) offsetof(struct roadmap_budget, f)
#define NONE ((size_t)-1)
#define F_(n) ROADMAP_FIELD_##n

/* name, type, value, flag or count, required, default, reference, end,
 * CSV column */
const struct rm_field rm_goal_fields[] = {
    {F_(ID), RM_F_ID, GOAL(id), NONE, true, 0, RM_REF_NONE, false, 1},
    {F_(TITLE), RM_F_TEXT, GOAL(title), NONE, true, 0, RM_REF_NONE, false, 2},
    {F_(METRIC), RM_F_TEXT, GOAL(metric), NONE, false, 0, RM_REF_NONE, false,
     3},
    {F_(BASELINE), RM_F_NUMBER, GOAL(baseline), GOAL(has_baseline), false, 0,
     RM_REF_NONE, false, 4},
    {F_(TARGET), RM_F_NUMBER, GOAL(target), GOAL(has_target), false, 0,
     RM_REF_NONE, false, 5},
    {F_(UNIT), RM_F_TEXT, GOAL(unit), NONE, false, 0, RM_REF_NONE, false, 6},
    {F_(DUE), RM_F_DATE, GOAL(due), GOAL(has_due), false, 0, RM_REF_NONE, true,
     7},
    {F_(OWNER), RM_F_TEXT, GOAL(owner), NONE, false, 0, RM_REF_NONE, false, 8},
    {F_(PRIORITY), RM_F_PRIORITY, GOAL(priority), NONE, false, 0, RM_REF_NONE,
     false, 9},
    {F_(MEASUREMENTS), RM_F_READINGS, GOAL(measurements),
     GOAL(n_measurements), false, 0, RM_REF_NONE, true, 0},
    {NULL, 0, 0, 0, false, 0, 0, false, 0},
};

const struct rm_field rm_initiative_fields[] = {
    {F_(ID), RM_F_ID, INIT(id), NONE, true, 0, RM_REF_NONE, false, 1},
    {F_(TITLE), RM_F_TEXT, INIT(title), NONE, true, 0, RM_REF_NONE, false, 2},
    {F_(GOALS), RM_F_IDS, INIT(goals), INIT(n_goals), false, 0, RM_REF_GOAL,
     false, 16},
    {F_(PILLAR), RM_F_ID, INIT(pillar), NONE, false, 0, RM_REF_PILLAR, false,
     3},
    {F_(STAGE), RM_F_STAGE, INIT(stage), NONE, false, ROADMAP_STAGE_NONE,
     RM_REF_NONE, false, 4},
    {F_(STATUS), RM_F_STATUS, INIT(status), NONE, false, ROADMAP_PROPOSED,
     RM_REF_NONE, false, 5},
    {F_(OWNER), RM_F_TEXT, INIT(owner), NONE, false, 0, RM_REF_NONE, false, 6},
    {F_(TEAM), RM_F_ID, INIT(team), NONE, false, 0, RM_REF_TEAM, false, 7},
    {F_(START), RM_F_DATE, INIT(start), NONE, true, 0, RM_REF_NONE, false, 8},
    {F_(END), RM_F_DATE, INIT(end), NONE, true, 0, RM_REF_NONE, true, 9},
    {F_(OPTIMISTIC), RM_F_DATE, INIT(optimistic), INIT(has_optimistic), false,
     0, RM_REF_NONE, true, 18},
    {F_(PESSIMISTIC), RM_F_DATE, INIT(pessimistic), INIT(has_pessimistic),
     false, 0, RM_REF_NONE, true, 19},
    {F_(OPEX), RM_F_MONEY, INIT(opex), NONE, false, 0, RM_REF_NONE, false, 10},
    {F_(CAPEX), RM_F_MONEY, INIT(capex), NONE, false, 0, RM_REF_NONE, false,
     11},
    {F_(FTE), RM_F_FTE, INIT(fte), NONE, false, 0, RM_REF_NONE, false, 13},
    {F_(DEPENDS_ON), RM_F_IDS, INIT(depends_on), INIT(n_depends_on), false, 0,
     RM_REF_INITIATIVE, false, 17},
    {F_(PRIORITY), RM_F_PRIORITY, INIT(priority), NONE, false, 3, RM_REF_NONE,
     false, 14},
    {F_(BENEFIT), RM_F_MONEY, INIT(benefit), INIT(has_benefit), false, 0,
     RM_REF_NONE, false, 15},
    {F_(ACTUALS), RM_F_ACTUALS, INIT(actuals), INIT(n_actuals), false, 0,
     RM_REF_NONE, false, 0},
    {F_(PROGRESS), RM_F_READINGS, INIT(progress), INIT(n_progress), false,
     RM_PERCENT, RM_REF_NONE, true, 0},
    {NULL, 0, 0, 0, false, 0, 0, false, 0},
};

const struct rm_field rm_team_fields[] = {
    {F_(ID), RM_F_ID, TEAM(id), NONE, true, 0, RM_REF_NONE, false, 1},
    {F_(CAPACITY), RM_F_FTE, TEAM(capacity), NONE, true, 0, RM_REF_NONE, false,
     2},
    {NULL, 0, 0, 0, false, 0, 0, false, 0},
};

const struct rm_field rm_budget_fields[] = {
    {F_(PERIOD), RM_F_PERIOD, 0, NONE, true, 0, RM_REF_NONE, false, 1},
    {F_(PILLAR), RM_F_ID, BUDGET(pillar), NONE, false, 0, RM_REF_PILLAR, false,
     2},
    {F_(AMOUNT), RM_F_MONEY, BUDGET(amount), NONE, true, 0, RM_REF_NONE, false,
     3},
    {NULL, 0, 0, 0, false, 0, 0, false, 0},
};

typedef char **strlist;
typedef const char *cstr;
typedef const struct roadmap_reading *readings;
#define AT(item, off, type)                                                    \
	(*(const type *)(const void *)((const char *)(item) + (off)))

const struct rm_field *rm_field_find(const struct rm_field *fields,
				     const char *name)
{
	for (const struct rm_field *f = fields; f->name; f++) {
		if (strcmp(f->name, name) == 0) {
			return f;
		}
	}
	return NULL;
}

size_t rm_field_names(const struct rm_field *fields, const char **names,
		      size_t max)
{
	size_t n = 0;

	for (const struct rm_field *f = fields; f->name && n + 1 < max; f++) {
		names[n++] = f->name;
	}
	names[n] = NULL;
	return n;
}

/* "Absent": null in the JSON of `list` and `show`, left out of the file. */
static cJSON *absent(bool defaults, bool *omit)
{
	*omit = !defaults;
	return defaults ? cJSON_CreateNull() : NULL;
}

/* The value of f in item as JSON; *omit when the canonical form leaves it
 * out (only without defaults). NULL without *omit: out of memory. */
static cJSON *value(const struct rm_field *f, const void *item, bool defaults,
		    bool *omit)
{
	bool has = RM_FIELD_HAS(f, item);

	*omit = false;
	switch (f->type) {
	case RM_F_ID:
	case RM_F_TEXT: {
		const char *s = AT(item, f->off, cstr);
		return s ? rm_json_ref(s) : absent(defaults, omit);
	}
	case RM_F_NUMBER:
		return has ? cJSON_CreateNumber(AT(item, f->off, double))
			   : absent(defaults, omit);
	case RM_F_DATE:
		return has ? rm_json_date(AT(item, f->off, roadmap_day))
			   : absent(defaults, omit);
	case RM_F_MONEY:
	case RM_F_FTE: {
		int64_t v = AT(item, f->off, int64_t);
		if (!has) {
			return absent(defaults, omit);
		}
		if (!defaults && !f->required && f->flag == NONE &&
		    v == f->def) {
			*omit = true;
			return NULL;
		}
		return f->type == RM_F_MONEY ? rm_json_money(v)
					     : rm_json_hundredths(v);
	}
	case RM_F_PRIORITY: {
		int v = AT(item, f->off, int);
		if (v == 0) { /* a goal's priority is optional */
			return absent(defaults, omit);
		}
		if (!defaults && v == f->def) {
			*omit = true;
			return NULL;
		}
		return cJSON_CreateNumber(v);
	}
	case RM_F_IDS: {
		size_t n = AT(item, f->flag, size_t);
		if (!n && !defaults) {
			*omit = true;
			return NULL;
		}
		return rm_json_string_list(AT(item, f->off, strlist), n);
	}
	case RM_F_STAGE: {
		int v = AT(item, f->off, int);
		return v == (int)f->def ? absent(defaults, omit)
					: cJSON_CreateString(roadmap_stage_name(
					      (enum roadmap_stage)v));
	}
	case RM_F_STATUS: {
		int v = AT(item, f->off, int);
		if (!defaults && v == (int)f->def) {
			*omit = true;
			return NULL;
		}
		return cJSON_CreateString(roadmap_initiative_status_name(
		    (enum roadmap_initiative_status)v));
	}
	case RM_F_ACTUALS: {
		const struct roadmap_initiative *in = item;
		if (!in->n_actuals && !defaults) {
			*omit = true;
			return NULL;
		}
		cJSON *a = cJSON_CreateObject();
		bool ok = a != NULL;
		for (size_t k = 0; a && k < in->n_actuals; k++) {
			char label[12];
			roadmap_quarter_label(in->actuals[k].qi, label);
			rm_json_add_copy(a, label,
					 rm_json_money(in->actuals[k].amount),
					 &ok);
		}
		return ok ? a : (cJSON_Delete(a), NULL);
	}
	case RM_F_READINGS: {
		const struct roadmap_reading *r =
		    AT(item, f->off, readings);
		size_t n = AT(item, f->flag, size_t);
		if (!n && !defaults) {
			*omit = true;
			return NULL;
		}
		cJSON *o = cJSON_CreateObject();
		bool ok = o != NULL;
		for (size_t k = 0; o && k < n; k++) {
			char day[16];
			roadmap_day_format(r[k].day, day);
			rm_json_add_copy(o, day,
					 f->def == RM_PERCENT
					     ? rm_json_hundredths(
						   llround(r[k].value * 100))
					     : cJSON_CreateNumber(r[k].value),
					 &ok);
		}
		return ok ? o : (cJSON_Delete(o), NULL);
	}
	case RM_F_PERIOD: {
		char label[16];
		return cJSON_CreateString(
		    rm_budget_label(item, label, sizeof(label)));
	}
	}
	return NULL;
}

void rm_fields_json(cJSON *o, const struct rm_field *fields, const void *item,
		    bool defaults, bool *ok)
{
	for (const struct rm_field *f = fields; *ok && f->name; f++) {
		bool omit;
		cJSON *v = value(f, item, defaults, &omit);
		if (v) {
			rm_json_add(o, f->name, v, ok);
		} else if (!omit) {
			*ok = false;
		}
	}
}

const char *rm_fields_problem(const struct rm_field *fields, const void *item,
			      const char **field)
{
	const char *base = item, *why = NULL;

	for (const struct rm_field *f = fields; f->name && !why; f++) {
		const void *at = base + f->off;
		bool has = RM_FIELD_HAS(f, item);
		*field = f->name;
		switch (f->type) {
		case RM_F_ID: {
			const char *v = AT(item, f->off, cstr);
			if ((v || f->required) && !roadmap_id_valid(v)) {
				why = f->ref == RM_REF_PILLAR
					  ? "is not a valid name"
					  : "is not a valid id";
			}
			break;
		}
		case RM_F_TEXT: {
			const char *v = AT(item, f->off, cstr);
			if (!v && f->required) {
				why = "is missing";
			} else if (v) {
				why = rm_text_problem(v, strlen(v));
			}
			break;
		}
		case RM_F_PRIORITY: {
			int v = *(const int *)at;
			if ((v != 0 || f->def != 0) && (v < 1 || v > 5)) {
				why = "must be 1 to 5";
			}
			break;
		}
		case RM_F_MONEY:
		case RM_F_FTE: {
			int64_t v = *(const int64_t *)at;
			int64_t max = f->type == RM_F_MONEY ? ROADMAP_MONEY_MAX
							    : RM_FTE_MAX;
			if (has && (v < 0 || v > max)) {
				why = "is out of range";
			}
			break;
		}
		case RM_F_IDS: {
			char *const *list = AT(item, f->off, strlist);
			size_t n = AT(item, f->flag, size_t);
			for (size_t k = 0; k < n && !why; k++) {
				if (!roadmap_id_valid(list[k])) {
					why = "holds an invalid id";
				}
			}
			break;
		}
		case RM_F_READINGS: {
			const struct roadmap_reading *r =
			    AT(item, f->off, readings);
			size_t n = AT(item, f->flag, size_t);
			for (size_t k = 0; k < n && !why; k++) {
				why = f->def == RM_PERCENT
					  ? rm_percent_problem(r[k].value)
				      : !isfinite(r[k].value)
					  ? "holds a number out of range"
					  : NULL;
			}
			break;
		}
		default:
			break;
		}
	}
	return why;
}

void rm_field_text(const struct roadmap *rm, const struct rm_field *f,
		       const void *item, char *buf, size_t size)
{
	const char *base = item;
	const void *at = base + f->off;
	bool has = RM_FIELD_HAS(f, item);
	char m[ROADMAP_NUMBER_BUF];

	snprintf(buf, size, "-");
	switch (f->type) {
	case RM_F_ID:
	case RM_F_TEXT:
		if (AT(item, f->off, cstr)) {
			snprintf(buf, size, "%s", AT(item, f->off, cstr));
		}
		break;
	case RM_F_NUMBER:
		if (has) {
			roadmap_number_format(*(const double *)at, buf);
		}
		break;
	case RM_F_DATE:
		if (has) {
			roadmap_day_format(*(const roadmap_day *)at, buf);
		}
		break;
	case RM_F_MONEY:
		if (has) {
			snprintf(buf, size, "%s %s", rm->currency,
				 roadmap_money_format(*(const int64_t *)at,
						      true, m));
		}
		break;
	case RM_F_FTE:
		snprintf(buf, size, "%s FTE",
			 rm_hundredths_format(*(const int64_t *)at, m));
		break;
	case RM_F_PRIORITY:
		if (*(const int *)at) {
			snprintf(buf, size, "%d", *(const int *)at);
		}
		break;
	case RM_F_IDS: {
		char *const *list = AT(item, f->off, strlist);
		size_t n = AT(item, f->flag, size_t), o = 0;
		for (size_t k = 0; k < n && o + 1 < size; k++) {
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
					      k ? ", " : "", list[k]);
		}
		break;
	}
	case RM_F_STAGE:
		if (*(const int *)at != (int)f->def) {
			snprintf(buf, size, "%s",
				 roadmap_stage_name((enum roadmap_stage) *
						    (const int *)at));
		}
		break;
	case RM_F_STATUS:
		snprintf(
		    buf, size, "%s",
		    roadmap_initiative_status_name(
			(enum roadmap_initiative_status) * (const int *)at));
		break;
	case RM_F_ACTUALS:
	case RM_F_READINGS:
	case RM_F_PERIOD:
		break;
	}
}

size_t rm_csv_columns(const struct rm_field *fields, bool total,
		      const struct rm_field **cols, size_t max)
{
	size_t n = 0;

	for (int rank = 1; n < max; rank++) {
		const struct rm_field *hit = NULL;
		for (const struct rm_field *f = fields; f->name; f++) {
			hit = f->csv == rank ? f : hit;
		}
		if (hit) {
			cols[n++] = hit;
		} else if (total && rank == RM_CSV_TOTAL) {
			cols[n++] = NULL;
		} else {
			break;
		}
	}
	return n;
}
