/* cmd-check.c - the alignment check, for people and for CI gates. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static const char *sev_color(enum roadmap_severity s)
{
	return s == ROADMAP_SEVERITY_ERROR     ? "\033[1;31m"
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
	printf("%zu error%s, %zu warning%s, %zu info%s", f->errors,
	       f->errors == 1 ? "" : "s", f->warnings,
	       f->warnings == 1 ? "" : "s", f->infos, f->infos == 1 ? "" : "s");
	if (f->grew) {
		printf(" (%zu grew since the baseline)", f->grew);
	}
	if (f->baselined) {
		printf("; %zu known finding%s left out (in the baseline)",
		       f->known, f->known == 1 ? "" : "s");
	}
	printf("\n");
	return write_stdout("", 0);
}

enum check_format { F_TEXT, F_JSON, F_SARIF, F_JUNIT, F_GITHUB };

struct check_opts {
	int format;
	bool strict;
	const char *baseline, *as_of;
	struct selection_opts sel;
};

static const char *const formats[] = {
    [F_TEXT] = "text",	 [F_JSON] = "json",	[F_SARIF] = "sarif",
    [F_JUNIT] = "junit", [F_GITHUB] = "github", NULL};

static const struct opt check_opts[] = {
    OPT_CHOICE("format", "F", formats, struct check_opts, format,
	       "text (one line per finding and a summary), json, or for\n"
	       "pipelines sarif (code scanning), junit (test reports)\n"
	       "or github (workflow annotations)"),
    OPT_FLAG("strict", struct check_opts, strict,
	     "fail on warnings as well as errors"),
    OPT_BASELINE(struct check_opts, baseline,
	       "report only findings OLD (another revision of the\n"
	       "roadmap: a file, - or <(git show main:roadmap.json))\n"
	       "does not have, or whose amount grew since (an overrun's\n"
	       "excess, a load above capacity); they alone decide the\n"
	       "exit status"),
    OPT_STRING("as-of", 0, "DATE", struct check_opts, as_of,
	       "also run the rules of a day: initiative-late,\n"
	       "goal-at-risk, cost-at-risk (never without it, so a\n"
	       "file's check does not change with the clock)"),
    OPT_SELECTION(struct check_opts, sel),
    {0},
};

/* Leaves out the findings of the roadmap at path. */
static int subtract_baseline(const char *path,
			     const struct roadmap_check_options *co,
			     struct roadmap_findings *f)
{
	struct roadmap_findings old;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	if (load_any(path, &rm, &err)) {
		msg("the baseline %s cannot be read:", path);
		rc = fail_err(&err);
		return rc;
	}
	if (roadmap_check_opt(rm, co, &old, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(rm);
		return rc;
	}
	roadmap_findings_subtract(f, &old);
	roadmap_findings_release(&old);
	roadmap_destroy(rm);
	return 0;
}

static int print_findings(const struct ctx *ctx, enum check_format format,
			  bool strict, const struct roadmap_findings *f)
{
	const struct roadmap_pipeline_options po = {ctx->file, strict};
	struct roadmap_error err;
	enum roadmap_status st;
	char *out = NULL;
	int rc;

	switch (format) {
	case F_TEXT:
		return print_text(ctx, f);
	case F_JSON:
		st = roadmap_findings_json(f, &out, &err);
		break;
	case F_SARIF:
		st = roadmap_findings_sarif(f, &po, &out, &err);
		break;
	case F_JUNIT:
		st = roadmap_findings_junit(f, &po, &out, &err);
		break;
	case F_GITHUB:
	default:
		st = roadmap_findings_github(f, &po, &out, &err);
		break;
	}
	if (st) {
		return fail_err(&err);
	}
	rc = write_stdout(out, strlen(out));
	free(out);
	return rc;
}

static int check_of(struct ctx *ctx, struct check_opts o, int argc,
		    char **argv)
{
	struct roadmap_selection sel;
	struct roadmap_findings f;
	struct roadmap_error err;
	struct roadmap *rm;
	int rc;

	if ((rc = selection_of(&cmd_check, &o.sel, &sel))) {
		return rc;
	}
	if (optind < argc) {
		return usage_error(&cmd_check, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = open_read(ctx, &rm))) {
		return rc;
	}
	if ((rc = selection_known(rm, &sel))) {
		roadmap_destroy(rm);
		return rc;
	}
	struct roadmap_check_options co = {o.as_of != NULL, 0, true};
	if ((o.as_of && (rc = today_arg("as-of", o.as_of,
					roadmap_fiscal_start(rm), false,
					&co.as_of))) ||
	    (roadmap_check_opt(rm, &co, &f, &err) && (rc = fail_err(&err)))) {
		roadmap_destroy(rm);
		return rc;
	}
	if (o.baseline) {
		rc = subtract_baseline(o.baseline, &co, &f);
	}
	/* the whole roadmap is checked, the findings about the selected
	 * initiatives reported */
	if (rc == 0 && roadmap_findings_select(rm, &sel, &f, &err)) {
		rc = fail_err(&err);
	}
	if (rc == 0) {
		rc = print_findings(ctx, (enum check_format)o.format, o.strict,
				    &f);
	}
	if (rc == 0 && (f.errors || (o.strict && f.warnings))) {
		rc = EXIT_FINDINGS;
	}
	roadmap_findings_release(&f);
	release_at_exit(rm);
	return rc;
}

static int run_check(struct ctx *ctx, int argc, char **argv)
{
	struct check_opts o = {.format = F_TEXT};
	int rc = parse_options(&cmd_check, argc, argv, &o);

	if (rc == 0) {
		rc = check_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
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
		"select(.severity == \"error\")'\n"
		"  roadmap check --format sarif > roadmap.sarif\n"
		"  roadmap check --as-of 2026-Q2 --strict\n"
		"  roadmap check --format github --baseline <(git show "
		"main:roadmap.json)\n",
    .run = run_check,
};
