/* tables.c - report tables as rows of cells, for CSV and the exports. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct grid {
	struct roadmap_rows *rows;
	size_t next;
	bool ok;
};

static bool grid_init(struct grid *g, struct roadmap_rows *out, size_t cols,
		      size_t n, const char *const *head, const bool *text)
{
	memset(out, 0, sizeof(*out));
	out->n_cols = cols;
	out->n_rows = n;
	out->cells = calloc((n + 1) * cols, sizeof(char *));
	out->text = calloc(cols, sizeof(bool));
	g->rows = out;
	g->next = 0;
	g->ok = out->cells && out->text;
	for (size_t c = 0; g->ok && c < cols; c++) {
		out->text[c] = text[c];
		g->ok = (rm_list_own(out->cells)[g->next++] =
			     rm_rows_strdup(out, head[c])) != NULL;
	}
	return g->ok;
}

static void put(struct grid *g, const char *s)
{
	if (g->ok) {
		g->ok = (rm_list_own(g->rows->cells)[g->next++] =
			     rm_rows_strdup(g->rows, s ? s : "")) != NULL;
	}
}

static void put_money(struct grid *g, bool has, int64_t v)
{
	char buf[32];

	put(g, has ? roadmap_money_format(v, false, buf) : "");
}

static enum roadmap_status grid_done(struct grid *g, struct roadmap_error *err)
{
	if (!g->ok) {
		roadmap_rows_release(g->rows);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_budget_rows(const struct roadmap_budget_report *r,
					struct roadmap_rows *out,
					struct roadmap_error *err)
{
	const char *head[4 + ROADMAP_BUDGET_COLUMNS] = {
	    rm_budget_row_key(r->by)};
	bool text[4 + ROADMAP_BUDGET_COLUMNS] = {true};
	/* actual_estimated after the money; the pillar view adds share and
	 * target_share */
	const size_t m = 2 + ROADMAP_BUDGET_COLUMNS;
	size_t n = m + 2 * (r->by == ROADMAP_BY_PILLAR);
	struct grid g;

	for (int c = 0; c < ROADMAP_BUDGET_COLUMNS; c++) {
		head[1 + c] = roadmap_budget_column_name(c);
	}
	head[m - 1] = ROADMAP_KEY_ACTUAL_ESTIMATED;
	head[m] = ROADMAP_KEY_SHARE;
	head[m + 1] = ROADMAP_KEY_TARGET_SHARE;
	grid_init(&g, out, n, r->n + 1, head, text);
	for (size_t i = 0; g.ok && i <= r->n; i++) {
		const struct roadmap_budget_row *x =
		    i < r->n ? &r->rows[i] : &r->total;
		put(&g, i < r->n ? x->key : ROADMAP_WORD_TOTAL);
		for (int c = 0; c < ROADMAP_BUDGET_COLUMNS; c++) {
			int64_t v;
			bool has = roadmap_budget_value(x, c, &v);
			put_money(&g, has, v);
		}
		put(&g, !x->has_actuals		? NULL
			: x->actual_estimated ? "true"
					      : "false");
		for (size_t c = m; c < n; c++) {
			char buf[ROADMAP_NUMBER_BUF];
			put(&g, roadmap_budget_share_text(x, c > m, buf));
		}
	}
	return grid_done(&g, err);
}

enum roadmap_status roadmap_findings_rows(const struct roadmap_findings *f,
					  struct roadmap_rows *out,
					  struct roadmap_error *err)
{
	static const char *const head[] = {"severity", "code", "subject",
					   "message", "related"};
	static const bool text[] = {0, 0, 1, 1, 1};
	struct grid g;

	grid_init(&g, out, 5, f->n, head, text);
	for (size_t i = 0; g.ok && i < f->n; i++) {
		const struct roadmap_finding *x = &f->items[i];
		size_t len = 1;
		for (size_t k = 0; k < x->n_related; k++) {
			len += strlen(x->related[k]) + 1;
		}
		char *joined = malloc(len);
		if (!joined) {
			g.ok = false;
			break;
		}
		joined[0] = '\0';
		for (size_t k = 0, o = 0; k < x->n_related; k++) {
			o += (size_t)sprintf(joined + o, "%s%s", k ? ";" : "",
					     x->related[k]);
		}
		put(&g, roadmap_severity_name(x->severity));
		put(&g, x->code);
		put(&g, x->subject);
		put(&g, x->message);
		put(&g, joined);
		free(joined);
	}
	return grid_done(&g, err);
}

enum roadmap_status roadmap_schedule_rows(const struct roadmap *rm,
					  const struct roadmap_schedule *s,
					  struct roadmap_rows *out,
					  struct roadmap_error *err)
{
	static const char *const head[] = {
	    ROADMAP_FIELD_ID, ROADMAP_FIELD_START, ROADMAP_FIELD_END,
	    "earliest_start", "earliest_end",	   "latest_start",
	    "latest_end",     "slack_days",	   "critical",
	    "shift_days"};
	static const bool text[] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	struct grid g;
	char b[24];

	grid_init(&g, out, 10, s->n, head, text);
	for (size_t i = 0; g.ok && i < s->n; i++) {
		const struct roadmap_schedule_row *r = &s->rows[i];
		const struct roadmap_initiative *in = &rm->inits[r->index];
		put(&g, in->id);
		put(&g, roadmap_day_format(in->start, b));
		put(&g, roadmap_day_format(in->end, b));
		put(&g, roadmap_day_format(r->earliest_start, b));
		put(&g, roadmap_day_format(r->earliest_end, b));
		put(&g, roadmap_day_format(r->latest_start, b));
		put(&g, roadmap_day_format(r->latest_end, b));
		snprintf(b, sizeof(b), "%ld", (long)r->slack_days);
		put(&g, b);
		put(&g, r->critical ? "true" : "false");
		snprintf(b, sizeof(b), "%ld", (long)r->shift_days);
		put(&g, b);
	}
	return grid_done(&g, err);
}

static enum roadmap_status actuals_rows(const struct roadmap *rm,
					struct roadmap_rows *out,
					struct roadmap_error *err)
{
	static const char *const head[] = {
	    ROADMAP_WORD_INITIATIVE, ROADMAP_WORD_QUARTER,
	    ROADMAP_FIELD_AMOUNT,    ROADMAP_FIELD_OPEX,
	    ROADMAP_FIELD_CAPEX,     ROADMAP_WORD_ESTIMATED};
	static const bool text[] = {1, 0, 0, 0, 0, 0};
	struct grid g;
	size_t n = 0;
	char label[12];

	for (size_t i = 0; i < rm->n_inits; i++) {
		n += rm->inits[i].n_actuals;
	}
	grid_init(&g, out, 6, n, head, text);
	for (size_t i = 0; g.ok && i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t k = 0; k < in->n_actuals; k++) {
			int64_t o, c;
			bool est = roadmap_actual_kinds(in, &in->actuals[k], &o,
							&c);
			put(&g, in->id);
			put(&g,
			    roadmap_quarter_label(in->actuals[k].qi, label));
			put_money(&g, true, in->actuals[k].amount);
			put_money(&g, true, o);
			put_money(&g, true, c);
			put(&g, est ? "true" : "false");
		}
	}
	return grid_done(&g, err);
}

/* The recorded progress (goals: false) or measurements, one row a day. */
static enum roadmap_status readings_rows(const struct roadmap *rm, bool goals,
					 struct roadmap_rows *out,
					 struct roadmap_error *err)
{
	const char *head[] = {
	    goals ? ROADMAP_WORD_GOAL : ROADMAP_WORD_INITIATIVE,
	    ROADMAP_WORD_DATE,
	    goals ? ROADMAP_WORD_VALUE : ROADMAP_WORD_PERCENT};
	static const bool text[] = {1, 0, 0};
	size_t n = 0, items = goals ? rm->n_goals : rm->n_inits;
	char b[ROADMAP_NUMBER_BUF];
	struct grid g;

	for (size_t i = 0; i < items; i++) {
		n += goals ? rm->goals[i].n_measurements
			   : rm->inits[i].n_progress;
	}
	grid_init(&g, out, 3, n, head, text);
	for (size_t i = 0; g.ok && i < items; i++) {
		const struct roadmap_reading *r =
		    goals ? rm->goals[i].measurements : rm->inits[i].progress;
		size_t m = goals ? rm->goals[i].n_measurements
				 : rm->inits[i].n_progress;
		for (size_t k = 0; k < m; k++) {
			put(&g, goals ? rm->goals[i].id : rm->inits[i].id);
			put(&g, roadmap_day_format(r[k].day, b));
			put(&g, roadmap_number_format(r[k].value, b));
		}
	}
	return grid_done(&g, err);
}

enum roadmap_status roadmap_table_rows(const struct roadmap *rm,
				       enum roadmap_table t,
				       struct roadmap_rows *out,
				       struct roadmap_error *err)
{
	enum roadmap_status st;

	switch (t) {
	case ROADMAP_TABLE_INITIATIVES:
		return roadmap_rows_build(rm, ROADMAP_KIND_INITIATIVE, NULL, 0,
					  out, err);
	case ROADMAP_TABLE_GOALS:
		return roadmap_rows_build(rm, ROADMAP_KIND_GOAL, NULL, 0, out,
					  err);
	case ROADMAP_TABLE_TEAMS:
		return roadmap_rows_build(rm, ROADMAP_KIND_TEAM, NULL, 0, out,
					  err);
	case ROADMAP_TABLE_BUDGETS:
		return roadmap_rows_build(rm, ROADMAP_KIND_BUDGET, NULL, 0, out,
					  err);
	case ROADMAP_TABLE_ACTUALS:
		return actuals_rows(rm, out, err);
	case ROADMAP_TABLE_PROGRESS:
	case ROADMAP_TABLE_MEASUREMENTS:
		return readings_rows(rm, t == ROADMAP_TABLE_MEASUREMENTS, out,
				     err);
	case ROADMAP_TABLE_BUDGET: {
		struct roadmap_budget_report r;
		if ((st = roadmap_budget_report(rm, ROADMAP_BY_QUARTER, &r,
						err))) {
			return st;
		}
		st = roadmap_budget_rows(&r, out, err);
		roadmap_budget_report_release(&r);
		return st;
	}
	case ROADMAP_TABLE_FINDINGS: {
		struct roadmap_findings f;
		if ((st = roadmap_check(rm, &f, err))) {
			return st;
		}
		st = roadmap_findings_rows(&f, out, err);
		roadmap_findings_release(&f);
		return st;
	}
	case ROADMAP_TABLE_SCHEDULE: {
		struct roadmap_schedule s;
		if ((st = roadmap_schedule(rm, &s, err))) {
			return st;
		}
		st = roadmap_schedule_rows(rm, &s, out, err);
		roadmap_schedule_release(&s);
		return st;
	}
	}
	return rm_fail(err, ROADMAP_ERR_USAGE, "unknown table");
}

enum roadmap_status roadmap_forecast_rows(const struct roadmap *rm,
					  const struct roadmap_forecast *f,
					  struct roadmap_rows *out,
					  struct roadmap_error *err)
{
	static const char *const head[] = {
	    ROADMAP_FIELD_ID, "planned_end", "p50", "p80", "p95", "on_time"};
	static const bool text[] = {1, 0, 0, 0, 0, 0};
	struct grid g;
	char b[ROADMAP_NUMBER_BUF];

	grid_init(&g, out, 6, f->n_initiatives, head, text);
	for (size_t i = 0; g.ok && i < f->n_initiatives; i++) {
		const struct roadmap_forecast_initiative *x =
		    &f->initiatives[i];
		put(&g, rm->inits[x->index].id);
		put(&g, roadmap_day_format(x->planned_end, b));
		put(&g, roadmap_day_format(x->p50, b));
		put(&g, roadmap_day_format(x->p80, b));
		put(&g, roadmap_day_format(x->p95, b));
		put(&g, roadmap_number_format(x->on_time, b));
	}
	return grid_done(&g, err);
}

/* A figure the tracking report has already rounded, or "". */
static void put_number(struct grid *g, bool has, double v)
{
	char b[ROADMAP_NUMBER_BUF];

	put(g, has ? roadmap_number_format(v, b) : "");
}

enum roadmap_status roadmap_tracking_rows(const struct roadmap *rm,
					  const struct roadmap_tracking *t,
					  bool goals, struct roadmap_rows *out,
					  struct roadmap_error *err)
{
	static const char *const ihead[] = {ROADMAP_FIELD_ID,
					    "bac",
					    "planned_pct",
					    "pv",
					    ROADMAP_FIELD_PROGRESS,
					    "ev",
					    "ac",
					    "sv",
					    "cv",
					    "spi",
					    "cpi",
					    "eac",
					    "vac",
					    "late",
					    "slip_days",
					    "bac_change"};
	static const bool itext[16] = {1};
	static const char *const ghead[] = {
	    ROADMAP_FIELD_ID, "current", ROADMAP_FIELD_PROGRESS,
	    "expected",	      "state",	 "score"};
	static const bool gtext[] = {1, 0, 0, 0, 1, 0};
	char b[ROADMAP_NUMBER_BUF];
	struct grid g;

	if (goals) {
		grid_init(&g, out, 6, t->n_goals, ghead, gtext);
		for (size_t i = 0; g.ok && i < t->n_goals; i++) {
			const struct roadmap_goal_tracking *x = &t->goals[i];
			put(&g, rm->goals[x->index].id);
			put(&g, x->has_current
				    ? roadmap_number_format(x->current, b)
				    : "");
			put_number(&g, x->has_progress, x->progress);
			put_number(&g, x->has_expected, x->expected);
			put(&g, roadmap_goal_state_name(x->state));
			put_number(&g, x->has_progress, x->score);
		}
		return grid_done(&g, err);
	}
	grid_init(&g, out, t->baselined ? 16 : 14, t->n_initiatives, ihead,
		  itext);
	for (size_t i = 0; g.ok && i < t->n_initiatives; i++) {
		const struct roadmap_earned_value *x = &t->initiatives[i];
		put(&g, rm->inits[x->index].id);
		put_money(&g, true, x->bac);
		put_number(&g, true, x->planned_pct);
		put_money(&g, true, x->pv);
		put_number(&g, true, x->progress);
		put_money(&g, true, x->ev);
		put_money(&g, true, x->ac);
		put_money(&g, true, x->sv);
		put_money(&g, true, x->cv);
		put_number(&g, x->has_spi, x->spi);
		put_number(&g, x->has_cpi, x->cpi);
		put_money(&g, x->has_eac, x->eac);
		put_money(&g, x->has_eac, x->vac);
		put(&g, x->late ? "true" : "false");
		if (t->baselined) {
			snprintf(b, sizeof(b), "%lld", (long long)x->slip_days);
			put(&g, x->in_baseline ? b : "");
			put_money(&g, x->in_baseline, x->bac_change);
		}
	}
	return grid_done(&g, err);
}
