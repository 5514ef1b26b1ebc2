#!/usr/bin/env python3
"""Fails on an import circle between the files of a Rust crate (ARCHITECTURE.md: "imports go
downwards only").

Usage: scripts/import_cycles.py [CRATE_SRC ...]   (default: src core/src)

For each crate source folder it builds the file-level graph "file A names an item defined in
file B": every `crate::…`, `super::…`, `self::…` path (in `use` and in code) and every `use` of a
child module declared with `mod`, resolved through the module tree (`a/b.rs`, `a/b/mod.rs`,
inline `mod x { … }`) to the file that *defines* the item — a `pub use` re-export is followed to
its source, so `use crate::ui::editor::MapExtras` is an edge to the file that declares
`MapExtras`, not to `editor/mod.rs`. A `mod x;` declaration alone is not an import. Paths into
other crates (`journey_core::…`, `leptos::…`) are not edges: only circles inside one crate count.
Comments, strings and `#[cfg(test)]` modules are skipped (a test may look anywhere).

Every strongly connected component of more than one file is reported with one circle through
it (file → file, and the line of each import), and the exit code is 1. The same is checked one
level up, between folders (a folder is its files and its `x.rs` beside `x/`; each file directly
in the crate's folder stands alone): `model` → `score` → `model` is an arrow back
up even when no two files import each other.

Its own test: scripts/test_import_cycles.py (fixture trees with and without a circle).
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
ITEM_RE = re.compile(
    r"\b(?:fn|struct|enum|trait|type|const|static|union|macro_rules!)\s+(" + IDENT + r")"
)


# ----------------------------------------------------------------------------- lexing

def strip_code(text: str) -> str:
    """Comments, string and char literals replaced by spaces (newlines kept, so offsets and line
    numbers stay true)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            end = '"' + m.group(1)
            j = text.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or (c == "b" and text.startswith('b"', i)):
            j = i + (2 if c == "b" else 1)
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            # char literal ('a', '\n', '\u{1F600}') vs lifetime ('a)
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def matching_brace(code: str, open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


# ----------------------------------------------------------------------------- module tree

@dataclass
class Module:
    path: tuple            # module path from the crate root, e.g. ("ui", "editor")
    file: str              # the file that holds it (an inline module: its parent's file)
    children: dict = field(default_factory=dict)   # name -> Module
    items: set = field(default_factory=set)        # names defined here
    reexports: dict = field(default_factory=dict)  # name -> (absolute path, line) of a `pub use`
    globs: list = field(default_factory=list)      # absolute paths of `pub use x::*`
    span: tuple = (0, 0)   # offsets in the file's code (inline modules)


@dataclass
class Use:
    file: str
    line: int
    scope: tuple           # module path where the path is written
    segments: list         # the path as written (crate/super/self resolved later)


class Crate:
    def __init__(self, root_dir: str):
        self.root_dir = root_dir
        self.modules: dict[tuple, Module] = {}
        self.uses: list[Use] = []
        self.files: list[str] = []
        for root_file in ("lib.rs", "main.rs"):
            p = os.path.join(root_dir, root_file)
            if os.path.exists(p):
                self.load_file(p, ())
                break

    # -- loading
    def load_file(self, path: str, mod_path: tuple):
        with open(path, encoding="utf-8") as fh:
            code = strip_code(fh.read())
        self.files.append(path)
        module = Module(mod_path, path, span=(0, len(code)))
        self.modules[mod_path] = module
        self.scan(code, path, module, 0, len(code))

    def child_dir(self, module: Module) -> str:
        """Folder where `mod x;` of this module looks for x.rs / x/mod.rs."""
        f = module.file
        base = os.path.basename(f)
        d = os.path.dirname(f)
        if module.span != (0, 0) and self.modules.get(module.path[:-1]) and self.modules[module.path[:-1]].file == f and module.path:
            # inline module: its children live under parent_dir/<name>
            parent = self.modules[module.path[:-1]]
            return os.path.join(self.child_dir(parent), module.path[-1])
        if base in ("mod.rs", "lib.rs", "main.rs"):
            return d
        return os.path.join(d, base[:-3])

    def scan(self, code: str, path: str, module: Module, start: int, end: int):
        i = start
        cfg_test = re.compile(r"#\[cfg\(\s*test\s*\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+" + IDENT + r"\s*\{")
        mod_re = re.compile(r"(?:pub(?:\([^)]*\))?\s+)?mod\s+(" + IDENT + r")\s*([;{])")
        use_re = re.compile(r"(pub(?:\([^)]*\))?\s+)?use\s+([^;]*);")
        path_re = re.compile(r"(?<![A-Za-z0-9_:])((?:crate|super|self)(?:\s*::\s*" + IDENT + r")+)")
        while i < end:
            m_test = cfg_test.match(code, i)
            if m_test:
                close = matching_brace(code, m_test.end() - 1)
                i = close + 1
                continue
            m_mod = mod_re.match(code, i) if (i == 0 or not (code[i - 1].isalnum() or code[i - 1] == "_")) else None
            if m_mod:
                name = m_mod.group(1)
                if m_mod.group(2) == ";":
                    d = self.child_dir(module)
                    for cand in (os.path.join(d, name + ".rs"), os.path.join(d, name, "mod.rs")):
                        if os.path.exists(cand):
                            self.load_file(cand, module.path + (name,))
                            module.children[name] = self.modules[module.path + (name,)]
                            break
                    module.items.add(name)
                    i = m_mod.end()
                    continue
                open_at = m_mod.end() - 1
                close = matching_brace(code, open_at)
                child = Module(module.path + (name,), path, span=(open_at, close))
                self.modules[child.path] = child
                module.children[name] = child
                module.items.add(name)
                self.scan(code, path, child, open_at + 1, close)
                i = close + 1
                continue
            m_use = use_re.match(code, i) if (i == 0 or not (code[i - 1].isalnum() or code[i - 1] == "_")) else None
            if m_use:
                line = code.count("\n", 0, i) + 1
                for segs, alias in expand_use_tree(m_use.group(2)):
                    if not segs:
                        continue
                    self.uses.append(Use(path, line, module.path, segs))
                    if m_use.group(1):
                        if segs[-1] == "*":
                            module.globs.append((module.path, segs[:-1]))
                        else:
                            module.reexports[alias or segs[-1]] = (module.path, segs)
                    elif alias or segs[-1] != "*":
                        pass
                i = m_use.end()
                continue
            m_item = ITEM_RE.match(code, i) if (i == 0 or not (code[i - 1].isalnum() or code[i - 1] == "_")) else None
            if m_item:
                module.items.add(m_item.group(1))
                i = m_item.end()
                continue
            m_path = path_re.match(code, i) if (i == 0 or not (code[i - 1].isalnum() or code[i - 1] in "_:")) else None
            if m_path:
                segs = [s.strip() for s in m_path.group(1).split("::")]
                line = code.count("\n", 0, i) + 1
                self.uses.append(Use(path, line, module.path, segs))
                i = m_path.end()
                continue
            i += 1

    # -- resolution
    def absolute(self, scope: tuple, segs: list):
        """Module path + rest for a path written in `scope`; None for another crate's path."""
        segs = list(segs)
        if segs[0] == "crate":
            return (), segs[1:]
        if segs[0] in ("self", "super"):
            base = scope
            while segs and segs[0] in ("self", "super"):
                if segs[0] == "super":
                    base = base[:-1]
                segs = segs[1:]
            return base, segs
        # a 2018-style path starting with a child module (or item) of the current module
        mod = self.modules.get(scope)
        if mod and segs[0] in mod.children:
            return scope, segs
        return None

    def defining_file(self, base: tuple, rest: list, seen=None):
        """The file that defines the item `base::rest…` (following `pub use`)."""
        seen = seen or set()
        key = (base, tuple(rest))
        if key in seen:
            return None
        seen.add(key)
        mod = self.modules.get(base)
        if mod is None:
            return None
        for k, seg in enumerate(rest):
            if seg == "*" or seg == "self":
                return mod.file
            if seg in mod.children:
                mod = mod.children[seg]
                continue
            if seg in mod.reexports:
                scope, segs = mod.reexports[seg]
                ab = self.absolute(scope, segs)
                if ab is None:
                    return None  # a re-export from another crate
                return self.defining_file(ab[0], ab[1] + rest[k + 1:], seen)
            if seg in mod.items:
                return mod.file
            for scope, segs in mod.globs:
                ab = self.absolute(scope, segs)
                if ab is None:
                    continue
                found = self.defining_file(ab[0], ab[1] + rest[k:], seen)
                if found:
                    return found
            return mod.file  # unknown name (e.g. a variant, a method): the module's file
        return mod.file

    def edges(self):
        out: dict[str, dict[str, int]] = {f: {} for f in self.files}
        for u in self.uses:
            ab = self.absolute(u.scope, u.segments)
            if ab is None:
                continue
            target = self.defining_file(*ab)
            if target and target != u.file:
                out[u.file].setdefault(target, u.line)
        return out


def expand_use_tree(tree: str):
    """`a::{b, c::{d as e, *}}` → [(["a","b"], None), (["a","c","d"], "e"), (["a","c","*"], None)]"""
    tree = re.sub(r"\s+", " ", tree).strip()
    tree = re.sub(r"^::\s*", "", tree)

    def parse(s: str, prefix: list):
        s = s.strip()
        if not s:
            return []
        brace = s.find("{")
        if brace < 0:
            alias = None
            m = re.match(r"(.*?)\s+as\s+(" + IDENT + r")$", s)
            if m:
                s, alias = m.group(1), m.group(2)
            segs = [x.strip() for x in s.split("::") if x.strip()]
            if segs and segs[-1] == "self":
                segs = segs[:-1]
                alias = alias or (segs[-1] if segs else None)
            return [(prefix + segs, alias)]
        head = [x.strip() for x in s[:brace].split("::") if x.strip()]
        inner = s[brace + 1:s.rfind("}")]
        parts, depth, cur = [], 0, ""
        for ch in inner:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        parts.append(cur)
        out = []
        for p in parts:
            out += parse(p, prefix + head)
        return out

    return parse(tree, [])


# ----------------------------------------------------------------------------- cycles

def strongly_connected(graph: dict):
    index, low, on, stack, comps, counter = {}, {}, set(), [], [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [c for c in comps if len(c) > 1]


def one_circle(graph: dict, comp: list):
    """A shortest circle through the component's first file (breadth-first inside it)."""
    members = set(comp)
    start = comp[0]
    prev = {start: None}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v]):
            if w not in members:
                continue
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                path.reverse()
                return path + [start]
            if w not in prev:
                prev[w] = v
                queue.append(w)
    return comp


def folder_of(root_dir: str, file: str) -> str:
    """The folder a file belongs to: its directory, or `x/` for `x.rs` beside a folder `x`.
    A file directly in the crate's folder (`lib.rs`, `pwa.rs`) is a unit of its own: the
    crate root is no feature folder, its files are the crate's top-level modules."""
    rel = os.path.relpath(file, root_dir)
    d, name = os.path.split(rel)
    stem = name[:-3]
    if stem != "mod" and os.path.isdir(os.path.join(root_dir, d, stem)):
        d = os.path.join(d, stem)
    return d + "/" if d else rel


def check(root_dir: str, base: str) -> list[str]:
    crate = Crate(root_dir)
    graph = crate.edges()
    problems = []
    for comp in strongly_connected(graph):
        circle = one_circle(graph, comp)
        steps = []
        for a, b in zip(circle, circle[1:]):
            steps.append(f"  {os.path.relpath(a, base)}:{graph[a][b]} imports {os.path.relpath(b, base)}")
        names = ", ".join(os.path.relpath(f, base) for f in comp)
        problems.append(f"import circle between {len(comp)} files ({names}):\n" + "\n".join(steps))
    # One level up: folders, each edge remembered with one import that makes it.
    folders: dict[str, dict[str, tuple]] = {}
    for a, targets in graph.items():
        fa = folder_of(root_dir, a)
        folders.setdefault(fa, {})
        for b, line in sorted(targets.items()):
            fb = folder_of(root_dir, b)
            folders.setdefault(fb, {})
            if fa != fb:
                folders[fa].setdefault(fb, (a, line, b))
    for comp in strongly_connected(folders):
        circle = one_circle(folders, comp)
        steps = []
        for fa, fb in zip(circle, circle[1:]):
            a, line, b = folders[fa][fb]
            steps.append(f"  {fa} → {fb}: {os.path.relpath(a, base)}:{line} imports {os.path.relpath(b, base)}")
        names = ", ".join(os.path.join(os.path.relpath(root_dir, base), f) for f in comp)
        problems.append(f"import circle between {len(comp)} folders ({names}):\n" + "\n".join(steps))
    return problems


def main(argv):
    base = os.getcwd()
    roots = argv[1:] or ["src", "core/src"]
    failed = False
    for root in roots:
        problems = check(root, base)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            failed = True
        else:
            print(f"{root}: no import circles")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
