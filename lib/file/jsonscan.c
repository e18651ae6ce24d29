/*
 * jsonscan.c - a strict pre-scan of JSON text before cJSON parses it.
 *
 * cJSON accepts things a roadmap file must not contain (invalid UTF-8, NUL
 * bytes, "\u0000", leading zeros, trailing garbage) and reports a syntax
 * error only as a pointer. This pass walks the bytes once with a small state
 * machine so every rejection gets a line, a column and a message people can
 * act on. It builds nothing: cJSON still does the parsing.
 */
#include "internal.h"
#include "json.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_DEPTH 64

enum state {
	S_VALUE,	/* a value is required */
	S_ARRAY_FIRST,	/* after '[': a value or ']' */
	S_OBJECT_FIRST, /* after '{': a key or '}' */
	S_KEY,		/* after ',' in an object */
	S_COLON,	/* after a key */
	S_OBJECT_NEXT,	/* after a member: ',' or '}' */
	S_ARRAY_NEXT,	/* after an element: ',' or ']' */
	S_DONE,		/* the document is complete */
};

struct scan {
	const unsigned char *p;
	size_t len, i;

	struct roadmap_error *err;
	const char *name;
};

/*
 * Positions are worked out only for an error: line and column (counting
 * characters, not bytes) of offset s->i. Scanning stays a tight loop.
 */
static enum roadmap_status fail(struct scan *s, const char *msg)
{
	if (s->err) {
		long line = 1, col = 1;
		for (size_t k = 0; k < s->i && k < s->len; k++) {
			if (s->p[k] == '\n') {
				line++;
				col = 1;
			} else if ((s->p[k] & 0xC0) != 0x80) {
				col++;
			}
		}
		rm_fail(s->err, ROADMAP_ERR_DATA, "%s", msg);
		snprintf(s->err->file, sizeof(s->err->file), "%s", s->name);
		s->err->line = line;
		s->err->column = col;
	}
	return ROADMAP_ERR_DATA;
}

static void step(struct scan *s, size_t bytes)
{
	s->i += bytes;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Reads 4 hex digits at s->p[at]; -1 when they are not there. */
static long hex4(const struct scan *s, size_t at)
{
	long v = 0;

	if (at + 4 > s->len) {
		return -1;
	}
	for (size_t k = 0; k < 4; k++) {
		int h = hexval(s->p[at + k]);
		if (h < 0) {
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

/* Whether any of the 8 bytes in w is a control character, not ASCII, a
 * quote or a backslash: never wrong when there is one (a false alarm
 * only sends those bytes through the careful loop). */
static bool plain8_not(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

	return ((w | ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
		 ((b - ones) & ~b)) &
		high) != 0;
}

static enum roadmap_status scan_string(struct scan *s)
{
	step(s, 1); /* the opening quote */
	for (;;) {
		/* the common case, eight bytes at a time */
		while (s->i + 8 <= s->len) {
			uint64_t w;
			memcpy(&w, s->p + s->i, 8);
			if (plain8_not(w)) {
				break;
			}
			s->i += 8;
		}
		/* printable ASCII that needs no attention */
		while (s->i < s->len && s->p[s->i] >= 0x20 &&
		       s->p[s->i] < 0x80 && s->p[s->i] != '"' &&
		       s->p[s->i] != '\\') {
			s->i++;
		}
		if (s->i >= s->len) {
			return fail(s, "unterminated string");
		}
		unsigned char c = s->p[s->i];
		if (c == '"') {
			step(s, 1);
			return ROADMAP_OK;
		}
		if (c == 0) {
			return fail(s, "NUL byte in a string");
		}
		if (c < 0x20) {
			return fail(s, "control character in a string "
				       "(write it as an escape like \\n)");
		}
		if (c == '\\') {
			if (s->i + 1 >= s->len) {
				return fail(s, "unterminated string");
			}
			unsigned char e = s->p[s->i + 1];
			if (e != 'u') {
				if (!strchr("\"\\/bfnrt", e) || e == 0) {
					return fail(s, "invalid escape in a "
						       "string");
				}
				step(s, 1);
				step(s, 1);
				continue;
			}
			long u = hex4(s, s->i + 2);
			if (u < 0) {
				return fail(s,
					    "invalid \\u escape in a string");
			}
			if (u == 0) {
				return fail(s, "\\u0000 is not allowed in a "
					       "string");
			}
			if (u >= 0xDC00 && u <= 0xDFFF) {
				return fail(s, "lone surrogate in a \\u "
					       "escape");
			}
			if (u >= 0xD800 && u <= 0xDBFF) {
				long lo = -1;
				if (s->i + 11 < s->len &&
				    s->p[s->i + 6] == '\\' &&
				    s->p[s->i + 7] == 'u') {
					lo = hex4(s, s->i + 8);
				}
				if (lo < 0xDC00 || lo > 0xDFFF) {
					return fail(s, "lone surrogate in a "
						       "\\u escape");
				}
				for (int k = 0; k < 6; k++) {
					step(s, 1);
				}
			}
			for (int k = 0; k < 6; k++) {
				step(s, 1);
			}
			continue;
		}
		if (c >= 0x80) {
			uint32_t cp;
			size_t k = rm_utf8_seq(s->p + s->i, s->len - s->i, &cp);
			if (k == 0) {
				return fail(s, "invalid UTF-8");
			}
			step(s, k);
			continue;
		}
		step(s, 1);
	}
}

static bool digit(const struct scan *s, size_t at)
{
	return at < s->len && s->p[at] >= '0' && s->p[at] <= '9';
}

static enum roadmap_status scan_number(struct scan *s)
{
	size_t at = s->i;

	if (s->p[s->i] == '-') {
		step(s, 1);
	}
	if (!digit(s, s->i)) {
		return fail(s, "invalid number");
	}
	if (s->p[s->i] == '0' && digit(s, s->i + 1)) {
		return fail(s, "leading zeros are not allowed in a number");
	}
	while (digit(s, s->i)) {
		step(s, 1);
	}
	if (s->i < s->len && s->p[s->i] == '.') {
		step(s, 1);
		if (!digit(s, s->i)) {
			return fail(s, "invalid number");
		}
		while (digit(s, s->i)) {
			step(s, 1);
		}
	}
	if (s->i < s->len && (s->p[s->i] == 'e' || s->p[s->i] == 'E')) {
		step(s, 1);
		if (s->i < s->len && (s->p[s->i] == '+' || s->p[s->i] == '-')) {
			step(s, 1);
		}
		if (!digit(s, s->i)) {
			return fail(s, "invalid number");
		}
		while (digit(s, s->i)) {
			step(s, 1);
		}
	}
	/* held exactly as written or refused, never silently rewritten
	 * (1.10000000000000000001, 1e-400, -0): at the number's start */
	struct rm_decimal d;
	const char *why =
	    rm_number_check((const char *)s->p + at, s->i - at, &d);
	if (why) {
		char msg[160];
		size_t n = s->i - at;
		snprintf(msg, sizeof(msg), "number %.*s%s %s",
			 n > 40 ? 40 : (int)n, (const char *)s->p + at,
			 n > 40 ? "..." : "", why);
		s->i = at;
		return fail(s, msg);
	}
	return ROADMAP_OK;
}

static enum roadmap_status scan_word(struct scan *s)
{
	static const char *const words[] = {"true", "false", "null"};

	for (size_t k = 0; k < 3; k++) {
		size_t n = strlen(words[k]);
		if (s->len - s->i >= n &&
		    memcmp(s->p + s->i, words[k], n) == 0) {
			for (size_t j = 0; j < n; j++) {
				step(s, 1);
			}
			return ROADMAP_OK;
		}
	}
	return fail(s, "expected a value");
}

void rm_item_lines_release(struct rm_item_lines *l)
{
	for (int k = 0; l && k < 4; k++) {
		free(l->line[k]);
		free(l->begin[k]);
		free(l->end[k]);
		l->line[k] = NULL;
		l->begin[k] = l->end[k] = NULL;
		l->n[k] = l->cap[k] = 0;
		l->arrays[k] = false;
	}
}

long rm_item_line(const struct rm_item_lines *l, int list, size_t i)
{
	return l && i < l->n[list] ? l->line[list][i] : 0;
}

/* The list a top-level key names (RM_LIST_*), or -1. */
static int list_of(const unsigned char *key, size_t n)
{
	static const char *const names[] = {
	    ROADMAP_KEY_TEAMS, ROADMAP_KEY_GOALS, ROADMAP_KEY_INITIATIVES,
	    ROADMAP_KEY_BUDGETS};

	for (int k = 0; k < 4; k++) {
		if (strlen(names[k]) == n && memcmp(key, names[k], n) == 0) {
			return k;
		}
	}
	return -1;
}

/* Positions: which list the scan is in, and whether the current item's
 * naming member has been seen; restarted: a list whose key came (again). */
struct where {
	struct rm_item_lines *lines;
	long line;
	int list;
	bool named;
	bool restarted[4];
};

/* Room for cap items of list k; false when out of memory. */
static bool grow(struct rm_item_lines *l, int k, size_t cap)
{
	long *p = realloc(l->line[k], cap * sizeof(*p));
	uint32_t *b = p ? realloc(l->begin[k], cap * sizeof(*b)) : NULL;
	uint32_t *e = b ? realloc(l->end[k], cap * sizeof(*e)) : NULL;

	l->line[k] = p ? p : l->line[k];
	l->begin[k] = b ? b : l->begin[k];
	l->end[k] = e ? e : l->end[k];
	if (e) {
		l->cap[k] = cap;
	}
	return e != NULL;
}

/* An element of a list begins at offset at: an object ({) or not. */
static bool item_start(struct where *w, size_t at, bool object)
{
	struct rm_item_lines *l = w->lines;
	int k = w->list;

	if (l->n[k] == l->cap[k] &&
	    !grow(l, k, l->cap[k] ? l->cap[k] * 2 : 64)) {
		return false;
	}
	l->begin[k][l->n[k]] = object ? (uint32_t)at : 0;
	l->end[k][l->n[k]] = 0;
	l->line[k][l->n[k]++] = w->line;
	w->named = false;
	return true;
}

/* A key at depth (1: the document's, 3: an item's) spans key[0..n). */
static void item_key(struct where *w, int depth, const unsigned char *key,
		     size_t n)
{
	if (depth == 1) {
		w->list = list_of(key, n);
		if (w->list >= 0) {
			w->lines->n[w->list] =
			    0; /* a repeated list counts once */
			w->restarted[w->list] = true;
		}
		return;
	}
	const char *name = w->list == RM_LIST_BUDGETS ? ROADMAP_FIELD_PERIOD
						      : ROADMAP_FIELD_ID;
	if (depth == 3 && w->list >= 0 && !w->named && w->lines->n[w->list] &&
	    strlen(name) == n && memcmp(key, name, n) == 0) {
		w->lines->line[w->list][w->lines->n[w->list] - 1] = w->line;
		w->named = true;
	}
}

/* A container closed at depth (its own depth less one), ending before
 * offset at: an item of a list, or a list's array. */
static void closed(struct where *w, int depth, const char *stack, size_t at)
{
	struct rm_item_lines *l = w->lines;

	if (w->list < 0) {
		return;
	}
	if (depth == 2 && stack[1] == '[' && stack[2] == '{' && l->n[w->list]) {
		l->end[w->list][l->n[w->list] - 1] = (uint32_t)at;
	} else if (depth == 1 && stack[1] == '[') {
		l->aend[w->list] = (uint32_t)at;
	}
}

/*
 * A scan of the text from some point: the whole of it, or one part of a
 * large file on its own thread, which starts from a guessed state (see
 * rm_json_prescan) and pauses at the first token at or after stop.
 */
struct part {
	struct scan s;
	struct where w;
	char stack[MAX_DEPTH];
	int depth;
	enum state st;
	bool seen, paused;
	size_t stop;
	enum roadmap_status r;
	struct rm_item_lines lines; /* a guessed part's own */
	struct roadmap_error err;
	size_t from; /* where it began */
	long offset; /* lines before the part's first */
};

static enum roadmap_status scan_part(struct part *x)
{
	struct scan s = x->s;
	struct where w = x->w;
	char *stack = x->stack;
	struct rm_item_lines *lines = w.lines;
	const size_t len = s.len, stop = x->stop;
	int depth = x->depth;
	enum state st = x->st;
	enum roadmap_status r;
	bool seen = x->seen;

	for (;;) {
		/* a raw newline can only be white space (strings refuse it) */
		while (s.i < len && (s.p[s.i] == ' ' || s.p[s.i] == '\n' ||
				     s.p[s.i] == '\t' || s.p[s.i] == '\r')) {
			w.line += s.p[s.i] == '\n';
			s.i++;
		}
		if (s.i >= stop) {
			x->paused = true;
			break;
		}
		if (s.i >= len) {
			break;
		}
		unsigned char c = s.p[s.i];
		if (c == 0) {
			return fail(&s, "NUL byte");
		}
		seen = true;
		switch (st) {
		case S_DONE:
			return fail(&s, "unexpected text after the end of the "
					"document");
		case S_COLON:
			if (c != ':') {
				return fail(&s, "expected ':'");
			}
			step(&s, 1);
			st = S_VALUE;
			continue;
		case S_OBJECT_NEXT:
		case S_ARRAY_NEXT: {
			char close = st == S_OBJECT_NEXT ? '}' : ']';
			if (c == ',') {
				step(&s, 1);
				st = st == S_OBJECT_NEXT ? S_KEY : S_VALUE;
				continue;
			}
			if (c != close) {
				return fail(&s, close == '}'
						    ? "expected ',' or '}'"
						    : "expected ',' or ']'");
			}
			step(&s, 1);
			depth--;
			if (lines) {
				closed(&w, depth, stack, s.i);
			}
			goto after_value;
		}
		case S_OBJECT_FIRST:
		case S_KEY:
			if (c == '}' && st == S_OBJECT_FIRST) {
				step(&s, 1);
				depth--;
				if (lines) {
					closed(&w, depth, stack, s.i);
				}
				goto after_value;
			}
			if (c != '"') {
				return fail(&s,
					    st == S_KEY
						? "expected a string key"
						: "expected a string key or "
						  "'}'");
			}
			size_t k0 = s.i;
			if ((r = scan_string(&s))) {
				return r;
			}
			if (lines && (depth == 1 || (depth == 3 && !w.named))) {
				item_key(&w, depth, s.p + k0 + 1, s.i - k0 - 2);
			}
			st = S_COLON;
			continue;
		case S_ARRAY_FIRST:
			if (c == ']') {
				step(&s, 1);
				depth--;
				if (lines) {
					closed(&w, depth, stack, s.i);
				}
				goto after_value;
			}
			/* fall through */
		case S_VALUE:
			break;
		}
		/* a value */
		if (c == '{' || c == '[') {
			if (depth >= MAX_DEPTH) {
				return fail(&s, "nested too deeply");
			}
			if (lines && depth == 2 && w.list >= 0 &&
			    stack[1] == '[' && !item_start(&w, s.i, c == '{')) {
				return rm_nomem(s.err);
			}
			if (lines && depth == 1 && w.list >= 0 && c == '[') {
				lines->arrays[w.list] = true;
				lines->abegin[w.list] = (uint32_t)s.i;
			}
			stack[depth++] = (char)c;
			step(&s, 1);
			st = c == '{' ? S_OBJECT_FIRST : S_ARRAY_FIRST;
			continue;
		}
		if (lines && depth == 2 && w.list >= 0 && stack[1] == '[' &&
		    !item_start(&w, s.i, false)) {
			return rm_nomem(s.err);
		}
		if (c == '"') {
			r = scan_string(&s);
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			r = scan_number(&s);
		} else if (c == 't' || c == 'f' || c == 'n') {
			r = scan_word(&s);
		} else if (c >= 0x80 &&
			   !rm_utf8_seq(s.p + s.i, len - s.i, &(uint32_t){0})) {
			return fail(&s, "invalid UTF-8");
		} else {
			return fail(&s, "expected a value");
		}
		if (r) {
			return r;
		}
	after_value:
		if (depth == 0) {
			st = S_DONE;
		} else {
			st = stack[depth - 1] == '{' ? S_OBJECT_NEXT
						     : S_ARRAY_NEXT;
		}
	}
	x->s = s;
	x->w = w;
	x->depth = depth;
	x->st = st;
	x->seen = seen;
	if (!x->paused && st != S_DONE) {
		return fail(&s, seen ? "unexpected end of file"
				     : "the file is empty");
	}
	return ROADMAP_OK;
}

/*
 * A large file is scanned in parts, one a core, each from a guessed state:
 * an initiative that follows another ("},{" at depth 2 of the list). When
 * the part before pauses exactly there in that state, the guess was right
 * and the scan of a deterministic machine from the same state is the same;
 * if not, the part before goes on to the end alone. Either way the result,
 * errors included, is the sequential scan's.
 */
#define PART_MIN ((size_t)4 << 20) /* bytes a part, at least */

static bool guessed_right(const struct part *x, size_t at)
{
	return x->paused && x->s.i == at && x->st == S_VALUE && x->depth == 2 &&
	       x->stack[0] == '{' && x->stack[1] == '[' &&
	       x->w.list == RM_LIST_INITIATIVES;
}

/* Where a part could begin after from: a '{' after "}," (white space
 * aside), or len. */
static size_t guess_at(const unsigned char *p, size_t from, size_t len)
{
	for (size_t i = from; i < len; i++) {
		if (p[i] != '{') {
			continue;
		}
		size_t j = i;
		while (j > from && (p[j - 1] == ' ' || p[j - 1] == '\n' ||
				    p[j - 1] == '\t' || p[j - 1] == '\r')) {
			j--;
		}
		if (j <= from || p[j - 1] != ',') {
			continue;
		}
		j--;
		while (j > from && (p[j - 1] == ' ' || p[j - 1] == '\n' ||
				    p[j - 1] == '\t' || p[j - 1] == '\r')) {
			j--;
		}
		if (j > from && p[j - 1] == '}') {
			return i;
		}
	}
	return len;
}

static void *scan_thread(void *arg)
{
	struct part *x = arg;

	x->r = scan_part(x);
	return NULL;
}

/* Appends a right guess's items to the whole's (lines counted from its
 * start); false when out of memory. */
static bool adopt(struct rm_item_lines *l, const struct part *x)
{
	const struct rm_item_lines *g = &x->lines;

	for (int k = 0; k < 4; k++) {
		if (x->w.restarted[k]) {
			l->n[k] = 0;
		}
		if (g->arrays[k]) {
			l->arrays[k] = true;
			l->abegin[k] = g->abegin[k];
		}
		if (g->aend[k]) {
			l->aend[k] = g->aend[k];
		}
		size_t n = l->n[k] + g->n[k];
		if (!g->n[k]) {
			continue;
		}
		if (n > l->cap[k] && !grow(l, k, n)) {
			return false;
		}
		for (size_t i = 0; i < g->n[k]; i++) {
			l->line[k][l->n[k] + i] = g->line[k][i] + x->offset;
		}
		memcpy(l->begin[k] + l->n[k], g->begin[k],
		       g->n[k] * sizeof(uint32_t));
		memcpy(l->end[k] + l->n[k], g->end[k],
		       g->n[k] * sizeof(uint32_t));
		l->n[k] = n;
	}
	return true;
}

/*
 * Runs the parts (the first on this thread), then joins them in order: a
 * right guess adds its items and its error, if any; at a wrong one the
 * part before goes on alone, into the whole's lines.
 */
static enum roadmap_status scan_parts(struct part *x, size_t t,
				      struct rm_item_lines *lines,
				      struct roadmap_error *err)
{
	pthread_t tid[8];
	bool started[8] = {false};
	struct part *cur = &x[0];
	enum roadmap_status r;

	for (size_t j = 1; j < t; j++) {
		started[j] =
		    pthread_create(&tid[j], NULL, scan_thread, &x[j]) == 0;
	}
	r = scan_part(&x[0]);
	for (size_t j = 1; j < t; j++) {
		if (started[j]) {
			pthread_join(tid[j], NULL);
		}
	}
	for (size_t j = 1; j < t && !r; j++) {
		struct part *g = &x[j];
		if (!started[j] || !guessed_right(cur, g->from)) {
			cur->w.line += cur->offset;
			cur->offset = 0;
			cur->w.lines = lines;
			cur->s.err = err;
			cur->stop = SIZE_MAX;
			cur->paused = false;
			return scan_part(cur);
		}
		g->offset = cur->offset + cur->w.line - 1;
		if (!adopt(lines, g)) {
			return rm_nomem(err);
		}
		if ((r = g->r) && err) {
			*err = g->err;
		}
		cur = g;
	}
	return r;
}

enum roadmap_status rm_json_prescan(const char *name, const char *data,
				    size_t len, struct rm_item_lines *lines,
				    struct roadmap_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	struct part whole = {.s = {p, len, 0, err, name},
			     .w = {lines, 1, -1, false, {false}},
			     .st = S_VALUE,
			     .stop = SIZE_MAX};
	long cpus = lines && lines->threads && len >= 2 * PART_MIN
			? sysconf(_SC_NPROCESSORS_ONLN)
			: 1;
	size_t t = cpus < 1 ? 1 : cpus > 8 ? 8 : (size_t)cpus;

	if (lines) {
		lines->text = data;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		return fail(&whole.s, "the file starts with a UTF-8 byte order "
				      "mark (save it without one)");
	}
	t = len / PART_MIN < t ? len / PART_MIN : t;
	struct part *x = t > 1 ? calloc(t, sizeof(*x)) : NULL;
	if (!x) {
		return scan_part(&whole);
	}
	size_t n = 1;
	x[0] = whole;
	for (size_t j = 1; j < t; j++) {
		size_t from = len / t * j, at;
		from = from > x[n - 1].from ? from : x[n - 1].from + 1;
		if ((at = guess_at(p, from, len)) >= len) {
			break;
		}
		x[n - 1].stop = at;
		x[n] = (struct part){
		    .s = {p, len, at, &x[n].err, name},
		    .w = {&x[n].lines, 1, RM_LIST_INITIATIVES, false, {false}},
		    .stack = "{[",
		    .depth = 2,
		    .st = S_VALUE,
		    .seen = true,
		    .stop = SIZE_MAX,
		    .from = at};
		n++;
	}
	enum roadmap_status r = scan_parts(x, n, lines, err);
	for (size_t j = 1; j < n; j++) {
		rm_item_lines_release(&x[j].lines);
	}
	free(x);
	return r;
}
