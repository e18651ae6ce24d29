/*
 * html-capital.c - the HTML report's Capitalization section (roadmap(1),
 * export --format html): the capitalization by quarter on the plan and,
 * when the roadmap records actuals, on the actuals (roadmap(1),
 * capitalization); each figure also carries its plain value (data-value)
 * and its column (data-column), as the command's JSON has them.
 */
#include "html.h"

#include <stdio.h>

static const char *const head[] = {
    "Quarter",	   "Capex added", "Placed in service",	  "Amortization",
    "Write-off",   "WIP (end)",	  "Net book value (end)", "Opex",
    "P&L expense", "Cash"};

static void table(struct page *p, const char *id, const char *caption,
		  const struct roadmap_capital_report *r)
{
	char shown[48], plain[40];

	h_el(p, "h3", NULL, caption);
	h_open(p, "div");
	h_attr(p, "class", "wide");
	h_open(p, "table");
	h_attr(p, "id", id);
	h_open(p, "thead");
	h_open(p, "tr");
	for (size_t c = 0; c < sizeof(head) / sizeof(head[0]); c++) {
		h_open(p, "th");
		h_attr(p, "scope", "col");
		if (c > 0) {
			h_attr(p, "class", "n");
		}
		h_text(p, head[c]);
		h_close(p);
	}
	h_close(p);
	h_close(p);
	h_open(p, "tbody");
	for (size_t i = 0; i <= r->n; i++) {
		const struct roadmap_capital_row *x =
		    i < r->n ? &r->rows[i] : &r->total;
		h_open(p, "tr");
		if (i == r->n) {
			h_attr(p, "class", "total");
		}
		h_attr(p, "data-period",
		       i < r->n ? x->key : ROADMAP_WORD_TOTAL);
		h_open(p, "th");
		h_attr(p, "scope", "row");
		h_text(p, i < r->n ? x->key : "Total");
		h_close(p);
		for (int c = 0; c < ROADMAP_CAPITAL_COLUMNS; c++) {
			h_open(p, "td");
			h_attr(p, "class", "n");
			h_attr(p, "data-column",
			       roadmap_capital_column_name(
				   (enum roadmap_capital_column)c));
			h_attr(p, "data-value",
			       roadmap_money_format(x->v[c], false, plain));
			h_text(p, roadmap_money_format(x->v[c], true, shown));
			h_close(p);
		}
		h_close(p);
	}
	h_close(p);
	h_close(p);
	h_close(p);
}

void h_capital(struct page *p)
{
	const struct roadmap *rm = p->rm;
	struct roadmap_capital_report plan = {0}, act = {0};
	struct roadmap_error err;
	bool actuals = false;

	for (size_t i = 0; i < rm->n_inits && !actuals; i++) {
		actuals = rm->inits[i].n_actuals > 0;
	}
	h_section(p, "capitalization", "Capitalization");
	/* the page's budget report checked every sum these reach: only
	 * memory can fail them, and the page then fails as a whole */
	if (rm_capitalization_from(rm, &p->a->sp, ROADMAP_BASIS_PLAN,
				   ROADMAP_CAPITAL_BY_QUARTER, &plan, &err) ||
	    (actuals &&
	     rm_capitalization_from(rm, &p->a->sp, ROADMAP_BASIS_ACTUAL,
				    ROADMAP_CAPITAL_BY_QUARTER, &act, &err))) {
		p->ok = false;
		goto out;
	}
	h_open(p, "p");
	h_attr(p, "class", "note");
	h_textf(
	    p,
	    "%s. Capex is work in progress until its initiative is placed "
	    "in service (the day after its end, or its in-service day), "
	    "then amortized straight-line from the next month over its "
	    "useful life (default %d months); a cancelled initiative's "
	    "actual capex is written off in the quarter of its last actual. "
	    "P&L expense = opex + amortization + write-off; cash = opex + "
	    "capex.",
	    rm->currency, rm->policy.useful_life);
	h_close(p);
	table(p, "capital-plan", "On the plan", &plan);
	if (actuals) {
		table(p, "capital-actual", "On the actuals", &act);
	}
out:
	h_close(p);
	p->ok = p->ok && xmlTextWriterWriteRaw(p->w, BAD_CAST "\n") >= 0;
	roadmap_capital_report_release(&plan);
	roadmap_capital_report_release(&act);
}
