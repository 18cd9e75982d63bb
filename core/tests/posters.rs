//! `static/embed.js` draws its posters from `core::poster`'s table: it must be the table core makes today.

#[test]
fn embed_js_holds_the_poster_table_core_makes() {
    let script = include_str!("../../static/embed.js");
    let begin = "  // POSTERS BEGIN\n";
    let from = script.find(begin).expect("a POSTERS BEGIN marker") + begin.len();
    let to = script.find("  // POSTERS END").expect("a POSTERS END marker");
    assert_eq!(&script[from..to], async_lab_core::poster::script_table(), "static/embed.js's posters are out of date: run `make posters`");
}
