// bibkit cv from end to end: settings, selection, rendering, flavour.

#include "entry_fields.hpp"

#include <bibkit/config/settings.hpp>
#include <bibkit/cv/cv.hpp>
#include <bibkit/model/inheritance.hpp>
#include <bibkit/query/record.hpp>
#include <filesystem>

namespace bibkit::cv {

namespace {

Expected<CvConfig, CvError> load_config(const CvRequest& request) {
    if (request.sections_file.empty()) return CvConfig{default_sections(), {}};
    auto config = read_cv_config(request.sections_file);
    if (!config) {
        const bool unreadable =
            config.error().line == 0 && config.error().message == "cannot read the file";
        return unexpected(CvError{unreadable ? ExitCode::io : ExitCode::usage,
                                  config::to_string(config.error())});
    }
    return std::move(*config);
}

Expected<std::optional<OwnerName>, CvError> owner_of(const CvRequest& request,
                                                     const CvConfig& config) {
    const std::string& name = request.highlight.empty() ? config.highlight : request.highlight;
    if (name.empty()) return std::optional<OwnerName>();
    auto owner = OwnerName::parse(name);
    if (!owner) return unexpected(CvError{ExitCode::usage, owner.error()});
    return std::optional<OwnerName>(std::move(*owner));
}

} // namespace

Expected<CvResult, CvError> make_cv(const bibtex::Bibliography& bibliography,
                                    const CvRequest& request) {
    if (!request.base_url.empty() && !detail::is_absolute_web_url(request.base_url))
        return unexpected(
            CvError{ExitCode::usage,
                    "--base-url must be an http or https URL, not '" + request.base_url + "'"});
    const text::LatexCharset charset =
        request.ascii ? text::LatexCharset::ascii : text::LatexCharset::utf8;
    const std::unique_ptr<Flavor> flavor = make_flavor(request.flavor, charset);
    if (!flavor)
        return unexpected(CvError{ExitCode::usage, "no flavour named '" + request.flavor + "'"});
    auto config = load_config(request);
    if (!config) return unexpected(std::move(config.error()));
    auto owner = owner_of(request, *config);
    if (!owner) return unexpected(std::move(owner.error()));

    bibtex::Database database = bibliography.resolve();
    const model::EffectiveFields fields = model::EffectiveFields::resolve(database);
    const std::vector<query::Record> records = query::make_records(database, fields);
    const CvOptions options{std::move(*owner), request.csl, flavor->markup(), charset,
                            request.base_url};
    std::vector<Diagnostic> diagnostics;
    auto sections = build_sections(CvSource{&bibliography, &database, &fields, records},
                                   config->sections, options, diagnostics);
    if (!sections) return unexpected(std::move(sections.error()));

    CvResult result{flavor->write(*sections), {}};
    for (Diagnostic& diagnostic : database.diagnostics)
        result.diagnostics.push_back(std::move(diagnostic));
    for (Diagnostic& diagnostic : model::inheritance_diagnostics(fields, database, bibliography))
        result.diagnostics.push_back(std::move(diagnostic));
    locate_diagnostics(diagnostics);
    for (Diagnostic& diagnostic : diagnostics) result.diagnostics.push_back(std::move(diagnostic));
    return result;
}

Expected<WriteOk, IoError> write_cv_files(const std::string& dir,
                                          std::span<const OutputFile> files) {
    namespace fs = std::filesystem;
    std::error_code error;
    fs::create_directories(dir, error);
    if (error) return unexpected(IoError{dir, error.message()});
    for (const OutputFile& file : files) {
        auto written = write_file_atomically((fs::path(dir) / file.name).string(), file.contents);
        if (!written) return unexpected(std::move(written.error()));
    }
    return WriteOk{};
}

} // namespace bibkit::cv
