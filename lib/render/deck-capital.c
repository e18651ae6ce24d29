/*
 * deck-capital.c - the deck's Capitalization sheet (roadmap(1), export): the
 * capitalization by quarter on the plan and, when the roadmap records
 * actuals, on the actuals (roadmap(1), capitalization), P&L expense and
 * cash as formulas with their exact values, and a chart of the plan's cash
 * against its P&L expense per quarter.
 */
#include "deck.h"

#include <stdio.h>

#define NCOLS (1 + ROADMAP_CAPITAL_COLUMNS)

static const char *const names[NCOLS] = {"Quarter",
					 "Capex added",
					 "Placed in service",
					 "Amortization",
					 "Write-off",
					 "Work in progress (end)",
					 "Net book value (end)",
					 "Opex",
					 "P&L expense (opex + amortization + "
					 "write-off)",
					 "Cash (opex + capex)"};
static const double widths[NCOLS] = {12, 17, 17, 17, 17, 17, 17, 17, 19, 17};

/* One table from row top: its heading, a header, a row per quarter and
 * the total; returns the row after it. */
static lxw_row_t table(struct deck *d, lxw_worksheet *ws, lxw_row_t top,
		       const char *heading,
		       const struct roadmap_capital_report *r)
{
	char f[64];

	rm_deck_str(ws, top, 0, heading, d->label);
	for (int c = 0; c < NCOLS; c++) {
		worksheet_write_string(ws, top + 1, (lxw_col_t)c, names[c],
				       c ? d->head_n : d->head);
	}
	worksheet_set_row(ws, top + 1, 45, NULL);
	for (size_t i = 0; i <= r->n; i++) {
		const struct roadmap_capital_row *x =
		    i < r->n ? &r->rows[i] : &r->total;
		lxw_row_t row = top + 2 + (lxw_row_t)i;
		unsigned n = (unsigned)row + 1, first = (unsigned)top + 3;
		bool total = i == r->n;
		lxw_format *money = total ? d->money_bold : d->money;
		rm_deck_str(ws, row, 0, total ? "Total" : x->key,
			    total ? d->bold : NULL);
		for (int c = 0; c < ROADMAP_CAPITAL_COLUMNS; c++) {
			lxw_col_t col = (lxw_col_t)(c + 1);
			double v = rm_deck_units(x->v[c]);
			bool balance = c == ROADMAP_CAPITAL_WIP ||
				       c == ROADMAP_CAPITAL_NET_BOOK_VALUE;
			char a[8];
			rm_deck_col_name(c + 1, a);
			if (c == ROADMAP_CAPITAL_PL_EXPENSE) {
				snprintf(f, sizeof(f), "=D%u+E%u+H%u", n, n, n);
			} else if (c == ROADMAP_CAPITAL_CASH) {
				snprintf(f, sizeof(f), "=B%u+H%u", n, n);
			} else if (total && !balance && r->n > 0) {
				snprintf(f, sizeof(f), "=SUM(%s%u:%s%u)", a,
					 first, a, n - 1);
			} else {
				/* the balances: the last quarter's */
				worksheet_write_number(ws, row, col, v, money);
				continue;
			}
			worksheet_write_formula_num(ws, row, col, f, money, v);
		}
	}
	return top + 3 + (lxw_row_t)r->n;
}

/* The plan's cash and P&L expense per quarter, from the table at top,
 * drawn at row at under the tables (the page stays as wide as they are). */
static void chart(struct deck *d, lxw_worksheet *ws, lxw_row_t top, size_t n,
		  lxw_row_t at)
{
	lxw_chart *ch = workbook_add_chart(d->wb, LXW_CHART_LINE);
	lxw_row_t first = top + 2, last = top + 1 + (lxw_row_t)n;
	static const struct {
		lxw_col_t col;
		uint32_t color;
		const char *name;
	} series[] = {
	    {9, 0x2E75B6, "Cash"},
	    {8, 0xC00000, "P&L expense"},
	};

	for (size_t k = 0; k < 2; k++) {
		lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
		lxw_chart_line line = {.color = series[k].color, .width = 2.25};
		chart_series_set_categories(s, "Capitalization", first, 0, last,
					    0);
		chart_series_set_values(s, "Capitalization", first,
					series[k].col, last, series[k].col);
		chart_series_set_name(s, series[k].name);
		chart_series_set_line(s, &line);
	}
	chart_title_set_name(ch, "Cash against P&L expense per quarter (plan)");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	chart_axis_set_num_format(ch->y_axis, "#,##0");
	chart_axis_set_name(ch->x_axis, "Fiscal quarter");
	lxw_chart_options big = {.x_scale = 1.5, .y_scale = 1.35};
	worksheet_insert_chart_opt(ws, at, 1, ch, &big);
}

void rm_deck_capital(struct deck *d)
{
	const struct roadmap *rm = d->rm;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Capitalization");
	struct roadmap_capital_report plan = {0}, act = {0};
	struct roadmap_error err;
	bool actuals = false, long_table = false;
	lxw_row_t r = 0;
	char note[600];

	for (int c = 0; c < NCOLS; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
				     d->plain);
	}
	for (size_t i = 0; i < rm->n_inits && !actuals; i++) {
		actuals = rm->inits[i].n_actuals > 0;
	}
	/* the budget report the deck already holds checked every sum these
	 * reach, so only memory can fail them: the sheet says so */
	if (rm_capitalization_from(rm, &d->a->sp, ROADMAP_BASIS_PLAN,
				   ROADMAP_CAPITAL_BY_QUARTER, &plan, &err) ||
	    (actuals &&
	     rm_capitalization_from(rm, &d->a->sp, ROADMAP_BASIS_ACTUAL,
				    ROADMAP_CAPITAL_BY_QUARTER, &act, &err))) {
		snprintf(note, sizeof(note), "Not computed: %s", err.message);
		rm_deck_str(ws, 0, 0, note, d->label);
		goto out;
	}
	/* each table, and then the notes and the chart, start a printed
	 * page: a chart is never cut in two by a page's end, and a table's
	 * header repeats on the pages after its first only when it is too
	 * long for one (a repeated header above the other table or above
	 * the notes would name columns that are not there) */
	int per_page = rm_deck_rows_per_page(widths, NCOLS, 1);
	long_table = (int)plan.n + 3 > per_page;
	r = table(d, ws, 0, "On the plan (planned opex and capex)", &plan);
	lxw_row_t brk[] = {0, 0, 0};
	size_t nb = 0;
	if (actuals) {
		brk[nb++] = r + 1;
		long_table = long_table || (int)act.n + 3 > per_page;
		r = table(d, ws, r + 1,
			  "On the actuals (recorded by kind, or estimated)",
			  &act);
	}
	brk[nb] = r + 1;
	worksheet_set_h_pagebreaks(ws, brk);
	static const char *const notes[] = {
	    "Capex is work in progress until its initiative is placed in "
	    "service: the day after its end, or its in-service day.",
	    "It is then amortized straight-line from the next month over "
	    "its useful life (default: policy.useful_life, %d months), the "
	    "cumulative amount rounded to the cent.",
	    "A cancelled initiative's actual capex is written off in the "
	    "quarter of its last actual. As roadmap capitalization gives "
	    "it."};
	for (size_t k = 0; k < 3; k++) {
		snprintf(note, sizeof(note), notes[k], rm->policy.useful_life);
		rm_deck_str(ws, r + 1 + (lxw_row_t)k, 0, note, NULL);
	}
	if (plan.n > 0) {
		chart(d, ws, 0, plan.n, r + 5);
	}
out:
	worksheet_freeze_panes(ws, 2, 1);
	rm_deck_print_setup(ws, long_table ? 1 : -1, widths, NCOLS, 1);
	roadmap_capital_report_release(&plan);
	roadmap_capital_report_release(&act);
}
