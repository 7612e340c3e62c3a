/* path.h - access paths and the state's special slots: the typed view of
 * a state key, and the one encoder of its interned text.
 *
 * A key is an interned string (ir_intern) so that states compare keys by
 * pointer. Its text is written only by the builders here and read only by
 * the queries here; no other file spells "[]", "->*" or "#x".
 *
 * A path is a root followed by steps:
 *   root  "v<hash>:name" a local or parameter, "g:name" a file-scope
 *         variable, "@<site>:name()" the unknown result of a call site
 *   step  PATH_STEP_DOT ".f" (field of a struct value), PATH_STEP_ARROW
 *         "->f" (field through a pointer), PATH_STEP_ELEM "[]" (every
 *         element of an array, one abstract element), PATH_STEP_DEREF
 *         "->*" (what a pointer points to)
 * A slot is a key that is not a path (it starts with '#'):
 *   PATH_REL      a relation between paths, the range of a linear form
 *                 sum(coef * path) (check/relations.c, check/linfacts.c)
 *   PATH_DEF      a pointer defined as a sum of paths (check/interp/
 *                 ptrdefs.c): the definition's index
 *   PATH_DEF_SRC  a path that definition reads
 *   PATH_BOUND    a guard's bound on a linear form over symbols
 *                 (check/relations.c)
 *   PATH_STRLEN   the length of the string at an object and offset
 *   PATH_MEM      the scalar stored at an object, offset and size, for
 *                 reads through another pointer (check/interp/memslots.c)
 * The slots PATH_REL, PATH_DEF and PATH_DEF_SRC name paths: a store to a
 * path removes them (st_kill_under, path_slot_names).
 */
#ifndef KC_IR_PATH_H
#define KC_IR_PATH_H

#include <stddef.h>
#include <string.h>

#include "ir/val.h"

enum path_step {
	PATH_STEP_NONE,    /* not the start of a step */
	PATH_STEP_DOT,
	PATH_STEP_ARROW,
	PATH_STEP_ELEM,
	PATH_STEP_DEREF,
};

enum path_kind {
	PATH_VAR,          /* rooted at a local or parameter */
	PATH_GLOBAL,       /* rooted at a file-scope variable */
	PATH_CALL,         /* rooted at a call site's result */
	PATH_REL,
	PATH_DEF,
	PATH_DEF_SRC,
	PATH_BOUND,
	PATH_STRLEN,
	PATH_MEM,
	PATH_OTHER,
};

/* A path under construction: a root, then steps. bad is set when the text
 * does not fit (the path is then not tracked). */
struct path_buf {
	char s[512];
	size_t n;
	int bad;
};

/* Starts b at a local or parameter (hash: clang_hashCursor of its decl). */
void path_root_var(struct path_buf *b, unsigned hash, const char *name);
/* Starts b at a file-scope variable. */
void path_root_global(struct path_buf *b, const char *name);
/* Appends a step (field: the member name for DOT and ARROW). */
void path_add(struct path_buf *b, enum path_step step, const char *field);
/* The text of b, or NULL when it did not fit. */
const char *path_text(const struct path_buf *b);

/* Writes base, the spelling of step (nothing for PATH_STEP_NONE) and tail
 * (a field name and/or further steps) into buf: the path base.step.tail,
 * for rebasing a callee's paths onto the caller's. 0, or -1 when it was
 * cut to fit. */
int path_append(char *buf, size_t size, const char *base,
		enum path_step step, const char *tail);

/* The sibling of path key: key ends with field name, replaced by sib
 * ("v1:b->cap" for "v1:b->data", "data", "cap"). 0, or -1 when key does
 * not end with name or the result does not fit. */
int path_sibling(char *buf, size_t size, const char *key, const char *name,
		 const char *sib);

/* Slot keys, written into buf (size bytes); 0, or -1 when they do not
 * fit. */
int path_call_key(char *buf, size_t size, unsigned long long site,
		  const char *name);
/* An opaque value of site (what): "@<site>:<what>". */
int path_site_key(char *buf, size_t size, unsigned long long site,
		  const char *what);
int path_strlen_key(char *buf, size_t size, int obj, long long off);
/* The object a PATH_STRLEN key names, or 0 for any other key. */
int path_strlen_obj(const char *key);
/* The scalar of len bytes at offset off of object obj. */
int path_mem_key(char *buf, size_t size, int obj, long long off,
		 long long len);
/* Reads a PATH_MEM key; 0 for any other key, else its object (and the
 * offset and size into *off, *len). */
int path_mem_parse(const char *key, long long *off, long long *len);
/* A relation between n paths: sum(coef[i] * path[i]). */
int path_rel_key(char *buf, size_t size, int n, const char *const *path,
		 const long long *coef);
/* A pointer definition slot: of the target path when index < 0 (the
 * slot holds the definition's index), else of a path that definition
 * index reads. */
int path_def_key(char *buf, size_t size, int index, const char *path);
/* A bound slot on the symbolic part of form (form->nt > 0). */
void path_bound_key(char *buf, size_t size, const struct ival *form);

/* Reads the terms of relation key one by one: *pos starts at 0; each
 * call copies the next path into buf and its coefficient into *coef and
 * returns 1; 0 at the end; -1 when the key is not a relation or a path
 * does not fit. */
int path_rel_next(const char *key, size_t *pos, char *buf, size_t size,
		  long long *coef);

/* 1 if key is a slot, not a path (a cheap test before the others). */
static inline int path_is_slot(const char *key)
{
	return key[0] == '#';
}
/* What key is. */
enum path_kind path_kind(const char *key);
/* 1 if path key has a step of kind step anywhere (an ELEM step: the path
 * names every element of an array; a DEREF step: what some pointer
 * points to). */
int path_has_step(const char *key, enum path_step step);
/* The step that starts at p (the rest of a key after a path prefix), and
 * in *len the length of its spelling before the field name ("->" for
 * ARROW, "->*" for DEREF, "." for DOT, "[]" for ELEM). */
enum path_step path_step_at(const char *p, size_t *len);
/* 1 if key is the path prefix (len bytes) followed by a step ('-' of
 * "->" and "->*", '.', '['): a path under it. Inline: st_kill_under runs
 * it over every key of the state on every store. */
static inline int path_is_under(const char *key, const char *prefix,
				size_t len)
{
	char c;

	if (strncmp(key, prefix, len))
		return 0;
	c = key[len];
	return c == '-' || c == '.' || c == '[';
}
/* 1 if slot key (PATH_REL, PATH_DEF, PATH_DEF_SRC) names the path prefix
 * (len bytes) or a path under it. */
int path_slot_names(const char *key, const char *prefix, size_t len);
/* The root's name ("p" for "v1a2b:p->buf"): the text after the first
 * ':', the whole key without one. */
const char *path_root_name(const char *key);
/* The last field name of a path ("len" for "v1:b->hdr.len"). */
const char *path_last_name(const char *key);

#endif
