//! Totals: measured and expected wall-clock per column, the sum, the ideal; savings and speed-up
//! from the two measured wall-clocks of Run both.

use crate::session::{Drafts, Runs, Session};
use async_lab_core::format;
use async_lab_core::stats::{Comparison, Totals as Figures};
use async_lab_core::{Column, Run};
use leptos::prelude::*;

/// The run's one-sentence lesson, first in the timelines' card (full app and embed alike), followed
/// in the full app by a link to the next lesson on the path; and why its figures may not be typical.
#[component]
pub fn Takeaway() -> impl IntoView {
    let session = expect_context::<Session>();
    let res = session.resolution_ms;
    // An embed shows one lesson: no path to follow there. Core's markup of fixed words.
    let next = if session.embed { String::new() } else { session.lesson.next_link() };
    let runs = expect_context::<Runs>();
    let throttled = move || Column::BOTH.into_iter().any(|c| runs.column(c).with(|r| r.as_ref().is_some_and(|r| r.throttled && r.wall_ms.is_some())));
    let takeaway = move || {
        // A pair's concurrent run is numbered after its sequential one, so it is the latest run here.
        runs.latest().with(|run| async_lab_core::explain::shown(run.as_ref()?, runs.comparison().as_ref(), res))
    };
    view! {
        <p class="takeaway" aria-live="polite">{takeaway}</p>
        // Hidden by the stylesheet while the sentence is empty (before any run).
        <p class="next" inner_html=next></p>
        // Static text hidden by attribute: a `Show` of its own costs the wasm more than the text.
        <p class="warning" hidden=move || !throttled()>
            "The page was hidden during a run: browsers throttle timers in background tabs, so those figures are not typical."
        </p>
        <p class="warning" hidden=move || !runs.shared.get()>"These figures were recorded elsewhere and are replayed from a link — not measured here."</p>
    }
}

/// The figures of both columns as a table, and the clock they come from.
#[component]
pub fn Totals() -> impl IntoView {
    let res = expect_context::<Session>().resolution_ms;
    let runs = expect_context::<Runs>();
    let drafts = expect_context::<Drafts>();
    let figures = move |column: Column| runs.column(column).with(|run| run.as_ref().and_then(Run::totals));
    let row = move |name: &'static str, what: fn(&Figures, f64) -> String| {
        let cell = move |column: Column| move || figures(column).map_or_else(|| "—".to_owned(), |t| what(&t, res));
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{cell(Column::Sequential)}</td>
                <td>{cell(Column::Concurrent)}</td>
            </tr>
        }
    };
    // The model's prediction for the run shown; before any run, for the tasks and options as typed.
    let expected = move |column: Column| {
        move || {
            let shown = runs.column(column).with(|r| r.as_ref().map(Run::expected_wall_ms));
            format::seconds(shown.unwrap_or_else(|| drafts.expected_wall_ms(column)), res)
        }
    };
    // Savings need two measured wall-clocks: only the concurrent column of a Run both pair has them.
    let saved = move |what: fn(&Comparison, f64) -> String| move || runs.comparison().map_or_else(|| "—".to_owned(), |c| what(&c, res));
    view! {
        <div class="scroll">
            <table class="totals">
                <thead>
                    <tr>
                        <th scope="col"><span class="sr-only">"Figure"</span></th>
                        <th scope="col">"Sequential"</th>
                        <th scope="col">{move || runs.concurrent.with(|r| r.as_ref().map_or("Concurrent", |r| r.mode.title()))}</th>
                    </tr>
                </thead>
                <tbody>
                    {row("Wall-clock (measured)", |t, res| format::seconds(t.wall_ms, res))}
                    <tr>
                        <th scope="row">"Wall-clock (expected)"</th>
                        <td>{expected(Column::Sequential)}</td>
                        <td>{expected(Column::Concurrent)}</td>
                    </tr>
                    {row("Sum of task durations", |t, res| format::seconds(t.sum_ms, res))}
                    {row("Ideal (longest task)", |t, res| format::seconds(t.ideal_ms, res))}
                    <tr>
                        <th scope="row">"Saved (sequential − concurrent wall)"</th>
                        <td>"—"</td>
                        <td>{saved(|c, res| format::seconds(c.saved_ms, res))}</td>
                    </tr>
                    <tr>
                        <th scope="row">"Speed-up (sequential ÷ concurrent wall)"</th>
                        <td>"—"</td>
                        <td>{saved(|c, _| format::speedup(c.speedup))}</td>
                    </tr>
                </tbody>
            </table>
        </div>
        <p class="fine" hidden=move || runs.comparison().is_some() || runs.concurrent.with(Option::is_none)>
            "Saved and speed-up compare two measured wall-clocks: press Run both to measure them."
        </p>
        <p class="fine">
            {format!("Times from performance.now(), whose resolution here is {} ms; no figure is shown finer than that.", format::resolution(res))}
        </p>
    }
}
