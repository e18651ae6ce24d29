/* test-edit.c - validated edits: references refused, nothing half-done. */
#include "roadmap.h"
#include "tap.h"

#include <stdlib.h>

static char *save(struct roadmap *rm)
{
	char *out = NULL;
	size_t len;

	roadmap_save_buffer(rm, &out, &len, NULL);
	return out;
}

static void refused(struct roadmap *rm, enum roadmap_status st,
		    struct roadmap_error *err, const char *before,
		    const char *message, const char *what)
{
	char *after = save(rm);

	is_int(st, ROADMAP_ERR_DATA, "%s is refused", what);
	is_str(err->message, message, "%s message", what);
	is_str(after, before, "%s leaves the roadmap unchanged", what);
	free(after);
}

int main(void)
{
	struct roadmap *rm = roadmap_create();
	struct roadmap_error err;
	struct roadmap_goal g;
	struct roadmap_initiative in;
	struct roadmap_team t = {"platform", 1200};
	char *before;

	roadmap_goal_init(&g);
	g.id = "retention";
	g.title = "Raise retention";
	is_int(roadmap_add_goal(rm, &g, &err), ROADMAP_OK, "add a goal");
	is_int(roadmap_add_team(rm, &t, &err), ROADMAP_OK, "add a team");
	roadmap_initiative_init(&in);
	in.id = "pipeline";
	in.title = "Event pipeline";
	roadmap_day_from_ymd(2026, 1, 1, &in.start);
	roadmap_day_from_ymd(2026, 3, 31, &in.end);
	is_int(roadmap_add_initiative(rm, &in, &err), ROADMAP_OK,
	       "add an initiative");

	before = save(rm);
	refused(rm, roadmap_add_goal(rm, &g, &err), &err, before,
		"a goal \"retention\" already exists", "a duplicate goal");
	in.id = "retention";
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"a goal \"retention\" already exists",
		"an initiative named like a goal");
	in.id = "recs";
	const char *const goals[] = {"nope"}; /* a caller's constant list */
	in.goals = goals;
	in.n_goals = 1;
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"no goal \"nope\"", "a link to a missing goal");
	in.n_goals = 0;
	in.team = "ghost";
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"no team \"ghost\"", "a missing team");
	in.team = NULL;
	in.pillar = "moonshots";
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"no pillar \"moonshots\" (the roadmap's pillars: strategy, "
		"team, operations, innovation)",
		"an undeclared pillar");
	in.pillar = NULL;
	in.id = "bad id";
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"\"bad id\" is not a valid id (letters, digits, '.', '_', '-'; "
		"at most 64; starting with a letter or digit)",
		"an id with a space");
	in.id = "recs";
	/* values out of their field's range or words, as a caller of the
	 * library can build them (the table checks every field) */
	in.status = (enum roadmap_initiative_status)42;
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"\"recs\": status is 42, not one of proposed, approved, "
		"active, done, cancelled or deferred",
		"status 42");
	in.status = ROADMAP_PROPOSED;
	in.stage = (enum roadmap_stage)99;
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"\"recs\": stage is 99, not one of research, poc or "
		"implementation",
		"stage 99");
	in.stage = (enum roadmap_stage) - 1;
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"\"recs\": stage is -1, not one of research, poc or "
		"implementation",
		"stage -1");
	in.stage = ROADMAP_STAGE_NONE;
	in.priority = 9;
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"\"recs\": priority must be 1 to 5", "priority 9");
	in.priority = 0;
	refused(rm, roadmap_add_initiative(rm, &in, &err), &err, before,
		"\"recs\": priority must be 1 to 5",
		"an initiative's priority 0");
	in.priority = 3;
	g.id = "g2";
	g.priority = 6;
	refused(rm, roadmap_add_goal(rm, &g, &err), &err, before,
		"\"g2\": priority must be 1 to 5", "a goal's priority 6");
	g.priority = 0;
	g.id = "retention";

	refused(rm, roadmap_set_field(rm, "pipeline", "goals", "retention,x",
				      &err),
		&err, before, "no goal \"x\"", "set goals with a missing goal");
	refused(rm, roadmap_set_field(rm, "pipeline", "depends_on", "pipeline",
				      &err),
		&err, before, "\"pipeline\" cannot depend on itself",
		"a self-dependency");
	refused(rm, roadmap_set_field(rm, "pipeline", "depends_on", "retention",
				      &err),
		&err, before, "\"retention\" is a goal, not an initiative",
		"depending on a goal");
	refused(rm, roadmap_set_field(rm, "pipeline", "opex", "12abc", &err),
		&err, before,
		"opex \"12abc\" is not an amount (like 250k, 1.5M, 1,250,000 "
		"or 99.95)",
		"a bad amount");
	refused(rm, roadmap_set_field(rm, "pipeline", "end", "2026-02-30",
				      &err),
		&err, before, "2026-02-30 is not a date", "a bad date");
	refused(rm, roadmap_set_field(rm, "pipeline", "title", "", &err), &err,
		before, "title cannot be empty", "an empty title");
	refused(rm, roadmap_set_field(rm, "pipeline", "title", "a\tb", &err),
		&err, before, "title contains a control character",
		"a tab in a title");
	refused(rm,
		roadmap_set_field(rm, "pipeline", "title", "a\u202eb", &err),
		&err, before,
		"title contains a bidirectional control character (U+202E)",
		"a right-to-left override in a title");
	refused(rm, roadmap_set_field(rm, "nobody", "title", "x", &err), &err,
		before, "no goal, initiative, team or envelope \"nobody\"",
		"a missing item");
	refused(rm, roadmap_link(rm, "pipeline", "nope", true, &err), &err,
		before, "no goal \"nope\"", "link to a missing goal");
	refused(rm, roadmap_depend(rm, "pipeline", "nope", true, &err), &err,
		before, "no initiative \"nope\"", "depend on a missing one");
	free(before);

	is_int(roadmap_set_field(rm, "pipeline", "end", "2026-Q2", &err),
	       ROADMAP_OK, "set end to a quarter");
	char day[16];
	is_str(roadmap_day_format(roadmap_find_initiative(rm, "pipeline")->end,
				  day),
	       "2026-06-30", "an end period means its last day");
	is_int(roadmap_link(rm, "pipeline", "retention", true, &err),
	       ROADMAP_OK, "link");
	is_int(roadmap_link(rm, "pipeline", "retention", true, &err),
	       ROADMAP_OK, "link again is harmless");
	is_int(roadmap_find_initiative(rm, "pipeline")->n_goals, 1,
	       "and adds no duplicate");
	in.team = "platform";
	is_int(roadmap_add_initiative(rm, &in, &err), ROADMAP_OK,
	       "add a second initiative");
	is_int(roadmap_depend(rm, "recs", "pipeline", true, &err), ROADMAP_OK,
	       "depend");

	before = save(rm);
	refused(rm, roadmap_remove(rm, "pipeline", false, &err), &err, before,
		"\"pipeline\" is still referred to by \"recs\" (use --force to "
		"remove those references too)",
		"removing a prerequisite");
	refused(rm, roadmap_remove(rm, "platform", false, &err), &err, before,
		"\"platform\" is still referred to by \"recs\" (use --force to "
		"remove those references too)",
		"removing a team in use");
	free(before);
	is_int(roadmap_remove(rm, "pipeline", true, &err), ROADMAP_OK,
	       "rm --force");
	ok(roadmap_find_initiative(rm, "pipeline") == NULL, "it is gone");
	is_int(roadmap_find_initiative(rm, "recs")->n_depends_on, 0,
	       "and so is the dependency on it");
	ok(roadmap_find_initiative(rm, "recs") == roadmap_initiative_at(rm, 0),
	   "lookups are reindexed");
	is_int(roadmap_remove(rm, "platform", true, &err), ROADMAP_OK,
	       "rm --force a team");
	ok(roadmap_find_initiative(rm, "recs")->team == NULL,
	   "clears the team of its initiatives");

	is_int(roadmap_set_actual(rm, "recs", 2026 * 4 + 1, 500, &err),
	       ROADMAP_OK, "record an actual");
	is_int(roadmap_set_actual(rm, "recs", 2026 * 4 + 0, 100, &err),
	       ROADMAP_OK, "an earlier quarter");
	is_int(roadmap_set_actual(rm, "recs", 2026 * 4 + 1, 700, &err),
	       ROADMAP_OK, "replace the first");
	const struct roadmap_initiative *r = roadmap_find_initiative(rm, "recs");
	ok(r->n_actuals == 2 && r->actuals[0].amount == 100 &&
		   r->actuals[1].amount == 700,
	   "actuals stay sorted, replaced in place");

	/* many items: lookups stay right after growth and removals */
	char id[32];
	int wrong = 0;
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "g%d", i);
		g.id = id;
		g.title = "G";
		if (roadmap_add_goal(rm, &g, &err)) {
			wrong++;
		}
	}
	for (int i = 0; i < 5000; i += 2) {
		snprintf(id, sizeof(id), "g%d", i);
		roadmap_remove(rm, id, false, &err);
	}
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "g%d", i);
		const struct roadmap_goal *f = roadmap_find_goal(rm, id);
		if ((i % 2 == 0) != (f == NULL) ||
		    (f && strcmp(f->id, id) != 0)) {
			wrong++;
		}
	}
	is_int(wrong, 0, "5000 goals added, half removed, lookups right");
	roadmap_destroy(rm);
	roadmap_destroy(NULL);

	/* what must be escaped when echoed: each case its length and verdict */
	static const struct {
		const char *s;
		size_t len;
		bool unsafe;
	} chars[] = {
	    {"a", 1, false},
	    {"\x1b", 1, true},
	    {"\x7f", 1, true},
	    {"\xc2\x85", 2, true},  /* NEL, a C1 control */
	    {"\xc2\xa0", 2, false}, /* no-break space */
	    {"\xff", 1, true},
	    {"\xe2\x80", 1, true},	/* a sequence cut short */
	    {"\xd8\x9c", 2, true},	/* U+061C */
	    {"\xe2\x80\x8d", 3, false}, /* U+200D, the zero-width joiner */
	    {"\xe2\x80\x8e", 3, true},	/* U+200E */
	    {"\xe2\x80\xae", 3, true},	/* U+202E */
	    {"\xe2\x81\xa9", 3, true},	/* U+2069 */
	    {"\xe2\x81\xaa", 3, false}, /* U+206A, not a bidi control */
	    {"\xf0\x9f\x92\xbb", 4, false},
	};
	for (size_t i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
		bool unsafe = !chars[i].unsafe;
		size_t k =
		    roadmap_text_char(chars[i].s, strlen(chars[i].s), &unsafe);
		is_int((int)k, (int)chars[i].len, "char %zu: its length", i);
		is_int(unsafe, chars[i].unsafe, "char %zu: %s", i,
		       chars[i].unsafe ? "escaped" : "shown");
	}
	return done_testing();
}
