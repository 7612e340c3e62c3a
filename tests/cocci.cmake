# cocci: one CTest per Coccinelle test case, tests/cocci/<script>/<name>.c
# (with <name>.res and/or <name>.report), run by tests/cocci/run.sh; plus
# a check that the generated cocci/*.cocci match scripts/gen-cocci.sh.
# A case is skipped (exit 77) when spatch is missing.
find_program(KC_SPATCH NAMES spatch)
find_program(KC_CLANG_BIN NAMES clang-${KC_LLVM_MAJOR} clang
  HINTS ${KC_LLVM_BINDIR})
if(NOT KC_SPATCH)
  set(KC_SPATCH spatch)
endif()
if(NOT KC_CLANG_BIN)
  set(KC_CLANG_BIN clang)
endif()
file(GLOB KC_COCCI_CASES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/cocci/*/*.c)
foreach(c ${KC_COCCI_CASES})
  get_filename_component(name ${c} NAME_WE)
  get_filename_component(dir ${c} DIRECTORY)
  get_filename_component(script ${dir} NAME)
  add_test(NAME cocci/${script}/${name}
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cocci/run.sh ${script} ${name})
  set_tests_properties(cocci/${script}/${name} PROPERTIES
    LABELS cocci SKIP_RETURN_CODE 77
    ENVIRONMENT "KC_SOURCE_DIR=${PROJECT_SOURCE_DIR};SPATCH=${KC_SPATCH};CLANG=${KC_CLANG_BIN}")
endforeach()
add_test(NAME cocci/generated-up-to-date
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/gen-cocci.sh --check)
set_tests_properties(cocci/generated-up-to-date PROPERTIES LABELS cocci)
