# Fails when mandoc's linter reports anything for the page (warnings included).
execute_process(COMMAND ${MANDOC} -Tlint -Wwarning ${PAGE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
  message(FATAL_ERROR "mandoc -Tlint ${PAGE}:\n${out}${err}")
endif()
