#!/usr/bin/env python3
"""Lists every C++ function longer than 60 lines in src/ and capi/ and exits 1 if any is not
on the allow list.

  python3 tests/tools/check_function_length.py [--root DIR] [--max N] [--allow FILE] [DIR...]
  python3 tests/tools/check_function_length.py --self-test   # the scanner on a fixed snippet

A function's length is the number of lines from the line of its opening brace to the line of
its closing brace, both included. The allow list (tests/tools/function_length_allow.txt by
default) has one `path:function` per line, path relative to the root, `#` starts a comment;
delete an entry when its function is split. An entry that no longer matches an overlong
function is reported as stale (exit 1), so the list only shrinks.

How it finds functions (a lexical scan, not a parser):
  * comments, string literals (raw strings included), character literals and preprocessor
    lines are blanked out first, so braces in them do not count;
  * a `{` opens a function body when the code before it, back to the previous `;`, `{` or
    `}`, ends with a parameter list `)` optionally followed by qualifiers (const, noexcept,
    override, final, -> return type, a constructor's member initializer list...), and the
    word before the `(` is not a control keyword (if, for, while, switch, catch);
  * lambdas are not functions of their own: their lines count toward the enclosing function;
    a function defined inside a class body is found like any other.
Limits: macros that expand to function definitions or hide braces are not seen; a member
initializer list with braced initializers `a_{x}` is not recognised (its `{` is taken as the
body, so the function is reported a line or so short, or not at all); the
reported name is the last identifier (with its `Class::` qualification) before the `(`, so
overloads share a name in the allow list; K&R-style and other exotic declarations are not
recognised. The files scanned are *.cc, *.cpp, *.h and *.hpp.
"""
import argparse, os, re, sys

EXTS = (".cc", ".cpp", ".h", ".hpp")
CONTROL = {"if", "for", "while", "switch", "catch", "return", "sizeof", "decltype", "alignof",
           "static_assert", "defined"}


def blank(text):
    """Replaces comments, literals and preprocessor lines by spaces, keeping newlines."""
    out, i, n = [], 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c == "#":  # a preprocessor line, with its continuations
            j = i
            while j < n and not (text[j] == "\n" and text[j - 1] != "\\"):
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if c == "\n":
            line_start = True
            out.append(c)
            i += 1
            continue
        if not c.isspace():
            line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_") or text[i - 1] in "uUL8"):
            m = re.match(r'R"([^()\\ ]{0,16})\(', text[i:])
            if m:
                end = text.find(")" + m.group(1) + '"', i + m.end())
                end = n if end < 0 else end + len(m.group(1)) + 2
                out.append(re.sub(r"[^\n]", " ", text[i:end]))
                i = end
            else:
                out.append(c)
                i += 1
        elif c in "\"'":
            if c == "'" and i > 0 and (text[i - 1].isalnum()) and i + 1 < n and text[i + 1].isalnum() \
                    and not (i >= 1 and text[i - 1] in "uUL8" and (i < 2 or not text[i - 2].isalnum())):
                out.append(" ")  # a digit separator: 1'000'000
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


NAME = re.compile(r"((?:~?[A-Za-z_]\w*\s*::\s*)*(?:~?[A-Za-z_]\w*|operator\s*[^\s\w(]+|operator\s*\(\s*\)))\s*$")
# What may follow a function's parameter list before its body: qualifiers, a trailing return
# type, attributes, or a constructor's member initializer list.
TAIL = re.compile(r"""\s*(?:(?:const|volatile|noexcept(?:\s*\([^)]*\))?|override|final|mutable|&&?|
                     ->\s*[^;{}()]+|\[\[[^\]]*\]\]|__attribute__\s*\(\(.*?\)\))\s*)*
                     (?::\s*[^;{}]*)?$""", re.X | re.S)


def top_level_groups(head):
    """The (open, close) offsets of the parenthesised groups of `head` at parenthesis depth 0."""
    groups, depth, open_at = [], 0, 0
    for i, c in enumerate(head):
        if c == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append((open_at, i))
    return groups


def function_name(head):
    """The function's name when `head` (the code between the previous ;/{/} and a `{`) is a
    function's signature, else None. The parameter list is the first top-level group after
    which only qualifiers (or an initializer list) follow and before which stands a name."""
    for open_at, close in top_level_groups(head):
        if not TAIL.fullmatch(head[close + 1:]):
            continue
        m = NAME.search(head[:open_at])
        if not m:
            continue
        name = re.sub(r"\s+", "", m.group(1))
        if re.split(r"::", name)[-1] in CONTROL:
            return None
        return name
    return None


def find_functions(code):
    """Yields (name, first_line, last_line) of the function bodies in blanked code."""
    depth_stack = []  # for each open brace: (is_function, name, line) of it
    stmt_start = 0
    line = 1
    inside_function = 0
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == ";":
            stmt_start = i + 1
        elif c == "{":
            name = None if inside_function else function_name(code[stmt_start:i])
            if name:
                inside_function += 1
                depth_stack.append((True, name, line))
            else:
                depth_stack.append((False, None, line))
            stmt_start = i + 1
        elif c == "}":
            if depth_stack:
                is_fn, name, first = depth_stack.pop()
                if is_fn:
                    inside_function -= 1
                    yield name, first, line
            stmt_start = i + 1


def scan(root, dirs, max_lines):
    long_ones = []
    for d in dirs:
        for base, _, files in os.walk(os.path.join(root, d)):
            for f in sorted(files):
                if not f.endswith(EXTS):
                    continue
                path = os.path.join(base, f)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    code = blank(fh.read())
                for name, first, last in find_functions(code):
                    if last - first + 1 > max_lines:
                        long_ones.append((rel, name, first, last - first + 1))
    return sorted(long_ones)


def read_allow(path):
    allowed = set()
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                entry = raw.split("#", 1)[0].strip()
                if entry:
                    allowed.add(entry)
    return allowed


SELF_TEST = r'''
#define BRACES { {
namespace n {
struct S : Base {
  int Inline() const { return 1; }
};
// } a brace in a comment
/* { another
   } */
template <class T>
__attribute__((always_inline)) inline int Attr(T x) {
  const char* s = "}{";
  char c = '}';
  auto raw = R"x(}})x";
  auto f = [&](int y) {
    if (y) { return y; }
    return 0;
  };
  return f(x);
}
S::S(int a) : a_(a), b_{a} {
  while (a) {
  }
}
auto Trailing(int a) -> int { return a; }
}  // namespace n
'''


def self_test():
    """Checks the scan on a snippet holding the cases the docstring lists."""
    got = [(n, a, b) for n, a, b in find_functions(blank(SELF_TEST))]
    # Lines count from the snippet's leading newline. S::S shows the documented limit: the braced
    # member initializer b_{a} is taken for the body.
    want = [("Inline", 5, 5), ("Attr", 11, 20), ("S::S", 21, 21), ("Trailing", 25, 25)]
    if sorted(got) != sorted(want):
        print(f"self-test FAILED: got {got}, want {want}", file=sys.stderr)
        return 1
    print("self-test passed")
    return 0


def main():
    if "--self-test" in sys.argv[1:]:
        return self_test()
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(here)))
    ap.add_argument("--max", type=int, default=60)
    ap.add_argument("--allow", default=os.path.join(here, "function_length_allow.txt"),
                    help="file of path:function entries allowed to be longer (default: %(default)s)")
    ap.add_argument("dirs", nargs="*", default=["src", "capi"])
    args = ap.parse_args()
    allowed = read_allow(args.allow)
    long_ones = scan(args.root, args.dirs, args.max)
    failed = False
    seen = set()
    for rel, name, first, n in long_ones:
        key = f"{rel}:{name}"
        seen.add(key)
        mark = "allowed" if key in allowed else "TOO LONG"
        failed |= key not in allowed
        print(f"{rel}:{first}: {name} is {n} lines ({mark})")
    for key in sorted(allowed - seen):
        print(f"stale allow entry (no function over {args.max} lines): {key}")
        failed = True
    if failed:
        print(f"FAILED: functions over {args.max} lines must be split, or (outside src/normalize/) "
              f"listed in {args.allow} until they are", file=sys.stderr)
    else:
        print(f"no function over {args.max} lines outside the allow list")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
