#pragma once
// Running the real bibkit executable in tests: exit code and both outputs captured, standard input
// fed, a time limit; and the file checks end-to-end tests share.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <poll.h>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace bibkit_test {

namespace fs = std::filesystem;

struct RunResult {
    int exit_code = -1; // 128 + N when killed by signal N
    std::string out;
    std::string err;
};

struct RunOptions {
    std::optional<std::string> input; // standard input (a pipe); /dev/null when absent
    std::string stdout_path;          // when set, standard output goes to this file, uncaptured
};

constexpr auto k_time_limit = std::chrono::seconds(60);

inline void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// Runs BIBKIT_EXE with args in directory dir. Standard input is fed and both outputs are drained
// together, so that no pipe can fill up and block the program.
inline RunResult run_program(const fs::path& dir, const std::vector<std::string>& args,
                             const RunOptions& options) {
    RunResult result;
    std::vector<std::string> words{BIBKIT_EXE};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    std::string directory = dir.string();

    int in_pipe[2] = {-1, -1}, out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
    if ((options.input && ::pipe2(in_pipe, O_CLOEXEC) != 0) || ::pipe2(out_pipe, O_CLOEXEC) != 0 ||
        ::pipe2(err_pipe, O_CLOEXEC) != 0) {
        ADD_FAILURE() << "pipe: " << std::strerror(errno);
        return result;
    }
    // Writing to a program that exits without reading its input must not kill the test.
    static const bool sigpipe_ignored = std::signal(SIGPIPE, SIG_IGN) != SIG_ERR;
    EXPECT_TRUE(sigpipe_ignored);
    pid_t pid = ::fork();
    if (pid < 0) {
        ADD_FAILURE() << "fork: " << std::strerror(errno);
        return result;
    }
    if (pid == 0) {
        // In the child only async-signal-safe calls until exec. An ignored signal stays ignored
        // across exec, so SIGPIPE gets its default action back.
        std::signal(SIGPIPE, SIG_DFL);
        int in = options.input ? in_pipe[0] : ::open("/dev/null", O_RDONLY);
        int out = options.stdout_path.empty()
                      ? out_pipe[1]
                      : ::open(options.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 ||
            ::dup2(err_pipe[1], 2) < 0 || ::chdir(directory.c_str()) != 0)
            ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    close_fd(in_pipe[0]);
    close_fd(out_pipe[1]);
    close_fd(err_pipe[1]);
    std::string_view pending =
        options.input ? std::string_view(*options.input) : std::string_view();
    if (options.input && pending.empty()) close_fd(in_pipe[1]);
    if (in_pipe[1] >= 0) ::fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);

    auto deadline = std::chrono::steady_clock::now() + k_time_limit;
    bool timed_out = false;
    while (out_pipe[0] >= 0 || err_pipe[0] >= 0) {
        pollfd fds[3] = {
            {in_pipe[1], POLLOUT, 0}, {out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
        int ready = ::poll(fds, 3, 100);
        if (std::chrono::steady_clock::now() > deadline) {
            timed_out = true;
            ::kill(pid, SIGKILL);
            break;
        }
        if (ready < 0) {
            if (errno == EINTR) continue;
            ADD_FAILURE() << "poll: " << std::strerror(errno);
            ::kill(pid, SIGKILL);
            break;
        }
        if (in_pipe[1] >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = ::write(in_pipe[1], pending.data(), pending.size());
            if (n > 0) pending.remove_prefix(static_cast<std::size_t>(n));
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || pending.empty())
                close_fd(in_pipe[1]);
        }
        std::string* sinks[2] = {&result.out, &result.err};
        int* sources[2] = {&out_pipe[0], &err_pipe[0]};
        for (int i = 0; i < 2; ++i) {
            if (*sources[i] < 0 || !(fds[i + 1].revents & (POLLIN | POLLERR | POLLHUP))) continue;
            char buffer[1 << 14];
            ssize_t n = ::read(*sources[i], buffer, sizeof buffer);
            if (n > 0)
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR)
                close_fd(*sources[i]);
        }
    }
    close_fd(in_pipe[1]);
    close_fd(out_pipe[0]);
    close_fd(err_pipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status))
        result.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        result.exit_code = 128 + WTERMSIG(status);
    EXPECT_FALSE(timed_out) << "bibkit did not finish within the time limit";
    EXPECT_NE(result.exit_code, 126) << "could not set up the child process";
    EXPECT_NE(result.exit_code, 127) << "could not execute " << BIBKIT_EXE;
    return result;
}

inline std::string read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline struct timespec modification_time(const fs::path& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path << ": " << std::strerror(errno);
    return info.st_mtim;
}

// An old, exact modification time, so that "unchanged" cannot pass by luck.
constexpr time_t k_old_time = 1'000'000'000; // 2001-09-09

inline void set_old_modification_time(const fs::path& path) {
    struct timespec times[2] = {{k_old_time, 0}, {k_old_time, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0) << std::strerror(errno);
}

inline void expect_old_modification_time(const fs::path& path) {
    struct timespec time = modification_time(path);
    EXPECT_EQ(time.tv_sec, k_old_time) << path << " was written";
    EXPECT_EQ(time.tv_nsec, 0) << path << " was written";
}

inline unsigned permission_bits(const fs::path& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path << ": " << std::strerror(errno);
    return info.st_mode & 07777u;
}

} // namespace bibkit_test
