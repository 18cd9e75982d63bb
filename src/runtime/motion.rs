//! Bars that grow and a line that slides with the clock, on the compositor (the Web Animations API),
//! so a live timeline moves without the lab redrawing itself every frame.
//!
//! An animation's start time is set on the document's timeline, whose clock is `performance.now()`:
//! a bar grows from the measured moment its task started, at the axis's rate, and never towards a
//! predicted end. A late timer's bar keeps growing until its task really ends.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// web-sys gates `Element.animate` behind its unstable APIs; the lab needs only these three members.
#[wasm_bindgen]
extern "C" {
    type Animatable;
    #[wasm_bindgen(method)]
    fn animate(this: &Animatable, keyframes: &Object, options: &Object) -> Animation;

    type Animation;
    #[wasm_bindgen(method, setter, js_name = startTime)]
    fn set_start_time(this: &Animation, ms: f64);
    #[wasm_bindgen(method)]
    fn cancel(this: &Animation);
}

/// How an element moves with the clock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Motion {
    /// Grows from its left edge, `transform: scaleX(0)` to `scaleX(1)`: a bar whose full width is
    /// the rest of the axis.
    Grow,
    /// Slides right, `translateX(0%)` to `translateX(100%)`: the "now" line from the axis's start
    /// to its end, its percentages the width of its SVG (`transform-box: view-box`).
    Slide,
}

/// An animation in progress; dropping it cancels it, and the element shows its own attributes again.
#[must_use = "the animation is cancelled when this is dropped"]
pub struct Moving(Animation);

impl Moving {
    /// Moves `element` by `motion` over `duration_ms`, as if it had started at `start_ms` on the
    /// `performance.now()` clock (often a moment ago: a bar joins its growth where the clock is).
    /// Held at its end (`fill: forwards`) if the clock gets there first.
    pub fn start(element: &web_sys::Element, motion: Motion, start_ms: f64, duration_ms: f64) -> Moving {
        let (from, to) = match motion {
            Motion::Grow => ("scaleX(0)", "scaleX(1)"),
            Motion::Slide => ("translateX(0%)", "translateX(100%)"),
        };
        // Keyframes indexed by property: { transform: [from, to] }.
        let keyframes = Object::new();
        let _ = Reflect::set(&keyframes, &"transform".into(), &Array::of2(&from.into(), &to.into()));
        let options = Object::new();
        // Never negative (WAAPI throws): a task may start past an axis the next tick will extend.
        let _ = Reflect::set(&options, &"duration".into(), &duration_ms.max(0.0).into());
        let _ = Reflect::set(&options, &"fill".into(), &"forwards".into());
        let animation = element.unchecked_ref::<Animatable>().animate(&keyframes, &options);
        animation.set_start_time(start_ms);
        Moving(animation)
    }
}

impl Drop for Moving {
    fn drop(&mut self) {
        self.0.cancel();
    }
}
