// The arXiv client against a scripted transport and a fake clock: what it asks, how long it waits,
// what it retries and what it caches, without a network and without really waiting.

#include <bibkit/arxiv/client.hpp>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace bibkit::arxiv {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Answer = Expected<HttpResponse, TransportError>;

std::string read_data(const std::string& name) {
    std::ifstream in(std::string(BIBKIT_ARXIV_TEST_DATA) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A minimal feed in arXiv's current format: one entry per versioned id.
std::string feed_xml(const std::vector<std::string>& ids, std::uint64_t total,
                     std::uint64_t start = 0) {
    std::string xml = "<?xml version='1.0' encoding='UTF-8'?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                      "xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">"
                      "<opensearch:totalResults>" +
                      std::to_string(total) + "</opensearch:totalResults><opensearch:startIndex>" +
                      std::to_string(start) + "</opensearch:startIndex>";
    for (const std::string& id : ids) {
        xml += "<entry><id>http://arxiv.org/abs/" + id + "</id><title>Paper " + id +
               "</title><summary>About " + id +
               ".</summary><author><name>A. Author</name>"
               "</author></entry>";
    }
    return xml + "</feed>\n";
}

Answer ok(std::string body) {
    return HttpResponse{200, std::move(body), std::nullopt};
}
Answer status(long code, std::string body = "",
              std::optional<std::chrono::seconds> retry_after = std::nullopt) {
    return HttpResponse{code, std::move(body), retry_after};
}
Answer failure(TransportError::Kind kind, std::string message) {
    return unexpected(TransportError{kind, std::move(message)});
}

model::ArxivId id(const std::string& text) {
    auto parsed = model::parse_arxiv_id(text);
    EXPECT_TRUE(parsed.has_value()) << text;
    return parsed ? *parsed : model::ArxivId{};
}

// The fake clock and what the client did with it and the transport.
struct World {
    Clock::time_point now{};
    std::vector<Clock::duration> sleeps;
    std::deque<Answer> answers;
    std::vector<std::string> urls;
    std::vector<Clock::time_point> request_times;
    Clock::duration request_duration{};
};

class ScriptedTransport final : public Transport {
  public:
    explicit ScriptedTransport(World& world) : m_world(world) {}
    Answer get(const std::string& url) override {
        m_world.urls.push_back(url);
        m_world.request_times.push_back(m_world.now);
        m_world.now += m_world.request_duration;
        if (m_world.answers.empty())
            return failure(TransportError::Kind::other, "unscripted request: " + url);
        Answer answer = std::move(m_world.answers.front());
        m_world.answers.pop_front();
        return answer;
    }

  private:
    World& m_world;
};

class ArxivClient : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = ::testing::TempDir() + "bibkit-arxiv-client-XXXXXX";
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_cache_dir = pattern + "/cache";
    }
    void TearDown() override {
        std::error_code ignored;
        std::filesystem::remove_all(std::filesystem::path(m_cache_dir).parent_path(), ignored);
    }

    ClientOptions options() {
        ClientOptions options; // the real API URL, so the real 3 s spacing
        options.cache_dir = m_cache_dir;
        options.now = [this] { return m_world.now; };
        options.sleep = [this](Clock::duration wait) {
            m_world.sleeps.push_back(wait);
            m_world.now += wait;
        };
        return options;
    }
    Client client(ClientOptions options) {
        auto made =
            Client::create(std::move(options), std::make_unique<ScriptedTransport>(m_world));
        EXPECT_TRUE(made.has_value()) << (made ? "" : made.error().message);
        return std::move(made).value();
    }
    Client client() { return client(options()); }

    std::vector<std::filesystem::path> cache_files() const {
        std::vector<std::filesystem::path> files;
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(m_cache_dir, error))
            files.push_back(entry.path());
        return files;
    }

    World m_world;
    std::string m_cache_dir;
};

TEST_F(ArxivClient, AsksInBatchesOf100WithMaxResultsAndReportsTheMissing) {
    std::vector<model::ArxivId> ids;
    std::vector<std::string> answered[3];
    for (int n = 1; n <= 250; ++n) {
        char text[16];
        std::snprintf(text, sizeof text, "2401.%05d", n);
        ids.push_back(id(text));
        if (n != 7 && n != 142) answered[(n - 1) / 100].push_back(std::string(text) + "v2");
    }
    for (const auto& batch : answered) m_world.answers.push_back(ok(feed_xml(batch, batch.size())));
    std::vector<std::pair<std::size_t, std::size_t>> progress;
    ClientOptions opts = options();
    opts.progress = [&](std::size_t done, std::size_t total) {
        progress.emplace_back(done, total);
    };
    Client arxiv = client(std::move(opts));

    auto result = arxiv.fetch(ids);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(m_world.urls.size(), 3u);
    EXPECT_TRUE(m_world.urls[0].starts_with(
        "https://export.arxiv.org/api/query?id_list=2401.00001,2401.00002,"));
    EXPECT_TRUE(m_world.urls[0].ends_with(",2401.00100&max_results=100"));
    EXPECT_TRUE(m_world.urls[1].ends_with(",2401.00200&max_results=100"));
    EXPECT_TRUE(
        m_world.urls[2].starts_with("https://export.arxiv.org/api/query?id_list=2401.00201,"));
    EXPECT_TRUE(m_world.urls[2].ends_with(",2401.00250&max_results=50"));
    ASSERT_EQ(result->papers.size(), 248u);
    EXPECT_EQ(result->papers[0].id.versioned(), "2401.00001v2");
    EXPECT_EQ(result->papers[247].id.versioned(), "2401.00250v2");
    ASSERT_EQ(result->not_found.size(), 2u);
    EXPECT_EQ(result->not_found[0].id, "2401.00007");
    EXPECT_EQ(result->not_found[1].id, "2401.00142");
    // Three requests at the real default spacing: two waits of 3 s, nothing else.
    EXPECT_EQ(m_world.sleeps, (std::vector<Clock::duration>{3s, 3s}));
    using Step = std::pair<std::size_t, std::size_t>;
    EXPECT_EQ(progress, (std::vector<Step>{{0, 250}, {100, 250}, {200, 250}, {250, 250}}));
}

TEST_F(ArxivClient, SpacingRunsFromTheEndOfThePreviousRequest) {
    m_world.request_duration = 1200ms;
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    m_world.answers.push_back(ok(feed_xml({"2401.00002v1"}, 1)));
    Client arxiv = client();
    ASSERT_TRUE(arxiv.fetch(std::vector{id("2401.00001")}).has_value());
    ASSERT_TRUE(arxiv.fetch(std::vector{id("2401.00002")}).has_value());
    EXPECT_EQ(m_world.sleeps, (std::vector<Clock::duration>{3s}));
    EXPECT_EQ(m_world.request_times[1] - m_world.request_times[0], 4200ms);
}

TEST_F(ArxivClient, MatchesVersionsAndOldStyleIds) {
    m_world.answers.push_back(
        ok(feed_xml({"astro-ph/0601001v1", "math/0309136v2", "2406.09241v3", "1707.08567v1"}, 4)));
    Client arxiv = client();
    std::vector ids{id("astro-ph/0601001"), id("math.GT/0309136"), id("arXiv:2406.09241v2"),
                    id("1707.08567v1"), id("astro-ph/0601001")};

    auto result = arxiv.fetch(ids);

    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(m_world.urls.size(), 1u);
    // Old-style ids in arXiv's own spelling, versions as given, a repeated id asked once.
    EXPECT_EQ(m_world.urls[0], "https://export.arxiv.org/api/query?id_list=astro-ph/0601001,"
                               "math/0309136,2406.09241v2,1707.08567v1&max_results=4");
    ASSERT_EQ(result->papers.size(), 3u);
    EXPECT_EQ(result->papers[0].id.versioned(), "astro-ph/0601001v1");
    EXPECT_EQ(result->papers[1].id.versioned(), "math/0309136v2");
    EXPECT_EQ(result->papers[2].id.versioned(), "1707.08567v1");
    ASSERT_EQ(result->not_found.size(), 1u); // v2 was asked for, v3 came back
    EXPECT_EQ(result->not_found[0].versioned(), "2406.09241v2");
}

TEST_F(ArxivClient, ReadsTheRecordedAnswers) {
    m_world.answers.push_back(ok(read_data("arxivpy_2026_id_1707.08567_many_authors_utf8.xml")));
    m_world.answers.push_back(
        ok(read_data("arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml")));
    m_world.answers.push_back(ok(read_data("arxivpy_2026_id_0000.0000_empty.xml")));
    Client arxiv = client();

    auto many = arxiv.fetch(std::vector{id("1707.08567")});
    auto old = arxiv.fetch(std::vector{id("astro-ph/0601001")});
    auto none = arxiv.fetch(std::vector{id("2401.99999")});

    ASSERT_TRUE(many.has_value() && old.has_value() && none.has_value());
    ASSERT_EQ(many->papers.size(), 1u);
    EXPECT_EQ(many->papers[0].authors.size(), 34u);
    ASSERT_EQ(old->papers.size(), 1u);
    EXPECT_EQ(old->papers[0].id.id, "astro-ph/0601001");
    // totalResults 0 and no entry: an id arXiv does not know, not an error and not retried.
    EXPECT_TRUE(none->papers.empty());
    ASSERT_EQ(none->not_found.size(), 1u);
    EXPECT_EQ(m_world.urls.size(), 3u);
}

TEST_F(ArxivClient, Retries503ThenSucceeds) {
    m_world.answers.push_back(status(503, "busy"));
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->papers.size(), 1u);
    EXPECT_EQ(m_world.urls.size(), 2u);
    EXPECT_EQ(m_world.urls[0], m_world.urls[1]);
    // The back-off (3 s) also covers the spacing: one wait only.
    EXPECT_EQ(m_world.sleeps, (std::vector<Clock::duration>{3s}));
}

TEST_F(ArxivClient, BackOffDoublesAndGivesUpAfterTheLastAttempt) {
    for (int i = 0; i < 5; ++i) m_world.answers.push_back(status(503));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("HTTP 503"), std::string::npos) << result.error().message;
    EXPECT_NE(result.error().message.find("5 attempts"), std::string::npos);
    EXPECT_EQ(m_world.urls.size(), 5u);
    EXPECT_EQ(m_world.sleeps, (std::vector<Clock::duration>{3s, 6s, 12s, 24s}));
    EXPECT_TRUE(cache_files().empty());
}

TEST_F(ArxivClient, HonoursRetryAfterWhenLongerThanTheBackOff) {
    m_world.answers.push_back(status(429, "", 20s));
    m_world.answers.push_back(status(429, "", 1s));
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    // Retry-After 20 s beats the first back-off (3 s); 1 s loses to the second (6 s).
    EXPECT_EQ(m_world.sleeps, (std::vector<Clock::duration>{20s, 6s}));
}

TEST_F(ArxivClient, RetryAfterBeyondTheLimitEndsTheAttempts) {
    m_world.answers.push_back(status(503, "", 3600s));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("3600 s"), std::string::npos) << result.error().message;
    EXPECT_TRUE(m_world.sleeps.empty());
}

TEST_F(ArxivClient, Http400IsTheApisErrorWithItsMessage) {
    m_world.answers.push_back(status(400, read_data("arxivpy_2026_id_abc_error_http400.xml")));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::api);
    EXPECT_EQ(result.error().message, "incorrect id format for abc");
    EXPECT_EQ(m_world.urls.size(), 1u); // never retried
    EXPECT_TRUE(cache_files().empty());
}

TEST_F(ArxivClient, ErrorEntryInA200IsTheApisError) {
    m_world.answers.push_back(ok(read_data("arxivpy_2026_id_abc_error_http400.xml")));
    Client arxiv = client();
    auto result = arxiv.search("bad query", 10);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::api);
    EXPECT_EQ(result.error().message, "incorrect id format for abc");
    EXPECT_EQ(m_world.urls.size(), 1u);
    EXPECT_TRUE(cache_files().empty());
}

TEST_F(ArxivClient, Http400WithoutAFeedIsStillAnApiError) {
    m_world.answers.push_back(status(400, "<html>bad</html>"));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::api);
    EXPECT_NE(result.error().message.find("400"), std::string::npos);
}

TEST_F(ArxivClient, OtherClientErrorsAreNotRetried) {
    m_world.answers.push_back(status(404, "not here"));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("HTTP 404"), std::string::npos);
    EXPECT_EQ(m_world.urls.size(), 1u);
}

TEST_F(ArxivClient, RetriesTransportFaultsAndBrokenXml) {
    m_world.answers.push_back(failure(TransportError::Kind::timeout, "timed out"));
    m_world.answers.push_back(failure(TransportError::Kind::truncated, "cut short"));
    m_world.answers.push_back(failure(TransportError::Kind::connection, "refused"));
    m_world.answers.push_back(ok("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"));
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->papers.size(), 1u);
    EXPECT_EQ(m_world.urls.size(), 5u);
    EXPECT_EQ(cache_files().size(), 1u);
}

TEST_F(ArxivClient, BrokenXmlEveryTimeIsMalformed) {
    for (int i = 0; i < 5; ++i) m_world.answers.push_back(ok("<feed><entry>"));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::malformed);
    EXPECT_TRUE(cache_files().empty());
}

TEST_F(ArxivClient, AHopelessTransportErrorIsNotRetried) {
    m_world.answers.push_back(failure(TransportError::Kind::other, "unsupported protocol"));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_EQ(result.error().message, "unsupported protocol");
    EXPECT_EQ(m_world.urls.size(), 1u);
}

TEST_F(ArxivClient, RetriesAnEmptyPageWhileTotalResultsSaysMore) {
    m_world.answers.push_back(ok(feed_xml({}, 214881)));
    m_world.answers.push_back(ok(read_data("arxivpy_2026_search_all_testing_s0_m10_doi.xml")));
    Client arxiv = client();
    auto result = arxiv.search("all:testing", 10);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->size(), 10u);
    ASSERT_EQ(m_world.urls.size(), 2u);
    EXPECT_EQ(m_world.urls[0], "https://export.arxiv.org/api/query?"
                               "search_query=all%3Atesting&start=0&max_results=10");
    // Only the good page is cached.
    ASSERT_EQ(cache_files().size(), 1u);
}

TEST_F(ArxivClient, AnEmptyPageEveryTimeIsAnErrorAndNotCached) {
    for (int i = 0; i < 5; ++i) m_world.answers.push_back(ok(feed_xml({}, 3)));
    Client arxiv = client();
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::network);
    EXPECT_NE(result.error().message.find("totalResults is 3"), std::string::npos);
    EXPECT_TRUE(cache_files().empty());
}

TEST_F(ArxivClient, SearchPagesUntilMaxResults) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1", "2401.00002v1", "2401.00003v1"}, 50)));
    m_world.answers.push_back(ok(feed_xml({"2401.00004v1", "2401.00005v1", "2401.00006v1"}, 50)));
    m_world.answers.push_back(ok(feed_xml({"2401.00007v1"}, 50)));
    ClientOptions opts = options();
    opts.search_page_size = 3;
    Client arxiv = client(std::move(opts));
    auto result = arxiv.search("au:\"Jane Doe\" AND ti:(a&b)", 7);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_EQ(result->size(), 7u);
    EXPECT_EQ(result->back().id.id, "2401.00007");
    ASSERT_EQ(m_world.urls.size(), 3u);
    const std::string query = "search_query=au%3A%22Jane%20Doe%22%20AND%20ti%3A%28a%26b%29";
    EXPECT_EQ(m_world.urls[0],
              "https://export.arxiv.org/api/query?" + query + "&start=0&max_results=3");
    EXPECT_TRUE(m_world.urls[1].ends_with("&start=3&max_results=3"));
    EXPECT_TRUE(m_world.urls[2].ends_with("&start=6&max_results=1"));
}

TEST_F(ArxivClient, SearchStopsAtTotalResults) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1", "2401.00002v1"}, 2)));
    ClientOptions opts = options();
    opts.search_page_size = 2;
    Client arxiv = client(std::move(opts));
    auto result = arxiv.search("ti:rare", 100);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->size(), 2u);
    EXPECT_EQ(m_world.urls.size(), 1u);
}

TEST_F(ArxivClient, SearchWithNoResultsIsEmpty) {
    m_world.answers.push_back(ok(feed_xml({}, 0)));
    Client arxiv = client();
    auto result = arxiv.search("ti:nothing", 10);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_TRUE(result->empty());
    EXPECT_EQ(m_world.urls.size(), 1u);
}

TEST_F(ArxivClient, OfflineMissIsAnError) {
    ClientOptions opts = options();
    opts.offline = true;
    Client arxiv = client(std::move(opts));
    auto result = arxiv.fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::offline);
    EXPECT_TRUE(m_world.urls.empty());
}

TEST_F(ArxivClient, ACacheHitMakesNoRequestAndDoesNotWait) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    {
        Client first = client();
        ASSERT_TRUE(first.fetch(std::vector{id("2401.00001")}).has_value());
        auto again = first.fetch(std::vector{id("2401.00001")});
        ASSERT_TRUE(again.has_value());
        EXPECT_EQ(again->papers.size(), 1u);
    }
    ClientOptions opts = options();
    opts.offline = true;
    Client offline = client(std::move(opts));
    auto cached = offline.fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(cached.has_value()) << cached.error().message;
    ASSERT_EQ(cached->papers.size(), 1u);
    EXPECT_EQ(cached->papers[0].title, "Paper 2401.00001v1");
    EXPECT_EQ(m_world.urls.size(), 1u);
    EXPECT_TRUE(m_world.sleeps.empty());
    EXPECT_EQ(cache_files().size(), 1u);
}

TEST_F(ArxivClient, RefreshAsksAgainAndRewritesTheCache) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    m_world.answers.push_back(ok(feed_xml({"2401.00001v2"}, 1)));
    ASSERT_TRUE(client().fetch(std::vector{id("2401.00001")}).has_value());
    ClientOptions opts = options();
    opts.refresh = true;
    auto refreshed = client(std::move(opts)).fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(refreshed.has_value());
    EXPECT_EQ(refreshed->papers[0].id.version, 2u);
    EXPECT_EQ(m_world.urls.size(), 2u);
    auto cached = client().fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(cached.has_value());
    EXPECT_EQ(cached->papers[0].id.version, 2u);
    EXPECT_EQ(m_world.urls.size(), 2u);
}

TEST_F(ArxivClient, AnExpiredCacheEntryIsIgnored) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    m_world.answers.push_back(ok(feed_xml({"2401.00001v2"}, 1)));
    ASSERT_TRUE(client().fetch(std::vector{id("2401.00001")}).has_value());
    auto files = cache_files();
    ASSERT_EQ(files.size(), 1u);
    std::filesystem::last_write_time(files[0], std::filesystem::file_time_type::clock::now() - 25h);
    auto fetched = client().fetch(std::vector{id("2401.00001")});
    ASSERT_TRUE(fetched.has_value());
    EXPECT_EQ(fetched->papers[0].id.version, 2u);
    EXPECT_EQ(m_world.urls.size(), 2u);
}

TEST_F(ArxivClient, ADamagedOrForeignCacheFileIsAMiss) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    ASSERT_TRUE(client().fetch(std::vector{id("2401.00001")}).has_value());
    auto files = cache_files();
    ASSERT_EQ(files.size(), 1u);
    std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "not a cache file";
    ClientOptions opts = options();
    opts.offline = true;
    auto result = client(std::move(opts)).fetch(std::vector{id("2401.00001")});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ClientError::Kind::offline);
}

TEST_F(ArxivClient, NoCacheReadsAndWritesNothing) {
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    ClientOptions opts = options();
    opts.use_cache = false;
    Client arxiv = client(std::move(opts));
    ASSERT_TRUE(arxiv.fetch(std::vector{id("2401.00001")}).has_value());
    ASSERT_TRUE(arxiv.fetch(std::vector{id("2401.00001")}).has_value());
    EXPECT_EQ(m_world.urls.size(), 2u);
    EXPECT_FALSE(std::filesystem::exists(m_cache_dir));
}

TEST_F(ArxivClient, CacheDirectoryFollowsXdg) {
    std::string root = std::filesystem::path(m_cache_dir).parent_path().string();
    const char* old_xdg = std::getenv("XDG_CACHE_HOME");
    std::string saved = old_xdg != nullptr ? old_xdg : "";
    ::setenv("XDG_CACHE_HOME", (root + "/xdg").c_str(), 1);
    m_world.answers.push_back(ok(feed_xml({"2401.00001v1"}, 1)));
    ClientOptions opts = options();
    opts.cache_dir.clear();
    auto result = client(std::move(opts)).fetch(std::vector{id("2401.00001")});
    if (old_xdg != nullptr)
        ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_CACHE_HOME");
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(std::filesystem::is_empty(root + "/xdg/bibkit/arxiv"));
}

TEST_F(ArxivClient, RefusesAShortIntervalForARemoteApi) {
    ClientOptions opts = options();
    opts.min_interval = 1000ms;
    auto remote = Client::create(opts, std::make_unique<ScriptedTransport>(m_world));
    ASSERT_FALSE(remote.has_value());
    EXPECT_EQ(remote.error().kind, ClientError::Kind::usage);
    EXPECT_NE(remote.error().message.find("3 seconds"), std::string::npos);
    opts.api_url = "http://localhost.example.org/api/query";
    EXPECT_FALSE(Client::create(opts, std::make_unique<ScriptedTransport>(m_world)).has_value());
    for (const char* local : {"http://127.0.0.1:8080/api/query", "http://localhost/api/query",
                              "http://[::1]:9000/q", "http://LOCALHOST:1"}) {
        opts.api_url = local;
        EXPECT_TRUE(Client::create(opts, std::make_unique<ScriptedTransport>(m_world)).has_value())
            << local;
    }
}

TEST_F(ArxivClient, RefusesOptionsThatMakeNoSense) {
    auto refused = [&](ClientOptions opts) {
        auto made = Client::create(std::move(opts), std::make_unique<ScriptedTransport>(m_world));
        return !made.has_value() && made.error().kind == ClientError::Kind::usage;
    };
    ClientOptions opts = options();
    opts.api_url = "ftp://export.arxiv.org/api/query";
    EXPECT_TRUE(refused(opts));
    opts = options();
    opts.max_attempts = 0;
    EXPECT_TRUE(refused(opts));
    opts = options();
    opts.offline = true;
    opts.refresh = true;
    EXPECT_TRUE(refused(opts));
    opts = options();
    opts.offline = true;
    opts.use_cache = false;
    EXPECT_TRUE(refused(opts));
}

TEST(ArxivRetryAfter, SecondsOrAnHttpDate) {
    EXPECT_EQ(parse_retry_after("120"), std::chrono::seconds(120));
    EXPECT_EQ(parse_retry_after(" 0\r\n"), std::chrono::seconds(0));
    EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), std::chrono::seconds(0));
    auto future = parse_retry_after("Fri, 31 Dec 2100 23:59:59 GMT");
    ASSERT_TRUE(future.has_value());
    EXPECT_GT(future->count(), 365L * 24 * 3600);
    EXPECT_FALSE(parse_retry_after("soon").has_value());
    EXPECT_FALSE(parse_retry_after("").has_value());
    EXPECT_FALSE(parse_retry_after("-5").has_value());
}

} // namespace
} // namespace bibkit::arxiv
