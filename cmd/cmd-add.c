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

/* Joins repeated list options ("--goal a --goal b,c") into "a,b,c". */
static bool join(char **list, const char *item)
{
	size_t a = *list ? strlen(*list) : 0, b = strlen(item);
	char *p = realloc(*list, a + b + 2);

	if (!p) {
		return false;
	}
	if (a) {
		p[a++] = ',';
	}
	memcpy(p + a, item, b + 1);
	*list = p;
	return true;
}

enum { F_TITLE, F_METRIC, F_BASELINE, F_TARGET, F_UNIT, F_DUE, F_OWNER,
       F_PRIORITY, F_START, F_END, F_OPEX, F_CAPEX, F_FTE, F_TEAM, F_PILLAR,
       F_STAGE, F_STATUS, F_BENEFIT, F_CAPACITY, F_GOAL, F_DEPENDS, F_N };

static const char *const field_names[F_N] = {
	"title", "metric", "baseline", "target", "unit",   "due",
	"owner", "priority", "start",  "end",    "opex",   "capex",
	"fte",   "team",  "pillar",   "stage",  "status", "benefit",
	"capacity", "goals", "depends_on"};

static const struct option goal_opts[] = {
	{"title", required_argument, NULL, F_TITLE},
	{"metric", required_argument, NULL, F_METRIC},
	{"baseline", required_argument, NULL, F_BASELINE},
	{"target", required_argument, NULL, F_TARGET},
	{"unit", required_argument, NULL, F_UNIT},
	{"due", required_argument, NULL, F_DUE},
	{"owner", required_argument, NULL, F_OWNER},
	{"priority", required_argument, NULL, F_PRIORITY},
	{NULL, 0, NULL, 0},
};

static const struct option init_opts[] = {
	{"title", required_argument, NULL, F_TITLE},
	{"start", required_argument, NULL, F_START},
	{"end", required_argument, NULL, F_END},
	{"goal", required_argument, NULL, F_GOAL},
	{"opex", required_argument, NULL, F_OPEX},
	{"capex", required_argument, NULL, F_CAPEX},
	{"fte", required_argument, NULL, F_FTE},
	{"team", required_argument, NULL, F_TEAM},
	{"owner", required_argument, NULL, F_OWNER},
	{"pillar", required_argument, NULL, F_PILLAR},
	{"stage", required_argument, NULL, F_STAGE},
	{"status", required_argument, NULL, F_STATUS},
	{"depends-on", required_argument, NULL, F_DEPENDS},
	{"priority", required_argument, NULL, F_PRIORITY},
	{"benefit", required_argument, NULL, F_BENEFIT},
	{NULL, 0, NULL, 0},
};

static const struct option budget_opts[] = {
	{"pillar", required_argument, NULL, F_PILLAR},
	{NULL, 0, NULL, 0},
};

static const struct option team_opts[] = {
	{"capacity", required_argument, NULL, F_CAPACITY},
	{NULL, 0, NULL, 0},
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
	if (roadmap_money_parse(amount, &b.amount, &err) ||
	    roadmap_add_budget(rm, &b, &err)) {
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

	if (strcmp(kind, "goal") == 0) {
		struct roadmap_goal g;
		roadmap_goal_init(&g);
		g.id = id;
		g.title = v[F_TITLE];
		if (roadmap_add_goal(rm, &g, &err)) {
			return fail_err(&err);
		}
	} else if (strcmp(kind, "initiative") == 0) {
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
	const char *v[F_N] = {0};
	char *goals = NULL, *deps = NULL;
	const struct option *opts;
	struct session s;
	int c, rc = 0;

	if (argc < 2) {
		return usage_error(&cmd_add,
				   "what to add: goal, initiative, budget or "
				   "team");
	}
	const char *kind = argv[1];
	if (strcmp(kind, "goal") == 0) {
		opts = goal_opts;
	} else if (strcmp(kind, "initiative") == 0) {
		opts = init_opts;
	} else if (strcmp(kind, "budget") == 0) {
		opts = budget_opts;
	} else if (strcmp(kind, "team") == 0) {
		opts = team_opts;
	} else {
		return usage_error(&cmd_add,
				   "cannot add '%s' (goal, initiative, budget "
				   "or team)",
				   kind);
	}
	argc--;
	argv++;
	while ((c = cmd_getopt(&cmd_add, argc, argv, "", opts)) != -1) {
		if (c == '?') {
			rc = 64;
			goto out;
		}
		if (c == F_GOAL || c == F_DEPENDS) {
			if (!join(c == F_GOAL ? &goals : &deps, optarg)) {
				msg("out of memory");
				rc = 70;
				goto out;
			}
		} else {
			v[c] = optarg;
		}
	}
	v[F_GOAL] = goals;
	v[F_DEPENDS] = deps;
	int want = strcmp(kind, "budget") == 0 ? 2 : 1;
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
		strcmp(kind, "team") == 0 ? "capacity" : NULL,
		strcmp(kind, "goal") == 0 || strcmp(kind, "initiative") == 0
			? "title"
			: NULL,
		strcmp(kind, "initiative") == 0 ? "start" : NULL,
		strcmp(kind, "initiative") == 0 ? "end" : NULL,
	};
	const int req_field[] = {F_CAPACITY, F_TITLE, F_START, F_END};
	for (int k = 0; k < 4; k++) {
		if (required[k] && !v[req_field[k]]) {
			rc = usage_error(&cmd_add, "add %s needs --%s", kind,
					 required[k]);
			goto out;
		}
	}
	if ((rc = begin_write(ctx, &s))) {
		goto out;
	}
	if (strcmp(kind, "budget") == 0) {
		rc = add_budget(s.rm, argv[optind], argv[optind + 1],
				v[F_PILLAR]);
	} else {
		rc = add_item(s.rm, kind, argv[optind], v);
	}
	int rc2 = end_write(ctx, &s, rc == 0);
	rc = rc ? rc : rc2;
out:
	free(goals);
	free(deps);
	return rc;
}

const struct cmd cmd_add = {
	.name = "add",
	.summary = "add a goal, initiative, budget envelope or team",
	.usage = "add goal ID --title T [options] | add initiative ID --title "
		 "T --start P --end P [options] | add budget PERIOD AMOUNT "
		 "[--pillar P] | add team ID --capacity N",
	.help = "goal options:\n"
		"  --title T        what the business wants (required)\n"
		"  --metric T       how it is measured\n"
		"  --baseline N     where the metric is now\n"
		"  --target N       where it must get to\n"
		"  --unit T         the metric's unit (%, ms, USD...)\n"
		"  --due P          deadline (a day, month, YYYY-Qn or FYYYYY: "
		"its last day)\n"
		"  --owner T        who answers for it\n"
		"  --priority N     1 (highest) to 5\n"
		"\ninitiative options:\n"
		"  --title T        what the work is (required)\n"
		"  --start P        first day (YYYY-MM-DD, YYYY-MM, YYYY-Qn, "
		"FYYYYY) (required)\n"
		"  --end P          last day, same syntax (required)\n"
		"  --goal G         a goal it serves (repeat, or a,b)\n"
		"  --opex A         operating cost (250k, 1.5M, 1,250,000, "
		"99.95)\n"
		"  --capex A        capital cost\n"
		"  --fte N          people on it (full-time equivalents)\n"
		"  --team T         the team doing it\n"
		"  --owner T        the accountable person\n"
		"  --pillar P       investment pillar (see the roadmap's "
		"pillars)\n"
		"  --stage S        research, poc or implementation\n"
		"  --status S       proposed (default), approved, active, "
		"done, cancelled\n"
		"  --depends-on I   a prerequisite initiative (repeat, or a,b)\n"
		"  --priority N     1 (highest) to 5, default 3\n"
		"  --benefit A      the value it should deliver\n"
		"\nbudget: PERIOD is a fiscal quarter (2026-Q3) or year "
		"(FY2027);\n"
		"  --pillar P       the envelope funds one pillar only\n"
		"\nteam:\n"
		"  --capacity N     FTE available (required)\n"
		"\nexamples:\n"
		"  roadmap add goal retention --title \"Raise retention\" "
		"--due 2027-Q2\n"
		"  roadmap add initiative recs --title \"Recommendations\" "
		"--start 2026-Q2 \\\n"
		"      --end 2026-Q3 --goal retention --opex 180k --capex "
		"250k --pillar innovation\n"
		"  roadmap add budget 2026-Q2 1.5M\n"
		"  roadmap add team platform --capacity 12\n",
	.run = run_add,
};
