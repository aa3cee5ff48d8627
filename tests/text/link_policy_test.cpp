// Which URLs may become links.

#include <bibkit/text/link_policy.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

TEST(TextLinkPolicy, HttpHttpsMailtoAndRelativeAreLinks) {
    for (const char* url : {"http://x.org", "https://x.org/a?b#c", "HTTPS://X.ORG", "mailto:a@b.c",
                            "papers/a.pdf", "/abs/1", "#top", "?q=1", "a/b:c", "//cdn.org/x"})
        EXPECT_TRUE(is_linkable_url(url)) << url;
}

TEST(TextLinkPolicy, OtherSchemesAndTricksAreNot) {
    for (const char* url : {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x",
                            "vbscript:x", "file:///etc/passwd", "java\tscript:alert(1)",
                            "java\nscript:x", " javascript:x", "\x01javascript:x", "", "ftp://x"})
        EXPECT_FALSE(is_linkable_url(url)) << url;
}

} // namespace
} // namespace bibkit::text
