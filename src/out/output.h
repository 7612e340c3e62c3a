/* output.h - what happens to findings after the analysis: fingerprints,
 * inline suppressions, baselines, the JSON and SARIF writers, the exit
 * policy, the .ksizecheck.json configuration file, `--changed-since` and
 * `ksizecheck merge`.
 *
 * Order of calls in main (after every TU ran and kc_diag_sort_unique()):
 *
 *   out_fingerprint_all(&diag, &err);            (optional: the others call
 *                                                 it when fingerprints are
 *                                                 missing)
 *   out_apply_suppressions(&diag, &sup, &err);
 *   out_apply_baseline(&diag, path, &base, &err);   with --baseline
 *   out_write_baseline(&diag, path, &err);          with --write-baseline
 *   out_write(&diag, fmt, &run, out, &err);
 *   out_suppress_stats_print(&sup, stderr);         warnings; list with --stats
 *   exit(out_exit_code(&diag, policy));
 *
 * Findings that a suppression or the baseline removes leave diag->v; they
 * stay owned by the diag's arena and are listed in the stats/result
 * structs so the writers can still report them (SARIF "suppressions",
 * JSON "suppressed") - never silently.
 */
#ifndef KC_OUT_OUTPUT_H
#define KC_OUT_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "diag/diag.h"
#include "driver/options.h"
#include "util/err.h"

#define OUT_JSON_VERSION 1
#define OUT_BASELINE_VERSION 1
#define OUT_FINGERPRINT_KEY "ksizecheck/v1"
#define OUT_INFORMATION_URI "https://github.com/ksizecheck/ksizecheck"
#define OUT_RULE_DOC_URI OUT_INFORMATION_URI "/blob/main/docs/rules/"

enum out_format {
	OUT_FORMAT_TEXT = 0,
	OUT_FORMAT_JSON = 1,
	OUT_FORMAT_SARIF = 2,
	OUT_FORMAT_HTML = 3,     /* a directory (out/html.h) */
};

enum out_fail_on {
	OUT_FAIL_ON_ANY = 0,     /* any finding, notes included (default) */
	OUT_FAIL_ON_WARNING = 1, /* warning or error */
	OUT_FAIL_ON_ERROR = 2,   /* findings of severity error */
	OUT_FAIL_ON_NONE = 3,    /* never fail because of findings */
};

/* "text"/"json"/"sarif" -> *fmt. Returns 0 or -KC_EUSAGE (err filled). */
int out_format_parse(const char *s, enum out_format *fmt, struct kc_err *err);
/* Format from an output file name (.json, .sarif); -1 when unknown. */
int out_format_from_path(const char *path);
/* "error"/"warning"/"any"/"none" -> *p. Returns 0 or -KC_EUSAGE. */
int out_fail_on_parse(const char *s, enum out_fail_on *p, struct kc_err *err);

/* ---- fingerprints (fingerprint.c) ---- */

/* Fills f->fingerprint of every finding of d that has none: a hash of the
 * rule id, the function, and the whitespace- and comment-normalized source
 * text of the finding's line and of its allocation/ksize/free note lines,
 * followed by ":N", the occurrence index among identical hashes (so two
 * equal bugs in one function differ). No line numbers go in, so adding
 * lines above a finding keeps it. When a source file cannot be read the
 * message with digits removed stands in for the text. Strings live in
 * d's arena. Returns 0 or -KC_ENOMEM. */
int out_fingerprint_all(struct kc_diag *d, struct kc_err *err);

/* Path as stored in baselines and SARIF: relative to the current directory
 * when the file is below it, else unchanged. Returns buf. */
const char *out_rel_path(const char *path, char *buf, size_t size);

/* ---- inline suppressions (suppress.c) ---- */

/* One `ksizecheck: ignore RULE[,RULE]: reason` comment. */
struct out_suppression {
	const char *file;
	unsigned line;         /* line of the comment */
	const char *rules;     /* as written: "slack-write" or "all" */
	const char *reason;    /* NULL when missing */
	unsigned used;         /* findings it suppressed */
};

/* A problem with a suppression comment: printed as a warning. */
struct out_warning {
	const char *file;
	unsigned line;
	const char *msg;
};

/* A finding taken out of the diag, with why. */
struct out_removed {
	const struct kc_finding *f; /* owned by the diag's arena */
	const char *why;            /* reason text, or "baseline" */
	const char *file;           /* of the suppressing comment, or NULL */
	unsigned line;
};

struct out_suppress_stats {
	size_t nsuppressed;                 /* findings removed */
	struct out_suppression *sup;        /* every comment seen */
	size_t nsup;
	struct out_warning *warn;           /* missing reason, unknown rule */
	size_t nwarn;
	struct out_removed *removed;        /* the findings removed */
	size_t nremoved;
};

/* Reads the source file of every finding (each once), collects its
 * suppression comments, and removes from d each finding whose line or the
 * line above carries `ksizecheck: ignore` for its rule (or "all"). The
 * comment may be a block or a line comment. Fills *st (release with
 * out_suppress_stats_release()). Unreadable files are skipped. Returns 0
 * or -KC_ENOMEM. */
int out_apply_suppressions(struct kc_diag *d, struct out_suppress_stats *st,
			   struct kc_err *err);
void out_suppress_stats_release(struct out_suppress_stats *st);

/* Prints the warnings (always) as `file:line: warning: ...`, and with
 * list != 0 (--stats) every suppression with its count and reason, and
 * every finding the suppressions removed. Returns 0 or -KC_EIO. */
int out_suppress_stats_print(const struct out_suppress_stats *st, int list,
			     FILE *out);

/* ---- baselines (baseline.c) ---- */

/* A baseline entry that matched no finding: the bug was fixed. */
struct out_fixed {
	const char *rule;
	const char *file;
	const char *function;    /* or NULL */
	unsigned line;           /* line when the baseline was written */
	const char *fingerprint;
	const char *message;
};

struct out_baseline_result {
	size_t nentries;         /* entries in the baseline file */
	size_t nsuppressed;      /* findings the baseline removed */
	struct out_removed *removed;
	size_t nremoved;
	struct out_fixed *fixed; /* entries that no longer match */
	size_t nfixed;
	char *strings;           /* owns the strings of fixed[]; internal */
	void *json;              /* internal: the parsed file */
};

/* Removes from d every finding that the baseline at baseline_path lists
 * (same rule, file and fingerprint - so moved findings still match; each
 * entry matches at most once), and lists the entries that matched nothing
 * as fixed. Returns 0, -KC_EIO (cannot read), -KC_EPARSE (malformed: err
 * holds file:line and what is wrong) or -KC_ENOMEM. Release *res with
 * out_baseline_result_release(). */
int out_apply_baseline(struct kc_diag *d, const char *baseline_path,
		       struct out_baseline_result *res, struct kc_err *err);
void out_baseline_result_release(struct out_baseline_result *res);

/* Writes every finding of d as a baseline (JSON, docs/json-schema.md).
 * Written to a temporary file, then renamed. Returns 0 or -KC_EIO. */
int out_write_baseline(const struct kc_diag *d, const char *path,
		       struct kc_err *err);

/* Prints "file:line: fixed: [rule] message (baseline entry ...)" for each
 * fixed entry. Returns 0 or -KC_EIO. */
int out_baseline_print_fixed(const struct out_baseline_result *res,
			     FILE *out);

/* ---- writers (json_out.c, sarif.c) ---- */

/* A TU that failed to parse (or parsed with errors): a SARIF tool
 * notification and a JSON "notifications" entry. */
struct out_file_note {
	const char *file;
	const char *level;       /* "error" (failed) or "warning" */
	const char *message;     /* "parse failed: CXError_Crashed" */
};

struct apidb;
struct out_html_opts;

struct out_run_info {
	const char *tool_version;     /* NULL: KC_VERSION */
	const char *command_line;     /* or NULL */
	const char *config;           /* slab configuration id, or NULL */
	/* the slab preset judged under (set also when config is NULL: the
	 * default) and why it was chosen, or NULL */
	const char *slab_preset, *slab_preset_reason;
	/* parse accounting */
	size_t tu_total, tu_parsed, tu_parsed_with_errors, tu_failed;
	const struct out_file_note *notes;
	size_t nnotes;
	/* free-form counters ("ksize_calls": 12, ...) added to accounting */
	const char *const *stat_names;
	const unsigned long long *stat_values;
	size_t nstats;
	/* what suppressions and the baseline removed; either may be NULL */
	const struct out_suppress_stats *suppress;
	const struct out_baseline_result *baseline;
	/* SARIF: also emit the removed findings as results carrying
	 * "suppressions" (GitHub code scanning ignores that property and
	 * would open alerts for them, so off by default) */
	int sarif_suppressed;
	/* the API database (SARIF fixes: which argument is the size); may
	 * be NULL */
	const struct apidb *api;
	/* --format=html: the report's directory and what it shows (out/html.h);
	 * out_write() then ignores its FILE */
	const struct out_html_opts *html;
};

/* Writes d in fmt to out. Text: kc_diag_write_text(). JSON: the versioned
 * document of docs/json-schema.md. SARIF: 2.1.0 (one run). Call
 * out_fingerprint_all() first (the suppression and baseline functions do):
 * a finding without a fingerprint gets no partialFingerprints. Returns 0,
 * -KC_EIO or -KC_ENOMEM. */
int out_write(const struct kc_diag *d, enum out_format fmt,
	      const struct out_run_info *run, FILE *out, struct kc_err *err);

/* Exit status for d under policy: 1 when a remaining finding is at or
 * above the policy's severity, else 0. */
int out_exit_code(const struct kc_diag *d, enum out_fail_on policy);

/* ---- configuration file (config.c) ---- */

#define OUT_CONFIG_MAX_LIST 64

struct out_config {
	char path[512];               /* the file read, "" when none found */
	char dir[512];                /* its directory */
	/* per rule: -1 unset, 0 disabled, 1 enabled (enum kc_rule_id) */
	signed char rule_state[KC_RULE_COUNT];
	int only_enabled;             /* "enable" given: others are off */
	char slab_config[64];         /* "" when unset */
	char *rules_files[OUT_CONFIG_MAX_LIST];  /* absolute or cwd-relative */
	size_t nrules_files;
	char *exclude[OUT_CONFIG_MAX_LIST];      /* globs, as written */
	size_t nexclude;
	char fail_on[16];             /* "" when unset */
	char baseline[512];           /* "" when unset */
	char cache_dir[512];          /* "" when unset (cache/cache.h) */
	unsigned long long cache_max_size; /* 0 when unset */
};

/* Finds .ksizecheck.json: start is a file (read it) or a directory (look
 * there and in each parent up to /; NULL means the current directory).
 * Not finding one is not an error (cfg->path is ""). Returns 0, -KC_EIO,
 * or -KC_EPARSE with err = file:line: what is wrong. Release with
 * out_config_release(). */
int out_config_load(const char *start_dir_or_file, struct out_config *cfg,
		    struct kc_err *err);
void out_config_release(struct out_config *cfg);

/* 1 when rule is enabled by cfg (a NULL cfg enables all). */
int out_config_rule_enabled(const struct out_config *cfg, int rule);
/* 1 when path matches an exclude glob (see docs/ci.md for the syntax). */
int out_config_excluded(const struct out_config *cfg, const char *path);

/* ---- glue for main (finish.c) ---- */

/* The output stage's options: the library's own struct, which the
 * command line (src/cli/opts.c) fills. Strings are borrowed. */
struct out_opts {
	int format;                 /* enum out_format */
	const char *output;         /* report file, NULL = stdout */
	const char *baseline;       /* baseline to apply, or NULL */
	const char *write_baseline; /* baseline to write, or NULL */
	int fail_on;                /* enum out_fail_on */
	int fail_on_set;            /* fail_on was chosen (not the default) */
	int stats;                  /* list the suppressions */
	int quiet;                  /* no notes about hidden findings */
	int check_form;             /* called as CHECK=: findings exit 0
				     * unless fail_on_set */
};

/* Fills the options cfg sets and the command line did not: the slab
 * configuration and further API tables (run: run->slab_config, appended
 * to run->rules) and the baseline and fail_on (o; then fail_on_set = 1).
 * The strings stay owned by cfg, which must outlive o and run. Returns
 * 0, -KC_EPARSE or -KC_ENOMEM. */
int out_config_apply(const struct out_config *cfg, struct out_opts *o,
		     struct kc_run_opts *run, struct kc_err *err);

/* The enabled rules as a bit mask (bit 1 << rule), for
 * kc_analysis_env.enabled_rules_mask: the config's rules, then
 * run->enable (only the named rules, plus the config's enable list) and
 * run->disable. cfg and run may be NULL. Returns 0 or -KC_EUSAGE
 * (unknown rule id). */
int out_rules_mask(const struct out_config *cfg,
		   const struct kc_run_opts *run, unsigned *mask,
		   struct kc_err *err);

/* The output stage of a run, after kc_diag_sort_unique(): drops findings
 * of rules not in rules_mask (0 = keep all), fingerprints, applies inline
 * suppressions and o->baseline, writes o->write_baseline, writes the
 * report in o->format to o->output (or stdout), prints suppression
 * warnings (and with o->stats the suppression list) and fixed baseline
 * entries on errf (NULL: not printed), and sets *exit_code to 0/1 by
 * o->fail_on (with o->check_form, findings give 0 unless fail_on_set).
 * run carries the accounting and notifications (may be NULL).
 * Returns 0 or a negative KC_E* with err (a malformed baseline is
 * -KC_EPARSE: exit status 2). */
int out_finish(struct kc_diag *d, const struct out_opts *o,
	       const struct out_run_info *run, unsigned rules_mask,
	       FILE *errf, int *exit_code, struct kc_err *err);

/* Storage behind an out_run_info made by out_run_info_from_driver(). */
struct out_run_store {
	struct out_file_note *notes;
	const char **names;
	unsigned long long *values;
};

struct kc_tu_list;
struct kc_run_stats;

/* Fills run's accounting from st (tu_failed counts failed and internal
 * errors), one notification per TU of tus whose status is failed,
 * internal error (level "error") or parsed with errors ("warning"), and
 * every non-zero counter of st (plus tu_internal_errors, tu_skipped and
 * the worker-peak-rss-kb and fork-rss-kb figures).
 * Other fields of run are left alone. Strings are borrowed from tus; the
 * arrays are in *store (out_run_store_release()). Either of tus and st
 * may be NULL. Returns 0 or -KC_ENOMEM. */
int out_run_info_from_driver(struct out_run_info *run,
			     struct out_run_store *store,
			     const struct kc_tu_list *tus,
			     const struct kc_run_stats *st,
			     struct kc_err *err);
void out_run_store_release(struct out_run_store *store);

/* ---- --changed-since (changed.c) ---- */

/* Sets keep[i] = 1 for each of the n TU source files that `git diff
 * --name-only REV` lists, or that include (directly or through other
 * headers) a header it lists; 0 otherwise. Header dependencies come from
 * Kbuild's .<obj>.cmd files when present, else from scanning #include
 * lines (resolved against the including file's directory and incdirs).
 * Returns 0, -KC_ECHILD (git failed: err says why) or -KC_ENOMEM. */
int out_changed_since(const char *rev, const char *const *files, size_t n,
		      const char *const *incdirs, size_t nincdirs,
		      unsigned char *keep, struct kc_err *err);

/* ---- merge (merge.c) ---- */

/* `ksizecheck merge [--format=F] [-o OUT] A.json B.json...`: reads the
 * JSON documents of shards, de-duplicates the findings, sums accounting,
 * and writes one document in F (default: from OUT's extension, else
 * json). Returns the exit status: 0, 1 (findings, per --fail-on), 2. */
int kc_merge_main(int argc, char **argv);

#endif
