/*
 * forecast-random.c - forecast's random numbers (docs/roadmap.1.scd,
 * forecast): PCG32 (O'Neill, pcg-random.org: pcg32_srandom_r and
 * pcg32_random_r of the minimal C library), each trial's generator
 * seeded from SplitMix64 (Steele, Lea and Flood 2014; Vigna's
 * splitmix64.c), and the triangular draw of a duration in whole days.
 * Their reference outputs are pinned in tests/lib/test-forecast.c.
 */
#include "internal.h"

#include <math.h>

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

uint64_t rm_splitmix64(uint64_t seed, uint64_t k)
{
	uint64_t z = seed + k * 0x9e3779b97f4a7c15u;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void rm_forecast_rng(struct rm_pcg32 *r, uint64_t seed, uint64_t trial)
{
	rm_pcg32_seed(r, rm_splitmix64(seed, 2 * trial + 1),
		      rm_splitmix64(seed, 2 * trial + 2));
}

/* ------------------------------------------------------- triangular */

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
