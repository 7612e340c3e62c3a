/* suppress.c - inline suppression comments.
 *
 *   x = ksize(p); /- ksizecheck: ignore ksize-non-kmalloc: vmalloc'd in
 *                   tests only -/
 *   // ksizecheck: ignore slack-write,slack-read: buffer is rounded up
 *   memset(buf, 0, ksize(buf));
 *
 * (with real comment markers). A comment suppresses findings of the named
 * rules ("all" for every rule) on its own line and on the line below. The
 * reason after the second colon is required; a missing reason or an
 * unknown rule id is a warning. Suppressed findings leave the diag but are
 * counted, listed with --stats and written to SARIF/JSON as suppressed.
 */
#include "out/output.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "out/srcfile.h"

#define MARKER "ksizecheck:"

static int grow(void **v, size_t *cap, size_t n, size_t elem)
{
	void *p;
	size_t ncap;

	if (n < *cap)
		return 0;
	ncap = *cap ? 2 * *cap : 16;
	p = realloc(*v, ncap * elem);
	if (!p)
		return -1;
	*v = p;
	*cap = ncap;
	return 0;
}

struct sup_ctx {
	struct kc_diag *d;
	struct out_suppress_stats *st;
	size_t sup_cap, warn_cap, rem_cap;
};

static int add_warning(struct sup_ctx *c, const char *file, unsigned line,
		       const char *msg)
{
	struct out_suppress_stats *st = c->st;
	struct out_warning *w;

	if (grow((void **)&st->warn, &c->warn_cap, st->nwarn, sizeof(*w)))
		return -KC_ENOMEM;
	w = &st->warn[st->nwarn];
	w->file = file;
	w->line = line;
	w->msg = kc_arena_strdup(&c->d->arena, msg);
	if (!w->msg)
		return -KC_ENOMEM;
	st->nwarn++;
	return 0;
}

/* Is there a comment opener before pos on this line? */
static int in_comment_text(const char *line, const char *pos)
{
	const char *p;

	for (p = line; p + 1 < pos; p++)
		if (p[0] == '/' && (p[1] == '*' || p[1] == '/'))
			return 1;
	return 0;
}

/* Checks each id of the comma-separated list; warns about unknown ones. */
static int check_rules(struct sup_ctx *c, const char *file, unsigned line,
		       const char *rules)
{
	char id[128], msg[256];
	const char *p = rules;
	int ret;

	while (*p) {
		size_t n = strcspn(p, ", ");

		if (n && n < sizeof(id)) {
			memcpy(id, p, n);
			id[n] = '\0';
			if (strcmp(id, "all") && kc_rule_by_id(id) < 0) {
				snprintf(msg, sizeof(msg),
					 "suppression names unknown rule '%s'",
					 id);
				ret = add_warning(c, file, line, msg);
				if (ret)
					return ret;
			}
		}
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return 0;
}

/* Parses the text after "ksizecheck:" on one line into a suppression. */
static int parse_comment(struct sup_ctx *c, const char *file, unsigned line,
			 const char *p, size_t len)
{
	struct out_suppress_stats *st = c->st;
	struct out_suppression *s;
	const char *end = p + len, *colon, *stop;
	char *rules, *reason = NULL;
	size_t n;
	int ret;

	while (p < end && isspace((unsigned char)*p))
		p++;
	if ((size_t)(end - p) < 6 || strncmp(p, "ignore", 6))
		return add_warning(c, file, line,
				   "ksizecheck comment is not 'ksizecheck: ignore RULE: REASON'");
	p += 6;
	stop = p;
	while (stop < end && !(stop + 1 < end && stop[0] == '*' &&
			       stop[1] == '/'))
		stop++;
	colon = memchr(p, ':', (size_t)(stop - p));
	n = (size_t)((colon ? colon : stop) - p);
	while (n && isspace((unsigned char)*p)) {
		p++;
		n--;
	}
	while (n && isspace((unsigned char)p[n - 1]))
		n--;
	rules = kc_arena_strndup(&c->d->arena, p, n);
	if (!rules)
		return -KC_ENOMEM;
	if (colon) {
		const char *r = colon + 1, *re = stop;

		while (r < re && isspace((unsigned char)*r))
			r++;
		while (re > r && isspace((unsigned char)re[-1]))
			re--;
		if (re > r) {
			reason = kc_arena_strndup(&c->d->arena, r,
						  (size_t)(re - r));
			if (!reason)
				return -KC_ENOMEM;
		}
	}
	if (!*rules)
		ret = add_warning(c, file, line,
				  "suppression names no rule (use a rule id or 'all')");
	else
		ret = check_rules(c, file, line, rules);
	if (!ret && !reason)
		ret = add_warning(c, file, line,
				  "suppression has no reason (write 'ksizecheck: ignore RULE: why')");
	if (ret)
		return ret;
	if (grow((void **)&st->sup, &c->sup_cap, st->nsup, sizeof(*s)))
		return -KC_ENOMEM;
	s = &st->sup[st->nsup++];
	s->file = file;
	s->line = line;
	s->rules = rules;
	s->reason = reason;
	s->used = 0;
	return 0;
}

static int scan_file(struct sup_ctx *c, struct out_src_cache *cache,
		     const char *file)
{
	const struct out_src *s = out_src_get(cache, file);
	unsigned line;
	int ret;

	if (!s)
		return -KC_ENOMEM;
	for (line = 1; s->text && line <= s->nlines; line++) {
		size_t len;
		const char *p = out_src_line(s, line, &len), *m;
		char buf[1024];

		if (!p || len >= sizeof(buf))
			continue;
		memcpy(buf, p, len);
		buf[len] = '\0';
		m = strstr(buf, MARKER);
		if (!m || !in_comment_text(buf, m))
			continue;
		m += strlen(MARKER);
		ret = parse_comment(c, file, line, m,
				    len - (size_t)(m - buf));
		if (ret)
			return ret;
	}
	return 0;
}

static int rule_listed(const char *rules, const char *id)
{
	size_t idlen = strlen(id);
	const char *p = rules;

	while (*p) {
		size_t n = strcspn(p, ", ");

		if ((n == idlen && !strncmp(p, id, n)) ||
		    (n == 3 && !strncmp(p, "all", 3)))
			return 1;
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	return 0;
}

static struct out_suppression *find_sup(struct out_suppress_stats *st,
					size_t first,
					const struct kc_finding *f)
{
	const char *id = kc_rule_info(f->rule)->id;
	size_t i;

	for (i = first; i < st->nsup; i++) {
		struct out_suppression *s = &st->sup[i];

		if (strcmp(s->file, f->loc.file))
			continue;
		if (s->line != f->loc.line && s->line + 1 != f->loc.line)
			continue;
		if (rule_listed(s->rules, id))
			return s;
	}
	return NULL;
}

int out_apply_suppressions(struct kc_diag *d, struct out_suppress_stats *st,
			   struct kc_err *err)
{
	struct out_src_cache cache;
	struct sup_ctx c;
	size_t i, j, first = 0;
	const char *cur = NULL;
	int ret;

	memset(st, 0, sizeof(*st));
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.st = st;
	ret = out_fingerprint_all(d, err);
	if (ret)
		return ret;
	out_src_cache_init(&cache);
	for (i = 0, j = 0; i < d->n; i++) {
		struct kc_finding *f = d->v[i];
		struct out_suppression *s;

		if (!cur || strcmp(cur, f->loc.file)) {
			cur = f->loc.file;
			first = st->nsup;
			ret = scan_file(&c, &cache, cur);
			if (ret)
				break;
		}
		s = find_sup(st, first, f);
		if (!s) {
			d->v[j++] = f;
			continue;
		}
		if (grow((void **)&st->removed, &c.rem_cap, st->nremoved,
			 sizeof(*st->removed))) {
			ret = -KC_ENOMEM;
			break;
		}
		st->removed[st->nremoved].f = f;
		st->removed[st->nremoved].why = s->reason ? s->reason : "";
		st->removed[st->nremoved].file = s->file;
		st->removed[st->nremoved].line = s->line;
		st->nremoved++;
		st->nsuppressed++;
		s->used++;
	}
	if (ret) {
		/* keep the rest of the findings: nothing is lost on OOM */
		for (; i < d->n; i++)
			d->v[j++] = d->v[i];
	}
	d->n = j;
	out_src_cache_release(&cache);
	if (ret)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

void out_suppress_stats_release(struct out_suppress_stats *st)
{
	free(st->sup);
	free(st->warn);
	free(st->removed);
	memset(st, 0, sizeof(*st));
}

int out_suppress_stats_print(const struct out_suppress_stats *st, int list,
			     FILE *out)
{
	size_t i;

	for (i = 0; i < st->nwarn; i++)
		fprintf(out, "%s:%u: warning: %s\n", st->warn[i].file,
			st->warn[i].line, st->warn[i].msg);
	if (list) {
		fprintf(out, "suppressions: %zu comment%s, %zu finding%s suppressed\n",
			st->nsup, st->nsup == 1 ? "" : "s",
			st->nsuppressed, st->nsuppressed == 1 ? "" : "s");
		for (i = 0; i < st->nsup; i++)
			fprintf(out, "  %s:%u: ignore %s (%u finding%s): %s\n",
				st->sup[i].file, st->sup[i].line,
				st->sup[i].rules, st->sup[i].used,
				st->sup[i].used == 1 ? "" : "s",
				st->sup[i].reason ? st->sup[i].reason :
				"(no reason)");
		for (i = 0; i < st->nremoved; i++) {
			const struct kc_finding *f = st->removed[i].f;

			fprintf(out, "  suppressed: %s:%u: %s [%s]\n",
				f->loc.file, f->loc.line, f->message,
				kc_rule_info(f->rule)->id);
		}
	}
	return ferror(out) ? -KC_EIO : 0;
}
