//! `embed.js` is bundled with `embed/catalogue.js`: it must hold the tables core makes today.

#[test]
fn embed_js_holds_the_catalogue_core_makes() {
    let catalogue = include_str!("../../embed/catalogue.js");
    assert_eq!(catalogue, async_lab_core::poster::embed_catalogue(), "embed/catalogue.js is out of date: run `make posters`");
}
