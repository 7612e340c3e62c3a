/* rule_text.c - the longer rule texts SARIF needs (rule_text.h), read
 * from the one registry, rules/rule_list.h.
 */
#include "out/rule_text.h"

#include <ctype.h>

#include "diag/diag.h"

const char *out_rule_full_text(int rule)
{
	const struct kc_rule_info *ri = kc_rule_info(rule);

	return !ri ? "" : ri->full ? ri->full : ri->summary;
}

const char *out_rule_fix_text(int rule)
{
	const struct kc_rule_info *ri = kc_rule_info(rule);

	return ri && ri->help ? ri->help : "See the rule's documentation.";
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
