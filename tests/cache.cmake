# cache: the result cache and the prefilter's cached header index
# (tests/cache/cache-test.sh, docs/cache.md); label cli.
set(KC_CACHE_CASES hit miss-new-dir header-edit flags-change rules-change
  concurrent corrupt size-cap subcommand config check-form-index corpus-warm
  missing-include other-error)
foreach(c ${KC_CACHE_CASES})
  add_test(NAME cache/${c}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cache/cache-test.sh
            $<TARGET_FILE:ksizecheck> ${c})
  set_tests_properties(cache/${c} PROPERTIES LABELS cli TIMEOUT 120
    ENVIRONMENT "KSIZECHECK_RULES_DIR=${PROJECT_SOURCE_DIR}/rules")
endforeach()
