#include "parse/digest_parser.hpp"
#include "rules/rule.hpp"

namespace bilint {

ParsedFile::ParsedFile(std::string path, std::string bytes, const CompiledGlossary& glossary)
    : source_(std::move(path), std::move(bytes)),
      document_(parse_digest(source_)),
      glossary_(glossary),
      term_hits_(document_.entries.size()) {}

const EntryTermHits& ParsedFile::term_hits(const Entry& entry) const {
  const auto index = static_cast<std::size_t>(&entry - document_.entries.data());
  std::optional<EntryTermHits>& cached = term_hits_.at(index);
  if (!cached) cached = glossary_.find(document_, entry);
  return *cached;
}

const MarkIndex& ParsedFile::marks() const {
  if (!marks_) marks_.emplace(source_.text());
  return *marks_;
}

Location RuleContext::locate(Span span) const {
  const LineIndex& lines = source.lines();
  const Position start = lines.position(span.begin);
  return Location{source.path(), start, lines.position(span.end, start)};
}

}  // namespace bilint
