/*
 * test-builds.c - every export builds each analysis of the roadmap once
 * (docs/decisions.md, "Renderers take one analysis"): the spend table, the
 * references, the dependency graph, the findings, the budget report, the
 * schedule, the forecast and the tracking.
 *
 * The program is linked with -Wl,--wrap for each function that builds
 * one (tests/lib/meson.build): a call from another object of the library
 * reaches __wrap_NAME here, which counts it and calls the library's. A
 * renderer that builds a table of its own again is counted twice.
 */
#include "graph.h"
#include "roadmap.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	SPEND,
	REFS,
	GRAPH,
	FINDINGS,
	BUDGET,
	HEADLINE,
	SCHEDULE,
	PLANNED,
	FORECAST,
	TRACKING,
	PILLARS,
	N_COUNTS
};
static const char *const names[N_COUNTS] = {
    "spend tables",   "reference tables", "graphs",	  "checks",
    "budget reports", "headline reports", "schedules",	  "goal plans",
    "forecasts",      "tracking",	  "pillar spends"};
static int counts[N_COUNTS];

/* The library's functions, and the counting wrappers the linker puts
 * between them and their callers in other objects. */
#define WRAP(kind, ret, name, params, args)                                    \
	ret __real_##name params;                                              \
	ret __wrap_##name params;                                              \
	ret __wrap_##name params                                               \
	{                                                                      \
		counts[kind]++;                                                \
		return __real_##name args;                                     \
	}

WRAP(SPEND, enum roadmap_status, roadmap_spend_build,
     (const struct roadmap *rm, struct roadmap_spend *out,
      struct roadmap_error *err),
     (rm, out, err))
WRAP(REFS, bool, rm_refs_build, (const struct roadmap *rm, struct rm_refs *r),
     (rm, r))
WRAP(REFS, enum roadmap_status, rm_spend_refs_build,
     (const struct roadmap *rm, bool threads, struct roadmap_spend *sp,
      struct rm_refs *refs, struct roadmap_error *err),
     (rm, threads, sp, refs, err))
/* the references and the graph from them */
bool __real_rm_graph_build(const struct roadmap *rm, struct rm_graph *g);
bool __wrap_rm_graph_build(const struct roadmap *rm, struct rm_graph *g);
bool __wrap_rm_graph_build(const struct roadmap *rm, struct rm_graph *g)
{
	counts[REFS]++;
	counts[GRAPH]++;
	return __real_rm_graph_build(rm, g);
}
WRAP(GRAPH, bool, rm_graph_build_refs,
     (const struct roadmap *rm, const struct rm_refs *r, struct rm_graph *g),
     (rm, r, g))
WRAP(FINDINGS, enum roadmap_status, roadmap_check,
     (const struct roadmap *rm, struct roadmap_findings *out,
      struct roadmap_error *err),
     (rm, out, err))
WRAP(FINDINGS, enum roadmap_status, roadmap_check_opt,
     (const struct roadmap *rm, const struct roadmap_check_options *o,
      struct roadmap_findings *out, struct roadmap_error *err),
     (rm, o, out, err))
WRAP(FINDINGS, enum roadmap_status, rm_check_prebuilt,
     (const struct roadmap *rm, const struct roadmap_check_options *o,
      const struct roadmap_spend *sp, const struct rm_refs *refs,
      const struct rm_graph *g, const struct roadmap_tracking *day,
      struct roadmap_findings *out, struct roadmap_error *err),
     (rm, o, sp, refs, g, day, out, err))
WRAP(BUDGET, enum roadmap_status, roadmap_budget_report,
     (const struct roadmap *rm, enum roadmap_budget_by by,
      struct roadmap_budget_report *out, struct roadmap_error *err),
     (rm, by, out, err))
WRAP(BUDGET, enum roadmap_status, rm_budget_report_from,
     (const struct roadmap *rm, const struct roadmap_spend *sp,
      enum roadmap_budget_by by, struct roadmap_budget_report *out,
      struct roadmap_error *err),
     (rm, sp, by, out, err))
WRAP(HEADLINE, enum roadmap_status, rm_headline_envelope,
     (const struct roadmap *rm, const struct roadmap_spend *sp,
      struct rm_headline *out, struct roadmap_error *err),
     (rm, sp, out, err))
WRAP(SCHEDULE, enum roadmap_status, roadmap_schedule,
     (const struct roadmap *rm, struct roadmap_schedule *out,
      struct roadmap_error *err),
     (rm, out, err))
WRAP(SCHEDULE, enum roadmap_status, rm_schedule_graph,
     (const struct roadmap *rm, const struct rm_graph *g,
      struct roadmap_schedule *out, struct roadmap_error *err),
     (rm, g, out, err))
WRAP(PLANNED, enum roadmap_status, rm_goal_planned,
     (const struct roadmap *rm, long only, int64_t **out,
      struct roadmap_error *err),
     (rm, only, out, err))
WRAP(FORECAST, enum roadmap_status, roadmap_forecast,
     (const struct roadmap *rm, const struct roadmap_forecast_options *o,
      struct roadmap_forecast *out, struct roadmap_error *err),
     (rm, o, out, err))
WRAP(FORECAST, enum roadmap_status, rm_export_forecast,
     (const struct roadmap *rm, const struct rm_refs *refs,
      const struct rm_graph *g, struct roadmap_forecast *out, bool *have,
      struct roadmap_error *err),
     (rm, refs, g, out, have, err))
WRAP(TRACKING, enum roadmap_status, roadmap_tracking,
     (const struct roadmap *rm, roadmap_day as_of,
      const struct roadmap *baseline, struct roadmap_tracking *out,
      struct roadmap_error *err),
     (rm, as_of, baseline, out, err))
WRAP(PILLARS, bool, rm_pillar_spend,
     (const struct roadmap *rm, const struct roadmap_spend *sp,
      const struct roadmap_budget_report *br, struct rm_pillar_spend *bp),
     (rm, sp, br, bp))

/* What each format shows beyond the spend, references, graph, findings,
 * budget by quarter and schedule, which all show. */
static const struct format {
	enum roadmap_export_format f;
	int headline, planned, forecast, pillars;
} formats[] = {
    {ROADMAP_EXPORT_XLSX, 1, 1, 1, 1},
    {ROADMAP_EXPORT_HTML, 1, 0, 0, 1},
    {ROADMAP_EXPORT_MD, 1, 1, 1, 0},
    {ROADMAP_EXPORT_JSON, 0, 1, 0, 0},
};

static void export_once(const struct roadmap *rm, const struct format *x,
			const struct roadmap_export_options *o, const char *dir)
{
	const char *name = roadmap_export_format_name(x->f);
	struct roadmap_error err;
	enum roadmap_status st;
	char path[4200], *out = NULL;
	size_t len = 0;

	memset(counts, 0, sizeof(counts));
	if (x->f == ROADMAP_EXPORT_XLSX) {
		snprintf(path, sizeof(path), "%s/deck.xlsx", dir);
		st = roadmap_export_xlsx_opt(rm, path, o, &err);
		unlink(path);
	} else {
		st = roadmap_export_text_opt(
		    rm, x->f, ROADMAP_TABLE_INITIATIVES, o, &out, &len, &err);
		free(out);
	}
	ok(st == ROADMAP_OK, "%s%s: exported", name, o ? " as of a day" : "");
	if (st) {
		printf("# %s\n", err.message);
	}
	const int want[N_COUNTS] = {[SPEND] = 1,
				    [REFS] = 1,
				    [GRAPH] = 1,
				    [FINDINGS] = 1,
				    [BUDGET] = 1,
				    [HEADLINE] = x->headline,
				    [SCHEDULE] = 1,
				    [PLANNED] = x->planned,
				    [FORECAST] = x->forecast,
				    [TRACKING] = o != NULL,
				    [PILLARS] = x->pillars};
	for (int k = 0; k < N_COUNTS; k++) {
		is_int(counts[k], want[k], "%s%s: %s built %d time(s)", name,
		       o ? " as of a day" : "", names[k], want[k]);
	}
}

int main(int argc, char **argv)
{
	struct roadmap *rm = NULL;
	struct roadmap_error err;
	struct roadmap_export_options day = {.has_as_of = true};
	struct roadmap_period p;
	const char *tmp = getenv("TMPDIR");
	char dir[4096];

	if (argc < 2 || roadmap_load_file(argv[1], &rm, &err)) {
		printf("Bail out! cannot load %s\n",
		       argc < 2 ? "(none)" : argv[1]);
		return 1;
	}
	snprintf(dir, sizeof(dir), "%s/test-builds-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		printf("Bail out! cannot make a directory in %s\n", dir);
		return 1;
	}
	roadmap_period_parse("2026-09-30", 1, &p, NULL);
	day.as_of = p.first;
	/* the fixture exercises every part: estimates (the forecast),
	 * progress (the tracking) */
	ok(roadmap_has_tracking(rm), "the roadmap records progress");
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		export_once(rm, &formats[i], NULL, dir);
		export_once(rm, &formats[i], &day, dir);
	}
	rmdir(dir);
	roadmap_destroy(rm);
	return done_testing();
}
