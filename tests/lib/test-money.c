/* test-money.c - the amount grammar, formatting and exact spreading. */
#include "internal.h"
#include "tap.h"

#include <stdlib.h>

/* 16-bit digits, least first, with a sign: a reference for the 128-bit
 * helpers that shares no code with them. */
struct big {
	bool neg;
	uint32_t d[16];
};

static struct big big_u(uint64_t hi, uint64_t lo)
{
	struct big b = {false, {0}};
	for (int k = 0; k < 4; k++) {
		b.d[k] = (uint32_t)(lo >> (16 * k)) & 0xFFFF;
		b.d[k + 4] = (uint32_t)(hi >> (16 * k)) & 0xFFFF;
	}
	return b;
}

/* the value of a two's complement 128-bit pattern */
static struct big big_s(struct rm_i128 a)
{
	if (!(a.hi >> 63)) {
		return big_u(a.hi, a.lo);
	}
	struct big b = big_u(~a.hi, ~a.lo); /* -a - 1 */
	uint32_t c = 1;
	for (int k = 0; k < 16; k++) {
		c += b.d[k];
		b.d[k] = c & 0xFFFF;
		c >>= 16;
	}
	b.neg = true;
	return b;
}

static int mag_cmp(const struct big *a, const struct big *b)
{
	for (int k = 15; k >= 0; k--) {
		if (a->d[k] != b->d[k]) {
			return a->d[k] < b->d[k] ? -1 : 1;
		}
	}
	return 0;
}

static bool big_zero(const struct big *a)
{
	for (int k = 0; k < 16; k++) {
		if (a->d[k]) {
			return false;
		}
	}
	return true;
}

static int big_cmp(struct big a, struct big b)
{
	if (big_zero(&a) && big_zero(&b)) {
		return 0;
	}
	if (a.neg != b.neg) {
		return a.neg && !big_zero(&a) ? -1 : (big_zero(&b) ? 1 : 1);
	}
	return a.neg ? -mag_cmp(&a, &b) : mag_cmp(&a, &b);
}

static struct big big_add(struct big a, struct big b)
{
	struct big r = {a.neg, {0}};
	if (a.neg == b.neg) {
		uint32_t c = 0;
		for (int k = 0; k < 16; k++) {
			c += a.d[k] + b.d[k];
			r.d[k] = c & 0xFFFF;
			c >>= 16;
		}
		return r;
	}
	if (mag_cmp(&a, &b) < 0) {
		struct big t = a;
		a = b;
		b = t;
		r.neg = a.neg;
	}
	int32_t borrow = 0;
	for (int k = 0; k < 16; k++) {
		int32_t v = (int32_t)a.d[k] - (int32_t)b.d[k] - borrow;
		borrow = v < 0;
		r.d[k] = (uint32_t)(v + (borrow ? 0x10000 : 0));
	}
	return r;
}

static struct big big_sub(struct big a, struct big b)
{
	b.neg = !b.neg;
	return big_add(a, b);
}

static struct big big_mul(struct big a, struct big b)
{
	struct big r = {a.neg != b.neg, {0}};
	for (int i = 0; i < 8; i++) {
		uint64_t c = 0;
		for (int j = 0; j < 8; j++) {
			c += (uint64_t)a.d[i] * b.d[j] + r.d[i + j];
			r.d[i + j] = c & 0xFFFF;
			c >>= 16;
		}
		for (int k = i + 8; c && k < 16; k++) {
			c += r.d[k];
			r.d[k] = c & 0xFFFF;
			c >>= 16;
		}
	}
	return r;
}

/* unsigned: exactly the bits hi:lo */
static bool big_is(struct big a, uint64_t hi, uint64_t lo)
{
	struct big b = big_u(hi, lo);
	return mag_cmp(&a, &b) == 0;
}

/* in -2^127 .. 2^127 - 1 */
static bool big_fits(struct big a)
{
	struct big top = big_u(UINT64_C(1) << 63, 0);
	int c = mag_cmp(&a, &top);
	return c < 0 || (c == 0 && a.neg);
}

static bool big_s_is(struct big a, struct rm_i128 r)
{
	return big_fits(a) && big_cmp(a, big_s(r)) == 0;
}

static void good(const char *s, int64_t cents)
{
	int64_t v = -1;
	struct roadmap_error err;
	enum roadmap_status st = roadmap_money_parse(s, &v, &err);

	ok(st == ROADMAP_OK && v == cents, "'%s' is %lld cents", s,
	   (long long)cents);
	if (st) {
		printf("#   error: %s\n", err.message);
	} else if (v != cents) {
		printf("#   got %lld\n", (long long)v);
	}
}

static void bad(const char *s, const char *message)
{
	int64_t v = 7;
	struct roadmap_error err;

	is_int(roadmap_money_parse(s, &v, &err), ROADMAP_ERR_DATA,
	       "'%s' is rejected", s);
	is_str(err.message, message, "'%s' message", s);
	is_int(v, 7, "'%s' leaves the output alone", s);
}

#define NOT_AMOUNT " is not an amount (like 250k, 1.5M, 1,250,000 or 99.95)"

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

int main(void)
{
	good("0", 0);
	good("250k", 25000000);
	good("250K", 25000000);
	good("1.5M", 150000000);
	good("1.5m", 150000000);
	good("2B", 200000000000);
	good("1,250,000", 125000000);
	good("99.95", 9995);
	good("0.01", 1);
	good("12.5", 1250);
	good("1.23456k", 123456);
	good("1,000.5", 100050);
	good("1000000000000", INT64_C(100000000000000));
	good("1000B", INT64_C(100000000000000));
	good("1000000000000.00", INT64_C(100000000000000));
	good("007", 700);

	bad("1.2345678k", "\"1.2345678k\" is not a whole number of cents");
	bad("0.001", "\"0.001\" has more than two decimals");
	/* a German spreadsheet's thousands dot is never read as a decimal
	 * point: refused with the two ways to write it */
	bad("145.000", "\"145.000\" has more than two decimals (is \".\" a "
		       "thousands separator? then write 145000 or 145,000)");
	bad("99.950", "\"99.950\" has more than two decimals (is \".\" a "
		      "thousands separator? then write 99950 or 99,950)");
	bad("1.250.000", "\"1.250.000\" is not an amount (is \".\" a thousands "
			 "separator? then write 1250000 or 1,250,000)");
	bad("1234.5678", "\"1234.5678\" has more than two decimals");
	bad("1.2345", "\"1.2345\" has more than two decimals");
	bad("12.50.000", "\"12.50.000\"" NOT_AMOUNT);
	good("145.00", 14500);
	good("145.0", 14500);
	good("1.250k", 125000);
	bad("-5", "\"-5\"" NOT_AMOUNT);
	bad("12abc", "\"12abc\"" NOT_AMOUNT);
	bad("0x10", "\"0x10\"" NOT_AMOUNT);
	bad("nan", "\"nan\"" NOT_AMOUNT);
	bad("inf", "\"inf\"" NOT_AMOUNT);
	bad("", "\"\"" NOT_AMOUNT);
	bad("1e6", "\"1e6\"" NOT_AMOUNT);
	bad("1,25", "\"1,25\"" NOT_AMOUNT);
	bad("1,2500", "\"1,2500\"" NOT_AMOUNT);
	bad("1234,567", "\"1234,567\"" NOT_AMOUNT);
	bad(",100", "\",100\"" NOT_AMOUNT);
	bad("1.", "\"1.\"" NOT_AMOUNT);
	bad(".5", "\".5\"" NOT_AMOUNT);
	bad("1.5.2", "\"1.5.2\"" NOT_AMOUNT);
	bad("5 k", "\"5 k\"" NOT_AMOUNT);
	bad(" 5", "\" 5\"" NOT_AMOUNT);
	bad("5kk", "\"5kk\"" NOT_AMOUNT);
	bad("+5", "\"+5\"" NOT_AMOUNT);
	bad("1000000000000.01",
	    "\"1000000000000.01\" is more than 1,000,000,000,000.00");
	bad("1001B", "\"1001B\" is more than 1,000,000,000,000.00");
	bad("99999999999999999999999999999999999999999",
	    "\"99999999999999999999999999999999999999999\" is more than "
	    "1,000,000,000,000.00");

	char buf[32];
	is_str(roadmap_money_format(125000000, true, buf), "1,250,000.00",
	       "grouped format");
	is_str(roadmap_money_format(125000000, false, buf), "1250000.00",
	       "plain format");
	is_str(roadmap_money_format(5, true, buf), "0.05", "cents");
	is_str(roadmap_money_format(-123456, true, buf), "-1,234.56",
	       "negative");
	is_str(roadmap_money_format(INT64_MIN, false, buf),
	       "-92233720368547758.08", "INT64_MIN does not overflow");

	int64_t s;
	ok(!roadmap_money_add(INT64_MAX, 1, &s), "overflow is detected");
	ok(roadmap_money_add(5, 6, &s) && s == 11, "5 + 6 = 11");

	/* largest remainder: 100 cents in thirds -> 34, 33, 33 */
	int64_t w3[] = {1, 1, 1}, out3[3];
	roadmap_apportion(100, w3, 3, out3);
	ok(out3[0] == 34 && out3[1] == 33 && out3[2] == 33,
	   "ties go to the earlier part (34/33/33)");
	int64_t w2[] = {1, 2}, out2[2];
	roadmap_apportion(100, w2, 2, out2);
	ok(out2[0] == 33 && out2[1] == 67, "largest remainder wins (33/67)");
	int64_t wz[] = {0, 0};
	is_int(roadmap_apportion(5, wz, 2, out2), ROADMAP_ERR_USAGE,
	       "all-zero weights are refused");

	/* the example of roadmap(1), budget: 180k over 2026-04-01..2026-09-30
	 * (91 + 92 days) */
	roadmap_day a, b;
	int q0;
	int64_t *parts;
	size_t n;
	roadmap_day_from_ymd(2026, 4, 1, &a);
	roadmap_day_from_ymd(2026, 9, 30, &b);
	roadmap_spread(18000000, a, b, 1, &q0, &parts, &n);
	ok(n == 2 && parts[0] == 8950820 && parts[1] == 9049180,
	   "180k spreads 89,508.20 + 90,491.80");
	free(parts);
	is_int(roadmap_spread(100, b, a, 1, &q0, &parts, &n), ROADMAP_ERR_DATA,
	       "end before start is refused");

	/* property: spreads always sum exactly, for random initiatives */
	int inexact = 0, negative = 0;
	roadmap_day base;
	roadmap_day_from_ymd(2020, 1, 1, &base);
	for (int i = 0; i < 20000; i++) {
		int64_t amount = (int64_t)(next() % 100000000000001ULL);
		roadmap_day st = base + (roadmap_day)(next() % 3650);
		roadmap_day en = st + (roadmap_day)(next() % 2000);
		int fs = (int)(next() % 12) + 1;
		int64_t sum = 0;
		if (roadmap_spread(amount, st, en, fs, &q0, &parts, &n)) {
			inexact++;
			continue;
		}
		for (size_t k = 0; k < n; k++) {
			sum += parts[k];
			negative += parts[k] < 0;
		}
		if (sum != amount || q0 != roadmap_quarter_of(st, fs) ||
		    q0 + (int)n - 1 != roadmap_quarter_of(en, fs)) {
			inexact++;
		}
		free(parts);
	}
	is_int(inexact, 0, "20000 random spreads sum exactly to the amount");
	is_int(negative, 0, "and no part is negative");

	/* the library's 128-bit helpers against schoolbook arithmetic on
	 * 16-bit digits, written here on its own */
	int wrong = 0, divided = 0, overflowed = 0, fitted = 0;
	for (int i = 0; i < 100000; i++) {
		uint64_t u = next() >> (i % 64), v = next() >> (i % 61);
		uint64_t d = (next() >> (i % 63)) | 1;
		struct big ref = big_mul(big_u(0, u), big_u(0, v));
		struct rm_u128 p = rm_mul64(u, v);
		wrong += !big_is(ref, p.hi, p.lo);
		struct rm_u128 s2 = rm_add128(p, (struct rm_u128){0, d});
		wrong += !big_is(big_add(ref, big_u(0, d)), s2.hi, s2.lo);
		wrong += rm_cmp128(p, s2) != -1 || rm_cmp128(s2, p) != 1 ||
			 rm_cmp128(p, p) != 0;
		if (p.hi < d) { /* the quotient fits: q d + r = p, r < d */
			divided++;
			uint64_t r, q = rm_div128(p, d, &r);
			struct big back = big_add(
			    big_mul(big_u(0, q), big_u(0, d)), big_u(0, r));
			wrong += !big_is(back, p.hi, p.lo) || r >= d;
		}
		/* signed: wa sum, wa difference and wa product that fit or
		 * are said not to */
		struct rm_i128 wa = {next() >> (i % 64), next()};
		struct rm_i128 wb = {next() >> ((i / 64) % 64), next()};
		wa.hi = i % 3 ? wa.hi : ~wa.hi;
		wb.hi = i % 5 ? wb.hi : ~wb.hi;
		if (i % 7 == 0) { /* small ones, whose products fit */
			wa.hi = wa.hi & 1 ? UINT64_MAX : 0;
			wb = rm_i128_of((int64_t)(next() >> 2) *
					(i % 2 ? 1 : -1));
		}
		struct big sa = big_s(wa), sb = big_s(wb);
		struct rm_i128 r;
		bool ov = rm_i128_add_ov(wa, wb, &r);
		wrong += ov != !big_fits(big_add(sa, sb)) ||
			 (!ov && !big_s_is(big_add(sa, sb), r));
		ov = rm_i128_sub_ov(wa, wb, &r);
		wrong += ov != !big_fits(big_sub(sa, sb)) ||
			 (!ov && !big_s_is(big_sub(sa, sb), r));
		ov = rm_i128_mul_ov(wa, wb, &r);
		wrong += ov != !big_fits(big_mul(sa, sb)) ||
			 (!ov && !big_s_is(big_mul(sa, sb), r));
		overflowed += ov;
		fitted += !ov;
		wrong += rm_i128_cmp(wa, wb) != big_cmp(sa, sb);
	}
	is_int(wrong, 0,
	       "100000 random 128-bit products, sums, differences, "
	       "comparisons and quotients match schoolbook arithmetic");
	ok(divided > 10000, "and over 10000 of them were divided (%d)",
	   divided);
	ok(overflowed > 10000 && fitted > 10000,
	   "and over 10000 signed products overflowed (%d) and fitted (%d)",
	   overflowed, fitted);
	struct rm_i128 least = {UINT64_C(1) << 63, 0}, r;
	ok(!rm_i128_mul_ov(rm_i128_pow2(126), rm_i128_of(-2), &r) &&
	       rm_i128_cmp(r, least) == 0,
	   "-2^127 is the least product that fits");
	ok(rm_i128_mul_ov(rm_i128_pow2(126), rm_i128_of(2), &r),
	   "2^127 does not fit");
	ok(rm_i128_sub_ov(least, rm_i128_of(1), &r) &&
	       rm_i128_add_ov(rm_i128_minus(rm_i128_of(1)), least, &r),
	   "past the least value is an overflow, both ways");
	r = rm_i128_shr(rm_i128_pow2(100), 37);
	ok(rm_i128_cmp(r, rm_i128_pow2(63)) == 0 &&
	       rm_i128_low(rm_i128_shr(rm_i128_pow2(70), 70)) == 1 &&
	       rm_i128_low(rm_i128_of(-5)) == -5,
	   "shifts and the low half");
	/* a x b / d rounded halves up (tracking's figures, the HTML mix):
	 * exact past 64 bits, refused past them */
	uint64_t q = 7;
	ok(rm_muldiv_round(1, 1, 2, &q) && q == 1, "1/2 rounds up to 1");
	ok(rm_muldiv_round(1, 1, 3, &q) && q == 0, "1/3 rounds down to 0");
	ok(rm_muldiv_round(UINT64_MAX, UINT64_MAX, UINT64_MAX, &q) &&
	       q == UINT64_MAX,
	   "(2^64 - 1)^2 / (2^64 - 1) is 2^64 - 1, a 128-bit product");
	ok(rm_muldiv_round(UINT64_C(3) << 62, 2000, 3000, &q) &&
	       q == UINT64_C(1) << 63,
	   "three quarters of 2^64 x 2000 / 3000 is 2^63");
	q = 7;
	ok(!rm_muldiv_round(UINT64_C(1) << 63, 4, 2, &q) && q == 7,
	   "a quotient of 2^64 is refused, *out untouched");
	ok(rm_muldiv_round(UINT64_MAX, 3, 3, &q) && q == UINT64_MAX,
	   "(2^64 - 1) x 3 / 3 fits exactly");
	ok(rm_muldiv_round(UINT64_MAX, 2, 3, &q) &&
	       q == UINT64_C(12297829382473034410),
	   "(2^64 - 1) x 2 / 3 is 12297829382473034410");
	int64_t w[3] = {INT64_MAX / 2, INT64_MAX / 3, 7}, wide[3];
	is_int(roadmap_apportion(INT64_C(99999999999999), w, 3, wide),
	       ROADMAP_OK, "apportion with wide weights");
	ok(wide[0] + wide[1] + wide[2] == INT64_C(99999999999999),
	   "sums exactly");
	return done_testing();
}
