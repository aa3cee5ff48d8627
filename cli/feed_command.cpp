// bibkit feed: news, talks or new papers as Atom, RSS, JSON Feed, iCalendar, or an HTML or
// Markdown list. Arguments only; the items, their order and every format are in lib/export.

#include "commands.hpp"
#include "common.hpp"

#include <bibkit/core/exit_code.hpp>
#include <bibkit/export/feed_dates.hpp>
#include <bibkit/export/feed_format.hpp>
#include <bibkit/export/feed_sources.hpp>
#include <bibkit/export/feed_text.hpp>
#include <bibkit/model/item.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace bibkit::cli {

namespace {

struct FeedCommandOptions {
    std::vector<std::string> files;
    std::string kind;
    std::string format = "atom";
    exports::FeedOptions feed;
    std::size_t limit = 0;
    bool upcoming = false;
    bool past = false;
    std::string today;
    std::string template_path;
    std::string output;
};

int usage_error(const std::string& message) {
    std::cerr << "bibkit feed: " << message << '\n';
    return to_int(ExitCode::usage);
}

struct Inputs {
    std::vector<exports::FeedItem> items;
    std::vector<Diagnostic> diagnostics;
};

// BibTeX files are read together (crossref and @string across files); each folder is a Jekyll
// collection. Nothing on an I/O error (printed).
std::optional<Inputs> read_inputs(const std::vector<std::string>& paths, exports::FeedKind kind) {
    Inputs inputs;
    std::vector<std::string> bib_files;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path == "-" || !std::filesystem::is_directory(path, error)) {
            bib_files.push_back(path);
            continue;
        }
        auto collection = exports::read_collection(path, kind);
        if (!collection) {
            print_io_error(collection.error());
            return std::nullopt;
        }
        for (auto& item : collection->items) inputs.items.push_back(std::move(item));
        for (auto& d : collection->diagnostics) inputs.diagnostics.push_back(std::move(d));
    }
    if (bib_files.empty()) return inputs;
    auto bibliography = read_bibliography(bib_files);
    if (!bibliography) return std::nullopt;
    bibtex::Database database = bibliography->resolve();
    model::Normalized normalized = model::normalize(*bibliography, database);
    exports::FeedItems found = exports::feed_items(normalized.items, kind, *bibliography, database);
    for (Diagnostic& d : database.diagnostics) inputs.diagnostics.push_back(std::move(d));
    for (auto& item : found.items) inputs.items.push_back(std::move(item));
    for (auto& d : found.diagnostics) inputs.diagnostics.push_back(std::move(d));
    return inputs;
}

std::optional<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The feed's own URL when not given: the output file's name on the site.
void default_feed_url(FeedCommandOptions& options) {
    if (!options.feed.feed_url.empty() || options.feed.site_url.empty()) return;
    if (options.output.empty() || options.output == "-") return;
    std::string name = std::filesystem::path(options.output).filename().string();
    options.feed.feed_url = exports::resolve_url(name, options.feed.site_url);
}

int run_feed(FeedCommandOptions options) {
    options.feed.kind = *exports::parse_feed_kind(options.kind);
    std::optional<exports::Template> list_template;
    if (!options.template_path.empty()) {
        std::optional<std::string> text = read_text_file(options.template_path);
        if (!text) {
            print_io_error({options.template_path, "cannot read the file"});
            return to_int(ExitCode::io);
        }
        auto parsed = exports::Template::parse(std::move(*text));
        if (!parsed) return usage_error(options.template_path + ": " + parsed.error().message);
        list_template = std::move(*parsed);
    }
    auto format = exports::make_feed_format(options.format, std::move(list_template));
    if (!format->supports(options.feed.kind))
        return usage_error("--format " + options.format + " is for --kind talks");
    exports::Selection selection;
    selection.limit = options.limit;
    selection.when = options.upcoming ? exports::When::upcoming
                     : options.past   ? exports::When::past
                                      : exports::When::all;
    if (selection.when != exports::When::all) {
        auto today = exports::resolve_today(options.today, std::getenv("SOURCE_DATE_EPOCH"),
                                            std::chrono::system_clock::now());
        if (!today) return usage_error(today.error());
        selection.today = *today;
    }
    std::optional<Inputs> inputs = read_inputs(options.files, options.feed.kind);
    if (!inputs) return to_int(ExitCode::io);
    default_feed_url(options);
    std::vector<exports::FeedItem> items =
        exports::select_items(std::move(inputs->items), selection);
    auto written = format->write({options.feed, items});
    print_diagnostics(inputs->diagnostics);
    if (!written) {
        std::cerr << "bibkit feed: " << written.error().message << '\n';
        return to_int(ExitCode::usage);
    }
    if (!write_output(options.output, *written)) return to_int(ExitCode::io);
    return problems_exit_code(inputs->diagnostics);
}

std::vector<std::string> names(std::span<const std::string_view> views) {
    return {views.begin(), views.end()};
}

} // namespace

Runner add_feed_command(CLI::App& app) {
    auto options = std::make_shared<FeedCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "feed", "News, talks or new papers as Atom, RSS, JSON Feed, iCalendar, HTML or Markdown");
    command
        ->add_option("files", options->files,
                     "BibTeX files ('-' for standard input) and Jekyll collection folders "
                     "(_news, _talks)")
        ->required();
    command->add_option("-k,--kind", options->kind, "What to list")
        ->check(CLI::IsMember(names(exports::feed_kind_names())))
        ->required();
    command->add_option("-f,--format", options->format, "Output format")
        ->check(CLI::IsMember(names(exports::feed_format_names())))
        ->default_str("atom");
    command->add_option("--site-url", options->feed.site_url,
                        "The site's address: ids, links, relative URLs made absolute");
    command->add_option("--feed-url", options->feed.feed_url,
                        "The feed's own address (default: the output file's name on the site)");
    command->add_option("--title", options->feed.title, "The feed's title");
    command->add_option("--author", options->feed.author, "The feed's author");
    command->add_option("-n,--limit", options->limit, "At most N items, the newest (0: all)");
    CLI::Option* upcoming =
        command->add_flag("--upcoming", options->upcoming, "Only items from today on");
    command->add_flag("--past", options->past, "Only items before today")->excludes(upcoming);
    command->add_option("--today", options->today,
                        "Today for --upcoming/--past: YYYY-MM-DD (default: SOURCE_DATE_EPOCH, "
                        "else the clock)");
    command->add_option("--template", options->template_path,
                        "A Mustache template for the html and markdown lists");
    command->add_option("-o,--output", options->output, "Output file (written atomically)");
    return [options] { return run_feed(*options); };
}

} // namespace bibkit::cli
