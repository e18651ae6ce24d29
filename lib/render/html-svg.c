/*
 * html-svg.c - the HTML report's charts, inline SVG with whole-number
 * coordinates (no locale can change them): planned spend per quarter
 * stacked by pillar against every envelope, the investment mix against
 * its target, the timeline grouped by pillar with dependency arrows, the
 * critical path and a today line, and the goals' progress bars. Each chart
 * has a title and a description for screen readers, and a legend and a
 * caption in text.
 */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The label over a column that passes its envelope by cents (> 0):
 * "+1.5M", "+219k", "+950", and under a thousand exact, "+0.50" (never
 * "+0"). buf >= 32. */
static char *overrun_label(int64_t cents, char *buf)
{
	int64_t a = cents / 100, c = cents % 100;

	if (a >= 999500) { /* what rounds to 1000k is 1M */
		int64_t t = (a + 50000) / 100000; /* tenths of a million */
		if (t % 10) {
			snprintf(buf, 32, "+%lld.%lldM", (long long)(t / 10),
				 (long long)(t % 10));
		} else {
			snprintf(buf, 32, "+%lldM", (long long)(t / 10));
		}
	} else if (a >= 1000) {
		snprintf(buf, 32, "+%lldk", (long long)((a + 500) / 1000));
	} else if (c) {
		snprintf(buf, 32, "+%lld.%02lld", (long long)a, (long long)c);
	} else {
		snprintf(buf, 32, "+%lld", (long long)a);
	}
	return buf;
}

/* The deck's colour of pillar p (rm_pillar_color; colour-blind safe;
 * n_pillars: none), as CSS writes it; vermillion is kept for overruns and
 * missed goals. */
struct h_color {
	char hex[8]; /* "#RRGGBB" */
};
static struct h_color h_pillar_color(const struct roadmap *rm, size_t p)
{
	struct h_color c;

	snprintf(c.hex, sizeof(c.hex), "#%06X",
		 (unsigned)(rm_pillar_color(rm, p) & 0xFFFFFF));
	return c;
}

#define OVER_FILL "#D55E00" /* vermillion: overruns, missed */

static void svg_open(struct page *p, const char *id, int w, int h,
		     const char *cls, const char *title, const char *desc)
{
	h_open(p, "svg");
	h_attrf(p, "viewBox", "0 0 %d %d", w, h);
	if (cls) {
		h_attr(p, "class", cls);
	}
	h_attr(p, "role", "img");
	h_attrf(p, "aria-labelledby", "%s-t %s-d", id, id);
	h_open(p, "title");
	h_attrf(p, "id", "%s-t", id);
	h_text(p, title);
	h_close(p);
	h_open(p, "desc");
	h_attrf(p, "id", "%s-d", id);
	h_text(p, desc);
	h_close(p);
}

static void rect(struct page *p, int x, int y, int w, int h, const char *fill)
{
	h_open(p, "rect");
	h_attrf(p, "x", "%d", x);
	h_attrf(p, "y", "%d", y);
	h_attrf(p, "width", "%d", w < 1 ? 1 : w);
	h_attrf(p, "height", "%d", h < 0 ? 0 : h);
	h_attr(p, "fill", fill);
}

static void line(struct page *p, int x1, int y1, int x2, int y2,
		 const char *stroke, int width)
{
	h_open(p, "line");
	h_attrf(p, "x1", "%d", x1);
	h_attrf(p, "y1", "%d", y1);
	h_attrf(p, "x2", "%d", x2);
	h_attrf(p, "y2", "%d", y2);
	h_attr(p, "stroke", stroke);
	h_attrf(p, "stroke-width", "%d", width);
}

static void text(struct page *p, int x, int y, const char *anchor, int size,
		 const char *fill, const char *s)
{
	h_open(p, "text");
	h_attrf(p, "x", "%d", x);
	h_attrf(p, "y", "%d", y);
	if (anchor) {
		h_attr(p, "text-anchor", anchor);
	}
	h_attrf(p, "font-size", "%d", size);
	h_attr(p, "fill", fill);
	h_text(p, s);
	h_close(p);
}

static void legend_item(struct page *p, const char *color, const char *label,
			const char *border)
{
	h_open(p, "li");
	h_open(p, "span");
	h_attr(p, "class", "swatch");
	h_attrf(p, "style", "background:%s%s%s", color,
		border ? ";border:2px solid " : "", border ? border : "");
	h_close(p);
	h_text(p, label);
	h_close(p);
}

static void pillar_legend(struct page *p)
{
	h_open(p, "ul");
	h_attr(p, "class", "legend");
	for (size_t k = 0; k < p->ps.np; k++) {
		if (p->ps.show[k]) {
			legend_item(p, h_pillar_color(p->rm, k).hex,
				    h_pillar_name(p->rm, k), NULL);
		}
	}
}

/* A tick's amount, short and exact: 250k, 1.25M, 2.5M, 900. */
static char *tick_label(int64_t cents, char *buf)
{
	int64_t u = cents / 100;
	int64_t unit = u >= 1000000 ? 1000000 : u >= 1000 ? 1000 : 1;
	const char *suffix = unit == 1000000 ? "M" : unit == 1000 ? "k" : "";
	int64_t whole = u / unit, frac = u % unit;
	char digits[16] = "";

	if (frac) { /* the fraction's digits, trailing zeros dropped */
		int width = unit == 1000000 ? 6 : 3;
		snprintf(digits, sizeof(digits), ".%0*lld", width,
			 (long long)frac);
		size_t e = strlen(digits);
		while (e > 1 && digits[e - 1] == '0') {
			digits[--e] = '\0';
		}
	}
	snprintf(buf, 32, "%lld%s%s", (long long)whole, digits, suffix);
	return buf;
}

/* ------------------------------------------------------- spend chart */

void h_spend_chart(struct page *p)
{
	const struct roadmap_budget_report *br = &p->a->br;
	enum { W = 960, H = 340, L = 70, T = 24, PW = 875, PH = 260 };
	char a[40], b[40], c[40], desc[4096] = "", cap[1024] = "";
	int64_t max = 1;

	if (br->n == 0) {
		h_el(p, "p", "note", "No planned spend.");
		return;
	}
	for (size_t i = 0; i < br->n; i++) {
		const struct roadmap_budget_row *x = &br->rows[i];
		int64_t top = x->total > max ? x->total : max;
		max = x->has_envelope && x->envelope > top ? x->envelope : top;
		size_t o = strlen(desc);
		snprintf(desc + o, sizeof(desc) - o, "%s%s: planned %s%s%s",
			 i ? "; " : "", x->key,
			 roadmap_money_format(x->total, true, a),
			 x->has_envelope ? ", envelope " : "",
			 x->has_envelope
			     ? roadmap_money_format(x->envelope, true, b)
			     : "");
		if (x->has_envelope && x->total > x->envelope) {
			o = strlen(cap);
			snprintf(cap + o, sizeof(cap) - o, "%s%s (%s over)",
				 o ? ", " : "", x->key,
				 roadmap_money_format(x->total - x->envelope,
						      true, c));
		}
	}
	int ticks = 4;
	int64_t step = rm_axis_step(max, &ticks);
	max = step * ticks;
	h_open(p, "figure");
	h_open(p, "div");
	h_attr(p, "class", "wide");
	svg_open(p, "spend", W, H, NULL,
		 "Planned spend per quarter, stacked by pillar, against the "
		 "envelopes",
		 desc);
	for (int k = 0; k <= ticks; k++) { /* the grid and its amounts */
		int y = T + PH - PH * k / ticks;
		line(p, L, y, L + PW, y, k ? "#e3e3e3" : "#888", 1);
		h_close(p);
		text(p, L - 6, y + 4, "end", 11, "#555",
		     tick_label(step * k, a));
	}
	int slot = PW / (int)br->n, bw = slot * 6 / 10;
	size_t every = br->n > 16 ? (br->n + 15) / 16 : 1;
	for (size_t i = 0; i < br->n; i++) {
		const struct roadmap_budget_row *x = &br->rows[i];
		int x0 = L + slot * (int)i + (slot - bw) / 2;
		int64_t below = 0;
		for (size_t k = 0; k < p->ps.np; k++) {
			int64_t v = p->ps.cell[i * p->ps.np + k];
			if (!p->ps.show[k] || v <= 0) {
				continue;
			}
			int y1 = T + PH - (int)((double)(below + v) * PH / max);
			int y0 = T + PH - (int)((double)below * PH / max);
			rect(p, x0, y1, bw, y0 - y1,
			     h_pillar_color(p->rm, k).hex);
			h_open(p, "title");
			h_textf(p, "%s %s: %s %s", x->key,
				h_pillar_name(p->rm, k), p->rm->currency,
				roadmap_money_format(v, true, a));
			h_close(p);
			h_close(p);
			below += v;
		}
		if (x->has_envelope) {
			int ye = T + PH - (int)((double)x->envelope * PH / max);
			if (x->total > x->envelope) {
				int yt =
				    T + PH - (int)((double)x->total * PH / max);
				rect(p, x0, yt, bw, ye - yt, OVER_FILL);
				h_attr(p, "fill-opacity", "0.35");
				h_attr(p, "stroke", OVER_FILL);
				h_attr(p, "stroke-width", "2");
				h_close(p);
				text(p, x0 + bw / 2, yt - 5, "middle", 11,
				     "#B23A00",
				     overrun_label(x->total - x->envelope, b));
			}
			line(p, x0 - 4, ye, x0 + bw + 4, ye, "#000", 3);
			h_open(p, "title");
			h_textf(p, "%s envelope: %s %s", x->key,
				p->rm->currency,
				roadmap_money_format(x->envelope, true, a));
			h_close(p);
			h_close(p);
		}
		if (i % every == 0) {
			text(p, L + slot * (int)i + slot / 2, T + PH + 18,
			     "middle", 11, "#333", x->key);
		}
	}
	h_close(p); /* svg */
	h_close(p);
	/* no quarter compared with an envelope (none set, or none inside
	 * the selection): no envelope marks in the legend, and no claim */
	bool any = false;
	for (size_t i = 0; i < br->n; i++) {
		any = any || br->rows[i].has_envelope;
	}
	pillar_legend(p);
	if (any) {
		legend_item(p, "#000", "envelope", NULL);
		legend_item(p, "#F2BFA6", "over the envelope", OVER_FILL);
	}
	h_close(p);
	h_open(p, "figcaption");
	if (*cap) {
		h_textf(p, "Over their envelope: %s.", cap);
	} else if (any) {
		h_text(p, "Every quarter with an envelope stays within it.");
	} else if (p->selection) {
		h_text(p, "No quarter's envelope lies inside the selection: "
			  "none is compared.");
	} else {
		h_text(p, "No quarter has an envelope.");
	}
	h_close(p);
	h_close(p);
}

/* ------------------------------------------------------- the mix */

static bool target_of(const struct roadmap *rm, const char *pillar, double *out)
{
	for (size_t k = 0; k < rm->policy.n_target_mix; k++) {
		if (strcmp(rm->policy.target_mix_pillar[k], pillar) == 0) {
			*out = rm->policy.target_mix_percent[k];
			return true;
		}
	}
	return false;
}

void h_mix_chart(struct page *p)
{
	const struct roadmap *rm = p->rm;
	enum { W = 960, L = 130, BW = 700, ROW = 30 };
	int64_t all = 0;
	char a[ROADMAP_NUMBER_BUF], b[ROADMAP_NUMBER_BUF], desc[2048] = "";
	double tol = rm->policy.mix_tolerance;
	bool targets = rm->policy.n_target_mix > 0;

	for (size_t k = 0; k < p->ps.np; k++) {
		all += p->ps.mix[k];
	}
	if (all <= 0) {
		h_el(p, "p", "note", "No planned spend to divide.");
		return;
	}
	int n = (int)p->ps.nc, r = 0;
	for (size_t k = 0; k < p->ps.np; k++) {
		double t;
		if (!p->ps.show[k]) {
			continue;
		}
		/* tenths of a percent, exactly rounded */
		uint64_t tenths = 0; /* mix <= all: it fits */
		rm_muldiv_round((uint64_t)p->ps.mix[k], 1000, (uint64_t)all,
				&tenths);
		size_t o = strlen(desc);
		snprintf(desc + o, sizeof(desc) - o, "%s%s %s %%%s%s%s",
			 o ? "; " : "", h_pillar_name(rm, k),
			 roadmap_number_format((double)tenths / 10, a),
			 k < rm->n_pillars && target_of(rm, rm->pillars[k], &t)
			     ? " (target "
			     : "",
			 k < rm->n_pillars && target_of(rm, rm->pillars[k], &t)
			     ? roadmap_number_format(t, b)
			     : "",
			 k < rm->n_pillars && target_of(rm, rm->pillars[k], &t)
			     ? " %)"
			     : "");
	}
	h_open(p, "figure");
	h_open(p, "div");
	h_attr(p, "class", "wide");
	svg_open(p, "mix", W, n * ROW + 30, "narrow",
		 targets ? "Investment mix by pillar against the target mix"
			 : "Investment mix by pillar",
		 desc);
	for (int k = 0; k <= 4; k++) {
		int x = L + BW * k / 4;
		line(p, x, 4, x, n * ROW + 8, "#e3e3e3", 1);
		h_close(p);
		snprintf(a, sizeof(a), "%d %%", 25 * k);
		text(p, x, n * ROW + 24, "middle", 11, "#555", a);
	}
	for (size_t k = 0; k < p->ps.np; k++) {
		double t = 0;
		if (!p->ps.show[k]) {
			continue;
		}
		int y = 8 + r * ROW;
		uint64_t tenths = 0; /* mix <= all: it fits */
		rm_muldiv_round((uint64_t)p->ps.mix[k], 1000, (uint64_t)all,
				&tenths);
		bool has_t =
		    k < rm->n_pillars && target_of(rm, rm->pillars[k], &t);
		text(p, L - 8, y + 15, "end", 13, "#222", h_pillar_name(rm, k));
		if (has_t) { /* the tolerance band and the target */
			int lo = (int)((t - tol < 0 ? 0 : t - tol) * BW / 100);
			int hi =
			    (int)((t + tol > 100 ? 100 : t + tol) * BW / 100);
			rect(p, L + lo, y - 2, hi - lo, ROW - 6, "#eeeeee");
			h_close(p);
		}
		rect(p, L, y + 3, (int)(tenths * BW / 1000), ROW - 16,
		     h_pillar_color(rm, k).hex);
		h_close(p);
		bool off = has_t && ((double)tenths / 10 > t + tol ||
				     (double)tenths / 10 < t - tol);
		/* one decimal always, as the deck's shares: 74.0 %, not 74 % */
		snprintf(b, sizeof(b), "%llu.%llu %%%s",
			 (unsigned long long)(tenths / 10),
			 (unsigned long long)(tenths % 10),
			 off ? " (off target)" : "");
		text(p, L + (int)(tenths * BW / 1000) + 6, y + 15, NULL, 12,
		     off ? "#B23A00" : "#222", b);
		if (has_t) {
			int xt = L + (int)(t * BW / 100);
			line(p, xt, y - 2, xt, y + ROW - 8, "#000", 3);
			h_open(p, "title");
			h_textf(p, "target %s %%", roadmap_number_format(t, a));
			h_close(p);
			h_close(p);
		}
		r++;
	}
	h_close(p);
	h_close(p);
	h_open(p, "figcaption");
	if (targets) {
		h_textf(p,
			"Share of planned spend by pillar; the black mark is "
			"the target, the grey band the tolerance of %s "
			"points.",
			roadmap_number_format(tol, a));
	} else {
		h_text(p, "Share of planned spend by pillar (no target mix "
			  "is set).");
	}
	h_close(p);
	h_close(p);
}

/* --------------------------------------------------------- progress */

void h_progress_bar(struct page *p, const struct roadmap_goal_tracking *x)
{
	enum { W = 120, H = 14 };
	static const char *const fills[] = {
	    [ROADMAP_GOAL_UNKNOWN] = "#777",
	    [ROADMAP_GOAL_ACHIEVED] = "#0072B2",
	    [ROADMAP_GOAL_ON_TRACK] = "#009E73",
	    [ROADMAP_GOAL_AT_RISK] = "#E69F00",
	    [ROADMAP_GOAL_MISSED] = OVER_FILL,
	    [ROADMAP_GOAL_NOT_MEASURED] = "#777"};
	char a[ROADMAP_NUMBER_BUF], b[ROADMAP_NUMBER_BUF], t[160];
	double v = x->progress < 0 ? 0 : x->progress > 1 ? 1 : x->progress;

	snprintf(t, sizeof(t), "progress %s %%",
		 roadmap_number_format(roadmap_ratio_percent(x->progress), a));
	if (x->has_expected) {
		size_t o = strlen(t);
		snprintf(t + o, sizeof(t) - o, ", expected %s %%",
			 roadmap_number_format(
			     roadmap_ratio_percent(x->expected), b));
	}
	h_open(p, "svg");
	h_attrf(p, "viewBox", "0 0 %d %d", W, H);
	h_attrf(p, "style",
		"width:%dpx;display:inline-block;"
		"vertical-align:middle",
		W);
	h_attr(p, "role", "img");
	h_attr(p, "aria-label", t);
	rect(p, 0, 2, W, H - 4, "#e6e6e6");
	h_close(p);
	rect(p, 0, 2, (int)(v * W), H - 4, fills[x->state]);
	h_close(p);
	if (x->has_expected) {
		int xe = (int)(x->expected * (W - 2)) + 1;
		line(p, xe, 0, xe, H, "#000", 2);
		h_close(p);
	}
	h_close(p);
	h_open(p, "span");
	h_textf(p, " %s", t + strlen("progress "));
	h_close(p);
}

/* ------------------------------------------------------------ gantt */

#define GANTT_MAX 1000 /* rows drawn; the rest are named in a note */

struct bar {
	size_t index;
	int y;
};

static int by_pillar_start(const void *a, const void *b, void *ctx)
{
	const struct roadmap *rm = ctx;
	const struct roadmap_initiative *x = &rm->inits[*(const size_t *)a];
	const struct roadmap_initiative *y = &rm->inits[*(const size_t *)b];
	size_t px = rm_pillar_index(rm, x->pillar);
	size_t py = rm_pillar_index(rm, y->pillar);

	if (px != py) {
		return px < py ? -1 : 1;
	}
	if (x->start != y->start) {
		return x->start < y->start ? -1 : 1;
	}
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* A title for the timeline's label column: whole when short, else its
 * first 30 characters (whole UTF-8 sequences) and an ellipsis. */
static const char *short_title(const char *t, char *buf, size_t n)
{
	size_t chars = 0, i = 0;

	while (t[i] && chars < 30 && i + 8 < n) {
		size_t len = 1;
		while ((t[i + len] & 0xC0) == 0x80) {
			len++;
		}
		i += len;
		chars++;
	}
	if (!t[i]) {
		return t;
	}
	memcpy(buf, t, i);
	memcpy(buf + i, "\xE2\x80\xA6", 4); /* ... */
	return buf;
}

void h_gantt(struct page *p)
{
	const struct roadmap *rm = p->rm;
	/* W leaves room for a "late" mark after the last day */
	enum { W = 1030, LW = 190, CW = 795, HEAD = 30, ROW = 22, GROUP = 24 };
	size_t n = 0, *order = malloc((rm->n_inits + 1) * sizeof(size_t));
	int *ys = malloc((rm->n_inits + 1) * sizeof(int));
	char d0[16], d1[16], label[80], desc[1024];
	roadmap_day t0 = 0, t1 = 0;
	int fs = rm->fiscal_start;

	if (!order || !ys) {
		free(order);
		free(ys);
		p->ok = false;
		return;
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_counts(in)) {
			continue;
		}
		t0 = n == 0 || in->start < t0 ? in->start : t0;
		t1 = n == 0 || in->end > t1 ? in->end : t1;
		order[n++] = i;
	}
	if (n == 0) {
		h_el(p, "p", "note", "No initiative counts: nothing to draw.");
		free(order);
		free(ys);
		return;
	}
	qsort_r(order, n, sizeof(*order), by_pillar_start, (void *)rm);
	size_t shown = n > GANTT_MAX ? GANTT_MAX : n;
	/* the day's progress and lateness, for a roadmap that tracks */
	const struct roadmap_earned_value **tr =
	    calloc(rm->n_inits + 1, sizeof(*tr));
	bool tracked = p->a->tr_ok && roadmap_has_tracking(rm);
	size_t late = 0;
	if (!tr) {
		free(order);
		free(ys);
		p->ok = false;
		return;
	}
	for (size_t k = 0; tracked && k < p->a->tr.n_initiatives; k++) {
		tr[p->a->tr.initiatives[k].index] = &p->a->tr.initiatives[k];
	}
	t0 = roadmap_quarter_first(roadmap_quarter_of(t0, fs), fs);
	t1 = roadmap_quarter_last(roadmap_quarter_of(t1, fs), fs);
	int64_t span = (int64_t)t1 - t0 + 1;
#define X(day) (LW + (int)(((int64_t)(day)-t0) * CW / span))
	/* the rows: a heading per pillar, then its initiatives */
	int h = HEAD;
	size_t groups = 0, last = (size_t)-1;
	for (size_t i = 0; i < rm->n_inits; i++) {
		ys[i] = -1; /* not drawn */
	}
	for (size_t k = 0; k < shown; k++) {
		size_t pi = rm_pillar_index(rm, rm->inits[order[k]].pillar);
		if (pi != last) {
			h += GROUP;
			groups++;
			last = pi;
		}
		ys[order[k]] = h;
		h += ROW;
	}
	size_t o = (size_t)snprintf(desc, sizeof(desc),
				    "%zu initiatives from %s to %s, grouped "
				    "by pillar; critical path:",
				    n, roadmap_day_format(t0, d0),
				    roadmap_day_format(t1, d1));
	for (size_t k = 0; p->a->sched_ok && k < n && o < sizeof(desc) - 80;
	     k++) {
		const struct roadmap_schedule_row *r = p->row[order[k]];
		if (r && r->critical) {
			o += (size_t)snprintf(desc + o, sizeof(desc) - o, " %s",
					      rm->inits[order[k]].id);
		}
	}
	if (p->has_day && o < sizeof(desc) - 40) {
		snprintf(desc + o, sizeof(desc) - o, "; today %s",
			 roadmap_day_format(p->today, d0));
	}
	h_open(p, "figure");
	h_open(p, "div");
	h_attr(p, "class", "wide");
	svg_open(p, "gantt", W, h + 6, NULL,
		 "Timeline of the initiatives by pillar", desc);
	/* quarter lines and labels */
	int q0 = roadmap_quarter_of(t0, fs), q1 = roadmap_quarter_of(t1, fs);
	int every = (q1 - q0 + 1) > 16 ? (q1 - q0 + 16) / 16 : 1;
	for (int q = q0; q <= q1; q++) {
		int x = X(roadmap_quarter_first(q, fs));
		line(p, x, HEAD - 6, x, h, "#e3e3e3", 1);
		h_close(p);
		if ((q - q0) % every == 0) {
			text(p, x + 4, HEAD - 12, NULL, 11, "#333",
			     roadmap_quarter_label(q, label));
		}
	}
	last = (size_t)-1;
	for (size_t k = 0; k < shown; k++) {
		const struct roadmap_initiative *in = &rm->inits[order[k]];
		size_t pi = rm_pillar_index(rm, in->pillar);
		const struct roadmap_schedule_row *r =
		    p->a->sched_ok ? p->row[order[k]] : NULL;
		int y = ys[order[k]];
		if (pi != last) {
			text(p, 4, y - 6, NULL, 13, "#1F3864",
			     h_pillar_name(rm, pi));
			last = pi;
		}
		/* the title (shortened to the column, whole in the
		 * tooltip with the id) */
		h_open(p, "text");
		h_attr(p, "x", "14");
		h_attrf(p, "y", "%d", y + 15);
		h_attr(p, "font-size", "11");
		h_attr(p, "fill", "#222");
		h_attr(p, "data-id", in->id);
		h_open(p, "title");
		h_textf(p, "%s: %s", in->id, in->title);
		h_close(p);
		h_text(p, short_title(in->title, label, sizeof(label)));
		h_close(p);
		h_open(p, "g");
		h_open(p, "title");
		h_textf(p, "%s: %s (%s to %s)%s", in->id, in->title,
			roadmap_day_format(in->start, d0),
			roadmap_day_format(in->end, d1),
			r && r->critical ? ", critical" : "");
		h_close(p);
		rect(p, X(in->start), y + 5, X(in->end + 1) - X(in->start),
		     ROW - 10, h_pillar_color(rm, pi).hex);
		if (r && r->critical) {
			h_attr(p, "stroke", "#000");
			h_attr(p, "stroke-width", "3");
		}
		if (in->status == ROADMAP_DONE) {
			h_attr(p, "fill-opacity", "0.45");
		}
		h_close(p);
		const struct roadmap_earned_value *ev = tr[order[k]];
		if (ev &&
		    ev->progress > 0) { /* progress: the bar's done part */
			int x0 = X(in->start), w = X(in->end + 1) - x0;
			int done =
			    (int)(w *
				  (ev->progress > 100 ? 100 : ev->progress) /
				  100);
			rect(p, x0, y + ROW / 2 - 1, done, 3, "#000");
			h_attr(p, "class", "done-line");
			h_close(p);
		}
		if (ev && ev->late) { /* late: a vermillion mark at its end */
			int xe = X(in->end + 1);
			text(p, xe + 3, y + 15, NULL, 12, "#B23A00", "late");
			late++;
		}
		h_close(p);
	}
	/* dependency arrows, over the bars */
	for (size_t k = 0; k < shown; k++) {
		const struct roadmap_initiative *in = &rm->inits[order[k]];
		for (size_t j = 0; j < in->n_depends_on; j++) {
			long pre =
			    roadmap_initiative_index(rm, in->depends_on[j]);
			if (pre < 0 || ys[pre] < 0) {
				continue;
			}
			const struct roadmap_initiative *pr = &rm->inits[pre];
			int x1 = X(pr->end + 1), y1 = ys[pre] + ROW / 2;
			int x2 = X(in->start), y2 = ys[order[k]] + ROW / 2;
			h_open(p, "path");
			h_attrf(p, "d", "M%d %dH%dV%dH%d", x1, y1, x1 + 6, y2,
				x2 - 5);
			h_attr(p, "fill", "none");
			h_attr(p, "stroke", "#444");
			h_attr(p, "stroke-width", "1");
			h_close(p);
			h_open(p, "polygon");
			h_attrf(p, "points", "%d,%d %d,%d %d,%d", x2, y2,
				x2 - 6, y2 - 4, x2 - 6, y2 + 4);
			h_attr(p, "fill", "#444");
			h_close(p);
		}
	}
	if (p->has_day && p->today >= t0 && p->today <= t1) {
		int xt = X(p->today);
		line(p, xt, HEAD - 4, xt, h, OVER_FILL, 2);
		h_attr(p, "stroke-dasharray", "6 4");
		h_close(p);
		snprintf(label, sizeof(label), "today %s",
			 roadmap_day_format(p->today, d0));
		text(p, xt + 4, HEAD - 1, NULL, 11, "#B23A00", label);
	}
#undef X
	h_close(p); /* svg */
	h_close(p);
	pillar_legend(p);
	legend_item(p, "#ffffff", "critical path (no slack)", "#000");
	legend_item(p, "#444", "depends on (arrow to the dependent)", NULL);
	if (p->has_day) {
		legend_item(p, OVER_FILL, "today", NULL);
	}
	if (tracked) {
		legend_item(p, "#000", "progress so far", NULL);
		legend_item(p, "#B23A00", "late (past its end, not done)",
			    NULL);
	}
	h_close(p);
	h_open(p, "figcaption");
	h_textf(p,
		"Planned dates of the %zu initiatives that count, in %zu "
		"pillar group%s; faded bars are done.",
		n, groups, groups == 1 ? "" : "s");
	if (tracked) {
		h_textf(p,
			" The black line in a bar is its progress; %zu "
			"initiative%s late.",
			late, late == 1 ? " is" : "s are");
	}
	if (shown < n) {
		h_textf(p,
			" The first %zu are drawn; every one is in the "
			"exports.",
			shown);
	}
	/* what is not drawn is still named: cancelled, then deferred */
	for (int w = 0; w < 2; w++) {
		enum roadmap_initiative_status st =
		    w ? ROADMAP_DEFERRED : ROADMAP_CANCELLED;
		const char *head = w ? " Deferred: " : " Cancelled: ";
		size_t named = 0;
		for (size_t i = 0; i < rm->n_inits; i++) {
			if (rm->inits[i].status != st) {
				continue;
			}
			if (named < 100) {
				h_textf(p, "%s%s", named ? ", " : head,
					rm->inits[i].id);
			}
			named++;
		}
		if (named > 100) {
			h_textf(p, " and %zu more", named - 100);
		}
		if (named) {
			h_text(p, ".");
		}
	}
	h_close(p);
	h_close(p);
	free(order);
	free(ys);
	free(tr);
}
