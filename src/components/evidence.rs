//! The evidence checklist of one indicator (docs/SCORING.md §Evidence checklist): the documents and
//! photos an assessor asks for, each ticked when it is ready, with the count; and the one list of
//! what is still to prepare, on the opinion screen.

use patuh_core::assessment::Place;
use patuh_core::evidence::{self, count_text};
use patuh_core::instrument::Indicator;
use patuh_core::{readiness, Entry};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{use_app, Action};

/// Props of [`EvidenceChecklist`].
#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub place: Place,
    pub indicator: &'static Indicator,
    pub entry: Entry,
    /// The indicator's element id prefix.
    pub base: String,
}

/// The checklist under one indicator; nothing for an indicator without evidence items.
#[component]
pub fn EvidenceChecklist(p: &EvidenceProps) -> Html {
    let app = use_app();
    let ind = p.indicator;
    if ind.evidence.is_empty() {
        return html! {};
    }
    let lang = app.lang;
    let n = evidence::ready(ind, Some(&p.entry));
    let items = ind.evidence.iter().map(|d| {
        let id = format!("{}-ev-{}", p.base, d.id);
        let on = p.entry.ready.contains(&d.id);
        let onchange = {
            let (app, place, indicator, item) =
                (app.clone(), p.place.clone(), ind.id.clone(), d.id.clone());
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let (place, indicator, item) = (place.clone(), indicator.clone(), item.clone());
                app.dispatch(Action::Evidence { place, indicator, item, on });
            })
        };
        html! {
            <li><label class="patuh-check" for={id.clone()}><input type="checkbox" {id} checked={on} {onchange} />{ " " }{ d.text.get(lang) }</label></li>
        }
    });
    html! {
        <details class="patuh-more patuh-evidence">
            <summary>{ format!("{} · {}", t(lang).evidence_usual, count_text(n, ind.evidence.len(), lang)) }</summary>
            <ul class="patuh-evidence__list">{ for items }</ul>
        </details>
    }
}

/// What is still to prepare over the whole assessment, as one list.
#[component]
pub fn PrepareList() -> Html {
    let app = use_app();
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return html! {};
    };
    let lang = app.lang;
    // The counts of the report's readiness section (docs/SCORING.md §Readiness).
    let Some(v) = readiness::view(ins, doc, lang) else {
        return html! {};
    };
    if v.evidence.is_empty() {
        return html! {};
    }
    let open = v.evidence.iter().filter(|r| !r.missing.is_empty()).map(|r| {
        html! {
            <li>
                <strong>{ r.text.clone() }</strong>{ format!(" ({}; {})", readiness::place_text(r), r.count) }
                <ul>{ for r.missing.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
            </li>
        }
    });
    html! {
        <section aria-labelledby="patuh-prepare-h" id="patuh-prepare">
            <h2 id="patuh-prepare-h" tabindex="-1">{ t(lang).evidence_prepare }</h2>
            <p id="patuh-prepare-count"><strong>{ v.evidence_count.clone() }</strong></p>
            <p class="patuh-muted">{ t(lang).evidence_prepare_note }</p>
            <details class="patuh-more"><summary>{ t(lang).not_ready_yet }</summary><ol>{ for open }</ol></details>
        </section>
    }
}
