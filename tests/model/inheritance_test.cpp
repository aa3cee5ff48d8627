// crossref and xdata inheritance: biblatex's type-pair rules, chains, cycles, dangling links.

#include "read_bib.hpp"

#include <bibkit/model/inheritance.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::Read;
using testing::read_bib;

struct Resolved {
    Read reading;
    EffectiveFields fields;

    std::size_t index(std::string_view key) const {
        for (std::size_t i = 0; i < reading.db.entries.size(); ++i)
            if (reading.db.entries[i].key == key) return i;
        throw std::runtime_error("no entry");
    }

    // "name=value" for each effective field, inherited ones marked "<via:entry-key.name".
    std::vector<std::string> lines(std::string_view key) const {
        std::size_t i = index(key);
        std::vector<std::string> out;
        auto list = fields.fields(i);
        auto origins = fields.origins(i);
        for (std::size_t f = 0; f < list.size(); ++f) {
            std::string line = std::string(list[f].name) + "=" + std::string(list[f].value);
            const FieldOrigin& origin = origins[f];
            if (origin.via != Inherited::own)
                line += std::string(origin.via == Inherited::xdata ? " <xdata:" : " <crossref:") +
                        std::string(reading.db.entries[origin.entry].key) + "." +
                        std::string(origin.name);
            else if (origin.name != list[f].name)
                line += " (as " + std::string(origin.name) + ")";
            out.push_back(line);
        }
        return out;
    }

    std::vector<std::string> problems() const {
        std::vector<std::string> out;
        for (const InheritanceProblem& p : fields.problems())
            out.push_back(std::string(p.code()) + " [" + std::string(p.key) + "] " + p.message);
        return out;
    }
};

Resolved resolve(const std::string& bib, CrossrefRules rules = CrossrefRules::biblatex) {
    Resolved result{read_bib(bib), {}};
    result.fields = EffectiveFields::resolve(result.reading.db, rules);
    return result;
}

using Lines = std::vector<std::string>;

TEST(Inheritance, InproceedingsGetsBooktitleFromProceedingsTitle) {
    auto r = resolve("@inproceedings{paper, author = {A}, title = {Paper}, crossref = {proc}}\n"
                     "@proceedings{proc, title = {Proc}, subtitle = {Sub}, titleaddon = {Add}, "
                     "shorttitle = {P}, booktitle = {Old}, editor = {E}, year = 2020, "
                     "address = {Paris}, publisher = {Pub}, ids = {p2}, key = {K}}\n");
    EXPECT_EQ(
        r.lines("paper"),
        (Lines{"author=A", "title=Paper", "crossref=proc", "booktitle=Proc <crossref:proc.title",
               "booksubtitle=Sub <crossref:proc.subtitle",
               "booktitleaddon=Add <crossref:proc.titleaddon", "editor=E <crossref:proc.editor",
               "year=2020 <crossref:proc.year", "location=Paris <crossref:proc.address",
               "publisher=Pub <crossref:proc.publisher"}));
    EXPECT_TRUE(r.problems().empty());
}

TEST(Inheritance, OwnFieldsWin) {
    auto r = resolve("@incollection{c, title = {C}, booktitle = {Mine}, year = 1999, "
                     "crossref = {coll}}\n"
                     "@collection{coll, title = {Theirs}, year = 2000, editor = {E}}\n");
    EXPECT_EQ(r.lines("c"), (Lines{"title=C", "booktitle=Mine", "year=1999", "crossref=coll",
                                   "editor=E <crossref:coll.editor"}));
}

TEST(Inheritance, BookAuthorsBecomeBookauthorAndMvTitlesMaintitle) {
    auto r = resolve("@inbook{ch, title = {Chapter}, crossref = {vol}}\n"
                     "@book{vol, author = {Kant}, title = {Volume}, crossref = {works}}\n"
                     "@mvbook{works, title = {Works}, subtitle = {All}, sorttitle = {W}, "
                     "publisher = {P}}\n");
    // The chain: vol gets maintitle from works; ch gets vol's title as booktitle and vol's
    // (inherited) maintitle under its own name.
    EXPECT_EQ(r.lines("vol"), (Lines{"author=Kant", "title=Volume", "crossref=works",
                                     "maintitle=Works <crossref:works.title",
                                     "mainsubtitle=All <crossref:works.subtitle",
                                     "publisher=P <crossref:works.publisher"}));
    EXPECT_EQ(
        r.lines("ch"),
        (Lines{"title=Chapter", "crossref=vol", "author=Kant <crossref:vol.author",
               "bookauthor=Kant <crossref:vol.author", "booktitle=Volume <crossref:vol.title",
               "maintitle=Works <crossref:works.title", "mainsubtitle=All <crossref:works.subtitle",
               "publisher=P <crossref:works.publisher"}));
}

TEST(Inheritance, PeriodicalTitleBecomesJournaltitle) {
    auto r = resolve("@article{a, title = {A}, crossref = {j}}\n"
                     "@periodical{j, title = {Journal}, subtitle = {S}, volume = 3}\n");
    EXPECT_EQ(r.lines("a"),
              (Lines{"title=A", "crossref=j", "journaltitle=Journal <crossref:j.title",
                     "journalsubtitle=S <crossref:j.subtitle", "volume=3 <crossref:j.volume"}));
}

TEST(Inheritance, AliasesAreFoldedBeforeInheriting) {
    // The child's journal counts as its journaltitle: the periodical's title is not added.
    auto r = resolve("@article{a, journal = {Mine}, crossref = {j}}\n"
                     "@periodical{j, title = {Theirs}}\n");
    EXPECT_EQ(r.lines("a"), (Lines{"journaltitle=Mine (as journal)", "crossref=j"}));
}

TEST(Inheritance, OtherTypePairsInheritEveryFieldUnderItsName) {
    auto r = resolve("@misc{m, crossref = {b}}\n@book{b, title = {B}, label = {L}, xref = {x}}\n");
    EXPECT_EQ(r.lines("m"), (Lines{"crossref=b", "title=B <crossref:b.title"}));
}

TEST(Inheritance, BibtexRulesCopyUnderTheSameName) {
    auto r = resolve("@inproceedings{p, title = {P}, crossref = {proc}}\n"
                     "@proceedings{proc, title = {Proc}, booktitle = {Proc B}, year = 1990}\n",
                     CrossrefRules::bibtex);
    EXPECT_EQ(r.lines("p"),
              (Lines{"title=P", "crossref=proc", "booktitle=Proc B <crossref:proc.booktitle",
                     "year=1990 <crossref:proc.year"}));
}

TEST(Inheritance, KeysMatchWithoutRegardToCase) {
    auto r = resolve("@inproceedings{p, crossref = {PROC}}\n@proceedings{Proc, title = {T}}\n");
    EXPECT_EQ(r.lines("p"), (Lines{"crossref=PROC", "booktitle=T <crossref:Proc.title"}));
}

TEST(Inheritance, XdataPullsAllFieldsRecursivelyBeforeCrossref) {
    auto r = resolve("@xdata{pub, publisher = {Pub}, location = {Place}, xdata = {year}}\n"
                     "@xdata{year, year = 2001, publisher = {Ignored}}\n"
                     "@book{b, title = {B}, xdata = {pub, missing}, crossref = {mv}}\n"
                     "@mvbook{mv, title = {MV}, publisher = {Parent}, edition = 2}\n");
    EXPECT_EQ(r.lines("pub"), (Lines{"publisher=Pub", "location=Place", "xdata=year",
                                     "year=2001 <xdata:year.year"}));
    EXPECT_EQ(
        r.lines("b"),
        (Lines{"title=B", "xdata=pub, missing", "crossref=mv", "publisher=Pub <xdata:pub.publisher",
               "location=Place <xdata:pub.location", "year=2001 <xdata:year.year",
               "maintitle=MV <crossref:mv.title", "edition=2 <crossref:mv.edition"}));
    EXPECT_EQ(r.problems(),
              (Lines{"dangling-xdata [b] xdata refers to 'missing', which no entry has"}));
}

TEST(Inheritance, DanglingCrossrefIsAWarning) {
    auto r = resolve("@inproceedings{p, title = {T}, crossref = {nowhere}}\n");
    EXPECT_EQ(r.lines("p"), (Lines{"title=T", "crossref=nowhere"}));
    EXPECT_EQ(r.problems(),
              (Lines{"dangling-crossref [p] crossref refers to 'nowhere', which no entry has"}));
    EXPECT_EQ(r.fields.problems()[0].severity(), Severity::warning);
}

TEST(Inheritance, CyclesAreReportedOnceAndBroken) {
    auto r = resolve("@misc{a, title = {A}, crossref = {b}}\n"
                     "@misc{b, note = {B}, crossref = {c}}\n"
                     "@misc{c, year = 2000, crossref = {a}}\n"
                     "@misc{self, crossref = {self}}\n");
    EXPECT_EQ(r.problems(),
              (Lines{"crossref-cycle [c] crossref cycle a -> b -> c -> a; this link is ignored",
                     "crossref-cycle [self] crossref cycle self -> self; this link is ignored"}));
    EXPECT_EQ(r.fields.problems()[0].severity(), Severity::error);
    // c lost its link to a; b and a still inherit down the rest of the chain.
    EXPECT_EQ(r.lines("c"), (Lines{"year=2000", "crossref=a"}));
    EXPECT_EQ(r.lines("b"), (Lines{"note=B", "crossref=c", "year=2000 <crossref:c.year"}));
    EXPECT_EQ(r.lines("a"), (Lines{"title=A", "crossref=b", "note=B <crossref:b.note",
                                   "year=2000 <crossref:c.year"}));
}

TEST(Inheritance, XdataCycle) {
    auto r = resolve("@xdata{x, a = 1, xdata = {y}}\n@xdata{y, b = 2, xdata = {x}}\n");
    EXPECT_EQ(r.problems(),
              (Lines{"xdata-cycle [y] xdata cycle x -> y -> x; this link is ignored"}));
    EXPECT_EQ(r.lines("x"), (Lines{"a=1", "xdata=y", "b=2 <xdata:y.b"}));
}

TEST(Inheritance, LongChainsNeedNoRecursion) {
    // 20000 entries, each the parent of the one before: resolved on an explicit stack. Each has
    // its own note, so only the last entry's field travels down the whole chain.
    std::string bib;
    constexpr int k_length = 20000;
    for (int i = 0; i < k_length; ++i)
        bib += "@misc{e" + std::to_string(i) + ", note = {" + std::to_string(i) +
               "}, crossref = {e" + std::to_string(i + 1) + "}}\n";
    bib += "@misc{e" + std::to_string(k_length) + ", last = {end}}\n";
    auto r = resolve(bib);
    EXPECT_TRUE(r.problems().empty());
    EXPECT_EQ(r.lines("e0"), (Lines{"note=0", "crossref=e1", "last=end <crossref:e20000.last"}));
    EXPECT_EQ(r.lines("e19999"),
              (Lines{"note=19999", "crossref=e20000", "last=end <crossref:e20000.last"}));
}

TEST(Inheritance, DiagnosticsPointAtTheLink) {
    auto r = resolve("@misc{a,\n  crossref = {nowhere},\n}\n");
    auto diagnostics = inheritance_diagnostics(r.fields, r.reading.db, r.reading.bibliography);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(
        format_diagnostic(diagnostics[0], false),
        "test.bib:2:14: warning: crossref refers to 'nowhere', which no entry has [entry a]\n");
    EXPECT_EQ(diagnostics[0].code, "dangling-crossref");
}

} // namespace
} // namespace bibkit::model
