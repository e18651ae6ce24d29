/* cmd-rm.c - remove a goal, initiative or team. */
#include "cmd.h"

static int run_rm(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	struct roadmap_error err;
	struct session s;
	bool force = false;
	int c, rc;

	while ((c = cmd_getopt(&cmd_rm, argc, argv, "", opts)) != -1) {
		if (c != 'F') {
			return 64;
		}
		force = true;
	}
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
	int rc2 = end_write(ctx, &s, rc == 0);
	return rc ? rc : rc2;
}

const struct cmd cmd_rm = {
	.name = "rm",
	.summary = "remove a goal, initiative or team",
	.usage = "rm ID [--force]",
	.help = "options:\n"
		"  --force   also remove every reference to the item (goal "
		"links,\n"
		"            dependencies, team assignments)\n"
		"\nWithout --force, rm refuses while other items refer to ID.\n"
		"\nexamples:\n"
		"  roadmap rm legacy-crm\n"
		"  roadmap rm retention --force\n",
	.run = run_rm,
};
