/* cmd-set.c - change fields of a goal, initiative or team. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static int run_set(struct ctx *ctx, int argc, char **argv)
{
	struct roadmap_error err;
	struct session s;
	int rc = 0;

	if (parse_options(&cmd_set, argc, argv, NULL)) {
		return 64;
	}
	if (argc - optind < 2) {
		return usage_error(&cmd_set, argc - optind < 1
						     ? "set needs an ID and "
						       "FIELD=VALUE"
						     : "set needs FIELD=VALUE");
	}
	for (int i = optind + 1; i < argc; i++) {
		if (!strchr(argv[i], '=') || argv[i][0] == '=') {
			return usage_error(&cmd_set,
					   "'%s' is not FIELD=VALUE", argv[i]);
		}
	}
	if ((rc = begin_write(ctx, &s))) {
		return rc;
	}
	for (int i = optind + 1; i < argc && rc == 0; i++) {
		char *eq = strchr(argv[i], '=');
		*eq = '\0';
		if (roadmap_set_field(s.rm, argv[optind], argv[i], eq + 1,
				      &err)) {
			rc = fail_err(&err);
		}
		*eq = '=';
	}
	return finish_write(ctx, &s, true, rc);
}

/* The fields set sets, from the library's tables: a field added there is
 * listed here. */
static void print_fields(FILE *f)
{
	static const struct {
		const char *name;
		enum roadmap_kind kind;
	} kinds[] = {{ROADMAP_WORD_INITIATIVE, ROADMAP_KIND_INITIATIVE},
		     {ROADMAP_WORD_GOAL, ROADMAP_KIND_GOAL},
		     {ROADMAP_WORD_TEAM, ROADMAP_KIND_TEAM}};
	const char *name;

	fprintf(f, "\nfields:\n");
	for (size_t k = 0; k < 3; k++) {
		int col = fprintf(f, "  %-11s", kinds[k].name);
		for (size_t i = 0;
		     (name = roadmap_field_settable(kinds[k].kind, i)); i++) {
			if (col + 1 + (int)strlen(name) > 78) {
				col = fprintf(f, "\n%13s", "") - 1;
			}
			col += fprintf(f, " %s", name);
		}
		fputc('\n', f);
	}
}

const struct cmd cmd_set = {
    .name = "set",
    .summary = "change fields of a goal, initiative or team",
    .args = "ID FIELD=VALUE...",
    .opts = no_options,
    .help = "Values take the same forms as in 'add' (periods, amounts "
	    "like 250k);\n"
	    "list fields (goals, depends_on) take comma lists; an empty "
	    "value clears\n"
	    "an optional field. All changes apply, or none.\n",
    .more_help = print_fields,
    .examples =
	"  roadmap set recs-engine end=2026-Q4 opex=200k status=active\n"
	"  roadmap set recs-engine goals=retention,revenue owner=\n",
    .run = run_set,
};
