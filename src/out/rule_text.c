/* rule_text.c - full descriptions and fix advice per rule, for SARIF
 * (rule_text.h). Keep in step with docs/rules/<id>.md.
 */
#include "out/rule_text.h"

#include <ctype.h>
#include <string.h>

#include "diag/diag.h"

struct rule_text {
	const char *id;
	const char *full;
	const char *fix;
};

static const struct rule_text texts[] = {
	{ "ksize-non-kmalloc",
	  "The argument of ksize() is, on every feasible path, memory that is "
	  "not the start of a kmalloc-family object (vmalloc, kmem_cache, "
	  "devm_*, page allocator, percpu, stack, global or a string literal). "
	  "ksize() then returns a wrong size, warns, or reads unrelated "
	  "metadata.",
	  "Track the size that was requested at allocation time instead of "
	  "calling ksize()." },
	{ "ksize-maybe-non-kmalloc",
	  "The argument of ksize() is a kmalloc object on some paths and other "
	  "memory on others, or it comes from an allocator that may return "
	  "either (kvmalloc's vmalloc fallback, kstrdup_const's .rodata).",
	  "Keep the requested size next to the pointer, or allocate with a "
	  "kmalloc-only function when ksize() is really needed." },
	{ "ksize-interior",
	  "The argument of ksize() points into the middle of an object "
	  "(base + offset, &obj->member, &arr[i]). ksize() reports the whole "
	  "object's size, or warns and returns 0 for large allocations.",
	  "Pass the pointer returned by the allocator, and subtract the "
	  "offset yourself." },
	{ "ksize-after-free",
	  "ksize() is called on an object that was already freed, on every "
	  "path or on the path the message names. KASAN reports it; without "
	  "KASAN the stale bucket size is returned.",
	  "Call ksize() before the free, or keep the size in a variable." },
	{ "slack-write",
	  "A write goes past the size requested from kmalloc but stays inside "
	  "the kmalloc bucket. It works on the judged configuration but "
	  "FORTIFY_SOURCE, KASAN, KFENCE and slub_debug report it, and another "
	  "slab configuration may make it an overflow.",
	  "Allocate kmalloc_size_roundup(n) bytes up front, or grow the object "
	  "with krealloc(p, ksize(p), gfp) before using the slack." },
	{ "slack-read",
	  "A read goes past the size requested from kmalloc but stays inside "
	  "the kmalloc bucket: it reads uninitialized slack that sanitizers "
	  "report.",
	  "Read only the requested size, or allocate kmalloc_size_roundup(n) "
	  "bytes up front." },
	{ "overflow-write",
	  "A write goes past the end of the kmalloc bucket: heap corruption on "
	  "every kernel.",
	  "Bound the write by the requested size." },
	{ "overflow-read",
	  "A read goes past the end of the kmalloc bucket: an out-of-bounds "
	  "read on every kernel.",
	  "Bound the read by the requested size." },
};

static const struct rule_text *lookup(int rule)
{
	const struct kc_rule_info *ri = kc_rule_info(rule);
	size_t i;

	if (!ri)
		return NULL;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (!strcmp(texts[i].id, ri->id))
			return &texts[i];
	return NULL;
}

const char *out_rule_full_text(int rule)
{
	const struct rule_text *t = lookup(rule);
	const struct kc_rule_info *ri = kc_rule_info(rule);

	return t ? t->full : ri ? ri->summary : "";
}

const char *out_rule_fix_text(int rule)
{
	const struct rule_text *t = lookup(rule);

	return t ? t->fix : "See the rule's documentation.";
}

const char *out_rule_pascal_name(int rule, char *buf, size_t size)
{
	const struct kc_rule_info *ri = kc_rule_info(rule);
	const char *p = ri ? ri->id : "";
	size_t n = 0;
	int up = 1;

	for (; *p && n + 1 < size; p++) {
		if (*p == '-' || *p == '_') {
			up = 1;
			continue;
		}
		buf[n++] = up ? (char)toupper((unsigned char)*p) : *p;
		up = 0;
	}
	if (size)
		buf[n] = '\0';
	return buf;
}
