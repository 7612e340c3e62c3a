/* config.c - the .ksizecheck.json configuration file.
 *
 *   {
 *     "version": 1,
 *     "rules": {"enable": ["slack-write"], "disable": ["slack-read"]},
 *     "slab_config": "x86_64-slub-6.1",
 *     "rules_files": ["tools/ksizecheck/local-allocators.tbl"],
 *     "exclude": ["drivers/staging/", "*_test.c"],
 *     "fail_on": "warning",
 *     "baseline": "ksizecheck-baseline.json",
 *     "cache_dir": "/var/cache/ksizecheck", "cache_max_size": "2G"
 *   }
 *
 * Found from the working directory upwards; relative paths in it are
 * relative to its directory. Parsed with json-c; every error is reported
 * as file:line: what is wrong (the line of the offending key).
 */
#include "out/output.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/cache.h"
#include "out/jsonfile.h"

#define CONFIG_NAME ".ksizecheck.json"

/* Reports err at the line of key, with a printf message. */
static int cfg_err(const struct out_config *cfg, const char *text,
		   const char *key, struct kc_err *err, const char *fmt, ...)
	KC_PRINTF(5, 6);

static int cfg_err(const struct out_config *cfg, const char *text,
		   const char *key, struct kc_err *err, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = kc_err_vset(err, KC_EPARSE, cfg->path,
			  out_json_line(text, key, -1), 0, fmt, ap);
	va_end(ap);
	return ret;
}

static int join(const struct out_config *cfg, const char *rel, char *buf,
		size_t size)
{
	int n;

	if (rel[0] == '/' || !cfg->dir[0] || !strcmp(cfg->dir, "."))
		n = snprintf(buf, size, "%s", rel);
	else
		n = snprintf(buf, size, "%s/%s", cfg->dir, rel);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int get_string_list(struct out_config *cfg, const char *text,
			   json_object *v, const char *key, char **out,
			   size_t *nout, int paths, struct kc_err *err)
{
	size_t i, n;

	if (!json_object_is_type(v, json_type_array))
		return cfg_err(cfg, text, key, err,
			       "'%s' must be an array of strings", key);
	n = json_object_array_length(v);
	if (n > OUT_CONFIG_MAX_LIST)
		return cfg_err(cfg, text, key, err,
			       "'%s' has too many entries", key);
	for (i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(v, i);
		char buf[PATH_MAX];
		const char *s;

		if (!json_object_is_type(e, json_type_string))
			return kc_err_set(err, KC_EPARSE, cfg->path,
					  out_json_line(text, key, (long)i), 0,
					  "'%s' entry %zu is not a string",
					  key, i + 1);
		s = json_object_get_string(e);
		if (!*s)
			return kc_err_set(err, KC_EPARSE, cfg->path,
					  out_json_line(text, key, (long)i), 0,
					  "'%s' entry %zu is empty", key,
					  i + 1);
		if (paths) {
			if (join(cfg, s, buf, sizeof(buf)))
				return kc_err_set(err, KC_EPARSE, cfg->path,
						  out_json_line(text, key,
								(long)i), 0,
						  "path too long in '%s'", key);
			s = buf;
		}
		out[*nout] = strdup(s);
		if (!out[*nout])
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
		(*nout)++;
	}
	return 0;
}

static int set_rules(struct out_config *cfg, const char *text,
		     json_object *list, const char *key, int state,
		     struct kc_err *err)
{
	size_t i, n;

	if (!json_object_is_type(list, json_type_array))
		return cfg_err(cfg, text, key, err,
			       "'rules.%s' must be an array of rule ids", key);
	n = json_object_array_length(list);
	for (i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(list, i);
		const char *id = json_object_get_string(e);
		int r;

		if (!json_object_is_type(e, json_type_string))
			return kc_err_set(err, KC_EPARSE, cfg->path,
					  out_json_line(text, key, (long)i), 0,
					  "'rules.%s' entry %zu is not a string",
					  key, i + 1);
		r = kc_rule_by_id(id);
		if (r < 0)
			return kc_err_set(err, KC_EPARSE, cfg->path,
					  out_json_line(text, key, (long)i), 0,
					  "unknown rule '%s' in 'rules.%s'", id,
					  key);
		cfg->rule_state[r] = (signed char)state;
	}
	if (state == 1)
		cfg->only_enabled = 1;
	return 0;
}

static int parse_rules(struct out_config *cfg, const char *text,
		       json_object *v, struct kc_err *err)
{
	struct json_object_iterator it, end;
	int ret;

	if (!json_object_is_type(v, json_type_object))
		return cfg_err(cfg, text, "rules", err,
			       "'rules' must be an object with \"enable\" and/or \"disable\"");
	it = json_object_iter_begin(v);
	end = json_object_iter_end(v);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		const char *k = json_object_iter_peek_name(&it);
		json_object *val = json_object_iter_peek_value(&it);

		if (!strcmp(k, "enable"))
			ret = set_rules(cfg, text, val, "enable", 1, err);
		else if (!strcmp(k, "disable"))
			ret = set_rules(cfg, text, val, "disable", 0, err);
		else
			ret = cfg_err(cfg, text, k, err,
				      "unknown key '%s' in 'rules' (expected enable, disable)",
				      k);
		if (ret)
			return ret;
	}
	return 0;
}

static int copy_str(struct out_config *cfg, const char *text, json_object *v,
		    const char *key, char *dst, size_t size, int path,
		    struct kc_err *err)
{
	const char *s;

	if (!json_object_is_type(v, json_type_string))
		return cfg_err(cfg, text, key, err, "'%s' must be a string", key);
	s = json_object_get_string(v);
	if (!*s)
		return cfg_err(cfg, text, key, err, "'%s' is empty", key);
	if (path ? join(cfg, s, dst, size) :
	    (size_t)snprintf(dst, size, "%s", s) >= size)
		return cfg_err(cfg, text, key, err, "'%s' is too long", key);
	return 0;
}

static int parse_config(struct out_config *cfg, json_object *root,
			const char *text, struct kc_err *err)
{
	struct json_object_iterator it, end;
	struct kc_err tmp;
	int ret = 0;

	if (!json_object_is_type(root, json_type_object))
		return kc_err_set(err, KC_EPARSE, cfg->path, 1, 0,
				  "configuration must be a JSON object");
	it = json_object_iter_begin(root);
	end = json_object_iter_end(root);
	for (; !json_object_iter_equal(&it, &end) && !ret;
	     json_object_iter_next(&it)) {
		const char *k = json_object_iter_peek_name(&it);
		json_object *v = json_object_iter_peek_value(&it);

		if (!strcmp(k, "version")) {
			if (!json_object_is_type(v, json_type_int) ||
			    json_object_get_int(v) != 1)
				ret = cfg_err(cfg, text, k, err,
					      "'%s' must be 1", k);
		} else if (!strcmp(k, "rules")) {
			ret = parse_rules(cfg, text, v, err);
		} else if (!strcmp(k, "slab_config")) {
			ret = copy_str(cfg, text, v, k, cfg->slab_config,
				       sizeof(cfg->slab_config), 0, err);
		} else if (!strcmp(k, "rules_files")) {
			ret = get_string_list(cfg, text, v, k,
					      cfg->rules_files,
					      &cfg->nrules_files, 1, err);
		} else if (!strcmp(k, "exclude")) {
			ret = get_string_list(cfg, text, v, k, cfg->exclude,
					      &cfg->nexclude, 0, err);
		} else if (!strcmp(k, "fail_on")) {
			enum out_fail_on p;

			ret = copy_str(cfg, text, v, k, cfg->fail_on,
				       sizeof(cfg->fail_on), 0, err);
			if (!ret && out_fail_on_parse(cfg->fail_on, &p, &tmp))
				ret = cfg_err(cfg, text, k, err,
					      "'%s' must be error, warning, any or none, not '%s'",
					      k, cfg->fail_on);
		} else if (!strcmp(k, "baseline")) {
			ret = copy_str(cfg, text, v, k, cfg->baseline,
				       sizeof(cfg->baseline), 1, err);
		} else if (!strcmp(k, "cache_dir")) {
			ret = copy_str(cfg, text, v, k, cfg->cache_dir,
				       sizeof(cfg->cache_dir), 1, err);
		} else if (!strcmp(k, "cache_max_size")) {
			char size[32];

			ret = copy_str(cfg, text, v, k, size, sizeof(size), 0,
				       err);
			if (!ret && (kc_cache_parse_size(size,
							 &cfg->cache_max_size) ||
				     !cfg->cache_max_size))
				ret = cfg_err(cfg, text, k, err,
					      "'%s' must be a size such as 500M or 2G, not '%s'",
					      k, size);
		} else {
			ret = cfg_err(cfg, text, k, err,
				      "unknown key '%s' (expected version, rules, slab_config, rules_files, exclude, fail_on, baseline, cache_dir, cache_max_size)",
				      k);
		}
	}
	return ret;
}

static int is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

/* Finds the config file: start itself, or start/.ksizecheck.json and up. */
static int find_config(const char *start, char *path, size_t size)
{
	char dir[PATH_MAX];
	struct stat st;

	if (start && !stat(start, &st) && S_ISREG(st.st_mode)) {
		snprintf(path, size, "%s", start);
		return 1;
	}
	if (!realpath(start ? start : ".", dir))
		return 0;
	for (;;) {
		char *slash;

		/* anything by that name counts (lstat): a dangling link or a
		 * symlink loop is then reported when reading it, not skipped */
		if ((size_t)snprintf(path, size, "%s/%s",
				     strcmp(dir, "/") ? dir : "",
				     CONFIG_NAME) < size && !lstat(path, &st))
			return 1;
		slash = strrchr(dir, '/');
		if (!slash || !strcmp(dir, "/"))
			return 0;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
}

int out_config_load(const char *start_dir_or_file, struct out_config *cfg,
		    struct kc_err *err)
{
	json_object *root;
	char *text, *slash;
	int ret;

	memset(cfg, 0, sizeof(*cfg));
	memset(cfg->rule_state, -1, sizeof(cfg->rule_state));
	if (start_dir_or_file && !is_file(start_dir_or_file)) {
		struct stat st;

		if (stat(start_dir_or_file, &st))
			return kc_err_set(err, KC_EIO, start_dir_or_file, 0, 0,
					  "cannot find configuration '%s'",
					  start_dir_or_file);
	}
	if (!find_config(start_dir_or_file, cfg->path, sizeof(cfg->path))) {
		cfg->path[0] = '\0';
		return 0;
	}
	snprintf(cfg->dir, sizeof(cfg->dir), "%s", cfg->path);
	slash = strrchr(cfg->dir, '/');
	if (!slash)
		snprintf(cfg->dir, sizeof(cfg->dir), ".");
	else if (slash == cfg->dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	ret = out_json_read(cfg->path, &root, &text, err);
	if (ret)
		return ret;
	ret = parse_config(cfg, root, text, err);
	json_object_put(root);
	free(text);
	if (ret)
		out_config_release(cfg);
	return ret;
}

void out_config_release(struct out_config *cfg)
{
	size_t i;

	for (i = 0; i < cfg->nrules_files; i++)
		free(cfg->rules_files[i]);
	for (i = 0; i < cfg->nexclude; i++)
		free(cfg->exclude[i]);
	cfg->nrules_files = cfg->nexclude = 0;
}

int out_config_rule_enabled(const struct out_config *cfg, int rule)
{
	if (!cfg || rule < 0 || rule >= KC_RULE_COUNT)
		return 1;
	if (cfg->rule_state[rule] >= 0)
		return cfg->rule_state[rule];
	return !cfg->only_enabled;
}

/* path relative to the config's directory when below it. */
static const char *rel_to_dir(const struct out_config *cfg, const char *path,
			      char *buf, size_t size)
{
	char real[PATH_MAX], dir[PATH_MAX];
	size_t n;

	if (!realpath(path, real) || !realpath(cfg->dir[0] ? cfg->dir : ".",
					       dir))
		return path;
	n = strlen(dir);
	if (!strcmp(dir, "/"))
		n = 0;
	if (!strncmp(real, dir, n) && real[n] == '/') {
		snprintf(buf, size, "%s", real + n + 1);
		return buf;
	}
	return path;
}

static int glob_match(const char *pat, const char *path)
{
	size_t n = strlen(pat);
	const char *base = strrchr(path, '/');

	if (n && pat[n - 1] == '/')
		return !strncmp(path, pat, n) ||
		       (!strncmp(path, "./", 2) && !strncmp(path + 2, pat, n));
	if (!fnmatch(pat, path, 0))
		return 1;
	return !strchr(pat, '/') && base && !fnmatch(pat, base + 1, 0);
}

int out_config_excluded(const struct out_config *cfg, const char *path)
{
	char buf[PATH_MAX];
	const char *rel;
	size_t i;

	if (!cfg || !cfg->nexclude)
		return 0;
	rel = rel_to_dir(cfg, path, buf, sizeof(buf));
	for (i = 0; i < cfg->nexclude; i++)
		if (glob_match(cfg->exclude[i], rel) ||
		    (rel != path && glob_match(cfg->exclude[i], path)))
			return 1;
	return 0;
}
