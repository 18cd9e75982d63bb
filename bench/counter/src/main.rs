//! A minimal Leptos counter: the baseline Async Lab's size and first working click are compared with.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <button on:click=move |_| *set_count.write() += 1>"Count: " {count}</button>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
