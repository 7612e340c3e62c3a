# HTML report tests (label "html"), driven by tests/html/run-tests.sh:
#   html/browser  the corpus report in headless chromium (skipped with a
#                 reason when chromium or python3-html5lib is missing;
#                 scripts/install-browser.sh installs them); screenshots go
#                 to <build>/html-test/screenshots
#   html/escape   hostile paths and messages are escaped (no browser)
#   html/report   `ksizecheck report` on JSON and SARIF, and its errors
foreach(t browser escape report)
  add_test(NAME html/${t}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/html/run-tests.sh ${t}
      $<TARGET_FILE:ksizecheck> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/html-test
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/html)
  set_tests_properties(html/${t} PROPERTIES LABELS html SKIP_RETURN_CODE 77)
endforeach()
set_tests_properties(html/browser PROPERTIES TIMEOUT 300 RUN_SERIAL ON)
