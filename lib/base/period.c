/* period.c - calendar days, periods and the fiscal calendar (roadmap(1),
 * PERIODS AND AMOUNTS). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30,
				   31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Howard Hinnant's days_from_civil, valid far beyond our year range. */
static roadmap_day days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool roadmap_day_from_ymd(int y, int m, int d, roadmap_day *out)
{
	/* One year of slack each side: FY1900 can start in 1899. */
	if (y < ROADMAP_YEAR_MIN - 1 || y > ROADMAP_YEAR_MAX + 1 || m < 1 ||
	    m > 12 || d < 1 || d > month_days(y, m)) {
		return false;
	}
	*out = days_from_civil(y, m, d);
	return true;
}

void roadmap_day_to_ymd(roadmap_day day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

bool rm_day_in_range(roadmap_day day)
{
	return day >= days_from_civil(ROADMAP_YEAR_MIN, 1, 1) &&
	       day <= days_from_civil(ROADMAP_YEAR_MAX, 12, 31);
}

/*
 * The years 1900-2200 bound days, not labels: a fiscal year is named for
 * the year it ends in, so with an April start 2201-Q3 is October to
 * December 2200 and is in range, while FY1900 with a July start begins in
 * 1899 and is not. A fiscal quarter is in range when all its days are.
 */
bool rm_quarter_in_range(int qi, int fs)
{
	return qi >= ROADMAP_YEAR_MIN * 4 &&
	       qi <= (ROADMAP_YEAR_MAX + 1) * 4 + 3 &&
	       rm_day_in_range(roadmap_quarter_first(qi, fs)) &&
	       rm_day_in_range(roadmap_quarter_last(qi, fs));
}

const char *rm_dates_problem(const struct roadmap_initiative *in, char *buf,
			     size_t size)
{
	char d1[16], d2[16];

	if (!rm_day_in_range(in->start) || !rm_day_in_range(in->end)) {
		snprintf(buf, size, "%s is outside the years 1900-2200",
			 rm_day_in_range(in->start) ? ROADMAP_FIELD_END
						    : ROADMAP_FIELD_START);
	} else if (in->end < in->start) {
		snprintf(buf, size, "end %s is before start %s",
			 roadmap_day_format(in->end, d1),
			 roadmap_day_format(in->start, d2));
	} else if (in->has_optimistic && in->optimistic < in->start) {
		snprintf(buf, size, "%s %s is before start %s",
			 ROADMAP_FIELD_OPTIMISTIC,
			 roadmap_day_format(in->optimistic, d1),
			 roadmap_day_format(in->start, d2));
	} else if (in->has_optimistic && in->optimistic > in->end) {
		snprintf(buf, size, "%s %s is after end %s (the most likely)",
			 ROADMAP_FIELD_OPTIMISTIC,
			 roadmap_day_format(in->optimistic, d1),
			 roadmap_day_format(in->end, d2));
	} else if (in->has_pessimistic && in->pessimistic < in->end) {
		snprintf(buf, size, "%s %s is before end %s (the most likely)",
			 ROADMAP_FIELD_PESSIMISTIC,
			 roadmap_day_format(in->pessimistic, d1),
			 roadmap_day_format(in->end, d2));
	} else if (in->has_pessimistic && !rm_day_in_range(in->pessimistic)) {
		snprintf(buf, size, "%s is outside the years 1900-2200",
			 ROADMAP_FIELD_PESSIMISTIC);
	} else {
		return NULL;
	}
	return buf;
}

char *roadmap_day_format(roadmap_day day, char *buf)
{
	int y, m, d;

	roadmap_day_to_ymd(day, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

/* The calendar year and month in which fiscal year fy begins. */
static void fy_begin(int fy, int fs, int *y, int *m)
{
	*y = fs == 1 ? fy : fy - 1;
	*m = fs;
}

int roadmap_fiscal_year_of(roadmap_day day, int fs)
{
	int y, m, d;

	roadmap_day_to_ymd(day, &y, &m, &d);
	return (fs != 1 && m >= fs) ? y + 1 : y;
}

int roadmap_quarter_of(roadmap_day day, int fs)
{
	int y, m, d;

	roadmap_day_to_ymd(day, &y, &m, &d);
	int fy = (fs != 1 && m >= fs) ? y + 1 : y;
	int q = ((m - fs + 12) % 12) / 3;
	return fy * 4 + q;
}

static roadmap_day month_first(int y, int m)
{
	while (m > 12) {
		m -= 12;
		y++;
	}
	return days_from_civil(y, m, 1);
}

roadmap_day roadmap_quarter_first(int qi, int fs)
{
	int y, m;
	int fy = qi >= 0 ? qi / 4 : -((-qi + 3) / 4);
	int q = qi - fy * 4;

	fy_begin(fy, fs, &y, &m);
	return month_first(y, m + 3 * q);
}

roadmap_day roadmap_quarter_last(int qi, int fs)
{
	return roadmap_quarter_first(qi + 1, fs) - 1;
}

char *roadmap_quarter_label(int qi, char *buf)
{
	int fy = qi / 4, y = (fy % 10000 + 10000) % 10000;

	/* by hand: the budget views and checks label every quarter of every
	 * initiative, and snprintf is most of that work */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = 'Q';
	buf[6] = (char)('0' + ((qi - fy * 4) % 4 + 4) % 4 + 1);
	buf[7] = '\0';
	return buf;
}

/* Reads exactly n digits from s into *v. */
static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

bool rm_fiscal_label(const char *s)
{
	size_t len = strlen(s);
	int y;

	return (len == 6 && s[0] == 'F' && s[1] == 'Y' &&
		digits(s + 2, 4, &y)) ||
	       (len == 7 && digits(s, 4, &y) && s[4] == '-' && s[5] == 'Q' &&
		s[6] >= '1' && s[6] <= '4');
}

enum roadmap_status roadmap_period_parse(const char *s, int fs,
					 struct roadmap_period *out,
					 struct roadmap_error *err)
{
	char q[80];
	size_t len = strlen(s);
	int y, m, d;
	struct roadmap_period p = {0};

	if (len == 6 && s[0] == 'F' && s[1] == 'Y' && digits(s + 2, 4, &y)) {
		/* a label may say 2201 when its days are in 2200: judged by
		 * its days below */
		if (y < ROADMAP_YEAR_MIN || y > ROADMAP_YEAR_MAX + 1) {
			goto range;
		}
		p.kind = ROADMAP_PERIOD_YEAR;
		p.year = y;
		p.first = roadmap_quarter_first(y * 4, fs);
		p.last = roadmap_quarter_last(y * 4 + 3, fs);
	} else if (len == 7 && s[4] == '-' && s[5] == 'Q' && digits(s, 4, &y) &&
		   s[6] >= '1' && s[6] <= '4') {
		if (y < ROADMAP_YEAR_MIN || y > ROADMAP_YEAR_MAX + 1) {
			goto range;
		}
		p.kind = ROADMAP_PERIOD_QUARTER;
		p.year = y;
		p.index = s[6] - '0';
		p.first = roadmap_quarter_first(y * 4 + p.index - 1, fs);
		p.last = roadmap_quarter_last(y * 4 + p.index - 1, fs);
	} else if (len == 7 && s[4] == '-' && digits(s, 4, &y) &&
		   digits(s + 5, 2, &m)) {
		if (y < ROADMAP_YEAR_MIN || y > ROADMAP_YEAR_MAX) {
			goto range;
		}
		if (m < 1 || m > 12) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s is not a month", s);
		}
		p.kind = ROADMAP_PERIOD_MONTH;
		p.year = y;
		p.index = m;
		p.first = days_from_civil(y, m, 1);
		p.last = p.first + month_days(y, m) - 1;
	} else if (len == 10 && s[4] == '-' && s[7] == '-' &&
		   digits(s, 4, &y) && digits(s + 5, 2, &m) &&
		   digits(s + 8, 2, &d)) {
		if (y < ROADMAP_YEAR_MIN || y > ROADMAP_YEAR_MAX) {
			goto range;
		}
		if (!roadmap_day_from_ymd(y, m, d, &p.first)) {
			/* s is all digits and dashes here: safe unquoted,
			 * as in "end 2026-02-30 is not a date". */
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s is not a date", s);
		}
		p.kind = ROADMAP_PERIOD_DAY;
		p.year = y;
		p.last = p.first;
	} else {
		goto bad;
	}
	if (p.first < days_from_civil(ROADMAP_YEAR_MIN, 1, 1) ||
	    p.last > days_from_civil(ROADMAP_YEAR_MAX, 12, 31)) {
		char day[12];
		/* its first day when that is out, else its last */
		bool early = !rm_day_in_range(p.first);
		/* s is a well-formed label here: safe unquoted. */
		return rm_fail(
		    err, ROADMAP_ERR_DATA,
		    "%s %s %s, outside the years 1900-2200", s,
		    early ? "begins" : "ends",
		    roadmap_day_format(early ? p.first : p.last, day));
	}
	if (out) {
		*out = p;
	}
	return ROADMAP_OK;
range:
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s is outside the years 1900-2200",
		       rm_quote(s, q, sizeof(q)));
bad:
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s is not a date or period (YYYY-MM-DD, YYYY-MM, "
		       "YYYY-Qn or FYYYYY)",
		       rm_quote(s, q, sizeof(q)));
}

bool rm_map_period(int src_fs, int dst_fs, bool year, int qi, int *out)
{
	int a = year ? qi / 4 * 4 : qi, z = year ? a + 3 : qi;
	roadmap_day first = roadmap_quarter_first(a, src_fs);
	roadmap_day last = roadmap_quarter_last(z, src_fs);
	int b = roadmap_quarter_of(first, dst_fs);
	int y = year ? b + 3 : b;

	*out = b;
	return roadmap_quarter_first(b, dst_fs) == first &&
	       roadmap_quarter_last(y, dst_fs) == last && (!year || b % 4 == 0);
}

roadmap_day rm_day_clamp(int64_t d)
{
	return (roadmap_day)(d < RM_DAY_FLOOR  ? RM_DAY_FLOOR
			     : d > RM_DAY_CEIL ? RM_DAY_CEIL
					       : d);
}
