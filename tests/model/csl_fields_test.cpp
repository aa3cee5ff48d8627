// The field → CSL variable table, spot-checked per family of types.

#include "read_bib.hpp"

#include <bibkit/model/csl_fields.hpp>
#include <bibkit/model/field_aliases.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

// "variable=field[+part…]" for each source.
std::vector<std::string> sources(const std::string& bib) {
    auto reading = read_bib(bib);
    const bibtex::Entry& entry = reading.db.entries.at(0);
    std::vector<std::string> out;
    for (const CslSource& source : csl_sources(entry.type, entry.fields)) {
        std::string line = std::string(source.variable) + "=" + std::string(source.field().name);
        for (std::size_t i = 1; i < 3; ++i)
            if (source.parts[i]) line += "+" + std::string(source.parts[i]->name);
        out.push_back(line);
    }
    return out;
}

using Lines = std::vector<std::string>;

TEST(CslFields, Article) {
    EXPECT_EQ(sources("@article{k, author = {A}, title = {T}, subtitle = {S}, journal = {J}, "
                      "volume = 3, number = 4, pages = {1--2}, year = 2000, month = may, "
                      "doi = {10.1000/x}, publisher = {P}, address = {Paris}}"),
              (Lines{"title=title+subtitle", "container-title=journal", "issue=number",
                     "volume=volume", "page=pages", "author=author", "publisher=publisher",
                     "publisher-place=address", "issued=year+month", "DOI=doi"}));
}

TEST(CslFields, InproceedingsAndBookNumbersAreCollectionNumbers) {
    EXPECT_EQ(sources("@inproceedings{k, title = {T}, booktitle = {B}, series = {LNCS}, "
                      "number = 42, editor = {E}, organization = {O}, date = {2020}}"),
              (Lines{"title=title", "container-title=booktitle", "collection-title=series",
                     "collection-number=number", "editor=editor", "publisher=organization",
                     "issued=date"}));
}

TEST(CslFields, ReportNumberAndThesisInstitution) {
    EXPECT_EQ(sources("@techreport{k, title = {T}, number = {TR-1}, institution = {I}, "
                      "type = {Memo}}"),
              (Lines{"title=title", "number=number", "publisher=institution", "genre=type"}));
    EXPECT_EQ(sources("@phdthesis{k, title = {T}, school = {MIT}, address = {Cambridge}}"),
              (Lines{"title=title", "publisher=school", "publisher-place=address"}));
}

TEST(CslFields, MaintitleAndVolumeTitle) {
    // A volume of a multi-volume book: the work's title is the title, the volume's its own.
    EXPECT_EQ(sources("@book{k, maintitle = {Works}, title = {Volume}, volume = 2}"),
              (Lines{"title=maintitle", "volume-title=title", "volume=volume"}));
    // A chapter in such a volume: the work is the container, the volume the volume-title.
    EXPECT_EQ(sources("@inbook{k, title = {Ch}, maintitle = {Works}, booktitle = {Volume}, "
                      "bookauthor = {B}}"),
              (Lines{"title=title", "volume-title=booktitle", "container-title=maintitle",
                     "container-author=bookauthor"}));
}

TEST(CslFields, PeriodicalIssue) {
    EXPECT_EQ(sources("@periodical{k, title = {Journal}, issuetitle = {Special}, editor = {E}}"),
              (Lines{"title=issuetitle", "container-title=title", "editor=editor"}));
}

TEST(CslFields, TalkEventAndPlace) {
    EXPECT_EQ(sources("@talk{k, title = {T}, event = {Conf}, location = {Paris}, "
                      "date = {2024-05-01}, type = {Invited talk}, url = {https://x.org}}"),
              (Lines{"title=title", "event-title=event", "event-place=location", "event-date=date",
                     "issued=date", "URL=url", "genre=type"}));
}

TEST(CslFields, PatentLocationIsJurisdiction) {
    EXPECT_EQ(sources("@patent{k, title = {T}, location = {France}, number = {FR1}}"),
              (Lines{"title=title", "number=number", "jurisdiction=location"}));
}

// A `howpublished` that is a link and nothing else is the URL (BibTeX's way to give one before
// `url` existed); text, with or without a link in it, is the publisher.
TEST(CslFields, HowpublishedIsTheUrlWhenItIsOneAndThePublisherOtherwise) {
    EXPECT_EQ(sources("@misc{k, howpublished = {\\url{https://x.org}}}"),
              (Lines{"URL=howpublished"}));
    EXPECT_EQ(sources("@misc{k, howpublished = { https://x.org/a?b }}"),
              (Lines{"URL=howpublished"}));
    EXPECT_EQ(sources("@misc{k, howpublished = {\\href{https://x.org}{X}}}"),
              (Lines{"URL=howpublished"}));
    EXPECT_EQ(sources("@misc{k, howpublished = {Privately printed}}"),
              (Lines{"publisher=howpublished"}));
    EXPECT_EQ(sources("@misc{k, howpublished = {See \\url{https://x.org}}}"),
              (Lines{"publisher=howpublished"}));
    EXPECT_EQ(sources("@misc{k, howpublished = {\\url{https://x.org} and \\url{https://y.org}}}"),
              (Lines{"publisher=howpublished"}));
    // With a `url` too, that one is the URL.
    EXPECT_EQ(sources("@misc{k, url = {https://y.org}, howpublished = {\\url{https://x.org}}}"),
              (Lines{"URL=url"}));
}

TEST(CslFields, BiblatexFieldsAndEverythingElse) {
    EXPECT_EQ(
        sources("@online{k, title = {T}, urldate = {2024-01-01}, eventdate = {2023}, "
                "venue = {V}, eventtitle = {E}, pubstate = {forthcoming}, langid = {english}, "
                "keywords = {a, b}, abstract = {X}, note = {N}, annote = {A}, isbn = {I}, "
                "issn = {S}, edition = 2, pagetotal = 300, volumes = 4, chapter = 3, "
                "shorttitle = {ST}, origdate = {1900}, version = {1.2}}"),
        (Lines{"title=title",
               "title-short=shorttitle",
               "number-of-volumes=volumes",
               "number-of-pages=pagetotal",
               "chapter-number=chapter",
               "edition=edition",
               "version=version",
               "event-title=eventtitle",
               "event-place=venue",
               "event-date=eventdate",
               "accessed=urldate",
               "original-date=origdate",
               "ISBN=isbn",
               "ISSN=issn",
               "abstract=abstract",
               "note=note",
               "annote=annote",
               "keyword=keywords",
               "language=langid",
               "status=pubstate"}));
}

TEST(CslFields, AliasFoldedFieldsMapAlike) {
    auto reading = read_bib("@article{k, journal = {J}, address = {A}}");
    FoldedFields folded = fold_aliases(reading.db.entries[0].fields);
    auto mapped = csl_sources("article", folded.fields);
    ASSERT_EQ(mapped.size(), 2u);
    EXPECT_EQ(mapped[0].variable, "container-title");
    EXPECT_EQ(mapped[0].field().name, "journaltitle");
    EXPECT_EQ(mapped[0].kind, CslValueKind::title);
    EXPECT_EQ(mapped[1].variable, "publisher-place");
}

} // namespace
} // namespace bibkit::model
