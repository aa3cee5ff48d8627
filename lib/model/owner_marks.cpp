// The owner's name in bold from marks set on the model (owner_marks.hpp); moved here from the
// CV module so that web pages highlight names the same way.

#include <algorithm>
#include <bibkit/model/owner_marks.hpp>

namespace bibkit::model {

namespace {

// Given-name forms are compared with CSL output text, which has only these escapes: a form
// with any other character special to some markup is not tried.
bool is_comparable(std::string_view form) {
    return !form.empty() && form.find_first_of("\\{}%#&_$^~<>*[]`'\"|") == std::string_view::npos;
}

std::vector<std::string> initials_of(std::string_view given) {
    std::vector<std::string> words; // each word's first letter
    std::vector<char> separators;   // before each word after the first: ' ' or '-'
    std::size_t i = 0;
    while (i < given.size()) {
        while (i < given.size() && (given[i] == ' ' || given[i] == '.' || given[i] == '-')) {
            if (!words.empty() && separators.size() < words.size())
                separators.push_back(given[i] == '-' ? '-' : ' ');
            else if (given[i] == '-' && !separators.empty())
                separators.back() = '-';
            ++i;
        }
        if (i >= given.size()) break;
        std::size_t size = 1;
        while (i + size < given.size() &&
               (static_cast<unsigned char>(given[i + size]) & 0xC0) == 0x80)
            ++size;
        words.emplace_back(given.substr(i, size));
        while (i < given.size() && given[i] != ' ' && given[i] != '.' && given[i] != '-') ++i;
    }
    if (words.empty()) return {};
    std::vector<std::string> forms(4);
    for (std::size_t w = 0; w < words.size(); ++w) {
        const bool hyphen = w > 0 && w - 1 < separators.size() && separators[w - 1] == '-';
        if (w > 0) {
            forms[0] += hyphen ? "-" : " "; // J.-P. / J. P.
            forms[1] += hyphen ? "-" : "";  // J.-P. / J.P.
            forms[2] += hyphen ? "-" : " "; // J-P / J P
            forms[3] += hyphen ? "-" : "";  // JP
        }
        forms[0] += words[w] + ".";
        forms[1] += words[w] + ".";
        forms[2] += words[w];
        forms[3] += words[w];
    }
    return forms;
}

bool is_boundary(char ch) {
    return ch == ' ' || ch == '{' || ch == '}' || ch == '>' || ch == '(' || ch == ',' ||
           ch == '*' || ch == '~';
}

// The given-name form rendered right after `end` (", É." or " É"), or 0.
std::size_t after_given(std::string_view text, std::size_t end,
                        std::span<const std::string> forms) {
    for (std::string_view separator : {", ", " ", "\xC2\xA0"}) {
        if (text.substr(end, separator.size()) != separator) continue;
        for (const std::string& form : forms) {
            const std::size_t stop = end + separator.size() + form.size();
            if (text.substr(end + separator.size(), form.size()) != form) continue;
            if (stop == text.size() || is_boundary(text[stop]) || text[stop] == '.' ||
                text[stop] == ';')
                return stop - end;
        }
    }
    return 0;
}

// The given-name form rendered right before `begin` ("É. " or "Élodie~"), or 0.
std::size_t before_given(std::string_view text, std::size_t begin,
                         std::span<const std::string> forms) {
    for (std::string_view separator : {" ", "~", "\xC2\xA0"}) {
        if (begin < separator.size() ||
            text.substr(begin - separator.size(), separator.size()) != separator)
            continue;
        const std::size_t form_end = begin - separator.size();
        for (const std::string& form : forms) {
            if (form_end < form.size() || text.substr(form_end - form.size(), form.size()) != form)
                continue;
            const std::size_t start = form_end - form.size();
            if (start == 0 || is_boundary(text[start - 1])) return begin - start;
        }
    }
    return 0;
}

} // namespace

std::vector<std::string> given_name_forms(std::string_view given) {
    std::vector<std::string> forms;
    if (is_comparable(given)) forms.emplace_back(given);
    for (std::string& form : initials_of(given))
        if (is_comparable(form) && std::find(forms.begin(), forms.end(), form) == forms.end())
            forms.push_back(std::move(form));
    std::stable_sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
        return a.size() > b.size();
    });
    return forms;
}

void mark_owner(Person& person) {
    person.family = std::string(k_owner_open) + person.family + std::string(k_owner_close);
}

std::string apply_owner_marks(std::string_view rendered, const OwnerBold& bold,
                              std::span<const std::string> given_forms) {
    std::string out;
    std::size_t done = 0; // rendered[0, done) is in `out`
    while (true) {
        const std::size_t open = rendered.find(k_owner_open, done);
        if (open == std::string_view::npos) break;
        const std::size_t inner = open + k_owner_open.size();
        const std::size_t close = rendered.find(k_owner_close, inner);
        const std::size_t next_open = rendered.find(k_owner_open, inner);
        if (close == std::string_view::npos || next_open < close) {
            out.append(rendered.substr(done, open - done)); // a stray marker: dropped
            done = inner;
            continue;
        }
        const std::string_view name = rendered.substr(inner, close - inner);
        const std::size_t after = close + k_owner_close.size();
        if (!bold.can_wrap(name)) {
            out.append(rendered.substr(done, open - done));
            out.append(name);
            done = after;
            continue;
        }
        // Given names before the marked one are already in `out`: take them back.
        const std::size_t pending = open - done;
        out.append(rendered.substr(done, pending));
        const std::size_t before = std::min(before_given(out, out.size(), given_forms), pending);
        const std::string prefix = out.substr(out.size() - before);
        out.resize(out.size() - before);
        const std::size_t following = after_given(rendered, after, given_forms);
        out.append(bold.open);
        out.append(prefix);
        out.append(name);
        out.append(rendered.substr(after, following));
        out.append(bold.close);
        done = after + following;
    }
    out.append(rendered.substr(done));
    // A marker that came from the input rather than from mark_owner.
    for (std::string_view marker : {k_owner_open, k_owner_close})
        for (std::size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at))
            out.erase(at, marker.size());
    return out;
}

} // namespace bibkit::model
