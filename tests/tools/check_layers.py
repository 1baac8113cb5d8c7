#!/usr/bin/env python3
"""Fails when a source file includes a private header of a layer it may not depend on.

The layers of src/ (DESIGN.md "Layout"), bottom to top; a file may include the public headers
(alam/*.h), headers of its own layer and of the layers listed for it, nothing else:

  core        (nothing)                 types and helpers every stage shares
  normalize   core
  gazetteer   core normalize
  rules       core normalize gazetteer
  context     core normalize gazetteer rules
  resolve     core normalize gazetteer rules context
  document    the stages                src/*.{h,cc}: scratch, segments, extractor, stream
  format      core document             the record writers
  cli, capi   core                      the shells: the public API and core's helpers only

    check_layers.py [--list] [SRC_ROOT]

--list prints every include edge between layers with a mark for the ones not allowed.
"""
import os
import re
import sys

ALLOWED = {
    "core": set(),
    "normalize": {"core"},
    "gazetteer": {"core", "normalize"},
    "rules": {"core", "normalize", "gazetteer"},
    "context": {"core", "normalize", "gazetteer", "rules"},
    "resolve": {"core", "normalize", "gazetteer", "rules", "context"},
    "document": {"core", "normalize", "gazetteer", "rules", "context", "resolve"},
    "format": {"core", "document"},
    "cli": {"core"},
    "capi": {"core"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of_file(root, path):
    rel = os.path.relpath(path, root)
    if rel.startswith(".." + os.sep):  # capi/ beside src/
        return os.path.basename(os.path.dirname(path))
    parts = rel.split(os.sep)
    return parts[0] if len(parts) > 1 else "document"


def layer_of_include(root, inc):
    """The layer of a private header; None for the public API and other libraries."""
    parts = inc.split("/")
    if len(parts) == 1:
        return "document" if os.path.exists(os.path.join(root, inc)) else None
    return parts[0] if os.path.isdir(os.path.join(root, parts[0])) else None


def edges(root):
    dirs = [root, os.path.join(root, "..", "capi")]
    for d in dirs:
        for dp, _, files in os.walk(d):
            for f in sorted(files):
                if not f.endswith((".h", ".cc")):
                    continue
                path = os.path.join(dp, f)
                src = layer_of_file(root, path)
                with open(path, encoding="utf-8") as fh:
                    for n, line in enumerate(fh, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        dst = layer_of_include(root, m.group(1))
                        if dst is None or dst == src:
                            continue
                        yield os.path.relpath(path, os.path.join(root, "..")), n, src, dst, m.group(1)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), "..", "..", "src"))
    bad = 0
    for path, n, src, dst, inc in edges(root):
        if src not in ALLOWED:
            print(f"{path}:{n}: layer '{src}' is not in check_layers.py's table")
            bad += 1
            continue
        ok = dst in ALLOWED[src]
        if not ok:
            print(f"{path}:{n}: {src} -> {dst} (\"{inc}\") points the wrong way")
            bad += 1
        elif "--list" in argv:
            print(f"{path}:{n}: {src} -> {dst}")
    print(f"{bad} include(s) against the layering" if bad else "layering: every include points down")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
