/* level-rows.c - a levelled plan's moves as rows for CSV (roadmap(1),
 * schedule --level). */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum roadmap_status roadmap_level_rows(const struct roadmap *rm,
				       const struct roadmap_level *l,
				       struct roadmap_rows *out,
				       struct roadmap_error *err)
{
	static const char *const head[] = {ROADMAP_FIELD_ID, "weeks",
					   ROADMAP_FIELD_START,
					   ROADMAP_FIELD_END, "reason"};
	static const bool text[] = {true, false, false, false, true};
	const size_t cols = 5;
	size_t next = 0;
	bool ok;

	memset(out, 0, sizeof(*out));
	out->n_cols = cols;
	out->n_rows = l->n_moves;
	out->cells = calloc((l->n_moves + 1) * cols, sizeof(char *));
	out->text = calloc(cols, sizeof(bool));
	ok = out->cells && out->text;
	char **cell = ok ? rm_list_own(out->cells) : NULL;
	for (size_t c = 0; ok && c < cols; c++) {
		out->text[c] = text[c];
		ok = (cell[next++] = rm_rows_strdup(out, head[c])) != NULL;
	}
	for (size_t k = 0; ok && k < l->n_moves; k++) {
		const struct roadmap_level_move *mv = &l->moves[k];
		char weeks[16], start[16], end[16];
		snprintf(weeks, sizeof(weeks), "%d", mv->weeks);
		const char *row[] = {rm->inits[mv->index].id, weeks,
				     roadmap_day_format(mv->start, start),
				     roadmap_day_format(mv->end, end),
				     mv->reason};
		for (size_t c = 0; ok && c < cols; c++) {
			ok = (cell[next++] = rm_rows_strdup(out, row[c])) !=
			     NULL;
		}
	}
	if (!ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}
