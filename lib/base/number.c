/*
 * number.c - decimal numbers read and written the same way whatever the
 * host's locale (roadmap(1)): one grammar (JSON's), judged by its text, so a
 * number is either held exactly as written or refused, never rewritten.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A double holds any decimal of up to 15 significant digits exactly
 * enough to print it back as written. */
#define SIG_MAX 15
/* The powers of ten a leading digit may have: a roadmap's numbers are
 * money, percentages and business metrics, and from 1e-15 to below 1e16
 * every one of them prints as a plain decimal of at most 34 characters. */
#define MAG_MIN (-15)
#define MAG_MAX 15

const char *rm_number_check(const char *s, size_t len, struct rm_decimal *d)
{
	size_t i = 0, first_int, int_len, frac_at = 0, frac_len = 0;
	bool neg = false;
	long exp = 0;

	if (i < len && s[i] == '-') {
		neg = true;
		i++;
	}
	first_int = i;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		i++;
	}
	int_len = i - first_int;
	if (int_len == 0 || (int_len > 1 && s[first_int] == '0')) {
		return "is not a number";
	}
	if (i < len && s[i] == '.') {
		frac_at = ++i;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		frac_len = i - frac_at;
		if (frac_len == 0) {
			return "is not a number";
		}
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		bool eneg = false;
		size_t e0;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-')) {
			eneg = s[i] == '-';
			i++;
		}
		e0 = i;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (exp < 100000) { /* saturates: far out of range */
				exp = exp * 10 + (s[i] - '0');
			}
			i++;
		}
		if (i == e0) {
			return "is not a number";
		}
		exp = eneg ? -exp : exp;
	}
	if (i != len) {
		return "is not a number";
	}

	/* the significant digits: the integer and fraction digits without
	 * leading or trailing zeros */
	char digits[SIG_MAX + 1];
	size_t n = 0, zeros = 0;
	long lead = -1; /* position of the first non-zero digit */
	bool too_fine = false; /* past SIG_MAX digits: judged after the range */
	for (size_t k = 0; k < int_len + frac_len; k++) {
		char c =
		    k < int_len ? s[first_int + k] : s[frac_at + k - int_len];
		if (lead < 0 && c == '0') {
			continue;
		}
		if (lead < 0) {
			lead = (long)k;
		}
		if (c == '0') {
			zeros++; /* kept only if a non-zero digit follows */
			continue;
		}
		if (too_fine || n + zeros + 1 > SIG_MAX) {
			too_fine = true;
			continue;
		}
		while (zeros) {
			digits[n++] = '0';
			zeros--;
		}
		digits[n++] = c;
	}
	if (n == 0) {
		if (neg) {
			return "is negative zero, not a value (write 0)";
		}
		d->neg = false;
		d->digits[0] = '0';
		d->digits[1] = '\0';
		d->exp = 0;
		return NULL;
	}
	/* value = 0.DIGITS x 10^(mag + 1); mag: the leading digit's power */
	long mag = (long)int_len - 1 - lead + exp;
	if (mag < MAG_MIN || mag > MAG_MAX) {
		return "is out of range (numbers are below 1e16 and, "
		       "unless 0, at least 1e-15)";
	}
	if (too_fine) {
		return "has more than 15 significant digits";
	}
	digits[n] = '\0';
	d->neg = neg;
	memcpy(d->digits, digits, n + 1);
	d->exp = (int)(mag - (long)n + 1); /* value = DIGITS x 10^exp */
	return NULL;
}

bool rm_number_shaped(const char *s)
{
	s += s[0] == '-';
	return s[0] >= '0' && s[0] <= '9';
}

double rm_decimal_value(const struct rm_decimal *d)
{
	/* "DIGITSeEXP" has no decimal point: strtod reads it the same in
	 * every locale, correctly rounded */
	char buf[48];

	snprintf(buf, sizeof(buf), "%s%se%d", d->neg ? "-" : "", d->digits,
		 d->exp);
	return strtod(buf, NULL);
}

enum roadmap_status roadmap_number_parse(const char *s, double *out,
					 struct roadmap_error *err)
{
	struct rm_decimal d;
	const char *why = rm_number_check(s, strlen(s), &d);
	char q[80];

	if (why) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s",
			       rm_quote(s, q, sizeof(q)), why);
	}
	*out = rm_decimal_value(&d);
	return ROADMAP_OK;
}

/* The significant digits and exponent of v printed with prec digits:
 * [-]D.DDDe[+-]XX read without caring what the decimal point is. */
static void digits_of(double v, int prec, struct rm_decimal *d)
{
	char g[48];
	size_t n = 0;
	const char *p;

	snprintf(g, sizeof(g), "%.*e", prec - 1, v);
	d->neg = g[0] == '-';
	for (p = g; *p && *p != 'e'; p++) {
		if (*p >= '0' && *p <= '9' && n < SIG_MAX + 2) {
			d->digits[n++] = *p;
		}
	}
	/* DIGITS x 10^exp, where g's exponent is the leading digit's */
	d->exp = (*p == 'e' ? atoi(p + 1) : 0) - (int)n + 1;
	while (n > 1 && d->digits[n - 1] == '0') {
		n--;
		d->exp++;
	}
	d->digits[n] = '\0';
}

/*
 * The fewest digits (15 to 17) that read back as v, written as a plain
 * decimal with a '.' whatever the locale and no exponent: 1234567.5,
 * 0.00001, 100000000000000000000. buf holds ROADMAP_NUMBER_BUF bytes.
 */
char *roadmap_number_format(double v, char *buf)
{
	struct rm_decimal d;
	size_t o = 0, n;

	if (!isfinite(v) || v == 0) {
		return strcpy(buf, "0");
	}
	for (int prec = 15; prec <= 17; prec++) {
		digits_of(v, prec, &d);
		if (rm_decimal_value(&d) == v) {
			break;
		}
	}
	n = strlen(d.digits);
	/* value = DIGITS x 10^exp: the point goes after n + exp digits */
	long point = (long)n + d.exp;
	if (d.neg) {
		buf[o++] = '-';
	}
	if (point <= 0) {
		buf[o++] = '0';
		buf[o++] = '.';
		for (long z = 0; z < -point; z++) {
			buf[o++] = '0';
		}
		memcpy(buf + o, d.digits, n);
		o += n;
	} else {
		for (long k = 0; k < point || k < (long)n; k++) {
			if (k == point) {
				buf[o++] = '.';
			}
			buf[o++] = k < (long)n ? d.digits[k] : '0';
		}
	}
	buf[o] = '\0';
	return buf;
}

char *roadmap_goal_metric_text(const struct roadmap_goal *g, bool with_metric)
{
	char x[ROADMAP_NUMBER_BUF] = "?", y[ROADMAP_NUMBER_BUF] = "?";
	const char *metric = with_metric && g->metric ? g->metric : "";
	char *out;

	if (!g->has_baseline && !g->has_target) {
		return rm_strdup(metric);
	}
	if (g->has_baseline) {
		roadmap_number_format(g->baseline, x);
	}
	if (g->has_target) {
		roadmap_number_format(g->target, y);
	}
	if (asprintf(&out, "%s%s%s -> %s%s%s", metric, *metric ? ": " : "", x,
		     y, g->unit ? " " : "", g->unit ? g->unit : "") < 0) {
		return NULL;
	}
	return out;
}
