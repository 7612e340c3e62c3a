# Rule tests (label "rules"): every tests/rules/<rule-id>/*.c is one test
# that runs
#   kc-testrun --ksizecheck ksizecheck --include tests/include/kstub FILE
# and compares the findings with the file's "expect:" comments
# (docs/architecture.md, "Annotated tests"). Positives and negatives of
# each rule, for every provenance kind, control-flow shape and access
# shape (docs/analysis.md). The files also compile as plain C against the
# kstub headers (rules/compile).
file(GLOB KC_RULE_TEST_FILES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/rules/*/*.c)
set(_kc_rules_kstub ${PROJECT_SOURCE_DIR}/tests/include/kstub)

if(TARGET kc-testrun AND TARGET ksizecheck)
  foreach(src ${KC_RULE_TEST_FILES})
    get_filename_component(name ${src} NAME_WE)
    get_filename_component(dir ${src} DIRECTORY)
    get_filename_component(rule ${dir} NAME)
    add_test(NAME rules/${rule}/${name}
      COMMAND kc-testrun --ksizecheck $<TARGET_FILE:ksizecheck>
        --include ${_kc_rules_kstub} ${src}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(rules/${rule}/${name} PROPERTIES LABELS rules)
  endforeach()
else()
  message(STATUS "rules: kc-testrun or ksizecheck target missing")
endif()
