/* cmd-actual.c - record actual spend for a fiscal quarter, or remove it. */
#include "cmd.h"

static int run_actual(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"unset", no_argument, NULL, 'u'},
		{NULL, 0, NULL, 0},
	};
	struct roadmap_error err;
	struct roadmap_period p;
	struct session s;
	bool unset = false;
	int64_t amount;
	int c, rc = 0;

	while ((c = cmd_getopt(&cmd_actual, argc, argv, "", opts)) != -1) {
		if (c != 'u') {
			return 64;
		}
		unset = true;
	}
	if (argc - optind != (unset ? 2 : 3)) {
		return usage_error(&cmd_actual,
				   unset ? "actual --unset needs INITIATIVE "
					   "QUARTER"
					 : "actual needs INITIATIVE QUARTER "
					   "AMOUNT");
	}
	if ((rc = begin_write(ctx, &s))) {
		return rc;
	}
	if (roadmap_period_parse(argv[optind + 1], roadmap_fiscal_start(s.rm),
				 &p, &err)) {
		rc = fail_err(&err);
	} else if (p.kind != ROADMAP_PERIOD_QUARTER) {
		msg("\"%s\" is not a fiscal quarter (YYYY-Qn)",
		    argv[optind + 1]);
		rc = 65;
	} else if (unset) {
		if (roadmap_unset_actual(s.rm, argv[optind],
					 p.year * 4 + p.index - 1, &err)) {
			rc = fail_err(&err);
		}
	} else if (roadmap_money_parse(argv[optind + 2], &amount, &err) ||
		   roadmap_set_actual(s.rm, argv[optind],
				      p.year * 4 + p.index - 1, amount,
				      &err)) {
		rc = fail_err(&err);
	}
	int rc2 = end_write(ctx, &s, rc == 0);
	return rc ? rc : rc2;
}

const struct cmd cmd_actual = {
	.name = "actual",
	.summary = "record actual spend of an initiative in a quarter",
	.usage = "actual INITIATIVE QUARTER AMOUNT | actual INITIATIVE "
		 "QUARTER --unset",
	.help = "QUARTER is a fiscal quarter (2026-Q2); a later figure for "
		"the same quarter\nreplaces the earlier one. --unset removes "
		"the record.\n"
		"\noptions:\n"
		"  --unset   remove the actual recorded for QUARTER\n"
		"\nexamples:\n  roadmap actual recs-engine 2026-Q2 95k\n"
		"  roadmap actual recs-engine 2026-Q2 --unset\n",
	.run = run_actual,
};
