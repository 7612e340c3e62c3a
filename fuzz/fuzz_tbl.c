/* fuzz_tbl.c - libFuzzer harness for the rules/ *.tbl reader
 * (kc_tbl_parse) and its number parser (kc_tbl_field_u64). */
#include "fuzz_check.h"
#include "fuzz_util.h"
#include "util/tbl.h"

static int rec_cb(const struct kc_tbl_rec *rec, void *data,
		  struct kc_err *err)
{
	unsigned long long *sum = data, v;
	struct kc_err ferr = { 0 };

	if (rec->nfields < 1 || rec->nfields > KC_TBL_MAX_FIELDS ||
	    !rec->line)
		abort();
	for (int i = 0; i < rec->nfields; i++) {
		*sum += strlen(rec->field[i]) + rec->col[i];
		if (!rec->col[i])
			abort();
		if (!kc_tbl_field_u64(rec, i, &v, &ferr))
			*sum += v;
		else if (!ferr.msg[0])
			abort();
	}
	/* stop on a marker so the error path of callbacks runs too */
	if (!strcmp(rec->field[0], "STOP"))
		return kc_tbl_field_err(rec, 0, err, "stop at '%s'",
					rec->field[0]);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kc_err err = { 0 };
	unsigned long long sum = 0;
	char *text = fuzz_cstr(data, size);
	int ret;

	if (!text)
		return 0;
	ret = kc_tbl_parse("fuzz.tbl", text, rec_cb, &sum, &err);
	fuzz_check_err("kc_tbl_parse", ret, &err);
	free(text);
	return 0;
}
