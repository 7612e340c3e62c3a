/* run.c - kc-testrun: the annotated-test runner.
 *
 *   kc-testrun --ksizecheck PATH [--include DIR] [--verbose] FILE.c...
 *
 * Each FILE carries its expectations on the line they concern, in any
 * comment:
 *
 *   memset(p, 0, ksize(p));   expect: slack-write "bucket 128"
 *
 * (written inside a C comment). "expect:" is followed by comma-separated
 * rule ids, each optionally followed by a double-quoted substring that the
 * message must contain. "known-to-fail" on a line marks the line's
 * expectation as an expected miss (XFAIL); if it passes, the runner says
 * XPASS and fails, so the marker gets removed. A line with no expect: must
 * produce no finding. One optional "ksizecheck-args: ..." comment in the
 * first 20 lines gives extra arguments; those after "--" are compiler
 * flags. The runner adds "-- -I DIR" for --include.
 *
 * ksizecheck runs with its default text output; every
 * "FILE:LINE:COL: warning|error: MSG [RULE]" line for the file under test
 * is a finding. Exit status of ksizecheck must be 0 or 1.
 *
 * Output: one PASS/FAIL/XFAIL line per file, details of each mismatch,
 * and a closing "N passed, M failed" line. Exit 0 when all passed.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 256

struct expect {
	unsigned line;
	char rule[64];
	char substr[256];
	int xfail;
	int matched;
};

struct actual {
	unsigned line;
	char rule[64];
	char *msg;
	int matched;
};

struct filetest {
	struct expect *ex;
	size_t nex, capex;
	struct actual *ac;
	size_t nac, capac;
	char *args[MAX_ARGS];
	int nargs;
	unsigned char *xfail_lines; /* per line: known-to-fail */
	unsigned nlines;
};

static int verbose;

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!f)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			char *nb = realloc(buf, cap ? cap * 2 : 8192);

			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
			cap = cap ? cap * 2 : 8192;
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		if (!r)
			break;
		n += r;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static void add_expect(struct filetest *t, unsigned line, const char *rule,
		       size_t rlen, const char *sub, size_t slen)
{
	struct expect *e;

	if (t->nex == t->capex) {
		t->capex = t->capex ? t->capex * 2 : 16;
		t->ex = realloc(t->ex, t->capex * sizeof(*t->ex));
		if (!t->ex) {
			perror("kc-testrun");
			exit(2);
		}
	}
	e = &t->ex[t->nex++];
	memset(e, 0, sizeof(*e));
	e->line = line;
	snprintf(e->rule, sizeof(e->rule), "%.*s", (int)rlen, rule);
	if (sub)
		snprintf(e->substr, sizeof(e->substr), "%.*s", (int)slen, sub);
}

/* Parses "expect: a, b \"text\", c" starting after "expect:". */
static void parse_expect(struct filetest *t, unsigned line, const char *p)
{
	for (;;) {
		const char *r, *sub = NULL;
		size_t rlen, slen = 0;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		r = p;
		while (isalnum((unsigned char)*p) || *p == '-' || *p == '_')
			p++;
		rlen = (size_t)(p - r);
		if (!rlen)
			return;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');

			if (q) {
				sub = p + 1;
				slen = (size_t)(q - sub);
				p = q + 1;
			}
		}
		add_expect(t, line, r, rlen, sub, slen);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != ',')
			return;
	}
}

static void split_args(struct filetest *t, const char *p)
{
	while (*p && t->nargs < MAX_ARGS - 8) {
		const char *s;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || (p[0] == '*' && p[1] == '/'))
			break;
		s = p;
		while (*p && *p != ' ' && *p != '\t' &&
		       !(p[0] == '*' && p[1] == '/'))
			p++;
		t->args[t->nargs++] = strndup(s, (size_t)(p - s));
	}
}

static int scan_file(struct filetest *t, const char *path)
{
	char *text = read_all(path, NULL), *line, *save = NULL;
	unsigned lineno = 0;

	if (!text) {
		fprintf(stderr, "kc-testrun: cannot read '%s': %s\n", path,
			strerror(errno));
		return -1;
	}
	for (line = text; line; line = save) {
		char *nl = strchr(line, '\n');
		const char *m;

		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		lineno++;
		m = strstr(line, "expect:");
		if (m)
			parse_expect(t, lineno, m + 7);
		if (strstr(line, "known-to-fail")) {
			t->xfail_lines = realloc(t->xfail_lines, lineno + 1);
			memset(t->xfail_lines + t->nlines, 0,
			       lineno + 1 - t->nlines);
			t->nlines = lineno + 1;
			t->xfail_lines[lineno] = 1;
		}
		m = strstr(line, "ksizecheck-args:");
		if (m && lineno <= 20)
			split_args(t, m + 16);
	}
	free(text);
	return 0;
}

static int is_xfail_line(const struct filetest *t, unsigned line)
{
	return line < t->nlines && t->xfail_lines[line];
}

/* Runs argv, captures stdout into *out; returns the exit status or -1. */
static int run_capture(char **argv, char **out)
{
	int pfd[2], status;
	pid_t pid;
	size_t n = 0, cap = 8192;
	char *buf = malloc(cap);
	ssize_t r;

	if (!buf || pipe(pfd))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		dup2(pfd[1], 1);
		close(pfd[0]);
		close(pfd[1]);
		execv(argv[0], argv);
		fprintf(stderr, "kc-testrun: cannot run '%s': %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	close(pfd[1]);
	for (;;) {
		if (cap - n < 4096) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				return -1;
		}
		r = read(pfd[0], buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	*out = buf;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Parses ksizecheck's text output for findings in file. */
static void parse_output(struct filetest *t, const char *file, char *out)
{
	size_t flen = strlen(file);
	char *line, *next;

	for (line = out; line && *line; line = next) {
		char *nl = strchr(line, '\n'), *p, *rb, *lb;
		unsigned ln;
		struct actual *a;

		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		if (strncmp(line, file, flen) || line[flen] != ':')
			continue;
		p = line + flen + 1;
		ln = (unsigned)strtoul(p, &p, 10);
		if (*p == ':' && isdigit((unsigned char)p[1]))
			strtoul(p + 1, &p, 10);
		if (strncmp(p, ": warning: ", 11) && strncmp(p, ": error: ", 9))
			continue;
		rb = strrchr(line, ']');
		lb = strrchr(line, '[');
		if (!rb || !lb || lb > rb || rb[1])
			continue;
		if (t->nac == t->capac) {
			t->capac = t->capac ? t->capac * 2 : 16;
			t->ac = realloc(t->ac, t->capac * sizeof(*t->ac));
			if (!t->ac) {
				perror("kc-testrun");
				exit(2);
			}
		}
		a = &t->ac[t->nac++];
		memset(a, 0, sizeof(*a));
		a->line = ln;
		snprintf(a->rule, sizeof(a->rule), "%.*s", (int)(rb - lb - 1),
			 lb + 1);
		a->msg = strdup(p + 2);
	}
}

/* Returns 1 pass, 0 fail, 2 xfail. */
static int check_file(const char *ksc, const char *include, const char *file)
{
	struct filetest t;
	char *argv[MAX_ARGS + 16], *out = NULL;
	int argc = 0, i, status, have_dd = 0, fail = 0, xfail = 0;
	size_t a, e;

	memset(&t, 0, sizeof(t));
	if (scan_file(&t, file))
		return 0;
	argv[argc++] = (char *)ksc;
	for (i = 0; i < t.nargs; i++)
		if (!strcmp(t.args[i], "--"))
			break;
		else
			argv[argc++] = t.args[i];
	argv[argc++] = (char *)file;
	argv[argc++] = "--";
	have_dd = i < t.nargs;
	if (include) {
		argv[argc++] = "-I";
		argv[argc++] = (char *)include;
	}
	if (have_dd)
		for (i++; i < t.nargs; i++)
			argv[argc++] = t.args[i];
	argv[argc] = NULL;
	if (verbose) {
		fprintf(stderr, "+");
		for (i = 0; i < argc; i++)
			fprintf(stderr, " %s", argv[i]);
		fprintf(stderr, "\n");
	}
	status = run_capture(argv, &out);
	if (status != 0 && status != 1) {
		printf("FAIL %s: ksizecheck exited with status %d\n", file,
		       status);
		if (out)
			fputs(out, stdout);
		return 0;
	}
	parse_output(&t, file, out);

	/* first pass: exact rule + substring matches */
	for (e = 0; e < t.nex; e++)
		for (a = 0; a < t.nac; a++) {
			if (t.ac[a].matched || t.ac[a].line != t.ex[e].line ||
			    strcmp(t.ac[a].rule, t.ex[e].rule))
				continue;
			if (t.ex[e].substr[0] &&
			    !strstr(t.ac[a].msg, t.ex[e].substr))
				continue;
			t.ac[a].matched = t.ex[e].matched = 1;
			break;
		}
	for (e = 0; e < t.nex; e++) {
		if (t.ex[e].matched)
			continue;
		if (is_xfail_line(&t, t.ex[e].line)) {
			xfail = 1;
			continue;
		}
		printf("  %s:%u: missing finding [%s]%s%s%s\n", file,
		       t.ex[e].line, t.ex[e].rule,
		       t.ex[e].substr[0] ? " with \"" : "", t.ex[e].substr,
		       t.ex[e].substr[0] ? "\"" : "");
		fail = 1;
	}
	for (a = 0; a < t.nac; a++) {
		if (t.ac[a].matched)
			continue;
		if (is_xfail_line(&t, t.ac[a].line)) {
			xfail = 1;
			continue;
		}
		printf("  %s:%u: unexpected finding [%s]: %s\n", file,
		       t.ac[a].line, t.ac[a].rule, t.ac[a].msg);
		fail = 1;
	}
	if (!fail && !xfail) {
		/* a known-to-fail line that now passes: XPASS */
		unsigned l;

		for (l = 0; l < t.nlines; l++)
			if (t.xfail_lines[l]) {
				printf("XPASS %s:%u: remove known-to-fail\n",
				       file, l);
				fail = 1;
			}
	}
	printf("%s %s\n", fail ? "FAIL" : xfail ? "XFAIL" : "PASS", file);
	for (a = 0; a < t.nac; a++)
		free(t.ac[a].msg);
	free(t.ac);
	free(t.ex);
	free(t.xfail_lines);
	for (i = 0; i < t.nargs; i++)
		free(t.args[i]);
	free(out);
	return fail ? 0 : xfail ? 2 : 1;
}

int main(int argc, char **argv)
{
	const char *ksc = NULL, *include = NULL;
	int i, passed = 0, failed = 0, xfailed = 0, nfiles = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ksizecheck") && i + 1 < argc)
			ksc = argv[++i];
		else if (!strcmp(argv[i], "--include") && i + 1 < argc)
			include = argv[++i];
		else if (!strcmp(argv[i], "--verbose"))
			verbose = 1;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "kc-testrun: unknown option '%s'\n",
				argv[i]);
			return 2;
		} else {
			int r;

			if (!ksc) {
				fprintf(stderr,
					"kc-testrun: --ksizecheck PATH is required\n");
				return 2;
			}
			nfiles++;
			r = check_file(ksc, include, argv[i]);
			if (r == 1)
				passed++;
			else if (r == 2)
				xfailed++;
			else
				failed++;
		}
	}
	if (!nfiles) {
		fprintf(stderr, "usage: kc-testrun --ksizecheck PATH "
				"[--include DIR] [--verbose] FILE.c...\n");
		return 2;
	}
	if (xfailed)
		printf("%d passed, %d failed, %d xfail\n", passed, failed,
		       xfailed);
	else
		printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
