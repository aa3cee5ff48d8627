#pragma once
// The timestamps feeds and calendars write, and "today" for --upcoming and --past.
//
// Feeds need an instant. A date without a time is its day at 00:00 UTC. A time with a zone
// ("Z", "+01:00") is that instant. A local time without a zone has no instant (it would take the
// place's time zone rules), so in Atom, RSS and JSON Feed it counts as its day at 00:00 UTC;
// iCalendar, which has "floating" local times, keeps it as written (ics_date_time).
// A missing month or day counts as the first; a season as its first month.

#include <bibkit/core/expected.hpp>
#include <bibkit/dates/date.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace bibkit::exports {

// RFC 3339 (Atom, JSON Feed): "2026-10-05T00:00:00Z", "2027-02-09T10:30:00+01:00".
std::string rfc3339(const dates::DatePoint& date);
// RFC 822 as RSS 2.0 uses it, four-digit years: "Mon, 05 Oct 2026 00:00:00 +0000".
std::string rfc822(const dates::DatePoint& date);

// iCalendar: "20260422" (a DATE), and for a time "20260422T140000" (floating local time when
// the source has no zone) or "20260422T130000Z" (UTC, converted from an offset).
std::string ics_date(const dates::DatePoint& date);
std::string ics_date_time(const dates::DatePoint& date);
// The day after `date` (DTEND of an all-day event is exclusive).
dates::DatePoint next_day(const dates::DatePoint& date);

// Chronological order to the second for instants as above; ties are equal.
int compare_instants(const dates::DatePoint& a, const dates::DatePoint& b);

// The last day a date can mean: 2024 → 2024-12-31, 2024-05 → 2024-05-31; a full date itself.
dates::DatePoint last_day(const dates::DatePoint& date);

// "Today" for --upcoming/--past: `option` (--today YYYY-MM-DD) when given; else the
// SOURCE_DATE_EPOCH environment variable (reproducible-builds.org: seconds since 1970, UTC) when
// `source_date_epoch` is not null; else `now`, in UTC. The error says what was wrong.
Expected<dates::DatePoint, std::string> resolve_today(std::string_view option,
                                                      const char* source_date_epoch,
                                                      std::chrono::system_clock::time_point now);

} // namespace bibkit::exports
