/* fuzz-load.c - libFuzzer target: the roadmap loader and a save of what
 * loads (which must load again); each scenario of what loads seen (a view
 * that must save and load again), its conflicts listed and it applied. */
#include "roadmap.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must_reload(const struct roadmap *rm)
{
	struct roadmap *again = NULL;
	struct roadmap_error err;
	char *out = NULL;
	size_t len;

	if (roadmap_save_buffer(rm, &out, &len, &err) == ROADMAP_OK) {
		if (roadmap_load_buffer("again.json", out, len, &again,
					&err) != ROADMAP_OK) {
			abort(); /* a saved roadmap must load */
		}
		roadmap_destroy(again);
		free(out);
	}
}

static void scenarios(const struct roadmap *rm)
{
	for (size_t i = 0; i < roadmap_scenario_count(rm); i++) {
		const char *name = roadmap_scenario_name(rm, i);
		struct roadmap *view = NULL, *copy;
		struct roadmap_scenario_conflicts c;
		struct roadmap_error err;
		char *skipped = NULL;
		if (roadmap_scenario_view(rm, name, &view, &skipped, &err) ==
		    ROADMAP_OK) {
			must_reload(view);
			roadmap_destroy(view);
			free(skipped);
		}
		if (roadmap_scenario_conflicts(rm, name, &c, &err) ==
		    ROADMAP_OK) {
			roadmap_scenario_conflicts_release(&c);
		}
		if ((copy = roadmap_copy(rm))) {
			if (roadmap_scenario_apply(copy, name, NULL, &err) ==
			    ROADMAP_OK) {
				must_reload(copy);
			}
			roadmap_destroy(copy);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roadmap *rm = NULL;
	struct roadmap_error err;

	if (roadmap_load_buffer("fuzz.json", (const char *)data, size, &rm,
				&err) == ROADMAP_OK) {
		must_reload(rm);
		scenarios(rm);
		roadmap_destroy(rm);
	}
	return 0;
}
