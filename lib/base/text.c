/* text.c - UTF-8 and text-field rules shared by the loader and editors. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *rm_strdup(const char *s)
{
	if (!s) {
		return NULL;
	}
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p) {
		memcpy(p, s, n);
	}
	return p;
}

int rm_word_of(const char *const *words, int n, const char *name)
{
	for (int i = 0; i < n; i++) {
		if (words[i] && strcmp(name, words[i]) == 0) {
			return i;
		}
	}
	return -1;
}

/*
 * Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
size_t rm_utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len;

	if (n == 0) {
		return 0;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		c = s[0] & 0x1F;
		len = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		c = s[0] & 0x0F;
		len = 3;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		c = s[0] & 0x07;
		len = 4;
	} else {
		return 0;
	}
	if (n < len) {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			return 0;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		return 0;
	}
	*cp = c;
	return len;
}

/*
 * The bidirectional controls (embeddings, overrides, isolates and the
 * marks) reorder the text around them on screen, in a diff and in a pull
 * request: "Trojan Source". A title cannot need one, and one that is not
 * closed (or a closing U+202C cut off by a shortened table cell) runs on
 * into the rest of the line, so text fields refuse them like control
 * characters (docs/roadmap.5.scd, VALUES). Returns the reason, or NULL.
 */
static const char *bidi_problem(uint32_t cp)
{
#define BIDI(x) {0x##x, "contains a bidirectional control character (U+" #x ")"}
	static const struct {
		uint32_t cp;
		const char *why;
	} bidi[] = {BIDI(061C), BIDI(200E), BIDI(200F), BIDI(202A),
		    BIDI(202B), BIDI(202C), BIDI(202D), BIDI(202E),
		    BIDI(2066), BIDI(2067), BIDI(2068), BIDI(2069)};
#undef BIDI

	if (cp < 0x061C || cp > 0x2069) {
		return NULL; /* every byte of plain text: no search */
	}
	for (size_t i = 0; i < sizeof(bidi) / sizeof(bidi[0]); i++) {
		if (bidi[i].cp == cp) {
			return bidi[i].why;
		}
	}
	return NULL;
}

const char *rm_text_check(const char *s, size_t len, size_t max, bool lines,
			  char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *why;
	size_t chars = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp = 0;
		size_t k = rm_utf8_seq(p + i, len - i, &cp);
		if (k == 0) {
			return "is not valid UTF-8";
		}
		if ((cp < 0x20 && !(lines && cp == '\n')) || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0)) {
			return "contains a control character";
		}
		if ((why = bidi_problem(cp))) {
			return why;
		}
		i += k;
		chars++;
	}
	if (chars > max) {
		snprintf(buf, size, "is longer than %zu characters", max);
		return buf;
	}
	return NULL;
}

const char *rm_text_problem(const char *s, size_t len)
{
	char buf[48];
	const char *why =
	    rm_text_check(s, len, ROADMAP_TEXT_MAX, false, buf, sizeof(buf));

	/* only the length's message is written into buf */
	return why == buf ? "is longer than 1000 characters" : why;
}

size_t roadmap_text_char(const char *s, size_t n, bool *unsafe)
{
	uint32_t cp = 0;
	size_t k = rm_utf8_seq((const unsigned char *)s, n, &cp);

	if (n == 0) {
		*unsafe = false;
		return 0;
	}
	if (k == 0) {
		*unsafe = true;
		return 1;
	}
	*unsafe = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
		  bidi_problem(cp) != NULL;
	return k;
}

char *rm_text_escape(const char *s)
{
	size_t len = strlen(s), n = 0;
	char *out = malloc(len * 4 + 1);

	if (!out) {
		return NULL;
	}
	for (size_t i = 0; i < len;) {
		bool unsafe;
		size_t k = roadmap_text_char(s + i, len - i, &unsafe);
		for (size_t j = 0; j < k; j++) {
			if (unsafe) {
				snprintf(out + n, 5, "\\x%02x",
					 (unsigned char)s[i + j]);
				n += 4;
			} else {
				out[n++] = s[i + j];
			}
		}
		i += k;
	}
	out[n] = '\0';
	return out;
}

const char *rm_quote(const char *s, char *buf, size_t size)
{
	size_t n = 0, len = strlen(s);
	const unsigned char *p = (const unsigned char *)s;

	if (size < 8) {
		return "\"\"";
	}
	buf[n++] = '"';
	for (size_t i = 0; i < len && n + 8 < size;) {
		bool unsafe;
		size_t k = roadmap_text_char(s + i, len - i, &unsafe);
		if (unsafe && n + 4 * k + 4 >= size) {
			memcpy(buf + n, "...", 3);
			n += 3;
			break;
		}
		if (unsafe) {
			for (size_t j = 0; j < k; j++) {
				n += (size_t)snprintf(buf + n, size - n,
						      "\\x%02x", p[i + j]);
			}
			i += k;
			continue;
		}
		if (p[i] == '"' || p[i] == '\\') {
			n += (size_t)snprintf(buf + n, size - n, "\\%c",
					      (char)p[i]);
			i++;
			continue;
		}
		memcpy(buf + n, p + i, k);
		n += k;
		i += k;
		if (n + 8 >= size && i < len) {
			memcpy(buf + n, "...", 3);
			n += 3;
			break;
		}
	}
	buf[n++] = '"';
	buf[n] = '\0';
	return buf;
}

char *rm_hundredths_format(int64_t v, char *buf)
{
	int64_t whole = v / 100, frac = v % 100;

	if (frac == 0) {
		snprintf(buf, 32, "%lld", (long long)whole);
	} else if (frac % 10 == 0) {
		snprintf(buf, 32, "%lld.%lld", (long long)whole,
			 (long long)(frac / 10));
	} else {
		snprintf(buf, 32, "%lld.%02lld", (long long)whole,
			 (long long)frac);
	}
	return buf;
}

bool rm_hundredths_parse(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;
	int decimals = -1;

	if (!*s || *s == '.') {
		return false;
	}
	if (s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
		return false;
	}
	for (; *s; s++) {
		if (*s == '.') {
			if (decimals >= 0 || !s[1]) {
				return false;
			}
			decimals = 0;
			continue;
		}
		if (*s < '0' || *s > '9') {
			return false;
		}
		if (decimals >= 0 && ++decimals > 2) {
			return false;
		}
		if (v > max) {
			return false;
		}
		v = v * 10 + (*s - '0');
	}
	for (int d = decimals < 0 ? 0 : decimals; d < 2; d++) {
		v *= 10;
	}
	if (v > max) {
		return false;
	}
	*out = v;
	return true;
}

/* Edit distance with transpositions (optimal string alignment), for
 * "did you mean" suggestions (commands, options, keys, fields): "lsit" is one step from "list". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), d[64][64];

	if (la >= 63 || lb >= 63) {
		return 99;
	}
	for (size_t i = 0; i <= la; i++) {
		d[i][0] = i;
	}
	for (size_t j = 0; j <= lb; j++) {
		d[0][j] = j;
	}
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best) {
				best = d[i - 1][j] + 1;
			}
			if (d[i][j - 1] + 1 < best) {
				best = d[i][j - 1] + 1;
			}
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best) {
				best = d[i - 2][j - 2] + 1;
			}
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *roadmap_nearest(const char *word, const char *const *names,
			    size_t n)
{
	const char *best = NULL, *prefix = NULL;
	size_t bd = 3, len = strlen(word);

	/* the nearest within two edits, else the first the word begins (a
	 * prefix of at least two characters: "soc" is not "finops", seven
	 * edits from "soc2-controls" and six from "finops") */
	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, names[i]);
		if (d < bd) {
			bd = d;
			best = names[i];
		} else if (!prefix && len >= 2 &&
			   strncmp(word, names[i], len) == 0) {
			prefix = names[i];
		}
	}
	return best ? best : prefix;
}

/* ASCII lower case, never the locale's (a Turkish 'I' stays 'i'). */
static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

size_t rm_ascii_prefix_nocase(const char *s, const char *word)
{
	size_t n = 0;

	while (word[n] && ascii_lower(s[n]) == ascii_lower(word[n])) {
		n++;
	}
	return n;
}

/*
 * A text that starts like a formula (=, +, -, @, tab, CR) is written with a
 * leading ', so that no spreadsheet runs it; so is one that starts with '
 * and such a character, so that import, which takes one ' off a guarded
 * text, gives back exactly what was written.
 */
bool rm_csv_needs_guard(const char *s)
{
	return (s[0] && strchr("=+-@\t\r", s[0])) ||
	       (s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]));
}
