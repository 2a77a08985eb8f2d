//! Importing a CSV of responses into the calculator (docs/SKM.md §Import): counts already typed
//! are never replaced silently; the official chooses to add the file's respondents or to replace
//! the typed ones (or to cancel), and a message says what happened. The rules and the words are
//! the core's (`patuh_core::skm`).

use patuh_core::instrument::Lang;
use patuh_core::skm::{self, Counts, Merge};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::{Grid, GridAction};
use crate::browser;
use crate::i18n::t;

/// A file read and waiting for the official's choice: its name and its counts.
#[derive(Clone, PartialEq)]
pub(super) struct Pending {
    file: String,
    counts: Counts,
}

/// What the import line shows: nothing, a refused file, or what the last import did.
#[derive(Clone, PartialEq, Default)]
pub(super) enum Said {
    #[default]
    Nothing,
    Refused(String),
    Done(String),
}

/// The import state of the calculator: a file waiting for a choice, and the last message.
#[derive(Clone, PartialEq, Default)]
pub(super) struct ImportState {
    pending: Option<Pending>,
    said: Said,
}

/// Reads the picked file: a refused file says why; counts typed before wait for the choice;
/// otherwise the file's counts are taken and the message says so.
pub(super) fn on_file(
    grid: &UseReducerHandle<Grid>,
    state: &UseStateHandle<ImportState>,
    lang: Lang,
) -> Callback<Event> {
    let (grid, state) = (grid.clone(), state.clone());
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
        input.set_value("");
        let (grid, state) = (grid.clone(), state.clone());
        spawn_local(async move {
            let bytes = browser::read_file(&f).await.unwrap_or_default();
            let file = f.name();
            let read = skm::from_csv(&String::from_utf8_lossy(&bytes));
            let next = match read {
                Err(e) => ImportState { pending: None, said: Said::Refused(e.message(lang)) },
                Ok(s) if skm::is_blank(&grid.counts) => {
                    let c = *s.counts();
                    let m = skm::done_message(None, &file, &grid.counts, &c, &c, lang);
                    grid.dispatch(GridAction::Replace(c));
                    ImportState { pending: None, said: Said::Done(m) }
                }
                Ok(s) => ImportState {
                    pending: Some(Pending { file, counts: *s.counts() }),
                    said: Said::Nothing,
                },
            };
            state.set(next);
        });
    })
}

/// Props of [`ImportLine`].
#[derive(Properties, PartialEq)]
pub(super) struct ImportProps {
    pub grid: UseReducerHandle<Grid>,
    pub state: UseStateHandle<ImportState>,
}

/// The question while a file waits (add / replace / cancel, the first focused), or the message
/// of the last import.
#[component]
pub(super) fn ImportLine(p: &ImportProps) -> Html {
    let lang = crate::state::use_app().lang;
    let first = use_node_ref();
    let waiting = p.state.pending.is_some();
    {
        let first = first.clone();
        use_effect_with(waiting, move |w| {
            if let (true, Some(b)) = (*w, first.cast::<web_sys::HtmlElement>()) {
                browser::focus(&b);
            }
        });
    }
    match (&p.state.pending, &p.state.said) {
        (Some(pending), _) => {
            let q = skm::question(&p.grid.counts, &pending.file, &pending.counts, lang);
            let choose = |how: Option<Merge>| {
                let (grid, state, pending) = (p.grid.clone(), p.state.clone(), pending.clone());
                Callback::from(move |_: MouseEvent| {
                    let said = match how {
                        Some(how) => {
                            let before = grid.counts;
                            let after = skm::merge(&before, &pending.counts, how);
                            grid.dispatch(GridAction::Replace(after));
                            Said::Done(skm::done_message(
                                Some(how),
                                &pending.file,
                                &before,
                                &after,
                                &pending.counts,
                                lang,
                            ))
                        }
                        None => Said::Done(skm::cancelled_message(&pending.file, lang)),
                    };
                    state.set(ImportState { pending: None, said });
                })
            };
            html! {
                <div class="patuh-notice" role="group" aria-labelledby="patuh-skm-import-q" id="patuh-skm-import-choice">
                    <p id="patuh-skm-import-q"><strong>{ q.text }</strong></p>
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-skm-import-add" ref={first} onclick={choose(Some(Merge::Add))}>{ q.add }</button>
                        <button type="button" class="patuh-btn" id="patuh-skm-import-replace" onclick={choose(Some(Merge::Replace))}>{ q.replace }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" id="patuh-skm-import-cancel" onclick={choose(None)}>{ t(lang).cancel }</button>
                    </div>
                </div>
            }
        }
        (None, Said::Refused(m)) => {
            html! { <p class="patuh-error" role="alert" id="patuh-skm-import-msg">{ m.clone() }</p> }
        }
        (None, Said::Done(m)) => {
            html! { <p class="patuh-callout" role="status" id="patuh-skm-import-msg">{ m.clone() }</p> }
        }
        (None, Said::Nothing) => html! {},
    }
}
