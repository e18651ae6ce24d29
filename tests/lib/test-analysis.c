/* test-analysis.c - hand-computed schedules and properties of the spend,
 * budget and schedule computations over random roadmaps. */
#include "roadmap.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static roadmap_day day(const char *s)
{
	struct roadmap_period p;
	roadmap_period_parse(s, 1, &p, NULL);
	return p.first;
}

static void add(struct roadmap *rm, const char *id, const char *start,
		const char *end, const char *deps)
{
	struct roadmap_initiative in;
	struct roadmap_error err;

	roadmap_initiative_init(&in);
	in.id = (char *)id;
	in.title = (char *)id;
	in.start = day(start);
	in.end = day(end);
	if (roadmap_add_initiative(rm, &in, &err) ||
	    (deps && roadmap_set_field(rm, id, "depends_on", deps, &err))) {
		printf("# setup: %s\n", err.message);
	}
}

/* id: earliest start, earliest end, latest start, latest end, slack,
 * critical, shift */
static void expect(const struct roadmap *rm, const struct roadmap_schedule *s,
		   const char *id, const char *es, const char *ef,
		   const char *ls, const char *lf, int slack, bool critical,
		   int shift)
{
	char a[16], b[16], c[16], d[16];

	for (size_t k = 0; k < s->n; k++) {
		const struct roadmap_schedule_row *r = &s->rows[k];
		if (strcmp(roadmap_initiative_at(rm, r->index)->id, id) != 0) {
			continue;
		}
		roadmap_day_format(r->earliest_start, a);
		roadmap_day_format(r->earliest_end, b);
		roadmap_day_format(r->latest_start, c);
		roadmap_day_format(r->latest_end, d);
		ok(strcmp(a, es) == 0 && strcmp(b, ef) == 0 &&
			   strcmp(c, ls) == 0 && strcmp(d, lf) == 0 &&
			   r->slack_days == slack && r->critical == critical &&
			   r->shift_days == shift,
		   "%s: %s..%s, latest %s..%s, slack %d%s, shift %d", id, es,
		   ef, ls, lf, slack, critical ? " critical" : "", shift);
		if (strcmp(a, es) || strcmp(b, ef) || strcmp(c, ls) ||
		    strcmp(d, lf) || r->slack_days != slack ||
		    r->shift_days != shift) {
			printf("#   got %s..%s, latest %s..%s, slack %ld, shift "
			       "%ld\n",
			       a, b, c, d, (long)r->slack_days, (long)r->shift_days);
		}
		return;
	}
	ok(0, "%s is scheduled", id);
}

static void hand_computed(void)
{
	struct roadmap *rm = roadmap_create();
	struct roadmap_schedule s;
	struct roadmap_error err;

	/* a diamond: a -> b, a -> c, b + c -> d */
	add(rm, "a", "2026-01-01", "2026-01-10", NULL);
	add(rm, "b", "2026-01-05", "2026-01-24", "a");
	add(rm, "c", "2026-02-01", "2026-02-05", "a");
	add(rm, "d", "2026-01-01", "2026-01-10", "b,c");
	is_int(roadmap_schedule(rm, &s, &err), ROADMAP_OK, "diamond schedules");
	expect(rm, &s, "a", "2026-01-01", "2026-01-10", "2026-01-07",
	       "2026-01-16", 6, false, 0);
	expect(rm, &s, "b", "2026-01-11", "2026-01-30", "2026-01-17",
	       "2026-02-05", 6, false, 6);
	expect(rm, &s, "c", "2026-02-01", "2026-02-05", "2026-02-01",
	       "2026-02-05", 0, true, 0);
	expect(rm, &s, "d", "2026-02-06", "2026-02-15", "2026-02-06",
	       "2026-02-15", 0, true, 36);
	roadmap_schedule_release(&s);
	roadmap_destroy(rm);

	/* a chain: x -> y -> z */
	rm = roadmap_create();
	add(rm, "x", "2026-01-01", "2026-01-31", NULL);
	add(rm, "y", "2026-01-15", "2026-01-24", "x");
	add(rm, "z", "2026-03-01", "2026-03-10", "y");
	is_int(roadmap_schedule(rm, &s, &err), ROADMAP_OK, "chain schedules");
	expect(rm, &s, "x", "2026-01-01", "2026-01-31", "2026-01-19",
	       "2026-02-18", 18, false, 0);
	expect(rm, &s, "y", "2026-02-01", "2026-02-10", "2026-02-19",
	       "2026-02-28", 18, false, 17);
	expect(rm, &s, "z", "2026-03-01", "2026-03-10", "2026-03-01",
	       "2026-03-10", 0, true, 0);
	size_t moved = 0;
	is_int(roadmap_schedule_apply(rm, &s, &moved, &err), ROADMAP_OK,
	       "apply succeeds");
	is_int((long)moved, 1, "apply moves one");
	const struct roadmap_initiative *y = roadmap_find_initiative(rm, "y");
	char a[16], b[16];
	ok(strcmp(roadmap_day_format(y->start, a), "2026-02-01") == 0 &&
		   strcmp(roadmap_day_format(y->end, b), "2026-02-10") == 0,
	   "y moved to 2026-02-01..2026-02-10, keeping 10 days");
	roadmap_schedule_release(&s);
	roadmap_destroy(rm);

	/* parallel branches: p1 -> p2, and q alone sets the end */
	rm = roadmap_create();
	add(rm, "p1", "2026-01-01", "2026-01-10", NULL);
	add(rm, "p2", "2026-01-11", "2026-01-20", "p1");
	add(rm, "q", "2026-01-01", "2026-02-28", NULL);
	is_int(roadmap_schedule(rm, &s, &err), ROADMAP_OK,
	       "parallel branches schedule");
	expect(rm, &s, "p1", "2026-01-01", "2026-01-10", "2026-02-09",
	       "2026-02-18", 39, false, 0);
	expect(rm, &s, "p2", "2026-01-11", "2026-01-20", "2026-02-19",
	       "2026-02-28", 39, false, 0);
	expect(rm, &s, "q", "2026-01-01", "2026-02-28", "2026-01-01",
	       "2026-02-28", 0, true, 0);
	roadmap_schedule_release(&s);

	/* a cycle is an error naming it */
	roadmap_set_field(rm, "p1", "depends_on", "q", &err);
	roadmap_set_field(rm, "q", "depends_on", "p2", &err);
	is_int(roadmap_schedule(rm, &s, &err), ROADMAP_ERR_DATA,
	       "a cycle is refused");
	is_str(err.message, "dependency cycle: p1 -> q -> p2 -> p1",
	       "and named");
	roadmap_destroy(rm);

	/* a 100,000-long chain: no recursion, no stack overflow. Built as
	 * text, which is quicker than 100,000 edits. */
	size_t cap = 100000 * 120 + 64, len = 0;
	char *doc = malloc(cap);
	len += (size_t)snprintf(doc + len, cap - len,
				"{\"format\": 1, \"initiatives\": [");
	for (int i = 0; i < 100000; i++) {
		len += (size_t)snprintf(
			doc + len, cap - len,
			"%s{\"id\": \"n%d\", \"title\": \"n\", \"start\": "
			"\"2026-01-01\", \"end\": \"2026-01-01\"",
			i ? ", " : "", i);
		if (i) {
			len += (size_t)snprintf(doc + len, cap - len,
						", \"depends_on\": [\"n%d\"]",
						i - 1);
		}
		len += (size_t)snprintf(doc + len, cap - len, "}");
	}
	len += (size_t)snprintf(doc + len, cap - len, "]}");
	is_int(roadmap_load_buffer("chain.json", doc, len, &rm, &err),
	       ROADMAP_OK, "a 100,000-long chain loads");
	free(doc);
	is_int(roadmap_schedule(rm, &s, &err), ROADMAP_OK,
	       "a 100,000-long chain schedules");
	is_int(s.rows[s.n - 1].shift_days, 99999, "its last link shifts");
	roadmap_schedule_release(&s);
	roadmap_set_field(rm, "n0", "depends_on", "n99999", &err);
	struct roadmap_findings f;
	is_int(roadmap_check(rm, &f, &err), ROADMAP_OK,
	       "check of a 100,000-long cycle");
	ok(f.n > 0 && strcmp(f.items[0].code, "dependency-cycle") == 0 &&
		   f.items[0].n_related == 100000,
	   "finds one cycle of 100,000");
	roadmap_findings_release(&f);
	roadmap_destroy(rm);
}

/* A random roadmap: goals, teams, pillars, initiatives over ten years with
 * dependencies on earlier ones, budgets and actuals. */
static struct roadmap *random_roadmap(int n)
{
	struct roadmap *rm = roadmap_create();
	struct roadmap_error err;
	char id[32], list[64];
	int fs = (int)(next() % 12) + 1;

	roadmap_set_fiscal_start(rm, fs, &err);
	for (int g = 0; g < 6; g++) {
		struct roadmap_goal goal;
		roadmap_goal_init(&goal);
		snprintf(id, sizeof(id), "g%d", g);
		goal.id = id;
		goal.title = "goal";
		roadmap_add_goal(rm, &goal, &err);
	}
	for (int t = 0; t < 3; t++) {
		struct roadmap_team team = {id, 500};
		snprintf(id, sizeof(id), "t%d", t);
		roadmap_add_team(rm, &team, &err);
	}
	static const char *pillars[] = {"strategy", "team", "operations",
					"innovation", NULL};
	static const char *statuses[] = {"proposed", "approved", "active",
					 "done", "cancelled"};
	roadmap_day base = day("2026-01-01");
	for (int i = 0; i < n; i++) {
		struct roadmap_initiative in;
		roadmap_initiative_init(&in);
		snprintf(id, sizeof(id), "i%d", i);
		in.id = id;
		in.title = "x";
		in.start = base + (roadmap_day)(next() % 3650);
		in.end = in.start + (roadmap_day)(next() % 700);
		in.opex = (int64_t)(next() % 100000000000ULL);
		in.capex = next() % 3 ? (int64_t)(next() % 50000000000ULL) : 0;
		in.fte = (int64_t)(next() % 800);
		in.pillar = (char *)pillars[next() % 5];
		roadmap_add_initiative(rm, &in, &err);
		roadmap_set_field(rm, id, "status", statuses[next() % 5], &err);
		int ng = (int)(next() % 4);
		list[0] = '\0';
		for (int k = 0; k < ng; k++) {
			char gid[8];
			snprintf(gid, sizeof(gid), "g%d", (int)(k + next() % 2) * 2 % 6 + k % 2);
			if (!strstr(list, gid)) {
				snprintf(list + strlen(list),
					 sizeof(list) - strlen(list), "%s%s",
					 list[0] ? "," : "", gid);
			}
		}
		roadmap_set_field(rm, id, "goals", list, &err);
		if (next() % 2) {
			char team[8];
			snprintf(team, sizeof(team), "t%d", (int)(next() % 3));
			roadmap_set_field(rm, id, "team", team, &err);
		}
		for (int d = 0; i > 0 && d < 3; d++) {
			char dep[32];
			snprintf(dep, sizeof(dep), "i%d", (int)(next() % (uint64_t)i));
			roadmap_depend(rm, id, dep, true, &err);
		}
		if (next() % 4 == 0) {
			roadmap_set_actual(rm, id, roadmap_quarter_of(in.start, fs),
					   (int64_t)(next() % 10000000), &err);
		}
	}
	for (int y = 2026; y < 2036; y++) {
		struct roadmap_budget b = {false, y, (int)(next() % 4) + 1, NULL,
					   (int64_t)(next() % 100000000000000ULL)};
		roadmap_add_budget(rm, &b, &err);
		b.is_year = true;
		b.quarter = 0;
		b.pillar = (char *)pillars[next() % 4];
		roadmap_add_budget(rm, &b, &err);
	}
	return rm;
}

static void properties(void)
{
	int bad_spend = 0, bad_views = 0, bad_rows = 0, bad_sched = 0;
	int bad_slack = 0, runs = 30;

	for (int run = 0; run < runs; run++) {
		struct roadmap *rm = random_roadmap(200 + run * 10);
		struct roadmap_spend sp;
		struct roadmap_error err;
		int64_t grand = 0;

		roadmap_spend_build(rm, &sp, &err);
		for (size_t i = 0; i < roadmap_initiative_count(rm); i++) {
			const struct roadmap_initiative *in =
				roadmap_initiative_at(rm, i);
			int64_t o = 0, c = 0;
			for (int k = 0; k < sp.n[i]; k++) {
				o += sp.opex[sp.off[i] + (size_t)k];
				c += sp.capex[sp.off[i] + (size_t)k];
			}
			if (roadmap_initiative_counts(in)) {
				bad_spend += o != in->opex || c != in->capex;
				grand += in->opex + in->capex;
			} else {
				bad_spend += sp.n[i] != 0;
			}
		}
		roadmap_spend_release(&sp);
		for (int by = 0; by < 5; by++) {
			struct roadmap_budget_report r;
			if (roadmap_budget_report(rm, (enum roadmap_budget_by)by,
						  &r, &err)) {
				bad_views++;
				continue;
			}
			int64_t o = 0, c = 0, t = 0, a = 0;
			for (size_t k = 0; k < r.n; k++) {
				o += r.rows[k].opex;
				c += r.rows[k].capex;
				t += r.rows[k].total;
				a += r.rows[k].actual;
				bad_rows += r.rows[k].opex + r.rows[k].capex !=
					    r.rows[k].total;
			}
			bad_views += r.total.total != grand ||
				     o != r.total.opex || c != r.total.capex ||
				     t != r.total.total || a != r.total.actual;
			roadmap_budget_report_release(&r);
		}
		struct roadmap_schedule s;
		if (roadmap_schedule(rm, &s, &err)) {
			bad_sched++;
			roadmap_destroy(rm);
			continue;
		}
		roadmap_day *es = calloc(roadmap_initiative_count(rm),
					 sizeof(*es));
		roadmap_day *ef = calloc(roadmap_initiative_count(rm),
					 sizeof(*ef));
		bool *in_s = calloc(roadmap_initiative_count(rm), sizeof(bool));
		for (size_t k = 0; k < s.n; k++) {
			const struct roadmap_schedule_row *r = &s.rows[k];
			es[r->index] = r->earliest_start;
			ef[r->index] = r->earliest_end;
			in_s[r->index] = true;
			bad_slack += r->slack_days < 0 ||
				     r->earliest_start <
					     roadmap_initiative_at(rm, r->index)
						     ->start;
		}
		for (size_t i = 0; i < roadmap_initiative_count(rm); i++) {
			const struct roadmap_initiative *in =
				roadmap_initiative_at(rm, i);
			for (size_t d = 0; in_s[i] && d < in->n_depends_on; d++) {
				long p = roadmap_initiative_index(rm,
								  in->depends_on[d]);
				if (p >= 0 && in_s[p] && es[i] <= ef[p]) {
					bad_sched++;
				}
			}
		}
		free(es);
		free(ef);
		free(in_s);
		roadmap_schedule_release(&s);
		roadmap_destroy(rm);
	}
	is_int(bad_spend, 0,
	       "%d random roadmaps: every initiative's quarters sum to its "
	       "opex and capex",
	       runs);
	is_int(bad_views, 0,
	       "every budget view (quarter, year, pillar, goal, team) sums to "
	       "the same grand total");
	is_int(bad_rows, 0, "every row's opex + capex is its total");
	is_int(bad_sched, 0, "earliest dates satisfy every dependency");
	is_int(bad_slack, 0, "slack is never negative, nothing moves earlier");
}

static struct roadmap *load_text(const char *text)
{
	struct roadmap *rm = NULL;
	struct roadmap_error e;

	if (roadmap_load_buffer("r.json", text, strlen(text), &rm, &e)) {
		printf("# setup: %s\n", e.message);
	}
	return rm;
}

/*
 * The amounts findings carry and the baseline that compares them: an
 * overrun grown from 5,496.83 to 495,496.83 and a load above capacity
 * grown from 0.5 to 1.5 FTE stay, marked updated with the old amount; an
 * overrun that shrank is left out; a finding with no amount is compared
 * by its fingerprint alone.
 */
static void baseline_amounts(void)
{
	static const char *const base =
	    "{\"format\": 1, \"teams\": [{\"id\": \"t\", \"capacity\": 1}],"
	    " \"initiatives\": [{\"id\": \"a\", \"title\": \"A\","
	    " \"team\": \"t\", \"fte\": %s, \"start\": \"2026-01-01\","
	    " \"end\": \"2026-03-31\", \"opex\": %s}, {\"id\": \"c\","
	    " \"title\": \"C\", \"start\": \"2026-07-01\", \"end\":"
	    " \"2026-09-30\", \"opex\": %s}], \"budgets\": [{\"period\":"
	    " \"2026-Q1\", \"amount\": 100000}, {\"period\": \"2026-Q3\","
	    " \"amount\": 100000}]}";
	char t1[1024], t2[1024];
	struct roadmap_findings old, now;
	struct roadmap_error e;

	snprintf(t1, sizeof(t1), base, "1.5", "105496.83", "120000");
	snprintf(t2, sizeof(t2), base, "2.5", "595496.83", "110000");
	struct roadmap *a = load_text(t1), *b = load_text(t2);
	if (!a || !b || roadmap_check(a, &old, &e) ||
	    roadmap_check(b, &now, &e)) {
		ok(false, "the two roadmaps load and check");
		roadmap_destroy(a);
		roadmap_destroy(b);
		return;
	}
	/* a, c unaligned; 2026-Q1 and 2026-Q3 over; t@2026-Q1 over */
	is_int((long)old.n, 5, "five findings in the old roadmap");
	const struct roadmap_finding *x = &old.items[0];
	is_str(x->code, "budget-overrun", "the first is the Q1 overrun");
	is_int(x->amount_kind, ROADMAP_AMOUNT_MONEY, "its amount is money");
	is_int((long)x->amount, 549683L, "its excess in cents");
	x = &old.items[old.n - 1];
	is_str(x->code, "capacity-overrun", "the last is the team's load");
	is_int(x->amount_kind, ROADMAP_AMOUNT_FTE, "its amount is FTE");
	is_int((long)x->amount, 50L, "0.5 FTE above capacity, in hundredths");
	is_int(old.items[2].amount_kind, ROADMAP_AMOUNT_NONE,
	       "unaligned-initiative carries no amount");
	roadmap_findings_subtract(&now, &old);
	is_int((long)now.n, 2, "two findings grew, the rest are known");
	is_int((long)now.grew, 2, "counted as grown");
	is_int((long)now.known, 3, "three left out");
	is_int((long)now.errors, 1, "one error counts");
	is_int((long)now.warnings, 1, "and one warning");
	x = &now.items[0];
	is_int(x->baseline, ROADMAP_BASELINE_UPDATED, "the overrun is updated");
	is_int((long)x->baseline_amount, 549683L, "with the old excess");
	is_int((long)x->amount, 49549683L, "beside the new one");
	is_int(now.items[1].baseline, ROADMAP_BASELINE_UPDATED,
	       "and so is the load");
	roadmap_findings_release(&old);
	roadmap_findings_release(&now);

	/* show's findings are check's, filtered: with a day and without */
	struct roadmap_check_options day = {true, 0, false};
	struct roadmap_findings mine;
	roadmap_day_from_ymd(2026, 8, 1, &day.as_of);
	ok(roadmap_item_findings(b, "a", NULL, &mine, &e) == ROADMAP_OK &&
	       mine.n == 2 && mine.errors == 1 && mine.warnings == 1,
	   "the item's findings: unaligned, and its team's load");
	roadmap_findings_release(&mine);
	ok(roadmap_item_findings(b, "a", &day, &mine, &e) == ROADMAP_OK &&
	       mine.n == 3 && mine.warnings == 2 &&
	       strcmp(mine.items[2].code, "initiative-late") == 0,
	   "as of a day after its end, late too");
	roadmap_findings_release(&mine);
	ok(roadmap_item_findings(b, "nobody", NULL, &mine, &e) == ROADMAP_OK &&
	       mine.n == 0 && mine.errors == 0,
	   "an id no finding names has none");
	roadmap_findings_release(&mine);
	roadmap_destroy(a);
	roadmap_destroy(b);
}

int main(void)
{
	hand_computed();
	properties();
	baseline_amounts();
	return done_testing();
}
