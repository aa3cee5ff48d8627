#pragma once
// A streaming JSON writer: output is built directly into a string, with no document tree.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit {

class JsonWriter {
  public:
    explicit JsonWriter(std::string& out, bool pretty = false) : m_out(out), m_pretty(pretty) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // Goes on inside an array whose '[' another writer wrote (pieces of one document written on
    // several threads): the items that follow come after `items_before` items.
    void resume_array(bool items_before) { m_has_items.push_back(items_before); }
    void key(std::string_view name);
    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(std::int64_t number);
    void value(bool flag);
    void null();

  private:
    void before_value();
    void newline();
    void close(char bracket);

    std::string& m_out;
    bool m_pretty;
    bool m_after_key = false;
    // One level per open container: whether it has an item yet (bytes: cheaper than bits).
    std::vector<std::uint8_t> m_has_items;
};

// Appends text as a quoted JSON string; invalid UTF-8 bytes become U+FFFD.
void append_json_string(std::string& out, std::string_view text);

} // namespace bibkit
