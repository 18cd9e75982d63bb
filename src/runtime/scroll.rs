//! Scrolling a row sideways so that its current item is in view (the lesson chooser on a narrow screen).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Scrolls `row` sideways so that its `[aria-current]` item sits in the middle, where the row
/// overflows; a row that fits does not move. Never scrolls the page.
pub fn center_current(row: &Element) {
    let Ok(Some(current)) = row.query_selector("[aria-current]") else { return };
    let (Some(row), Some(current)) = (row.dyn_ref::<HtmlElement>(), current.dyn_ref::<HtmlElement>()) else { return };
    let left = current.offset_left() - row.offset_left() - (row.client_width() - current.offset_width()) / 2;
    row.set_scroll_left(left.max(0));
}
