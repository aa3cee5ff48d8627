#pragma once
// The exit codes every command shares (SPEC.md, "Bad input and faults").

namespace bibkit {

enum class ExitCode : int {
    ok = 0,
    problems = 1, // problems found in the input
    usage = 2,
    io = 3,
    network = 4,
};

constexpr int to_int(ExitCode code) {
    return static_cast<int>(code);
}

} // namespace bibkit
