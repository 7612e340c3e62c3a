/* main.c - ksizecheck: options -> TU list -> kc_run() -> output -> exit.
 *
 * Exit status: 0 no findings (per --fail-on) and every file parsed; 1
 * findings; 2 usage or input error, or a file that failed or hit an
 * internal error; 130 interrupted. In the CHECK= form (called by Kbuild
 * once per file) findings do not fail the build unless --fail-on is
 * given, like sparse, and no summary is printed unless --stats.
 */
#include <clang-c/Index.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/opts.h"
#include "diag/diag.h"
#include "driver/env.h"
#include "driver/run.h"

#if defined(__has_include)
#if __has_include("model/slab.c")
#define KC_HAVE_MODEL 1
#include "model/slab.h"
#endif
#if __has_include("out/merge.c")
#define KC_HAVE_MERGE 1
#include "out/output.h"
#endif
#endif

static int die_usage(const struct kc_err *err)
{
	char buf[2048];

	kc_err_format(err, buf, sizeof(buf));
	fprintf(stderr, "ksizecheck: %s\n", buf);
	return 2;
}

static int list_rules(void)
{
	for (int i = 0; i < KC_RULE_COUNT; i++) {
		const struct kc_rule_info *r = kc_rule_info(i);

		printf("%-24s %-8s %s\n", r->id,
		       r->severity == KC_SEV_ERROR ? "error" : "warning",
		       r->summary);
	}
	return 0;
}

/* FILE mode: every input must be a readable .c file. */
static int check_inputs(const struct kc_opts *o, struct kc_err *err)
{
	for (size_t i = 0; i < o->inputs.n; i++) {
		const char *f = o->inputs.v[i];
		size_t len = strlen(f);
		struct stat st;

		if (stat(f, &st))
			return kc_err_set(err, KC_EIO, NULL, 0, 0,
					  "cannot open '%s': %s", f,
					  strerror(errno));
		if (S_ISDIR(st.st_mode))
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "'%s' is a directory (use -p DIR or 'ksizecheck kernel')",
					  f);
		if (len < 3 || strcmp(f + len - 2, ".c"))
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "'%s' is not a C source file (expected FILE.c)",
					  f);
		if (access(f, R_OK))
			return kc_err_set(err, KC_EIO, NULL, 0, 0,
					  "cannot read '%s': %s", f,
					  strerror(errno));
	}
	return 0;
}

static int build_tus(const struct kc_opts *o, struct kc_tu_list *tus,
		     struct kc_err *err)
{
	int ret = 0;

	switch (o->mode) {
	case KC_MODE_FILES:
		ret = check_inputs(o, err);
		for (size_t i = 0; !ret && i < o->inputs.n; i++)
			if (kc_tu_list_add(tus, NULL, o->inputs.v[i],
					   (char *const *)o->cflags.v,
					   (int)o->cflags.n))
				ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
						 "out of memory");
		break;
	case KC_MODE_COMPDB:
		for (size_t i = 0; i < o->inputs.n; i++)
			if (access(o->inputs.v[i], R_OK))
				return kc_err_set(err, KC_EIO, NULL, 0, 0,
						  "cannot open '%s': %s",
						  o->inputs.v[i],
						  strerror(errno));
		ret = kc_compdb_load(o->compdb, &o->inputs, tus, err);
		if (!ret && !tus->n)
			ret = kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					 o->inputs.n ?
					 "none of the given files is in compile database '%s'" :
					 "compile database '%s' has no C files",
					 o->compdb);
		break;
	case KC_MODE_CHECK:
		ret = kc_tus_from_check_args(o, tus, err);
		break;
	case KC_MODE_KERNEL:
		ret = kc_kbuild_load(o->tree ? o->tree : ".", &o->inputs, tus,
				     err);
		break;
	}
	return ret;
}

/* --sparse in the CHECK= form: run sparse with the same compiler
 * arguments; returns its exit status. */
static int run_sparse(const struct kc_opts *o)
{
	const char *sparse = getenv("SPARSE");
	char **argv = calloc(o->cflags.n + 2, sizeof(*argv));
	int status;
	pid_t pid;

	if (!sparse || !*sparse)
		sparse = "sparse";
	if (!argv)
		return 2;
	argv[0] = (char *)sparse;
	memcpy(argv + 1, o->cflags.v, o->cflags.n * sizeof(*argv));
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execvp(sparse, argv);
		fprintf(stderr, "ksizecheck: cannot run '%s': %s\n", sparse,
			strerror(errno));
		_exit(2);
	}
	free(argv);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return 2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

static int write_findings(const struct kc_opts *o, struct kc_diag *d,
			  const struct kc_run_stats *st, struct kc_err *err)
{
	FILE *f = stdout;
	int ret;

	(void)st;
	if (o->output) {
		f = fopen(o->output, "w");
		if (!f)
			return kc_err_set(err, KC_EIO, NULL, 0, 0,
					  "cannot write '%s': %s", o->output,
					  strerror(errno));
	}
	/*
	 * INTEGRATION (src/out): suppressions, baselines, fingerprints and
	 * the JSON/SARIF writers plug in here:
	 *   out_apply_suppressions(), out_apply_baseline(),
	 *   out_write_baseline(), out_write(d, fmt, &run_info, f, err)
	 * with run_info's accounting taken from *st.
	 */
	if (o->format != KC_FORMAT_TEXT) {
		ret = kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				 "--format=%s is not available in this build",
				 o->format == KC_FORMAT_JSON ? "json" : "sarif");
	} else {
		ret = kc_diag_write_text(d, f);
		if (ret)
			kc_err_set(err, KC_EIO, NULL, 0, 0,
				   "cannot write findings: %s",
				   strerror(errno));
	}
	if (f != stdout && fclose(f) && !ret)
		ret = kc_err_set(err, KC_EIO, NULL, 0, 0,
				 "cannot write '%s': %s", o->output,
				 strerror(errno));
	else if (f == stdout)
		fflush(stdout);
	return ret;
}

/* The kernel tree whose .config picks the slab configuration: --tree in
 * kernel mode; the current directory in the CHECK= form when it is a
 * configured tree (Kbuild runs the checker from the tree's top). */
static const char *slab_tree(const struct kc_opts *o)
{
	if (o->mode == KC_MODE_KERNEL)
		return o->tree ? o->tree : ".";
	if (o->mode == KC_MODE_CHECK && !access("Makefile", R_OK) &&
	    !access(".config", R_OK) && !access("Kbuild", R_OK))
		return ".";
	return NULL;
}

static int findings_exit(const struct kc_opts *o, const struct kc_diag *d)
{
	int fail_on = o->fail_on;

	if (o->mode == KC_MODE_CHECK && !o->fail_on_set)
		fail_on = KC_FAIL_NONE;
	switch (fail_on) {
	case KC_FAIL_NONE: return 0;
	case KC_FAIL_ERROR: return kc_diag_count(d, KC_SEV_ERROR) ? 1 : 0;
	case KC_FAIL_WARNING:
		return kc_diag_count(d, KC_SEV_WARNING) ? 1 : 0;
	default: return d->n ? 1 : 0;
	}
}

int main(int argc, char **argv)
{
	struct kc_opts o;
	struct kc_err err = { 0 };
	struct kc_tu_list tus = { 0 };
	struct kc_run_stats st;
	struct kc_diag diag;
	struct kc_env env;
	int ret, code;

	if (kc_opts_parse(&o, argc, argv, &err)) {
		kc_opts_release(&o);
		return die_usage(&err);
	}
	switch (o.mode) {
	case KC_MODE_HELP:
		kc_opts_usage(stdout);
		return 0;
	case KC_MODE_VERSION: {
		CXString v = clang_getClangVersion();

		printf("ksizecheck %s (libclang: %s)\n", KC_VERSION,
		       clang_getCString(v));
		clang_disposeString(v);
		return 0;
	}
	case KC_MODE_LIST_RULES:
		return list_rules();
	case KC_MODE_MODEL:
#ifdef KC_HAVE_MODEL
		return slab_model_main(o.sub_argc, o.sub_argv, kc_rules_dir(&o));
#else
		fprintf(stderr, "ksizecheck: 'model' is not available in this build\n");
		return 2;
#endif
	case KC_MODE_MERGE:
#ifdef KC_HAVE_MERGE
		return kc_merge_main(o.sub_argc, o.sub_argv);
#else
		fprintf(stderr, "ksizecheck: 'merge' is not available in this build\n");
		return 2;
#endif
	}

	ret = build_tus(&o, &tus, &err);
	if (ret) {
		kc_tu_list_release(&tus);
		kc_opts_release(&o);
		return die_usage(&err);
	}
	if (o.shard_count)
		kc_tu_list_shard(&tus, o.shard_index, o.shard_count);

	if (o.print) {
		ret = kc_tu_list_print(&o, &tus, stdout, &err);
		kc_tu_list_release(&tus);
		kc_opts_release(&o);
		return ret ? die_usage(&err) : 0;
	}
	ret = kc_env_init(&env, &o, slab_tree(&o), &err);
	if (ret) {
		kc_tu_list_release(&tus);
		kc_opts_release(&o);
		return die_usage(&err);
	}
	if (env.config_warning && !o.quiet)
		fprintf(stderr, "ksizecheck: warning: %s\n", env.config_warning);
	kc_diag_init(&diag);
	ret = kc_run(&o, &env.env, &tus, &diag, &st, &err);
	if (ret) {
		code = die_usage(&err);
		goto out;
	}
	ret = write_findings(&o, &diag, &st, &err);
	if (ret)
		die_usage(&err);
	if (o.stats || (!o.quiet && o.mode != KC_MODE_CHECK) ||
	    st.interrupted)
		kc_run_stats_print(&st, o.stats, stderr);

	if (st.interrupted)
		code = 130;
	else if (ret || st.failed || st.internal_errors)
		code = 2;
	else
		code = findings_exit(&o, &diag);
	if (o.sparse && o.mode == KC_MODE_CHECK && !st.interrupted) {
		int sc = run_sparse(&o);

		if (sc > code)
			code = sc;
	}
out:
	kc_env_release(&env);
	kc_diag_release(&diag);
	kc_tu_list_release(&tus);
	kc_opts_release(&o);
	return code;
}
