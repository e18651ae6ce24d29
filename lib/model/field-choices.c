/*
 * field-choices.c - the field types whose values come from a set (see
 * field-types.c): a whole number in a range (priority 1 to 5), a choice
 * among words (status, stage), a flag (true or false).
 */
#include "field-type.h"

/* ---------------------------------------- whole number in a range */

/* A whole number whose default is 0 is optional: 0 is its absence. */
static void int_init(const struct rm_field *f, void *item)
{
	*RM_SLOT(f, item, int) = (int)f->def;
}

static enum roadmap_status whole_load(const struct rm_field *f, const cJSON *v,
				      void *item, int fs, char *why,
				      size_t size)
{
	(void)fs;
	return rm_json_read_whole(v, f->name, f->lo, f->hi,
				  RM_SLOT(f, item, int), why, size);
}

static enum roadmap_status whole_parse(const struct rm_field *f, const char *v,
				       void *item, const struct rm_parse *p,
				       struct roadmap_error *err)
{
	char q[QBUF];
	size_t n = strspn(v, "0123456789");
	long k = n && n < 10 && !v[n] && v[0] != '0' ? strtol(v, NULL, 10) : -1;

	if (clearing(f, v, p) && (f->def == 0 || p->import)) {
		k = f->def;
	} else if (k < f->lo || k > f->hi) {
		return p->import
			   ? rm_fail(err, ROADMAP_ERR_DATA,
				     "%s is not a %s from %d to %d",
				     rm_quote(v, q, sizeof(q)), f->name, f->lo,
				     f->hi)
			   : rm_fail(err, ROADMAP_ERR_DATA,
				     "%s %s is not %d to %d", f->name,
				     rm_quote(v, q, sizeof(q)), f->lo, f->hi);
	}
	if (item) {
		*RM_SLOT(f, item, int) = (int)k;
	}
	return ROADMAP_OK;
}

static const char *whole_problem(const struct rm_field *f, const void *item,
				 char *buf, size_t size)
{
	int v = RM_AT(f, item, int);

	if ((v != 0 || f->def != 0) && (v < f->lo || v > f->hi)) {
		snprintf(buf, size, "must be %d to %d", f->lo, f->hi);
		return buf;
	}
	return NULL;
}

static cJSON *whole_json(const struct rm_field *f, const void *item,
			 bool defaults, bool *omit)
{
	int v = RM_AT(f, item, int);

	*omit = false;
	if (v == 0 && f->def == 0) {
		return absent(defaults, omit);
	}
	if (!defaults && v == f->def) {
		*omit = true;
		return NULL;
	}
	return cJSON_CreateNumber(v);
}

static void whole_text(const struct rm_field *f, const struct roadmap *rm,
		       const void *item, bool people, struct strbuf *out)
{
	char buf[16];
	int v = RM_AT(f, item, int);

	(void)rm;
	if (v == 0 && f->def == 0) {
		put_absent(people, out);
		return;
	}
	snprintf(buf, sizeof(buf), "%d", v);
	sb_puts(out, buf);
}

static void whole_cell(const struct rm_field *f, const void *item,
		       struct rm_cell *out)
{
	int v = RM_AT(f, item, int);

	out->kind = v == 0 && f->def == 0 ? RM_CELL_NONE : RM_CELL_NUMBER;
	out->number = v;
}

const struct rm_type rm_type_whole = {
    .init = int_init,
    .load = whole_load,
    .parse = whole_parse,
    .problem = whole_problem,
    .json = whole_json,
    .text = whole_text,
    .cell = whole_cell,
};

/* ------------------------------------------------------------ choice */

/* "research, poc or implementation": a choice's words into buf. */
static const char *choice_words(const struct rm_field *f, char *buf,
				size_t size)
{
	size_t o = 0, n = 0, seen = 0;

	buf[0] = '\0';
	for (int k = 0; k < f->n_words; k++) {
		n += f->words[k] != NULL;
	}
	for (int k = 0; k < f->n_words && o < size; k++) {
		if (!f->words[k]) {
			continue;
		}
		seen++;
		int w = snprintf(buf + o, size - o, "%s%s",
				 seen == 1   ? ""
				 : seen == n ? " or "
					     : ", ",
				 f->words[k]);
		o += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

/* The value word names, or -1. */
static int choice_find(const struct rm_field *f, const char *word)
{
	for (int k = 0; k < f->n_words; k++) {
		if (f->words[k] && strcmp(word, f->words[k]) == 0) {
			return k;
		}
	}
	return -1;
}

static const char *choice_word(const struct rm_field *f, const void *item)
{
	int v = RM_AT(f, item, int);

	return v >= 0 && v < f->n_words ? f->words[v] : NULL;
}

static enum roadmap_status choice_load(const struct rm_field *f, const cJSON *v,
				       void *item, int fs, char *why,
				       size_t size)
{
	char q[QBUF], words[200];
	int k = cJSON_IsString(v) ? choice_find(f, v->valuestring) : -1;

	(void)fs;
	if (k < 0) {
		return bad(why, size, "%s %s is not %s", f->name,
			   cJSON_IsString(v)
			       ? rm_quote(v->valuestring, q, sizeof(q))
			       : "(not a string)",
			   choice_words(f, words, sizeof(words)));
	}
	*RM_SLOT(f, item, int) = k;
	return ROADMAP_OK;
}

static enum roadmap_status choice_parse(const struct rm_field *f, const char *v,
					void *item, const struct rm_parse *p,
					struct roadmap_error *err)
{
	char q[QBUF], words[200];
	/* a choice with a value that has no word can be cleared */
	int k = clearing(f, v, p) && (!f->words[f->def] || p->import)
		    ? (int)f->def
		    : choice_find(f, v);

	if (k < 0) {
		choice_words(f, words, sizeof(words));
		return p->import
			   ? rm_fail(err, ROADMAP_ERR_DATA,
				     "%s is not a %s (%s)",
				     rm_quote(v, q, sizeof(q)), f->name, words)
			   : rm_fail(err, ROADMAP_ERR_DATA, "%s %s is not %s",
				     f->name, rm_quote(v, q, sizeof(q)), words);
	}
	if (item) {
		*RM_SLOT(f, item, int) = k;
	}
	return ROADMAP_OK;
}

static const char *choice_problem(const struct rm_field *f, const void *item,
				  char *buf, size_t size)
{
	int v = RM_AT(f, item, int);
	char words[200];

	if (v < 0 || v >= f->n_words || (!f->words[v] && v != f->def)) {
		snprintf(buf, size, "is %d, not one of %s", v,
			 choice_words(f, words, sizeof(words)));
		return buf;
	}
	return NULL;
}

static cJSON *choice_json(const struct rm_field *f, const void *item,
			  bool defaults, bool *omit)
{
	const char *w = choice_word(f, item);

	*omit = false;
	if (!w) {
		return absent(defaults, omit);
	}
	if (!defaults && RM_AT(f, item, int) == f->def) {
		*omit = true;
		return NULL;
	}
	return cJSON_CreateString(w);
}

static void choice_text(const struct rm_field *f, const struct roadmap *rm,
			const void *item, bool people, struct strbuf *out)
{
	const char *w = choice_word(f, item);

	(void)rm;
	if (w) {
		sb_puts(out, w);
	} else {
		put_absent(people, out);
	}
}

static void choice_cell(const struct rm_field *f, const void *item,
			struct rm_cell *out)
{
	out->kind = choice_word(f, item) ? RM_CELL_TEXT : RM_CELL_NONE;
}

const struct rm_type rm_type_choice = {
    .init = int_init,
    .load = choice_load,
    .parse = choice_parse,
    .problem = choice_problem,
    .json = choice_json,
    .text = choice_text,
    .cell = choice_cell,
};

/* -------------------------------------------------------------- flag */

/* The words a flag is read from, in any ASCII case (a spreadsheet writes
 * TRUE): docs/roadmap.5.scd. */
static int flag_find(const char *v)
{
	static const char *const yes[] = {"true", "yes"}, *const no[] = {
							      "false", "no"};

	for (size_t k = 0; k < 2; k++) {
		if (strlen(v) == strlen(yes[k]) &&
		    rm_ascii_prefix_nocase(v, yes[k]) == strlen(yes[k])) {
			return 1;
		}
		if (strlen(v) == strlen(no[k]) &&
		    rm_ascii_prefix_nocase(v, no[k]) == strlen(no[k])) {
			return 0;
		}
	}
	return -1;
}

static enum roadmap_status flag_load(const struct rm_field *f, const cJSON *v,
				     void *item, int fs, char *why, size_t size)
{
	(void)fs;
	if (!cJSON_IsBool(v)) {
		return bad(why, size, "%s must be true or false", f->name);
	}
	*RM_SLOT(f, item, bool) = cJSON_IsTrue(v);
	return ROADMAP_OK;
}

static enum roadmap_status flag_parse(const struct rm_field *f, const char *v,
				      void *item, const struct rm_parse *p,
				      struct roadmap_error *err)
{
	char q[QBUF];
	int k = clearing(f, v, p) ? 0 : flag_find(v);

	if (k < 0) {
		return p->import
			   ? rm_fail(err, ROADMAP_ERR_DATA,
				     "%s is not true, false, yes or no",
				     rm_quote(v, q, sizeof(q)))
			   : rm_fail(err, ROADMAP_ERR_DATA,
				     "%s %s is not true, false, yes or no",
				     f->name, rm_quote(v, q, sizeof(q)));
	}
	if (item) {
		*RM_SLOT(f, item, bool) = k == 1;
	}
	return ROADMAP_OK;
}

static cJSON *flag_json(const struct rm_field *f, const void *item,
			bool defaults, bool *omit)
{
	bool v = RM_AT(f, item, bool);

	*omit = !defaults && !v;
	return *omit ? NULL : cJSON_CreateBool(v);
}

/* true and false in a CSV cell (as the file writes them), yes and no for
 * people. */
static void flag_text(const struct rm_field *f, const struct roadmap *rm,
		      const void *item, bool people, struct strbuf *out)
{
	bool v = RM_AT(f, item, bool);

	(void)rm;
	sb_puts(out, people ? (v ? "yes" : "no") : (v ? "true" : "false"));
}

static void flag_cell(const struct rm_field *f, const void *item,
		      struct rm_cell *out)
{
	(void)f;
	(void)item;
	out->kind = RM_CELL_TEXT;
}

const struct rm_type rm_type_flag = {
    .boolean = true,
    .load = flag_load,
    .parse = flag_parse,
    .json = flag_json,
    .text = flag_text,
    .cell = flag_cell,
};
