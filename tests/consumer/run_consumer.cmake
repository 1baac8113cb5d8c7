# Installs the build tree into a fresh prefix, builds the consumer project against it with
# find_package(alam), and runs its C++ and C programs. The build's compiler flags are passed on
# so that a sanitizer build's consumer links against its sanitized library.
file(REMOVE_RECURSE "${ALAM_WORK_DIR}")
set(prefix "${ALAM_WORK_DIR}/prefix")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${ALAM_BINARY_DIR}" --prefix "${prefix}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${ALAM_CONSUMER_SOURCE}" -B "${ALAM_WORK_DIR}/build"
                        -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release
                        "-DCMAKE_CXX_FLAGS=${ALAM_CXX_FLAGS}" "-DCMAKE_C_FLAGS=${ALAM_C_FLAGS}"
                        "-DCMAKE_EXE_LINKER_FLAGS=${ALAM_LINK_FLAGS}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer configure failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${ALAM_WORK_DIR}/build" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer build failed")
endif()
foreach(prog consumer_cpp consumer_c)
  execute_process(COMMAND "${ALAM_WORK_DIR}/build/${prog}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  message(STATUS "${prog}: ${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${prog} failed (${rc})")
  endif()
endforeach()
