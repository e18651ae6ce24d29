/* money.c - amounts in int64 cents, the CLI grammar, exact spreading. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool roadmap_money_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r)) {
		return false;
	}
	*out = r;
	return true;
}

/*
 * When s is digits in groups of three joined by dots after a first group of
 * one to three ("145.000", "1.250.000"), as a thousands dot writes them,
 * the hint " (is "." a thousands separator? then write 145000 or 145,000)"
 * in buf; else "".
 */
static const char *thousands_hint(const char *s, char *buf, size_t size)
{
	char plain[40], grouped[56];
	size_t group = 0, dots = 0, np = 0, ng = 0;

	if (*s == '0') {
		return ""; /* "0.001": a decimal, if anything */
	}
	for (const char *p = s; *p; p++) {
		if (*p == '.') {
			if (!group || group > 3 || (dots && group != 3)) {
				return "";
			}
			dots++;
			group = 0;
			grouped[ng++] = ',';
		} else if (*p >= '0' && *p <= '9') {
			if (np == 20) {
				return ""; /* far past the largest amount */
			}
			plain[np++] = *p;
			grouped[ng++] = *p;
			group++;
		} else {
			return "";
		}
	}
	if (!dots || group != 3) {
		return "";
	}
	plain[np] = grouped[ng] = '\0';
	snprintf(buf, size,
		 " (is \".\" a thousands separator? then write %s or %s)",
		 plain, grouped);
	return buf;
}

bool rm_grouping_ok(const char *s, size_t len)
{
	size_t lead = 0;
	int group = -1; /* digits since the last ',' (-1: none yet) */

	for (size_t k = 0; k < len; k++) {
		if (s[k] != ',') {
			lead += group < 0;
			group += group >= 0;
		} else if (group < 0 ? lead == 0 || lead > 3 : group != 3) {
			return false;
		} else {
			group = 0;
		}
	}
	return group < 0 || group == 3;
}

/*
 * Grammar: INT [ "." DIGITS ] [ k | M | B ], where INT is plain digits or
 * 1-3 digits followed by ",ddd" groups. The value is worked out from the
 * digits themselves: zeros that change nothing (leading ones, and trailing
 * ones after the point) are dropped, the rest must make a whole number of
 * cents of at most 15 digits, so nothing is ever rounded.
 */
enum roadmap_status roadmap_money_parse(const char *s, int64_t *cents,
					struct roadmap_error *err)
{
	char q[80], hint[200];
	const char *p = s, *int_end, *frac_at = NULL;
	size_t int_len = 0, frac_len = 0;
	int scale = 0;

	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		int_len += *p != ',';
	}
	if (!int_len || !rm_grouping_ok(s, (size_t)(p - s))) {
		goto bad;
	}
	int_end = p;
	if (*p == '.') {
		frac_at = ++p;
		while (*p >= '0' && *p <= '9') {
			p++;
		}
		frac_len = (size_t)(p - frac_at);
		if (!frac_len) {
			goto bad;
		}
	}
	switch (*p) {
	case 'k':
	case 'K':
		scale = 3;
		p++;
		break;
	case 'm':
	case 'M':
		scale = 6;
		p++;
		break;
	case 'b':
	case 'B':
		scale = 9;
		p++;
		break;
	}
	if (*p) {
		goto bad;
	}
	/* A plain amount has at most two decimals as written: "145.000"
	 * is 145,000 written with a thousands dot far more often than it
	 * is 145 (a German or Brazilian spreadsheet), so it is refused,
	 * not read 1,000 times too small. With a suffix the decimals are
	 * the suffix's ("1.250k"), and only whole cents count. */
	if (!scale && frac_len > 2) {
		goto decimals;
	}
	while (frac_len && frac_at[frac_len - 1] == '0') {
		frac_len--;
	}
	/* cents = DIGITS x 10^exp, DIGITS the integer then fraction digits */
	long exp = scale + 2 - (long)frac_len;
	if (exp < 0) {
		return rm_fail(err, ROADMAP_ERR_DATA,
			       "%s is not a whole number of cents",
			       rm_quote(s, q, sizeof(q)));
	}
	uint64_t v = 0;
	for (size_t k = 0; k < (size_t)(int_end - s) + frac_len; k++) {
		char c =
		    s + k < int_end ? s[k] : frac_at[k - (size_t)(int_end - s)];
		if (c == ',') {
			continue;
		}
		v = v * 10 + (uint64_t)(c - '0');
		if (v > (uint64_t)ROADMAP_MONEY_MAX) {
			goto too_big;
		}
	}
	for (; exp > 0; exp--) {
		v *= 10;
		if (v > (uint64_t)ROADMAP_MONEY_MAX) {
			goto too_big;
		}
	}
	*cents = (int64_t)v;
	return ROADMAP_OK;
too_big:
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s is more than 1,000,000,000,000.00",
		       rm_quote(s, q, sizeof(q)));
decimals:
	return rm_fail(err, ROADMAP_ERR_DATA, "%s has more than two decimals%s",
		       rm_quote(s, q, sizeof(q)),
		       thousands_hint(s, hint, sizeof(hint)));
bad:
	if (*thousands_hint(s, hint, sizeof(hint))) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s is not an amount%s",
			       rm_quote(s, q, sizeof(q)), hint);
	}
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s is not an amount (like 250k, 1.5M, 1,250,000 or "
		       "99.95)",
		       rm_quote(s, q, sizeof(q)));
}

char *roadmap_money_format(int64_t cents, bool grouped, char *buf)
{
	char digits[32];
	uint64_t v =
	    cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	int n = snprintf(digits, sizeof(digits), "%llu",
			 (unsigned long long)(v / 100));
	size_t o = 0;

	if (cents < 0) {
		buf[o++] = '-';
	}
	for (int i = 0; i < n; i++) {
		if (grouped && i > 0 && (n - i) % 3 == 0) {
			buf[o++] = ',';
		}
		buf[o++] = digits[i];
	}
	snprintf(buf + o, 32 - o, ".%02u", (unsigned)(v % 100));
	return buf;
}

enum roadmap_status roadmap_apportion(int64_t amount, const int64_t *weights,
				      size_t n, int64_t *out)
{
	uint64_t total = 0;
	int64_t given = 0;

	if (amount < 0 || n == 0) {
		return ROADMAP_ERR_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		if (weights[i] < 0) {
			return ROADMAP_ERR_USAGE;
		}
		if (__builtin_add_overflow(total, (uint64_t)weights[i],
					   &total)) {
			return ROADMAP_ERR_USAGE; /* weights past 2^64 */
		}
	}
	if (total == 0) {
		return ROADMAP_ERR_USAGE;
	}
	/* Floors first; the leftover cents (fewer than n) then go one each
	 * to the largest remainders, earlier parts winning ties. Repeated
	 * selection is O(n * leftover); n is small (quarters or goals).
	 * 64-bit arithmetic when amount x total cannot overflow it (nearly
	 * always); else the exact 128-bit product, whose quotient fits
	 * because each weight is at most the total. */
	bool narrow =
	    total <= UINT32_MAX && (uint64_t)amount <= UINT64_MAX / total;
	uint64_t small[64];
	uint64_t *rem = n <= 64 ? small : malloc(n * sizeof(*rem));
	if (!rem) {
		return ROADMAP_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		if (narrow) {
			uint64_t x = (uint64_t)amount * (uint64_t)weights[i];
			out[i] = (int64_t)(x / total);
			rem[i] = x % total;
		} else {
			struct rm_u128 x =
			    rm_mul64((uint64_t)amount, (uint64_t)weights[i]);
			out[i] = (int64_t)rm_div128(x, total, &rem[i]);
		}
		given += out[i];
	}
	for (int64_t left = amount - given; left > 0; left--) {
		size_t best = 0;
		for (size_t i = 1; i < n; i++) {
			if (rem[i] > rem[best]) {
				best = i;
			}
		}
		out[best]++;
		rem[best] = 0;
	}
	if (rem != small) {
		free(rem);
	}
	return ROADMAP_OK;
}

static roadmap_day quarter_first(int i, int fs)
{
	return roadmap_quarter_first(i, fs);
}

/* The first day of month number mi (year * 12 + month - 1). */
static roadmap_day month_first(int mi, int fs)
{
	roadmap_day d = 0;

	(void)fs;
	roadmap_day_from_ymd(mi / 12, mi % 12 + 1, 1, &d);
	return d;
}

/* The spreading rule over periods p0 .. p0 + count - 1, each from
 * first(p, fs) to the day before the next one's first. */
static enum roadmap_status spread(int64_t amount, int64_t amount2,
				  roadmap_day start, roadmap_day end, int fs,
				  roadmap_day (*first)(int, int), int p0,
				  size_t count, int64_t *out, int64_t *out2)
{
	int64_t small[64] = {0};
	int64_t *days = count <= 64 ? small : malloc(count * sizeof(*days));
	roadmap_day next = first(p0, fs);

	if (!days) {
		return ROADMAP_ERR_NOMEM;
	}
	for (size_t i = 0; i < count; i++) {
		roadmap_day a = next;
		next = first(p0 + (int)i + 1, fs);
		roadmap_day b = next - 1;
		if (a < start) {
			a = start;
		}
		if (b > end) {
			b = end;
		}
		days[i] = b >= a ? b - a + 1 : 0; /* a period outside */
	}
	enum roadmap_status st = roadmap_apportion(amount, days, count, out);
	if (st == ROADMAP_OK && out2) {
		st = roadmap_apportion(amount2, days, count, out2);
	}
	if (days != small) {
		free(days);
	}
	return st;
}

enum roadmap_status rm_spread_into(int64_t amount, int64_t amount2,
				   roadmap_day start, roadmap_day end, int fs,
				   int q0, size_t count, int64_t *out,
				   int64_t *out2)
{
	return spread(amount, amount2, start, end, fs, quarter_first, q0, count,
		      out, out2);
}

enum roadmap_status rm_spread_months(int64_t amount, int64_t amount2,
				     roadmap_day start, roadmap_day end, int m0,
				     size_t count, int64_t *out, int64_t *out2)
{
	return spread(amount, amount2, start, end, 1, month_first, m0, count,
		      out, out2);
}

int rm_month_of(roadmap_day day)
{
	int y, m, d;

	roadmap_day_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

enum roadmap_status roadmap_spread(int64_t amount, roadmap_day start,
				   roadmap_day end, int fs, int *first_qi,
				   int64_t **parts, size_t *n)
{
	if (end < start) {
		return ROADMAP_ERR_DATA;
	}
	int q0 = roadmap_quarter_of(start, fs);
	int q1 = roadmap_quarter_of(end, fs);
	size_t count = (size_t)(q1 - q0 + 1);
	int64_t *out = malloc(count * sizeof(*out));

	if (!out) {
		return ROADMAP_ERR_NOMEM;
	}
	enum roadmap_status st =
	    rm_spread_into(amount, 0, start, end, fs, q0, count, out, NULL);
	if (st != ROADMAP_OK) {
		free(out);
		return st;
	}
	*first_qi = q0;
	*parts = out;
	*n = count;
	return ROADMAP_OK;
}

/* ------------------------------------------------------------ wide */

/*
 * The quotient of an unsigned 128-bit number (base/wide.h) by a 64-bit
 * one, for the few exact ratios whose products can pass 64 bits: shares of
 * a spread, a tolerance of a plan, a mix share.
 */
uint64_t rm_div128(struct rm_u128 n, uint64_t d, uint64_t *rem)
{
	/* restoring long division; the quotient fits (n.hi < d) */
	uint64_t q = 0, r = n.hi % d;

	for (int bit = 63; bit >= 0; bit--) {
		bool carry = r >> 63;
		r = (r << 1) | ((n.lo >> bit) & 1);
		q <<= 1;
		if (carry || r >= d) {
			r -= d;
			q |= 1;
		}
	}
	if (rem) {
		*rem = r;
	}
	return q;
}

/*
 * a * b / d rounded to the nearest integer, halves up, for non-negative
 * figures (d > 0): false when the quotient passes 64 bits.
 */
bool rm_muldiv_round(uint64_t a, uint64_t b, uint64_t d, uint64_t *out)
{
	struct rm_u128 n = rm_mul64(a, b);
	uint64_t r, q;

	if (n.hi >= d) {
		return false;
	}
	q = rm_div128(n, d, &r);
	if (r >= d - r) {
		if (q == UINT64_MAX) {
			return false;
		}
		q++;
	}
	*out = q;
	return true;
}

int64_t rm_share_permille(int64_t part, int64_t whole)
{
	uint64_t q = 0;

	/* part <= whole: the quotient is at most 1000 and always fits */
	rm_muldiv_round((uint64_t)part, 1000, (uint64_t)whole, &q);
	return (int64_t)q;
}

int64_t rm_percent_hundredths(double pct)
{
	return (int64_t)(pct * 100 + 0.5);
}
