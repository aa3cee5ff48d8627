#include "web_entry.hpp"

#include <algorithm>
#include <bibkit/core/ascii.hpp>
#include <bibkit/csl/output_format.hpp>
#include <bibkit/export/csl_references.hpp>
#include <bibkit/model/owner_marks.hpp>
#include <bibkit/text/markdown.hpp>
#include <random>

namespace bibkit::exports {

namespace {

// Tokens of digits: the nonce, then the replacement's number in six digits.
class Placeholders {
  public:
    Placeholders() {
        std::random_device random;
        std::uniform_int_distribution<int> digit(0, 9);
        for (int i = 0; i < 16; ++i) m_nonce += static_cast<char>('0' + digit(random));
    }

    std::string add(std::string replacement) {
        std::string number = std::to_string(m_replacements.size());
        m_replacements.push_back(std::move(replacement));
        return m_nonce + std::string(6 - number.size(), '0') + number;
    }

    // Every token in `text` replaced; a token the engine cut apart is left as digits.
    std::string substitute(std::string_view text) const {
        std::string out;
        std::size_t at = 0;
        while (true) {
            const std::size_t found = text.find(m_nonce, at);
            const std::size_t number_at = found + m_nonce.size();
            if (found == std::string_view::npos || number_at + 6 > text.size()) break;
            const std::string_view number = text.substr(number_at, 6);
            std::size_t n = 0;
            bool digits = true;
            for (char c : number) {
                digits = digits && ascii::is_digit(c);
                n = n * 10 + static_cast<std::size_t>(c - '0');
            }
            out += text.substr(at, found - at);
            if (!digits || n >= m_replacements.size()) {
                out += m_nonce;
                at = number_at;
                continue;
            }
            out += m_replacements[n];
            at = number_at + 6;
        }
        out += text.substr(at);
        return out;
    }

  private:
    std::string m_nonce;
    std::vector<std::string> m_replacements;
};

// A copy of `text` with each math span as a token for its TeX markup.
struct MathToTokens {
    const text::RichText& text;
    text::RichTextBuilder& builder;
    Placeholders& placeholders;

    void leaf(const text::Node& node) {
        if (node.kind == text::NodeKind::text) return builder.append_text(text.text(node));
        text::RichTextBuilder math;
        math.add_math(text.source(node), text.math_text(node), node.has_rendering, node.math_style);
        const text::RichText alone = math.finish();
        builder.append_text(placeholders.add(text::to_markdown(alone)));
    }
    void enter(const text::Node& node) {
        if (node.kind == text::NodeKind::link)
            builder.open_link(text.text(node));
        else
            builder.open(node.kind);
    }
    void leave(const text::Node&) { builder.close(); }
};

bool has_math(const text::RichText& text) {
    for (const text::Node& node : text.nodes())
        if (node.kind == text::NodeKind::math) return true;
    return false;
}

} // namespace

struct CslReferences::Impl {
    LoadedStyle style;
    const csl::OutputFormat* format = nullptr;
    bool markdown = false;
    std::vector<detail::OwnerName> owners;
    Placeholders placeholders;
    std::vector<model::Item> items;    // as read, in the order added
    std::vector<model::Item> prepared; // the same with placeholders
    std::unordered_map<std::uint32_t, std::size_t> by_entry;
    std::unordered_map<std::string_view, std::size_t> by_key;
    // The given-name forms of each item's highlighted people (model::given_name_forms).
    std::map<std::string, std::vector<std::string>, std::less<>> given_forms;

    model::Item prepare(model::Item item) {
        // HTML output writes the CSL tree's math nodes as \(…\) itself; CSL's markdown format
        // writes their readable rendering, so for markdown the TeX goes through a token.
        for (auto& variable : item.texts) {
            if (!markdown || !has_math(variable.value)) continue;
            text::RichTextBuilder builder;
            text::visit(variable.value, MathToTokens{variable.value, builder, placeholders});
            variable.value = builder.finish();
        }
        for (auto& variable : item.names)
            for (model::Person& person : variable.value.people)
                if (!person.family.empty() && detail::is_owner(person, owners)) {
                    for (std::string& form : model::given_name_forms(person.given))
                        given_forms[std::string(item.key)].push_back(std::move(form));
                    model::mark_owner(person);
                }
        return item;
    }

    // The owner's whole name as rendered ("Durand, C.", "C. Durand") in bold, with the given
    // names of the items `keys`; then the math tokens replaced.
    std::string finished(std::string_view rendered, std::span<const std::string> keys) const {
        std::vector<std::string> forms;
        for (const std::string& key : keys)
            if (auto found = given_forms.find(key); found != given_forms.end())
                forms.insert(forms.end(), found->second.begin(), found->second.end());
        std::stable_sort(
            forms.begin(), forms.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
        const model::OwnerBold bold{markdown ? "**" : "<strong class=\"author-highlight\">",
                                    markdown ? "**" : "</strong>", [this](std::string_view inner) {
                                        return inner.find_first_of(markdown ? "*" : "<>") ==
                                               std::string_view::npos;
                                    }};
        return placeholders.substitute(model::apply_owner_marks(rendered, bold, forms));
    }

    csl::Processor processor() const {
        csl::ProcessorOptions options;
        options.locale = style.locale;
        options.style_sort = false;
        return csl::Processor(style.style.style, style.locales, prepared, *format, options);
    }
};

CslReferences::CslReferences(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
CslReferences::CslReferences(CslReferences&&) noexcept = default;
CslReferences& CslReferences::operator=(CslReferences&&) noexcept = default;
CslReferences::~CslReferences() = default;

Expected<CslReferences, CslListingError>
CslReferences::make(const CslListingOptions& csl, std::string_view format,
                    const std::vector<std::string>& highlight) {
    auto style = load_style(csl);
    if (!style) return unexpected(std::move(style.error()));
    auto impl = std::make_unique<Impl>();
    impl->style = std::move(*style);
    impl->format = csl::find_output_format(format);
    if (!impl->format || (format != "html" && format != "markdown"))
        return unexpected(CslListingError{ExitCode::usage, "no web format " + std::string(format)});
    impl->markdown = format == "markdown";
    impl->owners = detail::owner_names(highlight);
    return CslReferences(std::move(impl));
}

void CslReferences::add(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                        const model::EffectiveFields& fields, std::uint32_t entry,
                        std::vector<Diagnostic>& diagnostics) {
    Impl& impl = *m_impl;
    if (impl.by_entry.contains(entry)) return;
    auto item = model::normalize_entry(bibliography, database, fields, entry, diagnostics);
    if (!item) return;
    impl.prepared.push_back(impl.prepare(*item));
    impl.items.push_back(std::move(*item));
    impl.by_entry.emplace(entry, impl.items.size() - 1);
    impl.by_key.emplace(impl.items.back().key, impl.items.size() - 1);
}

const model::Item* CslReferences::item(std::uint32_t entry) const {
    auto found = m_impl->by_entry.find(entry);
    return found == m_impl->by_entry.end() ? nullptr : &m_impl->items[found->second];
}

const model::Item* CslReferences::item(std::string_view key) const {
    auto found = m_impl->by_key.find(key);
    return found == m_impl->by_key.end() ? nullptr : &m_impl->items[found->second];
}

std::map<std::string, std::string, std::less<>> CslReferences::references() const {
    std::map<std::string, std::string, std::less<>> out;
    if (m_impl->items.empty()) return out;
    std::vector<std::string> ids;
    for (const model::Item& item : m_impl->items) ids.emplace_back(item.key);
    const csl::Bibliography bibliography = m_impl->processor().bibliography(ids);
    for (const csl::BibliographyEntry& entry : bibliography.entries)
        out.insert_or_assign(entry.id, m_impl->finished(entry.content, std::span(&entry.id, 1)));
    return out;
}

std::vector<std::string> CslReferences::cite(std::span<const csl::Citation> citations) const {
    std::vector<std::string> out = m_impl->processor().cite(citations);
    for (std::size_t i = 0; i < out.size() && i < citations.size(); ++i) {
        std::vector<std::string> keys;
        for (const csl::CitationItem& item : citations[i].items) keys.push_back(item.id);
        out[i] = m_impl->finished(out[i], keys);
    }
    return out;
}

} // namespace bibkit::exports
