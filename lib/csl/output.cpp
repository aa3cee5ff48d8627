#include "output.hpp"

#include <cctype>

namespace bibkit::csl::detail {

bool OutNode::empty() const {
    if (!is_span) return text.empty();
    for (const OutNode& c : children) {
        if (!c.empty()) return false;
    }
    return true;
}

namespace {

class Writer {
  public:
    Writer(std::string& out, const OutputFormat& format, const QuoteMarks& quotes)
        : m_out(out), m_format(format), m_quotes(quotes) {}

    void node(const OutNode& n) {
        if (n.is_math) return math(n);
        if (!n.is_span) return text(n.text);
        if (n.empty()) return;
        Markup display_markup{};
        bool has_display = display(n.display, display_markup);
        // A display block holds its affixes.
        if (has_display) open(display_markup);
        text(n.prefix);
        State saved = m_state;
        Markup opened[5];
        int count = open_formatting(n.fmt, opened);
        if (n.quotes) open_quote();
        bool first = true;
        for (const OutNode& c : n.children) {
            if (c.empty()) continue;
            if (!first) text(n.delimiter);
            first = false;
            node(c);
        }
        if (n.quotes) close_quote();
        for (int i = count - 1; i >= 0; --i) close(opened[i]);
        m_state = saved;
        text(n.suffix);
        if (has_display) close(display_markup);
    }

    void finish() { flush_pending(); }

  private:
    struct State {
        bool italic = false, bold = false, small_caps = false;
        int quote_depth = 0;
    };

    static bool display(Display d, Markup& m) {
        switch (d) {
        case Display::block:
            m = Markup::block;
            return true;
        case Display::left_margin:
            m = Markup::left_margin;
            return true;
        case Display::right_inline:
            m = Markup::right_inline;
            return true;
        case Display::indent:
            m = Markup::indent;
            return true;
        case Display::none:
            return false;
        }
        return false;
    }

    // Nested italics (bold, small caps) flip to normal, as citeproc-js does.
    int open_formatting(const Formatting& f, Markup* opened) {
        int n = 0;
        auto flip = [&](bool& state, bool want, bool explicit_normal, Markup on, Markup off) {
            if (want) {
                opened[n++] = state ? off : on;
                state = !state;
            } else if (explicit_normal && state) {
                opened[n++] = off;
                state = false;
            }
        };
        flip(m_state.italic, f.font_style == FontStyle::italic, f.font_style == FontStyle::normal,
             Markup::italic, Markup::normal_style);
        if (f.font_style == FontStyle::oblique) opened[n++] = Markup::oblique;
        flip(m_state.small_caps, f.font_variant == FontVariant::small_caps,
             f.font_variant == FontVariant::normal, Markup::small_caps, Markup::normal_variant);
        flip(m_state.bold, f.font_weight == FontWeight::bold, f.font_weight == FontWeight::normal,
             Markup::bold, Markup::normal_weight);
        if (f.font_weight == FontWeight::light) opened[n++] = Markup::light;
        if (f.text_decoration == TextDecoration::underline) opened[n++] = Markup::underline;
        if (f.vertical_align == VerticalAlign::sup)
            opened[n++] = Markup::superscript;
        else if (f.vertical_align == VerticalAlign::sub)
            opened[n++] = Markup::subscript;
        for (int i = 0; i < n; ++i) open(opened[i]);
        return n;
    }

    void open(Markup m) {
        flush_pending();
        m_format.open(m_out, m);
    }
    void close(Markup m) {
        if (!m_pending.empty()) return m_format.close(m_pending, m);
        m_format.close(m_out, m);
    }

    void open_quote() {
        text(m_state.quote_depth % 2 == 0 ? m_quotes.open : m_quotes.open_inner);
        ++m_state.quote_depth;
    }
    void close_quote() {
        --m_state.quote_depth;
        flush_pending();
        m_format.escape(m_pending,
                        m_state.quote_depth % 2 == 0 ? m_quotes.close : m_quotes.close_inner);
    }

    void flush_pending() {
        m_out += m_pending;
        m_pending.clear();
    }

    void text(std::string_view s) {
        if (s.empty()) return;
        if (s.front() == '.' && (m_last == '.' || m_last == '?' || m_last == '!'))
            s.remove_prefix(1);
        else if (s.front() == ' ' && m_last == ' ')
            s.remove_prefix(1);
        else if ((s.front() == ',' || s.front() == ';' || s.front() == ':') &&
                 m_last == s.front()) {
            s.remove_prefix(1);
        }
        if (s.empty()) return;
        if (!m_pending.empty()) {
            if (m_quotes.punctuation_in_quote && (s.front() == '.' || s.front() == ',')) {
                m_format.escape(m_out, s.substr(0, 1));
                s.remove_prefix(1);
            }
            flush_pending();
        }
        if (s.find_first_of("\"'") == std::string_view::npos) {
            m_format.escape(m_out, s);
            m_last = s.back();
        } else {
            write_with_quotes(s);
        }
    }

    void math(const OutNode& n) {
        if (n.text.empty() && n.math_tex.empty()) return;
        flush_pending();
        const std::size_t before = m_out.size();
        if (!m_format.math(m_out, n.math_tex, n.display_math)) {
            m_out.resize(before);
            return text(n.text);
        }
        // Punctuation after it merges with the rendering's last character, as with text.
        if (!n.text.empty()) m_last = n.text.back();
    }

    // Straight double quotes in data open at a word start and close elsewhere; inside quotes
    // they become the inner marks.
    void write_with_quotes(std::string_view s) {
        char before = m_last;
        for (std::size_t i = 0; i < s.size(); ++i) {
            char ch = s[i];
            if (ch != '"' && ch != '\'') continue;
            char previous = i > 0 ? s[i - 1] : before;
            char next = i + 1 < s.size() ? s[i + 1] : '\0';
            bool opening =
                (previous == '\0' || previous == ' ' || previous == '(' || previous == '[') &&
                next != ' ';
            bool is_single = ch == '\'';
            // A single quote between letters, or closing nothing, is an apostrophe.
            if (is_single && !opening && !m_single_open) continue;
            if (is_single && !opening && std::isalpha(static_cast<unsigned char>(next))) continue;
            plain(s.substr(0, i));
            bool inner = m_state.quote_depth % 2 == 1;
            if (opening) {
                if (is_single) m_single_open = true;
                plain(inner ? m_quotes.open_inner : m_quotes.open);
            } else {
                if (is_single) m_single_open = false;
                // A closing quote from the data moves punctuation in like a styled one.
                flush_pending();
                m_format.escape(m_pending, inner ? m_quotes.close_inner : m_quotes.close);
            }
            m_last = ch == '"' ? '"' : '\'';
            return text(s.substr(i + 1));
        }
        plain(s);
    }

    // Text with no quote marks to interpret.
    void plain(std::string_view s) {
        if (s.empty()) return;
        if (!m_pending.empty()) flush_pending();
        m_format.escape(m_out, s);
        m_last = s.back();
    }

    std::string& m_out;
    const OutputFormat& m_format;
    const QuoteMarks& m_quotes;
    State m_state;
    std::string m_pending; // a closing quote and the closing tags after it
    char m_last = '\0';
    bool m_single_open = false;
};

void append_plain(std::string& out, const OutNode& n) {
    if (!n.is_span) {
        out += n.text;
        return;
    }
    if (n.empty()) return;
    out += n.prefix;
    bool first = true;
    for (const OutNode& c : n.children) {
        if (c.empty()) continue;
        if (!first) out += n.delimiter;
        first = false;
        append_plain(out, c);
    }
    out += n.suffix;
}

} // namespace

void write_output(std::string& out, const OutNode& node, const OutputFormat& format,
                  const QuoteMarks& quotes) {
    Writer writer(out, format, quotes);
    writer.node(node);
    writer.finish();
}

std::string plain_text(const OutNode& node) {
    std::string out;
    append_plain(out, node);
    return out;
}

} // namespace bibkit::csl::detail
