//! The layer rules of ARCHITECTURE.md, checked on the source tree so they cannot rot.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_owned()
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<_> = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// The lines of `text` outside its `#[cfg(test)]` module (tests may import what they like).
fn code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

fn offenders(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(dir) {
        for (n, line) in code(&text).lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for needle in forbidden {
                if line.contains(needle) {
                    found.push(format!("{}:{}: {}", path.strip_prefix(root()).unwrap().display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// `.cargo/config.toml` sets `RUSTC_BOOTSTRAP` for one unstable size flag; it must not let an
/// unstable language or library feature in unnoticed.
#[test]
fn no_crate_asks_for_an_unstable_feature() {
    let mut found = Vec::new();
    for dir in ["src", "core/src", "core/tests", "core/examples", "tests", "bench/counter/src"] {
        for (path, text) in sources(dir) {
            // An inner attribute starts its line; this file's own needle does not.
            if text.lines().any(|line| line.trim_start().starts_with("#![feature")) {
                found.push(path.strip_prefix(root()).unwrap().display().to_string());
            }
        }
    }
    assert!(found.is_empty(), "the project builds on stable Rust:\n{}", found.join("\n"));
}

#[test]
fn core_never_imports_the_browser() {
    let found = offenders("core/src", &["web_sys", "js_sys", "wasm_bindgen", "leptos"]);
    assert!(found.is_empty(), "core must stay pure:\n{}", found.join("\n"));
}

#[test]
fn ui_never_imports_runtime_or_lessons() {
    let found = offenders("src/ui", &["crate::runtime", "runtime::", "crate::lessons", "web_sys", "js_sys"]);
    assert!(found.is_empty(), "ui goes through session and its hooks:\n{}", found.join("\n"));
}

#[test]
fn runtime_never_imports_the_layers_above() {
    let found = offenders("src/runtime", &["crate::session", "crate::ui", "crate::lessons", "leptos"]);
    assert!(found.is_empty(), "runtime is below session, ui and lessons:\n{}", found.join("\n"));
}

#[test]
fn lessons_never_import_session_or_ui() {
    let found = offenders("src/lessons", &["crate::session", "crate::ui", "leptos"]);
    assert!(found.is_empty(), "lessons are below session and ui:\n{}", found.join("\n"));
}

#[test]
fn ui_files_import_no_sibling_but_widgets() {
    // Shared pieces live in `ui::widgets`; a panel importing another panel would tangle them.
    let found: Vec<String> = offenders("src/ui", &["use super::"]).into_iter().filter(|l| !l.contains("use super::widgets")).collect();
    assert!(found.is_empty(), "ui files share only through widgets:\n{}", found.join("\n"));
}

#[test]
fn every_module_says_what_it_is_for() {
    let mut missing = Vec::new();
    for dir in ["core/src", "core/tests", "src"] {
        for (path, text) in sources(dir) {
            if !text.starts_with("//!") {
                missing.push(path.strip_prefix(root()).unwrap().display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "files without a `//!` first line:\n{}", missing.join("\n"));
}

#[test]
fn no_source_file_grows_past_300_lines_of_code() {
    let mut long = Vec::new();
    for dir in ["core/src", "src"] {
        for (path, text) in sources(dir) {
            let lines = code(&text).lines().count();
            if lines > 300 {
                long.push(format!("{}: {lines} lines", path.strip_prefix(root()).unwrap().display()));
            }
        }
    }
    assert!(long.is_empty(), "split these by concern:\n{}", long.join("\n"));
}

#[test]
fn the_lesson_id_is_compared_as_text_only_in_the_url_parser() {
    // "race", "timeout", "errors", "limit" and "as-completed" are also modes, parameters or a list's name: their text
    // cannot tell a lesson id apart, so only the other ids are looked for.
    let shared = ["race", "timeout", "errors", "limit", "as-completed"];
    let quoted: Vec<String> =
        async_lab_core::LessonId::ALL.iter().map(|id| id.as_str()).filter(|id| !shared.contains(id)).map(|id| format!("\"{id}\"")).collect();
    let ids: Vec<&str> = quoted.iter().map(String::as_str).collect();
    let found: Vec<String> =
        // A lesson's module says its own id once, as its `slug`.
        ["core/src", "src"].into_iter().flat_map(|dir| offenders(dir, &ids)).filter(|l| !(l.starts_with("core/src/lesson/") && l.contains(": slug: \""))).collect();
    assert!(found.is_empty(), "match `LessonId`, not its text:\n{}", found.join("\n"));
}

#[test]
fn no_lesson_is_singled_out_beyond_its_module() {
    // What is true of one lesson is said in its module (`core/src/lesson/<id>.rs`), as a field of
    // its `Lesson`, so a new lesson is its module and a line in each registry: no code outside
    // names a lesson (`LessonId::Gather`), whether to compare, match or call. The bench's page
    // (`src/bench.rs`, bench builds only) runs gather's program as its fixture.
    let registry = fs::read_to_string(root().join("core/src/lesson/mod.rs")).unwrap();
    let names: Vec<String> = registry
        .lines()
        .filter_map(|l| l.trim().strip_suffix(',')?.split_once(" = ").map(|(name, _)| name.to_owned()))
        .filter(|name| name.chars().all(char::is_alphanumeric))
        .collect();
    assert!(names.len() >= 13, "the registry's lines are `Name = place in module,`: {names:?}");
    let needles: Vec<String> = names.iter().map(|n| format!("LessonId::{n}")).collect();
    let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
    let found: Vec<String> = ["core/src", "src"]
        .into_iter()
        .flat_map(|dir| offenders(dir, &needles))
        .filter(|l| !l.starts_with("core/src/lesson/") && !l.starts_with("src/bench.rs") && !l.contains("tests.rs:"))
        .collect();
    assert!(found.is_empty(), "say it in the lesson's module:\n{}", found.join("\n"));
}

#[test]
fn no_float_is_formatted_or_parsed_through_core_fmt() {
    // `{:.2}` or `{x:.0}` pull float printing into the wasm, `parse::<f64>` its parsing tables.
    let mut found = Vec::new();
    for dir in ["core/src", "src"] {
        for (path, text) in sources(dir) {
            for (n, line) in code(&text).lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let precision = line.match_indices(":.").any(|(at, _)| line[..at].rfind('{').is_some_and(|open| !line[open..at].contains('}')));
                if precision || line.contains("parse::<f64>") || line.contains("parse::<f32>") {
                    found.push(format!("{}:{}: {}", path.strip_prefix(root()).unwrap().display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "use core::format (fixed, whole, ms, seconds, percent):\n{}", found.join("\n"));
}

#[test]
fn every_lesson_has_its_program_region_python_and_javascript() {
    use async_lab_core::LessonId;
    for id in LessonId::ALL {
        let stem = id.as_str().replace('-', "_");
        let program = fs::read_to_string(root().join(format!("src/lessons/{stem}.rs"))).unwrap_or_else(|e| panic!("{id:?}: src/lessons/{stem}.rs: {e}"));
        let region = program.split("// region:lesson\n").nth(1).and_then(|r| r.split("// endregion").next());
        assert!(region.is_some_and(|r| r.contains("pub async fn main")), "{id:?}: the shown region must hold the program's main");
        let lesson = id.lesson();
        assert!(lesson.python.contains("asyncio") && !lesson.javascript.trim().is_empty(), "{id:?}: listings");
        for ext in ["py", "js"] {
            assert!(root().join(format!("core/src/lessons/{stem}.{ext}")).is_file(), "{id:?}: core/src/lessons/{stem}.{ext}");
        }
        let listed = fs::read_to_string(root().join("src/lessons/mod.rs")).unwrap();
        assert!(listed.contains(&format!(" in {stem}: ")), "{id:?}: its line in src/lessons/mod.rs's `programs!`");
    }
}
