#include "name_table.hpp"
#include "white_space.hpp"

#include <algorithm>
#include <array>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/core/ascii.hpp>
#include <cstring>
#include <string_view>
#include <unordered_set>

namespace bibkit::bibtex {

namespace {

struct KeyOrigin {
    const SourceFile* source = nullptr;
    std::uint32_t offset = 0;
};

// Names and values live in the database's arena (or the input), so views into them stay valid.
using MacroTable = NameTable<std::string_view, std::string_view>;
// Keys view into the sources, which outlive resolution.
using KeyIndex = NameTable<std::string_view, KeyOrigin>;

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_months{{
    {"jan", "January"},
    {"feb", "February"},
    {"mar", "March"},
    {"apr", "April"},
    {"may", "May"},
    {"jun", "June"},
    {"jul", "July"},
    {"aug", "August"},
    {"sep", "September"},
    {"oct", "October"},
    {"nov", "November"},
    {"dec", "December"},
}};

// Appends text to out, turning every run of white space into one space; `pending_space` carries
// a run across parts so that "A " # " B" gives "A B". Leading space is dropped from field values
// but kept (as one space) in macro values: BibTeX trims only the whole field.
enum class Ends { trim, keep };

void append_collapsed(std::string& out, std::string_view text, bool& pending_space,
                      Ends ends = Ends::trim) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (ascii::is_space(text[i])) {
            pending_space = true;
            ++i;
            continue;
        }
        // Up to the next irregular white space the text is already collapsed: copy it whole.
        std::size_t run = detail::find_irregular(text, i);
        if (pending_space && (!out.empty() || ends == Ends::keep)) out += ' ';
        pending_space = false;
        out.append(text.substr(i, run - i));
        i = run;
    }
}

bool is_lower(std::string_view text) {
    for (char c : text)
        if (c >= 'A' && c <= 'Z') return false;
    return true;
}

} // namespace

namespace detail {

class Resolver {
  public:
    explicit Resolver(ValueMode mode) : m_mode(mode) {
        for (auto [name, value] : k_months) m_macros.insert(name, value);
    }

    void add_file(const RawDatabase& file, std::uint32_t file_index);
    void add_diagnostics(std::span<const Diagnostic> syntax);
    void add_block(const RawDatabase& file, std::uint32_t file_index, const Block& block);
    void reserve(std::size_t entries, std::size_t diagnostics) {
        m_result.diagnostics.reserve(diagnostics + entries / 8);
        m_keys.reserve(entries);
        if (m_mode == ValueMode::build) {
            m_result.entries.reserve(entries);
            m_field_ranges.reserve(entries);
        }
    }
    void reserve_fields(std::size_t fields) { m_result.fields.reserve(fields); }
    // Line numbers are looked up here, in one ordered pass, rather than at each problem.
    Database take() {
        locate_diagnostics(m_result.diagnostics);
        for (std::size_t i = 0; i < m_result.entries.size(); ++i) {
            auto [first, count] = m_field_ranges[i];
            m_result.entries[i].fields =
                std::span<const Field>(m_result.fields).subspan(first, count);
        }
        return std::move(m_result);
    }

  private:
    std::string expand(const RawDatabase& file, const RawField& field, std::string_view key);
    void expand_into(std::string& out, const RawDatabase& file, const RawField& field,
                     std::string_view key, Ends ends = Ends::trim);
    std::string_view value_view(const RawDatabase& file, const RawField& field,
                                std::string_view key);
    std::string_view lowered_view(std::string_view name);
    void check_macros(const RawDatabase& file, const RawField& field, std::string_view key);
    void add_entry(const RawDatabase& file, std::uint32_t file_index, std::uint32_t raw_index);
    void warn_undefined(const RawDatabase& file, const ValuePart& part, std::string_view key);
    template <class OnUnique>
    void for_each_unique_field(const RawDatabase& file, const RawEntry& raw, std::string_view key,
                               OnUnique on_unique);

    ValueMode m_mode;
    MacroTable m_macros;
    KeyIndex m_keys;
    NameTable<std::string_view, std::string_view> m_lowered_names; // views into the arena
    Database m_result;
    std::vector<std::pair<std::size_t, std::size_t>> m_field_ranges; // per entry, until take()
    std::string m_scratch;
};

void Resolver::warn_undefined(const RawDatabase& file, const ValuePart& part,
                              std::string_view key) {
    m_result.diagnostics.push_back(deferred_diagnostic(
        file.source(), part.token.begin, Severity::warning, "undefined-macro",
        "undefined macro '" + std::string(file.text(part.token)) + "'; its value is empty", key));
}

std::string Resolver::expand(const RawDatabase& file, const RawField& field, std::string_view key) {
    std::string out;
    expand_into(out, file, field, key);
    return out;
}

void Resolver::expand_into(std::string& out, const RawDatabase& file, const RawField& field,
                           std::string_view key, Ends ends) {
    bool pending_space = false;
    for (const ValuePart& part : file.parts(field)) {
        if (part.kind == ValuePartKind::macro) {
            const std::string_view* value = m_macros.find(file.text(part.token));
            if (!value) {
                warn_undefined(file, part, key);
                continue;
            }
            append_collapsed(out, *value, pending_space, ends);
        } else {
            append_collapsed(out, file.text(part.content()), pending_space, ends);
        }
    }
    if (pending_space && ends == Ends::keep) out += ' ';
}

// The field's value as a view: into the input when it is written as one plain, collapsed part
// (most values are), into the macro table for a lone macro, else built into the arena.
std::string_view Resolver::value_view(const RawDatabase& file, const RawField& field,
                                      std::string_view key) {
    auto parts = file.parts(field);
    if (parts.size() == 1) {
        const ValuePart& part = parts[0];
        if (part.kind == ValuePartKind::macro) {
            if (const std::string_view* value = m_macros.find(file.text(part.token))) {
                // Macro values keep one space at each end for concatenation; a field trims it.
                std::string_view text = *value;
                if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
                if (!text.empty() && text.back() == ' ') text.remove_suffix(1);
                return text;
            }
        } else if (std::string_view text = file.text(part.content());
                   detail::already_collapsed(text)) {
            return text;
        }
    }
    m_scratch.clear();
    expand_into(m_scratch, file, field, key);
    return m_result.text.copy(m_scratch);
}

std::string_view Resolver::lowered_view(std::string_view name) {
    if (is_lower(name)) return name;
    // Files that write `Title` write it in every entry: one lower-cased copy for them all.
    auto [lowered, inserted] = m_lowered_names.insert(name, std::string_view());
    if (inserted) *lowered = m_result.text.copy(ascii::lowered(name));
    return *lowered;
}

void Resolver::check_macros(const RawDatabase& file, const RawField& field, std::string_view key) {
    for (const ValuePart& part : file.parts(field))
        if (part.kind == ValuePartKind::macro && !m_macros.find(file.text(part.token)))
            warn_undefined(file, part, key);
}

// Length and the case-folded first six bytes: equal names have equal signatures.
std::uint64_t name_signature(std::string_view name) {
    std::uint64_t signature = 0;
    std::memcpy(&signature, name.data(), std::min<std::size_t>(name.size(), 6));
    return (signature | 0x0000202020202020ull) ^ (std::uint64_t(name.size()) << 48);
}

// Calls on_unique for each field whose name was not seen earlier in the entry; later duplicates
// get a warning (BibTeX keeps the first).
template <class OnUnique>
void Resolver::for_each_unique_field(const RawDatabase& file, const RawEntry& raw,
                                     std::string_view key, OnUnique on_unique) {
    auto fields = file.fields(raw);
    // Small entries dominate: compare cheap signatures (length and case-folded first bytes)
    // pairwise, and only use a set for unusually many fields.
    std::unordered_set<std::string_view, ascii::CaseInsensitiveHash, ascii::CaseInsensitiveEqual>
        seen;
    bool use_set = fields.size() > 24;
    std::uint64_t signatures[24];
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string_view name = file.text(fields[i].name);
        std::size_t first = i;
        if (use_set) {
            if (!seen.insert(name).second)
                for (first = 0; !ascii::iequals(file.text(fields[first].name), name); ++first) {
                }
        } else {
            std::uint64_t signature = name_signature(name);
            signatures[i] = signature;
            for (std::size_t j = 0; j < i; ++j)
                if (signatures[j] == signature && ascii::iequals(file.text(fields[j].name), name)) {
                    first = j;
                    break;
                }
        }
        if (first == i) {
            on_unique(fields[i]);
            continue;
        }
        m_result.diagnostics.push_back(deferred_diagnostic(
            file.source(), fields[i].name.begin, Severity::warning, "duplicate-field",
            "duplicate field '" + ascii::lowered(name) + "': the first, at line ",
            fields[first].name.begin, ", is used and this one is ignored", key));
        check_macros(file, fields[i], key);
    }
}

void Resolver::add_entry(const RawDatabase& file, std::uint32_t file_index,
                         std::uint32_t raw_index) {
    const RawEntry& raw = file.entries()[raw_index];
    std::string_view key = file.text(raw.key);
    auto [earlier, inserted] = m_keys.insert(key, KeyOrigin{&file.source(), raw.key.begin});
    if (!inserted) {
        const KeyOrigin& first = *earlier;
        std::string message = "duplicate entry key '" + std::string(key) + "': the entry at ";
        std::string rest = " is kept and this one is skipped";
        if (first.source == &file.source()) {
            m_result.diagnostics.push_back(
                deferred_diagnostic(file.source(), raw.key.begin, Severity::error, "duplicate-key",
                                    message + "line ", first.offset, rest, key));
        } else {
            // An earlier file is read completely, so its lines can be looked up now.
            message += first.source->name() + ", line " +
                       std::to_string(first.source->line_of(first.offset)) + rest;
            m_result.diagnostics.push_back(deferred_diagnostic(file.source(), raw.key.begin,
                                                               Severity::error, "duplicate-key",
                                                               std::move(message), key));
        }
        for (const RawField& field : file.fields(raw)) check_macros(file, field, key);
        return;
    }
    if (raw.complete && key.empty())
        m_result.diagnostics.push_back(deferred_diagnostic(file.source(), raw.key.begin,
                                                           Severity::warning, "empty-key",
                                                           "entry has an empty key"));
    ++m_result.entry_count;
    if (m_mode == ValueMode::check_only) {
        for_each_unique_field(file, raw, key,
                              [&](const RawField& field) { check_macros(file, field, key); });
        return;
    }

    Entry entry;
    entry.type = lowered_view(file.text(raw.type));
    entry.key = key;
    entry.file = file_index;
    entry.raw_entry = raw_index;
    entry.complete = raw.complete;
    // The span is pointed at the shared array in take(), once it has stopped growing; until
    // then it records the first field's index and the count.
    std::size_t first = m_result.fields.size();
    for_each_unique_field(file, raw, key, [&](const RawField& field) {
        m_result.fields.push_back(
            Field{lowered_view(file.text(field.name)), value_view(file, field, key)});
    });
    m_field_ranges.push_back({first, m_result.fields.size() - first});
    m_result.entries.push_back(std::move(entry));
}

void Resolver::add_file(const RawDatabase& file, std::uint32_t file_index) {
    add_diagnostics(file.diagnostics());
    for (const Block& block : file.blocks()) add_block(file, file_index, block);
}

void Resolver::add_diagnostics(std::span<const Diagnostic> syntax) {
    m_result.diagnostics.insert(m_result.diagnostics.end(), syntax.begin(), syntax.end());
}

void Resolver::add_block(const RawDatabase& file, std::uint32_t file_index, const Block& block) {
    {
        switch (block.kind) {
        case BlockKind::entry:
            add_entry(file, file_index, block.entry);
            break;
        case BlockKind::string: {
            const RawEntry& raw = file.entries()[block.entry];
            if (raw.field_count == 0) break; // broken definition, already reported
            const RawField& field = file.fields(raw)[0];
            std::string_view name = file.text(field.name);
            m_scratch.clear();
            expand_into(m_scratch, file, field, {}, Ends::keep);
            // Redefinition is legal in BibTeX (the last one wins); only a changed value is news.
            // Files concatenated from several sources redefine the same macros many times over,
            // so the common case (same value) must not allocate.
            auto [value, inserted] = m_macros.insert(name, std::string_view());
            if (inserted) {
                *value = m_result.text.copy(m_scratch);
            } else if (*value != m_scratch) {
                bool predefined = false;
                for (auto [month, full] : k_months)
                    predefined |= ascii::iequals(month, name) && full == *value;
                if (!predefined)
                    m_result.diagnostics.push_back(deferred_diagnostic(
                        file.source(), field.name.begin, Severity::warning, "macro-redefined",
                        "macro '" + std::string(name) + "' is redefined with a different value"));
                *value = m_result.text.copy(m_scratch);
            }
            break;
        }
        case BlockKind::preamble: {
            const RawEntry& raw = file.entries()[block.entry];
            if (raw.field_count == 0) break;
            m_result.preambles.push_back(expand(file, file.fields(raw)[0], {}));
            break;
        }
        case BlockKind::comment:
        case BlockKind::junk:
            break;
        }
    }
}

} // namespace detail

const Field* Entry::find(std::string_view name) const {
    for (const Field& field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

std::string month_macro_value(std::string_view name) {
    for (auto [month, full] : k_months)
        if (ascii::iequals(month, name)) return std::string(full);
    return {};
}

IncrementalResolver::IncrementalResolver(ValueMode mode)
    : m_impl(std::make_unique<detail::Resolver>(mode)) {}
IncrementalResolver::~IncrementalResolver() = default;
IncrementalResolver::IncrementalResolver(IncrementalResolver&&) noexcept = default;

void IncrementalResolver::reserve(std::size_t entries, std::size_t diagnostics) {
    m_impl->reserve(entries, diagnostics);
}
void IncrementalResolver::add_diagnostics(std::span<const Diagnostic> syntax) {
    m_impl->add_diagnostics(syntax);
}
void IncrementalResolver::add_block(const RawDatabase& file, std::uint32_t file_index,
                                    const Block& block) {
    m_impl->add_block(file, file_index, block);
}
void IncrementalResolver::add_file(const RawDatabase& file, std::uint32_t file_index) {
    m_impl->add_file(file, file_index);
}
Database IncrementalResolver::finish() {
    return m_impl->take();
}

Database resolve(std::span<const RawDatabase> files, ValueMode mode) {
    detail::Resolver resolver(mode);
    std::size_t entries = 0, diagnostics = 0, fields = 0;
    for (const RawDatabase& file : files) {
        entries += file.entries().size();
        diagnostics += file.diagnostics().size();
        for (const RawEntry& entry : file.entries()) fields += entry.field_count;
    }
    resolver.reserve(entries, diagnostics);
    if (mode == ValueMode::build) resolver.reserve_fields(fields);
    for (std::size_t i = 0; i < files.size(); ++i)
        resolver.add_file(files[i], static_cast<std::uint32_t>(i));
    return resolver.take();
}

} // namespace bibkit::bibtex
