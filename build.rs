//! Extracts each lesson's `// region:lesson` … `// endregion` block, so the code panel shows the code that runs.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("src/lessons");
    let mut out = String::new();
    let mut arms = String::new();
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("src/lessons")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs") && p.file_stem().is_some_and(|s| s != "mod"))
        .collect();
    names.sort();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("lesson source");
        let region = extract(&text).unwrap_or_else(|| panic!("{} has no `// region:lesson` … `// endregion`", path.display()));
        let name = path.file_stem().unwrap().to_string_lossy().to_uppercase();
        out.push_str(&format!("pub const {name}: &str = {region:?};\n"));
        let id = path.file_stem().unwrap().to_string_lossy().replace('_', "-");
        arms.push_str(&format!("        {id:?} => Some({name}),\n"));
    }
    out.push_str(&format!("\n/// The shown code of the lesson with this id.\npub fn for_lesson(id: &str) -> Option<&'static str> {{\n    match id {{\n{arms}        _ => None,\n    }}\n}}\n"));
    println!("cargo:rerun-if-changed=src/lessons");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("lesson_sources.rs"), out).unwrap();
}

fn extract(text: &str) -> Option<String> {
    let start = text.find("// region:lesson\n")? + "// region:lesson\n".len();
    let end = start + text[start..].find("// endregion")?;
    Some(text[start..end].trim_end().to_owned() + "\n")
}
