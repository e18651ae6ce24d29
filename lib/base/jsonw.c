/* jsonw.c - canonical JSON layout over cJSON, and small builders. */
#include "json.h"

#include <stdlib.h>
#include <string.h>

/* Room for n more bytes and a NUL: the capacity doubles from 4096; false
 * (and b failed) when out of memory. */
static bool sb_room(struct strbuf *b, size_t n)
{
	if (b->failed) {
		return false;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1) {
			cap *= 2;
		}
		char *p = realloc(b->data, cap);
		if (!p) {
			b->failed = true;
			return false;
		}
		b->data = p;
		b->cap = cap;
	}
	return true;
}

void sb_put(struct strbuf *b, const char *s, size_t n)
{
	if (!sb_room(b, n)) {
		return;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sb_puts(struct strbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

void sb_release(struct strbuf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

/* Encodes one scalar with cJSON: into a stack buffer when it fits. */
static void put_scalar(struct strbuf *b, const cJSON *item)
{
	char small[256];

	if (cJSON_PrintPreallocated((cJSON *)item, small, sizeof(small), 0)) {
		sb_puts(b, small);
		return;
	}
	char *big = cJSON_PrintUnformatted(item);
	if (!big) {
		b->failed = true;
		return;
	}
	sb_puts(b, big);
	cJSON_free(big);
}

static void put_key(struct strbuf *b, const char *key)
{
	cJSON k = {0};

	k.type = cJSON_String;
	k.valuestring = (char *)key;
	put_scalar(b, &k);
	sb_put(b, ": ", 2);
}

static void indent(struct strbuf *b, int depth)
{
	static const char spaces[] = "                                ";

	for (int d = depth * 2; d > 0; d -= 32) {
		sb_put(b, spaces, d < 32 ? (size_t)d : 32);
	}
}

static bool is_container(const cJSON *item)
{
	return cJSON_IsObject(item) || cJSON_IsArray(item);
}

/*
 * Recursion depth is bounded by the documents we build ourselves (four or
 * five levels), never by input.
 */
static void write_value(struct strbuf *b, const cJSON *item, int depth)
{
	const cJSON *c;

	if (!is_container(item)) {
		put_scalar(b, item);
		return;
	}
	bool obj = cJSON_IsObject(item);
	if (!item->child) {
		sb_puts(b, obj ? "{}" : "[]");
		return;
	}
	if (!obj) {
		bool flat = true;
		for (c = item->child; c; c = c->next) {
			flat = flat && !is_container(c);
		}
		if (flat) {
			sb_put(b, "[", 1);
			for (c = item->child; c; c = c->next) {
				put_scalar(b, c);
				if (c->next) {
					sb_put(b, ", ", 2);
				}
			}
			sb_put(b, "]", 1);
			return;
		}
	}
	sb_put(b, obj ? "{\n" : "[\n", 2);
	for (c = item->child; c; c = c->next) {
		indent(b, depth + 1);
		if (obj) {
			put_key(b, c->string);
		}
		write_value(b, c, depth + 1);
		sb_puts(b, c->next ? ",\n" : "\n");
	}
	indent(b, depth);
	sb_put(b, obj ? "}" : "]", 1);
}

/*
 * Streaming: the same layout as write_value(), one member or element at a
 * time, so that a large export never holds its whole tree in memory.
 */
void rm_json_open(struct strbuf *b, bool obj)
{
	sb_put(b, obj ? "{\n" : "[\n", 2);
}

void rm_json_member(struct strbuf *b, int depth, const char *key,
		    const cJSON *value, bool first)
{
	if (!first) {
		sb_put(b, ",\n", 2);
	}
	indent(b, depth);
	if (key) {
		put_key(b, key);
	}
	write_value(b, value, depth);
}

void rm_json_element_compact(struct strbuf *b, int depth, const cJSON *value,
			     bool first)
{
	if (!first) {
		sb_put(b, ",\n", 2);
	}
	indent(b, depth);
	/* straight into the buffer's free space, growing it when cJSON
	 * says the space is too small */
	for (size_t room = 16384; !b->failed; room *= 2) {
		if (!sb_room(b, room)) {
			return;
		}
		if (cJSON_PrintPreallocated((cJSON *)value, b->data + b->len,
					    (int)(b->cap - b->len - 1), 0)) {
			b->len += strlen(b->data + b->len);
			return;
		}
		if (room > ((size_t)1 << 30)) {
			b->failed = true;
		}
	}
}

void rm_json_key(struct strbuf *b, int depth, const char *key, bool first)
{
	if (!first) {
		sb_put(b, ",\n", 2);
	}
	indent(b, depth);
	put_key(b, key);
}

void rm_json_close(struct strbuf *b, int depth, bool obj)
{
	sb_put(b, "\n", 1);
	indent(b, depth);
	sb_put(b, obj ? "}" : "]", 1);
}

void rm_json_write(struct strbuf *b, const cJSON *item)
{
	write_value(b, item, 0);
	sb_put(b, "\n", 1);
}

enum roadmap_status rm_json_finish(struct strbuf *b, const cJSON *root,
				   char **out, size_t *len,
				   struct roadmap_error *err)
{
	if (!root) {
		sb_release(b);
		return rm_nomem(err);
	}
	rm_json_write(b, root);
	if (b->failed) {
		sb_release(b);
		return rm_nomem(err);
	}
	*out = b->data;
	if (len) {
		*len = b->len;
	}
	memset(b, 0, sizeof(*b));
	return ROADMAP_OK;
}

/*
 * Keys are not copied: they are string literals (rm_json_add_copy copies
 * the others). A large export adds millions of members.
 */
static cJSON *add(cJSON *obj, const char *key, cJSON *item, bool *ok, bool copy)
{
	if (!item || !obj || !*ok ||
	    !(copy ? cJSON_AddItemToObject(obj, key, item)
		   : cJSON_AddItemToObjectCS(obj, key, item))) {
		cJSON_Delete(item);
		*ok = false;
		return NULL;
	}
	return item;
}

cJSON *rm_json_add(cJSON *obj, const char *key, cJSON *item, bool *ok)
{
	return add(obj, key, item, ok, false);
}

cJSON *rm_json_add_copy(cJSON *obj, const char *key, cJSON *item, bool *ok)
{
	return add(obj, key, item, ok, true);
}

void rm_json_push(cJSON *arr, cJSON *item, bool *ok)
{
	if (!item || !arr || !*ok || !cJSON_AddItemToArray(arr, item)) {
		cJSON_Delete(item);
		*ok = false;
	}
}

/*
 * Exact decimals: the shortest text of a number of hundredths ("95000.5",
 * "1250000", "-0.25") or thousandths, the same text cJSON's "%1.15g" gives
 * for every amount in range, but without a double or the sscanf round trip
 * that costs cJSON seconds on a large export. The value is a cJSON raw
 * number.
 */
static cJSON *decimal(int64_t v, unsigned scale)
{
	char digits[24], buf[40];
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	unsigned frac = (unsigned)(a % scale);
	size_t n = 0, o = 0;

	a /= scale;
	do {
		digits[n++] = (char)('0' + a % 10);
		a /= 10;
	} while (a);
	if (v < 0) {
		buf[o++] = '-';
	}
	while (n) {
		buf[o++] = digits[--n];
	}
	if (frac) {
		buf[o++] = '.';
		for (unsigned u = scale / 10; frac; u /= 10) {
			buf[o++] = (char)('0' + frac / u);
			frac %= u;
		}
	}
	buf[o] = '\0';
	return cJSON_CreateRaw(buf);
}

cJSON *rm_json_money(int64_t cents)
{
	return decimal(cents, 100);
}

cJSON *rm_json_hundredths(int64_t v)
{
	return decimal(v, 100);
}

cJSON *rm_json_thousandths(int64_t v)
{
	return decimal(v, 1000);
}

/* Strings the roadmap (or the findings) owns are referenced, not copied:
 * every JSON tree is freed before what it describes. */
cJSON *rm_json_ref(const char *s)
{
	return cJSON_CreateStringReference(s);
}

cJSON *rm_json_string_or_null(const char *s)
{
	return s ? cJSON_CreateStringReference(s) : cJSON_CreateNull();
}

cJSON *rm_json_date(roadmap_day d)
{
	char buf[16];

	return cJSON_CreateString(roadmap_day_format(d, buf));
}

cJSON *rm_json_string_list(char *const *list, size_t n)
{
	return rm_json_const_list((const char *const *)list, n);
}

cJSON *rm_json_const_list(const char *const *list, size_t n)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; arr && i < n; i++) {
		cJSON *s = cJSON_CreateStringReference(list[i]);
		if (!s || !cJSON_AddItemToArray(arr, s)) {
			cJSON_Delete(s);
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}
