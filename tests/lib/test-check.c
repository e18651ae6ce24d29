/* test-check.c - the table of check rules (lib/analysis/check.c): every rule
 * in exactly one pass, each code once, the same rules as the man page's
 * CHECK RULES (roadmap_rules()); findings that carry their rule's code and
 * severity; the rules of a day only with a day; invalid-dates, which no file
 * can hold, from a model the library builds; and the same findings on one
 * thread and more with a day. */
#include "check.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static roadmap_day day_of(const char *s)
{
	struct roadmap_period p;

	roadmap_period_parse(s, 1, &p, NULL);
	return p.first;
}

static void table(void)
{
	size_t n, n_man, each = 0, whole = 0, day = 0;
	const struct ck_rule *r = ck_rules(&n);
	const struct roadmap_rule *man = roadmap_rules(&n_man);

	for (size_t i = 0; i < n; i++) {
		bool in_each =
		    r[i].pass == CK_EACH && (r[i].initiative || r[i].envelope);
		bool in_whole = r[i].pass == CK_WHOLE && r[i].whole;
		ok(in_each + in_whole == 1 && !(in_each && r[i].whole) &&
		       !(in_whole && (r[i].initiative || r[i].envelope)),
		   "%s is in exactly one pass (%s)", r[i].code,
		   in_each ? "item by item" : "whole roadmap");
		each += in_each;
		whole += in_whole;
		day += r[i].as_of;
		if (r[i].before_tables && !in_whole) {
			ok(false,
			   "%s: only a whole-roadmap rule runs before "
			   "the tables",
			   r[i].code);
		}
		if (r[i].subject == 0) {
			ok(false, "%s: says what its findings are about",
			   r[i].code);
		}
		for (size_t k = 0; k < i; k++) {
			if (strcmp(r[k].code, r[i].code) == 0) {
				ok(false, "%s is in the table twice",
				   r[i].code);
			}
		}
	}
	is_int((long)(each + whole), (long)n,
	       "%zu rules: %zu item by item, "
	       "%zu over the whole roadmap",
	       n, each, whole);
	is_int((long)day, 3, "three of them run only with a day");
	is_int((long)n, (long)n_man, "as many rules as the man page's");
	for (size_t i = 0; i < n && i < n_man; i++) {
		is_str(r[i].code, man[i].code, "rule %zu is the man page's",
		       i + 1);
		is_int(r[i].severity, man[i].severity,
		       "%s: the man page's severity", r[i].code);
	}
}

/* The row of the finding's rule: its code is the row's own string. */
static const struct ck_rule *row_of(const struct roadmap_finding *x)
{
	size_t n;
	const struct ck_rule *r = ck_rules(&n);

	for (size_t i = 0; i < n; i++) {
		if (x->code == r[i].code) {
			return &r[i];
		}
	}
	return NULL;
}

/* Something for most rules to say, and a day's lateness, risk and cost. */
static const char doc[] =
    "{\"format\": 1, \"pillars\": [\"p\"],\n"
    " \"teams\": [{\"id\": \"t\", \"capacity\": 1}],\n"
    " \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"baseline\": 0,\n"
    "   \"target\": 100, \"due\": \"2026-12-31\",\n"
    "   \"measurements\": {\"2026-06-30\": 10}},\n"
    "  {\"id\": \"lonely\", \"title\": \"L\"}],\n"
    " \"initiatives\": [\n"
    "  {\"id\": \"a\", \"title\": \"A\", \"goals\": [\"g\", \"nope\"],\n"
    "   \"start\": \"2026-01-01\", \"end\": \"2026-03-31\",\n"
    "   \"status\": \"active\", \"team\": \"t\", \"fte\": 2,\n"
    "   \"owner\": \"o\", \"opex\": 100, \"pillar\": \"p\",\n"
    "   \"actuals\": {\"2026-Q1\": 90}, \"progress\": {\"2026-03-31\": "
    "10},\n"
    "   \"depends_on\": [\"b\"]},\n"
    "  {\"id\": \"b\", \"title\": \"B\", \"start\": \"2026-01-01\",\n"
    "   \"end\": \"2027-03-31\", \"goals\": [\"g\"], \"depends_on\": "
    "[\"a\"]},\n"
    "  {\"id\": \"c\", \"title\": \"C\", \"start\": \"2026-01-01\",\n"
    "   \"end\": \"2026-02-01\", \"depends_on\": [\"c\"]}],\n"
    " \"budgets\": [{\"period\": \"2026-Q1\", \"amount\": 50},\n"
    "  {\"period\": \"FY2026\", \"amount\": 10, \"pillar\": \"q\"}]}\n";

static void findings(void)
{
	struct roadmap *rm = NULL;
	struct roadmap_error err;
	struct roadmap_findings plain, dated;
	struct roadmap_check_options o = {.has_as_of = true,
					  .as_of = day_of("2026-07-01")};
	size_t n, carried = 0, of_day = 0;
	const struct ck_rule *r = ck_rules(&n);
	bool *seen = calloc(n, sizeof(bool));

	if (roadmap_load_buffer("c.json", doc, sizeof(doc) - 1, &rm, &err) ||
	    roadmap_check(rm, &plain, &err) ||
	    roadmap_check_opt(rm, &o, &dated, &err)) {
		printf("# setup: %s\n", err.message);
		ok(false, "the roadmap loads and checks");
		roadmap_destroy(rm);
		free(seen);
		return;
	}
	for (size_t i = 0; i < plain.n; i++) {
		const struct ck_rule *x = row_of(&plain.items[i]);
		carried += x && x->severity == plain.items[i].severity;
		of_day += x && x->as_of;
	}
	is_int((long)carried, (long)plain.n,
	       "each of the %zu findings carries its rule's code and "
	       "severity",
	       plain.n);
	is_int((long)of_day, 0, "without a day, no rule of a day");
	for (size_t i = 0; i < dated.n; i++) {
		const struct ck_rule *x = row_of(&dated.items[i]);
		if (x) {
			seen[x - r] = true;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (r[i].as_of) {
			ok(seen[i], "with a day, %s finds something",
			   r[i].code);
		}
	}
	roadmap_findings_release(&plain);
	roadmap_findings_release(&dated);
	roadmap_destroy(rm);
	free(seen);
}

/* No file holds an initiative that ends before it starts (the loader and
 * the saver refuse it), but a program may set such dates on its model,
 * and only this rule tells it so. */
static void invalid_dates(void)
{
	struct roadmap *rm = roadmap_create();
	struct roadmap_initiative in;
	struct roadmap_goal g;
	struct roadmap_error err;
	struct roadmap_findings f = {0};

	roadmap_goal_init(&g);
	g.id = "g";
	g.title = "G";
	roadmap_initiative_init(&in);
	in.id = "a";
	in.title = "A";
	in.start = day_of("2026-03-01");
	in.end = day_of("2026-03-31");
	if (roadmap_add_goal(rm, &g, &err) ||
	    roadmap_add_initiative(rm, &in, &err) ||
	    roadmap_set_field(rm, "a", "goals", "g", &err) ||
	    roadmap_set_field(rm, "a", "end", "2026-02-01", &err) ||
	    roadmap_check(rm, &f, &err)) {
		printf("# setup: %s\n", err.message);
	}
	is_int((long)f.n, 1, "a model the library builds: one finding");
	if (f.n == 1) {
		is_str(f.items[0].code, "invalid-dates", "invalid-dates");
		is_str(f.items[0].message,
		       "ends 2026-02-01, before it starts (2026-03-01)",
		       "and its message");
	}
	roadmap_findings_release(&f);
	roadmap_destroy(rm);
}

/* The passes on their threads (a roadmap large enough for them) give the
 * findings of one thread, the rules of a day included. */
static void threads_with_a_day(void)
{
	size_t n = 20000, cap = n * 320 + 4096, o = 0;
	char *s = malloc(cap);
	struct roadmap *rm = NULL;
	struct roadmap_error e;
	struct roadmap_findings one = {0}, two = {0};
	struct roadmap_check_options day1 = {.has_as_of = true,
					     .as_of = day_of("2026-05-15")};
	struct roadmap_check_options day2 = day1;

	day2.threads = true;
	o += (size_t)snprintf(s + o, cap - o,
			      "{\"format\": 1, \"goals\": [{\"id\": \"g\", "
			      "\"title\": \"G\", \"baseline\": 0, \"target\": "
			      "10, \"due\": \"2026-09-30\"}], "
			      "\"initiatives\": [");
	for (size_t i = 0; i < n; i++) {
		o += (size_t)snprintf(
		    s + o, cap - o,
		    "%s\n{\"id\": \"i%zu\", \"title\": \"T\", \"goals\": "
		    "[\"g\"], \"start\": \"2026-01-01\", \"end\": "
		    "\"2026-0%zu-28\", \"owner\": \"o%zu\", \"status\": "
		    "\"active\", \"opex\": 1000, \"actuals\": {\"2026-Q1\": "
		    "%d}, \"progress\": {\"2026-03-31\": %zu}}",
		    i ? "," : "", i, 3 + i % 4, i % 3000, i % 5 ? 400 : 900,
		    i % 90);
	}
	o += (size_t)snprintf(s + o, cap - o, "]}\n");
	if (roadmap_load_buffer("r.json", s, o, &rm, &e) ||
	    roadmap_check_opt(rm, &day1, &one, &e) ||
	    roadmap_check_opt(rm, &day2, &two, &e)) {
		printf("# setup: %s\n", e.message);
	}
	bool same = one.n == two.n && one.n > n;
	size_t late = 0;
	for (size_t i = 0; same && i < one.n; i++) {
		const struct roadmap_finding *x = &one.items[i],
					     *y = &two.items[i];
		same = x->code == y->code && x->severity == y->severity &&
		       strcmp(x->subject, y->subject) == 0 &&
		       strcmp(x->message, y->message) == 0 &&
		       x->line == y->line &&
		       strcmp(x->fingerprint, y->fingerprint) == 0;
		late += strcmp(x->code, "initiative-late") == 0;
	}
	ok(same, "with a day, threads give the %zu findings of one thread",
	   one.n);
	ok(late > 0, "%zu of them late", late);
	roadmap_findings_release(&one);
	roadmap_findings_release(&two);
	roadmap_destroy(rm);
	free(s);
}

int main(void)
{
	table();
	findings();
	invalid_dates();
	threads_with_a_day();
	return done_testing();
}
