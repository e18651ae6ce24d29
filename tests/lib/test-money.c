/* test-money.c - the amount grammar, formatting and exact spreading. */
#include "internal.h"
#include "tap.h"

#include <stdlib.h>

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

	/* the library's portable 128-bit helpers against the compiler's
	 * own 128-bit integers (a test may use them; the library does not) */
	int wrong = 0, divided = 0;
	uint64_t x = 88172645463325252u;
	for (int i = 0; i < 100000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		uint64_t u = x >> (i % 64);
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		uint64_t v = x >> (i % 61);
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		uint64_t d = (x >> (i % 63)) | 1;
		unsigned __int128 ref = (unsigned __int128)u * v;
		struct rm_u128 p = rm_mul64(u, v);
		wrong += p.hi != (uint64_t)(ref >> 64) || p.lo != (uint64_t)ref;
		struct rm_u128 s2 = rm_add128(p, (struct rm_u128){0, d});
		unsigned __int128 rs = ref + d;
		wrong += s2.hi != (uint64_t)(rs >> 64) || s2.lo != (uint64_t)rs;
		wrong += rm_cmp128(p, s2) != (d ? -1 : 0);
		if (p.hi < d) { /* the quotient fits */
			divided++;
			uint64_t r, q = rm_div128(p, d, &r);
			wrong += q != (uint64_t)(ref / d) ||
				 r != (uint64_t)(ref % d);
		}
	}
	is_int(wrong, 0,
	       "100000 random 128-bit products, sums and quotients "
	       "match the compiler's");
	ok(divided > 10000, "and over 10000 of them were divided (%d)",
	   divided);
	int64_t w[3] = {INT64_MAX / 2, INT64_MAX / 3, 7}, wide[3];
	is_int(roadmap_apportion(INT64_C(99999999999999), w, 3, wide),
	       ROADMAP_OK, "apportion with wide weights");
	ok(wide[0] + wide[1] + wide[2] == INT64_C(99999999999999),
	   "sums exactly");
	return done_testing();
}
