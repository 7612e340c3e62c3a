/* genhdr_int.h - the state of genhdr.c and genhdr_rules.c (genhdr.h).
 * Not for use outside those two files.
 */
#ifndef KC_DRIVER_GENHDR_INT_H
#define KC_DRIVER_GENHDR_INT_H

#include "driver/genhdr.h"
#include "util/strbuf.h"
#include "util/vec.h"

/* A Makefile read once (genhdr_rules.c). */
struct genhdr_mk {
	char *path;  /* tree-relative */
	char *text;  /* "" when it cannot be read */
};

enum genhdr_state {
	GENHDR_QUIET,    /* lacks generated headers, errors not shown */
	GENHDR_HELD,     /* held back for --build-generated */
	GENHDR_REBUILT,  /* held, then built: checked again */
};

/* A TU that lacked generated headers. */
struct genhdr_tu {
	size_t idx;            /* in the TU list */
	char *file;            /* tree-relative source */
	char **headers;        /* tree-relative generated headers it lacked */
	size_t nheaders;
	unsigned long long errors; /* its clang errors (not shown) */
	int state;             /* enum genhdr_state */
};

struct kc_genhdr {
	char *tree;          /* as the user named it, for messages */
	char *tree_real;
	char **make;         /* make -C TREE [flags], NULL-terminated */
	size_t nmake;
	int build_jobs;      /* --build-generated: make -j; 0: off */
	KC_VEC(struct genhdr_tu) tus;
	KC_VEC(struct genhdr_mk) mk;
	int make_status;     /* of the build, -1 before it */
	double build_seconds;
};

#endif
