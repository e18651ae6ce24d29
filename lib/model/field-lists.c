/*
 * field-lists.c - the field types that hold several values (see
 * field-types.c): a list of ids (goals, depends_on), the actuals by
 * fiscal quarter, dated readings (progress, measurements); and an
 * envelope's period.
 */
#include "field-type.h"

/* --------------------------------------------------------- ids (list) */

static enum roadmap_status ids_load(const struct rm_field *f, const cJSON *v,
				    void *item, int fs, char *why, size_t size)
{
	(void)fs;
	char **items = NULL;
	size_t n = 0;
	enum roadmap_status st =
	    rm_json_read_ids(v, f->name, &items, &n, why, size);

	/* the item owns what was read, even when it is refused */
	*RM_SLOT(f, item, clist) = (const char *const *)items;
	*count_of(f, item) = n;
	return st;
}

/* import's list: ids separated by ';' */
static enum roadmap_status ids_check_cell(const char *v,
					  struct roadmap_error *err)
{
	char q[QBUF];
	const char *p = v;

	while (*p) {
		size_t n = strcspn(p, ";");
		char item[80];
		if (n == 0 || n >= sizeof(item)) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s is not a ';'-separated list of ids",
				       rm_quote(v, q, sizeof(q)));
		}
		memcpy(item, p, n);
		item[n] = '\0';
		if (!roadmap_id_valid(item)) {
			return rm_fail(err, ROADMAP_ERR_DATA,
				       "%s is not a valid id",
				       rm_quote(item, q, sizeof(q)));
		}
		p += n + (p[n] == ';');
	}
	return ROADMAP_OK;
}

/* A list of references: split, each checked, then it replaces the old. */
static enum roadmap_status ids_parse(const struct rm_field *f, const char *v,
				     void *item, const struct rm_parse *p,
				     struct roadmap_error *err)
{
	char **items, *copy = NULL;
	size_t n;
	enum roadmap_status st;

	if (p->import) {
		if ((st = ids_check_cell(v, err)) || !item) {
			return st;
		}
		if (!(copy = rm_strdup(v))) {
			return ROADMAP_ERR_NOMEM;
		}
		for (char *c = copy; *c; c++) {
			*c = *c == ';' ? ',' : *c;
		}
		v = copy;
	}
	st = rm_split_ids(v, f->name, &items, &n, err);
	free(copy);
	for (size_t i = 0; st == ROADMAP_OK && i < n; i++) {
		st = f->ref == RM_REF_GOAL
			 ? rm_check_goal_ref(p->rm, items[i], err)
			 : rm_check_init_ref(p->rm, items[i], p->self, err);
	}
	if (st) {
		rm_list_free(items, n);
		return st;
	}
	rm_list_free(rm_list_own(RM_AT(f, item, clist)), count(f, item));
	*RM_SLOT(f, item, clist) = (const char *const *)items;
	*count_of(f, item) = n;
	return ROADMAP_OK;
}

static const char *ids_problem(const struct rm_field *f, const void *item,
			       char *buf, size_t size)
{
	const char *const *list = RM_AT(f, item, clist);

	(void)buf;
	(void)size;
	for (size_t k = 0; k < count(f, item); k++) {
		if (!roadmap_id_valid(list[k])) {
			return "holds an invalid id";
		}
	}
	return NULL;
}

static enum roadmap_status ids_refs(const struct rm_field *f,
				    const struct roadmap *rm, const void *item,
				    struct roadmap_error *err)
{
	const char *const *list = RM_AT(f, item, clist);
	size_t n = count(f, item);
	char q[QBUF];
	bool nomem;
	size_t dup = rm_first_duplicate((const char *const *)list, n, &nomem);
	enum roadmap_status st = ROADMAP_OK;
	const char *self = *(const char *const *)item; /* its id */

	if (nomem) {
		return rm_nomem(err);
	}
	if (dup < n) {
		return rm_fail(err, ROADMAP_ERR_DATA, "%s lists %s twice",
			       f->name, rm_quote(list[dup], q, sizeof(q)));
	}
	for (size_t i = 0; st == ROADMAP_OK && i < n; i++) {
		st = f->ref == RM_REF_GOAL
			 ? rm_check_goal_ref(rm, list[i], err)
			 : rm_check_init_ref(rm, list[i], self, err);
	}
	return st;
}

static cJSON *ids_json(const struct rm_field *f, const void *item,
		       bool defaults, bool *omit)
{
	size_t n = count(f, item);

	*omit = !n && !defaults;
	return *omit
		   ? NULL
		   : rm_json_string_list(rm_list_own(RM_AT(f, item, clist)), n);
}

/* ';' between the ids of a CSV cell, ", " for people */
static void ids_text(const struct rm_field *f, const struct roadmap *rm,
		     const void *item, bool people, struct strbuf *out)
{
	const char *const *list = RM_AT(f, item, clist);
	size_t n = count(f, item);

	(void)rm;
	if (!n) {
		put_absent(people, out);
	}
	for (size_t k = 0; k < n; k++) {
		if (k) {
			sb_puts(out, people ? ", " : ";");
		}
		sb_puts(out, list[k]);
	}
}

static void ids_cell(const struct rm_field *f, const void *item,
		     struct rm_cell *out)
{
	out->kind = count(f, item) ? RM_CELL_TEXT : RM_CELL_NONE;
}

static bool ids_copy(const struct rm_field *f, void *dst, const void *src)
{
	const char *const *list = RM_AT(f, src, clist);
	size_t n = count(f, src);

	*RM_SLOT(f, dst, clist) = NULL;
	*count_of(f, dst) = 0;
	for (size_t i = 0; i < n; i++) {
		if (!rm_list_add(RM_SLOT(f, dst, clist), count_of(f, dst),
				 list[i])) {
			return false;
		}
	}
	return true;
}

static void ids_release(const struct rm_field *f, void *item)
{
	rm_list_free(rm_list_own(RM_AT(f, item, clist)), count(f, item));
}

const struct rm_type rm_type_ids = {
    .counted = true,
    .text_cell = true,
    .list = true,
    .load = ids_load,
    .parse = ids_parse,
    .problem = ids_problem,
    .refs = ids_refs,
    .json = ids_json,
    .text = ids_text,
    .cell = ids_cell,
    .copy = ids_copy,
    .release = ids_release,
};

/* ----------------------------------------- actuals (by fiscal quarter) */

/* One kind of a split actual: an object of opex and capex, either may be
 * left out (0). */
static enum roadmap_status actual_kinds_load(const cJSON *v, const char *label,
					     struct roadmap_actual *a,
					     char *why, size_t size)
{
	const cJSON *k;
	enum roadmap_status st;
	char key[48], q[QBUF];

	if ((st = rm_json_dup_key(v, why, size))) {
		return st;
	}
	a->split = true;
	cJSON_ArrayForEach(k, v)
	{
		bool capex = !strcmp(k->string, ROADMAP_FIELD_CAPEX);
		if (!capex && strcmp(k->string, ROADMAP_FIELD_OPEX)) {
			return bad(why, size,
				   "actuals %s: unknown key %s (opex or "
				   "capex)",
				   label, rm_quote(k->string, q, sizeof(q)));
		}
		snprintf(key, sizeof(key), "actuals %s %s", label, k->string);
		if ((st = rm_json_read_fixed2(k, key, ROADMAP_MONEY_MAX,
					      capex ? &a->capex : &a->opex,
					      why, size))) {
			return st;
		}
	}
	if (!v->child) {
		return bad(why, size, "actuals %s: needs opex or capex",
			   label);
	}
	a->amount = a->opex + a->capex;
	if (a->amount > ROADMAP_MONEY_MAX) {
		return bad(why, size, "actuals %s: opex and capex add up to "
				      "more than an amount may hold",
			   label);
	}
	return ROADMAP_OK;
}

static enum roadmap_status actuals_load(const struct rm_field *f,
					const cJSON *v, void *item, int fs,
					char *why, size_t size)
{
	const cJSON *a;
	enum roadmap_status st;
	char q[QBUF];

	(void)f;
	if (!cJSON_IsObject(v)) {
		return bad(why, size,
			   "actuals must be an object of quarter amounts");
	}
	if ((st = rm_json_dup_key(v, why, size))) {
		return st;
	}
	cJSON_ArrayForEach(a, v)
	{
		struct roadmap_period p;
		struct roadmap_error e;
		struct roadmap_actual put = {0};
		/* a quarter whose days are outside the years says so */
		if (a->string[0] != 'F' && rm_fiscal_label(a->string) &&
		    roadmap_period_parse(a->string, fs, &p, &e)) {
			return bad(why, size, "actuals: %s", e.message);
		}
		if (roadmap_period_parse(a->string, fs, &p, NULL) ||
		    p.kind != ROADMAP_PERIOD_QUARTER) {
			return bad(why, size,
				   "actuals: %s is not a fiscal quarter "
				   "(YYYY-Qn)",
				   rm_quote(a->string, q, sizeof(q)));
		}
		char key[40];
		snprintf(key, sizeof(key), "actuals %s", a->string);
		if (cJSON_IsObject(a)) {
			st = actual_kinds_load(a, a->string, &put, why, size);
		} else if (!cJSON_IsNumber(a)) {
			return bad(why, size,
				   "%s must be an amount or an object of "
				   "opex and capex",
				   key);
		} else {
			st = rm_json_read_fixed2(a, key, ROADMAP_MONEY_MAX,
						 &put.amount, why, size);
		}
		if (st) {
			return st;
		}
		put.qi = p.year * 4 + p.index - 1;
		if (!rm_actual_put(item, &put)) {
			return ROADMAP_ERR_NOMEM;
		}
	}
	return ROADMAP_OK;
}

/* An actual as the file holds it: a number, or its two kinds. */
static cJSON *actual_json(const struct roadmap_actual *a)
{
	if (!a->split) {
		return rm_json_money(a->amount);
	}
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;
	rm_json_add_copy(o, ROADMAP_FIELD_OPEX, rm_json_money(a->opex), &ok);
	rm_json_add_copy(o, ROADMAP_FIELD_CAPEX, rm_json_money(a->capex), &ok);
	return ok ? o : (cJSON_Delete(o), NULL);
}

static cJSON *actuals_json(const struct rm_field *f, const void *item,
			   bool defaults, bool *omit)
{
	const struct roadmap_initiative *in = item;

	(void)f;
	*omit = !in->n_actuals && !defaults;
	if (*omit) {
		return NULL;
	}
	cJSON *a = cJSON_CreateObject();
	bool ok = a != NULL;
	for (size_t k = 0; a && k < in->n_actuals; k++) {
		char label[12];
		roadmap_quarter_label(in->actuals[k].qi, label);
		rm_json_add_copy(a, label, actual_json(&in->actuals[k]), &ok);
	}
	return ok ? a : (cJSON_Delete(a), NULL);
}

static bool actuals_copy(const struct rm_field *f, void *dst, const void *src)
{
	const struct roadmap_initiative *s = src;
	struct roadmap_initiative *d = dst;

	(void)f;
	d->actuals = NULL;
	d->n_actuals = 0;
	for (size_t i = 0; i < s->n_actuals; i++) {
		if (!rm_actual_put(d, &s->actuals[i])) {
			return false;
		}
	}
	return true;
}

static void actuals_release(const struct rm_field *f, void *item)
{
	(void)f;
	free(((struct roadmap_initiative *)item)->actuals);
}

const struct rm_type rm_type_actuals = {
    .counted = true,
    .load = actuals_load,
    .json = actuals_json,
    .copy = actuals_copy,
    .release = actuals_release,
};

/* ------------------------------------ readings (dated figures) */

typedef struct roadmap_reading *readings;

/* date -> number, a period read as its last day, one figure per day */
static enum roadmap_status readings_load(const struct rm_field *f,
					 const cJSON *v, void *item, int fs,
					 char *why, size_t size)
{
	const cJSON *a;
	enum roadmap_status st;

	if (!cJSON_IsObject(v)) {
		return bad(why, size, "%s must be an object of dated %s",
			   f->name, f->percent ? "percents" : "values");
	}
	if ((st = rm_json_dup_key(v, why, size))) {
		return st;
	}
	cJSON_ArrayForEach(a, v)
	{
		struct roadmap_period p;
		struct roadmap_error e;
		char key[80], day[16];
		double value = 0;
		int64_t h = 0;
		bool again = false;
		if (roadmap_period_parse(a->string, fs, &p, &e)) {
			return bad(why, size, "%s: %s", f->name, e.message);
		}
		snprintf(key, sizeof(key), "%s %.40s", f->name, a->string);
		if (f->percent || f->fte) {
			st = rm_json_read_fixed2(a, key,
						 f->fte ? RM_FTE_MAX : 100 * 100,
						 &h, why, size);
			value = (double)h / 100.0;
		} else {
			st = rm_json_read_number(a, key, &value, why, size);
		}
		if (st) {
			return st;
		}
		roadmap_day d = f->fte ? p.first : p.last;
		if (!rm_reading_put(RM_SLOT(f, item, readings),
				    count_of(f, item), d, value, &again)) {
			return ROADMAP_ERR_NOMEM;
		}
		if (again) {
			return bad(why, size, "%s: %s is given twice", f->name,
				   roadmap_day_format(d, day));
		}
	}
	return ROADMAP_OK;
}

static const char *readings_problem(const struct rm_field *f, const void *item,
				    char *buf, size_t size)
{
	const struct roadmap_reading *r = RM_AT(f, item, readings);
	const char *why = NULL;

	(void)buf;
	(void)size;
	for (size_t k = 0; k < count(f, item) && !why; k++) {
		why = f->percent	      ? rm_percent_problem(r[k].value)
		      : !isfinite(r[k].value) ? "holds a number out of range"
					      : NULL;
	}
	return why;
}

static cJSON *readings_json(const struct rm_field *f, const void *item,
			    bool defaults, bool *omit)
{
	const struct roadmap_reading *r = RM_AT(f, item, readings);
	size_t n = count(f, item);

	*omit = !n && !defaults;
	if (*omit) {
		return NULL;
	}
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;
	for (size_t k = 0; o && k < n; k++) {
		char day[16];
		roadmap_day_format(r[k].day, day);
		rm_json_add_copy(
		    o, day,
		    f->percent || f->fte
			? rm_json_hundredths(llround(r[k].value * 100))
			: cJSON_CreateNumber(r[k].value),
		    &ok);
	}
	return ok ? o : (cJSON_Delete(o), NULL);
}

static bool readings_copy(const struct rm_field *f, void *dst, const void *src)
{
	const struct roadmap_reading *r = RM_AT(f, src, readings);
	size_t n = count(f, src);

	*RM_SLOT(f, dst, readings) = NULL;
	*count_of(f, dst) = 0;
	for (size_t i = 0; i < n; i++) {
		if (!rm_reading_put(RM_SLOT(f, dst, readings), count_of(f, dst),
				    r[i].day, r[i].value, NULL)) {
			return false;
		}
	}
	return true;
}

static void readings_release(const struct rm_field *f, void *item)
{
	free(*RM_SLOT(f, item, readings));
}

const struct rm_type rm_type_readings = {
    .counted = true,
    .load = readings_load,
    .problem = readings_problem,
    .json = readings_json,
    .copy = readings_copy,
    .release = readings_release,
};

/* ------------------------------------------- an envelope's period */

static enum roadmap_status period_load(const struct rm_field *f, const cJSON *v,
				       void *item, int fs, char *why,
				       size_t size)
{
	struct roadmap_budget *b = item;
	struct roadmap_period p;
	struct roadmap_error e;
	char q[QBUF];

	/* A label of the right form whose period a July fiscal year pushes
	 * out of the years (FY1900 begins 1899-07-01) says so. */
	if (cJSON_IsString(v) && rm_fiscal_label(v->valuestring) &&
	    roadmap_period_parse(v->valuestring, fs, &p, &e)) {
		return bad(why, size, "%s %s", f->name, e.message);
	}
	if (!cJSON_IsString(v) ||
	    roadmap_period_parse(v->valuestring, fs, &p, NULL) ||
	    (p.kind != ROADMAP_PERIOD_QUARTER &&
	     p.kind != ROADMAP_PERIOD_YEAR)) {
		return bad(why, size,
			   "%s %s is not a fiscal quarter (YYYY-Qn) or "
			   "fiscal year (FYYYYY)",
			   f->name,
			   cJSON_IsString(v)
			       ? rm_quote(v->valuestring, q, sizeof(q))
			       : "(not a string)");
	}
	b->is_year = p.kind == ROADMAP_PERIOD_YEAR;
	b->year = p.year;
	b->quarter = p.index;
	return ROADMAP_OK;
}

static cJSON *period_json(const struct rm_field *f, const void *item,
			  bool defaults, bool *omit)
{
	char label[16];

	(void)f;
	(void)defaults;
	*omit = false;
	return cJSON_CreateString(rm_budget_label(item, label, sizeof(label)));
}

static void period_text(const struct rm_field *f, const struct roadmap *rm,
			const void *item, bool people, struct strbuf *out)
{
	char label[16];

	(void)f;
	(void)rm;
	(void)people;
	sb_puts(out, rm_budget_label(item, label, sizeof(label)));
}

const struct rm_type rm_type_period = {
    .load = period_load,
    .json = period_json,
    .text = period_text,
};
