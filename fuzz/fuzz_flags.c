/* fuzz_flags.c - libFuzzer harness for the flag table loader
 * (kc_flags_load, rules/flags.tbl) and kc_flags_translate over a fixed
 * Kbuild-like command line. */
#include "driver/flags.h"
#include "fuzz_check.h"
#include "fuzz_util.h"

static char *const argv_sample[] = {
	"-Wp,-MMD,drivers/x/.a.o.d", "-nostdinc", "-I./include",
	"-include", "./include/linux/kconfig.h", "-D__KERNEL__",
	"-mindirect-branch=thunk-extern", "-fconserve-stack", "-O2",
	"--param=allow-store-data-races=0", "-Wno-maybe-uninitialized",
	"-pg", "-mrecord-mcount", "-MD", "-MF", "a.d", "-c", "-o", "a.o",
	"-x", "c", "a.c", "-fnot-a-flag", "--", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int argc = (int)(sizeof(argv_sample) / sizeof(argv_sample[0]));
	struct kc_flag_table *t = NULL;
	struct kc_err err = { 0 };
	const char **out, **unknown = NULL;
	const char *path = fuzz_memfile(0, data, size);
	int ret, n = 0;

	if (!path)
		return 0;
	ret = kc_flags_load(path, &t, &err);
	fuzz_check_err("kc_flags_load", ret, &err);
	if (ret)
		return 0;
	for (int i = 0; i < argc; i++) {
		char *const *repl = NULL;
		int nrepl = 0;

		kc_flags_lookup(t, argv_sample[i], &repl, &nrepl);
		for (int k = 0; k < nrepl; k++)
			if (!repl[k])
				abort();
	}
	out = kc_flags_translate(t, argv_sample, argc, &n, &unknown);
	if (out) {
		if (n < 0 || out[n])
			abort();
		for (int i = 0; i < n; i++)
			if (!out[i])
				abort();
	}
	free(out);
	free(unknown);
	kc_flags_free(t);
	return 0;
}
