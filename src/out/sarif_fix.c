/* sarif_fix.c - exact SARIF fixes (result.fixes[]).
 *
 * SARIF requires a fix to carry concrete artifactChanges, so a finding
 * gets fixes[] only when the replacement is certain; otherwise the fix
 * script is described in result.properties.fix. The one certain fix: a
 * slack-write/slack-read on an allocation whose size argument is written
 * on the allocation line, from a kmalloc-family allocator: wrap that
 * argument in kmalloc_size_roundup(), so the object's requested size is
 * the whole bucket and the slack access is in bounds. Other uses of the
 * size stay as they are (unlike `n = kmalloc_size_roundup(n)`, this cannot
 * make a later copy of n bytes read past its source).
 *
 * The size argument is the one the API database's size formula names
 * ($N), when the formula is just that argument and it is the first one
 * (or the allocator reallocates); without the database, the finding's
 * slab.requested_expr when it is the whole first argument.
 */
#include "out/writers.h"

#include <string.h>

#include "apidb/apidb.h"
#include "out/jsonfile.h"
#include "out/srcfile.h"

/* Finds the single call "name(" on the line; NULL when absent or twice.
 * The name must not be preceded by an identifier character. */
static const char *find_call(const char *line, size_t len, const char *name)
{
	size_t nl = strlen(name), i;
	const char *hit = NULL;

	for (i = 0; i + nl < len; i++) {
		if (strncmp(line + i, name, nl) || line[i + nl] != '(')
			continue;
		if (i && (line[i - 1] == '_' ||
			  (line[i - 1] >= 'a' && line[i - 1] <= 'z') ||
			  (line[i - 1] >= 'A' && line[i - 1] <= 'Z') ||
			  (line[i - 1] >= '0' && line[i - 1] <= '9')))
			continue;
		if (hit)
			return NULL;
		hit = line + i + nl + 1;
	}
	return hit;
}

/* Bounds of argument k of the call whose arguments start at p: 0 and
 * [*b, *e) trimmed, or -1 when the call does not close on this line. */
static int arg_bounds(const char *p, const char *end, int k, const char **b,
		      const char **e)
{
	int depth = 0, idx = 0;
	const char *start = p;

	for (; p < end; p++) {
		char ch = *p;

		if (ch == '"' || ch == '\'') {
			for (p++; p < end && *p != ch; p++)
				if (*p == '\\')
					p++;
			if (p >= end)
				return -1;
			continue;
		}
		if (ch == '(' || ch == '[' || ch == '{') {
			depth++;
		} else if ((ch == ')' || ch == ']' || ch == '}') && depth) {
			depth--;
		} else if ((ch == ',' && !depth) || ch == ')') {
			if (idx == k) {
				while (start < p && (*start == ' ' ||
						     *start == '\t'))
					start++;
				*b = start;
				*e = p;
				while (*e > *b && ((*e)[-1] == ' ' ||
						   (*e)[-1] == '\t'))
					(*e)--;
				return *e > *b ? 0 : -1;
			}
			if (ch == ')')
				return -1;
			idx++;
			start = p + 1;
		}
	}
	return -1;
}

/* Which argument is the size: 0-based, or -1. Only when it is the first
 * argument or the allocator reallocates (krealloc copies min(old, new)):
 * for kmemdup(src, len) and the like the size is also a copy length, and
 * a bigger one would read past the source. */
static int size_arg(const struct kc_finding *f, const struct apidb *api,
		    const char *name)
{
	const struct apidb_fn *fn;

	if (!api)
		return f->slab.requested_expr ? 0 : -1;
	fn = apidb_lookup(api, name);
	if (!fn || fn->kind != APIDB_ALLOC ||
	    !apidb_family_is_kmalloc(fn->family) || !fn->size ||
	    fn->size->op != APIDB_OP_ARG)
		return -1;
	if (fn->size->arg != 0 && fn->realloc_arg < 0)
		return -1;
	return fn->size->arg;
}

static json_object *fix_object(const struct kc_note *alloc, unsigned col,
			       size_t elen, const char *text)
{
	json_object *fix = json_object_new_object();
	json_object *changes = json_object_new_array();
	json_object *change = json_object_new_object();
	json_object *reps = json_object_new_array();
	json_object *rep = json_object_new_object();
	json_object *reg = json_object_new_object();
	json_object *ins = json_object_new_object();
	int bad = 0;

	bad |= kc_jadd(fix, "description", out_sarif_message(
		"Allocate kmalloc_size_roundup(size) bytes so the whole bucket is requested"));
	bad |= kc_jadd(change, "artifactLocation",
			out_sarif_artifact_location(alloc->loc.file));
	bad |= kc_jadd_int(reg, "startLine", alloc->loc.line);
	bad |= kc_jadd_int(reg, "startColumn", col);
	bad |= kc_jadd_int(reg, "endLine", alloc->loc.line);
	bad |= kc_jadd_int(reg, "endColumn", col + (unsigned)elen);
	bad |= kc_jadd(rep, "deletedRegion", reg);
	bad |= kc_jadd_str(ins, "text", text);
	bad |= kc_jadd(rep, "insertedContent", ins);
	bad |= kc_jadd(reps, NULL, rep);
	bad |= kc_jadd(change, "replacements", reps);
	bad |= kc_jadd(changes, NULL, change);
	bad |= kc_jadd(fix, "artifactChanges", changes);
	if (bad) {
		json_object_put(fix);
		return NULL;
	}
	return fix;
}

json_object *out_sarif_exact_fix(struct out_src_cache *c,
				 const struct kc_finding *f,
				 const struct apidb *api)
{
	const struct kc_note *alloc = NULL;
	const struct out_src *s;
	const char *line, *args, *b, *e, *rule = kc_rule_info(f->rule)->id;
	char name[128], text[512];
	size_t len, i, nl;
	int k;

	if (strcmp(rule, "slack-write") && strcmp(rule, "slack-read"))
		return NULL;
	if (!f->slab.valid || !f->slab.allocator)
		return NULL;
	for (i = 0; i < f->nnotes; i++)
		if (!strcmp(f->notes[i].kind, "allocation"))
			alloc = &f->notes[i];
	if (!alloc || !alloc->loc.line)
		return NULL;
	s = out_src_get(c, alloc->loc.file);
	line = s ? out_src_line(s, alloc->loc.line, &len) : NULL;
	if (!line || len >= 400)
		return NULL;
	for (i = 0; i < len; i++)
		if ((unsigned char)line[i] >= 0x80)
			return NULL;
	k = size_arg(f, api, f->slab.allocator);
	if (k < 0)
		return NULL;
	/* 6.10+ names: the source spells kmalloc(), the model kmalloc_noprof */
	snprintf(name, sizeof(name), "%s", f->slab.allocator);
	nl = strlen(name);
	if (nl > 7 && !strcmp(name + nl - 7, "_noprof"))
		name[nl - 7] = '\0';
	args = find_call(line, len, name);
	if (!args || arg_bounds(args, line + len, k, &b, &e))
		return NULL;
	if (f->slab.requested_expr && !api &&
	    ((size_t)(e - b) != strlen(f->slab.requested_expr) ||
	     strncmp(b, f->slab.requested_expr, (size_t)(e - b))))
		return NULL;
	if ((size_t)(e - b) > 300 || strstr(b, "kmalloc_size_roundup") == b)
		return NULL;
	snprintf(text, sizeof(text), "kmalloc_size_roundup(%.*s)",
		 (int)(e - b), b);
	return fix_object(alloc, (unsigned)(b - line) + 1, (size_t)(e - b),
			  text);
}
