// The arXiv client and its libcurl transport against a local HTTP server that replays the recorded
// answers and injects the faults arXiv's API is known for: busy servers, rate limits, stalls, cut
// bodies, broken XML, empty pages, bad requests. Every case ends in the right papers or a clear
// error, and nothing wrong is left in the cache.

#include <atomic>
#include <bibkit/arxiv/client.hpp>
#include <csignal>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <httplib.h>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace bibkit::arxiv {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::string read_data(const std::string& name) {
    std::ifstream in(std::string(BIBKIT_ARXIV_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string k_many_authors = "arxivpy_2026_id_1707.08567_many_authors_utf8.xml";
const std::string k_old_style = "arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml";
const std::string k_search = "arxivpy_2026_search_all_testing_s0_m10_doi.xml";
const std::string k_error = "arxivpy_2026_id_abc_error_http400.xml";
constexpr const char* k_atom_type = "application/atom+xml; charset=utf-8";

// A server on 127.0.0.1 at a free port that answers each request with the next scripted action.
class FaultServer {
  public:
    using Action = std::function<void(const httplib::Request&, httplib::Response&)>;
    struct Arrival {
        Clock::time_point time;
        std::string target;
        std::string user_agent;
        std::string accept_encoding;
        int remote_port = 0;
    };

    FaultServer() {
        // A stalled answer is written after the client has gone; that must not kill the test.
        std::signal(SIGPIPE, SIG_IGN);
        m_server.Get("/api/query",
                     [this](const auto& request, auto& response) { handle(request, response); });
        m_server.set_logger([this](const auto&, const auto& response) {
            std::lock_guard lock(m_mutex);
            m_encodings.push_back(response.get_header_value("Content-Encoding"));
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~FaultServer() {
        m_stopping = true;
        m_server.stop();
        m_thread.join();
    }
    FaultServer(const FaultServer&) = delete;
    FaultServer& operator=(const FaultServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api/query"; }

    FaultServer& then(Action action) {
        std::lock_guard lock(m_mutex);
        m_script.push_back(std::move(action));
        return *this;
    }
    std::vector<Arrival> arrivals() const {
        std::lock_guard lock(m_mutex);
        return m_arrivals;
    }
    // The Content-Encoding of each answer sent, once it has been sent.
    std::vector<std::string> encodings() const {
        std::lock_guard lock(m_mutex);
        return m_encodings;
    }

    // ---- Actions ------------------------------------------------------------------------------

    static Action serve(std::string body) {
        return [body](const auto&, auto& response) { response.set_content(body, k_atom_type); };
    }
    // cpp-httplib compresses application/xml for a client that accepts gzip.
    static Action serve_compressible(std::string body) {
        return
            [body](const auto&, auto& response) { response.set_content(body, "application/xml"); };
    }
    static Action status(int code, std::string body, std::string retry_after = "") {
        return [=](const auto&, auto& response) {
            response.status = code;
            if (!retry_after.empty()) response.set_header("Retry-After", retry_after);
            response.set_content(body, code == 400 ? k_atom_type : "text/plain");
        };
    }
    // Content-Length promises the whole body; the connection closes after half of it.
    static Action truncated(std::string body) {
        return [body](const auto&, auto& response) {
            response.set_content_provider(
                body.size(), k_atom_type,
                [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                    sink.write(body.data(), body.size() / 2);
                    return false;
                });
        };
    }
    // Says nothing for `pause` (or until the server stops), then answers.
    Action stall(Clock::duration pause) {
        return [this, pause](const auto&, auto& response) {
            Clock::time_point until = Clock::now() + pause;
            while (!m_stopping && Clock::now() < until) std::this_thread::sleep_for(5ms);
            response.set_content(read_data(k_many_authors), k_atom_type);
        };
    }

  private:
    void handle(const httplib::Request& request, httplib::Response& response) {
        Action action;
        {
            std::lock_guard lock(m_mutex);
            m_arrivals.push_back(
                {Clock::now(), request.target, request.get_header_value("User-Agent"),
                 request.get_header_value("Accept-Encoding"), request.remote_port});
            if (!m_script.empty()) {
                action = std::move(m_script.front());
                m_script.pop_front();
            }
        }
        if (action) return action(request, response);
        response.status = 404; // unscripted: a failure that is never retried
        response.set_content("unscripted request", "text/plain");
    }

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    std::deque<Action> m_script;
    std::vector<Arrival> m_arrivals;
    std::vector<std::string> m_encodings;
};

model::ArxivId id(const std::string& text) {
    auto parsed = model::parse_arxiv_id(text);
    EXPECT_TRUE(parsed.has_value()) << text;
    return parsed ? *parsed : model::ArxivId{};
}

class ArxivServer : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = ::testing::TempDir() + "bibkit-arxiv-server-XXXXXX";
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_root = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        std::filesystem::remove_all(m_root, ignored);
    }

    // Fast spacing and back-off: allowed because the server is on loopback.
    ClientOptions fast_options() const {
        ClientOptions options;
        options.api_url = m_server.url();
        options.min_interval = 0ms;
        options.first_backoff = 20ms;
        options.max_attempts = 3;
        options.cache_dir = m_root + "/cache";
        return options;
    }
    Client client(ClientOptions options, std::chrono::milliseconds timeout = 2000ms) {
        TransportOptions transport;
        transport.timeout = timeout;
        auto made = Client::create(std::move(options), make_curl_transport(transport));
        EXPECT_TRUE(made.has_value()) << (made ? "" : made.error().message);
        return std::move(made).value();
    }
    Client client() { return client(fast_options()); }

    std::vector<std::string> cached_bodies() const {
        std::vector<std::string> bodies;
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(m_root + "/cache", error)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            bodies.push_back(text.str());
        }
        return bodies;
    }

    FaultServer m_server;
    std::string m_root;
};

TEST_F(ArxivServer, Retries503ThenSucceeds) {
    m_server.then(FaultServer::status(503, "busy"))
        .then(FaultServer::serve(read_data(k_many_authors)));
    auto result = client().fetch(std::vector{id("1707.08567")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->papers.size(), 1u);
    EXPECT_EQ(result->papers[0].authors.size(), 34u);
    auto arrivals = m_server.arrivals();
    ASSERT_EQ(arrivals.size(), 2u);
    EXPECT_EQ(arrivals[0].target, "/api/query?id_list=1707.08567&max_results=1");
    EXPECT_EQ(cached_bodies().size(), 1u);
}

TEST_F(ArxivServer, Honours429RetryAfter) {
    m_server.then(FaultServer::status(429, "slow down", "1"))
        .then(FaultServer::serve(read_data(k_old_style)));
    auto result = client().fetch(std::vector{id("astro-ph/0601001")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->papers.size(), 1u);
    EXPECT_EQ(result->papers[0].id.id, "astro-ph/0601001");
    auto arrivals = m_server.arrivals();
    ASSERT_EQ(arrivals.size(), 2u);
    EXPECT_GE(arrivals[1].time - arrivals[0].time, 1s); // not the 20 ms back-off
}

TEST_F(ArxivServer, AStallPastTheTimeOutIsRetried) {
    m_server.then(m_server.stall(3s)).then(FaultServer::serve(read_data(k_many_authors)));
    auto result = client(fast_options(), 300ms).fetch(std::vector{id("1707.08567")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->papers.size(), 1u);
    auto arrivals = m_server.arrivals();
    ASSERT_EQ(arrivals.size(), 2u);
    EXPECT_GE(arrivals[1].time - arrivals[0].time, 300ms);
}

TEST_F(ArxivServer, StallsEveryTimeEndInATimeOutError) {
    m_server.then(m_server.stall(3s)).then(m_server.stall(3s));
    ClientOptions options = fast_options();
    options.max_attempts = 2;
    auto start = Clock::now();
    auto result = client(options, 300ms).fetch(std::vector{id("1707.08567")});
    ASSERT_FALSE(result.has_value());
    EXPECT_LT(Clock::now() - start, 2s); // given up at the time-out, not at the server's pace
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("timed out"), std::string::npos)
        << result.error().message;
    EXPECT_NE(result.error().message.find("2 attempts"), std::string::npos);
    EXPECT_TRUE(cached_bodies().empty());
}

TEST_F(ArxivServer, ATruncatedBodyIsRetried) {
    std::string body = read_data(k_many_authors);
    m_server.then(FaultServer::truncated(body)).then(FaultServer::serve(body));
    auto result = client().fetch(std::vector{id("1707.08567")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->papers.size(), 1u);
    EXPECT_EQ(m_server.arrivals().size(), 2u);
    auto cached = cached_bodies();
    ASSERT_EQ(cached.size(), 1u);
    EXPECT_TRUE(cached[0].ends_with(body)); // the whole answer, not the half
}

TEST_F(ArxivServer, TruncatedEveryTimeIsANetworkErrorAndNotCached) {
    std::string body = read_data(k_many_authors);
    for (int i = 0; i < 3; ++i) m_server.then(FaultServer::truncated(body));
    auto result = client().fetch(std::vector{id("1707.08567")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("curl error 18"), std::string::npos)
        << result.error().message;
    EXPECT_TRUE(cached_bodies().empty());
}

TEST_F(ArxivServer, InvalidXmlIsRetriedThenMalformed) {
    std::string broken = "<?xml version='1.0'?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>";
    m_server.then(FaultServer::serve(broken)).then(FaultServer::serve(read_data(k_many_authors)));
    auto recovered = client().fetch(std::vector{id("1707.08567")});
    ASSERT_TRUE(recovered.has_value()) << recovered.error().message;
    EXPECT_EQ(recovered->papers.size(), 1u);

    for (int i = 0; i < 3; ++i) m_server.then(FaultServer::serve(broken));
    auto result = client().fetch(std::vector{id("astro-ph/0601001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::malformed);
    EXPECT_NE(result.error().message.find("XML"), std::string::npos) << result.error().message;
    EXPECT_EQ(cached_bodies().size(), 1u); // the good answer only
}

TEST_F(ArxivServer, AnEmptyPageWithResultsIsRetried) {
    std::string empty = read_data("arxivpy_2026_id_0000.0000_empty.xml");
    const std::string zero = "<opensearch:totalResults>0<";
    ASSERT_NE(empty.find(zero), std::string::npos);
    empty.replace(empty.find(zero), zero.size(), "<opensearch:totalResults>214881<");
    m_server.then(FaultServer::serve(empty)).then(FaultServer::serve(read_data(k_search)));
    auto result = client().search("all:testing", 10);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->size(), 10u);
    EXPECT_EQ(result->front().id.id, "2202.12139");
    auto arrivals = m_server.arrivals();
    ASSERT_EQ(arrivals.size(), 2u);
    EXPECT_EQ(arrivals[0].target, "/api/query?search_query=all%3Atesting&start=0&max_results=10");
    auto cached = cached_bodies();
    ASSERT_EQ(cached.size(), 1u);
    EXPECT_NE(cached[0].find("2202.12139"), std::string::npos);
}

TEST_F(ArxivServer, Http400IsTheApisMessage) {
    m_server.then(FaultServer::status(400, read_data(k_error)));
    auto result = client().fetch(std::vector{id("1707.08567")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::api);
    EXPECT_EQ(result.error().message, "incorrect id format for abc");
    EXPECT_EQ(m_server.arrivals().size(), 1u);
    EXPECT_TRUE(cached_bodies().empty());
}

TEST_F(ArxivServer, ACompressedAnswerIsDecoded) {
    m_server.then(FaultServer::serve_compressible(read_data(k_many_authors)));
    auto result = client().fetch(std::vector{id("1707.08567")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->papers.size(), 1u);
    EXPECT_EQ(result->papers[0].authors.size(), 34u);
    // The server logs an answer just after sending it: wait for the log.
    for (int i = 0; i < 200 && m_server.encodings().empty(); ++i) std::this_thread::sleep_for(5ms);
    auto encodings = m_server.encodings();
    ASSERT_EQ(encodings.size(), 1u);
    // libcurl accepts whatever it can decode: Debian's takes brotli as well as gzip.
    EXPECT_TRUE(encodings[0] == "gzip" || encodings[0] == "br") << encodings[0];
}

TEST_F(ArxivServer, NobodyListeningIsAConnectionError) {
    ClientOptions options = fast_options();
    options.api_url = "http://127.0.0.1:1/api/query"; // a privileged port nobody serves
    auto result = client(options).fetch(std::vector{id("1707.08567")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("3 attempts"), std::string::npos);
}

// The terms of use, measured where it counts: at the server, with the client's real default.
TEST_F(ArxivServer, RealDefaultSpacingAndTheCacheStopsASecondRequest) {
    m_server.then(FaultServer::serve(read_data(k_many_authors)))
        .then(FaultServer::serve(read_data(k_old_style)));
    ClientOptions options = fast_options();
    options.min_interval = ClientOptions{}.min_interval;
    ASSERT_EQ(options.min_interval, 3000ms);
    Client arxiv = client(options);

    ASSERT_TRUE(arxiv.fetch(std::vector{id("1707.08567")}).has_value());
    ASSERT_TRUE(arxiv.fetch(std::vector{id("astro-ph/0601001")}).has_value());
    auto before = Clock::now();
    auto cached = arxiv.fetch(std::vector{id("1707.08567")});
    auto took = Clock::now() - before;

    ASSERT_TRUE(cached.has_value()) << cached.error().message;
    EXPECT_EQ(cached->papers.size(), 1u);
    EXPECT_LT(took, 1s); // a cache hit does not wait for the spacing either
    auto arrivals = m_server.arrivals();
    ASSERT_EQ(arrivals.size(), 2u);
    EXPECT_GE(arrivals[1].time - arrivals[0].time, 3s);
    EXPECT_EQ(arrivals[0].remote_port, arrivals[1].remote_port); // one kept-alive connection
    EXPECT_TRUE(arrivals[0].user_agent.starts_with("bibkit/")) << arrivals[0].user_agent;
    EXPECT_NE(arrivals[0].accept_encoding.find("gzip"), std::string::npos);
}

} // namespace
} // namespace bibkit::arxiv
