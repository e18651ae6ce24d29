/*
 * import-books-rows.c - the rows of a register or a FOCUS file for the
 * books importer (roadmap(1), import --format ledger|focus): the header's
 * columns by name, dates, hledger/Ledger amounts with their commodity,
 * FOCUS costs, currencies and Tags, each row's sum handed to
 * import-books.c.
 */
#include "books.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* YYYY-MM-DD (or YYYY/MM/DD when slash), then the end or, with time, a
 * 'T' or ' ' and anything (a FOCUS date-time: its date as written). */
static bool parse_date(const char *s, bool slash, bool time, roadmap_day *out)
{
	int v[3] = {0, 0, 0};
	const int width[3] = {4, 2, 2};
	const char *p = s;

	for (int k = 0; k < 3; k++) {
		for (int i = 0; i < width[k]; i++, p++) {
			if (*p < '0' || *p > '9') {
				return false;
			}
			v[k] = v[k] * 10 + (*p - '0');
		}
		if (k < 2) {
			if (*p != '-' && !(slash && *p == '/')) {
				return false;
			}
			p++;
		}
	}
	if (*p && !(time && (*p == 'T' || *p == ' '))) {
		return false;
	}
	return roadmap_day_from_ymd(v[0], v[1], v[2], out) &&
	       rm_day_in_range(*out);
}

static bool date_cell(struct roadmap_books *b, const char *s, long line,
		      int *qi)
{
	char q[160];
	roadmap_day day;
	bool focus = b->format == ROADMAP_BOOKS_FOCUS;

	if (!parse_date(s, !focus, focus, &day)) {
		rm_import_report(&b->im, line, NULL, rm_books_col(b, 0),
				 "%s is not a date (%s, years 1900-2200)",
				 rm_quote(s, q, sizeof(q)),
				 focus ? "YYYY-MM-DD or an ISO date-time"
				       : "YYYY-MM-DD");
		return false;
	}
	*qi = roadmap_quarter_of(day, b->rm->fiscal_start);
	if (!rm_quarter_in_range(*qi, b->rm->fiscal_start)) {
		rm_import_report(&b->im, line, NULL, rm_books_col(b, 0),
				 "%s falls in a quarter outside the years "
				 "1900-2200",
				 rm_quote(s, q, sizeof(q)));
		return false;
	}
	return true;
}

static void negate(struct rm_exact *a)
{
	if (a->frac) {
		a->cents = -a->cents - 1;
		a->frac = RM_FRAC_ONE - a->frac;
	} else {
		a->cents = -a->cents;
	}
}

static const struct {
	const char *symbol, *code;
} symbols[] = {
    {"$", "USD"},
    {"\xE2\x82\xAC", "EUR"}, /* the euro sign */
    {"\xC2\xA3", "GBP"},     /* the pound sign */
    {"\xC2\xA5", "JPY"},     /* the yen sign */
};

/* A commodity at p: a symbol, a "quoted" name, or letters; its length
 * (0: none) and the currency it is in *code ("" when it is none). */
static size_t commodity(const char *p, char *code, size_t size)
{
	for (size_t i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		size_t n = strlen(symbols[i].symbol);
		if (strncmp(p, symbols[i].symbol, n) == 0) {
			snprintf(code, size, "%s", symbols[i].code);
			return n;
		}
	}
	size_t n = 0;
	if (*p == '"') {
		const char *e = strchr(p + 1, '"');
		n = e ? (size_t)(e - p) + 1 : strlen(p);
	} else {
		while (p[n] && !strchr("0123456789-+.,@ \t", p[n])) {
			n++;
		}
	}
	snprintf(code, size, "%.*s", (int)n, p);
	return n;
}

static bool is_code(const char *c)
{
	return strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' &&
	       c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z';
}

/*
 * An hledger or Ledger amount: an optional '-', a commodity before or
 * after the number (a symbol, a code, with or without a space), the
 * sign also after a symbol ($-20.00). NULL when it is one (*code ""
 * without a commodity), else why not.
 */
static const char *ledger_amount(const char *s, char *code, size_t size,
				 struct rm_exact *out)
{
	const char *p = s;
	bool neg = false;
	char after[64];

	code[0] = '\0';
	while (*p == ' ') {
		p++;
	}
	if (*p == '-') {
		neg = true;
		p++;
	}
	p += commodity(p, code, size);
	while (*p == ' ') {
		p++;
	}
	if (*p == '-') {
		if (neg) {
			return "is not an amount";
		}
		neg = true;
		p++;
	}
	size_t n = strspn(p, "0123456789,.");
	if (!n) {
		return "is not an amount";
	}
	const char *why = rm_exact_parse(p, n, true, false, out);
	if (why) {
		return why;
	}
	p += n;
	while (*p == ' ') {
		p++;
	}
	size_t m = commodity(p, after, sizeof(after));
	if (m && code[0]) {
		return "is not an amount";
	}
	if (m) {
		snprintf(code, size, "%s", after);
		p += m;
	}
	while (*p == ' ') {
		p++;
	}
	if (*p) {
		return "is not an amount";
	}
	if (neg) {
		negate(out);
	}
	return NULL;
}

/* Whether the currency code (already a symbol's code) is the roadmap's;
 * reports the first line that is not. */
static bool currency(struct roadmap_books *b, const char *code,
		     const char *cell, int col, long line)
{
	char q[160], c[160];

	if (strcmp(code, b->rm->currency) == 0) {
		return true;
	}
	if (!b->currency_bad && b->format == ROADMAP_BOOKS_FOCUS) {
		rm_import_report(&b->im, line, NULL, rm_books_col(b, col),
				 "%s: the roadmap's amounts are in %s (import "
				 "converts no currency)",
				 rm_quote(code, c, sizeof(c)), b->rm->currency);
	} else if (!b->currency_bad) {
		rm_import_report(&b->im, line, NULL, rm_books_col(b, col),
				 "%s is in %s, the roadmap's amounts in %s "
				 "(import converts no currency)",
				 rm_quote(cell, q, sizeof(q)),
				 rm_quote(code, c, sizeof(c)), b->rm->currency);
	}
	b->currency_bad = true;
	return false;
}

static void ledger_row(struct roadmap_books *b, char **f, long line)
{
	char q[160], code[64], c[80];
	struct rm_exact amount;
	int qi = 0;
	bool ok = date_cell(b, f[b->col[0]], line, &qi);
	const char *account = f[b->col[1]], *a = f[b->col[2]];

	if (!account[0]) {
		rm_import_report(&b->im, line, NULL, "account", "is empty");
		ok = false;
	}
	const char *why = ledger_amount(a, code, sizeof(code), &amount);
	if (why) {
		rm_import_report(&b->im, line, NULL, ROADMAP_FIELD_AMOUNT,
				 "%s %s%s", rm_quote(a, q, sizeof(q)), why,
				 strcmp(why, "is not an amount") == 0
				     ? " (a number with a currency symbol "
				       "or code)"
				     : "");
		return;
	}
	if (!code[0]) {
		/* no commodity: the journal's plain numbers */
		snprintf(code, sizeof(code), "%s", b->rm->currency);
	}
	if (!is_code(code)) {
		rm_import_report(&b->im, line, NULL, ROADMAP_FIELD_AMOUNT,
				 "%s: commodity %s is not a currency (an ISO "
				 "4217 code, or $ \xE2\x82\xAC \xC2\xA3 "
				 "\xC2\xA5)",
				 rm_quote(a, q, sizeof(q)),
				 rm_quote(code, c, sizeof(c)));
		return;
	}
	if (!currency(b, code, a, 2, line) || !ok) {
		return;
	}
	long rule = rm_rules_account(&b->rules, account);
	rm_books_add(b, line, qi, rule,
		     rule < 0 ? rm_books_unmapped(b, account) : -1, amount);
}

void rm_books_drop_tags(struct roadmap_books *b)
{
	idmap_clear(&b->tags);
	for (size_t i = 0; i < b->n_tag_keys; i++) {
		free(b->tag_keys[i]);
	}
	b->n_tag_keys = 0;
}

/* cJSON keeps both of a repeated key and finds the first: refused, as
 * the loader refuses them. Pairwise: a row's tags are a handful. */
static bool unique_keys(struct roadmap_books *b, const cJSON *o, long line)
{
	char q[160];

	for (const cJSON *x = o->child; x; x = x->next) {
		for (const cJSON *y = o->child; y != x; y = y->next) {
			if (strcmp(x->string, y->string) == 0) {
				rm_import_report(
				    &b->im, line, NULL, "Tags",
				    "tag %s appears twice",
				    rm_quote(x->string, q, sizeof(q)));
				return false;
			}
		}
	}
	return true;
}

/*
 * The rule a Tags cell maps to (>= 0), or -2 - the unmapped entry of its
 * tag set; -1 when it is bad (reported) or memory ran out. Files repeat
 * the same few tag texts, so each is parsed once while the cache holds.
 */
static long tags_rule(struct roadmap_books *b, const char *text, long line)
{
	size_t v;
	struct roadmap_error e;
	long r = -1;
	char *key = NULL;

	if (idmap_get(&b->tags, text, &v)) {
		return (long)v - 2;
	}
	cJSON *o = NULL;
	const char *what = "(no tags)";
	if (text[0]) {
		if (rm_json_prescan(b->im.name, text, strlen(text), NULL, &e)) {
			rm_import_report(&b->im, line, NULL, "Tags",
					 "is not JSON (%s)", e.message);
			return -1;
		}
		o = cJSON_ParseWithLengthOpts(text, strlen(text), NULL, false);
		if (!o) {
			b->im.nomem = true;
			return -1;
		}
		if (!cJSON_IsObject(o)) {
			rm_import_report(&b->im, line, NULL, "Tags",
					 "is not a JSON object");
			cJSON_Delete(o);
			return -1;
		}
		if (!unique_keys(b, o, line)) {
			cJSON_Delete(o);
			return -1;
		}
	}
	for (size_t i = 0; o && r < 0 && i < b->rules.n; i++) {
		const cJSON *t =
		    cJSON_GetObjectItemCaseSensitive(o, b->rules.r[i].match);
		if (cJSON_IsString(t) &&
		    strcmp(t->valuestring, b->rules.r[i].value) == 0) {
			r = (long)i;
		}
	}
	if (r < 0 && o && o->child) {
		key = cJSON_PrintUnformatted(o);
		if (!key) {
			cJSON_Delete(o);
			b->im.nomem = true;
			return -1;
		}
		what = key;
	}
	cJSON_Delete(o);
	if (r < 0) {
		long u = rm_books_unmapped(b, what);
		free(key);
		if (u < 0) {
			return -1;
		}
		r = -2 - u;
	}
	if (b->n_tag_keys == TAG_CACHE) {
		rm_books_drop_tags(b);
	}
	char *copy = strdup(text);
	if (!copy || !idmap_put(&b->tags, copy, (size_t)(r + 2))) {
		free(copy);
		b->im.nomem = true;
		return -1;
	}
	b->tag_keys[b->n_tag_keys++] = copy;
	return r;
}

static void focus_row(struct roadmap_books *b, char **f, long line)
{
	char q[160];
	struct rm_exact amount;
	int qi = 0;
	bool ok = date_cell(b, f[b->col[0]], line, &qi);
	const char *cost = f[b->col[1]];
	const char *why =
	    rm_exact_parse(cost, strlen(cost), false, true, &amount);

	if (why) {
		rm_import_report(&b->im, line, NULL, "BilledCost", "%s %s",
				 rm_quote(cost, q, sizeof(q)),
				 strcmp(why, "is not a number") == 0
				     ? "is not a decimal number"
				     : why);
		ok = false;
	}
	if (!currency(b, f[b->col[2]], f[b->col[2]], 2, line)) {
		ok = false;
	}
	long r = tags_rule(b, f[b->col[3]], line);
	if (r == -1 || !ok) {
		return;
	}
	rm_books_add(b, line, qi, r >= 0 ? r : -1, r >= 0 ? -1 : -2 - r,
		     amount);
}

static void header(struct roadmap_books *b, char **f, size_t n, long line)
{
	b->header = true;
	b->width = n;
	for (int c = 0; c < rm_books_n_cols(b); c++) {
		b->col[c] = -1;
		for (size_t i = 0; i < n; i++) {
			if (!rm_import_same_name(f[i], rm_books_col(b, c))) {
				continue;
			}
			if (b->col[c] >= 0) {
				rm_import_report(&b->im, line, NULL, f[i],
						 "appears twice in the header");
				b->header_bad = true;
			}
			b->col[c] = (int)i;
		}
		if (b->col[c] < 0) {
			rm_import_report(
			    &b->im, line, NULL, rm_books_col(b, c),
			    "is missing from the header (%s)",
			    b->format == ROADMAP_BOOKS_FOCUS
				? "a FOCUS file has ChargePeriodStart, "
				  "BilledCost, BillingCurrency and Tags"
				: "a register as hledger register -O csv "
				  "writes it has date, account and amount");
			b->header_bad = true;
		}
	}
}

void rm_books_record(void *ctx, char **f, size_t n, long line)
{
	struct roadmap_books *b = ctx;
	bool blank = true;

	for (size_t i = 0; i < n && blank; i++) {
		blank = !f[i][0];
	}
	if (b->im.nomem || blank) {
		return;
	}
	if (!b->header) {
		header(b, f, n, line);
		return;
	}
	if (b->header_bad) {
		return;
	}
	b->rep->rows++;
	if (n != b->width) {
		rm_import_report(&b->im, line, NULL, NULL,
				 "the row has %zu field%s; the header has %zu",
				 n, n == 1 ? "" : "s", b->width);
	} else if (b->format == ROADMAP_BOOKS_FOCUS) {
		focus_row(b, f, line);
	} else {
		ledger_row(b, f, line);
	}
}
