#include "commands.hpp"
#include "common.hpp"

#include <bibkit/bibtex/entry_json.hpp>
#include <bibkit/bibtex/writer.hpp>
#include <bibkit/core/exit_code.hpp>
#include <bibkit/model/biblatex.hpp>
#include <bibkit/model/csl_json.hpp>
#include <bibkit/model/item.hpp>
#include <iostream>
#include <memory>

namespace bibkit::cli {

namespace {

struct ConvertOptions {
    std::vector<std::string> files;
    std::string to;
    std::string output;
    bool lossless = false;
    bool compact = false;
};

int run_convert(const ConvertOptions& options) {
    if (options.lossless && options.to != "bibtex") {
        std::cerr << "bibkit convert: --lossless only applies to --to bibtex\n";
        return to_int(ExitCode::usage);
    }
    auto bibliography = read_bibliography(options.files);
    if (!bibliography) return to_int(ExitCode::io);
    // The output, in pieces written one after the other (CSL-JSON comes in several).
    std::vector<std::string> parts(1);
    std::string& out = parts.front();
    if (options.to != "csl-json") {
        // Output is about the size of the input (JSON a little more): reserving once avoids
        // copying a growing buffer over and over. CSL-JSON reserves its own pieces.
        std::size_t input_size = 0;
        for (const auto& file : bibliography->files()) input_size += file.text().size();
        out.reserve(input_size + input_size / 2 + 4096);
    }
    BigVector<Diagnostic> diagnostics;
    if (options.lossless) {
        for (const auto& file : bibliography->files()) {
            bibtex::write_lossless(file, out);
            diagnostics.insert(diagnostics.end(), file.diagnostics().begin(),
                               file.diagnostics().end());
        }
    } else {
        bibtex::Database database = bibliography->resolve();
        diagnostics = std::move(database.diagnostics);
        if (options.to == "csl-json") {
            model::CslJsonDocument document = model::convert_to_csl_json(
                *bibliography, database,
                options.compact ? model::JsonLayout::compact : model::JsonLayout::indented);
            diagnostics.insert(diagnostics.end(), document.diagnostics.begin(),
                               document.diagnostics.end());
            parts = std::move(document.parts);
        } else if (options.to == "json") {
            bibtex::write_entries_json(database, out, !options.compact);
        } else if (options.to == "biblatex") {
            model::write_biblatex(database, out);
        } else {
            bibtex::write_resolved(database, out);
        }
    }
    print_diagnostics(diagnostics);
    const std::vector<std::string_view> views(parts.begin(), parts.end());
    if (!write_output(options.output, views)) return to_int(ExitCode::io);
    return problems_exit_code(diagnostics);
}

} // namespace

Runner add_convert_command(CLI::App& app) {
    auto options = std::make_shared<ConvertOptions>();
    CLI::App* command = app.add_subcommand("convert", "Convert .bib files to another format");
    command->add_option("files", options->files, "BibTeX files ('-' for standard input)")
        ->required();
    command->add_option("--to", options->to, "Output format")
        ->required()
        ->check(CLI::IsMember({"json", "csl-json", "bibtex", "biblatex"}));
    command->add_option("-o,--output", options->output, "Output file (written atomically)");
    command->add_flag("--lossless", options->lossless,
                      "With --to bibtex: print the input byte for byte from its syntax tree");
    command->add_flag("--compact", options->compact, "With --to json or csl-json: no indentation");
    return [options] { return run_convert(*options); };
}

} // namespace bibkit::cli
