/* cmd-link.c - link/unlink an initiative and a goal, depend/undepend. */
#include "cmd.h"

#include <string.h>

static int toggle(const struct cmd *cmd, struct ctx *ctx, int argc,
		  char **argv)
{
	struct roadmap_error err;
	struct session s;
	bool on = cmd->name[0] != 'u';
	bool goal = strstr(cmd->name, "link") != NULL;
	int rc;

	if (parse_options(cmd, argc, argv, NULL)) {
		return 64;
	}
	if (argc - optind != 2) {
		return usage_error(cmd, "%s needs two ids", cmd->name);
	}
	if ((rc = begin_write(ctx, &s))) {
		return rc;
	}
	enum roadmap_status st =
		goal ? roadmap_link(s.rm, argv[optind], argv[optind + 1], on,
				    &err)
		     : roadmap_depend(s.rm, argv[optind], argv[optind + 1], on,
				      &err);
	if (st) {
		rc = fail_err(&err);
	}
	return finish_write(ctx, &s, true, rc);
}

static int run_link(struct ctx *ctx, int argc, char **argv)
{
	return toggle(&cmd_link, ctx, argc, argv);
}

static int run_unlink(struct ctx *ctx, int argc, char **argv)
{
	return toggle(&cmd_unlink, ctx, argc, argv);
}

static int run_depend(struct ctx *ctx, int argc, char **argv)
{
	return toggle(&cmd_depend, ctx, argc, argv);
}

static int run_undepend(struct ctx *ctx, int argc, char **argv)
{
	return toggle(&cmd_undepend, ctx, argc, argv);
}

const struct cmd cmd_link = {
	.name = "link",
	.summary = "align an initiative with a goal it serves",
	.args = "INITIATIVE GOAL",
	.opts = no_options,
	.help = "Linking twice is harmless.\n\nexample:\n"
		"  roadmap link recs-engine retention\n",
	.run = run_link,
};

const struct cmd cmd_unlink = {
	.name = "unlink",
	.summary = "undo a link between an initiative and a goal",
	.args = "INITIATIVE GOAL",
	.opts = no_options,
	.help = "example:\n  roadmap unlink recs-engine retention\n",
	.run = run_unlink,
};

const struct cmd cmd_depend = {
	.name = "depend",
	.summary = "make an initiative depend on a prerequisite",
	.args = "INITIATIVE PREREQUISITE",
	.opts = no_options,
	.help = "INITIATIVE cannot start until PREREQUISITE has ended "
		"(finish-to-start).\n\nexample:\n"
		"  roadmap depend recs-engine event-pipeline\n",
	.run = run_depend,
};

const struct cmd cmd_undepend = {
	.name = "undepend",
	.summary = "remove a dependency",
	.args = "INITIATIVE PREREQUISITE",
	.opts = no_options,
	.help = "example:\n  roadmap undepend recs-engine event-pipeline\n",
	.run = run_undepend,
};
