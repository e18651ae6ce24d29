/*
 * wide.h - 128-bit integers in two 64-bit halves, for sums and products
 * of amounts that 64 bits cannot hold, in portable C (no compiler's
 * 128-bit type): unsigned (rm_u128: products of two amounts, their sums,
 * compared) and signed two's complement (rm_i128: the exact bounds of
 * optimize's search, every step checked for overflow). The quotient of a
 * rm_u128 by a 64-bit number is rm_div128, and a rounded a x b / d
 * rm_muldiv_round (base/money.c).
 *
 * Inline, because the exact search runs them in its inner loops.
 */
#ifndef ROADMAP_WIDE_H
#define ROADMAP_WIDE_H

#include <stdbool.h>
#include <stdint.h>

struct rm_u128 {
	uint64_t hi, lo;
};

/* a x b, exactly. */
static inline struct rm_u128 rm_mul64(uint64_t a, uint64_t b)
{
	uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32;
	uint64_t bl = b & 0xFFFFFFFFu, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
	struct rm_u128 r;

	r.lo = (mid << 32) | (ll & 0xFFFFFFFFu);
	r.hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
	return r;
}

/* a + b, modulo 2^128. */
static inline struct rm_u128 rm_add128(struct rm_u128 a, struct rm_u128 b)
{
	struct rm_u128 r = {a.hi + b.hi, a.lo + b.lo};

	r.hi += r.lo < a.lo;
	return r;
}

/* -1, 0 or 1 as a is below, equal to or above b. */
static inline int rm_cmp128(struct rm_u128 a, struct rm_u128 b)
{
	if (a.hi != b.hi) {
		return a.hi < b.hi ? -1 : 1;
	}
	return a.lo < b.lo ? -1 : a.lo > b.lo;
}

uint64_t rm_div128(struct rm_u128 n, uint64_t d, uint64_t *rem);
/* a x b / d rounded to the nearest, halves up (d > 0); false when the
 * quotient passes 64 bits (*out then unchanged). */
bool rm_muldiv_round(uint64_t a, uint64_t b, uint64_t d, uint64_t *out);
/* part's share of whole in tenths of a percent, to the nearest, halves up
 * (0 <= part <= whole, whole > 0): check's mix share and budget's pillar
 * share are this one figure (base/money.c). */
int64_t rm_share_permille(int64_t part, int64_t whole);
/* A percentage (a target mix entry, a tolerance) in whole hundredths of a
 * percent, to the nearest (0 <= pct <= 100). */
int64_t rm_percent_hundredths(double pct);

/* Signed: the two's complement bits of the value, high half first. */
struct rm_i128 {
	uint64_t hi, lo;
};

#define RM_SIGN64 (UINT64_C(1) << 63)

static inline struct rm_i128 rm_i128_of(int64_t v)
{
	struct rm_i128 r = {v < 0 ? UINT64_MAX : 0, (uint64_t)v};
	return r;
}

static inline bool rm_i128_neg(struct rm_i128 a)
{
	return (a.hi & RM_SIGN64) != 0;
}

/* a > 0 */
static inline bool rm_i128_pos(struct rm_i128 a)
{
	return !rm_i128_neg(a) && (a.hi | a.lo);
}

/* -a (modulo 2^128: the least value is its own negation) */
static inline struct rm_i128 rm_i128_minus(struct rm_i128 a)
{
	struct rm_i128 r = {~a.hi, ~a.lo + 1};

	r.hi += r.lo == 0;
	return r;
}

/* -1, 0 or 1 as a is below, equal to or above b. */
static inline int rm_i128_cmp(struct rm_i128 a, struct rm_i128 b)
{
	uint64_t ah = a.hi ^ RM_SIGN64, bh = b.hi ^ RM_SIGN64;

	if (ah != bh) {
		return ah < bh ? -1 : 1;
	}
	return a.lo < b.lo ? -1 : a.lo > b.lo;
}

/* *r = a + b; true when the sum does not fit (then *r wrapped). */
static inline bool rm_i128_add_ov(struct rm_i128 a, struct rm_i128 b,
				  struct rm_i128 *r)
{
	struct rm_i128 s = {a.hi + b.hi, a.lo + b.lo};

	s.hi += s.lo < a.lo;
	*r = s;
	return rm_i128_neg(a) == rm_i128_neg(b) &&
	       rm_i128_neg(s) != rm_i128_neg(a);
}

/* *r = a - b; true when the difference does not fit. */
static inline bool rm_i128_sub_ov(struct rm_i128 a, struct rm_i128 b,
				  struct rm_i128 *r)
{
	struct rm_i128 s = {a.hi - b.hi - (a.lo < b.lo), a.lo - b.lo};

	*r = s;
	return rm_i128_neg(a) != rm_i128_neg(b) &&
	       rm_i128_neg(s) != rm_i128_neg(a);
}

/* *r = a x b; true when the product does not fit. */
static inline bool rm_i128_mul_ov(struct rm_i128 a, struct rm_i128 b,
				  struct rm_i128 *r)
{
	bool na = rm_i128_neg(a), nb = rm_i128_neg(b);
	struct rm_i128 ma = na ? rm_i128_minus(a) : a;
	struct rm_i128 mb = nb ? rm_i128_minus(b) : b;
	struct rm_u128 p, cross;
	struct rm_i128 m;

	if (ma.hi && mb.hi) {
		return true;
	}
	p = rm_mul64(ma.lo, mb.lo);
	cross = ma.hi ? rm_mul64(ma.hi, mb.lo) : rm_mul64(ma.lo, mb.hi);
	m.hi = p.hi + cross.lo;
	m.lo = p.lo;
	if (cross.hi || m.hi < p.hi) {
		return true;
	}
	/* the magnitude m fits below 2^127, or is 2^127 for a negative */
	if ((m.hi & RM_SIGN64) && (!(na ^ nb) || m.hi != RM_SIGN64 || m.lo)) {
		return true;
	}
	*r = na ^ nb ? rm_i128_minus(m) : m;
	return false;
}

/* 2^k, 0 <= k <= 126 */
static inline struct rm_i128 rm_i128_pow2(int k)
{
	struct rm_i128 r = {k >= 64 ? UINT64_C(1) << (k - 64) : 0,
			    k < 64 ? UINT64_C(1) << k : 0};
	return r;
}

/* a >= 0 divided by 2^k (0 <= k <= 127), rounded down. */
static inline struct rm_i128 rm_i128_shr(struct rm_i128 a, int k)
{
	struct rm_i128 r = {0, 0};

	if (k == 0) {
		return a;
	}
	if (k >= 64) {
		r.lo = a.hi >> (k - 64);
	} else {
		r.hi = a.hi >> k;
		r.lo = (a.lo >> k) | (a.hi << (64 - k));
	}
	return r;
}

/* a as an int64_t, where it fits (the caller has checked). */
static inline int64_t rm_i128_low(struct rm_i128 a)
{
	return rm_i128_neg(a) ? -(int64_t)(~a.lo) - 1 : (int64_t)a.lo;
}

#endif
