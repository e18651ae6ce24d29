/* report-capital.c - the capitalization report's JSON (cJSON) and its rows
 * for CSV (roadmap(1), capitalization). */
#include "json.h"

#include <stdlib.h>
#include <string.h>

static const char *row_key(const struct roadmap_capital_report *r)
{
	return r->by == ROADMAP_CAPITAL_BY_INITIATIVE ? ROADMAP_WORD_INITIATIVE
						      : ROADMAP_FIELD_PERIOD;
}

static cJSON *row_object(const struct roadmap_capital_row *x, const char *key)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	if (key) {
		rm_json_add(o, key, cJSON_CreateString(x->key), &ok);
	}
	for (int c = 0; c < ROADMAP_CAPITAL_COLUMNS; c++) {
		rm_json_add(o, roadmap_capital_column_name(c),
			    rm_json_money(x->v[c]), &ok);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

enum roadmap_status
roadmap_capital_report_json(const struct roadmap_capital_report *r, char **out,
			    struct roadmap_error *err)
{
	struct strbuf b = {0};
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "basis",
		    cJSON_CreateString(roadmap_capital_basis_name(r->basis)),
		    &ok);
	rm_json_add(o, "by", cJSON_CreateString(roadmap_capital_by_name(r->by)),
		    &ok);
	cJSON *rows = rm_json_add(o, "rows", cJSON_CreateArray(), &ok);
	for (size_t i = 0; rows && ok && i < r->n; i++) {
		rm_json_push(rows, row_object(&r->rows[i], row_key(r)), &ok);
	}
	rm_json_add(o, ROADMAP_WORD_TOTAL, row_object(&r->total, NULL), &ok);
	if (!ok) {
		cJSON_Delete(o);
		return rm_nomem(err);
	}
	enum roadmap_status st = rm_json_finish(&b, o, out, NULL, err);
	cJSON_Delete(o);
	return st;
}

enum roadmap_status roadmap_capital_rows(const struct roadmap_capital_report *r,
					 struct roadmap_rows *out,
					 struct roadmap_error *err)
{
	const size_t cols = 1 + ROADMAP_CAPITAL_COLUMNS;
	size_t k = 0;
	char buf[32];

	memset(out, 0, sizeof(*out));
	out->n_cols = cols;
	out->n_rows = r->n + 1;
	out->cells = calloc((r->n + 2) * cols, sizeof(char *));
	out->text = calloc(cols, sizeof(bool));
	bool ok = out->cells && out->text;
	char **cells = rm_list_own(out->cells);
#define PUT(s) (ok = ok && (cells[k++] = rm_rows_strdup(out, (s))) != NULL)
	if (ok) {
		out->text[0] = true; /* an initiative's id */
	}
	PUT(row_key(r));
	for (int c = 0; c < ROADMAP_CAPITAL_COLUMNS; c++) {
		PUT(roadmap_capital_column_name(c));
	}
	for (size_t i = 0; ok && i <= r->n; i++) {
		const struct roadmap_capital_row *x =
		    i < r->n ? &r->rows[i] : &r->total;
		PUT(i < r->n ? x->key : ROADMAP_WORD_TOTAL);
		for (int c = 0; c < ROADMAP_CAPITAL_COLUMNS; c++) {
			PUT(roadmap_money_format(x->v[c], false, buf));
		}
	}
#undef PUT
	if (!ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}
