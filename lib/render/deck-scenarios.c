/*
 * deck-scenarios.c - the deck's Scenarios sheet (roadmap(1), export): for a
 * roadmap with scenarios, the table of `scenario compare`, a line per
 * figure and a column per scenario (the base first), every figure a typed
 * cell.
 */
#include "deck.h"

#include <stdio.h>
#include <string.h>

/* A column wide enough for its name and for the money format's widest
 * figure ("-12,345,678.00 USD"), at most 40. */
static double column_width(const struct roadmap_scenario_comparison *c,
			   size_t r)
{
	size_t w = strlen(c->rows[r].name) + 2,
	       lines = roadmap_scenario_comparison_lines(c);
	char buf[40], label[16];

	for (size_t k = 0; k < lines; k++) {
		struct roadmap_scenario_line l;
		roadmap_scenario_comparison_line(c, k, r, &l, label);
		if (l.has && l.kind == ROADMAP_FIGURE_MONEY) {
			/* the amount, a space, the currency, room to spare */
			size_t m =
			    strlen(roadmap_money_format(l.value, true, buf)) +
			    6;
			w = m > w ? m : w;
		}
	}
	return w < 14 ? 14 : w > 40 ? 40 : (double)w;
}

void rm_deck_scenarios(struct deck *d)
{
	const struct roadmap_scenario_comparison *c = d->cmp;
	size_t lines = roadmap_scenario_comparison_lines(c);
	size_t n = c->n + 1 < 256 ? c->n + 1 : 256;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Scenarios");
	double widths[256];
	char label[16], note[200];
	/* figures in a column of numbers stand to the right, dates too */
	lxw_format *right = workbook_add_format(d->wb);
	lxw_format *date = workbook_add_format(d->wb);

	format_set_align(right, LXW_ALIGN_RIGHT);
	format_set_align(right, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(date, "yyyy-mm-dd");
	format_set_align(date, LXW_ALIGN_RIGHT);
	format_set_align(date, LXW_ALIGN_VERTICAL_TOP);

	widths[0] = 22;
	rm_deck_str(ws, 0, 0, "Figure", d->head);
	for (size_t r = 0; r + 1 < n; r++) {
		widths[r + 1] = column_width(c, r);
		rm_deck_str(ws, 0, (lxw_col_t)(r + 1), c->rows[r].name,
			    d->head_n);
	}
	for (size_t col = 0; col < n; col++) {
		worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col,
				     widths[col], d->plain);
	}
	worksheet_freeze_panes(ws, 1, 1);
	for (size_t k = 0; k < lines; k++) {
		lxw_row_t row = (lxw_row_t)(k + 1);
		for (size_t r = 0; r + 1 < n; r++) {
			struct roadmap_scenario_line l;
			lxw_col_t col = (lxw_col_t)(r + 1);
			roadmap_scenario_comparison_line(c, k, r, &l, label);
			if (r == 0) {
				rm_deck_str(ws, row, 0, l.label, d->label);
			}
			if (!l.has) {
				rm_deck_str(ws, row, col,
					    l.cycle ? "cycle" : "-", right);
			} else if (l.kind == ROADMAP_FIGURE_MONEY) {
				worksheet_write_number(ws, row, col,
						       rm_deck_units(l.value),
						       d->money);
			} else if (l.kind == ROADMAP_FIGURE_DATE) {
				rm_deck_write_date(ws, row, col,
						   (roadmap_day)l.value, date);
			} else {
				worksheet_write_number(ws, row, col,
						       (double)l.value, NULL);
			}
		}
	}
	/* the notes wrap in the first column, which every printed page
	 * repeats: they never run past it */
	snprintf(note, sizeof(note),
		 "As budget, check and forecast (seed 1, 2,000 trials) give "
		 "them for each scenario's export.%s",
		 n < c->n + 1 ? " More scenarios than a sheet holds: see "
				"roadmap scenario compare."
			      : "");
	rm_deck_str(ws, (lxw_row_t)(lines + 2), 0, note, d->text);
	worksheet_set_row(ws, (lxw_row_t)(lines + 2),
			  15.0 * (double)(strlen(note) / 20 + 1), NULL);
	rm_deck_print_setup(ws, 0, widths, (int)n, 1);
}
