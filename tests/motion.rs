//! The compositor's motion in headless Chromium: a bar grows with the `performance.now()` clock from
//! the moment it started, the "now" line slides across its SVG, and dropping either stops it.

use async_lab::runtime::clock;
use async_lab::runtime::motion::{Motion, Moving};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A 200 px box on the page, growing or sliding from its left edge.
fn element() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element("div").unwrap();
    element.set_attribute("style", "width: 200px; height: 10px; transform-origin: left").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn rect(element: &Element) -> (f64, f64) {
    let rect = element.get_bounding_client_rect();
    (rect.left(), rect.width())
}

#[wasm_bindgen_test]
fn a_bar_grows_from_its_start_on_the_clock_and_is_whole_again_when_dropped() {
    let bar = element();
    let (left, whole) = rect(&bar);
    // Started 500 ms ago for 1000 ms: half grown now (the document's timeline moves a frame at a
    // time, and a loaded machine's frames come late, so a band rather than a point).
    let growing = Moving::start(&bar, Motion::Grow, clock::now() - 500.0, 1000.0);
    let (at, width) = rect(&bar);
    assert_eq!(at, left, "it grows from its left edge");
    assert!((0.4 * whole..0.75 * whole).contains(&width), "half grown: {width} of {whole}");
    drop(growing);
    assert_eq!(rect(&bar).1, whole);
    // Started longer ago than it lasts: held at its end, not back to nothing.
    let _held = Moving::start(&bar, Motion::Grow, clock::now() - 5000.0, 1000.0);
    assert_eq!(rect(&bar).1, whole);
}

#[wasm_bindgen_test]
fn the_now_line_slides_across_its_svg() {
    let document = web_sys::window().unwrap().document().unwrap();
    let svg_ns = Some("http://www.w3.org/2000/svg");
    let svg = document.create_element_ns(svg_ns, "svg").unwrap();
    svg.set_attribute("width", "200").unwrap();
    svg.set_attribute("height", "20").unwrap();
    let line = document.create_element_ns(svg_ns, "line").unwrap();
    for (name, value) in [("x1", "0"), ("x2", "0"), ("y1", "0"), ("y2", "20"), ("stroke", "red"), ("style", "transform-box: view-box")] {
        line.set_attribute(name, value).unwrap();
    }
    svg.append_child(&line).unwrap();
    document.body().unwrap().append_child(&svg).unwrap();
    let start = rect(&line).0;
    let sliding = Moving::start(&line, Motion::Slide, clock::now() - 250.0, 1000.0);
    let moved = rect(&line).0 - start;
    assert!((40.0..100.0).contains(&moved), "a quarter of the way across 200 px: {moved}");
    drop(sliding);
    assert_eq!(rect(&line).0, start);
}
