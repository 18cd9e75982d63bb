//! Files generated from core must hold what core makes today: `embed/catalogue.js` (bundled into
//! `embed.js`) and `tests/e2e/lessons.ts` (the ids the end-to-end specs walk).

#[test]
fn embed_js_holds_the_catalogue_core_makes() {
    let catalogue = include_str!("../../embed/catalogue.js");
    assert_eq!(catalogue, async_lab_core::poster::embed_catalogue(), "embed/catalogue.js is out of date: run `make posters`");
}

#[test]
fn the_specs_walk_the_lessons_core_lists() {
    let ids = include_str!("../../tests/e2e/lessons.ts");
    assert_eq!(ids, async_lab_core::lesson::e2e_ids(), "tests/e2e/lessons.ts is out of date: run `make posters`");
}
