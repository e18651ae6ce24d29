/* rows.c - items as rows of text cells, and the CSV writer (libcsv). */
#include "internal.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h" /* struct strbuf */

static const char *const init_cols[] = {
	"id",    "title", "pillar", "stage", "status", "owner",
	"team",  "start", "end",    "opex",  "capex",  "total",
	"fte",   "priority", "benefit", "goals", "depends_on"};
static const bool init_text[] = {1, 1, 1, 0, 0, 1, 1, 0, 0,
				 0, 0, 0, 0, 0, 0, 1, 1};
static const char *const goal_cols[] = {"id",   "title", "metric",
					"baseline", "target", "unit",
					"due",  "owner", "priority"};
static const bool goal_text[] = {1, 1, 1, 0, 0, 1, 0, 1, 0};
static const char *const team_cols[] = {"id", "capacity"};
static const bool team_text[] = {1, 0};
static const char *const budget_cols[] = {"period", "pillar", "amount"};
static const bool budget_text[] = {0, 1, 0};

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
	free(rows->cells);
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

static void put_list(struct filler *f, char *const *list, size_t n)
{
	struct strbuf b = {0};

	for (size_t i = 0; i < n; i++) {
		if (i) {
			sb_put(&b, ";", 1);
		}
		sb_puts(&b, list[i]);
	}
	if (b.failed) {
		f->ok = false;
	}
	put(f, b.data ? b.data : "");
	sb_release(&b);
}

/* A plain decimal for people and spreadsheets, the same in every
 * locale. */
static void put_double(struct filler *f, bool has, double d)
{
	char buf[ROADMAP_NUMBER_BUF];

	if (!has) {
		put(f, "");
		return;
	}
	put(f, roadmap_number_format(d, buf));
}

static void fill_initiative(struct filler *f,
			    const struct roadmap_initiative *in)
{
	char buf[32];

	put(f, in->id);
	put(f, in->title);
	put(f, in->pillar);
	put(f, in->stage ? roadmap_stage_name(in->stage) : "");
	put(f, roadmap_initiative_status_name(in->status));
	put(f, in->owner);
	put(f, in->team);
	put(f, roadmap_day_format(in->start, buf));
	put(f, roadmap_day_format(in->end, buf));
	put_money(f, in->opex);
	put_money(f, in->capex);
	put_money(f, in->opex + in->capex);
	put(f, rm_hundredths_format(in->fte, buf));
	snprintf(buf, sizeof(buf), "%d", in->priority);
	put(f, buf);
	if (in->has_benefit) {
		put_money(f, in->benefit);
	} else {
		put(f, "");
	}
	put_list(f, in->goals, in->n_goals);
	put_list(f, in->depends_on, in->n_depends_on);
}

static void fill_goal(struct filler *f, const struct roadmap_goal *g)
{
	char buf[32];

	put(f, g->id);
	put(f, g->title);
	put(f, g->metric);
	put_double(f, g->has_baseline, g->baseline);
	put_double(f, g->has_target, g->target);
	put(f, g->unit);
	put(f, g->has_due ? roadmap_day_format(g->due, buf) : "");
	put(f, g->owner);
	if (g->priority) {
		snprintf(buf, sizeof(buf), "%d", g->priority);
		put(f, buf);
	} else {
		put(f, "");
	}
}

enum roadmap_status roadmap_rows_build(const struct roadmap *rm,
				       enum roadmap_kind kind,
				       const size_t *idx, size_t n,
				       struct roadmap_rows *out,
				       struct roadmap_error *err)
{
	const char *const *cols;
	const bool *text;
	size_t ncols, total;

	memset(out, 0, sizeof(*out));
	switch (kind) {
	case ROADMAP_KIND_INITIATIVE:
		cols = init_cols;
		text = init_text;
		ncols = sizeof(init_cols) / sizeof(*init_cols);
		total = rm->n_inits;
		break;
	case ROADMAP_KIND_GOAL:
		cols = goal_cols;
		text = goal_text;
		ncols = sizeof(goal_cols) / sizeof(*goal_cols);
		total = rm->n_goals;
		break;
	case ROADMAP_KIND_TEAM:
		cols = team_cols;
		text = team_text;
		ncols = 2;
		total = rm->n_teams;
		break;
	case ROADMAP_KIND_BUDGET:
		cols = budget_cols;
		text = budget_text;
		ncols = 3;
		total = rm->n_budgets;
		break;
	default:
		return rm_fail(err, ROADMAP_ERR_USAGE, "unknown kind of item");
	}
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
	memcpy(out->text, text, ncols * sizeof(bool));
	struct filler f = {out, out->cells, true};
	for (size_t c = 0; c < ncols; c++) {
		put(&f, cols[c]);
	}
	for (size_t r = 0; r < n && f.ok; r++) {
		size_t i = idx ? idx[r] : r;
		char buf[32];
		switch (kind) {
		case ROADMAP_KIND_INITIATIVE:
			fill_initiative(&f, &rm->inits[i]);
			break;
		case ROADMAP_KIND_GOAL:
			fill_goal(&f, &rm->goals[i]);
			break;
		case ROADMAP_KIND_TEAM:
			put(&f, rm->teams[i].id);
			put(&f, rm_hundredths_format(rm->teams[i].capacity,
						     buf));
			break;
		case ROADMAP_KIND_BUDGET:
			put(&f, rm_budget_label(&rm->budgets[i], buf,
						sizeof(buf)));
			put(&f, rm->budgets[i].pillar);
			put_money(&f, rm->budgets[i].amount);
			break;
		}
	}
	if (!f.ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

/*
 * A text that starts like a formula (=, +, -, @, tab, CR) is written with a
 * leading ', so that no spreadsheet runs it; so is one that starts with '
 * and such a character, so that import, which takes one ' off a guarded
 * text, gives back exactly what was written.
 */
bool rm_csv_needs_guard(const char *s)
{
	return (s[0] && strchr("=+-@\t\r", s[0])) ||
	       (s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]));
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
