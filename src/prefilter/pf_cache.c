/* pf_cache.c - see pf_cache.h. */
#include "prefilter/pf_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cache/cache.h"
#include "util/digest.h"
#include "prefilter/pf_index.h"
#include "util/strbuf.h"

#define SUB "hidx"

void pf_cache_key(const struct kc_cache *c, char *const *dirs,
		  size_t ndirs, char *const *files, size_t nfiles,
		  char *hex)
{
	struct kc_digest *d = kc_digest_new();

	hex[0] = '\0';
	if (!d)
		return;
	kc_digest_add_str(d, "prefilter header index 1");
	kc_digest_add_str(d, kc_cache_base(c));
	for (size_t i = 0; i < ndirs; i++)
		kc_digest_add_str(d, dirs[i]);
	kc_digest_add_str(d, "-include");
	for (size_t i = 0; i < nfiles; i++)
		kc_digest_add_str(d, files[i]);
	kc_digest_hex(d, hex);
	kc_digest_free(d);
}

static long long ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

long long pf_cache_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ns(&ts);
}

static void newer(long long *newest, const struct stat *st)
{
	if (ns(&st->st_mtim) > *newest)
		*newest = ns(&st->st_mtim);
	if (ns(&st->st_ctim) > *newest)
		*newest = ns(&st->st_ctim);
}

int pf_cache_note_dir(struct kc_strbuf *rec, const char *path,
		      long long *newest)
{
	struct stat st;

	if (stat(path, &st))
		return 0;
	newer(newest, &st);
	return kc_strbuf_addf(rec, "D %lld %s\n", ns(&st.st_mtim), path);
}

int pf_cache_note_file(struct kc_strbuf *rec, const char *path,
		       const struct stat *st, long long *newest)
{
	if (!st)
		return kc_strbuf_addf(rec, "M %s\n", path);
	newer(newest, st);
	return kc_strbuf_addf(rec, "F %lld %lld %lld %s\n",
			      (long long)st->st_size, ns(&st->st_mtim),
			      ns(&st->st_ctim), path);
}

/* 1 when the record line (NUL-terminated) still holds. */
static int line_valid(const char *l, size_t *headers)
{
	long long a, b, c;
	struct stat st;
	int n = 0;

	switch (l[0]) {
	case 'D':
		return sscanf(l, "D %lld %n", &a, &n) == 1 && n &&
		       !stat(l + n, &st) && ns(&st.st_mtim) == a;
	case 'F':
		(*headers)++;
		return sscanf(l, "F %lld %lld %lld %n", &a, &b, &c, &n) == 3 &&
		       n && !stat(l + n, &st) && S_ISREG(st.st_mode) &&
		       (long long)st.st_size == a && ns(&st.st_mtim) == b &&
		       ns(&st.st_ctim) == c;
	case 'M':
		return l[1] == ' ' && (stat(l + 2, &st) || !S_ISREG(st.st_mode));
	case 'T':
		return l[1] == ' ' && l[2];
	}
	return 0;
}

int pf_cache_load(const struct kc_cache *c, const char *hex,
		  struct pf_index *ix, size_t *headers)
{
	char name[64];
	size_t len;
	char *text, *p, *nl;
	int ret = 1;

	*headers = 0;
	if (!c || !hex[0])
		return 0;
	snprintf(name, sizeof(name), "%s.kch", hex);
	text = kc_cache_read_blob(c, SUB, name, &len);
	if (!text)
		return 0;
	/* validate everything before touching ix */
	for (p = text; ret == 1 && *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			ret = 0;
			break;
		}
		*nl = '\0';
		if (!line_valid(p, headers))
			ret = 0;
		*nl = '\n';
	}
	for (p = text; ret == 1 && *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (p[0] == 'T' && pf_index_load_trigger(ix, p + 2,
							 (size_t)(nl - p - 2)))
			ret = -1;
	}
	free(text);
	return ret;
}

static int add_trigger(const char *name, void *data)
{
	return kc_strbuf_addf(data, "T %s\n", name) ? 1 : 0;
}

void pf_cache_store(const struct kc_cache *c, const char *hex,
		    const struct kc_strbuf *rec, long long newest,
		    long long start_ns, const struct pf_index *ix)
{
	struct kc_strbuf out = KC_STRBUF_INIT;
	char name[64];

	if (!c || !hex[0] || newest >= start_ns - 1000000000LL)
		return;
	snprintf(name, sizeof(name), "%s.kch", hex);
	if (!kc_strbuf_add(&out, rec->buf, rec->len) &&
	    !pf_index_foreach_trigger(ix, add_trigger, &out))
		kc_cache_write_blob(c, SUB, name, out.buf, out.len);
	kc_strbuf_release(&out);
}
