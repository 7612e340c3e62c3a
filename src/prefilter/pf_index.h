/* pf_index.h - the prefilter's name graph over the headers of a run.
 *
 * Every macro and every function defined in an indexed header is a node;
 * an edge goes from each identifier its body mentions to it. The roots
 * are the names that can start a finding (size queries and kmalloc-family
 * allocators of the API tables); a name is a trigger when its body
 * mentions a root or a trigger, over the union of all its definitions
 * (every #if branch, every architecture indexed). A translation unit
 * whose own text mentions no trigger cannot reach a root after
 * preprocessing, so it has nothing to report (docs/prefilter.md).
 */
#ifndef KC_PREFILTER_PF_INDEX_H
#define KC_PREFILTER_PF_INDEX_H

#include <stddef.h>
#include <stdint.h>

struct pf_index;

struct pf_index *pf_index_new(void);
void pf_index_free(struct pf_index *x);

/* Marks name as a root. Returns 0 or -1 on OOM. */
int pf_index_root(struct pf_index *x, const char *name);
/* Indexes the definitions in one header's text; *incs receives the
 * quoted #include names found (pointers into buf, *nincs of them, heap
 * array the caller frees). Returns 0 or -1 on OOM. */
int pf_index_header(struct pf_index *x, const char *buf, size_t len,
		    const char ***incs, size_t **inclen, size_t *nincs);
/* Computes the triggers; call once after the last pf_index_header. */
int pf_index_close(struct pf_index *x);

/* 1 if the identifier s[0..len) is a trigger (after pf_index_close). */
int pf_index_is_trigger(const struct pf_index *x, const char *s, size_t len);

/* The header index cache (pf_cache.c): calls fn with each trigger name
 * (stops at and returns fn's first non-zero); marks s[0..len) a trigger
 * of an index that is not built from headers. Return 0 or -1 on OOM. */
int pf_index_foreach_trigger(const struct pf_index *x,
			     int (*fn)(const char *name, void *data),
			     void *data);
int pf_index_load_trigger(struct pf_index *x, const char *s, size_t len);

/* Counts for --stats: names, definitions, triggers. */
void pf_index_counts(const struct pf_index *x, size_t *names, size_t *defs,
		     size_t *triggers);

#endif
