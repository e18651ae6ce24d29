/* cmd-schedule.c - dependency schedule and critical path. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static int print_table(const struct roadmap *rm,
		       const struct roadmap_schedule *s)
{
	static const char *const head[] = {"ID",	"EARLY START",
					   "EARLY END", "LATE END",
					   "SLACK",	"SHIFT",
					   "CRITICAL"};
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
		const char *cells[] = {
			roadmap_initiative_at(rm, r->index)->id,
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

static int print_csv(const struct roadmap *rm,
		     const struct roadmap_schedule *s)
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
	bool apply;
	struct selection_opts sel;
};

static const struct opt schedule_opts[] = {
    OPT_CHOICE("format", "F", report_formats, struct schedule_opts, format,
	       "table, csv or json"),
    OPT_FLAG("apply", struct schedule_opts, apply,
	     "move shifted initiatives to their earliest dates (start,\n"
	     "end and estimates by the same days; cost follows the\n"
	     "dates) and say what changed"),
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
	if ((rc = narrow(rm, &sel))) {
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

static int run_schedule(struct ctx *ctx, int argc, char **argv)
{
	struct schedule_opts o = {0};
	int rc = parse_options(&cmd_schedule, argc, argv, &o);

	if (rc == 0) {
		rc = schedule_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_schedule = {
	.name = "schedule",
	.summary = "dependency schedule and critical path",
	.help = "For every initiative that counts: the earliest dates its "
		"prerequisites allow\n(finish-to-start), the latest dates that "
		"do not delay the roadmap's end,\nslack in days, whether it is "
		"critical (no slack) and how far it must shift.\n"
		"A dependency cycle is an error (exit 65) that names it.\n",
	.opts = schedule_opts,
	.examples = "  roadmap schedule\n"
		    "  roadmap schedule --format json | jq '.[] | "
		    "select(.critical) | .id'\n",
	.run = run_schedule,
};
