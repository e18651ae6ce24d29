/* test-period.c - calendar days, period syntax and the fiscal calendar. */
#include "roadmap.h"
#include "tap.h"

static const char *fmt(roadmap_day d)
{
	static char buf[16];
	return roadmap_day_format(d, buf);
}

static void parse(const char *s, int fs, const char *first, const char *last)
{
	struct roadmap_period p;
	struct roadmap_error err;
	char a[16], b[16];

	if (roadmap_period_parse(s, fs, &p, &err) != ROADMAP_OK) {
		ok(0, "%s parses (fs %d): %s", s, fs, err.message);
		return;
	}
	roadmap_day_format(p.first, a);
	roadmap_day_format(p.last, b);
	is_str(a, first, "%s starts on %s (fs %d)", s, first, fs);
	is_str(b, last, "%s ends on %s (fs %d)", s, last, fs);
}

static void reject(const char *s, const char *message)
{
	struct roadmap_period p;
	struct roadmap_error err;

	is_int(roadmap_period_parse(s, 1, &p, &err), ROADMAP_ERR_DATA,
	       "'%s' is rejected", s);
	is_str(err.message, message, "'%s' message", s);
}

static void reject_fs(const char *s, int fs, const char *message)
{
	struct roadmap_period p;
	struct roadmap_error err;

	is_int(roadmap_period_parse(s, fs, &p, &err), ROADMAP_ERR_DATA,
	       "'%s' is rejected (fs %d)", s, fs);
	is_str(err.message, message, "'%s' message (fs %d)", s, fs);
}

int main(void)
{
	roadmap_day d;

	ok(roadmap_day_from_ymd(1970, 1, 1, &d) && d == 0, "epoch is day 0");
	ok(roadmap_day_from_ymd(2028, 2, 29, &d), "2028-02-29 exists");
	ok(!roadmap_day_from_ymd(2026, 2, 29, &d), "2026-02-29 does not");
	ok(!roadmap_day_from_ymd(2100, 2, 29, &d), "2100 is not leap");
	ok(roadmap_day_from_ymd(2000, 2, 29, &d), "2000 is leap");
	ok(!roadmap_day_from_ymd(2026, 4, 31, &d), "april has 30 days");
	ok(!roadmap_day_from_ymd(2026, 13, 1, &d), "no month 13");

	/* every day from 1900 to 2200 round-trips through y-m-d */
	int bad = 0;
	roadmap_day lo, hi;
	roadmap_day_from_ymd(1900, 1, 1, &lo);
	roadmap_day_from_ymd(2200, 12, 31, &hi);
	for (roadmap_day x = lo; x <= hi; x++) {
		int y, m, dd;
		roadmap_day back;
		roadmap_day_to_ymd(x, &y, &m, &dd);
		if (!roadmap_day_from_ymd(y, m, dd, &back) || back != x) {
			bad++;
		}
	}
	is_int(bad, 0, "days 1900..2200 round-trip");
	is_int(hi - lo + 1, 109938, "1900..2200 has 109938 days");

	/* calendar-year roadmap */
	parse("2026-03-15", 1, "2026-03-15", "2026-03-15");
	parse("2026-02", 1, "2026-02-01", "2026-02-28");
	parse("2028-02", 1, "2028-02-01", "2028-02-29");
	parse("2026-Q1", 1, "2026-01-01", "2026-03-31");
	parse("2026-Q2", 1, "2026-04-01", "2026-06-30");
	parse("2026-Q4", 1, "2026-10-01", "2026-12-31");
	parse("FY2026", 1, "2026-01-01", "2026-12-31");
	/* fiscal year starting in July: FY2027 is 2026-07-01..2027-06-30 */
	parse("FY2027", 7, "2026-07-01", "2027-06-30");
	parse("2027-Q1", 7, "2026-07-01", "2026-09-30");
	parse("2027-Q2", 7, "2026-10-01", "2026-12-31");
	parse("2027-Q3", 7, "2027-01-01", "2027-03-31");
	parse("2027-Q4", 7, "2027-04-01", "2027-06-30");
	parse("2028-Q3", 7, "2028-01-01", "2028-03-31");
	/* fiscal year starting in April and in February */
	parse("FY2027", 4, "2026-04-01", "2027-03-31");
	parse("2027-Q4", 4, "2027-01-01", "2027-03-31");
	parse("2028-Q4", 2, "2027-11-01", "2028-01-31");
	parse("1900-01-01", 1, "1900-01-01", "1900-01-01");
	parse("2200-12-31", 1, "2200-12-31", "2200-12-31");

	reject("2026-02-30", "2026-02-30 is not a date");
	reject("2026-13", "2026-13 is not a month");
	reject("2026-Q5", "\"2026-Q5\" is not a date or period (YYYY-MM-DD, "
			  "YYYY-MM, YYYY-Qn or FYYYYY)");
	reject("2026-q1", "\"2026-q1\" is not a date or period (YYYY-MM-DD, "
			  "YYYY-MM, YYYY-Qn or FYYYYY)");
	reject("fy2026", "\"fy2026\" is not a date or period (YYYY-MM-DD, "
			 "YYYY-MM, YYYY-Qn or FYYYYY)");
	reject("FY99999", "\"FY99999\" is not a date or period (YYYY-MM-DD, "
			  "YYYY-MM, YYYY-Qn or FYYYYY)");
	reject("1899-12-31", "\"1899-12-31\" is outside the years 1900-2200");
	reject("2201-01-01", "\"2201-01-01\" is outside the years 1900-2200");
	reject("2026-1-5", "\"2026-1-5\" is not a date or period (YYYY-MM-DD, "
			   "YYYY-MM, YYYY-Qn or FYYYYY)");
	reject("", "\"\" is not a date or period (YYYY-MM-DD, YYYY-MM, "
		   "YYYY-Qn or FYYYYY)");

	/* 1900-2200 bounds days, not labels: a fiscal year is named for the
	 * year it ends in, so its label may be 2201 while its days are in
	 * 2200, and a period with days in 1899 or 2201 is refused */
	parse("2201-Q3", 4, "2200-10-01", "2200-12-31");
	parse("2201-Q1", 4, "2200-04-01", "2200-06-30");
	parse("2201-Q2", 7, "2200-10-01", "2200-12-31");
	parse("FY2200", 7, "2199-07-01", "2200-06-30");
	parse("FY2200", 1, "2200-01-01", "2200-12-31");
	parse("FY1900", 1, "1900-01-01", "1900-12-31");
	parse("1900-Q3", 7, "1900-01-01", "1900-03-31");
	parse("2200-Q4", 1, "2200-10-01", "2200-12-31");
	reject_fs("2201-Q4", 4,
		  "2201-Q4 begins 2201-01-01, outside the years "
		  "1900-2200");
	reject_fs("FY2201", 4,
		  "FY2201 ends 2201-03-31, outside the years "
		  "1900-2200");
	reject_fs("FY2201", 7,
		  "FY2201 ends 2201-06-30, outside the years "
		  "1900-2200");
	reject_fs("2201-Q1", 1,
		  "2201-Q1 begins 2201-01-01, outside the years "
		  "1900-2200");
	reject_fs("FY2201", 1,
		  "FY2201 begins 2201-01-01, outside the years "
		  "1900-2200");
	reject_fs("2202-Q1", 4, "\"2202-Q1\" is outside the years 1900-2200");
	reject_fs("FY1900", 7,
		  "FY1900 begins 1899-07-01, outside the years "
		  "1900-2200");
	reject_fs("1900-Q2", 7,
		  "1900-Q2 begins 1899-10-01, outside the years "
		  "1900-2200");
	reject_fs("1899-Q4", 4, "\"1899-Q4\" is outside the years 1900-2200");
	reject_fs("2201-01", 4, "\"2201-01\" is outside the years 1900-2200");

	/* quarter numbering and labels */
	char label[16];
	roadmap_day_from_ymd(2026, 7, 1, &d);
	int qi = roadmap_quarter_of(d, 7);
	is_str(roadmap_quarter_label(qi, label), "2027-Q1",
	       "2026-07-01 is in 2027-Q1 with fs 7");
	is_str(roadmap_quarter_label(roadmap_quarter_of(d, 1), label),
	       "2026-Q3", "2026-07-01 is in 2026-Q3 with fs 1");
	roadmap_day_from_ymd(2026, 6, 30, &d);
	is_str(roadmap_quarter_label(roadmap_quarter_of(d, 7), label),
	       "2026-Q4", "2026-06-30 is in 2026-Q4 with fs 7");
	is_int(roadmap_fiscal_year_of(d, 7), 2026, "2026-06-30 is in FY2026");
	qi = roadmap_quarter_of(d, 7);
	is_str(fmt(roadmap_quarter_first(qi + 1, 7)), "2026-07-01",
	       "the quarter after 2026-Q4 (fs 7) starts 2026-07-01");
	is_str(fmt(roadmap_quarter_last(qi + 4, 7)), "2027-06-30",
	       "and 2027-Q4 ends 2027-06-30");
	roadmap_day_from_ymd(2200, 12, 31, &d);
	is_str(roadmap_quarter_label(roadmap_quarter_of(d, 4), label),
	       "2201-Q3",
	       "2200-12-31 is in 2201-Q3 with fs 4, and is printed so");
	is_int(roadmap_fiscal_year_of(d, 4), 2201, "and in FY2201");
	/* every day sits inside its own quarter, for every start month */
	bad = 0;
	for (int fs = 1; fs <= 12; fs++) {
		for (roadmap_day x = lo; x <= hi; x += 7) {
			int q = roadmap_quarter_of(x, fs);
			if (roadmap_quarter_first(q, fs) > x ||
			    roadmap_quarter_last(q, fs) < x ||
			    roadmap_quarter_last(q, fs) + 1 !=
				roadmap_quarter_first(q + 1, fs)) {
				bad++;
			}
		}
	}
	is_int(bad, 0, "quarters tile the calendar for every start month");
	return done_testing();
}
