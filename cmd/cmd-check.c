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

struct check_opts {
	int format;
	bool strict;
};

static const char *const formats[] = {"text", "json", NULL};

static const struct opt check_opts[] = {
	OPT_CHOICE("format", "F", formats, struct check_opts, format,
		   "text (one line per finding and a summary) or json"),
	OPT_FLAG("strict", struct check_opts, strict,
		 "fail on warnings as well as errors"),
	{0},
};

static int run_check(struct ctx *ctx, int argc, char **argv)
{
	struct check_opts o = {0};
	struct roadmap_findings f;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	if (parse_options(&cmd_check, argc, argv, &o)) {
		return 64;
	}
	bool strict = o.strict;
	int format = o.format;
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
	.help = "Exit status: 0 when clean, 1 when there are errors (with "
		"--strict, warnings\ntoo). 'man roadmap' explains every rule "
		"and how to fix it.\n",
	.opts = check_opts,
	.examples = "  roadmap check\n"
		    "  roadmap check --strict --format json | jq '.findings[] | "
		    "select(.severity == \"error\")'\n",
	.run = run_check,
};
