/* report.c - JSON of findings, budget reports and schedules (cJSON). */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static cJSON *finding_object(const struct roadmap_finding *x)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "severity",
		    cJSON_CreateString(roadmap_severity_name(x->severity)),
		    &ok);
	rm_json_add(o, "code", cJSON_CreateString(x->code), &ok);
	rm_json_add(o, "subject", cJSON_CreateString(x->subject), &ok);
	rm_json_add(o, "message", cJSON_CreateString(x->message), &ok);
	rm_json_add(o, "related", rm_json_const_list(x->related, x->n_related),
		    &ok);
	rm_json_add(o, "line",
		    x->line ? cJSON_CreateNumber((double)x->line)
			    : cJSON_CreateNull(),
		    &ok);
	rm_json_add(o, "fingerprint", cJSON_CreateString(x->fingerprint), &ok);
	if (x->baseline != ROADMAP_BASELINE_NONE) {
		rm_json_add(
		    o, "baseline_state",
		    cJSON_CreateString(x->baseline == ROADMAP_BASELINE_UPDATED
					   ? "updated"
					   : "new"),
		    &ok);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

cJSON *rm_findings_array(const struct roadmap_findings *f, const char *only_id)
{
	bool ok = true;
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; arr && ok && i < f->n; i++) {
		const struct roadmap_finding *x = &f->items[i];
		if (only_id && !rm_finding_concerns(x, only_id)) {
			continue;
		}
		rm_json_push(arr, finding_object(x), &ok);
	}
	if (!ok) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

cJSON *rm_findings_object(const struct roadmap_findings *f)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "errors", cJSON_CreateNumber((double)f->errors), &ok);
	rm_json_add(o, "warnings", cJSON_CreateNumber((double)f->warnings),
		    &ok);
	rm_json_add(o, "infos", cJSON_CreateNumber((double)f->infos), &ok);
	if (f->baselined) {
		rm_json_add(o, "known", cJSON_CreateNumber((double)f->known),
			    &ok);
		rm_json_add(o, "grew", cJSON_CreateNumber((double)f->grew),
			    &ok);
	}
	rm_json_add(o, "findings", rm_findings_array(f, NULL), &ok);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

enum roadmap_status roadmap_findings_json(const struct roadmap_findings *f,
					  char **out, struct roadmap_error *err)
{
	struct strbuf b = {0};
	cJSON *o = rm_findings_object(f);
	enum roadmap_status st = rm_json_finish(&b, o, out, NULL, err);

	cJSON_Delete(o);
	return st;
}

static cJSON *money_or_null(bool has, int64_t v)
{
	return has ? rm_json_money(v) : cJSON_CreateNull();
}

static cJSON *budget_row(const struct roadmap_budget_row *r, const char *key,
			 bool with_key, bool shares)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	if (with_key) {
		rm_json_add(o, key, cJSON_CreateString(r->key), &ok);
	}
	for (int c = 0; c < ROADMAP_BUDGET_COLUMNS; c++) {
		int64_t v;
		bool has = roadmap_budget_value(r, c, &v);
		rm_json_add(o, roadmap_budget_column_name(c),
			    money_or_null(has, v), &ok);
	}
	rm_json_add(o, ROADMAP_KEY_ACTUAL_ESTIMATED,
		    r->has_actuals ? cJSON_CreateBool(r->actual_estimated)
				   : cJSON_CreateNull(),
		    &ok);
	if (shares) {
		rm_json_add(o, ROADMAP_KEY_SHARE,
			    r->has_share
				? cJSON_CreateNumber((double)r->share / 10)
				: cJSON_CreateNull(),
			    &ok);
		rm_json_add(o, ROADMAP_KEY_TARGET_SHARE,
			    r->has_target
				? cJSON_CreateNumber((double)r->target / 100)
				: cJSON_CreateNull(),
			    &ok);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

cJSON *rm_budget_report_object(const struct roadmap *rm,
			       const struct roadmap_budget_report *r)
{
	bool ok = true, shares = r->by == ROADMAP_BY_PILLAR;
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, "by", cJSON_CreateString(roadmap_budget_by_name(r->by)),
		    &ok);
	rm_json_add(o, ROADMAP_KEY_CURRENCY, cJSON_CreateString(rm->currency),
		    &ok);
	cJSON *rows = rm_json_add(o, "rows", cJSON_CreateArray(), &ok);
	for (size_t i = 0; rows && ok && i < r->n; i++) {
		rm_json_push(rows,
			     budget_row(&r->rows[i], rm_budget_row_key(r->by),
					true, shares),
			     &ok);
	}
	rm_json_add(o, ROADMAP_WORD_TOTAL,
		    budget_row(&r->total, NULL, false, shares), &ok);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

enum roadmap_status
roadmap_budget_report_json(const struct roadmap *rm,
			   const struct roadmap_budget_report *r, char **out,
			   struct roadmap_error *err)
{
	struct strbuf b = {0};
	cJSON *o = rm_budget_report_object(rm, r);
	enum roadmap_status st = rm_json_finish(&b, o, out, NULL, err);

	cJSON_Delete(o);
	return st;
}

cJSON *rm_schedule_row_object(const struct roadmap *rm,
			      const struct roadmap_schedule_row *r)
{
	const struct roadmap_initiative *in = &rm->inits[r->index];
	bool ok = true;
	cJSON *o = cJSON_CreateObject();

	rm_json_add(o, ROADMAP_FIELD_ID, cJSON_CreateString(in->id), &ok);
	rm_json_add(o, ROADMAP_FIELD_START, rm_json_date(in->start), &ok);
	rm_json_add(o, ROADMAP_FIELD_END, rm_json_date(in->end), &ok);
	rm_json_add(o, "earliest_start", rm_json_date(r->earliest_start), &ok);
	rm_json_add(o, "earliest_end", rm_json_date(r->earliest_end), &ok);
	rm_json_add(o, "latest_start", rm_json_date(r->latest_start), &ok);
	rm_json_add(o, "latest_end", rm_json_date(r->latest_end), &ok);
	rm_json_add(o, "slack_days", cJSON_CreateNumber(r->slack_days), &ok);
	rm_json_add(o, "critical", cJSON_CreateBool(r->critical), &ok);
	rm_json_add(o, "shift_days", cJSON_CreateNumber(r->shift_days), &ok);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

cJSON *rm_schedule_array(const struct roadmap *rm,
			 const struct roadmap_schedule *s)
{
	bool ok = true;
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; arr && ok && i < s->n; i++) {
		rm_json_push(arr, rm_schedule_row_object(rm, &s->rows[i]), &ok);
	}
	if (!ok) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

enum roadmap_status roadmap_schedule_json(const struct roadmap *rm,
					  const struct roadmap_schedule *s,
					  char **out, struct roadmap_error *err)
{
	struct strbuf b = {0};
	cJSON *o = rm_schedule_array(rm, s);
	enum roadmap_status st = rm_json_finish(&b, o, out, NULL, err);

	cJSON_Delete(o);
	return st;
}

/* "p50", "p80", "p95" into o: dates, or null when there are none. */
static void add_quantiles(cJSON *o, roadmap_day p50, roadmap_day p80,
			  roadmap_day p95, bool any, bool *ok)
{
	rm_json_add(o, "p50", any ? rm_json_date(p50) : cJSON_CreateNull(), ok);
	rm_json_add(o, "p80", any ? rm_json_date(p80) : cJSON_CreateNull(), ok);
	rm_json_add(o, "p95", any ? rm_json_date(p95) : cJSON_CreateNull(), ok);
}

cJSON *rm_forecast_object(const struct roadmap *rm,
			  const struct roadmap_forecast *f)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject(), *inits = cJSON_CreateArray();
	cJSON *goals = cJSON_CreateArray(), *port = cJSON_CreateObject();
	cJSON *cost = cJSON_CreateObject();

	rm_json_add(o, "trials", cJSON_CreateNumber((double)f->trials), &ok);
	/* every digit of the seed (a double has them up to 2^53, but cJSON
	 * prints 15 significant digits when they read back almost equal) */
	char seed[24];
	snprintf(seed, sizeof(seed), "%llu", (unsigned long long)f->seed);
	rm_json_add(o, "seed", cJSON_CreateRaw(seed), &ok);
	if (f->has_as_of) {
		rm_json_add(o, "as_of", rm_json_date(f->as_of), &ok);
	}
	for (size_t i = 0; i < f->n_initiatives; i++) {
		const struct roadmap_forecast_initiative *x =
		    &f->initiatives[i];
		cJSON *e = cJSON_CreateObject();
		rm_json_add(e, ROADMAP_FIELD_ID,
			    cJSON_CreateString(rm->inits[x->index].id), &ok);
		rm_json_add(e, "planned_end", rm_json_date(x->planned_end),
			    &ok);
		add_quantiles(e, x->p50, x->p80, x->p95, true, &ok);
		rm_json_add(e, "on_time", cJSON_CreateNumber(x->on_time), &ok);
		rm_json_add(e, "estimated", cJSON_CreateBool(x->estimated),
			    &ok);
		rm_json_push(inits, e, &ok);
	}
	rm_json_add(o, ROADMAP_KEY_INITIATIVES, inits, &ok);
	for (size_t g = 0; g < f->n_goals; g++) {
		const struct roadmap_forecast_goal *x = &f->goals[g];
		cJSON *e = cJSON_CreateObject();
		rm_json_add(e, ROADMAP_FIELD_ID,
			    cJSON_CreateString(rm->goals[x->index].id), &ok);
		rm_json_add(e, ROADMAP_FIELD_DUE,
			    x->has_due ? rm_json_date(x->due)
				       : cJSON_CreateNull(),
			    &ok);
		add_quantiles(e, x->p50, x->p80, x->p95, x->any, &ok);
		rm_json_add(e, "on_time",
			    x->any && x->has_due
				? cJSON_CreateNumber(x->on_time)
				: cJSON_CreateNull(),
			    &ok);
		rm_json_push(goals, e, &ok);
	}
	rm_json_add(o, ROADMAP_KEY_GOALS, goals, &ok);
	cJSON *end = cJSON_CreateObject();
	add_quantiles(end, f->end_p50, f->end_p80, f->end_p95, f->any, &ok);
	rm_json_add(port, ROADMAP_FIELD_END, end, &ok);
	rm_json_add(cost, "p50", rm_json_money(f->cost_p50), &ok);
	rm_json_add(cost, "p80", rm_json_money(f->cost_p80), &ok);
	rm_json_add(cost, "p95", rm_json_money(f->cost_p95), &ok);
	rm_json_add(port, "cost", cost, &ok);
	rm_json_add(o, "portfolio", port, &ok);
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

enum roadmap_status roadmap_forecast_json(const struct roadmap *rm,
					  const struct roadmap_forecast *f,
					  char **out, struct roadmap_error *err)
{
	struct strbuf b = {0};
	cJSON *o = rm_forecast_object(rm, f);
	enum roadmap_status st = rm_json_finish(&b, o, out, NULL, err);

	cJSON_Delete(o);
	return st;
}

/* A ratio rounded to three decimals, or null. */
static cJSON *ratio(bool has, double v)
{
	return has ? rm_json_thousandths(llround(v * 1000)) : cJSON_CreateNull();
}

cJSON *rm_earned_value_object(const struct roadmap *rm,
				  const struct roadmap_tracking *t,
				  const struct roadmap_earned_value *x)
{
	bool ok = true;
	cJSON *e = cJSON_CreateObject();

	rm_json_add(e, ROADMAP_FIELD_ID, rm_json_ref(rm->inits[x->index].id),
		    &ok);
	rm_json_add(e, "bac", rm_json_money(x->bac), &ok);
	rm_json_add(e, "planned_pct",
		    rm_json_hundredths(llround(x->planned_pct * 100)), &ok);
	rm_json_add(e, "pv", rm_json_money(x->pv), &ok);
	rm_json_add(e, ROADMAP_FIELD_PROGRESS,
		    rm_json_hundredths(llround(x->progress * 100)), &ok);
	rm_json_add(e, "ev", rm_json_money(x->ev), &ok);
	rm_json_add(e, "ac", rm_json_money(x->ac), &ok);
	rm_json_add(e, "sv", rm_json_money(x->sv), &ok);
	rm_json_add(e, "cv", rm_json_money(x->cv), &ok);
	rm_json_add(e, "spi", ratio(x->has_spi, x->spi), &ok);
	rm_json_add(e, "cpi", ratio(x->has_cpi, x->cpi), &ok);
	rm_json_add(e, "eac", money_or_null(x->has_eac, x->eac), &ok);
	rm_json_add(e, "vac", money_or_null(x->has_eac, x->vac), &ok);
	rm_json_add(e, "late", cJSON_CreateBool(x->late), &ok);
	if (t->baselined) {
		rm_json_add(e, "slip_days",
			    x->in_baseline
				? cJSON_CreateNumber((double)x->slip_days)
				: cJSON_CreateNull(),
			    &ok);
		rm_json_add(e, "bac_change",
			    money_or_null(x->in_baseline, x->bac_change), &ok);
		rm_json_add(e, "new", cJSON_CreateBool(!x->in_baseline), &ok);
	}
	return ok ? e : (cJSON_Delete(e), NULL);
}

cJSON *rm_goal_tracking_object(const struct roadmap *rm,
				   const struct roadmap_goal_tracking *x)
{
	bool ok = true;
	cJSON *e = cJSON_CreateObject();
	const char *state = roadmap_goal_state_name(x->state);

	rm_json_add(e, ROADMAP_FIELD_ID, rm_json_ref(rm->goals[x->index].id),
		    &ok);
	rm_json_add(e, "current",
		    x->has_current ? cJSON_CreateNumber(x->current)
				   : cJSON_CreateNull(),
		    &ok);
	rm_json_add(e, ROADMAP_FIELD_PROGRESS,
		    ratio(x->has_progress, x->progress), &ok);
	rm_json_add(e, "expected", ratio(x->has_expected, x->expected), &ok);
	rm_json_add(e, "state", rm_json_string_or_null(state), &ok);
	rm_json_add(e, "score",
		    x->has_progress ? rm_json_hundredths(llround(x->score * 100))
				    : cJSON_CreateNull(),
		    &ok);
	return ok ? e : (cJSON_Delete(e), NULL);
}

cJSON *rm_tracking_object(const struct roadmap *rm,
			  const struct roadmap_tracking *t)
{
	bool ok = true;
	cJSON *o = cJSON_CreateObject(), *inits = cJSON_CreateArray();
	cJSON *goals = cJSON_CreateArray(), *port = cJSON_CreateObject();

	rm_json_add(o, "as_of", rm_json_date(t->as_of), &ok);
	for (size_t i = 0; ok && i < t->n_initiatives; i++) {
		rm_json_push(inits,
			     rm_earned_value_object(rm, t, &t->initiatives[i]),
			     &ok);
	}
	rm_json_add(o, ROADMAP_KEY_INITIATIVES, inits, &ok);
	for (size_t g = 0; ok && g < t->n_goals; g++) {
		rm_json_push(goals, rm_goal_tracking_object(rm, &t->goals[g]),
			     &ok);
	}
	rm_json_add(o, ROADMAP_KEY_GOALS, goals, &ok);
	rm_json_add(port, "bac", rm_json_money(t->bac), &ok);
	rm_json_add(port, "pv", rm_json_money(t->pv), &ok);
	rm_json_add(port, "ev", rm_json_money(t->ev), &ok);
	rm_json_add(port, "ac", rm_json_money(t->ac), &ok);
	rm_json_add(port, "eac", money_or_null(t->has_eac, t->eac), &ok);
	rm_json_add(port, "spi", ratio(t->has_spi, t->spi), &ok);
	rm_json_add(port, "cpi", ratio(t->has_cpi, t->cpi), &ok);
	rm_json_add(o, "portfolio", port, &ok);
	if (t->baselined) {
		rm_json_add(o, "removed",
			    rm_json_const_list(t->removed, t->n_removed), &ok);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

enum roadmap_status roadmap_tracking_json(const struct roadmap *rm,
					  const struct roadmap_tracking *t,
					  char **out, struct roadmap_error *err)
{
	struct strbuf b = {0};
	cJSON *o = rm_tracking_object(rm, t);
	enum roadmap_status st = rm_json_finish(&b, o, out, NULL, err);

	cJSON_Delete(o);
	return st;
}
