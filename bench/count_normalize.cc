// Instruction counting for alam::Normalize alone (bench/run.sh runs it under callgrind, which
// counts inside alam::Normalize only): normalizes the "text" of every line of a JSON Lines
// file PASSES times, with the offset map, and prints the bytes normalized. run.sh takes the
// difference between 3 passes and 1 (the first call also builds the character table) over
// twice the bytes of one pass.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "alam/normalizer.h"
#include "cli/json.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: alam_count_normalize FILE.jsonl PASSES\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "alam_count_normalize: cannot open %s\n", argv[1]);
    return 1;
  }
  std::vector<std::string> texts;
  for (std::string line; std::getline(in, line);) {
    auto v = alam::cli::ParseJsonObject(line, {"text"});
    if (!v.ok()) continue;
    if (const auto* t = v->Find("text"); t != nullptr) texts.push_back(t->text);
  }
  const int passes = std::atoi(argv[2]);
  alam::NormalizeOptions options;
  options.repair_invalid_utf8 = true;
  std::string out;
  alam::OffsetMap map;
  size_t bytes = 0;
  for (int p = 0; p < passes; ++p) {
    for (const std::string& t : texts) {
      if (!alam::Normalize(t, &out, &map, options).ok()) return 1;
      bytes += t.size();
    }
  }
  std::printf("%zu\n", bytes / static_cast<size_t>(passes > 0 ? passes : 1));
  return 0;
}
