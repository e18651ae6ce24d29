/*
 * json.h - private JSON helpers (the only files that include cJSON): the
 * writer in base/jsonw.c, and the pieces of other folders that make or
 * read cJSON trees, each group naming its file under lib/.
 */
#ifndef ROADMAP_JSON_H
#define ROADMAP_JSON_H

#include "internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>

/* A growable byte buffer (base/jsonw.c). */
struct strbuf {
	char *data;
	size_t len, cap;
	bool failed; /* an allocation failed; data is incomplete */
};

void sb_put(struct strbuf *b, const char *s, size_t n);
void sb_puts(struct strbuf *b, const char *s);
void sb_release(struct strbuf *b);

/* RFC 4180 CSV of rows into b (render/rows.c). */
enum roadmap_status rm_csv_write(struct strbuf *b,
				 const struct roadmap_rows *rows);

/*
 * Where the items of the file's four lists are, by list (RM_LIST_*), in file
 * order: the line of each item's id member (an envelope's period), or of
 * its '{' when it has none; and where their text is, so that each item can
 * be parsed on its own: the bytes [begin, end) of each object item (other
 * elements are 0, 0) and of each list's array value (arrays: the list is
 * an array, the last of a repeated key). text is the document
 * (file/jsonscan.c).
 */
enum { RM_LIST_TEAMS, RM_LIST_GOALS, RM_LIST_INITIATIVES, RM_LIST_BUDGETS };
struct rm_item_lines {
	long *line[4];
	uint32_t *begin[4], *end[4];
	size_t n[4], cap[4];
	bool arrays[4];
	uint32_t abegin[4], aend[4];
	const char *text;
	bool threads;	  /* the caller lets the loader start threads */
	bool cjson_hooks; /* and install cJSON's hooks (arena.c) */
};
void rm_item_lines_release(struct rm_item_lines *l);

/*
 * A thread's buffer for the tree of the item it parses (file/arena.c). Opened
 * with hooks false, or without memory, it is plain cJSON. Each parse reuses
 * the buffer: delete the previous tree with rm_arena_delete() first (it
 * frees only what is not in the buffer); close after the last delete.
 */
struct rm_arena {
	char *buf;
	size_t cap, used;
	bool parsing, spilled;
	struct rm_arena *outer; /* the thread's arena before this one */
};
void rm_arena_open(struct rm_arena *a, bool hooks);
cJSON *rm_arena_parse(struct rm_arena *a, const char *text, size_t len);
void rm_arena_delete(struct rm_arena *a, cJSON *c);
void rm_arena_close(struct rm_arena *a);
/* The line of item i of list, or 0 when unknown (lines may be NULL;
 * file/jsonscan.c). */
long rm_item_line(const struct rm_item_lines *l, int list, size_t i);

/* Checks JSON text strictly (file/jsonscan.c); ROADMAP_ERR_DATA with line and
 * column. With lines, also records where each item is (ROADMAP_ERR_NOMEM when
 * that runs out of memory). */
enum roadmap_status rm_json_prescan(const char *name, const char *data,
				    size_t len, struct rm_item_lines *lines,
				    struct roadmap_error *err);

/*
 * Lays out a cJSON tree with two-space indentation, arrays of scalars on one
 * line, and a final newline. Scalars are encoded by cJSON itself
 * (base/jsonw.c, as the rest of the JSON writing below).
 */
void rm_json_write(struct strbuf *b, const cJSON *item);

/* Streaming the same layout: open, members (or elements, key NULL) at
 * depth, close. An empty container must be written whole instead. */
void rm_json_open(struct strbuf *b, bool obj);
void rm_json_member(struct strbuf *b, int depth, const char *key,
		    const cJSON *value, bool first);
void rm_json_key(struct strbuf *b, int depth, const char *key, bool first);
/* One array element on one line, as cJSON prints it unformatted. */
void rm_json_element_compact(struct strbuf *b, int depth, const cJSON *value,
			     bool first);
void rm_json_close(struct strbuf *b, int depth, bool obj);

/* Hands the buffer to the caller as a NUL-terminated string. */
enum roadmap_status rm_json_finish(struct strbuf *b, const cJSON *root,
				   char **out, size_t *len,
				   struct roadmap_error *err);

/* Builders that record an allocation failure in *ok. rm_json_add takes a
 * literal key (not copied); rm_json_add_copy any key. String values from
 * rm_json_ref, rm_json_string_or_null and rm_json_string_list refer to the
 * caller's strings, which must outlive the tree. */
cJSON *rm_json_add(cJSON *obj, const char *key, cJSON *item, bool *ok);
cJSON *rm_json_add_copy(cJSON *obj, const char *key, cJSON *item, bool *ok);
cJSON *rm_json_ref(const char *s);
/* Appends item to arr, or deletes it and clears *ok. */
void rm_json_push(cJSON *arr, cJSON *item, bool *ok);
cJSON *rm_json_money(int64_t cents);
cJSON *rm_json_hundredths(int64_t v);
cJSON *rm_json_thousandths(int64_t v);
cJSON *rm_json_string_or_null(const char *s);
cJSON *rm_json_date(roadmap_day d);
cJSON *rm_json_string_list(char *const *list, size_t n);
/* The same for a list handed out read-only (see rm_list_own). */
cJSON *rm_json_const_list(const char *const *list, size_t n);

/* render/items.c: an initiative's planned spend by quarter, from sp or
 * built for it. */
cJSON *rm_spend_json_from(const struct roadmap_spend *sp, size_t i);
cJSON *rm_spend_json(const struct roadmap *rm,
		     const struct roadmap_initiative *in);

/* render/items.c: items with the file's field names and defaults filled in. */
cJSON *rm_goal_object(const struct roadmap_goal *g);
cJSON *rm_initiative_object(const struct roadmap_initiative *in);
cJSON *rm_team_object(const struct roadmap_team *t);
cJSON *rm_budget_object(const struct roadmap_budget *b);

/* render/report.c: pieces shared by the reports and the JSON export. */
cJSON *rm_findings_array(const struct roadmap_findings *f, const char *only_id);
cJSON *rm_findings_object(const struct roadmap_findings *f);
cJSON *rm_forecast_object(const struct roadmap *rm,
			  const struct roadmap_forecast *f);
cJSON *rm_tracking_object(const struct roadmap *rm,
			  const struct roadmap_tracking *t);
cJSON *rm_earned_value_object(const struct roadmap *rm,
			      const struct roadmap_tracking *t,
			      const struct roadmap_earned_value *x);
cJSON *rm_goal_tracking_object(const struct roadmap *rm,
			       const struct roadmap_goal_tracking *x);
cJSON *rm_budget_report_object(const struct roadmap *rm,
			       const struct roadmap_budget_report *r);
cJSON *rm_schedule_row_object(const struct roadmap *rm,
			      const struct roadmap_schedule_row *r);
cJSON *rm_schedule_array(const struct roadmap *rm,
			 const struct roadmap_schedule *s);

/* file/store.c: the schema check and load of a parsed document. */
enum roadmap_status rm_load_tree(const char *name, const cJSON *root,
				 const struct rm_item_lines *lines,
				 struct roadmap **out,
				 struct roadmap_error *err);
/* The same, but a bad goal, initiative or envelope is handed to on_bad and
 * skipped, so that every one is reported; ROADMAP_ERR_DATA at the end if
 * any was. */
enum roadmap_status
rm_load_tree_all(const char *name, const cJSON *root, struct roadmap **out,
		 void (*on_bad)(void *ctx, const struct roadmap_error *e),
		 void *ctx, struct roadmap_error *err);

/* The scenarios as the file's list (file/scenario.c); NULL when out of
 * memory (*ok false). */
cJSON *rm_scenarios_json(const struct roadmap *rm, bool *ok);

/* The policy as the file's object (model/config.c): every setting with
 * defaults, else only those that differ (NULL when none; *ok false when out of
 * memory). */
cJSON *rm_policy_json(const struct roadmap_policy *p, bool defaults, bool *ok);

#endif
