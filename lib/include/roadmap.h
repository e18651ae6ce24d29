/*
 * roadmap.h - the public interface of libroadmap.
 *
 * A roadmap is one JSON document holding business goals, the initiatives
 * that serve them, teams, budget envelopes and the policy the checks use.
 * This header is the whole API: anything not declared here is private.
 *
 * Conventions:
 * - Fallible functions return enum roadmap_status (ROADMAP_OK is 0) and fill
 *   an optional caller-owned struct roadmap_error (pass NULL to ignore it).
 * - Money is int64_t minor units (cents); dates are roadmap_day numbers
 *   (days since 1970-01-01); FTE and capacity are int64_t hundredths.
 * - Strings returned through const pointers are owned by the roadmap and stay
 *   valid until the item is changed or removed or the roadmap is destroyed.
 * - The library never prints and never exits.
 */
#ifndef ROADMAP_H
#define ROADMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "roadmap-names.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(ROADMAP_BUILDING) && defined(__GNUC__)
#define ROADMAP_API __attribute__((visibility("default")))
#else
#define ROADMAP_API
#endif

#define ROADMAP_VERSION "0.1.0"

/* Status codes; their values are the CLI's exit codes (sysexits). */
enum roadmap_status {
	ROADMAP_OK = 0,
	ROADMAP_ERR_USAGE = 64, /* a caller passed a bad argument */
	ROADMAP_ERR_DATA = 65,	/* invalid data, or an edit would make it so */
	ROADMAP_ERR_NOINPUT = 66,   /* an input file is missing or unopenable */
	ROADMAP_ERR_INTERNAL = 70,  /* a bug */
	ROADMAP_ERR_NOMEM = 71,	    /* out of memory */
	ROADMAP_ERR_CANTCREAT = 73, /* an output file cannot be created */
	ROADMAP_ERR_IO = 74,	    /* read or write error, disk full */
	ROADMAP_ERR_LOCKED = 75,    /* the lock wait timed out */
};

/*
 * Where and what went wrong. file is the input's name; line and column are
 * 1-based (0 when unknown); where is a JSON path with an id ("initiatives[3]
 * \"recs-engine\"") or a CSV column; message is lowercase, no final stop.
 */
struct roadmap_error {
	enum roadmap_status status;
	char file[512];
	long line;
	long column;
	char where[256];
	char message[512];
};

/* Resets err to "no error". Accepts NULL. */
ROADMAP_API void roadmap_error_clear(struct roadmap_error *err);

/*
 * Writes the one-line form "file:line:col: message" or "file: where:
 * message" (parts that are unknown are left out) into buf, truncating to
 * size. Returns buf.
 */
ROADMAP_API char *roadmap_error_format(const struct roadmap_error *err,
				       char *buf, size_t size);

/* A short English name of a status ("bad data", "i/o error", ...). Static. */
ROADMAP_API const char *roadmap_status_name(enum roadmap_status status);

/* ---------------------------------------------------------------- dates */

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t roadmap_day;

#define ROADMAP_YEAR_MIN 1900
#define ROADMAP_YEAR_MAX 2200

/* Returns true and sets *out when y-m-d is a real calendar date. */
ROADMAP_API bool roadmap_day_from_ymd(int y, int m, int d, roadmap_day *out);
ROADMAP_API void roadmap_day_to_ymd(roadmap_day day, int *y, int *m, int *d);
/* Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). Returns buf. */
ROADMAP_API char *roadmap_day_format(roadmap_day day, char *buf);

enum roadmap_period_kind {
	ROADMAP_PERIOD_DAY,
	ROADMAP_PERIOD_MONTH,
	ROADMAP_PERIOD_QUARTER, /* fiscal quarter YYYY-Qn */
	ROADMAP_PERIOD_YEAR,	/* fiscal year FYYYYY */
};

struct roadmap_period {
	enum roadmap_period_kind kind;
	int year;  /* calendar year, or fiscal year for QUARTER and YEAR */
	int index; /* month 1-12, quarter 1-4, 0 otherwise */
	roadmap_day first;
	roadmap_day last;
};

/*
 * Parses YYYY-MM-DD, YYYY-MM, YYYY-Qn or FYYYYY (years 1900-2200) against
 * a fiscal year starting in month fiscal_start (1-12). Returns
 * ROADMAP_ERR_DATA with a message in err (no file, no where) when s is not
 * a period.
 */
ROADMAP_API enum roadmap_status roadmap_period_parse(const char *s,
						     int fiscal_start,
						     struct roadmap_period *out,
						     struct roadmap_error *err);

/*
 * Fiscal quarters are numbered by one integer, qi = fiscal_year * 4 + (q - 1),
 * so that consecutive quarters have consecutive numbers.
 */
ROADMAP_API int roadmap_quarter_of(roadmap_day day, int fiscal_start);
ROADMAP_API roadmap_day roadmap_quarter_first(int qi, int fiscal_start);
ROADMAP_API roadmap_day roadmap_quarter_last(int qi, int fiscal_start);
/* Writes "YYYY-Qn" into buf (at least 12 bytes). Returns buf. */
ROADMAP_API char *roadmap_quarter_label(int qi, char *buf);
/* The fiscal year a day falls in. */
ROADMAP_API int roadmap_fiscal_year_of(roadmap_day day, int fiscal_start);

/* ---------------------------------------------------------------- money */

#define ROADMAP_MONEY_MAX INT64_C(100000000000000) /* 1e12 units in cents */

/*
 * Parses the CLI amount grammar: digits with optional "," thousands
 * separators, an optional decimal part, an optional k/M/B suffix (any
 * case). The result must be a whole number of cents within
 * 0..ROADMAP_MONEY_MAX. Returns ROADMAP_ERR_DATA with a message otherwise.
 */
ROADMAP_API enum roadmap_status
roadmap_money_parse(const char *s, int64_t *cents, struct roadmap_error *err);

/*
 * Formats cents as "1250000.00", or with thousands separators
 * ("1,250,000.00") when grouped is true. Negative values get a leading '-'.
 * Returns buf (at least 32 bytes).
 */
ROADMAP_API char *roadmap_money_format(int64_t cents, bool grouped, char *buf);

/*
 * Numbers that are not money (goal baselines and targets, tolerances),
 * the same in every locale. The parser takes JSON's number grammar and
 * refuses what a double cannot hold as written: more than 15 significant
 * digits, a magnitude of 1e16 or more or below 1e-15, -0. The formatter
 * writes the shortest decimal that reads back as v, with '.' and no
 * exponent, into buf of ROADMAP_NUMBER_BUF bytes.
 */
#define ROADMAP_NUMBER_BUF 48
ROADMAP_API enum roadmap_status roadmap_number_parse(const char *s, double *out,
						     struct roadmap_error *err);
ROADMAP_API char *roadmap_number_format(double v, char *buf);

/* *out = a + b; returns false (leaving *out alone) on int64 overflow. */
ROADMAP_API bool roadmap_money_add(int64_t a, int64_t b, int64_t *out);

/*
 * Splits amount (>= 0) into n parts proportional to weights (>= 0, not all
 * zero) by the largest-remainder method: parts sum exactly to amount, ties
 * go to the earlier part. Returns ROADMAP_ERR_USAGE on bad arguments.
 */
ROADMAP_API enum roadmap_status roadmap_apportion(int64_t amount,
						  const int64_t *weights,
						  size_t n, int64_t *out);

/*
 * Spreads amount over the fiscal quarters of [start, end] in proportion to
 * days (the spreading rule of roadmap(1), budget). On success *first_qi is the
 * first quarter's number, *n the number of quarters, and *parts a malloc'ed
 * array the caller frees. Returns ROADMAP_ERR_DATA if end < start,
 * ROADMAP_ERR_NOMEM on failure.
 */
ROADMAP_API enum roadmap_status
roadmap_spread(int64_t amount, roadmap_day start, roadmap_day end,
	       int fiscal_start, int *first_qi, int64_t **parts, size_t *n);

/*
 * Parses a non-negative number with at most two decimals ("4", "2.5") as
 * hundredths, up to 1,000,000: FTE and team capacity. ROADMAP_ERR_DATA with
 * a message otherwise.
 */
ROADMAP_API enum roadmap_status roadmap_fte_parse(const char *s, int64_t *out,
						  struct roadmap_error *err);

/* ---------------------------------------------------------------- model */

enum roadmap_initiative_status {
	ROADMAP_PROPOSED,
	ROADMAP_APPROVED,
	ROADMAP_ACTIVE,
	ROADMAP_DONE,
	ROADMAP_CANCELLED,
	ROADMAP_DEFERRED, /* cut for now, kept as backlog: does not count */
};

enum roadmap_stage {
	ROADMAP_STAGE_NONE,
	ROADMAP_STAGE_RESEARCH,
	ROADMAP_STAGE_POC,
	ROADMAP_STAGE_IMPLEMENTATION,
};

/* Names as in the file ("proposed", "poc"); NULL for an unknown value. */
ROADMAP_API const char *
roadmap_initiative_status_name(enum roadmap_initiative_status s);
ROADMAP_API const char *roadmap_stage_name(enum roadmap_stage s);
/* Return -1 when name is not a known status or stage. */
ROADMAP_API int roadmap_initiative_status_parse(const char *name);
ROADMAP_API int roadmap_stage_parse(const char *name);

/*
 * A dated figure (roadmap(1), status): an initiative's percent complete (0-100,
 * two decimals) or a goal's metric as measured on a day. Lists of them are
 * sorted by day, one per day.
 */
struct roadmap_reading {
	roadmap_day day;
	double value;
};

struct roadmap_goal {
	const char *id;
	const char *title;
	const char *metric; /* optional fields are NULL when absent */
	const char *unit;
	const char *owner;
	bool has_baseline, has_target, has_due;
	double baseline;
	double target;
	roadmap_day due;
	int priority; /* 1..5, 0 when absent */
	const char *notes; /* free text with newlines, or NULL */
	struct roadmap_reading *measurements; /* the metric's values */
	size_t n_measurements;
	long line; /* the line of its id (an envelope's period) in the file
		    * it was loaded from; 0 for an item added since */
};

/*
 * A goal's measure for people: "12-month retention: 70 -> 84 %" (with the
 * metric's name) or "70 -> 84 %", "?" for a missing end; without a
 * baseline or target, the metric's name alone (or ""). malloc'ed; NULL
 * when out of memory.
 */
ROADMAP_API char *roadmap_goal_metric_text(const struct roadmap_goal *g,
					   bool with_metric);

/*
 * Actual spend of one fiscal quarter (roadmap(5), actuals): the total and,
 * when it was recorded by kind (an object of the two in the file, actual
 * --kind), its two parts. An unsplit actual's parts are estimated by
 * roadmap_actual_kinds().
 */
struct roadmap_actual {
	int qi;		/* fiscal quarter number, see roadmap_quarter_of() */
	int64_t amount; /* opex + capex */
	bool split;	/* recorded by kind: opex and capex hold it */
	int64_t opex, capex; /* 0 when not split */
};

/* The two kinds of spend. */
enum roadmap_spend_kind {
	ROADMAP_SPEND_OPEX,
	ROADMAP_SPEND_CAPEX,
};

struct roadmap_initiative {
	const char *id;
	const char *title;
	const char *pillar; /* optional fields are NULL when absent */
	const char *owner;
	const char *team;
	enum roadmap_stage stage;
	enum roadmap_initiative_status status;
	roadmap_day start;
	roadmap_day end; /* the most likely end */
	/* three-point estimates of the end, for forecast (roadmap(1), forecast)
	 */
	bool has_optimistic, has_pessimistic;
	roadmap_day optimistic, pessimistic;
	int64_t opex;
	int64_t capex;
	int64_t fte;  /* hundredths */
	int priority; /* 1..5, default 3 */
	bool has_benefit;
	int64_t benefit;
	bool mandatory;		  /* work a cut may not touch (roadmap(5)) */
	const char *notes;	  /* free text with newlines, or NULL */
	/* capitalization (roadmap(1), capitalization): the months its
	 * capex is amortized over (0: policy.useful_life), and the day it is
	 * placed in service when not the day after its end */
	int useful_life;
	bool has_in_service;
	roadmap_day in_service;
	const char *const *goals; /* ids */
	size_t n_goals;
	const char *const *depends_on; /* ids */
	size_t n_depends_on;
	struct roadmap_actual *actuals; /* sorted by qi, unique */
	size_t n_actuals;
	struct roadmap_reading *progress; /* percent complete */
	size_t n_progress;
	long line; /* the line of its id (an envelope's period) in the file
		    * it was loaded from; 0 for an item added since */
};

struct roadmap_team {
	const char *id;
	int64_t capacity; /* hundredths of an FTE */
	/* from each day on, the capacity in FTE (value, two decimals):
	 * a hiring ramp (roadmap(1), capacity); sorted by day */
	struct roadmap_reading *capacity_changes;
	size_t n_capacity_changes;
	long line; /* the line of its id (an envelope's period) in the file
		    * it was loaded from; 0 for an item added since */
};

/* The team's capacity on day, in hundredths of an FTE: its capacity, or
 * the latest of its capacity_changes on or before day. */
ROADMAP_API int64_t roadmap_team_capacity_on(const struct roadmap_team *t,
					     roadmap_day day);
/* The team's capacity summed over the days from..to (hundredths of an FTE
 * x days; 0 when to < from): a period's day-weighted capacity times its
 * days, what check's capacity-overrun compares a load with. At most
 * 10^8 x 10^5 days: no overflow. */
ROADMAP_API int64_t roadmap_team_capacity_days(const struct roadmap_team *t,
					       roadmap_day from,
					       roadmap_day to);

struct roadmap_budget {
	bool is_year;	    /* fiscal year envelope, else a fiscal quarter */
	int year;	    /* fiscal year */
	int quarter;	    /* 1..4, 0 for a year */
	const char *pillar; /* NULL: all pillars */
	int64_t amount;
	long line; /* the line of its id (an envelope's period) in the file
		    * it was loaded from; 0 for an item added since */
};

struct roadmap_policy {
	int max_open_per_owner;	  /* default 3 */
	double mix_tolerance;	  /* percentage points, default 5 */
	double actuals_tolerance; /* percent, default 10 */
	double goal_tolerance;	  /* progress points, default 10 */
	int useful_life; /* months capex is amortized over, default 36 */
	size_t n_target_mix;
	const char *const *target_mix_pillar;
	const double *target_mix_percent;
};

/* True when an initiative counts (not cancelled or deferred) / is open
 * (counts and not done). */
ROADMAP_API bool roadmap_initiative_counts(const struct roadmap_initiative *i);
ROADMAP_API bool roadmap_initiative_is_open(const struct roadmap_initiative *i);

struct roadmap;

/* A new, empty roadmap with the defaults. NULL when out of memory. */
ROADMAP_API struct roadmap *roadmap_create(void);
/* A deep copy of rm (its scenarios too); NULL when out of memory. */
ROADMAP_API struct roadmap *roadmap_copy(const struct roadmap *rm);
/* Frees a roadmap and everything it owns. Accepts NULL. */
ROADMAP_API void roadmap_destroy(struct roadmap *rm);

/* Top-level settings, owned by the roadmap. name may be NULL;
 * roadmap_pillar_at returns NULL for an index out of range. */
ROADMAP_API const char *roadmap_name(const struct roadmap *rm);
ROADMAP_API const char *roadmap_currency(const struct roadmap *rm);
ROADMAP_API int roadmap_fiscal_start(const struct roadmap *rm);
ROADMAP_API size_t roadmap_pillar_count(const struct roadmap *rm);
ROADMAP_API const char *roadmap_pillar_at(const struct roadmap *rm, size_t i);
ROADMAP_API bool roadmap_has_pillar(const struct roadmap *rm, const char *p);
ROADMAP_API const struct roadmap_policy *
roadmap_policy(const struct roadmap *rm);

/*
 * Setters validate their argument and return ROADMAP_ERR_DATA with a message
 * when it is bad, ROADMAP_ERR_NOMEM when out of memory; on failure the
 * roadmap is unchanged. pillars is a comma-separated list of ids.
 */
ROADMAP_API enum roadmap_status roadmap_set_name(struct roadmap *rm,
						 const char *name,
						 struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_set_currency(struct roadmap *rm,
						     const char *code,
						     struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_set_fiscal_start(struct roadmap *rm, int month,
			 struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_set_pillars(struct roadmap *rm,
						    const char *list,
						    struct roadmap_error *err);

/* The two forms of a report that has them: text for people, or JSON. */
enum roadmap_output {
	ROADMAP_OUTPUT_TEXT,
	ROADMAP_OUTPUT_JSON,
};

/*
 * Settings by key (roadmap(1), config): "name", "currency",
 * "fiscal_year_start", "pillars", "policy.max_open_per_owner",
 * "policy.mix_tolerance", "policy.actuals_tolerance", "policy.goal_tolerance"
 * (the fixed keys, in listing order, from roadmap_config_keys()) and
 * "policy.target_mix.PILLAR". An unknown key is ROADMAP_ERR_USAGE; a bad value
 * ROADMAP_ERR_DATA, with the roadmap unchanged. get sets *value to a malloc'ed
 * text, or NULL when the key is unset and has no default. Setting
 * fiscal_year_start moves every envelope period and actual quarter to the same
 * days in the new calendar, or fails naming the first that is not a whole
 * period of it; pillars may not drop one that is in use. unset restores the
 * default (or removes a target). text is the listing of `roadmap config`:
 * KEY=VALUE lines (ROADMAP_OUTPUT_TEXT), or one JSON object with the file's
 * names (ROADMAP_OUTPUT_JSON).
 */
ROADMAP_API const char *const *roadmap_config_keys(void);
ROADMAP_API enum roadmap_status roadmap_config_get(const struct roadmap *rm,
						   const char *key,
						   char **value,
						   struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_config_set(struct roadmap *rm,
						   const char *key,
						   const char *value,
						   struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_config_unset(struct roadmap *rm,
						     const char *key,
						     struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_config_text(const struct roadmap *rm,
						    enum roadmap_output form,
						    char **out,
						    struct roadmap_error *err);

/*
 * Pointers and lifetimes. The library copies every string and struct it is
 * given (input structs hold const char *: it never keeps, changes or frees
 * the caller's). What it returns belongs to the roadmap: the items of the
 * accessors below, roadmap_name(), roadmap_currency(), roadmap_pillar_at()
 * and roadmap_policy() stay valid until the next call that changes the
 * roadmap (roadmap_add_*, roadmap_set_*, roadmap_remove, roadmap_link,
 * roadmap_depend, roadmap_set_actual, roadmap_unset_actual,
 * roadmap_set_progress, roadmap_set_measurement and their unsets,
 * roadmap_config_set, roadmap_config_unset, roadmap_import,
 * roadmap_schedule_apply) or roadmap_destroy(); indexes may shift after a
 * removal. Reports (findings, budget reports, schedules, rows) are the
 * caller's: release each before changing the roadmap it was made from.
 * Nothing is shared between two roadmaps, so two threads may work on two
 * roadmaps at once; one roadmap is not to be changed by one thread while
 * another reads it.
 */

/* Item access. Indexes follow file order; the _at functions return NULL
 * for an index out of range. The items belong to the roadmap. */
ROADMAP_API size_t roadmap_goal_count(const struct roadmap *rm);
ROADMAP_API const struct roadmap_goal *roadmap_goal_at(const struct roadmap *rm,
						       size_t i);
ROADMAP_API size_t roadmap_initiative_count(const struct roadmap *rm);
ROADMAP_API const struct roadmap_initiative *
roadmap_initiative_at(const struct roadmap *rm, size_t i);
ROADMAP_API size_t roadmap_team_count(const struct roadmap *rm);
ROADMAP_API const struct roadmap_team *roadmap_team_at(const struct roadmap *rm,
						       size_t i);
ROADMAP_API size_t roadmap_budget_count(const struct roadmap *rm);
ROADMAP_API const struct roadmap_budget *
roadmap_budget_at(const struct roadmap *rm, size_t i);

/* Lookups by id (hashed). Return NULL when there is no such item. */
ROADMAP_API const struct roadmap_goal *
roadmap_find_goal(const struct roadmap *rm, const char *id);
ROADMAP_API const struct roadmap_initiative *
roadmap_find_initiative(const struct roadmap *rm, const char *id);
ROADMAP_API const struct roadmap_team *
roadmap_find_team(const struct roadmap *rm, const char *id);
/* Index of a goal or initiative, or -1. */
ROADMAP_API long roadmap_goal_index(const struct roadmap *rm, const char *id);
ROADMAP_API long roadmap_initiative_index(const struct roadmap *rm,
					  const char *id);

/* True when s is a valid id: ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ */
ROADMAP_API bool roadmap_id_valid(const char *s);

/*
 * Adding items. The item is copied; the caller keeps its own strings.
 * Every field is validated, and references (goals, depends_on, team,
 * pillar) must name existing items: ROADMAP_ERR_DATA otherwise, with the
 * roadmap unchanged.
 */
ROADMAP_API enum roadmap_status roadmap_add_goal(struct roadmap *rm,
						 const struct roadmap_goal *g,
						 struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_add_initiative(struct roadmap *rm, const struct roadmap_initiative *in,
		       struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_add_team(struct roadmap *rm,
						 const struct roadmap_team *t,
						 struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_add_budget(struct roadmap *rm, const struct roadmap_budget *b,
		   struct roadmap_error *err);

/* Fills *in / *g with the defaults of a new item (all pointers NULL). */
ROADMAP_API void roadmap_initiative_init(struct roadmap_initiative *in);
ROADMAP_API void roadmap_goal_init(struct roadmap_goal *g);

/*
 * Sets one field of the goal, initiative or team called id from its CLI
 * text form (ROADMAP_FIELD_END with "2026-Q4", ROADMAP_FIELD_GOALS with "a,b",
 * ROADMAP_FIELD_OWNER with "" to clear an
 * optional field). ROADMAP_ERR_DATA for an unknown item, field or bad value,
 * with the roadmap unchanged.
 */
ROADMAP_API enum roadmap_status
roadmap_set_field(struct roadmap *rm, const char *id, const char *field,
		  const char *value, struct roadmap_error *err);

/* The kinds of item (their tables of fields, roadmap_rows_build()). */
enum roadmap_kind {
	ROADMAP_KIND_GOAL,
	ROADMAP_KIND_INITIATIVE,
	ROADMAP_KIND_TEAM,
	ROADMAP_KIND_BUDGET,
};

/*
 * An option of `add` for a kind of item, from the library's table of its
 * fields (roadmap(1), add): the field it sets (give it to
 * roadmap_set_field()), the long option, the name of its value and its
 * help. The strings are static.
 */
struct roadmap_field_option {
	const char *field;  /* "depends_on" */
	const char *option; /* "depends-on" */
	const char *arg;    /* "I" */
	const char *help;
	bool required; /* add needs it */
	bool list;     /* it repeats, or takes a comma list */
	bool flag;     /* it takes no value: given, it sets the field true */
};
/* The option i (from 0) of kind, in the order of add's help: false past
 * the last. */
ROADMAP_API bool roadmap_field_option(enum roadmap_kind kind, size_t i,
				      struct roadmap_field_option *out);
/* The name of field i (from 0) of kind that roadmap_set_field() sets, in
 * the file's order; NULL past the last. */
ROADMAP_API const char *roadmap_field_settable(enum roadmap_kind kind,
					       size_t i);

/*
 * Removes the goal, initiative or team called id (goals and initiatives
 * first). While other items refer to it, refuses with ROADMAP_ERR_DATA
 * unless force is true, which also removes those references.
 */
ROADMAP_API enum roadmap_status roadmap_remove(struct roadmap *rm,
					       const char *id, bool force,
					       struct roadmap_error *err);

/* Adds (on) or removes (!on) a goal link or a dependency. */
ROADMAP_API enum roadmap_status roadmap_link(struct roadmap *rm,
					     const char *initiative,
					     const char *goal, bool on,
					     struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_depend(struct roadmap *rm, const char *initiative,
	       const char *prerequisite, bool on, struct roadmap_error *err);

/* Removes the actual recorded for quarter qi; ROADMAP_ERR_DATA when the
 * initiative has none for it. */
ROADMAP_API enum roadmap_status roadmap_unset_actual(struct roadmap *rm,
						     const char *initiative,
						     int qi,
						     struct roadmap_error *err);
/* Records actual spend for fiscal quarter qi, unsplit, replacing an
 * earlier one. */
ROADMAP_API enum roadmap_status roadmap_set_actual(struct roadmap *rm,
						   const char *initiative,
						   int qi, int64_t amount,
						   struct roadmap_error *err);
/* Records the opex and capex of quarter qi, replacing an earlier actual. */
ROADMAP_API enum roadmap_status
roadmap_set_actual_split(struct roadmap *rm, const char *initiative, int qi,
			 int64_t opex, int64_t capex, struct roadmap_error *err);
/* Records one kind for quarter qi, keeping the other kind of a split
 * actual (0 when there was none). ROADMAP_ERR_DATA when the quarter holds
 * an unsplit actual: its parts were never recorded, so replacing one of
 * them would invent the other. */
ROADMAP_API enum roadmap_status
roadmap_set_actual_kind(struct roadmap *rm, const char *initiative, int qi,
			enum roadmap_spend_kind kind, int64_t amount,
			struct roadmap_error *err);
/*
 * The opex and capex of actual a of initiative in: as recorded when split;
 * else estimated in the initiative's planned capex:opex ratio, the capex
 * rounded half up to the cent and the remainder opex (all opex when it
 * plans no spend). Returns true when estimated.
 */
ROADMAP_API bool roadmap_actual_kinds(const struct roadmap_initiative *in,
				      const struct roadmap_actual *a,
				      int64_t *opex, int64_t *capex);

/* Records that team has fte (hundredths) from day on, replacing a change
 * of that day; removes the change of that day (an error when there is
 * none). */
ROADMAP_API enum roadmap_status roadmap_set_capacity(struct roadmap *rm,
						     const char *team,
						     roadmap_day from,
						     int64_t fte,
						     struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_unset_capacity(struct roadmap *rm, const char *team, roadmap_day from,
		       struct roadmap_error *err);

/*
 * Tracking (roadmap(1), status): records an initiative's percent complete
 * (0-100, at most two decimals) or a goal's measured value as of day, replacing
 * an earlier figure for that day; unset removes it (ROADMAP_ERR_DATA when there
 * is none). A bad id, percent or number is ROADMAP_ERR_DATA with the roadmap
 * unchanged.
 */
ROADMAP_API enum roadmap_status roadmap_set_progress(struct roadmap *rm,
						     const char *initiative,
						     roadmap_day day,
						     double percent,
						     struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_unset_progress(struct roadmap *rm, const char *initiative,
		       roadmap_day day, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_set_measurement(struct roadmap *rm, const char *goal, roadmap_day day,
			double value, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_unset_measurement(struct roadmap *rm, const char *goal,
			  roadmap_day day, struct roadmap_error *err);

/* The length of the character at s[0..n) (1 for a byte that does not
 * begin valid UTF-8, 0 when n is 0), with *unsafe set when it must not be
 * echoed raw to a terminal, a log or a message: a byte of invalid UTF-8, a
 * control character (C0, DEL, C1) or a bidirectional control (U+061C,
 * U+200E, U+200F, U+202A..U+202E, U+2066..U+2069). Such characters are
 * shown with each byte as \xNN (\x1b). */
ROADMAP_API size_t roadmap_text_char(const char *s, size_t n, bool *unsafe);

/* The name among names[0..n) nearest to word, a likely typo of it (at
 * most two edits, or a prefix), or NULL: for "did you mean" messages. */
ROADMAP_API const char *roadmap_nearest(const char *word,
					const char *const *names, size_t n);

/* ------------------------------------------------------------- the file */

/*
 * Parses a roadmap document of len bytes. name is used in error locations.
 * On success *out is a new roadmap the caller destroys. On failure returns
 * ROADMAP_ERR_DATA (with file, line and column, or the JSON path) or
 * ROADMAP_ERR_NOMEM, and *out is NULL.
 */
ROADMAP_API enum roadmap_status
roadmap_load_buffer(const char *name, const char *data, size_t len,
		    struct roadmap **out, struct roadmap_error *err);

/*
 * Reads and parses the file at path ("-" reads stdin). ROADMAP_ERR_NOINPUT
 * when it is missing, not a regular file or unreadable, ROADMAP_ERR_IO on a
 * read error, ROADMAP_ERR_DATA ("changed while reading") when its size or
 * modification time changed while it was read (it is copied, never
 * mapped), else as roadmap_load_buffer().
 */
ROADMAP_API enum roadmap_status roadmap_load_file(const char *path,
						  struct roadmap **out,
						  struct roadmap_error *err);

/*
 * The library starts no thread unless asked. Every load parses each item
 * on its own from the bytes its strict pre-scan found, so no tree of the
 * whole file exists and memory follows the model. With threads, a file of
 * 8 MiB or more is pre-scanned in parts, and a list of 16,384 goals or
 * initiatives or more is read, on every core (at most 8), each a share;
 * the result, errors included, is the same for any number.
 *
 * With cjson_hooks, the library installs cJSON's allocation hooks
 * (cJSON_InitHooks) for the whole process, once: they are malloc and free,
 * except while the loader parses an item, when a buffer of the thread's own
 * holds the item's nodes, freed all at once (a third of the time of a large
 * load). Only a program that installs no cJSON hooks of its own, and asks
 * before a second thread uses cJSON, may set it.
 * The CLI asks for both.
 */
struct roadmap_load_options {
	bool threads;
	bool cjson_hooks;
};
ROADMAP_API enum roadmap_status
roadmap_load_buffer_opt(const char *name, const char *data, size_t len,
			const struct roadmap_load_options *opt,
			struct roadmap **out, struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_load_file_opt(const char *path, const struct roadmap_load_options *opt,
		      struct roadmap **out, struct roadmap_error *err);

/*
 * Reads a whole file ("-": stdin) into a malloc'ed NUL-terminated buffer,
 * with the loader's rules, except that a pipe is accepted too (process
 * substitution: /dev/fd/63; a named FIFO is waited for until a writer
 * opens it): ROADMAP_ERR_NOINPUT when missing, a directory or another kind
 * of file; ROADMAP_ERR_DATA over 1 GiB or when it changed while it was
 * read; ROADMAP_ERR_IO.
 */
ROADMAP_API enum roadmap_status roadmap_read_file(const char *path, char **out,
						  size_t *len,
						  struct roadmap_error *err);

/*
 * The canonical text of the roadmap (roadmap(5)). *out is malloc'ed and
 * NUL-terminated; the caller frees it. ROADMAP_ERR_NOMEM on failure.
 */
ROADMAP_API enum roadmap_status roadmap_save_buffer(const struct roadmap *rm,
						    char **out, size_t *len,
						    struct roadmap_error *err);

/*
 * Writes data to path atomically: a temporary file in the same directory,
 * fsync, rename, fsync of the directory. Keeps the permissions of an
 * existing file and writes through a symlink. The old file is intact on
 * failure: ROADMAP_ERR_CANTCREAT when the file cannot be created,
 * ROADMAP_ERR_IO on a write error.
 */
ROADMAP_API enum roadmap_status roadmap_write_atomic(const char *path,
						     const char *data,
						     size_t len,
						     struct roadmap_error *err);

/* Saves the canonical text of rm to path with roadmap_write_atomic(). */
ROADMAP_API enum roadmap_status roadmap_save_file(const struct roadmap *rm,
						  const char *path,
						  struct roadmap_error *err);

/*
 * An exclusive writer's lock on the sibling file "path.lock" (which is never
 * removed). Waits up to timeout_ms, then returns ROADMAP_ERR_LOCKED.
 * *out is a new lock the caller releases with roadmap_lock_release().
 * Once held, it removes the temporaries that crashed writers (processes no
 * longer running) left beside path: cleanup happens only under the lock.
 */
struct roadmap_lock;
ROADMAP_API enum roadmap_status roadmap_lock_acquire(const char *path,
						     long timeout_ms,
						     struct roadmap_lock **out,
						     struct roadmap_error *err);
/* Releases and frees a lock. Accepts NULL. */
ROADMAP_API void roadmap_lock_release(struct roadmap_lock *lock);

/* ------------------------------------------------------------ scenarios */

/*
 * Scenarios (roadmap(1), scenario; roadmap(5), SCENARIOS): named what-if
 * plans kept in the roadmap's file. A scenario is a set of changes on top
 * of the roadmap: fields set, items added or removed, envelopes and
 * settings changed, each change recording the value the roadmap had when
 * it was made. Seeing the roadmap through a scenario is the roadmap as it
 * is now with the scenario's values in place of its own.
 *
 * Names are as ids; "base" is refused (it names the roadmap in
 * roadmap_scenario_compare()). A missing scenario is ROADMAP_ERR_DATA
 * with a message naming the ones there are.
 */
ROADMAP_API size_t roadmap_scenario_count(const struct roadmap *rm);
/* The name and number of changes of scenario i (NULL and 0 past the
 * last); its index by name, or -1. */
ROADMAP_API const char *roadmap_scenario_name(const struct roadmap *rm,
					      size_t i);
ROADMAP_API size_t roadmap_scenario_changes(const struct roadmap *rm,
					    size_t i);
ROADMAP_API long roadmap_scenario_index(const struct roadmap *rm,
					const char *name);
/* A new, empty scenario, or (from not NULL) a copy of scenario from's
 * changes. */
ROADMAP_API enum roadmap_status roadmap_scenario_new(struct roadmap *rm,
						     const char *name,
						     const char *from,
						     struct roadmap_error *err);
ROADMAP_API enum roadmap_status
roadmap_scenario_remove(struct roadmap *rm, const char *name,
			struct roadmap_error *err);

/*
 * Turns rm into what scenario name sees: its changes applied, and no
 * scenarios of its own left. A change that no longer applies to the
 * roadmap as it is now (its item was removed from the roadmap, or its
 * value with the roadmap's other fields makes an item the file cannot
 * hold) is left out; *skipped (when not NULL) is then a malloc'ed text,
 * one line per change left out, else NULL. With a scenario that has many
 * changes this costs about as much as the changes, not the roadmap.
 */
ROADMAP_API enum roadmap_status roadmap_scenario_use(struct roadmap *rm,
						     const char *name,
						     char **skipped,
						     struct roadmap_error *err);
/* The same into a new roadmap *out (rm unchanged, its scenarios too). */
ROADMAP_API enum roadmap_status
roadmap_scenario_view(const struct roadmap *rm, const char *name,
		      struct roadmap **out, char **skipped,
		      struct roadmap_error *err);

/*
 * Makes scenario name's changes what view (a roadmap seen through it, then
 * edited) differs by from rm: every field, item, envelope and setting
 * that differs, each with the value rm had when the scenario first
 * changed it (for a change it already had) or has now. rm's items are
 * untouched. Editing commands given --scenario run on the view and end
 * here.
 */
ROADMAP_API enum roadmap_status
roadmap_scenario_record(struct roadmap *rm, const char *name,
			const struct roadmap *view, struct roadmap_error *err);

/*
 * A change of the scenario to a value that the roadmap has changed since
 * the change was made: kind ("initiative", "setting", ...), id (the
 * item's, the envelope's key "FY2027/innovation" or the setting's key),
 * field (NULL for a whole item), and the values as JSON text: then (when
 * the change was made), now (the roadmap's), scenario (the change's);
 * "null" for absent. The strings belong to the list.
 */
struct roadmap_scenario_conflict {
	const char *kind, *id, *field;
	const char *then, *now, *scenario;
};
struct roadmap_scenario_conflicts {
	struct roadmap_scenario_conflict *items;
	size_t n;
	char *text_; /* private */
};
ROADMAP_API enum roadmap_status
roadmap_scenario_conflicts(const struct roadmap *rm, const char *name,
			   struct roadmap_scenario_conflicts *out,
			   struct roadmap_error *err);
ROADMAP_API void
roadmap_scenario_conflicts_release(struct roadmap_scenario_conflicts *c);

/*
 * Writes scenario name's changes into rm and removes the scenario. Refuses
 * with ROADMAP_ERR_DATA, rm unchanged, when it has conflicts (see
 * roadmap_scenario_conflicts(), which says which) or when a change does
 * not apply; then err says why. *applied (when not NULL) is the number of
 * changes written.
 */
ROADMAP_API enum roadmap_status roadmap_scenario_apply(struct roadmap *rm,
						       const char *name,
						       size_t *applied,
						       struct roadmap_error *err);

#ifdef __cplusplus
}
#endif

#include "roadmap-report.h"
/* the three-way merge */
#include "roadmap-merge.h"

#endif
