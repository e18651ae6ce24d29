/*
 * findings.c - what makes a finding usable in a pipeline (roadmap(1), check):
 * its fingerprint, the baseline that leaves known findings out, and GitHub's
 * workflow commands; their order, and whether one concerns an id. SARIF and
 * JUnit are in render/pipeline.c.
 *
 * A known finding whose amount grew (an overrun's excess, a load above
 * capacity; see roadmap_finding) is not left out: a gate on what a change
 * introduces must see a quarter's overrun grow from 5,000 to 500,000.
 *
 * A fingerprint is FNV-1a (128 bits, the published offset basis and prime)
 * of the code, the subject and the sorted related ids, separated by bytes
 * no id or text can hold; never of a line or a message, so reformatting,
 * reordering or rewording the file or the tool's messages changes none.
 * Findings that would share one (two quarters' actuals of one initiative
 * are told apart by the quarter; anything else identical by its rank among
 * its equals) stay distinct.
 */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fnv {
	struct rm_u128 h;
};

static void fnv_init(struct fnv *f)
{
	f->h.hi = 0x6c62272e07bb0142u;
	f->h.lo = 0x62b821756295c58du;
}

/* h = (h ^ byte) * (2^88 + 0x13b), modulo 2^128. The product of lo and
 * the small 0x13b is worked out here from lo's 32-bit halves (a check
 * fingerprints every finding, a byte at a time). */
static void fnv_byte(struct fnv *f, unsigned char c)
{
	uint64_t hi = f->h.hi, lo = f->h.lo ^ c;
	uint64_t top = (lo >> 32) * 0x13b, bottom = (lo & 0xffffffffu) * 0x13b;

	f->h.lo = lo * 0x13b;
	f->h.hi = ((top + (bottom >> 32)) >> 32) + hi * 0x13b + (lo << 24);
}

static void fnv_text(struct fnv *f, unsigned char sep, const char *s)
{
	fnv_byte(f, sep);
	for (; *s; s++) {
		fnv_byte(f, (unsigned char)*s);
	}
}

void rm_finding_fingerprint(struct roadmap_finding *x, const char *extra,
			    size_t rank)
{
	struct fnv f;
	char n[24];

	fnv_init(&f);
	fnv_text(&f, 0x1f, x->code);
	fnv_text(&f, 0x1f, x->subject ? x->subject : "");
	for (size_t k = 0; k < x->n_related; k++) {
		fnv_text(&f, 0x1e, x->related[k]);
	}
	if (extra) {
		fnv_text(&f, 0x1d, extra);
	}
	if (rank > 0) {
		snprintf(n, sizeof(n), "%zu", rank);
		fnv_text(&f, 0x1c, n);
	}
	for (int k = 0; k < 16; k++) {
		x->fingerprint[k] =
		    "0123456789abcdef"[(f.h.hi >> (60 - 4 * k)) & 15];
		x->fingerprint[16 + k] =
		    "0123456789abcdef"[(f.h.lo >> (60 - 4 * k)) & 15];
	}
	x->fingerprint[32] = '\0';
}

/*
 * Findings that share a fingerprint are told apart by their rank among
 * their equals, in the findings' order (by code, then subject): the first
 * keeps it, the next have it again with their rank added.
 */
bool rm_findings_fingerprints(struct roadmap_findings *f)
{
	struct idmap seen = {0};
	size_t *equals = calloc(f->n + 1, sizeof(*equals)), first;

	if (!equals || !idmap_reserve(&seen, f->n)) {
		free(equals);
		return false;
	}
	for (size_t i = 0; i < f->n; i++) {
		struct roadmap_finding *x = &f->items[i];
		if (!x->fingerprint[0]) {
			rm_finding_fingerprint(x, NULL, 0);
		}
		/* reserved: cannot fail; the first one's stays as it is */
		if (idmap_add(&seen, x->fingerprint, i, &first) == 0) {
			char base[33];
			memcpy(base, x->fingerprint, sizeof(base));
			rm_finding_fingerprint(x, base, ++equals[first]);
		}
	}
	idmap_release(&seen);
	free(equals);
	return true;
}

/* What a rule's amount is called in the note of a finding that grew. */
static const char *amount_name(const char *code)
{
	static const char *const names[][2] = {
	    {"capacity-overrun", "load above capacity"},
	    {"cost-at-risk", "excess over its budget"},
	    {"envelope-mismatch", "difference"},
	    {"unbudgeted-spend", "spend no envelope covers"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(code, names[i][0]) == 0) {
			return names[i][1];
		}
	}
	return "excess";
}

static const char *amount_text(const struct roadmap_findings *f,
			       enum roadmap_amount_kind kind, int64_t v,
			       char *buf)
{
	char n[32];

	if (kind == ROADMAP_AMOUNT_FTE) {
		snprintf(buf, 48, "%s FTE", rm_hundredths_format(v, n));
	} else {
		snprintf(buf, 48, "%s %s", f->currency,
			 roadmap_money_format(v, true, n));
	}
	return buf;
}

/* Whether x is worse than old's finding o of the same fingerprint: an
 * amount of the same kind (money in the same currency) that grew. */
static bool grew(const struct roadmap_findings *f,
		 const struct roadmap_finding *x,
		 const struct roadmap_findings *old,
		 const struct roadmap_finding *o)
{
	return x->amount_kind != ROADMAP_AMOUNT_NONE &&
	       x->amount_kind == o->amount_kind && x->amount > o->amount &&
	       (x->amount_kind != ROADMAP_AMOUNT_MONEY ||
		strcmp(f->currency, old->currency) == 0);
}

/* Marks x as grown from was, and says so at the end of its message (left
 * as it was when memory runs out: the mark is what gates). */
static void mark_grown(const struct roadmap_findings *f,
		       struct roadmap_finding *x, int64_t was)
{
	char a[48], b[48], note[200];

	x->baseline = ROADMAP_BASELINE_UPDATED;
	x->baseline_amount = was;
	snprintf(note, sizeof(note),
		 " (the %s grew since the baseline, from %s to %s)",
		 amount_name(x->code), amount_text(f, x->amount_kind, was, a),
		 amount_text(f, x->amount_kind, x->amount, b));
	size_t n = strlen(x->message), k = strlen(note);
	char *m = realloc(x->message, n + k + 1);
	if (m) {
		memcpy(m + n, note, k + 1);
		x->message = m;
	}
}

void roadmap_findings_subtract(struct roadmap_findings *f,
			       const struct roadmap_findings *old)
{
	struct idmap seen = {0};
	bool hashed = old && idmap_reserve(&seen, old->n);
	size_t kept = 0, v = 0;

	for (size_t k = 0; hashed && k < old->n; k++) {
		hashed = idmap_put(&seen, old->items[k].fingerprint, k);
	}
	f->errors = f->warnings = f->infos = 0;
	for (size_t i = 0; i < f->n; i++) {
		struct roadmap_finding *x = &f->items[i];
		bool known = false;
		if (hashed) {
			known = idmap_get(&seen, x->fingerprint, &v);
		} else {
			for (size_t k = 0; old && !known && k < old->n; k++) {
				known = strcmp(old->items[k].fingerprint,
					       x->fingerprint) == 0;
				v = k;
			}
		}
		if (known && grew(f, x, old, &old->items[v])) {
			mark_grown(f, x, old->items[v].amount);
			f->grew++;
		} else if (known) {
			free(x->subject);
			free(x->message);
			rm_list_free(rm_list_own(x->related), x->n_related);
			f->known++;
			continue;
		} else {
			x->baseline = ROADMAP_BASELINE_NEW;
		}
		f->errors += x->severity == ROADMAP_SEVERITY_ERROR;
		f->warnings += x->severity == ROADMAP_SEVERITY_WARNING;
		f->infos += x->severity == ROADMAP_SEVERITY_INFO;
		f->items[kept++] = *x;
	}
	f->n = kept;
	f->baselined = true;
	idmap_release(&seen);
}

bool rm_finding_concerns(const struct roadmap_finding *x, const char *id)
{
	if (strcmp(x->subject, id) == 0) {
		return true;
	}
	for (size_t k = 0; k < x->n_related; k++) {
		if (strcmp(x->related[k], id) == 0) {
			return true;
		}
	}
	return false;
}


/* ------------------------------------------------------------- github */

/* A workflow command's data escapes %, CR and LF; a property's value also
 * ':' and ','. Other bytes pass (the runner reads UTF-8), except what must
 * not reach the log raw (roadmap_text_char: an ESC, a byte that is not
 * UTF-8, a bidirectional control in the file's name), written \xNN. */
static void gh_escape(struct strbuf *b, const char *s, bool property)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		bool unsafe;
		size_t k = roadmap_text_char(s + i, len - i, &unsafe);
		char hex[8];
		switch (s[i]) {
		case '%':
			sb_puts(b, "%25");
			break;
		case '\r':
			sb_puts(b, "%0D");
			break;
		case '\n':
			sb_puts(b, "%0A");
			break;
		case ':':
			sb_puts(b, property ? "%3A" : ":");
			break;
		case ',':
			sb_puts(b, property ? "%2C" : ",");
			break;
		default:
			for (size_t j = 0; unsafe && j < k; j++) {
				snprintf(hex, sizeof(hex), "\\x%02x",
					 (unsigned char)s[i + j]);
				sb_puts(b, hex);
			}
			if (!unsafe) {
				sb_put(b, s + i, k);
			}
		}
		i += k;
	}
}

enum roadmap_status
roadmap_findings_github(const struct roadmap_findings *f,
			const struct roadmap_pipeline_options *o, char **out,
			struct roadmap_error *err)
{
	static const char *const level[] = {"error", "warning", "notice"};
	struct strbuf b = {0};
	char n[24];

	*out = NULL;
	for (size_t i = 0; i < f->n; i++) {
		const struct roadmap_finding *x = &f->items[i];
		sb_puts(&b, "::");
		sb_puts(&b, level[x->severity]);
		sb_puts(&b, " file=");
		gh_escape(&b, o && o->file ? o->file : "roadmap.json", true);
		snprintf(n, sizeof(n),
			 ",line=%ld,title=", x->line ? x->line : 1);
		sb_puts(&b, n);
		gh_escape(&b, x->code, true);
		sb_puts(&b, "::");
		gh_escape(&b, x->subject, false);
		sb_puts(&b, ": ");
		gh_escape(&b, x->message, false);
		sb_puts(&b, "\n");
	}
	sb_put(&b, "", 1);
	if (b.failed) {
		sb_release(&b);
		return rm_nomem(err);
	}
	*out = b.data;
	return ROADMAP_OK;
}

/* Sorts pointers into the findings' array, so the comparator needs no
 * state of its own (no global: the library may run in many threads). */
static int by_order(const void *a, const void *b)
{
	const struct roadmap_finding *x =
	    *(const struct roadmap_finding *const *)a;
	const struct roadmap_finding *y =
	    *(const struct roadmap_finding *const *)b;
	int d;

	if (x->severity != y->severity) {
		return x->severity < y->severity ? -1 : 1;
	}
	/* codes are the rules' literals: most pairs share one */
	if ((x->code != y->code && (d = strcmp(x->code, y->code)) != 0) ||
	    (d = strcmp(x->subject, y->subject)) != 0) {
		return d;
	}
	return x < y ? -1 : x > y; /* stable: the order they were found */
}

bool rm_findings_sort(struct roadmap_findings *f)
{
	const struct roadmap_finding **idx = malloc((f->n + 1) * sizeof(*idx));
	struct roadmap_finding *sorted = malloc((f->n + 1) * sizeof(*sorted));

	if (!idx || !sorted) {
		free(idx);
		free(sorted);
		return false;
	}
	for (size_t i = 0; i < f->n; i++) {
		idx[i] = &f->items[i];
	}
	qsort(idx, f->n, sizeof(*idx), by_order);
	for (size_t i = 0; i < f->n; i++) {
		sorted[i] = *idx[i];
		switch (sorted[i].severity) {
		case ROADMAP_SEVERITY_ERROR:
			f->errors++;
			break;
		case ROADMAP_SEVERITY_WARNING:
			f->warnings++;
			break;
		case ROADMAP_SEVERITY_INFO:
			f->infos++;
			break;
		}
	}
	free(f->items);
	f->items = sorted;
	free(idx);
	return true;
}
