/* rows.c - items as rows of text cells, and the CSV writer (libcsv). */
#include "fields.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The cells' text lives in a chain of large blocks: a 100,000-row table has
 * a million cells, and one malloc each would cost more than the table.
 */
struct block {
	struct block *next;
	size_t used, size;
	char data[];
};

char *rm_rows_strdup(struct roadmap_rows *rows, const char *s)
{
	size_t n = strlen(s) + 1;
	struct block *b = rows->arena;

	if (!b || b->size - b->used < n) {
		size_t size = n > 65536 ? n : 65536;
		struct block *nb = malloc(sizeof(*nb) + size);
		if (!nb) {
			return NULL;
		}
		nb->next = b;
		nb->used = 0;
		nb->size = size;
		rows->arena = b = nb;
	}
	char *p = b->data + b->used;
	memcpy(p, s, n);
	b->used += n;
	return p;
}

void roadmap_rows_release(struct roadmap_rows *rows)
{
	if (!rows) {
		return;
	}
	for (struct block *b = rows->arena, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(rm_list_own(rows->cells));
	free(rows->text);
	memset(rows, 0, sizeof(*rows));
}

struct filler {
	struct roadmap_rows *rows;
	char **cell;
	bool ok;
};

static void put(struct filler *f, const char *s)
{
	char *c = rm_rows_strdup(f->rows, s ? s : "");

	if (!c) {
		f->ok = false;
	}
	*f->cell++ = c;
}

static void put_money(struct filler *f, int64_t v)
{
	char buf[32];

	put(f, roadmap_money_format(v, false, buf));
}

enum roadmap_status roadmap_rows_build(const struct roadmap *rm,
				       enum roadmap_kind kind,
				       const size_t *idx, size_t n,
				       struct roadmap_rows *out,
				       struct roadmap_error *err)
{
	const struct rm_field *fields = rm_fields_of(kind), *cols[32];
	const char *items;
	size_t ncols, total, size;

	memset(out, 0, sizeof(*out));
	switch (kind) {
	case ROADMAP_KIND_INITIATIVE:
		items = (const char *)rm->inits;
		size = sizeof(*rm->inits);
		total = rm->n_inits;
		break;
	case ROADMAP_KIND_GOAL:
		items = (const char *)rm->goals;
		size = sizeof(*rm->goals);
		total = rm->n_goals;
		break;
	case ROADMAP_KIND_TEAM:
		items = (const char *)rm->teams;
		size = sizeof(*rm->teams);
		total = rm->n_teams;
		break;
	case ROADMAP_KIND_BUDGET:
		items = (const char *)rm->budgets;
		size = sizeof(*rm->budgets);
		total = rm->n_budgets;
		break;
	default:
		return rm_fail(err, ROADMAP_ERR_USAGE, "unknown kind of item");
	}
	ncols = rm_field_columns(
	    fields, false,
	    kind == ROADMAP_KIND_INITIATIVE ? rm_csv_total : NULL, cols, 32);
	if (!idx) {
		n = total;
	}
	out->n_cols = ncols;
	out->n_rows = n;
	out->cells = calloc((n + 1) * ncols, sizeof(char *));
	out->text = calloc(ncols, sizeof(bool));
	if (!out->cells || !out->text) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	struct filler f = {out, rm_list_own(out->cells), true};
	for (size_t c = 0; c < ncols; c++) {
		/* text cells are guarded and quoted; numbers, dates and
		 * names from a fixed set are not */
		out->text[c] = cols[c] && cols[c]->type->text_cell;
		put(&f, cols[c] ? cols[c]->name : ROADMAP_WORD_TOTAL);
	}
	struct strbuf b = {0};
	for (size_t r = 0; r < n && f.ok; r++) {
		const void *item = items + (idx ? idx[r] : r) * size;
		for (size_t c = 0; c < ncols; c++) {
			if (cols[c]) {
				f.ok = rm_field_text(rm, cols[c], item, false,
						     &b) &&
				       f.ok;
				put(&f, b.data);
			} else {
				const struct roadmap_initiative *in = item;
				put_money(&f, in->opex + in->capex);
			}
		}
	}
	sb_release(&b);
	if (!f.ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

/* Writes one field: quoted by libcsv when RFC 4180 requires it. */
static void csv_field(struct strbuf *b, const char *s, bool text)
{
	size_t len = strlen(s);
	char *guarded = NULL;

	if (text && rm_csv_needs_guard(s)) {
		if (!(guarded = malloc(len + 2))) {
			b->failed = true;
			return;
		}
		guarded[0] = '\'';
		memcpy(guarded + 1, s, len + 1);
		s = guarded;
		len++;
	}
	if (strpbrk(s, ",\"\r\n") == NULL) {
		sb_put(b, s, len);
	} else {
		size_t need = csv_write(NULL, 0, s, len);
		char *q = malloc(need);
		if (!q) {
			b->failed = true;
		} else {
			csv_write(q, need, s, len);
			sb_put(b, q, need);
			free(q);
		}
	}
	free(guarded);
}

enum roadmap_status rm_csv_write(struct strbuf *b,
				 const struct roadmap_rows *rows)
{
	for (size_t r = 0; r <= rows->n_rows; r++) {
		for (size_t c = 0; c < rows->n_cols; c++) {
			if (c) {
				sb_put(b, ",", 1);
			}
			/* the header row is ours: never guarded */
			csv_field(b, rows->cells[r * rows->n_cols + c],
				  r > 0 && rows->text[c]);
		}
		sb_put(b, "\n", 1);
	}
	return b->failed ? ROADMAP_ERR_NOMEM : ROADMAP_OK;
}

enum roadmap_status roadmap_rows_csv(const struct roadmap_rows *rows,
				     char **out, size_t *len,
				     struct roadmap_error *err)
{
	struct strbuf b = {0};

	sb_put(&b, "", 0);
	if (rm_csv_write(&b, rows) != ROADMAP_OK || !b.data) {
		sb_release(&b);
		return rm_nomem(err);
	}
	*out = b.data;
	if (len) {
		*len = b.len;
	}
	return ROADMAP_OK;
}
