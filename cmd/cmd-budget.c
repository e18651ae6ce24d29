/* cmd-budget.c - the CFO's view: plan, envelope, variance, actuals. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* the library's columns, by shorter names */
enum {
	C_OPEX = ROADMAP_BUDGET_OPEX,
	C_CAPEX = ROADMAP_BUDGET_CAPEX,
	C_ENVELOPE = ROADMAP_BUDGET_ENVELOPE,
	C_COVERED = ROADMAP_BUDGET_COVERED,
	C_VARIANCE = ROADMAP_BUDGET_VARIANCE,
	C_UNCOVERED = ROADMAP_BUDGET_UNCOVERED,
	C_PWA = ROADMAP_BUDGET_PLANNED_WHERE_ACTUAL,
	C_AOPEX = ROADMAP_BUDGET_ACTUAL_OPEX,
	C_ACAPEX = ROADMAP_BUDGET_ACTUAL_CAPEX,
	N_MONEY = ROADMAP_BUDGET_COLUMNS,
	/* the pillar view's share and target share, shown after PLANNED */
	C_SHARE = N_MONEY,
	C_TARGET,
	N_COLS
};

static const char *const col_head[N_COLS] = {
    "OPEX",	 "CAPEX",  "PLANNED",	"ENVELOPE",  "COVERED", "VARIANCE",
    "UNCOVERED", "ACTUAL", "ACT. OPEX", "ACT. CAPEX", "PLAN@ACT.",
    "ACT. VAR.", "SHARE",  "TARGET"};

/* the order the table shows them in */
static const int col_order[N_COLS] = {C_OPEX,
				      C_CAPEX,
				      ROADMAP_BUDGET_TOTAL,
				      C_SHARE,
				      C_TARGET,
				      C_ENVELOPE,
				      C_COVERED,
				      C_VARIANCE,
				      C_UNCOVERED,
				      ROADMAP_BUDGET_ACTUAL,
				      C_AOPEX,
				      C_ACAPEX,
				      C_PWA,
				      ROADMAP_BUDGET_ACTUAL_VARIANCE};

#define ALL ((1u << N_COLS) - 1)
#define ASPLIT (1u << C_AOPEX | 1u << C_ACAPEX)
#define SPLIT (1u << C_OPEX | 1u << C_CAPEX | ASPLIT)
#define DERIVED (1u << C_COVERED | 1u << C_PWA)

/*
 * The layouts tried in turn until one fits the width: every column, then
 * without the actuals' opex/capex split, then without the plan's, then
 * without the two columns the others are computed from (covered, planned
 * where actual), then without uncovered (the note under the table still
 * gives what no envelope covers), then without the actual variance and
 * then the actual (a pillar view at 60 columns: its shares stay, they are
 * what it is read for).
 */
static const unsigned layouts[] = {
    ALL,
    ALL & ~ASPLIT,
    ALL & ~SPLIT,
    ALL & ~(SPLIT | DERIVED),
    ALL & ~(SPLIT | DERIVED | 1u << C_UNCOVERED),
    ALL & ~(SPLIT | DERIVED | 1u << C_UNCOVERED |
	    1u << ROADMAP_BUDGET_ACTUAL_VARIANCE),
    ALL & ~(SPLIT | DERIVED | 1u << C_UNCOVERED |
	    1u << ROADMAP_BUDGET_ACTUAL_VARIANCE | 1u << ROADMAP_BUDGET_ACTUAL),
};

/* What build_table() needs: the report, and room for the header table
 * keeps pointing at. */
struct fit {
	const struct roadmap_budget_report *r;
	const char *head[N_COLS + 1];
};

static bool build_table(void *ctx, int scale, unsigned cols, struct table *t)
{
	static const char *const first[] = {"QUARTER", "YEAR", "PILLAR",
					    "GOAL",    "TEAM", "MONTH"};
	static const bool right[] = {0, 1, 1, 1, 1, 1, 1, 1, 1,
				     1, 1, 1, 1, 1, 1};
	struct fit *f = ctx;
	const struct roadmap_budget_report *r = f->r;
	size_t n = 1;

	f->head[0] = first[r->by];
	for (int o = 0; o < N_COLS; o++) {
		if (cols & 1u << col_order[o]) {
			f->head[n++] = col_head[col_order[o]];
		}
	}
	table_init(t, n, f->head, right, 0);
	for (size_t i = 0; i <= r->n; i++) {
		const struct roadmap_budget_row *x =
		    i < r->n ? &r->rows[i] : &r->total;
		char c[N_COLS][ROADMAP_NUMBER_BUF];
		const char *cells[N_COLS + 1] = {i < r->n ? x->key : "TOTAL"};
		size_t k = 1;
		for (int o = 0; o < N_COLS; o++) {
			int j = col_order[o];
			const char *s;
			int64_t v;
			if (!(cols & 1u << j)) {
				continue;
			}
			if (j >= N_MONEY) {
				s = roadmap_budget_share_text(x, j == C_TARGET,
							      c[j]);
				if (s) {
					strcat(c[j], "%");
				}
				cells[k++] = s ? c[j] : "-";
				continue;
			}
			bool has = roadmap_budget_value(x, j, &v);
			money_cell(has, v, scale, c[j]);
			/* an estimated split says so (a note explains) */
			if (has && x->actual_estimated &&
			    (j == C_AOPEX || j == C_ACAPEX)) {
				memmove(c[j] + 1, c[j], strlen(c[j]) + 1);
				c[j][0] = '~';
			}
			cells[k++] = c[j];
		}
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
	struct fit f = {.r = r};
	struct table t;
	int scale, rc;
	size_t layout;
	/* goal and team rows use no envelope: those columns say nothing;
	 * only pillar rows have shares */
	unsigned none = r->by == ROADMAP_BY_GOAL || r->by == ROADMAP_BY_TEAM ||
				r->by == ROADMAP_BY_MONTH
			    ? 1u << C_ENVELOPE | 1u << C_COVERED |
				  1u << C_VARIANCE | 1u << C_UNCOVERED
			    : 0;
	/* months compare no actual either: actuals are kept by quarter */
	if (r->by == ROADMAP_BY_MONTH) {
		none |= 1u << ROADMAP_BUDGET_ACTUAL | 1u << C_PWA | ASPLIT |
			1u << ROADMAP_BUDGET_ACTUAL_VARIANCE;
	}
	unsigned shares =
	    r->by == ROADMAP_BY_PILLAR ? 0 : 1u << C_SHARE | 1u << C_TARGET;
	char m[40];

	if ((rc = table_fit(&t, build_table, &f, layouts,
			    sizeof(layouts) / sizeof(layouts[0]), none | shares,
			    &scale, &layout))) {
		return rc;
	}
	printf("Budget by %s (%s%s)\n", roadmap_budget_by_name(r->by),
	       roadmap_currency(rm), scale_units(scale));
	rc = table_print(&t, stdout);
	table_release(&t);
	if (rc) {
		return rc;
	}
	if (layout > 0) {
		printf("Columns left out to fit; --format csv has all.\n");
	}
	if (r->total.actual_estimated && (layouts[layout] & ASPLIT & ~none)) {
		printf("~ estimated: unsplit actuals split in their "
		       "initiative's planned capex:opex ratio\n");
	}
	if (r->by == ROADMAP_BY_MONTH) {
		printf("Envelopes and actuals: see budget --by quarter.\n");
	}
	if (r->unbudgeted > 0 && !none) {
		printf("Not covered by any envelope: %s %s\n",
		       roadmap_currency(rm),
		       roadmap_money_format(r->unbudgeted, true, m));
		/* the column counts only each row's own envelopes: say so
		 * where its total differs, so that the two are never read
		 * as one figure (docs/decisions.md) */
		if ((layouts[layout] & 1u << C_UNCOVERED) &&
		    r->total.uncovered != r->unbudgeted) {
			printf(
			    "UNCOVERED counts each row's own envelopes only: "
			    "%s %s of it falls in quarters that other "
			    "envelopes span\n",
			    roadmap_currency(rm),
			    roadmap_money_format(
				r->total.uncovered - r->unbudgeted, true, m));
		}
	}
	return fflush(stdout) || ferror(stdout) ? 74 : 0;
}

static int print_csv(const struct roadmap_budget_report *r)
{
	struct roadmap_rows rows;
	struct roadmap_error err;
	enum roadmap_status st = roadmap_budget_rows(r, &rows, &err);

	return print_rows_csv(&rows, st, &err);
}

struct budget_opts {
	int by, format;
	struct selection_opts sel;
};

static const char *const views[] = {ROADMAP_WORD_QUARTER, ROADMAP_WORD_YEAR,
				    ROADMAP_FIELD_PILLAR, ROADMAP_WORD_GOAL,
				    ROADMAP_WORD_TEAM,	  ROADMAP_WORD_MONTH,
				    NULL};
static const struct opt budget_opts[] = {
    OPT_NAMED("by", "view", "V", views, roadmap_budget_by_parse,
	      struct budget_opts, by,
	      "quarter (default), year, pillar, goal, team or month\n"
	      "(calendar months: planned spend only)"),
    OPT_CHOICE("format", "F", report_formats, struct budget_opts, format,
	       "table, csv or json"),
    OPT_SELECTION(struct budget_opts, sel),
    {0},
};

static int budget_of(struct ctx *ctx, struct budget_opts o, int argc,
		     char **argv)
{
	struct roadmap_budget_report r;
	struct roadmap_selection sel;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	enum roadmap_budget_by by = (enum roadmap_budget_by)o.by;
	enum report_format format = (enum report_format)o.format;
	if (optind < argc) {
		return usage_error(&cmd_budget, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = open_selected(ctx, &cmd_budget, &o.sel, &sel, &rm))) {
		return rc;
	}
	if (roadmap_budget_report(rm, by, &r, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	if (format == REPORT_TABLE) {
		rc = print_table(rm, &r);
	} else if (format == REPORT_CSV) {
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

static int run_budget(struct ctx *ctx, int argc, char **argv)
{
	struct budget_opts o = {ROADMAP_BY_QUARTER, REPORT_TABLE, {0}};
	int rc = parse_options(&cmd_budget, argc, argv, &o);

	if (rc == 0) {
		rc = budget_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_budget = {
    .name = "budget",
    .summary = "planned spend against budget envelopes and actuals",
    .help = "Planned opex and capex (each initiative spread over its days, "
	    "exact to the\ncent), the envelopes each row uses, the planned "
	    "spend they cover, variance\n(envelope - covered: negative is "
	    "an overrun, as check reports it) and the\nspend no envelope "
	    "of the row covers. Actuals are compared per initiative and\n"
	    "quarter: PLAN@ACT. is the plan of exactly the pairs that have "
	    "an actual, and\nACT. VAR. = PLAN@ACT. - ACTUAL. The TOTAL row "
	    "is the sum of the rows, and\nevery view adds up to the same "
	    "planned and actual totals.\n"
	    "\nenvelopes a row uses:\n"
	    "  quarter   the quarter's all-pillar envelope\n"
	    "  year      the fiscal-year envelope, else the year's quarter "
	    "envelopes\n"
	    "  pillar    per fiscal year, the pillar's year envelope, else "
	    "its quarter\n"
	    "            envelopes\n"
	    "  goal, team  none (goal rows split each initiative's cost "
	    "equally; (unaligned)\n"
	    "            and (none) collect the rest)\n",
    .opts = budget_opts,
    .examples = "  roadmap budget\n"
		"  roadmap budget --by pillar --format json | jq '.rows[] | "
		"{pillar, total}'\n",
    .run = run_budget,
};
