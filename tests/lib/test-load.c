/*
 * test-load.c - the loader reads a large list of initiatives on every core
 * (roadmap_load_options.threads) with the same result as on one: the same
 * canonical bytes, and for a bad file the same status and the same error,
 * whichever item fails and however the shares fall (issue 18). A file of
 * 8 MiB or more is also pre-scanned in parts from guessed states: right
 * guesses, wrong ones (a cut inside a string or a nested array) and errors
 * on either side of a cut give the same lines and errors as one scan.
 */
#include "roadmap-report.h"
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

	o += (size_t)snprintf(
	    s + o, cap - o,
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
		    i ? "," : "", id, i, date ? "2026-02-30" : "2026-06-30",
		    i == bad && strcmp(how, "money") == 0 ? "1.234" : "1000",
		    key					     ? ", \"colour\": 1"
		    : i == bad && strcmp(how, "object") == 0 ? ", \"goals\": 5"
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
	enum roadmap_status sa =
	    roadmap_load_buffer("r.json", doc, len, &a, &ea);
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

/*
 * A file of 12 MB or more for the split pre-scan: initiatives with a
 * reference to a missing goal in every third (a finding at the item's
 * line), then budgets that the first initiative overruns (findings at the
 * envelopes' lines). The cuts fall at a third, a half or two thirds of the
 * bytes. how: "none"; "titles": every title mostly "}, {", so that a cut
 * is guessed inside a string; "nested": a middle item whose unknown field
 * holds an array of empty objects across every cut; "tail": a bad number
 * near the end; "eof": the end cut off.
 */
static char *big(const char *how, size_t *len)
{
	bool titles = strcmp(how, "titles") == 0;
	bool nested = strcmp(how, "nested") == 0;
	size_t m = titles ? 12000 : 90000, fill = nested ? (size_t)16 << 20 : 0;
	size_t cap = m * (titles ? 1200 : 200) + fill + 4096, o = 0;
	char *s = malloc(cap);

	o += (size_t)snprintf(
	    s + o, cap - o,
	    "{\n  \"format\": 1,\n  \"goals\": [{\"id\": "
	    "\"g\", \"title\": \"G\"}],\n  \"initiatives\": [");
	for (size_t i = 0; i < m; i++) {
		o += (size_t)snprintf(
		    s + o, cap - o,
		    "%s\n    {\n      \"id\": \"i%zu\",\n      "
		    "\"title\": \"Item %zu",
		    i ? "," : "", i, i);
		for (size_t k = 0; titles && k < 240; k++) {
			memcpy(s + o, "}, {", 4);
			o += 4;
		}
		o += (size_t)snprintf(
		    s + o, cap - o,
		    "\",\n      \"goals\": [\"%s\"],\n      \"start\": "
		    "\"2026-01-01\",\n      \"end\": \"2026-06-30\"%s",
		    i % 3 ? "g" : "gone", i ? "" : ",\n      \"opex\": 1000");
		if (i == m / 2 && nested) {
			o += (size_t)snprintf(s + o, cap - o,
					      ",\n      \"x\": [");
			for (size_t k = 0; k < fill / 4; k++) {
				memcpy(s + o, "{}, ", 4);
				o += 4;
			}
			o += (size_t)snprintf(s + o, cap - o, "{}]");
		}
		if (i == m - 7 && strcmp(how, "tail") == 0) {
			o += (size_t)snprintf(s + o, cap - o,
					      ",\n      \"capex\": 01");
		}
		o += (size_t)snprintf(s + o, cap - o, "\n    }");
	}
	o += (size_t)snprintf(
	    s + o, cap - o,
	    "\n  ],\n  \"budgets\": [\n    {\n      \"period\": \"2026-Q1\",\n"
	    "      \"amount\": 1\n    },\n    {\n      \"period\": "
	    "\"2026-Q2\",\n      \"amount\": 1\n    }\n  ]");
	if (strcmp(how, "eof") != 0) {
		o += (size_t)snprintf(s + o, cap - o, "\n}\n");
	}
	*len = o;
	return s;
}

/* Both loads' check findings, compared in full: code, subject, line. */
static bool same_findings(struct roadmap *a, struct roadmap *b)
{
	struct roadmap_findings fa, fb;
	struct roadmap_error e;
	bool same = roadmap_check(a, &fa, &e) == ROADMAP_OK &&
		    roadmap_check(b, &fb, &e) == ROADMAP_OK && fa.n == fb.n;
	size_t lines = 0, envelopes = 0;

	for (size_t i = 0; same && i < fa.n; i++) {
		same = strcmp(fa.items[i].code, fb.items[i].code) == 0 &&
		       strcmp(fa.items[i].subject, fb.items[i].subject) == 0 &&
		       fa.items[i].line == fb.items[i].line;
		lines += fa.items[i].line > 0;
		envelopes += strcmp(fa.items[i].code, "budget-overrun") == 0;
	}
	roadmap_findings_release(&fa);
	roadmap_findings_release(&fb);
	return same && lines >= roadmap_initiative_count(a) / 3 &&
	       envelopes == 2;
}

static void same_scan(const char *how, const char *error)
{
	static const struct roadmap_load_options threads = {.threads = true};
	struct roadmap *a = NULL, *b = NULL;
	struct roadmap_error ea, eb;
	char fa[1024] = "", fb[1024] = "";
	size_t len;
	char *doc = big(how, &len);
	enum roadmap_status sa =
	    roadmap_load_buffer("r.json", doc, len, &a, &ea);
	enum roadmap_status sb =
	    roadmap_load_buffer_opt("r.json", doc, len, &threads, &b, &eb);

	ok(len >= (size_t)12 << 20,
	   "%s: a file of %zu bytes is scanned in parts", how, len);
	is_int(sb, sa, "%s: the same status from the parts (%d)", how, (int)sa);
	if (sa) {
		roadmap_error_format(&ea, fa, sizeof(fa));
		roadmap_error_format(&eb, fb, sizeof(fb));
	}
	is_str(fa, error, "%s: the error of one scan", how);
	is_str(fb, fa, "%s: the same error from the parts", how);
	if (!sa && !sb) {
		ok(same_findings(a, b), "%s: every initiative at the same line",
		   how);
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
	    "date",	   "money",  "key",	     "object", "dup-goal",
	    "dup-earlier", "scalar", "dup-and-date", "two"};
	/* the first item, one in each share's middle and edges, the last */
	static const size_t at[] = {0, 7, N / 2 - 1, N / 2, N / 2 + 1, N - 1};

	same(N, "none");
	for (size_t h = 0; h < sizeof(hows) / sizeof(hows[0]); h++) {
		for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
			same(at[k], hows[h]);
		}
	}
	same_scan("none", "");
	same_scan("titles", "");
	same_scan("nested", "r.json: initiatives[45000] \"i45000\": unknown "
			    "field \"x\"");
	same_scan("tail", "r.json:629963:16: leading zeros are not allowed in "
			  "a number");
	same_scan("eof", "r.json:630016:4: unexpected end of file");
	return done_testing();
}
