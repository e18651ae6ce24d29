/*
 * roadmap-merge.h - libroadmap's three-way merge of roadmaps (roadmap(1),
 * merge): git's merge driver for the roadmap file.
 *
 * Included by roadmap.h (include either); the conventions are roadmap.h's.
 */
#ifndef ROADMAP_MERGE_H_PUBLIC
#define ROADMAP_MERGE_H_PUBLIC

#include "roadmap.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * One conflict of a three-way merge (roadmap(1), merge): kind
 * ("initiative", "goal", "team", "budget", "setting", "scenario"), id
 * (the item's id, an envelope's key "FY2027/innovation", a setting's
 * `config` key, a scenario's name), field (NULL: the whole item, setting
 * or scenario; "actuals.2027-Q2" is one record of a dated field), and the
 * three values as JSON text, "null" when absent: a field's as `list
 * --format json` shows it, a whole item's as the file holds it. removed is
 * "ours" or "theirs" when that side removed the item (its value is then
 * "null"), else NULL; why, when not NULL, says why the item could not be
 * merged at all (its merged dates would not load; theirs adds a goal of an
 * id that is an initiative in ours). The strings belong to the list.
 */
struct roadmap_merge_conflict {
	const char *kind, *id, *field;
	const char *base, *ours, *theirs;
	const char *removed, *why;
};
struct roadmap_merge_conflicts {
	struct roadmap_merge_conflict *items;
	size_t n;
};

/*
 * Merges into ours what changed from base to theirs, field by field and
 * keyed by ids (roadmap(1), merge): items added or removed on one side are
 * added or removed; list fields (goals, depends_on, pillars) merge as
 * sets; dated records (actuals, progress, measurements, capacity_changes)
 * by their quarter or day; settings key by key; envelopes by period and
 * pillar; scenarios by name, each as one value. Where both sides changed
 * a value differently, or one removed an item the other changed, ours is
 * kept and the conflict listed in *out (empty when the merge is clean;
 * release it with roadmap_merge_conflicts_release()). ours then always
 * saves and loads again. ROADMAP_ERR_DATA, ours unchanged, when the three
 * do not share one fiscal_year_start (their quarters would not line up);
 * ROADMAP_ERR_NOMEM (ours then half merged: destroy it).
 */
ROADMAP_API enum roadmap_status
roadmap_merge(const struct roadmap *base, struct roadmap *ours,
	      const struct roadmap *theirs, struct roadmap_merge_conflicts *out,
	      struct roadmap_error *err);
ROADMAP_API void
roadmap_merge_conflicts_release(struct roadmap_merge_conflicts *c);

/*
 * The conflicts for people (one line each, nothing when there are none)
 * or as JSON ({"conflicts": [{"kind", "id", "field", "base", "ours",
 * "theirs"}, ...], "merged": true when there are none}; "removed" and
 * "why" added where they apply), malloc'ed into *out.
 */
ROADMAP_API enum roadmap_status
roadmap_merge_report(const struct roadmap_merge_conflicts *c,
		     enum roadmap_output form, char **out,
		     struct roadmap_error *err);

#ifdef __cplusplus
}
#endif

#endif
