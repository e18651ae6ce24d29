/* jsonw.c - canonical JSON layout over cJSON, and small builders. */
#include "json.h"

#include <stdlib.h>
#include <string.h>

void sb_put(struct strbuf *b, const char *s, size_t n)
{
	if (b->failed) {
		return;
	}
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n + 1) {
			cap *= 2;
		}
		char *p = realloc(b->data, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->data = p;
		b->cap = cap;
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

cJSON *rm_json_add(cJSON *obj, const char *key, cJSON *item, bool *ok)
{
	if (!item || !obj || !*ok) {
		cJSON_Delete(item);
		*ok = false;
		return NULL;
	}
	if (!cJSON_AddItemToObject(obj, key, item)) {
		cJSON_Delete(item);
		*ok = false;
		return NULL;
	}
	return item;
}

void rm_json_push(cJSON *arr, cJSON *item, bool *ok)
{
	if (!item || !arr || !*ok || !cJSON_AddItemToArray(arr, item)) {
		cJSON_Delete(item);
		*ok = false;
	}
}

/*
 * Cents / 100 as a double prints exactly with cJSON's "%1.15g": every
 * amount up to 1e12 with two decimals has at most 15 significant digits.
 */
cJSON *rm_json_money(int64_t cents)
{
	return cJSON_CreateNumber((double)cents / 100.0);
}

cJSON *rm_json_hundredths(int64_t v)
{
	return cJSON_CreateNumber((double)v / 100.0);
}

cJSON *rm_json_string_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

cJSON *rm_json_date(roadmap_day d)
{
	char buf[16];

	return cJSON_CreateString(roadmap_day_format(d, buf));
}

cJSON *rm_json_string_list(char *const *list, size_t n)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t i = 0; arr && i < n; i++) {
		cJSON *s = cJSON_CreateString(list[i]);
		if (!s || !cJSON_AddItemToArray(arr, s)) {
			cJSON_Delete(s);
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}
