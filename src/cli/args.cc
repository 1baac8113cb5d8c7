#include <iostream>
#include <map>
#include <string>

#include "CLI/CLI.hpp"
#include "alam/alam.h"
#include "cli/commands.h"

namespace alam::cli {
namespace {

constexpr char kExtractFooter[] = R"(FILE: a file ending in .jsonl or .ndjson is JSON Lines (one document per line); .json is a
JSON array of records (or JSON Lines); any other file is one plain-text document named by its
base name. gzip, xz, bzip2 and zstd files are decompressed as they are read (known by their
first bytes, whatever their name: data.jsonl.zst is JSON Lines); truncated or corrupt
compressed data is an error. '-' or no FILE reads standard input.
Field names (--id-field, --text-field, --keep-field, --date-field) may be dotted paths to
nested members: meta.date, article.body.
Input must be UTF-8 unless --encoding names its encoding; the bytes are then converted to
UTF-8 before anything else, and the offsets (start, end) written are offsets in that UTF-8
text, not in the input file's bytes.
On Linux with glibc 2.35 or later, extract executes itself again once (same process id) with
glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES: malloc asks for transparent huge pages. It does
not when GLIBC_TUNABLES already names glibc.malloc.hugetlb (set it to 0 for glibc's default),
when the kernel's transparent_hugepage setting is "never", or for a setuid program.
Exit status: 0 when every document was processed; 1 when some document failed (each failure
is reported on standard error with its document id, and its record carries "error"); 2 for
usage errors or when the extractor cannot be built.)";

// Options both commands take: the data the extractor loads.
void AddDataOptions(CLI::App* cmd, Args* a) {
  cmd->add_option("--gazetteer", a->ex.gazetteer_files,
                  "load extra gazetteer entries from FILE (data/README.md format); repeatable")
      ->type_name("FILE")->expected(1)->allow_extra_args(false)->take_all();
  cmd->add_flag_callback("--no-embedded", [a] { a->ex.use_embedded_data = false; },
                         "do not load the embedded gazetteer and rules");
}

void AddInputOptions(CLI::App* cmd, Args* a) {
  cmd->add_option_function<std::string>(
         "--input-format",
         [a](const std::string& v) {
           a->in.format = v == "text"    ? InputOptions::Format::kText
                          : v == "jsonl" ? InputOptions::Format::kJsonl
                                         : InputOptions::Format::kAuto;
         },
         "auto (by file name; the default), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}))
      ->type_name("F");
  cmd->add_option("--id-field", a->in.id_field, "JSON Lines field holding the document id")
      ->type_name("F")->capture_default_str();
  cmd->add_option("--text-field", a->in.text_fields,
                  "JSON Lines field holding text; repeat to join several (title, body) with a "
                  "blank line between them (default: text)")
      ->type_name("F")->expected(1)->allow_extra_args(false)->take_all();
  cmd->add_option("--keep-field", a->in.keep_fields,
                  "copy JSON field F of each record into its output record; repeatable")
      ->type_name("F")->expected(1)->allow_extra_args(false)->take_all();
  cmd->add_option("--date-field", a->in.date_field,
                  "JSON field holding the document's date (YYYY-MM-DD, YYYY/MM/DD or an ISO date "
                  "and time); other values are left out, with one warning")
      ->type_name("F");
  cmd->add_option("--encoding", a->in.encoding,
                  "encoding of the input bytes: utf-8 (the default), cp1256 (= windows-1256) or "
                  "iso-8859-6; offsets are then in the text converted to UTF-8")
      ->check(CLI::IsMember({"utf-8", "cp1256", "windows-1256", "iso-8859-6"}, CLI::ignore_case))
      ->type_name("E");
}

void AddExtractOptions(CLI::App* cmd, Args* a) {
  cmd->add_option("FILE", a->files, "inputs (see below)");
  cmd->add_option("-o,--output", a->output, "write the records to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_option_function<std::string>(
         "--format", [a](const std::string& v) { ParseRecordFormat(v, &a->format); },
         "jsonl (the default), bio, csv, tsv, geojson, html or counts (see the manual page)")
      ->check(CLI::IsMember({"jsonl", "bio", "csv", "tsv", "geojson", "html", "counts"}))
      ->type_name("F");
  AddInputOptions(cmd, a);
  cmd->add_option("--threads", a->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(0u, 1024u))->type_name("N");
  AddDataOptions(cmd, a);
  cmd->add_option("--rules", a->ex.rule_files, "load extra context rules from FILE; repeatable")
      ->type_name("FILE")->expected(1)->allow_extra_args(false)->take_all();
  cmd->add_flag_callback("--no-rules", [a] { a->ex.enable_rules = false; }, "disable the context rules");
  cmd->add_flag("--keep-ungated", a->ex.keep_ungated,
                "also emit ambiguous names that lack supporting context (low score)");
  cmd->add_flag_callback("--explain", [a] { a->ex.explain_features = 5; },
                         "give each name the context model kept an \"explain\" field: its score, "
                         "evidence and five features of largest weight");
  cmd->add_flag_callback("--explain-all", [a] { a->ex.explain_features = SIZE_MAX; },
                         "the same with every feature (what data/tools/train_context.py reads)");
  cmd->add_option("--min-score", a->ex.min_score, "drop entities scoring below X")
      ->check(CLI::Range(0.0, 1.0))->type_name("X");
  cmd->add_flag("--repair", a->ex.repair_invalid_utf8,
                "replace invalid UTF-8 bytes with U+FFFD instead of failing the document");
  cmd->add_option("--max-doc-bytes", a->ex.max_document_bytes,
                  "fail documents larger than N bytes (default 1073741824)")
      ->check(CLI::PositiveNumber)->type_name("N");
  cmd->add_option("--batch-bytes", a->batch_bytes,
                  "bytes of text per unit of work handed to a thread; 2 x threads + 2 units are "
                  "in flight at most (default: 1 MB, less with more than 23 threads)")
      ->check(CLI::PositiveNumber)->type_name("N");
  cmd->add_flag_callback("--progress", [a] { a->progress = 1; }, "progress bar on standard error");
  cmd->add_flag_callback("--no-progress", [a] { a->progress = 0; },
                         "no progress bar (default: a bar when standard error is a terminal)");
  cmd->add_flag("-q,--quiet", a->quiet, "no summary or warnings on standard error");
  cmd->footer(kExtractFooter);
}

}  // namespace

int ParseArgs(int argc, char** argv, Args* a) {
  a->in.text_fields.clear();  // the default ("text") unless --text-field is given
  CLI::App app{"alam: finds the places, armed factions, people, organizations and military "
               "operations named in Arabic news about the wars in Syria and Iraq.", "alam"};
  app.set_version_flag("--version", std::string("alam ") + alam_version_string());
  app.require_subcommand(1);
  CLI::App* extract = app.add_subcommand(
      "extract", "find the named entities of each document; one record per document, in input "
                 "order, on standard output");
  AddExtractOptions(extract, a);
  CLI::App* stats = app.add_subcommand("stats", "entries and aliases by type, subtype and country");
  AddDataOptions(stats, a);
  app.add_subcommand("version", "print the version");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e);
      return 0;
    }
    std::cerr << "alam: " << e.what() << "\n"
              << "Run 'alam --help' or 'alam extract --help' for the options.\n";
    return 2;
  }
  if (a->in.text_fields.empty()) a->in.text_fields = {"text"};
  if (extract->parsed()) a->command = "extract";
  if (stats->parsed()) a->command = "stats";
  if (a->command.empty()) std::cout << "alam " << alam_version_string() << "\n";
  return a->command.empty() ? 0 : -1;
}

}  // namespace alam::cli
