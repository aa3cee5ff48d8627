#include "commands.hpp"
#include "common.hpp"

#include <bibkit/bibtex/check.hpp>
#include <bibkit/core/exit_code.hpp>
#include <bibkit/model/lints.hpp>
#include <iostream>
#include <memory>

namespace bibkit::cli {

namespace {

struct CheckOptions {
    std::vector<std::string> files;
    std::string format = "text";
    bool strict = false;
    bool syntax_only = false;
};

int run_check(const CheckOptions& options) {
    auto checked = options.syntax_only ? bibtex::check_files(options.files)
                                       : model::check_files_with_lints(options.files);
    if (!checked) {
        print_io_error(checked.error());
        return to_int(ExitCode::io);
    }
    const bibtex::CheckReport& report = *checked;
    if (options.format == "json") {
        if (!write_output("", bibtex::to_json(report))) return to_int(ExitCode::io);
    } else {
        bibtex::write_text(report, [](std::string_view chunk) { write_chunk(chunk); });
        if (!finish_output()) return to_int(ExitCode::io);
    }
    bool failed = report.errors() > 0 || (options.strict && report.warnings() > 0);
    return to_int(failed ? ExitCode::problems : ExitCode::ok);
}

} // namespace

Runner add_check_command(CLI::App& app) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* command = app.add_subcommand("check", "Read .bib files and report every problem");
    command->add_option("files", options->files, "BibTeX files ('-' for standard input)")
        ->required();
    command->add_option("--format", options->format, "Report format")
        ->check(CLI::IsMember({"text", "json"}))
        ->default_str("text");
    command->add_flag("--strict", options->strict, "Exit with 1 on warnings too");
    command->add_flag("--syntax-only", options->syntax_only,
                      "Only what reading finds (no dates, identifiers, required fields, "
                      "crossrefs or duplicate works): the fastest check");
    return [options] { return run_check(*options); };
}

} // namespace bibkit::cli
