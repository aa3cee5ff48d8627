// The owner's name and the tolerant comparison that finds it in author lists.

#include <bibkit/cv/owner.hpp>
#include <bibkit/names/name.hpp>
#include <bibkit/text/plain_text.hpp>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace bibkit::cv {

namespace {

// The words of a given name ("Jean-Pierre" → jean, pierre; "J.-P." → j, p), folded.
std::vector<std::string> given_words(std::string_view given) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(fold_for_matching(word));
        word.clear();
    };
    for (char ch : given) {
        if (ch == ' ' || ch == '-' || ch == '.' || ch == '~')
            flush();
        else
            word += ch;
    }
    flush();
    return words;
}

// The first code point of a (folded, non-empty) word.
std::string_view first_letter(std::string_view word) {
    std::size_t size = 1;
    while (size < word.size() && (static_cast<unsigned char>(word[size]) & 0xC0) == 0x80) ++size;
    return word.substr(0, size);
}

bool is_initial(std::string_view word) {
    return first_letter(word).size() == word.size();
}

bool words_agree(std::string_view a, std::string_view b) {
    if (is_initial(a) || is_initial(b)) return first_letter(a) == first_letter(b);
    return a == b;
}

} // namespace

std::string fold_for_matching(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    if (U_SUCCESS(status)) decomposed = nfd->normalize(decomposed, status);
    icu::UnicodeString kept;
    for (std::int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
        i += U16_LENGTH(c);
    }
    kept.foldCase();
    std::string out;
    kept.toUTF8String(out);
    return out;
}

Expected<OwnerName, std::string> OwnerName::parse(std::string_view name) {
    const names::Name parsed = names::parse_name(name);
    OwnerName owner;
    owner.m_family = text::latex_to_plain_text(
        parsed.particle.empty() ? parsed.family : parsed.particle + " " + parsed.family);
    owner.m_given = text::latex_to_plain_text(parsed.given);
    if (owner.m_family.empty())
        return unexpected(std::string("--highlight '") + std::string(name) +
                          "': no family name (write \"Family, Given\")");
    owner.m_family_key = fold_for_matching(owner.m_family);
    owner.m_given_words = given_words(owner.m_given);
    return owner;
}

bool OwnerName::matches(const model::Person& person) const {
    if (!person.literal.empty()) return false;
    const std::string family =
        person.particle.empty() ? person.family : person.particle + " " + person.family;
    if (fold_for_matching(family) != m_family_key &&
        fold_for_matching(person.family) != m_family_key)
        return false;
    if (m_given_words.empty()) return true;
    const std::vector<std::string> words = given_words(person.given);
    if (words.empty()) return false;
    const std::size_t common = std::min(words.size(), m_given_words.size());
    for (std::size_t i = 0; i < common; ++i)
        if (!words_agree(words[i], m_given_words[i])) return false;
    return true;
}

} // namespace bibkit::cv
