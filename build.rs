//! Extracts the code the code panel shows from the sources that run: each lesson's
//! `// region:lesson` … `// endregion` block, and the `// region:also-runs <lessons>: <title>`
//! blocks that hold code a lesson's point depends on outside its own region.
//!
//! It writes exhaustive `match LessonId`s (no fallback arm): a lesson without its file and
//! region does not compile, and a file without its `LessonId` variant does not either.

use std::{env, fs, path::Path};

const START: &str = "// region:lesson\n";
const ALSO: &str = "// region:also-runs ";
const END: &str = "// endregion";
/// Sources outside `src/lessons` whose `also-runs` regions belong to lessons.
const SHARED: [&str; 2] = ["src/runtime/work.rs", "src/runtime/cpu.rs"];

/// An `also-runs` block: for which lessons (ids, or `*` for all), its title and its code.
struct Also {
    lessons: Vec<String>,
    title: String,
    code: String,
}

fn main() {
    let dir = Path::new("src/lessons");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("src/lessons")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && p.file_stem().is_some_and(|s| s != "mod"))
        .collect();
    names.sort();
    let mut also = Vec::new();
    for shared in SHARED {
        println!("cargo:rerun-if-changed={shared}");
        also.extend(also_runs(&fs::read_to_string(shared).expect(shared), None));
    }
    let lessons: Vec<(String, String, String, usize)> = names
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(path).expect("lesson source");
            let (region, first_line) = extract(&text).unwrap_or_else(|| panic!("{} has no `{}` … `{END}`", path.display(), START.trim_end()));
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            also.extend(also_runs(&text, Some(&stem.replace('_', "-"))));
            let variant: String = stem.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
            (stem, variant, region, first_line)
        })
        .collect();
    let (mut consts, mut code_arms, mut line_arms, mut also_arms) = (String::new(), String::new(), String::new(), String::new());
    for (stem, variant, region, first_line) in &lessons {
        let name = stem.to_uppercase();
        let id = stem.replace('_', "-");
        consts.push_str(&format!("const {name}: &str = {region:?};\n"));
        code_arms.push_str(&format!("        LessonId::{variant} => {name},\n"));
        line_arms.push_str(&format!("        LessonId::{variant} => {first_line},\n"));
        let mut own: Vec<&Also> = also.iter().filter(|a| a.lessons.iter().any(|l| l == "*" || *l == id)).collect();
        // The lesson's own helpers first, then what every lesson shares.
        own.sort_by_key(|a| a.lessons.iter().any(|l| l == "*"));
        let blocks: Vec<String> = own.iter().map(|a| format!("({:?}, {:?})", a.title, a.code)).collect();
        also_arms.push_str(&format!("        LessonId::{variant} => &[{}],\n", blocks.join(", ")));
    }
    let out = format!(
        "{consts}\n/// The shown code of a lesson: its source's region, as it runs.\npub fn for_lesson(id: LessonId) -> &'static str {{\n    match id {{\n{code_arms}    }}\n}}\n\n\
         /// The line of the lesson's source file on which its shown region starts (1-based).\npub fn first_line(id: LessonId) -> u32 {{\n    match id {{\n{line_arms}    }}\n}}\n\n\
         /// Code outside the lesson's region that carries its point, as (title, code), as it runs.\npub fn also_runs(id: LessonId) -> &'static [(&'static str, &'static str)] {{\n    match id {{\n{also_arms}    }}\n}}\n"
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

/// Every `// region:also-runs <lessons>: <title>` block of `text`; in a lesson's own file the
/// lessons may be left out, and mean that lesson.
fn also_runs(text: &str, own: Option<&str>) -> Vec<Also> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(ALSO) {
        let after = &rest[at + ALSO.len()..];
        let line_end = after.find('\n').expect("an also-runs line ends");
        let (scope, title) = after[..line_end].split_once(": ").expect("`// region:also-runs <lessons>: <title>`");
        let body = &after[line_end + 1..];
        let end = body.find(END).expect("an also-runs region ends with `// endregion`");
        let lessons = match (scope.trim(), own) {
            ("", Some(own)) => vec![own.to_owned()],
            (scope, _) => scope.split(',').map(|s| s.trim().to_owned()).collect(),
        };
        found.push(Also { lessons, title: title.trim().to_owned(), code: body[..end].trim_end().to_owned() + "\n" });
        rest = &body[end..];
    }
    found
}
