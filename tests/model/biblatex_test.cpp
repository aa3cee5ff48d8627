// BibTeX → biblatex: types, field names and dates in biblatex's vocabulary.

#include "read_bib.hpp"

#include <bibkit/model/biblatex.hpp>
#include <gtest/gtest.h>

namespace bibkit::model {
namespace {

using testing::read_bib;

std::string biblatex(const std::string& bib) {
    auto read = read_bib(bib);
    std::string out;
    write_biblatex(read.db, out);
    return out;
}

TEST(Biblatex, TypesFieldNamesAndTheDate) {
    EXPECT_EQ(biblatex("@conference{c, title = {T}, booktitle = {B}, address = {Rome}, year = "
                       "2020, month = jul}\n@phdthesis{t, title = {Th}, school = {ETH}, year = "
                       "{2019}}\n"),
              "@inproceedings{c,\n  title     = {T},\n  booktitle = {B},\n"
              "  location  = {Rome},\n  date      = {2020-07}\n}\n\n"
              "@thesis{t,\n  title       = {Th},\n  institution = {ETH},\n"
              "  date        = 2019,\n  type        = {phdthesis}\n}\n");
}

TEST(Biblatex, AYearThatIsNoDateStaysAsWritten) {
    EXPECT_EQ(biblatex("@article{a, title = {T}, journal = {J}, year = {in press}}"),
              "@article{a,\n  title        = {T},\n  journaltitle = {J},\n"
              "  year         = {in press}\n}\n");
}

} // namespace
} // namespace bibkit::model
