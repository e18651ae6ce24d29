/*
 * merge.h - what the files of the three-way merge share (merge.c the items
 * and the values, merge-settings.c the settings, the scenarios and the
 * report): the merge's state and the rule for one value.
 */
#ifndef ROADMAP_MERGE_H
#define ROADMAP_MERGE_H

#include "scenario.h"

#define SCENARIO_WORD "scenario"
#define OURS "ours"
#define THEIRS "theirs"

struct merge {
	const struct roadmap *b, *t;
	struct roadmap *o;
	/* the changes to ours: items replaced and removed, then added */
	struct rm_scenario fix, add;
	/* ours' items that fix removes, by kind */
	bool *gone[RM_CH_KINDS];
	struct roadmap_merge_conflicts *out;
	bool nomem;
};

/* a and b are the same value (NULL: absent). */
bool rm_merge_same(const cJSON *a, const cJSON *b);
/* Lists a conflict; the values are copied (NULL: null). */
void rm_merge_conflict(struct merge *m, const char *kind, const char *id,
		       const char *field, const cJSON *b, const cJSON *o,
		       const cJSON *t, const char *removed, const char *why);
/* The member key of o, or NULL (o may be NULL). */
const cJSON *rm_merge_get(const cJSON *o, const char *key);
/* A list merged as a set (NULL and *empty when nothing is left; NULL
 * alone when out of memory). */
cJSON *rm_merge_set(const cJSON *b, const cJSON *o, const cJSON *t,
		    bool *empty);
/* The three-way rule: the merged value, *clash when both changed it
 * differently (ours is then the value). */
const cJSON *rm_merge_pick(const cJSON *b, const cJSON *o, const cJSON *t,
			   bool *clash);
/* A copy of v (when not NULL) into obj as key. */
void rm_merge_put(cJSON *obj, const char *key, const cJSON *v, bool *ok);
/* The settings and the scenarios merged into ours. */
enum roadmap_status rm_merge_settings(struct merge *m,
				      struct roadmap_error *err);

#endif
