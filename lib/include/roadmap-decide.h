/*
 * roadmap-decide.h - libroadmap's decisions: which initiatives to fund
 * (optimize), when the work will land (forecast), a schedule the teams
 * can do (level) and how scenarios compare.
 *
 * Included by roadmap.h (include either); the conventions are roadmap.h's.
 */
#ifndef ROADMAP_DECIDE_H
#define ROADMAP_DECIDE_H

#include "roadmap-report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ optimize */

enum roadmap_objective {
	ROADMAP_OBJECTIVE_BENEFIT,  /* value = benefit (cents) */
	ROADMAP_OBJECTIVE_PRIORITY, /* value = 6 - priority (points) */
};

enum roadmap_plan_status {
	ROADMAP_PLAN_OPTIMAL,	 /* proven, in exact arithmetic */
	ROADMAP_PLAN_FEASIBLE,	 /* the time limit ended the search */
	ROADMAP_PLAN_INFEASIBLE, /* the kept initiatives alone break a limit */
};

/* What an initiative is worth under an objective: its benefit (cents, 0
 * without one), or 6 - priority (points). */
ROADMAP_API int64_t roadmap_initiative_value(
    const struct roadmap_initiative *in, enum roadmap_objective o);

/* "optimal", "feasible", "infeasible". Static. */
ROADMAP_API const char *roadmap_plan_status_name(enum roadmap_plan_status s);

struct roadmap_optimize_options {
	enum roadmap_objective objective;
	int budget_scale;     /* percent of every envelope, 1..1000 (0: 100) */
	bool ignore_capacity; /* no team capacity limits */
	/* the statuses always funded, a bit (1u << status) each; with
	 * keep_set false, active and done */
	unsigned keep;
	bool keep_set;
	/* initiatives always funded beside those statuses, by id (counting
	 * ones; NULL when n_keep_ids is 0) */
	const char *const *keep_ids;
	size_t n_keep_ids;
	/* wall-clock seconds for the whole call, frontier included (0: 30) */
	double time_limit;
	bool frontier; /* also solve at 100, 95, ... 50 % of the scale */
	/* decide from a day (roadmap(1), optimize --as-of): envelopes that
	 * ended before it are history, spend before it is sunk, work done or
	 * ended before it is funded, started work may be stopped */
	bool has_as_of;
	roadmap_day as_of;
	bool explain; /* also the value lost if each decision flipped */
};

/* One envelope under a plan: its amount scaled, and what the plan uses. */
struct roadmap_plan_envelope {
	size_t budget; /* index of the envelope (roadmap_budget_at) */
	int64_t amount;
	int64_t used; /* with as_of: spend before it, then the plan's */
	bool past;    /* with as_of: ended before it (history, unscaled) */
};

/* Why one decision (--explain): the optimum with it flipped. */
struct roadmap_plan_reason {
	size_t index; /* the initiative (roadmap_initiative_at) */
	bool funded;  /* the plan's decision; flipped: forced out, or in */
	/* the solve with it flipped: optimal (exact), feasible (the time
	 * limit stopped it: lost is from the best plan found, lost_min
	 * from the solve's bound) or infeasible (it cannot be funded with
	 * the kept ones; no lost) */
	enum roadmap_plan_status status;
	int64_t lost;	  /* the plan's value minus that solve's */
	int64_t lost_min; /* the least it can be: lost when optimal */
	/* cut: the first limit it breaks when added to the plan alone (an
	 * envelope, "team@quarter"), or "prerequisite ID" when one of those
	 * is cut, or "" when it breaks none (it adds no value); funded: "" */
	char reason[112];
};

/* The optimum at one budget scale (--frontier). */
struct roadmap_plan_point {
	int budget_scale;
	enum roadmap_plan_status status;
	int64_t value, spend;
	size_t n_cut;
};

struct roadmap_plan {
	enum roadmap_objective objective;
	int budget_scale;
	enum roadmap_plan_status status;
	int64_t value;	      /* of the funded initiatives */
	int64_t value_all;    /* of every counting initiative */
	int64_t bound;	      /* the best value possible, exact */
	double gap;	      /* (bound - value) / bound; 0 when optimal */
	int64_t spend;	      /* the funded initiatives' planned total */
	size_t *funded, *cut; /* initiative indexes, in file order */
	size_t n_funded, n_cut;
	struct roadmap_plan_envelope *envelopes; /* in file order */
	size_t n_envelopes;
	/* infeasible: an envelope ("2026-Q3", "FY2027/innovation") or a
	 * team's quarter ("platform@2026-Q3") the kept ones alone break */
	char breaks[96];
	struct roadmap_plan_point *frontier; /* 100 % first */
	size_t n_frontier;
	bool has_as_of;
	roadmap_day as_of;
	/* explain: every counting initiative not kept, in file order */
	struct roadmap_plan_reason *reasons;
	size_t n_reasons;
};

/*
 * Which counting initiatives to fund (roadmap(1), optimize): a 0/1
 * program over them, every envelope (scaled) holding the planned spend of
 * the funded ones in its scope, every team's quarterly load within its
 * capacity, funded work with its counting prerequisites funded, the kept
 * statuses and ids funded; maximising the value, then the least planned
 * spend (from as_of on, with has_as_of).
 * Searched with COIN-OR CBC (silenced) and proven optimal in exact
 * arithmetic, or feasible with the exact bound when the time limit (wall
 * clock, the whole call) ends the search. An infeasible plan is a result
 * (status, breaks), not an error. The caller's signal dispositions are as
 * it left them on return; calls from several threads run their solves one
 * at a time (CBC keeps global state). ROADMAP_ERR_DATA for a dependency
 * cycle, a sum past the largest amount or a kept id that is no counting
 * initiative, ROADMAP_ERR_USAGE for bad options, ROADMAP_ERR_NOMEM.
 * Release *out with roadmap_plan_release().
 */
ROADMAP_API enum roadmap_status
roadmap_optimize(const struct roadmap *rm,
		 const struct roadmap_optimize_options *o,
		 struct roadmap_plan *out, struct roadmap_error *err);
ROADMAP_API void roadmap_plan_release(struct roadmap_plan *p);

/* The JSON of roadmap(1), optimize. *out is malloc'ed; the caller frees it. */
ROADMAP_API enum roadmap_status roadmap_plan_json(const struct roadmap *rm,
						  const struct roadmap_plan *p,
						  char **out,
						  struct roadmap_error *err);

/* ------------------------------------------------------------ forecast */

struct roadmap_forecast_options {
	unsigned long trials; /* 1..10,000,000 (0: 10,000) */
	uint64_t seed;	      /* with seed_set; else 1 */
	bool seed_set;
	/* threads the library may start (1..64; 0 or 1: none): the result
	 * is the same for any number */
	int threads;
	/* forecast from a day (roadmap(1), forecast --as-of): done work
	 * fixed, started work runs its remaining share from it */
	bool has_as_of;
	roadmap_day as_of;
};

struct roadmap_forecast_initiative {
	size_t index; /* roadmap_initiative_at() */
	roadmap_day planned_end;
	roadmap_day p50, p80, p95;
	double on_time; /* fraction of trials ending on or before plan */
	bool estimated; /* its duration is drawn (an estimate, not done) */
	bool moved;	/* its end differs from the planned end in a trial */
};

struct roadmap_forecast_goal {
	size_t index; /* roadmap_goal_at() */
	bool has_due;
	roadmap_day due;
	bool any; /* some counting initiative serves it (else no dates) */
	roadmap_day p50, p80, p95; /* when all of them have ended */
	double on_time;		   /* by its due date (0 without one) */
};

struct roadmap_forecast {
	unsigned long trials;
	uint64_t seed;
	bool has_as_of;
	roadmap_day as_of;
	bool estimated; /* some initiative has an estimate */
	struct roadmap_forecast_initiative *initiatives; /* counting, in
							    file order */
	size_t n_initiatives;
	struct roadmap_forecast_goal *goals; /* every goal, in file order */
	size_t n_goals;
	bool any; /* some initiative counts */
	roadmap_day end_p50, end_p80, end_p95;
	int64_t cost_p50, cost_p80, cost_p95;
};

/*
 * Monte Carlo dates and costs (docs/roadmap.1.scd, forecast): per trial,
 * triangular durations from the optimistic, planned and pessimistic ends
 * (whole days, halves up) through the schedule's forward pass, opex at the
 * planned daily rate; nearest-rank P50/P80/P95 and on-time fractions over
 * the trials, in memory that grows with initiatives x trials at most. The
 * generator is PCG32, each trial's seeded from SplitMix64 (independent
 * trials). ROADMAP_ERR_DATA for a dependency cycle, ROADMAP_ERR_USAGE for
 * bad options. Release with roadmap_forecast_release().
 */
ROADMAP_API enum roadmap_status
roadmap_forecast(const struct roadmap *rm,
		 const struct roadmap_forecast_options *o,
		 struct roadmap_forecast *out, struct roadmap_error *err);
ROADMAP_API void roadmap_forecast_release(struct roadmap_forecast *f);
/* The JSON of docs/roadmap.1.scd, forecast. *out is malloc'ed; the
 * caller frees it. */
ROADMAP_API enum roadmap_status
roadmap_forecast_json(const struct roadmap *rm,
		      const struct roadmap_forecast *f, char **out,
		      struct roadmap_error *err);
/* The initiatives' rows (id, planned_end, p50, p80, p95, on_time) for CSV;
 * release with roadmap_rows_release(). */
ROADMAP_API enum roadmap_status
roadmap_forecast_rows(const struct roadmap *rm,
		      const struct roadmap_forecast *f,
		      struct roadmap_rows *out, struct roadmap_error *err);

/* ------------------------------------------------------------- level */

struct roadmap_level_options {
	/* the day levelling decides from: work started before it is fixed,
	 * quarters that ended before it are history */
	roadmap_day as_of;
	/* initiatives that keep their dates, by id (NULL when n_pins is 0) */
	const char *const *pins;
	size_t n_pins;
	int horizon_weeks; /* the most an initiative is delayed, 1..520 (0:
			      52) */
	/* wall-clock seconds for the exact search (0: 60); past it, the
	 * best plan found is reported as feasible */
	double time_limit;
};

/* The objective of a levelled plan, compared in this order. */
struct roadmap_level_objective {
	/* over counting initiatives and each goal with a due date they
	 * serve: the days their end is past it */
	int64_t late_days;
	int64_t delay_days; /* the moved initiatives' delays summed */
	bool has_end;	    /* some initiative counts */
	roadmap_day end;    /* the last end of a counting initiative */
};

struct roadmap_level_move {
	size_t index; /* roadmap_initiative_at() */
	int weeks;
	roadmap_day start, end; /* the new dates */
	/* why not a week earlier: "TEAM@QUARTER is full", "prerequisite ID
	 * moved" or "prerequisite ID ends DATE"; "" when unknown (a plan the
	 * time limit stopped) */
	char reason[112];
};

/* A goal some counting initiative ends past the due date of. */
struct roadmap_level_goal {
	size_t index; /* roadmap_goal_at() */
	roadmap_day due;
	int64_t late_days, late_days_before; /* summed over its work */
};

/* One team's load in one fiscal quarter, as check's capacity-overrun
 * counts it: hundredths of an FTE x days (divide by days for FTE). */
struct roadmap_level_load {
	size_t team; /* roadmap_team_at() */
	int qi;	     /* roadmap_quarter_of() */
	int64_t days;
	int64_t capacity, before, after;
	bool past; /* ended before as_of: history, not levelled */
};

struct roadmap_level {
	enum roadmap_plan_status status;
	roadmap_day as_of;
	int horizon_weeks;
	size_t movable; /* initiatives levelling could move */
	bool exact;	/* searched exactly (at most 30 movable) */
	struct roadmap_level_objective before, objective, bound;
	struct roadmap_level_move *moves; /* in file order */
	size_t n_moves;
	struct roadmap_level_goal *late_goals; /* late after; file order */
	size_t n_late_goals;
	/* every team and quarter with a load before or after, by team then
	 * quarter */
	struct roadmap_level_load *loads;
	size_t n_loads;
	/* infeasible: what cannot be met ("platform@2026-Q3", or the
	 * initiative's id), and why, one line for people */
	char breaks[96];
	char why[320];
};

/*
 * Delays initiatives by whole weeks so that no team's load in a quarter
 * ending on or after as_of exceeds its capacity and every dependency
 * between counting initiatives is finish-to-start (roadmap(1), schedule
 * --level; docs/decisions.md, "Levelling"). Fixed: pinned work, work
 * started before as_of, done and non-counting work. The objective:
 * fewest days past goal due dates, then fewest days of delay, then the
 * earliest last end; proven with CBC for up to 30 movable initiatives,
 * else a serial schedule with its bound. The same input gives the same
 * plan. An infeasible plan is a result (status, breaks, why), not an
 * error. ROADMAP_ERR_DATA for a dependency cycle or a pin that names no
 * initiative, ROADMAP_ERR_USAGE for bad options, ROADMAP_ERR_NOMEM.
 * Release *out with roadmap_level_release().
 */
ROADMAP_API enum roadmap_status
roadmap_level(const struct roadmap *rm, const struct roadmap_level_options *o,
	      struct roadmap_level *out, struct roadmap_error *err);
ROADMAP_API void roadmap_level_release(struct roadmap_level *l);
/* Moves the initiatives of plan l by its weeks (start, end and estimates
 * together), all or none: ROADMAP_ERR_DATA when a date would leave the
 * years 1900-2200. *moved, when not NULL, is how many moved. */
ROADMAP_API enum roadmap_status
roadmap_level_apply(struct roadmap *rm, const struct roadmap_level *l,
		    size_t *moved, struct roadmap_error *err);
/* The JSON of roadmap(1), schedule --level. *out is malloc'ed; the caller
 * frees it. */
ROADMAP_API enum roadmap_status
roadmap_level_json(const struct roadmap *rm, const struct roadmap_level *l,
		   char **out, struct roadmap_error *err);
/* The moves as rows for CSV: id, weeks, start, end, reason. Release with
 * roadmap_rows_release(). */
ROADMAP_API enum roadmap_status
roadmap_level_rows(const struct roadmap *rm, const struct roadmap_level *l,
		   struct roadmap_rows *out, struct roadmap_error *err);

/* ---------------------------------------------------- scenario compare */

/*
 * One column of roadmap(1), scenario compare: the figures of the roadmap
 * (name "base") or of one scenario, each what the command itself prints
 * on the roadmap that `scenario export NAME` writes. Money in cents.
 */
struct roadmap_scenario_figures {
	const char *name; /* "base", or the roadmap's name of the scenario */
	size_t changes;	  /* the scenario's changes; 0 for the base */
	/* budget's TOTAL row: planned (opex + capex), opex, capex */
	int64_t planned, opex, capex;
	/* planned per fiscal year, budget --by year: one per
	 * roadmap_scenario_comparison.years, 0 where it has no such row */
	const int64_t *by_year;
	/* the TOTAL row's variance of budget --by year; meaningless
	 * without has_variance (no envelope) */
	bool has_variance;
	int64_t variance;
	/* check (no day): errors, warnings and capacity-overrun findings */
	size_t errors, warnings, capacity_overruns;
	/* counting initiatives, the sum of their benefit, and the goals
	 * at least one of them serves */
	size_t counting;
	int64_t value;
	size_t goals_served;
	/* against the base, by id: only in the scenario (added), only in
	 * the base (removed), in both but counting only in the base (cut),
	 * in both with another start or end (moved); 0 for the base */
	size_t added, removed, cut, moved;
	/* the portfolio's P50 and P80 end (forecast, seed 1, 2,000
	 * trials); has_end false when nothing counts or, with cycle, when
	 * a dependency cycle leaves no forecast */
	bool has_end, cycle;
	roadmap_day end_p50, end_p80;
	/* the scenario's changes left out (roadmap_scenario_view()), one
	 * line each, or NULL */
	char *skipped;
};

struct roadmap_scenario_comparison {
	struct roadmap_scenario_figures *rows; /* the base first */
	size_t n;
	int *years; /* every fiscal year of any row, ascending */
	size_t n_years;
	int64_t *by_year_; /* private: where the rows' by_year are */
};

struct roadmap_scenario_compare_options {
	/* threads the forecasts may start, as roadmap_forecast_options */
	int threads;
};

/*
 * The base and the n scenarios names (NULL or n 0: every scenario, in
 * the file's order) side by side (roadmap(1), scenario compare). Each
 * scenario is seen (roadmap_scenario_view()), worked out and let go
 * before the next. A missing scenario is ROADMAP_ERR_DATA naming the
 * ones there are; a sum past the largest amount is ROADMAP_ERR_DATA (with
 * the scenario in err->where, "scenario \"NAME\"", when it is one's);
 * ROADMAP_ERR_NOMEM. *out is caller storage,
 * released with roadmap_scenario_comparison_release() (which accepts one
 * that failed). The _opt form takes options (NULL: no thread).
 */
ROADMAP_API enum roadmap_status
roadmap_scenario_compare(const struct roadmap *rm, const char *const *names,
			 size_t n, struct roadmap_scenario_comparison *out,
			 struct roadmap_error *err);
ROADMAP_API enum roadmap_status roadmap_scenario_compare_opt(
    const struct roadmap *rm, const char *const *names, size_t n,
    const struct roadmap_scenario_compare_options *o,
    struct roadmap_scenario_comparison *out, struct roadmap_error *err);
ROADMAP_API void
roadmap_scenario_comparison_release(struct roadmap_scenario_comparison *c);
/*
 * The comparison for people, a line per figure (roadmap(1), scenario
 * compare; the deck's and the page's table): how many lines, and line k's
 * label ("Planned", "  Opex", "  FY2027", ...; static, or written into buf
 * of 16 bytes) and figure for row r. has is false where the figure is null
 * (no envelope, no forecast), cycle when a dependency cycle left the
 * forecast out.
 */
enum roadmap_figure_kind {
	ROADMAP_FIGURE_MONEY, /* cents */
	ROADMAP_FIGURE_COUNT,
	ROADMAP_FIGURE_DATE, /* a roadmap_day */
	ROADMAP_FIGURE_FLAG, /* 0 or 1 */
};
struct roadmap_scenario_line {
	const char *label;
	enum roadmap_figure_kind kind;
	bool has, cycle;
	int64_t value;
};
ROADMAP_API size_t
roadmap_scenario_comparison_lines(const struct roadmap_scenario_comparison *c);
ROADMAP_API void
roadmap_scenario_comparison_line(const struct roadmap_scenario_comparison *c,
				 size_t k, size_t r,
				 struct roadmap_scenario_line *out, char *buf);
/*
 * {"scenarios": [{"name", "changes", "planned", "opex", "capex",
 * "planned_by_year": {"FY2026": ...}, "envelope_variance", "errors",
 * "warnings", "capacity_overruns", "counting_initiatives", "value",
 * "goals_served", "added", "removed", "cut", "moved", "p50_end",
 * "p80_end", "dependency_cycle"}]}, the base first; money as the other
 * reports write it, dates YYYY-MM-DD, null where a figure has none.
 * *out is malloc'ed; the caller frees it. ROADMAP_ERR_NOMEM.
 */
ROADMAP_API enum roadmap_status
roadmap_scenario_comparison_json(const struct roadmap_scenario_comparison *c,
				 char **out, struct roadmap_error *err);
/* The same as rows for CSV, one per scenario: name, changes, planned,
 * opex, capex, one column per fiscal year ("FY2026"), then the JSON's
 * other members in its order. Release with roadmap_rows_release(). */
ROADMAP_API enum roadmap_status
roadmap_scenario_comparison_rows(const struct roadmap_scenario_comparison *c,
				 struct roadmap_rows *out,
				 struct roadmap_error *err);

#ifdef __cplusplus
}
#endif

#endif
