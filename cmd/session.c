/* session.c - opening the roadmap, a writer's locked session, progress on
 * large files, and output to stdout that is checked. */
#include "cmd.h"

#include <errno.h>
#include <sched.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

/* the CLI owns the process: a large file may use the second core */
static const struct roadmap_load_options load_opt = {.threads = true,
						     .cjson_hooks = true};

void say_skipped(const struct ctx *ctx, char *skipped)
{
	for (char *line = skipped, *nl; line && *line; line = nl + 1) {
		if ((nl = strchr(line, '\n'))) {
			*nl = '\0';
		}
		msg("warning: scenario \"%s\": %s", ctx->scenario, line);
		if (!nl) {
			break;
		}
	}
	free(skipped);
}

/* The roadmap file's base roadmap, with the message for a missing one. */
static int open_base(struct ctx *ctx, struct roadmap **out)
{
	struct roadmap_error err;
	enum roadmap_status st =
	    roadmap_load_file_opt(ctx->file, &load_opt, out, &err);

	if (st == ROADMAP_ERR_NOINPUT && access(ctx->file, F_OK) != 0) {
		msg("%s: no roadmap here (create one with 'roadmap init', or "
		    "choose a file with -f)",
		    ctx->file);
		return 66;
	}
	return st ? fail_err(&err) : 0;
}

int cpu_threads(void)
{
	cpu_set_t set;
	long cpus = sched_getaffinity(0, sizeof(set), &set) == 0
			? CPU_COUNT(&set)
			: sysconf(_SC_NPROCESSORS_ONLN);

	return cpus < 1 ? 1 : cpus > 8 ? 8 : (int)cpus;
}

int output_not_roadmap(const struct ctx *ctx, const char *output)
{
	struct stat so, sr;

	if (output && strcmp(output, "-") != 0 && stat(output, &so) == 0 &&
	    stat(ctx->file, &sr) == 0 && so.st_dev == sr.st_dev &&
	    so.st_ino == sr.st_ino) {
		msg("%s: is the roadmap itself (export to another file)",
		    output);
		return 73;
	}
	return 0;
}

int open_read(struct ctx *ctx, struct roadmap **out)
{
	struct roadmap_error err;
	char *skipped = NULL;
	int rc = open_base(ctx, out);

	if (rc || !ctx->scenario) {
		return rc;
	}
	if (roadmap_scenario_use(*out, ctx->scenario, &skipped, &err)) {
		roadmap_destroy(*out);
		*out = NULL;
		return fail_err(&err);
	}
	say_skipped(ctx, skipped);
	return 0;
}

enum roadmap_status load_view(const struct ctx *ctx, struct roadmap **out,
			      struct roadmap_error *err)
{
	enum roadmap_status st = roadmap_load_file(ctx->file, out, err);

	if (!st && ctx->scenario &&
	    (st = roadmap_scenario_use(*out, ctx->scenario, NULL, err))) {
		roadmap_destroy(*out);
		*out = NULL;
	}
	return st;
}

/* A roadmap from a file or a pipe: diff <(git show HEAD~1:roadmap.json) */
enum roadmap_status load_any(const char *path, struct roadmap **out,
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

long lock_timeout_ms(void)
{
	const char *s = getenv("ROADMAP_LOCK_TIMEOUT");
	char *end;

	if (!s || !*s) {
		return 10000;
	}
	errno = 0;
	double v = strtod(s, &end);
	if (*end || errno || !(v >= 0) || v > 86400) {
		msg("ROADMAP_LOCK_TIMEOUT \"%s\" is not a number of seconds; "
		    "using 10",
		    s);
		return 10000;
	}
	return (long)(v * 1000);
}

int begin_write(struct ctx *ctx, struct session *s)
{
	struct roadmap_error err;
	enum roadmap_status st;
	int rc;

	s->rm = s->base = NULL;
	s->lock = NULL;
	if (strcmp(ctx->file, "-") == 0) {
		msg("-: a roadmap on stdin cannot be changed (use -f FILE)");
		return 64;
	}
	/* no roadmap, no lock file beside it (docs/reliability.md) */
	if (access(ctx->file, F_OK) != 0 && errno == ENOENT) {
		return open_read(ctx, &s->rm);
	}
	if ((st = roadmap_lock_acquire(ctx->file, lock_timeout_ms(), &s->lock,
				       &err))) {
		return fail_err(&err);
	}
	if ((rc = open_base(ctx, &s->rm))) {
		roadmap_lock_release(s->lock);
		s->lock = NULL;
		return rc;
	}
	if (ctx->scenario) {
		/* edits go to a view; the end records them in the scenario */
		char *skipped = NULL;
		s->base = s->rm;
		if (roadmap_scenario_view(s->base, ctx->scenario, &s->rm,
					  &skipped, &err)) {
			s->rm = NULL;
			rc = fail_err(&err);
			end_write(ctx, s, false);
			return rc;
		}
		say_skipped(ctx, skipped);
	}
	return 0;
}

int end_write(struct ctx *ctx, struct session *s, bool save)
{
	struct roadmap_error err;
	int rc = 0;

	if (save && s->base && s->rm &&
	    roadmap_scenario_record(s->base, ctx->scenario, s->rm, &err)) {
		rc = fail_err(&err);
		save = false;
	}
	if (save && s->rm &&
	    roadmap_save_file(s->base ? s->base : s->rm, ctx->file, &err) !=
		ROADMAP_OK) {
		rc = fail_err(&err);
	}
	roadmap_lock_release(s->lock);
	roadmap_destroy(s->rm);
	roadmap_destroy(s->base);
	s->lock = NULL;
	s->rm = NULL;
	s->base = NULL;
	return rc;
}

int begin_maybe_write(struct ctx *ctx, bool write, struct session *s)
{
	*s = (struct session){0};
	return write ? begin_write(ctx, s) : open_read(ctx, &s->rm);
}

int finish_write(struct ctx *ctx, struct session *s, bool save, int rc)
{
	int saved = end_write(ctx, s, save && rc == 0);

	return rc ? rc : saved;
}

int end_maybe_write(struct ctx *ctx, struct session *s, bool save, int rc)
{
	if (!s->lock) {
		roadmap_destroy(s->rm);
		s->rm = NULL;
		return rc;
	}
	return finish_write(ctx, s, save, rc);
}

static bool showing_progress(const struct roadmap *rm)
{
	return rm && roadmap_initiative_count(rm) >= 20000 &&
	       isatty(STDERR_FILENO);
}

void progress(const struct roadmap *rm, const char *what)
{
	if (showing_progress(rm)) {
		fprintf(stderr, "roadmap: %s %zu initiatives...", what,
			roadmap_initiative_count(rm));
		fflush(stderr);
	}
}

void progress_done(const struct roadmap *rm)
{
	if (showing_progress(rm)) {
		fputs(" done\n", stderr);
	}
}

/*
 * In a release build (NDEBUG) a command that only reads leaves its roadmap
 * to the kernel at exit: freeing a 100,000-initiative roadmap block by
 * block costs more than the check it ran. The pointer stays reachable, and
 * debug and sanitizer builds free everything, so the tests still prove
 * that nothing leaks.
 */
void release_at_exit(struct roadmap *rm)
{
#ifdef NDEBUG
	static struct roadmap *kept[4];
	for (size_t i = 0; rm && i < 4; i++) {
		if (!kept[i]) {
			kept[i] = rm;
			return;
		}
	}
#endif
	roadmap_destroy(rm);
}

int write_stdout(const char *data, size_t len)
{
	fwrite(data, 1, len, stdout); /* a short write sets the error flag */
	return flush_stdout();
}

int flush_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		msg("cannot write to standard output: %s",
		    strerror(errno ? errno : EIO));
		clearerr(stdout);
		return 74;
	}
	return 0;
}

char *fte_text(int64_t v, char *buf)
{
	if (v % 100 == 0) {
		snprintf(buf, 32, "%lld", (long long)(v / 100));
	} else if (v % 10 == 0) {
		snprintf(buf, 32, "%lld.%lld", (long long)(v / 100),
			 (long long)(v % 100 / 10));
	} else {
		snprintf(buf, 32, "%lld.%02lld", (long long)(v / 100),
			 (long long)(v % 100));
	}
	return buf;
}

int print_rows_csv(struct roadmap_rows *rows, enum roadmap_status st,
		   struct roadmap_error *err)
{
	char *out = NULL;
	size_t len;
	int rc;

	if (st || roadmap_rows_csv(rows, &out, &len, err)) {
		roadmap_rows_release(rows);
		return fail_err(err);
	}
	rc = write_stdout(out, len);
	free(out);
	roadmap_rows_release(rows);
	return rc;
}

int number_arg(const struct cmd *cmd, const char *name, const char *s,
	       double lo, double hi, bool frac, const char *range, double *out)
{
	double v = 0;

	if (roadmap_number_parse(s, &v, NULL) || v < lo || v > hi ||
	    (!frac && v != (double)(long long)v)) {
		return usage_error(cmd, "--%s must be %s %s, not '%s'", name,
				   frac ? "a number" : "a whole number", range,
				   s);
	}
	*out = v;
	return 0;
}

int status_list(const struct cmd *cmd, const char *s, const char *where,
		bool none, unsigned *out)
{
	*out = 0;
	if (none && strcmp(s, "none") == 0) {
		return 0;
	}
	for (const char *p = s; *p;) {
		char word[32];
		size_t len = strcspn(p, ",");
		snprintf(word, sizeof(word), "%.*s", (int)(len < 31 ? len : 31),
			 p);
		int st = roadmap_initiative_status_parse(word);
		if (st < 0) {
			return usage_error(cmd,
					   "unknown status '%s'%s (proposed, "
					   "approved, active, done, "
					   "cancelled, deferred%s)",
					   word, where,
					   none ? ", or none" : "");
		}
		*out |= 1u << st;
		p += len + (p[len] == ',');
	}
	return 0;
}

/*
 * Money for people at a scale that fits the terminal: cents, whole units,
 * or thousands with one decimal (rounded half away from zero). Only the
 * display is rounded; the figures are exact.
 */
void money_cell(bool has, int64_t v, int scale, char *buf)
{
	static const int64_t unit[] = {1, 100, 10000};
	char tmp[40];

	if (!has) {
		strcpy(buf, "-");
		return;
	}
	if (scale == 0) {
		roadmap_money_format(v, true, buf);
		return;
	}
	int64_t u = unit[scale],
		r = v < 0 ? -((-v + u / 2) / u) : (v + u / 2) / u;
	roadmap_money_format(r * (scale == 2 ? 10 : 100), true, tmp);
	if (scale == 1) {
		*strchr(tmp, '.') = '\0';
	} else {
		tmp[strlen(tmp) - 1] = '\0'; /* one decimal */
	}
	strcpy(buf, tmp);
}

int today_arg(const char *opt, const char *value, int fiscal_start,
	      bool source_date, roadmap_day *out)
{
	struct roadmap_period p;
	struct roadmap_error err;
	const char *env = getenv("ROADMAP_TODAY");
	char when[40];
	time_t now = time(NULL);
	struct tm tm;

	if (value) {
		if (roadmap_period_parse(value, fiscal_start, &p, &err)) {
			msg("--%s: %s", opt, err.message);
			return 65;
		}
		*out = p.last; /* as of a period: its last day */
		return 0;
	}
	if (env && *env) {
		if (roadmap_period_parse(env, fiscal_start, &p, NULL) ||
		    p.kind != ROADMAP_PERIOD_DAY) {
			msg("ROADMAP_TODAY \"%s\" is not a date (YYYY-MM-DD)",
			    env);
			return 64;
		}
		*out = p.first;
		return 0;
	}
	if (source_date && roadmap_source_date(when, sizeof(when), &now)) {
		gmtime_r(&now, &tm);
	} else {
		localtime_r(&now, &tm);
	}
	if (!roadmap_day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
				  out)) {
		msg("today's date is out of range");
		return 70;
	}
	return 0;
}

int selection_of(const struct cmd *cmd, const struct selection_opts *o,
		 struct roadmap_selection *out)
{
	*out = (struct roadmap_selection){0,	    o->pillar, o->goal,
					  o->owner, o->team,   o->id};
	return o->status
		   ? status_list(cmd, o->status, "", false, &out->statuses)
		   : 0;
}

void selection_release(struct selection_opts *o)
{
	free(o->status);
	free(o->pillar);
	free(o->goal);
	free(o->owner);
	free(o->team);
	free(o->id);
	memset(o, 0, sizeof(*o));
}

const char *nearest_id(const struct roadmap *rm, bool goals, const char *word,
		       int *rc)
{
	size_t n =
	    goals ? roadmap_goal_count(rm) : roadmap_initiative_count(rm);
	const char **names = malloc((n + 1) * sizeof(char *));

	if (!names) {
		msg("out of memory");
		*rc = 70;
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		names[i] = goals ? roadmap_goal_at(rm, i)->id
				 : roadmap_initiative_at(rm, i)->id;
	}
	const char *near = roadmap_nearest(word, names, n);
	free(names);
	return near;
}

/* 0 when each comma-separated name in list (an id holds no comma) is an
 * initiative of rm (a goal, with goals); else 65 after naming the first
 * that is not, with the likely one meant (70 out of memory). */
static int names_known(const struct roadmap *rm, const char *list, bool goals)
{
	const char *option = goals ? ROADMAP_WORD_GOAL : ROADMAP_FIELD_ID;
	const char *kind = goals ? ROADMAP_WORD_GOAL : ROADMAP_WORD_INITIATIVE;

	for (const char *p = list; p;) {
		size_t len = strcspn(p, ",");
		char *name = strndup(p, len);
		int rc = 0;
		if (!name) {
			msg("out of memory");
			return 70;
		}
		if ((goals ? roadmap_goal_index(rm, name)
			   : roadmap_initiative_index(rm, name)) < 0) {
			const char *near = nearest_id(rm, goals, name, &rc);
			if (near) {
				msg("--%s: no %s \"%s\" (did you mean "
				    "\"%s\"?)",
				    option, kind, name, near);
			} else if (!rc) {
				msg("--%s: no %s \"%s\"", option, kind, name);
			}
			rc = rc ? rc : 65;
		}
		free(name);
		if (rc) {
			return rc;
		}
		p = p[len] ? p + len + 1 : NULL;
	}
	return 0;
}

int selection_known(const struct roadmap *rm,
		    const struct roadmap_selection *sel)
{
	int rc = names_known(rm, sel->ids, false);

	return rc ? rc : names_known(rm, sel->goals, true);
}

int narrow(struct roadmap *rm, const struct roadmap_selection *sel)
{
	struct roadmap_error err;

	return roadmap_select(rm, sel, &err) ? fail_err(&err) : 0;
}

int open_selected(struct ctx *ctx, const struct cmd *cmd,
		  const struct selection_opts *o, struct roadmap_selection *sel,
		  struct roadmap **out)
{
	int rc;

	*out = NULL;
	if ((rc = selection_of(cmd, o, sel)) || (rc = open_read(ctx, out))) {
		return rc;
	}
	if ((rc = selection_known(*out, sel)) || (rc = narrow(*out, sel))) {
		roadmap_destroy(*out);
		*out = NULL;
	}
	return rc;
}
