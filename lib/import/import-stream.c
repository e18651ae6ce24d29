/*
 * import-stream.c - the importer's CSV reader, chunk by chunk: import of
 * a table (import-csv.c) feeds it the whole file, the books importer
 * (import-books.c, import-rules.c) a million-row FOCUS file 256 KiB at a
 * time. libcsv parses strictly, keeps every space and reports no
 * positions, so each chunk is first scanned, quote-aware, for the line
 * each record starts on (LF, CRLF or a lone CR end a line; a quoted field
 * may hold newlines; a blank line is no record), and the records libcsv
 * emits take those lines in order. A UTF-8 byte order mark, as
 * spreadsheets write, is skipped however the chunks split it. Memory
 * holds one record and the start lines of one chunk's records.
 */
#include "import.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

struct rm_stream {
	struct csv_parser p;
	struct imp *im;
	void (*row)(void *ctx, char **f, size_t n, long line);
	void *ctx;
	/* the pre-scan of each chunk: the line each record starts on */
	long line, begin;
	bool quoted, start, empty, prev_cr;
	size_t bom; /* bytes of a leading BOM seen (held back), 3: past it */
	long *starts;
	size_t n_starts, head, cap_starts;
	/* the record being read: fields NUL-terminated in buf at off */
	struct strbuf buf;
	size_t *off;
	char **f;
	size_t nf, cap_f;
	bool nomem, failed;
};

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
	s->off[s->nf++] = s->buf.len;
	/* the field, then its NUL (libcsv hands an empty field as NULL) */
	sb_put(&s->buf, data ? data : "", len);
	sb_put(&s->buf, "", 1);
	s->nomem = s->buf.failed;
}

static void on_row(int c, void *ctx)
{
	struct rm_stream *s = ctx;
	long line = s->head < s->n_starts ? s->starts[s->head++] : s->line;

	(void)c;
	if (!s->nomem) {
		for (size_t i = 0; i < s->nf; i++) {
			s->f[i] = s->buf.data + s->off[i];
		}
		s->row(s->ctx, s->f, s->nf, line);
	}
	s->nf = 0;
	s->buf.len = 0;
}

struct rm_stream *rm_stream_new(struct imp *im, char delim,
				void (*row)(void *, char **, size_t, long),
				void *ctx)
{
	struct rm_stream *s = calloc(1, sizeof(*s));

	if (!s || csv_init(&s->p, CSV_STRICT | CSV_STRICT_FINI |
				      CSV_APPEND_NULL) != 0) {
		free(s);
		im->nomem = true;
		return NULL;
	}
	csv_set_delim(&s->p, (unsigned char)delim);
	csv_set_space_func(&s->p, no_space);
	s->im = im;
	s->row = row;
	s->ctx = ctx;
	s->line = 1;
	s->start = true;
	return s;
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
 * The pre-scan, incremental. Only a quote, LF and CR change its state:
 * the runs of other bytes between them are skipped in a tight loop (a
 * million-row file is mostly such runs).
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

static bool parse(struct rm_stream *s, const char *d, size_t len)
{
	long first = s->line;
	bool prev_cr = s->prev_cr;

	if (s->failed) {
		return false;
	}
	const char *nul = memchr(d, '\0', len);
	if (nul) {
		/* a cell would end at it: bad data, never a shorter cell */
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

static const char bom[] = "\xEF\xBB\xBF";

bool rm_stream_feed(struct rm_stream *s, const char *d, size_t len)
{
	size_t held = s->bom, k = 0;

	if (held < 3) {
		while (held + k < 3 && k < len && d[k] == bom[held + k]) {
			k++;
		}
		if (held + k == 3) { /* a whole BOM: skipped */
			s->bom = 3;
			d += k;
			len -= k;
		} else if (k == len) { /* so far a BOM's first bytes: held */
			s->bom = held + k;
			return !s->failed;
		} else { /* no BOM: the bytes held are the file's */
			s->bom = 3;
			if (held && !parse(s, bom, held)) {
				return false;
			}
		}
	}
	return parse(s, d, len);
}

bool rm_stream_finish(struct rm_stream *s)
{
	/* a file of a BOM's first bytes only: they are its text */
	if (s->bom > 0 && s->bom < 3) {
		size_t held = s->bom;
		s->bom = 3;
		if (!parse(s, bom, held)) {
			return false;
		}
	}
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

void rm_stream_free(struct rm_stream *s)
{
	if (!s) {
		return;
	}
	csv_free(&s->p);
	free(s->starts);
	sb_release(&s->buf);
	free(s->off);
	free(s->f);
	free(s);
}
