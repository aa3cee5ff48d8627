#include "commands.hpp"
#include "common.hpp"

#include <bibkit/core/exit_code.hpp>
#include <bibkit/render/page.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace bibkit::cli {

namespace {

struct RenderCommandOptions {
    std::vector<std::string> pages;
    std::string output_dir;
    render::RenderOptions render;
};

std::optional<std::string> read_page(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Each page to DIR/NAME (atomically), or all of them to standard output.
int run_render(RenderCommandOptions& options) {
    render::PageRenderer renderer(options.render);
    for (const std::string& path : options.pages) {
        const std::optional<std::string> page = read_page(path);
        if (!page) {
            std::cerr << "bibkit: " << path << ": cannot read the file\n";
            return to_int(ExitCode::io);
        }
        auto rendered = renderer.render(*page, path);
        if (!rendered) {
            std::cerr << "bibkit render: " << render::to_string(rendered.error()) << '\n';
            return to_int(rendered.error().code);
        }
        std::string target;
        if (!options.output_dir.empty())
            target =
                (std::filesystem::path(options.output_dir) / std::filesystem::path(path).filename())
                    .string();
        if (!write_output(target, *rendered)) return to_int(ExitCode::io);
    }
    const std::vector<Diagnostic> diagnostics = renderer.take_diagnostics();
    print_diagnostics(diagnostics);
    return problems_exit_code(diagnostics);
}

} // namespace

Runner add_render_command(CLI::App& app) {
    auto options = std::make_shared<RenderCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "render",
        "Expand jekyll-scholar's Liquid tags ({% bibliography %}, {% cite %} …) in pages");
    command->add_option("pages", options->pages, "Markdown or HTML pages")->required();
    command->add_option("-o,--output", options->output_dir,
                        "Write each page into DIR (same name) instead of standard output");
    render::RenderOptions& r = options->render;
    command->add_option(
        "--site", r.settings.site,
        "A Jekyll site: the scholar: section of DIR/_config.yml and its bibliography");
    command->add_option("--config", r.settings.configs,
                        "Settings (YAML, or a page's front matter scholar: section); repeatable");
    command->add_option("-f,--file", r.files, "BibTeX files instead of the site's; repeatable")
        ->allow_extra_args(false);
    command->add_option("--style", r.style,
                        "CSL style (a name or a .csl file) over the site's and the page's");
    command->add_option("--locale", r.locale, "Locale over the site's and the page's (en-US, de)");
    command
        ->add_option("--locale-dir", r.csl.locale_dirs,
                     "A directory of CSL locale files, searched first; repeatable")
        ->allow_extra_args(false);
    command
        ->add_option("--highlight", r.highlight, "The owner's name, \"Family, Given\"; repeatable")
        ->allow_extra_args(false);
    return [options] { return run_render(*options); };
}

} // namespace bibkit::cli
