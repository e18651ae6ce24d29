/*
 * roadmap-names.h - the roadmap file's words, spelled once.
 *
 * Every JSON key of the file format (roadmap(5)) and the kind words that
 * messages, CSV headers and reports share. The library's field tables
 * (docs/decisions.md, "One model of fields"), its loader, saver, reports and
 * the command line all take a name from here, so that renaming a key is one
 * edit. An embedder may use them with roadmap_set() and roadmap_item_fields().
 */
#ifndef ROADMAP_NAMES_H
#define ROADMAP_NAMES_H

/* The file's top-level keys. */
#define ROADMAP_KEY_FORMAT "format"
#define ROADMAP_KEY_NAME "name"
#define ROADMAP_KEY_CURRENCY "currency"
#define ROADMAP_KEY_FISCAL_YEAR_START "fiscal_year_start"
#define ROADMAP_KEY_PILLARS "pillars"
#define ROADMAP_KEY_POLICY "policy"
#define ROADMAP_KEY_TEAMS "teams"
#define ROADMAP_KEY_GOALS "goals"
#define ROADMAP_KEY_INITIATIVES "initiatives"
#define ROADMAP_KEY_BUDGETS "budgets"
#define ROADMAP_KEY_TARGET_MIX "target_mix"
#define ROADMAP_KEY_SCENARIOS "scenarios"
/* A scenario's keys, and its changes' (roadmap(5), SCENARIOS). */
#define ROADMAP_KEY_CHANGES "changes"
#define ROADMAP_KEY_KIND "kind"
#define ROADMAP_KEY_FIELD "field"
#define ROADMAP_KEY_BASE "base"
#define ROADMAP_KEY_VALUE "value"
/* budget --by pillar's share columns, in its JSON and CSV. */
#define ROADMAP_KEY_SHARE "share"
#define ROADMAP_KEY_ACTUAL_ESTIMATED "actual_estimated"
#define ROADMAP_WORD_ESTIMATED "estimated"
#define ROADMAP_KEY_TARGET_SHARE "target_share"

/* The kinds of item, as messages and reports name one. */
#define ROADMAP_WORD_GOAL "goal"
#define ROADMAP_WORD_INITIATIVE "initiative"
#define ROADMAP_WORD_TEAM "team"
#define ROADMAP_WORD_BUDGET "budget"
/* A change of a scenario to a setting; the roadmap itself among them. */
#define ROADMAP_WORD_SETTING "setting"
#define ROADMAP_WORD_BASE "base"

/* Item fields (a goal's, an initiative's, a team's, an envelope's). */
#define ROADMAP_FIELD_ID "id"
#define ROADMAP_FIELD_TITLE "title"
#define ROADMAP_FIELD_METRIC "metric"
#define ROADMAP_FIELD_BASELINE "baseline"
#define ROADMAP_FIELD_TARGET "target"
#define ROADMAP_FIELD_UNIT "unit"
#define ROADMAP_FIELD_DUE "due"
#define ROADMAP_FIELD_OWNER "owner"
#define ROADMAP_FIELD_PRIORITY "priority"
#define ROADMAP_FIELD_GOALS ROADMAP_KEY_GOALS
#define ROADMAP_FIELD_PILLAR "pillar"
#define ROADMAP_FIELD_STAGE "stage"
#define ROADMAP_FIELD_STATUS "status"
#define ROADMAP_FIELD_TEAM ROADMAP_WORD_TEAM
#define ROADMAP_FIELD_START "start"
#define ROADMAP_FIELD_END "end"
#define ROADMAP_FIELD_OPTIMISTIC "optimistic"
#define ROADMAP_FIELD_PESSIMISTIC "pessimistic"
#define ROADMAP_FIELD_OPEX "opex"
#define ROADMAP_FIELD_CAPEX "capex"
#define ROADMAP_FIELD_FTE "fte"
#define ROADMAP_FIELD_DEPENDS_ON "depends_on"
#define ROADMAP_FIELD_BENEFIT "benefit"
#define ROADMAP_FIELD_ACTUALS "actuals"
#define ROADMAP_FIELD_PROGRESS "progress"
#define ROADMAP_FIELD_MEASUREMENTS "measurements"
#define ROADMAP_FIELD_CAPACITY "capacity"
#define ROADMAP_FIELD_CAPACITY_CHANGES "capacity_changes"
#define ROADMAP_FIELD_PERIOD "period"
#define ROADMAP_FIELD_AMOUNT "amount"
#define ROADMAP_FIELD_NOTES "notes"
#define ROADMAP_FIELD_MANDATORY "mandatory"
#define ROADMAP_FIELD_USEFUL_LIFE "useful_life"
#define ROADMAP_FIELD_IN_SERVICE "in_service"

/* Words of the reports that are not fields. */
#define ROADMAP_WORD_QUARTER "quarter"
#define ROADMAP_WORD_YEAR "year"
#define ROADMAP_WORD_MONTH "month"
#define ROADMAP_WORD_TOTAL "total"
/* The columns of the progress and measurements CSV tables. */
#define ROADMAP_WORD_DATE "date"
#define ROADMAP_WORD_PERCENT "percent"
#define ROADMAP_WORD_VALUE "value"

#endif
