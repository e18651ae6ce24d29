/*
 * load.c - the loader's entry points: the strict pre-scan of the text
 * (jsonscan.c), cJSON's parse, then the schema (store.c). With the
 * caller's leave (roadmap_load_options), a large file is pre-scanned on a
 * second thread while cJSON parses, and its tree freed on another.
 */
#include "json.h"

#include <pthread.h>
#include <stdlib.h>

struct prescan_job {
	const char *name, *data;
	size_t len;
	struct rm_item_lines *lines;
	struct roadmap_error err;
	enum roadmap_status st;
};

static void *prescan_thread(void *arg)
{
	struct prescan_job *j = arg;

	j->st = rm_json_prescan(j->name, j->data, j->len, j->lines, &j->err);
	return NULL;
}

static void *delete_thread(void *root)
{
	cJSON_Delete(root);
	return NULL;
}

/*
 * Hands the parsed tree to a thread that frees it; roadmap_destroy() joins
 * it, so nothing outlives the roadmap. False when no thread could start.
 */
static bool rm_reap_later(struct roadmap *rm, cJSON *root)
{
	if (pthread_create(&rm->reaper, NULL, delete_thread, root) != 0) {
		return false;
	}
	rm->has_reaper = true;
	return true;
}

/* Files this large are pre-scanned on a second core while cJSON parses. */
#define PARALLEL_SCAN (4u << 20)

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
	bool threads = opt && opt->threads;
	struct rm_item_lines lines = {0};
	struct prescan_job job = {name, data, len, &lines, {0}, ROADMAP_OK};
	enum roadmap_status st;
	pthread_t tid;
	cJSON *root;

	*out = NULL;
	roadmap_error_clear(err);
	if (!threads || len < PARALLEL_SCAN ||
	    pthread_create(&tid, NULL, prescan_thread, &job) != 0) {
		if ((st = rm_json_prescan(name, data, len, &lines, err))) {
			rm_item_lines_release(&lines);
			return st;
		}
		root = cJSON_ParseWithLengthOpts(data, len, NULL, false);
	} else {
		/* the pre-scan must pass before the tree is used; the parse
		 * is only trusted once it has */
		root = cJSON_ParseWithLengthOpts(data, len, NULL, false);
		pthread_join(tid, NULL);
		if (job.st) {
			rm_item_lines_release(&lines);
			cJSON_Delete(root);
			if (err) {
				*err = job.err;
			}
			return job.st;
		}
	}
	if (!root) {
		/* the pre-scan accepted it, so this is memory */
		rm_item_lines_release(&lines);
		return rm_nomem(err);
	}
	st = rm_load_tree(name, root, &lines, out, err);
	rm_item_lines_release(&lines);
	if (st == ROADMAP_OK && threads && len >= PARALLEL_SCAN &&
	    rm_reap_later(*out, root)) {
		return st; /* freed on a second core while the caller works */
	}
	cJSON_Delete(root);
	return st;
}
