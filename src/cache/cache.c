/* cache.c - the cache directory, the run's base digest and checksummed
 * blobs (see cache.h); entry.c holds the per-TU lookup and store. */
#define _GNU_SOURCE
#include "cache/cache_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/analyze.h"
#include "model/slab.h"
#include "util/atomic_file.h"
#include "util/strbuf.h"
#include "util/fdio.h"

#define BLOB_MAGIC "ksizecheck-cache 1"

int kc_cache_dir(const char *dir, const char *config_dir, char *buf,
		 size_t size)
{
	const char *env = getenv("KSIZECHECK_CACHE_DIR");
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;

	if (dir && *dir)
		n = snprintf(buf, size, "%s", dir);
	else if (env && *env)
		n = snprintf(buf, size, "%s", env);
	else if (config_dir && *config_dir)
		n = snprintf(buf, size, "%s", config_dir);
	else if (xdg && *xdg)
		n = snprintf(buf, size, "%s/ksizecheck", xdg);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.cache/ksizecheck", home);
	else
		return -1;
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int kc_cache_parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v, mul = 1;
	char *end;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case 'K': case 'k': mul = 1ULL << 10; end++; break;
	case 'M': case 'm': mul = 1ULL << 20; end++; break;
	case 'G': case 'g': mul = 1ULL << 30; end++; break;
	}
	if (*end || (mul > 1 && v > ~0ULL / mul))
		return -1;
	*out = v * mul;
	return 0;
}

int kc_cache_mkdirs(const char *path)
{
	char buf[PATH_MAX];
	size_t n = strlen(path);

	if (n >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, n + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(buf, 0777) && errno != EEXIST)
		return -1;
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Adds every regular file under dir (sorted, recursive) to d. */
static int digest_tree(struct kc_digest *d, const char *dir, int depth)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, by_name), ret = 0;

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX];
		struct stat st;

		if (!ret && ents[i]->d_name[0] != '.' &&
		    (size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     ents[i]->d_name) < sizeof(path) &&
		    !stat(path, &st)) {
			if (S_ISDIR(st.st_mode) && depth < 8) {
				kc_digest_add_str(d, ents[i]->d_name);
				ret = digest_tree(d, path, depth + 1);
			} else if (S_ISREG(st.st_mode)) {
				kc_digest_add_str(d, ents[i]->d_name);
				ret = kc_digest_add_file(d, path);
			}
		}
		free(ents[i]);
	}
	free(ents);
	return ret;
}

/* Everything run-wide that can change a TU's result. */
static int base_digest(struct kc_cache *c, const char *rules_dir,
		       const char *const *rules, size_t nrules,
		       const struct kc_analysis_env *env)
{
	struct kc_digest *d = kc_digest_new();
	CXString v;
	int ret = 0;

	if (!d)
		return -1;
	kc_digest_add_str(d, BLOB_MAGIC);
	kc_digest_add_str(d, KC_VERSION);
	v = clang_getClangVersion();
	kc_digest_add_str(d, clang_getCString(v));
	clang_disposeString(v);
	/* the executable itself: a rebuilt ksizecheck may judge otherwise */
	if (kc_digest_add_file(d, "/proc/self/exe"))
		ret = -1;
	if (!ret && digest_tree(d, rules_dir, 0))
		ret = -1;
	for (size_t i = 0; !ret && i < nrules; i++)
		ret = kc_digest_add_file(d, rules[i]);
	kc_digest_add_u64(d, env->enabled_rules_mask);
	kc_digest_add_u64(d, (unsigned long long)env->all_configs);
	kc_digest_add_str(d, env->config ? slab_config_id(env->config) : "");
	kc_digest_add_u64(d, env->max_inline_depth);
	kc_digest_add_u64(d, env->step_budget);
	kc_digest_add(d, &env->time_limit, sizeof(env->time_limit));
	/* the fact database: the digest of the facts read, and whether the
	 * TUs' own facts are collected (docs/cache.md) */
	kc_digest_add_str(d, env->facts_key ? env->facts_key : "");
	kc_digest_hex(d, c->base);
	kc_digest_free(d);
	return ret;
}

int kc_cache_open(struct kc_cache **out, const char *dir,
		  unsigned long long max_bytes, const char *rules_dir,
		  const char *const *rules, size_t nrules,
		  const struct kc_analysis_env *env, struct kc_err *err)
{
	struct kc_cache *c = calloc(1, sizeof(*c));

	*out = NULL;
	if (!c)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	/* absolute: workers change to each TU's directory */
	if (strlen(dir) >= sizeof(c->dir) || kc_cache_mkdirs(dir) ||
	    !realpath(dir, c->dir) || access(c->dir, W_OK)) {
		int e = errno;

		free(c);
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "cannot use cache directory '%s': %s", dir,
				  strerror(e));
	}
	c->max_bytes = max_bytes ? max_bytes : KC_CACHE_DEFAULT_MAX;
	if (base_digest(c, rules_dir, rules, nrules, env)) {
		int e = errno;

		free(c);
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "cannot read the rules for the cache key: %s",
				  strerror(e));
	}
	*out = c;
	return 0;
}

void kc_cache_close(struct kc_cache *c)
{
	free(c);
}

const char *kc_cache_path(const struct kc_cache *c)
{
	return c->dir;
}

const char *kc_cache_base(const struct kc_cache *c)
{
	return c->base;
}


int kc_cache_write_blob(const struct kc_cache *c, const char *sub,
			const char *name, const char *payload, size_t len)
{
	char dir[PATH_MAX], path[PATH_MAX], sum[KC_DIGEST_HEX];
	char head[128];
	struct kc_iobuf v[2];
	int n;

	if ((size_t)snprintf(dir, sizeof(dir), "%s/%s", c->dir, sub) >=
	    sizeof(dir) ||
	    (size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (kc_cache_mkdirs(dir))
		return -1;
	kc_digest_buf_hex(payload, len, sum);
	n = snprintf(head, sizeof(head), "%s %s %zu\n", BLOB_MAGIC, sum, len);
	v[0].p = head;
	v[0].n = (size_t)n;
	v[1].p = payload;
	v[1].n = len;
	/* a reader sees the old entry or the new one (admin.c removes the
	 * ".tmp." files a killed writer leaves) */
	return kc_write_atomic(path, v, 2, 0);
}

char *kc_cache_read_blob(const struct kc_cache *c, const char *sub,
			 const char *name, size_t *len)
{
	char path[PATH_MAX], sum[KC_DIGEST_HEX], want[KC_DIGEST_HEX];
	struct kc_strbuf sb;
	const char *nl;
	size_t hl, plen;

	*len = 0;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s/%s", c->dir, sub,
			     name) >= sizeof(path))
		return NULL;
	kc_strbuf_init(&sb);
	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		return NULL;
	}
	nl = memchr(sb.buf, '\n', sb.len < 128 ? sb.len : 128);
	hl = strlen(BLOB_MAGIC);
	if (!nl || sscanf(sb.buf + hl, " %32[0-9a-f] %zu", want, &plen) != 2 ||
	    strncmp(sb.buf, BLOB_MAGIC " ", hl + 1) ||
	    plen != sb.len - (size_t)(nl + 1 - sb.buf))
		goto bad;
	kc_digest_buf_hex(nl + 1, plen, sum);
	if (strcmp(sum, want))
		goto bad;
	/* the payload in place of the header: no second buffer */
	memmove(sb.buf, nl + 1, plen);
	sb.buf[plen] = '\0';
	sb.len = plen;
	*len = plen;
	return kc_strbuf_detach(&sb);
bad:
	kc_strbuf_release(&sb);
	*len = (size_t)-1;
	return NULL;
}
