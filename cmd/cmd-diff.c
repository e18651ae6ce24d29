/* cmd-diff.c - what changed between two roadmap files. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* A roadmap from a file or a pipe: diff <(git show HEAD~1:roadmap.json) */
static enum roadmap_status load_any(const char *path, struct roadmap **out,
				    struct roadmap_error *err)
{
	char *data;
	size_t len;
	enum roadmap_status st;

	*out = NULL;
	if ((st = roadmap_read_file(path, &data, &len, err))) {
		return st;
	}
	st = roadmap_load_buffer(path, data, len, out, err);
	free(data);
	return st;
}

static int run_diff(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	static const char *const formats[] = {"text", "json", NULL};
	struct roadmap_error err;
	struct roadmap *a = NULL, *b = NULL;
	int c, format = 0, rc;

	(void)ctx;
	while ((c = cmd_getopt(&cmd_diff, argc, argv, "", opts)) != -1) {
		if (c != 'F') {
			return 64;
		}
		if (choice_option(&cmd_diff, "format", optarg, formats,
				  &format)) {
				return 64;
			}
	}
	if (argc - optind != 2) {
		return usage_error(&cmd_diff, "diff needs OLD and NEW files");
	}
	if (strcmp(argv[optind], "-") == 0 &&
	    strcmp(argv[optind + 1], "-") == 0) {
		return usage_error(&cmd_diff, "only one of OLD and NEW can be -");
	}
	if (load_any(argv[optind], &a, &err) ||
	    load_any(argv[optind + 1], &b, &err)) {
		rc = fail_err(&err);
		roadmap_destroy(a);
		return rc;
	}
	char *out;
	bool differs;
	if (roadmap_diff(a, b, format == 1, &out, &differs, &err)) {
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
	.usage = "diff OLD NEW [--format text|json]",
	.help = "Items added and removed, fields changed (old -> new, with "
		"defaults filled\nin), and the change in planned spend per "
		"quarter. Exit 0 when the roadmaps\nare the same, 1 when they "
		"differ. Either file may be - (standard input).\n"
		"\noptions:\n"
		"  --format F   text (default) or json: {\"added\", "
		"\"removed\", \"changed\", \"spend\"}\n"
		"\nexamples:\n"
		"  roadmap diff old.json roadmap.json\n"
		"  git show HEAD~1:roadmap.json | roadmap diff - roadmap.json\n",
	.run = run_diff,
};
