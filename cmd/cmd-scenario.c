/* cmd-scenario.c - what-if plans kept with the roadmap: new, list, rm,
 * diff, export, apply and compare (the library does the work). */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct scenario_opts {
	int format;
	const char *from, *output;
};

static const struct opt scenario_opts[] = {
    OPT_CHOICE("format", "F", report_formats, struct scenario_opts, format,
	       "list and compare: table (default), csv or json;\n"
	       "diff: text (default) or json"),
    OPT_STRING("from", 0, "OTHER", struct scenario_opts, from,
	       "new: start from a copy of scenario OTHER's changes"),
    OPT_STRING("output", 'o', "FILE", struct scenario_opts, output,
	       "export: where to write the roadmap file (default\n"
	       "standard output)"),
    {0},
};

static const char *const words[] = {"new",    "list",  "rm",	  "diff",
				    "export", "apply", "compare", NULL};
enum word { NEW, LIST, RM, DIFF, EXPORT, APPLY, COMPARE };

/* The one NAME a subcommand takes. */
static int one_name(int argc, char **argv, const char *what, const char **name)
{
	if (argc - optind != 2) {
		return usage_error(&cmd_scenario, "scenario %s takes one NAME",
				   what);
	}
	*name = argv[optind + 1];
	return 0;
}

static int run_new(struct ctx *ctx, const char *name, const char *from)
{
	struct session s;
	struct roadmap_error err;
	int rc = begin_write(ctx, &s);

	if (rc) {
		return rc;
	}
	if (roadmap_scenario_new(s.rm, name, from, &err)) {
		rc = fail_err(&err);
	}
	rc = finish_write(ctx, &s, true, rc);
	if (rc == 0) {
		msg("made scenario \"%s\"%s%s%s: see it with --scenario %s",
		    name, from ? " from \"" : "", from ? from : "",
		    from ? "\"" : "", name);
	}
	return rc;
}

static int run_rm(struct ctx *ctx, const char *name)
{
	struct session s;
	struct roadmap_error err;
	int rc = begin_write(ctx, &s);

	if (rc) {
		return rc;
	}
	if (roadmap_scenario_remove(s.rm, name, &err)) {
		rc = fail_err(&err);
	}
	return finish_write(ctx, &s, true, rc);
}

static int run_list(struct ctx *ctx, enum report_format format)
{
	static const char *const head[] = {"SCENARIO", "CHANGES", "CONFLICTS"};
	static const bool right[] = {false, true, true};
	struct roadmap *rm;
	struct roadmap_error err;
	struct roadmap_rows rows;
	int rc = open_read(ctx, &rm);

	if (rc) {
		return rc;
	}
	if (format == REPORT_JSON) {
		char *out = NULL;
		rc = roadmap_scenario_list_json(rm, &out, &err)
			 ? fail_err(&err)
			 : write_stdout(out, strlen(out));
		free(out);
	} else if (format == REPORT_CSV) {
		rc = print_rows_csv(
		    &rows, roadmap_scenario_list_rows(rm, &rows, &err), &err);
	} else if (roadmap_scenario_list_rows(rm, &rows, &err)) {
		rc = fail_err(&err);
	} else if (rows.n_rows == 0) {
		msg("no scenarios (make one with 'roadmap scenario new NAME')");
		roadmap_rows_release(&rows);
	} else {
		struct table t;
		bool ok = true;
		table_init(&t, 3, head, right, 0);
		for (size_t i = 1; ok && i <= rows.n_rows; i++) {
			ok = table_add(&t, rows.cells + 3 * i);
		}
		roadmap_rows_release(&rows);
		rc = table_emit(&t, ok);
	}
	roadmap_destroy(rm);
	return rc;
}

static int run_diff(struct ctx *ctx, const char *name,
		    enum roadmap_output format)
{
	struct roadmap *rm, *view = NULL;
	struct roadmap_error err;
	char *out = NULL, *skipped = NULL;
	bool differs;
	int rc = open_read(ctx, &rm);

	if (rc) {
		return rc;
	}
	/* the roadmap's own changes only: the view keeps no scenarios */
	bool seen = roadmap_scenario_view(rm, name, &view, &skipped, &err) ==
		    ROADMAP_OK;
	while (seen && roadmap_scenario_count(rm) > 0) {
		roadmap_scenario_remove(rm, roadmap_scenario_name(rm, 0), NULL);
	}
	if (!seen || roadmap_diff(rm, view, format, &out, &differs, &err)) {
		rc = fail_err(&err);
	} else {
		struct ctx named = *ctx;
		named.scenario = name;
		say_skipped(&named, skipped);
		skipped = NULL;
		rc = write_stdout(out, strlen(out));
	}
	free(skipped);
	free(out);
	roadmap_destroy(view);
	roadmap_destroy(rm);
	return rc;
}

static int run_export(struct ctx *ctx, const char *name, const char *output)
{
	struct roadmap *rm;
	struct roadmap_error err;
	struct stat so, sr;
	char *out = NULL;
	size_t len;
	int rc;

	if (output && strcmp(output, "-") != 0 && stat(output, &so) == 0 &&
	    stat(ctx->file, &sr) == 0 && so.st_dev == sr.st_dev &&
	    so.st_ino == sr.st_ino) {
		msg("%s: is the roadmap itself (export to another file)",
		    output);
		return 73;
	}
	ctx->scenario = name;
	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	if (roadmap_save_buffer(rm, &out, &len, &err)) {
		rc = fail_err(&err);
	} else if (!output || strcmp(output, "-") == 0) {
		rc = write_stdout(out, len);
	} else if (roadmap_write_atomic(output, out, len, &err)) {
		rc = fail_err(&err);
	}
	free(out);
	roadmap_destroy(rm);
	return rc;
}

static int run_apply(struct ctx *ctx, const char *name)
{
	struct session s;
	struct roadmap_error err;
	struct roadmap_scenario_conflicts cf;
	size_t applied = 0;
	int rc = begin_write(ctx, &s);

	if (rc) {
		return rc;
	}
	if (roadmap_scenario_conflicts(s.rm, name, &cf, &err)) {
		return finish_write(ctx, &s, false, fail_err(&err));
	}
	for (size_t i = 0; i < cf.n; i++) {
		const struct roadmap_scenario_conflict *c = &cf.items[i];
		if (!c->field && strcmp(c->kind, ROADMAP_WORD_SETTING) != 0) {
			bool added = strcmp(c->then, "null") == 0;
			msg("scenario \"%s\": %s \"%s\": the roadmap has %s "
			    "since the scenario %s",
			    name, c->kind, c->id,
			    added ? "added one of that id" : "changed it",
			    added ? "added its own" : "removed it");
			continue;
		}
		msg("scenario \"%s\": %s \"%s\"%s%s: %s when the scenario "
		    "changed it, %s in the roadmap now; the scenario sets %s",
		    name, c->kind, c->id, c->field ? " " : "",
		    c->field ? c->field : "", c->then, c->now, c->scenario);
	}
	if (cf.n) {
		msg("scenario \"%s\" not applied: the roadmap changed %zu "
		    "value%s it also changes (nothing written)",
		    name, cf.n, cf.n == 1 ? "" : "s");
		roadmap_scenario_conflicts_release(&cf);
		return finish_write(ctx, &s, false, EXIT_FINDINGS);
	}
	roadmap_scenario_conflicts_release(&cf);
	if (roadmap_scenario_apply(s.rm, name, &applied, &err)) {
		return finish_write(ctx, &s, false, fail_err(&err));
	}
	rc = finish_write(ctx, &s, true, 0);
	if (rc == 0) {
		msg("applied scenario \"%s\": %zu change%s written into the "
		    "roadmap, and the scenario removed",
		    name, applied, applied == 1 ? "" : "s");
	}
	return rc;
}

static int run_compare(struct ctx *ctx, int argc, char **argv,
		       enum report_format format)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	(void)format;
	msg("scenario compare: not built yet");
	return 70;
}

static int run_scenario(struct ctx *ctx, int argc, char **argv)
{
	struct scenario_opts o = {-1, NULL, NULL};
	const char *name = NULL;
	int w, rc;

	if (parse_options(&cmd_scenario, argc, argv, &o)) {
		return 64;
	}
	if (optind >= argc) {
		return usage_error(&cmd_scenario,
				   "which? scenario new, list, rm, diff, "
				   "export, apply or compare");
	}
	if ((rc = choice_option(&cmd_scenario, "scenario command", argv[optind],
				words, &w))) {
		return rc;
	}
	if (o.from && w != NEW) {
		return usage_error(&cmd_scenario, "--from is for scenario new");
	}
	if (o.output && w != EXPORT) {
		return usage_error(&cmd_scenario, "-o is for scenario export");
	}
	if (o.format >= 0 && w != LIST && w != COMPARE && w != DIFF) {
		return usage_error(&cmd_scenario, "--format is for scenario "
						  "list, diff and compare");
	}
	if (w == DIFF && o.format == REPORT_CSV) {
		return usage_error(&cmd_scenario,
				   "scenario diff --format is text or json");
	}
	enum report_format format =
	    o.format < 0 ? REPORT_TABLE : (enum report_format)o.format;
	switch ((enum word)w) {
	case NEW:
		return one_name(argc, argv, "new", &name)
			   ?: run_new(ctx, name, o.from);
	case RM:
		return one_name(argc, argv, "rm", &name) ?: run_rm(ctx, name);
	case DIFF:
		return one_name(argc, argv, "diff", &name)
			   ?: run_diff(ctx, name,
				       format == REPORT_JSON
					   ? ROADMAP_OUTPUT_JSON
					   : ROADMAP_OUTPUT_TEXT);
	case EXPORT:
		return one_name(argc, argv, "export", &name)
			   ?: run_export(ctx, name, o.output);
	case APPLY:
		return one_name(argc, argv, "apply", &name)
			   ?: run_apply(ctx, name);
	case LIST:
		if (argc - optind != 1) {
			return usage_error(&cmd_scenario,
					   "scenario list takes no NAME");
		}
		return run_list(ctx, format);
	case COMPARE:
		return run_compare(ctx, argc, argv, format);
	}
	return 70;
}

const struct cmd cmd_scenario = {
    .name = "scenario",
    .summary = "what-if plans beside the roadmap, compared side by side",
    .args = "new|list|rm|diff|export|apply|compare [NAME...]",
    .help =
	"A scenario is a named set of changes kept in the roadmap's file: "
	"see the\nroadmap through one with --scenario NAME on any command, "
	"and every edit\n(add, set, rm, link, actual, progress, config, "
	"optimize --apply, schedule\n--apply, import...) goes into the "
	"scenario, never the roadmap itself.\n\n"
	"  new NAME [--from OTHER]  an empty scenario (or a copy of OTHER)\n"
	"  list                     the scenarios, their changes and "
	"conflicts\n"
	"  rm NAME                  remove a scenario\n"
	"  diff NAME                its changes, as 'roadmap diff' prints "
	"them\n"
	"  export NAME [-o FILE]    the roadmap as the scenario sees it, a "
	"file of\n"
	"                           its own\n"
	"  apply NAME               write its changes into the roadmap "
	"(refused,\n"
	"                           exit 1, where the roadmap changed a "
	"value it\n"
	"                           also changes) and remove it\n"
	"  compare [NAME...]        the roadmap and each scenario (or all) "
	"side by\n"
	"                           side: cost, envelopes, findings, value, "
	"dates\n",
    .opts = scenario_opts,
    .examples = "  roadmap scenario new board-cut\n"
		"  roadmap --scenario board-cut optimize --budget-scale 85 "
		"--apply\n"
		"  roadmap scenario new slip\n"
		"  roadmap set checkout end=2027-Q4 --scenario slip\n"
		"  roadmap scenario compare\n"
		"  roadmap scenario apply board-cut\n",
    .run = run_scenario,
};
