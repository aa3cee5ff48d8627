// JsonWriter and append_json_string: exact bytes, compact and pretty, and strings that are always
// valid JSON and valid UTF-8 whatever bytes come in.

#include <bibkit/core/json_writer.hpp>
#include <cstdint>
#include <gtest/gtest.h>
#include <string>
#include <utility>

namespace bibkit {
namespace {

// {"a":1,"b":["x",true,null,{}],"c":{"d":false},"e":[]}
void write_sample(JsonWriter& json) {
    json.begin_object();
    json.key("a");
    json.value(std::int64_t{1});
    json.key("b");
    json.begin_array();
    json.value("x");
    json.value(true);
    json.null();
    json.begin_object();
    json.end_object();
    json.end_array();
    json.key("c");
    json.begin_object();
    json.key("d");
    json.value(false);
    json.end_object();
    json.key("e");
    json.begin_array();
    json.end_array();
    json.end_object();
}

TEST(JsonWriter, CompactNestedObjectsAndArrays) {
    std::string out;
    JsonWriter json(out);
    write_sample(json);
    EXPECT_EQ(out, R"({"a":1,"b":["x",true,null,{}],"c":{"d":false},"e":[]})");
}

TEST(JsonWriter, PrettyIndentsByTwoSpacesAndKeepsEmptyContainersOnOneLine) {
    std::string out;
    JsonWriter json(out, true);
    write_sample(json);
    EXPECT_EQ(out, "{\n"
                   "  \"a\": 1,\n"
                   "  \"b\": [\n"
                   "    \"x\",\n"
                   "    true,\n"
                   "    null,\n"
                   "    {}\n"
                   "  ],\n"
                   "  \"c\": {\n"
                   "    \"d\": false\n"
                   "  },\n"
                   "  \"e\": []\n"
                   "}");
}

TEST(JsonWriter, TopLevelArrayOfNumbers) {
    std::string out;
    JsonWriter json(out);
    json.begin_array();
    json.value(std::int64_t{0});
    json.value(std::int64_t{-42});
    json.value(INT64_MAX);
    json.value(INT64_MIN);
    json.end_array();
    EXPECT_EQ(out, "[0,-42,9223372036854775807,-9223372036854775808]");
}

TEST(JsonWriter, ArraysOfArraysPretty) {
    std::string out;
    JsonWriter json(out, true);
    json.begin_array();
    json.begin_array();
    json.value(std::int64_t{1});
    json.end_array();
    json.begin_array();
    json.end_array();
    json.end_array();
    EXPECT_EQ(out, "[\n"
                   "  [\n"
                   "    1\n"
                   "  ],\n"
                   "  []\n"
                   "]");
}

TEST(JsonWriter, AppendsToWhatIsAlreadyInTheString) {
    std::string out = "prefix ";
    JsonWriter json(out);
    json.begin_object();
    json.key("k");
    json.value("v");
    json.end_object();
    EXPECT_EQ(out, R"(prefix {"k":"v"})");
}

TEST(JsonWriter, KeysAndStringValuesAreEscaped) {
    std::string out;
    JsonWriter json(out);
    json.begin_object();
    json.key("a\"b");
    json.value("c\\d\n");
    json.end_object();
    EXPECT_EQ(out, R"({"a\"b":"c\\d\n"})");
}

std::string json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

TEST(AppendJsonString, QuotesPlainText) {
    EXPECT_EQ(json_string(""), R"("")");
    EXPECT_EQ(json_string("Knuth 1984 / {TeX}"), R"("Knuth 1984 / {TeX}")");
}

TEST(AppendJsonString, EscapesQuoteAndBackslash) {
    EXPECT_EQ(json_string(R"(say "\emph{hi}")"), R"("say \"\\emph{hi}\"")");
}

TEST(AppendJsonString, UsesShortEscapesForCommonControlCharacters) {
    EXPECT_EQ(json_string("\n\r\t\b\f"), R"("\n\r\t\b\f")");
}

TEST(AppendJsonString, OtherControlCharactersAndDelBecomeUnicodeEscapes) {
    EXPECT_EQ(json_string(std::string_view("\0", 1)), R"("\u0000")");
    EXPECT_EQ(json_string("\x01\x0b\x1b\x1f"), R"("\u0001\u000b\u001b\u001f")");
    EXPECT_EQ(json_string("a\x7f"
                          "b"),
              R"("a\u007fb")");
}

TEST(AppendJsonString, KeepsValidMultibyteUtf8AsIs) {
    // é (2 bytes), € (3 bytes), 𝄞 (4 bytes), U+FFFD itself, U+10FFFF (the last code point).
    std::string text = "\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E \xEF\xBF\xBD \xF4\x8F\xBF\xBF";
    EXPECT_EQ(json_string(text), "\"" + text + "\"");
}

const std::string k_fffd = "\xEF\xBF\xBD";

TEST(AppendJsonString, EachInvalidByteBecomesTheReplacementCharacter) {
    EXPECT_EQ(json_string("a\xFF"
                          "b"),
              "\"a" + k_fffd + "b\"");
    EXPECT_EQ(json_string("\x80"), "\"" + k_fffd + "\""); // lone continuation byte
    EXPECT_EQ(json_string("\xC3"), "\"" + k_fffd + "\""); // truncated at the end
    EXPECT_EQ(json_string("\xE9t\xE9"), "\"" + k_fffd + "t" + k_fffd + "\""); // Latin-1 "été"
}

TEST(AppendJsonString, OverlongEncodingsAreInvalid) {
    // "/" as C0 AF and as E0 80 AF: every byte is replaced.
    EXPECT_EQ(json_string("\xC0\xAF"), "\"" + k_fffd + k_fffd + "\"");
    EXPECT_EQ(json_string("\xE0\x80\xAF"), "\"" + k_fffd + k_fffd + k_fffd + "\"");
}

TEST(AppendJsonString, SurrogatesAndCodePointsBeyondU10FFFFAreInvalid) {
    EXPECT_EQ(json_string("\xED\xA0\x80"), "\"" + k_fffd + k_fffd + k_fffd + "\""); // U+D800
    EXPECT_EQ(json_string("\xF4\x90\x80\x80"),
              "\"" + k_fffd + k_fffd + k_fffd + k_fffd + "\""); // U+110000
}

TEST(AppendJsonString, TextAfterAnInvalidSequenceIsKept) {
    std::string out = json_string("\xE2\x82"
                                  "x\xC3\xA9");
    EXPECT_TRUE(out.starts_with("\"" + k_fffd)) << out;
    EXPECT_TRUE(out.ends_with("x\xC3\xA9\"")) << out;
}

TEST(AppendJsonString, EscapesAtEveryPositionOfALongString) {
    // Long enough for the 16-byte scan: each special byte at each position, text around it.
    const std::string base = "a fairly long plain text, caf\xC3\xA9 and more text after it";
    const std::pair<std::string, std::string> cases[] = {
        {"\"", "\\\""},
        {"\\", "\\\\"},
        {"\n", "\\n"},
        {"\x01", "\\u0001"},
        {"\x7F", "\\u007f"},
        {"\xFF", k_fffd},
        {"\xE2\x80\x93", "\xE2\x80\x93"},
    };
    for (std::size_t at = 0; at <= base.size(); ++at) {
        if (at > 0 && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;
        for (const auto& [raw, escaped] : cases) {
            std::string text = base;
            text.insert(at, raw);
            std::string expected = "\"" + base.substr(0, at) + escaped + base.substr(at) + "\"";
            ASSERT_EQ(json_string(text), expected) << "at " << at;
        }
    }
}

} // namespace
} // namespace bibkit
