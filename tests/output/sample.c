/* sample.c - kc-out-sample: builds the findings of src/sample_drv.c
 * in-process (no analysis needed) and runs them through src/out exactly as
 * main does, so the output tests can check the JSON and SARIF documents,
 * the validator, baselines and exit codes.
 *
 *   kc-out-sample [--format text|json|sarif] [--baseline F]
 *                 [--write-baseline F] [--fail-on P] [--source F]
 *                 [--suppressed]
 *   kc-out-sample --config FILE|DIR [PATH...]
 *   kc-out-sample merge ARGS...          (kc_merge_main)
 *   kc-out-sample --changed-since REV FILE...  (out_changed_since)
 *
 * Run in tests/output (paths in the documents are relative to it).
 * --source F reads the findings' file as F: the baseline tests pass an
 * edited copy. --config loads a .ksizecheck.json, prints what it holds
 * and whether each PATH is excluded. Exit status: out_exit_code(), or 2 on
 * errors.
 */
#include <stdio.h>
#include <string.h>

#include "diag/diag.h"
#include "out/output.h"

static void add_findings(struct kc_diag *d, const char *src)
{
	struct kc_finding *f;
	FILE *fp = fopen(src, "r");
	char line[512];
	unsigned n = 0, ring = 0, vm = 0, dup = 0;

	/* find the lines by their text, so edited copies still work */
	while (fp && fgets(line, sizeof(line), fp)) {
		n++;
		if (strstr(line, "r->buf = kmalloc(n, GFP_KERNEL);"))
			ring = n;
		if (strstr(line, "void *t = vmalloc(8192);"))
			vm = n;
		if (strstr(line, "char *copy = kstrdup(name, GFP_KERNEL);"))
			dup = n;
	}
	if (fp)
		fclose(fp);

	if (ring) {
		f = kc_report(d, kc_rule_by_id("slack-write"),
			      (struct kc_loc){ src, ring + 4, 2 },
			      "memset() writes ksize(r->buf) bytes, past the %s bytes requested from kmalloc",
			      "n");
		f->function = "sample_ring_init";
		kc_note(d, f, "allocation", (struct kc_loc){ src, ring, 11 },
			"allocated here by kmalloc(n): requested [1, 8192] bytes -> bucket [8, 8192]");
		kc_note(d, f, "ksize", (struct kc_loc){ src, ring + 3, 11 },
			"ksize() returns the bucket size, not n");
		f->slab.valid = 1;
		f->slab.allocator = "kmalloc";
		f->slab.requested_expr = "n";
		f->slab.req_lo = 1;
		f->slab.req_hi = 8192;
		f->slab.bucket_lo = 8;
		f->slab.bucket_hi = 8192;
		f->slab.acc_off_lo = 0;
		f->slab.acc_off_hi = 0;
		f->slab.acc_len_lo = 8;
		f->slab.acc_len_hi = 8192;
		f->slab.config = "x86_64-slub-6.1";
	}
	if (!vm || !dup)
		return;
	f = kc_report(d, kc_rule_by_id("ksize-non-kmalloc"),
		      (struct kc_loc){ src, vm + 5, 7 },
		      "ksize() on vmalloc memory, which is never a kmalloc object");
	f->function = "sample_table_size";
	kc_note(d, f, "allocation", (struct kc_loc){ src, vm, 12 },
		"allocated here by vmalloc(8192)");
	f = kc_report(d, kc_rule_by_id("slack-read"),
		      (struct kc_loc){ src, dup + 3, 19 },
		      "strnlen() may read ksize(copy) bytes, past the strlen(name) + 1 bytes requested from kstrdup");
	f->function = "sample_stats";
	kc_note(d, f, "allocation", (struct kc_loc){ src, dup, 15 },
		"allocated here by kstrdup(name)");
}

static int fail(const struct kc_err *err)
{
	char buf[2048];

	kc_err_format(err, buf, sizeof(buf));
	fprintf(stderr, "kc-out-sample: %s\n", buf);
	return 2;
}

static int show_changed(const char *rev, int n, char **files)
{
	unsigned char keep[64];
	struct kc_err err = { 0 };
	int i;

	if (n > 64)
		n = 64;
	if (out_changed_since(rev, (const char *const *)files, (size_t)n,
			      NULL, 0, keep, &err))
		return fail(&err);
	for (i = 0; i < n; i++)
		printf("%s: %s\n", files[i], keep[i] ? "check" : "skip");
	return 0;
}

static int show_config(const char *start, int n, char **paths)
{
	struct out_config cfg;
	struct kc_err err = { 0 };
	size_t i;
	int r;

	if (out_config_load(!strcmp(start, "-") ? NULL : start, &cfg, &err))
		return fail(&err);
	printf("config: %s\n", cfg.path[0] ? cfg.path : "(none)");
	for (r = 0; r < KC_RULE_COUNT; r++)
		printf("rule %s: %s\n", kc_rule_info(r)->id,
		       out_config_rule_enabled(&cfg, r) ? "on" : "off");
	printf("slab_config: %s\n", cfg.slab_config);
	for (i = 0; i < cfg.nrules_files; i++)
		printf("rules_file: %s\n", cfg.rules_files[i]);
	printf("fail_on: %s\nbaseline: %s\n", cfg.fail_on, cfg.baseline);
	for (r = 0; r < n; r++)
		printf("%s: %s\n", paths[r],
		       out_config_excluded(&cfg, paths[r]) ? "excluded" :
		       "checked");
	out_config_release(&cfg);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct out_file_note notes[] = {
		{ "src/broken.c", "error",
		  "parse failed: CXError_Failure (no such file)" },
	};
	struct kc_diag d;
	struct kc_err err = { 0 };
	struct out_suppress_stats sup;
	struct out_baseline_result base;
	struct out_run_info run = { 0 };
	enum out_format fmt = OUT_FORMAT_TEXT;
	enum out_fail_on pol = OUT_FAIL_ON_ANY;
	const char *baseline = NULL, *write_baseline = NULL;
	const char *src = "src/sample_drv.c";
	int i, ret, have_base = 0;

	if (argc >= 3 && !strcmp(argv[1], "--changed-since"))
		return show_changed(argv[2], argc - 3, argv + 3);
	if (argc >= 2 && !strcmp(argv[1], "merge"))
		return kc_merge_main(argc - 1, argv + 1);
	if (argc >= 3 && !strcmp(argv[1], "--config"))
		return show_config(argv[2], argc - 3, argv + 3);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			ret = out_format_parse(argv[++i], &fmt, &err);
		else if (!strcmp(argv[i], "--fail-on") && i + 1 < argc)
			ret = out_fail_on_parse(argv[++i], &pol, &err);
		else if (!strcmp(argv[i], "--baseline") && i + 1 < argc)
			baseline = argv[++i], ret = 0;
		else if (!strcmp(argv[i], "--write-baseline") && i + 1 < argc)
			write_baseline = argv[++i], ret = 0;
		else if (!strcmp(argv[i], "--source") && i + 1 < argc)
			src = argv[++i], ret = 0;
		else if (!strcmp(argv[i], "--suppressed"))
			run.sarif_suppressed = 1, ret = 0;
		else
			ret = kc_err_set(&err, KC_EUSAGE, NULL, 0, 0,
					 "unknown argument '%s'", argv[i]);
		if (ret)
			return fail(&err);
	}
	kc_diag_init(&d);
	add_findings(&d, src);
	kc_diag_sort_unique(&d);
	if (out_fingerprint_all(&d, &err) ||
	    out_apply_suppressions(&d, &sup, &err))
		return fail(&err);
	if (baseline) {
		if (out_apply_baseline(&d, baseline, &base, &err))
			return fail(&err);
		have_base = 1;
		run.baseline = &base;
	}
	if (write_baseline && out_write_baseline(&d, write_baseline, &err))
		return fail(&err);
	run.tool_version = "0.0.0-test";
	run.config = "x86_64-slub-6.1";
	run.tu_total = 2;
	run.tu_parsed = 1;
	run.tu_failed = 1;
	run.notes = notes;
	run.nnotes = 1;
	run.suppress = &sup;
	if (out_write(&d, fmt, &run, stdout, &err))
		return fail(&err);
	out_suppress_stats_print(&sup, 1, stderr);
	if (have_base)
		out_baseline_print_fixed(&base, stderr);
	ret = out_exit_code(&d, pol);
	if (have_base)
		out_baseline_result_release(&base);
	out_suppress_stats_release(&sup);
	kc_diag_release(&d);
	return ret;
}
