/*
 * export-xlsx.c - the board deck (roadmap(1), export): Summary with two charts,
 * Goals, Initiatives, Budget, Timeline and Findings (then Forecast and
 * Scenarios when the roadmap has them), through libxlsxwriter.
 *
 * libxlsxwriter truncates its target in place and cannot write to a pipe, so
 * the deck is written to a temporary file beside the target and renamed
 * into place (or copied to standard output for "-"). Every formula is
 * written with its computed value, because viewers show the cached result.
 */
#include "deck.h"
#include "fields.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

void rm_deck_col_name(int col, char *buf)
{
	char tmp[8];
	int n = 0;

	col++;
	while (col > 0) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++) {
		buf[i] = tmp[n - 1 - i];
	}
	buf[n] = '\0';
}

double rm_deck_units(int64_t cents)
{
	return (double)cents / 100.0;
}

void rm_deck_write_date(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			roadmap_day d, lxw_format *fmt)
{
	int y, m, dd;
	lxw_datetime dt = {0};

	roadmap_day_to_ymd(d, &y, &m, &dd);
	dt.year = y;
	dt.month = m;
	dt.day = dd;
	worksheet_write_datetime(ws, r, c, &dt, fmt);
}

void rm_deck_str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *fmt)
{
	/* worksheet_write_string never makes a formula of "=...": text stays
	 * text. An empty string is a blank cell. */
	if (s && *s) {
		worksheet_write_string(ws, r, c, s, fmt);
	} else if (fmt) {
		worksheet_write_blank(ws, r, c, fmt);
	}
}

void rm_deck_formats(struct deck *d)
{
	lxw_workbook *wb = d->wb;

	snprintf(d->money_fmt, sizeof(d->money_fmt),
		 "#,##0.00 \"%s\";[Red]-#,##0.00 \"%s\"", d->rm->currency,
		 d->rm->currency);
	snprintf(d->money_est_fmt, sizeof(d->money_est_fmt),
		 "\"~\"#,##0.00 \"%s\";[Red]\"~\"-#,##0.00 \"%s\"",
		 d->rm->currency, d->rm->currency);
	d->money_est = workbook_add_format(wb);
	format_set_num_format(d->money_est, d->money_est_fmt);
	d->money_bold_est = workbook_add_format(wb);
	format_set_num_format(d->money_bold_est, d->money_est_fmt);
	format_set_bold(d->money_bold_est);
	format_set_top(d->money_bold_est, LXW_BORDER_THIN);
	d->title = workbook_add_format(wb);
	format_set_bold(d->title);
	format_set_font_size(d->title, 16);
	format_set_font_color(d->title, 0x1F3864);
	d->head = workbook_add_format(wb);
	format_set_bold(d->head);
	format_set_font_color(d->head, LXW_COLOR_WHITE);
	format_set_bg_color(d->head, 0x1F3864);
	format_set_text_wrap(d->head);
	format_set_align(d->head, LXW_ALIGN_VERTICAL_CENTER);
	d->head_n = workbook_add_format(wb);
	format_set_bold(d->head_n);
	format_set_font_color(d->head_n, LXW_COLOR_WHITE);
	format_set_bg_color(d->head_n, 0x1F3864);
	format_set_text_wrap(d->head_n);
	format_set_align(d->head_n, LXW_ALIGN_VERTICAL_CENTER);
	format_set_align(d->head_n, LXW_ALIGN_RIGHT);
	d->head_i = workbook_add_format(wb);
	format_set_bold(d->head_i);
	format_set_font_color(d->head_i, LXW_COLOR_WHITE);
	format_set_bg_color(d->head_i, 0x1F3864);
	format_set_text_wrap(d->head_i);
	format_set_align(d->head_i, LXW_ALIGN_VERTICAL_CENTER);
	format_set_indent(d->head_i, 1);
	d->money = workbook_add_format(wb);
	format_set_num_format(d->money, d->money_fmt);
	d->money_bold = workbook_add_format(wb);
	format_set_num_format(d->money_bold, d->money_fmt);
	format_set_bold(d->money_bold);
	format_set_top(d->money_bold, LXW_BORDER_THIN);
	d->money_red = workbook_add_format(wb);
	format_set_num_format(d->money_red, d->money_fmt);
	format_set_font_color(d->money_red, 0xC00000);
	format_set_bold(d->money_red);
	d->date = workbook_add_format(wb);
	format_set_num_format(d->date, "yyyy-mm-dd");
	format_set_align(d->date, LXW_ALIGN_LEFT);
	d->bold = workbook_add_format(wb);
	format_set_bold(d->bold);
	format_set_top(d->bold, LXW_BORDER_THIN);
	d->label = workbook_add_format(wb);
	format_set_bold(d->label);
	d->red = workbook_add_format(wb);
	format_set_font_color(d->red, 0xC00000);
	format_set_bold(d->red);
	d->word = workbook_add_format(wb);
	format_set_indent(d->word, 1);
	d->word_red = workbook_add_format(wb);
	format_set_font_color(d->word_red, 0xC00000);
	format_set_bold(d->word_red);
	format_set_indent(d->word_red, 1);
	d->pct = workbook_add_format(wb);
	format_set_num_format(d->pct, "0.0%");
	d->num = workbook_add_format(wb);
	format_set_num_format(d->num, "0.##");
	/* a text field that may hold lines (notes) wraps */
	d->text = workbook_add_format(wb);
	format_set_text_wrap(d->text);
	format_set_align(d->text, LXW_ALIGN_VERTICAL_TOP);
	d->text_i = workbook_add_format(wb);
	format_set_text_wrap(d->text_i);
	format_set_indent(d->text_i, 1);
	d->plain = workbook_add_format(wb);
	d->plain_i = workbook_add_format(wb);
	format_set_indent(d->plain_i, 1);
	/* every cell sits at the top of its row: a row that a wrapped text
	 * makes tall keeps its figures beside the text's first line
	 * (wrapped_height), and in a row of one line, text and figures stand
	 * level */
	lxw_format *top[] = {
	    d->money, d->date,	     d->num,	   d->pct,
	    d->red,   d->text_i,     d->plain,	   d->plain_i,
	    d->word,  d->word_red,   d->money_red, d->label,
	    d->bold,  d->money_bold, d->money_est, d->money_bold_est};
	for (size_t k = 0; k < sizeof(top) / sizeof(top[0]); k++) {
		format_set_align(top[k], LXW_ALIGN_VERTICAL_TOP);
	}
	d->crit = workbook_add_format(wb);
	format_set_bg_color(d->crit, 0xC00000);
	format_set_font_color(d->crit, LXW_COLOR_WHITE);
	format_set_bold(d->crit);
	format_set_align(d->crit, LXW_ALIGN_CENTER);
	format_set_align(d->crit, LXW_ALIGN_VERTICAL_TOP);
	if (d->tr_ok) {
		d->ratio = workbook_add_format(wb);
		format_set_num_format(d->ratio, "0.000");
		format_set_align(d->ratio, LXW_ALIGN_VERTICAL_TOP);
	}
	for (size_t i = 0; i < RM_PILLAR_COLORS; i++) {
		d->fill[i] = workbook_add_format(wb);
		format_set_bg_color(d->fill[i], rm_pillar_slot_color(i));
	}
}

/* ------------------------------------------------------------ sheets */

/*
 * A sheet's columns: its kind's fields where their rows put them, and
 * those the sheet computes at their places (docs/decisions.md, "One field
 * table that carries behaviour"); then, with tracking, the extra ones.
 */
struct computed {
	int rank;
	const char *head;
	double width;
	char align; /* its heading's, as rm_deck_header takes it */
};
struct col {
	const struct rm_field *f;  /* or */
	const struct computed *cc; /* one computed here */
};

static int layout(const struct rm_field *fields, const struct computed *comp,
		  struct col *cols, int max)
{
	int n = 0;

	for (int rank = 1; n < max; rank++) {
		struct col c = {NULL, NULL};
		for (const struct rm_field *f = fields; f->name; f++) {
			c.f = f->sheet == rank ? f : c.f;
		}
		for (const struct computed *k = comp; k->head; k++) {
			c.cc = k->rank == rank ? k : c.cc;
		}
		if (!c.f && !c.cc) {
			break;
		}
		cols[n++] = c;
	}
	return n;
}

/* The heads and widths of n columns, then (with tracking) the extra. */
static int heads(const struct col *cols, int n, const char **names,
		 double *widths, const char *const *extra, const double *ew,
		 int m, bool with)
{
	for (int c = 0; c < n + m; c++) {
		names[c] = c >= n      ? extra[c - n]
			   : cols[c].f ? cols[c].f->head
				       : cols[c].cc->head;
		widths[c] = c >= n	? ew[c - n]
			    : cols[c].f ? cols[c].f->width
					: cols[c].cc->width;
		/* never narrower than its heading, which is one line */
		double head = (double)rm_deck_chars(names[c]) + 2;
		widths[c] = widths[c] < head ? head : widths[c];
	}
	return with ? n + m : n;
}

/* A column is as wide as its heading and its widest value need, up to
 * its field's room (a longer text wraps): an optional field no item has
 * (notes, say) is as wide as its heading, ids and short titles take no
 * more than they show, and more of the sheet fits on a printed page. */
static void size_columns(struct deck *d, const struct col *cols, int n,
			 double *widths, const void *items, size_t count,
			 size_t size)
{
	struct strbuf b = {0};

	for (int c = 0; c < n; c++) {
		const struct rm_field *f = cols[c].f;
		double need = (double)strlen(f ? f->head : "") + 2;
		for (size_t i = 0; f && i < count && need < widths[c]; i++) {
			const void *item = (const char *)items + i * size;
			struct rm_cell x = {RM_CELL_NONE, 0, 0, 0};
			f->type->cell(f, item, &x);
			if (x.kind != RM_CELL_NONE && x.kind != RM_CELL_TEXT) {
				need = widths[c]; /* a figure keeps its room */
			} else if (x.kind == RM_CELL_TEXT &&
				   (f->lines ||
				    !rm_field_text(d->rm, f, item, true, &b))) {
				need = widths[c]; /* lines, or out of memory */
			} else if (x.kind == RM_CELL_TEXT) {
				/* proportional text: a fifth more per digit */
				double w = (double)rm_deck_chars(b.data) / 1.2;
				need = w + 2 > need ? w + 2 : need;
			}
		}
		if (f && need < widths[c]) {
			widths[c] = need < 8 ? 8 : need;
		}
	}
	sb_release(&b);
}

/* How each of n columns' headings stands (rm_deck_header): over figures,
 * right; over text beside figures on its left, indented as its cells are
 * (field_cell); else left. A field's column holds figures when any
 * item's cell is one; the extra columns' letters follow (ea). */
static void aligns(const struct col *cols, int n, const void *items,
		   size_t count, size_t size, const char *ea, char *align)
{
	for (int c = 0; c < n; c++) {
		const struct rm_field *f = cols[c].f;
		char a = f ? 'l' : cols[c].cc->align;
		for (size_t i = 0; f && i < count && a == 'l'; i++) {
			struct rm_cell x = {RM_CELL_NONE, 0, 0, 0};
			f->type->cell(f, (const char *)items + i * size, &x);
			a = x.kind == RM_CELL_NUMBER ||
				    x.kind == RM_CELL_MONEY ||
				    x.kind == RM_CELL_HUNDREDTHS
				? 'r'
				: 'l';
		}
		align[c] =
		    f && a == 'l' && c > 0 && align[c - 1] == 'r' ? 'i' : a;
	}
	strcpy(align + n, ea);
}

/* The column of the field called name, or -1. */
static int column_of(const struct col *cols, int n, const char *name)
{
	for (int c = 0; c < n; c++) {
		if (cols[c].f && strcmp(cols[c].f->name, name) == 0) {
			return c;
		}
	}
	return -1;
}

/* One field's cell, as its type makes it: text (wrapped when it may hold
 * lines, or when it is longer than its column), a number, an amount,
 * hundredths, a date, or nothing. */
static void field_cell(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
		       lxw_col_t c, const struct rm_field *f, const void *item,
		       bool indent, struct strbuf *b)
{
	struct rm_cell x = {RM_CELL_NONE, 0, 0, 0};

	f->type->cell(f, item, &x);
	switch (x.kind) {
	case RM_CELL_NONE:
		break;
	case RM_CELL_TEXT:
		rm_field_text(d->rm, f, item, true, b);
		if (f->lines) {
			lxw_format *wrap = indent ? d->text_i : d->text;
			rm_deck_str(ws, r, c, b->data, wrap);
			rm_deck_wrapped_height(d, ws, r, b->data, f->width,
					       wrap);
		} else {
			rm_deck_fit_str(d, ws, r, c, b->data, f->width,
					indent ? d->plain_i : NULL);
		}
		break;
	case RM_CELL_NUMBER:
		worksheet_write_number(ws, r, c, x.number, NULL);
		break;
	case RM_CELL_MONEY:
		worksheet_write_number(ws, r, c, rm_deck_units(x.fixed),
				       d->money);
		break;
	case RM_CELL_HUNDREDTHS:
		worksheet_write_number(ws, r, c, (double)x.fixed / 100.0,
				       d->num);
		break;
	case RM_CELL_DATE:
		rm_deck_write_date(ws, r, c, x.day, d->date);
		break;
	}
}

#define MAX_COLS 48

static void join(const char *const *list, size_t n, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && o + 2 < size; i++) {
		int w =
		    snprintf(buf + o, size - o, "%s%s", i ? ", " : "", list[i]);
		o += w > 0 ? (size_t)w : 0;
	}
}

static void goals(struct deck *d)
{
	static const struct computed comp[] = {{10, "Initiatives", 11, 'r'},
					       {11, "Planned", 18, 'r'},
					       {0, NULL, 0, 0}};
	struct col cols[MAX_COLS];
	int nb = layout(rm_goal_fields, comp, cols, MAX_COLS);
	const char *names[MAX_COLS + RM_DECK_GOAL_COLS];
	double widths[MAX_COLS + RM_DECK_GOAL_COLS];
	int n = heads(cols, nb, names, widths, rm_deck_goal_names,
		      rm_deck_goal_widths, RM_DECK_GOAL_COLS, d->tr_ok);
	size_columns(d, cols, nb, widths, d->rm->goals, d->rm->n_goals,
		     sizeof(*d->rm->goals));
	char align[MAX_COLS + RM_DECK_GOAL_COLS + 1];
	/* the state is a word beside figures (rm_deck_goal_cells) */
	aligns(cols, nb, d->rm->goals, d->rm->n_goals, sizeof(*d->rm->goals),
	       d->untracked ? "i" : "rrrir", align);
	names[nb] = d->goal_head;
	if (d->untracked) { /* one column where the states would be */
		names[nb] = rm_deck_goal_names[3];
		widths[nb] = 16;
		n = nb + 1;
	}
	const struct roadmap *rm = d->rm;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Goals");
	size_t *serving = calloc(rm->n_goals + 1, sizeof(size_t));
	size_t k;
	struct strbuf b = {0};

	for (size_t i = 0; serving && i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t g = 0;
		     roadmap_initiative_counts(in) && g < in->n_goals; g++) {
			if (idmap_get(&rm->goal_ids, in->goals[g], &k)) {
				serving[k]++;
			}
		}
	}
	rm_deck_header(d, ws, names, widths, n, align);
	for (size_t i = 0; i < rm->n_goals; i++) {
		const struct roadmap_goal *g = &rm->goals[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		for (int c = 0; c < nb; c++) {
			if (cols[c].f) {
				field_cell(d, ws, r, (lxw_col_t)c, cols[c].f, g,
					   align[c] == 'i', &b);
			} else if (cols[c].cc == &comp[0]) {
				worksheet_write_number(
				    ws, r, (lxw_col_t)c,
				    serving ? (double)serving[i] : 0, NULL);
			} else {
				worksheet_write_number(
				    ws, r, (lxw_col_t)c,
				    rm_deck_units(d->planned[i]), d->money);
			}
		}
		if (d->tr_ok) {
			rm_deck_goal_cells(d, ws, r, i, (lxw_col_t)nb);
		} else if (d->untracked) {
			rm_deck_str(ws, r, (lxw_col_t)nb, RM_DECK_UNTRACKED,
				    d->word);
		}
	}
	if (rm->n_goals) {
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)rm->n_goals,
				     (lxw_col_t)(n - 1));
	}
	rm_deck_print_setup(ws, 0, widths, n, 2);
	sb_release(&b);
	free(serving);
}

/* The initiatives' columns the sheet computes: the total (a formula over
 * opex and capex) and the schedule's. */
static void init_computed(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
			  lxw_col_t c, int which, const int *money_cols,
			  const struct roadmap_initiative *in,
			  const struct roadmap_schedule_row *row)
{
	char f[64], a[8], b[8];

	if (which == 0) {
		rm_deck_col_name(money_cols[0], a);
		rm_deck_col_name(money_cols[1], b);
		snprintf(f, sizeof(f), "=%s%u+%s%u", a, (unsigned)(r + 1), b,
			 (unsigned)(r + 1));
		worksheet_write_formula_num(
		    ws, r, c, f, d->money, rm_deck_units(in->opex + in->capex));
	} else if (row && which == 1) {
		rm_deck_write_date(ws, r, c, row->earliest_start, d->date);
	} else if (row && which == 2) {
		worksheet_write_number(ws, r, c, row->slack_days, NULL);
	} else if (row && which == 3) {
		/* indented: never run into the slack beside it */
		rm_deck_str(ws, r, c, row->critical ? "yes" : "no",
			    row->critical ? d->word_red : d->word);
	}
}

static void initiatives(struct deck *d, const struct roadmap_schedule_row **row)
{
	static const struct computed comp[] = {{12, "Total", 16, 'r'},
					       {18, "Earliest start", 14, 'l'},
					       {19, "Slack (days)", 12, 'r'},
					       {20, "Critical", 9, 'i'},
					       {0, NULL, 0, 0}};
	struct col cols[MAX_COLS];
	int nb = layout(rm_initiative_fields, comp, cols, MAX_COLS);
	const char *names[MAX_COLS + RM_DECK_EV_COLS];
	double widths[MAX_COLS + RM_DECK_EV_COLS];
	int n = heads(cols, nb, names, widths, rm_deck_ev_names,
		      rm_deck_ev_widths, RM_DECK_EV_COLS, d->tr_ok);
	size_columns(d, cols, nb, widths, d->rm->inits, d->rm->n_inits,
		     sizeof(*d->rm->inits));
	char align[MAX_COLS + RM_DECK_EV_COLS + 1];
	/* "late" is a word beside figures (rm_deck_ev_cells) */
	aligns(cols, nb, d->rm->inits, d->rm->n_inits, sizeof(*d->rm->inits),
	       d->untracked ? "i" : "rrrrrrrrri", align);
	names[nb] = d->ev_head;
	if (d->untracked) { /* one column where SPI and CPI would be */
		names[nb] = "Earned value";
		widths[nb] = 16;
		n = nb + 1;
	}
	const struct roadmap *rm = d->rm;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Initiatives");
	const int money_cols[2] = {column_of(cols, nb, ROADMAP_FIELD_OPEX),
				   column_of(cols, nb, ROADMAP_FIELD_CAPEX)};
	struct strbuf b = {0};

	rm_deck_header(d, ws, names, widths, n, align);
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		for (int c = 0; c < nb; c++) {
			if (cols[c].f) {
				field_cell(d, ws, r, (lxw_col_t)c, cols[c].f,
					   in, align[c] == 'i', &b);
			} else {
				init_computed(d, ws, r, (lxw_col_t)c,
					      (int)(cols[c].cc - comp),
					      money_cols, in, row[i]);
			}
		}
		if (d->tr_ok) {
			rm_deck_ev_cells(d, ws, r, i, (lxw_col_t)nb);
		} else if (d->untracked) {
			rm_deck_str(ws, r, (lxw_col_t)nb, RM_DECK_UNTRACKED,
				    d->word);
		}
	}
	if (rm->n_inits) {
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)rm->n_inits,
				     (lxw_col_t)(n - 1));
	}
	rm_deck_print_setup(ws, 0, widths, n, 2);
	sb_release(&b);
}

static void timeline(struct deck *d, const struct roadmap_schedule_row **row)
{
	const struct roadmap *rm = d->rm;
	int fs = rm->fiscal_start;
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Timeline");
	int q0 = 0, q1 = -1;
	char label[12];

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_counts(in) || in->end < in->start) {
			continue;
		}
		int a = roadmap_quarter_of(in->start, fs);
		int b = roadmap_quarter_of(in->end, fs);
		q0 = q1 < q0 || a < q0 ? a : q0;
		q1 = b > q1 ? b : q1;
	}
	rm_deck_str(ws, 0, 0, "ID", d->head);
	rm_deck_str(ws, 0, 1, "Title", d->head);
	rm_deck_str(ws, 0, 2, "Pillar", d->head);
	rm_deck_str(ws, 0, 3, "Critical", d->head);
	worksheet_set_column(ws, 0, 0, 16, NULL);
	/* the bars' rows stay one line high: the titles' column is as wide
	 * as the longest (20 to 60 digits; text holds a fifth more) */
	double tw = 20;
	for (size_t i = 0; i < rm->n_inits; i++) {
		double w = (double)rm_deck_chars(rm->inits[i].title) / 1.2 + 2;
		tw = w > tw ? (w > 60 ? 60 : w) : tw;
	}
	worksheet_set_column(ws, 1, 1, tw, NULL);
	worksheet_set_column(ws, 2, 2, 12, NULL);
	worksheet_set_column(ws, 3, 3, 8, NULL);
	for (int q = q0; q <= q1; q++) {
		rm_deck_str(ws, 0, (lxw_col_t)(4 + q - q0),
			    roadmap_quarter_label(q, label), d->head);
	}
	if (q1 >= q0) {
		worksheet_set_column(ws, 4, (lxw_col_t)(4 + q1 - q0), 8.5,
				     NULL);
	}
	worksheet_freeze_panes(ws, 1, 4);
	lxw_row_t r = 1;
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_counts(in) || in->end < in->start) {
			continue;
		}
		bool crit = row[i] && row[i]->critical;
		rm_deck_str(ws, r, 0, in->id, NULL);
		rm_deck_str(ws, r, 1, in->title, NULL);
		rm_deck_str(ws, r, 2, in->pillar, NULL);
		rm_deck_str(ws, r, 3, crit ? "yes" : "", crit ? d->red : NULL);
		lxw_format *fill =
		    crit ? d->crit
			 : d->fill[rm_pillar_slot(
			       rm, rm_pillar_index(rm, in->pillar))];
		int a = roadmap_quarter_of(in->start, fs);
		int b = roadmap_quarter_of(in->end, fs);
		for (int q = a; q <= b; q++) {
			/* critical bars say so in the cell as well as in red */
			if (crit) {
				worksheet_write_string(ws, r,
						       (lxw_col_t)(4 + q - q0),
						       "critical", fill);
			} else {
				worksheet_write_blank(
				    ws, r, (lxw_col_t)(4 + q - q0), fill);
			}
		}
		r++;
	}
	/* the print splits between quarters when it needs two pages */
	size_t nq = q1 >= q0 ? (size_t)(q1 - q0 + 1) : 0;
	double head[] = {16, tw, 12, 8},
	       *widths = calloc(4 + nq, sizeof(double));
	for (size_t k = 0; widths && k < 4 + nq; k++) {
		widths[k] = k < 4 ? head[k] : 8.5;
	}
	rm_deck_print_setup(ws, 0, widths ? widths : head,
			    widths ? (int)(4 + nq) : 4, 2);
	free(widths);
}

static void findings(struct deck *d)
{
	static const char *const names[] = {"Severity", "Code", "Subject",
					    "Message", "Related"};
	static const double widths[] = {10, 22, 22, 80, 30};
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Findings");
	char list[4096];

	rm_deck_header(d, ws, names, widths, 5, NULL);
	for (size_t i = 0; i < d->a->f.n; i++) {
		const struct roadmap_finding *x = &d->a->f.items[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		rm_deck_str(ws, r, 0, roadmap_severity_name(x->severity),
			    x->severity == ROADMAP_SEVERITY_ERROR ? d->red
								  : NULL);
		rm_deck_str(ws, r, 1, x->code, NULL);
		rm_deck_str(ws, r, 2, x->subject, NULL);
		rm_deck_fit_str(d, ws, r, 3, x->message, widths[3], NULL);
		join((const char *const *)x->related, x->n_related, list,
		     sizeof(list));
		rm_deck_fit_str(d, ws, r, 4, list, widths[4], NULL);
	}
	if (d->a->f.n == 0) {
		rm_deck_str(ws, 1, 0, "No findings: the roadmap is aligned.",
			    NULL);
	}
	rm_deck_print_setup(ws, 0, widths, 5, 1);
}

/* The Forecast sheet: every counting initiative's dates at 50, 80 and 95 %
 * confidence and its chance of ending on plan. */
static void forecast_sheet(struct deck *d)
{
	static const char *const names[] = {
	    "Initiative", "Title", "Planned end", "P50",
	    "P80",	  "P95",   "On time"};
	static const double widths[] = {20, 40, 12, 12, 12, 12, 10};
	lxw_worksheet *ws = workbook_add_worksheet(d->wb, "Forecast");
	const struct roadmap_forecast *f = &d->a->fc;

	rm_deck_header(d, ws, names, widths, 7, "llllllr");
	for (size_t i = 0; i < f->n_initiatives; i++) {
		const struct roadmap_forecast_initiative *x =
		    &f->initiatives[i];
		const struct roadmap_initiative *in = &d->rm->inits[x->index];
		lxw_row_t r = (lxw_row_t)(i + 1);
		rm_deck_str(ws, r, 0, in->id, NULL);
		rm_deck_fit_str(d, ws, r, 1, in->title, widths[1], NULL);
		rm_deck_write_date(ws, r, 2, x->planned_end, d->date);
		rm_deck_write_date(ws, r, 3, x->p50, d->date);
		rm_deck_write_date(ws, r, 4, x->p80, d->date);
		rm_deck_write_date(ws, r, 5, x->p95, d->date);
		worksheet_write_number(ws, r, 6, x->on_time, d->pct);
	}
	char note[160];
	snprintf(note, sizeof(note),
		 "%lu trials, seed %llu: three-point estimates, the schedule's "
		 "dependencies (roadmap forecast)",
		 f->trials, (unsigned long long)f->seed);
	rm_deck_str(ws, (lxw_row_t)(f->n_initiatives + 2), 0, note, NULL);
	rm_deck_print_setup(ws, 0, widths, 7, 1);
}

/* ------------------------------------------------------------ writing */

static enum roadmap_status write_deck(struct deck *d, const char *file,
				      const char *tmpdir,
				      struct roadmap_error *err)
{
	const struct roadmap *rm = d->rm;
	lxw_workbook_options opt = {.constant_memory = 1,
				    .tmpdir = (char *)tmpdir};
	lxw_doc_properties props = {0};
	char when[40];
	/* SOURCE_DATE_EPOCH, else the day the roadmap file was last saved,
	 * else (a roadmap from a pipe) 1980-01-01, the date every member of
	 * the zip carries: never the clock, so output stays reproducible */
	time_t created = rm->saved ? rm->saved : 315532800;

	if (!(d->wb = workbook_new_opt(file, &opt))) {
		return rm_fail(err, ROADMAP_ERR_CANTCREAT,
			       "cannot create the workbook");
	}
	roadmap_source_date(when, sizeof(when), &created);
	props.title = rm->name ? (char *)rm->name : "Technology roadmap";
	/* a selection's deck says so wherever its title shows */
	struct strbuf t = {0};
	if (d->selection) {
		sb_puts(&t, props.title);
		sb_puts(&t, " (selection: ");
		sb_puts(&t, d->selection);
		sb_puts(&t, ")");
		props.title = t.failed || !t.data ? props.title : t.data;
	}
	props.subject = "Technology roadmap: board deck";
	props.author = "roadmap";
	props.comments = "Generated by roadmap " ROADMAP_VERSION;
	props.created = created;
	workbook_set_properties(d->wb, &props);
	sb_release(&t);
	rm_deck_formats(d);
	const struct roadmap_schedule_row **row =
	    calloc(rm->n_inits + 1, sizeof(*row));
	if (!row) {
		workbook_close(d->wb);
		return rm_nomem(err);
	}
	for (size_t k = 0; d->a->sched_ok && k < d->a->s.n; k++) {
		row[d->a->s.rows[k].index] = &d->a->s.rows[k];
	}
	rm_deck_summary(d);
	goals(d);
	initiatives(d, row);
	rm_deck_budget(d);
	rm_deck_capital(d);
	timeline(d, row);
	findings(d);
	if (d->a->fc_ok) {
		forecast_sheet(d);
	}
	if (d->cmp) {
		rm_deck_scenarios(d);
	}
	free(row);
	lxw_error e = workbook_close(d->wb);
	d->wb = NULL;
	if (e != LXW_NO_ERROR) {
		return rm_fail(
		    err,
		    e == LXW_ERROR_MEMORY_MALLOC_FAILED ? ROADMAP_ERR_NOMEM
							: ROADMAP_ERR_IO,
		    "cannot write the workbook: %s", lxw_strerror(e));
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_export_xlsx(const struct roadmap *rm,
					const char *path,
					struct roadmap_error *err)
{
	return roadmap_export_xlsx_opt(rm, path, NULL, err);
}

enum roadmap_status
roadmap_export_xlsx_opt(const struct roadmap *rm, const char *path,
			const struct roadmap_export_options *opt,
			struct roadmap_error *err)
{
	struct deck d = {0};
	d.selection =
	    opt && opt->selection && *opt->selection ? opt->selection : NULL;
	d.scenario =
	    opt && opt->scenario && *opt->scenario ? opt->scenario : NULL;
	struct rm_analysis a = {0};
	struct roadmap_scenario_comparison cmp = {0};
	unsigned want = RM_AN_BUDGET | RM_AN_HEADLINE | RM_AN_SCHEDULE |
			RM_AN_PLANNED | RM_AN_FORECAST;
	enum roadmap_status st;
	char *tmp = NULL;
	bool to_stdout = strcmp(path, "-") == 0;
	size_t rows_needed = rm->n_inits + 1;

	d.rm = rm;
	d.a = &a;
	/* the findings first (with the day's figures they read): too many
	 * rows for a sheet, nothing more */
	if (roadmap_has_tracking(rm)) {
		want |= RM_AN_TRACKING;
	}
	if ((st = rm_analysis_build(
		 rm, RM_AN_FINDINGS | (want & RM_AN_TRACKING), opt, &a, err))) {
		goto out;
	}
	if (a.f.n + 1 > rows_needed) {
		rows_needed = a.f.n + 1;
	}
	if (rows_needed > MAX_ROWS) {
		st = rm_fail(err, ROADMAP_ERR_DATA,
			     "the deck would need %zu rows on one sheet; an "
			     "XLSX sheet holds %d (export CSV instead)",
			     rows_needed, MAX_ROWS);
		goto out;
	}
	if ((st = rm_analysis_build(rm, want, opt, &a, err)) ||
	    (st = rm_deck_tracking(&d, opt, err))) {
		goto out;
	}
	rm_analysis_built(&a);
	d.planned = a.planned;
	if (roadmap_scenario_count(rm) > 0) {
		if ((st = roadmap_scenario_compare(rm, NULL, 0, &cmp, err))) {
			goto out;
		}
		d.cmp = &cmp;
	}
	/*
	 * libxlsxwriter needs a file name, so the deck is built in a
	 * temporary file beside the target (libxlsxwriter's own temporary
	 * files too: a full /tmp cannot empty it), read back and handed to
	 * the one atomic-write path that every output takes. For stdout it
	 * is built in TMPDIR.
	 */
	const char *tdir = getenv("TMPDIR");
	char *target = to_stdout ? rm_strdup(tdir && *tdir ? tdir : "/tmp")
				 : rm_resolve_target(path);
	if (!target) {
		st = errno == ENOMEM
			 ? rm_nomem(err)
			 : rm_fail(err, ROADMAP_ERR_CANTCREAT,
				   "%s: cannot create: %s", path,
				   strerror(errno ? errno : ENOENT));
		goto out;
	}
	char *bcopy = rm_strdup(target);
	const char *dir = to_stdout ? target : dirname(target);
	bool nomem = !bcopy;
	int fd = bcopy ? rm_temp_create(dir,
					to_stdout ? "roadmap-deck.xlsx"
						  : basename(bcopy),
					&tmp)
		       : -1;
	free(bcopy);
	if (fd < 0) {
		st = nomem || errno == ENOMEM
			 ? rm_nomem(err)
			 : rm_fail(err, ROADMAP_ERR_CANTCREAT,
				   "%s: cannot create: %s", path,
				   strerror(errno));
		free(target);
		goto out;
	}
	close(fd);
	st = write_deck(&d, tmp, dir, err);
	free(target);
	char *data = NULL;
	size_t len = 0;
	if (!st && !(st = rm_read_file(tmp, &data, &len, err))) {
		int e = 0;
		if (!to_stdout) {
			st = roadmap_write_atomic(path, data, len, err);
		} else if (!rm_write_full(STDOUT_FILENO, data, len, &e)) {
			st = rm_fail(err, ROADMAP_ERR_IO,
				     "cannot write to standard output: %s",
				     strerror(e));
		}
	}
	free(data);
out:
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	rm_deck_tracking_release(&d);
	rm_analysis_release(&a);
	roadmap_scenario_comparison_release(&cmp);
	return st;
}
