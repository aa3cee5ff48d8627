#pragma once
// The parts of a talk or course entry, and the links of any entry, read from the normalized
// item and its BibTeX fields.

#include "markup.hpp"

#include <bibkit/cv/entry.hpp>
#include <bibkit/model/item.hpp>
#include <string>

namespace bibkit::cv::detail {

// A field's LaTeX through the markup's rich-text writer ("" when absent).
std::string field_text(const model::Item& item, std::string_view field, const TextMarkup& markup);

// "18 May 2027", "May 2027", "2018", "Jan–Mar 2026", "Sep 2024 – Jan 2025"; "" for no date.
std::string format_date(const dates::Date& date);

void fill_talk(CvEntry& entry, const model::Item& item, const TextMarkup& markup);
void fill_course(CvEntry& entry, const model::Item& item, const TextMarkup& markup);
// DOI, arXiv, PDF, code, slides, poster, video, website: absolute http(s) URLs only, since a CV
// is read away from the site that relative ones point into; with a base URL (an absolute http(s)
// one), relative paths (`papers/x.pdf`, `/slides/y.pdf`) are made absolute against it.
std::vector<CvLink> links_of(const model::Item& item, std::string_view base_url = {});

// Whether `url` is an absolute http or https URL.
bool is_absolute_web_url(std::string_view url);

// `relative` made absolute against `base` (an absolute web URL) as a browser would for a path:
// "papers/x.pdf" against "https://me.org/site/" is "https://me.org/site/papers/x.pdf", "/x.pdf"
// is "https://me.org/x.pdf". "" when `relative` is not a plain path (it has a scheme such as
// javascript:, starts with "//", or holds characters a URL cannot).
std::string resolve_relative_url(std::string_view base, std::string_view relative);

} // namespace bibkit::cv::detail
