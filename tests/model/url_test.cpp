// Only http, https and ftp become URLs; LaTeX wrappers and escapes are removed.

#include <bibkit/model/url.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

std::string url(std::string_view text) {
    auto parsed = parse_url(text);
    return parsed ? *parsed : parsed.error().code + ": " + parsed.error().message;
}

TEST(Url, AcceptedSchemes) {
    EXPECT_EQ(url("https://example.org/a?b=c#d"), "https://example.org/a?b=c#d");
    EXPECT_EQ(url(" http://example.org "), "http://example.org");
    EXPECT_EQ(url("FTP://ftp.example.org/pub"), "ftp://ftp.example.org/pub");
    EXPECT_EQ(url("HTTPS://Example.org/Path"), "https://Example.org/Path");
}

TEST(Url, LatexWrappersAndEscapes) {
    EXPECT_EQ(url("\\url{https://example.org/a_b}"), "https://example.org/a_b");
    EXPECT_EQ(url("\\href{https://example.org/x}{the site}"), "https://example.org/x");
    EXPECT_EQ(url("https://example.org/a\\_b\\%20c\\#d"), "https://example.org/a_b%20c#d");
    EXPECT_EQ(url("{https://example.org/~user}"), "https://example.org/~user");
}

TEST(Url, Rejections) {
    EXPECT_EQ(url("javascript:alert(1)"),
              "unsupported-url-scheme: 'javascript:alert(1)' is not a usable URL: only http, "
              "https and ftp are accepted, not javascript");
    EXPECT_EQ(url("file:///etc/passwd"),
              "unsupported-url-scheme: 'file:///etc/passwd' is not a usable URL: only http, https "
              "and ftp are accepted, not file");
    EXPECT_EQ(url("mailto:a@example.org"),
              "unsupported-url-scheme: 'mailto:a@example.org' is not a usable URL: only http, "
              "https and ftp are accepted, not mailto");
    EXPECT_EQ(
        url("www.example.org"),
        "malformed-url: 'www.example.org' is not a usable URL: it has no scheme such as https:");
    EXPECT_EQ(url("https:/example.org"),
              "malformed-url: 'https:/example.org' is not a usable URL: expected a host after "
              "https://");
    EXPECT_EQ(url("https:///path"),
              "malformed-url: 'https:///path' is not a usable URL: expected a host after https://");
    EXPECT_EQ(url("https://example.org/a b"),
              "malformed-url: 'https://example.org/a b' is not a usable URL: it holds white space "
              "or a control character");
    EXPECT_EQ(url(""), "malformed-url: '' is not a usable URL: the value is empty");
}

} // namespace
} // namespace bibkit::model
