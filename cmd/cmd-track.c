/* cmd-track.c - tracking (roadmap(1), status): progress, measurements and
 * status. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct record_opts {
	const char *on;
	bool unset;
};

static const struct opt progress_opts[] = {
    OPT_STRING("on", 0, "DATE", struct record_opts, on,
	       "the day of the figure (default today: ROADMAP_TODAY,\n"
	       "else the system's date; a period means its last day)"),
    OPT_FLAG("unset", struct record_opts, unset,
	     "remove the figure recorded for that day"),
    {0},
};

/* progress and measure: one figure on one day of an initiative or goal. */
static int run_record(const struct cmd *cmd, bool goal, struct ctx *ctx,
		      int argc, char **argv)
{
	struct record_opts o = {NULL, false};
	struct roadmap_error err;
	struct session s;
	roadmap_day day = 0;
	double v = 0;
	int rc;

	if (parse_options(cmd, argc, argv, &o)) {
		return 64;
	}
	if (argc - optind != (o.unset ? 1 : 2)) {
		return usage_error(cmd,
				   "needs %s and %s, or with --unset %s "
				   "alone",
				   goal ? "GOAL" : "INITIATIVE",
				   goal ? "VALUE" : "PERCENT",
				   goal ? "GOAL" : "INITIATIVE");
	}
	const char *id = argv[optind], *figure = argv[optind + 1];
	if ((rc = begin_write(ctx, &s))) {
		return rc;
	}
	if ((rc = today_arg("on", o.on, roadmap_fiscal_start(s.rm), false,
			    &day))) {
		/* the message is out */
	} else if (o.unset) {
		if (goal ? roadmap_unset_measurement(s.rm, id, day, &err)
			 : roadmap_unset_progress(s.rm, id, day, &err)) {
			rc = fail_err(&err);
		}
	} else {
		/* a percent may carry its sign: "60%" */
		size_t len = strlen(figure);
		char *text = strndup(
		    figure,
		    !goal && len && figure[len - 1] == '%' ? len - 1 : len);
		if (!text) {
			msg("out of memory");
			rc = 70;
		} else if (roadmap_number_parse(text, &v, &err)) {
			/* a number out of range says so (the parser's
			 * message); other text is not a percent */
			bool number = (text[0] >= '0' && text[0] <= '9') ||
				      (text[0] == '-' && text[1] >= '0' &&
				       text[1] <= '9');
			if (goal || number) {
				rc = fail_err(&err);
			} else {
				msg("\"%s\" is not a percent (0 to 100)",
				    figure);
				rc = 65;
			}
		} else if (goal
			       ? roadmap_set_measurement(s.rm, id, day, v, &err)
			       : roadmap_set_progress(s.rm, id, day, v, &err)) {
			rc = fail_err(&err);
		}
		free(text);
	}
	return finish_write(ctx, &s, true, rc);
}

static int run_progress(struct ctx *ctx, int argc, char **argv)
{
	return run_record(&cmd_progress, false, ctx, argc, argv);
}

static int run_measure(struct ctx *ctx, int argc, char **argv)
{
	return run_record(&cmd_measure, true, ctx, argc, argv);
}

const struct cmd cmd_progress = {
    .name = ROADMAP_FIELD_PROGRESS, /* it records the field */
    .summary = "record how far an initiative has come",
    .args = "INITIATIVE [PERCENT]",
    .help = "Records the initiative's percent complete (0 to 100, at most "
	    "two decimals) as\nof a day; a later figure for the same day "
	    "replaces the earlier one. 'roadmap\nstatus' reads the latest "
	    "figure on or before its day as the earned share.\n--unset "
	    "removes the figure of the day (--on).\n",
    .opts = progress_opts,
    .examples = "  roadmap progress recs-engine 60\n"
		"  roadmap progress recs-engine 45 --on 2026-06-30\n"
		"  roadmap progress recs-engine --unset --on 2026-06-30\n",
    .run = run_progress,
};

const struct cmd cmd_measure = {
    .name = "measure",
    .summary = "record a goal's metric as measured on a day",
    .args = "GOAL [VALUE]",
    .help = "Records the value of the goal's metric (in its unit) as "
	    "measured on a day; a\nlater figure for the same day replaces "
	    "the earlier one. 'roadmap status'\nmeasures the goal's "
	    "progress from its baseline towards its target with the\n"
	    "latest value on or before its day. A negative value follows "
	    "--\n(roadmap measure margin -- -2.5). --unset removes the "
	    "figure of the day.\n",
    .opts = progress_opts,
    .examples = "  roadmap measure retention 74.5\n"
		"  roadmap measure retention 72 --on 2026-Q1\n",
    .run = run_measure,
};

/* ------------------------------------------------------------- status */

struct status_opts {
	const char *as_of, *baseline;
	int format, table;
	struct selection_opts sel;
};

static const char *const tables[] = {ROADMAP_KEY_INITIATIVES, ROADMAP_KEY_GOALS,
				     NULL};

static const struct opt status_opts[] = {
    OPT_STRING("as-of", 0, "DATE", struct status_opts, as_of,
	       "the day to report on (default today: ROADMAP_TODAY,\n"
	       "else the system's date; a period means its last day)"),
    OPT_BASELINE(struct status_opts, baseline,
		 "compare each initiative's end and budget with OLD\n"
		 "(last quarter's file, - or <(git show v1:roadmap.json))"),
    OPT_CHOICE("format", "F", report_formats, struct status_opts, format,
	       "table (default), csv or json"),
    OPT_NAMED("table", "table", "T", tables, roadmap_table_parse,
	      struct status_opts, table,
	      "with csv: initiatives (default) or goals"),
    OPT_SELECTION(struct status_opts, sel),
    {0},
};

/* A figure the tracking report has already rounded, written the same
 * in every locale ("-" when !has); buf holds ROADMAP_NUMBER_BUF bytes. */
static char *num_cell(bool has, double v, char *buf)
{
	return has ? roadmap_number_format(v, buf) : strcpy(buf, "-");
}

/* The initiatives' table at a money scale (see money_cell). */
static bool initiatives_table(const struct roadmap *rm,
			      const struct roadmap_tracking *t, int scale,
			      struct table *tb)
{
	static const char *const head[] = {
	    "INITIATIVE", "BAC",  "PLAN %",   "DONE %",	   "PV",  "EV",
	    "AC",	  "SV",	  "CV",	      "SPI",	   "CPI", "EAC",
	    "VAC",	  "LATE", "SLIP (d)", "BAC CHANGE"};
	static const bool right[] = {0, 1, 1, 1, 1, 1, 1, 1,
				     1, 1, 1, 1, 1, 0, 1, 1};
	/* left out first when the width is short */
	static const int optional[] = {12, 8, 7, 4, 6, 2, 11, -1};
	size_t n = t->baselined ? 16 : 14;

	table_init(tb, n, head, right, 0);
	tb->optional = optional;
	for (size_t i = 0; i <= t->n_initiatives; i++) {
		bool total = i == t->n_initiatives;
		const struct roadmap_earned_value *x =
		    total ? NULL : &t->initiatives[i];
		char c[16][ROADMAP_NUMBER_BUF];
		const char *cells[16];
		cells[0] =
		    total ? "TOTAL" : roadmap_initiative_at(rm, x->index)->id;
		money_cell(true, total ? t->bac : x->bac, scale, c[1]);
		if (total) {
			strcpy(c[2], "");
			strcpy(c[3], "");
		} else {
			num_cell(true, x->planned_pct, c[2]);
			num_cell(true, x->progress, c[3]);
		}
		money_cell(true, total ? t->pv : x->pv, scale, c[4]);
		money_cell(true, total ? t->ev : x->ev, scale, c[5]);
		money_cell(true, total ? t->ac : x->ac, scale, c[6]);
		money_cell(true, total ? t->ev - t->pv : x->sv, scale, c[7]);
		money_cell(true, total ? t->ev - t->ac : x->cv, scale, c[8]);
		num_cell(total ? t->has_spi : x->has_spi,
			 total ? t->spi : x->spi, c[9]);
		num_cell(total ? t->has_cpi : x->has_cpi,
			 total ? t->cpi : x->cpi, c[10]);
		money_cell(total ? t->has_eac : x->has_eac,
			   total ? t->eac : x->eac, scale, c[11]);
		money_cell(total ? t->has_eac : x->has_eac,
			   total ? t->bac - t->eac : x->vac, scale, c[12]);
		strcpy(c[13], total || !x->late ? "" : "late");
		strcpy(c[14], "");
		strcpy(c[15], "");
		if (!total && t->baselined && x->in_baseline) {
			snprintf(c[14], sizeof(c[14]), "%+lld",
				 (long long)x->slip_days);
			money_cell(true, x->bac_change, scale, c[15]);
		} else if (!total && t->baselined) {
			strcpy(c[14], "new");
		}
		for (size_t k = 0; k < 16; k++) {
			cells[k] = k ? c[k] : cells[0];
		}
		if (!table_add(tb, cells)) {
			table_release(tb);
			return false;
		}
	}
	return true;
}

static int print_goals(const struct roadmap *rm,
		       const struct roadmap_tracking *t)
{
	static const char *const head[] = {"GOAL",     "CURRENT",  "TARGET",
					   "PROGRESS", "EXPECTED", "STATE",
					   "SCORE"};
	static const bool right[] = {0, 1, 1, 1, 1, 0, 1};
	struct table tb;
	bool ok = true;

	table_init(&tb, 7, head, right, 0);
	for (size_t i = 0; i < t->n_goals; i++) {
		const struct roadmap_goal_tracking *x = &t->goals[i];
		const struct roadmap_goal *g = roadmap_goal_at(rm, x->index);
		char c[7][ROADMAP_NUMBER_BUF + 8], p[ROADMAP_NUMBER_BUF];
		const char *state = roadmap_goal_state_name(x->state);
		strcpy(c[1], "-");
		strcpy(c[2], "-");
		if (x->has_current) {
			roadmap_number_format(x->current, c[1]);
		}
		if (g->has_target) {
			roadmap_number_format(g->target, c[2]);
		}
		snprintf(c[3], sizeof(c[3]), "%s %%",
			 num_cell(true, roadmap_ratio_percent(x->progress), p));
		snprintf(c[4], sizeof(c[4]), "%s %%",
			 num_cell(true, roadmap_ratio_percent(x->expected), p));
		num_cell(true, x->score, c[6]);
		const char *cells[] = {g->id,
				       c[1],
				       c[2],
				       x->has_progress ? c[3] : "-",
				       x->has_expected ? c[4] : "-",
				       state ? state : "-",
				       x->has_progress ? c[6] : "-"};
		ok = ok && table_add(&tb, cells);
	}
	return table_emit(&tb, ok);
}

static int print_table(const struct roadmap *rm,
		       const struct roadmap_tracking *t)
{
	static const char *const units[] = {"", ", whole units", ", thousands"};
	char day[16];
	struct table tb;
	int scale = 0, rc;

	roadmap_day_format(t->as_of, day);
	if (t->n_initiatives == 0) {
		printf("No initiative has started by %s.\n", day);
	} else {
		/* every column at the finest scale that fits, else the
		 * optional ones left out at whole units or thousands; when
		 * nothing fits, the narrowest (the finer of equals) */
		static const int tries[][2] = {
		    {0, 0}, {1, 0}, {2, 0}, {1, 1}, {2, 1}};
		size_t best = 0, best_w = (size_t)-1;
		for (size_t k = 0; k <= 5; k++) {
			size_t pick = k < 5 ? k : best;
			scale = tries[pick][0];
			if (!initiatives_table(rm, t, scale, &tb)) {
				msg("out of memory");
				return 70;
			}
			size_t w = table_width_of(&tb, tries[pick][1]);
			if (k == 5 || w <= term_width()) {
				break;
			}
			if (w < best_w) {
				best = k;
				best_w = w;
			}
			table_release(&tb);
		}
		printf("Earned value as of %s (%s%s)\n", day,
		       roadmap_currency(rm), units[scale]);
		rc = table_print(&tb, stdout);
		table_release(&tb);
		if (rc) {
			return rc;
		}
	}
	for (size_t i = 0; t->baselined && i < t->n_removed; i++) {
		printf("%s%s",
		       i ? ", " : "Not in this file any more: ", t->removed[i]);
		printf(i + 1 == t->n_removed ? "\n" : "");
	}
	if (t->n_goals) {
		printf("\nGoals as of %s\n", day);
		if ((rc = print_goals(rm, t))) {
			return rc;
		}
	}
	return write_stdout("", 0);
}

static int load_baseline(const char *path, struct roadmap **out)
{
	struct roadmap_error err;

	if (load_any(path, out, &err)) {
		msg("the baseline %s cannot be read:", path);
		return fail_err(&err);
	}
	return 0;
}

static int status_of(struct ctx *ctx, struct status_opts o, int argc,
		     char **argv)
{
	struct roadmap_selection sel;
	struct roadmap_tracking t;
	struct roadmap_error err;
	struct roadmap *rm, *base = NULL;
	roadmap_day day;
	int rc;

	if (optind < argc) {
		return usage_error(&cmd_status, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = open_selected(ctx, &cmd_status, &o.sel, &sel, &rm))) {
		return rc;
	}
	/* the baseline narrowed alike: the slip of the same work */
	if ((rc = today_arg("as-of", o.as_of, roadmap_fiscal_start(rm), false,
			    &day)) ||
	    (o.baseline && ((rc = load_baseline(o.baseline, &base)) ||
			    (rc = narrow(base, &sel))))) {
		roadmap_destroy(base);
		roadmap_destroy(rm);
		return rc;
	}
	if (roadmap_tracking(rm, day, base, &t, &err)) {
		rc = fail_err(&err);
	} else if (o.format == REPORT_TABLE) {
		rc = print_table(rm, &t);
	} else if (o.format == REPORT_CSV) {
		struct roadmap_rows rows;
		rc = print_rows_csv(
		    &rows,
		    roadmap_tracking_rows(
			rm, &t, o.table == ROADMAP_TABLE_GOALS, &rows, &err),
		    &err);
	} else {
		char *out;
		if (roadmap_tracking_json(rm, &t, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	}
	roadmap_tracking_release(&t);
	roadmap_destroy(base);
	release_at_exit(rm);
	return rc;
}

static int run_status(struct ctx *ctx, int argc, char **argv)
{
	struct status_opts o = {.format = REPORT_TABLE,
				.table = ROADMAP_TABLE_INITIATIVES};
	int rc = parse_options(&cmd_status, argc, argv, &o);

	if (rc == 0) {
		rc = status_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_status = {
    .name = "status",
    .summary = "progress, earned value and goals as of a day",
    .help = "Per initiative that has started: budget at completion (BAC), "
	    "planned and\nrecorded percent complete, planned and earned value "
	    "(PV, EV), actual cost\n(AC), schedule and cost variances and "
	    "indexes (SV, CV, SPI, CPI), estimate\nat completion (EAC), "
	    "variance at completion (VAC) and whether it is late.\nPer goal: "
	    "its current value, progress from baseline to target, the "
	    "progress\nexpected by now, its state (achieved, on-track, "
	    "at-risk, missed) and its\nOKR score. 'man roadmap' gives every "
	    "formula.\n",
    .opts = status_opts,
    .examples =
	"  roadmap status\n"
	"  roadmap status --as-of 2026-Q2 --format json\n"
	"  roadmap status --baseline <(git show v2026-Q1:roadmap.json)\n",
    .run = run_status,
};
