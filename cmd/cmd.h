/* cmd.h - the command table and helpers shared by the subcommands. */
#ifndef ROADMAP_CMD_H
#define ROADMAP_CMD_H

#include "roadmap.h"

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes beyond the library's statuses. */
#define EXIT_FINDINGS 1

struct ctx {
	const char *file;     /* the roadmap's path */
	const char *scenario; /* --scenario or $ROADMAP_SCENARIO, or NULL */
	bool color;	      /* stdout may be coloured */
};

/*
 * A command's options, declared once (git's parse-options is the model):
 * from the declaration come getopt's table, the usage line, the help's
 * options section and the parsing itself (parse_options), so the help
 * cannot drift from what is accepted.
 */
enum opt_kind {
	OPT_FLAG = 1, /* bool */
	OPT_STRING,   /* const char * */
	OPT_CHOICE,   /* int: the index of the value among choices */
	OPT_LIST,     /* char *, malloc'ed: repeats joined with ',' */
};

struct opt {
	enum opt_kind kind;
	const char *name;	    /* the long option, "format" */
	char letter;		    /* a short option too ('o'), or 0 */
	const char *arg;	    /* the value's name in the help, "F" */
	const char *help;	    /* for the options section */
	const char *const *choices; /* OPT_CHOICE: the names */
	size_t off;		    /* of the value in the command's struct */
	bool required;		    /* shown without brackets */
	const char *what; /* OPT_CHOICE: "unknown WHAT 'x'" (else the name) */
	/* OPT_CHOICE: the library's parser of the choices' names; the value
	 * is then its enum (roadmap_table_parse), not the index */
	int (*parse)(const char *name);
};

#define OPT_FLAG(name, type, field, help)                                      \
	{                                                                      \
		OPT_FLAG, name, 0, NULL, help, NULL, offsetof(type, field),    \
		    false                                                      \
	}
#define OPT_STRING(name, letter, arg, type, field, help)                       \
	{                                                                      \
		OPT_STRING, name, letter, arg, help, NULL,                     \
		    offsetof(type, field), false                               \
	}
#define OPT_LIST(name, arg, type, field, help)                                 \
	{                                                                      \
		OPT_LIST, name, 0, arg, help, NULL, offsetof(type, field),     \
		    false, NULL                                                \
	}
#define OPT_CHOICE(name, arg, choices, type, field, help)                      \
	{                                                                      \
		OPT_CHOICE, name, 0, arg, help, choices,                       \
		    offsetof(type, field), false, NULL                         \
	}
#define OPT_CHOICE_OF(name, what, arg, choices, type, field, help)             \
	{                                                                      \
		OPT_CHOICE, name, 0, arg, help, choices,                       \
		    offsetof(type, field), false, what                         \
	}

/* A choice of the library's names: the value is parse(name), its enum. */
#define OPT_NAMED(name, what, arg, choices, parse, type, field, help)          \
	{                                                                      \
		OPT_CHOICE, name, 0, arg, help, choices,                       \
		    offsetof(type, field), false, what, parse                  \
	}

/* --format of the reports that are a table, CSV or JSON: the value of an
 * OPT_CHOICE among report_formats. */
enum report_format { REPORT_TABLE, REPORT_CSV, REPORT_JSON };
extern const char *const report_formats[];
/* --format text or json: an enum roadmap_output among output_formats. */
extern const char *const output_formats[];

/* --baseline OLD: an older revision of the roadmap to compare with
 * (check and status read it with load_any). */
#define OPT_BASELINE(type, field, help)                                        \
	OPT_STRING("baseline", 0, "OLD", type, field, help)

struct cmd;

/*
 * The selection of initiatives (roadmap(1), SELECTIONS), declared once for
 * every command that takes it: OPT_SELECTION(type, field) among its
 * options, field a struct selection_opts of its values (each repeats or
 * takes a comma list; malloc'ed: selection_release()).
 */
struct selection_opts {
	char *status, *pillar, *goal, *owner, *team, *id;
};
#define OPT_SELECTION_WORD "selection" /* their what: [selection] in usage */
#define OPT_SELECT(name, arg, type, field, help)                               \
	{                                                                      \
		OPT_LIST, name, 0, arg, help, NULL, offsetof(type, field),     \
		    false, OPT_SELECTION_WORD                                  \
	}
#define OPT_SELECTION(type, field)                                             \
	OPT_SELECT(ROADMAP_FIELD_STATUS, "S", type, field.status,              \
		   "selection: initiatives with this status (each\n"           \
		   "option repeats, or takes a comma list)"),                  \
	    OPT_SELECT(ROADMAP_FIELD_PILLAR, "P", type, field.pillar,          \
		       "selection: initiatives of this pillar"),               \
	    OPT_SELECT(ROADMAP_WORD_GOAL, "G", type, field.goal,               \
		       "selection: initiatives serving this goal"),            \
	    OPT_SELECT(ROADMAP_FIELD_OWNER, "T", type, field.owner,            \
		       "selection: initiatives owned by exactly T"),           \
	    OPT_SELECT(ROADMAP_WORD_TEAM, "T", type, field.team,               \
		       "selection: initiatives of this team"),                 \
	    OPT_SELECT(ROADMAP_FIELD_ID, "I", type, field.id,                  \
		       "selection: this initiative")
/* The library's selection from the options: 0, or 64 after a message for
 * an unknown status. out's strings are o's. */
int selection_of(const struct cmd *cmd, const struct selection_opts *o,
		 struct roadmap_selection *out);
void selection_release(struct selection_opts *o);
/* The id of rm's initiatives (goals, with goals) nearest word
 * (roadmap_nearest()), or NULL; NULL with *rc 70 after a message when out
 * of memory. */
const char *nearest_id(const struct roadmap *rm, bool goals, const char *word,
		       int *rc);
/* 0 when the initiatives (--id) and goals (--goal) the selection names are
 * all in rm; else 65 after naming the first that is not (a typo selects
 * nothing, and would read as no spend). */
int selection_known(const struct roadmap *rm,
		    const struct roadmap_selection *sel);
/* Narrows rm to the selection (roadmap_select()): 0, or the exit code
 * after the message. It checks no name: the roadmap a command reads is
 * checked first (selection_known()); an older revision narrowed alike
 * (status --baseline) may lack work added since. */
int narrow(struct roadmap *rm, const struct roadmap_selection *sel);
/* open_read() of the roadmap narrowed to the selection of o (*sel, whose
 * strings are o's), once selection_known(): 0, or the exit code after the
 * message. */
struct ctx;
int open_selected(struct ctx *ctx, const struct cmd *cmd,
		  const struct selection_opts *o, struct roadmap_selection *sel,
		  struct roadmap **out);

/* A command whose options depend on its first word (add goal, add team)
 * declares one section of options per form. */
struct opt_section {
	const char *heading; /* "goal options" */
	const struct opt *opts;
	/* when set, called before opts is read: it fills them (add's, from
	 * the library's table of fields) */
	void (*make)(void);
};

struct cmd {
	const char *name;
	const char *summary;
	const char *usage; /* written by hand when opts is NULL */
	const char *help;  /* what it does (with opts: before the options) */
	int (*run)(struct ctx *ctx, int argc, char **argv);
	const char *args;	/* with opts: the usage's arguments, "ID" */
	const struct opt *opts; /* {0}-terminated, or NULL */
	const char *examples;	/* with opts: after the options */
	const struct opt_section *sections; /* instead of opts: {0}-ended */
	/* after the help: what the library's tables say (set's fields) */
	void (*more_help)(FILE *f);
};

/* The declaration of a command that takes no option. */
extern const struct opt no_options[];

/* The usage line (without "usage: roadmap "), from the declaration when
 * the command declares its options; buf holds 512 bytes. */
const char *cmd_usage(const struct cmd *cmd, char *buf);

/*
 * Parses the declared options of cmd into vals (the command's struct of
 * values, defaults set by the caller); optind is then the first operand.
 * 0, or 64 after a usage message.
 */
int parse_options(const struct cmd *cmd, int argc, char **argv, void *vals);
/* The same with the options of one section (or any declaration). */
int parse_opts(const struct cmd *cmd, const struct opt *opts, int argc,
	       char **argv, void *vals);

extern const struct cmd *const commands[];
const struct cmd *cmd_find(const char *name);

/* Prints "roadmap: " and the message to stderr. */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the error line for err and returns its exit code. */
int fail_err(const struct roadmap_error *err);
/* Reads an amount given on the command line; 0, or the error (named by
 * what: "amount") printed and its exit code returned. */
int parse_amount(const char *what, const char *s, int64_t *cents);
/* Prints a usage error for cmd and returns 64. */
int usage_error(const struct cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The exit code for a status. */
int exit_code(enum roadmap_status st);

/*
 * getopt_long with exact option names only (no prefix guessing) and the
 * standard messages. Returns the option, -1 at the end, or '?' after
 * printing a usage error (the caller returns 64).
 */
int cmd_getopt(const struct cmd *cmd, int argc, char **argv,
	       const char *shortopts, const struct option *longopts);
/* Prints the list of commands and global options to f. */
void print_overview(FILE *f);
/* Prints cmd's full help to f. */
void cmd_print_help(const struct cmd *cmd, FILE *f);

/* The threads a library computation may start: the cores this process
 * may run on (taskset counts), 1 to 8; the CLI owns the process, and the
 * results are the same for any number. */
int cpu_threads(void);
/* 73 after a message when output names the roadmap file itself (an
 * export must not replace it), else 0. */
int output_not_roadmap(const struct ctx *ctx, const char *output);

/* Loads the roadmap for reading. Returns 0 or an exit code. */
int open_read(struct ctx *ctx, struct roadmap **out);
/* A numeric option's value in [lo, hi] (a whole number unless frac),
 * else 64 after "--NAME must be a whole number RANGE, not 'S'". */
int number_arg(const struct cmd *cmd, const char *name, const char *s,
	       double lo, double hi, bool frac, const char *range, double *out);
/* A comma list of initiative statuses as a bit set (1u << status), "none"
 * (when allowed) as none; else 64 naming the unknown word. */
int status_list(const struct cmd *cmd, const char *s, const char *where,
		bool none, unsigned *out);

/* The roadmap as the command sees it (with --scenario, through the
 * scenario), without messages: what an edit is compared with. */
enum roadmap_status load_view(const struct ctx *ctx, struct roadmap **out,
			      struct roadmap_error *err);
/* Says, one line each, the changes of the scenario that were left out. */
void say_skipped(const struct ctx *ctx, char *skipped);

/* A roadmap from a file, a pipe or "-" (stdin), unlocked: another
 * revision to compare with (diff OLD NEW, check --baseline OLD). */
enum roadmap_status load_any(const char *path, struct roadmap **out,
			     struct roadmap_error *err);

/*
 * A writer's session: lock, load, change, save, unlock. begin_write returns
 * 0 or an exit code; end_write saves (when save is true), releases the lock
 * and destroys the roadmap, returning 0 or an exit code.
 */
struct session {
	struct roadmap_lock *lock;
	struct roadmap *rm;   /* what the command reads and edits */
	struct roadmap *base; /* with --scenario: the roadmap itself, into
				 whose scenario rm's changes are recorded */
};
int begin_write(struct ctx *ctx, struct session *s);
int end_write(struct ctx *ctx, struct session *s, bool save);
/* Ends it for a command whose exit code so far is rc: saved when save and
 * rc is 0; rc, else the save's failure. */
int finish_write(struct ctx *ctx, struct session *s, bool save, int rc);
/* A command whose --apply writes: the roadmap under the lock when write,
 * else read only (s->lock NULL); ended as finish_write() ends it. */
int begin_maybe_write(struct ctx *ctx, bool write, struct session *s);
int end_maybe_write(struct ctx *ctx, struct session *s, bool save, int rc);
/* Lock wait from ROADMAP_LOCK_TIMEOUT (seconds), default 10 s. */
long lock_timeout_ms(void);

/* Prints rows built with status st as CSV and releases them; returns 0 or
 * an exit code. */
int print_rows_csv(struct roadmap_rows *rows, enum roadmap_status st,
		   struct roadmap_error *err);

/*
 * Progress for work that takes a while: on a terminal only, for a roadmap of
 * at least 20,000 initiatives. progress_done() ends the line.
 */
void progress(const struct roadmap *rm, const char *what);
void progress_done(const struct roadmap *rm);

/* Destroys a roadmap a read-only command is done with (in a release
 * build, at exit by the kernel instead). */
void release_at_exit(struct roadmap *rm);

/* Writes data to stdout; returns 0 or 74. */
int write_stdout(const char *data, size_t len);
/* Flushes stdout: 0, or 74 with the message when any output was lost. */
int flush_stdout(void);

/* FTE hundredths as people write them ("4", "4.5", "0.25"); buf >= 32. */
char *fte_text(int64_t v, char *buf);

/*
 * Money for people at a scale that fits the terminal (0: cents, 1: whole
 * units, 2: thousands with one decimal); "-" when !has. buf >= 40.
 */
void money_cell(bool has, int64_t v, int scale, char *buf);

/*
 * "Today" (roadmap(1)): the option's value when given (a period: its last
 * day; --opt names it in messages), else ROADMAP_TODAY, else (with
 * source_date, for exports) SOURCE_DATE_EPOCH's day, else the local
 * date. Returns 0, or the exit status after a message.
 */
int today_arg(const char *opt, const char *value, int fiscal_start,
	      bool source_date, roadmap_day *out);

/* Display width of UTF-8 text in a terminal. */
size_t text_width(const char *s);

/* A table for people: fits the width, truncating the flexible column. */
struct table {
	size_t n_cols;
	const char *const *head;
	const bool *right;   /* right-aligned columns (numbers) */
	int flex;	     /* column that shrinks to fit, or -1 */
	const int *optional; /* columns shown only when there is room, in
				the order they go; -1 ends; NULL: none */
	const bool *keep;    /* text columns never shortened (dates) */
	char **cells;	     /* row-major, n_rows * n_cols */
	size_t n_rows, cap_rows;
};
void table_init(struct table *t, size_t n_cols, const char *const *head,
		const bool *right, int flex);
/* Appends a row of n_cols cells (copied). Returns false when out of memory. */
bool table_add(struct table *t, const char *const *cells);
int table_print(const struct table *t, FILE *f);
/* Prints t to stdout when ok (every table_add succeeded), else says out
 * of memory (70); releases it either way. */
int table_emit(struct table *t, bool ok);
/* The natural width of the table (before any truncation). */
size_t table_width(const struct table *t);
/* The same, of only the columns that are not optional (with required). */
size_t table_width_of(const struct table *t, bool required);
void table_release(struct table *t);
/* The output width: the terminal's, $COLUMNS, or 80. */
size_t term_width(void);

/*
 * A table of money that fits the width: build(ctx, scale, cols, t) makes
 * it with the columns of layouts[k] less none, at scale 0 (cents), 1
 * (whole units) or 2 (thousands, money_cell's); each layout is tried at
 * each scale before the next, and the last at thousands stands when
 * nothing fits. *t is built, *scale and *layout say which: 0, or 70 after
 * saying out of memory (build released what it made).
 */
int table_fit(struct table *t,
	      bool (*build)(void *ctx, int scale, unsigned cols,
			    struct table *t),
	      void *ctx, const unsigned *layouts, size_t n_layouts,
	      unsigned none, int *scale, size_t *layout);
/* ", whole units" or ", thousands" after a table's currency at scale,
 * "" at cents. */
const char *scale_units(int scale);

/* Sets *out to value's index among names and returns 0; otherwise prints
 * "unknown WHAT 'value' (a, b or c)" with the usage and returns 64. */
int choice_option(const struct cmd *cmd, const char *what, const char *value,
		  const char *const *names, int *out);

/* A parsed --format value among the allowed names; -1 if not allowed. */
int parse_choice(const char *value, const char *const *names);

extern const struct cmd cmd_actual, cmd_add, cmd_budget, cmd_capacity,
    cmd_capitalization, cmd_check, cmd_config, cmd_depend, cmd_diff, cmd_export,
    cmd_forecast, cmd_help, cmd_import, cmd_init, cmd_link, cmd_list, cmd_merge,
    cmd_optimize, cmd_rm, cmd_progress, cmd_scenario, cmd_measure, cmd_status,
    cmd_schedule, cmd_set, cmd_show, cmd_timeline, cmd_undepend, cmd_unlink;

#endif
