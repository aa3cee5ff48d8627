// The rich text model and its builder.

#include "tree.hpp"

#include <bibkit/text/rich_text.hpp>
#include <gtest/gtest.h>

namespace bibkit::text {
namespace {

using testing::tree;

TEST(TextRichText, AdjacentRunsMergeAndSpansNest) {
    RichTextBuilder b;
    b.append_text("a");
    b.append_text("b");
    b.open(NodeKind::italic);
    b.append_text("c");
    b.open(NodeKind::bold);
    b.append_text("d");
    b.close();
    b.close();
    b.append_text("e");
    RichText t = b.finish();
    EXPECT_EQ(tree(t), "abi{cb{d}}e");
    ASSERT_EQ(t.nodes().size(), 6u); // ab, italic, c, bold, d, e
    EXPECT_EQ(t.nodes()[1].kind, NodeKind::italic);
    EXPECT_EQ(t.nodes()[1].end, 5u); // its subtree: italic, c, bold, d
    EXPECT_EQ(t.nodes()[3].end, 5u);
    EXPECT_TRUE(t.has_children(t.nodes()[1]));
}

TEST(TextRichText, EmptySpansVanishWithoutSplittingTheRun) {
    RichTextBuilder b;
    b.append_text("a");
    b.open(NodeKind::nocase);
    b.close();
    b.append_text("b");
    RichText t = b.finish();
    ASSERT_EQ(t.nodes().size(), 1u);
    EXPECT_EQ(tree(t), "ab");
}

TEST(TextRichText, LinksWithoutChildrenStay) {
    RichTextBuilder b;
    b.open_link("http://x.org");
    b.close();
    RichText t = b.finish();
    EXPECT_EQ(tree(t), "link[http://x.org]{}");
    EXPECT_FALSE(t.has_children(t.nodes()[0]));
}

TEST(TextRichText, MathKeepsSourceAndRendering) {
    RichTextBuilder b;
    b.add_math("x^2", "x\xC2\xB2", true);
    b.add_math("\\binom{n}{k}", "", false, MathStyle::display);
    RichText t = b.finish();
    EXPECT_EQ(tree(t), "math[x^2|x\xC2\xB2]display[\\binom{n}{k}]");
    EXPECT_EQ(t.math_text(t.nodes()[0]), "x\xC2\xB2");
    EXPECT_EQ(t.math_text(t.nodes()[1]), "\\binom{n}{k}");
}

TEST(TextRichText, FinishClosesOpenSpansAndNormalizes) {
    RichTextBuilder b;
    b.open(NodeKind::bold);
    b.append_text("e");
    b.append_text("\xCC\x81"); // a combining acute, appended separately
    RichText t = b.finish();
    EXPECT_EQ(tree(t), "b{\xC3\xA9}");
}

TEST(TextRichText, EqualityIgnoresBufferLayout) {
    RichTextBuilder a;
    a.add_math("x", "x", true);
    a.append_text("y");
    RichTextBuilder b;
    b.add_math("x", "x", true);
    b.append_text("y");
    RichText ta = a.finish();
    RichText tb = b.finish();
    EXPECT_EQ(ta, tb);
    EXPECT_FALSE(ta == RichText::from_plain("xy"));
    EXPECT_EQ(RichText::from_plain("e\xCC\x81"), RichText::from_plain("\xC3\xA9"));
}

TEST(TextRichText, TrimTrailingSpace) {
    RichTextBuilder b;
    b.open(NodeKind::italic);
    b.append_text("a ");
    b.trim_trailing_space();
    RichText t = b.finish();
    EXPECT_EQ(tree(t), "i{a}");
}

TEST(TextRichText, VisitIsIterative) {
    // As deep as the builder nests (see SpansNestAtMostMaxDepthDeepAndKeepTheirText).
    constexpr int deep = static_cast<int>(RichTextBuilder::k_max_depth);
    RichTextBuilder b;
    for (int i = 0; i < deep; ++i) b.open(NodeKind::italic);
    b.append_text("x");
    RichText t = b.finish();
    struct Counter {
        int enters = 0, leaves = 0, leaves_seen = 0;
        void enter(const Node&) { ++enters; }
        void leave(const Node&) { ++leaves; }
        void leaf(const Node&) { ++leaves_seen; }
    } counter;
    visit(t, counter);
    EXPECT_EQ(counter.enters, deep);
    EXPECT_EQ(counter.leaves, deep);
    EXPECT_EQ(counter.leaves_seen, 1);
}

TEST(TextRichText, SpansNestAtMostMaxDepthDeepAndKeepTheirText) {
    // Deeper spans are not made, but their text stays: nothing can build a tree deep enough to
    // overflow a recursive renderer.
    constexpr std::size_t max = RichTextBuilder::k_max_depth;
    RichTextBuilder b;
    for (std::size_t i = 0; i < max + 50; ++i) b.open(NodeKind::italic);
    EXPECT_EQ(b.open_spans(), max + 50);
    b.append_text("x");
    for (std::size_t i = 0; i < 50; ++i) b.close(); // the 50 that were not made
    EXPECT_EQ(b.open_spans(), max);
    b.append_text("y");
    b.open_link("http://x.org"); // too deep as well: its text stays, without the link
    b.append_text("z");
    b.close();
    RichText t = b.finish();
    std::string expected;
    for (std::size_t i = 0; i < max; ++i) expected += "i{";
    expected += "xyz";
    expected += std::string(max, '}');
    EXPECT_EQ(tree(t), expected);
}

} // namespace
} // namespace bibkit::text
