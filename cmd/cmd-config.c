/* cmd-config.c - the roadmap's settings, git-config style (roadmap(1), config).
 */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* Exit 64 for an unknown key, with the nearest one suggested. */
static int unknown_key(const struct roadmap *rm, const char *key)
{
	const char *const *fixed = roadmap_config_keys();
	const char *names[64];
	char *mix[48];
	size_t n = 0, m = 0;

	for (; fixed[n] && n < 16; n++) {
		names[n] = fixed[n];
	}
	for (size_t i = 0; rm && i < roadmap_pillar_count(rm) && m < 48; i++) {
		if (asprintf(&mix[m], "policy.target_mix.%s",
			     roadmap_pillar_at(rm, i)) >= 0) {
			names[n++] = mix[m++];
		}
	}
	const char *s = roadmap_nearest(key, names, n);
	if (s) {
		usage_error(&cmd_config, "unknown key '%s' (did you mean '%s'?)",
			    key, s);
	} else {
		usage_error(&cmd_config,
			    "unknown key '%s' (see 'roadmap config' for the "
			    "keys)",
			    key);
	}
	for (size_t i = 0; i < m; i++) {
		free(mix[i]);
	}
	return 64;
}

static int fail_key(const struct roadmap *rm, const char *key,
		    const struct roadmap_error *err)
{
	return err->status == ROADMAP_ERR_USAGE ? unknown_key(rm, key)
						: fail_err(err);
}

struct config_opts {
	int format;
	bool unset;
};

static const struct opt config_opts[] = {
    OPT_CHOICE("format", "F", output_formats, struct config_opts, format,
	       "text (KEY=VALUE lines) or json (one object)"),
    OPT_FLAG("unset", struct config_opts, unset,
	     "restore KEY's default (or remove a target)"),
    {0},
};

static int run_config(struct ctx *ctx, int argc, char **argv)
{
	struct config_opts o = {.format = ROADMAP_OUTPUT_TEXT};
	struct roadmap_error err;
	struct roadmap *rm = NULL;
	struct session ses = {0};
	int rc;
	char *out = NULL;

	if (parse_options(&cmd_config, argc, argv, &o)) {
		return 64;
	}
	bool unset = o.unset;
	enum roadmap_output format = (enum roadmap_output)o.format;
	int nargs = argc - optind;
	const char *key = nargs > 0 ? argv[optind] : NULL;
	if (nargs > 2 || (unset && nargs != 1)) {
		return usage_error(&cmd_config,
				   unset ? "--unset takes one KEY"
					 : "too many arguments");
	}
	if (format == ROADMAP_OUTPUT_JSON && nargs > 0) {
		return usage_error(&cmd_config,
				   "--format json lists every setting: give "
				   "no KEY");
	}
	if (nargs == 2 || unset) {
		/* a change: under the lock, validated, saved */
		if ((rc = begin_write(ctx, &ses))) {
			return rc;
		}
		enum roadmap_status st =
			unset ? roadmap_config_unset(ses.rm, key, &err)
			      : roadmap_config_set(ses.rm, key,
						   argv[optind + 1], &err);
		if (st) {
			rc = fail_key(ses.rm, key, &err);
		}
		return finish_write(ctx, &ses, true, rc);
	}
	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	if (!key) {
		if (roadmap_config_text(rm, format, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
		}
	} else if (roadmap_config_get(rm, key, &out, &err)) {
		rc = fail_key(rm, key, &err);
	} else if (!out) {
		rc = 1; /* unset, with no default: like git, nothing printed */
	} else {
		rc = write_stdout(out, strlen(out));
		rc = rc ? rc : write_stdout("\n", 1);
	}
	free(out);
	roadmap_destroy(rm);
	return rc;
}

const struct cmd cmd_config = {
	.name = "config",
	.summary = "show or change the roadmap's settings",
	.usage = "config [--format text|json] | config KEY [VALUE] | "
		 "config --unset KEY",
	.help = "Without KEY: every setting, one KEY=VALUE line each, "
		"defaults included.\nWith KEY: its value (exit 1 when it is "
		"unset and has no default).\nWith KEY VALUE: set it, "
		"checked as when the file is loaded.\n"
		"\nkeys:\n"
		"  name, currency, fiscal_year_start, pillars (a comma list),\n"
		"  policy.max_open_per_owner, policy.mix_tolerance,\n"
		"  policy.actuals_tolerance, policy.goal_tolerance,\n"
		"  policy.useful_life (months capex is amortized over),\n"
		"  policy.target_mix.PILLAR (a percentage)\n"
		"\nA new fiscal_year_start moves every envelope period and "
		"actual quarter to\nthe same days in the new calendar, or "
		"fails naming the first that is not a\nwhole period of it. "
		"A pillar that is in use cannot be dropped.\n",
	.opts = config_opts,
	.examples = "  roadmap config\n"
		    "  roadmap config policy.target_mix.operations 55\n"
		    "  roadmap config fiscal_year_start 7\n"
		    "  roadmap config --unset policy.target_mix.team\n",
	.run = run_config,
};
