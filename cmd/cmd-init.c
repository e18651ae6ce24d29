/* cmd-init.c - create a roadmap file. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int run_init(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, 'n'},
		{"currency", required_argument, NULL, 'c'},
		{"fiscal-year-start", required_argument, NULL, 'y'},
		{"pillars", required_argument, NULL, 'p'},
		{"force", no_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	const char *name = NULL, *currency = NULL, *fys = NULL, *pillars = NULL;
	bool force = false;
	struct roadmap_error err;
	struct roadmap_lock *lock = NULL;
	struct roadmap *rm = NULL;
	int c, rc = 0;

	while ((c = cmd_getopt(&cmd_init, argc, argv, "", opts)) != -1) {
		switch (c) {
		case 'n':
			name = optarg;
			break;
		case 'c':
			currency = optarg;
			break;
		case 'y':
			fys = optarg;
			break;
		case 'p':
			pillars = optarg;
			break;
		case 'F':
			force = true;
			break;
		default:
			return 64;
		}
	}
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
	.usage = "init [--name T] [--currency C] [--fiscal-year-start M] "
		 "[--pillars a,b,c] [--force]",
	.help = "options:\n"
		"  --name T                 the roadmap's name\n"
		"  --currency C             ISO 4217 currency code (default "
		"USD)\n"
		"  --fiscal-year-start M    month 1-12 the fiscal year starts "
		"in (default 1);\n"
		"                           a fiscal year is named for the "
		"year it ends in\n"
		"  --pillars a,b,c          investment pillars (default "
		"strategy,team,\n"
		"                           operations,innovation)\n"
		"  --force                  replace an existing file\n"
		"\nexamples:\n"
		"  roadmap init --name \"Acme FY2027\" --fiscal-year-start 7\n"
		"  roadmap -f plan.json init --pillars run,grow,transform\n",
	.run = run_init,
};
