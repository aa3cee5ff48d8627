#include "collation.hpp"

#include <bibkit/names/name.hpp>
#include <bibkit/text/plain_text.hpp>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace bibkit::query::detail {

struct Collation::Impl {
    std::unique_ptr<icu::Collator> collator;
};

Collation::Collation() : m_impl(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    m_impl->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) {
        m_impl->collator.reset();
        return;
    }
    // Digits by their value: "vol. 9" before "vol. 10", "1992--1993" before "1993".
    m_impl->collator->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
}

Collation::~Collation() = default;

void Collation::append_key(std::string& key, std::string_view utf8) const {
    if (!m_impl->collator) { // no ICU data: byte order is still a total order
        key.append(utf8);
        key.push_back('\0');
        return;
    }
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    const std::size_t start = key.size();
    key.resize(start + 64 + utf8.size() * 4);
    auto* out = reinterpret_cast<std::uint8_t*>(key.data() + start);
    std::int32_t length =
        m_impl->collator->getSortKey(text, out, static_cast<std::int32_t>(key.size() - start));
    if (static_cast<std::size_t>(length) > key.size() - start) {
        key.resize(start + static_cast<std::size_t>(length));
        out = reinterpret_cast<std::uint8_t*>(key.data() + start);
        length = m_impl->collator->getSortKey(text, out, length);
    }
    key.resize(start + static_cast<std::size_t>(length)); // ends with ICU's zero byte
}

std::string Collation::latex_key(std::string_view latex) const {
    std::string key;
    append_key(key, text::latex_to_plain_text(latex));
    return key;
}

std::string Collation::names_key(std::string_view latex) const {
    std::string key;
    for (const names::Name& name : names::parse_names(latex).names) {
        if (!name.literal.empty()) {
            append_key(key, text::latex_to_plain_text(name.literal));
            append_key(key, {});
            continue;
        }
        append_key(key, text::latex_to_plain_text(name.family));
        std::string given = text::latex_to_plain_text(name.given);
        if (!name.particle.empty()) given += " " + text::latex_to_plain_text(name.particle);
        append_key(key, given);
    }
    return key;
}

} // namespace bibkit::query::detail
