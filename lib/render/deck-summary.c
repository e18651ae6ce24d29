/*
 * deck-summary.c - the deck's Summary sheet (roadmap(1), export): headline
 * figures consistent with `budget`, planned spend per quarter stacked by pillar
 * against every envelope, and the investment mix with its shares.
 */
#include "deck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ summary */

static lxw_row_t headline(struct deck *d, lxw_worksheet *ws, lxw_row_t r)
{
	const struct roadmap *rm = d->rm;
	const struct roadmap_budget_row *t = &d->a->br.total;
	const struct rm_headline *y = &d->a->head;
	size_t counting = 0, over = 0;
	int64_t overrun = 0;

	for (size_t i = 0; i < rm->n_inits; i++) {
		counting += roadmap_initiative_counts(&rm->inits[i]);
	}
	for (size_t i = 0; i < d->a->br.n; i++) {
		const struct roadmap_budget_row *x = &d->a->br.rows[i];
		if (x->has_envelope && x->variance < 0) {
			over++;
			overrun -= x->variance; /* bounded by the total */
		}
	}
	size_t overruns = 0;
	for (size_t i = 0; i < d->a->f.n; i++) {
		overruns +=
		    strcmp(d->a->f.items[i].code, "budget-overrun") == 0;
	}
	struct {
		const char *label;
		int64_t v;
		bool money, show;
	} figs[] = {
	    {"Planned spend", t->total, true, true},
	    {"Planned opex", t->opex, true, true},
	    {"Planned capex", t->capex, true, true},
	    {y->label, y->envelope, true, y->has_envelope},
	    {"Planned spend inside them", y->covered, true, y->has_envelope},
	    {"Variance (envelopes - planned inside)", y->variance, true,
	     y->has_envelope},
	    {"Quarters over their envelope", (int64_t)over, false,
	     t->has_envelope},
	    {"Overrun in those quarters", overrun, true, t->has_envelope},
	    {"Planned spend no envelope covers", d->a->br.unbudgeted, true,
	     rm->n_budgets > 0},
	    {"Actual spend", t->actual, true, t->has_actuals},
	    {t->actual_estimated ? "Actual opex (estimated in part)"
				 : "Actual opex",
	     t->actual_opex, true, t->has_actuals},
	    {t->actual_estimated ? "Actual capex (estimated in part)"
				 : "Actual capex",
	     t->actual_capex, true, t->has_actuals},
	    {"Planned where actuals are recorded", t->planned_where_actual,
	     true, t->has_actuals},
	    {"Actual variance (planned - actual)", t->actual_variance, true,
	     t->has_actuals},
	    {"Goals", (int64_t)rm->n_goals, false, true},
	    {"Initiatives (counting)", (int64_t)counting, false, true},
	    {"Envelopes overrun (budget-overrun)", (int64_t)overruns, false,
	     true},
	    {"Errors found by the check", (int64_t)d->a->f.errors, false, true},
	    {"Warnings found by the check", (int64_t)d->a->f.warnings, false,
	     true},
	};
	for (size_t i = 0; i < sizeof(figs) / sizeof(*figs); i++) {
		if (!figs[i].show) {
			continue;
		}
		bool bad = figs[i].v < 0 || (i >= 6 && i <= 8 && figs[i].v > 0);
		rm_deck_str(ws, r, 0, figs[i].label, d->label);
		if (figs[i].money) {
			worksheet_write_number(
			    ws, r, 1, rm_deck_units(figs[i].v), d->money);
		} else {
			worksheet_write_number(ws, r, 1, (double)figs[i].v,
					       bad ? d->red : NULL);
		}
		r++;
	}
	if (d->untracked) {
		rm_deck_str(ws, r, 0, "Earned value (SPI, CPI), goal states",
			    d->label);
		rm_deck_str(ws, r++, 1, RM_DECK_UNTRACKED, NULL);
	}
	return r;
}

/*
 * The chart's own data. libxlsxwriter 1.1 cannot put a line over stacked
 * columns, so each quarter's column is built to show its envelope: the
 * pillars' spend up to the envelope, a thin dark "Envelope" mark whose top
 * is the envelope, and above it the spend past the envelope, hatched. A
 * quarter under its envelope gets a transparent gap up to the mark; a
 * quarter without an envelope is the pillars alone. The mark takes its
 * height from the spend below it, so every column's top is exactly
 * max(planned, envelope); spend that reaches into the mark's band is
 * behind the mark, so the hatching is exactly the spend past the
 * envelope, and a quarter just under its envelope has none.
 */
static void chart_data(struct deck *d, lxw_worksheet *ws, lxw_row_t top,
		       const int64_t *cell, size_t np, const bool *show)
{
	const struct roadmap_budget_report *br = &d->a->br;
	int64_t peak = 1;
	size_t nc = 0;
	char name[96];

	for (size_t i = 0; i < br->n; i++) {
		const struct roadmap_budget_row *x = &br->rows[i];
		int64_t h = x->total;
		if (x->has_envelope && x->envelope > h) {
			h = x->envelope;
		}
		peak = h > peak ? h : peak;
	}
	int64_t mark = peak / 150 + 1;
	for (size_t p = 0; p < np; p++) {
		nc += show[p];
	}
	/* columns: quarter, nc "below", gap, mark, nc "over" */
	worksheet_set_column(ws, (lxw_col_t)(nc + 1), (lxw_col_t)(2 * nc + 2),
			     17, NULL);
	rm_deck_str(ws, top - 1, 0,
		    "Chart data: how each quarter's column is drawn", d->label);
	worksheet_set_row(ws, top, 30, NULL);
	rm_deck_str(ws, top, 0, "Quarter", d->head);
	size_t c = 1;
	for (size_t p = 0; p < np; p++) {
		if (show[p]) {
			rm_deck_str(ws, top, (lxw_col_t)c,
				    p < d->rm->n_pillars ? d->rm->pillars[p]
							 : "(none)",
				    d->head_n);
			snprintf(name, sizeof(name), "%.60s over the envelope",
				 p < d->rm->n_pillars ? d->rm->pillars[p]
						      : "(none)");
			rm_deck_str(ws, top, (lxw_col_t)(c + nc + 2), name,
				    d->head_n);
			c++;
		}
	}
	rm_deck_str(ws, top, (lxw_col_t)(nc + 1), "Headroom", d->head_n);
	rm_deck_str(ws, top, (lxw_col_t)(nc + 2), "Envelope", d->head_n);
	for (size_t i = 0; i < br->n; i++) {
		const struct roadmap_budget_row *x = &br->rows[i];
		const int64_t *row = cell + i * np;
		lxw_row_t r = top + 1 + (lxw_row_t)i;
		int64_t room = x->has_envelope ? x->envelope - mark : INT64_MAX;
		int64_t gap = 0;
		rm_deck_str(ws, r, 0, x->key, NULL);
		if (x->has_envelope && room < 0) {
			room = 0;
		}
		/* spend that reaches into the mark's band is behind the mark,
		 * so only spend past the envelope is drawn over it */
		int64_t behind = x->has_envelope ? x->envelope - room : 0;
		c = 1;
		for (size_t p = 0; p < np; p++) {
			if (!show[p]) {
				continue;
			}
			int64_t below = row[p] < room ? row[p] : room;
			int64_t rest = row[p] - below;
			int64_t hid = rest < behind ? rest : behind;
			room -= below;
			behind -= hid;
			worksheet_write_number(ws, r, (lxw_col_t)c,
					       rm_deck_units(below), d->money);
			worksheet_write_number(ws, r, (lxw_col_t)(c + nc + 2),
					       rm_deck_units(rest - hid),
					       d->money);
			c++;
		}
		if (x->has_envelope) {
			gap = room; /* what is left under the mark */
			worksheet_write_number(ws, r, (lxw_col_t)(nc + 1),
					       rm_deck_units(gap), d->money);
			worksheet_write_number(ws, r, (lxw_col_t)(nc + 2),
					       rm_deck_units(x->envelope < mark
								 ? x->envelope
								 : mark),
					       d->money);
		}
	}
}

static void spend_chart(struct deck *d, lxw_worksheet *ws, lxw_row_t top,
			size_t nc, lxw_col_t at)
{
	const struct roadmap *rm = d->rm;
	lxw_row_t last = top + (lxw_row_t)d->a->br.n;
	lxw_chart *col = workbook_add_chart(d->wb, LXW_CHART_COLUMN_STACKED);
	int16_t hide[14];
	size_t nh = 0;
	char buf[160];
	/* the legend names the envelope marks only when a quarter has an
	 * envelope, the hatching only when a quarter is over its envelope
	 * (a selection may compare none) */
	bool any_env = false, any_over = false;
	int64_t peak = 1; /* the tallest column, as chart_data builds it */
	for (size_t i = 0; i < d->a->br.n; i++) {
		const struct roadmap_budget_row *x = &d->a->br.rows[i];
		int64_t h = x->has_envelope && x->envelope > x->total
				? x->envelope
				: x->total;
		peak = h > peak ? h : peak;
		any_env |= d->a->br.rows[i].has_envelope;
		any_over |= d->a->br.rows[i].has_envelope &&
			    d->a->br.rows[i].variance < 0;
	}

	for (size_t k = 0; k < 2 * nc + 2; k++) {
		lxw_col_t c = (lxw_col_t)(k + 1);
		lxw_chart_series *se = chart_add_series(col, NULL, NULL);
		chart_series_set_categories(se, "Summary", top + 1, 0, last, 0);
		chart_series_set_values(se, "Summary", top + 1, c, last, c);
		chart_series_set_name_range(se, "Summary", top, c);
		if (k < nc) {
			lxw_chart_fill fill = {.color = d->colors[k]};
			chart_series_set_fill(se, &fill);
		} else if (k == nc) {
			lxw_chart_fill none = {.none = LXW_TRUE};
			chart_series_set_fill(se, &none);
			hide[nh++] = (int16_t)k;
		} else if (k == nc + 1) {
			lxw_chart_fill mark = {.color = 0x000000};
			chart_series_set_fill(se, &mark);
			if (!any_env) {
				hide[nh++] = (int16_t)k;
			}
		} else {
			lxw_chart_pattern pat = {
			    .type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL,
			    .fg_color = d->colors[k - nc - 2],
			    .bg_color = 0xFFFFFF};
			lxw_chart_line ln = {.color = 0xC00000, .width = 1.25};
			chart_series_set_pattern(se, &pat);
			chart_series_set_line(se, &ln);
			if (k == nc + 2) {
				/* the legend's one entry for the hatching */
				chart_series_set_name(se, "Over the envelope");
			}
			if ((k > nc + 2 || !any_over) && nh < 13) {
				hide[nh++] = (int16_t)k;
			}
		}
	}
	hide[nh] = -1;
	chart_legend_delete_series(col, hide);
	chart_set_series_gap(col, 60);
	snprintf(buf, sizeof(buf),
		 any_env ? "Planned spend per quarter by pillar, envelopes "
			   "marked (%s)"
			 : "Planned spend per quarter by pillar (%s)",
		 rm->currency);
	chart_title_set_name(col, buf);
	chart_legend_set_position(col, LXW_CHART_LEGEND_BOTTOM);
	chart_axis_set_num_format(col->y_axis, "#,##0");
	/* round ticks, the axis ending at the first at or above the tallest
	 * column: the page's axis (docs/decisions.md) */
	int ticks = 4;
	int64_t step = rm_axis_step(peak, &ticks);
	chart_axis_set_min(col->y_axis, 0);
	chart_axis_set_max(col->y_axis, rm_deck_units(step * ticks));
	chart_axis_set_major_unit(col->y_axis, rm_deck_units(step));
	chart_axis_set_name(col->x_axis, "Fiscal quarter");
	lxw_chart_options big = {.x_scale = 1.5, .y_scale = 1.35};
	worksheet_insert_chart_opt(ws, 1, at, col, &big);
}

static void mix_chart(struct deck *d, lxw_worksheet *ws, lxw_row_t mtop,
		      size_t nc, lxw_col_t at)
{
	lxw_chart *pie = workbook_add_chart(d->wb, LXW_CHART_DOUGHNUT);
	lxw_chart_series *ps = chart_add_series(pie, NULL, NULL);
	lxw_chart_point *points[10] = {0};
	lxw_chart_point pts[9];
	lxw_chart_fill fills[9];

	chart_series_set_categories(ps, "Summary", mtop + 1, 0,
				    mtop + (lxw_row_t)nc, 0);
	chart_series_set_values(ps, "Summary", mtop + 1, 1,
				mtop + (lxw_row_t)nc, 1);
	for (size_t p = 0; p < nc && p < 9; p++) {
		memset(&fills[p], 0, sizeof(fills[p]));
		fills[p].color = d->colors[p];
		memset(&pts[p], 0, sizeof(pts[p]));
		pts[p].fill = &fills[p];
		points[p] = &pts[p];
	}
	chart_series_set_points(ps, points);
	chart_series_set_labels(ps);
	chart_series_set_labels_options(ps, LXW_FALSE, LXW_FALSE, LXW_FALSE);
	chart_series_set_labels_percentage(ps);
	chart_series_set_labels_num_format(ps, "0.0%");
	chart_title_set_name(pie, "Investment mix by pillar (planned spend)");
	chart_legend_set_position(pie, LXW_CHART_LEGEND_RIGHT);
	lxw_chart_options mid = {.x_scale = 1.1, .y_scale = 1.1};
	worksheet_insert_chart_opt(ws, mtop - 1, at, pie, &mid);
}

/* The pillars' spend (rm_pillar_spend) and their colours, in order. */
static bool spend_by_pillar(struct deck *d, struct rm_pillar_spend *bp)
{
	if (!rm_pillar_spend(d->rm, &d->a->sp, &d->a->br, bp)) {
		return false;
	}
	size_t k = 0;
	for (size_t p = 0; p < bp->np && k < 9; p++) {
		if (bp->show[p]) {
			d->colors[k++] = rm_pillar_color(d->rm, p);
		}
	}
	return true;
}

static const char *pillar_name(const struct roadmap *rm, size_t p)
{
	return p < rm->n_pillars ? rm->pillars[p] : "(none)";
}

/* Quarter, a column per pillar shown, planned, envelope and variance,
 * from row top; returns the last row written. */
static lxw_row_t quarter_table(struct deck *d, lxw_worksheet *ws, lxw_row_t top,
			       const struct rm_pillar_spend *bp)
{
	const struct roadmap_budget_report *br = &d->a->br;
	size_t c = 1;

	rm_deck_str(ws, top - 1, 0, "Planned spend by quarter and pillar",
		    d->label);
	worksheet_set_row(ws, top, 30, NULL);
	rm_deck_str(ws, top, 0, "Quarter", d->head);
	for (size_t p = 0; p < bp->np; p++) {
		if (bp->show[p]) {
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 17,
					     NULL);
			rm_deck_str(ws, top, (lxw_col_t)c++,
				    pillar_name(d->rm, p), d->head_n);
		}
	}
	const char *const tail[] = {"Planned", "Envelope",
				    "Variance (envelope - planned)"};
	for (int k = 0; k < 3; k++) {
		worksheet_set_column(ws, (lxw_col_t)(c + (size_t)k),
				     (lxw_col_t)(c + (size_t)k), 17, NULL);
		rm_deck_str(ws, top, (lxw_col_t)(c + (size_t)k), tail[k],
			    d->head_n);
	}
	for (size_t i = 0; i < br->n; i++) {
		const struct roadmap_budget_row *x = &br->rows[i];
		lxw_row_t row = top + 1 + (lxw_row_t)i;
		size_t k = 1;
		rm_deck_str(ws, row, 0, x->key, NULL);
		for (size_t p = 0; p < bp->np; p++) {
			if (bp->show[p]) {
				worksheet_write_number(
				    ws, row, (lxw_col_t)k++,
				    rm_deck_units(bp->cell[i * bp->np + p]),
				    d->money);
			}
		}
		worksheet_write_number(ws, row, (lxw_col_t)k,
				       rm_deck_units(x->total), d->money);
		if (x->has_envelope) {
			worksheet_write_number(ws, row, (lxw_col_t)(k + 1),
					       rm_deck_units(x->envelope),
					       d->money);
			worksheet_write_number(ws, row, (lxw_col_t)(k + 2),
					       rm_deck_units(x->variance),
					       x->variance < 0 ? d->money_red
							       : d->money);
		}
	}
	return top + (lxw_row_t)br->n;
}

/* The investment mix: pillar, planned, share (a formula with its value);
 * returns the row after the table. */
static lxw_row_t mix_table(struct deck *d, lxw_worksheet *ws, lxw_row_t mtop,
			   const struct rm_pillar_spend *bp)
{
	char buf[160];
	int64_t all = 0;
	lxw_row_t row = mtop + 1;

	rm_deck_str(ws, mtop - 1, 0, "Investment mix by pillar", d->label);
	rm_deck_str(ws, mtop, 0, "Pillar", d->head);
	rm_deck_str(ws, mtop, 1, "Planned", d->head_n);
	rm_deck_str(ws, mtop, 2, "Share", d->head_n);
	for (size_t p = 0; p < bp->np; p++) {
		all += bp->mix[p];
	}
	for (size_t p = 0; p < bp->np; p++) {
		if (!bp->show[p]) {
			continue;
		}
		rm_deck_str(ws, row, 0, pillar_name(d->rm, p), NULL);
		worksheet_write_number(ws, row, 1, rm_deck_units(bp->mix[p]),
				       d->money);
		snprintf(buf, sizeof(buf),
			 "=IF(SUM($B$%u:$B$%u)=0,0,B%u/SUM($B$%u:$B$%u))",
			 (unsigned)(mtop + 2), (unsigned)(mtop + 1 + bp->nc),
			 (unsigned)(row + 1), (unsigned)(mtop + 2),
			 (unsigned)(mtop + 1 + bp->nc));
		worksheet_write_formula_num(
		    ws, row, 2, buf, d->pct,
		    all ? (double)bp->mix[p] / (double)all : 0.0);
		row++;
	}
	return row;
}

void rm_deck_summary(struct deck *d)
{
	const struct roadmap *rm = d->rm;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Summary");
	struct rm_pillar_spend bp = {0};

	worksheet_set_column(ws, 0, 0, 38, d->plain);
	worksheet_set_column(ws, 1, 3, 17, d->plain);
	rm_deck_str(ws, 0, 0, rm->name ? rm->name : "Technology roadmap",
		    d->title);
	char line[700];
	snprintf(line, sizeof(line), "Board deck: headline figures%s%s%s%s%s",
		 d->scenario ? ". Scenario: " : "",
		 d->scenario ? d->scenario : "",
		 d->scenario ? " " RM_WHAT_IF : "",
		 d->selection ? ". Selection: " : "",
		 d->selection ? d->selection : "");
	/* the line that names the scenario and the selection wraps in the
	 * two columns left of the spend chart, never behind it */
	lxw_format *wrap = workbook_add_format(d->wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	worksheet_merge_range(ws, 1, 0, 2, 1, line, wrap);
	size_t lines = (rm_deck_chars(line) + 49) / 50;
	if (lines > 2) {
		worksheet_set_row(ws, 2, 15.0 * (double)(lines - 1), NULL);
	}
	lxw_row_t r = headline(d, ws, 3);
	if (spend_by_pillar(d, &bp)) {
		/* the quarter table below the headline figures and the spend
		 * chart beside them; the mix table and its chart below; the
		 * charts' data below everything and not printed */
		lxw_row_t last =
		    quarter_table(d, ws, (r > 21 ? r : 21) + 2, &bp);
		lxw_row_t mtop = last + 3;
		lxw_row_t row = mix_table(d, ws, mtop, &bp);
		lxw_row_t ctop = row + 3 > mtop + 20 ? row + 3 : mtop + 20;
		chart_data(d, ws, ctop, bp.cell, bp.np, bp.show);
		if (d->a->br.n > 0) {
			spend_chart(d, ws, ctop, bp.nc, 2);
		}
		mix_chart(d, ws, mtop, bp.nc, 4);
		worksheet_print_area(
		    ws, 0, 0, ctop - 3,
		    (lxw_col_t)(bp.nc + 3 > 8 ? bp.nc + 3 : 8));
		/* a page holds about 40 rows: the mix and its chart start
		 * the second rather than being cut by its end */
		lxw_row_t breaks[] = {mtop - 1, 0};
		if (ctop - 3 > 40) {
			worksheet_set_h_pagebreaks(ws, breaks);
		}
	}
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	rm_deck_page_marks(ws);
	rm_pillar_spend_release(&bp);
}
