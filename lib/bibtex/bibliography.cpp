#include <bibkit/bibtex/bibliography.hpp>
#include <bibkit/bibtex/parser.hpp>

namespace bibkit::bibtex {

void Bibliography::add(std::unique_ptr<SourceFile> source) {
    m_raw.push_back(parse(*source));
    m_sources.push_back(std::move(source));
}

Expected<Bibliography, IoError> Bibliography::read(const std::vector<std::string>& paths) {
    Bibliography bibliography;
    for (const std::string& path : paths) {
        auto source = SourceFile::open(path);
        if (!source) return unexpected(source.error());
        bibliography.add(std::make_unique<SourceFile>(std::move(*source)));
    }
    return bibliography;
}

Bibliography Bibliography::from_sources(std::vector<SourceFile> sources) {
    Bibliography bibliography;
    for (SourceFile& source : sources)
        bibliography.add(std::make_unique<SourceFile>(std::move(source)));
    return bibliography;
}

Database Bibliography::resolve(ValueMode mode) const {
    return bibtex::resolve(m_raw, mode);
}

} // namespace bibkit::bibtex
