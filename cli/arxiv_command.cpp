#include "commands.hpp"
#include "common.hpp"
#include "progress_bar.hpp"

#include <bibkit/arxiv/bib_file.hpp>
#include <bibkit/arxiv/client.hpp>
#include <bibkit/arxiv/paper_format.hpp>
#include <bibkit/core/atomic_file.hpp>
#include <bibkit/core/exit_code.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <unordered_set>

namespace bibkit::cli {

namespace {

struct NetworkOptions {
    std::string api_url;
    double interval = 3.0;
    double timeout = 30.0;
    int retries = 4;
    std::string cache_dir;
    bool no_cache = false;
    bool offline = false;
    bool refresh = false;
};

struct ExportFlags {
    std::string format = "bibtex";
    std::string output;
    bool abstract = false;
    std::string project;
    std::vector<std::string> keywords;
};

struct FetchOptions {
    std::vector<std::string> ids;
    std::string ids_from;
    std::string append;
    ExportFlags out;
};

struct SearchOptions {
    std::string query;
    std::size_t max = 10;
    ExportFlags out;
};

struct UpdateOptions {
    std::string file;
    bool in_place = false;
};

void add_network_options(CLI::App* command, NetworkOptions& options) {
    command->add_option("--api-url", options.api_url,
                        "The API's query URL (default https://export.arxiv.org/api/query)");
    command
        ->add_option("--request-interval", options.interval,
                     "Seconds between requests (at least 3, except for a loopback --api-url)")
        ->check(CLI::PositiveNumber);
    command->add_option("--timeout", options.timeout, "Seconds before a request is given up")
        ->check(CLI::PositiveNumber);
    command
        ->add_option("--retries", options.retries,
                     "Attempts after a failed one (429, 503, time-out, …), each waiting longer")
        ->check(CLI::Range(0, 10));
    command->add_option("--cache-dir", options.cache_dir,
                        "Cache directory (default $XDG_CACHE_HOME/bibkit/arxiv)");
    command->add_flag("--no-cache", options.no_cache, "Neither read nor write the cache");
    command->add_flag("--offline", options.offline, "Answer from the cache only");
    command->add_flag("--refresh", options.refresh, "Ask arXiv even when the cache has the answer");
}

void add_export_options(CLI::App* command, ExportFlags& flags) {
    command->add_option("-f,--format", flags.format, "Output format")
        ->check(CLI::IsMember(arxiv::paper_format_names()));
    command->add_option("-o,--output", flags.output, "Output file (written atomically)");
    command->add_flag("--abstract", flags.abstract, "BibTeX: add the abstract");
    command->add_option("--project", flags.project, "BibTeX: tag the entries with project = {P}");
    command->add_option("--keywords", flags.keywords, "BibTeX: keywords for the entries")
        ->delimiter(',');
}

int network_exit(const arxiv::ClientError& error) {
    std::cerr << "bibkit arxiv: " << error.message << '\n';
    return to_int(error.kind == arxiv::ClientError::Kind::usage ? ExitCode::usage
                                                                : ExitCode::network);
}

Expected<arxiv::Client, arxiv::ClientError> make_client(const NetworkOptions& options,
                                                        ProgressBar& progress) {
    arxiv::ClientOptions client;
    if (!options.api_url.empty()) client.api_url = options.api_url;
    client.min_interval = std::chrono::milliseconds(static_cast<long>(options.interval * 1000));
    // The first retry waits one spacing, the next ones twice as long each time.
    client.first_backoff = client.min_interval;
    client.max_attempts = options.retries + 1;
    client.cache_dir = options.cache_dir;
    client.use_cache = !options.no_cache;
    client.offline = options.offline;
    client.refresh = options.refresh;
    client.progress = [&progress](std::size_t done, std::size_t total) {
        progress.update(done, total);
    };
    arxiv::TransportOptions transport;
    transport.timeout = std::chrono::milliseconds(static_cast<long>(options.timeout * 1000));
    return arxiv::Client::create(std::move(client), arxiv::make_curl_transport(transport));
}

// Ids from the command line and --ids-from (one per line; blank lines and '#' comments skipped).
bool collect_ids(const FetchOptions& options, std::vector<model::ArxivId>& ids) {
    std::vector<std::string> texts = options.ids;
    if (!options.ids_from.empty()) {
        std::ifstream in(options.ids_from);
        if (!in) {
            std::cerr << "bibkit: " << options.ids_from << ": cannot be read\n";
            return false;
        }
        for (std::string line; std::getline(in, line);) {
            std::size_t hash = line.find('#');
            if (hash != std::string::npos) line.resize(hash);
            std::istringstream words(line);
            for (std::string word; words >> word;) texts.push_back(word);
        }
    }
    bool ok = true;
    for (const std::string& text : texts) {
        auto id = model::parse_arxiv_id(text);
        if (!id) {
            std::cerr << "bibkit arxiv: " << id.error().message << '\n';
            ok = false;
        } else {
            ids.push_back(std::move(*id));
        }
    }
    return ok;
}

std::vector<arxiv::BibtexEntry> export_entries(std::span<const arxiv::Paper> papers,
                                               const ExportFlags& flags,
                                               arxiv::KeyAllocator& keys) {
    arxiv::ExportOptions options{flags.abstract, flags.project, flags.keywords};
    std::vector<arxiv::BibtexEntry> entries;
    for (const arxiv::Paper& paper : papers)
        entries.push_back(arxiv::to_bibtex_entry(paper, keys.allocate(paper), options));
    return entries;
}

int write_papers(std::span<const arxiv::Paper> papers, const ExportFlags& flags) {
    arxiv::KeyAllocator keys;
    std::vector<arxiv::BibtexEntry> entries = export_entries(papers, flags, keys);
    std::string out;
    arxiv::make_paper_format(flags.format)->write(out, papers, entries);
    return write_output(flags.output, out) ? to_int(ExitCode::ok) : to_int(ExitCode::io);
}

void report_not_found(std::span<const model::ArxivId> missing) {
    for (const model::ArxivId& id : missing)
        std::cerr << "bibkit arxiv: " << id.versioned() << ": not found on arXiv\n";
}

std::unordered_set<std::string> keys_of(const bibtex::Database& database) {
    std::unordered_set<std::string> keys;
    for (const bibtex::Entry& entry : database.entries) keys.emplace(entry.key);
    return keys;
}

// --append: fetch only the ids the file does not cite yet, then rewrite it atomically with the
// new entries after its last byte.
int append_to_file(const FetchOptions& options, std::vector<model::ArxivId> ids,
                   arxiv::Client& client) {
    auto bibliography = read_bibliography({options.append});
    if (!bibliography) return to_int(ExitCode::io);
    bibtex::Database database = bibliography->resolve();
    std::unordered_set<std::string> cited;
    for (const arxiv::CitedPreprint& preprint : arxiv::cited_preprints(database))
        cited.insert(preprint.id.id);
    std::erase_if(ids, [&](const model::ArxivId& id) {
        bool present = cited.contains(id.id);
        if (present)
            std::cerr << "bibkit arxiv: " << id.id << ": already in " << options.append << '\n';
        return present;
    });
    if (ids.empty()) return to_int(ExitCode::ok);
    auto fetched = client.fetch(ids);
    if (!fetched) return network_exit(fetched.error());
    report_not_found(fetched->not_found);
    arxiv::KeyAllocator keys(keys_of(database));
    std::vector<arxiv::BibtexEntry> entries = export_entries(fetched->papers, options.out, keys);
    std::string text = arxiv::append_entries(bibliography->files().front().text(), entries);
    auto written = write_file_atomically(options.append, text);
    if (!written) {
        print_io_error(written.error());
        return to_int(ExitCode::io);
    }
    for (const arxiv::BibtexEntry& entry : entries)
        std::cerr << "bibkit arxiv: added " << entry.key << " to " << options.append << '\n';
    return fetched->not_found.empty() ? to_int(ExitCode::ok) : to_int(ExitCode::problems);
}

int run_fetch(const FetchOptions& options, const NetworkOptions& network) {
    if (!options.append.empty() &&
        (options.out.format != "bibtex" || !options.out.output.empty())) {
        std::cerr << "bibkit arxiv fetch: --append writes BibTeX into its file; "
                     "it does not go with --format or --output\n";
        return to_int(ExitCode::usage);
    }
    std::vector<model::ArxivId> ids;
    if (!collect_ids(options, ids)) return to_int(ExitCode::usage);
    if (ids.empty()) {
        std::cerr << "bibkit arxiv fetch: no arXiv ids given\n";
        return to_int(ExitCode::usage);
    }
    ProgressBar progress("arXiv");
    auto client = make_client(network, progress);
    if (!client) return network_exit(client.error());
    if (!options.append.empty()) return append_to_file(options, std::move(ids), *client);
    auto fetched = client->fetch(ids);
    progress.finish();
    if (!fetched) return network_exit(fetched.error());
    report_not_found(fetched->not_found);
    int written = write_papers(fetched->papers, options.out);
    if (written != to_int(ExitCode::ok)) return written;
    return fetched->not_found.empty() ? to_int(ExitCode::ok) : to_int(ExitCode::problems);
}

int run_search(const SearchOptions& options, const NetworkOptions& network) {
    ProgressBar progress("arXiv");
    auto client = make_client(network, progress);
    if (!client) return network_exit(client.error());
    auto papers = client->search(options.query, options.max);
    progress.finish();
    if (!papers) return network_exit(papers.error());
    return write_papers(*papers, options.out);
}

void print_update(const arxiv::PreprintUpdate& update) {
    std::cout << update.cited.key << ": arXiv:" << update.cited.id.versioned();
    if (update.newer_version) std::cout << ", newer version v" << update.latest.id.version;
    if (update.new_doi) std::cout << ", DOI " << update.latest.doi;
    if (update.new_journal_ref) std::cout << ", published in " << update.latest.journal_ref;
    std::cout << '\n';
}

int run_update(const UpdateOptions& options, const NetworkOptions& network) {
    auto bibliography = read_bibliography({options.file});
    if (!bibliography) return to_int(ExitCode::io);
    bibtex::Database database = bibliography->resolve();
    std::vector<arxiv::CitedPreprint> cited = arxiv::cited_preprints(database);
    std::vector<model::ArxivId> ids;
    for (const arxiv::CitedPreprint& preprint : cited) {
        model::ArxivId latest = preprint.id;
        latest.version = 0; // ask for the newest version
        ids.push_back(std::move(latest));
    }
    if (ids.empty()) {
        std::cerr << "bibkit arxiv update: " << options.file
                  << " has no entries with an arXiv id\n";
        return to_int(ExitCode::ok);
    }
    ProgressBar progress("arXiv");
    auto client = make_client(network, progress);
    if (!client) return network_exit(client.error());
    auto fetched = client->fetch(ids);
    progress.finish();
    if (!fetched) return network_exit(fetched.error());
    report_not_found(fetched->not_found);
    std::vector<arxiv::PreprintUpdate> updates = arxiv::find_updates(cited, fetched->papers);
    std::erase_if(updates, [](const arxiv::PreprintUpdate& update) { return !update.any(); });
    for (const arxiv::PreprintUpdate& update : updates) print_update(update);
    if (options.in_place && !updates.empty()) {
        std::string text = arxiv::apply_updates(bibliography->files().front(), updates);
        auto written = write_file_atomically(options.file, text);
        if (!written) {
            print_io_error(written.error());
            return to_int(ExitCode::io);
        }
    }
    return fetched->not_found.empty() ? to_int(ExitCode::ok) : to_int(ExitCode::problems);
}

} // namespace

Runner add_arxiv_command(CLI::App& app) {
    CLI::App* arxiv = app.add_subcommand("arxiv", "Fetch, search and update arXiv papers");
    arxiv->require_subcommand(1);
    auto network = std::make_shared<NetworkOptions>();

    auto fetch = std::make_shared<FetchOptions>();
    CLI::App* fetch_command =
        arxiv->add_subcommand("fetch", "Papers by arXiv id, as BibTeX or a list");
    fetch_command->add_option("ids", fetch->ids,
                              "arXiv ids or URLs (2406.09241, hep-th/9901001v2, …)");
    fetch_command->add_option("--ids-from", fetch->ids_from, "A file of ids, one per line");
    fetch_command->add_option("--append", fetch->append,
                              "Add the papers the .bib file does not have yet to it");
    add_export_options(fetch_command, fetch->out);
    add_network_options(fetch_command, *network);

    auto search = std::make_shared<SearchOptions>();
    CLI::App* search_command = arxiv->add_subcommand("search", "Search arXiv (its query syntax)");
    search_command->add_option("query", search->query, "e.g. 'au:bengio AND ti:attention'")
        ->required();
    search_command->add_option("--max", search->max, "At most this many papers")
        ->check(CLI::PositiveNumber);
    add_export_options(search_command, search->out);
    add_network_options(search_command, *network);

    auto update = std::make_shared<UpdateOptions>();
    CLI::App* update_command =
        arxiv->add_subcommand("update", "Report preprints with a new version, DOI or journal");
    update_command->add_option("file", update->file, "The .bib file")->required();
    update_command->add_flag("--in-place", update->in_place,
                             "Add the DOI and journal to those entries in the file");
    add_network_options(update_command, *network);

    return [=] {
        if (fetch_command->parsed()) return run_fetch(*fetch, *network);
        if (search_command->parsed()) return run_search(*search, *network);
        return run_update(*update, *network);
    };
}

} // namespace bibkit::cli
