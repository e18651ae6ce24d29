/* cmd-merge.c - a three-way merge of roadmap files, git's merge driver
 * (the library does the work: roadmap_merge). */
#include "cmd.h"

#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct merge_opts {
	int format;
	const char *output;
	bool git_setup;
};

static const struct opt merge_opts[] = {
    OPT_CHOICE("format", "F", output_formats, struct merge_opts, format,
	       "the conflicts as text (default) or json:\n"
	       "{\"conflicts\": [...], \"merged\"}"),
    OPT_STRING("output", 'o', "FILE", struct merge_opts, output,
	       "where to write the merged roadmap (default OURS,\n"
	       "replaced as git's merge driver expects)"),
    OPT_FLAG("git-setup", struct merge_opts, git_setup,
	     "print the commands that make git merge the roadmap\n"
	     "file with this command"),
    {0},
};

/* s quoted for the shell, into b (size at least 2 * strlen(s) + 3). */
static const char *shell_quoted(const char *s, char *b, size_t size)
{
	size_t o = 0;

	b[o++] = '\'';
	for (; *s && o + 6 < size; s++) {
		if (*s == '\'') {
			memcpy(b + o, "'\\''", 4);
			o += 4;
		} else {
			b[o++] = *s;
		}
	}
	b[o++] = '\'';
	b[o] = '\0';
	return b;
}

static int git_setup(const struct ctx *ctx)
{
	char q[1100], line[1200], copy[1024];
	/* a pattern with a slash is relative to .gitattributes' folder: an
	 * absolute path names the file only */
	snprintf(copy, sizeof(copy), "%s", ctx->file);
	const char *name = ctx->file[0] == '/' ? basename(copy) : ctx->file;

	if (strlen(name) > 500) {
		msg("%s: the file name is too long for .gitattributes",
		    ctx->file);
		return 64;
	}
	snprintf(line, sizeof(line), "%s merge=roadmap", name);
	printf("echo %s >> .gitattributes\n", shell_quoted(line, q, sizeof(q)));
	/* the lock file beside the roadmap is never committed */
	snprintf(line, sizeof(line), "%s.lock", name);
	printf("echo %s >> .gitignore\n", shell_quoted(line, q, sizeof(q)));
	if (strcmp(name, "roadmap.json") == 0) {
		printf("echo '*.roadmap.json merge=roadmap' >> "
		       ".gitattributes\n");
	}
	printf("git config merge.roadmap.name 'roadmap three-way merge'\n"
	       "git config merge.roadmap.driver 'roadmap merge %%O %%A %%B "
	       "-o %%A'\n");
	return flush_stdout();
}

/* git's temporary files of a merge (".merge_file_XXXXXX" at the top of
 * the work tree) are git's alone: no lock file is left beside them. */
static bool git_temporary(const char *path)
{
	const char *slash = strrchr(path, '/');

	return strncmp(slash ? slash + 1 : path, ".merge_file_", 12) == 0;
}

/* A roadmap from a file, a pipe or "-", unlocked, read with the
 * machine's cores as every command's own roadmap is. */
static enum roadmap_status load_side(const char *path, struct roadmap **out,
				     struct roadmap_error *err)
{
	static const struct roadmap_load_options opt = {.threads = true,
							.cjson_hooks = true};
	char *data;
	size_t len;
	enum roadmap_status st = roadmap_read_file(path, &data, &len, err);

	*out = NULL;
	if (st) {
		return st;
	}
	st = roadmap_load_buffer_opt(path, data, len, &opt, out, err);
	free(data);
	return st;
}

/* The three files are read at once, each on its own thread (the loader
 * dominates a merge; the CLI owns the process and its cores). */
struct side {
	const char *path;
	struct roadmap *rm;
	struct roadmap_error err;
	enum roadmap_status st;
};

static void *load_thread(void *arg)
{
	struct side *s = arg;

	s->st = load_side(s->path, &s->rm, &s->err);
	return NULL;
}

/* Loads the three sides; 0, or the exit code after the first side's
 * error (in the order BASE, OURS, THEIRS). */
static int load_sides(char **path, struct roadmap **rm)
{
	struct side s[3];
	pthread_t th[3];
	bool started[3] = {false, false, false};
	int rc = 0;

	for (int i = 0; i < 3; i++) {
		s[i] = (struct side){path[i], NULL, {0}, ROADMAP_OK};
		/* stdin is read on this thread, after the others started */
		if (strcmp(path[i], "-") != 0) {
			started[i] = pthread_create(&th[i], NULL, load_thread,
						    &s[i]) == 0;
		}
	}
	for (int i = 0; i < 3; i++) {
		if (started[i]) {
			pthread_join(th[i], NULL);
		} else {
			load_thread(&s[i]);
		}
	}
	for (int i = 0; i < 3; i++) {
		if (s[i].st && rc == 0) {
			rc = fail_err(&s[i].err);
		}
		rm[i] = s[i].rm;
	}
	return rc;
}

/* The path of the side whose fiscal year differs from the base's. */
static const char *differing(const struct roadmap *b, const struct roadmap *o,
			     const char *ours, const char *theirs)
{
	return roadmap_fiscal_start(o) != roadmap_fiscal_start(b) ? ours
								  : theirs;
}

static int run_merge(struct ctx *ctx, int argc, char **argv)
{
	struct merge_opts o = {ROADMAP_OUTPUT_TEXT, NULL, false};
	struct roadmap_error err;
	struct roadmap *rm[3] = {NULL, NULL, NULL};
	struct roadmap_lock *lock = NULL;
	struct roadmap_merge_conflicts cf = {0};
	char *report = NULL;
	int rc = 0, stdin_uses = 0;

	if (parse_options(&cmd_merge, argc, argv, &o)) {
		return 64;
	}
	if (o.git_setup) {
		if (argc - optind != 0 || o.output) {
			return usage_error(&cmd_merge,
					   "--git-setup takes no files");
		}
		return git_setup(ctx);
	}
	if (argc - optind != 3) {
		return usage_error(&cmd_merge,
				   "merge needs BASE, OURS and THEIRS files");
	}
	char **path = argv + optind;
	const char *out = o.output ? o.output : path[1];
	for (int i = 0; i < 3; i++) {
		stdin_uses += strcmp(path[i], "-") == 0;
	}
	if (stdin_uses > 1) {
		return usage_error(
		    &cmd_merge, "only one of BASE, OURS and THEIRS can be -");
	}
	if (strcmp(out, "-") == 0) {
		return usage_error(&cmd_merge,
				   "the merged roadmap is written to a file "
				   "(OURS, or -o FILE), not to -");
	}
	/* OUT's lock guards a roadmap that is there to be replaced (OURS
	 * read and OUT written under it, as every edit does); a new OUT is
	 * an output like export's, and a merge that fails leaves neither it
	 * nor a lock file beside it */
	if (access(out, F_OK) == 0 && !git_temporary(out) &&
	    roadmap_lock_acquire(out, lock_timeout_ms(), &lock, &err)) {
		return fail_err(&err);
	}
	rc = load_sides(path, rm);
	if (rc == 0) {
		enum roadmap_status st =
		    roadmap_merge(rm[0], rm[1], rm[2], &cf, &err);
		if (st == ROADMAP_ERR_DATA && !err.file[0]) {
			snprintf(err.file, sizeof(err.file), "%s",
				 differing(rm[0], rm[1], path[1], path[2]));
		}
		/* the report before the save: nothing is written when it
		 * cannot be made */
		if (st ||
		    roadmap_merge_report(&cf, (enum roadmap_output)o.format,
					 &report, &err) ||
		    roadmap_save_file(rm[1], out, &err)) {
			rc = fail_err(&err);
		}
	}
	roadmap_lock_release(lock);
	if (rc == 0) {
		rc = write_stdout(report, strlen(report));
		if (rc == 0 && cf.n) {
			rc = EXIT_FINDINGS;
		}
	}
	free(report);
	roadmap_merge_conflicts_release(&cf);
	for (int i = 0; i < 3; i++) {
		release_at_exit(rm[i]);
	}
	return rc;
}

const struct cmd cmd_merge = {
    .name = "merge",
    .summary = "three-way merge of roadmap files (git's merge driver)",
    .args = "BASE OURS THEIRS",
    .help =
	"Merges into OURS what changed from BASE to THEIRS, field by field "
	"and\nkeyed by ids: items added or removed on one side are added or "
	"removed;\ngoals, depends_on and pillars merge as sets; actuals, "
	"progress,\nmeasurements and capacity_changes record by record; "
	"settings key by\nkey; envelopes by period and pillar; scenarios by "
	"name. Where both\nsides changed a value differently, or one removed "
	"an item the other\nchanged, OURS' value is kept and the conflict "
	"listed (kind, id, field,\nbase, ours, theirs). The merged roadmap "
	"replaces OURS (or goes to -o\nFILE) in one atomic save, canonical "
	"and loadable. Exit 0 when clean, 1\nwith conflicts, 65 when a file "
	"does not load or the files do not share\none fiscal_year_start.\n",
    .opts = merge_opts,
    .examples = "  roadmap merge base.json roadmap.json theirs.json\n"
		"  roadmap merge --git-setup | sh\n",
    .run = run_merge,
};
