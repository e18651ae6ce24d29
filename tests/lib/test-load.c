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
#include <time.h>
#include <unistd.h>

#define N 40000 /* initiatives: enough for the loader to share them */

/* A document up to its list of initiatives, which serve goal "g" */
#define HEAD                                                                   \
	"{\n  \"format\": 1,\n  \"goals\": [{\"id\": \"g\", \"title\": "       \
	"\"G\"}],\n  \"initiatives\": ["

/* A roadmap of N initiatives; item bad (when < N) is spoilt by how. */
static char *document(size_t bad, const char *how, size_t *len)
{
	size_t cap = (size_t)N * 300 + 4096, o = 0;
	char *s = malloc(cap);

	o += (size_t)snprintf(s + o, cap - o, "%s", HEAD);
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

/* A roadmap of N goals (and an initiative); goal bad is spoilt by how. */
static char *goals_document(size_t bad, const char *how, size_t *len)
{
	size_t cap = (size_t)N * 200 + 4096, o = 0;
	char *s = malloc(cap);

	o += (size_t)snprintf(s + o, cap - o,
			      "{\n  \"format\": 1,\n  "
			      "\"goals\": [");
	for (size_t i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof(id), "g%zu", i);
		if (i == bad && (strcmp(how, "dup-earlier") == 0 ||
				 strcmp(how, "dup-and-date") == 0)) {
			strcpy(id, "g3");
		}
		bool date = i == bad && (strcmp(how, "date") == 0 ||
					 strcmp(how, "dup-and-date") == 0);
		o += (size_t)snprintf(
		    s + o, cap - o,
		    "%s\n    {\"id\": \"%s\", \"title\": \"Goal %zu\", "
		    "\"due\": \"%s\"%s}",
		    i ? "," : "", id, i, date ? "2026-02-30" : "2026-06-30",
		    i == bad && strcmp(how, "key") == 0 ? ", \"colour\": 1"
							: "");
		if (i == bad && strcmp(how, "scalar") == 0) {
			o += (size_t)snprintf(s + o, cap - o, ", 7");
		}
	}
	o += (size_t)snprintf(
	    s + o, cap - o,
	    "\n  ],\n  \"initiatives\": [{\"id\": \"%s\", \"title\": "
	    "\"I\", \"goals\": [\"g1\"], \"start\": \"2026-01-01\", "
	    "\"end\": \"2026-06-30\"}]\n}\n",
	    strcmp(how, "init-dup") == 0 ? "g9" : "i");
	*len = o;
	return s;
}

static void same(size_t bad, const char *how)
{
	static const struct roadmap_load_options threads = {
	    .threads = true, .cjson_hooks = true};
	struct roadmap *a = NULL, *b = NULL;
	struct roadmap_error ea, eb;
	char fa[1024], fb[1024];
	size_t len;
	bool goals = strncmp(how, "goal ", 5) == 0;
	char *doc = goals ? goals_document(bad, how + 5, &len)
			  : document(bad, how, &len);
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
		       (goals ? roadmap_goal_count(b)
			      : roadmap_initiative_count(b)) == N,
		   "%s: the same %d items, the same bytes", how, N);
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

	o += (size_t)snprintf(s + o, cap - o, "%s", HEAD);
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
	static const struct roadmap_load_options threads = {
	    .threads = true, .cjson_hooks = true};
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

/*
 * An item too large for a thread's buffer (arena.c): 3,000 readings of
 * progress, about 400 KB of nodes, spill into malloc and must be freed as
 * usual, on one thread (n small) or in shares; bad: its last reading is
 * out of range. The sanitizer build sees any leak or bad free.
 */
static void same_spill(size_t n, bool bad)
{
	static const struct roadmap_load_options hooks = {.threads = true,
							  .cjson_hooks = true};
	size_t cap = n * 200 + 2 * 3000 * 40 + 4096, o = 0;
	char *s = malloc(cap);
	struct roadmap *a = NULL, *b = NULL;
	struct roadmap_error ea, eb;

	o += (size_t)snprintf(s + o, cap - o,
			      "{\"format\": 1, \"goals\": [{\"id\": \"g\", "
			      "\"title\": \"G\"}], \"initiatives\": [");
	for (size_t i = 0; i < n; i++) {
		o +=
		    (size_t)snprintf(s + o, cap - o,
				     "%s\n{\"id\": \"i%zu\", \"title\": \"T\", "
				     "\"goals\": [\"g\"], \"start\": "
				     "\"2020-01-01\", \"end\": \"2030-12-31\"",
				     i ? "," : "", i);
		if (i == 7 || i == n - 2) {
			o += (size_t)snprintf(s + o, cap - o,
					      ", \"progress\": {");
			for (int k = 0; k < 3000; k++) {
				time_t t = (time_t)(1577836800 + k * 86400);
				struct tm tm;
				gmtime_r(&t, &tm);
				o += (size_t)snprintf(s + o, cap - o, "%s",
						      k ? ", " : "");
				o += strftime(s + o, cap - o,
					      "\"%Y-%m-%d\": ", &tm);
				o += (size_t)snprintf(
				    s + o, cap - o, "%d",
				    bad && k == 2999 ? 101 : k / 30);
			}
			o += (size_t)snprintf(s + o, cap - o, "}");
		}
		o += (size_t)snprintf(s + o, cap - o, "}");
	}
	o += (size_t)snprintf(s + o, cap - o, "]}\n");

	enum roadmap_status sa = roadmap_load_buffer("r.json", s, o, &a, &ea);
	enum roadmap_status sb =
	    roadmap_load_buffer_opt("r.json", s, o, &hooks, &b, &eb);
	is_int(sb, sa,
	       "%zu initiatives, two of 3,000 readings%s: the same "
	       "status (%d)",
	       n, bad ? ", one bad" : "", (int)sa);
	is_int(sa, bad ? ROADMAP_ERR_DATA : ROADMAP_OK,
	       "%zu initiatives%s: loaded as it should be", n,
	       bad ? ", one bad reading" : "");
	if (sa == ROADMAP_OK && sb == ROADMAP_OK) {
		char *ta = NULL, *tb = NULL;
		size_t na = 0, nb = 0;
		roadmap_save_buffer(a, &ta, &na, NULL);
		roadmap_save_buffer(b, &tb, &nb, NULL);
		ok(ta && tb && na == nb && memcmp(ta, tb, na) == 0,
		   "%zu initiatives, spilled items: the same bytes", n);
		free(ta);
		free(tb);
	} else if (sa && sb) {
		char fa[1024], fb[1024];
		roadmap_error_format(&ea, fa, sizeof(fa));
		roadmap_error_format(&eb, fb, sizeof(fb));
		is_str(fb, fa, "%zu initiatives: the same error", n);
	}
	roadmap_destroy(a);
	roadmap_destroy(b);
	free(s);
}

/*
 * check on two threads (roadmap_check_options.threads) against one: the
 * same findings in the same order, field by field, on a roadmap where
 * every rule has something to say (owners with five open initiatives,
 * teams over capacity, actuals over plan, cycles, missing references).
 */
static void same_check(void)
{
	size_t n = 20000, cap = n * 400 + 4096, o = 0;
	char *s = malloc(cap);
	struct roadmap *rm = NULL;
	struct roadmap_error e;
	struct roadmap_findings one, two;
	struct roadmap_check_options opt = {.threads = true};
	char codes[16][40] = {{0}};
	size_t n_codes = 0;

	o += (size_t)snprintf(s + o, cap - o,
			      "{\"format\": 1, \"teams\": [{\"id\": \"t0\", "
			      "\"capacity\": 10}, {\"id\": \"t1\", "
			      "\"capacity\": 1000}], \"goals\": [{\"id\": "
			      "\"g\", \"title\": \"G\"}], \"initiatives\": [");
	for (size_t i = 0; i < n; i++) {
		o += (size_t)snprintf(
		    s + o, cap - o,
		    "%s\n{\"id\": \"i%zu\", \"title\": \"T\", \"goals\": "
		    "[\"%s\"], \"start\": \"2026-01-01\", \"end\": "
		    "\"2026-06-30\", \"owner\": \"o%zu\", \"status\": "
		    "\"active\", \"team\": \"t%zu\", \"fte\": 1, \"opex\": "
		    "1000, \"depends_on\": [\"i%zu\"], \"actuals\": "
		    "{\"2026-Q1\": %d}}",
		    i ? "," : "", i, i % 7 ? "g" : "nope", i % 4000, i % 2,
		    i % 11 ? i ^ 1 : i + n, i % 5 ? 400 : 900);
	}
	o += (size_t)snprintf(s + o, cap - o, "]}\n");
	is_int(roadmap_load_buffer("r.json", s, o, &rm, &e), ROADMAP_OK,
	       "a roadmap where every rule finds something loads");
	is_int(roadmap_check(rm, &one, &e), ROADMAP_OK,
	       "checked on one thread");
	is_int(roadmap_check_opt(rm, &opt, &two, &e), ROADMAP_OK,
	       "checked on more than one");
	bool same = one.n == two.n && one.errors == two.errors &&
		    one.warnings == two.warnings && one.n > n;
	for (size_t i = 0; same && i < one.n; i++) {
		const struct roadmap_finding *x = &one.items[i],
					     *y = &two.items[i];
		same = x->severity == y->severity &&
		       strcmp(x->code, y->code) == 0 &&
		       strcmp(x->subject, y->subject) == 0 &&
		       strcmp(x->message, y->message) == 0 &&
		       x->line == y->line &&
		       strcmp(x->fingerprint, y->fingerprint) == 0 &&
		       x->n_related == y->n_related;
		for (size_t k = 0; same && k < x->n_related; k++) {
			same = strcmp(x->related[k], y->related[k]) == 0;
		}
		if (n_codes < 16 &&
		    (!n_codes || strcmp(codes[n_codes - 1], x->code))) {
			snprintf(codes[n_codes++], sizeof(codes[0]), "%s",
				 x->code);
		}
	}
	ok(same, "the same %zu findings in the same order, field by field",
	   one.n);
	is_int((long)n_codes, 6, "from six rules: %s %s %s %s %s %s", codes[0],
	       codes[1], codes[2], codes[3], codes[4], codes[5]);
	roadmap_findings_release(&one);
	roadmap_findings_release(&two);
	roadmap_destroy(rm);
	free(s);
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
	/* the first item, the last, and on two cores the middle and the
	 * items where the shares meet (the first share is a sixteenth
	 * smaller: load-shared.c) */
#ifdef __SANITIZE_ADDRESS__
	/* several times slower under the sanitizers: the first item, where
	 * the shares meet and the last (the normal build tries them all) */
	static const size_t at[] = {0, N * 15 / 31, N - 1};
#else
	static const size_t at[] = {
	    0, 7, N * 15 / 31 - 1, N * 15 / 31, N * 15 / 31 + 1, N / 2, N - 1};
#endif

	static const char *const goal_hows[] = {
	    "goal date", "goal key", "goal dup-earlier", "goal scalar",
	    "goal dup-and-date"};

	same(N, "none");
	for (size_t h = 0; h < sizeof(hows) / sizeof(hows[0]); h++) {
		for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
			same(at[k], hows[h]);
		}
	}
	/* goals are read in shares too */
	same(N, "goal none");
	same(N, "goal init-dup");
	for (size_t h = 0; h < sizeof(goal_hows) / sizeof(goal_hows[0]); h++) {
		for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
			same(at[k], goal_hows[h]);
		}
	}
	same_check();
	same_spill(100, false);
	same_spill(100, true);
	same_spill(N, false);
	same_spill(N, true);
	same_scan("none", "");
	same_scan("titles", "");
	same_scan("nested", "r.json: initiatives[45000] \"i45000\": unknown "
			    "field \"x\"");
	same_scan("tail", "r.json:629963:16: leading zeros are not allowed in "
			  "a number");
	same_scan("eof", "r.json:630016:4: unexpected end of file");
	return done_testing();
}
