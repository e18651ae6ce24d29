/* cmd-add.c - add a goal, initiative, budget envelope or team. */
#include "cmd.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Converts a CLI value with the library's field parser: one code path
 * for `add` and `set`, so both accept and reject exactly the same. */
static int apply(struct roadmap *rm, const char *id, const char *field,
		 const char *value)
{
	struct roadmap_error err;

	if (value && roadmap_set_field(rm, id, field, value, &err)) {
		return fail_err(&err);
	}
	return 0;
}

enum {
	F_TITLE,
	F_METRIC,
	F_BASELINE,
	F_TARGET,
	F_UNIT,
	F_DUE,
	F_OWNER,
	F_PRIORITY,
	F_START,
	F_END,
	F_OPEX,
	F_CAPEX,
	F_FTE,
	F_TEAM,
	F_PILLAR,
	F_STAGE,
	F_STATUS,
	F_BENEFIT,
	F_CAPACITY,
	F_GOAL,
	F_DEPENDS,
	F_OPTIMISTIC,
	F_PESSIMISTIC,
	F_N
};

static const char *const field_names[F_N] = {
    ROADMAP_FIELD_TITLE,      ROADMAP_FIELD_METRIC,
    ROADMAP_FIELD_BASELINE,   ROADMAP_FIELD_TARGET,
    ROADMAP_FIELD_UNIT,	      ROADMAP_FIELD_DUE,
    ROADMAP_FIELD_OWNER,      ROADMAP_FIELD_PRIORITY,
    ROADMAP_FIELD_START,      ROADMAP_FIELD_END,
    ROADMAP_FIELD_OPEX,	      ROADMAP_FIELD_CAPEX,
    ROADMAP_FIELD_FTE,	      ROADMAP_WORD_TEAM,
    ROADMAP_FIELD_PILLAR,     ROADMAP_FIELD_STAGE,
    ROADMAP_FIELD_STATUS,     ROADMAP_FIELD_BENEFIT,
    ROADMAP_FIELD_CAPACITY,   ROADMAP_KEY_GOALS,
    ROADMAP_FIELD_DEPENDS_ON, ROADMAP_FIELD_OPTIMISTIC,
    ROADMAP_FIELD_PESSIMISTIC};

/* The values of the options, by field; the lists malloc'ed. */
struct add_vals {
	const char *v[F_N];
	char *goals, *deps;
};

#define V(f) offsetof(struct add_vals, v[f])
#define S(name, arg, f, help)                                                  \
	{                                                                      \
		OPT_STRING, name, 0, arg, help, NULL, V(f), false, NULL        \
	}

static const struct opt goal_opts[] = {
    S(ROADMAP_FIELD_TITLE, "T", F_TITLE, "what the business wants (required)"),
    S(ROADMAP_FIELD_METRIC, "T", F_METRIC, "how it is measured"),
    S(ROADMAP_FIELD_BASELINE, "N", F_BASELINE, "where the metric is now"),
    S(ROADMAP_FIELD_TARGET, "N", F_TARGET, "where it must get to"),
    S(ROADMAP_FIELD_UNIT, "T", F_UNIT, "the metric's unit (%, ms, USD...)"),
    S(ROADMAP_FIELD_DUE, "P", F_DUE,
      "deadline (a day, month, YYYY-Qn or FYYYYY: its last day)"),
    S(ROADMAP_FIELD_OWNER, "T", F_OWNER, "who answers for it"),
    S(ROADMAP_FIELD_PRIORITY, "N", F_PRIORITY, "1 (highest) to 5"),
    {0},
};

static const struct opt init_opts[] = {
    S(ROADMAP_FIELD_TITLE, "T", F_TITLE, "what the work is (required)"),
    S(ROADMAP_FIELD_START, "P", F_START,
      "first day (YYYY-MM-DD, YYYY-MM, YYYY-Qn, FYYYYY) (required)"),
    S(ROADMAP_FIELD_END, "P", F_END, "last day, same syntax (required)"),
    S(ROADMAP_FIELD_OPTIMISTIC, "P", F_OPTIMISTIC,
      "the earliest it could end (for forecast)"),
    S(ROADMAP_FIELD_PESSIMISTIC, "P", F_PESSIMISTIC,
      "the latest it could end (for forecast)"),
    OPT_LIST(ROADMAP_WORD_GOAL, "G", struct add_vals, goals,
	     "a goal it serves (repeat, or a,b)"),
    S(ROADMAP_FIELD_OPEX, "A", F_OPEX,
      "operating cost (250k, 1.5M, 1,250,000, 99.95)"),
    S(ROADMAP_FIELD_CAPEX, "A", F_CAPEX, "capital cost"),
    S(ROADMAP_FIELD_FTE, "N", F_FTE, "people on it (full-time equivalents)"),
    S(ROADMAP_WORD_TEAM, "T", F_TEAM, "the team doing it"),
    S(ROADMAP_FIELD_OWNER, "T", F_OWNER, "the accountable person"),
    S(ROADMAP_FIELD_PILLAR, "P", F_PILLAR,
      "investment pillar (see the roadmap's pillars)"),
    S(ROADMAP_FIELD_STAGE, "S", F_STAGE, "research, poc or implementation"),
    S(ROADMAP_FIELD_STATUS, "S", F_STATUS,
      "proposed (default), approved, active, done, cancelled"),
    OPT_LIST("depends-on", "I", struct add_vals, deps,
	     "a prerequisite initiative (repeat, or a,b)"),
    S(ROADMAP_FIELD_PRIORITY, "N", F_PRIORITY, "1 (highest) to 5, default 3"),
    S(ROADMAP_FIELD_BENEFIT, "A", F_BENEFIT, "the value it should deliver"),
    {0},
};

static const struct opt budget_opts[] = {
    S(ROADMAP_FIELD_PILLAR, "P", F_PILLAR,
      "the envelope funds one pillar only"),
    {0},
};

static const struct opt team_opts[] = {
    S(ROADMAP_FIELD_CAPACITY, "N", F_CAPACITY, "FTE available (required)"),
    {0},
};

static const struct opt_section add_sections[] = {
    {"goal options", goal_opts},
    {"initiative options", init_opts},
    {"budget options (PERIOD is a fiscal quarter, 2026-Q3, or year, "
     "FY2027)",
     budget_opts},
    {"team options", team_opts},
    {NULL, NULL},
};

static int add_budget(struct roadmap *rm, const char *period,
		      const char *amount, const char *pillar)
{
	struct roadmap_error err;
	struct roadmap_period p;
	struct roadmap_budget b = {0};

	if (roadmap_period_parse(period, roadmap_fiscal_start(rm), &p, &err)) {
		return fail_err(&err);
	}
	if (p.kind != ROADMAP_PERIOD_QUARTER && p.kind != ROADMAP_PERIOD_YEAR) {
		msg("budget period \"%s\" must be a fiscal quarter (YYYY-Qn) "
		    "or fiscal year (FYYYYY)",
		    period);
		return 65;
	}
	b.is_year = p.kind == ROADMAP_PERIOD_YEAR;
	b.year = p.year;
	b.quarter = p.index;
	b.pillar = pillar;
	int rc = parse_amount(ROADMAP_FIELD_AMOUNT, amount, &b.amount);
	if (rc) {
		return rc;
	}
	if (roadmap_add_budget(rm, &b, &err)) {
		return fail_err(&err);
	}
	return 0;
}

/*
 * A new item is added with its required fields, then every other option is
 * applied through roadmap_set_field(), so that a bad value leaves the
 * roadmap unsaved (the session ends without saving on any error).
 */
static int add_item(struct roadmap *rm, const char *kind, const char *id,
		    const char *const *v)
{
	struct roadmap_error err;
	int rc;

	if (strcmp(kind, ROADMAP_WORD_GOAL) == 0) {
		struct roadmap_goal g;
		roadmap_goal_init(&g);
		g.id = id;
		g.title = v[F_TITLE];
		if (roadmap_add_goal(rm, &g, &err)) {
			return fail_err(&err);
		}
	} else if (strcmp(kind, ROADMAP_WORD_INITIATIVE) == 0) {
		struct roadmap_initiative in;
		struct roadmap_period p;
		roadmap_initiative_init(&in);
		in.id = id;
		in.title = v[F_TITLE];
		if (roadmap_period_parse(v[F_START], roadmap_fiscal_start(rm),
					 &p, &err)) {
			msg("--start %s", err.message);
			return 65;
		}
		in.start = p.first;
		if (roadmap_period_parse(v[F_END], roadmap_fiscal_start(rm), &p,
					 &err)) {
			msg("--end %s", err.message);
			return 65;
		}
		in.end = p.last;
		if (roadmap_add_initiative(rm, &in, &err)) {
			return fail_err(&err);
		}
	} else {
		struct roadmap_team t = {id, 0};
		if (roadmap_fte_parse(v[F_CAPACITY], &t.capacity, &err)) {
			msg("capacity %s", err.message);
			return 65;
		}
		if (roadmap_add_team(rm, &t, &err)) {
			return fail_err(&err);
		}
		return 0;
	}
	for (int f = 0; f < F_N; f++) {
		if (f == F_TITLE || f == F_START || f == F_END) {
			continue;
		}
		if ((rc = apply(rm, id, field_names[f], v[f]))) {
			return rc;
		}
	}
	return 0;
}

static int run_add(struct ctx *ctx, int argc, char **argv)
{
	static const char *const kinds[] = {
	    ROADMAP_WORD_GOAL, ROADMAP_WORD_INITIATIVE, ROADMAP_WORD_BUDGET,
	    ROADMAP_WORD_TEAM, NULL};
	struct add_vals vals = {0};
	const char *const *v = vals.v;
	struct session s;
	int k, rc = 0;

	if (argc < 2) {
		return usage_error(&cmd_add, "what to add: goal, initiative, "
					     "budget or " ROADMAP_WORD_TEAM);
	}
	const char *kind = argv[1];
	if ((k = parse_choice(kind, kinds)) < 0) {
		return usage_error(&cmd_add,
				   "cannot add '%s' (goal, initiative, budget "
				   "or team)",
				   kind);
	}
	argc--;
	argv++;
	if ((rc = parse_opts(&cmd_add, add_sections[k].opts, argc, argv,
			     &vals))) {
		goto out;
	}
	vals.v[F_GOAL] = vals.goals;
	vals.v[F_DEPENDS] = vals.deps;
	int want = strcmp(kind, ROADMAP_WORD_BUDGET) == 0 ? 2 : 1;
	if (argc - optind != want) {
		rc = usage_error(&cmd_add,
				 argc - optind < want
				     ? (want == 2 ? "add budget needs a "
						    "PERIOD and an AMOUNT"
						  : "add %s needs an ID")
				     : "too many arguments for add %s",
				 kind);
		goto out;
	}
	const char *required[] = {
	    strcmp(kind, ROADMAP_WORD_TEAM) == 0 ? ROADMAP_FIELD_CAPACITY
						 : NULL,
	    strcmp(kind, ROADMAP_WORD_GOAL) == 0 ||
		    strcmp(kind, ROADMAP_WORD_INITIATIVE) == 0
		? ROADMAP_FIELD_TITLE
		: NULL,
	    strcmp(kind, ROADMAP_WORD_INITIATIVE) == 0 ? ROADMAP_FIELD_START
						       : NULL,
	    strcmp(kind, ROADMAP_WORD_INITIATIVE) == 0 ? ROADMAP_FIELD_END
						       : NULL,
	};
	const int req_field[] = {F_CAPACITY, F_TITLE, F_START, F_END};
	for (int r = 0; r < 4; r++) {
		if (required[r] && !v[req_field[r]]) {
			rc = usage_error(&cmd_add, "add %s needs --%s", kind,
					 required[r]);
			goto out;
		}
	}
	if ((rc = begin_write(ctx, &s))) {
		goto out;
	}
	if (strcmp(kind, ROADMAP_WORD_BUDGET) == 0) {
		rc = add_budget(s.rm, argv[optind], argv[optind + 1],
				v[F_PILLAR]);
	} else {
		rc = add_item(s.rm, kind, argv[optind], v);
	}
	rc = finish_write(ctx, &s, true, rc);
out:
	free(vals.goals);
	free(vals.deps);
	return rc;
}

const struct cmd cmd_add = {
    .name = "add",
    .summary = "add a goal, initiative, budget envelope or team",
    .usage = "add goal ID --title T [options] | add initiative ID --title "
	     "T --start P --end P [options] | add budget PERIOD AMOUNT "
	     "[--pillar P] | add team ID --capacity N",
    .sections = add_sections,
    .examples = "  roadmap add goal retention --title \"Raise retention\" "
		"--due 2027-Q2\n"
		"  roadmap add initiative recs --title \"Recommendations\" "
		"--start 2026-Q2 \\\n"
		"      --end 2026-Q3 --goal retention --opex 180k --capex "
		"250k --pillar innovation\n"
		"  roadmap add budget 2026-Q2 1.5M\n"
		"  roadmap add team platform --capacity 12\n",
    .run = run_add,
};
