#pragma once
// A one-line progress bar on standard error, shown only on a terminal and only for work that
// takes a while: more than one request (arXiv's 3-second spacing) or two seconds already spent.

#include <chrono>
#include <cstddef>
#include <string>

namespace bibkit::cli {

class ProgressBar {
  public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    // done of total (ids or results) before the next request.
    void update(std::size_t done, std::size_t total);
    // Clears the line; later updates are ignored.
    void finish();

  private:
    std::string m_label;
    std::chrono::steady_clock::time_point m_start;
    bool m_terminal = false;
    bool m_shown = false;
    bool m_finished = false;
};

} // namespace bibkit::cli
