# factdb: the whole-tree fact database in a run (tests/factdb/db-test.sh,
# docs/factdb.md): rounds, the negative twins, shard merge, re-checking
# one file, the result cache, errors; label cli.
set(KC_FACTDB_CASES rounds one-command merge replace cache errors sink capfield)
foreach(c ${KC_FACTDB_CASES})
  add_test(NAME factdb/${c}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/factdb/db-test.sh
            $<TARGET_FILE:ksizecheck> ${c})
  set_tests_properties(factdb/${c} PROPERTIES LABELS cli TIMEOUT 120
    ENVIRONMENT "KSIZECHECK_RULES_DIR=${PROJECT_SOURCE_DIR}/rules")
endforeach()
