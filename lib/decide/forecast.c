/*
 * forecast.c - Monte Carlo dates and costs from three-point estimates
 * (docs/roadmap.1.scd, forecast).
 *
 * One trial draws every estimated initiative's duration from its
 * triangular distribution (optimistic, most likely = planned, pessimistic),
 * rounds it to whole days (halves up), and runs the schedule's forward
 * pass. The generator (forecast-random.c) is PCG32 (O'Neill, pcg-random.org:
 * pcg32_srandom_r and pcg32_random_r of the minimal C library). Trial t seeds
 * it with outputs 2t + 1 and 2t + 2 of SplitMix64 (Steele, Lea and Flood 2014;
 * Vigna's splitmix64.c) seeded with the seed: its own state and its own
 * stream, both hashed, so trials are independent (streams that share a
 * state are correlated), a trial draws the same numbers whichever thread
 * runs it, and the result does not depend on how trials are split.
 *
 * Percentiles are exact nearest-rank in memory that grows with the
 * trials, not with the days an end can fall on: end dates are whole days
 * inside bounds known in advance (the forward pass with every optimistic,
 * and with every pessimistic, duration), so an initiative, goal or the
 * portfolio whose range of days is narrow is counted per day (one array
 * per thread), and one whose range is wide (deep in a chain) keeps its
 * day of each trial and selects the ranks (quickselect), whichever takes
 * less memory. The portfolio's cost, one number per trial, is kept and
 * sorted.
 */
#include "graph.h"
#include "json.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A uniform double in [0, 1) with 53 random bits (two outputs). */
static double uniform(struct rm_pcg32 *r)
{
	uint32_t a = rm_pcg32_next(r) >> 5, b = rm_pcg32_next(r) >> 6;
	return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

/* ------------------------------------------------------------ the model */

/* Ends are recorded as the schedule shows them (rm_day_clamp): a
 * percentile of clamped days is the clamped percentile, and every range of
 * days fits 32 bits; the forward pass and the on-time shares stay in exact
 * 64-bit days.
 *
 * The end days of an initiative, a goal or the portfolio over the trials,
 * all in [lo, hi]: counted per day (hi - lo + 1 cells from off in each
 * part's counts) or kept one per trial (days[off x trials + t]). */
struct series {
	roadmap_day lo, hi;
	bool counted;
	size_t off;
};

struct task {
	size_t init;	      /* initiative index */
	int64_t lo, mode, hi; /* duration in days */
	bool drawn;	      /* has an estimate */
	roadmap_day start;
	int64_t planned_end;
	/* as of a day (has_as_of): done work ends on fixed_end; started
	 * work (start before the day) runs share / 10000 of its drawn
	 * duration from the day on */
	bool fixed, started;
	int64_t fixed_end, share;
	int64_t opex, capex;
	int64_t base;	       /* cost known before the trial: as of a day, the
				  actuals before it and the capex not yet recorded */
	size_t pre_off, n_pre; /* into pre[]: task numbers */
	int64_t min_end, max_end; /* bounds of its end over all trials */
	struct series ends;
};

struct goalw {
	size_t off, n; /* into members[]: task numbers */
	int64_t min_end, max_end;
	struct series ends;
	bool has_due;
	roadmap_day due;
};

struct sim {
	bool dated;
	roadmap_day as_of;
	int fs;
	size_t n_tasks;
	struct task *tasks; /* in dependency order */
	size_t *pre;
	size_t n_goals;
	struct goalw *goals;
	size_t *members;
	int64_t min_end, max_end; /* the portfolio's */
	struct series ends;	  /* the portfolio's */
	size_t n_cells;		  /* counted series' cells, in each part */
	size_t n_kept;		  /* kept series */
	roadmap_day *days;	  /* kept series' days: trials each */
	uint64_t seed;
	unsigned long trials;
	int threads;
	bool any_drawn; /* some task's duration is drawn */
	int64_t *cost; /* per trial */
};

struct part {
	const struct sim *s;
	unsigned long from, to; /* trials */
	uint32_t *counts;
	unsigned long *on_time; /* per task, then per goal */
	unsigned long *moved;	/* per task: trials off its planned end */
	bool overflow, nomem;
};

/* A series over [lo, hi] days: counted when its cells in every part take
 * no more room than a day per trial, else kept. So the memory is at most
 * 4 bytes x trials per series, whatever the chain's depth. */
static void place(struct sim *s, struct series *v, int64_t lo, int64_t hi)
{
	v->lo = rm_day_clamp(lo);
	v->hi = rm_day_clamp(hi);
	uint64_t cells = (uint64_t)((int64_t)v->hi - v->lo) + 1;
	v->counted = cells * (uint64_t)s->threads <= s->trials;
	if (v->counted) {
		v->off = s->n_cells;
		s->n_cells += (size_t)cells;
	} else {
		v->off = s->n_kept++;
	}
}

/* Records end for the w trials from t (w > 1: trials that are all the
 * same). */
static void record(struct part *p, const struct series *v, unsigned long t,
		   unsigned long w, int64_t end)
{
	roadmap_day d = rm_day_clamp(end);

	if (v->counted) {
		p->counts[v->off + (size_t)(d - v->lo)] += (uint32_t)w;
		return;
	}
	for (unsigned long k = 0; k < w; k++) {
		p->s->days[v->off * p->s->trials + t + k] = d;
	}
}

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

/* The days left of a drawn duration d when share / 10000 of it remains,
 * halves up. */
static int64_t remaining(int64_t d, int64_t share)
{
	return (2 * share * d + 10000) / 20000;
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
	/* with nothing drawn every trial is the same: one is run, and
	 * counted for all of the part's */
	unsigned long reps = s->any_drawn ? 1 : p->to - p->from;
	for (unsigned long t = p->from; t < p->to; t += reps) {
		struct rm_pcg32 r;
		int64_t cost = 0, last = INT64_MIN;
		rm_forecast_rng(&r, s->seed, t);
		for (size_t k = 0; k < s->n_tasks; k++) {
			const struct task *x = &s->tasks[k];
			int64_t d = x->mode, st = x->start, o = 0;
			if (x->drawn) {
				d = rm_triangular_days(uniform(&r), x->lo,
						       x->mode, x->hi);
			}
			for (size_t e = 0; !x->fixed && e < x->n_pre; e++) {
				int64_t after = end[s->pre[x->pre_off + e]] + 1;
				st = after > st ? after : st;
			}
			if (x->fixed) {
				end[k] = x->fixed_end;
			} else if (x->started) {
				d = remaining(d, x->share);
				end[k] = st + d - 1 < s->as_of ? s->as_of
							       : st + d - 1;
			} else {
				end[k] = st + d - 1;
			}
			last = end[k] > last ? end[k] : last;
			record(p, &x->ends, t, reps, end[k]);
			p->on_time[k] += reps * (end[k] <= x->planned_end);
			p->moved[k] += reps * (end[k] != x->planned_end);
			if (!x->fixed) {
				o = d == x->mode
					? x->opex
					: scaled_opex(x->opex, d, x->mode,
						      &p->overflow);
			}
			if (!roadmap_money_add(cost, o, &cost) ||
			    !roadmap_money_add(cost, x->base, &cost)) {
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
				record(p, &w->ends, t, reps, ge);
				p->on_time[s->n_tasks + g] +=
				    reps * (w->has_due && ge <= w->due);
			}
		}
		if (s->n_tasks) {
			record(p, &s->ends, t, reps, last);
		}
		for (unsigned long k = 0; k < reps; k++) {
			s->cost[t + k] = cost;
		}
	}
	free(end);
	return NULL;
}

/* The nearest rank of the pct-th percentile of n values: ceil(pct x n /
 * 100), at least 1. */
static unsigned long nearest_rank(unsigned long n, int pct)
{
	unsigned long long want =
	    ((unsigned long long)n * (unsigned)pct + 99) / 100;

	return want ? (unsigned long)want : 1;
}

/* The nearest-rank pct-th percentile of a histogram of n trials. */
static int64_t rank_of(const uint32_t *c, int64_t lo, int64_t hi,
		       unsigned long n, int pct)
{
	unsigned long long want = nearest_rank(n, pct), seen = 0;

	for (int64_t v = lo; v <= hi; v++) {
		seen += c[v - lo];
		if (seen >= want) {
			return v;
		}
	}
	return hi;
}

/* A series' P50, P80 and P95: from its counts (the parts' summed in
 * counts) or by selection among its kept days, the highest rank first so
 * that each next one is selected among the days below it. */
static void percentiles(const struct sim *s, const uint32_t *counts,
			const struct series *v, roadmap_day q[3])
{
	static const int pct[3] = {50, 80, 95};
	unsigned long n = s->trials;

	if (v->counted) {
		for (int k = 0; k < 3; k++) {
			q[k] = (roadmap_day)rank_of(counts + v->off, v->lo,
						    v->hi, n, pct[k]);
		}
		return;
	}
	roadmap_day *a = s->days + v->off * n;
	size_t len = n;
	for (int k = 2; k >= 0; k--) {
		size_t r = nearest_rank(n, pct[k]) - 1;
		if (r < len) {
			rm_select_day(a, len, r);
			len = r;
		}
		q[k] = a[r];
	}
}

/* The series in one numbering: tasks, goals, then the portfolio; NULL
 * for a goal that nothing counting serves, or no portfolio. */
static const struct series *series_at(const struct sim *s, size_t i)
{
	if (i < s->n_tasks) {
		return &s->tasks[i].ends;
	}
	if (i < s->n_tasks + s->n_goals) {
		const struct goalw *w = &s->goals[i - s->n_tasks];
		return w->n ? &w->ends : NULL;
	}
	return s->n_tasks ? &s->ends : NULL;
}

/* The percentiles of series [from, to), on a thread of their own: each
 * selects among its own kept days only. */
struct rank_part {
	const struct sim *s;
	const uint32_t *counts;
	size_t from, to;
	roadmap_day (*q)[3];
};

static void *rank_part(void *arg)
{
	struct rank_part *p = arg;

	for (size_t i = p->from; i < p->to; i++) {
		const struct series *v = series_at(p->s, i);
		if (v) {
			percentiles(p->s, p->counts, v, p->q[i]);
		}
	}
	return NULL;
}

/* Runs fn on n argument blocks of size bytes: the first here, the others
 * on threads of their own, or here when one cannot start (the same
 * result either way). */
static void run_all(void *(*fn)(void *), void *args, size_t size, int n)
{
	pthread_t tid[64];
	bool started[64] = {0};
	char *a = args;

	for (int k = 1; k < n; k++) {
		started[k] = pthread_create(&tid[k], NULL, fn,
					    a + (size_t)k * size) == 0;
		if (!started[k]) {
			fn(a + (size_t)k * size);
		}
	}
	fn(a);
	for (int k = 1; k < n; k++) {
		if (started[k]) {
			pthread_join(tid[k], NULL);
		}
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/*
 * A task as of the day (roadmap(1), forecast --as-of): done work (status
 * done, or a latest reading of 100 %) ends on its planned end or the day
 * of that reading, whichever is earlier; work that started before the day
 * runs the remaining share of its drawn duration (100 % less its latest
 * progress on or before the day) from the day on; work not started
 * starts on the day at the earliest. Its cost before the trial: the
 * actuals of quarters that started before the day, and the capex not yet
 * recorded (capex less the actuals' share in the planned capex:opex
 * ratio, halves up).
 */
static enum roadmap_status as_of_task(const struct sim *s,
				      const struct roadmap_initiative *in,
				      struct task *x, struct roadmap_error *err)
{
	const struct roadmap_reading *r =
	    rm_reading_last(in->progress, in->n_progress, s->as_of);
	int64_t pct = r ? (int64_t)llround(r->value * 100) : 0;
	int64_t booked = 0, total;

	pct = pct < 0 ? 0 : pct > 10000 ? 10000 : pct;
	for (size_t m = 0; m < in->n_actuals; m++) {
		if (roadmap_quarter_first(in->actuals[m].qi, s->fs) <
			s->as_of &&
		    !roadmap_money_add(booked, in->actuals[m].amount,
				       &booked)) {
			return rm_overflow(err, "an initiative's actuals");
		}
	}
	if (!roadmap_money_add(in->opex, in->capex, &total)) {
		return rm_overflow(err, "an initiative's planned total");
	}
	if (total > 0 && booked > 0) {
		uint64_t rem;
		struct rm_u128 n = rm_add128(
		    rm_mul64(2 * (uint64_t)booked, (uint64_t)in->capex),
		    (struct rm_u128){0, (uint64_t)total});
		uint64_t part = n.hi >= 2 * (uint64_t)total
				    ? UINT64_MAX
				    : rm_div128(n, 2 * (uint64_t)total, &rem);
		x->base =
		    part >= (uint64_t)in->capex ? 0 : in->capex - (int64_t)part;
	}
	if (!roadmap_money_add(x->base, booked, &x->base)) {
		return rm_overflow(err, "an initiative's actuals");
	}
	if (in->status == ROADMAP_DONE || pct == 10000) {
		x->fixed = true;
		x->drawn = false;
		x->fixed_end = in->end;
		if (pct == 10000 && r->day < in->end) {
			x->fixed_end = r->day;
		}
	} else if (in->start < s->as_of) {
		x->started = true;
		x->share = 10000 - pct;
		x->start = s->as_of;
	}
	return ROADMAP_OK;
}

/* Tasks in dependency order with their bounds; goals' members. */
static enum roadmap_status build(const struct roadmap *rm,
				 const struct rm_refs *pre_refs,
				 const struct rm_graph *pre_g, struct sim *s,
				 struct roadmap_error *err)
{
	struct rm_graph own_g = {0};
	struct rm_refs own_refs = {0};
	const struct rm_graph *g = pre_g ? pre_g : &own_g;
	const struct rm_refs *refs = pre_g ? pre_refs : &own_refs;
	size_t N = rm->n_inits, count = 0, *order, *task_of;
	enum roadmap_status st;

	/* references resolved once: for the graph and the goals' members
	 * (an export hands its own) */
	if (!pre_g && !rm_refs_build(rm, &own_refs)) {
		return rm_nomem(err);
	}
	if (!pre_g && !rm_graph_build_refs(rm, &own_refs, &own_g)) {
		rm_refs_release(&own_refs);
		return rm_nomem(err);
	}
	order = malloc((N + 1) * sizeof(size_t));
	task_of = malloc((N + 1) * sizeof(size_t));
	s->tasks = calloc(N + 1, sizeof(*s->tasks));
	s->pre = malloc((g->pre_off[N] + 1) * sizeof(size_t));
	if (!order || !task_of || !s->tasks || !s->pre) {
		st = rm_nomem(err);
		goto out;
	}
	if ((st = rm_graph_order(rm, g, order, &count, err))) {
		goto out;
	}
	for (size_t i = 0; i < N; i++) {
		task_of[i] = SIZE_MAX;
	}
	size_t n_pre = 0;
	for (size_t k = 0; k < count; k++) {
		size_t i = order[k];
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!g->in[i]) {
			continue;
		}
		struct task *x = &s->tasks[s->n_tasks];
		x->init = i;
		x->start = in->start;
		x->planned_end = in->end;
		x->mode = in->end - in->start + 1;
		x->lo = in->has_optimistic ? in->optimistic - in->start + 1
					   : x->mode;
		x->hi = in->has_pessimistic ? in->pessimistic - in->start + 1
					    : x->mode;
		x->drawn = x->lo != x->hi;
		x->opex = in->opex;
		x->capex = in->capex;
		x->base = in->capex;
		x->pre_off = n_pre;
		if (s->dated && (st = as_of_task(s, in, x, err))) {
			goto out;
		}
		int64_t lo_s = x->start, hi_s = x->start;
		for (size_t e = g->pre_off[i]; e < g->pre_off[i + 1]; e++) {
			const struct task *p = &s->tasks[task_of[g->pre[e]]];
			s->pre[n_pre++] = task_of[g->pre[e]];
			lo_s = p->min_end + 1 > lo_s ? p->min_end + 1 : lo_s;
			hi_s = p->max_end + 1 > hi_s ? p->max_end + 1 : hi_s;
		}
		x->n_pre = n_pre - x->pre_off;
		x->min_end = lo_s + x->lo - 1;
		x->max_end = hi_s + x->hi - 1;
		if (x->fixed) {
			x->min_end = x->max_end = x->fixed_end;
		} else if (x->started) {
			int64_t a = lo_s + remaining(x->lo, x->share) - 1,
				z = hi_s + remaining(x->hi, x->share) - 1;
			x->min_end = a < s->as_of ? s->as_of : a;
			x->max_end = z < s->as_of ? s->as_of : z;
		}
		place(s, &x->ends, x->min_end, x->max_end);
		s->min_end = s->n_tasks == 0 || x->min_end > s->min_end
				 ? x->min_end
				 : s->min_end;
		s->max_end = s->n_tasks == 0 || x->max_end > s->max_end
				 ? x->max_end
				 : s->max_end;
		task_of[i] = s->n_tasks++;
	}
	if (s->n_tasks) {
		place(s, &s->ends, s->min_end, s->max_end);
	}
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
				size_t gi = refs->goal[refs->goff[i] + l];
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
		if (w->n) {
			place(s, &w->ends, w->min_end, w->max_end);
		}
	}
out:
	rm_graph_release(&own_g);
	rm_refs_release(&own_refs);
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
	free(s->days);
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

/* roadmap_forecast(), on the roadmap's references and graph when given */
static enum roadmap_status
forecast(const struct roadmap *rm, const struct rm_refs *refs,
	 const struct rm_graph *graph, const struct roadmap_forecast_options *o,
	 struct roadmap_forecast *out, struct roadmap_error *err);

enum roadmap_status roadmap_forecast(const struct roadmap *rm,
				     const struct roadmap_forecast_options *o,
				     struct roadmap_forecast *out,
				     struct roadmap_error *err)
{
	return forecast(rm, NULL, NULL, o, out, err);
}

static enum roadmap_status
forecast(const struct roadmap *rm, const struct rm_refs *refs,
	 const struct rm_graph *graph, const struct roadmap_forecast_options *o,
	 struct roadmap_forecast *out, struct roadmap_error *err)
{
	struct sim s = {0};
	struct part parts[64];
	struct rank_part ranks[64];
	roadmap_day(*q)[3] = NULL;
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
	if ((size_t)threads > trials) {
		threads = (int)trials;
	}
	s.trials = trials;
	s.threads = threads;
	s.seed = o && o->seed_set ? o->seed : 1;
	s.dated = o && o->has_as_of;
	s.as_of = s.dated ? o->as_of : 0;
	s.fs = rm->fiscal_start;
	if ((st = build(rm, refs, graph, &s, err))) {
		sim_release(&s);
		return st;
	}
	for (size_t k = 0; k < s.n_tasks && !s.any_drawn; k++) {
		s.any_drawn = s.tasks[k].drawn;
	}
	s.cost = malloc(trials * sizeof(int64_t));
	if (s.n_kept < SIZE_MAX / sizeof(roadmap_day) / trials) {
		s.days = malloc((s.n_kept * trials + 1) * sizeof(roadmap_day));
	}
	size_t n_on = s.n_tasks + s.n_goals + 1;
	bool ok = s.cost && s.days;
	for (int k = 0; ok && k < threads; k++) {
		parts[k].s = &s;
		parts[k].from =
		    trials * (unsigned long)k / (unsigned long)threads;
		parts[k].to =
		    trials * (unsigned long)(k + 1) / (unsigned long)threads;
		parts[k].counts = calloc(s.n_cells + 1, sizeof(uint32_t));
		parts[k].on_time = calloc(n_on, sizeof(unsigned long));
		parts[k].moved = calloc(s.n_tasks + 1, sizeof(unsigned long));
		ok = parts[k].counts && parts[k].on_time && parts[k].moved;
	}
	if (ok) {
		run_all(run_part, parts, sizeof(parts[0]), threads);
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
		for (size_t c = 0; c < s.n_cells; c++) {
			parts[0].counts[c] += parts[k].counts[c];
		}
		for (size_t c = 0; c < n_on; c++) {
			parts[0].on_time[c] += parts[k].on_time[c];
		}
		for (size_t c = 0; c < s.n_tasks; c++) {
			parts[0].moved[c] += parts[k].moved[c];
		}
		parts[0].overflow |= parts[k].overflow;
	}
	if (parts[0].overflow) {
		st = rm_overflow(err, "a trial's cost");
		goto out;
	}
	/* every series' percentiles, the series shared out as the trials
	 * were */
	size_t n_series = s.n_tasks + s.n_goals + 1;
	q = malloc(n_series * sizeof(*q));
	if (!q) {
		st = rm_nomem(err);
		goto out;
	}
	for (int k = 0; k < threads; k++) {
		ranks[k] = (struct rank_part){
		    .s = &s,
		    .counts = parts[0].counts,
		    .from = n_series * (size_t)k / (size_t)threads,
		    .to = n_series * (size_t)(k + 1) / (size_t)threads,
		    .q = q};
	}
	run_all(rank_part, ranks, sizeof(ranks[0]), threads);
	const unsigned long *on = parts[0].on_time;
	out->trials = trials;
	out->seed = s.seed;
	out->has_as_of = s.dated;
	out->as_of = s.as_of;
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
		struct roadmap_forecast_initiative *fi =
		    &out->initiatives[out->n_initiatives++];
		fi->index = i;
		fi->planned_end = rm->inits[i].end;
		fi->p50 = q[k][0];
		fi->p80 = q[k][1];
		fi->p95 = q[k][2];
		fi->on_time = (double)on[k] / (double)trials;
		fi->estimated = s.tasks[k].drawn;
		fi->moved = parts[0].moved[k] > 0;
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
			fg->p50 = q[s.n_tasks + g][0];
			fg->p80 = q[s.n_tasks + g][1];
			fg->p95 = q[s.n_tasks + g][2];
			fg->on_time =
			    (double)on[s.n_tasks + g] / (double)trials;
		}
	}
	out->n_goals = s.n_goals;
	out->any = s.n_tasks > 0;
	if (out->any) {
		out->end_p50 = q[n_series - 1][0];
		out->end_p80 = q[n_series - 1][1];
		out->end_p95 = q[n_series - 1][2];
	}
	qsort(s.cost, trials, sizeof(int64_t), cmp_i64);
	out->cost_p50 = s.cost[(trials * 50 + 99) / 100 - 1];
	out->cost_p80 = s.cost[(trials * 80 + 99) / 100 - 1];
	out->cost_p95 = s.cost[(trials * 95 + 99) / 100 - 1];
out:
	for (int k = 0; k < threads; k++) {
		free(parts[k].counts);
		free(parts[k].on_time);
		free(parts[k].moved);
	}
	free(q);
	sim_release(&s);
	if (st) {
		roadmap_forecast_release(out);
	}
	return st;
}

enum roadmap_status rm_export_forecast(const struct roadmap *rm,
				       const struct rm_refs *refs,
				       const struct rm_graph *g,
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
	st = forecast(rm, refs, g, &o, out, &ferr);
	if (st == ROADMAP_ERR_NOMEM) {
		return rm_nomem(err);
	}
	*have = st == ROADMAP_OK;
	return ROADMAP_OK;
}
