/* fuzz_merge.c - libFuzzer harness for `ksizecheck merge` (kc_merge_main):
 * reads shard JSON documents, de-duplicates, sums the accounting and
 * writes JSON or SARIF. Input: "SHARD1\n%%\nSHARD2" (or one shard); the
 * output format is chosen by the input's length. */
#include "fuzz_util.h"
#include "out/output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *a = NULL, *b = NULL;
	char *argv[8];
	int argc = 0, two = fuzz_split(data, size, &a, &b);
	const char *p1, *p2 = NULL;
	int ret;

	if (!a || (two && !b))
		goto out;
	p1 = fuzz_memfile(0, a, strlen(a));
	if (two)
		p2 = fuzz_memfile(1, b, strlen(b));
	if (!p1 || (two && !p2))
		goto out;
	argv[argc++] = "merge";
	argv[argc++] = size & 1 ? "--format=sarif" : "--format=json";
	argv[argc++] = "--fail-on=none";
	argv[argc++] = "-o";
	argv[argc++] = "/dev/null";
	argv[argc++] = (char *)p1;
	if (p2)
		argv[argc++] = (char *)p2;
	argv[argc] = NULL;
	ret = kc_merge_main(argc, argv);
	if (ret < 0 || ret > 2) {
		fprintf(stderr, "kc_merge_main returned %d\n", ret);
		abort();
	}
out:
	free(a);
	free(b);
	return 0;
}
