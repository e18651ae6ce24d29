/* cmd-scenario.c - what-if plans kept with the roadmap: new, list, rm,
 * diff, export, apply and compare (the library does the work). */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

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
	char *out = NULL;
	size_t len;
	int rc;

	if ((rc = output_not_roadmap(ctx, output))) {
		return rc;
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

/* The figure of line k for row r as people read it, money at the
 * table's scale (0: cents, 1: whole units, 2: thousands); the line's label
 * is written to label (16 bytes) when it is not static. */
static const char *compare_cell(const struct roadmap_scenario_comparison *c,
				size_t k, size_t r, int scale, char *label,
				char *buf)
{
	struct roadmap_scenario_line l;

	roadmap_scenario_comparison_line(c, k, r, &l, label);
	if (!l.has) {
		/* a cycle leaves no forecast: say so where the dates go */
		strcpy(buf, l.cycle ? "cycle" : "-");
	} else if (l.kind == ROADMAP_FIGURE_MONEY) {
		money_cell(true, l.value, scale, buf);
	} else if (l.kind == ROADMAP_FIGURE_DATE) {
		roadmap_day_format((roadmap_day)l.value, buf);
	} else {
		snprintf(buf, 40, "%lld", (long long)l.value);
	}
	return l.label;
}

/*
 * The widths of the label column and of each scenario's column at a money
 * scale, and how many blocks of columns the table takes at width: each
 * block the label column and as many scenarios as fit beside it.
 */
static size_t compare_widths(const struct roadmap_scenario_comparison *c,
			     int scale, size_t width, size_t *label_w,
			     size_t *col_w)
{
	size_t n_rows = roadmap_scenario_comparison_lines(c), blocks = 1, used;
	char buf[48], label[16];

	*label_w = 0;
	for (size_t s = 0; s < c->n; s++) {
		col_w[s] = text_width(c->rows[s].name);
		for (size_t k = 0; k < n_rows; k++) {
			size_t w = text_width(
			    compare_cell(c, k, s, scale, label, buf));
			*label_w = w > *label_w ? w : *label_w;
			w = text_width(buf);
			col_w[s] = w > col_w[s] ? w : col_w[s];
		}
	}
	used = *label_w;
	for (size_t s = 0; s < c->n; s++) {
		if (used > *label_w && used + 2 + col_w[s] > width) {
			blocks++;
			used = *label_w;
		}
		used += 2 + col_w[s];
	}
	return blocks;
}

/* The comparison for people: a row per figure, a column per scenario, in
 * blocks of columns when they do not fit side by side. */
static int print_compare(const struct roadmap *rm,
			 const struct roadmap_scenario_comparison *c)
{
	static const char *const units[] = {"", ", whole units", ", thousands"};
	size_t width = term_width(), label_w, best = 0, n_rows;
	size_t *col_w = calloc(c->n + 1, sizeof(size_t));
	const char **head = calloc(c->n + 2, sizeof(char *));
	const char **cells = calloc(c->n + 2, sizeof(char *));
	char(*buf)[48] = calloc(c->n + 2, sizeof(*buf)), label[16];
	char(*names)[72] = calloc(c->n + 1, sizeof(*names));
	bool *right = calloc(c->n + 2, sizeof(bool));
	int scale = 0, rc = 0;

	if (!col_w || !head || !cells || !buf || !names || !right) {
		msg("out of memory");
		rc = 70;
		goto out;
	}
	/* the scale with the fewest blocks, the finest among those */
	for (int s = 0; s < 3; s++) {
		size_t b = compare_widths(c, s, width, &label_w, col_w);
		if (s == 0 || b < best) {
			best = b;
			scale = s;
		}
	}
	compare_widths(c, scale, width, &label_w, col_w);
	n_rows = roadmap_scenario_comparison_lines(c);
	printf("Scenarios compared (%s%s)\n", roadmap_currency(rm),
	       units[scale]);
	for (size_t s = 0; s < c->n;) {
		/* the scenarios of this block; a name too long for the
		 * width alone is shortened (names are ids: ASCII) */
		size_t used = label_w, e = s;
		for (; e < c->n; e++) {
			if (e > s && used + 2 + col_w[e] > width) {
				break;
			}
			used += 2 + col_w[e];
		}
		size_t m = e - s,
		       room = width > label_w + 12 ? width - label_w - 2 : 10;
		struct table t;
		bool ok = true;
		head[0] = "";
		for (size_t k = 0; k < m; k++) {
			const char *nm = c->rows[s + k].name;
			if (strlen(nm) > room) {
				snprintf(names[s + k], sizeof(names[0]),
					 "%.*s\xE2\x80\xA6", (int)(room - 1),
					 nm);
				nm = names[s + k];
			}
			head[k + 1] = nm;
			right[k + 1] = true;
		}
		table_init(&t, m + 1, head, right, -1);
		for (size_t r = 0; ok && r < n_rows; r++) {
			for (size_t k = 0; k < m; k++) {
				cells[0] = compare_cell(c, r, s + k, scale,
							label, buf[k + 1]);
				cells[k + 1] = buf[k + 1];
			}
			ok = table_add(&t, cells);
		}
		if (s > 0) {
			printf("\n");
		}
		if ((rc = table_emit(&t, ok))) {
			goto out;
		}
		s = e;
	}
	rc = flush_stdout();
out:
	free(col_w);
	free(head);
	free(cells);
	free(buf);
	free(names);
	free(right);
	return rc;
}

static int run_compare(struct ctx *ctx, int argc, char **argv,
		       enum report_format format)
{
	struct roadmap_scenario_compare_options o = {cpu_threads()};
	struct roadmap_scenario_comparison c;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	if (roadmap_scenario_compare_opt(
		rm, (const char *const *)argv + optind + 1,
		(size_t)(argc - optind - 1), &o, &c, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	for (size_t r = 1; r < c.n; r++) {
		struct ctx named = *ctx;
		named.scenario = c.rows[r].name;
		say_skipped(&named, c.rows[r].skipped);
		c.rows[r].skipped = NULL;
	}
	if (format == REPORT_JSON) {
		char *out = NULL;
		rc = roadmap_scenario_comparison_json(&c, &out, &err)
			 ? fail_err(&err)
			 : write_stdout(out, strlen(out));
		free(out);
	} else if (format == REPORT_CSV) {
		struct roadmap_rows rows;
		rc = print_rows_csv(
		    &rows, roadmap_scenario_comparison_rows(&c, &rows, &err),
		    &err);
	} else {
		rc = print_compare(rm, &c);
	}
	roadmap_scenario_comparison_release(&c);
	release_at_exit(rm);
	return rc;
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
	/* the subcommands of one NAME */
	if (w != LIST && w != COMPARE) {
		if (argc - optind != 2) {
			return usage_error(&cmd_scenario,
					   "scenario %s takes one NAME",
					   words[w]);
		}
		name = argv[optind + 1];
	}
	switch ((enum word)w) {
	case NEW:
		return run_new(ctx, name, o.from);
	case RM:
		return run_rm(ctx, name);
	case DIFF:
		return run_diff(ctx, name,
				format == REPORT_JSON ? ROADMAP_OUTPUT_JSON
						      : ROADMAP_OUTPUT_TEXT);
	case EXPORT:
		return run_export(ctx, name, o.output);
	case APPLY:
		return run_apply(ctx, name);
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
