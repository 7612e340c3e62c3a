# Output tests (label "output"): golden JSON, SARIF validated with the
# official SARIF multitool (skipped with a reason when it is missing),
# baseline round trips, suppressions and exit codes. The driver is
# tests/output/run-tests.sh; kc-out-sample builds findings in-process.
add_executable(kc-out-sample ${CMAKE_CURRENT_SOURCE_DIR}/output/sample.c)
target_link_libraries(kc-out-sample PRIVATE kc)
target_compile_options(kc-out-sample PRIVATE ${KC_WARNINGS})
set_target_properties(kc-out-sample PROPERTIES BUILD_RPATH ${KC_LLVM_LIBDIR})

foreach(t golden-json golden-sarif sarif-validate baseline suppress exit-codes
    malformed merge changed docs e2e slab-preset)
  add_test(NAME output/${t}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/output/run-tests.sh ${t}
      $<TARGET_FILE:kc-out-sample> $<TARGET_FILE:ksizecheck>
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/output)
  set_tests_properties(output/${t} PROPERTIES LABELS output
    SKIP_RETURN_CODE 77)
endforeach()
