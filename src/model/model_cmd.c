/* model_cmd.c - `ksizecheck model`: ask the slab model by hand.
 *
 *   ksizecheck model [--arch A] [--kernel V] [--alloc A] [--page P]
 *                    [--config ID | --tree DIR] [--rules DIR]
 *                    [--table | --list | --all-configs]
 *                    [--access OFF,LEN] [--cache ALIGN[,hwcache,ctor,rcu]]
 *                    [SIZE | LO..HI]...
 *
 * Prints on stdout; errors on stderr with exit code 2. This is a CLI
 * front end, so unlike the rest of src/model it prints.
 */
#include "model/slab.h"
#include "util/rulesdir.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SIZES 64

struct range {
	unsigned long long lo, hi;
};

struct model_opts {
	const char *arch, *kernel, *alloc, *page, *config, *tree, *rules;
	int table, list, all, have_access, have_cache;
	struct range off, len;
	unsigned long long align;
	unsigned cflags;
	struct range sizes[MAX_SIZES];
	int nsizes;
};

static int usage_err(const char *fmt, ...) KC_PRINTF(1, 2);

static int usage_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ksizecheck model: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	return 2;
}

/* decimal or 0x hex with optional K/M/G suffix; -1 on error */
static int parse_num(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno)
		return -1;
	if (*end == 'K' || *end == 'k' || *end == 'M' || *end == 'G') {
		int sh = (*end == 'K' || *end == 'k') ? 10 : *end == 'M' ? 20 : 30;

		if (v > (~0ULL >> sh))
			return -1;
		v <<= sh;
		end++;
	}
	if (*end)
		return -1;
	*out = v;
	return 0;
}

/* "N" or "LO..HI" */
static int parse_range(const char *s, struct range *r)
{
	const char *dots = strstr(s, "..");
	char buf[64];

	if (!dots) {
		if (parse_num(s, &r->lo))
			return -1;
		r->hi = r->lo;
		return 0;
	}
	if ((size_t)(dots - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, (size_t)(dots - s));
	buf[dots - s] = '\0';
	if (parse_num(buf, &r->lo) || parse_num(dots + 2, &r->hi) ||
	    r->lo > r->hi)
		return -1;
	return 0;
}

static int parse_args(int argc, char **argv, struct model_opts *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **val = NULL;

		if (!strcmp(a, "--arch"))
			val = &o->arch;
		else if (!strcmp(a, "--kernel"))
			val = &o->kernel;
		else if (!strcmp(a, "--alloc"))
			val = &o->alloc;
		else if (!strcmp(a, "--page"))
			val = &o->page;
		else if (!strcmp(a, "--config"))
			val = &o->config;
		else if (!strcmp(a, "--tree"))
			val = &o->tree;
		else if (!strcmp(a, "--rules"))
			val = &o->rules;
		if (val) {
			if (++i == argc)
				return usage_err("option '%s' needs a value", a);
			*val = argv[i];
			continue;
		}
		if (!strcmp(a, "--table")) {
			o->table = 1;
		} else if (!strcmp(a, "--list")) {
			o->list = 1;
		} else if (!strcmp(a, "--all-configs")) {
			o->all = 1;
		} else if (!strcmp(a, "--access") || !strcmp(a, "--cache")) {
			char buf[128], *comma;

			if (++i == argc)
				return usage_err("option '%s' needs a value", a);
			snprintf(buf, sizeof(buf), "%s", argv[i]);
			comma = strchr(buf, ',');
			if (!strcmp(a, "--access")) {
				if (!comma)
					return usage_err("--access takes OFF,LEN, not '%s'",
							 argv[i]);
				*comma = '\0';
				if (parse_range(buf, &o->off) ||
				    parse_range(comma + 1, &o->len))
					return usage_err("bad --access '%s' (OFF,LEN; each N or LO..HI)",
							 argv[i]);
				o->have_access = 1;
				continue;
			}
			if (comma)
				*comma++ = '\0';
			if (parse_num(buf, &o->align))
				return usage_err("bad --cache alignment '%s'",
						 buf);
			while (comma && *comma) {
				char *next = strchr(comma, ',');

				if (next)
					*next++ = '\0';
				if (!strcmp(comma, "hwcache"))
					o->cflags |= SLAB_CF_HWCACHE_ALIGN;
				else if (!strcmp(comma, "ctor"))
					o->cflags |= SLAB_CF_CTOR;
				else if (!strcmp(comma, "rcu"))
					o->cflags |= SLAB_CF_TYPESAFE_BY_RCU;
				else
					return usage_err("unknown --cache flag '%s' (hwcache, ctor, rcu)",
							 comma);
				comma = next;
			}
			o->have_cache = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			printf("usage: ksizecheck model [--arch A] [--kernel V] [--alloc slub|slab|slob] [--page 4K|16K|64K]\n"
			       "         [--config ID | --tree DIR] [--table | --list | --all-configs]\n"
			       "         [--access OFF,LEN] [--cache ALIGN[,hwcache][,ctor][,rcu]] [SIZE | LO..HI]...\n"
			       "Prints what kmalloc(SIZE) really hands out (bucket, slack) per slab preset.\n");
			return 1;
		} else if (a[0] == '-' && a[1] >= '0' && a[1] <= '9') {
			return usage_err("negative size '%s'", a);
		} else if (a[0] == '-') {
			return usage_err("unknown option '%s'", a);
		} else {
			if (o->nsizes == MAX_SIZES)
				return usage_err("too many sizes (at most 64)%s",
						 "");
			if (parse_range(a, &o->sizes[o->nsizes]))
				return usage_err("'%s' is not a size (a number, or LO..HI)",
						 a);
			o->nsizes++;
		}
	}
	return 0;
}

static int arch_known(const struct slab_model *m, const char *arch)
{
	size_t i;

	for (i = 0; i < slab_model_count(m); i++)
		if (!strcmp(slab_config_arch(slab_model_get(m, i)), arch))
			return 1;
	return 0;
}

static int alloc_of(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "slub") || !strcmp(s, "SLUB"))
		return SLAB_ALLOC_SLUB;
	if (!strcmp(s, "slab") || !strcmp(s, "SLAB"))
		return SLAB_ALLOC_SLAB;
	if (!strcmp(s, "slob") || !strcmp(s, "SLOB"))
		return SLAB_ALLOC_SLOB;
	return -2;
}

/* Resolves --config / --tree / --arch --kernel --alloc --page to one
 * preset; prints the error and returns NULL. */
static const struct slab_config *pick(const struct slab_model *m,
				      const struct model_opts *o)
{
	unsigned major = 0, minor = 0;
	unsigned long long page = 4096;
	int alloc = alloc_of(o->alloc ? o->alloc : "slub");
	const char *arch = o->arch ? o->arch : "x86_64";
	const struct slab_config *best = NULL;
	size_t i;

	if (o->config) {
		const struct slab_config *c = slab_model_find(m, o->config);

		if (!c)
			usage_err("unknown preset '%s' (see --list)", o->config);
		return c;
	}
	if (o->tree) {
		struct slab_choice ch;
		struct kc_err err;
		char buf[2048];

		kc_err_clear(&err);

		if (slab_config_for_tree(m, o->tree, &ch, &err)) {
			kc_err_format(&err, buf, sizeof(buf));
			fprintf(stderr, "ksizecheck model: %s\n", buf);
			return NULL;
		}
		if (ch.warning)
			fprintf(stderr, "ksizecheck model: warning: %s\n",
				ch.warning);
		return ch.config;
	}
	if (!arch_known(m, arch)) {
		usage_err("unknown arch '%s' (see --list)", arch);
		return NULL;
	}
	if (alloc == -2) {
		usage_err("unknown allocator '%s' (slub, slab, slob)", o->alloc);
		return NULL;
	}
	if (o->kernel && slab_parse_version(o->kernel, &major, &minor)) {
		usage_err("bad kernel version '%s' (e.g. 6.1)", o->kernel);
		return NULL;
	}
	if (o->page && (parse_num(o->page, &page) || !page)) {
		usage_err("bad page size '%s' (4K, 16K, 64K)", o->page);
		return NULL;
	}
	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *c = slab_model_get(m, i);

		if (strcmp(slab_config_arch(c), arch) ||
		    (int)slab_config_alloc(c) != alloc ||
		    slab_config_page_size(c) != page)
			continue;
		if (major ? !slab_config_has_version(c, major, minor) :
			    slab_config_until(c) != 0)
			continue;
		best = c;
		break; /* table order: the common variant comes first */
	}
	if (!best) {
		char what[160];

		snprintf(what, sizeof(what), "%s %s %lluK-page kernel %s",
			 arch, slab_alloc_name((enum slab_alloc)alloc),
			 page >> 10, o->kernel ? o->kernel : "(newest)");
		usage_err("no preset for %s (see --list)", what);
	}
	return best;
}

static void print_size(const struct slab_config *c, const struct range *r)
{
	char name[64];
	unsigned long long b = slab_bucket(c, r->lo);

	if (r->lo != r->hi) {
		unsigned long long blo, bhi;

		slab_bucket_range(c, r->lo, r->hi, &blo, &bhi);
		printf("kmalloc(%llu..%llu): buckets %llu..%llu",
		       r->lo, r->hi, blo, bhi);
		if (!r->lo)
			printf(", 0 gives ZERO_SIZE_PTR");
		if (r->hi > slab_config_max(c))
			printf(", above %llu kmalloc fails",
			       slab_config_max(c));
		printf("\n");
		return;
	}
	if (!r->lo) {
		printf("kmalloc(0): ZERO_SIZE_PTR, 0 usable bytes (any access faults)\n");
		return;
	}
	if (!b) {
		printf("kmalloc(%llu): fails (NULL), above KMALLOC_MAX_SIZE %llu; kmalloc_size_roundup() = %llu\n",
		       r->lo, slab_config_max(c), slab_roundup(c, r->lo));
		return;
	}
	printf("kmalloc(%llu): %s, bucket %llu, slack %llu",
	       r->lo, slab_bucket_name(c, b, name, sizeof(name)), b, b - r->lo);
	if (slab_roundup(c, r->lo) != b)
		printf("; kmalloc_size_roundup() says %llu",
		       slab_roundup(c, r->lo));
	printf("\n");
}

static void print_header(const struct slab_config *c)
{
	printf("%s (%s): page %llu, min %llu (%s%s%s), cutoff %llu, max %llu\n",
	       slab_config_label(c), slab_config_id(c),
	       slab_config_page_size(c), slab_config_min(c),
	       slab_config_min_runtime(c) ? "runtime" : "compile time",
	       *slab_config_note(c) ? ": " : "", slab_config_note(c),
	       slab_config_cutoff(c), slab_config_max(c));
}

static void print_table(const struct slab_config *c)
{
	const unsigned long long *cl;
	size_t i, n = slab_classes(c, &cl);
	char name[64];
	unsigned o, maxo = slab_page_order(c, slab_config_max(c));
	unsigned minpo = slab_page_order(c, slab_config_cutoff(c) + 1);

	if (!n)
		printf("  1..%llu: rounded up to %llu (SLOB_UNIT)\n",
		       slab_config_cutoff(c), slab_config_granule(c));
	for (i = 0; i < n; i++)
		printf("  %-16s %llu\n",
		       slab_bucket_name(c, cl[i], name, sizeof(name)), cl[i]);
	for (o = minpo; o <= maxo; o++)
		printf("  %-16s %llu\n",
		       slab_bucket_name(c, slab_config_page_size(c) << o, name,
					sizeof(name)),
		       slab_config_page_size(c) << o);
}

static void print_list(const struct slab_model *m)
{
	size_t i;

	printf("%-28s %-9s %6s %4s %7s %10s  %s\n", "preset", "kernels",
	       "page", "min", "cutoff", "max", "label / note");
	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *c = slab_model_get(m, i);
		char k[32];

		if (slab_config_until(c))
			snprintf(k, sizeof(k), "%u.%u-%u.%u",
				 slab_config_since(c) / 1000,
				 slab_config_since(c) % 1000,
				 slab_config_until(c) / 1000,
				 slab_config_until(c) % 1000);
		else
			snprintf(k, sizeof(k), "%u.%u-",
				 slab_config_since(c) / 1000,
				 slab_config_since(c) % 1000);
		printf("%-28s %-9s %5lluK %3llu%s %7llu %10llu  %s; %s\n",
		       slab_config_id(c), k, slab_config_page_size(c) >> 10,
		       slab_config_min(c), slab_config_min_runtime(c) ? "r" : " ",
		       slab_config_cutoff(c), slab_config_max(c),
		       slab_config_label(c), slab_config_note(c));
	}
	printf("\nkernels whose slab sources were read (others get a warning):\n");
	for (i = 0;; i++) {
		unsigned v, same;
		const char *src;
		char s[32] = "";

		if (slab_model_checked(m, i, &v, &same, &src))
			break;
		if (same)
			snprintf(s, sizeof(s), " (same as %u.%u)", same / 1000,
				 same % 1000);
		printf("  %u.%u%s: %s\n", v / 1000, v % 1000, s, src);
	}
}

static void print_all(const struct slab_model *m, const struct model_opts *o)
{
	static const unsigned long long dflt[] = { 1, 8, 9, 24, 65, 97, 129,
						   193, 4097, 8193 };
	struct range sizes[MAX_SIZES];
	unsigned major = 0, minor = 0;
	int alloc = alloc_of(o->alloc);
	int n = o->nsizes, k;
	size_t i;

	if (!n) {
		for (k = 0; k < (int)(sizeof(dflt) / sizeof(dflt[0])); k++)
			sizes[k].lo = sizes[k].hi = dflt[k];
		n = k;
	} else {
		memcpy(sizes, o->sizes, sizeof(sizes[0]) * (size_t)n);
	}
	if (o->kernel)
		slab_parse_version(o->kernel, &major, &minor);
	printf("%-28s", "preset");
	for (k = 0; k < n; k++) {
		char h[48];

		if (o->have_access)
			snprintf(h, sizeof(h), "S=%llu", sizes[k].lo);
		else
			snprintf(h, sizeof(h), "%llu", sizes[k].lo);
		printf(" %*s", o->have_access ? 12 : 8, h);
	}
	printf("\n");
	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *c = slab_model_get(m, i);

		if (o->arch && strcmp(o->arch, slab_config_arch(c)))
			continue;
		if (alloc >= 0 && (int)slab_config_alloc(c) != alloc)
			continue;
		if (major && !slab_config_has_version(c, major, minor))
			continue;
		printf("%-28s", slab_config_id(c));
		for (k = 0; k < n; k++) {
			if (o->have_access) {
				struct slab_judgement j;

				slab_judge(c, sizes[k].lo, sizes[k].hi,
					   o->off.lo, o->off.hi, o->len.lo,
					   o->len.hi, &j);
				printf(" %12s", slab_verdict_name(j.verdict));
			} else {
				printf(" %8llu", slab_bucket(c, sizes[k].lo));
			}
		}
		printf("\n");
	}
}

int slab_model_main(int argc, char **argv, const char *rules_dir)
{
	struct model_opts o;
	struct slab_model *m = NULL;
	const struct slab_config *c;
	struct kc_err err;
	char buf[2048];
	int ret, k;

	memset(&o, 0, sizeof(o));
	ret = parse_args(argc, argv, &o);
	if (ret)
		return ret == 1 ? 0 : ret;
	if (o.arch && (o.config || o.tree))
		return usage_err("--arch cannot be combined with %s",
				 o.config ? "--config" : "--tree");
	if (o.rules)
		rules_dir = o.rules;
	rules_dir = kc_rules_dir(rules_dir);
	kc_err_clear(&err);
	if (slab_model_load(&m, rules_dir, &err)) {
		kc_err_format(&err, buf, sizeof(buf));
		fprintf(stderr, "ksizecheck model: %s\n", buf);
		return 2;
	}
	ret = 0;
	if (o.list) {
		print_list(m);
		goto out;
	}
	if (o.all) {
		if (o.arch && !arch_known(m, o.arch)) {
			ret = usage_err("unknown arch '%s' (see --list)", o.arch);
			goto out;
		}
		print_all(m, &o);
		goto out;
	}
	c = pick(m, &o);
	if (!c) {
		ret = 2;
		goto out;
	}
	print_header(c);
	if (o.table)
		print_table(c);
	for (k = 0; k < o.nsizes; k++) {
		struct slab_judgement j;

		if (o.have_cache) {
			struct slab_cache_info ci;

			if (slab_cache_object(c, o.sizes[k].lo, o.align,
					      o.cflags, &ci)) {
				fprintf(stderr, "ksizecheck model: no kmem_cache model for size %llu align %llu on %s\n",
					o.sizes[k].lo, o.align,
					slab_config_label(c));
				ret = 2;
				continue;
			}
			printf("kmem_cache_create(%llu, align %llu): object_size %llu, align %llu, ksize %llu\n",
			       o.sizes[k].lo, o.align, ci.object_size,
			       ci.align, ci.usable);
			continue;
		}
		print_size(c, &o.sizes[k]);
		if (o.have_access) {
			slab_judge(c, o.sizes[k].lo, o.sizes[k].hi, o.off.lo,
				   o.off.hi, o.len.lo, o.len.hi, &j);
			printf("  access: %s: %s\n", slab_verdict_name(j.verdict),
			       slab_judgement_describe(&j, buf, sizeof(buf)));
		}
	}
out:
	slab_model_free(m);
	return ret;
}
