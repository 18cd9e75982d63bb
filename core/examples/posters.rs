//! `make posters`: writes `core::poster::embed_catalogue()` as `embed/catalogue.js`.

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../embed/catalogue.js");
    let catalogue = async_lab_core::poster::embed_catalogue();
    let unchanged = std::fs::read_to_string(path).is_ok_and(|old| old == catalogue);
    if !unchanged {
        std::fs::write(path, &catalogue).expect("embed/catalogue.js written");
    }
    println!("posters: embed/catalogue.js {}", if unchanged { "unchanged" } else { "updated" });
}
