/* test_fix.c - ksizecheck --fix (src/fix): diff parsing and applying,
 * fix_run() with the real spatch on copies of the cocci test cases (diff
 * mode leaves the file alone, apply mode writes the expected .res, the
 * function limit), and its failure paths with fake spatch scripts
 * (missing, too old, failing, a patch that breaks the parse: the file
 * must stay untouched each time). Runs from the source tree. */
#include "fix/fix.h"
#include "fix/fix_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/strbuf.h"

static int failures;
static char tmpdir[] = "/tmp/kc-test-fix.XXXXXX";
static char kstub[1024];
static const char *cflags[2];

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: check failed: %s\n",         \
				__FILE__, __LINE__, #cond);                  \
			failures++;                                          \
		}                                                            \
	} while (0)

static char *slurp(const char *path)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;

	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		return NULL;
	}
	return kc_strbuf_detach(&sb);
}

static void put(const char *path, const char *text, int mode)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
	chmod(path, (mode_t)mode);
}

/* copies tests/cocci/ksize_slack/NAME.c to the temp dir; returns path */
static const char *copy_case(const char *name, char *buf, size_t size)
{
	char src[512];
	char *text;

	snprintf(src, sizeof(src), "tests/cocci/ksize_slack/%s.c", name);
	text = slurp(src);
	if (!text) {
		fprintf(stderr, "cannot read %s (run from the source tree)\n",
			src);
		exit(1);
	}
	snprintf(buf, size, "%s/%s.c", tmpdir, name);
	put(buf, text, 0644);
	free(text);
	return buf;
}

static void test_diff_apply(void)
{
	const char *text = "a\nb\nc\nd\ne\n";
	const char *diff = "--- x.c\n+++ y.c\n@@ -1,3 +1,4 @@\n a\n+a2\n b\n"
			   " c\n@@ -4,2 +5,1 @@\n d\n-e\n";
	struct fix_hunks hs;
	struct kc_strbuf res = KC_STRBUF_INIT;

	CHECK(fix_diff_parse(diff, &hs) == 0);
	CHECK(hs.h.n == 2);
	CHECK(hs.h.n == 2 && hs.h.v[0].first_line == 2 &&
	      hs.h.v[1].first_line == 5);
	CHECK(fix_diff_apply(&hs, text, &res) == 0);
	CHECK(!strcmp(res.buf, "a\na2\nb\nc\nd\n"));
	kc_strbuf_reset(&res);
	hs.h.v[0].keep = 0;
	CHECK(fix_diff_apply(&hs, text, &res) == 0);
	CHECK(!strcmp(res.buf, "a\nb\nc\nd\n"));
	kc_strbuf_reset(&res);
	/* a context line that does not match the text */
	CHECK(fix_diff_apply(&hs, "a\nb\nc\nX\ne\n", &res) == -KC_EPARSE);
	kc_strbuf_release(&res);
	fix_hunks_release(&hs);
}

/* fix_diff_name: relative below root, from / outside it */
static void test_diff_name(void)
{
	char buf[1024], sub[1100];

	snprintf(sub, sizeof(sub), "%s/sub", tmpdir);
	mkdir(sub, 0755);
	snprintf(sub, sizeof(sub), "%s/sub/f.c", tmpdir);
	put(sub, "int x;\n", 0644);
	CHECK(fix_diff_name(sub, tmpdir, buf, sizeof(buf)) == 0);
	CHECK(!strcmp(buf, "sub/f.c"));
	snprintf(sub, sizeof(sub), "%s/sub/../sub/f.c", tmpdir);
	CHECK(fix_diff_name(sub, tmpdir, buf, sizeof(buf)) == 0);
	CHECK(!strcmp(buf, "sub/f.c"));
	CHECK(fix_diff_name(sub, "/", buf, sizeof(buf)) == 0);
	CHECK(!strncmp(buf, "tmp/kc-test-fix.", 16));
	snprintf(sub, sizeof(sub), "%s/sub", tmpdir);
	CHECK(fix_diff_name("/etc/hostname", sub, buf, sizeof(buf)) == 1);
	CHECK(!strcmp(buf, "etc/hostname"));
}

static int have_spatch(void)
{
	return system("spatch --version >/dev/null 2>&1") == 0;
}

static void test_real_spatch(void)
{
	char path[1024], out[1 << 16];
	struct fix_request r = { 0 };
	struct kc_err err = { 0 };
	char *before, *after, *want;
	FILE *mem;
	int ret;

	if (!have_spatch()) {
		printf("skip: spatch not installed, real-spatch checks not "
		       "run\n");
		return;
	}
	fix_set_spatch(NULL);
	r.file = copy_case("local_kmalloc", path, sizeof(path));
	r.script = "ksize_slack";
	r.cflags = cflags;
	r.ncflags = 1;
	before = slurp(path);

	/* diff mode: prints a diff, file untouched */
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_DIFF, "cocci", mem, &err);
	fclose(mem);
	CHECK(ret == 0);
	CHECK(strstr(out, "+\tn = kmalloc_size_roundup(n);") != NULL);
	/* outside the current directory (the build tree): named from / */
	CHECK(strstr(out, "--- a/tmp/kc-test-fix.") != NULL);
	CHECK(strstr(out, "note: outside the current directory") != NULL);
	after = slurp(path);
	CHECK(after && !strcmp(before, after));
	free(after);

	/* with a root: a/ and b/ relative to it, and no note */
	r.root = tmpdir;
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_DIFF, "cocci", mem, &err);
	fclose(mem);
	r.root = NULL;
	CHECK(ret == 0);
	CHECK(!strncmp(out, "--- a/local_kmalloc.c\n+++ b/local_kmalloc.c\n@@ ",
		       strlen("--- a/local_kmalloc.c\n+++ b/local_kmalloc.c\n@@ ")));
	after = slurp(path);
	CHECK(after && !strcmp(before, after));
	free(after);

	/* apply mode: the file becomes the expected .res */
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_APPLY, "cocci", mem, &err);
	fclose(mem);
	CHECK(ret == 0);
	CHECK(strstr(out, "fixed ") != NULL);
	after = slurp(path);
	want = slurp("tests/cocci/ksize_slack/local_kmalloc.res");
	CHECK(after && want && !strcmp(after, want));
	free(after);
	free(want);
	free(before);

	/* function limit: node_track.c has two fixable functions */
	r.file = copy_case("node_track", path, sizeof(path));
	r.function = "dup_caller";
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_APPLY, "cocci", mem, &err);
	fclose(mem);
	CHECK(ret == 0);
	after = slurp(path);
	CHECK(after && strstr(after, "len = kmalloc_size_roundup(len);"));
	CHECK(after && !strstr(after, "bytes = kmalloc_size_roundup(bytes)"));
	CHECK(after && strstr(after, "t->bytes = ksize(t->slots);"));
	free(after);

	/* a relative file in a TU directory (struct kc_tu's dir) */
	copy_case("array_count", path, sizeof(path));
	r.file = "array_count.c";
	r.dir = tmpdir;
	r.function = NULL;
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_APPLY, "cocci", mem, &err);
	fclose(mem);
	CHECK(ret == 0);
	after = slurp(path);
	want = slurp("tests/cocci/ksize_slack/array_count.res");
	CHECK(after && want && !strcmp(after, want));
	free(after);
	free(want);
	r.dir = NULL;

	/* a report-only script: a note, no change, no error */
	r.file = copy_case("neg_stats", path, sizeof(path));
	r.function = NULL;
	r.script = "ksize_nonkmalloc";
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_APPLY, "cocci", mem, &err);
	fclose(mem);
	CHECK(ret == 0);
	CHECK(strstr(out, "no patch mode") != NULL);
}

/* runs fix_run with a fake spatch; checks the error and that the file is
 * untouched */
static void expect_fail(const char *fake, int want, const char *msg)
{
	char path[1024], spatch[1024], out[1 << 14];
	struct fix_request r = { 0 };
	struct kc_err err = { 0 };
	char *before, *after;
	FILE *mem;
	int ret;

	snprintf(spatch, sizeof(spatch), "%s/fake-spatch", tmpdir);
	if (fake)
		put(spatch, fake, 0755);
	else
		snprintf(spatch, sizeof(spatch), "%s/no-such-spatch", tmpdir);
	fix_set_spatch(spatch);
	r.file = copy_case("local_kmalloc", path, sizeof(path));
	r.script = "ksize_slack";
	r.cflags = cflags;
	r.ncflags = 1;
	before = slurp(path);
	mem = fmemopen(out, sizeof(out), "w");
	ret = fix_run(&r, 1, FIX_APPLY, "cocci", mem, &err);
	fclose(mem);
	after = slurp(path);
	if (ret != want || !strstr(err.msg, msg) ||
	    !strstr(err.msg, "ksize_slack") || strcmp(err.file, path)) {
		fprintf(stderr, "fake spatch: got %d '%s' (file '%s'), want "
			"%d '%s'\n", ret, err.msg, err.file, want, msg);
		failures++;
	}
	CHECK(before && after && !strcmp(before, after));
	free(before);
	free(after);
	fix_set_spatch(NULL);
}

static void test_failures(void)
{
	char fake[4096];

	expect_fail(NULL, -KC_ECHILD, "cannot run");
	expect_fail("#!/bin/sh\necho 'spatch version 1.0.4 compiled'\n",
		    -KC_ECHILD, "too old");
	expect_fail("#!/bin/sh\ncase \"$1\" in --version) "
		    "echo 'spatch version 1.1.1'; exit 0;; esac\n"
		    "echo 'parse error in rule' >&2; exit 3\n",
		    -KC_ECHILD, "spatch failed");
	/* a "fix" that breaks the syntax: rolled back */
	snprintf(fake, sizeof(fake),
		 "#!/bin/sh\ncase \"$1\" in --version) "
		 "echo 'spatch version 1.1.1'; exit 0;; esac\n"
		 "for f; do :; done\n"
		 "printf -- '--- %%s\\n+++ %%s\\n@@ -14,3 +14,3 @@\\n {\\n"
		 "-\\tchar *p;\\n+\\tchar *p\\n \\n' \"$f\" \"$f\"\n");
	expect_fail(fake, -KC_EPARSE, "no longer parse");
}

int main(void)
{
	char cwd[800];

	if (!getcwd(cwd, sizeof(cwd))) {
		perror("getcwd");
		return 1;
	}
	snprintf(kstub, sizeof(kstub), "-I%s/tests/include/kstub", cwd);
	cflags[0] = kstub;
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_diff_apply();
	test_diff_name();
	test_real_spatch();
	test_failures();
	if (failures)
		fprintf(stderr, "test_fix: %d failure(s); files in %s\n",
			failures, tmpdir);
	else {
		char cmd[1200];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
		if (system(cmd))
			fprintf(stderr, "test_fix: cannot remove %s\n", tmpdir);
	}
	return failures ? 1 : 0;
}
