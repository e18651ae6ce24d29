/*
 * export-html.c - the HTML report (roadmap(1), export --format html): one
 * self-contained page, no network (styles and SVG inline, no script, no web
 * font, no URL), with a print style sheet. Written with libxml2's
 * xmlTextWriter, so every text of the roadmap is escaped. Sections: headline
 * figures, spend per quarter against the envelopes, the investment mix, goals,
 * the timeline, findings, the budget table and, for a roadmap with
 * scenarios, their comparison.
 */
#include "html.h"
#include "fields.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- writer */

void h_open(struct page *p, const char *name)
{
	p->ok = p->ok && xmlTextWriterStartElement(p->w, BAD_CAST name) >= 0;
}

void h_close(struct page *p)
{
	p->ok = p->ok && xmlTextWriterFullEndElement(p->w) >= 0;
}

void h_void_end(struct page *p)
{
	p->ok = p->ok && xmlTextWriterEndElement(p->w) >= 0;
}

void h_attr(struct page *p, const char *name, const char *value)
{
	p->ok = p->ok && xmlTextWriterWriteAttribute(p->w, BAD_CAST name,
						     BAD_CAST value) >= 0;
}

/* fmt's text, whole: a title may be 1,000 characters of four bytes each,
 * and a cut inside a character would not be UTF-8. malloc'ed; NULL when
 * out of memory. */
static char *format(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *s = n < 0 ? NULL : malloc((size_t)n + 1);
	if (s) {
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	}
	return s;
}

void h_attrf(struct page *p, const char *name, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *s = format(fmt, ap);
	va_end(ap);
	p->ok = p->ok && s;
	if (s) {
		h_attr(p, name, s);
	}
	free(s);
}

void h_text(struct page *p, const char *s)
{
	p->ok = p->ok && xmlTextWriterWriteString(p->w, BAD_CAST s) >= 0;
}

void h_textf(struct page *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *s = format(fmt, ap);
	va_end(ap);
	p->ok = p->ok && s;
	if (s) {
		h_text(p, s);
	}
	free(s);
}

void h_el(struct page *p, const char *name, const char *cls, const char *text)
{
	h_open(p, name);
	if (cls) {
		h_attr(p, "class", cls);
	}
	h_text(p, text);
	h_close(p);
}

/* A newline between blocks, so that the page reads in an editor. */
static void nl(struct page *p)
{
	p->ok = p->ok && xmlTextWriterWriteRaw(p->w, BAD_CAST "\n") >= 0;
}

const char *h_pillar_name(const struct roadmap *rm, size_t p)
{
	return p < rm->n_pillars ? rm->pillars[p] : "(none)";
}

/* -------------------------------------------------------------- style */

static const char style[] =
    ":root{--ink:#1a1a1a;--muted:#5a5a5a;--line:#d0d0d0;--head:#1F3864;"
    "--bg:#f6f7f9}"
    "*{box-sizing:border-box}"
    "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
    "'DejaVu Sans','Liberation Sans',Arial,sans-serif;color:var(--ink);"
    "background:#fff;line-height:1.45;font-size:15px}"
    "header.top{background:var(--head);color:#fff;padding:20px 24px}"
    "header.top h1{margin:0 0 4px;font-size:1.6em;overflow-wrap:anywhere}"
    "header.top p{margin:0;opacity:.9}"
    "nav{padding:8px 24px;background:var(--bg);border-bottom:1px solid "
    "var(--line);font-size:.9em}"
    "nav{display:flex;flex-wrap:wrap;gap:4px 14px}"
    "nav a{color:var(--head);white-space:nowrap}"
    "main{max-width:1240px;margin:0 auto;padding:0 20px 40px}"
    "section{margin-top:28px}"
    "h2{font-size:1.25em;color:var(--head);border-bottom:2px solid "
    "var(--head);padding-bottom:4px}"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,"
    "minmax(170px,1fr));gap:12px;margin:0}"
    ".card{background:var(--bg);border:1px solid var(--line);"
    "border-radius:6px;padding:10px 12px}"
    ".card dt{font-size:.8em;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.03em}"
    ".card dd{margin:2px 0 0;font-size:1.35em;font-weight:600;"
    "font-variant-numeric:tabular-nums}"
    ".bad{color:#B23A00}.good{color:#006B4F}"
    "figure{margin:0}figcaption{color:var(--muted);font-size:.9em;"
    "margin-top:4px}"
    "svg{display:block;width:100%;height:auto;font-family:inherit}"
    ".wide{overflow-x:auto}.wide>svg{min-width:760px}"
    ".wide>svg.narrow{min-width:560px}"
    ".legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:6px 0;"
    "padding:0;list-style:none;font-size:.9em}"
    ".swatch{display:inline-block;width:12px;height:12px;margin-right:5px;"
    "vertical-align:-1px;border:1px solid #0003}"
    "table{border-collapse:collapse;width:100%;font-size:.92em}"
    "th,td{padding:5px 8px;border-bottom:1px solid var(--line);"
    "text-align:left;vertical-align:top}"
    "th{background:var(--bg);font-weight:600}"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}"
    "tr.total td,tr.total th{font-weight:700;border-top:2px solid "
    "var(--ink)}"
    "#budget-table{font-size:.85em}#budget-table th,#budget-table td{"
    "padding:4px 6px}"
    /* every column in view at desktop width: headers wrap, periods not */
    "#budget-table thead th{white-space:normal}"
    "#budget-table th[scope=row],#capitalization th[scope=row]{"
    "white-space:nowrap}"
    ".neg{color:#B23A00}"
    ".state{display:inline-block;padding:1px 8px;border-radius:10px;"
    "font-size:.85em;font-weight:600;color:#fff;white-space:nowrap}"
    ".s-achieved{background:#0072B2}.s-on-track{background:#00785A}"
    ".s-at-risk{background:#9A6400}.s-missed{background:#B23A00}"
    ".s-none{background:#777}.s-not-measured{background:#777}"
    ".sev-error{color:#B23A00;font-weight:700}.sev-warning{color:#8A5A00;"
    "font-weight:600}"
    ".note{color:var(--muted);font-size:.9em}"
    "footer{color:var(--muted);font-size:.85em;text-align:center;"
    "padding:20px}"
    "@media (max-width:600px){body{font-size:14px}main{padding:0 10px 30px}"
    "header.top{padding:14px 12px}nav{padding:8px 12px}"
    ".card dd{font-size:1.15em}th,td{padding:4px 5px}}"
    "@media print{@page{size:A4 landscape;margin:12mm}"
    "body{font-size:11px}nav{display:none}"
    "header.top,.card,th,.state,.swatch{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}"
    /* sections flow, none forced onto a page of its own: a chart, the
     * cards, a row or a short table (section.keep) moves to the next page
     * only when it would not fit the rest of this one; a longer table
     * breaks between its rows, its header row repeated */
    "section{margin-top:6mm;break-before:auto;break-inside:auto}"
    "section.keep,.cards,figure,tr,svg{break-inside:avoid}"
    "h2,h3,section>p.note{break-after:avoid}"
    "thead{display:table-header-group}"
    ".wide{overflow:visible}.wide>svg{min-width:0}"
    "a{color:inherit;text-decoration:none}"
    /* the headline on one line, the charts short enough to share a
     * page with it and with each other */
    ".cards{grid-template-columns:repeat(auto-fit,minmax(118px,1fr));"
    "gap:6px}.card{padding:6px 8px}.card dd{font-size:1.1em}"
    "#spend .wide>svg{max-height:78mm}#mix .wide>svg{max-height:48mm}"
    "#spend .wide>svg,#mix .wide>svg{width:auto;max-width:100%}"
    "#timeline .wide>svg{max-height:150mm;width:auto;max-width:100%;"
    "margin:0 auto}}";

/* ----------------------------------------------------------- sections */

static void card(struct page *p, const char *label, const char *value,
		 const char *cls, const char *data)
{
	h_open(p, "div");
	h_attr(p, "class", "card");
	h_el(p, "dt", NULL, label);
	h_open(p, "dd");
	if (cls) {
		h_attr(p, "class", cls);
	}
	if (data) {
		h_attr(p, "data-value", data);
	}
	h_text(p, value);
	h_close(p);
	h_close(p);
}

static void money_card(struct page *p, const char *label, int64_t v, bool sign)
{
	char shown[64], m[40], plain[40];

	snprintf(shown, sizeof(shown), "%s %s", p->rm->currency,
		 roadmap_money_format(v, true, m));
	card(p, label, shown, sign ? (v < 0 ? "bad" : "good") : NULL,
	     roadmap_money_format(v, false, plain));
}

/* A table of up to KEEP_ROWS rows prints whole: its section moves to the
 * next page when it would not fit the rest of this one. */
#define KEEP_ROWS 14

static void section_rows(struct page *p, const char *id, const char *title,
			 size_t rows)
{
	h_open(p, "section");
	h_attr(p, "id", id);
	if (rows <= KEEP_ROWS) {
		h_attr(p, "class", "keep");
	}
	h_attrf(p, "aria-labelledby", "%s-h", id);
	h_open(p, "h2");
	h_attrf(p, "id", "%s-h", id);
	h_text(p, title);
	h_close(p);
}

void h_section(struct page *p, const char *id, const char *title)
{
	section_rows(p, id, title, SIZE_MAX);
}

static void headline(struct page *p)
{
	const struct roadmap *rm = p->rm;
	const struct roadmap_budget_row *t = &p->a->br.total;
	size_t counting = 0, at_risk = 0;
	char buf[96];

	for (size_t i = 0; i < rm->n_inits; i++) {
		counting += roadmap_initiative_counts(&rm->inits[i]);
	}
	for (size_t g = 0; p->a->tr_ok && g < p->a->tr.n_goals; g++) {
		at_risk += p->a->tr.goals[g].state == ROADMAP_GOAL_AT_RISK ||
			   p->a->tr.goals[g].state == ROADMAP_GOAL_MISSED;
	}
	h_section(p, "headline", "Headline figures");
	h_open(p, "dl");
	h_attr(p, "class", "cards");
	money_card(p, "Planned spend", t->total, false);
	if (p->a->head.has_envelope) {
		money_card(p, p->a->head.label, p->a->head.envelope, false);
		money_card(p, "Variance (envelopes - planned inside)",
			   p->a->head.variance, true);
	}
	if (p->a->br.unbudgeted > 0) {
		money_card(p, "Not covered by an envelope", p->a->br.unbudgeted,
			   false);
	}
	if (t->has_actuals) {
		money_card(p, "Actual spend", t->actual, false);
	}
	snprintf(buf, sizeof(buf), "%zu of %zu", counting, rm->n_inits);
	card(p, "Initiatives counting", buf, NULL, NULL);
	/* nothing recorded: no state, SPI or CPI to show, not 0 of them */
	bool tracked = roadmap_has_tracking(rm);
	if (tracked) {
		snprintf(buf, sizeof(buf), "%zu (%zu at risk or missed)",
			 rm->n_goals, at_risk);
	} else {
		snprintf(buf, sizeof(buf), "%zu (not tracked yet)",
			 rm->n_goals);
	}
	card(p, "Goals", buf, at_risk ? "bad" : NULL, NULL);
	snprintf(buf, sizeof(buf), "%zu error%s, %zu warning%s", p->a->f.errors,
		 p->a->f.errors == 1 ? "" : "s", p->a->f.warnings,
		 p->a->f.warnings == 1 ? "" : "s");
	card(p, "Findings", buf, p->a->f.errors ? "bad" : "good", NULL);
	if (!tracked) {
		card(p, "Earned value", "not tracked yet", NULL, NULL);
	} else if (p->a->tr_ok && p->a->tr.has_spi) {
		char a[ROADMAP_NUMBER_BUF], b[ROADMAP_NUMBER_BUF];
		snprintf(buf, sizeof(buf), "SPI %s, CPI %s",
			 roadmap_number_format(p->a->tr.spi, a),
			 p->a->tr.has_cpi
			     ? roadmap_number_format(p->a->tr.cpi, b)
			     : "-");
		card(p, "Earned value", buf, NULL, NULL);
	}
	h_close(p);
	h_close(p);
	nl(p);
}

static void th(struct page *p, const char *text, bool num)
{
	h_open(p, "th");
	h_attr(p, "scope", "col");
	if (num) {
		h_attr(p, "class", "n");
	}
	h_text(p, text);
	h_close(p);
}

static void td(struct page *p, const char *text, const char *cls)
{
	h_el(p, "td", cls, text);
}

/* A scrolling table with its header row (num: which columns are numbers,
 * by bit), its body open; table_end closes body, table and wrapper. */
static void table_start(struct page *p, const char *id, const char *const *head,
			size_t n, unsigned num)
{
	h_open(p, "div");
	h_attr(p, "class", "wide");
	h_open(p, "table");
	if (id) {
		h_attr(p, "id", id);
	}
	h_open(p, "thead");
	h_open(p, "tr");
	for (size_t c = 0; c < n; c++) {
		th(p, head[c], num >> c & 1);
	}
	h_close(p);
	h_close(p);
	h_open(p, "tbody");
}

static void table_end(struct page *p)
{
	h_close(p);
	h_close(p);
	h_close(p);
}

static void goals(struct page *p)
{
	const struct roadmap *rm = p->rm;
	static const char *const head[] = {"Goal",   "Metric", "Current",
					   "Target", "Due",    "Progress",
					   "State",  "Score"};
	char d[16], a[ROADMAP_NUMBER_BUF], buf[160];

	section_rows(p, "goals", "Goals", rm->n_goals);
	if (!rm->n_goals) {
		h_el(p, "p", "note", "The roadmap has no goals.");
		h_close(p);
		return;
	}
	if (p->has_day) {
		h_open(p, "p");
		h_attr(p, "class", "note");
		h_textf(p,
			"As of %s: progress from baseline to target, against "
			"the share of the time to the due date gone by.",
			roadmap_day_format(p->today, d));
		h_close(p);
	}
	table_start(p, NULL, head, 8, 1u << 2 | 1u << 3 | 1u << 7);
	/* nothing recorded: the baseline as current, and no progress or
	 * state that would read as measured */
	bool tracked = roadmap_has_tracking(rm);
	for (size_t i = 0; i < rm->n_goals; i++) {
		const struct roadmap_goal *g = &rm->goals[i];
		const struct roadmap_goal_tracking *x =
		    p->a->tr_ok ? &p->a->tr.goals[i] : NULL;
		const char *state =
		    x ? roadmap_goal_state_name(x->state) : NULL;
		h_open(p, "tr");
		h_open(p, "td");
		h_el(p, "strong", NULL, g->id);
		h_open(p, "div");
		h_text(p, g->title);
		h_close(p);
		h_close(p);
		td(p, g->metric ? g->metric : "", NULL);
		snprintf(buf, sizeof(buf), "%s%s%s",
			 x && x->has_current
			     ? roadmap_number_format(x->current, a)
			     : "-",
			 g->unit && x && x->has_current ? " " : "",
			 g->unit && x && x->has_current ? g->unit : "");
		td(p, buf, "n");
		snprintf(buf, sizeof(buf), "%s%s%s",
			 g->has_target ? roadmap_number_format(g->target, a)
				       : "-",
			 g->unit && g->has_target ? " " : "",
			 g->unit && g->has_target ? g->unit : "");
		td(p, buf, "n");
		td(p, g->has_due ? roadmap_day_format(g->due, d) : "-", NULL);
		h_open(p, "td");
		if (tracked && x && x->has_progress) {
			h_progress_bar(p, x);
		} else {
			h_text(p, "-");
		}
		h_close(p);
		h_open(p, "td");
		h_open(p, "span");
		h_attrf(p, "class", "state s-%s",
			tracked && state ? state : "none");
		h_text(p, !tracked ? "not tracked yet"
			  : state  ? state
				   : "no target");
		h_close(p);
		h_close(p);
		td(p,
		   tracked && x && x->has_progress
		       ? roadmap_number_format(x->score, a)
		       : "-",
		   "n");
		h_close(p);
	}
	table_end(p);
	h_close(p);
	nl(p);
}

static void findings(struct page *p)
{
	static const char *const head[] = {"Severity", "Code", "Subject",
					   "Message"};
	char buf[64];

	section_rows(p, "findings", "Findings", p->a->f.n);
	if (p->a->f.n == 0) {
		h_el(p, "p", NULL, "No findings: the roadmap is aligned.");
		h_close(p);
		return;
	}
	/* the words of check's last line */
	snprintf(buf, sizeof(buf), "%zu error%s, %zu warning%s, %zu info%s.",
		 p->a->f.errors, p->a->f.errors == 1 ? "" : "s",
		 p->a->f.warnings, p->a->f.warnings == 1 ? "" : "s",
		 p->a->f.infos, p->a->f.infos == 1 ? "" : "s");
	h_el(p, "p", "note", buf);
	table_start(p, NULL, head, 4, 0);
	for (size_t i = 0; i < p->a->f.n; i++) {
		const struct roadmap_finding *x = &p->a->f.items[i];
		const char *sev = roadmap_severity_name(x->severity);
		h_open(p, "tr");
		snprintf(buf, sizeof(buf), "sev-%s", sev);
		td(p, sev, buf);
		td(p, x->code, NULL);
		td(p, x->subject, NULL);
		td(p, x->message, NULL);
		h_close(p);
	}
	table_end(p);
	h_close(p);
	nl(p);
}

/* The budget by quarter, every column of `budget`; each money cell also
 * carries its plain decimal (data-value), as `budget --format json` has
 * it. */
static void budget_table(struct page *p)
{
	static const char *const head[] = {
	    "Quarter",	      "Opex",	      "Capex",
	    "Planned",	      "Envelope",     "Covered",
	    "Variance",	      "Uncovered",    "Actual",
	    "Actual opex",    "Actual capex", "Planned where actual",
	    "Actual variance"};
	char m[40], plain[40];

	section_rows(p, "budget", "Budget by quarter", p->a->br.n + 1);
	h_open(p, "p");
	h_attr(p, "class", "note");
	h_textf(p, "%s. Variance = envelope - covered: negative is an overrun.",
		p->rm->currency);
	h_close(p);
	table_start(p, "budget-table", head, sizeof(head) / sizeof(*head),
		    (1u << (sizeof(head) / sizeof(*head))) - 2);
	for (size_t i = 0; i <= p->a->br.n; i++) {
		const struct roadmap_budget_row *x =
		    i < p->a->br.n ? &p->a->br.rows[i] : &p->a->br.total;
		h_open(p, "tr");
		if (i == p->a->br.n) {
			h_attr(p, "class", "total");
		}
		h_attr(p, "data-period",
		       i < p->a->br.n ? x->key : ROADMAP_WORD_TOTAL);
		h_open(p, "th");
		h_attr(p, "scope", "row");
		h_text(p, i < p->a->br.n ? x->key : "Total");
		h_close(p);
		for (int k = 0; k < ROADMAP_BUDGET_COLUMNS; k++) {
			int64_t v;
			bool has = roadmap_budget_value(x, k, &v);
			h_open(p, "td");
			h_attr(p, "class", has && v < 0 ? "n neg" : "n");
			h_attr(p, "data-column",
			       roadmap_budget_column_name(
				   (enum roadmap_budget_column)k));
			if (has) {
				h_attr(p, "data-value",
				       roadmap_money_format(v, false, plain));
			}
			bool est = has && rm_budget_estimated(x, k);
			if (est) {
				h_attr(p, "data-estimated", "true");
			}
			h_textf(p, "%s%s", est ? "~" : "",
				has ? roadmap_money_format(v, true, m) : "-");
			h_close(p);
		}
		h_close(p);
	}
	table_end(p);
	if (p->a->br.total.actual_estimated) {
		h_open(p, "p");
		h_attr(p, "class", "note");
		h_text(p, RM_ESTIMATED_SPLIT ".");
		h_close(p);
	}
	if (p->a->br.unbudgeted > 0) {
		h_open(p, "p");
		char note[RM_UNCOVERED_NOTE];
		rm_uncovered_note(&p->a->br, p->rm->currency, note);
		h_textf(p, "%s.", note);
		h_close(p);
	}
	h_close(p);
	nl(p);
}

/* A cell of text that may hold lines: one <br> between them. */
static void td_lines(struct page *p, const char *text)
{
	h_open(p, "td");
	for (const char *line = text;;) {
		size_t n = strcspn(line, "\n");
		char *copy = strndup(line, n);
		p->ok = p->ok && copy;
		h_text(p, copy ? copy : "");
		free(copy);
		if (!line[n]) {
			break;
		}
		h_open(p, "br");
		h_void_end(p);
		line += n + 1;
	}
	h_close(p);
}

/* The rows of the items of one kind (fields, n of size bytes each) that
 * have a value for the field called name, when its row puts it on the
 * page; how many. */
static size_t detail_rows(struct page *p, const struct rm_field *fields,
			  const char *items, size_t n, size_t size,
			  const char *name, bool write, struct strbuf *b)
{
	const struct rm_field *f = rm_field_find(fields, name);
	size_t rows = 0;

	for (size_t i = 0; f && f->html && i < n; i++) {
		const char *item = items + i * size;
		struct rm_cell x = {RM_CELL_NONE, 0, 0, 0};
		f->type->cell(f, item, &x);
		if (x.kind == RM_CELL_NONE) {
			continue;
		}
		rows++;
		if (write) {
			rm_field_text(p->rm, f, item, true, b);
			h_open(p, "tr");
			td(p, RM_AT(&fields[0], item, char *), NULL);
			td(p,
			   RM_AT(rm_field_find(fields, ROADMAP_FIELD_TITLE),
				 item, char *),
			   NULL);
			td_lines(p, b->data ? b->data : "");
			h_close(p);
		}
	}
	return rows;
}

/* The tables walked for the page's item sections: goals, initiatives. */
static const struct rm_field *const item_tables[] = {rm_goal_fields,
						     rm_initiative_fields};

/* Whether f, of item_tables[t], has a section of the page: its row puts
 * it there, and a field both kinds have is listed once, with the goals'. */
static bool page_field(size_t t, const struct rm_field *f)
{
	const struct rm_field *g = rm_field_find(rm_goal_fields, f->name);

	return f->html && !(t == 1 && g && g->html);
}

/* The rows of the section of the field called name (written when write). */
static size_t field_rows(struct page *p, const char *name, bool write,
			 struct strbuf *b)
{
	const struct roadmap *rm = p->rm;

	return detail_rows(p, rm_goal_fields, (const char *)rm->goals,
			   rm->n_goals, sizeof(*rm->goals), name, write, b) +
	       detail_rows(p, rm_initiative_fields, (const char *)rm->inits,
			   rm->n_inits, sizeof(*rm->inits), name, write, b);
}

/* The navigation's links to the item sections that have rows. */
static void item_links(struct page *p)
{
	for (size_t t = 0; t < 2; t++) {
		for (const struct rm_field *f = item_tables[t]; f->name; f++) {
			if (page_field(t, f) &&
			    field_rows(p, f->name, false, NULL)) {
				h_open(p, "a");
				h_attrf(p, "href", "#%s", f->name);
				h_text(p, f->head);
				h_close(p);
			}
		}
	}
}

/*
 * A section for each field of goals and initiatives whose row puts it on
 * the page (notes), listing the items that have it; none when no item
 * does (docs/decisions.md, "One field table that carries behaviour").
 */
static void item_fields(struct page *p)
{
	const char *head[] = {"Item", "Title", NULL};
	struct strbuf b = {0};

	for (size_t t = 0; t < 2; t++) {
		for (const struct rm_field *f = item_tables[t]; f->name; f++) {
			if (!page_field(t, f) ||
			    !field_rows(p, f->name, false, NULL)) {
				continue;
			}
			head[2] = f->head;
			section_rows(p, f->name, f->head,
				     field_rows(p, f->name, false, NULL));
			table_start(p, NULL, head, 3, 0);
			field_rows(p, f->name, true, &b);
			table_end(p);
			h_close(p);
			nl(p);
		}
	}
	sb_release(&b);
}

static void page(struct page *p)
{
	const struct roadmap *rm = p->rm;
	const char *name = rm->name ? rm->name : "Technology roadmap";
	static const char *const nav[][2] = {
	    {"headline", "Figures"},  {"spend", "Spend"},
	    {"mix", "Mix"},	      {"goals", "Goals"},
	    {"timeline", "Timeline"}, {"findings", "Findings"},
	    {"budget", "Budget"}};
	char d[16];

	p->ok =
	    xmlTextWriterWriteDTD(p->w, BAD_CAST "html", NULL, NULL, NULL) >= 0;
	nl(p);
	h_open(p, "html");
	h_attr(p, "lang", "en");
	h_open(p, "head");
	h_open(p, "meta");
	h_attr(p, "charset", "utf-8");
	h_void_end(p);
	/* nothing may leave the page, whatever it holds */
	h_open(p, "meta");
	h_attr(p, "http-equiv", "Content-Security-Policy");
	h_attr(p, "content",
	       "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
	h_void_end(p);
	h_open(p, "meta");
	h_attr(p, "name", "viewport");
	h_attr(p, "content", "width=device-width, initial-scale=1");
	h_void_end(p);
	h_open(p, "meta");
	h_attr(p, "name", "generator");
	h_attr(p, "content", "roadmap " ROADMAP_VERSION);
	h_void_end(p);
	h_open(p, "title");
	h_text(p, name);
	if (p->selection) {
		h_textf(p, " (selection: %s)", p->selection);
	}
	h_close(p);
	h_open(p, "style");
	p->ok = p->ok && xmlTextWriterWriteRaw(p->w, BAD_CAST style) >= 0;
	h_close(p);
	h_close(p);
	nl(p);
	h_open(p, "body");
	h_open(p, "header");
	h_attr(p, "class", "top");
	h_el(p, "h1", NULL, name);
	h_open(p, "p");
	h_textf(p, "Technology roadmap in %s", rm->currency);
	if (p->has_day) {
		h_textf(p, ", as of %s", roadmap_day_format(p->today, d));
	}
	h_close(p);
	if (p->scenario) {
		h_open(p, "p");
		h_textf(p, "Scenario: %s " RM_WHAT_IF, p->scenario);
		h_close(p);
	}
	if (p->selection) {
		h_open(p, "p");
		h_textf(p, "Selection: %s", p->selection);
		h_close(p);
	}
	h_close(p);
	h_open(p, "nav");
	h_attr(p, "aria-label", "Sections");
	for (size_t k = 0; k < 7; k++) {
		h_open(p, "a");
		h_attrf(p, "href", "#%s", nav[k][0]);
		h_text(p, nav[k][1]);
		h_close(p);
	}
	if (p->cmp) {
		h_open(p, "a");
		h_attr(p, "href", "#scenarios");
		h_text(p, "Scenarios");
		h_close(p);
	}
	item_links(p);
	h_close(p);
	nl(p);
	h_open(p, "main");
	headline(p);
	h_section(p, "spend", "Planned spend per quarter");
	h_spend_chart(p);
	h_close(p);
	nl(p);
	h_section(p, "mix", "Investment mix");
	h_mix_chart(p);
	h_close(p);
	nl(p);
	goals(p);
	h_section(p, "timeline", "Timeline");
	h_gantt(p);
	h_close(p);
	nl(p);
	findings(p);
	budget_table(p);
	h_capital(p);
	if (p->cmp) {
		h_scenarios(p);
		nl(p);
	}
	item_fields(p);
	h_close(p);
	h_open(p, "footer");
	h_text(p, "Made by roadmap " ROADMAP_VERSION
		  " from the roadmap file; every figure as in its budget and "
		  "check.");
	h_close(p);
	h_close(p);
	h_close(p);
	nl(p);
}

static void release(struct page *p, struct rm_analysis *a,
		    struct roadmap_scenario_comparison *cmp)
{
	roadmap_scenario_comparison_release(cmp);
	rm_pillar_spend_release(&p->ps);
	free(p->row);
	rm_analysis_release(a);
}

enum roadmap_status rm_export_html(const struct roadmap *rm,
				   const struct roadmap_export_options *opt,
				   char **out, size_t *len,
				   struct roadmap_error *err)
{
	struct page p = {0};
	struct rm_analysis a = {0};
	struct roadmap_scenario_comparison cmp = {0};
	/* the tracking whenever the options give a day */
	unsigned want = RM_AN_FINDINGS | RM_AN_BUDGET | RM_AN_HEADLINE |
			RM_AN_SCHEDULE | RM_AN_TRACKING;
	enum roadmap_status st;

	p.rm = rm;
	p.a = &a;
	p.has_day = opt && opt->has_as_of;
	p.selection =
	    opt && opt->selection && *opt->selection ? opt->selection : NULL;
	p.scenario =
	    opt && opt->scenario && *opt->scenario ? opt->scenario : NULL;
	p.today = p.has_day ? opt->as_of : 0;
	if ((st = rm_analysis_build(rm, want, opt, &a, err))) {
		release(&p, &a, &cmp);
		return st;
	}
	rm_analysis_built(&a);
	if (roadmap_scenario_count(rm) > 0) {
		if ((st = roadmap_scenario_compare(rm, NULL, 0, &cmp, err))) {
			release(&p, &a, &cmp);
			return st;
		}
		p.cmp = &cmp;
	}
	p.row = calloc(rm->n_inits + 1, sizeof(*p.row));
	if (!p.row || !rm_pillar_spend(rm, &a.sp, &a.br, &p.ps)) {
		release(&p, &a, &cmp);
		return rm_nomem(err);
	}
	for (size_t k = 0; a.sched_ok && k < a.s.n; k++) {
		p.row[a.s.rows[k].index] = &a.s.rows[k];
	}
	xmlBufferPtr buf = xmlBufferCreate();
	p.w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	p.ok = p.w != NULL;
	if (p.ok) {
		page(&p);
		p.ok = p.ok && xmlTextWriterFlush(p.w) >= 0;
	}
	if (p.w) {
		xmlFreeTextWriter(p.w);
	}
	if (p.ok) {
		const char *s = (const char *)xmlBufferContent(buf);
		*out = rm_strdup(s ? s : "");
		p.ok = *out != NULL;
		if (p.ok && len) {
			*len = strlen(*out);
		}
	}
	if (buf) {
		xmlBufferFree(buf);
	}
	release(&p, &a, &cmp);
	return p.ok ? ROADMAP_OK : rm_nomem(err);
}
