/*
 * roadmap-report.h - libroadmap's reports: item rows and CSV, the checks,
 * the budget views, the exports, the schedule and the diff.
 *
 * Included by roadmap.h (include either); the conventions are roadmap.h's.
 */
#ifndef ROADMAP_REPORT_H
#define ROADMAP_REPORT_H

#include "roadmap.h"

#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------- tables */

/*
 * Rows of text cells for one kind of item, with the columns of the CSV
 * export (roadmap(1), export). cells holds (n_rows + 1) * n_cols strings, the
 * header row first; text[c] tells whether column c holds free text (which the
 * CSV writer guards against formula injection). Money is "1250000.00", dates
 * are ISO, lists are joined with ';'.
 */
struct roadmap_rows {
	size_t n_cols;
	size_t n_rows;
	const char *const *cells;
	bool *text;
	void *arena; /* private: where the library keeps the cells' text */
};

/*
 * Builds rows for the items at the n indexes idx (all items, in file order,
 * when idx is NULL). The caller releases *out with roadmap_rows_release().
 * ROADMAP_ERR_NOMEM on failure.
 */
ROADMAP_API enum roadmap_status roadmap_rows_build(const struct roadmap *rm,
						   enum roadmap_kind kind,
						   const size_t *idx, size_t n,
						   struct roadmap_rows *out,
						   struct roadmap_error *err);
/* Frees the cells of rows (not rows itself). Accepts NULL. */
ROADMAP_API void roadmap_rows_release(struct roadmap_rows *rows);

/*
 * RFC 4180 CSV of rows (LF line ends, no BOM); a text cell starting with
 * '=', '+', '-', '@', a tab or a CR gets a leading "'". *out is malloc'ed,
 * NUL-terminated; the caller frees it. ROADMAP_ERR_NOMEM on failure.
 */
ROADMAP_API enum roadmap_status
roadmap_rows_csv(const struct roadmap_rows *rows, char **out, size_t *len,
		 struct roadmap_error *err);

/*
 * A JSON array of the items at idx (all when idx is NULL) with the file's
 * field names and defaults filled in; optional fields without a default are
 * null. *out is malloc'ed; the caller frees it. ROADMAP_ERR_NOMEM on failure.
 */
ROADMAP_API enum roadmap_status roadmap_items_json(const struct roadmap *rm,
						   enum roadmap_kind kind,
						   const size_t *idx, size_t n,
						   char **out,
						   struct roadmap_error *err);

/*
 * One goal, initiative or team as a JSON object, as in roadmap_items_json()
 * plus what is computed about it ("kind", and for initiatives "total" and
 * the quarterly "spend"; for goals the initiatives serving it and its
 * planned total). ROADMAP_ERR_DATA when there is no such item.
 */
/*
 * The fields of goal, initiative or team id as text for people, in the
 * file's order, one row each (field, value; "-" when absent), after a
 * header row; the id, a title and actuals are left to the caller. Release
 * with roadmap_rows_release().
 */
ROADMAP_API enum roadmap_status roadmap_item_fields(const struct roadmap *rm,
						    const char *id,
						    struct roadmap_rows *out,
						    struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_item_json(const struct roadmap *rm,
						  const char *id, char **out,
						  struct roadmap_error *err);
/* The same with, for a goal or an initiative, "tracking": its figures as
 * of a day (roadmap(1), status, as in roadmap_tracking_json() with "as_of"),
 * null for an initiative that does not count or has not started by then. */
ROADMAP_API enum roadmap_status
roadmap_item_json_as_of(const struct roadmap *rm, const char *id,
			roadmap_day as_of, char **out,
			struct roadmap_error *err);
struct roadmap_check_options; /* below, with the check */
/* The same, with "findings" those of roadmap_item_findings() with check
 * options o (NULL: the plain check, as the two above): `show ID --as-of
 * DATE` passes that day, so that it lists the day's findings as `check
 * --as-of DATE` does. */
ROADMAP_API enum roadmap_status
roadmap_item_json_check(const struct roadmap *rm, const char *id,
			roadmap_day as_of,
			const struct roadmap_check_options *o, char **out,
			struct roadmap_error *err);

/* ------------------------------------------------------------- check */

enum roadmap_severity {
	ROADMAP_SEVERITY_ERROR,
	ROADMAP_SEVERITY_WARNING,
	ROADMAP_SEVERITY_INFO,
};

/* "error", "warning" or "info". Static. */
ROADMAP_API const char *roadmap_severity_name(enum roadmap_severity s);

/* What a finding's amount measures (see roadmap_finding). */
enum roadmap_amount_kind {
	ROADMAP_AMOUNT_NONE,  /* the finding carries no amount */
	ROADMAP_AMOUNT_MONEY, /* cents of the roadmap's currency */
	ROADMAP_AMOUNT_FTE,   /* hundredths of an FTE */
};

/* A finding against a baseline (roadmap_findings_subtract()). */
enum roadmap_baseline_state {
	ROADMAP_BASELINE_NONE,	  /* no baseline was subtracted */
	ROADMAP_BASELINE_NEW,	  /* its fingerprint is not the baseline's */
	ROADMAP_BASELINE_UPDATED, /* known, but its amount grew */
};

struct roadmap_finding {
	enum roadmap_severity severity;
	const char *code; /* static: "dependency-cycle", ... */
	char *subject;	  /* an id, an owner, "team@2026-Q3", "2026-Q3/x" */
	char *message;	  /* for people */
	const char *const *related; /* sorted ids */
	size_t n_related;
	/* the line of the item it is about (the initiative, goal, team or
	 * envelope; an owner's first related initiative) in the file the
	 * roadmap was loaded from; 0 when it concerns no one item (a
	 * quarter's unbudgeted spend, a pillar's mix) or the item was not
	 * loaded from a file */
	long line;
	/* 32 hex digits from the code, subject and related ids (and, for
	 * actuals-overrun, the quarter): never from lines or wording, so
	 * reformatting or reordering the file changes none (roadmap(1), check)
	 */
	char fingerprint[33];
	/* How bad it is, exactly, so that a baseline can tell a finding that
	 * grew (never part of the fingerprint): budget-overrun's,
	 * actuals-overrun's and cost-at-risk's excess, unbudgeted-spend's
	 * uncovered spend and envelope-mismatch's difference in cents;
	 * capacity-overrun's load above capacity in hundredths of an FTE.
	 * Other rules carry none. */
	enum roadmap_amount_kind amount_kind;
	int64_t amount;
	/* set by roadmap_findings_subtract(); for an updated finding, the
	 * baseline's amount */
	enum roadmap_baseline_state baseline;
	int64_t baseline_amount;
};

struct roadmap_findings {
	struct roadmap_finding *items; /* errors, warnings, infos; by code,
					  then subject */
	size_t n;
	size_t errors, warnings, infos;
	/* set by roadmap_findings_subtract(): how many known findings it
	 * left out, and how many known ones it kept because they grew */
	bool baselined;
	size_t known;
	size_t grew;
	char currency[4]; /* of the roadmap checked: the amounts' unit */
};

/*
 * Runs the alignment check of roadmap(1), CHECK RULES into *out (caller-owned
 * storage, released with roadmap_findings_release()). ROADMAP_ERR_NOMEM or
 * ROADMAP_ERR_DATA (a sum that would overflow) on failure.
 */
ROADMAP_API enum roadmap_status roadmap_check(const struct roadmap *rm,
					      struct roadmap_findings *out,
					      struct roadmap_error *err);
/*
 * The check with options: as of a day (has_as_of), the time rules of
 * roadmap(1), status run too (initiative-late, goal-at-risk, cost-at-risk);
 * without it no rule depends on the clock.
 */
struct roadmap_check_options {
	bool has_as_of;
	roadmap_day as_of;
	/* the library may start threads (at most three; the findings are
	 * the same, in the same order) */
	bool threads;
};
ROADMAP_API enum roadmap_status
roadmap_check_opt(const struct roadmap *rm,
		  const struct roadmap_check_options *o,
		  struct roadmap_findings *out, struct roadmap_error *err);
/*
 * The findings of the check run with o (NULL: the plain check, as
 * roadmap_check()) that concern id, as their subject or a related id, in
 * the check's order and counted by severity: what `show ID` lists, from
 * the same computation as `check` with the same options. Released with
 * roadmap_findings_release(); fails as roadmap_check_opt().
 */
ROADMAP_API enum roadmap_status
roadmap_item_findings(const struct roadmap *rm, const char *id,
		      const struct roadmap_check_options *o,
		      struct roadmap_findings *out, struct roadmap_error *err);
/* Frees what roadmap_check() put in f. Accepts NULL. */
ROADMAP_API void roadmap_findings_release(struct roadmap_findings *f);

/*
 * {"errors","warnings","infos","findings":[...]} as in roadmap(1), CHECK RULES,
 * each finding with its "line" (null when 0) and "fingerprint"; after
 * roadmap_findings_subtract() also "known" and "grew", and each finding's
 * "baseline_state" ("new" or "updated"). *out is malloc'ed; the caller
 * frees it.
 */
ROADMAP_API enum roadmap_status
roadmap_findings_json(const struct roadmap_findings *f, char **out,
		      struct roadmap_error *err);

/* ----------------------------------------------------------- pipelines */

/* A rule of the check, described by the man page's CHECK RULES section. */
struct roadmap_rule {
	const char *code;
	enum roadmap_severity severity; /* of its findings */
	const char *about;   /* "subject: initiative; related: the goal" */
	const char *summary; /* the first sentence of help */
	const char *help;    /* what it means and how to fix it */
};

/* Every rule, in the man page's order; *n is set to their number. */
ROADMAP_API const struct roadmap_rule *roadmap_rules(size_t *n);

/*
 * A gate on what a change introduces: leaves out of f the findings whose
 * fingerprint is among old's, unless the finding's amount grew against
 * old's finding of that fingerprint (same kind, and for money the same
 * currency): such a finding stays, marked ROADMAP_BASELINE_UPDATED with
 * old's amount, its message saying so; the others that stay are
 * ROADMAP_BASELINE_NEW. Recounts errors, warnings and infos and records
 * how many were left out and how many grew (f->known, f->grew,
 * f->baselined).
 */
ROADMAP_API void roadmap_findings_subtract(struct roadmap_findings *f,
					   const struct roadmap_findings *old);

struct roadmap_pipeline_options {
	const char *file; /* the roadmap's path as given, for locations */
	bool strict;	  /* warnings fail too (JUnit failures) */
};

/*
 * Findings for pipelines (roadmap(1), check), each *out malloc'ed and
 * NUL-terminated for the caller to free; ROADMAP_ERR_NOMEM on failure.
 *  - SARIF 2.1.0: one run, a rule per check rule with the man page's help,
 *    a result per finding with level, location and partialFingerprints
 *    (after roadmap_findings_subtract() also baselineState, "new" or
 *    "updated").
 *  - JUnit XML: one testsuite, a testcase per rule; a rule whose findings
 *    fail the check (errors; with strict, warnings too) has a failure
 *    listing them, its other findings go to its system-out.
 *  - GitHub workflow commands: "::error file=F,line=N,title=CODE::text"
 *    per finding (warning, notice for the other severities), escaped as
 *    the runner requires.
 */
ROADMAP_API enum roadmap_status
roadmap_findings_sarif(const struct roadmap_findings *f,
		       const struct roadmap_pipeline_options *o, char **out,
		       struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_findings_junit(const struct roadmap_findings *f,
		       const struct roadmap_pipeline_options *o, char **out,
		       struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_findings_github(const struct roadmap_findings *f,
			const struct roadmap_pipeline_options *o, char **out,
			struct roadmap_error *err);

/* ------------------------------------------------------------- budget */

enum roadmap_budget_by {
	ROADMAP_BY_QUARTER,
	ROADMAP_BY_YEAR,
	ROADMAP_BY_PILLAR,
	ROADMAP_BY_GOAL,
	ROADMAP_BY_TEAM,
	/* calendar months ("2026-07"): planned spend spread by days; no
	 * envelope or actual is compared (they are kept by quarter) */
	ROADMAP_BY_MONTH,
};

/* "quarter", "year", ...; roadmap_budget_by_parse returns -1 if unknown. */
ROADMAP_API const char *roadmap_budget_by_name(enum roadmap_budget_by by);
ROADMAP_API int roadmap_budget_by_parse(const char *name);

struct roadmap_budget_row {
	char *key; /* "2026-Q1", "FY2026", a pillar, goal or team id,
		      "(none)" or "(unaligned)" */
	int64_t opex, capex, total;
	/* The envelopes the row uses (roadmap(1), budget); envelope, covered
	 * and variance mean nothing without has_envelope. */
	bool has_envelope;
	int64_t envelope;
	int64_t covered;   /* planned spend inside those envelopes */
	int64_t variance;  /* envelope - covered: negative is an overrun */
	int64_t uncovered; /* total - covered (total without envelopes) */
	/* Actuals, compared per (initiative, quarter) pair that has one;
	 * meaningless without has_actuals. */
	bool has_actuals;
	int64_t actual;
	/* the actual's opex and capex; actual_estimated when some of them
	 * is an unsplit actual's estimate (roadmap_actual_kinds) */
	int64_t actual_opex, actual_capex;
	bool actual_estimated;
	int64_t planned_where_actual; /* planned spend of those pairs */
	int64_t actual_variance;      /* planned_where_actual - actual */
	/* By pillar only (roadmap(1), budget): the row's share of the
	 * planned total in tenths of a percent (385 is 38.5%), to the
	 * nearest, halves up, as check's mix-off-target counts it; the TOTAL
	 * row's is 1000. No share (has_share false) in other views or when
	 * the planned total is 0. The pillar's policy.target_mix entry in
	 * hundredths of a percent (4000 is 40%); the TOTAL row's is the sum
	 * of the rows' targets. has_target false where there is none. */
	bool has_share, has_target;
	int64_t share;
	int64_t target;
};

struct roadmap_budget_report {
	enum roadmap_budget_by by;
	struct roadmap_budget_row *rows;
	size_t n;
	struct roadmap_budget_row total; /* key "total"; sums of the rows */
	/* Planned spend in quarters that no envelope of any kind touches:
	 * the sum of check's unbudgeted-spend findings. */
	int64_t unbudgeted;
};

/* The money columns of a budget row, in the order of roadmap(1), budget. */
enum roadmap_budget_column {
	ROADMAP_BUDGET_OPEX,
	ROADMAP_BUDGET_CAPEX,
	ROADMAP_BUDGET_TOTAL,
	ROADMAP_BUDGET_ENVELOPE,
	ROADMAP_BUDGET_COVERED,
	ROADMAP_BUDGET_VARIANCE,
	ROADMAP_BUDGET_UNCOVERED,
	ROADMAP_BUDGET_ACTUAL,
	ROADMAP_BUDGET_ACTUAL_OPEX,
	ROADMAP_BUDGET_ACTUAL_CAPEX,
	ROADMAP_BUDGET_PLANNED_WHERE_ACTUAL,
	ROADMAP_BUDGET_ACTUAL_VARIANCE,
	ROADMAP_BUDGET_COLUMNS /* how many */
};
/* The column's JSON and CSV name (opex, ..., actual, actual_opex,
 * actual_capex, planned_where_actual, actual_variance). */
ROADMAP_API const char *
roadmap_budget_column_name(enum roadmap_budget_column col);
/* Sets *v to the column's value in row r; false (and *v 0) where the
 * column is null in that row (no envelope, no actual). */
ROADMAP_API bool roadmap_budget_value(const struct roadmap_budget_row *r,
				      enum roadmap_budget_column col,
				      int64_t *v);

/* The row's share (target false) or target share (target true) as text
 * into buf of ROADMAP_NUMBER_BUF bytes: the share with one decimal
 * ("38.5"), the target with one or, where it has them, two ("40.0",
 * "12.25"); NULL where the value is null. */
ROADMAP_API const char *
roadmap_budget_share_text(const struct roadmap_budget_row *r, bool target,
			  char *buf);

/*
 * The CFO's view of roadmap(1), budget. *out is caller storage released with
 * roadmap_budget_report_release(). ROADMAP_ERR_NOMEM, or ROADMAP_ERR_DATA
 * when a sum would overflow.
 */
ROADMAP_API enum roadmap_status
roadmap_budget_report(const struct roadmap *rm, enum roadmap_budget_by by,
		      struct roadmap_budget_report *out,
		      struct roadmap_error *err);
ROADMAP_API void roadmap_budget_report_release(struct roadmap_budget_report *r);
/* The JSON of roadmap(1), budget. *out is malloc'ed; the caller frees it. */
ROADMAP_API enum roadmap_status
roadmap_budget_report_json(const struct roadmap *rm,
			   const struct roadmap_budget_report *r, char **out,
			   struct roadmap_error *err);

/*
 * Splits an initiative's cost equally among the goals it serves that exist
 * (the spreading rule of roadmap(1), budget: largest remainder, ties to the
 * earlier goal): the total by that rule, opex by the same rule and capex as the
 * rest, so each goal's opex plus capex is its share of the total. The caller
 * passes arrays of in->n_goals elements; *n is set to the number of existing
 * goals and goal[k] to their indexes. ROADMAP_ERR_NOMEM on failure.
 */
ROADMAP_API enum roadmap_status
roadmap_goal_shares(const struct roadmap *rm,
		    const struct roadmap_initiative *in, size_t *goal,
		    int64_t *opex, int64_t *capex, size_t *n);
/*
 * The planned cost of goal id: its shares of every counting initiative
 * that serves it, the sum checked. ROADMAP_ERR_DATA for an unknown goal
 * or a total past the largest amount, ROADMAP_ERR_NOMEM.
 */
ROADMAP_API enum roadmap_status roadmap_goal_planned(const struct roadmap *rm,
						     const char *id,
						     int64_t *total,
						     struct roadmap_error *err);

/* ----------------------------------------------------------- tables */

/*
 * The CSV tables of roadmap(1), export. BUDGET is the report of section 7 by
 * quarter, BUDGETS the envelopes (period,pillar,amount) that import reads back,
 * ACTUALS the recorded actual spend (initiative,quarter,amount,opex,capex,
 * estimated: the kinds as recorded, or an unsplit amount's estimate), TEAMS the
 * teams (id,capacity), PROGRESS the initiatives' recorded progress
 * (initiative,date,percent) and MEASUREMENTS the goals' (goal,date,value).
 */
enum roadmap_table {
	ROADMAP_TABLE_INITIATIVES,
	ROADMAP_TABLE_GOALS,
	ROADMAP_TABLE_TEAMS,
	ROADMAP_TABLE_BUDGETS,
	ROADMAP_TABLE_ACTUALS,
	ROADMAP_TABLE_BUDGET,
	ROADMAP_TABLE_FINDINGS,
	ROADMAP_TABLE_SCHEDULE,
	ROADMAP_TABLE_PROGRESS,
	ROADMAP_TABLE_MEASUREMENTS,
};

/* "initiatives", ...; roadmap_table_parse returns -1 for an unknown name. */
ROADMAP_API const char *roadmap_table_name(enum roadmap_table t);
ROADMAP_API int roadmap_table_parse(const char *name);

/*
 * Rows of one table for the whole roadmap. A schedule of a roadmap with a
 * dependency cycle is ROADMAP_ERR_DATA. Release with roadmap_rows_release().
 */
ROADMAP_API enum roadmap_status roadmap_table_rows(const struct roadmap *rm,
						   enum roadmap_table t,
						   struct roadmap_rows *out,
						   struct roadmap_error *err);

/* ----------------------------------------------------------- exports */

enum roadmap_export_format {
	ROADMAP_EXPORT_CSV,
	ROADMAP_EXPORT_JSON,
	ROADMAP_EXPORT_XLSX,
	ROADMAP_EXPORT_MD,
	ROADMAP_EXPORT_HTML,
	ROADMAP_EXPORT_ICS,
};

/* "csv", "json", "xlsx", "md", "html", "ics"; the parser returns -1 for an
 * unknown name. */
ROADMAP_API const char *
roadmap_export_format_name(enum roadmap_export_format f);
ROADMAP_API int roadmap_export_format_parse(const char *name);

/*
 * The text of a CSV (one table), JSON ("roadmap-export/1") or Markdown
 * export (roadmap(1), export). The same roadmap gives the same bytes; a
 * timestamp is added only when the environment sets SOURCE_DATE_EPOCH. *out is
 * malloc'ed and NUL-terminated; the caller frees it.
 */
ROADMAP_API enum roadmap_status
roadmap_export_text(const struct roadmap *rm, enum roadmap_export_format f,
		    enum roadmap_table table, char **out, size_t *len,
		    struct roadmap_error *err);

/*
 * SOURCE_DATE_EPOCH (whole seconds, up to 2200) as an ISO timestamp in
 * buf, with *when (when not NULL) set to it; NULL when it is unset or bad.
 */
ROADMAP_API const char *roadmap_source_date(char *buf, size_t n,
					    time_t *when);

/*
 * Options of the exports: as of a day (has_as_of), a roadmap that records
 * progress or measurements gains its tracking figures (roadmap(1), status):
 * "tracking" in the JSON, a section in the Markdown, columns on the deck's
 * Goals and Initiatives sheets. Without it, or without records, nothing depends
 * on the day.
 */
struct roadmap_export_options {
	bool has_as_of;
	roadmap_day as_of;
	/* the selection the roadmap was narrowed to (roadmap_select()), in
	 * words (roadmap_selection_text()), or NULL: the Markdown, HTML and
	 * deck name it under their title, the JSON as "selection" */
	const char *selection;
	/* the scenario the roadmap is seen through (roadmap_scenario_use()),
	 * or NULL: named as the selection is */
	const char *scenario;
	/* the findings to list, or NULL: the exports check rm themselves. A
	 * selection's export passes check's findings of the whole roadmap
	 * about the selected initiatives (roadmap_findings_select()), so
	 * it lists what `check` with that selection does, not what a
	 * roadmap without the rest would break */
	const struct roadmap_findings *findings;
};
struct roadmap_selection;
/*
 * The findings an export of a selection lists (opt->findings): rm, the
 * whole roadmap, checked as the exports check (of opt's day when it
 * records progress or measurements), those about the selection kept
 * (roadmap_findings_select()). Release *out with
 * roadmap_findings_release().
 */
ROADMAP_API enum roadmap_status
roadmap_export_findings(const struct roadmap *rm,
			const struct roadmap_selection *sel,
			const struct roadmap_export_options *opt,
			struct roadmap_findings *out, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_export_text_opt(const struct roadmap *rm, enum roadmap_export_format f,
			enum roadmap_table table,
			const struct roadmap_export_options *opt, char **out,
			size_t *len, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_export_xlsx_opt(const struct roadmap *rm, const char *path,
			const struct roadmap_export_options *opt,
			struct roadmap_error *err);

/*
 * Writes the XLSX board deck to path through a temporary file in the same
 * directory and a rename ("-": to standard output), so a failed export
 * leaves no partial file. ROADMAP_ERR_CANTCREAT, ROADMAP_ERR_IO,
 * ROADMAP_ERR_DATA (a sheet would pass 1,048,575 rows) or ROADMAP_ERR_NOMEM.
 */
ROADMAP_API enum roadmap_status roadmap_export_xlsx(const struct roadmap *rm,
						    const char *path,
						    struct roadmap_error *err);

/* ----------------------------------------------------------- import */

struct roadmap_import_options {
	int table;	/* an enum roadmap_table for CSV, or -1: from the
			   header's columns (JSON imports take every kind) */
	bool update;	/* existing ids are updated instead of refused */
	char delimiter; /* CSV: ',', ';' or '\t'; 0: ';' or tab when the
			   header splits only on that, else ',' */
	/* CSV: header names, comma-separated (spaces around each name
	 * trimmed), whose columns are skipped: neither checked nor
	 * imported. A name the header lacks is ROADMAP_ERR_USAGE, as is
	 * a list given with a JSON file. NULL: none. */
	const char *ignore_columns;
};

struct roadmap_import_report {
	size_t added, updated;
	const char *const *changes; /* "add initiative \"x\"", ... */
	size_t n_changes;
	struct roadmap_error *errors; /* the first 20 */
	size_t n_errors;
	size_t total_errors; /* all of them */
	/* JSON: the file's settings that differ from the roadmap's and were
	 * left out ("name, fiscal_year_start, pillars, policy"), or NULL */
	char *not_merged;
};

/*
 * Merges a CSV table or a JSON document (a roadmap file or an export) into
 * rm, all or nothing: on ROADMAP_ERR_DATA every bad row is in the report
 * (FILE:LINE: column "x": ...) and rm must be discarded, not saved; on
 * ROADMAP_ERR_USAGE (a bad opt->ignore_columns) likewise. A
 * UTF-8 byte order mark is accepted. A JSON file's quarter and year labels
 * are converted from its fiscal calendar to rm's (a label that is not a
 * whole period there is an error, as is another currency). Release the report
 * with roadmap_import_report_release().
 */
ROADMAP_API enum roadmap_status
roadmap_import(struct roadmap *rm, const char *name, const char *data,
	       size_t len, const struct roadmap_import_options *opt,
	       struct roadmap_import_report *report);
ROADMAP_API void
roadmap_import_report_release(struct roadmap_import_report *report);

/* ----------------------------------------------------------- diff */

/*
 * What changed from old to new (roadmap(1), diff): items added and removed,
 * fields changed (old -> new, with defaults filled in so that leaving out a
 * default is no change), and planned spend per quarter. *out is the JSON
 * document ({"added","removed","changed","spend"}; ROADMAP_OUTPUT_JSON) or
 * the text for people (ROADMAP_OUTPUT_TEXT), malloc'ed; *differs tells
 * whether anything changed.
 */
ROADMAP_API enum roadmap_status roadmap_diff(const struct roadmap *old_rm,
					     const struct roadmap *new_rm,
					     enum roadmap_output form,
					     char **out, bool *differs,
					     struct roadmap_error *err);

/* ----------------------------------------------------------- schedule */

struct roadmap_schedule_row {
	size_t index; /* of the initiative */
	roadmap_day earliest_start, earliest_end;
	roadmap_day latest_start, latest_end;
	int64_t slack_days, shift_days; /* exact, whatever the chain */
	bool critical;
};

struct roadmap_schedule {
	struct roadmap_schedule_row
	    *rows; /* counting initiatives, file order */
	size_t n;
	roadmap_day project_end;
};

/*
 * The critical-path schedule of roadmap(1), schedule over counting initiatives.
 * A dependency cycle is ROADMAP_ERR_DATA with the loop in the message.
 * Release *out with roadmap_schedule_release().
 */
ROADMAP_API enum roadmap_status roadmap_schedule(const struct roadmap *rm,
						 struct roadmap_schedule *out,
						 struct roadmap_error *err);
ROADMAP_API void roadmap_schedule_release(struct roadmap_schedule *s);
/*
 * Moves every shifted initiative to its earliest dates: start, end and the
 * optimistic and pessimistic ends by its shift, nothing else (cost,
 * actuals and progress stay; cost follows the dates). Sets *moved (if not
 * NULL) to how many moved. A move past the years 1900-2200 is
 * ROADMAP_ERR_DATA and nothing moves.
 */
ROADMAP_API enum roadmap_status
roadmap_schedule_apply(struct roadmap *rm, const struct roadmap_schedule *s,
		       size_t *moved, struct roadmap_error *err);
/* Rows of a budget report, findings or a schedule, with the CSV columns of
 * their JSON fields. Release with roadmap_rows_release(). */
ROADMAP_API enum roadmap_status
roadmap_budget_rows(const struct roadmap_budget_report *r,
		    struct roadmap_rows *out, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_findings_rows(const struct roadmap_findings *f,
		      struct roadmap_rows *out, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_schedule_rows(const struct roadmap *rm,
		      const struct roadmap_schedule *s,
		      struct roadmap_rows *out, struct roadmap_error *err);

/* A JSON array of the schedule rows. *out is malloc'ed. */
ROADMAP_API enum roadmap_status
roadmap_schedule_json(const struct roadmap *rm,
		      const struct roadmap_schedule *s, char **out,
		      struct roadmap_error *err);

/*
 * Planned spend of every counting initiative per fiscal quarter, exact
 * (the spreading rule of roadmap(1), budget). For initiative i, quarters q0[i]
 * .. q0[i] + n[i] - 1 hold opex[off[i] + k] and capex[off[i] + k]. n[i] is 0
 * for initiatives that do not count or end before they start.
 */
struct roadmap_spend {
	size_t n_initiatives;
	int *q0;
	int *n;
	size_t *off;
	int64_t *opex;
	int64_t *capex;
	bool any;	/* some initiative has spend quarters */
	int qmin, qmax; /* the range of quarters with planned spend */
};
/* Fills caller storage *out; ROADMAP_ERR_NOMEM on failure (nothing to
 * release then). roadmap_spend_release() frees what it holds; accepts
 * NULL. */
ROADMAP_API enum roadmap_status roadmap_spend_build(const struct roadmap *rm,
						    struct roadmap_spend *out,
						    struct roadmap_error *err);
ROADMAP_API void roadmap_spend_release(struct roadmap_spend *s);

/* ---------------------------------------------------------- tracking */

enum roadmap_goal_state {
	ROADMAP_GOAL_UNKNOWN, /* no baseline and target to measure against */
	ROADMAP_GOAL_ACHIEVED,
	ROADMAP_GOAL_ON_TRACK,
	ROADMAP_GOAL_AT_RISK,
	ROADMAP_GOAL_MISSED,
	/* no measurement on or before the day, whatever its baseline,
	 * target or due date */
	ROADMAP_GOAL_NOT_MEASURED,
};
/* "achieved", "on-track", "at-risk", "missed", "not-measured"; NULL for
 * UNKNOWN. */
ROADMAP_API const char *roadmap_goal_state_name(enum roadmap_goal_state s);

/*
 * One started initiative's earned value (roadmap(1), status). Money in cents,
 * each rounded to the cent (halves up) from the exact figure; sv and cv are
 * differences of the rounded ev, pv and ac, so a table adds up. Ratios
 * are rounded to three decimals from the exact figures; has_ flags are
 * false where a divisor is 0.
 */
struct roadmap_earned_value {
	size_t index; /* roadmap_initiative_at() */
	int64_t bac, pv, ev, ac, sv, cv;
	double planned_pct; /* elapsed days / duration, percent, 2 decimals */
	double progress;    /* percent, the latest record on or before */
	bool has_spi, has_cpi, has_eac;
	double spi, cpi;
	int64_t eac, vac;
	bool late;
	/* EAC (AC while nothing is earned) above BAC by more than the
	 * policy's actuals_tolerance percent */
	bool cost_at_risk;
	/* with a baseline: in_baseline, and then the end's slip in days and
	 * the change of BAC against the same id there */
	bool in_baseline;
	int64_t slip_days, bac_change;
};

struct roadmap_goal_tracking {
	size_t index; /* roadmap_goal_at() */
	bool has_current;
	double current; /* the latest measurement on or before, else the
			   baseline */
	bool measured;		/* current is a measurement, of this day: */
	roadmap_day measured_on;
	bool has_progress;
	double progress; /* (current - baseline) / (target - baseline) */
	bool has_expected;
	double expected; /* share of the time from its initiatives' first
			    start to its due date, 0..1 */
	enum roadmap_goal_state state;
	double score; /* progress clamped to 0..1, two decimals */
};

struct roadmap_tracking {
	roadmap_day as_of;
	struct roadmap_earned_value *initiatives; /* counting and started,
						     in file order */
	size_t n_initiatives;
	struct roadmap_goal_tracking *goals; /* every goal, in file order */
	size_t n_goals;
	/* the portfolio: sums of the rows (eac only when every row has one),
	 * spi = ev / pv and cpi = ev / ac of those sums */
	int64_t bac, pv, ev, ac, eac;
	bool has_eac, has_spi, has_cpi;
	double spi, cpi;
	/* with a baseline: ids of its initiatives that are gone */
	bool baselined;
	const char *const *removed;
	size_t n_removed;
};

/*
 * Progress, earned value and goal tracking as of a day (roadmap(1), status);
 * with a baseline (an older roadmap, or NULL) each row's slip and BAC change.
 * ROADMAP_ERR_DATA naming the figure when a sum or an EAC passes the
 * largest amount or a ratio reaches 1e15, or when the baseline is in
 * another currency; ROADMAP_ERR_NOMEM. Release with
 * roadmap_tracking_release().
 */
ROADMAP_API enum roadmap_status
roadmap_tracking(const struct roadmap *rm, roadmap_day as_of,
		 const struct roadmap *baseline, struct roadmap_tracking *out,
		 struct roadmap_error *err);
ROADMAP_API void roadmap_tracking_release(struct roadmap_tracking *t);
/* A ratio as a percent with one decimal, the nearest double to it (0.357
 * -> 35.7, where 0.357 * 100 is 35.699999...). */
ROADMAP_API double roadmap_ratio_percent(double ratio);
/* Whether the roadmap records any progress or measurement. */
ROADMAP_API bool roadmap_has_tracking(const struct roadmap *rm);
/* The JSON of roadmap(1), status. *out is malloc'ed; the caller frees it. */
ROADMAP_API enum roadmap_status
roadmap_tracking_json(const struct roadmap *rm,
		      const struct roadmap_tracking *t, char **out,
		      struct roadmap_error *err);
/* Rows for CSV: the initiatives' (id, bac, planned_pct, pv, progress, ev,
 * ac, sv, cv, spi, cpi, eac, vac, late, and slip_days, bac_change with a
 * baseline) or, with goals, the goals' (id, current, progress, expected,
 * state, score). Release with roadmap_rows_release(). */
ROADMAP_API enum roadmap_status
roadmap_tracking_rows(const struct roadmap *rm,
		      const struct roadmap_tracking *t, bool goals,
		      struct roadmap_rows *out, struct roadmap_error *err);

/* ----------------------------------------------------------- timeline */

/*
 * The timeline for scripts (roadmap(1), timeline --format csv|json): each
 * counting initiative in file order with its id, title, pillar, start,
 * end, whether it is on the critical path (unknown with a dependency
 * cycle: an empty cell, null), and its planned spend (opex + capex, the
 * budget's spreading rule) in every fiscal quarter (or, with months,
 * calendar month) from the first with planned spend to the last (empty,
 * null, where it has none). Rows for CSV (release with
 * roadmap_rows_release()), or JSON (malloc'ed): an object with by,
 * periods and initiatives, each with the columns above and spend, one
 * amount or null per period.
 */
ROADMAP_API enum roadmap_status
roadmap_timeline_rows(const struct roadmap *rm, bool months,
		      struct roadmap_rows *out, struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_timeline_json(const struct roadmap *rm,
						      bool months, char **out,
						      struct roadmap_error *err);

/* ----------------------------------------------------------- selections */

/*
 * A selection of initiatives (roadmap(1), SELECTIONS), the filters of
 * `list`: statuses as a bit set (1u << status; 0: any), and comma lists
 * of pillars, goals served, owners, teams and ids (NULL: any). An
 * initiative is selected when it passes every filter given.
 */
struct roadmap_selection {
	unsigned statuses;
	const char *pillars, *goals, *owners, *teams, *ids;
};
/* Whether any filter is given; whether in is selected (always, when
 * none is). */
ROADMAP_API bool roadmap_selection_given(const struct roadmap_selection *sel);
ROADMAP_API bool roadmap_selects(const struct roadmap_selection *sel,
				 const struct roadmap_initiative *in);
/* Whether the selection's owners (the whole text, or one of its comma-
 * separated names) take owner, and its pillars pillar (true when it names
 * none): list filters goals by owner and envelopes by pillar with them. */
ROADMAP_API bool roadmap_owned_by(const struct roadmap_selection *sel,
				  const char *owner);
ROADMAP_API bool roadmap_of_pillar(const struct roadmap_selection *sel,
				   const char *pillar);
/*
 * Narrows rm to the selection, as a report of it sees the roadmap: the
 * selected initiatives only (their prerequisites outside the selection
 * dropped from their depends_on), the goals they serve, every team, and
 * the envelopes
 * whose scope lies inside the selection: a pillar's envelopes when only
 * pillars are chosen and theirs is one of them; none otherwise.
 */
ROADMAP_API enum roadmap_status
roadmap_select(struct roadmap *rm, const struct roadmap_selection *sel,
	       struct roadmap_error *err);
/* Keeps the findings (of rm's check) about selected initiatives: a
 * selected one is their subject or among their related ids, or their
 * subject is an envelope whose scope lies inside the selection (a
 * pillar's under a pillar selection). Recounts them. */
ROADMAP_API enum roadmap_status
roadmap_findings_select(const struct roadmap *rm,
			const struct roadmap_selection *sel,
			struct roadmap_findings *f, struct roadmap_error *err);
/* "status = active, approved; pillar = secure", malloc'ed ("" for no
 * filter); NULL when out of memory. */
ROADMAP_API char *roadmap_selection_text(const struct roadmap_selection *sel);

/* ----------------------------------------------------------- scenarios */

/* The list of roadmap(1), scenario list: each scenario's name, number of
 * changes and number of conflicts with the roadmap (see
 * roadmap_scenario_conflicts()), as rows (name, changes, conflicts;
 * release with roadmap_rows_release()) or as JSON ({"scenarios": [{"name",
 * "changes", "conflicts"}]}, malloc'ed). */
ROADMAP_API enum roadmap_status
roadmap_scenario_list_rows(const struct roadmap *rm, struct roadmap_rows *out,
			   struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_scenario_list_json(const struct roadmap *rm, char **out,
			   struct roadmap_error *err);

#ifdef __cplusplus
}
#endif

/* optimize and forecast, which use the above */
#include "roadmap-decide.h"
/* capitalization and the P&L */
#include "roadmap-capital.h"
/* actuals from the books */
#include "roadmap-books.h"

#endif
