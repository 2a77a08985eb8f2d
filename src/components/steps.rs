//! The walk's steps: the strip of sections (numbers only on a phone, with the current step named
//! above them), previous and next across products, and the next step with an unanswered question.

use patuh_core::scoring::{AssessmentResult, ProductResult};
use patuh_core::Instrument;
use yew::prelude::*;

use crate::i18n::{of, t};
use crate::state::{Action, AppContext};

/// A step of the walk: (product in walk order, section).
pub type Step = (usize, usize);

/// The next step (product `p`, section `s`) after (`pi`, `step`) in walk order, wrapping, that has
/// an unanswered indicator — read from the result already computed, no second scan of the answers.
pub fn next_unanswered(
    result: &AssessmentResult,
    sections: usize,
    pi: usize,
    step: usize,
) -> Option<Step> {
    let flat: Vec<&ProductResult> = result.units.iter().flat_map(|u| &u.products).collect();
    let total = flat.len() * sections;
    let pos = pi * sections + step;
    (1..=total)
        .map(|k| (pos + k) % total)
        .map(|i| (i / sections, i % sections))
        .find(|&(p, s)| flat.get(p).is_some_and(|pr| pr.sections[s].tally.unanswered() > 0))
}

/// Previous and next step: across product boundaries (last step of a product → first step of the
/// next).
pub fn neighbours(
    pi: usize,
    step: usize,
    places: usize,
    last_step: usize,
) -> (Option<Step>, Option<Step>) {
    let prev = (step > 0).then(|| (pi, step - 1)).or_else(|| (pi > 0).then(|| (pi - 1, last_step)));
    let next = (step < last_step)
        .then(|| (pi, step + 1))
        .or_else(|| (pi + 1 < places).then(|| (pi + 1, 0)));
    (prev, next)
}

/// The step strip: each section with its count, the current one marked.
pub fn step_strip(
    app: &AppContext,
    ins: &Instrument,
    prod: Option<&ProductResult>,
    pi: usize,
    step: usize,
) -> Html {
    let lang = app.lang;
    let steps = ins.sections.iter().enumerate().map(|(i, s)| {
        let tl = prod.map(|p| p.sections[i].tally).unwrap_or_default();
        let current = i == step;
        let done = tl.unanswered() == 0;
        html! {
            <li>
                <button type="button" class={classes!("patuh-step", current.then_some("patuh-step--current"), done.then_some("patuh-step--done"))}
                    aria-current={current.then_some("step")} onclick={goto(app, pi, i)}>
                    <span class="patuh-step__mark" aria-hidden="true">{ if done { "✓" } else { "" } }</span>
                    // On a phone the strip shows the step numbers only (styles/screens.css).
                    <span class="patuh-step__no" aria-hidden="true">{ i + 1 }</span>
                    <span class="patuh-step__title">{ s.title.get(lang) }</span>
                    <span class="patuh-step__count">{ of(lang, tl.answered, tl.total) }</span>
                </button>
            </li>
        }
    });
    let now = ins.sections.get(step).map(|s| s.title.get(lang)).unwrap_or_default();
    html! {
        <>
            // On a phone the buttons show numbers only: this line names the current step.
            <p class="patuh-steps__now" id="patuh-step-now">{ (t(lang).step_now)(step + 1, ins.sections.len(), now) }</p>
            <ol>{ for steps }</ol>
        </>
    }
}

pub fn goto(app: &AppContext, place: usize, step: usize) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| app.dispatch(Action::Goto { place, step, indicator: None }))
}
