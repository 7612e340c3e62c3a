/* flags.c - loads rules/flags.tbl and translates compiler flags with it. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "driver/flags.h"
#include "util/tbl.h"
#include "util/vec.h"

struct kc_flag_row {
	char *pattern;
	int action;     /* enum kc_flag_action */
	char **repl;    /* replacement fields, NULL-terminated */
	int nrepl;
};

struct kc_flag_table {
	KC_VEC(struct kc_flag_row) rows;
	char **add;     /* @add fields, NULL-terminated */
	int nadd;
};

static const struct {
	const char *name;
	int action;
} actions[] = {
	{ "keep", KC_FLAG_KEEP },       { "keep-arg", KC_FLAG_KEEP_ARG },
	{ "drop", KC_FLAG_DROP },       { "drop-arg", KC_FLAG_DROP_ARG },
	{ "replace", KC_FLAG_REPLACE }, { "input", KC_FLAG_INPUT },
};

static char **dup_fields(const struct kc_tbl_rec *rec, int from, int *n)
{
	char **v = calloc((size_t)(rec->nfields - from + 1), sizeof(*v));

	if (!v)
		return NULL;
	*n = 0;
	for (int i = from; i < rec->nfields; i++) {
		v[*n] = strdup(rec->field[i]);
		if (!v[(*n)++])
			return NULL; /* leaks a little on OOM: load fails */
	}
	return v;
}

static int load_row(const struct kc_tbl_rec *rec, void *data,
		    struct kc_err *err)
{
	struct kc_flag_table *t = data;
	struct kc_flag_row row = { 0 };
	size_t i;

	if (rec->nfields < 2)
		return kc_tbl_field_err(rec, 0, err,
					"expected 'PATTERN ACTION [REPLACEMENT...]'");
	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (!strcmp(rec->field[1], actions[i].name))
			break;
	if (i == sizeof(actions) / sizeof(actions[0]))
		return kc_tbl_field_err(rec, 1, err, "unknown action '%s'",
					rec->field[1]);
	row.action = actions[i].action;
	if (row.action == KC_FLAG_REPLACE && rec->nfields < 3)
		return kc_tbl_field_err(rec, 1, err,
					"'replace' needs a replacement");
	if (row.action != KC_FLAG_REPLACE && rec->nfields > 2)
		return kc_tbl_field_err(rec, 2, err,
					"unexpected field '%s' after '%s'",
					rec->field[2], rec->field[1]);
	if (!strcmp(rec->field[0], "@add")) {
		if (row.action != KC_FLAG_REPLACE || t->add)
			return kc_tbl_field_err(rec, 0, err,
						"'@add' needs one 'replace' row");
		t->add = dup_fields(rec, 2, &t->nadd);
		return t->add ? 0 : -KC_ENOMEM;
	}
	row.pattern = strdup(rec->field[0]);
	if (!row.pattern)
		return -KC_ENOMEM;
	if (row.action == KC_FLAG_REPLACE) {
		row.repl = dup_fields(rec, 2, &row.nrepl);
		if (!row.repl)
			return -KC_ENOMEM;
	}
	if (KC_VEC_PUSH(&t->rows, row))
		return -KC_ENOMEM;
	return 0;
}

static void free_fields(char **v)
{
	if (!v)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

void kc_flags_free(struct kc_flag_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->rows.n; i++) {
		free(t->rows.v[i].pattern);
		free_fields(t->rows.v[i].repl);
	}
	KC_VEC_FREE(&t->rows);
	free_fields(t->add);
	free(t);
}

int kc_flags_load(const char *path, struct kc_flag_table **out,
		  struct kc_err *err)
{
	struct kc_flag_table *t = calloc(1, sizeof(*t));
	int ret;

	*out = NULL;
	if (!t)
		return kc_err_set(err, KC_ENOMEM, path, 0, 0, "out of memory");
	ret = kc_tbl_read(path, load_row, t, err);
	if (ret == -KC_ENOMEM)
		kc_err_set(err, KC_ENOMEM, path, 0, 0, "out of memory");
	if (ret) {
		kc_flags_free(t);
		return ret;
	}
	*out = t;
	return 0;
}

int kc_flags_lookup(const struct kc_flag_table *t, const char *arg,
		    char *const **repl, int *nrepl)
{
	for (size_t i = 0; i < t->rows.n; i++) {
		const struct kc_flag_row *r = &t->rows.v[i];

		if (r->action == KC_FLAG_INPUT && arg[0] == '-')
			continue;
		if (fnmatch(r->pattern, arg, 0))
			continue;
		if (repl) {
			*repl = r->repl;
			*nrepl = r->nrepl;
		}
		return r->action;
	}
	return KC_FLAG_UNKNOWN;
}

const char **kc_flags_translate(const struct kc_flag_table *t,
				char *const *argv, int argc, int *out_n,
				const char ***unknown)
{
	KC_VEC(const char *) out = { 0 };
	KC_VEC(const char *) unk = { 0 };
	char *const *repl;
	int nrepl;

	*unknown = NULL;
	for (int i = 0; i < argc; i++) {
		int a = kc_flags_lookup(t, argv[i], &repl, &nrepl);

		switch (a) {
		case KC_FLAG_KEEP_ARG:
			if (KC_VEC_PUSH(&out, argv[i]))
				goto oom;
			if (i + 1 < argc && KC_VEC_PUSH(&out, argv[++i]))
				goto oom;
			break;
		case KC_FLAG_DROP_ARG:
			i++;
			break;
		case KC_FLAG_DROP:
		case KC_FLAG_INPUT:
			break;
		case KC_FLAG_REPLACE:
			for (int k = 0; k < nrepl; k++)
				if (KC_VEC_PUSH(&out, repl[k]))
					goto oom;
			break;
		case KC_FLAG_UNKNOWN:
			if (KC_VEC_PUSH(&unk, argv[i]))
				goto oom;
			/* fall through */
		default:
			if (KC_VEC_PUSH(&out, argv[i]))
				goto oom;
		}
	}
	for (int k = 0; k < t->nadd; k++)
		if (KC_VEC_PUSH(&out, t->add[k]))
			goto oom;
	if (KC_VEC_PUSH(&out, NULL))
		goto oom;
	if (unk.n && KC_VEC_PUSH(&unk, NULL))
		goto oom;
	*out_n = (int)out.n - 1;
	*unknown = unk.v;
	return out.v;
oom:
	KC_VEC_FREE(&out);
	KC_VEC_FREE(&unk);
	return NULL;
}
