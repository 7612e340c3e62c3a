/* opts.c - parses the ksizecheck command line into struct kc_opts.
 *
 * Forms:
 *   ksizecheck [opts] FILE.c... [-- COMPILER-FLAGS]
 *   ksizecheck [opts] -p DIR|compile_commands.json [FILES...]
 *   ksizecheck [opts] SPARSE/COMPILER-FLAGS... FILE.c   (Kbuild CHECK=)
 *   ksizecheck kernel [opts] [--tree DIR] [PATHS...]
 *   ksizecheck model ...   ksizecheck merge FILES...
 * The CHECK= form is recognised by its first compiler-style argument
 * (-D, -I, -W, -f, -m, --arch=, -nostdinc, -include, ...): our own options
 * come before it (CHECK="ksizecheck --sparse"), the rest is compiler
 * input handed to the driver unparsed.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache/cache.h"
#include "cli/opts.h"

enum {
	OPT_TREE = 256, OPT_QUIET, OPT_STATS, OPT_FORMAT, OPT_BASELINE,
	OPT_WRITE_BASELINE, OPT_FAIL_ON, OPT_CONFIG_FILE, OPT_NO_CONFIG,
	OPT_CHANGED_SINCE, OPT_FIX, OPT_RULES, OPT_SLAB_CONFIG,
	OPT_ALL_CONFIGS, OPT_ENABLE, OPT_DISABLE, OPT_TIMEOUT, OPT_MEM_LIMIT,
	OPT_SHARD, OPT_SPARSE, OPT_VERSION, OPT_HELP, OPT_LIST_RULES,
	OPT_RULES_DIR, OPT_PRINT_COMPDB, OPT_PRINT_COMMANDS, OPT_PREFILTER,
	OPT_PRINT_PREFILTER, OPT_BUILD_GENERATED, OPT_CACHE_DIR, OPT_NO_CACHE,
	OPT_CACHE_MAX_SIZE, OPT_DB, OPT_ROUNDS, OPT_DB_FIELDS,
};

static const struct option long_opts[] = {
	{ "jobs", required_argument, NULL, 'j' },
	{ "compile-commands", required_argument, NULL, 'p' },
	{ "tree", required_argument, NULL, OPT_TREE },
	{ "build-generated", no_argument, NULL, OPT_BUILD_GENERATED },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "config-file", required_argument, NULL, OPT_CONFIG_FILE },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "changed-since", required_argument, NULL, OPT_CHANGED_SINCE },
	{ "fix", optional_argument, NULL, OPT_FIX },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "rules-dir", required_argument, NULL, OPT_RULES_DIR },
	{ "slab-config", required_argument, NULL, OPT_SLAB_CONFIG },
	{ "all-configs", no_argument, NULL, OPT_ALL_CONFIGS },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "mem-limit", required_argument, NULL, OPT_MEM_LIMIT },
	{ "shard", required_argument, NULL, OPT_SHARD },
	{ "sparse", no_argument, NULL, OPT_SPARSE },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "print-compdb", no_argument, NULL, OPT_PRINT_COMPDB },
	{ "print-commands", no_argument, NULL, OPT_PRINT_COMMANDS },
	{ "prefilter", required_argument, NULL, OPT_PREFILTER },
	{ "print-prefilter", no_argument, NULL, OPT_PRINT_PREFILTER },
	{ "cache-dir", required_argument, NULL, OPT_CACHE_DIR },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "cache-max-size", required_argument, NULL, OPT_CACHE_MAX_SIZE },
	{ "db", required_argument, NULL, OPT_DB },
	{ "rounds", required_argument, NULL, OPT_ROUNDS },
	{ "db-fields", no_argument, NULL, OPT_DB_FIELDS },
	{ NULL, 0, NULL, 0 },
};

void kc_opts_release(struct kc_opts *o)
{
	kc_strlist_release(&o->run.rules);
	kc_strlist_release(&o->run.enable);
	kc_strlist_release(&o->run.disable);
	kc_strlist_release(&o->inputs);
	kc_strlist_release(&o->run.cflags);
	memset(o, 0, sizeof(*o));
}

/* Parses a decimal number in [lo, hi]; -KC_EUSAGE naming opt otherwise. */
static int parse_num(const char *s, const char *opt, unsigned long lo,
		     unsigned long hi, unsigned *out, struct kc_err *err)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v < lo || v > hi)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "invalid value '%s' for %s (expected %lu..%lu)",
				  s, opt, lo, hi);
	*out = (unsigned)v;
	return 0;
}

/* Does a look like a compiler or sparse flag (the CHECK= form)? */
static int is_compiler_flag(const char *a)
{
	static const char *const prefixes[] = {
		"-D", "-U", "-I", "-W", "-f", "-m", "-O", "-g", "-std=",
		"-nostdinc", "-include", "-isystem", "-iquote", "-idirafter",
		"-imacros", "--arch=", "--target=", "-x", "-c", "-E",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

static int parse_enum(const char *s, const char *opt,
		      const char *const *names, int n, int *out,
		      struct kc_err *err)
{
	for (int i = 0; i < n; i++)
		if (names[i] && !strcmp(s, names[i])) {
			*out = i;
			return 0;
		}
	return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
			  "invalid value '%s' for %s", s, opt);
}

static int parse_shard(struct kc_opts *o, const char *s, struct kc_err *err)
{
	unsigned i, n;
	char tail;

	if (sscanf(s, "%u/%u%c", &i, &n, &tail) != 2 || n == 0 || i < 1 ||
	    i > n)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "invalid value '%s' for --shard (expected I/N with 1 <= I <= N)",
				  s);
	o->shard_index = i - 1;
	o->shard_count = n;
	return 0;
}

/* handle_opt()'s --format and --fail-on tables give the values of
 * out/output.h's enums by position */
_Static_assert(OUT_FORMAT_TEXT == 0 && OUT_FORMAT_JSON == 1 &&
	       OUT_FORMAT_SARIF == 2 && OUT_FORMAT_HTML == 3, "formats[] order");
_Static_assert(OUT_FAIL_ON_ANY == 0 && OUT_FAIL_ON_WARNING == 1 &&
	       OUT_FAIL_ON_ERROR == 2 && OUT_FAIL_ON_NONE == 3,
	       "fail_on[] order");

static int handle_opt(struct kc_opts *o, int c, const char *arg,
		      struct kc_err *err)
{
	static const char *const formats[] = { "text", "json", "sarif",
					       "html" };
	static const char *const fail_on[] = { "any", "warning", "error",
					       "none" };
	static const char *const prefilter[] = { "auto", "off", "on",
						 "check" };
	int ret = 0;

	switch (c) {
	case 'j': {
		unsigned j;

		ret = parse_num(arg, "-j", 1, 1024, &j, err);
		o->run.jobs = (int)j;
		break;
	}
	case 'p': o->compdb = arg; break;
	case 'o': o->out.output = arg; break;
	case 'q':
	case OPT_QUIET: o->run.quiet = o->out.quiet = 1; break;
	case OPT_TREE: o->tree = arg; break;
	case OPT_STATS: o->out.stats = 1; break;
	case OPT_FORMAT:
		ret = parse_enum(arg, "--format", formats, 4, &o->out.format,
				 err);
		break;
	case OPT_BASELINE: o->out.baseline = arg; break;
	case OPT_WRITE_BASELINE: o->out.write_baseline = arg; break;
	case OPT_FAIL_ON:
		ret = parse_enum(arg, "--fail-on", fail_on, 4, &o->out.fail_on,
				 err);
		o->out.fail_on_set = 1;
		break;
	case OPT_PREFILTER:
		ret = parse_enum(arg, "--prefilter", prefilter, 4,
				 &o->prefilter, err);
		break;
	case OPT_CONFIG_FILE: o->config_file = arg; break;
	case OPT_NO_CONFIG: o->no_config = 1; break;
	case OPT_CHANGED_SINCE: o->changed_since = arg; break;
	case OPT_FIX:
		if (!arg || !strcmp(arg, "diff"))
			o->fix = KC_FIX_DIFF;
		else if (!strcmp(arg, "apply"))
			o->fix = KC_FIX_APPLY;
		else
			ret = kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					 "invalid value '%s' for --fix (expected diff or apply)",
					 arg);
		break;
	case OPT_RULES: ret = kc_strlist_add(&o->run.rules, arg); break;
	case OPT_RULES_DIR: o->run.rules_dir = arg; break;
	case OPT_SLAB_CONFIG: o->run.slab_config = arg; break;
	case OPT_ALL_CONFIGS: o->run.all_configs = 1; break;
	case OPT_ENABLE: ret = kc_strlist_add(&o->run.enable, arg); break;
	case OPT_DISABLE: ret = kc_strlist_add(&o->run.disable, arg); break;
	case OPT_BUILD_GENERATED: o->build_generated = 1; break;
	case OPT_TIMEOUT:
		ret = parse_num(arg, "--timeout", 1, 86400, &o->run.timeout,
				err);
		break;
	case OPT_MEM_LIMIT:
		ret = parse_num(arg, "--mem-limit", 64, 1u << 20,
				&o->run.mem_limit_mb, err);
		break;
	case OPT_SHARD: ret = parse_shard(o, arg, err); break;
	case OPT_SPARSE: o->sparse = 1; break;
	case OPT_VERSION: o->mode = KC_MODE_VERSION; break;
	case 'h':
	case OPT_HELP: o->mode = KC_MODE_HELP; break;
	case OPT_LIST_RULES: o->mode = KC_MODE_LIST_RULES; break;
	case OPT_PRINT_COMPDB: o->run.print = 1; break;
	case OPT_PRINT_COMMANDS: o->run.print = 2; break;
	case OPT_PRINT_PREFILTER: o->run.print = 3; break;
	case OPT_CACHE_DIR: o->cache_dir = arg; break;
	case OPT_NO_CACHE: o->no_cache = 1; break;
	case OPT_DB: o->db = arg; break;
	case OPT_DB_FIELDS: o->run.db_fields = 1; break;
	case OPT_ROUNDS:
		ret = parse_num(arg, "--rounds", 1, 8, &o->rounds, err);
		break;
	case OPT_CACHE_MAX_SIZE:
		if (kc_cache_parse_size(arg, &o->cache_max_size) ||
		    !o->cache_max_size)
			ret = kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					 "invalid value '%s' for --cache-max-size (expected a size such as 500M or 2G)",
					 arg);
		break;
	default:
		ret = -KC_EUSAGE;
	}
	if (ret == -KC_ENOMEM)
		kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	return ret;
}

/* getopt over argv[0..n); everything getopt leaves is an input. */
static int run_getopt(struct kc_opts *o, int n, char **argv,
		      struct kc_err *err)
{
	int c, idx, ret;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(n, argv, ":j:p:o:qh", long_opts, &idx)) != -1) {
		if (c == '?') {
			const char *bad = argv[optind - 1];

			if (optopt && optopt < 256 && bad[0] == '-' &&
			    bad[1] != '-')
				return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
						  "unknown option '-%c'",
						  optopt);
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "unknown option '%s'", bad);
		}
		if (c == ':')
			return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
					  "option '%s' needs a value",
					  argv[optind - 1]);
		ret = handle_opt(o, c, optarg, err);
		if (ret)
			return ret;
	}
	for (int i = optind; i < n; i++)
		if (kc_strlist_add(&o->inputs, argv[i]))
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	return 0;
}

int kc_opts_parse(struct kc_opts *o, int argc, char **argv,
		  struct kc_err *err)
{
	int first = 1, end = argc, check_at = -1, ret;
	const char *env;
	char **av;

	memset(o, 0, sizeof(*o));
	o->out.fail_on = OUT_FAIL_ON_ANY;
	o->run.timeout = 120;
	o->run.mem_limit_mb = 2048;
	o->argc = argc;
	o->argv = argv;
	env = getenv("KSIZECHECK_SPARSE");
	if (env && *env && strcmp(env, "0"))
		o->sparse = 1;

	if (argc > 1 && (!strcmp(argv[1], "model") ||
			 !strcmp(argv[1], "merge") ||
			 !strcmp(argv[1], "report") ||
			 !strcmp(argv[1], "cache") ||
			 !strcmp(argv[1], "db"))) {
		o->mode = !strcmp(argv[1], "model") ? KC_MODE_MODEL :
			  !strcmp(argv[1], "merge") ? KC_MODE_MERGE :
			  !strcmp(argv[1], "report") ? KC_MODE_REPORT :
			  !strcmp(argv[1], "db") ? KC_MODE_DB :
						      KC_MODE_CACHE;
		o->sub_argc = argc - 1;
		o->sub_argv = argv + 1;
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "kernel")) {
		o->mode = KC_MODE_KERNEL;
		first = 2;
	}
	for (int i = first; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			end = i;
			break;
		}
		if (o->mode != KC_MODE_KERNEL && is_compiler_flag(argv[i])) {
			check_at = i;
			end = i;
			break;
		}
	}
	/* getopt sees argv[0] plus our part; it permutes a copy */
	av = malloc((size_t)(end - first + 2) * sizeof(*av));
	if (!av)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	av[0] = argv[0];
	memcpy(av + 1, argv + first, (size_t)(end - first) * sizeof(*av));
	av[end - first + 1] = NULL;
	ret = run_getopt(o, end - first + 1, av, err);
	free(av);
	if (ret)
		return ret;

	/* CHECK= form: files given before the first flag are inputs too */
	for (size_t i = 0; check_at >= 0 && i < o->inputs.n; i++)
		if (kc_strlist_add(&o->run.cflags, o->inputs.v[i]))
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	if (check_at >= 0)
		o->inputs.n = 0;
	for (int i = end + (check_at < 0); i < argc; i++)
		if (kc_strlist_add(&o->run.cflags, argv[i]))
			return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
					  "out of memory");
	if (o->mode == KC_MODE_HELP || o->mode == KC_MODE_VERSION ||
	    o->mode == KC_MODE_LIST_RULES)
		return 0;
	if (check_at >= 0)
		o->mode = KC_MODE_CHECK;
	else if (o->mode != KC_MODE_KERNEL && o->compdb)
		o->mode = KC_MODE_COMPDB;

	o->out.check_form = o->mode == KC_MODE_CHECK;
	if (o->mode == KC_MODE_KERNEL && o->compdb)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "-p cannot be used with 'kernel'");
	if (o->tree && o->mode != KC_MODE_KERNEL)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "--tree needs the 'kernel' subcommand");
	if (o->build_generated && o->mode != KC_MODE_KERNEL)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "--build-generated needs the 'kernel' subcommand");
	if (o->mode == KC_MODE_KERNEL && o->run.cflags.n)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "'kernel' takes no compiler flags (they come from Kbuild)");
	if (o->out.format == OUT_FORMAT_HTML && !o->out.output)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "--format=html needs -o DIR (the report is a directory)");
	if (o->mode == KC_MODE_FILES && !o->inputs.n)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "no input files (try 'ksizecheck --help')");
	return 0;
}

void kc_opts_usage(FILE *f)
{
	fputs(
"usage: ksizecheck [OPTIONS] FILE.c... [-- COMPILER-FLAGS]\n"
"       ksizecheck [OPTIONS] -p DIR|compile_commands.json [FILES...]\n"
"       ksizecheck kernel [OPTIONS] [--tree DIR] [PATHS...]\n"
"       make C=1 CHECK=\"ksizecheck [OPTIONS]\" [dir/]   (Kbuild checker slot)\n"
"       ksizecheck model ...        slab size model queries\n"
"       ksizecheck merge FILES...   combine JSON/SARIF results of shards\n"
"       ksizecheck report [--source-root DIR] -o DIR RESULTS.json|.sarif\n"
"                                   render a saved run as an HTML report\n"
"       ksizecheck cache stats|clear [--cache-dir DIR]   the result cache\n"
"       ksizecheck db merge OUT.db SHARD.db...   fold CI shards' fact databases\n"
"       ksizecheck db stats FILE.db              rows of a fact database\n"
"\n"
"Checks Linux kernel C code for ksize() misuse and kmalloc slack accesses.\n"
"\n"
"Inputs:\n"
"  -p, --compile-commands DIR|FILE  compile database (compile_commands.json)\n"
"  --tree DIR            kernel tree for 'kernel' (default: .); must be\n"
"                        configured and prepared\n"
"  --build-generated     'kernel': first make the objects whose headers\n"
"                        Kbuild generates during a build (not 'make\n"
"                        prepare') and that are missing, then check them\n"
"  --shard I/N           check only the I-th of N deterministic parts\n"
"  --changed-since REV   only files changed since git revision REV\n"
"Run:\n"
"  -j, --jobs N          worker processes (default: online CPUs)\n"
"  --timeout SEC         per-file time limit (default 120)\n"
"  --mem-limit MB        per-worker address-space limit (default 2048)\n"
"  --sparse              also run sparse with the same arguments (CHECK=\n"
"                        form; or KSIZECHECK_SPARSE=1)\n"
"  --cache-dir DIR       result cache (default: $KSIZECHECK_CACHE_DIR,\n"
"                        $XDG_CACHE_HOME/ksizecheck, ~/.cache/ksizecheck)\n"
"  --no-cache            neither read nor write the result cache\n"
"  --cache-max-size SIZE size cap of the cache, oldest entries evicted\n"
"                        (default 5G; K, M, G suffixes)\n"
"  --db FILE             whole-tree fact database: use the facts of FILE\n"
"                        (functions and field stores of other files, from\n"
"                        the previous run) and replace it with this run's\n"
"                        (FILE.new, renamed at the end; docs/factdb.md)\n"
"  --rounds N            with --db: run N rounds, each reading the last\n"
"                        one's facts; findings of the last round only\n"
"  --db-fields           with --db: also use the tree's field stores\n"
"                        (experimental: stores in prefiltered files are\n"
"                        not recorded; docs/factdb.md)\n"
"  -q, --quiet           no progress (a line every 30 s when stderr is not a\n"
"                        terminal), no summary\n"
"  --stats               detailed accounting and counters on stderr\n"
"  --prefilter auto|on|off|check   skip, unparsed, the files that name no\n"
"                        allocator or size query, even through header\n"
"                        macros and inline functions (auto: on for\n"
"                        'kernel' and -p; check: parse all, report misses)\n"
"Analysis:\n"
"  --slab-config ID      judge under this slab configuration\n"
"  --all-configs         judge under every known configuration\n"
"  --enable RULE, --disable RULE   (repeatable)\n"
"  --rules FILE          extra API table (repeatable)\n"
"  --rules-dir DIR       rules directory (default: $KSIZECHECK_RULES_DIR,\n"
"                        <exe>/../share/ksizecheck/rules, the source tree)\n"
"  --config-file FILE, --no-config   ksizecheck configuration file\n"
"  --list-rules          list rule ids and exit\n"
"  --print-compdb        print the TUs as compile_commands.json, check nothing\n"
"  --print-commands      print 'clang -fsyntax-only' commands with the flags\n"
"                        ksizecheck gives libclang, check nothing\n"
"  --print-prefilter     print 'keep|skip FILE: why' for each TU, check\n"
"                        nothing\n"
"Output:\n"
"  --format text|json|sarif|html   (default text; html: -o DIR)\n"
"  -o, --output FILE     write findings to FILE\n"
"  --baseline FILE       hide findings recorded in FILE\n"
"  --write-baseline FILE record the current findings\n"
"  --fail-on error|warning|any|none   findings that give exit 1 (any)\n"
"  --fix[=diff|apply]    propose (diff) or apply fixes with spatch\n"
"  --version, -h, --help\n"
"\n"
"Exit status:\n"
"  0  no findings (per --fail-on) and every file parsed\n"
"  1  findings\n"
"  2  usage or input error, or a file that failed to parse or hit an\n"
"     internal error (crash, timeout, memory limit); files that parse with\n"
"     clang errors are still analysed and do not change the status\n"
"  130 interrupted (Ctrl-C); the partial summary is printed\n"
"In the CHECK= form (make C=1 CHECK=ksizecheck) findings give 0 unless\n"
"--fail-on is given, like sparse, so the build goes on.\n",
	      f);
}
