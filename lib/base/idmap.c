/* idmap.c - a small open-addressing hash table from id strings to indexes. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

uint64_t idmap_hash(const char *s)
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

void idmap_prefetch(const struct idmap *m, uint64_t h)
{
	if (m->cap) {
		__builtin_prefetch(&m->slots[(size_t)h & (m->cap - 1)]);
	}
}

int idmap_add(struct idmap *m, const char *key, size_t val, size_t *old)
{
	return idmap_add_h(m, key, idmap_hash(key), val, old);
}

int idmap_add_h(struct idmap *m, const char *key, uint64_t h, size_t val,
		size_t *old)
{
	if ((m->used + 1) * 2 > m->cap && !idmap_reserve(m, m->used + 1)) {
		return -1;
	}
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
	uint64_t h = idmap_hash(key);
	size_t old;
	int added = idmap_add_h(m, key, h, val, &old);

	if (added == 0) { /* the new string may replace the old one's */
		struct idmap_slot *x = &m->slots[probe(m, key, h)];
		x->key = key;
		x->val = val;
	}
	return added >= 0;
}

bool idmap_get(const struct idmap *m, const char *key, size_t *val)
{
	return m->cap && idmap_get_h(m, key, idmap_hash(key), val);
}

bool idmap_get_h(const struct idmap *m, const char *key, uint64_t h,
		 size_t *val)
{
	if (!m->cap) {
		return false;
	}
	const struct idmap_slot *x = &m->slots[probe(m, key, h)];
	if (x->key) {
		*val = x->val;
	}
	return x->key != NULL;
}

/*
 * A million lookups are a million cache misses, each waited for in turn
 * unless the next ones are asked for early: key i + AHEAD is hashed and its
 * slot fetched, and the key stored in the slot of i + AHEAD / 2 (which is
 * what the comparison will read), while key i is looked up.
 */
#define AHEAD 16

void idmap_get_all(const struct idmap *m, const char *const *keys, size_t n,
		   size_t *vals, size_t unknown, size_t none)
{
	uint64_t h[AHEAD] = {0};
	size_t mask = m->cap - 1;

	if (!m->cap) {
		for (size_t i = 0; i < n; i++) {
			vals[i] = keys[i] ? unknown : none;
		}
		return;
	}
	for (size_t i = 0; i < n + AHEAD; i++) {
		size_t j = i - AHEAD; /* looked up now */
		if (i >= AHEAD && j < n) {
			if (!keys[j]) {
				vals[j] = none;
			} else if (!idmap_get_h(m, keys[j], h[j % AHEAD],
						&vals[j])) {
				vals[j] = unknown;
			}
		}
		j = i - AHEAD / 2; /* its slot has arrived: fetch its key */
		if (i >= AHEAD / 2 && j < n && keys[j]) {
			const char *k = m->slots[h[j % AHEAD] & mask].key;
			if (k) {
				__builtin_prefetch(k);
			}
		}
		if (i < n && keys[i]) {
			h[i % AHEAD] = idmap_hash(keys[i]);
			__builtin_prefetch(&m->slots[h[i % AHEAD] & mask]);
		}
	}
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
