/*
 * compare.c - the base and its scenarios side by side (roadmap(1), scenario
 * compare): per scenario the figures that budget, check, list and forecast
 * print on the roadmap `scenario export` writes, worked out from one view
 * at a time (docs/decisions.md, "Scenario compare").
 */
#include "analysis.h"
#include "json.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The forecast of the comparison (roadmap(1), scenario compare). */
#define COMPARE_TRIALS 2000
#define COMPARE_SEED 1

/* A row's planned spend in one fiscal year, before the years of every row
 * are known. */
struct year_amount {
	int year;
	int64_t amount;
};

/* Each row's years while the rows are worked out. */
struct work {
	struct year_amount **years;
	size_t *n_years;
};

/* budget's TOTAL row and its year rows, from the analysis's spend table. */
static enum roadmap_status
budget_figures(const struct roadmap *rm, const struct rm_analysis *a,
	       struct roadmap_scenario_figures *x, struct year_amount **years,
	       size_t *n_years, struct roadmap_error *err)
{
	struct roadmap_budget_report br;
	enum roadmap_status st =
	    rm_budget_report_from(rm, &a->sp, ROADMAP_BY_YEAR, &br, err);

	if (st) {
		return st;
	}
	x->planned = br.total.total;
	x->opex = br.total.opex;
	x->capex = br.total.capex;
	x->has_variance = br.total.has_envelope;
	x->variance = br.total.has_envelope ? br.total.variance : 0;
	*years = calloc(br.n + 1, sizeof(**years));
	if (!*years) {
		roadmap_budget_report_release(&br);
		return rm_nomem(err);
	}
	*n_years = br.n;
	for (size_t i = 0; i < br.n; i++) {
		/* a year row's key is its label, "FY2027" */
		(*years)[i].year = atoi(br.rows[i].key + 2);
		(*years)[i].amount = br.rows[i].total;
	}
	roadmap_budget_report_release(&br);
	return ROADMAP_OK;
}

/* Counting initiatives, their value and the goals they serve; with a base,
 * what the scenario added, removed, cut and moved. Hashed look-ups: linear
 * in the initiatives and their goal links. */
static enum roadmap_status item_figures(const struct roadmap *rm,
					const struct roadmap *base,
					struct roadmap_scenario_figures *x,
					struct roadmap_error *err)
{
	bool *served = calloc(rm->n_goals + 1, sizeof(bool));
	size_t k, common = 0;

	if (!served) {
		return rm_nomem(err);
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		bool counts = roadmap_initiative_counts(in);
		if (counts) {
			x->counting++;
			if (in->has_benefit &&
			    !roadmap_money_add(x->value, in->benefit,
					       &x->value)) {
				free(served);
				return rm_overflow(err, "the value");
			}
			for (size_t g = 0; g < in->n_goals; g++) {
				if (idmap_get(&rm->goal_ids, in->goals[g],
					      &k) &&
				    !served[k]) {
					served[k] = true;
					x->goals_served++;
				}
			}
		}
		if (!base) {
			continue;
		}
		if (!idmap_get(&base->init_ids, in->id, &k)) {
			x->added++;
			continue;
		}
		const struct roadmap_initiative *was = &base->inits[k];
		common++;
		x->cut += roadmap_initiative_counts(was) && !counts;
		x->moved += was->start != in->start || was->end != in->end;
	}
	if (base) {
		x->removed = base->n_inits - common;
	}
	free(served);
	return ROADMAP_OK;
}

/* The check's counts, and whether it found a dependency cycle. */
static void check_figures(const struct roadmap_findings *f,
			  struct roadmap_scenario_figures *x, bool *cycle)
{
	x->errors = f->errors;
	x->warnings = f->warnings;
	*cycle = false;
	for (size_t i = 0; i < f->n; i++) {
		x->capacity_overruns +=
		    strcmp(f->items[i].code, "capacity-overrun") == 0;
		*cycle =
		    *cycle || strcmp(f->items[i].code, "dependency-cycle") == 0;
	}
}

/* The portfolio's P50 and P80 end. A cycle, which the check has named,
 * leaves them out: the forecast refuses a cycle as schedule does. */
static enum roadmap_status
forecast_figures(const struct roadmap *rm,
		 const struct roadmap_scenario_compare_options *o, bool cycle,
		 struct roadmap_scenario_figures *x, struct roadmap_error *err)
{
	struct roadmap_forecast_options fo = {
	    .trials = COMPARE_TRIALS,
	    .seed = COMPARE_SEED,
	    .seed_set = true,
	    .threads = o ? o->threads : 0,
	};
	struct roadmap_forecast f;
	struct roadmap_error ferr;
	enum roadmap_status st = roadmap_forecast(rm, &fo, &f, &ferr);

	if (st == ROADMAP_ERR_DATA && cycle) {
		x->cycle = true;
		return ROADMAP_OK;
	}
	if (st) {
		if (err) {
			*err = ferr;
		}
		return st;
	}
	x->has_end = f.any;
	x->end_p50 = f.any ? f.end_p50 : 0;
	x->end_p80 = f.any ? f.end_p80 : 0;
	roadmap_forecast_release(&f);
	return ROADMAP_OK;
}

/* Every figure of one roadmap: the base itself, or a view of a scenario
 * (then base is the roadmap it is compared with). */
static enum roadmap_status
figures(const struct roadmap *rm, const struct roadmap *base,
	const struct roadmap_scenario_compare_options *o,
	struct roadmap_scenario_figures *x, struct year_amount **years,
	size_t *n_years, struct roadmap_error *err)
{
	struct rm_analysis a = {0};
	bool cycle = false;
	enum roadmap_status st;

	if (!(st = rm_analysis_build(rm, RM_AN_FINDINGS, NULL, &a, err))) {
		rm_analysis_built(&a);
		check_figures(&a.f, x, &cycle);
		st = budget_figures(rm, &a, x, years, n_years, err);
	}
	rm_analysis_release(&a);
	if (!st) {
		st = item_figures(rm, base, x, err);
	}
	if (!st) {
		st = forecast_figures(rm, o, cycle, x, err);
	}
	return st;
}

static int by_year(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The years of every row, ascending, and each row's planned spend in
 * each (0 where it has none). */
static bool merge_years(struct roadmap_scenario_comparison *c,
			const struct work *w)
{
	size_t total = 0, n = 0;

	for (size_t r = 0; r < c->n; r++) {
		total += w->n_years[r];
	}
	c->years = malloc((total + 1) * sizeof(int));
	if (!c->years) {
		return false;
	}
	for (size_t r = 0; r < c->n; r++) {
		for (size_t k = 0; k < w->n_years[r]; k++) {
			c->years[n++] = w->years[r][k].year;
		}
	}
	qsort(c->years, total, sizeof(int), by_year);
	for (size_t k = 0; k < total; k++) {
		if (c->n_years == 0 ||
		    c->years[k] != c->years[c->n_years - 1]) {
			c->years[c->n_years++] = c->years[k];
		}
	}
	c->by_year_ = calloc(c->n * c->n_years + 1, sizeof(int64_t));
	if (!c->by_year_) {
		return false;
	}
	for (size_t r = 0; r < c->n; r++) {
		int64_t *row = c->by_year_ + r * c->n_years;
		c->rows[r].by_year = row;
		for (size_t k = 0; k < w->n_years[r]; k++) {
			int *at = bsearch(&w->years[r][k].year, c->years,
					  c->n_years, sizeof(int), by_year);
			row[at - c->years] = w->years[r][k].amount;
		}
	}
	return true;
}

void roadmap_scenario_comparison_release(struct roadmap_scenario_comparison *c)
{
	if (!c) {
		return;
	}
	for (size_t r = 0; c->rows && r < c->n; r++) {
		free(c->rows[r].skipped);
	}
	free(c->rows);
	free(c->years);
	free(c->by_year_);
	memset(c, 0, sizeof(*c));
}

/* A failure while working out a scenario's figures says which. */
static enum roadmap_status in_scenario(const char *name, enum roadmap_status st,
				       struct roadmap_error *err)
{
	if (st && err && !err->where[0]) {
		snprintf(err->where, sizeof(err->where), "scenario \"%s\"",
			 name);
	}
	return st;
}

/* One row: the base (r 0) or a scenario's view, made and let go. */
static enum roadmap_status
one_row(const struct roadmap *rm,
	const struct roadmap_scenario_compare_options *o,
	struct roadmap_scenario_comparison *out, struct work *w, size_t r,
	struct roadmap_error *err)
{
	struct roadmap_scenario_figures *x = &out->rows[r];
	struct roadmap *view = NULL;
	enum roadmap_status st;

	if (r == 0) {
		return figures(rm, NULL, o, x, &w->years[0], &w->n_years[0],
			       err);
	}
	if ((st =
		 roadmap_scenario_view(rm, x->name, &view, &x->skipped, err))) {
		return st;
	}
	st = in_scenario(
	    x->name, figures(view, rm, o, x, &w->years[r], &w->n_years[r], err),
	    err);
	roadmap_destroy(view);
	return st;
}

/* The rows shared among threads (each takes every t-th row): the figures
 * do not depend on which thread works them out. */
struct share {
	const struct roadmap *rm;
	struct roadmap_scenario_compare_options o;
	struct roadmap_scenario_comparison *out;
	struct work *w;
	size_t first, step;
	enum roadmap_status *st;
	struct roadmap_error *errs;
};

static void *share_run(void *arg)
{
	struct share *s = arg;

	for (size_t r = s->first; r < s->out->n; r += s->step) {
		s->st[r] = one_row(s->rm, &s->o, s->out, s->w, r, &s->errs[r]);
		if (s->st[r]) {
			break;
		}
	}
	return NULL;
}

/*
 * Every row. With threads, a view per thread at once, each forecast on
 * one thread: the scenarios' views and checks, which run on one core,
 * then use them all. The first failing row's error is reported.
 */
static enum roadmap_status
all_rows(const struct roadmap *rm,
	 const struct roadmap_scenario_compare_options *o,
	 struct roadmap_scenario_comparison *out, struct work *w,
	 struct roadmap_error *err)
{
	int n = o && o->threads > 1 ? o->threads : 1;
	enum roadmap_status st = ROADMAP_OK;

	n = (size_t)n > out->n ? (int)out->n : n;
	n = n > 8 ? 8 : n;
	if (n <= 1) {
		for (size_t r = 0; !st && r < out->n; r++) {
			st = one_row(rm, o, out, w, r, err);
		}
		return st;
	}
	struct share sh[8];
	pthread_t tid[8];
	bool started[8] = {false};
	enum roadmap_status *sts = calloc(out->n, sizeof(*sts));
	struct roadmap_error *errs = calloc(out->n, sizeof(*errs));
	if (!sts || !errs) {
		free(sts);
		free(errs);
		return rm_nomem(err);
	}
	for (int t = 0; t < n; t++) {
		sh[t] = (struct share){rm,	  {1},	     out, w,
				       (size_t)t, (size_t)n, sts, errs};
		if (t > 0) {
			started[t] = pthread_create(&tid[t], NULL, share_run,
						    &sh[t]) == 0;
		}
	}
	for (int t = 0; t < n; t++) {
		if (t == 0 || !started[t]) {
			share_run(&sh[t]);
		}
	}
	for (int t = 1; t < n; t++) {
		if (started[t]) {
			pthread_join(tid[t], NULL);
		}
	}
	for (size_t r = 0; r < out->n && !st; r++) {
		if ((st = sts[r]) && err) {
			*err = errs[r];
		}
	}
	free(sts);
	free(errs);
	return st;
}

enum roadmap_status roadmap_scenario_compare_opt(
    const struct roadmap *rm, const char *const *names, size_t n,
    const struct roadmap_scenario_compare_options *o,
    struct roadmap_scenario_comparison *out, struct roadmap_error *err)
{
	struct work w = {NULL, NULL};
	enum roadmap_status st = ROADMAP_OK;
	bool all = !names || n == 0;
	size_t rows = 1 + (all ? roadmap_scenario_count(rm) : n);

	memset(out, 0, sizeof(*out));
	/* every name first: a missing one fails before any work, with the
	 * message that names the scenarios there are */
	for (size_t i = 0; !all && i < n; i++) {
		if (!rm_scenario_named(rm, names[i], err)) {
			return ROADMAP_ERR_DATA;
		}
	}
	out->rows = calloc(rows, sizeof(*out->rows));
	w.years = calloc(rows, sizeof(*w.years));
	w.n_years = calloc(rows, sizeof(*w.n_years));
	if (!out->rows || !w.years || !w.n_years) {
		st = rm_nomem(err);
		goto out;
	}
	out->n = rows;
	out->rows[0].name = ROADMAP_WORD_BASE;
	for (size_t r = 1; r < rows; r++) {
		size_t k =
		    all ? r - 1
			: (size_t)roadmap_scenario_index(rm, names[r - 1]);
		out->rows[r].name = roadmap_scenario_name(rm, k);
		out->rows[r].changes = roadmap_scenario_changes(rm, k);
	}
	st = all_rows(rm, o, out, &w, err);
	if (!st && !merge_years(out, &w)) {
		st = rm_nomem(err);
	}
out:
	for (size_t r = 0; w.years && r < rows; r++) {
		free(w.years[r]);
	}
	free(w.years);
	free(w.n_years);
	if (st) {
		roadmap_scenario_comparison_release(out);
	}
	return st;
}

enum roadmap_status
roadmap_scenario_compare(const struct roadmap *rm, const char *const *names,
			 size_t n, struct roadmap_scenario_comparison *out,
			 struct roadmap_error *err)
{
	return roadmap_scenario_compare_opt(rm, names, n, NULL, out, err);
}

/* ------------------------------------------------------------- output */

/*
 * The figures in the order of every output, described once: the name in
 * the JSON and the CSV, the label for people (NULL: not a line of their
 * own), the kind, where the value is and, for one that may be null, its
 * has_ flag. The planned spend per fiscal year comes after capex.
 */
struct figure {
	const char *key, *label;
	enum roadmap_figure_kind kind;
	size_t off, flag;
};
#define AT(m) offsetof(struct roadmap_scenario_figures, m)
#define F_CAPEX 3 /* the years follow it */
static const struct figure figures_out[] = {
    {ROADMAP_KEY_CHANGES, "Changes", ROADMAP_FIGURE_COUNT, AT(changes), 0},
    {"planned", "Planned", ROADMAP_FIGURE_MONEY, AT(planned), 0},
    {ROADMAP_FIELD_OPEX, "  Opex", ROADMAP_FIGURE_MONEY, AT(opex), 0},
    {ROADMAP_FIELD_CAPEX, "  Capex", ROADMAP_FIGURE_MONEY, AT(capex), 0},
    {"envelope_variance", "Envelope variance", ROADMAP_FIGURE_MONEY,
     AT(variance), AT(has_variance)},
    {"errors", "Errors", ROADMAP_FIGURE_COUNT, AT(errors), 0},
    {"warnings", "Warnings", ROADMAP_FIGURE_COUNT, AT(warnings), 0},
    {"capacity_overruns", "Capacity overruns", ROADMAP_FIGURE_COUNT,
     AT(capacity_overruns), 0},
    {"counting_initiatives", "Counting initiatives", ROADMAP_FIGURE_COUNT,
     AT(counting), 0},
    {ROADMAP_WORD_VALUE, "Value", ROADMAP_FIGURE_MONEY, AT(value), 0},
    {"goals_served", "Goals served", ROADMAP_FIGURE_COUNT, AT(goals_served), 0},
    {"added", "Added", ROADMAP_FIGURE_COUNT, AT(added), 0},
    {"removed", "Removed", ROADMAP_FIGURE_COUNT, AT(removed), 0},
    {"cut", "Cut", ROADMAP_FIGURE_COUNT, AT(cut), 0},
    {"moved", "Moved", ROADMAP_FIGURE_COUNT, AT(moved), 0},
    {"p50_end", "P50 end", ROADMAP_FIGURE_DATE, AT(end_p50), AT(has_end)},
    {"p80_end", "P80 end", ROADMAP_FIGURE_DATE, AT(end_p80), AT(has_end)},
    {"dependency_cycle", NULL, ROADMAP_FIGURE_FLAG, AT(cycle), 0},
};
#define N_FIGURES (sizeof(figures_out) / sizeof(figures_out[0]))

/* Figure f of row x: has false where it is null. */
static int64_t value_of(const struct roadmap_scenario_figures *x,
			const struct figure *f, bool *has)
{
	const char *p = (const char *)x;

	*has = !f->flag || *(const bool *)(p + f->flag);
	switch (f->kind) {
	case ROADMAP_FIGURE_MONEY:
		return *(const int64_t *)(p + f->off);
	case ROADMAP_FIGURE_COUNT:
		return (int64_t) * (const size_t *)(p + f->off);
	case ROADMAP_FIGURE_DATE:
		return *(const roadmap_day *)(p + f->off);
	case ROADMAP_FIGURE_FLAG:
		break;
	}
	return *(const bool *)(p + f->off);
}

/* "FY2027": a fiscal year's label, as budget --by year writes it. */
static char *year_label(int year, const char *indent, char *buf)
{
	snprintf(buf, 16, "%sFY%04d", indent, year);
	return buf;
}

size_t
roadmap_scenario_comparison_lines(const struct roadmap_scenario_comparison *c)
{
	return N_FIGURES - 1 + c->n_years;
}

void roadmap_scenario_comparison_line(
    const struct roadmap_scenario_comparison *c, size_t k, size_t r,
    struct roadmap_scenario_line *out, char *buf)
{
	const struct roadmap_scenario_figures *x = &c->rows[r];

	memset(out, 0, sizeof(*out));
	if (k > F_CAPEX && k - F_CAPEX <= c->n_years) {
		out->label = year_label(c->years[k - F_CAPEX - 1], "  ", buf);
		out->kind = ROADMAP_FIGURE_MONEY;
		out->has = true;
		out->value = x->by_year[k - F_CAPEX - 1];
		return;
	}
	const struct figure *f = &figures_out[k > F_CAPEX ? k - c->n_years : k];
	out->label = f->label;
	out->kind = f->kind;
	out->value = value_of(x, f, &out->has);
	out->cycle = !out->has && f->kind == ROADMAP_FIGURE_DATE && x->cycle;
}

static cJSON *figure_json(enum roadmap_figure_kind kind, bool has, int64_t v)
{
	if (!has) {
		return cJSON_CreateNull();
	}
	switch (kind) {
	case ROADMAP_FIGURE_MONEY:
		return rm_json_money(v);
	case ROADMAP_FIGURE_COUNT:
		return cJSON_CreateNumber((double)v);
	case ROADMAP_FIGURE_DATE:
		return rm_json_date((roadmap_day)v);
	case ROADMAP_FIGURE_FLAG:
		break;
	}
	return cJSON_CreateBool(v != 0);
}

enum roadmap_status
roadmap_scenario_comparison_json(const struct roadmap_scenario_comparison *c,
				 char **out, struct roadmap_error *err)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	bool ok = root != NULL, has;
	struct strbuf b = {0};
	char label[16];

	arr =
	    rm_json_add(root, ROADMAP_KEY_SCENARIOS, cJSON_CreateArray(), &ok);
	for (size_t r = 0; ok && r < c->n; r++) {
		const struct roadmap_scenario_figures *x = &c->rows[r];
		cJSON *o = cJSON_CreateObject();
		rm_json_push(arr, o, &ok);
		rm_json_add(o, ROADMAP_KEY_NAME, rm_json_ref(x->name), &ok);
		for (size_t f = 0; ok && f < N_FIGURES; f++) {
			const struct figure *fig = &figures_out[f];
			int64_t v = value_of(x, fig, &has);
			rm_json_add(o, fig->key, figure_json(fig->kind, has, v),
				    &ok);
			if (f != F_CAPEX) {
				continue;
			}
			cJSON *y = rm_json_add(o, "planned_by_year",
					       cJSON_CreateObject(), &ok);
			for (size_t k = 0; ok && k < c->n_years; k++) {
				rm_json_add_copy(
				    y, year_label(c->years[k], "", label),
				    rm_json_money(x->by_year[k]), &ok);
			}
		}
	}
	enum roadmap_status st =
	    ok ? rm_json_finish(&b, root, out, NULL, err) : rm_nomem(err);
	cJSON_Delete(root);
	return st;
}

/* A figure as a CSV cell: money "1250000.00", dates ISO, flags
 * true/false, "" for null. buf >= 32. */
static const char *figure_text(enum roadmap_figure_kind kind, bool has,
			       int64_t v, char *buf)
{
	if (!has) {
		return "";
	}
	switch (kind) {
	case ROADMAP_FIGURE_MONEY:
		return roadmap_money_format(v, false, buf);
	case ROADMAP_FIGURE_COUNT:
		snprintf(buf, 32, "%lld", (long long)v);
		return buf;
	case ROADMAP_FIGURE_DATE:
		return roadmap_day_format((roadmap_day)v, buf);
	case ROADMAP_FIGURE_FLAG:
		break;
	}
	return v ? "true" : "false";
}

enum roadmap_status
roadmap_scenario_comparison_rows(const struct roadmap_scenario_comparison *c,
				 struct roadmap_rows *out,
				 struct roadmap_error *err)
{
	size_t cols = 1 + N_FIGURES + c->n_years, next = 0;
	char **cells = calloc((c->n + 1) * cols, sizeof(char *));
	char buf[32];
	bool ok = cells != NULL, has;

	memset(out, 0, sizeof(*out));
	out->n_cols = cols;
	out->n_rows = c->n;
	out->cells = (const char *const *)cells;
	out->text = calloc(cols, sizeof(bool));
	ok = ok && out->text;
	if (ok) {
		out->text[0] = true; /* the name, an id, yet text */
	}
	for (size_t r = 0; ok && r <= c->n; r++) {
		const struct roadmap_scenario_figures *x =
		    r ? &c->rows[r - 1] : NULL;
		ok = (cells[next++] = rm_rows_strdup(
			  out, x ? x->name : ROADMAP_KEY_NAME)) != NULL;
		for (size_t f = 0; ok && f < N_FIGURES; f++) {
			const struct figure *fig = &figures_out[f];
			int64_t v = x ? value_of(x, fig, &has) : 0;
			ok = (cells[next++] = rm_rows_strdup(
				  out, x ? figure_text(fig->kind, has, v, buf)
					 : fig->key)) != NULL;
			for (size_t k = 0; ok && f == F_CAPEX && k < c->n_years;
			     k++) {
				ok =
				    (cells[next++] = rm_rows_strdup(
					 out, x ? roadmap_money_format(
						      x->by_year[k], false, buf)
						: year_label(c->years[k], "",
							     buf))) != NULL;
			}
		}
	}
	if (!ok) {
		roadmap_rows_release(out);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}
