/* flags.h - gcc/sparse/clang flags -> libclang arguments (rules/flags.tbl).
 *
 * One table decides every flag: keep, drop, replace, paired with its next
 * argument, or "input" (a source file). Flags in no row pass through and
 * are reported (the caller drops them when clang rejects them).
 */
#ifndef KC_DRIVER_FLAGS_H
#define KC_DRIVER_FLAGS_H

#include "util/err.h"

enum kc_flag_action {
	KC_FLAG_UNKNOWN = 0, /* in no row: passed through */
	KC_FLAG_KEEP,
	KC_FLAG_KEEP_ARG,
	KC_FLAG_DROP,
	KC_FLAG_DROP_ARG,
	KC_FLAG_REPLACE,
	KC_FLAG_INPUT,
};

struct kc_flag_table;

/* Loads rules/flags.tbl-style file path. Returns 0 and *out (free with
 * kc_flags_free), or -KC_EIO/-KC_EPARSE ("flags.tbl:12:9: unknown action
 * 'kepe'") / -KC_ENOMEM. */
int kc_flags_load(const char *path, struct kc_flag_table **out,
		  struct kc_err *err);
void kc_flags_free(struct kc_flag_table *t);

/* The action for one argument; *repl and *nrepl get the replacement fields
 * (owned by t) for KC_FLAG_REPLACE. */
int kc_flags_lookup(const struct kc_flag_table *t, const char *arg,
		    char *const **repl, int *nrepl);

/* Translates argv[0..argc) into a NULL-terminated heap vector of libclang
 * arguments (strings owned by t or argv: free only the vector). Input
 * files (KC_FLAG_INPUT) are left out. Flags in no row are passed through
 * and stored in *unknown (heap vector, NULL-terminated, may be NULL).
 * Returns the vector and its length in *out_n, NULL on OOM. */
const char **kc_flags_translate(const struct kc_flag_table *t,
				char *const *argv, int argc, int *out_n,
				const char ***unknown);

#endif
