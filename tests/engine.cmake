# engine: structure of the analysis engine (label unit).
# engine/layers runs tests/engine/layers.sh: no file below the
# interpreter calls up into it, no rule family calls the driver, and only
# src/ir/path.c spells a key's text (docs/analysis.md, layers).
add_test(NAME engine/layers
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/engine/layers.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(engine/layers PROPERTIES LABELS unit)
