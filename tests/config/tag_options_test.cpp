// The options of {% bibliography %} tags, from the oracle cases' pages
// (../shared/jekyll-scholar/cases/NN_*/page.md, NN in each row), and the command line.

#include <bibkit/config/tag_options.hpp>
#include <gtest/gtest.h>

namespace bibkit::config {
namespace {

using List = StringList;

TagOptions parsed(std::string_view arguments) {
    auto options = parse_tag_options(arguments);
    EXPECT_TRUE(options) << arguments << ": " << (options ? "" : to_string(options.error()));
    return options ? *options : TagOptions{};
}

Settings settings_of(std::string_view arguments) {
    return applied(Settings{}, parsed(arguments).overrides);
}

ConfigError error_of(std::string_view arguments) {
    auto options = parse_tag_options(arguments);
    EXPECT_FALSE(options) << arguments;
    return options ? ConfigError{} : options.error();
}

struct QueryCase {
    const char* case_number;
    const char* query;
};

// Every `-q QUERY` of the cases whose tag has no other option: the query is everything after
// -q, spaces, quotes, brackets, backslashes and commas included.
constexpr QueryCase k_query_cases[] = {
    {"02", R"(@article)"},
    {"04", R"(@ARTICLE)"},
    {"04", R"(@article, @book)"},
    {"04", R"(@book[year=2025] || @misc[year=2024])"},
    {"04", R"(@inproceedings @incollection)"},
    {"04", R"(@techreport||@phdthesis||@mastersthesis)"},
    {"05", R"(@*[project=decentralized])"},
    {"05", R"(@*[project=stoch-opt])"},
    {"05", R"(@*[project~=^(sparse-nets|decentralized)$])"},
    {"05", R"(@*[project~=stoch-opt])"},
    {"07", R"(@*[year<2019 && author~=Durand])"},
    {"07", R"(@*[year<2021 && author~=Bernard])"},
    {"07", R"(@*[year>2020 && author~=Cruz])"},
    {"07", R"(@article[year<=2020, author^=Wei])"},
    {"09", R"(@*[arxiv])"},
    {"09", R"(@*[doi])"},
    {"09", R"(@*[selected=true])"},
    {"09", R"(@*[selected=true]*)"},
    {"09", R"(@*[url])"},
    {"10", R"(@*[note!=Oral presentation])"},
    {"10", R"(@*[note!~.])"},
    {"10", R"(@*[note])"},
    {"10", R"(@misc[!note])"},
    {"12", R"(@*[month=7])"},
    {"12", R"(@*[month=jun])"},
    {"12", R"(@*[month=sep])"},
    {"12", R"(@*[month_numeric=3])"},
    {"12", R"(@*[month_numeric])"},
    {"12", R"(@*[month_numeric~=^1\d$])"},
    {"14", R"(@*[Year=2020])"},
    {"14", R"(@*[booktitle])"},
    {"14", R"(@*[key^=durand202])"},
    {"14", R"(@*[keywords=~sparse])"},
    {"14", R"(@*[selected="true"])"},
    {"14", R"(@*[type=Research Report])"},
    {"14", R"(@*[type=article])"},
    {"14", R"(@*[year>=2019][year<=2020])"},
    {"14", R"(@patent)"},
    {"15", R"(@*[author~=M{\\"u}ller])"},
    {"15", R"(@*[author~=Müller])"},
    {"15", R"(@*[booktitle~=Neural Information])"},
    {"15", R"(@*[journal=SIAM Journal on Optimization])"},
    {"15", R"(@*[title~=\$])"},
    {"15", R"(@*[title~=\\])"},
    {"42", R"(@*[title~=\\ || author~=\\ || school~=\\])"},
    {"44", R"(@*[booktitle~=Hardware])"},
    {"44", R"(@*[crossref=hlw2022])"},
    {"44", R"(@*[crossref])"},
    {"44", R"(@*[year=2022])"},
    {"44", R"(@inproceedings[editor~=Kim])"},
    {"45", R"(@*[year>=2022])"},
    {"47", R"(!@book)"},
    {"49", R"(@*[keywords~=(^|,\s*)thesis(,|$)])"},
    {"50", R"(@*[author~=Fellows && year>=2000])"},
    {"52", R"(@phdthesis)"},
    {"54", R"(!@article)"},
    {"54", R"(@*[author~=Bodlaender])"},
    {"54", R"(@*[month])"},
    {"54", R"(@*[title~=(?i)treewidth && year>=2008])"},
    {"54", R"(@*[year<1980])"},
    {"54", R"(@*[year>=2000])"},
    {"54", R"(@book[year>=1990] || @incollection)"},
    {"54", R"(@inproceedings)"},
    {"55", R"(@misc)"},
    {"57", R"(@techreport[institution~=Utrecht])"},
    {"60", R"(@*[month_numeric~=^1[0-2]$])"},
    {"62", R"(durand2024sparse)"},
};

TEST(TagOptionsCases, TheQueryIsTheRestOfTheTag) {
    for (const QueryCase& c : k_query_cases) {
        for (std::string_view form : {"-q ", "--query ", "  -q   "}) {
            const std::string arguments = std::string(form) + c.query + "  ";
            const TagOptions options = parsed(arguments);
            EXPECT_EQ(options.overrides.keys, (std::set<std::string, std::less<>>{"query"}))
                << "case " << c.case_number << ": " << arguments;
            EXPECT_EQ(options.overrides.values.query, c.query) << "case " << c.case_number;
            EXPECT_TRUE(options.positional.empty()) << "case " << c.case_number;
        }
    }
}

TEST(TagOptionsCases, NoArguments) {
    // Cases 17, 19, 22, 24 ...: {% bibliography %}
    for (std::string_view arguments : {"", " ", "\t\n"}) {
        const TagOptions options = parsed(arguments);
        EXPECT_TRUE(options.overrides.empty());
        EXPECT_TRUE(options.positional.empty());
    }
}

TEST(TagOptionsCases, LongQueryOption) {
    // Case 04f.
    EXPECT_EQ(settings_of("--query @article[year=2019] @inbook").query,
              "@article[year=2019] @inbook");
}

TEST(TagOptionsCases, GroupingFromTheTag) {
    // Case 20a.
    Settings settings = settings_of("--group_by year --group_order descending -q @*[year>=2021]");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_EQ(settings.group_order, List{"descending"});
    EXPECT_EQ(settings.query, "@*[year>=2021]");
    // Case 20b.
    settings = settings_of("-g type -G ascending -q @*[year>=2022]");
    EXPECT_EQ(settings.group_by, List{"type"});
    EXPECT_EQ(settings.group_order, List{"ascending"});
    EXPECT_EQ(settings.query, "@*[year>=2022]");
    // Case 20c: one group_order for both levels.
    settings = settings_of("--group_by year,type --group_order descending -q @*[year>=2022]");
    EXPECT_EQ(settings.group_by, (List{"year", "type"}));
    EXPECT_EQ(settings.group_order, List{"descending"});
    // Case 65 (jekyll-scholar crashes on entries without month; the option itself is fine).
    EXPECT_EQ(settings_of("--group_by month").group_by, List{"month"});
    // Case 47i: options after the query.
    settings = settings_of("-q @*[keywords~=sparse] --group_by year");
    EXPECT_EQ(settings.query, "@*[keywords~=sparse]");
    EXPECT_EQ(settings.group_by, List{"year"});
    // Case 44f: a query with spaces and ||, after another option.
    settings = settings_of("--group_by year -q @*[project=decentralized] || @proceedings");
    EXPECT_EQ(settings.query, "@*[project=decentralized] || @proceedings");
    // Seed 004: --group_by none after the query.
    settings = settings_of("--query @*[project=stochastic-optimization] --group_by none");
    EXPECT_EQ(settings.query, "@*[project=stochastic-optimization]");
    EXPECT_TRUE(settings.group_by.empty());
}

TEST(TagOptionsCases, ListTag) {
    // Cases 30a, 30b, 30c.
    Settings settings = settings_of("--bibliography_list_tag ul -q @article");
    EXPECT_EQ(settings.bibliography_list_tag, "ul");
    EXPECT_EQ(settings.query, "@article");
    settings = settings_of("-h ul -q @book");
    EXPECT_EQ(settings.bibliography_list_tag, "ul");
    EXPECT_EQ(settings.query, "@book");
    settings = settings_of("--group_by year -h ul -q @*[year>=2023]");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_EQ(settings.bibliography_list_tag, "ul");
}

TEST(TagOptionsCases, MaxAndOffset) {
    // Case 32 a-f; 47h.
    EXPECT_EQ(settings_of("--max 3").max, 3u);
    Settings settings = settings_of("--offset 2 --max 3");
    EXPECT_EQ(settings.offset, 2u);
    EXPECT_EQ(settings.max, 3u);
    EXPECT_EQ(settings_of("--max 0").max, 0u); // 0: everything, as jekyll-scholar
    settings = settings_of("--group_by year --max 2 -q @*[year>=2023]");
    EXPECT_EQ(settings.max, 2u);
    EXPECT_EQ(settings.query, "@*[year>=2023]");
    EXPECT_EQ(settings_of("--offset 20").offset, 20u);
    settings = settings_of("-m 2 -q @article");
    EXPECT_EQ(settings.max, 2u);
    EXPECT_EQ(settings.query, "@article");
}

TEST(TagOptionsCases, RemoveDuplicates) {
    // Case 37: jekyll-scholar splits the fields at ", ".
    EXPECT_EQ(settings_of("--remove_duplicates title, author").remove_duplicates,
              (Duplicates{true, {"title", "author"}}));
    // Cases 39b, 40a: no fields.
    EXPECT_EQ(settings_of("--remove_duplicates").remove_duplicates, (Duplicates{true, {}}));
    // Case 39c: the flag after the query.
    const Settings settings = settings_of("-q @article --remove_duplicates");
    EXPECT_EQ(settings.query, "@article");
    EXPECT_EQ(settings.remove_duplicates, (Duplicates{true, {}}));
    // bibkit also splits `title,author`, which jekyll-scholar took for one field.
    EXPECT_EQ(settings_of("-r title,author").remove_duplicates,
              (Duplicates{true, {"title", "author"}}));
    EXPECT_EQ(settings_of("-r -q @book").remove_duplicates, (Duplicates{true, {}}));
}

TEST(TagOptionsCases, SortByIsAnOptionNotTheEndOfOptions) {
    // Case 46 (README, "--sort_by trap"): jekyll-scholar drops every option after --sort_by.
    // bibkit deliberately reads them all.
    const Settings settings =
        settings_of("--sort_by year --order descending --query @*[year>=2022]");
    EXPECT_EQ(settings.sort_by, List{"year"});
    EXPECT_EQ(settings.order, List{"descending"});
    EXPECT_EQ(settings.query, "@*[year>=2022]");
    EXPECT_EQ(settings_of("--sort-by year,month").sort_by, (List{"year", "month"}));
}

TEST(TagOptionsCases, TypeOrderSetsTheTypeOrder) {
    // Case 28 (README, "--type_order bug"): jekyll-scholar's -O sets group_by. bibkit
    // deliberately sets type_order.
    const Settings settings = settings_of("--group_by type --type_order article,book");
    EXPECT_EQ(settings.group_by, List{"type"});
    EXPECT_EQ(settings.type_order, (List{"article", "book"}));
    EXPECT_EQ(settings_of("-O Book").type_order, List{"book"});
    EXPECT_EQ(settings_of("--type-order misc").type_order, List{"misc"});
}

TEST(TagOptions, EveryJekyllScholarOption) {
    // utilities.rb's optparse, short and long.
    struct Row {
        const char* short_form;
        const char* long_form;
        const char* key;
    };
    const Row rows[] = {
        {"-c", "--cited", "cited"},
        {"-C", "--cited_in_order", "cited"},
        {nullptr, "--clear", "clear"},
        {"-r", "--remove_duplicates", "remove_duplicates"},
        {"-A", "--suppress_author", "suppress_author"},
        {"-f", "--file", "bibliography"},
        {"-q", "--query", "query"},
        {"-h", "--bibliography_list_tag", "bibliography_list_tag"},
        {"-p", "--prefix", "prefix"},
        {"-t", "--text", "text"},
        {"-l", "--locator", "locators"},
        {"-L", "--label", "labels"},
        {"-o", "--offset", "offset"},
        {"-m", "--max", "max"},
        {"-s", "--style", "style"},
        {"-g", "--group_by", "group_by"},
        {"-G", "--group_order", "group_order"},
        {"-O", "--type_order", "type_order"},
        {"-T", "--template", "bibliography_template"},
    };
    for (const Row& row : rows) {
        const OptionSpec* spec = find_option(row.long_form);
        ASSERT_NE(spec, nullptr) << row.long_form;
        EXPECT_TRUE(spec->jekyll_scholar) << row.long_form;
        EXPECT_EQ(spec->key, row.key) << row.long_form;
        if (row.short_form) {
            EXPECT_EQ(find_option(row.short_form), spec) << row.short_form;
        }
    }
    EXPECT_EQ(option_specs().size(), std::size(rows) + 4); // and bibkit's four
}

TEST(TagOptions, AnySpelling) {
    const OptionSpec* spec = find_option("--group_by");
    ASSERT_NE(spec, nullptr);
    for (std::string_view spelling : {"-g", "--group-by", "group_by", "group-by"})
        EXPECT_EQ(find_option(spelling), spec) << spelling;
    for (std::string_view spelling : {"-group_by", "--g", "g", "-", "--", "", "-x", "--Query"})
        EXPECT_EQ(find_option(spelling), nullptr) << spelling;
    EXPECT_EQ(find_option("--cited-in-order"), find_option("-C"));
    EXPECT_EQ(find_option("--bibliography-list-tag"), find_option("-h"));
    EXPECT_EQ(find_option("--remove-duplicates"), find_option("-r"));
    EXPECT_EQ(find_option("--suppress-author"), find_option("-A"));
    for (std::string_view own : {"--sort_by", "--order", "--locale", "--bibliography_group_tag"}) {
        ASSERT_NE(find_option(own), nullptr) << own;
        EXPECT_FALSE(find_option(own)->jekyll_scholar) << own;
    }
}

TEST(TagOptions, DashedSpellingsInTags) {
    const Settings settings = settings_of(
        "--group-by year --group-order descending --sort-by month --bibliography-list-tag ul");
    EXPECT_EQ(settings.group_by, List{"year"});
    EXPECT_EQ(settings.group_order, List{"descending"});
    EXPECT_EQ(settings.sort_by, List{"month"});
    EXPECT_EQ(settings.bibliography_list_tag, "ul");
}

TEST(TagOptions, ValuesAfterAnEqualsSign) {
    const Settings settings = settings_of("--query=@*[year>=2020] --max=3 --group_by=year");
    EXPECT_EQ(settings.query, "@*[year>=2020]");
    EXPECT_EQ(settings.max, 3u);
    EXPECT_EQ(settings.group_by, List{"year"});
    // An = inside a value is the value's.
    EXPECT_EQ(settings_of("-q @*[year=2020]").query, "@*[year=2020]");
}

TEST(TagOptions, Flags) {
    EXPECT_EQ(settings_of("-c").cited, Citations::cited);
    EXPECT_EQ(settings_of("--cited_in_order").cited, Citations::cited_in_order);
    EXPECT_TRUE(settings_of("--clear").clear);
    EXPECT_TRUE(settings_of("-A").suppress_author);
    const Settings settings = settings_of("-c -q @article");
    EXPECT_EQ(settings.cited, Citations::cited);
    EXPECT_EQ(settings.query, "@article");
}

TEST(TagOptions, PositionalWords) {
    // {% cite key1 key2 -l 23 %}: the keys come first; words after a flag are positional too.
    TagOptions options = parsed("durand2024sparse durand2019convex -l 23 -L page");
    EXPECT_EQ(options.positional, (List{"durand2024sparse", "durand2019convex"}));
    EXPECT_EQ(options.overrides.values.locators, List{"23"});
    EXPECT_EQ(options.overrides.values.labels, List{"page"});
    options = parsed("--cited extra words");
    EXPECT_EQ(options.positional, (List{"extra", "words"}));
    options = parsed("'a key' \"another one\" plain");
    EXPECT_EQ(options.positional, (List{"a key", "another one", "plain"}));
}

TEST(TagOptions, RepeatedOptions) {
    // -f, -l and -L collect; the others keep their last value, as OptionParser.
    Settings settings = settings_of("-f papers.bib -f talks.bib -q @article -q @book");
    EXPECT_EQ(settings.bibliography, (List{"papers.bib", "talks.bib"}));
    EXPECT_EQ(settings.query, "@book");
    settings = settings_of("-l 1 -L page -l 2 -L chapter");
    EXPECT_EQ(settings.locators, (List{"1", "2"}));
    EXPECT_EQ(settings.labels, (List{"page", "chapter"}));
    // A file name is never split at commas or spaces.
    EXPECT_EQ(settings_of("--file my papers,2024.bib").bibliography, List{"my papers,2024.bib"});
}

TEST(TagOptions, QuotedValues) {
    EXPECT_EQ(settings_of(R"(-q "@*[title~=a -b]" -g year)").query, "@*[title~=a -b]");
    EXPECT_EQ(settings_of(R"(-q '@*[title~=x --max 2]')").query, "@*[title~=x --max 2]");
    EXPECT_EQ(settings_of(R"(--query="@*[title=\"x\"]")").query, R"(@*[title="x"])");
    EXPECT_EQ(settings_of(R"(-T "{{key}}: {{entry.title}}")").bibliography_template,
              "{{key}}: {{entry.title}}");
    // Backslashes other than \" stay: regular expressions keep theirs.
    EXPECT_EQ(settings_of(R"(-q "@*[title~=\\]")").query, R"(@*[title~=\\])");
    // Quotes that do not start the value belong to it (case 14h).
    EXPECT_EQ(settings_of(R"(-q @*[selected="true"])").query, R"(@*[selected="true"])");
    EXPECT_EQ(settings_of(R"(-q @*[author~=O'Brien] -g year)").query, "@*[author~=O'Brien]");
    EXPECT_EQ(settings_of(R"(-q "")").query, "");
}

TEST(TagOptions, QuotingErrors) {
    ConfigError error = error_of(R"(-q "@*[title~=a)");
    EXPECT_EQ(error.message, "unterminated quote");
    EXPECT_EQ(error.column, 4u);
    error = error_of(R"(-q "@article"x)");
    EXPECT_EQ(error.message, "unexpected text after the closing quote");
    EXPECT_EQ(error.column, 14u);
}

TEST(TagOptions, DashesInsideValues) {
    // Only a word starting with - and a letter (or -- and a letter) is an option.
    EXPECT_EQ(settings_of("-q @*[project=stoch-opt]").query, "@*[project=stoch-opt]");
    EXPECT_EQ(settings_of("-q @*[year > -1] -m 2").query, "@*[year > -1]");
    EXPECT_EQ(settings_of("-q @*[title~=a - b]").query, "@*[title~=a - b]");
    EXPECT_EQ(settings_of("-q @*[title~=a -- b]").query, "@*[title~=a -- b]");
}

TEST(TagOptions, UnknownOptionsAreErrors) {
    ConfigError error = error_of("--sortby year");
    EXPECT_EQ(error.message, "unknown option '--sortby'");
    EXPECT_EQ(error.column, 1u);
    EXPECT_TRUE(error.file.empty());
    error = error_of("-q @*[title~=a -b]");
    EXPECT_EQ(error.message, "unknown option '-b]' (quote a value that holds ' -')");
    EXPECT_EQ(error.column, 16u);
    EXPECT_EQ(error_of("-query @article").message, "unknown option '-query'");
    EXPECT_EQ(error_of("-x").message, "unknown option '-x'");
}

TEST(TagOptions, MissingAndUnwantedValues) {
    EXPECT_EQ(error_of("-q").message, "option '-q' needs a value");
    EXPECT_EQ(error_of("--query -g year").message, "option '--query' needs a value");
    EXPECT_EQ(error_of("--query=").message, "option '--query' needs a value");
    EXPECT_EQ(error_of("--cited=yes").message, "option '--cited' takes no value");
    EXPECT_EQ(error_of("-q @book --max").column, 10u);
}

TEST(TagOptions, ValuesAreValidatedAsInYaml) {
    EXPECT_EQ(error_of("--max three").message, "--max must be a non-negative integer, got 'three'");
    EXPECT_EQ(error_of("-m 2 -q @article -o -1").message,
              "-o must be a non-negative integer, got '-1'");
    EXPECT_EQ(error_of("-G decending").message,
              "-G must be ascending or descending, got 'decending'");
    EXPECT_EQ(error_of("-h <ul>").message,
              "-h must be an HTML tag name such as ol or h2, got '<ul>'");
    EXPECT_EQ(error_of("--group-order up").message,
              "--group-order must be ascending or descending, got 'up'");
    ConfigError error = error_of("-q @book --max lots");
    EXPECT_EQ(error.column, 10u); // the option's column in the arguments
}

TEST(TagOptions, BibkitsOwnOptions) {
    const Settings settings =
        settings_of("--sort_by year,month --order descending,ascending --locale de-DE "
                    "--bibliography_group_tag h3,h4 --style chicago-author-date");
    EXPECT_EQ(settings.sort_by, (List{"year", "month"}));
    EXPECT_EQ(settings.order, (List{"descending", "ascending"}));
    EXPECT_EQ(settings.locale, "de-DE");
    EXPECT_EQ(settings.bibliography_group_tag, (List{"h3", "h4"}));
    EXPECT_EQ(settings.style, "chicago-author-date");
}

TEST(TagOptions, OtherValueOptions) {
    const Settings settings = settings_of("-p sel -t Details -s ieee -T bib -f papers");
    EXPECT_EQ(settings.prefix, "sel");
    EXPECT_EQ(settings.text, "Details");
    EXPECT_EQ(settings.style, "ieee");
    EXPECT_EQ(settings.bibliography_template, "bib");
    EXPECT_EQ(settings.bibliography, List{"papers"});
}

TEST(TagOptions, OnlyTheGivenKeysAreSet) {
    const Overrides layer = parsed("-g year -m 2").overrides;
    EXPECT_EQ(layer.keys, (std::set<std::string, std::less<>>{"group_by", "max"}));
    Settings site;
    site.style = "ieee";
    site.group_order = {"descending"};
    apply(site, layer);
    EXPECT_EQ(site.style, "ieee");
    EXPECT_EQ(site.group_order, List{"descending"});
    EXPECT_EQ(site.group_by, List{"year"});
}

TEST(TagOptionsCommandLine, ApplyOptionSharesTheTagsValidation) {
    Overrides layer;
    EXPECT_FALSE(apply_option(layer, "--group-by", "year,type"));
    EXPECT_FALSE(apply_option(layer, "--sort-by", "year"));
    EXPECT_FALSE(apply_option(layer, "--remove-duplicates", std::nullopt));
    EXPECT_FALSE(apply_option(layer, "query", "@*[year>=2020]"));
    const Settings settings = applied(Settings{}, layer);
    EXPECT_EQ(settings.group_by, (List{"year", "type"}));
    EXPECT_EQ(settings.sort_by, List{"year"});
    EXPECT_TRUE(settings.remove_duplicates.remove);
    EXPECT_EQ(settings.query, "@*[year>=2020]");

    auto error = apply_option(layer, "--order", "sideways");
    ASSERT_TRUE(error);
    EXPECT_EQ(error->message, "--order must be ascending or descending, got 'sideways'");
    EXPECT_EQ(apply_option(layer, "--colour", "red")->message, "unknown option '--colour'");
    EXPECT_EQ(apply_option(layer, "--max", std::nullopt)->message, "option '--max' needs a value");
    EXPECT_EQ(apply_option(layer, "--clear", "1")->message, "option '--clear' takes no value");
}

TEST(TagOptionsCommandLine, ParseOptions) {
    const std::vector<OptionValue> options{
        {"--query", "@article"}, {"-f", "a.bib"}, {"--file", "b.bib"}, {"--cited", std::nullopt}};
    auto layer = parse_options(options);
    ASSERT_TRUE(layer) << to_string(layer.error());
    const Settings settings = applied(Settings{}, *layer);
    EXPECT_EQ(settings.query, "@article");
    EXPECT_EQ(settings.bibliography, (List{"a.bib", "b.bib"}));
    EXPECT_EQ(settings.cited, Citations::cited);
    const std::vector<OptionValue> bad{{"--max", "2"}, {"--offset", "x"}};
    EXPECT_EQ(parse_options(bad).error().message,
              "--offset must be a non-negative integer, got 'x'");
}

TEST(TagOptionsCommandLine, SpecsDescribeEveryOption) {
    for (const OptionSpec& spec : option_specs()) {
        EXPECT_FALSE(spec.name.empty());
        EXPECT_FALSE(spec.help.empty()) << spec.name;
        EXPECT_EQ(spec.arity == Arity::required, !spec.value_name.empty() && spec.implied.empty())
            << spec.name;
        EXPECT_EQ(find_option(std::string("--") + std::string(spec.name)), &spec);
    }
}

} // namespace
} // namespace bibkit::config
