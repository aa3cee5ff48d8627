#include "progress_bar.hpp"

#include <cstdio>
#include <unistd.h>

namespace bibkit::cli {

namespace {

constexpr std::size_t k_ids_per_request = 100;
constexpr auto k_patience = std::chrono::seconds(2);
constexpr int k_width = 30;

} // namespace

ProgressBar::ProgressBar(std::string label)
    : m_label(std::move(label)), m_start(std::chrono::steady_clock::now()),
      m_terminal(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
    finish();
}

void ProgressBar::update(std::size_t done, std::size_t total) {
    if (!m_terminal || m_finished || total == 0) return;
    bool slow =
        total > k_ids_per_request || std::chrono::steady_clock::now() - m_start >= k_patience;
    if (!m_shown && !slow) return;
    m_shown = true;
    int filled = static_cast<int>(k_width * std::min(done, total) / total);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(k_width - filled), '.');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu", m_label.c_str(), bar.c_str(), done, total);
    std::fflush(stderr);
}

void ProgressBar::finish() {
    if (m_shown && !m_finished) std::fputs("\r\033[K", stderr);
    m_finished = true;
}

} // namespace bibkit::cli
