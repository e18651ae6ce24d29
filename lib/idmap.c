/* idmap.c - a small open-addressing hash table from id strings to indexes. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
	/* FNV-1a: ids are short and this is fast enough. */
	uint64_t h = UINT64_C(1469598103934665603);

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(1099511628211);
	}
	return h ^ (h >> 29);
}

void idmap_release(struct idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

void idmap_clear(struct idmap *m)
{
	if (m->cap) {
		memset(m->slots, 0, m->cap * sizeof(*m->slots));
	}
	m->used = 0;
}

/* Rehashes into a table of at least 2n + 2 slots (a power of two). */
bool idmap_reserve(struct idmap *m, size_t n)
{
	size_t cap = 64;

	while (cap < n * 2 + 2) {
		cap *= 2;
	}
	if (cap <= m->cap) {
		return true;
	}
	struct idmap_slot *slots = calloc(cap, sizeof(*slots));
	if (!slots) {
		return false;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key) {
			continue;
		}
		size_t j = (size_t)m->slots[i].hash & (cap - 1);
		while (slots[j].key) {
			j = (j + 1) & (cap - 1);
		}
		slots[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return true;
}

/* The slot of key (hash h): its own, or the empty one it would take. */
static size_t probe(const struct idmap *m, const char *key, uint64_t h)
{
	size_t j = (size_t)h & (m->cap - 1);

	/* the stored hash spares a strcmp on every collision */
	while (m->slots[j].key &&
	       (m->slots[j].hash != h || strcmp(m->slots[j].key, key) != 0)) {
		j = (j + 1) & (m->cap - 1);
	}
	return j;
}

int idmap_add(struct idmap *m, const char *key, size_t val, size_t *old)
{
	if ((m->used + 1) * 2 > m->cap && !idmap_reserve(m, m->used + 1)) {
		return -1;
	}
	uint64_t h = hash(key);
	struct idmap_slot *x = &m->slots[probe(m, key, h)];
	if (x->key) {
		*old = x->val;
		return 0;
	}
	*x = (struct idmap_slot){h, key, val};
	m->used++;
	return 1;
}

bool idmap_put(struct idmap *m, const char *key, size_t val)
{
	size_t old;
	int added = idmap_add(m, key, val, &old);

	if (added == 0) { /* the new string may replace the old one's */
		struct idmap_slot *x = &m->slots[probe(m, key, hash(key))];
		x->key = key;
		x->val = val;
	}
	return added >= 0;
}

bool idmap_get(const struct idmap *m, const char *key, size_t *val)
{
	if (!m->cap) {
		return false;
	}
	const struct idmap_slot *x = &m->slots[probe(m, key, hash(key))];
	if (x->key) {
		*val = x->val;
	}
	return x->key != NULL;
}

size_t rm_first_duplicate(const char *const *s, size_t n, bool *nomem)
{
	struct idmap m = {0};
	size_t i, at;

	*nomem = false;
	if (n <= 16) { /* a few: comparing is cheaper than hashing */
		for (i = 1; i < n; i++) {
			for (size_t j = 0; j < i; j++) {
				if (strcmp(s[i], s[j]) == 0) {
					return i;
				}
			}
		}
		return n;
	}
	if (!idmap_reserve(&m, n)) {
		*nomem = true;
		return n;
	}
	for (i = 0; i < n; i++) {
		if (idmap_get(&m, s[i], &at)) {
			break;
		}
		idmap_put(&m, s[i], i); /* reserved: cannot fail */
	}
	idmap_release(&m);
	return i;
}
