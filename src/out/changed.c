/* changed.c - `--changed-since REV`: which TUs a patch can affect.
 *
 * Touched files are `git diff --name-only REV` (tracked files changed
 * since REV, committed or not) plus untracked files (`git ls-files
 * --others --exclude-standard`). A TU is kept when its source file is
 * touched or when it includes a touched header, directly or through other
 * headers. Includes come from, in order:
 *  1. Kbuild's dependency file next to the object (dir/.name.o.cmd, the
 *     `deps_...` list fixdep writes): exact and cheap after a build;
 *  2. otherwise a scan of #include lines, resolved against the including
 *     file's directory, the given include directories and <top>/include,
 *     memoized per header. An include whose name is a path suffix of a
 *     touched header ("linux/slab.h" vs "include/linux/slab.h") counts
 *     even when it cannot be resolved, so the scan errs on checking more.
 * Conditional includes (#ifdef) are all followed: again more, not less.
 */
#include "out/output.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/strbuf.h"

struct memo {
	char *path;
	int state; /* 1 visiting, 2 no, 3 yes */
};

struct changed {
	char top[PATH_MAX];
	char **files;          /* touched files, absolute */
	size_t nfiles;
	const char *const *incdirs;
	size_t nincdirs;
	struct memo *memo;     /* open addressing */
	size_t memo_cap, memo_n;
};

/* Runs git with argv (NULL-terminated, argv[0] = "git") in dir and
 * collects stdout. Returns 0, or -KC_ECHILD with err. */
static int run_git(const char *dir, char *const argv[], struct kc_strbuf *out,
		   struct kc_err *err)
{
	int fd[2], status;
	pid_t pid;
	char buf[8192];
	ssize_t n;

	if (pipe(fd))
		return kc_err_set(err, KC_ECHILD, NULL, 0, 0,
				  "cannot run git: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return kc_err_set(err, KC_ECHILD, NULL, 0, 0,
				  "cannot run git: %s", strerror(errno));
	}
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		if (dir && chdir(dir))
			_exit(127);
		execvp("git", argv);
		_exit(127);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, sizeof(buf))) > 0)
		if (kc_strbuf_add(out, buf, (size_t)n))
			break;
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return kc_err_set(err, KC_ECHILD, NULL, 0, 0,
				  "'git %s %s' failed (exit %d)", argv[1],
				  argv[2] ? argv[2] : "",
				  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

static int add_lines(struct changed *c, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, "\n");
		char **nv;

		if (n) {
			nv = realloc(c->files, (c->nfiles + 1) * sizeof(*nv));
			if (!nv)
				return -KC_ENOMEM;
			c->files = nv;
			nv[c->nfiles] = malloc(strlen(c->top) + n + 2);
			if (!nv[c->nfiles])
				return -KC_ENOMEM;
			sprintf(nv[c->nfiles], "%s/%.*s", c->top, (int)n, p);
			c->nfiles++;
		}
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

static int is_touched(const struct changed *c, const char *abs)
{
	size_t i;

	for (i = 0; i < c->nfiles; i++)
		if (!strcmp(c->files[i], abs))
			return 1;
	return 0;
}

/* A touched non-.c file whose path ends in "/name". */
static int suffix_touched(const struct changed *c, const char *name)
{
	size_t nl = strlen(name), i;

	for (i = 0; i < c->nfiles; i++) {
		size_t fl = strlen(c->files[i]);

		if (fl > nl && c->files[i][fl - nl - 1] == '/' &&
		    !strcmp(c->files[i] + fl - nl, name))
			return 1;
	}
	return 0;
}

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static struct memo *memo_get(struct changed *c, const char *path)
{
	size_t i;

	if (c->memo_n * 2 >= c->memo_cap) {
		size_t ncap = c->memo_cap ? 2 * c->memo_cap : 1024, j;
		struct memo *nm = calloc(ncap, sizeof(*nm));

		if (!nm)
			return NULL;
		for (j = 0; j < c->memo_cap; j++) {
			if (!c->memo[j].path)
				continue;
			i = hash_str(c->memo[j].path) & (ncap - 1);
			while (nm[i].path)
				i = (i + 1) & (ncap - 1);
			nm[i] = c->memo[j];
		}
		free(c->memo);
		c->memo = nm;
		c->memo_cap = ncap;
	}
	i = hash_str(path) & (c->memo_cap - 1);
	while (c->memo[i].path && strcmp(c->memo[i].path, path))
		i = (i + 1) & (c->memo_cap - 1);
	if (!c->memo[i].path) {
		c->memo[i].path = strdup(path);
		if (!c->memo[i].path)
			return NULL;
		c->memo_n++;
	}
	return &c->memo[i];
}

static int exists(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISREG(st.st_mode);
}

static int resolve(const struct changed *c, const char *from_dir,
		   const char *name, int quoted, char *out, size_t size)
{
	char tmp[PATH_MAX];
	size_t i;

	if (quoted && (size_t)snprintf(tmp, sizeof(tmp), "%s/%s", from_dir,
				       name) < sizeof(tmp) && exists(tmp))
		return realpath(tmp, out) ? 0 : -1;
	for (i = 0; i < c->nincdirs; i++)
		if ((size_t)snprintf(tmp, sizeof(tmp), "%s/%s", c->incdirs[i],
				     name) < sizeof(tmp) && exists(tmp))
			return realpath(tmp, out) ? 0 : -1;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/include/%s", c->top,
			     name) < sizeof(tmp) && exists(tmp))
		return realpath(tmp, out) ? 0 : -1;
	(void)size;
	return -1;
}

static int includes_touched(struct changed *c, const char *path, int depth);

static char *next_line(char *p)
{
	p = strchr(p, '\n');
	return p ? p + 1 : NULL;
}

/* Scans the #include lines of path. 1 yes, 0 no, <0 OOM. */
static int scan_includes(struct changed *c, const char *path, int depth)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	char dir[PATH_MAX], *slash, *p;
	int ret = 0;

	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		return 0;
	}
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	for (p = sb.buf; p && *p && !ret; p = next_line(p)) {
		char name[PATH_MAX], res[PATH_MAX];
		const char *q = p;
		size_t n;
		char close;

		while (*q == ' ' || *q == '\t')
			q++;
		if (*q++ != '#')
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (strncmp(q, "include", 7))
			continue;
		q += 7;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '"' && *q != '<')
			continue;
		close = *q == '"' ? '"' : '>';
		n = strcspn(q + 1, close == '"' ? "\"\n" : ">\n");
		if (q[1 + n] != close || n >= sizeof(name))
			continue;
		memcpy(name, q + 1, n);
		name[n] = '\0';
		if (suffix_touched(c, name)) {
			ret = 1;
			break;
		}
		if (resolve(c, dir, name, close == '"', res, sizeof(res)))
			continue;
		if (is_touched(c, res)) {
			ret = 1;
			break;
		}
		ret = includes_touched(c, res, depth + 1);
	}
	kc_strbuf_release(&sb);
	return ret;
}

/* Kbuild: dir/.name.o.cmd next to dir/name.c. 1/0 when it exists, -1
 * when there is none. */
static int kbuild_deps(struct changed *c, const char *src)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	char cmd[PATH_MAX], *p;
	const char *base = strrchr(src, '/');
	size_t dl = base ? (size_t)(base - src) : 0;
	size_t bl;
	int ret = 0;

	base = base ? base + 1 : src;
	bl = strlen(base);
	if (bl < 3 || strcmp(base + bl - 2, ".c"))
		return -1;
	snprintf(cmd, sizeof(cmd), "%.*s%s.%.*s.o.cmd", (int)dl, src,
		 dl ? "/" : "", (int)(bl - 2), base);
	if (kc_strbuf_read_file(&sb, cmd)) {
		kc_strbuf_release(&sb);
		return -1;
	}
	p = strstr(sb.buf, "\ndeps_");
	while (p && *p && !ret) {
		char tok[PATH_MAX], abs[2 * PATH_MAX + 2];
		size_t n;

		p += strspn(p, " \t\\\n");
		if (!strncmp(p, "$(wildcard", 10)) {
			p = strchr(p, ')');
			continue;
		}
		n = strcspn(p, " \t\\\n");
		if (!n || n >= sizeof(tok))
			break;
		memcpy(tok, p, n);
		tok[n] = '\0';
		p += n;
		if (!strcmp(tok, ":="))
			continue;
		if (strchr(tok, ':'))
			break; /* the rule after the list */
		if ((size_t)snprintf(abs, sizeof(abs), "%s/%s",
				     tok[0] == '/' ? "" : c->top,
				     tok[0] == '/' ? tok + 1 : tok) >=
		    sizeof(abs))
			continue;
		if (is_touched(c, abs))
			ret = 1;
	}
	kc_strbuf_release(&sb);
	return ret;
}

static int includes_touched(struct changed *c, const char *path, int depth)
{
	struct memo *m;
	int r;

	if (depth > 64)
		return 0;
	m = memo_get(c, path);
	if (!m)
		return -KC_ENOMEM;
	if (m->state)
		return m->state == 3;
	m->state = 1;
	r = scan_includes(c, path, depth);
	m = memo_get(c, path); /* the table may have moved */
	if (!m)
		return -KC_ENOMEM;
	m->state = r == 1 ? 3 : 2;
	return r;
}

static void changed_release(struct changed *c)
{
	size_t i;

	for (i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	for (i = 0; i < c->memo_cap; i++)
		free(c->memo[i].path);
	free(c->memo);
}

int out_changed_since(const char *rev, const char *const *files, size_t n,
		      const char *const *incdirs, size_t nincdirs,
		      unsigned char *keep, struct kc_err *err)
{
	char *top_argv[] = { "git", "rev-parse", "--show-toplevel", NULL };
	char *diff_argv[] = { "git", "diff", "--name-only", NULL, "--",
			      NULL };
	char *new_argv[] = { "git", "ls-files", "--others",
			     "--exclude-standard", "--full-name", NULL };
	struct kc_strbuf out = KC_STRBUF_INIT;
	struct changed c;
	int headers = 0, ret;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.incdirs = incdirs;
	c.nincdirs = nincdirs;
	memset(keep, 0, n);
	ret = run_git(NULL, top_argv, &out, err);
	if (ret)
		goto done;
	snprintf(c.top, sizeof(c.top), "%.*s", (int)strcspn(out.buf, "\n"),
		 out.buf);
	kc_strbuf_reset(&out);
	diff_argv[3] = (char *)rev;
	ret = run_git(c.top, diff_argv, &out, err);
	if (!ret)
		ret = add_lines(&c, out.buf);
	kc_strbuf_reset(&out);
	if (!ret)
		ret = run_git(c.top, new_argv, &out, err);
	if (!ret)
		ret = add_lines(&c, out.buf);
	if (ret)
		goto done;
	for (i = 0; i < c.nfiles; i++) {
		size_t l = strlen(c.files[i]);

		if (l < 2 || strcmp(c.files[i] + l - 2, ".c"))
			headers = 1;
	}
	for (i = 0; i < n && !ret; i++) {
		char abs[PATH_MAX];
		int r;

		if (!realpath(files[i], abs))
			continue;
		if (is_touched(&c, abs)) {
			keep[i] = 1;
			continue;
		}
		if (!headers)
			continue;
		r = kbuild_deps(&c, abs);
		if (r < 0)
			r = includes_touched(&c, abs, 0);
		if (r < 0)
			ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					 "out of memory");
		else
			keep[i] = (unsigned char)r;
	}
done:
	kc_strbuf_release(&out);
	changed_release(&c);
	return ret;
}
