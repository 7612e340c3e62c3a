/* fix.h - ksizecheck --fix: applies the semantic patches of cocci/ with
 * spatch (Coccinelle) to the files that have findings.
 *
 * For each (file, script) pair, fix_run() runs
 *     spatch --sp-file DIR/SCRIPT.cocci -D patch --very-quiet OPTIONS FILE
 * (OPTIONS from the script's "// Options:" line, as make coccicheck does),
 * keeps the hunks that touch the requested functions, and
 *   FIX_DIFF:  prints them as a unified diff to out, with a/FILE and
 *              b/FILE headers relative to the request's root, as
 *              `make coccicheck MODE=patch` writes them (git apply and
 *              patch -p1 take it from root);
 *   FIX_APPLY: applies them to the file in memory, checks with libclang
 *              that the result parses with no more errors than the
 *              original (same compile flags), then writes it atomically
 *              (temporary file in the same directory + rename); on a parse
 *              regression the file is left untouched. Prints the diff and
 *              one "fixed FILE: ..." line per file.
 * Files are never modified in FIX_DIFF mode, nor when anything fails.
 */
#ifndef KC_FIX_FIX_H
#define KC_FIX_FIX_H

#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

struct kc_diag;

enum fix_mode { FIX_DIFF = 0, FIX_APPLY };

struct fix_request {
	const char *file;      /* source file with a finding */
	const char *dir;       /* directory file and cflags are relative to
				* (struct kc_tu's dir); NULL: the current one */
	const char *root;      /* the diff names file relative to it (the tree
				* in kernel mode); NULL: the current directory */
	const char *function;  /* function of the finding; NULL: whole file */
	const char *script;    /* basename without .cocci, e.g. "ksize_slack"
				* (kc_rule_info(rule)->fix, or finding->fix) */
	const char *const *cflags; /* compile flags of file (no file name),
				    * for the re-parse check; may be NULL */
	size_t ncflags;
};

/* The oldest spatch whose SmPL the shipped scripts use (\& conjunctions,
 * identifier sets, cocci.include_match). */
#define FIX_SPATCH_MIN "1.1.0"

/* Runs the fixes of reqs[0..n) (several requests of one file and script
 * are merged: the union of their functions, or the whole file when one
 * has no function). Scripts without a patch mode (report-only scripts such
 * as ksize_nonkmalloc) are skipped with a note on out. cocci_dir: where
 * SCRIPT.cocci lives (NULL: fix_default_cocci_dir()).
 * Returns 0 when every file was fixed or needed no change;
 * -KC_ECHILD when spatch is missing, older than FIX_SPATCH_MIN, or fails
 * (err names the script and the file; that file is untouched, the others
 * are still processed); -KC_EPARSE when a patched file would no longer
 * parse (rolled back: untouched); -KC_EIO when a file cannot be read or
 * written; -KC_ENOMEM. The first error is kept in err. */
int fix_run(const struct fix_request *reqs, size_t n, enum fix_mode mode,
	    const char *cocci_dir, FILE *out, struct kc_err *err);

/* Builds one request per (file, function, fix script) of the findings in d
 * that have a fix (finding->fix, else the rule's registry fix column).
 * cflags are left NULL for the caller to fill. *reqs is malloc'ed (free()
 * it; the strings point into d, which must outlive the requests); *n is
 * its length. Returns 0 or -KC_ENOMEM. */
int fix_requests_from_diag(const struct kc_diag *d, struct fix_request **reqs,
			   size_t *n, struct kc_err *err);

struct kc_tu_list;
/* --fix: builds the requests of d's fixable findings, gives each the
 * directory and the flags of its TU in tus (translated with
 * rules_dir/flags.tbl; rules_dir NULL: kc_rules_dir(NULL)), and runs
 * fix_run() in mode, printing to out. Diffs name files relative to root
 * (the tree in kernel mode; NULL: the directory ksizecheck runs in).
 * Returns 0 (also when nothing is fixable), or fix_run()'s error.
 * (fix_findings.c) */
int kc_fix_findings(enum fix_mode mode, const char *rules_dir,
		    const char *root, const struct kc_diag *d, const struct kc_tu_list *tus,
		    FILE *out, struct kc_err *err);

/* The cocci/ directory: $KSIZECHECK_COCCI_DIR, else the install prefix's
 * share/ksizecheck/cocci when it exists, else the source tree's cocci/
 * (KC_SOURCE_COCCI_DIR). Static string. */
const char *fix_default_cocci_dir(void);

/* Tools used by fix_run (tests point these at fakes). NULL restores the
 * default: "spatch" from PATH. The string must outlive the calls. */
void fix_set_spatch(const char *path);

#endif
