/*
 * level-out.c - a levelled plan applied to the roadmap, and its JSON
 * (roadmap(1), schedule --level).
 */
#include "json.h"

#include <string.h>

enum roadmap_status roadmap_level_apply(struct roadmap *rm,
					const struct roadmap_level *l,
					size_t *moved,
					struct roadmap_error *err)
{
	char q[120], day[16];

	if (moved) {
		*moved = 0;
	}
	if (l->status == ROADMAP_PLAN_INFEASIBLE) {
		return ROADMAP_OK;
	}
	/* every move is checked before the first is made: all or nothing */
	for (size_t k = 0; k < l->n_moves; k++) {
		const struct roadmap_level_move *mv = &l->moves[k];
		const struct roadmap_initiative *in = &rm->inits[mv->index];
		int64_t shift = 7 * (int64_t)mv->weeks;
		roadmap_day last =
		    in->has_pessimistic && in->pessimistic > in->end
			? in->pessimistic
			: in->end;
		if (!rm_day_in_range((roadmap_day)(last + shift))) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s would move to end %s, outside the "
				       "years 1900-2200",
				       rm_quote(in->id, q, sizeof(q)),
				       roadmap_day_format(
					   (roadmap_day)(last + shift), day));
		}
	}
	for (size_t k = 0; k < l->n_moves; k++) {
		const struct roadmap_level_move *mv = &l->moves[k];
		struct roadmap_initiative *in = &rm->inits[mv->index];
		int32_t shift = 7 * mv->weeks;
		in->start += shift;
		in->end += shift;
		in->optimistic += in->has_optimistic ? shift : 0;
		in->pessimistic += in->has_pessimistic ? shift : 0;
	}
	if (moved) {
		*moved = l->n_moves;
	}
	return ROADMAP_OK;
}

static cJSON *objective_json(const struct roadmap_level_objective *o, bool *ok)
{
	cJSON *x = cJSON_CreateObject();

	rm_json_add(x, "late_days", cJSON_CreateNumber((double)o->late_days),
		    ok);
	rm_json_add(x, "delay_days", cJSON_CreateNumber((double)o->delay_days),
		    ok);
	rm_json_add(x, ROADMAP_FIELD_END,
		    o->has_end ? rm_json_date(o->end) : cJSON_CreateNull(), ok);
	return x;
}

/* a load in hundredths x days as FTE, rounded half up as check does */
static cJSON *fte_json(int64_t v, int64_t days)
{
	return rm_json_hundredths((v + days / 2) / days);
}

enum roadmap_status roadmap_level_json(const struct roadmap *rm,
				       const struct roadmap_level *l,
				       char **out, struct roadmap_error *err)
{
	bool ok = true, inf = l->status == ROADMAP_PLAN_INFEASIBLE;
	cJSON *o = cJSON_CreateObject();
	char label[16];
	struct strbuf b = {0};

	*out = NULL;
	rm_json_add(o, ROADMAP_FIELD_STATUS,
		    cJSON_CreateString(roadmap_plan_status_name(l->status)),
		    &ok);
	rm_json_add(o, "as_of", rm_json_date(l->as_of), &ok);
	rm_json_add(o, "horizon_weeks", cJSON_CreateNumber(l->horizon_weeks),
		    &ok);
	rm_json_add(o, "movable", cJSON_CreateNumber((double)l->movable), &ok);
	rm_json_add(
	    o, "objective",
	    inf ? cJSON_CreateNull() : objective_json(&l->objective, &ok), &ok);
	rm_json_add(o, "bound",
		    inf ? cJSON_CreateNull() : objective_json(&l->bound, &ok),
		    &ok);
	if (inf) {
		rm_json_add(o, "gap", cJSON_CreateNull(), &ok);
	} else {
		cJSON *g = cJSON_CreateObject();
		rm_json_add(g, "late_days",
			    cJSON_CreateNumber((double)(l->objective.late_days -
							l->bound.late_days)),
			    &ok);
		rm_json_add(
		    g, "delay_days",
		    cJSON_CreateNumber((double)(l->objective.delay_days -
						l->bound.delay_days)),
		    &ok);
		rm_json_add(
		    g, "end_days",
		    cJSON_CreateNumber(
			(double)((int64_t)l->objective.end - l->bound.end)),
		    &ok);
		rm_json_add(o, "gap", g, &ok);
	}
	rm_json_add(o, "before", objective_json(&l->before, &ok), &ok);
	if (inf) {
		rm_json_add(o, "breaks", cJSON_CreateString(l->breaks), &ok);
		rm_json_add(o, "message", cJSON_CreateString(l->why), &ok);
	}
	cJSON *moves = cJSON_CreateArray();
	for (size_t k = 0; k < l->n_moves; k++) {
		const struct roadmap_level_move *mv = &l->moves[k];
		cJSON *x = cJSON_CreateObject();
		rm_json_add(x, ROADMAP_FIELD_ID,
			    rm_json_ref(rm->inits[mv->index].id), &ok);
		rm_json_add(x, "weeks", cJSON_CreateNumber(mv->weeks), &ok);
		rm_json_add(x, ROADMAP_FIELD_START, rm_json_date(mv->start),
			    &ok);
		rm_json_add(x, ROADMAP_FIELD_END, rm_json_date(mv->end), &ok);
		rm_json_add(x, "reason", cJSON_CreateString(mv->reason), &ok);
		rm_json_push(moves, x, &ok);
	}
	rm_json_add(o, "moves", moves, &ok);
	cJSON *goals = cJSON_CreateArray();
	for (size_t k = 0; k < l->n_late_goals; k++) {
		const struct roadmap_level_goal *g = &l->late_goals[k];
		cJSON *x = cJSON_CreateObject();
		rm_json_add(x, ROADMAP_FIELD_ID,
			    rm_json_ref(rm->goals[g->index].id), &ok);
		rm_json_add(x, "due", rm_json_date(g->due), &ok);
		rm_json_add(x, "late_days",
			    cJSON_CreateNumber((double)g->late_days), &ok);
		rm_json_add(x, "late_days_before",
			    cJSON_CreateNumber((double)g->late_days_before),
			    &ok);
		rm_json_push(goals, x, &ok);
	}
	rm_json_add(o, "late_goals", goals, &ok);
	cJSON *load = cJSON_CreateArray();
	for (size_t k = 0; k < l->n_loads; k++) {
		const struct roadmap_level_load *x = &l->loads[k];
		cJSON *y = cJSON_CreateObject();
		rm_json_add(y, "team", rm_json_ref(rm->teams[x->team].id), &ok);
		rm_json_add(
		    y, "quarter",
		    cJSON_CreateString(roadmap_quarter_label(x->qi, label)),
		    &ok);
		rm_json_add(y, "capacity", fte_json(x->capacity, x->days), &ok);
		rm_json_add(y, "before", fte_json(x->before, x->days), &ok);
		rm_json_add(y, "after", fte_json(x->after, x->days), &ok);
		rm_json_add(y, "past", cJSON_CreateBool(x->past), &ok);
		rm_json_push(load, y, &ok);
	}
	rm_json_add(o, "load", load, &ok);
	enum roadmap_status st =
	    ok ? rm_json_finish(&b, o, out, NULL, err) : rm_nomem(err);

	cJSON_Delete(o);
	return st;
}
