//! Extracts each lesson's `// region:lesson` … `// endregion` block, so the code panel shows the code that runs.
//!
//! It writes an exhaustive `match LessonId` (no fallback arm): a lesson without its file and
//! region does not compile, and a file without its `LessonId` variant does not either.

use std::{env, fs, path::Path};

const START: &str = "// region:lesson\n";
const END: &str = "// endregion";

fn main() {
    let dir = Path::new("src/lessons");
    let mut consts = String::new();
    let mut code_arms = String::new();
    let mut line_arms = String::new();
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("src/lessons")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && p.file_stem().is_some_and(|s| s != "mod"))
        .collect();
    names.sort();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("lesson source");
        let (region, first_line) = extract(&text).unwrap_or_else(|| panic!("{} has no `{}` … `{END}`", path.display(), START.trim_end()));
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let name = stem.to_uppercase();
        let variant: String = stem.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
        consts.push_str(&format!("const {name}: &str = {region:?};\n"));
        code_arms.push_str(&format!("        LessonId::{variant} => {name},\n"));
        line_arms.push_str(&format!("        LessonId::{variant} => {first_line},\n"));
    }
    let out = format!(
        "{consts}\n/// The shown code of a lesson: its source's region, as it runs.\npub fn for_lesson(id: LessonId) -> &'static str {{\n    match id {{\n{code_arms}    }}\n}}\n\n\
         /// The line of the lesson's source file on which its shown region starts (1-based).\npub fn first_line(id: LessonId) -> u32 {{\n    match id {{\n{line_arms}    }}\n}}\n"
    );
    println!("cargo:rerun-if-changed=src/lessons");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("lesson_sources.rs"), out).unwrap();
}

/// The region's text and the 1-based line number of its first line.
fn extract(text: &str) -> Option<(String, usize)> {
    let start = text.find(START)? + START.len();
    let end = start + text[start..].find(END)?;
    let first_line = text[..start].lines().count() + 1;
    Some((text[start..end].trim_end().to_owned() + "\n", first_line))
}
