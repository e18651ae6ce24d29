/* test-store.c - loading, rejection messages and canonical saving. */
#include "roadmap.h"
#include "tap.h"

#include <stdlib.h>

static const char canonical[] =
    "{\n"
    "  \"format\": 1,\n"
    "  \"name\": \"Acme \\\"FY2027\\\"\",\n"
    "  \"currency\": \"EUR\",\n"
    "  \"fiscal_year_start\": 7,\n"
    "  \"pillars\": [\"run\", \"grow\", \"transform\"],\n"
    "  \"policy\": {\n"
    "    \"max_open_per_owner\": 2,\n"
    "    \"target_mix\": {\n"
    "      \"run\": 60,\n"
    "      \"grow\": 30,\n"
    "      \"transform\": 10\n"
    "    },\n"
    "    \"mix_tolerance\": 2.5\n"
    "  },\n"
    "  \"teams\": [\n"
    "    {\n"
    "      \"id\": \"platform\",\n"
    "      \"capacity\": 12.5\n"
    "    }\n"
    "  ],\n"
    "  \"goals\": [\n"
    "    {\n"
    "      \"id\": \"retention\",\n"
    "      \"title\": \"Raise retention \xC3\xA9\",\n"
    "      \"baseline\": 70.5,\n"
    "      \"target\": 84,\n"
    "      \"unit\": \"%\",\n"
    "      \"due\": \"2027-06-30\",\n"
    "      \"priority\": 1\n"
    "    }\n"
    "  ],\n"
    "  \"initiatives\": [\n"
    "    {\n"
    "      \"id\": \"recs\",\n"
    "      \"title\": \"Recs\",\n"
    "      \"goals\": [\"retention\", \"ghost\"],\n"
    "      \"pillar\": \"grow\",\n"
    "      \"stage\": \"poc\",\n"
    "      \"status\": \"active\",\n"
    "      \"start\": \"2026-07-01\",\n"
    "      \"end\": \"2026-12-31\",\n"
    "      \"opex\": 99.95,\n"
    "      \"capex\": 1000000000000,\n"
    "      \"fte\": 0.25,\n"
    "      \"depends_on\": [\"nowhere\"],\n"
    "      \"priority\": 1,\n"
    "      \"benefit\": 0,\n"
    "      \"actuals\": {\n"
    "        \"2027-Q1\": 10.1,\n"
    "        \"2027-Q2\": 0\n"
    "      }\n"
    "    }\n"
    "  ],\n"
    "  \"budgets\": [\n"
    "    {\n"
    "      \"period\": \"2027-Q1\",\n"
    "      \"amount\": 1500000\n"
    "    },\n"
    "    {\n"
    "      \"period\": \"FY2027\",\n"
    "      \"pillar\": \"grow\",\n"
    "      \"amount\": 900000.5\n"
    "    }\n"
    "  ]\n"
    "}\n";

static void rejects(const char *doc, const char *want)
{
	struct roadmap *rm = (struct roadmap *)1;
	struct roadmap_error err;
	char line[1400], name[200];
	size_t o = 0;

	/* the document in the test's name, its newlines shown as \n (a raw
	 * one would end the TAP line) */
	for (const char *p = doc; *p && o + 3 < sizeof(name); p++) {
		if (*p == '\n') {
			name[o++] = '\\';
			name[o++] = 'n';
		} else {
			name[o++] = *p;
		}
	}
	name[o] = '\0';
	is_int(roadmap_load_buffer("t.json", doc, strlen(doc), &rm, &err),
	       ROADMAP_ERR_DATA, "rejects %s", name);
	ok(rm == NULL, "and returns no roadmap");
	is_str(roadmap_error_format(&err, line, sizeof(line)), want,
	       "message for %s", name);
}

int main(void)
{
	struct roadmap *rm;
	struct roadmap_error err;
	char *out;
	size_t len;

	is_int(roadmap_load_buffer("c.json", canonical, strlen(canonical), &rm,
				   &err),
	       ROADMAP_OK, "the canonical document loads");
	if (!rm) {
		printf("# %s\n", err.message);
		return done_testing();
	}
	is_int(roadmap_save_buffer(rm, &out, &len, &err), ROADMAP_OK, "saves");
	is_str(out, canonical, "and saves byte for byte");
	is_int(len, strlen(canonical), "with the right length");
	free(out);
	is_int(roadmap_initiative_at(rm, 0)->capex, INT64_C(100000000000000),
	       "1e12 capex held exactly");
	is_int(roadmap_initiative_at(rm, 0)->opex, 9995, "99.95 opex exact");
	is_int(roadmap_team_at(rm, 0)->capacity, 1250, "capacity 12.5");
	roadmap_destroy(rm);

	/* defaults are left out; periods in the file become dates */
	const char *loose = "{\"format\":1,\"currency\":\"USD\","
			    "\"fiscal_year_start\":1,\"pillars\":[\"strategy\","
			    "\"team\",\"operations\",\"innovation\"],"
			    "\"policy\":{\"max_open_per_owner\":3},"
			    "\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
			    "\"start\":\"2026-Q1\",\"end\":\"2026-02\","
			    "\"status\":\"proposed\",\"priority\":3,"
			    "\"opex\":0,\"goals\":[]}]}";
	roadmap_load_buffer("l.json", loose, strlen(loose), &rm, &err);
	roadmap_save_buffer(rm, &out, &len, &err);
	is_str(out,
	       "{\n  \"format\": 1,\n  \"initiatives\": [\n    {\n"
	       "      \"id\": \"a\",\n      \"title\": \"A\",\n"
	       "      \"start\": \"2026-01-01\",\n"
	       "      \"end\": \"2026-02-28\"\n    }\n  ]\n}\n",
	       "defaults are left out and periods become dates");
	free(out);
	roadmap_destroy(rm);

	rejects("", "t.json:1:1: the file is empty");
	rejects("  \n ", "t.json:2:2: the file is empty");
	rejects("{\"format\":1", "t.json:1:12: unexpected end of file");
	rejects("{\"format\":1} {}",
		"t.json:1:14: unexpected text after the end of the document");
	rejects("{\"format\":1,\n\"name\" \"x\"}", "t.json:2:8: expected ':'");
	rejects("{\"format\":01}",
		"t.json:1:11: leading zeros are not allowed in a number");
	rejects("{\"format\":1,\"name\":\"a\\u0000b\"}",
		"t.json:1:22: \\u0000 is not allowed in a string");
	rejects("{\"format\":1,\"name\":\"\\ud800\"}",
		"t.json:1:21: lone surrogate in a \\u escape");
	rejects("{\"format\":1,\"name\":\"\xC0\xAF\"}",
		"t.json:1:21: invalid UTF-8");
	rejects("{\"format\":1,\"name\":\"\xED\xA0\x80\"}",
		"t.json:1:21: invalid UTF-8");
	rejects("\xEF\xBB\xBF{\"format\":1}",
		"t.json:1:1: the file starts with a UTF-8 byte order mark "
		"(save it without one)");
	rejects("{\"format\":2}",
		"t.json: unknown format 2 (this version reads format 1)");
	rejects("{}", "t.json: missing required field \"format\" (add "
		      "\"format\": 1)");
	rejects("[]", "t.json: the document must be a JSON object");
	rejects("{\"format\":1,\"name\":\"a\",\"name\":\"b\"}",
		"t.json: duplicate key \"name\"");
	rejects("{\"format\":1,\"Name\":\"b\"}",
		"t.json: unknown field \"Name\"");
	rejects("{\"format\":1,\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
		"\"start\":\"2026-01-01\",\"end\":\"2026-02-30\"}]}",
		"t.json: initiatives[0] \"a\": end 2026-02-30 is not a date");
	rejects(
	    "{\"format\":1,\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
	    "\"start\":\"2026-01-01\",\"end\":\"2026-02-01\","
	    "\"opex\":1.001}]}",
	    "t.json: initiatives[0] \"a\": opex has more than two decimals");
	rejects("{\"format\":1,\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
		"\"start\":\"2026-01-01\",\"end\":\"2026-02-01\","
		"\"opex\":-0}]}",
		"t.json:1:97: number -0 is negative zero, not a value "
		"(write 0)");
	rejects("{\"format\":1,\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
		"\"start\":\"2026-01-01\",\"end\":\"2026-02-01\","
		"\"capex\":1e400}]}",
		"t.json:1:98: number 1e400 is out of range (numbers are "
		"below 1e16 and, unless 0, at least 1e-15)");
	/* numbers held exactly as written or refused, never rewritten */
	rejects("{\"format\":1,\"teams\":[{\"id\":\"t\",\"capacity\":"
		"1.10000000000000000001}]}",
		"t.json:1:43: number 1.10000000000000000001 has more than 15 "
		"significant digits");
	rejects("{\"format\":1,\"teams\":[{\"id\":\"t\",\"capacity\":"
		"1000000000000.00001}]}",
		"t.json:1:43: number 1000000000000.00001 has more than 15 "
		"significant digits");
	rejects("{\"format\":1,\"teams\":[{\"id\":\"t\",\"capacity\":"
		"1e-400}]}",
		"t.json:1:43: number 1e-400 is out of range (numbers are "
		"below 1e16 and, unless 0, at least 1e-15)");
	rejects("{\"format\":1,\"goals\":[{\"id\":\"g\",\"title\":\"G\","
		"\"priority\":2.9999999999999999999}]}",
		"t.json:1:55: number 2.9999999999999999999 has more than 15 "
		"significant digits");
	rejects("{\"format\":1,\"policy\":{\"actuals_tolerance\":10000000}}",
		"t.json: policy: actuals_tolerance must be 0 to 1000000 "
		"(percent)");
	rejects("{\"format\":1,\"goals\":[{\"id\":\"a\",\"title\":\"A\"}],"
		"\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
		"\"start\":\"2026-01-01\",\"end\":\"2026-02-01\"}]}",
		"t.json: initiatives[0] \"a\": duplicate id \"a\"");
	rejects("{\"format\":1,\"goals\":[{\"id\":\"=cmd\",\"title\":\"A\"}]}",
		"t.json: goals[0]: id \"=cmd\" is not a valid id");
	rejects("{\"format\":1,\"budgets\":[{\"period\":\"2026-Q1\","
		"\"amount\":1},{\"period\":\"2026-Q1\",\"amount\":2}]}",
		"t.json: budgets[1]: a second budget for 2026-Q1");
	rejects(
	    "{\"format\":1,\"budgets\":[{\"period\":\"2026-03\","
	    "\"amount\":1}]}",
	    "t.json: budgets[0]: period \"2026-03\" is not a fiscal quarter "
	    "(YYYY-Qn) or fiscal year (FYYYYY)");

	/* references to missing items load: they are findings of check */
	const char *dangling =
	    "{\"format\":1,\"initiatives\":[{\"id\":\"a\",\"title\":\"A\","
	    "\"start\":\"2026-01-01\",\"end\":\"2026-02-01\","
	    "\"goals\":[\"nope\"],\"team\":\"ghost\",\"pillar\":\"odd\","
	    "\"depends_on\":[\"b\"]}]}";
	is_int(roadmap_load_buffer("d.json", dangling, strlen(dangling), &rm,
				   &err),
	       ROADMAP_OK, "dangling references still load");
	roadmap_destroy(rm);

	/* a 100,000-deep array is refused without recursion trouble */
	size_t deep = 100000;
	char *doc = malloc(deep * 2 + 1);
	memset(doc, '[', deep);
	memset(doc + deep, ']', deep);
	doc[deep * 2] = '\0';
	is_int(roadmap_load_buffer("deep.json", doc, deep * 2, &rm, &err),
	       ROADMAP_ERR_DATA, "deep nesting is rejected");
	is_str(err.message, "nested too deeply", "with its message");
	free(doc);

	/* where the items are: the line of an id (an envelope's period) */
	static const char placed[] =
	    "{\"format\": 1,\n"
	    "\"teams\": [{\"capacity\": 2,\n \"id\": \"t\"}],\n"
	    "\"goals\": [\n {\n  \"title\": \"G\",\n  \"id\": \"g\"\n },\n"
	    " {\"id\": \"h\", \"title\": \"H\"}],\n"
	    "\"initiatives\": [{\"id\": \"a\", \"title\": \"A\", \"start\": "
	    "\"2026-01-01\", \"end\": \"2026-02-01\", \"depends_on\": "
	    "[\"b\"],\n"
	    "\"goals\": [\"g\"]}, {\"title\": \"B\", \"start\": "
	    "\"2026-01-01\",\n"
	    "\"end\": \"2026-02-01\", \"id\": \"b\"}],\n"
	    "\"budgets\": [{\"amount\": 5,\n\n \"period\": \"2026-Q1\"}]}\n";
	is_int(roadmap_load_buffer("p.json", placed, strlen(placed), &rm, &err),
	       ROADMAP_OK, "a file laid out by hand loads");
	is_int(roadmap_team_at(rm, 0)->line, 3, "a team: its id's line");
	is_int(roadmap_goal_at(rm, 0)->line, 7,
	       "a goal: its id's, not its brace's");
	is_int(roadmap_goal_at(rm, 1)->line, 9, "two on one line apart");
	is_int(roadmap_initiative_at(rm, 0)->line, 10,
	       "an initiative whose lists follow");
	is_int(roadmap_initiative_at(rm, 1)->line, 12,
	       "an initiative whose id comes last");
	is_int(roadmap_budget_at(rm, 0)->line, 15, "an envelope: its period's");
	roadmap_destroy(rm);
	return done_testing();
}
