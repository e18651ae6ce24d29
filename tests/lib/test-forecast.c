/* test-forecast.c - the generator against its published reference, the
 * triangular draw at its edges, and a forecast that does not depend on
 * how many threads ran it. */
#include "internal.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static const char doc[] =
    "{\"format\": 1, \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"due\": "
    "\"2026-06-30\"}], \"initiatives\": ["
    "{\"id\": \"a\", \"title\": \"A\", \"goals\": [\"g\"], \"start\": "
    "\"2026-01-01\", \"end\": \"2026-03-31\", \"optimistic\": \"2026-03-01\","
    " \"pessimistic\": \"2026-05-15\", \"opex\": 90000},"
    "{\"id\": \"b\", \"title\": \"B\", \"goals\": [\"g\"], \"start\": "
    "\"2026-01-01\", \"end\": \"2026-02-28\", \"pessimistic\": \"2026-04-30\","
    " \"depends_on\": [\"a\"], \"capex\": 5000}]}";

int main(void)
{
	/* pcg32-demo of the minimal C library: pcg32_srandom_r(&rng, 42u,
	 * 54u), then six pcg32_random_r() */
	static const uint32_t want[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
					0x83d2f293, 0xbfa4784b, 0xcbed606e};
	struct rm_pcg32 r;
	rm_pcg32_seed(&r, 42u, 54u);
	for (int i = 0; i < 6; i++) {
		uint32_t got = rm_pcg32_next(&r);
		ok(got == want[i], "PCG32 output %d is the reference 0x%08x",
		   i + 1, want[i]);
	}

	is_int(rm_triangular_days(0.0, 60, 90, 135), 60, "u = 0: optimistic");
	is_int(rm_triangular_days(0.9999999999, 60, 90, 135), 135,
	       "u near 1: pessimistic");
	is_int(rm_triangular_days(0.4, 60, 90, 135), 90,
	       "u = F(mode): the mode");
	is_int(rm_triangular_days(0.5, 60, 90, 135), 94,
	       "the median, 93.92 days, rounds to 94");
	is_int(rm_triangular_days(0.3, 90, 90, 90), 90, "no spread: the mode");
	is_int(rm_triangular_days(0.5, 90, 90, 120), 99,
	       "a mode at the minimum: 120 - sqrt(450) = 98.79 -> 99");

	struct roadmap *rm;
	struct roadmap_error err;
	is_int(roadmap_load_buffer("f.json", doc, strlen(doc), &rm, &err),
	       ROADMAP_OK, "the fixture loads");
	char *json[4] = {0};
	for (int t = 0; t < 4; t++) {
		struct roadmap_forecast_options o = {.trials = 5001,
						     .seed = 7,
						     .seed_set = true,
						     .threads = t + 1};
		struct roadmap_forecast f;
		is_int(roadmap_forecast(rm, &o, &f, &err), ROADMAP_OK,
		       "forecast on %d thread(s)", t + 1);
		is_int(roadmap_forecast_json(rm, &f, &json[t], &err),
		       ROADMAP_OK, "its JSON");
		roadmap_forecast_release(&f);
	}
	for (int t = 1; t < 4; t++) {
		is_str(json[t], json[0], "%d threads give the bytes of one",
		       t + 1);
	}
	for (int t = 0; t < 4; t++) {
		free(json[t]);
	}
	struct roadmap_forecast_options bad = {.trials = 10000001};
	struct roadmap_forecast f;
	is_int(roadmap_forecast(rm, &bad, &f, &err), ROADMAP_ERR_USAGE,
	       "more than 10,000,000 trials is refused");
	roadmap_destroy(rm);
	return done_testing();
}
