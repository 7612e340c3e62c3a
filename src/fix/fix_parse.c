/* fix_parse.c - the libclang side of --fix: the line ranges of the
 * functions a fix is limited to, and the error count of a file before and
 * after patching (a patched file must not parse worse than the original).
 *
 * This is a plain syntax check of one file, not an analysis parse, so it
 * calls clang_parseTranslationUnit2 itself (the analysis parses stay in
 * driver/tu.c). The index and TU are created and disposed of here.
 */
#include "fix/fix_int.h"

#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

#include "util/err.h"

struct fn_visit {
	const char *const *functions;
	size_t nfunctions;
	struct fix_ranges *ranges;
	int oom;
};

static enum CXChildVisitResult visit_fn(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct fn_visit *v = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXSourceRange ext;
	unsigned l1, l2;
	CXString name;
	const char *s;
	size_t i;
	int match = 0;

	(void)parent;
	if (k != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	name = clang_getCursorSpelling(c);
	s = clang_getCString(name);
	for (i = 0; s && i < v->nfunctions; i++)
		if (v->functions[i] && !strcmp(v->functions[i], s))
			match = 1;
	clang_disposeString(name);
	if (!match)
		return CXChildVisit_Continue;
	ext = clang_getCursorExtent(c);
	clang_getSpellingLocation(clang_getRangeStart(ext), NULL, &l1, NULL,
				  NULL);
	clang_getSpellingLocation(clang_getRangeEnd(ext), NULL, &l2, NULL,
				  NULL);
	if (KC_VEC_PUSH(&v->ranges->r, ((struct fix_range){ l1, l2 }))) {
		v->oom = 1;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

int fix_parse_check(const char *file, const char *text,
		    const char *const *args, size_t nargs,
		    const char *const *functions, size_t nfunctions,
		    struct fix_ranges *ranges, unsigned *nerrors,
		    char *msg, size_t msgsz)
{
	struct CXUnsavedFile uf;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode ec;
	CXIndex idx;
	unsigned i, nd;
	int ret = 0;

	*nerrors = 0;
	idx = clang_createIndex(0, 0);  /* owner: this function */
	if (!idx)
		return -KC_ENOMEM;
	uf.Filename = file;
	uf.Contents = text;
	uf.Length = text ? (unsigned long)strlen(text) : 0;
	ec = clang_parseTranslationUnit2(idx, file, args, (int)nargs,
					 text ? &uf : NULL, text ? 1 : 0,
					 CXTranslationUnit_KeepGoing, &tu);
	if (ec != CXError_Success || !tu) {
		snprintf(msg, msgsz, "libclang cannot parse '%s' (%s)", file,
			 ec == CXError_Crashed ? "crashed" :
			 ec == CXError_ASTReadError ? "AST read error" :
			 ec == CXError_InvalidArguments ? "invalid arguments" :
			 "failure");
		clang_disposeIndex(idx);
		return -KC_EPARSE;
	}
	nd = clang_getNumDiagnostics(tu);
	for (i = 0; i < nd; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			if (!*nerrors && msg && msgsz) {
				CXString s = clang_formatDiagnostic(d,
					clang_defaultDiagnosticDisplayOptions());

				snprintf(msg, msgsz, "%s", clang_getCString(s));
				clang_disposeString(s);
			}
			(*nerrors)++;
		}
		clang_disposeDiagnostic(d);
	}
	if (functions && nfunctions && ranges) {
		struct fn_visit v = { functions, nfunctions, ranges, 0 };

		clang_visitChildren(clang_getTranslationUnitCursor(tu),
				    visit_fn, &v);
		if (v.oom)
			ret = -KC_ENOMEM;
	}
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	return ret;
}
