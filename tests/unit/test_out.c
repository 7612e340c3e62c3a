/* test_out.c - src/out in-process: line normalization, fingerprints,
 * suppression comments, baseline matching, exit policy, names, config
 * rules and excludes. The document formats are tested by tests/output. */
#include "out/output.h"
#include "out/srcfile.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

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

static const char *norm(const char *in)
{
	static char buf[256];
	int c = 0;

	out_normalize_line(in, strlen(in), buf, sizeof(buf), &c);
	return buf;
}

static void test_normalize(void)
{
	CHECK(!strcmp(norm("\tsz = ksize(t);"), "sz=ksize(t);"));
	CHECK(!strcmp(norm("  sz  =  ksize( t ) ;  "), "sz=ksize(t);"));
	CHECK(!strcmp(norm("unsigned  long x; /* c */"), "unsigned long x;"));
	CHECK(!strcmp(norm("f(a); // ksizecheck: ignore all: x"), "f(a);"));
	CHECK(!strcmp(norm("s = \"a  /* b */\";"), "s=\"a  /* b */\";"));
	CHECK(!strcmp(norm("c = '\\'';"), "c='\\'';"));
	CHECK(!strcmp(norm("a /* x */ b"), "a b"));
}

static struct kc_finding *add(struct kc_diag *d, const char *rule,
			      const char *file, unsigned line,
			      const char *fn)
{
	struct kc_finding *f = kc_report(d, kc_rule_by_id(rule),
					 (struct kc_loc){ file, line, 1 },
					 "msg %u", line);

	if (f)
		f->function = fn;
	return f;
}

static void test_fingerprint(void)
{
	struct kc_diag d;
	struct kc_err err = { 0 };
	char a[64], b[64];

	write_file("fp.c", "int f(void)\n{\n\tx = ksize(p);\n\tx = ksize(p);\n}\n");
	kc_diag_init(&d);
	add(&d, "ksize-interior", "fp.c", 3, "f");
	add(&d, "ksize-interior", "fp.c", 4, "f");
	add(&d, "ksize-interior", "missing.c", 4, "f");
	CHECK(out_fingerprint_all(&d, &err) == 0);
	CHECK(d.v[0]->fingerprint && d.v[1]->fingerprint);
	/* same text: same hash, occurrence index differs */
	CHECK(!strncmp(d.v[0]->fingerprint, d.v[1]->fingerprint, 16));
	CHECK(strstr(d.v[0]->fingerprint, ":0") && strstr(d.v[1]->fingerprint, ":1"));
	CHECK(d.v[2]->fingerprint != NULL);
	snprintf(a, sizeof(a), "%s", d.v[0]->fingerprint);
	kc_diag_release(&d);

	/* lines added above and a comment on the line: unchanged */
	write_file("fp.c", "/* new */\n\nint f(void)\n{\n\tx =  ksize( p ); /* c */\n}\n");
	kc_diag_init(&d);
	add(&d, "ksize-interior", "fp.c", 5, "f");
	CHECK(out_fingerprint_all(&d, &err) == 0);
	CHECK(!strcmp(d.v[0]->fingerprint, a));
	kc_diag_release(&d);

	/* another function or rule: different */
	kc_diag_init(&d);
	add(&d, "ksize-interior", "fp.c", 5, "g");
	add(&d, "ksize-after-free", "fp.c", 5, "f");
	CHECK(out_fingerprint_all(&d, &err) == 0);
	snprintf(b, sizeof(b), "%s", d.v[0]->fingerprint);
	CHECK(strcmp(b, a));
	CHECK(strcmp(d.v[1]->fingerprint, a));
	kc_diag_release(&d);
}

static void test_suppress(void)
{
	struct kc_diag d;
	struct kc_err err = { 0 };
	struct out_suppress_stats st;

	write_file("sup.c",
		   "void f(void)\n"                                        /* 1 */
		   "{\n"                                                   /* 2 */
		   "\t/* ksizecheck: ignore all: test */\n"                /* 3 */
		   "\ta();\n"                                              /* 4 */
		   "\tb(); /* ksizecheck: ignore slack-read: r */\n"       /* 5 */
		   "\tc();\n"                                              /* 6 */
		   "\t// ksizecheck: ignore slack-write:\n"                /* 7 */
		   "\td();\n"                                              /* 8 */
		   "\tputs(\"ksizecheck: ignore all: in a string\");\n"    /* 9 */
		   "\te();\n"                                              /* 10 */
		   "\t/* ksizecheck: please ignore */\n"                   /* 11 */
		   "}\n");
	kc_diag_init(&d);
	add(&d, "overflow-write", "sup.c", 4, "f");  /* all: suppressed */
	add(&d, "slack-read", "sup.c", 5, "f");      /* same line */
	add(&d, "slack-write", "sup.c", 6, "f");     /* line below, other rule */
	add(&d, "slack-read", "sup.c", 6, "f");      /* line below: suppressed */
	add(&d, "slack-write", "sup.c", 8, "f");     /* no reason: suppressed */
	add(&d, "slack-write", "sup.c", 10, "f");    /* string, not comment */
	kc_diag_sort_unique(&d);
	CHECK(out_apply_suppressions(&d, &st, &err) == 0);
	CHECK(st.nsuppressed == 4);
	CHECK(d.n == 2);
	CHECK(d.n == 2 && d.v[0]->loc.line == 6 && d.v[1]->loc.line == 10);
	CHECK(st.nsup == 3);
	CHECK(st.nwarn == 2);
	CHECK(st.nwarn >= 1 && st.warn[0].line == 7 &&
	      strstr(st.warn[0].msg, "no reason"));
	CHECK(st.nwarn >= 2 && st.warn[1].line == 11);
	out_suppress_stats_release(&st);
	kc_diag_release(&d);
}

static void test_baseline(void)
{
	struct kc_diag d;
	struct kc_err err = { 0 };
	struct out_baseline_result res;

	write_file("bl.c", "void f(void)\n{\n\tx = ksize(p);\n\ty = 1;\n\tx = ksize(p);\n}\n");
	kc_diag_init(&d);
	add(&d, "ksize-interior", "bl.c", 3, "f");
	add(&d, "ksize-interior", "bl.c", 5, "f");
	CHECK(out_fingerprint_all(&d, &err) == 0);
	CHECK(out_write_baseline(&d, "bl.json", &err) == 0);
	kc_diag_release(&d);

	/* the first copy was removed: the second (now :0) still matches;
	 * one entry is fixed */
	write_file("bl.c", "void f(void)\n{\n\ty = 1;\n\tx = ksize(p);\n}\n");
	kc_diag_init(&d);
	add(&d, "ksize-interior", "bl.c", 4, "f");
	CHECK(out_apply_baseline(&d, "bl.json", &res, &err) == 0);
	CHECK(d.n == 0);
	CHECK(res.nentries == 2 && res.nsuppressed == 1 && res.nfixed == 1);
	out_baseline_result_release(&res);
	kc_diag_release(&d);

	/* a new identical finding: one is new, both entries used */
	write_file("bl.c", "void f(void)\n{\n\tx = ksize(p);\n\tx = ksize(p);\n\tx = ksize(p);\n}\n");
	kc_diag_init(&d);
	add(&d, "ksize-interior", "bl.c", 3, "f");
	add(&d, "ksize-interior", "bl.c", 4, "f");
	add(&d, "ksize-interior", "bl.c", 5, "f");
	CHECK(out_apply_baseline(&d, "bl.json", &res, &err) == 0);
	CHECK(d.n == 1 && res.nsuppressed == 2 && res.nfixed == 0);
	out_baseline_result_release(&res);
	kc_diag_release(&d);
}

static void test_policy(void)
{
	struct kc_diag d;
	struct kc_err err = { 0 };
	enum out_fail_on p;
	enum out_format fmt;

	kc_diag_init(&d);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_ANY) == 0);
	add(&d, "slack-write", "x.c", 1, NULL);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_ANY) == 1);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_WARNING) == 1);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_ERROR) == 0);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_NONE) == 0);
	add(&d, "overflow-write", "x.c", 2, NULL);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_ERROR) == 1);
	CHECK(out_exit_code(&d, OUT_FAIL_ON_NONE) == 0);
	kc_diag_release(&d);
	CHECK(out_fail_on_parse("warning", &p, &err) == 0 &&
	      p == OUT_FAIL_ON_WARNING);
	CHECK(out_fail_on_parse("overflow", &p, &err) == -KC_EUSAGE);
	CHECK(out_format_parse("sarif", &fmt, &err) == 0 &&
	      fmt == OUT_FORMAT_SARIF);
	CHECK(out_format_parse("xml", &fmt, &err) == -KC_EUSAGE);
	CHECK(out_format_from_path("a/b.sarif") == OUT_FORMAT_SARIF);
	CHECK(out_format_from_path("b.json") == OUT_FORMAT_JSON);
	CHECK(out_format_from_path("b") == -1);
}

static void test_config(void)
{
	struct out_config cfg;
	struct kc_err err = { 0 };
	char buf[PATH_MAX];

	write_file(".ksizecheck.json",
		   "{\"rules\": {\"enable\": [\"slack-write\", \"overflow-write\"]},\n"
		   " \"exclude\": [\"gen/\", \"*.mod.c\", \"drivers/*/test_*.c\"]}\n");
	CHECK(out_config_load(NULL, &cfg, &err) == 0);
	CHECK(out_config_rule_enabled(&cfg, kc_rule_by_id("slack-write")));
	CHECK(!out_config_rule_enabled(&cfg, kc_rule_by_id("slack-read")));
	CHECK(out_config_rule_enabled(NULL, kc_rule_by_id("slack-read")));
	CHECK(out_config_excluded(&cfg, "gen/x.c"));
	CHECK(out_config_excluded(&cfg, "a/b/foo.mod.c"));
	CHECK(out_config_excluded(&cfg, "drivers/net/test_x.c"));
	CHECK(!out_config_excluded(&cfg, "drivers/net/x.c"));
	CHECK(!out_config_excluded(&cfg, "generic.c"));
	out_config_release(&cfg);
	write_file(".ksizecheck.json", "{\n  \"rules\": {\"enable\": [],\n  \"bogus\": 1}}\n");
	CHECK(out_config_load(NULL, &cfg, &err) == -KC_EPARSE);
	CHECK(err.line == 3 && strstr(err.msg, "unknown key 'bogus'"));
	unlink(".ksizecheck.json");
	CHECK(out_rel_path("fp.c", buf, sizeof(buf)) == buf &&
	      !strcmp(buf, "fp.c"));
}

static void test_glue(void)
{
	struct out_config cfg;
	struct out_opts o;
	struct kc_run_opts r;
	struct kc_err err = { 0 };
	unsigned mask = 0;
	const char *en[] = { "slack-read" }, *dis[] = { "slack-write" };
	const char *bad[] = { "slack-wrote" };

	write_file(".ksizecheck.json",
		   "{\"rules\": {\"disable\": [\"overflow-read\"]},\n"
		   " \"slab_config\": \"arm64-slub-6.1\", \"fail_on\": \"error\",\n"
		   " \"rules_files\": [\"x.tbl\"], \"baseline\": \"b.json\"}\n");
	CHECK(out_config_load(NULL, &cfg, &err) == 0);
	memset(&o, 0, sizeof(o));
	memset(&r, 0, sizeof(r));
	r.slab_config = "x86_64-slub-6.12";
	CHECK(out_config_apply(&cfg, &o, &r, &err) == 0);
	CHECK(!strcmp(r.slab_config, "x86_64-slub-6.12"));
	CHECK(o.baseline && strstr(o.baseline, "b.json"));
	CHECK(o.fail_on == OUT_FAIL_ON_ERROR && o.fail_on_set);
	CHECK(r.rules.n == 1 && strstr(r.rules.v[0], "x.tbl"));
	CHECK(out_rules_mask(&cfg, &r, &mask, &err) == 0);
	CHECK(mask == (((1u << KC_RULE_COUNT) - 1) &
		       ~(1u << kc_rule_by_id("overflow-read"))));
	r.disable.v = dis;
	r.disable.n = 1;
	CHECK(out_rules_mask(&cfg, &r, &mask, &err) == 0);
	CHECK(!(mask & (1u << kc_rule_by_id("slack-write"))));
	r.enable.v = en;
	r.enable.n = 1;
	CHECK(out_rules_mask(&cfg, &r, &mask, &err) == 0);
	CHECK(mask == 1u << kc_rule_by_id("slack-read"));
	r.enable.v = bad;
	CHECK(out_rules_mask(&cfg, &r, &mask, &err) == -KC_EUSAGE);
	free(r.rules.v);
	out_config_release(&cfg);
	unlink(".ksizecheck.json");
}

/* Strict UTF-8 check of a whole buffer. */
static int valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0, k, len;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		len = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : p[i] >= 0xc2 ? 2 : 0;
		if (!len || i + len > n)
			return 0;
		for (k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

static void test_utf8(void)
{
	struct kc_diag d;
	struct kc_err err = { 0 };
	struct kc_finding *f;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int fmt;

	/* a Latin-1 comment in the source, a broken function name */
	write_file("l1.c", "/* Copyright J\xf6rg */\nvoid f(void)\n{\n\tx = ksize(p); /* \xe9 */\n}\n");
	for (fmt = OUT_FORMAT_JSON; fmt <= OUT_FORMAT_SARIF; fmt++) {
		kc_diag_init(&d);
		f = add(&d, "ksize-interior", "l1.c", 4, "f\xc0#\xba");
		kc_note(&d, f, "allocation", (struct kc_loc){ "l1.c", 1, 1 },
			"allocated by J\xf6rg's \xe2\x82\xac code");
		CHECK(out_fingerprint_all(&d, &err) == 0);
		mem = open_memstream(&buf, &len);
		CHECK(out_write(&d, (enum out_format)fmt, NULL, mem, &err) == 0);
		fclose(mem);
		CHECK(len > 100 && valid_utf8((unsigned char *)buf, len));
		CHECK(strstr(buf, "\xe2\x82\xac") != NULL);   /* valid kept */
		CHECK(strstr(buf, "J\xef\xbf\xbdrg") != NULL); /* replaced */
		free(buf);
		buf = NULL;
		kc_diag_release(&d);
	}
	unlink("l1.c");
}

int main(void)
{
	char dir[] = "/tmp/kc-test-out.XXXXXX";

	if (!mkdtemp(dir) || chdir(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_normalize();
	test_fingerprint();
	test_suppress();
	test_baseline();
	test_policy();
	test_config();
	test_glue();
	test_utf8();
	unlink("fp.c");
	unlink("sup.c");
	unlink("bl.c");
	unlink("bl.json");
	if (chdir("/") || rmdir(dir))
		perror(dir);
	if (failures)
		fprintf(stderr, "test_out: %d failure(s)\n", failures);
	return failures ? 1 : 0;
}
