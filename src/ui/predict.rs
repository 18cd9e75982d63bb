//! Predict, then run: the form before the page's first run (a guess at the concurrent run's
//! wall-clock and its first task to finish, one click to skip), and the sentence after it.

use super::widgets::Input;
use crate::session::{Drafts, Predict, Runs, Session};
use async_lab_core::predict::Prediction;
use leptos::prelude::*;

#[component]
pub fn PredictForm() -> impl IntoView {
    let (predict, drafts, runs) = (expect_context::<Predict>(), expect_context::<Drafts>(), expect_context::<Runs>());
    // A link's recorded runs are replayed, not predicted.
    let hidden = move || !predict.open.get() || runs.shared.get();
    let labels = move || drafts.rows.with(|rows| rows.iter().map(|r| r.draft.with(|d| d.label.clone())).collect::<Vec<_>>());
    let error = move || predict.total.with(|t| Prediction::typed(t, "").err()).map(|e| e.message);
    view! {
        <fieldset class="predict" hidden=hidden>
            <legend>"Predict, then run"</legend>
            <p class="fine">"Before the first run: how long will the concurrent run take, and which task will finish first? Optional."</p>
            <div class="controls">
                <Input
                    id="predict-total".to_owned()
                    label="Total (ms)"
                    hint="your guess".to_owned()
                    value=predict.total
                    on_input=move |ev| predict.total.set(event_target_value(&ev))
                    error=error
                    accessible="Predicted total time in ms".to_owned()
                    numeric=true
                />
                <label class="field">
                    <span>"First to finish"</span>
                    <select aria-label="Predicted first to finish" on:change=move |ev| predict.first.set(event_target_value(&ev)) prop:value=move || predict.first.get()>
                        <option value="">"no guess"</option>
                        {move || labels().into_iter().map(|label| view! { <option value=label.clone()>{label.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=move |_| predict.skip()>"Skip prediction"</button>
            </div>
        </fieldset>
    }
}

/// The guess set against the measurement, once the concurrent run after it has finished.
#[component]
pub fn PredictResult() -> impl IntoView {
    let (predict, runs, resolution_ms) = (expect_context::<Predict>(), expect_context::<Runs>(), expect_context::<Session>().resolution_ms);
    let sentence = Memo::new(move |_| predict.sentence(&runs, resolution_ms));
    view! { <p class="prediction" aria-live="polite" hidden=move || sentence.with(Option::is_none)>{move || sentence.get()}</p> }
}
