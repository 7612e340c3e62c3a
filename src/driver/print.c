/* print.c - --print-compdb and --print-commands: show the TUs a run would
 * check, as a compile database (untranslated flags) or as the equivalent
 * "clang -fsyntax-only" shell commands (flags after rules/flags.tbl; used
 * by bench/parse-bench.sh to compare with libclang in the same run). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/rulesdir.h"
#include "driver/flags.h"
#include "driver/run.h"

static void put_quoted(FILE *f, const char *s)
{
	if (*s && !strpbrk(s, " \t\n'\"\\$`;&|<>()*?[]#~!{}")) {
		fputs(s, f);
		return;
	}
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

static int has_arg(const struct kc_tu *tu, const char *s)
{
	for (int i = 0; i < tu->argc; i++)
		if (!strcmp(tu->argv[i], s))
			return 1;
	return 0;
}

int kc_tu_list_print(const struct kc_run_opts *o, const struct kc_tu_list *l,
		     FILE *f, struct kc_err *err)
{
	struct kc_flag_table *t = NULL;
	char cwd[4096], path[4096];
	json_object *arr;
	int ret;

	if (!getcwd(cwd, sizeof(cwd)))
		cwd[0] = '\0';
	if (o->print == 2) {
		snprintf(path, sizeof(path), "%s/flags.tbl",
			 kc_rules_dir(o->rules_dir));
		ret = kc_flags_load(path, &t, err);
		if (ret)
			return ret;
		for (size_t i = 0; i < l->n; i++) {
			const struct kc_tu *tu = &l->v[i];
			const char **args, **unk;
			int n;

			args = kc_flags_translate(t, tu->argv, tu->argc, &n,
						  &unk);
			if (!args)
				break;
			fputs("cd ", f);
			put_quoted(f, tu->dir ? tu->dir : cwd);
			fputs(" && " KC_CLANG_PATH " -fsyntax-only", f);
			for (int k = 0; k < n; k++) {
				fputc(' ', f);
				put_quoted(f, args[k]);
			}
			fputc(' ', f);
			put_quoted(f, tu->file);
			fputc('\n', f);
			free(args);
			free(unk);
		}
		kc_flags_free(t);
		return 0;
	}
	arr = json_object_new_array();
	for (size_t i = 0; arr && i < l->n; i++) {
		const struct kc_tu *tu = &l->v[i];
		json_object *e = json_object_new_object();
		json_object *a = json_object_new_array();

		json_object_object_add(e, "directory", json_object_new_string(
					       tu->dir ? tu->dir : cwd));
		json_object_object_add(e, "file",
				       json_object_new_string(tu->file));
		json_object_array_add(a, json_object_new_string(KC_CLANG_PATH));
		for (int k = 0; k < tu->argc; k++)
			json_object_array_add(
				a, json_object_new_string(tu->argv[k]));
		if (!has_arg(tu, tu->file))
			json_object_array_add(
				a, json_object_new_string(tu->file));
		json_object_object_add(e, "arguments", a);
		json_object_array_add(arr, e);
	}
	if (!arr)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	fprintf(f, "%s\n", json_object_to_json_string_ext(
			   arr, JSON_C_TO_STRING_PRETTY |
			   JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(arr);
	return 0;
}
