// `bibkit render` (page.hpp): each tag takes the page's settings, its own options on top, and
// renders through the same selection and web list as `bibkit query --format html`.

#include <bibkit/config/front_matter.hpp>
#include <bibkit/export/csl_references.hpp>
#include <bibkit/export/web_list.hpp>
#include <bibkit/render/page.hpp>
#include <bibkit/text/html.hpp>

namespace bibkit::render {

namespace {

PageError config_error(const config::ConfigError& error) {
    return PageError{ExitCode::usage, error.file, Position{error.line, error.column},
                     error.message};
}

std::string escaped(std::string_view text) {
    std::string out;
    text::append_html_escaped(out, text);
    return out;
}

} // namespace

std::string to_string(const PageError& error) {
    std::string out = error.file;
    if (error.position.line > 0)
        out +=
            ':' + std::to_string(error.position.line) + ':' + std::to_string(error.position.column);
    return out + (out.empty() ? "" : ": ") + "error: " + error.message;
}

struct PageRenderer::Page {
    std::string_view text;
    std::string file;
    LoadedSettings settings;        // the site's, with the front matter and --style on top
    std::vector<std::string> cited; // cite keys so far, each once, in page order
    PageError at(std::size_t offset, std::string message, ExitCode code = ExitCode::usage) const {
        return PageError{code, file, position_of(text, offset), std::move(message)};
    }
};

PageRenderer::PageRenderer(RenderOptions options) : m_options(std::move(options)) {}

std::vector<Diagnostic> PageRenderer::take_diagnostics() {
    for (auto& [paths, library] : m_libraries)
        for (Diagnostic& diagnostic : library->take_diagnostics())
            m_diagnostics.push_back(std::move(diagnostic));
    return std::move(m_diagnostics);
}

Expected<Library*, PageError> PageRenderer::library(const LoadedSettings& settings,
                                                    const PageError& where) {
    auto paths = bibliography_paths(m_options.files, settings);
    if (!paths)
        return unexpected(PageError{ExitCode::usage, where.file, where.position, paths.error()});
    auto found = m_libraries.find(*paths);
    if (found != m_libraries.end()) return found->second.get();
    auto read = Library::read(*paths);
    if (!read)
        return unexpected(PageError{ExitCode::io, read.error().path, {0, 0}, read.error().message});
    Library* library = read->get();
    m_libraries.emplace(std::move(*paths), std::move(*read));
    return library;
}

namespace {

exports::CslListingOptions csl_options(const exports::CslListingOptions& base,
                                       const config::Settings& settings) {
    exports::CslListingOptions csl = base;
    csl.style = settings.style;
    csl.locale = settings.locale;
    return csl;
}

// The entries' list, as `bibkit query --format html` writes it.
Expected<std::string, std::string>
bibliography(const Library& library, const config::Settings& settings, const RenderOptions& options,
             std::span<const std::string> cited, std::vector<Diagnostic>& diagnostics) {
    auto selection = library.select(settings, false, cited);
    if (!selection) return unexpected(selection.error());
    exports::WebListOptions list = exports::web_list_options(settings);
    list.csl = csl_options(options.csl, settings);
    list.highlight.insert(list.highlight.end(), options.highlight.begin(), options.highlight.end());
    auto format = exports::make_web_list_format(library.source(), list);
    if (!format) return unexpected(format.error().message);
    std::string out;
    exports::write_listing(out, *selection, **format);
    for (Diagnostic& diagnostic : (*format)->take_diagnostics())
        diagnostics.push_back(std::move(diagnostic));
    return out;
}

Diagnostic missing_key(const std::string& file, Position position, std::string_view key) {
    Diagnostic diagnostic;
    diagnostic.severity = Severity::warning;
    diagnostic.code = "missing-reference";
    diagnostic.message = "no entry with the key " + std::string(key);
    diagnostic.file = file;
    diagnostic.line = position.line;
    diagnostic.column = position.column;
    return diagnostic;
}

} // namespace

Expected<std::string, PageError> PageRenderer::expand(Page& page, const LiquidTag& tag) {
    auto options = config::parse_tag_options(tag.arguments);
    if (!options)
        return unexpected(page.at(tag.arguments_offset +
                                      (options.error().column > 0 ? options.error().column - 1 : 0),
                                  options.error().message));
    LoadedSettings settings = page.settings;
    config::apply(settings.settings, options->overrides);
    auto library = this->library(settings, page.at(tag.begin, ""));
    if (!library) return unexpected(library.error());
    const config::Settings& s = settings.settings;
    if (tag.name == "bibliography_count") {
        auto selection = (*library)->select(s, true, page.cited);
        if (!selection) return unexpected(page.at(tag.arguments_offset, selection.error()));
        return std::to_string(selection->size());
    }
    if (tag.name == "bibliography") {
        auto list = bibliography(**library, s, m_options, page.cited, m_diagnostics);
        if (!list) return unexpected(page.at(tag.arguments_offset, list.error()));
        return std::move(*list);
    }
    // cite and reference: entries by key.
    const std::vector<std::string>& keys = options->positional;
    if (keys.empty())
        return unexpected(page.at(tag.begin, "{% " + std::string(tag.name) + " %} needs a key"));
    auto references =
        exports::CslReferences::make(csl_options(m_options.csl, s), "html", m_options.highlight);
    if (!references)
        return unexpected(page.at(tag.begin, references.error().message, references.error().code));
    const exports::ListingSource source = (*library)->source();
    std::vector<Diagnostic> entry_diagnostics;
    csl::Citation citation;
    std::string first_found;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const query::Record* record = (*library)->find(keys[i]);
        if (!record) {
            m_diagnostics.push_back(
                missing_key(page.file, position_of(page.text, tag.begin), keys[i]));
            continue;
        }
        references->add(*source.bibliography, *source.database, *source.fields, record->index(),
                        entry_diagnostics);
        if (first_found.empty()) first_found = keys[i];
        csl::CitationItem item;
        item.id = keys[i];
        if (i < s.locators.size()) item.locator = s.locators[i];
        if (i < s.labels.size()) item.label = s.labels[i];
        item.suppress_author = s.suppress_author;
        citation.items.push_back(std::move(item));
        if (std::find(page.cited.begin(), page.cited.end(), keys[i]) == page.cited.end())
            page.cited.push_back(keys[i]);
    }
    locate_diagnostics(entry_diagnostics);
    for (Diagnostic& diagnostic : entry_diagnostics) m_diagnostics.push_back(std::move(diagnostic));
    const std::string id = s.prefix.empty() ? first_found : s.prefix + '-' + first_found;
    std::string out;
    if (tag.name == "reference") {
        const auto rendered = references->references();
        auto found = rendered.find(first_found);
        if (found == rendered.end()) return escaped(s.missing_reference);
        out = '<' + s.reference_tagname + " id=\"" + escaped(id) + "\">" + found->second + "</" +
              s.reference_tagname + '>';
    } else if (citation.items.empty()) {
        out = escaped(s.missing_reference);
    } else {
        const std::vector<std::string> text = references->cite({&citation, 1});
        out = "<a class=\"" + escaped(s.cite_class) + "\" href=\"#" + escaped(id) + "\">" +
              (text.empty() ? std::string() : text.front()) + "</a>";
    }
    exports::sanitize_web_fragment(out);
    return out;
}

Expected<std::string, PageError> PageRenderer::render(std::string_view text,
                                                      const std::string& file) {
    if (!m_base) {
        auto base = load_settings(m_options.settings);
        if (!base) return unexpected(config_error(base.error()));
        m_base = std::move(*base);
    }
    Page page{text, file, *m_base, {}};
    auto front = config::front_matter_settings(text, file);
    if (!front) return unexpected(config_error(front.error()));
    config::apply(page.settings.settings, *front);
    if (!m_options.style.empty()) page.settings.settings.style = m_options.style;
    if (!m_options.locale.empty()) page.settings.settings.locale = m_options.locale;

    const LiquidScan scan = scan_liquid_tags(text);
    if (!scan.errors.empty())
        return unexpected(page.at(scan.errors.front().offset, scan.errors.front().message));
    std::string out;
    std::size_t copied = 0;
    for (const LiquidTag& tag : scan.tags) {
        if (tag.name != "bibliography" && tag.name != "bibliography_count" && tag.name != "cite" &&
            tag.name != "reference")
            continue;
        auto expanded = expand(page, tag);
        if (!expanded) return unexpected(std::move(expanded.error()));
        out += text.substr(copied, tag.begin - copied);
        out += *expanded;
        copied = tag.end;
    }
    out += text.substr(copied);
    return out;
}

} // namespace bibkit::render
