# alam_warnings(target): the project's own warning flags. Never exported to consumers.
function(alam_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wconversion -Wno-sign-conversion)
  if(ALAM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
