/*
 * deck-budget.c - the deck's Budget sheet (roadmap(1), export): the budget
 * by quarter, the computed columns as formulas with their exact values.
 */
#include "deck.h"

#include <stdio.h>

void rm_deck_budget(struct deck *d)
{
	static const char *const names[] = {
	    "Quarter",
	    "Opex",
	    "Capex",
	    "Planned",
	    "Envelope",
	    "Covered by the envelope",
	    "Variance (envelope - covered)",
	    "Uncovered",
	    "Actual",
	    "Actual opex",
	    "Actual capex",
	    "Planned where actual",
	    "Actual variance (planned - actual)"};
	static const double widths[] = {10, 17, 17, 17, 17, 17, 17,
					17, 17, 17, 17, 17, 18};
	const struct roadmap_budget_report *br = &d->a->br;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Budget");
	char f[96];

	/* the computed columns are formulas (with their values) over the
	 * row's cells: planned, variance, uncovered, actual, actual
	 * variance */
	static const char *const formula[ROADMAP_BUDGET_COLUMNS] = {
	    [ROADMAP_BUDGET_TOTAL] = "=B%u+C%u",
	    [ROADMAP_BUDGET_VARIANCE] = "=E%u-F%u",
	    [ROADMAP_BUDGET_UNCOVERED] = "=D%u-F%u",
	    [ROADMAP_BUDGET_ACTUAL] = "=J%u+K%u",
	    [ROADMAP_BUDGET_ACTUAL_VARIANCE] = "=L%u-I%u",
	};
	/* figures: headings over them */
	rm_deck_header(d, ws, names, widths, 13, "lrrrrrrrrrrrr");
	worksheet_set_row(ws, 0, 45, NULL);
	for (size_t i = 0; i <= br->n; i++) {
		const struct roadmap_budget_row *x =
		    i < br->n ? &br->rows[i] : &br->total;
		lxw_row_t r = (lxw_row_t)(i + 1);
		unsigned n = (unsigned)(r + 1);
		rm_deck_str(ws, r, 0, i < br->n ? x->key : "Total",
			    i < br->n ? NULL : d->bold);
		for (int c = 0; c < ROADMAP_BUDGET_COLUMNS; c++) {
			lxw_col_t col = (lxw_col_t)(c + 1);
			int64_t v;
			if (!roadmap_budget_value(x, c, &v)) {
				if (i == br->n) {
					worksheet_write_blank(ws, r, col,
							      d->money_bold);
				}
				continue;
			}
			bool est = rm_budget_estimated(x, c);
			if (i == br->n) {
				/* the total row: SUM formulas, exact
				 * totals as their values */
				char a[8];
				rm_deck_col_name(c + 1, a);
				if (br->n == 0) {
					snprintf(f, sizeof(f), "=0");
				} else {
					snprintf(f, sizeof(f), "=SUM(%s2:%s%u)",
						 a, a, (unsigned)(br->n + 1));
				}
				worksheet_write_formula_num(
				    ws, r, col, f,
				    est ? d->money_bold_est : d->money_bold,
				    rm_deck_units(v));
			} else if (formula[c]) {
				snprintf(f, sizeof(f), formula[c], n, n);
				worksheet_write_formula_num(
				    ws, r, col, f, d->money, rm_deck_units(v));
			} else {
				worksheet_write_number(
				    ws, r, col, rm_deck_units(v),
				    est ? d->money_est : d->money);
			}
		}
	}
	lxw_row_t tr = (lxw_row_t)(br->n + 1);
	/* variances red when negative */
	lxw_conditional_format neg = {0};
	neg.type = LXW_CONDITIONAL_TYPE_CELL;
	neg.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
	neg.value = 0;
	neg.format = d->red;
	worksheet_conditional_format_range(ws, 1, 6, tr, 6, &neg);
	worksheet_conditional_format_range(ws, 1, 12, tr, 12, &neg);
	if (d->a->br.unbudgeted > 0) {
		char note[RM_UNCOVERED_NOTE];
		rm_uncovered_note(&d->a->br, d->rm->currency, note);
		/* wrapped in columns B to H, the first printed page's:
		 * left to run on, it was cut at that page's edge */
		lxw_format *wrap = workbook_add_format(d->wb);
		format_set_bold(wrap);
		format_set_text_wrap(wrap);
		format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
		worksheet_merge_range(ws, tr + 2, 1, tr + 2, 7, note, wrap);
		rm_deck_wrapped_height(d, ws, tr + 2, note, 7 * 17, wrap);
	}
	if (br->total.actual_estimated) {
		/* from column B: column A is repeated on the second page,
		 * where a note begun in it would be cut */
		rm_deck_str(ws, tr + 3, 1, RM_ESTIMATED_SPLIT, d->label);
	}
	rm_deck_print_setup(ws, 0, widths, 13, 1);
}
