#pragma once
// Writes that never leave a half-written file: a temporary beside the target, fsync, then rename.

#include <bibkit/core/expected.hpp>
#include <bibkit/core/source_file.hpp>
#include <string>
#include <string_view>

namespace bibkit {

struct WriteOk {};

Expected<WriteOk, IoError> write_file_atomically(const std::string& path,
                                                 std::string_view contents);

} // namespace bibkit
