/*
 * deck-tracking.c - the board deck's tracking columns (roadmap(1), status): the
 * goals' current value, progress and state, and the earned value of the
 * initiatives that have started, as of the export's day. Only a roadmap
 * that records progress or measurements has them; one that records none
 * says "not tracked yet" in their place (docs/decisions.md).
 */
#include "deck.h"

#include <stdio.h>
#include <stdlib.h>

const char *const rm_deck_goal_names[RM_DECK_GOAL_COLS] = {
    "Current", "Progress", "Expected", "State", "Score"};
/* State: "not-measured" and its indent */
const double rm_deck_goal_widths[RM_DECK_GOAL_COLS] = {24, 10, 10, 15, 7};
const char *const rm_deck_ev_names[RM_DECK_EV_COLS] = {
    "Planned %", "Progress %", "PV", "EV",  "AC",
    "SPI",	 "CPI",	       "EAC", "VAC", "Late"};
const double rm_deck_ev_widths[RM_DECK_EV_COLS] = {25, 11, 16, 16, 16,
						   7,  7,  16, 16, 7};

enum roadmap_status rm_deck_tracking(struct deck *d,
				     const struct roadmap_export_options *o,
				     struct roadmap_error *err)
{
	const struct roadmap *rm = d->rm;

	d->tr_ok = false;
	d->untracked = !roadmap_has_tracking(rm);
	if (!d->a->tr_ok) {
		return ROADMAP_OK;
	}
	d->ev = calloc(rm->n_inits + 1, sizeof(*d->ev));
	if (!d->ev) {
		return rm_nomem(err);
	}
	for (size_t k = 0; k < d->a->tr.n_initiatives; k++) {
		d->ev[d->a->tr.initiatives[k].index] = &d->a->tr.initiatives[k];
	}
	/* the first header of each group names the day */
	char day[16];
	roadmap_day_format(o->as_of, day);
	snprintf(d->goal_head, sizeof(d->goal_head), "%s on %s",
		 rm_deck_goal_names[0], day);
	snprintf(d->ev_head, sizeof(d->ev_head), "%s on %s",
		 rm_deck_ev_names[0], day);
	d->tr_ok = true;
	return ROADMAP_OK;
}

void rm_deck_tracking_release(struct deck *d)
{
	free(d->ev);
	d->ev = NULL;
	d->tr_ok = false;
}

void rm_deck_goal_cells(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
			size_t g, lxw_col_t c)
{
	const struct roadmap_goal_tracking *x = &d->a->tr.goals[g];
	const char *state = roadmap_goal_state_name(x->state);

	if (x->has_current) {
		worksheet_write_number(ws, r, c, x->current, NULL);
	}
	if (x->has_progress) {
		worksheet_write_number(ws, r, c + 1, x->progress, d->pct);
		worksheet_write_number(ws, r, c + 4, x->score, d->num);
	}
	if (x->has_expected) {
		worksheet_write_number(ws, r, c + 2, x->expected, d->pct);
	}
	rm_deck_str(ws, r, c + 3, state,
		    x->state == ROADMAP_GOAL_AT_RISK ||
			    x->state == ROADMAP_GOAL_MISSED
			? d->word_red
			: d->word);
}

void rm_deck_ev_cells(struct deck *d, lxw_worksheet *ws, lxw_row_t r,
		      size_t i, lxw_col_t c)
{
	const struct roadmap_earned_value *x = d->ev[i];

	if (!x) { /* not started by then, or cancelled */
		return;
	}
	worksheet_write_number(ws, r, c, x->planned_pct / 100, d->pct);
	worksheet_write_number(ws, r, c + 1, x->progress / 100, d->pct);
	worksheet_write_number(ws, r, c + 2, rm_deck_units(x->pv), d->money);
	worksheet_write_number(ws, r, c + 3, rm_deck_units(x->ev), d->money);
	worksheet_write_number(ws, r, c + 4, rm_deck_units(x->ac), d->money);
	if (x->has_spi) {
		worksheet_write_number(ws, r, c + 5, x->spi, d->ratio);
	}
	if (x->has_cpi) {
		worksheet_write_number(ws, r, c + 6, x->cpi, d->ratio);
	}
	if (x->has_eac) {
		worksheet_write_number(ws, r, c + 7, rm_deck_units(x->eac),
				       d->money);
		worksheet_write_number(ws, r, c + 8, rm_deck_units(x->vac),
				       d->money);
	}
	rm_deck_str(ws, r, c + 9, x->late ? "late" : NULL,
		    x->late ? d->word_red : NULL);
}
