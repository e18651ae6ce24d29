/* spend.c - planned spend per initiative and fiscal quarter (the spreading rule
 * of roadmap(1), budget). */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void roadmap_spend_release(struct roadmap_spend *s)
{
	if (!s) {
		return;
	}
	free(s->q0);
	free(s->n);
	free(s->off);
	free(s->opex);
	free(s->capex);
	memset(s, 0, sizeof(*s));
}

enum roadmap_status roadmap_spend_build(const struct roadmap *rm,
					struct roadmap_spend *out,
					struct roadmap_error *err)
{
	size_t n = rm->n_inits, total = 0;
	int fs = rm->fiscal_start;

	memset(out, 0, sizeof(*out));
	out->n_initiatives = n;
	out->q0 = calloc(n ? n : 1, sizeof(*out->q0));
	out->n = calloc(n ? n : 1, sizeof(*out->n));
	out->off = calloc(n ? n : 1, sizeof(*out->off));
	if (!out->q0 || !out->n || !out->off) {
		goto nomem;
	}
	/* Two passes: count the quarters, then spread into one pool. */
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (!roadmap_initiative_counts(in) || in->end < in->start) {
			continue;
		}
		out->q0[i] = roadmap_quarter_of(in->start, fs);
		out->n[i] = roadmap_quarter_of(in->end, fs) - out->q0[i] + 1;
		out->off[i] = total;
		total += (size_t)out->n[i];
		if (!out->any || out->q0[i] < out->qmin) {
			out->qmin = out->q0[i];
		}
		if (!out->any || out->q0[i] + out->n[i] - 1 > out->qmax) {
			out->qmax = out->q0[i] + out->n[i] - 1;
		}
		out->any = true;
	}
	out->opex = malloc((total ? total : 1) * sizeof(int64_t));
	out->capex = malloc((total ? total : 1) * sizeof(int64_t));
	if (!out->opex || !out->capex) {
		goto nomem;
	}
	for (size_t i = 0; i < n; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (out->n[i] == 0) {
			continue;
		}
		size_t k = (size_t)out->n[i];
		if (rm_spread_into(in->opex, in->capex, in->start, in->end, fs,
				   out->q0[i], k, out->opex + out->off[i],
				   out->capex + out->off[i])) {
			goto nomem;
		}
	}
	return ROADMAP_OK;
nomem:
	roadmap_spend_release(out);
	return rm_nomem(err);
}

int64_t *rm_spend_by_quarter(const struct roadmap_spend *sp, bool *overflow)
{
	size_t nq = sp->any ? (size_t)(sp->qmax - sp->qmin + 1) : 0;
	int64_t *q = calloc(nq ? nq : 1, sizeof(*q));

	for (size_t i = 0; q && i < sp->n_initiatives; i++) {
		for (int k = 0; k < sp->n[i]; k++) {
			size_t o = sp->off[i] + (size_t)k;
			int64_t *d = &q[sp->q0[i] + k - sp->qmin];
			if (!roadmap_money_add(*d, sp->opex[o], d) ||
			    !roadmap_money_add(*d, sp->capex[o], d)) {
				*overflow = true;
			}
		}
	}
	return q;
}

enum roadmap_status roadmap_goal_shares(const struct roadmap *rm,
					const struct roadmap_initiative *in,
					size_t *goal, int64_t *opex,
					int64_t *capex, size_t *n)
{
	size_t k = 0;

	for (size_t g = 0; g < in->n_goals; g++) {
		if (idmap_get(&rm->goal_ids, in->goals[g], &goal[k])) {
			k++;
		}
	}
	*n = k;
	if (k == 0) {
		return ROADMAP_OK;
	}
	int64_t *w = malloc(k * sizeof(*w));
	if (!w) {
		return ROADMAP_ERR_NOMEM;
	}
	for (size_t i = 0; i < k; i++) {
		w[i] = 1;
	}
	/* capex[] holds the total shares until the subtraction below */
	enum roadmap_status st =
		roadmap_apportion(in->opex + in->capex, w, k, capex);
	if (st == ROADMAP_OK) {
		st = roadmap_apportion(in->opex, w, k, opex);
	}
	for (size_t i = 0; st == ROADMAP_OK && i < k; i++) {
		capex[i] -= opex[i];
	}
	free(w);
	return st;
}

enum roadmap_status rm_goal_planned(const struct roadmap *rm, long only,
				    int64_t **out, struct roadmap_error *err)
{
	int64_t *planned = calloc(rm->n_goals + 1, sizeof(int64_t));
	size_t cap = 0, *gi = NULL;
	int64_t *op = NULL, *cx = NULL;
	enum roadmap_status st = planned ? ROADMAP_OK : ROADMAP_ERR_NOMEM;
	char q[120], what[160];

	for (size_t i = 0; !st && i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		size_t n;
		if (!roadmap_initiative_counts(in) || !in->n_goals) {
			continue;
		}
		if (in->n_goals > cap) {
			cap = in->n_goals * 2;
			free(gi);
			free(op);
			free(cx);
			gi = malloc(cap * sizeof(*gi));
			op = malloc(cap * sizeof(*op));
			cx = malloc(cap * sizeof(*cx));
		}
		if (!gi || !op || !cx ||
		    roadmap_goal_shares(rm, in, gi, op, cx, &n)) {
			st = ROADMAP_ERR_NOMEM;
			break;
		}
		for (size_t k = 0; k < n; k++) {
			if (only >= 0 && gi[k] != (size_t)only) {
				continue;
			}
			/* each share is at most one initiative's total */
			if (!roadmap_money_add(planned[gi[k]], op[k] + cx[k],
					       &planned[gi[k]])) {
				snprintf(what, sizeof(what),
					 "the planned cost of goal %s",
					 rm_quote(rm->goals[gi[k]].id, q,
						  sizeof(q)));
				st = rm_overflow(err, what);
				break;
			}
		}
	}
	free(gi);
	free(op);
	free(cx);
	if (st) {
		free(planned);
		return st == ROADMAP_ERR_NOMEM ? rm_nomem(err) : st;
	}
	*out = planned;
	return ROADMAP_OK;
}

enum roadmap_status roadmap_goal_planned(const struct roadmap *rm,
					 const char *id, int64_t *total,
					 struct roadmap_error *err)
{
	size_t gi;
	int64_t *planned;
	enum roadmap_status st;
	char q[120];

	if (!idmap_get(&rm->goal_ids, id, &gi)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "no goal %s",
			       rm_quote(id, q, sizeof(q)));
	}
	if ((st = rm_goal_planned(rm, (long)gi, &planned, err))) {
		return st;
	}
	*total = planned[gi];
	free(planned);
	return ROADMAP_OK;
}

int rm_budget_row_quarter(const struct roadmap_budget_row *x)
{
	int y = 0, q = 1;

	sscanf(x->key, "%d-Q%d", &y, &q);
	return y * 4 + q - 1;
}

bool rm_pillar_spend(const struct roadmap *rm, const struct roadmap_spend *sp,
		     const struct roadmap_budget_report *br,
		     struct rm_pillar_spend *bp)
{
	size_t np = rm->n_pillars + 1;

	memset(bp, 0, sizeof(*bp));
	bp->np = np;
	bp->cell = calloc((br->n ? br->n : 1) * np, sizeof(int64_t));
	bp->mix = calloc(np, sizeof(int64_t));
	bp->show = calloc(np, sizeof(bool));
	if (!bp->cell || !bp->mix || !bp->show) {
		rm_pillar_spend_release(bp);
		return false;
	}
	int q0 = br->n ? rm_budget_row_quarter(&br->rows[0]) : 0;
	for (size_t i = 0; i < rm->n_inits; i++) {
		size_t p = rm_pillar_index(rm, rm->inits[i].pillar);
		for (int k = 0; k < sp->n[i]; k++) {
			size_t o = sp->off[i] + (size_t)k;
			int64_t v = sp->opex[o] + sp->capex[o];
			size_t row = (size_t)(sp->q0[i] + k - q0);
			if (row < br->n) {
				bp->cell[row * np + p] += v;
			}
			bp->mix[p] += v;
		}
	}
	for (size_t p = 0; p < np; p++) {
		bp->show[p] = p < rm->n_pillars || bp->mix[p] > 0;
		bp->nc += bp->show[p];
	}
	return true;
}

void rm_pillar_spend_release(struct rm_pillar_spend *bp)
{
	free(bp->cell);
	free(bp->mix);
	free(bp->show);
	memset(bp, 0, sizeof(*bp));
}

size_t rm_pillar_index(const struct roadmap *rm, const char *p)
{
	for (size_t i = 0; p && i < rm->n_pillars; i++) {
		if (strcmp(rm->pillars[i], p) == 0) {
			return i;
		}
	}
	return rm->n_pillars;
}

bool rm_month_spend(const struct roadmap *rm, const struct roadmap_spend *sp,
		    size_t i, int *m0, size_t *n, int64_t **opex,
		    int64_t **capex)
{
	const struct roadmap_initiative *in = &rm->inits[i];
	int fs = rm->fiscal_start;

	*n = 0;
	*opex = *capex = NULL;
	if (!sp->n[i]) {
		return true;
	}
	*m0 = rm_month_of(in->start);
	*n = (size_t)(rm_month_of(in->end) - *m0 + 1);
	*opex = calloc(*n, sizeof(int64_t));
	*capex = calloc(*n, sizeof(int64_t));
	if (!*opex || !*capex) {
		goto nomem;
	}
	for (int k = 0; k < sp->n[i]; k++) {
		size_t o = sp->off[i] + (size_t)k;
		int qi = sp->q0[i] + k;
		roadmap_day f = roadmap_quarter_first(qi, fs),
			    l = roadmap_quarter_last(qi, fs);
		int64_t op[3], cap[3];
		int q0 = rm_month_of(f);
		if (rm_spread_months(sp->opex[o], sp->capex[o],
				     in->start > f ? in->start : f,
				     in->end < l ? in->end : l, q0, 3, op,
				     cap)) {
			goto nomem;
		}
		for (int m = 0; m < 3; m++) {
			long at = (long)(q0 + m - *m0);
			if (at >= 0 && (size_t)at < *n) {
				(*opex)[at] += op[m];
				(*capex)[at] += cap[m];
			}
		}
	}
	return true;
nomem:
	free(*opex);
	free(*capex);
	*opex = *capex = NULL;
	*n = 0;
	return false;
}
