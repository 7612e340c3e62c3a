/* err.h - error reporting for library code.
 *
 * Library functions never exit or abort. They return 0 on success or a
 * negative KC_E* code, and fill a struct kc_err that says where (file,
 * line, column when known) and what went wrong, in git style: lowercase,
 * no full stop, subject quoted ("cannot open 'x.c'"). Only main.c turns
 * errors into exit codes.
 */
#ifndef KC_UTIL_ERR_H
#define KC_UTIL_ERR_H

#include <stdarg.h>

enum {
	KC_OK = 0,
	KC_EIO = 1,      /* file missing, unreadable, write failure */
	KC_EPARSE = 2,   /* malformed input (rules, json, config, ...) */
	KC_EUSAGE = 3,   /* bad command line */
	KC_ENOMEM = 4,
	KC_EINTERNAL = 5,
	KC_ECHILD = 6,   /* external tool (make, spatch, sparse) failed */
};

struct kc_err {
	int code;          /* one of KC_E*, 0 when no error */
	char file[512];    /* empty when the error has no file */
	unsigned line;     /* 0 when unknown */
	unsigned col;      /* 0 when unknown */
	char msg[1024];
};

#if defined(__GNUC__)
#define KC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define KC_PRINTF(a, b)
#endif

/* Record an error and return -code, so callers can `return kc_err_set(...)`.
 * file may be NULL. err may be NULL (then only the code is returned). */
int kc_err_set(struct kc_err *err, int code, const char *file, unsigned line,
	       unsigned col, const char *fmt, ...) KC_PRINTF(6, 7);
int kc_err_vset(struct kc_err *err, int code, const char *file, unsigned line,
		unsigned col, const char *fmt, va_list ap);

/* Format "file:line:col: msg" (parts omitted when unknown) into buf. */
void kc_err_format(const struct kc_err *err, char *buf, unsigned long size);

/* Clear an error record. */
void kc_err_clear(struct kc_err *err);

#endif
