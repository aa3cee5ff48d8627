// The real Transport: libcurl, one easy handle kept for the whole session so that every request
// goes over the same kept-alive connection, as arXiv asks of its API clients. libcurl is loaded
// on the first transport (curl_library.hpp says why).

#include "curl_library.hpp"

#include <algorithm>
#include <array>
#include <bibkit/arxiv/client.hpp>
#include <cctype>
#include <charconv>
#include <ctime>
#include <string_view>

#ifndef BIBKIT_VERSION
#error "BIBKIT_VERSION must be defined by the build (lib/arxiv/CMakeLists.txt)"
#endif

namespace bibkit::arxiv {

namespace {

// No arXiv answer comes near this; a server that sends more is not the API.
constexpr std::size_t k_max_body = std::size_t{64} << 20;

// What one exchange collects through libcurl's callbacks.
struct Exchange {
    std::string body;
    std::optional<std::chrono::seconds> retry_after;
    bool too_large = false;
};

using detail::CurlLibrary;

std::string default_user_agent(const CurlLibrary* curl, const std::string& contact) {
    std::string agent = "bibkit/" BIBKIT_VERSION " (bibliography toolkit; arXiv API client";
    if (!contact.empty()) agent += "; mailto:" + contact;
    agent += ")";
    if (curl != nullptr) {
        agent += " libcurl/";
        agent += curl->version_info(CURLVERSION_NOW)->version;
    }
    return agent;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}

// An HTTP date in any of the three forms RFC 9110 (5.6.7) says a recipient must accept:
// IMF-fixdate, the obsolete RFC 850 form and asctime's. Always GMT.
std::optional<std::time_t> parse_http_date(std::string_view value) {
    static constexpr std::array<const char*, 3> k_forms = {
        "%a, %d %b %Y %H:%M:%S GMT", // Sun, 06 Nov 1994 08:49:37 GMT
        "%A, %d-%b-%y %H:%M:%S GMT", // Sunday, 06-Nov-94 08:49:37 GMT
        "%a %b %e %H:%M:%S %Y",      // Sun Nov  6 08:49:37 1994
    };
    const std::string text(value);
    for (const char* form : k_forms) {
        std::tm fields{};
        const char* end = strptime(text.c_str(), form, &fields);
        if (end != nullptr && *end == '\0') return timegm(&fields);
    }
    return std::nullopt;
}

} // namespace

// Retry-After is either delay-seconds or an HTTP date (RFC 9110, 10.2.3); a date in the past
// means "now". Anything else is ignored, as if the header were absent.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value) {
    value = trimmed(value);
    if (value.empty()) return std::nullopt;
    bool digits = value.size() <= 9;
    for (char c : value) digits = digits && c >= '0' && c <= '9';
    if (digits) {
        long seconds = 0;
        std::from_chars(value.data(), value.data() + value.size(), seconds);
        return std::chrono::seconds(seconds);
    }
    std::optional<std::time_t> when = parse_http_date(value);
    if (!when) return std::nullopt;
    std::time_t now = std::time(nullptr);
    return std::chrono::seconds(*when > now ? static_cast<long>(*when - now) : 0L);
}

namespace {

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    std::size_t bytes = size * count;
    if (exchange->body.size() + bytes > k_max_body) {
        exchange->too_large = true;
        return 0; // libcurl stops the transfer with CURLE_WRITE_ERROR
    }
    exchange->body.append(data, bytes);
    return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    std::string_view line(data, size * count);
    constexpr std::string_view name = "retry-after:";
    // A redirect brings a second set of headers: only the last response's count.
    if (starts_with_nocase(line, "HTTP/"))
        exchange->retry_after.reset();
    else if (starts_with_nocase(line, name))
        exchange->retry_after = parse_retry_after(line.substr(name.size()));
    return size * count;
}

TransportError::Kind kind_of(CURLcode code) {
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return TransportError::Kind::timeout;
    case CURLE_PARTIAL_FILE:
    case CURLE_BAD_CONTENT_ENCODING: // a gzip stream cut short
        return TransportError::Kind::truncated;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return TransportError::Kind::connection;
    default:
        return TransportError::Kind::other;
    }
}

class CurlTransport final : public Transport {
  public:
    explicit CurlTransport(const TransportOptions& options)
        : m_curl(detail::load_curl(m_load_error)),
          m_handle(m_curl != nullptr ? m_curl->easy_init() : nullptr),
          m_user_agent(options.user_agent.empty() ? default_user_agent(m_curl, options.contact)
                                                  : options.user_agent),
          m_options(options) {
        if (m_handle != nullptr) configure();
    }
    ~CurlTransport() override {
        if (m_handle != nullptr) m_curl->easy_cleanup(m_handle);
    }
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    Expected<HttpResponse, TransportError> get(const std::string& url) override;

  private:
    void configure();
    TransportError failure(CURLcode code, const Exchange& exchange) const;

    std::string m_load_error; // why libcurl could not be loaded; declared first: set first
    const CurlLibrary* m_curl;
    CURL* m_handle;
    std::string m_user_agent;
    TransportOptions m_options;
    char m_error[CURL_ERROR_SIZE] = {};
};

void CurlTransport::configure() {
    long total = static_cast<long>(m_options.timeout.count());
    long connect =
        static_cast<long>(std::min(m_options.connect_timeout, m_options.timeout).count());
    m_curl->easy_setopt(m_handle, CURLOPT_USERAGENT, m_user_agent.c_str());
    m_curl->easy_setopt(m_handle, CURLOPT_TIMEOUT_MS, total);
    m_curl->easy_setopt(m_handle, CURLOPT_CONNECTTIMEOUT_MS, connect);
    m_curl->easy_setopt(m_handle, CURLOPT_ACCEPT_ENCODING, ""); // every encoding libcurl decodes
    m_curl->easy_setopt(m_handle, CURLOPT_FOLLOWLOCATION, 1L);
    m_curl->easy_setopt(m_handle, CURLOPT_MAXREDIRS, 5L);
    m_curl->easy_setopt(m_handle, CURLOPT_PROTOCOLS_STR, "http,https");
    m_curl->easy_setopt(m_handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    m_curl->easy_setopt(m_handle, CURLOPT_MAXCONNECTS, 1L);
    m_curl->easy_setopt(m_handle, CURLOPT_TCP_KEEPALIVE, 1L);
    m_curl->easy_setopt(m_handle, CURLOPT_NOSIGNAL, 1L); // time-outs without SIGALRM: thread-safe
    m_curl->easy_setopt(m_handle, CURLOPT_ERRORBUFFER, m_error);
    m_curl->easy_setopt(m_handle, CURLOPT_WRITEFUNCTION, on_body);
    m_curl->easy_setopt(m_handle, CURLOPT_HEADERFUNCTION, on_header);
}

TransportError CurlTransport::failure(CURLcode code, const Exchange& exchange) const {
    if (exchange.too_large) {
        return {TransportError::Kind::other,
                "the answer is larger than " + std::to_string(k_max_body >> 20) + " MB"};
    }
    std::string message = m_error[0] != '\0' ? m_error : m_curl->easy_strerror(code);
    message += " (curl error " + std::to_string(static_cast<int>(code)) + ")";
    return {kind_of(code), std::move(message)};
}

Expected<HttpResponse, TransportError> CurlTransport::get(const std::string& url) {
    if (m_curl == nullptr)
        return unexpected(TransportError{TransportError::Kind::other, m_load_error});
    if (m_handle == nullptr)
        return unexpected(TransportError{TransportError::Kind::other, "libcurl failed to start"});
    Exchange exchange;
    m_error[0] = '\0';
    m_curl->easy_setopt(m_handle, CURLOPT_URL, url.c_str());
    m_curl->easy_setopt(m_handle, CURLOPT_WRITEDATA, &exchange);
    m_curl->easy_setopt(m_handle, CURLOPT_HEADERDATA, &exchange);
    CURLcode code = m_curl->easy_perform(m_handle);
    if (code != CURLE_OK) return unexpected(failure(code, exchange));
    long status = 0;
    m_curl->easy_getinfo(m_handle, CURLINFO_RESPONSE_CODE, &status);
    return HttpResponse{status, std::move(exchange.body), exchange.retry_after};
}

} // namespace

std::unique_ptr<Transport> make_curl_transport(const TransportOptions& options) {
    return std::make_unique<CurlTransport>(options);
}

} // namespace bibkit::arxiv
