#include "letters.hpp"

#include <bibkit/names/extended_name.hpp>
#include <bibkit/names/name.hpp>

namespace bibkit::names {

namespace {

// `{World Health Organization}`: one token, no comma, one group that is not `{\...}`.
bool is_literal(const BibtexName& name) {
    if (name.tokens.size() != 1 || name.commas != 0) return false;
    std::string_view token = name.tokens[0].text;
    return token.size() >= 2 && token.front() == '{' && token[1] != '\\' &&
           detail::skip_group(token, 1) == token.size();
}

Name from_extended(const ExtendedName& extended, LetterCase letter_case) {
    Name name;
    name.given = extended.given;
    name.family = extended.family;
    name.suffix = extended.suffix;
    (extended.use_prefix == UsePrefix::no ? name.dropping_particle : name.particle) =
        extended.prefix;
    if (!extended.given_initials.empty()) {
        name.initials = extended.given_initials;
        if (name.initials.back() != '.') name.initials += '.';
    } else {
        name.initials = initials(extended.given, letter_case);
    }
    return name;
}

} // namespace

std::string initials(const BibtexName& name, TokenRange part) {
    std::string out;
    for (std::uint32_t i = part.begin; i < part.end; ++i) {
        std::size_t before = out.size();
        if (!out.empty()) out += name.tokens[i].separator == '-' ? '-' : ' ';
        if (detail::append_initial(out, name.tokens[i].text, name.letter_case))
            out += '.';
        else
            out.resize(before);
    }
    return out;
}

std::string initials(std::string_view given, LetterCase letter_case) {
    BibtexName name = split_name(given, letter_case);
    return initials(name, {0, static_cast<std::uint32_t>(name.tokens.size())});
}

Name parse_name(std::string_view text, std::vector<NameDiagnostic>* diagnostics,
                LetterCase letter_case) {
    if (auto extended = parse_extended_name(text, diagnostics))
        return from_extended(*extended, letter_case);
    BibtexName split = split_name(text, letter_case);
    if (diagnostics)
        diagnostics->insert(diagnostics->end(), split.diagnostics.begin(), split.diagnostics.end());
    Name name;
    if (is_literal(split)) {
        std::string_view token = split.tokens[0].text;
        name.literal = token.substr(1, token.size() - 2);
        return name;
    }
    name.given = split.joined(split.first);
    name.particle = split.joined(split.von);
    name.family = split.joined(split.last);
    name.suffix = split.joined(split.jr);
    name.initials = initials(split, split.first);
    return name;
}

void for_each_name(std::string_view value, const NameList& list,
                   const std::function<void(Name&&)>& visit,
                   std::vector<NameDiagnostic>& diagnostics, LetterCase letter_case) {
    std::vector<NameDiagnostic> own;
    for (std::string_view text : list.names) {
        auto offset = static_cast<std::uint32_t>(text.data() - value.data());
        if (text.empty()) {
            diagnostics.push_back(
                {Severity::warning, "empty-name", "empty name between two `and`s", offset});
            continue;
        }
        own.clear();
        visit(parse_name(text, &own, letter_case));
        for (NameDiagnostic& diagnostic : own) {
            diagnostic.offset += offset;
            diagnostics.push_back(std::move(diagnostic));
        }
    }
}

ParsedNames parse_names(std::string_view value, LetterCase letter_case) {
    ParsedNames out;
    NameList list = split_name_list(value);
    out.et_al = list.et_al;
    out.names.reserve(list.names.size());
    for_each_name(
        value, list, [&](Name&& name) { out.names.push_back(std::move(name)); }, out.diagnostics,
        letter_case);
    return out;
}

} // namespace bibkit::names
