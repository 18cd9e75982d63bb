//! `make posters`: writes what core makes for the files beside it: `core::poster::embed_catalogue()`
//! as `embed/catalogue.js` and `core::lesson::e2e_ids()` as `tests/e2e/lessons.ts`.

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    for (file, text) in [("embed/catalogue.js", async_lab_core::poster::embed_catalogue()), ("tests/e2e/lessons.ts", async_lab_core::lesson::e2e_ids())] {
        let path = format!("{root}/{file}");
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == text);
        if !unchanged {
            std::fs::write(&path, &text).expect("a generated file written");
        }
        println!("posters: {file} {}", if unchanged { "unchanged" } else { "updated" });
    }
}
