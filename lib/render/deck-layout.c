/*
 * deck-layout.c - how the deck's sheets are laid out and printed: the
 * header row, the page marks and the print setup every sheet shares
 * (roadmap(1), export).
 */
#include "deck.h"

void rm_deck_header(struct deck *d, lxw_worksheet *ws, const char *const *names,
		    const double *widths, int n, const char *align)
{
	for (int c = 0; c < n; c++) {
		char a = align ? align[c] : 'l';
		worksheet_write_string(ws, 0, (lxw_col_t)c, names[c],
				       a == 'r'	  ? d->head_n
				       : a == 'i' ? d->head_i
						  : d->head);
		/* a cell written without a format takes its column's: at
		 * the top of its row, level with the figures beside it */
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
				     d->plain);
	}
	worksheet_freeze_panes(ws, 1, 0);
}

size_t rm_deck_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		n += (*p & 0xC0) != 0x80;
	}
	return n;
}

/* The lines text s takes wrapped at its spaces in a column of per
 * characters, a word longer than a line broken where it reaches the end. */
static size_t wrapped_lines(const char *s, size_t per)
{
	size_t lines = 1, used = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p == '\n') {
			lines++, used = 0, p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t word = 0;
		const unsigned char *q = p;
		for (; *q && *q != ' ' && *q != '\n'; q++) {
			word += (*q & 0xC0) != 0x80;
		}
		size_t need = used ? used + 1 + word : word;
		if (used && need > per) {
			lines++, used = 0, need = word;
		}
		for (; need > per; need -= per) {
			lines++;
		}
		used = need;
		p = q;
	}
	return lines;
}

/* A row tall enough for the lines a wrapped text takes in a column
 * width characters wide (neither Excel nor LibreOffice grows a row for
 * wrapped text written by a program), and for the tallest text written
 * in the row before it. */
void rm_deck_wrapped_height(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
			    const char *s, double width, lxw_format *top)
{
	size_t lines = wrapped_lines(s, width > 2 ? (size_t)width - 1 : 1);

	if (d->tall_ws == ws && d->tall_row == r) {
		lines = lines > d->tall_lines ? lines : d->tall_lines;
	}
	d->tall_ws = ws, d->tall_row = r, d->tall_lines = lines;
	if (lines > 1) {
		worksheet_set_row(ws, r, 15.0 * (double)lines, top);
	}
}

/* Text in a column width characters wide: wrapped, its row made tall
 * enough, when it would not fit, so that it is neither clipped by its
 * neighbour nor runs over it. */
void rm_deck_fit_str(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c, const char *s, double width, lxw_format *fmt)
{
	/* a width counts digits: proportional text holds a fifth more */
	if (s && (double)rm_deck_chars(s) > width * 1.2 &&
	    (!fmt || fmt == d->plain_i)) {
		lxw_format *wrap = fmt ? d->text_i : d->text;
		rm_deck_str(ws, r, c, s, wrap);
		rm_deck_wrapped_height(d, ws, r, s, width * 1.2, wrap);
		return;
	}
	rm_deck_str(ws, r, c, s, fmt);
}

/* The sheet's name at the top of every printed page, its number below. */
void rm_deck_page_marks(lxw_worksheet *ws)
{
	worksheet_set_header(ws, "&L&\"-,Bold\"&A");
	worksheet_set_footer(ws, "&CPage &P of &N");
}

/*
 * Landscape A4, fitted to as few pages wide as keep the type at 8 points
 * or more (73 % of the sheets' 11): one page when the sheet is narrow
 * enough, else two or more, its first columns repeated on each, rather
 * than shrinking its type below a readable size.
 */
#define PAGE_WIDTH                                                             \
	140.0 /* column-width units on landscape A4 at 100 %,                  \
	       * less the cells' padding */
#define MIN_SCALE (8.0 / 11.0)

int rm_deck_pages_wide(const double *widths, int n, int repeat_cols)
{
	double room = PAGE_WIDTH / MIN_SCALE, used = 0, rep = 0;
	int pages = 1;

	for (int c = 0; c < n; c++) {
		rep += c < repeat_cols ? widths[c] : 0;
	}
	for (int c = 0; c < n; c++) {
		if (used + widths[c] > room && used > rep) {
			pages++; /* the next page, after the repeated ones */
			used = rep;
		}
		used += widths[c];
	}
	return pages;
}

/* The rows of 15 points a printed page holds when the sheet is fitted to
 * its pages wide (A4 landscape less margins, header and footer). */
int rm_deck_rows_per_page(const double *widths, int n, int repeat_cols)
{
	int pages = rm_deck_pages_wide(widths, n, repeat_cols);
	double used = 0, scale;

	for (int c = 0; c < n; c++) {
		used += widths[c];
	}
	scale = PAGE_WIDTH * pages / (used > 1 ? used : 1);
	scale = scale > 1 ? 1 : scale < MIN_SCALE ? MIN_SCALE : scale;
	return (int)(440.0 / (15.0 * scale));
}

void rm_deck_print_setup(lxw_worksheet *ws, int header_row,
			 const double *widths, int n, int repeat_cols)
{
	int pages = rm_deck_pages_wide(widths, n, repeat_cols);

	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4; Letter users get scaled */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_fit_to_pages(ws, (uint16_t)pages, 0);
	if (pages > 1 && repeat_cols > 0) {
		worksheet_repeat_columns(ws, 0, (lxw_col_t)(repeat_cols - 1));
	}
	if (header_row >= 0) {
		worksheet_repeat_rows(ws, (lxw_row_t)header_row,
				      (lxw_row_t)header_row);
	}
	rm_deck_page_marks(ws);
}
