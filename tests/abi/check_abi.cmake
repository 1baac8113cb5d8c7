# The C ABI check (tests/abi/CMakeLists.txt). MODE=write: describe LIB's C ABI into BASELINE.
# MODE=check: describe it into CURRENT and abidiff BASELINE against it; fail on any change that
# is not known to be compatible. Both modes run abidw with the same options and suppressions,
# so a check right after a write reports nothing.
#
# abidiff's exit status is a bit set: 1 error, 2 usage error, 4 an ABI change, 8 an
# incompatible ABI change (a removed function, for one). Bit 4 alone is still failed here:
# abidiff classes many breaking changes (a field's type or offset, a parameter's type) as
# "changes", not "incompatible". What may change without failing: added functions (not
# reported, --no-added-syms), libabigail's "harmless" class (a new enumerator), and the insides
# of the opaque handles (c_abi.suppr). Anything else, appending a field to a versioned struct
# included, fails until the baseline is refreshed at a release.
cmake_minimum_required(VERSION 3.22)
foreach(v MODE ABIDW LIB HEADERS BASELINE)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_abi.cmake needs -D${v}=...")
  endif()
endforeach()
get_filename_component(suppr "${CMAKE_CURRENT_LIST_DIR}/c_abi.suppr" ABSOLUTE)
if(MODE STREQUAL "write")
  set(out "${BASELINE}")
else()
  set(out "${CURRENT}")
endif()
execute_process(COMMAND "${ABIDW}" --headers-dir "${HEADERS}" --no-show-locs --no-corpus-path
                        --suppressions "${suppr}" --out-file "${out}" "${LIB}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidw failed (${rc}) on ${LIB}")
endif()
if(MODE STREQUAL "write")
  message(STATUS "wrote ${BASELINE}")
  return()
endif()
execute_process(COMMAND "${ABIDIFF}" --no-added-syms --suppressions "${suppr}"
                        "${BASELINE}" "${CURRENT}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE report)
message("${report}")
if(rc EQUAL 0)
  message(STATUS "the C ABI matches ${BASELINE}")
elseif(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not run: ${rc}")
else()
  math(EXPR error "${rc} & 3")
  math(EXPR incompatible "${rc} & 8")
  if(NOT error EQUAL 0)
    message(FATAL_ERROR "abidiff failed to compare (exit status ${rc})")
  elseif(NOT incompatible EQUAL 0)
    message(FATAL_ERROR "INCOMPATIBLE change of the C ABI (abidiff exit status ${rc}): see above")
  else()
    message(FATAL_ERROR "the C ABI changed (abidiff exit status ${rc}): see above. If the change "
            "is compatible and intended, declare it in tests/abi/c_abi.suppr; at a release, "
            "refresh the baseline (tests/abi/CMakeLists.txt says how)")
  endif()
endif()
