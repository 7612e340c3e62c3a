/* rule_list.h - the one registry of ksizecheck rules, as an X-macro.
 *
 * KC_RULE(enum_name, "kebab-id", severity, "fix-script or NULL", family,
 *         "one-line summary", "full description", "how to fix")
 *
 * The id is identical in text, JSON and SARIF output and names the rule's
 * documentation, docs/rules/<id>.md, whose summary and severity lines
 * must agree with this row (tests/unit/test_rule_registry.c). Severity is
 * the default level: KC_SEV_ERROR for memory corruption on every kernel,
 * KC_SEV_WARNING for bugs that sanitizers or a different configuration
 * turn into failures. family names the rule family, the file
 * src/rules/<family>.c that judges the rule (struct rule_family
 * rule_family_<family>; one family may report several rules, as the clang
 * analyzer's MallocChecker does). The summary feeds --list-rules and
 * SARIF's shortDescription, the full description SARIF's
 * fullDescription, the fix text SARIF's help and fixes.
 * Include with KC_RULE defined; the header undefines it. Adding a rule:
 * docs/adding-a-rule.md.
 */
KC_RULE(KSIZE_NON_KMALLOC, "ksize-non-kmalloc", KC_SEV_ERROR, "ksize_nonkmalloc",
	ksize_provenance,
	"ksize() on memory that is never the start of a kmalloc object",
	"The argument of ksize() is, on every feasible path, memory that is "
	"not the start of a kmalloc-family object (vmalloc, kmem_cache, "
	"devm_*, page allocator, percpu, stack, global or a string literal). "
	"ksize() then returns a wrong size, warns, or reads unrelated "
	"metadata.",
	"Track the size that was requested at allocation time instead of "
	"calling ksize().")
KC_RULE(KSIZE_MAYBE_NON_KMALLOC, "ksize-maybe-non-kmalloc", KC_SEV_WARNING, "ksize_nonkmalloc",
	ksize_provenance,
	"ksize() on memory that is not a kmalloc object on some path",
	"The argument of ksize() is a kmalloc object on some paths and other "
	"memory on others, or it comes from an allocator that may return "
	"either (kvmalloc's vmalloc fallback, kstrdup_const's .rodata).",
	"Keep the requested size next to the pointer, or allocate with a "
	"kmalloc-only function when ksize() is really needed.")
KC_RULE(KSIZE_INTERIOR, "ksize-interior", KC_SEV_ERROR, NULL,
	ksize_provenance,
	"ksize() on a pointer into the middle of an object",
	"The argument of ksize() points into the middle of an object "
	"(base + offset, &obj->member, &arr[i]). ksize() reports the whole "
	"object's size, or warns and returns 0 for large allocations.",
	"Pass the pointer returned by the allocator, and subtract the "
	"offset yourself.")
KC_RULE(KSIZE_AFTER_FREE, "ksize-after-free", KC_SEV_ERROR, NULL,
	ksize_provenance,
	"ksize() on an object that was already freed",
	"ksize() is called on an object that was already freed, on every "
	"path or on the path the message names. KASAN reports it; without "
	"KASAN the stale bucket size is returned.",
	"Call ksize() before the free, or keep the size in a variable.")
KC_RULE(SLACK_WRITE, "slack-write", KC_SEV_WARNING, "ksize_slack",
	access_bounds,
	"write past the requested size, inside the kmalloc bucket",
	"A write goes past the size requested from kmalloc but stays inside "
	"the kmalloc bucket. It works on the judged configuration but "
	"FORTIFY_SOURCE, KASAN, KFENCE and slub_debug report it, and another "
	"slab configuration may make it an overflow.",
	"Allocate kmalloc_size_roundup(n) bytes up front, or grow the object "
	"with krealloc(p, ksize(p), gfp) before using the slack.")
KC_RULE(SLACK_READ, "slack-read", KC_SEV_WARNING, "ksize_slack",
	access_bounds,
	"read past the requested size, inside the kmalloc bucket",
	"A read goes past the size requested from kmalloc but stays inside "
	"the kmalloc bucket: it reads uninitialized slack that sanitizers "
	"report.",
	"Read only the requested size, or allocate kmalloc_size_roundup(n) "
	"bytes up front.")
KC_RULE(OVERFLOW_WRITE, "overflow-write", KC_SEV_ERROR, NULL,
	access_bounds,
	"write past the end of the kmalloc bucket",
	"A write goes past the end of the kmalloc bucket: heap corruption on "
	"every kernel.",
	"Bound the write by the requested size.")
KC_RULE(OVERFLOW_READ, "overflow-read", KC_SEV_ERROR, NULL,
	access_bounds,
	"read past the end of the kmalloc bucket",
	"A read goes past the end of the kmalloc bucket: an out-of-bounds "
	"read on every kernel.",
	"Bound the read by the requested size.")
KC_RULE(BOUND_PAST_OBJECT, "bound-past-object", KC_SEV_WARNING, NULL,
	access_bounds,
	"a bounded writer is told a size larger than the object, though its output fits",
	"A printf-style bounded writer (snprintf, scnprintf, vsnprintf, "
	"vscnprintf) or a string copier (strscpy, strlcpy, strlcat) is given "
	"a size argument past the requested size of the kmalloc object it "
	"writes to, but the most its format can produce (literal text, the "
	"widest output of each conversion for its length modifier or known "
	"value, the NUL), or its source string of known length and the NUL, "
	"fits in the request, so nothing is written past it today. The size "
	"argument is still wrong: a longer argument, source or format writes "
	"past the object, into the slack or past the bucket.",
	"Pass the size that was requested (or allocate "
	"kmalloc_size_roundup() bytes and pass that).")
#undef KC_RULE
