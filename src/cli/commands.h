// Private to the CLI: the commands and their arguments. The CLI only reads flags and files and
// writes what the library formats (alam/format.h); it holds no extraction logic of its own.
#ifndef ALAM_SRC_CLI_COMMANDS_H_
#define ALAM_SRC_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "alam/extractor.h"
#include "alam/format.h"
#include "cli/input.h"

namespace alam::cli {

struct Args {
  std::string command;  // "extract", "stats" or "" (help or version already printed)
  std::vector<std::string> files;
  ExtractorOptions ex;
  InputOptions in;
  RecordFormat format = RecordFormat::kJsonLines;
  std::string output;  // "" or "-": standard output
  bool quiet = false;
  unsigned threads = 0;
  size_t batch_bytes = 0;  // 0: chosen from the thread count
  int progress = -1;       // -1 = auto
};

// Parses the command line (CLI11). Returns -1 when the command should run, else the exit
// status: 0 after --help or --version, 2 after a usage error (its message on stderr).
int ParseArgs(int argc, char** argv, Args* a);

int Extract(const Args& a);
int Stats(const Args& a);

// Runs the program again with glibc's transparent huge pages for malloc (huge_pages.cc).
void ExecWithHugePages(char** argv);

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_COMMANDS_H_
