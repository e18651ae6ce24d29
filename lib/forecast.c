/*
 * forecast.c - Monte Carlo dates and costs from three-point estimates
 * (SPEC 16).
 *
 * One trial draws every estimated initiative's duration from its
 * triangular distribution (optimistic, most likely = planned, pessimistic),
 * rounds it to whole days (halves up), and runs the schedule's forward
 * pass. The generator is PCG32 (O'Neill, pcg-random.org: pcg32_srandom_r
 * and pcg32_random_r of the minimal C library); trial t uses the stream
 * seeded with (seed, t), so a trial draws the same numbers whichever
 * thread runs it, and the result does not depend on how trials are split.
 *
 * End dates are whole days inside bounds known in advance (the forward
 * pass with every optimistic, and with every pessimistic, duration), so a
 * histogram per initiative, goal and the portfolio gives exact
 * nearest-rank percentiles without keeping samples; only the portfolio's
 * cost, one number per trial, is kept and sorted.
 */
#include "graph.h"
#include "json.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ PCG32 */

void rm_pcg32_seed(struct rm_pcg32 *r, uint64_t initstate, uint64_t initseq)
{
	r->state = 0;
	r->inc = (initseq << 1u) | 1u;
	rm_pcg32_next(r);
	r->state += initstate;
	rm_pcg32_next(r);
}

uint32_t rm_pcg32_next(struct rm_pcg32 *r)
{
	uint64_t old = r->state;
	r->state = old * 6364136223846793005u + r->inc;
	uint32_t xs = (uint32_t)(((old >> 18u) ^ old) >> 27u);
	uint32_t rot = (uint32_t)(old >> 59u);
	return (xs >> rot) | (xs << ((-rot) & 31u));
}

/* A uniform double in [0, 1) with 53 random bits (two outputs). */
static double uniform(struct rm_pcg32 *r)
{
	uint32_t a = rm_pcg32_next(r) >> 5, b = rm_pcg32_next(r) >> 6;
	return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

int64_t rm_triangular_days(double u, int64_t lo, int64_t mode, int64_t hi)
{
	double a = (double)lo, b = (double)mode, c = (double)hi, x;

	if (hi <= lo) {
		return mode;
	}
	if (u < (b - a) / (c - a)) {
		x = a + sqrt(u * (c - a) * (b - a));
	} else {
		x = c - sqrt((1 - u) * (c - a) * (c - b));
	}
	int64_t d = (int64_t)floor(x + 0.5);
	return d < lo ? lo : d > hi ? hi : d;
}

/* ------------------------------------------------------------ the model */

struct task {
	size_t init;	      /* initiative index */
	int64_t lo, mode, hi; /* duration in days */
	bool drawn;	      /* has an estimate */
	roadmap_day start;
	int64_t opex, capex;
	size_t pre_off, n_pre;	  /* into pre[]: task numbers */
	int64_t min_end, max_end; /* bounds of its end over all trials */
	size_t hist;		  /* offset of its counts */
};

struct goalw {
	size_t off, n; /* into members[]: task numbers */
	int64_t min_end, max_end;
	size_t hist;
	bool has_due;
	roadmap_day due;
};

struct sim {
	size_t n_tasks;
	struct task *tasks; /* in dependency order */
	size_t *pre;
	size_t n_goals;
	struct goalw *goals;
	size_t *members;
	int64_t min_end, max_end; /* the portfolio's */
	size_t hist;		  /* the portfolio's counts */
	size_t n_counts;	  /* every histogram's cells */
	uint64_t seed;
	unsigned long trials;
	int64_t *cost; /* per trial */
};

struct part {
	const struct sim *s;
	unsigned long from, to; /* trials */
	uint32_t *counts;
	unsigned long *on_time; /* per task, then per goal */
	bool overflow, nomem;
};

/* Opex of a drawn duration at the planned daily rate, halves up. */
static int64_t scaled_opex(int64_t opex, int64_t d, int64_t planned,
			   bool *overflow)
{
	uint64_t rem, twice = 2 * (uint64_t)d;

	/* 64 bits nearly always hold opex x 2d: divide there */
	if ((uint64_t)opex <= (UINT64_MAX - (uint64_t)planned) / twice) {
		uint64_t q = ((uint64_t)opex * twice + (uint64_t)planned) /
			     (2 * (uint64_t)planned);
		if (q <= (uint64_t)INT64_MAX) {
			return (int64_t)q;
		}
		*overflow = true;
		return 0;
	}
	struct rm_u128 n = rm_add128(rm_mul64((uint64_t)opex, 2 * (uint64_t)d),
				     (struct rm_u128){0, (uint64_t)planned});
	if (n.hi >= 2 * (uint64_t)planned) {
		*overflow = true;
		return 0;
	}
	uint64_t q = rm_div128(n, 2 * (uint64_t)planned, &rem);
	if (q > (uint64_t)INT64_MAX) {
		*overflow = true;
		return 0;
	}
	return (int64_t)q;
}

static void *run_part(void *arg)
{
	struct part *p = arg;
	const struct sim *s = p->s;
	int64_t *end = malloc((s->n_tasks + 1) * sizeof(int64_t));

	if (!end) {
		p->nomem = true;
		return NULL;
	}
	for (unsigned long t = p->from; t < p->to; t++) {
		struct rm_pcg32 r;
		int64_t cost = 0, last = INT64_MIN;
		rm_pcg32_seed(&r, s->seed, t);
		for (size_t k = 0; k < s->n_tasks; k++) {
			const struct task *x = &s->tasks[k];
			int64_t d = x->mode, st = x->start;
			if (x->drawn) {
				d = rm_triangular_days(uniform(&r), x->lo,
						       x->mode, x->hi);
			}
			for (size_t e = 0; e < x->n_pre; e++) {
				int64_t after = end[s->pre[x->pre_off + e]] + 1;
				st = after > st ? after : st;
			}
			end[k] = st + d - 1;
			last = end[k] > last ? end[k] : last;
			p->counts[x->hist + (size_t)(end[k] - x->min_end)]++;
			p->on_time[k] += end[k] <= x->mode + x->start - 1;
			int64_t o = d == x->mode
					? x->opex
					: scaled_opex(x->opex, d, x->mode,
						      &p->overflow);
			if (!roadmap_money_add(cost, o, &cost) ||
			    !roadmap_money_add(cost, x->capex, &cost)) {
				p->overflow = true;
			}
		}
		for (size_t g = 0; g < s->n_goals; g++) {
			const struct goalw *w = &s->goals[g];
			int64_t ge = INT64_MIN;
			for (size_t m = 0; m < w->n; m++) {
				int64_t e = end[s->members[w->off + m]];
				ge = e > ge ? e : ge;
			}
			if (w->n) {
				p->counts[w->hist +
					  (size_t)(ge - w->min_end)]++;
				p->on_time[s->n_tasks + g] +=
				    w->has_due && ge <= w->due;
			}
		}
		if (s->n_tasks) {
			p->counts[s->hist + (size_t)(last - s->min_end)]++;
		}
		s->cost[t] = cost;
	}
	free(end);
	return NULL;
}

/* The nearest-rank pct-th percentile of a histogram of n trials. */
static int64_t rank_of(const uint32_t *c, int64_t lo, int64_t hi,
		       unsigned long n, int pct)
{
	unsigned long long want = ((unsigned long long)n * (unsigned)pct + 99) /
				  100,
			   seen = 0;

	want = want ? want : 1;
	for (int64_t v = lo; v <= hi; v++) {
		seen += c[v - lo];
		if (seen >= want) {
			return v;
		}
	}
	return hi;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Tasks in dependency order with their bounds; goals' members. */
static enum roadmap_status build(const struct roadmap *rm, struct sim *s,
				 struct roadmap_error *err)
{
	struct rm_graph g;
	struct rm_refs refs;
	size_t N = rm->n_inits, count = 0, *order, *task_of;
	enum roadmap_status st;

	/* references resolved once: for the graph and the goals' members */
	if (!rm_refs_build(rm, &refs)) {
		return rm_nomem(err);
	}
	if (!rm_graph_build_refs(rm, &refs, &g)) {
		rm_refs_release(&refs);
		return rm_nomem(err);
	}
	order = malloc((N + 1) * sizeof(size_t));
	task_of = malloc((N + 1) * sizeof(size_t));
	s->tasks = calloc(N + 1, sizeof(*s->tasks));
	s->pre = malloc((g.pre_off[N] + 1) * sizeof(size_t));
	if (!order || !task_of || !s->tasks || !s->pre) {
		st = rm_nomem(err);
		goto out;
	}
	if ((st = rm_graph_order(rm, &g, order, &count, err))) {
		goto out;
	}
	for (size_t i = 0; i < N; i++) {
		task_of[i] = SIZE_MAX;
	}
	size_t n_pre = 0;
	for (size_t k = 0; k < count; k++) {
		size_t i = order[k];
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!g.in[i]) {
			continue;
		}
		struct task *x = &s->tasks[s->n_tasks];
		x->init = i;
		x->start = in->start;
		x->mode = in->end - in->start + 1;
		x->lo = in->has_optimistic ? in->optimistic - in->start + 1
					   : x->mode;
		x->hi = in->has_pessimistic ? in->pessimistic - in->start + 1
					    : x->mode;
		x->drawn = x->lo != x->hi;
		x->opex = in->opex;
		x->capex = in->capex;
		x->pre_off = n_pre;
		int64_t lo_s = in->start, hi_s = in->start;
		for (size_t e = g.pre_off[i]; e < g.pre_off[i + 1]; e++) {
			const struct task *p = &s->tasks[task_of[g.pre[e]]];
			s->pre[n_pre++] = task_of[g.pre[e]];
			lo_s = p->min_end + 1 > lo_s ? p->min_end + 1 : lo_s;
			hi_s = p->max_end + 1 > hi_s ? p->max_end + 1 : hi_s;
		}
		x->n_pre = n_pre - x->pre_off;
		x->min_end = lo_s + x->lo - 1;
		x->max_end = hi_s + x->hi - 1;
		x->hist = s->n_counts;
		s->n_counts += (size_t)(x->max_end - x->min_end + 1);
		s->min_end = s->n_tasks == 0 || x->min_end > s->min_end
				 ? x->min_end
				 : s->min_end;
		s->max_end = s->n_tasks == 0 || x->max_end > s->max_end
				 ? x->max_end
				 : s->max_end;
		task_of[i] = s->n_tasks++;
	}
	s->hist = s->n_counts;
	s->n_counts += s->n_tasks ? (size_t)(s->max_end - s->min_end + 1) : 0;
	/* goals: their counting initiatives, by reference */
	size_t links = 0;
	for (size_t i = 0; i < N; i++) {
		links += rm->inits[i].n_goals;
	}
	s->n_goals = rm->n_goals;
	s->goals = calloc(rm->n_goals + 1, sizeof(*s->goals));
	s->members = malloc((links + 1) * sizeof(size_t));
	if (!s->goals || !s->members) {
		st = rm_nomem(err);
		goto out;
	}
	for (int pass = 0; pass < 2; pass++) {
		/* pass 0 counts each goal's members, pass 1 places them */
		for (size_t k = 0; k < s->n_tasks; k++) {
			size_t i = s->tasks[k].init;
			for (size_t l = 0; l < rm->inits[i].n_goals; l++) {
				size_t gi = refs.goal[refs.goff[i] + l];
				if (gi >= rm->n_goals) {
					continue;
				}
				struct goalw *w = &s->goals[gi];
				if (pass == 0) {
					w->n++;
					continue;
				}
				const struct task *x = &s->tasks[k];
				bool first = w->n == 0;
				s->members[w->off + w->n++] = k;
				w->min_end = first || x->min_end > w->min_end
						 ? x->min_end
						 : w->min_end;
				w->max_end = first || x->max_end > w->max_end
						 ? x->max_end
						 : w->max_end;
			}
		}
		if (pass == 0) {
			size_t off = 0;
			for (size_t gi = 0; gi < rm->n_goals; gi++) {
				s->goals[gi].off = off;
				off += s->goals[gi].n;
				s->goals[gi].n = 0;
			}
		}
	}
	for (size_t gi = 0; gi < rm->n_goals; gi++) {
		struct goalw *w = &s->goals[gi];
		w->has_due = rm->goals[gi].has_due;
		w->due = rm->goals[gi].due;
		w->hist = s->n_counts;
		s->n_counts += w->n ? (size_t)(w->max_end - w->min_end + 1) : 0;
	}
out:
	rm_graph_release(&g);
	rm_refs_release(&refs);
	free(order);
	free(task_of);
	return st;
}

static void sim_release(struct sim *s)
{
	free(s->tasks);
	free(s->pre);
	free(s->goals);
	free(s->members);
	free(s->cost);
}

void roadmap_forecast_release(struct roadmap_forecast *f)
{
	if (!f) {
		return;
	}
	free(f->initiatives);
	free(f->goals);
	memset(f, 0, sizeof(*f));
}

static void quantiles(const uint32_t *c, int64_t lo, int64_t hi,
		      unsigned long n, roadmap_day q[3])
{
	static const int pct[3] = {50, 80, 95};

	for (int k = 0; k < 3; k++) {
		q[k] = (roadmap_day)rank_of(c, lo, hi, n, pct[k]);
	}
}

enum roadmap_status roadmap_forecast(const struct roadmap *rm,
				     const struct roadmap_forecast_options *o,
				     struct roadmap_forecast *out,
				     struct roadmap_error *err)
{
	struct sim s = {0};
	struct part parts[64];
	pthread_t tid[64];
	bool started[64] = {0};
	enum roadmap_status st;
	unsigned long trials = o && o->trials ? o->trials : 10000;
	int threads = o && o->threads > 1 ? o->threads : 1;

	memset(out, 0, sizeof(*out));
	memset(parts, 0, sizeof(parts));
	if (trials > 10000000 || threads > 64) {
		return rm_fail(err, ROADMAP_ERR_USAGE,
			       trials > 10000000
				   ? "trials must be 1 to 10,000,000"
				   : "threads must be 1 to 64");
	}
	s.trials = trials;
	s.seed = o && o->seed_set ? o->seed : 1;
	if ((st = build(rm, &s, err))) {
		sim_release(&s);
		return st;
	}
	if ((size_t)threads > trials) {
		threads = (int)trials;
	}
	s.cost = malloc(trials * sizeof(int64_t));
	size_t n_on = s.n_tasks + s.n_goals + 1;
	bool ok = s.cost != NULL;
	for (int k = 0; ok && k < threads; k++) {
		parts[k].s = &s;
		parts[k].from =
		    trials * (unsigned long)k / (unsigned long)threads;
		parts[k].to =
		    trials * (unsigned long)(k + 1) / (unsigned long)threads;
		parts[k].counts = calloc(s.n_counts + 1, sizeof(uint32_t));
		parts[k].on_time = calloc(n_on, sizeof(unsigned long));
		ok = parts[k].counts && parts[k].on_time;
	}
	for (int k = 1; ok && k < threads; k++) {
		started[k] =
		    pthread_create(&tid[k], NULL, run_part, &parts[k]) == 0;
		if (!started[k]) {
			/* no thread: run it here, same result */
			run_part(&parts[k]);
		}
	}
	if (ok) {
		run_part(&parts[0]);
	}
	for (int k = 1; k < threads; k++) {
		if (started[k]) {
			pthread_join(tid[k], NULL);
		}
	}
	for (int k = 0; ok && k < threads; k++) {
		ok = !parts[k].nomem;
	}
	if (!ok) {
		st = rm_nomem(err);
		goto out;
	}
	/* the parts' counts add up in the first */
	for (int k = 1; k < threads; k++) {
		for (size_t c = 0; c < s.n_counts; c++) {
			parts[0].counts[c] += parts[k].counts[c];
		}
		for (size_t c = 0; c < n_on; c++) {
			parts[0].on_time[c] += parts[k].on_time[c];
		}
		parts[0].overflow |= parts[k].overflow;
	}
	if (parts[0].overflow) {
		st = rm_overflow(err, "a trial's cost");
		goto out;
	}
	const uint32_t *cnt = parts[0].counts;
	const unsigned long *on = parts[0].on_time;
	out->trials = trials;
	out->seed = s.seed;
	out->initiatives = calloc(s.n_tasks + 1, sizeof(*out->initiatives));
	out->goals = calloc(s.n_goals + 1, sizeof(*out->goals));
	if (!out->initiatives || !out->goals) {
		st = rm_nomem(err);
		goto out;
	}
	/* initiatives in file order */
	size_t *byfile = malloc((rm->n_inits + 1) * sizeof(size_t));
	if (!byfile) {
		st = rm_nomem(err);
		goto out;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		byfile[i] = SIZE_MAX;
	}
	for (size_t k = 0; k < s.n_tasks; k++) {
		byfile[s.tasks[k].init] = k;
		out->estimated |= s.tasks[k].drawn;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		size_t k = byfile[i];
		if (k == SIZE_MAX) {
			continue;
		}
		const struct task *x = &s.tasks[k];
		struct roadmap_forecast_initiative *fi =
		    &out->initiatives[out->n_initiatives++];
		roadmap_day q[3];
		quantiles(cnt + x->hist, x->min_end, x->max_end, trials, q);
		fi->index = i;
		fi->planned_end = rm->inits[i].end;
		fi->p50 = q[0];
		fi->p80 = q[1];
		fi->p95 = q[2];
		fi->on_time = (double)on[k] / (double)trials;
	}
	free(byfile);
	for (size_t g = 0; g < s.n_goals; g++) {
		const struct goalw *w = &s.goals[g];
		struct roadmap_forecast_goal *fg = &out->goals[g];
		fg->index = g;
		fg->has_due = w->has_due;
		fg->due = w->due;
		fg->any = w->n > 0;
		if (fg->any) {
			roadmap_day q[3];
			quantiles(cnt + w->hist, w->min_end, w->max_end, trials,
				  q);
			fg->p50 = q[0];
			fg->p80 = q[1];
			fg->p95 = q[2];
			fg->on_time =
			    (double)on[s.n_tasks + g] / (double)trials;
		}
	}
	out->n_goals = s.n_goals;
	out->any = s.n_tasks > 0;
	if (out->any) {
		roadmap_day q[3];
		quantiles(cnt + s.hist, s.min_end, s.max_end, trials, q);
		out->end_p50 = q[0];
		out->end_p80 = q[1];
		out->end_p95 = q[2];
	}
	qsort(s.cost, trials, sizeof(int64_t), cmp_i64);
	out->cost_p50 = s.cost[(trials * 50 + 99) / 100 - 1];
	out->cost_p80 = s.cost[(trials * 80 + 99) / 100 - 1];
	out->cost_p95 = s.cost[(trials * 95 + 99) / 100 - 1];
out:
	for (int k = 0; k < threads; k++) {
		free(parts[k].counts);
		free(parts[k].on_time);
	}
	sim_release(&s);
	if (st) {
		roadmap_forecast_release(out);
	}
	return st;
}

enum roadmap_status rm_export_forecast(const struct roadmap *rm,
				       struct roadmap_forecast *out, bool *have,
				       struct roadmap_error *err)
{
	struct roadmap_forecast_options o = {
	    .trials = 10000, .seed = 1, .seed_set = true};
	struct roadmap_error ferr;
	enum roadmap_status st;
	bool any = false;

	*have = false;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < rm->n_inits && !any; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		any = roadmap_initiative_counts(in) &&
		      (in->has_optimistic || in->has_pessimistic);
	}
	if (!any) {
		return ROADMAP_OK;
	}
	/* an export is not a simulation run: at most 10^7 initiative-trials
	 * (10,000 trials up to 1,000 initiatives; 100 for 100,000), said in
	 * the section's heading */
	if (rm->n_inits > 1000) {
		o.trials = 10000000 / rm->n_inits;
		o.trials = o.trials < 100 ? 100 : o.trials;
	}
	/* a cycle (the findings name it) or a cost past the largest amount
	 * leaves the section out; only memory fails the export */
	st = roadmap_forecast(rm, &o, out, &ferr);
	if (st == ROADMAP_ERR_NOMEM) {
		return rm_nomem(err);
	}
	*have = st == ROADMAP_OK;
	return ROADMAP_OK;
}
