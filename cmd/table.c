/* table.c - tables for people: columns fitted to the terminal's width,
 * optional columns dropped first, text shortened with an ellipsis. */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

size_t text_width(const char *s)
{
	mbstate_t st = {0};
	size_t w = 0, len = strlen(s);

	while (len > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			/* not UTF-8 in this locale: count bytes */
			memset(&st, 0, sizeof(st));
			w++;
			s++;
			len--;
			continue;
		}
		int cw = wcwidth(wc);
		w += cw > 0 ? (size_t)cw : 0;
		s += k;
		len -= k;
	}
	return w;
}

/* Copies the prefix of s that fits in width columns, adding "…". */
static void truncate_to(const char *s, size_t width, FILE *f)
{
	mbstate_t st = {0};
	size_t w = 0, len = strlen(s);

	if (text_width(s) <= width) {
		fputs(s, f);
		return;
	}
	while (len > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			break;
		}
		int cw = wcwidth(wc);
		size_t c = cw > 0 ? (size_t)cw : 0;
		if (w + c + 1 > width) {
			break;
		}
		fwrite(s, 1, k, f);
		w += c;
		s += k;
		len -= k;
	}
	fputs("\xE2\x80\xA6", f);
	for (w++; w < width; w++) {
		fputc(' ', f);
	}
}

size_t term_width(void)
{
	struct winsize ws;
	const char *c = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0) {
		return ws.ws_col;
	}
	if (c && atoi(c) >= 40 && atoi(c) <= 1000) {
		return (size_t)atoi(c);
	}
	return 80;
}

int table_fit(struct table *t,
	      bool (*build)(void *ctx, int scale, unsigned cols,
			    struct table *t),
	      void *ctx, const unsigned *layouts, size_t n_layouts,
	      unsigned none, int *scale, size_t *layout)
{
	size_t width = term_width();

	*scale = 0;
	*layout = 0;
	/* within each layout the scale shrinks; then the next layout */
	for (;;) {
		if (!build(ctx, *scale, layouts[*layout] & ~none, t)) {
			msg("out of memory");
			return 70;
		}
		if (table_width(t) <= width ||
		    (*scale == 2 && *layout + 1 == n_layouts)) {
			return 0;
		}
		table_release(t);
		if (*scale < 2) {
			++*scale;
		} else {
			*scale = 0;
			++*layout;
		}
	}
}

const char *scale_units(int scale)
{
	static const char *const units[] = {"", ", whole units", ", thousands"};

	return (unsigned)scale < 3 ? units[scale] : "";
}

void table_init(struct table *t, size_t n_cols, const char *const *head,
		const bool *right, int flex)
{
	memset(t, 0, sizeof(*t));
	t->n_cols = n_cols;
	t->head = head;
	t->right = right;
	t->flex = flex;
}

bool table_add(struct table *t, const char *const *cells)
{
	if (t->n_rows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 32;
		char **p = realloc(t->cells, cap * t->n_cols * sizeof(*p));
		if (!p) {
			return false;
		}
		t->cells = p;
		t->cap_rows = cap;
	}
	char **row = t->cells + t->n_rows * t->n_cols;
	for (size_t c = 0; c < t->n_cols; c++) {
		row[c] = strdup(cells[c] ? cells[c] : "");
		if (!row[c]) {
			for (size_t k = 0; k < c; k++) {
				free(row[k]);
			}
			return false;
		}
	}
	t->n_rows++;
	return true;
}

void table_release(struct table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++) {
		free(t->cells[i]);
	}
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

static bool is_optional(const struct table *t, size_t c)
{
	for (const int *o = t->optional; o && *o >= 0; o++) {
		if ((size_t)*o == c) {
			return true;
		}
	}
	return false;
}

size_t table_width(const struct table *t)
{
	return table_width_of(t, false);
}

size_t table_width_of(const struct table *t, bool required)
{
	size_t total = 0;

	for (size_t c = 0; c < t->n_cols; c++) {
		if (required && is_optional(t, c)) {
			continue;
		}
		size_t w = text_width(t->head[c]);
		for (size_t r = 0; r < t->n_rows; r++) {
			size_t x = text_width(t->cells[r * t->n_cols + c]);
			w = x > w ? x : w;
		}
		total += w + (c ? 2 : 0);
	}
	return total;
}

/* The width of the visible columns with two spaces between them. */
static size_t visible_width(const size_t *w, const bool *vis, size_t n)
{
	size_t total = 0, k = 0;

	for (size_t c = 0; c < n; c++) {
		if (vis[c]) {
			total += w[c] + (k++ ? 2 : 0);
		}
	}
	return total;
}

/*
 * Fitting a table to the width (roadmap(1)): optional columns go first while
 * the flexible column could not keep a useful width; then the flexible
 * column shrinks, then the other text columns from the right, and the ids
 * (column 0) only when nothing else is left. Numbers never shrink.
 */
static void fit(const struct table *t, size_t *w, bool *vis, size_t width)
{
	size_t n = t->n_cols, keep = 0;

	/* an optional column stays when the flexible one keeps 24 columns
	 * (the last optional one: when it keeps 8) */
	if (t->flex >= 0) {
		keep = w[t->flex];
	}
	for (const int *o = t->optional; o && *o >= 0; o++) {
		size_t floor = o[1] >= 0 ? 24 : 8;
		if (t->flex >= 0) {
			w[t->flex] = keep < floor ? keep : floor;
		}
		if (visible_width(w, vis, n) > width) {
			vis[*o] = false;
		}
	}
	if (t->flex >= 0) {
		w[t->flex] = keep;
	}
	for (int pass = 0; pass < 3; pass++) {
		for (size_t k = n; k-- > 0;) {
			size_t total = visible_width(w, vis, n);
			bool text = !(t->right && t->right[k]) &&
				    !(t->keep && t->keep[k]);
			bool mine = pass == 0   ? (int)k == t->flex
				    : pass == 1 ? k != 0 && (int)k != t->flex
						: k == 0;
			if (total <= width || !vis[k] || !text || !mine) {
				continue;
			}
			size_t min = pass == 0 ? 8 : 6, over = total - width;
			if (w[k] > min) {
				w[k] = w[k] - min > over ? w[k] - over : min;
			}
		}
	}
}

int table_print(const struct table *t, FILE *f)
{
	size_t *w = calloc(t->n_cols, sizeof(*w));
	bool *vis = calloc(t->n_cols, sizeof(*vis));

	if (!w || !vis) {
		free(w);
		free(vis);
		msg("out of memory");
		return 70;
	}
	for (size_t c = 0; c < t->n_cols; c++) {
		w[c] = text_width(t->head[c]);
		vis[c] = true;
		for (size_t r = 0; r < t->n_rows; r++) {
			size_t x = text_width(t->cells[r * t->n_cols + c]);
			w[c] = x > w[c] ? x : w[c];
		}
	}
	fit(t, w, vis, term_width());
	char *line = NULL;
	size_t cap = 0;
	for (size_t r = 0; r <= t->n_rows; r++) {
		/* each line goes through a memory stream so that trailing
		 * blanks (an empty last column) can be trimmed */
		FILE *m = open_memstream(&line, &cap);
		if (!m) {
			free(w);
			free(vis);
			msg("out of memory");
			return 70;
		}
		bool first = true;
		for (size_t c = 0; c < t->n_cols; c++) {
			if (!vis[c]) {
				continue;
			}
			const char *s = r == 0 ? t->head[c]
					       : t->cells[(r - 1) * t->n_cols + c];
			size_t sw = text_width(s);
			if (!first) {
				fputs("  ", m);
			}
			first = false;
			if (t->right && t->right[c]) {
				for (size_t k = sw; k < w[c]; k++) {
					fputc(' ', m);
				}
				fputs(s, m);
			} else if (sw > w[c]) {
				truncate_to(s, w[c], m);
			} else {
				fputs(s, m);
				for (size_t k = sw; k < w[c]; k++) {
					fputc(' ', m);
				}
			}
		}
		fclose(m);
		size_t len = strlen(line);
		while (len > 0 && line[len - 1] == ' ') {
			len--;
		}
		fwrite(line, 1, len, f);
		fputc('\n', f);
		free(line);
		line = NULL;
	}
	free(w);
	free(vis);
	return f == stdout ? flush_stdout() : 0;
}

int table_emit(struct table *t, bool ok)
{
	int rc = 70;

	if (ok) {
		rc = table_print(t, stdout);
	} else {
		msg("out of memory");
	}
	table_release(t);
	return rc;
}
