/* html.h - what the HTML report's files share (export-html.c, html-svg.c). */
#ifndef ROADMAP_HTML_H
#define ROADMAP_HTML_H

#include "analysis.h"

#include <libxml/xmlwriter.h>

/* Everything the page shows, computed before a byte is written: the
 * export's analysis (its budget by quarter, headline envelopes, findings,
 * schedule and tracking), and what the page makes of it. */
struct page {
	const struct roadmap *rm;
	const struct rm_analysis *a;
	xmlTextWriterPtr w;
	bool ok; /* false after the first failure of the writer */
	bool has_day;
	roadmap_day today;
	const struct roadmap_schedule_row **row; /* per initiative, or NULL */
	struct rm_pillar_spend ps;
	/* the roadmap's scenarios compared (roadmap(1), scenario compare),
	 * or NULL when it has none */
	const struct roadmap_scenario_comparison *cmp;
	const char *selection; /* the export options' */
	const char *scenario;
};

/* The writer, each call a no-op after a failure. Every element is closed
 * with its end tag (never "<x/>", which HTML reads as an open tag) except
 * void ones (meta), closed by h_void_end. Text and attribute values are
 * escaped by libxml2: no roadmap text can become markup. */
void h_open(struct page *p, const char *name);
void h_close(struct page *p);
void h_void_end(struct page *p);
void h_attr(struct page *p, const char *name, const char *value);
__attribute__((format(printf, 3, 4))) void
h_attrf(struct page *p, const char *name, const char *fmt, ...);
void h_text(struct page *p, const char *s);
__attribute__((format(printf, 2, 3))) void h_textf(struct page *p,
						   const char *fmt, ...);
/* <name class="cls">text</name>; cls may be NULL. */
void h_el(struct page *p, const char *name, const char *cls, const char *text);
/* Opens <section id="id" aria-labelledby="id-h"> with its <h2 id="id-h">
 * title; the caller closes the section. */
void h_section(struct page *p, const char *id, const char *title);

const char *h_pillar_name(const struct roadmap *rm, size_t p);

/* The charts (html-svg.c). */
void h_spend_chart(struct page *p);
void h_mix_chart(struct page *p);
void h_gantt(struct page *p);
/* The Scenarios section: p->cmp's table (html-scenarios.c). */
void h_scenarios(struct page *p);
/* The Capitalization section: the plan's by quarter, and the actuals'
 * when the roadmap records any (html-capital.c). */
void h_capital(struct page *p);
/* A goal's progress bar with its expected mark. */
void h_progress_bar(struct page *p, const struct roadmap_goal_tracking *x);

#endif
