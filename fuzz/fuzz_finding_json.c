/* fuzz_finding_json.c - libFuzzer harness for the finding JSON reader
 * (kc_finding_from_json, used for worker IPC and merge): parses the
 * input as JSON, reads a finding (or an array of them), then writes the
 * findings back to JSON and text. */
#include <json-c/json.h>

#include "diag/finding_json.h"
#include "fuzz_check.h"
#include "fuzz_util.h"

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

static void one(struct kc_diag *d, json_object *o)
{
	struct kc_err err = { 0 };
	int ret = kc_finding_from_json(d, o, &err);

	fuzz_check_err("kc_finding_from_json", ret, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_tokener *tok = json_tokener_new();
	json_object *root = NULL;
	struct kc_diag d, d2;

	kc_diag_init(&d);
	if (!tok)
		goto out;
	root = json_tokener_parse_ex(tok, (const char *)data, (int)size);
	if (!root)
		goto out;
	if (json_object_is_type(root, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(root); i++)
			one(&d, json_object_array_get_idx(root, i));
	} else {
		one(&d, root);
	}
	/* what was read must survive a round trip */
	kc_diag_init(&d2);
	for (size_t i = 0; i < d.n; i++) {
		json_object *o = kc_finding_to_json(d.v[i]);
		struct kc_err err = { 0 };

		if (!o)
			continue;
		(void)json_object_to_json_string(o);
		if (kc_finding_from_json(&d2, o, &err)) {
			fprintf(stderr, "round trip failed: %s\n%s\n", err.msg,
				json_object_to_json_string(o));
			abort();
		}
		json_object_put(o);
	}
	kc_diag_release(&d2);
	kc_diag_sort_unique(&d);
	if (devnull)
		kc_diag_write_text(&d, devnull);
out:
	json_object_put(root);
	if (tok)
		json_tokener_free(tok);
	kc_diag_release(&d);
	return 0;
}
