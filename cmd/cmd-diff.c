/* cmd-diff.c - what changed between two roadmap files. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct diff_opts {
	int format;
};

static const struct opt diff_opts[] = {
    OPT_CHOICE("format", "F", output_formats, struct diff_opts, format,
	       "text (default) or json: {\"added\", \"removed\", "
	       "\"changed\", \"spend\"}"),
    {0},
};

static int run_diff(struct ctx *ctx, int argc, char **argv)
{
	struct diff_opts o = {ROADMAP_OUTPUT_TEXT};
	struct roadmap_error err;
	struct roadmap *a = NULL, *b = NULL;
	int rc;

	(void)ctx;
	if (parse_options(&cmd_diff, argc, argv, &o)) {
		return 64;
	}
	enum roadmap_output format = (enum roadmap_output)o.format;
	if (argc - optind != 2) {
		return usage_error(&cmd_diff, "diff needs OLD and NEW files");
	}
	if (strcmp(argv[optind], "-") == 0 &&
	    strcmp(argv[optind + 1], "-") == 0) {
		return usage_error(&cmd_diff,
				   "only one of OLD and NEW can be -");
	}
	if (load_any(argv[optind], &a, &err) ||
	    load_any(argv[optind + 1], &b, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(a);
		return rc;
	}
	char *out;
	bool differs;
	if (roadmap_diff(a, b, format, &out, &differs, &err)) {
		rc = fail_err(&err);
	} else {
		rc = write_stdout(out, strlen(out));
		free(out);
		if (rc == 0 && differs) {
			rc = 1;
		}
	}
	roadmap_destroy(a);
	roadmap_destroy(b);
	return rc;
}

const struct cmd cmd_diff = {
    .name = "diff",
    .summary = "what changed between two roadmap files",
    .args = "OLD NEW",
    .help = "Items added and removed, fields changed (old -> new, with "
	    "defaults filled\nin), and the change in planned spend per "
	    "quarter. Exit 0 when the roadmaps\nare the same, 1 when they "
	    "differ. Either file may be - (standard input).\n",
    .opts = diff_opts,
    .examples = "  roadmap diff old.json roadmap.json\n"
		"  git show HEAD~1:roadmap.json | roadmap diff - "
		"roadmap.json\n",
    .run = run_diff,
};
