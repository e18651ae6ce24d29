/*
 * field-type.h - what the files of the field types (field-types.c,
 * field-choices.c, field-lists.c) share: how a value is reached in its
 * item, and the words for "absent".
 */
#ifndef ROADMAP_FIELD_TYPE_H
#define ROADMAP_FIELD_TYPE_H

#include "fields.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QBUF 160
typedef const char *cstr;
/* the public lists (goals, depends_on), changed through rm_list_own */
typedef const char *const *clist;

__attribute__((format(printf, 3, 4))) static inline enum roadmap_status
bad(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return ROADMAP_ERR_DATA;
}

static inline bool *has_flag(const struct rm_field *f, void *item)
{
	return f->flag && !f->type->counted
		   ? (bool *)(void *)((char *)item + f->flag)
		   : NULL;
}

static inline size_t *count_of(const struct rm_field *f, void *item)
{
	return (size_t *)(void *)((char *)item + f->flag);
}

static inline size_t count(const struct rm_field *f, const void *item)
{
	return *(const size_t *)(const void *)((const char *)item + f->flag);
}

/* "Absent": null in the JSON of `list` and `show`, left out of the file. */
static inline cJSON *absent(bool defaults, bool *omit)
{
	*omit = !defaults;
	return defaults ? cJSON_CreateNull() : NULL;
}

static inline void put_absent(bool people, struct strbuf *out)
{
	sb_puts(out, people ? "-" : "");
}

/* A set clears an optional field with an empty value; import's empty
 * cell is the field's default. */
static inline bool clearing(const struct rm_field *f, const char *v,
			    const struct rm_parse *p)
{
	return !*v && (p->import || !f->required);
}

/* A value with at most two decimals, as hundredths, at most max. */
enum roadmap_status rm_json_read_fixed2(const cJSON *v, const char *key,
					int64_t max, int64_t *out, char *why,
					size_t size);

#endif
