#include "commands.hpp"
#include "common.hpp"

#include <bibkit/config/arrangement.hpp>
#include <bibkit/config/tag_options.hpp>
#include <bibkit/core/exit_code.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/export/listing.hpp>
#include <bibkit/export/web_list.hpp>
#include <bibkit/render/library.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace bibkit::cli {

namespace {

struct QueryOptions {
    std::vector<std::string> files;
    render::SettingsSources sources; // command_line: the query options, in command-line order
    std::string format = "keys";
    std::string output;
    exports::CslListingOptions csl; // the rendered formats' style and locale
    // The web formats (html, markdown).
    bool standalone = false;
    std::string entry_template;
    std::vector<std::string> highlight;
    std::size_t max_authors = 0;
    std::string title;
};

int usage_error(const std::string& message) {
    std::cerr << "bibkit query: " << message << '\n';
    return to_int(ExitCode::usage);
}

// html and markdown are web lists (jekyll-scholar's markup, entry templates); text and latex
// CSL listings; the others need no style.
Expected<std::unique_ptr<exports::ListingFormat>, exports::CslListingError>
make_format(const QueryOptions& options, const config::Settings& settings,
            const exports::ListingSource& source) {
    if (options.format == "html" || options.format == "markdown") {
        exports::WebListOptions web = exports::web_list_options(settings);
        web.output = options.format == "markdown" ? exports::WebOutput::markdown
                     : options.standalone         ? exports::WebOutput::standalone
                                                  : exports::WebOutput::html;
        web.highlight.insert(web.highlight.end(), options.highlight.begin(),
                             options.highlight.end());
        web.max_authors = options.max_authors;
        if (!options.title.empty()) web.title = options.title;
        web.csl = options.csl;
        auto format = exports::make_web_list_format(source, web);
        if (!format)
            return unexpected(
                exports::CslListingError{format.error().code, std::move(format.error().message)});
        return std::move(*format);
    }
    const exports::ListingOptions listing{config::heading_levels(settings)};
    if (exports::is_csl_listing_format(options.format))
        return exports::make_csl_listing_format(options.format, source, listing, options.csl);
    return exports::make_listing_format(options.format, source, listing);
}

// A user's --template FILE becomes the settings' bibliography_template, as in a site's config.
bool read_template(QueryOptions& options, config::Settings& settings) {
    if (options.entry_template.empty()) return true;
    if (options.entry_template == "alfolio") {
        settings.bibliography_template = "alfolio";
        return true;
    }
    std::ifstream in(options.entry_template, std::ios::binary);
    if (!in) {
        std::cerr << "bibkit query: " << options.entry_template << ": cannot read the file\n";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    settings.bibliography_template = text.str();
    return true;
}

int run_query(QueryOptions& options) {
    auto loaded = render::load_settings(options.sources);
    if (!loaded) return usage_error(config::to_string(loaded.error()));
    config::Settings& settings = loaded->settings;
    if (!read_template(options, settings)) return to_int(ExitCode::io);
    auto files = render::bibliography_paths(options.files, *loaded);
    if (!files) return usage_error(files.error());
    auto library = render::Library::read(*files);
    if (!library) {
        print_io_error(library.error());
        return to_int(ExitCode::io);
    }
    // jekyll-scholar's bibliography_count: how many entries the query selects, whatever the
    // limits and groups.
    auto selection = (*library)->select(settings, options.format == "count");
    if (!selection) return usage_error(selection.error());
    auto format = make_format(options, settings, (*library)->source());
    if (!format) {
        std::cerr << "bibkit query: " << format.error().message << '\n';
        return to_int(format.error().code);
    }
    std::string out;
    exports::write_listing(out, *selection, **format);
    std::vector<Diagnostic> diagnostics = (*library)->take_diagnostics();
    for (Diagnostic& diagnostic : (*format)->take_diagnostics())
        diagnostics.push_back(std::move(diagnostic));
    print_diagnostics(diagnostics);
    if (!write_output(options.output, out)) return to_int(ExitCode::io);
    return problems_exit_code(diagnostics);
}

// An option of the query language's settings, kept in command-line order with its value.
void add_setting(CLI::App& command, QueryOptions& options, const std::string& names,
                 std::string_view key, const std::string& help) {
    command.add_option_function<std::string>(
        names,
        [&options, key](const std::string& value) {
            options.sources.command_line.push_back({std::string(key), value});
        },
        help);
}

void add_web_options(CLI::App& command, QueryOptions& options) {
    add_setting(command, options, "-p,--prefix", "prefix",
                "html, markdown: element ids are PREFIX-KEY");
    command.add_flag("--standalone", options.standalone,
                     "html: a complete page with bibkit's stylesheet");
    command.add_option("-T,--template", options.entry_template,
                       "html, markdown: the entry template, 'alfolio' or a Mustache FILE");
    command
        .add_option("--highlight", options.highlight,
                    "html, markdown: the owner's name, \"Family, Given\"; repeatable")
        ->allow_extra_args(false);
    command.add_option("--max-authors", options.max_authors,
                       "Templates: authors shown before \"and N more authors\" (0: all)");
    command.add_option("--title", options.title, "--standalone: the page's title");
}

} // namespace

Runner add_query_command(CLI::App& app) {
    auto options = std::make_shared<QueryOptions>();
    CLI::App* command = app.add_subcommand(
        "query", "Select, sort and group entries with jekyll-scholar's query language");
    command->add_option("files", options->files,
                        "BibTeX files ('-' for standard input); with --site or settings that "
                        "name them, the site's own");
    command->add_option("--site", options->sources.site,
                        "A Jekyll site: the scholar: section of DIR/_config.yml, and its "
                        "bibliography when no files are given");
    command->add_option("--config", options->sources.configs,
                        "Settings (YAML, or a page's front matter scholar: section); repeatable, "
                        "later ones override");
    QueryOptions& o = *options;
    add_setting(*command, o, "-q,--query", "query", "The query: @article[year>=2020] ...");
    add_setting(*command, o, "-g,--group-by", "group_by", "Group by these fields: year,type");
    add_setting(*command, o, "-G,--group-order", "group_order",
                "ascending or descending, per group level");
    add_setting(*command, o, "--sort-by", "sort_by", "Sort by these fields: year,month,author");
    add_setting(*command, o, "--order", "order", "ascending or descending, per sort key");
    add_setting(*command, o, "--type-order", "type_order", "Type groups in this order");
    add_setting(*command, o, "-m,--max", "max", "At most N entries (0: all)");
    add_setting(*command, o, "--offset", "offset", "Skip the first N entries");
    add_setting(*command, o, "--group-tag", "bibliography_group_tag",
                "Heading levels of the group levels: h2,h3");
    command
        ->add_option_function<std::vector<std::string>>(
            "-r,--remove-duplicates",
            [&o](const std::vector<std::string>& fields) {
                std::optional<std::string> value;
                if (!fields.empty()) value = fields.front();
                o.sources.command_line.push_back({"remove_duplicates", value});
            },
            "Drop entries whose type and FIELDS (year,title) match an earlier one")
        ->expected(0, 1);
    command->add_option("--tag-options", options->sources.tag_options,
                        "Options written as in a {% bibliography %} tag: '-q @article -g year'");
    std::vector<std::string> formats;
    for (std::string_view name : exports::listing_format_names()) formats.emplace_back(name);
    command->add_option("-f,--format", options->format, "Output format")
        ->check(CLI::IsMember(formats))
        ->default_str("keys");
    command->add_option("-o,--output", options->output, "Output file (written atomically)");
    command
        ->add_option("--style", options->csl.style,
                     "CSL style of text, html, markdown and latex: a name (styles/, "
                     "~/.local/share/bibkit/styles, ~/.csl/styles, "
                     "/usr/share/citation-style-language/styles) or a .csl file")
        ->default_str("bibkit");
    command->add_option("--locale", options->csl.locale,
                        "Locale of the rendered formats (en-US, de, pt-BR); default: the "
                        "style's, else en-US");
    command
        ->add_option("--locale-dir", options->csl.locale_dirs,
                     "A directory of CSL locale files (locales-TAG.xml), searched before "
                     "/usr/share/citation-style-language/locales; repeatable")
        ->allow_extra_args(false);
    add_web_options(*command, *options);
    return [options] { return run_query(*options); };
}

} // namespace bibkit::cli
