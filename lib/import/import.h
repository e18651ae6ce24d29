/* import.h - what the importer's files share (import.c, import-csv.c,
 * import-columns.c, import-rows.c, import-json.c, import-stream.c). */
#ifndef ROADMAP_IMPORT_H
#define ROADMAP_IMPORT_H

#include "fields.h"

#define KEEP_ERRORS 20 /* errors kept in the report; all are counted */

struct imp {
	struct roadmap *rm;
	const char *name;
	const struct roadmap_import_options *opt;
	struct roadmap_import_report *rep;
	bool nomem;
	bool usage; /* an error is the caller's (ROADMAP_ERR_USAGE) */
};

/* An error at a line (0: none), a JSON path or a CSV column. */
__attribute__((format(printf, 5, 6))) void
rm_import_report(struct imp *im, long line, const char *where,
		 const char *column, const char *fmt, ...);
/* Records "add KIND ID" or "update KIND ID". */
void rm_import_change(struct imp *im, bool added, const char *kind,
		      const char *id);

/*
 * The importer's CSV reader (import-stream.c): libcsv, strict, fed chunk
 * by chunk; each record is handed to row with the line it starts on (its
 * fields NUL-terminated, valid until row returns). Errors (a NUL byte,
 * malformed quoting, an unterminated quote) go to im with their line;
 * out of memory sets im->nomem. A blank line is no record.
 */
struct rm_stream;
struct rm_stream *
rm_stream_new(struct imp *im, char delim,
	      void (*row)(void *ctx, char **f, size_t n, long line), void *ctx);
/* Parses the next len bytes (any split); false after an error. */
bool rm_stream_feed(struct rm_stream *s, const char *d, size_t len);
/* After the last byte: the last record; false after an error. */
bool rm_stream_finish(struct rm_stream *s);
void rm_stream_free(struct rm_stream *s);

/* A whole CSV file's records with the line each starts on (import-csv.c). */
struct record {
	char **f;
	size_t n;
	long line;
};

struct csvstate {
	struct record *rec;
	size_t n, cap;
	bool nomem;
};

bool rm_csv_parse(struct imp *im, const char *d, size_t len,
		  struct csvstate *st);
void rm_csv_free(struct csvstate *st);

/* A CSV table's column (import-columns.c). */
struct column {
	const char *name;
	bool required;
};
/* The fields table of an item table, or NULL (actuals, progress,
 * measurements). */
const struct rm_field *rm_import_fields_of(int table);
/* The table's columns into cols (NULL-terminated, at most max with it);
 * how many. */
size_t rm_import_columns(int table, struct column *cols, size_t max);
/* Header names match whatever their ASCII case (never the locale's). */
bool rm_import_same_name(const char *a, const char *b);
bool rm_import_has(const struct record *h, const char *name);
/* The table a header belongs to when --table was not given. */
int rm_import_guess_table(const struct record *h);

/* The two kinds of input: CSV tables (import-rows.c), a JSON roadmap or
 * export (import-json.c). */
void rm_import_csv(struct imp *im, const char *d, size_t len);
void rm_import_json(struct imp *im, const char *d, size_t len);

#endif
