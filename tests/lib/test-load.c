/*
 * test-load.c - the loader reads a large list of initiatives on every core
 * (roadmap_load_options.threads) with the same result as on one: the same
 * canonical bytes, and for a bad file the same status and the same error,
 * whichever item fails and however the shares fall (issue 18).
 */
#include "roadmap.h"
#include "tap.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N 40000 /* initiatives: enough for the loader to share them */

/* A roadmap of N initiatives; item bad (when < N) is spoilt by how. */
static char *document(size_t bad, const char *how, size_t *len)
{
	size_t cap = (size_t)N * 300 + 4096, o = 0;
	char *s = malloc(cap);

	o += (size_t)snprintf(s + o, cap - o,
			      "{\n  \"format\": 1,\n  \"goals\": [{\"id\": "
			      "\"g\", \"title\": \"G\"}],\n  \"initiatives\": [");
	for (size_t i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof(id), "i%zu", i);
		if (i == bad && strcmp(how, "dup-goal") == 0) {
			strcpy(id, "g");
		} else if (i == bad && (strcmp(how, "dup-earlier") == 0 ||
					strcmp(how, "dup-and-date") == 0)) {
			strcpy(id, "i3");
		}
		/* "two": this item's date and the last item's key are bad */
		bool date = i == bad && (strcmp(how, "date") == 0 ||
					 strcmp(how, "dup-and-date") == 0 ||
					 strcmp(how, "two") == 0);
		bool key = (i == bad && strcmp(how, "key") == 0) ||
			   (i == N - 1 && strcmp(how, "two") == 0);
		o += (size_t)snprintf(
		    s + o, cap - o,
		    "%s\n    {\"id\": \"%s\", \"title\": \"Item %zu\", "
		    "\"goals\": [\"g\"], \"start\": \"2026-01-01\", "
		    "\"end\": \"%s\", \"opex\": %s%s}",
		    i ? "," : "", id, i,
		    date ? "2026-02-30" : "2026-06-30",
		    i == bad && strcmp(how, "money") == 0 ? "1.234" : "1000",
		    key ? ", \"colour\": 1"
			: i == bad && strcmp(how, "object") == 0
			    ? ", \"goals\": 5"
			    : "");
		if (i == bad && strcmp(how, "scalar") == 0) {
			o += (size_t)snprintf(s + o, cap - o, ", 7");
		}
	}
	o += (size_t)snprintf(s + o, cap - o, "\n  ]\n}\n");
	*len = o;
	return s;
}

static void same(size_t bad, const char *how)
{
	static const struct roadmap_load_options threads = {.threads = true};
	struct roadmap *a = NULL, *b = NULL;
	struct roadmap_error ea, eb;
	char fa[1024], fb[1024];
	size_t len;
	char *doc = document(bad, how, &len);
	enum roadmap_status sa = roadmap_load_buffer("r.json", doc, len, &a, &ea);
	enum roadmap_status sb =
	    roadmap_load_buffer_opt("r.json", doc, len, &threads, &b, &eb);

	is_int(sb, sa, "%s at item %zu: the same status on every core (%d)",
	       how, bad, (int)sa);
	if (sa) {
		roadmap_error_format(&ea, fa, sizeof(fa));
		roadmap_error_format(&eb, fb, sizeof(fb));
		is_str(fb, fa, "%s at item %zu: the same error", how, bad);
	} else {
		char *ta = NULL, *tb = NULL;
		size_t na = 0, nb = 0;
		roadmap_save_buffer(a, &ta, &na, NULL);
		roadmap_save_buffer(b, &tb, &nb, NULL);
		ok(ta && tb && na == nb && memcmp(ta, tb, na) == 0 &&
		       roadmap_initiative_count(b) == N,
		   "%s: the same %d initiatives, the same bytes", how, N);
		free(ta);
		free(tb);
	}
	roadmap_destroy(a);
	roadmap_destroy(b);
	free(doc);
}

int main(void)
{
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
		/* the loader shares the work only among the cores there
		 * are: on one, both loads are the same code */
		printf("1..0 # SKIP one CPU: nothing to share\n");
		return 0;
	}
	static const char *const hows[] = {
	    "date",	   "money",	"key",		"object", "dup-goal",
	    "dup-earlier", "scalar", "dup-and-date", "two"};
	/* the first item, one in each share's middle and edges, the last */
	static const size_t at[] = {0, 7, N / 2 - 1, N / 2, N / 2 + 1, N - 1};

	same(N, "none");
	for (size_t h = 0; h < sizeof(hows) / sizeof(hows[0]); h++) {
		for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
			same(at[k], hows[h]);
		}
	}
	return done_testing();
}
