#include "commands.hpp"
#include "common.hpp"

#include <bibkit/core/exit_code.hpp>
#include <bibkit/cv/cv.hpp>
#include <iostream>
#include <memory>

namespace bibkit::cli {

namespace {

struct CvCommandOptions {
    std::vector<std::string> files;
    std::string output = "cv";
    cv::CvRequest request;
};

int run_cv(const CvCommandOptions& options) {
    auto bibliography = read_bibliography(options.files);
    if (!bibliography) return to_int(ExitCode::io);
    auto result = cv::make_cv(*bibliography, options.request);
    if (!result) {
        std::cerr << "bibkit cv: " << result.error().message << '\n';
        return to_int(result.error().code);
    }
    print_diagnostics(result->diagnostics);
    if (auto written = cv::write_cv_files(options.output, result->files); !written) {
        print_io_error(written.error());
        return to_int(ExitCode::io);
    }
    return problems_exit_code(result->diagnostics);
}

} // namespace

Runner add_cv_command(CLI::App& app) {
    auto options = std::make_shared<CvCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "cv", "CV sections (publications, talks, teaching) as LaTeX to \\input, or web pages");
    command->add_option("files", options->files, "BibTeX files ('-' for standard input)")
        ->required();
    command
        ->add_option("-o,--output", options->output,
                     "The folder for the files (one per section and cv-sections.tex)")
        ->default_str("cv");
    command->add_option("--sections", options->request.sections_file,
                        "cv.yml: the sections (title, query, sort, order, prefix, reversed, max, "
                        "layout) and the owner's name");
    std::vector<std::string> flavors;
    for (std::string_view name : cv::flavor_names()) flavors.emplace_back(name);
    command->add_option("--flavor", options->request.flavor, "How the sections are laid out")
        ->check(CLI::IsMember(flavors))
        ->default_str("plain");
    command->add_option("--highlight", options->request.highlight,
                        "The owner's name, in bold: \"Family, Given\"");
    command->add_flag("--ascii", options->request.ascii,
                      "LaTeX accents (\\'{e}) instead of UTF-8 text");
    command
        ->add_option("--style", options->request.csl.style,
                     "CSL style of the publications: a name or a .csl file")
        ->default_str("bibkit");
    command->add_option("--base-url", options->request.base_url,
                        "Make relative links (pdf = {papers/x.pdf}) absolute against this http(s) "
                        "URL; without it they are left out");
    command->add_option("--locale", options->request.csl.locale,
                        "Locale of the publications (en-US, de …); default: the style's");
    return [options] { return run_cv(*options); };
}

} // namespace bibkit::cli
