// End-to-end tests of `bibkit arxiv`: the real program against a local HTTP server (cpp-httplib)
// that replays arXiv's recorded answers (tests/arxiv/data) and injects faults. Each case must end
// in the right entries or a clear error with exit code 4, nothing written half, nothing wrong
// cached.

#include "program.hpp"

#include <httplib.h>
#include <mutex>
#include <thread>

namespace {

using namespace bibkit_test;
using Clock = std::chrono::steady_clock;

std::string fixture(const std::string& name) {
    return read_whole(fs::path(BIBKIT_ARXIV_TEST_DATA) / name);
}

const std::string k_many_authors = "arxivpy_2026_id_1707.08567_many_authors_utf8.xml";
const std::string k_old_style = "arxivpy_2026_id_astro-ph_0601001_oldstyle_affil_jref.xml";
const std::string k_search = "arxivpy_2026_search_all_testing_s0_m10_doi.xml";
const std::string k_empty = "arxivpy_2026_id_0000.0000_empty.xml";
const std::string k_error = "arxivpy_2026_id_abc_error_http400.xml";

// One scripted answer. kind says how it goes wrong, if it does.
struct Reply {
    enum class Kind { normal, stall, truncated };
    int status = 200;
    std::string body;
    Kind kind = Kind::normal;
    std::string retry_after;
};

Reply answer(const std::string& fixture_name, int status = 200) {
    return {status, fixture(fixture_name), Reply::Kind::normal, {}};
}

struct Request {
    Clock::time_point time;
    std::string query; // the decoded parameters, "id_list=…&max_results=…"
};

// Answers scripted replies in order; once they run out, the recorded answer for the id asked.
class ArxivServer {
  public:
    ArxivServer() {
        m_server.Get("/api/query",
                     [this](const httplib::Request& request, httplib::Response& response) {
                         handle(request, response);
                     });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // bind_to_any_port already listens: requests queue until the loop starts.
    }
    ~ArxivServer() {
        m_server.stop();
        m_thread.join();
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/api/query"; }
    void script(std::vector<Reply> replies) {
        std::lock_guard lock(m_mutex);
        m_script = std::move(replies);
    }
    std::vector<Request> requests() {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

  private:
    Reply next(const httplib::Request& request) {
        std::lock_guard lock(m_mutex);
        std::string query;
        for (const char* name : {"search_query", "id_list", "start", "max_results"}) {
            if (!request.has_param(name)) continue;
            query += (query.empty() ? "" : "&") + std::string(name) + "=" +
                     request.get_param_value(name);
        }
        m_requests.push_back({Clock::now(), query});
        if (!m_script.empty()) {
            Reply reply = m_script.front();
            m_script.erase(m_script.begin());
            return reply;
        }
        std::string ids = request.get_param_value("id_list");
        if (ids == "1707.08567") return answer(k_many_authors);
        if (ids == "astro-ph/0601001") return answer(k_old_style);
        if (request.has_param("search_query")) return answer(k_search);
        return answer(k_empty);
    }

    void handle(const httplib::Request& request, httplib::Response& response) {
        Reply reply = next(request);
        response.status = reply.status;
        if (!reply.retry_after.empty()) response.set_header("Retry-After", reply.retry_after);
        if (reply.kind == Reply::Kind::stall)
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        if (reply.kind == Reply::Kind::truncated) {
            // Announces the whole body, sends half, then drops the connection.
            std::string half = reply.body.substr(0, reply.body.size() / 2);
            response.set_content_provider(
                reply.body.size(), "application/atom+xml",
                [half](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                    if (offset == 0) sink.write(half.data(), half.size());
                    return false;
                });
            return;
        }
        response.set_content(reply.body, "application/atom+xml; charset=utf-8");
    }

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<Reply> m_script;
    std::vector<Request> m_requests;
};

class ArxivCli : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "bibkit-arxiv-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr) << std::strerror(errno);
        m_dir = pattern;
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // Runs `bibkit arxiv COMMAND …` against the local server, with a private cache, short
    // spacing (allowed for a loopback URL only) and a short time-out.
    RunResult arxiv(std::vector<std::string> args) {
        std::vector<std::string> words{"arxiv"};
        words.insert(words.end(), args.begin(), args.end());
        for (std::string option :
             {"--api-url=" + m_server.url(), "--cache-dir=" + cache_dir().string(),
              std::string("--request-interval=0.05"), std::string("--timeout=0.5"),
              std::string("--retries=2")})
            words.push_back(option);
        return run_program(m_dir, words, {});
    }

    fs::path cache_dir() const { return m_dir / "cache"; }
    std::size_t cached_answers() const {
        if (!fs::exists(cache_dir())) return 0;
        std::size_t count = 0;
        for (const auto& entry : fs::recursive_directory_iterator(cache_dir()))
            count += entry.is_regular_file() ? 1 : 0;
        return count;
    }

    fs::path m_dir;
    ArxivServer m_server;
};

TEST_F(ArxivCli, FetchesTheManyAuthorPaperAsBibtex) {
    RunResult result = arxiv({"fetch", "1707.08567"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("@misc{immink2017proceedings,"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Dirk W\u00fcbben and "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("eprint        = {1707.08567}"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("archivePrefix = {arXiv}"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("primaryClass  = {cs.IT}"), std::string::npos) << result.out;
    ASSERT_EQ(m_server.requests().size(), 1u);
    EXPECT_EQ(m_server.requests()[0].query, "id_list=1707.08567&max_results=1");
}

TEST_F(ArxivCli, OldStyleIdWithAJournalRefIsAnArticle) {
    RunResult result = arxiv({"fetch", "arXiv:astro-ph/0601001"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("@article{gould2006frequency,"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("{ActaAstron.56:1-50,2006}"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("{astro-ph/0601001}"), std::string::npos) << result.out;
}

TEST_F(ArxivCli, MalformedIdIsAUsageErrorWithoutARequest) {
    RunResult result = arxiv({"fetch", "2406.9x"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("'2406.9x' is not an arXiv id"), std::string::npos) << result.err;
    EXPECT_TRUE(m_server.requests().empty());
}

TEST_F(ArxivCli, RetriesAfter503) {
    m_server.script({answer(k_many_authors, 503)});
    RunResult result = arxiv({"fetch", "1707.08567", "-o", "out.bib"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(m_server.requests().size(), 2u);
    EXPECT_NE(read_whole(m_dir / "out.bib").find("immink2017proceedings"), std::string::npos);
}

TEST_F(ArxivCli, HonoursRetryAfterOn429) {
    Reply busy{429, "Rate exceeded.", Reply::Kind::normal, "1"};
    m_server.script({busy});
    RunResult result = arxiv({"fetch", "1707.08567"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<Request> requests = m_server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_GE(requests[1].time - requests[0].time, std::chrono::milliseconds(950));
}

TEST_F(ArxivCli, StallPastTheTimeOutIsANetworkError) {
    Reply stall = answer(k_many_authors);
    stall.kind = Reply::Kind::stall;
    m_server.script({stall, stall, stall});
    RunResult result = arxiv({"fetch", "1707.08567", "-o", "out.bib"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("time"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(m_dir / "out.bib"));
    EXPECT_EQ(cached_answers(), 0u);
}

TEST_F(ArxivCli, TruncatedBodyIsRetriedAndNeverCached) {
    Reply cut = answer(k_many_authors);
    cut.kind = Reply::Kind::truncated;
    m_server.script({cut, cut, cut});
    RunResult result = arxiv({"fetch", "1707.08567", "-o", "out.bib"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_EQ(m_server.requests().size(), 3u);
    EXPECT_FALSE(fs::exists(m_dir / "out.bib"));
    EXPECT_EQ(cached_answers(), 0u);
}

TEST_F(ArxivCli, InvalidXmlIsANetworkError) {
    Reply junk{
        200, "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>", Reply::Kind::normal, {}};
    m_server.script({junk, junk, junk});
    RunResult result = arxiv({"fetch", "1707.08567"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_TRUE(result.out.empty());
    EXPECT_EQ(cached_answers(), 0u);
}

TEST_F(ArxivCli, EmptyPageWhileTotalResultsSaysMoreIsRetried) {
    std::string empty_but_one = fixture(k_empty);
    std::string total = "<opensearch:totalResults>0</opensearch:totalResults>";
    empty_but_one.replace(empty_but_one.find(total), total.size(),
                          "<opensearch:totalResults>1</opensearch:totalResults>");
    m_server.script({{200, empty_but_one, Reply::Kind::normal, {}}});
    RunResult result = arxiv({"fetch", "1707.08567"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(m_server.requests().size(), 2u);
    EXPECT_NE(result.out.find("immink2017proceedings"), std::string::npos);
}

TEST_F(ArxivCli, Http400IsAnErrorWithTheServersMessage) {
    m_server.script({answer(k_error, 400)});
    RunResult result = arxiv({"fetch", "1707.08567", "-o", "out.bib"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_NE(result.err.find("incorrect id format for abc"), std::string::npos) << result.err;
    EXPECT_EQ(m_server.requests().size(), 1u); // not retried
    EXPECT_FALSE(fs::exists(m_dir / "out.bib"));
    EXPECT_EQ(cached_answers(), 0u);
}

TEST_F(ArxivCli, MissingIdIsReportedAsNotFound) {
    RunResult result = arxiv({"fetch", "2406.99999", "1707.08567"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find("2406.99999: not found on arXiv"), std::string::npos) << result.err;
}

TEST_F(ArxivCli, TheCacheStopsASecondRequest) {
    ASSERT_EQ(arxiv({"fetch", "1707.08567"}).exit_code, 0);
    EXPECT_EQ(cached_answers(), 1u);
    RunResult again = arxiv({"fetch", "1707.08567"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(m_server.requests().size(), 1u);
    RunResult offline = arxiv({"fetch", "1707.08567", "--offline"});
    EXPECT_EQ(offline.exit_code, 0) << offline.err;
    EXPECT_EQ(offline.out, again.out);
    EXPECT_EQ(m_server.requests().size(), 1u);
    RunResult refreshed = arxiv({"fetch", "1707.08567", "--refresh"});
    EXPECT_EQ(refreshed.exit_code, 0) << refreshed.err;
    EXPECT_EQ(m_server.requests().size(), 2u);
}

TEST_F(ArxivCli, OfflineWithoutTheAnswerCachedFails) {
    RunResult result = arxiv({"fetch", "1707.08567", "--offline"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_TRUE(m_server.requests().empty());
}

constexpr std::string_view k_library = "% mine\n"
                                       "@misc{known,\n"
                                       "  title = {Known},\n"
                                       "  eprint = {1707.08567},\n"
                                       "  archiveprefix = {arXiv},\n"
                                       "}\n"
                                       "@misc{immink2017proceedings, title = {Taken key}}\n";

TEST_F(ArxivCli, AppendAddsOnlyNewPapersAndKeepsTheFile) {
    std::ofstream(m_dir / "papers.bib") << k_library;
    RunResult result = arxiv(
        {"fetch", "1707.08567", "astro-ph/0601001", "--append", "papers.bib", "--project", "exo"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    ASSERT_EQ(m_server.requests().size(), 1u);
    EXPECT_EQ(m_server.requests()[0].query, "id_list=astro-ph/0601001&max_results=1");
    std::string text = read_whole(m_dir / "papers.bib");
    EXPECT_TRUE(text.starts_with(std::string(k_library) + "\n@article{gould2006frequency,"))
        << text;
    EXPECT_NE(text.find("project       = {exo}"), std::string::npos) << text;
    EXPECT_NE(result.err.find("1707.08567: already in papers.bib"), std::string::npos);
    // Once more: everything is there, nothing is asked or written.
    set_old_modification_time(m_dir / "papers.bib");
    EXPECT_EQ(arxiv({"fetch", "astro-ph/0601001", "--append", "papers.bib"}).exit_code, 0);
    expect_old_modification_time(m_dir / "papers.bib");
    EXPECT_EQ(m_server.requests().size(), 1u);
}

TEST_F(ArxivCli, AppendLeavesTheFileAloneWhenTheNetworkFails) {
    std::ofstream(m_dir / "papers.bib") << k_library;
    set_old_modification_time(m_dir / "papers.bib");
    m_server.script({answer(k_old_style, 503), answer(k_old_style, 503), answer(k_old_style, 503)});
    RunResult result = arxiv({"fetch", "astro-ph/0601001", "--append", "papers.bib"});
    EXPECT_EQ(result.exit_code, 4) << result.err;
    EXPECT_EQ(read_whole(m_dir / "papers.bib"), k_library);
    expect_old_modification_time(m_dir / "papers.bib");
}

TEST_F(ArxivCli, UpdateReportsAndAddsDoisInPlace) {
    // Two papers of the recorded search answer, as a user cited them before they had DOIs.
    std::string library = "@misc{first,\n  title = {T},\n  eprint = {2202.12139v1},\n"
                          "  archiveprefix = {arXiv}\n}\n"
                          "@article{other, journal = {Nature}, doi = {10.1/x}}\n";
    std::ofstream(m_dir / "papers.bib") << library;
    m_server.script({answer(k_search)});
    RunResult report = arxiv({"update", "papers.bib"});
    EXPECT_EQ(report.exit_code, 0) << report.err;
    EXPECT_NE(report.out.find("first: arXiv:2202.12139v1"), std::string::npos) << report.out;
    EXPECT_NE(report.out.find("DOI 10.1109/ICSTW55395.2022.00035"), std::string::npos)
        << report.out;
    EXPECT_EQ(read_whole(m_dir / "papers.bib"), library); // no --in-place: untouched

    RunResult in_place = arxiv({"update", "papers.bib", "--in-place"});
    EXPECT_EQ(in_place.exit_code, 0) << in_place.err;
    std::string updated = read_whole(m_dir / "papers.bib");
    EXPECT_EQ(updated,
              "@misc{first,\n  title = {T},\n  eprint = {2202.12139v1},\n"
              "  archiveprefix = {arXiv},\n  doi = {10.1109/ICSTW55395.2022.00035},\n"
              "  journal = {Artificial Intelligence in Software Testing @ 2022 IEEE International "
              "Conference on Software Testing, Verification and Validation Workshops (ICSTW)}\n}\n"
              "@article{other, journal = {Nature}, doi = {10.1/x}}\n");
}

TEST_F(ArxivCli, SearchPagesAndListsInEveryFormat) {
    RunResult result = arxiv({"search", "testing", "--max", "10", "--format", "json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    ASSERT_EQ(m_server.requests().size(), 1u);
    EXPECT_EQ(m_server.requests()[0].query, "search_query=testing&start=0&max_results=10");
    EXPECT_NE(result.out.find("2202.12139"), std::string::npos);
    for (std::string format : {"markdown", "html", "csl-json", "bibtex"}) {
        RunResult listed = arxiv({"search", "testing", "--max", "10", "--format", format});
        EXPECT_EQ(listed.exit_code, 0) << format << ": " << listed.err;
        EXPECT_NE(listed.out.find("2202.12139"), std::string::npos) << format;
    }
    EXPECT_EQ(m_server.requests().size(), 1u); // the cache answered the others
}

} // namespace
