/* fuzz_compdb.c - libFuzzer harness for the compile database reader
 * (kc_compdb_load: compile_commands.json, "arguments" and shell-split
 * "command" forms). */
#include "driver/run.h"
#include "fuzz_check.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kc_tu_list l = { 0 };
	struct kc_err err = { 0 };
	const char *path = fuzz_memfile(0, data, size);
	int ret;

	if (!path)
		return 0;
	ret = kc_compdb_load(path, NULL, &l, &err);
	fuzz_check_err("kc_compdb_load", ret, &err);
	for (size_t i = 0; i < l.n; i++) {
		if (!l.v[i].file || l.v[i].argc < 0)
			abort();
		for (int k = 0; k < l.v[i].argc; k++)
			if (!l.v[i].argv[k])
				abort();
	}
	kc_tu_list_release(&l);
	return 0;
}
