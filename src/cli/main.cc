// alam — the command-line tool: extract entities from news dumps, print gazetteer stats.
#include "cli/commands.h"

int main(int argc, char** argv) {
  alam::cli::Args a;
  const int status = alam::cli::ParseArgs(argc, argv, &a);
  if (status >= 0) return status;
  if (a.command == "extract") {
    alam::cli::ExecWithHugePages(argv);
    return alam::cli::Extract(a);
  }
  return alam::cli::Stats(a);
}
