/* diag.h - findings: the one place every diagnostic goes through.
 *
 * A rule calls kc_report() to create a finding, then kc_note() to add
 * evidence (allocation site, ksize call, free, path) and fills f->slab
 * with the slab-model numbers. Findings are collected in a struct
 * kc_diag, sorted by (file, line, col, rule, message), de-duplicated, and
 * written by one writer per format. No rule prints anything itself.
 *
 * Memory: every string of a finding lives in the kc_diag's arena and is
 * freed by kc_diag_release().
 */
#ifndef KC_DIAG_DIAG_H
#define KC_DIAG_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "util/arena.h"
#include "util/err.h"

enum kc_severity {
	KC_SEV_NOTE = 0,
	KC_SEV_WARNING = 1,
	KC_SEV_ERROR = 2,
};

enum kc_rule_id {
#define KC_RULE(e, id, sev, fix, family, summary, full, help) KC_RULE_##e,
#include "rules/rule_list.h"
	KC_RULE_COUNT
};

struct kc_rule_info {
	const char *id;       /* "ksize-non-kmalloc" */
	int severity;         /* enum kc_severity */
	const char *fix;      /* cocci script basename, or NULL */
	const char *summary;
	const char *full;     /* the full description (SARIF) */
	const char *help;     /* how to fix findings, one sentence */
	const char *family;   /* "access_bounds": src/rules/<family>.c */
};

/* The registry row of a rule; NULL for an out-of-range id. */
const struct kc_rule_info *kc_rule_info(int rule);
/* Looks a rule up by its kebab-case id; -1 when unknown. */
int kc_rule_by_id(const char *id);

struct kc_loc {
	const char *file; /* as the user spelled it (compile command path) */
	unsigned line;    /* 1-based; 0 = unknown */
	unsigned col;     /* 1-based; 0 = unknown */
};

struct kc_note {
	const char *kind; /* "allocation", "ksize", "free", "path", "macro",
			   * "field" (the stores behind a field fact),
			   * "fact" (docs/factdb.md) */
	struct kc_loc loc;
	const char *msg;
};

/* Slab-model numbers that explain a verdict; valid == 0 when the rule has
 * none. Sizes are byte counts; ranges are inclusive [lo, hi]. */
struct kc_slab_numbers {
	int valid;
	const char *allocator;            /* "kmalloc", "kcalloc", ... */
	const char *requested_expr;       /* "len + 4", as written */
	unsigned long long req_lo, req_hi; /* requested size range */
	unsigned long long bucket_lo, bucket_hi;
	long long acc_off_lo, acc_off_hi; /* access offset range */
	unsigned long long acc_len_lo, acc_len_hi;
	const char *config;               /* "x86_64 SLUB 6.1" */
	const char *worst_config;         /* config making it an overflow */
};

struct kc_finding {
	int rule;                 /* enum kc_rule_id */
	int severity;             /* defaults to the rule's */
	struct kc_loc loc;
	const char *function;     /* enclosing function, or NULL */
	const char *message;
	struct kc_note *notes;
	unsigned nnotes, notes_cap;
	const char *fix;          /* cocci script, or NULL: from the rule */
	const char *fingerprint;  /* filled by output code, or NULL */
	struct kc_slab_numbers slab;
};

struct kc_diag {
	struct kc_arena arena;    /* owns every finding and its strings */
	struct kc_finding **v;
	size_t n, cap;
	int oom;                  /* set when an allocation failed */
};

void kc_diag_init(struct kc_diag *d);
void kc_diag_release(struct kc_diag *d);

/* Creates a finding of rule at loc with a printf message. Returns it (owned
 * by d) so the caller can add notes and numbers; NULL on OOM. */
struct kc_finding *kc_report(struct kc_diag *d, int rule, struct kc_loc loc,
			     const char *fmt, ...) KC_PRINTF(4, 5);

/* Adds a note to f. Returns 0 or -KC_ENOMEM. */
int kc_note(struct kc_diag *d, struct kc_finding *f, const char *kind,
	    struct kc_loc loc, const char *fmt, ...) KC_PRINTF(5, 6);

/* Copies f (from another kc_diag) into d; NULL on OOM. */
struct kc_finding *kc_diag_copy(struct kc_diag *d, const struct kc_finding *f);

/* Sorts by (file, line, col, rule, message) and drops duplicates. */
void kc_diag_sort_unique(struct kc_diag *d);

/* Writes every finding in GCC style:
 *   file:line:col: warning: message [rule-id]
 *   file:line:col: note: message
 * Returns 0 or -KC_EIO. */
int kc_diag_write_text(const struct kc_diag *d, FILE *out);

/* Counts findings at or above severity. */
size_t kc_diag_count(const struct kc_diag *d, int min_severity);

#endif
