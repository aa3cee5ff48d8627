#pragma once
// The arXiv client's disk cache: one file per request URL, holding the answer the API gave. Only
// the client writes it, and only with answers that parsed into a good feed.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bibkit::arxiv {

// FNV-1a, 64 bits: the cache file's name. The URL is stored inside the file too, so two URLs
// that share a hash never answer for each other.
std::uint64_t fnv1a_64(std::string_view text);

class ResponseCache {
  public:
    // `directory` may not exist yet: it is created on the first write.
    ResponseCache(std::string directory, std::chrono::seconds lifetime);

    // $XDG_CACHE_HOME/bibkit/arxiv, else $HOME/.cache/bibkit/arxiv; empty when neither is set.
    static std::string default_directory();

    // The stored answer to `url`, unless absent, older than the lifetime or not ours.
    std::optional<std::string> read(const std::string& url) const;
    // Atomic, so a reader never sees half an answer. False when the cache cannot be written.
    bool write(const std::string& url, std::string_view body) const;

    std::string path_for(const std::string& url) const;
    const std::string& directory() const { return m_directory; }

  private:
    std::string m_directory;
    std::chrono::seconds m_lifetime;
};

} // namespace bibkit::arxiv
