//! The walk: one section per step, per service product, with the step list, progress and pager.

use std::rc::Rc;

use patuh_core::assessment::{Assessment, Place, Unit};
use patuh_core::instrument::{Scope, Section};
use patuh_core::scoring::{assess, Tally};
use patuh_core::{Instrument, Lang};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;
use crate::components::indicator::IndicatorItem;
use crate::components::steps::{goto, neighbours, next_unanswered, step_strip, Step};
use crate::components::zone_badge::ScoreSummary;
use crate::i18n::{of, t};
use crate::state::{use_app, Action, AppContext, View};

/// Progress bar with its figure as text ("12 dari 40").
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub done: u32,
    pub total: u32,
    pub label: AttrValue,
    pub lang: Lang,
}

/// A labelled `<progress>` (no inline style: works under a strict CSP).
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let text = of(props.lang, props.done, props.total);
    html! {
        <div class="patuh-progress">
            <span class="patuh-progress__label">{ props.label.clone() }{ ": " }<strong>{ text.clone() }</strong></span>
            <progress max={props.total.max(1).to_string()} value={props.done.to_string()} aria-label={format!("{} {}", props.label, text)}></progress>
        </div>
    }
}

/// Props of [`PlaceSelect`].
#[derive(Properties, PartialEq)]
pub struct PlaceSelectProps {
    /// "unit › product" of every place, in walk order.
    pub names: Rc<Vec<String>>,
    /// The current place.
    pub current: usize,
    /// A place was chosen.
    pub on_change: Callback<usize>,
}

/// The place chooser. Its own component, so that an answer (which changes neither the places nor
/// the current one) does not rebuild or compare its options: with 100 products, that was most of
/// the work of a click (docs/PERFORMANCE.md).
#[component]
pub fn PlaceSelect(props: &PlaceSelectProps) -> Html {
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Ok(p) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                cb.emit(p);
            }
        })
    };
    let current = props.current;
    html! {
        <select id="patuh-place" {onchange}>
            { for props.names.iter().enumerate().map(|(i, n)| html! { <option value={i.to_string()} selected={i == current}>{ n.clone() }</option> }) }
        </select>
    }
}

/// Focuses the step heading on every step change (not on first arrival from the start screen).
#[hook]
fn use_step_focus(heading: NodeRef, at: (usize, usize)) {
    let first = use_mut_ref(|| true);
    use_effect_with(at, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
            browser::focus(&h);
        }
    });
}

/// An indicator to bring into view once (its step is the current one): the one in view when the
/// user left a reopened assessment, or the one chosen in the result's "what to fix" (outlined, so
/// the eye finds it). After this render's effects (the app's "a new screen starts at its top"
/// among them), so nothing scrolls it away again.
#[hook]
fn use_scroll_to(to: Option<String>) {
    use_effect_with(to, move |to| {
        if let Some(id) = to.clone() {
            gloo::timers::callback::Timeout::new(0, move || {
                browser::show_target(&format!("patuh-ind-{id}"))
            })
            .forget();
        }
    });
}

fn show(app: &AppContext, v: View) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| app.dispatch(Action::Show(v)))
}

/// Props of [`CopyFrom`].
#[derive(Properties, PartialEq)]
struct CopyFromProps {
    /// The product answered now.
    place: Place,
    /// The unit's other products: (id, name).
    siblings: Vec<(String, String)>,
}

/// "Copy the still-empty answers from product …": a sibling product of the same unit.
#[component]
fn CopyFrom(props: &CopyFromProps) -> Html {
    let app = use_app();
    let copy_from = use_state(|| None::<String>);
    let tx = t(app.lang);
    let siblings = &props.siblings;
    let Some(first) = siblings.first() else {
        return html! {};
    };
    let selected = copy_from
        .as_ref()
        .filter(|id| siblings.iter().any(|(s, _)| s == *id))
        .cloned()
        .unwrap_or_else(|| first.0.clone());
    let on_pick = Callback::from(move |e: Event| {
        copy_from.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
    });
    let on_copy = {
        let (app, to, sel) = (app.clone(), props.place.clone(), selected.clone());
        Callback::from(move |_| {
            let from = Place { unit: to.unit.clone(), product: sel.clone() };
            app.dispatch(Action::CopyAnswers { from, to: to.clone() });
        })
    };
    html! {
        <div class="patuh-copy">
            <label for="patuh-copy-from">{ tx.copy_from }</label>
            <select id="patuh-copy-from" onchange={on_pick}>
                { for siblings.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == selected}>{ name.clone() }</option> }) }
            </select>
            <button type="button" class="patuh-btn patuh-btn--small" onclick={on_copy}>{ tx.copy_btn }</button>
        </div>
    }
}

/// What a section says before its questions: provisional instrument, unit-wide scope, projection,
/// its note and its assumption (one tap away, so the first question is on the first screen).
fn section_notes(ins: &Instrument, sec: &Section, lang: Lang) -> Html {
    let tx = t(lang);
    let unit_scoped = sec.indicators.iter().all(|i| i.scope == Scope::Unit);
    html! {
        <>
            if ins.provisional {
                <p class="patuh-callout patuh-callout--assumed" role="note"><strong>{ tx.provisional_instrument }</strong></p>
            }
            if unit_scoped { <p class="patuh-tag patuh-section__scope">{ tx.unit_wide }</p> }
            if sec.projection {
                <p class="patuh-callout"><strong>{ tx.projection }{ ": " }</strong>{ tx.projection_note }</p>
            }
            if let Some(n) = &sec.note {
                <details class="patuh-help">
                    <summary>{ tx.section_note }</summary>
                    <p class="patuh-muted">{ n.get(lang) }</p>
                </details>
            }
            if let Some(a) = &sec.assumed {
                <details class="patuh-help patuh-callout patuh-callout--assumed">
                    <summary><strong>{ tx.assumed }</strong>{ ": " }{ tx.about_section }</summary>
                    <p>{ a.get(lang) }</p>
                </details>
            }
        </>
    }
}

/// Previous, next unanswered, next (or, after the last step, the opinion data or the result).
fn pager(
    app: &AppContext,
    ins: &Instrument,
    prev: Option<Step>,
    unanswered: Option<Step>,
    next: Option<Step>,
) -> Html {
    let lang = app.lang;
    let tx = t(lang);
    html! {
        <div class="patuh-pager">
            if let Some((p, s)) = prev {
                <button type="button" class="patuh-btn" onclick={goto(app, p, s)}>{ "← " }{ tx.prev }</button>
            }
            if let Some((p, s)) = unanswered {
                <button type="button" class="patuh-btn patuh-btn--ghost" onclick={goto(app, p, s)}>{ tx.next_unanswered }</button>
            } else {
                <span class="patuh-muted">{ tx.all_answered }</span>
            }
            if let Some((p, s)) = next {
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-next" onclick={goto(app, p, s)}>{ tx.next }{ " →" }</button>
            } else if ins.opinion.is_some() {
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-next" onclick={show(app, View::Opinion)}>{ tx.next_opinion }{ " →" }</button>
            } else {
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-next" onclick={show(app, View::Result)}>{ tx.see_result }{ " →" }</button>
            }
        </div>
    }
}

/// The walk's top bar: which product is answered (all of them in walk order, "unit › product"),
/// and the ways to the structure, the SKM calculator, the opinion data and the result.
fn walk_bar(app: &AppContext, ins: &Instrument, doc: &Assessment, pi: usize, step: usize) -> Html {
    let tx = t(app.lang);
    let on_place = {
        let app = app.clone();
        Callback::from(move |p: usize| {
            app.dispatch(Action::Goto { place: p, step, indicator: None })
        })
    };
    // In the order of `Assessment::places`.
    let place_names: Rc<Vec<String>> = Rc::new(
        doc.units
            .iter()
            .flat_map(|u| u.products.iter().map(move |p| format!("{} › {}", u.name, p.name)))
            .collect(),
    );
    html! {
        <div class="patuh-walk__bar">
            <div class="patuh-field patuh-field--inline">
                <label for="patuh-place">{ tx.answering_for }</label>
                <PlaceSelect names={place_names} current={pi} on_change={on_place} />
            </div>
            <div class="patuh-row">
                <button type="button" class="patuh-btn patuh-btn--ghost" onclick={show(app, View::Setup)}>{ tx.structure }</button>
                <button type="button" class="patuh-btn patuh-btn--ghost" id="patuh-open-skm" onclick={show(app, View::Skm)}>{ tx.skm_short }</button>
                if ins.opinion.is_some() {
                    <button type="button" class="patuh-btn" id="patuh-open-opinion" onclick={show(app, View::Opinion)}>{ tx.opinion_data }</button>
                }
                <button type="button" class="patuh-btn" id="patuh-see-result" onclick={show(app, View::Result)}>{ tx.see_result }</button>
            </div>
        </div>
    }
}

/// The products answers can be copied from: the unit's other products, none in a section answered
/// once per unit.
fn siblings(unit: Option<&Unit>, sec: &Section, place: &Place) -> Vec<(String, String)> {
    if sec.indicators.iter().all(|i| i.scope == Scope::Unit) {
        return Vec::new();
    }
    unit.map(|u| {
        u.products
            .iter()
            .filter(|p| p.id != place.product)
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect()
    })
    .unwrap_or_default()
}

/// The walk screen.
#[component]
pub fn Walk() -> Html {
    let app = use_app();
    let heading = use_node_ref();
    use_step_focus(heading.clone(), (app.place, app.step));
    use_scroll_to(app.scroll_to.clone());
    let (Some(doc), Some(ins), Some(place)) =
        (app.doc.as_ref(), app.instrument(), app.current_place())
    else {
        return html! {};
    };
    let lang = app.lang;
    let tx = t(lang);
    let places = doc.places();
    let pi = app.place.min(places.len() - 1);
    let step = app.step.min(ins.sections.len() - 1);
    let sec = &ins.sections[step];
    let result = assess(ins, doc);
    let unit = doc.unit(&place.unit);
    let unit_res = result.units.iter().find(|u| u.unit == place.unit);
    let prod_res = unit_res.and_then(|u| u.products.iter().find(|p| p.product == place.product));
    let prod_tally: Tally = prod_res.map(|p| p.tally).unwrap_or_default();
    let items = sec.indicators.iter().enumerate().map(|(n, ind)| {
        let entry = doc.entry(ins, &place, &ind.id).cloned();
        html! { <IndicatorItem key={ind.id.clone()} place={place.clone()} indicator={ind} scale={ins.scale_of(ind)} {entry} number={n + 1} /> }
    });
    let (prev, next) = neighbours(pi, step, places.len(), ins.sections.len() - 1);
    let unanswered = next_unanswered(&result, ins.sections.len(), pi, step);
    let product_name = unit
        .and_then(|u| u.products.iter().find(|p| p.id == place.product))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let siblings = siblings(unit, sec, &place);
    html! {
        <div class="patuh-walk">
            { walk_bar(&app, ins, doc, pi, step) }
            <div class="patuh-walk__grid">
                <nav class="patuh-steps" aria-label={tx.steps}>
                    <Progress done={result.total - result.unanswered} total={result.total} label={AttrValue::from(doc.opd.clone())} {lang} />
                    <Progress done={prod_tally.answered} total={prod_tally.total} label={AttrValue::from(product_name.clone())} {lang} />
                    { step_strip(&app, ins, prod_res, pi, step) }
                </nav>
                <section class="patuh-section" aria-labelledby="patuh-step-h">
                    <h1 id="patuh-step-h" ref={heading} tabindex="-1">
                        <span class="patuh-section__crumb">{ format!("{} · {}", unit.map(|u| u.name.as_str()).unwrap_or_default(), product_name) }</span>
                        { sec.title.get(lang) }
                    </h1>
                    { section_notes(ins, sec, lang) }
                    <CopyFrom place={place.clone()} {siblings} />
                    if let Some(a) = &sec.indicators.first().map_or(&ins.scale, |i| ins.scale_of(i)).assumed {
                        <details class="patuh-help">
                            <summary>{ tx.level_meaning }</summary>
                            <p>{ a.get(lang) }</p>
                        </details>
                    }
                    { for items }
                    { pager(&app, ins, prev, unanswered, next) }
                </section>
                <aside class="patuh-aside" aria-label={tx.score}>
                    <ScoreSummary compact=true />
                </aside>
            </div>
        </div>
    }
}
