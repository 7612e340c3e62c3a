/* kbuild.c - kernel mode: the exact per-file clang commands from Kbuild.
 *
 * The trees we check are configured and prepared but not built, so there
 * are no .*.cmd files to read: we run Kbuild's dry run
 *   make -C TREE LLVM=-NN -n -k V=1 [dir/ | file.o ...]
 * (about 65 s for a whole x86_64 allmodconfig tree on one core, 22k TUs)
 * and take every compiler invocation that compiles a kernel C file
 * (-D__KERNEL__) under the requested paths. A dry run only prints the
 * commands of objects that are out of date, so for objects already built
 * the command comes from Kbuild's record of it, the first line of
 * .<obj>.o.cmd ("cmd_<obj> := ..." in 6.1, "savedcmd_<obj> := ..." in
 * 6.12); the dry run's command wins when both exist. The LLVM= suffix is derived
 * from the tree's .config (CONFIG_CC_IS_CLANG, CONFIG_CLANG_VERSION), so
 * the dry run never reconfigures the tree with another compiler;
 * $KSIZECHECK_MAKE_FLAGS overrides it.
 */
#define _GNU_SOURCE /* nftw FTW_ACTIONRETVAL */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver/genhdr.h"
#include "driver/run.h"
#include "util/strbuf.h"
#include "util/vec.h"

#define PREPARE_CMD "make LLVM=-19 allmodconfig && make LLVM=-19 prepare"

static int exists(const char *tree, const char *rel, int want_dir)
{
	char p[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", tree, rel) >= sizeof(p))
		return 0;
	if (stat(p, &st))
		return 0;
	return want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
}

/* Is tree a configured, prepared kernel tree? */
static int check_tree(const char *tree, struct kc_err *err)
{
	if (!exists(tree, ".", 1))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "kernel tree '%s' is not a directory", tree);
	if (!exists(tree, "Makefile", 0) || !exists(tree, "Kbuild", 0) ||
	    !exists(tree, "arch", 1) || !exists(tree, "include/linux", 1))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "'%s' is not a kernel source tree (no Makefile, Kbuild, arch/, include/linux/)",
				  tree);
	if (!exists(tree, ".config", 0) ||
	    !exists(tree, "include/config/auto.conf", 0))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "kernel tree '%s' is not configured: run '" PREPARE_CMD "' in it",
				  tree);
	if (!exists(tree, "include/generated/autoconf.h", 0) ||
	    !exists(tree, "include/generated/bounds.h", 0) ||
	    !exists(tree, "include/generated/asm-offsets.h", 0))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "kernel tree '%s' is not prepared: run 'make LLVM=-19 prepare' in it (after its config, e.g. '" PREPARE_CMD "')",
				  tree);
	return 0;
}

/* "LLVM=-19" for a tree configured with clang 19, NULL for gcc. */
static const char *llvm_flag(const char *tree, char *buf, size_t size)
{
	char p[PATH_MAX + 16], line[512];
	int clang = 0;
	long ver = 0;
	FILE *f;

	snprintf(p, sizeof(p), "%s/.config", tree);
	f = fopen(p, "r");
	if (!f)
		return NULL;
	while (fgets(line, sizeof(line), f)) {
		if (!strcmp(line, "CONFIG_CC_IS_CLANG=y\n"))
			clang = 1;
		else if (!strncmp(line, "CONFIG_CLANG_VERSION=", 21))
			ver = strtol(line + 21, NULL, 10);
	}
	fclose(f);
	if (!clang)
		return NULL;
	if (ver >= 10000)
		snprintf(buf, size, "LLVM=-%ld", ver / 10000);
	else
		snprintf(buf, size, "LLVM=1");
	return buf;
}

/* Normalises a user PATH to tree-relative; "" for the whole tree. */
static int rel_path(const char *tree_real, const char *tree, const char *path,
		    char *out, size_t size, int *is_dir, struct kc_err *err)
{
	char cand[PATH_MAX * 2], real[PATH_MAX];
	size_t tl = strlen(tree_real);
	struct stat st;

	if (path[0] == '/')
		snprintf(cand, sizeof(cand), "%s", path);
	else
		snprintf(cand, sizeof(cand), "%s/%s", tree, path);
	if (!realpath(cand, real) || stat(real, &st))
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "'%s' does not exist in kernel tree '%s'",
				  path, tree);
	if (strncmp(real, tree_real, tl) || (real[tl] && real[tl] != '/'))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "'%s' is outside kernel tree '%s'", path,
				  tree);
	*is_dir = S_ISDIR(st.st_mode);
	if (!*is_dir && !(strlen(real) > 2 &&
			  !strcmp(real + strlen(real) - 2, ".c")))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "'%s' is neither a directory nor a C file",
				  path);
	snprintf(out, size, "%s", real[tl] ? real + tl + 1 : "");
	return 0;
}

static int under(const char *file, char **prefixes, size_t n)
{
	if (!n)
		return 1;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(prefixes[i]);

		if (!l)
			return 1;
		if (!strncmp(file, prefixes[i], l) &&
		    (file[l] == '/' || file[l] == '\0' ||
		     prefixes[i][l - 1] == '/'))
			return 1;
	}
	return 0;
}

/* Set of the files already taken (a file appears once per compile, but a
 * dry run may print a command twice); open addressing on FNV-1a. */
struct seen_set {
	const char **slot;
	size_t cap, n;
};

static unsigned long long fnv(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* 1 if file was in the set, else adds it (the string must outlive the
 * set) and returns 0; -1 on OOM. */
static int seen_add(struct seen_set *s, const char *file)
{
	size_t i;

	if (2 * (s->n + 1) > s->cap) {
		struct seen_set b = { 0 };

		b.cap = s->cap ? 2 * s->cap : 1024;
		b.slot = calloc(b.cap, sizeof(*b.slot));
		if (!b.slot)
			return -1;
		for (i = 0; i < s->cap; i++)
			if (s->slot[i])
				seen_add(&b, s->slot[i]);
		free(s->slot);
		*s = b;
	}
	for (i = fnv(file) & (s->cap - 1); s->slot[i];
	     i = (i + 1) & (s->cap - 1))
		if (!strcmp(s->slot[i], file))
			return 1;
	s->slot[i] = file;
	s->n++;
	return 0;
}

/* One line of the dry run: adds the kernel C compiles it contains. */
static int scan_line(const char *line, const char *tree_real,
		     char **prefixes, size_t nprefixes, struct kc_tu_list *l,
		     struct seen_set *seen)
{
	char **w;
	int n, ret = 0;

	if (!strstr(line, "-D__KERNEL__") || !strstr(line, " -c "))
		return 0;
	w = kc_shell_split(line, 1, &n);
	if (!w)
		return n < 0 ? 0 : -KC_ENOMEM;
	for (int s = 0; s < n;) {
		int e = s, has_c = 0, kernel = 0;
		const char *src = NULL, *cc;

		while (e < n && strcmp(w[e], ";") && strcmp(w[e], "&") &&
		       strcmp(w[e], "|"))
			e++;
		cc = strrchr(w[s], '/') ? strrchr(w[s], '/') + 1 : w[s];
		if (e > s && (strstr(cc, "clang") || strstr(cc, "gcc") ||
			      !strcmp(cc, "cc"))) {
			for (int i = s + 1; i < e; i++) {
				size_t len = strlen(w[i]);

				if (!strcmp(w[i], "-c"))
					has_c = 1;
				else if (!strcmp(w[i], "-D__KERNEL__"))
					kernel = 1;
				else if (w[i][0] != '-' && len > 2 &&
					 !strcmp(w[i] + len - 2, ".c") &&
					 strcmp(w[i - 1], "-o"))
					src = w[i];
			}
		}
		if (has_c && kernel && src) {
			if (!strncmp(src, "./", 2))
				src += 2;
			if (under(src, prefixes, nprefixes)) {
				size_t at = l->n;

				ret = kc_tu_list_add(l, tree_real, src,
						     w + s + 1, e - s - 1);
				if (ret)
					break;
				if (!exists(tree_real, src, 0))
					l->v[at].skip = KC_SKIP_GENERATED;
				ret = seen_add(seen, l->v[at].file);
				if (ret) {
					/* a duplicate: drop it again */
					l->n--;
					kc_tu_free(&l->v[at]);
					ret = ret < 0 ? -KC_ENOMEM : 0;
					if (ret)
						break;
				}
			}
		}
		s = e + 1;
	}
	kc_argv_free(w);
	return ret;
}

/* State for the nftw() walk over .*.o.cmd files (nftw has no user data) */
static struct {
	const char *tree_real;
	char **prefixes;
	size_t nprefixes;
	struct kc_tu_list *l;
	struct seen_set *seen;
	struct kc_strbuf line;
	int ret;
} walk;

static int cmd_file(const char *path, const struct stat *st, int type,
		    struct FTW *ftw)
{
	const char *base = path + ftw->base, *cmd;
	size_t len = strlen(base);
	FILE *f;
	int c;

	(void)st;
	if (type == FTW_D && base[0] == '.' && ftw->level > 0)
		return FTW_SKIP_SUBTREE; /* .git, .tmp_versions, ... */
	if (type != FTW_F || base[0] != '.' || len < 7 ||
	    strcmp(base + len - 6, ".o.cmd"))
		return FTW_CONTINUE;
	f = fopen(path, "r");
	if (!f)
		return FTW_CONTINUE;
	kc_strbuf_reset(&walk.line);
	while ((c = getc(f)) != EOF && c != '\n')
		if (kc_strbuf_addch(&walk.line, c)) {
			walk.ret = -KC_ENOMEM;
			break;
		}
	fclose(f);
	cmd = strstr(walk.line.buf, " := ");
	if (walk.ret || !cmd || (strncmp(walk.line.buf, "cmd_", 4) &&
				 strncmp(walk.line.buf, "savedcmd_", 9)))
		return walk.ret ? FTW_STOP : FTW_CONTINUE;
	walk.ret = scan_line(cmd + 4, walk.tree_real, walk.prefixes,
			     walk.nprefixes, walk.l, walk.seen);
	return walk.ret ? FTW_STOP : FTW_CONTINUE;
}

/* Adds the TUs recorded in .*.o.cmd files under the prefixes. */
static int scan_cmd_files(const char *tree_real, char **prefixes,
			  size_t nprefixes, struct kc_tu_list *l,
			  struct seen_set *seen)
{
	char root[PATH_MAX * 2];

	memset(&walk, 0, sizeof(walk));
	kc_strbuf_init(&walk.line);
	walk.tree_real = tree_real;
	walk.prefixes = prefixes;
	walk.nprefixes = nprefixes;
	walk.l = l;
	walk.seen = seen;
	for (size_t i = 0; i <= nprefixes && !walk.ret; i++) {
		struct stat st;

		if (i == nprefixes && nprefixes)
			break;
		if (!nprefixes || !prefixes[i][0])
			snprintf(root, sizeof(root), "%s", tree_real);
		else
			snprintf(root, sizeof(root), "%s/%s", tree_real,
				 prefixes[i]);
		if (!stat(root, &st) && !S_ISDIR(st.st_mode)) {
			char *slash = strrchr(root, '/');

			if (slash)
				*slash = '\0';
		}
		nftw(root, cmd_file, 32, FTW_PHYS | FTW_ACTIONRETVAL);
		if (!nprefixes || !prefixes[i][0])
			break;
	}
	kc_strbuf_release(&walk.line);
	return walk.ret;
}

int kc_kbuild_load(const char *tree, const struct kc_strlist *paths,
		   struct kc_tu_list *l, struct kc_err *err)
{
	char tree_real[PATH_MAX], llvm[32];
	KC_VEC(char *) argv = { 0 };
	KC_VEC(char *) prefixes = { 0 };
	struct kc_strbuf line = KC_STRBUF_INIT;
	struct seen_set seen = { 0 };
	const char *mf = getenv("KSIZECHECK_MAKE_FLAGS");
	char **mfv = NULL;
	size_t first = l->n;
	int ret, status, pfd[2], c, nmf = 0;
	FILE *in;
	pid_t pid;

	ret = check_tree(tree, err);
	if (ret)
		return ret;
	if (!realpath(tree, tree_real))
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "cannot resolve '%s': %s", tree,
				  strerror(errno));
	KC_VEC_PUSH(&argv, strdup("make"));
	KC_VEC_PUSH(&argv, strdup("-C"));
	KC_VEC_PUSH(&argv, strdup(tree_real));
	if (mf) {
		mfv = kc_shell_split(mf, 0, &nmf);
		for (int i = 0; mfv && i < nmf; i++)
			KC_VEC_PUSH(&argv, strdup(mfv[i]));
		kc_argv_free(mfv);
	} else if (llvm_flag(tree_real, llvm, sizeof(llvm))) {
		KC_VEC_PUSH(&argv, strdup(llvm));
	}
	/* the same make builds the generated headers (genhdr.h) */
	if (!l->gen && !(l->gen = kc_genhdr_new(tree, tree_real, argv.v,
						argv.n))) {
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	KC_VEC_PUSH(&argv, strdup("-n"));
	KC_VEC_PUSH(&argv, strdup("-k"));
	KC_VEC_PUSH(&argv, strdup("V=1"));
	for (size_t i = 0; paths && i < paths->n; i++) {
		char rel[PATH_MAX];
		struct kc_strbuf t = KC_STRBUF_INIT;
		int is_dir = 0;

		ret = rel_path(tree_real, tree, paths->v[i], rel, sizeof(rel),
			       &is_dir, err);
		if (ret)
			goto out;
		if (!rel[0]) {
			KC_VEC_PUSH(&prefixes, strdup(""));
			continue;
		}
		if (is_dir)
			kc_strbuf_addf(&t, "%s/", rel);
		else
			kc_strbuf_addf(&t, "%.*s.o", (int)strlen(rel) - 2, rel);
		KC_VEC_PUSH(&argv, kc_strbuf_detach(&t));
		KC_VEC_PUSH(&prefixes, strdup(rel));
	}
	KC_VEC_PUSH(&argv, NULL);

	if (pipe(pfd))
		return kc_err_set(err, KC_ECHILD, NULL, 0, 0,
				  "cannot create a pipe: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		ret = kc_err_set(err, KC_ECHILD, NULL, 0, 0,
				 "cannot fork make: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		goto out;
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);

		dup2(pfd[1], 1);
		if (devnull >= 0)
			dup2(devnull, 2);
		close(pfd[0]);
		close(pfd[1]);
		execvp("make", argv.v);
		_exit(127);
	}
	close(pfd[1]);
	in = fdopen(pfd[0], "r");
	while (in && (c = getc(in)) != EOF) {
		if (c != '\n') {
			if (kc_strbuf_addch(&line, c))
				ret = -KC_ENOMEM;
			continue;
		}
		if (!ret)
			ret = scan_line(line.buf, tree_real, prefixes.v,
					prefixes.n, l, &seen);
		kc_strbuf_reset(&line);
	}
	if (in)
		fclose(in);
	else
		close(pfd[0]);
	waitpid(pid, &status, 0);
	if (!ret)
		ret = scan_cmd_files(tree_real, prefixes.v, prefixes.n, l,
				     &seen);
	if (ret) {
		kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		ret = kc_err_set(err, KC_ECHILD, NULL, 0, 0,
				 "cannot run 'make': is it installed?");
		goto out;
	}
	if (l->n == first)
		ret = kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				 "Kbuild dry run found no C files to check in '%s'%s (try 'make -C %s -n V=1 <dir>/')",
				 tree, paths && paths->n ? " under the given paths" : "",
				 tree);
out:
	free(seen.slot);
	kc_strbuf_release(&line);
	for (size_t i = 0; i < argv.n; i++)
		free(argv.v[i]);
	KC_VEC_FREE(&argv);
	for (size_t i = 0; i < prefixes.n; i++)
		free(prefixes.v[i]);
	KC_VEC_FREE(&prefixes);
	return ret;
}
