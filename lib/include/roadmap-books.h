/*
 * roadmap-books.h - actuals from the books: an hledger or Ledger register,
 * or a FinOps FOCUS cost file, imported as split actuals (roadmap(1),
 * import --format ledger|focus). Part of the public API; errors come in
 * the import report of roadmap-report.h.
 */
#ifndef ROADMAP_BOOKS_API_H
#define ROADMAP_BOOKS_API_H

#include "roadmap-report.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Actuals from the books (roadmap(1), import --format ledger|focus): a
 * register exported by hledger or Ledger as CSV, or a FinOps FOCUS cost
 * file, summed per (initiative, fiscal quarter, kind) by a rules file and
 * recorded as split actuals. Read in chunks: memory does not grow with
 * the rows.
 */
enum roadmap_books_format {
	ROADMAP_BOOKS_LEDGER,
	ROADMAP_BOOKS_FOCUS,
};

struct roadmap_books_options {
	enum roadmap_books_format format;
	const char *name;	/* the register's name in messages */
	const char *rules_name; /* the rules file's name in messages */
	const char *rules;	/* its bytes (match,initiative,kind) */
	size_t rules_len;
};

/*
 * An actual the import records: (initiative, quarter) -> opex, capex. It
 * sets the kinds the rules map to the initiative (0 for such a kind with
 * no rows in the quarter) and keeps the other kind as recorded: a kept
 * kind's amount is the one recorded (0 when none was).
 */
struct roadmap_books_actual {
	const char *initiative;
	int qi;
	int64_t opex, capex;
	bool replaces;		    /* the quarter held an actual before */
	bool opex_kept, capex_kept; /* no rule maps this kind to it */
};

/* Cost no rule maps: an account (ledger), a tag set as compact JSON or
 * "(no tags)" (focus), control characters escaped (\x1b), with its total
 * rounded to the cent. */
struct roadmap_books_unmapped {
	const char *what;
	int64_t amount;
};

/* A fiscal quarter of the source: source = recorded + unmapped. */
struct roadmap_books_quarter {
	int qi;
	int64_t source, recorded, unmapped;
};

struct roadmap_books_report {
	struct roadmap_import_report import;  /* the errors */
	size_t rows;			      /* data rows read */
	struct roadmap_books_actual *actuals; /* by initiative id, quarter */
	size_t n_actuals;
	struct roadmap_books_unmapped *unmapped; /* by what */
	size_t n_unmapped;
	struct roadmap_books_quarter *quarters; /* by quarter */
	size_t n_quarters;
	struct roadmap_books_quarter total; /* of them all (qi 0) */
};

struct roadmap_books;

/*
 * Reads the rules against rm (their initiatives must exist) and starts an
 * import into rm, which must outlive it, as must report (filled from now
 * on; release it with roadmap_books_report_release). ROADMAP_ERR_DATA
 * with every bad rule in report->import (RULES:LINE: column "x": ...), or
 * ROADMAP_ERR_NOMEM; *out is then NULL.
 */
ROADMAP_API enum roadmap_status
roadmap_books_begin(struct roadmap *rm, const struct roadmap_books_options *opt,
		    struct roadmap_books_report *report,
		    struct roadmap_books **out);
/* The register's next len bytes (any split). ROADMAP_ERR_NOMEM, else OK:
 * bad rows are reported, and the rest still read, until the end. */
ROADMAP_API enum roadmap_status
roadmap_books_feed(struct roadmap_books *b, const char *data, size_t len);
/*
 * After the last byte: rounds the sums to the cent (the largest remainder
 * within each quarter, so that its recorded actuals and its unmapped cost
 * add up to the quarter's source total rounded to the cent), fills the
 * report, and records in rm each (initiative, quarter)'s kinds that the
 * rules map to the initiative, keeping the other kind of an actual it
 * held. ROADMAP_ERR_DATA when any row, currency or sum was bad, or when a
 * kind is kept in a quarter holding an unsplit actual (all in
 * report->import; rm must then be discarded, not saved), or
 * ROADMAP_ERR_NOMEM.
 */
ROADMAP_API enum roadmap_status roadmap_books_end(struct roadmap_books *b);
/* Frees b (NULL is fine); the report stays the caller's. */
ROADMAP_API void roadmap_books_destroy(struct roadmap_books *b);
ROADMAP_API void
roadmap_books_report_release(struct roadmap_books_report *report);

#ifdef __cplusplus
}
#endif

#endif
