// The CV as web pages: one Markdown page and one HTML fragment, from the same sections.

#include "flavor_common.hpp"

#include <bibkit/text/html.hpp>
#include <bibkit/text/link_policy.hpp>
#include <bibkit/text/markdown.hpp>

namespace bibkit::cv::detail {

namespace {

// A URL inside Markdown's (…): the characters that would end or break it percent-encoded.
std::string markdown_url(std::string_view url) {
    static constexpr std::string_view k_hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : url) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte <= 0x20 || ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '"' ||
            ch == '\\' || ch == '[' || ch == ']' || byte == 0x7F) {
            out += '%';
            out += k_hex[byte >> 4];
            out += k_hex[byte & 0xF];
        } else {
            out += ch;
        }
    }
    return out;
}

class MarkdownFlavor final : public Flavor {
  public:
    std::string_view name() const override { return "markdown"; }
    Markup markup() const override { return Markup::markdown; }
    std::vector<OutputFile> write(std::span<const CvSection> sections) const override {
        std::string out;
        for (const CvSection& section : sections) {
            if (section.entries.empty()) continue;
            out += "## ";
            text::append_markdown_escaped(out, section.spec.title);
            out += "\n\n";
            for (const CvEntry& entry : section.entries) out += item(entry);
            out += "\n";
        }
        return {{"cv.md", std::move(out)}};
    }

  private:
    static std::string item(const CvEntry& entry) {
        std::string out = "- ";
        if (!entry.number.empty()) {
            out += "\\[";
            text::append_markdown_escaped(out, entry.number);
            out += "\\] ";
        }
        if (entry.layout == Layout::publication) {
            out += entry.citation;
        } else {
            out += with_period("*" + entry.title + "*");
            const std::string details = entry_details(entry);
            if (!details.empty()) out += " " + with_period(details);
        }
        for (std::size_t i = 0; i < entry.links.size(); ++i) {
            out += i == 0 ? " " : " · ";
            out += "[";
            text::append_markdown_escaped(out, entry.links[i].label);
            out += "](" + markdown_url(entry.links[i].url) + ")";
        }
        return out + "\n";
    }
};

class HtmlFlavor final : public Flavor {
  public:
    std::string_view name() const override { return "html"; }
    Markup markup() const override { return Markup::html; }
    std::vector<OutputFile> write(std::span<const CvSection> sections) const override {
        std::string out;
        for (const CvSection& section : sections) {
            out +=
                "<section class=\"cv-section\" id=\"cv-" + safe_key(section.spec.id) + "\">\n<h2>";
            text::append_html_escaped(out, section.spec.title);
            out += "</h2>\n<ol class=\"cv-entries\">\n";
            for (const CvEntry& entry : section.entries) out += item(entry);
            out += "</ol>\n</section>\n";
        }
        return {{"cv.html", std::move(out)}};
    }

  private:
    static std::string item(const CvEntry& entry) {
        std::string out = "<li id=\"" + safe_key(entry.key) + "\">";
        if (!entry.number.empty()) {
            out += "<span class=\"cv-number\">[";
            text::append_html_escaped(out, entry.number);
            out += "]</span> ";
        }
        if (entry.layout == Layout::publication) {
            out += entry.citation;
        } else {
            out += with_period("<em>" + entry.title + "</em>");
            const std::string details = entry_details(entry);
            if (!details.empty()) out += " " + with_period(details);
        }
        for (const CvLink& link : entry.links) {
            if (!text::is_linkable_url(link.url)) continue;
            out += " <a class=\"cv-link\" href=\"";
            text::append_html_escaped(out, link.url);
            out += "\">";
            text::append_html_escaped(out, link.label);
            out += "</a>";
        }
        return out + "</li>\n";
    }
};

} // namespace

std::unique_ptr<Flavor> make_markdown_flavor() {
    return std::make_unique<MarkdownFlavor>();
}
std::unique_ptr<Flavor> make_html_flavor() {
    return std::make_unique<HtmlFlavor>();
}

} // namespace bibkit::cv::detail
