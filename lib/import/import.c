/*
 * import.c - CSV and JSON imports (roadmap(1), import): all or nothing, every
 * bad row or item reported with its location. This file holds the report and
 * the entry point; import-csv.c reads CSV records, import-rows.c turns each
 * table's rows into edits, import-json.c merges a roadmap or an export.
 */
#include "import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rm_import_report(struct imp *im, long line, const char *where,
		      const char *column, const char *fmt, ...)
{
	struct roadmap_import_report *rep = im->rep;
	va_list ap;

	/*
	 * The report keeps the first KEEP_ERRORS errors in line order, though
	 * a second pass over the rows finds some after the first: an error
	 * goes after those of its line and before later lines, pushing the
	 * last one out when the report is full.
	 */
	rep->total_errors++;
	size_t at = rep->n_errors;
	while (at > 0 && rep->errors[at - 1].line > line) {
		at--;
	}
	if (at >= KEEP_ERRORS) {
		return;
	}
	size_t keep =
	    rep->n_errors < KEEP_ERRORS ? rep->n_errors : KEEP_ERRORS - 1;
	memmove(&rep->errors[at + 1], &rep->errors[at],
		(keep - at) * sizeof(rep->errors[0]));
	if (rep->n_errors < KEEP_ERRORS) {
		rep->n_errors++;
	}
	struct roadmap_error *e = &rep->errors[at];
	memset(e, 0, sizeof(*e));
	e->status = im->usage ? ROADMAP_ERR_USAGE : ROADMAP_ERR_DATA;
	snprintf(e->file, sizeof(e->file), "%s", im->name);
	e->line = line;
	if (column) {
		snprintf(e->where, sizeof(e->where), "column \"%s\"", column);
	} else if (where) {
		snprintf(e->where, sizeof(e->where), "%s", where);
	}
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
}

void rm_import_change(struct imp *im, bool added, const char *kind,
		      const char *id)
{
	char q[160], line[256];

	snprintf(line, sizeof(line), "%s %s %s", added ? "add" : "update", kind,
		 rm_quote(id, q, sizeof(q)));
	if (!rm_list_add(&im->rep->changes, &im->rep->n_changes, line)) {
		im->nomem = true;
	}
	if (added) {
		im->rep->added++;
	} else {
		im->rep->updated++;
	}
}

void roadmap_import_report_release(struct roadmap_import_report *r)
{
	if (r) {
		rm_list_free(rm_list_own(r->changes), r->n_changes);
		free(r->errors);
		free(r->not_merged);
		memset(r, 0, sizeof(*r));
	}
}

static bool looks_json(const char *d, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!strchr(" \t\r\n", d[i])) {
			return d[i] == '{' || d[i] == '[';
		}
	}
	return false;
}

enum roadmap_status roadmap_import(struct roadmap *rm, const char *name,
				   const char *data, size_t len,
				   const struct roadmap_import_options *opt,
				   struct roadmap_import_report *rep)
{
	struct imp im = {rm, name, opt, rep, false, false};

	memset(rep, 0, sizeof(*rep));
	rep->errors = calloc(KEEP_ERRORS, sizeof(*rep->errors));
	if (!rep->errors) {
		return ROADMAP_ERR_NOMEM;
	}
	/* a UTF-8 byte order mark, as spreadsheets write (the CSV reader
	 * skips its own) */
	const char *body = data;
	size_t n = len;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		body += 3;
		n -= 3;
	}
	if (looks_json(body, n) && opt->ignore_columns) {
		im.usage = true;
		rm_import_report(&im, 0, NULL, NULL,
				 "--ignore-columns applies to CSV files only");
	} else if (looks_json(body, n)) {
		rm_import_json(&im, body, n);
	} else {
		rm_import_csv(&im, data, len);
	}
	if (im.nomem) {
		return ROADMAP_ERR_NOMEM;
	}
	if (!rep->total_errors) {
		return ROADMAP_OK;
	}
	return im.usage ? ROADMAP_ERR_USAGE : ROADMAP_ERR_DATA;
}
