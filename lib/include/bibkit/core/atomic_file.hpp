#pragma once
// Writes that never leave a half-written file: a temporary beside the target, fsync, then rename.

#include <bibkit/core/expected.hpp>
#include <bibkit/core/source_file.hpp>
#include <span>
#include <string>
#include <string_view>

namespace bibkit {

struct WriteOk {};

Expected<WriteOk, IoError> write_file_atomically(const std::string& path,
                                                 std::string_view contents);
// The same for contents in pieces, written one after the other.
Expected<WriteOk, IoError> write_file_atomically(const std::string& path,
                                                 std::span<const std::string_view> parts);

} // namespace bibkit
