/*
 * import-rules.c - the rules file of import --format ledger|focus
 * (roadmap(1), import): a CSV of match,initiative,kind. A ledger rule
 * matches an account and its sub-accounts, and the longest such prefix
 * wins; a focus rule matches a tag key=value, and the first in the file
 * that a row's tags hold wins. Every bad rule is reported with its line.
 */
#include "books.h"

#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"match", "initiative", "kind"};
#define N_COLUMNS 3

struct rules_read {
	struct imp *im;
	int format;
	struct rm_rules *out;
	int col[N_COLUMNS]; /* header position of each column, -1: none */
	size_t width;
	bool header, bad;
	long *lines; /* the line of each rule, for duplicates */
};

static void header(struct rules_read *x, char **f, size_t n, long line)
{
	x->header = true;
	x->width = n;
	for (int c = 0; c < N_COLUMNS; c++) {
		x->col[c] = -1;
	}
	for (size_t i = 0; i < n; i++) {
		int known = -1;
		for (int c = 0; c < N_COLUMNS; c++) {
			if (rm_import_same_name(f[i], columns[c])) {
				known = c;
			}
		}
		if (known < 0) {
			rm_import_report(x->im, line, NULL, f[i],
					 "unknown column (a rules file has: "
					 "match, initiative, kind)");
			x->bad = true;
		} else if (x->col[known] >= 0) {
			rm_import_report(x->im, line, NULL, f[i],
					 "appears twice in the header");
			x->bad = true;
		} else {
			x->col[known] = (int)i;
		}
	}
	for (int c = 0; c < N_COLUMNS; c++) {
		if (x->col[c] < 0) {
			rm_import_report(x->im, line, NULL, columns[c],
					 "is missing from the header (a rules "
					 "file needs match, initiative, kind)");
			x->bad = true;
		}
	}
}

static bool blank(char **f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (f[i][0]) {
			return false;
		}
	}
	return true;
}

/* The match of a rule: an account (no '=', no trailing ':') or key=value. */
static bool parse_match(struct rules_read *x, const char *m, long line,
			struct rm_rule *r)
{
	char q[200];
	const char *eq = strchr(m, '=');

	if (!m[0]) {
		rm_import_report(x->im, line, NULL, "match", "is empty");
		return false;
	}
	if (x->format == ROADMAP_BOOKS_FOCUS) {
		if (!eq || eq == m) {
			rm_import_report(x->im, line, NULL, "match",
					 "%s is not a tag key=value (focus "
					 "rules match tags)",
					 rm_quote(m, q, sizeof(q)));
			return false;
		}
		size_t k = (size_t)(eq - m);
		r->match = malloc(k + 1);
		if (r->match) {
			memcpy(r->match, m, k);
			r->match[k] = '\0';
		}
		r->value = strdup(eq + 1);
		if (!r->match || !r->value) {
			x->im->nomem = true;
			return false;
		}
	} else {
		if (eq) {
			rm_import_report(x->im, line, NULL, "match",
					 "%s is a tag key=value: ledger rules "
					 "match an account",
					 rm_quote(m, q, sizeof(q)));
			return false;
		}
		if (m[strlen(m) - 1] == ':') {
			rm_import_report(x->im, line, NULL, "match",
					 "%s ends with ':' (a rule names an "
					 "account, which matches its "
					 "sub-accounts too)",
					 rm_quote(m, q, sizeof(q)));
			return false;
		}
		r->match = strdup(m);
		if (!r->match) {
			x->im->nomem = true;
			return false;
		}
	}
	r->len = strlen(r->match);
	return true;
}

static bool same_match(const struct rm_rule *a, const struct rm_rule *b)
{
	return strcmp(a->match, b->match) == 0 &&
	       (!a->value || strcmp(a->value, b->value) == 0);
}

static void rule(struct rules_read *x, char **f, size_t n, long line)
{
	char q[200];
	struct rm_rule r = {0};
	bool ok = true;

	if (n != x->width) {
		rm_import_report(x->im, line, NULL, NULL,
				 "the row has %zu field%s; the header has %zu",
				 n, n == 1 ? "" : "s", x->width);
		x->bad = true;
		return;
	}
	const char *m = f[x->col[0]], *id = f[x->col[1]], *kind = f[x->col[2]];
	ok = parse_match(x, m, line, &r);
	const struct roadmap_initiative *in =
	    roadmap_find_initiative(x->im->rm, id);
	if (!id[0]) {
		rm_import_report(x->im, line, NULL, "initiative", "is empty");
		ok = false;
	} else if (!in) {
		rm_import_report(x->im, line, NULL, "initiative",
				 "no initiative %s",
				 rm_quote(id, q, sizeof(q)));
		ok = false;
	} else {
		r.target = (size_t)(in - x->im->rm->inits);
	}
	if (strcmp(kind, ROADMAP_FIELD_OPEX) == 0) {
		r.kind = ROADMAP_SPEND_OPEX;
	} else if (strcmp(kind, ROADMAP_FIELD_CAPEX) == 0) {
		r.kind = ROADMAP_SPEND_CAPEX;
	} else {
		rm_import_report(x->im, line, NULL, "kind",
				 "%s is not opex or capex",
				 rm_quote(kind, q, sizeof(q)));
		ok = false;
	}
	for (size_t i = 0; ok && r.match && i < x->out->n; i++) {
		if (same_match(&x->out->r[i], &r)) {
			rm_import_report(x->im, line, NULL, "match",
					 "%s is already mapped on line %ld",
					 rm_quote(m, q, sizeof(q)),
					 x->lines[i]);
			ok = false;
		}
	}
	if (!ok) {
		free(r.match);
		free(r.value);
		x->bad = true;
		return;
	}
	struct rm_rule *p = realloc(x->out->r, (x->out->n + 1) * sizeof(*p));
	long *l = realloc(x->lines, (x->out->n + 1) * sizeof(long));
	if (p) {
		x->out->r = p;
	}
	if (l) {
		x->lines = l;
	}
	if (!p || !l) {
		free(r.match);
		free(r.value);
		x->im->nomem = true;
		return;
	}
	x->lines[x->out->n] = line;
	x->out->r[x->out->n++] = r;
}

static void on_record(void *ctx, char **f, size_t n, long line)
{
	struct rules_read *x = ctx;

	if (x->im->nomem || blank(f, n)) {
		return;
	}
	if (!x->header) {
		header(x, f, n, line);
	} else if (x->col[0] >= 0 && x->col[1] >= 0 && x->col[2] >= 0) {
		rule(x, f, n, line);
	}
}

bool rm_rules_read(struct imp *im, int format, const char *d, size_t len,
		   struct rm_rules *out)
{
	struct rules_read x = {.im = im, .format = format, .out = out};
	struct rm_stream *s;

	memset(out, 0, sizeof(*out));
	if (!(s = rm_stream_new(im, ',', on_record, &x))) {
		return false;
	}
	bool ok = rm_stream_feed(s, d, len) && rm_stream_finish(s);
	rm_stream_free(s);
	free(x.lines);
	if (ok && !x.header) {
		rm_import_report(im, 1, NULL, NULL,
				 "no header row (the file is empty)");
		ok = false;
	} else if (ok && !x.bad && out->n == 0) {
		rm_import_report(im, 0, NULL, NULL,
				 "no rules (each line after the header maps "
				 "a match to an initiative and a kind)");
		ok = false;
	}
	return ok && !x.bad && !im->nomem;
}

void rm_rules_release(struct rm_rules *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->r[i].match);
		free(r->r[i].value);
	}
	free(r->r);
	memset(r, 0, sizeof(*r));
}

long rm_rules_account(const struct rm_rules *r, const char *account)
{
	size_t alen = strlen(account), best_len = 0;
	long best = -1;

	for (size_t i = 0; i < r->n; i++) {
		const struct rm_rule *x = &r->r[i];
		if (x->len <= alen && x->len > best_len &&
		    memcmp(account, x->match, x->len) == 0 &&
		    (account[x->len] == '\0' || account[x->len] == ':')) {
			best = (long)i;
			best_len = x->len;
		}
	}
	return best;
}
