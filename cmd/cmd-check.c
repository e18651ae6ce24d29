/* cmd-check.c - the alignment check, for people and for CI gates. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static const char *sev_color(enum roadmap_severity s)
{
	return s == ROADMAP_SEVERITY_ERROR	   ? "\033[1;31m"
	       : s == ROADMAP_SEVERITY_WARNING ? "\033[33m"
					       : "\033[36m";
}

static int print_text(const struct ctx *ctx, const struct roadmap_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct roadmap_finding *x = &f->items[i];
		const char *name = roadmap_severity_name(x->severity);
		if (ctx->color) {
			printf("%s%-7s\033[0m %-20s %s: %s\n",
			       sev_color(x->severity), name, x->code,
			       x->subject, x->message);
		} else {
			printf("%-7s %-20s %s: %s\n", name, x->code, x->subject,
			       x->message);
		}
	}
	printf("%zu error%s, %zu warning%s, %zu info%s\n", f->errors,
	       f->errors == 1 ? "" : "s", f->warnings,
	       f->warnings == 1 ? "" : "s", f->infos, f->infos == 1 ? "" : "s");
	return write_stdout("", 0);
}

static int run_check(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'F'},
		{"strict", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	static const char *const formats[] = {"text", "json", NULL};
	struct roadmap_findings f;
	struct roadmap_error err;
	struct roadmap *rm;
	bool strict = false;
	int c, format = 0, rc;

	while ((c = cmd_getopt(&cmd_check, argc, argv, "", opts)) != -1) {
		if (c == 's') {
			strict = true;
		} else if (c == 'F') {
			if (choice_option(&cmd_check, "format", optarg, formats,
					  &format)) {
				return 64;
			}
		} else {
			return 64;
		}
	}
	if (optind < argc) {
		return usage_error(&cmd_check, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	if (roadmap_check(rm, &f, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	if (format == 1) {
		char *out;
		if (roadmap_findings_json(&f, &out, &err)) {
			rc = fail_err(&err);
		} else {
			rc = write_stdout(out, strlen(out));
			free(out);
		}
	} else {
		rc = print_text(ctx, &f);
	}
	if (rc == 0 && (f.errors || (strict && f.warnings))) {
		rc = EXIT_FINDINGS;
	}
	roadmap_findings_release(&f);
	release_at_exit(rm);
	return rc;
}

const struct cmd cmd_check = {
	.name = "check",
	.summary = "check that the roadmap is aligned, funded and feasible",
	.usage = "check [--format text|json] [--strict]",
	.help = "Exit status: 0 when clean, 1 when there are errors (with "
		"--strict, warnings\ntoo). 'man roadmap' explains every rule "
		"and how to fix it.\n"
		"\noptions:\n"
		"  --format F   text (one line per finding and a summary) or "
		"json\n"
		"  --strict     fail on warnings as well as errors\n"
		"\nexamples:\n"
		"  roadmap check\n"
		"  roadmap check --strict --format json | jq '.findings[] | "
		"select(.severity == \"error\")'\n",
	.run = run_check,
};
