/* rulesdir.h - the one place that finds the rules directory (the data:
 * rules/allocators.tbl, sinks.tbl, flags.tbl, slab/). */
#ifndef KC_UTIL_RULESDIR_H
#define KC_UTIL_RULESDIR_H

/* The rules directory: dir when not NULL (--rules-dir), else
 * $KSIZECHECK_RULES_DIR when set and not empty, else
 * <directory of the executable>/../share/ksizecheck/rules when it exists
 * (an installed ksizecheck), else the source tree's rules/
 * (KC_SOURCE_RULES_DIR, a build tree). Returns dir, the environment's
 * string or a static string. */
const char *kc_rules_dir(const char *dir);

#endif
