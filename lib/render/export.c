/* export.c - the JSON and Markdown exports, and the text-export dispatch. */
#include "analysis.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const formats[] = {"csv", "json", "xlsx",
				      "md",  "html", "ics"};

const char *roadmap_export_format_name(enum roadmap_export_format f)
{
	return (size_t)f < sizeof(formats) / sizeof(*formats) ? formats[f]
							      : "csv";
}

int roadmap_export_format_parse(const char *name)
{
	for (int i = 0; i < (int)(sizeof(formats) / sizeof(*formats)); i++) {
		if (strcmp(name, formats[i]) == 0) {
			return i;
		}
	}
	return -1;
}

/* SOURCE_DATE_EPOCH as an ISO timestamp, or NULL when it is not set. */
const char *roadmap_source_date(char *buf, size_t n, time_t *when)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	struct tm tm;

	if (!s || !*s) {
		return NULL;
	}
	long long v = strtoll(s, &end, 10);
	if (*end || v < 0 || v > 7258118400LL) { /* up to 2200 */
		return NULL;
	}
	time_t t = (time_t)v;
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (when) {
		*when = t;
	}
	return buf;
}

/* One member of the export: value consumed. */
static void member(struct strbuf *b, const char *key, cJSON *value, bool *first,
		   bool *ok)
{
	if (!value) {
		*ok = false;
		return;
	}
	rm_json_member(b, 1, key, value, *first);
	*first = false;
	cJSON_Delete(value);
}

/*
 * The export is streamed: settings first, then each goal and initiative
 * built, written and freed in turn. A 100,000-initiative export would
 * otherwise hold millions of cJSON nodes at once. Goals and initiatives are
 * one compact line each: greppable, and half the bytes of an indented
 * export.
 */
static bool stream_export(struct strbuf *b, const struct roadmap *rm,
			  const struct roadmap_findings *f,
			  const struct roadmap_budget_report *br,
			  const struct roadmap_schedule *s, bool sched_ok,
			  const int64_t *planned,
			  const struct roadmap_tracking *tr,
			  const struct roadmap_spend *sp, const char *selection,
			  const char *scenario)
{
	bool ok = true, first = true;
	char when[40];

	rm_json_open(b, true);
	member(b, ROADMAP_KEY_FORMAT, cJSON_CreateString("roadmap-export/1"),
	       &first, &ok);
	if (roadmap_source_date(when, sizeof(when), NULL)) {
		member(b, "generated", cJSON_CreateString(when), &first, &ok);
	}
	member(b, ROADMAP_KEY_NAME, rm_json_string_or_null(rm->name), &first,
	       &ok);
	if (scenario) {
		member(b, "scenario", cJSON_CreateString(scenario), &first,
		       &ok);
	}
	if (selection) {
		member(b, "selection", cJSON_CreateString(selection), &first,
		       &ok);
	}
	member(b, ROADMAP_KEY_CURRENCY, cJSON_CreateString(rm->currency),
	       &first, &ok);
	member(b, ROADMAP_KEY_FISCAL_YEAR_START,
	       cJSON_CreateNumber(rm->fiscal_start), &first, &ok);
	member(b, ROADMAP_KEY_PILLARS,
	       rm_json_string_list(rm->pillars, rm->n_pillars), &first, &ok);
	member(b, ROADMAP_KEY_POLICY, rm_policy_json(&rm->policy, true, &ok),
	       &first, &ok);
	cJSON *teams = cJSON_CreateArray();
	for (size_t i = 0; teams && ok && i < rm->n_teams; i++) {
		rm_json_push(teams, rm_team_object(&rm->teams[i]), &ok);
	}
	member(b, ROADMAP_KEY_TEAMS, teams, &first, &ok);

	/* goals, one at a time */
	if (rm->n_goals == 0) {
		member(b, ROADMAP_KEY_GOALS, cJSON_CreateArray(), &first, &ok);
	} else {
		rm_json_key(b, 1, ROADMAP_KEY_GOALS, first);
		first = false;
		rm_json_open(b, false);
		for (size_t i = 0; ok && i < rm->n_goals; i++) {
			cJSON *o = rm_goal_object(&rm->goals[i]);
			rm_json_add(o, "planned", rm_json_money(planned[i]),
				    &ok);
			if (o && ok) {
				rm_json_element_compact(b, 2, o, i == 0);
			}
			cJSON_Delete(o);
		}
		rm_json_close(b, 1, false);
	}

	/* initiatives, one at a time, their spend from one table */
	const struct roadmap_schedule_row **row =
	    calloc(rm->n_inits + 1, sizeof(*row));
	ok = ok && row;
	for (size_t k = 0; ok && sched_ok && k < s->n; k++) {
		row[s->rows[k].index] = &s->rows[k];
	}
	if (rm->n_inits == 0) {
		member(b, ROADMAP_KEY_INITIATIVES, cJSON_CreateArray(), &first,
		       &ok);
	} else {
		rm_json_key(b, 1, ROADMAP_KEY_INITIATIVES, first);
		first = false;
		rm_json_open(b, false);
		for (size_t i = 0; ok && i < rm->n_inits; i++) {
			const struct roadmap_initiative *in = &rm->inits[i];
			cJSON *o = rm_initiative_object(in);
			rm_json_add(o, ROADMAP_WORD_TOTAL,
				    rm_json_money(in->opex + in->capex), &ok);
			rm_json_add(o, "spend", rm_spend_json_from(sp, i), &ok);
			rm_json_add(o, "schedule",
				    row[i] ? rm_schedule_row_object(rm, row[i])
					   : cJSON_CreateNull(),
				    &ok);
			if (o && ok) {
				rm_json_element_compact(b, 2, o, i == 0);
			}
			cJSON_Delete(o);
		}
		rm_json_close(b, 1, false);
	}
	free(row);
	cJSON *budgets = cJSON_CreateArray();
	for (size_t i = 0; budgets && ok && i < rm->n_budgets; i++) {
		rm_json_push(budgets, rm_budget_object(&rm->budgets[i]), &ok);
	}
	member(b, ROADMAP_KEY_BUDGETS, budgets, &first, &ok);
	member(b, ROADMAP_WORD_BUDGET, rm_budget_report_object(rm, br), &first,
	       &ok);
	member(b, "findings", rm_findings_object(f), &first, &ok);
	if (tr) {
		member(b, "tracking", rm_tracking_object(rm, tr), &first, &ok);
	}
	rm_json_close(b, 0, true);
	sb_put(b, "\n", 1);
	return ok && !b->failed;
}

/* What the JSON and Markdown exports show, from the one analysis; the
 * forecast (a Monte Carlo run) and the headline envelope only for
 * Markdown (md). */
static enum roadmap_status compute(const struct roadmap *rm,
				   struct rm_analysis *c, bool md,
				   const struct roadmap_export_options *opt,
				   struct roadmap_error *err)
{
	unsigned want =
	    RM_AN_FINDINGS | RM_AN_BUDGET | RM_AN_SCHEDULE | RM_AN_PLANNED;
	enum roadmap_status st;

	if (md) {
		want |= RM_AN_FORECAST | RM_AN_HEADLINE;
	}
	if (roadmap_has_tracking(rm)) {
		want |= RM_AN_TRACKING;
	}
	memset(c, 0, sizeof(*c));
	if ((st = rm_analysis_build(rm, want, opt, c, err))) {
		rm_analysis_release(c);
		return st;
	}
	rm_analysis_built(c);
	return ROADMAP_OK;
}

/* ------------------------------------------------------------ markdown */

/* A table cell: pipes escaped, so a title cannot break the table. */
static bool isalnum_ascii(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

/* Inline Markdown text: every character Markdown would read as markup
 * (emphasis, code, links, HTML, an entity's '&', a table's '|', a
 * heading's closing '#') is backslash-escaped, so a title shows as
 * written. */
static void md_text(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		bool entity = *s == '&' && (s[1] == '#' || isalnum_ascii(s[1]));
		if (entity || strchr("\\`*_<[]~|#", *s)) {
			sb_put(b, "\\", 1);
		}
		sb_put(b, s, 1);
	}
}

static void md_cell(struct strbuf *b, const char *s)
{
	sb_put(b, " ", 1);
	md_text(b, s);
	sb_put(b, " |", 2);
}

static void md_row(struct strbuf *b, const char *const *cells, size_t n)
{
	sb_put(b, "|", 1);
	for (size_t i = 0; i < n; i++) {
		md_cell(b, cells[i]);
	}
	sb_put(b, "\n", 1);
}

static void md_rule(struct strbuf *b, const char *align)
{
	sb_put(b, "|", 1);
	for (; *align; align++) {
		sb_puts(b, *align == 'r' ? " ---: |" : " --- |");
	}
	sb_put(b, "\n", 1);
}

static const char *grouped(int64_t v, char *buf)
{
	return roadmap_money_format(v, true, buf);
}

/*
 * Text on a Mermaid gantt line, kept as written but never read as syntax:
 * the characters that end, split or comment out a line (':', ';', '#',
 * '%') and those of markup are written as Mermaid's entity codes
 * ("#58;"), which it shows as the character; a text that begins with a
 * keyword (section, title, excludes, click, ...) or a digit has its first
 * character so written, so no line becomes a statement.
 */
static void mermaid_text(struct strbuf *b, const char *s)
{
	static const char *const keywords[] = {
	    "accdescr",	  "acctitle",	  "axisformat", "click",
	    "dateformat", "excludes",	  "includes",	"inclusiveenddates",
	    "section",	  "tickinterval", "title",	"todaymarker",
	    "topaxis",	  "weekday",	  "weekend",	"displaymode",
	    "call",	  "href",	  NULL};
	char code[16];
	bool first = true;

	for (const char *p = s; *p; p++, first = false) {
		bool encode = strchr(":;#%{}<>\"", *p) != NULL;
		if (first && *p >= '0' && *p <= '9') {
			encode = true;
		}
		for (size_t k = 0; first && !encode && keywords[k]; k++) {
			encode =
			    !keywords[k]
				     [rm_ascii_prefix_nocase(p, keywords[k])];
		}
		if (encode) {
			snprintf(code, sizeof(code), "#%d;", (unsigned char)*p);
			sb_puts(b, code);
		} else {
			sb_put(b, p, 1);
		}
	}
}

/* The forecast section, when some initiative has an estimate. */
static void md_forecast(struct strbuf *b, const struct roadmap *rm,
			const struct roadmap_forecast *f)
{
	static const char *const h[] = {"Initiative", "Planned end", "P50",
					"P80",	      "P95",	     "On time"};
	char line[200], d[5][16];

	snprintf(
	    line, sizeof(line),
	    "\n## Forecast (%lu trials, seed %llu)\n\n"
	    "End dates at 50, 80 and 95 %% confidence from the three-point "
	    "estimates, and the share of trials ending on or before the "
	    "planned end.\n\n",
	    f->trials, (unsigned long long)f->seed);
	sb_puts(b, line);
	md_row(b, h, 6);
	md_rule(b, "lllllr");
	for (size_t i = 0; i < f->n_initiatives; i++) {
		const struct roadmap_forecast_initiative *x =
		    &f->initiatives[i];
		snprintf(d[4], sizeof(d[4]), "%.1f %%", 100 * x->on_time);
		const char *r[] = {rm->inits[x->index].id,
				   roadmap_day_format(x->planned_end, d[0]),
				   roadmap_day_format(x->p50, d[1]),
				   roadmap_day_format(x->p80, d[2]),
				   roadmap_day_format(x->p95, d[3]),
				   d[4]};
		md_row(b, r, 6);
	}
	if (f->any) {
		snprintf(
		    line, sizeof(line),
		    "\nThe portfolio ends by %s (P50), %s (P80), %s (P95).\n",
		    roadmap_day_format(f->end_p50, d[0]),
		    roadmap_day_format(f->end_p80, d[1]),
		    roadmap_day_format(f->end_p95, d[2]));
		sb_puts(b, line);
	}
}

static void md_gantt(struct strbuf *b, const struct roadmap *rm,
		     const struct rm_analysis *c)
{
	char d1[16], d2[16];
	bool *crit = calloc(rm->n_inits + 1, sizeof(bool));

	if (!crit) {
		b->failed = true;
		return;
	}
	for (size_t k = 0; c->sched_ok && k < c->s.n; k++) {
		crit[c->s.rows[k].index] = c->s.rows[k].critical;
	}
	sb_puts(b, "```mermaid\ngantt\n    title ");
	mermaid_text(b, rm->name ? rm->name : "Roadmap");
	sb_puts(b, "\n    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n");
	for (size_t p = 0; p <= rm->n_pillars; p++) {
		const char *name = p < rm->n_pillars ? rm->pillars[p] : NULL;
		bool any = false;
		for (size_t i = 0; i < rm->n_inits; i++) {
			const struct roadmap_initiative *in = &rm->inits[i];
			bool mine =
			    name ? in->pillar && strcmp(in->pillar, name) == 0
				 : !in->pillar ||
				       !roadmap_has_pillar(rm, in->pillar);
			if (!mine || !roadmap_initiative_counts(in) ||
			    in->end < in->start) {
				continue;
			}
			if (!any) {
				sb_puts(b, "    section ");
				mermaid_text(b, name ? name : "other");
				sb_puts(b, "\n");
				any = true;
			}
			sb_puts(b, "    ");
			mermaid_text(b, in->title);
			sb_puts(b, " :");
			if (crit && crit[i]) {
				sb_puts(b, "crit, ");
			}
			if (in->status == ROADMAP_DONE) {
				sb_puts(b, "done, ");
			} else if (in->status == ROADMAP_ACTIVE) {
				sb_puts(b, "active, ");
			}
			/* the end date is inclusive in the roadmap; Mermaid's
			 * is exclusive */
			roadmap_day_format(in->start, d1);
			roadmap_day_format(in->end + 1, d2);
			sb_puts(b, d1);
			sb_puts(b, ", ");
			sb_puts(b, d2);
			sb_puts(b, "\n");
		}
	}
	sb_puts(b, "```\n");
	free(crit);
}

/* "Status": earned value of the started initiatives and the goals'
 * progress, as of the export's day (roadmap(1), status). */
static void md_tracking(struct strbuf *b, const struct roadmap *rm,
			const struct roadmap_tracking *t)
{
	char line[160], d[16], m[6][40], n[6][ROADMAP_NUMBER_BUF];

	snprintf(line, sizeof(line), "\n## Status as of %s (%s)\n\n",
		 roadmap_day_format(t->as_of, d), rm->currency);
	sb_puts(b, line);
	const char *ih[] = {"Initiative", "BAC", "Planned %", "Progress %",
			    "PV",	  "EV",	 "AC",	      "SPI",
			    "CPI",	  "EAC", "Late"};
	md_row(b, ih, 11);
	md_rule(b, "lrrrrrrrrrl");
	for (size_t i = 0; i < t->n_initiatives; i++) {
		const struct roadmap_earned_value *x = &t->initiatives[i];
		const char *r[] = {
		    rm->inits[x->index].id,
		    grouped(x->bac, m[0]),
		    roadmap_number_format(x->planned_pct, n[0]),
		    roadmap_number_format(x->progress, n[1]),
		    grouped(x->pv, m[1]),
		    grouped(x->ev, m[2]),
		    grouped(x->ac, m[3]),
		    x->has_spi ? roadmap_number_format(x->spi, n[2]) : "",
		    x->has_cpi ? roadmap_number_format(x->cpi, n[3]) : "",
		    x->has_eac ? grouped(x->eac, m[4]) : "",
		    x->late ? "late" : ""};
		md_row(b, r, 11);
	}
	const char *tot[] = {
	    "Total",
	    grouped(t->bac, m[0]),
	    "",
	    "",
	    grouped(t->pv, m[1]),
	    grouped(t->ev, m[2]),
	    grouped(t->ac, m[3]),
	    t->has_spi ? roadmap_number_format(t->spi, n[2]) : "",
	    t->has_cpi ? roadmap_number_format(t->cpi, n[3]) : "",
	    t->has_eac ? grouped(t->eac, m[4]) : "",
	    ""};
	md_row(b, tot, 11);
	sb_puts(b, "\n");
	const char *gh[] = {"Goal",	  "Current", "Progress %",
			    "Expected %", "State",   "Score"};
	md_row(b, gh, 6);
	md_rule(b, "lrrrlr");
	for (size_t i = 0; i < t->n_goals; i++) {
		const struct roadmap_goal_tracking *x = &t->goals[i];
		const char *state = roadmap_goal_state_name(x->state);
		const char *r[] = {
		    rm->goals[x->index].id,
		    x->has_current ? roadmap_number_format(x->current, n[0])
				   : "",
		    x->has_progress
			? roadmap_number_format(
			      roadmap_ratio_percent(x->progress), n[1])
			: "",
		    x->has_expected
			? roadmap_number_format(
			      roadmap_ratio_percent(x->expected), n[2])
			: "",
		    state ? state : "",
		    x->has_progress ? roadmap_number_format(x->score, n[3])
				    : ""};
		md_row(b, r, 6);
	}
}

static void md_export(struct strbuf *b, const struct roadmap *rm,
		      const struct rm_analysis *c, const char *selection,
		      const char *scenario)
{
	char m[8][40], line[256], when[40];
	const struct roadmap_budget_row *t = &c->br.total;
	size_t counting = 0;

	for (size_t i = 0; i < rm->n_inits; i++) {
		counting += roadmap_initiative_counts(&rm->inits[i]);
	}
	sb_puts(b, "# ");
	md_text(b, rm->name ? rm->name : "Technology roadmap");
	sb_puts(b, "\n\n");
	if (scenario) {
		sb_puts(b, "Scenario: ");
		md_text(b, scenario);
		sb_puts(b, " " RM_WHAT_IF ".\n\n");
	}
	if (selection) {
		sb_puts(b, "Selection: ");
		md_text(b, selection);
		sb_puts(b, ".\n\n");
	}
	if (roadmap_source_date(when, sizeof(when), NULL)) {
		snprintf(line, sizeof(line), "Generated %s.\n\n", when);
		sb_puts(b, line);
	}
	sb_puts(b, "## Headline figures\n\n");
	const char *h[] = {"Figure", "Value"};
	md_row(b, h, 2);
	md_rule(b, "lr");
#define FIG(label, ...)                                                        \
	do {                                                                   \
		snprintf(line, sizeof(line), __VA_ARGS__);                     \
		const char *r_[] = {label, line};                              \
		md_row(b, r_, 2);                                              \
	} while (0)
	FIG("Currency", "%s", rm->currency);
	FIG("Goals", "%zu", rm->n_goals);
	FIG("Initiatives", "%zu (%zu counting)", rm->n_inits, counting);
	FIG("Planned spend", "%s", grouped(t->total, m[0]));
	FIG("Opex / capex", "%s / %s", grouped(t->opex, m[1]),
	    grouped(t->capex, m[2]));
	if (c->head.has_envelope) {
		FIG(c->head.label, "%s", grouped(c->head.envelope, m[3]));
		FIG("Variance (envelopes - planned inside them)", "%s",
		    grouped(c->head.variance, m[5]));
	}
	if (c->br.unbudgeted > 0) {
		FIG("Planned spend no envelope covers", "%s",
		    grouped(c->br.unbudgeted, m[6]));
	}
	/* actuals only when some are recorded, as the page and the deck */
	if (t->has_actuals) {
		FIG("Actual spend", "%s", grouped(t->actual, m[4]));
		FIG(t->actual_estimated ? "Actual opex (estimated in part)"
					: "Actual opex",
		    "%s", grouped(t->actual_opex, m[4]));
		FIG(t->actual_estimated ? "Actual capex (estimated in part)"
					: "Actual capex",
		    "%s", grouped(t->actual_capex, m[4]));
		FIG("Actual variance (planned - actual)", "%s",
		    grouped(t->actual_variance, m[7]));
	}
	FIG("Findings", "%zu errors, %zu warnings, %zu infos", c->f.errors,
	    c->f.warnings, c->f.infos);
	if (!roadmap_has_tracking(rm)) { /* no Status section below */
		FIG("Earned value (SPI, CPI), goal states", "%s",
		    "not tracked yet");
	}
#undef FIG

	sb_puts(b, "\n## Goals\n\n");
	snprintf(line, sizeof(line), "Planned (%s)", rm->currency);
	const char *gh[] = {"Goal", "Title", "Metric", "Due", "Owner", line};
	md_row(b, gh, 6);
	md_rule(b, "lllllr");
	for (size_t i = 0; i < rm->n_goals; i++) {
		const struct roadmap_goal *g = &rm->goals[i];
		char due[16] = "";
		char *metric = roadmap_goal_metric_text(g, true);
		if (!metric) {
			b->failed = true;
			return;
		}
		if (g->has_due) {
			roadmap_day_format(g->due, due);
		}
		const char *r[] = {g->id,
				   g->title,
				   metric,
				   due,
				   g->owner ? g->owner : "",
				   grouped(c->planned[i], m[0])};
		md_row(b, r, 6);
		free(metric);
	}

	snprintf(line, sizeof(line), "\n## Budget by quarter (%s)\n\n",
		 rm->currency);
	sb_puts(b, line);
	const char *bh[] = {
	    "Quarter",	      "Opex",	      "Capex",
	    "Planned",	      "Envelope",     "Covered",
	    "Variance",	      "Uncovered",    "Actual",
	    "Actual opex",    "Actual capex", "Planned where actual",
	    "Actual variance"};
	md_row(b, bh, 13);
	md_rule(b, "lrrrrrrrrrrrr");
	for (size_t i = 0; i <= c->br.n; i++) {
		const struct roadmap_budget_row *x =
		    i < c->br.n ? &c->br.rows[i] : &c->br.total;
		char v[ROADMAP_BUDGET_COLUMNS][40];
		const char *r[1 + ROADMAP_BUDGET_COLUMNS] = {
		    i < c->br.n ? x->key : "Total"};
		for (int k = 0; k < ROADMAP_BUDGET_COLUMNS; k++) {
			int64_t val;
			char g[40];
			if (roadmap_budget_value(x, k, &val)) {
				snprintf(v[k], sizeof(v[k]), "%s%s",
					 rm_budget_estimated(x, k) ? "~" : "",
					 grouped(val, g));
				r[1 + k] = v[k];
			} else {
				r[1 + k] = "";
			}
		}
		md_row(b, r, 13);
	}
	if (c->br.total.actual_estimated) {
		sb_puts(b, "\n" RM_ESTIMATED_SPLIT ".\n");
	}
	if (c->br.unbudgeted > 0) {
		char note[RM_UNCOVERED_NOTE];
		rm_uncovered_note(&c->br, rm->currency, note);
		sb_puts(b, "\n");
		sb_puts(b, note);
		sb_puts(b, ".\n");
	}

	sb_puts(b, "\n## Findings\n\n");
	if (c->f.n == 0) {
		sb_puts(b, "No findings: the roadmap is aligned.\n");
	} else {
		const char *fh[] = {"Severity", "Code", "Subject", "Message"};
		md_row(b, fh, 4);
		md_rule(b, "llll");
		for (size_t i = 0; i < c->f.n; i++) {
			const struct roadmap_finding *x = &c->f.items[i];
			const char *r[] = {roadmap_severity_name(x->severity),
					   x->code, x->subject, x->message};
			md_row(b, r, 4);
		}
	}
	sb_puts(b, "\n## Timeline\n\n");
	if (!c->sched_ok) {
		sb_puts(b, "No critical path: ");
		md_text(b, c->sched_error);
		sb_puts(b, ".\n\n");
	}
	md_gantt(b, rm, c);
	if (c->fc_ok) {
		md_forecast(b, rm, &c->fc);
	}
	if (c->tr_ok) {
		md_tracking(b, rm, &c->tr);
	}
}

enum roadmap_status roadmap_export_text(const struct roadmap *rm,
					enum roadmap_export_format f,
					enum roadmap_table table, char **out,
					size_t *len, struct roadmap_error *err)
{
	return roadmap_export_text_opt(rm, f, table, NULL, out, len, err);
}

enum roadmap_status
roadmap_export_text_opt(const struct roadmap *rm, enum roadmap_export_format f,
			enum roadmap_table table,
			const struct roadmap_export_options *opt, char **out,
			size_t *len, struct roadmap_error *err)
{
	struct strbuf b = {0};
	struct rm_analysis c = {0};
	enum roadmap_status st;

	if (f == ROADMAP_EXPORT_CSV) {
		struct roadmap_rows rows;
		if (table == ROADMAP_TABLE_FINDINGS) {
			/* the findings the other exports list: of the day,
			 * for a roadmap that records progress or measurements
			 */
			if ((st = rm_analysis_build(rm, RM_AN_FINDINGS, opt, &c,
						    err))) {
				rm_analysis_release(&c);
				return st;
			}
			st = roadmap_findings_rows(&c.f, &rows, err);
			rm_analysis_release(&c);
		} else {
			st = roadmap_table_rows(rm, table, &rows, err);
		}
		if (st) {
			return st;
		}
		st = roadmap_rows_csv(&rows, out, len, err);
		roadmap_rows_release(&rows);
		return st;
	}
	if (f == ROADMAP_EXPORT_HTML) {
		return rm_export_html(rm, opt, out, len, err);
	}
	if (f == ROADMAP_EXPORT_ICS) {
		return rm_export_ics(rm, opt, out, len, err);
	}
	if (f != ROADMAP_EXPORT_JSON && f != ROADMAP_EXPORT_MD) {
		return rm_fail(err, ROADMAP_ERR_USAGE,
			       "%s is not a text format",
			       roadmap_export_format_name(f));
	}
	if ((st = compute(rm, &c, f == ROADMAP_EXPORT_MD, opt, err))) {
		return st;
	}
	const char *selection =
	    opt && opt->selection && *opt->selection ? opt->selection : NULL;
	const char *scenario =
	    opt && opt->scenario && *opt->scenario ? opt->scenario : NULL;
	if (f == ROADMAP_EXPORT_JSON) {
		/* about 1.3 kB per initiative: one allocation, not a dozen
		 * doublings of a buffer that ends up 100+ MB */
		b.cap = 65536 + rm->n_inits * 800 + c.f.n * 300;
		if (!(b.data = malloc(b.cap))) {
			b.cap = 0;
			b.failed = true;
		} else if (!stream_export(&b, rm, &c.f, &c.br, &c.s, c.sched_ok,
					  c.planned, c.tr_ok ? &c.tr : NULL,
					  &c.sp, selection, scenario)) {
			b.failed = true;
		}
	} else {
		md_export(&b, rm, &c, selection, scenario);
	}
	{
		if (b.failed || !b.data) {
			sb_release(&b);
			st = rm_nomem(err);
		} else {
			*out = b.data;
			if (len) {
				*len = b.len;
			}
		}
	}
	rm_analysis_release(&c);
	return st;
}
