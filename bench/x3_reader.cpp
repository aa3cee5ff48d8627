#include "x3_reader.hpp"

#include <array>
#include <boost/spirit/home/x3.hpp>

namespace bibkit::bench::x3_reader {

namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

// ---------------------------------------------------------------------------------------------
// Byte classes, as BibTeX 0.99d (and bibkit's scanner) define them. Attribute-less character
// parsers: nothing below ever synthesizes a std::string, every span is taken with x3::raw[].

enum : std::uint8_t { c_ident = 1, c_space = 2, c_digit = 4 };

constexpr std::array<std::uint8_t, 256> make_classes() {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        bool illegal = c <= 0x20 || c == 0x7F || c == '"' || c == '#' || c == '%' || c == '\'' ||
                       c == '(' || c == ')' || c == ',' || c == '=' || c == '{' || c == '}';
        if (!illegal) classes[static_cast<std::size_t>(c)] |= c_ident;
        if (c >= '0' && c <= '9') classes[static_cast<std::size_t>(c)] |= c_digit;
    }
    for (char c : {' ', '\t', '\n', '\r', '\f', '\v'})
        classes[static_cast<unsigned char>(c)] |= c_space;
    return classes;
}

constexpr std::array<std::uint8_t, 256> k_classes = make_classes();

template <std::uint8_t Mask> struct byte_class_parser : x3::char_parser<byte_class_parser<Mask>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Char, typename Context> bool test(Char ch, Context const&) const {
        return (k_classes[static_cast<unsigned char>(ch)] & Mask) != 0;
    }
};

byte_class_parser<c_ident> const id_char{};
byte_class_parser<c_space> const space_char{};
byte_class_parser<c_digit> const digit_char{};

// ---------------------------------------------------------------------------------------------
// The builder the semantic actions fill, reached through x3::with<>.

struct state_tag;

struct State {
    Result& result;
    Entry entry;           // the command being read
    std::string_view name; // the field being read
    std::uint32_t first_part = 0;
    // Sizes at the start of the current command, to drop what a failed command pushed.
    std::size_t mark_fields = 0;
    std::size_t mark_parts = 0;
};

inline std::string_view view(boost::iterator_range<Iterator> const& range) {
    return {range.begin(), static_cast<std::size_t>(range.end() - range.begin())};
}

template <typename Context> State& state(Context const& ctx) {
    return x3::get<state_tag>(ctx);
}

auto const save_mark = [](auto& ctx) {
    State& s = state(ctx);
    s.mark_fields = s.result.fields.size();
    s.mark_parts = s.result.parts.size();
};
auto const rollback = [](auto& ctx) {
    State& s = state(ctx);
    s.result.fields.resize(s.mark_fields);
    s.result.parts.resize(s.mark_parts);
    ++s.result.stray_ats;
};
auto begin_command(CommandKind kind) {
    return [kind](auto& ctx) {
        State& s = state(ctx);
        s.entry = Entry{
            kind, view(x3::_attr(ctx)), {}, static_cast<std::uint32_t>(s.result.fields.size()), 0};
    };
}
auto const set_key = [](auto& ctx) { state(ctx).entry.key = view(x3::_attr(ctx)); };
auto const end_command = [](auto& ctx) {
    State& s = state(ctx);
    s.entry.field_count = static_cast<std::uint32_t>(s.result.fields.size()) - s.entry.first_field;
    s.result.entries.push_back(s.entry);
};
auto const on_comment = [](auto& ctx) { ++state(ctx).result.comments; };
auto const begin_field = [](auto& ctx) {
    State& s = state(ctx);
    s.name = view(x3::_attr(ctx));
    s.first_part = static_cast<std::uint32_t>(s.result.parts.size());
};
auto const end_field = [](auto& ctx) {
    State& s = state(ctx);
    auto count = static_cast<std::uint32_t>(s.result.parts.size()) - s.first_part;
    s.result.fields.push_back(Field{s.name, view(x3::_attr(ctx)), s.first_part, count});
};
auto push_part(PartKind kind) {
    return [kind](auto& ctx) {
        state(ctx).result.parts.push_back(Part{view(x3::_attr(ctx)), kind});
    };
}

// ---------------------------------------------------------------------------------------------
// The grammar.

x3::rule<class braced_class> const braced = "braced";
x3::rule<class parened_class> const parened = "parened";
x3::rule<class quoted_class> const quoted = "quoted";
x3::rule<class value_class> const value = "value";
x3::rule<class field_class> const field = "field";
x3::rule<class entry_command_class> const entry_command = "entry_command";
x3::rule<class string_command_class> const string_command = "string_command";
x3::rule<class preamble_command_class> const preamble_command = "preamble_command";
x3::rule<class comment_command_class> const comment_command = "comment_command";
x3::rule<class command_class> const command = "command";
x3::rule<class file_class> const file = "file";

auto const ws = *space_char;
auto const identifier = +id_char;
auto const number = +digit_char;

// {balanced braces}; "quoted, with {balanced} braces"; (balanced parentheses, for @comment(...)).
auto const braced_def = '{' >> *(+~x3::char_("{}") | braced) >> '}';
auto const quoted_def = '"' >> *(+~x3::char_("{}\"") | braced) >> '"';
auto const parened_def = '(' >> *(+~x3::char_("()") | parened) >> ')';

// part # part # ...
auto const part =
    x3::raw[braced][push_part(PartKind::braced)] | x3::raw[quoted][push_part(PartKind::quoted)] |
    x3::raw[number][push_part(PartKind::number)] | x3::raw[identifier][push_part(PartKind::macro)];
auto const value_def = part >> *(ws >> '#' >> ws >> part);

// name = value (also the body of @string)
auto const field_def =
    x3::raw[!digit_char >> identifier][begin_field] >> ws >> '=' >> ws >> x3::raw[value][end_field];

// key, field, field, ... with an optional trailing comma, up to the closing delimiter.
template <char Close> auto entry_body() {
    auto const key_char = ~x3::char_(Close == '}' ? " \t\n\r\f\v,}" : " \t\n\r\f\v,)");
    return ws >> x3::raw[*key_char][set_key] >> ws >>
           (x3::lit(Close) |
            (',' >> ws >> *(field >> ws >> ((',' >> ws) | &x3::lit(Close))) >> x3::lit(Close)));
}

template <typename Keyword> auto keyword(Keyword const& word) {
    return x3::raw[x3::no_case[x3::lit(word)] >> !id_char];
}

auto const entry_command_def =
    !(x3::no_case[x3::lit("string") | x3::lit("preamble") | x3::lit("comment")] >> !id_char) >>
    x3::raw[identifier][begin_command(CommandKind::entry)] >> ws >>
    (('{' >> entry_body<'}'>()) | ('(' >> entry_body<')'>())) >> x3::eps[end_command];

auto const string_command_def =
    keyword("string")[begin_command(CommandKind::string)] >> ws >>
    (('{' >> ws >> field >> ws >> '}') | ('(' >> ws >> field >> ws >> ')')) >> x3::eps[end_command];

auto const preamble_value = x3::raw[x3::eps][begin_field] >> x3::raw[value][end_field];
auto const preamble_command_def = keyword("preamble")[begin_command(CommandKind::preamble)] >> ws >>
                                  (('{' >> ws >> preamble_value >> ws >> '}') |
                                   ('(' >> ws >> preamble_value >> ws >> ')')) >>
                                  x3::eps[end_command];

// @comment{balanced} or @comment(balanced); an undelimited one runs to the end of the line.
auto const comment_command_def = keyword("comment") >> ws >>
                                 (braced | parened | *~x3::char_('\n')) >> x3::eps[on_comment];

auto const command_def = x3::eps[save_mark] >> '@' >> ws >>
                         (comment_command | string_command | preamble_command | entry_command);

// Junk between commands runs up to the next '@'; an '@' that starts no command is junk too.
auto const junk = +~x3::char_('@');
auto const file_def = *(junk | command | x3::lit('@')[rollback]);

BOOST_SPIRIT_DEFINE(braced, parened, quoted, value, field, entry_command, string_command,
                    preamble_command, comment_command, command, file)

} // namespace

Result parse(std::string_view text) {
    Result result;
    // Reserved as generously as bibtex::parse reserves (large blocks are mapped lazily, so
    // the unused tail costs address space only): one allocation per vector, never a regrowth.
    result.entries.reserve(text.size() / 96 + 16);
    result.fields.reserve(text.size() / 24 + 16);
    result.parts.reserve(text.size() / 24 + 16);
    State state{result, {}, {}, 0, 0, 0};
    Iterator first = text.data();
    Iterator last = text.data() + text.size();
    bool ok = x3::parse(first, last, x3::with<state_tag>(state)[file]);
    result.consumed_all = ok && first == last;
    return result;
}

} // namespace bibkit::bench::x3_reader
