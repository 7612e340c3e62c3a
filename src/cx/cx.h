/* cx.h - thin libclang wrappers used by the analysis: children of a
 * cursor as an array, user-facing locations (the expansion site of a macro
 * in the user's file), names copied into an arena, operator kinds, and
 * constant evaluation. No CXCursor outlives its translation unit.
 */
#ifndef KC_CX_CX_H
#define KC_CX_CX_H

#include <clang-c/Index.h>

#include "diag/diag.h"
#include "util/arena.h"
#include "util/err.h"

#define CX_MAX_KIDS 64

struct cx_kids {
	unsigned n;          /* number of children (capped at CX_MAX_KIDS) */
	unsigned total;      /* real number of children */
	CXCursor k[CX_MAX_KIDS];
};

/* Fills kids with the direct children of c, in source order. */
void cx_children(CXCursor c, struct cx_kids *kids);

/* clang_getCursorType(c) and its canonical type (memoized per TU). */
CXType cx_type(CXCursor c);
CXType cx_canon_type(CXCursor c);

/* clang_getCursorReferenced(c) (memoized per TU). */
CXCursor cx_ref(CXCursor c);

/* One pointer a client keeps per cursor for the TU (the analysis: the
 * interned access path of an lvalue). cx_user_get() returns 1 and *out
 * when one was set; it may forget it (memory), never change it. */
int cx_user_get(CXCursor c, const void **out);
void cx_user_set(CXCursor c, const void *v);

/* Returns the first child of c or a null cursor. */
CXCursor cx_first_child(CXCursor c);

/* Strips ParenExpr and implicit (unexposed) wrappers with one child. */
CXCursor cx_strip(CXCursor c);

/* Location of c as the user spells it: for a cursor inside a macro
 * expansion, the expansion site. file is copied into a (NULL on OOM). */
struct kc_loc cx_loc(struct kc_arena *a, CXCursor c);
/* Only the line of cx_loc (no allocation). */
unsigned cx_line(CXCursor c);
/* 1 if c's expansion location is in the main file of its TU. */
int cx_in_main_file(CXCursor c);
/* Written in the main file's own text, not by a macro expanded there
 * (its tokens are the file's). */
int cx_written_in_main_file(CXCursor c);
/* An integer identifying c's position (file offset of the expansion
 * location combined with the spelling offset); stable within a TU. */
unsigned long long cx_site(CXCursor c);

/* Cursor spelling copied into a (disposes of the CXString). */
const char *cx_spelling(struct kc_arena *a, CXCursor c);
/* Name of the function a CallExpr calls directly, or NULL. Copied into
 * buf (size bytes) and returned. */
const char *cx_callee_name(CXCursor call, char *buf, unsigned size);
/* The name of a call as the user spelled it: inside a macro expansion
 * (FORTIFY's memmove() expanding to __underlying_memmove), the macro name
 * at the expansion when `name` ends with it; else `name`. Copies into a;
 * returns name on OOM. */
const char *cx_spelled_callee(struct kc_arena *a, CXCursor call,
			      const char *name);

/* Operator kind of a BinaryOperator / CompoundAssignOperator cursor. */
enum CXBinaryOperatorKind cx_binop(CXCursor c);
enum CXUnaryOperatorKind cx_unop(CXCursor c);

/* Evaluates c as an integer constant. Returns 1 and *out, or 0. */
int cx_eval_int(CXCursor c, long long *out);
/* The value of string literal c (casts and parentheses stripped) copied
 * into a, up to its first NUL; NULL when c is not a string literal. */
const char *cx_str_literal(struct kc_arena *a, CXCursor c);
/* clang_Cursor_getOffsetOfField() in bits, cached per field. */
long long cx_field_offset(CXCursor fld);
/* The per-TU context (cx.c) owns every cache of libclang answers: those
 * of cx_eval_int and cx_field_offset and the per-cursor memo
 * (src/cx/memo.c) behind cx_children, cx_type, cx_ref, cx_site,
 * cx_spelled_callee and cx_user_get. cx_tu_begin() creates it and binds
 * it to the thread for one TU's analysis (0, or -KC_ENOMEM: then the
 * answers are not cached); cx_tu_end() frees it. The two pair up in
 * kc_analyze_tu(); outside them the cx_* functions ask libclang
 * directly, so no answer about one TU's cursors can reach another. */
int cx_tu_begin(void);
void cx_tu_end(void);

/* sizeof the pointee of a pointer (or element of an array) type; 1 for
 * void and unknown types (GNU void * arithmetic). */
long long cx_pointee_size(CXType t);
/* sizeof(t) or -1. */
long long cx_type_size(CXType t);
/* 1 for pointer, array and function-pointer-free integer types. */
int cx_is_pointer(CXType t);
int cx_is_integer(CXType t);

#endif
