/* fuzz-import.c - libFuzzer target: the CSV and JSON importer, into a
 * roadmap with a goal and a team so that references can resolve. */
#include "roadmap.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roadmap *rm = roadmap_create();
	struct roadmap_goal g;
	struct roadmap_team t = {"t", 100};
	struct roadmap_import_report rep;
	struct roadmap_import_options opt = {-1, size % 2 == 0, ','};

	if (!rm) {
		return 0;
	}
	roadmap_goal_init(&g);
	g.id = "g";
	g.title = "G";
	roadmap_add_goal(rm, &g, NULL);
	roadmap_add_team(rm, &t, NULL);
	if (size % 3 == 0) {
		opt.delimiter = ';';
	}
	roadmap_import(rm, "fuzz.csv", (const char *)data, size, &opt, &rep);
	roadmap_import_report_release(&rep);
	roadmap_destroy(rm);
	return 0;
}
