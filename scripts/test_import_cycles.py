#!/usr/bin/env python3
"""Tests of scripts/import_cycles.py on tiny made-up crates: a circle (through `use`, a path in
code, `super::`, or between folders) fails and is named; a tree without one passes, whatever
its comments, strings, test modules and re-exports say."""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "import_cycles.py")


def crate(files: dict) -> str:
    root = tempfile.mkdtemp(prefix="import-cycles-")
    for path, text in files.items():
        full = os.path.join(root, "src", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as fh:
            fh.write(textwrap.dedent(text))
    return root


def run(root: str):
    return subprocess.run([sys.executable, SCRIPT, "src"], cwd=root, capture_output=True, text=True)


class ImportCycles(unittest.TestCase):
    def assert_circle(self, files, *names):
        result = run(crate(files))
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        for name in names:
            self.assertIn(name, result.stderr)

    def assert_clean(self, files):
        result = run(crate(files))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("no import circles", result.stdout)

    def test_two_files_importing_each_other_fail(self):
        self.assert_circle(
            {
                "lib.rs": "mod a;\nmod b;\n",
                "a.rs": "use crate::b::B;\npub struct A;\n",
                "b.rs": "use crate::a::A;\npub struct B(A);\n",
            },
            "import circle between 2 files",
            "src/a.rs:1 imports src/b.rs",
            "src/b.rs:1 imports src/a.rs",
        )

    def test_a_path_in_code_and_super_count(self):
        self.assert_circle(
            {
                "lib.rs": "mod x;\n",
                "x/mod.rs": "mod p;\nmod q;\n",
                "x/p.rs": "pub fn p() { super::q::q() }\n",
                "x/q.rs": "pub fn q() {\n    let _ = crate::x::p::p;\n}\n",
            },
            "src/x/p.rs:1 imports src/x/q.rs",
            "src/x/q.rs:2 imports src/x/p.rs",
        )

    def test_a_circle_through_a_re_export_is_followed_to_the_defining_file(self):
        self.assert_circle(
            {
                "lib.rs": "mod m;\nmod other;\n",
                "m/mod.rs": "mod inner;\npub use inner::Thing;\n",
                "m/inner.rs": "use crate::other::Other;\npub struct Thing(Other);\n",
                "other.rs": "use crate::m::Thing;\npub struct Other;\nfn f(_: Thing) {}\n",
            },
            "src/m/inner.rs:1 imports src/other.rs",
            "src/other.rs:1 imports src/m/inner.rs",
        )

    def test_folders_importing_each_other_fail_without_a_file_circle(self):
        self.assert_circle(
            {
                "lib.rs": "mod model;\nmod score;\n",
                "model/mod.rs": "mod map;\nmod settings;\n",
                "model/map.rs": "pub struct Map(crate::score::weights::Weights);\n",
                "model/settings.rs": "pub struct Settings;\n",
                "score/mod.rs": "pub mod weights;\nmod run;\n",
                "score/weights.rs": "pub struct Weights;\n",
                "score/run.rs": "use crate::model::settings::Settings;\nfn run(_: Settings) {}\n",
            },
            "import circle between 2 folders",
            "model/ → score/",
            "score/ → model/",
        )

    def test_a_tree_going_downwards_passes(self):
        self.assert_clean(
            {
                "lib.rs": "pub mod app;\nmod feature;\nmod base;\npub use app::start;\n",
                "app.rs": "use crate::feature::{page::Page, Panel};\npub fn start() { let _ = (Page, Panel); }\n",
                "feature/mod.rs": "pub mod page;\nmod panel;\npub use panel::Panel;\n",
                "feature/page.rs": textwrap.dedent(
                    """\
                    //! Says crate::app::start in a comment, which is no import.
                    use super::Panel;
                    use crate::base::{self, Base};
                    pub struct Page;
                    fn f() -> &'static str { let _ = (Panel, Base, base::helper); "crate::app::start" }
                    /* crate::app::start */
                    #[cfg(test)]
                    mod tests {
                        use crate::app::start;
                        #[test]
                        fn t() { start() }
                    }
                    """
                ),
                "feature/panel.rs": "use crate::base::Base;\npub struct Panel;\nfn g(_: Base) {}\n",
                "base.rs": "pub struct Base;\npub fn helper() {}\nmod inner {\n    use super::Base;\n    fn h(_: Base) {}\n}\n",
            }
        )

    def test_the_repository_has_no_circle(self):
        repo = os.path.dirname(os.path.dirname(SCRIPT))
        result = subprocess.run([sys.executable, SCRIPT], cwd=repo, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)


if __name__ == "__main__":
    unittest.main()
