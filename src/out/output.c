/* output.c - format and policy names, the exit policy, and out_write()
 * dispatching to the text, JSON and SARIF writers.
 */
#include "out/output.h"

#include <string.h>

#include "out/writers.h"

int out_format_parse(const char *s, enum out_format *fmt, struct kc_err *err)
{
	if (!strcmp(s, "text"))
		*fmt = OUT_FORMAT_TEXT;
	else if (!strcmp(s, "json"))
		*fmt = OUT_FORMAT_JSON;
	else if (!strcmp(s, "sarif"))
		*fmt = OUT_FORMAT_SARIF;
	else if (!strcmp(s, "html"))
		*fmt = OUT_FORMAT_HTML;
	else
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "unknown format '%s' (text, json, sarif, html)", s);
	return 0;
}

int out_format_from_path(const char *path)
{
	size_t n = strlen(path);

	if (n >= 5 && !strcmp(path + n - 5, ".json"))
		return OUT_FORMAT_JSON;
	if (n >= 6 && !strcmp(path + n - 6, ".sarif"))
		return OUT_FORMAT_SARIF;
	if (n >= 4 && !strcmp(path + n - 4, ".txt"))
		return OUT_FORMAT_TEXT;
	return -1;
}

int out_fail_on_parse(const char *s, enum out_fail_on *p, struct kc_err *err)
{
	if (!strcmp(s, "error"))
		*p = OUT_FAIL_ON_ERROR;
	else if (!strcmp(s, "warning"))
		*p = OUT_FAIL_ON_WARNING;
	else if (!strcmp(s, "any"))
		*p = OUT_FAIL_ON_ANY;
	else if (!strcmp(s, "none"))
		*p = OUT_FAIL_ON_NONE;
	else
		return kc_err_set(err, KC_EUSAGE, NULL, 0, 0,
				  "unknown --fail-on value '%s' (error, warning, any, none)",
				  s);
	return 0;
}

int out_exit_code(const struct kc_diag *d, enum out_fail_on policy)
{
	switch (policy) {
	case OUT_FAIL_ON_ERROR:
		return kc_diag_count(d, KC_SEV_ERROR) ? 1 : 0;
	case OUT_FAIL_ON_WARNING:
		return kc_diag_count(d, KC_SEV_WARNING) ? 1 : 0;
	case OUT_FAIL_ON_ANY:
		return d->n ? 1 : 0;
	case OUT_FAIL_ON_NONE:
		break;
	}
	return 0;
}

int out_write(const struct kc_diag *d, enum out_format fmt,
	      const struct out_run_info *run, FILE *out, struct kc_err *err)
{
	static const struct out_run_info empty;
	int ret;

	if (!run)
		run = &empty;
	if (fmt == OUT_FORMAT_HTML)
		return out_write_html(d, run, err);
	switch (fmt) {
	case OUT_FORMAT_JSON:
		ret = out_write_json(d, run, out);
		break;
	case OUT_FORMAT_SARIF:
		ret = out_write_sarif(d, run, out);
		break;
	default:
		ret = kc_diag_write_text(d, out);
		break;
	}
	if (ret == -KC_ENOMEM)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	if (ret || fflush(out) || ferror(out))
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "cannot write the %s output",
				  fmt == OUT_FORMAT_JSON ? "json" :
				  fmt == OUT_FORMAT_SARIF ? "sarif" : "text");
	return 0;
}
