/*
 * readings.c - dated readings: an initiative's progress and a goal's
 * measurements (roadmap(1), progress and measure), kept in day order with
 * one reading a day; recording and removing them are edits of the model.
 * What the readings mean (earned value, a goal's state) is analysis, in
 * analysis/tracking.c.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool rm_reading_put(struct roadmap_reading **list, size_t *n, roadmap_day day,
		    double value, bool *replaced)
{
	size_t i = *n;

	while (i > 0 && (*list)[i - 1].day > day) {
		i--;
	}
	if (replaced) {
		*replaced = i > 0 && (*list)[i - 1].day == day;
	}
	if (i > 0 && (*list)[i - 1].day == day) {
		(*list)[i - 1].value = value;
		return true;
	}
	struct roadmap_reading *r = realloc(*list, (*n + 1) * sizeof(*r));
	if (!r) {
		return false;
	}
	memmove(r + i + 1, r + i, (*n - i) * sizeof(*r));
	r[i].day = day;
	r[i].value = value;
	*list = r;
	(*n)++;
	return true;
}

const struct roadmap_reading *
rm_reading_last(const struct roadmap_reading *list, size_t n, roadmap_day day)
{
	size_t lo = 0, hi = n; /* the first reading after day */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (list[mid].day <= day) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo ? &list[lo - 1] : NULL;
}

const char *rm_percent_problem(double v)
{
	if (!isfinite(v) || v < 0 || v > 100 || signbit(v)) {
		return "must be a percent from 0 to 100";
	}
	if ((double)llround(v * 100) / 100 != v) {
		return "has more than two decimals";
	}
	return NULL;
}

/* The list of readings of item id (an initiative's progress, a goal's
 * measurements), or a failure naming what is missing. */
static enum roadmap_status readings_of(struct roadmap *rm, const char *id,
				       bool goal,
				       struct roadmap_reading ***list,
				       size_t **n, struct roadmap_error *err)
{
	char q[120];
	long i = goal ? roadmap_goal_index(rm, id)
		      : roadmap_initiative_index(rm, id);

	if (i < 0) {
		return rm_fail(err, ROADMAP_ERR_DATA, "no %s %s",
			       goal ? ROADMAP_WORD_GOAL
				    : ROADMAP_WORD_INITIATIVE,
			       rm_quote(id, q, sizeof(q)));
	}
	if (goal) {
		*list = &rm->goals[i].measurements;
		*n = &rm->goals[i].n_measurements;
	} else {
		*list = &rm->inits[i].progress;
		*n = &rm->inits[i].n_progress;
	}
	return ROADMAP_OK;
}

static enum roadmap_status put_reading(struct roadmap *rm, const char *id,
				       bool goal, roadmap_day day, double value,
				       struct roadmap_error *err)
{
	struct roadmap_reading **list = NULL;
	size_t *n = NULL;
	char buf[ROADMAP_NUMBER_BUF];
	const char *why = goal ? (isfinite(value) ? NULL : "is out of range")
			       : rm_percent_problem(value);
	enum roadmap_status st = readings_of(rm, id, goal, &list, &n, err);

	if (st) {
		return st;
	}
	if (why) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s %s",
			       goal ? "value" : ROADMAP_FIELD_PROGRESS,
			       isfinite(value)
				   ? roadmap_number_format(value, buf)
				   : "(not a number)",
			       why);
	}
	if (!rm_reading_put(list, n, day, value, NULL)) {
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

static enum roadmap_status drop_reading(struct roadmap *rm, const char *id,
					bool goal, roadmap_day day,
					struct roadmap_error *err)
{
	struct roadmap_reading **list = NULL;
	size_t *n = NULL;
	char q[120], d[16];
	enum roadmap_status st = readings_of(rm, id, goal, &list, &n, err);

	if (st) {
		return st;
	}
	for (size_t k = 0; k < *n; k++) {
		if ((*list)[k].day == day) {
			memmove(*list + k, *list + k + 1,
				(*n - k - 1) * sizeof(**list));
			(*n)--;
			return ROADMAP_OK;
		}
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "%s has no %s on %s",
		       rm_quote(id, q, sizeof(q)),
		       goal ? "measurement" : ROADMAP_FIELD_PROGRESS,
		       roadmap_day_format(day, d));
}

enum roadmap_status roadmap_set_progress(struct roadmap *rm,
					 const char *initiative,
					 roadmap_day day, double percent,
					 struct roadmap_error *err)
{
	return put_reading(rm, initiative, false, day, percent, err);
}

enum roadmap_status roadmap_unset_progress(struct roadmap *rm,
					   const char *initiative,
					   roadmap_day day,
					   struct roadmap_error *err)
{
	return drop_reading(rm, initiative, false, day, err);
}

enum roadmap_status roadmap_set_measurement(struct roadmap *rm,
					    const char *goal, roadmap_day day,
					    double value,
					    struct roadmap_error *err)
{
	return put_reading(rm, goal, true, day, value, err);
}

enum roadmap_status roadmap_unset_measurement(struct roadmap *rm,
					      const char *goal, roadmap_day day,
					      struct roadmap_error *err)
{
	return drop_reading(rm, goal, true, day, err);
}

/* ---------------------------------------------- a team's capacity ramp */

int64_t roadmap_team_capacity_on(const struct roadmap_team *t, roadmap_day day)
{
	const struct roadmap_reading *r =
	    rm_reading_last(t->capacity_changes, t->n_capacity_changes, day);

	return r ? llround(r->value * 100) : t->capacity;
}

int64_t roadmap_team_capacity_days(const struct roadmap_team *t,
				   roadmap_day from, roadmap_day to)
{
	int64_t sum = 0;
	roadmap_day d = from;

	/* each stretch of days at one capacity: up to the next change */
	while (d <= to) {
		const struct roadmap_reading *r = rm_reading_last(
		    t->capacity_changes, t->n_capacity_changes, d);
		size_t next = r ? (size_t)(r - t->capacity_changes) + 1 : 0;
		roadmap_day e = next < t->n_capacity_changes &&
					t->capacity_changes[next].day <= to
				    ? t->capacity_changes[next].day - 1
				    : to;
		sum += roadmap_team_capacity_on(t, d) * (e - d + 1);
		d = e + 1;
	}
	return sum;
}

enum roadmap_status roadmap_set_capacity(struct roadmap *rm, const char *team,
					 roadmap_day from, int64_t fte,
					 struct roadmap_error *err)
{
	struct roadmap_team *t =
	    (struct roadmap_team *)roadmap_find_team(rm, team);
	char q[120];

	if (!t) {
		return rm_fail(err, ROADMAP_ERR_DATA, "no team %s",
			       rm_quote(team, q, sizeof(q)));
	}
	if (fte < 0 || fte > RM_FTE_MAX) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "capacity is out of range");
	}
	if (!rm_reading_put(&t->capacity_changes, &t->n_capacity_changes, from,
			    (double)fte / 100.0, NULL)) {
		return rm_nomem(err);
	}
	return ROADMAP_OK;
}

enum roadmap_status roadmap_unset_capacity(struct roadmap *rm, const char *team,
					   roadmap_day from,
					   struct roadmap_error *err)
{
	struct roadmap_team *t =
	    (struct roadmap_team *)roadmap_find_team(rm, team);
	char q[120], d[16];

	if (!t) {
		return rm_fail(err, ROADMAP_ERR_DATA, "no team %s",
			       rm_quote(team, q, sizeof(q)));
	}
	for (size_t k = 0; k < t->n_capacity_changes; k++) {
		if (t->capacity_changes[k].day == from) {
			memmove(t->capacity_changes + k,
				t->capacity_changes + k + 1,
				(t->n_capacity_changes - k - 1) *
				    sizeof(*t->capacity_changes));
			t->n_capacity_changes--;
			return ROADMAP_OK;
		}
	}
	return rm_fail(err, ROADMAP_ERR_DATA, "%s has no capacity change on %s",
		       rm_quote(team, q, sizeof(q)),
		       roadmap_day_format(from, d));
}
