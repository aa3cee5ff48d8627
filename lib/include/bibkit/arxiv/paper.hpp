#pragma once
// One arXiv paper as the API describes it: what every arXiv command works from.

#include <bibkit/model/arxiv_id.hpp>
#include <string>
#include <vector>

namespace bibkit::arxiv {

struct Author {
    std::string name; // as arXiv gives it: "Dirk Wübben", UTF-8
    std::vector<std::string> affiliations;
};

struct Paper {
    model::ArxivId id;   // from the entry's <id>, with the version the API answered with
    std::string title;   // whitespace collapsed (old responses hard-wrap); LaTeX kept as written
    std::string summary; // whitespace collapsed
    std::vector<Author> authors;
    std::string published;               // first version, ISO 8601 as given: "2006-01-02T14:57:58Z"
    std::string updated;                 // this version
    std::string primary_category;        // "astro-ph", "cs.IT"
    std::vector<std::string> categories; // every <category term>, primary first as given
    std::string doi;                     // <arxiv:doi>, empty when none
    std::string journal_ref;             // <arxiv:journal_ref>
    std::string comment;                 // <arxiv:comment>
    std::string abs_url;                 // the rel="alternate" link
    std::string pdf_url;                 // the link titled "pdf"
};

} // namespace bibkit::arxiv
