/* graph.h - the dependency graph of counting initiatives (private). */
#ifndef ROADMAP_GRAPH_H
#define ROADMAP_GRAPH_H

#include "internal.h"

/*
 * Nodes are initiative indexes; only counting initiatives take part, and
 * only edges to existing counting prerequisites. Edges are kept both ways
 * in compressed rows: pre[pre_off[i] .. pre_off[i + 1]) are i's
 * prerequisites, dep[...] its dependents.
 */
struct rm_graph {
	size_t n;
	bool *in;
	size_t *pre_off, *pre;
	size_t *dep_off, *dep;
};

/*
 * Every reference of every initiative resolved once to an index, so that
 * the checks do one hash lookup per reference instead of one per use.
 */
#define RM_UNKNOWN SIZE_MAX
#define RM_NONE (SIZE_MAX - 1)
struct rm_refs {
	size_t *goff, *goal; /* goal indexes, RM_UNKNOWN for a missing goal */
	size_t *doff, *dep;  /* prerequisite indexes, RM_UNKNOWN if missing */
	size_t *team;        /* team index, RM_NONE or RM_UNKNOWN */
	size_t *pillar;      /* declared pillar index, RM_NONE or RM_UNKNOWN */
};

bool rm_refs_build(const struct roadmap *rm, struct rm_refs *r);
void rm_refs_release(struct rm_refs *r);

bool rm_graph_build(const struct roadmap *rm, struct rm_graph *g);
bool rm_graph_build_refs(const struct roadmap *rm, const struct rm_refs *r,
			 struct rm_graph *g);
void rm_graph_release(struct rm_graph *g);

struct rm_cycle {
	char *subject;   /* the smallest id in the cycle */
	char *message;   /* "dependency cycle: a -> b -> a" */
	char **members;  /* sorted ids */
	size_t n_members;
};

/* Every cycle (a strongly connected component with more than one node, or
 * a self-dependency), iteratively. False when out of memory. With comp_out,
 * *comp_out is a malloc'ed array of each node's component number (two
 * initiatives in one cycle share one; SIZE_MAX outside the graph). */
bool rm_graph_cycles(const struct roadmap *rm, const struct rm_graph *g,
		     struct rm_cycle **out, size_t *n, size_t **comp_out);
void rm_cycles_free(struct rm_cycle *c, size_t n);

/* A topological order, prerequisites first (Kahn). *count is the number of
 * nodes ordered: fewer than the graph's when there is a cycle. */
bool rm_graph_topo(const struct rm_graph *g, size_t *order, size_t *count);
/* The same, or ROADMAP_ERR_DATA naming a cycle ("dependency cycle: a -> b
 * -> a", and whether there are more), as schedule and optimize refuse. */
enum roadmap_status rm_graph_order(const struct roadmap *rm,
				   const struct rm_graph *g, size_t *order,
				   size_t *count, struct roadmap_error *err);

int rm_strcmp_ptr(const void *a, const void *b);

/* The spend table (roadmap_spend_build) and the references at once; with
 * threads, a large roadmap's spend is built on a second thread. On failure
 * neither is left to release. */
enum roadmap_status rm_spend_refs_build(const struct roadmap *rm, bool threads,
					struct roadmap_spend *sp,
					struct rm_refs *refs,
					struct roadmap_error *err);

/*
 * The check and the schedule from tables already built, only read: what
 * roadmap_check_opt() and roadmap_schedule() give, which build their own.
 * An export builds the tables once and hands them to both (the renderers'
 * one analysis, lib/render/analysis.h). sp, refs and g are the roadmap's
 * own (rm_spend_refs_build, rm_graph_build_refs); they fail as the public
 * functions. day, when not NULL, is the tracking as of o->as_of, built
 * and kept by the caller, which the rules of the day then read.
 */
enum roadmap_status rm_check_prebuilt(const struct roadmap *rm,
				      const struct roadmap_check_options *o,
				      const struct roadmap_spend *sp,
				      const struct rm_refs *refs,
				      const struct rm_graph *g,
				      const struct roadmap_tracking *day,
				      struct roadmap_findings *out,
				      struct roadmap_error *err);
enum roadmap_status rm_schedule_graph(const struct roadmap *rm,
				      const struct rm_graph *g,
				      struct roadmap_schedule *out,
				      struct roadmap_error *err);

#endif
