/* fuzz_prefilter.c - libFuzzer harness for the prefilter's tokenizer and
 * name graph (src/prefilter): any bytes as a header, then the closure,
 * then every identifier of the input looked up. */
#include "fuzz_check.h"
#include "fuzz_util.h"
#include "prefilter/pf_index.h"
#include "prefilter/pf_lex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pf_index *x = pf_index_new();
	const char **incs = NULL;
	size_t *inclen = NULL, ninc = 0, names, defs, trig;
	struct pf_lex lx;
	struct pf_tok_t t;
	const char *text = (const char *)data;

	if (!x)
		return 0;
	if (pf_index_root(x, "kmalloc") ||
	    pf_index_header(x, text, size, &incs, &inclen, &ninc) ||
	    pf_index_close(x)) {
		free(incs);
		free(inclen);
		pf_index_free(x);
		return 0;
	}
	for (size_t i = 0; i < ninc; i++)
		if (incs[i] < text || incs[i] + inclen[i] > text + size)
			abort();
	pf_index_counts(x, &names, &defs, &trig);
	if (trig < 1 || trig > names)
		abort();
	pf_lex_init(&lx, text, size);
	for (pf_lex_next(&lx, &t); t.kind != PF_EOF; pf_lex_next(&lx, &t)) {
		if (t.s < text || t.s + t.len > text + size)
			abort();
		if (t.kind == PF_IDENT)
			(void)pf_index_is_trigger(x, t.s, t.len);
	}
	free(incs);
	free(inclen);
	pf_index_free(x);
	return 0;
}
