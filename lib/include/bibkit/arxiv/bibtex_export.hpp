#pragma once
// Papers as BibTeX, in the manner of arXiv's own export (`@misc` with eprint, archivePrefix,
// primaryClass, url; `@article` with journal and doi once published), and the "must read papers"
// lists of `bibkit arxiv fetch --format markdown|html|json`.

#include <bibkit/arxiv/paper.hpp>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bibkit::arxiv {

struct ExportOptions {
    bool abstract = false;             // add the summary as `abstract`
    std::string project;               // `project = {…}` when not empty
    std::vector<std::string> keywords; // `keywords = {a, b}` when not empty
};

struct BibtexEntry {
    std::string type; // "misc" or "article"
    std::string key;
    std::vector<std::pair<std::string, std::string>> fields; // name, value as BibTeX text
};

// Keys `familyYEARword` ("immink2017proceedings"), ASCII, lower case; a key already taken (in
// the file appended to, or earlier in the same run; compared case-insensitively, as BibTeX
// compares keys) gets a suffix: a, b, …, z, aa, ab, …
//   family: the first author's family name with its particle ("Peter H. N. de With" → "dewith":
//           "de With" is how he is cited, and "with" alone reads like a stop word), folded to
//           ASCII by ICU ("Wübben" → "wubben", other scripts transliterated); an organization's
//           first word that is not a stop word; "anon" when there is no author.
//   YEAR:   of `published`; left out when it has none.
//   word:   the title's first word outside math that is not a stop word (a, an, the, of, on, …),
//           LaTeX decoded and folded like the family; left out when there is none.
class KeyAllocator {
  public:
    KeyAllocator() = default;
    explicit KeyAllocator(std::unordered_set<std::string> taken);
    std::string allocate(const Paper& paper);

  private:
    std::unordered_set<std::string> m_taken;
};

// LaTeX as arXiv writes it, safe between the braces of a BibTeX value and harmless to typeset:
// whitespace collapsed; bare % & # _ $ escaped ("90\%", "Gould \& Morgan"), a bare ^ as
// \textasciicircum{}; math ($…$, $$…$$, \(…\), \[…\]) passed through text::math_sanitize;
// outside math, commands the text decoder does not know (\input, \def, \write, …), unclosed math
// delimiters and a final backslash written as text after \textbackslash{}; braces that do not pair
// up (counting `\{` as BibTeX does) become \textbraceleft{} / \textbraceright{} (\lbrace{} /
// \rbrace{} in math). Everything else is kept as written.
std::string to_bibtex_value(std::string_view latex);

// One author's name (as arXiv gives it, UTF-8) as one name of a BibTeX name list: a
// collaboration or institution, or a name with "and" or a comma in it, as one brace group
// ("{The ATLAS Collaboration}"); "John Smith Jr." as "Smith, Jr., John"; a name BibTeX would
// split wrongly ("Ken-ichi Iwata": "ichi" looks like a von part to it) as "Iwata, Ken-ichi".
std::string bibtex_author(std::string_view name);

// `@misc`, or `@article` once arXiv has a DOI or a journal reference (`journal` = the reference).
// Fields: title, author (" and "-joined, UTF-8 kept), journal, year and month of `published`
// (the month as a number: biblatex's month is an integer, and a bare `jul` macro cannot be
// written through write_entry), eprint (without version), archivePrefix = arXiv, primaryClass,
// doi, url (https://arxiv.org/abs/ID, the newest version), abstract (options.abstract),
// keywords (", "-joined), project. Empty values are left out.
BibtexEntry to_bibtex_entry(const Paper& paper, std::string key, const ExportOptions& options);
// Appends the entry in the layout of bibtex::write_entry, then a blank line.
void append_bibtex(std::string& out, const BibtexEntry& entry);

// "Must read" lists: linked titles with authors and year; all text escaped for its target.
// The title is decoded LaTeX (math, accents, emphasis); the link is https://arxiv.org/abs/ID.
// Up to three authors are named, and "et al." stands for the rest of a longer list.
void append_markdown_list(std::string& out, std::span<const Paper> papers);
void append_html_list(std::string& out, std::span<const Paper> papers);
// Every field of every paper as a JSON array.
void append_json(std::string& out, std::span<const Paper> papers);

} // namespace bibkit::arxiv
