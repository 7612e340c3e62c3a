# fuzz: a short libFuzzer smoke run of every harness of fuzz/ (docs/fuzzing.md).
# The main build may use gcc, so scripts/fuzz.sh configures and builds a
# separate clang-19 build in <build>/fuzz-smoke (fixture fuzz/build), then
# each harness runs its regression inputs (fuzz/regress/H) and 2000 inputs
# (150 for the analysis) mutated from its seeds. Without clang-19 or the
# libFuzzer runtime every test prints why and is skipped (exit 77).
file(GLOB _kc_fuzz_src CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/fuzz_*.c)
set(KC_FUZZ_HARNESSES)
foreach(f ${_kc_fuzz_src})
  get_filename_component(h ${f} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" h ${h})
  list(APPEND KC_FUZZ_HARNESSES ${h})
endforeach()
set(KC_FUZZ_ENV "KC_FUZZ_BUILD=${CMAKE_BINARY_DIR}/fuzz-smoke")
add_test(NAME fuzz/build
  COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/fuzz.sh build)
set_tests_properties(fuzz/build PROPERTIES LABELS fuzz TIMEOUT 900
  SKIP_RETURN_CODE 77 FIXTURES_SETUP kc_fuzz_build
  ENVIRONMENT "${KC_FUZZ_ENV}")
foreach(h ${KC_FUZZ_HARNESSES})
  add_test(NAME fuzz/${h}
    COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/fuzz.sh smoke-one ${h})
  set_tests_properties(fuzz/${h} PROPERTIES LABELS fuzz TIMEOUT 120
    SKIP_RETURN_CODE 77 FIXTURES_REQUIRED kc_fuzz_build
    RESOURCE_LOCK kc_fuzz ENVIRONMENT "${KC_FUZZ_ENV}")
endforeach()
add_custom_target(check-fuzz
  COMMAND ${CMAKE_CTEST_COMMAND} --output-on-failure -L ^fuzz$
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
