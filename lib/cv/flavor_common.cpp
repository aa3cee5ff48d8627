// The LaTeX file set and the entry text every flavour shares.

#include "flavor_common.hpp"

#include "markup.hpp"

#include <bibkit/text/latex.hpp>

namespace bibkit::cv::detail {

std::string entry_details(const CvEntry& entry) {
    std::string out;
    for (const std::string* part :
         {&entry.kind, &entry.event, &entry.venue, &entry.location, &entry.date}) {
        if (part->empty()) continue;
        if (!out.empty()) out += ", ";
        out += *part;
    }
    return out;
}

std::string with_period(std::string text) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == '}' || text[end - 1] == '*' || text[end - 1] == '>')) {
        if (text[end - 1] == '>') {
            const std::size_t open = text.rfind('<', end - 1);
            if (open == std::string::npos || text.compare(open, 2, "</") != 0) break;
            end = open;
        } else {
            --end;
        }
    }
    if (end > 0 && (text[end - 1] == '.' || text[end - 1] == '?' || text[end - 1] == '!'))
        return text;
    return text.empty() ? text : text + ".";
}

std::string safe_key(std::string_view key) {
    std::string out;
    for (char ch : key) {
        const bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        const bool digit = ch >= '0' && ch <= '9';
        out += letter || digit || ch == '-' || ch == '_' || ch == ':' || ch == '.' || ch == '/'
                   ? ch
                   : '_';
    }
    return out;
}

std::string latex_escaped(std::string_view plain_text) {
    std::string out;
    text::append_latex_escaped(out, plain_text);
    return out;
}

std::string latex_links(const CvEntry& entry) {
    if (entry.links.empty()) return {};
    std::string out = "\\bibkitlinks{";
    for (std::size_t i = 0; i < entry.links.size(); ++i) {
        if (i > 0) out += "\\bibkitlinksep ";
        out += "\\bibkitlink{";
        text::append_latex_url(out, entry.links[i].url);
        out += "}{" + latex_escaped(entry.links[i].label) + "}";
    }
    return out + "}";
}

std::string LatexFlavor::header() const {
    std::string out = "% Written by bibkit cv (" + std::string(name()) +
                      " flavour): do not edit, run bibkit cv again.\n"
                      "% Each macro is defined with \\providecommand: define your own before "
                      "\\input-ing this file\n% to restyle it.\n";
    out += m_charset == text::LatexCharset::utf8
               ? "% UTF-8 text: LaTeX reads UTF-8 by default since 2018 (inputenc utf8); "
                 "bibkit cv --ascii\n% writes LaTeX accents instead.\n"
               : "% ASCII text: accents and symbols are LaTeX commands (bibkit cv --ascii).\n";
    return out + macros() + "\n";
}

std::vector<OutputFile> LatexFlavor::write(std::span<const CvSection> sections) const {
    std::vector<OutputFile> files;
    std::string all = header();
    // Where the section files are, relative to the document: define \bibkitcvdir (cv/) first
    // when they are not beside it.
    all += "\\providecommand{\\bibkitcvdir}{}\n";
    for (const CvSection& section : sections) {
        std::string body = header();
        if (!section.entries.empty()) this->section(body, section);
        latex_unicode(body, m_charset);
        files.push_back({section.spec.id + ".tex", std::move(body)});
        all += "\\input{\\bibkitcvdir " + section.spec.id + ".tex}\n";
    }
    latex_unicode(all, m_charset);
    files.push_back({"cv-sections.tex", std::move(all)});
    return files;
}

} // namespace bibkit::cv::detail
