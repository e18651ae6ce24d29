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

/*
 * The options of each kind come from the library's table of its fields
 * (roadmap_field_option()): an option added there is taken here, with its
 * help, without a change. They are made once, when first needed.
 */
#define MAX_OPTS 40
static const enum roadmap_kind section_kind[] = {
    ROADMAP_KIND_GOAL, ROADMAP_KIND_INITIATIVE, ROADMAP_KIND_BUDGET,
    ROADMAP_KIND_TEAM};
static struct opt kind_opts[4][MAX_OPTS + 1];

/* The values of the options, by their place; the lists malloc'ed; the
 * flags given. */
struct add_vals {
	char *v[MAX_OPTS];
	bool on[MAX_OPTS];
};

static void make_opts(void)
{
	struct roadmap_field_option fo;

	for (size_t k = 0; k < 4 && !kind_opts[k][0].kind; k++) {
		size_t i = 0;
		for (; i < MAX_OPTS &&
		       roadmap_field_option(section_kind[k], i, &fo);
		     i++) {
			kind_opts[k][i] = (struct opt){
			    fo.flag   ? OPT_FLAG
			    : fo.list ? OPT_LIST
				      : OPT_STRING,
			    fo.option,
			    0,
			    fo.arg,
			    fo.help,
			    NULL,
			    fo.flag ? offsetof(struct add_vals, on) +
					  i * sizeof(bool)
				    : offsetof(struct add_vals, v) +
					  i * sizeof(char *),
			    fo.required,
			    NULL};
		}
	}
}

static const struct opt_section add_sections[] = {
    {"goal options", kind_opts[0], make_opts},
    {"initiative options", kind_opts[1], make_opts},
    {"budget options (PERIOD is a fiscal quarter, 2026-Q3, or year, "
     "FY2027)",
     kind_opts[2], make_opts},
    {"team options", kind_opts[3], make_opts},
    {NULL, NULL, NULL},
};

/* The value given for field name of kind, or NULL. */
static const char *value_of(enum roadmap_kind kind, const struct add_vals *vals,
			    const char *name)
{
	struct roadmap_field_option fo;

	for (size_t i = 0; roadmap_field_option(kind, i, &fo); i++) {
		if (strcmp(fo.field, name) == 0) {
			return vals->v[i];
		}
	}
	return NULL;
}

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
static int add_item(struct roadmap *rm, enum roadmap_kind kind, const char *id,
		    const struct add_vals *vals)
{
	struct roadmap_error err;
	struct roadmap_field_option fo;
	int rc;

	if (kind == ROADMAP_KIND_GOAL) {
		struct roadmap_goal g;
		roadmap_goal_init(&g);
		g.id = id;
		g.title = value_of(kind, vals, ROADMAP_FIELD_TITLE);
		if (roadmap_add_goal(rm, &g, &err)) {
			return fail_err(&err);
		}
	} else if (kind == ROADMAP_KIND_INITIATIVE) {
		struct roadmap_initiative in;
		struct roadmap_period p;
		roadmap_initiative_init(&in);
		in.id = id;
		in.title = value_of(kind, vals, ROADMAP_FIELD_TITLE);
		if (roadmap_period_parse(
			value_of(kind, vals, ROADMAP_FIELD_START),
			roadmap_fiscal_start(rm), &p, &err)) {
			msg("--start %s", err.message);
			return 65;
		}
		in.start = p.first;
		if (roadmap_period_parse(
			value_of(kind, vals, ROADMAP_FIELD_END),
			roadmap_fiscal_start(rm), &p, &err)) {
			msg("--end %s", err.message);
			return 65;
		}
		in.end = p.last;
		if (roadmap_add_initiative(rm, &in, &err)) {
			return fail_err(&err);
		}
	} else {
		struct roadmap_team t = {id, 0};
		if (roadmap_fte_parse(
			value_of(kind, vals, ROADMAP_FIELD_CAPACITY),
			&t.capacity, &err)) {
			msg("capacity %s", err.message);
			return 65;
		}
		if (roadmap_add_team(rm, &t, &err)) {
			return fail_err(&err);
		}
		return 0;
	}
	/* the required fields made the item; the others are set on it */
	for (size_t i = 0; roadmap_field_option(kind, i, &fo); i++) {
		const char *v = !fo.flag      ? vals->v[i]
				: vals->on[i] ? "true"
					      : NULL;
		if (!fo.required && (rc = apply(rm, id, fo.field, v))) {
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
	struct roadmap_field_option fo;
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
	enum roadmap_kind rk = section_kind[k];
	argc--;
	argv++;
	make_opts();
	if ((rc = parse_opts(&cmd_add, add_sections[k].opts, argc, argv,
			     &vals))) {
		goto out;
	}
	int want = rk == ROADMAP_KIND_BUDGET ? 2 : 1;
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
	for (size_t i = 0; roadmap_field_option(rk, i, &fo); i++) {
		if (fo.required && !vals.v[i]) {
			rc = usage_error(&cmd_add, "add %s needs --%s", kind,
					 fo.option);
			goto out;
		}
	}
	/* "PERIOD/PILLAR" is the envelope's key, as `set` and `rm` take it
	 * (roadmap(1)): the same as PERIOD --pillar PILLAR */
	char buf[64];
	const char *period = argv[optind];
	const char *pillar = value_of(rk, &vals, ROADMAP_FIELD_PILLAR);
	const char *slash = strchr(period, '/');
	if (rk == ROADMAP_KIND_BUDGET && slash && slash > period && slash[1] &&
	    (size_t)(slash - period) < sizeof(buf)) {
		if (pillar && strcmp(pillar, slash + 1) != 0) {
			rc = usage_error(&cmd_add,
					 "'%s' names pillar '%s' but --pillar "
					 "says '%s'",
					 period, slash + 1, pillar);
			goto out;
		}
		pillar = slash + 1;
		memcpy(buf, period, (size_t)(slash - period));
		buf[slash - period] = '\0';
		period = buf;
	}
	if ((rc = begin_write(ctx, &s))) {
		goto out;
	}
	if (rk == ROADMAP_KIND_BUDGET) {
		rc = add_budget(s.rm, period, argv[optind + 1], pillar);
	} else {
		rc = add_item(s.rm, rk, argv[optind], &vals);
	}
	rc = finish_write(ctx, &s, true, rc);
out:
	for (size_t i = 0; roadmap_field_option(rk, i, &fo); i++) {
		if (fo.list) {
			free(vals.v[i]);
		}
	}
	return rc;
}

const struct cmd cmd_add = {
    .name = "add",
    .summary = "add a goal, initiative, budget envelope or team",
    .usage =
	"add goal ID --title T [options] | add initiative ID --title "
	"T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT "
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
