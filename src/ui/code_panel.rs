//! The code panel: the Rust that actually runs, the tutorial's Python and the JavaScript equivalent, with Copy.

use super::widgets::Table;
use crate::session::hooks::{copy_text, Copied};
use crate::session::Session;
use async_lab_core::highlight::{highlight, Language};
use async_lab_core::Lesson;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Rust,
    Python,
    JavaScript,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Rust, Tab::Python, Tab::JavaScript];

    fn name(self) -> &'static str {
        match self {
            Tab::Rust => "Rust",
            Tab::Python => "Python",
            Tab::JavaScript => "JavaScript",
        }
    }

    fn language(self) -> Language {
        match self {
            Tab::Rust => Language::Rust,
            Tab::Python => Language::Python,
            Tab::JavaScript => Language::JavaScript,
        }
    }

    /// What the tab shows, and where it comes from.
    fn note(self, lesson: &Lesson) -> String {
        match self {
            Tab::Rust => "The lesson's own source, extracted at compile time: this is the code that just ran. join_all plays asyncio.gather; spawn_local is the counterpart of asyncio.create_task.".to_owned(),
            Tab::Python => format!("{} time.sleep blocks the thread; asyncio.sleep does not.", lesson.python_from.label()),
            Tab::JavaScript => "Written for this lab: the same lesson with promises. Unlike a Rust future, a promise starts running as soon as it is created.".to_owned(),
        }
    }

    /// A warning that belongs to this tab's listing, shown above it.
    fn warning(self, lesson: &Lesson) -> Option<&'static str> {
        match self {
            Tab::Python => lesson.python_note,
            Tab::Rust | Tab::JavaScript => None,
        }
    }
}

#[component]
pub fn CodePanel() -> impl IntoView {
    let session = expect_context::<Session>();
    let lesson = session.lesson_texts();
    let (tab, set_tab) = signal(Tab::Rust);
    let (copied, set_copied) = signal(String::new());
    let code = move || session.listing(tab.get().language());
    let copy = move |_| {
        let name = tab.get_untracked().name();
        copy_text(code().to_owned(), move |copied| {
            set_copied.set(match copied {
                Copied::Done => format!("Copied the {name} code."),
                Copied::Refused => "Copying was refused by the browser; select the code and copy it by hand.".to_owned(),
            })
        });
    };
    // One button per tab, kept so the arrow keys can move focus to the next one.
    let buttons = Tab::ALL.map(|_| NodeRef::<leptos::html::Button>::new());
    view! {
        <div class="code-bar">
        <div class="tabs" role="tablist" aria-label="Language">
            {Tab::ALL
                .into_iter()
                .zip(buttons)
                .map(|(t, button)| {
                    view! {
                        <button
                            node_ref=button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", t.name())
                            aria-controls="code-view"
                            aria-selected=move || if tab.get() == t { "true" } else { "false" }
                            tabindex=move || if tab.get() == t { "0" } else { "-1" }
                            on:click=move |_| {
                                set_tab.set(t);
                                set_copied.set(String::new());
                            }
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                let step = match ev.key().as_str() {
                                    "ArrowRight" => 1,
                                    "ArrowLeft" => Tab::ALL.len() - 1,
                                    _ => return,
                                };
                                let i = Tab::ALL.iter().position(|x| *x == tab.get_untracked()).unwrap_or(0);
                                let next = (i + step) % Tab::ALL.len();
                                set_tab.set(Tab::ALL[next]);
                                if let Some(button) = buttons[next].get() {
                                    let _ = button.focus();
                                }
                            }
                        >
                            {t.name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
            <button type="button" class="copy" on:click=copy>"Copy"</button>
        </div>
        <div id="code-view" role="tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().name())>
            <p class="fine">{move || tab.get().note(lesson)}</p>
            {move || tab.get().warning(lesson).map(|w| view! { <p class="warning listing-note" role="note">{w}</p> })}
            <pre class="code" tabindex="0" aria-label=move || format!("{} code", tab.get().name())>
                // The code in step: each line a running task waits at, with its labels (Rust only:
                // the Python and JavaScript have no recorded lines). Placed by newlines over the
                // listing, in its font (the CSP allows no inline style to position them); the
                // line's code up to its `.await`, invisible, puts the labels right after it.
                {move || {
                    (tab.get() == Tab::Rust)
                        .then(|| {
                            let mut line = 1;
                            let marks = session
                                .at_lines()
                                .into_iter()
                                .map(|at| {
                                    let down = "\n".repeat((at.line - line) as usize);
                                    line = at.line;
                                    view! { {down}<mark class="at" data-line=at.line><span class="lead">{at.lead}</span><span class="who">{at.who}</span></mark> }
                                })
                                .collect_view();
                            view! { <span class="at-lines" aria-hidden="true">{marks}</span> }
                        })
                }}
                <code>
                    {move || {
                        highlight(code(), tab.get().language())
                            .into_iter()
                            .map(|(token, text)| view! { <span class=token.class()>{text}</span> })
                            .collect_view()
                    }}
                </code>
            </pre>
            // Built once and hidden by attribute on the other tabs: cheaper in the wasm than a `Show`.
            <div hidden=move || tab.get() != Tab::Rust>
                {session
                    .also_runs()
                    .iter()
                    .map(|(title, code)| {
                        view! {
                            <details class="also-runs">
                                <summary>{format!("Also runs: {title}")}</summary>
                                <pre class="code" tabindex="0" aria-label=format!("Also runs: {title}")>
                                    <code>
                                        {highlight(code, Language::Rust)
                                            .into_iter()
                                            .map(|(token, text)| view! { <span class=token.class()>{text}</span> })
                                            .collect_view()}
                                    </code>
                                </pre>
                            </details>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
        <p class="fine" role="status">{copied}</p>
        <OutputDifferences/>
    }
}

/// How the printed output of the Rust differs from the listings': the one table the CI check of
/// the listings also reads, so the page states every difference it allows.
#[component]
fn OutputDifferences() -> impl IntoView {
    let session = expect_context::<Session>();
    let shown = |text: Option<&'static str>| text.unwrap_or("(prints no such line)");
    let rows = session
        .lesson
        .lesson()
        .outputs
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <td><code>{shown(d.rust)}</code></td>
                    <td><code>{shown(d.python)}</code></td>
                    <td><code>{shown(d.javascript)}</code></td>
                    <td>{d.why}</td>
                </tr>
            }
        })
        .collect_view();
    let none = session.lesson.lesson().outputs.is_empty();
    view! {
        <details class="differences">
            <summary>"How the printed output differs between the three"</summary>
            <p class="fine">
                "CI runs the Python in CPython and the JavaScript in Node, and checks that they print the lab's lines in the lab's order, timings within a tolerance (35 %). "
                {if none { "For this lesson they print the same lines." } else { "These lines differ, and only these:" }}
            </p>
            <Table label="How the printed output differs" columns=&["The lab prints", "Python prints", "JavaScript prints", "Why"]>
                {rows}
            </Table>
        </details>
    }
}
