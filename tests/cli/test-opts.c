/* test-opts.c - parse_opts (cmd/cmd.c) with more options than any command
 * has today: none may be dropped, whatever their number. */
#include "cmd.h"
#include "tap.h"

#include <stdlib.h>

enum { MANY = 70 };

struct vals {
	bool on[MANY];
	const char *last;
	int choice;
};

int main(void)
{
	static const char *const words[] = {"one", "two", NULL};
	static const struct cmd cmd = {.name = "test", .summary = ""};
	static char names[MANY][16];
	struct opt opts[MANY + 3];
	struct vals v = {.choice = -1};

	for (int k = 0; k < MANY; k++) {
		snprintf(names[k], sizeof(names[k]), "flag-%02d", k);
		opts[k] = (struct opt){.kind = OPT_FLAG,
				       .name = names[k],
				       .off = offsetof(struct vals, on) +
					      (size_t)k * sizeof(bool)};
	}
	opts[MANY] = (struct opt){.kind = OPT_STRING,
				  .name = "last",
				  .letter = 'l',
				  .off = offsetof(struct vals, last)};
	opts[MANY + 1] = (struct opt){.kind = OPT_CHOICE,
				      .name = "choice",
				      .choices = words,
				      .off = offsetof(struct vals, choice)};
	opts[MANY + 2] = (struct opt){0};

	char *argv[] = {"test",	     "--flag-00", "--flag-31", "--flag-32",
			"--flag-69", "-l",	  "x",	       "--choice",
			"two",	     "operand",	  NULL};
	int argc = (int)(sizeof(argv) / sizeof(argv[0])) - 1;
	optind = 1;
	is_int(parse_opts(&cmd, opts, argc, argv, &v), 0,
	       "%d options and more parse", MANY);
	int set = 0;
	for (int k = 0; k < MANY; k++) {
		set += v.on[k];
	}
	ok(v.on[0] && v.on[31] && v.on[32] && v.on[69] && set == 4,
	   "the 1st, 32nd, 33rd and 70th flags are set, no other (%d)", set);
	is_str(v.last, "x", "an option with a letter after them is read");
	is_int(v.choice, 1, "and a choice after them");
	is_int(optind, argc - 1, "the operand is left");
	return done_testing();
}
