/* fuzz-values.c - libFuzzer target: the period and money parsers, and
 * field edits through roadmap_set_field(). */
#include "roadmap.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct roadmap_error err;
	struct roadmap_period p;
	int64_t cents;

	if (!s) {
		return 0;
	}
	memcpy(s, data, size);
	s[size] = '\0';
	for (int fs = 1; fs <= 12; fs += 6) {
		if (roadmap_period_parse(s, fs, &p, &err) == ROADMAP_OK &&
		    p.first > p.last) {
			abort();
		}
	}
	if (roadmap_money_parse(s, &cents, &err) == ROADMAP_OK &&
	    (cents < 0 || cents > ROADMAP_MONEY_MAX)) {
		abort();
	}
	struct roadmap *rm = roadmap_create();
	struct roadmap_initiative in;
	roadmap_initiative_init(&in);
	in.id = "x";
	in.title = "X";
	if (rm && roadmap_add_initiative(rm, &in, &err) == ROADMAP_OK) {
		static const char *const fields[] = {"end", "opex", "fte",
						     "goals", "title"};
		for (size_t i = 0; i < 5; i++) {
			roadmap_set_field(rm, "x", fields[i], s, &err);
		}
	}
	roadmap_destroy(rm);
	free(s);
	return 0;
}
