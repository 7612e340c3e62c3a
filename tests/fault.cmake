# fault: the malloc-failure test (label "fault"), registered only in a
# -DKC_FAULT_INJECT=ON build (scripts/test.sh configures its ASan+UBSan
# build that way). tests/fault/fault-walk.sh walks the failed allocation
# N over the analysis of a corpus file: every N up to the file's
# allocation count when it is at most MAX_RUNS, else a stride giving
# about MAX_RUNS runs; each run must end as a clean internal error, and
# a run past the last allocation with exactly the findings of a run
# without failure. FILE:MAX_RUNS pairs; about 0.15 s a run under ASan.
set(KC_FAULT_FILES
  seq_strbuf:1000 kvcalloc_flow_stats:1000 sdio_desc_ring_loop:100
  netdev_rx_ring:120 crash_name_builder:120 clk_name_const:100
  tlv_attr_parser:100)
if(KC_FAULT_INJECT AND TARGET ksizecheck)
  foreach(pair ${KC_FAULT_FILES})
    string(REPLACE ":" ";" pair ${pair})
    list(GET pair 0 name)
    list(GET pair 1 max)
    add_test(NAME fault/${name}
      COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/fault/fault-walk.sh
              $<TARGET_FILE:ksizecheck> tests/include/kstub ${max}
              corpus/${name}.c
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(fault/${name} PROPERTIES LABELS fault TIMEOUT 600
      ENVIRONMENT "KSIZECHECK_RULES_DIR=${PROJECT_SOURCE_DIR}/rules")
  endforeach()
endif()
