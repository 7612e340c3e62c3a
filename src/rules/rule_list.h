/* rule_list.h - the registry of ksizecheck rules, as an X-macro.
 *
 * KC_RULE(enum_name, "kebab-id", severity, "fix-script or NULL",
 *         "one-line summary")
 *
 * The id is identical in text, JSON and SARIF output and names the rule's
 * documentation, docs/rules/<id>.md. Severity is the default level:
 * KC_SEV_ERROR for memory corruption on every kernel, KC_SEV_WARNING for
 * bugs that sanitizers or a different configuration turn into failures.
 * Include with KC_RULE defined; the header undefines it.
 */
KC_RULE(KSIZE_NON_KMALLOC, "ksize-non-kmalloc", KC_SEV_ERROR, "ksize_nonkmalloc",
	"ksize() on memory that is never the start of a kmalloc object")
KC_RULE(KSIZE_MAYBE_NON_KMALLOC, "ksize-maybe-non-kmalloc", KC_SEV_WARNING, "ksize_nonkmalloc",
	"ksize() on memory that is not a kmalloc object on some path")
KC_RULE(KSIZE_INTERIOR, "ksize-interior", KC_SEV_ERROR, NULL,
	"ksize() on a pointer into the middle of an object")
KC_RULE(KSIZE_AFTER_FREE, "ksize-after-free", KC_SEV_ERROR, NULL,
	"ksize() on an object that was already freed")
KC_RULE(SLACK_WRITE, "slack-write", KC_SEV_WARNING, "ksize_slack",
	"write past the requested size, inside the kmalloc bucket")
KC_RULE(SLACK_READ, "slack-read", KC_SEV_WARNING, "ksize_slack",
	"read past the requested size, inside the kmalloc bucket")
KC_RULE(OVERFLOW_WRITE, "overflow-write", KC_SEV_ERROR, NULL,
	"write past the end of the kmalloc bucket")
KC_RULE(OVERFLOW_READ, "overflow-read", KC_SEV_ERROR, NULL,
	"read past the end of the kmalloc bucket")
#undef KC_RULE
