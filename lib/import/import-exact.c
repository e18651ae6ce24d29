/*
 * import-exact.c - exact decimal amounts for the books importer
 * (roadmap(1), import --format ledger|focus): FOCUS costs carry ten or
 * more decimals, and a million of them must add up to the cent the
 * source's own total does, so each is held to twenty decimals of the
 * unit (cents and 10^-18 of a cent) and only sums are rounded.
 */
#include "books.h"

#include <string.h>

bool rm_exact_add(struct rm_exact *a, struct rm_exact b)
{
	uint64_t frac = a->frac + b.frac; /* < 2 x 10^18: no wrap */
	int64_t cents;

	if (__builtin_add_overflow(a->cents, b.cents, &cents) ||
	    (frac >= RM_FRAC_ONE && __builtin_add_overflow(cents, 1, &cents))) {
		return false;
	}
	a->cents = cents;
	a->frac = frac >= RM_FRAC_ONE ? frac - RM_FRAC_ONE : frac;
	return true;
}

int64_t rm_exact_round(struct rm_exact a)
{
	const uint64_t half = RM_FRAC_ONE / 2;

	/* a.cents is the floor: a negative value's half goes down */
	if (a.cents >= 0) {
		return a.frac >= half ? a.cents + 1 : a.cents;
	}
	return a.frac > half ? a.cents + 1 : a.cents;
}

/* Places kept: 10^13 of the unit down to 10^-20. */
#define TOP 13
#define BOTTOM 20
#define SLOTS (TOP + 1 + BOTTOM)

static const char bad_comma[] = "has a ',' that is no thousands separator "
				"(decimals take '.')";
static const char too_large[] = "is past the largest amount "
				"(1,000,000,000,000.00)";

const char *rm_exact_parse(const char *s, size_t len, bool commas,
			   bool exponent, struct rm_exact *out)
{
	const char *e = s + len, *p = s;
	unsigned char digit[SLOTS];
	char digits[128];
	size_t nd = 0, n_int = 0;
	bool neg = false, point = false, any = false;
	long exp10 = 0;

	if (p < e && (*p == '-' || *p == '+')) {
		neg = *p++ == '-';
	}
	const char *int_at = p, *int_end = NULL;
	for (; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			if (nd == sizeof(digits)) {
				return "has too many digits";
			}
			digits[nd++] = *p;
			n_int += !point;
			any = true;
		} else if (*p == ',' && commas && !point) {
			continue;
		} else if (*p == '.' && !point) {
			point = true;
			int_end = p;
		} else {
			break;
		}
	}
	/* thousands as roadmap_money_parse reads them */
	if (!rm_grouping_ok(int_at,
			    (size_t)((int_end ? int_end : p) - int_at))) {
		return bad_comma;
	}
	if (!any) {
		return "is not a number";
	}
	if (p < e && exponent && (*p == 'e' || *p == 'E')) {
		bool eneg = false, edig = false;
		p++;
		if (p < e && (*p == '-' || *p == '+')) {
			eneg = *p++ == '-';
		}
		for (; p < e && *p >= '0' && *p <= '9'; p++) {
			edig = true;
			if (exp10 < 100000) {
				exp10 = exp10 * 10 + (*p - '0');
			}
		}
		if (!edig) {
			return "is not a number";
		}
		exp10 = eneg ? -exp10 : exp10;
	}
	if (p != e) {
		return "is not a number";
	}
	/* digit i is worth 10^(n_int - 1 - i + exp10) units */
	memset(digit, 0, sizeof(digit));
	for (size_t i = 0; i < nd; i++) {
		long place = (long)n_int - 1 - (long)i + exp10;
		int d = digits[i] - '0';
		if (place > TOP || place < -BOTTOM) {
			if (d) {
				return place > TOP
					   ? too_large
					   : "has more than 20 decimals";
			}
			continue;
		}
		digit[TOP - place] = (unsigned char)d;
	}
	int64_t cents = 0;
	uint64_t frac = 0;
	for (int i = 0; i < TOP + 1 + 2; i++) {
		cents = cents * 10 + digit[i];
	}
	for (int i = TOP + 1 + 2; i < SLOTS; i++) {
		frac = frac * 10 + digit[i];
	}
	if (cents > ROADMAP_MONEY_MAX || (cents == ROADMAP_MONEY_MAX && frac)) {
		return too_large;
	}
	if (neg && frac) {
		cents = -cents - 1;
		frac = RM_FRAC_ONE - frac;
	} else if (neg) {
		cents = -cents;
	}
	out->cents = cents;
	out->frac = frac;
	return NULL;
}
