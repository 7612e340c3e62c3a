# Corpus tests (label "corpus"): every corpus/*.c is one test that runs
#   kc-testrun --ksizecheck ksizecheck --include tests/include/kstub FILE
# and compares ksizecheck's findings with the file's "expect:" comments
# (docs/architecture.md, "Annotated tests"; the scenarios are listed in
# docs/corpus.md). Compiler flags such as -DKC_STUB_6_12 come from the
# file's own "ksizecheck-args: -- FLAGS" comment.
#
# corpus/compile checks that every corpus file compiles cleanly against
# the kstub headers with the same flags (tests/corpus-compile.sh), and
# corpus/kstub-headers that every stub header compiles on its own in both
# API shapes (tests/include/kstub/check-headers.sh).
file(GLOB KC_CORPUS_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/corpus/*.c)
set(_kc_kstub ${PROJECT_SOURCE_DIR}/tests/include/kstub)

if(TARGET kc-testrun AND TARGET ksizecheck)
  foreach(src ${KC_CORPUS_FILES})
    get_filename_component(name ${src} NAME_WE)
    add_test(NAME corpus/${name}
      COMMAND kc-testrun --ksizecheck $<TARGET_FILE:ksizecheck>
        --include ${_kc_kstub} ${src}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(corpus/${name} PROPERTIES LABELS corpus)
  endforeach()
else()
  message(STATUS "corpus: kc-testrun or ksizecheck target missing, "
    "only corpus/compile is registered")
endif()

find_program(KC_BASH bash)
if(KC_BASH)
  add_test(NAME corpus/compile
    COMMAND ${KC_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/corpus-compile.sh
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(corpus/compile PROPERTIES LABELS corpus
    ENVIRONMENT "CLANG=${KC_CLANG}")
  add_test(NAME corpus/kstub-headers
    COMMAND ${KC_BASH} ${_kc_kstub}/check-headers.sh
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(corpus/kstub-headers PROPERTIES LABELS corpus
    ENVIRONMENT "CLANG=${KC_CLANG}")
endif()
