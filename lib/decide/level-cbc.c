/*
 * level-cbc.c - levelling's exact search with COIN-OR CBC (docs/decisions.md,
 * "Levelling").
 *
 * A 0/1 column x[j][w] says movable initiative j is delayed w weeks, for w
 * between the least and the most delay its dependencies allow; one per
 * initiative. Each team's quarter not yet ended holds the columns' loads
 * within its capacity less the fixed work's; each dependency between two
 * movable ones holds sum w x[d][w] - sum w x[p][w] >= the weeks it needs.
 * Every coefficient is a whole number and small (loads are hundredths of
 * an FTE x days), and so is every objective: the solve runs in three
 * stages, the days past due dates, then (that held at its optimum) the
 * weeks of delay, then (both held) the last end, each proven with an
 * absolute gap of half a unit, so each optimum is exact. Each plan CBC
 * gives is checked again in integers (lv_valid()).
 */
#include "level.h"
#include "optimize.h"

#include <Cbc_C_Interface.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct model {
	const struct lv *lv;
	size_t *col0; /* the first column of each movable initiative */
	size_t ncols;
	int64_t fixed_late; /* the fixed work's days past due dates */
	bool has_fixed_end;
	int64_t fixed_end, end_base;
};

/* One stage: minimise its measure with the earlier ones held (late at
 * most hold_late days, delay at most hold_weeks weeks). */
struct stage {
	int which; /* 1 late days, 2 weeks of delay, 3 last end */
	int64_t hold_late, hold_weeks;
};

static int icol(const struct model *md, size_t j, int w)
{
	return (int)(md->col0[j] + (size_t)(w - md->lv->lb[j]));
}

struct entry {
	size_t cell; /* team x nq + quarter */
	int col;
	int64_t coef;
};

static int by_cell(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->cell != y->cell) {
		return x->cell < y->cell ? -1 : 1;
	}
	return (x->col > y->col) - (x->col < y->col);
}

/* The capacity rows: every load a column puts in a quarter, grouped by
 * team and quarter; a row that holds whatever the plan is left out. */
static bool add_capacity(Cbc_Model *m, const struct model *md, int *idx,
			 double *val)
{
	const struct lv *lv = md->lv;
	size_t n = 0, cap = 64;
	struct entry *e = malloc(cap * sizeof(*e));

	if (!e) {
		return false;
	}
	for (size_t j = 0; j < lv->m; j++) {
		size_t i = lv->mov[j], t = lv->team[i];
		const struct roadmap_initiative *in = &lv->rm->inits[i];
		if (t == LV_NONE) {
			continue;
		}
		for (int w = lv->lb[j]; w <= lv->ub[j]; w++) {
			int a = roadmap_quarter_of(in->start + 7 * w, lv->fs);
			int b = roadmap_quarter_of(in->end + 7 * w, lv->fs);
			for (int qi = a; qi <= b; qi++) {
				if (n == cap) {
					cap *= 2;
					struct entry *x =
					    realloc(e, cap * sizeof(*e));
					if (!x) {
						free(e);
						return false;
					}
					e = x;
				}
				e[n].cell = t * lv->nq + (size_t)(qi - lv->qa);
				e[n].col = icol(md, j, w);
				e[n++].coef = lv_qload(lv, i, w, qi);
			}
		}
	}
	qsort(e, n, sizeof(*e), by_cell);
	for (size_t a = 0, b; a < n; a = b) {
		int64_t room = lv->cap[e[a].cell] - lv->base[e[a].cell];
		int64_t most = 0, best = 0;
		int nz = 0, last = -1;
		for (b = a; b < n && e[b].cell == e[a].cell; b++) {
			idx[nz] = e[b].col;
			val[nz++] = (double)e[b].coef;
			/* the most one initiative puts there: its columns
			 * are consecutive */
			size_t j = 0;
			while (j + 1 < lv->m &&
			       md->col0[j + 1] <= (size_t)e[b].col) {
				j++;
			}
			if ((int)j != last) {
				most += best;
				best = 0;
				last = (int)j;
			}
			best = e[b].coef > best ? e[b].coef : best;
		}
		most += best;
		if (most > room) {
			Cbc_addRow(m, "", nz, idx, val, 'L', (double)room);
		}
	}
	free(e);
	return true;
}

static void add_dependencies(Cbc_Model *m, const struct model *md, int *idx,
			     double *val)
{
	const struct lv *lv = md->lv;

	for (size_t jd = 0; jd < lv->m; jd++) {
		size_t v = lv->mov[jd];
		for (size_t e = lv->g.pre_off[v]; e < lv->g.pre_off[v + 1];
		     e++) {
			size_t p = lv->g.pre[e], jp = lv->slot[p];
			if (jp == LV_NONE) {
				continue; /* a fixed one is in lb[] */
			}
			int64_t need = lv_need(lv, p, v);
			if (lv->lb[jd] - lv->ub[jp] >= need) {
				continue;
			}
			int nz = 0;
			for (int w = lv->lb[jd]; w <= lv->ub[jd]; w++) {
				if (w) {
					idx[nz] = icol(md, jd, w);
					val[nz++] = w;
				}
			}
			for (int w = lv->lb[jp]; w <= lv->ub[jp]; w++) {
				if (w) {
					idx[nz] = icol(md, jp, w);
					val[nz++] = -w;
				}
			}
			Cbc_addRow(m, "", nz, idx, val, 'G', (double)need);
		}
	}
}

/* The stage's model, solved from plan start until end: w receives CBC's
 * plan when it has one. */
static bool solve(const struct model *md, const struct stage *sg,
		  const int *start, double end, int *w, bool *proven,
		  bool *infeasible, double *bound, bool *nomem)
{
	const struct lv *lv = md->lv;
	size_t nc = md->ncols + 1;
	Cbc_Model *m = Cbc_newModel();
	int *idx = malloc((nc + 1) * sizeof(int));
	double *val = malloc((nc + 1) * sizeof(double));
	bool got = false;
	int ecol = (int)md->ncols;

	*proven = *infeasible = false;
	if (!m || !idx || !val) {
		*nomem = true;
		goto out;
	}
	Cbc_setLogLevel(m, 0);
	for (size_t j = 0; j < lv->m; j++) {
		size_t i = lv->mov[j];
		for (int x = lv->lb[j]; x <= lv->ub[j]; x++) {
			char name[32];
			double obj = sg->which == 1 ? (double)lv_late(lv, i, x)
				     : sg->which == 2 ? (double)x
						      : 0;
			/* CBC matches a MIP start to its columns by name */
			snprintf(name, sizeof(name), "x%zu_%d", j, x);
			Cbc_addCol(m, name, 0, 1, obj, 1, 0, NULL, NULL);
		}
	}
	int64_t emin = md->has_fixed_end ? md->fixed_end - md->end_base : 0;
	Cbc_addCol(m, "e", (double)(emin < 0 ? 0 : emin), 1e9,
		   sg->which == 3 ? 1 : 0, 1, 0, NULL, NULL);
	for (size_t j = 0; j < lv->m; j++) {
		int nz = 0;
		for (int x = lv->lb[j]; x <= lv->ub[j]; x++) {
			idx[nz] = icol(md, j, x);
			val[nz++] = 1;
		}
		Cbc_addRow(m, "", nz, idx, val, 'E', 1);
	}
	if (!add_capacity(m, md, idx, val)) {
		*nomem = true;
		goto out;
	}
	add_dependencies(m, md, idx, val);
	if (sg->which >= 2) { /* the days past due held */
		int nz = 0;
		for (size_t j = 0; j < lv->m; j++) {
			for (int x = lv->lb[j]; x <= lv->ub[j]; x++) {
				int64_t l = lv_late(lv, lv->mov[j], x);
				if (l) {
					idx[nz] = icol(md, j, x);
					val[nz++] = (double)l;
				}
			}
		}
		if (nz) {
			Cbc_addRow(m, "", nz, idx, val, 'L',
				   (double)sg->hold_late);
		}
	}
	if (sg->which == 3) { /* the delay held; e at least every end */
		int nz = 0;
		for (size_t j = 0; j < lv->m; j++) {
			for (int x = lv->lb[j]; x <= lv->ub[j]; x++) {
				if (x) {
					idx[nz] = icol(md, j, x);
					val[nz++] = x;
				}
			}
		}
		if (nz) {
			Cbc_addRow(m, "", nz, idx, val, 'L',
				   (double)sg->hold_weeks);
		}
		for (size_t j = 0; j < lv->m; j++) {
			const struct roadmap_initiative *in =
			    &lv->rm->inits[lv->mov[j]];
			nz = 0;
			for (int x = lv->lb[j]; x <= lv->ub[j]; x++) {
				idx[nz] = icol(md, j, x);
				val[nz++] = (double)((int64_t)in->end + 7 * x -
						     md->end_base);
			}
			idx[nz] = ecol;
			val[nz++] = -1;
			Cbc_addRow(m, "", nz, idx, val, 'L', 0);
		}
	}
	if (start) {
		int nz = 0;
		for (size_t j = 0; j < lv->m; j++) {
			idx[nz] = icol(md, j, start[j]);
			val[nz++] = 1;
		}
		if (sg->which == 3) {
			int64_t e = emin < 0 ? 0 : emin;
			for (size_t j = 0; j < lv->m; j++) {
				int64_t x =
				    (int64_t)lv->rm->inits[lv->mov[j]].end +
				    7 * start[j] - md->end_base;
				e = x > e ? x : e;
			}
			idx[nz] = ecol;
			val[nz++] = (double)e;
		}
		Cbc_setMIPStartI(m, nz, idx, val);
	}
	Cbc_setObjSense(m, 1);
	rm_cbc_run(m, end - rm_opt_now());
	*proven = Cbc_isProvenOptimal(m) != 0;
	*infeasible = Cbc_isProvenInfeasible(m) != 0;
	*bound = Cbc_getBestPossibleObjValue(m);
	const double *sol = Cbc_bestSolution(m);
	if (sol) {
		got = true;
		for (size_t j = 0; j < lv->m; j++) {
			int pick = -1;
			for (int x = lv->lb[j]; x <= lv->ub[j]; x++) {
				if (sol[icol(md, j, x)] > 0.5) {
					pick = pick < 0 ? x : -2;
				}
			}
			if (pick < 0) {
				got = false;
				break;
			}
			w[j] = pick;
		}
	}
out:
	if (m) {
		Cbc_deleteModel(m);
	}
	free(idx);
	free(val);
	return got;
}

static int64_t movable_late(const struct lv *lv, const int *w)
{
	int64_t s = 0;

	for (size_t j = 0; j < lv->m; j++) {
		s += lv_late(lv, lv->mov[j], w[j]);
	}
	return s;
}

static int64_t weeks(const struct lv *lv, const int *w)
{
	int64_t s = 0;

	for (size_t j = 0; j < lv->m; j++) {
		s += w[j];
	}
	return s;
}

/* ceil of a solver's bound on a whole-number objective, a hair of
 * floating point below it forgiven */
static int64_t ceil_bound(double b)
{
	if (!(b > 0)) {
		return 0;
	}
	b = b < 1e15 ? b : 1e15;
	double f = (double)(int64_t)b;

	return b - f > 1e-6 ? (int64_t)f + 1 : (int64_t)f;
}

void lv_exact_search(const struct lv *lv, const int *start, double end, int *w,
		     struct lv_exact *out)
{
	struct model md = {.lv = lv};
	int *x = malloc((lv->m + 1) * sizeof(int));
	int *best = malloc((lv->m + 1) * sizeof(int));
	int64_t *load = malloc((lv->T * lv->nq + 1) * sizeof(int64_t));

	memset(out, 0, sizeof(*out));
	md.col0 = malloc((lv->m + 1) * sizeof(size_t));
	if (!x || !best || !load || !md.col0) {
		out->nomem = true;
		goto done;
	}
	for (size_t j = 0; j < lv->m; j++) {
		md.col0[j] = md.ncols;
		md.ncols += (size_t)(lv->ub[j] - lv->lb[j] + 1);
	}
	md.end_base = INT64_MAX;
	for (size_t i = 0; i < lv->n; i++) {
		const struct roadmap_initiative *in = &lv->rm->inits[i];
		if (lv->role[i] == LV_FIXED) {
			md.fixed_late += lv_late(lv, i, 0);
			md.fixed_end =
			    !md.has_fixed_end || in->end > md.fixed_end
				? in->end
				: md.fixed_end;
			md.has_fixed_end = true;
		} else if (lv->role[i] == LV_MOVABLE) {
			int64_t e = (int64_t)in->end + 7 * lv->lb[lv->slot[i]];
			md.end_base = e < md.end_base ? e : md.end_base;
		}
	}
	if (start) {
		memcpy(best, start, lv->m * sizeof(int));
		out->found = true;
	}
	struct stage sg = {0};
	bool proven = false, infeasible = false;
	double bound = 0;
	for (sg.which = 1; sg.which <= 3; sg.which++) {
		if (sg.which >= 2) {
			sg.hold_late = movable_late(lv, best);
		}
		if (sg.which == 3) {
			sg.hold_weeks = weeks(lv, best);
		}
		bool got = solve(&md, &sg, out->found ? best : NULL, end, x,
				 &proven, &infeasible, &bound, &out->nomem);
		if (out->nomem) {
			goto done;
		}
		if (got && lv_valid(lv, x, load)) {
			bool better = !out->found;
			if (!better) {
				struct roadmap_level_objective a, b;
				lv_eval(lv, x, &a);
				lv_eval(lv, best, &b);
				better = !lv_worse(&a, &b);
			}
			if (better) {
				memcpy(best, x, lv->m * sizeof(int));
			}
			out->found = true;
		} else if (got) {
			proven = false; /* its plan breaks a true limit */
		}
		if (sg.which == 1 && infeasible && !out->found) {
			out->infeasible = true;
			goto done;
		}
		if (!proven || !out->found) {
			int64_t b = ceil_bound(bound);
			if (sg.which == 1) {
				out->bound.late_days = md.fixed_late + b;
			} else if (sg.which == 2) {
				out->bound.delay_days = 7 * b;
			}
			break;
		}
		if (sg.which == 1) {
			out->bound.late_days =
			    md.fixed_late + movable_late(lv, best);
		} else if (sg.which == 2) {
			out->bound.delay_days = 7 * weeks(lv, best);
		}
	}
	out->proven = proven && sg.which > 3;
	if (out->proven) {
		lv_eval(lv, best, &out->bound);
	}
	if (out->found) {
		memcpy(w, best, lv->m * sizeof(int));
	}
done:
	free(md.col0);
	free(x);
	free(best);
	free(load);
}
