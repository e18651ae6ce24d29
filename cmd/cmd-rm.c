/* cmd-rm.c - remove a goal, initiative or team. */
#include "cmd.h"

struct rm_opts {
	bool force;
};

static const struct opt rm_opts[] = {
	OPT_FLAG("force", struct rm_opts, force,
		 "also remove every reference to the item (goal links,\n"
		 "dependencies, team assignments)"),
	{0},
};

static int run_rm(struct ctx *ctx, int argc, char **argv)
{
	struct rm_opts o = {false};
	struct roadmap_error err;
	struct session s;
	int rc;

	if (parse_options(&cmd_rm, argc, argv, &o)) {
		return 64;
	}
	bool force = o.force;
	if (argc - optind != 1) {
		return usage_error(&cmd_rm, argc - optind < 1
						    ? "rm needs an ID"
						    : "rm takes one ID");
	}
	if ((rc = begin_write(ctx, &s))) {
		return rc;
	}
	if (roadmap_remove(s.rm, argv[optind], force, &err)) {
		rc = fail_err(&err);
	}
	return finish_write(ctx, &s, true, rc);
}

const struct cmd cmd_rm = {
	.name = "rm",
	.summary = "remove a goal, initiative, team or budget envelope",
	.args = "ID",
	.help = "ID may name a budget envelope, PERIOD[/PILLAR] (an item with "
		"that id wins).\nWithout --force, rm refuses while other "
		"items refer to ID.\n",
	.opts = rm_opts,
	.examples = "  roadmap rm legacy-crm\n"
		    "  roadmap rm retention --force\n"
		    "  roadmap rm FY2027/innovation\n",
	.run = run_rm,
};
