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
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	memset(m, 0, sizeof(*m));
}

void idmap_clear(struct idmap *m)
{
	if (m->cap) {
		memset(m->keys, 0, m->cap * sizeof(*m->keys));
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
	const char **keys = calloc(cap, sizeof(*keys));
	size_t *vals = calloc(cap, sizeof(*vals));
	uint64_t *hashes = calloc(cap, sizeof(*hashes));

	if (!keys || !vals || !hashes) {
		free(keys);
		free(vals);
		free(hashes);
		return false;
	}
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i]) {
			continue;
		}
		size_t j = (size_t)m->hashes[i] & (cap - 1);
		while (keys[j]) {
			j = (j + 1) & (cap - 1);
		}
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
		hashes[j] = m->hashes[i];
	}
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	m->keys = keys;
	m->vals = vals;
	m->hashes = hashes;
	m->cap = cap;
	return true;
}

bool idmap_put(struct idmap *m, const char *key, size_t val)
{
	if ((m->used + 1) * 2 > m->cap && !idmap_reserve(m, m->used + 1)) {
		return false;
	}
	uint64_t h = hash(key);
	size_t j = (size_t)h & (m->cap - 1);
	while (m->keys[j]) {
		if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0) {
			/* the new string may replace the old one's storage */
			m->keys[j] = key;
			m->vals[j] = val;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->vals[j] = val;
	m->hashes[j] = h;
	m->used++;
	return true;
}

bool idmap_get(const struct idmap *m, const char *key, size_t *val)
{
	if (!m->cap) {
		return false;
	}
	uint64_t h = hash(key);
	size_t j = (size_t)h & (m->cap - 1);
	while (m->keys[j]) {
		/* the stored hash spares a strcmp on every collision */
		if (m->hashes[j] == h && strcmp(m->keys[j], key) == 0) {
			*val = m->vals[j];
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return false;
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
