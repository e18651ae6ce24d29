/*
 * fields.h - each kind of item described once, one row per field (fields.c),
 * and each type of field's operations, written once (field-types.c):
 * docs/decisions.md, "One field table that carries behaviour". The loader,
 * the canonical save, the JSON and CSV views, `add`, `set`, import, `show`,
 * the XLSX sheets and the HTML page walk the rows and call the types.
 */
#ifndef ROADMAP_FIELDS_H
#define ROADMAP_FIELDS_H

#include "json.h"

enum rm_field_ref {
	RM_REF_NONE,
	RM_REF_GOAL,
	RM_REF_INITIATIVE,
	RM_REF_TEAM,
	RM_REF_PILLAR,
};

struct rm_field;

/* What reading a value from text needs: the roadmap (its fiscal year, the
 * references), the item's id, and whose words: set's (the message names
 * the field), or import's (the reporter names the column; an empty cell
 * is the field's default; a list is ';'-separated). With item NULL the
 * text is only checked. */
struct rm_parse {
	const struct roadmap *rm;
	const char *self;
	bool import;
};

/* A value as a typed cell (the XLSX sheets): none, text (the people's
 * text of it), a number, an amount in cents, hundredths, a day. */
enum rm_cell_kind {
	RM_CELL_NONE,
	RM_CELL_TEXT,
	RM_CELL_NUMBER,
	RM_CELL_MONEY,
	RM_CELL_HUNDREDTHS,
	RM_CELL_DATE,
};
struct rm_cell {
	enum rm_cell_kind kind;
	double number;
	int64_t fixed;
	roadmap_day day;
};

/* A type's operations; a NULL one does nothing (or finds nothing wrong). */
struct rm_type {
	/* the flag is a count, not a has_ flag (lists) */
	bool counted;
	/* a CSV cell of it is text (guarded against formulas, quoted) */
	bool text_cell;
	/* a list of ids: add takes it as a repeated option, import sets it
	 * once every row exists */
	bool list;
	/* true or false: add takes it as an option without a value */
	bool boolean;
	/* set defaults into a zeroed item */
	void (*init)(const struct rm_field *f, void *item);
	/* the file's value v (NULL: the key is absent) into item, fs the
	 * fiscal year's first month: ROADMAP_OK, ROADMAP_ERR_DATA with why
	 * (the loader puts the item's place before it), or
	 * ROADMAP_ERR_NOMEM */
	enum roadmap_status (*load)(const struct rm_field *f, const cJSON *v,
				    void *item, int fs, char *why, size_t size);
	/* text (set, add, import) into item: ROADMAP_OK, or the error in
	 * err (ROADMAP_ERR_NOMEM with no message) */
	enum roadmap_status (*parse)(const struct rm_field *f, const char *v,
				     void *item, const struct rm_parse *p,
				     struct roadmap_error *err);
	/* what is wrong with a value a caller of the library built (its
	 * range, its words, its text), written after the field's name:
	 * NULL, or why (in buf or static) */
	const char *(*problem)(const struct rm_field *f, const void *item,
			       char *buf, size_t size);
	/* the items it refers to exist (add) */
	enum roadmap_status (*refs)(const struct rm_field *f,
				    const struct roadmap *rm, const void *item,
				    struct roadmap_error *err);
	/* the value as JSON: with defaults (list, show) absent is null;
	 * without (the file), NULL with *omit when it is left out; NULL
	 * without *omit: out of memory */
	cJSON *(*json)(const struct rm_field *f, const void *item,
		       bool defaults, bool *omit);
	/* the value as text into out: a CSV cell ("" when absent), or with
	 * people for show and the HTML page ("-" when absent) */
	void (*text)(const struct rm_field *f, const struct roadmap *rm,
		     const void *item, bool people, struct strbuf *out);
	void (*cell)(const struct rm_field *f, const void *item,
		     struct rm_cell *out);
	/* a deep copy into dst (a shallow copy of src): false when out of
	 * memory (release dst anyway); and the release */
	bool (*copy)(const struct rm_field *f, void *dst, const void *src);
	void (*release)(const struct rm_field *f, void *item);
};

extern const struct rm_type rm_type_id, rm_type_text, rm_type_number,
    rm_type_date, rm_type_money, rm_type_fte, rm_type_whole, rm_type_choice,
    rm_type_flag, rm_type_ids, rm_type_actuals, rm_type_readings,
    rm_type_period;

/* One field of a kind of item. */
struct rm_field {
	const char *name; /* the file's key */
	const struct rm_type *type;
	size_t off;  /* of the value in the item */
	size_t flag; /* of its has_ flag or a list's count; 0: none (offset 0
			is the item's id or kind) */
	bool required;
	int64_t def; /* the default, left out of the file */
	enum rm_field_ref ref;
	/* the type's attributes */
	bool end;		  /* date: a period read as its last day */
	size_t max;		  /* text: characters at most (0: 1,000) */
	bool lines;		  /* text: newlines allowed */
	int lo, hi;		  /* whole number: its range */
	const char *const *words; /* choice: by value (NULL: absent) */
	int n_words;
	bool percent;	     /* readings: percents (0-100, two decimals) */
	bool fte;	     /* readings: FTE from a day on (a period read
				as its first day) */
	const char *command; /* actuals, readings: the command recording them */
	/* where it shows */
	int csv;   /* its column in the CSV table (1, 2, ...), 0: none */
	bool show; /* a line of `show` */
	int sheet; /* its column on the XLSX sheet (1, 2, ...), 0: none */
	const char *head; /* its heading there and on the HTML page */
	double width;	  /* the XLSX column's width */
	bool html;	  /* the HTML page's section of it, item by item */
	/* the option of `add` that sets it */
	int add; /* its place among add's options (1, 2, ...), 0: none */
	const char *option; /* when it is not the name ("depends-on") */
	const char *arg;    /* the value in the help ("P") */
	const char *help;
};

extern const struct rm_field rm_goal_fields[], rm_initiative_fields[],
    rm_team_fields[], rm_budget_fields[];
/* The words of the initiatives' status and stage, by value. */
extern const char *const rm_status_words[], *const rm_stage_words[];
#define RM_STATUS_WORDS 6
#define RM_STAGE_WORDS 4

/* The initiatives' CSV table has one computed column, the total (opex +
 * capex), at this place. */
#define RM_CSV_TOTAL 12
/* The value of f's has_ flag in item: true when it has none. */
#define RM_FIELD_HAS(f, item)                                                  \
	(!(f)->flag || (f)->type->counted ||                                   \
	 *(const bool *)(const void *)((const char *)(item) + (f)->flag))
/* The value of f in item, as a T. */
#define RM_AT(f, item, T)                                                      \
	(*(T const *)(const void *)((const char *)(item) + (f)->off))
#define RM_SLOT(f, item, T) ((T *)(void *)((char *)(item) + (f)->off))

/* The table of a kind of item (NULL for another kind). */
const struct rm_field *rm_fields_of(enum roadmap_kind kind);
const struct rm_field *rm_field_find(const struct rm_field *fields,
				     const char *name);
/* The names, NULL-terminated, into names[max]; returns how many. */
size_t rm_field_names(const struct rm_field *fields, const char **names,
		      size_t max);
/* A kind's columns in order of rank (the CSV's, or with sheet the XLSX
 * sheet's), from its table: NULL where no field has the rank (a column
 * the caller computes, when computed says so); returns how many (at most
 * max). */
size_t rm_field_columns(const struct rm_field *fields, bool sheet,
			bool (*computed)(int rank),
			const struct rm_field **cols, size_t max);
/* The initiatives' CSV computed column. */
bool rm_csv_total(int rank);

/* Defaults into a zeroed item; a deep copy (false when out of memory:
 * release dst anyway); the release. */
void rm_fields_init(const struct rm_field *fields, void *item);
bool rm_fields_copy(const struct rm_field *fields, void *dst, const void *src);
void rm_fields_release(const struct rm_field *fields, void *item);
/* An item's fields into o: with defaults, every field (absent ones as
 * null), as `list` and `show` print them; else the canonical file's,
 * defaults left out. *ok false when out of memory. */
void rm_fields_json(cJSON *o, const struct rm_field *fields, const void *item,
		    bool defaults, bool *ok);
/* What is wrong with an item built by a caller, checked by its table
 * (ids, text, ranges, words, lists): NULL, or why (in buf or static) with
 * *field its name. */
const char *rm_fields_problem(const struct rm_field *fields, const void *item,
			      const char **field, char *buf, size_t size);
/* The references of an item all exist. */
enum roadmap_status rm_fields_refs(const struct rm_field *fields,
				   const struct roadmap *rm, const void *item,
				   struct roadmap_error *err);
/* One field of an item as text, for people ("-" when absent) or a CSV
 * cell, into out (emptied first): false when out of memory. */
bool rm_field_text(const struct roadmap *rm, const struct rm_field *f,
		   const void *item, bool people, struct strbuf *out);
/* Sets field f of item from text v (set, add, import). */
enum roadmap_status rm_field_parse(const struct rm_field *f, const char *v,
				   void *item, const struct rm_parse *p,
				   struct roadmap_error *err);
/* Sets a field of a goal, initiative or team from text as import does
 * (set.c): import's words, lists with ';', an empty cell the default. */
enum roadmap_status rm_set_imported(struct roadmap *rm, const char *id,
				    const char *field, const char *value,
				    struct roadmap_error *err);

/* The file's values as the loader reads them (field-types.c), shared with
 * its readers of the file's other keys: ROADMAP_OK, ROADMAP_ERR_DATA with
 * why ("KEY must be a number"), or ROADMAP_ERR_NOMEM. */
enum roadmap_status rm_json_read_number(const cJSON *v, const char *key,
					double *out, char *why, size_t size);
enum roadmap_status rm_json_read_whole(const cJSON *v, const char *key, int lo,
				       int hi, int *out, char *why,
				       size_t size);
enum roadmap_status rm_json_read_text(const cJSON *v, const char *key,
				      bool required, size_t max, bool lines,
				      const char **out, char *why, size_t size);
enum roadmap_status rm_json_read_ids(const cJSON *v, const char *key,
				     char ***out, size_t *n, char *why,
				     size_t size);
/* A key that obj (free-form keys: target_mix, actuals) repeats. */
enum roadmap_status rm_json_dup_key(const cJSON *obj, char *why, size_t size);

#endif
