/* test_genhdr.c - which missing includes count as headers Kbuild generates
 * (src/driver/genhdr_rules.c), and the verdict and grouped report of
 * src/driver/genhdr.c, on a small fake tree made here.
 */
#include "driver/genhdr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "driver/run.h"
#include "check.h"

static char tree[] = "/tmp/kc-test-genhdr.XXXXXX";

static void put(const char *rel, const char *text)
{
	char p[512], d[512], *s;
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", tree, rel);
	snprintf(d, sizeof(d), "%s", p);
	for (s = d + strlen(tree) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(d, 0755);
		*s = '/';
	}
	f = fopen(p, "w");
	if (!f) {
		perror(p);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	if (!mkdtemp(tree)) {
		perror("mkdtemp");
		exit(1);
	}
	put("scripts/Makefile.build",
	    "$(obj)/%.asn1.c $(obj)/%.asn1.h: $(src)/%.asn1 $(objtree)/scripts/asn1_compiler\n"
	    "$(obj)/%.o: $(obj)/%.c FORCE\n"
	    "$(obj)/%.i: $(obj)/%.c FORCE\n");
	put("crypto/Makefile",
	    "$(obj)/rsa_helper.o: $(obj)/rsapubkey.asn1.h\n");
	put("crypto/rsa_helper.c", "#include \"rsapubkey.asn1.h\"\n");
	put("drivers/msm/Makefile",
	    "ccflags-y += -I $(obj)/generated\n"
	    "$(obj)/generated/%.xml.h: $(src)/registers/%.xml FORCE\n");
	put("drivers/xe/Makefile",
	    "generated_oob := $(obj)/generated/xe_wa_oob.c $(obj)/generated/xe_wa_oob.h\n"
	    "$(addprefix $(obj)/,a.o b.o): $(obj)/generated/xe_wa_oob.h)\n");
	put("drivers/radeon/Makefile",
	    "targets := rn50_reg_safe.h r100_reg_safe.h\n"
	    "$(obj)/%.h: $(src)/%.src\n");
	put("arch/x86/lib/Makefile",
	    "$(obj)/inat-tables.c: $(inat_tables_script) $(inat_tables_maps)\n");
	put("fs/Kbuild", "clean-files += made_by_kbuild.h\n");
}

static void test_rules(void)
{
	struct kc_genhdr *g;
	char *argv[] = { "make", "-C", tree, "LLVM=-19" };

	g = kc_genhdr_new("T", tree, argv, 4);
	CHECK(g != NULL);
	/* named in the directory's Makefile */
	CHECK(kc_genhdr_is_generated(g, "crypto/rsapubkey.asn1.h") == 1);
	/* the generic rule of scripts/Makefile.build */
	CHECK(kc_genhdr_is_generated(g, "crypto/ecdsasignature.asn1.h") == 1);
	/* a pattern rule of the owning Makefile, below its directory */
	CHECK(kc_genhdr_is_generated(g, "drivers/msm/generated/a2xx.xml.h") == 1);
	CHECK(kc_genhdr_is_generated(g, "drivers/msm/a2xx.xml.h") == 0);
	/* a variable's value; radeon's targets list */
	CHECK(kc_genhdr_is_generated(g, "drivers/xe/generated/xe_wa_oob.h") == 1);
	CHECK(kc_genhdr_is_generated(g, "drivers/radeon/r100_reg_safe.h") == 1);
	CHECK(kc_genhdr_is_generated(g, "arch/x86/lib/inat-tables.c") == 1);
	CHECK(kc_genhdr_is_generated(g, "fs/sub/made_by_kbuild.h") == 0);
	CHECK(kc_genhdr_is_generated(g, "fs/made_by_kbuild.h") == 1);
	/* "%.h", "%.c": patterns that would match anything do not count */
	CHECK(kc_genhdr_is_generated(g, "drivers/radeon/other.h") == 0);
	CHECK(kc_genhdr_is_generated(g, "crypto/rsa_helper_x.c") == 0);
	/* no Makefile above: not Kbuild's */
	CHECK(kc_genhdr_is_generated(g, "include/linux/nothere.h") == 0);
	CHECK(kc_genhdr_is_generated(g, "toplevel.h") == 0);
	kc_genhdr_free(g);
}

/* A worker result with the given missing includes. */
static json_object *result(const char *name, const char *from, int nerr)
{
	json_object *res = json_object_new_object();
	json_object *miss = json_object_new_array();
	json_object *c = json_object_new_object();
	char msg[256];

	snprintf(msg, sizeof(msg), "'%s' file not found", name);
	kc_genhdr_note_missing(miss, msg, from);
	kc_genhdr_note_missing(miss, "use of undeclared identifier 'x'", from);
	json_object_object_add(res, "missing_includes", miss);
	json_object_object_add(c, "clang-errors", json_object_new_int(nerr));
	json_object_object_add(res, "counters", c);
	return res;
}

static void test_take_report(void)
{
	struct kc_genhdr *g;
	char *argv[] = { "make", "-C", tree, "LLVM=-19" };
	char *flags[] = { "-D__KERNEL__", "-I", "./drivers/msm/generated" };
	struct kc_tu a = { .file = "crypto/rsa_helper.c" };
	struct kc_tu m = { .file = "drivers/msm/adreno/a2xx_gpu.c",
			   .argv = flags, .argc = 3 };
	struct kc_tu o = { .file = "drivers/other.c" };
	json_object *r;
	char out[4096];
	FILE *f;

	g = kc_genhdr_new("T", tree, argv, 4);
	r = result("rsapubkey.asn1.h", "crypto/rsa_helper.c", 3);
	CHECK(json_object_array_length(json_object_object_get(
		      r, "missing_includes")) == 1);
	CHECK(kc_genhdr_take(g, &a, 0, r) == KC_GENHDR_QUIET);
	json_object_put(r);
	/* found through -I from a header of another directory */
	r = result("a2xx.xml.h", "drivers/msm/adreno/adreno_gpu.h", 2);
	CHECK(kc_genhdr_take(g, &m, 1, r) == KC_GENHDR_QUIET);
	json_object_put(r);
	r = result("nothere.h", "drivers/other.c", 1);
	CHECK(kc_genhdr_take(g, &o, 2, r) == KC_GENHDR_NONE);
	json_object_put(r);
	CHECK(kc_genhdr_take(NULL, &o, 2, NULL) == KC_GENHDR_NONE);
	f = fmemopen(out, sizeof(out), "w");
	kc_genhdr_report(g, f);
	fclose(f);
	CHECK(strstr(out, "ksizecheck: 2 files include headers that Kbuild generates during a build (not 'make prepare'), missing in 'T'; checked as far as they parsed, 5 clang errors not shown:\n") != NULL);
	CHECK(strstr(out, "ksizecheck:   crypto/: rsapubkey.asn1.h (1 file)\n") != NULL);
	CHECK(strstr(out, "ksizecheck:   drivers/msm/generated/: a2xx.xml.h (1 file)\n") != NULL);
	CHECK(strstr(out, ": make -C T LLVM=-19 -k crypto/rsa_helper.o drivers/msm/adreno/a2xx_gpu.o\n") != NULL);
	CHECK(strstr(out, "nothere") == NULL);
	kc_genhdr_free(g);

	/* --build-generated: held back, then built (make fails here: the
	 * fake tree has no top Makefile) and checked again: a TU that
	 * still lacks the header is reported "even after the build" */
	g = kc_genhdr_new("T", tree, argv, 4);
	kc_genhdr_set_build(g, 2);
	r = result("rsapubkey.asn1.h", "crypto/rsa_helper.c", 3);
	CHECK(kc_genhdr_take(g, &a, 0, r) == KC_GENHDR_HOLD);
	json_object_put(r);
	r = result("nothere.h", "drivers/other.c", 1);
	CHECK(kc_genhdr_take(g, &o, 2, r) == KC_GENHDR_NONE);
	json_object_put(r);
	CHECK(kc_genhdr_held(g) == 1);
	{
		FILE *log = tmpfile();
		size_t *idx = NULL, n = 0;
		char buf[4096];
		size_t len;

		CHECK(log && kc_genhdr_build(g, log, &idx, &n) == 0);
		CHECK(n == 1 && idx && idx[0] == 0);
		CHECK(kc_genhdr_held(g) == 0);
		rewind(log);
		len = fread(buf, 1, sizeof(buf) - 1, log);
		buf[len] = '\0';
		CHECK(strstr(buf, "ksizecheck: --build-generated: building the 1 object whose generated headers are missing: make -C T LLVM=-19 -k -j2 crypto/rsa_helper.o\n") != NULL);
		CHECK(strstr(buf, "ksizecheck: --build-generated: make failed (see its errors above) in ") != NULL);
		fclose(log);
		free(idx);
	}
	r = result("rsapubkey.asn1.h", "crypto/rsa_helper.c", 3);
	CHECK(kc_genhdr_take(g, &a, 0, r) == KC_GENHDR_QUIET);
	json_object_put(r);
	f = fmemopen(out, sizeof(out), "w");
	kc_genhdr_report(g, f);
	fclose(f);
	CHECK(strstr(out, "missing in 'T' even after the build;") != NULL);
	CHECK(strstr(out, "or run again") == NULL);
	/* the same TU with the header made: nothing left to report */
	r = json_object_new_object();
	CHECK(kc_genhdr_take(g, &a, 0, r) == KC_GENHDR_NONE);
	json_object_put(r);
	memset(out, 0, sizeof(out));
	f = fmemopen(out, sizeof(out), "w");
	kc_genhdr_report(g, f);
	fclose(f);
	CHECK(out[0] == '\0');
	kc_genhdr_free(g);
}

int main(void)
{
	char cmd[600];

	setup();
	test_rules();
	test_take_report();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tree);
	if (!failures && system(cmd))
		fprintf(stderr, "cannot remove %s\n", tree);
	if (failures)
		fprintf(stderr, "test_genhdr: %d failure(s); files in %s\n",
			failures, tree);
	return failures != 0;
}
