/* cmd-capacity.c - a team's capacity over time: a hiring ramp. */
#include "cmd.h"

struct capacity_opts {
	const char *from;
	bool unset;
};

static const struct opt capacity_opts[] = {
    OPT_STRING("from", 0, "DATE", struct capacity_opts, from,
	       "the first day of the new capacity (required; a period\n"
	       "means its first day)"),
    OPT_FLAG("unset", struct capacity_opts, unset,
	     "remove the change recorded for that day"),
    {0},
};

static int run_capacity(struct ctx *ctx, int argc, char **argv)
{
	struct capacity_opts o = {NULL, false};
	struct roadmap_error err;
	struct roadmap_period p;
	struct session s;
	int64_t fte = 0;
	int rc;

	if (parse_options(&cmd_capacity, argc, argv, &o)) {
		return 64;
	}
	if (argc - optind != (o.unset ? 1 : 2)) {
		return usage_error(&cmd_capacity,
				   o.unset ? "capacity --unset needs TEAM"
					   : "capacity needs TEAM and FTE");
	}
	if (!o.from) {
		return usage_error(&cmd_capacity,
				   "--from DATE is required (a team's "
				   "capacity before any change is 'roadmap "
				   "set TEAM capacity=FTE')");
	}
	if ((rc = begin_write(ctx, &s))) {
		return rc;
	}
	if (roadmap_period_parse(o.from, roadmap_fiscal_start(s.rm), &p,
				 &err)) {
		msg("--from: %s", err.message);
		rc = 65;
	} else if (o.unset) {
		if (roadmap_unset_capacity(s.rm, argv[optind], p.first, &err)) {
			rc = fail_err(&err);
		}
	} else if (roadmap_fte_parse(argv[optind + 1], &fte, &err)) {
		msg("capacity %s", err.message);
		rc = 65;
	} else if (roadmap_set_capacity(s.rm, argv[optind], p.first, fte,
					&err)) {
		rc = fail_err(&err);
	}
	return finish_write(ctx, &s, true, rc);
}

const struct cmd cmd_capacity = {
    .name = ROADMAP_FIELD_CAPACITY, /* it records the field's changes */
    .summary = "change a team's capacity from a day on (a hiring ramp)",
    .usage = "capacity TEAM FTE --from DATE | capacity TEAM --from DATE "
	     "--unset",
    .help = "Records that TEAM has FTE people from DATE on (the team's "
	    "capacity_changes);\na later figure for the same day replaces "
	    "the earlier one, --unset removes it.\nA quarter's capacity is "
	    "the day-weighted mean over its days: check's\n"
	    "capacity-overrun and optimize compare the load with it. 'roadmap "
	    "show TEAM'\nlists the ramp.\n",
    .opts = capacity_opts,
    .examples = "  roadmap capacity platform 14 --from 2026-09-01\n"
		"  roadmap capacity platform 16 --from 2027-Q1\n"
		"  roadmap capacity platform --from 2026-09-01 --unset\n",
    .run = run_capacity,
};
