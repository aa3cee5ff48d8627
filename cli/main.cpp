#include "commands.hpp"
#include "common.hpp"

#include <bibkit/core/exit_code.hpp>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace bibkit;
    CLI::App app{"bibkit: bibliographies and academic CVs from BibTeX", "bibkit"};
    app.set_version_flag("--version", "bibkit " BIBKIT_VERSION);
    app.require_subcommand(1);
    std::map<CLI::App*, cli::Runner> runners;
    auto add = [&](cli::Runner (*setup)(CLI::App&)) {
        cli::Runner runner = setup(app);
        runners.emplace(app.get_subcommands({}).back(), std::move(runner));
    };
    add(cli::add_check_command);
    add(cli::add_convert_command);
    add(cli::add_format_command);
    add(cli::add_query_command);
    add(cli::add_arxiv_command);
    add(cli::add_feed_command);
    add(cli::add_cv_command);
    add(cli::add_render_command);
    std::vector<std::string> arguments = cli::normalize_spellings(argc, argv);
    try {
        app.parse(arguments);
    } catch (const CLI::ParseError& error) {
        int code = app.exit(error);
        return code == 0 ? 0 : to_int(ExitCode::usage);
    }
    for (auto& [subcommand, runner] : runners)
        if (subcommand->parsed()) return runner();
    return to_int(ExitCode::usage);
}
