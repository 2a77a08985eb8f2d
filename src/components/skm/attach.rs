//! Attaches the SKM result to the open assessment as a note of an indicator: the figures of the
//! core's `SkmView`.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::SurveyProps;
use crate::browser;
use crate::i18n::{num, t};
use crate::state::{use_app, Action};

/// Attaches the result to the open assessment as a note of an indicator of the user's choice.
#[component]
pub(super) fn SkmAttach(props: &SurveyProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let target = use_state(|| None::<String>);
    let attached = use_state(|| false);
    let (Some(_), Some(ins), Some(place)) =
        (app.doc.as_ref(), app.instrument(), app.current_place())
    else {
        return html! {};
    };
    let (v, ikm) = (&props.view, &props.view.ikm);
    let options: Vec<(String, String)> = ins
        .sections
        .iter()
        .flat_map(|sec| {
            sec.indicators.iter().map(move |i| {
                (i.id.clone(), format!("{} — {}", sec.title.get(lang), i.text.get(lang)))
            })
        })
        .collect();
    let preferred = options
        .iter()
        .find(|(id, _)| id.contains("kepuasan") || id.contains("skm") || id.contains("kinerja"))
        .or(options.first())
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let chosen = (*target).clone().unwrap_or(preferred);
    let on_pick = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            target.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let note = (t(lang).skm_note)(
        &num(lang, ikm.score),
        ikm.mutu.letter(),
        ikm.mutu.label(lang),
        v.respondents,
        &browser::today(),
    );
    let on_attach = {
        let (app, chosen, attached) = (app.clone(), chosen.clone(), attached.clone());
        Callback::from(move |_| {
            let current = app
                .doc
                .as_ref()
                .and_then(|d| app.instrument().and_then(|i| d.entry(i, &place, &chosen)))
                .map(|e| e.note.clone())
                .unwrap_or_default();
            let text = if current.is_empty() { note.clone() } else { format!("{current}\n{note}") };
            app.dispatch(Action::Note { place: place.clone(), indicator: chosen.clone(), text });
            attached.set(true);
        })
    };
    html! {
        <section class="patuh-card" aria-labelledby="patuh-skm-attach-h">
            <h2 id="patuh-skm-attach-h">{ t(lang).skm_attach_title }</h2>
            <div class="patuh-field">
                <label for="patuh-skm-target">{ t(lang).indicator }</label>
                <select id="patuh-skm-target" onchange={on_pick}>
                    { for options.iter().map(|(id, label)| html! { <option value={id.clone()} selected={*id == chosen}>{ label.clone() }</option> }) }
                </select>
            </div>
            <button type="button" class="patuh-btn" id="patuh-skm-attach" onclick={on_attach}>{ t(lang).skm_attach_btn }</button>
            if *attached { <p role="status">{ t(lang).skm_attached }</p> }
        </section>
    }
}
