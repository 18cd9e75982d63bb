//! A 2D canvas painter: crisp on high-density screens, colours taken from the page's CSS variables.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Paints on one canvas in CSS pixels.
pub struct Painter {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
}

impl Painter {
    pub fn new(canvas: HtmlCanvasElement) -> Option<Painter> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        Some(Painter { canvas, ctx })
    }

    /// Sizes the backing store to the canvas's CSS box × the device pixel ratio, clears it, and
    /// returns the CSS width and height to draw in.
    pub fn begin(&self) -> (f64, f64) {
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
        let (w, h) = (f64::from(self.canvas.client_width()), f64::from(self.canvas.client_height()));
        let (pw, ph) = ((w * ratio).round() as u32, (h * ratio).round() as u32);
        // Assigning the size clears the canvas even when unchanged, so only a real change assigns.
        if self.canvas.width() != pw || self.canvas.height() != ph {
            self.canvas.set_width(pw);
            self.canvas.set_height(ph);
        }
        let _ = self.ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        self.ctx.clear_rect(0.0, 0.0, w, h);
        (w, h)
    }

    /// The value of a CSS custom property (`--done`) on the canvas, e.g. for the current theme.
    pub fn css_color(&self, property: &str) -> String {
        web_sys::window()
            .and_then(|w| w.get_computed_style(&self.canvas).ok().flatten())
            .and_then(|s| s.get_property_value(property).ok())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| "#888".to_owned())
    }

    /// Sets the colour of what is filled next; one call serves a batch of rectangles.
    pub fn fill(&self, color: &str) {
        self.ctx.set_fill_style_str(color);
    }

    pub fn rect(&self, x: f64, y: f64, w: f64, h: f64) {
        self.ctx.fill_rect(x, y, w, h);
    }

    /// Text in the current fill colour, anchored at `align` ("start", "center", "end").
    pub fn text(&self, text: &str, x: f64, y: f64, align: &str) {
        self.ctx.set_text_align(align);
        let _ = self.ctx.fill_text(text, x, y);
    }

    pub fn font(&self, font: &str) {
        self.ctx.set_font(font);
    }
}
