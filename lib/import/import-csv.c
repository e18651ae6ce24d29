/*
 * import-csv.c - CSV records for the importer: libcsv reports no
 * positions, trims spaces and skips blank lines by default, so it runs
 * strict with a no-space function, and a quote-aware pre-scan finds the
 * line each record starts on (LF, CRLF or a lone CR).
 */
#include "import.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

static void on_field(void *s, size_t len, void *data)
{
	struct csvstate *st = data;
	char *copy = malloc(len + 1);

	if (!copy) {
		st->nomem = true;
		return;
	}
	memcpy(copy, s ? s : "", len);
	copy[len] = '\0';
	char **f = realloc(st->cur.f, (st->cur.n + 1) * sizeof(char *));
	if (!f) {
		free(copy);
		st->nomem = true;
		return;
	}
	f[st->cur.n++] = copy;
	st->cur.f = f;
}

static void on_row(int c, void *data)
{
	struct csvstate *st = data;

	(void)c;
	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		struct record *r = realloc(st->rec, cap * sizeof(*r));
		if (!r) {
			st->nomem = true;
			return;
		}
		st->rec = r;
		st->cap = cap;
	}
	st->cur.line = st->n < st->n_lines ? st->lines[st->n] : 0;
	st->rec[st->n++] = st->cur;
	memset(&st->cur, 0, sizeof(st->cur));
}

void rm_csv_free(struct csvstate *st)
{
	for (size_t i = 0; i < st->n; i++) {
		rm_list_free(st->rec[i].f, st->rec[i].n);
	}
	rm_list_free(st->cur.f, st->cur.n);
	free(st->rec);
	free(st->lines);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The line each non-empty record starts on; quotes may hold newlines. */
static bool record_lines(const char *d, size_t len, struct csvstate *st)
{
	size_t cap = 64;
	long line = 1;
	bool quoted = false, start = true, empty = true;
	long begin = 1;

	st->lines = malloc(cap * sizeof(long));
	if (!st->lines) {
		return false;
	}
	for (size_t i = 0; i <= len; i++) {
		char c = i < len ? d[i] : '\n';
		if (start) {
			begin = line;
			start = false;
			empty = true;
		}
		if (c == '"') {
			quoted = !quoted;
		}
		if (!quoted && (c == '\n' || c == '\r')) {
			if (!empty) {
				if (st->n_lines == cap) {
					cap *= 2;
					long *p = realloc(st->lines,
							  cap * sizeof(long));
					if (!p) {
						return false;
					}
					st->lines = p;
				}
				st->lines[st->n_lines++] = begin;
			}
			start = true;
		} else {
			empty = false;
		}
		/* LF, CRLF and a lone CR (old Mac files) each end a line */
		if (i < len && (c == '\n' || (c == '\r' && (i + 1 == len ||
							   d[i + 1] != '\n')))) {
			line++;
		}
	}
	/* an unterminated quote: the open record still starts somewhere */
	if (!start && !empty && st->n_lines < cap) {
		st->lines[st->n_lines++] = begin;
	}
	return true;
}

/* The line of offset off in d[0..len): LF, CRLF and a lone CR end lines. */
static long line_at(const char *d, size_t len, size_t off)
{
	long line = 1;

	for (size_t i = 0; i < off && i < len; i++) {
		line += d[i] == '\n' ||
			(d[i] == '\r' && (i + 1 == len || d[i + 1] != '\n'));
	}
	return line;
}

/*
 * Without --delimiter: a header that splits on no comma but on ';' or a
 * tab (a spreadsheet saved in a European locale, a TSV) is read with that
 * delimiter.
 */
static char guess_delim(const char *d, size_t len)
{
	size_t end = 0;
	bool semi = false, tab = false;

	for (; end < len && d[end] != '\n' && d[end] != '\r'; end++) {
		if (d[end] == ',') {
			return ',';
		}
		semi = semi || d[end] == ';';
		tab = tab || d[end] == '\t';
	}
	return semi ? ';' : tab ? '\t' : ',';
}

bool rm_csv_parse(struct imp *im, const char *d, size_t len,
		      struct csvstate *st)
{
	struct csv_parser p;
	char delim = im->opt->delimiter ? im->opt->delimiter : guess_delim(d, len);
	const char *nul = memchr(d, '\0', len);

	if (nul) {
		/* a cell would end at it: bad data, never a shorter cell */
		rm_import_report(im, line_at(d, len, (size_t)(nul - d)), NULL, NULL,
		       "a NUL byte: the file is not text");
		return false;
	}
	if (!record_lines(d, len, st) ||
	    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		im->nomem = true;
		return false;
	}
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, no_space);
	size_t done = csv_parse(&p, d, len, on_field, on_row, st);
	bool ok = true;
	if (done != len) {
		if (csv_error(&p) == CSV_ENOMEM) {
			im->nomem = true;
		} else {
			rm_import_report(im, line_at(d, len, done), NULL, NULL,
			       "malformed quoting (a quote inside an unquoted "
			       "field, or text after a closing quote)");
		}
		ok = false;
	} else if (csv_fini(&p, on_field, on_row, st) != 0) {
		long line = st->n < st->n_lines ? st->lines[st->n]
						: line_at(d, len, len);
		rm_import_report(im, line, NULL, NULL,
		       "unterminated quoted field (a closing '\"' is missing)");
		ok = false;
	}
	csv_free(&p);
	if (st->nomem) {
		im->nomem = true;
		ok = false;
	}
	return ok;
}

/* Columns of each table: name, required, and whether it is text. */
