# One place for the warning set, so every target (library, CLI, tests) is held to the same bar.
function(bibkit_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                           -Wno-sign-conversion -Wnon-virtual-dtor)
  # GCC 12 reports a false -Wrestrict inside std::string's operator+ at -O3 (GCC bug 105651).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(BIBKIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
