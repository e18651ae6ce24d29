/* fuzz-load.c - libFuzzer target: the roadmap loader and a save of what
 * loads (which must load again). */
#include "roadmap.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roadmap *rm = NULL, *again = NULL;
	struct roadmap_error err;
	char *out = NULL;
	size_t len;

	if (roadmap_load_buffer("fuzz.json", (const char *)data, size, &rm,
				&err) == ROADMAP_OK) {
		if (roadmap_save_buffer(rm, &out, &len, &err) == ROADMAP_OK) {
			if (roadmap_load_buffer("again.json", out, len, &again,
						&err) != ROADMAP_OK) {
				abort(); /* a saved roadmap must load */
			}
			roadmap_destroy(again);
			free(out);
		}
		roadmap_destroy(rm);
	}
	return 0;
}
