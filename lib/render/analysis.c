/*
 * analysis.c - the one analysis an export hands its renderers
 * (analysis.h): the tables built once, every part worked out from them.
 */
#include "analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool wanted(const struct rm_analysis *a, unsigned want,
		   enum rm_analysis_part part)
{
	return (want & part) && !(a->built & part);
}

/* A roadmap that records progress or measurements is exported with its
 * figures of the day: its findings are the day's too (the time rules of
 * check --as-of). */
static struct roadmap_check_options
check_options(const struct roadmap *rm,
	      const struct roadmap_export_options *opt)
{
	struct roadmap_check_options co = {0};

	if (opt && opt->has_as_of && roadmap_has_tracking(rm)) {
		co.has_as_of = true;
		co.as_of = opt->as_of;
	}
	return co;
}

enum roadmap_status
roadmap_export_findings(const struct roadmap *rm,
			const struct roadmap_selection *sel,
			const struct roadmap_export_options *opt,
			struct roadmap_findings *out, struct roadmap_error *err)
{
	struct roadmap_check_options co = check_options(rm, opt);
	enum roadmap_status st = roadmap_check_opt(rm, &co, out, err);

	if (st == ROADMAP_OK) {
		st = roadmap_findings_select(rm, sel, out, err);
	}
	return st;
}

enum roadmap_status rm_analysis_build(const struct roadmap *rm, unsigned want,
				      const struct roadmap_export_options *opt,
				      struct rm_analysis *a,
				      struct roadmap_error *err)
{
	enum roadmap_status st;
	struct roadmap_error serr;

	if ((want & ~a->built) && !(a->built & RM_AN_TABLES)) {
		/* again only after rm_analysis_built(), for a part asked
		 * late: a test counts the tables each export builds */
		roadmap_spend_release(&a->sp);
		if ((st = rm_spend_refs_build(rm, false, &a->sp, &a->refs,
					      err))) {
			return st;
		}
		if (!rm_graph_build_refs(rm, &a->refs, &a->g)) {
			return rm_nomem(err);
		}
		a->built |= RM_AN_TABLES;
	}
	/* before the findings, which read it when it is built */
	if (wanted(a, want, RM_AN_TRACKING)) {
		if (opt && opt->has_as_of &&
		    (st =
			 roadmap_tracking(rm, opt->as_of, NULL, &a->tr, err))) {
			return st;
		}
		a->tr_ok = opt && opt->has_as_of;
		a->built |= RM_AN_TRACKING;
	}
	if (wanted(a, want, RM_AN_FINDINGS) && opt && opt->findings) {
		/* the caller's: a selection's, of the whole roadmap */
		a->f = *opt->findings;
		a->f_borrowed = true;
		a->built |= RM_AN_FINDINGS;
	}
	if (wanted(a, want, RM_AN_FINDINGS)) {
		struct roadmap_check_options co = check_options(rm, opt);
		if ((st = rm_check_prebuilt(rm, &co, &a->sp, &a->refs, &a->g,
					    a->tr_ok ? &a->tr : NULL, &a->f,
					    err))) {
			return st;
		}
		a->built |= RM_AN_FINDINGS;
	}
	if (wanted(a, want, RM_AN_BUDGET)) {
		if ((st = rm_budget_report_from(rm, &a->sp, ROADMAP_BY_QUARTER,
						&a->br, err))) {
			return st;
		}
		a->built |= RM_AN_BUDGET;
	}
	if (wanted(a, want, RM_AN_HEADLINE)) {
		if ((st = rm_headline_envelope(rm, &a->sp, &a->head, err))) {
			return st;
		}
		a->built |= RM_AN_HEADLINE;
	}
	if (wanted(a, want, RM_AN_SCHEDULE)) {
		/* a cycle leaves the schedule out; the findings name it */
		st = rm_schedule_graph(rm, &a->g, &a->s, &serr);
		if (st == ROADMAP_ERR_NOMEM) {
			return rm_nomem(err);
		}
		a->sched_ok = st == ROADMAP_OK;
		if (!a->sched_ok) {
			snprintf(a->sched_error, sizeof(a->sched_error), "%s",
				 serr.message);
		}
		a->built |= RM_AN_SCHEDULE;
	}
	if (wanted(a, want, RM_AN_PLANNED)) {
		if ((st = rm_goal_planned(rm, -1, &a->planned, err))) {
			return st;
		}
		a->built |= RM_AN_PLANNED;
	}
	if (wanted(a, want, RM_AN_FORECAST)) {
		if ((st = rm_export_forecast(rm, &a->refs, &a->g, &a->fc,
					     &a->fc_ok, err))) {
			return st;
		}
		a->built |= RM_AN_FORECAST;
	}
	return ROADMAP_OK;
}

void rm_analysis_built(struct rm_analysis *a)
{
	rm_refs_release(&a->refs);
	rm_graph_release(&a->g);
	a->built &= ~(unsigned)RM_AN_TABLES;
}

void rm_analysis_release(struct rm_analysis *a)
{
	roadmap_spend_release(&a->sp);
	rm_refs_release(&a->refs);
	rm_graph_release(&a->g);
	if (!a->f_borrowed) {
		roadmap_findings_release(&a->f);
	}
	roadmap_budget_report_release(&a->br);
	roadmap_schedule_release(&a->s);
	free(a->planned);
	roadmap_forecast_release(&a->fc);
	roadmap_tracking_release(&a->tr);
	memset(a, 0, sizeof(*a));
}

size_t rm_pillar_slot(const struct roadmap *rm, size_t p)
{
	return p >= rm->n_pillars ? RM_PILLAR_COLORS - 1
				  : p % (RM_PILLAR_COLORS - 1);
}

uint32_t rm_pillar_slot_color(size_t slot)
{
	static const uint32_t colors[RM_PILLAR_COLORS] = {
	    0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9,
	    0xF0E442, 0x555555, 0xAAAAAA, 0xBBBBBB};

	return colors[slot < RM_PILLAR_COLORS ? slot : RM_PILLAR_COLORS - 1];
}

uint32_t rm_pillar_color(const struct roadmap *rm, size_t p)
{
	return rm_pillar_slot_color(rm_pillar_slot(rm, p));
}

bool rm_budget_estimated(const struct roadmap_budget_row *x, int k)
{
	return x->actual_estimated && (k == ROADMAP_BUDGET_ACTUAL_OPEX ||
				       k == ROADMAP_BUDGET_ACTUAL_CAPEX);
}

/* See analysis.h: the deck's and the page's charts share it. */
int64_t rm_axis_step(int64_t v, int *n)
{
	static const int64_t m[] = {10, 20, 25, 50}; /* tenths */

	v = v > 0 ? v : 1;
	for (int64_t p = 1;; p *= 10) {
		for (size_t k = 0; k < sizeof(m) / sizeof(m[0]); k++) {
			if (m[k] * p % 10) {
				continue; /* 2.5 cents is no step */
			}
			int64_t step = m[k] * p / 10;
			int64_t count = (v + step - 1) / step;
			if (count <= 6) {
				*n = (int)count;
				return step;
			}
		}
	}
}
