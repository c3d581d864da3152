#include "report/gcc_reporter.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/color.h>
#include <fmt/format.h>

#include "core/unicode.hpp"
#include "core/utf8.hpp"

namespace bilint {

namespace {

fmt::text_style severity_style(Severity severity) {
  switch (severity) {
    case Severity::error:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_red);
    case Severity::warning:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_magenta);
    case Severity::note:
      break;
  }
  return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_cyan);
}

// "error:", "warning:", "note:", made once from to_string.
std::string_view severity_label(Severity severity) {
  static const std::array<std::string, 3> labels = [] {
    std::array<std::string, 3> out;
    for (const Severity s : {Severity::note, Severity::warning, Severity::error})
      out[static_cast<std::size_t>(s)] = std::string(to_string(s)) + ":";
    return out;
  }();
  return labels[static_cast<std::size_t>(severity)];
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

// Written for speed, as a finding's cost is mostly here when there are many: the source line is
// copied in runs between the characters it replaces (tabs, control and invalid bytes), and display
// widths are measured only up to the end of the finding, or up to a tab further on.
void render_caret(const Finding& finding, CaretLines& out) {
  out.source.clear();
  out.caret.clear();
  const std::string_view excerpt = finding.excerpt;
  const std::size_t start = finding.location.start.offset - finding.excerpt_start;
  const std::size_t end =
      finding.location.end.line == finding.location.start.line
          ? std::min(finding.location.end.offset - finding.excerpt_start, excerpt.size())
          : excerpt.size();
  const auto width_at = [](const utf8::Decoded& d, std::size_t column) -> std::size_t {
    if (d.code_point == U'\t') return kTabStop - column % kTabStop;
    if (!d.valid || d.code_point < 0x20 || d.code_point == 0x7F) return 1;
    return static_cast<std::size_t>(unicode::display_width(d.code_point));
  };
  std::size_t column = 0;  // the display column at byte `measured`
  std::size_t measured = 0;
  const auto measure_to = [&](std::size_t to) {
    while (measured < to) {
      const utf8::Decoded d = utf8::decode(excerpt, measured);
      column += width_at(d, column);
      measured += d.length;
    }
  };
  std::size_t copied = 0;  // the source line holds the excerpt up to here
  out.source.reserve(excerpt.size());
  for (std::size_t i = 0; i < excerpt.size();) {
    const auto byte = static_cast<unsigned char>(excerpt[i]);
    const bool under_caret = i <= start || i < end;
    if (!under_caret && byte >= 0x20 && byte < 0x7F) {
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(excerpt, i);
    const bool tab = d.code_point == U'\t';
    const bool replaced = !d.valid || (d.code_point < 0x20 && !tab) || d.code_point == 0x7F;
    if (under_caret || tab) {
      measure_to(i);
      const std::size_t w = width_at(d, column);
      if (i < start) {
        out.caret.append(w, ' ');
      } else if (i == start) {
        out.caret += '^';
        if (w > 1) out.caret.append(w - 1, end > start ? '~' : ' ');
      } else if (i < end) {
        out.caret.append(w, '~');
      }
      if (tab || replaced) out.source.append(excerpt.substr(copied, i - copied));
      // Tabs are expanded, and control and invalid bytes shown as U+FFFD, so that the terminal
      // does not act on them.
      if (tab) out.source.append(w, ' ');
      column += w;
      measured = i + d.length;
    } else if (replaced) {
      out.source.append(excerpt.substr(copied, i - copied));
    }
    if (replaced) utf8::append(out.source, utf8::kReplacement);
    if (tab || replaced) copied = i + d.length;
    i += d.length;
  }
  out.source.append(excerpt.substr(copied));
  if (start >= excerpt.size()) {
    measure_to(excerpt.size());
    out.caret.append(column > out.caret.size() ? column - out.caret.size() : 0, ' ');
    out.caret += '^';
  }
  while (!out.caret.empty() && out.caret.back() == ' ')
    out.caret.pop_back();
}

GccReporter::GccReporter(ReportOptions options) : options_(std::move(options)) {
  const auto marks = [&](fmt::text_style style) {
    // fmt writes the same escape sequences around every text of a style, so they are taken once
    // from a styled marker byte and written around the text directly: a finding's line is then
    // appended without formatting, which is most of the cost when there are many findings.
    if (!options_.color) return StyleMarks{};
    const std::string styled = fmt::format("{}", fmt::styled('\x01', style));
    const std::size_t marker = styled.find('\x01');
    return StyleMarks{styled.substr(0, marker), styled.substr(marker + 1)};
  };
  bold_ = marks(fmt::emphasis::bold);
  caret_ = marks(fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_green));
  for (const Severity s : {Severity::note, Severity::warning, Severity::error})
    severity_[static_cast<std::size_t>(s)] = marks(severity_style(s));
}

std::string GccReporter::render(const std::vector<Finding>& findings) const {
  // About 500 bytes a finding with its source and caret lines; reserved, so the text of a file
  // with many findings is not copied as it grows.
  std::string out;
  out.reserve(findings.size() * 512);
  const auto styled = [&out](const StyleMarks& marks, auto&&... text) {
    out += marks.open;
    (out.append(text), ...);
    out += marks.close;
  };
  const auto number = [&out](std::size_t n, std::size_t width = 0) {
    const fmt::format_int digits(n);
    if (digits.size() < width) out.append(width - digits.size(), ' ');
    out.append(digits.data(), digits.size());
  };
  const auto place = [&](const Location& at) {
    out += bold_.open;
    out += at.path;
    out += ':';
    number(at.start.line);
    out += ':';
    number(at.start.column(options_.column_unit));
    out += ':';
    out += bold_.close;
    out += ' ';
  };
  std::array<std::size_t, 3> counts{};
  CaretLines lines;
  for (const Finding& f : findings) {
    ++counts[static_cast<std::size_t>(f.severity)];
    place(f.location);
    styled(severity_[static_cast<std::size_t>(f.severity)], severity_label(f.severity));
    out += ' ';
    styled(bold_, f.message);
    out += " [";
    out += f.rule_id;
    out += "]\n";
    if (options_.show_source) {
      render_caret(f, lines);
      // Five columns, as GCC, or more for line numbers past 99,999, so the bars stay aligned.
      const std::size_t gutter =
          std::max<std::size_t>(5, fmt::format_int(f.location.start.line).size());
      number(f.location.start.line, gutter);
      out += " | ";
      out += lines.source;
      out += '\n';
      out.append(gutter, ' ');
      out += " | ";
      styled(caret_, lines.caret);
      out += '\n';
    }
    for (const RelatedLocation& related : f.related) {
      place(related.location);
      styled(severity_[static_cast<std::size_t>(Severity::note)], severity_label(Severity::note));
      out += ' ';
      out += related.message;
      out += '\n';
    }
  }
  for (std::size_t s = 0; s < counts.size(); ++s)
    counts_[s] += counts[s];
  return out;
}

void GccReporter::finish(const RunStats& stats, const ReportSink& sink) {
  if (options_.show_summary) {
    const std::array<std::size_t, 3> counts{counts_[0], counts_[1], counts_[2]};
    const std::size_t total = counts[0] + counts[1] + counts[2];
    std::string tally;
    if (total == 0) {
      tally = "no findings";
    } else {
      std::vector<std::string> parts;
      if (counts[2] != 0) parts.push_back(plural(counts[2], "error"));
      if (counts[1] != 0) parts.push_back(plural(counts[1], "warning"));
      if (counts[0] != 0) parts.push_back(plural(counts[0], "note"));
      tally = fmt::format("{}", fmt::join(parts, ", "));
    }
    sink(fmt::format("{} checked: {}{}\n", plural(stats.files_checked, "file"), tally,
                     stats.files_fixed == 0
                         ? std::string()
                         : fmt::format(" ({} fixed)", plural(stats.files_fixed, "file"))));
  }
}

}  // namespace bilint
