/*
 * roadmap-capital.h - libroadmap's capitalization: capex held as work in
 * progress, placed in service, amortized and written off, and the P&L
 * expense beside the cash (roadmap(1), capitalization).
 *
 * Included by roadmap-report.h (include roadmap.h); the conventions are
 * roadmap.h's.
 */
#ifndef ROADMAP_CAPITAL_H
#define ROADMAP_CAPITAL_H

#include "roadmap-report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ----------------------------------------------------- capitalization */

/* What roadmap_capitalization() capitalizes: the plan (each counting
 * initiative's planned opex and capex, spread as budget spreads them) or
 * the actuals (their opex and capex, recorded or estimated by
 * roadmap_actual_kinds()). */
enum roadmap_capital_basis {
	ROADMAP_BASIS_PLAN,
	ROADMAP_BASIS_ACTUAL,
};
/* Its rows: fiscal quarters, fiscal years, or one per initiative. */
enum roadmap_capital_by {
	ROADMAP_CAPITAL_BY_QUARTER,
	ROADMAP_CAPITAL_BY_YEAR,
	ROADMAP_CAPITAL_BY_INITIATIVE,
};
/* "plan", "actual"; "quarter", "year", "initiative"; the parsers return
 * -1 for an unknown name. */
ROADMAP_API const char *
roadmap_capital_basis_name(enum roadmap_capital_basis b);
ROADMAP_API int roadmap_capital_basis_parse(const char *name);
ROADMAP_API const char *roadmap_capital_by_name(enum roadmap_capital_by by);
ROADMAP_API int roadmap_capital_by_parse(const char *name);

/* The money columns of a capitalization row, in the order of roadmap(1),
 * capitalization: the flows of the period (capex added, placed in service,
 * amortization, write-off), the balances at its end (work in progress, net
 * book value), then opex, P&L expense (opex + amortization + write-off)
 * and cash (opex + capex added). */
enum roadmap_capital_column {
	ROADMAP_CAPITAL_CAPEX_ADDED,
	ROADMAP_CAPITAL_PLACED_IN_SERVICE,
	ROADMAP_CAPITAL_AMORTIZATION,
	ROADMAP_CAPITAL_WRITE_OFF,
	ROADMAP_CAPITAL_WIP,
	ROADMAP_CAPITAL_NET_BOOK_VALUE,
	ROADMAP_CAPITAL_OPEX,
	ROADMAP_CAPITAL_PL_EXPENSE,
	ROADMAP_CAPITAL_CASH,
	ROADMAP_CAPITAL_COLUMNS /* how many */
};
/* The column's JSON and CSV name (capex_added, ..., cash). */
ROADMAP_API const char *
roadmap_capital_column_name(enum roadmap_capital_column col);

struct roadmap_capital_row {
	char *key; /* "2026-Q1", "FY2026" or an initiative's id */
	int64_t v[ROADMAP_CAPITAL_COLUMNS]; /* cents, by column */
};

struct roadmap_capital_report {
	enum roadmap_capital_basis basis;
	enum roadmap_capital_by by;
	struct roadmap_capital_row *rows;
	size_t n;
	/* key "total": the flows summed; wip and net_book_value those at
	 * the end of the last period */
	struct roadmap_capital_row total;
};

/*
 * The capitalization schedule of roadmap(1), capitalization into caller
 * storage *out, released with roadmap_capital_report_release() (which
 * accepts NULL). Quarter and year rows run without gaps from the first
 * period with a flow to the last with one (the last amortization); every
 * figure exact to the cent. ROADMAP_ERR_NOMEM, or ROADMAP_ERR_DATA when a
 * sum would pass the largest amount.
 */
ROADMAP_API enum roadmap_status roadmap_capitalization(
    const struct roadmap *rm, enum roadmap_capital_basis basis,
    enum roadmap_capital_by by, struct roadmap_capital_report *out,
    struct roadmap_error *err);
ROADMAP_API void
roadmap_capital_report_release(struct roadmap_capital_report *r);
/* {"basis", "by", "rows": [{the row's key (period, or initiative), the
 * columns}], "total": {the columns}}, money as JSON numbers of exact cents.
 * *out is malloc'ed; the caller frees it. ROADMAP_ERR_NOMEM on failure. */
ROADMAP_API enum roadmap_status
roadmap_capital_report_json(const struct roadmap_capital_report *r, char **out,
			    struct roadmap_error *err);
/* Rows for CSV: the row's key (period, or initiative) and the columns, the
 * total row last (key "total"). Release with roadmap_rows_release(). */
ROADMAP_API enum roadmap_status
roadmap_capital_rows(const struct roadmap_capital_report *r,
		     struct roadmap_rows *out, struct roadmap_error *err);

#ifdef __cplusplus
}
#endif

#endif
