#pragma once
// The arXiv API client: batches, request spacing, retries, and the disk cache (SPEC.md, "arXiv").
// The network itself is behind Transport so tests can replace it; make_curl_transport is the real
// one.

#include <bibkit/arxiv/atom.hpp>
#include <bibkit/arxiv/paper.hpp>
#include <bibkit/core/expected.hpp>
#include <bibkit/model/arxiv_id.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::arxiv {

struct HttpResponse {
    long status = 0;
    std::string body;
    std::optional<std::chrono::seconds> retry_after; // the Retry-After header, when given
};

struct TransportError {
    enum class Kind : std::uint8_t { connection, timeout, truncated, other };
    Kind kind = Kind::other;
    std::string message;
};

class Transport {
  public:
    virtual ~Transport() = default;
    // One GET over the connection the transport keeps open.
    virtual Expected<HttpResponse, TransportError> get(const std::string& url) = 0;
};

struct TransportOptions {
    // Empty: bibkit's descriptive default, "bibkit/0.1.0 (bibliography toolkit; arXiv API client;
    // mailto:CONTACT) libcurl/7.88.1".
    std::string user_agent;
    std::string contact;                      // an e-mail address for the default User-Agent
    std::chrono::milliseconds timeout{30000}; // the whole request, connection included
    std::chrono::milliseconds connect_timeout{10000};
};

// libcurl: one easy handle, so one kept-alive connection; gzip (and brotli, deflate) accepted;
// http and https only, redirects followed.
// Time-outs, bodies cut short (CURLE_PARTIAL_FILE) and lost connections come back as their kinds.
std::unique_ptr<Transport> make_curl_transport(const TransportOptions& options);

// A Retry-After value: delay-seconds or an HTTP date (a date in the past gives 0). nullopt when
// it is neither.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value);

struct ClientOptions {
    std::string api_url = "https://export.arxiv.org/api/query";
    // arXiv's terms of use: one request every 3 seconds. Shorter only for a loopback api_url.
    // Measured from the end of the previous request, so that the server sees the whole interval
    // even when the previous one spent part of its time setting up the connection.
    std::chrono::milliseconds min_interval{3000};
    int max_attempts = 5;                          // per request, the first included
    std::chrono::milliseconds first_backoff{3000}; // doubled after each failed attempt
    // A Retry-After longer than this ends the attempts (an error) rather than hang the program.
    std::chrono::seconds max_retry_after{300};
    std::size_t search_page_size = 100; // results asked for per search request
    std::string cache_dir; // empty: $XDG_CACHE_HOME/bibkit/arxiv (or ~/.cache/bibkit/arxiv)
    std::chrono::seconds cache_lifetime{86400};
    bool use_cache = true;
    bool offline = false; // answer from the cache only
    bool refresh = false; // do not read the cache (still write it)
    // Called before each batch or page: done, total (ids or results); for a progress bar.
    // Also called once at the end with done == total.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // The clock the spacing and the back-off are measured with, and how the client waits; empty:
    // std::chrono::steady_clock::now and std::this_thread::sleep_for. Tests replace both so
    // that they do not really wait.
    std::function<std::chrono::steady_clock::time_point()> now;
    std::function<void(std::chrono::steady_clock::duration)> sleep;
};

struct ClientError {
    enum class Kind : std::uint8_t {
        network,   // connection, time-out, truncated body, 429/503 past the last retry, 5xx
        api,       // HTTP 400 or the API's Error entry: message is the server's
        malformed, // an answer that is not a valid feed after retries
        offline,   // --offline and not in the cache
        usage,     // e.g. min_interval below 3 s for a remote api_url
    };
    Kind kind = Kind::network;
    std::string message;
};

struct FetchResult {
    std::vector<Paper> papers;             // in the order the ids were asked for
    std::vector<model::ArxivId> not_found; // asked for, absent from the answer
};

class Client {
  public:
    // Fails with kind usage when the options break the terms of use (min_interval below 3 s for
    // an api_url whose host is not localhost, 127.0.0.1 or ::1), or make no sense (an api_url
    // that is not http(s), max_attempts < 1, offline with refresh or without the cache).
    // A null transport: make_curl_transport with default options.
    static Expected<Client, ClientError> create(ClientOptions options,
                                                std::unique_ptr<Transport> transport);

    // Batches of at most 100 ids, `max_results` set to the batch size. Ids are asked in arXiv's
    // canonical form (an old-style id's subject class dropped: "math/0309136"), with the version
    // when one was given; an id asked twice is asked and answered once. A versionless id matches
    // any version of the paper, a versioned one only that version.
    Expected<FetchResult, ClientError> fetch(std::span<const model::ArxivId> ids);
    // arXiv's query syntax ("au:bengio AND ti:attention"), paging until max_results or the
    // last result.
    Expected<std::vector<Paper>, ClientError> search(const std::string& query,
                                                     std::size_t max_results);

    Client(Client&&) noexcept;
    Client& operator=(Client&&) noexcept;
    ~Client();

  private:
    struct State;
    explicit Client(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace bibkit::arxiv
