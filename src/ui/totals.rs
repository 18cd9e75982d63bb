//! Totals: measured and expected wall-clock per mode, the sum, the ideal, savings and speed-up.

use crate::session::Session;
use async_lab_core::format;
use async_lab_core::stats::{Interval, Totals};
use async_lab_core::TaskKind;
use async_lab_core::{Mode, Run};
use leptos::prelude::*;

#[component]
pub fn Totals() -> impl IntoView {
    let session = expect_context::<Session>();
    let res = session.resolution_ms;
    let seconds = move |ms: f64| format::seconds(ms, res);
    let column = move |mode: Mode| {
        session.slot(mode).with(|run| run.as_ref().and_then(|r| Some((r.totals()?, r.expected_wall_ms(), r.throttled))))
    };
    let row = move |name: &'static str, what: fn(&Totals, f64) -> String| {
        let cell = move |mode: Mode| move || column(mode).map_or_else(|| "—".to_owned(), |(t, ..)| what(&t, res));
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{cell(Mode::Sequential)}</td>
                <td>{cell(Mode::Concurrent)}</td>
            </tr>
        }
    };
    let takeaway = move || {
        if let Some(c) = session.comparison.get() {
            return Some(format::comparison(&c, res));
        }
        let run: Run = super::latest_run(session)?;
        async_lab_core::explain::takeaway(&run, res)
    };
    let throttled = move || [Mode::Sequential, Mode::Concurrent].into_iter().any(|m| column(m).is_some_and(|c| c.2));
    view! {
        <p class="takeaway" aria-live="polite">{takeaway}</p>
        <Show when=throttled>
            <p class="warning">"The page was hidden during a run: browsers throttle timers in background tabs, so those figures are not typical."</p>
        </Show>
        <div class="scroll">
            <table class="totals">
                <thead>
                    <tr>
                        <th scope="col"><span class="sr-only">"Figure"</span></th>
                        <th scope="col">"Sequential"</th>
                        <th scope="col">{move || session.concurrent.with(|r| r.as_ref().map_or("Concurrent", |r| r.mode.title()))}</th>
                    </tr>
                </thead>
                <tbody>
                    {row("Wall-clock (measured)", |t, res| format::seconds(t.wall_ms, res))}
                    <tr>
                        <th scope="row">"Wall-clock (expected)"</th>
                        <td>{move || expected(Mode::Sequential, session, seconds)}</td>
                        <td>{move || expected(Mode::Concurrent, session, seconds)}</td>
                    </tr>
                    {row("Sum of task durations", |t, res| format::seconds(t.sum_ms, res))}
                    {row("Ideal (longest task)", |t, res| format::seconds(t.ideal_ms, res))}
                    {row("Saved (sum − wall)", |t, res| format::seconds(t.savings_ms, res))}
                    {row("Speed-up (sum ÷ wall)", |t, _| format::speedup(t.speedup))}
                </tbody>
            </table>
        </div>
        <p class="fine">
            {format!("Times from performance.now(), whose resolution here is {} ms; no figure is shown finer than that.", res)}
        </p>
    }
}

/// The model's prediction, shown even before a run: the sum of the delays, or the longest one.
fn expected(mode: Mode, session: Session, seconds: impl Fn(f64) -> String) -> String {
    let tasks: Vec<Interval> = session.rows.with(|rows| {
        rows.iter()
            .filter_map(|r| {
                r.draft.with(|d| {
                    let delay = async_lab_core::task::parse_delay(&d.delay).ok()?;
                    Some(Interval { cpu: d.kind == TaskKind::Cpu, ..Interval::wait(f64::from(delay)) })
                })
            })
            .collect()
    });
    seconds(async_lab_core::stats::expected_wall_ms(mode, &tasks))
}
