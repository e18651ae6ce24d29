/* cmd-import.c - import CSV or JSON, all or nothing. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* Reads FILE ("-": stdin) before the lock is taken. */
static int read_input(const char *path, char **out, size_t *len)
{
	struct roadmap_error err;
	enum roadmap_status st;

	/* the loader's reader: the same size cap and FIFO rules */
	st = roadmap_read_file(path, out, len, &err);
	return st ? fail_err(&err) : 0;
}

/*
 * What the import would change, field by field: the diff of the roadmap
 * as it is on disk (we hold the lock) against the merged one.
 */
static int dry_run(struct ctx *ctx, const struct roadmap *merged,
		   const struct roadmap_import_report *rep)
{
	struct roadmap_error err;
	struct roadmap *before;
	char *out;
	bool differs;
	int rc;

	if (load_view(ctx, &before, &err) ||
	    roadmap_diff(before, merged, ROADMAP_OUTPUT_TEXT, &out, &differs,
			 &err)) {
		rc = fail_err(&err);
		roadmap_destroy(before);
		return rc;
	}
	rc = write_stdout(out, strlen(out));
	free(out);
	roadmap_destroy(before);
	msg("dry run: %zu to add, %zu to update; nothing written", rep->added,
	    rep->updated);
	return rc;
}

struct import_opts {
	int table;
	bool update, dry;
	const char *delimiter;
	char *ignore; /* OPT_LIST: malloc'ed */
};

/* the tables that import reads (roadmap_table_parse knows them all) */
static const char *const tables[] = {
    ROADMAP_KEY_INITIATIVES,	ROADMAP_KEY_GOALS,
    ROADMAP_KEY_TEAMS,		ROADMAP_KEY_BUDGETS,
    ROADMAP_FIELD_ACTUALS,	ROADMAP_FIELD_PROGRESS,
    ROADMAP_FIELD_MEASUREMENTS, NULL};

static const struct opt import_opts[] = {
    OPT_NAMED("table", NULL, "T", tables, roadmap_table_parse,
	      struct import_opts, table,
	      "initiatives, goals, teams, budgets, actuals, progress or\n"
	      "measurements (default: from the header's columns)"),
    OPT_FLAG("update", struct import_opts, update,
	     "update items whose id exists instead of refusing"),
    OPT_FLAG("dry-run", struct import_opts, dry,
	     "show what would change, field by field (as diff does);\n"
	     "write nothing"),
    OPT_STRING("delimiter", 0, ",|;|tab", struct import_opts, delimiter,
	       "',', ';' or tab (default: ';' or tab when the header "
	       "splits\nonly on that, else ',')"),
    OPT_LIST("ignore-columns", "A,B", struct import_opts, ignore,
	     "CSV: skip these header columns (neither checked nor\n"
	     "imported); each must be in the header"),
    {0},
};

/* The import once the options are parsed (o->ignore is freed by the
 * caller). */
static int import_file(struct ctx *ctx, const struct import_opts *o, int argc,
		       char **argv)
{
	struct roadmap_import_options opt = {-1, false, 0, NULL};
	struct roadmap_import_report rep;
	struct session s;
	int rc;

	opt.table = o->table; /* an enum roadmap_table, or -1 */
	opt.update = o->update;
	bool dry = o->dry;
	opt.ignore_columns = o->ignore;
	if (o->delimiter) {
		if (strcmp(o->delimiter, ",") == 0 ||
		    strcmp(o->delimiter, ";") == 0) {
			opt.delimiter = o->delimiter[0];
		} else if (strcmp(o->delimiter, "tab") == 0 ||
			   strcmp(o->delimiter, "\t") == 0) {
			opt.delimiter = '\t';
		} else {
			return usage_error(&cmd_import,
					   "unknown delimiter '%s' (',', ';' "
					   "or tab)",
					   o->delimiter);
		}
	}
	if (argc - optind != 1) {
		return usage_error(&cmd_import, "import needs one FILE");
	}
	const char *file = argv[optind];
	char *data;
	size_t len;
	if ((rc = read_input(file, &data, &len))) {
		return rc;
	}
	if ((rc = begin_write(ctx, &s))) {
		free(data);
		return rc;
	}
	progress(s.rm, "importing into");
	enum roadmap_status st = roadmap_import(
	    s.rm, strcmp(file, "-") ? file : "stdin", data, len, &opt, &rep);
	progress_done(s.rm);
	free(data);
	if (st == ROADMAP_ERR_NOMEM) {
		msg("out of memory");
		rc = 70;
	} else if (st) {
		char line[1400];
		for (size_t i = 0; i < rep.n_errors; i++) {
			msg("%s", roadmap_error_format(&rep.errors[i], line,
						       sizeof(line)));
		}
		if (rep.total_errors > rep.n_errors) {
			msg("%s: %zu more error%s not shown", file,
			    rep.total_errors - rep.n_errors,
			    rep.total_errors - rep.n_errors == 1 ? "" : "s");
		}
		msg("%s: nothing imported", file);
		/* a column --ignore-columns names but the header lacks is
		 * the command line's mistake, not the file's */
		rc = st == ROADMAP_ERR_USAGE ? 64 : 65;
	} else if (dry) {
		rc = dry_run(ctx, s.rm, &rep);
	}
	if (rc == 0 && rep.not_merged) {
		msg("%s: settings not merged (the roadmap keeps its own): %s",
		    file, rep.not_merged);
	}
	bool save = rc == 0 && !dry;
	int rc2 = end_write(ctx, &s, save);
	if (save && rc2 == 0) {
		msg("imported %s: %zu added, %zu updated", file, rep.added,
		    rep.updated);
	}
	roadmap_import_report_release(&rep);
	return rc ? rc : rc2;
}

static int run_import(struct ctx *ctx, int argc, char **argv)
{
	struct import_opts o = {-1, false, false, NULL, NULL};
	int rc;

	if ((rc = parse_options(&cmd_import, argc, argv, &o))) {
		free(o.ignore);
		return rc;
	}
	rc = import_file(ctx, &o, argc, argv);
	free(o.ignore);
	return rc;
}

const struct cmd cmd_import = {
    .name = "import",
    .summary = "import initiatives, goals, budgets... from CSV or JSON",
    .args = "FILE",
    .help = "CSV: a header row with the columns of the matching CSV "
	    "export, in any order\n(initiatives need id, title, start, "
	    "end; budgets are period,pillar,amount).\nHeader names match "
	    "in any case. JSON: a roadmap "
	    "file or a JSON export; its teams, goals, initiatives and\n"
	    "budgets are merged in. All or nothing: if any row is bad, "
	    "nothing is written\nand every bad row is reported (the first "
	    "20, then a count). A UTF-8 byte\norder mark is accepted. "
	    "FILE - reads standard input.\n",
    .opts = import_opts,
    .examples = "  roadmap import plan.csv --dry-run\n"
		"  roadmap import budgets.csv --table budgets --delimiter "
		"';'\n"
		"  roadmap import other-roadmap.json --update\n",
    .run = run_import,
};
