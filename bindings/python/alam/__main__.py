"""python -m alam [extract] [options] [FILE...]: the entities of each document as JSON Lines.

Runs the `alam` command's extract when it can find it (on PATH, or beside the loaded
libalam as in a build tree), so every option of `alam extract` works. Otherwise a small loop
over the ctypes API does the extraction, with the same records for the options it knows.
--no-cli forces that loop. --help says which of the two would run.
"""

import argparse
import lzma
import os
import shutil
import sys


def find_cli():
    """Path of the alam command: on PATH, else beside the library (a build tree), else None."""
    path = shutil.which("alam")
    if path:
        return path
    try:
        from . import _lib
        lib_dir = os.path.dirname(os.path.realpath(_lib.library_path()))
    except Exception:  # noqa: BLE001 - no library: the loop below reports it
        return None
    path = os.path.join(lib_dir, "alam")
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def _parser():
    p = argparse.ArgumentParser(
        prog="python -m alam",
        description="Prints the entities of each document (JSON Lines, one record per "
                    "document, as `alam extract` writes them). This is the pure-Python "
                    "fallback over the ctypes API; it is used because the alam command "
                    "was not found (or --no-cli was given).")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="a .jsonl or .jsonl.gz file (one JSON document per line) or a "
                        "plain-text file (one document); '-' or none: standard input")
    p.add_argument("--id-field", default="id")
    p.add_argument("--text-field", action="append", dest="text_fields")
    p.add_argument("--no-rules", action="store_true")
    p.add_argument("--keep-ungated", action="store_true")
    p.add_argument("--explain", action="store_const", const=5, default=0)
    p.add_argument("--min-score", type=float, default=0.0)
    p.add_argument("--repair", action="store_true")
    p.add_argument("--no-cli", action="store_true",
                   help="do not run the alam command even when it is found")
    return p


def _documents(paths, id_field, text_fields):
    from ._records import (Document, decompression_error, input_names, is_jsonl_path,
                           open_decompressed, parse_jsonl_line, read_text_document,
                           unsupported_input)
    names = input_names(paths or [])
    for path in paths or ["-"]:
        if path == "-":
            data = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
            yield Document("stdin", data)
            continue
        why = unsupported_input(path)
        if why is not None:  # what only the alam command reads: one failed document
            yield Document(names[path], None, why)
            continue
        if not is_jsonl_path(path):
            yield read_text_document(path, names[path])
            continue
        name = names[path]
        try:
            with open_decompressed(path) as f:
                lines = f.read().decode("utf-8", "surrogateescape").split("\n")
        except OSError as e:
            if e.strerror is None and os.path.isfile(path):  # gzip.BadGzipFile and the like
                yield Document(name, None, decompression_error(path, e))
            else:
                yield Document(name, None, "cannot open %s: %s" % (path, e.strerror or e))
            continue
        except (EOFError, ValueError, lzma.LZMAError) as e:  # truncated or corrupt
            yield Document(name, None, decompression_error(path, e))
            continue
        for n, line in enumerate(lines, 1):
            d = parse_jsonl_line(line, name, n, id_field, text_fields)
            if d is not None:
                yield d


def run_python(args):
    """The extraction loop over the ctypes API; returns the exit status."""
    import alam
    try:
        ex = alam.Extractor(enable_rules=not args.no_rules, keep_ungated=args.keep_ungated,
                            min_score=args.min_score, repair=args.repair, explain=args.explain)
    except alam.AlamError as e:
        print("python -m alam: %s" % e, file=sys.stderr)
        return 2
    failed = total = 0
    out = sys.stdout
    with ex:
        for d in _documents(args.files, args.id_field, tuple(args.text_fields or ["text"])):
            total += 1
            data = b"" if d.error else d.text.encode("utf-8", "surrogateescape")
            record, bad = ex.write_records([data], [d.id], [d.error or None], threads=1)
            if bad:
                failed += 1
                print("python -m alam: %s failed: %s" % (d.id, record.decode("utf-8", "replace")),
                      file=sys.stderr)
            out.write(record.decode("utf-8", "surrogateescape"))
    out.flush()
    if failed:
        print("python -m alam: %d of %d documents failed" % (failed, total), file=sys.stderr)
    return 1 if failed else 0


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["extract"]:
        argv = argv[1:]
    cli = None if "--no-cli" in argv else find_cli()
    if cli:
        if "-h" in argv or "--help" in argv:
            print("python -m alam: runs the alam command %s (`alam extract`); its help "
                  "follows. --no-cli uses the pure-Python loop instead.\n" % cli, flush=True)
        os.execv(cli, [cli, "extract", *argv])
    return run_python(_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
