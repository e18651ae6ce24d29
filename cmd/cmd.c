/* cmd.c - the command table, messages, option parsing, sessions, tables. */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* Keep alphabetized: `help` lists them in this order. */
const struct cmd *const commands[] = {
	&cmd_actual, &cmd_add,	    &cmd_budget, &cmd_check, &cmd_config,
	&cmd_depend,
	&cmd_diff,   &cmd_export, &cmd_help,   &cmd_import, &cmd_init,	    &cmd_link,	 &cmd_list,  &cmd_rm,
	&cmd_schedule, &cmd_set,    &cmd_show,	 &cmd_timeline,
	&cmd_undepend, &cmd_unlink, NULL,
};

const struct cmd *cmd_find(const char *name)
{
	for (size_t i = 0; commands[i]; i++) {
		if (strcmp(commands[i]->name, name) == 0) {
			return commands[i];
		}
	}
	return NULL;
}

/*
 * Writes a message to stderr with every control character, C1 control and
 * byte that is not UTF-8 escaped (\x1b), so that no input echoed in it (an
 * argument, a file name, a header cell) can drive the terminal (SPEC 5.2).
 */
static void put_safe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);

	mbstate_t st = {0};

	for (size_t i = 0; i < len;) {
		wchar_t wc = 0;
		size_t k = mbrtowc(&wc, s + i, len - i, &st);
		if (k == 0 || k > len - i || wc < 0x20 ||
		    (wc >= 0x7F && wc < 0xA0)) {
			memset(&st, 0, sizeof(st));
			fprintf(stderr, "\\x%02x", p[i]);
			i++;
			continue;
		}
		fwrite(p + i, 1, k, stderr);
		i += k;
	}
}

static void vmsg(const char *prefix, const char *fmt, va_list ap)
{
	char small[512], *text = small;
	va_list copy;

	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small) && (text = malloc((size_t)n + 1))) {
		vsnprintf(text, (size_t)n + 1, fmt, copy);
	} else if (n >= (int)sizeof(small)) {
		text = small; /* out of memory: the message, cut short */
	}
	va_end(copy);
	fputs("roadmap: ", stderr);
	if (prefix) {
		put_safe(prefix);
		fputs(": ", stderr);
	}
	put_safe(n < 0 ? fmt : text);
	fputc('\n', stderr);
	if (text != small) {
		free(text);
	}
}

void msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, fmt, ap);
	va_end(ap);
}

int exit_code(enum roadmap_status st)
{
	switch (st) {
	case ROADMAP_OK:
		return 0;
	case ROADMAP_ERR_NOMEM:
		return 70;
	case ROADMAP_ERR_USAGE:
	case ROADMAP_ERR_DATA:
	case ROADMAP_ERR_NOINPUT:
	case ROADMAP_ERR_INTERNAL:
	case ROADMAP_ERR_CANTCREAT:
	case ROADMAP_ERR_IO:
	case ROADMAP_ERR_LOCKED:
		return (int)st;
	}
	return 70;
}

int fail_err(const struct roadmap_error *err)
{
	char buf[1400];

	msg("%s", roadmap_error_format(err, buf, sizeof(buf)));
	return exit_code(err->status ? err->status : ROADMAP_ERR_INTERNAL);
}

int usage_error(const struct cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(cmd && cmd->run ? cmd->name : NULL, fmt, ap);
	va_end(ap);
	if (cmd) {
		fprintf(stderr, "usage: roadmap %s\n", cmd->usage);
		if (cmd->run) {
			fprintf(stderr, "(see 'roadmap help %s')\n",
				cmd->name);
		}
	}
	return 64;
}

/* Edit distance with transpositions (optimal string alignment), for
 * "did you mean" suggestions: "lsit" is one step from "list". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), d[64][64];

	if (la >= 63 || lb >= 63) {
		return 99;
	}
	for (size_t i = 0; i <= la; i++) {
		d[i][0] = i;
	}
	for (size_t j = 0; j <= lb; j++) {
		d[0][j] = j;
	}
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best) {
				best = d[i - 1][j] + 1;
			}
			if (d[i][j - 1] + 1 < best) {
				best = d[i][j - 1] + 1;
			}
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best) {
				best = d[i - 2][j - 2] + 1;
			}
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *nearest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bd = 3;

	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, names[i]);
		if (d < bd || (best == NULL && strncmp(word, names[i],
						       strlen(word)) == 0 &&
			       strlen(word) >= 2)) {
			bd = d;
			best = names[i];
		}
	}
	return best;
}

/* Whether the option word a (one of argv) consumes the next argument. */
static bool takes_next(const char *a, const char *shortopts,
		       const struct option *longopts)
{
	if (strncmp(a, "--", 2) == 0) {
		if (strchr(a, '=')) {
			return false;
		}
		for (const struct option *o = longopts; o->name; o++) {
			if (strcmp(o->name, a + 2) == 0) {
				return o->has_arg == required_argument;
			}
		}
		return false;
	}
	/* a short cluster: the first option that takes a value ends it */
	for (const char *p = a + 1; *p; p++) {
		const char *d = strchr(shortopts, *p);
		if (d && *p != ':' && *p != '+' && d[1] == ':') {
			return p[1] == '\0';
		}
	}
	return false;
}

int cmd_getopt(const struct cmd *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *longopts)
{
	static char **scanned;
	bool in_order = shortopts[0] == '+';

	/* Check every long option for an exact name before getopt_long
	 * can expand an abbreviation. */
	if (scanned != argv) {
		scanned = argv;
		for (int i = 1; i < argc; i++) {
			const char *a = argv[i];
			if (strcmp(a, "--") == 0 ||
			    (in_order && (a[0] != '-' || !a[1]))) {
				break;
			}
			if (a[0] == '-' && a[1] && takes_next(a, shortopts,
							      longopts)) {
				i++;
				continue;
			}
			if (strncmp(a, "--", 2) != 0) {
				continue;
			}
			size_t len = strcspn(a + 2, "=");
			bool known = false;
			const char *names[64];
			size_t n = 0;
			for (const struct option *o = longopts; o->name; o++) {
				known = known ||
					(strlen(o->name) == len &&
					 strncmp(o->name, a + 2, len) == 0);
				if (n < 64) {
					names[n++] = o->name;
				}
			}
			if (!known) {
				char word[64];
				snprintf(word, sizeof(word), "%.*s",
					 (int)(len < 60 ? len : 60), a + 2);
				const char *s = nearest(word, names, n);
				if (s) {
					usage_error(cmd,
						    "unknown option '--%s' (did "
						    "you mean '--%s'?)",
						    word, s);
				} else {
					usage_error(cmd,
						    "unknown option '--%s'",
						    word);
				}
				return '?';
			}
		}
	}
	opterr = 0;
	int c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == '?') {
		if (optopt) {
			const char *need = strchr(shortopts, optopt);
			if (need && need[1] == ':') {
				usage_error(cmd, "option '-%c' needs a value",
					    optopt);
			} else if (optopt > 0 && optopt < 256 &&
				   !need) {
				bool long_needs = false;
				for (const struct option *o = longopts; o->name;
				     o++) {
					long_needs = long_needs ||
						     o->val == optopt;
				}
				if (long_needs) {
					usage_error(cmd,
						    "option '%s' needs a value",
						    argv[optind - 1]);
				} else {
					usage_error(cmd,
						    "unknown option '-%c'",
						    optopt);
				}
			} else {
				usage_error(cmd, "unknown option '%s'",
					    argv[optind - 1]);
			}
		} else {
			usage_error(cmd, "option '%s' needs a value",
				    argv[optind - 1]);
		}
		return '?';
	}
	return c;
}

void cmd_print_help(const struct cmd *cmd, FILE *f)
{
	fprintf(f, "usage: roadmap %s\n\n%s.\n", cmd->usage, cmd->summary);
	if (cmd->help && *cmd->help) {
		fprintf(f, "\n%s", cmd->help);
	}
}

int choice_option(const struct cmd *cmd, const char *what, const char *value,
		  const char *const *names, int *out)
{
	char list[200] = "";
	size_t n = 0;

	if ((*out = parse_choice(value, names)) >= 0) {
		return 0;
	}
	while (names[n]) {
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		size_t o = strlen(list);
		snprintf(list + o, sizeof(list) - o, "%s%s",
			 i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
	}
	return usage_error(cmd, "unknown %s '%s' (%s)", what, value, list);
}

int parse_choice(const char *value, const char *const *names)
{
	for (int i = 0; names[i]; i++) {
		if (strcmp(value, names[i]) == 0) {
			return i;
		}
	}
	return -1;
}

int open_read(struct ctx *ctx, struct roadmap **out)
{
	struct roadmap_error err;
	/* the CLI owns the process: a large file may use the second core */
	static const struct roadmap_load_options opt = {.threads = true};
	enum roadmap_status st =
		roadmap_load_file_opt(ctx->file, &opt, out, &err);

	if (st == ROADMAP_ERR_NOINPUT && access(ctx->file, F_OK) != 0) {
		msg("%s: no roadmap here (create one with 'roadmap init', or "
		    "choose a file with -f)",
		    ctx->file);
		return 66;
	}
	return st ? fail_err(&err) : 0;
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

	s->rm = NULL;
	if (strcmp(ctx->file, "-") == 0) {
		msg("-: a roadmap on stdin cannot be changed (use -f FILE)");
		return 64;
	}
	/* no roadmap, no lock file beside it (SPEC 12) */
	if (access(ctx->file, F_OK) != 0 && errno == ENOENT) {
		return open_read(ctx, &s->rm);
	}
	if ((st = roadmap_lock_acquire(ctx->file, lock_timeout_ms(), &s->lock,
				       &err))) {
		return fail_err(&err);
	}
	if ((rc = open_read(ctx, &s->rm))) {
		roadmap_lock_release(s->lock);
		s->lock = NULL;
		return rc;
	}
	return 0;
}

int end_write(struct ctx *ctx, struct session *s, bool save)
{
	struct roadmap_error err;
	int rc = 0;

	if (save && s->rm &&
	    roadmap_save_file(s->rm, ctx->file, &err) != ROADMAP_OK) {
		rc = fail_err(&err);
	}
	roadmap_lock_release(s->lock);
	roadmap_destroy(s->rm);
	s->lock = NULL;
	s->rm = NULL;
	return rc;
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

/* ------------------------------------------------------------ tables */

size_t text_width(const char *s)
{
	mbstate_t st = {0};
	size_t w = 0, len = strlen(s);

	while (len > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			/* not UTF-8 in this locale: count bytes */
			memset(&st, 0, sizeof(st));
			w++;
			s++;
			len--;
			continue;
		}
		int cw = wcwidth(wc);
		w += cw > 0 ? (size_t)cw : 0;
		s += k;
		len -= k;
	}
	return w;
}

/* Copies the prefix of s that fits in width columns, adding "…". */
static void truncate_to(const char *s, size_t width, FILE *f)
{
	mbstate_t st = {0};
	size_t w = 0, len = strlen(s);

	if (text_width(s) <= width) {
		fputs(s, f);
		return;
	}
	while (len > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			break;
		}
		int cw = wcwidth(wc);
		size_t c = cw > 0 ? (size_t)cw : 0;
		if (w + c + 1 > width) {
			break;
		}
		fwrite(s, 1, k, f);
		w += c;
		s += k;
		len -= k;
	}
	fputs("\xE2\x80\xA6", f);
	for (w++; w < width; w++) {
		fputc(' ', f);
	}
}

size_t term_width(void)
{
	struct winsize ws;
	const char *c = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0) {
		return ws.ws_col;
	}
	if (c && atoi(c) >= 40 && atoi(c) <= 1000) {
		return (size_t)atoi(c);
	}
	return 80;
}

void table_init(struct table *t, size_t n_cols, const char *const *head,
		const bool *right, int flex)
{
	memset(t, 0, sizeof(*t));
	t->n_cols = n_cols;
	t->head = head;
	t->right = right;
	t->flex = flex;
}

bool table_add(struct table *t, const char *const *cells)
{
	if (t->n_rows == t->cap_rows) {
		size_t cap = t->cap_rows ? t->cap_rows * 2 : 32;
		char **p = realloc(t->cells, cap * t->n_cols * sizeof(*p));
		if (!p) {
			return false;
		}
		t->cells = p;
		t->cap_rows = cap;
	}
	char **row = t->cells + t->n_rows * t->n_cols;
	for (size_t c = 0; c < t->n_cols; c++) {
		row[c] = strdup(cells[c] ? cells[c] : "");
		if (!row[c]) {
			for (size_t k = 0; k < c; k++) {
				free(row[k]);
			}
			return false;
		}
	}
	t->n_rows++;
	return true;
}

void table_release(struct table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++) {
		free(t->cells[i]);
	}
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

size_t table_width(const struct table *t)
{
	size_t total = 0;

	for (size_t c = 0; c < t->n_cols; c++) {
		size_t w = text_width(t->head[c]);
		for (size_t r = 0; r < t->n_rows; r++) {
			size_t x = text_width(t->cells[r * t->n_cols + c]);
			w = x > w ? x : w;
		}
		total += w + (c ? 2 : 0);
	}
	return total;
}

/* The width of the visible columns with two spaces between them. */
static size_t visible_width(const size_t *w, const bool *vis, size_t n)
{
	size_t total = 0, k = 0;

	for (size_t c = 0; c < n; c++) {
		if (vis[c]) {
			total += w[c] + (k++ ? 2 : 0);
		}
	}
	return total;
}

/*
 * Fitting a table to the width (SPEC 5): optional columns go first while
 * the flexible column could not keep a useful width; then the flexible
 * column shrinks, then the other text columns from the right, and the ids
 * (column 0) only when nothing else is left. Numbers never shrink.
 */
static void fit(const struct table *t, size_t *w, bool *vis, size_t width)
{
	size_t n = t->n_cols, keep = 0;

	/* an optional column stays when the flexible one keeps 24 columns
	 * (the last optional one: when it keeps 8) */
	if (t->flex >= 0) {
		keep = w[t->flex];
	}
	for (const int *o = t->optional; o && *o >= 0; o++) {
		size_t floor = o[1] >= 0 ? 24 : 8;
		if (t->flex >= 0) {
			w[t->flex] = keep < floor ? keep : floor;
		}
		if (visible_width(w, vis, n) > width) {
			vis[*o] = false;
		}
	}
	if (t->flex >= 0) {
		w[t->flex] = keep;
	}
	for (int pass = 0; pass < 3; pass++) {
		for (size_t k = n; k-- > 0;) {
			size_t total = visible_width(w, vis, n);
			bool text = !(t->right && t->right[k]) &&
				    !(t->keep && t->keep[k]);
			bool mine = pass == 0   ? (int)k == t->flex
				    : pass == 1 ? k != 0 && (int)k != t->flex
						: k == 0;
			if (total <= width || !vis[k] || !text || !mine) {
				continue;
			}
			size_t min = pass == 0 ? 8 : 6, over = total - width;
			if (w[k] > min) {
				w[k] = w[k] - min > over ? w[k] - over : min;
			}
		}
	}
}

int table_print(const struct table *t, FILE *f)
{
	size_t *w = calloc(t->n_cols, sizeof(*w));
	bool *vis = calloc(t->n_cols, sizeof(*vis));

	if (!w || !vis) {
		free(w);
		free(vis);
		msg("out of memory");
		return 70;
	}
	for (size_t c = 0; c < t->n_cols; c++) {
		w[c] = text_width(t->head[c]);
		vis[c] = true;
		for (size_t r = 0; r < t->n_rows; r++) {
			size_t x = text_width(t->cells[r * t->n_cols + c]);
			w[c] = x > w[c] ? x : w[c];
		}
	}
	fit(t, w, vis, term_width());
	char *line = NULL;
	size_t cap = 0;
	for (size_t r = 0; r <= t->n_rows; r++) {
		/* each line goes through a memory stream so that trailing
		 * blanks (an empty last column) can be trimmed */
		FILE *m = open_memstream(&line, &cap);
		if (!m) {
			free(w);
			free(vis);
			msg("out of memory");
			return 70;
		}
		bool first = true;
		for (size_t c = 0; c < t->n_cols; c++) {
			if (!vis[c]) {
				continue;
			}
			const char *s = r == 0 ? t->head[c]
					       : t->cells[(r - 1) * t->n_cols + c];
			size_t sw = text_width(s);
			if (!first) {
				fputs("  ", m);
			}
			first = false;
			if (t->right && t->right[c]) {
				for (size_t k = sw; k < w[c]; k++) {
					fputc(' ', m);
				}
				fputs(s, m);
			} else if (sw > w[c]) {
				truncate_to(s, w[c], m);
			} else {
				fputs(s, m);
				for (size_t k = sw; k < w[c]; k++) {
					fputc(' ', m);
				}
			}
		}
		fclose(m);
		size_t len = strlen(line);
		while (len > 0 && line[len - 1] == ' ') {
			len--;
		}
		fwrite(line, 1, len, f);
		fputc('\n', f);
		free(line);
		line = NULL;
	}
	free(w);
	free(vis);
	return f == stdout ? flush_stdout() : 0;
}
