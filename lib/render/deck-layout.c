/*
 * deck-layout.c - how the deck's sheets are laid out and printed: the
 * header row, the page marks and the print setup every sheet shares
 * (roadmap(1), export).
 */
#include "deck.h"

void rm_deck_header(struct deck *d, lxw_worksheet *ws, const char *const *names,
		    const double *widths, int n)
{
	for (int c = 0; c < n; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, names[c], d->head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
				     NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

/* The sheet's name at the top of every printed page, its number below. */
void rm_deck_page_marks(lxw_worksheet *ws)
{
	worksheet_set_header(ws, "&L&\"-,Bold\"&A");
	worksheet_set_footer(ws, "&CPage &P of &N");
}

/*
 * Landscape A4. A sheet narrow enough to print one page wide at 78 % or
 * more (about 8.6-point type) is fitted to the width; a wider one prints
 * at 80 % across several pages, its first columns repeated on each, rather
 * than shrinking its type below a readable size.
 */
#define PAGE_WIDTH 145.0 /* column-width units on landscape A4 at 100 % */

void rm_deck_print_setup(lxw_worksheet *ws, int header_row,
			 const double *widths, int n, int repeat_cols)
{
	double total = 0;

	for (int c = 0; c < n; c++) {
		total += widths[c];
	}
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4; Letter users get scaled */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	if (total <= PAGE_WIDTH / 0.78) {
		worksheet_fit_to_pages(ws, 1, 0);
	} else {
		worksheet_set_print_scale(ws, 80);
		if (repeat_cols > 0) {
			worksheet_repeat_columns(ws, 0,
						 (lxw_col_t)(repeat_cols - 1));
		}
	}
	if (header_row >= 0) {
		worksheet_repeat_rows(ws, (lxw_row_t)header_row,
				      (lxw_row_t)header_row);
	}
	rm_deck_page_marks(ws);
}
