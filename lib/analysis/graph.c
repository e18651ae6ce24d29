/*
 * graph.c - dependency cycles and topological order, without recursion:
 * a 100,000-long chain must not overflow the stack.
 */
#include "graph.h"

#include <pthread.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rm_strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void rm_graph_release(struct rm_graph *g)
{
	free(g->in);
	free(g->pre_off);
	free(g->pre);
	free(g->dep_off);
	free(g->dep);
	memset(g, 0, sizeof(*g));
}

void rm_refs_release(struct rm_refs *r)
{
	free(r->goff);
	free(r->goal);
	free(r->doff);
	free(r->dep);
	free((char *)r->team);
	free((char *)r->pillar);
	memset(r, 0, sizeof(*r));
}

bool rm_refs_build(const struct roadmap *rm, struct rm_refs *r)
{
	size_t n = rm->n_inits, ng = 0, nd = 0;

	memset(r, 0, sizeof(*r));
	for (size_t i = 0; i < n; i++) {
		ng += rm->inits[i].n_goals;
		nd += rm->inits[i].n_depends_on;
	}
	r->goff = malloc((n + 1) * sizeof(size_t));
	r->doff = malloc((n + 1) * sizeof(size_t));
	r->goal = malloc((ng + 1) * sizeof(size_t));
	r->dep = malloc((nd + 1) * sizeof(size_t));
	r->team = malloc((n + 1) * sizeof(size_t));
	r->pillar = malloc((n + 1) * sizeof(size_t));
	if (!r->goff || !r->doff || !r->goal || !r->dep || !r->team ||
	    !r->pillar) {
		rm_refs_release(r);
		return false;
	}
	/* the names in a row, each list's looked up at once (see
	 * idmap_get_all) */
	size_t most = n > ng ? (n > nd ? n : nd) : (ng > nd ? ng : nd);
	const char **keys = calloc(most + 1, sizeof(*keys));
	if (!keys) {
		rm_refs_release(r);
		return false;
	}
	ng = nd = 0;
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		r->goff[i] = ng;
		for (size_t g = 0; g < in->n_goals; g++) {
			keys[ng++] = in->goals[g];
		}
	}
	idmap_get_all(&rm->goal_ids, keys, ng, r->goal, RM_UNKNOWN, RM_NONE);
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		r->doff[i] = nd;
		for (size_t d = 0; d < in->n_depends_on; d++) {
			keys[nd++] = in->depends_on[d];
		}
	}
	idmap_get_all(&rm->init_ids, keys, nd, r->dep, RM_UNKNOWN, RM_NONE);
	for (size_t i = 0; i < n; i++) {
		keys[i] = rm->inits[i].team;
	}
	idmap_get_all(&rm->team_ids, keys, n, r->team, RM_UNKNOWN, RM_NONE);
	free(keys);
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		r->pillar[i] = in->pillar ? RM_UNKNOWN : RM_NONE;
		for (size_t p = 0; in->pillar && p < rm->n_pillars; p++) {
			if (rm->pillars[p][0] == in->pillar[0] &&
			    strcmp(rm->pillars[p], in->pillar) == 0) {
				r->pillar[i] = p;
				break;
			}
		}
	}
	r->goff[n] = ng;
	r->doff[n] = nd;
	return true;
}

bool rm_graph_build(const struct roadmap *rm, struct rm_graph *g)
{
	struct rm_refs r;
	bool ok;

	if (!rm_refs_build(rm, &r)) {
		memset(g, 0, sizeof(*g));
		return false;
	}
	ok = rm_graph_build_refs(rm, &r, g);
	rm_refs_release(&r);
	return ok;
}

bool rm_graph_build_refs(const struct roadmap *rm, const struct rm_refs *r,
			 struct rm_graph *g)
{
	size_t n = rm->n_inits, edges = 0;

	memset(g, 0, sizeof(*g));
	g->n = n;
	g->in = calloc(n + 1, sizeof(*g->in));
	g->pre_off = calloc(n + 1, sizeof(size_t));
	g->dep_off = calloc(n + 2, sizeof(size_t));
	if (!g->in || !g->pre_off || !g->dep_off) {
		goto nomem;
	}
	for (size_t i = 0; i < n; i++) {
		g->in[i] = roadmap_initiative_counts(&rm->inits[i]);
	}
	/* count, then fill: prerequisites in list order */
	for (size_t i = 0; i < n; i++) {
		g->pre_off[i] = edges;
		for (size_t e = r->doff[i]; g->in[i] && e < r->doff[i + 1];
		     e++) {
			size_t j = r->dep[e];
			if (j != RM_UNKNOWN && g->in[j]) {
				edges++;
				g->dep_off[j + 2]++;
			}
		}
	}
	g->pre_off[n] = edges;
	g->pre = malloc((edges ? edges : 1) * sizeof(size_t));
	g->dep = malloc((edges ? edges : 1) * sizeof(size_t));
	if (!g->pre || !g->dep) {
		goto nomem;
	}
	for (size_t i = 2; i < n + 2; i++) {
		g->dep_off[i] += g->dep_off[i - 1];
	}
	size_t e2 = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t e = r->doff[i]; g->in[i] && e < r->doff[i + 1];
		     e++) {
			size_t j = r->dep[e];
			if (j != RM_UNKNOWN && g->in[j]) {
				g->pre[e2++] = j;
				g->dep[g->dep_off[j + 1]++] = i;
			}
		}
	}
	return true;
nomem:
	rm_graph_release(g);
	return false;
}

bool rm_graph_topo(const struct rm_graph *g, size_t *order, size_t *count)
{
	size_t *waiting = calloc(g->n + 1, sizeof(size_t));
	size_t head = 0, tail = 0;

	if (!waiting) {
		return false;
	}
	for (size_t i = 0; i < g->n; i++) {
		if (!g->in[i]) {
			continue;
		}
		waiting[i] = g->pre_off[i + 1] - g->pre_off[i];
		if (waiting[i] == 0) {
			order[tail++] = i;
		}
	}
	while (head < tail) {
		size_t v = order[head++];
		for (size_t k = g->dep_off[v]; k < g->dep_off[v + 1]; k++) {
			if (--waiting[g->dep[k]] == 0) {
				order[tail++] = g->dep[k];
			}
		}
	}
	free(waiting);
	*count = tail;
	return true;
}

void rm_cycles_free(struct rm_cycle *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].subject);
		free(c[i].message);
		rm_list_free(c[i].members, c[i].n_members);
	}
	free(c);
}

/*
 * The shortest loop from the component's smallest member back to itself,
 * found by a breadth-first search that stays inside the component.
 */
static char *loop_message(const struct roadmap *rm, const struct rm_graph *g,
			  const size_t *comp, const size_t *members, size_t m,
			  size_t start, size_t cid, size_t *parent,
			  size_t *queue)
{
	size_t head = 0, tail = 0, last = start;
	bool found = false;

	for (size_t k = 0; k < m; k++) {
		parent[members[k]] = SIZE_MAX;
	}
	queue[tail++] = start;
	while (head < tail && !found) {
		size_t v = queue[head++];
		for (size_t k = g->pre_off[v]; k < g->pre_off[v + 1]; k++) {
			size_t w = g->pre[k];
			if (comp[w] != cid) {
				continue;
			}
			if (w == start) {
				last = v;
				found = true;
				break;
			}
			if (parent[w] == SIZE_MAX) {
				parent[w] = v;
				queue[tail++] = w;
			}
		}
	}
	/* walk back from last to start, then print forwards */
	size_t len = 0, bytes = 32;
	for (size_t v = last;; v = parent[v]) {
		queue[len++] = v;
		bytes += strlen(rm->inits[v].id) + 4;
		if (v == start) {
			break;
		}
	}
	char *msg = malloc(bytes + strlen(rm->inits[start].id));
	if (!msg) {
		return NULL;
	}
	size_t o = (size_t)sprintf(msg, "dependency cycle: ");
	for (size_t k = len; k-- > 0;) {
		o += (size_t)sprintf(msg + o, "%s -> ", rm->inits[queue[k]].id);
	}
	sprintf(msg + o, "%s", rm->inits[start].id);
	return msg;
}

static bool emit_cycle(const struct roadmap *rm, const struct rm_graph *g,
		       const size_t *comp, const size_t *members, size_t m,
		       size_t cid, size_t *parent, size_t *queue,
		       struct rm_cycle **out, size_t *n, size_t *cap)
{
	size_t start = members[0];
	struct rm_cycle c = {0};

	for (size_t k = 1; k < m; k++) {
		if (strcmp(rm->inits[members[k]].id, rm->inits[start].id) < 0) {
			start = members[k];
		}
	}
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		struct rm_cycle *p = realloc(*out, nc * sizeof(*p));
		if (!p) {
			return false;
		}
		*out = p;
		*cap = nc;
	}
	c.subject = rm_strdup(rm->inits[start].id);
	c.message = loop_message(rm, g, comp, members, m, start, cid, parent,
				 queue);
	for (size_t k = 0; k < m; k++) {
		if (!rm_list_push(&c.members, &c.n_members,
				  rm->inits[members[k]].id)) {
			break;
		}
	}
	(*out)[(*n)++] = c;
	if (!c.subject || !c.message || c.n_members != m) {
		return false;
	}
	qsort(c.members, c.n_members, sizeof(char *), rm_strcmp_ptr);
	return true;
}

/* Tarjan's algorithm with an explicit call stack. */
bool rm_graph_cycles(const struct roadmap *rm, const struct rm_graph *g,
		     struct rm_cycle **out, size_t *n, size_t **comp_out)
{
	size_t N = g->n, cap = 0, next = 1, ncomp = 0;
	size_t *index = calloc(N + 1, sizeof(size_t));
	size_t *low = calloc(N + 1, sizeof(size_t));
	size_t *comp = malloc((N + 1) * sizeof(size_t));
	size_t *stack = malloc((N + 1) * sizeof(size_t));
	size_t *call = malloc((N + 1) * sizeof(size_t));
	size_t *edge = malloc((N + 1) * sizeof(size_t));
	size_t *parent = malloc((N + 1) * sizeof(size_t));
	size_t *queue = malloc((N + 1) * sizeof(size_t));
	bool *on = calloc(N + 1, sizeof(bool));
	size_t sp = 0;
	bool ok = index && low && comp && stack && call && edge && parent &&
		  queue && on;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; ok && i < N; i++) {
		comp[i] = SIZE_MAX;
	}
	for (size_t root = 0; ok && root < N; root++) {
		if (!g->in[root] || index[root]) {
			continue;
		}
		size_t depth = 0;
		call[depth] = root;
		edge[depth] = g->pre_off[root];
		index[root] = low[root] = next++;
		stack[sp++] = root;
		on[root] = true;
		while (ok) {
			size_t v = call[depth];
			if (edge[depth] < g->pre_off[v + 1]) {
				size_t w = g->pre[edge[depth]++];
				if (!index[w]) {
					index[w] = low[w] = next++;
					stack[sp++] = w;
					on[w] = true;
					call[++depth] = w;
					edge[depth] = g->pre_off[w];
				} else if (on[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			if (low[v] == index[v]) {
				/* v roots a component: pop it */
				size_t bottom = sp;
				do {
					bottom--;
				} while (stack[bottom] != v);
				size_t m = sp - bottom;
				for (size_t k = bottom; k < sp; k++) {
					on[stack[k]] = false;
					comp[stack[k]] = ncomp;
				}
				bool self = false;
				for (size_t k = g->pre_off[v];
				     m == 1 && k < g->pre_off[v + 1]; k++) {
					self = self || g->pre[k] == v;
				}
				if (m > 1 || self) {
					ok = emit_cycle(rm, g, comp,
							stack + bottom, m,
							ncomp, parent, queue,
							out, n, &cap);
				}
				ncomp++;
				sp = bottom;
			}
			if (depth == 0) {
				break;
			}
			depth--;
			size_t u = call[depth];
			if (low[v] < low[u]) {
				low[u] = low[v];
			}
		}
	}
	free(index);
	free(low);
	if (comp_out && ok) {
		*comp_out = comp;
	} else {
		free(comp);
	}
	free(stack);
	free(call);
	free(edge);
	free(parent);
	free(queue);
	free(on);
	if (!ok) {
		rm_cycles_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return ok;
}

enum roadmap_status rm_graph_order(const struct roadmap *rm,
				   const struct rm_graph *g, size_t *order,
				   size_t *count, struct roadmap_error *err)
{
	enum roadmap_status st = ROADMAP_ERR_DATA;
	struct rm_cycle *cy;
	size_t nodes = 0, nc;

	if (!rm_graph_topo(g, order, count)) {
		return rm_nomem(err);
	}
	for (size_t i = 0; i < g->n; i++) {
		nodes += g->in[i];
	}
	if (*count >= nodes) {
		return ROADMAP_OK;
	}
	if (!rm_graph_cycles(rm, g, &cy, &nc, NULL)) {
		return rm_nomem(err);
	}
	st = rm_fail(err, ROADMAP_ERR_DATA, "%s%s",
		     nc ? cy[0].message : "dependency cycle",
		     nc > 1 ? " (and more cycles: see 'roadmap check')" : "");
	rm_cycles_free(cy, nc);
	return st;
}

struct spend_job {
	const struct roadmap *rm;
	struct roadmap_spend *sp;
	struct roadmap_error err;
	enum roadmap_status st;
};

static void *spend_thread(void *arg)
{
	struct spend_job *j = arg;

	j->st = roadmap_spend_build(j->rm, j->sp, &j->err);
	return NULL;
}

enum roadmap_status rm_spend_refs_build(const struct roadmap *rm, bool threads,
					struct roadmap_spend *sp,
					struct rm_refs *refs,
					struct roadmap_error *err)
{
	struct spend_job job = {rm, sp, {0}, ROADMAP_OK};
	pthread_t tid;
	bool started = threads && rm->n_inits >= 20000 &&
		       pthread_create(&tid, NULL, spend_thread, &job) == 0;
	bool ok = rm_refs_build(rm, refs);

	if (started) {
		pthread_join(tid, NULL);
	} else {
		spend_thread(&job);
	}
	if (job.st || !ok) {
		if (ok) {
			rm_refs_release(refs);
		}
		if (!job.st) {
			roadmap_spend_release(sp);
			return rm_nomem(err);
		}
		if (err) {
			*err = job.err;
		}
		return job.st;
	}
	return ROADMAP_OK;
}
