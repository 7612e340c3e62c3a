# End-to-end --fix test (label cli): diff, apply, spatch missing.
add_test(NAME cli/fix-end-to-end
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/fix/fix-cli.sh $<TARGET_FILE:ksizecheck> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli/fix-end-to-end PROPERTIES LABELS cli SKIP_RETURN_CODE 77)
