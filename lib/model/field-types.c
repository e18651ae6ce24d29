/*
 * field-types.c - what each type of field does, written once: read from
 * the file's JSON, parsed from text (set, add, import), checked when a
 * caller of the library built it, written as JSON, as a CSV cell and for
 * people, copied and released. The rows of fields.c say which type a field
 * has and its attributes (a range, words, a length); docs/decisions.md,
 * "One field table that carries behaviour". Here: the JSON readers, text
 * and ids, numbers, dates, amounts and FTE; whole numbers, choices and
 * flags are in field-choices.c, lists and dated figures in field-lists.c.
 */
#include "field-type.h"

/* ------------------------------------------------------ JSON readers */

enum roadmap_status rm_json_read_number(const cJSON *v, const char *key,
					double *out, char *why, size_t size)
{
	if (!cJSON_IsNumber(v)) {
		return bad(why, size, "%s must be a number", key);
	}
	if (!isfinite(v->valuedouble)) {
		return bad(why, size, "%s is out of range", key);
	}
	*out = v->valuedouble;
	return ROADMAP_OK;
}

enum roadmap_status rm_json_read_whole(const cJSON *v, const char *key, int lo,
				       int hi, int *out, char *why, size_t size)
{
	double d = 0;

	if (rm_json_read_number(v, key, &d, why, size)) {
		return ROADMAP_ERR_DATA;
	}
	if (d != floor(d) || d < lo || d > hi || signbit(d)) {
		return bad(why, size, "%s must be a whole number from %d to %d",
			   key, lo, hi);
	}
	*out = (int)d;
	return ROADMAP_OK;
}

/*
 * A fixed-point value with at most two decimals, as an int64 in hundredths.
 * The double is exact enough to tell: below 1e12 the spacing of doubles is
 * far finer than 0.001, so a third decimal always fails the round trip.
 */
enum roadmap_status rm_json_read_fixed2(const cJSON *v, const char *key,
					int64_t max, int64_t *out, char *why,
					size_t size)
{
	double d = 0;
	char buf[32];

	if (rm_json_read_number(v, key, &d, why, size)) {
		return ROADMAP_ERR_DATA;
	}
	if (signbit(d)) {
		return bad(why, size, "%s must not be negative", key);
	}
	if (d > (double)max / 100.0) {
		return bad(why, size, "%s is more than %s", key,
			   max == ROADMAP_MONEY_MAX
			       ? roadmap_money_format(max, true, buf)
			       : rm_hundredths_format(max, buf));
	}
	int64_t h = llround(d * 100.0);
	if ((double)h / 100.0 != d) {
		return bad(why, size, "%s has more than two decimals", key);
	}
	*out = h;
	return ROADMAP_OK;
}

enum roadmap_status rm_json_read_text(const cJSON *v, const char *key,
				      bool required, size_t max, bool lines,
				      const char **out, char *why, size_t size)
{
	char buf[48];
	const char *problem;

	if (!cJSON_IsString(v)) {
		return bad(why, size, "%s must be a string", key);
	}
	if ((problem = rm_text_check(v->valuestring, strlen(v->valuestring),
				     max, lines, buf, sizeof(buf)))) {
		return bad(why, size, "%s %s", key, problem);
	}
	if (required && !v->valuestring[0]) {
		return bad(why, size, "%s cannot be empty", key);
	}
	return (*out = rm_strdup(v->valuestring)) ? ROADMAP_OK
						  : ROADMAP_ERR_NOMEM;
}

enum roadmap_status rm_json_read_ids(const cJSON *v, const char *key,
				     char ***out, size_t *n, char *why,
				     size_t size)
{
	char q[QBUF];
	const cJSON *c;
	bool nomem;

	if (!cJSON_IsArray(v)) {
		return bad(why, size, "%s must be an array of ids", key);
	}
	cJSON_ArrayForEach(c, v)
	{
		if (!cJSON_IsString(c)) {
			return bad(why, size, "%s must be an array of ids",
				   key);
		}
		if (!roadmap_id_valid(c->valuestring)) {
			return bad(why, size, "%s: %s is not a valid id", key,
				   rm_quote(c->valuestring, q, sizeof(q)));
		}
		if (!rm_list_push(out, n, c->valuestring)) {
			return ROADMAP_ERR_NOMEM;
		}
	}
	size_t dup = rm_first_duplicate((const char *const *)*out, *n, &nomem);
	if (nomem) {
		return ROADMAP_ERR_NOMEM;
	}
	if (dup < *n) {
		return bad(why, size, "%s lists %s twice", key,
			   rm_quote((*out)[dup], q, sizeof(q)));
	}
	return ROADMAP_OK;
}

enum roadmap_status rm_json_dup_key(const cJSON *obj, char *why, size_t size)
{
	size_t n = (size_t)cJSON_GetArraySize(obj), k = 0, dup;
	const char **keys = malloc((n + 1) * sizeof(*keys));
	bool nomem = !keys;
	char q[QBUF];
	enum roadmap_status st = ROADMAP_OK;

	for (const cJSON *c = obj->child; keys && c; c = c->next) {
		keys[k++] = c->string;
	}
	dup = keys ? rm_first_duplicate(keys, n, &nomem) : n;
	if (nomem) {
		st = ROADMAP_ERR_NOMEM;
	} else if (dup < n) {
		st = bad(why, size, "duplicate key %s",
			 rm_quote(keys[dup], q, sizeof(q)));
	}
	free(keys);
	return st;
}

/* ------------------------------------------------- strings: id, text */

/* v into the item's slot (empty: NULL), the old text freed */
static enum roadmap_status str_copy_in(const char *v, const char **slot)
{
	char *copy = NULL;

	if (*v && !(copy = rm_strdup(v))) {
		return ROADMAP_ERR_NOMEM;
	}
	free((char *)*slot);
	*slot = copy;
	return ROADMAP_OK;
}

static cJSON *str_json(const struct rm_field *f, const void *item,
		       bool defaults, bool *omit)
{
	const char *s = RM_AT(f, item, cstr);

	*omit = false;
	return s ? rm_json_ref(s) : absent(defaults, omit);
}

static void str_text(const struct rm_field *f, const struct roadmap *rm,
		     const void *item, bool people, struct strbuf *out)
{
	const char *s = RM_AT(f, item, cstr);

	(void)rm;
	if (s) {
		sb_puts(out, s);
	} else {
		put_absent(people, out);
	}
}

static void str_cell(const struct rm_field *f, const void *item,
		     struct rm_cell *out)
{
	out->kind = RM_AT(f, item, cstr) ? RM_CELL_TEXT : RM_CELL_NONE;
}

static bool str_copy(const struct rm_field *f, void *dst, const void *src)
{
	const char *s = RM_AT(f, src, cstr);

	*RM_SLOT(f, dst, cstr) = s ? rm_strdup(s) : NULL;
	return !s || RM_AT(f, dst, cstr);
}

static void str_release(const struct rm_field *f, void *item)
{
	free((char *)RM_AT(f, item, cstr));
}

static enum roadmap_status id_load(const struct rm_field *f, const cJSON *v,
				   void *item, int fs, char *why, size_t size)
{
	char q[QBUF];

	(void)fs;
	if (!cJSON_IsString(v)) {
		return bad(why, size, "%s must be a string", f->name);
	}
	if (!roadmap_id_valid(v->valuestring)) {
		return bad(why, size, "%s %s is not a valid id", f->name,
			   rm_quote(v->valuestring, q, sizeof(q)));
	}
	*RM_SLOT(f, item, cstr) = rm_strdup(v->valuestring);
	return RM_AT(f, item, cstr) ? ROADMAP_OK : ROADMAP_ERR_NOMEM;
}

/* The team or pillar v names exists (NULL or empty: none named). */
static enum roadmap_status ref_exists(const struct rm_field *f,
				      const struct roadmap *rm, const char *v,
				      struct roadmap_error *err)
{
	if (!v || !*v) {
		return ROADMAP_OK;
	}
	return f->ref == RM_REF_TEAM	 ? rm_check_team_ref(rm, v, err)
	       : f->ref == RM_REF_PILLAR ? rm_check_pillar_ref(rm, v, err)
					 : ROADMAP_OK;
}

static enum roadmap_status id_refs(const struct rm_field *f,
				   const struct roadmap *rm, const void *item,
				   struct roadmap_error *err)
{
	return ref_exists(f, rm, RM_AT(f, item, cstr), err);
}

/* An optional reference (set): it must exist; empty clears it. */
static enum roadmap_status id_parse(const struct rm_field *f, const char *v,
				    void *item, const struct rm_parse *p,
				    struct roadmap_error *err)
{
	char q[QBUF];
	enum roadmap_status st;

	if (p->import && !*v && f->required) {
		return rm_fail(err, ROADMAP_ERR_DATA, "is empty");
	}
	if (p->import && *v && !roadmap_id_valid(v)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s is not a valid id",
			       rm_quote(v, q, sizeof(q)));
	}
	if (!item) {
		return ROADMAP_OK;
	}
	if ((st = ref_exists(f, p->rm, v, err))) {
		return st;
	}
	return str_copy_in(v, RM_SLOT(f, item, cstr));
}

static const char *id_problem(const struct rm_field *f, const void *item,
			      char *buf, size_t size)
{
	const char *v = RM_AT(f, item, cstr);

	(void)buf;
	(void)size;
	if ((v || f->required) && !roadmap_id_valid(v)) {
		return f->ref == RM_REF_PILLAR ? "is not a valid name"
					       : "is not a valid id";
	}
	return NULL;
}

const struct rm_type rm_type_id = {
    .text_cell = true,
    .load = id_load,
    .parse = id_parse,
    .problem = id_problem,
    .refs = id_refs,
    .json = str_json,
    .text = str_text,
    .cell = str_cell,
    .copy = str_copy,
    .release = str_release,
};

static size_t text_max(const struct rm_field *f)
{
	return f->max ? f->max : ROADMAP_TEXT_MAX;
}

static enum roadmap_status text_load(const struct rm_field *f, const cJSON *v,
				     void *item, int fs, char *why, size_t size)
{
	(void)fs;
	return rm_json_read_text(v, f->name, f->required, text_max(f), f->lines,
				 RM_SLOT(f, item, cstr), why, size);
}

static enum roadmap_status text_parse(const struct rm_field *f, const char *v,
				      void *item, const struct rm_parse *p,
				      struct roadmap_error *err)
{
	char buf[48];
	const char *why;

	if (!*v && f->required) {
		return p->import ? rm_fail(err, ROADMAP_ERR_DATA, "is empty")
				 : rm_fail(err, ROADMAP_ERR_DATA,
					   "%s cannot be empty", f->name);
	}
	if ((why = rm_text_check(v, strlen(v), text_max(f), f->lines, buf,
				 sizeof(buf)))) {
		return p->import ? rm_fail(err, ROADMAP_ERR_DATA, "%s", why)
				 : rm_fail(err, ROADMAP_ERR_DATA, "%s %s",
					   f->name, why);
	}
	if (!item) {
		return ROADMAP_OK;
	}
	return str_copy_in(v, RM_SLOT(f, item, cstr));
}

static const char *text_problem(const struct rm_field *f, const void *item,
				char *buf, size_t size)
{
	const char *v = RM_AT(f, item, cstr);

	if (!v) {
		return f->required ? "is missing" : NULL;
	}
	return rm_text_check(v, strlen(v), text_max(f), f->lines, buf, size);
}

const struct rm_type rm_type_text = {
    .text_cell = true,
    .load = text_load,
    .parse = text_parse,
    .problem = text_problem,
    .json = str_json,
    .text = str_text,
    .cell = str_cell,
    .copy = str_copy,
    .release = str_release,
};

/* ------------------------------------------------------------ number */

static enum roadmap_status number_load(const struct rm_field *f, const cJSON *v,
				       void *item, int fs, char *why,
				       size_t size)
{
	(void)fs;
	if (rm_json_read_number(v, f->name, RM_SLOT(f, item, double), why,
				size)) {
		return ROADMAP_ERR_DATA;
	}
	*has_flag(f, item) = true;
	return ROADMAP_OK;
}

static enum roadmap_status number_parse(const struct rm_field *f, const char *v,
					void *item, const struct rm_parse *p,
					struct roadmap_error *err)
{
	struct roadmap_error e;
	double d = 0;
	bool clear = clearing(f, v, p);

	if (!clear && roadmap_number_parse(v, &d, &e)) {
		return p->import
			   ? rm_fail(err, ROADMAP_ERR_DATA, "%s", e.message)
			   : rm_fail(err, ROADMAP_ERR_DATA, "%s %s", f->name,
				     e.message);
	}
	if (item) {
		*has_flag(f, item) = !clear;
		*RM_SLOT(f, item, double) = d;
	}
	return ROADMAP_OK;
}

static const char *number_problem(const struct rm_field *f, const void *item,
				  char *buf, size_t size)
{
	(void)buf;
	(void)size;
	return RM_FIELD_HAS(f, item) && !isfinite(RM_AT(f, item, double))
		   ? "is out of range"
		   : NULL;
}

static cJSON *number_json(const struct rm_field *f, const void *item,
			  bool defaults, bool *omit)
{
	*omit = false;
	return RM_FIELD_HAS(f, item)
		   ? cJSON_CreateNumber(RM_AT(f, item, double))
		   : absent(defaults, omit);
}

static void number_text(const struct rm_field *f, const struct roadmap *rm,
			const void *item, bool people, struct strbuf *out)
{
	char buf[ROADMAP_NUMBER_BUF];

	(void)rm;
	if (RM_FIELD_HAS(f, item)) {
		sb_puts(out,
			roadmap_number_format(RM_AT(f, item, double), buf));
	} else {
		put_absent(people, out);
	}
}

static void number_cell(const struct rm_field *f, const void *item,
			struct rm_cell *out)
{
	out->kind = RM_FIELD_HAS(f, item) ? RM_CELL_NUMBER : RM_CELL_NONE;
	out->number = RM_AT(f, item, double);
}

const struct rm_type rm_type_number = {
    .load = number_load,
    .parse = number_parse,
    .problem = number_problem,
    .json = number_json,
    .text = number_text,
    .cell = number_cell,
};

/* -------------------------------------------------------------- date */

static enum roadmap_status date_load(const struct rm_field *f, const cJSON *v,
				     void *item, int fs, char *why, size_t size)
{
	struct roadmap_period p;
	struct roadmap_error e;
	bool *has = has_flag(f, item);

	if (!cJSON_IsString(v)) {
		return bad(why, size, "%s must be a date string", f->name);
	}
	if (roadmap_period_parse(v->valuestring, fs, &p, &e)) {
		return bad(why, size, "%s %s", f->name, e.message);
	}
	*RM_SLOT(f, item, roadmap_day) = f->end ? p.last : p.first;
	if (has) {
		*has = true;
	}
	return ROADMAP_OK;
}

static enum roadmap_status date_parse(const struct rm_field *f, const char *v,
				      void *item, const struct rm_parse *p,
				      struct roadmap_error *err)
{
	struct roadmap_period per;
	bool *has = item ? has_flag(f, item) : NULL;
	/* a date without a has_ flag (start, end) is never cleared */
	bool clear = clearing(f, v, p) && (f->flag || p->import);
	enum roadmap_status st;

	if (p->import && !*v && f->required) {
		return rm_fail(err, ROADMAP_ERR_DATA, "is empty");
	}
	if (!clear &&
	    (st = roadmap_period_parse(v, p->rm->fiscal_start, &per, err))) {
		return st;
	}
	if (item) {
		*RM_SLOT(f, item, roadmap_day) = clear	  ? 0
						 : f->end ? per.last
							  : per.first;
		if (has) {
			*has = !clear;
		}
	}
	return ROADMAP_OK;
}

static cJSON *date_json(const struct rm_field *f, const void *item,
			bool defaults, bool *omit)
{
	*omit = false;
	return RM_FIELD_HAS(f, item) ? rm_json_date(RM_AT(f, item, roadmap_day))
				     : absent(defaults, omit);
}

static void date_text(const struct rm_field *f, const struct roadmap *rm,
		      const void *item, bool people, struct strbuf *out)
{
	char buf[16];

	(void)rm;
	if (RM_FIELD_HAS(f, item)) {
		sb_puts(out,
			roadmap_day_format(RM_AT(f, item, roadmap_day), buf));
	} else {
		put_absent(people, out);
	}
}

static void date_cell(const struct rm_field *f, const void *item,
		      struct rm_cell *out)
{
	out->kind = RM_FIELD_HAS(f, item) ? RM_CELL_DATE : RM_CELL_NONE;
	out->day = RM_AT(f, item, roadmap_day);
}

const struct rm_type rm_type_date = {
    .load = date_load,
    .parse = date_parse,
    .json = date_json,
    .text = date_text,
    .cell = date_cell,
};

/* ------------------------------------------- money, FTE (hundredths) */

static int64_t fixed_max(const struct rm_field *f)
{
	return f->type == &rm_type_money ? ROADMAP_MONEY_MAX : RM_FTE_MAX;
}

static enum roadmap_status fixed_load(const struct rm_field *f, const cJSON *v,
				      void *item, int fs, char *why,
				      size_t size)
{
	bool *has = has_flag(f, item);

	(void)fs;
	if (has) {
		*has = true;
	}
	return rm_json_read_fixed2(v, f->name, fixed_max(f),
				   RM_SLOT(f, item, int64_t), why, size);
}

static enum roadmap_status money_parse(const struct rm_field *f, const char *v,
				       void *item, const struct rm_parse *p,
				       struct roadmap_error *err)
{
	bool *has = item ? has_flag(f, item) : NULL;
	/* without a has_ flag, import's empty cell is 0 */
	bool clear = clearing(f, v, p) && (f->flag || p->import);
	int64_t m = 0;

	if (!clear && roadmap_money_parse(v, &m, err)) {
		if (!p->import && err) {
			char msg[sizeof(err->message) + 64];
			snprintf(msg, sizeof(msg), "%s %s", f->name,
				 err->message);
			snprintf(err->message, sizeof(err->message), "%.*s",
				 (int)sizeof(err->message) - 1, msg);
		}
		return ROADMAP_ERR_DATA;
	}
	if (item) {
		*RM_SLOT(f, item, int64_t) = m;
		if (has) {
			*has = !clear;
		}
	}
	return ROADMAP_OK;
}

/* Why v is not an FTE figure: a number of FTE past the most says so. */
static const char *fte_problem(const char *v)
{
	int64_t h;
	size_t digits = strspn(v, "0123456789");

	if (rm_hundredths_parse(v, INT64_MAX / 10000, &h) ||
	    (digits > 0 && !v[digits] && v[0] != '0')) {
		return "is out of range (at most 1000000 FTE)";
	}
	return "is not a number of FTE (like 2 or 0.5)";
}

enum roadmap_status roadmap_fte_parse(const char *s, int64_t *out,
				      struct roadmap_error *err)
{
	char q[QBUF];

	if (!rm_hundredths_parse(s, RM_FTE_MAX, out)) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s %s",
			       rm_quote(s, q, sizeof(q)), fte_problem(s));
	}
	return ROADMAP_OK;
}

static enum roadmap_status fte_parse(const struct rm_field *f, const char *v,
				     void *item, const struct rm_parse *p,
				     struct roadmap_error *err)
{
	char q[QBUF];
	int64_t h = 0;

	if (p->import && !*v) {
		if (f->required) {
			return roadmap_fte_parse(v, &h, err);
		}
	} else if (!rm_hundredths_parse(v, RM_FTE_MAX, &h)) {
		return p->import
			   ? roadmap_fte_parse(v, &h, err)
			   : rm_fail(err, ROADMAP_ERR_DATA, "%s %s %s", f->name,
				     rm_quote(v, q, sizeof(q)), fte_problem(v));
	}
	if (item) {
		*RM_SLOT(f, item, int64_t) = h;
	}
	return ROADMAP_OK;
}

static const char *fixed_problem(const struct rm_field *f, const void *item,
				 char *buf, size_t size)
{
	int64_t v = RM_AT(f, item, int64_t);

	(void)buf;
	(void)size;
	return RM_FIELD_HAS(f, item) && (v < 0 || v > fixed_max(f))
		   ? "is out of range"
		   : NULL;
}

static cJSON *fixed_json(const struct rm_field *f, const void *item,
			 bool defaults, bool *omit)
{
	int64_t v = RM_AT(f, item, int64_t);

	*omit = false;
	if (!RM_FIELD_HAS(f, item)) {
		return absent(defaults, omit);
	}
	if (!defaults && !f->required && !f->flag && v == f->def) {
		*omit = true;
		return NULL;
	}
	return f->type == &rm_type_money ? rm_json_money(v)
					 : rm_json_hundredths(v);
}

static void money_text(const struct rm_field *f, const struct roadmap *rm,
		       const void *item, bool people, struct strbuf *out)
{
	char m[ROADMAP_NUMBER_BUF];
	int64_t v = RM_AT(f, item, int64_t);

	if (!RM_FIELD_HAS(f, item)) {
		put_absent(people, out);
		return;
	}
	if (people) {
		sb_puts(out, rm->currency);
		sb_puts(out, " ");
	}
	sb_puts(out, roadmap_money_format(v, people, m));
}

static void fte_text(const struct rm_field *f, const struct roadmap *rm,
		     const void *item, bool people, struct strbuf *out)
{
	char m[32];

	(void)rm;
	sb_puts(out, rm_hundredths_format(RM_AT(f, item, int64_t), m));
	if (people) {
		sb_puts(out, " FTE");
	}
}

static void fixed_cell(const struct rm_field *f, const void *item,
		       struct rm_cell *out)
{
	out->kind = !RM_FIELD_HAS(f, item)	? RM_CELL_NONE
		    : f->type == &rm_type_money ? RM_CELL_MONEY
						: RM_CELL_HUNDREDTHS;
	out->fixed = RM_AT(f, item, int64_t);
}

const struct rm_type rm_type_money = {
    .load = fixed_load,
    .parse = money_parse,
    .problem = fixed_problem,
    .json = fixed_json,
    .text = money_text,
    .cell = fixed_cell,
};

const struct rm_type rm_type_fte = {
    .load = fixed_load,
    .parse = fte_parse,
    .problem = fixed_problem,
    .json = fixed_json,
    .text = fte_text,
    .cell = fixed_cell,
};
