/*
 * load.c - the loader's entry points: the strict pre-scan of the text
 * (jsonscan.c), which also finds where every item is; cJSON's parse of the
 * settings alone, then the schema (store.c), which parses each item on its
 * own, so that no tree of the whole file ever exists.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

/*
 * The document without the contents of its four lists (each "[...]"
 * becomes "[]"): the settings and the lists' keys, which cJSON parses in
 * microseconds, while each item is parsed on its own from the text (see
 * store.c). malloc'ed, NUL-terminated; NULL when out of memory.
 */
static char *skeleton(const char *data, size_t len,
		      const struct rm_item_lines *l, size_t *out_len)
{
	uint32_t cut_b[4], cut_e[4];
	size_t n = 0, o = 0, at = 0;

	for (int k = 0; k < 4; k++) { /* the arrays, in file order */
		if (!l->arrays[k] || l->aend[k] < l->abegin[k] + 2) {
			continue;
		}
		size_t j = n++;
		while (j > 0 && cut_b[j - 1] > l->abegin[k]) {
			cut_b[j] = cut_b[j - 1];
			cut_e[j] = cut_e[j - 1];
			j--;
		}
		cut_b[j] = l->abegin[k] + 1; /* after '[' */
		cut_e[j] = l->aend[k] - 1;   /* at ']' */
	}
	size_t size = len + 1;
	for (size_t k = 0; k < n; k++) {
		size -= cut_e[k] - cut_b[k];
	}
	char *s = malloc(size);
	if (!s) {
		return NULL;
	}
	for (size_t k = 0; k < n; k++) {
		memcpy(s + o, data + at, cut_b[k] - at);
		o += cut_b[k] - at;
		at = cut_e[k];
	}
	memcpy(s + o, data + at, len - at);
	o += len - at;
	s[o] = '\0';
	*out_len = o;
	return s;
}

enum roadmap_status roadmap_load_buffer(const char *name, const char *data,
					size_t len, struct roadmap **out,
					struct roadmap_error *err)
{
	return roadmap_load_buffer_opt(name, data, len, NULL, out, err);
}

enum roadmap_status
roadmap_load_buffer_opt(const char *name, const char *data, size_t len,
			const struct roadmap_load_options *opt,
			struct roadmap **out, struct roadmap_error *err)
{
	struct rm_item_lines lines = {0};
	enum roadmap_status st;
	size_t slen = 0;

	*out = NULL;
	lines.threads = opt && opt->threads;
	lines.cjson_hooks = opt && opt->cjson_hooks;
	roadmap_error_clear(err);

	if ((st = rm_json_prescan(name, data, len, &lines, err))) {
		rm_item_lines_release(&lines);
		return st;
	}

	char *skel = skeleton(data, len, &lines, &slen);
	cJSON *root =
	    skel ? cJSON_ParseWithLengthOpts(skel, slen, NULL, false) : NULL;
	free(skel);
	if (!root) {
		/* the pre-scan accepted it, so this is memory */
		rm_item_lines_release(&lines);
		return rm_nomem(err);
	}

	st = rm_load_tree(name, root, &lines, out, err);
	rm_item_lines_release(&lines);
	cJSON_Delete(root);
	return st;
}
