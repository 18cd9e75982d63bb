//! A 2D canvas painter: crisp on high-density screens, colours taken from the page's CSS variables.

use async_lab_core::format::{tick_label, ticks};
use async_lab_core::scale::Progress;
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

    /// The colour that a CSS custom property (`--done`) holds on the canvas for the current theme, as
    /// `rgb(…)`. The property itself reads back as its text (`light-dark(#…, #…)`), so the canvas's own
    /// `color` is set to `var(--done)` through CSSOM (allowed under the strict CSP, unlike `style=""`),
    /// read computed, and removed again. "#888" when the property is unset or nothing resolves.
    pub fn css_color(&self, property: &str) -> String {
        let fallback = || "#888".to_owned();
        let Some(computed) = web_sys::window().and_then(|w| w.get_computed_style(&self.canvas).ok().flatten()) else {
            return fallback();
        };
        // Unset, `color: var(--unset)` would be the inherited text colour: the fallback instead.
        if !computed.get_property_value(property).is_ok_and(|v| !v.trim().is_empty()) {
            return fallback();
        }
        let style = self.canvas.style();
        if style.set_property("color", &format!("var({property})")).is_err() {
            return fallback();
        }
        // The computed style is live: it reflects the colour just set.
        let color = computed.get_property_value("color").ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let _ = style.remove_property("color");
        color.unwrap_or_else(fallback)
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

/// The theme's colours for a drawing, read once per run rather than every frame.
pub struct Colors {
    running: String,
    done: String,
    now: String,
    axis: String,
}

impl Colors {
    pub fn of(painter: &Painter) -> Colors {
        Colors {
            running: painter.css_color("--running"),
            done: painter.css_color("--done"),
            now: painter.css_color("--now"),
            axis: painter.css_color("--muted"),
        }
    }
}

impl Painter {
    /// Draws generated tasks as bars from start to end (lanes from `progress`), a "now" line while
    /// any still runs, and a time axis.
    pub fn paint_progress(&self, progress: &Progress, now_ms: f64, delay_ms: f64, colors: &Colors) {
        const AXIS: f64 = 18.0;
        let (width, height) = self.begin();
        let plot = (height - AXIS).max(1.0);
        let span = progress.span_ms(now_ms, delay_ms);
        let x = |t: f64| t / span * width;
        let row = plot / progress.lane_count().max(1) as f64;
        // Thin rows touch, so a thousand of them read as one shape; thick ones get a gap.
        let bar = if row >= 4.0 { (row * 0.75).min(14.0) } else { row };
        let lanes = progress.lanes(now_ms);
        for (color, done) in [(&colors.running, false), (&colors.done, true)] {
            self.fill(color);
            for lane in lanes.iter().filter(|l| l.is_done() == done) {
                let left = x(lane.start_ms);
                self.rect(left, lane.row as f64 * row + (row - bar) / 2.0, (x(lane.end_ms) - left).max(1.0), bar);
            }
        }
        if progress.ended() < progress.len() {
            self.fill(&colors.now);
            self.rect(x(now_ms).min(width - 1.0), 0.0, 1.0, plot);
        }
        self.fill(&colors.axis);
        self.font("12px system-ui, sans-serif");
        for t in ticks(span, 4) {
            let at = x(t);
            let align = if t == 0.0 {
                "start"
            } else if at > width - 24.0 {
                "end"
            } else {
                "center"
            };
            self.text(&tick_label(t), at, height - 4.0, align);
        }
    }
}
