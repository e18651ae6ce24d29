/* cmd-import.c - import CSV or JSON, all or nothing. */
#include "cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
	int format;   /* enum roadmap_books_format, -1: a CSV or JSON table */
	const char *map;
};

/* the books --format reads, in enum roadmap_books_format's order */
static const char *const book_formats[] = {"ledger", "focus", NULL};

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
    OPT_CHOICE("format", "F", book_formats, struct import_opts, format,
	       "ledger (an hledger register -O csv) or focus (a FinOps\n"
	       "FOCUS cost file): actuals from the books, by --map"),
    OPT_STRING("map", 0, "RULES", struct import_opts, map,
	       "with --format: the rules file (match,initiative,kind)"),
    {0},
};

/* Opens the register ("-": stdin) before the lock is taken; -1 after a
 * message (*rc the exit status). */
static int open_register(const char *path, int *rc)
{
	struct stat sb;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO
					: open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		msg("%s: cannot open: %s", path, strerror(errno));
		*rc = 66;
		return -1;
	}
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		msg("%s: is a directory, not a file", path);
		close(fd);
		*rc = 66;
		return -1;
	}
	return fd;
}

static void money(int64_t cents, char *buf)
{
	roadmap_money_format(cents, true, buf);
}

/* What the import records, what no rule maps, and the quarters' totals. */
static int print_books(const struct roadmap_books_report *r)
{
	static const char *const h1[] = {"INITIATIVE", "QUARTER", "OPEX",
					 "CAPEX", ""};
	static const bool right1[] = {false, false, true, true, false};
	static const char *const h2[] = {"UNMAPPED", "TOTAL"};
	static const bool right2[] = {false, true};
	static const char *const h3[] = {"QUARTER", "SOURCE", "RECORDED",
					 "UNMAPPED"};
	static const bool right3[] = {false, true, true, true};
	char a[40], b[40], c[40], label[16];
	struct table t;
	bool ok = true;
	int rc;

	table_init(&t, 5, h1, right1, 0);
	for (size_t i = 0; i < r->n_actuals; i++) {
		/* a kind no rule maps to the initiative is kept: "-" */
		const struct roadmap_books_actual *x = &r->actuals[i];
		const char *note = !x->replaces	  ? ""
				   : x->opex_kept ? "replaces capex, keeps opex"
				   : x->capex_kept
				       ? "replaces opex, keeps capex"
				       : "replaces";
		money(x->opex, a);
		money(x->capex, b);
		const char *row[] = {
		    x->initiative, roadmap_quarter_label(x->qi, label),
		    x->opex_kept ? "-" : a, x->capex_kept ? "-" : b, note};
		ok = ok && table_add(&t, row);
	}
	if (r->n_actuals && (rc = table_emit(&t, ok))) {
		return rc;
	}
	table_release(&t);
	if (r->n_unmapped) {
		fputs(r->n_actuals ? "\n" : "", stdout);
		table_init(&t, 2, h2, right2, 0);
		for (size_t i = 0; i < r->n_unmapped; i++) {
			money(r->unmapped[i].amount, a);
			const char *row[] = {r->unmapped[i].what, a};
			ok = ok && table_add(&t, row);
		}
		if ((rc = table_emit(&t, ok))) {
			return rc;
		}
	}
	fputs(r->n_actuals || r->n_unmapped ? "\n" : "", stdout);
	table_init(&t, 4, h3, right3, -1);
	for (size_t i = 0; i <= r->n_quarters; i++) {
		const struct roadmap_books_quarter *q =
		    i < r->n_quarters ? &r->quarters[i] : &r->total;
		money(q->source, a);
		money(q->recorded, b);
		money(q->unmapped, c);
		const char *row[] = {i < r->n_quarters
					 ? roadmap_quarter_label(q->qi, label)
					 : "TOTAL",
				     a, b, c};
		ok = ok && table_add(&t, row);
	}
	return table_emit(&t, ok);
}

static void books_errors(const char *file,
			 const struct roadmap_import_report *rep)
{
	char line[1400];

	for (size_t i = 0; i < rep->n_errors; i++) {
		msg("%s",
		    roadmap_error_format(&rep->errors[i], line, sizeof(line)));
	}
	if (rep->total_errors > rep->n_errors) {
		msg("%s: %zu more error%s not shown", file,
		    rep->total_errors - rep->n_errors,
		    rep->total_errors - rep->n_errors == 1 ? "" : "s");
	}
	msg("%s: nothing imported", file);
}

/* Streams the register through the library under the lock. */
static int import_books(struct ctx *ctx, const struct import_opts *o,
			const char *file)
{
	struct roadmap_books_options opt = {0};
	struct roadmap_books_report rep;
	struct roadmap_books *b = NULL;
	struct session s;
	char *rules;
	size_t rules_len;
	int rc = 0, fd;

	if ((rc = read_input(o->map, &rules, &rules_len))) {
		return rc;
	}
	if ((fd = open_register(file, &rc)) < 0) {
		free(rules);
		return rc;
	}
	if ((rc = begin_write(ctx, &s))) {
		free(rules);
		if (fd != STDIN_FILENO) {
			close(fd);
		}
		return rc;
	}
	opt.format = (enum roadmap_books_format)o->format;
	opt.name = strcmp(file, "-") ? file : "stdin";
	opt.rules_name = strcmp(o->map, "-") ? o->map : "stdin";
	opt.rules = rules;
	opt.rules_len = rules_len;
	enum roadmap_status st = roadmap_books_begin(s.rm, &opt, &rep, &b);
	static char buf[1 << 18];
	while (!st) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			msg("%s: cannot read: %s", file, strerror(errno));
			rc = 74;
			break;
		}
		if (n == 0) {
			st = roadmap_books_end(b);
			break;
		}
		st = roadmap_books_feed(b, buf, (size_t)n);
	}
	free(rules);
	if (fd != STDIN_FILENO) {
		close(fd);
	}
	if (rc) {
		/* already said */
	} else if (st == ROADMAP_ERR_NOMEM) {
		msg("out of memory");
		rc = 70;
	} else if (st) {
		books_errors(b ? opt.name : opt.rules_name, &rep.import);
		rc = 65;
	} else {
		rc = print_books(&rep);
	}
	size_t replaced = 0;
	for (size_t i = 0; i < rep.n_actuals; i++) {
		replaced += rep.actuals[i].replaces;
	}
	if (rc == 0 && o->dry) {
		msg("dry run: %zu actual%s to record (%zu replacing one); "
		    "nothing written",
		    rep.n_actuals, rep.n_actuals == 1 ? "" : "s", replaced);
	}
	bool save = rc == 0 && !o->dry;
	int rc2 = end_write(ctx, &s, save);
	if (save && rc2 == 0) {
		msg("imported %s: %zu actual%s recorded (%zu replaced)", file,
		    rep.n_actuals, rep.n_actuals == 1 ? "" : "s", replaced);
	}
	roadmap_books_destroy(b);
	roadmap_books_report_release(&rep);
	return rc ? rc : rc2;
}

/* The import once the options are parsed (o->ignore is freed by the
 * caller). */
static int import_file(struct ctx *ctx, const struct import_opts *o, int argc,
		       char **argv)
{
	struct roadmap_import_options opt = {-1, false, 0, NULL};
	struct roadmap_import_report rep;
	struct session s;
	int rc;

	if (o->map && o->format < 0) {
		return usage_error(&cmd_import,
				   "--map needs --format ledger or focus");
	}
	if (o->format >= 0 && !o->map) {
		return usage_error(&cmd_import,
				   "--format %s needs --map RULES (which "
				   "initiative and kind each cost is)",
				   book_formats[o->format]);
	}
	if (o->format >= 0 &&
	    (o->table >= 0 || o->update || o->delimiter || o->ignore)) {
		return usage_error(&cmd_import,
				   "--format %s takes none of --table, "
				   "--update, --delimiter, --ignore-columns",
				   book_formats[o->format]);
	}
	if (o->format >= 0) {
		if (argc - optind != 1) {
			return usage_error(&cmd_import,
					   "import needs one FILE");
		}
		if (strcmp(argv[optind], "-") == 0 &&
		    strcmp(o->map, "-") == 0) {
			return usage_error(&cmd_import, "only one of FILE and "
							"--map RULES can be -");
		}
		return import_books(ctx, o, argv[optind]);
	}
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
	struct import_opts o = {-1, false, false, NULL, NULL, -1, NULL};
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
	    "FILE - reads standard input.\n"
	    "With --format ledger (an hledger register -O csv) or focus (a "
	    "FinOps FOCUS\ncost file) and --map RULES (match,initiative,kind: "
	    "an account prefix or a\ntag key=value to an initiative and "
	    "opex or capex): actuals, summed per\ninitiative, quarter and "
	    "kind to the cent; the unmapped cost is listed.\nA kind no rule "
	    "maps to an initiative keeps the amount recorded.\n",
    .opts = import_opts,
    .examples = "  roadmap import plan.csv --dry-run\n"
		"  roadmap import budgets.csv --table budgets --delimiter "
		"';'\n"
		"  roadmap import other-roadmap.json --update\n"
		"  hledger register expenses -O csv > register.csv\n"
		"  roadmap import --format ledger register.csv --map "
		"rules.csv --dry-run\n",
    .run = run_import,
};
