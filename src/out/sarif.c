/* sarif.c - the SARIF 2.1.0 writer (one run), for GitHub code scanning and
 * any SARIF viewer.
 *
 * Per result: ruleId/ruleIndex, level, message, the primary location with
 * its function as a logical location, relatedLocations for the notes
 * (allocation, ksize call, free, path), a codeFlow from the allocation
 * through the notes to the access, partialFingerprints (our stable hash,
 * also given as GitHub's primaryLocationLineHash), the slab numbers in
 * properties, and fixes[] when an exact replacement is known (see
 * sarif_fix.c); otherwise the fix script is described in properties only,
 * because SARIF requires concrete artifactChanges in a fix.
 */
#include "out/writers.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/finding_json.h"
#include "out/jsonfile.h"
#include "out/rule_text.h"
#include "out/srcfile.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SRCROOT "%SRCROOT%"

static const char *level_name(int sev)
{
	return sev == KC_SEV_ERROR ? "error" :
	       sev == KC_SEV_WARNING ? "warning" : "note";
}

/* Percent-encodes path into a URI reference (RFC 3986 path characters). */
static void uri_encode(const char *path, char *buf, size_t size)
{
	static const char ok[] = "-._~/!$&'()*+,;=:@";
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;

	for (; *path && n + 4 < size; path++) {
		unsigned char ch = (unsigned char)*path;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || (ch && strchr(ok, ch))) {
			buf[n++] = (char)ch;
		} else {
			buf[n++] = '%';
			buf[n++] = hex[ch >> 4];
			buf[n++] = hex[ch & 15];
		}
	}
	buf[n] = '\0';
}

json_object *out_sarif_artifact_location(const char *file)
{
	json_object *a = json_object_new_object();
	char rel[PATH_MAX], uri[3 * PATH_MAX + 8];
	int bad = 0;

	out_rel_path(file, rel, sizeof(rel));
	if (rel[0] == '/') {
		char enc[3 * PATH_MAX];

		uri_encode(rel, enc, sizeof(enc));
		snprintf(uri, sizeof(uri), "file://%s", enc);
		bad |= kc_jadd_str(a, "uri", uri);
	} else {
		uri_encode(rel, uri, sizeof(uri));
		bad |= kc_jadd_str(a, "uri", uri);
		bad |= kc_jadd_str(a, "uriBaseId", SRCROOT);
	}
	if (bad) {
		json_object_put(a);
		return NULL;
	}
	return a;
}

static json_object *physical(const struct kc_loc *l)
{
	json_object *p = json_object_new_object();
	int bad = 0;

	bad |= kc_jadd(p, "artifactLocation", out_sarif_artifact_location(l->file));
	if (l->line) {
		json_object *r = json_object_new_object();

		bad |= kc_jadd_int(r, "startLine", l->line);
		if (l->col)
			bad |= kc_jadd_int(r, "startColumn", l->col);
		bad |= kc_jadd(p, "region", r);
	}
	if (bad) {
		json_object_put(p);
		return NULL;
	}
	return p;
}

json_object *out_sarif_message(const char *text)
{
	json_object *m = json_object_new_object();

	if (kc_jadd_str(m, "text", text && *text ? text : "(no message)")) {
		json_object_put(m);
		return NULL;
	}
	return m;
}

static json_object *location(const struct kc_loc *l, const char *msg,
			     const char *function)
{
	json_object *o = json_object_new_object();
	int bad = 0;

	bad |= kc_jadd(o, "physicalLocation", physical(l));
	if (msg)
		bad |= kc_jadd(o, "message", out_sarif_message(msg));
	if (function) {
		json_object *ll = json_object_new_array();
		json_object *f = json_object_new_object();

		bad |= kc_jadd_str(f, "name", function);
		bad |= kc_jadd_str(f, "kind", "function");
		bad |= kc_jadd(ll, NULL, f);
		bad |= kc_jadd(o, "logicalLocations", ll);
	}
	if (bad) {
		json_object_put(o);
		return NULL;
	}
	return o;
}

static json_object *rule_descriptor(int rule)
{
	const struct kc_rule_info *ri = kc_rule_info(rule);
	json_object *r = json_object_new_object();
	json_object *cfg = json_object_new_object();
	json_object *props = json_object_new_object();
	json_object *tags = json_object_new_array();
	json_object *help = json_object_new_object();
	char name[128], uri[512], text[2048];
	int bad = 0;

	snprintf(uri, sizeof(uri), "%s%s.md", OUT_RULE_DOC_URI, ri->id);
	snprintf(text, sizeof(text), "%s\n\nFix: %s\n\nSuppress: /* ksizecheck: ignore %s: reason */ on the line or the line above.\n\nDocumentation: %s",
		 out_rule_full_text(rule), out_rule_fix_text(rule), ri->id,
		 uri);
	bad |= kc_jadd_str(r, "id", ri->id);
	bad |= kc_jadd_str(r, "name",
			    out_rule_pascal_name(rule, name, sizeof(name)));
	bad |= kc_jadd(r, "shortDescription", out_sarif_message(ri->summary));
	bad |= kc_jadd(r, "fullDescription",
			out_sarif_message(out_rule_full_text(rule)));
	bad |= kc_jadd_str(r, "helpUri", uri);
	bad |= kc_jadd_str(help, "text", text);
	bad |= kc_jadd(r, "help", help);
	bad |= kc_jadd_str(cfg, "level", level_name(ri->severity));
	bad |= kc_jadd(r, "defaultConfiguration", cfg);
	bad |= kc_jadd_str(tags, NULL, "correctness");
	bad |= kc_jadd_str(tags, NULL, "memory-safety");
	bad |= kc_jadd_str(tags, NULL, "linux-kernel");
	bad |= kc_jadd(props, "tags", tags);
	bad |= kc_jadd_str(props, "precision",
			    ri->severity == KC_SEV_ERROR ? "high" : "medium");
	bad |= kc_jadd_str(props, "problem.severity",
			    level_name(ri->severity));
	bad |= kc_jadd(r, "properties", props);
	if (bad) {
		json_object_put(r);
		return NULL;
	}
	return r;
}

/* Tool notifications (toolExecutionNotifications descriptors). GitHub
 * code scanning requires fullDescription and help on every
 * reportingDescriptor, notifications included (validator rule GH2012). */
static const struct {
	const char *id, *name, *summary, *full, *help, *doc;
} notif[] = {
	{ "parse-failed", "ParseFailed",
	  "A translation unit could not be parsed and was not checked",
	  "libclang could not parse the file (a missing header, an unknown compiler flag, a crash, a timeout or the memory limit), so ksizecheck checked nothing in it; findings in it are missing from this run.",
	  "Run ksizecheck on the file alone with --stats to see clang's first error. Configure and prepare the tree first (make allmodconfig; make prepare) so generated headers exist. The run exits with status 2 when a file failed.",
	  "ci.md#exit-status" },
	{ "parse-errors", "ParseErrors",
	  "A translation unit had compile errors; it was checked as far as clang could parse it",
	  "clang reported errors in the file but produced a syntax tree, and ksizecheck checked the functions it could see; findings in code clang could not parse are missing.",
	  "Fix the compile errors clang reports for this file (often a header generated by 'make prepare' that is missing, or a compiler flag clang does not know) and run again.",
	  "ci.md#exit-status" },
	{ "suppression", "BadSuppression",
	  "An inline suppression comment is incomplete or names an unknown rule",
	  "A 'ksizecheck: ignore' comment without a reason or with an unknown rule id suppresses nothing, so that a typo never silences a finding quietly.",
	  "Write the comment as /* ksizecheck: ignore RULE[,RULE...]: reason */ on the line of the finding or the line above, with rule ids from 'ksizecheck --list-rules' or 'all'.",
	  "ci.md#inline-suppressions" },
	{ "baseline-fixed", "BaselineFixed",
	  "A baseline entry no longer matches a finding: the bug was fixed",
	  "An entry of the baseline file given with --baseline matched no finding of this run: the code it described was fixed or removed.",
	  "Refresh the baseline with --write-baseline when the list should shrink; until then the entry is reported as fixed on every run.",
	  "ci.md#baselines-fail-only-on-new-findings" },
};

static json_object *notification_descriptor(size_t i)
{
	json_object *n = json_object_new_object();
	json_object *help = json_object_new_object();
	char uri[512];
	int bad = 0;

	snprintf(uri, sizeof(uri), "%s/blob/main/docs/%s",
		 OUT_INFORMATION_URI, notif[i].doc);
	bad |= kc_jadd_str(n, "id", notif[i].id);
	bad |= kc_jadd_str(n, "name", notif[i].name);
	bad |= kc_jadd(n, "shortDescription", out_sarif_message(notif[i].summary));
	bad |= kc_jadd(n, "fullDescription", out_sarif_message(notif[i].full));
	bad |= kc_jadd_str(n, "helpUri", uri);
	bad |= kc_jadd_str(help, "text", notif[i].help);
	bad |= kc_jadd(n, "help", help);
	if (bad) {
		json_object_put(n);
		return NULL;
	}
	return n;
}

static json_object *driver(const struct out_run_info *run)
{
	json_object *d = json_object_new_object();
	json_object *rules = json_object_new_array();
	json_object *notes = json_object_new_array();
	const char *v = run->tool_version ? run->tool_version : KC_VERSION;
	int i, bad = 0;

	bad |= kc_jadd_str(d, "name", "ksizecheck");
	bad |= kc_jadd_str(d, "version", v);
	bad |= kc_jadd_str(d, "semanticVersion", v);
	bad |= kc_jadd_str(d, "informationUri", OUT_INFORMATION_URI);
	for (i = 0; i < KC_RULE_COUNT; i++)
		bad |= kc_jadd(rules, NULL, rule_descriptor(i));
	bad |= kc_jadd(d, "rules", rules);
	for (i = 0; i < (int)(sizeof(notif) / sizeof(notif[0])); i++)
		bad |= kc_jadd(notes, NULL, notification_descriptor((size_t)i));
	bad |= kc_jadd(d, "notifications", notes);
	if (bad) {
		json_object_put(d);
		return NULL;
	}
	return d;
}

static json_object *code_flow(const struct kc_finding *f)
{
	json_object *cf = json_object_new_object();
	json_object *tfs = json_object_new_array();
	json_object *tf = json_object_new_object();
	json_object *locs = json_object_new_array();
	unsigned i;
	int bad = 0;

	for (i = 0; i <= f->nnotes; i++) {
		const struct kc_note *n = i < f->nnotes ? &f->notes[i] : NULL;
		json_object *tl = json_object_new_object();

		if (n && !strcmp(n->kind, "macro")) {
			json_object_put(tl);
			continue;
		}
		bad |= kc_jadd(tl, "location",
				n ? location(&n->loc, n->msg, NULL) :
				location(&f->loc, f->message, f->function));
		bad |= kc_jadd_int(tl, "nestingLevel", 0);
		bad |= kc_jadd(locs, NULL, tl);
	}
	bad |= kc_jadd(tf, "locations", locs);
	bad |= kc_jadd(tfs, NULL, tf);
	bad |= kc_jadd(cf, "threadFlows", tfs);
	if (bad) {
		json_object_put(cf);
		return NULL;
	}
	return cf;
}

static json_object *snippet(const struct out_src *s, unsigned first,
			    unsigned last)
{
	json_object *o;
	char *text;
	size_t len, n = 0, total = 0;
	unsigned l;

	for (l = first; l <= last; l++)
		if (out_src_line(s, l, &len))
			total += len + 1;
	text = malloc(total + 1);
	if (!text)
		return NULL;
	for (l = first; l <= last; l++) {
		const char *p = out_src_line(s, l, &len);

		if (!p)
			continue;
		memcpy(text + n, p, len);
		n += len;
		text[n++] = '\n';
	}
	text[n] = '\0';
	o = json_object_new_object();
	if (kc_jadd_str(o, "text", text)) {
		json_object_put(o);
		o = NULL;
	}
	free(text);
	return o;
}

/* Adds region.snippet and a contextRegion (the line above and below) to
 * the physicalLocation of loc, from the source file. */
static int add_snippets(struct out_src_cache *c, json_object *loc,
			const struct kc_loc *l)
{
	const struct out_src *s = out_src_get(c, l->file);
	json_object *phys, *region, *ctx;
	size_t len;
	unsigned first, last;
	int bad = 0;

	if (!s || !l->line || !out_src_line(s, l->line, &len) ||
	    !json_object_object_get_ex(loc, "physicalLocation", &phys) ||
	    !json_object_object_get_ex(phys, "region", &region))
		return 0;
	first = l->line > 1 ? l->line - 1 : 1;
	last = l->line < s->nlines ? l->line + 1 : l->line;
	bad |= kc_jadd(region, "snippet", snippet(s, l->line, l->line));
	ctx = json_object_new_object();
	bad |= kc_jadd_int(ctx, "startLine", first);
	bad |= kc_jadd_int(ctx, "endLine", last);
	bad |= kc_jadd(ctx, "snippet", snippet(s, first, last));
	bad |= kc_jadd(phys, "contextRegion", ctx);
	return bad;
}

static json_object *result(struct out_src_cache *c, const struct kc_finding *f,
			   const struct out_removed *why, int baseline_used,
			   const struct apidb *api)
{
	json_object *r = json_object_new_object();
	json_object *props = json_object_new_object();
	json_object *locs = json_object_new_array();
	json_object *fj = kc_finding_to_json(f), *slab;
	json_object *fx;
	unsigned i;
	int bad = !fj;

	bad |= kc_jadd_str(r, "ruleId", kc_rule_info(f->rule)->id);
	bad |= kc_jadd_int(r, "ruleIndex", f->rule);
	bad |= kc_jadd_str(r, "level", level_name(f->severity));
	bad |= kc_jadd(r, "message", out_sarif_message(f->message));
	{
		json_object *l = location(&f->loc, NULL, f->function);

		bad |= !l || add_snippets(c, l, &f->loc);
		bad |= kc_jadd(locs, NULL, l);
	}
	bad |= kc_jadd(r, "locations", locs);
	if (f->nnotes) {
		json_object *rel = json_object_new_array();
		json_object *flows = json_object_new_array();

		for (i = 0; i < f->nnotes; i++) {
			const struct kc_note *n = &f->notes[i];
			json_object *l = location(&n->loc, n->msg, NULL);

			bad |= kc_jadd_int(l, "id", i + 1);
			if (!bad) {
				json_object *p = json_object_new_object();

				bad |= kc_jadd_str(p, "kind", n->kind);
				bad |= kc_jadd(l, "properties", p);
			}
			bad |= kc_jadd(rel, NULL, l);
		}
		bad |= kc_jadd(r, "relatedLocations", rel);
		bad |= kc_jadd(flows, NULL, code_flow(f));
		bad |= kc_jadd(r, "codeFlows", flows);
	}
	if (f->fingerprint) {
		json_object *fp = json_object_new_object();

		bad |= kc_jadd_str(fp, OUT_FINGERPRINT_KEY, f->fingerprint);
		bad |= kc_jadd_str(fp, "primaryLocationLineHash",
				    f->fingerprint);
		bad |= kc_jadd(r, "partialFingerprints", fp);
	}
	fx = out_sarif_exact_fix(c, f, api);
	if (fx) {
		json_object *fixes = json_object_new_array();

		bad |= kc_jadd(fixes, NULL, fx);
		bad |= kc_jadd(r, "fixes", fixes);
	}
	if (why) {
		json_object *sups = json_object_new_array();
		json_object *s = json_object_new_object();
		int base = !why->file;

		bad |= kc_jadd_str(s, "kind", base ? "external" : "inSource");
		bad |= kc_jadd_str(s, "status", "accepted");
		if (why->why && *why->why)
			bad |= kc_jadd_str(s, "justification", why->why);
		if (!base)
			bad |= kc_jadd(s, "location", location(
				&(struct kc_loc){ why->file, why->line, 0 },
				NULL, NULL));
		bad |= kc_jadd(sups, NULL, s);
		bad |= kc_jadd(r, "suppressions", sups);
	}
	if (baseline_used)
		bad |= kc_jadd_str(r, "baselineState",
				    why && !why->file ? "unchanged" : "new");
	if (!bad && json_object_object_get_ex(fj, "slab", &slab))
		bad |= kc_jadd(props, "slab", json_object_get(slab));
	if (f->fix) {
		json_object *fp = json_object_new_object();

		bad |= kc_jadd_str(fp, "script", f->fix);
		bad |= kc_jadd_str(fp, "command", "ksizecheck --fix");
		bad |= kc_jadd_str(fp, "description",
				    out_rule_fix_text(f->rule));
		bad |= kc_jadd_bool(fp, "exactReplacementInSarif", fx != NULL);
		bad |= kc_jadd(props, "fix", fp);
	}
	bad |= kc_jadd(r, "properties", props);
	json_object_put(fj);
	if (bad) {
		json_object_put(r);
		return NULL;
	}
	return r;
}

static json_object *notification(const char *id, const char *level,
				 const char *file, unsigned line,
				 const char *text)
{
	json_object *n = json_object_new_object();
	json_object *desc = json_object_new_object();
	int bad = 0;

	bad |= kc_jadd_str(desc, "id", id);
	bad |= kc_jadd(n, "descriptor", desc);
	bad |= kc_jadd_str(n, "level", level);
	bad |= kc_jadd(n, "message", out_sarif_message(text));
	if (file && *file) {
		json_object *locs = json_object_new_array();

		bad |= kc_jadd(locs, NULL, location(
			&(struct kc_loc){ file, line, 0 }, NULL, NULL));
		bad |= kc_jadd(n, "locations", locs);
	}
	if (bad) {
		json_object_put(n);
		return NULL;
	}
	return n;
}

static json_object *invocation(const struct kc_diag *d,
			       const struct out_run_info *run)
{
	json_object *inv = json_object_new_object();
	json_object *notes = json_object_new_array();
	json_object *doc = out_json_document(d, run), *acc;
	json_object *props = json_object_new_object();
	size_t i;
	int ok, bad = !doc;

	ok = !(run->tu_total && !run->tu_parsed &&
	       !run->tu_parsed_with_errors);
	bad |= kc_jadd_bool(inv, "executionSuccessful", ok);
	bad |= kc_jadd_str(inv, "commandLine", run->command_line);
	for (i = 0; i < run->nnotes; i++) {
		const struct out_file_note *n = &run->notes[i];
		const char *lvl = n->level ? n->level : "error";

		bad |= kc_jadd(notes, NULL, notification(
			!strcmp(lvl, "error") ? "parse-failed" : "parse-errors",
			lvl, n->file, 0, n->message));
	}
	for (i = 0; run->suppress && i < run->suppress->nwarn; i++) {
		const struct out_warning *w = &run->suppress->warn[i];

		bad |= kc_jadd(notes, NULL, notification("suppression",
			"warning", w->file, w->line, w->msg));
	}
	for (i = 0; run->baseline && i < run->baseline->nfixed; i++) {
		const struct out_fixed *x = &run->baseline->fixed[i];
		char text[1024];

		snprintf(text, sizeof(text), "fixed: [%s] %s%s%s", x->rule,
			 x->message ? x->message : "",
			 x->function ? " in " : "",
			 x->function ? x->function : "");
		bad |= kc_jadd(notes, NULL, notification("baseline-fixed",
			"note", x->file, x->line, text));
	}
	bad |= kc_jadd(inv, "toolExecutionNotifications", notes);
	if (!bad && json_object_object_get_ex(doc, "accounting", &acc))
		bad |= kc_jadd(props, "accounting", json_object_get(acc));
	bad |= kc_jadd_str(props, "slabConfiguration", run->config);
	bad |= kc_jadd(inv, "properties", props);
	json_object_put(doc);
	if (bad) {
		json_object_put(inv);
		return NULL;
	}
	return inv;
}

static int add_results(json_object *arr, struct out_src_cache *c,
		       const struct out_removed *r, size_t n, int baseline,
		       const struct apidb *api)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < n && !bad; i++)
		bad |= kc_jadd(arr, NULL, result(c, r[i].f, &r[i], baseline,
						       api));
	return bad;
}

static json_object *sarif_document(const struct kc_diag *d,
				   const struct out_run_info *run)
{
	json_object *doc = json_object_new_object();
	json_object *runs = json_object_new_array();
	json_object *r = json_object_new_object();
	json_object *tool = json_object_new_object();
	json_object *results = json_object_new_array();
	json_object *invs = json_object_new_array();
	json_object *bases = json_object_new_object();
	json_object *root = json_object_new_object();
	struct out_src_cache cache;
	char cwd[PATH_MAX], enc[3 * PATH_MAX], uri[3 * PATH_MAX + 16];
	int baseline = run->baseline != NULL;
	size_t i;
	int bad = 0;

	out_src_cache_init(&cache);
	bad |= kc_jadd_str(doc, "$schema", SARIF_SCHEMA);
	bad |= kc_jadd_str(doc, "version", "2.1.0");
	bad |= kc_jadd(tool, "driver", driver(run));
	bad |= kc_jadd(r, "tool", tool);
	bad |= kc_jadd(invs, NULL, invocation(d, run));
	bad |= kc_jadd(r, "invocations", invs);
	if (getcwd(cwd, sizeof(cwd))) {
		uri_encode(cwd, enc, sizeof(enc));
		snprintf(uri, sizeof(uri), "file://%s%s", enc,
			 strcmp(cwd, "/") ? "/" : "");
		bad |= kc_jadd_str(root, "uri", uri);
		bad |= kc_jadd(bases, SRCROOT, root);
		bad |= kc_jadd(r, "originalUriBaseIds", bases);
	} else {
		json_object_put(root);
		json_object_put(bases);
	}
	for (i = 0; i < d->n && !bad; i++)
		bad |= kc_jadd(results, NULL,
				result(&cache, d->v[i], NULL, baseline,
				       run->api));
	if (run->sarif_suppressed && run->suppress)
		bad |= add_results(results, &cache, run->suppress->removed,
				   run->suppress->nremoved, baseline,
				   run->api);
	if (run->sarif_suppressed && run->baseline)
		bad |= add_results(results, &cache, run->baseline->removed,
				   run->baseline->nremoved, baseline,
				   run->api);
	bad |= kc_jadd(r, "results", results);
	bad |= kc_jadd_str(r, "columnKind", "unicodeCodePoints");
	if (run->slab_preset) {
		json_object *props = json_object_new_object();

		bad |= kc_jadd(props, "slabPreset", out_slab_preset_json(run));
		bad |= kc_jadd(r, "properties", props);
	}
	bad |= kc_jadd(runs, NULL, r);
	bad |= kc_jadd(doc, "runs", runs);
	out_src_cache_release(&cache);
	if (bad) {
		json_object_put(doc);
		return NULL;
	}
	return doc;
}

int out_write_sarif(const struct kc_diag *d, const struct out_run_info *run,
		    FILE *out)
{
	return out_json_emit(sarif_document(d, run), out);
}
