// Builds a synthetic glossary of N terms for the matching benchmark, from real text: English
// sources are two or three words of the English titles, and renderings are three to five Chinese
// characters each drawn from the summaries (so by their real frequency). Their prefixes occur all
// the time, which keeps the automaton busy, while whole terms are rare, so that the number of hits
// (and findings) stays that of the real glossary the benchmark adds to them. Deterministic for a
// seed.
//
//   bilint_glossary_gen --terms N [--seed S] INPUT... > glossary.yaml
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace {

bool is_han_lead(unsigned char c) {
  return c >= 0xE4 && c <= 0xE9;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t terms = 1000;
  std::uint64_t seed = 1;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--terms" && i + 1 < argc) {
      terms = std::stoull(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else {
      inputs.emplace_back(arg);
    }
  }
  if (inputs.empty()) {
    std::fputs("usage: bilint_glossary_gen --terms N [--seed S] FILE...\n", stderr);
    return 2;
  }
  std::vector<std::string> words;
  std::vector<std::string> han_runs;  // maximal runs of Chinese characters, as whole strings
  for (const std::string& input : inputs) {
    std::ifstream in(input, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with("## ")) {
        std::istringstream title(line.substr(3));
        for (std::string w; title >> w;) {
          std::string clean;
          for (const char c : w) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) clean += c;
          }
          if (clean.size() >= 3) words.push_back(clean);
        }
        continue;
      }
      std::size_t i = 0;
      while (i < line.size()) {
        if (!is_han_lead(static_cast<unsigned char>(line[i]))) {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j + 3 <= line.size() && is_han_lead(static_cast<unsigned char>(line[j])))
          j += 3;
        if (j - i >= 6) han_runs.push_back(line.substr(i, j - i));
        i = j;
      }
    }
  }
  std::mt19937_64 random(seed);
  const auto pick_han = [&] {
    std::string out;
    for (std::size_t n = 3 + random() % 3; n > 0; --n) {
      const std::string& run = han_runs[random() % han_runs.size()];
      out += run.substr((random() % (run.size() / 3)) * 3, 3);
    }
    return out;
  };
  std::set<std::string> sources;
  std::set<std::string> preferred;
  std::set<std::string> used;
  std::string out = "version: 1\nterms:\n";
  std::size_t made = 0;
  for (std::size_t attempts = 0; made < terms && attempts < terms * 50; ++attempts) {
    std::string source = words[random() % words.size()];
    for (int extra = 1 + static_cast<int>(random() % 2); extra > 0; --extra) {
      source += " " + words[random() % words.size()];
    }
    std::string lowered = source;
    for (char& c : lowered)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!sources.insert(lowered).second) continue;
    const std::string rendering = pick_han();
    const std::string variant = pick_han();
    // Keep the glossary valid: distinct renderings, no variant inside a preferred form.
    if (used.contains(rendering) || used.contains(variant) || rendering == variant ||
        rendering.find(variant) != std::string::npos ||
        variant.find(rendering) != std::string::npos) {
      continue;
    }
    used.insert(rendering);
    used.insert(variant);
    preferred.insert(rendering);
    out += fmt::format("  - {{source: \"{}\", preferred: {}, variants: [{}]}}\n", source, rendering,
                       variant);
    ++made;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fprintf(stderr, "%zu terms\n", made);
  return made == terms ? 0 : 1;
}
