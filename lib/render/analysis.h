/*
 * analysis.h - the one analysis of a roadmap an export shows (private):
 * the spend table, the references and the dependency graph built once,
 * and the findings, budget report, schedule, forecast and tracking worked
 * out from them, then handed to the renderers (export.c, export-html.c,
 * export-xlsx.c and theirs), none of which builds a table of its own
 * (docs/decisions.md, "Renderers take one analysis").
 */
#ifndef ROADMAP_ANALYSIS_H
#define ROADMAP_ANALYSIS_H

#include "graph.h"

/* The parts a renderer asks for; the tables (spend, references, graph)
 * come with any of them. */
enum rm_analysis_part {
	RM_AN_FINDINGS = 1 << 0, /* the plain check (no day's rules) */
	RM_AN_BUDGET = 1 << 1,	 /* the budget report by quarter */
	RM_AN_HEADLINE = 1 << 2, /* the headline envelopes */
	RM_AN_SCHEDULE = 1 << 3, /* the critical path, or why none */
	RM_AN_PLANNED = 1 << 4,	 /* each goal's planned cost */
	RM_AN_FORECAST = 1 << 5, /* the exports' forecast */
	RM_AN_TRACKING = 1 << 6, /* as of the options' day, if they give one */
	RM_AN_TABLES = 1 << 7,	 /* (built first, always) */
};

struct rm_analysis {
	unsigned built; /* the parts built */
	struct roadmap_spend sp;
	struct rm_refs refs;
	struct rm_graph g;
	struct roadmap_findings f;
	bool f_borrowed; /* f is the options' findings, not ours to free */
	struct roadmap_budget_report br;
	struct rm_headline head;
	struct roadmap_schedule s; /* with sched_ok; else sched_error says */
	bool sched_ok;		   /* why (a cycle, which the findings name) */
	char sched_error[512];
	int64_t *planned;	    /* per goal */
	struct roadmap_forecast fc; /* with fc_ok: some estimate exists */
	bool fc_ok;
	struct roadmap_tracking tr; /* with tr_ok: the options gave a day */
	bool tr_ok;
};

/*
 * Builds the parts of want (enum rm_analysis_part) that a has not built
 * yet, each once, into a (zeroed before the first call); an export may
 * call it again for more. The options give the tracking's day. Fails as
 * the part that failed; release a either way.
 */
enum roadmap_status rm_analysis_build(const struct roadmap *rm, unsigned want,
				      const struct roadmap_export_options *opt,
				      struct rm_analysis *a,
				      struct roadmap_error *err);
/* Frees the references and the graph, which only the parts are built
 * from (a renderer reads neither), once the last part is built: a large
 * export then holds less at its peak, while it writes. */
void rm_analysis_built(struct rm_analysis *a);
void rm_analysis_release(struct rm_analysis *a);

/* The axis of a chart of amounts up to v (cents), as the page and the deck
 * draw it: the smallest round step (1, 2, 2.5 or 5 times a power of ten)
 * that covers v in at most six intervals; *n receives the intervals, so
 * the axis ends at the first tick at or above v. */
int64_t rm_axis_step(int64_t v, int *n);

/* A pillar's colour (0xRRGGBB) in the deck and on the page alike: Okabe
 * and Ito's palette (told apart by every common colour-vision
 * deficiency), then greys, a lighter grey for work in no pillar (p at or
 * past the roadmap's pillars). */
#define RM_PILLAR_COLORS 9
uint32_t rm_pillar_color(const struct roadmap *rm, size_t p);
/* Which of the RM_PILLAR_COLORS colours pillar p has, and the colour of
 * each (the deck makes a cell format per colour). */
size_t rm_pillar_slot(const struct roadmap *rm, size_t p);
uint32_t rm_pillar_slot_color(size_t slot);

/* Whether column k of budget row x is an estimate: the actual opex or
 * capex of a row with an unsplit actual (marked "~", RM_ESTIMATED_SPLIT). */
bool rm_budget_estimated(const struct roadmap_budget_row *x, int k);

#endif
