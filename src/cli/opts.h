/* opts.h - the command line of ksizecheck (struct kc_opts).
 *
 * Every option of the product is parsed here. The options of the library
 * are kept in the library's own structs, which this file fills: struct
 * kc_run_opts (driver/options.h) and struct out_opts (out/output.h); the
 * library never includes this header (scripts/check-layers.sh). Strings
 * point into argv (never freed); the arrays are heap-allocated and freed
 * by kc_opts_release().
 */
#ifndef KC_CLI_OPTS_H
#define KC_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "driver/options.h"
#include "out/output.h"
#include "util/err.h"
#include "util/strlist.h"

enum kc_mode {
	KC_MODE_FILES = 0,  /* ksizecheck [opts] FILE.c... [-- FLAGS] */
	KC_MODE_COMPDB,     /* -p DIR|compile_commands.json [FILES...] */
	KC_MODE_CHECK,      /* called by Kbuild as CHECK= (sparse arguments) */
	KC_MODE_KERNEL,     /* ksizecheck kernel [--tree DIR] [PATHS...] */
	KC_MODE_MODEL,      /* ksizecheck model ... */
	KC_MODE_MERGE,      /* ksizecheck merge FILES... */
	KC_MODE_REPORT,     /* ksizecheck report RESULTS -o DIR */
	KC_MODE_CACHE,      /* ksizecheck cache stats|clear */
	KC_MODE_DB,         /* ksizecheck db merge|stats (dbcmd.c) */
	KC_MODE_HELP,
	KC_MODE_VERSION,
	KC_MODE_LIST_RULES,
};

/* --prefilter (prefilter/prefilter.h) */
enum kc_prefilter_mode {
	KC_PF_AUTO = 0, KC_PF_OFF, KC_PF_ON, KC_PF_CHECK
};

enum kc_fix_mode { KC_FIX_NONE = 0, KC_FIX_DIFF, KC_FIX_APPLY };

struct kc_opts {
	int mode;                   /* enum kc_mode */
	const char *compdb;         /* -p DIR|FILE */
	const char *tree;           /* --tree DIR (kernel mode) */
	int build_generated;        /* --build-generated (kernel mode) */
	/* the library's own option structs, filled here:
	 * -j, --timeout, --mem-limit, --quiet (progress), --print-*,
	 * --rules-dir, --rules, --slab-config, --all-configs, --enable,
	 * --disable, the CHECK= arguments */
	struct kc_run_opts run;
	/* --format, -o, --baseline, --write-baseline, --fail-on, --stats,
	 * --quiet (notes) */
	struct out_opts out;
	const char *config_file;    /* --config-file FILE */
	int no_config;              /* --no-config */
	const char *changed_since;  /* --changed-since REV */
	int fix;                    /* --fix[=diff|apply], enum kc_fix_mode */
	int prefilter;              /* --prefilter, enum kc_prefilter_mode */
	unsigned shard_index;       /* --shard I/N: 0-based I ... */
	unsigned shard_count;       /* ... and N; 0 = no sharding */
	int sparse;                 /* --sparse or KSIZECHECK_SPARSE=1 */
	const char *cache_dir;      /* --cache-dir DIR (cache/cache.h) */
	int no_cache;               /* --no-cache */
	unsigned long long cache_max_size; /* --cache-max-size, 0: default */
	const char *db;             /* --db FILE (docs/factdb.md) */
	unsigned rounds;            /* --rounds N (1 without it) */
	struct kc_strlist inputs;   /* files, or PATHS in kernel mode */
	int argc;                   /* the original command line, for */
	char **argv;                /* chaining to sparse */
	int sub_argc;               /* model/merge/report/cache: arguments, */
	char **sub_argv;            /* sub_argv[0] is the subcommand */
};

/* Parses argv into o (zeroed first). Returns 0, or -KC_EUSAGE with err
 * holding one line such as "unknown option '--frob'". Does not print. */
int kc_opts_parse(struct kc_opts *o, int argc, char **argv,
		  struct kc_err *err);

/* Frees the arrays of o. */
void kc_opts_release(struct kc_opts *o);

/* `ksizecheck db merge|stats ...` (dbcmd.c): argv[0] is "db". Returns
 * the exit status (0, or 2 with a message). */
int kc_db_main(int argc, char **argv);

/* Writes --help text (options, modes, exit codes) to f. */
void kc_opts_usage(FILE *f);

#endif
