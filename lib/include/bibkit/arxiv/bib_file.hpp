#pragma once
// What the arXiv commands do to a user's .bib: find the preprints it cites, append new entries,
// and add what arXiv learnt since (a DOI, a journal reference) to entries in place — always
// leaving every other byte of the file as it was.

#include <bibkit/arxiv/bibtex_export.hpp>
#include <bibkit/arxiv/paper.hpp>
#include <bibkit/bibtex/database.hpp>
#include <bibkit/bibtex/syntax.hpp>
#include <bibkit/model/arxiv_id.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::arxiv {

// An entry of the file with an arXiv id (wherever model::find_arxiv_id finds one).
struct CitedPreprint {
    std::string key;
    model::ArxivId id;        // as the entry gives it; version 0 when it names none
    std::string doi;          // the entry's `doi` field, empty when none
    bool has_journal = false; // `journal`/`journaltitle` present
    bool has_note = false;
    std::uint32_t raw_entry = 0; // in the file's RawDatabase, for apply_updates
};

std::vector<CitedPreprint> cited_preprints(const bibtex::Database& database);

// What arXiv knows that the entry does not say.
struct PreprintUpdate {
    CitedPreprint cited;
    Paper latest;
    bool newer_version = false; // the entry names a version and arXiv has a later one
    bool new_doi = false;       // arXiv has a DOI and the entry none
    bool new_journal_ref = false;

    bool any() const { return newer_version || new_doi || new_journal_ref; }
    // The fields --in-place adds: `doi`; `journal` when the entry has none, else the reference
    // goes to `note` ("Published in …") unless the entry has a note too. A newer version is only
    // reported: an entry that pins a version may mean that version.
    std::vector<std::pair<std::string, std::string>> fields_to_add() const;
};

// Pairs each cited preprint with the paper fetched for it (by id, ignoring versions); entries
// whose paper is missing are left out.
std::vector<PreprintUpdate> find_updates(std::span<const CitedPreprint> cited,
                                         std::span<const Paper> latest);

// The file's text with each update's fields added at the end of its entry, in the entry's own
// indentation; every other byte unchanged. Updates of incomplete entries are skipped.
std::string apply_updates(const bibtex::RawDatabase& file, std::span<const PreprintUpdate> updates);

// The file's text with the entries after it, separated by a blank line.
std::string append_entries(std::string_view text, std::span<const BibtexEntry> entries);

} // namespace bibkit::arxiv
