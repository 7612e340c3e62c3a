/* fix.c - ksizecheck --fix (see fix.h): groups the requests by file and
 * script, runs spatch, limits the diff to the requested functions, and
 * prints or applies it (atomically, after a re-parse check).
 */
#include "fix/fix.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag/diag.h"
#include "util/atomic_file.h"
#include "fix/fix_int.h"
#include "util/fdio.h"
#include "util/strbuf.h"

static const char *fix_spatch = "spatch";

void fix_set_spatch(const char *path)
{
	fix_spatch = path ? path : "spatch";
}

const char *fix_default_cocci_dir(void)
{
	static char buf[PATH_MAX];
	const char *env = getenv("KSIZECHECK_COCCI_DIR");
	struct stat st;

	if (env && *env)
		return env;
	snprintf(buf, sizeof(buf), "%s/cocci", KC_INSTALL_DATA_DIR);
	if (!stat(buf, &st) && S_ISDIR(st.st_mode))
		return buf;
	return KC_SOURCE_COCCI_DIR;
}

/* Runs argv (argv[0] looked up in PATH) with stdout and stderr captured
 * into out and errout. *status: exit code, 127 when it cannot be run,
 * 128+sig when killed. Returns 0 or a negative KC_E* code. */
static int run_capture(char *const argv[], struct kc_strbuf *out,
		       struct kc_strbuf *errout, int *status)
{
	char opath[] = "/tmp/kc-fix-out.XXXXXX";
	char epath[] = "/tmp/kc-fix-err.XXXXXX";
	int ofd, efd, ws, ret = 0;
	pid_t pid;

	ofd = mkstemp(opath);
	if (ofd < 0)
		return -KC_EIO;
	efd = mkstemp(epath);
	if (efd < 0) {
		close(ofd);
		unlink(opath);
		return -KC_EIO;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		ret = -KC_ECHILD;
		goto out;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);

		if (nul >= 0)
			dup2(nul, 0);
		dup2(ofd, 1);
		dup2(efd, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &ws, 0) < 0) {
		if (errno != EINTR) {
			ret = -KC_ECHILD;
			goto out;
		}
	}
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) :
		  WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : 255;
	if (kc_strbuf_read_file(out, opath) ||
	    kc_strbuf_read_file(errout, epath))
		ret = -KC_EIO;
out:
	close(ofd);
	close(efd);
	unlink(opath);
	unlink(epath);
	return ret;
}

/* Compares dotted versions: <0, 0, >0. */
static int vercmp(const char *a, const char *b)
{
	while (*a || *b) {
		long x = strtol(a, (char **)&a, 10);
		long y = strtol(b, (char **)&b, 10);

		if (x != y)
			return x < y ? -1 : 1;
		if (*a == '.')
			a++;
		if (*b == '.')
			b++;
		if ((*a && (*a < '0' || *a > '9')) ||
		    (*b && (*b < '0' || *b > '9')))
			break;
	}
	return 0;
}

/* Checks that spatch runs and is new enough. */
static int spatch_check(const char *script, const char *file,
			struct kc_err *err)
{
	char *argv[] = { (char *)fix_spatch, "--version", NULL };
	struct kc_strbuf o = KC_STRBUF_INIT, e = KC_STRBUF_INIT;
	int st = 0, ret;
	const char *v;

	ret = run_capture(argv, &o, &e, &st);
	if (ret || st == 127) {
		ret = kc_err_set(err, KC_ECHILD, file, 0, 0,
				 "cannot run '%s' for '%s.cocci': install "
				 "coccinelle (spatch %s or newer)", fix_spatch,
				 script, FIX_SPATCH_MIN);
		goto out;
	}
	v = strstr(o.buf, "spatch version ");
	if (!v) {
		ret = kc_err_set(err, KC_ECHILD, file, 0, 0,
				 "'%s --version' does not look like spatch; "
				 "needed for '%s.cocci'", fix_spatch, script);
		goto out;
	}
	v += strlen("spatch version ");
	if (vercmp(v, FIX_SPATCH_MIN) < 0) {
		int n = (int)strcspn(v, " \n");

		ret = kc_err_set(err, KC_ECHILD, file, 0, 0,
				 "spatch %.*s is too old for '%s.cocci': "
				 "%s or newer is needed", n, v, script,
				 FIX_SPATCH_MIN);
	}
out:
	kc_strbuf_release(&o);
	kc_strbuf_release(&e);
	return ret;
}

/* The first occurrence of word in the len bytes at p, or NULL. */
static const char *find_in_line(const char *p, size_t len, const char *word)
{
	size_t wl = strlen(word), i;

	for (i = 0; i + wl <= len; i++)
		if (!memcmp(p + i, word, wl))
			return p + i;
	return NULL;
}

/* Reads the "// Options:" words of the script into opts (space-separated)
 * and whether it has patch-mode code (+ or - lines). */
static int script_info(const char *path, struct kc_strbuf *opts,
		       int *has_patch)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	const char *p;

	*has_patch = 0;
	if (kc_strbuf_read_file(&sb, path))
		return -KC_EIO;
	for (p = sb.buf; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 :
					   p + strlen(p)) {
		size_t len = strcspn(p, "\n");
		const char *o;

		if ((*p == '+' || *p == '-') && len > 1 &&
		    (p[1] == ' ' || p[1] == '\t'))
			*has_patch = 1;
		o = find_in_line(p, len, "Options:");
		if (o && !opts->len &&
		    kc_strbuf_add(opts, o + 8, len - (size_t)(o + 8 - p))) {
			kc_strbuf_release(&sb);
			return -KC_ENOMEM;
		}
	}
	kc_strbuf_release(&sb);
	return 0;
}

/* One (file, script) with the functions to limit to. */
struct fix_group {
	const struct fix_request *first;
	KC_VEC(const char *) functions;
	int whole_file;
};

struct fix_groups {
	KC_VEC(struct fix_group) g;
};

static int add_group(struct fix_groups *groups, const struct fix_request *r)
{
	typeof(groups->g) *gs = &groups->g;
	struct fix_group g;
	size_t i;

	for (i = 0; i < gs->n; i++) {
		struct fix_group *x = &gs->v[i];

		if (strcmp(x->first->file, r->file) ||
		    strcmp(x->first->script, r->script) ||
		    strcmp(x->first->dir ? x->first->dir : "",
			   r->dir ? r->dir : ""))
			continue;
		if (!r->function)
			x->whole_file = 1;
		else if (KC_VEC_PUSH(&x->functions, r->function))
			return -KC_ENOMEM;
		return 0;
	}
	memset(&g, 0, sizeof(g));
	g.first = r;
	g.whole_file = !r->function;
	if (r->function && KC_VEC_PUSH(&g.functions, r->function))
		return -KC_ENOMEM;
	if (KC_VEC_PUSH(gs, g)) {
		KC_VEC_FREE(&g.functions);
		return -KC_ENOMEM;
	}
	return 0;
}

/* Writes text to path atomically (util/atomic_file.h), keeping path's
 * mode, synced before the rename: the user's source is never half
 * written. */
static int write_atomic(const char *path, const char *text, struct kc_err *err)
{
	struct kc_iobuf v = { text, strlen(text) };

	if (kc_write_atomic(path, &v, 1, KC_ATOMIC_KEEP_MODE | KC_ATOMIC_FSYNC))
		return kc_err_set(err, KC_EIO, path, 0, 0,
				  "cannot replace '%s': %s", path,
				  strerror(errno));
	return 0;
}

/* Keeps the hunks that touch one of the ranges. */
static void limit_hunks(struct fix_hunks *hs, const struct fix_ranges *rs)
{
	size_t i, j;

	for (i = 0; i < hs->h.n; i++) {
		struct fix_hunk *h = &hs->h.v[i];

		h->keep = 0;
		for (j = 0; j < rs->r.n; j++)
			if (h->first_line <= rs->r.v[j].last &&
			    h->last_line >= rs->r.v[j].first)
				h->keep = 1;
	}
}

/* Runs one group. Returns 0 or a negative KC_E* code with err filled. */
static int fix_group(const struct fix_group *g, enum fix_mode mode,
		     const char *cocci_dir, FILE *out, struct kc_err *err)
{
	const struct fix_request *r = g->first;
	struct kc_strbuf opts = KC_STRBUF_INIT, diff = KC_STRBUF_INIT;
	struct kc_strbuf serr = KC_STRBUF_INIT, orig = KC_STRBUF_INIT;
	struct kc_strbuf res = KC_STRBUF_INIT;
	struct fix_hunks hs = { { NULL, 0, 0 } };
	struct fix_ranges ranges = { { NULL, 0, 0 } };
	KC_VEC(char *) argv = { NULL, 0, 0 };
	KC_VEC(const char *) cargs = { NULL, 0, 0 };
	char path[PATH_MAX], name[PATH_MAX];
	char script[PATH_MAX], msg[1024] = "";
	unsigned nerr0 = 0, nerr1 = 0;
	int has_patch, st = 0, ret, parsed0;
	size_t i, nkept = 0;
	char *save = NULL, *w;

	if (r->dir && r->file[0] != '/')
		snprintf(path, sizeof(path), "%s/%s", r->dir, r->file);
	else
		snprintf(path, sizeof(path), "%s", r->file);
	/* the compile flags, relative to the TU's directory */
	if (r->dir) {
		if (KC_VEC_PUSH(&cargs, "-working-directory") ||
		    KC_VEC_PUSH(&cargs, r->dir)) {
			ret = -KC_ENOMEM;
			goto out;
		}
	}
	for (i = 0; i < r->ncflags; i++)
		if (KC_VEC_PUSH(&cargs, r->cflags[i])) {
			ret = -KC_ENOMEM;
			goto out;
		}
	snprintf(script, sizeof(script), "%s/%s.cocci", cocci_dir, r->script);
	if (script_info(script, &opts, &has_patch)) {
		ret = kc_err_set(err, KC_ECHILD, path, 0, 0,
				 "cannot read the semantic patch '%s'", script);
		goto out;
	}
	if (!has_patch) {
		fprintf(out, "%s: no automatic fix: '%s.cocci' has no patch "
			"mode (fix by hand)\n", path, r->script);
		ret = 0;
		goto out;
	}
	ret = spatch_check(r->script, path, err);
	if (ret)
		goto out;
	if (kc_strbuf_read_file(&orig, path)) {
		ret = kc_err_set(err, KC_EIO, path, 0, 0,
				 "cannot read '%s': %s", path,
				 strerror(errno));
		goto out;
	}

	/* spatch --sp-file S -D patch --very-quiet OPTIONS FILE */
	ret = -KC_ENOMEM;
	if (KC_VEC_PUSH(&argv, (char *)fix_spatch) ||
	    KC_VEC_PUSH(&argv, "--sp-file") || KC_VEC_PUSH(&argv, script) ||
	    KC_VEC_PUSH(&argv, "-D") || KC_VEC_PUSH(&argv, "patch") ||
	    KC_VEC_PUSH(&argv, "--very-quiet"))
		goto out;
	for (w = strtok_r(opts.buf, " \t\r", &save); w;
	     w = strtok_r(NULL, " \t\r", &save))
		if (KC_VEC_PUSH(&argv, w))
			goto out;
	if (KC_VEC_PUSH(&argv, (char *)path) || KC_VEC_PUSH(&argv, NULL))
		goto out;
	ret = run_capture(argv.v, &diff, &serr, &st);
	if (ret || st) {
		size_t n = strcspn(serr.buf, "\n");

		ret = kc_err_set(err, KC_ECHILD, path, 0, 0,
				 "spatch failed on '%s' with '%s.cocci' "
				 "(exit %d)%s%.*s", path, r->script, st,
				 n ? ": " : "", (int)(n > 300 ? 300 : n),
				 serr.buf);
		goto out;
	}
	if (!diff.len)
		goto out;  /* nothing to change */
	ret = fix_diff_parse(diff.buf, &hs);
	if (ret) {
		ret = kc_err_set(err, KC_ECHILD, path, 0, 0,
				 "cannot read the diff of spatch on '%s' with "
				 "'%s.cocci'", path, r->script);
		goto out;
	}

	/* the original: its error count and the functions' lines */
	parsed0 = !fix_parse_check(path, NULL, cargs.v, cargs.n,
				   g->whole_file ? NULL : g->functions.v,
				   g->whole_file ? 0 : g->functions.n,
				   &ranges, &nerr0, msg, sizeof(msg));
	if (!g->whole_file)
		limit_hunks(&hs, &ranges);
	for (i = 0; i < hs.h.n; i++)
		nkept += hs.h.v[i].keep ? 1 : 0;
	if (!nkept)
		goto out;
	if (fix_diff_name(path, r->root, name, sizeof(name)))
		fprintf(out, "%s: note: outside %s, so its diff names it from "
			"/ (apply with 'patch -p1 -d /')\n", path,
			r->root ? r->root : "the current directory");
	if (mode == FIX_DIFF) {
		fix_diff_write(&hs, name, out);
		goto out;
	}

	ret = fix_diff_apply(&hs, orig.buf, &res);
	if (ret) {
		ret = kc_err_set(err, KC_ECHILD, path, 0, 0,
				 "the diff of '%s.cocci' does not apply to '%s'",
				 r->script, path);
		goto out;
	}
	msg[0] = 0;
	if (parsed0 && (fix_parse_check(path, res.buf, cargs.v,
					cargs.n, NULL, 0, NULL, &nerr1, msg,
					sizeof(msg)) || nerr1 > nerr0)) {
		ret = kc_err_set(err, KC_EPARSE, path, 0, 0,
				 "not fixed: '%s' would no longer parse after "
				 "'%s.cocci' (%s); file left unchanged", path,
				 r->script, msg[0] ? msg : "parse failure");
		fprintf(out, "%s: rolled back: %s\n", path, err->msg);
		goto out;
	}
	ret = write_atomic(path, res.buf, err);
	if (ret)
		goto out;
	fix_diff_write(&hs, name, out);
	fprintf(out, "fixed %s: %zu hunk%s from %s.cocci%s\n", path, nkept,
		nkept == 1 ? "" : "s", r->script,
		parsed0 ? "" : " (not re-parsed: the original does not parse)");
out:
	KC_VEC_FREE(&argv);
	KC_VEC_FREE(&cargs);
	KC_VEC_FREE(&ranges.r);
	fix_hunks_release(&hs);
	kc_strbuf_release(&opts);
	kc_strbuf_release(&diff);
	kc_strbuf_release(&serr);
	kc_strbuf_release(&orig);
	kc_strbuf_release(&res);
	return ret;
}

int fix_run(const struct fix_request *reqs, size_t n, enum fix_mode mode,
	    const char *cocci_dir, FILE *out, struct kc_err *err)
{
	struct fix_groups groups = { { NULL, 0, 0 } };
	typeof(groups.g) *gs = &groups.g;
	struct kc_err e1;
	size_t i;
	int ret = 0, r1;

	if (!cocci_dir)
		cocci_dir = fix_default_cocci_dir();
	for (i = 0; i < n; i++) {
		if (!reqs[i].file || !reqs[i].script)
			continue;
		if (add_group(&groups, &reqs[i])) {
			ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					 "out of memory");
			goto out;
		}
	}
	for (i = 0; i < gs->n; i++) {
		kc_err_clear(&e1);
		r1 = fix_group(&gs->v[i], mode, cocci_dir, out, &e1);
		if (r1 && !ret) {
			ret = r1;
			if (err)
				*err = e1;
		}
		/* spatch missing or too old: the same for every file */
		if (r1 == -KC_ECHILD && strstr(e1.msg, "install coccinelle"))
			break;
		if (r1 == -KC_ECHILD && strstr(e1.msg, "is too old"))
			break;
	}
out:
	for (i = 0; i < gs->n; i++)
		KC_VEC_FREE(&gs->v[i].functions);
	KC_VEC_FREE(gs);
	return ret;
}

/* The slack fix rewrites the allocation, which may sit in another
 * function of the file than the access (expand_corename() allocates,
 * cn_vprintf() writes). Limiting spatch to the finding's function would
 * then drop the fix, so a finding with an allocation note in the same file
 * is fixed file-wide; the script itself rewrites only confirmed slack
 * uses. Returns 1 for such a finding. */
static int alloc_elsewhere(const struct kc_finding *f)
{
	unsigned k;

	for (k = 0; k < f->nnotes; k++)
		if (f->notes[k].kind && !strcmp(f->notes[k].kind, "allocation") &&
		    f->notes[k].loc.file && f->loc.file &&
		    !strcmp(f->notes[k].loc.file, f->loc.file))
			return 1;
	return 0;
}

int fix_requests_from_diag(const struct kc_diag *d, struct fix_request **reqs,
			   size_t *n, struct kc_err *err)
{
	KC_VEC(struct fix_request) v = { NULL, 0, 0 };
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		const struct kc_finding *f = d->v[i];
		const struct kc_rule_info *ri = kc_rule_info(f->rule);
		const char *script = f->fix ? f->fix : ri ? ri->fix : NULL;
		struct fix_request r;
		int dup = 0;

		if (!script || !f->loc.file)
			continue;
		for (j = 0; j < v.n && !dup; j++)
			dup = !strcmp(v.v[j].file, f->loc.file) &&
			      !strcmp(v.v[j].script, script) &&
			      ((!v.v[j].function && !f->function) ||
			       (v.v[j].function && f->function &&
				!strcmp(v.v[j].function, f->function)));
		if (dup)
			continue;
		memset(&r, 0, sizeof(r));
		r.file = f->loc.file;
		r.function = alloc_elsewhere(f) ? NULL : f->function;
		r.script = script;
		if (KC_VEC_PUSH(&v, r)) {
			KC_VEC_FREE(&v);
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
		}
	}
	*reqs = v.v;
	*n = v.n;
	return 0;
}
