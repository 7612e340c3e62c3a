/* stat_list.h - X-macro list of the run's counters, shown by --stats.
 *
 * KC_STAT(enum-suffix, "name", "description"). Anyone may append rows
 * (the analysis adds its own); the driver ships counters between worker
 * and parent by name, so adding a row needs no other change. Counters are
 * summed over all TUs.
 */
KC_STAT(PARSE_US, "parse-us", "microseconds in clang_parseTranslationUnit2")
KC_STAT(ANALYZE_US, "analyze-us", "microseconds in kc_analyze_tu")
KC_STAT(CLANG_ERRORS, "clang-errors", "clang errors in all TUs")
KC_STAT(UNKNOWN_FLAGS, "unknown-flags", "compiler flags clang rejected (dropped)")
KC_STAT(WORKER_RESTARTS, "worker-restarts", "workers restarted after a crash or timeout")
KC_STAT(FUNCS_ANALYSED, "functions-analysed", "function bodies analysed (not counting inlined calls)")
KC_STAT(FUNCS_IRRELEVANT, "functions-irrelevant", "functions not analysed: they reach no allocator, size query or field fact")
KC_STAT(FUNCS_NO_FACTS, "functions-no-facts", "functions the first pass (field facts) skips: they store into no field that an allocating function stores into")
KC_STAT(FUNCS_OVER_BUDGET, "functions-over-budget", "functions whose analysis stopped at the step budget")
KC_STAT(CALLS_INLINED, "calls-inlined", "calls to same-TU functions analysed in the caller's context")
KC_STAT(KSIZE_CALLS, "ksize-calls", "ksize()/__ksize() call sites seen")
KC_STAT(KSIZE_RESOLVED, "ksize-resolved", "ksize() sites whose argument's provenance is fully known")
KC_STAT(KSIZE_UNRESOLVED, "ksize-unresolved", "ksize() sites with an argument of unknown provenance on some path")
KC_STAT(ACCESSES_JUDGED, "accesses-judged", "access sites on kmalloc memory judged against the request")
KC_STAT(ACCESSES_UNBOUNDED, "accesses-unbounded", "access sites on kmalloc memory the analysis could not bound")
KC_STAT(ANALYSIS_STEPS, "analysis-steps", "abstract interpretation steps (both passes)")
KC_STAT(PREFILTER_WOULD_SKIP, "prefilter-would-skip", "--prefilter=check: TUs analysed that the prefilter rules out")
KC_STAT(FUNCS_SKIPPED_TIME, "functions-skipped-time", "functions not analysed: the TU hit half its --timeout in analysis")
