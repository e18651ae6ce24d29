/* cmd.c - the command table, messages, option parsing and help; session.c
 * opens and saves the roadmap, table.c prints tables for people. */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Keep alphabetized: `help` lists them in this order. */
const struct cmd *const commands[] = {
    &cmd_actual,
    &cmd_add,
    &cmd_budget,
    &cmd_capacity,
    &cmd_capitalization,
    &cmd_check,
    &cmd_config,
    &cmd_depend,
    &cmd_diff,
    &cmd_export,
    &cmd_forecast,
    &cmd_help,
    &cmd_import,
    &cmd_init,
    &cmd_link,
    &cmd_list,
    &cmd_measure,
    &cmd_merge,
    &cmd_optimize,
    &cmd_progress,
    &cmd_rm,
    &cmd_scenario,
    &cmd_schedule,
    &cmd_set,
    &cmd_show,
    &cmd_status,
    &cmd_timeline,
    &cmd_undepend,
    &cmd_unlink,
    NULL,
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
 * Writes a message to stderr with every control character, C1 control,
 * bidirectional control and byte that is not UTF-8 escaped (\x1b), so that
 * no input echoed in it (an argument, a file name, a header cell) can drive
 * the terminal or reorder the line (docs/roadmap.1.scd, DIAGNOSTICS).
 */
static void put_safe(const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		bool unsafe;
		size_t k = roadmap_text_char(s + i, len - i, &unsafe);
		for (size_t j = 0; unsafe && j < k; j++) {
			fprintf(stderr, "\\x%02x", (unsigned char)s[i + j]);
		}
		if (!unsafe) {
			fwrite(s + i, 1, k, stderr);
		}
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

int parse_amount(const char *what, const char *s, int64_t *cents)
{
	struct roadmap_error err;

	if (roadmap_money_parse(s, cents, &err) == ROADMAP_OK) {
		return 0;
	}
	msg("%s %s", what, err.message);
	return exit_code(err.status);
}

int usage_error(const struct cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(cmd && cmd->run ? cmd->name : NULL, fmt, ap);
	va_end(ap);
	if (cmd) {
		char buf[512];
		fprintf(stderr, "usage: roadmap %s\n", cmd_usage(cmd, buf));
		if (cmd->run) {
			fprintf(stderr, "(see 'roadmap help %s')\n", cmd->name);
		}
	}
	return 64;
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

/* Says that --NAME (name[0..len)) is not among longopts, suggesting the
 * nearest of them all. */
static void unknown_option(const struct cmd *cmd, const char *name, size_t len,
			   const struct option *longopts)
{
	size_t n = 0;
	char word[64];
	const char *s = NULL;

	while (longopts[n].name) {
		n++;
	}
	const char **names = malloc((n + 1) * sizeof(*names));
	snprintf(word, sizeof(word), "%.*s", (int)(len < 60 ? len : 60), name);
	if (names) { /* out of memory: no suggestion */
		for (size_t k = 0; k < n; k++) {
			names[k] = longopts[k].name;
		}
		s = roadmap_nearest(word, names, n);
	}
	if (s) {
		usage_error(cmd, "unknown option '--%s' (did you mean '--%s'?)",
			    word, s);
	} else {
		usage_error(cmd, "unknown option '--%s'", word);
	}
	free(names);
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
			if (a[0] == '-' && a[1] &&
			    takes_next(a, shortopts, longopts)) {
				i++;
				continue;
			}
			if (strncmp(a, "--", 2) != 0) {
				continue;
			}
			size_t len = strcspn(a + 2, "=");
			bool known = false;
			for (const struct option *o = longopts; o->name; o++) {
				known = known ||
					(strlen(o->name) == len &&
					 strncmp(o->name, a + 2, len) == 0);
			}
			if (!known) {
				unknown_option(cmd, a + 2, len, longopts);
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
			} else if (optopt > 0 && optopt < 256 && !need) {
				bool long_needs = false;
				for (const struct option *o = longopts; o->name;
				     o++) {
					long_needs =
					    long_needs || o->val == optopt;
				}
				if (long_needs) {
					usage_error(cmd,
						    "option '%s' needs a value",
						    argv[optind - 1]);
				} else {
					usage_error(cmd, "unknown option '-%c'",
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

const struct opt no_options[] = {{0}};

const char *cmd_usage(const struct cmd *cmd, char *buf)
{
	size_t n;

	if (cmd->usage) { /* written by hand where the declaration cannot say
			     it (several forms, or operands in brackets) */
		return cmd->usage;
	}
	n = (size_t)snprintf(buf, 512, "%s%s%s", cmd->name,
			     cmd->args ? " " : "", cmd->args ? cmd->args : "");
	bool selection = false;
	for (const struct opt *o = cmd->opts; o->kind && n < 512; o++) {
		const char *open = o->required ? " " : " [";
		const char *close = o->required ? "" : "]";
		if (o->what && strcmp(o->what, OPT_SELECTION_WORD) == 0) {
			/* the selection's options, in the help below */
			if (!selection) {
				n += (size_t)snprintf(buf + n, 512 - n,
						      " [selection]");
			}
			selection = true;
		} else if (o->kind == OPT_FLAG) {
			n += (size_t)snprintf(buf + n, 512 - n, "%s--%s%s",
					      open, o->name, close);
		} else if (o->kind == OPT_STRING || o->kind == OPT_LIST) {
			if (o->letter) {
				n += (size_t)snprintf(buf + n, 512 - n,
						      "%s-%c %s%s", open,
						      o->letter, o->arg, close);
			} else {
				n += (size_t)snprintf(buf + n, 512 - n,
						      "%s--%s %s%s", open,
						      o->name, o->arg, close);
			}
		} else {
			n += (size_t)snprintf(buf + n, 512 - n, "%s--%s ", open,
					      o->name);
			for (size_t k = 0; o->choices[k] && n < 512; k++) {
				n += (size_t)snprintf(buf + n, 512 - n, "%s%s",
						      k ? "|" : "",
						      o->choices[k]);
			}
			n += (size_t)snprintf(buf + n, 512 - n, "%s", close);
		}
	}
	return buf;
}

/* "  --format F" or "  -o, --output FILE": an option as the help shows it. */
static int option_label(const struct opt *o, char *buf, size_t size)
{
	char letter[8] = "";

	if (o->letter) {
		snprintf(letter, sizeof(letter), "-%c, ", o->letter);
	}
	return snprintf(buf, size, "  %s--%s%s%s", letter, o->name,
			o->kind == OPT_FLAG ? "" : " ",
			o->kind == OPT_FLAG ? "" : o->arg);
}

/* "HEADING:" and one line per option, their help aligned. */
static void print_options(FILE *f, const char *heading, const struct opt *opts)
{
	char buf[512];
	int width = 0;

	for (const struct opt *o = opts; o->kind; o++) {
		int w = option_label(o, buf, sizeof(buf));
		width = w > width ? w : width;
	}
	fprintf(f, "%s:\n", heading);
	for (const struct opt *o = opts; o->kind; o++) {
		option_label(o, buf, sizeof(buf));
		fprintf(f, "%-*s   ", width, buf);
		/* continuation lines of the help under its first */
		for (const char *p = o->help; *p; p++) {
			fputc(*p, f);
			if (*p == '\n' && p[1]) {
				fprintf(f, "%-*s   ", width, "");
			}
		}
		fputc('\n', f);
	}
}

void cmd_print_help(const struct cmd *cmd, FILE *f)
{
	char buf[512];

	fprintf(f, "usage: roadmap %s\n\n%s.\n", cmd_usage(cmd, buf),
		cmd->summary);
	if (cmd->help && *cmd->help) {
		fprintf(f, "\n%s", cmd->help);
	}
	if (cmd->more_help) {
		cmd->more_help(f);
	}
	for (const struct opt_section *sec = cmd->sections; sec && sec->opts;
	     sec++) {
		if (sec->make) {
			sec->make();
		}
		fputc('\n', f);
		print_options(f, sec->heading, sec->opts);
	}
	if (!cmd->opts || !cmd->opts->kind) {
		if (cmd->examples) {
			fprintf(f, "\nexamples:\n%s", cmd->examples);
		}
		return;
	}
	fputc('\n', f);
	print_options(f, "options", cmd->opts);
	if (cmd->examples) {
		fprintf(f, "\nexamples:\n%s", cmd->examples);
	}
}

int parse_options(const struct cmd *cmd, int argc, char **argv, void *vals)
{
	return parse_opts(cmd, cmd->opts, argc, argv, vals);
}

/* Appends item to a ','-joined list held in *slot (malloc'ed). */
static bool join_list(char **slot, const char *item)
{
	size_t a = *slot ? strlen(*slot) : 0, b = strlen(item);
	char *p = realloc(*slot, a + b + 2);

	if (!p) {
		return false;
	}
	if (a) {
		p[a++] = ',';
	}
	memcpy(p + a, item, b + 1);
	*slot = p;
	return true;
}

/*
 * getopt's tables from the declaration, sized to it: a command may declare
 * any number of options (each without a letter is told apart by its val,
 * 256 and up). false when out of memory.
 */
static bool getopt_tables(const struct opt *opts, struct option **longopts,
			  char **shortopts, size_t *count)
{
	size_t n = 0, s = 0;

	while (opts[n].kind) {
		n++;
	}
	*longopts = malloc((n + 1) * sizeof(**longopts));
	*shortopts = malloc(2 * n + 1);
	if (!*longopts || !*shortopts) {
		free(*longopts);
		free(*shortopts);
		return false;
	}
	for (size_t k = 0; k < n; k++) {
		const struct opt *o = &opts[k];
		(*longopts)[k] = (struct option){
		    o->name,
		    o->kind == OPT_FLAG ? no_argument : required_argument, NULL,
		    o->letter ? o->letter : 256 + (int)k};
		if (o->letter) {
			(*shortopts)[s++] = o->letter;
			if (o->kind != OPT_FLAG) {
				(*shortopts)[s++] = ':';
			}
		}
	}
	(*longopts)[n] = (struct option){NULL, 0, NULL, 0};
	(*shortopts)[s] = '\0';
	*count = n;
	return true;
}

/* Stores one option's value; 0, or the exit code after saying why. */
static int store_opt(const struct cmd *cmd, const struct opt *o, void *vals)
{
	char *at = (char *)vals + o->off;

	switch (o->kind) {
	case OPT_FLAG:
		*(bool *)(void *)at = true;
		break;
	case OPT_STRING:
		if (!*optarg) {
			return usage_error(cmd, "--%s needs a value", o->name);
		}
		*(const char **)(void *)at = optarg;
		break;
	case OPT_LIST:
		if (!join_list((char **)(void *)at, optarg)) {
			msg("out of memory");
			return 70;
		}
		break;
	case OPT_CHOICE:
		if (choice_option(cmd, o->what ? o->what : o->name, optarg,
				  o->choices, (int *)(void *)at)) {
			return 64;
		}
		if (o->parse) {
			int *v = (int *)(void *)at;
			*v = o->parse(o->choices[*v]);
		}
		break;
	}
	return 0;
}

int parse_opts(const struct cmd *cmd, const struct opt *opts, int argc,
	       char **argv, void *vals)
{
	struct option *longopts;
	char *shortopts;
	size_t n;
	int c, rc = 0;

	if (!getopt_tables(opts, &longopts, &shortopts, &n)) {
		msg("out of memory");
		return 70;
	}
	while (!rc &&
	       (c = cmd_getopt(cmd, argc, argv, shortopts, longopts)) != -1) {
		const struct opt *o = NULL;
		for (size_t k = 0; k < n; k++) {
			if (longopts[k].val == c) {
				o = &opts[k];
			}
		}
		/* no option: cmd_getopt has said why */
		rc = o ? store_opt(cmd, o, vals) : 64;
	}
	free(longopts);
	free(shortopts);
	/* a failed parse owns nothing: the lists read so far are freed */
	for (size_t k = 0; rc && k < n; k++) {
		if (opts[k].kind == OPT_LIST) {
			char **at =
			    (char **)(void *)((char *)vals + opts[k].off);
			free(*at);
			*at = NULL;
		}
	}
	return rc;
}

const char *const report_formats[] = {[REPORT_TABLE] = "table",
				      [REPORT_CSV] = "csv",
				      [REPORT_JSON] = "json",
				      NULL};
const char *const output_formats[] = {
    [ROADMAP_OUTPUT_TEXT] = "text", [ROADMAP_OUTPUT_JSON] = "json", NULL};

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
			 i == 0	      ? ""
			 : i + 1 == n ? " or "
				      : ", ",
			 names[i]);
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
