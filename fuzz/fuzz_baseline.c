/* fuzz_baseline.c - libFuzzer harness for the baseline reader
 * (out_apply_baseline) against a few fixed findings, then the printers
 * that read its result. */
#include "fuzz_check.h"
#include "fuzz_util.h"
#include "out/output.h"

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	return 0;
}

static void findings(struct kc_diag *d)
{
	struct kc_loc a = { "drivers/x/a.c", 12, 3 };
	struct kc_loc b = { "b.c", 40, 9 };
	struct kc_finding *f;

	/* the first has no fingerprint: out_apply_baseline computes it */
	f = kc_report(d, KC_RULE_KSIZE_NON_KMALLOC, a,
		      "ksize() of memory from %s", "vmalloc");
	if (f) {
		f->function = "probe";
		kc_note(d, f, "allocation", b, "allocated here");
	}
	f = kc_report(d, KC_RULE_SLACK_WRITE, b, "access ends at %d", 100);
	if (f)
		f->fingerprint = "0123456789abcdef:0";
	f = kc_report(d, KC_RULE_SLACK_WRITE, b, "access ends at %d", 100);
	if (f)
		f->fingerprint = "0123456789abcdef:1";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out_baseline_result res;
	struct kc_err err = { 0 };
	struct kc_diag d;
	const char *path = fuzz_memfile(0, data, size);
	int ret;

	if (!path)
		return 0;
	kc_diag_init(&d);
	findings(&d);
	memset(&res, 0, sizeof(res));
	ret = out_apply_baseline(&d, path, &res, &err);
	fuzz_check_err("out_apply_baseline", ret, &err);
	if (!ret && devnull) {
		if (res.nsuppressed > 3)
			abort();
		out_baseline_print_fixed(&res, devnull);
		kc_diag_write_text(&d, devnull);
	}
	out_baseline_result_release(&res);
	kc_diag_release(&d);
	return 0;
}
