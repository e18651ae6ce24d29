/*
 * internal.h - private types and helpers shared by the library's files.
 *
 * Each group names the file that defines it, by its folder under lib/
 * (base, model, file, import, analysis, decide, render: a folder uses only
 * its own files and the folders before it; see lib/meson.build).
 */
#ifndef ROADMAP_INTERNAL_H
#define ROADMAP_INTERNAL_H

#include "roadmap.h"
#include "wide.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <time.h>

#define ROADMAP_TEXT_MAX 1000 /* characters in a text field */

/* An open-addressing hash of id -> index, rebuilt after removals
 * (base/idmap.c). A
 * slot holds its key's hash, the key and the value side by side: a probe
 * is one cache line (a million ids do not fit in any cache). */
struct idmap_slot {
	uint64_t hash;
	const char *key; /* NULL: empty */
	size_t val;
};
struct idmap {
	size_t cap; /* power of two, or 0 */
	size_t used;
	struct idmap_slot *slots;
};

void idmap_release(struct idmap *m);
/* Returns false when out of memory. */
bool idmap_put(struct idmap *m, const char *key, size_t val);
/* Returns true and sets *val when key is present. */
bool idmap_get(const struct idmap *m, const char *key, size_t *val);
/* Adds key unless it is present: 1 when added, 0 when present (*old set
 * to its value, the map unchanged), -1 when out of memory. One probe. */
int idmap_add(struct idmap *m, const char *key, size_t val, size_t *old);
/* The same with the key's hash, worked out ahead with idmap_hash() while
 * idmap_prefetch() brings its slot in (see idmap_get_all()). */
uint64_t idmap_hash(const char *key);
void idmap_prefetch(const struct idmap *m, uint64_t h);
bool idmap_get_h(const struct idmap *m, const char *key, uint64_t h,
		 size_t *val);
int idmap_add_h(struct idmap *m, const char *key, uint64_t h, size_t val,
		size_t *old);
/* vals[i]: the value of keys[i], unknown when it is absent, none when
 * keys[i] is NULL. Many cache misses at once instead of one after another. */
void idmap_get_all(const struct idmap *m, const char *const *keys, size_t n,
		   size_t *vals, size_t unknown, size_t none);
void idmap_clear(struct idmap *m);
/* Room for n keys without rehashing; false when out of memory. */
bool idmap_reserve(struct idmap *m, size_t n);
/* The index of the first of s[0..n) that repeats an earlier one, or n
 * when all differ (or, with *nomem set, when memory ran out). Hashed:
 * linear in n. */
size_t rm_first_duplicate(const char *const *s, size_t n, bool *nomem);

/* The first column of a budget view's rows: period, pillar, goal, team
 * (analysis/budget.c). */
const char *rm_budget_row_key(enum roadmap_budget_by by);

/* analysis/findings.c: a finding's fingerprint from its code, subject, related
 * ids, an optional extra key and its rank among equals (0 for the first); and
 * every finding's, made distinct (false when out of memory). */
void rm_finding_fingerprint(struct roadmap_finding *x, const char *extra,
			    size_t rank);
bool rm_findings_fingerprints(struct roadmap_findings *f);
/* Sorts findings (severity, code, subject, then as found) and counts
 * them by severity; false when out of memory. */
bool rm_findings_sort(struct roadmap_findings *f);
/* Whether the finding's subject or one of its related ids is id. */
bool rm_finding_concerns(const struct roadmap_finding *x, const char *id);

/* decide/forecast-random.c: PCG32 (O'Neill's pcg32_srandom_r /
 * pcg32_random_r); output k (1, 2, ...) of SplitMix64 seeded with seed
 * (Vigna's splitmix64.c);
 * trial t's generator, PCG32 seeded with SplitMix64's outputs 2t + 1 and
 * 2t + 2; and a triangular draw in whole days (halves up) from a uniform
 * u in [0, 1). */
struct rm_pcg32 {
	uint64_t state, inc;
};
void rm_pcg32_seed(struct rm_pcg32 *r, uint64_t initstate, uint64_t initseq);
uint32_t rm_pcg32_next(struct rm_pcg32 *r);
uint64_t rm_splitmix64(uint64_t seed, uint64_t k);
void rm_forecast_rng(struct rm_pcg32 *r, uint64_t seed, uint64_t trial);
int64_t rm_triangular_days(double u, int64_t lo, int64_t mode, int64_t hi);
/* decide/forecast-select.c: puts the k-th smallest of a[0..n) (from 0) at
 * a[k], none greater before it and none smaller after (nth_element), in
 * O(n) expected time and O(n log n) at worst. */
void rm_select_day(roadmap_day *a, size_t n, size_t k);

/* The exports' forecast (decide/forecast.c: 10,000 trials, fewer past
 * 1,000 initiatives so that it stays below 10^7 initiative-trials; seed 1,
 * one thread) when some counting initiative has an estimate and the
 * schedule has no cycle: *have says whether *out holds one (release it
 * then). refs and g are the roadmap's references and graph (graph.h),
 * only read. */
struct rm_refs;
struct rm_graph;
enum roadmap_status rm_export_forecast(const struct roadmap *rm,
				       const struct rm_refs *refs,
				       const struct rm_graph *g,
				       struct roadmap_forecast *out, bool *have,
				       struct roadmap_error *err);

/* The fiscal quarters an envelope covers (model/roadmap.c): returns the
 * first, sets *last (when not NULL) to the last (the same for a quarter,
 * +3 for a year). */
int rm_budget_quarters(const struct roadmap_budget *b, int *last);

/* An initiative's load on its team in fiscal quarter qi, as
 * capacity-overrun counts it (analysis/check.c): fte (hundredths) x the
 * days it runs there (0 outside its dates). */
int64_t rm_quarter_load(const struct roadmap_initiative *in, int qi, int fs);
/* The same with the initiative moved days later (levelling's delays). */
int64_t rm_quarter_load_moved(const struct roadmap_initiative *in, int64_t days,
			      int qi, int fs);

/*
 * Planned spend by quarter row of a budget report (by quarter) and pillar
 * (the last pillar column is none or undeclared), the mix by pillar, and
 * which pillars are shown: the declared ones, and (none) only when it has
 * spend (nc of them). Every sum is at most the report's total, which it
 * has checked. For the deck's Summary and the HTML page; false when out of
 * memory (analysis/spend.c).
 */
struct rm_pillar_spend {
	size_t np, nc;
	int64_t *cell; /* rows x np */
	int64_t *mix;
	bool *show;
};
bool rm_pillar_spend(const struct roadmap *rm, const struct roadmap_spend *sp,
		     const struct roadmap_budget_report *br,
		     struct rm_pillar_spend *bp);
void rm_pillar_spend_release(struct rm_pillar_spend *bp);

/*
 * The headline envelope of every export (the deck, the HTML page,
 * Markdown): the year view's total row of `budget --by year`, so the
 * all-pillar envelopes only (or the one pillar's of rm_envelope_pillar()),
 * each fiscal year's envelope where it has one,
 * else its quarter envelopes (docs/roadmap.1.scd, export), from the
 * roadmap's spend table sp. Fails as roadmap_budget_report()
 * (analysis/budget.c).
 */
struct rm_headline {
	bool has_envelope;
	int64_t envelope, covered, variance;
	/* "Envelopes (all pillars, by fiscal year)", or, in a roadmap whose
	 * envelopes in those views are one pillar's (rm_envelope_pillar(): a
	 * selection by that pillar alone), "Envelopes (secure, by fiscal
	 * year)" */
	char label[160];
};
enum roadmap_status rm_headline_envelope(const struct roadmap *rm,
					 const struct roadmap_spend *sp,
					 struct rm_headline *out,
					 struct roadmap_error *err);
/* roadmap_budget_report() from the roadmap's spend table sp, built once
 * for every report of an export; sp is only read (analysis/budget.c). */
enum roadmap_status rm_budget_report_from(const struct roadmap *rm,
					  const struct roadmap_spend *sp,
					  enum roadmap_budget_by by,
					  struct roadmap_budget_report *out,
					  struct roadmap_error *err);
/* roadmap_capitalization() from the roadmap's spend table sp (the plan
 * basis reads it; the actual basis does not), built once for every report
 * of an export; sp is only read (analysis/capital.c). */
enum roadmap_status rm_capitalization_from(const struct roadmap *rm,
					   const struct roadmap_spend *sp,
					   enum roadmap_capital_basis basis,
					   enum roadmap_capital_by by,
					   struct roadmap_capital_report *out,
					   struct roadmap_error *err);
/* The fiscal quarter number of a quarter row's label ("2026-Q3"), and the
 * index of a declared pillar, or n_pillars for none or undeclared
 * (analysis/spend.c). */
int rm_budget_row_quarter(const struct roadmap_budget_row *x);
size_t rm_pillar_index(const struct roadmap *rm, const char *p);

/* The HTML report (render/export-html.c, roadmap(1), export --format html): as
 * of opt's day (goals' states, the today line), *out malloc'ed. */
enum roadmap_status rm_export_html(const struct roadmap *rm,
				   const struct roadmap_export_options *opt,
				   char **out, size_t *len,
				   struct roadmap_error *err);

/* What every export says under a budget table whose actual opex and
 * capex are estimated in part, those cells marked "~" (render/). */
#define RM_ESTIMATED_SPLIT                                                     \
	"~ estimated: unsplit actuals split in their initiative's planned "    \
	"capex:opex ratio"

/* What every export says under its budget table (the quarter view br):
 * "Planned spend no envelope covers: USD 194,366.20" and, where the
 * Uncovered column's total differs (it counts only each row's own
 * envelopes), "; Uncovered counts each row's own envelopes only: USD
 * 410,171.84 of it falls in quarters that other envelopes span", into buf
 * (analysis/budget.c). */
#define RM_UNCOVERED_NOTE 256
void rm_uncovered_note(const struct roadmap_budget_report *br,
		       const char *currency, char *buf);

/* What every export says after a scenario's name (render/). */
#define RM_WHAT_IF "(a what-if plan, not the roadmap itself)"

/* The iCalendar file (render/export-ics.c, roadmap(1), export --format
 * ics), *out malloc'ed. */
enum roadmap_status rm_export_ics(const struct roadmap *rm,
				  const struct roadmap_export_options *opt,
				  char **out, size_t *len,
				  struct roadmap_error *err);

/* The pillars of a roadmap that declares none (roadmap(1), PERIODS AND
 * AMOUNTS; model/roadmap.c). */
#define RM_DEFAULT_PILLARS 4
extern const char *const rm_default_pillars[RM_DEFAULT_PILLARS];

enum item_kind { ITEM_NONE, ITEM_GOAL, ITEM_INITIATIVE };

/* The roadmap: its settings, its items in file order and their indexes
 * (model/roadmap.c). */
struct roadmap {
	char *name;
	char currency[4];
	int fiscal_start;
	bool default_pillars; /* pillars were not declared in the file */
	char **pillars;
	size_t n_pillars;
	struct roadmap_policy policy;

	struct roadmap_team *teams;
	size_t n_teams, cap_teams;
	struct roadmap_goal *goals;
	size_t n_goals, cap_goals;
	struct roadmap_initiative *inits;
	size_t n_inits, cap_inits;
	struct roadmap_budget *budgets;
	size_t n_budgets, cap_budgets;

	struct idmap goal_ids;
	struct idmap init_ids;
	struct idmap team_ids;
	/* envelopes by rm_budget_key ("2026-Q3", "FY2027/innovation") */
	struct idmap budget_ids;
	char **budget_keys; /* cap_budgets of them, one per envelope */

	/* what-if plans kept with it (roadmap(1), scenario) */
	struct rm_scenario *scenarios;
	size_t n_scenarios;
	/* a roadmap seen through a scenario: the scenario's changes that were
	 * left out of it, recorded again by roadmap_scenario_record() */
	struct rm_scenario *left_out;

	/* when the file it was loaded from was last modified, or 0 */
	time_t saved;
};

/*
 * A scenario (model/scenario.c, file/scenario.c): a name and its changes.
 * A change is one field of one item (field set), a whole item (field
 * NULL: added when base is null, removed when value is null), or one
 * setting (kind RM_CH_SETTING, id its `config` key). base is the value
 * the roadmap had when the change was made, value the scenario's; JSON,
 * the form of `list --format json` for a field or a setting (null:
 * absent), the file's object for a whole item.
 */
enum rm_change_kind {
	RM_CH_SETTING,
	RM_CH_TEAM,
	RM_CH_GOAL,
	RM_CH_INITIATIVE,
	RM_CH_BUDGET,
	RM_CH_KINDS
};
struct rm_change {
	enum rm_change_kind kind;
	char *id;
	char *field;
	struct cJSON *base, *value;
};
struct rm_scenario {
	char *name;
	struct rm_change *changes;
	size_t n;
};
/* The word of a kind of change ("setting", "initiative"), and back (-1). */
extern const char *const rm_change_kinds[RM_CH_KINDS];
int rm_change_kind_parse(const char *word);
void rm_change_release(struct rm_change *c);
void rm_scenario_release(struct rm_scenario *s);
/* Appends a scenario (taking its members) or a change; false when out of
 * memory (nothing taken). */
bool rm_scenario_push(struct roadmap *rm, const struct rm_scenario *s);
bool rm_change_push(struct rm_scenario *s, const struct rm_change *c);
/* The scenario called name, or NULL with the error (ROADMAP_ERR_DATA,
 * naming the scenarios there are) in err. */
struct rm_scenario *rm_scenario_named(const struct roadmap *rm,
				      const char *name,
				      struct roadmap_error *err);
/* The roadmap's settings as `config` names them, one member a key
 * ("policy.mix_tolerance", "policy.target_mix.PILLAR"; defaults filled
 * in); a pillar that has a target only in other's mix is null here
 * (model/config.c). NULL when out of memory. */
struct cJSON *rm_settings_json(const struct roadmap *rm,
			       const struct roadmap *other);

/* The policy's numbers (model/config.c), described once: loading, saving, the
 * exports, `config` and import's comparison walk this table. */
struct rm_policy_number {
	const char *key; /* the file's name, "mix_tolerance" */
	size_t offset;	 /* in struct roadmap_policy */
	bool integer;	 /* an int field, else a double */
	double lo, hi, def;
	const char *unit; /* for messages: " (percent)" */
};
extern const struct rm_policy_number rm_policy_numbers[]; /* NULL key ends */
double rm_policy_get(const struct roadmap_policy *p,
		     const struct rm_policy_number *s);
void rm_policy_defaults(struct roadmap_policy *p);
/* Appends a pillar's target share to the mix (model/config.c); ROADMAP_OK or
 * ROADMAP_ERR_NOMEM. */
enum roadmap_status rm_target_mix_push(struct roadmap_policy *p,
				       const char *pillar, double percent);
/* NULL when v is in s's range, else why, written into buf. */
const char *rm_policy_check(const struct rm_policy_number *s, double v,
			    char *buf, size_t size);
bool rm_policy_equal(const struct roadmap_policy *a,
		     const struct roadmap_policy *b);

/* Error helpers (base/error.c): fill err (if any) and return status. */
enum roadmap_status rm_fail(struct roadmap_error *err, enum roadmap_status st,
			    const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
enum roadmap_status rm_nomem(struct roadmap_error *err);
/* "WHAT adds up to more than the largest amount this tool can hold". */
enum roadmap_status rm_overflow(struct roadmap_error *err, const char *what);

/* The fiscal quarter (or, with year, the fiscal year starting at quarter
 * qi) of calendar src_fs as the same days in calendar dst_fs: false when
 * they are not one whole period there; *out is its quarter number
 * (base/period.c). */
bool rm_map_period(int src_fs, int dst_fs, bool year, int qi, int *out);

/* Dates (base/period.c): a day the file can hold (1900-01-01 .. 2200-12-31). */
bool rm_day_in_range(roadmap_day day);
/* Fiscal quarter qi lies wholly in the years 1900-2200 under fiscal year
 * start fs (its label's year may be 2201: docs/roadmap.5.scd). */
bool rm_quarter_in_range(int qi, int fs);
/* s has the form of a fiscal quarter or year label (YYYY-Qn, FYYYYY),
 * whether or not its days are in range. */
bool rm_fiscal_label(const char *s);
/* NULL when an initiative's dates can be saved and loaded again, else
 * why ("end 2025-01-01 is before start 2027-01-01"), written into buf. */
const char *rm_dates_problem(const struct roadmap_initiative *in, char *buf,
			     size_t size);

/* Numbers (base/number.c): value = [-]digits x 10^exp, digits without leading
 * or trailing zeros ("0" for zero). */
struct rm_decimal {
	bool neg;
	char digits[20];
	int exp;
};
/* NULL when s[0..len) is a JSON number a double holds exactly as written
 * (at most 15 significant digits, in range, not -0), with *d filled; else
 * why not ("has more than 15 significant digits, ..."). */
const char *rm_number_check(const char *s, size_t len, struct rm_decimal *d);
/* s begins as a JSON number does ("-" and a digit, or a digit): text the
 * number rules refuse is then a number out of range or written too
 * finely, and says so, rather than "not a percent" or the like. */
bool rm_number_shaped(const char *s);
/* The double nearest d, read the same in every locale. */
double rm_decimal_value(const struct rm_decimal *d);

/* Whether s[0..len), digits and ',', groups thousands as amounts are
 * written: 1 to 3 digits, then ",ddd" groups, or no ',' at all
 * (base/money.c; the money and the books' exact parsers). */
bool rm_grouping_ok(const char *s, size_t len);

/* Text helpers (base/text.c). */
char *rm_strdup(const char *s);
/* The index of name among words[0..n-1] (NULL entries never match), or
 * -1: what the roadmap_*_parse() functions of a word list return. */
int rm_word_of(const char *const *words, int n, const char *name);
/* Checks a text field: UTF-8, <= 1000 characters, no control characters,
 * no bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069). Returns NULL when fine, else a static reason. */
const char *rm_text_problem(const char *s, size_t len);
/* The same with at most max characters, newlines allowed when lines: a
 * static reason, or the length's written into buf. */
const char *rm_text_check(const char *s, size_t len, size_t max, bool lines,
			  char *buf, size_t size);
/* Length of the valid UTF-8 sequence at s (up to n bytes), 0 if invalid. */
size_t rm_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp);
/* How many leading characters of word s matches, ignoring ASCII case (not
 * the locale's): s names word when the result is strlen(word) and s ends
 * there too. */
size_t rm_ascii_prefix_nocase(const char *s, const char *word);
/* Writes s quoted for a message ("..." with odd bytes escaped) into buf. */
const char *rm_quote(const char *s, char *buf, size_t size);
/* s with every byte roadmap_text_char calls unsafe written \xNN (an ESC
 * as \x1b), for people to read; malloc'ed, NULL when out of memory. */
char *rm_text_escape(const char *s);
/* Amounts are never converted from one currency to another (model/roadmap.c):
 * NULL when other's currency is rm's, else the message, in buf ("the file's
 * amounts are in EUR, the roadmap's in USD (import converts no currency)",
 * whose "the file's", converter "import"). Import and status --baseline share
 * it. */
const char *rm_currency_mismatch(const struct roadmap *other,
				 const struct roadmap *rm, const char *whose,
				 const char *converter, char *buf, size_t size);

/* Days as the schedule and the forecast show them (base/period.c): 0000-01-01
 * to 9999-12-31, the days the file's date form can write; the passes run
 * in exact 64-bit days and a day past either end shows as that end. */
#define RM_DAY_FLOOR INT64_C(-719528) /* 0000-01-01 */
#define RM_DAY_CEIL INT64_C(2932896)  /* 9999-12-31 */
roadmap_day rm_day_clamp(int64_t d);

/* Model helpers (model/roadmap.c). */
enum item_kind rm_item_kind(const struct roadmap *rm, const char *id,
			    size_t *index);
bool rm_reindex(struct roadmap *rm);
void rm_goal_free(struct roadmap_goal *g);
void rm_initiative_free(struct roadmap_initiative *in);
void rm_team_free(struct roadmap_team *t);
/* Room for item n of an array appended to one item at a time: its
 * capacity is always the next power of two at or above its count (the one
 * growth rule, roadmap.c); false when out of memory, *arr unchanged. */
bool rm_grow_pow2(void **arr, size_t n, size_t size);
/* Appends a copy of s to a string list grown by that rule; false when out
 * of memory. */
bool rm_list_push(char ***list, size_t *n, const char *s);
void rm_list_free(char **list, size_t n);
/*
 * The lists the public structs hand out read-only, as const char *const *
 * (an initiative's goals and depends_on, the target mix's pillars, a
 * finding's related ids, the cells of rows, ...), are built with
 * rm_list_add (or filled cell by cell) and freed by the library, which owns
 * them: rm_list_own is the one place it takes one back to change it.
 */
static inline char **rm_list_own(const char *const *list)
{
	return (char **)(uintptr_t)list;
}
bool rm_list_add(const char *const **list, size_t *n, const char *s);
/* The target mix's percentages, handed out read-only too. */
static inline double *rm_mix_own(const struct roadmap_policy *p)
{
	return (double *)(uintptr_t)p->target_mix_percent;
}
/* Envelopes (model/roadmap.c): whether b's period and pillar already have
 * one; b's label for messages. */
bool rm_budget_duplicate(const struct roadmap *rm,
			 const struct roadmap_budget *b);
char *rm_budget_label(const struct roadmap_budget *b, char *buf, size_t n);
/* "2026-Q3" or "FY2026/innovation": the period, and the pillar if any. */
char *rm_budget_key(const struct roadmap_budget *b, char *buf, size_t n);
/* The index of the envelope for b's period and pillar, or -1. */
long rm_budget_find(const struct roadmap *rm, const struct roadmap_budget *b);
/* Planned spend (opex + capex) per quarter qmin..qmax of sp, malloc'ed;
 * NULL when out of memory. Sets *overflow when a sum overflows
 * (analysis/spend.c). */
int64_t *rm_spend_by_quarter(const struct roadmap_spend *sp, bool *overflow);
/* Planned cost per goal (the spreading rule of roadmap(1), budget shares),
 * every sum checked, into *out (malloc'ed, by goal index); with only >= 0 just
 * that goal's entry is filled. ROADMAP_ERR_NOMEM, or ROADMAP_ERR_DATA naming
 * the goal whose total overflows (analysis/spend.c). */
enum roadmap_status rm_goal_planned(const struct roadmap *rm, long only,
				    int64_t **out, struct roadmap_error *err);
/* Room for n more goals or initiatives; false when out of memory
 * (model/roadmap.c). */
bool rm_reserve(struct roadmap *rm, enum item_kind kind, size_t n);
/* Appends an item, taking ownership of its fields (no copy); false when
 * out of memory. */
bool rm_push_goal(struct roadmap *rm, const struct roadmap_goal *g);
bool rm_push_initiative(struct roadmap *rm,
			const struct roadmap_initiative *in);
bool rm_push_team(struct roadmap *rm, const struct roadmap_team *t);
bool rm_push_budget(struct roadmap *rm, const struct roadmap_budget *b);
/* Envelopes by key, "PERIOD[/PILLAR]" (model/envelope.c): the index of the one
 * text names, -1 (err set) when text is such a key but names none, -2
 * when text is not an envelope key at all. */
long rm_envelope_named(const struct roadmap *rm, const char *text,
		       struct roadmap_error *err);
enum roadmap_status rm_envelope_set(struct roadmap *rm, size_t i,
				    const char *field, const char *value,
				    struct roadmap_error *err);
enum roadmap_status rm_envelope_remove(struct roadmap *rm, size_t i,
				       struct roadmap_error *err);
/* Rebuilds the envelopes' index after their periods changed in place;
 * false when out of memory (model/roadmap.c). */
bool rm_reindex_budgets(struct roadmap *rm);
/* Which quarters qmin..qmax have an envelope of any pillar for them or
 * their fiscal year (check's unbudgeted-spend): malloc'ed, NULL when out
 * of memory. Linear in envelopes plus quarters (model/roadmap.c). */
bool *rm_enveloped_quarters(const struct roadmap *rm, int qmin, int qmax);
/* The pillar whose envelopes bound all of rm's spend and so stand, in the
 * quarter and year views and the headline, where all-pillar envelopes
 * would (roadmap(1), budget): NULL (all pillars) when rm has an all-pillar
 * envelope or no envelope; else the one pillar every initiative is of
 * (every envelope's, when rm has no initiative), as a selection by that
 * pillar alone leaves it; NULL when there is none (model/roadmap.c). */
const char *rm_envelope_pillar(const struct roadmap *rm);
/* Records an actual for quarter qi, replacing one there; false when out
 * of memory (model/roadmap.c). */
bool rm_actual_put(struct roadmap_initiative *in,
		   const struct roadmap_actual *a);
/* Readings (model/readings.c): puts value at day into a sorted list,
 * replacing one of that day (*replaced when it did); false when out of
 * memory. */
bool rm_reading_put(struct roadmap_reading **list, size_t *n, roadmap_day day,
		    double value, bool *replaced);
/* The latest reading on or before day, or NULL. */
const struct roadmap_reading *
rm_reading_last(const struct roadmap_reading *list, size_t n, roadmap_day day);
/* Why a percent is bad (0-100, at most two decimals), or NULL. */
const char *rm_percent_problem(double v);

/* Whether the CSV export writes s with a leading ' (a formula guard) and
 * import takes it off (base/text.c). */
bool rm_csv_needs_guard(const char *s);
/* A copy of s kept with the rows' cells (render/rows.c); NULL when out of
 * memory. */
char *rm_rows_strdup(struct roadmap_rows *rows, const char *s);

/* The editors' checks (model/edit.c), shared with model/set.c: a comma list
 * split into ids (empty items are errors); a reference that must name an
 * existing goal, initiative (not self), team or pillar. */
enum roadmap_status rm_split_ids(const char *list, const char *what,
				 char ***out, size_t *n,
				 struct roadmap_error *err);
enum roadmap_status rm_check_goal_ref(const struct roadmap *rm, const char *id,
				      struct roadmap_error *err);
enum roadmap_status rm_check_init_ref(const struct roadmap *rm, const char *id,
				      const char *self,
				      struct roadmap_error *err);
enum roadmap_status rm_check_team_ref(const struct roadmap *rm, const char *id,
				      struct roadmap_error *err);
enum roadmap_status rm_check_pillar_ref(const struct roadmap *rm, const char *p,
					struct roadmap_error *err);

/* Deep copies (model/edit.c); false when out of memory (free *d anyway). */
bool rm_copy_initiative(struct roadmap_initiative *d,
			const struct roadmap_initiative *s);
bool rm_copy_goal(struct roadmap_goal *d, const struct roadmap_goal *s);
bool rm_copy_team(struct roadmap_team *d, const struct roadmap_team *s);

/* Fixed-point text of hundredths ("4", "2.5", "0.25"; base/text.c). buf >=
 * 32 bytes. */
char *rm_hundredths_format(int64_t v, char *buf);
/* Parses a non-negative decimal with at most two decimals into hundredths. */
bool rm_hundredths_parse(const char *s, int64_t max, int64_t *out);

/* Spreads amount over the count quarters from q0 into out, and amount2
 * into out2 by the same days when out2 is not NULL (base/money.c). */
enum roadmap_status rm_spread_into(int64_t amount, int64_t amount2,
				   roadmap_day start, roadmap_day end, int fs,
				   int q0, size_t count, int64_t *out,
				   int64_t *out2);
/* The same per calendar month m0 .. m0 + count - 1, a month numbered
 * year * 12 + month - 1 (rm_month_of()). */
enum roadmap_status rm_spread_months(int64_t amount, int64_t amount2,
				     roadmap_day start, roadmap_day end, int m0,
				     size_t count, int64_t *out, int64_t *out2);
int rm_month_of(roadmap_day day);
/* Initiative i's planned spend of sp by calendar month (analysis/spend.c):
 * each fiscal quarter's spread by days over the months of that quarter it
 * runs in, so that they add up to the quarter's; months *m0 .. *m0 + *n -
 * 1, *opex and *capex malloc'ed (NULL and *n 0 without spend). false when
 * out of memory. */
struct roadmap_spend;
bool rm_month_spend(const struct roadmap *rm, const struct roadmap_spend *sp,
		    size_t i, int *m0, size_t *n, int64_t **opex,
		    int64_t **capex);

/* The most FTE (or capacity) a field holds, in hundredths. */
#define RM_FTE_MAX INT64_C(100000000) /* 1,000,000.00 FTE */
/* The longest useful life, in months: an initiative's and the policy's. */
#define RM_USEFUL_LIFE_MAX 1200

/* Reads a whole file ("-" for stdin), NUL-terminated (file/file.c): a regular
 * file, or with pipes also a pipe (process substitution, /dev/fd/N).
 * *mtime (if not NULL) is a regular file's modification time, else 0. */
enum roadmap_status rm_read_file(const char *path, char **out, size_t *len,
				 struct roadmap_error *err);
enum roadmap_status rm_read_input(const char *path, bool pipes, char **out,
				  size_t *len, time_t *mtime,
				  struct roadmap_error *err);

/* The atomic write's pieces (file/file.c). Creates ".BASE.tmp.PID.XXXXXX" in
 * dir (O_EXCL, mode 0666 under the umask): the descriptor, *tmp malloc'ed; -1
 * with errno on failure. */
int rm_temp_create(const char *dir, const char *base, char **tmp);
/* Where a write to path really goes: through symlinks, even dangling
 * ones, to an absolute path (malloc'ed); NULL with errno on failure. */
char *rm_resolve_target(const char *path);
/* Writes all of data to fd; false with *e set on failure. */
bool rm_write_full(int fd, const char *data, size_t len, int *e);

#endif
