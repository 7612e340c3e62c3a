/* html.h - the HTML report: `--format=html -o DIR` for a run and
 * `ksizecheck report RESULTS.json|RESULTS.sarif -o DIR` for a saved one.
 *
 * Both paths end in out_html_write(): the findings as a kc_diag (from the
 * run, or read back with kc_finding_from_json()) and the --format=json
 * document (accounting, notifications, suppressed findings) of the same
 * run. DIR gets index.html, style.css, report.js and one page per finding
 * (f/N.html, N the 1-based rank in the sorted findings). Every asset is in
 * DIR: nothing is fetched when the report is viewed. docs/html-report.md
 * describes the pages.
 */
#ifndef KC_OUT_HTML_H
#define KC_OUT_HTML_H

#include <json-c/json.h>

#include "diag/diag.h"
#include "util/err.h"

struct out_html_opts {
	const char *dir;         /* output directory, created when missing */
	const char *rules_dir;   /* slab presets for the per-preset verdicts;
				  * NULL: no preset table */
	const char *source_root; /* relative finding paths are read below it;
				  * NULL: the current directory */
	const char *fix_diff;    /* --fix=diff output (unified diff), or NULL */
	const char *origin;      /* what was rendered: "this run" or a file */
};

/* Writes the report of d (findings) and doc (the rest of the JSON
 * document; may be NULL) into o->dir. Returns 0, -KC_EIO (err names the
 * file) or -KC_ENOMEM. */
int out_html_write(const struct kc_diag *d, json_object *doc,
		   const struct out_html_opts *o, struct kc_err *err);

/* `ksizecheck report [--source-root DIR] -o DIR RESULTS`. Returns the exit
 * status: 0 written, 2 usage or input error (printed on stderr). */
int kc_report_main(int argc, char **argv, const char *rules_dir);

#endif
