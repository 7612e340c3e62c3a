/* jsonfile.c - json-c file reading with line numbers (jsonfile.h). */
#include "out/jsonfile.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

static unsigned line_at(const char *text, size_t off)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < off && text[i]; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

int out_json_read(const char *path, json_object **obj, char **text,
		  struct kc_err *err)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	struct json_tokener *tok;
	enum json_tokener_error jerr;
	json_object *o;
	size_t end;
	int ret;

	*obj = NULL;
	*text = NULL;
	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		return kc_err_set(err, KC_EIO, path, 0, 0, "cannot read '%s'",
				  path);
	}
	tok = json_tokener_new();
	if (!tok) {
		kc_strbuf_release(&sb);
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	o = json_tokener_parse_ex(tok, sb.buf, (int)sb.len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (o && jerr == json_tokener_success) {
		while (end < sb.len && strchr(" \t\r\n", sb.buf[end]))
			end++;
		if (end < sb.len) {
			json_object_put(o);
			ret = kc_err_set(err, KC_EPARSE, path,
					 line_at(sb.buf, end), 0,
					 "unexpected text after the JSON value");
			kc_strbuf_release(&sb);
			return ret;
		}
	}
	if (!o || jerr != json_tokener_success) {
		unsigned line = line_at(sb.buf, end ? end - 1 : 0);

		if (jerr == json_tokener_continue)
			ret = kc_err_set(err, KC_EPARSE, path,
					 line_at(sb.buf, sb.len), 0,
					 "unexpected end of file");
		else
			ret = kc_err_set(err, KC_EPARSE, path, line, 0,
					 "invalid JSON: %s",
					 json_tokener_error_desc(jerr));
		json_object_put(o);
		kc_strbuf_release(&sb);
		return ret;
	}
	*obj = o;
	*text = kc_strbuf_detach(&sb);
	return 0;
}

/* Skips a string starting at p[0] == '"'; returns the char after it. */
static const char *skip_string(const char *p)
{
	for (p++; *p && *p != '"'; p++)
		if (*p == '\\' && p[1])
			p++;
	return *p ? p + 1 : p;
}

static const char *find_key(const char *text, const char *key)
{
	size_t klen = strlen(key);
	const char *p = text;

	while (*p) {
		if (*p != '"') {
			p++;
			continue;
		}
		if (!strncmp(p + 1, key, klen) && p[1 + klen] == '"') {
			const char *q = p + 2 + klen;

			while (*q == ' ' || *q == '\t' || *q == '\n' ||
			       *q == '\r')
				q++;
			if (*q == ':')
				return q + 1;
		}
		p = skip_string(p);
	}
	return NULL;
}

unsigned out_json_line(const char *text, const char *key, long idx)
{
	const char *p = find_key(text, key);
	long elem = 0;
	int depth = 0;

	if (!p)
		return 1;
	if (idx < 0)
		return line_at(text, (size_t)(p - text));
	while (*p && *p != '[')
		p++;
	if (!*p)
		return line_at(text, (size_t)(p - text));
	for (p++; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (depth == 0 && elem == idx)
			return line_at(text, (size_t)(p - text));
		if (*p == '"') {
			p = skip_string(p) - 1;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if (*p == '}' || *p == ']') {
			if (depth == 0)
				break;
			depth--;
		} else if (*p == ',' && depth == 0) {
			elem++;
		}
	}
	return line_at(text, (size_t)(p - text));
}

/* Length of the valid UTF-8 sequence at p, 0 when invalid. */
static size_t utf8_len(const unsigned char *p)
{
	size_t n, i;
	unsigned cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void out_utf8_fputs(const char *s, FILE *out)
{
	const unsigned char *p = (const unsigned char *)s, *start = p;

	while (*p) {
		size_t n = utf8_len(p);

		if (n) {
			p += n;
			continue;
		}
		fwrite(start, 1, (size_t)(p - start), out);
		fputs("\xef\xbf\xbd", out); /* U+FFFD */
		start = ++p;
	}
	fwrite(start, 1, (size_t)(p - start), out);
}

int out_json_print(json_object *o, FILE *out)
{
	const char *s = json_object_to_json_string_ext(o,
		JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
		JSON_C_TO_STRING_NOSLASHESCAPE);

	if (!s)
		return -KC_ENOMEM;
	out_utf8_fputs(s, out);
	fputc('\n', out);
	return ferror(out) ? -KC_EIO : 0;
}

int out_json_emit(json_object *doc, FILE *out)
{
	int ret;

	if (!doc)
		return -KC_ENOMEM;
	ret = out_json_print(doc, out);
	json_object_put(doc);
	return ret;
}
