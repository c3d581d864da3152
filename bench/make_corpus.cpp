// Builds a benchmark corpus in the digest layout from real digests: the entries of the input files
// are shuffled with a fixed seed and written out until the target size is reached, either as one
// file or as many files of about --file-size bytes. Same inputs and seed, same bytes.
//
//   bilint_corpus_gen --out DIR --size 100M [--file-size 1M] [--seed 1] INPUT...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace {

std::uint64_t parse_size(std::string_view text) {
  std::uint64_t multiplier = 1;
  if (text.ends_with('K')) multiplier = 1ULL << 10;
  if (text.ends_with('M')) multiplier = 1ULL << 20;
  if (text.ends_with('G')) multiplier = 1ULL << 30;
  if (multiplier != 1) text.remove_suffix(1);
  return std::stoull(std::string(text)) * multiplier;
}

// Splits a digest into entries at lines starting with "## ".
std::vector<std::string> split_entries(const std::string& text) {
  std::vector<std::string> entries;
  std::size_t start = text.find("## ");
  while (start != std::string::npos) {
    std::size_t next = text.find("\n## ", start);
    const std::size_t end = next == std::string::npos ? text.size() : next + 1;
    std::string entry = text.substr(start, end - start);
    while (!entry.empty() && entry.back() == '\n')
      entry.pop_back();
    entries.push_back(entry + "\n\n");
    start = next == std::string::npos ? next : next + 1;
  }
  return entries;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out;
  std::uint64_t size = 100ULL << 20;
  std::uint64_t file_size = 0;
  std::uint64_t seed = 1;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> std::string_view { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--out") {
      out = value();
    } else if (arg == "--size") {
      size = parse_size(value());
    } else if (arg == "--file-size") {
      file_size = parse_size(value());
    } else if (arg == "--seed") {
      seed = std::stoull(std::string(value()));
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (out.empty() || inputs.empty()) {
    std::fputs(
        "usage: bilint_corpus_gen --out DIR --size N[K|M|G] [--file-size N] [--seed S] FILE...\n",
        stderr);
    return 2;
  }
  std::vector<std::string> entries;
  for (const fs::path& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    for (std::string& e : split_entries(text.str()))
      entries.push_back(std::move(e));
  }
  if (entries.empty()) {
    std::fputs("bilint_corpus_gen: no entries in the inputs\n", stderr);
    return 2;
  }
  fs::create_directories(out);
  std::mt19937_64 random(seed);
  std::uint64_t written = 0;
  std::uint64_t in_file = 0;
  std::uint64_t entry_count = 0;
  int file_index = 0;
  std::ofstream file;
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  while (written < size) {
    std::shuffle(order.begin(), order.end(), random);
    for (const std::size_t i : order) {
      if (written >= size) break;
      if (!file.is_open() || (file_size != 0 && in_file >= file_size)) {
        file.close();
        file.open(out / fmt::format("digest-{:05}.md", file_index++), std::ios::binary);
        in_file = 0;
      }
      file << entries[i];
      written += entries[i].size();
      in_file += entries[i].size();
      ++entry_count;
    }
  }
  std::printf("%llu bytes, %llu entries, %d files in %s\n",
              static_cast<unsigned long long>(written),
              static_cast<unsigned long long>(entry_count), file_index, out.c_str());
  return 0;
}
