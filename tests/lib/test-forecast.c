/* test-forecast.c - the generators against their published references
 * and the trials' seeding pinned, the triangular draw at its edges, a
 * forecast that does not depend on how many threads ran it (whether its
 * end days are counted or kept), selection against a sort, and trials
 * that are independent: the on-time shares of many seeds spread as the
 * binomial says. */
#include "internal.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char doc[] =
    "{\"format\": 1, \"goals\": [{\"id\": \"g\", \"title\": \"G\", \"due\": "
    "\"2026-06-30\"}], \"initiatives\": ["
    "{\"id\": \"a\", \"title\": \"A\", \"goals\": [\"g\"], \"start\": "
    "\"2026-01-01\", \"end\": \"2026-03-31\", \"optimistic\": \"2026-03-01\","
    " \"pessimistic\": \"2026-05-15\", \"opex\": 90000},"
    "{\"id\": \"b\", \"title\": \"B\", \"goals\": [\"g\"], \"start\": "
    "\"2026-01-01\", \"end\": \"2026-02-28\", \"pessimistic\": \"2026-04-30\","
    " \"depends_on\": [\"a\"], \"capex\": 5000}]}";

/* The triangular distribution function. */
static double tri_cdf(double x, double a, double b, double c)
{
	if (x <= a) {
		return 0;
	}
	if (x >= c) {
		return 1;
	}
	if (x <= b) {
		return (x - a) * (x - a) / ((c - a) * (b - a));
	}
	return 1 - (c - x) * (c - x) / ((c - a) * (c - b));
}

/*
 * Independent trials: four independent estimates, each on time (drawn
 * duration at most the planned one, rounded halves up) with probability
 * p = F(mode + 1/2). Over K seeds of N trials the on-time share x has
 * variance p(1 - p)/N, so sum((x - p)^2) / (p(1 - p)/N) is about
 * chi-square with K degrees of freedom: divided by K, 1 +- sqrt(2/K).
 * With K = 1000 the bounds 0.75 and 1.3 are 5.6 and 6.7 of those
 * deviations away (chi-square tails 5e-10 and 4e-10). Trials seeded with
 * one state and streams 0, 1, 2, ... gave 0.38, 1.43, 0.40 and 1.75.
 */
static void dispersion(void)
{
	enum { K = 1000, N = 2000, M = 4 };
	static const int est[M][3] = {
	    {60, 90, 135}, {20, 30, 50}, {40, 50, 90}, {30, 60, 70}};
	char text[2048], d[3][16];
	size_t len = 0;
	roadmap_day s;
	double p[M], sum[M] = {0};

	roadmap_day_from_ymd(2026, 1, 1, &s);
	len += (size_t)snprintf(text, sizeof(text),
				"{\"format\": 1, \"initiatives\": [");
	for (int i = 0; i < M; i++) {
		for (int k = 0; k < 3; k++) {
			roadmap_day_format(s + est[i][k] - 1, d[k]);
		}
		len += (size_t)snprintf(
		    text + len, sizeof(text) - len,
		    "%s{\"id\": \"x%d\", \"title\": \"X\", \"start\": "
		    "\"2026-01-01\", \"end\": \"%s\", \"optimistic\": "
		    "\"%s\", \"pessimistic\": \"%s\"}",
		    i ? ", " : "", i, d[1], d[0], d[2]);
		p[i] =
		    tri_cdf(est[i][1] + 0.5, est[i][0], est[i][1], est[i][2]);
	}
	snprintf(text + len, sizeof(text) - len, "]}");
	struct roadmap *rm;
	struct roadmap_error err;
	if (roadmap_load_buffer("d.json", text, strlen(text), &rm, &err)) {
		ok(0, "the dispersion fixture loads: %s", err.message);
		return;
	}
	bool all = true;
	for (int k = 0; k < K && all; k++) {
		struct roadmap_forecast_options o = {
		    .trials = N, .seed = (uint64_t)k + 1, .seed_set = true};
		struct roadmap_forecast f;
		all = roadmap_forecast(rm, &o, &f, &err) == ROADMAP_OK &&
		      f.n_initiatives == M;
		for (int i = 0; all && i < M; i++) {
			double x = f.initiatives[i].on_time - p[i];
			sum[i] += x * x;
		}
		roadmap_forecast_release(&f);
	}
	ok(all, "%d forecasts of %d trials", K, N);
	for (int i = 0; i < M; i++) {
		double r = sum[i] / K / (p[i] * (1 - p[i]) / N);
		ok(r > 0.75 && r < 1.3,
		   "estimate %d (p = %.4f): the on-time shares of %d seeds "
		   "spread as independent trials do (%.3f of the binomial "
		   "variance)",
		   i + 1, p[i], K, r);
	}
	roadmap_destroy(rm);
}

static int cmp_day(const void *a, const void *b)
{
	roadmap_day x = *(const roadmap_day *)a, y = *(const roadmap_day *)b;
	return (x > y) - (x < y);
}

/* Day i of n in one of six orders: random with three values, random,
 * one value, sorted, reversed, organ pipe. */
static roadmap_day pattern_day(int pattern, size_t i, size_t n, uint32_t u)
{
	switch (pattern) {
	case 0:
		return (roadmap_day)(u % 3);
	case 1:
		return (roadmap_day)u;
	case 2:
		return 7;
	case 3:
		return (roadmap_day)i;
	case 4:
		return (roadmap_day)(n - i);
	default:
		return (roadmap_day)(i < n / 2 ? i : n - i);
	}
}

/* Selection against a sort: every order above (organ pipe defeats the
 * median of three, so the selection falls back on its sort), every k of
 * small arrays and a spread of k in large ones, the partition checked. */
static void selection(void)
{
	enum { MAX = 5000 };
	static roadmap_day a[MAX], sorted[MAX];
	static const size_t sizes[] = {1, 2, 3, 16, 17, 18, 100, 1001, MAX};
	struct rm_pcg32 r;
	int bad = 0, runs = 0;

	rm_pcg32_seed(&r, 5, 11);
	for (int pattern = 0; pattern < 6; pattern++) {
		for (size_t z = 0; z < sizeof(sizes) / sizeof(*sizes); z++) {
			size_t n = sizes[z], step = n > 100 ? n / 37 + 1 : 1;
			for (size_t k = 0; k < n; k += step) {
				for (size_t i = 0; i < n; i++) {
					a[i] = pattern_day(pattern, i, n,
							   rm_pcg32_next(&r));
				}
				memcpy(sorted, a, n * sizeof(*a));
				qsort(sorted, n, sizeof(*a), cmp_day);
				rm_select_day(a, n, k);
				bool good = a[k] == sorted[k];
				for (size_t i = 0; i < n; i++) {
					good = good && (i < k ? a[i] <= a[k]
							      : a[i] >= a[k]);
				}
				bad += !good;
				runs++;
			}
		}
	}
	ok(bad == 0, "selection matches a sort in %d arrays (%d wrong)", runs,
	   bad);
}

/*
 * As of a day, against a closed form: one started initiative (40 % done
 * on 2026-01-20) whose duration X is triangular (60, 90, 135 days) runs
 * rem = round(0.6 round(X)) days from the day, halves up; P(round(X) = d)
 * = F(d + 1/2) - F(d - 1/2). Its on-time share is the distribution of rem
 * at (planned end - day + 1): four days give four points of it, each
 * within 4.5 binomial deviations; each percentile within them too. Its
 * cost is the actual before the day plus the opex of rem days (exact,
 * from the P50 end). A done one is fixed, not estimated.
 */
static double rem_cdf(int64_t k)
{
	double p = 0;

	for (int d = 60; d <= 135; d++) {
		double lo = d == 60 ? 0 : tri_cdf(d - 0.5, 60, 90, 135);
		double hi = d == 135 ? 1 : tri_cdf(d + 0.5, 60, 90, 135);
		int64_t rem = (2 * 6000 * (int64_t)d + 10000) / 20000;
		p += rem <= k ? hi - lo : 0;
	}
	return p;
}

static void as_of_closed_form(void)
{
	static const char text[] =
	    "{\"format\": 1, \"initiatives\": ["
	    "{\"id\": \"x\", \"title\": \"X\", \"start\": \"2026-01-01\", "
	    "\"end\": \"2026-03-31\", \"optimistic\": \"2026-03-01\", "
	    "\"pessimistic\": \"2026-05-15\", \"opex\": 90000, "
	    "\"actuals\": {\"2026-Q1\": 30000}, "
	    "\"progress\": {\"2026-01-20\": 40}},"
	    "{\"id\": \"y\", \"title\": \"Y\", \"status\": \"done\", "
	    "\"start\": \"2026-01-01\", \"end\": \"2026-01-31\", "
	    "\"pessimistic\": \"2026-03-31\"}]}";
	static const char *const days[] = {"2026-01-25", "2026-02-01",
					   "2026-02-08", "2026-02-15"};
	enum { N = 20000 };
	struct roadmap *rm;
	struct roadmap_error err;
	roadmap_day end;

	if (roadmap_load_buffer("a.json", text, strlen(text), &rm, &err)) {
		ok(0, "the as-of fixture loads: %s", err.message);
		return;
	}
	roadmap_day_from_ymd(2026, 3, 31, &end);
	for (int k = 0; k < 4; k++) {
		struct roadmap_forecast_options o = {.trials = N,
						     .seed = 11,
						     .seed_set = true,
						     .threads = 2,
						     .has_as_of = true};
		struct roadmap_forecast f;
		struct roadmap_period per;
		roadmap_period_parse(days[k], 1, &per, NULL);
		o.as_of = per.first;
		if (roadmap_forecast(rm, &o, &f, &err) != ROADMAP_OK ||
		    f.n_initiatives != 2) {
			ok(0, "as of %s: the forecast runs", days[k]);
			continue;
		}
		const struct roadmap_forecast_initiative *x = &f.initiatives[0];
		const struct roadmap_forecast_initiative *y = &f.initiatives[1];
		double p = rem_cdf(end - o.as_of + 1);
		double sd = sqrt(p * (1 - p) / N);
		ok(fabs(x->on_time - p) <= 4.5 * sd + 1e-12,
		   "as of %s: on time %.4f, exactly %.4f (sd %.4f)", days[k],
		   x->on_time, p, sd);
		static const double q[3] = {0.5, 0.8, 0.95};
		const roadmap_day at[3] = {x->p50, x->p80, x->p95};
		for (int i = 0; i < 3; i++) {
			double t = 4.5 * sqrt(q[i] * (1 - q[i]) / N);
			double below = rem_cdf(at[i] - o.as_of);
			double upto = rem_cdf(at[i] - o.as_of + 1);
			ok(upto >= q[i] - t && below <= q[i] + t,
			   "as of %s: P%d within the exact distribution "
			   "(%.4f before it, %.4f on it)",
			   days[k], (int)(q[i] * 100), below, upto);
		}
		ok(x->estimated && !y->estimated && y->p50 == y->p95 &&
		       y->p95 == y->planned_end,
		   "as of %s: the done one is fixed at its end, not "
		   "estimated",
		   days[k]);
		int64_t rem = (int64_t)f.end_p50 - o.as_of + 1;
		is_int(f.cost_p50, 3000000 + (9000000 * 2 * rem + 90) / 180,
		       "as of %s: cost = the actual + the opex of the %lld "
		       "days left at P50",
		       days[k], (long long)rem);
		roadmap_forecast_release(&f);
	}
	roadmap_destroy(rm);
}

int main(void)
{
	/* pcg32-demo of the minimal C library: pcg32_srandom_r(&rng, 42u,
	 * 54u), then six pcg32_random_r() */
	static const uint32_t want[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
					0x83d2f293, 0xbfa4784b, 0xcbed606e};
	struct rm_pcg32 r;
	rm_pcg32_seed(&r, 42u, 54u);
	for (int i = 0; i < 6; i++) {
		uint32_t got = rm_pcg32_next(&r);
		ok(got == want[i], "PCG32 output %d is the reference 0x%08x",
		   i + 1, want[i]);
	}
	/* SplitMix64 seeded with 0: the published first outputs of Vigna's
	 * splitmix64.c */
	static const uint64_t mix[] = {0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
				       0x06c45d188009454f, 0xf88bb8a8724c81ec};
	for (int i = 0; i < 4; i++) {
		ok(rm_splitmix64(0, (uint64_t)i + 1) == mix[i],
		   "SplitMix64 output %d is the reference 0x%016llx", i + 1,
		   (unsigned long long)mix[i]);
	}
	/* trial t: PCG32 seeded with SplitMix64's outputs 2t + 1, 2t + 2
	 * (first three outputs, from an independent implementation) */
	static const struct {
		uint64_t seed, trial;
		uint32_t out[3];
	} trial[] = {
	    {1, 0, {0x5249c5dc, 0x01959430, 0xe7976769}},
	    {1, 1, {0x5244622f, 0xd5ecafbe, 0x79b04ca9}},
	    {9007199254740992u, 9999999, {0x8a19b05f, 0xc9b80b9a, 0xa4c62b1f}},
	};
	for (int k = 0; k < 3; k++) {
		rm_forecast_rng(&r, trial[k].seed, trial[k].trial);
		bool same = true;
		for (int i = 0; i < 3; i++) {
			same = same && rm_pcg32_next(&r) == trial[k].out[i];
		}
		ok(same, "seed %llu, trial %llu: its generator's outputs",
		   (unsigned long long)trial[k].seed,
		   (unsigned long long)trial[k].trial);
	}

	is_int(rm_triangular_days(0.0, 60, 90, 135), 60, "u = 0: optimistic");
	is_int(rm_triangular_days(0.9999999999, 60, 90, 135), 135,
	       "u near 1: pessimistic");
	is_int(rm_triangular_days(0.4, 60, 90, 135), 90,
	       "u = F(mode): the mode");
	is_int(rm_triangular_days(0.5, 60, 90, 135), 94,
	       "the median, 93.92 days, rounds to 94");
	is_int(rm_triangular_days(0.3, 90, 90, 90), 90, "no spread: the mode");
	is_int(rm_triangular_days(0.5, 90, 90, 120), 99,
	       "a mode at the minimum: 120 - sqrt(450) = 98.79 -> 99");

	struct roadmap *rm;
	struct roadmap_error err;
	is_int(roadmap_load_buffer("f.json", doc, strlen(doc), &rm, &err),
	       ROADMAP_OK, "the fixture loads");
	char *json[4] = {0};
	for (int t = 0; t < 4; t++) {
		struct roadmap_forecast_options o = {.trials = 5001,
						     .seed = 7,
						     .seed_set = true,
						     .threads = t + 1};
		struct roadmap_forecast f;
		is_int(roadmap_forecast(rm, &o, &f, &err), ROADMAP_OK,
		       "forecast on %d thread(s)", t + 1);
		is_int(roadmap_forecast_json(rm, &f, &json[t], &err),
		       ROADMAP_OK, "its JSON");
		roadmap_forecast_release(&f);
	}
	for (int t = 1; t < 4; t++) {
		is_str(json[t], json[0], "%d threads give the bytes of one",
		       t + 1);
	}
	for (int t = 0; t < 4; t++) {
		free(json[t]);
		json[t] = NULL;
	}
	/* 150 trials: a's 76 possible end days, and b's, g's and the
	 * portfolio's 137, are counted on one thread and kept per trial on
	 * two or more: selection and counting give the same percentiles */
	for (int t = 0; t < 4; t++) {
		struct roadmap_forecast_options o = {.trials = 150,
						     .seed = 7,
						     .seed_set = true,
						     .threads = t + 1};
		struct roadmap_forecast f;
		is_int(roadmap_forecast(rm, &o, &f, &err), ROADMAP_OK,
		       "150 trials on %d thread(s)", t + 1);
		is_int(roadmap_forecast_json(rm, &f, &json[t], &err),
		       ROADMAP_OK, "its JSON");
		roadmap_forecast_release(&f);
	}
	for (int t = 1; t < 4; t++) {
		is_str(json[t], json[0],
		       "150 trials: %d threads give the bytes of one", t + 1);
	}
	for (int t = 0; t < 4; t++) {
		free(json[t]);
	}
	struct roadmap_forecast_options bad = {.trials = 10000001};
	struct roadmap_forecast f;
	is_int(roadmap_forecast(rm, &bad, &f, &err), ROADMAP_ERR_USAGE,
	       "more than 10,000,000 trials is refused");
	roadmap_destroy(rm);
	selection();
	dispersion();
	as_of_closed_form();
	return done_testing();
}
