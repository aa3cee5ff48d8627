// CV sections: the defaults, and cv.yml read with yaml-cpp. Every value of the wrong kind is an
// error at its own position, so that a typo never silently drops a section.

#include <bibkit/core/ascii.hpp>
#include <bibkit/cv/section.hpp>
#include <fstream>
#include <sstream>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace bibkit::cv {

namespace {

using config::ConfigError;

struct Context {
    const std::string& file;
    ConfigError at(const YAML::Node& node, std::string message) const {
        ConfigError error{file, 0, 0, std::move(message)};
        const YAML::Mark mark = node.Mark();
        if (!mark.is_null()) {
            error.line = static_cast<std::uint32_t>(mark.line) + 1;
            error.column = static_cast<std::uint32_t>(mark.column) + 1;
        }
        return error;
    }
};

using Result = Expected<bool, ConfigError>; // true: read

std::string trimmed(std::string_view text) {
    while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && ascii::is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

bool is_id_char(char ch) {
    return ascii::is_digit(ch) || (ascii::to_lower(ch) >= 'a' && ascii::to_lower(ch) <= 'z') ||
           ch == '-' || ch == '_';
}

Result read_string(const Context& c, const YAML::Node& node, std::string_view key,
                   std::string& out) {
    if (!node.IsScalar()) return unexpected(c.at(node, std::string(key) + " must be a string"));
    out = node.Scalar();
    return true;
}

// "year, month" or [year, month].
Result read_list(const Context& c, const YAML::Node& node, std::string_view key,
                 std::vector<std::string>& out) {
    out.clear();
    if (node.IsScalar()) {
        std::istringstream words(node.Scalar());
        for (std::string word; std::getline(words, word, ',');) {
            word = trimmed(word);
            if (!word.empty()) out.push_back(word);
        }
        return true;
    }
    if (!node.IsSequence())
        return unexpected(c.at(node, std::string(key) + " must be a string or a list of strings"));
    for (const YAML::Node& item : node) {
        if (!item.IsScalar())
            return unexpected(c.at(item, std::string(key) + " must list strings"));
        out.push_back(item.Scalar());
    }
    return true;
}

Result read_bool(const Context& c, const YAML::Node& node, std::string_view key, bool& out) {
    if (node.IsScalar()) {
        const std::string value = ascii::lowered(node.Scalar());
        if (value == "true" || value == "yes") return out = true, true;
        if (value == "false" || value == "no") return out = false, true;
    }
    return unexpected(c.at(node, std::string(key) + " must be true or false"));
}

Result read_count(const Context& c, const YAML::Node& node, std::string_view key,
                  std::size_t& out) {
    const std::string text = node.IsScalar() ? node.Scalar() : std::string();
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return unexpected(c.at(node, std::string(key) + " must be a whole number (0: all)"));
    out = std::stoul(text);
    return true;
}

Result read_layout(const Context& c, const YAML::Node& node, Layout& out) {
    for (Layout layout : {Layout::publication, Layout::talk, Layout::course}) {
        if (node.IsScalar() && node.Scalar() == to_string(layout)) return out = layout, true;
    }
    return unexpected(c.at(node, "layout must be publication, talk or course"));
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id == "cv-sections") return false;
    for (char ch : id)
        if (!is_id_char(ch)) return false;
    return true;
}

// One key of a section; false when the key is not a section's.
Expected<bool, ConfigError> read_key(const Context& c, std::string_view key,
                                     const YAML::Node& value, SectionSpec& spec) {
    if (key == "id") return read_string(c, value, key, spec.id);
    if (key == "title") return read_string(c, value, key, spec.title);
    if (key == "query") return read_string(c, value, key, spec.query);
    if (key == "sort" || key == "sort_by") return read_list(c, value, key, spec.sort_by);
    if (key == "order") return read_list(c, value, key, spec.order);
    if (key == "prefix") return read_string(c, value, key, spec.prefix);
    if (key == "reversed") return read_bool(c, value, key, spec.reversed);
    if (key == "max") return read_count(c, value, key, spec.max);
    if (key == "layout") return read_layout(c, value, spec.layout);
    return false;
}

Expected<SectionSpec, ConfigError> read_section(const Context& c, const YAML::Node& node) {
    if (!node.IsMap()) return unexpected(c.at(node, "a section must be a mapping (id, title, …)"));
    SectionSpec spec;
    spec.order.clear();
    for (const auto& pair : node) {
        const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
        auto known = read_key(c, key, pair.second, spec);
        if (!known) return unexpected(std::move(known.error()));
        if (!*known)
            return unexpected(c.at(pair.first, "unknown section key '" + key +
                                                   "' (id, title, query, sort, order, prefix, "
                                                   "reversed, max, layout)"));
    }
    if (!is_valid_id(spec.id))
        return unexpected(c.at(node, "a section needs an id of letters, digits, '-' and '_' "
                                     "(it names the section's file)"));
    if (spec.title.empty()) spec.title = spec.id;
    if (spec.order.empty()) spec.order = {"descending"};
    return spec;
}

Expected<CvConfig, ConfigError> read_document(const Context& c, const YAML::Node& root) {
    CvConfig cv;
    if (!root.IsDefined() || root.IsNull()) return cv;
    if (!root.IsMap()) return unexpected(c.at(root, "expected a mapping with a sections list"));
    bool has_sections = false;
    for (const auto& pair : root) {
        const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
        if (key == "highlight") {
            if (auto read = read_string(c, pair.second, key, cv.highlight); !read)
                return unexpected(std::move(read.error()));
        } else if (key == "sections") {
            if (!pair.second.IsSequence())
                return unexpected(c.at(pair.second, "sections must be a list of sections"));
            has_sections = true;
            for (const YAML::Node& item : pair.second) {
                auto spec = read_section(c, item);
                if (!spec) return unexpected(std::move(spec.error()));
                for (const SectionSpec& other : cv.sections)
                    if (other.id == spec->id)
                        return unexpected(
                            c.at(item, "two sections have the id '" + spec->id + "'"));
                cv.sections.push_back(std::move(*spec));
            }
        } else {
            return unexpected(c.at(pair.first, "unknown key '" + key + "' (highlight, sections)"));
        }
    }
    if (!has_sections) cv.sections = default_sections();
    return cv;
}

SectionSpec section(std::string id, std::string title, std::string query, std::string prefix,
                    Layout layout = Layout::publication) {
    SectionSpec spec;
    spec.id = std::move(id);
    spec.title = std::move(title);
    spec.query = std::move(query);
    spec.prefix = std::move(prefix);
    spec.layout = layout;
    spec.sort_by = layout == Layout::publication ? std::vector<std::string>{"year", "month_numeric"}
                                                 : std::vector<std::string>{"date", "year"};
    return spec;
}

} // namespace

std::string_view to_string(Layout layout) {
    switch (layout) {
    case Layout::publication:
        return "publication";
    case Layout::talk:
        return "talk";
    case Layout::course:
        return "course";
    }
    return "publication";
}

std::vector<SectionSpec> default_sections() {
    return {
        section("journal", "Journal articles", "@article[journal!~^arXiv]", "J"),
        section("conference", "Conference papers", "@inproceedings, @conference", "C"),
        section("preprints", "Preprints and reports",
                "@misc[eprint || arxiv], @article[journal~=^arXiv], @unpublished, @techreport",
                "P"),
        section("books", "Books and book chapters", "@book, @incollection, @inbook", "B"),
        section("theses", "Theses", "@phdthesis, @mastersthesis, @thesis", ""),
        section("talks", "Invited and contributed talks", "@talk", "T", Layout::talk),
        section("teaching", "Teaching",
                "@course, @*[keywords~=(?i)(^|[,;]\\s*)teaching\\s*([,;]|$)]", "", Layout::course),
    };
}

Expected<CvConfig, ConfigError> parse_cv_config(std::string_view yaml, const std::string& file) {
    const Context c{file};
    try {
        return read_document(c, YAML::Load(std::string(yaml)));
    } catch (const YAML::DeepRecursion& exception) {
        return unexpected(c.at(YAML::Node(), "invalid YAML: nested too deeply"));
    } catch (const YAML::Exception& exception) {
        ConfigError error{file, 0, 0, "invalid YAML: " + exception.msg};
        if (!exception.mark.is_null()) {
            error.line = static_cast<std::uint32_t>(exception.mark.line) + 1;
            error.column = static_cast<std::uint32_t>(exception.mark.column) + 1;
        }
        return unexpected(std::move(error));
    }
}

Expected<CvConfig, ConfigError> read_cv_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected(ConfigError{path, 0, 0, "cannot read the file"});
    std::ostringstream text;
    text << in.rdbuf();
    return parse_cv_config(text.str(), path);
}

} // namespace bibkit::cv
