/* cmd-timeline.c - a Gantt chart of the roadmap in the terminal. */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct chart {
	const struct roadmap *rm;
	bool months, ascii, color;
	int first, count; /* periods: quarter numbers or months since 0 */
	size_t label, cell;
	bool *critical;
};

static roadmap_day period_first(const struct chart *c, int p)
{
	roadmap_day d = 0;

	if (!c->months) {
		return roadmap_quarter_first(p, roadmap_fiscal_start(c->rm));
	}
	roadmap_day_from_ymd(p / 12, p % 12 + 1, 1, &d);
	return d;
}

static int period_of(const struct chart *c, roadmap_day day)
{
	int y, m, d;

	if (!c->months) {
		return roadmap_quarter_of(day, roadmap_fiscal_start(c->rm));
	}
	roadmap_day_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

static void print_label(const struct chart *c, const char *mark,
			const char *text)
{
	size_t w = text_width(text), room = c->label - 2;

	fputs(mark, stdout);
	if (w <= room) {
		fputs(text, stdout);
		for (; w < room; w++) {
			putchar(' ');
		}
		return;
	}
	/* ids are ASCII: cut bytes */
	printf("%.*s~", (int)(room - 1), text);
}

static void header(const struct chart *c)
{
	static const char months[] = "JFMAMJJASOND";
	char label[16];

	printf("%*s", (int)c->label, "");
	for (int p = c->first; p < c->first + c->count; p++) {
		bool start = c->months ? p % 12 == 0 : p % 4 == 0;
		if (start || p == c->first) {
			int year = c->months ? p / 12 : p / 4;
			snprintf(label, sizeof(label),
				 c->months ? "%d" : "FY%d", year);
			size_t room =
			    (size_t)(c->first + c->count - p) * c->cell;
			size_t used =
			    strlen(label) < room ? strlen(label) : room;
			printf("%.*s", (int)used, label);
			int span = c->months ? 12 - p % 12 : 4 - p % 4;
			size_t width = (size_t)span * c->cell;
			if (width > room) {
				width = room;
			}
			for (size_t k = used; k < width; k++) {
				putchar(' ');
			}
			p += span - 1;
		}
	}
	printf("\n%*s", (int)c->label, "");
	for (int p = c->first; p < c->first + c->count; p++) {
		char cellt[8];
		if (c->months) {
			snprintf(cellt, sizeof(cellt), "%c", months[p % 12]);
		} else {
			snprintf(cellt, sizeof(cellt),
				 c->cell >= 3 ? "Q%d" : "%d", p % 4 + 1);
		}
		printf("%-*.*s", (int)c->cell, (int)c->cell, cellt);
	}
	putchar('\n');
}

static void bar(const struct chart *c, const struct roadmap_initiative *in,
		int color)
{
	const char *fill = c->ascii ? "#" : "\xE2\x96\x88";

	if (c->color) {
		printf("\033[%dm", color);
	}
	for (int p = c->first; p < c->first + c->count; p++) {
		roadmap_day a = period_first(c, p), b = period_first(c, p + 1);
		int64_t days = b - a;
		for (size_t k = 0; k < c->cell; k++) {
			/* the slice of the period this character stands for */
			roadmap_day s = a + (roadmap_day)(days * (int64_t)k /
							  (int64_t)c->cell);
			roadmap_day e = a +
					(roadmap_day)(days * (int64_t)(k + 1) /
						      (int64_t)c->cell) -
					1;
			bool on = in->start <= e && in->end >= s && e >= s;
			fputs(on ? fill : " ", stdout);
		}
	}
	if (c->color) {
		fputs("\033[0m", stdout);
	}
	putchar('\n');
}

static void row(const struct chart *c, size_t i, int color)
{
	const struct roadmap_initiative *in = roadmap_initiative_at(c->rm, i);

	print_label(c, c->critical && c->critical[i] ? "* " : "  ", in->id);
	bar(c, in, color);
}

static bool shown(const struct roadmap_initiative *in)
{
	return roadmap_initiative_counts(in) && in->start <= in->end;
}

static void group_heading(const struct chart *c, const char *name)
{
	if (c->color) {
		printf("\033[1m%s\033[0m\n", name);
	} else {
		printf("%s\n", name);
	}
}

static void by_pillar(const struct chart *c)
{
	static const int colors[] = {34, 32, 35, 36, 33, 31};
	const struct roadmap *rm = c->rm;
	size_t n = roadmap_initiative_count(rm), np = roadmap_pillar_count(rm);

	for (size_t p = 0; p <= np; p++) {
		const char *name = p < np ? roadmap_pillar_at(rm, p) : NULL;
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			const struct roadmap_initiative *in =
			    roadmap_initiative_at(rm, i);
			bool mine =
			    name ? in->pillar && strcmp(in->pillar, name) == 0
				 : !in->pillar ||
				       !roadmap_has_pillar(rm, in->pillar);
			if (!shown(in) || !mine) {
				continue;
			}
			if (!any) {
				group_heading(c, name ? name : "(other)");
				any = true;
			}
			row(c, i, colors[p % 6]);
		}
	}
}

static void by_goal(const struct chart *c)
{
	const struct roadmap *rm = c->rm;
	size_t n = roadmap_initiative_count(rm), ng = roadmap_goal_count(rm);

	for (size_t g = 0; g <= ng; g++) {
		const char *goal = g < ng ? roadmap_goal_at(rm, g)->id : NULL;
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			const struct roadmap_initiative *in =
			    roadmap_initiative_at(rm, i);
			bool mine = false, aligned = false;
			for (size_t k = 0; k < in->n_goals; k++) {
				aligned = aligned ||
					  roadmap_find_goal(rm, in->goals[k]);
				mine = mine || (goal && strcmp(in->goals[k],
							       goal) == 0);
			}
			if (!shown(in) || !(goal ? mine : !aligned)) {
				continue;
			}
			if (!any) {
				group_heading(c, goal ? goal : "(unaligned)");
				any = true;
			}
			row(c, i, 34 + (int)(g % 4));
		}
	}
}

struct timeline_opts {
	int by, group;
	bool ascii;
	struct selection_opts sel;
	int format;
};

enum timeline_by { BY_QUARTER, BY_MONTH };
enum timeline_group { GROUP_PILLAR, GROUP_GOAL };

static const char *const bys[] = {
    [BY_QUARTER] = ROADMAP_WORD_QUARTER, [BY_MONTH] = "month", NULL};
static const char *const groups[] = {[GROUP_PILLAR] = ROADMAP_FIELD_PILLAR,
				     [GROUP_GOAL] = ROADMAP_WORD_GOAL,
				     NULL};

static const struct opt timeline_opts[] = {
    OPT_CHOICE_OF("by", "period", "P", bys, struct timeline_opts, by,
		  "quarter (default) or month"),
    OPT_CHOICE_OF("group", "grouping", "G", groups, struct timeline_opts, group,
		  "pillar (default) or goal"),
    OPT_FLAG("ascii", struct timeline_opts, ascii,
	     "'#' bars for plain terminals"),
    OPT_CHOICE("format", "F", report_formats, struct timeline_opts, format,
	       "table (the chart, default), or for scripts csv or json:\n"
	       "each initiative's dates and planned spend per period"),
    OPT_SELECTION(struct timeline_opts, sel),
    {0},
};

/* The timeline as CSV or JSON (the library's). */
static int for_scripts(struct roadmap *rm, bool months,
		       enum report_format format)
{
	struct roadmap_error err;
	struct roadmap_rows rows;
	char *out = NULL;
	int rc;

	if (format == REPORT_CSV) {
		rc = print_rows_csv(
		    &rows, roadmap_timeline_rows(rm, months, &rows, &err),
		    &err);
	} else if (roadmap_timeline_json(rm, months, &out, &err)) {
		rc = fail_err(&err);
	} else {
		rc = write_stdout(out, strlen(out));
	}
	free(out);
	release_at_exit(rm);
	return rc;
}

static int timeline_of(struct ctx *ctx, struct timeline_opts o, int argc,
		       char **argv)
{
	struct roadmap_selection sel;
	struct chart c = {0};
	struct roadmap_schedule s = {0};
	struct roadmap_error err;
	struct roadmap *rm;
	enum timeline_group group;
	int rc;

	c.ascii = o.ascii;
	c.months = o.by == BY_MONTH;
	group = (enum timeline_group)o.group;
	if (optind < argc) {
		return usage_error(&cmd_timeline, "unexpected argument '%s'",
				   argv[optind]);
	}
	if ((rc = open_selected(ctx, &cmd_timeline, &o.sel, &sel, &rm))) {
		return rc;
	}
	if (o.format != REPORT_TABLE) {
		return for_scripts(rm, c.months, (enum report_format)o.format);
	}
	c.rm = rm;
	c.color = ctx->color;
	size_t n = roadmap_initiative_count(rm), longest = 8;
	int lo = 0, hi = -1;
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in =
		    roadmap_initiative_at(rm, i);
		if (!shown(in)) {
			continue;
		}
		int a = period_of(&c, in->start), b = period_of(&c, in->end);
		lo = hi < lo || a < lo ? a : lo;
		hi = b > hi ? b : hi;
		longest = strlen(in->id) > longest ? strlen(in->id) : longest;
	}
	if (hi < lo) {
		msg("nothing to show: no initiative counts");
		roadmap_destroy(rm);
		return 0;
	}
	c.first = lo;
	c.count = hi - lo + 1;
	size_t width = term_width();
	c.label = longest + 3 > 26 ? 26 : longest + 3;
	size_t room = width > c.label + 8 ? width - c.label : 8;
	c.cell = room / (size_t)c.count;
	c.cell = c.cell > (c.months ? 3u : 5u) ? (c.months ? 3u : 5u) : c.cell;
	c.cell = c.cell < 1 ? 1 : c.cell;
	if (roadmap_schedule(rm, &s, &err) == ROADMAP_OK) {
		c.critical = calloc(n + 1, sizeof(bool));
		for (size_t k = 0; c.critical && k < s.n; k++) {
			c.critical[s.rows[k].index] = s.rows[k].critical;
		}
	} else {
		msg("no critical path: %s", err.message);
	}
	header(&c);
	if (group == GROUP_PILLAR) {
		by_pillar(&c);
	} else {
		by_goal(&c);
	}
	printf("\n%s planned   * on the critical path\n",
	       c.ascii ? "#" : "\xE2\x96\x88");
	rc = write_stdout("", 0);
	free(c.critical);
	roadmap_schedule_release(&s);
	release_at_exit(rm);
	return rc;
}

static int run_timeline(struct ctx *ctx, int argc, char **argv)
{
	struct timeline_opts o = {BY_QUARTER, GROUP_PILLAR, false, {0},
				  REPORT_TABLE};
	int rc = parse_options(&cmd_timeline, argc, argv, &o);

	if (rc == 0) {
		rc = timeline_of(ctx, o, argc, argv);
	}
	selection_release(&o.sel);
	return rc;
}

const struct cmd cmd_timeline = {
    .name = "timeline",
    .summary = "a Gantt chart of the roadmap in the terminal",
    .help = "One row per initiative that counts, grouped by pillar (or "
	    "goal), one column\nper fiscal quarter (or month); '*' marks "
	    "the critical path. Colour by\npillar on a terminal.\n",
    .opts = timeline_opts,
    .examples = "  roadmap timeline\n"
		"  roadmap timeline --by month --group goal --ascii\n",
    .run = run_timeline,
};
