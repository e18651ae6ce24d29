/* cmd-list.c - list goals, initiatives, budgets or teams. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static void money(int64_t v, char *buf)
{
	roadmap_money_format(v, true, buf);
}

static int print_table(const struct roadmap *rm, enum roadmap_kind kind,
		       const size_t *idx, size_t n)
{
	struct table t;
	char a[40], b[40], c[40];
	char total_head[32];
	int rc;

	snprintf(total_head, sizeof(total_head), "TOTAL %s",
		 roadmap_currency(rm));
	switch (kind) {
	case ROADMAP_KIND_INITIATIVE: {
		/* owner and start only where titles keep their room; `show`
		 * and the csv/json formats always have them */
		static const char *head[] = {"ID",     "TITLE", "PILLAR",
					     "STATUS", "START", "END",
					     "OWNER",  NULL};
		static const bool right[] = {0, 0, 0, 0, 0, 0, 0, 1};
		static const int optional[] = {6, 4, 2, -1};
		static const bool keep[] = {0, 0, 0, 1, 1, 1, 0, 0};
		head[7] = total_head;
		table_init(&t, 8, head, right, 1);
		t.optional = optional;
		t.keep = keep;
		for (size_t r = 0; r < n; r++) {
			const struct roadmap_initiative *in =
			    roadmap_initiative_at(rm, idx[r]);
			money(in->opex + in->capex, c);
			const char *row[] = {
			    in->id,
			    in->title,
			    in->pillar ? in->pillar : "-",
			    roadmap_initiative_status_name(in->status),
			    roadmap_day_format(in->start, a),
			    roadmap_day_format(in->end, b),
			    in->owner ? in->owner : "-",
			    c};
			if (!table_add(&t, row)) {
				goto nomem;
			}
		}
		break;
	}
	case ROADMAP_KIND_GOAL: {
		static const char *const head[] = {"ID",  "TITLE", "METRIC",
						   "DUE", "OWNER", "PRI"};
		static const bool right[] = {0, 0, 0, 0, 0, 1};
		static const bool keep[] = {0, 0, 0, 1, 0, 0};
		table_init(&t, 6, head, right, 1);
		t.keep = keep;
		for (size_t r = 0; r < n; r++) {
			const struct roadmap_goal *g =
			    roadmap_goal_at(rm, idx[r]);
			char *measure = roadmap_goal_metric_text(g, false);
			if (!measure) {
				table_release(&t);
				msg("out of memory");
				return 70;
			}
			snprintf(c, sizeof(c), "%d", g->priority);
			const char *row[] = {
			    g->id,
			    g->title,
			    *measure ? measure : (g->metric ? g->metric : "-"),
			    g->has_due ? roadmap_day_format(g->due, a) : "-",
			    g->owner ? g->owner : "-",
			    g->priority ? c : "-"};
			bool added = table_add(&t, row);
			free(measure);
			if (!added) {
				goto nomem;
			}
		}
		break;
	}
	case ROADMAP_KIND_BUDGET: {
		static const char *head[] = {"PERIOD", "PILLAR", NULL};
		static const bool right[] = {0, 0, 1};
		char amount_head[32];
		snprintf(amount_head, sizeof(amount_head), "AMOUNT %s",
			 roadmap_currency(rm));
		head[2] = amount_head;
		table_init(&t, 3, head, right, -1);
		for (size_t r = 0; r < n; r++) {
			const struct roadmap_budget *bu =
			    roadmap_budget_at(rm, idx[r]);
			if (bu->is_year) {
				snprintf(a, sizeof(a), "FY%04d", bu->year);
			} else {
				roadmap_quarter_label(
				    bu->year * 4 + bu->quarter - 1, a);
			}
			money(bu->amount, c);
			const char *row[] = {
			    a, bu->pillar ? bu->pillar : "(all)", c};
			if (!table_add(&t, row)) {
				goto nomem;
			}
		}
		rc = table_print(&t, stdout);
		head[2] = NULL;
		table_release(&t);
		return rc;
	}
	case ROADMAP_KIND_TEAM: {
		static const char *const head[] = {"ID", "CAPACITY FTE"};
		static const bool right[] = {0, 1};
		table_init(&t, 2, head, right, -1);
		for (size_t r = 0; r < n; r++) {
			const struct roadmap_team *tm =
			    roadmap_team_at(rm, idx[r]);
			fte_text(tm->capacity, a);
			const char *row[] = {tm->id, a};
			if (!table_add(&t, row)) {
				goto nomem;
			}
		}
		break;
	}
	}
	rc = table_print(&t, stdout);
	table_release(&t);
	return rc;
nomem:
	table_release(&t);
	msg("out of memory");
	return 70;
}

struct list_opts {
	int format;
	struct selection_opts f;
};

static const struct opt list_opts[] = {
    OPT_CHOICE("format", "F", report_formats, struct list_opts, format,
	       "table (for people, default), csv or json (for scripts:\n"
	       "the file's field names, defaults filled in)"),
    OPT_SELECTION(struct list_opts, f),
    {0},
};

static int run_list(struct ctx *ctx, int argc, char **argv)
{
	static const char *const kinds[] = {
	    [ROADMAP_KIND_GOAL] = ROADMAP_KEY_GOALS,
	    [ROADMAP_KIND_INITIATIVE] = ROADMAP_KEY_INITIATIVES,
	    [ROADMAP_KIND_TEAM] = ROADMAP_KEY_TEAMS,
	    [ROADMAP_KIND_BUDGET] = ROADMAP_KEY_BUDGETS,
	    NULL};
	struct list_opts opt = {.format = REPORT_TABLE};
	struct roadmap_error err;
	struct roadmap *rm = NULL;
	int kind = ROADMAP_KIND_INITIATIVE, rc;

	if (parse_options(&cmd_list, argc, argv, &opt)) {
		return 64;
	}
	struct selection_opts f = opt.f;
	struct roadmap_selection sel;
	enum report_format format = (enum report_format)opt.format;
	const char *filter_used = f.id	     ? "--id"
				  : f.team   ? "--team"
				  : f.owner  ? "--owner"
				  : f.goal   ? "--goal"
				  : f.pillar ? "--pillar"
				  : f.status ? "--status"
					     : NULL;
	if (argc - optind > 1) {
		rc = usage_error(&cmd_list, "list takes one kind of item");
		goto done;
	}
	if (argc - optind == 1 &&
	    (kind = parse_choice(argv[optind], kinds)) < 0) {
		rc = usage_error(&cmd_list,
				 "cannot list '%s' (goals, initiatives, "
				 "budgets or teams)",
				 argv[optind]);
		goto done;
	}
	if ((rc = selection_of(&cmd_list, &f, &sel))) {
		goto done;
	}
	if (filter_used && kind != ROADMAP_KIND_INITIATIVE &&
	    !(kind == ROADMAP_KIND_GOAL && f.owner && !f.status && !f.pillar &&
	      !f.goal && !f.team && !f.id) &&
	    !(kind == ROADMAP_KIND_BUDGET && f.pillar && !f.status &&
	      !f.owner && !f.goal && !f.team && !f.id)) {
		rc = usage_error(&cmd_list, "%s does not apply to %s",
				 filter_used, kinds[kind]);
		goto done;
	}
	if ((rc = open_read(ctx, &rm))) {
		goto done;
	}
	if ((rc = selection_known(rm, &sel))) {
		roadmap_destroy(rm);
		goto done;
	}
	size_t total = kind == ROADMAP_KIND_GOAL ? roadmap_goal_count(rm)
		       : kind == ROADMAP_KIND_INITIATIVE
			   ? roadmap_initiative_count(rm)
		       : kind == ROADMAP_KIND_TEAM ? roadmap_team_count(rm)
						   : roadmap_budget_count(rm);
	size_t *idx = malloc((total ? total : 1) * sizeof(*idx)), n = 0;
	if (!idx) {
		roadmap_destroy(rm);
		msg("out of memory");
		rc = 70;
		goto done;
	}
	for (size_t i = 0; i < total; i++) {
		bool keep = true;
		if (kind == ROADMAP_KIND_INITIATIVE) {
			keep =
			    roadmap_selects(&sel, roadmap_initiative_at(rm, i));
		} else if (kind == ROADMAP_KIND_GOAL && f.owner) {
			keep = roadmap_owned_by(&sel,
						roadmap_goal_at(rm, i)->owner);
		} else if (kind == ROADMAP_KIND_BUDGET && f.pillar) {
			keep = roadmap_of_pillar(
			    &sel, roadmap_budget_at(rm, i)->pillar);
		}
		if (keep) {
			idx[n++] = i;
		}
	}
	char *out = NULL;
	if (format == REPORT_TABLE) {
		rc = print_table(rm, (enum roadmap_kind)kind, idx, n);
	} else if (format == REPORT_CSV) {
		struct roadmap_rows rows;
		rc = print_rows_csv(&rows,
				    roadmap_rows_build(rm,
						       (enum roadmap_kind)kind,
						       idx, n, &rows, &err),
				    &err);
	} else {
		if (roadmap_items_json(rm, (enum roadmap_kind)kind, idx, n,
				       &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
		}
	}
	free(out);
	free(idx);
	release_at_exit(rm);
done:
	selection_release(&opt.f);
	return rc;
}

const struct cmd cmd_list = {
    .name = "list",
    .summary = "list goals, initiatives, budgets or teams",
    .usage = "list [goals|initiatives|budgets|teams] [--format "
	     "table|csv|json] [filters]",
    .help = "Lists initiatives unless told otherwise.\n",
    .opts = list_opts,
    .examples = "  roadmap list --status active,approved --pillar "
		"innovation\n"
		"  roadmap list goals --format json | jq '.[].id'\n",
    .run = run_list,
};
