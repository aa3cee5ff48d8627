#pragma once
// Where a field's value sits in its .bib file, for diagnostics about what is inside the value.

#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/core/ascii.hpp>
#include <functional>

namespace bibkit::model::detail {

struct FieldPlace {
    const SourceFile* source = nullptr;
    std::uint32_t offset = 0;
};

// Byte `at` of `value`, the value of the field named `name_as_read` in entry `entry`. A value
// that is a view into the input maps exactly; one built by expanding macros points at the start
// of the field's value.
inline FieldPlace place_in_value(const bibtex::Bibliography& bibliography,
                                 const bibtex::Entry& entry, std::string_view name_as_read,
                                 std::string_view value, std::uint32_t at = 0) {
    const bibtex::RawDatabase& file = bibliography.files()[entry.file];
    const SourceFile& source = file.source();
    std::string_view text = source.text();
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (!value.empty() && std::greater_equal<const char*>()(value.data(), begin) &&
        std::less<const char*>()(value.data(), end)) {
        auto offset = static_cast<std::uint32_t>(value.data() - begin);
        return {&source,
                offset + std::min<std::uint32_t>(at, static_cast<std::uint32_t>(value.size()))};
    }
    const bibtex::RawEntry& raw = file.entries()[entry.raw_entry];
    for (const bibtex::RawField& candidate : file.fields(raw))
        if (ascii::iequals(file.text(candidate.name), name_as_read))
            return {&source, file.value_span(candidate).begin};
    return {&source, raw.key.begin};
}

} // namespace bibkit::model::detail
