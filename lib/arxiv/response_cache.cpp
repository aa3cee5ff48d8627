#include "response_cache.hpp"

#include <bibkit/core/atomic_file.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace bibkit::arxiv {

namespace {

// The first line of every cache file: a file without it is not ours and is never trusted.
constexpr std::string_view k_magic = "bibkit-arxiv-cache 1\n";

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

bool expired(const std::filesystem::path& path, std::chrono::seconds lifetime) {
    std::error_code error;
    auto written = std::filesystem::last_write_time(path, error);
    if (error) return true;
    return std::filesystem::file_time_type::clock::now() - written > lifetime;
}

std::optional<std::string> read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return std::nullopt;
    return text;
}

} // namespace

std::uint64_t fnv1a_64(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

ResponseCache::ResponseCache(std::string directory, std::chrono::seconds lifetime)
    : m_directory(std::move(directory)), m_lifetime(lifetime) {}

std::string ResponseCache::default_directory() {
    // The XDG base directory spec says relative values are invalid and must be ignored.
    std::string xdg = environment("XDG_CACHE_HOME");
    if (!xdg.empty() && xdg.front() == '/') return xdg + "/bibkit/arxiv";
    std::string home = environment("HOME");
    if (!home.empty()) return home + "/.cache/bibkit/arxiv";
    return {};
}

std::string ResponseCache::path_for(const std::string& url) const {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.atom",
                  static_cast<unsigned long long>(fnv1a_64(url)));
    return m_directory + "/" + name;
}

std::optional<std::string> ResponseCache::read(const std::string& url) const {
    std::string path = path_for(url);
    if (expired(path, m_lifetime)) return std::nullopt;
    std::optional<std::string> text = read_whole(path);
    if (!text) return std::nullopt;
    std::string header = std::string(k_magic) + url + "\n";
    if (text->compare(0, header.size(), header) != 0) return std::nullopt;
    return text->substr(header.size());
}

bool ResponseCache::write(const std::string& url, std::string_view body) const {
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error) return false;
    std::string header = std::string(k_magic) + url + "\n";
    std::string_view parts[] = {header, body};
    return write_file_atomically(path_for(url), parts).has_value();
}

} // namespace bibkit::arxiv
