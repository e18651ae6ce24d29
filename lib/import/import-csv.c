/*
 * import-csv.c - a CSV table's records for the importer: the whole file
 * through the CSV reader (import-stream.c), each record kept with the
 * line it starts on.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

static void on_record(void *ctx, char **f, size_t n, long line)
{
	struct csvstate *st = ctx;
	struct record r = {NULL, n, line};

	if (st->nomem) {
		return;
	}
	if (!(r.f = calloc(n + 1, sizeof(char *)))) {
		st->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (!(r.f[i] = strdup(f[i]))) {
			rm_list_free(r.f, i);
			st->nomem = true;
			return;
		}
	}
	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		struct record *p = realloc(st->rec, cap * sizeof(*p));
		if (!p) {
			rm_list_free(r.f, n);
			st->nomem = true;
			return;
		}
		st->rec = p;
		st->cap = cap;
	}
	st->rec[st->n++] = r;
}

void rm_csv_free(struct csvstate *st)
{
	for (size_t i = 0; i < st->n; i++) {
		rm_list_free(st->rec[i].f, st->rec[i].n);
	}
	free(st->rec);
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
	char delim =
	    im->opt->delimiter ? im->opt->delimiter : guess_delim(d, len);
	struct rm_stream *s = rm_stream_new(im, delim, on_record, st);

	if (!s) {
		return false;
	}
	bool ok = rm_stream_feed(s, d, len) && rm_stream_finish(s);
	rm_stream_free(s);
	if (st->nomem) {
		im->nomem = true;
		ok = false;
	}
	return ok;
}
