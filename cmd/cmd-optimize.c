/* cmd-optimize.c - which initiatives to fund within the envelopes. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct optimize_opts {
	int objective;
	const char *scale;
	const char *keep;
	const char *time_limit;
	const char *as_of;
	bool ignore_capacity;
	bool frontier;
	bool explain;
	bool apply;
	bool cancel;
	int format;
};

/* named after the field each maximises */
static const char *const objectives[] = {
    [ROADMAP_OBJECTIVE_BENEFIT] = ROADMAP_FIELD_BENEFIT,
    [ROADMAP_OBJECTIVE_PRIORITY] = ROADMAP_FIELD_PRIORITY,
    NULL};
/* the plan for people is a table */
static const char *const formats[] = {
    [ROADMAP_OUTPUT_TEXT] = "table", [ROADMAP_OUTPUT_JSON] = "json", NULL};

static const struct opt optimize_opts[] = {
    OPT_CHOICE("objective", "O", objectives, struct optimize_opts, objective,
	       "what to maximise: benefit (default) or priority\n"
	       "(5 for priority 1 ... 1 for priority 5)"),
    OPT_STRING("budget-scale", 0, "PCT", struct optimize_opts, scale,
	       "every envelope at PCT % (1 to 1000, default 100):\n"
	       "85 for a 15 % cut"),
    OPT_STRING("keep", 0, "S", struct optimize_opts, keep,
	       "statuses and initiative ids always funded, a comma\n"
	       "list (default active,done; none)"),
    OPT_STRING("as-of", 0, "DATE", struct optimize_opts, as_of,
	       "decide from DATE: past envelopes are history, spend\n"
	       "before DATE is sunk, work done or ended is funded,\n"
	       "started work may be stopped"),
    OPT_FLAG("ignore-capacity", struct optimize_opts, ignore_capacity,
	     "no limit from the teams' capacity"),
    OPT_STRING("time-limit", 0, "SEC", struct optimize_opts, time_limit,
	       "wall-clock seconds for the whole command (default 30);\n"
	       "then the best plan found, the exact bound and the gap"),
    OPT_FLAG("frontier", struct optimize_opts, frontier,
	     "also the optimum at 100, 95, ... 50 % of the budget"),
    OPT_FLAG("explain", struct optimize_opts, explain,
	     "also why: the value lost if each decision flipped,\n"
	     "the limit each cut one breaks"),
    OPT_FLAG("apply", struct optimize_opts, apply,
	     "defer the cut initiatives (one atomic save)"),
    OPT_FLAG("cancel", struct optimize_opts, cancel,
	     "with --apply: cancel them instead of deferring"),
    OPT_CHOICE("format", "F", formats, struct optimize_opts, format,
	       "table (for people, default) or json"),
    {0},
};

static void value_text(const struct roadmap_plan *p, int64_t v, char *buf)
{
	if (p->objective == ROADMAP_OBJECTIVE_PRIORITY) {
		snprintf(buf, 48, "%lld", (long long)v);
	} else {
		roadmap_money_format(v, true, buf);
	}
}

static int print_items(const struct roadmap *rm, const struct roadmap_plan *p,
		       const char *what, const size_t *idx, size_t n)
{
	static const char *const head[] = {"ID", "TITLE", "VALUE", "TOTAL"};
	static const bool right[] = {0, 0, 1, 1};
	struct table t;
	bool ok = true;

	printf("\n%s (%zu)\n", what, n);
	if (n == 0) {
		return 0;
	}
	table_init(&t, 4, head, right, 1);
	for (size_t k = 0; k < n; k++) {
		const struct roadmap_initiative *in =
		    roadmap_initiative_at(rm, idx[k]);
		char v[48], tot[48];
		value_text(p, roadmap_initiative_value(in, p->objective), v);
		roadmap_money_format(in->opex + in->capex, true, tot);
		const char *row[] = {in->id, in->title, v, tot};
		ok = ok && table_add(&t, row);
	}
	return table_emit(&t, ok);
}

static int print_envelopes(const struct roadmap *rm,
			   const struct roadmap_plan *p)
{
	static const char *const head[] = {"ENVELOPE", "PILLAR", "AMOUNT",
					   "USED"};
	static const bool right[] = {0, 0, 1, 1};
	struct table t;
	bool ok = true;

	if (p->n_envelopes == 0) {
		return 0;
	}
	printf("\nenvelopes at %d %%\n", p->budget_scale);
	table_init(&t, 4, head, right, 1);
	for (size_t k = 0; k < p->n_envelopes; k++) {
		const struct roadmap_plan_envelope *e = &p->envelopes[k];
		const struct roadmap_budget *b =
		    roadmap_budget_at(rm, e->budget);
		char label[24], a[48], u[48];
		if (b->is_year) {
			snprintf(label, sizeof(label), "FY%d", b->year);
		} else {
			roadmap_quarter_label(b->year * 4 + b->quarter - 1,
					      label);
		}
		roadmap_money_format(e->amount, true, a);
		if (e->past) { /* history: what was spent, no limit */
			strcat(label, " (past)");
		}
		if (p->status == ROADMAP_PLAN_INFEASIBLE) {
			snprintf(u, sizeof(u), "-");
		} else {
			roadmap_money_format(e->used, true, u);
		}
		const char *row[] = {label, b->pillar ? b->pillar : "(all)", a,
				     u};
		ok = ok && table_add(&t, row);
	}
	return table_emit(&t, ok);
}

static int print_frontier(const struct roadmap_plan *p)
{
	static const char *const head[] = {"BUDGET", "STATUS", "VALUE", "SPEND",
					   "CUT"};
	static const bool right[] = {1, 0, 1, 1, 1};
	struct table t;
	bool ok = true;

	printf("\nfrontier: the optimum as the budget falls\n");
	table_init(&t, 5, head, right, -1);
	for (size_t k = 0; k < p->n_frontier; k++) {
		const struct roadmap_plan_point *pt = &p->frontier[k];
		bool inf = pt->status == ROADMAP_PLAN_INFEASIBLE;
		char b[16], v[48], s[48], c[24];
		snprintf(b, sizeof(b), "%d %%", pt->budget_scale);
		value_text(p, pt->value, v);
		roadmap_money_format(pt->spend, true, s);
		snprintf(c, sizeof(c), "%zu", pt->n_cut);
		const char *row[] = {b, roadmap_plan_status_name(pt->status),
				     inf ? "-" : v, inf ? "-" : s,
				     inf ? "-" : c};
		ok = ok && table_add(&t, row);
	}
	return table_emit(&t, ok);
}

static int print_reasons(const struct roadmap *rm, const struct roadmap_plan *p)
{
	static const char *const head[] = {"ID", "DECISION", "LOST IF FLIPPED",
					   "REASON"};
	static const bool right[] = {0, 0, 1, 0};
	struct table t;
	bool ok = true;

	printf("\nwhy: the value lost if each decision were flipped\n");
	if (p->n_reasons == 0) {
		return 0;
	}
	table_init(&t, 4, head, right, 3);
	for (size_t k = 0; k < p->n_reasons; k++) {
		const struct roadmap_plan_reason *r = &p->reasons[k];
		char v[104], why[128];
		if (r->status == ROADMAP_PLAN_INFEASIBLE) {
			snprintf(v, sizeof(v), "infeasible");
		} else {
			char lo[48], hi[48];
			value_text(p, r->lost_min, lo);
			value_text(p, r->lost, hi);
			/* not proven: between the bound's and the best plan's
			 */
			snprintf(v, sizeof(v), "%s%s%s",
				 r->status == ROADMAP_PLAN_FEASIBLE ? lo : "",
				 r->status == ROADMAP_PLAN_FEASIBLE ? " to "
								    : "",
				 hi);
		}
		if (r->funded) {
			snprintf(why, sizeof(why), "-");
		} else if (r->reason[0]) {
			snprintf(why, sizeof(why), "%s%s",
				 strncmp(r->reason, "prerequisite ", 13) == 0
				     ? "needs its "
				     : "would break ",
				 r->reason);
		} else {
			snprintf(why, sizeof(why), "breaks nothing");
		}
		const char *row[] = {roadmap_initiative_at(rm, r->index)->id,
				     r->funded ? "funded" : "cut", v, why};
		ok = ok && table_add(&t, row);
	}
	return table_emit(&t, ok);
}

static int print_plan(const struct roadmap *rm, const struct roadmap_plan *p)
{
	const char *cur = roadmap_currency(rm);
	bool pri = p->objective == ROADMAP_OBJECTIVE_PRIORITY;
	char v[48], all[48], s[48], b[48];
	int rc;

	value_text(p, p->value, v);
	value_text(p, p->value_all, all);
	roadmap_money_format(p->spend, true, s);
	char day[32] = "";
	if (p->has_as_of) {
		strcpy(day, ", as of ");
		roadmap_day_format(p->as_of, day + 8);
	}
	printf("%s%s (objective %s, envelopes at %d %%%s)\n",
	       roadmap_plan_status_name(p->status),
	       p->status == ROADMAP_PLAN_INFEASIBLE ? "" : " plan",
	       objectives[p->objective], p->budget_scale, day);
	if (p->status == ROADMAP_PLAN_INFEASIBLE) {
		printf("the kept and mandatory initiatives and their "
		       "prerequisites\nalone break %s\n",
		       p->breaks);
	} else {
		/* the currency before amounts; priority values are points */
		printf("value kept: %s%s%s of %s%s%s%s (%.1f %%)\n",
		       pri ? "" : cur, pri ? "" : " ", v, pri ? "" : cur,
		       pri ? "" : " ", all, pri ? " points" : "",
		       p->value_all
			   ? 100.0 * (double)p->value / (double)p->value_all
			   : 100.0);
		printf("planned spend%s: %s %s\n",
		       p->has_as_of ? " from then on" : "", cur, s);
		if (p->status == ROADMAP_PLAN_FEASIBLE) {
			value_text(p, p->bound, b);
			printf(
			    "the time limit ended the search; the best value\n"
			    "possible is %s (gap %.2f %%)\n",
			    b, 100 * p->gap);
		}
	}
	if (p->status != ROADMAP_PLAN_INFEASIBLE &&
	    ((rc = print_items(rm, p, "funded", p->funded, p->n_funded)) ||
	     (rc = print_items(rm, p, "cut", p->cut, p->n_cut)))) {
		return rc;
	}
	if ((rc = print_envelopes(rm, p))) {
		return rc;
	}
	if (p->n_frontier && (rc = print_frontier(p))) {
		return rc;
	}
	if (p->reasons && (rc = print_reasons(rm, p))) {
		return rc;
	}
	return write_stdout("", 0);
}

/*
 * --keep: statuses and initiative ids, a comma list. Words that are
 * statuses go into opt->keep; a word near a status that names no
 * initiative is a mistyped status (64, before the roadmap is read); the
 * other words are ids, checked once it is read (keep_ids()).
 */
static int keep_statuses(const char *s, struct roadmap_optimize_options *opt,
			 char ***ids, size_t *n_ids)
{
	opt->keep = 0;
	*ids = NULL;
	*n_ids = 0;
	if (strcmp(s, "none") == 0) {
		return 0;
	}
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, ",");
		char *word = strndup(p, len);
		char **more = realloc(*ids, (*n_ids + 1) * sizeof(char *));
		if (!word || !more) {
			free(word);
			msg("out of memory");
			return 70;
		}
		*ids = more;
		p += len + (p[len] == ',');
		int st = roadmap_initiative_status_parse(word);
		if (st >= 0) {
			opt->keep |= 1u << st;
			free(word);
			continue;
		}
		(*ids)[(*n_ids)++] = word;
	}
	return 0;
}

/* The ids of --keep against the roadmap: a mistyped status (64) or no
 * such initiative (65), with the nearest name. */
static int keep_ids(const struct roadmap *rm, char **ids, size_t n)
{
	const char *statuses[33];
	size_t ns = 0;

	while (ns < 32 && roadmap_initiative_status_name(
			      (enum roadmap_initiative_status)ns)) {
		statuses[ns] = roadmap_initiative_status_name(
		    (enum roadmap_initiative_status)ns);
		ns++;
	}
	statuses[ns++] = "none";

	for (size_t k = 0; k < n; k++) {
		const struct roadmap_initiative *in =
		    roadmap_find_initiative(rm, ids[k]);
		if (in && roadmap_initiative_counts(in)) {
			continue;
		}
		if (in) {
			msg("optimize: --keep: \"%s\" does not count (it is "
			    "%s): it cannot be kept",
			    ids[k], roadmap_initiative_status_name(in->status));
			return 65;
		}
		if (roadmap_nearest(ids[k], statuses, ns) || !*ids[k]) {
			/* its message and status ("," reads as one empty
			 * word) */
			unsigned ignored;
			return status_list(&cmd_optimize,
					   *ids[k] ? ids[k] : ",", " in --keep",
					   true, &ignored);
		}
		int rc = 0;
		const char *near = nearest_id(rm, false, ids[k], &rc);
		if (rc) {
			return rc;
		}
		if (near) {
			msg("optimize: --keep: no initiative or status \"%s\" "
			    "(did you mean \"%s\"?)",
			    ids[k], near);
		} else {
			msg("optimize: --keep: no initiative or status \"%s\" "
			    "(see 'roadmap list initiatives')",
			    ids[k]);
		}
		return 65;
	}
	return 0;
}

/* Whether the roadmap records actuals or progress: then deciding the
 * whole plan as if nothing were spent is likely not what is meant. */
static bool has_readings(const struct roadmap *rm)
{
	for (size_t i = 0; i < roadmap_initiative_count(rm); i++) {
		const struct roadmap_initiative *in =
		    roadmap_initiative_at(rm, i);
		if (in->n_actuals || in->n_progress) {
			return true;
		}
	}
	return false;
}

/* Defers (or cancels) the cut initiatives; says what changed. */
static int apply_plan(struct roadmap *rm, const struct roadmap_plan *p,
		      const char *to)
{
	struct roadmap_error err;

	for (size_t k = 0; k < p->n_cut; k++) {
		const struct roadmap_initiative *in =
		    roadmap_initiative_at(rm, p->cut[k]);
		const char *was = roadmap_initiative_status_name(in->status);
		char id[80];
		snprintf(id, sizeof(id), "%s", in->id);
		if (roadmap_set_field(rm, id, ROADMAP_FIELD_STATUS, to, &err)) {
			return fail_err(&err);
		}
		msg("%s %s (was %s)", to, id, was);
	}
	return 0;
}

static int run_optimize(struct ctx *ctx, int argc, char **argv)
{
	struct optimize_opts o = {.objective = ROADMAP_OBJECTIVE_BENEFIT,
				  .format = ROADMAP_OUTPUT_TEXT};
	struct roadmap_optimize_options opt = {0};
	struct roadmap_plan plan;
	struct roadmap_error err;
	struct session ses = {0};
	struct roadmap *rm = NULL;
	bool changed = false;
	char **ids = NULL;
	size_t n_ids = 0;
	double d = 0;
	int rc;

	if (parse_options(&cmd_optimize, argc, argv, &o)) {
		return 64;
	}
	if (optind < argc) {
		return usage_error(&cmd_optimize, "unexpected argument '%s'",
				   argv[optind]);
	}
	if (o.cancel && !o.apply) {
		return usage_error(&cmd_optimize, "--cancel needs --apply");
	}
	opt.objective = (enum roadmap_objective)o.objective;
	opt.ignore_capacity = o.ignore_capacity;
	opt.frontier = o.frontier;
	opt.budget_scale = 100;
	if (o.scale) {
		if ((rc = number_arg(&cmd_optimize, "budget-scale", o.scale, 1,
				     1000, false, "from 1 to 1000", &d))) {
			return rc;
		}
		opt.budget_scale = (int)d;
	}
	if (o.time_limit) {
		if ((rc = number_arg(&cmd_optimize, "time-limit", o.time_limit,
				     0.1, 1e6, true,
				     "of seconds from 0.1 to 1000000", &d))) {
			return rc;
		}
		opt.time_limit = d;
	}
	opt.explain = o.explain;
	if (o.keep) {
		opt.keep_set = true;
		if ((rc = keep_statuses(o.keep, &opt, &ids, &n_ids))) {
			goto done;
		}
		opt.keep_ids = (const char *const *)ids;
		opt.n_keep_ids = n_ids;
	}
	if ((rc = begin_maybe_write(ctx, o.apply, &ses))) {
		goto done;
	}
	rm = ses.rm;
	if ((rc = keep_ids(rm, ids, n_ids)) ||
	    (o.as_of &&
	     (rc = today_arg("as-of", o.as_of, roadmap_fiscal_start(rm), false,
			     &opt.as_of)))) {
		goto out;
	}
	opt.has_as_of = o.as_of != NULL;
	if (roadmap_optimize(rm, &opt, &plan, &err)) {
		rc = fail_err(&err);
		goto out;
	}
	if (!o.as_of && has_readings(rm)) {
		msg("note: the roadmap records actuals or progress; "
		    "'optimize --as-of DATE' decides from that day");
	}
	if (o.format == ROADMAP_OUTPUT_JSON) {
		char *out;
		if (roadmap_plan_json(rm, &plan, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	} else {
		rc = print_plan(rm, &plan);
	}
	if (rc == 0) {
		rc = flush_stdout();
	}
	if (rc == 0 && plan.status == ROADMAP_PLAN_INFEASIBLE) {
		rc = EXIT_FINDINGS;
	} else if (rc == 0 && o.apply) {
		changed = plan.n_cut > 0;
		rc = apply_plan(rm, &plan, o.cancel ? "cancelled" : "deferred");
	}
	roadmap_plan_release(&plan);
out:
	rc = end_maybe_write(ctx, &ses, changed, rc);
done:
	for (size_t k = 0; k < n_ids; k++) {
		free(ids[k]);
	}
	free(ids);
	return rc;
}

const struct cmd cmd_optimize = {
    .name = "optimize",
    .summary = "which initiatives to fund within the envelopes, exactly",
    .help = "Chooses the initiatives to fund (the rest are cut) so that "
	    "every budget envelope\n(scaled by --budget-scale) holds "
	    "their planned spend, every team's quarterly\nload stays within "
	    "its capacity, funded work has its prerequisites funded and\n"
	    "the kept statuses and ids and mandatory work stay funded; "
	    "maximising their\nvalue, then the least spend. --as-of decides "
	    "from a day: spend before it is\nsunk, past envelopes are "
	    "history, done and ended work stays funded. --explain\nsays what "
	    "each decision is worth. \"optimal\" is proven in exact "
	    "arithmetic\n(COIN-OR CBC, checked in integers); when the time "
	    "limit ends the search first,\n\"feasible\" with the exact "
	    "bound. Exit 1 when the kept and mandatory initiatives\nalone "
	    "break a limit (infeasible). --apply defers the cut initiatives "
	    "(status\ndeferred); --apply --cancel cancels them.\n"
	    "Ctrl-C ends the command at once; nothing is written.\n",
    .opts = optimize_opts,
    .examples = "  roadmap optimize --budget-scale 85\n"
		"  roadmap optimize --objective priority --frontier\n"
		"  roadmap optimize --budget-scale 85 --keep done --apply\n"
		"  roadmap optimize --budget-scale 85 --apply --cancel\n",
    .run = run_optimize,
};
