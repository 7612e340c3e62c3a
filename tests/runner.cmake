# Self-test of kc-testrun against a stand-in ksizecheck: it must pass a
# matching file and fail on a missing finding, an unexpected finding and a
# wrong message; a known-to-fail line must count as XFAIL.
set(_kc_fake ${CMAKE_CURRENT_SOURCE_DIR}/runner/fake-ksizecheck.sh)
foreach(case pass xfail)
  add_test(NAME unit/runner-${case}
    COMMAND kc-testrun --ksizecheck ${_kc_fake} tests/runner/${case}.c
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(unit/runner-${case} PROPERTIES LABELS unit)
endforeach()
foreach(case missing unexpected substr)
  add_test(NAME unit/runner-${case}
    COMMAND kc-testrun --ksizecheck ${_kc_fake} tests/runner/${case}.c
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(unit/runner-${case} PROPERTIES LABELS unit WILL_FAIL TRUE)
endforeach()
