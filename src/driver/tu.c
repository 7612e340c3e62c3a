/* tu.c - one translation unit: file checks, flags, the libclang parse,
 * clang's errors, the analysis. The sole caller of
 * clang_parseTranslationUnit2.
 *
 * Parse options (kc_tu_parse_options): KeepGoing, so a missing header or
 * a fatal error still leaves an AST to analyse; no SkipFunctionBodies (the
 * analysis needs bodies); no detailed preprocessing record (costs time,
 * nothing reads it); IgnoreNonErrorsFromIncludedFiles. Warnings are
 * switched off by flags.tbl (-w): clang warnings are not our findings.
 * Clang's default error limit (20) is kept so garbage input ends fast.
 */
#include <clang-c/Index.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "cache/cache.h"
#include "check/analyze.h"
#include "check/tufacts.h"
#include "factdb/factdb.h"
#include "util/clock.h"
#include "prefilter/prefilter.h"
#include "diag/finding_json.h"
#include "driver/genhdr.h"
#include "driver/dbsend.h"
#include "driver/tu.h"
#include "util/strbuf.h"

#define KC_MAX_ERRORS_SHOWN 10
#define KC_MAX_FILE_SIZE (64u << 20)

struct kc_tu_ctx {
	const struct kc_run_opts *opts;
	const struct kc_flag_table *flags;
	const struct kc_analysis_env *env;
	CXIndex index;   /* owner: this ctx, disposed in kc_tu_ctx_free */
	char cwd[4096];  /* directory to return to after a TU */
	int no_dispose;  /* leave the TU to process exit */
	/* opts->db_read, opened by the first TU that asks (after the fork:
	 * an SQLite connection must not cross one); owner: this ctx */
	struct factdb *rdb;
	int rdb_failed;
	struct kc_field_lookup fields;
};

void kc_tu_ctx_set_no_dispose(struct kc_tu_ctx *c, int on)
{
	c->no_dispose = on;
}

static const char *const stage_names[KC_STAGE_MAX] = {
	"idle", "read", "flags", "parse", "diagnostics", "analysis",
	"serialisation",
};

const char *kc_stage_name(int stage)
{
	return stage >= 0 && stage < KC_STAGE_MAX ? stage_names[stage] :
						     "unknown stage";
}

unsigned kc_tu_parse_options(void)
{
	return CXTranslationUnit_KeepGoing |
	       CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
}

const char *kc_cxerror_name(int code)
{
	switch (code) {
	case CXError_Success: return "success";
	case CXError_Failure: return "libclang failed (bad arguments or unreadable file)";
	case CXError_Crashed: return "libclang crashed";
	case CXError_InvalidArguments: return "invalid arguments to libclang";
	case CXError_ASTReadError: return "AST read error";
	default: return "unknown libclang error";
	}
}

struct kc_tu_ctx *kc_tu_ctx_new(const struct kc_run_opts *opts,
				const struct kc_flag_table *flags,
				const struct kc_analysis_env *env)
{
	struct kc_tu_ctx *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->opts = opts;
	c->flags = flags;
	c->env = env;
	c->index = clang_createIndex(0, 0);
	if (!getcwd(c->cwd, sizeof(c->cwd)))
		c->cwd[0] = '\0';
	return c;
}

void kc_tu_ctx_free(struct kc_tu_ctx *c)
{
	if (!c)
		return;
	clang_disposeIndex(c->index);
	factdb_close(c->rdb);
	free(c);
}

/* NULL if path looks like C source we can parse, else why not. */
static const char *check_file(const char *path, char *buf, size_t size)
{
	unsigned char head[65536];
	struct stat st;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		snprintf(buf, size, "cannot open: %s", strerror(errno));
		return buf;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		snprintf(buf, size, "not a regular file");
		return buf;
	}
	if (st.st_size == 0) {
		close(fd);
		snprintf(buf, size, "empty file, nothing to check");
		return buf;
	}
	if ((unsigned long long)st.st_size > KC_MAX_FILE_SIZE) {
		close(fd);
		snprintf(buf, size, "file too large (%lld bytes, limit %u)",
			 (long long)st.st_size, KC_MAX_FILE_SIZE);
		return buf;
	}
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n < 0) {
		snprintf(buf, size, "cannot read: %s", strerror(errno));
		return buf;
	}
	if (memchr(head, '\0', (size_t)n)) {
		snprintf(buf, size, "binary file, not C source");
		return buf;
	}
	return NULL;
}

/* Test hook (tests/cli): with KSIZECHECK_FAULT=crash|hang|oom, a file
 * whose name contains "fault" crashes, hangs or exhausts memory in the
 * parse stage, so the worker isolation can be tested for real. */
static void inject_fault(const char *file)
{
	const char *f = getenv("KSIZECHECK_FAULT");

	if (!f || !strstr(file, "fault"))
		return;
	if (!strcmp(f, "crash"))
		raise(SIGSEGV);
	if (!strcmp(f, "hang"))
		for (;;)
			pause();
	if (!strcmp(f, "oom")) {
		for (;;) {
			char *p = malloc(1 << 20);

			if (!p)
				abort();
			memset(p, 1, 1 << 20);
		}
	}
}

static int add_str(json_object *arr, const char *s)
{
	json_object *v = json_object_new_string(s);

	if (!v || json_object_array_add(arr, v)) {
		json_object_put(v);
		return -1;
	}
	return 0;
}

/* Is d a driver complaint about a command-line flag? Then returns the
 * flag (in buf), else NULL. */
static const char *flag_complaint(const char *msg, char *buf, size_t size)
{
	static const char *const forms[] = {
		"unknown argument: '", "unsupported option '",
		"unknown argument '", "unsupported argument '",
	};

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const char *p = strstr(msg, forms[i]), *e;

		if (!p)
			continue;
		p += strlen(forms[i]);
		e = strchr(p, '\'');
		if (!e)
			continue;
		snprintf(buf, size, "%.*s", (int)(e - p), p);
		return buf;
	}
	return NULL;
}

/* A "'X' file not found" error: recorded for genhdr.h. */
static void note_missing(CXDiagnostic d, const char *msg,
			 json_object *missing)
{
	CXFile file;
	CXString fn;

	if (msg[0] != '\'' || !strstr(msg, "' file not found"))
		return;
	clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file,
				   NULL, NULL, NULL);
	if (!file)
		return;
	fn = clang_getFileName(file);
	kc_genhdr_note_missing(missing, msg, clang_getCString(fn));
	clang_disposeString(fn);
}

/* Is d clang's "'X' file not found" for an #include (the preprocessor's
 * category and exactly that text, at a place in a file)? Then appends
 * [X, INCLUDING FILE, FORM] to incl for the result cache (cache.h: the
 * paths where X would have been found are recorded as absent), FORM
 * being "\"" or "<" as the include is spelled, "" when unknown (a macro),
 * and returns 1; else 0 (d is some other error). */
static int missing_include(CXTranslationUnit tu, CXDiagnostic d,
			   const char *msg, json_object *incl)
{
	static const char suffix[] = "' file not found";
	size_t len = strlen(msg), sl = sizeof(suffix) - 1;
	CXString cat, fn;
	CXFile file;
	unsigned off;
	const char *text;
	size_t size;
	char form[2] = "";
	int pp;
	json_object *t;

	if (len <= sl + 1 || msg[0] != '\'' ||
	    strcmp(msg + len - sl, suffix))
		return 0;
	cat = clang_getDiagnosticCategoryText(d);
	pp = clang_getCString(cat) &&
	     !strcmp(clang_getCString(cat), "Lexical or Preprocessor Issue");
	clang_disposeString(cat);
	if (!pp)
		return 0;
	clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file,
				   NULL, NULL, &off);
	if (!file)
		return 0;
	text = clang_getFileContents(tu, file, &size);
	if (text && off < size && (text[off] == '"' || text[off] == '<'))
		form[0] = text[off];
	fn = clang_getFileName(file);
	t = json_object_new_array();
	if (t && clang_getCString(fn)) {
		json_object_array_add(t, json_object_new_string_len(
					      msg + 1, (int)(len - sl - 1)));
		json_object_array_add(t, json_object_new_string(
					      clang_getCString(fn)));
		json_object_array_add(t, json_object_new_string(form));
		if (!json_object_array_add(incl, t))
			t = NULL;
	}
	json_object_put(t);
	clang_disposeString(fn);
	return 1;
}

/* Adds clang's errors to res; returns the number of errors (flag
 * complaints excluded: those go to unknown_flags). The missing includes
 * go to incl (missing_include). */
static unsigned collect_errors(CXTranslationUnit tu, json_object *errors,
			       json_object *unknown, json_object *missing,
			       json_object *incl)
{
	unsigned n = clang_getNumDiagnostics(tu), nerr = 0;

	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		CXString msg;
		const char *m;
		char flag[256];

		if (sev < CXDiagnostic_Error) {
			clang_disposeDiagnostic(d);
			continue;
		}
		msg = clang_getDiagnosticSpelling(d);
		m = clang_getCString(msg);
		if (flag_complaint(m, flag, sizeof(flag))) {
			add_str(unknown, flag);
		} else {
			nerr++;
			note_missing(d, m, missing);
			(void)missing_include(tu, d, m, incl);
			if (nerr <= KC_MAX_ERRORS_SHOWN) {
				CXSourceLocation loc =
					clang_getDiagnosticLocation(d);
				CXFile file;
				unsigned line, col;
				struct kc_strbuf sb = KC_STRBUF_INIT;

				clang_getExpansionLocation(loc, &file, &line,
							   &col, NULL);
				if (file) {
					CXString fn = clang_getFileName(file);

					kc_strbuf_addf(&sb, "%s:%u:%u: ",
						       clang_getCString(fn),
						       line, col);
					clang_disposeString(fn);
				}
				kc_strbuf_addf(&sb, "%s: %s",
					       sev == CXDiagnostic_Fatal ?
					       "fatal error" : "error", m);
				add_str(errors, sb.buf);
				kc_strbuf_release(&sb);
			}
		}
		clang_disposeString(msg);
		clang_disposeDiagnostic(d);
	}
	return nerr;
}

static void set_counter(json_object *counters, int id, unsigned long long v)
{
	json_object_object_add(counters, kc_stat_name(id),
			       json_object_new_int64((int64_t)v));
}

/* kc_field_lookup over the previous round's database. A read error
 * answers "no stores": the field is then what the TU alone knows. */
static int field_lookup(void *data, const char *usr, struct factdb_field *out)
{
	struct kc_err err = { 0 };
	int rc = factdb_field(data, usr, out, &err);

	return rc < 0 ? 0 : rc;
}

/* The tree's field stores for this worker, or NULL (no --db to read, or
 * it could not be opened here: the parent opened it before, so only a
 * file removed meanwhile gets here, and the TU then runs alone). */
static const struct kc_field_lookup *fields_in(struct kc_tu_ctx *c)
{
	struct kc_err err = { 0 };

	if (!c->opts->db_read || !c->opts->db_fields || c->rdb_failed)
		return NULL;
	if (!c->rdb &&
	    factdb_open(c->opts->db_read, FACTDB_READ, &c->rdb, &err)) {
		c->rdb_failed = 1;
		return NULL;
	}
	c->fields.field = field_lookup;
	c->fields.data = c->rdb;
	return &c->fields;
}

static int run_analysis(struct kc_tu_ctx *c, CXTranslationUnit tu,
			const char *file, struct kc_tu_facts *facts,
			struct kc_diag *d, struct kc_stats *st,
			struct kc_err *err)
{
	struct kc_analysis_env env;

	if (!c->env)
		return 0;
	env = *c->env;
	env.facts_out = facts;
	env.fields_in = fields_in(c);
	return kc_analyze_tu(&env, tu, file, d, st, err);
}

json_object *kc_tu_process(struct kc_tu_ctx *c, const struct kc_tu *tu,
			   volatile int *stage)
{
	json_object *res = json_object_new_object();
	json_object *errors = json_object_new_array();
	json_object *unknown = json_object_new_array();
	json_object *findings = json_object_new_array();
	json_object *counters = json_object_new_object();
	json_object *missing = json_object_new_array();
	json_object *incl = json_object_new_array();
	CXTranslationUnit ctu = NULL;
	const char **args = NULL, **unk = NULL;
	struct kc_stats st = { { 0 } };
	struct kc_cache *cache = c->env ? c->env->cache : NULL;
	struct kc_cache_key key = { .hex = "" };
	struct kc_tu_facts facts;
	int want_facts = c->env && c->opts->db_write;
	struct kc_diag diag;
	struct kc_err err = { 0 };
	enum CXErrorCode ec;
	char why[1024];
	const char *bad;
	int nargs = 0, status = KC_TU_FAILED;
	unsigned long long t0;
	unsigned nerr;

	kc_diag_init(&diag);
	kc_tu_facts_init(&facts);
	if (!res || !errors || !unknown || !findings || !counters ||
	    !missing || !incl) {
		json_object_put(incl);
		json_object_put(missing);
		json_object_put(res);
		json_object_put(errors);
		json_object_put(unknown);
		json_object_put(findings);
		json_object_put(counters);
		return NULL;
	}
	json_object_object_add(res, "errors", errors);
	json_object_object_add(res, "unknown_flags", unknown);
	json_object_object_add(res, "findings", findings);
	json_object_object_add(res, "counters", counters);
	json_object_object_add(res, "missing_includes", missing);

	*stage = KC_STAGE_READ;
	if (c->env && c->env->prefilter) {
		/* before chdir: tu->dir may be relative */
		int keep = kc_prefilter_check(c->env->prefilter, tu, why,
					      sizeof(why));

		if (keep < 0) {
			json_object_object_add(res, "message",
					       json_object_new_string(
						       "out of memory"));
			goto done;
		}
		if (!keep && !c->env->prefilter_check) {
			status = KC_TU_PREFILTERED;
			if (want_facts)
				kc_facts_prefiltered(res, tu);
			goto done;
		}
		if (!keep)
			json_object_object_add(res, "prefilter_skip",
					       json_object_new_string(why));
	}
	if (tu->dir && chdir(tu->dir)) {
		snprintf(why, sizeof(why), "cannot enter directory '%s': %s",
			 tu->dir, strerror(errno));
		json_object_object_add(res, "message",
				       json_object_new_string(why));
		goto done;
	}
	bad = check_file(tu->file, why, sizeof(why));
	if (bad) {
		json_object_object_add(res, "message",
				       json_object_new_string(bad));
		goto done;
	}

	*stage = KC_STAGE_FLAGS;
	args = kc_flags_translate(c->flags, tu->argv, tu->argc, &nargs, &unk);
	if (!args) {
		json_object_object_add(res, "message",
				       json_object_new_string("out of memory"));
		goto done;
	}

	/* the result cache: a hit replays the stored result */
	kc_cache_key_tu(cache, tu->file, args, nargs, &key);
	if ((status = kc_cache_lookup(cache, &key, res)) > 0)
		goto done;
	status = KC_TU_FAILED;

	*stage = KC_STAGE_PARSE;
	inject_fault(tu->file);
	t0 = (unsigned long long)(kc_now() * 1e6);
	ec = clang_parseTranslationUnit2(c->index, tu->file, args, nargs,
					 NULL, 0, kc_tu_parse_options(), &ctu);
	set_counter(counters, KC_STAT_PARSE_US, (unsigned long long)(kc_now() * 1e6) - t0);
	if (ec != CXError_Success || !ctu) {
		snprintf(why, sizeof(why), "%s (CXErrorCode %d)",
			 kc_cxerror_name(ec), (int)ec);
		json_object_object_add(res, "message",
				       json_object_new_string(why));
		goto done;
	}

	*stage = KC_STAGE_DIAG;
	nerr = collect_errors(ctu, errors, unknown, missing, incl);
	set_counter(counters, KC_STAT_CLANG_ERRORS, nerr);
	if (nerr > KC_MAX_ERRORS_SHOWN) {
		snprintf(why, sizeof(why),
			 "%s: note: %u more errors not shown", tu->file,
			 nerr - KC_MAX_ERRORS_SHOWN);
		add_str(errors, why);
	}
	status = nerr ? KC_TU_ERRORS : KC_TU_CLEAN;

	*stage = KC_STAGE_ANALYZE;
	t0 = (unsigned long long)(kc_now() * 1e6);
	if (run_analysis(c, ctu, tu->file, want_facts ? &facts : NULL, &diag,
			 &st, &err)) {
		char msg[2048];

		/* the error policy (src/util/sink.h): a failed analysis is an
		 * internal error of the file, and none of its findings is
		 * reported (they may come from a state that lost a value) */
		kc_err_format(&err, msg, sizeof(msg));
		json_object_object_add(res, "analysis_error",
				       json_object_new_string(msg));
		status = KC_TU_INTERNAL;
		kc_diag_release(&diag);
		kc_diag_init(&diag);
	}
	st.counters[KC_STAT_ANALYZE_US] += (unsigned long long)(kc_now() * 1e6) - t0;

	*stage = KC_STAGE_SEND;
	for (size_t i = 0; i < diag.n; i++) {
		json_object *f = kc_finding_to_json(diag.v[i]);

		if (f && json_object_array_add(findings, f))
			json_object_put(f);
	}
	for (int i = 0; i < KC_STAT_MAX; i++) {
		json_object *have;

		if (!st.counters[i])
			continue;
		if (json_object_object_get_ex(counters, kc_stat_name(i),
					      &have))
			st.counters[i] += (unsigned long long)
				json_object_get_int64(have);
		set_counter(counters, i, st.counters[i]);
	}
	if (want_facts && status != KC_TU_INTERNAL)
		kc_facts_to_result(res, &facts, tu->file, args, nargs, status);
	/* a result with errors is stored only when a missing include
	 * explains them: the errors that follow from it (an undeclared
	 * macro of the header) are as fixed as the files the parse read,
	 * while the header stays absent where it was looked for; any other
	 * error TU is re-checked every time */
	kc_cache_store(cache, &key, ctu, status, res, args, nargs,
		       !nerr || json_object_array_length(incl) ? incl : NULL);
done:
	/* a worker that exits after this TU lets the kernel free the AST:
	 * disposing of it costs several percent of a parse */
	if (ctu && !c->no_dispose)
		clang_disposeTranslationUnit(ctu);
	kc_diag_release(&diag);
	kc_tu_facts_release(&facts);
	free(args);
	free(unk);
	json_object_put(incl);
	if (c->cwd[0] && tu->dir && chdir(c->cwd))
		status = KC_TU_FAILED;
	json_object_object_add(res, "status", json_object_new_int(status));
	*stage = KC_STAGE_IDLE;
	return res;
}
