/* html_report.c - out_html_write(), which writes the HTML report's
 * directory, and `ksizecheck report`, which renders a saved run (the
 * --format=json document or ksizecheck's SARIF log, read with the readers
 * merge uses: out_json_read(), out_sarif_to_doc(), kc_finding_from_json()).
 */
#include "out/html.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag/finding_json.h"
#include "model/slab.h"
#include "out/html_int.h"
#include "out/jsonfile.h"
#include "out/sarif_read.h"
#include "out/srcfile.h"
#include "out/writers.h"

static int mkdir_one(const char *path, struct kc_err *err)
{
	struct stat st;

	if (!mkdir(path, 0777) || (errno == EEXIST && !stat(path, &st) &&
				   S_ISDIR(st.st_mode)))
		return 0;
	return kc_err_set(err, KC_EIO, NULL, 0, 0,
			  "cannot create directory '%s': %s", path,
			  errno == EEXIST ? "a file of that name exists" :
			  strerror(errno));
}

/* mkdir -p dir. */
static int mkdir_p(const char *dir, struct kc_err *err)
{
	char buf[4096];
	size_t i, n = strlen(dir);

	if (!n || n >= sizeof(buf))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "bad output directory '%s'", dir);
	memcpy(buf, dir, n + 1);
	for (i = 1; i < n; i++) {
		if (buf[i] != '/')
			continue;
		buf[i] = '\0';
		if (mkdir_one(buf, err))
			return -KC_EIO;
		buf[i] = '/';
	}
	return mkdir_one(buf, err) ? -KC_EIO : 0;
}

static int save_asset(const char *dir, const char *name, const char *text,
		      struct kc_err *err)
{
	struct html_buf b;
	int ret;

	hb_init(&b);
	hb_puts(&b, text);
	ret = html_page_save(&b, dir, name, err);
	hb_release(&b);
	return ret;
}

int out_html_write(const struct kc_diag *d, json_object *doc,
		   const struct out_html_opts *o, struct kc_err *err)
{
	struct out_src_cache src;
	struct html_ctx c = { o, d, doc, NULL, &src };
	struct kc_err merr = { 0 };
	struct html_buf b;
	char sub[4096], name[64];
	size_t i;
	int ret;

	if (!o->dir)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "--format=html needs -o DIR (the report is a directory)");
	if ((size_t)snprintf(sub, sizeof(sub), "%s/f", o->dir) >= sizeof(sub))
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "bad output directory '%s'", o->dir);
	ret = mkdir_p(sub, err);
	if (ret)
		return ret;
	out_src_cache_init(&src);
	/* no model: the pages say the preset table is not available */
	if (o->rules_dir && slab_model_load(&c.model, o->rules_dir, &merr))
		c.model = NULL;
	ret = save_asset(o->dir, "style.css", html_css, err);
	if (!ret)
		ret = save_asset(o->dir, "report.js", html_js, err);
	if (!ret) {
		hb_init(&b);
		html_index(&b, &c);
		ret = html_page_save(&b, o->dir, "index.html", err);
		hb_release(&b);
	}
	for (i = 0; !ret && i < d->n; i++) {
		hb_init(&b);
		html_finding(&b, &c, i);
		snprintf(name, sizeof(name), "%zu.html", i + 1);
		ret = html_page_save(&b, sub, name, err);
		hb_release(&b);
	}
	out_src_cache_release(&src);
	slab_model_free(c.model);
	return ret;
}

static int report_usage(const char *msg)
{
	if (msg)
		fprintf(stderr, "ksizecheck: report: %s\n", msg);
	fputs("usage: ksizecheck report [--source-root DIR] -o DIR RESULTS.json|RESULTS.sarif\n",
	      stderr);
	return 2;
}

/* The findings of doc's "findings" array into d. */
static int doc_findings(json_object *doc, struct kc_diag *d,
			const char *path, const char *text,
			struct kc_err *err)
{
	json_object *arr = html_jget(doc, "findings");
	size_t i;
	int ret;

	if (!arr || !json_object_is_type(arr, json_type_array))
		return kc_err_set(err, KC_EPARSE, path,
				  text ? out_json_line(text, "findings", -1) : 1,
				  0, "no \"findings\" array: not a ksizecheck result");
	for (i = 0; i < json_object_array_length(arr); i++) {
		ret = kc_finding_from_json(d, json_object_array_get_idx(arr, i),
					   err);
		if (ret == -KC_EPARSE) {
			char what[sizeof(err->msg)];

			snprintf(what, sizeof(what), "%s", err->msg);
			return kc_err_set(err, KC_EPARSE, path,
					  text ? out_json_line(text, "findings",
							       (long)i) : 1,
					  0, "finding %zu: %s", i + 1, what);
		}
		if (ret)
			return ret;
	}
	kc_diag_sort_unique(d);
	return 0;
}

int kc_report_main(int argc, char **argv, const char *rules_dir)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "source-root", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct out_html_opts o = { 0 };
	struct kc_err err = { 0 };
	struct kc_diag d;
	json_object *root = NULL, *doc = NULL;
	char *text = NULL, buf[2048];
	int c, ret, code = 0;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o.dir = optarg; break;
		case 'r': o.source_root = optarg; break;
		case 'h': report_usage(NULL); return 0;
		case ':':
			snprintf(buf, sizeof(buf), "option '%s' needs a value",
				 argv[optind - 1]);
			return report_usage(buf);
		default:
			snprintf(buf, sizeof(buf), "unknown option '%s'",
				 argv[optind - 1]);
			return report_usage(buf);
		}
	}
	if (optind + 1 != argc)
		return report_usage(optind == argc ? "no results file" :
				    "one results file, please");
	if (!o.dir)
		return report_usage("needs -o DIR");
	o.origin = argv[optind];
	o.rules_dir = rules_dir;
	kc_diag_init(&d);
	ret = out_json_read(argv[optind], &root, &text, &err);
	if (!ret && html_jget(root, "runs")) {
		ret = out_sarif_to_doc(root, &doc, &err);
		if (ret == -KC_EPARSE)
			snprintf(err.file, sizeof(err.file), "%s",
				 argv[optind]);
		free(text);
		text = NULL;
	} else if (!ret) {
		doc = json_object_get(root);
	}
	if (!ret)
		ret = doc_findings(doc, &d, argv[optind], text, &err);
	if (!ret)
		ret = out_html_write(&d, doc, &o, &err);
	if (ret) {
		kc_err_format(&err, buf, sizeof(buf));
		fprintf(stderr, "ksizecheck: %s\n", buf);
		code = 2;
	}
	json_object_put(doc);
	json_object_put(root);
	free(text);
	kc_diag_release(&d);
	return code;
}

int out_write_html(const struct kc_diag *d, const struct out_run_info *run,
		   struct kc_err *err)
{
	json_object *doc;
	int ret;

	if (!run->html)
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "--format=html needs -o DIR (the report is a directory)");
	doc = out_json_document(d, run);
	if (!doc)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	ret = out_html_write(d, doc, run->html, err);
	json_object_put(doc);
	return ret;
}
