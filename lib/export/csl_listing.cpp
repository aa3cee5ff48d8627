// The rendered listing formats (csl_listing.hpp): the selection's entries are normalized as they
// come, and the whole listing is rendered at the end by one csl::Processor, so that what CSL
// computes over all entries (year suffixes, name disambiguation) sees all of them.

#include <algorithm>
#include <array>
#include <bibkit/core/ascii.hpp>
#include <bibkit/csl/catalog.hpp>
#include <bibkit/csl/processor.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/model/item.hpp>
#include <bibkit/text/html.hpp>
#include <bibkit/text/latex.hpp>
#include <bibkit/text/markdown.hpp>
#include <bibkit/text/plain_text.hpp>
#include <system_error>
#include <unordered_set>
#include <variant>

namespace bibkit::exports {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 4> k_csl_formats = {"text", "html", "markdown", "latex"};

struct Heading {
    int level; // 1 for the top-level groups
    std::string text;
};
using Entries = std::vector<std::string>; // item ids, in the query's order
using Piece = std::variant<Heading, Entries>;

// A group heading in the output's own markup; `text` is the heading decoded from LaTeX.
void append_heading(std::string& out, std::string_view format, int html_level, int level,
                    std::string_view text) {
    if (format == "html") {
        const std::string tag = "h" + std::to_string(html_level);
        out += '<' + tag + " class=\"bibliography\">";
        text::append_html_escaped(out, text);
        out += "</" + tag + ">\n";
    } else if (format == "markdown") {
        out.append(static_cast<std::size_t>(html_level), '#');
        out += ' ';
        text::append_markdown_escaped(out, text);
        out += "\n\n";
    } else if (format == "latex") {
        static constexpr std::array<std::string_view, 4> commands = {
            "\\section*{", "\\subsection*{", "\\subsubsection*{", "\\paragraph*{"};
        out += commands[static_cast<std::size_t>(std::clamp(level, 1, 4) - 1)];
        text::append_latex_escaped(out, text);
        out += "}\n\n";
    } else {
        out += text;
        out += '\n';
    }
}

class CslListing final : public ListingFormat {
  public:
    CslListing(std::string_view format, const ListingSource& source, const ListingOptions& options,
               csl::ResolvedStyle style, std::vector<csl::Locale> locales, std::string locale)
        : m_format(format), m_source(source), m_options(options), m_style(std::move(style)),
          m_locales(std::move(locales)), m_locale(std::move(locale)) {}

    void heading(std::string&, int level, std::string_view heading) override {
        m_pieces.emplace_back(Heading{level, text::latex_to_plain_text(heading)});
    }
    void entry(std::string&, const query::Record& record) override {
        if (m_pieces.empty() || !std::holds_alternative<Entries>(m_pieces.back()))
            m_pieces.emplace_back(Entries{});
        if (!m_normalized.contains(record.index())) {
            auto item = model::normalize_entry(*m_source.bibliography, *m_source.database,
                                               *m_source.fields, record.index(), m_diagnostics);
            if (!item) return;
            m_items.push_back(std::move(*item));
            m_normalized.insert(record.index());
        }
        std::get<Entries>(m_pieces.back()).emplace_back(record.key());
    }
    void end(std::string& out) override;
    std::vector<Diagnostic> take_diagnostics() override {
        locate_diagnostics(m_diagnostics);
        return std::move(m_diagnostics);
    }

  private:
    int html_level(int level) const {
        const auto& levels = m_options.heading_levels;
        const auto i = static_cast<std::size_t>(level - 1);
        return levels.empty() ? level + 1 : (i < levels.size() ? levels[i] : levels.back());
    }

    std::string m_format;
    ListingSource m_source;
    ListingOptions m_options;
    csl::ResolvedStyle m_style;
    std::vector<csl::Locale> m_locales;
    std::string m_locale;
    std::vector<Piece> m_pieces;
    std::vector<model::Item> m_items; // each selected entry once, even when in two groups
    std::unordered_set<std::uint32_t> m_normalized;
    std::vector<Diagnostic> m_diagnostics;
};

void CslListing::end(std::string& out) {
    const csl::OutputFormat* format = csl::find_output_format(m_format);
    csl::ProcessorOptions options;
    options.locale = m_locale;
    options.style_sort = false;
    const csl::Processor processor(m_style.style, m_locales, m_items, *format, options);
    bool first = true;
    for (const Piece& piece : m_pieces) {
        if (const auto* heading = std::get_if<Heading>(&piece)) {
            if (!first && m_format == "text") out += '\n';
            append_heading(out, m_format, html_level(heading->level), heading->level,
                           heading->text);
        } else {
            const auto& ids = std::get<Entries>(piece);
            out += processor.format_bibliography(processor.bibliography(ids));
            if (!out.empty() && out.back() != '\n') out += '\n';
        }
        first = false;
    }
}

CslListingError usage(std::string message) {
    return CslListingError{ExitCode::usage, std::move(message)};
}

// The locale tag to render in: --locale, else the style's default-locale, else en-US; a tag the
// user asked for must have its language among the files, not silently become English.
Expected<std::vector<csl::Locale>, CslListingError> load_locales(const CslListingOptions& csl,
                                                                 const std::string& tag) {
    std::vector<fs::path> directories = csl.locale_dirs;
    const csl::LocaleCatalog defaults = csl::LocaleCatalog::with_default_directories();
    directories.insert(directories.end(), defaults.directories().begin(),
                       defaults.directories().end());
    const csl::LocaleCatalog catalog(directories);
    auto chain = catalog.chain(tag);
    if (!chain) return unexpected(usage("--locale: " + chain.error().to_string()));
    const auto language = [](std::string_view t) {
        return ascii::lowered(t.substr(0, t.find_first_of("-_")));
    };
    if (!csl.locale.empty() && language(chain->front().tag()) != language(csl.locale)) {
        std::string where;
        for (const fs::path& directory : directories)
            where += (where.empty() ? "" : ", ") + directory.string();
        return unexpected(usage("--locale " + csl.locale + ": no locale file for it in " + where +
                                " (Debian: citation-style-language-locales; or --locale-dir)"));
    }
    return std::move(*chain);
}

} // namespace

fs::path CslListingOptions::default_project_root() {
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path share = program.parent_path().parent_path() / "share/bibkit";
        if (fs::is_directory(share / "styles", error)) return share;
    }
#ifdef BIBKIT_SOURCE_DIR
    return fs::path(BIBKIT_SOURCE_DIR);
#else
    return {};
#endif
}

bool is_csl_listing_format(std::string_view name) {
    return std::find(k_csl_formats.begin(), k_csl_formats.end(), name) != k_csl_formats.end();
}

Expected<LoadedStyle, CslListingError> load_style(const CslListingOptions& csl) {
    // A path the user named that is not there is an I/O error, as for input files.
    std::error_code error;
    if (csl.style.find('/') != std::string::npos && !fs::is_regular_file(csl.style, error))
        return unexpected(CslListingError{ExitCode::io, csl.style + ": no such style file"});
    const auto catalog = csl::StyleCatalog::with_default_directories(csl.project_root);
    auto style = catalog.find(csl.style);
    if (!style) return unexpected(usage("--style: " + style.error().to_string()));
    if (!style->style.has_bibliography())
        return unexpected(usage("--style " + csl.style + ": " + style->path.string() +
                                " has no bibliography to render"));
    std::string tag = csl.locale;
    if (tag.empty()) tag = style->default_locale;
    if (tag.empty()) tag = "en-US";
    auto locales = load_locales(csl, tag);
    if (!locales) return unexpected(std::move(locales.error()));
    return LoadedStyle{std::move(*style), std::move(*locales), tag};
}

Expected<std::unique_ptr<ListingFormat>, CslListingError>
make_csl_listing_format(std::string_view name, const ListingSource& source,
                        const ListingOptions& options, const CslListingOptions& csl) {
    if (!is_csl_listing_format(name) || !csl::find_output_format(name))
        return unexpected(usage("no rendered format named '" + std::string(name) + "'"));
    auto loaded = load_style(csl);
    if (!loaded) return unexpected(std::move(loaded.error()));
    return std::unique_ptr<ListingFormat>(
        std::make_unique<CslListing>(name, source, options, std::move(loaded->style),
                                     std::move(loaded->locales), std::move(loaded->locale)));
}

} // namespace bibkit::exports
