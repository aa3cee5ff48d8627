// The arXiv API client: what goes over the network, how often, what is retried, what is cached.

#include "response_cache.hpp"

#include <algorithm>
#include <bibkit/arxiv/client.hpp>
#include <bibkit/core/percent_encoding.hpp>
#include <iterator>
#include <optional>
#include <thread>

namespace bibkit::arxiv {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t k_batch_size = 100; // the API's advice for id_list
constexpr std::chrono::milliseconds k_terms_interval{3000};

// ---- URLs -------------------------------------------------------------------------------------

// The host of an http(s) URL, without brackets for IPv6; empty when there is none.
std::string url_host(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
    if (!rest.empty() && rest.front() == '[')
        return std::string(rest.substr(1, rest.find(']') - 1));
    std::string host(rest.substr(0, rest.find(':')));
    for (char& c : host)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return host;
}

bool is_loopback(std::string_view url) {
    std::string host = url_host(url);
    return host == "localhost" || host == "127.0.0.1" || host == "::1";
}

bool is_http(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

// Everything but the unreserved characters encoded, so a query's spaces, quotes, parentheses and
// '&' reach the API as the user wrote them.
std::string percent_encoded(std::string_view text) {
    std::string out;
    append_percent_encoded(out, text, [](char c) { return !is_unreserved(c); });
    return out;
}

std::string with_query(const std::string& api_url, const std::string& query) {
    return api_url + (api_url.find('?') == std::string::npos ? "?" : "&") + query;
}

// ---- Ids --------------------------------------------------------------------------------------

// arXiv's own spelling of an old-style id has no subject class: "math/0309136", not
// "math.GT/0309136"; the API answers with it.
std::string id_without_version(const model::ArxivId& id) {
    if (id.style == model::ArxivStyle::modern) return id.id;
    std::size_t slash = id.id.find('/');
    std::string archive = id.id.substr(0, slash);
    return archive.substr(0, archive.find('.')) + id.id.substr(slash);
}

std::string request_id(const model::ArxivId& id) {
    std::string text = id_without_version(id);
    if (id.version != 0) text += "v" + std::to_string(id.version);
    return text;
}

std::vector<model::ArxivId> distinct(std::span<const model::ArxivId> ids) {
    std::vector<model::ArxivId> out;
    for (const model::ArxivId& id : ids) {
        auto same = [&](const model::ArxivId& seen) { return request_id(seen) == request_id(id); };
        if (std::none_of(out.begin(), out.end(), same)) out.push_back(id);
    }
    return out;
}

std::string batch_url(const std::string& api_url, std::span<const model::ArxivId> batch) {
    std::string list;
    for (const model::ArxivId& id : batch) list += (list.empty() ? "" : ",") + request_id(id);
    return with_query(api_url, "id_list=" + list + "&max_results=" + std::to_string(batch.size()));
}

// The answer for one asked id: the same version when one was asked, else the newest given.
const Paper* answer_for(const model::ArxivId& asked, const std::vector<Paper>& papers) {
    const Paper* best = nullptr;
    std::string key = id_without_version(asked);
    for (const Paper& paper : papers) {
        if (id_without_version(paper.id) != key) continue;
        if (asked.version != 0 && paper.id.version != asked.version) continue;
        if (best == nullptr || paper.id.version > best->id.version) best = &paper;
    }
    return best;
}

// ---- Judging one answer -----------------------------------------------------------------------

struct Attempt {
    enum class Verdict : std::uint8_t { done, retry, fail };
    Verdict verdict = Verdict::fail;
    Feed feed;
    ClientError error;
    std::optional<std::chrono::seconds> retry_after;
};

Attempt retry(ClientError::Kind kind, std::string message,
              std::optional<std::chrono::seconds> retry_after = std::nullopt) {
    return {Attempt::Verdict::retry, {}, {kind, std::move(message)}, retry_after};
}

Attempt fail(ClientError::Kind kind, std::string message) {
    return {Attempt::Verdict::fail, {}, {kind, std::move(message)}, std::nullopt};
}

// A 200's body: a feed, the API's error, or something to ask again for (a broken or cut answer,
// or an empty page although totalResults says more results lie past `start`).
Attempt judge_feed(std::string_view body, std::uint64_t start) {
    auto feed = parse_atom_feed(body);
    if (!feed && feed.error().kind == AtomError::Kind::api_error)
        return fail(ClientError::Kind::api, feed.error().message);
    if (!feed) return retry(ClientError::Kind::malformed, feed.error().message);
    if (feed->papers.empty() && feed->total_results > start) {
        return retry(ClientError::Kind::network, "an empty page although totalResults is " +
                                                     std::to_string(feed->total_results));
    }
    return {Attempt::Verdict::done, std::move(*feed), {}, std::nullopt};
}

std::string status_text(long status) {
    std::string text = "HTTP " + std::to_string(status);
    switch (status) {
    case 429:
        return text + " (Too Many Requests)";
    case 500:
        return text + " (Internal Server Error)";
    case 502:
        return text + " (Bad Gateway)";
    case 503:
        return text + " (Service Unavailable)";
    case 504:
        return text + " (Gateway Timeout)";
    default:
        return text;
    }
}

Attempt judge_response(const HttpResponse& response, std::uint64_t start) {
    if (response.status == 200) return judge_feed(response.body, start);
    if (response.status == 400) {
        // The API explains a bad request in an Atom error entry; keep its words.
        auto feed = parse_atom_feed(response.body);
        if (!feed && feed.error().kind == AtomError::Kind::api_error)
            return fail(ClientError::Kind::api, feed.error().message);
        return fail(ClientError::Kind::api, "HTTP 400 (Bad Request)");
    }
    if (response.status == 429 || response.status == 408 || response.status >= 500)
        return retry(ClientError::Kind::network, status_text(response.status),
                     response.retry_after);
    return fail(ClientError::Kind::network, status_text(response.status));
}

Attempt judge(const Expected<HttpResponse, TransportError>& response, std::uint64_t start) {
    if (response) return judge_response(*response, start);
    const TransportError& error = response.error();
    // `other` is what retrying cannot mend: a bad URL, an unsupported protocol, a huge answer.
    if (error.kind == TransportError::Kind::other)
        return fail(ClientError::Kind::network, error.message);
    return retry(ClientError::Kind::network, error.message);
}

Clock::duration backoff(std::chrono::milliseconds first, int failed_attempts) {
    int doublings = std::min(failed_attempts - 1, 16);
    return first * (std::int64_t{1} << doublings);
}

} // namespace

// ---- The client -------------------------------------------------------------------------------

struct Client::State {
    ClientOptions options;
    std::unique_ptr<Transport> transport;
    std::optional<ResponseCache> cache;
    std::optional<Clock::time_point> last_answer; // when the previous request ended

    void report(std::size_t done, std::size_t total) const {
        if (options.progress) options.progress(done, total);
    }
    void keep_spacing();
    std::optional<Feed> from_cache(const std::string& url, std::uint64_t start) const;
    Expected<Feed, ClientError> from_network(const std::string& url, std::uint64_t start);
    Expected<Feed, ClientError> get_feed(const std::string& url, std::uint64_t start);
};

// The spacing runs from the end of the previous request, whatever happened to it. From its start
// would be shorter as the server sees it: the first request's connection and TLS set-up come
// before it reaches the server, a reused connection's do not.
void Client::State::keep_spacing() {
    if (!last_answer) return;
    Clock::time_point next = *last_answer + options.min_interval;
    Clock::time_point now = options.now();
    if (now < next) options.sleep(next - now);
}

std::optional<Feed> Client::State::from_cache(const std::string& url, std::uint64_t start) const {
    if (!cache || options.refresh) return std::nullopt;
    std::optional<std::string> body = cache->read(url);
    if (!body) return std::nullopt;
    // Only good answers are stored, but a file can be damaged on disk: then it is a miss.
    Attempt attempt = judge_feed(*body, start);
    if (attempt.verdict != Attempt::Verdict::done) return std::nullopt;
    return std::move(attempt.feed);
}

Expected<Feed, ClientError> Client::State::from_network(const std::string& url,
                                                        std::uint64_t start) {
    for (int attempt = 1;; ++attempt) {
        keep_spacing();
        auto response = transport->get(url);
        last_answer = options.now();
        Attempt result = judge(response, start);
        if (result.verdict == Attempt::Verdict::done) {
            // A cache that cannot be written only costs a request next time.
            if (cache) cache->write(url, response->body);
            return std::move(result.feed);
        }
        if (result.verdict == Attempt::Verdict::fail) return unexpected(std::move(result.error));
        if (attempt >= options.max_attempts) {
            result.error.message =
                "no good answer from " + url + " after " + std::to_string(attempt) +
                (attempt == 1 ? " attempt: " : " attempts; the last: ") + result.error.message;
            return unexpected(std::move(result.error));
        }
        Clock::duration wait = backoff(options.first_backoff, attempt);
        if (result.retry_after && *result.retry_after > options.max_retry_after) {
            return unexpected(ClientError{
                ClientError::Kind::network,
                result.error.message + ": the server asks to wait " +
                    std::to_string(result.retry_after->count()) + " s (Retry-After), longer than " +
                    std::to_string(options.max_retry_after.count()) + " s"});
        }
        if (result.retry_after) wait = std::max<Clock::duration>(wait, *result.retry_after);
        options.sleep(wait);
    }
}

Expected<Feed, ClientError> Client::State::get_feed(const std::string& url, std::uint64_t start) {
    if (std::optional<Feed> feed = from_cache(url, start)) return std::move(*feed);
    if (options.offline)
        return unexpected(ClientError{ClientError::Kind::offline, "not in the cache: " + url});
    return from_network(url, start);
}

namespace {

std::optional<std::string> usage_problem(const ClientOptions& options) {
    if (!is_http(options.api_url))
        return "the API URL must start with http:// or https://: " + options.api_url;
    if (options.min_interval < k_terms_interval && !is_loopback(options.api_url)) {
        return "arXiv's terms of use allow one request every 3 seconds; a shorter interval is "
               "only for a local API URL (localhost, 127.0.0.1, ::1)";
    }
    if (options.max_attempts < 1) return "max_attempts must be at least 1";
    if (options.search_page_size < 1) return "search_page_size must be at least 1";
    if (options.offline && (options.refresh || !options.use_cache))
        return "offline answers come from the cache only: it cannot be refreshed or turned off";
    return std::nullopt;
}

void fill_in_clock(ClientOptions& options) {
    if (!options.now) options.now = [] { return Clock::now(); };
    if (!options.sleep)
        options.sleep = [](Clock::duration wait) { std::this_thread::sleep_for(wait); };
}

} // namespace

Expected<Client, ClientError> Client::create(ClientOptions options,
                                             std::unique_ptr<Transport> transport) {
    if (std::optional<std::string> problem = usage_problem(options))
        return unexpected(ClientError{ClientError::Kind::usage, std::move(*problem)});
    std::optional<ResponseCache> cache;
    if (options.use_cache) {
        std::string directory =
            options.cache_dir.empty() ? ResponseCache::default_directory() : options.cache_dir;
        if (!directory.empty()) cache.emplace(std::move(directory), options.cache_lifetime);
    }
    if (options.offline && !cache) {
        return unexpected(ClientError{ClientError::Kind::usage,
                                      "offline, but there is no cache directory "
                                      "(neither XDG_CACHE_HOME nor HOME is set)"});
    }
    fill_in_clock(options);
    if (!transport) transport = make_curl_transport({});
    return Client(std::unique_ptr<State>(
        new State{std::move(options), std::move(transport), std::move(cache), std::nullopt}));
}

Expected<FetchResult, ClientError> Client::fetch(std::span<const model::ArxivId> ids) {
    std::vector<model::ArxivId> asked = distinct(ids);
    FetchResult result;
    for (std::size_t first = 0; first < asked.size(); first += k_batch_size) {
        auto batch = std::span(asked).subspan(first, std::min(k_batch_size, asked.size() - first));
        m_state->report(first, asked.size());
        auto feed = m_state->get_feed(batch_url(m_state->options.api_url, batch), 0);
        if (!feed) return unexpected(std::move(feed.error()));
        for (const model::ArxivId& id : batch) {
            const Paper* paper = answer_for(id, feed->papers);
            if (paper != nullptr)
                result.papers.push_back(*paper);
            else
                result.not_found.push_back(id);
        }
    }
    if (!asked.empty()) m_state->report(asked.size(), asked.size());
    return result;
}

Expected<std::vector<Paper>, ClientError> Client::search(const std::string& query,
                                                         std::size_t max_results) {
    std::vector<Paper> papers;
    std::size_t total = max_results; // until the first page says how many there are
    while (papers.size() < total) {
        std::size_t start = papers.size();
        std::size_t count = std::min(m_state->options.search_page_size, total - start);
        m_state->report(start, total);
        std::string url =
            with_query(m_state->options.api_url, "search_query=" + percent_encoded(query) +
                                                     "&start=" + std::to_string(start) +
                                                     "&max_results=" + std::to_string(count));
        auto feed = m_state->get_feed(url, start);
        if (!feed) return unexpected(std::move(feed.error()));
        total = std::min<std::size_t>(total, feed->total_results);
        // Empty only when totalResults says there is nothing past `start` (else retried).
        if (feed->papers.empty()) break;
        std::size_t keep = std::min(feed->papers.size(), total - std::min(total, start));
        std::move(feed->papers.begin(), feed->papers.begin() + static_cast<std::ptrdiff_t>(keep),
                  std::back_inserter(papers));
        if (keep == 0) break;
    }
    if (!papers.empty()) m_state->report(papers.size(), papers.size());
    return papers;
}

Client::Client(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;
Client::~Client() = default;

} // namespace bibkit::arxiv
