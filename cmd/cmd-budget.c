/* cmd-budget.c - the CFO's view: plan, envelope, variance, actuals. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/*
 * Money for people at a scale that fits the terminal: cents, whole units,
 * or thousands with one decimal (rounded half away from zero). Only the
 * display is rounded; the figures are exact.
 */
static void money_cell(bool has, int64_t v, int scale, char *buf)
{
	static const int64_t unit[] = {1, 100, 10000};
	char tmp[40];

	if (!has) {
		strcpy(buf, "-");
		return;
	}
	int64_t u = unit[scale], r = v < 0 ? -((-v + u / 2) / u)
					   : (v + u / 2) / u;
	roadmap_money_format(r * (scale == 2 ? 10 : 100), true, tmp);
	if (scale == 0) {
		strcpy(buf, tmp);
	} else if (scale == 1) {
		*strchr(tmp, '.') = '\0';
		strcpy(buf, tmp);
	} else {
		tmp[strlen(tmp) - 1] = '\0'; /* one decimal */
		strcpy(buf, tmp);
	}
}

static bool build_table(struct table *t, const struct roadmap_budget_report *r,
			int scale)
{
	static const char *head[] = {NULL,	 "OPEX",     "CAPEX",
				     "PLANNED",	 "ENVELOPE", "VARIANCE",
				     "ACTUAL",	 "ACT. VAR."};
	static const bool right[] = {0, 1, 1, 1, 1, 1, 1, 1};
	static const char *const first[] = {"QUARTER", "YEAR", "PILLAR",
					    "GOAL", "TEAM"};
	head[0] = first[r->by];
	table_init(t, 8, head, right, 0);
	for (size_t i = 0; i <= r->n; i++) {
		const struct roadmap_budget_row *x = i < r->n ? &r->rows[i]
							      : &r->total;
		char c[7][40];
		money_cell(true, x->opex, scale, c[0]);
		money_cell(true, x->capex, scale, c[1]);
		money_cell(true, x->total, scale, c[2]);
		money_cell(x->has_envelope, x->envelope, scale, c[3]);
		money_cell(x->has_envelope, x->variance, scale, c[4]);
		money_cell(x->has_actuals, x->actual, scale, c[5]);
		money_cell(x->has_actuals, x->actual_variance, scale, c[6]);
		const char *cells[] = {i < r->n ? x->key : "TOTAL",
				       c[0], c[1], c[2], c[3], c[4], c[5], c[6]};
		if (!table_add(t, cells)) {
			table_release(t);
			return false;
		}
	}
	return true;
}

static int print_table(const struct roadmap *rm,
		       const struct roadmap_budget_report *r)
{
	static const char *const units[] = {"", ", whole units",
					    ", thousands"};
	struct table t;
	int scale, rc;

	for (scale = 0; scale < 3; scale++) {
		if (!build_table(&t, r, scale)) {
			msg("out of memory");
			return 70;
		}
		if (scale == 2 || table_width(&t) <= term_width()) {
			break;
		}
		table_release(&t);
	}
	printf("Budget by %s (%s%s)\n", roadmap_budget_by_name(r->by),
	       roadmap_currency(rm), units[scale]);
	rc = table_print(&t, stdout);
	table_release(&t);
	return rc;
}

static int print_csv(const struct roadmap_budget_report *r)
{
	struct roadmap_rows rows;
	struct roadmap_error err;
	enum roadmap_status st = roadmap_budget_rows(r, &rows, &err);

	return print_rows_csv(&rows, st, &err);
}

static int run_budget(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"by", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	static const char *const formats[] = {"table", "csv", "json", NULL};
	struct roadmap_budget_report r;
	struct roadmap_error err;
	struct roadmap *rm;
	int c, format = 0, by = ROADMAP_BY_QUARTER, rc;

	while ((c = cmd_getopt(&cmd_budget, argc, argv, "", opts)) != -1) {
		if (c == 'b') {
			if ((by = roadmap_budget_by_parse(optarg)) < 0) {
				return usage_error(&cmd_budget,
						   "unknown view '%s' (quarter, "
						   "year, pillar, goal or team)",
						   optarg);
			}
		} else if (c == 'F') {
			if (choice_option(&cmd_budget, "format", optarg, formats,
				  &format)) {
				return 64;
			}
		} else {
			return 64;
		}
	}
	if (optind < argc) {
		return usage_error(&cmd_budget, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	if (roadmap_budget_report(rm, (enum roadmap_budget_by)by, &r, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	if (format == 0) {
		rc = print_table(rm, &r);
	} else if (format == 1) {
		rc = print_csv(&r);
	} else {
		char *out;
		if (roadmap_budget_report_json(rm, &r, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	}
	roadmap_budget_report_release(&r);
	release_at_exit(rm);
	return rc;
}

const struct cmd cmd_budget = {
	.name = "budget",
	.summary = "planned spend against budget envelopes and actuals",
	.usage = "budget [--by quarter|year|pillar|goal|team] [--format "
		 "table|csv|json]",
	.help = "Planned opex and capex (each initiative spread over its days, "
		"exact to the\ncent), the envelope that applies, variance "
		"(envelope - planned), actual\nspend and actual variance "
		"(planned - actual, where actuals exist), and a\ntotal row. "
		"Goal rows split each initiative's cost equally among its "
		"goals;\n(unaligned) and (none) collect the rest, so every "
		"view adds up to the same\ntotal.\n"
		"\noptions:\n"
		"  --by V       quarter (default), year, pillar, goal or team\n"
		"  --format F   table, csv or json\n"
		"\nexamples:\n"
		"  roadmap budget\n"
		"  roadmap budget --by pillar --format json | jq '.rows[] | "
		"{pillar, total}'\n",
	.run = run_budget,
};
