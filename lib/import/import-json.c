/*
 * import-json.c - a roadmap file or a "roadmap-export/1" merged in: its
 * fiscal calendar converted, its settings compared and the ones left out
 * named, every bad item reported.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An export (roadmap-export/1) becomes a roadmap document: computed
 * fields and nulls go, so the strict loader accepts the rest. */
static void strip_export(cJSON *root)
{
	static const char *const top[] = {ROADMAP_KEY_FORMAT, "generated",
					  ROADMAP_WORD_BUDGET, "findings",
					  "tracking"};
	static const char *const computed[] = {
	    "planned", ROADMAP_WORD_TOTAL,     "spend", "schedule",
	    "kind",    ROADMAP_KEY_INITIATIVES};

	for (size_t i = 0; i < 5; i++) {
		cJSON_DeleteItemFromObjectCaseSensitive(root, top[i]);
	}
	cJSON_AddItemToObject(root, ROADMAP_KEY_FORMAT, cJSON_CreateNumber(1));
	const char *lists[] = {ROADMAP_KEY_TEAMS, ROADMAP_KEY_GOALS,
			       ROADMAP_KEY_INITIATIVES, ROADMAP_KEY_BUDGETS};
	for (size_t l = 0; l < 4; l++) {
		cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, lists[l]);
		cJSON *item;
		cJSON_ArrayForEach(item, arr)
		{
			for (size_t k = 0; k < 6; k++) {
				/* "initiatives" is computed only on goals */
				if (k == 5 && l != 1) {
					continue;
				}
				cJSON_DeleteItemFromObjectCaseSensitive(
				    item, computed[k]);
			}
			for (cJSON *c = item ? item->child : NULL; c;) {
				cJSON *next = c->next;
				if (cJSON_IsNull(c)) {
					cJSON_Delete(cJSON_DetachItemViaPointer(
					    item, c));
				}
				c = next;
			}
		}
	}
	/* settings: an export fills them all in; nulls and an empty mix go */
	cJSON *name = cJSON_GetObjectItemCaseSensitive(root, ROADMAP_KEY_NAME);
	if (cJSON_IsNull(name)) {
		cJSON_DeleteItemFromObjectCaseSensitive(root, ROADMAP_KEY_NAME);
	}
	cJSON *pol = cJSON_GetObjectItemCaseSensitive(root, ROADMAP_KEY_POLICY);
	cJSON *mix =
	    cJSON_GetObjectItemCaseSensitive(pol, ROADMAP_KEY_TARGET_MIX);
	if (mix && !mix->child) {
		cJSON_DeleteItemFromObjectCaseSensitive(pol,
							ROADMAP_KEY_TARGET_MIX);
	}
}

static void json_refs(struct imp *im, const struct roadmap *src)
{
	struct roadmap *rm = im->rm;
	char q[160], where[200];
	size_t k;

	for (size_t i = 0; i < src->n_inits; i++) {
		const struct roadmap_initiative *in = &src->inits[i];
		snprintf(where, sizeof(where), "initiatives[%zu] %s", i,
			 rm_quote(in->id, q, sizeof(q)));
		for (size_t g = 0; g < in->n_goals; g++) {
			if (!idmap_get(&rm->goal_ids, in->goals[g], &k)) {
				rm_import_report(
				    im, 0, where, NULL, "no goal %s",
				    rm_quote(in->goals[g], q, sizeof(q)));
			}
		}
		for (size_t d = 0; d < in->n_depends_on; d++) {
			if (!idmap_get(&rm->init_ids, in->depends_on[d], &k)) {
				rm_import_report(
				    im, 0, where, NULL, "no initiative %s",
				    rm_quote(in->depends_on[d], q, sizeof(q)));
			} else if (strcmp(in->depends_on[d], in->id) == 0) {
				rm_import_report(
				    im, 0, where, NULL,
				    "%s cannot depend on itself",
				    rm_quote(in->id, q, sizeof(q)));
			}
		}
		if (in->team && !idmap_get(&rm->team_ids, in->team, &k)) {
			rm_import_report(im, 0, where, NULL, "no team %s",
					 rm_quote(in->team, q, sizeof(q)));
		}
		if (in->pillar && !roadmap_has_pillar(rm, in->pillar)) {
			rm_import_report(im, 0, where, NULL, "no pillar %s",
					 rm_quote(in->pillar, q, sizeof(q)));
		}
	}
	for (size_t i = 0; i < src->n_budgets; i++) {
		const struct roadmap_budget *b = &src->budgets[i];
		if (b->pillar && !roadmap_has_pillar(rm, b->pillar)) {
			snprintf(where, sizeof(where), "budgets[%zu]", i);
			rm_import_report(im, 0, where, NULL, "no pillar %s",
					 rm_quote(b->pillar, q, sizeof(q)));
		}
	}
}

static void merge(struct imp *im, const struct roadmap *src)
{
	struct roadmap *rm = im->rm;
	char q[160], where[200];
	size_t k;
	bool update = im->opt->update;

	for (size_t i = 0; i < src->n_teams && !im->nomem; i++) {
		const struct roadmap_team *t = &src->teams[i];
		if (idmap_get(&rm->team_ids, t->id, &k)) {
			if (!update) {
				snprintf(where, sizeof(where), "teams[%zu]", i);
				rm_import_report(
				    im, 0, where, NULL,
				    "team %s already exists (use --update)",
				    rm_quote(t->id, q, sizeof(q)));
				continue;
			}
			struct roadmap_team c;
			if (!rm_copy_team(&c, t)) {
				rm_team_free(&c);
				im->nomem = true;
				continue;
			}
			/* the file's capacity and ramp replace ours; ours is
			 * released whole but for its id, which the index
			 * holds */
			struct roadmap_team old = rm->teams[k];
			free((char *)c.id);
			c.id = old.id;
			c.line = old.line;
			old.id = NULL;
			rm_team_free(&old);
			rm->teams[k] = c;
			rm_import_change(im, false, ROADMAP_WORD_TEAM, t->id);
		} else {
			struct roadmap_error e;
			if (roadmap_add_team(rm, t, &e)) {
				im->nomem = true;
			}
			rm_import_change(im, true, ROADMAP_WORD_TEAM, t->id);
		}
	}
	for (size_t i = 0; i < src->n_goals && !im->nomem; i++) {
		const struct roadmap_goal *g = &src->goals[i];
		enum item_kind kind = rm_item_kind(rm, g->id, &k);
		snprintf(where, sizeof(where), "goals[%zu] %s", i,
			 rm_quote(g->id, q, sizeof(q)));
		if (kind == ITEM_INITIATIVE || (kind == ITEM_GOAL && !update)) {
			rm_import_report(
			    im, 0, where, NULL,
			    kind == ITEM_GOAL
				? "the goal already exists (use --update)"
				: "the id is already an initiative");
			continue;
		}
		struct roadmap_goal copy;
		if (!rm_copy_goal(&copy, g)) {
			rm_goal_free(&copy);
			im->nomem = true;
			break;
		}
		if (kind == ITEM_GOAL) {
			idmap_put(&rm->goal_ids, copy.id, k);
			rm_goal_free(&rm->goals[k]);
			rm->goals[k] = copy;
		} else if (!rm_push_goal(rm, &copy)) {
			rm_goal_free(&copy);
			im->nomem = true;
			break;
		}
		rm_import_change(im, kind == ITEM_NONE, ROADMAP_WORD_GOAL,
				 g->id);
	}
	for (size_t i = 0; i < src->n_inits && !im->nomem; i++) {
		const struct roadmap_initiative *in = &src->inits[i];
		enum item_kind kind = rm_item_kind(rm, in->id, &k);
		snprintf(where, sizeof(where), "initiatives[%zu] %s", i,
			 rm_quote(in->id, q, sizeof(q)));
		if (kind == ITEM_GOAL || (kind == ITEM_INITIATIVE && !update)) {
			rm_import_report(
			    im, 0, where, NULL,
			    kind == ITEM_INITIATIVE
				? "the initiative already exists (use "
				  "--update)"
				: "the id is already a goal");
			continue;
		}
		struct roadmap_initiative copy;
		if (!rm_copy_initiative(&copy, in)) {
			rm_initiative_free(&copy);
			im->nomem = true;
			break;
		}
		if (kind == ITEM_INITIATIVE) {
			idmap_put(&rm->init_ids, copy.id, k);
			rm_initiative_free(&rm->inits[k]);
			rm->inits[k] = copy;
		} else if (!rm_push_initiative(rm, &copy)) {
			rm_initiative_free(&copy);
			im->nomem = true;
			break;
		}
		rm_import_change(im, kind == ITEM_NONE, ROADMAP_WORD_INITIATIVE,
				 in->id);
	}
	for (size_t i = 0; i < src->n_budgets && !im->nomem; i++) {
		const struct roadmap_budget *b = &src->budgets[i];
		char id[96];
		rm_budget_key(b, id, sizeof(id));
		long k2 = rm_budget_find(rm, b);
		if (k2 >= 0 && !update) {
			snprintf(where, sizeof(where), "budgets[%zu]", i);
			rm_import_report(
			    im, 0, where, NULL,
			    "a budget for %s already exists (use --update)",
			    id);
		} else if (k2 >= 0) {
			rm->budgets[k2].amount = b->amount;
			rm_import_change(im, false, ROADMAP_WORD_BUDGET, id);
		} else {
			struct roadmap_budget copy = *b;
			copy.pillar = rm_strdup(b->pillar);
			if ((b->pillar && !copy.pillar) ||
			    !rm_push_budget(rm, &copy)) {
				free((char *)copy.pillar);
				im->nomem = true;
				break;
			}
			rm_import_change(im, true, ROADMAP_WORD_BUDGET, id);
		}
	}
	if (!im->nomem) {
		json_refs(im, src);
	}
}

/* Amounts are never converted: another currency is refused. */
static bool same_currency(struct imp *im, const struct roadmap *src)
{
	char why[160];

	if (!rm_currency_mismatch(src, im->rm, "the file's", "import", why,
				  sizeof(why))) {
		return true;
	}
	rm_import_report(im, 0, ROADMAP_KEY_CURRENCY, NULL, "%s", why);
	return false;
}

static void unmapped(struct imp *im, const char *where, const char *what,
		     const struct roadmap *src, bool year, int qi)
{
	char label[16], d1[16], d2[16];
	int a = year ? qi / 4 * 4 : qi;

	if (year) {
		snprintf(label, sizeof(label), "FY%04d", qi / 4);
	} else {
		roadmap_quarter_label(qi, label);
	}
	roadmap_day_format(roadmap_quarter_first(a, src->fiscal_start), d1);
	roadmap_day_format(
	    roadmap_quarter_last(year ? a + 3 : a, src->fiscal_start), d2);
	rm_import_report(
	    im, 0, where, NULL,
	    "%s %s (%s to %s in the file's calendar) is not a whole fiscal "
	    "%s of this roadmap, whose fiscal year starts in month %d",
	    what, label, d1, d2,
	    year ? ROADMAP_WORD_YEAR : ROADMAP_WORD_QUARTER,
	    im->rm->fiscal_start);
}

/*
 * The file brings its own fiscal calendar: its quarter and year labels
 * (budget periods, actual quarters) become the target's labels for the
 * same days, or the import fails naming each one that does not map.
 */
static bool convert_calendar(struct imp *im, struct roadmap *src)
{
	int sf = src->fiscal_start, df = im->rm->fiscal_start, to;
	size_t before = im->rep->total_errors;
	char where[200], q[160];

	if (sf == df) {
		return true;
	}
	for (size_t i = 0; i < src->n_budgets; i++) {
		struct roadmap_budget *b = &src->budgets[i];
		int qi = rm_budget_quarters(b, NULL);
		snprintf(where, sizeof(where), "budgets[%zu]", i);
		if (!rm_map_period(sf, df, b->is_year, qi, &to)) {
			unmapped(im, where, ROADMAP_FIELD_PERIOD, src,
				 b->is_year, qi);
			continue;
		}
		b->year = to / 4;
		b->quarter = b->is_year ? 0 : to % 4 + 1;
	}
	if (!rm_reindex_budgets(src)) {
		im->nomem = true;
	}
	for (size_t i = 0; i < src->n_inits; i++) {
		struct roadmap_initiative *in = &src->inits[i];
		snprintf(where, sizeof(where), "initiatives[%zu] %s", i,
			 rm_quote(in->id, q, sizeof(q)));
		for (size_t k = 0; k < in->n_actuals; k++) {
			if (!rm_map_period(sf, df, false, in->actuals[k].qi,
					   &to)) {
				unmapped(im, where, "actual for", src, false,
					 in->actuals[k].qi);
				continue;
			}
			in->actuals[k].qi = to;
		}
	}
	return im->rep->total_errors == before;
}

static bool same_list(char **a, size_t na, char **b, size_t nb)
{
	for (size_t i = 0; na == nb && i < na; i++) {
		if (strcmp(a[i], b[i]) != 0) {
			return false;
		}
	}
	return na == nb;
}

/* The file's settings that differ from the roadmap's: they stay out. */
static void not_merged(struct imp *im, const struct roadmap *src)
{
	const struct roadmap *rm = im->rm;
	struct roadmap *defaults = roadmap_create();
	char list[128] = "";

	if (!defaults) {
		im->nomem = true;
		return;
	}
	const struct {
		const char *name;
		bool differs;
	} settings[] = {
	    {ROADMAP_KEY_NAME,
	     src->name && (!rm->name || strcmp(src->name, rm->name))},
	    {ROADMAP_KEY_FISCAL_YEAR_START,
	     src->fiscal_start != rm->fiscal_start},
	    {ROADMAP_KEY_PILLARS,
	     !src->default_pillars && !same_list(src->pillars, src->n_pillars,
						 rm->pillars, rm->n_pillars)},
	    {ROADMAP_KEY_POLICY,
	     !rm_policy_equal(&src->policy, &defaults->policy) &&
		 !rm_policy_equal(&src->policy, &rm->policy)},
	};
	roadmap_destroy(defaults);
	for (size_t i = 0; i < sizeof(settings) / sizeof(*settings); i++) {
		if (settings[i].differs) {
			size_t o = strlen(list);
			snprintf(list + o, sizeof(list) - o, "%s%s",
				 o ? ", " : "", settings[i].name);
		}
	}
	if (list[0] && !(im->rep->not_merged = rm_strdup(list))) {
		im->nomem = true;
	}
}

/* Every bad item of a JSON import is reported, not only the first. */
static void bad_item(void *ctx, const struct roadmap_error *e)
{
	rm_import_report(ctx, 0, e->where, NULL, "%s", e->message);
}

void rm_import_json(struct imp *im, const char *d, size_t len)
{
	struct roadmap_error e;
	struct roadmap *src = NULL;

	if (rm_json_prescan(im->name, d, len, NULL, &e)) {
		rm_import_report(im, e.line, NULL, NULL, "%s", e.message);
		im->rep->errors[im->rep->n_errors - 1].column = e.column;
		return;
	}
	cJSON *root = cJSON_ParseWithLengthOpts(d, len, NULL, false);
	if (!root) {
		im->nomem = true;
		return;
	}
	cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, ROADMAP_KEY_FORMAT);
	if (cJSON_IsString(fmt) &&
	    strcmp(fmt->valuestring, "roadmap-export/1") == 0) {
		strip_export(root);
	}
	size_t before = im->rep->total_errors;
	enum roadmap_status st =
	    rm_load_tree_all(im->name, root, &src, bad_item, im, &e);
	cJSON_Delete(root);
	if (st == ROADMAP_ERR_NOMEM) {
		im->nomem = true;
		return;
	}
	if (st && im->rep->total_errors == before) {
		rm_import_report(im, 0, e.where, NULL, "%s", e.message);
	}
	if (st) {
		return;
	}
	if (same_currency(im, src) && convert_calendar(im, src)) {
		not_merged(im, src);
		merge(im, src);
	}
	roadmap_destroy(src);
}
