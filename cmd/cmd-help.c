/* cmd-help.c - help from the command table. */
#include "cmd.h"

#include <string.h>

void print_overview(FILE *f)
{
	fprintf(f, "usage: roadmap [-f FILE] [--scenario NAME] COMMAND "
		   "[ARGS]\n\n"
		   "Plan a technology roadmap: goals, initiatives, budgets "
		   "and timelines in one\nJSON file (default roadmap.json, "
		   "or $ROADMAP_FILE).\n\ncommands:\n");
	for (size_t i = 0; commands[i]; i++) {
		fprintf(f, "  %-10s %s\n", commands[i]->name,
			commands[i]->summary);
	}
	fprintf(f, "\noptions:\n"
		   "  -f, --file FILE  the roadmap file (\"-\" reads stdin)\n"
		   "  --scenario NAME  see the roadmap through scenario NAME "
		   "(or $ROADMAP_SCENARIO);\n"
		   "                   edits go into the scenario, never the "
		   "roadmap itself\n"
		   "  -h, --help       this help\n"
		   "  --version        the version\n\n"
		   "'roadmap help COMMAND' explains one command; 'man roadmap' "
		   "has the rest.\n");
}

static int run_help(struct ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2) {
		print_overview(stdout);
		return 0;
	}
	if (argc > 2) {
		return usage_error(&cmd_help, "help takes one command");
	}
	const struct cmd *cmd = cmd_find(argv[1]);
	if (!cmd) {
		const char *names[64];
		size_t n = 0;
		for (; commands[n] && n < 64; n++) {
			names[n] = commands[n]->name;
		}
		const char *s = roadmap_nearest(argv[1], names, n);
		if (s) {
			msg("no command '%s' (did you mean '%s'?)", argv[1], s);
		} else {
			msg("no command '%s' (see 'roadmap help')", argv[1]);
		}
		return 64;
	}
	cmd_print_help(cmd, stdout);
	return 0;
}

const struct cmd cmd_help = {
	.name = "help",
	.summary = "show help for roadmap or one command",
	.usage = "help [COMMAND]",
	.help = "examples:\n  roadmap help\n  roadmap help add\n",
	.run = run_help,
};
