#include "commands.hpp"
#include "common.hpp"

#include <bibkit/config/arrangement.hpp>
#include <bibkit/config/bibliography_files.hpp>
#include <bibkit/config/front_matter.hpp>
#include <bibkit/config/settings_file.hpp>
#include <bibkit/config/tag_options.hpp>
#include <bibkit/core/exit_code.hpp>
#include <bibkit/export/csl_listing.hpp>
#include <bibkit/export/listing.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/query/query.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace bibkit::cli {

namespace {

struct QueryOptions {
    std::vector<std::string> files;
    std::string site;
    std::vector<std::string> configs;
    std::vector<config::OptionValue> settings; // the query options, in command-line order
    std::vector<std::string> tag_options;
    std::string format = "keys";
    std::string output;
    exports::CslListingOptions csl; // the rendered formats' style and locale
};

// A settings file: YAML (bibkit.yml, a Jekyll _config.yml) or a page whose front matter has a
// `scholar:` section.
Expected<config::Overrides, config::ConfigError> read_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected(config::ConfigError{path, 0, 0, "cannot read the file"});
    std::ostringstream text;
    text << in.rdbuf();
    const std::string page = text.str();
    if (config::split_front_matter(page).present) return config::front_matter_settings(page, path);
    return config::read_settings_file(path);
}

// Defaults < ./bibkit.yml (when neither --site nor --config) < --site < each --config < the
// tag options < the other command-line options. Sets `site_dir` for the site's own files.
Expected<config::Settings, config::ConfigError> load_settings(const QueryOptions& options,
                                                              std::string& site_dir) {
    config::Settings settings;
    if (!options.site.empty()) {
        auto site = config::load_site(options.site);
        if (!site) return unexpected(site.error());
        settings = site->settings;
        site_dir = site->dir;
    } else if (options.configs.empty() && std::filesystem::exists("bibkit.yml")) {
        auto file = config::load_settings_file("bibkit.yml");
        if (!file) return unexpected(file.error());
        settings = *file;
        site_dir = ".";
    }
    for (const std::string& path : options.configs) {
        auto layer = read_config(path);
        if (!layer) return unexpected(layer.error());
        config::apply(settings, *layer);
        if (options.site.empty() && (layer->contains("source") || layer->contains("bibliography")))
            site_dir = std::filesystem::path(path).parent_path().string();
    }
    for (const std::string& arguments : options.tag_options) {
        auto tag = config::parse_tag_options(arguments);
        if (!tag) return unexpected(tag.error());
        config::apply(settings, tag->overrides);
    }
    auto layer = config::parse_options(options.settings);
    if (!layer) return unexpected(layer.error());
    config::apply(settings, *layer);
    return settings;
}

int usage_error(const std::string& message) {
    std::cerr << "bibkit query: " << message << '\n';
    return to_int(ExitCode::usage);
}

int run_query(const QueryOptions& options) {
    std::string site_dir;
    auto settings = load_settings(options, site_dir);
    if (!settings) return usage_error(config::to_string(settings.error()));
    std::vector<std::string> files = options.files;
    if (files.empty()) {
        if (site_dir.empty())
            return usage_error("no files: name .bib files, or a site (--site DIR) or settings "
                               "(--config FILE) that give source and bibliography");
        auto site_files = config::site_bibliography_files(*settings, site_dir);
        if (!site_files) return usage_error(config::to_string(site_files.error()));
        files = std::move(*site_files);
    }
    auto parsed = query::parse_query(settings->query);
    if (!parsed) {
        const query::QueryError& error = parsed.error();
        return usage_error("in the query, column " + std::to_string(error.column) + ": " +
                           error.message + "\n  " + settings->query + "\n  " +
                           std::string(error.column > 0 ? error.column - 1 : 0, ' ') + "^");
    }
    auto bibliography = read_bibliography(files);
    if (!bibliography) return to_int(ExitCode::io);
    bibtex::Database database = bibliography->resolve();
    const model::EffectiveFields fields = model::EffectiveFields::resolve(database);
    const std::vector<query::Record> records = query::make_records(database, fields);

    std::vector<const query::Record*> selected;
    for (std::size_t i : query::select(*parsed, records)) selected.push_back(&records[i]);
    query::ArrangeOptions arrange = config::arrange_options(*settings);
    // jekyll-scholar's bibliography_count: how many entries the query selects, whatever the
    // limits and groups.
    if (options.format == "count") arrange.max = arrange.offset = 0;
    const query::Selection selection = query::arrange(std::move(selected), arrange);

    exports::ListingSource source{&*bibliography, &database, &fields};
    const exports::ListingOptions listing{config::heading_levels(*settings)};
    std::unique_ptr<exports::ListingFormat> format;
    if (exports::is_csl_listing_format(options.format)) {
        auto rendered =
            exports::make_csl_listing_format(options.format, source, listing, options.csl);
        if (!rendered) {
            std::cerr << "bibkit query: " << rendered.error().message << '\n';
            return to_int(rendered.error().code);
        }
        format = std::move(*rendered);
    } else {
        format = exports::make_listing_format(options.format, source, listing);
    }
    std::string out;
    exports::write_listing(out, selection, *format);
    BigVector<Diagnostic> diagnostics = std::move(database.diagnostics);
    for (Diagnostic& diagnostic : model::inheritance_diagnostics(fields, database, *bibliography))
        diagnostics.push_back(std::move(diagnostic));
    for (Diagnostic& diagnostic : format->take_diagnostics())
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
            options.settings.push_back({std::string(key), value});
        },
        help);
}

} // namespace

Runner add_query_command(CLI::App& app) {
    auto options = std::make_shared<QueryOptions>();
    CLI::App* command = app.add_subcommand(
        "query", "Select, sort and group entries with jekyll-scholar's query language");
    command->add_option("files", options->files,
                        "BibTeX files ('-' for standard input); with --site or settings that "
                        "name them, the site's own");
    command->add_option("--site", options->site,
                        "A Jekyll site: the scholar: section of DIR/_config.yml, and its "
                        "bibliography when no files are given");
    command->add_option("--config", options->configs,
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
                o.settings.push_back({"remove_duplicates", value});
            },
            "Drop entries whose type and FIELDS (year,title) match an earlier one")
        ->expected(0, 1);
    command->add_option("--tag-options", options->tag_options,
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
    return [options] { return run_query(*options); };
}

} // namespace bibkit::cli
