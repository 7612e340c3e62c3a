/* test_slab_tbl.c - the slab model's data files and entry points:
 * malformed rows rejected with file:line:col, `ksizecheck model` exit
 * codes, and preset selection from a kernel tree (synthetic trees in a
 * temp dir, plus real trees named by KC_KERNEL_TREE_61/_612 when set).
 * Prints "N passed, M failed".
 */
#include "model/slab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned passed, failed;
static char tmp[256];

static void ok(int cond, int line, const char *what, const char *detail)
{
	if (cond) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "test_slab_tbl.c:%d: %s%s%s\n", line, what,
		detail ? ": " : "", detail ? detail : "");
}
#define OK(cond, detail) ok((cond), __LINE__, #cond, (detail))

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static const char good_classes[] =
	"class 1 96\nclass 2 192\nclass 3 8\nclass 4 16\nclass 5 32\n"
	"class 6 64\nclass 7 128\nclass 8 256\nclass 9 512\nclass 10 1K\n"
	"class 11 2K\nclass 12 4K\nclass 13 8K\n";

static const char good_presets[] =
	"default x86_64 slub\n"
	"preset x86_64-slub-6.1 x86_64 slub 6.1-6.11 \"x86_64 SLUB 6.1\"\n"
	"size x86_64-slub-6.1 page=4K min=8 cutoff=8K max=4M over=pages line=64\n"
	"when x86_64-slub-6.1 CONFIG_X86_64=y CONFIG_SLUB=y\n";

/* Loads classes + presets text from temp files; wants an error whose
 * formatted text contains want (NULL: wants success). */
static void expect_load(int line, const char *classes, const char *presets,
			const char *want)
{
	char cpath[512], ppath[512], buf[2048];
	struct slab_model *m = NULL;
	struct kc_err err;
	int ret;

	snprintf(cpath, sizeof(cpath), "%s/rules/slab/classes.tbl", tmp);
	snprintf(ppath, sizeof(ppath), "%s/rules/slab/presets.tbl", tmp);
	write_file(cpath, classes);
	write_file(ppath, presets);
	kc_err_clear(&err);
	ret = slab_model_load_files(&m, cpath, ppath, &err);
	kc_err_format(&err, buf, sizeof(buf));
	if (!want) {
		ok(ret == 0 && m, line, "load succeeds", buf);
	} else {
		char full[2048];

		/* want is relative to the tmp dir: "presets.tbl:3:4: ..." */
		snprintf(full, sizeof(full), "%s/rules/slab/%s", tmp, want);
		if (ret >= 0 || !strstr(buf, full))
			fprintf(stderr, "  got '%s' (%d)\n  want '%s'\n", buf,
				ret, full);
		ok(ret < 0 && strstr(buf, full) != NULL, line,
		   "malformed table error", want);
	}
	slab_model_free(m);
}

static void test_malformed(void)
{
	char p[8192];

	expect_load(__LINE__, good_classes, good_presets, NULL);
	expect_load(__LINE__, "class 1 95\n", good_presets,
		    "classes.tbl:1:9: class size 95 is not a multiple of 8");
	expect_load(__LINE__, "class 40 96\n", good_presets,
		    "classes.tbl:1:7: kmalloc index 40 is not in 1..31");
	expect_load(__LINE__, "klass 1 96\n", good_presets,
		    "classes.tbl:1:1: unknown record 'klass'");
	expect_load(__LINE__, "class 1 abc\n", good_presets,
		    "classes.tbl:1:9: 'abc' is not a number");

	/* "checked" records: the kernels whose sources were read */
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "checked 6.1 \"tree 6.1.192\"\nchecked 6.5 same=6.1 \"a mirror of 6.5\"\n");
	expect_load(__LINE__, good_classes, p, NULL);
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "checked 6.1 \"tree 6.1.192\"\nchecked 6.12 same=6.1 \"a mirror\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:9: kernel 6.12 is checked the same as 6.1, but preset 'x86_64-slub-6.1' covers 6.1 and not 6.12");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "checked 6.5 same=6.1 \"a mirror of 6.5\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:13: same=6.1: that kernel has no earlier 'checked' record");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "checked 6.5 \"a b\"\nchecked 6.1 \"a b\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:9: 'checked' records must be in version order");
	snprintf(p, sizeof(p), "%s%s", good_presets, "checked 6.1 x\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:13: 'checked' needs the source that was read, in quotes");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "checked 6.1 \"a b\"\npreset y x86_64 slub 6.1- \"y\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:1: 'preset' after a 'checked' record");

	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slubb 6.1- \"y\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:17: unknown allocator 'slubb'");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.12-6.1 \"y\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:22: bad kernel range '6.12-6.1'");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"y\"\n"
		 "size y page=4K min=48 cutoff=8K max=4M over=pages line=64\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:20: min 48 is not a power of two in 8..256");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"y\"\n"
		 "size y page=4K min=8 cutoff=16K max=4M over=pages line=64\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:22: cutoff must be 2 * page = 8192");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"y\"\n"
		 "size y page=4K min=8 cutoff=8K max=4M over=pages line=64 colour=red\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:58: unknown key 'colour'");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "size z page=4K\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:6: unknown preset 'z'");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"y\"\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl: preset 'y' has no 'size' record");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "when x86_64-slub-6.1 X86=y\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:1: second 'when' record");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"y\"\n"
		 "size y page=4K min=8 cutoff=8K max=4M over=pages line=64\n"
		 "when y X86=y\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:7:8: expected CONFIG_NAME=VALUE, got 'X86=y'");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"y\"\n"
		 "size y page=4K min=8 cutoff=8K max=4M over=maybe line=64\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:6:39: over must be pages or size");
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y x86_64 slub 6.1- \"unterminated\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl:5:27: unterminated quote");
	/* 16K pages need a 32K class that this classes.tbl lacks */
	snprintf(p, sizeof(p), "%s%s", good_presets,
		 "preset y arm64 slub 6.1- \"y\"\n"
		 "size y page=16K min=8 cutoff=32K max=32M over=pages line=64\n");
	expect_load(__LINE__, good_classes, p,
		    "presets.tbl: preset 'y': no class of size cutoff 32768");
	expect_load(__LINE__, good_classes,
		    "preset x x86_64 slub 6.1- \"x\"\n"
		    "size x page=4K min=8 cutoff=8K max=4M over=pages line=64\n",
		    "presets.tbl: no 'default' record");
}

static int run_main(int n, const char **args)
{
	char *argv[16];
	char rules[512];
	int i;

	snprintf(rules, sizeof(rules), "%s/rules", getenv("KC_SOURCE_DIR") ?
		 getenv("KC_SOURCE_DIR") : ".");
	argv[0] = "model";
	for (i = 0; i < n && i < 15; i++)
		argv[i + 1] = (char *)args[i];
	argv[n + 1] = NULL;
	fflush(stdout);
	return slab_model_main(n + 1, argv, rules);
}

static void test_cli(void)
{
	const char *bad_arch[] = { "--arch", "vax", "100" };
	const char *neg[] = { "-5" };
	const char *nan[] = { "12abc" };
	const char *badver[] = { "--kernel", "six", "1" };
	const char *good[] = { "--arch", "arm64", "--kernel", "6.1", "100" };
	const char *rules_bad[] = { "--rules", tmp, "1" };
	const char *all[] = { "--all-configs", "--kernel", "6.1", "100" };
	char rdir[512];

	fprintf(stderr, "(the following error messages are expected)\n");
	OK(run_main(3, bad_arch) == 2, "unknown arch exits 2");
	OK(run_main(1, neg) == 2, "negative size exits 2");
	OK(run_main(1, nan) == 2, "non-numeric size exits 2");
	OK(run_main(3, badver) == 2, "bad version exits 2");
	/* malformed data file: the last good_classes + broken presets */
	snprintf(rdir, sizeof(rdir), "%s/rules/slab/presets.tbl", tmp);
	write_file(rdir, "preset x x86_64 slab 6.1- \"x\"\nsize x page=3K\n");
	rules_bad[1] = rdir;
	snprintf(rdir, sizeof(rdir), "%s/rules", tmp);
	rules_bad[1] = rdir;
	OK(run_main(3, rules_bad) == 2, "malformed data exits 2");
	OK(run_main(5, good) == 0, "arm64 6.1 100");
	OK(run_main(4, all) == 0, "--all-configs");
}

static void make_tree(const char *name, const char *makefile,
		      const char *config)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmp, name);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/%s/Makefile", tmp, name);
	write_file(path, makefile);
	if (config) {
		snprintf(path, sizeof(path), "%s/%s/.config", tmp, name);
		write_file(path, config);
	}
}

/* The tree dir selects the preset want; want_warning: 0 = no warning,
 * else the warning must contain the text want_warning (and the preset's
 * id). The reason is always given. */
static void expect_tree(int line, const struct slab_model *m,
			const char *dir, const char *want,
			const char *want_warning)
{
	struct slab_choice ch = { NULL, NULL, NULL };
	struct kc_err err;
	char path[512];
	int ret;

	if (dir[0] == '/')
		snprintf(path, sizeof(path), "%s", dir);
	else
		snprintf(path, sizeof(path), "%s/%s", tmp, dir);
	kc_err_clear(&err);
	ret = slab_config_for_tree(m, path, &ch, &err);
	ok(ret == 0 && ch.config && !strcmp(slab_config_id(ch.config), want),
	   line, "tree selects the preset", want);
	ok(ret == 0 && ch.reason && *ch.reason, line, "a reason is given",
	   ch.reason ? ch.reason : "(none)");
	ok(!!ch.warning == !!want_warning, line, "warning as expected",
	   ch.warning ? ch.warning : "(none)");
	if (ch.warning && want_warning) {
		ok(strstr(ch.warning, want) != NULL, line,
		   "warning names the preset used", ch.warning);
		ok(strstr(ch.warning, want_warning) != NULL, line,
		   want_warning, ch.warning);
	}
}

/* A real configured tree named by the environment variable var: its
 * preset must be want, with no warning. Unset: skipped, saying so. */
static void tree_case(const struct slab_model *m, const char *var,
		      const char *want)
{
	const char *dir = getenv(var);

	if (!dir || !*dir) {
		printf("skip: %s not set (no configured kernel tree)\n", var);
		return;
	}
	expect_tree(__LINE__, m, dir, want, NULL);
}

static void test_tree(const struct slab_model *m)
{
	static const char mk61[] = "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\n";
	static const char mk68[] = "VERSION = 6\nPATCHLEVEL = 8\n";
	static const char mk612[] = "VERSION = 6\nPATCHLEVEL = 12\n";
	static const char x86[] = "CONFIG_X86_64=y\nCONFIG_SLUB=y\n";
	struct slab_choice ch;
	struct kc_err err;
	char path[512];

	make_tree("a64k", mk61, "CONFIG_ARM64=y\nCONFIG_ARM64_16K_PAGES=y\n"
				"CONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "a64k", "arm64-16k-slub-6.1", NULL);
	make_tree("a64k68", mk68, "CONFIG_ARM64=y\nCONFIG_ARM64_16K_PAGES=y\n"
				  "CONFIG_SLUB=y\n");
	/* 6.5's arm64 minimum is from the kernel history, not a read tree */
	expect_tree(__LINE__, m, "a64k68", "arm64-16k-slub-6.5",
		    "the slab sources of kernel 6.8 were not read (those of 6.1 and 6.12 were)");
	make_tree("rv", mk61, "CONFIG_RISCV=y\nCONFIG_64BIT=y\n"
			      "CONFIG_RISCV_DMA_NONCOHERENT=y\nCONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "rv", "riscv64-slub-6.1", NULL);
	make_tree("rvc", mk61, "CONFIG_RISCV=y\nCONFIG_64BIT=y\n"
			       "# CONFIG_RISCV_DMA_NONCOHERENT is not set\n"
			       "CONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "rvc", "riscv64-coherent-slub-6.1", NULL);
	make_tree("slab", mk61, "CONFIG_X86_64=y\nCONFIG_SLAB=y\n");
	expect_tree(__LINE__, m, "slab", "x86_64-slab-6.1", NULL);
	make_tree("armv7", mk612, "CONFIG_ARM=y\nCONFIG_ARM_L1_CACHE_SHIFT=6\n"
				  "CONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "armv7", "arm-v7-slub-6.12", NULL);
	make_tree("sparc", mk612, "CONFIG_SPARC64=y\nCONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "sparc", "x86_64-slub-6.12",
		    "unknown arch/allocator/page size combination");
	make_tree("noconfig", mk68, NULL);
	expect_tree(__LINE__, m, "noconfig", "x86_64-slub-6.1", "no .config");
	make_tree("old", "VERSION = 5\nPATCHLEVEL = 15\n",
		  "CONFIG_X86_64=y\nCONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "old", "x86_64-slub-6.1",
		    "kernel 5.15 is older than every kernel whose slab sources were read (the oldest is 6.1)");
	/* newer kernels: read ones are silent, others say what was assumed */
	make_tree("k613", "VERSION = 6\nPATCHLEVEL = 13\n", x86);
	expect_tree(__LINE__, m, "k613", "x86_64-slub-6.12", NULL);
	make_tree("k615", "VERSION = 6\nPATCHLEVEL = 15\n", x86);
	/* between two read kernels found identical: no warning */
	expect_tree(__LINE__, m, "k615", "x86_64-slub-6.12", NULL);
	make_tree("k618", "VERSION = 6\nPATCHLEVEL = 18\n", x86);
	expect_tree(__LINE__, m, "k618", "x86_64-slub-6.12", NULL);
	make_tree("k71", "VERSION = 7\nPATCHLEVEL = 1\n", x86);
	expect_tree(__LINE__, m, "k71", "x86_64-slub-6.12", NULL);
	make_tree("k73", "VERSION = 7\nPATCHLEVEL = 3\n", x86);
	expect_tree(__LINE__, m, "k73", "x86_64-slub-6.12",
		    "kernel 7.3 is newer than every kernel whose slab sources were read (the newest is 7.1)");
	make_tree("rv73", "VERSION = 7\nPATCHLEVEL = 3\n",
		  "CONFIG_RISCV=y\nCONFIG_64BIT=y\nCONFIG_SLUB=y\n");
	expect_tree(__LINE__, m, "rv73", "riscv64-slub-6.12", "newer than every");
	/* the checked kernels, in order, with their sources */
	{
		unsigned v, same, prev = 0, n = 0;
		const char *src;

		while (!slab_model_checked(m, n, &v, &same, &src)) {
			OK(v > prev && src && strchr(src, ' ') &&
			   (!same || same < v), "checked kernel in order, with a source");
			prev = v;
			n++;
		}
		OK(n >= 2 && prev == 7001, "the newest checked kernel is 7.1");
	}
	/* not a kernel tree */
	snprintf(path, sizeof(path), "%s/nothere", tmp);
	kc_err_clear(&err);
	OK(slab_config_for_tree(m, path, &ch, &err) == -KC_EIO,
	   "missing Makefile");
	/* configured allmodconfig x86_64 trees, when the environment names
	 * them (docs/eval/README.md): KC_KERNEL_TREE_61, KC_KERNEL_TREE_612 */
	tree_case(m, "KC_KERNEL_TREE_61", "x86_64-slub-6.1");
	tree_case(m, "KC_KERNEL_TREE_612", "x86_64-slub-6.12");
}

int main(void)
{
	const char *dir = getenv("KC_SOURCE_DIR");
	struct slab_model *m = NULL;
	struct kc_err err;
	char rules[4096], cmd[600];

	snprintf(tmp, sizeof(tmp), "/tmp/kc-slab-XXXXXX");
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(rules, sizeof(rules), "%s/rules", tmp);
	mkdir(rules, 0700);
	snprintf(rules, sizeof(rules), "%s/rules/slab", tmp);
	mkdir(rules, 0700);

	test_malformed();
	test_cli();
	snprintf(rules, sizeof(rules), "%s/rules", dir ? dir : ".");
	kc_err_clear(&err);
	if (slab_model_load(&m, rules, &err)) {
		fprintf(stderr, "cannot load %s: %s\n", rules, err.msg);
		failed++;
	} else {
		test_tree(m);
	}
	slab_model_free(m);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	if (system(cmd))
		fprintf(stderr, "cannot remove %s\n", tmp);
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
