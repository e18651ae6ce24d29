/*
 * select.c - one selection of initiatives for every report (roadmap(1),
 * SELECTIONS): the filters of `list`, the roadmap narrowed to what they
 * select (with the envelopes whose scope lies inside it), the findings
 * about selected items, and the selection in words for a page's title.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

/* Whether s is one of the comma-separated names in list. */
static bool in_list(const char *list, const char *s)
{
	size_t n = strlen(s);

	for (const char *p = list;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, s, n) == 0) {
			return true;
		}
		if (!comma) {
			return false;
		}
		p = comma + 1;
	}
}

bool roadmap_selection_given(const struct roadmap_selection *sel)
{
	return sel && (sel->statuses || sel->pillars || sel->goals ||
		       sel->owners || sel->teams || sel->ids);
}

bool roadmap_owned_by(const struct roadmap_selection *sel, const char *owner)
{
	/* a name may hold a comma: the whole text, or one of its names */
	return !sel->owners || (owner && (strcmp(sel->owners, owner) == 0 ||
					  in_list(sel->owners, owner)));
}

bool roadmap_of_pillar(const struct roadmap_selection *sel, const char *pillar)
{
	return !sel->pillars || (pillar && in_list(sel->pillars, pillar));
}

bool roadmap_selects(const struct roadmap_selection *sel,
		     const struct roadmap_initiative *in)
{
	if (!roadmap_selection_given(sel)) {
		return true;
	}
	if (sel->statuses && !(sel->statuses & 1u << in->status)) {
		return false;
	}
	if (sel->ids && !in_list(sel->ids, in->id)) {
		return false;
	}
	if (!roadmap_of_pillar(sel, in->pillar)) {
		return false;
	}
	if (sel->teams && !(in->team && in_list(sel->teams, in->team))) {
		return false;
	}
	if (!roadmap_owned_by(sel, in->owner)) {
		return false;
	}
	if (sel->goals) {
		bool any = false;
		for (size_t k = 0; k < in->n_goals && !any; k++) {
			any = in_list(sel->goals, in->goals[k]);
		}
		return any;
	}
	return true;
}

/* Only pillars are chosen: then an envelope of a chosen pillar has all
 * its scope inside the selection. */
static bool envelope_inside(const struct roadmap_selection *sel,
			    const struct roadmap_budget *b)
{
	return b->pillar && sel->pillars && !sel->statuses && !sel->goals &&
	       !sel->owners && !sel->teams && !sel->ids &&
	       in_list(sel->pillars, b->pillar);
}

enum roadmap_status roadmap_select(struct roadmap *rm,
				   const struct roadmap_selection *sel,
				   struct roadmap_error *err)
{
	size_t w = 0;

	if (!roadmap_selection_given(sel)) {
		return ROADMAP_OK;
	}
	bool *keep = malloc((rm->n_inits + 1) * sizeof(bool));
	if (!keep) {
		return rm_nomem(err);
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		keep[i] = roadmap_selects(sel, &rm->inits[i]);
	}
	/* prerequisites outside the selection are not in it */
	for (size_t i = 0; i < rm->n_inits; i++) {
		struct roadmap_initiative *in = &rm->inits[i];
		char **deps = rm_list_own(in->depends_on);
		size_t n = 0, j;
		if (!keep[i]) {
			continue;
		}
		for (size_t k = 0; k < in->n_depends_on; k++) {
			if (idmap_get(&rm->init_ids, deps[k], &j) && !keep[j]) {
				free(deps[k]);
			} else {
				deps[n++] = deps[k];
			}
		}
		in->n_depends_on = n;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		if (!keep[i]) {
			rm_initiative_free(&rm->inits[i]);
		} else {
			rm->inits[w++] = rm->inits[i];
		}
	}
	rm->n_inits = w;
	free(keep);
	/* the goals the selected work serves; the others say nothing of it
	 * (a goal's state would be that of work left out) */
	bool *served = calloc(rm->n_goals + 1, sizeof(bool));
	if (!served) {
		return rm_nomem(err);
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		for (size_t k = 0; k < rm->inits[i].n_goals; k++) {
			size_t g;
			if (idmap_get(&rm->goal_ids, rm->inits[i].goals[k],
				      &g)) {
				served[g] = true;
			}
		}
	}
	w = 0;
	for (size_t g = 0; g < rm->n_goals; g++) {
		if (served[g]) {
			rm->goals[w++] = rm->goals[g];
		} else {
			rm_goal_free(&rm->goals[g]);
		}
	}
	rm->n_goals = w;
	free(served);
	w = 0;
	for (size_t i = 0; i < rm->n_budgets; i++) {
		if (envelope_inside(sel, &rm->budgets[i])) {
			rm->budgets[w] = rm->budgets[i];
			rm->budget_keys[w++] = rm->budget_keys[i];
		} else {
			free((char *)rm->budgets[i].pillar);
			free(rm->budget_keys[i]);
		}
	}
	rm->n_budgets = w;
	return rm_reindex(rm) && rm_reindex_budgets(rm) ? ROADMAP_OK
							: rm_nomem(err);
}

enum roadmap_status roadmap_findings_select(const struct roadmap *rm,
					    const struct roadmap_selection *sel,
					    struct roadmap_findings *f,
					    struct roadmap_error *err)
{
	size_t w = 0;

	if (!roadmap_selection_given(sel)) {
		return ROADMAP_OK;
	}
	f->errors = f->warnings = f->infos = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct roadmap_finding *x = &f->items[i];
		const struct roadmap_initiative *in =
		    roadmap_find_initiative(rm, x->subject);
		bool about = in && roadmap_selects(sel, in);
		for (size_t k = 0; k < x->n_related && !about; k++) {
			in = roadmap_find_initiative(rm, x->related[k]);
			about = in && roadmap_selects(sel, in);
		}
		/* an envelope whose scope lies inside the selection (a
		 * pillar's, under --pillar) is about the selected work too */
		size_t b;
		about = about ||
			(idmap_get(&rm->budget_ids, x->subject, &b) &&
			 envelope_inside(sel, &rm->budgets[b]));
		if (!about) {
			free(x->subject);
			free(x->message);
			rm_list_free(rm_list_own(x->related), x->n_related);
			continue;
		}
		f->errors += x->severity == ROADMAP_SEVERITY_ERROR;
		f->warnings += x->severity == ROADMAP_SEVERITY_WARNING;
		f->infos += x->severity == ROADMAP_SEVERITY_INFO;
		f->items[w++] = *x;
	}
	f->n = w;
	(void)err;
	return ROADMAP_OK;
}

char *roadmap_selection_text(const struct roadmap_selection *sel)
{
	struct strbuf b = {0};
	const struct {
		const char *name, *value;
	} parts[] = {{ROADMAP_FIELD_ID, sel ? sel->ids : NULL},
		     {ROADMAP_FIELD_PILLAR, sel ? sel->pillars : NULL},
		     {ROADMAP_WORD_GOAL, sel ? sel->goals : NULL},
		     {ROADMAP_FIELD_OWNER, sel ? sel->owners : NULL},
		     {ROADMAP_WORD_TEAM, sel ? sel->teams : NULL}};

	sb_put(&b, "", 0);
	if (sel && sel->statuses) {
		sb_puts(&b, ROADMAP_FIELD_STATUS " = ");
		bool first = true;
		for (int s = 0; roadmap_initiative_status_name(
			 (enum roadmap_initiative_status)s);
		     s++) {
			if (sel->statuses & 1u << s) {
				sb_puts(&b, first ? "" : ", ");
				sb_puts(&b,
					roadmap_initiative_status_name(
					    (enum roadmap_initiative_status)s));
				first = false;
			}
		}
	}
	for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
		if (!parts[k].value) {
			continue;
		}
		sb_puts(&b, b.len ? "; " : "");
		sb_puts(&b, parts[k].name);
		sb_puts(&b, " = ");
		for (const char *p = parts[k].value; *p; p++) {
			sb_put(&b, p, 1);
			if (*p == ',') {
				sb_put(&b, " ", 1);
			}
		}
	}
	if (b.failed) {
		sb_release(&b);
		return NULL;
	}
	return b.data;
}
