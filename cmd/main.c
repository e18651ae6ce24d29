/* main.c - global options and dispatch. */
#include "cmd.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run(int argc, char **argv);

/* The commands that read or edit one roadmap take --scenario NAME (or
 * $ROADMAP_SCENARIO) anywhere before "--"; it is taken out of argv here,
 * so that each command's options stay its own. */
static bool sees_scenarios(const struct cmd *cmd)
{
	return cmd != &cmd_init && cmd != &cmd_diff && cmd != &cmd_help &&
	       cmd != &cmd_scenario;
}

static int scenario_option(const struct cmd *cmd, struct ctx *ctx, int *argc,
			   char **argv)
{
	const char *env = getenv("ROADMAP_SCENARIO");
	bool given = ctx->scenario != NULL;
	int w = 1, i = 1;

	for (; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--scenario") == 0) {
			if (i + 1 >= *argc) {
				return usage_error(cmd, "option '--scenario' "
							"needs a NAME");
			}
			ctx->scenario = argv[++i];
			given = true;
		} else if (strncmp(argv[i], "--scenario=", 11) == 0) {
			ctx->scenario = argv[i] + 11;
			given = true;
		} else {
			argv[w++] = argv[i];
		}
	}
	while (i < *argc) {
		argv[w++] = argv[i++];
	}
	argv[w] = NULL;
	*argc = w;
	if (!sees_scenarios(cmd)) {
		if (given) {
			return usage_error(cmd,
					   "--scenario does not apply to '%s'",
					   cmd->name);
		}
		ctx->scenario = NULL;
		return 0;
	}
	if (!given && env && *env) {
		ctx->scenario = env;
	}
	if (ctx->scenario && !*ctx->scenario) {
		return usage_error(cmd, "--scenario needs a NAME");
	}
	return 0;
}

/* Whatever the command, output that did not reach stdout is exit 74. */
int main(int argc, char **argv)
{
	int rc = run(argc, argv);
	int out = flush_stdout();

	return out ? out : rc;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"file", required_argument, NULL, 'f'},
	    {"scenario", required_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	struct ctx ctx = {0};
	const char *env = getenv("ROADMAP_FILE");
	int c;

	/*
	 * No fastbins: loading a large roadmap frees millions of small parse
	 * nodes, and glibc would otherwise merge them all on the next large
	 * allocation (measured: 0.14 s of a 0.74 s check at 100,000
	 * initiatives). The CLI owns the process, so it may choose; the
	 * library leaves malloc alone.
	 */
	mallopt(M_MXFAST, 0);
	setlocale(LC_CTYPE, "C.UTF-8");
	ctx.file = env && *env ? env : "roadmap.json";
	const char *term = getenv("TERM");
	ctx.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR") &&
		    !(term && strcmp(term, "dumb") == 0);

	static const struct cmd top = {
	    "roadmap", "", "[-f FILE] [--scenario NAME] COMMAND [ARGS]", NULL,
	    NULL};
	/* '+': stop at the command word; its options are its own. */
	while ((c = cmd_getopt(&top, argc, argv, "+f:h", opts)) != -1) {
		switch (c) {
		case 'f':
			if (!*optarg) {
				return usage_error(NULL,
						   "-f needs a file name");
			}
			ctx.file = optarg;
			break;
		case 'S':
			ctx.scenario = optarg;
			break;
		case 'h':
			print_overview(stdout);
			return 0;
		case 'V':
			printf("roadmap %s\n", ROADMAP_VERSION);
			return 0;
		default:
			return 64;
		}
	}
	if (optind >= argc) {
		print_overview(stderr);
		return 64;
	}
	const char *name = argv[optind];
	const struct cmd *cmd = cmd_find(name);
	if (!cmd) {
		const char *names[64];
		size_t n = 0;
		for (; commands[n] && n < 64; n++) {
			names[n] = commands[n]->name;
		}
		const char *s = roadmap_nearest(name, names, n);
		if (s) {
			msg("unknown command '%s' (did you mean '%s'?)", name,
			    s);
		} else {
			msg("unknown command '%s' (see 'roadmap help')", name);
		}
		return 64;
	}
	argc -= optind;
	argv += optind;
	optind = 0; /* reinitialise getopt for the command's options */
	int rc = scenario_option(cmd, &ctx, &argc, argv);
	if (rc) {
		return rc;
	}
	/* COMMAND --help anywhere before "--" prints the command's help. */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			cmd_print_help(cmd, stdout);
			return 0;
		}
	}
	return cmd->run(&ctx, argc, argv);
}
