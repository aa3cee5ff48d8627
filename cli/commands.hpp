#pragma once
// Each subcommand registers its options on the app and returns how to run it.

#include <CLI/CLI.hpp>
#include <functional>

namespace bibkit::cli {

using Runner = std::function<int()>;

Runner add_check_command(CLI::App& app);
Runner add_convert_command(CLI::App& app);
Runner add_format_command(CLI::App& app);
Runner add_query_command(CLI::App& app);
Runner add_arxiv_command(CLI::App& app);
Runner add_feed_command(CLI::App& app);
Runner add_cv_command(CLI::App& app);
Runner add_render_command(CLI::App& app);

} // namespace bibkit::cli
