/*
 * html-scenarios.c - the HTML report's Scenarios section (roadmap(1),
 * export --format html): for a roadmap with scenarios, the table of
 * `scenario compare`, a row per figure and a column per scenario (the base
 * first); each figure also carries its plain value (data-value), as the
 * command's JSON has it.
 */
#include "html.h"

#include <stdio.h>
#include <string.h>

void h_scenarios(struct page *p)
{
	const struct roadmap_scenario_comparison *c = p->cmp;
	size_t lines = roadmap_scenario_comparison_lines(c);
	char label[16], shown[48], plain[40];

	h_section(p, "scenarios", "Scenarios");
	h_open(p, "p");
	h_attr(p, "class", "note");
	h_textf(p,
		"%s. The roadmap (base) and each scenario as budget, check and "
		"forecast (seed 1, 2,000 trials) see it; cut: counting in the "
		"base, not in the scenario.",
		p->rm->currency);
	h_close(p);
	h_open(p, "div");
	h_attr(p, "class", "wide");
	h_open(p, "table");
	h_attr(p, "id", "scenarios-table");
	h_open(p, "thead");
	h_open(p, "tr");
	h_open(p, "th");
	h_attr(p, "scope", "col");
	h_text(p, "Figure");
	h_close(p);
	for (size_t r = 0; r < c->n; r++) {
		/* a long name wraps rather than widen its column of figures */
		h_open(p, "th");
		h_attr(p, "scope", "col");
		h_attr(p, "style", "text-align:right;overflow-wrap:anywhere");
		h_text(p, c->rows[r].name);
		h_close(p);
	}
	h_close(p);
	h_close(p);
	h_open(p, "tbody");
	for (size_t k = 0; k < lines; k++) {
		h_open(p, "tr");
		for (size_t r = 0; r < c->n; r++) {
			struct roadmap_scenario_line l;
			roadmap_scenario_comparison_line(c, k, r, &l, label);
			if (r == 0) {
				/* the parts of a figure ("  Opex") indented
				 * under it; the page's styles stay those of
				 * a page without scenarios */
				bool part = strncmp(l.label, "  ", 2) == 0;
				h_open(p, "th");
				h_attr(p, "scope", "row");
				h_attr(p, "style",
				       part ? "white-space:nowrap;"
					      "padding-left:1.6em;"
					      "font-weight:400"
					    : "white-space:nowrap");
				h_text(p, l.label + (part ? 2 : 0));
				h_close(p);
			}
			h_open(p, "td");
			h_attr(p, "class",
			       l.has && l.kind == ROADMAP_FIGURE_MONEY &&
				       l.value < 0
				   ? "n neg"
				   : "n");
			if (!l.has) {
				h_text(p, l.cycle ? "cycle" : "-");
			} else if (l.kind == ROADMAP_FIGURE_MONEY) {
				h_attr(p, "data-value",
				       roadmap_money_format(l.value, false,
							    plain));
				h_text(p, roadmap_money_format(l.value, true,
							       shown));
			} else if (l.kind == ROADMAP_FIGURE_DATE) {
				h_text(p, roadmap_day_format(
					      (roadmap_day)l.value, shown));
			} else {
				h_textf(p, "%lld", (long long)l.value);
			}
			h_close(p);
		}
		h_close(p);
	}
	h_close(p);
	h_close(p);
	h_close(p);
	h_close(p);
}
