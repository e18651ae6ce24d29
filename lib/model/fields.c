/*
 * fields.c - each kind of item described once (docs/decisions.md, "One field
 * table that carries behaviour"), in the manner of tmux's options-table.c:
 * one row per field with its JSON name, type and the type's attributes
 * (a range, words, a length), its default, whether it is required or a
 * reference, where it shows (its CSV column, a line of `show`, its XLSX
 * column, the HTML page) and the `add` option that sets it. The types'
 * operations are in field-types.c; what walks the rows is below.
 */
#include "fields.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOAL(f) offsetof(struct roadmap_goal, f)
#define INIT(f) offsetof(struct roadmap_initiative, f)
#define TEAM(f) offsetof(struct roadmap_team, f)
#define BUDGET(f) offsetof(struct roadmap_budget, f)
#define F_(n) ROADMAP_FIELD_##n
#define WORDS(w) .words = w, .n_words = (int)(sizeof(w) / sizeof(w[0]))
#define SHEET(rank, h, w) .sheet = rank, .head = h, .width = w
#define ADD(rank, a, h) .add = rank, .arg = a, .help = h
/* notes: free text for people, with newlines (docs/roadmap.5.scd) */
#define RM_NOTES_MAX 4000
#define NOTES_HELP "free text, newlines allowed (at most 4,000 characters)"

const char *const rm_status_words[RM_STATUS_WORDS] = {
    "proposed", "approved", "active", "done", "cancelled", "deferred"};
/* an initiative without a stage has none (NULL) */
const char *const rm_stage_words[RM_STAGE_WORDS] = {NULL, "research", "poc",
						    "implementation"};

const struct rm_field rm_goal_fields[] = {
    {.name = F_(ID),
     .type = &rm_type_id,
     .off = GOAL(id),
     .required = true,
     .csv = 1,
     SHEET(1, "ID", 16)},
    {.name = F_(TITLE),
     .type = &rm_type_text,
     .off = GOAL(title),
     .required = true,
     .csv = 2,
     SHEET(2, "Title", 36),
     ADD(1, "T", "what the business wants (required)")},
    {.name = F_(METRIC),
     .type = &rm_type_text,
     .off = GOAL(metric),
     .csv = 3,
     .show = true,
     SHEET(3, "Metric", 24),
     ADD(2, "T", "how it is measured")},
    {.name = F_(BASELINE),
     .type = &rm_type_number,
     .off = GOAL(baseline),
     .flag = GOAL(has_baseline),
     .csv = 4,
     .show = true,
     SHEET(4, "Baseline", 10),
     ADD(3, "N", "where the metric is now")},
    {.name = F_(TARGET),
     .type = &rm_type_number,
     .off = GOAL(target),
     .flag = GOAL(has_target),
     .csv = 5,
     .show = true,
     SHEET(5, "Target", 10),
     ADD(4, "N", "where it must get to")},
    {.name = F_(UNIT),
     .type = &rm_type_text,
     .off = GOAL(unit),
     .csv = 6,
     .show = true,
     SHEET(6, "Unit", 8),
     ADD(5, "T", "the metric's unit (%, ms, USD...)")},
    {.name = F_(DUE),
     .type = &rm_type_date,
     .off = GOAL(due),
     .flag = GOAL(has_due),
     .end = true,
     .csv = 7,
     .show = true,
     SHEET(7, "Due", 12),
     ADD(6, "P", "deadline (a day, month, YYYY-Qn or FYYYYY: its last day)")},
    {.name = F_(OWNER),
     .type = &rm_type_text,
     .off = GOAL(owner),
     .csv = 8,
     .show = true,
     SHEET(8, "Owner", 18),
     ADD(7, "T", "who answers for it")},
    {.name = F_(PRIORITY),
     .type = &rm_type_whole,
     .off = GOAL(priority),
     .lo = 1,
     .hi = 5,
     .csv = 9,
     .show = true,
     SHEET(9, "Priority", 8),
     ADD(8, "N", "1 (highest) to 5")},
    {.name = F_(NOTES),
     .type = &rm_type_text,
     .off = GOAL(notes),
     .max = RM_NOTES_MAX,
     .lines = true,
     .csv = 10,
     .show = true,
     SHEET(12, "Notes", 40),
     .html = true,
     ADD(9, "T", NOTES_HELP)},
    {.name = F_(MEASUREMENTS),
     .type = &rm_type_readings,
     .off = GOAL(measurements),
     .flag = GOAL(n_measurements),
     .command = "measure"},
    {0},
};

const struct rm_field rm_initiative_fields[] = {
    {.name = F_(ID),
     .type = &rm_type_id,
     .off = INIT(id),
     .required = true,
     .csv = 1,
     SHEET(1, "ID", 16)},
    {.name = F_(TITLE),
     .type = &rm_type_text,
     .off = INIT(title),
     .required = true,
     .csv = 2,
     SHEET(2, "Title", 36),
     ADD(1, "T", "what the work is (required)")},
    {.name = F_(GOALS),
     .type = &rm_type_ids,
     .off = INIT(goals),
     .flag = INIT(n_goals),
     .ref = RM_REF_GOAL,
     .csv = 16,
     .show = true,
     SHEET(16, "Goals", 24),
     ADD(6, "G", "a goal it serves (repeat, or a,b)"),
     .option = ROADMAP_WORD_GOAL},
    {.name = F_(PILLAR),
     .type = &rm_type_id,
     .off = INIT(pillar),
     .ref = RM_REF_PILLAR,
     .csv = 3,
     .show = true,
     SHEET(3, "Pillar", 12),
     ADD(12, "P", "investment pillar (see the roadmap's pillars)")},
    {.name = F_(STAGE),
     .type = &rm_type_choice,
     .off = INIT(stage),
     WORDS(rm_stage_words),
     .def = ROADMAP_STAGE_NONE,
     .csv = 4,
     .show = true,
     SHEET(4, "Stage", 14),
     ADD(13, "S", "research, poc or implementation")},
    {.name = F_(STATUS),
     .type = &rm_type_choice,
     .off = INIT(status),
     WORDS(rm_status_words),
     .def = ROADMAP_PROPOSED,
     .csv = 5,
     .show = true,
     SHEET(5, "Status", 11),
     ADD(14, "S",
	 "proposed (default), approved, active, done, cancelled, deferred")},
    {.name = F_(OWNER),
     .type = &rm_type_text,
     .off = INIT(owner),
     .csv = 6,
     .show = true,
     SHEET(6, "Owner", 18),
     ADD(11, "T", "the accountable person")},
    {.name = F_(TEAM),
     .type = &rm_type_id,
     .off = INIT(team),
     .ref = RM_REF_TEAM,
     .csv = 7,
     .show = true,
     SHEET(7, "Team", 12),
     ADD(10, "T", "the team doing it")},
    {.name = F_(START),
     .type = &rm_type_date,
     .off = INIT(start),
     .required = true,
     .csv = 8,
     .show = true,
     SHEET(8, "Start", 12),
     ADD(2, "P",
	 "first day (YYYY-MM-DD, YYYY-MM, YYYY-Qn, FYYYYY) (required)")},
    {.name = F_(END),
     .type = &rm_type_date,
     .off = INIT(end),
     .required = true,
     .end = true,
     .csv = 9,
     .show = true,
     SHEET(9, "End", 12),
     ADD(3, "P", "last day, same syntax (required)")},
    {.name = F_(OPTIMISTIC),
     .type = &rm_type_date,
     .off = INIT(optimistic),
     .flag = INIT(has_optimistic),
     .end = true,
     .csv = 18,
     .show = true,
     SHEET(21, "Optimistic end", 14),
     ADD(4, "P", "the earliest it could end (for forecast)")},
    {.name = F_(PESSIMISTIC),
     .type = &rm_type_date,
     .off = INIT(pessimistic),
     .flag = INIT(has_pessimistic),
     .end = true,
     .csv = 19,
     .show = true,
     SHEET(22, "Pessimistic end", 15),
     ADD(5, "P", "the latest it could end (for forecast)")},
    {.name = F_(OPEX),
     .type = &rm_type_money,
     .off = INIT(opex),
     .csv = 10,
     .show = true,
     SHEET(10, "Opex", 16),
     ADD(7, "A", "operating cost (250k, 1.5M, 1,250,000, 99.95)")},
    {.name = F_(CAPEX),
     .type = &rm_type_money,
     .off = INIT(capex),
     .csv = 11,
     .show = true,
     SHEET(11, "Capex", 16),
     ADD(8, "A", "capital cost")},
    {.name = F_(FTE),
     .type = &rm_type_fte,
     .off = INIT(fte),
     .csv = 13,
     .show = true,
     SHEET(13, "FTE", 7),
     ADD(9, "N", "people on it (full-time equivalents)")},
    {.name = F_(DEPENDS_ON),
     .type = &rm_type_ids,
     .off = INIT(depends_on),
     .flag = INIT(n_depends_on),
     .ref = RM_REF_INITIATIVE,
     .csv = 17,
     .show = true,
     SHEET(17, "Depends on", 24),
     ADD(15, "I", "a prerequisite initiative (repeat, or a,b)"),
     .option = "depends-on"},
    {.name = F_(PRIORITY),
     .type = &rm_type_whole,
     .off = INIT(priority),
     .lo = 1,
     .hi = 5,
     .def = 3,
     .csv = 14,
     .show = true,
     SHEET(14, "Priority", 8),
     ADD(16, "N", "1 (highest) to 5, default 3")},
    {.name = F_(BENEFIT),
     .type = &rm_type_money,
     .off = INIT(benefit),
     .flag = INIT(has_benefit),
     .csv = 15,
     .show = true,
     SHEET(15, "Benefit", 16),
     ADD(17, "A", "the value it should deliver")},
    {.name = F_(MANDATORY),
     .type = &rm_type_flag,
     .off = INIT(mandatory),
     .csv = 21,
     .show = true,
     SHEET(24, "Mandatory", 11),
     ADD(19, NULL,
	 "regulatory, contractual or security work a cut may not "
	 "touch")},
    {.name = F_(NOTES),
     .type = &rm_type_text,
     .off = INIT(notes),
     .max = RM_NOTES_MAX,
     .lines = true,
     .csv = 20,
     .show = true,
     SHEET(23, "Notes", 40),
     .html = true,
     ADD(18, "T", NOTES_HELP)},
    {.name = F_(USEFUL_LIFE),
     .type = &rm_type_whole,
     .off = INIT(useful_life),
     .lo = 1,
     .hi = RM_USEFUL_LIFE_MAX,
     .csv = 22,
     .show = true,
     SHEET(25, "Useful life (months)", 10),
     ADD(20, "N",
	 "months its capex is amortized over (default "
	 "policy.useful_life)"),
     .option = "useful-life"},
    {.name = F_(IN_SERVICE),
     .type = &rm_type_date,
     .off = INIT(in_service),
     .flag = INIT(has_in_service),
     .csv = 23,
     .show = true,
     SHEET(26, "In service", 12),
     ADD(21, "P",
	 "the day it is placed in service (default: the day "
	 "after its end)"),
     .option = "in-service"},
    {.name = F_(ACTUALS),
     .type = &rm_type_actuals,
     .off = INIT(actuals),
     .flag = INIT(n_actuals),
     .command = "actual"},
    {.name = F_(PROGRESS),
     .type = &rm_type_readings,
     .off = INIT(progress),
     .flag = INIT(n_progress),
     .percent = true,
     .command = F_(PROGRESS)},
    {0},
};

const struct rm_field rm_team_fields[] = {
    {.name = F_(ID),
     .type = &rm_type_id,
     .off = TEAM(id),
     .required = true,
     .csv = 1},
    {.name = F_(CAPACITY),
     .type = &rm_type_fte,
     .off = TEAM(capacity),
     .required = true,
     .csv = 2,
     .show = true,
     ADD(1, "N", "FTE available (required)")},
    {.name = F_(CAPACITY_CHANGES),
     .type = &rm_type_readings,
     .off = TEAM(capacity_changes),
     .flag = TEAM(n_capacity_changes),
     .fte = true,
     .command = F_(CAPACITY)},
    {0},
};

const struct rm_field rm_budget_fields[] = {
    {.name = F_(PERIOD), .type = &rm_type_period, .required = true, .csv = 1},
    {.name = F_(PILLAR),
     .type = &rm_type_id,
     .off = BUDGET(pillar),
     .ref = RM_REF_PILLAR,
     .csv = 2,
     ADD(1, "P", "the envelope funds one pillar only")},
    {.name = F_(AMOUNT),
     .type = &rm_type_money,
     .off = BUDGET(amount),
     .required = true,
     .csv = 3},
    {0},
};

const struct rm_field *rm_fields_of(enum roadmap_kind kind)
{
	switch (kind) {
	case ROADMAP_KIND_GOAL:
		return rm_goal_fields;
	case ROADMAP_KIND_INITIATIVE:
		return rm_initiative_fields;
	case ROADMAP_KIND_TEAM:
		return rm_team_fields;
	case ROADMAP_KIND_BUDGET:
		return rm_budget_fields;
	}
	return NULL;
}

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

bool rm_csv_total(int rank)
{
	return rank == RM_CSV_TOTAL;
}

size_t rm_field_columns(const struct rm_field *fields, bool sheet,
			bool (*computed)(int rank),
			const struct rm_field **cols, size_t max)
{
	size_t n = 0;

	for (int rank = 1; n < max; rank++) {
		const struct rm_field *hit = NULL;
		for (const struct rm_field *f = fields; f->name; f++) {
			hit = (sheet ? f->sheet : f->csv) == rank ? f : hit;
		}
		if (hit || (computed && computed(rank))) {
			cols[n++] = hit;
		} else {
			break;
		}
	}
	return n;
}

void rm_fields_init(const struct rm_field *fields, void *item)
{
	for (const struct rm_field *f = fields; f->name; f++) {
		if (f->type->init) {
			f->type->init(f, item);
		}
	}
}

bool rm_fields_copy(const struct rm_field *fields, void *dst, const void *src)
{
	bool ok = true;

	/* every field is made the copy's own (or NULL) before any fails, so
	 * that the copy can be released */
	for (const struct rm_field *f = fields; f->name; f++) {
		if (f->type->copy) {
			ok = f->type->copy(f, dst, src) && ok;
		}
	}
	return ok;
}

void rm_fields_release(const struct rm_field *fields, void *item)
{
	for (const struct rm_field *f = fields; f->name; f++) {
		if (f->type->release) {
			f->type->release(f, item);
		}
	}
}

void rm_fields_json(cJSON *o, const struct rm_field *fields, const void *item,
		    bool defaults, bool *ok)
{
	for (const struct rm_field *f = fields; *ok && f->name; f++) {
		bool omit;
		cJSON *v = f->type->json(f, item, defaults, &omit);
		if (v) {
			rm_json_add(o, f->name, v, ok);
		} else if (!omit) {
			*ok = false;
		}
	}
}

const char *rm_fields_problem(const struct rm_field *fields, const void *item,
			      const char **field, char *buf, size_t size)
{
	const char *why = NULL;

	for (const struct rm_field *f = fields; f->name && !why; f++) {
		*field = f->name;
		why = f->type->problem ? f->type->problem(f, item, buf, size)
				       : NULL;
	}
	return why;
}

enum roadmap_status rm_fields_refs(const struct rm_field *fields,
				   const struct roadmap *rm, const void *item,
				   struct roadmap_error *err)
{
	enum roadmap_status st = ROADMAP_OK;

	for (const struct rm_field *f = fields; f->name && !st; f++) {
		st = f->type->refs ? f->type->refs(f, rm, item, err)
				   : ROADMAP_OK;
	}
	return st;
}

bool rm_field_text(const struct roadmap *rm, const struct rm_field *f,
		   const void *item, bool people, struct strbuf *out)
{
	out->len = 0;
	sb_put(out, "", 0);
	if (f->type->text) {
		f->type->text(f, rm, item, people, out);
	} else {
		sb_puts(out, people ? "-" : "");
	}
	return !out->failed;
}

enum roadmap_status rm_field_parse(const struct rm_field *f, const char *v,
				   void *item, const struct rm_parse *p,
				   struct roadmap_error *err)
{
	return f->type->parse(f, v, item, p, err);
}

/* ------------------------------------------------------ the public view */

bool roadmap_field_option(enum roadmap_kind kind, size_t i,
			  struct roadmap_field_option *out)
{
	const struct rm_field *fields = rm_fields_of(kind), *hit = NULL;

	for (const struct rm_field *f = fields; f && f->name && !hit; f++) {
		hit = f->add == (int)i + 1 ? f : NULL;
	}
	if (!hit) {
		return false;
	}
	out->field = hit->name;
	out->option = hit->option ? hit->option : hit->name;
	out->arg = hit->arg;
	out->help = hit->help;
	out->required = hit->required;
	out->list = hit->type->list;
	out->flag = hit->type->boolean;
	return true;
}

const char *roadmap_field_settable(enum roadmap_kind kind, size_t i)
{
	const struct rm_field *fields = rm_fields_of(kind);

	/* every field but the first, the id (a budget's period), and those
	 * recorded by their own commands */
	for (const struct rm_field *f = fields ? fields + 1 : NULL;
	     f && f->name; f++) {
		if (f->type->parse && i-- == 0) {
			return f->name;
		}
	}
	return NULL;
}
