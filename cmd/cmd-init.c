/* cmd-init.c - create a roadmap file. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct init_opts {
	const char *name, *currency, *fys, *pillars;
	bool force;
};

static const struct opt init_opts[] = {
    OPT_STRING(ROADMAP_KEY_NAME, 0, "T", struct init_opts, name,
	       "the roadmap's name"),
    OPT_STRING(ROADMAP_KEY_CURRENCY, 0, "C", struct init_opts, currency,
	       "ISO 4217 currency code (default USD)"),
    OPT_STRING("fiscal-year-start", 0, "M", struct init_opts, fys,
	       "month 1-12 the fiscal year starts in (default 1);\n"
	       "a fiscal year is named for the year it ends in"),
    OPT_STRING(ROADMAP_KEY_PILLARS, 0, "a,b,c", struct init_opts, pillars,
	       "investment pillars (default strategy,team,\n"
	       "operations,innovation)"),
    OPT_FLAG("force", struct init_opts, force, "replace an existing file"),
    {0},
};

static int run_init(struct ctx *ctx, int argc, char **argv)
{
	struct init_opts o = {0};
	struct roadmap_error err;
	struct roadmap_lock *lock = NULL;
	struct roadmap *rm = NULL;
	int rc = 0;

	if (parse_options(&cmd_init, argc, argv, &o)) {
		return 64;
	}
	const char *name = o.name, *currency = o.currency, *fys = o.fys,
		   *pillars = o.pillars;
	bool force = o.force;
	if (optind < argc) {
		return usage_error(&cmd_init, "unexpected argument '%s'",
				   argv[optind]);
	}
	if (strcmp(ctx->file, "-") == 0) {
		return usage_error(&cmd_init, "init needs a file, not stdout");
	}
	if (!(rm = roadmap_create())) {
		msg("out of memory");
		return 70;
	}
	if (fys) {
		char *end;
		long m = strtol(fys, &end, 10);
		if (*end || end == fys || m < 1 || m > 12) {
			msg("--fiscal-year-start \"%s\" is not a month 1-12",
			    fys);
			rc = 65;
			goto out;
		}
		roadmap_set_fiscal_start(rm, (int)m, &err);
	}
	if ((name && roadmap_set_name(rm, name, &err)) ||
	    (currency && roadmap_set_currency(rm, currency, &err)) ||
	    (pillars && roadmap_set_pillars(rm, pillars, &err))) {
		rc = fail_err(&err);
		goto out;
	}
	if (roadmap_lock_acquire(ctx->file, lock_timeout_ms(), &lock, &err)) {
		rc = fail_err(&err);
		goto out;
	}
	if (!force && access(ctx->file, F_OK) == 0) {
		msg("%s: already exists (use --force to replace it)",
		    ctx->file);
		rc = 73;
		goto out;
	}
	if (roadmap_save_file(rm, ctx->file, &err)) {
		rc = fail_err(&err);
		goto out;
	}
	msg("created %s", ctx->file);
out:
	roadmap_lock_release(lock);
	roadmap_destroy(rm);
	return rc;
}

const struct cmd cmd_init = {
    .name = "init",
    .summary = "create a new roadmap file",
    .opts = init_opts,
    .examples = "  roadmap init --name \"Acme FY2027\" --fiscal-year-start "
		"7\n"
		"  roadmap -f plan.json init --pillars run,grow,transform\n",
    .run = run_init,
};
