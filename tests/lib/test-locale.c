/*
 * test-locale.c - the library gives the same results whatever the host
 * program's locale (roadmap(1)): an embedder that runs under de_DE.UTF-8,
 * whose decimal point is ',', reads and writes '.' decimals all the same.
 * The locale is compiled by locale.sh into LOCPATH; not finding it fails.
 */
#include "roadmap.h"
#include "tap.h"

#include <locale.h>
#include <stdlib.h>

static const char doc[] =
	"{\"format\": 1, \"goals\": [{\"id\": \"g\", \"title\": \"G\", "
	"\"baseline\": 84.5, \"target\": 1234567.5}]}";

int main(void)
{
	struct roadmap *rm = NULL;
	struct roadmap_error err;
	char buf[ROADMAP_NUMBER_BUF], pt[8];
	char *out = NULL;
	size_t len;
	double d = 0;

	ok(setlocale(LC_ALL, "de_DE.UTF-8") != NULL,
	   "the host runs under de_DE.UTF-8");
	snprintf(pt, sizeof(pt), "%.1f", 0.5);
	is_str(pt, "0,5", "whose printf writes a decimal comma");

	is_int(roadmap_number_parse("90.5", &d, &err), ROADMAP_OK,
	       "90.5 is a number");
	ok(d == 90.5, "and reads as 90.5");
	is_str(roadmap_number_format(84.5, buf), "84.5", "84.5 prints as 84.5");
	is_str(roadmap_number_format(1234567.5, buf), "1234567.5",
	       "1234567.5 prints in full, never 1.23457e+06");
	is_str(roadmap_number_format(0.00001, buf), "0.00001",
	       "0.00001 prints without an exponent");
	is_int(roadmap_number_parse("90,5", &d, &err), ROADMAP_ERR_DATA,
	       "90,5 is not a number, whatever the locale");

	is_int(roadmap_load_buffer("t.json", doc, sizeof(doc) - 1, &rm, &err),
	       ROADMAP_OK, "a roadmap with decimals loads");
	is_int(roadmap_set_field(rm, "g", "target", "90.5", &err), ROADMAP_OK,
	       "set target=90.5");
	is_int(roadmap_export_text(rm, ROADMAP_EXPORT_CSV, ROADMAP_TABLE_GOALS,
				   &out, &len, &err),
	       ROADMAP_OK, "the goals CSV");
	ok(out && strstr(out, ",84.5,90.5,"), "the CSV holds 84.5 and 90.5");
	free(out);
	out = NULL;
	is_int(roadmap_save_buffer(rm, &out, &len, &err), ROADMAP_OK, "saves");
	ok(out && strstr(out, "\"baseline\": 84.5,") &&
		   strstr(out, "\"target\": 90.5"),
	   "the file holds 84.5 and 90.5");
	free(out);
	out = NULL;
	is_int(roadmap_export_text(rm, ROADMAP_EXPORT_MD, 0, &out, &len, &err),
	       ROADMAP_OK, "the Markdown");
	ok(out && strstr(out, "84.5 -> 90.5"), "shows 84.5 -> 90.5");
	free(out);
	roadmap_destroy(rm);
	return done_testing();
}
