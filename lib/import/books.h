/* books.h - what the books importer's files share (import-books.c,
 * import-books-rows.c, import-rules.c, import-exact.c): actuals from an
 * hledger or Ledger register or a FOCUS cost file (roadmap(1), import
 * --format ledger|focus). */
#ifndef ROADMAP_BOOKS_H
#define ROADMAP_BOOKS_H

#include "import.h"

/*
 * An exact amount: cents plus frac / RM_FRAC_ONE of a cent, frac in
 * [0, RM_FRAC_ONE), so twenty decimals of the currency unit in two 64-bit
 * halves. Sums of a million rows of a FOCUS file are exact in it; only
 * the final figures are rounded to the cent (import-exact.c).
 */
#define RM_FRAC_ONE UINT64_C(1000000000000000000) /* 10^18 */
struct rm_exact {
	int64_t cents;
	uint64_t frac;
};
/* *a += b; false when the cents would pass 64 bits. */
bool rm_exact_add(struct rm_exact *a, struct rm_exact b);
/* Rounded to the cent, halves away from zero. */
int64_t rm_exact_round(struct rm_exact a);
/*
 * Parses a decimal: an optional '-', digits (with commas, thousands
 * separators in groups of three), an optional '.' and decimals, and with
 * exponent an optional e or E and a signed power of ten. NULL and *out
 * set when it is one within ROADMAP_MONEY_MAX in size and twenty
 * decimals; else why not ("has more than 20 decimals", ...).
 */
const char *rm_exact_parse(const char *s, size_t len, bool commas,
			   bool exponent, struct rm_exact *out);

/* A rules file (import-rules.c): match -> (initiative, kind). */
struct rm_rule {
	char *match;   /* the account prefix, or the tag's key */
	char *value;   /* the tag's value (focus), else NULL */
	size_t target; /* index of the initiative in the roadmap */
	int kind;      /* enum roadmap_spend_kind */
	size_t len;    /* strlen(match) */
};
struct rm_rules {
	struct rm_rule *r;
	size_t n;
};
/* Reads the rules of format (enum roadmap_books_format) against rm;
 * errors go to im (named for the rules file). False when it has any. */
bool rm_rules_read(struct imp *im, int format, const char *d, size_t len,
		   struct rm_rules *out);
void rm_rules_release(struct rm_rules *r);
/* The rule for an account: the longest prefix that is the account or one
 * of its parents; -1 when none. */
long rm_rules_account(const struct rm_rules *r, const char *account);

/* The importer's state (import-books.c; the rows in import-books-rows.c). */
#define TAG_CACHE 4096 /* tag texts remembered before the cache restarts */

struct cell {
	size_t target; /* initiative index */
	int kind, qi;
	struct rm_exact sum;
	int64_t cents; /* rounded, at the end */
};

struct quarter {
	int qi;
	struct rm_exact source, unmapped;
	int64_t unmapped_cents;
};

struct unmapped {
	char *what;
	struct rm_exact sum;
};

struct roadmap_books {
	struct roadmap *rm;
	struct roadmap_import_options iopt;
	struct imp im;
	struct roadmap_books_report *rep;
	int format;
	struct rm_rules rules;
	struct rm_stream *s;
	bool header, header_bad, currency_bad, overflow;
	size_t width;
	int col[4]; /* ledger: date, account, amount; focus: start, cost,
		       currency, tags */
	struct cell *cells;
	size_t n_cells, cap_cells;
	size_t *slots; /* open addressing: cell index + 1, 0 empty */
	size_t cap_slots;
	struct quarter *q;
	size_t n_q, last_q;
	struct unmapped *u;
	size_t n_u;
	struct idmap u_ids;
	struct idmap tags; /* focus: a Tags text -> rule, or n_rules + the
			      unmapped entry */
	char **tag_keys;
	size_t n_tag_keys;
};

/* The columns read: 3 (ledger: date, account, amount) or 4 (focus:
 * ChargePeriodStart, BilledCost, BillingCurrency, Tags); column c's name. */
int rm_books_n_cols(const struct roadmap_books *b);
const char *rm_books_col(const struct roadmap_books *b, int c);
/* The unmapped entry of what (an account, a tag set); -1: out of memory. */
long rm_books_unmapped(struct roadmap_books *b, const char *what);
/* Adds a row's amount in quarter qi: to its rule's cell (rule >= 0), else
 * to the unmapped entry u. */
void rm_books_add(struct roadmap_books *b, long line, int qi, long rule, long u,
		  struct rm_exact amount);
/* The stream's record handler: the header, then each row. */
void rm_books_record(void *ctx, char **f, size_t n, long line);
void rm_books_drop_tags(struct roadmap_books *b);

#endif
