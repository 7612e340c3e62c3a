/* fuzz_config.c - libFuzzer harness for the .ksizecheck.json reader
 * (out_config_load) and the queries main makes on the result. */
#include "fuzz_check.h"
#include "fuzz_util.h"
#include "out/output.h"

static const char *const paths[] = {
	"drivers/net/x.c", "a.c", "/abs/path/b.c", "", "drivers/", "x",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out_config cfg;
	struct kc_err err = { 0 };
	volatile int sink = 0;
	const char *path = fuzz_memfile(0, data, size);
	int ret;

	if (!path)
		return 0;
	memset(&cfg, 0, sizeof(cfg));
	ret = out_config_load(path, &cfg, &err);
	fuzz_check_err("out_config_load", ret, &err);
	if (!ret) {
		for (int r = -1; r <= KC_RULE_COUNT; r++)
			sink += out_config_rule_enabled(&cfg, r);
		for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
			sink += out_config_excluded(&cfg, paths[i]);
		if (cfg.nrules_files > OUT_CONFIG_MAX_LIST ||
		    cfg.nexclude > OUT_CONFIG_MAX_LIST)
			abort();
	}
	out_config_release(&cfg);
	(void)sink;
	return 0;
}
