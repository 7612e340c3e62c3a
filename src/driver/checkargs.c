/* checkargs.c - Kbuild's checker slot: make C=1|2 CHECK=ksizecheck.
 *
 * Kbuild runs "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c": sparse's own
 * options (-D__linux__ ... -Wbitwise --arch=x86 -m64 -mlittle-endian),
 * then the compiler's flags, then the file. flags.tbl knows which words
 * are inputs and which options take the next word; the sparse-only ones
 * are dropped when the TU's flags are translated.
 */
#include <stdio.h>
#include <string.h>

#include "util/rulesdir.h"
#include "driver/flags.h"
#include "driver/run.h"

int kc_tus_from_check_args(const struct kc_run_opts *o, struct kc_tu_list *l,
			   struct kc_err *err)
{
	const struct kc_strlist *a = &o->cflags;
	struct kc_flag_table *t;
	char path[4096];
	size_t first = l->n;
	int ret;

	snprintf(path, sizeof(path), "%s/flags.tbl",
		 kc_rules_dir(o->rules_dir));
	ret = kc_flags_load(path, &t, err);
	if (ret)
		return ret;
	for (size_t i = 0; i < a->n && !ret; i++) {
		int act = kc_flags_lookup(t, a->v[i], NULL, NULL);

		if (act == KC_FLAG_KEEP_ARG || act == KC_FLAG_DROP_ARG)
			i++;
		else if (act == KC_FLAG_INPUT)
			ret = kc_tu_list_add(l, NULL, a->v[i],
					     (char *const *)a->v, (int)a->n);
	}
	kc_flags_free(t);
	if (ret)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	if (l->n == first)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "no C file among the compiler arguments");
	return 0;
}
