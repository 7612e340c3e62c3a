/* compdb.c - compile_commands.json reader (json-c).
 *
 * Entries: {"directory", "file", "arguments": [...]} or {"directory",
 * "file", "command": "..."} (split shell-style). The compiler (first word),
 * the source file and the output are left to flags.tbl; C files only.
 */
#include <errno.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag/json_util.h"
#include "driver/run.h"
#include "util/strbuf.h"

/* 1-based line of byte offset off in text */
static unsigned offset_line(const char *text, size_t off)
{
	unsigned line = 1;

	for (size_t i = 0; i < off && text[i]; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

static int wanted(const char *dir, const char *file,
		  const struct kc_strlist *only)
{
	char path[PATH_MAX * 2], real[PATH_MAX], want[PATH_MAX];

	if (!only || !only->n)
		return 1;
	if (file[0] == '/' || !dir)
		snprintf(path, sizeof(path), "%s", file);
	else
		snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (!realpath(path, real))
		return 0;
	for (size_t i = 0; i < only->n; i++)
		if (realpath(only->v[i], want) && !strcmp(want, real))
			return 1;
	return 0;
}

static int add_entry(const char *db, unsigned idx, json_object *e,
		     const struct kc_strlist *only, struct kc_tu_list *l,
		     struct kc_err *err)
{
	const char *dir = kc_jstr(e, "directory"), *file = kc_jstr(e, "file");
	const char *command = kc_jstr(e, "command");
	json_object *args;
	char **argv = NULL;
	int argc = 0, ret;
	size_t len;

	if (!json_object_is_type(e, json_type_object) || !file || !dir)
		return kc_err_set(err, KC_EPARSE, db, 0, 0,
				  "entry %u: needs \"directory\" and \"file\" strings",
				  idx);
	len = strlen(file);
	if (len < 2 || strcmp(file + len - 2, ".c"))
		return 0; /* assembler, C++, ...: not ours */
	if (!wanted(dir, file, only))
		return 0;
	if (json_object_object_get_ex(e, "arguments", &args)) {
		size_t n;

		if (!json_object_is_type(args, json_type_array))
			return kc_err_set(err, KC_EPARSE, db, 0, 0,
					  "entry %u: \"arguments\" is not an array",
					  idx);
		n = json_object_array_length(args);
		argv = calloc(n + 1, sizeof(*argv));
		if (!argv)
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
		for (size_t i = 0; i < n; i++) {
			json_object *a = json_object_array_get_idx(args, i);

			if (!json_object_is_type(a, json_type_string)) {
				kc_argv_free(argv);
				return kc_err_set(err, KC_EPARSE, db, 0, 0,
						  "entry %u: argument %zu is not a string",
						  idx, i);
			}
			argv[argc] = strdup(json_object_get_string(a));
			if (!argv[argc++]) {
				kc_argv_free(argv);
				return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
						  "out of memory");
			}
		}
	} else if (command) {
		argv = kc_shell_split(command, 0, &argc);
		if (!argv)
			return kc_err_set(err, argc < 0 ? KC_EPARSE : KC_ENOMEM,
					  db, 0, 0,
					  "entry %u: %s", idx, argc < 0 ?
					  "unterminated quote in \"command\"" :
					  "out of memory");
	} else {
		return kc_err_set(err, KC_EPARSE, db, 0, 0,
				  "entry %u: needs \"arguments\" or \"command\"",
				  idx);
	}
	/* argv[0] is the compiler */
	ret = kc_tu_list_add(l, dir, file, argc ? argv + 1 : argv,
			     argc ? argc - 1 : 0);
	kc_argv_free(argv);
	if (ret)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

int kc_compdb_load(const char *path, const struct kc_strlist *only,
		   struct kc_tu_list *l, struct kc_err *err)
{
	struct kc_strbuf text = KC_STRBUF_INIT, name = KC_STRBUF_INIT;
	struct json_tokener *tok = NULL;
	json_object *root = NULL;
	struct stat st;
	int ret = 0;

	if (!stat(path, &st) && S_ISDIR(st.st_mode)) {
		if (kc_strbuf_addf(&name, "%s/compile_commands.json", path))
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	} else if (kc_strbuf_adds(&name, path)) {
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if (kc_strbuf_read_file(&text, name.buf)) {
		ret = kc_err_set(err, KC_EIO, NULL, 0, 0,
				 "cannot read compile database '%s': %s",
				 name.buf, strerror(errno));
		goto out;
	}
	tok = json_tokener_new();
	if (!tok) {
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	root = json_tokener_parse_ex(tok, text.buf, (int)text.len + 1);
	if (!root) {
		enum json_tokener_error je = json_tokener_get_error(tok);
		size_t off = json_tokener_get_parse_end(tok);

		if (je == json_tokener_continue || je == json_tokener_success)
			ret = kc_err_set(err, KC_EPARSE, name.buf,
					 offset_line(text.buf, text.len), 0,
					 "unexpected end of file");
		else
			ret = kc_err_set(err, KC_EPARSE, name.buf,
					 offset_line(text.buf, off), 0, "%s",
					 json_tokener_error_desc(je));
		goto out;
	}
	for (size_t off = json_tokener_get_parse_end(tok); off < text.len;
	     off++) {
		char c = text.buf[off];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || !c)
			continue;
		ret = kc_err_set(err, KC_EPARSE, name.buf,
				 offset_line(text.buf, off), 0,
				 "unexpected text after the array");
		goto out;
	}
	if (!json_object_is_type(root, json_type_array)) {
		ret = kc_err_set(err, KC_EPARSE, name.buf, 1, 0,
				 "expected an array of compile commands");
		goto out;
	}
	for (size_t i = 0; i < json_object_array_length(root); i++) {
		ret = add_entry(name.buf, (unsigned)i + 1,
				json_object_array_get_idx(root, i), only, l,
				err);
		if (ret)
			goto out;
	}
out:
	if (root)
		json_object_put(root);
	if (tok)
		json_tokener_free(tok);
	kc_strbuf_release(&text);
	kc_strbuf_release(&name);
	return ret;
}
