/* deck.h - what the board deck's files share (export-xlsx.c, deck-summary.c,
 * deck-tracking.c). */
#ifndef ROADMAP_DECK_H
#define ROADMAP_DECK_H

#include "analysis.h"
#include "json.h"

#include <xlsxwriter.h>

#define MAX_ROWS 1048576 /* rows on a sheet, the header included */

struct deck {
	const struct roadmap *rm;
	/* the export's analysis: its budget by quarter (the Budget sheet),
	 * headline envelopes, findings, schedule, forecast and tracking */
	const struct rm_analysis *a;
	lxw_workbook *wb;
	lxw_format *title, *head, *money, *money_bold, *date, *text, *bold,
	    *red, *pct, *label, *crit, *num, *money_red;
	lxw_format *fill[RM_PILLAR_COLORS]; /* the pillars' bars, by colour */
	/* the header of a column of figures: right-aligned over them, so
	 * that two headings never read as one */
	lxw_format *head_n;
	/* the header of text written indented (beside figures), and the
	 * plain cell: at the top of its row, as every figure is */
	lxw_format *head_i, *plain, *plain_i, *text_i;
	uint32_t colors[9];	/* of the pillars shown, in order */
	const int64_t *planned; /* each goal's, the analysis's */
	char money_fmt[96];
	/* an estimated amount: "~" before it (RM_ESTIMATED_SPLIT) */
	lxw_format *money_est, *money_bold_est;
	char money_est_fmt[112];
	/* with tr_ok: the analysis's tracking, and each initiative's row */
	const struct roadmap_earned_value **ev;
	bool tr_ok;
	lxw_format *ratio;
	/* words beside a right-aligned figure (a goal's state, "late",
	 * "not tracked yet"): indented, so they never run into it */
	lxw_format *word, *word_red;
	char goal_head[48], ev_head[48]; /* "Current on 2026-03-16" */
	/* no progress or measurement recorded: "not tracked yet" where the
	 * goal states, SPI and CPI would be (docs/decisions.md) */
	bool untracked;
	/* the roadmap's scenarios compared (roadmap(1), scenario compare),
	 * or NULL when it has none */
	const struct roadmap_scenario_comparison *cmp;
	const char *selection; /* the export options', or NULL */
	/* the row made tallest last, and its lines (rm_deck_wrapped_height) */
	const lxw_worksheet *tall_ws;
	lxw_row_t tall_row;
	size_t tall_lines;
	const char *scenario;
};

/* What an untracked roadmap's deck shows for its figures. */
#define RM_DECK_UNTRACKED "not tracked yet"

/* The sheets' common pieces (export-xlsx.c): pillar colours, column
 * letters, amounts in the deck's units, dates and text cells, a header
 * row, print setup and the formats. */

void rm_deck_col_name(int col, char *buf);
double rm_deck_units(int64_t cents);
void rm_deck_write_date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			roadmap_day d, lxw_format *fmt);
void rm_deck_str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *fmt);
/* The characters of UTF-8 text s (its bytes that begin one). */
size_t rm_deck_chars(const char *s);
/* A row r tall enough for the lines text s takes wrapped in a column width
 * characters wide; text s in such a column, wrapped (and its row made
 * tall) when it would not fit, so that it neither is clipped nor runs
 * over its neighbour. */
void rm_deck_wrapped_height(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
			    const char *s, double width, lxw_format *top);
void rm_deck_fit_str(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c, const char *s, double width, lxw_format *fmt);
/* The header row of n columns: align holds a letter per column, 'r' a
 * heading right-aligned over figures, 'i' one indented over text that is
 * (beside figures), any other left; NULL, every heading left. */
void rm_deck_header(struct deck *d, lxw_worksheet *ws, const char *const *names,
		    const double *widths, int n, const char *align);
void rm_deck_page_marks(lxw_worksheet *ws);
/* The pages across that print a sheet of n columns this wide at a
 * readable size, its first repeat_cols columns repeated on each. */
int rm_deck_pages_wide(const double *widths, int n, int repeat_cols);
/* The rows a printed page of such a sheet holds (a lower bound). */
int rm_deck_rows_per_page(const double *widths, int n, int repeat_cols);
void rm_deck_print_setup(lxw_worksheet *ws, int header_row,
			 const double *widths, int n, int repeat_cols);
void rm_deck_formats(struct deck *d);
/* The Summary sheet: headline figures, the spend and mix charts and their
 * tables (deck-summary.c). */
void rm_deck_summary(struct deck *d);

/* The Scenarios sheet: d->cmp, a line per figure, a column per scenario
 * (deck-scenarios.c). */
void rm_deck_scenarios(struct deck *d);
/* deck-budget.c: the Budget sheet */
void rm_deck_budget(struct deck *d);
/* deck-capital.c: the Capitalization sheet */
void rm_deck_capital(struct deck *d);

/* The tracking columns (deck-tracking.c): shown when the analysis has the
 * tracking (the options give a day and the roadmap records progress or
 * measurements); their names and widths (the first of each group is
 * goal_head, ev_head, naming the day); one row's cells from column c. */
#define RM_DECK_GOAL_COLS 5
#define RM_DECK_EV_COLS 10
extern const char *const rm_deck_goal_names[RM_DECK_GOAL_COLS];
extern const double rm_deck_goal_widths[RM_DECK_GOAL_COLS];
extern const char *const rm_deck_ev_names[RM_DECK_EV_COLS];
extern const double rm_deck_ev_widths[RM_DECK_EV_COLS];
enum roadmap_status rm_deck_tracking(struct deck *d,
				     const struct roadmap_export_options *o,
				     struct roadmap_error *err);
void rm_deck_tracking_release(struct deck *d);
void rm_deck_goal_cells(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
			size_t g, lxw_col_t c);
void rm_deck_ev_cells(struct deck *d, lxw_worksheet *ws, lxw_row_t r, size_t i,
		      lxw_col_t c);

#endif
