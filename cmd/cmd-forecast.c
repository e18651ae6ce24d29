/* cmd-forecast.c - Monte Carlo dates and costs from three-point estimates. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct forecast_opts {
	const char *trials;
	const char *seed;
	const char *as_of;
	int format;
	struct selection_opts sel;
};

/* "LABEL  P50 A  P80 B  P95 C" on one line, or past the width each
 * figure on a line of its own under the label. */
static void percentiles(const char *label, const char *a, const char *b,
			const char *c)
{
	const char *sep =
	    strlen(label) + strlen(a) + strlen(b) + strlen(c) + 18 <=
		    term_width()
		? "  "
		: "\n  ";

	printf("%s%sP50 %s%sP80 %s%sP95 %s\n", label, sep, a, sep, b, sep, c);
}

static const struct opt forecast_opts[] = {
    OPT_STRING("trials", 0, "N", struct forecast_opts, trials,
	       "trials to run (1 to 10000000, default 10000)"),
    OPT_STRING("seed", 0, "S", struct forecast_opts, seed,
	       "the random seed (0 to 2^53 = 9007199254740992,\n"
	       "default 1): the same seed gives the same output"),
    OPT_STRING("as-of", 0, "DATE", struct forecast_opts, as_of,
	       "forecast from DATE: done work fixed, started work\n"
	       "runs its remaining share from DATE, nothing starts\n"
	       "before it; cost from the actuals before it"),
    OPT_CHOICE("format", "F", report_formats, struct forecast_opts, format,
	       "table (for people, default), csv (initiatives) or json"),
    OPT_SELECTION(struct forecast_opts, sel),
    {0},
};

/* Initiatives for the table: the least likely to be on time first, then
 * in file order. */
static int by_risk(const void *a, const void *b)
{
	const struct roadmap_forecast_initiative *x =
	    *(const struct roadmap_forecast_initiative *const *)a;
	const struct roadmap_forecast_initiative *y =
	    *(const struct roadmap_forecast_initiative *const *)b;
	if (x->on_time != y->on_time) {
		return x->on_time < y->on_time ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

static void percent(double f, char *buf)
{
	snprintf(buf, 16, "%.1f %%", 100 * f);
}

static int print_table(const struct roadmap *rm,
		       const struct roadmap_forecast *f)
{
	static const char *const head[] = {"INITIATIVE", "PLANNED", "P50",
					   "P80",	 "P95",	    "ON TIME"};
	static const bool right[] = {0, 0, 0, 0, 0, 1};
	static const char *const ghead[] = {"GOAL", "DUE", "P50",
					    "P80",  "P95", "ON TIME"};
	struct table t;
	const struct roadmap_forecast_initiative **order =
	    malloc((f->n_initiatives + 1) * sizeof(*order));
	char d[5][16], c[3][48];
	bool ok = true;
	int rc;

	if (!order) {
		msg("out of memory");
		return 70;
	}
	char day[32] = "";
	size_t n = 0;
	if (f->has_as_of) {
		strcpy(day, ", as of ");
		roadmap_day_format(f->as_of, day + 8);
	}
	printf("forecast: %lu trials, seed %llu%s\n", f->trials,
	       (unsigned long long)f->seed, day);
	if (!f->estimated) {
		printf("(no initiative has an optimistic or pessimistic end:\n"
		       "every date is certain)\n");
	}
	/* the work whose dates are in question: estimated, or moved off
	 * its planned end in some trial */
	for (size_t i = 0; i < f->n_initiatives; i++) {
		if (f->initiatives[i].estimated || f->initiatives[i].moved) {
			order[n++] = &f->initiatives[i];
		}
	}
	qsort(order, n, sizeof(*order), by_risk);
	/* the dates are never cut: narrow, the id gives way and P95 goes */
	static const bool dates[] = {0, 1, 1, 1, 1, 0};
	static const int p95_first[] = {4, -1};
	table_init(&t, 6, head, right, 0);
	t.keep = dates;
	t.optional = p95_first;
	for (size_t k = 0; k < n; k++) {
		const struct roadmap_forecast_initiative *x = order[k];
		roadmap_day_format(x->planned_end, d[0]);
		roadmap_day_format(x->p50, d[1]);
		roadmap_day_format(x->p80, d[2]);
		roadmap_day_format(x->p95, d[3]);
		percent(x->on_time, d[4]);
		const char *row[] = {roadmap_initiative_at(rm, x->index)->id,
				     d[0],
				     d[1],
				     d[2],
				     d[3],
				     d[4]};
		ok = ok && table_add(&t, row);
	}
	free(order);
	printf("\n");
	if (n == 0) {
		table_release(&t);
	} else if ((rc = table_emit(&t, ok))) {
		return rc;
	}
	if (n < f->n_initiatives) {
		printf("%s%zu initiative%s not listed: no estimate, and on "
		       "their\nplanned end in every trial\n",
		       n ? "\n" : "", f->n_initiatives - n,
		       f->n_initiatives - n == 1 ? "" : "s");
	}
	if (f->n_goals) {
		table_init(&t, 6, ghead, right, 0);
		t.keep = dates;
		t.optional = p95_first;
		for (size_t g = 0; g < f->n_goals; g++) {
			const struct roadmap_forecast_goal *x = &f->goals[g];
			snprintf(d[0], 16, "-");
			if (x->has_due) {
				roadmap_day_format(x->due, d[0]);
			}
			for (int k = 1; k < 4; k++) {
				snprintf(d[k], 16, "-");
			}
			snprintf(d[4], 16, "-");
			if (x->any) {
				roadmap_day_format(x->p50, d[1]);
				roadmap_day_format(x->p80, d[2]);
				roadmap_day_format(x->p95, d[3]);
				if (x->has_due) {
					percent(x->on_time, d[4]);
				}
			}
			const char *row[] = {roadmap_goal_at(rm, x->index)->id,
					     d[0],
					     d[1],
					     d[2],
					     d[3],
					     d[4]};
			ok = ok && table_add(&t, row);
		}
		printf("\n");
		if ((rc = table_emit(&t, ok))) {
			return rc;
		}
	}
	if (f->any) {
		roadmap_day_format(f->end_p50, d[0]);
		roadmap_day_format(f->end_p80, d[1]);
		roadmap_day_format(f->end_p95, d[2]);
		roadmap_money_format(f->cost_p50, true, c[0]);
		roadmap_money_format(f->cost_p80, true, c[1]);
		roadmap_money_format(f->cost_p95, true, c[2]);
		char cost_head[32];
		snprintf(cost_head, sizeof(cost_head), "total cost (%s)",
			 roadmap_currency(rm));
		printf("\n");
		percentiles("portfolio ends", d[0], d[1], d[2]);
		percentiles(cost_head, c[0], c[1], c[2]);
	}
	return write_stdout("", 0);
}

/*
 * --seed: every whole number from 0 to 2^53 (the largest a JSON number
 * holds exactly). The number parser keeps 15 significant digits, so a
 * seed written in plain digits is read here, exactly; other forms (7.0,
 * 1e3) as any whole-number option.
 */
static int seed_arg(const char *s, uint64_t *out)
{
	static const char range[] = "from 0 to 9007199254740992";
	const uint64_t max = UINT64_C(1) << 53;
	size_t n = strspn(s, "0123456789");
	uint64_t v = 0;
	double d = 0;
	int rc;

	if (n == 0 || s[n] != '\0') {
		if ((rc = number_arg(&cmd_forecast, "seed", s, 0, (double)max,
				     false, range, &d))) {
			return rc;
		}
		*out = (uint64_t)d;
		return 0;
	}
	for (size_t i = 0; i < n && v <= max; i++) {
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > max) {
		return usage_error(&cmd_forecast,
				   "--seed must be a whole number %s, not '%s'",
				   range, s);
	}
	*out = v;
	return 0;
}

static int forecast_of(struct ctx *ctx, struct forecast_opts o, int argc,
		       char **argv)
{
	struct roadmap_forecast_options opt = {0};
	struct roadmap_selection sel;
	struct roadmap_forecast f;
	struct roadmap_error err;
	struct roadmap *rm;
	double v = 0;
	int rc;

	if (optind < argc) {
		return usage_error(&cmd_forecast, "unexpected argument '%s'",
				   argv[optind]);
	}
	if (o.trials) {
		if ((rc = number_arg(&cmd_forecast, "trials", o.trials, 1,
				     10000000, false, "from 1 to 10000000",
				     &v))) {
			return rc;
		}
		opt.trials = (unsigned long)v;
	}
	if (o.seed) {
		if ((rc = seed_arg(o.seed, &opt.seed))) {
			return rc;
		}
		opt.seed_set = true;
	}
	opt.threads = cpu_threads();
	if ((rc = open_selected(ctx, &cmd_forecast, &o.sel, &sel, &rm))) {
		return rc;
	}
	if (o.as_of &&
	    (rc = today_arg("as-of", o.as_of, roadmap_fiscal_start(rm), false,
			    &opt.as_of))) {
		roadmap_destroy(rm);
		return rc;
	}
	opt.has_as_of = o.as_of != NULL;
	if (roadmap_forecast(rm, &opt, &f, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	if (o.format == REPORT_TABLE) {
		rc = print_table(rm, &f);
	} else if (o.format == REPORT_CSV) {
		struct roadmap_rows rows;
		rc = print_rows_csv(
		    &rows, roadmap_forecast_rows(rm, &f, &rows, &err), &err);
	} else {
		char *out;
		if (roadmap_forecast_json(rm, &f, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	}
	roadmap_forecast_release(&f);
	release_at_exit(rm);
	return rc;
}

static int run_forecast(struct ctx *ctx, int argc, char **argv)
{
	struct forecast_opts o = {.format = REPORT_TABLE};
	int rc = parse_options(&cmd_forecast, argc, argv, &o);

	if (rc == 0) {
		rc = forecast_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_forecast = {
    .name = "forecast",
    .summary = "when work will really land, and what it will cost",
    .help = "Monte Carlo over three-point estimates: each initiative's "
	    "end is drawn between\nits optimistic and pessimistic ends "
	    "(the planned end most likely), the\nschedule's forward pass "
	    "runs with the drawn durations, opex follows them.\nP50, P80 "
	    "and P95 end dates and the chance of ending on time, per "
	    "initiative\n(the least likely first), per goal (by its due "
	    "date) and for the portfolio.\n",
    .opts = forecast_opts,
    .examples = "  roadmap set recs-engine optimistic=2026-11-30 "
		"pessimistic=2027-02-28\n"
		"  roadmap forecast\n"
		"  roadmap forecast --trials 100000 --seed 7 --format json\n",
    .run = run_forecast,
};
