/* error.c - filling and formatting struct roadmap_error. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

void roadmap_error_clear(struct roadmap_error *err)
{
	if (err) {
		memset(err, 0, sizeof(*err));
	}
}

enum roadmap_status rm_fail(struct roadmap_error *err, enum roadmap_status st,
			    const char *fmt, ...)
{
	va_list ap;

	if (!err) {
		return st;
	}
	memset(err, 0, sizeof(*err));
	err->status = st;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return st;
}

enum roadmap_status rm_nomem(struct roadmap_error *err)
{
	return rm_fail(err, ROADMAP_ERR_NOMEM, "out of memory");
}

char *roadmap_error_format(const struct roadmap_error *err, char *buf,
			   size_t size)
{
	size_t n = 0;

	if (size == 0) {
		return buf;
	}
	buf[0] = '\0';
#define PUT(...)                                                               \
	do {                                                                   \
		if (n < size) {                                                \
			int w = snprintf(buf + n, size - n, __VA_ARGS__);      \
			n += w > 0 ? (size_t)w : 0;                            \
		}                                                              \
	} while (0)
	if (err->file[0]) {
		PUT("%s", err->file);
		if (err->line > 0) {
			PUT(":%ld", err->line);
			if (err->column > 0) {
				PUT(":%ld", err->column);
			}
		}
		PUT(": ");
	}
	if (err->where[0]) {
		PUT("%s: ", err->where);
	}
	PUT("%s", err->message[0] ? err->message : "unknown error");
#undef PUT
	return buf;
}

const char *roadmap_status_name(enum roadmap_status status)
{
	switch (status) {
	case ROADMAP_OK:
		return "success";
	case ROADMAP_ERR_USAGE:
		return "usage error";
	case ROADMAP_ERR_DATA:
		return "bad data";
	case ROADMAP_ERR_NOINPUT:
		return "cannot open input";
	case ROADMAP_ERR_INTERNAL:
		return "internal error";
	case ROADMAP_ERR_NOMEM:
		return "out of memory";
	case ROADMAP_ERR_CANTCREAT:
		return "cannot create output";
	case ROADMAP_ERR_IO:
		return "i/o error";
	case ROADMAP_ERR_LOCKED:
		return "roadmap locked";
	}
	return "unknown status";
}

enum roadmap_status rm_overflow(struct roadmap_error *err, const char *what)
{
	return rm_fail(err, ROADMAP_ERR_DATA,
		       "%s adds up to more than the largest amount this tool "
		       "can hold",
		       what);
}
