/* cmd-show.c - one item with everything computed about it. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* "  label       value"; a value of several lines (notes) goes on under
 * its first. */
static void line(const char *label, const char *value)
{
	printf("  %-11s ", label);
	for (const char *p = value; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1]) {
			printf("%14s", "");
		}
	}
	putchar('\n');
}

static void money_line(const struct roadmap *rm, const char *label, int64_t v)
{
	char buf[32], out[48];

	snprintf(out, sizeof(out), "%s %s", roadmap_currency(rm),
		 roadmap_money_format(v, true, buf));
	line(label, out);
}

/* Every field of the item, from the library's model of it: a field added
 * there shows here without a change. 0, or an exit code. */
static int field_lines(const struct roadmap *rm, const char *id)
{
	struct roadmap_rows rows;
	struct roadmap_error err;

	if (roadmap_item_fields(rm, id, &rows, &err)) {
		return fail_err(&err);
	}
	for (size_t r = 1; r <= rows.n_rows; r++) {
		line(rows.cells[r * 2], rows.cells[r * 2 + 1]);
	}
	roadmap_rows_release(&rows);
	return 0;
}

static int show_initiative(const struct roadmap *rm,
			   const struct roadmap_initiative *in)
{
	char a[40], buf[200];
	int fs = roadmap_fiscal_start(rm);

	printf("initiative %s: %s\n", in->id, in->title);
	int rc = field_lines(rm, in->id);
	if (rc) {
		return rc;
	}
	snprintf(buf, sizeof(buf), "%ld", (long)(in->end - in->start + 1));
	line("days", buf);
	money_line(rm, "total", in->opex + in->capex);
	if (in->end >= in->start) {
		int q0;
		int64_t *op = NULL, *cap = NULL;
		size_t n, n2;
		if (roadmap_spread(in->opex, in->start, in->end, fs, &q0, &op,
				   &n) ||
		    roadmap_spread(in->capex, in->start, in->end, fs, &q0, &cap,
				   &n2)) {
			free(op);
			msg("out of memory");
			return 70;
		}
		printf("  spend by quarter (%s):\n", roadmap_currency(rm));
		printf("    %-8s %16s %16s %16s %16s\n", "QUARTER", "OPEX",
		       "CAPEX", "TOTAL", "ACTUAL");
		for (size_t k = 0; k < n; k++) {
			char o[32], c[32], t[32], act[32] = "-";
			int qi = q0 + (int)k;
			for (size_t j = 0; j < in->n_actuals; j++) {
				if (in->actuals[j].qi == qi) {
					roadmap_money_format(
					    in->actuals[j].amount, true, act);
				}
			}
			printf("    %-8s %16s %16s %16s %16s\n",
			       roadmap_quarter_label(qi, a),
			       roadmap_money_format(op[k], true, o),
			       roadmap_money_format(cap[k], true, c),
			       roadmap_money_format(op[k] + cap[k], true, t),
			       act);
		}
		free(op);
		free(cap);
	}
	if (in->n_actuals) {
		printf("  actuals by kind (%s):\n", roadmap_currency(rm));
		printf("    %-8s %16s %16s %16s  %s\n", "QUARTER", "OPEX",
		       "CAPEX", "TOTAL", "SPLIT");
	}
	for (size_t k = 0; k < in->n_actuals; k++) {
		char o[32], c[32], t[32];
		int64_t ao, ac;
		bool est = roadmap_actual_kinds(in, &in->actuals[k], &ao, &ac);
		printf("    %-8s %16s %16s %16s  %s\n",
		       roadmap_quarter_label(in->actuals[k].qi, a),
		       roadmap_money_format(ao, true, o),
		       roadmap_money_format(ac, true, c),
		       roadmap_money_format(in->actuals[k].amount, true, t),
		       est ? "estimated" : "recorded");
	}
	return 0;
}

/* The goal's share of an initiative's cost (0 when it does not count). */
static int64_t goal_share(const struct roadmap *rm,
			  const struct roadmap_initiative *in,
			  const struct roadmap_goal *g)
{
	size_t n = 0, *gi = malloc(in->n_goals * sizeof(*gi));
	int64_t *op = malloc(in->n_goals * sizeof(*op));
	int64_t *cap = malloc(in->n_goals * sizeof(*cap)), share = 0;

	if (gi && op && cap && roadmap_initiative_counts(in) &&
	    roadmap_goal_shares(rm, in, gi, op, cap, &n) == ROADMAP_OK) {
		for (size_t k = 0; k < n; k++) {
			if (roadmap_goal_at(rm, gi[k]) == g) {
				share = op[k] + cap[k];
			}
		}
	}
	free(gi);
	free(op);
	free(cap);
	return share;
}

static int show_goal(const struct roadmap *rm, const struct roadmap_goal *g)
{

	int64_t planned = 0;
	size_t serving = 0;
	struct roadmap_error err;

	/* the total first: an overflow prints nothing but the error */
	if (roadmap_goal_planned(rm, g->id, &planned, &err)) {
		return fail_err(&err);
	}
	printf("goal %s: %s\n", g->id, g->title);
	int rc = field_lines(rm, g->id);
	if (rc) {
		return rc;
	}
	printf("  initiatives serving it:\n");
	for (size_t i = 0; i < roadmap_initiative_count(rm); i++) {
		const struct roadmap_initiative *in =
		    roadmap_initiative_at(rm, i);
		for (size_t k = 0; k < in->n_goals; k++) {
			if (strcmp(in->goals[k], g->id) != 0) {
				continue;
			}
			int64_t share = goal_share(rm, in, g);
			char m[32];
			printf("    %-20s %-10s %s %s\n", in->id,
			       roadmap_initiative_status_name(in->status),
			       roadmap_currency(rm),
			       roadmap_money_format(share, true, m));
			serving += roadmap_initiative_counts(in);
		}
	}
	if (!serving) {
		printf("    (none: the goal is unfunded)\n");
	}
	money_line(rm, "planned", planned);
	return 0;
}

/* The findings of `check` that concern the item (roadmap_item_findings). */
static void show_findings(const struct roadmap_findings *f)
{
	if (f->n) {
		printf("  findings:\n");
	} else {
		printf("  findings    none\n");
	}
	for (size_t i = 0; i < f->n; i++) {
		const struct roadmap_finding *x = &f->items[i];
		printf("    %-7s %s %s: %s\n",
		       roadmap_severity_name(x->severity), x->code, x->subject,
		       x->message);
	}
}

static void show_schedule(const struct roadmap *rm, size_t index)
{
	struct roadmap_schedule s;
	struct roadmap_error err;
	char a[16], b[16], buf[200];

	if (roadmap_schedule(rm, &s, &err)) {
		line("schedule", err.message);
		return;
	}
	for (size_t k = 0; k < s.n; k++) {
		const struct roadmap_schedule_row *r = &s.rows[k];
		if (r->index != index) {
			continue;
		}
		snprintf(buf, sizeof(buf),
			 "earliest %s .. %s, slack %ld day%s%s, shift %+ld",
			 roadmap_day_format(r->earliest_start, a),
			 roadmap_day_format(r->earliest_end, b),
			 (long)r->slack_days, r->slack_days == 1 ? "" : "s",
			 r->critical ? " (critical)" : "", (long)r->shift_days);
		line("schedule", buf);
	}
	roadmap_schedule_release(&s);
}

/* The tracking figures as of day (roadmap(1), status): progress and earned
 * value of an initiative that has started, a goal's measure and state. */
static int show_tracking(const struct roadmap *rm, const char *id,
			 roadmap_day day)
{
	struct roadmap_tracking t;
	struct roadmap_error err;
	char d[16], a[ROADMAP_NUMBER_BUF], b[ROADMAP_NUMBER_BUF], buf[300];
	char m[3][40];
	long gi = roadmap_goal_index(rm, id);

	if (roadmap_tracking(rm, day, NULL, &t, &err)) {
		return fail_err(&err);
	}
	roadmap_day_format(day, d);
	for (size_t k = 0; gi < 0 && k < t.n_initiatives; k++) {
		const struct roadmap_earned_value *x = &t.initiatives[k];
		if (strcmp(roadmap_initiative_at(rm, x->index)->id, id) != 0) {
			continue;
		}
		snprintf(buf, sizeof(buf), "%s %% done, %s %% planned by %s%s",
			 roadmap_number_format(x->progress, a),
			 roadmap_number_format(x->planned_pct, b), d,
			 x->late ? " (late)" : "");
		line("progress", buf);
		snprintf(buf, sizeof(buf), "PV %s  EV %s  AC %s (%s)",
			 roadmap_money_format(x->pv, true, m[0]),
			 roadmap_money_format(x->ev, true, m[1]),
			 roadmap_money_format(x->ac, true, m[2]),
			 roadmap_currency(rm));
		line("earned", buf);
		snprintf(buf, sizeof(buf), "SPI %s  CPI %s  EAC %s  VAC %s",
			 x->has_spi ? roadmap_number_format(x->spi, a) : "-",
			 x->has_cpi ? roadmap_number_format(x->cpi, b) : "-",
			 x->has_eac ? roadmap_money_format(x->eac, true, m[0])
				    : "-",
			 x->has_eac ? roadmap_money_format(x->vac, true, m[1])
				    : "-");
		line("indexes", buf);
	}
	if (gi >= 0) {
		const struct roadmap_goal_tracking *x = &t.goals[gi];
		const char *state = roadmap_goal_state_name(x->state);
		const struct roadmap_goal *g = roadmap_goal_at(rm, (size_t)gi);
		snprintf(
		    buf, sizeof(buf), "%s%s%s (%s%s)",
		    x->has_current ? roadmap_number_format(x->current, a) : "-",
		    g->unit ? " " : "", g->unit ? g->unit : "",
		    x->measured ? "measured "
				: "the baseline, nothing measured by ",
		    x->measured ? roadmap_day_format(x->measured_on, b) : d);
		line("current", buf);
		if (x->has_progress) {
			snprintf(buf, sizeof(buf), "%s %% of the way",
				 roadmap_number_format(
				     roadmap_ratio_percent(x->progress), a));
			if (x->has_expected) {
				size_t n = strlen(buf);
				snprintf(
				    buf + n, sizeof(buf) - n,
				    ", %s %% expected by now",
				    roadmap_number_format(
					roadmap_ratio_percent(x->expected), b));
			}
			line("progress", buf);
			snprintf(buf, sizeof(buf), "%s (score %s)", state,
				 roadmap_number_format(x->score, a));
			line("state", buf);
		} else {
			line("state", "- (needs a baseline and a target)");
		}
	}
	roadmap_tracking_release(&t);
	return 0;
}

struct show_opts {
	int format;
	const char *as_of;
};

static const struct opt show_opts[] = {
    OPT_CHOICE("format", "F", output_formats, struct show_opts, format,
	       "text (default) or json"),
    OPT_STRING("as-of", 0, "DATE", struct show_opts, as_of,
	       "the day of the tracking figures (default today:\n"
	       "ROADMAP_TODAY, else the system's date); given, the\n"
	       "findings are check --as-of DATE's"),
    {0},
};

static int run_show(struct ctx *ctx, int argc, char **argv)
{
	struct show_opts o = {ROADMAP_OUTPUT_TEXT, NULL};
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	if (parse_options(&cmd_show, argc, argv, &o)) {
		return 64;
	}
	enum roadmap_output format = (enum roadmap_output)o.format;
	if (argc - optind != 1) {
		return usage_error(&cmd_show, "show needs one ID");
	}
	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	const char *id = argv[optind];
	roadmap_day day;
	if ((rc = today_arg("as-of", o.as_of, roadmap_fiscal_start(rm), false,
			    &day))) {
		roadmap_destroy(rm);
		return rc;
	}
	/* the findings are check's with the same --as-of: the rules of a
	 * day only when one is given, so that they never change with the
	 * clock */
	struct roadmap_check_options co = {true, day, false};
	const struct roadmap_check_options *cop = o.as_of ? &co : NULL;
	if (format == ROADMAP_OUTPUT_JSON) {
		char *out;
		if (roadmap_item_json_check(rm, id, day, cop, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	} else if (roadmap_find_initiative(rm, id) ||
		   roadmap_find_goal(rm, id)) {
		/* everything computed first: a failure prints nothing */
		struct roadmap_findings f;
		if (roadmap_item_findings(rm, id, cop, &f, &err)) {
			rc = fail_err(&err);
		} else {
			if (roadmap_find_initiative(rm, id)) {
				rc = show_initiative(
				    rm, roadmap_find_initiative(rm, id));
				if (rc == 0) {
					show_schedule(
					    rm,
					    (size_t)roadmap_initiative_index(
						rm, id));
				}
			} else {
				rc = show_goal(rm, roadmap_find_goal(rm, id));
			}
			if (rc == 0) {
				rc = show_tracking(rm, id, day);
			}
			if (rc == 0) {
				show_findings(&f);
			}
			roadmap_findings_release(&f);
		}
	} else if (roadmap_find_team(rm, id)) {
		const struct roadmap_team *t = roadmap_find_team(rm, id);
		printf("team %s\n", t->id);
		rc = field_lines(rm, t->id);
		/* the ramp: the capacity from each day on */
		for (size_t k = 0; rc == 0 && k < t->n_capacity_changes; k++) {
			char d[16], f[32];
			if (k == 0) {
				printf("  capacity changes (FTE from the day "
				       "on):\n");
			}
			printf(
			    "    %s  %s\n",
			    roadmap_day_format(t->capacity_changes[k].day, d),
			    fte_text(roadmap_team_capacity_on(
					 t, t->capacity_changes[k].day),
				     f));
		}
		if (rc == 0) {
			printf("  initiatives:\n");
		}
		for (size_t i = 0; rc == 0 && i < roadmap_initiative_count(rm);
		     i++) {
			const struct roadmap_initiative *in =
			    roadmap_initiative_at(rm, i);
			if (in->team && strcmp(in->team, id) == 0) {
				printf(
				    "    %-20s %s\n", in->id,
				    roadmap_initiative_status_name(in->status));
			}
		}
	} else {
		msg("no goal, initiative or team \"%s\"", id);
		rc = 65;
	}
	if (rc == 0 && format == ROADMAP_OUTPUT_TEXT && fflush(stdout) != 0) {
		rc = write_stdout("", 0);
	}
	release_at_exit(rm);
	return rc;
}

const struct cmd cmd_show = {
    .name = "show",
    .summary = "show one item with everything computed about it",
    .args = "ID",
    .help = "For an initiative: its fields, total cost and spend per "
	    "fiscal quarter\nwith actuals. For a goal: the initiatives "
	    "serving it and its planned total\n(each initiative's cost "
	    "split equally among its goals). Both with their\ntracking "
	    "figures as of a day (see 'roadmap status').\n",
    .opts = show_opts,
    .examples = "  roadmap show recs-engine\n"
		"  roadmap show retention --format json\n",
    .run = run_show,
};
