/* scenarios.c - the list of a roadmap's scenarios (roadmap(1), scenario
 * list): name, changes and conflicts, as rows and as JSON. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The scenarios' names, change counts and conflict counts. */
static enum roadmap_status conflicts_of(const struct roadmap *rm, size_t i,
					size_t *n, struct roadmap_error *err)
{
	struct roadmap_scenario_conflicts c;
	enum roadmap_status st = roadmap_scenario_conflicts(
	    rm, roadmap_scenario_name(rm, i), &c, err);

	*n = c.n;
	roadmap_scenario_conflicts_release(&c);
	return st;
}

enum roadmap_status roadmap_scenario_list_rows(const struct roadmap *rm,
					       struct roadmap_rows *out,
					       struct roadmap_error *err)
{
	static const char *const head[] = {ROADMAP_KEY_NAME,
					   ROADMAP_KEY_CHANGES, "conflicts"};
	size_t n = roadmap_scenario_count(rm);
	char **cells = calloc((n + 1) * 3, sizeof(char *));
	bool ok = cells != NULL;
	enum roadmap_status st = ROADMAP_OK;

	memset(out, 0, sizeof(*out));
	out->n_cols = 3;
	out->n_rows = n;
	out->cells = (const char *const *)cells;
	out->text = calloc(3, sizeof(bool));
	ok = ok && out->text;
	for (size_t c = 0; ok && c < 3; c++) {
		ok = (cells[c] = rm_rows_strdup(out, head[c])) != NULL;
	}
	if (out->text) {
		out->text[0] = true;
	}
	for (size_t i = 0; ok && i < n; i++) {
		char a[32], b[32];
		size_t conflicts = 0;
		if ((st = conflicts_of(rm, i, &conflicts, err))) {
			break;
		}
		snprintf(a, sizeof(a), "%zu", roadmap_scenario_changes(rm, i));
		snprintf(b, sizeof(b), "%zu", conflicts);
		ok = (cells[3 * (i + 1)] =
			  rm_rows_strdup(out, roadmap_scenario_name(rm, i))) &&
		     (cells[3 * (i + 1) + 1] = rm_rows_strdup(out, a)) &&
		     (cells[3 * (i + 1) + 2] = rm_rows_strdup(out, b));
	}
	if (st || !ok) {
		roadmap_rows_release(out);
		return st ? st : rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_scenario_list_json(const struct roadmap *rm,
					       char **out,
					       struct roadmap_error *err)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	bool ok = root != NULL;
	enum roadmap_status st = ROADMAP_OK;
	struct strbuf b = {0};

	arr =
	    rm_json_add(root, ROADMAP_KEY_SCENARIOS, cJSON_CreateArray(), &ok);
	for (size_t i = 0; ok && i < roadmap_scenario_count(rm); i++) {
		size_t conflicts = 0;
		if ((st = conflicts_of(rm, i, &conflicts, err))) {
			break;
		}
		cJSON *o = cJSON_CreateObject();
		rm_json_push(arr, o, &ok);
		rm_json_add(o, ROADMAP_KEY_NAME,
			    rm_json_ref(roadmap_scenario_name(rm, i)), &ok);
		rm_json_add(
		    o, ROADMAP_KEY_CHANGES,
		    cJSON_CreateNumber((double)roadmap_scenario_changes(rm, i)),
		    &ok);
		rm_json_add(o, "conflicts",
			    cJSON_CreateNumber((double)conflicts), &ok);
	}
	if (st || !ok) {
		cJSON_Delete(root);
		return st ? st : rm_nomem(err);
	}
	st = rm_json_finish(&b, root, out, NULL, err);
	cJSON_Delete(root);
	return st;
}
