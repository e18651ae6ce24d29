/*
 * embed.c - libroadmap from another program: build a small roadmap in
 * memory, run the alignment check and print the findings, through the
 * public API only.
 *
 *   cc embed.c $(pkg-config --cflags --libs roadmap) -o embed && ./embed
 */
#include <roadmap.h>
#include <stdio.h>

static int fail(const struct roadmap_error *err)
{
	char line[1400];

	fprintf(stderr, "embed: %s\n", roadmap_error_format(err, line,
							    sizeof(line)));
	return 1;
}

static roadmap_day day(const char *period, int as_end)
{
	struct roadmap_period p;

	roadmap_period_parse(period, 1, &p, NULL);
	return as_end ? p.last : p.first;
}

int main(void)
{
	struct roadmap_error err;
	struct roadmap *rm = roadmap_create();
	struct roadmap_goal goal;
	struct roadmap_initiative in;
	/* designated: the structs may gain fields (see roadmap.h) */
	struct roadmap_budget budget = {.is_year = false, .year = 2026, .quarter = 3};
	struct roadmap_findings findings;
	int rc = 0;

	if (!rm) {
		fprintf(stderr, "embed: out of memory\n");
		return 1;
	}
	roadmap_goal_init(&goal);
	goal.id = "retention";
	goal.title = "Raise customer retention";
	if (roadmap_add_goal(rm, &goal, &err)) {
		rc = fail(&err);
		goto out;
	}

	/* two initiatives: the second starts before the first has ended */
	roadmap_initiative_init(&in);
	in.id = "pipeline";
	in.title = "Event pipeline";
	in.start = day("2026-Q2", 0);
	in.end = day("2026-Q3", 1);
	in.opex = 40000000; /* cents: 400,000.00 */
	if (roadmap_add_initiative(rm, &in, &err) ||
	    roadmap_link(rm, "pipeline", "retention", 1, &err)) {
		rc = fail(&err);
		goto out;
	}
	roadmap_initiative_init(&in);
	in.id = "recs";
	in.title = "Recommendations";
	in.start = day("2026-Q3", 0);
	in.end = day("2026-Q4", 1);
	if (roadmap_add_initiative(rm, &in, &err) ||
	    roadmap_depend(rm, "recs", "pipeline", 1, &err) ||
	    roadmap_money_parse("250k", &budget.amount, &err) ||
	    roadmap_add_budget(rm, &budget, &err)) {
		rc = fail(&err);
		goto out;
	}

	if (roadmap_check(rm, &findings, &err)) {
		rc = fail(&err);
		goto out;
	}
	for (size_t i = 0; i < findings.n; i++) {
		const struct roadmap_finding *f = &findings.items[i];
		printf("%s %s %s: %s\n", roadmap_severity_name(f->severity),
		       f->code, f->subject, f->message);
	}
	printf("errors: %zu, warnings: %zu\n", findings.errors,
	       findings.warnings);
	roadmap_findings_release(&findings);
out:
	roadmap_destroy(rm);
	return rc;
}
