/* cmd-export.c - CSV, JSON, Markdown and the XLSX board deck. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct export_opts {
	int format, table;
	bool level;
	const char *output, *as_of;
	struct selection_opts sel;
};

/* the words of --format and --table, read with the library's parsers */
static const char *const formats[] = {"csv",  "json", "xlsx", "md",
				      "html", "ics",  NULL};
static const char *const tables[] = {ROADMAP_KEY_INITIATIVES,
				     ROADMAP_KEY_GOALS,
				     ROADMAP_KEY_TEAMS,
				     ROADMAP_KEY_BUDGETS,
				     ROADMAP_FIELD_ACTUALS,
				     ROADMAP_WORD_BUDGET,
				     "findings",
				     "schedule",
				     ROADMAP_FIELD_PROGRESS,
				     ROADMAP_FIELD_MEASUREMENTS,
				     NULL};

static const struct opt export_opts[] = {
    {OPT_CHOICE, "format", 0, "F",
     "csv, json (roadmap-export/1), xlsx (the board deck), md,\n"
     "html (one self-contained page) or ics (a calendar)",
     formats, offsetof(struct export_opts, format), true, NULL,
     roadmap_export_format_parse},
    OPT_NAMED("table", NULL, "T", tables, roadmap_table_parse,
	      struct export_opts, table,
	      "for csv: initiatives (default), goals, teams, budgets\n"
	      "(envelopes), actuals, budget (the report by quarter),\n"
	      "findings, schedule, progress or measurements"),
    OPT_STRING("output", 'o', "FILE", struct export_opts, output,
	       "where to write"),
    OPT_STRING("as-of", 0, "DATE", struct export_opts, as_of,
	       "the day of the tracking figures, for a roadmap that\n"
	       "records progress or measurements (default today:\n"
	       "ROADMAP_TODAY, SOURCE_DATE_EPOCH, else the system's date)"),
    OPT_FLAG("level", struct export_opts, level,
	     "the levelled plan (schedule --level as of --as-of):\n"
	     "every initiative levelling delays is shown moved"),
    OPT_SELECTION(struct export_opts, sel),
    {0},
};

/*
 * rm levelled as of day (schedule --level, roadmap(1)): the moves applied
 * to this copy, never saved; *label names the plan as a scenario is named
 * ("levelled as of 2026-05-15: 3 initiatives moved"). Exit 1 when no
 * plan fits.
 */
static int levelled(struct ctx *ctx, struct roadmap *rm, roadmap_day day,
		    char **label)
{
	struct roadmap_level_options opt = {.as_of = day};
	struct roadmap_level l = {0};
	struct roadmap_error err;
	size_t moved = 0;
	char d[16];
	int rc = 0;

	if (roadmap_level(rm, &opt, &l, &err)) {
		return fail_err(&err);
	}
	if (l.status == ROADMAP_PLAN_INFEASIBLE) {
		msg("export --level: %s", l.why);
		rc = 1;
	} else if (roadmap_level_apply(rm, &l, &moved, &err)) {
		rc = fail_err(&err);
	} else {
		const char *sc = ctx->scenario ? ctx->scenario : "";
		size_t n = strlen(sc) + 80;
		if (!(*label = malloc(n))) {
			msg("out of memory");
			rc = 70;
		} else {
			snprintf(*label, n,
				 "%s%slevelled as of %s: %zu initiative%s "
				 "moved",
				 sc, *sc ? ", " : "",
				 roadmap_day_format(day, d), moved,
				 moved == 1 ? "" : "s");
		}
	}
	roadmap_level_release(&l);
	return rc;
}

static int export_of(struct ctx *ctx, struct export_opts o, char *selection,
		     int argc, char **argv)
{
	struct roadmap_export_options eo = {true, 0, selection, ctx->scenario};
	struct roadmap_selection sel;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	bool table_given = o.table >= 0;
	enum roadmap_table table = table_given ? (enum roadmap_table)o.table
					       : ROADMAP_TABLE_INITIATIVES;
	const char *output = o.output;
	if (optind < argc) {
		return usage_error(&cmd_export, "unexpected argument '%s'",
				   argv[optind]);
	}
	if (o.format < 0) {
		return usage_error(&cmd_export,
				   "which format? --format csv, json, xlsx, "
				   "md, html or ics");
	}
	enum roadmap_export_format format =
	    (enum roadmap_export_format)o.format;
	if (table_given && format != ROADMAP_EXPORT_CSV) {
		return usage_error(&cmd_export, "--table is for --format csv");
	}
	if (format == ROADMAP_EXPORT_XLSX && !output) {
		return usage_error(&cmd_export,
				   "an XLSX deck needs -o FILE (-o - writes it "
				   "to standard output)");
	}
	if ((rc = output_not_roadmap(ctx, output))) {
		return rc;
	}
	/* levelling sees the whole roadmap; the selection narrows after */
	char *label = NULL;
	if ((rc = selection_of(&cmd_export, &o.sel, &sel)) ||
	    (rc = open_read(ctx, &rm))) {
		return rc;
	}
	/* a name it does not hold is refused before any levelling or check */
	if ((rc = selection_known(rm, &sel))) {
		roadmap_destroy(rm);
		return rc;
	}
	/* a selection's findings are check's of the whole roadmap about
	 * the selected initiatives (as `check` with the selection lists
	 * them), worked out before the roadmap is narrowed; only for the
	 * exports that list findings */
	struct roadmap_findings found = {0};
	bool selected = roadmap_selection_given(&sel) &&
			format != ROADMAP_EXPORT_ICS &&
			(format != ROADMAP_EXPORT_CSV ||
			 table == ROADMAP_TABLE_FINDINGS);
	if ((rc = today_arg("as-of", o.as_of, roadmap_fiscal_start(rm), true,
			    &eo.as_of)) ||
	    (o.level && (rc = levelled(ctx, rm, eo.as_of, &label)))) {
		free(label);
		roadmap_destroy(rm);
		return rc;
	}
	if (selected &&
	    roadmap_export_findings(rm, &sel, &eo, &found, &err)) {
		rc = fail_err(&err);
	} else if (!(rc = narrow(rm, &sel)) && selected) {
		eo.findings = &found;
	}
	if (rc) {
		roadmap_findings_release(&found);
		free(label);
		roadmap_destroy(rm);
		return rc;
	}
	if (label) {
		eo.scenario = label;
	}
	if (format == ROADMAP_EXPORT_XLSX) {
		if (strcmp(output, "-") == 0 && isatty(STDOUT_FILENO)) {
			msg("not writing a binary XLSX to a terminal (redirect "
			    "it, or use -o FILE)");
			roadmap_findings_release(&found);
			free(label);
			roadmap_destroy(rm);
			return 64;
		}
		progress(rm, "writing the deck for");
		enum roadmap_status st =
		    roadmap_export_xlsx_opt(rm, output, &eo, &err);
		progress_done(rm);
		if (st) {
			rc = fail_err(&err);
		} else if (strcmp(output, "-") != 0) {
			msg("wrote the board deck to %s", output);
		}
		roadmap_findings_release(&found);
		free(label);
		roadmap_destroy(rm);
		return rc;
	}
	char *out;
	size_t len;
	progress(rm, "exporting");
	enum roadmap_status st =
	    roadmap_export_text_opt(rm, format, table, &eo, &out, &len, &err);
	progress_done(rm);
	if (st) {
		rc = fail_err(&err);
	} else if (!output || strcmp(output, "-") == 0) {
		rc = write_stdout(out, len);
		free(out);
	} else {
		if (roadmap_write_atomic(output, out, len, &err)) {
			rc = fail_err(&err);
		}
		free(out);
	}
	roadmap_findings_release(&found);
	free(label);
	release_at_exit(rm);
	return rc;
}

static int run_export(struct ctx *ctx, int argc, char **argv)
{
	struct export_opts o = {.format = -1, .table = -1};
	struct roadmap_selection sel;
	char *words = NULL;
	int rc = parse_options(&cmd_export, argc, argv, &o);

	if (rc == 0 && (rc = selection_of(&cmd_export, &o.sel, &sel)) == 0) {
		if (roadmap_selection_given(&sel) &&
		    !(words = roadmap_selection_text(&sel))) {
			msg("out of memory");
			rc = 70;
		} else {
			rc = export_of(ctx, o, words, argc, argv);
		}
	}
	free(words);
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_export = {
    .name = "export",
    .summary = "export to CSV, JSON, Markdown, an XLSX deck or an HTML page",
    .help = "CSV, JSON and Markdown go to standard output unless -o FILE; "
	    "the XLSX deck\nneeds -o (-o - writes it to standard output, "
	    "never to a terminal). Files\nare written to a temporary file "
	    "and renamed, so a failed export leaves none.\nThe same "
	    "roadmap gives the same bytes (set SOURCE_DATE_EPOCH for a "
	    "timestamp);\none that records progress or measurements "
	    "shows its tracking figures as of\n--as-of (default today).\n",
    .opts = export_opts,
    .examples = "  roadmap export --format xlsx -o board.xlsx\n"
		"  roadmap export --format csv --table budget > "
		"budget.csv\n"
		"  roadmap export --format md -o roadmap.md\n"
		"  roadmap export --format html -o roadmap.html\n",
    .run = run_export,
};
