/* rulesdir.c - finds the rules directory (rulesdir.h). */
#include "util/rulesdir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KC_SOURCE_RULES_DIR
#define KC_SOURCE_RULES_DIR "rules"
#endif

static int is_dir(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISDIR(st.st_mode);
}

const char *kc_rules_dir(const char *dir)
{
	static char buf[PATH_MAX];
	const char *env = getenv("KSIZECHECK_RULES_DIR");
	char exe[PATH_MAX];
	ssize_t n;

	if (dir)
		return dir;
	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((size_t)snprintf(buf, sizeof(buf),
					     "%s/../share/ksizecheck/rules",
					     exe) < sizeof(buf) &&
			    is_dir(buf))
				return buf;
		}
	}
	return KC_SOURCE_RULES_DIR;
}
