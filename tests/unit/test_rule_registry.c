/* test_rule_registry.c - the one rule registry (src/rules/rule_list.h)
 * and the rule pages (docs/rules/<id>.md) agree: every registered rule
 * has a page whose title is its id, whose severity and fix-script line
 * and summary line say what the registry says, and every page names a
 * registered rule. Every row has its long texts and its family. Fails
 * with the page and the disagreement. KC_SOURCE_DIR (set by ctest) is
 * the source tree. */
#include "diag/diag.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* 1 if file has a line equal to want. */
static int has_line(FILE *f, const char *want)
{
	char line[1024];

	rewind(f);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strcmp(line, want))
			return 1;
	}
	return 0;
}

static void check_page(const char *src, const struct kc_rule_info *ri)
{
	char path[1024], want[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/docs/rules/%s.md", src, ri->id);
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: missing page of registered rule '%s'\n",
			path, ri->id);
		failures++;
		return;
	}
	snprintf(want, sizeof(want), "# %s", ri->id);
	if (!has_line(f, want)) {
		fprintf(stderr, "%s: no title line '%s'\n", path, want);
		failures++;
	}
	if (ri->fix)
		snprintf(want, sizeof(want),
			 "**Severity:** %s · **Fix script:** `cocci/%s.cocci` "
			 "(`ksizecheck --fix`)",
			 ri->severity == KC_SEV_ERROR ? "error" : "warning",
			 ri->fix);
	else
		snprintf(want, sizeof(want),
			 "**Severity:** %s · **Fix script:** none",
			 ri->severity == KC_SEV_ERROR ? "error" : "warning");
	if (!has_line(f, want)) {
		fprintf(stderr, "%s: severity line differs from the "
			"registry, want '%s'\n", path, want);
		failures++;
	}
	snprintf(want, sizeof(want), "**Summary:** %s", ri->summary);
	if (!has_line(f, want)) {
		fprintf(stderr, "%s: summary differs from the registry, "
			"want '%s'\n", path, want);
		failures++;
	}
	fclose(f);
}

/* Every docs/rules/<id>.md names a registered rule. */
static void check_no_orphans(const char *src)
{
	char path[1024];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "%s/docs/rules", src);
	d = opendir(path);
	CHECK(d != NULL);
	if (!d)
		return;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		char id[256];

		if (n < 4 || strcmp(de->d_name + n - 3, ".md") ||
		    n - 3 >= sizeof(id))
			continue;
		memcpy(id, de->d_name, n - 3);
		id[n - 3] = '\0';
		if (kc_rule_by_id(id) < 0) {
			fprintf(stderr, "%s/%s: page of no registered rule\n",
				path, de->d_name);
			failures++;
		}
	}
	closedir(d);
}

int main(void)
{
	const char *src = getenv("KC_SOURCE_DIR");
	int i;

	if (!src)
		src = ".";
	CHECK(KC_RULE_COUNT > 0);
	for (i = 0; i < KC_RULE_COUNT; i++) {
		const struct kc_rule_info *ri = kc_rule_info(i);

		CHECK(ri && ri->id && ri->summary && *ri->summary);
		if (!ri)
			continue;
		CHECK(ri->full && *ri->full);
		CHECK(ri->help && *ri->help);
		CHECK(ri->family && *ri->family);
		CHECK(kc_rule_by_id(ri->id) == i);
		check_page(src, ri);
	}
	CHECK(kc_rule_info(KC_RULE_COUNT) == NULL);
	check_no_orphans(src);
	return failures != 0;
}
