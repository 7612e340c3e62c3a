/* pf_cache.h - the prefilter's header index, cached per tree in the
 * result cache's directory (issue 19).
 *
 * Building the index reads every header under the run's include
 * directories (2.7 s for a kernel tree), which the CHECK= form would pay
 * once per file. The index only has to answer "is this name a trigger",
 * so the cache keeps the trigger names with a record of what was read:
 *   D MTIME_NS PATH            a directory listed (a header added or
 *                              removed changes its time)
 *   F SIZE MTIME_NS CTIME_NS PATH   a header indexed
 *   M PATH                     a quoted include that was not a file
 *   T NAME                     a trigger
 * A load re-stats every D, F and M line; any difference rebuilds the
 * index (and stores it again). The key is the cache's base digest (the
 * rules and the executable) and the include directories and forced
 * includes of the run.
 */
#ifndef KC_PREFILTER_PF_CACHE_H
#define KC_PREFILTER_PF_CACHE_H

#include <stddef.h>

struct kc_cache;
struct kc_strbuf;
struct pf_index;
struct stat;

/* The key (hex, KC_DIGEST_HEX bytes) of the index over dirs and files. */
void pf_cache_key(const struct kc_cache *c, char *const *dirs,
		  size_t ndirs, char *const *files, size_t nfiles,
		  char *hex);

/* Record lines for the index being built (the formats above); newest
 * gets the latest mtime/ctime seen (ns). note_file takes the caller's
 * stat of path, NULL when path is missing or not a regular file (the
 * indexer has stat'ed it already). Return 0 or -1 on OOM. */
int pf_cache_note_dir(struct kc_strbuf *rec, const char *path,
		      long long *newest);
int pf_cache_note_file(struct kc_strbuf *rec, const char *path,
		       const struct stat *st, long long *newest);

/* Loads the triggers of a valid cached index into ix (a new, empty
 * index); *headers gets the number of headers it covers. Returns 1
 * loaded, 0 missing, stale or corrupt (ix untouched), -1 on OOM. */
int pf_cache_load(const struct kc_cache *c, const char *hex,
		  struct pf_index *ix, size_t *headers);

/* The wall clock in ns (time stamps of files are on it). */
long long pf_cache_clock(void);

/* Stores rec and the triggers of ix under hex, unless a recorded file
 * changed in the second before start_ns or later (it may have been read
 * half-written). Failures only cost the next run a rebuild. */
void pf_cache_store(const struct kc_cache *c, const char *hex,
		    const struct kc_strbuf *rec, long long newest,
		    long long start_ns, const struct pf_index *ix);

#endif
