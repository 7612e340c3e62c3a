/* jsonfile.h - internal to src/out: reading JSON files (config, baseline,
 * shard outputs) with json-c and reporting errors as file:line.
 */
#ifndef KC_OUT_JSONFILE_H
#define KC_OUT_JSONFILE_H

#include <stdio.h>

#include <json-c/json.h>

#include "diag/json_util.h"
#include "util/err.h"

/* Parses the file at path. On success *obj is the root (caller puts it) and
 * *text the file's text (caller frees), 0 is returned. -KC_EIO when it
 * cannot be read, -KC_EPARSE with err = path:line: json-c's reason. */
int out_json_read(const char *path, json_object **obj, char **text,
		  struct kc_err *err);

/* 1-based line of the first `"key":` in text, or of element idx of the
 * array that follows it when idx >= 0; 1 when not found. */
unsigned out_json_line(const char *text, const char *key, long idx);

/* Writes s to out with every invalid UTF-8 byte replaced by U+FFFD (source
 * text and names may be Latin-1; JSON and SARIF must be UTF-8). */
void out_utf8_fputs(const char *s, FILE *out);

/* Writes o to out, pretty-printed, as valid UTF-8 (out_utf8_fputs), with
 * a newline. 0 or -KC_EIO. */
int out_json_print(json_object *o, FILE *out);
/* Prints a document built by a writer and drops it (one reference).
 * doc NULL means the writer ran out of memory: -KC_ENOMEM. Returns
 * out_json_print()'s result otherwise. */
int out_json_emit(json_object *doc, FILE *out);

#endif
