/*
 * export-ics.c - the roadmap as an iCalendar file (roadmap(1), export
 * --format ics; RFC 5545): one all-day event per counting initiative, from
 * its start to its end, and one per goal due date. UIDs are the ids with
 * the roadmap's name as their domain, so a calendar that subscribes to the
 * file sees an initiative move, not a new event. Text is escaped, lines are folded at 75 octets (never inside a
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

/* An all-day event, its description built by its writer. */
struct event {
	const char *kind, *id; /* its UID: KIND-ID@DOMAIN */
	roadmap_day first, last;
	struct strbuf summary, desc;
	const char *category, *status; /* NULL: none */
};

/*
 * Writes event e (its description ends with notes after a blank line)
 * and releases its buffers. DTEND is the day after the last: RFC 5545
 * counts all-day events so.
 */
static void event(struct strbuf *b, struct strbuf *t, struct event *e,
		  const char *notes, const char *stamp, const char *domain)
{
	char uid[256];

	snprintf(uid, sizeof(uid), "%s-%s@%s", e->kind, e->id, domain);
	if (notes) {
		sb_puts(&e->desc, "\n");
		sb_puts(&e->desc, notes);
	}
	if (e->desc.len && e->desc.data[e->desc.len - 1] == '\n') {
		e->desc.len--;
	}
	sb_put(&e->summary, "", 1);
	sb_put(&e->desc, "", 1);
	b->failed |= e->summary.failed || e->desc.failed;
	line(b, "BEGIN:VEVENT", "");
	line(b, "UID:", uid);
	line(b, "DTSTAMP:", stamp);
	date(b, "DTSTART;VALUE=DATE:", e->first);
	date(b, "DTEND;VALUE=DATE:", e->last + 1);
	text(b, t, "SUMMARY:", e->summary.failed ? "" : e->summary.data);
	text(b, t, "DESCRIPTION:", e->desc.failed ? "" : e->desc.data);
	if (e->category) {
		text(b, t, "CATEGORIES:", e->category);
	}
	if (e->status) {
		line(b, "STATUS:", e->status);
	}
	line(b, "TRANSP:", "TRANSPARENT");
	line(b, "END:VEVENT", "");
	sb_release(&e->summary);
	sb_release(&e->desc);
}

static void initiative(struct strbuf *b, struct strbuf *t,
		       const struct roadmap *rm,
		       const struct roadmap_initiative *in, const char *stamp,
		       const char *domain)
{
	struct event e = {.kind = "initiative",
			  .id = in->id,
			  .first = in->start,
			  .last = in->end,
			  .category = in->pillar,
			  .status = in->status == ROADMAP_PROPOSED
					? "TENTATIVE"
					: "CONFIRMED"};
	char m[40];

	sb_puts(&e.summary, in->title);
	field(&e.desc, "Initiative", in->id);
	field(&e.desc, "Status", roadmap_initiative_status_name(in->status));
	field(&e.desc, "Pillar", in->pillar);
	field(&e.desc, "Owner", in->owner);
	field(&e.desc, "Team", in->team);
	for (size_t g = 0; g < in->n_goals; g++) {
		sb_puts(&e.desc, g ? ", " : "Goals: ");
		sb_puts(&e.desc, in->goals[g]);
	}
	if (in->n_goals) {
		sb_puts(&e.desc, "\n");
	}
	sb_puts(&e.desc, "Planned spend: ");
	sb_puts(&e.desc, rm->currency);
	sb_puts(&e.desc, " ");
	sb_puts(&e.desc, roadmap_money_format(in->opex + in->capex, true, m));
	sb_puts(&e.desc, "\n");
	event(b, t, &e, in->notes, stamp, domain);
}

static void goal(struct strbuf *b, struct strbuf *t,
		 const struct roadmap_goal *g, const char *stamp,
		 const char *domain)
{
	struct event e = {
	    .kind = "goal", .id = g->id, .first = g->due, .last = g->due};
	char *metric = roadmap_goal_metric_text(g, true);

	sb_puts(&e.summary, "Due: ");
	sb_puts(&e.summary, g->title);
	field(&e.desc, "Goal", g->id);
	field(&e.desc, "Measure", metric);
	field(&e.desc, "Owner", g->owner);
	b->failed |= !metric;
	event(b, t, &e, g->notes, stamp, domain);
	free(metric);
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

/*
 * The UIDs' domain: the roadmap's name as a host name ("Acme FY2027" is
 * acme-fy2027.roadmap): letters and digits lowercased, every other run a
 * hyphen, at most 63; "roadmap" for a roadmap without a name. The same
 * name, the same UIDs.
 */
static void uid_domain(const char *name, char *buf, size_t size)
{
	size_t n = 0;

	for (const char *s = name ? name : ""; *s && n + 1 < 64; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z') {
			c = (char)(c - 'A' + 'a');
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			buf[n++] = c;
		} else if (n && buf[n - 1] != '-') {
			buf[n++] = '-';
		}
	}
	while (n && buf[n - 1] == '-') {
		n--;
	}
	snprintf(buf + n, size - n, "%sroadmap", n ? "." : "");
}

enum roadmap_status rm_export_ics(const struct roadmap *rm,
				  const struct roadmap_export_options *opt,
				  char **out, size_t *len,
				  struct roadmap_error *err)
{
	struct strbuf b = {0}, t = {0};
	char stamp[32], iso[40], domain[80];
	/* DTSTAMP: SOURCE_DATE_EPOCH, else when the roadmap file was last
	 * saved, else (from a pipe) 1980-01-01, as the deck's creation date:
	 * never the clock, so the same roadmap gives the same bytes */
	time_t made = rm->saved ? rm->saved : 315532800;
	struct tm tm;
	const char *selection =
	    opt && opt->selection && *opt->selection ? opt->selection : NULL;
	const char *scenario =
	    opt && opt->scenario && *opt->scenario ? opt->scenario : NULL;

	roadmap_source_date(iso, sizeof(iso), &made);
	gmtime_r(&made, &tm);
	uid_domain(rm->name, domain, sizeof(domain));
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
			initiative(&b, &t, rm, in, stamp, domain);
		}
	}
	/* a goal's due date; under a selection, only the goals its
	 * initiatives serve */
	for (size_t i = 0; i < rm->n_goals; i++) {
		const struct roadmap_goal *g = &rm->goals[i];
		if (g->has_due && (!selection || served(rm, g))) {
			goal(&b, &t, g, stamp, domain);
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
