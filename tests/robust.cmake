# robust: garbage in, clear error out (label cli). One test per case of
# tests/robust/robust-test.sh: huge, binary, non-UTF-8, non-C inputs,
# symlink loops, broken compile databases, malformed --rules, config and
# baseline files. Each asserts the exit status and a message naming the
# file; a crash or hang of ksizecheck fails the case.
set(KC_ROBUST_CASES
  too-large long-line deep-expr deep-else-if deep-nesting many-functions
  self-include macro-bomb clang-hang nul-late utf16 utf8-bom-crlf
  invalid-utf8-ident
  elf-named-c fifo-input
  device-input symlink-loop-file symlink-loop-include symlink-loop-compdb
  compdb-source-loop compdb-missing-dir compdb-all-missing compdb-binary
  compdb-empty kernel-path-loop kernel-tree-loop rules-malformed
  rules-bad-record rules-missing rules-binary rules-directory rules-loop
  rules-empty config-binary config-loop baseline-binary baseline-missing)
foreach(c ${KC_ROBUST_CASES})
  add_test(NAME robust/${c}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/robust/robust-test.sh
            $<TARGET_FILE:ksizecheck> ${c})
  set_tests_properties(robust/${c} PROPERTIES LABELS cli TIMEOUT 120
    ENVIRONMENT "KSIZECHECK_RULES_DIR=${PROJECT_SOURCE_DIR}/rules")
endforeach()
# 50 MB of generated C: it must finish or fail cleanly within the timeout
add_test(NAME robust/huge-file
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/robust/robust-test.sh
          $<TARGET_FILE:ksizecheck> huge-file)
set_tests_properties(robust/huge-file PROPERTIES LABELS cli TIMEOUT 240
  ENVIRONMENT "KSIZECHECK_RULES_DIR=${PROJECT_SOURCE_DIR}/rules")
