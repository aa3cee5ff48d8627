#pragma once
// Sort keys for text: ICU's root collation of the LaTeX value decoded to plain text. A key is a
// byte string; comparing two keys bytewise orders the texts as the collator would. Keys of
// several components (names: family, given, family, given …) are the components' keys one after
// the other, each with ICU's terminating zero byte, so that bytewise comparison is also
// component by component.

#include <memory>
#include <string>
#include <string_view>

namespace bibkit::query::detail {

class Collation {
  public:
    Collation();
    ~Collation();
    Collation(const Collation&) = delete;
    Collation& operator=(const Collation&) = delete;

    // Appends the key of plain UTF-8 text (terminating zero included).
    void append_key(std::string& key, std::string_view utf8) const;
    // The key of a LaTeX value: decoded, then collated.
    std::string latex_key(std::string_view latex) const;
    // The key of a name list: each name's family name, then its given names and particle.
    std::string names_key(std::string_view latex) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace bibkit::query::detail
