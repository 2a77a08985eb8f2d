//! One indicator in a fieldset: the scale's choices, help with the legal source, note, evidence
//! links and the review flag.

use patuh_core::assessment::{Answer, Place};
use patuh_core::instrument::{Indicator, Scale, Scope};
use patuh_core::{Entry, Lang};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::photos::Photos;
use crate::i18n::{confidence, t};
use crate::state::{use_app, Action, AppContext};

/// Props of [`IndicatorItem`].
#[derive(Properties, PartialEq)]
pub struct IndicatorItemProps {
    pub place: Place,
    pub indicator: &'static Indicator,
    pub scale: &'static Scale,
    pub entry: Option<Entry>,
    pub number: usize,
}

/// The edits of one indicator at one place, as callbacks (each dispatches one action).
#[derive(Clone)]
struct Edits {
    app: AppContext,
    place: Place,
    id: String,
}

impl Edits {
    fn answer<E: 'static>(&self, answer: Option<Answer>) -> Callback<E> {
        let e = self.clone();
        Callback::from(move |_: E| {
            e.app.dispatch(Action::Answer {
                place: e.place.clone(),
                indicator: e.id.clone(),
                answer: answer.clone(),
            })
        })
    }

    fn note(&self) -> Callback<InputEvent> {
        let e = self.clone();
        Callback::from(move |ev: InputEvent| {
            let text = ev.target_unchecked_into::<HtmlTextAreaElement>().value();
            e.app.dispatch(Action::Note { place: e.place.clone(), indicator: e.id.clone(), text });
        })
    }

    fn review(&self) -> Callback<Event> {
        let e = self.clone();
        Callback::from(move |ev: Event| {
            let on = ev.target_unchecked_into::<HtmlInputElement>().checked();
            e.app.dispatch(Action::Review { place: e.place.clone(), indicator: e.id.clone(), on });
        })
    }
}

/// The scale's choices and "Tidak berlaku", as one radio group named `base`.
fn choices(
    props: &IndicatorItemProps,
    entry: &Entry,
    base: &str,
    edits: &Edits,
    lang: Lang,
) -> Html {
    // The scale's options, best first, then "Tidak berlaku": (answer, value, label, meaning, n/a).
    let na = (Answer::NotApplicable, "tb", props.scale.not_applicable.get(lang), None, true);
    let items = props.scale.options.iter().rev().map(|o| {
        (
            Answer::Value(o.value.clone()),
            o.value.as_str(),
            o.label.get(lang),
            o.description.as_ref(),
            false,
        )
    });
    let radios = items.chain(std::iter::once(na)).map(|(value, key, label, meaning, na)| {
        let checked = entry.answer.as_ref() == Some(&value);
        let id = format!("{base}-{key}");
        html! {
            <label class={classes!("patuh-opt", na.then_some("patuh-opt--na"), checked.then_some("patuh-opt--on"))} for={id.clone()}>
                <input type="radio" name={base.to_string()} {id} value={key.to_string()} {checked} onchange={edits.answer(Some(value))} />
                <span class="patuh-opt__label">{ label }</span>
                if let Some(d) = meaning { <span class="patuh-opt__desc">{ d.get(lang) }</span> }
                // "Tidak berlaku" is not "expired": when to choose it, in one line.
                if na { <span class="patuh-opt__desc">{ t(lang).na_hint }</span> }
            </label>
        }
    });
    html! { <div class="patuh-opts">{ for radios }</div> }
}

/// Notes, evidence links and photos, folded unless there is something in them.
fn extras(
    props: &IndicatorItemProps,
    entry: &Entry,
    base: &str,
    edits: &Edits,
    lang: Lang,
) -> Html {
    let tx = t(lang);
    let n_extra = usize::from(!entry.note.is_empty()) + entry.links.len() + entry.photos.len();
    let extra_count = if n_extra > 0 { format!(" ({n_extra})") } else { String::new() };
    let id = &props.indicator.id;
    html! {
        <details class="patuh-more" open={n_extra > 0}>
            <summary>{ tx.notes_evidence }{ extra_count }</summary>
            <div class="patuh-ind__extra">
                <label for={format!("{base}-note")}>{ tx.note }</label>
                <textarea id={format!("{base}-note")} rows="2" value={entry.note.clone()} oninput={edits.note()} maxlength="5000" />
                <Links place={props.place.clone()} indicator={id.clone()} links={entry.links.clone()} base={base.to_string()} />
                <Photos place={props.place.clone()} indicator={id.clone()} ids={entry.photos.clone()} base={base.to_string()} />
            </div>
        </details>
    }
}

/// One indicator.
#[component]
pub fn IndicatorItem(props: &IndicatorItemProps) -> Html {
    let app = use_app();
    let lang: Lang = app.lang;
    let tx = t(lang);
    let ind = props.indicator;
    let entry = props.entry.clone().unwrap_or_default();
    // Unit-wide answers share one radio group per unit; product ones one per product.
    let owner = match ind.scope {
        Scope::Unit => &props.place.unit,
        Scope::Product => &props.place.product,
    };
    let base = format!("patuh-{owner}-{}", ind.id);
    let edits = Edits { app, place: props.place.clone(), id: ind.id.clone() };
    html! {
        <fieldset class={classes!("patuh-ind", entry.review.then_some("patuh-ind--review"))} id={format!("patuh-ind-{}", ind.id)}>
            <legend class="patuh-ind__q">
                <span class="patuh-ind__no">{ format!("{}.", props.number) }</span>{ " " }{ ind.text.get(lang) }
            </legend>
            <div class="patuh-ind__tags">
                if ind.scope == Scope::Unit { <span class="patuh-tag">{ tx.unit_wide }</span> }
                if ind.assumed.is_some() { <span class="patuh-tag patuh-tag--assumed">{ tx.assumed_label }</span> }
            </div>
            { choices(props, &entry, &base, &edits, lang) }
            if entry.answer.is_some() {
                <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={edits.answer::<MouseEvent>(None)}>{ tx.clear_answer }</button>
            }
            { help(ind, lang) }
            <crate::components::evidence::EvidenceChecklist place={props.place.clone()} indicator={ind} entry={entry.clone()} base={base.clone()} />
            { extras(props, &entry, &base, &edits, lang) }
            <label class="patuh-check" for={format!("{base}-review")}>
                <input type="checkbox" id={format!("{base}-review")} checked={entry.review} onchange={edits.review()} />
                { tx.mark_review }
            </label>
        </fieldset>
    }
}

/// The indicator's help: what it asks, its legal source, how sure the source is, and why it is
/// assumed when it is.
fn help(ind: &Indicator, lang: Lang) -> Html {
    let tx = t(lang);
    html! {
        <details class="patuh-help">
            <summary>{ tx.help }</summary>
            <p>{ ind.help.get(lang) }</p>
            <dl>
                <dt>{ tx.legal_source }</dt><dd>{ ind.legal.clone() }</dd>
                <dt>{ tx.confidence }</dt><dd>{ confidence(lang, ind.confidence) }</dd>
                if let Some(a) = &ind.assumed { <dt>{ tx.assumed }</dt><dd>{ a.get(lang) }</dd> }
            </dl>
        </details>
    }
}

/// Props of [`Links`].
#[derive(Properties, PartialEq)]
struct LinksProps {
    place: Place,
    indicator: String,
    links: Vec<String>,
    /// The id prefix of the indicator's controls.
    base: String,
}

/// Evidence links of one indicator: the list (web addresses open in a new tab) and a field to add
/// one.
#[component]
fn Links(props: &LinksProps) -> Html {
    let app = use_app();
    let tx = t(app.lang);
    let draft = use_state(String::new);
    let add_link = {
        let (app, place, id, draft) =
            (app.clone(), props.place.clone(), props.indicator.clone(), draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !draft.trim().is_empty() {
                app.dispatch(Action::AddLink {
                    place: place.clone(),
                    indicator: id.clone(),
                    link: (*draft).clone(),
                });
                draft.set(String::new());
            }
        })
    };
    let links = props.links.iter().enumerate().map(|(i, l)| {
        let (app, place, id) = (app.clone(), props.place.clone(), props.indicator.clone());
        let remove = Callback::from(move |_| app.dispatch(Action::RemoveLink { place: place.clone(), indicator: id.clone(), index: i }));
        let href = (l.starts_with("https://") || l.starts_with("http://")).then(|| l.clone());
        html! {
            <li>
                if let Some(h) = href { <a href={h} target="_blank" rel="noopener noreferrer">{ l.clone() }</a> } else { <span>{ l.clone() }</span> }
                <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={remove}
                    aria-label={format!("{} {}", tx.remove, l)}>{ tx.remove }</button>
            </li>
        }
    });
    let base = &props.base;
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <form class="patuh-links" onsubmit={add_link}>
            <label for={format!("{base}-link")}>{ tx.evidence_links }</label>
            <div class="patuh-row">
                <input id={format!("{base}-link")} type="text" inputmode="url" placeholder={tx.link_placeholder} maxlength="2000"
                    value={(*draft).clone()} oninput={on_draft} />
                <button type="submit" class="patuh-btn patuh-btn--small">{ tx.add_link }</button>
            </div>
            if !props.links.is_empty() { <ul>{ for links }</ul> }
        </form>
    }
}
