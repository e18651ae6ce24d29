/*
 * import-columns.c - which CSV table a header is, and each table's
 * columns: matched by name in any ASCII case, worked out from the tables.
 */
#include "import.h"

#include <string.h>

/* an actual: amount (unsplit), or opex and capex; estimated (true: the
 * kinds are an unsplit amount's estimate, as export writes them) */
static const struct column actual_cols[] = {{ROADMAP_WORD_INITIATIVE, 1},
					    {ROADMAP_WORD_QUARTER, 1},
					    {ROADMAP_FIELD_AMOUNT, 0},
					    {ROADMAP_FIELD_OPEX, 0},
					    {ROADMAP_FIELD_CAPEX, 0},
					    {ROADMAP_WORD_ESTIMATED, 0},
					    {NULL, 0}};

static const struct column progress_cols[] = {{ROADMAP_WORD_INITIATIVE, 1},
					      {ROADMAP_WORD_DATE, 1},
					      {ROADMAP_WORD_PERCENT, 1},
					      {NULL, 0}};
static const struct column measurement_cols[] = {{ROADMAP_WORD_GOAL, 1},
						 {ROADMAP_WORD_DATE, 1},
						 {ROADMAP_WORD_VALUE, 1},
						 {NULL, 0}};

/* The fields table of an item table, or NULL (actuals, progress,
 * measurements). */
const struct rm_field *rm_import_fields_of(int table)
{
	switch (table) {
	case ROADMAP_TABLE_INITIATIVES:
		return rm_initiative_fields;
	case ROADMAP_TABLE_GOALS:
		return rm_goal_fields;
	case ROADMAP_TABLE_TEAMS:
		return rm_team_fields;
	case ROADMAP_TABLE_BUDGETS:
		return rm_budget_fields;
	default:
		return NULL;
	}
}

/* A table's columns: its fields' CSV columns in order (and the
 * initiatives' computed total, accepted and checked, never applied). */
size_t rm_import_columns(int table, struct column *cols, size_t max)
{
	const struct rm_field *fields = rm_import_fields_of(table);
	size_t n = 0;

	const struct column *fixed =
	    table == ROADMAP_TABLE_ACTUALS	  ? actual_cols
	    : table == ROADMAP_TABLE_PROGRESS	  ? progress_cols
	    : table == ROADMAP_TABLE_MEASUREMENTS ? measurement_cols
						  : NULL;
	for (; fixed && fixed[n].name && n + 1 < max; n++) {
		cols[n] = fixed[n];
	}
	const struct rm_field *fc[32];
	size_t nf = fields ? rm_field_columns(fields, false,
					      table == ROADMAP_TABLE_INITIATIVES
						  ? rm_csv_total
						  : NULL,
					      fc, 32)
			   : 0;
	for (size_t k = 0; k < nf && n + 1 < max; k++) {
		cols[n++] = fc[k]
				? (struct column){fc[k]->name, fc[k]->required}
				: (struct column){ROADMAP_WORD_TOTAL, false};
	}
	cols[n] = (struct column){NULL, false};
	return n;
}

/* Header names match whatever their ASCII case (never the locale's). */
bool rm_import_same_name(const char *a, const char *b)
{
	size_t n = rm_ascii_prefix_nocase(a, b);

	return !a[n] && !b[n];
}

bool rm_import_has(const struct record *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++) {
		if (rm_import_same_name(h->f[i], name)) {
			return true;
		}
	}
	return false;
}

/* Whether the table's columns include name. */
static bool knows(const struct column *cols, const char *name)
{
	for (; cols->name; cols++) {
		if (rm_import_same_name(cols->name, name)) {
			return true;
		}
	}
	return false;
}

/*
 * The table a header belongs to, when --table was not given: actuals,
 * budgets, teams or goals when the header has all of that table's
 * required columns, a column the initiatives table does not have, and no
 * required column of the initiatives that the table lacks (start, end).
 * When none has all its required columns, the one of those (with a
 * column the initiatives do not have) that knows more of the header's
 * columns than any other and than the initiatives: a measurements file
 * without its value column is that table missing a column, not an
 * initiatives table with unknown ones. Else initiatives. Worked out from
 * the tables, not from names.
 */
int rm_import_guess_table(const struct record *h)
{
	int partial = ROADMAP_TABLE_INITIATIVES;
	size_t most = 0;
	static const int order[] = {
	    ROADMAP_TABLE_ACTUALS,	ROADMAP_TABLE_PROGRESS,
	    ROADMAP_TABLE_MEASUREMENTS, ROADMAP_TABLE_BUDGETS,
	    ROADMAP_TABLE_TEAMS,	ROADMAP_TABLE_GOALS};
	struct column init[32], cols[32];

	rm_import_columns(ROADMAP_TABLE_INITIATIVES, init, 32);
	for (size_t i = 0; i < h->n; i++) {
		most += knows(init, h->f[i]);
	}
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		bool fits = true, distinct = false, clash = false;
		size_t known = 0;
		rm_import_columns(order[k], cols, 32);
		for (const struct column *c = cols; c->name; c++) {
			fits =
			    fits && (!c->required || rm_import_has(h, c->name));
			distinct = distinct || (rm_import_has(h, c->name) &&
						!knows(init, c->name));
		}
		for (const struct column *c = init; c->name; c++) {
			clash = clash ||
				(c->required && rm_import_has(h, c->name) &&
				 !knows(cols, c->name));
		}
		if (fits && distinct && !clash) {
			return order[k];
		}
		for (size_t i = 0; i < h->n; i++) {
			known += knows(cols, h->f[i]);
		}
		if (distinct && !clash && known > most) {
			partial = order[k];
			most = known;
		}
	}
	return partial;
}
