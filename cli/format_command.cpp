#include "commands.hpp"
#include "common.hpp"

#include <bibkit/bibtex/formatter.hpp>
#include <bibkit/core/atomic_file.hpp>
#include <bibkit/core/exit_code.hpp>
#include <iostream>
#include <memory>
#include <sstream>

namespace bibkit::cli {

namespace {

struct FormatCommandOptions {
    std::vector<std::string> files;
    std::string output;
    bool in_place = false;
    bool check = false;
    int indent = 2;
    bool no_align = false;
    bool keep_quotes = false;
    bool keep_case = false;
    std::string field_order = "keep";
    std::string sort = "none";
    bool descending = false;
    std::vector<std::string> strip;
    bool trailing_comma = false;
};

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!item.empty()) items.push_back(item);
    return items;
}

bibtex::FormatOptions to_format_options(const FormatCommandOptions& o) {
    bibtex::FormatOptions options;
    options.indent = o.indent;
    options.align_equals = !o.no_align;
    options.delimiters = o.keep_quotes ? bibtex::Delimiters::keep : bibtex::Delimiters::braces;
    options.name_case = o.keep_case ? bibtex::NameCase::keep : bibtex::NameCase::lower;
    if (o.field_order == "keep")
        options.field_order = bibtex::FieldOrder::keep;
    else if (o.field_order == "standard")
        options.field_order = bibtex::FieldOrder::standard;
    else {
        options.field_order = bibtex::FieldOrder::custom;
        options.custom_order = split_list(o.field_order);
    }
    options.sort = o.sort == "key"    ? bibtex::EntrySort::key
                   : o.sort == "year" ? bibtex::EntrySort::year
                   : o.sort == "type" ? bibtex::EntrySort::type
                                      : bibtex::EntrySort::none;
    options.descending = o.descending;
    for (const std::string& item : o.strip)
        for (std::string& field : split_list(item))
            options.strip_fields.push_back(std::move(field));
    options.trailing_comma = o.trailing_comma;
    return options;
}

int run_format(const FormatCommandOptions& o) {
    if ((o.in_place || o.check) && !o.output.empty()) {
        std::cerr << "bibkit format: -o cannot be combined with --in-place or --check\n";
        return to_int(ExitCode::usage);
    }
    for (const std::string& file : o.files)
        if ((o.in_place || o.check) && file == "-") {
            std::cerr << "bibkit format: standard input cannot be formatted in place\n";
            return to_int(ExitCode::usage);
        }
    auto bibliography = read_bibliography(o.files);
    if (!bibliography) return to_int(ExitCode::io);
    bibtex::FormatOptions options = to_format_options(o);
    std::string combined;
    std::vector<Diagnostic> diagnostics;
    bool would_change = false;
    for (std::size_t i = 0; i < bibliography->size(); ++i) {
        const bibtex::RawDatabase& file = bibliography->files()[i];
        diagnostics.insert(diagnostics.end(), file.diagnostics().begin(), file.diagnostics().end());
        std::string out;
        // A tidied file is about the size of the original; one reservation avoids copying a
        // growing buffer over and over.
        out.reserve(file.text().size() + file.text().size() / 4 + 4096);
        bibtex::format_file(file, options, out);
        bool changed = out != file.text();
        if (o.check) {
            if (changed) combined += file.source().name() + ": would be reformatted\n";
            would_change |= changed;
        } else if (o.in_place) {
            if (!changed) continue; // leave the file (and its modification time) alone
            auto written = write_file_atomically(file.source().name(), out);
            if (!written) {
                print_io_error(written.error());
                return to_int(ExitCode::io);
            }
        } else if (combined.empty()) {
            combined = std::move(out);
        } else {
            combined += out;
        }
    }
    print_diagnostics(diagnostics);
    if (!o.in_place && !write_output(o.check ? "" : o.output, combined))
        return to_int(ExitCode::io);
    if (would_change) return to_int(ExitCode::problems);
    return problems_exit_code(diagnostics);
}

} // namespace

Runner add_format_command(CLI::App& app) {
    auto o = std::make_shared<FormatCommandOptions>();
    CLI::App* command =
        app.add_subcommand("format", "Tidy .bib files: layout, field order, sorting");
    command->add_option("files", o->files, "BibTeX files ('-' for standard input)")->required();
    command->add_option("-o,--output", o->output, "Output file (written atomically)");
    command->add_flag("-i,--in-place", o->in_place, "Rewrite each file atomically");
    command->add_flag("--check", o->check,
                      "Change nothing; exit with 1 when a file is not formatted");
    command->add_option("--indent", o->indent, "Spaces before each field")
        ->check(CLI::Range(0, 16));
    command->add_flag("--no-align", o->no_align, "Do not align the '=' signs");
    command->add_flag("--keep-quotes", o->keep_quotes, "Keep \"…\" values instead of using braces");
    command->add_flag("--keep-case", o->keep_case, "Keep the case of entry types and field names");
    command->add_option("--field-order", o->field_order,
                        "keep, standard, or a comma-separated list of fields to put first");
    command->add_option("--sort", o->sort, "Sort entries")
        ->check(CLI::IsMember({"none", "key", "year", "type"}));
    command->add_flag("--descending", o->descending, "Sort in descending order");
    command->add_option("--strip", o->strip, "Remove these fields (comma-separated, repeatable)");
    command->add_flag("--trailing-comma", o->trailing_comma, "End the last field with a comma");
    return [o] { return run_format(*o); };
}

} // namespace bibkit::cli
