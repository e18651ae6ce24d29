/* cmd-capitalization.c - capex as work in progress, placed in service and
 * amortized; the P&L expense beside the cash (roadmap(1), capitalization). */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

enum {
	C_ADDED = ROADMAP_CAPITAL_CAPEX_ADDED,
	C_PLACED = ROADMAP_CAPITAL_PLACED_IN_SERVICE,
	C_AMORT = ROADMAP_CAPITAL_AMORTIZATION,
	C_WRITE_OFF = ROADMAP_CAPITAL_WRITE_OFF,
	C_WIP = ROADMAP_CAPITAL_WIP,
	C_NBV = ROADMAP_CAPITAL_NET_BOOK_VALUE,
	C_OPEX = ROADMAP_CAPITAL_OPEX,
	C_PL = ROADMAP_CAPITAL_PL_EXPENSE,
	C_CASH = ROADMAP_CAPITAL_CASH,
	N_COLS = ROADMAP_CAPITAL_COLUMNS
};

static const char *const col_head[N_COLS] = {
    "CAPEX", "IN SERVICE", "AMORT.", "WRITE-OFF", "WIP",
    "NBV",   "OPEX",	   "P&L",    "CASH"};

#define ALL ((1u << N_COLS) - 1)
#define BIT(c) (1u << (c))

/*
 * The layouts tried in turn until one fits the width: every column, then
 * without placed in service (the change of WIP and NBV shows it), opex
 * (P&L and cash less their capital parts), work in progress, write-offs,
 * and last the capex added: amortization, net book value, P&L and cash
 * stay, what the view is read for.
 */
static const unsigned layouts[] = {
    ALL,
    ALL & ~BIT(C_PLACED),
    ALL & ~(BIT(C_PLACED) | BIT(C_OPEX)),
    ALL & ~(BIT(C_PLACED) | BIT(C_OPEX) | BIT(C_WIP)),
    ALL & ~(BIT(C_PLACED) | BIT(C_OPEX) | BIT(C_WIP) | BIT(C_WRITE_OFF)),
    ALL & ~(BIT(C_PLACED) | BIT(C_OPEX) | BIT(C_WIP) | BIT(C_WRITE_OFF) |
	    BIT(C_ADDED)),
};
#define N_LAYOUTS (sizeof(layouts) / sizeof(layouts[0]))

/* What build_table() needs: the report, and room for the header table
 * keeps pointing at. */
struct fit {
	const struct roadmap_capital_report *r;
	const char *head[N_COLS + 1];
};

static bool build_table(void *ctx, int scale, unsigned cols, struct table *t)
{
	static const char *const first[] = {"QUARTER", "YEAR", "INITIATIVE"};
	static const bool right[] = {0, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	struct fit *f = ctx;
	const struct roadmap_capital_report *r = f->r;
	size_t n = 1;

	f->head[0] = first[r->by];
	for (int c = 0; c < N_COLS; c++) {
		if (cols & BIT(c)) {
			f->head[n++] = col_head[c];
		}
	}
	table_init(t, n, f->head, right, 0);
	for (size_t i = 0; i <= r->n; i++) {
		const struct roadmap_capital_row *x =
		    i < r->n ? &r->rows[i] : &r->total;
		char c[N_COLS][48];
		const char *cells[N_COLS + 1] = {i < r->n ? x->key : "TOTAL"};
		size_t k = 1;
		for (int j = 0; j < N_COLS; j++) {
			if (cols & BIT(j)) {
				money_cell(true, x->v[j], scale, c[j]);
				cells[k++] = c[j];
			}
		}
		if (!table_add(t, cells)) {
			table_release(t);
			return false;
		}
	}
	return true;
}

static int print_table(const struct roadmap *rm,
		       const struct roadmap_capital_report *r)
{
	struct fit f = {.r = r};
	struct table t;
	int scale, rc;
	size_t layout;
	/* the plan writes nothing off: that column says nothing there */
	unsigned none = r->basis == ROADMAP_BASIS_PLAN ? BIT(C_WRITE_OFF) : 0;

	if ((rc = table_fit(&t, build_table, &f, layouts, N_LAYOUTS, none,
			    &scale, &layout))) {
		return rc;
	}
	printf("Capitalization by %s, %s basis (%s%s)\n",
	       roadmap_capital_by_name(r->by),
	       roadmap_capital_basis_name(r->basis), roadmap_currency(rm),
	       scale_units(scale));
	rc = table_print(&t, stdout);
	table_release(&t);
	if (rc) {
		return rc;
	}
	if ((layouts[layout] & ~none) != (ALL & ~none)) {
		printf("Columns left out to fit; --format csv has all.\n");
	}
	printf("P&L = opex + amortization + write-off; cash = opex + capex\n");
	return fflush(stdout) || ferror(stdout) ? 74 : 0;
}

struct capital_opts {
	int basis, by, format;
	struct selection_opts sel;
};

static const char *const bases[] = {"plan", "actual", NULL};
static const char *const views[] = {ROADMAP_WORD_QUARTER, ROADMAP_WORD_YEAR,
				    ROADMAP_WORD_INITIATIVE, NULL};
static const struct opt capital_opts[] = {
    OPT_NAMED("basis", "basis", "B", bases, roadmap_capital_basis_parse,
	      struct capital_opts, basis,
	      "plan (default: the planned spend) or actual (the\n"
	      "actuals, by kind)"),
    OPT_NAMED("by", "view", "V", views, roadmap_capital_by_parse,
	      struct capital_opts, by, "quarter (default), year or initiative"),
    OPT_CHOICE("format", "F", report_formats, struct capital_opts, format,
	       "table, csv or json"),
    OPT_SELECTION(struct capital_opts, sel),
    {0},
};

static int capital_of(struct ctx *ctx, struct capital_opts o, int argc,
		      char **argv)
{
	struct roadmap_capital_report r;
	struct roadmap_selection sel;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	if (optind < argc) {
		return usage_error(&cmd_capitalization,
				   "unexpected argument '%s'", argv[optind]);
	}
	if ((rc = open_selected(ctx, &cmd_capitalization, &o.sel, &sel, &rm))) {
		return rc;
	}
	if (roadmap_capitalization(rm, (enum roadmap_capital_basis)o.basis,
				   (enum roadmap_capital_by)o.by, &r, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	if (o.format == REPORT_TABLE) {
		rc = print_table(rm, &r);
	} else if (o.format == REPORT_CSV) {
		struct roadmap_rows rows;
		enum roadmap_status st = roadmap_capital_rows(&r, &rows, &err);
		rc = print_rows_csv(&rows, st, &err);
	} else {
		char *out;
		if (roadmap_capital_report_json(&r, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	}
	roadmap_capital_report_release(&r);
	release_at_exit(rm);
	return rc;
}

static int run_capitalization(struct ctx *ctx, int argc, char **argv)
{
	struct capital_opts o = {
	    ROADMAP_BASIS_PLAN, ROADMAP_CAPITAL_BY_QUARTER, REPORT_TABLE, {0}};
	int rc = parse_options(&cmd_capitalization, argc, argv, &o);

	if (rc == 0) {
		rc = capital_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_capitalization = {
    .name = "capitalization",
    .summary = "capex as work in progress, amortization, P&L against cash",
    .help =
	"Capex is capitalized as it is spent (the plan spread over its days, "
	"or the\nactuals' capex) and held as work in progress (WIP) until "
	"its initiative is\nplaced in service: the day after its end, or "
	"its in_service day. From the\nfirst day of the next month it is "
	"amortized straight-line over useful_life\nmonths (default "
	"policy.useful_life, 36), the cumulative amount rounded to the\n"
	"cent so that the months add up exactly; capex spent after that "
	"quarter is\nplaced in service in its own quarter and amortized "
	"over what is left of the\nlife. A cancelled initiative's actual "
	"capex is written off in the quarter of\nits last actual; a "
	"deferred one's stays WIP. Planned work counts as budget\ncounts "
	"it (not cancelled or deferred).\n"
	"\ncolumns:\n"
	"  CAPEX       capex added in the period\n"
	"  IN SERVICE  capex placed in service in the period\n"
	"  AMORT.      amortization of the period\n"
	"  WRITE-OFF   capex written off\n"
	"  WIP, NBV    work in progress and net book value at the end of the "
	"period\n"
	"  OPEX        opex of the period\n"
	"  P&L         the P&L expense: OPEX + AMORT. + WRITE-OFF\n"
	"  CASH        OPEX + CAPEX\n"
	"\nQuarter rows run from the first with a flow to the last "
	"amortization, without\ngaps. The TOTAL row sums the flows; its WIP "
	"and NBV are those at the end.\n",
    .opts = capital_opts,
    .examples =
	"  roadmap capitalization\n"
	"  roadmap capitalization --basis actual --by year\n"
	"  roadmap capitalization --by initiative --format csv\n"
	"  roadmap capitalization --format json | jq '.total.pl_expense'\n",
    .run = run_capitalization,
};
