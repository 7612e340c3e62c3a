/* err.c - error records (see err.h). */
#include "util/err.h"

#include <stdio.h>
#include <string.h>

int kc_err_vset(struct kc_err *err, int code, const char *file, unsigned line,
		unsigned col, const char *fmt, va_list ap)
{
	if (!err)
		return -code;
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->col = col;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return -code;
}

int kc_err_set(struct kc_err *err, int code, const char *file, unsigned line,
	       unsigned col, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = kc_err_vset(err, code, file, line, col, fmt, ap);
	va_end(ap);
	return ret;
}

void kc_err_format(const struct kc_err *err, char *buf, unsigned long size)
{
	if (err->file[0] && err->line && err->col)
		snprintf(buf, size, "%s:%u:%u: %s", err->file, err->line,
			 err->col, err->msg);
	else if (err->file[0] && err->line)
		snprintf(buf, size, "%s:%u: %s", err->file, err->line,
			 err->msg);
	else if (err->file[0])
		snprintf(buf, size, "%s: %s", err->file, err->msg);
	else
		snprintf(buf, size, "%s", err->msg);
}

void kc_err_clear(struct kc_err *err)
{
	memset(err, 0, sizeof(*err));
}
