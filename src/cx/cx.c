/* cx.c - libclang wrappers (cx.h). */
#include "cx/cx.h"
#include "cx/memo.h"
#include "util/sink.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* clang_Cursor_Evaluate() walks the whole subtree: evaluated at every
 * level of a deep macro expansion it costs the square of its size. The
 * answers of the current TU are kept in an open-addressed table. */
#define EVAL_SLOTS 16384
struct eval_slot {
	CXCursor c;
	long long v;
	unsigned char state;    /* 0 empty, 1 not constant, 2 constant */
};

/* clang_Cursor_getOffsetOfField() validates every field of the record
 * (and of the records nested in it) on each call: struct amdgpu_device
 * made it most of the analysis time. Offsets are kept per field. */
#define FIELD_SLOTS 8192
struct field_slot {
	CXCursor c;
	long long off;
	unsigned char used;
};

/* The per-TU context: every cache of libclang answers. Its cursors are
 * valid only while their TU lives, so it exists exactly from
 * cx_tu_begin() to cx_tu_end(), which kc_analyze_tu() pairs. */
struct cx_tu {
	CXTranslationUnit main_tu;   /* main_file()'s answer, for this TU */
	CXFile main;
	struct cx_memo memo;
	struct eval_slot eval[EVAL_SLOTS];
	struct field_slot field[FIELD_SLOTS];
};

/* the context bound by cx_tu_begin(); NULL outside an analysis, and
 * then every cx_* asks libclang directly */
static _Thread_local struct cx_tu *cur;

int cx_tu_begin(void)
{
	/* one TU at a time: a context still bound is one whose analysis
	 * did not end (its cursors are dead) */
	if (!KC_ASSERT(!cur))
		cx_tu_end();
	cur = calloc(1, sizeof(*cur));
	if (!cur)
		return -KC_ENOMEM;
	cx_memo_init(&cur->memo);
	return 0;
}

void cx_tu_end(void)
{
	if (!cur)
		return;
	cx_memo_release(&cur->memo);
	free(cur);
	cur = NULL;
}

/* c's memo entry in the bound context; NULL without one or on OOM */
static struct cx_node *node(CXCursor c)
{
	return cur ? cx_node(&cur->memo, c) : NULL;
}

static int node_kids(struct cx_node *e)
{
	return cx_node_kids(&cur->memo, e);
}

static enum CXChildVisitResult kids_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct cx_kids *kids = data;

	(void)parent;
	if (kids->n < CX_MAX_KIDS)
		kids->k[kids->n++] = c;
	kids->total++;
	return CXChildVisit_Continue;
}

void cx_children(CXCursor c, struct cx_kids *kids)
{
	struct cx_node *e = node(c);

	if (!e || node_kids(e)) {
		kids->n = kids->total = 0;
		clang_visitChildren(c, kids_cb, kids);
		return;
	}
	kids->total = e->nkids;
	kids->n = e->nkids < CX_MAX_KIDS ? e->nkids : CX_MAX_KIDS;
	if (kids->n)
		memcpy(kids->k, e->kids, kids->n * sizeof(kids->k[0]));
}

static enum CXChildVisitResult first_cb(CXCursor c, CXCursor parent,
					CXClientData data)
{
	(void)parent;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

CXCursor cx_first_child(CXCursor c)
{
	struct cx_node *e = node(c);
	CXCursor r = clang_getNullCursor();

	if (e && !node_kids(e))
		return e->nkids ? e->kids[0] : r;
	clang_visitChildren(c, first_cb, &r);
	return r;
}

CXType cx_type(CXCursor c)
{
	struct cx_node *e = node(c);

	if (!e)
		return clang_getCursorType(c);
	if (!e->have_type) {
		e->type = clang_getCursorType(c);
		e->have_type = 1;
	}
	return e->type;
}

CXCursor cx_ref(CXCursor c)
{
	struct cx_node *e = node(c);

	if (!e)
		return clang_getCursorReferenced(c);
	if (!e->have_ref) {
		e->ref = clang_getCursorReferenced(c);
		e->have_ref = 1;
	}
	return e->ref;
}

/* t itself when its kind is already canonical (builtins, pointers,
 * records, enums, arrays, functions): only sugar (typedef, elaborated,
 * attributed, ...) needs clang_getCanonicalType(). */
static CXType kind_type(CXType t)
{
	if ((t.kind >= CXType_FirstBuiltin && t.kind <= CXType_LastBuiltin) ||
	    t.kind == CXType_Pointer || t.kind == CXType_Record ||
	    t.kind == CXType_Enum || t.kind == CXType_ConstantArray ||
	    t.kind == CXType_IncompleteArray ||
	    t.kind == CXType_VariableArray ||
	    t.kind == CXType_FunctionProto ||
	    t.kind == CXType_FunctionNoProto)
		return t;
	return clang_getCanonicalType(t);
}

int cx_user_get(CXCursor c, const void **out)
{
	struct cx_node *e = node(c);

	if (!e || !e->have_user)
		return 0;
	*out = e->user;
	return 1;
}

void cx_user_set(CXCursor c, const void *v)
{
	struct cx_node *e = node(c);

	if (e) {
		e->user = v;
		e->have_user = 1;
	}
}

CXType cx_canon_type(CXCursor c)
{
	CXType t = cx_type(c);
	struct cx_node *e = node(c);

	if (!e)
		return clang_getCanonicalType(t);
	if (!e->have_canon) {
		e->canon = clang_getCanonicalType(t);
		e->have_canon = 1;
	}
	return e->canon;
}

CXCursor cx_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		struct cx_kids kids;

		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
			return c;
		cx_children(c, &kids);
		if (kids.total != 1)
			return c;
		c = kids.k[0];
	}
}

struct kc_loc cx_loc(struct kc_arena *a, CXCursor c)
{
	struct kc_loc loc = { NULL, 0, 0 };
	CXSourceLocation sl = clang_getCursorLocation(c);
	CXFile f;
	unsigned line, col, off;

	clang_getExpansionLocation(sl, &f, &line, &col, &off);
	if (f) {
		CXString s = clang_getFileName(f);

		loc.file = kc_arena_strdup(a, clang_getCString(s));
		clang_disposeString(s);
	}
	loc.line = line;
	loc.col = col;
	return loc;
}

unsigned cx_line(CXCursor c)
{
	unsigned line, col, off;
	CXFile f;

	clang_getExpansionLocation(clang_getCursorLocation(c), &f, &line,
				   &col, &off);
	return line;
}

/* The TU's main file: the file of its first top-level cursor's
 * expansion location is not it (that may be a header), so ask by name. */
static CXFile main_file(CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXString name;
	CXFile f;

	if (cur && cur->main_tu == tu)
		return cur->main;
	name = clang_getTranslationUnitSpelling(tu);
	f = clang_getFile(tu, clang_getCString(name));
	clang_disposeString(name);
	if (cur) {
		cur->main_tu = tu;
		cur->main = f;
	}
	return f;
}

int cx_written_in_main_file(CXCursor c)
{
	return clang_Location_isFromMainFile(
		clang_getCursorLocation(c)) != 0;
}

/* In the main file, also when written by a macro expanded there (a
 * function a DEFINE_*() macro of the file or of a header defines):
 * libclang's own test looks at the spelling, which is the macro's. */
int cx_in_main_file(CXCursor c)
{
	CXSourceLocation l = clang_getCursorLocation(c);
	CXFile f, m;

	if (cx_written_in_main_file(c))
		return 1;
	clang_getExpansionLocation(l, &f, NULL, NULL, NULL);
	m = f ? main_file(c) : NULL;
	return m && clang_File_isEqual(f, m);
}

unsigned long long cx_site(CXCursor c)
{
	struct cx_node *e = node(c);
	CXSourceLocation sl;
	unsigned line, col, off, soff;
	unsigned long long site;
	CXFile f;

	if (e && e->have_site)
		return e->site;
	sl = clang_getCursorLocation(c);
	clang_getExpansionLocation(sl, &f, &line, &col, &off);
	clang_getSpellingLocation(sl, &f, &line, &col, &soff);
	site = ((unsigned long long)off << 32) ^ soff ^
	       ((unsigned long long)clang_getCursorKind(c) << 56);
	if (e) {
		e->site = site;
		e->have_site = 1;
	}
	return site;
}

const char *cx_spelling(struct kc_arena *a, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *r = kc_arena_strdup(a, clang_getCString(s));

	clang_disposeString(s);
	return r;
}

const char *cx_callee_name(CXCursor call, char *buf, unsigned size)
{
	CXCursor ref = clang_getCursorReferenced(call);
	CXString s;

	if (clang_Cursor_isNull(ref) ||
	    clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return NULL;
	s = clang_getCursorSpelling(ref);
	snprintf(buf, size, "%s", clang_getCString(s));
	clang_disposeString(s);
	return buf[0] ? buf : NULL;
}

static int ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_';
}

static const char *spelled_uncached(struct kc_arena *a,
				    CXTranslationUnit tu,
				    CXSourceLocation loc, const char *name)
{
	CXFile file;
	unsigned off;
	size_t size, ml, nl = strlen(name);
	const char *text, *m;

	/* the identifier where the call is expanded, read from the file's
	 * text (clang_getToken() needs clang_getLocationForOffset(), which
	 * was a quarter of the analysis of a TU full of memcpy()): the
	 * macro's name in an expansion, else the callee itself */
	clang_getExpansionLocation(loc, &file, NULL, NULL, &off);
	if (!tu || !file)
		return name;
	text = clang_getFileContents(tu, file, &size);
	if (!text || off >= size || !ident_char(text[off]) ||
	    (text[off] >= '0' && text[off] <= '9'))
		return name;
	m = text + off;
	for (ml = 0; off + ml < size && ident_char(m[ml]); ml++)
		;
	if (ml && ml < nl && !strncmp(name + nl - ml, m, ml)) {
		const char *res = kc_arena_strndup(a, m, ml);

		return res ? res : name;
	}
	return name;
}

/* cx_node's spelled when the call is spelled as its callee's name */
static const char spelled_as_name[] = "";

const char *cx_spelled_callee(struct kc_arena *a, CXCursor call,
			      const char *name)
{
	struct cx_node *e = node(call);
	const char *res;

	/* once per call site, whose callee name does not change */
	if (e && e->spelled)
		return e->spelled == spelled_as_name ? name : e->spelled;
	res = spelled_uncached(a, clang_Cursor_getTranslationUnit(call),
			       clang_getCursorLocation(call), name);
	if (e)
		e->spelled = res == name ? spelled_as_name : res;
	return res;
}

enum CXBinaryOperatorKind cx_binop(CXCursor c)
{
	return clang_getCursorBinaryOperatorKind(c);
}

enum CXUnaryOperatorKind cx_unop(CXCursor c)
{
	return clang_getCursorUnaryOperatorKind(c);
}

long long cx_field_offset(CXCursor fld)
{
	unsigned h = clang_hashCursor(fld) & (FIELD_SLOTS - 1), n;
	struct field_slot *e;
	long long off;

	if (!cur)
		return clang_Cursor_getOffsetOfField(fld);
	for (n = 0; n < 8; n++) {
		e = &cur->field[(h + n) & (FIELD_SLOTS - 1)];
		if (!e->used)
			break;
		if (clang_equalCursors(e->c, fld))
			return e->off;
	}
	off = clang_Cursor_getOffsetOfField(fld);
	e = &cur->field[(h + (n < 8 ? n : 0)) & (FIELD_SLOTS - 1)];
	e->c = fld;
	e->off = off;
	e->used = 1;
	return off;
}

static int eval_uncached(CXCursor c, long long *out);

/* Decodes the C escapes of literal text s[0..n) (as StringLiteral's
 * outputString() writes them: \\, \", \n and friends, octal, \x) into
 * out (n + 1 bytes), up to the first NUL. */
static void unescape(const char *s, size_t n, char *out)
{
	static const char esc[] = "n\nt\tr\ra\ab\bf\fv\v";
	const char *e = s + n;
	char *o = out;

	while (s < e) {
		const char *m;
		unsigned v = 0;
		int k;

		if (*s != '\\' || s + 1 >= e) {
			*o++ = *s++;
			continue;
		}
		s++;
		if ((m = strchr(esc, *s)) && ((m - esc) % 2) == 0) {
			*o++ = m[1];
			s++;
		} else if (*s >= '0' && *s <= '7') {
			for (k = 0; k < 3 && s < e && *s >= '0' && *s <= '7';
			     k++)
				v = v * 8 + (unsigned)(*s++ - '0');
			*o++ = (char)v;
		} else if (*s == 'x') {
			s++;
			while (s < e && isxdigit((unsigned char)*s)) {
				v = v * 16 + (unsigned)(isdigit((unsigned char)*s) ?
					*s - '0' : (*s | 0x20) - 'a' + 10);
				s++;
			}
			*o++ = (char)v;
		} else {
			*o++ = *s++;   /* \" \' \? \\ */
		}
		if (o[-1] == '\0')
			break;
	}
	*o = '\0';
}

const char *cx_str_literal(struct kc_arena *a, CXCursor c)
{
	CXString sp;
	const char *t;
	char *v = NULL;
	size_t n;

	c = cx_strip(c);
	if (clang_getCursorKind(c) != CXCursor_StringLiteral)
		return NULL;
	/* the spelling is the whole (concatenated) value as one C literal,
	 * quotes and escapes included; wide and UTF literals are not
	 * formats the kernel takes */
	sp = clang_getCursorSpelling(c);
	t = clang_getCString(sp);
	n = t ? strlen(t) : 0;
	if (n >= 2 && t[0] == '"' && t[n - 1] == '"') {
		v = kc_arena_alloc(a, n);
		if (v)
			unescape(t + 1, n - 2, v);
	}
	clang_disposeString(sp);
	return v;
}

int cx_eval_int(CXCursor c, long long *out)
{
	unsigned h = clang_hashCursor(c) & (EVAL_SLOTS - 1), n;
	struct eval_slot *e;
	long long v = 0;
	int ok;

	if (!cur)
		return eval_uncached(c, out);
	for (n = 0; n < 8; n++) {
		e = &cur->eval[(h + n) & (EVAL_SLOTS - 1)];
		if (!e->state)
			break;
		if (clang_equalCursors(e->c, c)) {
			if (e->state == 2)
				*out = e->v;
			return e->state == 2;
		}
	}
	ok = eval_uncached(c, &v);
	if (ok)
		*out = v;
	e = &cur->eval[(h + (n < 8 ? n : 0)) & (EVAL_SLOTS - 1)];
	e->c = c;
	e->v = v;
	e->state = ok ? 2 : 1;
	return ok;
}

static int eval_uncached(CXCursor c, long long *out)
{
	CXEvalResult r;
	int ok = 0;

	switch (clang_getCursorKind(c)) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr:
	case CXCursor_BinaryOperator:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_DeclRefExpr:
	case CXCursor_ConditionalOperator:
	case CXCursor_UnaryOperator:
		break;
	default:
		return 0;
	}
	r = clang_Cursor_Evaluate(c);
	if (!r)
		return 0;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		if (clang_EvalResult_isUnsignedInt(r))
			*out = (long long)clang_EvalResult_getAsUnsigned(r);
		else
			*out = clang_EvalResult_getAsLongLong(r);
		ok = 1;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

long long cx_type_size(CXType t)
{
	long long s = clang_Type_getSizeOf(t);

	return s < 0 ? -1 : s;
}

long long cx_pointee_size(CXType t)
{
	CXType e;
	long long s;

	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer)
		e = clang_getPointeeType(t);
	else if (t.kind == CXType_ConstantArray ||
		 t.kind == CXType_IncompleteArray ||
		 t.kind == CXType_VariableArray)
		e = clang_getArrayElementType(t);
	else
		return 1;
	s = clang_Type_getSizeOf(e);
	return s > 0 ? s : 1;
}

int cx_is_pointer(CXType t)
{
	t = kind_type(t);
	return t.kind == CXType_Pointer || t.kind == CXType_ConstantArray ||
	       t.kind == CXType_IncompleteArray;
}

int cx_is_integer(CXType t)
{
	t = kind_type(t);
	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
	       t.kind == CXType_Enum;
}
