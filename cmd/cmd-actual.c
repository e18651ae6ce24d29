/* cmd-actual.c - record actual spend for a fiscal quarter, or remove it. */
#include "cmd.h"

struct actual_opts {
	bool unset;
	int kind; /* enum roadmap_spend_kind, -1 unsplit */
};

static const char *const kinds[] = {ROADMAP_FIELD_OPEX, ROADMAP_FIELD_CAPEX,
				     NULL};

static const struct opt actual_opts[] = {
    OPT_FLAG("unset", struct actual_opts, unset,
	     "remove the actual recorded for QUARTER (both kinds)"),
    OPT_CHOICE("kind", "K", kinds, struct actual_opts, kind,
	       "opex or capex: record AMOUNT as that kind of the\n"
	       "quarter's actual, keeping the other kind"),
    {0},
};

static int run_actual(struct ctx *ctx, int argc, char **argv)
{
	struct actual_opts o = {false, -1};
	struct roadmap_error err;
	struct roadmap_period p;
	struct session s;
	int64_t amount;
	int rc = 0;

	if (parse_options(&cmd_actual, argc, argv, &o)) {
		return 64;
	}
	bool unset = o.unset;
	if (unset && o.kind >= 0) {
		return usage_error(&cmd_actual,
				   "--unset removes both kinds: it takes no "
				   "--kind");
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
	} else if ((rc = parse_amount(ROADMAP_FIELD_AMOUNT, argv[optind + 2],
				      &amount))) {
		/* printed */
	} else if (o.kind < 0
		       ? roadmap_set_actual(s.rm, argv[optind],
					    p.year * 4 + p.index - 1, amount,
					    &err)
		       : roadmap_set_actual_kind(s.rm, argv[optind],
						 p.year * 4 + p.index - 1,
						 (enum roadmap_spend_kind)o.kind,
						 amount, &err)) {
		rc = fail_err(&err);
	}
	return finish_write(ctx, &s, true, rc);
}

const struct cmd cmd_actual = {
    .name = "actual",
    .summary = "record actual spend of an initiative in a quarter",
    .usage = "actual INITIATIVE QUARTER AMOUNT [--kind opex|capex] | "
	     "actual INITIATIVE QUARTER --unset",
    .help = "QUARTER is a fiscal quarter (2026-Q2); a later figure for "
	    "the same quarter\nreplaces the earlier one. --unset removes "
	    "the record.\n\n"
	    "Without --kind the amount is unsplit: reports split it in the "
	    "initiative's\nplanned capex:opex ratio and mark it estimated. "
	    "With --kind the quarter's\nactual is recorded by kind; both "
	    "kinds may be recorded, one command each. A\nquarter that holds "
	    "an unsplit actual takes no --kind until it is replaced\nor "
	    "removed.\n",
    .opts = actual_opts,
    .examples = "  roadmap actual recs-engine 2026-Q2 95k\n"
		"  roadmap actual recs-engine 2026-Q3 60k --kind capex\n"
		"  roadmap actual recs-engine 2026-Q2 --unset\n",
    .run = run_actual,
};
