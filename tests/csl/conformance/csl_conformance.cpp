// Runs CSL test-suite fixtures against bibkit's processor and counts passes.
// Usage: csl_conformance [--locales DIR] [--verbose] [--min-pass N] [--filter SUBSTR]
//                        [--skip-if-missing] DIR_OR_FILE…
#include "fixture.hpp"

#include <algorithm>
#include <bibkit/csl/csl_json_reader.hpp>
#include <bibkit/csl/locale.hpp>
#include <bibkit/csl/processor.hpp>
#include <bibkit/csl/style.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using namespace bibkit;
using namespace bibkit::csl;
using json = nlohmann::json;

namespace {

struct Options {
    fs::path locales;
    bool verbose = false;
    long min_pass = -1;
    std::string filter;
    bool skip_if_missing = false;
    std::vector<fs::path> inputs;
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class LocaleStore {
  public:
    explicit LocaleStore(fs::path dir) : m_dir(std::move(dir)) {
        if (m_dir.empty()) return;
        try {
            json index = json::parse(read_file(m_dir / "locales.json"));
            for (auto& [primary, dialect] : index.at("primary-dialects").items()) {
                m_primary[primary] = dialect.get<std::string>();
            }
        } catch (...) {
        }
    }

    // The style's locale (exact, then primary dialect), then en-US.
    std::vector<Locale> chain(std::string tag) {
        std::vector<Locale> out;
        std::vector<std::string> tags;
        if (!tag.empty()) {
            tags.push_back(tag);
            std::string primary = tag.substr(0, tag.find('-'));
            auto it = m_primary.find(primary);
            if (it != m_primary.end()) tags.push_back(it->second);
        }
        tags.push_back("en-US");
        std::vector<std::string> done;
        for (const std::string& t : tags) {
            if (std::find(done.begin(), done.end(), t) != done.end()) continue;
            done.push_back(t);
            if (const Locale* l = load(t)) out.push_back(*l);
        }
        return out;
    }

  private:
    const Locale* load(const std::string& tag) {
        auto it = m_cache.find(tag);
        if (it != m_cache.end()) return it->second ? &*it->second : nullptr;
        fs::path path = m_dir / ("locales-" + tag + ".xml");
        std::optional<Locale> locale;
        if (!m_dir.empty() && fs::exists(path)) {
            auto parsed = Locale::parse(read_file(path), path.string());
            if (parsed)
                locale = *parsed;
            else
                std::cerr << parsed.error().to_string() << "\n";
        }
        auto& slot = m_cache[tag] = std::move(locale);
        return slot ? &*slot : nullptr;
    }

    fs::path m_dir;
    std::map<std::string, std::string> m_primary;
    std::map<std::string, std::optional<Locale>> m_cache;
};

std::string scalar(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return v.dump();
    return {};
}

CitationItem citation_item(const json& j) {
    CitationItem ci;
    ci.id = scalar(j.value("id", json()));
    if (j.contains("locator")) ci.locator = scalar(j["locator"]);
    if (j.contains("label")) ci.label = scalar(j["label"]);
    if (j.contains("prefix")) ci.prefix = scalar(j["prefix"]);
    if (j.contains("suffix")) ci.suffix = scalar(j["suffix"]);
    ci.suppress_author = j.value("suppress-author", false);
    ci.author_only = j.value("author-only", false);
    return ci;
}

struct Outcome {
    bool passed = false;
    std::string reason;
    std::string actual;
};

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && (s[start] == '\n' || s[start] == ' ')) ++start;
    return s.substr(start);
}

// Whether an item passes a BIBSECTION filter entry {field, value}.
bool matches(const model::Item& item, const json& rule) {
    std::string field = scalar(rule.value("field", json()));
    std::string value = scalar(rule.value("value", json()));
    if (field == "type") return item.csl_type == value;
    bool has =
        item.text(field) || item.plain_text(field) || item.name_list(field) || item.date(field);
    if (value.empty()) return !has;
    return false;
}

std::vector<std::string> select_ids(const CslJsonItems& items, const json& section) {
    std::vector<std::string> out;
    for (const model::Item& item : items.items) {
        bool keep = true;
        if (section.contains("select")) {
            for (const json& r : section["select"]) keep = keep && matches(item, r);
        } else if (section.contains("include")) {
            keep = false;
            for (const json& r : section["include"]) keep = keep || matches(item, r);
        } else if (section.contains("exclude")) {
            for (const json& r : section["exclude"]) keep = keep && !matches(item, r);
        }
        if (keep && section.contains("quash")) {
            bool all = true;
            for (const json& r : section["quash"]) all = all && matches(item, r);
            if (all) keep = false;
        }
        if (keep) out.emplace_back(item.key);
    }
    return out;
}

Outcome run_citations(const Processor& processor, const conformance::Fixture& f,
                      const CslJsonItems& items, const std::string& expected) {
    std::vector<Citation> citations;
    if (auto section = f.section("CITATIONS")) {
        // Each entry is one processCitationCluster call: the citation and the ids (with note
        // numbers) of the document's citations before and after it.
        json j = json::parse(*section);
        std::map<std::string, Citation> by_id;
        std::vector<std::string> document;
        for (const json& entry : j) {
            const json& c = entry.is_array() ? entry[0] : entry;
            Citation citation;
            citation.id = scalar(c.value("citationID", json()));
            for (const json& ci : c.value("citationItems", json::array())) {
                citation.items.push_back(citation_item(ci));
            }
            if (c.contains("properties"))
                citation.note_index = c["properties"].value("noteIndex", 0);
            document.clear();
            auto add_neighbours = [&](const json& list) {
                for (const json& ref : list) {
                    std::string id = scalar(ref[0]);
                    document.push_back(id);
                    if (ref.size() > 1 && by_id.count(id)) by_id[id].note_index = ref[1].get<int>();
                }
            };
            if (entry.is_array() && entry.size() > 1) add_neighbours(entry[1]);
            document.push_back(citation.id);
            if (entry.is_array() && entry.size() > 2) add_neighbours(entry[2]);
            by_id[citation.id] = std::move(citation);
        }
        for (const std::string& id : document) citations.push_back(by_id[id]);
        std::vector<std::string> out = processor.cite(citations);
        // Expected lines: "..[i] text" or ">>[i] text"; compare the texts.
        std::istringstream lines(expected);
        std::string line, actual_all;
        bool ok = true;
        std::size_t count = 0;
        while (std::getline(lines, line)) {
            if (line.size() < 2) continue;
            std::size_t close = line.find("] ");
            if (close == std::string::npos) continue;
            std::size_t index = std::stoul(line.substr(3, close - 3));
            std::string text = line.substr(close + 2);
            ++count;
            if (index >= out.size() || trim(out[index]) != trim(text)) ok = false;
        }
        for (std::size_t k = 0; k < out.size(); ++k) {
            actual_all += "..[" + std::to_string(k) + "] " + out[k] + "\n";
        }
        return {ok && count > 0, "mismatch", actual_all};
    }
    if (auto section = f.section("CITATION-ITEMS")) {
        json j = json::parse(*section);
        int note = 1;
        for (const json& list : j) {
            Citation citation;
            citation.note_index = note++;
            for (const json& ci : list) citation.items.push_back(citation_item(ci));
            citations.push_back(std::move(citation));
        }
    } else {
        Citation citation;
        citation.note_index = 1;
        for (const model::Item& item : items.items) {
            CitationItem ci;
            ci.id = std::string(item.key);
            citation.items.push_back(std::move(ci));
        }
        citations.push_back(std::move(citation));
    }
    std::vector<std::string> out = processor.cite(citations);
    std::string actual;
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (k) actual += "\n";
        actual += out[k];
    }
    return {trim(actual) == trim(expected), "mismatch", actual};
}

Outcome run(const conformance::Fixture& f, LocaleStore& locales) {
    std::string mode(f.section("MODE").value_or(""));
    mode = trim(mode);
    auto csl = f.section("CSL");
    auto input = f.section("INPUT");
    auto result = f.section("RESULT");
    if (!csl || !input || !result) return {false, "missing section", ""};
    auto style = Style::parse(*csl, f.name);
    if (!style) return {false, "style error: " + style.error().to_string(), ""};
    auto items = read_csl_json(*input, f.name);
    if (!items) return {false, "input error: " + items.error().to_string(), ""};
    std::vector<Locale> chain = locales.chain(std::string(style->default_locale()));
    Processor processor(*style, chain, items->items, html_format());
    std::string expected(*result);
    try {
        if (mode == "bibliography") {
            std::vector<std::string> ids;
            if (auto entries = f.section("BIBENTRIES")) {
                json j = json::parse(*entries);
                if (!j.empty()) {
                    for (const json& id : j.back()) ids.push_back(scalar(id));
                }
            } else if (auto section = f.section("BIBSECTION")) {
                ids = select_ids(*items, json::parse(*section));
            } else {
                for (const model::Item& item : items->items) ids.emplace_back(item.key);
            }
            std::string actual = processor.format_bibliography(processor.bibliography(ids));
            return {trim(actual) == trim(expected), "mismatch", actual};
        }
        return run_citations(processor, f, *items, expected);
    } catch (const std::exception& e) {
        return {false, std::string("fixture error: ") + e.what(), ""};
    }
}

bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--locales") {
            const char* v = next();
            if (!v) return false;
            o.locales = v;
        } else if (a == "--skip-if-missing") {
            o.skip_if_missing = true;
        } else if (a == "--verbose") {
            o.verbose = true;
        } else if (a == "--min-pass") {
            const char* v = next();
            if (!v) return false;
            o.min_pass = std::atol(v);
        } else if (a == "--filter") {
            const char* v = next();
            if (!v) return false;
            o.filter = v;
        } else if (a.starts_with("--")) {
            return false;
        } else {
            o.inputs.emplace_back(a);
        }
    }
    return !o.inputs.empty();
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse_args(argc, argv, options)) {
        std::cerr << "usage: csl_conformance [--locales DIR] [--verbose] [--min-pass N] "
                     "[--filter SUBSTR] DIR_OR_FILE...\n";
        return 2;
    }
    std::vector<fs::path> files;
    for (const fs::path& input : options.inputs) {
        if (fs::is_directory(input)) {
            for (const auto& entry : fs::directory_iterator(input)) {
                if (entry.path().extension() == ".txt") files.push_back(entry.path());
            }
        } else if (fs::exists(input)) {
            files.push_back(input);
        } else if (options.skip_if_missing) {
            std::cout << "SKIP: " << input.string()
                      << " is missing (the CSL test suite lives in the shared/ folder beside the "
                         "project)\n";
            return 77;
        } else {
            std::cerr << input.string() << ": no such file or directory\n";
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    LocaleStore locales(options.locales);
    long passed = 0, failed = 0, bib_passed = 0, bib_total = 0;
    for (const fs::path& path : files) {
        std::string name = path.stem().string();
        if (!options.filter.empty() && name.find(options.filter) == std::string::npos) continue;
        conformance::Fixture f = conformance::parse_fixture(name, read_file(path));
        std::string mode = trim(std::string(f.section("MODE").value_or("")));
        if (mode != "citation" && mode != "bibliography") continue;
        Outcome o = run(f, locales);
        if (mode == "bibliography") {
            ++bib_total;
            if (o.passed) ++bib_passed;
        }
        if (o.passed) {
            ++passed;
            continue;
        }
        ++failed;
        std::cout << name << ": " << o.reason << "\n";
        if (options.verbose) {
            std::cout << "  expected:\n"
                      << trim(std::string(*f.section("RESULT"))) << "\n  actual:\n"
                      << trim(o.actual) << "\n";
        }
    }
    std::cout << "bibliography: " << bib_passed << "/" << bib_total << "\n";
    std::cout << passed << " passed, " << failed << " failed\n";
    return options.min_pass >= 0 && passed < options.min_pass ? 1 : 0;
}
