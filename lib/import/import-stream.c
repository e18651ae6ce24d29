/*
 * import-stream.c - CSV read chunk by chunk for the books importer: a
 * million-row FOCUS file is never held whole. libcsv parses strictly (as
 * import-csv.c does) and reports no positions, so each chunk is first
 * scanned, quote-aware, for the line each record starts on (LF, CRLF or
 * a lone CR end a line; a quoted field may hold newlines), and the
 * records libcsv emits take those lines in order.
 */
#include "books.h"

#include <stdlib.h>
#include <string.h>

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct rm_stream *s = ctx;

	if (s->nomem) {
		return;
	}
	if (s->len + len + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 256;
		while (cap < s->len + len + 1) {
			cap *= 2;
		}
		char *b = realloc(s->buf, cap);
		if (!b) {
			s->nomem = true;
			return;
		}
		s->buf = b;
		s->cap = cap;
	}
	if (s->nf == s->cap_f) {
		size_t cap = s->cap_f ? s->cap_f * 2 : 16;
		size_t *o = realloc(s->off, cap * sizeof(*o));
		if (!o) {
			s->nomem = true;
			return;
		}
		s->off = o;
		char **f = realloc(s->f, cap * sizeof(*f));
		if (!f) {
			s->nomem = true;
			return;
		}
		s->f = f;
		s->cap_f = cap;
	}
	s->off[s->nf++] = s->len;
	if (len) {
		memcpy(s->buf + s->len, data, len);
	}
	s->len += len;
	s->buf[s->len++] = '\0';
}

static void on_row(int c, void *ctx)
{
	struct rm_stream *s = ctx;
	long line = s->head < s->n_starts ? s->starts[s->head++] : s->line;

	(void)c;
	if (!s->nomem) {
		for (size_t i = 0; i < s->nf; i++) {
			s->f[i] = s->buf + s->off[i];
		}
		s->row(s->ctx, s->f, s->nf, line);
	}
	s->nf = 0;
	s->len = 0;
}

bool rm_stream_init(struct rm_stream *s, struct imp *im,
		    void (*row)(void *, char **, size_t, long), void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->im = im;
	s->row = row;
	s->ctx = ctx;
	s->line = 1;
	s->start = true;
	if (csv_init(&s->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		im->nomem = true;
		return false;
	}
	csv_set_space_func(&s->p, no_space);
	return true;
}

static bool push_start(struct rm_stream *s, long line)
{
	if (s->n_starts == s->cap_starts) {
		size_t cap = s->cap_starts ? s->cap_starts * 2 : 64;
		long *p = realloc(s->starts, cap * sizeof(long));
		if (!p) {
			return false;
		}
		s->starts = p;
		s->cap_starts = cap;
	}
	s->starts[s->n_starts++] = line;
	return true;
}

/*
 * The scan of import-csv.c's record_lines(), incremental. Only a quote,
 * LF and CR change its state: the runs of other bytes between them are
 * skipped in a tight loop (a million-row file is mostly such runs).
 */
static bool scan(struct rm_stream *s, const char *d, size_t len)
{
	const unsigned char *u = (const unsigned char *)d;
	size_t i = 0;

	while (i < len) {
		if (s->start) {
			s->begin = s->line;
			s->start = false;
			s->empty = true;
		}
		size_t j = i;
		while (j < len && u[j] != '"' && u[j] != '\n' && u[j] != '\r') {
			j++;
		}
		if (j > i) {
			s->empty = false;
			s->prev_cr = false;
			i = j;
			continue;
		}
		char c = d[i++];
		if (c == '"') {
			s->quoted = !s->quoted;
			s->empty = false;
		} else if (!s->quoted) {
			if (!s->empty && !push_start(s, s->begin)) {
				return false;
			}
			s->start = true;
		}
		if (c == '\r' || (c == '\n' && !s->prev_cr)) {
			s->line++;
		}
		s->prev_cr = c == '\r';
	}
	return true;
}

/* The line of offset off of the chunk d that started on line first. */
static long line_in(const char *d, size_t off, long first, bool prev_cr)
{
	long line = first;

	for (size_t i = 0; i < off; i++) {
		line += d[i] == '\r' || (d[i] == '\n' && !prev_cr);
		prev_cr = d[i] == '\r';
	}
	return line;
}

bool rm_stream_feed(struct rm_stream *s, const char *d, size_t len)
{
	long first = s->line;
	bool prev_cr = s->prev_cr;

	if (s->failed) {
		return false;
	}
	const char *nul = memchr(d, '\0', len);
	if (nul) {
		rm_import_report(
		    s->im, line_in(d, (size_t)(nul - d), first, prev_cr), NULL,
		    NULL, "a NUL byte: the file is not text");
		s->failed = true;
		return false;
	}
	/* the records of earlier chunks are gone: keep the open one's */
	if (s->head > 0) {
		memmove(s->starts, s->starts + s->head,
			(s->n_starts - s->head) * sizeof(long));
		s->n_starts -= s->head;
		s->head = 0;
	}
	if (!scan(s, d, len)) {
		s->im->nomem = true;
		s->failed = true;
		return false;
	}
	size_t done = csv_parse(&s->p, d, len, on_field, on_row, s);
	if (s->nomem || s->im->nomem) {
		s->im->nomem = true;
		s->failed = true;
		return false;
	}
	if (done != len) {
		if (csv_error(&s->p) == CSV_ENOMEM) {
			s->im->nomem = true;
		} else {
			rm_import_report(
			    s->im, line_in(d, done, first, prev_cr), NULL, NULL,
			    "malformed quoting (a quote inside an "
			    "unquoted field, or text after a "
			    "closing quote)");
		}
		s->failed = true;
		return false;
	}
	return true;
}

bool rm_stream_finish(struct rm_stream *s)
{
	if (s->failed) {
		return false;
	}
	/* the last line may lack its newline: it still ends a record */
	if (!s->quoted && !s->start && !s->empty && !push_start(s, s->begin)) {
		s->im->nomem = true;
		return false;
	}
	if (csv_fini(&s->p, on_field, on_row, s) != 0) {
		rm_import_report(s->im, s->begin, NULL, NULL,
				 "unterminated quoted field (a closing '\"' "
				 "is missing)");
		s->failed = true;
		return false;
	}
	if (s->nomem) {
		s->im->nomem = true;
		return false;
	}
	return true;
}

void rm_stream_release(struct rm_stream *s)
{
	csv_free(&s->p);
	free(s->starts);
	free(s->buf);
	free(s->off);
	free(s->f);
	memset(s, 0, sizeof(*s));
}
