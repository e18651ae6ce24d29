/* cmd-schedule.c - dependency schedule and critical path. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static int print_table(const struct roadmap *rm,
		       const struct roadmap_schedule *s)
{
	static const char *const head[] = {
	    "ID",    "EARLY START", "EARLY END", "LATE END",
	    "SLACK", "SHIFT",	    "CRITICAL"};
	static const bool right[] = {0, 0, 0, 0, 1, 1, 0};
	struct table t;
	bool ok = true;

	static const int optional[] = {5, 3, -1}; /* shift, late end */
	table_init(&t, 7, head, right, 0);
	static const bool keep[] = {0, 1, 1, 1, 0, 0, 1};
	t.optional = optional;
	t.keep = keep;
	for (size_t i = 0; i < s->n; i++) {
		const struct roadmap_schedule_row *r = &s->rows[i];
		char a[16], b[16], c[16], sl[16], sh[16];
		snprintf(sl, sizeof(sl), "%ld", (long)r->slack_days);
		snprintf(sh, sizeof(sh), "%+ld", (long)r->shift_days);
		const char *cells[] = {roadmap_initiative_at(rm, r->index)->id,
				       roadmap_day_format(r->earliest_start, a),
				       roadmap_day_format(r->earliest_end, b),
				       roadmap_day_format(r->latest_end, c),
				       sl,
				       r->shift_days ? sh : "0",
				       r->critical ? "yes" : ""};
		ok = ok && table_add(&t, cells);
	}
	return table_emit(&t, ok);
}

static int print_csv(const struct roadmap *rm, const struct roadmap_schedule *s)
{
	struct roadmap_rows rows;
	struct roadmap_error err;
	enum roadmap_status st = roadmap_schedule_rows(rm, s, &rows, &err);

	return print_rows_csv(&rows, st, &err);
}

/*
 * What --apply changed, as diff shows it (the roadmap on disk, still under
 * our lock, against the moved one): the dates of every moved initiative,
 * then planned spend per quarter, which follows the dates. Worked out
 * before the save and said only once the save has succeeded.
 */
static int changes_of(const struct ctx *ctx, const struct roadmap *rm,
		      char **out)
{
	struct roadmap_error err;
	struct roadmap *before = NULL;
	bool differs;
	int rc = 0;

	*out = NULL;
	if (load_view(ctx, &before, &err) ||
	    roadmap_diff(before, rm, ROADMAP_OUTPUT_TEXT, out, &differs,
			 &err)) {
		rc = fail_err(&err);
	}
	roadmap_destroy(before);
	return rc;
}

static void say_changes(char *text)
{
	for (char *line = text, *nl; line && *line; line = nl + 1) {
		if ((nl = strchr(line, '\n'))) {
			*nl = '\0';
		}
		msg("%s", line);
		if (!nl) {
			break;
		}
	}
}

struct schedule_opts {
	int format;
	bool apply, level;
	const char *as_of, *horizon;
	char *pins;
	struct selection_opts sel;
};

static const struct opt schedule_opts[] = {
    OPT_CHOICE("format", "F", report_formats, struct schedule_opts, format,
	       "table, csv or json"),
    OPT_FLAG("apply", struct schedule_opts, apply,
	     "move shifted initiatives to their earliest dates (start,\n"
	     "end and estimates by the same days; cost follows the\n"
	     "dates) and say what changed; with --level, make its\n"
	     "moves"),
    OPT_FLAG("level", struct schedule_opts, level,
	     "delay initiatives by whole weeks until every team's\n"
	     "quarterly load fits its capacity"),
    OPT_STRING("as-of", 0, "DATE", struct schedule_opts, as_of,
	       "with --level: work started before DATE stays (default\n"
	       "today)"),
    OPT_LIST("pin", "ID", struct schedule_opts, pins,
	     "with --level: this initiative keeps its dates"),
    OPT_STRING("horizon", 0, "WEEKS", struct schedule_opts, horizon,
	       "with --level: the most delay, 1-520 weeks (default 52)"),
    OPT_SELECTION(struct schedule_opts, sel),
    {0},
};

static int schedule_of(struct ctx *ctx, struct schedule_opts o, int argc,
		       char **argv)
{
	struct roadmap_selection sel;
	struct roadmap_schedule s;
	struct roadmap_error err;
	struct session ses = {0};
	struct roadmap *rm;
	size_t moved = 0;
	char *changes = NULL;
	int rc;

	if ((rc = selection_of(&cmd_schedule, &o.sel, &sel))) {
		return rc;
	}
	bool apply = o.apply;
	if (apply && roadmap_selection_given(&sel)) {
		return usage_error(&cmd_schedule,
				   "--apply moves the whole roadmap: it takes "
				   "no selection");
	}
	enum report_format format = (enum report_format)o.format;
	if (optind < argc) {
		return usage_error(&cmd_schedule, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = begin_maybe_write(ctx, apply, &ses))) {
		return rc;
	}
	rm = ses.rm;
	if ((rc = selection_known(rm, &sel)) || (rc = narrow(rm, &sel))) {
		goto out;
	}
	if (roadmap_schedule(rm, &s, &err)) {
		rc = fail_err(&err);
		goto out;
	}
	if (apply) {
		/* The schedule shown is the one applied; it is written out
		 * and flushed before the roadmap is saved, so a failed
		 * output leaves the roadmap as it was. */
		if (roadmap_schedule_apply(rm, &s, &moved, &err)) {
			rc = fail_err(&err);
			roadmap_schedule_release(&s);
			goto out;
		}
		roadmap_schedule_release(&s);
		if (roadmap_schedule(rm, &s, &err)) {
			rc = fail_err(&err);
			goto out;
		}
	}
	if (format == REPORT_TABLE) {
		rc = print_table(rm, &s);
	} else if (format == REPORT_CSV) {
		rc = print_csv(rm, &s);
	} else {
		char *out;
		if (roadmap_schedule_json(rm, &s, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	}
	if (rc == 0) {
		rc = flush_stdout();
	}
	if (rc == 0 && moved > 0) {
		rc = changes_of(ctx, rm, &changes);
	}
	roadmap_schedule_release(&s);
out:
	rc = end_maybe_write(ctx, &ses, moved > 0, rc);
	if (rc == 0) {
		say_changes(changes);
	}
	free(changes);
	if (apply && rc == 0) {
		msg("moved %zu initiative%s to %s earliest dates", moved,
		    moved == 1 ? "" : "s", moved == 1 ? "its" : "their");
	}
	return rc;
}

/* ------------------------------------------------------------ --level */

static void load_cell(int64_t v, int64_t days, char *buf)
{
	fte_text((v + days / 2) / days, buf);
}

static void say_objective(const char *what,
			  const struct roadmap_level_objective *o)
{
	char day[16];

	printf("%s: %lld day%s past goal due dates, %lld day%s of delay, "
	       "last end %s\n",
	       what, (long long)o->late_days, o->late_days == 1 ? "" : "s",
	       (long long)o->delay_days, o->delay_days == 1 ? "" : "s",
	       o->has_end ? roadmap_day_format(o->end, day) : "-");
}

static int print_level(const struct roadmap *rm, const struct roadmap_level *l)
{
	int rc = 0;

	if (l->n_moves == 0) {
		printf("no initiative moves\n");
	} else {
		static const char *const head[] = {"ID", "WEEKS", "START",
						   "END", "WHY"};
		static const bool right[] = {0, 1, 0, 0, 0};
		static const bool keep[] = {0, 1, 1, 1, 0};
		struct table t;
		bool ok = true;
		table_init(&t, 5, head, right, 4);
		t.keep = keep;
		for (size_t k = 0; k < l->n_moves; k++) {
			const struct roadmap_level_move *mv = &l->moves[k];
			char w[16], a[16], b[16];
			snprintf(w, sizeof(w), "%d", mv->weeks);
			const char *cells[] = {
			    roadmap_initiative_at(rm, mv->index)->id, w,
			    roadmap_day_format(mv->start, a),
			    roadmap_day_format(mv->end, b),
			    *mv->reason ? mv->reason : "-"};
			ok = ok && table_add(&t, cells);
		}
		if ((rc = table_emit(&t, ok))) {
			return rc;
		}
	}
	if (l->n_late_goals) {
		static const char *const head[] = {"GOAL", "DUE", "DAYS LATE",
						   "BEFORE"};
		static const bool right[] = {0, 0, 1, 1};
		struct table t;
		bool ok = true;
		printf("\n");
		table_init(&t, 4, head, right, 0);
		for (size_t k = 0; k < l->n_late_goals; k++) {
			const struct roadmap_level_goal *g = &l->late_goals[k];
			char d[16], a[24], b[24];
			snprintf(a, sizeof(a), "%lld", (long long)g->late_days);
			snprintf(b, sizeof(b), "%lld",
				 (long long)g->late_days_before);
			const char *cells[] = {
			    roadmap_goal_at(rm, g->index)->id,
			    roadmap_day_format(g->due, d), a, b};
			ok = ok && table_add(&t, cells);
		}
		if ((rc = table_emit(&t, ok))) {
			return rc;
		}
	}
	/* the quarters levelling changed, and those still over */
	size_t shown = 0;
	for (size_t k = 0; k < l->n_loads; k++) {
		const struct roadmap_level_load *x = &l->loads[k];
		shown += x->before != x->after || x->before > x->capacity ||
			 x->after > x->capacity;
	}
	if (shown) {
		static const char *const head[] = {
		    "TEAM", "QUARTER", "CAPACITY", "BEFORE", "AFTER"};
		static const bool right[] = {0, 0, 1, 1, 1};
		struct table t;
		bool ok = true;
		printf("\n");
		table_init(&t, 5, head, right, 0);
		for (size_t k = 0; k < l->n_loads; k++) {
			const struct roadmap_level_load *x = &l->loads[k];
			if (x->before == x->after && x->before <= x->capacity) {
				continue;
			}
			char q[16], c[32], b[32], a[32];
			load_cell(x->capacity, x->days, c);
			load_cell(x->before, x->days, b);
			load_cell(x->after, x->days, a);
			const char *cells[] = {roadmap_team_at(rm, x->team)->id,
					       roadmap_quarter_label(x->qi, q),
					       c, b, a};
			ok = ok && table_add(&t, cells);
		}
		if ((rc = table_emit(&t, ok))) {
			return rc;
		}
	}
	printf("\n");
	say_objective(roadmap_plan_status_name(l->status), &l->objective);
	if (l->status == ROADMAP_PLAN_FEASIBLE) {
		say_objective("bound", &l->bound);
	}
	return 0;
}

/* The pins of --pin (a comma list): the array and the copy its strings
 * live in. */
static int split_pins(char *list, char ***out, size_t *n)
{
	size_t cap = 1;

	*out = NULL;
	*n = 0;
	if (!list) {
		return 0;
	}
	for (const char *p = list; *p; p++) {
		cap += *p == ',';
	}
	*out = malloc(cap * sizeof(char *));
	if (!*out) {
		msg("out of memory");
		return 70;
	}
	for (char *p = list, *comma; p; p = comma ? comma + 1 : NULL) {
		if ((comma = strchr(p, ','))) {
			*comma = '\0';
		}
		(*out)[(*n)++] = p;
	}
	return 0;
}

static int level_of(struct ctx *ctx, struct schedule_opts *o, int argc,
		    char **argv)
{
	struct roadmap_level_options opt = {0};
	struct roadmap_selection sel;
	struct roadmap_level l = {0};
	struct roadmap_error err;
	struct session ses = {0};
	char **pins = NULL, *changes = NULL;
	size_t moved = 0, n_pins = 0;
	double horizon = 0;
	int rc;

	if ((rc = selection_of(&cmd_schedule, &o->sel, &sel))) {
		return rc;
	}
	if (roadmap_selection_given(&sel)) {
		return usage_error(&cmd_schedule,
				   "--level levels the whole roadmap: it takes "
				   "no selection");
	}
	if (optind < argc) {
		return usage_error(&cmd_schedule, "unexpected argument '%s'",
				   argv[optind]);
	}
	if (o->horizon && (rc = number_arg(&cmd_schedule, "horizon", o->horizon,
					   1, 520, false, "1-520", &horizon))) {
		return rc;
	}
	if ((rc = split_pins(o->pins, &pins, &n_pins))) {
		return rc;
	}
	if ((rc = begin_maybe_write(ctx, o->apply, &ses))) {
		free(pins);
		return rc;
	}
	struct roadmap *rm = ses.rm;
	if ((rc = today_arg("as-of", o->as_of, roadmap_fiscal_start(rm), false,
			    &opt.as_of))) {
		goto out;
	}
	opt.pins = (const char *const *)pins;
	opt.n_pins = n_pins;
	opt.horizon_weeks = (int)horizon;
	if (roadmap_level(rm, &opt, &l, &err)) {
		rc = fail_err(&err);
		goto out;
	}
	for (size_t k = 0; k < l.n_loads; k++) {
		const struct roadmap_level_load *x = &l.loads[k];
		if (x->past && x->before > x->capacity) {
			char q[16], day[16];
			msg("note: \"%s@%s\" is over capacity in a quarter "
			    "that ended before %s: history, not levelled",
			    roadmap_team_at(rm, x->team)->id,
			    roadmap_quarter_label(x->qi, q),
			    roadmap_day_format(l.as_of, day));
		}
	}
	bool inf = l.status == ROADMAP_PLAN_INFEASIBLE;
	if (o->apply && !inf && roadmap_level_apply(rm, &l, &moved, &err)) {
		rc = fail_err(&err);
		goto out;
	}
	if (o->format == REPORT_JSON) {
		char *text;
		if (roadmap_level_json(rm, &l, &text, &err)) {
			rc = fail_err(&err);
			goto out;
		}
		rc = write_stdout(text, strlen(text));
		free(text);
	} else if (o->format == REPORT_CSV) {
		struct roadmap_rows rows;
		enum roadmap_status st =
		    roadmap_level_rows(rm, &l, &rows, &err);
		rc = inf ? 0 : print_rows_csv(&rows, st, &err);
		if (inf && st == ROADMAP_OK) {
			roadmap_rows_release(&rows);
		}
	} else if (!inf) {
		rc = print_level(rm, &l);
	}
	if (rc == 0) {
		rc = flush_stdout();
	}
	if (rc == 0 && inf) {
		msg("schedule --level: %s", l.why);
		rc = EXIT_FINDINGS;
	}
	if (rc == 0 && moved > 0) {
		rc = changes_of(ctx, rm, &changes);
	}
out:
	rc = end_maybe_write(ctx, &ses, moved > 0, rc);
	if (rc == 0) {
		say_changes(changes);
	}
	free(changes);
	if (o->apply && rc == 0) {
		msg("moved %zu initiative%s by whole weeks", moved,
		    moved == 1 ? "" : "s");
	}
	roadmap_level_release(&l);
	free(pins);
	return rc;
}

static int run_schedule(struct ctx *ctx, int argc, char **argv)
{
	struct schedule_opts o = {0};
	int rc = parse_options(&cmd_schedule, argc, argv, &o);

	if (rc == 0 && !o.level && (o.as_of || o.pins || o.horizon)) {
		rc = usage_error(&cmd_schedule, "--%s needs --level",
				 o.as_of  ? "as-of"
				 : o.pins ? "pin"
					  : "horizon");
	} else if (rc == 0 && o.level) {
		rc = level_of(ctx, &o, argc, argv);
	} else if (rc == 0) {
		rc = schedule_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	free(o.pins);
	return rc;
}

const struct cmd cmd_schedule = {
    .name = "schedule",
    .summary = "dependency schedule and critical path",
    .help = "For every initiative that counts: the earliest dates its "
	    "prerequisites allow\n(finish-to-start), the latest dates that "
	    "do not delay the roadmap's end,\nslack in days, whether it is "
	    "critical (no slack) and how far it must shift.\n"
	    "A dependency cycle is an error (exit 65) that names it.\n"
	    "With --level: delays by whole weeks so that no team's load in "
	    "a quarter\nexceeds its capacity and every dependency holds: "
	    "fewest days past goal due\ndates first, then least delay, "
	    "then the earliest last end; each move with\nwhy. Exit 1 when "
	    "no plan fits within the horizon.\n",
    .opts = schedule_opts,
    .examples = "  roadmap schedule\n"
		"  roadmap schedule --format json | jq '.[] | "
		"select(.critical) | .id'\n"
		"  roadmap schedule --level --as-of 2026-04-01 --pin "
		"billing --apply\n",
    .run = run_schedule,
};
