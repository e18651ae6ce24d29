/*
 * import.c - CSV and JSON imports (SPEC 10): all or nothing, every bad row
 * reported with its physical line and column.
 *
 * libcsv reports no positions, trims spaces and skips blank lines by
 * default, so it runs strict with a no-space function, and a quote-aware
 * pre-scan finds the line each record starts on.
 */
#include "json.h"

#include <csv.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define KEEP_ERRORS 20

struct imp {
	struct roadmap *rm;
	const char *name;
	const struct roadmap_import_options *opt;
	struct roadmap_import_report *rep;
	bool nomem;
};

__attribute__((format(printf, 5, 6))) static void
report(struct imp *im, long line, const char *where, const char *column,
       const char *fmt, ...)
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
	size_t keep = rep->n_errors < KEEP_ERRORS ? rep->n_errors
						  : KEEP_ERRORS - 1;
	memmove(&rep->errors[at + 1], &rep->errors[at],
		(keep - at) * sizeof(rep->errors[0]));
	if (rep->n_errors < KEEP_ERRORS) {
		rep->n_errors++;
	}
	struct roadmap_error *e = &rep->errors[at];
	memset(e, 0, sizeof(*e));
	e->status = ROADMAP_ERR_DATA;
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

static void change(struct imp *im, bool added, const char *kind,
		   const char *id)
{
	char q[160], line[256];

	snprintf(line, sizeof(line), "%s %s %s", added ? "add" : "update",
		 kind, rm_quote(id, q, sizeof(q)));
	if (!rm_list_push(&im->rep->changes, &im->rep->n_changes, line)) {
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
		rm_list_free(r->changes, r->n_changes);
		free(r->errors);
		free(r->not_merged);
		memset(r, 0, sizeof(*r));
	}
}

/* ------------------------------------------------------------ CSV */

struct record {
	char **f;
	size_t n;
	long line;
};

struct csvstate {
	struct record *rec;
	size_t n, cap;
	struct record cur;
	long *lines; /* start line of each record libcsv will emit */
	size_t n_lines;
	bool nomem;
};

static void on_field(void *s, size_t len, void *data)
{
	struct csvstate *st = data;
	char *copy = malloc(len + 1);

	if (!copy) {
		st->nomem = true;
		return;
	}
	memcpy(copy, s ? s : "", len);
	copy[len] = '\0';
	char **f = realloc(st->cur.f, (st->cur.n + 1) * sizeof(char *));
	if (!f) {
		free(copy);
		st->nomem = true;
		return;
	}
	f[st->cur.n++] = copy;
	st->cur.f = f;
}

static void on_row(int c, void *data)
{
	struct csvstate *st = data;

	(void)c;
	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 64;
		struct record *r = realloc(st->rec, cap * sizeof(*r));
		if (!r) {
			st->nomem = true;
			return;
		}
		st->rec = r;
		st->cap = cap;
	}
	st->cur.line = st->n < st->n_lines ? st->lines[st->n] : 0;
	st->rec[st->n++] = st->cur;
	memset(&st->cur, 0, sizeof(st->cur));
}

static void free_records(struct csvstate *st)
{
	for (size_t i = 0; i < st->n; i++) {
		rm_list_free(st->rec[i].f, st->rec[i].n);
	}
	rm_list_free(st->cur.f, st->cur.n);
	free(st->rec);
	free(st->lines);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The line each non-empty record starts on; quotes may hold newlines. */
static bool record_lines(const char *d, size_t len, struct csvstate *st)
{
	size_t cap = 64;
	long line = 1;
	bool quoted = false, start = true, empty = true;
	long begin = 1;

	st->lines = malloc(cap * sizeof(long));
	if (!st->lines) {
		return false;
	}
	for (size_t i = 0; i <= len; i++) {
		char c = i < len ? d[i] : '\n';
		if (start) {
			begin = line;
			start = false;
			empty = true;
		}
		if (c == '"') {
			quoted = !quoted;
		}
		if (!quoted && (c == '\n' || c == '\r')) {
			if (!empty) {
				if (st->n_lines == cap) {
					cap *= 2;
					long *p = realloc(st->lines,
							  cap * sizeof(long));
					if (!p) {
						return false;
					}
					st->lines = p;
				}
				st->lines[st->n_lines++] = begin;
			}
			start = true;
		} else {
			empty = false;
		}
		/* LF, CRLF and a lone CR (old Mac files) each end a line */
		if (i < len && (c == '\n' || (c == '\r' && (i + 1 == len ||
							   d[i + 1] != '\n')))) {
			line++;
		}
	}
	/* an unterminated quote: the open record still starts somewhere */
	if (!start && !empty && st->n_lines < cap) {
		st->lines[st->n_lines++] = begin;
	}
	return true;
}

/* The line of offset off in d[0..len): LF, CRLF and a lone CR end lines. */
static long line_at(const char *d, size_t len, size_t off)
{
	long line = 1;

	for (size_t i = 0; i < off && i < len; i++) {
		line += d[i] == '\n' ||
			(d[i] == '\r' && (i + 1 == len || d[i + 1] != '\n'));
	}
	return line;
}

/*
 * Without --delimiter: a header that splits on no comma but on ';' or a
 * tab (a spreadsheet saved in a European locale, a TSV) is read with that
 * delimiter.
 */
static char guess_delim(const char *d, size_t len)
{
	size_t end = 0;
	bool semi = false, tab = false;

	for (; end < len && d[end] != '\n' && d[end] != '\r'; end++) {
		if (d[end] == ',') {
			return ',';
		}
		semi = semi || d[end] == ';';
		tab = tab || d[end] == '\t';
	}
	return semi ? ';' : tab ? '\t' : ',';
}

static bool parse_csv(struct imp *im, const char *d, size_t len,
		      struct csvstate *st)
{
	struct csv_parser p;
	char delim = im->opt->delimiter ? im->opt->delimiter : guess_delim(d, len);
	const char *nul = memchr(d, '\0', len);

	if (nul) {
		/* a cell would end at it: bad data, never a shorter cell */
		report(im, line_at(d, len, (size_t)(nul - d)), NULL, NULL,
		       "a NUL byte: the file is not text");
		return false;
	}
	if (!record_lines(d, len, st) ||
	    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		im->nomem = true;
		return false;
	}
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, no_space);
	size_t done = csv_parse(&p, d, len, on_field, on_row, st);
	bool ok = true;
	if (done != len) {
		if (csv_error(&p) == CSV_ENOMEM) {
			im->nomem = true;
		} else {
			report(im, line_at(d, len, done), NULL, NULL,
			       "malformed quoting (a quote inside an unquoted "
			       "field, or text after a closing quote)");
		}
		ok = false;
	} else if (csv_fini(&p, on_field, on_row, st) != 0) {
		long line = st->n < st->n_lines ? st->lines[st->n]
						: line_at(d, len, len);
		report(im, line, NULL, NULL,
		       "unterminated quoted field (a closing '\"' is missing)");
		ok = false;
	}
	csv_free(&p);
	if (st->nomem) {
		im->nomem = true;
		ok = false;
	}
	return ok;
}

/* Columns of each table: name, required, and whether it is text. */
struct column {
	const char *name;
	bool required;
};

static const struct column init_cols[] = {
	{"id", 1},     {"title", 1},   {"pillar", 0},  {"stage", 0},
	{"status", 0}, {"owner", 0},   {"team", 0},    {"start", 1},
	{"end", 1},    {"opex", 0},    {"capex", 0},   {"total", 0},
	{"fte", 0},    {"priority", 0}, {"benefit", 0}, {"goals", 0},
	{"depends_on", 0}, {NULL, 0}};
static const struct column goal_cols[] = {
	{"id", 1},   {"title", 1}, {"metric", 0}, {"baseline", 0},
	{"target", 0}, {"unit", 0}, {"due", 0},   {"owner", 0},
	{"priority", 0}, {NULL, 0}};
static const struct column team_cols[] = {{"id", 1}, {"capacity", 1},
					  {NULL, 0}};
static const struct column budget_cols[] = {
	{"period", 1}, {"pillar", 0}, {"amount", 1}, {NULL, 0}};
static const struct column actual_cols[] = {
	{"initiative", 1}, {"quarter", 1}, {"amount", 1}, {NULL, 0}};

static const struct column *columns_of(int table)
{
	switch (table) {
	case ROADMAP_TABLE_INITIATIVES:
		return init_cols;
	case ROADMAP_TABLE_GOALS:
		return goal_cols;
	case ROADMAP_TABLE_TEAMS:
		return team_cols;
	case ROADMAP_TABLE_BUDGETS:
		return budget_cols;
	case ROADMAP_TABLE_ACTUALS:
		return actual_cols;
	default:
		return NULL;
	}
}

/* Header names match whatever their ASCII case (never the locale's). */
static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (x != y) {
			return false;
		}
	}
	return *a == *b;
}

static bool has(const struct record *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++) {
		if (same_name(h->f[i], name)) {
			return true;
		}
	}
	return false;
}

/* The table a header belongs to, when --table was not given. */
static int guess_table(const struct record *h)
{
	if (has(h, "initiative") && has(h, "quarter")) {
		return ROADMAP_TABLE_ACTUALS;
	}
	if (has(h, "period") && has(h, "amount")) {
		return ROADMAP_TABLE_BUDGETS;
	}
	if (has(h, "capacity") && !has(h, "title")) {
		return ROADMAP_TABLE_TEAMS;
	}
	if (has(h, "title") && !has(h, "start") && !has(h, "end") &&
	    (has(h, "metric") || has(h, "due") || has(h, "target") ||
	     has(h, "baseline"))) {
		return ROADMAP_TABLE_GOALS;
	}
	return ROADMAP_TABLE_INITIATIVES;
}

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
		if (same_name(x->h->f[i], col)) {
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
	report(x->im, x->line, NULL, col, "%s", msg);
	x->bad = true;
}

static const char *qv(const char *s, char *buf)
{
	return rm_quote(s, buf, 160);
}

/* Validators with the import's own messages; true when fine. */
static bool v_amount(struct row *x, const char *col, const char *v)
{
	int64_t c;
	char q[160];
	struct roadmap_error e;

	if (!*v || roadmap_money_parse(v, &c, &e) == ROADMAP_OK) {
		return true;
	}
	if (strstr(e.message, "more than")) {
		bad(x, col, "%s is more than 1,000,000,000,000.00", qv(v, q));
	} else if (strstr(e.message, "cents")) {
		bad(x, col, "%s is not a whole number of cents", qv(v, q));
	} else {
		bad(x, col, "%s is not an amount", qv(v, q));
	}
	return false;
}

static bool v_date(struct row *x, const char *col, const char *v)
{
	struct roadmap_error e;
	struct roadmap_period p;

	if (!*v || roadmap_period_parse(v, x->im->rm->fiscal_start, &p,
					&e) == ROADMAP_OK) {
		return true;
	}
	bad(x, col, "%s", e.message);
	return false;
}

static bool v_text(struct row *x, const char *col, const char *v,
		   bool required)
{
	const char *why;

	if (!*v && required) {
		bad(x, col, "is empty");
		return false;
	}
	if ((why = rm_text_problem(v, strlen(v)))) {
		bad(x, col, "%s", why);
		return false;
	}
	return true;
}

static bool v_id(struct row *x, const char *col, const char *v,
		 bool required)
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

static bool v_list(struct row *x, const char *col, const char *v)
{
	char q[160];
	const char *p = v;

	while (*p) {
		size_t n = strcspn(p, ";");
		char item[80];
		if (n == 0 || n >= sizeof(item)) {
			bad(x, col, "%s is not a ';'-separated list of ids",
			    qv(v, q));
			return false;
		}
		memcpy(item, p, n);
		item[n] = '\0';
		if (!roadmap_id_valid(item)) {
			bad(x, col, "%s is not a valid id", qv(item, q));
			return false;
		}
		p += n + (p[n] == ';');
	}
	return true;
}

static bool v_choice(struct row *x, const char *col, const char *v,
		     bool status)
{
	char q[160];

	if (!*v || (status ? roadmap_initiative_status_parse(v)
			   : roadmap_stage_parse(v)) >= 0) {
		return true;
	}
	bad(x, col,
	    status ? "%s is not a status (proposed, approved, active, done or "
		     "cancelled)"
		   : "%s is not a stage (research, poc or implementation)",
	    qv(v, q));
	return false;
}

static bool v_priority(struct row *x, const char *col, const char *v)
{
	char q[160];

	if (!*v || (strlen(v) == 1 && v[0] >= '1' && v[0] <= '5')) {
		return true;
	}
	bad(x, col, "%s is not a priority from 1 to 5", qv(v, q));
	return false;
}

static bool v_number(struct row *x, const char *col, const char *v)
{
	struct roadmap_error e;
	double d;

	if (!*v || roadmap_number_parse(v, &d, &e) == ROADMAP_OK) {
		return true;
	}
	bad(x, col, "%s", e.message);
	return false;
}

static bool v_fte(struct row *x, const char *col, const char *v,
		  bool required)
{
	char q[160];
	int64_t h;

	if (!*v && !required) {
		return true;
	}
	if (roadmap_fte_parse(v, &h, NULL) != ROADMAP_OK) {
		bad(x, col, "%s is not a number of FTE (like 2 or 0.5)",
		    qv(v, q));
		return false;
	}
	return true;
}

/* Applies one validated column with roadmap_set_field (lists use ','). */
static void apply(struct row *x, const char *id, const char *col,
		  const char *field, const char *v)
{
	struct roadmap_error e;
	char *copy = rm_strdup(v);

	if (!copy) {
		x->im->nomem = true;
		return;
	}
	for (char *p = copy; *p; p++) {
		if (*p == ';' && (strcmp(field, "goals") == 0 ||
				  strcmp(field, "depends_on") == 0)) {
			*p = ',';
		}
	}
	if (roadmap_set_field(x->im->rm, id, field, copy, &e)) {
		if (e.status == ROADMAP_ERR_NOMEM) {
			x->im->nomem = true;
		} else {
			bad(x, col, "%s", e.message);
		}
	}
	free(copy);
}

static void csv_initiative(struct row *x, bool second_pass)
{
	struct imp *im = x->im;
	const char *id = cell(x, "id");
	size_t k;

	if (second_pass) {
		/* links, once every row of the file exists */
		static const char *const lists[] = {"goals", "depends_on"};
		for (int i = 0; i < 2; i++) {
			const char *v = cell(x, lists[i]);
			if (v) {
				apply(x, id, lists[i], lists[i], v);
			}
		}
		return;
	}
	static const char *const text[] = {"owner", NULL};
	const char *title = cell(x, "title"), *start = cell(x, "start"),
		   *end = cell(x, "end");
	bool ok = v_id(x, "id", id, true);
	ok = v_text(x, "title", title, true) && ok;
	ok = v_date(x, "start", start) && ok;
	ok = v_date(x, "end", end) && ok;
	if (ok && !*start) {
		bad(x, "start", "is empty");
		ok = false;
	}
	if (ok && !*end) {
		bad(x, "end", "is empty");
		ok = false;
	}
	if (ok) {
		struct roadmap_period p0, p1;
		char d0[16], d1[16];
		roadmap_period_parse(start, im->rm->fiscal_start, &p0, NULL);
		roadmap_period_parse(end, im->rm->fiscal_start, &p1, NULL);
		if (p1.last < p0.first) {
			bad(x, "end", "%s is before start %s",
			    roadmap_day_format(p1.last, d1),
			    roadmap_day_format(p0.first, d0));
			ok = false;
		}
	}
	for (int i = 0; text[i]; i++) {
		const char *v = cell(x, text[i]);
		ok = (!v || v_text(x, text[i], v, false)) && ok;
	}
	static const char *const money[] = {"opex", "capex", "benefit", "total"};
	for (int i = 0; i < 4; i++) {
		const char *v = cell(x, money[i]);
		ok = (!v || v_amount(x, money[i], v)) && ok;
	}
	const char *v;
	if ((v = cell(x, "pillar"))) {
		ok = v_id(x, "pillar", v, false) && ok;
	}
	if ((v = cell(x, "team"))) {
		ok = v_id(x, "team", v, false) && ok;
	}
	if ((v = cell(x, "stage"))) {
		ok = v_choice(x, "stage", v, false) && ok;
	}
	if ((v = cell(x, "status"))) {
		ok = v_choice(x, "status", v, true) && ok;
	}
	if ((v = cell(x, "priority"))) {
		ok = v_priority(x, "priority", v) && ok;
	}
	if ((v = cell(x, "fte"))) {
		ok = v_fte(x, "fte", v, false) && ok;
	}
	if ((v = cell(x, "goals"))) {
		ok = v_list(x, "goals", v) && ok;
	}
	if ((v = cell(x, "depends_on"))) {
		ok = v_list(x, "depends_on", v) && ok;
	}
	if (!ok) {
		return;
	}
	enum item_kind kind = rm_item_kind(im->rm, id, &k);
	char q[160];
	if (kind == ITEM_GOAL) {
		bad(x, "id", "%s is already a goal", qv(id, q));
		return;
	}
	if (kind == ITEM_INITIATIVE && !im->opt->update) {
		bad(x, "id", "initiative %s already exists (use --update)",
		    qv(id, q));
		return;
	}
	if (kind == ITEM_NONE) {
		struct roadmap_initiative in;
		struct roadmap_period p;
		struct roadmap_error e;
		roadmap_initiative_init(&in);
		in.id = (char *)id;
		in.title = (char *)title;
		roadmap_period_parse(start, im->rm->fiscal_start, &p, NULL);
		in.start = p.first;
		roadmap_period_parse(end, im->rm->fiscal_start, &p, NULL);
		in.end = p.last;
		if (roadmap_add_initiative(im->rm, &in, &e)) {
			bad(x, "id", "%s", e.message);
			return;
		}
		change(im, true, "initiative", id);
	} else {
		apply(x, id, "title", "title", title);
		apply(x, id, "start", "start", start);
		apply(x, id, "end", "end", end);
		change(im, false, "initiative", id);
	}
	/* every other column, "" clearing or restoring the default */
	static const char *const fields[] = {"pillar",	 "stage", "status",
					     "owner",	 "team",  "opex",
					     "capex",	 "fte",   "priority",
					     "benefit"};
	static const char *const defaults[] = {"", "", "proposed", "", "",
					       "0", "0", "0", "3", ""};
	for (int i = 0; i < 10; i++) {
		if ((v = cell(x, fields[i]))) {
			apply(x, id, fields[i], fields[i],
			      *v ? v : defaults[i]);
		}
	}
}

static void csv_goal(struct row *x)
{
	struct imp *im = x->im;
	const char *id = cell(x, "id"), *title = cell(x, "title"), *v;
	size_t k;
	char q[160];

	bool ok = v_id(x, "id", id, true);
	ok = v_text(x, "title", title, true) && ok;
	static const char *const text[] = {"metric", "unit", "owner"};
	for (int i = 0; i < 3; i++) {
		if ((v = cell(x, text[i]))) {
			ok = v_text(x, text[i], v, false) && ok;
		}
	}
	if ((v = cell(x, "baseline"))) {
		ok = v_number(x, "baseline", v) && ok;
	}
	if ((v = cell(x, "target"))) {
		ok = v_number(x, "target", v) && ok;
	}
	if ((v = cell(x, "due"))) {
		ok = v_date(x, "due", v) && ok;
	}
	if ((v = cell(x, "priority"))) {
		ok = v_priority(x, "priority", v) && ok;
	}
	if (!ok) {
		return;
	}
	enum item_kind kind = rm_item_kind(im->rm, id, &k);
	if (kind == ITEM_INITIATIVE) {
		bad(x, "id", "%s is already an initiative", qv(id, q));
		return;
	}
	if (kind == ITEM_GOAL && !im->opt->update) {
		bad(x, "id", "goal %s already exists (use --update)",
		    qv(id, q));
		return;
	}
	if (kind == ITEM_NONE) {
		struct roadmap_goal g;
		struct roadmap_error e;
		roadmap_goal_init(&g);
		g.id = (char *)id;
		g.title = (char *)title;
		if (roadmap_add_goal(im->rm, &g, &e)) {
			bad(x, "id", "%s", e.message);
			return;
		}
		change(im, true, "goal", id);
	} else {
		apply(x, id, "title", "title", title);
		change(im, false, "goal", id);
	}
	static const char *const fields[] = {"metric", "baseline", "target",
					     "unit",   "due",	   "owner",
					     "priority"};
	for (int i = 0; i < 7; i++) {
		if ((v = cell(x, fields[i]))) {
			apply(x, id, fields[i], fields[i], v);
		}
	}
}

static void csv_team(struct row *x)
{
	struct imp *im = x->im;
	const char *id = cell(x, "id"), *cap = cell(x, "capacity");
	char q[160];

	if (!v_id(x, "id", id, true) | !v_fte(x, "capacity", cap, true)) {
		return;
	}
	struct roadmap_team t = {(char *)id, 0};
	roadmap_fte_parse(cap, &t.capacity, NULL);
	size_t k;
	if (idmap_get(&im->rm->team_ids, id, &k)) {
		if (!im->opt->update) {
			bad(x, "id", "team %s already exists (use --update)",
			    qv(id, q));
			return;
		}
		im->rm->teams[k].capacity = t.capacity;
		change(im, false, "team", id);
		return;
	}
	struct roadmap_error e;
	if (roadmap_add_team(im->rm, &t, &e)) {
		bad(x, "id", "%s", e.message);
		return;
	}
	change(im, true, "team", id);
}

static void csv_budget(struct row *x)
{
	struct imp *im = x->im;
	const char *period = cell(x, "period"), *amount = cell(x, "amount");
	const char *pillar = cell(x, "pillar");
	struct roadmap_period p;
	char q[160];

	bool ok = v_amount(x, "amount", amount);
	if (!*amount) {
		bad(x, "amount", "is empty");
		ok = false;
	}
	if (roadmap_period_parse(period, im->rm->fiscal_start, &p, NULL) ||
	    (p.kind != ROADMAP_PERIOD_QUARTER && p.kind != ROADMAP_PERIOD_YEAR)) {
		bad(x, "period",
		    "%s is not a fiscal quarter (YYYY-Qn) or fiscal year "
		    "(FYYYYY)",
		    qv(period, q));
		ok = false;
	}
	if (pillar && *pillar && !v_id(x, "pillar", pillar, false)) {
		ok = false;
	}
	if (!ok) {
		return;
	}
	struct roadmap_budget b = {p.kind == ROADMAP_PERIOD_YEAR, p.year,
				   p.index, pillar && *pillar ? (char *)pillar
							      : NULL,
				   0};
	roadmap_money_parse(amount, &b.amount, NULL);
	rm_budget_key(&b, q, sizeof(q));
	long found = rm_budget_find(im->rm, &b);
	if (found >= 0) {
		if (!im->opt->update) {
			bad(x, "period",
			    "a budget for %s already exists (use --update)", q);
			return;
		}
		im->rm->budgets[found].amount = b.amount;
		change(im, false, "budget", q);
		return;
	}
	struct roadmap_error e;
	if (roadmap_add_budget(im->rm, &b, &e)) {
		bad(x, b.pillar ? "pillar" : "period", "%s", e.message);
		return;
	}
	change(im, true, "budget", q);
}

static void csv_actual(struct row *x)
{
	struct imp *im = x->im;
	const char *id = cell(x, "initiative"), *quarter = cell(x, "quarter");
	const char *amount = cell(x, "amount");
	struct roadmap_period p;
	struct roadmap_error e;
	int64_t v;
	char q[160];

	bool ok = v_id(x, "initiative", id, true);
	ok = v_amount(x, "amount", amount) && ok;
	if (!*amount) {
		bad(x, "amount", "is empty");
		ok = false;
	}
	if (roadmap_period_parse(quarter, im->rm->fiscal_start, &p, NULL) ||
	    p.kind != ROADMAP_PERIOD_QUARTER) {
		bad(x, "quarter", "%s is not a fiscal quarter (YYYY-Qn)",
		    qv(quarter, q));
		ok = false;
	}
	if (!ok) {
		return;
	}
	roadmap_money_parse(amount, &v, NULL);
	const struct roadmap_initiative *in =
		roadmap_find_initiative(im->rm, id);
	int qi = p.year * 4 + p.index - 1;
	bool exists = false;
	for (size_t k = 0; in && k < in->n_actuals; k++) {
		exists = exists || in->actuals[k].qi == qi;
	}
	if (exists && !im->opt->update) {
		bad(x, "quarter", "%s already has an actual for %s (use "
				  "--update)",
		    qv(id, q), quarter);
		return;
	}
	if (roadmap_set_actual(im->rm, id, qi, v, &e)) {
		bad(x, "initiative", "%s", e.message);
		return;
	}
	snprintf(q, sizeof(q), "%s@%s", id, quarter);
	change(im, !exists, "actual", q);
}

static void import_csv(struct imp *im, const char *d, size_t len)
{
	struct csvstate st = {0};
	char list[400];

	if (!parse_csv(im, d, len, &st)) {
		free_records(&st);
		return;
	}
	if (st.n == 0) {
		report(im, 1, NULL, NULL, "no header row (the file is empty)");
		free_records(&st);
		return;
	}
	const struct record *h = &st.rec[0];
	int table = im->opt->table >= 0 ? im->opt->table : guess_table(h);
	const struct column *cols = columns_of(table);
	if (!cols) {
		report(im, 0, NULL, NULL, "the %s table cannot be imported",
		       roadmap_table_name((enum roadmap_table)table));
		free_records(&st);
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
			known = known || same_name(c->name, h->f[i]);
		}
		if (!known && h->n == 1 && strpbrk(h->f[i], ",;\t")) {
			/* the header did not split: another delimiter */
			const char *w = strpbrk(h->f[i], ",;\t");
			report(im, h->line, NULL, NULL,
			       "the header does not split into columns: wrong "
			       "delimiter? (try --delimiter %s)",
			       *w == '\t' ? "tab" : *w == ';' ? "';'" : "','");
			free_records(&st);
			return;
		} else if (!known) {
			report(im, h->line, NULL, h->f[i],
			       "unknown column (the %s table has: %s)",
			       roadmap_table_name((enum roadmap_table)table),
			       list);
			header_ok = false;
		}
		for (size_t j = 0; j < i; j++) {
			if (same_name(h->f[i], h->f[j])) {
				report(im, h->line, NULL, h->f[i],
				       "appears twice in the header");
				header_ok = false;
			}
		}
	}
	for (const struct column *c = cols; c->name; c++) {
		if (c->required && !has(h, c->name)) {
			report(im, h->line, NULL, c->name,
			       "is missing from the header (the %s table needs "
			       "it)",
			       roadmap_table_name((enum roadmap_table)table));
			header_ok = false;
		}
	}
	if (!header_ok) {
		free_records(&st);
		return;
	}
	bool *ok = calloc(st.n + 1, sizeof(bool));
	if (!ok) {
		im->nomem = true;
		free_records(&st);
		return;
	}
	for (int pass = 0; pass < 2 && !im->nomem; pass++) {
		for (size_t i = 1; i < st.n && !im->nomem; i++) {
			struct row x = {im, h, &st.rec[i], st.rec[i].line, false};
			if (pass == 1 && !ok[i]) {
				continue;
			}
			if (pass == 0 && x.r->n != h->n) {
				report(im, x.line, NULL, NULL,
				       "the row has %zu field%s; the header has "
				       "%zu",
				       x.r->n, x.r->n == 1 ? "" : "s", h->n);
				continue;
			}
			switch (table) {
			case ROADMAP_TABLE_INITIATIVES:
				csv_initiative(&x, pass == 1);
				break;
			case ROADMAP_TABLE_GOALS:
				if (pass == 0) {
					csv_goal(&x);
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
	free_records(&st);
}

/* ------------------------------------------------------------ JSON */

/* An export (roadmap-export/1) becomes a roadmap document: computed
 * fields and nulls go, so the strict loader accepts the rest. */
static void strip_export(cJSON *root)
{
	static const char *const top[] = {"format", "generated", "budget",
					  "findings"};
	static const char *const computed[] = {"planned", "total", "spend",
					       "schedule", "kind",
					       "initiatives"};

	for (size_t i = 0; i < 4; i++) {
		cJSON_DeleteItemFromObjectCaseSensitive(root, top[i]);
	}
	cJSON_AddItemToObject(root, "format", cJSON_CreateNumber(1));
	const char *lists[] = {"teams", "goals", "initiatives", "budgets"};
	for (size_t l = 0; l < 4; l++) {
		cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, lists[l]);
		cJSON *item;
		cJSON_ArrayForEach(item, arr)
		{
			for (size_t k = 0; k < 6; k++) {
				/* "initiatives" is computed only on goals */
				if (k == 5 && l != 1) {
					continue;
				}
				cJSON_DeleteItemFromObjectCaseSensitive(
					item, computed[k]);
			}
			for (cJSON *c = item ? item->child : NULL; c;) {
				cJSON *next = c->next;
				if (cJSON_IsNull(c)) {
					cJSON_Delete(cJSON_DetachItemViaPointer(
						item, c));
				}
				c = next;
			}
		}
	}
	/* settings: an export fills them all in; nulls and an empty mix go */
	cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
	if (cJSON_IsNull(name)) {
		cJSON_DeleteItemFromObjectCaseSensitive(root, "name");
	}
	cJSON *pol = cJSON_GetObjectItemCaseSensitive(root, "policy");
	cJSON *mix = cJSON_GetObjectItemCaseSensitive(pol, "target_mix");
	if (mix && !mix->child) {
		cJSON_DeleteItemFromObjectCaseSensitive(pol, "target_mix");
	}
}

static void json_refs(struct imp *im, const struct roadmap *src)
{
	struct roadmap *rm = im->rm;
	char q[160], where[200];
	size_t k;

	for (size_t i = 0; i < src->n_inits; i++) {
		const struct roadmap_initiative *in = &src->inits[i];
		snprintf(where, sizeof(where), "initiatives[%zu] %s", i,
			 rm_quote(in->id, q, sizeof(q)));
		for (size_t g = 0; g < in->n_goals; g++) {
			if (!idmap_get(&rm->goal_ids, in->goals[g], &k)) {
				report(im, 0, where, NULL, "no goal %s",
				       rm_quote(in->goals[g], q, sizeof(q)));
			}
		}
		for (size_t d = 0; d < in->n_depends_on; d++) {
			if (!idmap_get(&rm->init_ids, in->depends_on[d], &k)) {
				report(im, 0, where, NULL, "no initiative %s",
				       rm_quote(in->depends_on[d], q,
						sizeof(q)));
			} else if (strcmp(in->depends_on[d], in->id) == 0) {
				report(im, 0, where, NULL,
				       "%s cannot depend on itself",
				       rm_quote(in->id, q, sizeof(q)));
			}
		}
		if (in->team && !idmap_get(&rm->team_ids, in->team, &k)) {
			report(im, 0, where, NULL, "no team %s",
			       rm_quote(in->team, q, sizeof(q)));
		}
		if (in->pillar && !roadmap_has_pillar(rm, in->pillar)) {
			report(im, 0, where, NULL, "no pillar %s",
			       rm_quote(in->pillar, q, sizeof(q)));
		}
	}
	for (size_t i = 0; i < src->n_budgets; i++) {
		const struct roadmap_budget *b = &src->budgets[i];
		if (b->pillar && !roadmap_has_pillar(rm, b->pillar)) {
			snprintf(where, sizeof(where), "budgets[%zu]", i);
			report(im, 0, where, NULL, "no pillar %s",
			       rm_quote(b->pillar, q, sizeof(q)));
		}
	}
}

static void merge(struct imp *im, const struct roadmap *src)
{
	struct roadmap *rm = im->rm;
	char q[160], where[200];
	size_t k;
	bool update = im->opt->update;

	for (size_t i = 0; i < src->n_teams && !im->nomem; i++) {
		const struct roadmap_team *t = &src->teams[i];
		if (idmap_get(&rm->team_ids, t->id, &k)) {
			if (!update) {
				snprintf(where, sizeof(where), "teams[%zu]", i);
				report(im, 0, where, NULL,
				       "team %s already exists (use --update)",
				       rm_quote(t->id, q, sizeof(q)));
				continue;
			}
			rm->teams[k].capacity = t->capacity;
			change(im, false, "team", t->id);
		} else {
			struct roadmap_error e;
			if (roadmap_add_team(rm, t, &e)) {
				im->nomem = true;
			}
			change(im, true, "team", t->id);
		}
	}
	for (size_t i = 0; i < src->n_goals && !im->nomem; i++) {
		const struct roadmap_goal *g = &src->goals[i];
		enum item_kind kind = rm_item_kind(rm, g->id, &k);
		snprintf(where, sizeof(where), "goals[%zu] %s", i,
			 rm_quote(g->id, q, sizeof(q)));
		if (kind == ITEM_INITIATIVE || (kind == ITEM_GOAL && !update)) {
			report(im, 0, where, NULL,
			       kind == ITEM_GOAL
				       ? "the goal already exists (use --update)"
				       : "the id is already an initiative");
			continue;
		}
		struct roadmap_goal copy;
		if (!rm_copy_goal(&copy, g)) {
			rm_goal_free(&copy);
			im->nomem = true;
			break;
		}
		if (kind == ITEM_GOAL) {
			idmap_put(&rm->goal_ids, copy.id, k);
			rm_goal_free(&rm->goals[k]);
			rm->goals[k] = copy;
		} else if (!rm_push_goal(rm, &copy)) {
			rm_goal_free(&copy);
			im->nomem = true;
			break;
		}
		change(im, kind == ITEM_NONE, "goal", g->id);
	}
	for (size_t i = 0; i < src->n_inits && !im->nomem; i++) {
		const struct roadmap_initiative *in = &src->inits[i];
		enum item_kind kind = rm_item_kind(rm, in->id, &k);
		snprintf(where, sizeof(where), "initiatives[%zu] %s", i,
			 rm_quote(in->id, q, sizeof(q)));
		if (kind == ITEM_GOAL || (kind == ITEM_INITIATIVE && !update)) {
			report(im, 0, where, NULL,
			       kind == ITEM_INITIATIVE
				       ? "the initiative already exists (use "
					 "--update)"
				       : "the id is already a goal");
			continue;
		}
		struct roadmap_initiative copy;
		if (!rm_copy_initiative(&copy, in)) {
			rm_initiative_free(&copy);
			im->nomem = true;
			break;
		}
		if (kind == ITEM_INITIATIVE) {
			idmap_put(&rm->init_ids, copy.id, k);
			rm_initiative_free(&rm->inits[k]);
			rm->inits[k] = copy;
		} else if (!rm_push_initiative(rm, &copy)) {
			rm_initiative_free(&copy);
			im->nomem = true;
			break;
		}
		change(im, kind == ITEM_NONE, "initiative", in->id);
	}
	for (size_t i = 0; i < src->n_budgets && !im->nomem; i++) {
		const struct roadmap_budget *b = &src->budgets[i];
		char id[96];
		rm_budget_key(b, id, sizeof(id));
		long k2 = rm_budget_find(rm, b);
		if (k2 >= 0 && !update) {
			snprintf(where, sizeof(where), "budgets[%zu]", i);
			report(im, 0, where, NULL,
			       "a budget for %s already exists (use --update)",
			       id);
		} else if (k2 >= 0) {
			rm->budgets[k2].amount = b->amount;
			change(im, false, "budget", id);
		} else {
			struct roadmap_budget copy = *b;
			copy.pillar = rm_strdup(b->pillar);
			if ((b->pillar && !copy.pillar) ||
			    !rm_push_budget(rm, &copy)) {
				free(copy.pillar);
				im->nomem = true;
				break;
			}
			change(im, true, "budget", id);
		}
	}
	if (!im->nomem) {
		json_refs(im, src);
	}
}

/* Amounts are never converted: another currency is refused. */
static bool same_currency(struct imp *im, const struct roadmap *src)
{
	if (strcmp(src->currency, im->rm->currency) == 0) {
		return true;
	}
	report(im, 0, "currency", NULL,
	       "the file's amounts are in %s, the roadmap's in %s (import "
	       "converts no currency)",
	       src->currency, im->rm->currency);
	return false;
}

static void unmapped(struct imp *im, const char *where, const char *what,
		     const struct roadmap *src, bool year, int qi)
{
	char label[16], d1[16], d2[16];
	int a = year ? qi / 4 * 4 : qi;

	if (year) {
		snprintf(label, sizeof(label), "FY%04d", qi / 4);
	} else {
		roadmap_quarter_label(qi, label);
	}
	roadmap_day_format(roadmap_quarter_first(a, src->fiscal_start), d1);
	roadmap_day_format(roadmap_quarter_last(year ? a + 3 : a,
						src->fiscal_start),
			   d2);
	report(im, 0, where, NULL,
	       "%s %s (%s to %s in the file's calendar) is not a whole fiscal "
	       "%s of this roadmap, whose fiscal year starts in month %d",
	       what, label, d1, d2, year ? "year" : "quarter",
	       im->rm->fiscal_start);
}

/*
 * The file brings its own fiscal calendar: its quarter and year labels
 * (budget periods, actual quarters) become the target's labels for the
 * same days, or the import fails naming each one that does not map.
 */
static bool convert_calendar(struct imp *im, struct roadmap *src)
{
	int sf = src->fiscal_start, df = im->rm->fiscal_start, to;
	size_t before = im->rep->total_errors;
	char where[200], q[160];

	if (sf == df) {
		return true;
	}
	for (size_t i = 0; i < src->n_budgets; i++) {
		struct roadmap_budget *b = &src->budgets[i];
		int qi = b->year * 4 + (b->is_year ? 0 : b->quarter - 1);
		snprintf(where, sizeof(where), "budgets[%zu]", i);
		if (!rm_map_period(sf, df, b->is_year, qi, &to)) {
			unmapped(im, where, "period", src, b->is_year, qi);
			continue;
		}
		b->year = to / 4;
		b->quarter = b->is_year ? 0 : to % 4 + 1;
	}
	if (!rm_reindex_budgets(src)) {
		im->nomem = true;
	}
	for (size_t i = 0; i < src->n_inits; i++) {
		struct roadmap_initiative *in = &src->inits[i];
		snprintf(where, sizeof(where), "initiatives[%zu] %s", i,
			 rm_quote(in->id, q, sizeof(q)));
		for (size_t k = 0; k < in->n_actuals; k++) {
			if (!rm_map_period(sf, df, false, in->actuals[k].qi, &to)) {
				unmapped(im, where, "actual for", src, false,
					 in->actuals[k].qi);
				continue;
			}
			in->actuals[k].qi = to;
		}
	}
	return im->rep->total_errors == before;
}

static bool same_list(char **a, size_t na, char **b, size_t nb)
{
	for (size_t i = 0; na == nb && i < na; i++) {
		if (strcmp(a[i], b[i]) != 0) {
			return false;
		}
	}
	return na == nb;
}


/* The file's settings that differ from the roadmap's: they stay out. */
static void not_merged(struct imp *im, const struct roadmap *src)
{
	const struct roadmap *rm = im->rm;
	struct roadmap *defaults = roadmap_create();
	char list[128] = "";

	if (!defaults) {
		im->nomem = true;
		return;
	}
	const struct {
		const char *name;
		bool differs;
	} settings[] = {
		{"name", src->name && (!rm->name || strcmp(src->name, rm->name))},
		{"fiscal_year_start", src->fiscal_start != rm->fiscal_start},
		{"pillars", !src->default_pillars &&
				    !same_list(src->pillars, src->n_pillars,
					       rm->pillars, rm->n_pillars)},
		{"policy", !rm_policy_equal(&src->policy, &defaults->policy) &&
				   !rm_policy_equal(&src->policy, &rm->policy)},
	};
	roadmap_destroy(defaults);
	for (size_t i = 0; i < sizeof(settings) / sizeof(*settings); i++) {
		if (settings[i].differs) {
			size_t o = strlen(list);
			snprintf(list + o, sizeof(list) - o, "%s%s",
				 o ? ", " : "", settings[i].name);
		}
	}
	if (list[0] && !(im->rep->not_merged = rm_strdup(list))) {
		im->nomem = true;
	}
}

/* Every bad item of a JSON import is reported, not only the first. */
static void bad_item(void *ctx, const struct roadmap_error *e)
{
	report(ctx, 0, e->where, NULL, "%s", e->message);
}

static void import_json(struct imp *im, const char *d, size_t len)
{
	struct roadmap_error e;
	struct roadmap *src = NULL;

	if (rm_json_prescan(im->name, d, len, &e)) {
		report(im, e.line, NULL, NULL, "%s", e.message);
		im->rep->errors[im->rep->n_errors - 1].column = e.column;
		return;
	}
	cJSON *root = cJSON_ParseWithLengthOpts(d, len, NULL, false);
	if (!root) {
		im->nomem = true;
		return;
	}
	cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (cJSON_IsString(fmt) &&
	    strcmp(fmt->valuestring, "roadmap-export/1") == 0) {
		strip_export(root);
	}
	size_t before = im->rep->total_errors;
	enum roadmap_status st =
		rm_load_tree_all(im->name, root, &src, bad_item, im, &e);
	cJSON_Delete(root);
	if (st == ROADMAP_ERR_NOMEM) {
		im->nomem = true;
		return;
	}
	if (st && im->rep->total_errors == before) {
		report(im, 0, e.where, NULL, "%s", e.message);
	}
	if (st) {
		return;
	}
	if (same_currency(im, src) && convert_calendar(im, src)) {
		not_merged(im, src);
		merge(im, src);
	}
	roadmap_destroy(src);
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
	struct imp im = {rm, name, opt, rep, false};

	memset(rep, 0, sizeof(*rep));
	rep->errors = calloc(KEEP_ERRORS, sizeof(*rep->errors));
	if (!rep->errors) {
		return ROADMAP_ERR_NOMEM;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (looks_json(data, len)) {
		import_json(&im, data, len);
	} else {
		import_csv(&im, data, len);
	}
	if (im.nomem) {
		return ROADMAP_ERR_NOMEM;
	}
	return rep->total_errors ? ROADMAP_ERR_DATA : ROADMAP_OK;
}
