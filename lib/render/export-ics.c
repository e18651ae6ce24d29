/*
 * export-ics.c - the roadmap as an iCalendar file (roadmap(1), export
 * --format ics; RFC 5545): one all-day event per counting initiative, from
 * its start to its end, and one per goal due date. UIDs are the ids, so a
 * calendar that subscribes to the file sees an initiative move, not a new
 * event. Text is escaped, lines are folded at 75 octets (never inside a
 * UTF-8 character) and end in CRLF, as the RFC asks.
 */
#include "internal.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FOLD 75 /* octets a line may hold, without its CRLF */

/*
 * Appends one content line: name, then value (already escaped), folded
 * into lines of at most 75 octets, a continuation beginning with a space.
 */
static void line(struct strbuf *b, const char *name, const char *value)
{
	size_t n = strlen(name), v = strlen(value), at = 0, used;

	sb_put(b, name, n);
	used = n;
	while (at < v) {
		size_t room = FOLD - used, take = v - at;
		if (take > room) {
			take = room;
			/* back up to the first byte of a UTF-8 character */
			while (take > 0 && ((unsigned char)value[at + take] &
					    0xC0) == 0x80) {
				take--;
			}
		}
		sb_put(b, value + at, take);
		at += take;
		if (at < v) {
			sb_put(b, "\r\n ", 3);
			used = 1;
		}
	}
	sb_put(b, "\r\n", 2);
}

/* TEXT escaped (RFC 5545, 3.3.11): backslash, semicolon, comma, newline. */
static void escape(struct strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\\':
		case ';':
		case ',':
			sb_put(b, "\\", 1);
			sb_put(b, s, 1);
			break;
		case '\n':
			sb_put(b, "\\n", 2);
			break;
		case '\r':
			break;
		default:
			sb_put(b, s, 1);
		}
	}
}

/* One TEXT property: the escaped value through a scratch buffer. */
static void text(struct strbuf *b, struct strbuf *t, const char *name,
		 const char *value)
{
	t->len = 0;
	escape(t, value);
	sb_put(t, "", 1); /* its NUL */
	line(b, name, t->failed ? "" : t->data);
}

/* A DATE value (20260701). */
static void date(struct strbuf *b, const char *name, roadmap_day day)
{
	char v[16];
	int y, m, d;

	roadmap_day_to_ymd(day, &y, &m, &d);
	snprintf(v, sizeof(v), "%04d%02d%02d", y, m, d);
	line(b, name, v);
}

/* "Label: value" lines of a description, skipping what is absent. */
static void field(struct strbuf *t, const char *label, const char *value)
{
	if (value && *value) {
		sb_puts(t, label);
		sb_puts(t, ": ");
		sb_puts(t, value);
		sb_puts(t, "\n");
	}
}

static void initiative(struct strbuf *b, struct strbuf *t,
		       const struct roadmap *rm,
		       const struct roadmap_initiative *in, const char *stamp)
{
	char uid[96], m[40], goals[1024] = "";

	snprintf(uid, sizeof(uid), "initiative-%s@roadmap", in->id);
	for (size_t g = 0; g < in->n_goals; g++) {
		size_t k = strlen(goals);
		snprintf(goals + k, sizeof(goals) - k, "%s%s", g ? ", " : "",
			 in->goals[g]);
	}
	line(b, "BEGIN:VEVENT", "");
	line(b, "UID:", uid);
	line(b, "DTSTAMP:", stamp);
	date(b, "DTSTART;VALUE=DATE:", in->start);
	date(b, "DTEND;VALUE=DATE:", in->end + 1); /* the day after */
	text(b, t, "SUMMARY:", in->title);
	/* the description: what a person looks for when the event opens */
	struct strbuf d = {0};
	field(&d, "Initiative", in->id);
	field(&d, "Status", roadmap_initiative_status_name(in->status));
	field(&d, "Pillar", in->pillar);
	field(&d, "Owner", in->owner);
	field(&d, "Team", in->team);
	field(&d, "Goals", goals);
	snprintf(goals, sizeof(goals), "%s %s", rm->currency,
		 roadmap_money_format(in->opex + in->capex, true, m));
	field(&d, "Planned spend", goals);
	if (in->notes) {
		sb_puts(&d, "\n");
		sb_puts(&d, in->notes);
	}
	if (d.len && d.data[d.len - 1] == '\n') {
		d.len--;
	}
	sb_put(&d, "", 1);
	b->failed |= d.failed;
	text(b, t, "DESCRIPTION:", d.failed ? "" : d.data);
	sb_release(&d);
	if (in->pillar) {
		text(b, t, "CATEGORIES:", in->pillar);
	}
	line(b, "STATUS:",
	     in->status == ROADMAP_PROPOSED ? "TENTATIVE" : "CONFIRMED");
	line(b, "TRANSP:", "TRANSPARENT");
	line(b, "END:VEVENT", "");
}

static void goal(struct strbuf *b, struct strbuf *t,
		 const struct roadmap_goal *g, const char *stamp)
{
	char uid[96];
	struct strbuf s = {0}, d = {0};
	char *metric = roadmap_goal_metric_text(g, true);

	snprintf(uid, sizeof(uid), "goal-%s@roadmap", g->id);
	sb_puts(&s, "Due: ");
	sb_puts(&s, g->title);
	sb_put(&s, "", 1);
	field(&d, "Goal", g->id);
	field(&d, "Measure", metric);
	field(&d, "Owner", g->owner);
	if (g->notes) {
		sb_puts(&d, "\n");
		sb_puts(&d, g->notes);
	}
	if (d.len && d.data[d.len - 1] == '\n') {
		d.len--;
	}
	sb_put(&d, "", 1);
	b->failed |= s.failed || d.failed || !metric;
	line(b, "BEGIN:VEVENT", "");
	line(b, "UID:", uid);
	line(b, "DTSTAMP:", stamp);
	date(b, "DTSTART;VALUE=DATE:", g->due);
	date(b, "DTEND;VALUE=DATE:", g->due + 1);
	text(b, t, "SUMMARY:", s.failed ? "" : s.data);
	text(b, t, "DESCRIPTION:", d.failed ? "" : d.data);
	line(b, "TRANSP:", "TRANSPARENT");
	line(b, "END:VEVENT", "");
	free(metric);
	sb_release(&s);
	sb_release(&d);
}

/* Whether a counting initiative of rm serves goal g. */
static bool served(const struct roadmap *rm, const struct roadmap_goal *g)
{
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		for (size_t k = 0;
		     roadmap_initiative_counts(in) && k < in->n_goals; k++) {
			if (strcmp(in->goals[k], g->id) == 0) {
				return true;
			}
		}
	}
	return false;
}

enum roadmap_status rm_export_ics(const struct roadmap *rm,
				  const struct roadmap_export_options *opt,
				  char **out, size_t *len,
				  struct roadmap_error *err)
{
	struct strbuf b = {0}, t = {0};
	char stamp[32], iso[40];
	time_t now = time(NULL);
	struct tm tm;
	const char *selection =
	    opt && opt->selection && *opt->selection ? opt->selection : NULL;
	const char *scenario =
	    opt && opt->scenario && *opt->scenario ? opt->scenario : NULL;

	/* DTSTAMP: when the file was made (SOURCE_DATE_EPOCH when set) */
	roadmap_source_date(iso, sizeof(iso), &now);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	line(&b, "BEGIN:VCALENDAR", "");
	line(&b, "VERSION:", "2.0");
	line(&b, "PRODID:", "-//roadmap//roadmap " ROADMAP_VERSION "//EN");
	line(&b, "CALSCALE:", "GREGORIAN");
	line(&b, "METHOD:", "PUBLISH");
	{
		struct strbuf n = {0};
		sb_puts(&n, rm->name && *rm->name ? rm->name : "Roadmap");
		if (selection) {
			sb_puts(&n, " (Selection: ");
			sb_puts(&n, selection);
			sb_puts(&n, ")");
		}
		if (scenario) {
			sb_puts(&n, " (Scenario: ");
			sb_puts(&n, scenario);
			sb_puts(&n, ")");
		}
		sb_put(&n, "", 1);
		b.failed |= n.failed;
		text(&b, &t, "X-WR-CALNAME:", n.failed ? "" : n.data);
		sb_release(&n);
	}
	for (size_t i = 0; i < rm->n_inits; i++) {
		const struct roadmap_initiative *in = &rm->inits[i];
		if (roadmap_initiative_counts(in) && in->end >= in->start) {
			initiative(&b, &t, rm, in, stamp);
		}
	}
	/* a goal's due date; under a selection, only the goals its
	 * initiatives serve */
	for (size_t i = 0; i < rm->n_goals; i++) {
		const struct roadmap_goal *g = &rm->goals[i];
		if (g->has_due && (!selection || served(rm, g))) {
			goal(&b, &t, g, stamp);
		}
	}
	line(&b, "END:VCALENDAR", "");
	b.failed |= t.failed;
	sb_release(&t);
	if (b.failed || !b.data) {
		sb_release(&b);
		return rm_nomem(err);
	}
	sb_put(&b, "", 1); /* NUL-terminated, not counted */
	if (b.failed) {
		sb_release(&b);
		return rm_nomem(err);
	}
	*len = b.len - 1;
	*out = b.data;
	return ROADMAP_OK;
}
