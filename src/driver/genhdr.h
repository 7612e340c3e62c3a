/* genhdr.h - kernel mode: TUs that lack a header Kbuild generates during
 * the build (issue 21).
 *
 * A tree that is configured and prepared (`make prepare`) but not built
 * lacks the headers that Kbuild makes as prerequisites of single objects:
 * ASN.1 decoders (crypto/, fs/smb/), x86's inat-tables.c, certs/
 * blacklist_hash_list, drm/msm *.xml.h, radeon *_reg_safe.h, xe
 * generated/. Such a TU parses with a "'X' file not found" error and a
 * cascade of others.
 *
 * The worker records each missing include (kc_genhdr_note_missing). The
 * parent decides whether one is generated (genhdr.c): a candidate path
 * of the include (beside the including file, or in a -I/-iquote
 * directory of the TU) is named by a rule of the Makefile or Kbuild file
 * that owns its directory (the nearest one above it), as a target, a
 * prerequisite, a clean-files or targets entry, or a pattern rule
 * ("$(obj)/generated/%.xml.h"), or by a pattern rule of
 * scripts/Makefile.build ("$(obj)/%.asn1.h"). Kbuild declares those
 * headers as prerequisites of the objects that include them, so
 * `make DIR/FILE.o` builds exactly what is missing.
 *
 * Such a TU's clang errors are not printed; kc_genhdr_report() prints one
 * grouped message with the make command. With --build-generated
 * (kc_genhdr_set_build) its result is held back, and once every other TU
 * is done kc_genhdr_build() runs that make and the run checks those TUs
 * again (genhdr_build.c).
 */
#ifndef KC_DRIVER_GENHDR_H
#define KC_DRIVER_GENHDR_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>

struct kc_tu;
struct kc_genhdr;

/* Returns a new state for the kernel tree (tree as the user named it,
 * tree_real its realpath), whose make command starts with make_argv[0..n)
 * ("make -C TREE LLVM=-19"); copies them. NULL on OOM. */
struct kc_genhdr *kc_genhdr_new(const char *tree, const char *tree_real,
				char *const *make_argv, size_t n);
void kc_genhdr_free(struct kc_genhdr *g);

/* --build-generated: hold back the TUs that lack generated headers and
 * build them with make -j jobs before checking them again. */
void kc_genhdr_set_build(struct kc_genhdr *g, int jobs);

/* Worker: if msg is clang's "'NAME' file not found" at a location in file
 * from, appends ["NAME", "FROM"] to missing. */
void kc_genhdr_note_missing(json_object *missing, const char *msg,
			    const char *from);

enum kc_genhdr_verdict {
	KC_GENHDR_NONE = 0,   /* an ordinary result */
	KC_GENHDR_QUIET,      /* lacks generated headers: account the result
			       * but do not print its clang errors */
	KC_GENHDR_HOLD,       /* --build-generated: drop this result, the TU
			       * is checked again after the build */
};

/* Parent: classifies the worker result res of TU idx (tu). Returns an
 * enum kc_genhdr_verdict (NONE also for g == NULL, and on OOM). */
int kc_genhdr_take(struct kc_genhdr *g, const struct kc_tu *tu, size_t idx,
		   json_object *res);

/* Number of TUs held back (KC_GENHDR_HOLD) and not yet rebuilt. */
size_t kc_genhdr_held(const struct kc_genhdr *g);

/* Runs make -k -jN on the objects of the held TUs (its output on log),
 * prints what it built and how long it took, and sets *idx (malloc'ed,
 * free() it) to those TUs' indexes, *n their count; the next
 * kc_genhdr_take() of them gives QUIET or NONE, never HOLD. Returns 0, or
 * -KC_ENOMEM. A failing make is reported on log, not an error. */
int kc_genhdr_build(struct kc_genhdr *g, FILE *log, size_t **idx,
		    size_t *n);

/* Prints the grouped message for the TUs that lacked generated headers
 * (nothing when none did): the headers by directory, the count of clang
 * errors not shown, and the make command that builds them. */
void kc_genhdr_report(const struct kc_genhdr *g, FILE *f);

/* Is path (relative to the tree) a header that a Kbuild rule of the tree
 * generates? 1 yes, 0 no, -1 OOM. (genhdr.c) */
int kc_genhdr_is_generated(struct kc_genhdr *g, const char *path);

#endif
