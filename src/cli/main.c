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

#include "cache/cache.h"
#include "cli/opts.h"
#include "diag/diag.h"
#include "driver/dbround.h"
#include "driver/env.h"
#include "driver/genhdr.h"
#include "prefilter/prefilter.h"
#include "driver/run.h"
#include "fix/fix.h"
#include "model/slab.h"
#include "out/html.h"
#include "out/output.h"
#include "util/rulesdir.h"

#if defined(__has_include)
#if __has_include("model/slab.c") || __has_include("model/model_cmd.c")
#define KC_HAVE_MODEL 1
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
					   (char *const *)o->run.cflags.v,
					   (int)o->run.cflags.n))
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
		ret = kc_tus_from_check_args(&o->run, tus, err);
		break;
	case KC_MODE_KERNEL:
		if (!o->out.quiet)
			fprintf(stderr,
				"ksizecheck: listing TUs with a Kbuild dry run of '%s' (about a minute for a whole tree)\n",
				o->tree ? o->tree : ".");
		ret = kc_kbuild_load(o->tree ? o->tree : ".", &o->inputs, tus,
				     err);
		if (!ret && o->build_generated)
			kc_genhdr_set_build(tus->gen, kc_run_opts_jobs(&o->run));
		break;
	}
	return ret;
}

/* --sparse in the CHECK= form: run sparse with the same compiler
 * arguments; returns its exit status. */
static int run_sparse(const struct kc_opts *o)
{
	const char *sparse = getenv("SPARSE");
	char **argv = calloc(o->run.cflags.n + 2, sizeof(*argv));
	int status;
	pid_t pid;

	if (!sparse || !*sparse)
		sparse = "sparse";
	if (!argv)
		return 2;
	argv[0] = (char *)sparse;
	memcpy(argv + 1, o->run.cflags.v, o->run.cflags.n * sizeof(*argv));
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

/* Marks the TUs that --changed-since or the config's excludes leave out.
 * Returns 0 or a negative KC_E* with err. */
static int select_tus(const struct kc_opts *o, const struct out_config *cfg,
		      struct kc_tu_list *tus, struct kc_err *err)
{
	const char **files = NULL, **incdirs = NULL;
	unsigned char *keep = NULL;
	size_t ninc = 0;
	int ret = 0;

	for (size_t i = 0; i < tus->n; i++)
		if (out_config_excluded(cfg, tus->v[i].file))
			tus->v[i].skip = "excluded by the configuration file";
	if (!o->changed_since || !tus->n)
		return 0;
	files = calloc(tus->n, sizeof(*files));
	keep = calloc(tus->n, 1);
	incdirs = calloc((size_t)tus->v[0].argc + 1, sizeof(*incdirs));
	if (!files || !keep || !incdirs) {
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < tus->n; i++)
		files[i] = tus->v[i].file;
	/* header dependencies: the -I directories of the first TU */
	for (int i = 0; i < tus->v[0].argc; i++) {
		const char *a = tus->v[0].argv[i];

		if (!strncmp(a, "-I", 2) && a[2])
			incdirs[ninc++] = a + 2;
		else if (!strcmp(a, "-I") && i + 1 < tus->v[0].argc)
			incdirs[ninc++] = tus->v[0].argv[++i];
	}
	ret = out_changed_since(o->changed_since, files, tus->n, incdirs, ninc,
				keep, err);
	for (size_t i = 0; !ret && i < tus->n; i++)
		if (!keep[i])
			tus->v[i].skip = "unchanged since --changed-since";
out:
	free(files);
	free(keep);
	free(incdirs);
	return ret;
}

/* --prefilter=auto: on where a run has many TUs (kernel mode, a compile
 * database), and in the CHECK= form when the header index can be cached
 * (pf_cache.h); off for files named on the command line, where indexing
 * the headers would cost more than it saves. */
static int use_prefilter(const struct kc_opts *o,
			 const struct kc_cache *cache)
{
	if (o->prefilter == KC_PF_AUTO)
		return o->mode == KC_MODE_KERNEL || o->compdb ||
		       (o->mode == KC_MODE_CHECK && cache);
	return o->prefilter != KC_PF_OFF;
}

/* --print-prefilter: each TU's verdict and why, nothing parsed. */
static int print_prefilter(const struct kc_opts *o, struct kc_env *env,
			   const struct kc_tu_list *tus)
{
	struct kc_prefilter *pf;
	struct kc_err err = { 0 };
	size_t skip = 0;
	char why[1024];

	if (kc_prefilter_build(&pf, env->env.api, tus, env->env.cache, &err))
		return die_usage(&err);
	if (o->out.stats)
		kc_prefilter_describe(pf, stderr);
	for (size_t i = 0; i < tus->n; i++) {
		int r;

		if (tus->v[i].skip)
			continue;
		r = kc_prefilter_check(pf, &tus->v[i], why, sizeof(why));
		if (r < 0) {
			kc_prefilter_free(pf);
			fprintf(stderr, "ksizecheck: out of memory\n");
			return 2;
		}
		skip += !r;
		printf("%s %s: %s\n", r ? "keep" : "skip", tus->v[i].file, why);
	}
	fprintf(stderr, "ksizecheck: prefilter: %zu of %zu files skipped\n",
		skip, tus->n);
	kc_prefilter_free(pf);
	return 0;
}

/* The directory --fix diffs are relative to: the tree in kernel mode,
 * else the directory ksizecheck runs in (NULL). */
static const char *fix_root(const struct kc_opts *o)
{
	if (o->mode != KC_MODE_KERNEL)
		return NULL;
	return o->tree ? o->tree : ".";
}

/* --format=html: what the report shows. With --fix=diff the proposed
 * patch goes into the report (*diff, free() it) instead of stdout. */
static int html_opts(const struct kc_opts *o, const struct kc_diag *d,
		     const struct kc_tu_list *tus, struct out_html_opts *h,
		     char **diff, struct kc_err *err)
{
	size_t len = 0;
	FILE *f;
	int ret;

	h->dir = o->out.output;
	h->rules_dir = kc_rules_dir(o->run.rules_dir);
	h->origin = "this run";
	if (o->fix != KC_FIX_DIFF)
		return 0;
	f = open_memstream(diff, &len);
	if (!f)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	ret = kc_fix_findings(FIX_DIFF, o->run.rules_dir, fix_root(o), d, tus,
			      f, err);
	if (fclose(f) && !ret)
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	h->fix_diff = *diff;
	return ret;
}

/* The result cache of this run (cache/cache.h), or NULL with --no-cache
 * or when the directory cannot be used (a warning: the run goes on
 * without it). */
static struct kc_cache *open_cache(const struct kc_opts *o,
				   const struct out_config *cfg,
				   const struct kc_env *env)
{
	struct kc_cache *c = NULL;
	struct kc_err err = { 0 };
	char dir[4096], msg[2048];

	if (o->no_cache)
		return NULL;
	if (kc_cache_dir(o->cache_dir, o->no_config ? NULL : cfg->cache_dir,
			 dir, sizeof(dir))) {
		if (!o->out.quiet)
			fprintf(stderr, "ksizecheck: warning: no cache directory ($HOME is not set); running without the result cache\n");
		return NULL;
	}
	if (kc_cache_open(&c, dir, o->cache_max_size ? o->cache_max_size :
			  o->no_config ? 0 : cfg->cache_max_size, kc_rules_dir(o->run.rules_dir),
			  o->run.rules.v, o->run.rules.n, &env->env, &err)) {
		kc_err_format(&err, msg, sizeof(msg));
		if (!o->out.quiet)
			fprintf(stderr, "ksizecheck: warning: %s; running without the result cache\n",
				msg);
		return NULL;
	}
	return c;
}

/* One run of the TUs: the result cache and the prefilter for env as it
 * is now (with --db, the round's facts change both: the cache key and
 * the prefilter's roots), then kc_run(). */
static int run_once(const struct kc_opts *o, const struct out_config *cfg,
		    struct kc_env *env, struct kc_tu_list *tus,
		    struct kc_diag *diag, struct kc_run_stats *st,
		    struct kc_cache **cache, struct kc_prefilter **pf,
		    struct kc_err *err)
{
	int ret;

	*cache = open_cache(o, cfg, env);
	env->env.cache = *cache;
	if (use_prefilter(o, *cache)) {
		ret = kc_prefilter_build(pf, env->env.api, tus, *cache, err);
		if (ret)
			return ret;
		env->env.prefilter = *pf;
		env->env.prefilter_check = o->prefilter == KC_PF_CHECK;
		if (o->out.stats)
			kc_prefilter_describe(*pf, stderr);
	}
	ret = kc_run(&o->run, &env->env, tus, diag, st, err);
	if (*cache && st->cache.stored)
		st->cache.evicted = kc_cache_trim(*cache,
						  o->mode != KC_MODE_CHECK);
	return ret;
}

/* The run, or with --db its rounds (docs/factdb.md, "In a run"): each
 * reads FILE and writes FILE.new, renamed over FILE when the round ends
 * with every TU's facts written and no interruption; a later round reads
 * what the earlier one wrote. Only the last round's findings and
 * accounting are kept (diag, st); its cache and prefilter are left in
 * *cache and *pf for the caller to free. */
static int run_rounds(struct kc_opts *o, const struct out_config *cfg,
		      struct kc_env *env, struct kc_tu_list *tus,
		      struct kc_diag *diag, struct kc_run_stats *st,
		      struct kc_cache **cache, struct kc_prefilter **pf,
		      struct kc_err *err)
{
	unsigned n = o->db ? (o->rounds ? o->rounds : 1) : 1;
	struct kc_db_round r;
	int ret = 0;

	if (!o->db)
		return run_once(o, cfg, env, tus, diag, st, cache, pf, err);
	for (unsigned i = 0; i < n && !ret; i++) {
		int end;

		if (i) {
			kc_prefilter_free(*pf);
			kc_cache_close(*cache);
			*pf = NULL;
			*cache = NULL;
			env->env.prefilter = NULL;
			kc_diag_release(diag);
			kc_diag_init(diag);
			for (size_t k = 0; k < tus->n; k++)
				tus->v[k].status = KC_TU_PENDING;
		}
		ret = kc_db_round_begin(&r, o->db, env, &o->run, err);
		if (ret)
			return ret;
		if (!o->out.quiet && (n > 1 || o->out.stats))
			fprintf(stderr, "ksizecheck: round %u of %u: %s %s (%lld function facts read, %lld shadowed by the tables)\n",
				i + 1, n, r.read ? "reading" : "no facts in",
				o->db, r.nread, r.nshadowed);
		ret = run_once(o, cfg, env, tus, diag, st, cache, pf, err);
		end = kc_db_round_end(&r, !ret && !st->interrupted &&
				      !st->db_errors, env, &o->run,
				      ret ? NULL : err);
		if (!ret && st->db_errors)
			ret = kc_err_set(err, KC_EIO, o->db, 0, 0,
					 "the facts of %llu files could not be written; the database is unchanged",
					 st->db_errors);
		if (!ret)
			ret = end;
		if (st->interrupted)
			break;
	}
	return ret;
}

int main(int argc, char **argv)
{
	struct kc_opts o;
	struct kc_err err = { 0 };
	struct kc_tu_list tus = { 0 };
	struct kc_run_stats st;
	struct kc_diag diag;
	struct kc_env env;
	struct kc_prefilter *pf = NULL;
	struct kc_cache *cache = NULL;
	struct out_config cfg;
	struct out_run_info run = { 0 };
	struct out_run_store store = { 0 };
	struct out_html_opts html = { 0 };
	char *fix_diff = NULL;
	unsigned mask = 0;
	int ret, code = 0;

	memset(&cfg, 0, sizeof(cfg));
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
		return slab_model_main(o.sub_argc, o.sub_argv,
				       kc_rules_dir(o.run.rules_dir));
#else
		fprintf(stderr, "ksizecheck: 'model' is not available in this build\n");
		return 2;
#endif
	case KC_MODE_MERGE:
		return kc_merge_main(o.sub_argc, o.sub_argv);
	case KC_MODE_REPORT:
		return kc_report_main(o.sub_argc, o.sub_argv,
				      kc_rules_dir(o.run.rules_dir));
	case KC_MODE_CACHE:
		return kc_cache_main(o.sub_argc, o.sub_argv);
	case KC_MODE_DB:
		return kc_db_main(o.sub_argc, o.sub_argv);
	}
	if ((o.rounds && !o.db) || (o.db && o.mode == KC_MODE_CHECK)) {
		kc_err_set(&err, KC_EUSAGE, NULL, 0, 0, o.db ?
			   "--db is not available in the CHECK= form (one process per file; use 'kernel' or -p)" :
			   "--rounds needs --db FILE");
		kc_opts_release(&o);
		return die_usage(&err);
	}

	ret = build_tus(&o, &tus, &err);
	if (ret) {
		code = die_usage(&err);
		goto out_tus;
	}
	if (o.shard_count)
		kc_tu_list_shard(&tus, o.shard_index, o.shard_count);

	if (o.run.print == 1 || o.run.print == 2) {
		ret = kc_tu_list_print(&o.run, &tus, stdout, &err);
		code = ret ? die_usage(&err) : 0;
		goto out_tus;
	}
	if (!o.no_config) {
		const char *start = o.config_file;

		if (!start && o.mode == KC_MODE_KERNEL)
			start = o.tree ? o.tree : ".";
		ret = out_config_load(start, &cfg, &err);
		if (!ret)
			ret = out_config_apply(&cfg, &o.out, &o.run, &err);
		if (!ret)
			ret = out_rules_mask(&cfg, &o.run, &mask, &err);
		if (ret) {
			code = die_usage(&err);
			goto out_tus;
		}
	}
	ret = select_tus(&o, o.no_config ? NULL : &cfg, &tus, &err);
	if (!ret)
		ret = kc_env_init(&env, &o.run, slab_tree(&o), &err);
	if (ret) {
		code = die_usage(&err);
		goto out_tus;
	}
	if (!o.no_config)
		env.env.enabled_rules_mask = mask;
	if (env.preset.warning && !o.out.quiet)
		fprintf(stderr, "ksizecheck: warning: %s\n", env.preset.warning);
	kc_diag_init(&diag);
	if (o.run.print == 3) {
		cache = open_cache(&o, &cfg, &env);
		env.env.cache = cache;
		code = print_prefilter(&o, &env, &tus);
		goto out;
	}
	ret = run_rounds(&o, &cfg, &env, &tus, &diag, &st, &cache, &pf, &err);
	if (ret) {
		code = die_usage(&err);
		goto out;
	}
	kc_genhdr_report(tus.gen, stderr);
	/*
	 * The output stage (src/out): rule filter, fingerprints,
	 * suppressions, baseline, the text/json/sarif writer, and the
	 * findings part of the exit status (--fail-on).
	 */
	ret = out_run_info_from_driver(&run, &store, &tus, &st, &err);
	if (!ret) {
		run.config = env.env.config ?
			     slab_config_id(env.env.config) : NULL;
		run.slab_preset = env.preset.config ?
				  slab_config_id(env.preset.config) : NULL;
		run.slab_preset_reason = env.preset.reason;
		run.api = env.env.api; /* exact SARIF fixes need allocators */
		if (o.out.format == OUT_FORMAT_HTML) {
			ret = html_opts(&o, &diag, &tus, &html, &fix_diff,
					&err);
			run.html = &html;
		}
	}
	if (!ret) {
		ret = out_finish(&diag, &o.out, &run, o.no_config ? 0 : mask,
				 stderr, &code, &err);
	}
	out_run_store_release(&store);
	if (ret)
		die_usage(&err);
	/* --fix: diffs (or atomic writes) from the Coccinelle scripts */
	if (!ret && o.fix != KC_FIX_NONE && !fix_diff &&
	    kc_fix_findings(o.fix == KC_FIX_APPLY ? FIX_APPLY : FIX_DIFF,
			    o.run.rules_dir, fix_root(&o), &diag, &tus, stdout,
			    &err)) {
		die_usage(&err);
		ret = -KC_ECHILD;
	}
	st.findings = diag.n;
	if (o.out.stats || (!o.out.quiet && o.mode != KC_MODE_CHECK) ||
	    st.interrupted) {
		kc_run_stats_print(&st, o.out.stats, stderr);
		if (env.preset.config)
			fprintf(stderr, "ksizecheck: slab preset %s (%s): %s\n",
				slab_config_id(env.preset.config),
				slab_config_label(env.preset.config),
				env.preset.reason);
	}

	if (st.interrupted)
		code = 130;
	else if (ret || st.failed || st.internal_errors ||
		 st.prefilter_misses)
		code = 2;
	if (o.sparse && o.mode == KC_MODE_CHECK && !st.interrupted) {
		int sc = run_sparse(&o);

		if (sc > code)
			code = sc;
	}
out:
	free(fix_diff);
	kc_prefilter_free(pf);
	kc_cache_close(cache);
	kc_env_release(&env);
	kc_diag_release(&diag);
out_tus:
	kc_tu_list_release(&tus);
	out_config_release(&cfg);
	kc_opts_release(&o);
	return code;
}
