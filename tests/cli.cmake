# cli: command-line behaviour of ksizecheck (bad input, exit codes, worker
# isolation, the Kbuild CHECK= form). One test per case of
# tests/cli/cli-test.sh.
set(KC_CLI_CASES
  help version no-inputs unknown-option missing-value rules-dir bad-number
  bad-enum
  bad-shard missing-file directory-input non-c-file empty-file binary-file
  non-c-text non-utf8 clean quiet parse-errors error-cap missing-header
  gcc-flags unknown-flag-once check-form check-form-stats check-form-sparse
  check-form-no-file compdb-malformed compdb-truncated compdb-missing
  compdb-no-args compdb-missing-source compdb-select prefilter analysis-time-limit
  irrelevant-functions bad-env-number tree-not-kernel
  tree-missing tree-unconfigured tree-unprepared worker-crash worker-timeout
  worker-oom interrupt progress-log same-order shard-union kernel-fake-tree
  kernel-generated-headers)
# Under ASan the crash and out-of-memory cases cannot behave as in a
# release build (ASan handles SIGSEGV itself, and RLIMIT_AS is off because
# of its shadow memory): cli-test.sh skips them, saying so, when KC_ASAN=1.
set(_kc_cli_env "KSIZECHECK_RULES_DIR=${PROJECT_SOURCE_DIR}/rules")
if(CMAKE_BUILD_TYPE STREQUAL "Asan")
  list(APPEND _kc_cli_env "KC_ASAN=1")
endif()
foreach(c ${KC_CLI_CASES})
  add_test(NAME cli/${c}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli-test.sh
            $<TARGET_FILE:ksizecheck> ${c})
  set_tests_properties(cli/${c} PROPERTIES LABELS cli TIMEOUT 60
    ENVIRONMENT "${_kc_cli_env}")
endforeach()
