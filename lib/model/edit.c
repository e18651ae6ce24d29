/* edit.c - validated edits: settings, add, remove, link, depend, actual
 * (set.c changes fields). */
#include "fields.h"
#include "wide.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QBUF 160

/* ------------------------------------------------------------ settings */

enum roadmap_status roadmap_set_name(struct roadmap *rm, const char *name,
				     struct roadmap_error *err)
{
	const char *why = name ? rm_text_problem(name, strlen(name)) : NULL;
	char *copy = NULL;

	if (why) {
		return rm_fail(err, ROADMAP_ERR_DATA, "name %s", why);
	}
	if (name && !(copy = rm_strdup(name))) {
		return rm_nomem(err);
	}
	free(rm->name);
	rm->name = copy;
	return ROADMAP_OK;
}

enum roadmap_status roadmap_set_currency(struct roadmap *rm, const char *code,
					 struct roadmap_error *err)
{
	char q[QBUF];

	if (strlen(code) != 3 || code[0] < 'A' || code[0] > 'Z' ||
	    code[1] < 'A' || code[1] > 'Z' || code[2] < 'A' || code[2] > 'Z') {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "currency %s is not an ISO 4217 code (like USD)",
			       rm_quote(code, q, sizeof(q)));
	}
	memcpy(rm->currency, code, 4);
	return ROADMAP_OK;
}

enum roadmap_status roadmap_set_fiscal_start(struct roadmap *rm, int month,
					     struct roadmap_error *err)
{
	if (month < 1 || month > 12) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "fiscal year start %d is not a month 1-12",
			       month);
	}
	rm->fiscal_start = month;
	return ROADMAP_OK;
}

/* Splits a comma list into a new string list; empty items are errors. */
enum roadmap_status rm_split_ids(const char *list, const char *what,
				 char ***out, size_t *n,
				 struct roadmap_error *err)
{
	char q[QBUF];
	char **items = NULL;
	size_t count = 0;
	const char *p = list;

	*out = NULL;
	*n = 0;
	if (!*list) {
		return ROADMAP_OK;
	}
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char item[80];
		if (len == 0 || len >= sizeof(item)) {
			goto bad;
		}
		memcpy(item, p, len);
		item[len] = '\0';
		if (!roadmap_id_valid(item)) {
			goto bad;
		}
		for (size_t i = 0; i < count; i++) {
			if (strcmp(items[i], item) == 0) {
				rm_list_free(items, count);
				return rm_fail(err, ROADMAP_ERR_DATA,
					       "%s lists %s twice", what,
					       rm_quote(item, q, sizeof(q)));
			}
		}
		if (!rm_list_push(&items, &count, item)) {
			rm_list_free(items, count);
			return rm_nomem(err);
		}
		if (!comma) {
			break;
		}
		p = comma + 1;
	}
	*out = items;
	*n = count;
	return ROADMAP_OK;
bad:
	rm_list_free(items, count);
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s %s is not a comma-separated list of ids", what,
		       rm_quote(list, q, sizeof(q)));
}

enum roadmap_status roadmap_set_pillars(struct roadmap *rm, const char *list,
					struct roadmap_error *err)
{
	char **items;
	size_t n;
	enum roadmap_status st =
	    rm_split_ids(list, ROADMAP_KEY_PILLARS, &items, &n, err);

	if (st) {
		return st;
	}
	if (n == 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "pillars must name at least one pillar");
	}
	rm_list_free(rm->pillars, rm->n_pillars);
	rm->pillars = items;
	rm->n_pillars = n;
	rm->default_pillars = false;
	return ROADMAP_OK;
}

/* ------------------------------------------------------------ references */

enum roadmap_status rm_check_goal_ref(const struct roadmap *rm, const char *id,
				      struct roadmap_error *err)
{
	char q[QBUF];
	size_t i;

	if (roadmap_find_goal(rm, id)) {
		return ROADMAP_OK;
	}
	if (rm_item_kind(rm, id, &i) == ITEM_INITIATIVE) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is an initiative, not a goal",
			       rm_quote(id, q, sizeof(q)));
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "no goal %s",
		       rm_quote(id, q, sizeof(q)));
}

enum roadmap_status rm_check_init_ref(const struct roadmap *rm, const char *id,
				      const char *self,
				      struct roadmap_error *err)
{
	char q[QBUF];
	size_t i;

	if (self && strcmp(id, self) == 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s cannot depend on itself",
			       rm_quote(id, q, sizeof(q)));
	}
	if (roadmap_find_initiative(rm, id)) {
		return ROADMAP_OK;
	}
	if (rm_item_kind(rm, id, &i) == ITEM_GOAL) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is a goal, not an initiative",
			       rm_quote(id, q, sizeof(q)));
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "no initiative %s",
		       rm_quote(id, q, sizeof(q)));
}

enum roadmap_status rm_check_team_ref(const struct roadmap *rm, const char *id,
				      struct roadmap_error *err)
{
	char q[QBUF];

	if (roadmap_find_team(rm, id)) {
		return ROADMAP_OK;
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "no team %s",
		       rm_quote(id, q, sizeof(q)));
}

enum roadmap_status rm_check_pillar_ref(const struct roadmap *rm, const char *p,
					struct roadmap_error *err)
{
	char q[QBUF];

	if (roadmap_has_pillar(rm, p)) {
		return ROADMAP_OK;
	}
	char list[256] = "";
	for (size_t i = 0; i < rm->n_pillars; i++) {
		size_t len = strlen(list);
		snprintf(list + len, sizeof(list) - len, "%s%s", i ? ", " : "",
			 rm->pillars[i]);
	}
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "no pillar %s (the roadmap's pillars: %s)",
		       rm_quote(p, q, sizeof(q)), list);
}

static enum roadmap_status check_id_free(const struct roadmap *rm,
					 const char *id,
					 struct roadmap_error *err)
{
	char q[QBUF];
	size_t i;

	if (!roadmap_id_valid(id)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is not a valid id (letters, digits, '.', "
			       "'_', '-'; at most 64; starting with a letter "
			       "or digit)",
			       rm_quote(id, q, sizeof(q)));
	}
	switch (rm_item_kind(rm, id, &i)) {
	case ITEM_GOAL:
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a goal %s already exists",
			       rm_quote(id, q, sizeof(q)));
	case ITEM_INITIATIVE:
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "an initiative %s already exists",
			       rm_quote(id, q, sizeof(q)));
	case ITEM_NONE:
		break;
	}
	return ROADMAP_OK;
}

/* ------------------------------------------------------------ copies */

bool rm_copy_initiative(struct roadmap_initiative *d,
			const struct roadmap_initiative *s)
{
	*d = *s;
	return rm_fields_copy(rm_initiative_fields, d, s);
}

bool rm_copy_goal(struct roadmap_goal *d, const struct roadmap_goal *s)
{
	*d = *s;
	return rm_fields_copy(rm_goal_fields, d, s);
}

bool rm_copy_team(struct roadmap_team *d, const struct roadmap_team *s)
{
	*d = *s;
	return rm_fields_copy(rm_team_fields, d, s);
}

static enum roadmap_status field_fail(struct roadmap_error *err, const char *id,
				      const char *field, const char *why)
{
	char q[QBUF];

	return rm_fail(err, ROADMAP_ERR_DATA, "%s: %s %s",
		       rm_quote(id ? id : "", q, sizeof(q)), field, why);
}

enum roadmap_status roadmap_add_goal(struct roadmap *rm,
				     const struct roadmap_goal *g,
				     struct roadmap_error *err)
{
	const char *field, *why;
	char buf[200];
	struct roadmap_goal copy;
	enum roadmap_status st = check_id_free(rm, g->id, err);

	if (st) {
		return st;
	}
	if ((why = rm_fields_problem(rm_goal_fields, g, &field, buf,
				     sizeof(buf)))) {
		return field_fail(err, g->id, field, why);
	}
	if (!rm_copy_goal(&copy, g) || !rm_push_goal(rm, &copy)) {
		rm_goal_free(&copy);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_add_initiative(struct roadmap *rm,
					   const struct roadmap_initiative *in,
					   struct roadmap_error *err)
{
	const char *field, *why;
	char buf[200];
	char q[96], q2[QBUF];
	struct roadmap_initiative copy;
	enum roadmap_status st = check_id_free(rm, in->id, err);

	if (st) {
		return st;
	}
	if ((why = rm_fields_problem(rm_initiative_fields, in, &field, buf,
				     sizeof(buf)))) {
		return field_fail(err, in->id, field, why);
	}
	if ((why = rm_dates_problem(in, q, sizeof(q)))) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s: %s",
			       rm_quote(in->id, q2, sizeof(q2)), why);
	}
	if ((st = rm_fields_refs(rm_initiative_fields, rm, in, err))) {
		return st;
	}
	if (!rm_copy_initiative(&copy, in) || !rm_push_initiative(rm, &copy)) {
		rm_initiative_free(&copy);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_add_team(struct roadmap *rm,
				     const struct roadmap_team *t,
				     struct roadmap_error *err)
{
	char q[QBUF];
	struct roadmap_team copy;

	if (!roadmap_id_valid(t->id)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s is not a valid id",
			       rm_quote(t->id ? t->id : "", q, sizeof(q)));
	}
	if (roadmap_find_team(rm, t->id)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a team %s already exists",
			       rm_quote(t->id, q, sizeof(q)));
	}
	if (t->capacity < 0 || t->capacity > RM_FTE_MAX) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "capacity is out of range");
	}
	/* a team from a file (import) brings its capacity changes */
	if (!rm_copy_team(&copy, t) || !rm_push_team(rm, &copy)) {
		rm_team_free(&copy);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_add_budget(struct roadmap *rm,
				       const struct roadmap_budget *b,
				       struct roadmap_error *err)
{
	char label[16], q[QBUF];
	struct roadmap_budget copy = *b;
	enum roadmap_status st;

	int first, last;

	if (b->year < ROADMAP_YEAR_MIN || b->year > ROADMAP_YEAR_MAX + 1 ||
	    (b->is_year ? b->quarter != 0 : b->quarter < 1 || b->quarter > 4)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a budget period is a fiscal quarter or year");
	}
	first = rm_budget_quarters(b, &last);
	if (!rm_quarter_in_range(first, rm->fiscal_start) ||
	    !rm_quarter_in_range(last, rm->fiscal_start)) {
		return rm_fail(
		    err, ROADMAP_ERR_DATA,
		    "budget period %s is outside the years 1900-2200",
		    rm_budget_label(b, label, sizeof(label)));
	}
	if (b->amount < 0 || b->amount > ROADMAP_MONEY_MAX) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "budget amount is out of range");
	}
	if (b->pillar && (st = rm_check_pillar_ref(rm, b->pillar, err))) {
		return st;
	}
	if (rm_budget_duplicate(rm, b)) {
		rm_budget_label(b, label, sizeof(label));
		if (b->pillar) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "a budget for %s pillar %s already "
				       "exists",
				       label,
				       rm_quote(b->pillar, q, sizeof(q)));
		}
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "a budget for %s already exists", label);
	}
	if (!rm_fields_copy(rm_budget_fields, &copy, b) ||
	    !rm_push_budget(rm, &copy)) {
		free((char *)copy.pillar);
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

/* ------------------------------------------------------------ remove */

/* Removes s from a list; returns true when it was there. */
static bool list_remove(char **list, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++) {
		if (strcmp(list[i], s) == 0) {
			free(list[i]);
			memmove(list + i, list + i + 1,
				(*n - i - 1) * sizeof(*list));
			(*n)--;
			return true;
		}
	}
	return false;
}

static bool list_has(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(list[i], s) == 0) {
			return true;
		}
	}
	return false;
}

/* Lists up to three referrers of id for a refusal message. */
static enum roadmap_status refuse_remove(const struct roadmap *rm,
					 const char *id, int kind,
					 struct roadmap_error *err)
{
	char q[QBUF], list[400] = "";
	size_t count = 0;

	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		bool refers =
		    (kind == ITEM_GOAL &&
		     list_has(in->goals, in->n_goals, id)) ||
		    (kind == ITEM_INITIATIVE &&
		     list_has(in->depends_on, in->n_depends_on, id)) ||
		    (kind == ITEM_NONE && in->team &&
		     strcmp(in->team, id) == 0);
		if (!refers) {
			continue;
		}
		if (count < 3) {
			size_t len = strlen(list);
			snprintf(list + len, sizeof(list) - len, "%s%s",
				 count ? ", " : "",
				 rm_quote(in->id, q, sizeof(q)));
		}
		count++;
	}
	if (count == 0) {
		return ROADMAP_OK;
	}
	if (count > 3) {
		size_t len = strlen(list);
		snprintf(list + len, sizeof(list) - len, " and %zu more",
			 count - 3);
	}
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s is still referred to by %s (use --force to remove "
		       "those references too)",
		       rm_quote(id, q, sizeof(q)), list);
}

enum roadmap_status roadmap_remove(struct roadmap *rm, const char *id,
				   bool force, struct roadmap_error *err)
{
	char q[QBUF];
	size_t idx;
	enum item_kind kind = rm_item_kind(rm, id, &idx);
	bool team = false;
	enum roadmap_status st;

	if (kind == ITEM_NONE) {
		if (!idmap_get(&rm->team_ids, id, &idx)) {
			/* an item with that id wins; then an envelope */
			long e = rm_envelope_named(rm, id, err);
			if (e >= 0) {
				return rm_envelope_remove(rm, (size_t)e, err);
			}
			return e == -1 ? ROADMAP_ERR_DATA
				       : rm_fail(err, ROADMAP_ERR_DATA,
						 "no goal, initiative, team "
						 "or envelope %s",
						 rm_quote(id, q, sizeof(q)));
		}
		team = true;
	}
	if (!force && (st = refuse_remove(rm, id, kind, err))) {
		return st;
	}
	/* Strip references first, while id is still a valid string. */
	for (size_t i = 0; i < rm->n_inits; i++) {
		struct roadmap_initiative *in = &rm->inits[i];
		if (kind == ITEM_GOAL) {
			list_remove(rm_list_own(in->goals), &in->n_goals, id);
		} else if (kind == ITEM_INITIATIVE) {
			list_remove(rm_list_own(in->depends_on),
				    &in->n_depends_on, id);
		} else if (in->team && strcmp(in->team, id) == 0) {
			free((char *)in->team);
			in->team = NULL;
		}
	}
	if (team) {
		rm_team_free(&rm->teams[idx]);
		memmove(rm->teams + idx, rm->teams + idx + 1,
			(rm->n_teams - idx - 1) * sizeof(*rm->teams));
		rm->n_teams--;
	} else if (kind == ITEM_GOAL) {
		rm_goal_free(&rm->goals[idx]);
		memmove(rm->goals + idx, rm->goals + idx + 1,
			(rm->n_goals - idx - 1) * sizeof(*rm->goals));
		rm->n_goals--;
	} else {
		rm_initiative_free(&rm->inits[idx]);
		memmove(rm->inits + idx, rm->inits + idx + 1,
			(rm->n_inits - idx - 1) * sizeof(*rm->inits));
		rm->n_inits--;
	}
	return rm_reindex(rm) ? ROADMAP_OK : rm_nomem(err);
}

/* ------------------------------------------------------------ links */

static struct roadmap_initiative *
edit_target(struct roadmap *rm, const char *id, struct roadmap_error *err)
{
	char q[QBUF];
	long i = roadmap_initiative_index(rm, id);

	if (i < 0) {
		size_t k;
		rm_fail(err, ROADMAP_ERR_DATA,
			rm_item_kind(rm, id, &k) == ITEM_GOAL
			    ? "%s is a goal, not an initiative"
			    : "no initiative %s",
			rm_quote(id, q, sizeof(q)));
		return NULL;
	}
	return &rm->inits[i];
}

static enum roadmap_status toggle(struct roadmap *rm, const char *init,
				  const char *other, bool on, bool goals,
				  struct roadmap_error *err)
{
	char q1[QBUF], q2[QBUF];
	struct roadmap_initiative *in = edit_target(rm, init, err);
	enum roadmap_status st;

	if (!in) {
		return ROADMAP_ERR_DATA;
	}
	const char *const **list = goals ? &in->goals : &in->depends_on;
	size_t *n = goals ? &in->n_goals : &in->n_depends_on;
	if (!on) {
		if (list_remove(rm_list_own(*list), n, other)) {
			return ROADMAP_OK;
		}
		return rm_fail(err, ROADMAP_ERR_DATA,
			       goals ? "%s does not serve %s"
				     : "%s does not depend on %s",
			       rm_quote(init, q1, sizeof(q1)),
			       rm_quote(other, q2, sizeof(q2)));
	}
	st = goals ? rm_check_goal_ref(rm, other, err)
		   : rm_check_init_ref(rm, other, init, err);
	if (st) {
		return st;
	}
	if (list_has(*list, *n, other)) {
		return ROADMAP_OK;
	}
	return rm_list_add(list, n, other) ? ROADMAP_OK : rm_nomem(err);
}

enum roadmap_status roadmap_link(struct roadmap *rm, const char *initiative,
				 const char *goal, bool on,
				 struct roadmap_error *err)
{
	return toggle(rm, initiative, goal, on, true, err);
}

enum roadmap_status roadmap_depend(struct roadmap *rm, const char *initiative,
				   const char *prerequisite, bool on,
				   struct roadmap_error *err)
{
	return toggle(rm, initiative, prerequisite, on, false, err);
}

/* Records actual a (its quarter and amounts checked here) on initiative. */
static enum roadmap_status put_actual(struct roadmap *rm,
				      const char *initiative,
				      struct roadmap_actual *a,
				      struct roadmap_error *err)
{
	struct roadmap_initiative *in = edit_target(rm, initiative, err);

	if (!in) {
		return ROADMAP_ERR_DATA;
	}
	if (a->opex < 0 || a->capex < 0 || a->opex > ROADMAP_MONEY_MAX ||
	    a->capex > ROADMAP_MONEY_MAX ||
	    a->opex + a->capex > ROADMAP_MONEY_MAX) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "actual amount is out of range");
	}
	if (!rm_quarter_in_range(a->qi, rm->fiscal_start)) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "actual quarter is out of range");
	}
	a->amount = a->opex + a->capex;
	if (!a->split) {
		a->opex = a->capex = 0;
	}
	return rm_actual_put(in, a) ? ROADMAP_OK : rm_nomem(err);
}

enum roadmap_status roadmap_set_actual(struct roadmap *rm,
				       const char *initiative, int qi,
				       int64_t amount,
				       struct roadmap_error *err)
{
	struct roadmap_actual a = {.qi = qi, .opex = amount};

	return put_actual(rm, initiative, &a, err);
}

enum roadmap_status roadmap_set_actual_split(struct roadmap *rm,
					     const char *initiative, int qi,
					     int64_t opex, int64_t capex,
					     struct roadmap_error *err)
{
	struct roadmap_actual a = {
	    .qi = qi, .split = true, .opex = opex, .capex = capex};

	return put_actual(rm, initiative, &a, err);
}

enum roadmap_status roadmap_set_actual_kind(struct roadmap *rm,
					    const char *initiative, int qi,
					    enum roadmap_spend_kind kind,
					    int64_t amount,
					    struct roadmap_error *err)
{
	struct roadmap_actual a = {.qi = qi, .split = true};
	long i = roadmap_initiative_index(rm, initiative);
	char q[120], label[16];

	for (size_t k = 0; i >= 0 && k < rm->inits[i].n_actuals; k++) {
		const struct roadmap_actual *was = &rm->inits[i].actuals[k];
		if (was->qi != qi) {
			continue;
		}
		if (!was->split) {
			return rm_fail(
			    err, ROADMAP_ERR_DATA,
			    "%s has an unsplit actual for %s: replace it "
			    "unsplit, or remove it before recording a kind",
			    rm_quote(initiative, q, sizeof(q)),
			    roadmap_quarter_label(qi, label));
		}
		a = *was;
	}
	*(kind == ROADMAP_SPEND_CAPEX ? &a.capex : &a.opex) = amount;
	return put_actual(rm, initiative, &a, err);
}

bool roadmap_actual_kinds(const struct roadmap_initiative *in,
			  const struct roadmap_actual *a, int64_t *opex,
			  int64_t *capex)
{
	uint64_t c = 0;

	if (a->split) {
		*opex = a->opex;
		*capex = a->capex;
		return false;
	}
	/* the plan's amounts are at most 10^14 cents each: the sum fits */
	if (in->capex > 0) {
		rm_muldiv_round((uint64_t)a->amount, (uint64_t)in->capex,
				(uint64_t)(in->opex + in->capex), &c);
	}
	*capex = (int64_t)c;
	*opex = a->amount - *capex;
	return true;
}
