/* cache.h - the result cache (issue 19; docs/cache.md), after ccache's
 * direct mode.
 *
 * An entry holds what a worker sends the parent for one TU (tu.h: status,
 * clang's errors, unknown flags, findings, counters) and the files the
 * parse read, each with its size, times and content hash. Its key is the
 * digest of the run's base (ksizecheck's executable and version,
 * libclang's version, every file of the rules directory and of --rules,
 * the analysis options: enabled rules, slab configuration, budgets and
 * time limit) and of the TU (working directory, file as spelled,
 * translated flags, content of the main file). A lookup re-validates
 * every recorded file: same size and times, or else the same content
 * hash; any difference is a miss. Entries are written to a temporary
 * file and renamed, carry a checksum, and a corrupt one is a miss that
 * the next store replaces.
 *
 * Layout: DIR/results/XX/<key>.kce, DIR/hidx/<key>.kch (the prefilter's
 * header index, prefilter/pf_cache.c); nothing else in DIR is touched.
 */
#ifndef KC_CACHE_CACHE_H
#define KC_CACHE_CACHE_H

#include <clang-c/Index.h>
#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>

#include "util/err.h"

struct kc_analysis_env;
struct kc_cache;

/* default --cache-max-size */
#define KC_CACHE_DEFAULT_MAX (5ULL << 30)

/* The cache directory: dir (--cache-dir) when non-NULL, else
 * $KSIZECHECK_CACHE_DIR, else config_dir (the configuration file's
 * "cache_dir") when non-NULL, else $XDG_CACHE_HOME/ksizecheck, else
 * $HOME/.cache/ksizecheck. Returns 0, or -1 when none can be formed. */
int kc_cache_dir(const char *dir, const char *config_dir, char *buf,
		 size_t size);

/* Parses a size such as 500M, 2G, 4096 (bytes; K/M/G are powers of 1024)
 * into *out. Returns 0, or -1 when s is not one. */
int kc_cache_parse_size(const char *s, unsigned long long *out);

/* Opens (creates) the cache in dir for a run whose rules come from
 * rules_dir and rules[0..nrules) and whose analysis is env (enabled
 * rules, configuration, budgets). max_bytes: the size cap (0: default).
 * Returns 0 with *out set, or -KC_EIO/-KC_ENOMEM with err filled (the
 * caller runs without a cache). Free with kc_cache_close. */
int kc_cache_open(struct kc_cache **out, const char *dir,
		  unsigned long long max_bytes, const char *rules_dir,
		  const char *const *rules, size_t nrules,
		  const struct kc_analysis_env *env, struct kc_err *err);
void kc_cache_close(struct kc_cache *c);
/* The directory (static for the cache's life). */
const char *kc_cache_path(const struct kc_cache *c);
/* The run's base digest (hex), for other users of the directory. */
const char *kc_cache_base(const struct kc_cache *c);

/* ---- worker side (driver/tu.c) ---- */

struct kc_cache_key {
	char hex[33];   /* "" when the TU cannot be cached */
	double start;   /* when the TU began (files changed later: no store) */
};

/* Computes the key of the TU file (as spelled, relative to the current
 * directory) parsed with args[0..nargs); c may be NULL (no cache: the key
 * stays empty). */
void kc_cache_key_tu(const struct kc_cache *c, const char *file,
		     const char *const *args, int nargs,
		     struct kc_cache_key *k);

/* Looks k up. On a hit, fills res with the stored result (status,
 * errors, unknown_flags, findings, counters) and returns the TU status
 * (> 0); on a miss returns 0. Adds "cache": "hit"|"miss" to res either
 * way (none without a cache). */
int kc_cache_lookup(struct kc_cache *c, const struct kc_cache_key *k,
		    json_object *res);

/* Stores res (a finished result of status) under k with the files tu
 * read. Stored are clean results, and results with clang errors when
 * every error is a missing include: incl (tu.c) lists those as [NAME,
 * INCLUDING FILE, "\""|"<"|""], NULL when some error is of another kind
 * (then nothing is stored). For these the entry also records every path
 * where NAME would have been found, from the including file's directory
 * and the search directories of args[0..nargs) (the translated flags;
 * only with -nostdinc, and only when no other flag changes the search),
 * and a lookup is a hit only while none of them exists. An analysis error
 * or the time limit makes the result partial: not stored. Adds
 * "cache_stored": true to res on success. */
void kc_cache_store(struct kc_cache *c, const struct kc_cache_key *k,
		    CXTranslationUnit tu, int status, json_object *res,
		    const char *const *args, int nargs, json_object *incl);

/* ---- parent side ---- */

/* Counts one worker result's "cache", "cache_stored" and
 * "cache_corrupt" keys into n (struct kc_cache_counts of driver/run.h). */
struct kc_cache_counts;
void kc_cache_count(struct kc_cache_counts *n, json_object *res);
/* The --stats lines of n (hits, misses = TUs re-checked, stored,
 * corrupt, evicted); nothing when the run had no cache. */
void kc_cache_counts_print(const struct kc_cache_counts *n, FILE *f);

/* Removes entries, oldest first, until the results take at most 90% of
 * the size cap (only when they exceed it), and stale temporary files.
 * The scan reads every entry's size: with every 0, only one call in
 * KC_CACHE_TRIM_EVERY scans (by chance), for callers that store one
 * entry per process (the CHECK= form: a kernel tree's 20,000 checker
 * calls would otherwise stat 20,000 entries each). Returns the number of
 * entries removed. */
#define KC_CACHE_TRIM_EVERY 64
size_t kc_cache_trim(struct kc_cache *c, int every);

/* `ksizecheck cache stats|clear [--cache-dir DIR]`: argv[0] is "cache".
 * Prints to stdout; returns the exit status (0, or 2 with a message). */
int kc_cache_main(int argc, char **argv);

/* ---- shared with the prefilter's index cache ---- */

/* Writes payload under DIR/sub/name atomically with a checksum header.
 * Returns 0 or -1 (errno). */
int kc_cache_write_blob(const struct kc_cache *c, const char *sub,
			const char *name, const char *payload, size_t len);
/* Reads and checks a blob: returns the payload (caller frees, NUL
 * terminated, *len set), or NULL with *len 0 when it is missing (or
 * unreadable) and (size_t)-1 when it is truncated or corrupt. */
char *kc_cache_read_blob(const struct kc_cache *c, const char *sub,
			 const char *name, size_t *len);

#endif
