#include <bibkit/core/atomic_file.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bibkit {

namespace {

std::string directory_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string base_name_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool write_all(int fd, std::string_view contents) {
    while (!contents.empty()) {
        ssize_t n = ::write(fd, contents.data(), contents.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        contents.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace

Expected<WriteOk, IoError> write_file_atomically(const std::string& path,
                                                 std::string_view contents) {
    return write_file_atomically(path, std::span<const std::string_view>(&contents, 1));
}

Expected<WriteOk, IoError> write_file_atomically(const std::string& requested,
                                                 std::span<const std::string_view> parts) {
    // Replacing a symbolic link would cut it; write to the file it points to instead.
    std::string path = requested;
    struct stat link {};
    if (::lstat(requested.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        char* resolved = ::realpath(requested.c_str(), nullptr);
        if (!resolved) return unexpected(IoError{requested, std::strerror(errno)});
        path = resolved;
        std::free(resolved);
    }
    std::string directory = directory_of(path);
    // Named after the target so a leftover is recognisable, unless that would be too long a name.
    std::string base = base_name_of(path);
    std::string temporary =
        directory + "/." + (base.size() > 200 ? std::string() : base + ".") + "bibkit-XXXXXX";
    int fd = ::mkstemp(temporary.data());
    if (fd < 0) return unexpected(IoError{path, std::strerror(errno)});
    auto fail = [&](int error_number) -> Expected<WriteOk, IoError> {
        ::close(fd);
        ::unlink(temporary.c_str());
        return unexpected(IoError{path, std::strerror(error_number)});
    };
    // Keep the permissions of the file being replaced; a new file gets the usual 0666 & ~umask.
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
        if (::fchmod(fd, existing.st_mode & 07777) != 0) return fail(errno);
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        if (::fchmod(fd, 0666 & ~mask) != 0) return fail(errno);
    }
    for (std::string_view part : parts)
        if (!write_all(fd, part)) return fail(errno);
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        int saved = errno;
        ::unlink(temporary.c_str());
        return unexpected(IoError{path, std::strerror(saved)});
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(temporary.c_str());
        return unexpected(IoError{path, std::strerror(saved)});
    }
    // Make the rename itself durable.
    int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
    return WriteOk{};
}

} // namespace bibkit
