/* opts.h - the command line of ksizecheck (struct kc_opts).
 *
 * Every option of the product is declared and parsed here, including the
 * ones other modules implement (they read the field). Strings point into
 * argv (never freed); the arrays are heap-allocated and freed by
 * kc_opts_release().
 */
#ifndef KC_CLI_OPTS_H
#define KC_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

enum kc_mode {
	KC_MODE_FILES = 0,  /* ksizecheck [opts] FILE.c... [-- FLAGS] */
	KC_MODE_COMPDB,     /* -p DIR|compile_commands.json [FILES...] */
	KC_MODE_CHECK,      /* called by Kbuild as CHECK= (sparse arguments) */
	KC_MODE_KERNEL,     /* ksizecheck kernel [--tree DIR] [PATHS...] */
	KC_MODE_MODEL,      /* ksizecheck model ... */
	KC_MODE_MERGE,      /* ksizecheck merge FILES... */
	KC_MODE_CACHE,      /* ksizecheck cache stats|clear */
	KC_MODE_HELP,
	KC_MODE_VERSION,
	KC_MODE_LIST_RULES,
};

/* same values as enum out_format (out/output.h) */
enum kc_format { KC_FORMAT_TEXT = 0, KC_FORMAT_JSON, KC_FORMAT_SARIF };

/* --fail-on: which findings make the exit status 1. Same values as
 * enum out_fail_on (out/output.h), which casts between them. */
enum kc_fail_on {
	KC_FAIL_ANY = 0,   /* any finding (the default) */
	KC_FAIL_WARNING,   /* warning or error */
	KC_FAIL_ERROR,     /* error only */
	KC_FAIL_NONE,      /* never */
};

/* --prefilter (prefilter/prefilter.h) */
enum kc_prefilter_mode {
	KC_PF_AUTO = 0, KC_PF_OFF, KC_PF_ON, KC_PF_CHECK
};

enum kc_fix_mode { KC_FIX_NONE = 0, KC_FIX_DIFF, KC_FIX_APPLY };

struct kc_strlist {
	const char **v;
	size_t n, cap;
};

struct kc_opts {
	int mode;                   /* enum kc_mode */
	int jobs;                   /* -j N; 0 = online CPUs */
	const char *compdb;         /* -p DIR|FILE */
	const char *tree;           /* --tree DIR (kernel mode) */
	int quiet;                  /* --quiet: no progress, no summary */
	int stats;                  /* --stats */
	int format;                 /* --format, enum kc_format */
	const char *output;         /* -o FILE, NULL = stdout */
	const char *baseline;       /* --baseline FILE */
	const char *write_baseline; /* --write-baseline FILE */
	int fail_on;                /* --fail-on, enum kc_fail_on */
	int fail_on_set;            /* --fail-on was given */
	const char *config_file;    /* --config-file FILE */
	int no_config;              /* --no-config */
	const char *changed_since;  /* --changed-since REV */
	int fix;                    /* --fix[=diff|apply], enum kc_fix_mode */
	int prefilter;              /* --prefilter, enum kc_prefilter_mode */
	struct kc_strlist rules;    /* --rules FILE (repeatable) */
	const char *slab_config;    /* --slab-config ID */
	int all_configs;            /* --all-configs */
	struct kc_strlist enable;   /* --enable RULE */
	struct kc_strlist disable;  /* --disable RULE */
	unsigned timeout;           /* --timeout SEC per TU (default 120) */
	unsigned mem_limit_mb;      /* --mem-limit MB per worker (2048) */
	unsigned shard_index;       /* --shard I/N: 0-based I ... */
	unsigned shard_count;       /* ... and N; 0 = no sharding */
	int sparse;                 /* --sparse or KSIZECHECK_SPARSE=1 */
	const char *rules_dir;      /* --rules-dir DIR */
	const char *cache_dir;      /* --cache-dir DIR (cache/cache.h) */
	int no_cache;               /* --no-cache */
	unsigned long long cache_max_size; /* --cache-max-size, 0: default */
	struct kc_strlist inputs;   /* files, or PATHS in kernel mode */
	struct kc_strlist cflags;   /* after --, or the CHECK= arguments */
	int argc;                   /* the original command line, for */
	char **argv;                /* chaining to sparse */
	int print;                  /* --print-compdb (1), --print-commands
				     * (2): print the TUs, do not check */
	int sub_argc;               /* model/merge/cache: their arguments, */
	char **sub_argv;            /* sub_argv[0] is the subcommand */
};

/* Parses argv into o (zeroed first). Returns 0, or -KC_EUSAGE with err
 * holding one line such as "unknown option '--frob'". Does not print. */
int kc_opts_parse(struct kc_opts *o, int argc, char **argv,
		  struct kc_err *err);

/* Frees the arrays of o. */
void kc_opts_release(struct kc_opts *o);

/* Writes --help text (options, modes, exit codes) to f. */
void kc_opts_usage(FILE *f);

/* The rules directory: --rules-dir, else $KSIZECHECK_RULES_DIR, else
 * <exe>/../share/ksizecheck/rules when it exists, else the source tree's
 * rules/ (KC_SOURCE_RULES_DIR). o may be NULL. Returns a static string. */
const char *kc_rules_dir(const struct kc_opts *o);

/* Effective -j: o->jobs, or the number of online CPUs. */
int kc_opts_jobs(const struct kc_opts *o);

#endif
