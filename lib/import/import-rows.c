/*
 * import-rows.c - the rows of each CSV table (initiatives, goals, teams,
 * budgets, actuals): columns matched by name in any case, every cell
 * validated before anything changes, then applied through the editors.
 */
#include "import.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Undoes the export's formula guard: "'=x" back to "=x". */
static const char *unguard(const char *s)
{
	return s[0] == '\'' && rm_csv_needs_guard(s + 1) ? s + 1 : s;
}

struct row {
	struct imp *im;
	const struct record *h, *r;
	long line;
	bool bad;
};

static const char *cell(struct row *x, const char *col)
{
	for (size_t i = 0; i < x->h->n; i++) {
		if (rm_import_same_name(x->h->f[i], col)) {
			return unguard(x->r->f[i]);
		}
	}
	return NULL;
}

__attribute__((format(printf, 3, 4))) static void
bad(struct row *x, const char *col, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rm_import_report(x->im, x->line, NULL, col, "%s", msg);
	x->bad = true;
}

static const char *qv(const char *s, char *buf)
{
	return rm_quote(s, buf, 160);
}

/* Validators with the import's own messages; true when fine. */
/* An amount is checked by the parser the command line uses, and its
 * message is the import's (no second wording to keep in step). */
static bool v_amount(struct row *x, const char *col, const char *v)
{
	int64_t c;
	struct roadmap_error e;

	if (!*v || roadmap_money_parse(v, &c, &e) == ROADMAP_OK) {
		return true;
	}
	bad(x, col, "%s", e.message);
	return false;
}

static bool v_id(struct row *x, const char *col, const char *v, bool required)
{
	char q[160];

	if (!*v && !required) {
		return true;
	}
	if (!*v) {
		bad(x, col, "is empty");
		return false;
	}
	if (!roadmap_id_valid(v)) {
		bad(x, col, "%s is not a valid id", qv(v, q));
		return false;
	}
	return true;
}

/* Applies one validated cell of field f as `set` does, in import's
 * words (a list's ';', an empty cell the field's default). */
static void apply(struct row *x, const char *id, const struct rm_field *f,
		  const char *v)
{
	struct roadmap_error e;

	if (rm_set_imported(x->im->rm, id, f->name, v, &e)) {
		if (e.status == ROADMAP_ERR_NOMEM) {
			x->im->nomem = true;
		} else {
			bad(x, f->name, "%s", e.message);
		}
	}
}

/* Every cell of an item row checked by its field's type (each problem
 * reported); false when one is bad. */
static bool check_cells(struct row *x, const struct rm_field *fields)
{
	const struct rm_parse p = {x->im->rm, NULL, true};
	struct roadmap_error e;
	bool ok = true;

	for (const struct rm_field *f = fields; f->name; f++) {
		const char *v = cell(x, f->name);
		if (!f->csv || !v || !f->type->parse) {
			continue; /* the header has every required column */
		}
		if (rm_field_parse(f, v, NULL, &p, &e)) {
			bad(x, f->name, "%s", e.message);
			ok = false;
		}
	}
	return ok;
}

/* Applies every cell but the id (the lists in the second pass, once every
 * row of the file exists) through `set`. */
static void apply_cells(struct row *x, const struct rm_field *fields,
			const char *id, bool links)
{
	for (const struct rm_field *f = fields + 1; f->name; f++) {
		const char *v = cell(x, f->name);
		if (f->csv && v && f->type->list == links) {
			apply(x, id, f, v);
		}
	}
}

/* An initiative's dates: both parsed (check_cells has checked them), the
 * end not before the start. */
static bool start_end(struct row *x, struct roadmap_initiative *in)
{
	struct roadmap_period p0, p1;
	int fs = x->im->rm->fiscal_start;
	char why[96];

	roadmap_period_parse(cell(x, ROADMAP_FIELD_START), fs, &p0, NULL);
	roadmap_period_parse(cell(x, ROADMAP_FIELD_END), fs, &p1, NULL);
	/* the estimates are judged with them: the row's where it has the
	 * column (empty clears), else those of the initiative it updates
	 * (only their dates are read from this copy), so a dry run refuses
	 * what the import would */
	long have =
	    roadmap_initiative_index(x->im->rm, cell(x, ROADMAP_FIELD_ID));
	if (have >= 0) {
		*in = x->im->rm->inits[have];
	}
	in->start = p0.first;
	in->end = p1.last;
	const char *est[2] = {cell(x, ROADMAP_FIELD_OPTIMISTIC),
			      cell(x, ROADMAP_FIELD_PESSIMISTIC)};
	for (int k = 0; k < 2; k++) {
		struct roadmap_period pe;
		bool given = est[k] && *est[k] &&
			     roadmap_period_parse(est[k], fs, &pe, NULL) == 0;
		if (est[k]) {
			*(k ? &in->has_pessimistic : &in->has_optimistic) =
			    given;
		}
		if (given) {
			*(k ? &in->pessimistic : &in->optimistic) = pe.last;
		}
	}
	/* the rule the loader, add and set apply, with their words */
	if (rm_dates_problem(in, why, sizeof(why))) {
		bad(x, NULL, "%s", why);
		return false;
	}
	return true;
}

/* An item row: checked, then added (add) or updated with --update. */
static void csv_item(struct row *x, const struct rm_field *fields,
		     enum item_kind want, bool second_pass)
{
	struct imp *im = x->im;
	const char *id = cell(x, fields[0].name), *what;
	bool init = want == ITEM_INITIATIVE;
	char q[160];
	size_t k;

	if (second_pass) {
		apply_cells(x, fields, id, true);
		return;
	}
	bool ok = check_cells(x, fields);
	const char *total = init ? cell(x, ROADMAP_WORD_TOTAL) : NULL;
	ok = (!total || v_amount(x, ROADMAP_WORD_TOTAL, total)) && ok;
	if (!ok) {
		return;
	}
	struct roadmap_initiative in;
	roadmap_initiative_init(&in);
	if (init && !start_end(x, &in)) {
		return;
	}
	enum item_kind kind = rm_item_kind(im->rm, id, &k);
	what = init ? ROADMAP_WORD_INITIATIVE : ROADMAP_WORD_GOAL;
	if (kind != ITEM_NONE && kind != want) {
		bad(x, fields[0].name, "%s is already %s", qv(id, q),
		    init ? "a goal" : "an initiative");
		return;
	}
	if (kind == want && !im->opt->update) {
		bad(x, fields[0].name, "%s %s already exists (use --update)",
		    what, qv(id, q));
		return;
	}
	if (kind == ITEM_NONE) {
		struct roadmap_error e;
		enum roadmap_status st;
		if (init) {
			in.id = id;
			in.title = cell(x, fields[1].name); /* title */
			st = roadmap_add_initiative(im->rm, &in, &e);
		} else {
			struct roadmap_goal g;
			roadmap_goal_init(&g);
			g.id = id;
			g.title = cell(x, fields[1].name); /* title */
			st = roadmap_add_goal(im->rm, &g, &e);
		}
		if (st) {
			bad(x, fields[0].name, "%s", e.message);
			return;
		}
		rm_import_change(im, true, what, id);
	} else {
		rm_import_change(im, false, what, id);
	}
	apply_cells(x, fields, id, false);
}

/* A team row: checked by the table; its one other field, the capacity,
 * set in place (teams have their own namespace, so not through `set`,
 * which looks for a goal or initiative of that id first). */
static void csv_team(struct row *x)
{
	const struct rm_field *fid = &rm_team_fields[0], *fcap = fid + 1;
	struct imp *im = x->im;
	const char *id = cell(x, fid->name);
	struct roadmap_team t = {id, 0};
	char q[160];
	size_t k;

	if (!check_cells(x, rm_team_fields)) {
		return;
	}
	roadmap_fte_parse(cell(x, fcap->name), &t.capacity, NULL);
	if (idmap_get(&im->rm->team_ids, id, &k)) {
		if (!im->opt->update) {
			bad(x, fid->name,
			    "team %s already exists (use --update)", qv(id, q));
			return;
		}
		im->rm->teams[k].capacity = t.capacity;
		rm_import_change(im, false, ROADMAP_WORD_TEAM, id);
		return;
	}
	struct roadmap_error e;
	if (roadmap_add_team(im->rm, &t, &e)) {
		bad(x, fid->name, "%s", e.message);
		return;
	}
	rm_import_change(im, true, ROADMAP_WORD_TEAM, id);
}

static void csv_budget(struct row *x)
{
	struct imp *im = x->im;
	const char *period = cell(x, ROADMAP_FIELD_PERIOD),
		   *amount = cell(x, ROADMAP_FIELD_AMOUNT);
	const char *pillar = cell(x, ROADMAP_FIELD_PILLAR);
	struct roadmap_period p;
	char q[160];

	bool ok = v_amount(x, ROADMAP_FIELD_AMOUNT, amount);
	if (!*amount) {
		bad(x, ROADMAP_FIELD_AMOUNT, "is empty");
		ok = false;
	}
	if (roadmap_period_parse(period, im->rm->fiscal_start, &p, NULL) ||
	    (p.kind != ROADMAP_PERIOD_QUARTER &&
	     p.kind != ROADMAP_PERIOD_YEAR)) {
		bad(x, ROADMAP_FIELD_PERIOD,
		    "%s is not a fiscal quarter (YYYY-Qn) or fiscal year "
		    "(FYYYYY)",
		    qv(period, q));
		ok = false;
	}
	if (pillar && *pillar &&
	    !v_id(x, ROADMAP_FIELD_PILLAR, pillar, false)) {
		ok = false;
	}
	if (!ok) {
		return;
	}
	struct roadmap_budget b = {
	    p.kind == ROADMAP_PERIOD_YEAR, p.year, p.index,
	    pillar && *pillar ? (char *)pillar : NULL, 0};
	roadmap_money_parse(amount, &b.amount, NULL);
	rm_budget_key(&b, q, sizeof(q));
	long found = rm_budget_find(im->rm, &b);
	if (found >= 0) {
		if (!im->opt->update) {
			bad(x, ROADMAP_FIELD_PERIOD,
			    "a budget for %s already exists (use --update)", q);
			return;
		}
		im->rm->budgets[found].amount = b.amount;
		rm_import_change(im, false, ROADMAP_WORD_BUDGET, q);
		return;
	}
	struct roadmap_error e;
	if (roadmap_add_budget(im->rm, &b, &e)) {
		bad(x, b.pillar ? ROADMAP_FIELD_PILLAR : ROADMAP_FIELD_PERIOD,
		    "%s", e.message);
		return;
	}
	rm_import_change(im, true, ROADMAP_WORD_BUDGET, q);
}

/* A cell of an optional column: "" when the header lacks it. */
static const char *opt_cell(struct row *x, const char *col)
{
	const char *v = cell(x, col);

	return v ? v : "";
}

/*
 * A row of the actuals table: amount alone is unsplit; opex and capex
 * (either may be empty: 0) record it by kind, and an amount beside them
 * must be their sum; estimated true takes the amount unsplit (the kinds
 * export wrote were its estimate).
 */
static void csv_actual(struct row *x)
{
	struct imp *im = x->im;
	const char *id = cell(x, ROADMAP_WORD_INITIATIVE),
		   *quarter = cell(x, ROADMAP_WORD_QUARTER);
	const char *amount = opt_cell(x, ROADMAP_FIELD_AMOUNT),
		   *opex = opt_cell(x, ROADMAP_FIELD_OPEX),
		   *capex = opt_cell(x, ROADMAP_FIELD_CAPEX),
		   *est = opt_cell(x, ROADMAP_WORD_ESTIMATED);
	struct roadmap_period p;
	struct roadmap_error e;
	int64_t v = 0, o = 0, c = 0;
	char q[160];

	bool ok = v_id(x, ROADMAP_WORD_INITIATIVE, id, true);
	ok = v_amount(x, ROADMAP_FIELD_AMOUNT, amount) && ok;
	ok = v_amount(x, ROADMAP_FIELD_OPEX, opex) && ok;
	ok = v_amount(x, ROADMAP_FIELD_CAPEX, capex) && ok;
	bool estimated = !strcmp(est, "true");
	if (*est && !estimated && strcmp(est, "false")) {
		bad(x, ROADMAP_WORD_ESTIMATED, "%s is not true or false",
		    qv(est, q));
		ok = false;
	}
	bool split = !estimated && (*opex || *capex);
	if (!*amount && !split) {
		bad(x, ROADMAP_FIELD_AMOUNT,
		    estimated ? "is empty" : "is empty (and so are opex and "
					     "capex)");
		ok = false;
	}
	if (roadmap_period_parse(quarter, im->rm->fiscal_start, &p, NULL) ||
	    p.kind != ROADMAP_PERIOD_QUARTER) {
		bad(x, ROADMAP_WORD_QUARTER,
		    "%s is not a fiscal quarter (YYYY-Qn)", qv(quarter, q));
		ok = false;
	}
	if (!ok) {
		return;
	}
	roadmap_money_parse(amount, &v, NULL);
	roadmap_money_parse(opex, &o, NULL);
	roadmap_money_parse(capex, &c, NULL);
	if (split && *amount && v != o + c) {
		bad(x, ROADMAP_FIELD_AMOUNT, "%s is not opex + capex",
		    qv(amount, q));
		return;
	}
	const struct roadmap_initiative *in =
	    roadmap_find_initiative(im->rm, id);
	int qi = p.year * 4 + p.index - 1;
	bool exists = false;
	for (size_t k = 0; in && k < in->n_actuals; k++) {
		exists = exists || in->actuals[k].qi == qi;
	}
	if (exists && !im->opt->update) {
		bad(x, ROADMAP_WORD_QUARTER,
		    "%s already has an actual for %s (use "
		    "--update)",
		    qv(id, q), quarter);
		return;
	}
	if (split ? roadmap_set_actual_split(im->rm, id, qi, o, c, &e)
		  : roadmap_set_actual(im->rm, id, qi, v, &e)) {
		bad(x, ROADMAP_WORD_INITIATIVE, "%s", e.message);
		return;
	}
	snprintf(q, sizeof(q), "%s@%s", id, quarter);
	rm_import_change(im, !exists, "actual", q);
}

/* A row of the progress (goal: false) or measurements table. */
static void csv_reading(struct row *x, bool goal)
{
	struct imp *im = x->im;
	const char *kind = goal ? ROADMAP_WORD_GOAL : ROADMAP_WORD_INITIATIVE;
	const char *vcol = goal ? ROADMAP_WORD_VALUE : ROADMAP_WORD_PERCENT;
	const char *id = cell(x, kind), *date = cell(x, ROADMAP_WORD_DATE),
		   *value = cell(x, vcol);
	struct roadmap_period p;
	struct roadmap_error e;
	double v = 0;
	char q[160];

	bool ok = v_id(x, kind, id, true);
	if (roadmap_period_parse(date, im->rm->fiscal_start, &p, &e)) {
		bad(x, ROADMAP_WORD_DATE, "%s", e.message);
		ok = false;
	}
	if (roadmap_number_parse(value, &v, &e)) {
		/* a number out of range says so (the parser's message);
		 * other text is not a percent */
		if (goal || rm_number_shaped(value)) {
			bad(x, vcol, "%s", e.message);
		} else {
			bad(x, vcol, "%s is not a percent (0 to 100)",
			    qv(value, q));
		}
		ok = false;
	} else if (!goal && rm_percent_problem(v)) {
		bad(x, vcol, "%s %s", qv(value, q), rm_percent_problem(v));
		ok = false;
	}
	if (!ok) {
		return;
	}
	const struct roadmap_goal *g = roadmap_find_goal(im->rm, id);
	const struct roadmap_initiative *in =
	    roadmap_find_initiative(im->rm, id);
	if (goal ? !g : !in) {
		bad(x, kind, "no %s %s", kind, qv(id, q));
		return;
	}
	const struct roadmap_reading *r = goal ? g->measurements : in->progress;
	size_t n = goal ? g->n_measurements : in->n_progress;
	bool exists = false;
	for (size_t k = 0; k < n; k++) {
		exists = exists || r[k].day == p.last;
	}
	char day[16];
	roadmap_day_format(p.last, day);
	if (exists && !im->opt->update) {
		bad(x, ROADMAP_WORD_DATE,
		    "%s already has a figure for %s (use --update)", qv(id, q),
		    day);
		return;
	}
	if (goal ? roadmap_set_measurement(im->rm, id, p.last, v, &e)
		 : roadmap_set_progress(im->rm, id, p.last, v, &e)) {
		bad(x, vcol, "%s", e.message);
		return;
	}
	snprintf(q, sizeof(q), "%s@%s", id, day);
	rm_import_change(im, !exists,
			 goal ? "measurement" : ROADMAP_FIELD_PROGRESS, q);
}

/* A row of empty cells only (",,,," as spreadsheets write below a
 * table): blank, skipped like an empty line. */
static bool blank(const struct record *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->f[i][0]) {
			return false;
		}
	}
	return true;
}

/*
 * Marks in drop the header's columns that opt->ignore_columns names (a
 * comma list, spaces around each name trimmed, any ASCII case). A name
 * the header lacks is likely a typo: the caller's error, reported by
 * name. False when one is missing or memory ran out.
 */
static bool ignored_columns(struct imp *im, const struct record *h, bool *drop)
{
	const char *s = im->opt->ignore_columns;
	bool ok = true;

	while (*s) {
		size_t n = strcspn(s, ",");
		const char *b = s, *e = s + n;
		s = *e ? e + 1 : e;
		while (b < e && *b == ' ') {
			b++;
		}
		while (e > b && e[-1] == ' ') {
			e--;
		}
		if (b == e) {
			continue;
		}
		char *name = malloc((size_t)(e - b) + 1);
		if (!name) {
			im->nomem = true;
			return false;
		}
		memcpy(name, b, (size_t)(e - b));
		name[e - b] = '\0';
		bool found = false;
		for (size_t i = 0; i < h->n; i++) {
			if (rm_import_same_name(h->f[i], name)) {
				drop[i] = found = true;
			}
		}
		if (!found) {
			im->usage = true;
			rm_import_report(im, h->line, NULL, name,
					 "--ignore-columns names it, but the "
					 "header has no such column");
			ok = false;
		}
		free(name);
	}
	return ok;
}

/* Removes the dropped cells of a record as wide as the header was. */
static void drop_cells(struct record *r, const bool *drop)
{
	size_t k = 0;

	for (size_t i = 0; i < r->n; i++) {
		if (drop[i]) {
			free(r->f[i]);
		} else {
			r->f[k++] = r->f[i];
		}
	}
	r->n = k;
}

void rm_import_csv(struct imp *im, const char *d, size_t len)
{
	struct csvstate st = {0};
	char list[400];
	bool *drop = NULL;
	size_t first = 0;

	if (!rm_csv_parse(im, d, len, &st)) {
		rm_csv_free(&st);
		return;
	}
	while (first < st.n && blank(&st.rec[first])) {
		first++;
	}
	if (first == st.n) {
		rm_import_report(im, 1, NULL, NULL,
				 "no header row (the file is empty)");
		rm_csv_free(&st);
		return;
	}
	struct record *h = &st.rec[first];
	size_t width = h->n; /* ignored columns included */
	if (im->opt->ignore_columns) {
		drop = calloc(width + 1, sizeof(bool));
		if (!drop) {
			im->nomem = true;
		}
		if (!drop || !ignored_columns(im, h, drop)) {
			free(drop);
			rm_csv_free(&st);
			return;
		}
		drop_cells(h, drop);
	}
	int table =
	    im->opt->table >= 0 ? im->opt->table : rm_import_guess_table(h);
	struct column cols[32];
	if (!rm_import_columns(table, cols, 32)) {
		rm_import_report(im, 0, NULL, NULL,
				 "the %s table cannot be imported",
				 roadmap_table_name((enum roadmap_table)table));
		rm_csv_free(&st);
		return;
	}
	list[0] = '\0';
	for (const struct column *c = cols; c->name; c++) {
		size_t o = strlen(list);
		snprintf(list + o, sizeof(list) - o, "%s%s", o ? ", " : "",
			 c->name);
	}
	bool header_ok = true;
	for (size_t i = 0; i < h->n; i++) {
		bool known = false;
		for (const struct column *c = cols; c->name; c++) {
			known = known || rm_import_same_name(c->name, h->f[i]);
		}
		if (!known && h->n == 1 && strpbrk(h->f[i], ",;\t|")) {
			/* the header did not split: another delimiter */
			const char *w = strpbrk(h->f[i], ",;\t");
			if (w) {
				rm_import_report(
				    im, h->line, NULL, NULL,
				    "the header does not split into columns: "
				    "wrong delimiter? (try --delimiter %s)",
				    *w == '\t'	? "tab"
				    : *w == ';' ? "';'"
						: "','");
			} else {
				rm_import_report(
				    im, h->line, NULL, NULL,
				    "the header does not split into columns: "
				    "wrong delimiter? (import reads ',', ';' "
				    "or "
				    "tab, not '|')");
			}
			free(drop);
			rm_csv_free(&st);
			return;
		} else if (!known) {
			rm_import_report(
			    im, h->line, NULL, h->f[i],
			    "unknown column (the %s table has: %s)",
			    roadmap_table_name((enum roadmap_table)table),
			    list);
			header_ok = false;
		}
		for (size_t j = 0; j < i; j++) {
			if (rm_import_same_name(h->f[i], h->f[j])) {
				rm_import_report(im, h->line, NULL, h->f[i],
						 "appears twice in the header");
				header_ok = false;
			}
		}
	}
	for (const struct column *c = cols; c->name; c++) {
		if (c->required && !rm_import_has(h, c->name)) {
			rm_import_report(
			    im, h->line, NULL, c->name,
			    "is missing from the header (the %s table needs "
			    "it)",
			    roadmap_table_name((enum roadmap_table)table));
			header_ok = false;
		}
	}
	if (!header_ok) {
		free(drop);
		rm_csv_free(&st);
		return;
	}
	bool *ok = calloc(st.n + 1, sizeof(bool));
	if (!ok) {
		im->nomem = true;
		free(drop);
		rm_csv_free(&st);
		return;
	}
	for (int pass = 0; pass < 2 && !im->nomem; pass++) {
		for (size_t i = first + 1; i < st.n && !im->nomem; i++) {
			struct row x = {im, h, &st.rec[i], st.rec[i].line,
					false};
			if (pass == 1 && !ok[i]) {
				continue;
			}
			if (pass == 0 && blank(x.r)) {
				continue; /* ok[i] stays false: skipped */
			}
			if (pass == 0 && x.r->n != width) {
				rm_import_report(
				    im, x.line, NULL, NULL,
				    "the row has %zu field%s; the header has "
				    "%zu",
				    x.r->n, x.r->n == 1 ? "" : "s", width);
				continue;
			}
			if (pass == 0 && drop) {
				drop_cells(&st.rec[i], drop);
			}
			switch (table) {
			case ROADMAP_TABLE_INITIATIVES:
				csv_item(&x, rm_initiative_fields,
					 ITEM_INITIATIVE, pass == 1);
				break;
			case ROADMAP_TABLE_GOALS:
				if (pass == 0) {
					csv_item(&x, rm_goal_fields, ITEM_GOAL,
						 false);
				}
				break;
			case ROADMAP_TABLE_TEAMS:
				if (pass == 0) {
					csv_team(&x);
				}
				break;
			case ROADMAP_TABLE_BUDGETS:
				if (pass == 0) {
					csv_budget(&x);
				}
				break;
			case ROADMAP_TABLE_PROGRESS:
			case ROADMAP_TABLE_MEASUREMENTS:
				if (pass == 0) {
					csv_reading(
					    &x, table ==
						    ROADMAP_TABLE_MEASUREMENTS);
				}
				break;
			default:
				if (pass == 0) {
					csv_actual(&x);
				}
				break;
			}
			ok[i] = !x.bad;
		}
	}
	free(ok);
	free(drop);
	rm_csv_free(&st);
}
