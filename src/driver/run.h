/* run.h - the driver: translation units, their inputs, and the run.
 *
 * main.c builds a struct kc_tu_list from files + flags, a compile
 * database (compdb.c), a Kbuild dry run (kbuild.c) or the arguments Kbuild
 * passes to CHECK= (kc_tus_from_check_args), then kc_run() parses and
 * analyses every TU in worker processes, merges the findings into one
 * struct kc_diag and fills struct kc_run_stats. Every TU ends in exactly
 * one enum kc_tu_status.
 */
#ifndef KC_DRIVER_RUN_H
#define KC_DRIVER_RUN_H

#include <stddef.h>

#include "cli/opts.h"
#include "diag/diag.h"
#include "driver/stats.h"
#include "util/err.h"

enum kc_tu_status {
	KC_TU_PENDING = 0,
	KC_TU_CLEAN,       /* parsed without errors */
	KC_TU_ERRORS,      /* parsed with clang errors (still analysed) */
	KC_TU_FAILED,      /* no AST: missing/binary/empty file, CXError */
	KC_TU_INTERNAL,    /* worker crashed, timed out or ran out of memory */
	KC_TU_SKIPPED,     /* not checked (shard, interrupted) */
};

struct kc_tu {
	char *file;    /* source as spelled in the command (maybe relative) */
	char *dir;     /* directory to parse in; NULL = current directory */
	char **argv;   /* compiler flags without compiler and source file, */
	int argc;      /* untranslated (flags.tbl applies in the worker) */
	int status;    /* enum kc_tu_status, set by kc_run() */
};

struct kc_tu_list {
	struct kc_tu *v;
	size_t n, cap;
};

/* Appends a TU; copies dir (may be NULL), file and argv[0..argc).
 * Returns 0 or -KC_ENOMEM. */
int kc_tu_list_add(struct kc_tu_list *l, const char *dir, const char *file,
		   char *const *argv, int argc);
/* Frees every TU and the array. */
void kc_tu_list_release(struct kc_tu_list *l);
/* Keeps only the TUs of shard index/count (by a hash of the file name,
 * independent of order). */
void kc_tu_list_shard(struct kc_tu_list *l, unsigned index, unsigned count);

struct kc_run_stats {
	unsigned long long tus_total;
	unsigned long long parsed_clean;
	unsigned long long parsed_errors;
	unsigned long long failed;
	unsigned long long internal_errors;
	unsigned long long skipped;
	unsigned long long findings;   /* after sort and de-duplication */
	double wall_seconds;
	int interrupted;               /* Ctrl-C / SIGTERM stopped the run */
	struct kc_stats counters;      /* summed over TUs */
};

/* Runs every TU of tus in kc_opts_jobs(opts) workers, analyses each with
 * env (NULL: parse only) and adds the
 * findings to out (sorted, de-duplicated). Per-TU problems are printed on
 * stderr as "file: error: ..." and counted in st, they are not errors of
 * kc_run. Returns 0, or -KC_EINTERNAL/-KC_ENOMEM when the driver itself
 * fails (cannot fork, ...) with err filled. */
struct kc_analysis_env;
int kc_run(const struct kc_opts *opts, const struct kc_analysis_env *env,
	   struct kc_tu_list *tus, struct kc_diag *out,
	   struct kc_run_stats *st, struct kc_err *err);

/* Prints the one-line summary ("ksizecheck: 412 files: 410 parsed, 1 with
 * errors, 1 failed; 3 findings"), and with detail the full accounting and
 * every non-zero counter, to f. */
void kc_run_stats_print(const struct kc_run_stats *st, int detail, FILE *f);

/* --print-compdb (o->print == 1): writes l as a compile database with the
 * untranslated flags; --print-commands (2): one "cd DIR && clang
 * -fsyntax-only FLAGS FILE" line per TU with the flags ksizecheck gives
 * libclang. Returns 0, or -KC_EIO/-KC_EPARSE (flags.tbl), -KC_ENOMEM. */
int kc_tu_list_print(const struct kc_opts *o, const struct kc_tu_list *l,
		     FILE *f, struct kc_err *err);

/* ---- inputs (compdb.c, kbuild.c, flags.c) ---- */

/* Splits a shell command line (quotes, backslashes; no expansion) into a
 * NULL-terminated heap vector; *argc gets the count. Free with
 * kc_argv_free(). Unquoted ; & | end a word and are returned as their own
 * words when seps is non-zero. Returns NULL on OOM or an unterminated
 * quote (then *argc = -1). */
char **kc_shell_split(const char *cmd, int seps, int *argc);
void kc_argv_free(char **argv);

/* Loads a compile database (a directory holding compile_commands.json, or
 * the file) and adds its C entries to l; when only is non-empty, just the
 * entries whose file matches one of them (same realpath). Returns 0,
 * -KC_EIO ("cannot open"), -KC_EPARSE ("compile_commands.json:LINE:
 * what"). */
int kc_compdb_load(const char *path, const struct kc_strlist *only,
		   struct kc_tu_list *l, struct kc_err *err);

/* Kernel mode: checks that tree is a configured, prepared kernel tree,
 * runs the Kbuild dry run limited to paths and adds one TU per kernel C
 * file. Returns 0, -KC_EUSAGE (not a kernel tree, not configured), -KC_EIO
 * or -KC_ECHILD (make failed) with err filled. */
int kc_kbuild_load(const char *tree, const struct kc_strlist *paths,
		   struct kc_tu_list *l, struct kc_err *err);

/* CHECK= form: splits Kbuild's "$(CHECKFLAGS) $(c_flags) file.c" (in
 * o->cflags) into the C file(s) and flags with rules/flags.tbl, and adds
 * one TU per file in the current directory. Returns 0, -KC_EUSAGE (no C
 * file), -KC_EIO/-KC_EPARSE (flags.tbl) or -KC_ENOMEM. */
int kc_tus_from_check_args(const struct kc_opts *o, struct kc_tu_list *l,
			   struct kc_err *err);

#endif
