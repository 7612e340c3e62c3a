# layers (label "layers"): scripts/check-layers.sh over src/, with the
# layer table of docs/architecture.md, and a test of the check itself on
# planted violations (tests/layers/planted-test.sh).
add_test(NAME layers/tree
  COMMAND sh ${PROJECT_SOURCE_DIR}/scripts/check-layers.sh ${PROJECT_SOURCE_DIR})
add_test(NAME layers/planted
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/layers/planted-test.sh)
set_tests_properties(layers/tree layers/planted PROPERTIES LABELS layers
  TIMEOUT 60)
