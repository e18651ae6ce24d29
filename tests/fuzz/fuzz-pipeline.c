/*
 * fuzz-pipeline.c - libFuzzer target: what loads goes through every
 * command a user runs on it: check (as of a day too), status, every
 * budget view, every export (the deck too, with its tracking columns), a save that loads again to the same bytes, and schedule
 * --apply, whose save must load again. Any broken promise aborts.
 */
#include "roadmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A save of rm loads again and saves to the same bytes. */
static void round_trip(const struct roadmap *rm)
{
	struct roadmap *again = NULL;
	struct roadmap_error err;
	char *a = NULL, *b = NULL;
	size_t na, nb;

	if (roadmap_save_buffer(rm, &a, &na, &err) != ROADMAP_OK) {
		if (err.status != ROADMAP_ERR_NOMEM) {
			abort(); /* a loaded or applied model always saves */
		}
		return;
	}
	if (roadmap_load_buffer("again.json", a, na, &again, &err) !=
	    ROADMAP_OK) {
		fprintf(stderr, "%s\n", err.message);
		abort(); /* nothing written fails to load */
	}
	if (roadmap_save_buffer(again, &b, &nb, &err) == ROADMAP_OK &&
	    (na != nb || memcmp(a, b, na) != 0)) {
		abort(); /* the canonical form is a fixed point */
	}
	free(a);
	free(b);
	roadmap_destroy(again);
}

static void views(const struct roadmap *rm)
{
	static const enum roadmap_budget_by by[] = {
	    ROADMAP_BY_QUARTER, ROADMAP_BY_YEAR, ROADMAP_BY_PILLAR,
	    ROADMAP_BY_GOAL, ROADMAP_BY_TEAM};
	static const enum roadmap_table tables[] = {
	    ROADMAP_TABLE_INITIATIVES, ROADMAP_TABLE_GOALS,
	    ROADMAP_TABLE_TEAMS,       ROADMAP_TABLE_BUDGETS,
	    ROADMAP_TABLE_ACTUALS,     ROADMAP_TABLE_BUDGET,
	    ROADMAP_TABLE_FINDINGS,    ROADMAP_TABLE_SCHEDULE,
	    ROADMAP_TABLE_PROGRESS,    ROADMAP_TABLE_MEASUREMENTS};
	/* the day of the tracking figures: the roadmap's first start, a
	 * day of 2026 and the last day the calendar knows */
	roadmap_day days[3] = {0, 20454, 0};
	const struct roadmap_initiative *first = roadmap_initiative_at(rm, 0);
	days[0] = first ? first->start : 0;
	roadmap_day_from_ymd(2200, 12, 31, &days[2]);
	struct roadmap_findings f;
	struct roadmap_error err;
	char *out;
	size_t len;

	if (roadmap_check(rm, &f, &err) == ROADMAP_OK) {
		const struct roadmap_pipeline_options po = {"r,o:a%d.json",
							    true};
		struct roadmap_findings again;
		if (roadmap_findings_json(&f, &out, &err) == ROADMAP_OK) {
			free(out);
		}
		if (roadmap_findings_sarif(&f, &po, &out, &err) == ROADMAP_OK) {
			free(out);
		}
		if (roadmap_findings_junit(&f, &po, &out, &err) == ROADMAP_OK) {
			free(out);
		}
		if (roadmap_findings_github(&f, &po, &out, &err) ==
		    ROADMAP_OK) {
			free(out);
		}
		/* a roadmap is its own baseline: nothing is new */
		if (roadmap_check(rm, &again, &err) == ROADMAP_OK) {
			roadmap_findings_subtract(&again, &f);
			if (again.n != 0 || again.known != f.n) {
				abort();
			}
			roadmap_findings_release(&again);
		}
		roadmap_findings_release(&f);
	}
	for (size_t d = 0; d < 3; d++) {
		const struct roadmap_check_options co = {true, days[d]};
		struct roadmap_tracking t;
		if (roadmap_check_opt(rm, &co, &f, &err) == ROADMAP_OK) {
			roadmap_findings_release(&f);
		}
		if (roadmap_tracking(rm, days[d], rm, &t, &err) == ROADMAP_OK) {
			if (roadmap_tracking_json(rm, &t, &out, &err) ==
			    ROADMAP_OK) {
				free(out);
			}
			struct roadmap_rows rows;
			if (roadmap_tracking_rows(rm, &t, d == 1, &rows,
						  &err) == ROADMAP_OK) {
				roadmap_rows_release(&rows);
			}
			roadmap_tracking_release(&t);
		}
	}
	const struct roadmap_export_options eo = {true, days[1]};
	if (roadmap_export_text_opt(rm, ROADMAP_EXPORT_MD, 0, &eo, &out, &len,
				    &err) == ROADMAP_OK) {
		free(out);
	}
	if (roadmap_initiative_count(rm) <= 20) {
		/* small portfolios only: the solver's time is bounded, but a
		 * fuzzer wants many runs */
		struct roadmap_optimize_options oo = {.budget_scale = 85,
						      .time_limit = 0.2};
		struct roadmap_plan plan;
		if (roadmap_optimize(rm, &oo, &plan, &err) == ROADMAP_OK) {
			if (roadmap_plan_json(rm, &plan, &out, &err) ==
			    ROADMAP_OK) {
				free(out);
			}
			roadmap_plan_release(&plan);
		}
	}
	{
		struct roadmap_forecast_options fo = {.trials = 50,
						      .threads = 2};
		struct roadmap_forecast fc;
		if (roadmap_forecast(rm, &fo, &fc, &err) == ROADMAP_OK) {
			if (roadmap_forecast_json(rm, &fc, &out, &err) ==
			    ROADMAP_OK) {
				free(out);
			}
			roadmap_forecast_release(&fc);
		}
	}
	for (size_t i = 0; i < sizeof(by) / sizeof(by[0]); i++) {
		struct roadmap_budget_report r;
		if (roadmap_budget_report(rm, by[i], &r, &err) == ROADMAP_OK) {
			if (roadmap_budget_report_json(rm, &r, &out, &err) ==
			    ROADMAP_OK) {
				free(out);
			}
			roadmap_budget_report_release(&r);
		}
	}
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		if (roadmap_export_text(rm, ROADMAP_EXPORT_CSV, tables[i], &out,
					&len, &err) == ROADMAP_OK) {
			free(out);
		}
	}
	if (roadmap_export_text(rm, ROADMAP_EXPORT_JSON, 0, &out, &len, &err) ==
	    ROADMAP_OK) {
		free(out);
	}
	if (roadmap_export_text(rm, ROADMAP_EXPORT_MD, 0, &out, &len, &err) ==
	    ROADMAP_OK) {
		free(out);
	}
}

/* The deck, into a directory of its own made once per process. */
static void deck(const struct roadmap *rm)
{
	static char dir[] = "/tmp/fuzz-pipeline-XXXXXX";
	static bool made;
	char path[sizeof(dir) + 16];
	struct roadmap_error err;

	if (!made) {
		if (!mkdtemp(dir)) {
			abort();
		}
		made = true;
	}
	snprintf(path, sizeof(path), "%s/deck.xlsx", dir);
	const struct roadmap_export_options eo = {true, 20454};
	roadmap_export_xlsx_opt(rm, path, &eo, &err);
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roadmap *rm = NULL;
	struct roadmap_schedule s;
	struct roadmap_error err;
	size_t moved;

	if (roadmap_load_buffer("fuzz.json", (const char *)data, size, &rm,
				&err) != ROADMAP_OK) {
		return 0;
	}
	views(rm);
	deck(rm);
	round_trip(rm);
	if (roadmap_schedule(rm, &s, &err) == ROADMAP_OK) {
		if (roadmap_schedule_apply(rm, &s, &moved, &err) ==
		    ROADMAP_OK) {
			round_trip(rm);
			views(rm);
		}
		roadmap_schedule_release(&s);
	}
	roadmap_destroy(rm);
	return 0;
}
